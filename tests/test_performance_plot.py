"""The performance picture in the docs is the one matplotlib draws from the committed results.

The staleness check compares the digest of the plot data written in the committed SVG with the
digest the results files give, so it needs no matplotlib; the tests that draw skip without it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "plot_performance.py"
PICTURE = ROOT / "docs" / "_static" / "performance.svg"
SCALING = ROOT / "benchmarks" / "results" / "scaling.json"
NORMALIZE = ROOT / "benchmarks" / "results" / "normalize.json"
SVG = "{http://www.w3.org/2000/svg}"
DC = "{http://purl.org/dc/elements/1.1/}"
MATCHERS = ("arnorm", "flashtext", "pyahocorasick", "spaCy PhraseMatcher")
NORMALIZERS = ("arnorm (search)", "pyarabic chain", "CAMeL Tools chain")
needs_matplotlib = pytest.mark.skipif(
    importlib.util.find_spec("matplotlib") is None,
    reason="drawing the picture needs matplotlib (the docs or bench extra)",
)


def plot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *args], capture_output=True, text=True, check=False
    )


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plot_performance", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _results() -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        json.loads(SCALING.read_text(encoding="utf-8")),
        json.loads(NORMALIZE.read_text(encoding="utf-8")),
    )


def test_the_committed_picture_is_what_the_results_give() -> None:
    done = plot("--check")
    assert done.returncode == 0, done.stderr + "run: python tools/plot_performance.py"


def test_check_fails_on_a_stale_picture_and_writes_nothing(tmp_path: Path) -> None:
    stale = tmp_path / "performance.svg"
    stale.write_text("<svg/>\n", encoding="utf-8")
    done = plot("--check", "--output", str(stale))
    assert done.returncode == 1
    assert "tools/plot_performance.py" in done.stderr
    assert stale.read_text(encoding="utf-8") == "<svg/>\n"
    assert plot("--check", "--output", str(tmp_path / "missing.svg")).returncode == 1


def test_check_fails_when_a_committed_figure_changes(tmp_path: Path) -> None:
    scaling, _ = _results()
    scaling["gazetteers"][0]["results"]["arnorm"]["mb_per_s"] += 1.0
    changed = tmp_path / "scaling.json"
    changed.write_text(json.dumps(scaling), encoding="utf-8")
    done = plot("--check", "--scaling", str(changed))
    assert done.returncode == 1
    assert "not drawn from the current results" in done.stderr


def test_the_plot_data_holds_every_contender_and_figure() -> None:
    tool = _tool()
    data = tool.plot_data(*_results())
    labels = [m["label"] for m in data["matching"]["matchers"]]
    assert [label.split()[0] for label in labels] == [
        "arnorm",
        "flashtext",
        "pyahocorasick",
        "spaCy",
    ]
    arnorm = data["matching"]["matchers"][0]
    assert arnorm["shipped"] == [[1119, 19.0]]
    assert [entries for entries, _ in arnorm["synthetic"]] == [1000, 10000, 100000]
    bars = [label for _, label, _ in data["normalizing"]["bars"]]
    assert all(name in bars for name in NORMALIZERS)
    assert tool.digest(data) == tool.digest(tool.plot_data(*_results()))


def test_the_committed_picture_is_svg_that_names_every_contender() -> None:
    # The repository's own file, written by the tool: not untrusted XML.
    root = ET.fromstring(PICTURE.read_text(encoding="utf-8"))  # noqa: S314
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title")
    described = root.find(f".//{DC}description")
    assert described is not None
    desc = described.text or ""
    shown = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    creator = root.find(f".//{DC}creator")
    assert creator is not None
    assert "matplotlib" in "".join(creator.itertext())
    for name in (*MATCHERS, *NORMALIZERS):
        assert name in shown, name
        assert name in desc, name


@needs_matplotlib
def test_drawing_is_reproducible_and_passes_the_check(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert plot("--output", str(first)).returncode == 0
    assert plot("--output", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert plot("--check", "--output", str(first)).returncode == 0
