"""Reliability of the normalizer on hostile input (issue 12, items 2, 6 and 15).

* no regular expression backtracks: every pathological pattern runs in time
  linear in its length (a scaling property, not a timed assertion);
* the pathological patterns give exactly the text the steps define;
* offsets stay exact when NFC reorders combining marks.
"""

from __future__ import annotations

import dataclasses
import re
import time
import tracemalloc
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm import NormalizerConfig, steps
from arnorm.normalizer import Normalizer

TATWEEL = "\u0640"
ZWNJ = "\u200c"
FATHA = "\u064e"
SHADDA = "\u0651"

#: The pathological inputs of the reliability report, as functions of a size n.
PATTERNS: dict[str, Callable[[int], str]] = {
    "tatweel run after a space": lambda n: " " + TATWEEL * n + "ت",
    "tatweel run after a line break": lambda n: "\n" + TATWEEL * n + "ت",
    "ZWNJ+tatweel run after a space": lambda n: " " + (ZWNJ + TATWEEL) * (n // 2) + "ت",
    "spaces then a tatweel run": lambda n: " " * (n // 2) + TATWEEL * (n // 2) + "ت",
    "letter+fatha pairs": lambda n: "بَ" * (n // 2),
    "fatha run": lambda n: "ب" + FATHA * n,
    "mixed marks": lambda n: "ب" + (SHADDA + FATHA) * (n // 2),
    "one long word": lambda n: ("بتثجحخدذرزسشصضطظعغفقكلمنهي" * (n // 27 + 1))[:n],
}


# --------------------------------------------------------------------------
# Exact output on the pathological patterns (small sizes).
# --------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["search", "light"])
def test_a_tatweel_run_followed_by_a_letter_is_removed_and_the_letter_kept(profile: str) -> None:
    for n in (1, 2, 50, 3000):
        assert arnorm.normalize(" " + TATWEEL * n + "ت", profile) == " ت"
        assert arnorm.normalize("\n" + TATWEEL * n + "ت", profile) == "\nت"
        assert arnorm.normalize(" " + (ZWNJ + TATWEEL) * n + "ت", profile) == " ت"
        assert arnorm.normalize(" " * n + TATWEEL * n + "ت", profile) == " ت"
        assert arnorm.normalize_with_offsets(" " + TATWEEL * n + "ت", profile).text == " ت"


@pytest.mark.parametrize("profile", ["search", "light"])
def test_a_word_of_tatweel_only_is_removed_with_its_space(profile: str) -> None:
    for n in (1, 3000):
        assert arnorm.normalize("قال " + TATWEEL * n + " اليوم", profile) == "قال اليوم"
        assert arnorm.normalize("قال " + (ZWNJ + TATWEEL) * n + " اليوم", profile) == "قال اليوم"
        assert arnorm.normalize("قال" + " " * n + TATWEEL * n, profile) == "قال"
        assert arnorm.normalize(TATWEEL * n + " " * n + "قال", profile) == "قال"


def test_the_tatweel_word_rule_is_a_single_pass_over_each_run() -> None:
    # a run of spaces, then of tatweel, then a letter: nothing to remove as a word
    text = " " * 2000 + TATWEEL * 2000 + "ت"
    assert steps.TATWEEL_WORD.search(text) is None
    assert steps.tatweel(text) == " " * 2000 + "ت"
    assert steps.tatweel("ب" + " " * 5 + TATWEEL * 5 + " ت") == "ب ت"


def test_mark_runs_and_letter_mark_pairs_normalize_exactly() -> None:
    n = 5000
    assert arnorm.normalize("بَ" * n) == "ب" * n
    assert arnorm.normalize("بَ" * n, "light") == "بَ" * n
    assert arnorm.normalize("ب" + FATHA * n) == "ب"
    assert arnorm.normalize("ب" + (SHADDA + FATHA) * n) == "ب"
    # NFC puts fatha (class 30) before shadda (class 33)
    assert arnorm.normalize("ب" + SHADDA + FATHA, "light") == "ب" + FATHA + SHADDA
    result = arnorm.normalize_with_offsets("بَ" * n)
    assert result.offsets.to_original(0, n) == (0, 2 * n)
    assert result.offsets.to_original(n - 1, n) == (2 * n - 2, 2 * n)


# --------------------------------------------------------------------------
# Bounded memory: long lines are cut at safe places, and the exact plan runs
# only on a window around what needs it.  Both must not change a result.
# --------------------------------------------------------------------------

#: Every kind of character a cut or a window could separate badly.
EDGY = (
    "ابتلرطى ة أإآ ـ  \t\u00a0\n\r\u2028"
    "\u064b\u064e\u0651\u0652\u0653\u0654\u0655\u0670\u0301"
    "\u200b\u200c\u200f\ufeff\u00ad"
    "\ufef7\ufefb\ufdf2\ufe70\ufe71\ufe8d\ufe77"
    "\u06a9\u06cc\u06c3٠١۴aA0\u1100\u1161\u11a8e\u212b"
)
edgy_text = st.text(alphabet=st.sampled_from(EDGY), max_size=80)
configs = st.one_of(
    st.sampled_from(list(arnorm.PROFILES.values())),
    st.builds(
        NormalizerConfig, **{f.name: st.booleans() for f in dataclasses.fields(NormalizerConfig)}
    ),
)


@given(edgy_text, configs, st.integers(1, 6), st.integers(1, 4))
@example("بببب", NormalizerConfig(elongation=True), 2, 1)
@example("ب ـــ ت ـ\u200c ث", NormalizerConfig(), 1, 1)
def test_cuts_and_windows_give_the_exact_plan(
    text: str, config: NormalizerConfig, piece: int, window: int
) -> None:
    normalizer = Normalizer(config)
    exact = normalizer._exact_with_offsets(text)
    with (
        mock.patch.object(arnorm.normalizer, "PIECE", piece),
        mock.patch.object(arnorm.normalizer, "_WINDOWS", (window + 3, window)),
    ):
        assert normalizer(text) == exact.text
        result = normalizer.with_offsets(text)
    assert result.text == exact.text
    assert result.offsets.input_length == len(text)
    for i in range(len(exact.text)):
        assert result.offsets.to_original(i, i + 1) == exact.offsets.to_original(i, i + 1)


@given(edgy_text, configs)
@example("a \u200bـــ b", NormalizerConfig())
@example("ـ\u200c", NormalizerConfig())
@example("بـ ـ\u200cـ\n", NormalizerConfig())
def test_the_tatweel_word_check_by_tatweel_equals_the_search(
    text: str, config: NormalizerConfig
) -> None:
    fast = Normalizer(config)._fast
    if not config.tatweel:
        return
    searched = fast._has_tatweel_word(text)
    with mock.patch.object(arnorm.normalizer, "_SPARSE_TATWEEL", 0):
        one_by_one = fast._has_tatweel_word(text)
    assert one_by_one == searched


def test_a_long_line_is_cut_into_bounded_pieces() -> None:
    cut = arnorm.normalizer._SAFE_CUT
    line = "بَ" * 5000
    pieces = list(arnorm.normalizer._pieces(line, cut, 1000))
    assert "".join(pieces) == line
    assert max(map(len, pieces)) <= 1002
    # nothing to cut at: a run of marks stays whole
    marks = "ب" + FATHA * 5000
    assert list(arnorm.normalizer._pieces(marks, cut, 1000)) == [marks]
    # with elongation, only between two different letters
    same = "ب" * 3000 + "ت" * 3000
    elongated = list(arnorm.normalizer._pieces(same, arnorm.normalizer._SAFE_CUT_ELONGATION, 1000))
    assert elongated == ["ب" * 3000, "ت" * 3000]


@pytest.mark.parametrize("pattern", list(PATTERNS))
def test_memory_is_bounded_per_piece_on_pathological_patterns(pattern: str) -> None:
    # More than two pieces; before the fix a line of them held Python objects
    # for every character (a tuple, a match, a string: 100-800 bytes each).
    piece = 1 << 14
    text = PATTERNS[pattern](4 * piece + 1000)
    normalizer = Normalizer()
    normalizer(text[:100])
    normalizer.with_offsets(text[:100])
    piece_budget = 200 * piece  # bytes of scratch space per piece
    for function, per_char in ((normalizer, 8), (normalizer.with_offsets, 32)):
        tracemalloc.start()
        try:
            with mock.patch.object(arnorm.normalizer, "PIECE", piece):
                result = function(text)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        del result
        assert peak <= piece_budget + per_char * len(text), (function, peak / len(text))


# --------------------------------------------------------------------------
# Offsets when NFC reorders combining marks (item 15).
# --------------------------------------------------------------------------

#: Letters, spaces, tatweel and marks of several combining classes (27 fathatan,
#: 30 fatha, 33 shadda, 34 sukun, 35 dagger alef, 220 below, 230 above, 0 hamza
#: seats) in every order, so that NFC has to reorder them.
MARKED = "اوبتلرط ـ\n\u064b\u064e\u0651\u0652\u0670\u0301\u0316\u0654\u0655\u06e1\u200c"


@pytest.mark.parametrize(
    ("text", "profile", "word", "source"),
    [
        ("الرباط \u0301\u064b", "search", "\u0301", "\u0301\u064b"),
        ("x\u0301\u064e", "light", "x\u064e\u0301", "x\u0301\u064e"),
        ("x\u0301\u064e", "search", "x\u0301", "x\u0301\u064e"),
        ("ب\u0651\u064e ت", "light", "ب\u064e\u0651", "ب\u0651\u064e"),
    ],
)
def test_offsets_of_reordered_marks_cover_the_reordered_group(
    text: str, profile: str, word: str, source: str
) -> None:
    norm, offsets = arnorm.normalize_with_offsets(text, profile)
    start = norm.index(word)
    s, e = offsets.to_original(start, start + len(word))
    assert text[s:e] == source
    assert arnorm.normalize(text[s:e], profile) == word


@pytest.mark.parametrize("profile", ["search", "light"])
def test_a_reordered_mark_maps_to_the_marks_it_was_reordered_with(profile: str) -> None:
    # NFC turns acute + fatha into fatha + acute: neither output mark came
    # from the input character at its own position
    text = "x\u0301\u064e y"
    norm, offsets = arnorm.normalize_with_offsets(text, profile)
    assert offsets.to_original(0, 1) == (0, 1)
    for i in range(1, norm.index(" ")):
        assert offsets.to_original(i, i + 1) == (1, 3)


@given(st.text(alphabet=st.sampled_from(MARKED), max_size=30), st.sampled_from(["search", "light"]))
@example("الرباط \u0301\u064b", "search")
@example("x\u0301\u064e", "light")
def test_every_output_word_maps_to_input_that_normalizes_to_it(text: str, profile: str) -> None:
    norm, offsets = arnorm.normalize_with_offsets(text, profile)
    for m in re.finditer(r"\S+", norm):
        s, e = offsets.to_original(m.start(), m.end())
        assert arnorm.normalize(text[s:e], profile).strip() == m.group()


# --------------------------------------------------------------------------
# Scaling: time on k*n characters stays within a constant factor of k times
# the time on n (issue 12).  A backtracking pattern grows as k*k and fails.
# --------------------------------------------------------------------------

N = 3000
K = 8
#: Generous: linear code measures about 1x on an idle machine.
FACTOR = 4.0


def _best_time(function: Callable[[str], object], text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def _grows_linearly(function: Callable[[str], object], make: Callable[[int], str]) -> bool:
    small, large = make(N), make(K * N)
    function(small)  # compile patterns, fill caches
    for _ in range(3):  # a loaded machine gets three chances
        base = max(_best_time(function, small), 2e-4)
        if _best_time(function, large) <= FACTOR * K * base:
            return True
    return False


@pytest.mark.parametrize("pattern", list(PATTERNS))
def test_time_grows_linearly_on_pathological_patterns(pattern: str) -> None:
    make = PATTERNS[pattern]
    normalizer = Normalizer()
    assert _grows_linearly(normalizer, make), f"normalize on {pattern!r}"
    assert _grows_linearly(normalizer.with_offsets, make), f"with_offsets on {pattern!r}"


@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(1, 3)), max_size=12),
    st.integers(0, 4),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans()), max_size=3),
)
def test_offsets_of_deleted_runs_in_bulk_equal_one_by_one(
    pairs: list[tuple[int, int]], last: int, before: list[tuple[int, int, bool]]
) -> None:
    from arnorm import _align

    kept = [k for k, _ in pairs] + [last]
    gone = [g for _, g in pairs]
    segments: list[tuple[int, int, bool]] = []
    for k, g in pairs:
        segments += [(k, k, True)] if k else []
        segments.append((g, 0, False))
    segments += [(last, last, True)] if last else []
    earlier = [(i, i if linear else o, linear) for i, o, linear in before if i or o]
    bulk, add_bulk = _align.offset_map_builder()
    one, add_one = _align.offset_map_builder()
    for add, batch in ((add_bulk, _align.DeletionRuns(segments, kept, gone)), (add_one, segments)):
        add(earlier)
        add(batch)
    assert bulk == one
