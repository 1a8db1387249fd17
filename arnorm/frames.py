"""pandas helpers: the mentions in a column of texts as a tidy frame.

Install pandas with ``pip install 'arnorm[pandas]'``; this module imports it,
``import arnorm`` does not.  Normalizing a column needs no helper:
``texts.map(arnorm.normalize, na_action="ignore")``.

>>> import pandas as pd
>>> texts = pd.Series({"a1": "استقبل حموشي بالرباط", "a2": "وفد من أبوظبي"}, name="text")
>>> frame = mentions(texts)
>>> frame[["index", "start", "end", "text", "id", "method"]]
  index  start  end    text                           id   method
0    a1      7   12   حموشي  person-abdellatif-hammouchi  surname
1    a1     14   20  الرباط                     ma-rabat    exact
2    a2      7   13  أبوظبي                 ae-abu-dhabi    exact
"""

from __future__ import annotations

import functools
from typing import Any, Final

import pandas as pd

from .files import MATCH_FIELDS
from .matcher import Matcher

__all__ = ["COLUMNS", "mentions"]

#: The columns of :func:`mentions` after the index column(s), in order: the
#: fields of :class:`arnorm.Match` that ``arnorm match`` prints (taken from it,
#: so that the two stay alike), without its file and line, and without the
#: evidence (a list a match: read it from :meth:`arnorm.Matcher.find`).
COLUMNS: Final = tuple(f for f in MATCH_FIELDS if f not in ("file", "line", "evidence"))
_DTYPES: Final = {c: "int64" if c in ("start", "end") else "str" for c in COLUMNS} | {
    "score": "float64"
}


@functools.cache
def _default_matcher() -> Matcher:
    return Matcher()


def mentions(texts: pd.Series[Any], *, matcher: Matcher | None = None) -> pd.DataFrame:
    """One row a mention of a gazetteer entry in *texts*, with the label of the row it is in.

    *matcher* defaults to a :class:`~arnorm.Matcher` of the latest version of
    every shipped gazetteer (built once).  Each value is matched on its own,
    so a surname is confirmed only by the full name in the same value.

    The frame's first column is the row's index label, named after the
    index (``index`` when it has no name; one column a level for a
    ``MultiIndex``, named as ``Series.reset_index`` names them), then
    :data:`COLUMNS`.  ``start`` and ``end`` are offsets in that
    row's text.  Rows follow *texts*, and mentions their order in the text;
    the frame's own index is a fresh range.

    Missing values (``None``, ``NaN``, ``pd.NA``) have no mentions.  Any
    other value that is not a :class:`str` raises :class:`TypeError`, as does
    an index named like one of :data:`COLUMNS` (:class:`ValueError`: rename
    it with ``texts.rename_axis(...)``).

    >>> import pandas as pd
    >>> from arnorm.frames import mentions
    >>> texts = pd.Series(["من أبوظبي", None, float("nan")]).rename_axis("row")
    >>> mentions(texts)[["row", "text", "name_en", "score"]]
       row    text    name_en  score
    0    0  أبوظبي  Abu Dhabi    1.0
    >>> mentions(pd.Series(["من أبوظبي", 7]))
    Traceback (most recent call last):
    ...
    TypeError: the value at index 1 is a int, not a str (missing values are skipped)
    """
    if not isinstance(texts, pd.Series):
        raise TypeError(f"texts must be a pandas Series, not {type(texts).__name__}")
    names = _index_names(texts.index)
    clash = sorted(set(names) & set(COLUMNS))
    if clash:
        raise ValueError(
            f"the index is named {clash[0]!r}, like a column of mentions;"
            " rename it with texts.rename_axis(...)"
        )
    if matcher is None:
        matcher = _default_matcher()
    rows: list[int] = []
    found: list[Any] = []
    for position, (label, value) in enumerate(texts.items()):
        if not isinstance(value, str):
            if pd.api.types.is_scalar(value) and pd.isna(value):
                continue
            raise TypeError(
                f"the value at index {label!r} is a {type(value).__name__}, not a str"
                " (missing values are skipped)"
            )
        for match in matcher.finditer(value):
            rows.append(position)
            found.append(match)
    data = {column: [getattr(m, column) for m in found] for column in COLUMNS}
    frame = pd.DataFrame(data, index=texts.index.take(rows)).astype(_DTYPES)
    return frame.reset_index(names=names)


def _index_names(index: pd.Index[Any]) -> list[str]:
    """The column names that ``reset_index`` gives the levels of *index*."""
    if index.nlevels == 1:
        return [str(index.name) if index.name is not None else "index"]
    return [str(n) if n is not None else f"level_{i}" for i, n in enumerate(index.names)]
