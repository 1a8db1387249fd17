"""arnorm.frames: a column of texts to a tidy frame of mentions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The integration needs its extra: without it, this module is skipped, and says why.
pytest.importorskip("pandas", reason="needs the [pandas] extra: pip install '.[pandas]'")

import pandas as pd

import arnorm
from arnorm import Matcher
from arnorm.frames import COLUMNS, mentions

TEXTS = {
    "a1": "استقبل عبد اللطيف حموشي بالرباط وفدا من أبوظبي",
    "a2": "لا شيء هنا",
    "a3": "وأكد حموشي بالرباط أن للمديرية العامة للأمن الوطني دورا",
}


def test_one_row_a_match_with_the_row_label() -> None:
    frame = mentions(pd.Series(TEXTS, name="text"))
    assert list(frame.columns) == ["index", *COLUMNS]
    spec = "start end text id type name name_en score method gazetteer version"
    assert tuple(spec.split()) == COLUMNS
    matcher = Matcher()
    rows = [
        (label, *(getattr(m, c) for c in COLUMNS))
        for label, text in TEXTS.items()
        for m in matcher.find(text)
    ]
    assert len(rows) == 6
    assert [tuple(r) for r in frame.itertuples(index=False)] == rows
    assert list(frame.index) == list(range(6))
    assert frame["start"].dtype == "int64"
    assert frame["score"].dtype == "float64"


def test_offsets_point_into_each_row() -> None:
    texts = pd.Series(TEXTS)
    for row in mentions(texts).itertuples(index=False):
        assert texts[row.index][row.start : row.end] == row.text


def test_the_index_column_is_named_after_the_index() -> None:
    texts = pd.Series(TEXTS).rename_axis("article")
    assert mentions(texts).columns[0] == "article"
    multi = pd.Series(
        ["زار الرباط", "من أبوظبي"],
        index=pd.MultiIndex.from_tuples([(1, "ar"), (2, "ar")], names=["doc", None]),
    )
    frame = mentions(multi)
    assert list(frame.columns[:3]) == ["doc", "level_1", "start"]
    assert frame[["doc", "level_1", "id"]].values.tolist() == [
        [1, "ar", "ma-rabat"],
        [2, "ar", "ae-abu-dhabi"],
    ]


def test_an_index_named_like_a_column_is_refused() -> None:
    with pytest.raises(ValueError, match="the index is named 'id'"):
        mentions(pd.Series(TEXTS).rename_axis("id"))


@pytest.mark.parametrize("dtype", [None, "object", "string"])
def test_missing_values_have_no_mentions(dtype: str | None) -> None:
    texts = pd.Series(["زار الرباط", None, "من أبوظبي"], dtype=dtype)
    frame = mentions(texts)
    assert frame[["index", "id"]].values.tolist() == [[0, "ma-rabat"], [2, "ae-abu-dhabi"]]
    assert mentions(pd.Series([float("nan"), pd.NA, None], dtype="object")).empty


@pytest.mark.parametrize("value", [7, b"\xd8\xa7", ["الرباط"]])
def test_values_that_are_not_text_are_refused(value: object) -> None:
    texts = pd.Series(["زار الرباط", value], index=["x", "y"], dtype="object")
    with pytest.raises(TypeError, match="the value at index 'y' is a "):
        mentions(texts)


def test_only_a_series() -> None:
    with pytest.raises(TypeError, match="texts must be a pandas Series, not DataFrame"):
        mentions(pd.DataFrame({"text": ["زار الرباط"]}))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not list"):
        mentions(["زار الرباط"])  # type: ignore[arg-type]


def test_no_mentions_is_an_empty_frame_with_the_columns() -> None:
    for texts in (pd.Series([], dtype="object"), pd.Series(["لا شيء هنا"])):
        frame = mentions(texts)
        assert frame.empty
        assert list(frame.columns) == ["index", *COLUMNS]
        assert frame["end"].dtype == "int64"
        assert frame["score"].dtype == "float64"


def test_a_given_matcher_is_used() -> None:
    places = Matcher([arnorm.load_gazetteer("places", "1.0.0")], types=["place"])
    frame = mentions(pd.Series(TEXTS), matcher=places)
    assert set(frame["type"]) == {"place"}
    assert set(frame["version"]) == {"1.0.0"}


def test_normalizing_a_column() -> None:
    texts = pd.Series(["الإمـــارات", None, "إِلَىٰ"], dtype="object")
    normalized = texts.map(arnorm.normalize, na_action="ignore")
    assert normalized[0] == "الامارات"
    assert normalized[2] == "الي"
    assert pd.isna(normalized[1])


def test_import_arnorm_does_not_import_pandas(tmp_path: Path) -> None:
    code = "import sys, arnorm\nprint(sorted(m for m in sys.modules if m.startswith('pandas')))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\n"
