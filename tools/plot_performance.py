"""Draw ``docs/_static/performance.svg`` from the committed benchmark results.

The picture has two panels: matching throughput against gazetteer size, for
arnorm, flashtext, pyahocorasick and spaCy's PhraseMatcher
(``benchmarks/results/scaling.json``, written by ``bench_scaling.py --save``),
and normalization throughput of arnorm against the pyarabic and CAMeL Tools
chains (``benchmarks/results/normalize.json``, from ``bench_normalize.py
--save``).  The SVG is written element by element, with no plotting library,
and depends on nothing but the two files: the same data gives the same bytes.
Run from the repository root::

    python tools/plot_performance.py          # rewrite docs/_static/performance.svg
    python tools/plot_performance.py --check  # exit 1 when the committed picture is stale

``tests/test_performance_plot.py`` runs the ``--check`` comparison, so new
results that are committed without their picture fail the tests.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCALING = ROOT / "benchmarks" / "results" / "scaling.json"
NORMALIZE = ROOT / "benchmarks" / "results" / "normalize.json"
OUT = ROOT / "docs" / "_static" / "performance.svg"

#: Key in scaling.json, legend label, colour and marker shape (the colours, from the
#: Okabe-Ito and Tol palettes, stay apart in colour blindness; the shapes tell them apart too).
MATCHERS = (
    ("arnorm", "arnorm Matcher.find", "#0072B2", "circle"),
    ("flashtext", "flashtext", "#D55E00", "square"),
    ("pyahocorasick", "pyahocorasick", "#009E73", "triangle"),
    ("spacy", "spaCy PhraseMatcher", "#882255", "diamond"),
)
#: Key in normalize.json and bar label; the keys missing from the file are left out.
NORMALIZERS = (
    ("arnorm_search", "arnorm (search)"),
    ("arnorm_offsets", "arnorm, with offsets"),
    ("pyarabic_chain", "pyarabic chain"),
    ("camel_chain", "CAMeL Tools chain"),
)
ARNORM_BAR, PEER_BAR = "#0072B2", "#8C8C8C"
INK, MUTED, GRID = "#222222", "#555555", "#DDDDDD"

WIDTH, HEIGHT = 820, 700
# Panel 1: the plot area, the shipped gazetteers' slot and where the log axis begins.
LEFT, RIGHT, TOP, BOTTOM = 80.0, 590.0, 78.0, 368.0
SHIPPED_X, LOG_LEFT = LEFT + 34.0, LEFT + 92.0
LEGEND_X = 612.0
# Panel 2: bars.
BAR_LABEL_X, BAR_LEFT, BAR_RIGHT = 220.0, 230.0, 700.0
BARS_TOP, BAR_HEIGHT, BAR_STEP = 500.0, 22.0, 32.0


def _f(value: float) -> str:
    """A coordinate: one decimal, no trailing ``.0`` (the same number, the same text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _mbps(value: float) -> str:
    return f"{value:.1f}"


class Svg:
    """The elements of the picture, in drawing order."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, tag: str, text: str | None = None, **attributes: str | float) -> None:
        attrs = "".join(
            f' {name.rstrip("_").replace("_", "-")}="'
            + (_f(value) if isinstance(value, float) else escape(str(value)))
            + '"'
            for name, value in attributes.items()
        )
        if text is None:
            self.parts.append(f"<{tag}{attrs}/>")
        else:
            self.parts.append(f"<{tag}{attrs}>{escape(text, quote=False)}</{tag}>")

    def text(
        self, x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", **more: Any
    ) -> None:
        more.setdefault("fill", INK)
        self.add("text", text, x=x, y=y, font_size=size, text_anchor=anchor, **more)

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, **more: Any) -> None:
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, **more)

    def marker(self, shape: str, x: float, y: float, colour: str, *, hollow: bool) -> None:
        paint = {"fill": "#FFFFFF" if hollow else colour, "stroke": colour, "stroke_width": 1.8}
        if shape == "circle":
            self.add("circle", cx=x, cy=y, r=4.5, **paint)
        elif shape == "square":
            self.add("rect", x=x - 4.0, y=y - 4.0, width=8.0, height=8.0, **paint)
        else:
            r = 5.5
            points = (
                [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
                if shape == "triangle"
                else [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            )
            self.add("polygon", points=" ".join(f"{_f(a)},{_f(b)}" for a, b in points), **paint)


def log_axis(lo: float, hi: float, a: float, b: float) -> Callable[[float], float]:
    """The position between *a* and *b* of a value between *lo* and *hi*, on a log scale."""
    span = math.log10(hi) - math.log10(lo)
    return lambda v: a + (math.log10(v) - math.log10(lo)) / span * (b - a)


def nice_steps(lo: float, hi: float) -> list[float]:
    """The 1-2-5 values (1, 2, 5, 10, 20, ...) from just below *lo* to just above *hi*."""
    values = [m * 10.0**k for k in range(-2, 8) for m in (1, 2, 5)]
    low = max(v for v in values if v <= lo)
    high = min(v for v in values if v >= hi)
    return [v for v in values if low <= v <= high]


def _count(n: float) -> str:
    return f"{n:,.0f}"


def _x_axis(
    svg: Svg, shipped: list[dict[str, Any]], lo: float, hi: float
) -> Callable[[float], float]:
    """A slot for the shipped gazetteers, a break, then sizes from *lo* to *hi* on a log scale.

    Returns the position of a size.
    """
    x = log_axis(lo, hi, LOG_LEFT, RIGHT)
    for g in shipped:
        svg.line(SHIPPED_X, BOTTOM, SHIPPED_X, BOTTOM + 5, INK)
        svg.text(SHIPPED_X, BOTTOM + 19, "shipped", anchor="middle")
        svg.text(SHIPPED_X, BOTTOM + 33, _count(g["entries"]), anchor="middle")
    brk = (SHIPPED_X + LOG_LEFT) / 2
    svg.add("rect", x=brk - 4.0, y=BOTTOM - 6.0, width=8.0, height=12.0, fill="#FFFFFF")
    for dx in (-4.0, 4.0):
        svg.line(brk + dx - 3, BOTTOM + 6, brk + dx + 3, BOTTOM - 6, INK)
    for k in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        for m in range(1, 10):
            v = m * 10.0**k
            if not lo <= v <= hi:
                continue
            svg.line(x(v), BOTTOM, x(v), BOTTOM + (5 if m == 1 else 3), INK)
            if m == 1:
                svg.text(x(v), BOTTOM + 19, _count(v), anchor="middle")
    svg.text((LEFT + RIGHT) / 2, BOTTOM + 50, "entries in the gazetteer", anchor="middle", size=13)
    return x


def _legend(svg: Svg, matchers: list[tuple[str, str, str, str]]) -> None:
    """The matchers' colours and shapes, then what a filled and a hollow marker stand for."""
    ly = TOP + 6
    svg.text(LEGEND_X, ly, "Matcher", size=13, font_weight="bold")
    for _, label, colour, shape in matchers:
        ly += 22
        svg.line(LEGEND_X, ly - 4, LEGEND_X + 26, ly - 4, colour, stroke_width=2.0)
        svg.marker(shape, LEGEND_X + 13, ly - 4, colour, hollow=False)
        svg.text(LEGEND_X + 34, ly, label)
    ly -= 6
    for hollow, lines in (
        (False, ("synthetic gazetteer:", "random names, 1 alias each")),
        (True, ("the four shipped", "gazetteers together")),
    ):
        ly += 36
        svg.marker("circle", LEGEND_X + 13, ly - 4, MUTED, hollow=hollow)
        for i, line in enumerate(lines):
            svg.text(LEGEND_X + 34, ly + 15 * i, line)


def matching_panel(svg: Svg, data: dict[str, Any]) -> list[str]:
    """Panel 1; returns the sentences of the description."""
    subjects = sorted(data["gazetteers"], key=lambda g: (g["kind"] != "shipped", g["entries"]))
    shipped = [g for g in subjects if g["kind"] == "shipped"]
    synthetic = [g for g in subjects if g["kind"] == "synthetic"]
    matchers = [m for m in MATCHERS if any(m[0] in g["results"] for g in subjects)]
    rates = [
        g["results"][m[0]]["mb_per_s"] for g in subjects for m in matchers if m[0] in g["results"]
    ]
    ticks = nice_steps(min(rates) / 1.05, max(rates) * 1.05)
    y = log_axis(ticks[0], ticks[-1], BOTTOM, TOP)
    sizes = [g["entries"] for g in synthetic]
    mb = data["input"]["utf8_bytes"] / 1e6
    spacy_mb = data["input"]["spacy_utf8_bytes"] / 1e6

    svg.text(
        LEFT - 60,
        28,
        "Gazetteer matching: throughput against gazetteer size",
        size=16,
        font_weight="bold",
    )
    spacy_note = "" if spacy_mb == mb else f", spaCy on {spacy_mb:.1f} MB"
    svg.text(
        LEFT - 60,
        48,
        f"MB/s of UTF-8 input, best of {data['runs']}, on {mb:.1f} MB of news text{spacy_note};"
        " both axes logarithmic",
        fill=MUTED,
    )
    # Grid and y axis.
    for tick in ticks:
        svg.line(LEFT, y(tick), RIGHT, y(tick), GRID)
        svg.text(LEFT - 8, y(tick) + 4, f"{tick:g}", anchor="end")
    svg.text(
        24,
        (TOP + BOTTOM) / 2,
        "MB/s",
        anchor="middle",
        size=13,
        transform=f"rotate(-90 24 {_f((TOP + BOTTOM) / 2)})",
    )
    svg.line(LEFT, TOP, LEFT, BOTTOM, INK)
    svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, INK)
    x = _x_axis(svg, shipped, min(sizes) / 1.5, max(sizes) * 1.5)

    # The series: joined filled markers for the synthetic sizes, a hollow one for the shipped.
    sentences = []
    for key, label, colour, shape in matchers:
        points = [
            (x(g["entries"]), y(g["results"][key]["mb_per_s"]))
            for g in synthetic
            if key in g["results"]
        ]
        if len(points) > 1:
            svg.add(
                "polyline",
                points=" ".join(f"{_f(a)},{_f(b)}" for a, b in points),
                fill="none",
                stroke=colour,
                stroke_width=2.0,
            )
        for a, b in points:
            svg.marker(shape, a, b, colour, hollow=False)
        for g in shipped:
            if key in g["results"]:
                svg.marker(shape, SHIPPED_X, y(g["results"][key]["mb_per_s"]), colour, hollow=True)
        parts = [
            f"{_mbps(g['results'][key]['mb_per_s'])} with the four shipped gazetteers"
            f" ({_count(g['entries'])} entries)"
            for g in shipped
            if key in g["results"]
        ]
        measured = [g for g in synthetic if key in g["results"]]
        if measured:
            shown = ", ".join(_mbps(g["results"][key]["mb_per_s"]) for g in measured)
            counts = ", ".join(_count(g["entries"]) for g in measured)
            parts.append(f"{shown} with synthetic gazetteers of {counts} entries")
        sentences.append(f"{label}: {'; '.join(parts)}.")

    _legend(svg, matchers)
    return sentences


def normalizing_panel(svg: Svg, data: dict[str, Any], top: float) -> list[str]:
    """Panel 2; returns the sentences of the description."""
    results = data["results"]
    bars = [(key, label, results[key]["mb_per_s"]) for key, label in NORMALIZERS if key in results]
    mb = data["input"]["utf8_bytes"] / 1e6
    svg.text(LEFT - 60, top, "Normalization throughput", size=16, font_weight="bold")
    svg.text(
        LEFT - 60,
        top + 20,
        f"MB/s of UTF-8 input, best of {data['runs']}, on {mb:.0f} MB of news text",
        fill=MUTED,
    )
    peak = max(v for _, _, v in bars)
    step = next(s for s in nice_steps(peak / 6, peak / 6) if peak / s <= 6)
    limit = math.ceil(peak / step) * step
    scale = (BAR_RIGHT - BAR_LEFT) / limit
    bottom = BARS_TOP + BAR_STEP * len(bars)
    for i in range(int(limit / step) + 1):
        v = i * step
        svg.line(BAR_LEFT + v * scale, BARS_TOP - 6, BAR_LEFT + v * scale, bottom, GRID)
        svg.text(BAR_LEFT + v * scale, bottom + 16, f"{v:g}", anchor="middle")
    svg.text(BAR_RIGHT + 40, bottom + 16, "MB/s", anchor="middle")
    for i, (key, label, value) in enumerate(bars):
        top_y = BARS_TOP + i * BAR_STEP
        colour = ARNORM_BAR if key.startswith("arnorm") else PEER_BAR
        svg.add("rect", x=BAR_LEFT, y=top_y, width=value * scale, height=BAR_HEIGHT, fill=colour)
        middle = top_y + BAR_HEIGHT / 2 + 4
        svg.text(BAR_LABEL_X, middle, label, anchor="end", size=13)
        svg.text(BAR_LEFT + value * scale + 6, middle, _mbps(value), size=13)
    svg.line(BAR_LEFT, BARS_TOP - 6, BAR_LEFT, bottom, INK)
    return [f"{label}: {_mbps(value)} MB/s." for _, label, value in bars]


def _made(data: dict[str, Any], what: str, source: str) -> str:
    machine, python = data["machine"], data["python"]
    return (
        f"{what}: {source} ({data['date']}; {machine['cpu']}, {machine['cpus']} cores;"
        f" {python['implementation']} {python['version']})"
    )


def render(scaling: dict[str, Any], normalize: dict[str, Any]) -> str:
    """The SVG document for the two results files."""
    svg = Svg()
    matching = matching_panel(svg, scaling)
    normalizing = normalizing_panel(svg, normalize, 452.0)
    captions = [
        _made(scaling, "Matching", "benchmarks/results/scaling.json"),
        _made(normalize, "Normalization", "benchmarks/results/normalize.json"),
    ]
    for i, caption in enumerate(captions):
        svg.text(LEFT - 60, HEIGHT - 30 + 16 * i, caption, size=11, fill=MUTED)
    title = "arnorm performance: gazetteer matching against gazetteer size, and normalization"
    desc = " ".join(
        [
            "Line chart of gazetteer matching throughput, in MB/s, against gazetteer size.",
            *matching,
            "Bar chart of normalization throughput.",
            *normalizing,
            *(c + "." for c in captions),
        ]
    )
    head = [
        '<svg xmlns="http://www.w3.org/2000/svg"'
        f' width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        ' role="img" aria-labelledby="title desc" font-family="sans-serif">',
        f'<title id="title">{escape(title, quote=False)}</title>',
        f'<desc id="desc">{escape(desc, quote=False)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#FFFFFF"/>',
    ]
    return "\n".join([*head, *svg.parts, "</svg>"]) + "\n"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUT, help="the SVG file")
    parser.add_argument("--scaling", type=Path, default=SCALING, help="bench_scaling results")
    parser.add_argument("--normalize", type=Path, default=NORMALIZE, help="bench_normalize results")
    args = parser.parse_args(argv)
    picture = render(_load(args.scaling), _load(args.normalize))
    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != picture:
            print(
                f"plot_performance: {args.output} is not what the results give;"
                " run python tools/plot_performance.py",
                file=sys.stderr,
            )
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(picture, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
