"""The ``arnorm`` command line.

``arnorm normalize [FILE ...]`` normalizes files or standard input.  The parser
is built by :func:`build_parser` (which the documentation renders) and run by
:func:`main`, the console script.  Exit status: 0 success, 1 an input or output
error, 2 a usage error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Final, Protocol, TextIO, TypeAlias

from . import __version__, _gazetteer_cli, _io, steps
from .gazetteer import ENTRY_TYPES, Gazetteer, GazetteerError, load_gazetteer
from .matcher import Match, Matcher
from .normalizer import PROFILES, Change, Explanation, Normalizer, NormalizerConfig

__all__ = ["build_parser", "main"]

PROG: Final = "arnorm"
STDIN_NAME: Final = "<stdin>"
#: Inputs at least this large (regular files only) get a progress display on a terminal.
PROGRESS_MIN_BYTES: Final = 8 << 20
#: Examples of each step's changes shown by ``--explain``.
EXPLAIN_EXAMPLES: Final = 3

#: ``--option`` flags that turn a :class:`~arnorm.NormalizerConfig` option on,
#: and the step each one needs to have an effect.
OPTION_FLAGS: Final = {
    "expand_ligatures": "unicode",
    "keep_shadda": "diacritics",
    "dagger_alef_as_alef": "diacritics",
    "fold_hamza_seats": "alef",
}


class _UsageError(Exception):
    """A mistake in the command line that argparse cannot see (exit status 2)."""


# --------------------------------------------------------------------------
# The parser.
# --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Build the ``arnorm`` argument parser, one subparser per command.

    Building it has no side effects, so the documentation can render it.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Normalize Arabic text, and find the officials, security agencies, organisations"
            " and places it names, however they are spelled, against versioned gazetteers."
        ),
        epilog="Run 'arnorm COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )
    for add_parser, _ in COMMANDS.values():
        add_parser(commands)
    for command_parser in commands.choices.values():
        # So that main can report a usage error found after parsing.
        command_parser.set_defaults(command_parser=command_parser)
    return parser


# Generic only to type checkers: a string, so nothing subscripts it at run time.
_Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_normalize(commands: _Subparsers) -> None:
    sub = commands.add_parser(
        "normalize",
        help="normalize text files or standard input",
        description=(
            "Normalize FILEs (standard input if none or '-') and write the result to standard"
            " output, to -o FILE, into --output-dir, or back over each input with --in-place."
            " Output is always UTF-8, whatever the input encoding. Line breaks (LF, CRLF, CR)"
            " are kept byte for byte. Input is read in bounded blocks, so files of any size"
            " run in constant memory."
        ),
        epilog=(
            "Files are written under a temporary name in the same directory and renamed into"
            " place only when the whole input was read and normalized, so an error (such as"
            " bytes that do not decode) leaves an existing output file, or the input under"
            " --in-place, exactly as it was. Text already written to standard output stays"
            " there. With several inputs, an input that fails does not stop the others."
            " Exit status: 0 success, 1 an input or output error, 2 a usage error."
        ),
    )
    _add_files(sub)

    output = sub.add_argument_group("output (at most one of these; default standard output)")
    where = output.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (one input only; '-' is standard output); FILE may not be the input",
    )
    where.add_argument(
        "--output-dir",
        metavar="DIR",
        help=(
            "write each input to DIR under the input's base name (created if missing);"
            " two inputs with the same base name are refused"
        ),
    )
    where.add_argument(
        "--in-place",
        action="store_true",
        help=(
            "replace each input with its normalized text, atomically, keeping the file's"
            " permissions"
        ),
    )
    output.add_argument(
        "--backup",
        metavar="SUFFIX",
        help="with --in-place, first keep a copy of each original as FILE + SUFFIX (e.g. .orig)",
    )

    normalization = sub.add_argument_group("normalization")
    normalization.add_argument(
        "--profile",
        choices=list(PROFILES),
        default="search",
        help=(
            "the steps to run: 'search' folds everything spelling varies on, 'light' only"
            " what a reader cannot see (default: %(default)s)"
        ),
    )
    normalization.add_argument(
        "--enable",
        action="append",
        choices=steps.STEP_NAMES,
        metavar="STEP",
        help=(
            "also run STEP (repeatable); steps: " + ", ".join(steps.STEP_NAMES) + "; they always"
            " run in that order"
        ),
    )
    normalization.add_argument(
        "--disable",
        action="append",
        choices=steps.STEP_NAMES,
        metavar="STEP",
        help="do not run STEP (repeatable)",
    )
    normalization.add_argument(
        "--expand-ligatures",
        action="store_true",
        help="with the unicode step, also expand the multi-word ligatures ﷺ ﷻ ﷽",
    )
    normalization.add_argument(
        "--keep-shadda",
        action="store_true",
        help="with the diacritics step, keep U+0651 SHADDA",
    )
    normalization.add_argument(
        "--dagger-alef-as-alef",
        action="store_true",
        help="with the diacritics step, turn U+0670 SUPERSCRIPT ALEF into ا instead of removing it",
    )
    normalization.add_argument(
        "--fold-hamza-seats",
        action="store_true",
        help="with the alef step, also fold ؤ to و and ئ to ي",
    )
    normalization.add_argument(
        "--explain",
        action="store_true",
        help=(
            "report on standard error, for each input, every step that changed the text,"
            " how many places it changed and up to three examples as code points"
        ),
    )

    _add_decoding(sub)


def _add_match(commands: _Subparsers) -> None:
    sub = commands.add_parser(
        "match",
        help="find gazetteer entries in text files or standard input",
        description=(
            "Find the officials, agencies, organisations and places of the gazetteers in FILEs"
            " (standard input if none or '-'), however they are spelled, and write one record"
            " a match: JSON Lines (the default) or TSV with a header row. Each record has the"
            " file, the line of the match's start, its start and end as character offsets into"
            " the decoded text of the file, the text there, the entry (id, type, name, name_en),"
            " the score and method, and the gazetteer and version it came from. Input is read in"
            " bounded blocks, so files of any size run in constant memory."
        ),
        epilog=(
            "A file that cannot be read or decoded is reported and contributes no record; the"
            " other files still run. With -o, the output file is written atomically and only if"
            " every input succeeded; otherwise an existing file is left as it was. An unknown"
            " gazetteer or version is a usage error. Exit status: 0 success, 1 an input or"
            " output error (including a gazetteer file that does not validate), 2 a usage error."
        ),
    )
    _add_files(sub)
    output = sub.add_argument_group("output")
    output.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output ('-'); FILE may not be an input",
    )
    output.add_argument(
        "--format",
        choices=["jsonl", "tsv"],
        default="jsonl",
        help="one JSON object a match, or tab-separated values (default: %(default)s)",
    )
    gazetteers = sub.add_argument_group(
        "gazetteers (default: the latest version of every shipped gazetteer)"
    )
    gazetteers.add_argument(
        "--gazetteer",
        action="append",
        metavar="NAME[@VERSION]",
        help=(
            "use this shipped gazetteer, at VERSION if given (repeatable); 'arnorm gazetteer"
            " list' shows them"
        ),
    )
    gazetteers.add_argument(
        "--gazetteer-file",
        action="append",
        metavar="PATH",
        help="use your own gazetteer, JSON Lines in the shipped schema or CSV (repeatable)",
    )
    matching = sub.add_argument_group("matching")
    matching.add_argument(
        "--types",
        type=_types,
        metavar="TYPE[,TYPE...]",
        help="keep entries of these types: person, agency, organization, place",
    )
    matching.add_argument(
        "--min-score",
        type=_score,
        default=0.0,
        metavar="SCORE",
        help="drop matches scoring below SCORE, from 0 to 1 (default: %(default)s)",
    )
    matching.add_argument(
        "--all-overlaps",
        action="store_true",
        help="report nested and overlapping matches too, not only the leftmost-longest ones",
    )
    _add_decoding(sub)


def _types(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in ENTRY_TYPES]
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown entry type {', '.join(unknown) or repr(value)}; choose from"
            f" {', '.join(ENTRY_TYPES)}"
        )
    return names


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return score


def _add_files(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="input files; none, or '-', reads standard input",
    )


def _add_decoding(sub: argparse.ArgumentParser) -> None:
    """The ``--encoding`` and ``--errors`` options, shared by the commands that read text."""
    decoding = sub.add_argument_group("input decoding")
    decoding.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help=(
            "the encoding of the input, any codec Python knows, e.g. windows-1256 or"
            " iso-8859-6 (default: %(default)s; a UTF-8 byte order mark is dropped)"
        ),
    )
    decoding.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help=(
            "what to do with bytes that do not decode: 'strict' reports the file, line and byte"
            " offset and writes nothing for that file (exit status 1); 'replace' writes U+FFFD"
            " (default: %(default)s)"
        ),
    )


def _encoding(name: str) -> str:
    try:
        return _io.check_encoding(name)
    except LookupError as err:
        message = str(err) if "text encoding" in str(err) else f"unknown encoding: {name}"
        raise argparse.ArgumentTypeError(message) from None


# --------------------------------------------------------------------------
# Running.
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run ``arnorm`` with *argv* (default ``sys.argv[1:]``) and return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _, run = COMMANDS[args.command]
        try:
            return run(args)
        except _UsageError as err:
            command_parser: argparse.ArgumentParser = args.command_parser
            command_parser.error(str(err))
    except SystemExit as exc:  # argparse's usage errors, --help and --version
        return _status(exc)
    except KeyboardInterrupt:
        return 130


def _status(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


@dataclasses.dataclass(frozen=True)
class _Job:
    """One input and where its output goes (``None``: standard output)."""

    source: str
    target: str | None

    @property
    def name(self) -> str:
        return STDIN_NAME if self.source == "-" else self.source


class _Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


def _run_normalize(args: argparse.Namespace) -> int:
    """Run ``arnorm normalize``; return the exit status."""
    config = _config(args)
    jobs = _jobs(args)
    normalizer = Normalizer(config)
    if args.output_dir is not None:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            _error(_describe(err, args.output_dir))
            return 1
    ok = True
    for job in jobs:
        try:
            ok = _run_job(job, normalizer, args) and ok
        except BrokenPipeError:
            # The reader of standard output went away (``| head``): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 1
    return 0 if ok else 1


def _config(args: argparse.Namespace) -> NormalizerConfig:
    enable: set[str] = set(args.enable or [])
    disable: set[str] = set(args.disable or [])
    both = sorted(enable & disable, key=steps.STEP_NAMES.index)
    if both:
        raise _UsageError(f"step {both[0]} is both enabled and disabled")
    changes: dict[str, bool] = dict.fromkeys(enable, True)
    changes.update(dict.fromkeys(disable, False))
    changes.update({opt: True for opt in OPTION_FLAGS if getattr(args, opt)})
    config = dataclasses.replace(PROFILES[args.profile], **changes)
    for opt, step in OPTION_FLAGS.items():
        if getattr(args, opt) and not getattr(config, step):
            flag = "--" + opt.replace("_", "-")
            _warn(f"{flag} has no effect: the {step} step is off")
    return config


def _jobs(args: argparse.Namespace) -> list[_Job]:
    """Check the inputs against the output options and pair each input with its target."""
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise _UsageError("standard input ('-') can be read only once")
    if args.backup is not None and not args.in_place:
        raise _UsageError("--backup needs --in-place")
    if args.backup == "":
        raise _UsageError("--backup needs a non-empty SUFFIX")
    if args.in_place:
        if "-" in files:
            raise _UsageError("--in-place cannot rewrite standard input")
        seen_files: dict[object, str] = {}
        for path in files:
            key = _file_key(path)
            if key in seen_files:
                raise _UsageError(f"{seen_files[key]} and {path} are the same file")
            seen_files[key] = path
        return [_Job(path, path) for path in files]
    if args.output_dir is not None:
        if "-" in files:
            raise _UsageError("--output-dir needs file names; standard input has none")
        jobs = []
        seen: dict[str, str] = {}
        for path in files:
            target = str(Path(args.output_dir, Path(path).name))
            if target in seen:
                raise _UsageError(f"{seen[target]} and {path} would both be written to {target}")
            seen[target] = path
            jobs.append(_Job(path, target))
    elif args.output is not None and args.output != "-":
        if len(files) > 1:
            raise _UsageError("-o/--output takes one input; use --output-dir for several")
        jobs = [_Job(files[0], args.output)]
    else:
        return [_Job(path, None) for path in files]
    for job in jobs:
        if job.target is not None and _same_file(job.source, job.target):
            raise _UsageError(
                f"output {job.target} is the input {job.source}; use --in-place to rewrite it"
            )
    return jobs


def _file_key(path: str) -> object:
    """What identifies the file *path*: its device and inode, or where it would be."""
    try:
        info = Path(path).stat()
    except OSError:  # it does not exist (yet)
        return Path(path).resolve()
    return (info.st_dev, info.st_ino)


def _same_file(a: str, b: str) -> bool:
    return a != "-" and b != "-" and _file_key(a) == _file_key(b)


def _run_job(job: _Job, normalizer: Normalizer, args: argparse.Namespace) -> bool:
    """Normalize one input; report any error and return whether it succeeded."""
    tally = _Tally() if args.explain else None
    try:
        if job.source == "-":
            _normalize_stream(sys.stdin.buffer, job, normalizer, args, tally)
        else:
            with Path(job.source).open("rb") as stream:
                if args.in_place and not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    _error(f"{job.name}: not a regular file; --in-place cannot replace it")
                    return False
                _normalize_stream(stream, job, normalizer, args, tally)
    except _io.DecodeError as err:
        _error(str(err))
        return False
    except UnicodeEncodeError as err:
        char = err.object[err.start]
        _error(f"{job.name}: U+{ord(char):04X} in the decoded text cannot be written as UTF-8")
        return False
    except BrokenPipeError:
        raise
    except OSError as err:
        _error(_describe(err, job.name))
        return False
    if tally is not None:
        sys.stderr.write(tally.render(job.name))
    return True


def _normalize_stream(
    stream: BinaryIO,
    job: _Job,
    normalizer: Normalizer,
    args: argparse.Namespace,
    tally: _Tally | None,
) -> None:
    progress = _Progress.for_stream(stream, job.name)
    encode_errors = "replace" if args.errors == "replace" else "strict"
    chunks = _io.chunk_text(
        _io.decode_blocks(
            stream, encoding=args.encoding, errors=args.errors, name=job.name, progress=progress
        )
    )

    def pump(sink: _Sink, flush: Callable[[], object] | None = None) -> None:
        for chunk in chunks:
            if tally is None:
                text = normalizer(chunk)
            else:
                explanation = normalizer.explain(chunk, examples=EXPLAIN_EXAMPLES)
                tally.add(explanation)
                text = explanation.text
            sink.write(text.encode("utf-8", encode_errors))
            if flush is not None:
                flush()

    try:
        if job.target is None:
            out = sys.stdout.buffer
            pump(out, out.flush)
        else:
            backup = args.backup if args.in_place else None
            with _io.open_output(job.target, backup_suffix=backup) as output:
                pump(output)
                if job.source != "-":
                    stream.close()  # before the rename, for platforms that lock open files
                output.commit()
    finally:
        if progress is not None:
            progress.done()


#: The fields of a ``match`` record, in output order.
MATCH_FIELDS: Final = (
    "file",
    "line",
    "start",
    "end",
    "text",
    "id",
    "type",
    "name",
    "name_en",
    "score",
    "method",
    "gazetteer",
    "version",
)
#: Records of one input are held here (in memory, then on disk) until it succeeds.
SPOOL_BYTES: Final = 8 << 20


def _run_match(args: argparse.Namespace) -> int:
    """Run ``arnorm match``; return the exit status."""
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise _UsageError("standard input ('-') can be read only once")
    target = None if args.output in (None, "-") else args.output
    for path in files:
        if target is not None and _same_file(path, target):
            raise _UsageError(f"output {target} is the input {path}")
    try:
        matcher = Matcher(
            _match_gazetteers(args),
            types=args.types,
            min_score=args.min_score,
            overlaps="all" if args.all_overlaps else "longest",
        )
    except GazetteerError as err:
        _error(str(err))
        return 1
    try:
        if target is None:
            return _match_into(files, matcher, args, sys.stdout.buffer)
        with _io.open_output(target) as output:
            status = _match_into(files, matcher, args, output)
            if status == 0:
                output.commit()
            return status
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        _error(_describe(err, target or "<stdout>"))
        return 1


def _match_gazetteers(args: argparse.Namespace) -> list[Gazetteer] | None:
    """The gazetteers asked for, or ``None`` for the default (all shipped, latest)."""
    if not args.gazetteer and not args.gazetteer_file:
        return None
    chosen: list[Gazetteer] = []
    for spec in args.gazetteer or []:
        name, _, version = spec.partition("@")
        try:
            chosen.append(load_gazetteer(name, version or None))
        except GazetteerError as err:
            raise _UsageError(str(err)) from None
    chosen.extend(Gazetteer.from_path(path) for path in args.gazetteer_file or [])
    return chosen


def _match_into(files: list[str], matcher: Matcher, args: argparse.Namespace, out: _Sink) -> int:
    if args.format == "tsv":
        out.write(("\t".join(MATCH_FIELDS) + "\n").encode("utf-8"))
    ok = True
    for path in files:
        name = STDIN_NAME if path == "-" else path
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            try:
                if path == "-":
                    _match_stream(sys.stdin.buffer, "-", name, matcher, args, spool)
                else:
                    with Path(path).open("rb") as stream:
                        _match_stream(stream, path, name, matcher, args, spool)
            except _io.DecodeError as err:
                _error(str(err))
                ok = False
                continue
            except OSError as err:
                _error(_describe(err, name))
                ok = False
                continue
            spool.seek(0)
            shutil.copyfileobj(spool, out)
    return 0 if ok else 1


def _match_stream(
    stream: BinaryIO,
    path: str,
    name: str,
    matcher: Matcher,
    args: argparse.Namespace,
    sink: _Sink,
) -> None:
    progress = _Progress.for_stream(stream, name)
    chunks = _io.chunk_text(
        _io.decode_blocks(
            stream, encoding=args.encoding, errors=args.errors, name=name, progress=progress
        )
    )
    # iter_chunks asks for the next chunk only when it has reported every match
    # of the current one, so a match always lies in ``where.text``.
    where = _Chunk()

    def tracked() -> Iterator[str]:
        for chunk in chunks:
            where.advance(chunk)
            yield chunk

    render = _tsv_record if args.format == "tsv" else _json_record
    try:
        for match in matcher.iter_chunks(tracked()):
            sink.write(render(path, where.line_of(match.start), match))
    finally:
        if progress is not None:
            progress.done()


@dataclasses.dataclass
class _Chunk:
    """The chunk of a stream being matched: its text, where it starts, its first line."""

    text: str = ""
    base: int = 0
    line: int = 1

    def advance(self, chunk: str) -> None:
        self.line += self.text.count("\n")
        self.base += len(self.text)
        self.text = chunk

    def line_of(self, offset: int) -> int:
        """The 1-based line of character *offset* (counted from the stream's start)."""
        return self.line + self.text.count("\n", 0, offset - self.base)


def _record(path: str, line: int, match: Match) -> dict[str, object]:
    return {
        "file": path,
        "line": line,
        "start": match.start,
        "end": match.end,
        "text": match.text,
        "id": match.id,
        "type": match.type,
        "name": match.name,
        "name_en": match.name_en,
        "score": match.score,
        "method": match.method,
        "gazetteer": match.gazetteer,
        "version": match.version,
    }


def _json_record(path: str, line: int, match: Match) -> bytes:
    return (json.dumps(_record(path, line, match), ensure_ascii=False) + "\n").encode("utf-8")


_TSV_UNSAFE: Final = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _tsv_record(path: str, line: int, match: Match) -> bytes:
    values = (str(v).translate(_TSV_UNSAFE) for v in _record(path, line, match).values())
    return ("\t".join(values) + "\n").encode("utf-8")


class _Tally:
    """The ``--explain`` report of one input: counts and examples summed over its chunks."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.examples: dict[str, list[Change]] = {}

    def add(self, explanation: Explanation) -> None:
        for report in explanation.reports:
            self.counts[report.step] = self.counts.get(report.step, 0) + report.count
            kept = self.examples.setdefault(report.step, [])
            kept.extend(report.examples[: EXPLAIN_EXAMPLES - len(kept)])

    def render(self, name: str) -> str:
        if not self.counts:
            return f"{name}: no step changed the text\n"
        lines = [f"{name}:"]
        width = max(len(step) for step in self.counts)
        for step in steps.STEP_NAMES:
            if step in self.counts:
                count = self.counts[step]
                examples = "; ".join(str(change) for change in self.examples[step])
                noun = "change" if count == 1 else "changes"
                row = f"  {step:<{width}}  {count} {noun}"
                lines.append(f"{row}, e.g. {examples}" if examples else row)
        return "\n".join(lines) + "\n"


class _Progress:
    """A carriage-return percentage on standard error, by bytes read."""

    def __init__(self, name: str, total: int, stream: TextIO) -> None:
        self.name = name
        self.total = total
        self.stream = stream
        self.shown = -1

    @classmethod
    def for_stream(cls, stream: BinaryIO, name: str) -> _Progress | None:
        """A progress display for *stream*, if stderr is a terminal and *stream* a large file."""
        if not sys.stderr.isatty():
            return None
        try:
            info = os.fstat(stream.fileno())
        except (OSError, ValueError):  # no file descriptor (a test's BytesIO)
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size < PROGRESS_MIN_BYTES:
            return None
        return cls(name, info.st_size, sys.stderr)

    def __call__(self, done: int) -> None:
        percent = min(100, done * 100 // self.total)
        if percent != self.shown:
            self.shown = percent
            self.stream.write(f"\r{PROG}: {self.name}: {percent:3d}%")
            self.stream.flush()

    def done(self) -> None:
        """Erase the display, so that what follows starts on a clean line."""
        if self.shown >= 0:
            width = len(f"{PROG}: {self.name}: 100%")
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()


def _describe(err: OSError, default: str) -> str:
    name = err.filename if err.filename is not None else default
    return f"{os.fsdecode(name)}: {err.strerror or err}"


def _error(message: str) -> None:
    sys.stderr.write(f"{PROG}: error: {message}\n")


def _warn(message: str) -> None:
    sys.stderr.write(f"{PROG}: warning: {message}\n")


#: The subcommands: the function that adds each one's parser, and the one that runs it.
COMMANDS: Final[
    dict[str, tuple[Callable[[_Subparsers], None], Callable[[argparse.Namespace], int]]]
] = {
    "normalize": (_add_normalize, _run_normalize),
    "match": (_add_match, _run_match),
    "gazetteer": (_gazetteer_cli.add_parser, _gazetteer_cli.run),
}
