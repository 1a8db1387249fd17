"""The lexicon gate of the matcher, on real sentences.

Real words of the Qur'an text are no longer read as names, names written as they
are still are, and (the context gate that ``benchmarks/bench_vocabulary.py``
prototypes) a word the lexicon knows could still be read as a name where the text
supports it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from arnorm import Gazetteer, Matcher, load_gazetteer
from arnorm._lexicon import known

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bench(load_script: Callable[[str], ModuleType]) -> ModuleType:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))  # its sibling imports
        return load_script("benchmarks/bench_vocabulary.py")


def pinned() -> list[Gazetteer]:
    """The gazetteer versions these sentences were chosen for: from officials 2.2.0 on, باتل
    alone is also Priti Patel's surname, which these cases are not about."""
    versions = {"places": "3.0.0", "organizations": "2.0.0", "agencies": "2.0.0"}
    return [
        load_gazetteer(name, version)
        for name, version in {**versions, "officials": "2.1.0"}.items()
    ]


@pytest.fixture(scope="module")
def plain(bench: ModuleType) -> Matcher:
    """The matcher gated by the frequent words only, as before the lexicon."""
    matcher: Matcher = bench.without_lexicon(Matcher(pinned()))
    return matcher


@pytest.fixture(scope="module")
def gated() -> Matcher:
    """The matcher as it ships (on the pinned gazetteers)."""
    return Matcher(pinned())


@pytest.fixture(scope="module")
def context(bench: ModuleType, gated: Matcher, plain: Matcher) -> object:
    return bench.ContextGate(gated, plain)


def ids(finder: object, text: str) -> list[str]:
    return [m.id for m in finder.find(text)]  # type: ignore[attr-defined]


def at_last(finder: object, text: str, word: str) -> list[str]:
    """The ids of the matches over the last *word* of *text*."""
    start = text.rindex(word)
    return [m.id for m in finder.find(text) if m.start <= start < m.end]  # type: ignore[attr-defined]


#: Verses (simple spelling) whose words the ungated matcher reads as names (issue 11).
VERSES = [
    ("وَلَقَدْ آتَيْنَا مُوسَى الْكِتَابَ", "gr-athens"),
    ("الَّذِينَ كَفَرُوا وَصَدُّوا عَن سَبِيلِ اللَّهِ", "lb-sidon"),
    ("قُلْ سِيرُوا فِي الْأَرْضِ", "country-sy"),
    ("إِنَّ قَارُونَ كَانَ مِن قَوْمِ مُوسَىٰ", "tn-governorate-kairouan"),
    ("وَمَا نَحْنُ بِتَأْوِيلِ الْأَحْلَامِ بِعَالِمِينَ", "person-kash-patel"),
]


def test_a_word_with_tanwin_is_no_name_even_without_the_gate(plain: Matcher) -> None:
    # ترتيلًا was read as Tortola until a name written with tanwin became the common word
    assert "vg-tortola" not in ids(plain, "وَرَتِّلِ الْقُرْآنَ تَرْتِيلًا")
    assert "vg-tortola" in ids(plain, "وَرَتِّلِ الْقُرْآنَ تَرْتِيلَا")  # a fatha: no tanwin


def test_a_word_far_from_a_name_is_no_variant_even_without_the_gate(plain: Matcher) -> None:
    # نراك and نيويورك share a long-vowel skeleton, but five edits apart (a variant is two at
    # most): the gate is no longer what keeps New York out of this verse
    assert "us-new-york" not in ids(plain, "مَا نَرَاكَ إِلَّا بَشَرًا مِّثْلَنَا")


@pytest.mark.parametrize(("verse", "wrong"), VERSES)
def test_real_words_are_no_longer_read_as_names(
    plain: Matcher, gated: Matcher, context: object, verse: str, wrong: str
) -> None:
    assert wrong in ids(plain, verse)  # the false positive the gate is for
    assert wrong not in ids(gated, verse)
    assert wrong not in ids(context, verse)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استقبل عبد اللطيف حموشي الوفد", ["person-abdellatif-hammouchi"]),
        ("وقال حموشي إن", ["person-abdellatif-hammouchi"]),  # حموشي is in the lexicon
        ("وصل الوفد إلى الرباط", ["ma-rabat"]),
        ("قال برنار ايمييه", ["person-bernard-emie"]),  # the real variant of the corpus
        ("زار السعودييييه", ["country-sa"]),  # an elongated name is still the name
        # a typo inside a name of several words, though التهاما is in the lexicon
        ("زار جزر التهاما أمس", ["country-bs"]),
    ],
)
def test_names_are_still_found(gated: Matcher, text: str, expected: list[str]) -> None:
    assert ids(gated, text) == expected


def test_an_elongated_word_is_a_word(plain: Matcher, gated: Matcher) -> None:
    text = "كاااان الااااامن مستتبا"
    assert ids(plain, text)  # Cayenne and Yemen without the gate
    assert ids(gated, text) == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("وقال الوزير باتل إن", "title"),
        ("وصل كاش باتيل أمس. وقال باتل إن", "earlier"),
        # after the entry's own first name the lexicon gate alone finds it: inside a
        # name of several words, a lexicon word may still be a long-vowel variant
        ("وقال كاش باتل إن", None),
    ],
)
def test_the_context_gate_gives_back_a_word_the_text_shows_is_a_name(
    bench: ModuleType, gated: Matcher, plain: Matcher, text: str, why: str | None
) -> None:
    gate = bench.ContextGate(gated, plain)
    assert "person-kash-patel" in at_last(plain, text, "باتل")
    assert known("باتل")  # a word of the lexicon
    # the matcher reads the context itself now (a title, the full name earlier, the
    # first name): what the benchmark's prototype gave back, it finds, and the
    # prototype has nothing left to give back
    assert "person-kash-patel" in at_last(gated, text, "باتل"), why
    assert "person-kash-patel" in at_last(gate, text, "باتل")
    assert dict(gate.restored) == {}
    assert ids(gate, "وقال مصدر إن باتل") == []  # and alone it stays a word
