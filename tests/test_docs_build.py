"""The built HTML docs show commands and code as typed, Arabic in order, in a font they ship.

These build the HTML documentation once (about ten seconds) and read the pages, so they need
the ``docs`` extra; without it they skip and say so.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.test_docs_text import TYPOGRAPHIC

ROOT = Path(__file__).resolve().parent.parent
DOCS_EXTRA = ("sphinx", "furo", "sphinx_copybutton", "sphinxarg", "matplotlib")
MISSING = [name for name in DOCS_EXTRA if importlib.util.find_spec(name) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"the docs extra is not installed (no {', '.join(MISSING)})"
)


class _Code(HTMLParser):
    """The text of every <pre> and <code> element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.pieces: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("pre", "code"):
            if self.depth == 0:
                self.pieces.append("")
            self.depth += 1
        if tag in ("a", "link"):
            self.links.append(dict(attrs))
        if tag == "img":
            self.images.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("pre", "code") and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.pieces[-1] += data


def _read(page: Path) -> _Code:
    parser = _Code()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs-html")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "-b", "html", "docs", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_options_in_the_cli_reference_keep_their_two_hyphens(html: Path) -> None:
    cli = (html / "cli.html").read_text(encoding="utf-8")
    assert "--recursive" in cli
    assert "--output-dir" in cli
    pages = sorted(html.glob("*.html"))
    dashed = [p.name for p in pages if "\u2013recursive" in p.read_text(encoding="utf-8")]
    assert not dashed, f"an en dash stands for -- in {dashed}"


def test_no_code_in_the_built_pages_has_a_typographic_dash_or_quote(html: Path) -> None:
    found = [
        f"{page.name}: {char!r} in {piece.strip()[:80]!r}"
        for page in sorted(html.glob("*.html"))
        for piece in _read(page).pieces
        for char in TYPOGRAPHIC
        if char in piece
    ]
    assert not found, "\n".join(found)


def test_every_page_loads_the_arabic_font_and_the_copy_button(html: Path) -> None:
    fonts = html / "_static" / "fonts"
    assert (fonts / "noto-naskh-arabic-arabic-400-normal.woff2").stat().st_size > 10_000
    assert (fonts / "OFL.txt").is_file()
    css = (html / "_static" / "arabic.css").read_text(encoding="utf-8")
    assert "fonts/noto-naskh-arabic-arabic-400-normal.woff2" in css
    assert "unicode-bidi: isolate" in css
    for name in ("index.html", "quickstart.html", "matching.html", "steps.html"):
        links = _read(html / name).links
        hrefs = [str(link.get("href") or "") for link in links]
        scripts = (html / name).read_text(encoding="utf-8")
        assert any(h.split("?")[0].endswith("_static/arabic.css") for h in hrefs), name
        assert "copybutton.js" in scripts, name


def test_pages_link_to_the_next_and_previous_page(html: Path) -> None:
    text = (html / "matching.html").read_text(encoding="utf-8")
    assert 'class="next-page"' in text
    assert 'class="prev-page"' in text


def test_doctest_output_strings_are_marked_so_they_can_be_isolated(html: Path) -> None:
    # In an output line such as ['المغرب', 'دولة الإمارات'] each string is its own span,
    # which arabic.css isolates, so the items show in their order.
    text = (html / "matching.html").read_text(encoding="utf-8")
    assert "<span class=\"s\">'دولة الإمارات'</span>" in text


def test_the_recipes_page_shows_the_plot_drawn_during_the_build(html: Path) -> None:
    page = _read(html / "recipes.html")
    images = [str(i.get("src") or "") for i in page.images if "recipes" in str(i.get("src") or "")]
    assert images, "recipes.html shows no plot"
    drawn = html / images[0]
    assert drawn.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "Mentions per month" in drawn.read_text(encoding="utf-8")
    # the code that drew it is shown
    assert any("per_month = pd.crosstab" in piece for piece in page.pieces)


def test_arabic_runs_in_prose_are_isolated_and_tables_of_characters_left_whole(html: Path) -> None:
    matching = (html / "matching.html").read_text(encoding="utf-8")
    pair = '<span class="ar">عبد اللطيف</span> / <span class="ar">عبداللطيف</span>'
    assert pair in matching
    assert ".ar {" in (html / "_static" / "arabic.css").read_text(encoding="utf-8")
    steps = (html / "steps.html").read_text(encoding="utf-8")
    assert "<p>\u25cc\u064b</p>" in steps  # a lone fathatan stays on its dotted circle
    assert '<td class="arnorm-arabic"><p>اهتماماً شكّل إِلَىٰ</p></td>' in steps  # no dotted circles


def _copied(html: Path, block: str) -> str:
    """What the copy button of the docs copies from *block*, the text of a code block.

    Runs the theme's own ``formatCopyText`` (from the built ``copybutton.js``) under node, with
    the arguments the built page passes to it.
    """
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is needed to run the copy button's JavaScript")
    js = (html / "_static" / "copybutton.js").read_text(encoding="utf-8")
    call = re.search(r"let exclude = '([^']*)';.*?return formatCopyText\(text, (.*?)\)\n", js, re.S)
    assert call, "copybutton.js has changed shape"
    # nodes of these classes are removed before copying: prompts and output must not be
    assert {c.strip() for c in call.group(1).split(",")} <= {".linenos"}
    start = js.index("function formatCopyText(")
    function = js[start : js.index("\n}\n", start) + 3]
    script = (
        f"{function}\nprocess.stdout.write(formatCopyText({json.dumps(block)}, {call.group(2)}))"
    )
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_copied_session_runs_as_code(html: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = [
        p for p in _read(html / "quickstart.html").pieces if p.startswith(">>> import arnorm")
    ]
    copied = _copied(html, sessions[0])
    assert ">>>" not in copied
    assert "...     print(" not in copied
    assert "Abdellatif Hammouchi surname" not in copied  # the output is left out
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(copied, "copied from quickstart.html", "exec"), namespace)  # noqa: S102
    assert namespace["text"] == "وأكد الحموشي بالرباط أن وللمديرية العامة للأمن الوطني دوراً"


def test_a_copied_output_line_with_strings_is_left_out(html: Path) -> None:
    block = ">>> [x.text for x in m.find(t)]\n['المغرب', 'دولة الإمارات']\n"
    assert _copied(html, block) == "[x.text for x in m.find(t)]"
