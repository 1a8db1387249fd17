"""Where one cold pass of the matcher spends its time, stage by stage, on each text of bench_cold.

``bench_cold.py`` gives the headline (one cold pass, MB/s, beside the peers). This script
splits the same pass into its stages, on the same texts, to show what a faster design would
have to remove:

- ``normalize``: the ``search`` profile with offsets (:meth:`Normalizer.with_offsets`);
- ``words``: splitting the normalized text into words and separators;
- ``walk``: finding the words that may begin a name (the bulk screen of the distinct words
  new to the matcher, then the lookups of those that pass it) and walking from them;
- ``resolve``: choosing each span's entry (country context, ranking, evidence) and making
  the :class:`~arnorm.Match` records.

A fresh matcher makes one pass per text, 65,536 characters at a time as
:meth:`Matcher.find` does (the overlap of its windows aside). ``floor`` is the throughput
of ``normalize`` and ``words`` alone: no design that normalizes and splits the text in
Python first can be faster. ``no_walk`` is the throughput if finding the names cost nothing
(``normalize``, ``words`` and ``resolve``): what a faster engine for the walk could reach at
most, while choosing each match's entry stays Python. The stages call the matcher's private
parts, so this script follows them when they change; the headline stays ``bench_cold.py``'s.

Run from the repository root::

    python benchmarks/bench_stages.py                # 2 MB texts
    python benchmarks/bench_stages.py --size-mb 1
    python benchmarks/bench_stages.py --save         # also write results/stages.json
"""

from __future__ import annotations

import argparse
import datetime
import gc
import sys
import time
from pathlib import Path
from typing import Any

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
from bench_cold import texts
from bench_match import utf8_mb
from bench_normalize import DEFAULT_CORPUS, environment, save_results

from arnorm import Matcher
from arnorm.matcher._context import Document
from arnorm.matcher._walk import PIECE

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "stages.json"
STAGES = ("normalize", "words", "walk", "resolve")


def stages(text: str) -> dict[str, Any]:
    """Seconds per stage of one cold pass of a fresh matcher over *text*, and the counts."""
    matcher = Matcher()
    seconds = dict.fromkeys(STAGES, 0.0)
    hits = found = 0
    doc = Document()
    gc.collect()
    for at in range(0, len(text), PIECE):
        piece = text[at : at + PIECE]
        t0 = time.perf_counter()
        normalized, offsets = matcher._normalizer.with_offsets(piece)
        t1 = time.perf_counter()
        words = matcher._walker.words(normalized)
        t2 = time.perf_counter()
        found_hits = matcher._walker.hits(words)
        t3 = time.perf_counter()
        matches = (
            list(matcher._resolve(piece, at, offsets, words, found_hits, doc)) if found_hits else []
        )
        t4 = time.perf_counter()
        for stage, spent in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            seconds[stage] += spent
        hits += len(found_hits)
        found += len(matches)
    mb = utf8_mb(text)
    total = sum(seconds.values())
    return {
        "mb": round(mb, 3),
        "seconds": {k: round(v, 4) for k, v in seconds.items()},
        "share": {k: round(v / total, 3) for k, v in seconds.items()},
        "mb_per_s": round(mb / total, 2),
        "floor_mb_per_s": round(mb / (seconds["normalize"] + seconds["words"]), 2),
        # what the pass would give if finding the names cost nothing: the walk is the
        # part a faster engine replaces, the resolving (country context, ranking,
        # evidence, the Match records) stays per match
        "no_walk_mb_per_s": round(
            mb / (seconds["normalize"] + seconds["words"] + seconds["resolve"]), 2
        ),
        "hits": hits,
        "found": found,
    }


def table(rows: dict[str, Any]) -> dict[str, Any]:
    """The rows the docs render: one text a row, seconds per stage."""
    headers = [
        "Text",
        "MB",
        "MB/s",
        "Floor MB/s",
        "No-walk MB/s",
        *(f"{s} (s)" for s in STAGES),
        "Hits",
        "Found",
    ]
    out = [
        [
            name,
            f"{row['mb']:.2f}",
            f"{row['mb_per_s']:.2f}",
            f"{row['floor_mb_per_s']:.1f}",
            f"{row['no_walk_mb_per_s']:.1f}",
            *(f"{row['seconds'][s]:.3f}" for s in STAGES),
            f"{row['hits']:,}",
            f"{row['found']:,}",
        ]
        for name, row in rows.items()
    ]
    return {"headers": headers, "rows": out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size-mb", type=float, default=2.0, help="text size (default 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", action="store_true", help="also write results/stages.json")
    args = parser.parse_args(argv)
    rows: dict[str, Any] = {}
    print(f"{'text':<14}{'MB/s':>7}{'floor':>8}  " + "  ".join(f"{s:>9}" for s in STAGES))
    for name, text in texts(args.corpus, args.size_mb, args.seed).items():
        row = rows[name] = stages(text)
        shares = "  ".join(f"{row['seconds'][s]:>6.3f} s" for s in STAGES)
        print(
            f"{name:<14}{row['mb_per_s']:>7.2f}{row['floor_mb_per_s']:>8.1f}  {shares}", flush=True
        )
    if args.save:
        save_results(
            DEFAULT_OUTPUT,
            {
                "benchmark": "bench_stages.py",
                "command": "python benchmarks/bench_stages.py " + " ".join(sys.argv[1:]),
                "date": datetime.date.today().isoformat(),
                **environment(),
                "headline": "seconds per stage of one cold pass; bench_cold.py has the headline",
                "size_mb": args.size_mb,
                "seed": args.seed,
                "texts": rows,
                "table": table(rows),
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
