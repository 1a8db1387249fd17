"""Objects that travel: pickle sizes and times, and a saved matcher loaded against its build.

What a distributed engine pays to send arnorm's objects to a worker:

* a :class:`~arnorm.Normalizer` (its configuration);
* a :class:`~arnorm.Matcher` of the shipped gazetteers (their names and versions),
  unpickled in a fresh process (where it is built) and again (where it is cached);
* a :class:`~arnorm.Matcher` of a synthetic gazetteer of ``--entries`` entries
  (default 100,000): its build against :meth:`~arnorm.Matcher.save` and
  :meth:`~arnorm.Matcher.load`, and against a pickle round trip.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_travel.py            # print
    python benchmarks/bench_travel.py --save     # also write results/travel.json
"""

from __future__ import annotations

import argparse
import datetime
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
from bench_match import synthetic_gazetteer
from bench_normalize import environment, save_results

import arnorm
from arnorm import Matcher, Normalizer, NormalizerConfig

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "travel.json"
T = TypeVar("T")

#: Unpickles an object in a fresh process and times the first and a second loads.
CHILD = """
import pickle, sys, time
import arnorm  # imported before the clock starts: a worker has it already
data = sys.stdin.buffer.read()
t = time.perf_counter(); first = pickle.loads(data); t1 = time.perf_counter() - t
t = time.perf_counter(); again = pickle.loads(data); t2 = time.perf_counter() - t
assert first is again
print(t1, t2)
"""


def best(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of *runs* calls of *work*, and what the last call returned."""
    times = []
    result: T
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def fresh_loads(data: bytes) -> tuple[float, float]:
    """Seconds to unpickle *data* in a fresh process: the first time, and once more."""
    child = subprocess.run(  # noqa: S603 - this Python, our own script
        [sys.executable, "-c", CHILD], input=data, capture_output=True, check=True
    )
    first, again = (float(x) for x in child.stdout.split())
    return first, again


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="synthetic gazetteer size")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement, best counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--save", action="store_true", help="write the results file")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    rows: list[list[str]] = []
    results: dict[str, Any] = {}

    for key, label, obj in (
        (
            "normalizer",
            "Normalizer (search profile)",
            Normalizer(NormalizerConfig.profile("search")),
        ),
        ("shipped_matcher", "Matcher() of the shipped gazetteers", Matcher()),
    ):
        data = pickle.dumps(obj)
        first, again = fresh_loads(data)
        results[key] = {
            "pickle_bytes": len(data),
            "first_loads_ms": round(first * 1e3, 3),
            "cached_loads_ms": round(again * 1e3, 4),
        }
        rows.append(
            [
                label,
                f"{len(data)} B",
                f"loads {first * 1e3:.1f} ms in a fresh process, then {again * 1e3:.3f} ms",
            ]
        )

    gazetteer = synthetic_gazetteer(args.entries, args.seed)
    build, matcher = best(args.runs, lambda: Matcher([gazetteer]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "synthetic.matcher")
        save, _ = best(args.runs, lambda: matcher.save(path))
        size = path.stat().st_size
        load, loaded = best(args.runs, lambda: Matcher.load(path))
    assert loaded.lookup("x") == matcher.lookup("x")
    blob = pickle.dumps(matcher)
    unpickle, _ = best(args.runs, lambda: pickle.loads(blob))  # noqa: S301 - our own bytes
    results["user_matcher"] = {
        "entries": args.entries,
        "build_seconds": round(build, 4),
        "save_seconds": round(save, 4),
        "file_mb": round(size / 1e6, 1),
        "load_seconds": round(load, 4),
        "pickle_mb": round(len(blob) / 1e6, 1),
        "unpickle_seconds": round(unpickle, 4),
        "build_over_load": round(build / load, 2),
    }
    label = f"Matcher of {args.entries:,} synthetic entries"
    rows.append([label + ": build", "", f"{build:.2f} s"])
    rows.append([label + ": save", f"{size / 1e6:.1f} MB", f"{save:.2f} s"])
    rows.append([label + ": load", "", f"{load:.2f} s ({build / load:.1f}x faster than build)"])
    rows.append([label + ": pickle", f"{len(blob) / 1e6:.1f} MB", f"loads {unpickle:.2f} s"])

    width = max(len(r[0]) for r in rows)
    for name, size_text, timing in rows:
        print(f"{name:<{width}}  {size_text:>9}  {timing}")
    if args.save:
        save_results(
            args.output,
            {
                "benchmark": "bench_travel",
                "command": "python benchmarks/bench_travel.py --save",
                "date": datetime.date.today().isoformat(),
                **environment(),
                "arnorm": arnorm.__version__,
                "runs": args.runs,
                "results": results,
                "table": {"headers": ["Object", "Size", "Time"], "rows": rows},
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
