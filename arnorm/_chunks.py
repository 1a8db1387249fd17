r"""Where a long text may be cut, so that each piece is normalized and matched on its own.

One rule for every place that cuts text (the normalizer's pieces, the command
line's chunks, the matcher's windows).  A *cut* at index ``i`` of a text may
fall:

1. after a line feed (``text[i - 1] == "\n"``, so CR LF stays whole), or else
2. after a horizontal space, before the first character of a word: one that
   is not a space or line break, not a combining or other mark, not a format
   character, not tatweel, and that no step of any configuration deletes,
   turns into a space or a mark, or composes with what comes before it.

A cut never falls inside a word, nor inside a grapheme cluster.  Normalizing
the pieces one by one gives exactly what normalizing the whole text gives, for
every :class:`~arnorm.NormalizerConfig`, offsets included: no step looks across
a line feed, and on either side of a space before a word start nothing can
join (a run of spaces ends at it, a word of tatweel is closed by it, NFC
composes nothing with a space).

>>> last_cut("قال الوزير\nإن الوفد", 15)
11
>>> last_cut("قال الوزير إن الوفد", 15)
14
>>> list(pieces("قال الوزير إن الوفد زار الرباط", 12))
['قال الوزير ', 'إن الوفد ', 'زار الرباط']
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from typing import Final

import regex

from . import _tables, steps

__all__ = ["last_cut", "next_cut", "pieces", "space_cuts"]

#: A piece ends at its last cut past ``1 / _REACH`` of its size (its second
#: half); without one there, at the first cut after its size.
_REACH: Final = 2


@functools.cache
def _not_a_word_start() -> str:
    """The body of a character class: what may not follow a space at a cut."""
    from .normalizer import NormalizerConfig  # (the normalizer imports this module)

    marks = r"\p{M}\p{Cf}\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\s"
    options = [f.name for f in dataclasses.fields(NormalizerConfig) if f.name not in steps.STEPS]
    bad = regex.compile(f"[{marks}]")
    chars = set(steps.HORIZONTAL_SPACES + steps.LINE_BREAKS + steps.TATWEEL)
    for name in steps.STEP_NAMES:
        for flag in (False, True):
            for key, value in steps.char_map(name, **dict.fromkeys(options, flag)).items():
                if not value or value[0] in chars or bad.match(value):
                    chars.add(key)
    # NFC changes these few; leave them all out rather than follow each
    for lo, hi in _tables.NFC_CHANGING_RANGES:
        chars.update(map(chr, range(lo, hi + 1)))
    return marks + "".join(regex.escape(c) for c in sorted(chars))


@functools.cache
def _space_cut(reverse: bool) -> regex.Pattern[str]:
    """A space before a word start (the cut is at the end of the match)."""
    flag = "(?r)" if reverse else ""
    spaces = regex.escape(steps.HORIZONTAL_SPACES)
    return regex.compile(f"{flag}[{spaces}](?=[^{_not_a_word_start()}])")


def last_cut(text: str, end: int, start: int = 0) -> int:
    r"""The last cut of *text* in ``start + 1 .. end``; ``-1`` if there is none.

    A cut after a line feed is taken over any cut after a space.

    >>> last_cut("a b\nc d e", 9)
    4
    >>> last_cut("a b\nc d e", 9, 4)
    8
    >>> last_cut("abc", 3)
    -1
    """
    end = min(end, len(text))
    line = text.rfind("\n", start, end)
    if line >= 0:
        return line + 1
    return next(space_cuts(text, start, end), -1)


def next_cut(text: str, at: int) -> int:
    r"""The first cut of *text* at or after *at*; ``-1`` if there is none.

    >>> next_cut("a b\nc d", 3)
    4
    >>> next_cut("a  b", 1)
    3
    """
    at = max(at, 1)
    line = text.find("\n", at - 1)
    limit = line + 1 if line >= 0 else len(text)
    match = _space_cut(False).search(text, at - 1, limit)
    if match is not None and match.end() >= at:
        return match.end()
    return line + 1 if line >= 0 else -1


def pieces(text: str, size: int) -> Iterator[str]:
    r"""Cut *text* into pieces of at most about *size* characters, at cuts.

    Each piece ends at the last cut that keeps it within *size* (a line feed
    in its second half first, then a space); without one there, at the
    first cut after it.  A text with no cut at all is one piece.  The pieces
    concatenate to *text*; none is empty (but the one piece of an empty text).

    >>> list(pieces("ab\ncd ef gh", 4))
    ['ab\n', 'cd ', 'ef ', 'gh']
    """
    if size < 1:
        raise ValueError(f"the size of a piece must be at least 1, not {size}")
    start = 0
    n = len(text)
    while n - start > size:
        end = last_cut(text, start + size, start + size // _REACH)
        if end <= start:
            end = next_cut(text, start + size)
            if end < 0:
                break
        yield text[start:end]
        start = end
    if start < n or not n:
        yield text[start:]


def space_cuts(text: str, start: int, end: int) -> Iterator[int]:
    r"""The cuts after a space in *text*, from ``start + 1`` to *end*, the last first.

    >>> list(space_cuts("ab  cd ef", 0, 9))
    [7, 4]
    """
    end = min(end, len(text))
    # (the look at the character after a space reaches one past *end*)
    for match in _space_cut(True).finditer(text, start, min(len(text), end + 1)):
        if match.end() <= end:
            yield match.end()
