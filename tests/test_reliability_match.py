"""The matcher on hostile input: bounded cost per word, caches that never change a result.

The inputs are those of the reliability review (``../shared/reviews/reliability-review.md``),
at sizes small enough for the suite.
"""

from __future__ import annotations

import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import arnorm.matcher
import arnorm.matcher._lookup
import arnorm.matcher._model
from arnorm import Gazetteer, Matcher
from arnorm.gazetteer import Entry, Source
from arnorm.matcher._lookup import Lookups
from arnorm.matcher._variants import VariantClass

#: Names of every kind of walk: one word, a clitic, a particle, a person, a long agency name.
NAMES = ("الرباط", "بمصر", "عبد اللطيف حموشي", "المديرية العامة للأمن الوطني", "أبوظبي", "حموشي")
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
LONG_WORD = "".join(random.Random(1).choice(LETTERS) for _ in range(6000))  # noqa: S311


def key(matcher: Matcher, text: str) -> list[tuple[int, int, str, str, float]]:
    return [(m.start, m.end, m.id, m.method, m.score) for m in matcher.find(text)]


def churn(seed: int, words: int = 400) -> str:
    """Distinct made-up Arabic words (typo-like: they take the fuzzy lookups) and names."""
    rnd = random.Random(seed)  # noqa: S311 (test data)
    out: list[str] = []
    for j in range(words):
        out.append("".join(rnd.choice(LETTERS) for _ in range(rnd.randint(3, 9))))
        if j % 25 == 0:
            out.append(NAMES[(seed + j) % len(NAMES)])
    return " ".join(out)


@pytest.fixture
def small_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cache of a matcher holds 50 entries: the texts below overflow each many times."""
    monkeypatch.setattr(arnorm.matcher._model, "CACHE_LIMIT", 50)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [churn(seed) for seed in range(16)]


@pytest.fixture(scope="module")
def truth(texts: list[str]) -> list[list[tuple[int, int, str, str, float]]]:
    """A fresh matcher (default cache sizes) a text: nothing is ever cleared."""
    found = [key(Matcher(), text) for text in texts]
    assert sum(map(len, found)) >= len(texts) * 10  # the names are there to be lost
    return found


@pytest.mark.usefixtures("small_caches")
def test_overflowing_every_cache_never_changes_a_result(
    texts: list[str], truth: list[list[tuple[int, int, str, str, float]]]
) -> None:
    shared = Matcher()
    assert [key(shared, text) for text in texts] == truth
    # and again, with the caches full of the other texts' words
    assert [key(shared, text) for text in reversed(texts)] == truth[::-1]


@pytest.mark.usefixtures("small_caches")
def test_eight_threads_sharing_a_matcher_equal_one_thread(
    texts: list[str], truth: list[list[tuple[int, int, str, str, float]]]
) -> None:
    shared = Matcher()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show
    try:
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda text: key(shared, text), texts * 3))
    finally:
        sys.setswitchinterval(interval)
    assert got == truth * 3


class ClearedAfterEachRead(dict[str, object]):
    """A cache that another thread clears the moment after each read of it."""

    def get(self, key: str, default: object = None) -> object:
        value = super().get(key, default)
        self.clear()
        return value


def test_a_cache_cleared_between_two_reads_loses_no_word(
    texts: list[str], truth: list[list[tuple[int, int, str, str, float]]]
) -> None:
    """Found by CI: a word seen in the cache, then missed in it once another thread had
    cleared it, was tested but never live, and lost from every later text."""
    matcher = Matcher()
    for text, expected in zip(texts[:4], truth[:4], strict=True):
        matcher.find(text)  # the cache now holds the text's words
        matcher._lookups.tested = (set(), set())  # and they are to be tested again
        matcher._lookups.first_cache = ClearedAfterEachRead(matcher._lookups.first_cache)
        assert key(matcher, text) == expected
        assert key(matcher, text) == expected  # the second time from the tested words
        matcher._lookups.first_cache = {}


def test_the_word_caches_stay_bounded(small_caches: None, texts: list[str]) -> None:
    matcher = Matcher()
    for text in texts:
        matcher.find(text)
    tested, live = matcher._lookups.tested
    # a pair of sets holds at most the limit, or one text's words when it is swapped in
    assert len(tested) <= max(50, max(len(set(text.split())) for text in texts))
    assert live <= tested | arnorm.matcher._morphology.PARTICLES_FIRST
    lookups, ranker = matcher._lookups, matcher._ranker
    caches = (lookups.first_cache, lookups.next_cache, lookups.start_cache, ranker.cue_cache)
    for cache in (*caches, ranker.rank_cache):
        assert len(cache) <= 50


@pytest.mark.parametrize(
    "text",
    [
        LONG_WORD,
        "و" * 6000,  # one letter repeated: all its one-letter deletions are alike
        "و" * 6000 + "الرباط",
    ],
    ids=["random word", "one letter", "clitic run then a name"],
)
def test_a_long_word_gets_no_fuzzy_keys(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the fix, each of these built every one-letter deletion of the word."""
    keyed: list[int] = []
    fuzzy_words = Lookups.fuzzy_words
    screened = arnorm.matcher._lookup._screened

    def spy(self: Lookups, form: str, *, frequent: bool) -> list[tuple[str, float, str]]:
        keyed.append(len(form))
        return fuzzy_words(self, form, frequent=frequent)

    def spy_screen(cls: VariantClass, forms: list[str], screen: frozenset[object]) -> list[bool]:
        keyed.extend(map(len, forms))
        return screened(cls, forms, screen)

    monkeypatch.setattr(Lookups, "fuzzy_words", spy)
    monkeypatch.setattr(arnorm.matcher._lookup, "_screened", spy_screen)
    matcher = Matcher()
    assert matcher.find(text) == []
    longest = max(map(len, matcher._index.words)) + arnorm.matcher._lookup.LONG_MARGIN
    assert max(keyed, default=0) <= longest
    # nor is it kept in any cache
    assert all(len(w) < 100 for w in matcher._lookups.tested[0])
    assert all(len(w) < 100 for w in matcher._lookups.first_cache)


def test_the_longest_name_is_still_found_with_clitics_and_a_typo() -> None:
    """The cut-off on word length leaves the index's longest word reachable every way."""
    name = "كونستانتينوبل"
    entry = Entry(id="c-x", type="place", name=name, name_en="x", sources=(Source("test"),))
    matcher = Matcher([Gazetteer("fixture", "0.1.0", [entry])])
    assert max(map(len, matcher._index.words)) == len(name)
    for text, method in (
        ("وبكونستانتينوبل", "exact"),
        ("وبكونستانتينوببل", "edit"),  # a letter too many, and two clitics
        ("وكونستانتيتوبل", "dots"),
    ):
        (found,) = matcher.find(f"في {text} اليوم")
        assert (found.id, found.method) == ("c-x", method)
