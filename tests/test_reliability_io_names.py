"""A file name that is not UTF-8 is matched, and named in records with ``\\xNN`` escapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from arnorm import files

TEXT = "زار الوفد الرباط\n"


@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as out:  # noqa: PTH123 - a bytes path
            out.write(TEXT.encode())
    except OSError as err:  # pragma: no cover - a file system that wants UTF-8 names
        pytest.skip(f"this file system refuses the name: {err}")
    return Path(os.fsdecode(raw))


def test_display_name_escapes_only_what_is_not_utf8() -> None:
    assert files.display_name(os.fsdecode(b"a/caf\xe9-\xff.txt")) == "a/caf\\xe9-\\xff.txt"
    assert files.display_name("a\ud800b") == "a\\ud800b"
    assert files.display_name("مقال \\xe9.txt") == "مقال \\xe9.txt"


def test_match_file_reads_a_latin1_name(latin1_named: Path) -> None:
    records = files.match_file(latin1_named)
    assert [(r["text"], r["file"]) for r in records] == [
        ("الرباط", str(latin1_named.parent) + "/caf\\xe9.txt")
    ]
    json.dumps(records[0], ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize("fmt", ["jsonl", "tsv"])
def test_cli_match_reads_a_latin1_name(latin1_named: Path, fmt: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnorm", "match", "--format", fmt, str(latin1_named)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    lines = result.stdout.decode("utf-8").splitlines()
    name = str(latin1_named.parent) + "/caf\\xe9.txt"
    if fmt == "jsonl":
        assert [json.loads(line)["file"] for line in lines] == [name]
    else:
        assert [line.split("\t")[0] for line in lines] == ["file", name]
