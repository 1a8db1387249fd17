"""tools/merge_drafts.py --verified and --decisions: fully verified drafts over a release."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


@pytest.fixture(scope="module")
def tool(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/merge_drafts.py")


def _role(
    title: str, start: str | None, end: str | None = None, org: str | None = "xx-a"
) -> dict[str, Any]:
    return {
        "title": title,
        "title_en": title.upper(),
        "organization": org,
        "from": start,
        "to": end,
    }


def _person(pid: str, *roles: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "type": "person",
        "name": "أ",
        "name_en": "A",
        "roles": list(roles),
        "sources": [{"title": "s1", "url": "https://example.org/1"}],
        **extra,
    }


def _draft(tmp_path: Path, name: str, *entries: dict[str, Any]) -> Path:
    path = tmp_path / name
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_verified_entry_replaces_an_unverified_one_whole(
    tool: ModuleType, tmp_path: Path
) -> None:
    # a role the verifier dropped (no page shows it) must not come back from the release
    released = _person("person-a", _role("مدير", "1995", None), _role("وزير", "2004"))
    checked = _person("person-a", _role("وزير", "2004"), checked="2026-02-24")
    merged, conflicts, _ = tool.merge(
        [released], [_draft(tmp_path, "v.jsonl", checked)], verified=True
    )
    assert merged == [checked]
    assert conflicts == []


def test_two_verified_drafts_unite_instead_of_dropping_verified_facts(
    tool: ModuleType, tmp_path: Path
) -> None:
    leaders = _person(
        "person-a",
        _role("وزير", "2015-03-05", "2018-06-14"),
        aliases=["أأ", "ب"],
        sources=[{"title": "s2", "url": "https://example.org/2", "date": "2015-03-05"}],
        checked="2018-06-14",
        notes="leaders",
    )
    chiefs = _person(
        "person-a",
        _role("رئيس القطاع", "2011-07", "2012"),
        _role("وزير", "2015", "2018-06-14"),  # the same role, its start given to the year
        aliases=["أأ"],
        sources=[
            {"title": "s1", "url": "https://example.org/1"},
            {"title": "s2 (another title)", "url": "https://example.org/2"},
        ],
        checked="2018-06-14",
        notes="chiefs",
    )
    one, two = _draft(tmp_path, "one.jsonl", leaders), _draft(tmp_path, "two.jsonl", chiefs)
    base = [_person("person-z")]  # the merge takes the types its base gazetteer holds
    (_, a), conflicts, _ = tool.merge(base, [one, two], verified=True)
    assert a["roles"] == [
        _role("رئيس القطاع", "2011-07", "2012"),
        _role("وزير", "2015-03-05", "2018-06-14"),
    ]
    assert a["aliases"] == ["أأ", "ب"]
    # one source a page: the address decides, not the title
    assert [s["url"] for s in a["sources"]] == ["https://example.org/2", "https://example.org/1"]
    assert a["notes"] == "leaders chiefs"
    assert conflicts == []


def test_a_released_entry_from_a_verified_draft_is_united(tool: ModuleType, tmp_path: Path) -> None:
    released = _person("person-a", _role("مدير", "2010", None), checked="2025-06-14")
    earlier = _draft(tmp_path, "corrections-verified.jsonl", released)
    new = _person("person-a", _role("وزير", "2001", "2004"), checked="2004-05-01")
    merged, _, _ = tool.merge(
        [dict(released)],
        [_draft(tmp_path, "v.jsonl", new)],
        verified=True,
        verified_base={"person-a"},
    )
    (a,) = merged
    assert [r["title"] for r in a["roles"]] == ["وزير", "مدير"]
    # the open role was confirmed on 2025-06-14; an entry of closed roles confirms no open one
    assert a["checked"] == "2025-06-14"
    assert earlier.exists()


def test_checked_of_united_entries(tool: ModuleType) -> None:
    open_early = _person("p", _role("مدير", "2010"), checked="2021-07-21")
    open_late = _person("p", _role("مدير", "2010"), checked="2025-11-08")
    closed = _person("p", _role("وزير", "2001", "2004"), checked="2004-05-01")
    closed_late = _person("p", _role("وزير", "2001", "2004"), checked="2005-01-01")
    assert tool.unite_verified(open_late, open_early, "x")[0]["checked"] == "2021-07-21"
    assert tool.unite_verified(closed, open_late, "x")[0]["checked"] == "2025-11-08"
    assert tool.unite_verified(closed, closed_late, "x")[0]["checked"] == "2005-01-01"


def test_disagreeing_ends_of_one_verified_role_are_a_conflict(tool: ModuleType) -> None:
    old = _person("p", _role("مدير", "2010", None), checked="2021-07-21")
    new = _person("p", _role("مدير", "2010-05", "2020"), checked="2020-01-01")
    united, conflicts = tool.unite_verified(old, new, "two.jsonl:3")
    assert united["roles"] == [_role("مدير", "2010-05", "2020")]
    assert conflicts == ["p (two.jsonl:3): مدير from 2010-05: to open -> 2020"]
    # a different start is a different role, not a conflict
    other = _person("p", _role("مدير", "2016", "2020"))
    assert len(tool.unite_verified(old, other, "x")[0]["roles"]) == 2


@pytest.mark.parametrize(
    ("one", "two", "agree"),
    [
        ("2015", "2015-03-05", True),
        ("2015-03", "2015-03-05", True),
        ("2015-03-05", "2015-03-05", True),
        ("2015", "2016", False),
        ("2015-1", "2015-11", False),  # not a prefix of the date's parts
        (None, None, True),
        (None, "2015", False),
    ],
)
def test_dates_agree_when_one_is_the_other_less_precisely(
    tool: ModuleType, one: str | None, two: str | None, agree: bool
) -> None:
    assert tool._agrees(one, two) is agree
    assert tool._agrees(two, one) is agree


def test_replace_and_verified_are_exclusive(tool: ModuleType) -> None:
    with pytest.raises(ValueError, match="choose one"):
        tool.merge([], [], replace=True, verified=True)


def test_decisions_set_an_entry_field_or_one_roles_note(tool: ModuleType) -> None:
    entries = [_person("p", _role("مدير", "2010"), _role("وزير", "2016", "2020"))]
    done = tool.apply_decisions(
        entries,
        [
            {"id": "p", "set": {"name_en": "B"}, "why": "the page's spelling"},
            {
                "id": "p",
                "role": {"title": "مدير", "from": "2010"},
                "set": {"note": "acting"},
                "why": "two holders",
            },
        ],
    )
    assert done == [("p", "name_en"), ("p", "note")]
    (p,) = entries
    assert p["name_en"] == "B"
    assert p["roles"][0]["note"] == "acting"
    assert "note" not in p["roles"][1]
    # a source's date that is a range of years is no date: null takes it away
    p["sources"][0]["date"] = "2019-2020"
    source = {"url": "https://example.org/1"}
    undated = {"id": "p", "source": source, "set": {"date": None}, "why": "a range"}
    assert tool.apply_decisions(entries, [undated]) == [("p", "date")]
    assert p["sources"] == [{"title": "s1", "url": "https://example.org/1"}]


def test_a_decision_drops_one_role_kept_twice(tool: ModuleType) -> None:
    entries = [_person("p", _role("مدير", "2017-01"), _role("مدير", "2017-01-01"))]
    drop = {"id": "p", "role": {"from": "2017-01"}, "drop": True, "why": "one role, twice"}
    assert tool.apply_decisions(entries, [drop]) == [("p", "roles")]
    assert [r["from"] for r in entries[0]["roles"]] == ["2017-01-01"]
    # a decision outlives nothing: the role is gone, so the same decision is now an error
    with pytest.raises(ValueError, match="0 roles match"):
        tool.apply_decisions(entries, [drop])


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ({"id": "p", "drop": True, "why": "w"}, "one 'role' or one 'source'"),
        ({"id": "p", "set": {"name_en": "B"}}, "says no 'why'"),
        ({"id": "p", "set": {}, "why": "w"}, "at least one field"),
        ({"id": "q", "set": {"name_en": "B"}, "why": "w"}, "no entry has this id"),
        ({"id": "p", "role": {"from": "1999"}, "set": {"note": "n"}, "why": "w"}, "0 roles match"),
        ({"id": "p", "role": {"to": None}, "set": {"note": "n"}, "why": "w"}, "2 roles match"),
        ({"id": "p", "source": {"url": "x"}, "set": {"date": None}, "why": "w"}, "0 sources"),
    ],
)
def test_a_decision_that_no_longer_fits_the_data_is_an_error(
    tool: ModuleType, decision: dict[str, Any], message: str
) -> None:
    entries = [_person("p", _role("مدير", "2010"), _role("وزير", "2016"))]
    with pytest.raises(ValueError, match=message):
        tool.apply_decisions(entries, [decision])


def test_the_command_line_reports_decided_conflicts(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _person("person-x-one", _role("مدير", "2010", "2012"), checked="2012-01-01")
    second = {**first, "name_en": "A. B."}
    one, two = _draft(tmp_path, "one.jsonl", first), _draft(tmp_path, "two.jsonl", second)
    out = tmp_path / "merged.jsonl"
    base = ["officials@2.0.0", str(one), str(two), "--verified", "-o", str(out)]
    assert tool.main(base) == 1  # an undecided conflict
    decisions = tmp_path / "decisions.json"
    decided = [{"id": "person-x-one", "set": {"name_en": "A"}, "why": "the first page"}]
    decisions.write_text(json.dumps(decided), encoding="utf-8")
    capsys.readouterr()
    assert tool.main([*base, "--decisions", str(decisions)]) == 0
    assert "conflict (decided in" in capsys.readouterr().err
    merged = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["name_en"] for e in merged if e["id"] == "person-x-one"] == ["A"]
    decisions.write_text(json.dumps([{**decided[0], "id": "person-gone"}]), encoding="utf-8")
    assert tool.main([*base, "--decisions", str(decisions)]) == 2


def test_two_ids_of_one_person_are_reported(tool: ModuleType) -> None:
    # two writers gave one Sudanese minister two ids: the one-holder check found it
    one = _person("person-b-samra", _role("وزير", "2025-06-24"), country="SD")
    two = {**_person("person-b-samra-mustafa", country="SD"), "aliases": ["ب"]}
    assert tool.possible_duplicates([one, two]) == [("person-b-samra", "person-b-samra-mustafa")]
    english = {**_person("person-c", country="SD"), "name": "ج", "name_en": " a "}
    assert ("person-b-samra", "person-c") in tool.possible_duplicates([one, english])
    # a shared alias is no duplicate: two ministers may both be "اللواء محمد إبراهيم"
    other = {**_person("person-d", country="SD"), "name": "د", "name_en": "D", "aliases": ["أ"]}
    assert tool.possible_duplicates([{**one, "aliases": ["أ"], "name": "ه"}, other]) == []
    assert tool.possible_duplicates([one, {**two, "country": "EG"}]) == []


def test_same_as_reads_a_draft_entry_under_the_released_id(
    tool: ModuleType, tmp_path: Path
) -> None:
    released = _person("person-b-samra", _role("وزير", "2025-06-24"), checked="2025-06")
    draft = _person("person-b-samra-mustafa", _role("وزير", "2025-06-24"), checked="2026-01-03")
    merged, _, _ = tool.merge(
        [released],
        [_draft(tmp_path, "v.jsonl", draft)],
        verified=True,
        same_as={"person-b-samra-mustafa": "person-b-samra"},
    )
    assert merged == [{**draft, "id": "person-b-samra"}]  # ids are never renamed


def test_decisions_are_split_by_kind(tool: ModuleType) -> None:
    same, distinct, sets = tool.split_decisions(
        [
            {"id": "b", "same_as": "a", "why": "one person"},
            {"id": "d", "distinct_from": "c", "why": "two people"},
            {"id": "e", "set": {"checked": "2025"}, "why": "w"},
        ]
    )
    assert (same, distinct, [d["id"] for d in sets]) == ({"b": "a"}, {("c", "d")}, ["e"])
    with pytest.raises(ValueError, match="one of 'same_as', 'distinct_from', 'set' or 'drop'"):
        tool.split_decisions([{"id": "b", "same_as": "a", "set": {}, "why": "w"}])
    with pytest.raises(ValueError, match="says no 'why'"):
        tool.split_decisions([{"id": "b", "same_as": "a"}])


def test_the_command_line_needs_a_decision_for_a_possible_duplicate(
    tool: ModuleType, tmp_path: Path
) -> None:
    one = _person("person-x-one", _role("مدير", "2010", "2012"), checked="2012-01-01")
    two = _person("person-x-two", _role("وزير", "2013", "2014"), checked="2014-01-01")
    drafts = [str(_draft(tmp_path, "one.jsonl", one)), str(_draft(tmp_path, "two.jsonl", two))]
    out = str(tmp_path / "merged.jsonl")
    args = ["officials@2.0.0", *drafts, "--verified", "-o", out]
    assert tool.main(args) == 1
    decisions = tmp_path / "decisions.json"
    for decision, status, ids in [
        ({"id": "person-x-two", "distinct_from": "person-x-one"}, 0, {"one", "two"}),
        ({"id": "person-x-two", "same_as": "person-x-one"}, 0, {"one"}),
        ({"id": "person-x-three", "same_as": "person-x-one"}, 2, {"one"}),
    ]:
        decisions.write_text(json.dumps([{**decision, "why": "reviewed"}]), encoding="utf-8")
        assert tool.main([*args, "--decisions", str(decisions)]) == status
        merged = [json.loads(line) for line in Path(out).read_text(encoding="utf-8").splitlines()]
        assert {e["id"].removeprefix("person-x-") for e in merged if "-x-" in e["id"]} == ids
