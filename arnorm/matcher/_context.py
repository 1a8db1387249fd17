"""Which country a text is about, and the entry that this picks among several.

A surface such as الأمن العام names the body of several countries; عمان is a country
and a capital.  When the entries one span fits belong to different countries, the
matcher reads the evidence around it, strongest first:

1. a **qualifier** right after the name: a demonym (الأمن العام اللبناني), في and a
   place (وزارة الداخلية في المغرب), or the holder of the post;
2. an **earlier** qualifier of the same name in the document;
3. the **sentence**: the entries with a country found in it (places, agencies,
   people) and the demonyms in it (المغربي، المغاربة), counted by country;
4. the **document**: the same, over the text before the name (in a string given to
   :meth:`~arnorm.Matcher.find`, or in every chunk of a stream so far).

A sentence ends at ``.``, ``!``, ``?``, ``؟``, ``…`` or a line break, and is read at
most :data:`REACH` words either side of the name; the document is what comes
before the name.  So a text gives the same matches whole, cut at line breaks
into chunks, or read a window at a time.

The country that the strongest kind of evidence supports more than any other of
the span's countries picks the entry; the others stay as candidates.  Only
evidence that is itself unambiguous counts: a name that fits entries of one
country only, or a demonym.  A *generic reference* (a body's name that several
countries' bodies share, or a common-word alias of a body such as وزارة الداخلية)
is reported only when the evidence picks its country, with the method
``context``; without evidence it is not reported.  Places and people of the same
name in several countries fall back to the usual ranking when nothing decides.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Final

from ..gazetteer import Entry
from ._model import Evidence, Hit
from ._morphology import (
    ALI,
    COMPOUND_ENDS,
    COUNTRYSIDE_NOUNS,
    DIVISION_NOUNS,
    DIVISION_SINGULARS,
    GUESS_CUES,
    HONORIFICS,
    LAL,
    LAL_CONJUNCTIONS,
    MISSION_NOUNS,
    NASAB,
    PARTICLES,
    PLACE_NOUNS,
    PROCLITICS,
    RANKS,
    REGION_NOUNS,
    RULER_NOUNS,
    STYLES,
    TITLES,
    has_article,
    is_style,
    strip_forms,
)

#: Characters that end a sentence (in the normalized text's separators).
SENTENCE_END: Final = frozenset(".!?؟\n…")
#: How many words either side of a name its sentence is read.
REACH: Final = 12
#: How many words after a surname alone its person's full name may begin and still name
#: the person there (a headline's السوداني يترأس … before محمد شياع السوداني).
AHEAD: Final = 24
#: The word that makes a place after a name its qualifier (وزارة الداخلية في المغرب).
QUALIFYING: Final = frozenset({"في"})
#: Separators (stripped) of an apposition between a body's name and the holder of its post
#: (وزير الداخلية، السيد/ سعيد حسن نوح).
COMMAS: Final = frozenset({"،", ","})
#: Words before a person's name that a qualifier reads over: titles and honorifics, and
#: the separators it reads them over with (السيد/ سعيد).
_BEFORE_HOLDER: Final = TITLES | HONORIFICS
_SLASHED: Final = frozenset({" ", "/", "/ ", " /", " / "})
#: Words of a chain of posts held by one person, besides the titles and the bodies' names
#: (normalized, without the article): ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية.
CHAIN_WORDS: Final = frozenset({"ولي", "عهد", "مجلس", "وزراء", "حكومه", "اول", "اعلي", "دوله"})
#: The longest chain of posts (in words) read over between a name and its holder.
CHAIN_REACH: Final = 10
#: Quotation marks that may stand between a title and a holder ("عبد الوافي لفتيت" وزير
#: الداخلية).
_QUOTES: Final = "\"'«»“”„"
#: Words before a place name that say it is a city, not a country or a division (العاصمة
#: تونس، مدن حمص وطرطوس، مدينتي كيدال وتمبكتو), a municipality's included (بلدية بيروت: the
#: town a municipality governs).
CITY_CUES: Final = frozenset(
    {"العاصمه", "مدينه", "بلده", "مدن", "مدينتي", "مدينتا", "مدينتين", "المدينتين"}
    | {"المدينتان", "بلدات", "بلديه", "بلديات"}
)
#: The word that, right after a name that fits a country and its capital, says the capital
#: is meant (تونس العاصمة، الجزائر العاصمة), normalized.
CAPITAL_AFTER: Final = "العاصمه"
#: What follows a place's name at the start of a line that makes it a dateline (عمان 21
#: كانون الثاني (بترا)، تونس - (كونا)): a dash or a bracket, or a number after a space (and
#: perhaps a comma before it: الجزائر، 20 يناير (إفي)).
DATELINE_MARKS: Final = frozenset("-–—(")
#: The separators before a dateline's number: a space, or a comma and a space.
DATELINE_BEFORE_NUMBER: Final = frozenset({" ", "، ", ", "})
#: The kinds of alias whose exact match is evidence of its entry's country.
_FIRM: Final = frozenset({"exact", "abbreviation"})
#: Entry types whose name followed by another country's qualifier is not theirs, and whose
#: post's holder may follow their name after a comma.
BODIES: Final = frozenset({"agency", "organization"})
#: Entry types whose shared or common-word names are generic references.
GENERIC_TYPES: Final = frozenset({"agency"})
#: The mark on the method of a name's first word that is a real word read as a variant or
#: a typo of the name's (``variant?``): the hit counts only when the text supports it
#: (:func:`supported`).
GUESSED: Final = "?"

#: Words that make a place's name right before them (one space between) a news outlet's name
#: (normalized): نيويورك تايمز، واشنطن بوست، سوريا نيوز، نينوى بريس، القاهرة الإخبارية name
#: newspapers, sites and channels, not the cities.
OUTLET_AFTER: Final = frozenset(
    {"نيوز", "بريس", "برس", "تايمز", "تايم", "بوست", "الاخباريه", "تيفي"}
)
#: Nouns of bodies of water and channels (normalized, without the article): a place's name
#: right after one names the water, not the place (نهر النيجر، خليج عدن، قناة السويس), or a
#: television channel (قناة الجزيرة).
WATER_NOUNS: Final = frozenset({"نهر", "نهري", "خليج", "بحيره", "مضيق", "قناه", "بحر"})

#: Places' names that a word right after them shows to be part of a phrase, not the place
#: (normalized): القائم بأعمال is a chargé d'affaires (or an acting head), not al-Qaim; السلط,
#: the Maghreb's plural of سلطة, before an adjective of authorities (السلط الأمنية، السلط
#: الجهوية) is the authorities, not Jordan's Salt; مسقط رأس (رأسه، رأسها …) is a birthplace,
#: not Muscat; القنابل المسيلة للدموع is tear gas, not M'sila.
NOT_A_PLACE_BEFORE: Final[dict[str, frozenset[str]]] = {
    "القائم": frozenset({"باعمال"}),
    "المسيله": frozenset({"للدموع"}),
    "مسقط": frozenset({"راس", "راسه", "راسها", "راسهم", "راسي", "راسك", "راسنا"}),
    "السلط": frozenset(
        {
            "الامنيه", "الرسميه", "الجهويه", "المحليه", "المعنيه", "العموميه", "القضائيه",
            "الاداريه", "المختصه", "الحكوميه", "العليا", "السياسيه", "التونسيه", "المركزيه",
        }
    ),
}  # fmt: skip
#: Places' names (normalized) and the words (normalized, proclitics off) one space before them
#: that make them something else: المغرب after a word of prayer or time is the sunset prayer
#: (صلاة المغرب، أذان المغرب، قبيل المغرب، وقت المغرب), not Morocco.
NOT_A_PLACE_AFTER: Final[dict[str, frozenset[str]]] = {
    "المغرب": frozenset({"صلاه", "صلاتي", "اذان", "قبيل", "بعيد", "وقت"}),
}

#: Bodies' one-word short forms that are far more often a common noun (الدفاع, defence:
#: الدفاع عن النفس، الدفاع المدني، الدفاع الجوي), normalized, and the titles (without the
#: article) after which they name the body: elsewhere only a demonym right after them
#: (الدفاع الجزائرية) does.
TITLED_FORMS: Final[dict[str, frozenset[str]]] = {
    "الدفاع": frozenset({"وزير", "وزيرا", "وزيري", "وزراء", "وزيره", "لوزير", "وزارتا", "وزارتي"}),
}

#: The short forms of a ministry's name that the press writes without the article in
#: construct with a country's name (وزير داخلية مملكة البحرين، وزير خارجية السودان، وزير دفاع
#: الكويت), normalized, and the generic name (with the article) they stand for.
CONSTRUCT_FORMS: Final[dict[str, str]] = {
    "داخليه": "الداخليه",
    "خارجيه": "الخارجيه",
    "دفاع": "الدفاع",
}

#: The words before such a short form: a minister or a ministry, with its proclitics
#: (ووزير، لوزارة), normalized.
MINISTRY_HEADS: Final = frozenset(
    clitic + head
    for head in ("وزير", "وزيره", "وزاره")
    for clitic in ("", "و", "ف", "ل", "ب", "ك", "ول", "وب", "فل", "فب")
)

#: Words for a state that may stand between the short form and the country's name
#: (وزير داخلية دولة العراق), normalized.
STATE_NOUNS: Final = frozenset({"دوله", "مملكه", "جمهوريه", "سلطنه", "اماره"})


def construct_starts(tokens: Sequence[str], seps: Sequence[str], at: int) -> tuple[int, ...]:
    """The words a country's name may begin at right after a ministry's short form ending
    before word *at*: *at* itself, and after a state noun the word after it too (مملكة
    البحرين may be the name itself, دولة العراق is not).  Whether a country's name begins
    there is the caller's to check."""
    if at >= len(tokens) or seps[at] != " ":
        return ()
    if tokens[at] in STATE_NOUNS and at + 1 < len(tokens) and seps[at + 1] == " ":
        return (at, at + 1)
    return (at,)


#: Adjectives after a country's name that make it another country than the text's own
#: (سلطنة عمان الشقيقة, "sisterly Oman", in a report from the UAE), normalized.
SISTERLY: Final = frozenset({"الشقيقه", "الشقيق", "الصديقه", "الصديق"})

#: The head nouns (normalized) of an international council's, committee's or office's name:
#: followed by a relative adjective that is no demonym, the name is another body's
#: (:func:`contradicted`).
INSTITUTION_HEADS: Final = frozenset({"مجلس", "لجنه", "هيئه", "مكتب", "برنامج", "صندوق", "مركز"})
#: Adjectives (normalized) that say an international body is international: they narrow
#: nothing (مجلس الأمن الأممي، مجلس الأمن الدولي).
INTERNATIONAL_ADJECTIVES: Final = frozenset({"الدولي", "الدوليه", "الاممي", "الامميه"})
#: Adjectives of time or status that may follow a generic reference without narrowing it
#: (وزير الداخلية الحالي, the current minister), normalized: see :func:`narrowed`.
STATUS_ADJECTIVES: Final = frozenset(
    {"الحالي", "الحاليه", "الفعلي", "الفعليه", "الرسمي", "الرسميه", "الاصلي", "الاصليه"}
)


def demonym_forms(entries: Iterable[Entry], normalize: Callable[[str], str]) -> dict[str, str]:
    """Every demonym of the country entries, normalized, with and without a proclitic.

    A feminine nisba listed (اللبنانية, normalized اللبنانيه) also stands for its
    masculine (اللبناني: the same word less its final ة), which the press writes after
    a masculine noun (الأمن العام اللبناني), and for its feminine duals (اللبنانيتان،
    اللبنانيتين) after a dual noun (وزارتا الدفاع والداخلية اللبنانيتان).  A form an entry
    lists is never taken by a form derived from another entry's.
    """
    entries = [e for e in entries if e.type == "place" and e.country]
    listed: list[tuple[str, str]] = []
    for entry in entries:
        for demonym in entry.demonyms:
            word = normalize(demonym)
            if word and " " not in word:
                listed.append((word, entry.country or ""))
    masculine = [(word[:-1], c) for word, c in listed if word.endswith(NISBA_FEMININE)]
    # and its duals, after a dual noun (وزارتا الدفاع والداخلية التونسيتان، وزيرا الدفاع
    # والخارجية الفرنسيان)
    duals = [(word[:-1] + end, c) for word, c in masculine for end in DUAL_NISBA_ENDS]
    out: dict[str, str] = {}
    for word, country in listed + masculine + duals:
        out.setdefault(word, country)
        for clitic in PROCLITICS:
            out.setdefault(clitic + word, country)
        if word.startswith("ال"):  # ل fused with the article: للمغاربة
            for conj in LAL_CONJUNCTIONS:
                out.setdefault(conj + LAL + word[2:], country)
    return out


#: The endings of the words a masculine nisba does not agree with as their adjective: a
#: feminine noun, a plural in ات, a nisba (normalized).
NOT_AGREEING: Final = ("ه", "ات", "ي")
#: The endings of a feminine noun or a plural in ات (normalized): a feminine adjective after
#: a name that begins with one agrees with it (وزارة الدفاع السعودية، القوات السعودية).
FEMININE_ENDS: Final = ("ه", "ات")
#: The ending of a feminine nisba (ـية), with its ة folded to ه or kept.
NISBA_FEMININE: Final = ("\u064a\u0647", "\u064a\u0629")
#: The endings a masculine nisba (less its ي) takes in the duals: feminine (اللبنانيتان،
#: اللبنانيتين) and masculine (اللبنانيان، اللبنانيين, which is also the plural's).
DUAL_NISBA_ENDS: Final = ("يتان", "يتين", "يان", "يين")


@dataclasses.dataclass
class Document:
    """The country evidence of the text matched so far (one string, or one stream)."""

    counts: Counter[str] = dataclasses.field(default_factory=Counter)
    #: The first words seen for each country (to say what the evidence was).
    examples: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Entries named earlier by a name that is not a surname alone (a surname alone then
    #: scores higher, and a real word may then be read as the entry's name).
    seen: set[str] = dataclasses.field(default_factory=set)
    #: The country the first qualifier gave a name, and its words, by the ids of the
    #: entries the name fits: the same name later, with no qualifier of its own, is the
    #: same body (وزير الداخلية الأمير عبدالعزيز بن سعود … وزير الداخلية); the first, since a
    #: report names its own subject first and the counterpart after (مع نظيره الجيبوتي).
    qualified: dict[frozenset[str], tuple[str, str]] = dataclasses.field(default_factory=dict)
    #: The countries the text calls sister or friend (:data:`SISTERLY`): not its own.
    sisters: set[str] = dataclasses.field(default_factory=set)
    #: Entries the text named by a name that fits no other, or by their post's holder: a
    #: generic name later in the text fits them first (:func:`named_before`).
    decided: set[str] = dataclasses.field(default_factory=set)
    #: The words of surnames alone the text wrote in another person's name (ميلود الزوي):
    #: the same surname alone later is that person's (:func:`surname_of_another`).
    others: set[str] = dataclasses.field(default_factory=set)
    #: The places the text named so far by a name that fits places only, each id with the
    #: words first naming it: a place of a name that several places share is the one inside
    #: one of them (:func:`inside_named`).
    places: dict[str, str] = dataclasses.field(default_factory=dict)
    #: The city a city's cue or a dateline chose, with the cue's words, for each name that
    #: several places inside countries share (their ids: مدينتي طرطوس واللاذقية); the same
    #: name later with nothing of its own to decide is read so (:func:`read_before`).
    readings: dict[frozenset[str], tuple[str, str]] = dataclasses.field(default_factory=dict)

    def add(self, facts: Iterable[tuple[int, str, str]]) -> None:
        """Count *facts* (word, country, words) as evidence of the document."""
        for _, country, words in facts:
            self.counts[country] += 1
            self.examples.setdefault(country, words)


#: Nouns of a news outlet (normalized): a demonym a few words after one, in the same clause,
#: is the outlet's (صحيفة وول ستريت جورنال الأمريكية، قناة الجزيرة القطرية), not the country
#: the text is about.  A news agency is وكالة with الأنباء or أنباء after it (وكالة الأنباء
#: الفرنسية), since وكالة alone begins a security body's name (وكالة الاستخبارات المركزية
#: الأمريكية).
OUTLET_NOUNS: Final = frozenset(
    {"صحيفه", "جريده", "اذاعه", "مجله"}
    # television as the Levant, Egypt and the Maghreb write it
    | {"تلفزيون", "تليفزيون", "تلفزه"}
)
#: (قناة, a channel, is one too here; before a place's name it is water: قناة السويس)
MEDIA_NOUNS: Final = frozenset(
    form for noun in OUTLET_NOUNS | {"قناه"} for form in (noun, "ال" + noun)
)
NEWS_AGENCY: Final = ("وكاله", frozenset({"الانباء", "انباء"}))
#: How many words before a demonym an outlet's noun is looked for.
MEDIA_REACH: Final = 5


class _Within:
    """Whether a span of words lies inside a longer name of one country, among *named*
    (first word, end, country): ``within(ti, tj, country)`` is ``any(a <= ti and tj <= b
    and b - a > tj - ti for a, b, c in named if c == country)``, asking only the names that
    cover word *ti*."""

    def __init__(self, named: Iterable[tuple[int, int, str]]) -> None:
        self.covering: dict[int, list[tuple[int, int, str]]] = {}
        for span in named:
            for k in range(span[0], span[1]):
                self.covering.setdefault(k, []).append(span)

    def __call__(self, ti: int, tj: int, country: str) -> bool:
        return any(
            a <= ti and tj <= b and b - a > tj - ti and c == country
            for a, b, c in self.covering.get(ti, ())
        )


def of_an_outlet(i: int, tokens: Sequence[str], seps: Sequence[str]) -> bool:
    """Whether the demonym at word *i* follows a news outlet's noun (:data:`MEDIA_NOUNS`)
    in its clause: then it says where the outlet is from, and is no evidence."""
    for k in range(i - 1, max(-1, i - 1 - MEDIA_REACH), -1):
        if any(c in SENTENCE_END or c in COMMAS for c in seps[k + 1]):
            return False
        for form, _ in strip_forms(tokens[k]):
            if form in MEDIA_NOUNS:
                return True
            if form == NEWS_AGENCY[0] and k + 1 < i and tokens[k + 1] in NEWS_AGENCY[1]:
                return True
    return False


class Window:
    """The country evidence of one window of words: where each piece of it stands.

    A demonym right after a given name (*given*, one space between) is a family name
    (منصور التركي), and a demonym after a news outlet's noun the outlet's
    (:func:`of_an_outlet`): neither is evidence.
    """

    def __init__(
        self,
        tokens: list[str],
        seps: list[str],
        hits: Sequence[Hit],
        demonyms: dict[str, str],
        given: frozenset[str] = frozenset(),
    ) -> None:
        self.tokens, self.seps = tokens, seps
        facts: list[tuple[int, str, str]] = []
        if demonyms:
            for i in itertools.compress(range(len(tokens)), map(demonyms.__contains__, tokens)):
                if i and seps[i] == " " and tokens[i - 1] in given:
                    continue  # a family name after a given name: اللواء منصور التركي
                if i and of_an_outlet(i, tokens, seps):
                    continue  # the outlet's: وكالة الأنباء التركية
                facts.append((i, demonyms[tokens[i]], tokens[i]))
        by_span: dict[tuple[int, int], set[str | None]] = {}
        for hit in hits:
            # a common word, a surname alone or a guessed spelling is too weak to tell
            if hit.alias.kind in _FIRM and not hit.methods:
                by_span.setdefault((hit.ti, hit.tj), set()).add(hit.alias.entry.country)
        named: list[tuple[int, int, str]] = []
        for (ti, tj), countries in by_span.items():
            if len(countries) == 1:
                (country,) = countries
                # (a name of one word after an outlet's noun is the outlet's too: صحيفة الشرق
                # الأوسط السعودية, where السعودية is the country's short name)
                if country and not (tj - ti == 1 and of_an_outlet(ti, tokens, seps)):
                    named.append((ti, tj, country))
        if named:
            # one name, one piece of evidence: a shorter name or a demonym inside a longer
            # name of the same country (الحرس الثوري and الإيراني in الحرس الثوري الإيراني)
            # adds nothing to it
            within = _Within(named)
            facts = [f for f in facts if not within(f[0], f[0] + 1, f[1])]
            facts += [
                (ti, country, " ".join(tokens[ti:tj]))
                for ti, tj, country in named
                if not within(ti, tj, country)
            ]
        facts.sort()
        #: (word, country, words) of each piece of evidence, in order of the words.
        self.facts = facts
        self._at = [f[0] for f in facts]
        self._fed = 0  # the facts before this one are counted in the document
        self.demonyms = demonyms
        #: The countries named with a sisterly adjective right after them (SISTERLY).
        self.sisters = frozenset(
            country
            for hit in hits
            if hit.alias.kind in _FIRM
            and not hit.methods
            and hit.alias.entry.type == "place"
            and hit.alias.entry.part_of is None
            and (country := hit.alias.entry.country) is not None
            and hit.tj < len(tokens)
            and seps[hit.tj] == " "
            and tokens[hit.tj] in SISTERLY
        )
        self._index_places(hits, by_span)
        self._index_people(hits, by_span)
        self._hits = hits  # for the bodies' index, built when a chain of posts is read

    @functools.cached_property
    def _bodies(self) -> tuple[dict[int, int], dict[int, int]]:
        """Where the longest body's name from each word ends, and where the longest one
        that ends before each word starts: the bodies in a chain of posts."""
        spans: dict[int, int] = {}
        ends: dict[int, int] = {}
        for hit in self._hits:
            if hit.alias.entry.type in BODIES:
                if hit.tj > spans.get(hit.ti, 0):
                    spans[hit.ti] = hit.tj
                if hit.ti < ends.get(hit.tj, hit.tj):
                    ends[hit.tj] = hit.ti
        return spans, ends

    @functools.cached_property
    def _agencies(self) -> dict[int, list[Hit]]:
        """The firm hits of agencies' names (no common word, no guessed spelling) by the word
        they start at."""
        out: dict[int, list[Hit]] = {}
        for hit in self._hits:
            if hit.alias.entry.type == "agency" and hit.alias.kind in _FIRM and not hit.methods:
                out.setdefault(hit.ti, []).append(hit)
        return out

    def host_after(self, tj: int) -> tuple[list[Hit], int] | None:
        """The hits of the agency named right after a name ending before word *tj* as the
        body it lies in, and the word it starts at: after في, one space either side (شعبة
        المعلومات في الأمن العام), or written with ب (الإدارة العامة لمكافحة المخدرات بشرطة
        دبي); the longest such name.  None if no agency is named so."""
        tokens, seps = self.tokens, self.seps
        if tj >= len(tokens) or seps[tj] != " ":
            return None
        if tokens[tj] == "في":
            at = tj + 1
            if at >= len(tokens) or seps[at] != " ":
                return None
            hits = [h for h in self._agencies.get(at, ()) if not h.cut]
        else:
            at = tj
            hits = [h for h in self._agencies.get(at, ()) if h.cut == 1 and tokens[at][0] == "ب"]
        if not hits:
            return None
        end = max(h.tj for h in hits)
        return [h for h in hits if h.tj == end], at

    def _index_places(
        self, hits: Sequence[Hit], by_span: dict[tuple[int, int], set[str | None]]
    ) -> None:
        """Where the places are: for qualifiers, lists and their cues."""
        tokens = self.tokens
        #: The country of the longest place's name from each word on whose span is evidence
        #: of one country (for a qualifier: في and a place; في المغرب العربي names a region,
        #: not Morocco).
        ends: dict[int, int] = {}
        for hit in hits:
            if hit.alias.entry.type == "place" and (hit.ti, hit.tj) in by_span:
                ends[hit.ti] = max(hit.tj, ends.get(hit.ti, 0))
        self.places: dict[int, str] = {}
        for ti, tj in ends.items():
            if len(found := by_span[ti, tj]) == 1 and (country := next(iter(found))):
                self.places[ti] = country
        #: The first word of the longest place's name that ends before each word, and the
        #: first words of the places written with the conjunction و (a list of places) or
        #: with the preposition ب (a qualifier: وزير الداخلية بسلطنة عمان).
        self.place_ends: dict[int, int] = {}
        self.joined: set[int] = set()
        self.with_bi: set[int] = set()
        #: The longest place's name from each word: where it ends, the ids of its entries,
        #: and whether each of them is a place inside another (no country, no region).
        self.place_spans: dict[int, tuple[int, frozenset[str], bool]] = {}
        spans: dict[tuple[int, int], list[Hit]] = {}
        for hit in hits:
            if hit.alias.entry.type == "place":
                if hit.ti < self.place_ends.get(hit.tj, hit.tj):
                    self.place_ends[hit.tj] = hit.ti
                if hit.cut and tokens[hit.ti][0] == "و":
                    self.joined.add(hit.ti)
                if hit.cut == 1 and tokens[hit.ti][0] == "ب":
                    self.with_bi.add(hit.ti)
                spans.setdefault((hit.ti, hit.tj), []).append(hit)
        for (ti, tj), on in spans.items():
            if tj > self.place_spans.get(ti, (0,))[0]:
                inside = all(h.alias.entry.part_of is not None for h in on)
                self.place_spans[ti] = (tj, frozenset(h.alias.entry.id for h in on), inside)
        #: The spans named by places only, firmly (first word, end, ids, words), in order:
        #: the places a namesake may lie inside (:func:`inside_named`).
        every = Counter((hit.ti, hit.tj) for hit in hits)
        self.named_places = sorted(
            (ti, tj, frozenset(h.alias.entry.id for h in on), " ".join(tokens[ti:tj]))
            for (ti, tj), on in spans.items()
            if len(on) == every[ti, tj] and all(h.alias.kind in _FIRM and not h.methods for h in on)
        )
        #: Their first words, in order: the named places of a sentence by bisection.
        self.named_at = [n[0] for n in self.named_places]
        self._places_fed = 0

    def _index_people(
        self, hits: Sequence[Hit], by_span: dict[tuple[int, int], set[str | None]]
    ) -> None:
        """Where the people are, and the bodies they held posts at: for holders."""
        tokens = self.tokens
        #: The country of the longest name of a person from each word on, when that span
        #: is evidence of one country, and its words.
        self.people: dict[int, tuple[str, str]] = {}
        #: The ids of the bodies whose posts that person held (their roles' organisations).
        self.held: dict[int, frozenset[str]] = {}
        #: The first word of the longest such name ending before each word.
        self.people_ends: dict[int, int] = {}
        longest: dict[int, int] = {}
        for hit in hits:
            entry = hit.alias.entry
            country = entry.country
            if (
                entry.type == "person"
                and country
                # the span is evidence of the person's country: a surname alone that is
                # also a place's name (عدن) is no holder of another country's post
                and by_span.get((hit.ti, hit.tj)) == {country}
                and hit.tj > longest.get(hit.ti, 0)
            ):
                longest[hit.ti] = hit.tj
                self.people[hit.ti] = (country, " ".join(tokens[hit.ti : hit.tj]))
                self.held[hit.ti] = frozenset(r.organization for r in entry.roles if r.organization)
        for ti, tj in longest.items():
            if ti < self.people_ends.get(tj, tj):
                self.people_ends[tj] = ti

    def facts_between(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        """The evidence in words *lo* to *hi* (not included)."""
        return self.facts[bisect.bisect_left(self._at, lo) : bisect.bisect_left(self._at, hi)]

    def feed(self, document: Document, lo: int, hi: int) -> None:
        """Count in *document* the evidence of words *lo* to *hi* not counted yet."""
        start = max(self._fed, bisect.bisect_left(self._at, lo))
        end = bisect.bisect_left(self._at, hi)
        if end > start:
            document.add(self.facts[start:end])
            self._fed = end
        start = max(self._places_fed, bisect.bisect_left(self.named_at, lo))
        end = bisect.bisect_left(self.named_at, hi)
        for _, _, ids, words in self.named_places[start:end]:
            for entry_id in ids:
                document.places.setdefault(entry_id, words)
        self._places_fed = max(self._places_fed, end)
        document.sisters.update(self.sisters)

    def sentence(self, ti: int, tj: int) -> tuple[int, int]:
        """The words of the sentence that words *ti* to *tj* stand in (at most :data:`REACH`
        words either side)."""
        seps = self.seps
        lo = ti
        while lo > max(0, ti - REACH) and SENTENCE_END.isdisjoint(seps[lo]):
            lo -= 1
        hi = tj
        end = min(len(self.tokens), tj + REACH)
        while hi < end and SENTENCE_END.isdisjoint(seps[hi]):
            hi += 1
        return lo, hi

    def demonym_of(self, word: str, head: str | None = None) -> str | None:
        """The country *word* is a demonym of: one the entries list (with its masculine), or,
        with the article, the feminine (+ ة) of one that the entries do not list because it
        is the country's name, after a name whose first word *head* is feminine or a
        plural in ات, which it then agrees with (وزارة الدفاع السعودية، القوات السعودية: Saudi;
        after وزير الدفاع, masculine, السعودية is the country)."""
        country = self.demonyms.get(word)
        feminine = head is not None and head.endswith(FEMININE_ENDS)
        if country is None and feminine and word.startswith("ال") and word.endswith("ه"):
            country = self.demonyms.get(word[:-1])
        return country

    def qualifier(
        self, tj: int, bodies: bool = False, head: str | None = None
    ) -> tuple[str, str] | None:
        """The country a qualifier right after a name (ending before word *tj*, its first
        word *head*, if given) names, and its words: a demonym (:meth:`demonym_of`), في and
        a place, a place written with ب (بسلطنة عمان), or the person who holds the post the
        name is part of (:meth:`holder_at`).  With *bodies* (the name is a body's), the
        holder may also follow a comma (وزير الداخلية، السيد/ سعيد حسن نوح)."""
        tokens, seps = self.tokens, self.seps
        if tj >= len(tokens):
            return None
        if seps[tj] == " ":
            country = self.demonym_of(tokens[tj], head)
            if country:
                return country, tokens[tj]
            if tj + 1 < len(tokens) and seps[tj + 1] == " " and tokens[tj] in QUALIFYING:
                place = self.places.get(tj + 1)
                if place:
                    return place, f"{tokens[tj]} {tokens[tj + 1]}"
            if tj in self.with_bi and (place := self.places.get(tj)):
                end = self.place_spans[tj][0]
                return place, " ".join(tokens[tj:end])  # بسلطنة عمان، بدولة قطر
        at = self.holder_at(tj, bodies)
        return None if at is None else self.people[at]

    def located_in(self, tj: int) -> str | None:
        """The country of a place written with ب right at word *tj* (بالصومال), or after a
        division's or a place's noun written with ب (بإقليم شبيلي الوسطى، بمحافظة …): where
        the place named before it lies."""
        if tj in self.with_bi:
            return self.places.get(tj)
        tokens, seps = self.tokens, self.seps
        word = tokens[tj]
        if (
            word[:1] == "ب"
            and (word[1:] in DIVISION_NOUNS or word[1:] in PLACE_NOUNS)
            and tj + 1 < len(tokens)
            and seps[tj + 1] == " "
        ):
            return self.places.get(tj + 1)
        return None

    def construct_qualifier(self, tj: int) -> tuple[str, str] | None:
        """The country whose name follows a ministry's short form in construct (ending before
        word *tj*: وزير داخلية مملكة البحرين), and its words; None if none does."""
        for at in construct_starts(self.tokens, self.seps, tj):
            if at in self.places and not self.place_spans[at][2]:
                end = self.place_spans[at][0]
                return self.places[at], " ".join(self.tokens[tj:end])
        return None

    def holder_at(self, tj: int, apposition: bool = False) -> int | None:
        """The first word of the person who holds the post a name (ending before word *tj*)
        is part of: the person named right after it, or after a title or an honorific
        (وزير الداخلية الأمير عبد العزيز بن سعود، السيد/ …); with *apposition*, after a
        comma too.  None if no person is named there."""
        tokens, seps = self.tokens, self.seps
        if tj >= len(tokens):
            return None
        sep = seps[tj]
        if sep != " " and not (apposition and sep.strip() in COMMAS and "\n" not in sep):
            return None
        if (
            tj + 1 < len(tokens)
            and tj + 1 in self.people
            and tokens[tj].removeprefix("ال") in _BEFORE_HOLDER
            and seps[tj + 1] in _SLASHED
        ):
            return tj + 1
        return tj if tj in self.people else None

    def in_chain(self, k: int) -> bool:
        """Whether word *k* may stand in a chain of posts: a title or a word of
        :data:`CHAIN_WORDS`."""
        word = self.tokens[k].removeprefix("ال")
        return word in TITLES or word in CHAIN_WORDS

    def holder_after_chain(self, tj: int) -> int | None:
        """The first word of the person named after a chain of posts that starts at word
        *tj*, right after a name (وزير الدفاع | وزير الداخلية الشيخ فهد اليوسف): titles,
        bodies' names and :data:`CHAIN_WORDS`, one space or a quotation mark apart, at most
        :data:`CHAIN_REACH` words.  None if the chain does not start with a title (a
        conjunction starts another person's post: ووزير الخارجية) or names nobody."""
        tokens, seps = self.tokens, self.seps
        if tj >= len(tokens) or tokens[tj].removeprefix("ال") not in TITLES:
            return None
        spans = self._bodies[0]
        k, end = tj, min(len(tokens), tj + CHAIN_REACH)
        while k < end and _plain(seps[k]):
            if k in spans:
                k = spans[k]
            elif self.in_chain(k):
                k += 1
            else:
                return None
            at = self.holder_at(k)
            if at is not None:
                return at
        return None

    def holder_before(self, ti: int) -> int | None:
        """The first word of the person named before the title at word *ti* - 1 that a name
        (starting at word *ti*) follows: right before it, or before a chain of posts (الأمير
        محمد بن نايف | ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية), one space or a
        quotation mark apart ("عبد الوافي لفتيت" وزير الداخلية), or a comma right after his
        name (… آل ثاني، رئيس مجلس الوزراء وزير الداخلية).  The rest of the holder's
        nasab and his family's name may stand between his name as found and the chain
        (الأمير عبدالعزيز بن سعود | بن نايف بن عبدالعزيز وزير الداخلية، الشيخ خالد بن خليفة | بن
        عبدالعزيز آل ثاني، رئيس مجلس الوزراء).  None if nobody is named there."""
        tokens, seps = self.tokens, self.seps
        k = ti - 1  # the title
        if k < 1 or tokens[k].removeprefix("ال") not in TITLES:
            return None
        lo = max(1, ti - CHAIN_REACH)
        while k >= lo and (_plain(seps[k]) or _comma(seps[k])):
            end = k
            # read back over the rest of his nasab and his family's name, a particle and a
            # name at a time (بن عبدالعزيز، آل ثاني: آل folds to ال)
            while (
                end not in self.people_ends
                and end > 2
                and (tokens[end - 2] in NASAB or tokens[end - 2] == "ال")
                and seps[end - 1] == seps[end - 2] == " "
            ):
                end -= 2
            if end in self.people_ends:
                return self.people_ends[end]
            if not _plain(seps[k]):
                return None  # a comma only right after his name: ، رئيس مجلس الوزراء
            if k in self._bodies[1]:
                k = self._bodies[1][k]
            elif self.in_chain(k - 1):
                k -= 1
            else:
                return None
        return None


def _plain(sep: str) -> bool:
    """Whether *sep* joins two words of one phrase: spaces and quotation marks only, on
    one line."""
    return bool(sep) and "\n" not in sep and not sep.strip(" " + _QUOTES)


def choose(group: Sequence[Hit], window: Window, document: Document) -> tuple[str, Evidence] | None:
    """The country the evidence picks among the entries of *group*, and why (None: nothing).

    Only the countries of the group's entries compete; the first kind of
    evidence (qualifier, the same name qualified earlier in the document,
    sentence, document) that favours one of them over every other decides.  A generic
    reference qualified by another country (a demonym, في and a place, a place with ب, the
    holder) names that country's body, which the data lacks: None.  For a generic
    reference, a country the text calls sister or friend (:data:`SISTERLY`) is no evidence
    in the sentence or the document: the reference is the text's own country's, which
    that country is not (its qualifier still names it).
    """
    countries = {c for h in group if (c := h.alias.entry.country) is not None}
    if not countries:
        return None
    ti, tj = group[0].ti, group[0].tj
    key = frozenset(h.alias.entry.id for h in group)
    head = window.tokens[ti][group[0].cut :]
    if tj == ti + 1 and window.tokens[ti] in CONSTRUCT_FORMS:
        qualified = window.construct_qualifier(tj)  # وزير داخلية مملكة البحرين
    else:
        bodies = all(h.alias.entry.type in BODIES for h in group)
        qualified = window.qualifier(tj, bodies, head)
        if qualified is None and second_ministry(tj, window):
            # the qualifier after the second of two ministries' short names qualifies both
            qualified = window.qualifier(tj + 1, bodies, head)  # الدفاع والخارجية الفرنسيان
    if qualified is not None and qualified[0] in countries:
        document.qualified.setdefault(key, qualified)  # the first: the story's own
        return qualified[0], Evidence("qualifier", qualified[1], qualified[0])
    generic = is_generic(group)
    if qualified is not None and generic:
        return None  # another country's body, which the data lacks: وزير الداخلية العماني
    if generic and narrowed(tj, window, head):
        return None  # another body, which the data lacks: القوات المسلحة الجنوبية
    earlier = document.qualified.get(key)
    if earlier is not None:
        return earlier[0], Evidence("earlier", earlier[1], earlier[0])
    if generic:
        countries -= window.sisters | document.sisters
    return _from_text(ti, tj, window, document, countries)


#: Prepositions written as words (normalized): a word right after one is its object, so a و
#: that begins it is no conjunction (على وجدة is on Oujda).
WORD_PREPOSITIONS: Final = frozenset({"في", "من", "الي", "علي", "عن", "حتي", "منذ"})


def conjoined(hits: list[Hit], tokens: Sequence[str], seps: Sequence[str]) -> list[Hit]:
    """*hits* less the places a word beginning with و names as it is, where the word is the
    conjunction and another place of its list: وجدة is Morocco's Oujda, but in الرياض وجدة
    it is و and Jeddah.

    The word's places as it is are dropped when, read with the و cut, it names a place
    firmly (an exact name or abbreviation, as written) of a country that a neighbouring item
    of its list is of, and none of its places as it is belongs to such a country.  A
    neighbouring item is a place named firmly right before the word (one space or a comma
    between: الرياض وجدة، الرياض، وجدة) or right after it, written with و (وجدة والرياض).  A
    word right after a preposition written as a word (:data:`WORD_PREPOSITIONS`: على وجدة) is
    read as it is.
    """
    whole_at: dict[int, list[Hit]] = {}
    for hit in hits:
        if not hit.cut and hit.alias.entry.type == "place" and tokens[hit.ti][0] == "و":
            whole_at.setdefault(hit.ti, []).append(hit)
    if not whole_at:
        return hits
    firm: dict[int, list[Hit]] = {}
    ending: dict[int, set[str]] = {}
    for hit in hits:
        if hit.alias.entry.type == "place" and hit.alias.kind in _FIRM and not hit.methods:
            firm.setdefault(hit.ti, []).append(hit)
            if (country := hit.alias.entry.country) is not None:
                ending.setdefault(hit.tj, set()).add(country)
    drop: set[int] = set()
    for ti, whole in whole_at.items():
        cut = [h for h in firm.get(ti, ()) if h.cut == 1]
        joined = {h.alias.entry.country for h in cut}
        if not joined or (ti and seps[ti] == " " and tokens[ti - 1] in WORD_PREPOSITIONS):
            continue
        before = ti and (seps[ti] == " " or _comma(seps[ti]))
        around: set[str | None] = set(ending.get(ti, ())) if before else set()
        for h in cut:
            after = h.tj < len(tokens) and (seps[h.tj] == " " or _comma(seps[h.tj]))
            if after and tokens[h.tj][0] == "و":
                around |= {n.alias.entry.country for n in firm.get(h.tj, ()) if n.cut}
        around.discard(None)
        if around & joined and not around & {h.alias.entry.country for h in whole}:
            drop.update(id(h) for h in whole)
    return [h for h in hits if id(h) not in drop] if drop else hits


def inside_named(
    group: Sequence[Hit],
    window: Window,
    document: Document,
    ancestors: Mapping[str, frozenset[str]],
) -> tuple[list[Hit], Evidence] | None:
    """The places of *group* (a name that several places share) that lie inside a place
    the text names, and why; None when that tells none of them apart.

    *ancestors* gives each place the places it lies inside (its ``part_of``, theirs, and
    so on).  Only the places that one of the namesakes lies inside and the others do not
    count, and none that is itself one of them: the country all of them lie in says
    nothing, nor does كركوك the governorate about كركوك the city.  The sentence's places
    come first (the name's own words not counted), else those of the text before: in a
    report on a cell hiding in the east of القاهرة, a depot in المطرية is Cairo's district,
    not the town of Dakahlia.  A place counts only when named by a name that fits places
    alone, firmly (no common word, no guessed spelling).
    """
    places = [h for h in group if h.alias.entry.type == "place"]
    ids = {h.alias.entry.id for h in places}
    if len(ids) < 2:
        return None
    chains = {i: ancestors.get(i, frozenset()) - ids for i in ids}
    shared = frozenset.intersection(*chains.values())
    own = {i: chain - shared for i, chain in chains.items()}
    if not any(own.values()):
        return None
    ti, tj = group[0].ti, group[0].tj
    lo, hi = window.sentence(ti, tj)
    here: dict[str, str] = {}
    first = bisect.bisect_left(window.named_at, lo)
    last = bisect.bisect_left(window.named_at, hi)
    for a, b, named, words in window.named_places[first:last]:
        if b <= hi and (b <= ti or a >= tj):
            for entry_id in named:
                here.setdefault(entry_id, words)
    for around in (here, document.places):
        keep = [h for h in places if not own[h.alias.entry.id].isdisjoint(around)]
        if keep and len({h.alias.entry.id for h in keep}) < len(ids):
            parent = min(i for h in keep for i in own[h.alias.entry.id] if i in around)
            return keep, Evidence("inside", around[parent], keep[0].alias.entry.country)
    return None


def _inner_places(group: Sequence[Hit]) -> frozenset[str] | None:
    """The ids of *group*'s places when there are several and every one lies inside
    another place (no country, no place of no country: a capital's name is the country's
    too, and a country named once as its capital is not its capital for the rest of the
    text); else None."""
    places = [h.alias.entry for h in group if h.alias.entry.type == "place"]
    if any(entry.part_of is None for entry in places):
        return None
    ids = frozenset(entry.id for entry in places)
    return ids if len(ids) > 1 else None


def remember_reading(group: Sequence[Hit], keep: Sequence[Hit], why: Evidence, window: Window,
                     doc: Document) -> None:  # fmt: skip
    """Note in *doc* that a city's cue or a dateline (*why*, from :func:`city_cue`) chose
    *keep*'s place among *group*'s namesakes (see :attr:`Document.readings`), when *group*
    is a name of several places inside countries and *keep* one of them."""
    ids = _inner_places(group)
    chosen = {h.alias.entry.id for h in keep if h.alias.entry.type == "place"}
    if ids is not None and len(chosen) == 1 and chosen < ids:
        name = surname_words(group[0], window.tokens)
        words = name if why.kind == "dateline" else f"{why.text} {name}"
        doc.readings[ids] = (min(chosen), words)


def read_before(group: Sequence[Hit], doc: Document) -> tuple[list[Hit], Evidence] | None:
    """The hits of *group* that a cue chose earlier in the text for the same name
    (:attr:`Document.readings`: مدينتي طرطوس واللاذقية … حظر تجول في طرطوس is the city), and
    the cue's words as the evidence ``earlier``; None when no cue chose among these places."""
    ids = _inner_places(group)
    reading = None if ids is None else doc.readings.get(ids)
    if reading is None:
        return None
    chosen, words = reading
    return [h for h in group if h.alias.entry.id == chosen], Evidence("earlier", words)


def of_no_country(
    group: Sequence[Hit], window: Window, ancestors: Mapping[str, frozenset[str]]
) -> tuple[list[Hit], tuple[Evidence, ...]] | None:
    """For a name that one place of no country (a sea: البحر الأحمر) shares with divisions
    of countries named after it (Egypt's governorate and Sudan's state), the hits it names,
    and why: the divisions of the country a qualifier right after the name names, unless the
    qualifier is a masculine demonym, which agrees with the sea's noun, not the division's
    (البحر الأحمر المصرية is the governorate, البحر الأحمر المصري the sea); else those that a
    place named right before lies inside, the name joined to it by its ب or by في (الغردقة
    بالبحر الأحمر: Hurghada is the governorate's; سفاجا على البحر الأحمر is the sea); else the
    place of no country itself, with no evidence: the country the text is about would say
    which country's division the name is if it were one, not that it is one.  None (the
    usual reading) after the noun of a capital (بورتسودان، عاصمة البحر الأحمر) and for any
    other group.  A division's noun or a governor's title before the name has kept the
    divisions alone already."""
    if any(h.alias.entry.type != "place" for h in group):
        return None
    free = [h for h in group if h.alias.entry.country is None and h.alias.entry.part_of is None]
    if len(free) != 1 or len(free) == len(group):
        return None
    ti, tj = group[0].ti, group[0].tj
    if "عاصمه" in forms_before(ti, window):
        return None  # عاصمة البحر الأحمر: a division's capital
    qualified = window.qualifier(tj)
    if qualified is not None:
        country, words = qualified
        masculine = words in window.demonyms and words[-1] == "ي"  # agrees with البحر
        same = [] if masculine else [h for h in group if h.alias.entry.country == country]
        if same:
            return same, (Evidence("qualifier", words, country),)
    divisions = {h.alias.entry.id for h in group} - {free[0].alias.entry.id}
    joined = group[0].cut == 1 and window.tokens[ti][0] == "ب"
    end = ti if joined else ti - 1  # where the place before ends: ب's word, or في
    fi = not joined and ti > 1 and window.tokens[ti - 1] == "في" and window.seps[ti] == " "
    if (joined or fi) and window.seps[end] == " ":
        at = bisect.bisect_left(window.named_at, max(0, end - REACH))
        for a, b, named, words in window.named_places[at:]:
            if a >= end:
                break
            if b != end:
                continue
            for entry_id in sorted(named):
                within = ancestors.get(entry_id, frozenset()) & divisions
                if within:
                    keep = [h for h in group if h.alias.entry.id in within]
                    return keep, (Evidence("contains", words, keep[0].alias.entry.country),)
    return free, ()


def named_before(keep: list[Hit], decided: set[str]) -> list[Hit]:
    """The hits of *keep*, a name's entries of the one country the evidence picked, whose
    entry the text named before by a name that fits no other or by the post's holder
    (*decided*: :attr:`Document.decided`), when those are some of them, not all: the same
    name later in a text is the same body.  Yemen's two interior ministries: after وزير
    الداخلية اللواء عبد الكريم الحوثي, which names the Sanaa ministry by its holder, وكيل وزارة
    الداخلية in the same report is that ministry's, not the recognised government's."""
    ids = {h.alias.entry.id for h in keep}
    if len(ids) < 2 or any(h.alias.entry.type not in BODIES for h in keep):
        return keep  # (a place: which of a city and its division, the cues decide)
    named = [h for h in keep if h.alias.entry.id in decided]
    return named if named and len({h.alias.entry.id for h in named}) < len(ids) else keep


def narrowed(tj: int, window: Window, head: str | None = None) -> bool:
    """Whether the word right after a generic reference (ending before word *tj*, its first
    word *head*, if given) is an adjective that names another body than the shared name
    does: a relative adjective (ال… ending in ي or ية) that is not a demonym
    (:meth:`Window.demonym_of`) nor of :data:`STATUS_ADJECTIVES`.

    القوات المسلحة الجنوبية (the southern forces), الشرطة القضائية (the judicial police),
    الاستخبارات العسكرية (military intelligence) are bodies of their own: where the data has
    them, the longer name matches first; where it lacks them, the shared name is not
    reported as any country's body that bears it.
    """
    tokens = window.tokens
    if tj >= len(tokens) or window.seps[tj] != " ":
        return False
    word = tokens[tj]
    return (
        word.startswith("ال")
        and len(word) >= 5
        and word.endswith(("ي", "يه"))
        and window.demonym_of(word, head) is None
        and word not in STATUS_ADJECTIVES
    )


#: Nouns (normalized, without the article) that begin a department's name: a branch, a
#: directorate, an office of a larger body (شعبة المعلومات، الإدارة العامة لمكافحة المخدرات).
DEPARTMENT_NOUNS: Final = frozenset(
    {"شعبه", "اداره", "مديريه", "دائره", "قسم", "وحده", "مكتب", "فرع", "مصلحه", "قطاع"}
)


#: Nouns of a post (normalized, without the article) a department's name follows in
#: construct when the body after it is the one the department lies in: مدير الإدارة العامة
#: لمكافحة المخدرات بشرطة دبي, رئيس شعبة المعلومات في الأمن العام.
POST_HEADS: Final = frozenset({"مدير", "مديره", "رئيس", "رئيسه", "قائد", "نائب", "مساعد"})


def _a_department_s(word: str) -> bool:
    """Whether *word* (normalized, proclitics and article off or not: للإدارة) is a noun of
    :data:`DEPARTMENT_NOUNS`."""
    return any(form.removeprefix("ال") in DEPARTMENT_NOUNS for form, _ in strip_forms(word))


def in_another_body(
    group: Sequence[Hit], window: Window, ancestors: Mapping[str, frozenset[str]]
) -> bool:
    """Whether *group*, a department's name, names there a department of another body of its
    country, which the data lacks.

    The name's first word is a noun of :data:`DEPARTMENT_NOUNS`, with no proclitic, one space
    after a post's noun (:data:`POST_HEADS`, its proclitics off: مدير، رئيس …): in
    construct after a post, the body after the name is where the department lies, while
    after a verb or a verbal noun it may be the verb's (أشادت مديرية الأمن العام بالقوات
    المسلحة، دور المديرية العامة للجوازات في الأمن العام).  The agency named right
    after it as the body it lies in (:meth:`Window.host_after`) is no department itself; the
    name's entries of its country are departments in the data (each lies in a body:
    *ancestors*, the bodies each body lies in), and the agency is none of them, none they lie
    in and none that lies in them.  رئيس شعبة المعلومات في الأمن العام heads General
    Security's own information branch, not the Internal Security Forces' of that name; مدير
    الإدارة العامة لمكافحة المخدرات بشرطة دبي heads Dubai Police's department, not the federal
    ministry's.  A body of another country after it is read as the object of a verb
    (أشاد مكتب التحقيقات الفيدرالي بالأمن العام اللبناني), a department after it as a sister
    department the data does not link (إدارة البحث الجنائي بإدارة المختبرات)."""
    if not all(h.alias.entry.type == "agency" for h in group):
        return False
    first = group[0]
    tokens = window.tokens
    ti = first.ti
    if first.cut or not ti or window.seps[ti] != " " or not _a_department_s(tokens[ti]):
        return False
    if not any(form.removeprefix("ال") in POST_HEADS for form, _ in strip_forms(tokens[ti - 1])):
        return False  # أشادت مديرية الأمن العام بالقوات المسلحة: ب is the verb's
    host = window.host_after(first.tj)
    if host is None:
        return False
    hits, at = host
    if _a_department_s(tokens[at]):
        return False
    countries = {h.alias.entry.country for h in hits}
    own = [h.alias.entry.id for h in group if h.alias.entry.country in countries]
    if not own or not all(entry_id in ancestors for entry_id in own):
        return False  # no department of the host's country in the data
    ids = {h.alias.entry.id for h in hits}
    for entry_id in own:
        if entry_id in ids or not ids.isdisjoint(ancestors[entry_id]):
            return False  # its own body: شعبة المعلومات في قوى الأمن الداخلي
        if any(entry_id in ancestors.get(body, ()) for body in ids):
            return False  # a body inside it
    return True


def held_by_holder(group: Sequence[Hit], window: Window) -> tuple[list[Hit], Evidence] | None:
    """The hits of *group*, a name that fits several bodies, whose body the person who
    holds the post held (a role at it), and why; None when the holder tells none of them
    apart.

    The holder is the person named right after the name (:meth:`Window.holder_at`); a
    demonym may stand between the name and a holder of its country (المخابرات العامة
    السورية اللواء أنس خطاب is the service he heads, not the one of the same name before
    it).  Or the person named right before a title that the name follows (الشيخ راشد بن
    عبدالله آل خليفة وزير الداخلية: Bahrain's minister), who must have held a post at one of
    the bodies, since a title after a name may also be someone else's (استقبل … وزير
    الداخلية). The rest of the holder's nasab may stand between his name as found and the
    title (الأمير عبدالعزيز بن سعود بن نايف بن عبدالعزيز وزير الداخلية), and the rest of
    his posts between the title and his name, either side (:meth:`Window.holder_before`,
    :meth:`Window.holder_after_chain`: ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية).  A
    person named after the name who held none of the bodies gives way to one named before
    the title who held one (the guest received by the minister)."""
    if not all(h.alias.entry.type in BODIES for h in group):
        return None
    tokens, seps = window.tokens, window.seps
    tj = group[0].tj
    demonym = None
    if tj < len(tokens) and seps[tj] == " ":
        demonym = window.demonyms.get(tokens[tj])
        if demonym:  # the holder after a demonym
            tj += 1
    at = window.holder_at(tj, apposition=True)
    if at is not None and demonym and window.people[at][0] != demonym:
        at = None  # (the Kuwaiti minister who receives a Saudi prince is Kuwait's)
    ti = group[0].ti
    ids = {h.alias.entry.id for h in group}
    if (at is None or window.held[at].isdisjoint(ids)) and ti > 1 and seps[ti] == " ":
        # the holder named before the title; he also outranks a person named after the
        # name who held none of the bodies (… وزير الداخلية، السيد عبد اللطيف حموشي: the guest)
        before = window.holder_before(ti)
        if before is not None and (at is None or not window.held[before].isdisjoint(ids)):
            at = before
    if at is None and not demonym:
        at = window.holder_after_chain(tj)  # after the rest of his posts
    if at is None or (demonym and window.people[at][0] != demonym):
        return None
    held = window.held[at]
    keep = [h for h in group if h.alias.entry.id in held]
    if not keep or len({h.alias.entry.id for h in keep}) == len(ids):
        return None
    country, words = window.people[at]
    return keep, Evidence("qualifier", words, country)


def abroad(country: str | None, ti: int, tj: int, window: Window, document: Document) -> bool:
    """Whether words *ti* to *tj*, read as a town of *country* (a place inside a place inside
    a country), stand in a text about another country: the text before them names some
    country and never the town's, and their sentence does not name it either (the name's
    own words aside).  The town is then a namesake the data lacks: منطقة الناصرية in a
    report on Aswan is no Iraqi city, الكرك beside Lebanese villages no Jordanian one.  A
    town in a text that named its country before is its country's (ثم زار الوفد الرباط after
    المغرب, whatever else the sentence names)."""
    if country is None or not document.counts or document.counts[country]:
        return False
    lo, hi = window.sentence(ti, tj)
    return not any(f[1] == country for f in window.facts_between(lo, hi) if not ti <= f[0] < tj)


def leading_country(
    ti: int, tj: int, window: Window, document: Document
) -> tuple[str, Evidence] | None:
    """The country the text around words *ti* to *tj* is about, and why: the one its sentence
    names more than every other, else the one the document before names more than every
    other (None: none, or a tie).  Unlike :func:`choose`, every country competes."""
    return _from_text(ti, tj, window, document, None)


def _from_text(
    ti: int, tj: int, window: Window, document: Document, countries: set[str] | None
) -> tuple[str, Evidence] | None:
    """The one of *countries* (None: any) that the sentence of words *ti* to *tj* names more
    than every other, else the one the document before does, and why (None: none)."""
    lo, hi = window.sentence(ti, tj)
    here = [f for f in window.facts_between(lo, hi) if not ti <= f[0] < tj]
    counts = Counter(f[1] for f in here)
    picked = _favoured(counts, set(counts) if countries is None else countries)
    if picked is not None:
        words = "، ".join(dict.fromkeys(f[2] for f in here if f[1] == picked))
        return picked, Evidence("sentence", words, picked)
    counted = set(document.counts) if countries is None else countries
    picked = _favoured(document.counts, counted)
    if picked is not None:
        return picked, Evidence("document", document.examples.get(picked, ""), picked)
    return None


def _favoured(counts: Counter[str], countries: set[str]) -> str | None:
    """The one of *countries* counted more than every other of them, if any is counted."""
    ranked = sorted(((counts[c], c) for c in countries if counts[c]), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def is_generic(group: Sequence[Hit]) -> bool:
    """Whether *group* is a generic reference: a body's name that only a country makes specific.

    That is a common-word alias of a body (وزارة الداخلية), or a name that bodies
    of several countries share (الأمن العام).
    """
    if any(h.alias.kind == "common" and h.alias.entry.type in GENERIC_TYPES for h in group):
        return True
    types = {h.alias.entry.type for h in group}
    if not types <= GENERIC_TYPES:
        return False
    return len({h.alias.entry.country for h in group}) > 1


def is_styled_given(hit: Hit) -> bool:
    """Whether *hit* is a style and a given name (الأمير عبدالعزيز, a surname row of the
    index): it names a person only once the text has named that person in full, and only if
    it has named no other person with that style and given name."""
    if hit.alias.kind != "surname":
        return False
    first, space, _ = hit.alias.surface.partition(" ")
    return bool(space) and first[:2] == "ال" and is_style(first)


def styled_given_seen(group: list[Hit], seen: set[str]) -> list[Hit]:
    """*group* less its styled given names (:func:`is_styled_given`) that name no person
    seen earlier, or more than one (*group* itself when it has none)."""
    styled = [h for h in group if is_styled_given(h)]
    if not styled:
        return group
    named = {h.alias.entry.id for h in styled} & seen
    return [
        h
        for h in group
        if not is_styled_given(h) or (len(named) == 1 and h.alias.entry.id in named)
    ]


def surname_of_one(group: list[Hit], seen: set[str]) -> list[Hit]:
    """*group* less its surnames alone when two people or more whose surname it is were
    named in full earlier (*seen*): after خليل حقاني and سراج الدين حقاني, a bare حقاني
    names neither (*group* itself otherwise)."""
    if len(group) < 2:
        return group  # (most spans: one hit, one entry)
    surnamed = {h.alias.entry.id for h in group if h.alias.kind == "surname"}
    if len(surnamed & seen) < 2:
        return group
    return [h for h in group if h.alias.kind != "surname"]


def full_names_at(hits: Iterable[Hit]) -> dict[str, list[int]]:
    """For each person that *hits* name by a name that is no surname alone, the words
    where those names start, in order."""
    at: dict[str, list[int]] = {}
    for hit in hits:
        alias = hit.alias
        if alias.kind != "surname" and alias.entry.type == "person":
            at.setdefault(alias.entry.id, []).append(hit.ti)
    for starts in at.values():
        starts.sort()
    return at


def full_name_ahead(hit: Hit, full_at: Mapping[str, list[int]], seps: Sequence[str]) -> int | None:
    """The first word of the full name of *hit*'s person that begins after *hit*, a surname
    alone (no styled given name, no real word read as a variant: :func:`is_guessed`), at
    most :data:`AHEAD` words after its first word, in the same paragraph (no blank line
    between); None if there is none.  *full_at* is :func:`full_names_at`'s."""
    if hit.alias.kind != "surname" or is_styled_given(hit) or is_guessed(hit):
        return None
    for k in full_at.get(hit.alias.entry.id, ()):
        if hit.tj <= k <= hit.ti + AHEAD:
            # the nearest one: a paragraph's end before it is before any later one too
            if any(sep.count("\n") > 1 for sep in seps[hit.tj : k + 1]):
                return None
            return k
    return None


def named_ahead(
    group: list[Hit], full_at: Mapping[str, list[int]], seen: set[str], seps: Sequence[str]
) -> set[str]:
    """The people of *group*'s surnames alone, not in *seen*, whose full name follows in a
    few words (:func:`full_name_ahead`): a headline's السوداني before محمد شياع السوداني."""
    return {
        hit.alias.entry.id
        for hit in group
        if hit.alias.entry.id not in seen and full_name_ahead(hit, full_at, seps) is not None
    }


def reach_of(hits: Iterable[Hit]) -> dict[int, int]:
    """For each word where a hit starts, the word the longest of them ends before."""
    reach: dict[int, int] = {}
    for hit in hits:
        if hit.tj > reach.get(hit.ti, -1):
            reach[hit.ti] = hit.tj
    return reach


def styled_given_outrun(group: list[Hit], reach: Mapping[int, int]) -> list[Hit]:
    """*group* less its styled given names (:func:`is_styled_given`) whose given name
    begins a longer name: in الشيخ فهد يوسف سعود الصباح the name from فهد on is read, not
    the style and given name that end inside it.  *reach* maps a word to the last word
    that a name starting at it reaches."""
    return [h for h in group if not (is_styled_given(h) and reach.get(h.ti + 1, -1) > h.tj)]


def is_partial_name(hit: Hit, tokens: Sequence[str]) -> bool:
    """Whether *hit* names a person by a part of a name: a surname alone, a name that
    starts with a nasab written apart (بن علي), or a name right after one (the father's or
    grandfather's name in a chain: عبدالعزيز بن سعود بن نايف بن عبدالعزيز آل سعود is not
    Nayef bin Abdulaziz)."""
    kind = hit.alias.kind
    if kind == "surname":
        return True
    ti = hit.ti
    return (
        kind == "exact"
        and hit.alias.entry.type == "person"
        and (tokens[ti] in NASAB or (ti > 0 and tokens[ti - 1] in NASAB))
    )


#: The last words of a compound given name written apart (حسام الدين، خليل الرحمن), normalized.
GIVEN_ENDS: Final = COMPOUND_ENDS | {"الرحمن"}
#: Words for a family or a network of them, normalized: a surname alone after one names the
#: family (عائلة حقاني), not one of its members.
FAMILY_NOUNS: Final = frozenset({"عائله", "اسره", "عشيره", "قبيله", "شبكه"})
#: Given names written with the article, as the Maghreb and Sudan write many (normalized):
#: a surname alone after one is another person's (الطاهر عثماني is not Azali Assoumani).
ARTICLE_GIVEN: Final = frozenset(
    {"الطاهر", "الهادي", "الحبيب", "المختار", "الصادق", "الطيب", "المنصف", "المهدي"}
    | {"البشير", "الامين", "العربي", "الناصر", "الصديق", "الخضر", "العيد"}
)


#: Words (normalized) that may stand between a rank and a name without being a name: the
#: rank's own qualifiers (اللواء الركن، الفريق أول، العميد طيار، لواء شرطة) and a
#: professional title or a retirement (العقيد المتقاعد، اللواء الدكتور).
RANK_QUALIFIERS: Final = frozenset(
    form
    for word in ("ركن", "اول", "متقاعد", "طيار", "بحري", "حقوقي", "شرطه", "دكتور", "مهندس")
    for form in (word, "ال" + word)
)


def after_a_ranked_name(
    hit: Hit, window: Window, frequent: frozenset[str], own: frozenset[str]
) -> bool:
    """Whether *hit*, a surname alone, stands where a rank's name has a word of its own
    that no other rule knows as a given name (one space apart each, the rank's proclitics
    off, with the article or without): after a word that follows a rank (العقيد ميلود
    الزوي: ميلود is the given name, so الزوي is not another person's surname), or right
    after a rank and before such a word (العقيد ونيس بوخمادة: ونيس is the given name).  The
    word is no frequent word (*frequent*: a given name that is one, محمد، أحمد, the other
    rules know), no style, no demonym, no qualifier of a rank (:data:`RANK_QUALIFIERS`) and
    no word of the person's own names (*own*)."""
    tokens, seps, ti, tj = window.tokens, window.seps, hit.ti, hit.tj

    def ranked(k: int) -> bool:
        return k >= 0 and any(
            form.removeprefix("ال") in RANKS for form, _ in strip_forms(tokens[k])
        )

    def a_name_of_its_own(word: str) -> bool:
        return not (
            word in frequent
            or is_style(word)
            or word in RANK_QUALIFIERS
            or word in own
            or word in window.demonyms
            or word.removeprefix("ال") in window.demonyms
        )

    if hit.alias.kind != "surname" or hit.cut or seps[ti] != " ":
        return False
    if ti > 1 and seps[ti - 1] == " " and ranked(ti - 2) and a_name_of_its_own(tokens[ti - 1]):
        return True  # العقيد ميلود الزوي
    return (
        ranked(ti - 1) and tj < len(tokens) and seps[tj] == " " and a_name_of_its_own(tokens[tj])
    )  # العقيد ونيس بوخمادة


#: The first letters of the prepositions written as proclitics (ب، ل، ك), which never
#: stand on a word inside a person's name: one there is the name's own letter.
NAME_PREPOSITIONS: Final = frozenset("بلك")


def preposition_inside_a_name(hit: Hit, window: Window, given: frozenset[str]) -> bool:
    """Whether *hit*, a surname alone read with a preposition's letter cut before it
    (:data:`NAME_PREPOSITIONS`), stands right after a given name (*given*, or a compound
    one written joined: عبدالجبار) or a rank written with the article (one space between,
    the word's proclitics off): no preposition stands inside a name, so the letter is the
    name's own, and the word a name the data may lack (للعقيد عبدالجبار بعكر، العقيد بعكر
    are no ب and Akar)."""
    tokens, ti = window.tokens, hit.ti
    if not hit.cut or tokens[ti][0] not in NAME_PREPOSITIONS or window.seps[ti] != " ":
        return False
    forms = {form for form, _ in strip_forms(tokens[ti - 1])}
    return (
        not forms.isdisjoint(given)
        or any(form[:2] == "ال" and form[2:] in RANKS for form in forms)
        or any(form[:3] == "عبد" and len(form) > 4 for form in forms)
    )


def surname_of_another(
    hit: Hit,
    window: Window,
    given: frozenset[str],
    own: frozenset[str],
    frequent: frozenset[str],
    shared: frozenset[str] = frozenset(),
) -> bool:
    """Whether *hit*, a surname alone, is the end of another person's name written there:
    after a given name (one space before, proclitics off) that is not the person's own, be
    it any person's given name (*given*), one written with the article
    (:data:`ARTICLE_GIVEN`), or a word no rule knows as one in a rank's name
    (:func:`after_a_ranked_name`); or the surname read with a preposition's letter before it
    right after a given name or a rank (:func:`preposition_inside_a_name`: العقيد بعكر).  The
    text has then used the surname for someone the data may not have: the same surname alone
    later, its entry not named in full before, is that someone (العقيد ميلود الزوي … وأضاف
    الزوي)."""
    tokens, ti = window.tokens, hit.ti
    if hit.alias.kind != "surname" or not ti or window.seps[ti] != " ":
        return False
    if hit.cut == 1 and tokens[ti][0] == "و":
        return False
    if preposition_inside_a_name(hit, window, given):
        return True  # للعقيد عبدالجبار بعكر
    if not hit.cut and own_nasab_before(ti, window, given, own, shared):
        return False  # the person's own name with their nasab: فالح فيصل الفياض
    forms = {form for form, _ in strip_forms(tokens[ti - 1])}
    if not forms.isdisjoint(given) and forms.isdisjoint(own):
        return True
    return not forms.isdisjoint(ARTICLE_GIVEN) or after_a_ranked_name(hit, window, frequent, own)


#: The words of a nasab between two names (normalized): بن، بنت، ابن.
NASAB_LINKS: Final = frozenset({"بن", "بنت", "ابن"})
#: The most names (a compound given name counting once) a nasab puts between a person's
#: given name and their family name: a father's, a grandfather's and one more.
NASAB_REACH: Final = 3


def own_nasab_before(
    ti: int, window: Window, given: frozenset[str], own: frozenset[str], shared: frozenset[str]
) -> bool:
    """Whether the words right before word *ti* (one space apart each) are a nasab that
    starts with the person's own given name (*own*), one that no other person bears
    (*shared*: the given names two people or more bear; محمد أحمد اشتية may be anyone): one
    to :data:`NASAB_REACH` given names (*given*; a compound one written apart, عبد الله or
    حسام الدين, counts once) or words of :data:`NASAB_LINKS` after it.  The text then writes
    the person's name with their father's and grandfather's names between (فالح فيصل الفياض
    is فالح الفياض), and the surname after it is theirs."""
    tokens, seps = window.tokens, window.seps
    k, names = ti - 1, 0
    while k >= 0 and seps[k + 1] == " " and names <= NASAB_REACH:
        start = k
        if k and seps[k] == " " and tokens[k - 1] == "عبد":
            start = k - 1  # عبد الله written apart: one name
            forms = {"عبد" + tokens[k]}
        elif k and seps[k] == " " and tokens[k] in GIVEN_ENDS:
            start = k - 1  # حسام الدين: one name, its first word the given name's key
            forms = {form for form, _ in strip_forms(tokens[k - 1])}
        else:
            forms = {form for form, _ in strip_forms(tokens[k])}
        if names and not forms.isdisjoint(own) and forms.isdisjoint(shared):
            return True
        if forms.isdisjoint(given) and tokens[k] not in NASAB_LINKS:
            return False
        names += tokens[k] not in NASAB_LINKS
        k = start - 1
    return False


def surname_words(hit: Hit, tokens: Sequence[str]) -> str:
    """The words of *hit* as written, its proclitics off (what :attr:`Document.others`
    holds, and the name in a reading's evidence: :func:`remember_reading`)."""
    return " ".join((tokens[hit.ti][hit.cut :], *tokens[hit.ti + 1 : hit.tj]))


def not_another_s(group: list[Hit], doc: Document, tokens: Sequence[str]) -> list[Hit]:
    """*group* less its surnames alone that the text wrote in another person's name
    before (:attr:`Document.others`), for entries it has not named in full (*group*
    itself when the text wrote none so)."""
    if not doc.others:
        return group
    return [
        h
        for h in group
        if h.alias.kind != "surname"
        or h.alias.entry.id in doc.seen
        or surname_words(h, tokens) not in doc.others
    ]


def part_of_another_name(
    hit: Hit,
    window: Window,
    given: frozenset[str],
    own: frozenset[str],
    frequent: frozenset[str] = frozenset(),
    shared: frozenset[str] = frozenset(),
) -> bool:
    """Whether *hit*, a person's partial name, is a part of a longer phrase that is not its
    person's name (*given*: every person's given names; *own*: the hit's person's; *frequent*:
    the frequent words, for :func:`after_a_ranked_name`; *shared*: the given names two people
    or more bear, for :func:`own_nasab_before`).

    So it is, just after the word before it (one space between):

    * a surname alone or a nasab name (بن علي) after a name particle (بن سلمان، أبو علي),
      and any name of a person right after a nasab (بن نايف بن عبدالعزيز آل سعود: a lineage)
      or after a given name that is not the person's own (علي خلفان is not ضاحي خلفان,
      خالد بن علي الحميدان not بن علي), a compound one written apart included (عبد العال
      عبد العال: any عبد and the word after it; حسام الدين الجبالي: a word and الدين، الله،
      الاسلام or الرحمن after it, the word not the person's own);
    * a surname alone after a word for a family (عائلة حقاني، أسرة، عشيرة، قبيلة، شبكة): the
      family, not one of its members;
    * a surname alone after a given name written with the article (:data:`ARTICLE_GIVEN`:
      الطاهر عثماني);
    * a surname alone followed by a given name, or by a compound one with عبد apart or
      joined (one space between): the name goes on, a chain of names not the person's
      (العقيد محمد الأمين محمد أبلال، اللواء مجدي عبدالعال);
    * a surname alone that is a demonym, after a word with the article: it is that word's
      adjective (الجانب المغربي، الرئيس السوداني);
    * a surname alone after a noun that a place's name follows (مدينة، محافظة، مركز، حي …):
      it is the place's name (مركز العياط);
    * a surname alone in a rank's name beside a word no rule knows as a given name
      (:func:`after_a_ranked_name`: العقيد ميلود الزوي، العقيد ونيس بوخمادة);
    * a surname alone read with a preposition's letter before it, after a given name or a
      rank (:func:`preposition_inside_a_name`: العقيد بعكر).

    A word with the conjunction و starts a name of its own: توفيق وطرطاق is two people.
    """
    ti = hit.ti
    seps, tokens = window.seps, window.tokens
    if not ti or seps[ti] != " " or not is_partial_name(hit, tokens):
        return False
    if hit.cut == 1 and tokens[ti][0] == "و":
        return False  # و starts a name of its own: توفيق وطرطاق
    if hit.alias.kind == "surname" and preposition_inside_a_name(hit, window, given):
        return True  # للعقيد عبدالجبار بعكر: the letter is the name's own
    nasab = hit.alias.kind == "surname" and not hit.cut
    if nasab and own_nasab_before(ti, window, given, own, shared):
        return False  # the person's own name with their nasab: فالح فيصل الفياض
    forms = {form for form, _ in strip_forms(tokens[ti - 1])}
    if not forms.isdisjoint(PARTICLES):
        return True
    if hit.alias.kind == "surname" and not forms.isdisjoint(PLACE_NOUNS):
        return True  # a place's name: مركز العياط
    if not forms.isdisjoint(given) and forms.isdisjoint(own):
        return True
    if hit.alias.kind == "surname" and not forms.isdisjoint(ARTICLE_GIVEN):
        return True  # a given name with the article: الطاهر عثماني
    if (
        ti > 1
        and seps[ti - 1] == " "
        and window.tokens[ti - 2] == "عبد"
        and "عبد" + tokens[ti - 1] not in own
    ):
        return True  # after a compound given name: عبد العال عبد العال
    if (
        ti > 1
        and seps[ti - 1] == " "
        and tokens[ti - 1] in GIVEN_ENDS
        and own.isdisjoint(form for form, _ in strip_forms(tokens[ti - 2]))
    ):
        return True  # after a compound given name ending in الدين: حسام الدين الجبالي
    if hit.alias.kind == "surname" and not forms.isdisjoint(FAMILY_NOUNS):
        return True  # a family, not one of its members: عائلة حقاني
    if frequent and after_a_ranked_name(hit, window, frequent, own):
        return True  # العقيد ميلود الزوي
    tj = hit.tj
    if (
        hit.alias.kind == "surname"
        and tj < len(tokens)
        and seps[tj] == " "
        and (
            (tokens[tj] in given and tokens[tj] not in RUNS_ON_NOT)
            or tokens[tj] == "عبد"
            or (tokens[tj][:3] == "عبد" and len(tokens[tj]) > 4)
        )
    ):
        return True  # a name goes on after it: محمد الأمين محمد أبلال، مجدي عبدالعال
    return (
        hit.alias.kind == "surname"
        and (tokens[ti] in window.demonyms or tokens[ti].removeprefix("ال") in window.demonyms)
        and any(map(has_article, forms))
    )


#: Bodies' short forms that are also adjectives (internal, external): after a word with the
#: article they are its adjective (الشؤون الداخلية، الاستخبارات الخارجية), not the ministry.
BODY_ADJECTIVES: Final = frozenset({"الداخليه", "الخارجيه"})

#: Places' one-word names that are also a common adjective (normalized), and the nouns
#: (normalized, without the article) that the adjective most often follows: مالي is Mali,
#: and also "financial" (مبلغ مالي، دعم مالي، فساد مالي).  After one of those nouns the word
#: is the adjective, and after a person (جندي مالي، مسؤول مالي) the masculine demonym, Malian:
#: neither names the place.  After any other word (في مالي، رئيس مالي، حكومة مالي) it does.
ADJECTIVE_READINGS: Final[dict[str, frozenset[str]]] = {
    "مالي": frozenset(
        {
            "مبلغ", "دعم", "فساد", "عجز", "تمويل", "احتيال", "تعويض", "مقابل", "عائد", "ربح",
            "وضع", "مركز", "نظام", "قطاع", "استقرار", "تحويل", "حساب", "تقرير", "اصلاح",
            "انفاق", "تدقيق", "مستشار", "خبير", "مورد", "عون", "غطاء", "ضمان", "التزام",
            "حافز", "ابتزاز", "اختلاس", "تلاعب", "استثمار", "دين", "فائض", "ضغط", "نشاط",
            "كشف", "اقرار", "مردود", "مكسب", "اداء", "عام", "مخصص", "رصيد", "اعتماد", "تصرف",
            "بند", "شان", "مجال", "تسهيل", "اسناد", "تبرع", "مصدر", "عبء", "مطلب", "حجز",
            "سند", "اسهام", "عطاء", "تحفيز", "قرض", "ريع", "مستحق", "انضباط", "جندي",
            "مسؤول", "مواطن", "لاجئ", "مهاجر", "ضابط", "دبلوماسي",
        }
    ),
}  # fmt: skip


#: Places' one-word names that are an adjective of direction (normalized): Egypt's الغربية
#: and الشرقية governorates, Oman's الوسطى.  After a word with the article they are its
#: adjective: الدول الغربية، الحدود الشرقية.
COMPASS_ADJECTIVES: Final = frozenset({"الغربيه", "الشرقيه", "الشماليه", "الجنوبيه", "الوسطي"})


def is_adjective(hit: Hit, window: Window) -> bool:
    """Whether *hit* is the adjective of the word before it, not a name.

    So it is, one space after a word with the article and written with no proclitic:

    * a place's name of one word that is the feminine form (+ ة) of a demonym of its own
      country: الدفاعات السعودية، الحدود اليمنية السعودية، الخارجية السعودية are Saudi
      air defences, a border, a ministry, not the country (في السعودية and والسعودية still name
      it);
    * a place's name of one word that is also a common adjective, after a noun it often
      qualifies (:data:`ADJECTIVE_READINGS`): مبلغ مالي is a sum of money, not Mali (here
      the word before may carry a proclitic and needs no article: بمبلغ مالي);
    * a place's name of one word that is an adjective of direction (:data:`COMPASS_ADJECTIVES`):
      الدول الغربية are Western states, not Egypt's Gharbia (محافظة الغربية and في الغربية
      still name it);
    * an organisation's name of one word that is a nisba (ends in ي: الحوثي), after a word
      with the article that it agrees with as an adjective, so no feminine, plural in ات or
      nisba itself (:data:`NOT_AGREEING`), no place's name's end, no style (:data:`STYLES`)
      nor the end of a compound given name (:data:`GIVEN_ENDS`): الانقلاب الحوثي is the
      Houthi coup, التحالف الحوثي an alliance (السيد الحوثي، بدر الدين الحوثي, and the verb's
      object in حملت الحكومة اليمنية الحوثي or اتهم الجيش اليمني الحوثي, are not read so);
    * an agency's name that begins with الداخلية or الخارجية (:data:`BODY_ADJECTIVES`):
      الشؤون الداخلية are internal affairs, الجبهة الداخلية اللبنانية Lebanon's home front,
      not its interior ministry (وزير الداخلية، أعلنت الداخلية still name it); and the
      second of two such words joined by و after a word with the article (الأمنية الداخلية
      والخارجية), while وزيرا الداخلية والخارجية name two ministries.
    """
    ti = hit.ti
    if not ti or hit.methods or window.seps[ti] != " ":
        return False
    word, entry, tokens = window.tokens[ti], hit.alias.entry, window.tokens
    if hit.cut:
        # the second of two such adjectives joined by و: الأمنية الداخلية والخارجية
        if entry.type != "agency" or word[0] != "و" or word[1:] not in BODY_ADJECTIVES:
            return False
        if ti < 2 or tokens[ti - 1] not in BODY_ADJECTIVES or window.seps[ti - 1] != " ":
            return False
        ti -= 1
    elif entry.type == "agency":
        if word not in BODY_ADJECTIVES:
            return False
    elif entry.type == "organization":
        # a group's one-word name that is a nisba (الحوثي), after a masculine noun with the
        # article that it agrees with: no feminine or plural in ات (الحكومة اليمنية الحوثي:
        # the object), no nisba ending a subject (الجيش اليمني الحوثي), no place's name (العراق
        # الحوثي), no style nor the end of a compound given name (السيد الحوثي، بدر الدين)
        if hit.tj != ti + 1 or word[:2] != "ال" or word[-1] != "ي" or ti in window.place_ends:
            return False
        return any(
            has_article(form)
            and not form.endswith(NOT_AGREEING)
            and form[2:] not in STYLES
            and form not in GIVEN_ENDS
            for form, _ in strip_forms(tokens[ti - 1])
        )
    elif word in ADJECTIVE_READINGS and entry.type == "place" and hit.tj == ti + 1:
        heads = ADJECTIVE_READINGS[word]
        return any(form in heads for form, _ in strip_forms(tokens[ti - 1]))
    elif (
        entry.type != "place"
        or hit.tj != ti + 1
        or (
            word not in COMPASS_ADJECTIVES
            and (word[-1] != "ه" or window.demonyms.get(word[:-1]) != entry.country)
        )
    ):
        return False
    return any(has_article(form) for form, _ in strip_forms(window.tokens[ti - 1]))


def is_guessed(hit: Hit) -> bool:
    """Whether *hit* reads a real word as its name's first word, spelt another way."""
    methods = hit.methods
    return bool(methods) and methods[0][-1] == GUESSED


def supported(hit: Hit, window: Window, document: Document, own: frozenset[str]) -> Evidence | None:
    """What in the text shows that the real word *hit* starts with is meant as its name
    (None: nothing, and the hit does not count).

    Either the word right before it, one space apart: a title for a person
    (الوزير، اللواء …, with the article or without) or the person's own given name
    (*own*), the first noun of a construct for a place or an organisation (مدينة،
    تنظيم …); or, for a person, the person named earlier in the text by a name that is
    not a surname alone.  A place named earlier is no support: over a long text, اليمن
    once would make every المن Yemen.
    """
    entry = hit.alias.entry
    ti = hit.ti
    if ti and window.seps[ti] == " ":
        before = window.tokens[ti - 1]
        forms = [form for form, _ in strip_forms(before)]
        if entry.type == "person":
            if any(form.removeprefix("ال") in TITLES for form in forms):
                return Evidence("cue", before)
            if not own.isdisjoint(forms):
                return Evidence("cue", before)
        elif not GUESS_CUES.get(entry.type, frozenset()).isdisjoint(forms):
            return Evidence("cue", before)
    if entry.type == "person" and entry.id in document.seen:
        return Evidence("full-name", entry.name)
    return None


def contradicted(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a body's name of one country, is followed by a qualifier of another
    (a demonym, في and a place, or the person who holds the post: :meth:`Window.qualifier`):
    then the text names that country's body, not this one (الأمن الخارجي الموريتاني is not
    Algeria's DGDSE, القيادة العامة للقوات المسلحة الأردنية not Libya's).  Or *hit*, a place's
    name, is followed by another country's demonym, one space after it: the name is that
    country's (الجمهورية الإسلامية الموريتانية is not Iran's الجمهورية الإسلامية, عمان الأردنية
    not Oman; a demonym written without the article does not make it so: عرسال سوريين are
    Syrians in Arsal); or *hit*, a place inside a country, is followed by a place of another country
    written with ب, or by a division's noun written with ب and such a place
    (:meth:`Window.located_in`): a namesake there (منطقة القاهرة بإقليم شبيلي الوسطى is a
    Somali locality, not Cairo).  Or *hit*, the name of a body with no country (an
    international one), is followed by a demonym, one space after it: the name is that
    country's body's (مجلس الأمن الإيراني is not the UN Security Council); or, when its name
    begins with a council's or an office's noun (:data:`INSTITUTION_HEADS`), by a relative
    adjective that narrows it (:func:`narrowed`): another body's (مجلس الأمن الداخلي
    المركزي, Lebanon's Central Internal Security Council)."""
    entry = hit.alias.entry
    country = entry.country
    if not country:
        tokens, tj = window.tokens, hit.tj
        if entry.type not in BODIES or tj >= len(tokens) or window.seps[tj] != " ":
            return False
        if tokens[tj] in window.demonyms:
            return True
        # a council's or an office's name narrowed by an adjective is another body: مجلس
        # الأمن الداخلي المركزي is Lebanon's council, not the UN Security Council
        first = tokens[hit.ti][hit.cut :]
        return (
            first in INSTITUTION_HEADS
            and narrowed(tj, window)
            and tokens[tj] not in INTERNATIONAL_ADJECTIVES  # مجلس الأمن الأممي: the same
        )
    if entry.type == "place":
        tokens, tj = window.tokens, hit.tj
        if tj >= len(tokens) or window.seps[tj] != " ":
            return False
        # (a demonym without the article is no adjective of a name: عرسال سوريين, Syrians)
        word = tokens[tj]
        other = window.demonyms.get(word) if word[:2] == "ال" else None
        if other is None and entry.part_of is not None:
            other = window.located_in(tj)  # منطقة القاهرة بإقليم شبيلي الوسطى: not Cairo
        return other is not None and other != country
    if entry.type not in BODIES:
        return False
    qualified = window.qualifier(hit.tj, bodies=True, head=agreeing_head(hit, window.tokens))
    return qualified is not None and qualified[0] != country


def agreeing_head(hit: Hit, tokens: Sequence[str]) -> str | None:
    """The first word of *hit*'s name (proclitics off), when it names a state's agency and
    its last word, with the article, ends as a feminine noun or a plural in ات and is no
    relative adjective (ية) nor الله: a feminine adjective right after it agrees with it, and
    a country's name that is also one (السعودية) then qualifies the name, if its first word
    is feminine too (القيادة العامة للقوات المسلحة السعودية is Saudi Arabia's, not Libya's).
    After an armed group's name it is as often the verb's object (أدانت جبهة النصرة
    السعودية، اتهمت جماعة أنصار الله السعودية), as after a name ending otherwise (اتهمت
    جماعة الحوثي السعودية).  None otherwise."""
    if hit.alias.entry.type != "agency":
        return None
    last = tokens[hit.tj - 1] if hit.tj - 1 > hit.ti else tokens[hit.ti][hit.cut :]
    if (
        last.startswith("ال")
        and last.endswith(FEMININE_ENDS)
        and not last.endswith("يه")
        and last != "الله"
    ):
        return tokens[hit.ti][hit.cut :]
    return None


def lineages(people: Iterable[Entry], normalize: Callable[[str], str]) -> dict[str, frozenset[str]]:
    """The words that follow بن in each person's own names and aliases (normalized), by
    entry id, with a particle joined to the word after it too (عبد and عبدالعزيز): the
    lineage a name of theirs may go on with (الملك سلمان بن عبدالعزيز)."""
    out: dict[str, set[str]] = {}
    for entry in people:
        for surface in entry.surfaces:
            if "بن" not in surface.split():  # most names: no nasab written apart
                continue
            words = normalize(surface).split()
            for k, word in enumerate(words[:-1]):
                if word == "بن":
                    after = words[k + 1]
                    found = out.setdefault(entry.id, set())
                    found.add(after)
                    if after in PARTICLES and k + 2 < len(words):
                        found.add(after + words[k + 2])
    return {entry_id: frozenset(words) for entry_id, words in out.items()}


def goes_on(
    hit: Hit, window: Window, given: frozenset[str], lineage: Mapping[str, frozenset[str]]
) -> bool:
    """Whether *hit*, a person's name that ends in a given name (of anyone: *given*) and
    has no nasab in it, is followed by a nasab that is not the person's own (بن written
    apart, and a word that follows بن in none of their names: *lineage*).  Then the name
    goes on, and it is someone else's: الأمير سلطان بن سعد is not Sultan bin Abdulaziz, but
    الملك سلمان بن عبدالعزيز (or بن عبد العزيز, the particle apart) is King Salman, and
    الملك عبد الله الثاني بن الحسين ends in no given name.  Only بن: ابن and بنت are also the
    words son and daughter (ابن مدينة لعيون, a native of Aioun)."""
    tokens, seps, tj = window.tokens, window.seps, hit.tj
    entry = hit.alias.entry
    return (
        entry.type == "person"
        and tj + 1 < len(tokens)
        and tokens[tj] == "بن"
        and seps[tj] == " "
        and seps[tj + 1] == " "
        and tokens[tj - 1] in given
        and NASAB.isdisjoint(tokens[hit.ti : tj])
        and lineage.get(entry.id, frozenset()).isdisjoint(_nasab_forms(tj + 1, window))
    )


def _nasab_forms(k: int, window: Window) -> tuple[str, ...]:
    """The word *k* after بن, and if it is a particle followed by a word (one space), the
    two joined: بن عبد العزيز is the lineage بن عبدالعزيز."""
    tokens, seps = window.tokens, window.seps
    word = tokens[k]
    if word in PARTICLES and k + 1 < len(tokens) and seps[k + 1] == " ":
        return word, word + tokens[k + 1]
    return (word,)


#: Given names that are also, folded, a word that often follows a name: على (on) folds to
#: علي (حسن رشاد على رأس الجهاز), and أمير is the title emir (فيصل بن سلمان أمير منطقة
#: المدينة).  After a name they do not make it run on.
RUNS_ON_NOT: Final = frozenset({"علي", "امير"})

#: The given names (of anyone) in a person's name from which a given name after it is the
#: rest of the person's own chain, not the start of someone else's name.
CHAIN_OF_NAMES: Final = 3


def name_words(entry: Entry, normalize: Callable[[str], str]) -> frozenset[str]:
    """The words of a person's own names and aliases (normalized)."""
    return frozenset(w for surface in entry.surfaces for w in normalize(surface).split())


def runs_on(
    hit: Hit, window: Window, given: frozenset[str], own: Callable[[Entry], frozenset[str]]
) -> bool:
    """Whether *hit*, a person's name (not a surname alone) that ends in a given name (of
    anyone: *given*), is followed by another given name, one space between, that is no
    word of the person's own names (*own* gives them) and begins no person's name in the
    text: then
    the name runs on, a chain of names that is someone else's (الفريق محمد إبراهيم عوض الله
    is not محمد إبراهيم, Egypt's former minister; محمد إبراهيم مصطفى is).  Two people named
    one after the other (… محمد بن سلمان محمد بن زايد) are kept: the second is a name of
    its own; and a given name that is also a common word after a name (:data:`RUNS_ON_NOT`)
    is read as that word.  A name of three given names or more (a given name, a father's
    and a grandfather's: شلال علي شائع; name particles and بن do not count, so محمد بن سلمان
    has two) is too long to be the start of someone else's: the name after it is the rest
    of the person's own chain (شلال علي شائع هادي)."""
    tokens, seps, tj = window.tokens, window.seps, hit.tj
    return (
        hit.alias.entry.type == "person"
        and hit.alias.kind != "surname"
        and tj < len(tokens)
        and seps[tj] == " "
        and tokens[tj - 1] in given
        and tokens[tj] in given
        and tokens[tj] not in RUNS_ON_NOT
        and tj not in window.people
        and tokens[tj] not in own(hit.alias.entry)
        and _given_count(hit, tokens, given) < CHAIN_OF_NAMES
    )


#: The styles of a king (normalized, without the article): after one, a given name and a
#: name are no son's chain (مطار الملك خالد محمد بن سلمان).
ROYAL_STYLES: Final = frozenset({"ملك", "ملكه"})


def son_of(
    hit: Hit, window: Window, given: frozenset[str], own: Callable[[Entry], frozenset[str]]
) -> bool:
    """Whether *hit*, a person's name of two words or more (not a surname alone, not a style
    and a name) with no proclitic, is the father's chain of names in a son's, not the father:
    it comes right after a given name (of anyone: *given*; one space between, no proclitic),
    or a compound one written apart (سيف الإسلام، عبد الله: a given name or عبد and a word of
    :data:`GIVEN_ENDS`; with الله, عبد alone, since نصر الله and فضل الله are as often
    surnames), that is no word of the person's own names, and that itself comes
    right after a style with the article (:data:`STYLES`: الشيخ، العميد، الدكتور، الرئيس; one
    space between): الشيخ أحمد نواف الأحمد الجابر الصباح is the emir's son, العميد أحمد علي
    عبد الله صالح Saleh's, الدكتور سيف الإسلام معمر القذافي Gaddafi's.  Only after a style: a
    given name alone before a name is as often a verb or a noun (أشرف, supervised; خليفة,
    successor; سلام, peace and a prime minister) whose subject or complement the name is.  Not
    after a king's style (:data:`ROYAL_STYLES`: a king's son is named with بن, and الملك خالد
    is as often an airport's or a city's name), nor when any person's name ends right before
    the name (السيد نصر الله نعيم قاسم: two people)."""
    ti, tokens, seps = hit.ti, window.tokens, window.seps
    if (
        hit.alias.entry.type != "person"
        or hit.alias.kind == "surname"
        or hit.cut
        or hit.tj - ti < 2
        or ti < 2
        or seps[ti] != " "
        or tokens[ti][:2] == "ال"
    ):
        return False
    first = ti - 1  # the son's given name: one word, or two (سيف الإسلام، عبد الله)
    before = tokens[first]
    if before in GIVEN_ENDS and seps[first] == " ":
        first -= 1
        before = tokens[first]
        if before != "عبد" and (before not in given or tokens[ti - 1] == "الله"):
            return False  # نصر الله، فضل الله: surnames as often; حزب الله: no given name
    elif before not in given or before in RUNS_ON_NOT:
        return False
    if before in own(hit.alias.entry) or not first or seps[first] != " ":
        return False
    style = tokens[first - 1]
    if style[:2] != "ال" or style[2:] not in STYLES or style[2:] in ROYAL_STYLES:
        return False
    return ti not in window.people_ends  # السيد نصر الله نعيم قاسم: two people


def _given_count(hit: Hit, tokens: Sequence[str], given: frozenset[str]) -> int:
    """How many given names *hit*'s words are, its proclitics off: a word of *given* (anyone's
    given names) counts once, and so does a name particle with the word after it (عبد الله);
    the words of a nasab and a family's name after آل do not count (محمد بن سلمان has two,
    محمد عبد الله حسن three)."""
    words = (tokens[hit.ti][hit.cut :], *tokens[hit.ti + 1 : hit.tj])
    count, k = 0, 0
    while k < len(words):
        word = words[k]
        if word in NASAB:
            k += 1
        elif word == "ال":  # آل, folded: a family's name follows
            k += 2
        elif word in PARTICLES and k + 1 < len(words):
            count, k = count + 1, k + 2
        else:
            count, k = count + (word in given), k + 1
    return count


def keep_supported(
    group: Sequence[Hit],
    window: Window,
    document: Document,
    own_given: Mapping[str, frozenset[str]],
    found: dict[int, Evidence],
) -> list[Hit]:
    """The hits of *group* less the guessed ones that nothing supports; the support of
    those kept goes into *found* (by the hit's ``id``), as the match's evidence.

    A surname alone supported by its full name earlier says so already (``full-name``).
    """
    kept: list[Hit] = []
    for hit in group:
        if not is_guessed(hit):
            kept.append(hit)
            continue
        entry = hit.alias.entry
        why = supported(hit, window, document, own_given.get(entry.id, frozenset()))
        if why is None:
            continue
        kept.append(hit)
        if why.kind != "full-name" or hit.alias.kind != "surname":
            found[id(hit)] = why
    return kept


def item_before(k: int, window: Window, either: bool = False) -> int | None:
    """The first word of the place right before the list item that begins at word *k*, when
    the two are items of one list: the item written with و (وطرطوس) or after a comma (on
    one line); with *either*, also with the word أو between them (شبوة أو مأرب).  None
    when there is no such place."""
    seps, ends = window.seps, window.place_ends
    sep = seps[k] if k < len(seps) else ""
    if k in ends and ((sep == " " and k in window.joined) or _comma(sep)):
        return ends[k]
    if either and k > 1 and window.tokens[k - 1] == "او" and sep == seps[k - 1] == " ":
        return ends.get(k - 1)
    return None


def list_head(ti: int, window: Window) -> int:
    """The first word of the list of places that the place at word *ti* is an item of:
    the places before it, each joined to the next by و (وطرطوس) or a comma, back to the
    first (حمص in مدن حمص وطرطوس واللاذقية); *ti* itself when it is the first or alone."""
    k = ti
    while (before := item_before(k, window)) is not None:
        k = before
    return k


def list_items(ti: int, tj: int, window: Window) -> list[int]:
    """The first words of the other items of the list of places that the place in words
    *ti* to *tj* is an item of: the places before and after it, each joined to the next by
    و (وشبوة), a comma, or the word أو between them (البيضاء أو شبوة أو مأرب)."""
    tokens, seps, spans = window.tokens, window.seps, window.place_spans
    items: list[int] = []
    k = ti
    while (before := item_before(k, window, either=True)) is not None:
        k = before
        items.append(k)
    k = tj
    while k < len(tokens):
        sep = seps[k]
        if k in spans and ((sep == " " and k in window.joined) or _comma(sep)):
            items.append(k)
        elif tokens[k] == "او" and sep == " " and k + 1 in spans and seps[k + 1] == " ":
            k += 1
            items.append(k)
        else:
            break
        k = spans[k][0]
    return items


def _comma(sep: str) -> bool:
    """Whether *sep*, the space between two words, is a comma on one line."""
    return sep.strip() in COMMAS and "\n" not in sep


def listed_with(
    group: Sequence[Hit], window: Window, divisions: frozenset[str]
) -> tuple[list[Hit], Evidence] | None:
    """The hits of *group*, a name that fits a division and a place inside one (a city and
    its governorate: مأرب), of the kind the other items of its list (:func:`list_items`)
    all are, and why: divisions among divisions (البيضاء أو شبوة أو مأرب), the others among
    places that are no division (صنعاء وعدن ومأرب).  An item that fits both kinds, as the
    name does, does not count (منطقة مكة وحائل والرياض وعسير: Ha'il is a city and a region,
    Asir only a region, so Riyadh is the region).  When the items are of both kinds, the
    kind of at least two items more than the other decides (كركوك وديالى وصلاح الدين
    والأنبار والموصل: three governorates and one city make Kirkuk the governorate).  None
    when one item is of neither (a country), or when no kind leads by two."""
    places = [h for h in group if h.alias.entry.type == "place"]
    named = [h for h in places if h.alias.entry.id in divisions]
    inside = [
        h for h in places if h.alias.entry.id not in divisions and h.alias.entry.part_of is not None
    ]
    if not named or not inside:
        return None
    of_kind = {True: 0, False: 0}  # the items that are divisions, and those inside one
    words: list[str] = []
    for k in list_items(group[0].ti, group[0].tj, window):
        end, ids, all_inside = window.place_spans[k]
        if ids <= divisions:
            of_kind[True] += 1
        elif all_inside and ids.isdisjoint(divisions):
            of_kind[False] += 1
        elif all_inside:
            pass  # a division or a place inside one, as the name is: it shows neither
        else:
            return None  # an item of both kinds, or a country: nothing to go by
        words.append(" ".join(window.tokens[k:end]))
    lead = of_kind[True] - of_kind[False]
    if (of_kind[True] and of_kind[False] and abs(lead) < 2) or not lead:
        return None
    return (named if lead > 0 else inside), Evidence("list", "، ".join(words))


#: Dual and plural nouns of ministers and ministries (normalized): a generic name right after
#: one (وزارتي الداخلية في البلدين، وزراء الداخلية العرب) names the bodies of several countries,
#: or of none, not one.
PLURAL_HEADS: Final = frozenset({"وزراء", "وزيري", "وزيرتي", "وزارتي", "وزارات", "وزارتا"})
#: The duals among them: before a list of two ministries' short names (وزارتي الدفاع
#: والداخلية) they name one body of each kind, of one state.  Not وزيرا, as often the
#: singular with the accusative's alif (عين وزيرا للداخلية, appointed minister).
DUAL_HEADS: Final = frozenset({"وزيري", "وزيرتي", "وزارتي", "وزارتا"})
#: The ministries' short names (normalized) that may stand second in such a list.
LISTED_MINISTRIES: Final = frozenset({"الداخليه", "الخارجيه", "الدفاع"})


def after_a_plural_head(ti: int, tj: int, window: Window) -> bool:
    """Whether the name of words *ti* to *tj* follows a dual or plural minister's or
    ministry's noun (:data:`PLURAL_HEADS`, proclitics off: بوزراء), one space between, and
    so names several states' bodies: not a dual (:data:`DUAL_HEADS`) before a list of two
    ministries' short names, the second with و one space after the first (وزارتي الدفاع
    والداخلية: two ministries of one state, each read as any name; :data:`LISTED_MINISTRIES`)."""
    heads = PLURAL_HEADS.intersection(forms_before(ti, window))
    if not heads:
        return False
    return not (heads <= DUAL_HEADS and second_ministry(tj, window))


def second_ministry(tj: int, window: Window) -> bool:
    """Whether word *tj*, one space after a name, is و and a ministry's short name
    (:data:`LISTED_MINISTRIES`): the second of a list of two (الدفاع والداخلية)."""
    tokens = window.tokens
    return (
        tj < len(tokens)
        and window.seps[tj] == " "
        and tokens[tj][:1] == "و"
        and tokens[tj][1:] in LISTED_MINISTRIES
    )


def untitled(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a body's one-word short form of :data:`TITLED_FORMS` (الدفاع), stands
    neither after one of its titles (one space between, proclitics off: وزير الدفاع) nor
    before a demonym (الدفاع الجزائرية): then it is the common noun (حق الدفاع عن النفس, and
    with ل fused to the article, للدفاع عن وحدة السودان)."""
    tokens, seps, ti, tj = window.tokens, window.seps, hit.ti, hit.tj
    word = tokens[ti][hit.cut :]
    if word.startswith(LAL):  # ل fused with the article: للدفاع is ل and الدفاع
        word = "ال" + word[len(LAL) :]
    titles = TITLED_FORMS.get(word) if tj == ti + 1 else None
    if titles is None or hit.alias.entry.type not in BODIES:
        return False
    if ti and seps[ti] == " " and any(form in titles for form, _ in strip_forms(tokens[ti - 1])):
        return False
    return not (tj < len(tokens) and seps[tj] == " " and tokens[tj] in window.demonyms)


def not_the_place(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a place's name, names something else there: the water after a noun
    of :data:`WATER_NOUNS` (one space before, its proclitics off: في نهر النيجر), a
    phrase of :data:`NOT_A_PLACE_BEFORE` (القائم بأعمال السفارة) or of
    :data:`NOT_A_PLACE_AFTER` (قبيل المغرب), or a news outlet before a word of
    :data:`OUTLET_AFTER` (one space between: صحيفة نيويورك تايمز)."""
    if hit.alias.entry.type != "place":
        return False
    tokens, seps, ti, tj = window.tokens, window.seps, hit.ti, hit.tj
    if (
        ti
        and seps[ti] == " "
        and any(form in WATER_NOUNS for form, _ in strip_forms(tokens[ti - 1]))
    ):
        return True
    if tj < len(tokens) and seps[tj] == " " and tokens[tj] in OUTLET_AFTER:
        return True  # واشنطن بوست: the newspaper
    before = NOT_A_PLACE_AFTER.get(tokens[ti][hit.cut :]) if tj == ti + 1 else None
    if before is not None and not before.isdisjoint(forms_before(ti, window)):
        return True  # قبيل المغرب: the sunset prayer
    after = NOT_A_PLACE_BEFORE.get(tokens[ti][hit.cut :]) if tj == ti + 1 else None
    return after is not None and tj < len(tokens) and seps[tj] == " " and tokens[tj] in after


#: Ranks (:data:`~._morphology.RANKS`) and honorifics, written with the article right before
#: a place's name, show the name to be a person's: العقيد صلاح الدين محمد سعيد is a colonel,
#: not the governorate of Salah ad-Din.
PERSON_BEFORE: Final = RANKS | HONORIFICS


#: Nouns of a court, a prosecution or a court's docket that a security body's name completes
#: in construct (محكمة أمن الدولة، نيابة أمن الدولة العليا، جنايات أمن الدولة العليا, the
#: state security felonies docket), normalized, without the article.
JUDICIAL_NOUNS: Final = frozenset({"محكمه", "محاكم", "نيابه", "نيابات", "جنايات", "جنح"})
#: Nouns of a court's chamber (normalized): before أمن الدولة and a court named right after
#: it (في or ب, and محكمة), a chamber of that court (دائرة أمن الدولة في المحكمة الاتحادية
#: العليا), not the agency; before another body's name, or no court, a department (دائرة
#: المخابرات العامة، دائرة الشرطة القضائية في المحكمة).
CHAMBER_NOUNS: Final = frozenset({"دائره", "دوائر"})
#: The name a court's chamber bears (normalized words): state security.
CHAMBER_NAME: Final = ("امن", "الدوله")
#: The words that name a court right after a chamber's name, after في (normalized).
COURT_WORDS: Final = frozenset({"المحكمه", "محكمه"})


def forms_before(ti: int, window: Window) -> list[str]:
    """The word right before word *ti* (one space between) and its forms with the
    proclitics off (بمحافظة، والعقيد); none at the start of the text or after other
    separators."""
    if ti <= 0 or window.seps[ti] != " ":
        return []
    return [form for form, _ in strip_forms(window.tokens[ti - 1])]


def in_a_court(hit: Hit, window: Window) -> bool:
    """Whether *hit*, an agency's name, completes the name of a court or a prosecution there:
    one space after a judicial noun (:data:`JUDICIAL_NOUNS`, proclitics off) and with no
    proclitic of its own (محكمة أمن الدولة is Jordan's State Security Court, نيابة أمن الدولة
    العليا Egypt's Supreme State Security Prosecution, neither the agency), or أمن الدولة
    after a chamber's noun with a court named right after it (:data:`CHAMBER_NOUNS`)."""
    if hit.cut or hit.alias.entry.type != "agency":
        return False
    before = forms_before(hit.ti, window)
    if not JUDICIAL_NOUNS.isdisjoint(before):
        return True
    return (
        not CHAMBER_NOUNS.isdisjoint(before)
        and tuple(window.tokens[hit.ti : hit.tj]) == CHAMBER_NAME
        and _court_after(hit.tj, window)
    )


def _court_after(tj: int, window: Window) -> bool:
    """Whether a court is named right after word *tj*: في المحكمة or في محكمة, بالمحكمة or
    بمحكمة (one space before each word)."""
    tokens, seps = window.tokens, window.seps
    if tj >= len(tokens) or seps[tj] != " ":
        return False
    if tokens[tj] == "في":
        return tj + 1 < len(tokens) and seps[tj + 1] == " " and tokens[tj + 1] in COURT_WORDS
    return tokens[tj] in ("بالمحكمه", "بمحكمه")


#: Nouns of a building, a place of study, a prize or the like (normalized, without the
#: article), whose name a person's name completes in construct: مبنى الشيخ نواف، مطار الملك
#: خالد، جائزة نايف name the building, the airport and the prize, not the person.
NAMED_AFTER_NOUNS: Final = frozenset(
    {"مبني", "مسجد", "جامع", "مستشفي", "شارع", "جائزه", "مطار", "ميناء", "قاعده", "قاعه"}
    | {"ملعب", "استاد", "جسر", "مركز", "مؤسسه", "مدينه"}
)
#: Nouns of a bank or a company (normalized, without the article), whose name any name
#: completes in construct: بنك الكويت الوطني، مصرف ليبيا المركزي، شركة مصر للطيران name the
#: banks and the airline.  (مكتبة, a library, and نادي, a club, fold as مكتبه, his office, and
#: نادى, he called for, do: مكتبة الإسكندرية stays Alexandria.)
COMPANY_NOUNS: Final = frozenset({"بنك", "مصرف", "شركه"})
#: Nouns of a place of study or a news outlet (normalized, without the article), whose name
#: any name completes in construct: أكاديمية قطر للقادة، جامعة بغداد، تلفزيون سوريا، صحيفة
#: الرياض name the academy, the university, the channel and the paper, not the place; and
#: those of :data:`COMPANY_NOUNS`.
INSTITUTION_NOUNS: Final = (
    frozenset({"مدرسه", "مدارس", "اكاديميه", "كليه", "جامعه", "معهد"})
    | OUTLET_NOUNS
    | COMPANY_NOUNS
)


#: The second word of a news outlet's noun of two words (normalized, without the article),
#: and the first words it follows: وكالة أنباء الإمارات، شبكة أنباء العراق، موقع أخبار ليبيا
#: name the agency, the network and the site, not the place.
NEWS_WORDS: Final = frozenset({"انباء", "اخبار"})
NEWS_HEADS: Final = frozenset({"وكاله", "شبكه", "موقع", "مركز", "بوابه"})


#: A news agency's noun (normalized) and the word that ends its name after the place it is
#: named after: وكالة السودان للأنباء، وكالة تونس إفريقيا للأنباء.
AGENCY_NOUN: Final = "وكاله"
AGENCY_END: Final = "للانباء"


def in_a_news_agency(ti: int, tj: int, tokens: Sequence[str], seps: Sequence[str]) -> bool:
    """Whether words *ti* to *tj* stand between وكالة (a proclitic on it or none) and
    للأنباء, one space apart each, with at most one word more on one side: the name of a
    news agency named after its country (وكالة السودان للأنباء، وكالة المغرب العربي
    للأنباء، وكالة تونس إفريقيا للأنباء), not a mention of the place."""
    if AGENCY_END not in tokens[tj : tj + 2]:
        return False  # the usual case, at once
    for a in (ti - 1, ti - 2):
        if a < 0 or any(seps[k] != " " for k in range(a + 1, ti + 1)):
            continue
        if all(form != AGENCY_NOUN for form, _ in strip_forms(tokens[a])):
            continue
        for b in (tj, tj + 1):
            if (b - tj) + (ti - a) > 2 or b >= len(tokens):
                continue
            if tokens[b] == AGENCY_END and all(seps[k] == " " for k in range(tj, b + 1)):
                return True
    return False


def in_an_institution(hit: Hit, window: Window) -> bool:
    """Whether *hit* completes the name of a building, a place of study, a prize, a news
    outlet, a bank or a company there: one space after the noun of one in
    construct (without the article, proclitics off) and with no proclitic of its own. Any
    name after the noun of a place of study, an outlet or a company (:data:`INSTITUTION_NOUNS`,
    or one of :data:`NEWS_WORDS` after one of :data:`NEWS_HEADS`: وكالة أنباء الإمارات); a
    person's after a building's, a prize's or the like (:data:`NAMED_AFTER_NOUNS`: مطار صنعاء
    is still Sanaa's airport, in Sanaa)."""
    forms = [] if hit.cut else forms_before(hit.ti, window)
    if not INSTITUTION_NOUNS.isdisjoint(forms):
        return True
    if not hit.cut and in_a_news_agency(hit.ti, hit.tj, window.tokens, window.seps):
        return True
    if not NEWS_WORDS.isdisjoint(forms) and not NEWS_HEADS.isdisjoint(
        forms_before(hit.ti - 1, window)
    ):
        return True
    return hit.alias.entry.type == "person" and not NAMED_AFTER_NOUNS.isdisjoint(forms)


#: Nouns of a security force or of its operations (normalized, without the article) whose
#: local unit a place's name completes in construct after a unit's head (:data:`UNIT_HEADS`):
#: مديرية أمن محافظة مبارك الكبير، مدير أمن بنغازي، قيادة عمليات البصرة. A police force's
#: noun needs no head (شرطة الشارقة، قيادة شرطة محافظة الداخلية).
UNIT_FORCES: Final = frozenset({"امن", "عمليات", "مباحث", "مخابرات", "استخبارات"})
#: Nouns of a police force (normalized, without the article) whose local unit a place's name
#: completes with no head before: شرطة الشارقة، أسايش إقليم كردستان، مباحث الزلفي (a criminal
#: investigations unit).
POLICE_FORCES: Final = frozenset({"شرطه", "اسايش", "مباحث"})
#: Nouns of a local unit or of its head (normalized, without the article) that a force's
#: noun of :data:`UNIT_FORCES` follows in a unit's name (ولاية أمن الدار البيضاء is
#: Casablanca's police prefecture and والي أمن وجدة the head of Oujda's, مكتب مخابرات
#: الرصيفة an intelligence office; the duals قيادتي، مديريتي، إدارتي too: قيادتي عمليات الجزيرة
#: والأنبار).
UNIT_HEADS: Final = frozenset(
    {"مديريه", "مديريات", "مدير", "مديرا", "مديري", "قياده", "قيادات", "قائد", "قائدا"}
    | {"اداره", "ادارات", "فرع", "مكتب", "ولايه", "والي", "دائره"}
    | {"قيادتي", "مديريتي", "ادارتي"}
)
#: Nouns of a division (normalized, as written: no article, no proclitic) that may stand
#: between a unit's force and the place whose name the unit bears, when the place's own
#: name lacks the noun: مدير مخابرات إقليم بنادر, شرطة ولاية الخرطوم.
UNIT_DIVISIONS: Final = DIVISION_SINGULARS
#: Ordinals of a police station (normalized) that a place's name follows after قسم: قسم
#: ثان شبرا الخيمة is Shubra el-Kheima's second police station.
STATION_ORDINALS: Final = frozenset({"اول", "ثان", "ثاني", "ثالث", "رابع"})
#: The words before a police station's ordinal (normalized): قسم (قسم ثان شبرا الخيمة) and
#: شرطة (مركز شرطة ثالث العريش, al-Arish's third police station).
STATION_HEADS: Final = frozenset({"قسم", "شرطه"})


#: Nouns of a military formation or base (normalized, without the article) that a place's
#: name names, with or without quotes: فيلق "كربلاء" is a corps of Iran's Revolutionary
#: Guard, مقر القدس one of its bases, neither the city; كتائب جنين (the plural, brigades)
#: and سرايا (companies) name armed groups after their town.
FORMATION_NOUNS: Final = frozenset({"فيلق", "كتيبه", "كتائب", "سريه", "سرايا", "فوج", "مقر"})
#: The adjective (normalized) after منطقة and a place's name that makes the three words a
#: military region's name (منطقة البحر الأحمر العسكرية، منطقة دمشق العسكرية).
MILITARY_REGION_AFTER: Final = "العسكريه"
#: Opening quotation marks that may stand, after a space, between a noun and the name it is
#: given (فيلق "كربلاء").
OPEN_QUOTES: Final = frozenset('"“«')
#: An opening bracket may stand the same way before a list of names (محافظات (بابل، النجف)).
OPENERS: Final = OPEN_QUOTES | {"("}


#: Nouns of an armed movement (normalized, without the article) that head its name: in
#: construct before تحرير (جبهة تحرير بلوشستان، حركة تحرير السودان، جيش تحرير بلوشستان), or
#: with the article and perhaps adjectives before لتحرير (الحركة الوطنية لتحرير أزواد).
MOVEMENT_NOUNS: Final = frozenset(
    {"جبهه", "حركه", "جيش", "هيئه", "منظمه", "قوات", "الويه", "لواء", "كتائب", "كتيبه"}
)
#: The words between a movement's noun and a place that make the place part of its name,
#: in construct: تحرير (liberation: جبهة تحرير بلوشستان) and درع (shield: قوات درع ليبيا).
NAME_WORDS: Final = frozenset({"تحرير", "درع"})
#: How many words before لتحرير the movement's noun may stand (adjectives between:
#: الجبهة الشعبية الديمقراطية لتحرير فلسطين).
MOVEMENT_REACH: Final = 3


def in_a_movement(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a place's name with no proclitic, completes an armed movement's name
    (one space between each word): right after تحرير or درع (:data:`NAME_WORDS`) that
    follows a movement's noun (:data:`MOVEMENT_NOUNS`, proclitics off) in construct, with no
    article (جبهة تحرير بلوشستان، قوات درع ليبيا); or right after لتحرير with such a noun,
    with the article or without, at most :data:`MOVEMENT_REACH` words before it and only
    adjectives with the article between
    (الحركة الوطنية لتحرير أزواد).  A noun with the article before تحرير is the subject of a
    sentence, not a name: أعلن الجيش تحرير الموصل and أعلن الجيش العراقي تحرير الموصل name
    the city, as معركة تحرير الموصل does.  A movement the data has is matched whole first
    (جيش تحرير بلوشستان)."""
    ti, tokens, seps = hit.ti, window.tokens, window.seps
    if hit.cut or hit.alias.entry.type != "place" or ti < 2 or seps[ti] != " ":
        return False
    if seps[ti - 1] != " ":
        return False
    if tokens[ti - 1] in NAME_WORDS:
        return any(form in MOVEMENT_NOUNS for form, _ in strip_forms(tokens[ti - 2]))
    if tokens[ti - 1] != "لتحرير":
        return False
    for k in range(ti - 2, max(-1, ti - 2 - MOVEMENT_REACH), -1):
        if any(form.removeprefix("ال") in MOVEMENT_NOUNS for form, _ in strip_forms(tokens[k])):
            return True
        if not has_article(tokens[k]) or k == 0 or seps[k] != " ":
            return False  # only adjectives between: الجبهة الشعبية لتحرير
    return False


def forms_before_quoted(ti: int, window: Window) -> list[str]:
    """:func:`forms_before`, also where an opening quote or bracket (:data:`OPENERS`)
    follows the space: the word before a name given in quotes, or before a list of names
    in brackets."""
    if ti <= 0:
        return []
    sep = window.seps[ti]
    if sep != " " and not (sep[:1] == " " and sep[1:] in OPENERS):
        return []
    return [form for form, _ in strip_forms(window.tokens[ti - 1])]


def in_a_unit(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a place's name with no proclitic of its own, completes the name of a
    local security unit or a military formation there: after a formation's noun
    (:data:`FORMATION_NOUNS`, proclitics off; one space, and perhaps an opening quote:
    فيلق "كربلاء"، مقر القدس), one space after the noun of a police force
    (:data:`POLICE_FORCES`, proclitics off: لشرطة محافظة الداخلية، أسايش إقليم كردستان), after
    a police station's ordinal after قسم or شرطة (:data:`STATION_ORDINALS`: قسم ثان شبرا
    الخيمة، مركز شرطة ثالث العريش),
    between منطقة and العسكرية (:data:`MILITARY_REGION_AFTER`: منطقة دمشق العسكرية), or
    after the noun of a force's security, operations or intelligence (:data:`UNIT_FORCES`)
    that itself follows a unit's head (:data:`UNIT_HEADS`: مديرية أمن محافظة مبارك الكبير،
    مدير أمن بنغازي، قيادة عمليات البصرة); a division's noun (:data:`UNIT_DIVISIONS`) may stand
    between the force and the place (مدير مخابرات إقليم بنادر).  The name is the unit's, not
    the place (الأمن في بنغازي and حفظ أمن البصرة still name the city), and no other name is
    read there."""
    if hit.cut or hit.alias.entry.type != "place":
        return False
    if not FORMATION_NOUNS.isdisjoint(forms_before_quoted(hit.ti, window)):
        return True
    ti = hit.ti
    tokens, seps = window.tokens, window.seps
    if (
        hit.tj < len(tokens)
        and seps[hit.tj] == " "
        and tokens[hit.tj] == MILITARY_REGION_AFTER
        and "منطقه" in forms_before(ti, window)
    ):
        return True  # قائد منطقة البحر الأحمر العسكرية: a military region's name
    if ti > 0 and window.seps[ti] == " " and window.tokens[ti - 1] in UNIT_DIVISIONS:
        ti -= 1  # مدير مخابرات إقليم بنادر: the division's noun is the unit's name too
    forms = forms_before(ti, window)
    if not POLICE_FORCES.isdisjoint(forms):
        return True
    if not STATION_ORDINALS.isdisjoint(forms):  # قسم ثان شبرا الخيمة، مركز شرطة ثالث العريش
        return not STATION_HEADS.isdisjoint(forms_before(ti - 1, window))
    if UNIT_FORCES.isdisjoint(forms):
        return False
    return not UNIT_HEADS.isdisjoint(forms_before(ti - 1, window))


def unit_heads_before(
    hit: Hit, window: Window, heads: Collection[tuple[str, ...]], longest: int
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The heads of *heads* (a local unit's head words, normalized) that stand right before
    the place's name *hit*, longest first: (the head's first word, the letters of a proclitic
    cut from that word, the head's words).  One space between the words and before the place;
    the first word may carry a proclitic (بولاية أمن طنجة: ب, then the unit's name); the
    head's last word may be the first word of a place's name of two words or more (شرطة منطقة
    الرياض, where the name is منطقة الرياض; أمن ولاية وهران)."""
    tokens, seps = window.tokens, window.seps
    ti = hit.ti
    if ti <= 0 or seps[ti] != " ":
        return []
    own = (tokens[ti][hit.cut :],) if hit.tj > ti + 1 else ()
    found = []
    for n in range(min(longest, ti), 0, -1):
        first = ti - n
        if any(seps[k] != " " for k in range(first + 1, ti + 1)):
            continue  # a separator inside: a shorter head may still stand after it
        rest = tuple(tokens[first + 1 : ti])
        for form, cut in strip_forms(tokens[first]):
            for key in ((form, *rest), (form, *rest, *own)) if own else ((form, *rest),):
                if key in heads:
                    found.append((first, cut, key))
    return found


#: Directions (normalized) that may stand after a local unit's head in place of a place's
#: name: an army's regional command (المنطقة العسكرية الشمالية).  Two may follow one another
#: (المنطقة العسكرية الشمالية الغربية).
UNIT_DIRECTIONS: Final = frozenset({"الشماليه", "الجنوبيه", "الشرقيه", "الغربيه", "الوسطي"})
#: Ordinals and directions (normalized) that may stand after a local unit's head in place
#: of a place's name: an army's numbered regional commands (الناحية العسكرية الخامسة) and
#: the directions of :data:`UNIT_DIRECTIONS`.
UNIT_NUMBERS: Final = UNIT_DIRECTIONS | frozenset(
    {"الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه"}
    | {"التاسعه", "العاشره", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"}
    | {"السابع", "الثامن", "التاسع", "العاشر"}
)


def numbered_units(
    tokens: Sequence[str],
    seps: Sequence[str],
    heads: Collection[tuple[str, ...]],
    longest: int,
) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """The local units' names made of a head of *heads* (normalized words, at most
    *longest*) and, one space after it, an ordinal or a direction (:data:`UNIT_NUMBERS`;
    a second direction may follow): (the head's first word, the letters of a proclitic cut
    from it, the word after the name, the head's words), the longest head at each place.
    الناحية العسكرية الخامسة, بالمنطقة العسكرية الشمالية الغربية."""
    found = []
    for at in itertools.compress(range(len(tokens)), map(UNIT_NUMBERS.__contains__, tokens)):
        if not at or seps[at] != " ":
            continue
        end = at + 1
        if (
            tokens[at] in UNIT_DIRECTIONS
            and end < len(tokens)
            and seps[end] == " "
            and tokens[end] in UNIT_DIRECTIONS
        ):
            end += 1  # الشمالية الغربية
        for n in range(min(longest, at), 0, -1):
            first = at - n
            if any(seps[k] != " " for k in range(first + 1, at)):
                continue
            rest = tuple(tokens[first + 1 : at])
            heads_here = [
                (cut, head)
                for form, cut in strip_forms(tokens[first])
                if (head := (form, *rest)) in heads
            ]
            if heads_here:
                cut, head = heads_here[0]
                found.append((first, cut, end, head))
                break
    return found


#: Words after which a generic security body's name (أمن الدولة، الأمن العام، الأمن الوطني)
#: is the common noun, the state's security or public order, as what is threatened,
#: touched, kept or concerned (normalized): تستهدف أمن الدولة، المساس بأمن الدولة، يتعلق
#: بالأمن الوطني، حفظ الأمن العام.
SECURITY_AS_NOUN_BEFORE: Final = frozenset(
    {"يتعلق", "تتعلق", "المتعلقه", "المتعلق", "متعلقه", "يمس", "تمس", "المساس", "مساس"}
    | {"الماسه", "ماسه", "تستهدف", "يستهدف", "استهداف", "تهدد", "يهدد", "تهديد", "زعزعه"}
    | {"العبث", "الاضرار", "اضرار", "الاخلال", "اخلال", "حفظ", "حمايه", "صون", "ضد"}
    | {"تهديدا", "تهديدات", "استقرار", "يخل", "تخل", "يضر", "تضر", "صيانه"}
    | {"تعزيز", "تعزيزا", "لتعزيز", "ضمان", "لضمان"}
)
#: Words after which على before a generic security body's name makes it the common noun
#: (normalized): حفاظا على الأمن العام، خطرا على أمن الدولة، حرصا على الأمن الوطني.
SECURITY_AS_NOUN_BEFORE_ALA: Final = frozenset(
    {"حفاظا", "الحفاظ", "حفاظ", "حرصا", "الحرص", "خطرا", "خطر", "خطوره", "خطورتها", "خطورته"}
)


def security_as_a_noun(ti: int, window: Window) -> bool:
    """Whether the generic name that word *ti* begins is the common noun there: one space
    after a word of :data:`SECURITY_AS_NOUN_BEFORE` (proclitics off), or after على that
    follows one of :data:`SECURITY_AS_NOUN_BEFORE_ALA` (one space apart each: حفاظا على الأمن
    العام)."""
    forms = forms_before(ti, window)
    if not SECURITY_AS_NOUN_BEFORE.isdisjoint(forms):
        return True
    # (على folds to علي)
    return ALI in forms and not SECURITY_AS_NOUN_BEFORE_ALA.isdisjoint(forms_before(ti - 1, window))


def after_a_rank(hit: Hit, window: Window) -> bool:
    """Whether *hit*, a place's name, follows a rank or an honorific written with the
    article (:data:`PERSON_BEFORE`; one space before, its proclitics off: والعقيد): then the
    name is a person's."""
    ti = hit.ti
    if hit.alias.entry.type != "place" or not ti or window.seps[ti] != " ":
        return False
    return any(
        form[:2] == "ال" and form[2:] in PERSON_BEFORE
        for form, _ in ((window.tokens[ti - 1], 0), *strip_forms(window.tokens[ti - 1]))
    )


def division_nouns_before(ti: int, window: Window) -> frozenset[str]:
    """The nouns of an administrative division (:data:`DIVISION_NOUNS`) that the word before
    the list of places that word *ti* begins an item of is (one space between, and perhaps
    an opening quote or bracket: :func:`list_head`), its proclitics off (بمحافظة، محافظتي);
    empty when it is none.  A place's name after one names the division, not a town inside
    one (محافظة القطيف، محافظتي صلاح الدين وكركوك); after a wilaya's (``WILAYA_NOUNS``) a
    governorate of a state without wilayas is none (ولاية صلاح الدين)."""
    return DIVISION_NOUNS.intersection(forms_before_quoted(list_head(ti, window), window))


def after_a_region_noun(ti: int, window: Window) -> bool:
    """Whether the word before the list of places that word *ti* begins an item of
    (:func:`list_head`, one space between, and perhaps an opening quote or bracket) is a
    region's noun (:data:`REGION_NOUNS`), its
    proclitics off (بمنطقة، منطقتي)."""
    return not REGION_NOUNS.isdisjoint(forms_before_quoted(list_head(ti, window), window))


def after_a_ruler_noun(ti: int, window: Window) -> bool:
    """Whether the word before the list of places that word *ti* begins an item of (as for
    :func:`after_a_region_noun`) is a ruler's title or an emirate's noun (:data:`RULER_NOUNS`:
    حاكم الشارقة، بإمارة الشارقة), its proclitics off."""
    return not RULER_NOUNS.isdisjoint(forms_before_quoted(list_head(ti, window), window))


def after_a_countryside_noun(ti: int, window: Window) -> bool:
    """Whether the word before the list of places that word *ti* begins an item of (as for
    :func:`after_a_region_noun`) is a countryside's noun (:data:`COUNTRYSIDE_NOUNS`: ريف حلب
    وإدلب، بريف دير الزور), its proclitics off."""
    return not COUNTRYSIDE_NOUNS.isdisjoint(forms_before_quoted(list_head(ti, window), window))


def in_a_mission(hit: Hit, window: Window) -> bool:
    """Whether *hit*, an organisation's name, completes the name of one of its missions or
    forces: one space after a noun of :data:`MISSION_NOUNS` (proclitics off), with no
    proclitic of its own (بعثة الأمم المتحدة، لقوات الأمم المتحدة)."""
    return (
        not hit.cut
        and hit.alias.entry.type == "organization"
        and not MISSION_NOUNS.isdisjoint(forms_before(hit.ti, window))
    )


def is_city_cue(word: str) -> bool:
    """Whether *word*, its proclitics off (بالعاصمة), is a city's cue (:data:`CITY_CUES`)."""
    return any(form in CITY_CUES for form, _ in strip_forms(word))


def is_dateline(ti: int, tj: int, window: Window) -> bool:
    """Whether the name in words *ti* to *tj* begins a line (or the text) and is followed
    by a dash or a bracket, or by a number after a space or a comma and a space: a
    dateline, which names a city (عمان 21 كانون الثاني (بترا) is Amman; تونس - (كونا) Tunis;
    الجزائر، 20 يناير (إفي) Algiers)."""
    tokens, seps = window.tokens, window.seps
    if (ti and "\n" not in seps[ti]) or tj >= len(tokens):
        return False
    after = seps[tj].strip()
    return after[:1] in DATELINE_MARKS or (
        seps[tj] in DATELINE_BEFORE_NUMBER and tokens[tj].isdigit()
    )


#: What between a city's cue and the name cuts the name off from it (:func:`_cue_attached`):
#: a line break, a comma, a semicolon, the end of a sentence.
CUE_BREAKS: Final = frozenset("\n،,؛;.!?؟")


def _cue_attached(head: int, hit: Hit, window: Window) -> bool:
    """Whether the word before word *head* (the first item of the list of places *hit* is an
    item of) may be its cue: on the same line, with no mark that ends a clause or separates a
    list's items between (:data:`CUE_BREAKS`: أحب مدينتي، طرطوس is "my city", then Tartus; a
    colon, a dash or a quote may stand there: مدن: حمص وحماة), and no conjunction و on the
    name itself (بين العاصمة وطرطوس: the capital and Tartus)."""
    if not CUE_BREAKS.isdisjoint(window.seps[head]):
        return False
    return not (head == hit.ti and hit.cut and window.tokens[head][0] == "و")


def city_cue(
    group: Sequence[Hit], window: Window, towns: frozenset[str], divisions: frozenset[str]
) -> tuple[list[Hit], Evidence] | None:
    """The hits of *group* that name a city, and why, when a cue says a city is meant and
    the group has other places too: a dateline (:func:`is_dateline`), a city's cue word
    (العاصمة، مدينة، مدن …) right before the name or the list of places it is an item of
    (:func:`list_head`), or the word العاصمة right after the name, one space between (تونس
    العاصمة: the city of Tunis, not the country).  The city is a town (a place inside a
    place inside another, not named as a division: a governorate inside a region is no
    town) if the group has one,
    else a place inside a country that is not named as a division (*divisions*: the capital
    of a country of the same name, كركوك the city, not the governorate)."""
    places = [h for h in group if h.alias.entry.type == "place"]
    keep = [
        h for h in places if h.alias.entry.id in towns and h.alias.entry.id not in divisions
    ] or [
        h for h in places if h.alias.entry.part_of is not None and h.alias.entry.id not in divisions
    ]
    if not keep or len(keep) == len(group):
        return None
    ti, tokens = group[0].ti, window.tokens
    if is_dateline(ti, group[0].tj, window):
        return keep, Evidence("dateline", tokens[ti])
    head = list_head(ti, window)
    if head and _cue_attached(head, group[0], window) and is_city_cue(tokens[head - 1]):
        return keep, Evidence("cue", tokens[head - 1])
    tj = group[0].tj
    if tj < len(tokens) and window.seps[tj] == " " and tokens[tj] == CAPITAL_AFTER:
        return keep, Evidence("cue", CAPITAL_AFTER)  # تونس العاصمة, الجزائر العاصمة
    return None
