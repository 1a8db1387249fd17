"""Propose gazetteer entries for the development corpus mentions annotated ``"id": null``.

The corpus (``../shared/corpus/mentions.jsonl`` beside the checkout) was annotated against
the first gazetteer releases: a mention whose entity had no entry then carries ``"id":
null``.  ``benchmarks/corpus-ids.json`` records, for each such mention, a decision taken by
hand: the id of the shipped entry that *is* the entity (judged from the mention's ``entity``
label and the entry's own sources, never from what the matcher outputs), or ``"missing"``
with a reason and the date of the decision.

This script only *proposes*: for each null mention it prints the entries whose name or
aliases fit the surface (compared after ``arnorm.normalize``, with a leading ل or ال
clitic tried off) or whose English name shares a word with the mention's ``entity`` label,
and whose country fits the mention's ``country``; beside them, the decision already in the
mapping.  A person decides.

Run from the repository root::

    python tools/corpus_ids.py                  # every null mention, grouped by entity
    python tools/corpus_ids.py --missing        # only those not yet mapped to an entry
    python tools/corpus_ids.py --missing --drafts tools/gazetteer_research/*-2026-12-05.jsonl

``--missing`` is the pass to run after a gazetteer release: it shows which mentions the
mapping still calls missing now have a candidate among the shipped entries, and says of each
``draft_id`` (the id a research draft gave the entity) whether a release now ships it.  ``--drafts``
also proposes entries from research drafts (marked ``draft``), which are not shipped and so
cannot be mapped yet.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arnorm import available_gazetteers, load_gazetteer, normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_MAPPING = ROOT / "benchmarks" / "corpus-ids.json"

#: The reasons a null mention stays without an entry.
REASONS = (
    "out of scope",
    "in scope, not yet researched",
    "no public source found",
    "drafted, not released",
)

_WORD = re.compile(r"[a-z]+")
#: English words too common in entity labels to say two labels name one entity.
_COMMON_EN = frozenset(
    {
        *("al", "el", "bin", "ibn", "abd", "abdel", "abdul", "of", "the", "and", "for"),
        *("ministry", "national", "general", "king", "sheikh", "prince", "service"),
        *("services", "army", "forces", "movement", "brigade", "office", "us", "un"),
    }
)


@dataclass(frozen=True)
class Candidate:
    """An entry that may be the entity of a mention, and why it was proposed."""

    id: str
    type: str
    name: str
    name_en: str
    country: str | None
    why: str
    origin: str  # "shipped gazetteer-version" or the draft file's name
    first_source: str


def _forms(surface: str) -> set[str]:
    """The normalized surface, and the same without a leading ل / ال (للسيسي -> السيسي, سيسي)."""
    norm = normalize(surface)
    forms = {norm}
    if norm.startswith("لل"):
        forms.add("ال" + norm[2:])
    for form in list(forms):
        if form.startswith("ال") and len(form) > 4:
            forms.add(form[2:])
    return forms


def _en_words(label: str) -> set[str]:
    return {w for w in _WORD.findall(label.lower()) if w not in _COMMON_EN and len(w) > 2}


def _entry_forms(entry: Mapping[str, Any]) -> set[str]:
    names = [entry["name"], *entry.get("aliases", ()), *entry.get("abbreviations", ())]
    forms: set[str] = set()
    for name in names:
        forms |= _forms(name)
    return forms


def _last_words(forms: Iterable[str]) -> set[str]:
    return {f.split()[-1] for f in forms if f.split()}


def propose(
    mention: Mapping[str, Any], entries: Sequence[tuple[str, Mapping[str, Any]]]
) -> list[Candidate]:
    """The entries of *entries* ((origin, entry) pairs) that may be *mention*'s entity.

    An entry is proposed when it has the mention's type, its country does not contradict
    the mention's ``country``, and one of: a name or alias equal to the surface; a name or
    alias ending in the surface's last word (a surname: حرشي -> أحمد حرشي); a word (not a
    common one) shared by its English name and the mention's ``entity`` label.
    """
    mine = _forms(mention["text"])
    last = _last_words(mine)
    label = _en_words(mention.get("entity") or "")
    out = []
    for origin, entry in entries:
        if entry["type"] != mention["type"]:
            continue
        country = mention.get("country")
        if country and entry.get("country") and entry["country"] != country:
            continue
        theirs = _entry_forms(entry)
        whys = []
        if mine & theirs:
            whys.append("surface")
        elif last & _last_words(theirs) and min(len(w) for w in last) > 2:
            whys.append("last word")
        shared = label & _en_words(entry.get("name_en", ""))
        if shared and (len(shared) > 1 or len(label) == 1):
            whys.append("English: " + " ".join(sorted(shared)))
        if not whys:
            continue
        sources = entry.get("sources") or [{}]
        first = sources[0]
        out.append(
            Candidate(
                entry["id"],
                entry["type"],
                entry["name"],
                entry.get("name_en", ""),
                entry.get("country"),
                ", ".join(whys),
                origin,
                f"{first.get('publisher', '?')}: {first.get('url', '?')}",
            )
        )
    out.sort(key=_candidate_order)
    return out


def _why_order(why: str) -> tuple[int, str]:
    return (0 if why == "surface" else 2 if why == "last word" else 1, why)


def _candidate_order(c: Candidate) -> tuple[bool, bool, str]:
    """An exact surface first, then the English label, then a shared last word."""
    return (not c.why.startswith("surface"), "English" not in c.why, c.id)


def shipped_entries() -> list[tuple[str, dict[str, Any]]]:
    """Every entry of the latest release of each shipped gazetteer, as its JSON object."""
    out = []
    for name in available_gazetteers():
        gazetteer = load_gazetteer(name)
        origin = f"{name} {gazetteer.version}"
        out.extend((origin, entry.to_json()) for entry in gazetteer)
    return out


def draft_entries(paths: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    """The entries of the research draft files *paths* (one JSON object a line)."""
    out = []
    for path in paths:
        if not path.is_file():
            raise SystemExit(f"corpus_ids: no draft file {path}")
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"corpus_ids: {path}:{number}: not JSON ({error})") from None
            out.append((f"draft {path.name}", entry))
    return out


def null_mentions(corpus: Path) -> list[dict[str, Any]]:
    """The mentions of *corpus* annotated ``"id": null``, in file order."""
    path = corpus / "mentions.jsonl"
    if not path.is_file():
        raise SystemExit(f"corpus_ids: no mentions.jsonl in {corpus}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [m for m in (json.loads(x) for x in lines if x.strip()) if m["id"] is None]


def key(mention: Mapping[str, Any]) -> tuple[str, int, int]:
    """What identifies a mention in the mapping: its file and span."""
    return (mention["file"], int(mention["start"]), int(mention["end"]))


def load_decisions(path: Path) -> dict[tuple[str, int, int], dict[str, Any]]:
    """The decisions of the mapping file *path* by mention key (empty if it does not exist)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key(d): d for d in data["mentions"]}


def report(
    mentions: Sequence[Mapping[str, Any]],
    entries: Sequence[tuple[str, Mapping[str, Any]]],
    decisions: Mapping[tuple[str, int, int], Mapping[str, Any]],
    *,
    missing_only: bool = False,
) -> str:
    """The proposals for *mentions*, grouped by type, entity and country."""
    groups: dict[tuple[str, str, str | None], list[Mapping[str, Any]]] = {}
    for m in mentions:
        groups.setdefault((m["type"], m["entity"], m.get("country")), []).append(m)
    lines = []
    for (type_, entity, country), group in sorted(groups.items(), key=lambda g: g[0][:2]):
        decided = [decisions.get(key(m)) for m in group]
        ids = sorted({d["id"] for d in decided if d is not None})
        if missing_only and ids and "missing" not in ids:
            continue
        lines.append(f"== {type_} | {entity} | {country or '-'} | decided: {ids or 'nothing'}")
        surfaces = sorted({m["text"] for m in group})
        lines.append("   surfaces: " + " / ".join(surfaces))
        for draft in sorted({d["draft_id"] for d in decided if d and d.get("draft_id")}):
            shipped = [o for o, e in entries if e["id"] == draft and not o.startswith("draft ")]
            state = f"now shipped in {shipped[0]}: decide again" if shipped else "not shipped yet"
            lines.append(f"   drafted as {draft}: {state}")
        seen: dict[str, Candidate] = {}
        for m in group:
            for c in propose(m, entries):
                # one line per entry, with every reason any of the group's surfaces gave
                had = seen.get(slot := f"{c.origin}|{c.id}")
                if had is not None:
                    whys = dict.fromkeys([*had.why.split(", "), *c.why.split(", ")])
                    c = dataclasses.replace(had, why=", ".join(sorted(whys, key=_why_order)))
                seen[slot] = c
        if not seen:
            lines.append("   no candidate")
        for c in sorted(seen.values(), key=_candidate_order):
            lines.append(
                f"   {c.id:<40} {c.name_en} ({c.country or '-'}) [{c.why}] <{c.origin}> {c.name}"
            )
            lines.append(f"   {'':<40} source: {c.first_source}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mapping", type=Path, default=DEFAULT_MAPPING)
    parser.add_argument(
        "--missing",
        action="store_true",
        help="only the mentions not mapped to an entry (to re-propose after a release)",
    )
    parser.add_argument(
        "--drafts",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE",
        help="also propose entries of these research drafts (not shipped: not mappable yet)",
    )
    args = parser.parse_args(argv)
    entries = shipped_entries() + draft_entries(args.drafts)
    print(
        report(
            null_mentions(args.corpus),
            entries,
            load_decisions(args.mapping),
            missing_only=args.missing,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
