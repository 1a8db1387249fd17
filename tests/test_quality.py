"""The quality benchmark: its scoring rules, and that its committed figures are current.

The scores themselves are in-sample figures of ``benchmarks/bench_quality.py`` (committed in
``benchmarks/results/quality.json``), not test thresholds: the behaviours behind them are
tested one by one in ``test_matcher.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import Corpus

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bench(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("benchmarks/bench_quality.py")


def _gold(file: str, text: str, part: str, type_: str, id_: str | None) -> dict[str, Any]:
    start = text.index(part)
    return {"file": file, "start": start, "end": start + len(part), "type": type_, "id": id_}


class _Found:
    """A stand-in matcher: it finds what it is told to, so the scoring alone is tested."""

    def __init__(self, text: str, found: list[tuple[str, str, str, str]]) -> None:
        self.matches = []
        for part, type_, id_, method in found:
            start = text.index(part)
            self.matches.append(
                SimpleNamespace(
                    start=start, end=start + len(part), type=type_, id=id_, method=method
                )
            )

    def find(self, text: str) -> list[SimpleNamespace]:
        return self.matches


TEXT = "زار الوفد الرباط ثم طنجة، وقال وزير الداخلية في عمان إن الوضع هادئ. وبقي الوفد في مراكش"


def test_scoring_counts_spans_entries_misses_and_titles(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "news-900.txt"
    path.write_text(TEXT, encoding="utf-8")
    mentions = [
        _gold(path.name, TEXT, "الرباط", "place", "ma-rabat"),  # found, right entry
        _gold(path.name, TEXT, "طنجة", "place", None),  # found, but no entry: never right
        _gold(path.name, TEXT, "عمان", "place", "jo-amman"),  # found with another entry
        _gold(path.name, TEXT, "الوفد", "person", None),  # missed
        _gold("news-901.txt", TEXT, "الرباط", "place", "ma-rabat"),  # another article: not scored
    ]
    matcher = _Found(
        TEXT,
        [
            ("الرباط", "place", "ma-rabat", "exact"),
            ("طنجة", "place", "ma-tangier", "exact"),
            ("الداخلية", "agency", "ma-interior", "exact"),  # in a title, listed nowhere: ignored
            ("عمان", "place", "country-om", "exact"),
            ("مراكش", "person", "person-x", "surname"),  # listed as nothing of its type: wrong
        ],
    )
    scores = bench.score(matcher, [path], mentions)
    overall = scores["overall"]
    assert (overall["mentions"], overall["mentions_with_id"], overall["predicted"]) == (4, 2, 4)
    assert overall["recall_span"] == 0.75
    assert overall["recall_entry"] == 0.25
    assert overall["recall_entry_where_id"] == 0.5
    assert overall["precision_span"] == 0.75
    assert overall["precision_entry"] == 0.25
    # طنجة finds only a mention without an id: its entry cannot be judged
    assert overall["precision_entry_where_id"] == round(1 / 3, 4)
    assert scores["per_type"]["person"]["recall_span"] == 0.0
    assert scores["per_type"]["place"]["precision_entry"] == round(1 / 3, 4)
    assert scores["per_method"]["surname"] == {
        "predicted": 1,
        "precision_span": 0.0,
        "precision_entry": 0.0,
        "precision_entry_where_id": 0.0,
    }


def test_a_match_that_finds_nothing_is_ignored_only_in_a_title_clause(bench: ModuleType) -> None:
    (inside,) = _Found(TEXT, [("الداخلية", "agency", "ma-interior", "exact")]).matches
    (verdict,) = bench.judge(TEXT, [inside], [])
    assert verdict.ignored
    plain = TEXT.replace("وزير", "عن")
    (outside,) = _Found(plain, [("الداخلية", "agency", "ma-interior", "exact")]).matches
    (verdict,) = bench.judge(plain, [outside], [])
    assert not verdict.ignored


def test_the_committed_quality_figures_are_current(bench: ModuleType, corpus: Corpus) -> None:
    committed = json.loads((BENCHMARKS / "results" / "quality.json").read_text(encoding="utf-8"))
    fresh = bench.results(corpus.articles[0].parent)
    assert committed["in_sample"] is True
    assert committed == fresh, "run python benchmarks/bench_quality.py --save and commit the result"
