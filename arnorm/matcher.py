"""Find officials, agencies, organisations and places in Arabic text, however spelled.

The matcher folds both the gazetteer's aliases and the text with the ``search``
profile, splits them into words, and looks the text's words up in an index of
the aliases' words.  A text word may carry proclitics (و ف ب ك ل and their
combinations, ل with the article fused as لل); name particles (عبد، أبو، ابن،
بن، آل …) are joined to the word after them on both sides, so عبد اللطيف and
عبداللطيف are one key.  Words that are not found exactly are looked up, in this
order, by their long-vowel skeleton (هاينز / هينز), their dotless skeleton
(الزعابي / الزعاني) and one edit (long words only); those lookups are gated by
word length and by a list of frequent Arabic words, and score lower than an
exact match.  Matches never start or end inside a word: مصر is not found in
المصرف, nor تونس in التونسية.

>>> m = Matcher()
>>> [(x.text, x.id, x.method) for x in m.find("استقبل عبداللطيف حموشي بالرباط")]
[('عبداللطيف حموشي', 'person-abdellatif-hammouchi', 'exact'), ('الرباط', 'ma-rabat', 'exact')]
>>> [x.text for x in m.find("المصرف التونسية")]
[]
"""

from __future__ import annotations

import array
import bisect
import dataclasses
import functools
import io
import itertools
import os
import pickle
import re
import threading
import warnings
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, Literal, NamedTuple, NoReturn

from ._align import OffsetMap
from ._io import AtomicFile
from .gazetteer import (
    ENTRY_TYPES,
    Entry,
    EntryType,
    Gazetteer,
    GazetteerError,
    Role,
    Source,
    _read_data_file,
    available_gazetteers,
    common_word_aliases,
    load_gazetteer,
    safe_word_aliases,
)
from .normalizer import Normalizer, NormalizerConfig

__all__ = [
    "METHODS",
    "SCORES",
    "AliasNeedingEvidence",
    "Candidate",
    "EvidenceWarning",
    "Match",
    "Matcher",
    "aliases_needing_evidence",
    "frequent_words",
]

#: How much each way of matching a word or a name multiplies the score by.
#: A match's score is the product over its words and its alias kind.
SCORES: Final[dict[str, float]] = {
    "exact": 1.0,
    "abbreviation": 0.95,
    "variant": 0.9,
    "dots": 0.8,
    "edit": 0.7,
    "context": 0.7,
    "surname": 0.6,
    "surname-confirmed": 0.9,
}
#: The methods a :class:`Match` may report, alone or joined with ``+``.
METHODS: Final = ("exact", "abbreviation", "variant", "dots", "edit", "context", "surname")

#: Proclitics stripped from the first word of a name: conjunction, preposition, both.
_PROCLITICS: Final = ("وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل")
#: Name particles joined to the word after them (normalized: آل is ال).
_PARTICLES: Final = frozenset({"عبد", "ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ال", "ذو"})
#: Words just before a common-word alias that show it is meant as a name, by entry
#: type (normalized).  Agencies and people have none: an alias such as الشرطة or
#: الأمن الوطني names the body of any country, so it is never reported alone.
_CUES: Final[dict[str, frozenset[str]]] = {
    "place": frozenset(
        {"منطقه", "دول", "بلدان", "مدينه", "اقليم", "عاصمه", "ولايه", "محافظه", "حوض"}
        | {"شمال", "جنوب", "شرق", "غرب", "وسط", "مياه", "سواحل", "امن", "استقرار"}
    ),
    "organization": frozenset(
        {"تنظيم", "جماعه", "حركه", "عناصر", "زعيم", "مقاتلي", "مسلحي", "فرع", "قاده"}
        | {"قياده", "معاقل", "خلايا", "خليه", "امير"}
    ),
}
#: The longest a cue can be, with its clitics.
_LONGEST_CUE: Final = max(len(w) for words in _CUES.values() for w in words) + 3
#: Entry types whose common-word alias is also shown a name by a list of others of its type
#: (بالخليج أو أوربا); for the other types only a cue just before it counts.
_LIST_EVIDENCE: Final = frozenset({"place"})
#: Conjunctions between the items of a list of names.
_CONJUNCTIONS: Final = frozenset({"و", "او", "ثم"})
#: Letters whose dots are the only thing telling them apart, mapped to one shape.
_DOTLESS: Final = str.maketrans(
    {
        "ب": "ٮ",
        "ت": "ٮ",
        "ث": "ٮ",
        "ن": "ٮ",
        "ي": "ٮ",
        "ى": "ٮ",
        "ج": "ح",
        "خ": "ح",
        "ذ": "د",
        "ز": "ر",
        "ش": "س",
        "ض": "ص",
        "ظ": "ط",
        "غ": "ع",
        "ق": "ف",
        "ة": "ه",
    }
)


def _dotless_bytes() -> bytes:
    """:data:`_DOTLESS` as a table of Windows-1256 bytes (for ``bytes.translate``).

    A shape with no byte of its own (ٮ) is written as the first letter that
    folds to it; only equality of skeletons matters.
    """
    table = bytearray(range(256))
    shapes: dict[str, str] = {}
    for code, shape in _DOTLESS.items():
        letter = chr(code)
        try:
            shape.encode("cp1256")
        except UnicodeEncodeError:
            shape = shapes.setdefault(shape, letter)
        table[letter.encode("cp1256")[0]] = shape.encode("cp1256")[0]
    return bytes(table)


_DOTLESS_BYTES: Final = _dotless_bytes()
#: Hamza seats folded before the long-vowel skeleton is taken.
_SEATS: Final = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None, "ى": "ي"})
#: Inside a word, the long vowels and (through their seats) the hamzas all go.
_INNER_VOWELS: Final = str.maketrans(dict.fromkeys("اويؤئءى"))
#: At either end of a word a hamza seat is folded, not dropped.
_SEAT_OF: Final = {"ؤ": "و", "ئ": "ي", "ء": "", "ى": "ي"}
#: Minimum word lengths (in letters) for each fuzzy lookup.
_MIN_VARIANT = 4
_MIN_DOTS = 4
_MIN_DOTS_ALONE = 5
_MIN_EDIT = 8
_MIN_EDIT_ALONE = 8
_TOKEN: Final = re.compile(r"[^\W_]+")
_SPLIT: Final = re.compile(r"([^\W_]+)")
#: How many entries each of a matcher's caches holds before it starts afresh.
_CACHE_LIMIT = 1 << 18
#: Letters a word may have beyond the longest word of the index and still be looked up:
#: clitics (at most three letters) and long vowels a variant spelling adds.
_LONG_MARGIN: Final = 4
#: :meth:`Matcher.find` works through a longer text windows of about this many characters.
_PIECE = 1 << 16
#: A window grows up to this many times :data:`_PIECE` to hold enough whole words.
_PIECE_GROWTH: Final = 2

Overlaps = Literal["longest", "all"]

_EXACT, _ABBREVIATION, _SURNAME, _COMMON = range(4)
_KIND_NAMES: Final = ("exact", "abbreviation", "surname", "common")


@dataclasses.dataclass(frozen=True, slots=True)
class Candidate:
    """An entry that a surface fits, with how well it fits."""

    id: str
    type: EntryType
    name: str
    name_en: str
    gazetteer: str
    version: str
    alias: str
    score: float
    method: str


@dataclasses.dataclass(frozen=True, slots=True)
class Match:
    """A mention of a gazetteer entry in the text, with its span in the original string."""

    #: Start and end offsets in the text as given (``text[start:end]``).
    start: int
    end: int
    #: The surface at those offsets, clitics outside it (لل with the article inside it).
    text: str
    id: str
    type: EntryType
    name: str
    name_en: str
    gazetteer: str
    version: str
    #: The alias (as written in the gazetteer) that matched.
    alias: str
    #: From 0 to 1: 1 for an exact alias, lower for variants, typos and surnames.
    score: float
    #: How it matched: ``exact``, ``abbreviation``, ``variant``, ``dots``,
    #: ``edit``, ``context``, ``surname``, or several joined with ``+``.
    method: str
    #: The other entries this surface fits, best first.
    candidates: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The match as plain JSON-ready data (candidates as dicts too)."""
        data = dataclasses.asdict(self)
        data["candidates"] = [dataclasses.asdict(c) for c in self.candidates]
        return data


@dataclasses.dataclass(frozen=True, slots=True)
class _Alias:
    entry: Entry
    gazetteer: str
    version: str
    surface: str
    kind: str  # "exact", "abbreviation", "surname" or "common"
    order: int


#: A walk through the words of a name: (words taken so far, the key they make,
#: clitic letters cut from the first, score factor, methods, typos, the alias
#: rows of the key or None, whether the key may go on).
_State = tuple[int, str, int, float, tuple[str, ...], int, Sequence[int] | None, bool]


def _rows(found: int | list[int] | None) -> Sequence[int] | None:
    """The alias rows of an index key, as a sequence (the index keeps one row as an int)."""
    return (found,) if isinstance(found, int) else found


class _Hit(NamedTuple):
    """A name found from word *ti* up to (not including) word *tj*, less *cut* clitic letters."""

    ti: int
    tj: int
    cut: int
    alias: _Alias
    factor: float
    methods: tuple[str, ...]


_FREQUENT: frozenset[str] | None = None


def frequent_words() -> frozenset[str]:
    """The shipped list of frequent Arabic words (normalized), used to gate fuzzy lookups.

    >>> "يونس" in frequent_words(), "حموشي" in frequent_words()
    (True, False)
    """
    global _FREQUENT
    if _FREQUENT is None:
        # read through the index's checksum, as every shipped data file is
        lines = _read_data_file("frequent-words-ar.txt").decode("utf-8").splitlines()
        _FREQUENT = frozenset(w for w in lines if w and not w.startswith("#"))
    return _FREQUENT


class EvidenceWarning(UserWarning):
    """Aliases of a gazetteer of your own are common words: they need evidence to be reported."""


class AliasNeedingEvidence(NamedTuple):
    """An alias that is reported only with evidence around it, and why."""

    #: The alias as the gazetteer writes it.
    alias: str
    #: The id of its entry.
    entry_id: str
    #: Why it needs evidence, and what evidence counts for its entry's type.
    reason: str


def _why_common(
    key: str, common: frozenset[str], frequent: frozenset[str], safe: frozenset[str]
) -> str:
    """Why the normalized alias *key* is a common word (an empty string: it is not)."""
    if key in common:
        return "it is in the list of common words"
    if " " not in key and key in frequent and key not in safe:
        return "it is a frequent Arabic word (and not in safe_words)"
    return ""


def _word_lists(
    common_words: Iterable[str],
    safe_words: Iterable[str],
    shipped: bool,
    normalizer: Normalizer,
) -> tuple[frozenset[str], frozenset[str]]:
    """The common and safe words a matcher uses (normalized): the given ones, and the shipped."""
    common = {normalizer(w) for w in common_words}
    safe = {normalizer(w) for w in safe_words}
    if shipped:
        common.update(common_word_aliases())
        safe.update(safe_word_aliases())
    return frozenset(common), frozenset(safe)


def _needing_evidence(
    gazetteer: Gazetteer,
    types: frozenset[str] | None,
    common: frozenset[str],
    safe: frozenset[str],
    normalizer: Normalizer,
) -> list[AliasNeedingEvidence]:
    """The aliases of *gazetteer* that a matcher with these word lists treats as common words."""
    rows: list[tuple[str, Entry]] = [
        (surface, entry)
        for entry in gazetteer
        if types is None or entry.type in types
        for surface, _ in _surfaces(entry)
    ]
    frequent = frequent_words()
    out: list[AliasNeedingEvidence] = []
    seen: set[tuple[str, str]] = set()
    normalized = _normalize_all(normalizer, [surface for surface, _ in rows])
    for (surface, entry), folded in zip(rows, normalized, strict=True):
        key = " ".join(_units(folded, first=False))
        why = _why_common(key, common, frequent, safe) if key else ""
        if not why or (surface, entry.id) in seen:
            continue
        seen.add((surface, entry.id))
        if entry.type in _LIST_EVIDENCE:
            then = (
                "reported only after a cue word (منطقة، مدينة …) or beside another place in a list"
            )
        elif entry.type in _CUES:
            then = f"reported only after a cue word for an {entry.type} (تنظيم، جماعة …)"
        else:
            then = f"never reported on its own: no word around it shows the {entry.type} is meant"
        out.append(AliasNeedingEvidence(surface, entry.id, f"{why}; {then}"))
    return out


def aliases_needing_evidence(
    gazetteer: Gazetteer,
    *,
    safe_words: Collection[str] = (),
    common_words: Collection[str] = (),
    shipped_word_lists: bool = True,
) -> list[AliasNeedingEvidence]:
    """The aliases of *gazetteer* that a :class:`Matcher` reports only with evidence, and why.

    An alias is a common word when it is in the common-word list, or when
    it is a single :func:`frequent_words` word not in *safe_words*.  Such an
    alias of a place is reported only after a cue (منطقة الخليج) or beside
    another place in a list; of an organisation, only after a cue (تنظيم
    القاعدة); of a person or an agency, never on its own.  The word lists
    are those a matcher built with the same arguments uses.

    >>> from arnorm.gazetteer import Entry, Source
    >>> own = Gazetteer("own", "1.0.0", [Entry(id="x", type="place", name="الساحل",
    ...     name_en="Sahel", sources=(Source("example"),))])
    >>> [(a.alias, a.entry_id) for a in aliases_needing_evidence(own)]
    [('الساحل', 'x')]
    >>> aliases_needing_evidence(own, safe_words={"الساحل"}, shipped_word_lists=False)
    []
    """
    for words, label in ((common_words, "common_words"), (safe_words, "safe_words")):
        if isinstance(words, str):
            raise TypeError(f"{label} must be a collection of words, not a string")
    normalizer = _search_normalizer()
    common, safe = _word_lists(common_words, safe_words, shipped_word_lists, normalizer)
    return _needing_evidence(gazetteer, None, common, safe, normalizer)


def _strip_forms(token: str) -> list[tuple[str, int]]:
    """The token and its clitic-stripped forms, with how many letters were cut."""
    forms = [(token, 0)]
    for conj in ("", "و", "ف"):
        lal = conj + "لل"
        if token.startswith(lal) and len(token) > len(lal) + 1:
            rest = token[len(lal) :]
            forms.append(("ال" + rest, len(conj)))
            forms.append(("ال" + token[len(conj) + 1 :], len(conj)))
    for prefix in _PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            forms.append((token[len(prefix) :], len(prefix)))
    return forms


#: Particles as the first word of a name may carry a proclitic (وعبد، لابن).
_PARTICLES_FIRST: Final = _PARTICLES | frozenset(c + p for c in _PROCLITICS for p in _PARTICLES)
#: Methods that read a word as a typo; a name may hold one such word at most.
_TYPOS: Final = frozenset({"dots", "edit"})


def _is_particle(token: str, first: bool) -> bool:
    return token in (_PARTICLES_FIRST if first else _PARTICLES)


def _loose(word: str) -> str:
    """The long-vowel skeleton: hamza seats folded, inner ا و ي dropped (هاينز → هنز)."""
    if len(word) <= 2:
        return word.translate(_SEATS)
    first, last = word[0], word[-1]
    return (
        _SEAT_OF.get(first, first) + word[1:-1].translate(_INNER_VOWELS) + _SEAT_OF.get(last, last)
    )


#: A long vowel or hamza seat with a letter on either side (words one a line).
_INNER_VOWEL: Final = re.compile("(?<=[^\n])[اويؤئءى](?=[^\n])")


def _loose_many(words: list[str]) -> list[str]:
    """``[_loose(w) for w in words]``, in three passes of C over all of them at once.

    Once the inner vowels are gone, the only seats left are at the ends, so
    one translate of everything folds exactly those.
    """
    if not words:
        return []
    joined = _INNER_VOWEL.sub("", "\n".join(words))
    return joined.translate(_SEATS).split("\n")


def _loose_keys(words: list[str]) -> list[bytes]:
    """The key bytes of the long-vowel skeletons of *words* (see :func:`_key_bytes`)."""
    loose = _loose_many(words)
    try:
        return "\n".join(loose).encode("cp1256").split(b"\n") if loose else []
    except UnicodeEncodeError:
        return [_key_bytes(key) for key in loose]


def _key_bytes(key: str) -> bytes:
    """*key* as the bytes its index hash is taken of: one byte a letter where it can be.

    Windows-1256 holds every letter the ``search`` profile leaves, one byte
    each, so slicing and translating bytes is slicing and translating letters
    (at C speed); a key with a letter outside it is taken as UTF-8.
    """
    try:
        return key.encode("cp1256")
    except UnicodeEncodeError:
        return key.encode("utf-8")


def _dotless_key(word: str) -> bytes:
    """The bytes of *word*'s dotless skeleton (hashed for the dotless index)."""
    try:
        return word.encode("cp1256").translate(_DOTLESS_BYTES)
    except UnicodeEncodeError:
        return word.translate(_DOTLESS).encode("utf-8")


def _dotless_keys(words: list[str]) -> list[bytes]:
    """``[_dotless_key(w) for w in words]``, in one encode and one translate where it can."""
    try:
        data = "\n".join(words).encode("cp1256")
    except UnicodeEncodeError:
        return [_dotless_key(word) for word in words]
    return data.translate(_DOTLESS_BYTES).split(b"\n") if words else []


def _deleted_keys(word: str) -> Iterator[bytes]:
    """The key bytes of *word* and of each of its :func:`_deletions`."""
    try:
        data = word.encode("cp1256")
    except UnicodeEncodeError:
        yield word.encode("utf-8")
        yield from map(_key_bytes, _deletions(word))
        return
    yield data
    yield from {data[:i] + data[i + 1 :] for i in range(1, len(data) - 1)}


#: Words whose fuzzy keys are made at once while the index is built.
_KEY_BATCH: Final = 4096


def _deletions(word: str) -> set[str]:
    """*word* less one letter, never the first or the last (an edit there is no typo we match)."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}


def _one_apart(a: str, b: str) -> bool:
    """True if *a* and *b* have the same length and differ in one position."""
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _one_edit(a: str, b: str) -> bool:
    """True if *a* and *b* differ by one insertion, deletion, substitution or swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def _units(text: str, first: bool) -> tuple[str, ...]:
    """Split normalized text into words and join each name particle to the next word."""
    words = _TOKEN.findall(text)
    if _PARTICLES_FIRST.isdisjoint(words):
        return tuple(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if i + 1 < len(words) and _is_particle(word, first and i == 0):
            word += words[i + 1]
            i += 1
        out.append(word)
        i += 1
    return tuple(out)


class Matcher:
    """Find the entries of one or more gazetteers in text.

    *gazetteers* defaults to the latest version of every shipped gazetteer;
    pass :class:`~arnorm.Gazetteer` objects to pin versions or use your own.
    *types* keeps only entries of those types.  *common_words* lists aliases
    that are also common words: they are reported only with evidence around
    them (a cue such as منطقة before, or another name of the same type in the
    same list).  An alias of one word that is one of the
    :func:`~arnorm.matcher.frequent_words` is a common word too, unless it is
    in *safe_words*: pass the frequent words of your own gazetteer that are
    names, to report them alone.  Both add to the shipped lists (the shipped
    common words, and the shipped aliases reviewed as names first: مصر، حماس);
    with *shipped_word_lists* false, only the words you give are used.
    Building a matcher with a gazetteer of your own warns
    (``arnorm.EvidenceWarning``) of each of its aliases that is a common word,
    as ``arnorm.matcher.aliases_needing_evidence`` lists them.  *fuzzy* turns the
    dotless-skeleton and one-edit lookups on or off, *variants* the long-vowel
    and hamza-seat skeleton, *surnames* the matching of a person's surname
    alone.  *overlaps* is ``"longest"`` (leftmost-longest, no overlaps) or
    ``"all"`` (nested and overlapping matches too).  Matches scoring below
    *min_score* are dropped.

    A matcher pickles small when its gazetteers are shipped ones (their names
    and versions travel, and each process builds the matcher once); one built
    from your own gazetteers pickles with its index, which loads faster than
    it builds.  :meth:`save` and :meth:`load` keep that index in a file.  As
    with any pickle, unpickling bytes from a source you do not trust runs
    whatever code they name: :meth:`load` is the safe way to read a matcher
    from a file, since it accepts plain data and arnorm's own records only.

    One matcher may be shared by any number of threads, and used for any
    amount of text: its caches are bounded, hold only complete entries, are
    cleared or swapped only between words, and each call keeps its own
    state, so results never depend on what was matched before or alongside.

    >>> m = Matcher([load_gazetteer("places")], types=["place"])
    >>> [(x.text, x.name_en) for x in m.find("من أبو ظبي إلى أبوظبي")]
    [('أبو ظبي', 'Abu Dhabi'), ('أبوظبي', 'Abu Dhabi')]
    """

    def __init__(
        self,
        gazetteers: Iterable[Gazetteer] | None = None,
        *,
        types: Iterable[str] | None = None,
        common_words: Collection[str] | None = None,
        safe_words: Collection[str] | None = None,
        shipped_word_lists: bool = True,
        fuzzy: bool = True,
        variants: bool = True,
        surnames: bool = True,
        overlaps: Overlaps = "longest",
        min_score: float = 0.0,
    ) -> None:
        if gazetteers is None:
            gazetteers = [load_gazetteer(name) for name in available_gazetteers()]
        self.gazetteers: tuple[Gazetteer, ...] = tuple(gazetteers)
        names = [g.name for g in self.gazetteers]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(
                f"gazetteer {twice[0]!r} is given more than once; a match names one version"
            )
        for words, label in ((common_words, "common_words"), (safe_words, "safe_words")):
            if isinstance(words, str):
                raise TypeError(f"{label} must be a collection of words, not a string")
        self._configure(
            types=types,
            common_words=common_words,
            safe_words=safe_words,
            shipped_word_lists=shipped_word_lists,
            fuzzy=fuzzy,
            variants=variants,
            surnames=surnames,
            overlaps=overlaps,
            min_score=min_score,
        )
        self._build()
        self._start()
        self._warn_evidence()

    def _warn_evidence(self) -> None:
        """Warn of the aliases of the user's own gazetteers that will need evidence."""
        found = [
            alias
            for gazetteer in self.gazetteers
            if not _is_shipped(gazetteer)
            for alias in _needing_evidence(
                gazetteer, self.types, self._common, self._safe, self._normalizer
            )
        ]
        if found:
            shown = "; ".join(f"{a.alias!r} of {a.entry_id!r}: {a.reason}" for a in found[:20])
            more = f"; and {len(found) - 20} more" if len(found) > 20 else ""
            warnings.warn(
                f"{len(found)} alias(es) of your gazetteer(s) are common words and are not"
                f" reported on their own: {shown}{more}.  If they are names first, pass them"
                " in safe_words= (on the command line: --safe-word).",
                EvidenceWarning,
                stacklevel=3,
            )

    def _configure(
        self,
        *,
        types: Iterable[str] | None,
        common_words: Collection[str] | None,
        safe_words: Collection[str] | None,
        shipped_word_lists: bool,
        fuzzy: bool,
        variants: bool,
        surnames: bool,
        overlaps: Overlaps,
        min_score: float,
    ) -> None:
        """Check and keep the options (shared by building and by loading a saved index)."""
        self.types: frozenset[str] | None = None if types is None else frozenset(types)
        if self.types is not None:
            unknown = self.types - set(ENTRY_TYPES)
            if unknown:
                raise ValueError(f"unknown entry types: {', '.join(sorted(unknown))}")
        if overlaps not in ("longest", "all"):
            raise ValueError(f"overlaps must be 'longest' or 'all', not {overlaps!r}")
        if not 0.0 <= min_score <= 1.0:
            raise ValueError(f"min_score must be between 0 and 1, not {min_score!r}")
        self.fuzzy = fuzzy
        self.variants = variants
        self.surnames = surnames
        self.overlaps: Overlaps = overlaps
        self.min_score = min_score
        self._normalizer = _search_normalizer()
        #: The word lists as given (None: none), to rebuild the matcher elsewhere.
        self._word_lists = (
            None if common_words is None else frozenset(common_words),
            None if safe_words is None else frozenset(safe_words),
        )
        self._shipped_word_lists = shipped_word_lists
        self._common, self._safe = _word_lists(
            common_words or (), safe_words or (), shipped_word_lists, self._normalizer
        )
        self._frequent = frequent_words()

    def _start(self) -> None:
        """Set up what a matcher keeps besides its index: empty caches, derived sets."""
        self._first_cache: dict[str, tuple[tuple[str, int, float, str], ...]] = {}
        self._next_cache: dict[str, tuple[tuple[str, float, str], ...]] = {}
        self._aliases: list[_Alias | None] = [None] * len(self._a_surface)
        self._start_cache: dict[str, tuple[_State, ...]] = {}
        self._cue_cache: dict[str, frozenset[str]] = {}
        self._rank_cache: dict[
            tuple[tuple[int, float, tuple[str, ...], bool], ...],
            tuple[float, _Alias, str, tuple[Candidate, ...]],
        ] = {}
        # kinds of alias whose exact match always passes min_score and needs no evidence
        self._sure_kinds = frozenset(
            kind
            for kind, score in (("exact", 1.0), ("abbreviation", SCORES["abbreviation"]))
            if score >= self.min_score
        )
        #: The words tested for whether they may start a name, and those that may,
        #: swapped whole for new sets when full (see :meth:`_live_words`).
        self._tested: tuple[set[str], set[str]] = (set(), set())
        #: Longer words are in no name and have no fuzzy keys: they are never cached.
        self._longest = max(map(len, self._words), default=0) + _LONG_MARGIN
        self._alias_lock = threading.Lock()
        #: The most words a name spans in a text (a particle and its word are two).
        self._name_words = 2 * max((key.count(" ") + 1 for key in self._phrases), default=1)

    def __repr__(self) -> str:
        names = ", ".join(f"{g.name}@{g.version}" for g in self.gazetteers)
        return f"<Matcher {names}: {len(self._phrases)} keys>"

    # -- travelling ----------------------------------------------------------

    def _options(self) -> tuple[Any, ...]:
        """The keyword arguments this matcher was made with, as a hashable tuple."""
        return (
            ("types", self.types),
            ("common_words", self._word_lists[0]),
            ("safe_words", self._word_lists[1]),
            ("shipped_word_lists", self._shipped_word_lists),
            ("fuzzy", self.fuzzy),
            ("variants", self.variants),
            ("surnames", self.surnames),
            ("overlaps", self.overlaps),
            ("min_score", self.min_score),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        shipped = tuple((g.name, g.version) for g in self.gazetteers)
        if all(_is_shipped(g) for g in self.gazetteers):
            # the options that differ from the defaults: a pickle of a few hundred bytes
            options = tuple((k, v) for k, v in self._options() if _DEFAULTS.get(k, k) != v)
            return (_shipped_matcher, (shipped, options))
        return (_from_state, (self._state(),))

    def _state(self) -> dict[str, Any]:
        """Everything :func:`_from_state` needs, as plain data (see :meth:`save`)."""
        return {
            "format": _STATE_FORMAT,
            "arnorm": _arnorm_version(),
            "gazetteers": self.gazetteers,
            "options": self._options(),
            "index": {name: _plain(getattr(self, name)) for name in _INDEX_FIELDS},
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Keep this matcher's index in the file *path*, to :meth:`load` it faster than it builds.

        The file is written under a temporary name and renamed into place, so
        an existing file is replaced whole or not at all.  It holds the
        gazetteers and the index, readable by the same version of arnorm.

        >>> import tempfile, pathlib
        >>> from arnorm.gazetteer import Entry, Source
        >>> own = Gazetteer("own", "1.0.0", [Entry(id="x", type="place", name="الرباط",
        ...     name_en="Rabat", sources=(Source("example"),))])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Matcher([own]).save(pathlib.Path(tmp, "own.matcher"))
        ...     loaded = Matcher.load(pathlib.Path(tmp, "own.matcher"))
        >>> [m.id for m in loaded.find("بالرباط")]
        ['x']
        """
        payload = pickle.dumps(self._state(), protocol=pickle.HIGHEST_PROTOCOL)
        with AtomicFile(os.fspath(path)) as out:
            out.write(_SAVE_MAGIC)
            out.write(payload)
            out.commit()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Matcher:
        """Read a matcher written by :meth:`save`.

        Only plain data and arnorm's own gazetteer records are accepted from
        the file, never code; a file that is not a saved matcher, or was saved
        by another version of arnorm, raises :class:`ValueError` saying so.
        """
        path = Path(path)
        data = path.read_bytes()
        if not data.startswith(_SAVE_MAGIC):
            raise ValueError(f"{path}: not a matcher saved by arnorm (no {_SAVE_MAGIC!r} header)")
        try:
            state = _SafeUnpickler(io.BytesIO(data[len(_SAVE_MAGIC) :])).load()
        except Exception as exc:  # noqa: BLE001 - whatever the bytes make go wrong, they are damaged
            raise ValueError(f"{path}: damaged matcher file: {exc!s:.200}") from None
        return _from_state(state, where=str(path))

    # -- building ----------------------------------------------------------
    #
    # The index is kept compact so that a gazetteer of 100,000 entries builds
    # in about a second and fits in well under 150 MB:
    #
    # * an alias is a row of three parallel arrays (entry, kind, surface);
    # * a name is keyed by its normalized words joined with spaces, in
    #   ``_phrases`` (key -> alias row, or a list of rows), and every
    #   proper word-prefix of a key is in ``_prefixes`` so a walk knows when to stop;
    # * each fuzzy index is a sorted array of 60-bit integers (two CPython int
    #   digits, quick to sort), the top 36 bits a hash of the fuzzy key and the
    #   low 24 bits the index of the word in ``_words``: a lookup is a binary
    #   search and a check of the word found, so a hash collision costs a
    #   comparison, never a wrong match.

    def _build(self) -> None:
        entries: list[Entry] = []
        entry_gaz: list[int] = []
        surfaces: list[str] = []
        kinds = bytearray()
        owners = array.array("i")
        for g, gaz in enumerate(self.gazetteers):
            for entry in gaz:
                if self.types is not None and entry.type not in self.types:
                    continue
                for surface, kind in _surfaces(entry):
                    surfaces.append(surface)
                    kinds.append(kind)
                    owners.append(len(entries))
                entries.append(entry)
                entry_gaz.append(g)
        self._entries = entries
        self._entry_gaz = entry_gaz
        self._a_entry = owners
        self._a_kind = kinds
        self._a_surface = surfaces
        self._phrases: dict[str, int | list[int]] = {}
        self._prefixes: set[str] = set()
        words: dict[str, None] = {}
        phrases, prefixes, common = self._phrases, self._prefixes, self._common
        frequent, safe = self._frequent, self._safe
        surnames: list[tuple[str, int]] = []
        for row, normalized in enumerate(_normalize_all(self._normalizer, surfaces)):
            units = _units(normalized, first=False)
            if not units:
                continue
            kind = kinds[row]
            key = " ".join(units)
            entry_type = entries[owners[row]].type
            if kind == _EXACT and self.surnames and len(units) >= 2 and entry_type == "person":
                surnames.append((units[-1], owners[row]))
            if kind != _SURNAME and _why_common(key, common, frequent, safe):
                kinds[row] = _COMMON
                if entry_type not in _CUES:
                    continue  # no evidence can ever show it is meant as a name: never reported
            self._index(key, units, row, words)
        # A person's surname alone (حموشي، الحموشي) is a surname match, scored
        # lower, even where the gazetteer lists it as an alias of its own.
        for last, owner in surnames:
            for form in dict.fromkeys((last, last if last.startswith("ال") else "ال" + last)):
                if len(form) < 3:
                    continue
                rows = phrases.get(form)
                listed = [
                    r
                    for r in ((rows,) if isinstance(rows, int) else rows or ())
                    if owners[r] == owner
                ]
                for r in listed:
                    kinds[r] = _SURNAME
                if not listed:
                    row = len(surfaces)
                    surfaces.append(form)
                    kinds.append(_SURNAME)
                    owners.append(owner)
                    self._index(form, (form,), row, words)
        del phrases, prefixes
        self._words = list(words)
        del words
        self._build_fuzzy()

    def _index(self, key: str, units: Sequence[str], row: int, words: dict[str, None]) -> None:
        phrases, owners = self._phrases, self._a_entry
        found = phrases.get(key)
        owner = owners[row]
        if found is None:
            phrases[key] = row
        elif isinstance(found, int):
            if owners[found] == owner:
                return  # two spellings of one entry that fold alike: the first is kept
            phrases[key] = [found, row]
        elif all(owners[r] != owner for r in found):
            found.append(row)
        else:
            return
        if len(units) == 1:
            words[key] = None
            return
        # proper prefixes only: a walk goes on while its key is one of these
        add = self._prefixes.add
        prefix = units[0]
        for unit in units[1:]:
            add(prefix)
            prefix = prefix + " " + unit
        for unit in units:
            words[unit] = None

    def _build_fuzzy(self) -> None:
        if len(self._words) > _INDEX_MASK:
            raise ValueError(f"too many distinct words for the fuzzy index (> {_INDEX_MASK})")
        shift = _INDEX_BITS
        crc = zlib.crc32  # _key_hash, inlined: it runs a million times
        words = self._words

        eligible = [
            i for i, w in enumerate(words) if len(w) >= _MIN_VARIANT and _ARABIC_WORD.fullmatch(w)
        ]

        def fuzzy() -> Iterator[tuple[int, str]]:
            return zip(eligible, map(words.__getitem__, eligible), strict=True)

        def packed(keys_of: Callable[[list[str]], list[bytes]]) -> Iterator[int]:
            # keys are made a batch at a time: in bulk, but never all held at once
            for at in range(0, len(eligible), _KEY_BATCH):
                batch = eligible[at : at + _KEY_BATCH]
                keys = keys_of([words[i] for i in batch])
                for index, key in zip(batch, keys, strict=True):
                    yield crc(key) << shift | index

        self._loose = _sorted_array(packed(_loose_keys))
        self._dotless = _sorted_array(packed(_dotless_keys))

        def deletions() -> Iterator[int]:
            for index, word in fuzzy():
                if len(word) >= _MIN_EDIT:
                    # the word itself too, for a text word with a letter too many
                    for key in _deleted_keys(word):
                        yield crc(key) << shift | index

        self._deleted = _sorted_array(deletions())

    def _alias(self, row: int) -> _Alias:
        alias = self._aliases[row]
        if alias is None:
            # one object a row, even between threads: the rank cache is keyed by its id
            with self._alias_lock:
                alias = self._aliases[row]
                if alias is None:
                    owner = self._a_entry[row]
                    gaz = self.gazetteers[self._entry_gaz[owner]]
                    alias = _Alias(
                        self._entries[owner],
                        gaz.name,
                        gaz.version,
                        self._a_surface[row],
                        _KIND_NAMES[self._a_kind[row]],
                        owner,
                    )
                    self._aliases[row] = alias
        return alias

    def _starts(self, token: str) -> tuple[_State, ...]:
        """The walks *token* begins, as states of one word (see :data:`_State`), cached."""
        starts = self._start_cache.get(token)
        if starts is None:
            phrases, prefixes = self._phrases, self._prefixes
            starts = tuple(
                (
                    1,
                    word,
                    cut,
                    factor,
                    (method,) if method else (),
                    int(method in _TYPOS),
                    # a guessed spelling of a name of one word must pass _alone_ok
                    _rows(phrases.get(word)) if not method or _alone_ok((method,), word) else None,
                    word in prefixes,
                )
                for word, cut, factor, method in self._first(token)
            )
            if len(token) <= self._longest:
                if len(self._start_cache) >= _CACHE_LIMIT:
                    self._start_cache.clear()
                self._start_cache[token] = starts
        return starts

    # -- looking words up --------------------------------------------------

    def _fuzzy_words(self, form: str, *, frequent: bool) -> list[tuple[str, float, str]]:
        """Words of the index that *form* may be a variant or a typo of (not itself).

        A frequent word is never read as a typo (يونس is not تونس), and as a
        long-vowel variant only inside a name of several words (method
        ``variant*``, dropped for a name of one word): أوربا alone is
        a common spelling the gazetteer must list, not a variant to guess.
        """
        if len(form) > self._longest or not _is_arabic(form):
            return []  # a word longer than any of the index's is no variant or typo of one
        out: dict[str, tuple[float, str]] = {}
        words = self._words
        if self.variants and len(form) >= _MIN_VARIANT:
            method = "variant*" if frequent else "variant"
            for index in _probe(self._loose, _loose(form)):
                word = words[index]
                if _loose(word) == _loose(form):
                    out.setdefault(word, (SCORES["variant"], method))
        if self.fuzzy and not frequent and len(form) >= _MIN_DOTS:
            skeleton = form.translate(_DOTLESS)
            for index in _probe_bytes(self._dotless, _dotless_key(form)):
                word = words[index]
                if word.translate(_DOTLESS) == skeleton and _one_apart(word, form):
                    out.setdefault(word, (SCORES["dots"], "dots"))
        if self.fuzzy and not frequent and len(form) >= _MIN_EDIT - 1:
            found: set[int] = set()
            for key in _deleted_keys(form):
                found.update(_probe_bytes(self._deleted, key))
            for index in found:
                word = words[index]
                # an edit at either end is morphology more often than a typo
                # (موريتاني is Mauritanian, not موريتانيا misspelt)
                if form[0] == word[0] and form[-1] == word[-1] and _one_edit(form, word):
                    out.setdefault(word, (SCORES["edit"], "edit"))
        out.pop(form, None)
        return [(word, f, m) for word, (f, m) in out.items()]

    def _first(self, token: str) -> tuple[tuple[str, int, float, str], ...]:
        """How *token* may begin a name: (word, clitic letters cut, factor, method)."""
        cached = self._first_cache.get(token)
        if cached is not None:
            return cached
        if len(token) > self._longest:
            return ()  # every form of it is longer than any word of a name
        phrases, prefixes = self._phrases, self._prefixes
        forms = _strip_forms(token)
        found: list[tuple[str, int, float, str]] = [
            (form, cut, 1.0, "") for form, cut in forms if form in phrases or form in prefixes
        ]
        # و + a frequent word is as frequent a word as the word itself; a
        # frequent word is never guessed to be the first word of a name.
        if not found and not any(form in self._frequent for form, _ in forms):
            for form, cut in forms:
                for word, factor, method in self._fuzzy_words(form, frequent=False):
                    # a name's first word is a key of one word or a key's first prefix
                    if word in phrases or word in prefixes:
                        found.append((word, cut, factor, method))
        result = tuple(found)
        if len(self._first_cache) >= _CACHE_LIMIT:
            self._first_cache.clear()  # between words: a result is never half cached
        self._first_cache[token] = result
        return result

    def _next(self, token: str) -> tuple[tuple[str, float, str], ...]:
        """How *token* may continue a name: (word, factor, method)."""
        cached = self._next_cache.get(token)
        if cached is not None:
            return cached
        if len(token) > self._longest:
            return ()
        # a word that is in no name cannot continue one: leave it out, so that a
        # walk stops at once (the long-vowel index tells, for words it holds)
        in_index = len(token) < _MIN_VARIANT or not _is_arabic(token)
        if not in_index:
            words = self._words
            in_index = any(words[i] == token for i in _probe(self._loose, _loose(token)))
        result: tuple[tuple[str, float, str], ...] = ((token, 1.0, ""),) if in_index else ()
        fuzzy = self._fuzzy_words(token, frequent=token in self._frequent)
        if fuzzy:
            result += tuple(fuzzy)
        if len(self._next_cache) >= _CACHE_LIMIT:
            self._next_cache.clear()
        self._next_cache[token] = result
        return result

    def lookup(self, word: str) -> tuple[Candidate, ...]:
        """The entries a single word (or name written as one string) may name, best first.

        >>> [(c.id, c.method) for c in Matcher().lookup("والمنصوزي")][:1]
        [('person-mohamed-yassine-mansouri', 'surname+dots')]
        """
        token = self._normalizer(word).strip()
        if not _TOKEN.fullmatch(token):
            # several words, or punctuation: the general path
            out: list[Candidate] = []
            for match in self.find(word):
                out.append(_candidate(match))
                out.extend(match.candidates)
            return tuple(sorted(out, key=lambda c: -c.score))
        # One word: its walks of one word, scored as find would score them alone.
        scored: dict[str, Candidate] = {}
        for *_, factor, methods, _typos, rows, _more in self._starts(token):
            if rows is None:
                continue
            for row in rows:
                alias = self._alias(row)
                if alias.kind == "common":
                    continue  # a common word alone has no evidence
                hit = _new_hit((0, 1, 0, alias, factor, methods))
                score, _, method = self._score(hit, set())
                if score > 0.0 and score >= self.min_score:
                    candidate = _candidate_from(hit, score, method)
                    best = scored.get(candidate.id)
                    if best is None or candidate.score > best.score:
                        scored[candidate.id] = candidate
        # as find ranks them: by score, then the entry the others are part of
        parents = {self._entry_part_of(c.id) for c in scored.values()}
        return tuple(sorted(scored.values(), key=lambda c: (-c.score, c.id not in parents, c.id)))

    def _entry_part_of(self, entry_id: str) -> str | None:
        for gaz in self.gazetteers:
            entry = gaz.get(entry_id)
            if entry is not None:
                return entry.part_of
        return None

    # -- finding -----------------------------------------------------------

    def find(self, text: str) -> list[Match]:
        """Every mention in *text*, in order (see the class for the options)."""
        return list(self.finditer(text))

    def finditer(self, text: str) -> Iterator[Match]:
        """Like :meth:`find`, lazily, working through a long text a window at a time.

        The windows overlap by enough words for every name, and the words
        around it that show it is one, to be seen whole: the matches are
        those of the text taken in one piece, however long its lines.  (Only
        words of more than 64K characters, which are no names, may be cut.)
        """
        return self._scan_text(text, 0, set())

    def _scan_text(self, text: str, base: int, seen: set[str]) -> Iterator[Match]:
        """The matches of *text*, in one piece or (when long) window by window."""
        if len(text) <= _PIECE:
            return self._scan(text, base, seen)
        return self._scan_long(text, base, seen)

    def _scan_long(self, text: str, base: int, seen: set[str]) -> Iterator[Match]:
        """The matches of a long *text*, found window by window.

        Each window's matches are kept only for its *region* of words: it
        starts :attr:`_context` words before the region (the words a cue or
        a list of names before it needs), ends as many words after it (a
        name that starts in the region ends in the window), and the next
        window's region starts where this one's ends.  A window begins at the
        start of a word, where normalizing gives the same words as in the
        whole text; under ``overlaps="longest"`` the next region skips the
        words a kept match covers, as one pass over the text would.
        """
        n = len(text)
        context = self._context
        start = lo = 0  # the window's first character, and its region's first word
        state = [-1]  # under "longest": the word the last kept match ends before
        while start < n:
            size = _PIECE
            while True:
                end = min(n, start + size)
                if end < n:
                    end = _cut(text, start, end)
                chunk = text[start:end]
                normalized, offsets = self._normalizer.with_offsets(chunk)
                words = _Words(normalized)
                count = len(words.tokens)
                # the last word of a window that stops short of the end may be cut
                hi = count if end == n else count - 1 - context
                # a window of no words has nothing to find, however far it grows
                if hi > lo or not count or size >= _PIECE * _PIECE_GROWTH:
                    break
                size *= 2
            whole = hi > lo
            if not whole:
                hi = count  # no room for the context (a word of 64K characters): cut it
            hits = self._hits(words)
            if hits:
                matches = self._resolve(
                    chunk, base + start, offsets, words, hits, seen, lo, hi, state
                )
                yield from matches
            if end == n:
                return
            if not whole:
                start, lo, state[0] = end, 0, -1
                continue
            first = max(0, hi - context)
            if first < count:
                at = words.offset(2 * first + 1)
                start += offsets._span(at, at + 1)[0]
            lo = hi - first
            state[0] -= first

    def iter_chunks(self, chunks: Iterable[str]) -> Iterator[Match]:
        """Find mentions in a text given as consecutive chunks (a stream).

        Offsets count from the start of the first chunk.  What the matcher
        learns along the way (a person's full name seen, which confirms the
        surname alone later) carries over from chunk to chunk.  Cut chunks at
        line breaks: a name cut in two by a chunk boundary is not found.  A
        chunk of any length is matched as :meth:`finditer` matches a text, a
        window at a time, so the memory it takes does not grow with it.
        Every match of a chunk is yielded before the next chunk is taken from
        *chunks*, so a caller may track which chunk a match lies in (the
        command line counts lines that way).
        """
        seen: set[str] = set()
        base = 0
        for chunk in chunks:
            yield from self._scan_text(chunk, base, seen)
            base += len(chunk)

    @property
    def _context(self) -> int:
        """Words a window of :meth:`_scan_long` holds on either side of its region.

        A name is at most :attr:`_name_words` words long (twice its units: a
        particle and the word after it are two).  Whether a name with a
        common word counts depends on one word before it and on a name
        after a conjunction before or after it.
        """
        return 2 * self._name_words + 4

    def _scan(self, chunk: str, base: int, seen: set[str]) -> Iterator[Match]:
        normalized, offsets = self._normalizer.with_offsets(chunk)
        words = _Words(normalized)
        hits = self._hits(words)
        if not hits:
            return
        yield from self._resolve(chunk, base, offsets, words, hits, seen)

    def _live_words(self, tokens: list[str]) -> set[str]:
        """The words of *tokens* that may start a name, every one of them.

        What was learnt is cached for the next texts in a pair of sets, *tested*
        and *live* (the tested words that may start a name).  A word is added
        to *live* before *tested*, so whoever finds it tested (another thread
        too) finds it live if it is; when the pair is full, a new pair takes
        its place whole.  The set returned is built for this text alone, so
        no clearing of the cache can ever drop a word of it.
        """
        tested, live = self._tested
        distinct = set(tokens)
        new = distinct - tested
        here = distinct & live
        if new:
            first, longest = self._first, self._longest
            found = {token for token in new if token in _PARTICLES_FIRST or first(token)}
            here |= found
            if max(map(len, new)) > longest:
                # a word longer than any name's is never live: not worth keeping
                new = {token for token in new if len(token) <= longest}
            if len(tested) + len(new) > _CACHE_LIMIT:
                self._tested = (new, found)
            else:
                live |= found
                tested |= new
        return here

    def _hits(self, words: _Words) -> list[_Hit]:
        prefixes, phrases = self._prefixes, self._phrases
        next_cache, next_ = self._next_cache, self._next
        alias, aliases, start_cache = self._alias, self._aliases, self._start_cache
        new_hit, cues_of = _new_hit, self._cues_of
        tokens, seps = words.tokens, words.seps
        hits: list[_Hit] = []
        n = len(tokens)
        # Most words start no name: find the ones that may, once per distinct word.
        live = self._live_words(tokens)
        # Leftmost-longest: once a match that is sure to be kept covers words,
        # no walk needs to start inside it.  ``reach`` is the furthest end of
        # any hit so far: a sure hit starting at or after it is kept.
        skip_nested = self.overlaps == "longest"
        sure_kinds = self._sure_kinds
        reach = covered = 0
        for i in itertools.compress(range(n), map(live.__contains__, tokens)):
            if i < covered:
                continue
            far = sure_end = 0
            token = tokens[i]
            starts = start_cache.get(token)
            if starts is None:
                starts = self._starts(token)
            states = list(starts)
            if token in _PARTICLES_FIRST and i + 1 < n and seps[i + 1] == " ":
                states += [(2, *start[1:]) for start in self._starts(token + tokens[i + 1])]
            while states:
                d, key, cut, factor, methods, typos, rows, more = states.pop()
                j = i + d
                if rows is not None:
                    for row in rows:
                        obj = aliases[row]
                        if obj is None:
                            obj = alias(row)
                        if (
                            obj.kind == "common"
                            and obj.entry.type not in _LIST_EVIDENCE
                            and not (
                                i
                                and "\n" not in seps[i]
                                and obj.entry.type in cues_of(tokens[i - 1])
                            )
                        ):
                            continue  # its only evidence would be a cue just before
                        hits.append(new_hit((i, j, cut, obj, factor, methods)))
                        if j > far:
                            far = j
                        if j > sure_end and not methods and obj.kind in sure_kinds:
                            sure_end = j
                if not more or j >= n or seps[j] != " ":
                    continue
                unit = tokens[j]
                nexts = [(unit, d + 1)]
                if unit in _PARTICLES and j + 1 < n and seps[j + 1] == " ":
                    nexts.append((unit + tokens[j + 1], d + 2))
                for unit, d2 in nexts:
                    cands = next_cache.get(unit)
                    if cands is None:
                        cands = next_(unit)
                    for word, factor2, method2 in cands:
                        key2 = key + " " + word
                        found = phrases.get(key2)
                        more2 = key2 in prefixes
                        if found is None and not more2:
                            continue
                        rows2 = (found,) if isinstance(found, int) else found
                        if not method2:
                            states.append((d2, key2, cut, factor, methods, typos, rows2, more2))
                        elif typos + (method2 in _TYPOS) <= 1:
                            states.append(
                                (
                                    d2,
                                    key2,
                                    cut,
                                    factor * factor2,
                                    (*methods, method2),
                                    typos + (method2 in _TYPOS),
                                    rows2,
                                    more2,
                                )
                            )
            if skip_nested and sure_end > i and reach <= i:
                covered = sure_end
            if far > reach:
                reach = far
        return hits

    def _resolve(
        self,
        chunk: str,
        base: int,
        offsets: OffsetMap,
        words: _Words,
        hits: list[_Hit],
        seen: set[str],
        lo: int = 0,
        hi: int | None = None,
        state: list[int] | None = None,
    ) -> Iterator[Match]:
        """The matches of *hits* that start in words *lo* to *hi* (all by default).

        Under ``overlaps="longest"``, *state* holds the word the last kept match
        ends before (no match starts before it), read at the start and kept
        up to date.
        """
        by_span: dict[tuple[int, int, int], list[_Hit]] = {}
        if any(hit.alias.kind == "common" for hit in hits):
            hits = self._with_evidence(hits, words.tokens, words.seps)
        min_score = self.min_score
        to_original = offsets._span  # every hit spans at least one letter of the text
        offset = words.offset
        last_end = -1 if state is None else state[0]  # the word a kept match ends before
        if hi is None:
            hi = len(words.tokens)
        for group in _spans(hits, by_span, self.overlaps == "longest"):
            ti = group[0].ti
            if ti < last_end or ti < lo:
                continue
            if ti >= hi:
                break
            others: tuple[Candidate, ...] = ()
            if len(group) == 1:
                best_hit = group[0]
                alias = best_hit.alias
                if best_hit.methods or alias.kind != "exact":
                    best_score, best_hit, best_method = self._score(best_hit, seen)
                else:
                    best_score, best_method = 1.0, "exact"
            else:
                best_score, alias, best_method, others = self._rank(group, seen)
            if best_score <= 0.0 or best_score < min_score:
                continue
            entry = alias.entry
            if alias.kind != "surname" and entry.type == "person":
                seen.add(entry.id)
            hit = group[0]  # all the hits of a group share its span
            at = offset(2 * hit.ti + 1) + hit.cut
            start, end = to_original(at, offset(2 * hit.tj))
            if not at and start == 0:
                start = _deleted_prefix(self._normalizer, chunk, end)
            if self.overlaps == "longest":
                last_end = hit.tj
                if state is not None:
                    state[0] = last_end
            yield Match(
                base + start,
                base + end,
                chunk[start:end],
                entry.id,
                entry.type,
                entry.name,
                entry.name_en,
                alias.gazetteer,
                alias.version,
                alias.surface,
                best_score if best_score == 1.0 else round(best_score, 4),
                best_method,
                others,
            )

    def _with_evidence(self, hits: list[_Hit], tokens: list[str], seps: list[str]) -> list[_Hit]:
        """*hits* less the common-word hits that nothing around shows to be names."""
        # only the hits right before or after a common-word hit are evidence
        near: set[int] = set()
        for hit in hits:
            if hit.alias.kind == "common":
                near.update((hit.ti - 1, hit.ti, hit.tj, hit.tj + 1))
        starting: dict[int, list[_Hit]] = {}
        ending: dict[int, list[_Hit]] = {}
        for hit in hits:
            if hit.alias.kind != "common" and (hit.ti in near or hit.tj in near):
                starting.setdefault(hit.ti, []).append(hit)
                ending.setdefault(hit.tj, []).append(hit)
        cues_of = self._cues_of
        return [
            hit
            for hit in hits
            if hit.alias.kind != "common" or _evidence(hit, tokens, seps, starting, ending, cues_of)
        ]

    def _cues_of(self, token: str) -> frozenset[str]:
        """The entry types *token* is a cue for (منطقة for places), clitics off; cached."""
        cues = self._cue_cache.get(token)
        if cues is None:
            if len(token) > _LONGEST_CUE:
                return frozenset()
            forms = [form for form, _ in _strip_forms(token)]
            cues = frozenset(t for t, words in _CUES.items() if not words.isdisjoint(forms))
            if len(self._cue_cache) >= _CACHE_LIMIT:
                self._cue_cache.clear()
            self._cue_cache[token] = cues
        return cues

    def _rank(
        self, group: list[_Hit], seen: set[str]
    ) -> tuple[float, _Alias, str, tuple[Candidate, ...]]:
        """The best of several hits on one span, and the others as candidates.

        The same name tends to recur in a text, so the ranking of a group is
        cached, keyed by its hits and, for a surname, by whether the full name
        was seen (all a score depends on).  Aliases live as long as the
        matcher, so their ``id`` is a sound key.
        """
        key = tuple(
            [
                (id(a), h.factor, h.methods, a.kind == "surname" and a.entry.id in seen)
                for h in group
                for a in (h.alias,)
            ]
        )
        ranked_group = self._rank_cache.get(key)
        if ranked_group is not None:
            return ranked_group
        ranked = sorted((self._score(h, seen) for h in group), key=lambda sc: _rank_key(sc, group))
        best_score, best_hit, best_method = ranked[0]
        others = _dedupe(
            [_candidate_from(h, s, m) for s, h, m in ranked[1:]], best_hit.alias.entry.id
        )
        result = (best_score, best_hit.alias, best_method, others)
        if len(self._rank_cache) >= _CACHE_LIMIT:
            self._rank_cache.clear()
        self._rank_cache[key] = result
        return result

    def _score(self, hit: _Hit, seen: set[str]) -> tuple[float, _Hit, str]:
        kind = hit.alias.kind
        if kind == "exact" and not hit.methods:
            return 1.0, hit, "exact"
        methods = list(hit.methods)
        if kind == "surname":
            confirmed = hit.alias.entry.id in seen
            if not confirmed and hit.alias.surface in self._frequent:
                return 0.0, hit, "surname"
            base_score = SCORES["surname-confirmed" if confirmed else "surname"]
            methods.insert(0, "surname")
        elif kind == "abbreviation":
            base_score = SCORES["abbreviation"]
            methods.insert(0, "abbreviation")
        elif kind == "common":
            base_score = SCORES["context"]
            methods.insert(0, "context")
        else:
            base_score = 1.0
        method = "+".join(dict.fromkeys(m.rstrip("*") for m in methods)) or "exact"
        return base_score * hit.factor, hit, method


# -- travelling ---------------------------------------------------------------

#: What a saved matcher file starts with; the number is :data:`_STATE_FORMAT`.
_SAVE_MAGIC: Final = b"arnorm-matcher 1\n"
_STATE_FORMAT: Final = 1
#: The attributes that make up a built index (see ``Matcher._build``).
_INDEX_FIELDS: Final = (
    "_entries",
    "_entry_gaz",
    "_a_entry",
    "_a_kind",
    "_a_surface",
    "_phrases",
    "_prefixes",
    "_words",
    "_loose",
    "_dotless",
    "_deleted",
)
#: The options a matcher has unless told otherwise (see ``Matcher.__init__``).
_DEFAULTS: Final[dict[str, object]] = {
    "types": None,
    "common_words": None,
    "safe_words": None,
    "shipped_word_lists": True,
    "fuzzy": True,
    "variants": True,
    "surnames": True,
    "overlaps": "longest",
    "min_score": 0.0,
}
#: Matchers of shipped gazetteers, by (names and versions, options): one build a process.
_SHIPPED: dict[tuple[Any, ...], Matcher] = {}


def _arnorm_version() -> str:
    from . import __version__

    return __version__


@functools.cache
def _search_normalizer() -> Normalizer:
    return Normalizer(NormalizerConfig.profile("search"))


def _is_shipped(gazetteer: Gazetteer) -> bool:
    """True if *gazetteer* is the shipped release that :func:`load_gazetteer` returns."""
    try:
        return load_gazetteer(gazetteer.name, gazetteer.version) is gazetteer
    except GazetteerError:
        return False


def _shipped_matcher(shipped: tuple[tuple[str, str], ...], options: tuple[Any, ...]) -> Matcher:
    """The matcher of these shipped gazetteer versions, built once in each process."""
    key = (shipped, options)
    matcher = _SHIPPED.get(key)
    if matcher is None:
        gazetteers = [load_gazetteer(name, version) for name, version in shipped]
        matcher = Matcher(gazetteers, **dict(options))
        _SHIPPED[key] = matcher
    return matcher


def _plain(value: object) -> object:
    """An index attribute as plain data: arrays become (typecode, bytes)."""
    if isinstance(value, array.array):
        return ("array", value.typecode, value.tobytes())
    if isinstance(value, bytearray):
        return ("bytearray", bytes(value))
    return value


def _unplain(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "array":
        out = array.array(value[1])
        out.frombytes(value[2])
        return out
    if isinstance(value, tuple) and value and value[0] == "bytearray":
        return bytearray(value[1])
    return value


def _from_state(state: dict[str, Any], where: str = "pickled matcher") -> Matcher:
    """A matcher from :meth:`Matcher._state`, without building its index again.

    Every part of *state* is checked first (:func:`_check_state`): a file
    crafted or damaged raises :class:`ValueError` saying what is wrong, never
    another error, now or later in :meth:`Matcher.find`.
    """
    if not isinstance(state, dict) or state.get("format") != _STATE_FORMAT:
        raise ValueError(f"{where}: not a matcher of format {_STATE_FORMAT}")
    if state.get("arnorm") != _arnorm_version():
        raise ValueError(
            f"{where}: saved by arnorm {state.get('arnorm')!r:.40}, this is arnorm"
            f" {_arnorm_version()}; build the matcher again and save it"
        )
    options, index = _check_state(state, where)
    matcher = Matcher.__new__(Matcher)
    matcher.gazetteers = tuple(state["gazetteers"])
    matcher._configure(**options)
    for name in _INDEX_FIELDS:
        setattr(matcher, name, index[name])
    matcher._start()
    return matcher


#: The keyword arguments a saved matcher holds, and the check of each value.
_OPTION_CHECKS: Final[dict[str, tuple[str, Callable[[Any], bool]]]] = {
    "types": (
        "None or a frozenset of entry types",
        lambda v: v is None or (isinstance(v, frozenset) and v <= set(ENTRY_TYPES)),
    ),
    "common_words": ("None or a frozenset of words", lambda v: v is None or _words_ok(v)),
    "safe_words": ("None or a frozenset of words", lambda v: v is None or _words_ok(v)),
    "shipped_word_lists": ("a bool", lambda v: isinstance(v, bool)),
    "fuzzy": ("a bool", lambda v: isinstance(v, bool)),
    "variants": ("a bool", lambda v: isinstance(v, bool)),
    "surnames": ("a bool", lambda v: isinstance(v, bool)),
    "overlaps": ("'longest' or 'all'", lambda v: isinstance(v, str) and v in ("longest", "all")),
    "min_score": (
        "a number from 0 to 1",
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1,
    ),
}
#: The longest word a saved matcher's word lists may hold (each is normalized on loading).
_MAX_LIST_WORD: Final = 1000


def _words_ok(value: object) -> bool:
    return isinstance(value, frozenset) and all(
        isinstance(w, str) and len(w) <= _MAX_LIST_WORD for w in value
    )


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_opt_str(value: object) -> bool:
    return value is None or isinstance(value, str)


def _check_entry(entry: object) -> str:
    """What is wrong with *entry* as a gazetteer record (an empty string: nothing)."""
    if not isinstance(entry, Entry):
        return f"{type(entry).__name__} in place of an Entry"
    for field, ok in (
        ("id", _is_str),
        ("name", _is_str),
        ("name_en", _is_str),
        ("country", _is_opt_str),
        ("part_of", _is_opt_str),
        ("valid_from", _is_opt_str),
        ("valid_to", _is_opt_str),
        ("notes", _is_opt_str),
    ):
        if not ok(getattr(entry, field, None)):
            return f"field {field} is {type(getattr(entry, field, None)).__name__}"
    if entry.type not in ENTRY_TYPES:
        return f"type {entry.type!r:.40} is none of {', '.join(ENTRY_TYPES)}"
    for field in ("aliases", "abbreviations"):
        value = getattr(entry, field, None)
        if not isinstance(value, tuple) or not all(map(_is_str, value)):
            return f"field {field} is not a tuple of strings"
    sources = getattr(entry, "sources", None)
    if not isinstance(sources, tuple) or not all(
        isinstance(x, Source)
        and _is_str(getattr(x, "title", None))
        and _is_opt_str(getattr(x, "publisher", None))
        and _is_opt_str(getattr(x, "url", None))
        for x in sources
    ):
        return "field sources is not a tuple of Source records"
    roles = getattr(entry, "roles", None)
    if not isinstance(roles, tuple) or not all(
        isinstance(x, Role)
        and _is_str(getattr(x, "title", None))
        and all(
            _is_opt_str(getattr(x, f, None)) for f in ("title_en", "organization", "start", "end")
        )
        for x in roles
    ):
        return "field roles is not a tuple of Role records"
    return ""


def _check_state(state: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The options and the index of a saved matcher, once every part of them is checked.

    Raises :class:`ValueError` naming the first part that is not as :meth:`Matcher._state`
    writes it.  Each check costs a constant for each item of the file (word lists are
    the only thing normalized, and their words are short), so a crafted file cannot make
    loading slower than its size.
    """

    def bad(what: str) -> NoReturn:
        raise ValueError(f"{where}: damaged matcher file: {what}")

    keys = set(state)
    if keys != {"format", "arnorm", "gazetteers", "options", "index"}:
        bad(f"unexpected keys {sorted(map(str, keys))!r:.200}")
    gazetteers = state["gazetteers"]
    if not isinstance(gazetteers, tuple) or not all(isinstance(g, Gazetteer) for g in gazetteers):
        bad("gazetteers is not a tuple of Gazetteer objects")
    checked: set[int] = set()
    for g in gazetteers:
        if not (_is_str(g.name) and _is_str(g.version) and _is_opt_str(g.sha256)):
            bad("a gazetteer's name, version or sha256 is not a string")
        for entry in g:
            problem = _check_entry(entry)
            if problem:
                bad(f"gazetteer {g.name!r:.60}: an entry: {problem}")
            checked.add(id(entry))
    # options
    raw = state["options"]
    if not isinstance(raw, tuple) or not all(
        isinstance(o, tuple) and len(o) == 2 and isinstance(o[0], str) for o in raw
    ):
        bad("options is not a tuple of (name, value) pairs")
    options = dict(raw)
    if len(options) != len(raw):
        bad("an option is given twice")
    unknown = sorted(set(options) - set(_OPTION_CHECKS))
    if unknown:
        bad(f"unknown option(s) {', '.join(repr(k)[:40] for k in unknown[:5])}")
    missing = sorted(set(_OPTION_CHECKS) - set(options))
    if missing:
        bad(f"missing option(s) {', '.join(missing)}")
    for name, (expected, ok) in _OPTION_CHECKS.items():
        if not ok(options[name]):
            bad(f"option {name} is not {expected}")
    # index
    raw_index = state["index"]
    if not isinstance(raw_index, dict) or set(raw_index) != set(_INDEX_FIELDS):
        bad(f"index does not hold exactly the fields {', '.join(_INDEX_FIELDS)}")
    try:
        index = {name: _unplain(raw_index[name]) for name in _INDEX_FIELDS}
    except (TypeError, ValueError, IndexError) as exc:
        bad(f"index: {exc}")
    _check_index(index, len(gazetteers), checked, bad)
    return options, index


def _check_index(
    index: dict[str, Any], n_gazetteers: int, checked: set[int], bad: Callable[[str], NoReturn]
) -> None:
    """Check the index fields of a saved matcher against each other (see :meth:`Matcher._build`)."""

    def ints_below(values: Iterable[Any], limit: int) -> bool:
        return all(isinstance(v, int) and 0 <= v < limit for v in values)

    entries = index["_entries"]
    if not isinstance(entries, list):
        bad("index: _entries is not a list")
    for entry in entries:
        if id(entry) not in checked:
            problem = _check_entry(entry)
            if problem:
                bad(f"index: _entries: {problem}")
    n_entries = len(entries)
    entry_gaz = index["_entry_gaz"]
    if not isinstance(entry_gaz, list) or len(entry_gaz) != n_entries:
        bad("index: _entry_gaz is not a list as long as _entries")
    if not ints_below(entry_gaz, n_gazetteers):
        bad("index: _entry_gaz names a gazetteer that is not there")
    a_entry, a_kind, a_surface = index["_a_entry"], index["_a_kind"], index["_a_surface"]
    if not (isinstance(a_entry, array.array) and a_entry.typecode == "i"):
        bad("index: _a_entry is not an array of ints")
    if not isinstance(a_kind, bytearray) or not isinstance(a_surface, list):
        bad("index: _a_kind is not a bytearray or _a_surface not a list")
    n_rows = len(a_surface)
    if len(a_entry) != n_rows or len(a_kind) != n_rows:
        bad("index: _a_entry, _a_kind and _a_surface differ in length")
    if n_rows and (min(a_entry) < 0 or max(a_entry) >= n_entries):
        bad("index: _a_entry names an entry that is not there")
    if n_rows and max(a_kind) >= len(_KIND_NAMES):
        bad("index: _a_kind holds an unknown kind")
    if not all(map(_is_str, a_surface)):
        bad("index: _a_surface is not a list of strings")
    phrases, prefixes, words = index["_phrases"], index["_prefixes"], index["_words"]
    if not isinstance(phrases, dict) or not all(map(_is_str, phrases)):
        bad("index: _phrases is not a dict of strings")
    for rows in phrases.values():
        if not isinstance(rows, int | list) or not ints_below(
            (rows,) if isinstance(rows, int) else rows, n_rows
        ):
            bad("index: _phrases names an alias row that is not there")
    if not isinstance(prefixes, set) or not all(map(_is_str, prefixes)):
        bad("index: _prefixes is not a set of strings")
    if not isinstance(words, list) or not all(map(_is_str, words)):
        bad("index: _words is not a list of strings")
    for name in ("_loose", "_dotless", "_deleted"):
        table = index[name]
        if not (isinstance(table, array.array) and table.typecode == "Q"):
            bad(f"index: {name} is not an array of 8-byte unsigned ints")
        if table and max(v & _INDEX_MASK for v in table) >= len(words):
            bad(f"index: {name} names a word that is not there")


class _SafeUnpickler(pickle.Unpickler):
    """Reads plain data and arnorm's gazetteer records, and refuses everything else.

    A saved matcher is data: a file that asks for any other class or
    function (which is how a pickle runs code) is refused.
    """

    _ALLOWED: Final = {
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("arnorm.gazetteer", "Entry"),
        ("arnorm.gazetteer", "Source"),
        ("arnorm.gazetteer", "Role"),
        ("arnorm.gazetteer", "_restore"),
    }

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"refused to load {module}.{name}")
        return super().find_class(module, name)


#: ``_Hit(*fields)`` without the Python-level ``__new__`` of a named tuple.
_new_hit: Final = functools.partial(tuple.__new__, _Hit)


def _spans(
    hits: list[_Hit], by_span: dict[tuple[int, int, int], list[_Hit]], longest: bool
) -> Iterator[list[_Hit]]:
    """The hits grouped by span, leftmost first and, at one start, longest first.

    A span is (first word, clitic letters cut, end word): its order is the
    order of the spans' offsets.  Hits come in order of their first word, so
    for leftmost-longest only the hits of one first word at a time need
    sorting (usually one or two).
    """
    if not longest:
        for hit in hits:
            by_span.setdefault((hit.ti, hit.cut, -hit.tj), []).append(hit)
        for key in sorted(by_span):
            yield by_span[key]
        return
    n = len(hits)
    i = 0
    while i < n:
        hit = hits[i]
        j = i + 1
        if j == n or hits[j].ti != hit.ti:  # the usual case: one hit from this word
            yield [hit]
            i = j
            continue
        while j < n and hits[j].ti == hit.ti:
            j += 1
        spans: dict[tuple[int, int, int], list[_Hit]] = {}
        for other in hits[i:j]:
            spans.setdefault((other.ti, other.cut, -other.tj), []).append(other)
        for key in sorted(spans):
            yield spans[key]
        i = j


def _alone_ok(methods: tuple[str, ...], word: str) -> bool:
    """A name of one word found by a fuzzy lookup must be long enough to trust."""
    if "variant*" in methods:
        return False
    if "dots" in methods:
        return len(word) >= _MIN_DOTS_ALONE
    if "edit" in methods:
        return len(word) >= _MIN_EDIT_ALONE
    return True


def _surfaces(entry: Entry) -> Iterator[tuple[str, int]]:
    for surface in (entry.name, *entry.aliases):
        yield surface, _EXACT
    for abbr in entry.abbreviations:
        yield abbr, _ABBREVIATION


def _normalize_all(normalizer: Normalizer, surfaces: list[str]) -> list[str]:
    """Normalize many short strings at once (one call is much faster than thousands)."""
    if not any("\n" in s for s in surfaces):
        out = normalizer("\n".join(surfaces)).split("\n")
        if len(out) == len(surfaces):
            return out
    return [normalizer(s) for s in surfaces]


_HASH_BITS: Final = 32
_INDEX_BITS: Final = 24
_INDEX_MASK: Final = (1 << _INDEX_BITS) - 1


def _key_hash(key: str) -> int:
    """A 32-bit hash of *key* that every process agrees on (``hash()`` is salted per process).

    A saved or pickled index must mean the same in the process that loads it.
    """
    return zlib.crc32(_key_bytes(key))


_BUCKET_SHIFT: Final = _HASH_BITS + _INDEX_BITS - 4


def _sorted_array(values: Iterable[int]) -> array.array[int]:
    """The packed *values*, sorted, as 8-byte integers.

    They are first spread over 16 arrays by their top bits, which sorts them
    by those bits at no cost, then each is sorted on its own: only a
    sixteenth of them is ever held as Python ints.
    """
    buckets = [array.array("Q") for _ in range(16)]
    shift = _BUCKET_SHIFT
    for value in values:
        buckets[value >> shift].append(value)
    out = array.array("Q")
    for bucket in buckets:
        out.extend(sorted(bucket))
        del bucket[:]
    return out


def _probe(table: array.array[int], key: str) -> list[int]:
    """The word indices stored under *key*'s hash (a few false ones are possible)."""
    return _probe_bytes(table, _key_bytes(key))


def _probe_bytes(table: array.array[int], key: bytes) -> list[int]:
    """:func:`_probe` of a key already turned into bytes."""
    low = zlib.crc32(key) << _INDEX_BITS
    i = bisect.bisect_left(table, low)
    high = low | _INDEX_MASK
    found: list[int] = []
    n = len(table)
    while i < n and table[i] <= high:
        found.append(table[i] & _INDEX_MASK)
        i += 1
    return found


def _evidence(
    hit: _Hit,
    tokens: list[str],
    seps: list[str],
    starting: dict[int, list[_Hit]],
    ending: dict[int, list[_Hit]],
    cues_of: Callable[[str], frozenset[str]],
) -> bool:
    """A common-word alias counts only with evidence around it, on its line.

    Evidence is a cue word of the entry's type just before it (منطقة الخليج،
    تنظيم القاعدة) or, for places, another place in the same list
    (بالخليج أو أوربا).  Nothing on another line counts: a line is matched
    the same alone as in its text (``seps[i]`` is what precedes word *i*).
    """
    kind = hit.alias.entry.type
    if kind not in _CUES:
        return False
    ti, tj = hit.ti, hit.tj
    before = ti > 0 and "\n" not in seps[ti]  # the word before is on the same line
    if before and kind in cues_of(tokens[ti - 1]):
        return True
    if kind not in _LIST_EVIDENCE or not starting:
        return False
    after = tj < len(tokens) and "\n" not in seps[tj]
    neighbours = [*(starting.get(tj, ()) if after else ()), *(ending.get(ti, ()) if before else ())]
    if after and tokens[tj] in _CONJUNCTIONS and "\n" not in seps[tj + 1]:
        neighbours += starting.get(tj + 1, ())
    if before and tokens[ti - 1] in _CONJUNCTIONS and "\n" not in seps[ti - 1]:
        neighbours += ending.get(ti - 1, ())
    return any(other.alias.entry.type == kind for other in neighbours)


def _rank_key(
    scored: tuple[float, _Hit, str], group: list[_Hit]
) -> tuple[float, int, int, int, str]:
    score, hit, _method = scored
    entry = hit.alias.entry
    # An entry that another candidate is part of (the country of a city of the same name) first.
    contains = any(h.alias.entry.part_of == entry.id for h in group)
    return (
        -score,
        0 if contains else 1,
        0 if hit.alias.kind == "exact" else 1,
        hit.alias.order,
        entry.id,
    )


def _candidate_from(hit: _Hit, score: float, method: str) -> Candidate:
    entry = hit.alias.entry
    return Candidate(
        id=entry.id,
        type=entry.type,
        name=entry.name,
        name_en=entry.name_en,
        gazetteer=hit.alias.gazetteer,
        version=hit.alias.version,
        alias=hit.alias.surface,
        score=round(score, 4),
        method=method,
    )


def _candidate(match: Match) -> Candidate:
    """The match seen as one candidate among others: the fields they share."""
    return Candidate(**{f.name: getattr(match, f.name) for f in dataclasses.fields(Candidate)})


def _dedupe(candidates: Sequence[Candidate], best: str) -> tuple[Candidate, ...]:
    out: list[Candidate] = []
    ids = {best}
    for c in candidates:
        if c.id not in ids and c.score > 0:
            ids.add(c.id)
            out.append(c)
    return tuple(out)


class _Words:
    """The words of a normalized text, the separators between them, and their offsets."""

    __slots__ = ("_at", "_offset", "_parts", "seps", "tokens")

    def __init__(self, normalized: str) -> None:
        self._parts = _SPLIT.split(normalized)
        #: ``tokens[i]`` is word *i*; ``seps[i]`` is what precedes it, ``seps[i + 1]``
        #: what follows it.
        self.tokens: list[str] = self._parts[1::2]
        self.seps: list[str] = self._parts[0::2]
        self._at = self._offset = 0

    def offset(self, part: int) -> int:
        """Where part *part* starts: word *i* spans ``offset(2i + 1)`` to ``offset(2i + 2)``.

        Matches are few and come in order, so the offset is carried from the
        last one asked for, by joining the parts in between (a copy in C,
        cheaper than a table of every part's offset).
        """
        at = self._at
        if part >= at:
            self._offset += len("".join(self._parts[at:part]))
        else:
            self._offset -= len("".join(self._parts[part:at]))
        self._at = part
        return self._offset


_ARABIC_WORD: Final = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


def _is_arabic(word: str) -> bool:
    return _ARABIC_WORD.fullmatch(word) is not None


def _cut(text: str, start: int, end: int) -> int:
    """Where to end a window of *text* that starts at *start*: after its last space or line
    break before *end* (in its second half), or at *end* if it has none."""
    half = start + (end - start) // 2
    cut = max(text.rfind(" ", half, end), text.rfind("\n", half, end))
    return cut + 1 if cut >= 0 else end


def _deleted_prefix(normalizer: Normalizer, chunk: str, end: int) -> int:
    """How many characters at the start of *chunk* normalization deletes (before *end*).

    In a text, what normalizing deletes after a space or a line break belongs
    to it, not to the word after it; at the start of a chunk it has no
    character before it, so a match there starts after it all the same.
    """
    if normalizer(chunk[:1]):
        return 0
    lo, hi = 1, end  # chunk[:lo] normalizes to nothing, chunk[:hi] to something
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if normalizer(chunk[:mid]):
            hi = mid
        else:
            lo = mid
    return lo
