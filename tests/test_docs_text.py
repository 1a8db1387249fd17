"""What the docs show as code is what a reader can type: no typographic dash or quote in it.

A command copied from the docs with ``–recursive`` (an en dash) or a string with curly quotes
fails; these tests read the sources of the docs and the README, the built HTML is checked by
``test_docs_build.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
#: en dash, em dash, and the curly single and double quotes
TYPOGRAPHIC = "\u2013\u2014\u2018\u2019\u201c\u201d"

_DIRECTIVE = re.compile(
    r"^(\s*)\.\. (code-block|code|sourcecode|testcode|testsetup|parsed-literal)::"
)
_INLINE_RST = re.compile(r"``(.+?)``")
_INLINE_MD = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _indented_block(lines: list[str], start: int, base: int) -> Iterator[tuple[int, str]]:
    """The lines after *start* indented deeper than *base* (blank lines inside included)."""
    i = start + 1
    while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
        if lines[i].strip():
            yield i + 1, lines[i]
        i += 1


def rst_code(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every piece of code in a reStructuredText source.

    Code is the body of a code directive, a ``::`` literal block, a doctest block (from a
    ``>>>`` line to the next blank line) and an inline literal.
    """
    lines = text.split("\n")
    in_doctest = False
    for i, line in enumerate(lines):
        literal = line.rstrip().endswith("::") and not line.lstrip().startswith("..")
        if literal or _DIRECTIVE.match(line):
            yield from _indented_block(lines, i, _indent(line))
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            in_doctest = True
        elif not stripped:
            in_doctest = False
        if in_doctest:
            yield i + 1, line
        for found in _INLINE_RST.finditer(line):
            yield i + 1, found.group(1)


def markdown_code(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every fenced block line and inline code span of a Markdown file."""
    fenced = False
    for i, line in enumerate(text.split("\n")):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            yield i + 1, line
        else:
            for found in _INLINE_MD.finditer(line):
                yield i + 1, found.group(1)


def _typographic(pieces: Iterator[tuple[int, str]], name: str) -> list[str]:
    return [
        f"{name}:{number}: {char!r} in {piece.strip()!r}"
        for number, piece in pieces
        for char in TYPOGRAPHIC
        if char in piece
    ]


PAGES = sorted(DOCS.glob("*.rst"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_code_in_the_docs_has_a_typographic_dash_or_quote(page: Path) -> None:
    found = _typographic(rst_code(page.read_text(encoding="utf-8")), f"docs/{page.name}")
    assert not found, "\n".join(found)


def test_no_code_in_the_readme_has_a_typographic_dash_or_quote() -> None:
    found = _typographic(markdown_code(README.read_text(encoding="utf-8")), "README.md")
    assert not found, "\n".join(found)


def test_the_check_sees_every_kind_of_code() -> None:
    rst = "\n".join(
        [
            "Run::",
            "",
            "    arnorm match \u2013recursive news/",
            "",
            ".. code-block:: python",
            "",
            "    print(\u201cx\u201d)",
            "",
            ">>> f(\u2018x\u2019)",
            "",
            "Prose may say Moroccan\u2013Emirati; ``a\u2014b`` may not.",
        ]
    )
    found = _typographic(rst_code(rst), "page.rst")
    assert [f.split(":")[1] for f in found] == ["3", "7", "7", "9", "9", "11"]
    markdown = "```sh\narnorm \u2013r\n```\nprose \u2013 and `\u201cx\u201d`\n"
    assert [f.split(":")[1] for f in _typographic(markdown_code(markdown), "R")] == ["2", "4", "4"]
