"""Evidence and ranking: which hits count, how each scores, and which entry a span names.

* A common-word alias (الخليج، القاعدة) counts only with evidence on its line: a
  cue word of its entry's type just before it, or, for places, another place
  in the same list (through the list a division's noun in the dual or the plural
  heads: محافظتي البيضاء ومأرب), or a place it lies in or that lies in it named right
  beside it (:meth:`Ranker.with_evidence`).
* A hit's score is its alias kind's (exact 1, abbreviation, surname, context)
  times the factors of the variant classes its words were found by
  (:meth:`Ranker.score`); a surname alone scores higher once the full name was
  seen earlier in the text, and a frequent word as a surname alone not at all.
* Several hits on one span are ranked (:meth:`Ranker.rank`): by score, then
  the entry the others are part of (the country before its city of the same
  name), then the entry of the era (:meth:`Ranker.era`: valid on the matcher's
  ``as_of``, or without one, not dissolved), then exact aliases, then gazetteer
  order; the others are the match's candidates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Final

from ..gazetteer import Entry
from ._context import GENERIC_TYPES, SENTENCE_END, WORD_PREPOSITIONS, is_city_cue, is_guessed
from ._model import SCORES, Alias, Candidate, Evidence, Hit, candidate_from, remember
from ._morphology import (
    COMPASS_NOUNS,
    CONJUNCTIONS,
    CUES,
    LAL,
    LIST_EVIDENCE,
    LIST_HEAD_CUES,
    LIST_ONLY_CUES,
    LONGEST_CUE,
    PREPOSITIONS,
    cue_types,
    strip_forms,
)

Ranked = tuple[float, Alias, str, tuple[Candidate, ...]]

#: What ends a list of places: a line break, a sentence's end, or a clause's (؛ ;).
LIST_BREAKS: Final = SENTENCE_END | frozenset("؛;")
#: How many items on a list a division's noun in the dual or the plural shows, one after the
#: other (:meth:`Ranker.with_evidence`): fewer than a window's context words, so that a long
#: text read window by window finds what it finds read whole.
LIST_REACH: Final = 12


class Ranker:
    """The scoring and ranking of one matcher, with its caches."""

    def __init__(
        self,
        frequent: frozenset[str],
        safe: frozenset[str],
        fold: Callable[[str], str],
        as_of: str | None = None,
    ) -> None:
        self.frequent = frequent
        self.as_of = as_of
        self.safe = safe
        self._fold = fold
        #: Each surname alias folded as the text is (عبّاس is عباس), once.
        self._folded: dict[str, str] = {}
        self.cue_cache: dict[str, frozenset[str]] = {}
        #: The few distinct sets of cue types, each kept once: the cache holds thousands of
        #: words, and a frozenset of its own for each would be an object more for the
        #: garbage collector to go over in every full collection.
        self._cue_sets: dict[frozenset[str], frozenset[str]] = {}
        self.rank_cache: dict[tuple[tuple[int, float, tuple[str, ...], bool], ...], Ranked] = {}
        #: The places each place lies inside (its part_of, theirs, ...), for the evidence of
        #: a place named beside the one it lies in (:meth:`_within`); the matcher sets it.
        self.ancestors: Mapping[str, frozenset[str]] = {}

    def era(self, entry: Entry) -> int:
        """0 if *entry* is of the era the matcher reads for; higher ranks after.

        With ``as_of``, the entries valid on that date (:meth:`Entry.valid_on`), those
        whose dates say so (0) before those of no dates at all (1), which are valid on
        every date only for want of dates: on 2013-07-15, Libya's interior ministry of
        2011-2014 before the undated ministry of the 2021 government that shares its
        name; then the others (2).  Without ``as_of``, those with no ``valid_to``, that
        still exist (0), then the others (1): a name that a dissolved body and its
        successor share (إدارة المخابرات العامة, Syria's before and after 2025) is the
        successor's in a text of no known date, the older body's with an ``as_of`` of
        its time.
        """
        if self.as_of is None:
            return 0 if entry.valid_to is None else 1
        if not entry.valid_on(self.as_of):
            return 2
        return 0 if entry.valid_from or entry.valid_to else 1

    def not_yet(self, entry: Entry) -> bool:
        """Whether the data says *entry* did not exist yet on ``as_of`` (every day of it
        before its ``valid_from``; False without ``as_of``): its name then was no name of
        its (مكتب الأمم المتحدة لمكافحة الإرهاب, founded in 2017, in a text of 2016); the
        matcher asks only of a body the text did not name by its holder."""
        if self.as_of is None or entry.valid_from is None or entry.valid_on(self.as_of):
            return False
        return entry.valid_to is None or dataclasses.replace(entry, valid_from=None).valid_on(
            self.as_of
        )

    def of_another_era(self, entry: Entry) -> bool:
        """Whether *entry* is not of the era the matcher reads for (see :meth:`era`): not
        valid on ``as_of``, or, without one, no longer existing."""
        return self.era(entry) == (1 if self.as_of is None else 2)

    def cues_of(self, token: str) -> frozenset[str]:
        """The entry types *token* is a cue for (منطقة for places), clitics off; cached."""
        if len(token) > LONGEST_CUE:
            return frozenset()
        cues = self.cue_cache.get(token)
        if cues is None:
            cues = cue_types(token)
            cues = self._cue_sets.setdefault(cues, cues)
            remember(self.cue_cache, token, cues)
        return cues

    def score(self, hit: Hit, seen: set[str]) -> tuple[float, Hit, str]:
        """The score of *hit*, with the method it reports (*seen*: people named in full so far)."""
        kind = hit.alias.kind
        if kind == "exact" and not hit.methods:
            return 1.0, hit, "exact"
        methods = list(hit.methods)
        if kind == "surname":
            confirmed = hit.alias.entry.id in seen
            if not confirmed and self._common_surname(hit.alias.surface):
                return 0.0, hit, "surname"
            base = SCORES["surname-confirmed" if confirmed else "surname"]
            methods.insert(0, "surname")
        elif kind == "abbreviation":
            base = SCORES["abbreviation"]
            methods.insert(0, "abbreviation")
        elif kind == "common":
            base = SCORES["context"]
            methods.insert(0, "context")
        else:
            base = 1.0
        method = "+".join(dict.fromkeys(m.rstrip("*?") for m in methods)) or "exact"
        return base * hit.factor, hit, method

    def _common_surname(self, surface: str) -> bool:
        """Whether a surname alias, folded, is a frequent word not marked safe (الجولاني is
        safe: a surname alone that is a frequent word counts only once the full name was seen),
        or a compound of frequent words (نصر الله)."""
        folded = self._folded.get(surface)
        if folded is None:
            folded = self._fold(surface)
            remember(self._folded, surface, folded)
        if folded in self.safe:
            return False
        return folded in self.frequent or (
            " " in folded and all(w in self.frequent for w in folded.split())
        )

    def rank(self, group: Sequence[Hit], seen: set[str]) -> Ranked:
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
        ranked_group = self.rank_cache.get(key)
        if ranked_group is not None:
            return ranked_group
        ranked = self.ranked(group, seen)
        best_score, best_hit, best_method = ranked[0]
        others = _dedupe(
            [candidate_from(h, s, m) for s, h, m in ranked[1:]], best_hit.alias.entry.id
        )
        result = (best_score, best_hit.alias, best_method, others)
        remember(self.rank_cache, key, result)
        return result

    def ranked(self, group: Sequence[Hit], seen: set[str]) -> list[tuple[float, Hit, str]]:
        """The hits of *group* scored, best first (see the module docstring)."""
        parents = {h.alias.entry.part_of for h in group}
        return sorted(
            (self.score(h, seen) for h in group), key=lambda sc: _rank_key(sc, parents, self.era)
        )

    def rank_preferring(
        self, group: Sequence[Hit], keep: Sequence[Hit], seen: set[str], *, context: bool
    ) -> Ranked:
        """The best of the hits *keep* (a part of *group*), the others of *group* as candidates.

        With *context*, the name is a generic reference that the context made
        specific: it scores as ``context``, whatever the alias kind.
        """
        best_score, best_hit, best_method = self.ranked(keep, seen)[0]
        if context:
            best_score, best_method = _as_context(best_score, best_hit, best_method)
        rest = [
            sc for sc in self.ranked(group, seen) if sc[1].alias.entry.id != best_hit.alias.entry.id
        ]
        others = _dedupe([candidate_from(h, s, m) for s, h, m in rest], best_hit.alias.entry.id)
        return best_score, best_hit.alias, best_method, others

    def with_evidence(
        self, hits: list[Hit], tokens: list[str], seps: list[str], *, longest: bool = True
    ) -> tuple[list[Hit], dict[int, Evidence]]:
        """*hits* less the common-word hits that nothing around shows to be names.

        Under leftmost-longest (*longest*), a name nested in a longer one is not a
        neighbour: the longer name is what the text says there.

        A place shown by a division's noun in the dual or the plural (:data:`LIST_HEAD_CUES`:
        محافظتي البيضاء ومأرب) shows the next item of its list in turn, if of the same
        country and not guessed, up to :data:`LIST_REACH` items: مأرب is Yemen's governorate
        by the list the cue heads.  A place beside one it lies in or that lies in it is shown
        too (:meth:`_within`).

        Returns the hits kept and, for each common-word hit kept for a cue, a list or a
        place around, its evidence (by the hit's ``id``).  A common-word name of a body (وزارة
        الداخلية) is kept whatever is around it: the country evidence decides it
        later (see :mod:`._context`).
        """
        # only the hits right before or after a common-word hit are evidence
        near: set[int] = set()
        for hit in hits:
            if hit.alias.kind == "common":
                near.update((hit.ti - 1, hit.ti, hit.tj, hit.tj + 1))
        starting: dict[int, list[Hit]] = {}
        ending: dict[int, list[Hit]] = {}
        # a real word guessed to be a name is no evidence for another name
        names = [(h.ti, h.tj) for h in hits if h.alias.kind != "common" and not is_guessed(h)]
        inside = _Nesting(names)
        for hit in hits:
            if (
                hit.alias.kind != "common"
                and (hit.ti in near or hit.tj in near)
                and not is_guessed(hit)
            ):
                # under leftmost-longest, a name inside a longer one is no name of a list
                if longest and inside.nested(hit.ti, hit.tj):
                    continue
                starting.setdefault(hit.ti, []).append(hit)
                ending.setdefault(hit.tj, []).append(hit)
        found: dict[int, Evidence] = {}
        frequent = self.frequent
        pending: list[Hit] = []
        for hit in hits:
            if hit.alias.kind != "common" or hit.alias.entry.type in GENERIC_TYPES:
                continue
            if hit.cut and tokens[hit.ti][0] not in "وف" and tokens[hit.ti] in frequent:
                # a frequent word as written, read as a preposition and a common-word name
                # (كبرى as ك and برى, Somalia's Bari): nothing around makes it the name
                continue
            pending.append(hit)
        # a place a division's noun in the dual or the plural shows is a neighbour in turn
        # for the next item of its list (محافظتي البيضاء ومأرب: the cue shows البيضاء, the
        # list then مأرب), and so on down the list
        for _ in range(LIST_REACH + 1):  # the hits the text shows, then down the lists
            fresh: list[Hit] = []
            still: list[Hit] = []
            for hit in pending:
                evidence = _evidence(
                    hit, tokens, seps, starting, ending, self.cues_of, self.frequent
                ) or self._within(hit, tokens, seps, starting, ending)
                if evidence is None:
                    still.append(hit)
                    continue
                found[id(hit)] = evidence
                if self._heads_on(hit, evidence) and not (
                    longest and inside.nested(hit.ti, hit.tj)
                ):
                    fresh.append(hit)
            if not fresh or not still:
                break
            for hit in fresh:
                starting.setdefault(hit.ti, []).append(hit)
                ending.setdefault(hit.tj, []).append(hit)
            pending = still
        kept = [
            hit
            for hit in hits
            if id(hit) in found
            or hit.alias.kind != "common"
            or hit.alias.entry.type in GENERIC_TYPES
        ]
        return kept, found

    @staticmethod
    def _heads_on(hit: Hit, evidence: Evidence) -> bool:
        """Whether *hit*, a common word just shown to be a place by *evidence*, shows the next
        item of its list in turn: shown by a division's noun in the dual or the plural, or
        by a list such a noun heads, and not guessed."""
        if hit.alias.entry.type not in LIST_EVIDENCE or is_guessed(hit):
            return False
        if evidence.kind == "list":  # from a neighbour shown down the list: it has a country
            return evidence.country is not None and evidence.country == hit.alias.entry.country
        return evidence.kind == "cue" and _list_head(evidence.text)

    def _within(
        self,
        hit: Hit,
        tokens: list[str],
        seps: list[str],
        starting: dict[int, list[Hit]],
        ending: dict[int, list[Hit]],
    ) -> Evidence | None:
        """Evidence that *hit*, a common-word place, is the place: the place named right
        after it, with ب on it or في standing between (one space each), that its entry lies
        inside, when a preposition stands right before *hit* (``inside``: في المنطقة الشرقية
        بالسعودية; a country only after a name of two words or more: في الخبر في السعودية is
        also "in the news in Saudi Arabia"; المظاهرات السلمية في حماة, the peaceful
        demonstrations, not Salamiyah), or the place
        named right before it so (ب on *hit*, or في between) that lies inside its entry
        (``contains``: القطيف في المنطقة الشرقية).  Two places one inside the other are no
        everyday words.  (A frequent word as written with ب, بالمنطقة, is no name at all:
        see :meth:`with_evidence`.)"""
        entry = hit.alias.entry
        ancestors = self.ancestors
        if entry.type != "place" or not ancestors:
            return None
        ti, tj, n = hit.ti, hit.tj, len(tokens)
        # a place around only after a preposition (في المنطقة الشرقية بالسعودية): a noun that
        # is a town's name reads as the noun (المظاهرات السلمية في حماة, يوم الأربعاء في البليدة)
        after_preposition = ti > 0 and seps[ti] == " " and tokens[ti - 1] in WORD_PREPOSITIONS
        if after_preposition and tj < n and seps[tj] == " ":
            if tokens[tj] == "في":
                after = starting.get(tj + 1, ()) if tj + 1 < n and seps[tj + 1] == " " else ()
                after = [o for o in after if not o.cut]
            else:
                after = [o for o in starting.get(tj, ()) if o.cut == 1 and tokens[tj][0] == "ب"]
            around = ancestors.get(entry.id, frozenset())
            for other in after:
                # a country around one word is too weak: الخبر في السعودية is "the news in
                # Saudi Arabia" as well as Khobar
                if other.alias.entry.id in around and (
                    tj - ti > 1 or other.alias.entry.part_of is not None
                ):
                    words = " ".join(tokens[other.ti : other.tj])
                    return Evidence("inside", words, other.alias.entry.country)
        if ti and seps[ti] == " ":
            before: Sequence[Hit] = ()
            if hit.cut == 1 and tokens[ti][0] == "ب":
                before = ending.get(ti, ())
            elif not hit.cut and ti > 1 and tokens[ti - 1] == "في" and seps[ti - 1] == " ":
                before = ending.get(ti - 1, ())
            for other in before:
                if entry.id in ancestors.get(other.alias.entry.id, frozenset()):
                    words = " ".join(tokens[other.ti : other.tj])
                    return Evidence("contains", words, other.alias.entry.country)
        return None


class _Nesting:
    """Which spans lie inside a longer one of *names* (spans of words, start and end).

    ``nested(ti, tj)`` is ``any(a <= ti and tj <= b and b - a > tj - ti for a, b in
    names)``, in a few steps rather than one for each name of the text: a longer span
    around (ti, tj) starts at most as many words before it as the widest name is long.
    """

    def __init__(self, names: list[tuple[int, int]]) -> None:
        #: The furthest end of a name from each start.
        self.widest: dict[int, int] = {}
        self.span = 0
        widest = self.widest
        for a, b in names:
            if b > widest.get(a, a):
                widest[a] = b
            self.span = max(self.span, b - a)

    def nested(self, ti: int, tj: int) -> bool:
        widest = self.widest
        if widest.get(ti, ti) > tj:  # a longer name from the same word
            return True
        # a name from an earlier word that reaches as far (it is longer, then)
        return any(widest.get(a, a) >= tj for a in range(max(tj - self.span, 0), ti))


def _evidence(
    hit: Hit,
    tokens: list[str],
    seps: list[str],
    starting: dict[int, list[Hit]],
    ending: dict[int, list[Hit]],
    cues_of: Callable[[str], frozenset[str]],
    frequent: frozenset[str],
) -> Evidence | None:
    """A common-word alias counts only with evidence around it, on its line.

    Evidence is a cue word of the entry's type just before it (منطقة الخليج،
    تنظيم القاعدة) or, for places, another place in the same list
    (بالخليج أو أوربا).  Nothing on another line counts: a line is matched
    the same alone as in its text (``seps[i]`` is what precedes word *i*).
    A name that reads as و or ف and a frequent word (*frequent*: وان, and that, and
    Turkey's Van) is that reading beside a place, whatever separates them: only a cue
    makes it the name (ولاية وان).
    """
    kind = hit.alias.entry.type
    if kind not in CUES:
        return None
    ti, tj = hit.ti, hit.tj
    before = ti > 0 and "\n" not in seps[ti]  # the word before is on the same line
    if (
        before
        and kind in cues_of(tokens[ti - 1])
        and (_list_follows(tj, tokens, seps) or not _list_only(tokens[ti - 1]))
        and not (
            tj - ti == 1 and tokens[ti][hit.cut :] in COMPASS_NOUNS and _list_head(tokens[ti - 1])
        )
    ):
        return Evidence("cue", tokens[ti - 1])
    if kind not in LIST_EVIDENCE or not starting:
        return None
    if not hit.cut and tokens[ti][:1] in "وف" and tokens[ti][1:] in frequent:
        return None  # وان: no item of a list at all
    if tj - ti == 1 and _is_cue(tokens[ti], kind):
        return None  # العاصمة before a place is a cue for it, not a place of the list
    # a list does not run across a sentence's or a clause's end (النيجر؛ السلمية أو
    # العسكرية: the peaceful or military moves, not Salamiyah)
    before = before and LIST_BREAKS.isdisjoint(seps[ti])
    after = tj < len(tokens) and LIST_BREAKS.isdisjoint(seps[tj])
    # a name right after another with a preposition on it is its complement, not the
    # next item of a list (الحدود الجنوبية لمصر: the southern border of Egypt)
    # with only a space between, the later name carries the conjunction و (وبرج باجي
    # مختار): a name that begins with و itself (وان) is no next item
    neighbours = [
        *(
            o
            for o in starting.get(tj, ())
            if after and _next_item(o, tokens, seps) and not _complement(o, tokens, seps)
        ),
        *(
            ending.get(ti, ())
            if before and _next_item(hit, tokens, seps) and not _complement(hit, tokens, seps)
            else ()
        ),
    ]
    if after and tokens[tj] in CONJUNCTIONS and LIST_BREAKS.isdisjoint(seps[tj + 1]):
        neighbours += starting.get(tj + 1, ())
    if before and tokens[ti - 1] in CONJUNCTIONS and LIST_BREAKS.isdisjoint(seps[ti - 1]):
        neighbours += ending.get(ti - 1, ())
    for other in neighbours:
        if other.alias.entry.type != kind:
            continue
        if other.alias.kind != "common":
            return Evidence("list", " ".join(tokens[other.ti : other.tj]))
        # a common word a list's head showed (Ranker.with_evidence): of the same country only
        country = other.alias.entry.country
        if country is not None and country == hit.alias.entry.country:
            return Evidence("list", " ".join(tokens[other.ti : other.tj]), country)
    return None


def _list_head(word: str) -> bool:
    """Whether *word*, its proclitics off, is a division's noun in the dual or the plural
    (:data:`LIST_HEAD_CUES`)."""
    return any(form in LIST_HEAD_CUES for form, _ in strip_forms(word))


def _list_only(word: str) -> bool:
    """Whether *word*, its proclitics off, is a cue only before a list (:data:`LIST_ONLY_CUES`:
    مدينتي is also "my city")."""
    return any(form in LIST_ONLY_CUES for form, _ in strip_forms(word))


def _list_follows(tj: int, tokens: list[str], seps: list[str]) -> bool:
    """Whether the next item of a list follows a name that ends before word *tj*: a word with
    و on it, one space between, or a comma."""
    if tj >= len(tokens):
        return False
    sep = seps[tj]
    return (sep == " " and tokens[tj][:1] == "و" and len(tokens[tj]) > 1) or sep.strip() in (
        "،",
        ",",
    )


#: Separators that head what follows rather than list it (quotes and spaces aside): a
#: colon or a dash, as in a dateline (الرياض: «الشرق الأوسط», لندن - الشرق الأوسط: the
#: newspaper's byline, no list of places).
HEADING_SEPS: Final = frozenset(":-\u2013\u2014")
#: Quotation marks, which a separator may have around a heading's colon or dash.
QUOTES: Final = frozenset("«»\"\u201c\u201d\u201e\u2018\u2019'")


def _lists(sep: str) -> bool:
    """Whether *sep*, what stands between two names, may separate the items of a list: a
    mark other than a space (a comma), unless it is a colon or a dash alone
    (:data:`HEADING_SEPS`, spaces and quotes aside)."""
    marks = sep.strip()
    if not marks:
        return False
    rest = {c for c in marks if not c.isspace()} - QUOTES
    return not rest or not rest <= HEADING_SEPS


def _next_item(hit: Hit, tokens: list[str], seps: list[str]) -> bool:
    """Whether *hit* may be the next item of a list after the name that ends right before
    it: a separator of a list stands between (a comma: :func:`_lists`), or the conjunction
    و is on its first word as a proclitic (وبرج باجي مختار), not a letter of the name (وان)."""
    return _lists(seps[hit.ti]) or (hit.cut > 0 and tokens[hit.ti][0] == "و")


def _complement(hit: Hit, tokens: list[str], seps: list[str]) -> bool:
    """Whether *hit* is the complement of the word before it: nothing but a space between,
    and a preposition (ب، ل، ك) on its first word (لمصر), or ل fused with its article
    (للمغرب); with و before it (وللمغرب), it is the next item of a list."""
    if hit.ti == 0 or seps[hit.ti].strip():
        return False
    word, cut = tokens[hit.ti], hit.cut
    return word[:cut] in PREPOSITIONS or (not cut and word.startswith(LAL))


def _is_cue(word: str, kind: str) -> bool:
    """Whether *word* (its proclitics and article aside) is a cue word for names of type *kind*."""
    if is_city_cue(word):
        return True
    cues = CUES.get(kind, frozenset())
    return any(form.removeprefix("ال") in cues for form, _ in strip_forms(word))


def _as_context(score: float, hit: Hit, method: str) -> tuple[float, str]:
    """The score and method of a generic reference that the context made specific."""
    if method.startswith("context"):
        return score, method
    rest = [m for m in method.split("+") if m not in ("exact", "abbreviation")]
    return SCORES["context"] * hit.factor, "+".join(["context", *rest])


def _rank_key(
    scored: tuple[float, Hit, str], parents: Collection[str | None], era: Callable[[Entry], int]
) -> tuple[float, int, int, int, int, str]:
    """The sort key of a scored hit of a group whose hits are part of *parents* (their
    entries' ``part_of``)."""
    score, hit, _method = scored
    entry = hit.alias.entry
    # An entry of no other that another candidate is part of first (the country of a city of
    # the same name, al-Qaeda of its branch). A division is not put first so: between it and
    # its city of the same name the gazetteer's order decides (الكرك is the city of Karak).
    contains = entry.id in parents and entry.part_of is None
    return (
        -score,
        0 if contains else 1,
        era(entry),
        0 if hit.alias.kind == "exact" else 1,
        hit.alias.order,
        entry.id,
    )


def _dedupe(candidates: Sequence[Candidate], best: str) -> tuple[Candidate, ...]:
    out: list[Candidate] = []
    ids = {best}
    for c in candidates:
        if c.id not in ids and c.score > 0:
            ids.add(c.id)
            out.append(c)
    return tuple(out)


def spans(hits: list[Hit], longest: bool) -> Iterator[list[Hit]]:
    """The hits grouped by span, leftmost first and, at one start, longest first.

    A span is (first word, clitic letters cut, end word): its order is the
    order of the spans' offsets.  Hits come in order of their first word, so
    for leftmost-longest only the hits of one first word at a time need
    sorting (usually one or two).
    """
    if not longest:
        by_span: dict[tuple[int, int, int], list[Hit]] = {}
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
        group: dict[tuple[int, int, int], list[Hit]] = {}
        for other in hits[i:j]:
            group.setdefault((other.ti, other.cut, -other.tj), []).append(other)
        for key in sorted(group):
            yield group[key]
        i = j
