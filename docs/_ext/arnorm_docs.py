"""Sphinx directives that render arnorm's tables from the code, so the docs cannot drift.

``.. arnorm-step-table:: NAME`` lists every code point a step's table touches and
what it becomes; ``.. arnorm-step-examples::`` runs each step on a sample;
``.. arnorm-benchmarks:: PATH`` renders committed benchmark results.

It also helps Arabic read in order among English (see ``_static/arabic.css``): doctest output is
highlighted so that its string literals can be isolated, and in prose each run of Arabic words
becomes an isolated span, so that "عبد اللطيف / عبداللطيف, أبو ظبي / أبوظبي" shows its items
left to right instead of as one right-to-left run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import unicodedata2
from docutils import nodes
from docutils.parsers.rst import Directive
from pygments.lexers import PythonConsoleLexer
from pygments.token import Generic, String, _TokenType
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from arnorm import steps

EXAMPLES = {
    "unicode": "\ufef7\ufee3\ufee6 \ufdf2 \u0627\u0654",
    "invisible": "حمو\u200fشي\u200c",
    "tatweel": "الإمـــارات ـــ اليوم",
    "diacritics": "اهتماماً شكّل إِلَىٰ",
    "letters": "کرمانشاه علی",
    "alef": "أحمد إفريقيا آسيا ٱلله",
    "yaa": "مصطفى إلى",
    "teh_marbuta": "المديرية العامة",
    "digits": "٢٠٢٤ ۱۴۰۳",
    "punctuation": "«الرباط»، لماذا؟",
    "elongation": "جووووول",
    "spaces": "الرباط\u00a0\u00a0 والدار",
}


def _cp(text: str) -> str:
    if not text:
        return "(removed)"
    return " ".join(f"U+{ord(c):04X}" for c in text)


def _names(text: str) -> str:
    return ", ".join(unicodedata2.name(c, f"U+{ord(c):04X}") for c in text)


def _shown(text: str) -> str:
    # a lone combining mark is shown on a dotted circle
    return "".join(("\u25cc" + c) if unicodedata2.combining(c) else c for c in text)


def _table(
    headers: list[str], rows: list[list[str]], widths: list[int], arabic: tuple[int, ...] = ()
) -> nodes.table:
    table = nodes.table(classes=["arnorm-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [headers]), (body, rows)):
        for cells_row in cells:
            row = nodes.row()
            for column, cell in enumerate(cells_row):
                entry = nodes.entry()
                if target is body and column in arabic:
                    entry["classes"].append("arnorm-arabic")
                entry += nodes.paragraph(text=cell)
                row += entry
            target += row
    return table


class StepTable(Directive):
    """Every character in a step's table, with what it becomes."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        table = steps.char_map(name)
        rows = [
            [_cp(k), _shown(k), unicodedata2.name(k, ""), _cp(v), _shown(v)]
            for k, v in sorted(table.items(), key=lambda kv: ord(kv[0]))
        ]
        if not rows:
            return [nodes.paragraph(text="This step has no per-character table.")]
        headers = ["Code point", "Char", "Name", "Becomes", "Result"]
        return [_table(headers, rows, [12, 6, 40, 20, 8])]


class StepExamples(Directive):
    """Each step run on a sample, before and after."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for name in steps.STEP_NAMES:
            before = EXAMPLES[name]
            after = steps.STEPS[name](before)
            # the text as it stands: a mark shown on a dotted circle would break the joining
            rows.append([name, before, after])
        return [_table(["Step", "Before", "After"], rows, [14, 40, 40], arabic=(1, 2))]


class Benchmarks(Directive):
    """A table of committed benchmark results (JSON written by benchmarks/*.py --save)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        source = Path(self.state.document.settings.env.srcdir) / self.arguments[0]
        self.state.document.settings.env.note_dependency(str(source))
        data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
        rows = [[str(c) for c in row] for row in data["table"]["rows"]]
        out: list[nodes.Node] = [
            _table(data["table"]["headers"], rows, [30] + [15] * (len(rows[0]) - 1))
        ]
        targets = []
        for target in data.get("targets", []):
            if "ratio" in target:
                figure, goal = f"{target['ratio']}x", f">= {target['minimum']}x"
            else:
                figure, goal = f"{target['value_mb']} MB", f"< {target['maximum_mb']} MB"
            targets.append([target["label"], figure, goal, "met" if target["met"] else "missed"])
        if targets:
            out.append(_table(["Target", "Measured", "Goal", "Result"], targets, [30, 12, 12, 10]))
        machine = data["machine"]
        out.append(
            nodes.paragraph(
                text=f"Measured {data['date']} on {machine['cpu']} ({machine['cpus']} cores),"
                f" Python {data['python']['version']}, with: {data['command']}"
            )
        )
        return out


_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'" + r'|"(?:[^"\\\n]|\\.)*"')


class ConsoleLexer(PythonConsoleLexer):
    """Python sessions, with the string literals in the output marked as strings.

    An output line such as ``['المغرب', 'دولة الإمارات']`` is one token otherwise, and the
    browser shows its Arabic items as one right-to-left run, last first.
    """

    def __init__(self, **options: Any) -> None:
        options.setdefault("stripnl", False)
        super().__init__(**options)

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:  # type: ignore[override]
        for index, token, value in super().get_tokens_unprocessed(text):
            if token is not Generic.Output:
                yield index, token, value
                continue
            at = 0
            for found in _STRING.finditer(value):
                if found.start() > at:
                    yield index + at, token, value[at : found.start()]
                yield index + found.start(), String, found.group()
                at = found.end()
            if at < len(value):
                yield index + at, token, value[at:]


_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: Arabic words (with their Arabic punctuation and invisible marks) and the spaces between them.
_ARABIC_RUN = re.compile(
    f"[{_ARABIC}][{_ARABIC}\u200c-\u200f]*(?:[ \u00a0]+[{_ARABIC}][{_ARABIC}\u200c-\u200f]*)*"
)
_CODE = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.option_string)


class IsolateArabic(SphinxTransform):
    """Wrap each run of Arabic words in prose in an inline of class ``ar``.

    Code keeps its text (the CSS isolates its string tokens instead), and so do the tables of
    this extension: their Arabic cells take their direction from their text as a whole, and a
    lone mark stays on its dotted circle.
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or not _ARABIC_RUN.search(text.astext()):
                continue
            ancestors, up = [], parent
            while up is not None:
                ancestors.append(up)
                up = up.parent
            if any(
                isinstance(a, _CODE) or "arnorm-table" in a.get("classes", ()) for a in ancestors
            ):
                continue
            if isinstance(parent, nodes.inline) and "ar" in parent["classes"]:
                continue
            value, pieces, at = text.astext(), [], 0
            for found in _ARABIC_RUN.finditer(value):
                if found.start() > at:
                    pieces.append(nodes.Text(value[at : found.start()]))
                pieces.append(nodes.inline(found.group(), found.group(), classes=["ar"]))
                at = found.end()
            if at < len(value):
                pieces.append(nodes.Text(value[at:]))
            parent.replace(text, pieces)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_lexer("pycon", ConsoleLexer)
    app.add_transform(IsolateArabic)
    app.add_directive("arnorm-step-table", StepTable)
    app.add_directive("arnorm-step-examples", StepExamples)
    app.add_directive("arnorm-benchmarks", Benchmarks)
    return {"parallel_read_safe": True, "version": "1"}
