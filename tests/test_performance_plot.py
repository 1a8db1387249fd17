"""The performance picture in the docs is the one the committed benchmark results give."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "plot_performance.py"
PICTURE = ROOT / "docs" / "_static" / "performance.svg"
SVG = "{http://www.w3.org/2000/svg}"


def plot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *args], capture_output=True, text=True, check=False
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


def test_the_picture_is_svg_and_names_every_contender() -> None:
    # The repository's own file, written by the tool: not untrusted XML.
    root = ET.fromstring(PICTURE.read_text(encoding="utf-8"))  # noqa: S314
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title")
    desc = root.findtext(f"{SVG}desc") or ""
    shown = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    matchers = ("arnorm", "flashtext", "pyahocorasick", "spaCy PhraseMatcher")
    normalizers = ("arnorm (search)", "pyarabic chain", "CAMeL Tools chain")
    for name in (*matchers, *normalizers):
        assert name in shown, name
        assert name in desc, name
