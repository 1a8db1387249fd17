"""The ``arnorm`` command line.

``arnorm normalize [FILE ...]`` normalizes files or standard input, ``arnorm
match [FILE ...]`` finds the entries of gazetteers in them, and ``arnorm
gazetteer`` inspects the gazetteers.  The parser is built by
:func:`build_parser` (which the documentation renders) and run by :func:`main`,
the console script.  Exit status, the same for every command: 0 success (a
closed standard output included), 1 an input, output or data error, 2 a usage
error, 130 SIGINT, 143 SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import functools
import io
import multiprocessing
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO, ClassVar, Final, NoReturn, Protocol, TypeAlias

from . import __version__, _gazetteer_cli, _io, _parallel, _walk, files, steps
from .gazetteer import (
    ENTRY_TYPES,
    Gazetteer,
    GazetteerError,
    Role,
)
from .matcher import EvidenceWarning, Match, Matcher, Overlaps
from .normalizer import PROFILES, Change, Explanation, Normalizer, NormalizerConfig

__all__ = ["build_parser", "main"]

PROG: Final = "arnorm"
#: How messages and match records name standard input (given as ``-`` or no FILE).
STDIN_NAME: Final = "<stdin>"
#: How messages name standard output.
STDOUT_NAME: Final = "<stdout>"
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


#: The exit statuses, the same for every command (the table in ``docs/cli.rst``).
EXIT_OK: Final = 0
#: An input, output or data error: a file that cannot be read, decoded or written, a
#: gazetteer file that does not validate, a shipped gazetteer that fails its checksum.
EXIT_ERROR: Final = 1
#: A mistake in the command line, including an unknown gazetteer name or version.
EXIT_USAGE: Final = 2
#: Stopped by SIGINT (Ctrl-C) or SIGTERM (``kill``, ``timeout``): 128 + the signal number.
EXIT_SIGINT: Final = 128 + signal.SIGINT
EXIT_SIGTERM: Final = 128 + signal.SIGTERM

_UsageError = _gazetteer_cli.UsageError


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
            "Normalize FILEs (standard input if none or '-'; with --recursive, the files below"
            " each directory) and write the result to standard output, to -o FILE, into"
            " --output-dir, or back over each input with --in-place. Output is always UTF-8,"
            " whatever the input encoding. Line breaks (LF, CRLF, CR) are kept byte for byte."
            " Input is read in bounded blocks, so files of any size run in constant memory."
            " Several inputs are shared among --jobs worker processes; what is written is the"
            " same, byte for byte and in input order, whatever the number of jobs."
        ),
        epilog=(
            "Files are written under a temporary name in the same directory and renamed into"
            " place only when the whole input was read and normalized, so an error (such as"
            " bytes that do not decode) leaves an existing output file, or the input under"
            " --in-place, exactly as it was. Text already written to standard output stays"
            " there. With several inputs, an input that fails is reported in its turn and the"
            " others go on; a last line on standard error says how many failed. When standard"
            " error is a terminal (and the output does not go to it), a bar there shows the"
            " inputs done. Exit status: 0 success, 1 an input or output error (in any input),"
            " 2 a usage error, 130 and 143 stopped by SIGINT and SIGTERM."
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
            "write each input to DIR (created if missing) under its base name, or, if"
            " --recursive found it below a directory, under its path below that directory;"
            " two inputs with the same target are refused"
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
        help=(
            "with --in-place, first keep the original as FILE + SUFFIX (e.g. .orig); never"
            " through a symbolic link, and never over an existing backup (see next)"
        ),
    )
    output.add_argument(
        "--overwrite-backup",
        action="store_true",
        help="with --backup, replace a backup that is there already (a second run's original)",
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
            " (standard input if none or '-'; with --recursive, the files below each"
            " directory), however they are spelled, and write one record"
            " a match: JSON Lines (the default) or TSV with a header row. Each record has the"
            " file, the line of the match's start, its start and end as character offsets into"
            " the decoded text of the file, the text there, the entry (id, type, name, name_en),"
            " the score and method, and the gazetteer and version it came from. Input is read in"
            " bounded blocks, so files of any size run in constant memory. Several inputs are"
            " shared among --jobs worker processes; the records are the same, byte for byte"
            " and in input order, whatever the number of jobs."
        ),
        epilog=(
            "A file that cannot be read or decoded is reported in its turn and contributes no"
            " record; the other files still run, and with several inputs a last line on"
            " standard error says how many failed. When standard error is a terminal (and the"
            " records do not go to it), a bar there shows the inputs done. With -o, the output"
            " file is written atomically and only if every input succeeded; otherwise an"
            " existing file is left as it was. An unknown gazetteer or version is a usage"
            " error. Exit status: 0 success, 1 an input or output error (including a gazetteer"
            " file that does not validate), 2 a usage error, 130 and 143 stopped by SIGINT and"
            " SIGTERM."
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
        choices=list(FORMATS),
        default="jsonl",
        help=(
            "one JSON object a match; tab-separated values with a header row; or RFC 4180 CSV"
            " (comma-separated, quoted where needed, CRLF line ends) with a header row, as"
            " spreadsheets and pandas read it. In tsv and csv, a value that a spreadsheet"
            " would run as a formula (it begins with = + - @, a tab or a carriage return)"
            " gets a ' in front (default: %(default)s)"
        ),
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
        "--as-of",
        type=_as_of,
        metavar="DATE",
        help=(
            "with each person match, the roles the person held on DATE (YYYY, YYYY-MM or"
            ' YYYY-MM-DD), as "roles" in the JSON Lines records'
        ),
    )
    matching.add_argument(
        "--safe-word",
        action="append",
        metavar="WORD",
        help=(
            "report WORD alone where it is an alias (repeatable): an alias of one word that is"
            " a frequent Arabic word is otherwise reported only with evidence around it, as a"
            " common word is; the shipped gazetteers' own are reviewed already"
        ),
    )
    matching.add_argument(
        "--safe-words-file",
        action="append",
        metavar="FILE",
        help=(
            "read more safe words from FILE (repeatable): UTF-8, one word a line, '#' starts a"
            " comment; added to the shipped list, as --safe-word is"
        ),
    )
    matching.add_argument(
        "--common-word",
        action="append",
        metavar="WORD",
        help=(
            "report WORD, where it is an alias, only with evidence around it (a cue word such as"
            " منطقة before it, or another name of the same type beside it), as the shipped"
            " common words are (repeatable; added to the shipped list)"
        ),
    )
    matching.add_argument(
        "--common-words-file",
        action="append",
        metavar="FILE",
        help=(
            "read more common words from FILE (repeatable): UTF-8, one alias a line, '#'"
            " starts a comment; added to the shipped list, as --common-word is"
        ),
    )
    matching.add_argument(
        "--no-shipped-word-lists",
        action="store_true",
        help=(
            "start from empty lists of safe and common words instead of the shipped ones, so"
            " that only the words given with the options above count"
            " (Matcher(shipped_word_lists=False))"
        ),
    )
    matching.add_argument(
        "--no-fuzzy",
        action="store_true",
        help=(
            "match only spellings the gazetteers list (after normalization): no dotless"
            " skeletons and no one-letter edits (Matcher(fuzzy=False))"
        ),
    )
    matching.add_argument(
        "--no-variants",
        action="store_true",
        help="no long-vowel and hamza-seat variants of the names (Matcher(variants=False))",
    )
    matching.add_argument(
        "--no-surnames",
        action="store_true",
        help="never report a person's surname alone (Matcher(surnames=False))",
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


def _as_of(value: str) -> str:
    try:
        Role("").held_on(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def _add_files(sub: argparse.ArgumentParser) -> None:
    """The inputs and the options for many of them, shared by the commands that read text."""
    sub.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=("input files, or directories with --recursive; none, or '-', reads standard input"),
    )
    inputs = sub.add_argument_group("many inputs")
    inputs.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help=(
            "read the files below each directory FILE: depth first, each directory's entries"
            " sorted by name, skipping names that begin with '.' and not following symbolic"
            " links (a directory named as FILE may be one); without this option a directory"
            " is an input error"
        ),
    )
    inputs.add_argument(
        "--glob",
        action="append",
        type=_pattern,
        metavar="PATTERN",
        help=(
            "with --recursive, read only the files whose path below the directory matches"
            " PATTERN (repeatable; the default is "
            + " ".join(f"--glob={pattern}" for pattern in _walk.DEFAULT_PATTERNS)
            + "): a PATTERN without '/' matches the file name, one with '/' the last parts of the"
            " path, one that begins with '/' the whole path; * ? [...] never match '/', and"
            " case counts; files named as FILE are read whatever their name"
        ),
    )
    inputs.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=(
            "show no progress, no warnings and no last line counting the inputs that failed;"
            " errors are still reported, and the exit status is the same"
        ),
    )
    inputs.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        metavar="N",
        help=(
            "share the inputs among N worker processes (default, and at most: the number of"
            " processors, and of inputs); 1 runs them all in this process; the output is the"
            " same for every N"
        ),
    )


def _pattern(value: str) -> str:
    try:
        return _walk.check_pattern(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _job_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {count}")
    return count


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
    """Run ``arnorm`` with *argv* (default ``sys.argv[1:]``) and return the exit status.

    SIGTERM stops a run as SIGINT (Ctrl-C) does: temporary files and the
    worker processes' spill directory are removed, and the status is 143.
    """
    parser = build_parser()
    with _stopped_by_signals():
        try:
            args = parser.parse_args(argv)
            _, run = COMMANDS[args.command]
            try:
                status = run(args)
            except _UsageError as err:
                command_parser: argparse.ArgumentParser = args.command_parser
                command_parser.error(_shown(str(err)))
            try:  # here, not at exit, where an error would be a traceback
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as err:
                _error(_describe(err, STDOUT_NAME))
                return EXIT_ERROR
            return status
        except SystemExit as exc:  # argparse's usage errors, --help and --version
            return _status(exc)
        except _Terminated:
            return EXIT_SIGTERM
        except KeyboardInterrupt:
            return EXIT_SIGINT
        except BrokenPipeError:  # the reader of standard output went away (| head)
            return _stop_quietly()
        except GazetteerError as err:  # a damaged installation, an unreadable gazetteer file
            _error(str(err))
            return EXIT_ERROR
        except OSError as err:  # commands name the files they read: else, the output
            _error(_describe(err, STDOUT_NAME))
            return EXIT_ERROR
        except Exception as err:  # noqa: BLE001 - a clean message, not a traceback
            _error(f"{_exception_text(err)} (this is a bug in arnorm; please report it)")
            return EXIT_ERROR


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it stops as it does on Ctrl-C."""


def _stop_workers() -> None:
    """Have the ``--jobs`` workers stop their inputs in hand, cleanly, and start no other."""
    with contextlib.suppress(Exception):
        for child in multiprocessing.active_children():
            child.terminate()  # SIGTERM: the worker unwinds its input (see _parallel)


def _on_sigterm(signum: int, frame: FrameType | None) -> NoReturn:
    """In the ``arnorm`` process: stop as on Ctrl-C, with the workers."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the clean-up runs to its end
    _stop_workers()
    raise _Terminated


def _on_sigint(signum: int, frame: FrameType | None) -> NoReturn:
    """In the ``arnorm`` process: Ctrl-C, which the workers leave to it, stops them too."""
    _stop_workers()
    raise KeyboardInterrupt


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """For the time of the ``with``, SIGTERM raises :class:`_Terminated`, and SIGINT (unless
    ignored, as in a background job) stops the workers before it raises KeyboardInterrupt.

    Only in the main thread, where Python runs signal handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous_term = signal.signal(signal.SIGTERM, _on_sigterm)
    previous_int = signal.getsignal(signal.SIGINT)
    if previous_int is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        if previous_int is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous_int)


def _build_in_worker(spec: _Spec) -> _Work:
    """Set up a worker process for *spec*'s inputs (what ``--jobs`` starts).

    How a worker stops is :mod:`arnorm._parallel`'s: ``SIGTERM`` unwinds the input in hand
    (its temporary files go) and ends the worker, which then starts no other input; a
    worker whose parent died does the same and removes the run's spill directory.
    """
    return spec.build()


def _status(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


@dataclasses.dataclass(frozen=True)
class _Job:
    """One input and where its output goes (``None``: the output of the run)."""

    source: str
    target: str | None
    #: Why the input cannot be read, known before reading it (a directory without --recursive).
    problem: str | None = None

    @property
    def name(self) -> str:
        """How messages name the input."""
        return _shown(_input_name(self.source))


_Sink: TypeAlias = _parallel.Sink


class _InputError(Exception):
    """An input that cannot be read, said in words; the message gets the input's name in front."""


@dataclasses.dataclass(frozen=True)
class _Decoding:
    """How the inputs are decoded: ``--encoding`` and ``--errors``."""

    encoding: str
    errors: str


class _Work:
    """What a command does to one input, built once per process from a picklable :class:`_Spec`.

    Subclasses say what in :meth:`run`.
    """

    #: Whether output written before an input failed stays (``normalize`` streams its
    #: output) or is dropped (an input that fails adds no ``match`` record).
    keep_partial: ClassVar[bool]

    def __call__(
        self,
        job: _Job,
        out: _Sink,
        flush: Callable[[], object] | None = None,
        progress: bool = False,
    ) -> tuple[bool, str]:
        """Write *job*'s output to *out* (or to its target); return whether it worked and
        the text for standard error.  *progress* allows a display of a large input."""
        return _attempt(job, functools.partial(self.run, job, out, flush, progress))

    def run(self, job: _Job, out: _Sink, flush: Callable[[], object] | None, progress: bool) -> str:
        """Do the work, flushing *out* with *flush* as it goes if given; return a report
        for standard error; raise on an input or output error."""
        raise NotImplementedError


class _Spec(Protocol):
    """A command's options for each input, picklable, so that worker processes get them."""

    def build(self) -> _Work: ...


def _run_normalize(args: argparse.Namespace) -> int:
    """Run ``arnorm normalize``; return the exit status."""
    spec = _NormalizeSpec(
        decoding=_Decoding(args.encoding, args.errors),
        config=_config(args),
        explain=args.explain,
        in_place=args.in_place,
        backup=args.backup if args.in_place else None,
        overwrite_backup=args.overwrite_backup,
        make_parents=args.output_dir is not None,
    )
    jobs = _jobs(args, _inputs(args, exclude=args.output_dir))
    if args.output_dir is not None:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            _error(_describe(err, args.output_dir))
            return 1
    out = sys.stdout.buffer
    to_terminal = sys.stdout.isatty() and any(job.target is None for job in jobs)
    try:
        return _run_all(
            jobs,
            spec,
            spec.build(),
            out,
            out.flush,
            processes=args.jobs,
            to_terminal=to_terminal,
            quiet=args.quiet,
        )
    except BrokenPipeError:
        return _stop_quietly()
    except OSError as err:  # writing standard output (a worker's output, under --jobs)
        _error(_describe(err, STDOUT_NAME))
        return EXIT_ERROR


def _stop_quietly() -> int:
    """The reader of standard output went away (``| head``): stop quietly with status 0,
    as other Unix tools do; standard output now goes nowhere, so that the flush at exit
    cannot fail."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_OK


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
            _warn(f"{flag} has no effect: the {step} step is off", args)
    return config


def _jobs(args: argparse.Namespace, inputs: list[_walk.Found]) -> list[_Job]:
    """Check the inputs against the output options and pair each input with its target."""
    if args.backup is not None and not args.in_place:
        raise _UsageError("--backup needs --in-place")
    if args.backup == "":
        raise _UsageError("--backup needs a non-empty SUFFIX")
    if args.overwrite_backup and args.backup is None:
        raise _UsageError("--overwrite-backup needs --backup")
    stdin = any(found.path == "-" for found in inputs)
    if args.in_place:
        if stdin:
            raise _UsageError("--in-place cannot rewrite standard input")
        jobs = [_Job(found.path, found.path, found.problem) for found in inputs]
        seen_files: dict[object, str] = {}
        for job in _readable(jobs):
            key = _file_key(job.source)
            if key in seen_files:
                raise _UsageError(f"{seen_files[key]} and {job.source} are the same file")
            seen_files[key] = job.source
        return jobs
    if args.output_dir is not None:
        if stdin:
            raise _UsageError("--output-dir needs file names; standard input has none")
        jobs = [
            _Job(found.path, str(Path(args.output_dir, found.relative)), found.problem)
            for found in inputs
        ]
        seen: dict[str | None, str] = {}
        for job in _readable(jobs):
            if job.target in seen:
                raise _UsageError(
                    f"{seen[job.target]} and {job.source} would both be written to {job.target}"
                )
            seen[job.target] = job.source
    elif args.output is not None and args.output != "-":
        if len(inputs) > 1:
            raise _UsageError("-o/--output takes one input; use --output-dir for several")
        jobs = [_Job(found.path, args.output, found.problem) for found in inputs]
    else:
        return [_Job(found.path, None, found.problem) for found in inputs]
    for job in _readable(jobs):
        if job.target is not None and _same_file(job.source, job.target):
            raise _UsageError(
                f"output {job.target} is the input {_input_name(job.source)};"
                " use --in-place to rewrite it"
            )
    return jobs


def _readable(jobs: Iterable[_Job]) -> Iterator[_Job]:
    """The jobs that will be tried (a directory without --recursive has no output to check)."""
    return (job for job in jobs if job.problem is None)


def _inputs(args: argparse.Namespace, *, exclude: str | None = None) -> list[_walk.Found]:
    """The inputs: FILE arguments (``-``, standard input, by default, and at most once), with
    each directory replaced, under ``--recursive``, by the files below it; *exclude* is a
    directory not to look into (the output directory)."""
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise _UsageError("standard input ('-') can be read only once")
    if "-" in files and not args.quiet and _is_terminal(sys.stdin) and _is_terminal(sys.stderr):
        # Otherwise a command run without FILE at a terminal seems to hang.
        sys.stderr.write(f"{PROG}: reading standard input (end it with Ctrl-D)\n")
    if args.glob and not args.recursive:
        raise _UsageError("--glob needs --recursive")
    patterns: Sequence[str] = args.glob or _walk.DEFAULT_PATTERNS
    excluded = set()
    if exclude is not None:
        with contextlib.suppress(OSError):  # it does not exist yet, so it is not in a tree
            info = Path(exclude).stat()
            excluded.add((info.st_dev, info.st_ino))
    inputs: list[_walk.Found] = []
    for path in files:
        if path == "-" or not Path(path).is_dir():
            inputs.append(_walk.Found(path, Path(path).name))
        elif not args.recursive:
            problem = "is a directory; use --recursive (-r) to read the files below it"
            inputs.append(_walk.Found(path, Path(path).name, problem))
        else:
            found = list(_walk.walk(path, patterns, exclude=excluded))
            if not found:
                _warn(f"{path}: no file below it matches {' or '.join(patterns)}", args)
            inputs.extend(found)
    return inputs


def _input_name(source: str) -> str:
    """How messages and records name the input *source*: standard input is ``<stdin>``."""
    return STDIN_NAME if source == "-" else source


#: What :func:`_shown` escapes: control characters, line and paragraph separators, and the
#: surrogates that stand for the bytes of a file name that is not UTF-8.
_UNSHOWABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that did not decode (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(chr(code), f"\\x{code:02x}")
    return f"\\u{code:04x}"


def _shown(text: str) -> str:
    r"""*text* safe to write to a terminal: control characters (of a file name, say) escaped.

    >>> print(_shown("a\x1b[31m\nb\udce9.txt"))
    a\x1b[31m\nb\xe9.txt
    """
    return _UNSHOWABLE.sub(_escape, text)


def _file_key(path: str) -> object:
    """What identifies the file *path*: its device and inode, or where it would be.

    For ``-``, standard input: the pipe or file it is (``-o /dev/stdin`` would
    wait for ever on a pipe it holds open itself); a terminal or a device such
    as ``/dev/null`` is never the same file as an output.
    """
    if path == "-":
        try:
            info = os.fstat(sys.stdin.fileno())
        except (OSError, ValueError, AttributeError):  # closed, or not a real file
            return object()
        if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISREG(info.st_mode)):
            return object()
        return (info.st_dev, info.st_ino)
    try:
        info = Path(path).stat()
    except OSError:  # it does not exist (yet)
        return Path(path).resolve()
    return (info.st_dev, info.st_ino)


def _same_file(a: str, b: str) -> bool:
    return _file_key(a) == _file_key(b)


def _run_all(
    jobs: list[_Job],
    spec: _Spec,
    work: _Work,
    out: _Sink,
    flush: Callable[[], object] | None,
    *,
    processes: int | None,
    to_terminal: bool,
    quiet: bool = False,
) -> int:
    """Run every job and write their outputs to *out*, in input order; return the exit status.

    With *processes* (``--jobs``; default: one per processor) above 1 and more than one
    file, the files are shared among worker processes.  Standard input, pipes and devices
    are read here, in their turn: only this process has them.  An input that fails is
    reported in its turn and the others go on; with several inputs, a last line says how
    many failed (not if *quiet*).  *to_terminal* says that *out* is the terminal, where a
    progress bar on standard error would get in the way; *quiet* shows none.
    """

    def here(job: _Job) -> bool:  # inputs this process handles itself
        return job.source == "-" or job.problem is not None or not Path(job.source).is_file()

    # More workers than processors, or than inputs, would only cost memory.
    workers = min(processes or _processors(), _processors(), sum(not here(job) for job in jobs))
    if workers < 2:  # one worker would only add the cost of starting it
        workers = 0
    # A worker made by fork() flushes the standard streams it inherited when it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    bar = None if quiet else _inputs_bar(len(jobs), to_terminal=to_terminal)
    failed = 0
    try:
        with _parallel.ordered(
            jobs,
            functools.partial(_build_in_worker, spec),
            workers=workers,
            keep_partial=work.keep_partial,
            local=here,
        ) as outcomes:
            for job, outcome in outcomes:
                if outcome is None:
                    ok, report = _in_process(
                        job, work, out, flush, progress=bar is None and not quiet
                    )
                else:
                    ok, report = outcome.ok, outcome.report
                    outcome.write_to(out)
                    if flush is not None:
                        flush()
                failed += not ok
                if report:
                    if bar is None:
                        sys.stderr.write(report)
                    else:
                        bar.write(report, file=sys.stderr, end="")  # above the bar
                if bar is not None:
                    if not ok:
                        bar.set_postfix_str(f"{failed} failed", refresh=False)
                    bar.update()
    except BrokenProcessPool as err:
        if bar is not None:
            bar.close()
        _error(f"a worker process stopped before its input was done ({err}); nothing more is run")
        return 1
    finally:
        if bar is not None:
            bar.close()
    if failed and len(jobs) > 1 and not quiet:
        sys.stderr.write(f"{PROG}: {failed} of {len(jobs)} inputs failed\n")
    return 1 if failed else 0


def _processors() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on this platform
        return os.cpu_count() or 1


def _in_process(
    job: _Job,
    work: _Work,
    out: _Sink,
    flush: Callable[[], object] | None,
    *,
    progress: bool,
) -> tuple[bool, str]:
    """Run *job* in this process, writing to *out*; as :meth:`_Work.__call__`."""
    if work.keep_partial:
        return work(job, out, flush, progress)
    # Held (in memory, then on disk) and written only once the whole input succeeded.
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        ok, report = work(job, spool, None, progress)
        if ok:
            spool.seek(0)
            shutil.copyfileobj(spool, out)
            if flush is not None:
                flush()
    return ok, report


def _attempt(job: _Job, work: Callable[[], str]) -> tuple[bool, str]:
    """Run *work* on the input of *job*; return whether it worked, and the text for standard
    error: what *work* returns, or the input or output error that stopped it.

    A broken pipe on standard output is left to the caller, which stops.
    """
    name = job.name
    try:
        if job.problem is not None:
            raise _InputError(job.problem)
        return True, work()
    except _InputError as err:
        message = f"{name}: {err}"
    except _io.DecodeError as err:
        message = str(err)
    except UnicodeEncodeError as err:
        char = err.object[err.start]
        message = f"{name}: U+{ord(char):04X} in the decoded text cannot be written as UTF-8"
    except BrokenPipeError:
        raise
    except OSError as err:
        message = _describe(err, name)
    except Exception as err:  # noqa: BLE001 - any failure of one input must not stop the others
        message = f"{name}: {_exception_text(err)}"
    return False, _error_line(message)


def _exception_text(err: BaseException) -> str:
    """An unexpected exception in words: its type, and its message if it has one."""
    kind = type(err).__name__
    text = _shown(str(err))
    if isinstance(err, MemoryError):
        return f"MemoryError: out of memory{': ' + text if text else ''}"
    return f"{kind}: {text}" if text else kind


@contextlib.contextmanager
def _reading(source: str) -> Iterator[BinaryIO]:
    """Standard input for ``-``, otherwise the file *source*, open for reading bytes."""
    if source == "-":
        yield sys.stdin.buffer
        return
    with Path(source).open("rb") as stream:
        yield stream


@contextlib.contextmanager
def _decoded(
    stream: BinaryIO, name: str, decoding: _Decoding, *, progress: bool
) -> Iterator[Iterator[str]]:
    """The text of *stream*, decoded as ``--encoding`` and ``--errors`` say, in chunks.

    The chunks are cut at line breaks where there are any (see
    :func:`~arnorm._io.chunk_text`), so memory stays bounded.  If *progress*,
    a large file read on a terminal shows its progress, erased when the
    ``with`` ends.
    """
    bar = _file_bar(stream, name) if progress else None
    # The sizes are looked up at each call, so that tests can make them small.
    blocks = _io.decode_blocks(
        stream,
        encoding=decoding.encoding,
        errors=decoding.errors,
        name=name,
        block_size=_io.BLOCK_SIZE,
        progress=None if bar is None else functools.partial(_advance, bar),
    )
    try:
        yield _io.chunk_text(blocks, max_chars=_io.MAX_CHUNK_CHARS)
    finally:
        if bar is not None:
            bar.close()


@dataclasses.dataclass(frozen=True)
class _NormalizeSpec:
    """The options of ``normalize`` for each input."""

    decoding: _Decoding
    config: NormalizerConfig
    explain: bool
    in_place: bool
    #: The ``--backup`` suffix (with ``--in-place`` only).
    backup: str | None
    #: Create a target's directory if missing (``--output-dir`` mirrors the trees it is given).
    make_parents: bool
    #: ``--overwrite-backup``: replace an existing backup instead of refusing to.
    overwrite_backup: bool = False

    def build(self) -> _NormalizeWork:
        return _NormalizeWork(self, Normalizer(self.config))


class _NormalizeWork(_Work):
    """Normalize one input into its target file, or into the output of the run."""

    keep_partial: ClassVar[bool] = True  # text already written to standard output stays there

    def __init__(self, spec: _NormalizeSpec, normalizer: Normalizer) -> None:
        self.spec = spec
        self.normalizer = normalizer

    def run(self, job: _Job, out: _Sink, flush: Callable[[], object] | None, progress: bool) -> str:
        """Normalize *job*; return its ``--explain`` report, if asked for."""
        spec = self.spec
        tally = _Tally() if spec.explain else None
        with _reading(job.source) as stream:
            if spec.in_place and not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise _InputError("not a regular file; --in-place cannot replace it")
            with _decoded(stream, job.name, spec.decoding, progress=progress) as chunks:
                if job.target is None:
                    try:
                        self._pump(chunks, out, tally, flush)
                    except BrokenPipeError:
                        raise
                    except OSError as err:  # reading errors name the input; this is the output
                        if err.filename is not None:
                            raise
                        raise OSError(err.errno, err.strerror, STDOUT_NAME) from err
                else:
                    if spec.make_parents:
                        Path(job.target).parent.mkdir(parents=True, exist_ok=True)
                    with _io.open_output(
                        job.target,
                        backup_suffix=spec.backup,
                        overwrite_backup=spec.overwrite_backup,
                    ) as output:
                        self._pump(chunks, output, tally, None)
                        if job.source != "-":
                            stream.close()  # before the rename, for platforms that lock open files
                        output.commit()
        return "" if tally is None else tally.render(job.name)

    def _pump(
        self,
        chunks: Iterable[str],
        sink: _Sink,
        tally: _Tally | None,
        flush: Callable[[], object] | None,
    ) -> None:
        encode_errors = "replace" if self.spec.decoding.errors == "replace" else "strict"
        for chunk in chunks:
            if tally is None:
                text = self.normalizer(chunk)
            else:
                explanation = self.normalizer.explain(chunk, examples=EXPLAIN_EXAMPLES)
                tally.add(explanation)
                text = explanation.text
            sink.write(text.encode("utf-8", encode_errors))
            if flush is not None:
                flush()


MATCH_FIELDS: Final = files.MATCH_FIELDS  # kept here too: the name was public
#: Records of one input are held here (in memory, then on disk) until it succeeds.
SPOOL_BYTES: Final = 8 << 20


def _run_match(args: argparse.Namespace) -> int:
    """Run ``arnorm match``; return the exit status."""
    jobs = [_Job(found.path, None, found.problem) for found in _inputs(args)]
    target = None if args.output in (None, "-") else args.output
    for job in _readable(jobs):
        if target is not None and _same_file(job.source, target):
            raise _UsageError(f"output {target} is the input {_input_name(job.source)}")
    spec = _match_spec(args)
    if spec is None:
        return 1
    try:
        work = spec.build()
    except ValueError as err:  # the same gazetteer asked for twice
        raise _UsageError(str(err)) from None
    for warning in work.warnings:
        _warn(warning, args)
    header = FORMATS[spec.format].header
    try:
        if target is None:
            out = sys.stdout.buffer
            out.write(header)
            return _run_all(
                jobs,
                spec,
                work,
                out,
                out.flush,
                processes=args.jobs,
                to_terminal=out.isatty(),
                quiet=args.quiet,
            )
        with _io.open_output(target) as output:
            output.write(header)
            status = _run_all(
                jobs,
                spec,
                work,
                output,
                None,
                processes=args.jobs,
                to_terminal=False,
                quiet=args.quiet,
            )
            if status == 0:
                output.commit()
            return status
    except BrokenPipeError:
        if target is not None:  # a pipe named with -o: an output error
            _error(f"{target}: the reader of the pipe went away")
            return EXIT_ERROR
        return _stop_quietly()
    except OSError as err:
        _error(_describe(err, target or STDOUT_NAME))
        return EXIT_ERROR


def _match_spec(args: argparse.Namespace) -> _MatchSpec | None:
    """The options of this run, or ``None`` (reported) if a gazetteer cannot be loaded."""
    try:
        gazetteers = _match_gazetteers(args)
        safe_words = list(args.safe_word or ())
        for path in args.safe_words_file or ():
            safe_words.extend(_word_list(path, one_word=True))
        common_words = list(args.common_word or ())
        for path in args.common_words_file or ():
            common_words.extend(_word_list(path, one_word=False))
    except (GazetteerError, _InputError) as err:
        _error(str(err))
        return None
    except OSError as err:  # a --gazetteer-file that is a directory, or cannot be read
        _error(_describe(err, "--gazetteer-file"))
        return None
    return _MatchSpec(
        decoding=_Decoding(args.encoding, args.errors),
        gazetteers=None if gazetteers is None else tuple(gazetteers),
        types=None if args.types is None else tuple(args.types),
        min_score=args.min_score,
        as_of=args.as_of,
        overlaps="all" if args.all_overlaps else "longest",
        format=args.format,
        safe_words=tuple(safe_words),
        common_words=tuple(common_words),
        shipped_word_lists=not args.no_shipped_word_lists,
        fuzzy=not args.no_fuzzy,
        variants=not args.no_variants,
        surnames=not args.no_surnames,
    )


def _word_list(path: str, *, one_word: bool) -> list[str]:
    """The words of a ``--safe-words-file`` or ``--common-words-file``.

    UTF-8, one entry a line (one word if *one_word*); ``#`` starts a comment;
    blank lines are skipped.  A problem raises :class:`_InputError` naming the
    file and line; a file that cannot be read raises ``OSError``.
    """
    words = []
    with Path(path).open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise _InputError(
                    f"{path}:{number}: cannot decode byte 0x{raw[err.start]:02x} at column"
                    f" {err.start + 1} as utf-8"
                ) from None
            word = line.removeprefix("\ufeff").split("#", 1)[0].strip()
            if not word:
                continue
            if one_word and len(word.split()) > 1:
                raise _InputError(
                    f"{path}:{number}: {word!r} is more than one word; a safe word lets a"
                    " one-word alias be reported alone"
                )
            words.append(word)
    return words


def _match_gazetteers(args: argparse.Namespace) -> list[Gazetteer] | None:
    """The gazetteers asked for, or ``None`` for the default (all shipped, latest)."""
    if not args.gazetteer and not args.gazetteer_file:
        return None
    chosen: list[Gazetteer] = []
    for spec in args.gazetteer or []:
        try:
            chosen.append(_gazetteer_cli.load_named(spec))
        except _UsageError as err:
            raise _UsageError(f"argument --gazetteer: {err}") from None
    for path in args.gazetteer_file or []:
        try:
            chosen.append(Gazetteer.from_path(path))
        except (GazetteerError, OSError):
            raise
        except Exception as err:  # said as the file's error, not a traceback
            raise GazetteerError(f"{path}: {_exception_text(err)}") from err
    return chosen


@dataclasses.dataclass(frozen=True)
class _MatchSpec:
    """The options of ``match`` for each input; the gazetteers go as data, not as a matcher."""

    decoding: _Decoding
    #: ``None``: the latest version of every shipped gazetteer.
    gazetteers: tuple[Gazetteer, ...] | None
    types: tuple[str, ...] | None
    min_score: float
    overlaps: Overlaps
    #: ``--format``: a key of :data:`FORMATS`.
    format: str
    #: ``--safe-word`` and ``--safe-words-file``: added to the shipped list of frequent
    #: words that are names.
    safe_words: tuple[str, ...] = ()
    #: ``--common-word`` and ``--common-words-file``: added to the shipped list of aliases
    #: that are also common words.
    common_words: tuple[str, ...] = ()
    #: ``--no-shipped-word-lists``: only the words given count.
    shipped_word_lists: bool = True
    #: ``--no-fuzzy``, ``--no-variants``, ``--no-surnames``: as :class:`~arnorm.Matcher`'s.
    fuzzy: bool = True
    variants: bool = True
    surnames: bool = True
    #: ``--as-of``: the date of the roles of person matches, or None.
    as_of: str | None = None

    def build(self) -> _MatchWork:
        """The matcher of these options; ``ValueError`` if a gazetteer is given twice.

        What the matcher warns about a gazetteer of your own (aliases that need evidence) is
        kept in the work's ``warnings``: the ``arnorm`` process prints it once, as a CLI
        warning, and the ``--jobs`` workers, which build the same matcher, print nothing.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", EvidenceWarning)
            matcher = Matcher(
                self.gazetteers,
                types=self.types,
                min_score=self.min_score,
                as_of=self.as_of,
                overlaps=self.overlaps,
                safe_words=self.safe_words,
                common_words=self.common_words,
                shipped_word_lists=self.shipped_word_lists,
                fuzzy=self.fuzzy,
                variants=self.variants,
                surnames=self.surnames,
            )
        work = _MatchWork(self, matcher)
        work.warnings = tuple(str(w.message) for w in caught if w.category is EvidenceWarning)
        return work


class _MatchWork(_Work):
    """Write a record for every match in one input."""

    keep_partial: ClassVar[bool] = False  # an input that fails adds no record

    def __init__(self, spec: _MatchSpec, matcher: Matcher) -> None:
        self.spec = spec
        self.matcher = matcher
        #: What building the matcher warned about, for the ``arnorm`` process to print.
        self.warnings: tuple[str, ...] = ()

    def run(self, job: _Job, out: _Sink, flush: Callable[[], object] | None, progress: bool) -> str:
        """Write the records of *job* (*out* is flushed by the caller, once it succeeded)."""
        render = FORMATS[self.spec.format].render
        name = _input_name(job.source)
        with (
            _reading(job.source) as stream,
            _decoded(stream, job.name, self.spec.decoding, progress=progress) as chunks,
        ):
            for line, match in files.lined(self.matcher, chunks):
                out.write(render(name, line, match))
        return ""


#: How a record writes what UTF-8 cannot hold: the surrogates that stand for the bytes of a
#: file name that is not UTF-8 (``os.fsdecode``) become ``\udce9``, which in JSON is an
#: escape that reads back as the same string, and ``os.fsencode`` turns into the name's bytes.
_UNENCODABLE: Final = "backslashreplace"


def _json_record(path: str, line: int, match: Match) -> bytes:
    return files.json_line(files.match_record(path, line, match)).encode("utf-8", _UNENCODABLE)


#: A tab, and every character at which ``str.splitlines`` breaks a line, turn into a space.
_TSV_UNSAFE: Final = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))
#: What a spreadsheet runs as a formula when a cell begins with it.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """*value* as a TSV or CSV cell: one a spreadsheet would run as a formula gets a ``'``.

    >>> _cell("=HYPERLINK(1)"), _cell(-1.5), _cell("الرباط")
    ("'=HYPERLINK(1)", "'-1.5", 'الرباط')
    """
    if isinstance(value, list):  # the evidence of a match: one cell
        value = "; ".join(
            f"{e['kind']}: {e['text']}" + (f" ({e['country']})" if e["country"] else "")
            for e in value
        )
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _tsv_record(path: str, line: int, match: Match) -> bytes:
    record = files.match_record(path, line, match)
    values = (_cell(record[field]).translate(_TSV_UNSAFE) for field in MATCH_FIELDS)
    return ("\t".join(values) + "\n").encode("utf-8", _UNENCODABLE)


def _csv_line(values: Iterable[object]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerow(values)
    return text.getvalue().encode("utf-8", _UNENCODABLE)


def _csv_record(path: str, line: int, match: Match) -> bytes:
    record = files.match_record(path, line, match)
    return _csv_line(_cell(record[field]) for field in MATCH_FIELDS)


@dataclasses.dataclass(frozen=True)
class _Format:
    """An output format of ``match``: what starts the output, and one record."""

    header: bytes
    render: Callable[[str, int, Match], bytes]


#: The ``--format`` choices of ``match``.
FORMATS: Final = {
    "jsonl": _Format(b"", _json_record),
    "tsv": _Format(("\t".join(MATCH_FIELDS) + "\n").encode("utf-8"), _tsv_record),
    "csv": _Format(_csv_line(MATCH_FIELDS), _csv_record),
}


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


#: A file's progress bar shows at most this many characters of its name (the end of it).
NAME_WIDTH: Final = 24


def _shortened(name: str, width: int) -> str:
    """*name*, or its last *width* - 1 characters after an ellipsis.

    >>> _shortened("news/2024/a-long-name.txt", 12)
    '…ng-name.txt'
    """
    return name if len(name) <= width else "…" + name[len(name) - width + 1 :]


def _advance(bar: Any, done: int) -> None:
    """Move *bar* to *done* bytes read."""
    bar.update(done - bar.n)


def _is_terminal(stream: object) -> bool:
    """Whether *stream* is a terminal (not if it was replaced by something without a file)."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # replaced, or closed
        return False


def _terminal_progress() -> bool:
    """Whether progress may be shown: standard error is a terminal."""
    return _is_terminal(sys.stderr)


def _inputs_bar(total: int, *, to_terminal: bool) -> Any:
    """A bar on standard error across *total* inputs: done, rate, time left, failures.

    Only when there are several inputs and standard error is a terminal, and
    not when the output goes to that terminal too (*to_terminal*): the bar
    would break into it.  tqdm fits it to the terminal's width as that changes.
    """
    if total < 2 or to_terminal or not _terminal_progress():
        return None
    return _tqdm(total=total, desc=PROG, unit="input")


def _file_bar(stream: BinaryIO, name: str) -> Any:
    """A bar on standard error for reading *stream*: bytes read, rate, time left.

    Only when standard error is a terminal and *stream* is a regular file of
    at least :data:`PROGRESS_MIN_BYTES`.
    """
    if not _terminal_progress():
        return None
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no file descriptor
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size < PROGRESS_MIN_BYTES:
        return None
    desc = _shortened(name, NAME_WIDTH)
    return _tqdm(total=info.st_size, desc=desc, unit="B", unit_scale=True, unit_divisor=1024)


def _tqdm(**options: Any) -> Any:
    """A tqdm bar on standard error, fitted to its width, erased when closed.

    tqdm is imported here, when a terminal shows a bar, and not by every run.
    """
    from tqdm import tqdm

    return tqdm(file=sys.stderr, leave=False, dynamic_ncols=True, **options)


def _describe(err: OSError, default: str | None) -> str:
    """*err* in words, after the file it names (else *default*, if any)."""
    name = err.filename if err.filename is not None else default
    what = err.strerror or str(err)
    return what if name is None else f"{os.fsdecode(name)}: {what}"


def _error_line(message: str) -> str:
    return f"{PROG}: error: {_shown(message)}\n"


def _error(message: str) -> None:
    sys.stderr.write(_error_line(message))


def _warn(message: str, args: argparse.Namespace) -> None:
    """Write a warning, unless ``--quiet``."""
    if not getattr(args, "quiet", False):
        sys.stderr.write(f"{PROG}: warning: {_shown(message)}\n")


#: The subcommands: the function that adds each one's parser, and the one that runs it.
COMMANDS: Final[
    dict[str, tuple[Callable[[_Subparsers], None], Callable[[argparse.Namespace], int]]]
] = {
    "normalize": (_add_normalize, _run_normalize),
    "match": (_add_match, _run_match),
    "gazetteer": (_gazetteer_cli.add_parser, _gazetteer_cli.run),
}
