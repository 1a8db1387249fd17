"""Schema 2: checked, dated roles, role notes, dated sources, and the rules of 2.0.0 releases."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from arnorm import Matcher
from arnorm import gazetteer as gz

SOURCE = {"title": "A report", "url": "https://example.org/report", "date": "2024-05-02"}


def person(pid: str, *roles: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "type": "person",
        "name": "زيد الفلاني",
        "name_en": pid,
        "roles": list(roles),
        "checked": "2026-12-04",
        "sources": [SOURCE],
        **extra,
    }


def role(start: str | None, end: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "title": "مدير المخابرات العامة",
        "title_en": "Director of General Intelligence",
        "organization": "xx-gis",
        "from": start,
        "to": end,
        **extra,
    }


AGENCY = {
    "id": "xx-gis",
    "type": "agency",
    "name": "المخابرات العامة",
    "name_en": "General Intelligence",
    "sources": [SOURCE],
}


def problems(tmp_path: Path, *entries: dict[str, Any], schema: int = 2) -> list[str]:
    path = tmp_path / "g.jsonl"
    lines = [json.dumps(e, ensure_ascii=False) for e in (AGENCY, *entries)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gz.validate_file(path, schema=schema)


# -- the model ---------------------------------------------------------------


def test_new_fields_round_trip_through_json_pickle_and_a_saved_matcher(tmp_path: Path) -> None:
    entry = person("person-x", role("2019-03", None, note="acting until confirmed"))
    path = tmp_path / "g.jsonl"
    lines = [json.dumps(e, ensure_ascii=False) for e in (AGENCY, entry)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gaz = gz.Gazetteer.from_path(path, version="2.0.0")
    loaded = gaz.get("person-x")
    assert loaded is not None
    assert loaded.checked == "2026-12-04"
    assert loaded.roles[0].note == "acting until confirmed"
    assert loaded.sources[0].date == "2024-05-02"
    assert loaded.to_json() == entry
    assert list(loaded.to_json()) == [
        "id", "type", "name", "name_en", "roles", "checked", "sources"
    ]  # fmt: skip
    again = pickle.loads(pickle.dumps(gaz))  # noqa: S301 - our own bytes, in-process
    assert again.get("person-x") == loaded
    Matcher([gaz]).save(tmp_path / "m.matcher")
    restored = Matcher.load(tmp_path / "m.matcher")
    assert restored.gazetteers[0].get("person-x") == loaded


def test_released_1x_files_load_unchanged_with_no_checked() -> None:
    for name, versions in gz.available_gazetteers().items():
        for version in versions:
            if gz.schema_of(version) != 1:
                continue
            gaz = gz.load_gazetteer(name, version)
            assert all(e.checked is None for e in gaz), (name, version)
            assert all(r.note is None for e in gaz for r in e.roles)
            assert all(s.date is None for e in gaz for s in e.sources)


def test_schema_of_a_version() -> None:
    assert [gz.schema_of(v) for v in ("0.0.0", "1.9.9", "2.0.0", "3.1.0")] == [1, 1, 2, 2]
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        gz.schema_of("2.0")


def test_a_user_file_is_checked_by_its_version(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    undated = {k: v for k, v in person("person-x", role(None)).items() if k != "checked"}
    lines = [json.dumps(e, ensure_ascii=False) for e in (AGENCY, undated)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(gz.Gazetteer.from_path(path)) == 2  # 0.0.0: schema 1
    with pytest.raises(gz.ValidationError):
        gz.Gazetteer.from_path(path, version="2.0.0")
    assert len(gz.Gazetteer.from_path(path, version="2.0.0", schema=1)) == 2


# -- checked and dated roles ---------------------------------------------------


def test_schema_2_requires_checked_on_a_person_only(tmp_path: Path) -> None:
    unchecked = {k: v for k, v in person("person-x", role("2010")).items() if k != "checked"}
    (error,) = problems(tmp_path, unchecked)
    assert error.startswith(f"{tmp_path / 'g.jsonl'}:2: checked: is required on a person")
    assert problems(tmp_path, unchecked, schema=1) == []
    assert problems(tmp_path, person("person-x", role("2010"))) == []
    assert problems(tmp_path, {**AGENCY, "id": "xx-other", "valid_to": "2020"}) == []


def test_checked_and_a_source_date_must_be_dates(tmp_path: Path) -> None:
    bad = person("person-x", role("2010"), checked="2026-13-01")
    (error,) = problems(tmp_path, bad, schema=1)
    assert ":2: checked: must be YYYY, YYYY-MM or YYYY-MM-DD" in error
    bad = person("person-x", role("2010"), sources=[{**SOURCE, "date": "yesterday"}])
    (error,) = problems(tmp_path, bad)
    assert ":2: sources[0].date: must be YYYY" in error


def test_schema_2_requires_dated_roles(tmp_path: Path) -> None:
    (error,) = problems(tmp_path, person("person-x", role(None, "2015")))
    assert error.endswith(":2: roles[0].from: is required in schema 2: every role is dated")
    assert problems(tmp_path, person("person-x", role(None, "2015")), schema=1) == []
    assert problems(tmp_path, person("person-x", role("2012", "2015"))) == []


@pytest.mark.parametrize("schema", [1, 2])
def test_a_role_ending_before_it_starts_is_refused(tmp_path: Path, schema: int) -> None:
    (error,) = problems(tmp_path, person("person-x", role("2013-05", "2013-04")), schema=schema)
    assert error.endswith(":2: roles[0].to: 2013-04 is before 2013-05")
    # partial dates are compared by their periods: to 2013-04 may follow from 2013
    assert problems(tmp_path, person("person-x", role("2013", "2013-04")), schema=schema) == []
    assert problems(tmp_path, person("person-x", role("2013-04", "2013")), schema=schema) == []


def test_a_role_note_must_be_text(tmp_path: Path) -> None:
    (error,) = problems(tmp_path, person("person-x", role("2013", note=" ")))
    assert ":2: roles[0].note: must be a non-empty string" in error


# -- one holder at a time ------------------------------------------------------


def test_two_holders_of_a_single_holder_post_are_refused(tmp_path: Path) -> None:
    first = person("person-a", role("2010", "2016-05"))
    second = person("person-b", role("2015-05-15", None))
    (error,) = problems(tmp_path, first, second)
    assert error.startswith(f"{tmp_path / 'g.jsonl'}:3: roles[0]: Director of General")
    assert "overlaps person-a (line 2: 2010 to 2016-05)" in error
    assert problems(tmp_path, first, second, schema=1) == []


def test_a_note_on_either_role_explains_two_holders(tmp_path: Path) -> None:
    first = person("person-a", role("2010", "2016-05"))
    noted = person("person-b", role("2015-05-15", None, note="rival appointment (disputed)"))
    assert problems(tmp_path, first, noted) == []
    noted_first = person("person-a", role("2010", "2016-05", note="stayed on as caretaker"))
    assert problems(tmp_path, noted_first, person("person-b", role("2015-05-15"))) == []


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (("2010", "2015-05-15"), ("2015-05-15", None)),  # a handover day is shared
        (("2005", "2015"), ("2015", None)),  # a handover some time in 2015
        (("2005", "2015-03"), ("2015-03-20", None)),  # some time in March
        (("2005", "2009"), ("2012", "2014")),  # apart
    ],
)
def test_a_handover_is_not_an_overlap(
    tmp_path: Path, one: tuple[str, str], two: tuple[str, str | None]
) -> None:
    assert problems(tmp_path, person("person-a", role(*one)), person("person-b", role(*two))) == []


def test_an_acting_head_holds_the_heads_post(tmp_path: Path) -> None:
    acting = role(
        "2014", "2016", title="مدير المخابرات العامة بالإنابة", title_en="Acting Director"
    )
    (error,) = problems(
        tmp_path, person("person-a", role("2010", None)), person("person-b", acting)
    )
    assert "overlaps person-a" in error
    acting["note"] = "acting during the director's illness"
    assert (
        problems(tmp_path, person("person-a", role("2010", None)), person("person-b", acting)) == []
    )


@pytest.mark.parametrize(
    "other",
    [
        {"title": "نائب مدير المخابرات العامة", "title_en": "Deputy Director"},
        {"title": "عضو مجلس الإدارة", "title_en": "Board member"},
        {"title": "مستشار", "title_en": None},
        {"organization": "xx-other"},
        {"organization": None},
    ],
)
def test_posts_held_by_several_or_elsewhere_are_not_compared(
    tmp_path: Path, other: dict[str, Any]
) -> None:
    extra = {**AGENCY, "id": "xx-other"}
    two = person("person-b", {**role("2012", None), **other})
    assert problems(tmp_path, extra, person("person-a", role("2010", None)), two) == []


def test_one_person_holding_a_post_twice_is_not_two_holders(tmp_path: Path) -> None:
    twice = person("person-a", role("2010", "2014"), role("2013", None))
    assert problems(tmp_path, twice) == []


def test_the_same_post_by_its_english_title(tmp_path: Path) -> None:
    other = {**role("2012", None), "title": "رئيس جهاز المخابرات العامة"}
    (error,) = problems(tmp_path, person("person-a", role("2010", None)), person("person-b", other))
    assert "overlaps person-a" in error


# -- the development corpus is never a source --------------------------------


@pytest.mark.parametrize(
    "source",
    [
        {"title": "t", "url": "https://sauress.com/alhayat/485243"},
        {"title": "t", "url": "http://www.sauress.com/alhayat/485243/"},
        {"title": "t", "url": "https://elaph.com/Politics/2005/2/42379.htm#top"},
        {
            "title": "t",
            "url": "https://www.skynewsarabia.com/middle-east/39108-%D8%A7%D9%84%D9%84%D9%88%D8%A7"
            "%D8%A1-%D9%85%D9%85%D9%84%D9%88%D9%83-%D8%A7%D9%84%D8%A7%D9%94%D9%85%D9%86-%D9%88%D8"
            "%A7%D9%84%D8%A7%D9%95%D8%B1%D9%87%D8%A7%D8%A8",
        },
        {"title": "article news-001 of the arnorm development corpus"},
        {"title": "t", "url": "https://example.org/work/shared/corpus/news-000.txt"},
        {"title": "../shared/corpus/news-003.txt"},
        {"title": "as printed at alarabipost.com/?p=29312"},
    ],
)
def test_a_development_corpus_source_is_refused(tmp_path: Path, source: dict[str, Any]) -> None:
    entry = {**AGENCY, "id": "xx-other", "sources": [SOURCE, source]}
    errors = problems(tmp_path, entry)
    (error,) = errors
    assert ":2: sources[1]." in error
    assert "cites the development corpus" in error
    assert [e for e in problems(tmp_path, entry, schema=1) if "corpus" in e] == []


@pytest.mark.parametrize(
    "url",
    [
        "https://sauress.com/alhayat/4852431",  # another article of the same site
        "https://sauress.com/alhayat",
        "https://www.turess.com/assabah/1154254",
    ],
)
def test_other_pages_of_the_same_sites_are_sources(tmp_path: Path, url: str) -> None:
    entry = {**AGENCY, "id": "xx-other", "sources": [{"title": "t", "url": url}]}
    assert problems(tmp_path, entry) == []


def test_the_corpus_addresses_are_those_of_its_readme() -> None:
    readme = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "README.md"
    if not readme.is_file():
        pytest.skip("the development corpus is not beside this checkout")
    import re

    listed = re.findall(
        r"^\| news-\d+\.txt \|.*?\| (https?://\S+) \|", readme.read_text("utf-8"), re.M
    )
    assert listed
    assert {gz._address_key(u) for u in listed} == set(gz._DEV_CORPUS_KEYS)


# -- the shipped releases --------------------------------------------------------


def _schema2_problems(name: str, version: str) -> list[str]:
    release = gz._release(name, version)
    data = gz._release_lines(name, release)
    try:
        gz.parse_jsonl(data, f"{name}@{version}", external_ids=None, schema=2)
    except gz.ValidationError as exc:
        return exc.errors
    return []


def test_released_1x_files_that_break_the_new_rules_stay_released() -> None:
    """Schema 2's rules apply to new releases; these 1.x files break them and stay as they are."""
    failing = {
        (name, version)
        for name, versions in gz.available_gazetteers().items()
        for version in versions
        if gz.schema_of(version) == 1 and _schema2_problems(name, version)
    }
    assert failing == {("officials", "1.0.0"), ("agencies", "1.0.0"), ("places", "1.1.0")}
    for name, version in failing:
        assert len(gz.load_gazetteer(name, version)) > 0  # still loads, by the rules of 1.x


def test_every_2x_release_keeps_the_rules_of_schema_2() -> None:
    for name, versions in gz.available_gazetteers().items():
        for version in versions:
            if gz.schema_of(version) >= 2:
                assert _schema2_problems(name, version) == [], (name, version)
                gaz = gz.load_gazetteer(name, version)
                people = [e for e in gaz if e.type == "person"]
                assert all(e.checked for e in people)
                assert all(r.start for e in people for r in e.roles)


def test_diff_reports_a_changed_checked_date() -> None:
    old = gz.Gazetteer("g", "2.0.0", [gz.Entry("p", "person", "ف", "P", (gz.Source("t"),))])
    entry = next(iter(old))
    new = gz.Gazetteer("g", "2.0.1", [dataclasses.replace(entry, checked="2026-12-04")])
    assert old.diff(new).changed[0].fields == ("checked",)


def test_the_one_holder_check_costs_little_on_big_files(tmp_path: Path) -> None:
    import time

    # 8,000 successive heads of one post (handovers within a year), and 20,000
    # different open posts at one body
    successive = [person(f"p-{n}", role(f"{1000 + n}", f"{1001 + n}")) for n in range(8_000)]
    posts = [
        person(
            f"q-{n}", role("2010", None, title=f"مدير الإدارة {n}", title_en=f"Head of unit {n}")
        )
        for n in range(20_000)
    ]
    started = time.perf_counter()
    assert problems(tmp_path, *successive, *posts) == []
    # 3,000 people all heading one post at once: stopped at the limit of problems
    crowd = [person(f"r-{n}", role("2010", None)) for n in range(3_000)]
    errors = problems(tmp_path, *crowd)
    assert len(errors) == gz.MAX_ERRORS + 1
    assert time.perf_counter() - started < 30
