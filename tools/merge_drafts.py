"""Merge research drafts over a released gazetteer into one draft, and say what conflicts.

    python tools/merge_drafts.py officials@1.0.0 DRAFT.jsonl [DRAFT.jsonl ...] -o merged.jsonl
    python tools/merge_drafts.py officials@2.0.0 VERIFIED.jsonl ... --verified \
        --verified-base EARLIER-VERIFIED.jsonl --schema 2 --checked 2025-06 -o merged.jsonl

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

With ``--replace``, a draft entry whose id is already there replaces it whole instead: a
fully verified draft (``corrections-2026-12-verified.jsonl``) holds complete entries whose
unconfirmed aliases, sources and roles were removed on purpose, and uniting would bring them
back.

With ``--verified``, every draft is fully verified, and an entry is replaced or united by
where the entry already there comes from. Over an entry that no verifier checked (a released
entry of an earlier review), the verified entry replaces it whole, as with ``--replace``. Over
an entry that is itself verified, because an earlier draft of the same merge gave it or its id
is in a ``--verified-base`` file (the verified draft an earlier release was made from), the two
are united instead: both hold only checked facts, and replacing one by the other would drop
some. Uniting verified entries is stricter than the default merge:

- a role is the same role when its organisation and its title (Arabic or English) agree and
  its starts agree, a start given to the year or month agreeing with the same start given more
  precisely; the more precise of two dates that agree wins, and two ends that disagree (one
  open, or different dates) are a conflict, reported, the later file's winning;
- sources are the same source when their addresses agree (a source with no address, when it
  is the same in full);
- ``checked``: when the united entry has an open role, the earliest ``checked`` of the entries
  that claim one (an entry whose roles are all closed confirms no open role); otherwise the
  latest, the date on which the entry was last checked.

Only entries of the types the released gazetteer holds are taken (a corrections file may
hold people, agencies and places side by side: each goes to its own gazetteer); the others
are counted in the report. Research-only keys (``fix``) are dropped.

``--schema 2`` makes the merge a draft of a 2.0.0 release (``arnorm.gazetteer.schema_of``),
and says on standard error what it changed:

- a source that is the development corpus (``shared/corpus``) is removed, and an entry left
  with no source is dropped: the corpus is for testing, never a source;
- a role with no ``from`` is moved into the entry's ``notes`` (its title, organisation and
  end), since schema 2 dates every role and a start date is never invented;
- a person with no ``checked`` gets ``--checked DATE``, the date as of which the review that
  last read the unchanged entries confirmed their open roles (required with ``--schema 2``),
  or the start of their latest open role when that is later: the appointment's own source
  confirmed the role on that day.

Two people of one country whose ids differ but where the name of one is a name or alias of the
other are reported as a possible duplicate (a conflict): two writers may have given one person
two ids.

``--decisions FILE`` applies the release's reviewed decisions: a JSON list of objects, each
with a ``why`` and one of

- ``{"id": DRAFT_ID, "same_as": ID}``: the drafts' entry ``DRAFT_ID`` is the person already
  released as ``ID`` (ids are never renamed): it is read as ``ID`` and merged by the rules
  above;
- ``{"id": A, "distinct_from": B}``: a possible duplicate reviewed, two people;
- ``{"id": ..., "role": {...}, "set": {...}}``, applied after the merge (before
  ``--schema 2``): ``set`` gives fields of the entry, or, with ``role`` or ``source`` (fields
  that pick exactly one of its roles or sources, such as ``title_en`` and ``from``, or
  ``url``), of that role or source: a ``note`` explaining two holders of one post, a
  ``name_en`` settling a conflict; ``null`` takes a field away (a source ``date`` that is no
  date);
- ``{"id": ..., "role": {...}, "drop": true}`` (or ``"source"``): that one role or source is
  taken away, as when a merge kept one role twice at two precisions (``2017-01`` and
  ``2017-01-01``).

A decision whose entry or role is not there, or that gives no ``why``, is an error, so that a
decision cannot outlive the data it was made on; a conflict on a field that a decision sets is
reported as decided.

The output is a draft for ``tools/release_gazetteer.py``; the report goes to standard error,
and the exit status is 1 when there were conflicts (the merged file is written all the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from arnorm import gazetteer, normalize
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


def _agrees(one: object, two: object) -> bool:
    """Two dates agree when one is the other given less precisely (``2015`` and ``2015-03-05``)."""
    if not isinstance(one, str) or not isinstance(two, str):
        return one is None and two is None
    short, long = sorted((one, two), key=len)
    return long == short or long.startswith(short + "-")


def _precise(one: object, two: object) -> object:
    """Of two dates that agree, the more precise."""
    return max((one, two), key=lambda d: len(d) if isinstance(d, str) else -1)


def _same_role(one: dict[str, Any], two: dict[str, Any]) -> bool:
    if one.get("organization") != two.get("organization"):
        return False
    titles = one.get("title") == two.get("title") or (
        one.get("title_en") is not None and one.get("title_en") == two.get("title_en")
    )
    return titles and _agrees(one.get("from"), two.get("from"))


def _verified_roles(
    old: list[dict[str, Any]], new: list[dict[str, Any]], where: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """*old* and *new* roles of two verified entries united; the conflicts, as sentences."""
    merged = [dict(r) for r in old]
    conflicts: list[str] = []
    for role in new:
        same = next((r for r in merged if _same_role(r, role)), None)
        if same is None:
            merged.append(dict(role))
            continue
        start = _precise(same.get("from"), role.get("from"))
        end_old, end_new = same.get("to"), role.get("to")
        if _agrees(end_old, end_new):
            end = _precise(end_old, end_new)
        else:
            title = role.get("title_en") or role.get("title")
            conflicts.append(
                f"{where}: {title} from {start}: to {end_old or 'open'} -> {end_new or 'open'}"
            )
            end = end_new
        same.update({k: v for k, v in role.items() if v is not None})
        same["from"], same["to"] = start, end
    ordered = sorted(merged, key=lambda r: (str(r.get("from") or ""), str(r.get("title"))))
    return ordered, conflicts


def _verified_sources(old: Iterable[Any], new: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    seen: set[str] = set()
    for source in [*old, *new]:
        url = source.get("url") if isinstance(source, dict) else None
        key = url or json.dumps(source, ensure_ascii=False, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(source)
    return out


def _claims_open_role(entry: dict[str, Any]) -> bool:
    return any(r.get("to") is None for r in entry.get("roles") or [])


def unite_verified(
    old: dict[str, Any], new: dict[str, Any], origin: str
) -> tuple[dict[str, Any], list[str]]:
    """Two verified entries of one id united (see the module's docs); the conflicts."""
    out, conflicts = merge_entry(old, new, origin)
    out["sources"] = _verified_sources(old.get("sources", ()), new.get("sources", ()))
    if old.get("roles") or new.get("roles"):
        where = f"{old['id']} ({origin})"
        out["roles"], found = _verified_roles(old.get("roles", []), new.get("roles", []), where)
        conflicts.extend(found)
    dates = [e["checked"] for e in (old, new) if e.get("checked")]
    claims = [e["checked"] for e in (old, new) if e.get("checked") and _claims_open_role(e)]
    if _claims_open_role(out) and claims:
        out["checked"] = min(claims)
    elif dates:
        out["checked"] = max(dates)
    return out, conflicts


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
    base: Iterable[dict[str, Any]],
    drafts: Iterable[Path],
    *,
    replace: bool = False,
    verified: bool = False,
    verified_base: Iterable[str] = (),
    same_as: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[str], int]:
    """The merged entries, the conflicts, and how many draft entries were of other types.

    With *replace*, a draft entry replaces the entry of the same id whole (no conflicts).
    With *verified*, every draft is verified: a draft entry replaces an entry of the same id
    that no verifier checked, and is united with one that is verified, either given by an
    earlier draft or named in *verified_base* (:func:`unite_verified`). *same_as* maps a
    draft's id to the id of the same person already released: the entry is read under it.
    """
    if replace and verified:
        raise ValueError("replace and verified are two different rules: choose one")
    entries: dict[str, dict[str, Any]] = {e["id"]: e for e in base}
    checked_ids = set(verified_base)
    types = {e["type"] for e in entries.values()}
    conflicts: list[str] = []
    elsewhere = 0
    for path in drafts:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            entry = {k: v for k, v in json.loads(line).items() if k not in RESEARCH_ONLY}
            if same_as and entry["id"] in same_as:
                entry["id"] = same_as[entry["id"]]
            if entry["type"] not in types:
                elsewhere += 1
                continue
            origin = f"{path.name}:{number}"
            if verified and entry["id"] in entries and entry["id"] in checked_ids:
                entries[entry["id"]], found = unite_verified(entries[entry["id"]], entry, origin)
                conflicts.extend(found)
            elif entry["id"] in entries and (replace or verified):
                entries[entry["id"]] = entry
            elif entry["id"] in entries:
                entries[entry["id"]], found = merge_entry(entries[entry["id"]], entry, origin)
                conflicts.extend(found)
            else:
                entries[entry["id"]] = entry
            if verified:
                checked_ids.add(entry["id"])
    return list(entries.values()), conflicts, elsewhere


def possible_duplicates(entries: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of people of one country, two ids, where one's name is a surface of the other
    or their English names agree."""
    people = [e for e in entries if e.get("type") == "person"]
    owners: dict[tuple[object, str], list[str]] = {}
    for e in people:
        for surface in dict.fromkeys([e["name"], *(e.get("aliases") or [])]):
            owners.setdefault((e.get("country"), normalize(surface)), []).append(e["id"])
        english = " ".join(str(e.get("name_en") or "").casefold().split())
        owners.setdefault((e.get("country"), f"en:{english}"), []).append(e["id"])
    pairs: set[tuple[str, str]] = set()
    for e in people:
        english = " ".join(str(e.get("name_en") or "").casefold().split())
        keys = ((e.get("country"), normalize(e["name"])), (e.get("country"), f"en:{english}"))
        for other in (o for key in keys for o in owners.get(key, [])):
            if other != e["id"]:
                pairs.add((min(other, e["id"]), max(other, e["id"])))
    return sorted(pairs)


def split_decisions(
    decisions: list[dict[str, Any]],
) -> tuple[dict[str, str], set[tuple[str, str]], list[dict[str, Any]]]:
    """The ``same_as`` map, the reviewed distinct pairs and the ``set`` decisions.

    Raises ValueError, saying which decision, when one is malformed.
    """
    same: dict[str, str] = {}
    distinct: set[tuple[str, str]] = set()
    sets: list[dict[str, Any]] = []
    for number, decision in enumerate(decisions):
        where = f"decision {number} ({decision.get('id')!r})"
        if not isinstance(decision.get("why"), str) or not decision["why"].strip():
            raise ValueError(f"{where}: says no 'why'")
        kinds = [k for k in ("same_as", "distinct_from", "set", "drop") if k in decision]
        if len(kinds) != 1:
            raise ValueError(f"{where}: needs one of 'same_as', 'distinct_from', 'set' or 'drop'")
        if kinds == ["same_as"]:
            same[decision["id"]] = decision["same_as"]
        elif kinds == ["distinct_from"]:
            pair = sorted((decision["id"], decision["distinct_from"]))
            distinct.add((pair[0], pair[1]))
        else:
            sets.append(decision)
    return same, distinct, sets


def apply_decisions(
    entries: list[dict[str, Any]], decisions: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """Apply reviewed *decisions* to *entries* in place; the (id, field) pairs they set.

    Raises ValueError, saying which decision, when one cannot be applied.
    """
    by_id = {e["id"]: e for e in entries}
    done: list[tuple[str, str]] = []
    for number, decision in enumerate(decisions):
        where = f"decision {number} ({decision.get('id')!r})"
        if not isinstance(decision.get("why"), str) or not decision["why"].strip():
            raise ValueError(f"{where}: says no 'why'")
        drop = decision.get("drop") is True
        if drop and not ("role" in decision) ^ ("source" in decision):
            raise ValueError(f"{where}: 'drop' takes away one 'role' or one 'source'")
        if not drop and (not isinstance(decision.get("set"), dict) or not decision["set"]):
            raise ValueError(f"{where}: 'set' must give at least one field")
        entry = by_id.get(decision["id"])
        if entry is None:
            raise ValueError(f"{where}: no entry has this id")
        target = entry
        for part, field in (("role", "roles"), ("source", "sources")):
            if part not in decision:
                continue
            pick = decision[part]
            found = [
                r for r in entry.get(field) or [] if all(r.get(k) == v for k, v in pick.items())
            ]
            if len(found) != 1:
                raise ValueError(f"{where}: {len(found)} {field} match {pick!r}, not one")
            target = found[0]
            if drop:
                entry[field] = [r for r in entry[field] if r is not target]
                done.append((entry["id"], field))
        if drop:
            continue
        target.update(decision["set"])
        for key in [k for k, v in decision["set"].items() if v is None]:
            del target[key]  # null takes the field away
        done.extend((entry["id"], key) for key in decision["set"])
    return done


def _dev_corpus(source: dict[str, Any]) -> bool:
    title, url = source.get("title"), source.get("url")
    # the validator's own test, so that what is removed here is exactly what it refuses
    return gazetteer._dev_corpus_source(str(title or ""), url) is not None


def _role_words(role: dict[str, Any]) -> str:
    title = role.get("title_en") or role.get("title")
    org = f", {role['organization']}" if role.get("organization") else ""
    end = f"to {role['to']}" if role.get("to") else "no end date in the sources"
    return f"{title} ({role.get('title')}{org}; start date not in the sources; {end})"


def to_schema2(
    entries: list[dict[str, Any]], checked: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """*entries* made fit for schema 2 (see the module's docs); what changed, as sentences."""
    out: list[dict[str, Any]] = []
    report: list[str] = []
    for entry in entries:
        entry = dict(entry)
        kept = [s for s in entry.get("sources", []) if not _dev_corpus(s)]
        if len(kept) < len(entry.get("sources", [])):
            gone = len(entry["sources"]) - len(kept)
            if not kept:
                report.append(
                    f"dropped {entry['id']}: its only sources were the development corpus"
                )
                continue
            report.append(f"{entry['id']}: removed {gone} development-corpus source(s)")
            entry["sources"] = kept
        roles = entry.get("roles") or []
        undated = [r for r in roles if not r.get("from")]
        if undated:
            entry["roles"] = [r for r in roles if r.get("from")]
            if not entry["roles"]:
                del entry["roles"]
            words = "; ".join(_role_words(r) for r in undated)
            moved = f"Also held, undated: {words}."
            entry["notes"] = f"{entry['notes']} {moved}" if entry.get("notes") else moved
            report.append(f"{entry['id']}: {len(undated)} undated role(s) moved to notes")
        if entry.get("type") == "person" and not entry.get("checked"):
            # an open role that began later was confirmed by its own source when it began
            starts = [r["from"] for r in entry.get("roles", []) if not r.get("to")]
            entry["checked"] = max([checked, *starts])
            report.append(f"{entry['id']}: checked set to {entry['checked']}")
        out.append(entry)
    return out, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the released gazetteer to start from, as name@version")
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument(
        "--replace", action="store_true", help="a draft entry replaces the entry with its id"
    )
    parser.add_argument(
        "--verified",
        action="store_true",
        help="the drafts are fully verified: replace unverified entries, unite verified ones",
    )
    parser.add_argument(
        "--verified-base",
        action="append",
        type=Path,
        default=[],
        metavar="DRAFT",
        help="with --verified: a verified draft that released entries of the base came from",
    )
    parser.add_argument(
        "--decisions", type=Path, help="a JSON list of reviewed decisions, applied last"
    )
    parser.add_argument("--schema", type=int, choices=(1, 2), default=1)
    parser.add_argument("--checked", help="with --schema 2: checked for people that have none")
    args = parser.parse_args(argv)
    if args.schema == 2 and not args.checked:
        parser.error("--schema 2 needs --checked DATE")
    if args.replace and args.verified:
        parser.error("--replace and --verified are two different rules: choose one")
    if args.verified_base and not args.verified:
        parser.error("--verified-base goes with --verified")
    verified_base = {
        json.loads(line)["id"]
        for path in args.verified_base
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    same: dict[str, str] = {}
    distinct: set[tuple[str, str]] = set()
    sets: list[dict[str, Any]] = []
    if args.decisions:
        try:
            decisions = json.loads(args.decisions.read_text(encoding="utf-8"))
            same, distinct, sets = split_decisions(decisions)
        except (OSError, ValueError) as exc:
            print(f"{args.decisions}: {exc}", file=sys.stderr)
            return 2
        drafted = {
            json.loads(line)["id"]
            for path in args.drafts
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        if set(same) - drafted:
            print(f"{args.decisions}: no draft has {sorted(set(same) - drafted)}", file=sys.stderr)
            return 2
    name, _, version = args.base.partition("@")
    base = [e.to_json() for e in load_gazetteer(name, version or None)]
    merged, conflicts, elsewhere = merge(
        base,
        args.drafts,
        replace=args.replace,
        verified=args.verified,
        verified_base=verified_base,
        same_as=same,
    )
    decided: set[tuple[str, str]] = set()
    if args.decisions:
        try:
            decided = set(apply_decisions(merged, sets))
        except ValueError as exc:
            print(f"{args.decisions}: {exc}", file=sys.stderr)
            return 2
    ids = {e["id"] for e in merged}
    for pair in sorted(set(possible_duplicates(merged)) - distinct):
        conflicts.append(f"{pair[0]}: possible duplicate of {pair[1]} (same name, same country)")
    for pair in sorted(distinct - set(possible_duplicates(merged))):
        if not set(pair) <= ids:
            print(f"{args.decisions}: {pair}: no such entries", file=sys.stderr)
            return 2
    if args.schema == 2:
        merged, changes = to_schema2(merged, args.checked)
        for change in changes:
            print(change, file=sys.stderr)
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in merged)
    args.output.write_text(text, encoding="utf-8")
    print(f"{len(merged)} entries written to {args.output}", file=sys.stderr)
    if elsewhere:
        print(
            f"{elsewhere} draft entries of other types left for their gazetteers", file=sys.stderr
        )
    open_conflicts = 0
    for conflict in conflicts:
        entry_id, _, rest = conflict.partition(": ")
        if (entry_id, rest.split(" ", 1)[0]) in decided:
            print(f"conflict (decided in {args.decisions}): {conflict}", file=sys.stderr)
        else:
            open_conflicts += 1
            print(f"conflict: {conflict}", file=sys.stderr)
    return 1 if open_conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
