"""The matcher build's bulk steps give what their one-at-a-time definitions give.

The third round of issue 10 made parts of the build passes in C over all the aliases or
all the words at once: the words and prefixes of the keys collected from the keys at the
end, the one-edit keys cut from the words' bytes, the aliases' word keys from one
normalization, the people's given names from one. Each is checked here against the
plain definition it replaced, by structure, not by timing.
"""

from __future__ import annotations

import array

from hypothesis import given
from hypothesis import strategies as st

from arnorm.gazetteer import Entry, Source
from arnorm.matcher import _variants as mt
from arnorm.matcher._core import _search_normalizer
from arnorm.matcher._index import (
    given_names,
    own_given_names,
    people_given_names,
    prefixes_of,
    word_keys,
    words_of,
)
from arnorm.matcher._morphology import TOKEN

#: Letters of Windows-1256 and a few outside it (ڤ ڨ ۋ), which take the slow path.
LETTERS = "ابتجدسعلمنهويةىءڤڨۋ"
words_st = st.text(alphabet=LETTERS, min_size=1, max_size=12)
keys_st = st.lists(st.lists(words_st, min_size=1, max_size=4).map(" ".join), max_size=30)


@given(keys_st)
def test_words_and_prefixes_of_the_keys(keys: list[str]) -> None:
    words: dict[str, None] = {}
    prefixes: set[str] = set()
    for key in dict.fromkeys(keys):  # (the keys of the index, in the order filed)
        units = key.split(" ")
        words.update(dict.fromkeys(units))
        prefixes.update(" ".join(units[:i]) for i in range(1, len(units)))
    assert words_of(dict.fromkeys(keys)) == list(words)
    assert prefixes_of(dict.fromkeys(keys)) == prefixes


@given(st.lists(words_st, max_size=30), st.sampled_from([-1, 0, 1]))
def test_the_one_edit_keys_cut_from_bytes(words: list[str], delta: int) -> None:
    lengths = [len(w) + delta for w in words]
    columns = list(mt._edit_columns(words, lengths))
    assert len(columns) == 3
    for c, column in enumerate(columns):
        assert column == [
            mt.key_bytes(mt._edit_strings(w, n)[c]) for w, n in zip(words, lengths, strict=True)
        ]


@given(st.lists(st.text(alphabet=LETTERS + " -،.\n", max_size=20), max_size=20))
def test_word_keys_are_the_spaced_words(strings: list[str]) -> None:
    normalizer = _search_normalizer()
    expected = [" ".join(TOKEN.findall(normalizer(s))) for s in strings]
    assert word_keys(normalizer, strings) == expected


def test_the_given_names_of_people_from_one_normalization() -> None:
    source = (Source("s"),)
    people = [
        Entry("a", "person", "عبد اللطيف حموشي", "A", source, aliases=("عبداللطيف الحموشي",)),
        Entry("b", "person", "الشيخ تميم", "B", source, aliases=("تميم بن حمد",)),
        Entry("c", "person", "علي", "C", source, abbreviations=("ع.",)),
        Entry("a", "person", "أحمد حموشي", "A2", source),  # an id twice: names joined
    ]
    normalizer = _search_normalizer()
    given_, own = people_given_names(people, normalizer)
    assert given_ == given_names(people, normalizer)
    assert dict(own) == dict(own_given_names(people, normalizer))
    assert given_ == {"عبد", "علي", "احمد"}
    assert own["a"] == {"عبد", "عبداللطيف", "احمد"}
    assert own["b"] == {"تميم"}
    assert own["c"] == {"علي", "ع"}


@given(st.lists(st.integers(min_value=0, max_value=(1 << 56) - 1), max_size=200))
def test_a_screen_has_the_bit_of_each_key_hash(values: list[int]) -> None:
    table = array.array("Q", sorted(values))
    bits = bytearray(1 << (mt.SCREEN_BITS - 3))
    for value in table:  # the plain definition
        top = value >> (mt.INDEX_BITS + mt.SCREEN_SHIFT)
        bits[top >> 3] |= 1 << (top & 7)
    assert mt.screen_of(table) == bytes(bits)
