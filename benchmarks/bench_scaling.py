"""Matching throughput against gazetteer size: arnorm, flashtext, pyahocorasick and spaCy.

For each gazetteer -- the shipped ones (all four together) and synthetic ones
of ``--entries`` entries (a random name of 1-3 words and one alias each, the
generator of ``bench_match.py``, fixed seed) -- every contender is built from
the same surfaces (names, aliases and abbreviations as written) and then finds
them in the development corpus (``shared/corpus/news-00*.txt`` joined with line
feeds) repeated to at least ``--size-mb`` megabytes of UTF-8.  The contenders
take turns in one process, ``--runs`` times, after a warm-up; the best run
counts.  They are the ones of ``bench_match.py``, imported from it: arnorm's
``Matcher.find``, flashtext with Arabic letters, marks and digits as word
characters, pyahocorasick with a word-boundary check and spaCy's
``PhraseMatcher`` line by line (on ``--spacy-mb`` when given).

Throughput is megabytes (10**6 bytes) of UTF-8 input per second.
``tools/plot_performance.py`` draws the saved figures for the docs.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_scaling.py            # print the table (about 90 s on 2 cores)
    python benchmarks/bench_scaling.py --quick    # smoke run, small sizes (seconds)
    python benchmarks/bench_scaling.py --save     # also write results/scaling.json
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
from bench_match import (
    CORPUS_GLOB,
    Contender,
    Find,
    _contender_results,
    _sizes,
    ahocorasick_find,
    flashtext_find,
    race,
    read_corpus,
    results_head,
    shipped_gazetteers,
    shipped_surfaces,
    spacy_find,
    synthetic_gazetteer,
    utf8_mb,
)
from bench_normalize import DEFAULT_CORPUS, save_results

from arnorm import Gazetteer, Matcher

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "scaling.json"

#: Sizes of a full run and of a ``--quick`` smoke run; a flag given explicitly wins.
FULL = {"size_mb": 5.0, "entries": [1_000, 10_000, 100_000], "runs": 5}
QUICK = {"size_mb": 0.5, "entries": [1_000, 10_000], "runs": 1}

#: A find function made from the gazetteers and their surfaces; None if its library is missing.
Make = Callable[[list[Gazetteer], list[str]], Find | None]

#: Key, label, how it is made, what its count counts (the counts are not alike).
CONTENDERS: tuple[tuple[str, str, Make, str], ...] = (
    ("arnorm", "arnorm Matcher.find", lambda g, _: Matcher(g).find, "mentions"),
    ("flashtext", "flashtext KeywordProcessor", lambda _, s: flashtext_find(s), "matches"),
    (
        "pyahocorasick",
        "pyahocorasick + boundary check",
        lambda _, s: ahocorasick_find(s),
        "hits (overlaps too)",
    ),
    (
        "spacy",
        "spaCy PhraseMatcher, by line",
        lambda _, s: spacy_find(s),
        "matches (overlaps too)",
    ),
)

NOTES = [
    "The text is a few articles repeated: after the first copy every per-word cache"
    " (arnorm's, spaCy's tokenizer's) is hot, as in bench_match.py.",
    "Each contender is built once from the same surfaces; build_seconds is that one build.",
    "spaCy's tokenizer caches at most max_cache_size chunks"
    " (input.spacy_tokenizer_max_cache_size); making the pattern docs of a large gazetteer"
    " fills it, and the words of the text are then tokenized afresh on every run.",
    "The counts are not alike: arnorm counts mentions after its gates (common words,"
    " surnames), flashtext leftmost-longest matches, pyahocorasick and spaCy every hit,"
    " nested ones too.",
]

HEADERS = ["Gazetteer", "Entries", "Surfaces", "Contender", "MB/s", "Found"]


@dataclass(frozen=True)
class Subject:
    """One gazetteer size: what the contenders are built from."""

    key: str
    label: str
    kind: str  # "shipped" or "synthetic"
    gazetteers: list[Gazetteer]

    @property
    def entries(self) -> int:
        return sum(len(g) for g in self.gazetteers)


def spacy_cache_size() -> int | None:
    """How many chunks a blank spaCy pipeline's tokenizer caches (None: no spaCy, or no limit)."""
    try:
        import spacy
    except ImportError:
        return None
    size = getattr(spacy.blank("ar").tokenizer, "max_cache_size", None)
    return size if isinstance(size, int) else None


def subjects(sizes: list[int], seed: int) -> Iterator[Subject]:
    """The shipped gazetteers, then one synthetic gazetteer a size (made when its turn comes)."""
    yield Subject("shipped", "shipped (all four)", "shipped", shipped_gazetteers())
    for n in sizes:
        yield Subject(
            f"synthetic-{n}", f"synthetic {n:,}", "synthetic", [synthetic_gazetteer(n, seed)]
        )


def measure(
    subject: Subject, text: str, spacy_text: str, runs: int
) -> tuple[dict[str, Any], list[str]]:
    """Build every contender from *subject* once, race them; the figures and what was skipped."""
    surfaces = shipped_surfaces(subject.gazetteers)
    builds: dict[str, float] = {}
    contenders: list[Contender] = []
    skipped = []
    for key, label, make, counts in CONTENDERS:
        gc.collect()
        start = time.perf_counter()
        run = make(subject.gazetteers, surfaces)
        seconds = time.perf_counter() - start
        if run is None:
            skipped.append(f"{label} (not installed: see benchmarks/README.md)")
            continue
        builds[key] = seconds
        own = spacy_text if key == "spacy" and spacy_text is not text else None
        contenders.append(Contender(key, label, run, counts, own))
    best = race(contenders, text, runs)
    figures = {
        "key": subject.key,
        "label": subject.label,
        "kind": subject.kind,
        "gazetteers": {g.name: g.version for g in subject.gazetteers},
        "entries": subject.entries,
        "surfaces": len(surfaces),
        "build_seconds": {k: round(v, 4) for k, v in builds.items()},
        "results": _contender_results(contenders, best),
    }
    return figures, skipped


#: Column widths of the printed table (the rows are printed as each gazetteer is done).
WIDTHS = (20, 8, 9, 31, 6)


def print_rows(rows: list[list[str]]) -> None:
    for row in rows:
        *shown, last = row
        cells = [
            c.ljust(w) if i in (0, 3) else c.rjust(w)
            for i, (c, w) in enumerate(zip(shown, WIDTHS, strict=True))
        ]
        print("  ".join([*cells, last]), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--size-mb", type=float, help="input size (default 5; quick 0.5)")
    parser.add_argument("--spacy-mb", type=float, help="spaCy's input size (default: the same)")
    parser.add_argument(
        "--entries",
        type=_sizes,
        help="synthetic gazetteer sizes (default 1000,10000,100000; quick 1000,10000)",
    )
    parser.add_argument("--runs", type=int, help="runs per contender, best counts (default 5)")
    parser.add_argument("--seed", type=int, default=7, help="synthetic data seed (default 7)")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help=f"folder of {CORPUS_GLOB}"
    )
    parser.add_argument("--save", action="store_true", help=f"write {DEFAULT_OUTPUT.name}")
    parser.add_argument("--output", type=Path, help="results file (default results/scaling.json)")
    args = parser.parse_args(argv)
    if args.quick and args.save and args.output is None:
        parser.error("--quick --save would overwrite the committed results; give --output")
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    started = time.perf_counter()
    load_before = os.getloadavg()
    corpus = read_corpus(args.corpus)
    text = corpus.repeated(args.size_mb)
    spacy_text = text if args.spacy_mb is None else corpus.repeated(args.spacy_mb)
    print(
        f"input: {', '.join(corpus.files)} repeated to {utf8_mb(text):.2f} MB of UTF-8"
        + ("" if spacy_text is text else f"; spaCy on {utf8_mb(spacy_text):.2f} MB")
        + f"; best of {args.runs} run(s); load average {load_before[0]:.2f}"
    )
    gazetteers: list[dict[str, Any]] = []
    skipped: set[str] = set()
    rows: list[list[str]] = []
    print_rows([HEADERS])
    for subject in subjects(args.entries, args.seed):
        figures, missing = measure(subject, text, spacy_text, args.runs)
        skipped.update(missing)
        gazetteers.append(figures)
        new = [
            [
                subject.label,
                f"{figures['entries']:,}",
                f"{figures['surfaces']:,}",
                r["label"],
                f"{r['mb_per_s']:.1f}",
                f"{r['found']:,}",
            ]
            for r in figures["results"].values()
        ]
        print_rows(new)
        rows += new
    for label in sorted(skipped):
        print(f"skipped: {label}", file=sys.stderr)
    load_after = os.getloadavg()
    elapsed = time.perf_counter() - started
    print(f"load average after {load_after[0]:.2f}; total {elapsed:.0f} s")

    head = results_head("bench_scaling", corpus, text, spacy_text)
    head["input"]["distinct_words"] = len(set(corpus.base.split()))
    head["input"]["spacy_tokenizer_max_cache_size"] = spacy_cache_size()
    results = {
        **head,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "notes": NOTES,
        "quick": args.quick,
        "runs": args.runs,
        "seed": args.seed,
        "unit": "MB/s: 10**6 bytes of UTF-8 input per second of wall time, best run",
        "contenders": {
            key: {"label": label, "counts": counts} for key, label, _, counts in CONTENDERS
        },
        "gazetteers": gazetteers,
        "skipped": sorted(skipped),
        "table": {"headers": HEADERS, "rows": rows},
        "total_seconds": round(elapsed, 1),
    }
    if args.save:
        save_results(args.output or DEFAULT_OUTPUT, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
