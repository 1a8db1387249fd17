"""The evidence warning a matcher gives as it is built lists what aliases_needing_evidence lists.

The build marks the common aliases as it indexes them, and the warning reads those marks
rather than normalizing every alias again: these tests hold the two to the same list, in
the same order, with the same reasons.
"""

from __future__ import annotations

import warnings

import pytest

from arnorm import EvidenceWarning, Gazetteer, Matcher, load_gazetteer
from arnorm.gazetteer import Entry, Source
from arnorm.matcher import aliases_needing_evidence


def own(name: str, *entries: tuple[str, str, str, tuple[str, ...]]) -> Gazetteer:
    return Gazetteer(
        name,
        "1.0.0",
        [
            Entry(id=i, type=t, name=n, name_en=i, aliases=a, sources=(Source("test"),))  # type: ignore[arg-type]
            for i, t, n, a in entries
        ],
    )


FIRST = own(
    "first",
    ("place-qal", "place", "قال", ("قال", "بين")),  # the same surface twice: listed once
    ("org-kan", "organization", "كان", ()),
    ("person-ala", "person", "على", ("علي بن", "من")),
    ("place-rabat", "place", "الرباط", ()),
    ("agency-office", "agency", "المكتب", ("مكتب",)),
)
SECOND = own(
    "second",
    ("place-qal", "place", "قال", ()),  # the same alias and id in another gazetteer: listed again
    ("place-sahel", "place", "الساحل", ()),
)


def type_of(gazetteer: Gazetteer, entry_id: str) -> str:
    entry = gazetteer.get(entry_id)
    assert entry is not None
    return entry.type


def warned(gazetteers: list[Gazetteer], **options: object) -> list[str]:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        Matcher(gazetteers, **options)  # type: ignore[arg-type]
    return [str(w.message) for w in got if issubclass(w.category, EvidenceWarning)]


def expected(
    gazetteers: list[Gazetteer],
    types: set[str] | None = None,
    options: dict[str, object] | None = None,
) -> list[str]:
    found = [
        a
        for g in gazetteers
        for a in aliases_needing_evidence(g, **(options or {}))  # type: ignore[arg-type]
        if types is None or type_of(g, a.entry_id) in types
    ]
    if not found:
        return []
    shown = "; ".join(f"{a.alias!r} of {a.entry_id!r}: {a.reason}" for a in found[:20])
    more = f"; and {len(found) - 20} more" if len(found) > 20 else ""
    return [
        f"{len(found)} alias(es) of your gazetteer(s) are common words and are not"
        f" reported on their own: {shown}{more}.  If they are names first, pass them"
        " in safe_words= (on the command line: --safe-word)."
    ]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"safe_words": {"قال"}},
        {"common_words": {"الرباط", "علي بن"}},
        {"shipped_word_lists": False, "common_words": {"المكتب"}},
    ],
)
def test_the_warning_lists_what_aliases_needing_evidence_lists(options: dict[str, object]) -> None:
    gazetteers = [FIRST, load_gazetteer("places"), SECOND]
    assert warned(gazetteers, **options) == expected([FIRST, SECOND], options=options)


def test_the_warning_leaves_out_the_types_not_matched() -> None:
    gazetteers = [FIRST, SECOND]
    got = warned(gazetteers, types=["place", "agency"])
    assert got == expected(gazetteers, types={"place", "agency"})
    assert "org-kan" not in got[0]
    assert warned(gazetteers, types=["person"]) == expected(gazetteers, types={"person"})
