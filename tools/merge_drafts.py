"""Merge research drafts over a released gazetteer into one draft, and say what conflicts.

    python tools/merge_drafts.py officials@1.0.0 DRAFT.jsonl [DRAFT.jsonl ...] -o merged.jsonl

Research is spread over several writers, one file each (``tools/gazetteer_research/``), and
two files may hold the same person: a minister in one, a security chief in another. This
tool starts from the released entries, then applies each draft in order:

- an id new to the merge is added;
- an id already there is merged field by field: aliases, abbreviations and sources are
  united (in order, without repeats); roles are united, a role being the same role when its
  title, organisation and start agree (the later file's dates win when it gives them);
  ``notes`` are joined; ``checked`` is the *earliest* of the two dates, because an open role
  is only claimed as of the date on which every open role was confirmed;
- ``name``, ``name_en``, ``type`` or ``country`` that differ are conflicts: the later file
  wins, and the conflict is reported for a person to decide.

Only entries of the types the released gazetteer holds are taken (a corrections file may
hold people, agencies and places side by side: each goes to its own gazetteer); the others
are counted in the report. Research-only keys (``fix``) are dropped. The output is a draft for
``tools/release_gazetteer.py``; the report goes to standard error, and the exit status is 1
when there were conflicts (the merged file is written all the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from arnorm.gazetteer import load_gazetteer

RESEARCH_ONLY = ("fix",)
IDENTITY = ("type", "name", "name_en", "country")
LISTS = ("aliases", "abbreviations")


def _unite(old: Iterable[Any], new: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    seen: set[str] = set()
    for item in [*old, *new]:
        key = json.dumps(item, ensure_ascii=False, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _role_key(role: dict[str, Any]) -> tuple[object, ...]:
    return (role.get("title"), role.get("organization"), role.get("from"))


def _roles(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged = {_role_key(r): dict(r) for r in old}
    for role in new:
        key = _role_key(role)
        if key in merged:
            merged[key].update({k: v for k, v in role.items() if v is not None})
        else:
            merged[key] = dict(role)
    return sorted(merged.values(), key=lambda r: (str(r.get("from") or ""), str(r.get("title"))))


def merge_entry(
    old: dict[str, Any], new: dict[str, Any], origin: str
) -> tuple[dict[str, Any], list[str]]:
    """*new* merged into *old*; the conflicts, as sentences."""
    conflicts = [
        f"{old['id']}: {key} {old.get(key)!r} -> {new.get(key)!r} ({origin})"
        for key in IDENTITY
        if key in new and key in old and new[key] != old[key]
    ]
    out = {**old, **{k: v for k, v in new.items() if k not in (*LISTS, "sources", "roles")}}
    for key in LISTS:
        if old.get(key) or new.get(key):
            out[key] = _unite(old.get(key, ()), new.get(key, ()))
    out["sources"] = _unite(old.get("sources", ()), new.get("sources", ()))
    if old.get("roles") or new.get("roles"):
        out["roles"] = _roles(old.get("roles", []), new.get("roles", []))
    if old.get("notes") and new.get("notes") and old["notes"] != new["notes"]:
        out["notes"] = f"{old['notes']} {new['notes']}"
    dates = [d for d in (old.get("checked"), new.get("checked")) if d]
    if dates:
        out["checked"] = min(dates)
    return out, conflicts


def merge(
    base: Iterable[dict[str, Any]], drafts: Iterable[Path]
) -> tuple[list[dict[str, Any]], list[str], int]:
    """The merged entries, the conflicts, and how many draft entries were of other types."""
    entries: dict[str, dict[str, Any]] = {e["id"]: e for e in base}
    types = {e["type"] for e in entries.values()}
    conflicts: list[str] = []
    elsewhere = 0
    for path in drafts:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            entry = {k: v for k, v in json.loads(line).items() if k not in RESEARCH_ONLY}
            if entry["type"] not in types:
                elsewhere += 1
                continue
            origin = f"{path.name}:{number}"
            if entry["id"] in entries:
                entries[entry["id"]], found = merge_entry(entries[entry["id"]], entry, origin)
                conflicts.extend(found)
            else:
                entries[entry["id"]] = entry
    return list(entries.values()), conflicts, elsewhere


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the released gazetteer to start from, as name@version")
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    name, _, version = args.base.partition("@")
    base = [e.to_json() for e in load_gazetteer(name, version or None)]
    merged, conflicts, elsewhere = merge(base, args.drafts)
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in merged)
    args.output.write_text(text, encoding="utf-8")
    print(f"{len(merged)} entries written to {args.output}", file=sys.stderr)
    if elsewhere:
        print(
            f"{elsewhere} draft entries of other types left for their gazetteers", file=sys.stderr
        )
    for conflict in conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
