"""The index: every alias of the gazetteers, keyed by its normalized words, and its file format.

The index is kept compact so that a gazetteer of 100,000 entries fits in under
150 MB:

* an alias is a row of three parallel arrays (entry, kind, surface);
* a name is keyed by its normalized words joined with spaces, in ``phrases``
  (key -> alias row, or a list of rows), and every proper word-prefix of a key
  is in ``prefixes``, so a walk knows when to stop;
* the distinct words of the keys are one string of bytes (:class:`WordList`),
  not a Python object each;
* each variant class (:mod:`._variants`) has a sorted table of packed hashes of
  the keys of the index's words.

The saved format is version 3 (:data:`SAVE_MAGIC`): version 2 filed a word of
eight letters or more under each of its deletions for the one-edit class, and
kept the words as a list.
"""

from __future__ import annotations

import array
import functools
import itertools
import operator
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, NoReturn, overload

from ..gazetteer import ENTRY_TYPES, Entry, Gazetteer, Role, Source
from ..normalizer import Normalizer
from ._context import GENERIC_TYPES
from ._model import ABBREVIATION, COMMON, EXACT, KIND_NAMES, SURNAME
from ._morphology import (
    ARABIC_WORD,
    ARTICLE_COUNTRIES,
    COMPOUND_ENDS,
    CUES,
    NASAB,
    ORDINALS,
    PARTICLES,
    TOKEN,
    is_style,
    units,
    without_nasab,
)
from ._variants import (
    INDEX_MASK,
    REGISTRY,
    build_table,
    commonest_words,
)


def why_common(
    key: str, common: frozenset[str], frequent: frozenset[str], safe: frozenset[str]
) -> str:
    """Why the normalized alias *key* is a common word (an empty string: it is not)."""
    if key in common:
        return "it is in the list of common words"
    if " " not in key and key in frequent and key not in safe:
        return "it is a frequent Arabic word (and not in safe_words)"
    return ""


def surfaces(entry: Entry) -> list[tuple[str, int]]:
    """Every surface of *entry* (name, aliases, abbreviations) with its kind of row."""
    out = [(entry.name, EXACT)]
    if entry.aliases:
        out += zip(entry.aliases, itertools.repeat(EXACT))
    if entry.abbreviations:
        out += zip(entry.abbreviations, itertools.repeat(ABBREVIATION))
    return out


#: Each line of a text, the empty ones too.
_LINE: Final = re.compile(r"(?m)^.*$")


def normalize_all(normalizer: Normalizer, strings: list[str]) -> Iterator[str]:
    """Normalize many short strings at once (one call is much faster than thousands).

    The normalized strings are made one at a time as they are taken, from the one
    normalized text: a caller that keeps few of them never holds them all.
    """
    joined = "\n".join(strings)
    lines = len(strings) - 1
    if strings and joined.count("\n") == lines:  # no string holds a line break
        text = normalizer(joined)
        del joined
        if text.count("\n") == lines:
            return map(operator.methodcaller("group"), _LINE.finditer(text))
    return map(normalizer, strings)


#: A run of characters between two words of a line (no line break).
_BETWEEN: Final = re.compile(r"(?:[^\w\n]|_)+")


def word_keys(normalizer: Normalizer, strings: list[str]) -> list[str]:
    """The words of each of *strings*, normalized, joined by single spaces
    (``" ".join(TOKEN.findall(normalizer(s)))``), made for all of them at once in C."""
    lines_after = len(strings) - 1
    joined = "\n".join(strings)
    if strings and joined.count("\n") == lines_after:  # the usual case: as normalize_all
        text = normalizer(joined)  # does, without cutting the text in lines and joining
        del joined  # them again
        if text.count("\n") == lines_after:
            spaced = _BETWEEN.sub(" ", text).split("\n")
            return list(map(str.strip, spaced, itertools.repeat(" ")))
    lines = list(normalize_all(normalizer, strings))
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:  # a string kept a line break: one by one
        return [" ".join(TOKEN.findall(line)) for line in lines]
    del lines
    spaced = _BETWEEN.sub(" ", text).split("\n")
    return list(map(str.strip, spaced, itertools.repeat(" ")))


class WordList(Sequence[str]):
    """The index's distinct words, in one string of bytes: a word costs a byte a letter
    (Windows-1256, which holds every letter the ``search`` profile leaves; UTF-8 when
    a word has another) and four for its place, not a Python object of its own (about
    90 bytes)."""

    __slots__ = ("data", "encoding", "starts")

    def __init__(self, text: str) -> None:
        try:
            #: The words, joined by line breaks (a word holds none), encoded.
            self.data = text.encode("cp1256")
            self.encoding = "cp1256"
        except UnicodeEncodeError:
            self.data, self.encoding = text.encode("utf-8"), "utf-8"
        lines = self.data.split(b"\n") if text else ()
        ends = itertools.accumulate(map(operator.add, map(len, lines), itertools.repeat(1)))
        #: Where each word starts in :attr:`data`, and where one after the last would:
        #: word *i* is ``data[starts[i] : starts[i + 1] - 1]``.
        self.starts = array.array("i", itertools.chain((0,), ends))

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        """The list of *words* (none of them empty)."""
        words = list(words)
        text = "\n".join(words)
        try:
            data = text.encode("cp1256")
        except UnicodeEncodeError:
            return cls(text)
        # the usual case: a letter is a byte, and the places come from the words'
        # lengths (no split of the bytes into a bytes object for each word)
        out = cls.__new__(cls)
        out.data, out.encoding = data, "cp1256"
        ends = itertools.accumulate(map((1).__add__, map(len, words)))
        out.starts = array.array("i", itertools.chain((0,), ends))
        return out

    @property
    def text(self) -> str:
        """The words, joined by line breaks."""
        return self.data.decode(self.encoding)

    def __len__(self) -> int:
        return len(self.starts) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return list(self)[i]
        starts = self.starts
        return self.data[starts[i] : starts[i + 1] - 1].decode(self.encoding)

    @property
    def longest(self) -> int:
        """The length of the longest word (0 for none)."""
        if self.encoding != "cp1256":  # a letter may take several bytes
            return max(map(len, self), default=0)
        starts = self.starts
        return max(map(operator.sub, starts[1:], starts[:-1]), default=1) - 1

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split("\n") if self.data else ())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordList) and other.text == self.text

    __hash__ = None  # type: ignore[assignment]


class Index:
    """The built index of a matcher (see the module docstring); plain data, saved as it is."""

    #: The attributes that make up an index, in the order a saved file holds them.
    FIELDS: Final = (
        "entries",
        "entry_gaz",
        "a_entry",
        "a_kind",
        "a_surface",
        "phrases",
        "prefixes",
        "words",
        "tables",
    )

    entries: list[Entry]
    entry_gaz: list[int]
    a_entry: array.array[int]
    a_kind: bytearray
    a_surface: list[str]
    phrases: dict[str, int | list[int]]
    prefixes: set[str]
    words: WordList
    tables: dict[str, array.array[int]]

    def add(self, key: str, row: int) -> None:
        """File alias *row* under *key* (its words joined by spaces).

        The words and the prefixes of the keys are collected once every key is in
        (:func:`words_of`, :func:`prefixes_of`).
        """
        phrases, owners = self.phrases, self.a_entry
        found = phrases.get(key)
        if found is None:
            phrases[key] = row
            return
        owner = owners[row]
        if isinstance(found, int):
            if owners[found] != owner:  # else two spellings of one entry that fold alike
                phrases[key] = [found, row]
        elif all(owners[r] != owner for r in found):
            found.append(row)

    def rows(self, key: str) -> list[int]:
        """The alias rows filed under *key*."""
        found = self.phrases.get(key)
        return [] if found is None else [found] if isinstance(found, int) else list(found)


def build(
    gazetteers: Sequence[Gazetteer],
    *,
    types: frozenset[str] | None,
    surnames: bool,
    common: frozenset[str],
    frequent: frozenset[str],
    safe: frozenset[str],
    normalizer: Normalizer,
    common_rows: dict[int, str] | None = None,
    people_given: list[tuple[frozenset[str], GivenNames]] | None = None,
) -> Index:
    """The index of the entries of *gazetteers* (of *types*), under these word lists.

    Each alias row found to be a common word is put in *common_rows* (when given) with
    why (:func:`why_common`), in the order of the rows: the matcher's warning reads it
    rather than normalizing every alias again.  *people_given*, when given, receives the
    given names of the indexed people and each one's own (:func:`people_given_names`),
    which the build reads for the surnames and the matcher keeps.
    """
    index = Index()
    entry_gaz: list[int] = []
    entries: list[Entry] = []
    for g, gaz in enumerate(gazetteers):
        chosen = list(gaz) if types is None else [e for e in gaz if e.type in types]
        entries += chosen
        entry_gaz += itertools.repeat(g, len(chosen))
    # the rows of each entry: its name, its aliases, its abbreviations; every step a
    # map in C over all the entries
    aliases = list(map(operator.attrgetter("aliases"), entries))
    abbreviations = list(map(operator.attrgetter("abbreviations"), entries))
    named = list(map(len, aliases))  # each entry's rows of kind EXACT, less its name
    shortened = list(map(len, abbreviations))  # and of kind ABBREVIATION
    counts = list(map(operator.add, map(operator.add, named, shortened), itertools.repeat(1)))
    firsts = zip(map(operator.attrgetter("name"), entries))  # one-tuples of the names
    strings = list(
        itertools.chain.from_iterable(
            map(operator.add, map(operator.add, firsts, aliases), abbreviations)
        )
    )
    exact, short = bytes((EXACT,)), bytes((ABBREVIATION,))
    kinds = bytearray(
        b"".join(
            map(
                operator.add,
                map(operator.mul, itertools.repeat(exact), map((1).__add__, named)),
                map(operator.mul, itertools.repeat(short), shortened),
            )
        )
    )
    owners = array.array(
        "i", itertools.chain.from_iterable(map(itertools.repeat, range(len(entries)), counts))
    )
    #: The entry type of each row.
    row_types = list(
        itertools.chain.from_iterable(
            map(itertools.repeat, map(operator.attrgetter("type"), entries), counts)
        )
    )
    index.entries, index.entry_gaz = entries, entry_gaz
    index.a_entry, index.a_kind, index.a_surface = owners, kinds, strings
    phrases: dict[str, int | list[int]] = {}
    index.phrases, index.prefixes = phrases, set()
    add = index.add
    #: The surname and the style and given name of each person's name (:func:`_name_parts`),
    #: and its entry.
    parts: list[tuple[str | None, tuple[str, str] | None, int]] = []
    #: The other form of a body's name of one word, with or without the article.
    article_forms: list[tuple[str, int]] = []
    # (a row's kind is read before it is changed, and only its own)
    spaced_keys = word_keys(normalizer, strings)
    rows = zip(itertools.count(), spaced_keys, kinds, row_types)
    for row, spaced, kind, entry_type in rows:
        if not spaced:
            continue
        if " " not in spaced:  # the usual case: a name of one word
            key_units: tuple[str, ...] = (spaced,)
            key = last_written = spaced
        else:
            key, key_units, last_written = _key_of(spaced)
        one = len(key_units) == 1
        if kind == EXACT and not one and surnames and entry_type == "person":
            surname, styled = _name_parts(key_units, last_written)
            parts.append((surname, styled, owners[row]))
        # why_common, inline: the build's busiest test
        if kind != SURNAME and (
            key in common or (" " not in key and key in frequent and key not in safe)
        ):
            kind = kinds[row] = COMMON
            if common_rows is not None:
                common_rows[row] = why_common(key, common, frequent, safe)
            if entry_type not in CUES and entry_type not in GENERIC_TYPES:
                continue  # no evidence can ever show it is meant as a name: never reported
        if key not in phrases:  # the usual case, at once: a new key
            phrases[key] = row
        else:
            add(key, row)
        if kind == ABBREVIATION:  # (the only names _written_forms has a form of, with
            for form in _written_forms(key_units, kind, entry_type):  # the glued below)
                if not why_common(" ".join(form), common, frequent, safe):
                    add(" ".join(form), row)
        elif kind == EXACT and len(key_units) == 2 and entry_type in _GLUED_TYPES:
            glued = key_units[0] + key_units[1]  # _written_forms's one form of it, at once
            if glued not in common and (glued not in frequent or glued in safe):
                add(glued, row)
        if one and entry_type in ARTICLE_TYPES:
            other = article_form(key_units, kind, entry_type)
            if other is not None:
                article_forms.append((other, row))
    # after every alias is in: a name that is an alias of its own is never another's form
    added: set[str] = set()
    nasab_forms = _nasab_forms(spaced_keys, kinds, row_types)
    for other_key, row in article_forms + nasab_forms:
        if (other_key in added or other_key not in phrases) and not why_common(
            other_key, common, frequent, safe
        ):
            added.add(other_key)
            add(other_key, row)
    given = _given_of(entries, normalizer, people_given)
    shared = shared_given_names(entries, normalizer)
    _add_surnames(index, [(n, o) for n, _, o in parts if n is not None], given, shared)
    _add_styled_given(index, [(*s, o) for _, s, o in parts if s is not None], given)
    index.prefixes = prefixes_of(phrases)
    word_list = words_of(phrases)
    index.words = WordList.of(word_list)
    index.tables = build_tables(word_list)
    return index


def _nasab_forms(
    spaced_keys: Sequence[str], kinds: bytearray, row_types: Sequence[str]
) -> list[tuple[str, int]]:
    """The key of each person's name of three units or more, less the nasab particles inside
    it (:func:`without_nasab`), with its row: the exact rows only (a common person's name is
    never reported, and its row's kind is no longer exact)."""
    found = []
    for row, spaced in enumerate(spaced_keys):
        if kinds[row] != EXACT or row_types[row] != "person" or NASAB.isdisjoint(spaced.split()):
            continue
        bare = without_nasab(spaced)
        if bare is not None:
            found.append((_key_of(bare)[0], row))
    return found


def _given_of(
    entries: Iterable[Entry],
    normalizer: Normalizer,
    people_given: list[tuple[frozenset[str], GivenNames]] | None,
) -> frozenset[str]:
    """The given names of the people of *entries*; with each one's own put in
    *people_given* (when given)."""
    people = [e for e in entries if e.type == "person"]
    given, own = people_given_names(people, normalizer)
    if people_given is not None:
        people_given.append((given, own))
    return given


def words_of(phrases: Iterable[str]) -> list[str]:
    """The distinct words of the keys *phrases*, in the order they first appear."""
    return list(dict.fromkeys(" ".join(phrases).split(" "))) if phrases else []


def prefixes_of(phrases: Iterable[str]) -> set[str]:
    """Every proper word-prefix of the keys *phrases* (a walk goes on while its key is one)."""
    prefixes: set[str] = set()
    spaced = functools.partial(map, str.__contains__)  # (each key, " ") -> has a space
    space = itertools.repeat(" ")
    longer = list(itertools.compress(phrases, spaced(phrases, space)))
    while longer:  # every step a map in C
        heads = list(map(operator.itemgetter(0), map(str.rpartition, longer, space)))
        prefixes.update(heads)
        longer = list(itertools.compress(heads, spaced(heads, space)))
    return prefixes


def key_of(spaced: str) -> str:
    """The key the index gives a name of several words (*spaced*: its words joined by spaces):
    a name particle joined to the word after it (بن سليمان gives بنسليمان)."""
    return _key_of(" ".join(spaced.split()))[0]


def _key_of(spaced: str) -> tuple[str, tuple[str, ...], str]:
    """The key of a name of several words (*spaced*: its words joined by spaces), its units
    (a particle joined to the word after it), and its last word as written."""
    written = spaced.split(" ")
    if PARTICLES.isdisjoint(written):  # no particle: the units are the words
        return spaced, tuple(written), written[-1]
    key_units = units(spaced, first=False)
    return " ".join(key_units), key_units, written[-1]


def _first_words(entries: Iterable[Entry], normalizer: Normalizer) -> list[str]:
    """The first word of each person's name (normalized), titles (words with ال) aside."""
    names = [e.name for e in entries if e.type == "person"]
    firsts = (TOKEN.findall(name)[:1] for name in normalize_all(normalizer, names))
    return [w for first in firsts for w in first if not w.startswith("ال")]


def _first_compounds(entries: Iterable[Entry], normalizer: Normalizer) -> list[str]:
    """The compound given name that begins each person's name whose first word is a name
    particle (normalized, the particle joined to the word after it: عبد الملك الحوثي gives
    عبدالملك, أبو بكر البغدادي gives ابوبكر)."""
    names = [e.name for e in entries if e.type == "person"]
    words = (TOKEN.findall(name)[:2] for name in normalize_all(normalizer, names))
    return [w[0] + w[1] for w in words if len(w) == 2 and w[0] in PARTICLES]


def shared_given_names(entries: Iterable[Entry], normalizer: Normalizer) -> frozenset[str]:
    """The given names (:func:`given_names`) that two people or more bear: the common ones
    (محمد، علي), whose form with the article (المحمد) is never a surname alone, where a given
    name one person bears (أسد) leaves الأسد a surname.  A compound given name (عبد الملك،
    عبد الله: :func:`_first_compounds`) that two people or more bear is one too, and is never
    a surname alone either: عبد الملك alone is not معين عبد الملك, while عبد العاطي, one
    person's given name, stays بدر عبد العاطي's surname."""
    entries = list(entries)
    counts = Counter(_first_words(entries, normalizer))
    counts.update(_first_compounds(entries, normalizer))
    return frozenset(w for w, n in counts.items() if n > 1)


def given_names(entries: Iterable[Entry], normalizer: Normalizer) -> frozenset[str]:
    """The first words of the people's names (normalized), titles (words with ال) aside."""
    return frozenset(_first_words(entries, normalizer))


#: Entry types whose names of two words the press also glues into one (الدارالبيضاء).
_GLUED_TYPES: Final = frozenset({"place", "agency", "organization"})


def _written_forms(
    key_units: tuple[str, ...], kind: int, entry_type: str
) -> Iterator[tuple[str, ...]]:
    """Other ways the press writes a name: its two words glued (الدارالبيضاء), and an
    abbreviation with the article (السي آي إيه), each as the words of a key."""
    if len(key_units) == 2 and entry_type in _GLUED_TYPES and kind == EXACT:
        yield ("".join(key_units),)
    first = key_units[0]
    if kind == ABBREVIATION and ARABIC_WORD.fullmatch(first) and not first.startswith("ال"):
        yield ("ال" + first, *key_units[1:])


#: Entry types whose names of one word the press writes with and without the article
#: (الإنتربول / إنتربول، الموساد / موساد).
ARTICLE_TYPES: Final = frozenset({"agency", "organization"})
#: The fewest letters a name of one word has, its article aside, to be read in its other form.
ARTICLE_MIN: Final = 4


def article_form(key_units: tuple[str, ...], kind: int, entry_type: str) -> str | None:
    """The other form of a body's name of one word: without its article (الإنتربول →
    إنتربول), or with it (يوروبول → اليوروبول); None for any other name.

    The caller adds it only when it is no alias of any entry and no frequent word
    (حماس gives no الحماس, enthusiasm; الحرس no حرس, guards).
    """
    if len(key_units) != 1 or kind not in (EXACT, ABBREVIATION) or entry_type not in ARTICLE_TYPES:
        return None
    word = key_units[0]
    if not ARABIC_WORD.fullmatch(word):
        return None
    bare = word[2:] if word.startswith("ال") else word
    if len(bare) < ARTICLE_MIN:
        return None
    return bare if bare != word else "ال" + word


class GivenNames(Mapping[str, frozenset[str]]):
    """Each person's own given names, by entry id: one string a person (the names joined
    by spaces), a frozenset made when asked for (a frozenset is 216 bytes at least)."""

    __slots__ = ("_names",)

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names

    def __getitem__(self, entry_id: str) -> frozenset[str]:
        joined = self._names[entry_id]
        return frozenset(joined.split(" ")) if joined else frozenset()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def own_given_names(people: Sequence[Entry], normalizer: Normalizer) -> GivenNames:
    """Each person's own given names: the first word of each of their names and aliases."""
    return people_given_names(people, normalizer)[1]


def people_given_names(
    people: Sequence[Entry], normalizer: Normalizer
) -> tuple[frozenset[str], GivenNames]:
    """``given_names(people)`` and ``own_given_names(people)``, from one normalization of
    the people's names and aliases (a person's name is the first of their surfaces)."""
    each = [e.surfaces for e in people]
    names = [surface for surfaces in each for surface in surfaces]
    # the first word of each name, or None (as strings, not lists: nothing for the
    # garbage collector to follow)
    firsts = [
        None if found is None or found[0].startswith("ال") else found[0]
        for found in map(TOKEN.search, normalize_all(normalizer, names))
    ]
    own: dict[str, str] = {}
    given: set[str] = set()
    at = 0
    for e, surfaces in zip(people, each, strict=True):
        name_first = firsts[at]  # (the name is the first surface)
        if name_first is not None:
            given.add(name_first)
        count = len(surfaces)
        mine = [w for w in firsts[at : at + count] if w is not None]
        at += count
        before = own.get(e.id)
        if before:
            mine = [*before.split(" "), *mine]
        own[e.id] = " ".join(dict.fromkeys(mine))
    return frozenset(given), GivenNames(own)


def surname_of(key_units: tuple[str, ...]) -> tuple[str, ...]:
    """The units of the surname of a person's name of two units or more: its last unit, or
    its last two when the name ends in a compound (حسن نصر الله: نصر الله), or none when the
    compound is the whole name.

    >>> surname_of(("حسن", "نصر", "الله")), surname_of(("عبداللطيف", "حموشي"))
    (('نصر', 'الله'), ('حموشي',))
    """
    if key_units[-1] in COMPOUND_ENDS:
        return key_units[-2:] if len(key_units) > 2 else ()
    return key_units[-1:]


def surname_forms(
    surname: tuple[str, ...],
    given: frozenset[str],
    *,
    article: bool = True,
    shared: frozenset[str] | None = None,
) -> list[tuple[str, ...]]:
    """The forms a person's *surname* is written alone in, as the words of a key.

    A surname of one word: as written and, with *article* (a person of an Arab League
    state, or of no country), with the article too; three letters at least, and never a
    given name (إبراهيم، علي), a given name of two people or more with the article
    (*shared*, :func:`shared_given_names`: المحمد; all of *given* when it is None), or one
    of the commonest words (الا). A compound surname: its two words, and the two glued
    (نصرالله).

    >>> surname_forms(("حموشي",), frozenset())
    [('حموشي',), ('الحموشي',)]
    >>> surname_forms(("بينيت",), frozenset(), article=False)
    [('بينيت',)]
    """
    if len(surname) == 2:
        return [surname, ("".join(surname),)]
    if not surname:
        return []
    (last,) = surname
    if last in given or last.removeprefix("ال") in (given if shared is None else shared):
        return []
    commonest = commonest_words()
    forms = dict.fromkeys((last, last if last.startswith("ال") or not article else "ال" + last))
    return [(form,) for form in forms if len(form) >= 3 and form not in commonest]


def _add_surnames(
    index: Index,
    last_names: Sequence[tuple[str, int]],
    given: frozenset[str],
    shared: frozenset[str],
) -> None:
    """A person's surname alone (حموشي، الحموشي، نصر الله: *last_names*, each with its
    entry's number) is a surname row, scored lower, even where the gazetteer lists it as an
    alias of its own (see :func:`surname_forms`)."""
    owners, kinds, phrases = index.a_entry, index.a_kind, index.phrases
    surfaces, entries = index.a_surface, index.entries
    commonest = commonest_words()
    for joined, owner in last_names:
        country = entries[owner].country
        article = country is None or country in ARTICLE_COUNTRIES
        if joined and " " not in joined:  # the usual case: surname_forms of one word, inline
            if is_given_too(joined, given, shared):
                continue  # علي، المحمد; but الأسد, though one person is named أسد
            with_article = joined if joined.startswith("ال") or not article else "ال" + joined
            forms = (joined,) if with_article == joined else (joined, with_article)
            keys = [form for form in forms if len(form) >= 3 and form not in commonest]
        else:
            last = tuple(joined.split(" ")) if joined else ()
            written = surname_forms(last, given, article=article, shared=shared)
            keys = [" ".join(form) for form in written]
        for key in keys:
            found = phrases.get(key)
            if found is None:  # the usual case: a new key, a new row
                listed = []
            elif isinstance(found, int):
                listed = [found] if owners[found] == owner else []
            else:
                listed = [r for r in found if owners[r] == owner]
            for r in listed:
                kinds[r] = SURNAME
            if not listed:
                row = len(surfaces)
                surfaces.append(key)
                kinds.append(SURNAME)
                owners.append(owner)
                index.add(key, row)


def is_given_too(surname: str, given: frozenset[str], shared: frozenset[str]) -> bool:
    """Whether a surname of one word is never a surname alone because it is a given name too:
    one of the people's (*given*: علي، حسين), or, with the article, one that two people or
    more bear (*shared*: المحمد; but الأسد, though one person is named أسد)."""
    return surname in given or surname.removeprefix("ال") in shared


def given_surnames(
    entries: Sequence[Entry],
    normalizer: Normalizer,
    given: frozenset[str],
    shared: frozenset[str],
) -> dict[str, list[int]]:
    """The surnames alone of one word that :func:`_add_surnames` files no row for because
    they are given names too (حسين of فؤاد حسين; الصباح, two people being named صباح), each
    with the numbers of the people of *entries* whose surname it is: the surnames of the
    people's names only, not of their aliases (a nickname's or a long legal name's last word
    is no surname the press uses alone)."""
    named = [(owner, entry.name) for owner, entry in enumerate(entries) if entry.type == "person"]
    keys = word_keys(normalizer, [surface for _, surface in named]) if named else []
    commonest = commonest_words()
    found: dict[str, list[int]] = {}
    for (owner, _), spaced in zip(named, keys, strict=True):
        if " " not in spaced:
            continue
        _, key_units, last_written = _key_of(spaced)
        surname = _name_parts(key_units, last_written)[0] if len(key_units) > 1 else None
        if (
            surname
            and " " not in surname
            and is_given_too(surname, given, shared)
            and len(surname) >= 3
            and surname not in commonest
        ):
            owners = found.setdefault(surname, [])
            if owner not in owners:
                owners.append(owner)
    return found


_NASAB_STARTS: Final = tuple(NASAB)


def _name_parts(
    key_units: tuple[str, ...], last_written: str
) -> tuple[str | None, tuple[str, str] | None]:
    """The surname (its units joined by spaces) that a person's name of two units or more
    gives, if any, and its style and given name (الامير، عبدالعزيز), if it begins with a style
    with the article and has three units or more."""
    last = key_units[-1]
    first = key_units[0]
    styled = is_style(first)
    # بن سلمان at the end of a name is a father's name, not a surname; السادس (محمد السادس)
    # a regnal number, 600 (أبو حسن 600) a number; حاكم دبي، الملك سلمان a style, whose last
    # word is a place or a given name
    nasab = last != last_written and last.startswith(_NASAB_STARTS)
    surname = None
    if not nasab and not styled and last not in ORDINALS and not any(map(str.isdigit, last)):
        surname = " ".join(surname_of(key_units))
    given = (first, key_units[1]) if styled and len(key_units) > 2 and first[:2] == "ال" else None
    return surname, given


def _add_styled_given(
    index: Index, styled_given: Iterable[tuple[str, str, int]], given: frozenset[str]
) -> None:
    """A style with the article and a person's given name (الأمير عبدالعزيز، الشيخ خليفة),
    taken from a styled name of the person's (الأمير عبدالعزيز بن سعود), is a surname row too:
    a partial name, which the matcher reports only for a person named in full earlier
    (:func:`~._context.is_styled_given`).  Not where the second word is no given name (الفريق
    أول …), nor where the key is already one of the person's names."""
    owners, kinds, phrases, surfaces = index.a_entry, index.a_kind, index.phrases, index.a_surface
    for style, first, owner in dict.fromkeys(styled_given):
        if first not in given:
            continue
        key = style + " " + first
        found = phrases.get(key)
        rows = [] if found is None else [found] if isinstance(found, int) else found
        if any(owners[r] == owner for r in rows):
            continue
        row = len(surfaces)
        surfaces.append(key)
        kinds.append(SURNAME)
        owners.append(owner)
        index.add(key, row)


#: A character that is not an Arabic letter of :data:`ARABIC_WORD` (or the line break
#: between words).
_NOT_ARABIC: Final = re.compile("[^\u0621-\u064a\u0671-\u06d3\n]")


def build_tables(words: list[str]) -> dict[str, array.array[int]]:
    """The sorted table of every variant class over the index's *words*."""
    if len(words) > INDEX_MASK:
        raise ValueError(f"too many distinct words for the fuzzy index (> {INDEX_MASK})")
    lengths = list(map(len, words))
    # the words a class may file: Arabic words of MIN_LENGTH letters or more
    arabic: list[bool] | None = None  # None: every word is Arabic (the usual case)
    if _NOT_ARABIC.search("\n".join(words)) is not None:
        arabic = list(map(bool, map(ARABIC_WORD.fullmatch, words)))
    # the words each length gate chooses (MIN_LENGTH is the least of them), once for
    # the classes that share one (long vowels, dots)
    chosen: dict[int, tuple[array.array[int], list[str]]] = {}
    for least in {c.min_length for c in REGISTRY}:
        gate = list(_gate(lengths, least, arabic))
        indices = array.array("i", itertools.compress(range(len(words)), gate))
        chosen[least] = indices, list(itertools.compress(words, gate))
    # (a class's eligible words are given as chosen: the list of them is not needed)
    return {cls.name: build_table(cls, words, (), chosen[cls.min_length]) for cls in REGISTRY}


def _gate(lengths: list[int], least: int, arabic: list[bool] | None) -> Iterator[bool]:
    """For each word (its length in *lengths*), whether it has *least* letters or more and
    (when *arabic* is given) is Arabic."""
    long_enough = map(least.__le__, lengths)
    return long_enough if arabic is None else map(operator.and_, long_enough, arabic)


# -- the file format ------------------------------------------------------------

#: What a saved matcher file starts with; the number is :data:`STATE_FORMAT`.
SAVE_MAGIC: Final = b"arnorm-matcher 3\n"
STATE_FORMAT: Final = 3


def plain(value: object) -> object:
    """An index attribute as plain data: arrays become (typecode, bytes)."""
    if isinstance(value, array.array):
        return ("array", value.typecode, value.tobytes())
    if isinstance(value, bytearray):
        return ("bytearray", bytes(value))
    if isinstance(value, WordList):
        return ("words", value.text)
    if isinstance(value, dict) and all(isinstance(v, array.array) for v in value.values()):
        return {k: plain(v) for k, v in value.items()}
    return value


def unplain(value: Any) -> Any:
    """The inverse of :func:`plain`."""
    if isinstance(value, tuple) and value and value[0] == "array":
        out = array.array(value[1])
        out.frombytes(value[2])
        return out
    if isinstance(value, tuple) and value and value[0] == "bytearray":
        return bytearray(value[1])
    if isinstance(value, tuple) and value and value[0] == "words":
        if not isinstance(value[1], str):
            raise ValueError("words is not a string of words")
        return WordList(value[1])
    if isinstance(value, dict) and all(isinstance(v, tuple) for v in value.values()):
        return {k: unplain(v) for k, v in value.items()}
    return value


def state_of(index: Index) -> dict[str, Any]:
    """The index as plain data."""
    return {name: plain(getattr(index, name)) for name in Index.FIELDS}


#: The longest word a saved matcher's word lists may hold (each is normalized on loading).
MAX_LIST_WORD: Final = 1000


def _words_ok(value: object) -> bool:
    return isinstance(value, frozenset) and all(
        isinstance(w, str) and len(w) <= MAX_LIST_WORD for w in value
    )


def _date_ok(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 10:
        return False
    try:
        Role("").held_on(value)
    except ValueError:
        return False
    return True


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_opt_str(value: object) -> bool:
    return value is None or isinstance(value, str)


#: The keyword arguments a saved matcher holds, and the check of each value.
OPTION_CHECKS: Final[dict[str, tuple[str, Callable[[Any], bool]]]] = {
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
    "as_of": ("None or an ISO date", lambda v: v is None or _date_ok(v)),
    "min_score": (
        "a number from 0 to 1",
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1,
    ),
}

_ENTRY_FIELDS: Final = (
    ("id", _is_str),
    ("name", _is_str),
    ("name_en", _is_str),
    ("country", _is_opt_str),
    ("part_of", _is_opt_str),
    ("valid_from", _is_opt_str),
    ("valid_to", _is_opt_str),
    ("notes", _is_opt_str),
)


def _source_ok(x: object) -> bool:
    return (
        isinstance(x, Source)
        and _is_str(getattr(x, "title", None))
        and _is_opt_str(getattr(x, "publisher", None))
        and _is_opt_str(getattr(x, "url", None))
    )


def _role_ok(x: object) -> bool:
    return (
        isinstance(x, Role)
        and _is_str(getattr(x, "title", None))
        and all(
            _is_opt_str(getattr(x, f, None)) for f in ("title_en", "organization", "start", "end")
        )
    )


def check_entry(entry: object) -> str:
    """What is wrong with *entry* as a gazetteer record (an empty string: nothing)."""
    if not isinstance(entry, Entry):
        return f"{type(entry).__name__} in place of an Entry"
    for field, ok in _ENTRY_FIELDS:
        if not ok(getattr(entry, field, None)):
            return f"field {field} is {type(getattr(entry, field, None)).__name__}"
    if entry.type not in ENTRY_TYPES:
        return f"type {entry.type!r:.40} is none of {', '.join(ENTRY_TYPES)}"
    for field in ("aliases", "abbreviations", "demonyms", "units"):
        value = getattr(entry, field, None)
        if not isinstance(value, tuple) or not all(map(_is_str, value)):
            return f"field {field} is not a tuple of strings"
    sources = getattr(entry, "sources", None)
    if not isinstance(sources, tuple) or not all(map(_source_ok, sources)):
        return "field sources is not a tuple of Source records"
    roles = getattr(entry, "roles", None)
    if not isinstance(roles, tuple) or not all(map(_role_ok, roles)):
        return "field roles is not a tuple of Role records"
    return ""


def check_state(state: dict[str, Any], where: str) -> tuple[dict[str, Any], Index]:
    """The options and the index of a saved matcher, once every part of them is checked.

    Raises :class:`ValueError` naming the first part that is not as a matcher
    writes it.  Each check costs a constant for each item of the file (word
    lists are the only thing normalized, and their words are short), so a
    crafted file cannot make loading slower than its size.
    """

    def bad(what: str) -> NoReturn:
        raise ValueError(f"{where}: damaged matcher file: {what}")

    keys = set(state)
    if keys != {"format", "arnorm", "gazetteers", "options", "index"}:
        bad(f"unexpected keys {sorted(map(str, keys))!r:.200}")
    gazetteers = state["gazetteers"]
    checked = _check_gazetteers(gazetteers, bad)
    options = _check_options(state["options"], bad)
    raw_index = state["index"]
    if not isinstance(raw_index, dict) or set(raw_index) != set(Index.FIELDS):
        bad(f"index does not hold exactly the fields {', '.join(Index.FIELDS)}")
    index = Index()
    try:
        for name in Index.FIELDS:
            setattr(index, name, unplain(raw_index[name]))
    except (TypeError, ValueError, IndexError) as exc:
        bad(f"index: {exc}")
    _check_rows(index, len(gazetteers), checked, bad)
    _check_keys(index, bad)
    return options, index


def _check_gazetteers(gazetteers: object, bad: Callable[[str], NoReturn]) -> set[int]:
    """Check the gazetteers of a saved matcher; the ids of the entries checked."""
    if not isinstance(gazetteers, tuple) or not all(isinstance(g, Gazetteer) for g in gazetteers):
        bad("gazetteers is not a tuple of Gazetteer objects")
    checked: set[int] = set()
    for g in gazetteers:
        if not (_is_str(g.name) and _is_str(g.version) and _is_opt_str(g.sha256)):
            bad("a gazetteer's name, version or sha256 is not a string")
        for entry in g:
            problem = check_entry(entry)
            if problem:
                bad(f"gazetteer {g.name!r:.60}: an entry: {problem}")
            checked.add(id(entry))
    return checked


def _check_options(raw: object, bad: Callable[[str], NoReturn]) -> dict[str, Any]:
    if not isinstance(raw, tuple) or not all(
        isinstance(o, tuple) and len(o) == 2 and isinstance(o[0], str) for o in raw
    ):
        bad("options is not a tuple of (name, value) pairs")
    options = dict(raw)
    if len(options) != len(raw):
        bad("an option is given twice")
    unknown = sorted(set(options) - set(OPTION_CHECKS))
    if unknown:
        bad(f"unknown option(s) {', '.join(repr(k)[:40] for k in unknown[:5])}")
    missing = sorted(set(OPTION_CHECKS) - set(options))
    if missing:
        bad(f"missing option(s) {', '.join(missing)}")
    for name, (expected, ok) in OPTION_CHECKS.items():
        if not ok(options[name]):
            bad(f"option {name} is not {expected}")
    return options


def _ints_below(values: Iterable[Any], limit: int) -> bool:
    return all(isinstance(v, int) and 0 <= v < limit for v in values)


def _check_rows(
    index: Index, n_gazetteers: int, checked: set[int], bad: Callable[[str], NoReturn]
) -> None:
    """Check the entries and the alias rows of a saved index against each other."""
    entries = index.entries
    if not isinstance(entries, list):
        bad("index: entries is not a list")
    for entry in entries:
        if id(entry) not in checked:
            problem = check_entry(entry)
            if problem:
                bad(f"index: entries: {problem}")
    entry_gaz = index.entry_gaz
    if not isinstance(entry_gaz, list) or len(entry_gaz) != len(entries):
        bad("index: entry_gaz is not a list as long as entries")
    if not _ints_below(entry_gaz, n_gazetteers):
        bad("index: entry_gaz names a gazetteer that is not there")
    a_entry, a_kind, a_surface = index.a_entry, index.a_kind, index.a_surface
    if not (isinstance(a_entry, array.array) and a_entry.typecode == "i"):
        bad("index: a_entry is not an array of ints")
    if not isinstance(a_kind, bytearray) or not isinstance(a_surface, list):
        bad("index: a_kind is not a bytearray or a_surface not a list")
    n_rows = len(a_surface)
    if len(a_entry) != n_rows or len(a_kind) != n_rows:
        bad("index: a_entry, a_kind and a_surface differ in length")
    if n_rows and (min(a_entry) < 0 or max(a_entry) >= len(entries)):
        bad("index: a_entry names an entry that is not there")
    if n_rows and max(a_kind) >= len(KIND_NAMES):
        bad("index: a_kind holds an unknown kind")
    if not all(map(_is_str, a_surface)):
        bad("index: a_surface is not a list of strings")


def _check_keys(index: Index, bad: Callable[[str], NoReturn]) -> None:
    """Check the keys, words and variant tables of a saved index."""
    n_rows = len(index.a_surface)
    phrases, prefixes, words = index.phrases, index.prefixes, index.words
    if not isinstance(phrases, dict) or not all(map(_is_str, phrases)):
        bad("index: phrases is not a dict of strings")
    for rows in phrases.values():
        if not isinstance(rows, int | list) or not _ints_below(
            (rows,) if isinstance(rows, int) else rows, n_rows
        ):
            bad("index: phrases names an alias row that is not there")
    if not isinstance(prefixes, set) or not all(map(_is_str, prefixes)):
        bad("index: prefixes is not a set of strings")
    if not isinstance(words, WordList):
        bad("index: words is not a list of words")
    tables = index.tables
    if not isinstance(tables, dict) or set(tables) != {c.name for c in REGISTRY}:
        bad("index: tables does not hold one table of each variant class")
    for name, table in tables.items():
        if not (isinstance(table, array.array) and table.typecode == "Q"):
            bad(f"index: table {name} is not an array of 8-byte unsigned ints")
        if table and max(v & INDEX_MASK for v in table) >= len(words):
            bad(f"index: table {name} names a word that is not there")


class SafeUnpickler(pickle.Unpickler):
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
