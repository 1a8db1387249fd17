"""Release a new, immutable version of a shipped gazetteer.

    python tools/release_gazetteer.py NAME VERSION DRAFT.jsonl [DRAFT.jsonl ...]

The drafts are merged in order (a later entry with the same id is an error),
validated against the schema and against the ids of the other shipped
gazetteers, written to ``gazetteers/NAME/NAME-VERSION.jsonl`` with keys in
schema order, and listed in ``gazetteers/index.json`` with the entry count and
SHA-256.  An existing version is never overwritten: a change is a new version.
Add the version's entry to ``gazetteers/NAME/CHANGELOG.md`` by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from arnorm import gazetteer

ROOT = Path(__file__).resolve().parent.parent / "gazetteers"


def _drop_nulls(line: bytes) -> bytes:
    """Drafts spell an absent optional field as null or ""; a release leaves it out."""
    try:
        entry = json.loads(line)
    except ValueError:
        return line  # let the validator report it with its line number
    if not isinstance(entry, dict):
        return line
    kept = {key: value for key, value in entry.items() if value not in (None, "")}
    return json.dumps(kept, ensure_ascii=False).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("version")
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("--date", default=dt.date.today().isoformat())
    args = parser.parse_args(argv)
    index_path = ROOT / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    releases = index["gazetteers"].setdefault(args.name, {"versions": []})["versions"]
    if any(r["version"] == args.version for r in releases):
        message = f"{args.name} {args.version} is released already; make a new version"
        print(message, file=sys.stderr)
        return 1
    target = ROOT / args.name / f"{args.name}-{args.version}.jsonl"
    if target.exists():
        print(f"{target} exists; a released file is never overwritten", file=sys.stderr)
        return 1
    lines: list[bytes] = []
    for draft in args.drafts:
        for line in draft.read_bytes().splitlines():
            if line.strip():
                lines.append(_drop_nulls(line))
    data = b"\n".join(lines) + b"\n"
    external = set()
    for other, info in index["gazetteers"].items():
        if other != args.name and info["versions"]:
            external |= {e.id for e in gazetteer.load_gazetteer(other)}
    try:
        where = "+".join(map(str, args.drafts))
        entries = gazetteer.parse_jsonl(data, where, external_ids=external)
    except gazetteer.ValidationError as exc:
        print("\n".join(exc.errors), file=sys.stderr)
        return 1
    out = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in entries)
    payload = out.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(payload)
    releases.append(
        {
            "version": args.version,
            "file": f"{args.name}/{target.name}",
            "entries": len(entries),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "released": args.date,
        }
    )
    index_path.write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"released {args.name} {args.version}: {len(entries)} entries -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
