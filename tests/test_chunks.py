"""One rule for cutting a long text (code review, duplication item 3): arnorm._chunks.

Properties, on text made of every kind of character a cut could separate
badly: the pieces give the whole text back; a cut falls only after a line feed
or after a space, never inside a word or a grapheme cluster; normalizing the
pieces one by one gives the whole text's result and offsets, for any
configuration; :func:`last_cut` finds the last cut there is; a piece outgrows
its size only when there is no cut to end it sooner.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Normalizer, NormalizerConfig, _align, _chunks, steps

#: Letters (some that the folds merge), marks, tatweel, spaces, line breaks,
#: invisible and format characters, presentation forms that become letters,
#: marks, tatweel or a space and a mark, Quranic marks, an emoji ZWJ sequence,
#: a skin tone, flags, a Hangul jamo pair, Latin with a combining accent.
ALPHABET = (
    "ابتلمنهويءآأؤإئىة"
    "\u064b\u064e\u0651\u0652\u0653\u0654\u0670\u06d6\u06de\u06dd"
    "\u0640"
    "   \t\u00a0\u2009\u3000"
    "\n\r\u2028"
    "\u200b\u200c\u200d\u200f\ufeff\u00ad\u0600"
    "\ufe8d\ufefb\ufdf2\ufe70\ufe71\ufe76\ufe7c"
    "\U0001f469\U0001f3fb\U0001f1f2\U0001f1e6\u1100\u1161"
    "aAe\u0301\u212b0٠"
)
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80)
configs = st.one_of(
    st.sampled_from(list(arnorm.PROFILES.values())),
    st.builds(
        NormalizerConfig, **{f.name: st.booleans() for f in dataclasses.fields(NormalizerConfig)}
    ),
)


def cut_positions(chunks: list[str]) -> list[int]:
    return list(itertools.accumulate(map(len, chunks)))[:-1]


def cluster_bounds(text: str) -> set[int]:
    return {0, *itertools.accumulate(len(c) for c in regex.findall(r"\X", text))}


@given(texts, st.integers(1, 12))
@example("ab \u200dc", 2)
@example("ab \U0001f3fb c", 2)
@example("a\r\nb", 1)
def test_pieces_give_the_text_back_and_cut_only_after_a_line_feed_or_a_space(
    text: str, size: int
) -> None:
    chunks = list(_chunks.pieces(text, size))
    assert "".join(chunks) == text
    assert all(chunks) or chunks == [""] == [text]
    bounds = cluster_bounds(text)
    for at in cut_positions(chunks):
        assert text[at - 1] == "\n" or text[at - 1] in steps.HORIZONTAL_SPACES
        if text[at - 1] != "\n":  # before the first character of a word
            assert text[at] not in steps.HORIZONTAL_SPACES + steps.LINE_BREAKS + steps.TATWEEL
        assert at in bounds  # never inside a grapheme cluster


@given(texts, configs, st.integers(1, 8))
@settings(max_examples=300, deadline=None)
@example("x  \u064e  y", NormalizerConfig(), 1)  # a mark between two space runs
@example("x \u200c y", arnorm.PROFILES["light"], 1)  # a removed character between spaces
@example("x \ufe70 y", NormalizerConfig(), 1)  # a form that becomes a space and a mark
@example("x \u06de y", NormalizerConfig(), 1)  # a Quranic sign that a step removes
@example("a ـ b", NormalizerConfig(), 1)  # a word of tatweel between two spaces
@example("\nـ  y", NormalizerConfig(), 1)  # a word of tatweel at the start of a line
@example("ب ببب", NormalizerConfig(elongation=True), 1)
def test_pieces_normalize_like_the_whole_text(
    text: str, config: NormalizerConfig, size: int
) -> None:
    normalizer = Normalizer(config)
    whole = normalizer._exact_with_offsets(text)
    # each piece on its own by the exact plan; the offsets joined as
    # Normalizer.with_offsets joins those of its pieces
    outputs: list[str] = []
    offsets, add = _align.offset_map_builder()
    for piece in _chunks.pieces(text, size):
        out, segments = normalizer._exact_segments(piece)
        outputs.append(out)
        add(segments)
    assert "".join(outputs) == whole.text
    for i in range(len(whole.text) + 1):
        assert offsets.to_original(i, i) == whole.offsets.to_original(i, i)
        if i < len(whole.text):
            assert offsets.to_original(i, i + 1) == whole.offsets.to_original(i, i + 1)


@given(texts, st.data())
def test_last_cut_is_the_last_place_a_cut_may_fall(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    # where a cut may fall, one place at a time
    allowed = [i for i in range(start + 1, end + 1) if _chunks.last_cut(text, i, i - 1) == i]
    lines = [i for i in allowed if text[i - 1] == "\n"]
    expected = (lines or allowed or [-1])[-1]
    assert _chunks.last_cut(text, end, start) == expected
    if expected > 0 and not lines:
        assert list(_chunks.space_cuts(text, start, end)) == allowed[::-1]
    first = [i for i in range(end, len(text) + 1) if _chunks.last_cut(text, i, i - 1) == i]
    assert _chunks.next_cut(text, max(end, 1)) == (
        min([i for i in first if i >= max(end, 1)], default=-1)
    )


@given(texts, st.integers(1, 12))
def test_a_piece_outgrows_its_size_only_without_a_cut_to_end_it(text: str, size: int) -> None:
    start = 0
    for chunk in _chunks.pieces(text, size):
        if len(chunk) > size:
            assert _chunks.last_cut(text, start + size, start + size // 2) == -1
        start += len(chunk)


def test_words_are_never_cut_and_long_words_stay_whole() -> None:
    word = "المديرية" * 50
    assert list(_chunks.pieces(word, 10)) == [word]
    line = " ".join([word] * 3)
    assert list(_chunks.pieces(line, 10)) == [word + " ", word + " ", word]


def test_a_line_feed_is_taken_over_a_later_space() -> None:
    text = "قال الوزير\nإن الوفد زار الرباط"
    assert _chunks.last_cut(text, len(text)) == text.index("\n") + 1
    assert _chunks.last_cut(text, len(text), text.index("\n") + 1) == text.rindex(" ") + 1


def test_a_size_below_one_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(_chunks.pieces("abc", 0))


def test_a_text_ending_at_a_cut_has_no_empty_last_piece() -> None:
    assert list(_chunks.pieces("0\n", 1)) == ["0\n"]
    assert list(_chunks.pieces("ab \ncd\n", 2)) == ["ab \n", "cd\n"]
    assert list(_chunks.pieces("", 1)) == [""]
