"""The ``arnorm`` command line.

``arnorm normalize [FILE ...]`` normalizes files or standard input, ``arnorm
match [FILE ...]`` finds the entries of gazetteers in them, and ``arnorm
gazetteer`` inspects the gazetteers.  The parser is built by
:func:`build_parser` (which the documentation renders) and run by :func:`main`,
the console script.  Exit status: 0 success, 1 an input or output error, 2 a
usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
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
        "gazetteers (with neither option: the latest version of every shipped gazetteer)"
    )
    gazetteers.add_argument(
        "--gazetteer",
        action="append",
        metavar="NAME[@VERSION]",
        help=(
            "use this shipped gazetteer, at VERSION if given, else its latest (repeatable);"
            " 'arnorm gazetteer list' shows them; an unknown NAME or VERSION is a usage error"
            " (exit status 2)"
        ),
    )
    gazetteers.add_argument(
        "--gazetteer-file",
        action="append",
        metavar="PATH",
        help=(
            "use your own gazetteer, JSON Lines in the shipped schema or CSV (repeatable); one"
            " that cannot be read or breaks the schema is an input error (exit status 1)"
        ),
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
        return _input_name(self.source)


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
            return _stop_quietly()
    return 0 if ok else 1


def _stop_quietly() -> int:
    """The reader of standard output went away (``| head``): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


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
    files = _inputs(args)
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


def _inputs(args: argparse.Namespace) -> list[str]:
    """The input files, ``-`` for standard input (the default), which may be named once."""
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise _UsageError("standard input ('-') can be read only once")
    return files


def _input_name(source: str) -> str:
    """How messages name the input *source*."""
    return STDIN_NAME if source == "-" else source


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
    if not _attempt(job.name, functools.partial(_normalize_job, job, normalizer, args, tally)):
        return False
    if tally is not None:
        sys.stderr.write(tally.render(job.name))
    return True


def _attempt(name: str, work: Callable[[], bool]) -> bool:
    """Run *work* on the input *name*; report an input or output error; return whether it worked.

    A broken pipe on standard output is left to the caller, which stops.
    """
    try:
        return work()
    except _io.DecodeError as err:
        _error(str(err))
    except UnicodeEncodeError as err:
        char = err.object[err.start]
        _error(f"{name}: U+{ord(char):04X} in the decoded text cannot be written as UTF-8")
    except BrokenPipeError:
        raise
    except OSError as err:
        _error(_describe(err, name))
    return False


@contextlib.contextmanager
def _reading(source: str) -> Iterator[BinaryIO]:
    """Standard input for ``-``, otherwise the file *source*, open for reading bytes."""
    if source == "-":
        yield sys.stdin.buffer
        return
    with Path(source).open("rb") as stream:
        yield stream


@contextlib.contextmanager
def _decoded(stream: BinaryIO, name: str, args: argparse.Namespace) -> Iterator[Iterator[str]]:
    """The text of *stream*, decoded as ``--encoding`` and ``--errors`` say, in chunks.

    The chunks are cut at line breaks where there are any (see
    :func:`~arnorm._io.chunk_text`), so memory stays bounded.  A large file
    read on a terminal shows its progress, erased when the ``with`` ends.
    """
    progress = _Progress.for_stream(stream, name)
    # The sizes are looked up at each call, so that tests can make them small.
    blocks = _io.decode_blocks(
        stream,
        encoding=args.encoding,
        errors=args.errors,
        name=name,
        block_size=_io.BLOCK_SIZE,
        progress=progress,
    )
    try:
        yield _io.chunk_text(blocks, max_chars=_io.MAX_CHUNK_CHARS)
    finally:
        if progress is not None:
            progress.done()


def _normalize_job(
    job: _Job, normalizer: Normalizer, args: argparse.Namespace, tally: _Tally | None
) -> bool:
    with _reading(job.source) as stream:
        if args.in_place and not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            _error(f"{job.name}: not a regular file; --in-place cannot replace it")
            return False
        _normalize_stream(stream, job, normalizer, args, tally)
    return True


def _normalize_stream(
    stream: BinaryIO,
    job: _Job,
    normalizer: Normalizer,
    args: argparse.Namespace,
    tally: _Tally | None,
) -> None:
    encode_errors = "replace" if args.errors == "replace" else "strict"

    def pump(sink: _Sink, chunks: Iterable[str], flush: Callable[[], object] | None = None) -> None:
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

    with _decoded(stream, job.name, args) as chunks:
        if job.target is None:
            out = sys.stdout.buffer
            pump(out, chunks, out.flush)
        else:
            backup = args.backup if args.in_place else None
            with _io.open_output(job.target, backup_suffix=backup) as output:
                pump(output, chunks)
                if job.source != "-":
                    stream.close()  # before the rename, for platforms that lock open files
                output.commit()


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
    files = _inputs(args)
    target = None if args.output in (None, "-") else args.output
    for path in files:
        if target is not None and _same_file(path, target):
            raise _UsageError(f"output {target} is the input {path}")
    matcher = _matcher(args)
    if matcher is None:
        return 1
    try:
        if target is None:
            out = sys.stdout.buffer
            return _match_into(files, matcher, args, out, out.flush)
        with _io.open_output(target) as output:
            status = _match_into(files, matcher, args, output)
            if status == 0:
                output.commit()
            return status
    except BrokenPipeError:
        return _stop_quietly()
    except OSError as err:
        _error(_describe(err, target or "<stdout>"))
        return 1


def _matcher(args: argparse.Namespace) -> Matcher | None:
    """The one matcher of this run, or ``None`` (reported) if a gazetteer cannot be loaded."""
    try:
        gazetteers = _match_gazetteers(args)
    except GazetteerError as err:
        _error(str(err))
        return None
    except OSError as err:  # a --gazetteer-file that is a directory, or cannot be read
        _error(_describe(err, "--gazetteer-file"))
        return None
    try:
        return Matcher(
            gazetteers,
            types=args.types,
            min_score=args.min_score,
            overlaps="all" if args.all_overlaps else "longest",
        )
    except ValueError as err:  # the same gazetteer asked for twice
        raise _UsageError(str(err)) from None


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
            raise _UsageError(f"argument --gazetteer: {err}") from None
    chosen.extend(Gazetteer.from_path(path) for path in args.gazetteer_file or [])
    return chosen


def _match_into(
    files: list[str],
    matcher: Matcher,
    args: argparse.Namespace,
    out: _Sink,
    flush: Callable[[], object] | None = None,
) -> int:
    """Write the records of every input to *out*; return the exit status.

    An input's records are spooled (in memory, then on disk) and written only
    once the whole input was read, so one that fails adds none.
    """
    if args.format == "tsv":
        out.write(("\t".join(MATCH_FIELDS) + "\n").encode("utf-8"))
    ok = True
    for path in files:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            work = functools.partial(_match_file, path, matcher, args, spool)
            if not _attempt(_input_name(path), work):
                ok = False
                continue
            spool.seek(0)
            shutil.copyfileobj(spool, out)
        if flush is not None:
            flush()
    return 0 if ok else 1


def _match_file(path: str, matcher: Matcher, args: argparse.Namespace, sink: _Sink) -> bool:
    """Write a record to *sink* for every match in the input *path*."""
    render = _tsv_record if args.format == "tsv" else _json_record
    lines = _Lines()
    with _reading(path) as stream, _decoded(stream, _input_name(path), args) as chunks:
        for match in matcher.iter_chunks(lines.track(chunks)):
            sink.write(render(path, lines.line(match.start), match))
    return True


class _Lines:
    """The line numbers of offsets into a text that is read chunk by chunk.

    Only the latest chunk is kept, with the line of one offset in it: the
    line of another is counted from there, forward or back, so each chunk is
    scanned about once however many matches it holds.  An offset must lie in
    the latest chunk: :meth:`~arnorm.Matcher.iter_chunks` reports every match
    of a chunk before it asks for the next.
    """

    def __init__(self) -> None:
        self._chunk = ""
        self._base = 0  # the offset of the chunk in the text
        self._at = 0  # an index into the chunk ...
        self._line = 1  # ... and its line

    def track(self, chunks: Iterable[str]) -> Iterator[str]:
        """Pass *chunks* through, keeping the latest one."""
        for chunk in chunks:
            self.line(self._base + len(self._chunk))  # count the rest of the previous chunk
            self._base += len(self._chunk)
            self._chunk, self._at = chunk, 0
            yield chunk

    def line(self, offset: int) -> int:
        """The 1-based line of the character at *offset* (from the start of the text)."""
        at = offset - self._base
        if not 0 <= at <= len(self._chunk):
            raise ValueError(f"offset {offset} is not in the latest chunk")
        if at >= self._at:
            self._line += self._chunk.count("\n", self._at, at)
        else:
            self._line -= self._chunk.count("\n", at, self._at)
        self._at = at
        return self._line


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


#: A tab, and every character at which ``str.splitlines`` breaks a line, turn into a space.
_TSV_UNSAFE: Final = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


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
