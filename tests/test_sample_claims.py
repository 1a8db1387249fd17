"""tools/sample_claims.py: the random sample of role claims a second reader checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"

PERSON = {
    "id": "person-x",
    "type": "person",
    "name": "س ص",
    "name_en": "X Y",
    "checked": "2026-12-01",
    "roles": [
        {
            "title": "وزير الداخلية",
            "title_en": "Minister of Interior",
            "organization": "xx-interior",
            "from": "2015-03",
            "to": "2019",
        },
        {"title": "رئيس الحكومة", "title_en": "Prime Minister", "from": "2020-01-02", "to": None},
    ],
    "sources": [
        {"publisher": "P", "title": "T", "url": "https://example.org/a", "date": "2026-11-30"}
    ],
}
AGENCY = {
    "id": "xx-old",
    "type": "agency",
    "name": "جهاز",
    "name_en": "Old service",
    "valid_to": "2024-12",
    "sources": [{"title": "T2"}],
}


@pytest.fixture(scope="module")
def tool(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/sample_claims.py")


def test_every_role_and_validity_period_is_one_claim(tool: ModuleType) -> None:
    got = [(c.entry, c.statement) for c in tool.claims([PERSON, AGENCY])]
    assert got == [
        ("person-x", "وزير الداخلية / Minister of Interior (xx-interior), from 2015-03 to 2019"),
        (
            "person-x",
            "رئيس الحكومة / Prime Minister, from 2020-01-02, still in post (as of 2026-12-01)",
        ),
        ("xx-old", "exists under this name from an unstated date to 2024-12"),
    ]


def test_the_sample_is_reproducible_and_carries_its_sources(tool: ModuleType) -> None:
    first = tool.sample("officials", 5, 3)
    assert len(first) == 5
    assert first == tool.sample("officials", 5, 3)
    assert first != tool.sample("officials", 5, 4)
    assert all(c.sources for c in first)
    text = tool.markdown(first, "officials", 3)
    assert text.count("[ ]") == 5
    assert all(c.name in text for c in first)
