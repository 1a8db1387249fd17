"""Names across the cuts the command line makes in a line of millions of characters.

The cut size (``_io.MAX_CHUNK_CHARS``, 4M characters) is made small here, so
that a line of a few kilobytes is cut dozens of times; every name must come
out exactly as ``Matcher.find`` gives it on the whole line.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from arnorm import Match, Matcher, _io, cli, files

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARTICLES = sorted(CORPUS.glob("news-*.txt"))
# Morocco's and Algeria's national police: بالمغرب in the sentence says which
NAME = "المديرية العامة للأمن الوطني بالمغرب "
MIXED = (
    "استقبل المديـــر العام للأمن الوطني عبد اللطيف حمّوشي وفداً من الإمارات ثم زار الوفد "
    "الرباط قبل أن يعود إلى أبوظبي وأكد الحموشي بالرباط أن للمديرية العامة للأمن الوطني دوراً "
)


def as_tuples(matches: Iterable[Match]) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.text, m.id, m.score, m.method) for m in matches]


def record_tuples(records: Iterable[dict[str, Any]]) -> list[tuple[object, ...]]:
    keys = ("start", "end", "text", "id", "score", "method")
    return [tuple(r[k] for k in keys) for r in records]


@pytest.fixture
def small_cuts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "BLOCK_SIZE", 64)
    monkeypatch.setattr(_io, "MAX_CHUNK_CHARS", 150)


def cli_records(
    path: Path, capsysbinary: pytest.CaptureFixture[bytes], *options: str
) -> list[dict[str, Any]]:
    status = cli.main(["match", *options, str(path)])
    out, err = capsysbinary.readouterr()
    assert (status, err) == (0, b"")
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


@pytest.mark.parametrize(
    ("line", "options"),
    [
        (NAME * 300, ()),
        (MIXED * 60, ()),
        (MIXED * 60, ("--all-overlaps",)),
    ],
    ids=["one-name", "mixed", "mixed-all-overlaps"],
)
@pytest.mark.usefixtures("small_cuts")
def test_cli_finds_names_across_cuts_in_a_line_as_in_one_piece(
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    options: tuple[str, ...],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    got = cli_records(path, capsysbinary, *options)
    whole = Matcher(overlaps="all" if options else "longest").find(line)
    assert len(whole) > 100
    assert record_tuples(got) == as_tuples(whole)


@pytest.mark.usefixtures("small_cuts")
def test_match_file_finds_names_across_cuts_as_in_one_piece(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(NAME * 300, encoding="utf-8")
    records = files.match_file(path)
    assert [r["id"] for r in records] == ["ma-dgsn", "country-ma"] * 300
    assert record_tuples(records) == as_tuples(Matcher().find(NAME * 300))


@pytest.mark.skipif(not ARTICLES, reason="the development corpus lives beside the repo")
@pytest.mark.usefixtures("small_cuts")
def test_articles_on_one_line_give_the_matches_of_the_whole_line(tmp_path: Path) -> None:
    line = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in ARTICLES[:6])
    line = line[:60_000]  # under Matcher.find's own cut, so that find sees one piece
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    matcher = Matcher()
    assert record_tuples(files.match_file(path, matcher)) == as_tuples(Matcher().find(line))


def test_lined_moves_a_cut_out_of_a_name() -> None:
    matcher = Matcher()
    text = "زار " + NAME * 3
    cut = text.index("للأمن")  # inside the first name
    got = [(line, m.text, m.id) for line, m in files.lined(matcher, [text[:cut], text[cut:]])]
    dgsn, morocco = (1, "المديرية العامة للأمن الوطني", "ma-dgsn"), (1, "المغرب", "country-ma")
    assert got == [dgsn, morocco] * 3


def test_lined_keeps_a_cue_with_the_name_after_it() -> None:
    # البديع is an everyday word: a place only after its cue, which a cut must not part from it
    matcher = Matcher()
    pieces = ["وقعت اشتباكات أمس في منطقة ", "البديع غرب المنامة وأصيب شرطيان"]
    whole = matcher.find("".join(pieces))
    assert [m.id for m in whole] == ["bh-budaiya", "bh-manama"]
    assert [m for _, m in files.lined(matcher, pieces)] == whole


def test_a_line_without_spaces_keeps_its_cut() -> None:
    matcher = Matcher()
    pieces = ["ب" * 300, "ب" * 300 + " الرباط"]
    assert [m.id for _, m in files.lined(matcher, pieces)] == ["ma-rabat"]
