"""docs/coverage.rst is generated from the gazetteers by tools/coverage.py, and kept current."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from arnorm.gazetteer import Entry, Role, Source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tool(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/coverage.py")


def test_the_coverage_page_is_current(tool: ModuleType) -> None:
    committed = (ROOT / "docs" / "coverage.rst").read_text(encoding="utf-8")
    assert committed == tool.page(), "run python tools/coverage.py and commit docs/coverage.rst"


SOURCE = (Source("t"),)


def _agency(id_: str, country: str = "JO") -> Entry:
    return Entry(id_, "agency", "جهاز", id_, SOURCE, country=country)


def test_a_row_counts_bodies_people_and_who_led_them_since_2010(tool: ModuleType) -> None:
    entries = [
        _agency("jo-a"),
        _agency("jo-b"),
        _agency("jo-army"),
        Entry(
            "p1",
            "person",
            "س",
            "P1",
            SOURCE,
            country="JO",
            roles=(Role("مدير", organization="jo-a", end="2009-12"),),
        ),
        Entry(
            "p2",
            "person",
            "ص",
            "P2",
            SOURCE,
            country="JO",
            roles=(Role("مدير", organization="jo-b", start="2012"),),
        ),
        Entry(
            "p3",
            "person",
            "ع",
            "P3",
            SOURCE,
            country="JO",
            roles=(Role("قائد", organization="jo-army"),),
        ),
    ]
    kinds = {"jo-a": {"intelligence"}, "jo-b": {"police", "gendarmerie"}, "jo-army": {"other"}}
    (jordan,) = [r for r in tool.rows(entries, kinds) if r.code == "JO"]
    assert (jordan.interior, jordan.intelligence, jordan.police, jordan.gendarmerie) == (0, 1, 1, 1)
    assert (jordan.people, jordan.leaders_since_2010) == (3, 1)
    detail = "\n".join(tool.details(entries, kinds))
    assert "P2 (ص): مدير, 2012 to open" in detail
    assert "jo-army" not in detail


def test_an_agency_nobody_classified_stops_the_tool(tool: ModuleType) -> None:
    with pytest.raises(SystemExit, match="jo-new"):
        tool.rows([_agency("jo-new")], {})


def test_months_with_no_minister_count_the_gaps_since_2010(tool: ModuleType) -> None:
    def minister(id_: str, title: str, start: str, end: str | None) -> Entry:
        role = Role("وزير", title_en=title, organization="jo-interior", start=start, end=end)
        return Entry(id_, "person", "س", id_, SOURCE, country="JO", roles=(role,))

    people = [
        minister("a", "Minister of Interior", "2009", "2010-03-15"),  # January to March 2010
        minister("b", "Acting Minister of Interior", "2010-06", "2010-07"),
        minister("c", "Deputy Minister of Interior", "2010-04", None),  # a deputy: no minister
        minister("d", "Deputy Prime Minister and Minister of Interior", "2011-01", "2011-02"),
    ]
    assert tool.months("2010-12") == [f"2010-{m:02d}" for m in range(1, 13)]
    # April, May, and August to December 2010 have no minister
    assert tool.months_without(people, {"jo-interior"}, "2010-12") == 7
    assert tool.months_without(people, {"jo-other"}, "2010-12") == 12
    # a deputy prime minister who is the minister too fills January and February 2011
    assert tool.months_without(people, {"jo-interior"}, "2011-03") == 8


def test_months_with_no_holder_by_post_read_titles_and_the_body_s_country(
    tool: ModuleType,
) -> None:
    def person(id_: str, country: str, *roles: Role) -> Entry:
        return Entry(id_, "person", "س", id_, SOURCE, country=country, roles=roles)

    uae = Entry("ae-cabinet", "agency", "مجلس", "UAE Cabinet", SOURCE, country="AE")
    entries = [
        uae,
        # a vice-president who is also prime minister heads the government
        person("a", "AE", Role("نائب", title_en="Vice President and Prime Minister", start="2006")),
        # a deputy prime minister does not
        person("b", "JO", Role("نائب", title_en="Deputy Prime Minister", start="2009")),
        # a Jordanian's role at the UAE's cabinet is held in the UAE
        person(
            "c",
            "JO",
            Role(
                "وزير",
                title_en="Minister of Defence",
                organization="ae-cabinet",
                start="2009",
                end="2010-06",
            ),
        ),
    ]
    table = tool.months_by_post(entries, "2010-12", tool._post_patterns().is_of)
    assert table["AE"]["head of government"] == 0
    assert table["JO"]["head of government"] == 12
    assert table["AE"]["minister of defence"] == 6  # July to December 2010
    assert table["JO"]["minister of defence"] == 12
    assert set(table) == set(tool.ARAB_LEAGUE) | set(tool.OTHER_STATES)
    page = "\n".join(tool.by_post(table, "2010-12"))
    assert "   * - United Arab Emirates (AE)\n     - 12\n     - 0\n     - 6\n     - 12" in page


def test_months_with_no_holder_of_a_security_post(tool: ModuleType) -> None:
    police = Entry("jo-police", "agency", "الشرطة", "Police Force", SOURCE, country="JO")
    head = Entry(
        "p",
        "person",
        "س",
        "p",
        SOURCE,
        country="JO",
        roles=(
            Role("مدير", title_en="Director General", organization="jo-police", start="2010-04"),
        ),
    )
    posts = tool.SECURITY_POSTS
    table = tool.months_by_post([police, head], "2010-12", tool._post_patterns().is_of, posts)
    assert table["JO"]["head of the national police (or public security)"] == 3  # Jan to Mar
    assert table["JO"]["head of the counter-terrorism service"] == 12
    page = "\n".join(tool.by_security_post(table, "2010-12"))
    assert "   * - Jordan (JO)\n     - 12\n     - 12\n     - 12\n     - 12\n     - 3\n" in page
