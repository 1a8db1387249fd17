"""``arnorm gazetteer``: list, show, validate, diff and count the gazetteers.

Errors are raised, not written: :func:`arnorm.cli.main` reports them all the
same way, with the exit statuses of every command (an unknown gazetteer name,
version or entry is a :class:`UsageError`, status 2; a gazetteer that cannot
be read or does not validate, status 1).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TextIO

from . import gazetteer as gz
from .matcher import aliases_needing_evidence

__all__ = ["UsageError", "add_parser", "load_named", "run"]


class UsageError(Exception):
    """A mistake in the command line that argparse cannot see (exit status 2)."""


def load_named(spec: str) -> gz.Gazetteer:
    """The shipped gazetteer *spec* (``NAME`` or ``NAME@VERSION``) named on the command line.

    An unknown or malformed name or version is a :class:`UsageError`; a
    shipped gazetteer that cannot be loaded (a file that fails its checksum)
    raises :class:`~arnorm.gazetteer.GazetteerError`.
    """
    name, _, version = spec.partition("@")
    known = gz.available_gazetteers()
    if name not in known or (version and version not in known[name]):
        try:
            gz.load_gazetteer(name, version or None)  # says what is wrong with the name
        except gz.GazetteerError as err:
            raise UsageError(str(err)) from None
    return gz.load_gazetteer(name, version or None)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gazetteer`` subcommand and its own subcommands."""
    parser = subparsers.add_parser(
        "gazetteer",
        help="list, show, export, validate and compare gazetteers",
        description="Inspect the shipped gazetteers and validate your own.",
    )
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="COMMAND", required=True)
    parser.epilog = (
        "Exit status: 0 success, 1 a gazetteer that cannot be read or does not validate,"
        " 2 a usage error (including an unknown gazetteer, version or entry)."
    )
    sub.add_parser("list", help="the shipped gazetteers, their versions and entry counts")
    show = sub.add_parser("show", help="a gazetteer's summary, or one entry as JSON")
    show.add_argument("name", metavar="NAME[@VERSION]", help="e.g. agencies or agencies@1.0.0")
    show.add_argument("id", nargs="?", help="an entry id; without it, a summary")
    show.add_argument(
        "--as-of",
        metavar="DATE",
        help=(
            "with an id: the person's roles as a timeline, marking those held on DATE"
            " (YYYY, YYYY-MM or YYYY-MM-DD), instead of the entry as JSON"
        ),
    )
    export = sub.add_parser(
        "export",
        help="a shipped version's JSON Lines, as released",
        description=(
            "Print the JSON Lines of a shipped version exactly as released (checked against"
            " their SHA-256), whether it is stored as a file of its own or in the archive."
        ),
    )
    export.add_argument("name", metavar="NAME[@VERSION]", help="e.g. officials@2.0.0")
    validate = sub.add_parser("validate", help="check a gazetteer file against the schema")
    validate.add_argument("path", help="a JSON Lines (.jsonl) or CSV (.csv) file")
    diff = sub.add_parser("diff", help="entries and aliases added, removed and changed")
    diff.add_argument("name", help="a shipped gazetteer")
    diff.add_argument("old", metavar="V1", help="the older version")
    diff.add_argument("new", metavar="V2", help="the newer version")
    sub.add_parser("stats", help="entries by type, aliases and countries of each gazetteer")
    stale = sub.add_parser(
        "stale",
        help="entries whose roles were last confirmed (checked) before a date",
        description=(
            "List, one a line (gazetteer, id, checked, open roles, English name), the entries"
            " whose 'checked' date, the day their open roles were last confirmed, is before"
            " DATE; with --unchecked, also those that carry none (every entry of a 1.x release)."
        ),
    )
    stale.add_argument(
        "--before", metavar="DATE", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    stale.add_argument("--unchecked", action="store_true", help="also list entries with no date")
    stale.add_argument(
        "names",
        nargs="*",
        metavar="NAME[@VERSION]",
        help="the gazetteers to look at (default: the latest of every shipped one)",
    )
    for command_parser in sub.choices.values():
        # So that a usage error found after parsing shows this command's usage.
        command_parser.set_defaults(command_parser=command_parser)


def _date_argument(value: str, option: str) -> dt.date:
    """The first day of an option's ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""
    try:
        return gz._period(value)[0]
    except ValueError as err:
        raise UsageError(f"{option}: {err}") from None


def _timeline(entry: gz.Entry, as_of: str, out: TextIO) -> None:
    """*entry*'s roles, one a line in the order of their start, those held on *as_of* marked."""
    _date_argument(as_of, "--as-of")
    held = set(map(id, entry.roles_at(as_of)))
    checked = f", roles checked {entry.checked}" if entry.checked else ""
    out.write(f"{entry.name} ({entry.name_en}; {entry.id}{checked})\n")
    for role in sorted(entry.roles, key=lambda r: r.start or ""):
        mark = "*" if id(role) in held else " "
        where = f" [{role.organization}]" if role.organization else ""
        span = f"{role.start or '?'} to {role.end or 'open'}"
        out.write(f"{mark} {span:<25} {role.title_en or role.title}{where}\n")
    out.write(f"* held on {as_of}\n")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a parsed ``gazetteer`` command; return the exit status.

    Raises :class:`UsageError` for an unknown gazetteer, version or entry,
    :class:`~arnorm.gazetteer.GazetteerError` or ``OSError`` for one that
    cannot be loaded.
    """
    return _run(args, sys.stdout if out is None else out)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    command = args.gazetteer_command
    handler = _COMMANDS.get(command)
    if handler is None:  # pragma: no cover - argparse allows only the commands listed
        raise AssertionError(f"unhandled gazetteer command {command!r}")
    return handler(args, out)


def _list(args: argparse.Namespace, out: TextIO) -> int:
    for name, versions in sorted(gz.available_gazetteers().items()):
        latest = gz.load_gazetteer(name)
        listed = ", ".join(versions)
        out.write(f"{name}\t{latest.version}\t{len(latest)} entries\t(versions: {listed})\n")
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    gaz = load_named(args.name)
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
        raise UsageError(f"{gaz.name}@{gaz.version} has no entry {args.id!r}")
    if args.as_of is not None:
        _timeline(entry, args.as_of, out)
        return 0
    out.write(json.dumps(entry.to_json(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    name, _, version = args.name.partition("@")
    try:
        release = gz._release(name, version or None)
    except gz.GazetteerError as err:  # an unknown or malformed name or version
        raise UsageError(str(err)) from None
    out.write(gz._release_lines(name, release).decode("utf-8"))  # checked, not parsed
    return 0


def _stale(args: argparse.Namespace, out: TextIO) -> int:
    cutoff = _date_argument(args.before, "--before")
    names = args.names or sorted(gz.available_gazetteers())
    for gaz in map(load_named, names):
        for e in gaz:
            open_roles = sum(r.end is None for r in e.roles)
            if e.checked is None:
                if args.unchecked:
                    out.write(f"{gaz.name}@{gaz.version}\t{e.id}\t-\t{open_roles}\t{e.name_en}\n")
            elif gz._period(e.checked)[0] < cutoff:
                line = f"{gaz.name}@{gaz.version}\t{e.id}\t{e.checked}\t{open_roles}\t{e.name_en}"
                out.write(line + "\n")
    return 0


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        errors = gz.validate_file(args.path)
    except (gz.GazetteerError, OSError):
        raise
    except Exception as err:  # noqa: BLE001 - reported as the file's error, not a traceback
        errors = [f"{args.path}: {type(err).__name__}: {err}"]
    if errors:
        for error in errors:
            sys.stderr.write(f"{error}\n")
        sys.stderr.write(f"{args.path}: {len(errors)} error(s)\n")
        return 1
    gazetteer = gz.Gazetteer.from_path(args.path)
    out.write(f"{args.path}: valid, {len(gazetteer)} entries\n")
    # Valid, but a matcher reports these aliases only with evidence around them: say so.
    for needing in aliases_needing_evidence(gazetteer):
        sys.stderr.write(
            f"arnorm: warning: {args.path}: alias {needing.alias!r} of"
            f" {needing.entry_id!r}: {needing.reason}\n"
        )
    return 0


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    old = load_named(f"{args.name}@{args.old}")
    new = load_named(f"{args.name}@{args.new}")
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


def _stats(args: argparse.Namespace, out: TextIO) -> int:
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


#: The subcommands of ``arnorm gazetteer``, each run by its own function.
_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "list": _list,
    "show": _show,
    "export": _export,
    "stale": _stale,
    "validate": _validate,
    "diff": _diff,
    "stats": _stats,
}
