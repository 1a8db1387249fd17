"""Dated facts, held out: does the shipped data say who held a post on a date?

Issue 9 measures the officials gazetteer as an analyst uses it: "who was
Jordan's interior minister on 2014-03-02?"  ``heldout/facts/quiz.jsonl`` is a
quiz of such facts that helpers wrote from public sources without reading the
data (the method is in ``heldout/README.md``, the draw in ``draw.jsonl``).
Its questions are random: a country
(the 22 Arab League states, the other states the issue names, or an
international body), one of the issue's posts and a day from 2010 to 2026,
drawn with a fixed seed; a question whose country had no such post is dropped,
and one that no page settled is kept apart as ``unconfirmed``.

For each answered question this script asks the shipped data, without the
quiz's help, whether the person who held the post on that day (any of them,
when two governments each named one) held it there:

``right``
    the person has an entry (found by reading the quiz's Arabic spelling with
    the default ``Matcher``, or its English name folded to lower-case letters)
    and one of the roles the entry places on that day is of that post: its
    English title is of the post's kind (``POSTS``) and it is held in that
    country (the role's organisation's country, or the entry's).
``no role that day``
    the person has an entry, but no role of that post on that day: the role
    is missing, or its dates do not cover the day.
``no entry``
    the data has no entry for the person.

``other holder`` counts, among the questions not answered ``right``, those on
which the data places someone else in a single-holder post (head of state or
of government, a minister) that day: a claim the quiz says is false, worse
than a gap.

The figures are out of sample only for the data released before the quiz was
written (:data:`WRITTEN_AGAINST`, per round, ``in_sample`` in the output); a later release
may have added a person or a role the quiz showed missing, which makes a later
run partly in sample, as for the held-out passages.

Run from the repository root::

    python benchmarks/bench_facts.py            # print the table
    python benchmarks/bench_facts.py --list     # and every question not right
    python benchmarks/bench_facts.py --save     # also write results/facts.json
    python benchmarks/bench_facts.py --officials 2.22.0   # a round's first run
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import arnorm
from arnorm import Entry, Gazetteer, Matcher, load_gazetteer, normalize

HERE = Path(__file__).resolve().parent
QUIZ = HERE / "heldout" / "facts" / "quiz.jsonl"
DEFAULT_OUTPUT = HERE / "results" / "facts.json"
#: The officials release that was the latest when each round of the quiz was written: a
#: round's run on it is out of sample, a run on a later release partly in sample (round 1
#: found gaps that officials 2.23.0 filled; round 2 was written after that release, round 3
#: after 2.25.0, round 4 while 2.26.0 was researched, from the coverage page, not the quiz;
#: round 5 while 2.28.0 and 2.29.0 were researched, from stale open roles and the coverage
#: page, not the quiz; round 6 while 2.30.0 was researched, round 7 while 2.32.0 was, both
#: from the coverage scan, not the quiz; round 8 after 2.33.0).
WRITTEN_AGAINST = {
    1: "2.22.0",
    2: "2.23.0",
    3: "2.25.0",
    4: "2.26.0",
    5: "2.29.0",
    6: "2.29.0",
    7: "2.31.0",
    8: "2.33.0",
    9: "2.35.0",
    10: "2.36.0",
    11: "2.38.0",
    12: "2.39.0",
    13: "2.40.0",
    14: "2.41.0",
    15: "2.42.0",
    16: "2.43.0",
    17: "2.44.0",
    18: "2.46.0",
}
ARAB_LEAGUE = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
    ]
)

#: A minister's deputies and aides, not the minister: a deputy prime minister who is also
#: minister of the interior is the minister.
MINISTERS_AIDES = r"(deputy|vice|assistant|under)[- ]?(minister|secretary)|under-secretary"
#: What makes a role's English title one of the issue's posts.  A title is of a
#: post when ``include`` finds it and ``exclude`` does not (both case-blind).
#: Broad on purpose: the person must still be the quiz's holder, in the
#: question's country, on the question's day.
POSTS: dict[str, tuple[str, str | None]] = {
    "head of state": (
        r"\b(president|king|queen|emir|amir|sultan|supreme leader|head of state)\b"
        r"|chair(man|person)? of the (presidential|sovereign|transitional|supreme)",
        r"prime|vice|deputy|council of ministers|government|parliament|assembly|senate"
        r"|court|interpol|commission|intelligence|security|police|party|congress|league",
    ),
    "head of government": (
        r"prime minister|premier|chancellor|head of (the )?government"
        r"|president of the (council of ministers|government)|chairman of the council of ministers",
        # a deputy's title, not a vice-president's who is also prime minister (the UAE's)
        r"(deputy|vice)[- ]?(prime|premier|chancellor|head|president of the (council|government))",
    ),
    "crown prince or designated successor": (r"crown prince|heir", r"deputy crown"),
    "minister of interior": (
        r"(minister|secretary)\b.*\b(interior|home|homeland|internal (affairs|security)"
        r"|public security)"
        r"|home secretary",
        MINISTERS_AIDES + r"|state for (?!the home)",
    ),
    "minister of defence": (
        r"(minister|secretary)\b.*\bdefen[cs]e|minister of the armed forces",
        MINISTERS_AIDES,
    ),
    "minister of foreign affairs": (
        r"(minister|secretary)\b.*\b(foreign|external affairs)|foreign secretary"
        r"|secretary of state(?! for)",
        MINISTERS_AIDES,
    ),
    "national security adviser": (
        r"national security advis|security council|national security bureau",
        r"deputy|vice|assistant",
    ),
    "head of the (foreign or general) intelligence service": (
        r"intelligence|secret service|security service|mossad|dgse|external security"
        r"|documentation|state security",
        r"deputy|vice|assistant|minister of defen[cs]e|military intelligence",
    ),
    "head of state security or domestic intelligence": (
        r"intelligence|security|investigation|protection of the constitution|surveillance"
        r"|dgsi|dgst|fsb|shin bet|shabak",
        r"deputy|vice|assistant|minister|council",
    ),
    "head of the national police (or public security)": (
        r"police|public security|national security|internal security forces|general security"
        r"|s[uû]ret[eé]",
        r"deputy|vice|assistant|minister",
    ),
    "head of the gendarmerie or national guard": (
        r"gendarmerie|national guard|carabinieri|guardia civil|armed police|rosgvardia",
        r"deputy|vice|assistant",
    ),
    "head of the counter-terrorism service": (
        r"counter[- ]?terror|anti[- ]?terror|terrorism",
        r"deputy|vice|assistant",
    ),
    # International bodies (country INTL): the body's name must be in the title.
    "UN Secretary-General": (
        r"secretary[- ]general of the united nations|^un secretary",
        r"deputy|under|special",
    ),
    "head of the UN Office of Counter-Terrorism (UNOCT)": (r"counter[- ]terrorism", r"deputy"),
    "Executive Director of UNODC": (r"unodc|drugs and crime", r"deputy"),
    "Interpol Secretary General": (r"interpol", r"president|vice"),
    "Interpol President": (r"president.*interpol", r"vice"),
    "Executive Director of Europol": (r"europol", r"deputy"),
    "Executive Director of AFRIPOL": (r"afripol", r"deputy"),
    "Secretary-General of the Arab League": (
        r"league of arab states|arab league",
        r"deputy|assistant",
    ),
    "Secretary-General of the Council of Arab Interior Ministers": (
        r"council of arab (interior|ministers of the interior)|arab interior ministers",
        r"deputy|assistant",
    ),
    "Secretary-General of the GCC": (r"gulf cooperation council|\bgcc\b", r"deputy|assistant"),
    "Chairperson of the African Union Commission": (
        r"chair(person|man)? of the (african union|au) commission",
        r"deputy",
    ),
    "Secretary-General of the OIC": (
        r"\boic\b|organi[sz]ation of (the )?islamic cooperation",
        r"deputy|assistant",
    ),
    "Secretary General of NATO": (r"\bnato\b|north atlantic", r"deputy|commander"),
    "EU High Representative for Foreign Affairs and Security Policy": (
        r"high representative",
        r"deputy|special",
    ),
}
#: Posts that one person holds at a time, for the ``other holder`` count.
SINGLE_HOLDER = frozenset(
    [
        "head of state",
        "head of government",
        "minister of interior",
        "minister of defence",
        "minister of foreign affairs",
    ]
)


def fold_latin(name: str) -> str:
    """An English name as lower-case ASCII letters only (``Abdel-Fattah al-Sisi`` gives
    ``abdelfattahalsisi``)."""
    text = unicodedata.normalize("NFKD", name).casefold()
    return "".join(ch for ch in text if "a" <= ch <= "z")


#: Words of an English name that one spelling writes and another drops: particles
#: (``al``, ``bin``), styles and ranks (``King Felipe VI``, ``Lt. Gen. Sheikh``).
#: Particles, dropped wherever they stand.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ed",
        "as",
        "es",
        "ash",
        "at",
        "az",
        "an",
        "bin",
        "ben",
        "ibn",
        "ould",
        "bint",
    ]
)
#: Titles and styles, dropped before the first word of the name only: after it, a word such
#: as Sultan is a name (Salman bin Sultan is not King Salman).
TITLES = frozenset(
    [
        "king",
        "queen",
        "sheikh",
        "shaikh",
        "sheikha",
        "moulay",
        "prince",
        "crown",
        "emir",
        "sultan",
        "president",
        "dr",
        "lt",
        "gen",
        "general",
        "maj",
        "col",
        "brig",
        "field",
        "marshal",
        "admiral",
        "sir",
        "mr",
        "mrs",
        "his",
        "her",
        "highness",
        "majesty",
        "royal",
    ]
)


def latin_words(name: str) -> list[str]:
    """The words of an English name, folded to lower-case letters, without its
    :data:`PARTICLES`, the :data:`TITLES` before its first word, and what is in brackets, a
    letter written twice in a row written once (a transliteration writes a long vowel or a
    shadda, another does not: ``Yaacoub Sarraf`` and ``Yacoub Sarraf`` give ``yacoub
    saraf``)."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFKD", name).casefold())
    folded = ("".join(ch for ch in w if "a" <= ch <= "z") for w in re.split(r"[\s\-‐'’.,]+", text))
    words: list[str] = []
    for w in folded:
        if w and w not in PARTICLES and (words or w not in TITLES):
            words.append(re.sub(r"(.)\1+", r"\1", w))
    return words


def consonants(word: str) -> str:
    """*word* (of :func:`latin_words`) without its vowels after the first letter: the part
    of a transliteration that its spellings share (``fiqi`` and ``faqi`` give ``fq``)."""
    return word[:1] + re.sub("[aeiouy]", "", word[1:])


def fold_latin_short(name: str) -> str:
    """:func:`fold_latin` of :func:`latin_words` (``Lt. Gen. (Dr.) Sheikh Mohammed bin
    Abdullah Al Khalifa`` gives ``mohammedabdullahkhalifa``)."""
    return "".join(latin_words(name))


@dataclass(frozen=True)
class Verdict:
    n: int
    round: int
    country: str
    post: str
    date: str
    outcome: str
    ids: tuple[str, ...]
    other_holders: tuple[str, ...]
    holders: tuple[str, ...]


class Oracle:
    """The shipped data's answers: who a name is, and which roles they held when."""

    def __init__(self, officials: Gazetteer, bodies: Iterable[Gazetteer]) -> None:
        self.officials = officials
        self.matcher = Matcher([officials], types=["person"])
        self.country_of: dict[str, str | None] = {}
        self.name_of: dict[str, str] = {}
        #: Each body's Arabic name, normalized, and its Latin abbreviations (see
        #: :meth:`holds_body`).
        self.arabic_of: dict[str, str] = {}
        self.abbreviations_of: dict[str, tuple[str, ...]] = {}
        for gazetteer in bodies:
            for entry in gazetteer:
                self.country_of[entry.id] = entry.country
                self.name_of[entry.id] = entry.name_en
                self.arabic_of[entry.id] = normalize(entry.name)
                self.abbreviations_of[entry.id] = tuple(
                    a for a in entry.abbreviations if re.fullmatch(r"[A-Z][A-Z0-9]+", a)
                )
        self.by_latin: dict[str, set[str]] = {}
        #: Each entry's English name as a set of :func:`latin_words`, by its first word
        #: without its vowels after the first letter (:func:`consonants`: Aymen and Aïmene).
        self.by_first: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for entry in officials:
            for key in {fold_latin(entry.name_en), fold_latin_short(entry.name_en)}:
                self.by_latin.setdefault(key, set()).add(entry.id)
            words = latin_words(entry.name_en)
            if len(words) > 1:
                first = consonants(words[0])
                self.by_first.setdefault(first, []).append((entry.id, frozenset(words)))
        self.by_arabic: dict[str, set[str]] = {}  # names of two words or more, normalized
        for entry in officials:
            for name in (entry.name, *entry.aliases):
                key = normalize(name)
                if " " in key:
                    self.by_arabic.setdefault(key, set()).add(entry.id)

    def find(self, name_ar: str | None, name_en: str) -> list[Entry]:
        """The entries the data has for a holder: by the Arabic name read whole, else by the
        English one."""
        ids: list[str] = []
        if name_ar:
            whole = len(name_ar.strip())
            for match in self.matcher.find(name_ar):
                if (
                    match.type == "person"
                    and match.end - match.start >= 0.6 * whole
                    and match.id not in ids
                ):
                    ids.append(match.id)
        if not ids:
            for key in (fold_latin(name_en), fold_latin_short(name_en)):
                for entry_id in sorted(self.by_latin.get(key, ())):
                    if entry_id not in ids:
                        ids.append(entry_id)
        if not ids and name_ar:  # the longest start of the name that is one entry's name
            words = normalize(name_ar).split()
            for end in range(len(words) - 1, 1, -1):
                named = self.by_arabic.get(" ".join(words[:end]), set())
                if len(named) == 1:
                    ids.extend(named)
                    break
        if not ids:  # one entry whose English words all are the quiz's, first word first
            # (the words in brackets too: another spelling or the rest of the name, as in
            # "Fakridine Mahamoud (Mahamoud Fakridine Mradabi)")
            asked = latin_words(name_en)
            asked_all = set(asked) | set(latin_words(re.sub(r"[()]", " ", name_en)))
            candidates = self.by_first.get(consonants(asked[0]) if asked else "", [])
            named = [(entry_id, words) for entry_id, words in candidates if words <= asked_all]
            if not named:  # the same, each word read without its vowels after the first
                # letter: one transliteration writes Fiqi, another Faqi; each word of the
                # entry's its own word of the quiz's (Said Sayoud, sd sd, is not Sidi …)
                bare = Counter(consonants(w) for w in asked_all)
                named = [
                    (entry_id, words)
                    for entry_id, words in candidates
                    if not Counter(consonants(w) for w in words) - bare
                ]
            # several fit: the one whose words hold every other's (Mohammed bin Abdulrahman
            # Al Thani, not a Mohammed Abdulrahman, for "Mohammed bin Abdulrahman bin Jassim
            # Al Thani")
            widest = [(i, w) for i, w in named if all(v <= w for _, v in named)]
            if len(named) == 1 or len(widest) == 1:
                ids.append((widest or named)[0][0])
        found = (self.officials.get(entry_id) for entry_id in ids)
        return [entry for entry in found if entry is not None]

    def holds(self, entry: Entry, post: str, country: str, date: str) -> bool:
        """Whether the data places *entry* in *post* of *country* on *date*."""
        for role in entry.roles_at(date):
            # the title and the body's name: Director General of the DGED, General
            # Directorate for Studies and Documentation
            title = f"{role.title_en or ''} | {self.name_of.get(role.organization or '', '')}"
            # an aside in brackets may say what the post is, but rules out nothing: "King of
            # Saudi Arabia (and Prime Minister)" is a head of state's title
            bare = re.sub(r"\([^)]*\)", " ", title)
            if not (is_of(post, title) or is_of(post, bare)):
                continue
            if country == "INTL":
                return True
            where = self.country_of.get(role.organization or "") or entry.country
            if where == country:
                return True
        return False

    def holds_body(self, entry: Entry, body: str, country: str, date: str) -> bool:
        """Whether the data places *entry*, on *date*, at the very body the quiz took as the
        post (*body*, the quiz's description, which names it: the BCIJ as Morocco's
        counter-terrorism service), in *country*: the body's Arabic or English name is in
        the description, or one of its abbreviations in capitals as a word of it (BCIJ).  The
        English name is taken without what it says in brackets: the country a name gives to
        tell namesakes apart (Ministry of National Security (Israel))."""
        folded, lower = normalize(body), body.lower()
        words = set(re.findall(r"[A-Z][A-Z0-9]+", body))
        for role in entry.roles_at(date):
            org = role.organization or ""
            arabic = self.arabic_of.get(org)
            english = re.sub(r"\s*\([^)]*\)", "", self.name_of.get(org, "")).strip()
            named = (arabic and arabic in folded) or (english and english.lower() in lower)
            if not named and words.isdisjoint(self.abbreviations_of.get(org, ())):
                continue
            if country == "INTL" or (self.country_of.get(org) or entry.country) == country:
                return True
        return False

    def holders(self, post: str, country: str, date: str) -> list[str]:
        """Every entry the data places in *post* of *country* on *date*."""
        return [entry.id for entry in self.officials if self.holds(entry, post, country, date)]


def is_of(post: str, title: str) -> bool:
    """Whether an English *title* is of *post* (:data:`POSTS`): its pattern is found at the
    start of a word, and its exclusions nowhere as whole words (``vice`` is not in
    ``Service``)."""
    include, exclude = POSTS[post]
    if not re.search(rf"\b(?:{include})", title, re.IGNORECASE):
        return False
    return not (exclude and re.search(rf"\b(?:{exclude})\b", title, re.IGNORECASE))


#: The posts of a state (not of an international body), in the order of :data:`POSTS`.
STATE_POSTS = tuple(POSTS)[:12]


def posts_of(title: str) -> list[str]:
    """The posts of a state that an English *title* is of (:data:`POSTS`), what it says in
    brackets left out."""
    title = re.sub(r"\([^)]*\)", " ", title)
    return [post for post in STATE_POSTS if is_of(post, title)]


def judge(oracle: Oracle, question: Mapping[str, Any]) -> Verdict:
    """The data's answer to one answered question of the quiz."""
    post, country, date = question["post"], question["country"], question["date"]
    ids: list[str] = []
    outcome = "no entry"
    for holder in question["holders"]:
        entries = oracle.find(holder.get("name_ar"), holder["name_en"])
        ids.extend(entry.id for entry in entries)
        # the post asked, or the post the quiz's own title names where a state has
        # none of the kind asked (Iran's president for its head of government)
        posts = [post] if country == "INTL" else [post, *posts_of(holder.get("title_en") or "")]
        if any(oracle.holds(entry, p, country, date) for entry in entries for p in posts) or any(
            oracle.holds_body(entry, question.get("body") or "", country, date) for entry in entries
        ):
            outcome = "right"
            break
        if entries:
            outcome = "no role that day"
    if question.get("vacant") and outcome != "right" and not oracle.holders(post, country, date):
        outcome = "right"  # the post was vacant, and the data names no one in it that day
    others: tuple[str, ...] = ()
    if outcome != "right" and post in SINGLE_HOLDER:
        others = tuple(i for i in oracle.holders(post, country, date) if i not in ids)
    return Verdict(
        n=question["n"],
        round=question.get("round", 1),
        country=country,
        post=post,
        date=date,
        outcome=outcome,
        ids=tuple(ids),
        other_holders=others,
        holders=tuple(h["name_en"] for h in question["holders"]),
    )


def group_of(country: str) -> str:
    if country == "INTL":
        return "international bodies"
    return "Arab League states" if country in ARAB_LEAGUE else "other states"


def summary(
    questions: Sequence[Mapping[str, Any]], verdicts: Sequence[Verdict], *, in_sample: bool
) -> dict[str, Any]:
    """The figures of some questions of the quiz and the verdicts on those answered."""
    by_group: dict[str, Counter[str]] = {}
    for verdict in verdicts:
        by_group.setdefault(group_of(verdict.country), Counter())[verdict.outcome] += 1
    outcomes = Counter(v.outcome for v in verdicts)
    return {
        "in_sample": in_sample,
        "questions": len(questions),
        "status": dict(Counter(q["status"] for q in questions)),
        "answered": len(verdicts),
        "outcomes": dict(outcomes),
        "right": round(outcomes["right"] / len(verdicts), 3) if verdicts else None,
        "other_holder": sum(1 for v in verdicts if v.other_holders),
        "by_group": {group: dict(counts) for group, counts in sorted(by_group.items())},
    }


def results(quiz: Path = QUIZ, officials_version: str | None = None) -> dict[str, Any]:
    """The figures ``--save`` writes, and every verdict, on the latest officials release or
    on *officials_version* (the release a round was written against, for its first run)."""
    questions = [
        json.loads(line) for line in quiz.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    unknown = sorted({q["post"] for q in questions} - set(POSTS))
    if unknown:
        raise SystemExit(f"{quiz}: posts this script does not know: {unknown}")
    answered = [q for q in questions if q["status"] == "answered"]
    officials = load_gazetteer("officials", officials_version)
    oracle = Oracle(officials, [load_gazetteer("agencies"), load_gazetteer("organizations")])
    verdicts = [judge(oracle, q) for q in answered]
    rounds = sorted({q.get("round", 1) for q in questions})
    return {
        "quiz": quiz.resolve().relative_to(HERE.parent).as_posix()
        if quiz.resolve().is_relative_to(HERE.parent)
        else str(quiz),
        "officials": officials.version,
        "rounds": {
            str(n): summary(
                [q for q in questions if q.get("round", 1) == n],
                [v for v in verdicts if v.round == n],
                in_sample=officials.version != WRITTEN_AGAINST.get(n),
            )
            for n in rounds
        },
        "all": summary(questions, verdicts, in_sample=True),
        "verdicts": [
            {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in vars(v).items()
            }
            for v in verdicts
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quiz", type=Path, default=QUIZ, help="the quiz (JSON Lines)")
    parser.add_argument(
        "--list", action="store_true", help="print every question not answered right"
    )
    parser.add_argument(
        "--save", action="store_true", help=f"also write {DEFAULT_OUTPUT.relative_to(HERE.parent)}"
    )
    parser.add_argument(
        "--officials", metavar="VERSION", help="score this officials release, not the latest"
    )
    args = parser.parse_args(argv)
    if args.save and args.officials:
        parser.error("--save writes the figures of the latest release only")
    figures = results(args.quiz, args.officials)
    print(f"officials {figures['officials']} (arnorm {arnorm.__version__}); quiz {figures['quiz']}")
    for name, part in [
        *(("round " + n, r) for n, r in figures["rounds"].items()),
        ("all", figures["all"]),
    ]:
        sample = "partly IN-SAMPLE" if part["in_sample"] else "out of sample"
        print(f"{name} ({sample}): questions {part['questions']}: {part['status']}")
        total = part["answered"]
        for outcome in ("right", "no role that day", "no entry"):
            count = part["outcomes"].get(outcome, 0)
            print(
                f"  {outcome:<18} {count:>4}  {count / total:6.1%}" if total else f"  {outcome}: 0"
            )
        print(f"  data names another holder: {part['other_holder']}")
        for group, counts in part["by_group"].items():
            answered = sum(counts.values())
            print(f"  {group:<22} {counts.get('right', 0)}/{answered} right")
    if args.list:
        for v in figures["verdicts"]:
            if v["outcome"] != "right":
                print(
                    f"#{v['n']} (round {v['round']}) {v['country']} {v['post']} {v['date']}: "
                    f"{v['outcome']}; "
                    f"quiz {', '.join(v['holders'])}; data {', '.join(v['ids']) or '-'}"
                    + (
                        f"; data's holder {', '.join(v['other_holders'])}"
                        if v["other_holders"]
                        else ""
                    )
                )
    if args.save:
        text = json.dumps(figures, ensure_ascii=False, indent=2) + "\n"
        DEFAULT_OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {DEFAULT_OUTPUT.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
