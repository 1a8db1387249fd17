"""Draw ``docs/_static/performance.svg`` from the committed benchmark results, with matplotlib.

The picture has two panels: matching throughput against gazetteer size, for arnorm, flashtext,
pyahocorasick and spaCy's PhraseMatcher (``benchmarks/results/scaling.json``, written by
``bench_scaling.py --save``), and normalization throughput of arnorm against the pyarabic and
CAMeL Tools chains (``benchmarks/results/normalize.json``, from ``bench_normalize.py --save``).
Run from the repository root::

    python tools/plot_performance.py          # rewrite docs/_static/performance.svg
    python tools/plot_performance.py --check  # exit 1 when the committed picture is stale

Drawing needs matplotlib (the ``docs`` and ``bench`` extras); ``--check`` does not. The figures
the picture is drawn from (:func:`plot_data`) are written into the SVG's metadata as a SHA-256
digest, and ``--check`` compares that digest with the one the results files give, so the check
is the same with any matplotlib version, or none. The SVG itself is reproducible for a given
matplotlib: no date, a fixed ``svg.hashsalt``, text kept as text.

``tests/test_performance_plot.py`` runs the ``--check`` comparison, so new results that are
committed without their picture fail the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCALING = ROOT / "benchmarks" / "results" / "scaling.json"
NORMALIZE = ROOT / "benchmarks" / "results" / "normalize.json"
OUT = ROOT / "docs" / "_static" / "performance.svg"

#: Bump when the drawing changes in a way the committed picture must follow.
STYLE = 2
#: Key in scaling.json, legend label, colour and matplotlib marker (the colours, from the
#: Okabe-Ito and Tol palettes, stay apart in colour blindness; the shapes tell them apart too).
MATCHERS = (
    ("arnorm", "arnorm Matcher.find", "#0072B2", "o"),
    ("flashtext", "flashtext", "#D55E00", "s"),
    ("pyahocorasick", "pyahocorasick", "#009E73", "^"),
    ("spacy", "spaCy PhraseMatcher", "#882255", "D"),
)
#: Key in normalize.json and bar label; the keys missing from the file are left out.
NORMALIZERS = (
    ("arnorm_search", "arnorm (search)"),
    ("arnorm_offsets", "arnorm, with offsets"),
    ("pyarabic_chain", "pyarabic chain"),
    ("camel_chain", "CAMeL Tools chain"),
)
ARNORM_BAR, PEER_BAR, MUTED = "#0072B2", "#8C8C8C", "#555555"
DIGEST = re.compile(r"plot-data-sha256:([0-9a-f]{64})")


def _made(data: dict[str, Any], what: str, source: str) -> str:
    machine, python = data["machine"], data["python"]
    return (
        f"{what}: {source} ({data['date']}; {machine['cpu']}, {machine['cpus']} cores;"
        f" {python['implementation']} {python['version']})"
    )


def plot_data(scaling: dict[str, Any], normalize: dict[str, Any]) -> dict[str, Any]:
    """Every figure and word the picture shows, taken from the two results files."""
    subjects = sorted(scaling["gazetteers"], key=lambda g: (g["kind"] != "shipped", g["entries"]))
    matchers = []
    for key, label, colour, marker in MATCHERS:
        points = {
            kind: [
                [g["entries"], g["results"][key]["mb_per_s"]]
                for g in subjects
                if g["kind"] == kind and key in g["results"]
            ]
            for kind in ("shipped", "synthetic")
        }
        if points["shipped"] or points["synthetic"]:
            matchers.append(
                {"key": key, "label": label, "colour": colour, "marker": marker, **points}
            )
    mb = scaling["input"]["utf8_bytes"] / 1e6
    spacy_mb = scaling["input"].get("spacy_utf8_bytes", scaling["input"]["utf8_bytes"]) / 1e6
    spacy_note = "" if spacy_mb == mb else f", spaCy on {spacy_mb:.1f} MB"
    results = normalize["results"]
    return {
        "style": STYLE,
        "matching": {
            "title": "Gazetteer matching: throughput against gazetteer size",
            "subtitle": f"MB/s of UTF-8 input, best of {scaling['runs']}, on {mb:.1f} MB of news"
            f" text{spacy_note}; both axes logarithmic",
            "matchers": matchers,
        },
        "normalizing": {
            "title": "Normalization throughput",
            "subtitle": f"MB/s of UTF-8 input, best of {normalize['runs']},"
            f" on {normalize['input']['utf8_bytes'] / 1e6:.0f} MB of news text",
            "bars": [
                [key, label, results[key]["mb_per_s"]]
                for key, label in NORMALIZERS
                if key in results
            ],
        },
        "captions": [
            _made(scaling, "Matching", "benchmarks/results/scaling.json"),
            _made(normalize, "Normalization", "benchmarks/results/normalize.json"),
        ],
    }


def digest(data: dict[str, Any]) -> str:
    """The SHA-256 of the plot data, as written into the picture's metadata."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def description(data: dict[str, Any]) -> str:
    """The picture in words (the SVG's description, for readers who do not see it)."""
    sentences = ["Line chart of gazetteer matching throughput, in MB/s, against gazetteer size."]
    for m in data["matching"]["matchers"]:
        parts = [
            f"{rate:.1f} with the four shipped gazetteers ({entries:,} entries)"
            for entries, rate in m["shipped"]
        ]
        if m["synthetic"]:
            rates = ", ".join(f"{rate:.1f}" for _, rate in m["synthetic"])
            sizes = ", ".join(f"{entries:,}" for entries, _ in m["synthetic"])
            parts.append(f"{rates} with synthetic gazetteers of {sizes} entries")
        sentences.append(f"{m['label']}: {'; '.join(parts)}.")
    sentences.append("Bar chart of normalization throughput.")
    sentences += [f"{label}: {rate:.1f} MB/s." for _, label, rate in data["normalizing"]["bars"]]
    sentences += [c + "." for c in data["captions"]]
    return " ".join(sentences)


def render(data: dict[str, Any]) -> str:
    """The SVG document for the plot data (needs matplotlib)."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    settings = {
        "svg.hashsalt": "arnorm-performance",
        "svg.fonttype": "none",
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=(9.6, 8.4), layout="constrained")
        top, bottom = fig.subfigures(2, 1, height_ratios=[3, 2])
        grid = top.add_gridspec(1, 2, width_ratios=[1, 7])
        shipped_ax = top.add_subplot(grid[0, 0])
        sizes_ax = top.add_subplot(grid[0, 1], sharey=shipped_ax)
        bars_ax = bottom.add_subplot()

        matching = data["matching"]
        whole = lambda v, _pos: f"{v:,.0f}" if v >= 1 else f"{v:g}"  # noqa: E731
        for m in matching["matchers"]:
            style = {"color": m["colour"], "marker": m["marker"], "markersize": 7}
            if m["synthetic"]:
                xs, ys = zip(*m["synthetic"], strict=True)
                sizes_ax.plot(xs, ys, linewidth=2, label=m["label"], **style)
            for _, rate in m["shipped"]:
                shipped_ax.plot(
                    [0],
                    [rate],
                    markerfacecolor="white",
                    markeredgewidth=1.8,
                    linestyle="none",
                    **style,
                )
        sizes_ax.set_xscale("log")
        sizes_ax.set_yscale("log")
        sizes_ax.xaxis.set_major_formatter(FuncFormatter(whole))
        sizes_ax.yaxis.set_major_formatter(FuncFormatter(whole))
        sizes_ax.yaxis.set_minor_formatter(NullFormatter())
        sizes_ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        sizes_ax.tick_params(labelleft=False)
        sizes_ax.set_xlabel("entries in a synthetic gazetteer (random names, one alias each)")
        sizes_ax.grid(True, which="major", color="#DDDDDD")
        top.suptitle(matching["title"], x=0.01, ha="left", fontsize=14, fontweight="bold")
        sizes_ax.set_title(matching["subtitle"], loc="left", color=MUTED, fontsize=10)
        sizes_ax.legend(
            title="Matcher",
            loc="lower right",
            bbox_to_anchor=(1.0, 0.1),
            ncols=2,
            frameon=True,
            framealpha=0.9,
            edgecolor="white",
            fontsize=10,
        )

        shipped_ax.set_xlim(-1, 1)
        shipped_ax.set_xticks([0])
        entries = {e for m in matching["matchers"] for e, _ in m["shipped"]}
        shipped_ax.set_xticklabels([f"{e:,}" for e in sorted(entries)] or [""])
        shipped_ax.set_xlabel("the four shipped\ngazetteers (hollow)")
        shipped_ax.set_ylabel("MB/s")
        shipped_ax.grid(True, axis="y", which="major", color="#DDDDDD")

        normalizing = data["normalizing"]
        labels = [label for _, label, _ in normalizing["bars"]]
        rates = [rate for _, _, rate in normalizing["bars"]]
        colours = [
            ARNORM_BAR if key.startswith("arnorm") else PEER_BAR
            for key, _, _ in normalizing["bars"]
        ]
        positions = list(range(len(rates)))
        bars_ax.barh(positions, rates, color=colours, height=0.65)
        bars_ax.set_yticks(positions, labels)
        bars_ax.invert_yaxis()
        bars_ax.bar_label(bars_ax.containers[0], labels=[f"{r:.1f}" for r in rates], padding=4)
        bars_ax.set_xlabel("MB/s")
        bars_ax.grid(True, axis="x", color="#DDDDDD")
        bars_ax.set_axisbelow(True)
        bottom.suptitle(normalizing["title"], x=0.01, ha="left", fontsize=14, fontweight="bold")
        bars_ax.set_title(normalizing["subtitle"], loc="left", color=MUTED, fontsize=10)
        bottom.supxlabel("\n".join(data["captions"]), x=0.01, ha="left", color=MUTED, fontsize=8)

        out = io.StringIO()
        fig.savefig(
            out,
            format="svg",
            metadata={
                "Title": "arnorm performance: gazetteer matching against gazetteer size,"
                " and normalization",
                "Description": description(data),
                "Identifier": f"plot-data-sha256:{digest(data)}",
                "Creator": "tools/plot_performance.py with matplotlib",
                "Date": None,
            },
        )
    return out.getvalue()


def committed_digest(path: Path) -> str | None:
    """The digest of the plot data written in an SVG file, or None when there is none."""
    try:
        found = DIGEST.search(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return found.group(1) if found else None


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the picture is stale")
    parser.add_argument("--output", type=Path, default=OUT, help="the SVG file")
    parser.add_argument("--scaling", type=Path, default=SCALING, help="bench_scaling results")
    parser.add_argument("--normalize", type=Path, default=NORMALIZE, help="bench_normalize results")
    args = parser.parse_args(argv)
    data = plot_data(_load(args.scaling), _load(args.normalize))
    if args.check:
        if committed_digest(args.output) != digest(data):
            print(
                f"plot_performance: {args.output} was not drawn from the current results;"
                " run python tools/plot_performance.py",
                file=sys.stderr,
            )
            return 1
        return 0
    try:
        picture = render(data)
    except ImportError as error:
        print(
            f"plot_performance: drawing needs matplotlib ({error}); pip install '.[docs]'",
            file=sys.stderr,
        )
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(picture, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
