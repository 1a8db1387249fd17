"""safe_words= and common_words= add to the shipped lists; aliases needing evidence are told."""

# ruff: noqa: S301 - the tests unpickle only what they pickled themselves

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest

from arnorm import EvidenceWarning, Gazetteer, Matcher, load_gazetteer
from arnorm.gazetteer import Entry, Source
from arnorm.matcher import AliasNeedingEvidence, aliases_needing_evidence

#: The newcomer review's sentence: the shipped lists find four names in it.
VISIT = "زار الوفد مصر وتونس والرياض وتحدث مع حماس"
FOUR = ["country-eg", "country-tn", "sa-riyadh", "org-hamas"]


def ids(matcher: Matcher, text: str) -> list[str]:
    return [m.id for m in matcher.find(text)]


def own(*entries: tuple[str, str, str]) -> Gazetteer:
    return Gazetteer(
        "own",
        "1.0.0",
        [Entry(id=i, type=t, name=n, name_en=i, sources=(Source("test"),)) for i, t, n in entries],  # type: ignore[arg-type]
    )


def test_safe_words_add_to_the_shipped_list() -> None:
    assert ids(Matcher(), VISIT) == FOUR
    # before, this replaced the shipped list: مصر and حماس became common words, none was found
    assert ids(Matcher(safe_words={"أرامكو"}), VISIT) == FOUR
    assert ids(Matcher(safe_words={"الساحل"}), "جلسنا على الساحل") == []  # still a common word


def test_common_words_add_to_the_shipped_list() -> None:
    assert ids(Matcher(), "وصل الوفد إلى تونس") == ["country-tn"]
    assert ids(Matcher(common_words={"تونس"}), "وصل الوفد إلى تونس") == []
    # a common word with evidence is still found: a place in a list of places
    assert ids(Matcher(common_words={"تونس"}), VISIT) == FOUR
    # the shipped common words stay common: الساحل alone is a coast, not the Sahel
    assert ids(Matcher(common_words={"تونس"}), "جلسنا على الساحل") == []


def test_shipped_word_lists_false_uses_only_the_words_given() -> None:
    # all four are frequent words, and none is marked safe
    assert ids(Matcher(shipped_word_lists=False), VISIT) == []
    safe = Matcher(safe_words={"مصر", "حماس"}, shipped_word_lists=False)
    # مصر, then تونس as a place in a list with it, and حماس; الرياض's neighbour
    # تونس is itself a common word here, which shows nothing
    assert ids(safe, VISIT) == ["country-eg", "country-tn", "org-hamas"]
    # الساحل is a frequent word, common here only because it is not marked safe
    sahel = Matcher(safe_words={"الساحل"}, shipped_word_lists=False)
    assert ids(sahel, "جلسنا على الساحل") == ["region-sahel"]


def test_a_string_is_no_word_list() -> None:
    with pytest.raises(TypeError, match="safe_words must be a collection of words"):
        Matcher(safe_words="مصر")
    with pytest.raises(TypeError, match="common_words must be a collection of words"):
        aliases_needing_evidence(own(("x", "place", "الرباط")), common_words="الرباط")


@pytest.mark.parametrize(
    "options",
    [
        {"safe_words": {"أرامكو"}},
        {"common_words": {"تونس"}, "safe_words": {"الساحل"}},
        {"safe_words": {"مصر"}, "shipped_word_lists": False},
        {"shipped_word_lists": False},
    ],
)
def test_word_lists_round_trip_exactly(options: dict[str, object], tmp_path: Path) -> None:
    text = VISIT + " جلسنا على الساحل في منطقة الساحل"
    matcher = Matcher(**options)  # type: ignore[arg-type]
    expected = matcher.find(text)
    assert pickle.loads(pickle.dumps(matcher)).find(text) == expected
    own_matcher = Matcher(
        [load_gazetteer("places"), own(("x", "place", "كونستانتينوبل"))], **options
    )  # type: ignore[arg-type]
    own_matcher.save(tmp_path / "m.matcher")
    loaded = Matcher.load(tmp_path / "m.matcher")
    assert loaded.find(text) == own_matcher.find(text)
    assert (loaded._common, loaded._safe) == (own_matcher._common, own_matcher._safe)
    assert pickle.loads(pickle.dumps(own_matcher)).find(text) == own_matcher.find(text)


def test_aliases_needing_evidence_lists_each_with_its_reason() -> None:
    gazetteer = own(
        ("place-qal", "place", "قال"),  # said
        ("org-bayn", "organization", "بين"),  # between
        ("agency-office", "agency", "المكتب"),  # the office
        ("place-sahel", "place", "الساحل"),  # in the shipped list of common words
        ("place-two", "place", "قال بين"),  # a name of two words is no frequent word
        ("place-rabat", "place", "الرباط"),
    )
    found = aliases_needing_evidence(gazetteer)
    assert [(a.alias, a.entry_id) for a in found] == [
        ("قال", "place-qal"),
        ("بين", "org-bayn"),
        ("المكتب", "agency-office"),
        ("الساحل", "place-sahel"),
    ]
    assert all(isinstance(a, AliasNeedingEvidence) for a in found)
    reasons = {a.entry_id: a.reason for a in found}
    assert "frequent Arabic word" in reasons["place-qal"]
    assert "beside another place" in reasons["place-qal"]
    assert "cue word for an organization" in reasons["org-bayn"]
    assert "never reported on its own" in reasons["agency-office"]
    assert "list of common words" in reasons["place-sahel"]
    # marked safe, or the lists left out, they need none
    assert [a.alias for a in aliases_needing_evidence(gazetteer, safe_words={"قال"})] == [
        "بين",
        "المكتب",
        "الساحل",
    ]
    bare = aliases_needing_evidence(gazetteer, shipped_word_lists=False, safe_words={"بين"})
    # الساحل and الرباط: frequent words, not marked safe
    assert [a.alias for a in bare] == ["قال", "المكتب", "الساحل", "الرباط"]
    assert aliases_needing_evidence(gazetteer, common_words={"الرباط"})[-1].alias == "الرباط"


def test_building_a_matcher_warns_of_them() -> None:
    gazetteer = own(("place-qal", "place", "قال"), ("place-rabat", "place", "الرباط"))
    with pytest.warns(
        EvidenceWarning, match=r"1 alias\(es\).*'قال' of 'place-qal'.*safe_words"
    ) as got:
        Matcher([gazetteer])
    assert issubclass(EvidenceWarning, UserWarning)
    assert got[0].filename == __file__  # pointing at the caller's line
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Matcher([gazetteer], safe_words={"قال"})  # marked safe: nothing to warn of
        Matcher([own(("place-rabat", "place", "الرباط"))])


def test_shipped_gazetteers_never_warn() -> None:
    """They were reviewed; the suite runs with warnings as errors, so any warning fails here."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Matcher()
        Matcher(shipped_word_lists=False)
        Matcher([load_gazetteer(name) for name in ("places", "officials")], types=["place"])
        pickle.loads(pickle.dumps(Matcher([own(("x", "place", "الرباط"))])))


def test_the_warning_lists_at_most_twenty() -> None:
    many = own(
        *[(f"p{i}", "place", w) for i, w in enumerate(["قال", "بين", "كان", "على", "من"] * 5)]
    )
    with pytest.warns(EvidenceWarning, match=r"25 alias\(es\).*and 5 more") as got:
        Matcher([many])
    assert len(got) == 1


# -- surnames that are common words ---------------------------------------------------------


def test_every_common_word_surname_is_a_surname_the_matcher_reads() -> None:
    from arnorm.gazetteer import common_word_surnames
    from arnorm.matcher._model import SURNAME

    index = Matcher()._index
    surnames = {
        key
        for key, rows in index.phrases.items()
        for row in ([rows] if isinstance(rows, int) else rows)
        if index.a_kind[row] == SURNAME
    }
    listed = common_word_surnames()
    assert listed
    assert sorted(set(listed) - surnames) == []


@pytest.mark.parametrize("text", ["هاجمت أسراب الجراد المزارع", "وقال جراد إن", "في عيشة راضية"])
def test_a_surname_that_is_a_common_word_needs_the_full_name(text: str) -> None:
    assert ids(Matcher(), text) == []


def test_a_common_word_surname_counts_after_the_full_name() -> None:
    text = "وقال عبد العزيز جراد إن الحكومة مستعدة. وأكد جراد أن"
    assert ids(Matcher(), text) == ["person-abdelaziz-djerad"] * 2
    # without the shipped lists, the surname alone counts as any other
    assert ids(Matcher(shipped_word_lists=False), "وقال جراد إن") == ["person-abdelaziz-djerad"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cities whose other reading (chickpeas, the grey, the iron piece …) security news
        # hardly uses: reported alone
        ("وقال الوزير في حمص إن", ["sy-homs"]),
        ("وصلت التعزيزات إلى الرمادي", ["iq-ramadi"]),
        ("قصف ميناء الحديدة", ["ye-hodeidah"]),
        # names that the same news uses as words too still need evidence
        ("لتحقيق مآربهم الخاصة", []),  # aims, not Marib
        ("وقال إن العقبة أمام الاتفاق", []),  # the obstacle, not Aqaba
    ],
)
def test_cities_named_first_in_news_are_safe_and_others_need_evidence(
    text: str, expected: list[str]
) -> None:
    assert [x for x in ids(Matcher(), text) if x.split("-")[0] != "country"] == expected
