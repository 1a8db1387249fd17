"""The byte plan and the cuts around what it leaves: the same text and offsets as the exact plan.

Text is generated from the character classes of each benchmark genre (news,
vowelled Qur'an text, presentation forms, social media) and mixtures of them,
so that every way of leaving the byte plan -- a character outside its page, a
composing hamza or madda, a word of tatweel, a run of spaces -- is met
often, next to the characters the plan handles in bulk.
"""

from __future__ import annotations

import dataclasses
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Normalizer, NormalizerConfig

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
#: Quranic marks and letters (U+0653-0655 compose with the letter before them).
QURANIC = "\u0653\u0654\u0655\u0670\u0671\u06d6\u06d7\u06da\u06df\u06e2\u06e5\u06e6\u06ed\u06de"
TATWEEL = "\u0640"
SPACES = " \t\u00a0\u2009\u3000\u2000"
BREAKS = "\n\r\u2028\x1c"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u202b\u2067\ufeff\u00ad"
PRESENTATION = "\ufe8d\ufedf\ufe8e\ufef4\ufee3\ufef7\ufefb\ufdf2\ufdfa\ufe70\ufe7c\ufbfc\ufb8e"
PERSIAN = "\u06a9\u06cc\u06c0\u06c1\u06c3\u06be\u06d2\u06d5\u067e"
DIGITS = "٠١٢٩۰۴۹0129"
PUNCTUATION = "،؛؟٫٬«»“”.!#@-"
LATIN = "aAzé\u0301\u0327e\u212b"
SYMBOLS = "&#;\U0001f602\u2764\ufe0f\U0001f1f2\U0001f1e6\u1100\u1161\x00\ud800"

GENRES = {
    "news": LETTERS
    + HARAKAT[:3]
    + TATWEEL
    + " \n"
    + PUNCTUATION
    + DIGITS
    + PERSIAN[:2]
    + PRESENTATION[:7]
    + "\u0654\u0653\ufeed\ufef1",
    "vowelled": LETTERS + HARAKAT + QURANIC + TATWEEL + " \n",
    "presentation": PRESENTATION + " \n" + DIGITS + PUNCTUATION + LETTERS[:6],
    "social": LETTERS + TATWEEL + SPACES[:3] + "\n" + SYMBOLS + LATIN + "#@",
    "everything": LETTERS
    + HARAKAT
    + QURANIC
    + TATWEEL
    + SPACES
    + BREAKS
    + INVISIBLE
    + PRESENTATION
    + PERSIAN
    + DIGITS
    + PUNCTUATION
    + LATIN
    + SYMBOLS,
}

genre_text = st.sampled_from(sorted(GENRES)).flatmap(
    lambda g: st.text(alphabet=st.sampled_from(GENRES[g]), max_size=120)
)
configs = st.one_of(
    st.sampled_from(list(arnorm.PROFILES.values())),
    st.builds(
        NormalizerConfig, **{f.name: st.booleans() for f in dataclasses.fields(NormalizerConfig)}
    ),
)


def assert_same_as_exact(text: str, config: NormalizerConfig) -> None:
    normalizer = Normalizer(config)
    exact = normalizer._exact_with_offsets(text)
    assert normalizer(text) == exact.text
    _assert_offsets_equal(normalizer.with_offsets(text), exact)
    # On short text, any site sends the whole text to the other plans; with
    # these patched, the byte plan runs between windows around each site, and
    # the look at the start of a text (for configurations that keep marks)
    # decides on a few characters.
    with (
        mock.patch.object(arnorm.normalizer, "_SPARSE_SITES", 0),
        mock.patch.object(arnorm.normalizer, "_SAMPLE", 4),
    ):
        assert normalizer(text) == exact.text
        _assert_offsets_equal(normalizer.with_offsets(text), exact)


def _assert_offsets_equal(fast: arnorm.Normalized, exact: arnorm.Normalized) -> None:
    assert fast.text == exact.text
    assert fast.offsets.input_length == exact.offsets.input_length
    assert fast.offsets.output_length == len(exact.text)
    for i in range(len(exact.text)):
        assert fast.offsets.to_original(i, i + 1) == exact.offsets.to_original(i, i + 1), i
    for i in range(len(exact.text) + 1):
        assert fast.offsets.to_original(i, i) == exact.offsets.to_original(i, i), i
    assert fast.offsets == exact.offsets


@settings(max_examples=400)
@given(genre_text, configs)
@example("و\u064e\u0654", NormalizerConfig())
@example("ي\u0651\u0654\u064e", NormalizerConfig())
@example("ا\u0653 \u06d2\u0654", NormalizerConfig())
@example("ب \u0640 ت", NormalizerConfig())
@example("ب\u00a0 \u200c ت", NormalizerConfig())
@example("\U0001f602\u0651 ب\u064e\U0001f525", NormalizerConfig())
@example("\x00 \U0001f602", NormalizerConfig())
@example("ﻷمن ب", NormalizerConfig())
@example("ب ۖ ت  ‌ ث", NormalizerConfig())
@example("ب‌ َ ‌\t ت", NormalizerConfig())
@example("  َ ب", NormalizerConfig())
def test_fast_equals_exact_on_genre_text(text: str, config: NormalizerConfig) -> None:
    assert_same_as_exact(text, config)


@settings(max_examples=150)
@given(st.lists(genre_text, min_size=2, max_size=8), configs)
def test_fast_equals_exact_on_mixed_genres(parts: list[str], config: NormalizerConfig) -> None:
    assert_same_as_exact(" ".join(parts), config)


#: One line of each benchmark genre, with what used to send text to the slow plans.
GENRE_LINES = {
    "news": "قال المديرُ العامّ إنّ الإمـــارات\u200c ﺍﻟﻤﻐﺮﺏ «الرباط» ٢٠٢٤، ی ک\n",
    "vowelled": "يَسْـَٔلُونَكَ عَنِ ٱلْأَهِلَّةِ ۖ قُلْ هِىَ مَوَٰقِيتُ لِلنَّاسِ وَٱلْحَجِّ ۗ جَآءَ سُوٓءُ\n",
    "social": "جمييييل\u00a0جدا \U0001f602 #الرباط @top ❤️ https://t.co/x1Yz!!\n",
}
PRESENTATION_LINE = "ﺍﻟﻤﻐﺮﺏ ﻭﺍﻹﻣﺎﺭﺍﺕ ﻷﻣﻦ ﺍﻟﺴﺎﺣﻞ، ٢٠٢٤\n"


@pytest.mark.parametrize("aligned", [False, True], ids=["normalize", "with_offsets"])
@pytest.mark.parametrize("genre", sorted(GENRE_LINES))
def test_every_genre_runs_on_the_byte_plan_alone(genre: str, aligned: bool) -> None:
    # Speed without timing: the common text of every genre needs no other plan.
    plan = Normalizer()._bytes
    assert plan is not None
    prepared = plan[0].prepare(GENRE_LINES[genre] * 3, aligned=aligned)
    assert prepared is not None
    assert prepared.sites == []


@pytest.mark.parametrize("aligned", [False, True], ids=["normalize", "with_offsets"])
def test_presentation_forms_run_on_their_own_page(aligned: bool) -> None:
    plan = Normalizer()._bytes
    assert plan is not None
    prepared = plan[1].prepare(PRESENTATION_LINE * 3, aligned=aligned)
    assert prepared is not None
    assert prepared.sites == []
    assert_same_as_exact(PRESENTATION_LINE * 3, NormalizerConfig())


def test_dense_deletions_are_held_as_one_mask() -> None:
    text = GENRE_LINES["vowelled"] * 20
    offsets = arnorm.normalize_with_offsets(text).offsets
    assert len(offsets._regions) == 1
    assert len(offsets._out_starts) < 10
    assert_same_as_exact(text, NormalizerConfig())
