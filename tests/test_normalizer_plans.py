"""The byte plan's shortcuts give the exact plan's text and offsets (issue 10, part 2).

Each case below takes one of the shortcuts that keep the fixed cost of a call
low -- presentation forms put in as their letters' bytes while encoding, a
character reference that the text holds of its own, the first run of spaces
found before collapsing, tatweel looked at one by one or all at once -- next
to what makes the shortcut wrong if it is taken carelessly.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm import Normalizer, NormalizerConfig, normalizer

SEARCH = arnorm.PROFILES["search"]
LIGHT = arnorm.PROFILES["light"]
#: Presentation forms of letters, as text extracted from a PDF holds them.
PDF_WORD = "\ufedf\ufe8e\ufe91\ufee8\ufe8e\ufee5"  # ﻟﺎﺑﻨﺎﻥ
#: Bytes to spaces and letters, half and half.
SPACE_OR_A = bytes(0x20 if b % 2 else 0x61 for b in range(256))
NEWS = "قال المدير العام للأمن الوطني إن الوفد زار الرباط.\n"

CASES = {
    "lam-alef before a mark the configuration keeps": "\ufef7\u0660\u0660\u064b " + NEWS,
    "presentation forms of letters only": NEWS + PDF_WORD + " " + NEWS,
    "presentation forms and an emoji": NEWS + PDF_WORD + " \U0001f602 " + PDF_WORD + NEWS,
    "a presentation form before a composing hamza": NEWS + "\ufe8d\u0654 " + PDF_WORD,
    "a presentation form before a composing madda": "\ufe8e\u0653" + NEWS + "\ufeed\u0654",
    "the text's own character reference": NEWS + "&#1580; " + PDF_WORD + " &#x41; &#",
    "a reference cut short before a real one": "&#12" + PDF_WORD + "&#;" + "\U0001f602;",
    "a bare ampersand and hash at the end": PDF_WORD + "&#",
    "NUL beside a presentation form": "ب\x00" + PDF_WORD,
    "space runs of every length": NEWS + "a  b   c     d\u00a0 \u2009e" + NEWS,
    "a space run at the start and the end": "  " + NEWS + "   ",
    "a few tatweel, one a word": NEWS + "ـ الإمـــارات ـــ " + NEWS,
    "many tatweel, some words": (NEWS + "ـ الإمـــارات ـــ \u200cـ\u200c ") * 12,
    "tatweel at the very end": NEWS + " ـ",
}


@pytest.mark.parametrize("config", [SEARCH, LIGHT, NormalizerConfig(fold_hamza_seats=True)])
@pytest.mark.parametrize("name", list(CASES))
def test_shortcuts_give_the_exact_plan(name: str, config: NormalizerConfig) -> None:
    text = CASES[name]
    normalizer = Normalizer(config)
    exact = normalizer._exact_with_offsets(text)
    assert normalizer(text) == exact.text
    fast = normalizer.with_offsets(text)
    assert fast.text == exact.text
    for i in range(len(exact.text) + 1):
        assert fast.offsets.to_original(i, min(i + 1, len(exact.text))) == (
            exact.offsets.to_original(i, min(i + 1, len(exact.text)))
        )


def test_presentation_forms_of_letters_need_no_character_kept_aside() -> None:
    plan = Normalizer(SEARCH)._bytes
    assert plan is not None
    data, outside = plan[0]._encode_outside(NEWS + PDF_WORD + "\ufefb", wide=True) or (
        b"",
        ["unencoded"],
    )
    assert outside == []
    assert b"\x00" not in data
    # one byte a character (as offsets and sites need): lam-alef is kept aside
    data, outside = plan[0]._encode_outside(PDF_WORD + "\ufefb", wide=False) or (b"", [])
    assert outside == ["\ufefb"]
    # with a composing hamza on the page and in the text, they are kept aside
    data, outside = plan[0]._encode_outside(PDF_WORD + "\u0654", wide=True) or (b"", [])
    assert "".join(outside) == PDF_WORD


def test_a_reference_the_text_holds_is_read_as_text() -> None:
    plan = Normalizer(SEARCH)._bytes
    assert plan is not None
    text = "&#1580;" + PDF_WORD + "\U0001f602"
    data, outside = plan[0]._encode_outside(text, wide=True) or (b"", [])
    assert data.startswith(b"&#1580;")
    assert outside == [*PDF_WORD, "\U0001f602"]
    assert arnorm.normalize(text) == "&#1580;لابنان\U0001f602"


@given(st.binary(max_size=200).map(lambda b: b.translate(SPACE_OR_A)))
@example(b"a  " * 20)
@example(b"   " + b"a " * 3 + b"a    a" * 12 + b"  ")
def test_space_runs_collapse_as_one_substitution_does(data: bytes) -> None:
    assert normalizer._collapse_spaces(data) == re.sub(b" {2,}", b" ", data)
