"""Throughput of arnorm side by side with pyarabic's and CAMeL Tools' usual chains.

The input is the development corpus (``shared/corpus/news-*.txt``) concatenated
and repeated in memory to at least ``--size-mb`` megabytes of UTF-8.  Every
contender normalizes the same ``str`` in the same process, in turn, ``--runs``
times; the best run counts.  Throughput is megabytes (10**6 bytes) of UTF-8
input per second.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_normalize.py            # print the table
    python benchmarks/bench_normalize.py --save     # also write results/normalize.json
"""

from __future__ import annotations

import argparse
import datetime
import gc
import hashlib
import importlib.metadata
import json
import os
import platform
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import arnorm

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
DEFAULT_OUTPUT = HERE / "results" / "normalize.json"
MB = 1_000_000

Normalize = Callable[[str], object]


@dataclass(frozen=True)
class Contender:
    key: str
    label: str
    run: Normalize


@dataclass(frozen=True)
class Target:
    label: str
    numerator: str
    denominator: str
    minimum: float


# What the project has to meet on its 2-core CI machine.
TARGETS = (
    Target("search / pyarabic chain", "arnorm_search", "pyarabic_chain", 4.0),
    Target("search / CAMeL chain", "arnorm_search", "camel_chain", 20.0),
    Target("offsets / pyarabic chain", "arnorm_offsets", "pyarabic_chain", 1.0),
)


def pyarabic_chain() -> Normalize | None:
    """pyarabic's usual search normalization, in the order its users chain it."""
    try:
        from pyarabic import araby
    except ImportError:
        return None

    def run(text: str) -> str:
        text = araby.strip_tashkeel(text)
        text = araby.strip_tatweel(text)
        text = araby.normalize_ligature(text)
        text = araby.normalize_alef(text)
        return araby.normalize_teh(text)

    return run


def camel_chain() -> Normalize | None:
    """CAMeL Tools' usual normalization: NFKC, dediacritization, alef, alef maksura, teh marbuta."""
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )
    except ImportError:
        return None

    def run(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        text = dediac_ar(text)
        text = normalize_alef_ar(text)
        text = normalize_alef_maksura_ar(text)
        return normalize_teh_marbuta_ar(text)

    return run


def contenders() -> tuple[list[Contender], list[str]]:
    """The contenders that can run here, and the labels of those that cannot."""
    light = arnorm.NormalizerConfig.profile("light")
    found = [
        Contender("arnorm_search", "arnorm.normalize (search)", arnorm.normalize),
        Contender("arnorm_light", "arnorm.normalize (light)", lambda t: arnorm.normalize(t, light)),
        Contender(
            "arnorm_offsets",
            "arnorm.normalize_with_offsets (search)",
            arnorm.normalize_with_offsets,
        ),
    ]
    missing = []
    for key, label, factory, hint in (
        ("pyarabic_chain", "pyarabic chain", pyarabic_chain, "pip install pyarabic"),
        ("camel_chain", "CAMeL Tools chain", camel_chain, "pip install --no-deps camel-tools"),
    ):
        run = factory()
        if run is None:
            missing.append(f"{label} (not installed: {hint})")
        else:
            found.append(Contender(key, label, run))
    return found, missing


@dataclass(frozen=True)
class Corpus:
    text: str
    files: list[str]
    base_bytes: int
    repetitions: int
    sha256: str

    @property
    def bytes(self) -> int:
        return len(self.text.encode("utf-8"))


def build_corpus(directory: Path, size_mb: float) -> Corpus:
    """Concatenate the articles and repeat them to at least *size_mb* MB of UTF-8."""
    paths = sorted(directory.glob("news-*.txt"))
    if not paths:
        raise SystemExit(f"bench_normalize: no news-*.txt in {directory} (use --corpus DIR)")
    base = "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"
    encoded = base.encode("utf-8")
    repetitions = max(1, -(-int(size_mb * MB) // len(encoded)))
    return Corpus(
        text=base * repetitions,
        files=[p.name for p in paths],
        base_bytes=len(encoded),
        repetitions=repetitions,
        sha256=hashlib.sha256(encoded).hexdigest(),
    )


def measure(entries: list[Contender], text: str, runs: int) -> dict[str, float]:
    """Best wall time in seconds of each contender; the contenders take turns in each round."""
    sample = text[:100_000]
    for entry in entries:  # warm up: compile patterns, fill caches
        entry.run(sample)
    best = dict.fromkeys((e.key for e in entries), float("inf"))
    for _ in range(runs):
        for entry in entries:
            gc.collect()
            start = time.perf_counter()
            result = entry.run(text)
            elapsed = time.perf_counter() - start
            del result
            best[entry.key] = min(best[entry.key], elapsed)
    return best


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def environment() -> dict[str, Any]:
    """Machine, Python and library versions, for the results file."""
    return {
        "machine": {
            "platform": platform.platform(),
            "architecture": platform.machine(),
            "cpu": _cpu_model(),
            "cpus": os.cpu_count(),
        },
        "python": {
            "implementation": platform.python_implementation(),
            "version": platform.python_version(),
        },
        "libraries": {
            name: _version(name)
            for name in ("arnorm", "pyarabic", "camel-tools", "regex", "unicodedata2")
        },
    }


def save_results(path: Path, results: dict[str, Any], *, lead: str = "") -> None:
    """Write *results* as the JSON that the docs render, and say so (after *lead*)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{lead}wrote {path}")


def _ratio(mbps: dict[str, float], numerator: str, denominator: str) -> float | None:
    if numerator not in mbps or denominator not in mbps:
        return None
    return mbps[numerator] / mbps[denominator]


def _fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}x"


def report(
    entries: list[Contender], best: dict[str, float], corpus: Corpus, runs: int
) -> dict[str, Any]:
    """Print the table and the ratios; return the results as a JSON-able dict."""
    megabytes = corpus.bytes / MB
    mbps = {key: megabytes / seconds for key, seconds in best.items()}
    headers = ["Normalizer", "MB/s", "vs pyarabic chain", "vs CAMeL chain"]
    rows = [
        [
            e.label,
            f"{mbps[e.key]:.1f}",
            _fmt_ratio(_ratio(mbps, e.key, "pyarabic_chain")),
            _fmt_ratio(_ratio(mbps, e.key, "camel_chain")),
        ]
        for e in entries
    ]
    print(
        f"input: {', '.join(corpus.files)} ({corpus.base_bytes:,} bytes) repeated"
        f" {corpus.repetitions:,} times = {megabytes:.2f} MB of UTF-8,"
        f" {len(corpus.text):,} characters; best of {runs} runs"
    )
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells))
    print()
    targets = []
    for target in TARGETS:
        value = _ratio(mbps, target.numerator, target.denominator)
        met = None if value is None else value >= target.minimum
        verdict = {None: "not measured", True: "met", False: "MISSED"}[met]
        shown = "n/a" if value is None else f"{value:.2f}x"
        print(f"{target.label:<26} {shown:>7}  (target >= {target.minimum:g}x)  {verdict}")
        targets.append(
            {
                "label": target.label,
                "ratio": None if value is None else round(value, 2),
                "minimum": target.minimum,
                "met": met,
            }
        )
    return {
        "benchmark": "bench_normalize",
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        **environment(),
        "input": {
            "files": corpus.files,
            "sha256_of_concatenation": corpus.sha256,
            "repetitions": corpus.repetitions,
            "utf8_bytes": corpus.bytes,
            "characters": len(corpus.text),
        },
        "runs": runs,
        "unit": "MB/s: 10**6 bytes of UTF-8 input per second of wall time, best run",
        "results": {
            e.key: {
                "label": e.label,
                "mb_per_s": round(mbps[e.key], 1),
                "best_seconds": round(best[e.key], 4),
            }
            for e in entries
        },
        "targets": targets,
        "table": {"headers": headers, "rows": rows},
    }


GENRE_TARGETS = (
    Target("search / pyarabic chain", "arnorm_search", "pyarabic_chain", 4.0),
    Target("offsets / pyarabic chain", "arnorm_offsets", "pyarabic_chain", 1.0),
)


#: What every contender normalizes before its cold pass, so that the cold pass
#: measures the text and not the set-up of the library.
WARM_UP = "قال المديرُ العامّ إنّ الإمـــارات\u200c ﻷمن 2024 (٢٠٢٤) ...\n"


def measure_cold(
    entries: list[Contender], text: str, runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Each contender's first pass over *text* (cold) and its best of *runs* more (warm).

    The first pass of every contender comes before any warm run, so none of
    them has seen the text before its cold pass; each has normalized a short
    other text first, so that compiling its patterns is not counted.
    """
    cold: dict[str, float] = {}
    for entry in entries:  # set up (compile patterns) on a text that is not this one
        entry.run(WARM_UP)
    for entry in entries:
        gc.collect()
        start = time.perf_counter()
        result = entry.run(text)
        cold[entry.key] = time.perf_counter() - start
        del result
    warm = measure(entries, text, runs) if runs else dict(cold)
    return cold, warm


def report_genres(entries: list[Contender], texts: dict[str, str], runs: int) -> dict[str, Any]:
    """Measure and print one table per genre; return them as a JSON-able dict."""
    out: dict[str, Any] = {}
    verdicts = []
    for genre, text in texts.items():
        megabytes = len(text.encode("utf-8")) / MB
        cold, warm = measure_cold(entries, text, runs)
        cold_mbps = {k: megabytes / v for k, v in cold.items()}
        warm_mbps = {k: megabytes / v for k, v in warm.items()}
        print(f"{genre}: {megabytes:.2f} MB of UTF-8, {len(text):,} characters")
        headers = ["Normalizer", "cold MB/s", "vs pyarabic", "warm MB/s", "vs pyarabic"]
        rows = [
            [
                e.label,
                f"{cold_mbps[e.key]:.1f}",
                _fmt_ratio(_ratio(cold_mbps, e.key, "pyarabic_chain")),
                f"{warm_mbps[e.key]:.1f}",
                _fmt_ratio(_ratio(warm_mbps, e.key, "pyarabic_chain")),
            ]
            for e in entries
        ]
        widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
        for row in [headers, *rows]:
            cells = [row[0].ljust(widths[0])] + [
                c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
            ]
            print("  " + "  ".join(cells))
        targets = []
        for target in GENRE_TARGETS:
            value = _ratio(cold_mbps, target.numerator, target.denominator)
            met = None if value is None else value >= target.minimum
            verdicts.append(met)
            shown = "n/a" if value is None else f"{value:.2f}x"
            verdict = {None: "not measured", True: "met", False: "MISSED"}[met]
            print(
                f"  cold {target.label:<26} {shown:>7}  (target >= {target.minimum:g}x)  {verdict}"
            )
            targets.append({"label": target.label, "ratio": value and round(value, 2), "met": met})
        print()
        out[genre] = {
            "utf8_bytes": len(text.encode("utf-8")),
            "characters": len(text),
            "cold_mb_per_s": {k: round(v, 1) for k, v in cold_mbps.items()},
            "warm_mb_per_s": {k: round(v, 1) for k, v in warm_mbps.items()},
            "targets": targets,
            "table": {"headers": headers, "rows": rows},
        }
    return {
        "benchmark": "bench_normalize --genres",
        "command": "python benchmarks/bench_normalize.py " + " ".join(sys.argv[1:]),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        **environment(),
        "runs": runs,
        "unit": "MB/s: 10**6 bytes of UTF-8 input per second; cold = first pass, warm = best run",
        "genres": out,
        "all_targets_met": all(v is not False for v in verdicts),
        # One row a genre, cold, and the targets per genre: what the docs render.
        "table": {
            "headers": [
                "Genre",
                "MB",
                "search",
                "offsets",
                "pyarabic chain",
                "search / pyarabic",
                "offsets / pyarabic",
            ],
            "rows": [
                [
                    genre,
                    f"{g['utf8_bytes'] / MB:.2f}",
                    *(
                        f"{g['cold_mb_per_s'].get(k, float('nan')):.1f}"
                        for k in ("arnorm_search", "arnorm_offsets", "pyarabic_chain")
                    ),
                    *(f"{t['ratio']}x" for t in g["targets"]),
                ]
                for genre, g in out.items()
            ],
        },
        "targets": [
            {
                "label": f"{genre}: {t['label']}",
                "ratio": t["ratio"],
                "minimum": target.minimum,
                "met": bool(t["met"]),
            }
            for genre, g in out.items()
            for t, target in zip(g["targets"], GENRE_TARGETS, strict=True)
            if t["ratio"] is not None
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size-mb",
        type=float,
        default=50.0,
        help="input size (default 50; with --genres, each generated genre's size, default 2)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per contender (default 5)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of news-*.txt")
    parser.add_argument("--save", action="store_true", help=f"write {DEFAULT_OUTPUT.name}")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 if a measured target is missed"
    )
    parser.add_argument(
        "--genres",
        action="store_true",
        help="measure the cold, varied corpus of benchmarks/genres.py, one table per genre",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    entries, missing = contenders()
    for label in missing:
        print(f"skipped: {label}", file=sys.stderr)
    if args.genres:
        sys.path.insert(0, str(HERE))
        import genres

        size = args.size_mb if args.size_mb != 50.0 else 2.0
        texts = genres.build(size, args.corpus)
        results = report_genres(entries, texts, args.runs)
        results["command"] = " ".join(["python", "benchmarks/bench_normalize.py", *sys.argv[1:]])
        if args.save:
            save_results(args.output.with_name("normalize_genres.json"), results, lead="\n")
        return 1 if args.check and not results["all_targets_met"] else 0
    corpus = build_corpus(args.corpus, args.size_mb)
    best = measure(entries, corpus.text, args.runs)
    results = report(entries, best, corpus, args.runs)
    results["command"] = " ".join(["python", "benchmarks/bench_normalize.py", *sys.argv[1:]])
    if args.save:
        save_results(args.output, results, lead="\n")
    if args.check and any(t["met"] is False for t in results["targets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
