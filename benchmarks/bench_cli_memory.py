"""Wall time, throughput and peak memory of ``arnorm normalize FILE -o OUT`` on a large file.

The input is the development corpus (``shared/corpus/news-*.txt``) repeated into
a file of at least ``--size-mb`` megabytes (default 1000, about 1 GB) in a
temporary directory, which is removed afterwards.  The command runs in a child
process; its peak resident memory is ``resource.getrusage(RUSAGE_CHILDREN)
.ru_maxrss``, and the output is checked: as many lines as the input, and the
first line equal to what :func:`arnorm.normalize` gives.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_cli_memory.py                 # about 1 GB
    python benchmarks/bench_cli_memory.py --size-mb 100   # quicker
    python benchmarks/bench_cli_memory.py --save          # also write results/cli_memory.json

POSIX only (it needs the :mod:`resource` module).
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# A sibling script: Python puts this folder first on sys.path when it runs one.
from bench_normalize import DEFAULT_CORPUS, MB, environment, save_results

import arnorm

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "cli_memory.json"
#: The project's target: peak resident memory of the CLI on a 1 GB file.
PEAK_RSS_TARGET_MB = 100.0
BLOCK = 1 << 20


def arnorm_command(explicit: str | None) -> list[str]:
    """The command that runs the CLI: --arnorm, the console script beside this Python, or PATH."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).with_name("arnorm")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("arnorm")
    if found:
        return [found]
    return [sys.executable, "-m", "arnorm"]


def corpus_bytes(corpus: Path, script: str) -> bytes:
    """The articles of *corpus* joined by line feeds, ending with one; *script* says who asks."""
    paths = sorted(corpus.glob("news-*.txt"))
    if not paths:
        raise SystemExit(f"{script}: no news-*.txt in {corpus} (use --corpus DIR)")
    base = b"\n".join(p.read_bytes() for p in paths)
    return base if base.endswith(b"\n") else base + b"\n"


def write_input(path: Path, corpus: Path, size_mb: float) -> int:
    """Write the corpus repeated to at least *size_mb* MB into *path*; return its size."""
    base = corpus_bytes(corpus, "bench_cli_memory")
    block = base * max(1, BLOCK // len(base))
    wanted = int(size_mb * MB)
    written = 0
    with path.open("wb") as out:
        while written < wanted:
            out.write(block)
            written += len(block)
    return written


def count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            lines += block.count(b"\n")
    return lines


def first_line(path: Path) -> str:
    with path.open("rb") as f:
        return f.readline().decode("utf-8")


def _maxrss_bytes(usage: resource.struct_rusage) -> int:
    # ru_maxrss is in kibibytes on Linux and in bytes on macOS.
    return usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024


def run(command: list[str], source: Path, target: Path, timeout: float) -> dict[str, Any]:
    """Run the CLI once; return wall time, CPU time and peak RSS of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if before.ru_maxrss:
        print("warning: this process already had children; peak RSS may be theirs", file=sys.stderr)
    argv = [*command, "normalize", str(source), "-o", str(target)]
    start = time.perf_counter()
    # The command is this project's own CLI, with paths this script created.
    done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)  # noqa: S603
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"bench_cli_memory: {' '.join(argv)} exited with {done.returncode}")
    return {
        "argv": argv,
        "wall_seconds": wall,
        "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_bytes": _maxrss_bytes(after),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size-mb", type=float, default=1000.0, help="input size in MB (default 1000)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of news-*.txt")
    parser.add_argument("--tmpdir", type=Path, default=None, help="where to write the files")
    parser.add_argument("--arnorm", default=None, help="the arnorm executable to run")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds (default 3600)")
    parser.add_argument("--save", action="store_true", help=f"write {DEFAULT_OUTPUT.name}")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 if the memory target is missed"
    )
    args = parser.parse_args(argv)

    command = arnorm_command(args.arnorm)
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-", dir=args.tmpdir) as tmp:
        source, target = Path(tmp) / "input.txt", Path(tmp) / "output.txt"
        size = write_input(source, args.corpus, args.size_mb)
        print(f"input: {size / MB:,.1f} MB in {source}")
        measured = run(command, source, target, args.timeout)
        out_size = target.stat().st_size
        lines_in, lines_out = count_lines(source), count_lines(target)
        if lines_in != lines_out:
            raise SystemExit(f"bench_cli_memory: {lines_in} lines in, {lines_out} lines out")
        head_in, head_out = first_line(source), first_line(target)
        if arnorm.normalize(head_in) != head_out:
            raise SystemExit("bench_cli_memory: the first output line is not normalize(input)")

    wall = measured["wall_seconds"]
    rss_mb = measured["peak_rss_bytes"] / MB
    met = rss_mb < PEAK_RSS_TARGET_MB
    print(f"command: {' '.join(measured['argv'])}")
    print(f"output: {out_size / MB:,.1f} MB, {lines_out:,} lines (checked)")
    print(f"wall time: {wall:.2f} s; CPU time: {measured['cpu_seconds']:.2f} s")
    print(f"throughput: {size / MB / wall:.1f} MB/s of input")
    print(
        f"peak RSS: {rss_mb:.1f} MB ({measured['peak_rss_bytes'] / 2**20:.1f} MiB);"
        f" target < {PEAK_RSS_TARGET_MB:g} MB: {'met' if met else 'MISSED'}"
    )

    headers = ["Command", "Input MB", "Wall s", "MB/s", "Peak RSS MB"]
    rows = [
        [
            "arnorm normalize FILE -o OUT",
            f"{size / MB:.0f}",
            f"{wall:.1f}",
            f"{size / MB / wall:.1f}",
            f"{rss_mb:.1f}",
        ]
    ]
    results = {
        "benchmark": "bench_cli_memory",
        "command": " ".join(["python", "benchmarks/bench_cli_memory.py", *sys.argv[1:]]),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        **environment(),
        "input": {"files": "news-*.txt repeated", "bytes": size, "lines": lines_in},
        "output_bytes": out_size,
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(measured["cpu_seconds"], 2),
        "mb_per_s": round(size / MB / wall, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "targets": [
            {
                "label": "peak RSS on 1 GB",
                "value_mb": round(rss_mb, 1),
                "maximum_mb": PEAK_RSS_TARGET_MB,
                "met": met,
            }
        ],
        "table": {"headers": headers, "rows": rows},
    }
    if args.save:
        save_results(args.output, results)
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
