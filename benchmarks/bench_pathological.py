"""The command line on pathological single lines: time and peak memory, at full size.

The reliability review found inputs that made arnorm quadratic or hungry: one long word with
no spaces, one letter repeated, a run of tatweel or of fatha, ``بَ`` pairs, و repeated before a
name, a name repeated on one line, zero-width characters. The test suite checks each at small
sizes (``tests/test_reliability_*``: linear growth, bounded memory per piece); this benchmark
runs them at the size the review used, one line of ``--size-mb`` megabytes (200 in the review,
20 by default here), through ``arnorm match`` and ``arnorm normalize``, each in a fresh process
whose peak resident memory is read from the operating system.

The target (issue 12): a 200 MB single line of any of them matches in under 500 MB of peak
memory.

    python benchmarks/bench_pathological.py                  # 20 MB lines (a few minutes)
    python benchmarks/bench_pathological.py --size-mb 200 --save
"""

from __future__ import annotations

import argparse
import datetime
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
from bench_cli_memory import arnorm_command
from bench_normalize import MB, environment, save_results

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "pathological.json"
PEAK_TARGET_MB = 500.0
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
NAME = "المديرية العامة للأمن الوطني"

#: Each pathological line, as a function of its size in characters.
PATTERNS: dict[str, Callable[[int], str]] = {
    "one long word": lambda n: "".join(random.Random(1).choices(LETTERS, k=n)),  # noqa: S311
    "one letter repeated": lambda n: "ب" * n,
    "tatweel run": lambda n: " " + "ـ" * (n - 2) + "ت",
    "fatha run": lambda n: "ب" + "\u064e" * (n - 1),
    "بَ pairs": lambda n: "بَ" * (n // 2),
    "و repeated before a name": lambda n: "و" * (n - len(NAME) - 1) + " " + NAME,
    "a name repeated": lambda n: (NAME + " ") * (n // (len(NAME) + 1)),
    "zero-width run": lambda n: "ب" + "\u200c" * (n - 2) + "ت",
}

#: Runs a command and prints its peak resident memory in KiB (Linux ru_maxrss), alone.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.stderr.buffer.write(done.stderr[-2000:])\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure(argv: list[str], timeout: float) -> dict[str, Any]:
    """Run *argv* in a fresh process; its status, wall time and peak RSS in MB."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - this project's own CLI on files made here
        [sys.executable, "-c", _MEASURE, *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - start
    status, kib = (int(x) for x in done.stdout.split())
    return {"status": status, "seconds": round(wall, 2), "peak_mb": round(kib / 1024, 1)}


def run(size_mb: float, timeout: float, command: list[str]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as scratch:
        for name, make in PATTERNS.items():
            source = Path(scratch) / "line.txt"
            text = make(max(16, int(size_mb * MB / 2)))  # two UTF-8 bytes an Arabic character
            source.write_text(text + "\n", encoding="utf-8")
            mb = source.stat().st_size / MB
            row = {"mb": round(mb, 1)}
            for verb in ("match", "normalize"):
                argv = [*command, verb, str(source), "-o", str(Path(scratch) / "out")]
                row[verb] = measure(argv, timeout)
            rows[name] = row
            m, n = row["match"], row["normalize"]
            print(
                f"{name:<26}{mb:>7.1f} MB  match {m['seconds']:>7.2f} s {m['peak_mb']:>7.1f} MB"
                f"  normalize {n['seconds']:>7.2f} s {n['peak_mb']:>7.1f} MB",
                flush=True,
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="line size (default 20)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="per command, seconds")
    parser.add_argument("--arnorm", help="the arnorm command (default: beside this Python)")
    parser.add_argument("--save", action="store_true", help="also write results/pathological.json")
    args = parser.parse_args(argv)
    rows = run(args.size_mb, args.timeout, arnorm_command(args.arnorm))
    worst = max(r["match"]["peak_mb"] for r in rows.values())
    failed = [name for name, r in rows.items() if r["match"]["status"] or r["normalize"]["status"]]
    results = {
        "benchmark": "bench_pathological.py",
        "command": "python benchmarks/bench_pathological.py " + " ".join(sys.argv[1:]),
        "date": datetime.date.today().isoformat(),
        **environment(),
        "size_mb": args.size_mb,
        "patterns": rows,
        "table": {
            "headers": [
                "Line",
                "MB",
                "match s",
                "match peak MB",
                "normalize s",
                "normalize peak MB",
            ],
            "rows": [
                [
                    name,
                    r["mb"],
                    r["match"]["seconds"],
                    r["match"]["peak_mb"],
                    r["normalize"]["seconds"],
                    r["normalize"]["peak_mb"],
                ]
                for name, r in rows.items()
            ],
        },
        "targets": [
            {
                "label": f"match, worst peak memory on a {args.size_mb:g} MB line",
                "value_mb": worst,
                "maximum_mb": PEAK_TARGET_MB,
                "met": worst < PEAK_TARGET_MB and not failed,
            }
        ],
    }
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    if args.save:
        save_results(DEFAULT_OUTPUT, results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
