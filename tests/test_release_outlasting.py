"""tools/release_gazetteer.py refuses a role that outlasts the body it was held at."""

from __future__ import annotations

import hashlib
import json
import lzma
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from arnorm import gazetteer as gz
from arnorm.gazetteer import Entry, Role, Source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tool(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import release_gazetteer

    return release_gazetteer


@pytest.fixture
def copy(tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data that arnorm and the release tool read and write."""
    copied = tmp_path / "gazetteers"
    shutil.copytree(gz._data_dir(), copied)
    monkeypatch.setattr(gz, "_data_dir", lambda: copied)
    monkeypatch.setattr(gz, "_CACHE", {})
    monkeypatch.setattr(gz, "_ARCHIVES", {})
    monkeypatch.setattr(tool, "ROOT", copied)
    return copied


def person(*roles: Role) -> Entry:
    return Entry(
        id="person-x", type="person", name="س", name_en="X", roles=roles, sources=(Source("s"),)
    )


def test_an_open_role_at_a_dissolved_body_is_refused(tool: ModuleType) -> None:
    bodies = {"xx-old": "2025-01-29", "xx-new": None}
    open_role = Role("مدير", "Director", "xx-old", "2019-07", None)
    (message,) = tool.outlasting_roles([person(open_role)], bodies)
    assert message.startswith("person-x:")
    assert "outlasts xx-old, which ended 2025-01-29" in message
    # ended when the body did, or before, or at a body that goes on: nothing to say
    ended = Role("مدير", "Director", "xx-old", "2019-07", "2024-12")
    at_new = Role("مدير", "Director", "xx-new", "2025-02", None)
    assert tool.outlasting_roles([person(ended, at_new)], bodies) == []


def test_dates_are_compared_at_the_precision_both_give(tool: ModuleType) -> None:
    bodies = {"xx-old": "2019-12"}
    same_month = Role("مدير", "Director", "xx-old", "2015", "2019-12-16")
    later = Role("مدير", "Director", "xx-old", "2015", "2020-01-02")
    assert tool.outlasting_roles([person(same_month)], bodies) == []
    assert len(tool.outlasting_roles([person(later)], bodies)) == 1


def test_a_note_may_say_why_a_role_outlasts_its_body(tool: ModuleType) -> None:
    noted = Role("مدير", "Director", "xx-old", "2019", None, note="kept the post in the successor")
    assert tool.outlasting_roles([person(noted)], {"xx-old": "2020"}) == []


def test_the_release_tool_refuses_the_draft(
    tool: ModuleType, copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # officials 2.6.0 holds two such roles (Assad-era heads of services dissolved on
    # 2025-01-29): a release of it as it is is refused, and nothing is written
    draft = tmp_path / "officials-2.6.0.jsonl"
    draft.write_bytes(gz._release_lines("officials", gz._release("officials", "2.6.0")))
    assert tool.main(["officials", "9.0.0", str(draft), "--date", "2026-12-05"]) == 1
    assert "outlasts sy-psd-assad, which ended 2025-01-29" in capsys.readouterr().err
    assert not (copy / "officials" / "officials-9.0.0.jsonl.xz").exists()


def test_a_release_is_written_compressed_and_reads_back(
    tool: ModuleType, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = gz.available_gazetteers()["places"][-1]
    draft = tmp_path / "draft.jsonl"
    draft.write_bytes(gz._release_lines("places", gz._release("places", latest)))
    assert tool.main(["places", "9.0.0", str(draft), "--date", "2026-12-05"]) == 0
    written = copy / "places" / "places-9.0.0.jsonl.xz"
    assert lzma.decompress(written.read_bytes()) == draft.read_bytes()
    assert not (copy / "places" / "places-9.0.0.jsonl").exists()
    assert gz._release("places", "9.0.0")["file"] == "places/places-9.0.0.jsonl.xz"
    again = gz.load_gazetteer("places", "9.0.0")
    before = gz.load_gazetteer("places", latest)
    assert [e.to_json() for e in again] == [e.to_json() for e in before]
    # the version it replaced as the latest moved into the archive, its lines unchanged
    moved = gz._release("places", latest)
    assert moved["archived"] is True
    assert "file" not in moved
    assert not (copy / "places" / f"places-{latest}.jsonl.xz").exists()
    assert hashlib.sha256(gz._release_lines("places", moved)).hexdigest() == moved["lines_sha256"]
    assert gz._release_lines("places", moved) == draft.read_bytes()
    archiver = sys.modules["archive_releases"]
    monkeypatch.setattr(archiver, "ROOT", copy)
    assert archiver.main(["--check"]) == 0  # nothing left to archive


def test_the_archive_tool_reports_a_version_stored_on_its_own(
    tool: ModuleType,
    copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # an earlier version put back as a file of its own (as before the archive) is reported by
    # --check, then archived again by the tool, its lines unchanged
    archiver = sys.modules["archive_releases"]
    monkeypatch.setattr(archiver, "ROOT", copy)
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    release = next(
        r for r in index["gazetteers"]["agencies"]["versions"] if r["version"] == "2.6.0"
    )
    lines = gz._release_lines("agencies", gz._release("agencies", "2.6.0"))
    packed = lzma.compress(lines)
    (copy / "agencies" / "agencies-2.6.0.jsonl.xz").write_bytes(packed)
    release.pop("archived")
    release["file"] = "agencies/agencies-2.6.0.jsonl.xz"
    release["sha256"] = hashlib.sha256(packed).hexdigest()
    release.pop("lines_sha256", None)
    (copy / "index.json").write_text(json.dumps(index), encoding="utf-8")
    assert archiver.main(["--check"]) == 1
    assert "agencies@2.6.0: stored on its own" in capsys.readouterr().out
    assert archiver.main([]) == 0
    assert archiver.main(["--check"]) == 0
    assert not (copy / "agencies" / "agencies-2.6.0.jsonl.xz").exists()
    archived = gz._release("agencies", "2.6.0")
    assert archived["archived"] is True
    assert gz._release_lines("agencies", archived) == lines
