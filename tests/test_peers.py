"""arnorm against its peers: regressions on their verified errors, and differential tests.

``tests/data/peer_regressions.json`` holds inputs on which pyarabic, CAMeL Tools
or Lucene were seen to go wrong (see ``docs/decisions.rst``), with what the
``search`` profile must give.  The differential tests compare a step of
:mod:`arnorm.steps` with the pyarabic function that makes the same decision, on
text generated from an alphabet restricted to where the two decisions agree;
each test says why its alphabet is what it is.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm import steps

with warnings.catch_warnings():
    # pyarabic's sources hold invalid escape sequences ("\w"); compiling them
    # without a cached .pyc warns, which this suite otherwise turns into errors.
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    from pyarabic import araby, trans
    from pyarabic import normalize as pyarabic_normalize

DATA = Path(__file__).parent / "data"
RECORD_KEYS = {"label", "input", "expected", "comment"}


def _load(name: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    labels = [r["label"] for r in records]
    assert len(labels) == len(set(labels)), f"duplicate labels in {name}"
    return records


REGRESSIONS = _load("peer_regressions.json")
IDS = [r["label"] for r in REGRESSIONS]


@pytest.mark.parametrize("case", REGRESSIONS, ids=IDS)
def test_peer_regression(case: dict[str, Any]) -> None:
    assert set(case) == RECORD_KEYS, f"a record has exactly the keys {sorted(RECORD_KEYS)}"
    assert arnorm.normalize(case["input"]) == case["expected"], case["comment"]


@pytest.mark.parametrize("case", REGRESSIONS, ids=IDS)
def test_peer_regression_with_offsets(case: dict[str, Any]) -> None:
    result = arnorm.normalize_with_offsets(case["input"])
    assert result.text == case["expected"], case["comment"]
    assert result.offsets.to_original(0, len(result.text))[1] <= len(case["input"])


@pytest.mark.parametrize("case", REGRESSIONS, ids=IDS)
def test_peer_regression_expected_is_a_fixed_point(case: dict[str, Any]) -> None:
    assert arnorm.normalize(case["expected"]) == case["expected"]


# --------------------------------------------------------------------------
# Differential tests against pyarabic.
# --------------------------------------------------------------------------

# Arabic letters U+0621-063A and U+0641-064A: no tatweel, no marks, no
# presentation forms, nothing that NFC changes.
LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B)
)
TATWEEL = "\u0640"
#: The marks pyarabic's strip_tashkeel removes: U+064B-0652 (tanween, harakat, shadda, sukun).
TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653))
SEPARATORS = (" ", "  ", "\t", "\n", "\r\n", "\u00a0")

# Any str at all, with the letters these steps touch made frequent.
any_text = st.text(
    st.one_of(st.sampled_from("ةهتىيا٠٩۰۹0"), st.characters(exclude_categories=[])),
    max_size=60,
)


def _words(letters: str, extra: str, *, min_letters: int = 0) -> st.SearchStrategy[str]:
    """Words over *letters* + *extra* with at least *min_letters* letters, separated by spaces."""
    pieces = st.text(st.sampled_from(letters + extra), max_size=8)
    word = st.tuples(pieces, st.text(st.sampled_from(letters), min_size=min_letters), pieces)
    return st.lists(st.tuples(word.map("".join), st.sampled_from(SEPARATORS)), max_size=12).map(
        lambda parts: "".join(w + sep for w, sep in parts)
    )


# pyarabic removes every U+0640; arnorm also removes a word made only of
# tatweel together with the space before it (pyarabic leaves two spaces
# there).  So every generated word has at least one letter.
@given(_words(LETTERS, TATWEEL, min_letters=1))
@example("الإمـــارات ـب بـ")
def test_tatweel_agrees_with_pyarabic_strip_tatweel(text: str) -> None:
    assert steps.tatweel(text) == araby.strip_tatweel(text)


# Both fold exactly U+0629 to U+0647 and nothing else, so no restriction is needed.
@given(any_text)
@example("المديرية العامة")
def test_teh_marbuta_agrees_with_pyarabic_normalize_teh(text: str) -> None:
    assert steps.teh_marbuta(text) == araby.normalize_teh(text)


# pyarabic's normalize_spellerrors folds ة and ى exactly as arnorm's teh_marbuta
# and yaa do, so no restriction is needed.
@given(any_text)
@example("اشترت سلمى دمية")
def test_yaa_and_teh_marbuta_agree_with_pyarabic_normalize_spellerrors(text: str) -> None:
    assert steps.yaa(steps.teh_marbuta(text)) == pyarabic_normalize.normalize_spellerrors(text)


# Only the marks both remove: strip_tashkeel leaves U+0653-0655, U+0670,
# U+0610-061A and the Quranic marks, which arnorm removes; so the alphabet is
# letters, the eight marks U+064B-0652 and separators.
@given(_words(LETTERS, TASHKEEL))
@example("اهتماماً شكّل الْعَرَبِيَّةُ")
def test_diacritics_agrees_with_pyarabic_strip_tashkeel(text: str) -> None:
    assert steps.diacritics(text) == araby.strip_tashkeel(text)


# pyarabic's normalize_alef also turns ى (U+0649) and U+0670 into ا, which
# arnorm never does, and skips ٲ ٳ ٵ (U+0672, U+0673, U+0675), which arnorm
# folds; so those are left out, and ٱ آ أ إ are added to the letters.
ALEF_LETTERS = LETTERS.replace("\u0649", "") + "\u0671"


@given(_words(ALEF_LETTERS, ""))
@example("أحمد إلي آسيا ٱلله مسؤول رئيس")
def test_alef_agrees_with_pyarabic_normalize_alef(text: str) -> None:
    assert "\u0649" not in text
    assert steps.alef(text) == araby.normalize_alef(text)


# Both turn U+0660-0669 and U+06F0-06F9 into 0-9 and touch nothing else
# (not ٫ or ٬), so no restriction is needed.
@given(any_text)
@example("٢٠٢٤ و۱۴۰۳ ٣٫٥")
def test_digits_agrees_with_pyarabic_normalize_digits(text: str) -> None:
    assert steps.digits(text) == trans.normalize_digits(text, source="all", out="west")


# Of the lam-alef ligatures, only U+FEFB (no hamza, isolated) is expanded the
# same way: pyarabic drops the hamza or madda of U+FEF5, U+FEF7 and U+FEF9 and
# keeps the four final forms.  Letters are plain so that NFC, which arnorm's
# unicode step applies, changes nothing else.
@given(_words(LETTERS, "\ufefb"))
@example("\ufefbمن \ufefbجئ")
def test_unicode_agrees_with_pyarabic_normalize_ligature_on_plain_lam_alef(text: str) -> None:
    assert steps.unicode(text) == araby.normalize_ligature(text)
