"""The ``arnorm match`` command line."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from arnorm import Matcher, _io, cli

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIELDS = "file line start end text id type name name_en score method gazetteer version".split()  # noqa: SIM905 - the spec, on one line
TEXT = "استقبل عبد اللطيف حموشي\nوفدا من أبوظبي، ثم زار الرباط\n"


def run(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "arnorm", "match", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def records(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_stdin_gives_one_json_object_a_match_with_the_documented_fields() -> None:
    result = run(stdin=TEXT.encode())
    assert result.returncode == 0, result.stderr
    got = records(result)
    assert [list(r) for r in got] == [FIELDS] * 3
    assert [(r["file"], r["line"], r["text"], r["id"]) for r in got] == [
        ("-", 1, "عبد اللطيف حموشي", "person-abdellatif-hammouchi"),
        ("-", 2, "أبوظبي", "ae-abu-dhabi"),
        ("-", 2, "الرباط", "ma-rabat"),
    ]
    for r in got:
        assert TEXT[int(str(r["start"])) : int(str(r["end"]))] == r["text"]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("news-*.txt")), ids=lambda p: p.name)
def test_offsets_and_lines_point_into_the_decoded_file(path: Path) -> None:
    result = run(path)
    assert result.returncode == 0
    text = path.read_text(encoding="utf-8")
    got = records(result)
    assert len(got) >= 15
    for r in got:
        start, end = int(str(r["start"])), int(str(r["end"]))
        assert text[start:end] == r["text"]
        assert r["line"] == text.count("\n", 0, start) + 1
        assert r["file"] == str(path)
    assert [(r["start"], r["id"]) for r in got] == [(m.start, m.id) for m in Matcher().find(text)]


def test_small_chunks_give_the_same_matches(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("news-*.txt")))
    path = tmp_path / "all.txt"
    path.write_text(text * 3, encoding="utf-8")
    monkeypatch.setattr(_io, "MAX_CHUNK_CHARS", 700)
    monkeypatch.setattr(_io, "BLOCK_SIZE", 256)
    assert cli.main(["match", str(path)]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    got = [json.loads(line) for line in lines]
    whole = text * 3
    expected = Matcher().find(whole)
    assert [(r["start"], r["end"], r["id"]) for r in got] == [
        (m.start, m.end, m.id) for m in expected
    ]
    assert all(r["line"] == whole.count("\n", 0, r["start"]) + 1 for r in got)


def test_tsv_output_has_a_header_and_no_stray_tabs(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("زار\tالرباط\n", encoding="utf-8")
    result = run("--format", "tsv", path)
    assert result.returncode == 0
    header, *rows = result.stdout.decode("utf-8").splitlines()
    assert header.split("\t") == FIELDS
    assert len(rows) == 1
    assert rows[0].split("\t")[4:6] == ["الرباط", "ma-rabat"]
    assert all(len(row.split("\t")) == len(FIELDS) for row in rows)


def test_types_and_min_score_filter() -> None:
    text = "استقبل عبد اللطيف حموشي بالرباط وأكد حموسي".encode()
    places = records(run("--types", "place", stdin=text))
    assert [r["id"] for r in places] == ["ma-rabat"]
    people = records(run("--types", "person,agency", stdin=text))
    assert {r["type"] for r in people} == {"person"}
    assert len(people) == 2
    sure = records(run("--min-score", "0.9", stdin=text))
    assert [r["id"] for r in sure] == ["person-abdellatif-hammouchi", "ma-rabat"]
    bad = run("--types", "city", stdin=text)
    assert bad.returncode == 2
    assert b"unknown entry type city" in bad.stderr
    assert run("--min-score", "1.5", stdin=text).returncode == 2


def test_pinned_and_unknown_gazetteers() -> None:
    text = "من الرباط إلى أوربا".encode()
    pinned = records(run("--gazetteer", "places@1.0.0", stdin=text))
    assert [(r["id"], r["version"]) for r in pinned] == [("ma-rabat", "1.0.0")]
    latest = records(run("--gazetteer", "places", stdin=text))
    assert [r["id"] for r in latest] == ["ma-rabat", "region-europe"]
    for spec in ("places@9.9.9", "nosuch"):
        result = run("--gazetteer", spec, stdin=text)
        assert result.returncode == 2
        assert b"arnorm match: error:" in result.stderr


def test_a_users_gazetteer_in_jsonl_and_csv(tmp_path: Path) -> None:
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
    csv.write_text("name,type,aliases\nوادي النخيل,place,الوادي الأخضر\n", encoding="utf-8")
    text = "قال مكتب الأبحاث الخاصة في الرباط إن الوادي الأخضر آمن".encode()
    got = records(run("--gazetteer-file", jsonl, "--gazetteer-file", csv, stdin=text))
    assert [(r["id"], r["gazetteer"]) for r in got] == [
        ("x-office", "mine"),
        (got[1]["id"], "quick"),
    ]
    both = records(run("--gazetteer", "places", "--gazetteer-file", jsonl, stdin=text))
    assert [r["id"] for r in both] == ["x-office", "ma-rabat"]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "type": "agency"}\n', encoding="utf-8")
    result = run("--gazetteer-file", broken, stdin=text)
    assert result.returncode == 1
    assert f"{broken}:1".encode() in result.stderr


def test_windows_1256_input(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("وصل الوفد إلى الرباط".encode("windows-1256"))
    got = records(run("--encoding", "windows-1256", path))
    assert [(r["text"], r["start"]) for r in got] == [("الرباط", 14)]


def test_a_decode_error_names_the_place_and_leaves_the_output_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    before = "الرباط\nسطر ثان ".encode()
    bad.write_bytes(before + b"\xff" + " المغرب\n".encode())
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    result = run(bad, "-o", out)
    assert result.returncode == 1
    message = result.stderr.decode("utf-8")
    assert f"{bad}:2: cannot decode byte 0xff at byte offset {len(before)}" in message
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.jsonl"]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("في الرباط\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("المغرب ".encode() + b"\xff\n")
    result = run(bad, good, tmp_path / "missing.txt")
    assert result.returncode == 1
    assert [(r["file"], r["id"]) for r in records(result)] == [(str(good), "ma-rabat")]
    message = result.stderr.decode("utf-8")
    assert "bad.txt" in message
    assert "missing.txt" in message


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("في الرباط\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(good, "-o", out).returncode == 0
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["ma-rabat"]
    same = run(good, "-o", good)
    assert same.returncode == 2
    assert good.read_text(encoding="utf-8") == "في الرباط\n"
    assert run("-", "-").returncode == 2


def test_all_overlaps() -> None:
    text = "دولة الإمارات العربية المتحدة".encode()
    assert len(records(run(stdin=text))) == 1
    nested = records(run("--all-overlaps", stdin=text))
    assert len(nested) >= 3
    assert {r["id"] for r in nested} == {"country-ae"}


def test_match_parser_documents_every_option() -> None:
    parser = cli.build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    match = commands.choices["match"]
    for action in match._actions:
        assert action.help, action.dest
        assert len(action.help) > 15, action.dest
    assert {a.dest for a in match._actions} >= {
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
