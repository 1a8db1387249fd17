"""Property tests: idempotence, the offset invariant, never raising on any str."""

from __future__ import annotations

import dataclasses
import itertools
from unittest import mock

import pytest
import unicodedata2
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm import NormalizerConfig, steps

# Characters every step cares about, so that generated text hits the edge cases.
INTERESTING = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة"  # letters
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06d6\u08f0"
    "\u0640"  # tatweel
    " \t\u00a0\u2009\u3000\n\r\u2028"  # spaces and breaks
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202b\u2067\ufeff\u00ad"  # invisible
    "\ufef7\ufefb\ufdf2\ufdfa\ufe70\ufe71\ufe8d\ufbfc\ufb8e"  # presentation forms
    "\u06a9\u06cc\u06c0\u06c1\u06c3\u06be"  # Persian and Urdu letters
    "٠١٢٩۰۴۹،؛؟٫٬«»“”"
    "aA0.-\u0301\u0327e\u212b\u1100\u1161\u11a8"  # Latin, combining, singletons, Hangul
)
arabic_text = st.text(alphabet=st.sampled_from(INTERESTING), max_size=60)
any_text = st.text(st.characters(exclude_categories=[]), max_size=40)  # lone surrogates too
texts = st.one_of(arabic_text, any_text)

profiles = st.sampled_from(list(arnorm.PROFILES.values()))
configs = st.builds(
    NormalizerConfig,
    **{f.name: st.booleans() for f in dataclasses.fields(NormalizerConfig)},
)


@given(texts, st.one_of(profiles, configs))
@example("ا\u0640\u0654", arnorm.PROFILES["light"])
@example("a \u0640\u0640\r\nb", arnorm.PROFILES["light"])
def test_idempotent(text: str, config: NormalizerConfig) -> None:
    once = arnorm.normalize(text, config)
    assert arnorm.normalize(once, config) == once


@given(texts, st.one_of(profiles, configs))
def test_offsets_text_equals_fast_path(text: str, config: NormalizerConfig) -> None:
    result = arnorm.normalize_with_offsets(text, config)
    assert result.text == arnorm.normalize(text, config)
    assert result.offsets.input_length == len(text)
    assert result.offsets.output_length == len(result.text)


@given(texts, st.one_of(profiles, configs))
def test_offsets_are_monotonic_and_cover_the_original(text: str, config: NormalizerConfig) -> None:
    norm, offsets = arnorm.normalize_with_offsets(text, config)
    if not norm:
        assert offsets.to_original(0, 0) == (len(text), len(text))
        return
    assert offsets.to_original(0, len(norm)) == (0, len(text))
    spans = [offsets.to_original(i, i + 1) for i in range(len(norm))]
    for (s1, e1), (s2, e2) in itertools.pairwise(spans):
        assert s1 < e1
        assert s1 <= s2
        assert e1 <= e2


@given(arabic_text)
@example("بالإمـــارات\u200f حمّوشي")
def test_words_map_back_to_text_that_normalizes_to_them(text: str) -> None:
    norm, offsets = arnorm.normalize_with_offsets(text)
    pos = 0
    for word in norm.split(" "):
        # A combining mark with no letter before it (after a space) is grouped
        # with that space by NFC, so such degenerate words are not checked.
        starts_with_mark = bool(word) and unicodedata2.combining(word[0]) != 0
        if word and not starts_with_mark and not any(c in word for c in "\n\r\u2028"):
            s, e = offsets.to_original(pos, pos + len(word))
            assert arnorm.normalize(text[s:e]) == word
        pos += len(word) + 1


@given(texts, configs)
def test_explain_matches_normalize_and_replays(text: str, config: NormalizerConfig) -> None:
    result = arnorm.explain(text, config)
    assert result.text == arnorm.normalize(text, config)
    assert result.replay(text) == result.text
    assert set(result.steps) <= set(config.steps)
    assert all(r.count > 0 for r in result.reports)


@given(texts, configs)
def test_compiled_pipeline_equals_steps_applied_one_by_one(
    text: str, config: NormalizerConfig
) -> None:
    expected = text
    for name in config.steps:
        function = steps.STEPS[name]
        kwargs = {
            "unicode": {"expand_ligatures": config.expand_ligatures},
            "diacritics": {
                "keep_shadda": config.keep_shadda,
                "dagger_alef_as_alef": config.dagger_alef_as_alef,
            },
            "alef": {"fold_hamza_seats": config.fold_hamza_seats},
        }.get(name, {})
        expected = function(expected, **kwargs)
    if config.unicode:
        expected = steps.nfc(expected)
        for name in ("letters", "alef", "yaa", "teh_marbuta"):
            if getattr(config, name):
                kwargs = {"fold_hamza_seats": config.fold_hamza_seats} if name == "alef" else {}
                expected = steps.STEPS[name](expected, **kwargs)
    assert arnorm.normalize(text, config) == expected


@given(any_text)
def test_never_raises_on_any_str(text: str) -> None:
    for config in arnorm.PROFILES.values():
        arnorm.normalize(text, config)
        arnorm.normalize_with_offsets(text, config)


def test_lone_surrogates_pass_through() -> None:
    assert arnorm.normalize("\ud800أ\udfff") == "\ud800ا\udfff"


@pytest.mark.parametrize("bad", [b"\xd8\xa3", 42, None])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expected str"):
        arnorm.normalize(bad)  # type: ignore[arg-type]


@given(texts, st.one_of(profiles, configs))
@example("ﺍ\u0654", arnorm.PROFILES["search"])
@example("e\u200d\u0301", arnorm.PROFILES["search"])
@example("a \u200bـــ b", arnorm.PROFILES["search"])
@example("\u0627\u0655\u0653 \u0627\u0653\u0655 \u0622\u0655", NormalizerConfig(alef=False))
def test_fast_plan_agrees_with_the_exact_plan(text: str, config: NormalizerConfig) -> None:
    normalizer = arnorm.Normalizer(config)
    assert normalizer(text) == normalizer._exact(text)
    fast, exact = normalizer.with_offsets(text), normalizer._exact_with_offsets(text)
    assert fast.text == exact.text
    n = len(fast.text)
    for i in range(n):
        assert fast.offsets.to_original(i, i + 1) == exact.offsets.to_original(i, i + 1)


@given(st.lists(arabic_text, max_size=6), st.one_of(profiles, configs))
def test_long_texts_are_normalized_in_pieces_with_the_same_result(
    lines: list[str], config: NormalizerConfig
) -> None:
    text = "\n".join(lines)
    normalizer = arnorm.Normalizer(config)
    whole = normalizer(text)
    whole_offsets = normalizer.with_offsets(text)
    with mock.patch.object(arnorm.normalizer, "PIECE", 3):
        assert normalizer(text) == whole
        pieces = normalizer.with_offsets(text)
    assert pieces.text == whole
    for i in range(len(whole)):
        assert pieces.offsets.to_original(i, i + 1) == whole_offsets.offsets.to_original(i, i + 1)


@given(arabic_text, st.data())
def test_offset_map_span_fast_path_equals_to_original(text: str, data: st.DataObject) -> None:
    norm, offsets = arnorm.normalize_with_offsets(text, arnorm.PROFILES["search"])
    if not norm:
        return
    start = data.draw(st.integers(0, len(norm) - 1))
    end = data.draw(st.integers(start + 1, len(norm)))
    assert offsets._span(start, end) == offsets.to_original(start, end)


@given(arabic_text, st.lists(st.integers(0, 200), max_size=12))
def test_word_offsets_in_any_order_equal_a_running_sum(text: str, asks: list[int]) -> None:
    from arnorm.matcher._walk import Words

    words = Words(arnorm.normalize(text, arnorm.PROFILES["search"]))
    parts = [p for pair in itertools.zip_longest(words.seps, words.tokens) for p in pair if p]
    total = list(itertools.accumulate(map(len, words._parts), initial=0))
    assert "".join(parts) == "".join(words._parts)
    for ask in asks:
        part = ask % len(total)
        assert words.offset(part) == total[part]


@given(st.lists(st.text(alphabet=st.sampled_from("ابتويؤئءىةهن"), min_size=1, max_size=9)))
def test_loose_keys_in_bulk_equal_one_by_one(words: list[str]) -> None:
    from arnorm.matcher._variants import loose, loose_many

    assert loose_many(words) == [loose(w) for w in words]


# (ی and ڤ are outside Windows-1256: the bulk encodings redo their words one by one)
ARABIC_WORDS = st.text(
    alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءؤئپگیڤ"), min_size=1
)


@given(st.lists(ARABIC_WORDS, max_size=8), ARABIC_WORDS, ARABIC_WORDS)
def test_fuzzy_index_keys_in_bulk_equal_one_by_one(words: list[str], a: str, b: str) -> None:
    from arnorm.matcher import _variants as mt

    assert mt.dotless_keys(words) == [mt.dotless_key(w) for w in words]
    assert mt.loose_keys(words) == [mt.key_bytes(mt.loose(w)) for w in words]
    # the byte skeletons tell words apart exactly as the letter skeletons do
    same = a.translate(mt.DOTLESS) == b.translate(mt.DOTLESS)
    assert (mt.dotless_key(a) == mt.dotless_key(b)) == same
    expected = {mt.key_bytes(a)} | {mt.key_bytes(d) for d in mt.deletions(a)}
    assert set(mt.deleted_keys(a)) == expected
    # every class's keys of a batch are each word's own keys
    for cls in mt.REGISTRY:
        batch = [w for w in words if len(w) >= cls.min_length]
        columns = list(cls.keys_many(batch))
        for i, word in enumerate(batch):
            got = {column[i] for column in columns} - {None}
            assert got == set(cls.keys(word))


@given(st.lists(st.text(alphabet=st.sampled_from("وفبكلالمدير"), min_size=1, max_size=8)))
def test_clitic_forms_in_bulk_hold_every_form_of_each_word(tokens: list[str]) -> None:
    from arnorm.matcher._morphology import strip_forms, strip_forms_many

    columns = strip_forms_many(tokens)
    assert columns[0] == tokens
    assert all(len(column) == len(tokens) for column in columns)
    for i, token in enumerate(tokens):
        made = {column[i] for column in columns}
        assert {form for form, _ in strip_forms(token)} <= made
