"""Matching quality on the development corpus: recall and precision, by span and by entry.

**In-sample.** The development corpus (``../shared/corpus/`` beside the checkout: 28
third-party articles and the mentions expected in them) is what the matcher was tuned on.
A score here says how the matcher does on text it has seen; the project is measured on
articles it has not.  Quote these figures only with that said.

The scoring follows the corpus README:

- a predicted match *finds* a listed mention when it overlaps the mention's span and has the
  same type;
- it finds the *right entry* when, in addition, its ``id`` is the mention's ``id`` (a mention
  whose ``id`` is ``null`` names an entity the gazetteers lack: no match can be right there);
- titles that name an agency are not listed, so a match that overlaps no mention is ignored
  (neither right nor wrong) when the clause before it starts with a title word
  (مدير، رئيس، قائد، وزير); any other match that overlaps no mention is wrong.

**The id mapping.** The corpus was annotated against the first gazetteer releases, so a
mention whose entity had no entry then is ``"id": null``.  ``corpus-ids.json`` (beside this
script) records a decision, taken by hand, for each of those: the id of the shipped entry
that is the entity, or ``"missing"`` with a reason and a date.  A null mention with a mapped
id is judged exactly like a mention annotated with that id; the mapping adds ids, it never
changes one (a record for a mention that has an id, or for no mention, is an error).  The
report says how many ids came from the mapping, and gives the overall figures as annotated
beside them.  ``tools/corpus_ids.py`` proposes candidates for the decisions.

Reported: recall over all mentions (span, and right entry), recall over the mentions that
have an ``id`` (right entry), precision by span and counting the entry, each overall, per
type and per method.  ``P id`` counts the entry over the matches that can be judged by it:
a match that finds only mentions whose ``id`` is null (an entity the gazetteers lacked when
the corpus was annotated, which a later release may have added) is left out of it.

Run from the repository root::

    python benchmarks/bench_quality.py            # print the tables
    python benchmarks/bench_quality.py --save     # also write results/quality.json
    python benchmarks/bench_quality.py --mapping none   # the corpus as annotated
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import arnorm
from arnorm import Match, Matcher

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
DEFAULT_OUTPUT = HERE / "results" / "quality.json"
DEFAULT_MAPPING = HERE / "corpus-ids.json"

#: The id a mapping record gives a mention whose entity is not (yet) in the gazetteers.
MISSING = "missing"

#: A clause that starts with one of these words is a title: a match in it that overlaps no
#: listed mention is neither right nor wrong (the corpus README lists no titles).
TITLE = re.compile(r"(مدير|رئيس|قائد|وزير)")
_CLAUSE_END = re.compile(r"[،,.:؛\n]")


def clause_before(text: str, start: int) -> str:
    """The clause that leads up to *start* (at most 60 characters back)."""
    return _CLAUSE_END.split(text[max(0, start - 60) : start])[-1]


@dataclass(frozen=True)
class Verdict:
    """What one predicted match is worth."""

    match: Match
    found: tuple[int, ...]  # indices of the listed mentions it finds (same type, overlapping)
    right_entry: bool  # it finds a mention whose id is its own
    ignored: bool  # it finds nothing, inside a title: neither right nor wrong


def judge(
    text: str, matches: Iterable[Match], listed: Sequence[tuple[int, Mapping[str, Any]]]
) -> list[Verdict]:
    """The verdict on each of *matches* in *text*, against the *listed* (index, mention) pairs."""
    verdicts = []
    for match in matches:
        found = tuple(
            i
            for i, g in listed
            if g["type"] == match.type
            and int(g["start"]) < match.end
            and match.start < int(g["end"])
        )
        right = any(
            listed_id == match.id for i, g in listed if i in found for listed_id in [g["id"]]
        )
        ignored = not found and bool(TITLE.search(clause_before(text, match.start)))
        verdicts.append(Verdict(match, found, right, ignored))
    return verdicts


@dataclass
class Tally:
    """Counts behind one row of the tables."""

    mentions: int = 0
    with_id: int = 0
    found: int = 0
    found_right: int = 0
    predicted: int = 0
    predicted_right_span: int = 0
    predicted_right_entry: int = 0
    #: Matches that find only mentions whose id is null: the entity had no entry when the
    #: corpus was annotated, so the entry they name cannot be judged.
    predicted_unjudged: int = 0

    def row(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "mentions": self.mentions,
            "mentions_with_id": self.with_id,
            "predicted": self.predicted,
            "recall_span": ratio(self.found, self.mentions),
            "recall_entry": ratio(self.found_right, self.mentions),
            "recall_entry_where_id": ratio(self.found_right, self.with_id),
            "precision_span": ratio(self.predicted_right_span, self.predicted),
            "precision_entry": ratio(self.predicted_right_entry, self.predicted),
            "precision_entry_where_id": ratio(
                self.predicted_right_entry, self.predicted - self.predicted_unjudged
            ),
        }


def score(
    matcher: Matcher, articles: Sequence[Path], mentions: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Recall and precision of *matcher* on *articles*, overall, per type and per method."""
    overall = Tally()
    types: dict[str, Tally] = {}
    methods: dict[str, Tally] = {}
    found: set[int] = set()
    found_right: set[int] = set()
    names = {p.name for p in articles}
    for path in articles:
        text = path.read_text(encoding="utf-8")
        listed = [(i, g) for i, g in enumerate(mentions) if g["file"] == path.name]
        for v in judge(text, matcher.find(text), listed):
            if v.ignored:
                continue
            for tally in (
                overall,
                types.setdefault(v.match.type, Tally()),
                methods.setdefault(v.match.method, Tally()),
            ):
                tally.predicted += 1
                tally.predicted_right_span += bool(v.found)
                tally.predicted_right_entry += v.right_entry
                tally.predicted_unjudged += bool(v.found) and all(
                    mentions[i]["id"] is None for i in v.found
                )
            found.update(v.found)
            found_right.update(i for i in v.found if mentions[i]["id"] == v.match.id)
    for i, g in enumerate(mentions):
        if g["file"] not in names:
            continue
        for tally in (overall, types.setdefault(g["type"], Tally())):
            tally.mentions += 1
            tally.with_id += g["id"] is not None
            tally.found += i in found
            tally.found_right += i in found_right
    return {
        "overall": overall.row(),
        "per_type": {t: types[t].row() for t in sorted(types)},
        # Recall has no meaning per method: a mention that is missed has no method.
        "per_method": {
            m: {
                k: v
                for k, v in methods[m].row().items()
                if k.startswith(("predicted", "precision"))
            }
            for m in sorted(methods)
        },
    }


def load_corpus(corpus: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    """The articles of *corpus* and the mentions listed for them (an error if there are none)."""
    articles = sorted(corpus.glob("news-*.txt"))
    mentions_file = corpus / "mentions.jsonl"
    if not articles or not mentions_file.is_file():
        raise SystemExit(f"bench_quality: no articles or no mentions.jsonl in {corpus}")
    lines = mentions_file.read_text(encoding="utf-8").splitlines()
    return articles, [json.loads(line) for line in lines if line.strip()]


def _key(record: Mapping[str, Any]) -> tuple[str, int, int]:
    return (str(record["file"]), int(record["start"]), int(record["end"]))


def load_mapping(path: Path, mentions: Sequence[Mapping[str, Any]]) -> dict[int, dict[str, Any]]:
    """The records of the id mapping *path*, by the index in *mentions* of the mention each
    one decides.

    A record names its mention by ``file``, ``start``, ``end`` and ``text``; it must name
    exactly one listed mention, one whose ``id`` is null (the mapping adds ids, it never
    changes one), and no mention twice.  Anything else raises :class:`SystemExit` saying
    which record is wrong and why.
    """
    where = f"bench_quality: {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data["mentions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SystemExit(f"{where}: not an id mapping ({error})") from None
    index = {_key(g): i for i, g in enumerate(mentions)}
    out: dict[int, dict[str, Any]] = {}
    for n, record in enumerate(records):
        what = f"{where}: mentions[{n}]"
        try:
            i = index.get(_key(record))
        except (KeyError, TypeError, ValueError):
            raise SystemExit(f"{what}: no file, start and end") from None
        if i is None:
            raise SystemExit(f"{what}: {_key(record)} is no listed mention")
        listed = mentions[i]
        if record.get("text") != listed["text"]:
            raise SystemExit(
                f"{what}: text {record.get('text')!r}, the mention's is {listed['text']!r}"
            )
        if listed["id"] is not None:
            raise SystemExit(
                f"{what}: the mention already has the id {listed['id']!r}; "
                "the mapping adds ids, it never changes one"
            )
        if i in out:
            raise SystemExit(f"{what}: {_key(record)} is decided twice")
        if not isinstance(record.get("id"), str) or not record["id"]:
            raise SystemExit(f"{what}: no id (an entry id or {MISSING!r})")
        out[i] = dict(record)
    return out


def apply_mapping(
    mentions: Sequence[Mapping[str, Any]], mapping: Mapping[int, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """*mentions* with the ids that *mapping* gives their null mentions (``missing`` stays null)."""
    out = []
    for i, g in enumerate(mentions):
        g = dict(g)
        decided = mapping.get(i)
        if g["id"] is None and decided is not None and decided["id"] != MISSING:
            g["id"] = decided["id"]
        out.append(g)
    return out


def _mapping_summary(
    path: Path, mentions: Sequence[Mapping[str, Any]], mapping: Mapping[int, Mapping[str, Any]]
) -> dict[str, Any]:
    nulls = sum(g["id"] is None for g in mentions)
    missing: dict[str, int] = {}
    for record in mapping.values():
        if record["id"] == MISSING:
            reason = str(record.get("reason"))
            missing[reason] = missing.get(reason, 0) + 1
    try:
        shown = path.resolve().relative_to(HERE.parent).as_posix()
    except ValueError:
        shown = path.name
    return {
        "file": shown,
        "null_mentions": nulls,
        "ids_from_mapping": sum(r["id"] != MISSING for r in mapping.values()),
        "missing": {k: missing[k] for k in sorted(missing)},
        "undecided": nulls - len(mapping),
    }


def results(corpus: Path, mapping: Path | None = DEFAULT_MAPPING) -> dict[str, Any]:
    """The default matcher's figures on *corpus*, as ``results/quality.json`` holds them.

    With a *mapping* (``corpus-ids.json`` by default), the null mentions it decides are
    scored with their mapped ids, and the overall figures as annotated are given beside.
    """
    articles, mentions = load_corpus(corpus)
    matcher = Matcher()
    figures: dict[str, Any] = {
        "in_sample": True,
        "note": (
            "In-sample: the development corpus is what the matcher was tuned on. "
            "Out-of-sample quality is measured on articles the project does not have."
        ),
        "arnorm": arnorm.__version__,
        "gazetteers": {g.name: g.version for g in matcher.gazetteers},
        "articles": len(articles),
        "mentions": len(mentions),
    }
    if mapping is None:
        figures["scores"] = score(matcher, articles, mentions)
        return figures
    decided = load_mapping(mapping, mentions)
    figures["note"] += (
        " Some ids are not the corpus's own: a mention annotated null is scored with the id "
        "that the hand-made mapping gives it (id_mapping); scores_as_annotated uses none."
    )
    figures["id_mapping"] = _mapping_summary(mapping, mentions, decided)
    figures["scores"] = score(matcher, articles, apply_mapping(mentions, decided))
    figures["scores_as_annotated"] = {"overall": score(matcher, articles, mentions)["overall"]}
    return figures


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render(figures: dict[str, Any]) -> str:
    """The tables that ``--save`` writes as JSON, for a terminal."""
    s = figures["scores"]
    columns = ("R span", "R entry", "R id", "P span", "P entry", "P id")
    head = f"{'':<14}{'mentions':>9}{'predicted':>10}" + "".join(f"{c:>8}" for c in columns)
    versions = ", ".join(f"{k} {v}" for k, v in figures["gazetteers"].items())
    lines = [
        f"IN-SAMPLE: development corpus, {figures['articles']} articles, "
        f"{figures['mentions']} mentions; {versions}",
    ]
    mapped = figures.get("id_mapping")
    if mapped is not None:
        missing = ", ".join(f"{n} {reason}" for reason, n in mapped["missing"].items())
        lines.append(
            f"ids from {mapped['file']}: {mapped['ids_from_mapping']} of the "
            f"{mapped['null_mentions']} mentions annotated null; still missing: {missing or 'none'}"
            + (f"; undecided: {mapped['undecided']}" if mapped["undecided"] else "")
        )
    lines.append(head)

    def row(label: str, r: Mapping[str, Any]) -> str:
        return (
            f"{label:<14}{r['mentions']:>9}{r['predicted']:>10}{_fmt(r['recall_span']):>8}"
            f"{_fmt(r['recall_entry']):>8}{_fmt(r['recall_entry_where_id']):>8}"
            f"{_fmt(r['precision_span']):>8}{_fmt(r['precision_entry']):>8}"
            f"{_fmt(r['precision_entry_where_id']):>8}"
        )

    rows = [("all", s["overall"])] + [(t, r) for t, r in s["per_type"].items()]
    lines.extend(row(label, r) for label, r in rows)
    if "scores_as_annotated" in figures:
        lines.append(row("as annotated", figures["scores_as_annotated"]["overall"]))
    lines.append("")
    lines.append(f"{'method':<22}{'predicted':>10}{'P span':>8}{'P entry':>8}{'P id':>8}")
    for method, r in s["per_method"].items():
        lines.append(
            f"{method:<22}{r['predicted']:>10}{_fmt(r['precision_span']):>8}"
            f"{_fmt(r['precision_entry']):>8}{_fmt(r['precision_entry_where_id']):>8}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="the development corpus folder"
    )
    parser.add_argument(
        "--mapping",
        default=str(DEFAULT_MAPPING),
        help="the id mapping for the mentions annotated null, or 'none' (default: %(default)s)",
    )
    parser.add_argument(
        "--save", action="store_true", help=f"also write {DEFAULT_OUTPUT.relative_to(HERE.parent)}"
    )
    args = parser.parse_args(argv)
    mapping = None if args.mapping == "none" else Path(args.mapping)
    if args.save and mapping != DEFAULT_MAPPING:
        parser.error("--save writes the figures with the default mapping only")
    figures = results(args.corpus, mapping)
    print(render(figures))
    if args.save:
        DEFAULT_OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        DEFAULT_OUTPUT.write_text(
            json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"wrote {DEFAULT_OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
