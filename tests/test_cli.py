"""The ``arnorm normalize`` command line, run as a real subprocess of the installed package."""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import arnorm
from arnorm import cli

TEXT = "الإمـــاراتُ وأبوظبي  إِلَىٰ ﻷمن\r\nمديرية الأمن\n"
NORMALIZED = "الامارات وابوظبي الي لامن\r\nمديريه الامن\n"
LIGHT = "الإماراتُ وأبوظبي إِلَىٰ لأمن\r\nمديرية الأمن\n"


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "arnorm", "normalize", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def stderr(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8")


def listing(directory: Path) -> list[str]:
    """The names in *directory*: a leftover temporary file would show here."""
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_bytes(TEXT.encode())
    return path


def test_stdin_to_stdout() -> None:
    result = run(stdin=TEXT.encode())
    assert (result.returncode, result.stdout, result.stderr) == (0, NORMALIZED.encode(), b"")


def test_dash_reads_stdin_among_files(sample: Path) -> None:
    result = run(sample, "-", stdin="أ\n".encode())
    assert result.returncode == 0
    assert result.stdout == (NORMALIZED + "ا\n").encode()


def test_output_file(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = run(sample, "-o", out)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert out.read_bytes() == NORMALIZED.encode()
    assert sample.read_bytes() == TEXT.encode()
    assert listing(tmp_path) == ["in.txt", "out.txt"]


def test_output_dash_is_stdout(sample: Path) -> None:
    assert run(sample, "-o", "-").stdout == NORMALIZED.encode()


def test_output_dir(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first, second = tmp_path / "a" / "one.txt", tmp_path / "two.txt"
    first.write_bytes("أ\n".encode())
    second.write_bytes("ى\r\n".encode())
    result = run(first, second, "--output-dir", tmp_path / "out")
    assert result.returncode == 0, stderr(result)
    assert (tmp_path / "out" / "one.txt").read_bytes() == "ا\n".encode()
    assert (tmp_path / "out" / "two.txt").read_bytes() == "ي\r\n".encode()
    assert listing(tmp_path / "out") == ["one.txt", "two.txt"]


def test_output_dir_refuses_two_inputs_with_one_name(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_bytes(b"x\n")
    result = run(tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "--output-dir", tmp_path)
    assert result.returncode == 2
    assert "would both be written to" in stderr(result)
    assert listing(tmp_path) == ["a", "b"]


def test_in_place_keeps_crlf_and_mode_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("أمس\r\nاليوم\r\n\r\nغدًا\rبعد".encode())
    path.chmod(0o640)
    result = run("--in-place", path)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert path.read_bytes() == "امس\r\nاليوم\r\n\r\nغدا\rبعد".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert listing(tmp_path) == ["crlf.txt"]


def test_in_place_with_backup(sample: Path, tmp_path: Path) -> None:
    result = run("--in-place", "--backup", ".orig", sample)
    assert result.returncode == 0, stderr(result)
    assert sample.read_bytes() == NORMALIZED.encode()
    assert (tmp_path / "in.txt.orig").read_bytes() == TEXT.encode()
    assert listing(tmp_path) == ["in.txt", "in.txt.orig"]


@pytest.mark.parametrize(
    ("encoding", "codec"),
    [("windows-1256", "cp1256"), ("cp1256", "cp1256"), ("iso-8859-6", "iso-8859-6")],
)
def test_single_byte_arabic_encodings(tmp_path: Path, encoding: str, codec: str) -> None:
    text = "الإمارات، وأبوظبي\r\nإلى مديرية الأمن؟\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    result = run("--encoding", encoding, path)
    assert result.returncode == 0, stderr(result)
    assert result.stdout == arnorm.normalize(text).encode("utf-8")
    assert result.stdout == "الامارات، وابوظبي\r\nالي مديريه الامن؟\n".encode()


def test_utf8_bom_is_dropped() -> None:
    result = run(stdin=b"\xef\xbb\xbf" + "أ\n".encode())
    assert result.stdout == "ا\n".encode()
    result = run("--disable", "invisible", stdin=b"\xef\xbb\xbf" + "أ\n".encode())
    assert result.stdout == "ا\n".encode()


def test_invalid_utf8_reports_file_line_and_offset_and_writes_nothing(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.txt"
    original = "سطر\r\nثان\n".encode() + b"ok \xff rest\n"
    bad.write_bytes(original)
    out = tmp_path / "out.txt"
    out.write_bytes(b"previous output\n")
    result = run(bad, "-o", out)
    assert result.returncode == 1
    offset = original.index(b"\xff")
    assert stderr(result) == (
        f"arnorm: error: {bad}:3: cannot decode byte 0xff at byte offset {offset} as utf-8\n"
    )
    assert out.read_bytes() == b"previous output\n"
    assert bad.read_bytes() == original
    assert listing(tmp_path) == ["bad.txt", "out.txt"]


def test_failed_in_place_leaves_the_input_byte_identical(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    original = "أمس\r\n".encode() * 3 + b"\xd8"  # a truncated sequence at the very end
    bad.write_bytes(original)
    result = run("--in-place", "--backup", ".orig", bad)
    assert result.returncode == 1
    assert f"{bad}:4: cannot decode byte 0xd8 at byte offset {len(original) - 1}" in stderr(result)
    assert bad.read_bytes() == original
    assert listing(tmp_path) == ["bad.txt"]


def test_errors_replace(tmp_path: Path) -> None:
    result = run("--errors", "replace", stdin=b"\xd8\xa3\xff\n")
    assert (result.returncode, result.stdout) == (0, "ا\ufffd\n".encode())


def test_error_position_past_the_first_block(tmp_path: Path) -> None:
    line = "الإمـــارات وأبوظبي\r\n".encode()
    count = (3 << 20) // len(line)  # about 3 MiB: several blocks
    path = tmp_path / "big.txt"
    path.write_bytes(line * count + b"x\x80y\n")
    result = run(path)
    assert result.returncode == 1
    assert stderr(result).endswith(
        f"big.txt:{count + 1}: cannot decode byte 0x80 at byte offset {len(line) * count + 1}"
        " as utf-8\n"
    )
    path.write_bytes(line * count)
    result = run(path)
    assert result.returncode == 0
    assert result.stdout == "الامارات وابوظبي\r\n".encode() * count


@pytest.mark.parametrize("spelling", ["{p}", "{d}/./in.txt", "{d}/../{n}/in.txt"])
def test_output_that_is_the_input_is_refused(sample: Path, spelling: str) -> None:
    d = sample.parent
    target = spelling.format(p=sample, d=d, n=d.name)
    result = run(sample, "-o", target)
    assert result.returncode == 2
    assert "is the input" in stderr(result)
    assert sample.read_bytes() == TEXT.encode()
    result = run(sample, "--output-dir", d)
    assert result.returncode == 2
    assert sample.read_bytes() == TEXT.encode()
    assert listing(d) == ["in.txt"]


def test_explain_reports_on_stderr(sample: Path) -> None:
    result = run("--explain", sample)
    assert result.returncode == 0
    assert result.stdout == NORMALIZED.encode()
    report = stderr(result).splitlines()
    assert report[0] == f"{sample}:"
    rows = {line.split()[0]: line for line in report[1:]}
    assert " ".join(rows) == "unicode tatweel diacritics alef yaa teh_marbuta spaces"
    assert "  alef" in rows["alef"]
    assert "5 changes, e.g. U+0625 → U+0627; U+0623 → U+0627; U+0625 → U+0627" in rows["alef"]
    assert "3 changes, e.g. U+0640 → (nothing); U+0640 → (nothing); U+0640" in rows["tatweel"]
    assert rows["spaces"].endswith("1 change, e.g. U+0020 U+0020 → U+0020")


def test_explain_sums_over_the_chunks_of_a_large_input() -> None:
    line = "الإمـــارات وأبوظبي\r\n"
    count = (3 << 19) // len(line.encode())  # 1.5 MiB: more than one block
    result = run("--explain", stdin=(line * count).encode())
    assert result.stdout == "الامارات وابوظبي\r\n".encode() * count
    assert stderr(result).splitlines() == [
        "<stdin>:",
        f"  tatweel  {3 * count} changes, e.g. U+0640 → (nothing); U+0640 → (nothing);"
        " U+0640 → (nothing)",
        f"  alef     {2 * count} changes, e.g. U+0625 → U+0627; U+0623 → U+0627; U+0625 → U+0627",
    ]


def test_explain_when_nothing_changes() -> None:
    result = run("--explain", stdin=b"abc\n")
    assert (result.stdout, stderr(result)) == (b"abc\n", "<stdin>: no step changed the text\n")


def test_profile_enable_and_disable(sample: Path) -> None:
    assert run("--profile", "light", sample).stdout == LIGHT.encode()
    light_alef = run("--profile", "light", "--enable", "alef", sample).stdout
    assert light_alef == LIGHT.replace("إ", "ا").replace("أ", "ا").encode()
    no_yaa = run("--disable", "yaa", "--disable", "teh_marbuta", sample).stdout
    assert no_yaa == "الامارات وابوظبي الى لامن\r\nمديرية الامن\n".encode()
    result = run("--enable", "yaa", "--disable", "yaa", sample)
    assert result.returncode == 2
    assert "both enabled and disabled" in stderr(result)


def test_option_flags() -> None:
    result = run("--keep-shadda", "--fold-hamza-seats", stdin="شكّل مسؤول\n".encode())
    assert result.stdout == "شكّل مسوول\n".encode()
    result = run("--profile", "light", "--keep-shadda", stdin=b"x\n")
    assert result.returncode == 0
    assert "--keep-shadda has no effect: the diacritics step is off" in stderr(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--encoding", "no-such-codec"], "argument --encoding: unknown encoding: no-such-codec"),
        (["--encoding", "base64"], "argument --encoding: base64 is not a text encoding"),
        (["--errors", "ignore"], "argument --errors: invalid choice"),
        (["--profile", "heavy"], "argument --profile: invalid choice"),
        (["--enable", "vowels"], "argument --enable: invalid choice"),
        (["-o", "a", "--in-place"], "argument --in-place: not allowed with argument -o"),
        (["--backup", ".orig"], "--backup needs --in-place"),
        (["--backup", "", "--in-place", "a.txt"], "--backup needs a non-empty SUFFIX"),
        (["--in-place"], "--in-place cannot rewrite standard input"),
        (["--output-dir", "out"], "--output-dir needs file names"),
        (["-", "-"], "standard input ('-') can be read only once"),
        (["a.txt", "b.txt", "-o", "c.txt"], "-o/--output takes one input"),
        (["--in-place", "a.txt", "./a.txt"], "a.txt and ./a.txt are the same file"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert stderr(result).startswith("usage: arnorm normalize")
    assert f"arnorm normalize: error: {message}" in stderr(result)
    assert listing(tmp_path) == []


def test_several_files_one_bad(tmp_path: Path) -> None:
    good1, bad, good2 = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    good1.write_bytes("أ\n".encode())
    bad.write_bytes(b"\xff\n")
    good2.write_bytes("ى\n".encode())
    out = tmp_path / "out"
    result = run(good1, bad, good2, tmp_path / "missing.txt", "--output-dir", out)
    assert result.returncode == 1
    assert listing(out) == ["a.txt", "c.txt"]
    assert (out / "a.txt").read_bytes() == "ا\n".encode()
    assert (out / "c.txt").read_bytes() == "ي\n".encode()
    assert stderr(result).splitlines() == [
        f"arnorm: error: {bad}:1: cannot decode byte 0xff at byte offset 0 as utf-8",
        f"arnorm: error: {tmp_path / 'missing.txt'}: No such file or directory",
        "arnorm: 2 of 4 inputs failed",
    ]
    result = run(good1, bad, good2)
    assert result.returncode == 1
    assert result.stdout == "ا\nي\n".encode()


def test_a_directory_without_recursive_is_an_input_error(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 1
    assert stderr(result) == (
        f"arnorm: error: {tmp_path}: is a directory; use --recursive (-r) to read the files"
        " below it\n"
    )


def test_output_in_a_missing_directory_is_an_error(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "out.txt"
    result = run(sample, "-o", out)
    assert result.returncode == 1
    assert stderr(result) == f"arnorm: error: {out}: No such file or directory\n"
    assert listing(tmp_path) == ["in.txt"]


def test_in_place_through_a_symlink_keeps_the_link(sample: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(sample.name)
    result = run("--in-place", link)
    assert result.returncode == 0, stderr(result)
    assert link.is_symlink()
    assert sample.read_bytes() == NORMALIZED.encode()
    assert listing(tmp_path) == ["in.txt", "link.txt"]


def test_version_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnorm", "--version"], capture_output=True, check=False
    )
    assert (result.returncode, result.stdout.decode()) == (0, f"arnorm {arnorm.__version__}\n")
    result = run("--help")
    assert result.returncode == 0
    assert b"Output is always UTF-8" in b" ".join(result.stdout.split())  # however it wraps


def test_parser_documents_every_option() -> None:
    parser = cli.build_parser()
    assert parser.prog == "arnorm"
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    (commands,) = subparsers
    assert list(commands.choices) == ["normalize", "match", "gazetteer"]
    normalize = commands.choices["normalize"]
    for action in normalize._actions:
        assert action.help, action.dest
        assert len(action.help) > 15, action.dest
    gazetteer = commands.choices["gazetteer"]
    (gazetteer_commands,) = [
        a for a in gazetteer._actions if isinstance(a, argparse._SubParsersAction)
    ]
    assert sorted(gazetteer_commands.choices) == [
        "diff",
        "export",
        "list",
        "show",
        "stale",
        "stats",
        "validate",
    ]
    for choice in gazetteer_commands._choices_actions:
        assert choice.help, choice.dest
    assert {a.dest for a in normalize._actions} >= {
        "files",
        "output",
        "output_dir",
        "in_place",
        "backup",
        "profile",
        "enable",
        "disable",
        "expand_ligatures",
        "keep_shadda",
        "dagger_alef_as_alef",
        "fold_hamza_seats",
        "explain",
        "encoding",
        "errors",
    }


def test_main_returns_the_exit_status(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    assert cli.main(["normalize", str(sample), "-o", str(out)]) == 0
    assert out.read_bytes() == NORMALIZED.encode()
    assert cli.main(["normalize", "--encoding", "nope", str(sample)]) == 2
    assert cli.main(["normalize", str(tmp_path / "missing")]) == 1
    assert "No such file or directory" in capsys.readouterr().err
