"""The shadda as evidence (issue 11): عمّان is Amman, not Oman, when the gazetteer writes
Amman's alias with its shadda; the other marks, and a shadda elsewhere, tell nothing."""

from __future__ import annotations

import pytest

from arnorm import Gazetteer, Matcher
from arnorm.gazetteer import Entry, Source
from arnorm.matcher._marks import shadda_letters

SRC = (Source("test fixture"),)
PLACES = Gazetteer(
    "fixture",
    "0.1.0",
    [
        Entry(
            id="jordan", type="place", name="الأردن", name_en="Jordan", country="JO", sources=SRC
        ),
        Entry(
            id="amman",
            type="place",
            name="عمان",
            name_en="Amman",
            aliases=("عمّان",),
            country="JO",
            part_of="jordan",
            sources=SRC,
        ),
        Entry(id="oman", type="place", name="عمان", name_en="Oman", country="OM", sources=SRC),
    ],
)


@pytest.fixture(scope="module")
def m() -> Matcher:
    return Matcher([PLACES])


@pytest.mark.parametrize(
    "text",
    ["وصل الوفد إلى عمّان أمس", "اجتماع بعمّان", "اجتماع بِعَمَّانَ", "اجتماع في عمَّان"],
)
def test_a_shadda_where_an_alias_has_it_picks_that_entry(m: Matcher, text: str) -> None:
    (match,) = m.find(text)
    assert match.id == "amman"
    assert [(e.kind, e.text) for e in match.evidence] == [("marks", match.text)]
    assert [c.id for c in match.candidates] == ["oman"]


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد إلى عمان أمس",  # no mark
        "وصل الوفد إلى عُمان أمس",  # a damma: only the shadda is read
        "وصل الوفد إلى عماّن أمس",  # a shadda on another letter than the alias's
    ],
)
def test_no_shadda_where_an_alias_has_one_tells_nothing(m: Matcher, text: str) -> None:
    (match,) = m.find(text)
    assert all(e.kind != "marks" for e in match.evidence)


def test_the_marks_come_before_the_country_context(m: Matcher) -> None:
    (_, match) = m.find("قالت سلطنة الأردن. وصل الوفد إلى عمّان")
    assert (match.id, match.evidence[0].kind) == ("amman", "marks")
    (_, match) = m.find("قالت سلطنة الأردن. وصل الوفد إلى عمان")
    assert match.evidence[0].kind != "marks"


def test_a_name_only_one_entry_has_needs_no_marks() -> None:
    only = Gazetteer("fixture", "0.1.0", [e for e in PLACES if e.id != "oman"])
    (match,) = Matcher([only]).find("وصل إلى عمّان")
    assert (match.id, match.evidence) == ("amman", ())


def test_the_letters_a_shadda_sits_on() -> None:
    assert shadda_letters("عمّان") == {1}
    assert shadda_letters("بِعَمَّانَ") == {2}  # marks and their order are no letters
    assert shadda_letters("ّعمان") == frozenset()  # a shadda before any letter sits on none
    assert shadda_letters("محمّد علّي") == {2, 5}  # letters counted across the space


# Tanwin (U+064B, U+064C, U+064D) marks an indefinite word: a place's or a body's name
# never takes it, a person's may.
TANWIN_GAZETTEER = Gazetteer(
    "fixture",
    "0.1.0",
    [
        Entry(id="syria", type="place", name="سوريا", name_en="Syria", country="SY", sources=SRC),
        Entry(id="khalid", type="person", name="خالد بن سعيد", name_en="Khalid", sources=SRC),
        Entry(id="adan", type="person", name="فوزية حاجي عدن", name_en="Adan", sources=SRC),
    ],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أوقف الجيش 35 سوريًا في عكار", []),  # fathatan: thirty-five Syrians
        ("ووصل سوريًّا إلى الحدود", []),  # with a shadda too
        ("أوقف الجيش 35 سورياً في عكار", []),  # typed on the alef
        ("أوقف الجيش 35 سوريـًا في عكار", []),  # a tatweel before it
        ("أوقف الجيش 35 سوريًاـــــــــــــــ في عكار", []),  # and many after
        ("عاد إلى سًوريا أمس", [("سًوريا", "syria")]),  # inside the word: a stray mark
        ("وصل 35 سوريًا إلى سوريا", [("سوريا", "syria")]),  # the same word, no tanwin
        ("عاد إلى سوريَا أمس", [("سوريَا", "syria")]),  # a fatha is no tanwin
        ("مررت بخالد بن سعيدٍ أمس", [("خالد بن سعيدٍ", "khalid")]),  # kasratan on a person
        # but not on a surname alone: Eden, no Adan
        ("قالت فوزية حاجي عدن: جنات عدنٍ", [("فوزية حاجي عدن", "adan")]),
        ("قالت فوزية حاجي عدن إن عدن", [("فوزية حاجي عدن", "adan"), ("عدن", "adan")]),
    ],
)
def test_a_place_s_name_written_with_tanwin_is_the_common_word(
    text: str, expected: list[tuple[str, str]]
) -> None:
    m = Matcher([TANWIN_GAZETTEER])
    assert [(x.text, x.id) for x in m.find(text)] == expected
