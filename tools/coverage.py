"""Write docs/coverage.rst: what the latest gazetteers cover, state by state.

For each of the 22 Arab League states: whether its interior ministry has an entry, how many
intelligence, police and gendarmerie / national guard bodies do, how many people the
officials gazetteer has for the state, how many of them led one of those bodies (or the
ministry) at some time since 2010, the oldest ``checked`` date among its people (the
date their roles were last confirmed; ``-`` where entries carry none), and how many months
since 2010 the data names no interior minister (a gap to research: every state had one).
A second table counts, for those states and the eleven others issue 9 names, the months
since 2010 with no holder of other posts nearly every state has (head of state and of
government, ministers of defence and foreign affairs), reading titles as the facts quiz
does (``benchmarks/bench_facts.py``).

A body's kind comes from ``tools/agency_kinds.json``, reviewed by hand (the gazetteers have
no field for it); the tool refuses an agency of a member state that the file does not list,
so a new body cannot be left out of the table unnoticed.

    python tools/coverage.py            # rewrite docs/coverage.rst
    python tools/coverage.py --check    # exit 1 if docs/coverage.rst is stale

A test runs the check, so the page cannot drift from the data.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from arnorm.gazetteer import Entry, Role, available_gazetteers, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "coverage.rst"

#: The member states of the League of Arab States, ISO 3166-1 alpha-2, with English names.
ARAB_LEAGUE = {
    "DZ": "Algeria",
    "BH": "Bahrain",
    "KM": "Comoros",
    "DJ": "Djibouti",
    "EG": "Egypt",
    "IQ": "Iraq",
    "JO": "Jordan",
    "KW": "Kuwait",
    "LB": "Lebanon",
    "LY": "Libya",
    "MR": "Mauritania",
    "MA": "Morocco",
    "OM": "Oman",
    "PS": "Palestine",
    "QA": "Qatar",
    "SA": "Saudi Arabia",
    "SO": "Somalia",
    "SD": "Sudan",
    "SY": "Syria",
    "TN": "Tunisia",
    "AE": "United Arab Emirates",
    "YE": "Yemen",
}

KINDS_FILE = Path(__file__).resolve().parent / "agency_kinds.json"
KINDS = ("interior", "intelligence", "police", "gendarmerie", "other")


def agency_kinds() -> dict[str, set[str]]:
    """The reviewed kinds of each agency, from ``agency_kinds.json``."""
    data = json.loads(KINDS_FILE.read_text(encoding="utf-8"))
    kinds = {k: set(v) for k, v in data.items() if not k.startswith("_")}
    unknown = {k for v in kinds.values() for k in v} - set(KINDS)
    if unknown:
        raise SystemExit(f"{KINDS_FILE}: unknown kinds {sorted(unknown)}")
    return kinds


@dataclass(frozen=True)
class Row:
    code: str
    state: str
    interior: int
    intelligence: int
    police: int
    gendarmerie: int
    people: int
    leaders_since_2010: int
    oldest_checked: str
    #: Months from January 2010 to the data's newest ``checked`` month in which no role of a
    #: minister (not a deputy's) at the state's interior ministry is held.
    months_without_minister: int


def _since_2010(end: str | None) -> bool:
    return end is None or end[:4] >= "2010"


#: Words of an English title that make a role at a ministry no minister's (a deputy prime
#: minister who is also the minister of the interior is the minister).
NOT_MINISTER = re.compile(
    r"\b(deputy|vice|assistant|under)[- ]?(minister|secretary)|under-secretary|secretary-general"
    r"|spokes|advis|director|head of|chief|member",
    re.IGNORECASE,
)


def months(last: str) -> list[str]:
    """Every month (``YYYY-MM``) from January 2010 to *last* (``YYYY-MM``), both included."""
    year, month = int(last[:4]), int(last[5:7])
    return [
        f"{y}-{m:02d}"
        for y in range(2010, year + 1)
        for m in range(1, 13)
        if (y, m) <= (year, month)
    ]


def months_without(people: Iterable[Entry], bodies: set[str], last: str) -> int:
    """How many months since January 2010 (to *last*) no person holds a minister's role at
    one of *bodies*: a role at the body whose English title has no word of
    :data:`NOT_MINISTER`, held at some time in the month (``Role.held_on``)."""
    roles = [
        r
        for p in people
        for r in p.roles
        if r.organization in bodies and not NOT_MINISTER.search(r.title_en or "")
    ]
    return sum(1 for month in months(last) if not any(r.held_on(month) for r in roles))


def rows(entries: Iterable[Entry], kinds: dict[str, set[str]]) -> list[Row]:
    """One row per Arab League state, from *entries* of every gazetteer and their *kinds*."""
    entries = list(entries)
    unlisted = sorted(
        e.id
        for e in entries
        if e.type == "agency" and e.country in ARAB_LEAGUE and e.id not in kinds
    )
    if unlisted:
        raise SystemExit(
            f"{KINDS_FILE} does not say what these agencies are: {', '.join(unlisted)}"
        )
    everyone = [e for e in entries if e.type == "person"]
    last = newest_month(everyone)
    out = []
    for code, state in ARAB_LEAGUE.items():
        counts = dict.fromkeys(KINDS, 0)
        watched: set[str] = set()  # the state's interior, intelligence, police, gendarmerie bodies
        ministries: set[str] = set()
        for e in entries:
            if e.type == "agency" and e.country == code:
                for kind in kinds[e.id]:
                    counts[kind] += 1
                watched.update(e.id for kind in kinds[e.id] if kind != "other")
                if "interior" in kinds[e.id]:
                    ministries.add(e.id)
        people = [e for e in entries if e.type == "person" and e.country == code]
        leaders = [
            p
            for p in people
            if any(r.organization in watched and _since_2010(r.end) for r in p.roles)
        ]
        checked = sorted(c for p in people if (c := getattr(p, "checked", None)))
        out.append(
            Row(
                code,
                state,
                counts["interior"],
                counts["intelligence"],
                counts["police"],
                counts["gendarmerie"],
                len(people),
                len(leaders),
                checked[0] if checked else "-",
                months_without(everyone, ministries, last),
            )
        )
    return out


def _span(start: str | None, end: str | None) -> str:
    return f"{start or '?'} to {end or 'open'}"


def details(entries: Iterable[Entry], kinds: dict[str, set[str]]) -> list[str]:
    """Per state: each interior, intelligence, police or gendarmerie body, and who led it."""
    entries = list(entries)
    lines = [
        "",
        "Bodies and the people who led them",
        "----------------------------------",
        "",
        "Each body of those kinds, with every person the officials gazetteer gives a role at it",
        "(title, from, to; *open* is a role with no end date: held as of the entry's data).",
    ]
    for code, state in ARAB_LEAGUE.items():
        bodies = [
            e
            for e in entries
            if e.type == "agency" and e.country == code and kinds[e.id] - {"other"}
        ]
        lines += ["", state, "~" * len(state), ""]
        if not bodies:
            lines.append("No body of these kinds has an entry yet.")
            continue
        for body in bodies:
            kind = ", ".join(sorted(kinds[body.id] - {"other"}))
            lines.append(f"- **{body.name_en}** ({body.name}; ``{body.id}``; {kind})")
            held = sorted(
                (
                    (r.start or "", p, r)
                    for p in entries
                    if p.type == "person"
                    for r in p.roles
                    if r.organization == body.id
                ),
                key=lambda t: (t[0], t[1].id),
            )
            for _, person, role in held:
                title = role.title_en or role.title
                lines.append(
                    f"  - {person.name_en} ({person.name}): {title}, {_span(role.start, role.end)}"
                )
    return lines


def render(table: list[Row], versions: dict[str, str], more: Sequence[str] = ()) -> str:
    """The page, as reStructuredText."""
    header = (
        "State",
        "Interior ministry",
        "Intelligence bodies",
        "Police bodies",
        "Gendarmerie / national guard",
        "People",
        "Led these bodies since 2010",
        "Oldest checked",
        "Months with no interior minister",
    )
    lines = [
        ".. Generated by tools/coverage.py from the gazetteers: do not edit by hand.",
        "",
        "Coverage by state",
        "=================",
        "",
        "What the latest gazetteers ("
        + ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
        + ") hold for each member state of the League of Arab States. A body's kind is",
        "reviewed by hand (``tools/agency_kinds.json``); *Led these bodies since 2010* counts the",
        "people with a role at the",
        "state's interior ministry, intelligence, police or gendarmerie bodies that had not ended",
        "before 2010; *Oldest checked* is the oldest date on which a person's roles were last",
        "confirmed (``-`` where the entries carry no such date); *Months with no interior",
        "minister* counts the months from January 2010 to the newest ``checked`` month in which",
        "no one holds a minister's role at the state's interior ministry in the data (a",
        "deputy's, an adviser's or a director's role does not count): each such month is a gap",
        "in the data, since every state had a minister or an acting one.",
        "",
        "A zero is a gap, not a claim that the body or the people do not exist: the gazetteers'",
        "changelogs list what is known to be missing.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
    ]
    lines.append("   * - " + "\n     - ".join(header))
    for r in table:
        cells = (
            f"{r.state} ({r.code})",
            "yes" if r.interior else "**no**",
            str(r.intelligence),
            str(r.police),
            str(r.gendarmerie),
            str(r.people),
            str(r.leaders_since_2010),
            r.oldest_checked,
            str(r.months_without_minister),
        )
        lines.append("   * - " + "\n     - ".join(cells))
    return "\n".join([*lines, *more]) + "\n"


#: The other states whose posts issue 9 asks for, with English names.
OTHER_STATES = {
    "IR": "Iran",
    "TR": "Turkey",
    "IL": "Israel",
    "US": "United States",
    "GB": "United Kingdom",
    "FR": "France",
    "ES": "Spain",
    "DE": "Germany",
    "IT": "Italy",
    "RU": "Russia",
    "CN": "China",
}
#: The posts counted month by month in the second table: those nearly every state has.
#: Their titles are told apart by the facts quiz's patterns (``benchmarks/bench_facts.py``).
COUNTED_POSTS = (
    "head of state",
    "head of government",
    "minister of defence",
    "minister of foreign affairs",
)
#: The posts counted the same way in the third table: the security posts and the heir, which
#: many states do not have (the facts quiz asks about them all).
SECURITY_POSTS = (
    "crown prince or designated successor",
    "national security adviser",
    "head of the (foreign or general) intelligence service",
    "head of state security or domestic intelligence",
    "head of the national police (or public security)",
    "head of the gendarmerie or national guard",
    "head of the counter-terrorism service",
)


def _post_patterns() -> ModuleType:
    """``benchmarks/bench_facts.py``, whose ``is_of`` tells a title's post."""
    path = ROOT / "benchmarks" / "bench_facts.py"
    spec = importlib.util.spec_from_file_location("_bench_facts_posts", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def months_by_post(
    entries: Iterable[Entry],
    last: str,
    is_of: Callable[[str, str], bool],
    posts: Sequence[str] = COUNTED_POSTS,
) -> dict[str, dict[str, int]]:
    """For each state of :data:`ARAB_LEAGUE` and :data:`OTHER_STATES`, and each post of
    *posts* (:data:`COUNTED_POSTS`): how many months since January 2010 (to *last*) no role
    of that post is held in that state. A role is of a post when *is_of* (post, title) says so of
    its English title with its body's English name; it is held in the state of its body,
    else of its holder."""
    entries = list(entries)
    bodies = {e.id: e for e in entries if e.type != "person"}
    held: dict[tuple[str | None, str], list[Role]] = {}
    for person in entries:
        if person.type != "person":
            continue
        for role in person.roles:
            body = bodies.get(role.organization or "")
            title = f"{role.title_en or ''} | {body.name_en if body else ''}"
            title = re.sub(r"\([^)]*\)", " ", title)
            where = body.country if body is not None and body.country else person.country
            for post in posts:
                if is_of(post, title):
                    held.setdefault((where, post), []).append(role)
    every = months(last)
    return {
        code: {
            post: sum(1 for m in every if not any(r.held_on(m) for r in held.get((code, post), ())))
            for post in posts
        }
        for code in (*ARAB_LEAGUE, *OTHER_STATES)
    }


def by_post(table: dict[str, dict[str, int]], last: str) -> list[str]:
    """The second table of the page: months with no holder, by state and post."""
    names = {**ARAB_LEAGUE, **OTHER_STATES}
    lines = [
        "",
        "Months with no holder, by post",
        "------------------------------",
        "",
        f"For the posts nearly every state has, how many of the {len(months(last))} months from",
        f"January 2010 to {last} the officials gazetteer names no one in (a role of that post,",
        "acting ones included, held in that state at some time in the month; a title is read as",
        "the facts quiz reads it, ``benchmarks/bench_facts.py``). Most are gaps to research. Some",
        "are not: a vacancy (Lebanon had no president in 2014-2016 and 2022-2025), a post the",
        "state did not have (Sudan had no prime minister from 2010 to 2017; several monarchies'",
        "kings are their own prime ministers), or a post its head of state held under another",
        "title (Algeria's president is its minister of defence; where the head of state heads",
        "the government, as in the United States, Iran and the Comoros, the second column counts",
        "every month). The first table counts the interior ministers.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - " + "\n     - ".join(("State", *(p[0].upper() + p[1:] for p in COUNTED_POSTS))),
    ]
    for code, counts in table.items():
        cells = (f"{names[code]} ({code})", *(str(counts[p]) for p in COUNTED_POSTS))
        lines.append("   * - " + "\n     - ".join(cells))
    return lines


#: The third table's column heads, in the order of :data:`SECURITY_POSTS`.
SECURITY_HEADS = (
    "Crown prince",
    "National security adviser",
    "Intelligence",
    "State security",
    "Police",
    "Gendarmerie / national guard",
    "Counter-terrorism",
)


def by_security_post(table: dict[str, dict[str, int]], last: str) -> list[str]:
    """The third table of the page: months with no holder of the security posts and the heir,
    by state (*table* from :func:`months_by_post` with :data:`SECURITY_POSTS`)."""
    names = {**ARAB_LEAGUE, **OTHER_STATES}
    every = len(months(last))
    lines = [
        "",
        "Months with no holder, security posts",
        "-------------------------------------",
        "",
        "The same count for the heir and the security posts the facts quiz asks about. Many",
        f"states have no such post, and then every month counts ({every}): a republic has no",
        "heir, and few states name a national security adviser, a gendarmerie or a",
        "counter-terrorism service of their own. Where one body is both the intelligence and the",
        "state security service (Kuwait's, Tunisia's), both columns count its head alike. A count",
        "below the full span is a gap in a post the state has, to research.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - " + "\n     - ".join(("State", *SECURITY_HEADS)),
    ]
    for code, counts in table.items():
        cells = (f"{names[code]} ({code})", *(str(counts[p]) for p in SECURITY_POSTS))
        lines.append("   * - " + "\n     - ".join(cells))
    return lines


def newest_month(entries: Iterable[Entry]) -> str:
    """The newest ``checked`` month of the people among *entries* (``YYYY-MM``)."""
    newest = max((c for e in entries if e.type == "person" and (c := e.checked)), default="2010-01")
    return newest[:7] if len(newest) >= 7 else f"{newest[:4]}-12"


def page() -> str:
    versions = {name: releases[-1] for name, releases in available_gazetteers().items()}
    entries = [e for name, version in versions.items() for e in load_gazetteer(name, version)]
    kinds = agency_kinds()
    last = newest_month(entries)
    is_of = _post_patterns().is_of
    posts = by_post(months_by_post(entries, last, is_of), last)
    security = by_security_post(months_by_post(entries, last, is_of, SECURITY_POSTS), last)
    return render(rows(entries, kinds), versions, [*posts, *security, *details(entries, kinds)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    text = page()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE} is stale: run python tools/coverage.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
