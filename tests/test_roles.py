"""Entry.roles_at and Role.held_on: the roles held on a date, partial dates included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from arnorm import gazetteer as gz
from arnorm.gazetteer import Entry, Role, Source

MINISTER = Role("وزير الداخلية", "Minister of Interior", start="2013", end="2015-06")
ENVOY = Role("سفير", "Ambassador", start="2015-06-30", end=None)
ADVISER = Role("مستشار", "Adviser", start=None, end="2012")
PERSON = Entry(
    "person-x",
    "person",
    "فلان",
    "Someone",
    (Source("t"),),
    roles=(MINISTER, ENVOY, ADVISER),
)


def titles(date: gz.DateLike) -> list[str | None]:
    return [r.title_en for r in PERSON.roles_at(date)]


def test_a_day_inside_a_role() -> None:
    assert titles("2014-02-01") == ["Minister of Interior"]
    assert titles(dt.date(2014, 2, 1)) == ["Minister of Interior"]


def test_a_partial_from_covers_its_whole_period() -> None:
    assert titles("2013-01-01") == ["Minister of Interior"]
    assert titles("2012-12-31") == []


def test_a_partial_to_covers_its_whole_period() -> None:
    assert titles("2015-06-29") == ["Minister of Interior"]
    assert titles("2015-07-01") == ["Ambassador"]


def test_from_and_to_are_inclusive() -> None:
    assert titles("2015-06-30") == ["Minister of Interior", "Ambassador"]


def test_an_open_to_is_held_on_every_later_date() -> None:
    assert titles("2099-01-01") == ["Ambassador"]
    assert titles(dt.date.max) == ["Ambassador"]


def test_a_role_without_from_is_never_placed_on_a_date() -> None:
    assert titles("2011") == []
    assert ADVISER in PERSON.roles
    assert not ADVISER.held_on("2012-06-01")


def test_a_partial_date_asks_about_a_period() -> None:
    assert titles("2015") == ["Minister of Interior", "Ambassador"]
    assert titles("2015-05") == ["Minister of Interior"]
    assert titles("2016") == ["Ambassador"]
    assert titles("2012") == []


def test_a_datetime_counts_as_its_day() -> None:
    assert titles(dt.datetime(2015, 6, 30, 23, 59)) == ["Minister of Interior", "Ambassador"]


def test_leap_days() -> None:
    role = Role("t", start="2016-02", end="2016-02")
    assert role.held_on("2016-02-29")
    assert not role.held_on("2016-03-01")
    with pytest.raises(ValueError, match="not '2015-02-29'"):
        role.held_on("2015-02-29")


@pytest.mark.parametrize(
    "date",
    ["2013-13", "2013-02-30", "13", "2013/01/01", "2013-1-1", " 2013", "2013\n", "", "0000"],
)
def test_a_malformed_date_is_a_value_error(date: str) -> None:
    with pytest.raises(ValueError, match="a date is YYYY, YYYY-MM or YYYY-MM-DD in the calendar"):
        PERSON.roles_at(date)
    with pytest.raises(ValueError, match="a date is YYYY, YYYY-MM or YYYY-MM-DD in the calendar"):
        Entry("x", "place", "x", "x", (Source("t"),)).roles_at(date)  # checked without roles


def test_a_date_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        PERSON.roles_at(2013)  # type: ignore[arg-type]


def test_every_shipped_role_can_be_placed() -> None:
    officials = gz.load_gazetteer("officials")
    held = [r for e in officials for r in e.roles_at("2020-01-01")]
    assert held
    for entry in officials:
        for role in entry.roles:
            if role.start is not None:
                assert role.held_on(role.start)
                assert role.held_on(role.end or "9999-12-31")


def write(tmp_path: Path, role: dict[str, str]) -> list[str]:
    entry = {
        "id": "person-x",
        "type": "person",
        "name": "فلان",
        "name_en": "X",
        "roles": [{"title": "وزير", **role}],
        "sources": [{"title": "t"}],
    }
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    return gz.validate_file(path)


def test_validation_compares_periods_not_strings(tmp_path: Path) -> None:
    # "2013" < "2013-05" as strings, but a role can end in 2013 after starting in May 2013
    assert write(tmp_path, {"from": "2013-05", "to": "2013"}) == []
    (error,) = write(tmp_path, {"from": "2013-05", "to": "2013-04"})
    assert error.endswith("roles[0].to: 2013-04 is before 2013-05")


def _body(valid_from: str | None, valid_to: str | None) -> Entry:
    return Entry(
        id="b",
        type="agency",
        name="جهاز",
        name_en="Body",
        sources=(Source("s"),),
        valid_from=valid_from,
        valid_to=valid_to,
    )


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "date", "valid"),
    [
        (None, None, "1900", True),  # no dates: every date
        ("2012-03", None, "2012-03-01", True),  # a partial from covers its month
        ("2012-03", None, "2012-02-29", False),
        (None, "2025-01-29", "2025-01-29", True),  # inclusive
        (None, "2025-01-29", "2025-01-30", False),
        (None, "2025", "2025-12-31", True),  # a partial to covers its year
        ("2012", "2012", "2012-06", True),
        ("2013", None, "2012", False),  # a period asks whether they overlap
        ("2013", None, dt.date(2013, 1, 1), True),
    ],
)
def test_valid_on_places_a_body_in_time(
    valid_from: str | None, valid_to: str | None, date: str | dt.date, valid: bool
) -> None:
    assert _body(valid_from, valid_to).valid_on(date) is valid


@pytest.mark.parametrize("date", ["2013-13", "yesterday", "2013-02-30"])
def test_valid_on_refuses_a_date_that_is_not_one(date: str) -> None:
    with pytest.raises(ValueError, match="YYYY"):
        _body("2012", None).valid_on(date)
