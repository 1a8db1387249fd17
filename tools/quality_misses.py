"""List the development corpus's misses and wrong matches, each with the cause behind it.

**In-sample.** The development corpus (``../shared/corpus/`` beside the checkout) is what
the matcher is tuned on; it is never the source of a gazetteer fact.  This script says, for
each mention with an ``id`` that the default matcher misses or gives the wrong entry, and
for each match that is wrong (it overlaps no listed mention, or names another entry than
the mention it overlaps):

- the file, the text, the expected ``id`` and what arnorm gave;
- a cause class, one of

  ``data: no entry``
      the gazetteers have no entry of that ``id``;
  ``data: no alias``
      the entry is there, but none of its names, aliases or its surname is the text's
      spelling, not even through a variant class;
  ``matcher: article``
      the text writes the name with the article and the entry without it, or the other
      way round (إنتربول / الإنتربول);
  ``matcher: line break``
      the name is cut by a line break;
  ``matcher: lexicon gate``
      the text's first word is a real word, read only as itself, though a variant class
      would read it as the entry's name;
  ``matcher: needs evidence``
      the alias is a common word or a generic reference, and nothing around it chose it;
  ``matcher: surname rule``
      a surname alone not reported (a frequent word, or inside another person's name);
  ``matcher: surname is a given name (by design)``
      the person's surname alone is also a given name (إبراهيم، حسن), which is never
      matched alone, even after the full name;
  ``matcher: overlapped``
      a longer or earlier match covers it;
  ``matcher: not matched``
      the entry's alias is there and the matcher finds it alone, but not in its text;
  ``data: the entry is no candidate``
      the span is found, but the expected entry is none of its candidates: it lacks
      the alias, or the text's name is another entry's;
  ``wrong entry: <rule>``
      the span is found with another entry; the rule that chose it (the evidence kind:
      qualifier, sentence, document, cue, or the ranking when no evidence decided);
  ``wrong type``
      the span is found as a name of another entry type;
  ``wrong match: <rule>``
      the same, counted on the match's side (the expected entry is a candidate);
  ``spurious: <method>``
      a match that overlaps no listed mention (outside a title);
  ``unjudged: inside a longer name``
      a match strictly inside a listed mention whose entity had no entry (خالد بن علي
      الحميدان is not بن علي): not counted by ``P id``, and wrong all the same.

Run from the repository root::

    python tools/quality_misses.py              # one line a case, then the counts by class
    python tools/quality_misses.py --counts     # the counts only
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from arnorm import Match, Matcher
from arnorm.matcher._morphology import strip_forms, units

#: The separators between the words of a normalized text.
SEPARATORS = re.compile(r"[\W_]+")

ROOT = Path(__file__).resolve().parent.parent


def _bench_quality() -> ModuleType:
    """``benchmarks/bench_quality.py``: the corpus loader and the judge of a match."""
    path = ROOT / "benchmarks" / "bench_quality.py"
    spec = importlib.util.spec_from_file_location("_arnorm_bench_quality", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"quality_misses: cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Case:
    """One miss, wrong entry or wrong match, and its cause."""

    file: str
    text: str
    expected: str | None
    given: str
    cause: str

    def line(self) -> str:
        return f"{self.file}\t{self.text!r}\t{self.expected}\t{self.given}\t{self.cause}"


def _describe(match: Match) -> str:
    why = "; ".join(str(e) for e in match.evidence)
    return f"{match.id} ({match.method}{', ' + why if why else ''})"


def _rule(match: Match) -> str:
    """The rule that chose the entry of *match*."""
    kinds = [e.kind for e in match.evidence]
    if kinds:
        return kinds[0]
    if match.method.startswith("surname"):
        return "surname"
    if match.candidates:
        return "ranking"
    return "only entry"


class Diagnosis:
    """The cause of a miss, from the matcher's index and a few re-runs."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.everything = Matcher(overlaps="all")
        self.entries = {e.id: e for g in matcher.gazetteers for e in g}
        self._norm = matcher._normalizer
        self._index = matcher._index

    def keys(self, text: str) -> set[str]:
        """The index keys *text* may be: its first word with and without its proclitics."""
        words = units(self._norm(text), first=True)
        if not words:
            return set()
        out = set()
        for form, _ in strip_forms(words[0]):
            out.add(" ".join((form, *words[1:])))
        return out

    def entry_rows(self, key: str, entry_id: str) -> list[str]:
        """The kinds of the alias rows of *entry_id* filed under *key*."""
        idx = self._index
        return [
            str(idx.a_kind[r]) for r in idx.rows(key) if idx.entries[idx.a_entry[r]].id == entry_id
        ]

    def miss(
        self, text: str, mention: Mapping[str, Any], overlapping: Sequence[Match]
    ) -> tuple[str, str]:
        """(what arnorm gave, the cause) for a *mention* not found with its entry."""
        expected = mention["id"]
        same_type = [m for m in overlapping if m.type == mention["type"]]
        if same_type:
            m = same_type[0]
            if expected not in {c.id for c in m.candidates}:
                return _describe(m), "data: the entry is no candidate"
            return _describe(m), f"wrong entry: {_rule(m)}"
        if overlapping:
            m = overlapping[0]
            return f"{m.type} {_describe(m)}", "wrong type"
        if expected not in self.entries:
            return "-", "data: no entry"
        surface = mention["text"]
        if "\n" in surface:
            return "-", "matcher: line break"
        between = SEPARATORS.findall(self._norm(surface).strip())
        if any(sep.strip() for sep in between):
            return "-", "matcher: punctuation inside the name"
        start, end = int(mention["start"]), int(mention["end"])
        glued_before = text[start - 1 : start] == "و" and text[start - 2 : start - 1].isalpha()
        glued_after = text[end : end + 1] == "و" and text[end + 1 : end + 2].isalpha()
        if glued_before or glued_after:
            return "-", "matcher: glued to another name by و"
        keys = self.keys(surface)
        kinds = [k for key in keys for k in self.entry_rows(key, expected)]
        if kinds:
            return "-", self._present(text, mention, kinds)
        flipped = {k[2:] if k.startswith("ال") else "ال" + k for k in keys}
        if any(self.entry_rows(key, expected) for key in flipped):
            return "-", "matcher: article"
        # a variant class would read it: the gate stopped it?
        lookups = self.matcher._lookups
        first = units(self._norm(surface), first=True)[:1]
        for form, _ in strip_forms(first[0]) if first else ():
            if lookups.is_word(form) and lookups.fuzzy_words(form, frequent=False):
                ids = {c.id for c in self._ungated(surface)}
                if expected in ids:
                    return "-", "matcher: lexicon gate"
        if self.given_surname(keys, expected):
            return "-", "matcher: surname is a given name (by design)"
        return "-", "data: no alias"

    def given_surname(self, keys: set[str], entry_id: str) -> bool:
        """Whether one of *keys* is the last word of the entry's names, and a given name (a
        surname that is a given name is never matched alone)."""
        entry = self.entries[entry_id]
        if entry.type != "person":
            return False
        lasts = set()
        for surface in (entry.name, *entry.aliases):
            words = units(self._norm(surface), first=False)
            if len(words) >= 2:
                lasts.update({words[-1], words[-1].removeprefix("ال")})
        return any(k in lasts or k.removeprefix("ال") in lasts for k in keys)

    def _ungated(self, surface: str) -> list[Any]:
        lookups = self.matcher._lookups
        saved = lookups.is_word
        lookups.is_word = lambda form: False  # type: ignore[method-assign]
        lookups.first_cache.clear()
        lookups.start_cache.clear()
        lookups.tested = (set(), set())
        try:
            return [c for m in self.matcher.find(surface) for c in (m, *m.candidates)]
        finally:
            lookups.is_word = saved  # type: ignore[method-assign]
            lookups.first_cache.clear()
            lookups.start_cache.clear()
            lookups.tested = (set(), set())

    def _present(self, text: str, mention: Mapping[str, Any], kinds: list[str]) -> str:
        """Why an alias that the index holds was not reported."""
        expected = mention["id"]
        start, end = int(mention["start"]), int(mention["end"])
        kind_names = {
            str(i): n for i, n in enumerate(("exact", "abbreviation", "surname", "common"))
        }
        named = {kind_names[k] for k in kinds}
        # with every overlap kept, is it there?
        covering = [
            m
            for m in self.everything.find(text)
            if m.start < end and start < m.end and expected in {m.id, *(c.id for c in m.candidates)}
        ]
        if covering:
            return "matcher: overlapped"
        if "common" in named:
            return "matcher: needs evidence (common word)"
        if "surname" in named and not named & {"exact", "abbreviation"}:
            return "matcher: surname rule"
        alone = self.matcher.find(mention["text"])
        if not alone:
            return "matcher: needs evidence (generic reference)"
        return "matcher: not matched"


def cases(corpus: Path) -> list[Case]:
    """Every miss, wrong entry and wrong match of the default matcher on *corpus*."""
    bq = _bench_quality()
    articles, mentions = bq.load_corpus(corpus)
    matcher = Matcher()
    diagnosis = Diagnosis(matcher)
    out: list[Case] = []
    for path in articles:
        text = path.read_text(encoding="utf-8")
        listed = [(i, g) for i, g in enumerate(mentions) if g["file"] == path.name]
        verdicts = bq.judge(text, matcher.find(text), listed)
        right = {i for v in verdicts for i in v.found if mentions[i]["id"] == v.match.id}
        for i, g in listed:
            if g["id"] is None or i in right:
                continue
            start, end = int(g["start"]), int(g["end"])
            overlapping = [v.match for v in verdicts if v.match.start < end and start < v.match.end]
            given, cause = diagnosis.miss(text, g, overlapping)
            out.append(Case(path.name, g["text"], g["id"], given, cause))
        for v in verdicts:
            if v.ignored or v.right_entry:
                continue
            if not v.found:
                out.append(
                    Case(
                        path.name,
                        v.match.text,
                        None,
                        _describe(v.match),
                        f"spurious: {v.match.method}",
                    )
                )
            elif all(mentions[i]["id"] is None for i in v.found):
                inside = [
                    i
                    for i in v.found
                    if (int(mentions[i]["start"]), int(mentions[i]["end"]))
                    != (v.match.start, v.match.end)
                    and int(mentions[i]["start"]) <= v.match.start
                    and v.match.end <= int(mentions[i]["end"])
                ]
                if inside:
                    out.append(
                        Case(
                            path.name,
                            v.match.text,
                            None,
                            f"{_describe(v.match)} in {mentions[inside[0]]['text']}",
                            "unjudged: inside a longer name",
                        )
                    )
            elif any(mentions[i]["id"] is not None for i in v.found):
                expected = next(mentions[i]["id"] for i in v.found if mentions[i]["id"])
                rule = (
                    f"wrong match: {_rule(v.match)}"
                    if expected in {c.id for c in v.match.candidates}
                    else "wrong match: the entry is no candidate (data)"
                )
                out.append(
                    Case(
                        path.name,
                        v.match.text,
                        expected,
                        _describe(v.match),
                        rule,
                    )
                )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus",
        help="the development corpus folder",
    )
    parser.add_argument("--counts", action="store_true", help="print the counts by class only")
    args = parser.parse_args(argv)
    found = cases(args.corpus)
    print("IN-SAMPLE: development corpus")
    if not args.counts:
        print("file\ttext\texpected\tarnorm gave\tcause")
        for case in found:
            print(case.line())
        print()
    for cause, n in sorted(Counter(c.cause for c in found).items(), key=lambda x: (-x[1], x[0])):
        print(f"{n:>4}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
