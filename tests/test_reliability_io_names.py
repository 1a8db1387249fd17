"""A file name that is not UTF-8 is matched, and its record keeps the name.

How the command line writes such a name: ``test_cli_reliability.py``.
"""

from __future__ import annotations

import os
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


def test_match_file_reads_a_latin1_name_and_keeps_it(latin1_named: Path) -> None:
    records = files.match_file(latin1_named)
    assert [r["text"] for r in records] == ["الرباط"]
    assert os.fsencode(str(records[0]["file"])) == os.fsencode(latin1_named)
