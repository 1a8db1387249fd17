"""The :class:`Matcher`: its options, its index, and a text's matches from start to end.

It puts the parts together: the index (:mod:`._index`) is built from the
gazetteers; a text is normalized with offsets and split into words; the walk
(:mod:`._walk`) finds the hits, using the word lookups (:mod:`._lookup`), the
morphology (:mod:`._morphology`) and the variant classes (:mod:`._variants`);
the ranking (:mod:`._rank`) keeps the hits with evidence and picks each span's
entry; the matches are mapped back to the text as given.  A long text is read a
window at a time.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import gc
import io
import itertools
import os
import pickle
import threading
import unicodedata
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

from .._align import OffsetMap
from .._io import AtomicFile
from ..gazetteer import (
    ENTRY_TYPES,
    Entry,
    Gazetteer,
    GazetteerError,
    Role,
    available_gazetteers,
    common_given_names,
    common_word_aliases,
    common_word_surnames,
    load_gazetteer,
    safe_word_aliases,
)
from ..normalizer import Normalizer, NormalizerConfig, _normalizer_for
from . import _walk
from ._context import (
    AHEAD,
    GENERIC_TYPES,
    GIVEN_ENDS,
    GUESSED,
    REACH,
    Document,
    Window,
    abroad,
    after_a_countryside_noun,
    after_a_plural_head,
    after_a_rank,
    after_a_region_noun,
    after_a_ruler_noun,
    choose,
    city_cue,
    conjoined,
    contradicted,
    demonym_forms,
    division_nouns_before,
    forms_before,
    full_name_ahead,
    full_names_at,
    goes_on,
    held_by_holder,
    in_a_court,
    in_a_mission,
    in_a_movement,
    in_a_unit,
    in_an_institution,
    in_another_body,
    inside_named,
    is_adjective,
    is_generic,
    is_guessed,
    is_partial_name,
    keep_supported,
    leading_country,
    lineages,
    list_items,
    listed_with,
    name_words,
    named_ahead,
    named_before,
    not_another_s,
    not_the_place,
    numbered_units,
    of_no_country,
    part_of_another_name,
    reach_of,
    read_before,
    remember_reading,
    runs_on,
    security_as_a_noun,
    son_of,
    styled_given_outrun,
    styled_given_seen,
    surname_of_another,
    surname_of_one,
    surname_words,
    unit_heads_before,
    untitled,
)
from ._index import (
    SAVE_MAGIC,
    STATE_FORMAT,
    GivenNames,
    SafeUnpickler,
    build,
    check_state,
    given_surnames,
    key_of,
    normalize_all,
    people_given_names,
    shared_given_names,
    state_of,
    surfaces,
    why_common,
)
from ._lookup import Lookups
from ._marks import SHADDA, marked_aliases, shadda_letters, supported
from ._model import (
    KIND_NAMES,
    SCORES,
    Alias,
    Candidate,
    Evidence,
    Hit,
    Match,
    Overlaps,
    candidate_from,
    candidate_of,
    new_hit,
)
from ._morphology import (
    AFTER_SUBJECT,
    AFTER_SUBJECT_MARKS,
    ALI,
    CUES,
    DIVISION_TYPES,
    DIVISION_WORDS,
    LIST_EVIDENCE,
    MISSION_NOUNS,
    NOT_GIVEN,
    PLURAL_DIVISION_NOUNS,
    REGION_WORDS,
    SPEECH_VERBS,
    TANWIN,
    TOKEN,
    WILAYA_NOUNS,
    indefinite,
    is_style,
    misread_clitic,
    units,
    written_ala,
)
from ._rank import Ranker, spans
from ._variants import frequent_words
from ._walk import PIECE_GROWTH, Walker, Words, cut_at

#: A local unit's name read as its national body: the hit from the head's first word to the
#: place's last, and what it picks (score, the body's alias, method, no candidates, why).
Unit = tuple[Hit, tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]]]


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


def _word_lists(
    common_words: Iterable[str],
    safe_words: Iterable[str],
    shipped: bool,
    normalizer: Normalizer,
) -> tuple[frozenset[str], frozenset[str]]:
    """The common and safe words a matcher uses (normalized): the given ones, and the shipped.

    A phrase with a name particle is listed as written (بن سليمان) and read as the index keys
    its alias, the particle joined to the word after it (بنسليمان): both forms are kept."""
    common = {normalizer(w) for w in common_words}
    safe = {normalizer(w) for w in safe_words}
    if shipped:
        common.update(common_word_aliases())
        safe.update(safe_word_aliases())
    common.update([key_of(w) for w in common if " " in w])
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
        for surface, _ in surfaces(entry)
    ]
    frequent = frequent_words()
    out: list[AliasNeedingEvidence] = []
    seen: set[tuple[str, str]] = set()
    normalized = normalize_all(normalizer, [surface for surface, _ in rows])
    for (surface, entry), folded in zip(rows, normalized, strict=True):
        key = " ".join(units(folded, first=False))
        why = why_common(key, common, frequent, safe) if key else ""
        if not why or (surface, entry.id) in seen:
            continue
        seen.add((surface, entry.id))
        out.append(AliasNeedingEvidence(surface, entry.id, _reason(why, entry.type)))
    return out


def _reason(why: str, entry_type: str) -> str:
    """Why an alias of an entry of *entry_type* needs evidence (*why* it is common), and what
    evidence counts."""
    if entry_type in LIST_EVIDENCE:
        then = (
            "reported only after a cue word (منطقة، مدينة …), beside another place in a list, "
            "or beside a place it lies in or that lies in it"
        )
    elif entry_type in CUES:
        then = f"reported only after a cue word for an {entry_type} (تنظيم، جماعة …)"
    else:
        then = f"never reported on its own: no word around it shows the {entry_type} is meant"
    return f"{why}; {then}"


def aliases_needing_evidence(
    gazetteer: Gazetteer,
    *,
    safe_words: Collection[str] = (),
    common_words: Collection[str] = (),
    shipped_word_lists: bool = True,
) -> list[AliasNeedingEvidence]:
    """The aliases of *gazetteer* that :class:`~arnorm.Matcher` reports only with evidence, and why.

    An alias is a common word when it is in the common-word list, or when
    it is a single :func:`frequent_words` word not in *safe_words*.  Such an
    alias of a place is reported only after a cue (منطقة الخليج), beside
    another place in a list, or beside a place it lies in or that lies in it
    (في المنطقة الشرقية بالسعودية); of an organisation, only after a cue (تنظيم
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


def _remember_held(group: list[Hit], keep: list[Hit], why: Evidence, doc: Document) -> None:
    """Note in *doc* what a holder made specific: the country of the name *group* (the
    same name later, unqualified, is the same body's) and, if he held one body of them
    (*keep*), that body (a generic name later fits it first)."""
    if len(ids := {h.alias.entry.id for h in keep}) == 1:
        doc.decided |= ids
    if why.country:
        key = frozenset(h.alias.entry.id for h in group)
        doc.qualified.setdefault(key, (why.country, why.text))


def _remember_kept(alias: Alias, others: tuple[Candidate, ...], doc: Document) -> None:
    """Note in *doc* a match kept of *alias*, with the *others* its span fits: the entry
    named (a surname alone is not), and, if the name fits no other entry, decided
    (:func:`~._context.named_before`)."""
    if alias.kind == "surname":
        return
    doc.seen.add(alias.entry.id)
    if not others:  # a name that fits no other entry
        doc.decided.add(alias.entry.id)


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
    *min_score* are dropped.  With *as_of* (a ``datetime.date`` or an ISO
    date, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), each person match carries in
    ``Match.roles`` the roles the person held on that date, so that
    an article of 2019 reads with who the people were then; of several bodies a
    name fits, those valid on that date come first, and a body founded after it
    is not reported unless the text names its holder with it.

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
        as_of: str | datetime.date | None = None,
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
            as_of=as_of,
        )
        common_rows: dict[int, str] = {}
        people_given: list[tuple[frozenset[str], GivenNames]] = []
        # The build makes millions of objects that all live on: a collection of the
        # young ones finds nothing to free, and would run hundreds of times.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._index = build(
                self.gazetteers,
                types=self.types,
                surnames=self.surnames,
                common=self._common,
                frequent=self._frequent,
                safe=self._safe,
                normalizer=self._normalizer,
                common_rows=common_rows,
                people_given=people_given,
            )
            self._start(*people_given)
        finally:
            if collecting:
                gc.enable()
        self._warn_evidence(common_rows)

    def _warn_evidence(self, common_rows: dict[int, str]) -> None:
        """Warn of the aliases of the user's own gazetteers that will need evidence.

        *common_rows* are the alias rows the build found to be common words, and why:
        the aliases that :func:`aliases_needing_evidence` lists, in its order.
        """
        index = self._index
        own = [not _is_shipped(gazetteer) for gazetteer in self.gazetteers]
        found: list[AliasNeedingEvidence] = []
        seen: set[tuple[int, str, str]] = set()
        for row, why in common_rows.items():
            owner = index.a_entry[row]
            g = index.entry_gaz[owner]
            if not own[g]:
                continue
            entry, surface = index.entries[owner], index.a_surface[row]
            if (g, surface, entry.id) in seen:
                continue
            seen.add((g, surface, entry.id))
            found.append(AliasNeedingEvidence(surface, entry.id, _reason(why, entry.type)))
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
        as_of: str | datetime.date | None = None,
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
        if isinstance(as_of, datetime.date):
            as_of = as_of.isoformat()[:10]
        if as_of is not None:
            Role("").held_on(as_of)  # ValueError, saying why, for a date that is not one
        #: The date the roles of person matches are given for (ISO), or None.
        self.as_of: str | None = as_of
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

    def _start(self, people_given: tuple[frozenset[str], GivenNames] | None = None) -> None:
        """Set up what a matcher keeps besides its index: the lookups, the ranker, the walker.

        *people_given*: the people's given names and each one's own, when the build
        made them (else they are made here).
        """
        index = self._index
        self._aliases: list[Alias | None] = [None] * len(index.a_surface)
        self._alias_lock = threading.Lock()
        self._lookups = Lookups(
            index, variants=self.variants, fuzzy=self.fuzzy, frequent=self._frequent
        )
        # a surname alone that is a frequent word, or a listed common word, needs the full name
        surname_words = self._frequent
        if self._shipped_word_lists:
            surname_words = surname_words | frozenset(common_word_surnames())
        self._ranker = Ranker(surname_words, self._safe, self._normalizer, self.as_of)
        # kinds of alias whose exact match always passes min_score and needs no evidence
        sure_kinds = frozenset(
            kind
            for kind, score in (("exact", 1.0), ("abbreviation", SCORES["abbreviation"]))
            if score >= self.min_score
        )
        self._walker = Walker(
            index,
            self._lookups,
            self._alias,
            self._aliases,
            self._ranker.cues_of,
            longest=self.overlaps == "longest",
            sure_kinds=sure_kinds,
        )
        #: The places inside a place inside another (a town of a governorate of a country):
        #: what a division's noun before the name (محافظة القطيف) rules out.
        parents = {e.id: e.part_of for e in index.entries if e.type == "place"}
        self._towns = frozenset(
            entry_id
            for entry_id, parent in parents.items()
            if parent is not None and parents.get(parent) is not None
        )
        #: The places that others lie inside (محافظات الضفة الغربية: the governorates of
        #: the West Bank, which is part of a country).
        self._containers = frozenset(p for p in parents.values() if p is not None)
        #: The places each place lies inside (its part_of, theirs, ...): see inside_named.
        self._ancestors = _ancestors(parents)
        self._ranker.ancestors = self._ancestors
        #: The bodies each body lies in: see in_another_body.
        self._body_ancestors = _ancestors(
            {e.id: e.part_of for e in index.entries if e.type in ("agency", "organization")}
        )
        #: The places named as divisions: a name or alias begins with a division's noun
        #: (محافظة كركوك), or the English name of a place inside another ends with a
        #: division's type (Bay Region: إقليم باي), as the text's noun before a name asks for.
        self._divisions = frozenset(
            e.id
            for e in index.entries
            if e.type == "place"
            and (
                any(s.split(" ", 1)[0] in DIVISION_WORDS for s in e.surfaces)
                or (e.part_of is not None and e.name_en.rsplit(" ", 1)[-1] in DIVISION_TYPES)
            )
        )
        #: The divisions named as regions (منطقة الرياض): after a region's noun, a name
        #: that fits one names it (see _no_towns_after_a_division).
        self._regions = frozenset(
            e.id
            for e in index.entries
            if e.id in self._divisions
            and any(s.split(" ", 1)[0] in REGION_WORDS for s in e.surfaces)
        )
        #: The organisations that others are part of (the UN: its missions), each with the
        #: ids of its parts; the index row of each part's name is found when first asked
        #: for (see _mission).
        parts: dict[str, set[str]] = {}
        orgs = {e.id for e in index.entries if e.type == "organization"}
        for e in index.entries:
            if e.type == "organization" and e.part_of in orgs:
                parts.setdefault(e.part_of, set()).add(e.id)
        self._parts = {parent: frozenset(ids) for parent, ids in parts.items()}
        #: Of those, the parts named as the parent's missions or forces (see _missions_of).
        self._missions = _missions_of(index.entries, parts, self._normalizer)
        #: The branches of an organisation that are named after it (تنظيم القاعدة في جزيرة
        #: العرب of تنظيم القاعدة) and belong to one country, by the parent and the country:
        #: in a text about that country the parent's name is the branch (see _branch).
        by_id = {e.id: e for e in index.entries}
        branches: dict[str, dict[str, list[str]]] = {}
        for e in index.entries:
            parent = by_id.get(e.part_of or "")
            if e.type != "organization" or parent is None or e.country is None:
                continue
            if any(s.startswith(p + " ") for s in e.surfaces for p in parent.surfaces):
                branches.setdefault(parent.id, {}).setdefault(e.country, []).append(e.id)
        self._branches = {
            parent: {c: ids[0] for c, ids in by_country.items() if len(ids) == 1}
            for parent, by_country in branches.items()
        }
        self._part_rows: dict[str, int] | None = None
        #: The governorates (a name or alias begins with محافظة) of the states whose
        #: divisions the gazetteers never name as wilayas (ولاية): see
        #: _no_towns_after_a_division.
        nouns: dict[str | None, set[str]] = {}
        for e in index.entries:
            if e.type == "place":
                for s in e.surfaces:
                    noun = s.split(" ", 1)[0]
                    if noun in DIVISION_WORDS:
                        nouns.setdefault(e.country, set()).add(noun.replace("ة", "ه"))
        self._governorates = frozenset(
            e.id
            for e in index.entries
            if e.type == "place"
            and "ولايه" not in nouns.get(e.country, {"ولايه"})
            and any(s.split(" ", 1)[0] in ("محافظة", "محافظه") for s in e.surfaces)
        )
        if people_given is None:
            people = [e for e in index.entries if e.type == "person"]
            people_given = people_given_names(people, self._normalizer)
        #: The given names of the people (normalized), and each person's own.
        given, self._own_given = people_given
        #: What follows بن in each person's own names: the lineage a name may go on with.
        self._lineage = lineages((e for e in index.entries if e.type == "person"), self._normalizer)
        #: The words of each person's own names, normalized when first asked for (rarely:
        #: only a name followed by a given name asks): see _own_words_of.
        self._own_words: dict[str, frozenset[str]] = {}
        #: Whether each alias read by a fuzzy class is a style and one name, by its surface,
        #: when first asked for (rarely: only fuzzy readings ask): see _styled_pair.
        self._styled_pairs: dict[str, bool] = {}
        #: The given names two people or more bear (محمد): a nasab after one is anyone's.
        self._shared_given = shared_given_names(
            (e for e in index.entries if e.type == "person"), self._normalizer
        )
        #: The surnames alone that are given names too (حسين of فؤاد حسين), which no index
        #: row holds, each as a surname alias of each person it is the surname of: after a
        #: verb of saying (وقال حسين) one names its person once the text has named them in
        #: full (see _verb_surname_hits).
        self._verb_surnames: dict[str, tuple[Alias, ...]] = {}
        if self.surnames:
            for form, owners in given_surnames(
                index.entries, self._normalizer, given, self._shared_given
            ).items():
                self._verb_surnames[form] = tuple(
                    Alias(
                        index.entries[owner],
                        self.gazetteers[index.entry_gaz[owner]].name,
                        self.gazetteers[index.entry_gaz[owner]].version,
                        form,
                        "surname",
                        owner,
                    )
                    for owner in owners
                )
        self._verb_surname_ids = frozenset(
            id(alias) for aliases in self._verb_surnames.values() for alias in aliases
        )
        # the given names a surname after them shows to be someone else's (NOT_GIVEN aside):
        # the people's, and with the shipped word lists the common ones (مصعب)
        if self._shipped_word_lists:
            given = given | common_given_names()
        self._given = given - NOT_GIVEN
        #: Demonyms (with their proclitics) and the country each names: evidence of context.
        self._demonyms = demonym_forms(
            (entry for gazetteer in self.gazetteers for entry in gazetteer), self._normalizer
        )
        self._walker.demonyms = self._demonyms
        #: The aliases written with a shadda (عمّان), by entry: evidence in marked text.
        self._marked = marked_aliases(index.entries, self._normalizer)
        #: The heads of local units' names (normalized words) by the country whose place
        #: completes one, each with the agency whose units they are, as an alias of that
        #: agency (see _unit).
        self._unit_heads: dict[tuple[str, tuple[str, ...]], Alias] = {}
        for owner, e in enumerate(index.entries):
            if e.type != "agency" or not e.units or e.country is None:
                continue
            gaz = self.gazetteers[index.entry_gaz[owner]]
            for head in e.units:
                words = tuple(self._normalizer(head).split())
                if words:
                    alias = Alias(e, gaz.name, gaz.version, head, "exact", owner)
                    self._unit_heads.setdefault((e.country, words), alias)
        self._unit_words = frozenset(words for _, words in self._unit_heads)
        #: The agencies whose local units' names a head begins, as common-word aliases: a
        #: head and an ordinal or a direction (الناحية العسكرية الخامسة) names the body of
        #: the country the text is about, as a generic reference does (see _numbered).
        self._numbered: dict[tuple[str, ...], list[Alias]] = {}
        #: The number of a head's words, by the id of such an alias (for its evidence).
        self._numbered_heads: dict[int, int] = {}
        for (_, words), alias in self._unit_heads.items():
            numbered = dataclasses.replace(alias, kind="common")
            self._numbered.setdefault(words, []).append(numbered)
            self._numbered_heads[id(numbered)] = len(words)
        self._unit_longest = max(map(len, self._unit_words), default=0)
        #: The most words a name spans in a text (a particle and its word are two).
        self._name_words = 2 * (
            max(map(str.count, index.phrases, itertools.repeat(" ")), default=0) + 1
        )

    def _alias(self, row: int) -> Alias:
        """The alias record of index row *row*, made once and kept."""
        alias = self._aliases[row]
        if alias is None:
            # one object a row, even between threads: the rank cache is keyed by its id
            with self._alias_lock:
                alias = self._aliases[row]
                if alias is None:
                    index = self._index
                    owner = index.a_entry[row]
                    gaz = self.gazetteers[index.entry_gaz[owner]]
                    alias = Alias(
                        index.entries[owner],
                        gaz.name,
                        gaz.version,
                        index.a_surface[row],
                        KIND_NAMES[index.a_kind[row]],
                        owner,
                    )
                    self._aliases[row] = alias
        return alias

    def __repr__(self) -> str:
        names = ", ".join(f"{g.name}@{g.version}" for g in self.gazetteers)
        return f"<Matcher {names}: {len(self._index.phrases)} keys>"

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
            ("as_of", self.as_of),
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
            "format": STATE_FORMAT,
            "arnorm": _arnorm_version(),
            "gazetteers": self.gazetteers,
            "options": self._options(),
            "index": state_of(self._index),
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
            out.write(SAVE_MAGIC)
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
        if not data.startswith(SAVE_MAGIC):
            raise ValueError(f"{path}: not a matcher saved by arnorm (no {SAVE_MAGIC!r} header)")
        try:
            state = SafeUnpickler(io.BytesIO(data[len(SAVE_MAGIC) :])).load()
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

    def lookup(self, word: str) -> tuple[Candidate, ...]:
        """The entries a single word (or name written as one string) may name, best first.

        A word that is two names glued by و (فرنساوالجزائر) names no one entry: it has
        none here, and :meth:`find` reads the two names in it.

        >>> [(c.id, c.method) for c in Matcher().lookup("والمنصوزي")][:1]
        [('person-mohamed-yassine-mansouri', 'surname+dots')]
        """
        token = self._normalizer(word).strip()
        if not TOKEN.fullmatch(token):
            # several words, or punctuation: the general path
            out: list[Candidate] = []
            for match in self.find(word):
                out.append(candidate_of(match))
                out.extend(match.candidates)
            return tuple(sorted(out, key=lambda c: -c.score))
        # One word: its walks of one word, scored as find would score them alone.
        scored: dict[str, Candidate] = {}
        frequent = token in self._frequent
        for _d, _key, cut, factor, methods, _typos, rows, _more in self._lookups.starts(token):
            if rows is None or (methods and methods[0].endswith(GUESSED)):
                continue  # nothing in a word alone shows that a real word is a name
            for row in rows:
                alias = self._alias(row)
                if alias.kind == "common":
                    continue  # a common word alone has no evidence
                if cut and frequent and alias.kind == "surname":
                    continue  # a word, not a proclitic and a surname (بقايا)
                hit = new_hit((0, 1, 0, alias, factor, methods))
                score, _, method = self._ranker.score(hit, set())
                if score > 0.0 and score >= self.min_score:
                    candidate = candidate_from(hit, score, method)
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
        return self._scan_text(text, 0, Document())

    def _scan_text(self, text: str, base: int, doc: Document) -> Iterator[Match]:
        """The matches of *text*, in one piece or (when long) window by window."""
        if len(text) <= _walk.PIECE:
            return self._scan(text, base, doc)
        return self._scan_long(text, base, doc)

    def _scan_long(self, text: str, base: int, doc: Document) -> Iterator[Match]:
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
        # under "longest": the word the last kept match ends before, and the end of the
        # last generic reference that nothing made specific (see _resolve)
        state = [-1, -1]
        while start < n:
            size = _walk.PIECE
            while True:
                end = min(n, start + size)
                if end < n:
                    end = cut_at(text, start, end)
                chunk = text[start:end]
                normalized, offsets = self._normalizer.with_offsets(chunk)
                words = self._walker.words(normalized)
                count = len(words.tokens)
                # the last word of a window that stops short of the end may be cut
                hi = count if end == n else count - 1 - context
                # a window of no words has nothing to find, however far it grows
                if hi > lo or not count or size >= _walk.PIECE * PIECE_GROWTH:
                    break
                size *= 2
            whole = hi > lo
            if not whole:
                hi = count  # no room for the context (a word of 64K characters): cut it
            hits = self._hits(words)
            if hits:
                matches = self._resolve(
                    chunk, base + start, offsets, words, hits, doc, lo, hi, state
                )
                yield from matches
            else:
                self._learn(words, doc, lo, hi)
            if end == n:
                return
            if not whole:
                start, lo, state[0], state[1] = end, 0, -1, -1
                continue
            first = max(0, hi - context)
            if first < count:
                at = words.offset(2 * first + 1)
                start += offsets._span(at, at + 1)[0]
            lo = hi - first
            state[0] -= first
            state[1] -= first

    def iter_chunks(self, chunks: Iterable[str]) -> Iterator[Match]:
        """Find mentions in a text given as consecutive chunks (a stream).

        Offsets count from the start of the first chunk.  What the matcher
        learns along the way (a person's full name seen, which confirms the
        surname alone later) carries over from chunk to chunk.  Cut chunks at
        blank lines: a name cut in two by a chunk boundary is not found, and a
        name may run across one line break (a wrapped line; see "Limits" in
        :doc:`/matching`; :func:`~arnorm.files.match_file` moves such cuts).  A
        chunk of any length is matched as :meth:`finditer` matches a text, a
        window at a time, so the memory it takes does not grow with it.
        Every match of a chunk is yielded before the next chunk is taken from
        *chunks*, so a caller may track which chunk a match lies in (the
        command line counts lines that way).
        """
        doc = Document()
        base = 0
        for chunk in chunks:
            yield from self._scan_text(chunk, base, doc)
            base += len(chunk)

    def _name_spans(self, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Where every name that the words of *text* spell stands, reported or not; and
        where each stands with the word before it on its line.

        A name that is not reported in *text* alone may be in a longer text (a
        generic reference whose country the text before it gives): a cut that
        must not change what is found falls in none of the first spans.  A cue
        before a name (منطقة البديع، الوزير ماتس) may be what makes a common word or a
        spelling a name: a cut is better made outside the second ones too
        (:func:`~arnorm.files.lined`).
        """
        normalized, offsets = self._normalizer.with_offsets(text)
        words = self._walker.words(normalized)
        hits = self._walker.hits(words)
        spans = [_span_of(hit, words, offsets) for hit in hits]
        full_at = full_names_at(hits)
        if full_at:
            # a surname alone and its person's full name a few words on: one span, since
            # the full name names the person at the surname (named_ahead)
            for hit in hits:
                k = full_name_ahead(hit, full_at, words.seps)
                if k is not None:
                    full = max(
                        (h for h in hits if h.ti == k and h.alias.entry is hit.alias.entry),
                        key=lambda h: h.tj,
                    )
                    spans.append(
                        (_span_of(hit, words, offsets)[0], _span_of(full, words, offsets)[1])
                    )
        if self._verb_surnames:  # وقال حسين إن: the verb, the surname, the word after it
            last = len(words.tokens)
            for hit in self._verb_surname_hits(words):
                verb = new_hit((hit.ti - 1, min(hit.tj + 1, last), 0, hit.alias, 1.0, ()))
                spans.append(_span_of(verb, words, offsets))
        seps = words.seps
        cued = [
            _span_of(new_hit((hit.ti - 1, hit.tj, 0, hit.alias, 1.0, ())), words, offsets)
            for hit in hits
            if hit.ti and "\n" not in seps[hit.ti]
        ]
        return spans, cued

    @property
    def _context(self) -> int:
        """Words a window of :meth:`_scan_long` holds on either side of its region.

        A name is at most :attr:`_name_words` words long (twice its units: a
        particle and the word after it are two).  Whether a name with a
        common word counts depends on one word before it and on a name
        after a conjunction before or after it; the entry of a name that
        several countries share, on ``REACH`` words either side of it.
        """
        return 2 * self._name_words + 4 + max(REACH, AHEAD)

    def _scan(self, chunk: str, base: int, doc: Document) -> Iterator[Match]:
        normalized, offsets = self._normalizer.with_offsets(chunk)
        words = self._walker.words(normalized)
        hits = self._hits(words)
        if not hits:
            self._learn(words, doc, 0, len(words.tokens))
            return
        yield from self._resolve(chunk, base, offsets, words, hits, doc)

    def _hits(self, words: Words) -> list[Hit]:
        """The names found in *words*, in order of their first word, with the local units'
        names a head and an ordinal or a direction make (:func:`~._context.numbered_units`:
        الناحية العسكرية الخامسة), one hit for each body whose ``units`` list the head, as a
        common-word alias: the country the text is about picks one, as for a generic
        reference.  Under ``overlaps="longest"`` only, as for a unit named after a place."""
        hits = self._walker.hits(words)
        if self._verb_surnames:
            extra = self._verb_surname_hits(words)
            if extra:
                hits = sorted([*hits, *extra], key=lambda hit: hit.ti)
        if not self._numbered or self.overlaps != "longest":
            return hits
        found = numbered_units(words.tokens, words.seps, self._unit_words, self._unit_longest)
        if not found:
            return hits
        extra = [
            new_hit((first, end, cut, alias, 1.0, ()))
            for first, cut, end, head in found
            for alias in self._numbered[head]
        ]
        return sorted([*hits, *extra], key=lambda hit: hit.ti)

    def _verb_surname_hits(self, words: Words) -> list[Hit]:
        """A hit for each person whose surname alone, a given name too (:data:`given
        surnames <._index.given_surnames>`), a word is, right after a verb of saying
        (:data:`~._morphology.SPEECH_VERBS`, with و or ف or none) and one space, and right
        before the end of the text, a colon or an opening quote, or one space and a word
        that follows a verb's subject (:meth:`_after_subject`): وقال حسين إن.
        :meth:`_resolve` keeps it only for a person the text has named in full before,
        when no other person it has named bears the word as a given name."""
        tokens, seps, forms = words.tokens, words.seps, self._verb_surnames
        found: list[Hit] = []
        if forms.keys().isdisjoint(tokens):  # the usual chunk: no such surname, no loop
            return found
        last = len(tokens) - 1
        for i in range(1, len(tokens)):
            aliases = forms.get(tokens[i])
            if aliases is None or seps[i] != " ":
                continue
            verb = tokens[i - 1]
            if verb not in SPEECH_VERBS and not (
                verb[:1] in ("و", "ف") and verb[1:] in SPEECH_VERBS
            ):
                continue
            if i < last:
                after = seps[i + 1]
                if after == " ":
                    if not self._after_subject(tokens[i + 1]):
                        continue
                elif not AFTER_SUBJECT_MARKS.intersection(after):
                    continue
            found += [new_hit((i, i + 1, 0, alias, 1.0, ())) for alias in aliases]
        return found

    def _after_subject(self, word: str) -> bool:
        """Whether *word* may follow a verb's subject: a word of
        :data:`~._morphology.AFTER_SUBJECT`, the preposition ب and a frequent word with the
        article (وأشاد هادي بالجيش), or a frequent word without the article that is no
        given name, no name or surname of the data and no nisba (ending in ي), as family
        names are (وأكد الصباح التزام بلاده; not علاوي of وقال حسين علاوي)."""
        if word in AFTER_SUBJECT:
            return True
        if word[:3] == "بال":
            return word[1:] in self._frequent
        return (
            word in self._frequent
            and word[:2] != "ال"
            and word[-1:] != "ي"
            and word not in self._given
            and word not in self._index.phrases
        )

    def _verb_surname_ok(self, hit: Hit, doc: Document) -> bool:
        """Whether *hit*, a surname alone read after a verb of saying, names its person: the
        text has named them in full before, and no other person it has named bears the
        word as a given name (وأكد تميم after Tamim bin Hamad and Dhahi Khalfan Tamim)."""
        entry_id = hit.alias.entry.id
        if entry_id not in doc.seen:
            return False
        own, word = self._own_given, hit.alias.surface
        return not any(p != entry_id and p in own and word in own[p] for p in doc.seen)

    def _learn(self, words: Words, doc: Document, lo: int, hi: int) -> None:
        """Count the country evidence of words *lo* to *hi* of a text with no name in them
        (its demonyms) in *doc*: the text after it reads it as what came before."""
        if self._demonyms:
            Window(words.tokens, words.seps, (), self._demonyms, self._given).feed(doc, lo, hi)

    def _resolve(
        self,
        chunk: str,
        base: int,
        offsets: OffsetMap,
        words: Words,
        hits: list[Hit],
        doc: Document,
        lo: int = 0,
        hi: int | None = None,
        state: list[int] | None = None,
    ) -> Iterator[Match]:
        """The matches of *hits* that start in words *lo* to *hi* (all by default).

        Under ``overlaps="longest"``, *state* holds the word the last kept match
        ends before (no match starts before it), and the end of the last generic
        reference that nothing made specific, read at the start and kept up to
        date.  The words of such a reference are read as no shorter name, except
        a generic reference that ends where it ends: in تولى إدارة الأمن العام (ran
        General Security) the name of one country's body, إدارة الأمن العام, may
        be a head noun and the short form that the text's country makes specific;
        and a name that starts inside it and goes on past its end is read (قوات
        الجيش الوطني الشعبي), or, if it is not read and is no generic reference
        itself, hides nothing beyond the reference.  *doc* holds what the text
        before taught: the country evidence, and the people named in full.
        """
        tokens, seps = words.tokens, words.seps
        found: dict[int, Evidence] = {}

        def written(hit: Hit) -> str:
            """The span of *hit* as the text writes it."""
            return _written(hit, words, chunk, offsets)

        hits = _as_written(hits, words, self._frequent, chunk, offsets, self._styled_pair)
        if any(hit.alias.kind == "common" for hit in hits):
            hits, found = self._ranker.with_evidence(
                hits, tokens, seps, longest=self.overlaps == "longest"
            )
        if hi is None:
            hi = len(tokens)
        hits = conjoined(hits, tokens, seps)  # الرياض وجدة: و and Jeddah, not Oujda
        window = Window(tokens, seps, hits, self._demonyms, self._given)
        last_end = -1 if state is None else state[0]  # the word a kept match ends before
        generic_end = -1 if state is None else state[1]  # see the docstring
        gone_on = -1  # the first word of a person's name that goes on (goes_on)
        units: set[int] = set()  # the words of a place's name that completes a unit's
        in_unit: list[Unit] = []  # the national body such a unit's name names, if any
        reach = reach_of(hits)  # the last word a name starting at a word reaches
        full_at = full_names_at(hits)  # where each person's full names start
        for group in spans(hits, self.overlaps == "longest"):
            ti = group[0].ti
            if ti < lo:
                continue
            crossing = ti < last_end  # inside a generic reference (see _after_generic)
            if (crossing and not _after_generic(group, generic_end)) or ti in units:
                continue
            if ti >= hi:
                break
            window.feed(doc, lo, ti)  # the document is what comes before the name
            if full_at:  # a surname alone, its full name a few words on: named (السوداني …)
                doc.seen.update(named_ahead(group, full_at, doc.seen, seps))
            group, gone_on = self._not_going_on(
                group, window, gone_on, units, in_unit, doc, last_end
            )
            if in_unit:  # ولاية أمن طنجة: Morocco's national police, if the data says so
                unit = in_unit.pop()
                if unit[0].ti >= last_end and unit[1][0] >= self.min_score:
                    doc.seen.add(unit[1][1].entry.id)
                    last_end, generic_end = self._kept_up_to(unit[0].tj, last_end, state), -1
                    yield self._match(chunk, base, offsets, words, *unit)
                continue
            group = styled_given_seen(group, doc.seen)  # الأمير عبدالعزيز: once named in full
            group = styled_given_outrun(group, reach)  # الشيخ فهد يوسف: the longer name
            group = surname_of_one(group, doc.seen)  # خليل حقاني … سراج الدين حقاني … حقاني
            group = not_another_s(group, doc, words.tokens)  # ميلود الزوي … الزوي
            if self._verb_surname_ids:  # وقال حسين: only once named in full
                group = [
                    h
                    for h in group
                    if id(h.alias) not in self._verb_surname_ids or self._verb_surname_ok(h, doc)
                ]
            if not group:
                continue  # a name that goes on: someone else's, read no further
            if any(map(is_guessed, group)):
                group = keep_supported(group, window, doc, self._own_given, found)
                if not group:
                    continue  # a real word, nothing shows it is meant as a name
            picked = self._pick(group, window, doc, found, written)
            if picked is None:
                # a generic reference nothing makes specific is not reported, but
                # its words are not read as a shorter name either (but one generic
                # reference that ends where it ends, and a name that goes on past
                # it: see the docstring); a name that went on past one and is not
                # read (the adjective in المخابرات الداخلية بغزة) hides nothing more
                if self.overlaps == "longest" and not (crossing and not is_generic(group)):
                    last_end = group[0].tj
                    generic_end = last_end if is_generic(group) else -1
                    if state is not None:
                        state[0], state[1] = last_end, generic_end
                continue
            if (
                picked[0] <= 0.0
                or picked[0] < self.min_score
                # منطقة الناصرية in Aswan: a namesake the data lacks
                or self._namesake_abroad(picked, group[0], window, doc)
                # with as_of, a body founded after it: its name then was another's, unless
                # the text named its holder with it (held_by_holder: then decided)
                or (picked[1].entry.id not in doc.decided and self._ranker.not_yet(picked[1].entry))
            ):
                continue
            _remember_kept(picked[1], picked[3], doc)
            last_end, generic_end = self._kept_up_to(group[0].tj, last_end, state), -1
            yield self._match(chunk, base, offsets, words, group[0], picked)
        window.feed(doc, lo, hi)

    def _kept_up_to(self, tj: int, last_end: int, state: list[int] | None) -> int:
        """The word no match may start before once a match ending before word *tj* is kept
        (under ``overlaps="longest"``; else *last_end*, as it was), also written to *state*
        (see :meth:`_resolve`)."""
        if self.overlaps != "longest":
            return last_end
        if state is not None:
            state[0], state[1] = tj, -1
        return tj

    def _namesake_abroad(
        self,
        picked: tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]],
        hit: Hit,
        window: Window,
        doc: Document,
    ) -> bool:
        """Whether the place inside a country *picked* names (a town, a province), by a name
        that is also a common word (found by a cue: منطقة الناصرية، منطقة الجنوب), stands in
        a text about another country (:func:`~._context.abroad`), nothing around it showing
        it is that place: no place it lies inside, no dateline, no list of places it is an
        item of."""
        return (
            picked[1].kind == "common"
            and picked[1].entry.part_of is not None
            and not any(e.kind in ("inside", "dateline") for e in picked[4])
            and abroad(picked[1].entry.country, hit.ti, hit.tj, window, doc)
            and not list_items(hit.ti, hit.tj, window)
        )

    def _unit(self, places: list[Hit], window: Window, doc: Document) -> Unit | None:
        """The national body whose local unit's name the place's names *places* complete
        (:func:`~._context.in_a_unit`), as a hit from the unit's first word to the place's
        last and what it picks; None where no body's ``units`` lists the head words before
        it for the place's country.  A place whose namesakes lie in several countries is the
        one the text is about (:func:`~._context.choose`), and none without evidence; a town
        of a country the text is not about (:func:`~._context.abroad`) is a namesake the data
        lacks; a head after a word of threat or keeping is the state's security
        (:func:`~._context.security_as_a_noun`: حفظ أمن ولاية وهران)."""
        heads = unit_heads_before(places[0], window, self._unit_words, self._unit_longest)
        if not heads:
            return None  # most places: no head before them
        namesakes = len({h.alias.entry.country for h in places}) > 1
        for first, cut, words in heads:
            if security_as_a_noun(first, window):
                continue  # حفظ أمن ولاية وهران: the province's security, no unit
            fits = [h for h in places if (h.alias.entry.country, words) in self._unit_heads]
            if fits and namesakes:  # رفح, Egypt's or Gaza's: the text's country first
                chosen = choose(places, window, doc)
                fits = [h for h in fits if chosen and h.alias.entry.country == chosen[0]]
            fits = [
                h
                for h in fits
                if h.alias.entry.id not in self._towns
                or not abroad(h.alias.entry.country, h.ti, h.tj, window, doc)
            ]  # a town of a country the text is not about: a namesake the data lacks
            if not fits:
                continue
            place = fits[0]
            country = place.alias.entry.country or ""
            agency = self._unit_heads[(country, words)]
            hit = new_hit((first, place.tj, cut, agency, place.factor, place.methods))
            score, hit, method = self._ranker.score(hit, doc.seen)
            place_words = window.tokens[place.ti : place.tj]
            named = " ".join((place_words[0][place.cut :], *place_words[1:]))
            why = Evidence("unit", named, country)
            return hit, (score, agency, method, (), (why,))
        return None

    def _styled_pair(self, alias: Alias) -> bool:
        """Whether *alias* is a style with the article and one name (الجنرال حسان, a
        general's by-name), normalized once, when first asked for."""
        pair = self._styled_pairs.get(alias.surface)
        if pair is None:
            key = units(self._normalizer(alias.surface), first=False)
            pair = len(key) == 2 and key[0][:2] == "ال" and is_style(key[0])
            self._styled_pairs[alias.surface] = pair
        return pair

    def _own_words_of(self, entry: Entry) -> frozenset[str]:
        """The words of *entry*'s own names (a given name after a name that is one of them
        does not make it run on: محمد إبراهيم مصطفى), normalized once, when first asked for."""
        words = self._own_words.get(entry.id)
        if words is None:
            words = self._own_words[entry.id] = name_words(entry, self._normalizer)
        return words

    def _not_going_on(
        self,
        group: list[Hit],
        window: Window,
        gone_on: int,
        units: set[int],
        in_unit: list[Unit],
        doc: Document,
        last_end: int,
    ) -> tuple[list[Hit], int]:
        """*group* less the names that the words around them show are not theirs, and the
        first word of a person's name that goes on (*gone_on*: -1 if none yet); the words of
        a place's name that completes a local unit's are added to *units*, and the national
        body the unit's name names, if a body lists its head, to *in_unit* (see _unit).

        Dropped: a body's name followed by another country's qualifier
        (:func:`~._context.contradicted`); a surname alone read after a proclitic cut from a
        word that is itself a frequent word (بقايا, remnants, is not ب and قايا), or after
        the word آل (a family: آل دقلو، آل نهيان); the
        people's names that go on with a nasab not theirs (:func:`~._context.goes_on`) or
        run on with a given name (:func:`~._context.runs_on`), and
        the shorter names of people from the first word of one; every name of a span whose
        place is not the place there (:func:`~._context.not_the_place`: نهر النيجر، القائم
        بأعمال); a place's name after a rank or an honorific with the article
        (:func:`~._context.after_a_rank`: العقيد صلاح الدين); a short form that is a common
        noun there (:func:`~._context.untitled`: حق الدفاع عن النفس); an agency's name that
        completes a court's (:func:`~._context.in_a_court`: محكمة أمن الدولة); a name that
        completes an institution's (:func:`~._context.in_an_institution`: جامعة بغداد، مبنى
        الشيخ نواف), an armed movement's (:func:`~._context.in_a_movement`: جبهة تحرير
        بلوشستان) or a place's that completes a local security unit's
        (:func:`~._context.in_a_unit`: مدير أمن بنغازي); a generic name after a dual or plural
        head (وزراء الداخلية) or where it is the common noun
        (:func:`~._context.security_as_a_noun`: المساس بأمن الدولة).  What is dropped
        hides no other name.
        """
        ti, tj = group[0].ti, group[0].tj
        if (group[0].cut and window.tokens[ti] in self._frequent) or window.tokens[ti] == "ال":
            # (and a surname after آل, folded ال, is a family: آل دقلو، آل نهيان)
            group = [h for h in group if h.alias.kind != "surname"]
        # a body of one country followed by another's qualifier: that other country's body
        # (a generic reference is made specific by its qualifier instead: choose)
        if not is_generic(group):
            group = [h for h in group if not contradicted(h, window)]
        else:  # its places are still another country's namesakes (الداخلية الأردنية: no Omani)
            group = [
                h for h in group if h.alias.entry.type != "place" or not contradicted(h, window)
            ]
        if any(not_the_place(h, window) for h in group):
            return [], gone_on  # the water or the phrase, no name of its words: نهر النيجر
        group = [h for h in group if not untitled(h, window)]  # الدفاع عن النفس
        group = [h for h in group if not in_a_court(h, window)]  # محكمة أمن الدولة
        group = [h for h in group if not in_an_institution(h, window)]  # جامعة بغداد
        group = [h for h in group if not in_a_movement(h, window)]  # جبهة تحرير بلوشستان
        in_units = [h for h in group if in_a_unit(h, window)]
        unit = None
        if self._unit_heads and self.overlaps == "longest":
            if in_units:
                unit = self._unit(in_units, window, doc)
            else:  # a unit's name known only by a head the data lists: مفرزة استقصاء بيروت
                places = [h for h in group if h.alias.entry.type == "place"]
                places = [h for h in places if _joins_a_unit(h, window)]
                unit = self._unit(places, window, doc) if places else None
                if unit is not None and unit[0].ti >= last_end:
                    in_units = places
                else:
                    unit = None  # (not after the last kept match: the place is read)
        if in_units:
            if unit is not None:
                in_unit.append(unit)
            units.update(range(ti, tj))  # nor a reading with a proclitic: شرطة وجدة, not و جدة
            return [], gone_on  # مدير أمن عدن: the unit's name, no name of its words
        if group and is_generic(group):
            if after_a_plural_head(ti, tj, window):
                return [], gone_on  # وزراء الداخلية العرب: several countries' bodies, not one
            if security_as_a_noun(ti, window):
                return [], gone_on  # المساس بأمن الدولة: the state's security, no body
        group = [h for h in group if not after_a_rank(h, window)]  # العقيد صلاح الدين
        if ti == gone_on:
            group = [h for h in group if h.alias.entry.type != "person"]
        tokens = window.tokens
        if group and tj < len(tokens) and tokens[tj] == "بن":
            kept = [h for h in group if not goes_on(h, window, self._given, self._lineage)]
            if len(kept) < len(group):
                gone_on = ti
            group = kept
        elif group and tj < len(tokens) and tokens[tj] in self._given:
            group = [h for h in group if not runs_on(h, window, self._given, self._own_words_of)]
        if group and ti and (tokens[ti - 1] in self._given or tokens[ti - 1] in GIVEN_ENDS):
            # الشيخ أحمد نواف الأحمد الجابر الصباح: the son's name, not the father's
            group = [h for h in group if not son_of(h, window, self._given, self._own_words_of)]
        return group, gone_on

    def _pick(
        self,
        group: list[Hit],
        window: Window,
        doc: Document,
        found: dict[int, Evidence],
        written: Callable[[Hit], str],
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """The entry a span names, its score and method, the other candidates, and why.

        None when it names none: a generic reference that nothing makes specific.
        *written* gives a hit's span as the text writes it (its marks too).
        """
        seen = doc.seen
        settled = self._settled(group, window, doc)
        if settled is not None:
            return settled[0]
        if group[0].ti:
            group = self._no_towns_after_a_division(group, window, doc)
            if not group:
                return None  # محافظة القطيف: the governorate, which the data lacks
        if len(group) == 1:
            return self._pick_one(group, window, doc, found)
        if group[0].ti and any(is_partial_name(h, window.tokens) for h in group):
            own = self._own_given
            kept = [
                h
                for h in group
                if not part_of_another_name(
                    h,
                    window,
                    self._given,
                    own.get(h.alias.entry.id, frozenset()),
                    self._frequent,
                    self._shared_given,
                )
            ]
            self._remember_others([h for h in group if h not in kept], window, doc)
            group = kept
            if not group:
                return None  # a part of someone else's name
        if group[0].ti:
            adjectives = [h for h in group if is_adjective(h, window)]
            if any(h.alias.entry.type == "organization" for h in adjectives):
                # a group's nisba as an adjective (الانقلاب الحوثي) is no surname either
                adjectives += [h for h in group if h.alias.kind == "surname"]
            group = [h for h in group if h not in adjectives]
            if not group:
                return None  # the adjective of the word before: الدفاعات السعودية
        held = held_by_holder(group, window)
        if held is not None:  # the body whose post the person named after it held
            keep, why = held
            _remember_held(group, keep, why, doc)
            ranked = self._ranker.rank_preferring(group, keep, seen, context=is_generic(keep))
            return (*ranked, (why,))
        generic = is_generic(group)
        by_name = None if generic else self._by_the_name(group, window, written, seen)
        if by_name is not None:
            return by_name
        if generic or len({h.alias.entry.country for h in group}) > 1:
            chosen = choose(group, window, doc)
            if chosen is not None:
                country, why = chosen
                same = [h for h in group if h.alias.entry.country == country]
                keep = named_before(same, doc.decided)
                ranked = self._ranker.rank_preferring(group, keep, seen, context=generic)
                if len(keep) < len(same):  # the body the text named before
                    return (*ranked, (why, Evidence("earlier", ranked[1].entry.name)))
                return (*ranked, (why,))
            if generic:
                return None
        cued = self._placed(group, window, doc)
        if cued is not None:
            keep, cue = cued
            return (*self._ranker.rank_preferring(group, keep, seen, context=False), (cue,))
        if len(group) == 1:
            hit = group[0]
            if hit.methods or hit.alias.kind != "exact":
                score, hit, method = self._ranker.score(hit, seen)
            else:
                score, method = 1.0, "exact"
            best: tuple[float, Alias, str, tuple[Candidate, ...]] = (score, hit.alias, method, ())
        else:
            best = self._ranker.rank(group, seen)
        alias = best[1]
        evidence = tuple(found[id(h)] for h in group if h.alias is alias and id(h) in found)[:1]
        if alias.kind == "surname" and alias.entry.id in seen:
            evidence += (Evidence("full-name", alias.entry.name),)
        return (*best, evidence)

    def _settled(
        self, group: list[Hit], window: Window, doc: Document
    ) -> tuple[tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None] | None:
        """What :meth:`_pick` says of a span that a rule of its own settles, in a tuple (None
        when none does): a local unit's head and number (:meth:`_numbered_unit`), and a
        department named inside another body of its country, which the data lacks
        (:func:`~._context.in_another_body`: شعبة المعلومات في الأمن العام)."""
        if id(group[0].alias) in self._numbered_heads:
            return (self._numbered_unit(group, window, doc),)
        if in_another_body(group, window, self._body_ancestors):
            return (None,)
        return None

    def _numbered_unit(
        self, group: list[Hit], window: Window, doc: Document
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """:meth:`_pick` for a local unit's head and number (:meth:`_hits`: الناحية العسكرية
        الخامسة): the body of the country a qualifier right after it names, else of the
        country the text around it is about (:func:`~._context.leading_country`: every
        country competes, so the numbered command of a state whose body the data lacks, as
        Israel's المنطقة العسكرية الوسطى in a text on Israel, names none), and why: the
        evidence ``unit`` (the number's words), then the country's."""
        ti, tj = group[0].ti, group[0].tj
        qualified = window.qualifier(tj, True)
        if qualified is not None:
            chosen: tuple[str, Evidence] | None = (
                qualified[0],
                Evidence("qualifier", qualified[1], qualified[0]),
            )
        else:
            chosen = leading_country(ti, tj, window, doc)
        if chosen is None:
            return None
        country, why = chosen
        same = [h for h in group if h.alias.entry.country == country]
        if not same:
            return None
        ranked = self._ranker.rank_preferring(group, same, doc.seen, context=True)
        number = " ".join(window.tokens[ti + self._numbered_heads[id(same[0].alias)] : tj])
        return (*ranked, (Evidence("unit", number, country), why))

    def _by_the_name(
        self,
        group: list[Hit],
        window: Window,
        written: Callable[[Hit], str],
        seen: set[str],
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """The pick that the name itself settles before any country's evidence, if any: the
        letters the text marks (:meth:`_by_marks`), then a place of no country whose name
        divisions of countries bear (:func:`~._context.of_no_country`: البحر الأحمر)."""
        if self._marked:
            marked = self._by_marks(group, written, seen)
            if marked is not None:
                return marked
        sea = of_no_country(group, window, self._ancestors)
        if sea is None:
            return None
        return (*self._ranker.rank_preferring(group, sea[0], seen, context=False), sea[1])

    def _placed(
        self, group: list[Hit], window: Window, doc: Document
    ) -> tuple[list[Hit], Evidence] | None:
        """The places of *group* that the places around pick, and why: the namesake inside a
        place the text names (:func:`~._context.inside_named`: المطرية after القاهرة), else
        the city after a city's cue or in a dateline, else the kind of the other items of
        its list (None: nothing decides)."""
        inside = inside_named(group, window, doc, self._ancestors)
        if inside is not None:
            return inside
        cued = city_cue(group, window, self._towns, self._divisions)
        if cued is not None:
            remember_reading(group, cued[0], cued[1], window, doc)
            return cued
        return listed_with(group, window, self._divisions) or read_before(group, doc)

    def _no_towns_after_a_division(
        self, group: list[Hit], window: Window, doc: Document
    ) -> list[Hit]:
        """*group*'s divisions, or else *group* less its towns and the cities inside a
        country, when a division's noun comes right before the name or its list
        (:func:`~._context.division_nouns_before`): محافظتي صلاح الدين وكركوك are governorates;
        محافظة القطيف is not the town, nor مديرية المكلا the city, and the data lacks the
        governorate and the district.  The country is chosen first when the entries have
        several (إقليم القنيطرة in a Moroccan text is no Syrian province).  After a region's
        noun, the divisions named as regions (منطقة الرياض); after a countryside's noun, the
        divisions (ريف دير الزور: the governorate's countryside, outside the city)."""
        if not any(h.alias.entry.type == "place" for h in group):
            return group
        nouns = division_nouns_before(group[0].ti, window)
        if not nouns:
            if after_a_region_noun(group[0].ti, window):  # منطقة الرياض: the region
                return [h for h in group if h.alias.entry.id in self._regions] or group
            if after_a_countryside_noun(group[0].ti, window):  # ريف دير الزور: the governorate
                return [h for h in group if h.alias.entry.id in self._divisions] or group
            if after_a_ruler_noun(group[0].ti, window) and any(
                h.alias.entry.id in self._divisions for h in group
            ):  # حاكم الشارقة: the emirate, not the city; حاكم الجزائر: still the country
                return [
                    h
                    for h in group
                    if h.alias.entry.id in self._divisions or h.alias.entry.part_of is None
                ]
            return group
        if not WILAYA_NOUNS.isdisjoint(nouns):
            # a governorate of a state without wilayas after ولاية: a jihadist group's
            # "province" or an Ottoman vilayet (ولاية صلاح الدين), not the governorate
            group = [h for h in group if h.alias.entry.id not in self._governorates]
            if not group:
                return []
        towns, divisions = self._towns, self._divisions
        if len({h.alias.entry.country for h in group}) > 1:
            chosen = choose(group, window, doc)
            if chosen is not None:
                group = [h for h in group if h.alias.entry.country == chosen[0]]
        named = [h for h in group if h.alias.entry.id in divisions]
        # else no town, nor a city inside a country (مديرية المكلا is the district); after
        # a plural, a place that others lie inside (محافظات الضفة الغربية, its governorates)
        containers = self._containers if not PLURAL_DIVISION_NOUNS.isdisjoint(nouns) else ()
        return named or [
            h
            for h in group
            if h.alias.entry.id not in towns
            and (h.alias.entry.part_of is None or h.alias.entry.id in containers)
        ]

    def _remember_others(self, dropped: list[Hit], window: Window, doc: Document) -> None:
        """Remember in *doc* the words of the surnames alone of *dropped* (names read as
        part of someone else's) that end another person's name there
        (:func:`~._context.surname_of_another`)."""
        for hit in dropped:
            own = self._own_given.get(hit.alias.entry.id, frozenset())
            if surname_of_another(
                hit, window, self._given, own, self._frequent, self._shared_given
            ):
                doc.others.add(surname_words(hit, window.tokens))

    def _pick_one(
        self, group: list[Hit], window: Window, doc: Document, found: dict[int, Evidence]
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """:meth:`_pick` for a span of one hit (most spans), the same steps without those
        that only choose between several: the marks, the countries, a city's cue."""
        (hit,) = group
        alias = hit.alias
        if hit.ti:
            if is_partial_name(hit, window.tokens) and part_of_another_name(
                hit,
                window,
                self._given,
                self._own_given.get(alias.entry.id, frozenset()),
                self._frequent,
                self._shared_given,
            ):
                self._remember_others([hit], window, doc)
                return None  # a part of someone else's name
            if is_adjective(hit, window):
                return None  # the adjective of the word before: الدفاعات السعودية
            if alias.entry.id in self._missions and in_a_mission(hit, window):
                return self._mission(alias.entry.id, hit, window, doc)  # بعثة الأمم المتحدة
        if alias.entry.id in self._branches and alias.kind == "exact":
            branch = self._branch(alias.entry.id, hit, window, doc)
            if branch is not None:
                return branch  # تنظيم القاعدة in a Yemeni text: its Yemeni branch
        if alias.kind == "common" and alias.entry.type in GENERIC_TYPES:  # is_generic
            chosen = choose(group, window, doc)
            if chosen is None:
                return None
            country, why = chosen
            keep = group if alias.entry.country == country else []
            ranked = self._ranker.rank_preferring(group, keep, doc.seen, context=True)
            return (*ranked, (why,))
        if hit.methods or alias.kind != "exact":
            score, hit, method = self._ranker.score(hit, doc.seen)
        else:
            score, method = 1.0, "exact"
        evidence: tuple[Evidence, ...] = ()
        if found:
            shown = found.get(id(hit))
            if shown is not None:
                evidence = (shown,)
        if alias.kind == "surname" and alias.entry.id in doc.seen:
            evidence += (Evidence("full-name", alias.entry.name),)
        return score, alias, method, (), evidence

    def _branch(
        self, parent: str, hit: Hit, window: Window, doc: Document
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """The branch of *parent* that its name names in a text about the branch's country:
        a branch named after it (تنظيم القاعدة في جزيرة العرب) of the country a qualifier right
        after the name gives, else the sentence or the document before
        (:func:`~._context.leading_country`).  None where the country has no such branch,
        the branch is of another era (:meth:`~._rank.Ranker.era`: al-Qaeda in Iraq, dissolved
        in 2006, in a text of no known date), or nothing says which country: the parent
        itself."""
        qualified = window.qualifier(hit.tj, True)
        if qualified is not None:
            country, why = qualified[0], Evidence("qualifier", qualified[1], qualified[0])
        else:
            leading = leading_country(hit.ti, hit.tj, window, doc)
            if leading is None:
                return None
            country, why = leading
        part = self._branches[parent].get(country)
        if part is None:
            return None
        alias = self._alias(self._part_row(part))
        if self._ranker.of_another_era(alias.entry):
            return None  # a branch of another era: the parent
        return SCORES["context"], alias, "context", (), (why,)

    def _part_row(self, part: str) -> int:
        """The index row of the own name (or first alias) of *part*, an organisation that is
        part of another (built once, when first asked for)."""
        rows = self._part_rows
        if rows is None:
            index = self._index
            names = {
                e.id: e.name
                for e in index.entries
                if e.type == "organization" and e.part_of in self._parts
            }
            rows = {}
            for row, owner in enumerate(index.a_entry):
                entry_id = index.entries[owner].id
                if entry_id in names and (
                    entry_id not in rows or index.a_surface[row] == names[entry_id]
                ):
                    rows[entry_id] = row
            self._part_rows = rows
        return rows[part]

    def _mission(
        self, parent: str, hit: Hit, window: Window, doc: Document
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """The mission, force or office that an organisation's name *hit* after such a noun
        names (بعثة الأمم المتحدة): the one of *parent*'s named with that noun (a force for
        قوات or قوة, a mission for بعثة, an office for مكتب) that the text has named before,
        with the evidence kind ``earlier``; None when it has named none of them, or several:
        the organisation's name is then part of a mission's name, not the organisation.  Its
        other parts do not count (مجلس الأمن named before is no mission, nor UNODC a force)."""
        nouns = {mission_noun(form) for form in forms_before(hit.ti, window)}
        by_noun = self._missions[parent]
        named = set().union(*(by_noun.get(n, frozenset()) for n in nouns if n)) & doc.seen
        if len(named) != 1:
            return None
        (part,) = named
        alias = self._alias(self._part_row(part))
        return SCORES["context"], alias, "context", (), (Evidence("earlier", alias.entry.name),)

    def _by_marks(
        self, group: list[Hit], written: Callable[[Hit], str], seen: set[str]
    ) -> tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]] | None:
        """The entries of *group* that the text's shaddas point to (عمّان: Amman), when
        they are some of its entries and not all (see :mod:`._marks`)."""
        if len(group) < 2:
            return None  # one hit, one entry (most spans): nothing to choose between
        entries = {h.alias.entry.id for h in group}
        if len(entries) < 2 or entries.isdisjoint(self._marked):
            return None
        text = written(group[0])
        if SHADDA not in text:
            return None
        letters = shadda_letters(text)
        fold = self._normalizer
        keep = [
            h
            for h in group
            if supported(self._marked, h.alias.entry.id, fold(h.alias.surface), letters)
        ]
        if not keep or len({h.alias.entry.id for h in keep}) == len(entries):
            return None
        ranked = self._ranker.rank_preferring(group, keep, seen, context=False)
        return (*ranked, (Evidence("marks", text),))

    def _match(
        self,
        chunk: str,
        base: int,
        offsets: OffsetMap,
        words: Words,
        hit: Hit,
        picked: tuple[float, Alias, str, tuple[Candidate, ...], tuple[Evidence, ...]],
    ) -> Match:
        """The match of the span of *hit* (all the hits of a group share it) as *picked*."""
        score, alias, method, others, evidence = picked
        entry = alias.entry
        start, end = _span_of(hit, words, offsets)
        if start == 0:
            start = _deleted_prefix(self._normalizer, chunk, end)
        if chunk[end - 1] == "\u0640" or not chunk[end - 1].isalnum():  # (tatweel is Lm)
            end = _without_trailing_space(chunk, start, end)
        return Match(
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
            score if score == 1.0 else round(score, 4),
            method,
            others,
            evidence,
            None if self.as_of is None else self._roles(entry),
        )

    def _roles(self, entry: Entry) -> tuple[Role, ...]:
        """The roles *entry* held on the matcher's ``as_of`` date (people only)."""
        if entry.type != "person" or self.as_of is None:
            return ()
        return entry.roles_at(self.as_of)


# -- travelling ---------------------------------------------------------------

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
    "as_of": None,
}
#: Matchers of shipped gazetteers, by (names and versions, options): one build a process.
_SHIPPED: dict[tuple[Any, ...], Matcher] = {}


def _arnorm_version() -> str:
    from .. import __version__

    return __version__


def _as_written(
    hits: list[Hit],
    words: Words,
    frequent: frozenset[str],
    chunk: str,
    offsets: OffsetMap,
    styled_pair: Callable[[Alias], bool],
) -> list[Hit]:
    """*hits* but those the words as written show to be misread: a frequent word read as
    a proclitic and a name (كواليس as ك and Wallis, وصول as و and Sool: the word), and a
    name whose last word ends with a tanwin (:func:`~._morphology.indefinite`: ٣٥ سوريًا,
    thirty-five Syrians; جنات عدنٍ, the gardens of Eden, is no surname Adan either): the
    indefinite common word spelled alike.  A person's name beyond a surname alone may take
    one (خالد بن سعيدٍ).  And a person's name read by a variant (a spelling, dots, a typo)
    from the preposition على as written (:func:`~._morphology.written_ala`), which folds to
    the given name علي: وافق على العرض ("agreed to the offer") is not علي العريض.  Written
    على and spelled as the data spells the rest, the name is kept: the Egyptian press writes
    على for علي.  And a person's alias of a style with the article and one name (الجنرال حسان,
    *styled_pair*) read by a variant: الجنرال حسين is another general, whose given name the
    variant class would fold into the by-name's.

    Only a name with a tanwin among the last characters of its last word as written
    (:func:`_tanwin_near_end`, once for each word a name ends at) is read whole as written:
    finding where each name stands in the text (*offsets*) costs more than all the rest of
    this."""
    tokens = words.tokens
    hits = [
        hit
        for hit in hits
        if not misread_clitic(tokens[hit.ti], hit.cut, frequent)
        and not (
            hit.methods
            and tokens[hit.ti][hit.cut :] == ALI
            and hit.alias.entry.type == "person"
            and written_ala(_written(hit, words, chunk, offsets))
        )
        and not (hit.methods and hit.alias.entry.type == "person" and styled_pair(hit.alias))
    ]
    if any(mark in chunk for mark in TANWIN):
        near: dict[int, bool] = {}  # by the word a name ends before

        def marked(hit: Hit) -> bool:
            found = near.get(hit.tj)
            if found is None:
                found = near[hit.tj] = _tanwin_near_end(hit.tj, words, chunk, offsets)
            return found

        hits = [
            h
            for h in hits
            if _full_name(h) or not marked(h) or not indefinite(_written(h, words, chunk, offsets))
        ]
    return hits


#: How many characters at the end of a word as written, tatweels aside, a tanwin on its
#: last letter may stand among (the letter's other marks, an alif after it: سوريًّا).
_MARKS_AT_END: Final = 6


def _written(hit: Hit, words: Words, chunk: str, offsets: OffsetMap) -> str:
    """*hit* as *chunk* writes it."""
    start, end = _span_of(hit, words, offsets)
    return chunk[start:end]


def _tanwin_near_end(tj: int, words: Words, chunk: str, offsets: OffsetMap) -> bool:
    """Whether a tanwin stands among the last characters (:data:`_MARKS_AT_END`, tatweels
    aside) of the word before word *tj* as *chunk* writes it: finding that end alone costs
    half of finding where a whole name stands."""
    end = offsets._end(words.offset(2 * tj) - 1)
    tail = chunk[max(0, end - 4 * _MARKS_AT_END) : end].replace("\u0640", "")  # no tatweel
    return not TANWIN.isdisjoint(tail[-_MARKS_AT_END:])


def _joins_a_unit(hit: Hit, window: Window) -> bool:
    """Whether *hit* may end a local unit's name: it has no proclitic, or ب alone (مفوضية
    الشرطة بالرباط)."""
    return not hit.cut or window.tokens[hit.ti][: hit.cut] == "ب"


def _after_generic(group: list[Hit], generic_end: int) -> bool:
    """Whether *group*, starting inside a generic reference that nothing made specific and
    that ends before word *generic_end* (negative: none), may still be read: a generic reference
    that ends where it ends (تولى إدارة الأمن العام, see :meth:`Matcher._resolve`), or a name
    that goes on past its end (قوات الجيش الوطني الشعبي: Algeria's army, not the national
    army's forces of any state cut short)."""
    if generic_end < 0:
        return False
    tj = group[0].tj
    return tj > generic_end or (tj == generic_end and is_generic(group))


def _full_name(hit: Hit) -> bool:
    """Whether *hit* is a person's name other than a surname alone."""
    return hit.alias.entry.type == "person" and hit.alias.kind != "surname"


def _span_of(hit: Hit, words: Words, offsets: OffsetMap) -> tuple[int, int]:
    """Where *hit* stands in the text its *words* were normalized from (its clitic letters
    outside; every hit spans at least one letter of the text)."""
    at = words.offset(2 * hit.ti + 1) + hit.cut
    return offsets._span(at, words.offset(2 * hit.tj))


def _missions_of(
    entries: Sequence[Entry], parts: Mapping[str, set[str]], fold: Callable[[str], str]
) -> dict[str, dict[str, frozenset[str]]]:
    """The parts of each organisation of *parts* (its parts' ids, by its id) that are named
    as its missions, forces or offices, by their noun (:func:`mission_noun`): a name or alias
    that is such a noun, perhaps with the article, and then one of the organisation's names
    (بعثة الأمم المتحدة لمساعدة العراق, قوة الأمم المتحدة المؤقتة في لبنان, مكتب الأمم
    المتحدة لمكافحة الإرهاب), folded by *fold*.  Only an organisation that has such parts
    has its name after a mission's noun read as one of them: قوات داعش are the Islamic
    State's forces, the group itself (its branches are named otherwise)."""
    by_id = {e.id: e for e in entries}
    missions: dict[str, dict[str, set[str]]] = {}
    for owner, ids in parts.items():
        names = [fold(s) for s in by_id[owner].surfaces]
        for part in ids:
            for surface in map(fold, by_id[part].surfaces):
                word, _, rest = surface.partition(" ")
                noun = mission_noun(word.removeprefix("ال"))
                if noun and any(rest == n or rest.startswith(n + " ") for n in names):
                    missions.setdefault(owner, {}).setdefault(noun, set()).add(part)
    return {
        owner: {noun: frozenset(ids) for noun, ids in by_noun.items()}
        for owner, by_noun in missions.items()
    }


def mission_noun(word: str) -> str | None:
    """The kind of mission *word* (normalized, without the article or a proclitic) is the noun
    of: بعثة a mission, قوة and قوات a force, مكتب an office (:data:`MISSION_NOUNS`); None if
    none."""
    if word not in MISSION_NOUNS:
        return None
    return "قوه" if word == "قوات" else word


def _ancestors(parents: Mapping[str, str | None]) -> dict[str, frozenset[str]]:
    """For each entry of *parents* (id to ``part_of``) that lies inside another, the entries
    it lies inside, up the chain (a loop in the data ends it): places, or bodies."""
    out: dict[str, frozenset[str]] = {}
    for entry_id, parent in parents.items():
        chain: list[str] = []
        while parent is not None and parent not in chain and parent != entry_id:
            chain.append(parent)
            parent = parents.get(parent)
        if chain:
            out[entry_id] = frozenset(chain)
    return out


@functools.cache
def _search_normalizer() -> Normalizer:
    """The ``search`` profile's normalizer, from the one cache of normalizers."""
    return _normalizer_for(NormalizerConfig.profile("search"))


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


def _from_state(state: dict[str, Any], where: str = "pickled matcher") -> Matcher:
    """A matcher from :meth:`Matcher._state`, without building its index again.

    Every part of *state* is checked first (:func:`_check_state`): a file
    crafted or damaged raises :class:`ValueError` saying what is wrong, never
    another error, now or later in :meth:`Matcher.find`.
    """
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        raise ValueError(f"{where}: not a matcher of format {STATE_FORMAT}")
    if state.get("arnorm") != _arnorm_version():
        raise ValueError(
            f"{where}: saved by arnorm {state.get('arnorm')!r:.40}, this is arnorm"
            f" {_arnorm_version()}; build the matcher again and save it"
        )
    options, index = check_state(state, where)
    matcher = Matcher.__new__(Matcher)
    matcher.gazetteers = tuple(state["gazetteers"])
    matcher._configure(**options)
    matcher._index = index
    matcher._start()
    return matcher


def _without_trailing_space(chunk: str, start: int, end: int) -> int:
    """*end*, or where a space stands in what the span of *chunk* from *start* to *end* ends
    with after its last letter (white space, tatweel, invisible characters): normalizing
    deletes a word of tatweel with the space before it (a dash drawn with kashida, تونس ـ
    في), and what it deletes belongs to the letter before, but a match ends at its word.

    >>> text = "زار تونس ـ أمس"
    >>> text[4:_without_trailing_space(text, 4, 10)]
    'تونس'
    """
    k = end
    while k > start and (
        chunk[k - 1].isspace()
        or chunk[k - 1] == "\u0640"
        or unicodedata.category(chunk[k - 1]) == "Cf"
    ):
        k -= 1
    for at in range(k, end):
        if chunk[at].isspace():
            return at
    return end


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
