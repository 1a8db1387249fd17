"""A user's own gazetteer files: JSON Lines and CSV, validation errors with file, line and field."""

from __future__ import annotations

import hashlib
import json
import lzma
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arnorm import gazetteer as gz

GOOD: dict[str, Any] = {
    "id": "xx-agency",
    "type": "agency",
    "name": "جهاز الأمن",
    "name_en": "Security Service",
    "sources": [{"title": "A report", "url": "https://example.org/report"}],
}


def write_jsonl(path: Path, *records: Any) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def errors_for(tmp_path: Path, *records: Any) -> list[str]:
    return gz.validate_file(write_jsonl(tmp_path / "mine.jsonl", *records))


def test_a_valid_file_loads(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "mine.jsonl", GOOD, {**GOOD, "id": "xx-other"})
    gaz = gz.Gazetteer.from_path(path)
    assert (gaz.name, gaz.version, len(gaz)) == ("mine", "0.0.0", 2)
    assert gaz.get("xx-agency") is not None
    assert gaz.get("xx-agency").sources[0].url == "https://example.org/report"  # type: ignore[union-attr]
    assert gz.validate_file(path) == []


BAD_CASES = [
    ("not-json", "{not json", "(json)"),
    ("not-object", "[1, 2]", "(entry): must be a JSON object"),
    ("missing-id", {k: v for k, v in GOOD.items() if k != "id"}, "id: is required"),
    ("bad-id", {**GOOD, "id": "Bad Id"}, "id: must be a lowercase ASCII slug"),
    ("bad-type", {**GOOD, "type": "army"}, "type: must be one of"),
    ("empty-name", {**GOOD, "name": ""}, "name: must be a non-empty string"),
    ("padded-name", {**GOOD, "name": " جهاز"}, "name: has leading or trailing white space"),
    ("missing-name-en", {k: v for k, v in GOOD.items() if k != "name_en"}, "name_en: is required"),
    ("bad-country", {**GOOD, "country": "Morocco"}, "country: must be an ISO 3166-1 alpha-2"),
    ("no-sources", {**GOOD, "sources": []}, "sources: must be a list of at least one source"),
    ("source-no-title", {**GOOD, "sources": [{"url": "https://x.org"}]}, "sources[0].title"),
    ("source-bad-url", {**GOOD, "sources": [{"title": "t", "url": "ftp://x"}]}, "sources[0].url"),
    ("unknown-field", {**GOOD, "colour": "red"}, "colour: is not a field of the schema"),
    ("aliases-not-list", {**GOOD, "aliases": "الأمن"}, "aliases: must be a list"),
    ("aliases-repeat", {**GOOD, "aliases": ["أ", "أ"]}, "aliases: repeats a value"),
    ("bad-date", {**GOOD, "valid_from": "2015-13"}, "valid_from: must be YYYY"),
    ("roles-on-agency", {**GOOD, "roles": []}, "roles: only a person has roles"),
    (
        "person-with-validity",
        {**GOOD, "type": "person", "valid_to": "2020"},
        "valid_from: a person has roles",
    ),
    (
        "role-end-before-start",
        {**GOOD, "type": "person", "roles": [{"title": "مدير", "from": "2020", "to": "2019"}]},
        "roles[0].to: 2019 is before 2020",
    ),
    (
        "role-unknown-field",
        {**GOOD, "type": "person", "roles": [{"title": "مدير", "rank": 1}]},
        "roles[0].rank: is not a field",
    ),
    ("unknown-part-of", {**GOOD, "part_of": "xx-nowhere"}, "part_of: refers to unknown id"),
    ("self-part-of", {**GOOD, "part_of": "xx-agency"}, "part_of: an entry cannot be part of"),
]


@pytest.mark.parametrize(("label", "record", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_every_validation_error_names_file_line_and_field(
    tmp_path: Path, label: str, record: Any, message: str
) -> None:
    errors = errors_for(tmp_path, {**GOOD, "id": "xx-first"}, record)
    assert errors, label
    assert any(e.startswith(f"{tmp_path / 'mine.jsonl'}:2: ") and message in e for e in errors), (
        errors
    )


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, GOOD, GOOD)
    assert any(":2: id: duplicate id 'xx-agency' (first on line 1)" in e for e in errors)


def test_all_errors_are_reported_at_once(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, {**GOOD, "country": "x"}, {**GOOD, "id": "B", "type": "?"})
    assert len(errors) >= 3


def test_bad_utf8_names_the_line_and_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b'\n{"id": "\xff"}\n')
    (error,) = gz.validate_file(path)
    offset = len(json.dumps(GOOD).encode()) + 1 + len(b'{"id": "')
    assert error == f"{path}:2: (line): is not UTF-8 (byte offset {offset})"


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert gz.validate_file(path) == [f"{path}:1: (file): has no entries"]


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", GOOD)
    monkeypatch.setattr(gz, "MAX_FILE_BYTES", 10)
    with pytest.raises(gz.ValidationError, match="the limit is 10 bytes"):
        gz.Gazetteer.from_path(path)


def test_a_huge_line_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_jsonl(tmp_path / "long.jsonl", GOOD)
    monkeypatch.setattr(gz, "MAX_LINE_BYTES", 10)
    (error,) = gz.validate_file(path)
    assert error.startswith(f"{path}:1: (line): is ")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(gz.GazetteerError, match="No such file"):
        gz.Gazetteer.from_path(tmp_path / "nope.jsonl")


def test_csv_quick_lists(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "name,type,aliases,country\n"
        "المكتب المركزي للأبحاث القضائية,agency,البسيج|بسيج,MA\n"
        'تنظيم "المثال",organization,,\n',
        encoding="utf-8",
    )
    gaz = gz.Gazetteer.from_path(path)
    first, second = list(gaz)
    assert first.aliases == ("البسيج", "بسيج")
    assert first.country == "MA"
    assert first.id == "list-2"
    assert second.name == 'تنظيم "المثال"'
    assert second.sources[0].title == f"{path}, line 3"


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,type\nالرباط,city\n", encoding="utf-8")
    (error,) = gz.validate_file(path)
    assert error.startswith(f"{path}:2: type: must be one of")
    path.write_text("name,aliases\nالرباط,\n", encoding="utf-8")
    assert gz.validate_file(path) == [f"{path}:1: type: the header has no such column"]


def test_files_are_data_only(tmp_path: Path) -> None:
    path = tmp_path / "evil.jsonl"
    path.write_text('{"id": "__import__(\'os\')", "type": "place"}\n', encoding="utf-8")
    errors = gz.validate_file(path)
    assert any("id: must be a lowercase ASCII slug" in e for e in errors)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arnorm", "gazetteer", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_list_show_stats() -> None:
    listing = run_cli("list")
    assert listing.returncode == 0
    assert [line.split("\t")[0] for line in listing.stdout.splitlines()] == [
        "agencies",
        "officials",
        "organizations",
        "places",
    ]
    show = run_cli("show", "places@1.0.0", "country-ma")
    assert show.returncode == 0
    assert json.loads(show.stdout)["name_en"] == "Morocco"
    summary = run_cli("show", "places")
    latest = gz.available_gazetteers()["places"][-1]
    assert summary.stdout.startswith(f"places@{latest}: ")
    stats = run_cli("stats")
    assert stats.stdout.splitlines()[0].startswith("gazetteer\tversion\tentries")
    assert len(stats.stdout.splitlines()) == 5


def test_cli_errors() -> None:
    missing = run_cli("show", "places", "no-such-id")
    assert missing.returncode == 2
    assert "has no entry 'no-such-id'" in missing.stderr
    unknown = run_cli("show", "../etc")
    assert unknown.returncode == 2
    assert "invalid gazetteer name" in unknown.stderr
    assert run_cli("frobnicate").returncode == 2


def test_cli_validate(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", GOOD)
    result = run_cli("validate", str(good))
    assert (result.returncode, result.stdout) == (0, f"{good}: valid, 1 entries\n")
    bad = write_jsonl(tmp_path / "bad.jsonl", {**GOOD, "type": "army"})
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:1: type: must be one of" in result.stderr


def test_cli_diff_of_a_version_with_itself() -> None:
    result = run_cli("diff", "places", "1.0.0", "1.0.0")
    assert result.returncode == 0
    assert result.stdout == "--- places@1.0.0\n+++ places@1.0.0\n"


def test_cli_export_prints_a_version_as_released() -> None:
    # an archived version (released plain) and the latest (released compressed): the lines
    # printed are the released ones, by their digests
    old = gz._release("places", "1.0.0")
    result = run_cli("export", "places@1.0.0")
    assert result.returncode == 0
    assert hashlib.sha256(result.stdout.encode("utf-8")).hexdigest() == old["sha256"]
    latest = gz._release("officials", None)
    result = run_cli("export", "officials")
    stored = (gz._data_dir() / latest["file"]).read_bytes()
    assert result.stdout.encode("utf-8") == lzma.decompress(stored)
    assert result.stdout.count("\n") == latest["entries"]


def test_cli_export_of_an_unknown_version_is_a_usage_error() -> None:
    result = run_cli("export", "places@9.9.9")
    assert (result.returncode, result.stdout) == (2, "")
    assert "places has no version 9.9.9" in result.stderr
