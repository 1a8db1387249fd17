"""The command line's conveniences: ``--format csv``, formula cells escaped, ``--quiet``,
progress on a terminal (through tqdm), and word lists given as options or files.  Run as
real subprocesses; the progress tests give standard error a pseudo-terminal."""

from __future__ import annotations

import csv
import fcntl
import io
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from arnorm import cli, files

TEXT = "زار عبد اللطيف حموشي الرباط\nثم أبوظبي\n"
FOUR = "زار الوفد مصر وتونس والرياض وتحدث مع حماس\n"
ALONE = "زار الوفد مصر أمس\nوقالت حماس إن الوفد\n"  # no other name beside them: no evidence


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arnorm", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env(),
        timeout=60,
        check=False,
    )


# -- --format csv ----------------------------------------------------------------------------


def test_csv_is_rfc_4180_with_a_header_and_the_columns_of_tsv(tmp_path: Path) -> None:
    path = tmp_path / 'a, "quoted" name.txt'
    path.write_text(TEXT, encoding="utf-8")
    result = run("match", "--format", "csv", path)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.count(b"\r\n") == result.stdout.count(b"\n") == 4
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert rows[0] == list(files.MATCH_FIELDS)
    assert {row[0] for row in rows[1:]} == {str(path)}  # the comma and quotes survive
    tsv = run("match", "--format", "tsv", path).stdout.decode("utf-8")
    assert rows == [line.split("\t") for line in tsv.splitlines()]
    assert [(row[4], row[5]) for row in rows[1:]] == [
        ("عبد اللطيف حموشي", "person-abdellatif-hammouchi"),
        ("الرباط", "ma-rabat"),
        ("أبوظبي", "ae-abu-dhabi"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_escaped(tmp_path: Path, fmt: str) -> None:
    names = ["=HYPERLINK(1).txt", "+1.txt", "@SUM(1).txt", "plain.txt"]
    for name in names:
        (tmp_path / name).write_text("الرباط\n", encoding="utf-8")
    result = run("match", "--format", fmt, *names, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
    else:
        rows = [line.split("\t") for line in text.splitlines()]
    escaped = ["'=HYPERLINK(1).txt", "'+1.txt", "'@SUM(1).txt", "plain.txt"]
    assert [row[0] for row in rows[1:]] == escaped
    jsonl = run("match", *names, cwd=tmp_path).stdout.decode("utf-8")
    assert '"file": "=HYPERLINK(1).txt"' in jsonl  # JSON is data, not a spreadsheet


# -- --quiet ---------------------------------------------------------------------------------


def test_quiet_keeps_errors_and_drops_the_count_and_warnings(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    loud = run("normalize", "--keep-shadda", "--disable", "diacritics", good, missing)
    assert loud.returncode == 1
    assert loud.stderr.decode().splitlines() == [
        "arnorm: warning: --keep-shadda has no effect: the diacritics step is off",
        f"arnorm: error: {missing}: No such file or directory",
        "arnorm: 1 of 2 inputs failed",
    ]
    quiet = run("normalize", "-q", "--keep-shadda", "--disable", "diacritics", good, missing)
    assert (quiet.returncode, quiet.stdout) == (1, loud.stdout)
    assert quiet.stderr.decode() == f"arnorm: error: {missing}: No such file or directory\n"
    result = run("match", "--quiet", good, missing)
    assert result.returncode == 1
    assert result.stderr.decode() == f"arnorm: error: {missing}: No such file or directory\n"


# -- progress on a terminal ------------------------------------------------------------------

#: The command line, each chunk of input taking a little time, so that progress is drawn
#: with a rate; files of any size get the per-file bar.
SLOW = """
import sys, time
from arnorm import _io, cli

cli.PROGRESS_MIN_BYTES = 1
_io.MAX_CHUNK_CHARS = 64
_io.BLOCK_SIZE = 64
real = _io.chunk_text

def chunk_text(pieces, **kw):
    for chunk in real(pieces, **kw):
        time.sleep(0.05)
        yield chunk

_io.chunk_text = chunk_text
sys.exit(cli.main(sys.argv[1:]))
"""

COLUMNS = 80


def on_terminal(*args: str | Path, cwd: Path, columns: int = COLUMNS) -> tuple[int, str]:
    """Run *args* with standard error on a terminal *columns* wide; the status and what
    the terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    with subprocess.Popen(
        [sys.executable, "-c", SLOW, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=cwd,
        env=env(),
    ) as proc:
        os.close(slave)
        received = bytearray()
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not data:
                break
            received += data
        status = proc.wait(timeout=60)
    os.close(master)
    return status, received.decode("utf-8", "replace")


def screen_lines(shown: str) -> list[str]:
    """What each redraw put on one line of the terminal (escape sequences left out)."""
    plain = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", shown)
    return [part for part in re.split(r"[\r\n]", plain) if part.strip()]


def test_progress_across_inputs_shows_count_rate_and_time_left(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT * 3, encoding="utf-8")
    status, shown = on_terminal("match", "-j", "1", "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    assert status == 0
    lines = screen_lines(shown)
    assert any("2/3" in line for line in lines), lines
    assert any(re.search(r"input/s|s/input", line) for line in lines), lines  # the rate
    assert any(re.search(r"<\d\d:\d\d", line) for line in lines), lines  # time left
    assert all(len(line) <= COLUMNS for line in lines), lines
    assert shown.rstrip(" \r").endswith(("\r", "")), shown  # erased at the end


@pytest.mark.parametrize("columns", [30, 80])
def test_progress_of_a_file_fits_the_terminal_whatever_its_name(
    tmp_path: Path, columns: int
) -> None:
    name = "a-rather-long-file-name-for-a-news-article-from-the-archive-of-2024.txt"
    (tmp_path / name).write_text(TEXT * 5, encoding="utf-8")
    status, shown = on_terminal("match", name, "-o", "out.jsonl", cwd=tmp_path, columns=columns)
    assert status == 0
    lines = screen_lines(shown)
    assert lines, "no progress was shown"
    assert all(len(line) <= columns for line in lines), lines
    if columns >= 80:
        assert any(re.search(r"[kM]?B/s|s/[kM]?B", line) for line in lines), lines  # the rate
        assert any(line.startswith("…the-archive-of-2024.txt:") for line in lines), lines


def test_quiet_shows_no_progress_on_a_terminal(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT * 3, encoding="utf-8")
    status, shown = on_terminal("match", "-q", "-j", "1", "a.txt", "b.txt", cwd=tmp_path)
    assert (status, shown) == (0, "")


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT * 3, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SLOW, "match", "-j", "1", "a.txt", "b.txt"],
        capture_output=True,
        cwd=tmp_path,
        env=env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")


# -- word lists ------------------------------------------------------------------------------


@pytest.fixture
def aramco(tmp_path: Path) -> Path:
    """A gazetteer of one entry whose one-word name is a frequent Arabic word."""
    path = tmp_path / "my.csv"
    path.write_text("name,type,name_en\nأرامكو,organization,Aramco\n", encoding="utf-8")
    (tmp_path / "in.txt").write_text("وقالت أرامكو إن\n", encoding="utf-8")
    return path


def found(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line.split("\t")[4] for line in result.stdout.decode("utf-8").splitlines()[1:]]


def test_a_safe_words_file_adds_like_safe_word(aramco: Path, tmp_path: Path) -> None:
    words = tmp_path / "safe.txt"
    words.write_text("\ufeff# our names\n\nأرامكو   # the oil company\n", encoding="utf-8")
    common = ("match", "--format", "tsv", "--gazetteer-file", aramco, tmp_path / "in.txt")
    assert found(run(*common)) == []  # a frequent word needs evidence
    assert found(run(*common, "--safe-word", "أرامكو")) == ["أرامكو"]
    assert found(run(*common, "--safe-words-file", words)) == ["أرامكو"]
    (tmp_path / "four.txt").write_text(FOUR, encoding="utf-8")
    shipped = run("match", "--format", "tsv", "--safe-words-file", words, tmp_path / "four.txt")
    assert found(shipped) == ["مصر", "تونس", "الرياض", "حماس"]  # the shipped list is kept


def test_common_words_from_options_and_files_need_evidence(tmp_path: Path) -> None:
    (tmp_path / "alone.txt").write_text(ALONE, encoding="utf-8")
    words = tmp_path / "common.txt"
    words.write_text("# not alone\nمصر\nحماس  # a word too\n", encoding="utf-8")
    base = ("match", "--format", "tsv", tmp_path / "alone.txt")
    assert found(run(*base)) == ["مصر", "حماس"]
    assert found(run(*base, "--common-word", "مصر")) == ["حماس"]
    assert found(run(*base, "--common-words-file", words)) == []


@pytest.mark.parametrize(
    ("option", "content", "message"),
    [
        ("--safe-words-file", b"ok\n\xff\n", "{path}:2: cannot decode byte 0xff at column 1"),
        (
            "--common-words-file",
            b"#\nok\nab\xe9\n",
            "{path}:3: cannot decode byte 0xe9 at column 3",
        ),
        ("--safe-words-file", "# x\nأرامكو\nشركة أرامكو\n".encode(), "{path}:3: 'شركة أرامكو' is"),
    ],
)
def test_word_list_errors_name_the_file_and_line(
    tmp_path: Path, option: str, content: bytes, message: str
) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(content)
    result = run("match", option, path, stdin=TEXT.encode())
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode().startswith("arnorm: error: " + message.format(path=path))


def test_a_missing_word_list_is_an_input_error(tmp_path: Path) -> None:
    result = run("match", "--common-words-file", tmp_path / "nope.txt", stdin=TEXT.encode())
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"arnorm: error: {tmp_path / 'nope.txt'}: No such file or directory\n"
    )


# -- the Matcher's options on the command line -----------------------------------------------


def test_the_matchers_switches_reach_the_matcher() -> None:
    parser = cli.build_parser()
    default = cli._match_spec(parser.parse_args(["match"]))
    assert default is not None
    matcher = default.build().matcher
    assert (matcher.fuzzy, matcher.variants, matcher.surnames) == (True, True, True)
    args = parser.parse_args(["match", "--no-fuzzy", "--no-variants", "--no-surnames"])
    spec = cli._match_spec(args)
    assert spec is not None
    matcher = spec.build().matcher
    assert (matcher.fuzzy, matcher.variants, matcher.surnames) == (False, False, False)


def test_no_surnames_reports_no_surname_match(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("قال حموشي إن\n", encoding="utf-8")
    methods = [
        [
            line.split("\t")[10]
            for line in run("match", "--format", "tsv", *extra, path)
            .stdout.decode()
            .splitlines()[1:]
        ]
        for extra in ([], ["--no-surnames"])
    ]
    assert methods[0] == ["surname"]
    assert "surname" not in methods[1]


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_a_hint_when_standard_input_is_a_terminal(quiet: list[str]) -> None:
    master, slave = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "arnorm", "normalize", *quiet],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env(),
    ) as proc:
        os.close(slave)
        hint = b"arnorm: reading standard input (end it with Ctrl-D)"
        received = b""
        deadline = time.monotonic() + 20
        while not quiet and hint not in received and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                received += os.read(master, 1024)
        os.write(master, "أ\n".encode() + b"\x04")  # a line, then end of input
        assert proc.stdout is not None
        out = proc.stdout.read()
        status = proc.wait(timeout=60)
        while True:
            try:
                data = os.read(master, 1024)
            except OSError:
                break
            if not data:
                break
            received += data
    os.close(master)
    assert (status, out) == (0, "ا\n".encode())
    assert (hint in received) == (not quiet)


# -- word lists and evidence, as in the API ----------------------------------------------------

OWN = "name,type,aliases\nقال,place,\nمكتب الأبحاث,agency,\n"


def _ids(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line.split("\t")[5] for line in result.stdout.decode("utf-8").splitlines()[1:]]


def test_no_shipped_word_lists_counts_only_the_words_given() -> None:
    shipped = run("match", "--format", "tsv", "-", stdin=FOUR.encode())
    assert {"country-eg", "country-tn"} <= set(_ids(shipped))
    bare = run("match", "--format", "tsv", "--no-shipped-word-lists", "-", stdin=FOUR.encode())
    assert {"country-eg", "country-tn"}.isdisjoint(_ids(bare))
    one = run(
        "match", "--format", "tsv", "--no-shipped-word-lists", "--safe-word", "مصر", "-",
        stdin=FOUR.encode(),
    )  # fmt: skip
    rows = {r.split("\t")[5]: r.split("\t")[10] for r in one.stdout.decode().splitlines()[1:]}
    # مصر is a name now; تونس is still a common word, found beside it in a list (evidence)
    assert (rows["country-eg"], rows["country-tn"]) == ("exact", "context")


def test_an_alias_that_needs_evidence_is_said_once_as_a_warning(tmp_path: Path) -> None:
    own = tmp_path / "own.csv"
    own.write_text(OWN, encoding="utf-8")
    inputs = []
    for i in range(3):
        inputs.append(tmp_path / f"{i}.txt")
        inputs[-1].write_text("قال الوزير في مكتب الأبحاث\n", encoding="utf-8")
    result = run("match", "-j", "2", "--gazetteer-file", own, *inputs)
    assert result.returncode == 0
    lines = result.stderr.decode("utf-8").splitlines()
    warned = [line for line in lines if line.startswith("arnorm: warning:")]
    assert len(warned) == 1, lines
    assert "'قال'" in warned[0]
    assert "Traceback" not in result.stderr.decode("utf-8")
    quiet = run("match", "-q", "--gazetteer-file", own, inputs[0])
    assert quiet.stderr == b""
    safe = run("match", "--gazetteer-file", own, "--safe-word", "قال", inputs[0])
    assert safe.stderr == b""


def test_gazetteer_validate_names_the_aliases_that_need_evidence(tmp_path: Path) -> None:
    own = tmp_path / "own.csv"
    own.write_text(OWN, encoding="utf-8")
    result = run("gazetteer", "validate", own)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == f"{own}: valid, 2 entries\n"
    (warning,) = result.stderr.decode("utf-8").splitlines()
    assert warning.startswith(f"arnorm: warning: {own}: alias 'قال' of ")
    assert "frequent Arabic word" in warning


def test_a_second_backup_is_refused_unless_overwrite_backup_is_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("الإمـارات\n", encoding="utf-8")
    assert run("normalize", "--in-place", "--backup", ".orig", path).returncode == 0
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == "الإمـارات\n"
    path.write_text("أبوظبي\n", encoding="utf-8")
    again = run("normalize", "--in-place", "--backup", ".orig", path)
    assert again.returncode == 1
    assert b"a backup is already there" in again.stderr
    assert path.read_text(encoding="utf-8") == "أبوظبي\n"  # nothing written
    forced = run("normalize", "--in-place", "--backup", ".orig", "--overwrite-backup", path)
    assert forced.returncode == 0
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == "أبوظبي\n"
    assert path.read_text(encoding="utf-8") == "ابوظبي\n"
    usage = run("normalize", "--in-place", "--overwrite-backup", path)
    assert usage.returncode == 2
