"""``arnorm gazetteer``: list, show, validate, diff and count the gazetteers."""

from __future__ import annotations

import argparse
import collections
import json
import sys
from typing import TextIO

from . import gazetteer as gz

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gazetteer`` subcommand and its own subcommands."""
    parser = subparsers.add_parser(
        "gazetteer",
        help="list, show, validate and compare gazetteers",
        description="Inspect the shipped gazetteers and validate your own.",
    )
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="COMMAND", required=True)
    sub.add_parser("list", help="the shipped gazetteers, their versions and entry counts")
    show = sub.add_parser("show", help="a gazetteer's summary, or one entry as JSON")
    show.add_argument("name", metavar="NAME[@VERSION]", help="e.g. agencies or agencies@1.0.0")
    show.add_argument("id", nargs="?", help="an entry id; without it, a summary")
    validate = sub.add_parser("validate", help="check a gazetteer file against the schema")
    validate.add_argument("path", help="a JSON Lines (.jsonl) or CSV (.csv) file")
    diff = sub.add_parser("diff", help="entries and aliases added, removed and changed")
    diff.add_argument("name", help="a shipped gazetteer")
    diff.add_argument("old", metavar="V1", help="the older version")
    diff.add_argument("new", metavar="V2", help="the newer version")
    sub.add_parser("stats", help="entries by type, aliases and countries of each gazetteer")


def _split(spec: str) -> tuple[str, str | None]:
    name, _, version = spec.partition("@")
    return name, version or None


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a parsed ``gazetteer`` command; return the exit status."""
    try:
        return _run(args, sys.stdout if out is None else out)
    except gz.GazetteerError as exc:
        sys.stderr.write(f"arnorm: error: {exc}\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"arnorm: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return 1


def _run(args: argparse.Namespace, out: TextIO) -> int:
    command = args.gazetteer_command
    if command == "list":
        for name, versions in sorted(gz.available_gazetteers().items()):
            latest = gz.load_gazetteer(name)
            listed = ", ".join(versions)
            out.write(f"{name}\t{latest.version}\t{len(latest)} entries\t(versions: {listed})\n")
        return 0
    if command == "show":
        name, version = _split(args.name)
        gaz = gz.load_gazetteer(name, version)
        if args.id is None:
            types = collections.Counter(e.type for e in gaz)
            out.write(f"{gaz.name}@{gaz.version}: {len(gaz)} entries\n")
            out.write(f"sha256: {gaz.sha256}\n")
            for kind in gz.ENTRY_TYPES:
                if types[kind]:
                    out.write(f"{kind}: {types[kind]}\n")
            return 0
        entry = gaz.get(args.id)
        if entry is None:
            raise gz.GazetteerError(f"{gaz.name}@{gaz.version} has no entry {args.id!r}")
        out.write(json.dumps(entry.to_json(), ensure_ascii=False, indent=2) + "\n")
        return 0
    if command == "validate":
        errors = gz.validate_file(args.path)
        if errors:
            for error in errors:
                sys.stderr.write(f"{error}\n")
            sys.stderr.write(f"{args.path}: {len(errors)} error(s)\n")
            return 1
        count = len(gz.Gazetteer.from_path(args.path))
        out.write(f"{args.path}: valid, {count} entries\n")
        return 0
    if command == "diff":
        old = gz.load_gazetteer(args.name, args.old)
        new = gz.load_gazetteer(args.name, args.new)
        result = old.diff(new)
        out.write(f"--- {result.old}\n+++ {result.new}\n")
        for entry_id in result.added:
            out.write(f"added\t{entry_id}\n")
        for entry_id in result.removed:
            out.write(f"removed\t{entry_id}\n")
        for change in result.changed:
            out.write(f"changed\t{change.id}\t{', '.join(change.fields)}\n")
            for alias in change.aliases_added:
                out.write(f"\t+ {alias}\n")
            for alias in change.aliases_removed:
                out.write(f"\t- {alias}\n")
        return 0
    if command == "stats":
        out.write(
            "gazetteer\tversion\tentries\tperson\tagency\torganization\tplace\taliases\tcountries\n"
        )
        for name in sorted(gz.available_gazetteers()):
            gaz = gz.load_gazetteer(name)
            types = collections.Counter(e.type for e in gaz)
            aliases = sum(len(e.surfaces) for e in gaz)
            countries = len({e.country for e in gaz if e.country})
            counts = "\t".join(str(types[k]) for k in gz.ENTRY_TYPES)
            out.write(f"{name}\t{gaz.version}\t{len(gaz)}\t{counts}\t{aliases}\t{countries}\n")
        return 0
    raise AssertionError(f"unhandled gazetteer command {command!r}")  # pragma: no cover
