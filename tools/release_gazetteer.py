"""Release a new, immutable version of a shipped gazetteer.

    python tools/release_gazetteer.py NAME VERSION DRAFT.jsonl [DRAFT.jsonl ...]
    python tools/release_gazetteer.py --data-files [--check]

The drafts are merged in order (a later entry with the same id is an error),
validated against the schema (by the rules of the version's schema: from
2.0.0 on, schema 2, which requires ``checked`` on people and dated roles, one
holder at a time of a single-holder post unless a role's note explains it, and
no source from the development corpus), against the ids of the other shipped
gazetteers, and against the end of each body (a role may not outlast the body
it was held at, unless its note says why), written to
``gazetteers/NAME/NAME-VERSION.jsonl.xz`` (JSON Lines, keys in schema order, compressed with
xz), and listed in ``gazetteers/index.json`` with the entry count and the SHA-256 of that file.
The version it replaces as the latest then moves into the gazetteer's archive
(``tools/archive_releases.py``: every version ships in the wheel, and the archive stores the lines
the versions share once).
An existing
version is never overwritten: a change is a new version.  Add the version's
entry to ``gazetteers/NAME/CHANGELOG.md`` by hand.

The shipped data files beside the gazetteers (``arnorm.gazetteer.DATA_FILES``:
``ambiguities.json``, ``common-words.json``, ``frequent-words-ar.txt``) are
checksummed in ``index.json`` too, under ``data_files``, and arnorm refuses one
that no longer matches.  After regenerating one of them on purpose (with
``tools/update_ambiguities.py`` or ``tools/gen_frequent_words.py``), run
``--data-files`` to record the new checksums; it prints each file whose
checksum changed.  ``--data-files --check`` only reports, and exits 1 when a
checksum is out of date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import lzma
import sys
from pathlib import Path
from typing import Any

import archive_releases  # beside this script

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


def _write_index(index: dict[str, Any]) -> None:
    text = json.dumps(index, ensure_ascii=False, indent=2) + "\n"
    (ROOT / "index.json").write_text(text, encoding="utf-8")


def data_file_checksums(index: dict[str, Any]) -> list[str]:
    """Set the SHA-256 of every shipped data file in *index*; return the names that changed."""
    listed = index.setdefault("data_files", {})
    changed = []
    for name in gazetteer.DATA_FILES:
        digest = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        if listed.get(name, {}).get("sha256") != digest:
            changed.append(name)
        listed[name] = {"sha256": digest}
    for name in sorted(set(listed) - set(gazetteer.DATA_FILES)):
        changed.append(name)
        del listed[name]
    index["data_files"] = dict(sorted(listed.items()))
    return changed


def _data_files(check: bool) -> int:
    index = json.loads((ROOT / "index.json").read_text(encoding="utf-8"))
    changed = data_file_checksums(index)
    for name in changed:
        print(f"{name}: {'out of date' if check else 'checksum updated'}")
    if check:
        return 1 if changed else 0
    if changed:
        _write_index(index)
    return 0


def outlasting_roles(entries: list[gazetteer.Entry], bodies: dict[str, str | None]) -> list[str]:
    """The roles of *entries* that run past the end of their body, as messages.

    *bodies* maps a body's id to its ``valid_to``.  A role at a body that ended
    is open (a claim that the person still holds a post that no longer exists)
    or ends after the body did (compared at the precision both dates give:
    ``2019-12-16`` is within ``2019-12``), and says nothing in its ``note``.
    """
    out = []
    for entry in entries:
        for role in entry.roles:
            ended = bodies.get(role.organization or "")
            if not ended or role.note:
                continue
            if role.end is not None:
                n = min(len(role.end), len(ended))
                if role.end[:n] <= ended[:n]:
                    continue
            out.append(
                f"{entry.id}: the role {role.title_en or role.title!r} (to {role.end or 'today'})"
                f" outlasts {role.organization}, which ended {ended}: end the role when the"
                " person left, or say why in its note"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?")
    parser.add_argument("version", nargs="?")
    parser.add_argument("drafts", nargs="*", type=Path)
    parser.add_argument("--date", default=dt.date.today().isoformat())
    parser.add_argument(
        "--data-files", action="store_true", help="record the checksums of the shipped data files"
    )
    parser.add_argument("--check", action="store_true", help="with --data-files: only report")
    args = parser.parse_args(argv)
    if args.data_files:
        if args.name is not None:
            parser.error("--data-files takes no NAME, VERSION or drafts")
        return _data_files(args.check)
    if args.check:
        parser.error("--check goes with --data-files")
    if not args.drafts:
        parser.error("NAME, VERSION and at least one DRAFT are required")
    try:
        gazetteer.schema_of(args.version)
    except ValueError as exc:
        parser.error(str(exc))
    index = json.loads((ROOT / "index.json").read_text(encoding="utf-8"))
    releases = index["gazetteers"].setdefault(args.name, {"versions": []})["versions"]
    if any(r["version"] == args.version for r in releases):
        message = f"{args.name} {args.version} is released already; make a new version"
        print(message, file=sys.stderr)
        return 1
    # stored xz-compressed (every version ships in the wheel, so each one costs its size)
    target = ROOT / args.name / f"{args.name}-{args.version}.jsonl.xz"
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
    bodies: dict[str, str | None] = {}
    for other, info in index["gazetteers"].items():
        if other != args.name and info["versions"]:
            for e in gazetteer.load_gazetteer(other):
                external.add(e.id)
                bodies[e.id] = e.valid_to
    try:
        where = "+".join(map(str, args.drafts))
        schema = gazetteer.schema_of(args.version)
        entries = gazetteer.parse_jsonl(data, where, external_ids=external, schema=schema)
    except gazetteer.ValidationError as exc:
        print("\n".join(exc.errors), file=sys.stderr)
        return 1
    bodies.update((e.id, e.valid_to) for e in entries)
    outlasting = outlasting_roles(entries, bodies)
    if outlasting:
        print("\n".join(outlasting), file=sys.stderr)
        return 1
    out = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in entries)
    payload = lzma.compress(out.encode("utf-8"), format=lzma.FORMAT_XZ, preset=9)
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
    _write_index(index)
    print(f"released {args.name} {args.version}: {len(entries)} entries -> {target}")
    moved = archive_releases.archive(ROOT, index, args.name)
    if moved:
        print(f"moved {', '.join(moved)} into {args.name}'s archive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
