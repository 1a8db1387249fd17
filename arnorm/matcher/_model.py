"""What a match is: the public records (:class:`Match`, :class:`Candidate`) and the walk's own.

The scores and the methods are here too, since every part of the matcher reads them.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any, Final, Literal, NamedTuple, TypeVar

from ..gazetteer import Entry, EntryType, Role

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

Overlaps = Literal["longest", "all"]

#: How many entries each of a matcher's caches holds before it starts afresh.
CACHE_LIMIT = 1 << 18

_K = TypeVar("_K")
_V = TypeVar("_V")


def remember(cache: dict[_K, _V], key: _K, value: _V) -> None:
    """Keep *value* for *key*, starting *cache* afresh when it holds :data:`CACHE_LIMIT`.

    A cache is cleared whole, between words: a result is never half cached.
    """
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value


#: The kinds of alias row in the index, by number, and their names.
EXACT, ABBREVIATION, SURNAME, COMMON = range(4)
KIND_NAMES: Final = ("exact", "abbreviation", "surname", "common")


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
class Evidence:
    """Why a match names its entry: what in the text chose it.

    *kind* is ``marks`` (a shadda the text writes where one entry's alias has it:
    عمّان), ``qualifier``, ``earlier`` (the same name qualified earlier in the text: the
    qualifier's words; or a city's cue that read it earlier: the cue's words), ``sentence``
    or ``document`` (the country evidence, strongest first), ``dateline`` (a city's name
    that begins a line, then a dash, a bracket or a date: عمان 21 كانون الثاني), ``cue``
    (a word before a common-word name, or العاصمة before a capital, or a title before a
    real word read as a name's spelling), ``list``
    (another name of the same type beside it), ``inside`` (a place the text names that
    the entry lies inside, where places of one name lie in different places: المطرية after
    القاهرة; or right after a common-word name: المنطقة الشرقية بالسعودية), ``contains`` (a
    place named right before a common-word name that lies inside its entry: القطيف في
    المنطقة الشرقية), ``unit`` (a local unit's name, the head its body lists and a place of
    the body's country: ولاية أمن طنجة; *text* is the place's words) or ``full-name`` (a
    surname alone, or a real word read as a name's spelling, after the person's full name).
    *text* is the words that are the evidence, as normalized (for ``marks``, as the text
    writes them);
    *country* the country they point to.
    """

    kind: str
    text: str
    country: str | None = None

    def __str__(self) -> str:
        country = f" ({self.country})" if self.country else ""
        return f"{self.kind}: {self.text}{country}"


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
    #: What in the text chose this entry, or showed a common word to be a name
    #: (empty when the name alone was enough).
    evidence: tuple[Evidence, ...] = ()
    #: With ``Matcher(as_of=DATE)``: the roles a person held on that date
    #: (:meth:`~arnorm.gazetteer.Entry.roles_at`), empty for other entries;
    #: ``None`` when no date was asked about.
    roles: tuple[Role, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The match as plain JSON-ready data (candidates, evidence and roles as dicts too)."""
        data = dataclasses.asdict(self)
        data["candidates"] = [dataclasses.asdict(c) for c in self.candidates]
        data["evidence"] = [dataclasses.asdict(e) for e in self.evidence]
        data["roles"] = None if self.roles is None else [role_dict(r) for r in self.roles]
        return data


def role_dict(role: Role) -> dict[str, str | None]:
    """A role as the gazetteer files write it (``from`` and ``to``)."""
    return {
        "title": role.title,
        "title_en": role.title_en,
        "organization": role.organization,
        "from": role.start,
        "to": role.end,
        "note": role.note,
    }


# The public records are arnorm.matcher's: documented, pickled and printed under that name.
for _public in (Candidate, Evidence, Match):
    _public.__module__ = "arnorm.matcher"
del _public


@dataclasses.dataclass(frozen=True, slots=True)
class Alias:
    """One alias row of the index, with the entry and gazetteer it belongs to."""

    entry: Entry
    gazetteer: str
    version: str
    surface: str
    kind: str  # "exact", "abbreviation", "surname" or "common"
    order: int


#: A walk through the words of a name: (words taken so far, the key they make,
#: clitic letters cut from the first, score factor, methods, typos, the alias
#: rows of the key or None, whether the key may go on).
State = tuple[int, str, int, float, tuple[str, ...], int, Sequence[int] | None, bool]


class Hit(NamedTuple):
    """A name found from word *ti* up to (not including) word *tj*, less *cut* clitic letters."""

    ti: int
    tj: int
    cut: int
    alias: Alias
    factor: float
    methods: tuple[str, ...]


#: ``Hit(*fields)`` without the Python-level ``__new__`` of a named tuple.
new_hit: Final = functools.partial(tuple.__new__, Hit)


def rows_of(found: int | list[int] | None) -> tuple[int, ...] | None:
    """The alias rows of an index key, as a tuple (the index keeps one row as an int, and
    several as a list: a cached walk holds no list, which the garbage collector would
    go over in every full collection)."""
    if found is None:
        return None
    return (found,) if isinstance(found, int) else tuple(found)


def candidate_from(hit: Hit, score: float, method: str) -> Candidate:
    """The candidate that *hit*, scored *score* by *method*, stands for."""
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


def candidate_of(match: Match) -> Candidate:
    """The match seen as one candidate among others: the fields they share."""
    return Candidate(**{f.name: getattr(match, f.name) for f in dataclasses.fields(Candidate)})
