"""The walk: from each word that may begin a name, word by word, to every name it spells.

A text is split into words and the separators between them (:class:`Words`).
From each *live* word (one that may begin a name: :meth:`Lookups.live_words`),
walks go forward while the words taken so far are a key or a key's prefix in the
index: a particle and the word after it are one word (عبد اللطيف), a word may be
read through a variant class, and a name holds one typo at most.  Every key
reached is a :class:`~._model.Hit`.  Under leftmost-longest, no walk starts
inside a hit that is sure to be kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from .. import _chunks
from ._context import CONSTRUCT_FORMS, GENERIC_TYPES, MINISTRY_HEADS, construct_starts, is_generic
from ._index import Index
from ._lookup import Lookups
from ._model import EXACT, Alias, Hit, State, new_hit, rows_of
from ._morphology import (
    KIND_NOUNS,
    LIST_EVIDENCE,
    PARTICLES,
    PARTICLES_FIRST,
    SPLIT,
    joins,
    strip_forms,
)
from ._variants import INSIDE_ONLY, TYPOS

#: :meth:`Matcher.find` works through a longer text windows of about this many characters.
PIECE = 1 << 16
#: A window grows up to this many times :data:`PIECE` to hold enough whole words.
PIECE_GROWTH: Final = 2
#: The kinds of alias whose place is evidence of its country (no common word, no surname).
_FIRM: Final = frozenset({"exact", "abbreviation"})

#: The conjunction و, which a hasty hand glues to the names on both sides (فرنساوالجزائر).
WAW: Final = "\u0648"
#: The fewest letters a name glued to a و has on either side of it.
GLUED: Final = 3


class Words:
    """The words of a normalized text, the separators between them, and their offsets."""

    __slots__ = ("_at", "_offset", "_parts", "seps", "tokens")

    def __init__(self, normalized: str) -> None:
        self._parts = SPLIT.split(normalized)
        #: ``tokens[i]`` is word *i*; ``seps[i]`` is what precedes it, ``seps[i + 1]``
        #: what follows it.
        self.tokens: list[str] = self._parts[1::2]
        self.seps: list[str] = self._parts[0::2]
        self._at = self._offset = 0

    def unglue(self, cut: Callable[[str], int]) -> None:
        """Cut each word that *cut* cuts (at a non-zero index) into two, with nothing between.

        For two names glued by و (فرنساوالجزائر: :meth:`Walker.glued_at`): the second
        word keeps the و as its proclitic.  The parts still join into the text, so the
        offsets stay exact; an empty separator joins no name across it.
        """
        # a و with at least GLUED letters either side: few words have one
        find, low, wide = str.find, GLUED, 2 * GLUED
        cuts = {
            token: at
            for token in set(self.tokens)
            if len(token) > wide
            and find(token, WAW, low, len(token) - low) >= 0
            and (at := cut(token))
        }
        if not cuts:
            return
        parts: list[str] = []
        for k, part in enumerate(self._parts):
            at = cuts.get(part, 0) if k % 2 else 0
            if at:
                parts += (part[:at], "", part[at:])
            else:
                parts.append(part)
        self._parts = parts
        self.tokens = parts[1::2]
        self.seps = parts[0::2]

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


class Walker:
    """The walks of one matcher over the words of a text."""

    def __init__(
        self,
        index: Index,
        lookups: Lookups,
        alias: Callable[[int], Alias],
        aliases: list[Alias | None],
        cues_of: Callable[[str], frozenset[str]],
        *,
        longest: bool,
        sure_kinds: frozenset[str],
    ) -> None:
        self.index = index
        self.lookups = lookups
        self.alias = alias
        self.aliases = aliases
        self.cues_of = cues_of
        self.longest = longest
        self.sure_kinds = sure_kinds
        #: The demonyms (normalized, with their proclitics): a name one space before one
        #: may be another country's body (see :meth:`qualified`), so it is not sure.
        self.demonyms: Mapping[str, str] = {}

    def words(self, normalized: str) -> Words:
        """The words of a *normalized* text, two names glued by و cut apart (:meth:`glued_at`)."""
        words = Words(normalized)
        words.unglue(self.glued_at)
        return words

    def glued_at(self, token: str) -> int:
        """Where *token* is cut, as two names glued by و, or 0 when it is not.

        The cut is at the first و with :data:`GLUED` letters or more on either side such
        that the letters before it spell a name of one word exactly, and the letters
        after it do too (their proclitics cut as any word's: فرنساوبالجزائر), when the
        token itself, with its proclitics cut, is neither a name of one word nor the
        first word of a name.  Only exact names count (no variant, no typo, no common
        word, no surname alone): a glued word is read only when both halves are sure.
        """
        at = token.find(WAW, GLUED)
        while 0 < at <= len(token) - GLUED - 1:
            if self._spells_name(token[:at]) and self._spells_name(token[at + 1 :]):
                # the rarer test last: the word as a whole is no name
                return 0 if self._spells_name(token, first=True) else at
            at = token.find(WAW, at + 1)
        return 0

    def _spells_name(self, word: str, *, first: bool = False) -> bool:
        """Whether a form of *word* is the key of an exact name of one word (or, *first*:
        the key of any name of one word, or the first word of a longer one)."""
        phrases, kinds = self.index.phrases, self.index.a_kind
        for form, _ in strip_forms(word):
            rows = phrases.get(form)
            if rows is None:
                if first and form in self.index.prefixes:
                    return True
                continue
            if first:
                return True
            if any(kinds[r] == EXACT for r in ([rows] if isinstance(rows, int) else rows)):
                return True
        return False

    def hits(self, words: Words) -> list[Hit]:
        """Every name the words spell, in order of their first word."""
        tokens, seps = words.tokens, words.seps
        hits: list[Hit] = []
        n = len(tokens)
        # Most words start no name: find the ones that may, once per distinct word.
        live = self.lookups.live_words(tokens)
        # Leftmost-longest: once a match that is sure to be kept covers words,
        # no walk needs to start inside it.  ``reach`` is the furthest end of
        # any hit so far: a sure hit starting at or after it is kept.
        reach = covered = 0
        for i in itertools.compress(range(n), map(live.__contains__, tokens)):
            if i < covered:
                continue
            far, sure_end = self._walk_from(i, tokens, seps, hits)
            if self.longest and sure_end > i and reach <= i and not self.qualified(sure_end, words):
                covered = sure_end
            if far > reach:
                reach = far
        if not CONSTRUCT_FORMS.keys().isdisjoint(tokens):
            self._constructs(tokens, seps, hits)
        return hits

    def qualified(self, tj: int, words: Words) -> bool:
        """Whether a demonym follows the name that ends before word *tj*, one space after
        it, or the feminine (+ ة) of one (السعودية): the name may then be dropped as another
        country's body (القيادة العامة للقوات المسلحة الإماراتية is not Libya's), so the
        names that start inside it are looked for too."""
        if tj >= len(words.tokens) or words.seps[tj] != " ":
            return False
        word, demonyms = words.tokens[tj], self.demonyms
        return word in demonyms or (word.endswith("ه") and word[:-1] in demonyms)

    def _constructs(self, tokens: list[str], seps: list[str], hits: list[Hit]) -> None:
        """Add to *hits* the ministries' short forms in construct with a country's name.

        The press writes وزير داخلية مملكة البحرين، وزير خارجية السودان: the short form
        without the article (:data:`~._context.CONSTRUCT_FORMS`) after a minister or a
        ministry (:data:`~._context.MINISTRY_HEADS`) and before a country's name (a place
        in no other place, of one country; a state noun may come between).  It stands for
        the generic name with the article, of every body that has it; the country decides
        which (:func:`~._context.choose`), and a country with no such body, none.  With no
        place after it (أصغر وزير داخلية في تاريخ السعودية) it is a generic reference as the
        name with the article is, which the text's evidence decides; before a place that is no
        country (وزير خارجية بغداد) it is none.
        """
        countries = {
            hit.ti
            for hit in hits
            if hit.alias.entry.type == "place"
            and hit.alias.entry.part_of is None
            and hit.alias.entry.country is not None
            and hit.alias.kind in _FIRM
            and not hit.methods
        }
        places = {hit.ti for hit in hits if hit.alias.entry.type == "place"}
        added = False
        for i in range(1, len(tokens)):
            generic = CONSTRUCT_FORMS.get(tokens[i])
            if generic is None or seps[i] != " " or tokens[i - 1] not in MINISTRY_HEADS:
                continue
            after = construct_starts(tokens, seps, i + 1)
            if countries.isdisjoint(after) and not places.isdisjoint(after):
                continue  # a city is no country: وزير خارجية بغداد
            for row in rows_of(self.index.phrases.get(generic)) or ():
                alias = self.alias(row)
                if alias.entry.type in GENERIC_TYPES and alias.entry.country is not None:
                    hits.append(new_hit((i, i + 1, 0, alias, 1.0, ())))
                    added = True
        if added:
            hits.sort(key=lambda hit: hit.ti)  # stable: the walks' order at one word stays

    def _starts(self, i: int, tokens: list[str], seps: list[str]) -> list[State]:
        """The walks word *i* begins (with the word after it, if it is a particle)."""
        token = tokens[i]
        starts = self.lookups.start_cache.get(token)
        if starts is None:
            starts = self.lookups.starts(token)
        states = list(starts)
        # a particle and the word after it are one word; a chain of them too (بن عبد العزيز)
        k, joined, particles = i, token, PARTICLES_FIRST
        while tokens[k] in particles and k + 1 < len(tokens) and joins(seps[k + 1]):
            k, joined, particles = k + 1, joined + tokens[k + 1], PARTICLES
            states += [(k - i + 1, *start[1:]) for start in self.lookups.starts(joined)]
        return states

    def _walk_from(
        self, i: int, tokens: list[str], seps: list[str], hits: list[Hit]
    ) -> tuple[int, int]:
        """Add the hits of the walks from word *i*; the furthest end, and the furthest sure end."""
        n = len(tokens)
        far = 0
        first = len(hits)
        token = tokens[i]
        if token in PARTICLES_FIRST:
            states = self._starts(i, tokens, seps)
        else:  # the usual case: no particle, the walks are the word's own
            starts = self.lookups.start_cache.get(token)
            if starts is None:
                starts = self.lookups.starts(token)
            states = list(starts)
        while states:
            d, key, cut, factor, methods, typos, rows, more = states.pop()
            j = i + d
            if rows is not None:
                added = self._add_hits(i, j, cut, factor, methods, rows, tokens, seps, hits)
                if added > far:
                    far = added
            if more and j < n:
                sep = seps[j]
                if sep == " " or joins(sep):
                    states += self._steps(tokens, seps, j, d, key, cut, factor, methods, typos)
        if len(hits) == first:
            return far, 0
        return far, self._sure_end(hits[first:])

    def _sure_end(self, new: list[Hit]) -> int:
        """Where the match kept from these hits of one word ends, if it is sure to be kept.

        The span kept at a word is the one with the fewest clitic letters cut
        (بكين before ب + كين مكالوم), so only its hits count: among them, an
        exact alias of a kind that needs no evidence is sure, unless its span is
        a generic reference (a name that bodies of several countries share, جهاز
        الأمن العام), which only the text's country makes a match: a name inside
        it or going on past it (جهاز الأمن العام اللبناني) is still looked for.
        """
        if not new:
            return 0
        least = min(h.cut for h in new)
        sure = self.sure_kinds
        ends = {h.tj for h in new if h.cut == least and not h.methods and h.alias.kind in sure}
        for tj in sorted(ends, reverse=True):  # the longest that is not generic
            if not is_generic([h for h in new if h.cut == least and h.tj == tj]):
                return tj
        return 0

    def _add_hits(
        self,
        i: int,
        j: int,
        cut: int,
        factor: float,
        methods: tuple[str, ...],
        rows: Sequence[int],
        tokens: list[str],
        seps: list[str],
        hits: list[Hit],
    ) -> int:
        """Add a hit from word *i* to *j* for each alias row that may count; *j* if one was."""
        aliases, alias = self.aliases, self.alias
        added = 0
        for row in rows:
            obj = aliases[row]
            if obj is None:
                obj = alias(row)
            if (
                obj.kind == "common"
                and obj.entry.type not in LIST_EVIDENCE
                and obj.entry.type not in GENERIC_TYPES
                and not (
                    i and "\n" not in seps[i] and obj.entry.type in self.cues_of(tokens[i - 1])
                )
            ):
                continue  # its only evidence would be a cue just before
            hits.append(new_hit((i, j, cut, obj, factor, methods)))
            added = j
        return added

    def _steps(
        self,
        tokens: list[str],
        seps: list[str],
        j: int,
        d: int,
        key: str,
        cut: int,
        factor: float,
        methods: tuple[str, ...],
        typos: int,
    ) -> list[State]:
        """The states one word further than (d, key …), through word *j* (and a particle's next)."""
        n = len(tokens)
        phrases, prefixes = self.index.phrases, self.index.prefixes
        next_cache, next_ = self.lookups.next_cache, self.lookups.next
        unit = tokens[j]
        nexts = [(unit, d + 1)]
        if unit in PARTICLES:
            k, joined = j, unit
            while tokens[k] in PARTICLES and k + 1 < n and joins(seps[k + 1]):
                k, joined = k + 1, joined + tokens[k + 1]
                nexts.append((joined, d + k - j + 1))
        out: list[State] = []
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
                    out.append((d2, key2, cut, factor, methods, typos, rows2, more2))
                elif method2[-1] == INSIDE_ONLY and KIND_NOUNS.issuperset(key.split(" ")):
                    continue  # منطقة وادي (a valley) is not منطقة وداي: no word names it
                elif typos + (method2 in TYPOS) <= 1:
                    out.append(
                        (
                            d2,
                            key2,
                            cut,
                            factor * factor2,
                            (*methods, method2),
                            typos + (method2 in TYPOS),
                            rows2,
                            more2,
                        )
                    )
        return out


def cut_at(text: str, start: int, end: int) -> int:
    """Where to end a window of *text* that starts at *start*: at the last cut of
    :mod:`arnorm._chunks` before *end* in its second half (after a line feed, or after a
    space before a word), or at *end* if it has none."""
    cut = _chunks.last_cut(text, end, start + (end - start) // 2)
    return cut if cut > 0 else end
