"""The shadda as evidence: عمّان is Amman, عمان may be Oman.

Folding drops the vowel marks, so عمّان (Amman) and عُمان (Oman) are one key.  When
a text writes a shadda inside a name that fits several entries, and the gazetteer
writes an alias of one of them with a shadda on the same letter, the text has
told which one it means.  This module finds the letters a shadda sits on, in a
gazetteer's aliases and in a span of text.

>>> sorted(shadda_letters("عمّان")), sorted(shadda_letters("بِعَمَّانَ"))
([1], [2])
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable
from typing import Final

from ..gazetteer import Entry

#: U+0651 ARABIC SHADDA: the letter before it is doubled.
SHADDA: Final = "\u0651"
#: The letters a shadda may sit on (hamza to yeh, and the extended Arabic letters).
_LETTER: Final = re.compile("[\u0621-\u064a\u0671-\u06d3]")

#: For each entry with an alias written with a shadda: its folded alias, and the
#: letters (counted from 0) the shaddas of each such spelling sit on.
Marked = dict[str, dict[str, tuple[frozenset[int], ...]]]


def shadda_letters(text: str) -> frozenset[int]:
    """The letters of *text* (counted from 0, marks and other characters aside) that
    carry a shadda."""
    out: set[int] = set()
    letters = -1
    for char in text:
        if char == SHADDA:
            if letters >= 0:
                out.add(letters)
        elif _LETTER.fullmatch(char):
            letters += 1
    return frozenset(out)


def marked_aliases(entries: Iterable[Entry], fold: Callable[[str], str]) -> Marked:
    """The aliases written with a shadda, by entry: folded alias -> the shadda letters."""
    out: Marked = {}
    entries = list(entries)
    written = itertools.chain(
        map(operator.attrgetter("name"), entries),
        itertools.chain.from_iterable(map(operator.attrgetter("aliases"), entries)),
        itertools.chain.from_iterable(map(operator.attrgetter("abbreviations"), entries)),
    )
    if SHADDA not in "\n".join(written):
        return out  # the usual case: no surface has a shadda (one test in C)
    for entry in entries:
        for surface in entry.surfaces:
            if SHADDA not in surface:
                continue
            spellings = out.setdefault(entry.id, {})
            key = fold(surface)
            letters = shadda_letters(surface)
            if letters not in spellings.get(key, ()):
                spellings[key] = (*spellings.get(key, ()), letters)
    return out


def supported(marked: Marked, entry_id: str, key: str, written: frozenset[int]) -> bool:
    """Whether an alias of *entry_id* folded to *key* has a shadda on every letter of
    *written* (the text may mark fewer letters than the gazetteer does)."""
    return any(written <= letters for letters in marked.get(entry_id, {}).get(key, ()))
