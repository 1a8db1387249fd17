"""Gazetteer loading on hostile and odd files: only ValidationError (or GazetteerError for I/O),
with file, line and field; special files refused; side data checksummed; data rules that
keep cycles, control characters and spreadsheet formulas out."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from arnorm import Matcher, normalize
from arnorm import gazetteer as gz

ROOT = Path(__file__).resolve().parent.parent

GOOD: dict[str, Any] = {
    "id": "xx-rabat",
    "type": "place",
    "name": "الرباط",
    "name_en": "Rabat",
    "sources": [{"title": "A report"}],
}


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*objs: Any) -> str:
    return "\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs)


def errors(path: Path) -> list[str]:
    """The problems of *path*; anything but ValidationError propagates and fails the test."""
    with pytest.raises(gz.ValidationError) as info:
        gz.Gazetteer.from_path(path)
    assert info.value.errors == gz.validate_file(path)
    return info.value.errors


# -- item 9: malformed content raises ValidationError with file, line and field -------------


def test_deep_nesting_is_a_validation_error(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.jsonl", jsonl(GOOD, "[" * 200_000 + "]" * 200_000))
    assert errors(path) == [f"{path}:2: (json): is nested too deeply"]


def test_a_huge_integer_is_a_validation_error(tmp_path: Path) -> None:
    path = write(tmp_path / "int.jsonl", '{"id": ' + "9" * 10_000 + "}")
    assert errors(path) == [f"{path}:1: (json): has a number of 10000 digits"]


def test_nan_and_infinity_are_not_json(tmp_path: Path) -> None:
    path = write(tmp_path / "nan.jsonl", jsonl(GOOD, '{"id": NaN}', '{"id": -Infinity}'))
    assert errors(path) == [
        f"{path}:2: (json): NaN is not JSON",
        f"{path}:3: (json): -Infinity is not JSON",
    ]


def test_a_repeated_key_is_refused(tmp_path: Path) -> None:
    # json.loads would keep the last "name" silently
    line = json.dumps(GOOD, ensure_ascii=False)[:-1] + ', "name": "مصر"}'
    path = write(tmp_path / "dup.jsonl", line)
    assert errors(path) == [f"{path}:1: (json): an object repeats the key 'name'"]


def test_a_lone_surrogate_escape_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "sur.jsonl", json.dumps({**GOOD, "name": "\ud800"}))
    (error,) = errors(path)
    assert error.startswith(f"{path}:1: name: holds U+D800 (unnamed); control")


def test_a_csv_cell_over_the_csv_limit_is_a_validation_error(tmp_path: Path) -> None:
    big = "ن" * (128 * 1024 + 1)  # the csv module's default field limit is 128 KiB
    path = write(tmp_path / "big.csv", f"name,type,notes\nالرباط,place,x\n{big},place,x\n")
    assert errors(path) == [
        f"{path}:3: (csv): a cell is longer than 131072 characters; the rest is not read"
    ]
    path = write(tmp_path / "head.csv", f"name,type,{big}\nالرباط,place,x\n")
    assert errors(path) == [f"{path}:1: (csv): a cell is longer than 131072 characters"]


def test_a_csv_header_with_a_repeated_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "name,type,name\nالرباط,place,مصر\n")
    assert errors(path) == [f"{path}:1: name: the header has this column more than once"]


def test_values_in_messages_are_short_and_escaped(tmp_path: Path) -> None:
    long_id = "X\x1b" * 5000
    path = write(tmp_path / "m.jsonl", jsonl({**GOOD, "id": long_id, "country": [[1]]}))
    problems = errors(path)
    assert all(len(p) < len(str(path)) + 200 for p in problems)
    assert not any("\x1b" in p for p in problems)
    assert f"{path}:1: country: must be a non-empty string" in problems


def test_the_utf8_offset_is_right_on_a_repeated_bad_line(tmp_path: Path) -> None:
    path = write(tmp_path / "u.jsonl", b"\xff\n" + jsonl(GOOD).encode() + b"\n\xff\n")
    second = 2 + len(jsonl(GOOD).encode()) + 1
    assert errors(path) == [
        f"{path}:1: (line): is not UTF-8 (byte offset 0)",
        f"{path}:3: (line): is not UTF-8 (byte offset {second})",
    ]


def test_a_trailing_newline_does_not_pass_a_pattern(tmp_path: Path) -> None:
    # "$" matches before a final newline; fullmatch does not
    person = {
        **GOOD,
        "type": "person",
        "roles": [{"title": "وزير", "from": "2013\n"}],
        "sources": [{"title": "t", "url": "https://a.example/\n"}],
    }
    path = write(tmp_path / "nl.jsonl", jsonl(person))
    assert errors(path) == [
        f"{path}:1: roles[0].from: must be YYYY, YYYY-MM or YYYY-MM-DD, not '2013\\n'",
        f"{path}:1: sources[0].url: must be an http(s) URL, not 'https://a.example/\\n'",
    ]
    with pytest.raises(gz.GazetteerError, match="invalid gazetteer name"):
        gz.load_gazetteer("places\n")
    with pytest.raises(gz.GazetteerError, match="invalid version"):
        gz.load_gazetteer("places", "1.1.0\n")


def test_a_date_not_in_the_calendar_is_refused(tmp_path: Path) -> None:
    person = {**GOOD, "type": "person", "roles": [{"title": "وزير", "from": "2013-02-30"}]}
    path = write(tmp_path / "d.jsonl", jsonl(person))
    assert errors(path) == [f"{path}:1: roles[0].from: 2013-02-30 is not a date of the calendar"]


def test_a_read_error_is_a_gazetteer_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "mine.jsonl", jsonl(GOOD))

    def failing_read(fd: int, n: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(gz.os, "read", failing_read)
    with pytest.raises(gz.GazetteerError, match=f"^{path}: Input/output error$"):
        gz.Gazetteer.from_path(path)


def test_a_missing_file_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(gz.GazetteerError, match="No such file"):
        gz.Gazetteer.from_path(tmp_path / "nope.csv")


# -- item 18: special files refused; the size limit holds whatever stat says ----------------


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(gz.GazetteerError, match=f"^{re.escape(str(tmp_path))}: Is a directory$"):
        gz.Gazetteer.from_path(tmp_path)


def test_a_device_is_refused_without_reading_it() -> None:
    for device in ("/dev/zero", "/dev/null"):
        assert errors(Path(device)) == [
            f"{device}: (file): is a character device; a gazetteer must be a regular file"
        ]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    done: list[list[str]] = []
    worker = threading.Thread(target=lambda: done.append(gz.validate_file(fifo)), daemon=True)
    worker.start()
    worker.join(30)
    if not done:  # unblock the reader before failing, so the test run can end
        with fifo.open("wb"):
            pass
    assert done == [[f"{fifo}: (file): is a FIFO; a gazetteer must be a regular file"]]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert errors(path) == [f"{path}: (file): is a socket; a gazetteer must be a regular file"]


def test_a_symlink_to_a_regular_file_loads(tmp_path: Path) -> None:
    target = write(tmp_path / "real.jsonl", jsonl(GOOD))
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert len(gz.Gazetteer.from_path(link)) == 1


def test_the_size_limit_counts_bytes_read_not_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "grow.jsonl", jsonl(GOOD, {**GOOD, "id": "xx-other"}))
    size = path.stat().st_size
    monkeypatch.setattr(gz, "MAX_FILE_BYTES", size - 1)
    real_stat = os.stat

    class Tiny:  # a stat that says the file is empty, as /proc files and devices do
        def __init__(self, result: os.stat_result) -> None:
            self.st_mode = result.st_mode
            self.st_size = 0

    monkeypatch.setattr(gz.os, "stat", lambda p, **kw: Tiny(real_stat(p, **kw)))
    assert errors(path) == [
        f"{path}: (file): is more than {size - 1} bytes; the limit is {size - 1} bytes"
    ]
    monkeypatch.setattr(gz, "MAX_FILE_BYTES", size)
    assert len(gz.Gazetteer.from_path(path)) == 2


def test_the_cli_refuses_a_device_as_a_gazetteer() -> None:
    cmd = [sys.executable, "-m", "arnorm", "gazetteer", "validate", "/dev/zero"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1
    assert "/dev/zero: (file): is a character device" in run.stderr
    assert "Traceback" not in run.stderr


# -- item 19: the side data files are checksummed like the gazetteers ----------------------


def copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "gazetteers"
    shutil.copytree(gz._data_dir(), copy)
    monkeypatch.setattr(gz, "_data_dir", lambda: copy)
    monkeypatch.setattr(gz, "_CACHE", {})
    return copy


def test_every_shipped_data_file_matches_its_checksum() -> None:
    index = json.loads((gz._data_dir() / "index.json").read_text(encoding="utf-8"))
    assert sorted(index["data_files"]) == sorted(gz.DATA_FILES)
    for name in gz.DATA_FILES:
        assert gz._read_data_file(name) == (gz._data_dir() / name).read_bytes()


@pytest.mark.parametrize(
    "name",
    ["ambiguities.json", "common-words.json", "frequent-words-ar.txt", "given-names-ar.txt"],
)
def test_an_edited_data_file_is_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    path = copy / name
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n\n", 1))
    with pytest.raises(
        gz.GazetteerError, match=f"^{re.escape(name)} does not match its SHA-256 in the index"
    ):
        gz._read_data_file(name)


def test_the_readers_of_the_data_files_refuse_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    common = copy / "common-words.json"
    common.write_bytes(common.read_bytes().replace(b'"safe": [', '"safe": ["الرباط", '.encode(), 1))
    for reader in (gz.common_word_aliases, gz.safe_word_aliases):
        with pytest.raises(gz.GazetteerError, match=r"common-words\.json does not match"):
            reader()
    ambiguities = copy / "ambiguities.json"
    ambiguities.write_bytes(ambiguities.read_bytes()[:-10])
    with pytest.raises(gz.GazetteerError, match=r"ambiguities\.json does not match"):
        gz.known_ambiguities()


@pytest.mark.parametrize("name", ["ambiguities.json", "common-words.json", "frequent-words-ar.txt"])
def test_loading_a_shipped_gazetteer_checks_every_data_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # frequent-words-ar.txt is read by the matcher itself; the check at load time covers it
    copy = copy_data(tmp_path, monkeypatch)
    (copy / name).write_bytes((copy / name).read_bytes() + b"\n")
    with pytest.raises(gz.GazetteerError, match=f"^{re.escape(name)} does not match its SHA-256"):
        gz.load_gazetteer("places")
    with pytest.raises(gz.GazetteerError, match=f"^{re.escape(name)} does not match its SHA-256"):
        Matcher()


def test_a_data_file_missing_from_the_index_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    del index["data_files"]["ambiguities.json"]
    (copy / "index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match="the index lists no SHA-256"):
        gz.known_ambiguities()


def test_the_release_tool_keeps_the_data_checksums(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import release_gazetteer as tool

    copy = copy_data(tmp_path, monkeypatch)
    monkeypatch.setattr(tool, "ROOT", copy)
    assert tool.main(["--data-files", "--check"]) == 0
    words = copy / "frequent-words-ar.txt"
    words.write_bytes(words.read_bytes() + "الرباط\n".encode())
    with pytest.raises(gz.GazetteerError):
        gz._read_data_file("frequent-words-ar.txt")
    assert tool.main(["--data-files", "--check"]) == 1
    assert tool.main(["--data-files"]) == 0
    assert tool.main(["--data-files", "--check"]) == 0
    assert gz._read_data_file("frequent-words-ar.txt").endswith("الرباط\n".encode())
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    assert (
        index["gazetteers"]
        == json.loads((ROOT / "gazetteers" / "index.json").read_text(encoding="utf-8"))[
            "gazetteers"
        ]
    )


def test_a_release_keeps_the_data_checksums(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import release_gazetteer as tool

    copy = copy_data(tmp_path, monkeypatch)
    monkeypatch.setattr(tool, "ROOT", copy)
    before = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    draft = tmp_path / "organizations-1.0.0.jsonl"
    draft.write_bytes(gz._release_lines("organizations", gz._release("organizations", "1.0.0")))
    assert tool.main(["organizations", "9.0.0", str(draft), "--date", "2026-12-04"]) == 0
    after = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    assert after["data_files"] == before["data_files"]
    assert after["gazetteers"]["organizations"]["versions"][-1]["version"] == "9.0.0"
    assert len(gz.load_gazetteer("organizations", "9.0.0")) == len(
        gz.load_gazetteer("organizations", "1.0.0")
    )
    with pytest.raises(SystemExit):  # --data-files takes no gazetteer name
        tool.main(["--data-files", "organizations"])


# -- item 20: part_of cycles, control characters, formula-like cells -----------------------


def test_a_part_of_cycle_is_refused(tmp_path: Path) -> None:
    a, b, c = ({**GOOD, "id": i} for i in ("a", "b", "c"))
    path = write(
        tmp_path / "cycle.jsonl",
        jsonl({**a, "part_of": "b"}, {**b, "part_of": "c"}, {**c, "part_of": "a"}),
    )
    assert errors(path) == [f"{path}:1: part_of: forms a cycle: a -> b -> c -> a"]
    path = write(tmp_path / "two.jsonl", jsonl({**b, "part_of": "a"}, {**a, "part_of": "b"}))
    assert errors(path) == [f"{path}:1: part_of: forms a cycle: b -> a -> b"]


def test_a_self_loop_is_refused_once(tmp_path: Path) -> None:
    path = write(tmp_path / "self.jsonl", jsonl({**GOOD, "part_of": GOOD["id"]}))
    assert errors(path) == [f"{path}:1: part_of: an entry cannot be part of itself"]


def test_a_chain_into_a_cycle_reports_the_cycle_only(tmp_path: Path) -> None:
    objs = [{**GOOD, "id": i, "part_of": p} for i, p in (("x", "a"), ("a", "b"), ("b", "a"))]
    path = write(tmp_path / "chain.jsonl", jsonl(*objs))
    assert errors(path) == [f"{path}:2: part_of: forms a cycle: a -> b -> a"]


def test_a_long_part_of_chain_is_fine(tmp_path: Path) -> None:
    objs = [{**GOOD, "id": f"p{i}", **({"part_of": f"p{i - 1}"} if i else {})} for i in range(3000)]
    path = write(tmp_path / "chain.jsonl", jsonl(*objs))
    assert len(gz.Gazetteer.from_path(path)) == 3000


@pytest.mark.parametrize(
    ("char", "label"),
    [
        ("\n", "LINE FEED"),
        ("\r", "CARRIAGE RETURN"),
        ("\x00", "NUL"),
        ("\t", "TAB"),
        ("\x1b", "ESCAPE"),
        ("\x85", "unnamed"),
        ("\u2028", "LINE SEPARATOR"),
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_control_characters_in_names_and_aliases_are_refused(
    char: str, label: str, tmp_path: Path
) -> None:
    value = f"الرباط{char}مصر"
    if char == "\u202e":  # removed by the normalizer, so allowed: a name may carry it
        path = write(tmp_path / "c.jsonl", jsonl({**GOOD, "name": value}))
        assert len(gz.Gazetteer.from_path(path)) == 1
        return
    why = f"holds U+{ord(char):04X} ({label}); control, format and line-separator characters"
    for field, obj in (
        ("name", {**GOOD, "name": value}),
        ("aliases[1]", {**GOOD, "aliases": ["ا", value]}),
    ):
        path = write(tmp_path / "c.jsonl", jsonl(obj))
        assert errors(path) == [f"{path}:1: {field}: {why} are not allowed"]


def test_format_characters_the_normalizer_removes_are_allowed(tmp_path: Path) -> None:
    name = "محمد\u200cرضا\u200f"  # ZWNJ, as in Persian-style spellings; RLM pasted from a page
    path = write(tmp_path / "ok.jsonl", jsonl({**GOOD, "name": name}))
    assert gz.Gazetteer.from_path(path).get("xx-rabat").name == name  # type: ignore[union-attr]
    other = write(tmp_path / "no.jsonl", jsonl({**GOOD, "name": "الرباط\u206a"}))
    (error,) = errors(other)
    assert ": name: holds U+206A (INHIBIT SYMMETRIC SWAPPING); control" in error


def test_a_nul_in_a_csv_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "nul.csv", "name,type\nالر\x00باط,place\n")
    (error,) = errors(path)
    assert error.startswith(f"{path}:2: name: holds U+0000 (NUL); control")


def test_control_characters_in_other_text_fields_are_refused(tmp_path: Path) -> None:
    person = {
        **GOOD,
        "type": "person",
        "notes": "a\x00b",
        "roles": [{"title": "وزير\x07", "from": "2010"}],
        "sources": [{"title": "t\x1b[31m"}],
    }
    problems = errors(write(tmp_path / "o.jsonl", jsonl(person)))
    fields = [p.split(": ")[1] for p in problems]
    assert fields == ["notes", "roles[0].title", "sources[0].title"]


@pytest.mark.parametrize(
    "cell", ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x")', "@SUM(1+1)", "+1", "-2+3"]
)
def test_formula_like_names_in_csv_are_refused(cell: str, tmp_path: Path) -> None:
    quoted = cell.replace('"', '""')
    text = f'name,type,aliases\n"{quoted}",place,\nالرباط,place,"x|{quoted}"\n'
    path = write(tmp_path / "f.csv", text)
    problems = errors(path)
    assert [p.split(": ")[0:2] for p in problems] == [
        [f"{path}:2", "name"],
        [f"{path}:3", "aliases[1]"],
    ]
    assert all("which a spreadsheet would run as a formula" in p for p in problems)


def test_a_leading_dash_in_notes_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", jsonl({**GOOD, "notes": "- a remark; =not a name"}))
    assert gz.Gazetteer.from_path(path).get("xx-rabat").notes == "- a remark; =not a name"  # type: ignore[union-attr]


def test_formula_like_names_in_jsonl_are_refused_too(tmp_path: Path) -> None:
    path = write(
        tmp_path / "f.jsonl", jsonl({**GOOD, "name_en": "=HYPERLINK(1)", "abbreviations": ["@X"]})
    )
    fields = [p.split(": ")[1] for p in errors(path)]
    assert fields == ["name_en", "abbreviations[0]"]


def test_the_shipped_gazetteers_still_validate() -> None:
    for name, versions in gz.available_gazetteers().items():
        for version in versions:
            release = gz._release(name, version)
            data = gz._release_lines(name, release)
            assert gz.parse_jsonl(data, name, external_ids=None)
            assert len(gz.load_gazetteer(name, version)) == release["entries"]


# -- bounded cost whatever the file: problems, entries and lines --------------------------


def test_validation_stops_after_max_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gz, "MAX_ERRORS", 10)
    path = write(tmp_path / "bad.jsonl", "1\n" * 5000)
    problems = errors(path)
    assert len(problems) == 11
    assert (
        problems[-1] == f"{path}:10: (file): 10 problems found; the rest of the file is not checked"
    )
    csv_path = write(tmp_path / "bad.csv", "name,type\n" + "x,city\n" * 5000)
    assert len(errors(csv_path)) == 11


def test_a_file_of_a_million_bad_lines_costs_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = write(tmp_path / "many.jsonl", b"1\n" * 1_000_000)
    tracemalloc.start()
    try:
        problems = gz.validate_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(problems) == gz.MAX_ERRORS + 1
    assert peak < 16 * 1024 * 1024  # the 2 MB file, a window of lines and 1,000 messages


def test_blank_lines_cost_no_list_of_lines(tmp_path: Path) -> None:
    import tracemalloc

    path = write(tmp_path / "blank.jsonl", b"\n" * 4_000_000 + jsonl(GOOD).encode())
    tracemalloc.start()
    try:
        gaz = gz.Gazetteer.from_path(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(gaz) == 1
    assert peak < 16 * 1024 * 1024  # data.split would hold 4 million references (32 MB)
    bad = write(tmp_path / "blank-bad.jsonl", b"\n" * 4_000_000 + b"{nope")
    assert errors(bad)[0].startswith(f"{bad}:4000001: (json): ")


def test_line_numbers_and_offsets_across_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = jsonl(GOOD).encode()
    data = (
        good
        + b"\n\n   \n"
        + b"\xff\n"
        + b"\n" * 50
        + b"{nope\n"
        + good.replace(b"xx-rabat", b"xx-b")
    )
    path = write(tmp_path / "w.jsonl", data)
    expected = errors(path)
    assert expected == [
        f"{path}:4: (line): is not UTF-8 (byte offset {len(good) + 6})",
        f"{path}:55: (json): Expecting property name enclosed in double quotes at column 2",
    ]
    for window in (1, 2, 3, 7, 64):
        monkeypatch.setattr(gz, "_LINE_WINDOW", window)
        assert errors(path) == expected


def test_a_file_with_too_many_entries_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gz, "MAX_ENTRIES", 3)
    rows = "".join(f"اسم{i},place\n" for i in range(10))
    path = write(tmp_path / "many.csv", "name,type\n" + rows)
    assert errors(path) == [f"{path}:5: (file): has more than 3 entries"]
    objs = [{**GOOD, "id": f"x-{i}"} for i in range(10)]
    path = write(tmp_path / "many.jsonl", jsonl(*objs))
    assert errors(path) == [f"{path}:4: (file): has more than 3 entries"]


def test_the_shipped_given_names_are_normalized_names_and_no_everyday_word(
    load_script: Callable[[str], ModuleType],
) -> None:
    # as tools/gen_given_names.py writes them: one normalized word a line, none it leaves out
    gen = load_script("tools/gen_given_names.py")
    names = gz.common_given_names()
    assert len(names) > 250
    assert all(normalize(n) == n and " " not in n for n in names)
    assert names.isdisjoint(gen.EVERYDAY)
    assert {"مصعب", "خالد"} <= names
