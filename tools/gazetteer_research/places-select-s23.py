"""Select the places release of 2026-12-07 from the second-read drafts of session 23.

    python tools/gazetteer_research/places-select-s23.py OUT.jsonl

Reads the verified drafts ``places-s23-{a,b,c,d,e,f1,f2,f3}-2026-12-07-verified.jsonl`` and
``regions-s23-2026-12-07-verified.jsonl`` (each claim re-read by a second reader with searches
of their own; places-s23-f2 only in part: the search budget ran out after five of its 62
entries, and the 57 unchecked ones are left for a later release), drops what the lead decided
against (``DROPPED``, ``DROPPED_ALIASES``: each with why) and writes the entries, in order, as one
draft for ``tools/merge_drafts.py places@3.21.1 OUT.jsonl --replace``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFTS = [
    *(
        f"places-s23-{g}-2026-12-07-verified.jsonl"
        for g in ("a", "b", "c", "d", "e", "f1", "f2", "f3")
    ),
    "regions-s23-2026-12-07-verified.jsonl",
]
#: Whole entries left out, and why.
DROPPED = {
    "us-district-of-columbia": "the same place as the released us-washington"
    " (واشنطن, Washington, D.C.): a second entry would split its mentions",
    "us-philadelphia": "bare فيلادلفيا in Arab security news is mostly the Philadelphi corridor"
    " on the Gaza-Egypt border (محور فيلادلفيا), whose entry lacks that form (its alias awaits"
    " a second reader); the US city is rare there, and its sources are thin",
    "ye-sayyan": "a village of about 2,400 people (2004) whose name سيان is also the word 'alike'",
}
#: Aliases left out, and why.
DROPPED_ALIASES = {
    (
        "om-sur",
        "صور",
    ): "bare صور is Tyre (lb-tyre) and the word 'pictures'; the entry keeps ولاية صور",
    (
        "sa-ash-shafa",
        "الشفاء",
    ): "also Gaza's al-Shifa hospital and the word 'cure', on one page only",
    (
        "us-state-georgia",
        "جورجيا",
    ): "bare جورجيا is the country Georgia (country-ge) in Arab news far more"
    " often than the US state; the entry keeps ولاية جورجيا",
}


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    seen: set[str] = set()
    used: set[tuple[str, str]] = set()
    lines = []
    for name in DRAFTS:
        for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            entry = json.loads(raw)
            if entry["id"] in seen:
                sys.exit(f"{name}: {entry['id']} is in two drafts")
            seen.add(entry["id"])
            if entry["id"] in DROPPED:
                continue
            aliases = entry.get("aliases") or []
            kept = [a for a in aliases if (entry["id"], a) not in DROPPED_ALIASES]
            used.update((entry["id"], a) for a in aliases if (entry["id"], a) in DROPPED_ALIASES)
            if aliases:
                entry["aliases"] = kept
            lines.append(json.dumps(entry, ensure_ascii=False))
    missing = (set(DROPPED) - seen) | (set(DROPPED_ALIASES) - used)
    if missing:
        sys.exit(f"decisions about nothing in the drafts: {sorted(missing)}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} entries -> {out} ({len(DROPPED)} dropped, {len(DROPPED_ALIASES)} aliases)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
