"""Wall time of ``arnorm match`` and ``arnorm normalize`` on many files, with --jobs 1 and 2.

The input is a directory of ``--files`` files (default 16) that together hold at
least ``--size-mb`` megabytes (default 80): each is the development corpus
(``shared/corpus/news-*.txt``) joined and repeated, with its own first line so
that no two files are the same.  Three commands run in child processes on
that directory, with ``--jobs 1`` and ``--jobs 2`` taking turns, ``--runs``
times each (default 3):

* ``arnorm match -r DIR --jobs J -o OUT`` (JSON Lines records into a file);
* ``arnorm normalize -r DIR --jobs J`` with standard output sent to a file;
* ``arnorm normalize -r DIR --jobs J --output-dir OUT`` (one file per input).

The best time of each counts, and the speed-up is the best time with one job
divided by the best time with two.  The outputs of the two are compared byte
for byte (the script stops if they differ).  Other work on the machine slows
the runs down unevenly, so the load average before and after is recorded too.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_jobs.py                 # print the table
    python benchmarks/bench_jobs.py --size-mb 20    # quicker
    python benchmarks/bench_jobs.py --save          # also write results/jobs.json
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
from bench_cli_memory import arnorm_command, corpus_bytes
from bench_normalize import DEFAULT_CORPUS, MB, environment, save_results

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "jobs.json"
JOBS = (1, 2)


@dataclass(frozen=True)
class Command:
    """One command line to time: ``{src}``, ``{jobs}`` and ``{out}`` in *args* are filled in."""

    key: str
    label: str
    args: tuple[str, ...]
    #: whether standard output goes to the output (else the command writes ``{out}`` itself)
    stdout: bool = False

    def argv(self, cli: list[str], source: Path, work: Path, jobs: int) -> tuple[list[str], Path]:
        """The command line, and the output to compare across numbers of jobs."""
        out = work / f"{self.key}-{jobs}"
        fields = {"src": str(source), "jobs": str(jobs), "out": str(out)}
        return [*cli, *(arg.format(**fields) for arg in self.args)], out


COMMANDS = (
    Command(
        "match",
        "arnorm match -r DIR -o OUT",
        ("match", "-r", "{src}", "--jobs", "{jobs}", "-o", "{out}"),
    ),
    Command(
        "normalize_stdout",
        "arnorm normalize -r DIR > OUT",
        ("normalize", "-r", "{src}", "--jobs", "{jobs}"),
        stdout=True,
    ),
    Command(
        "normalize_output_dir",
        "arnorm normalize -r DIR --output-dir OUT",
        ("normalize", "-r", "{src}", "--jobs", "{jobs}", "--output-dir", "{out}"),
    ),
)


def write_inputs(directory: Path, corpus: Path, files: int, size_mb: float) -> int:
    """Write *files* files of the corpus repeated, *size_mb* MB in all; return their size."""
    base = corpus_bytes(corpus, "bench_jobs")
    each = int(size_mb * MB) // files
    body = base * max(1, -(-each // len(base)))
    total = 0
    for i in range(files):
        data = f"الملف رقم {i}\n".encode() + body
        (directory / f"news-{i:03d}.txt").write_bytes(data)
        total += len(data)
    return total


def digest(path: Path) -> str:
    """The SHA-256 of a file, or of every file below a directory with its relative name."""
    h = hashlib.sha256()
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if file.is_file():
            h.update(str(file.relative_to(path)).encode() if path.is_dir() else b"")
            h.update(file.read_bytes())
    return h.hexdigest()


def run_once(argv: list[str], output: Path, stdout: bool, timeout: float) -> float:
    """Run one command line; return its wall time in seconds."""
    with output.open("wb") if stdout else open(os.devnull, "wb") as out:  # noqa: PTH123
        start = time.perf_counter()
        # The command is this project's own CLI, with paths this script created.
        done = subprocess.run(  # noqa: S603
            argv, stdout=out, stderr=subprocess.PIPE, timeout=timeout, check=False
        )
        wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"bench_jobs: {' '.join(argv)} exited with {done.returncode}")
    return wall


def measure(
    cli: list[str], source: Path, work: Path, runs: int, timeout: float
) -> dict[str, dict[int, list[float]]]:
    """Wall times of every command with each number of jobs, the jobs taking turns."""
    times: dict[str, dict[int, list[float]]] = {c.key: {j: [] for j in JOBS} for c in COMMANDS}
    for command in COMMANDS:
        digests = {}
        for _ in range(runs):
            for jobs in JOBS:
                argv, output = command.argv(cli, source, work, jobs)
                times[command.key][jobs].append(run_once(argv, output, command.stdout, timeout))
                digests[jobs] = digest(output)
        if len(set(digests.values())) != 1:
            raise SystemExit(f"bench_jobs: {command.label}: the outputs of --jobs 1 and 2 differ")
        shown = ", ".join(
            f"--jobs {j}: " + " ".join(f"{t:.2f}" for t in times[command.key][j]) for j in JOBS
        )
        print(f"{command.label}: {shown} s (outputs identical)")
    return times


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # not on this platform
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=16, help="number of files (default 16)")
    parser.add_argument("--size-mb", type=float, default=80.0, help="MB in all (default 80)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of news-*.txt")
    parser.add_argument("--tmpdir", type=Path, default=None, help="where to write the files")
    parser.add_argument("--arnorm", default=None, help="the arnorm executable to run")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds (default 1800)")
    parser.add_argument("--save", action="store_true", help=f"write {DEFAULT_OUTPUT.name}")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.files < 2:
        parser.error("--runs must be at least 1 and --files at least 2")

    cli = arnorm_command(args.arnorm)
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-", dir=args.tmpdir) as tmp:
        source, work = Path(tmp) / "input", Path(tmp) / "work"
        source.mkdir()
        work.mkdir()
        size = write_inputs(source, args.corpus, args.files, args.size_mb)
        print(f"input: {args.files} files, {size / MB:,.1f} MB in {source}")
        print(f"load average before: {load_before}")
        times = measure(cli, source, work, args.runs, args.timeout)
    load_after = load_average()
    print(f"load average after: {load_after}")

    headers = ["Command", "Input MB", "1 job (s)", "2 jobs (s)", "Speed-up"]
    rows = []
    results: dict[str, Any] = {}
    for command in COMMANDS:
        best = {j: min(times[command.key][j]) for j in JOBS}
        speedup = best[1] / best[2]
        medians = {j: statistics.median(times[command.key][j]) for j in JOBS}
        results[command.key] = {
            "label": command.label,
            "seconds": {f"jobs_{j}": [round(t, 3) for t in times[command.key][j]] for j in JOBS},
            "best_seconds": {f"jobs_{j}": round(best[j], 3) for j in JOBS},
            "speedup_best": round(speedup, 2),
            "speedup_median": round(medians[1] / medians[2], 2),
        }
        rows.append(
            [
                command.label,
                f"{size / MB:.0f}",
                f"{best[1]:.2f}",
                f"{best[2]:.2f}",
                f"{speedup:.2f}x",
            ]
        )
        print(
            f"{command.label:<42} best {best[1]:6.2f} s -> {best[2]:6.2f} s: {speedup:.2f}x"
            f" (medians: {medians[1] / medians[2]:.2f}x)"
        )

    report = {
        "benchmark": "bench_jobs",
        "command": " ".join(["python", "benchmarks/bench_jobs.py", *sys.argv[1:]]),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        **environment(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "input": {"files": args.files, "bytes": size, "made_of": "news-*.txt repeated"},
        "runs": args.runs,
        "unit": "seconds of wall time per run; speed-up = best with --jobs 1 / best with --jobs 2",
        "results": results,
        "table": {"headers": headers, "rows": rows},
    }
    if args.save:
        save_results(args.output, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
