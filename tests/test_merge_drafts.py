"""tools/merge_drafts.py: research drafts merged over a released gazetteer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.fixture(scope="module")
def tool(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/merge_drafts.py")


def _role(
    title: str, start: str | None, end: str | None = None, org: str = "xx-a"
) -> dict[str, Any]:
    return {"title": title, "organization": org, "from": start, "to": end}


BASE = [
    {
        "id": "person-a",
        "type": "person",
        "name": "أ",
        "name_en": "A",
        "aliases": ["أأ"],
        "roles": [_role("مدير", "2010", None)],
        "sources": [{"title": "s1"}],
        "notes": "old",
    }
]


def test_drafts_unite_roles_aliases_and_sources_and_report_conflicts(
    tool: ModuleType, tmp_path: Path
) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text(
        json.dumps(
            {
                "id": "person-a",
                "type": "person",
                "name": "أ",
                "name_en": "A. B.",
                "aliases": ["أأ", "ب"],
                "roles": [_role("مدير", "2010", "2014"), _role("وزير", "2015")],
                "sources": [{"title": "s1"}, {"title": "s2"}],
                "notes": "new",
                "checked": "2026-12-01",
                "fix": "closed the role",
            },
            ensure_ascii=False,
        )
        + "\n"
        + json.dumps({"id": "xx-b", "type": "agency", "name": "ج", "name_en": "B", "sources": []})
        + "\n",
        encoding="utf-8",
    )
    two = tmp_path / "two.jsonl"
    two.write_text(
        json.dumps(
            {
                "id": "person-a",
                "type": "person",
                "name": "أ",
                "name_en": "A. B.",
                "sources": [{"title": "s3"}],
                "checked": "2025-01-01",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    merged, conflicts, elsewhere = tool.merge([dict(e) for e in BASE], [one, two])
    (a,) = merged
    assert a["aliases"] == ["أأ", "ب"]
    assert a["roles"] == [_role("مدير", "2010", "2014"), _role("وزير", "2015")]
    assert [s["title"] for s in a["sources"]] == ["s1", "s2", "s3"]
    assert a["notes"] == "old new"
    assert a["checked"] == "2025-01-01"  # every open role claimed as of the earlier date
    assert "fix" not in a
    assert conflicts == ["person-a: name_en 'A' -> 'A. B.' (one.jsonl:1)"]
    assert elsewhere == 1


def test_a_verified_draft_replaces_entries_whole(tool: ModuleType, tmp_path: Path) -> None:
    draft = tmp_path / "verified.jsonl"
    entry = {
        "id": "person-a",
        "type": "person",
        "name": "أ",
        "name_en": "A",
        "roles": [_role("مدير", "2010", "2014")],
        "sources": [{"title": "s9", "date": "2014-02-01"}],
        "checked": "2014-02-01",
        "fix": "closed the role; the alias was not seen",
    }
    draft.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    merged, conflicts, _ = tool.merge([dict(e) for e in BASE], [draft], replace=True)
    assert merged == [{k: v for k, v in entry.items() if k != "fix"}]  # no old alias or source
    assert conflicts == []


def test_schema_2_drops_corpus_sources_dates_roles_and_sets_checked(tool: ModuleType) -> None:
    corpus = {"title": "article news-000 of the arnorm development corpus"}
    entries = [
        {**BASE[0], "sources": [corpus, {"title": "s1"}]},
        {**BASE[0], "id": "person-b", "sources": [corpus], "checked": "2020-01-01"},
        {
            **BASE[0],
            "id": "person-c",
            "roles": [_role("مدير", None, "2014"), _role("وزير", "2015")],
            "checked": "2024-03-01",
        },
        {"id": "xx-x", "type": "agency", "name": "ج", "name_en": "X", "sources": [{"title": "s"}]},
        {
            **BASE[0],
            "id": "person-d",
            "roles": [_role("وزير", "2025-09-14"), _role("م", "2026", "2026")],
        },
    ]
    out, report = tool.to_schema2(entries, "2025-06")
    assert [e["id"] for e in out] == ["person-a", "person-c", "xx-x", "person-d"]
    a, c, agency, d = out
    assert d["checked"] == "2025-09-14"  # its open role was confirmed when it began
    assert a["sources"] == [{"title": "s1"}]
    assert a["checked"] == "2025-06"
    assert c["checked"] == "2024-03-01"  # a verified date is kept
    assert c["roles"] == [_role("وزير", "2015")]
    assert c["notes"] == (
        "old Also held, undated: مدير (مدير, xx-a; start date not in the sources; to 2014)."
    )
    assert "checked" not in agency
    assert report == [
        "person-a: removed 1 development-corpus source(s)",
        "person-a: checked set to 2025-06",
        "dropped person-b: its only sources were the development corpus",
        "person-c: 1 undated role(s) moved to notes",
        "person-d: checked set to 2025-09-14",
    ]
