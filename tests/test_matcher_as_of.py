"""Matcher(as_of=...) and ``arnorm match --as-of``: a person match carries the roles held then."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from arnorm import Gazetteer, Matcher
from arnorm.gazetteer import Entry, Role, Source

MINISTER = Entry(
    id="p",
    type="person",
    name="سعيد العلوي",
    name_en="Said Alaoui",
    sources=(Source("s"),),
    roles=(
        Role("وزير الداخلية", "Minister of the Interior", None, "2012-01-03", "2016-04"),
        Role("رئيس الحكومة", "Head of Government", None, "2016-04", None),
    ),
    checked="2026-01",
)
RABAT = Entry(id="r", type="place", name="الرباط", name_en="Rabat", sources=(Source("s"),))
OWN = Gazetteer("own", "2.0.0", [MINISTER, RABAT])
TEXT = "استقبل سعيد العلوي الوفد بالرباط"


@pytest.mark.parametrize(
    ("as_of", "titles"),
    [
        ("2011", []),
        ("2013-05-01", ["Minister of the Interior"]),
        ("2016-04", ["Minister of the Interior", "Head of Government"]),  # both in that month
        (datetime.date(2020, 1, 1), ["Head of Government"]),
    ],
)
def test_a_person_match_carries_the_roles_held_on_the_date(
    as_of: str | datetime.date, titles: list[str]
) -> None:
    person, place = Matcher([OWN], as_of=as_of).find(TEXT)
    assert [r.title_en for r in person.roles or ()] == titles
    assert place.roles == ()  # asked, and a place holds none


def test_without_a_date_no_roles_are_given() -> None:
    person, _ = Matcher([OWN]).find(TEXT)
    assert person.roles is None
    assert person.to_dict()["roles"] is None


@pytest.mark.parametrize("bad", ["2019-13", "20190101", "yesterday"])
def test_a_date_that_is_not_one_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY"):
        Matcher([OWN], as_of=bad)


def test_the_date_travels_with_the_matcher(tmp_path: Path) -> None:
    matcher = Matcher([OWN], as_of="2013")
    path = tmp_path / "m.matcher"
    matcher.save(path)
    for copy in (Matcher.load(path), pickle.loads(pickle.dumps(matcher))):  # noqa: S301 - our own
        assert copy.as_of == "2013"
        assert copy.find(TEXT) == matcher.find(TEXT)


def test_match_as_of_writes_the_roles(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("استقبل محمد بن سلمان الوفد\n", encoding="utf-8")
    run = [sys.executable, "-m", "arnorm", "match", "--quiet", str(path)]
    dated = subprocess.run([*run, "--as-of", "2016-01-01"], capture_output=True, text=True)
    assert dated.returncode == 0, dated.stderr
    (record,) = [json.loads(line) for line in dated.stdout.splitlines()]
    assert [(r["title_en"], r["from"]) for r in record["roles"]] == [
        ("Minister of Defence", "2015-01-23"),
        ("Deputy Crown Prince", "2015-04-29"),
    ]
    plain = subprocess.run(run, capture_output=True, text=True, check=True)
    assert "roles" not in json.loads(plain.stdout)
    bad = subprocess.run([*run, "--as-of", "2019-13"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "--as-of" in bad.stderr


def _ministry(entry_id: str, valid_from: str | None, valid_to: str | None) -> Entry:
    return Entry(
        id=entry_id,
        type="agency",
        name="وزارة الداخلية الليبية",
        name_en="Ministry of the Interior",
        country="LY",
        valid_from=valid_from,
        valid_to=valid_to,
        sources=(Source("s"),),
    )


# two bodies of one name: one whose dates are known, one with no dates at all (listed first)
UNDATED = _ministry("undated", None, None)
DATED = _ministry("dated", "2011-11", "2014")
TWO_ERAS = Gazetteer("own", "2.0.0", [UNDATED, DATED])
ATTACK = "هاجم مسلحون مقر وزارة الداخلية الليبية في طرابلس"


@pytest.mark.parametrize(
    ("as_of", "entry"),
    [
        # on a date its dates cover, the dated body: the undated one is valid only for want of dates
        ("2013-07-15", "dated"),
        ("2013", "dated"),
        # on a date they do not cover, the undated body, as without as_of (gazetteer order)
        ("2022-05-01", "undated"),
        (None, "undated"),
    ],
)
def test_a_body_dated_to_the_era_comes_before_one_of_no_dates(
    as_of: str | None, entry: str
) -> None:
    (match,) = Matcher([TWO_ERAS], as_of=as_of).find(ATTACK)
    assert match.id == entry
    assert [c.id for c in match.candidates] == [{"dated": "undated", "undated": "dated"}[entry]]


#: A body founded in 2017 and one dissolved in 2013, alone on their names.
BODIES = Gazetteer(
    "bodies",
    "1.0.0",
    [
        Entry(
            "new",
            "agency",
            "مكتب مكافحة الإرهاب",
            "Office",
            (Source("s"),),
            valid_from="2017-06-15",
        ),
        Entry(
            "old", "agency", "قوات الأمن المركزي", "Forces", (Source("s"),), valid_to="2013-02-21"
        ),
    ],
)
BOTH = "وقال مكتب مكافحة الإرهاب إن قوات الأمن المركزي انتشرت"


@pytest.mark.parametrize(
    ("as_of", "found"),
    [
        # before the office was founded its name was no name of its: not reported
        ("2016-03-01", ["old"]),
        ("2017-05", ["old"]),
        # a period that reaches its founding day, or a later date, or no date: reported; a
        # dissolved body's name after its end is the old body's still (a text looking back)
        ("2017", ["new", "old"]),
        ("2017-06-15", ["new", "old"]),
        ("2021-01-01", ["new", "old"]),
        (None, ["new", "old"]),
    ],
)
def test_a_body_not_founded_yet_on_the_date_is_not_reported(
    as_of: str | None, found: list[str]
) -> None:
    assert [m.id for m in Matcher([BODIES], as_of=as_of).find(BOTH)] == found
