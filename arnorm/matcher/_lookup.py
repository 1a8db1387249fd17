"""Looking a text word up: how it may begin a name, and how it may continue one.

A word begins a name if one of its forms (the word, or the word with its
proclitics cut: :func:`~._morphology.strip_forms`) is a key of one word or the
first word of a longer key, as it is or through a variant class
(:mod:`._variants`).  It continues a name if it is one of the index's words, or
a variant of one.

Most words of a text begin no name.  :meth:`Lookups.live_words` finds the ones
that may, for all the distinct words of a text at once: it makes every
clitic-cut form of them with a few regular-expression passes, keeps the words
one of whose forms is a key (set operations, in C) or has a variant-class key
filed in the class's table (a bit of the class's screen, then a binary search
for the few keys whose bit is set), and looks only those up one by one, and of
each only the forms with a filed key.  The answer is the same as looking every
word up: the bulk pass only skips words and forms that no lookup could find.

Results are cached per word, in bounded dictionaries that are cleared whole,
between words, when full: a result is never half cached, and a cache never
changes a result.
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
import re
import zlib
from collections.abc import Callable, Collection, Iterable
from typing import Final

from .._lexicon import known, load
from . import _model
from ._context import GUESSED
from ._index import Index
from ._model import SCORES, State, remember, rows_of
from ._morphology import PARTICLES_FIRST, is_arabic, strip_forms, strip_forms_many
from ._variants import (
    INSIDE_ONLY,
    MIN_LENGTH,
    REGISTRY,
    SCREEN_SHIFT,
    TYPOS,
    Screen,
    VariantClass,
    alone_ok,
    filed,
    key_bytes,
    loose,
    probe,
    probe_hash,
    screened_many,
)

#: Hamza and alef at the start of a word: آ as the Uthmani script of the Qur'an writes it.
_UTHMANI_MADDA: Final = "ءا"
#: A letter written three times or more (الاااامن): an elongated word.
_ELONGATED: Final = re.compile(r"(.)\1\1+")
#: Letters a word may have beyond the longest word of the index and still be looked up:
#: clitics (at most three letters) and long vowels a variant spelling adds.
LONG_MARGIN: Final = 4

First = tuple[tuple[str, int, float, str], ...]
Next = tuple[tuple[str, float, str], ...]


class Lookups:
    """The word lookups of one matcher, and their caches."""

    def __init__(
        self, index: Index, *, variants: bool, fuzzy: bool, frequent: frozenset[str]
    ) -> None:
        self.index = index
        self.frequent = frequent
        on = {"variants": variants, "fuzzy": fuzzy}
        #: The variant classes turned on, in the order they are tried.
        self.classes: tuple[VariantClass, ...] = tuple(c for c in REGISTRY if on[c.option])
        #: Each class's table, with a bitmap of its key hashes (see :class:`~._variants.Screen`).
        self._screens: dict[str, Screen] = {
            c.name: Screen.of(index.tables[c.name]) for c in self.classes
        }
        #: What :meth:`fuzzy_words` reads of each class turned on, at hand: its name, the
        #: fewest letters of a text word, whether it is a typo, the keys of a text word,
        #: its screen's bits and its table, its test, its score, its method for a
        #: frequent word.
        self._looks = tuple(
            (
                c.name,
                c.query_length,
                c.typo,
                c.query or c.keys,
                self._screens[c.name].bits,
                index.tables[c.name],
                c.accepts,
                SCORES[c.name],
                c.name + INSIDE_ONLY,
            )
            for c in self.classes
        )
        variant = self._screens.get("variant")
        #: The long-vowel table's probe (with its screen, when the class is on).
        self._variant_probe: Callable[[bytes], list[int]] = (
            variant.probe
            if variant is not None
            else functools.partial(probe, index.tables["variant"])
        )
        #: Longer words are in no name and have no variant keys: they are never cached.
        self.longest = index.words.longest + LONG_MARGIN
        self.first_cache: dict[str, First] = {}
        self.next_cache: dict[str, Next] = {}
        self.start_cache: dict[str, tuple[State, ...]] = {}
        #: The words tested for whether they may start a name, and those that may,
        #: swapped whole for new sets when full (see :meth:`live_words`).
        self.tested: tuple[set[str], set[str]] = (set(), set())
        load()  # the lexicon is part of what a matcher reads: read it with the index

    # -- one word ------------------------------------------------------------

    def fuzzy_words(
        self, form: str, *, frequent: bool, classes: Collection[str] | None = None
    ) -> list[tuple[str, float, str]]:
        """Words of the index that *form* may be a variant or a typo of (not itself).

        *classes*, when given, names every class with a key of *form* filed in its
        table: the others are not looked up (none of their lookups could find a word).

        A frequent word is never read as a typo (يونس is not تونس), and as a
        long-vowel variant only inside a name of several words (method
        ``variant*``, dropped for a name of one word).
        """
        if len(form) > self.longest or not is_arabic(form):
            return []  # a word longer than any of the index's is no variant or typo of one
        out: dict[str, tuple[float, str]] = {}
        words = self.index.words
        data, starts, encoding = words.data, words.starts, words.encoding
        length = len(form)
        crc = zlib.crc32
        for name, least, typo, keys_of, bits, table, accepts, score, inside in self._looks:
            if length < least or (frequent and typo):
                continue
            if classes is not None and name not in classes:
                continue
            # most keys are no key of the index: a bit of the screen says so
            # (Screen.probe, inline)
            found: set[int] = set()
            for key in keys_of(form):
                hashed = crc(key)
                top = hashed >> SCREEN_SHIFT
                if bits[top >> 3] >> (top & 7) & 1:
                    found.update(probe_hash(table, hashed))
            method = inside if frequent else name
            for i in found:
                word = data[starts[i] : starts[i + 1] - 1].decode(encoding)  # words[i]
                if word not in out and accepts(form, word):
                    out[word] = (score, method)
        out.pop(form, None)
        return [(word, f, m) for word, (f, m) in out.items()]

    def is_word(self, form: str) -> bool:
        """Whether *form* is a real Arabic word: a frequent word, or one of the lexicon.

        An elongated form (الااااامن) is a word when it is one with its run of
        a letter written once or twice, unless that is a name of one word
        (السعودييييه is still Saudi Arabia: the elongation is the text's).  A form
        that starts with hamza and alef (ءامنين) is a word when it is one with ا
        in their place: the Qur'an's Uthmani script writes آ that way.
        """
        if form in self.frequent or known(form):
            return True
        if form.startswith(_UTHMANI_MADDA) and self.is_word("ا" + form[2:]):
            return True
        if _ELONGATED.search(form) is None:
            return False
        forms = {_ELONGATED.sub(r"\1", form), _ELONGATED.sub(r"\1\1", form)}
        names = self.index.phrases
        return not any(f in names for f in forms) and any(
            f in self.frequent or known(f) for f in forms
        )

    def is_head(self, word: str) -> bool:
        """Whether *word* (one word, no space) may be a name's first word: a key of one
        word, or the first word of a longer key."""
        return word in self.index.phrases or word in self.index.prefixes

    def first(self, token: str) -> First:
        """How *token* may begin a name: (word, clitic letters cut, factor, method)."""
        return self._first(token, None)

    def _first(self, token: str, filed: dict[str, set[str]] | None) -> First:
        """:meth:`first`; *filed*, when given, holds for each variant class (by name) every
        form of *token* that has a key filed in the class's table (the other forms and
        classes are not looked up: no lookup of theirs could find a word)."""
        cached = self.first_cache.get(token)
        if cached is not None:
            return cached
        if len(token) > self.longest:
            return ()  # every form of it is longer than any word of a name
        heads = self.is_head
        forms = strip_forms(token)
        found: list[tuple[str, int, float, str]] = [
            (form, cut, 1.0, "") for form, cut in forms if heads(form)
        ]
        # و + a real word is as much a word as the word itself.  A frequent word is
        # never guessed to be the first word of a name; another real word is read only
        # as a long-vowel variant, never a typo, and only where the text supports it
        # (صدوا is not صيدا): its method is marked GUESSED.
        frequent = self.frequent
        if not found and frequent.isdisjoint(map(operator.itemgetter(0), forms)):
            looked = [
                (form, cut)
                for form, cut in forms
                if filed is None or any(form in some for some in filed.values())
            ]
            # whether a form is a real word is asked only of a token a class finds a
            # word for (most find none): the lexicon is the costlier test
            word_: bool | None = None
            for form, cut in looked:
                classes = None if filed is None else [c for c, f in filed.items() if form in f]
                for word, factor, method in self.fuzzy_words(form, frequent=False, classes=classes):
                    if word_ is None:
                        word_ = any(self.is_word(f) for f, _ in forms)
                    if heads(word) and not (word_ and method in TYPOS):
                        found.append((word, cut, factor, method + (GUESSED if word_ else "")))
        result = tuple(found)
        remember(self.first_cache, token, result)
        return result

    def next(self, token: str) -> Next:
        """How *token* may continue a name: (word, factor, method)."""
        cached = self.next_cache.get(token)
        if cached is not None:
            return cached
        if len(token) > self.longest:
            return ()
        # a word that is in no name cannot continue one: leave it out, so that a
        # walk stops at once (the long-vowel table tells, for words it holds)
        in_index = len(token) < MIN_LENGTH or not is_arabic(token)
        if not in_index:
            words = self.index.words
            look = self._variant_probe
            in_index = any(words[i] == token for i in look(key_bytes(loose(token))))
        result: Next = ((token, 1.0, ""),) if in_index else ()
        fuzzy = self.fuzzy_words(token, frequent=token in self.frequent)
        if fuzzy:
            result += tuple(fuzzy)
        remember(self.next_cache, token, result)
        return result

    def starts(self, token: str) -> tuple[State, ...]:
        """The walks *token* begins, as states of one word (see :data:`State`), cached."""
        starts = self.start_cache.get(token)
        if starts is None:
            phrases, prefixes = self.index.phrases, self.index.prefixes
            # a list first, a tuple of it after: the tuple then comes after its states in
            # the garbage collector's list, which untracks all of them (none holds a
            # container) before any reaches the oldest generation
            starts = tuple(
                [
                    (
                        1,
                        word,
                        cut,
                        factor,
                        (method,) if method else (),
                        int(method.rstrip(GUESSED) in TYPOS),
                        # a guessed spelling of a name of one word must pass alone_ok
                        rows_of(phrases.get(word))
                        if not method or alone_ok((method.rstrip(GUESSED),), word)
                        else None,
                        word in prefixes,
                    )
                    for word, cut, factor, method in self.first(token)
                ]
            )
            if len(token) <= self.longest:
                remember(self.start_cache, token, starts)
        return starts

    # -- all the words of a text ---------------------------------------------

    def live_words(self, tokens: list[str]) -> set[str]:
        """The words of *tokens* that may start a name, every one of them.

        What was learnt is cached for the next texts in a pair of sets, *tested*
        and *live* (the tested words that may start a name).  A word is added
        to *live* before *tested*, so whoever finds it tested (another thread
        too) finds it live if it is; when the pair is full, a new pair takes
        its place whole.  The set returned is built for this text alone, so
        no clearing of the cache can ever drop a word of it.
        """
        tested, live = self.tested
        distinct = set(tokens)
        new = distinct - tested
        here = distinct & live
        if new:
            longest = self.longest
            new = {token for token in new if len(token) <= longest} if new else new
            cached, maybe, filed = self._maybe_first(new)
            first = self._first
            # the cached tokens are not asked again: another thread may have cleared
            # the cache since, and *filed* holds only the forms of the others
            found = set(cached)
            found.update(token for token in maybe if first(token, filed))
            found |= new & PARTICLES_FIRST
            here |= found
            if len(tested) + len(new) > _model.CACHE_LIMIT:
                self.tested = (new, found)
            else:
                live |= found
                tested |= new
        return here

    def maybe_first(self, tokens: Iterable[str]) -> list[str]:
        """The tokens that :meth:`first` may find something for (a superset, never fewer).

        A token is kept if one of its forms is a name's first word, or (when no
        form is a frequent word) one of a form's variant-class keys is filed in the
        class's table.  Everything is done for all tokens at once.
        """
        cached, kept, _ = self._maybe_first(tokens)
        return cached + kept

    def _maybe_first(
        self, tokens: Iterable[str]
    ) -> tuple[list[str], list[str], dict[str, set[str]]]:
        """:meth:`maybe_first` in two parts: the tokens whose cached :meth:`first` is not
        empty, and the others it keeps; and for each variant class (by name), the forms
        of the others that have a key filed in its table (for :meth:`_first`).

        The cache is read once a token: another thread may clear it at any moment,
        and a token found in it must not then be lost from both parts.

        Every step is a map over all the forms at once: at 100,000 entries most
        words have a form that begins a name, and a step a form in Python shows.
        """
        look = self.first_cache.get
        words: list[str] = []
        cached: list[str] = []
        for token in tokens:
            result = look(token)
            if result is None:
                words.append(token)
            elif result:
                cached.append(token)
        filed: dict[str, set[str]] = {}
        if not words:
            return cached, [], filed
        # every form of every token, once: (form, the token's position)
        flat, owner = list(words), list(range(len(words)))
        for column in strip_forms_many(words)[1:]:
            cut = list(map(operator.ne, column, words))  # the tokens this cut changes
            owner += itertools.compress(range(len(words)), cut)
            flat += itertools.compress(column, cut)
        keep = [False] * len(words)
        for keys in (self.index.phrases, self.index.prefixes):
            _set_all(keep, itertools.compress(owner, map(keys.__contains__, flat)))
        # a token with a frequent form is never guessed (see first)
        blocked = list(keep)
        _set_all(blocked, itertools.compress(owner, map(self.frequent.__contains__, flat)))
        todo = list(
            itertools.compress(
                range(len(owner)), map(operator.not_, map(blocked.__getitem__, owner))
            )
        )
        lengths = list(map(len, flat))
        for cls in self.classes:
            least = cls.query_length
            at = list(itertools.compress(todo, map(least.__le__, map(lengths.__getitem__, todo))))
            if at:
                hit = _screened(cls, list(map(flat.__getitem__, at)), self._screens[cls.name])
                found = list(itertools.compress(at, hit))
                _set_all(keep, map(owner.__getitem__, found))
                filed[cls.name] = set(map(flat.__getitem__, found))
        return cached, list(itertools.compress(words, keep)), filed


def _set_all(flags: list[bool], at: Iterable[int]) -> None:
    """Set ``flags[i]`` for each *i* of *at* (a loop in C)."""
    collections.deque(map(flags.__setitem__, at, itertools.repeat(True)), maxlen=0)


def _screened(cls: VariantClass, forms: list[str], screen: Screen) -> list[bool]:
    """For each form, whether one of its keys of class *cls* is filed in the class's
    table: the screen's bits first (one for each key), then a binary search for the
    few keys they pass."""
    out = [False] * len(forms)
    bits, table = screen
    for column in cls.query_keys_many(forms):
        for i in itertools.compress(range(len(forms)), screened_many(bits, column)):
            if not out[i]:
                key = column[i]
                out[i] = key is not None and filed(table, key)
    return out
