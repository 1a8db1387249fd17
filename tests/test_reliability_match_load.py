"""Matcher.load is strict: every malformed state raises ValueError saying what is wrong.

The crafted states of the reliability review (item 17): before, some raised TypeError, some
loaded and failed later in find with AttributeError, some loaded as if sound, and one large
string referenced many times cost one normalization a reference.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arnorm.gazetteer
import arnorm.matcher
from arnorm import Gazetteer, Matcher
from arnorm.gazetteer import Entry, Source


def own_matcher() -> Matcher:
    entry = Entry("x", "place", "الرباط", "Rabat", (Source("s"),), aliases=("رباط الفتح",))
    return Matcher([Gazetteer("own", "1.0.0", [entry])])


def save(state: object, path: Path) -> Path:
    path.write_bytes(arnorm.matcher._index.SAVE_MAGIC + pickle.dumps(state, protocol=4))
    return path


class FakeGazetteer:
    """Pickles as a gazetteer of whatever entries it is given (what a crafted file can do)."""

    def __init__(self, entries: tuple[object, ...]) -> None:
        self.entries = entries

    def __reduce__(self) -> tuple[object, ...]:
        return (arnorm.gazetteer._restore, ("own", "1.0.0", self.entries, None))


def changed(**parts: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """The state of a sound matcher with some of its parts replaced (each from the old)."""
    state = own_matcher()._state()
    state["index"] = dict(state["index"])
    for name, make in parts.items():
        if name in state:
            state[name] = make(state)
        else:
            state["index"][name] = make(state)
    return state


def table(name: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda s: {**s["index"]["tables"], name: value}


def option(name: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda s: tuple((k, value if k == name else v) for k, v in s["options"])


BAD: dict[str, tuple[object, str]] = {
    "a list in place of a state": ([1, 2], "not a matcher of format"),
    "an unknown key": ({**changed(), "extra": 1}, "unexpected keys"),
    "an unknown option": (
        changed(options=lambda s: (*s["options"], ("evil", 1))),
        "unknown option",
    ),
    "a missing option": (changed(options=lambda s: s["options"][1:]), "missing option"),
    "an option given twice": (
        changed(options=lambda s: (*s["options"], s["options"][0])),
        "given twice",
    ),
    "options not pairs": (changed(options=lambda s: ("fuzzy",)), "not a tuple of"),
    "a string as a bool": (changed(options=option("fuzzy", "yes")), "option fuzzy is not a bool"),
    "a min_score out of range": (changed(options=option("min_score", 7)), "option min_score"),
    "an unknown type": (changed(options=option("types", frozenset({"x"}))), "option types"),
    "overlaps as a list": (changed(options=option("overlaps", ["all"])), "option overlaps"),
    "words as a list": (changed(options=option("safe_words", ["مصر"])), "option safe_words"),
    "words as a string": (changed(options=option("common_words", "مصر")), "option common_words"),
    "strings as gazetteers": (changed(gazetteers=lambda s: ["not a gazetteer"]), "gazetteers"),
    "gazetteers as a list": (changed(gazetteers=lambda s: list(s["gazetteers"])), "gazetteers"),
    "an entry of unknown type, name 5": (
        changed(gazetteers=lambda s: (FakeGazetteer((Entry("x", "weird", 5, None, ()),)),)),  # type: ignore[arg-type]
        "field name is int",
    ),
    "an entry of an unknown type": (
        changed(gazetteers=lambda s: (FakeGazetteer((Entry("x", "weird", "a", "b", ()),)),)),  # type: ignore[arg-type]
        "type 'weird' is none of",
    ),
    "a list as an entry's id": (
        changed(gazetteers=lambda s: (FakeGazetteer((Entry(["list"], "place", "a", "b", ()),)),)),  # type: ignore[arg-type]
        "damaged matcher file",
    ),
    "sources of strings": (
        changed(gazetteers=lambda s: (FakeGazetteer((Entry("x", "place", "a", "b", ("s",)),)),)),  # type: ignore[arg-type]
        "field sources",
    ),
    "an index of ints": (
        changed(index=lambda s: dict.fromkeys(s["index"], 42)),
        "entries is not a list",
    ),
    "an index field missing": (
        changed(index=lambda s: {k: v for k, v in s["index"].items() if k != "words"}),
        "index does not hold exactly",
    ),
    "rows of different lengths": (
        changed(a_surface=lambda s: s["index"]["a_surface"][:-1]),
        "differ in length",
    ),
    "a row of an entry not there": (
        changed(a_entry=lambda s: ("array", "i", b"\x07\0\0\0" * len(s["index"]["a_surface"]))),
        "names an entry that is not there",
    ),
    "a phrase of a row not there": (changed(phrases=lambda s: {"الرباط": 99}), "alias row"),
    "a phrase of rows as a string": (changed(phrases=lambda s: {"الرباط": "01"}), "alias row"),
    "a fuzzy key of a word not there": (
        changed(tables=table("variant", ("array", "Q", (2**24 - 1).to_bytes(8, "little")))),
        "table variant names a word that is not there",
    ),
    "an array of a bad type code": (changed(tables=table("variant", ("array", "?", b""))), "index"),
    "an array of torn bytes": (changed(tables=table("edit", ("array", "Q", b"\x00" * 7))), "index"),
    "a variant class without its table": (
        changed(tables=lambda s: {k: v for k, v in s["index"]["tables"].items() if k != "dots"}),
        "one table of each variant class",
    ),
    "words that are not strings": (changed(words=lambda s: [1, 2]), "words"),
}


@pytest.mark.parametrize("label", list(BAD))
def test_a_malformed_state_is_a_value_error_saying_what(label: str, tmp_path: Path) -> None:
    state, what = BAD[label]
    path = save(state, tmp_path / "bad.matcher")
    with pytest.raises(ValueError, match=what) as caught:
        Matcher.load(path)
    assert str(path) in str(caught.value)
    # the same checks when a pickled matcher is read
    with pytest.raises(ValueError, match=r"damaged matcher file|not a matcher"):
        arnorm.matcher._core._from_state(state)  # type: ignore[arg-type]


def test_a_sound_state_still_loads(tmp_path: Path) -> None:
    path = save(changed(), tmp_path / "good.matcher")
    assert [m.id for m in Matcher.load(path).find("في رباط الفتح وبالرباط")] == ["x", "x"]


def test_a_large_string_referenced_many_times_costs_no_normalizing(tmp_path: Path) -> None:
    """200 references to one 140K-character string took 200 normalizations (0.17 s)."""
    big = "الرباط " * 20_000
    for words in ([big] * 200, frozenset({big})):
        path = save(changed(options=option("common_words", words)), tmp_path / "amp.matcher")
        assert path.stat().st_size < 400_000  # the file holds the string once
        start = time.process_time()
        with pytest.raises(ValueError, match="option common_words"):
            Matcher.load(path)
        assert time.process_time() - start < 0.05  # refused before a word is normalized
