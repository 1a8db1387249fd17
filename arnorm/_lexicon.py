"""A large lexicon of Arabic word forms, to tell real words from misspelt names.

The shipped file ``lexicon-ar.txt.xz`` (built by ``tools/gen_lexicon.py`` from
wordfreq's large Arabic list: about half a million forms, normalized with the
``search`` profile) is read once per process, on first use, through the
checksummed reader of the shipped data files.  It is kept as its decompressed
UTF-8 text, about 7 MB, and searched in place: the words are grouped by length,
each group sorted, and every letter of the normalized alphabet takes two bytes,
so a group is a run of fixed-width records that a binary search reads without
splitting the text into half a million strings.

>>> known("اتينا"), known("اثينا")   # "we gave" is a word; Athens is too
(True, True)
>>> sorted(known_many(["صدوا", "زززق"]))
['صدوا']
"""

from __future__ import annotations

import bisect
import lzma
import re
import threading
from collections.abc import Iterable
from typing import Final, NamedTuple

from .gazetteer import GazetteerError, _read_data_file

__all__ = ["FILE", "known", "known_many", "load"]

#: The shipped file, under the data directory (checksummed in ``index.json``).
FILE: Final = "lexicon-ar.txt.xz"
#: The line that heads a group: its word length in letters and its number of words.
_GROUP: Final = re.compile(rb"# (\d+) letters: (\d+) words")
#: Bytes a letter of a lexicon word takes in UTF-8 (U+0621 to U+064A: two each).
_LETTER_BYTES: Final = 2


class _Lexicon(NamedTuple):
    """The decompressed text and, by word length in bytes, where its group starts and its size."""

    text: bytes
    groups: dict[int, tuple[int, int]]


_LOADED: _Lexicon | None = None
_LOCK = threading.Lock()


def _parse(text: bytes) -> _Lexicon:
    """Find the groups of *text*; a :class:`GazetteerError` if it is not a lexicon."""
    groups: dict[int, tuple[int, int]] = {}
    pos, size = 0, len(text)
    while pos < size:
        end = text.find(b"\n", pos)
        if text[pos : pos + 1] != b"#" or end < 0:
            raise GazetteerError(f"{FILE}: byte {pos}: a comment or group line was expected")
        header = _GROUP.fullmatch(text, pos, end)
        pos = end + 1
        if header is None:
            continue  # a comment
        letters, count = int(header[1]), int(header[2])
        length = letters * _LETTER_BYTES
        width = length + 1  # the word and its line break
        stop = pos + count * width
        if length in groups or stop > size or text[stop - 1 : stop] != b"\n":
            raise GazetteerError(
                f"{FILE}: byte {pos}: the group of {letters}-letter words is not {count} lines"
                f" of {letters} letters"
            )
        groups[length] = (pos, count)
        pos = stop
    return _Lexicon(text, groups)


def _lexicon() -> _Lexicon:
    """The lexicon, read and checked on first use (once per process, also across threads)."""
    global _LOADED
    loaded = _LOADED
    if loaded is None:
        with _LOCK:
            loaded = _LOADED
            if loaded is None:
                try:
                    text = lzma.decompress(_read_data_file(FILE))
                except lzma.LZMAError as exc:
                    raise GazetteerError(f"{FILE}: not a whole xz file ({exc})") from None
                loaded = _LOADED = _parse(text)
    return loaded


def _has(lexicon: _Lexicon, word: bytes) -> bool:
    group = lexicon.groups.get(len(word))
    if group is None:
        return False
    start, count = group
    text, width = lexicon.text, len(word) + 1
    i = bisect.bisect_left(
        range(count), word, key=lambda k: text[start + k * width : start + k * width + width - 1]
    )
    at = start + i * width
    return i < count and text[at : at + width - 1] == word


def load() -> None:
    """Read the lexicon now, if no call has yet (a matcher does when it is built, so that
    the time it takes is the build's, not the first text's)."""
    _lexicon()


def known(word: str) -> bool:
    """Whether *word* (normalized with the ``search`` profile) is a word form of the lexicon.

    A word that is not made of Arabic letters alone (hamza to yeh) is never in it.

    >>> known("نراك"), known("نيويورك"), known("Paris")
    (True, True, False)
    """
    return _has(_lexicon(), word.encode("utf-8"))


def known_many(words: Iterable[str]) -> set[str]:
    """The words of *words* that :func:`known` says are in the lexicon.

    >>> sorted(known_many(["سيروا", "سيروا", "قخقخقخ"]))
    ['سيروا']
    """
    lexicon = _lexicon()
    return {w for w in set(words) if _has(lexicon, w.encode("utf-8"))}
