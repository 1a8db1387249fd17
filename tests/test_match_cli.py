"""The ``arnorm match`` command line, run in-process (and once as a real subprocess)."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from arnorm import Match, Matcher, _io, cli, files
from arnorm.gazetteer import available_gazetteers
from arnorm.matcher import Evidence

if TYPE_CHECKING:
    from conftest import Corpus

FIELDS = [
    *("file", "line", "start", "end", "text", "id", "type", "name", "name_en"),
    *("score", "method", "gazetteer", "version", "evidence"),
]
#: The newest shipped places release: what a match names when no version is pinned.
LATEST_PLACES = available_gazetteers()["places"][-1]
TEXT = "استقبل عبد اللطيف حموشي\nوفدا من أبوظبي، ثم زار الرباط\n"


@dataclasses.dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


Run = Callable[..., Result]


@pytest.fixture
def match(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> Run:
    """``arnorm match ARGS`` in this process, with *stdin* as standard input."""

    def run(*args: str | Path, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        status = cli.main(["match", *map(str, args)])
        out, err = capsysbinary.readouterr()
        return Result(status, out.decode("utf-8"), err.decode("utf-8"))

    return run


@pytest.fixture
def chunks_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The chunks that ``Matcher.iter_chunks`` is given, as it is given them."""
    seen: list[str] = []
    original = Matcher.iter_chunks

    def spy(self: Matcher, chunks: Iterable[str]) -> Iterator[Match]:
        def recorded() -> Iterator[str]:
            for chunk in chunks:
                seen.append(chunk)
                yield chunk

        return original(self, recorded())

    monkeypatch.setattr(Matcher, "iter_chunks", spy)
    return seen


def as_tuples(matches: Iterable[Match]) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.text, m.id, m.score, m.method, m.version) for m in matches]


def record_tuples(records: Iterable[dict[str, Any]]) -> list[tuple[object, ...]]:
    keys = ("start", "end", "text", "id", "score", "method", "version")
    return [tuple(r[k] for k in keys) for r in records]


def check_offsets_and_lines(records: list[dict[str, Any]], decoded: str) -> None:
    for r in records:
        assert decoded[r["start"] : r["end"]] == r["text"], r
        assert r["line"] == decoded.count("\n", 0, r["start"]) + 1, r


# -- input and records --------------------------------------------------------------------


def test_stdin_gives_one_json_object_a_match_with_the_fields_in_order(match: Run) -> None:
    result = match(stdin=TEXT.encode())
    assert (result.status, result.err) == (0, "")
    got = result.records()
    assert [list(r) for r in got] == [FIELDS] * 3
    assert [(r["file"], r["line"], r["text"], r["id"]) for r in got] == [
        ("<stdin>", 1, "عبد اللطيف حموشي", "person-abdellatif-hammouchi"),
        ("<stdin>", 2, "أبوظبي", "ae-abu-dhabi"),
        ("<stdin>", 2, "الرباط", "ma-rabat"),
    ]
    expected = [{"file": "<stdin>", **m.to_dict()} for m in Matcher().find(TEXT)]
    for record, want in zip(got, expected, strict=True):
        assert {k: v for k, v in record.items() if k != "line"} == {
            k: want[k] for k in FIELDS if k != "line"
        }
    assert '"text": "عبد اللطيف حموشي"' in result.out  # ensure_ascii=False


def test_a_file_is_named_as_given_and_dash_is_stdin(
    match: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in.txt").write_text("زار الرباط\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = match("in.txt", "-", stdin="ثم أبوظبي\n".encode())
    assert result.status == 0
    assert [(r["file"], r["line"], r["start"], r["id"]) for r in result.records()] == [
        ("in.txt", 1, 4, "ma-rabat"),
        ("<stdin>", 1, 3, "ae-abu-dhabi"),
    ]


def test_a_real_pipe_into_the_installed_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnorm", "match", "--format", "tsv", "-"],
        input=TEXT.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    rows = [line.split("\t") for line in result.stdout.decode("utf-8").splitlines()]
    assert rows[0] == FIELDS
    assert [row[4] for row in rows[1:]] == ["عبد اللطيف حموشي", "أبوظبي", "الرباط"]


def test_offsets_and_lines_point_into_the_decoded_file(match: Run, article: Path) -> None:
    result = match(article)
    assert result.status == 0
    decoded = article.read_text(encoding="utf-8")
    got = result.records()
    check_offsets_and_lines(got, decoded)
    assert all(r["file"] == str(article) for r in got)
    assert record_tuples(got) == as_tuples(Matcher().find(decoded))


def test_offsets_skip_the_bom_and_count_crlf_as_two_characters(
    match: Run, tmp_path: Path, corpus: Corpus
) -> None:
    decoded = corpus.text().replace("\n", "\r\n")
    path = tmp_path / "bom-crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + decoded.encode("utf-8"))
    got = match(path).records()
    check_offsets_and_lines(got, decoded)
    assert record_tuples(got) == as_tuples(Matcher().find(decoded))
    assert got[-1]["line"] > 2


# -- streaming: several chunks, constant memory -------------------------------------------


def test_many_chunks_give_the_matches_of_the_whole_text(
    match: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunks_seen: list[str],
    corpus: Corpus,
) -> None:
    whole = corpus.text() * 3
    path = tmp_path / "all.txt"
    path.write_text(whole, encoding="utf-8")
    monkeypatch.setattr(_io, "BLOCK_SIZE", 256)  # a chunk ends at the last line feed of a block
    got = match(path).records()
    assert len(chunks_seen) > 20
    assert "".join(chunks_seen) == whole
    assert all(chunk.endswith("\n") for chunk in chunks_seen[:-1])
    assert len(got) > 100
    assert record_tuples(got) == as_tuples(Matcher().find(whole))
    check_offsets_and_lines(got, whole)


def test_lines_and_offsets_stay_right_when_chunks_end_inside_lines(
    match: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunks_seen: list[str],
    corpus: Corpus,
) -> None:
    whole = corpus.text()
    path = tmp_path / "all.txt"
    path.write_text(whole, encoding="utf-8")
    monkeypatch.setattr(_io, "BLOCK_SIZE", 64)
    monkeypatch.setattr(_io, "MAX_CHUNK_CHARS", 200)
    got = match(path).records()
    assert sum(not chunk.endswith("\n") for chunk in chunks_seen) > 5
    assert len(got) > 30
    check_offsets_and_lines(got, whole)


def test_line_counting_goes_forward_and_back_within_the_latest_chunk() -> None:
    lines = files.LineCounter()
    chunks = lines.track(["a\nb\n", "c\nd", "\ne"])
    assert next(chunks) == "a\nb\n"
    assert [lines.line(i) for i in (0, 2, 4, 1, 3)] == [1, 2, 3, 1, 2]
    assert next(chunks) == "c\nd"
    assert [lines.line(i) for i in (6, 4, 7)] == [4, 3, 4]
    with pytest.raises(ValueError, match="offset 3 is not in the latest chunk"):
        lines.line(3)
    assert next(chunks) == "\ne"
    assert [lines.line(i) for i in (8, 7, 9)] == [5, 4, 5]


# -- output formats ----------------------------------------------------------------------


def test_tsv_has_a_header_and_one_row_a_match(match: Run, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("زار\tالرباط\nثم أبوظبي\n", encoding="utf-8")
    result = match("--format", "tsv", path)
    assert result.status == 0
    header, *rows = result.out.split("\n")[:-1]
    assert header.split("\t") == FIELDS
    rabat = ["1", "4", "10", "الرباط", "ma-rabat", "place", "الرباط", "Rabat"]
    abu_dhabi = ["2", "14", "20", "أبوظبي", "ae-abu-dhabi", "place", "أبوظبي", "Abu Dhabi"]
    scored = ["1.0", "exact", "places", LATEST_PLACES, ""]  # no evidence needed: the names say it
    assert [row.split("\t") for row in rows] == [
        [str(path), *rabat, *scored],
        [str(path), *abu_dhabi, *scored],
    ]
    assert match("--format", "tsv", stdin=b"no names here\n").out == "\t".join(FIELDS) + "\n"


def test_tsv_values_cannot_break_rows_or_columns() -> None:
    why = (Evidence("sentence", "x\ty", "LB"), Evidence("cue", "=z"))
    odd = Match(
        0, 3, "a\tb", "x-1", "place", "n\nm", "N\r\nM", "g\u2028h", "1.0.0", "a", 1.0, "m", (), why
    )
    row = cli._tsv_record("dir\twith tab/f.txt", 1, odd).decode("utf-8")
    assert row.endswith("\n")
    assert row[:-1].splitlines() == [row[:-1]]
    assert row[:-1].split("\t") == [
        "dir with tab/f.txt",
        "1",
        "0",
        "3",
        "a b",
        "x-1",
        "place",
        "n m",
        "N  M",
        "1.0",
        "m",
        "g h",
        "1.0.0",
        "sentence: x y (LB); cue: =z",
    ]


# -- choosing and filtering --------------------------------------------------------------


def test_types_and_min_score_filter(match: Run) -> None:
    text = "استقبل عبد اللطيف حموشي بالرباط وأكد حموسي".encode()
    everything = match(stdin=text).records()
    assert min(r["score"] for r in everything) < 0.9
    places = match("--types", "place", stdin=text).records()
    assert [r["id"] for r in places] == ["ma-rabat"]
    people = match("--types", "person,agency", stdin=text).records()
    assert {r["type"] for r in people} == {"person"}
    assert len(people) == 2
    sure = match("--min-score", "0.9", stdin=text).records()
    assert [r["id"] for r in sure] == ["person-abdellatif-hammouchi", "ma-rabat"]
    assert all(r["score"] >= 0.9 for r in sure)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--types", "city"], "argument --types: unknown entry type city; choose from"),
        (["--types", ","], "argument --types: unknown entry type ','"),
        (["--min-score", "1.5"], "argument --min-score: must be between 0 and 1, not 1.5"),
        (["--min-score", "-0.1"], "argument --min-score: must be between 0 and 1"),
        (["--min-score", "nan"], "argument --min-score: must be between 0 and 1, not nan"),
        (["--min-score", "high"], "argument --min-score: not a number: 'high'"),
        (["--format", "xlsx"], "argument --format: invalid choice"),
        (["--gazetteer", "nosuch"], "argument --gazetteer: no gazetteer named 'nosuch'"),
        (
            ["--gazetteer", "places@9.9.9"],
            "argument --gazetteer: places has no version 9.9.9; released versions are 1.0.0,",
        ),
        (["--gazetteer", "places@latest"], "argument --gazetteer: invalid version 'latest'"),
        (
            ["--gazetteer", "places@1.0.0", "--gazetteer", "places"],
            "gazetteer 'places' is given more than once",
        ),
        (["-", "-"], "standard input ('-') can be read only once"),
    ],
)
def test_usage_errors_exit_2(match: Run, args: list[str], message: str) -> None:
    result = match(*args, stdin="الرباط\n".encode())
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith("usage: arnorm match")
    assert f"arnorm match: error: {message}" in result.err


def test_a_pinned_gazetteer_version(match: Run) -> None:
    text = "من الرباط إلى أوربا".encode()
    pinned = match("--gazetteer", "places@1.0.0", stdin=text).records()
    assert [(r["id"], r["gazetteer"], r["version"]) for r in pinned] == [
        ("ma-rabat", "places", "1.0.0")
    ]
    latest = match("--gazetteer", "places", stdin=text).records()
    assert [(r["id"], r["version"]) for r in latest] == [
        ("ma-rabat", LATEST_PLACES),
        ("region-europe", LATEST_PLACES),
    ]


def test_a_users_gazetteer_in_jsonl_and_csv(match: Run, tmp_path: Path) -> None:
    jsonl = tmp_path / "mine.jsonl"
    entry = {
        "id": "x-office",
        "type": "agency",
        "name": "مكتب الأبحاث الخاصة",
        "name_en": "Office of Special Research",
        "sources": [{"title": "a test fixture"}],
    }
    jsonl.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    csv = tmp_path / "quick.csv"
    csv.write_text(
        "id,name,type,aliases,name_en\ngreen-valley,وادي النخيل,place,الوادي الأخضر,Green Valley\n",
        encoding="utf-8",
    )
    text = "قال مكتب الأبحاث الخاصة في الرباط إن الوادي الأخضر آمن".encode()
    got = match("--gazetteer-file", jsonl, "--gazetteer-file", csv, stdin=text).records()
    assert [(r["text"], r["id"], r["name_en"], r["gazetteer"], r["version"]) for r in got] == [
        ("مكتب الأبحاث الخاصة", "x-office", "Office of Special Research", "mine", "0.0.0"),
        ("الوادي الأخضر", "green-valley", "Green Valley", "quick", "0.0.0"),
    ]
    both = match("--gazetteer", "places", "--gazetteer-file", jsonl, stdin=text).records()
    assert [r["id"] for r in both] == ["x-office", "ma-rabat"]


def test_safe_word_reports_a_frequent_word_alias_alone(match: Run, tmp_path: Path) -> None:
    csv = tmp_path / "towns.csv"
    csv.write_text("id,name,type\nqal,قال,place\n", encoding="utf-8")
    text = "قال الوزير إن الرباط آمنة\n".encode()
    assert match("--gazetteer-file", csv, stdin=text).records() == []
    marked = match("--gazetteer-file", csv, "--safe-word", "قال", stdin=text).records()
    assert [r["id"] for r in marked] == ["qal"]
    # the shipped list still holds: مصر stays safe when a word is added
    shipped = match("--safe-word", "قال", stdin="زار مصر\n".encode()).records()
    assert [r["id"] for r in shipped] == ["country-eg"]


def test_a_bad_gazetteer_file_is_an_input_error(match: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "type": "agency"}\n', encoding="utf-8")
    result = match("--gazetteer-file", broken, stdin="الرباط\n".encode())
    assert (result.status, result.out) == (1, "")
    assert result.err.startswith(f"arnorm: error: {broken}:1: ")
    result = match("--gazetteer-file", tmp_path, stdin="الرباط\n".encode())
    assert (result.status, result.err) == (1, f"arnorm: error: {tmp_path}: Is a directory\n")
    missing = tmp_path / "missing.csv"
    result = match("--gazetteer-file", missing, stdin="الرباط\n".encode())
    assert (result.status, result.err) == (
        1,
        f"arnorm: error: {missing}: No such file or directory\n",
    )


def test_all_overlaps(match: Run) -> None:
    text = "دولة الإمارات العربية المتحدة".encode()
    assert [r["text"] for r in match(stdin=text).records()] == ["دولة الإمارات العربية المتحدة"]
    nested = match("--all-overlaps", stdin=text).records()
    assert len(nested) >= 3
    assert "الإمارات" in [r["text"] for r in nested]
    assert {r["id"] for r in nested} == {"country-ae"}


# -- decoding, errors and the output file -------------------------------------------------


@pytest.mark.parametrize("encoding", ["windows-1256", "iso-8859-6"])
def test_single_byte_arabic_encodings(match: Run, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("وصل الوفد\r\nإلى الرباط".encode(encoding))
    got = match("--encoding", encoding, path).records()
    assert [(r["text"], r["line"], r["start"], r["end"]) for r in got] == [("الرباط", 2, 15, 21)]
    assert match(path).status == 1  # not UTF-8


def test_errors_replace_counts_the_replacement_character(match: Run) -> None:
    result = match("--errors", "replace", stdin=b"\xff\xfe " + "الرباط".encode())
    assert result.status == 0
    assert [(r["text"], r["start"]) for r in result.records()] == [("الرباط", 3)]


def test_a_decode_error_names_the_place_and_leaves_the_output_alone(
    match: Run, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    before = "الرباط\nسطر ثان ".encode()
    bad.write_bytes(before + b"\xff" + " المغرب\n".encode())
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    result = match(bad, "-o", out)
    assert (result.status, result.out) == (1, "")
    assert result.err == (
        f"arnorm: error: {bad}:2: cannot decode byte 0xff at byte offset {len(before)} as utf-8\n"
    )
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.jsonl"]


def test_a_decode_error_on_stdin_is_named_like_normalize_names_it(match: Run) -> None:
    result = match(stdin="الرباط\n".encode() + b"\xd8")
    assert (result.status, result.out) == (1, "")
    offset = len("الرباط\n".encode())
    assert result.err == (
        f"arnorm: error: <stdin>:2: cannot decode byte 0xd8 at byte offset {offset} as utf-8\n"
    )


def test_one_bad_file_does_not_stop_the_others(match: Run, tmp_path: Path) -> None:
    first, bad, last = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text("في الرباط\n", encoding="utf-8")
    bad.write_bytes("المغرب في الرباط ".encode() + b"\xff\n")
    last.write_text("ثم أبوظبي\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = match(first, bad, missing, last)
    assert result.status == 1
    assert [(r["file"], r["id"]) for r in result.records()] == [
        (str(first), "ma-rabat"),
        (str(last), "ae-abu-dhabi"),
    ]
    offset = len("المغرب في الرباط ".encode())
    assert result.err.splitlines() == [
        f"arnorm: error: {bad}:1: cannot decode byte 0xff at byte offset {offset} as utf-8",
        f"arnorm: error: {missing}: No such file or directory",
        "arnorm: 2 of 4 inputs failed",
    ]


def test_output_file_is_written_atomically(match: Run, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("في الرباط\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    out.write_text("old\n", encoding="utf-8")
    result = match("--format", "tsv", good, "-o", out)
    assert (result.status, result.out, result.err) == (0, "", "")
    assert out.read_text(encoding="utf-8").splitlines()[0].split("\t") == FIELDS
    assert out.read_text(encoding="utf-8").splitlines()[1].split("\t")[5] == "ma-rabat"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "out.tsv"]
    same = match(good, "-o", tmp_path / "." / "good.txt")
    assert same.status == 2
    assert "is the input" in same.err
    assert good.read_text(encoding="utf-8") == "في الرباط\n"
    assert match(good, "-o", tmp_path / "no" / "out.jsonl").status == 1


def test_match_parser_documents_every_option() -> None:
    parser = cli.build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    sub = commands.choices["match"]
    for action in sub._actions:
        assert action.help, action.dest
        assert len(action.help) > 15, action.dest
    assert {a.dest for a in sub._actions} >= {
        "files",
        "output",
        "format",
        "gazetteer",
        "gazetteer_file",
        "types",
        "min_score",
        "all_overlaps",
        "encoding",
        "errors",
    }
    helps = {a.dest: a.help or "" for a in sub._actions}
    assert "unknown NAME or VERSION is a usage error (exit status 2)" in helps["gazetteer"]
    assert "input error (exit status 1)" in helps["gazetteer_file"]


def test_a_name_wrapped_over_two_lines_of_a_file_is_found_on_the_line_it_starts(
    match: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunks_seen: list[str]
) -> None:
    # every line its own chunk: the cut after "عبد اللطيف" must move, or the name is lost
    monkeypatch.setattr(_io, "BLOCK_SIZE", 8)
    text = "استقبل السيد عبد اللطيف\nحموشي الوفد.\n\nوقال حموشي\n\nإن الدار\nالبيضاء آمنة\n"
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    got = match(path).records()
    assert [(r["text"], r["id"], r["line"]) for r in got] == [
        ("عبد اللطيف\nحموشي", "person-abdellatif-hammouchi", 1),
        ("حموشي", "person-abdellatif-hammouchi", 4),
        ("الدار\nالبيضاء", "ma-casablanca", 6),
    ]
    assert len(chunks_seen) > 3
    assert record_tuples(got) == as_tuples(Matcher().find(text))
    check_offsets_and_lines(got, text)


def test_a_wrapped_name_that_needs_the_text_before_it_is_found_line_by_line(
    match: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a generic reference: only الرباط, lines before, says whose directorate it is, so the
    # lines around the break, read alone, report nothing; the cut must not fall in the name
    monkeypatch.setattr(_io, "BLOCK_SIZE", 8)
    text = "زار الوفد الرباط.\nوقالت المديرية العامة\nللأمن الوطني إن\n"
    path = tmp_path / "generic.txt"
    path.write_text(text, encoding="utf-8")
    got = match(path).records()
    assert [(r["text"], r["id"], r["method"]) for r in got] == [
        ("الرباط", "ma-rabat", "exact"),
        ("المديرية العامة\nللأمن الوطني", "ma-dgsn", "context"),
    ]
    assert record_tuples(got) == as_tuples(Matcher().find(text))
