"""Data-driven golden cases (tests/data/*.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import arnorm

DATA = Path(__file__).parent / "data"


def _load(name: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    labels = [r["label"] for r in records]
    assert len(labels) == len(set(labels)), f"duplicate labels in {name}"
    return records


CASES = _load("normalize_cases.json")
UNCHANGED = _load("unchanged.json")


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert arnorm.normalize(case["input"], case["profile"]) == case["expected"], case["comment"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_golden_with_offsets_gives_the_same_text(case: dict[str, Any]) -> None:
    result = arnorm.normalize_with_offsets(case["input"], case["profile"])
    assert result.text == case["expected"]
    assert result.offsets.input_length == len(case["input"])


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_golden_expected_is_a_fixed_point(case: dict[str, Any]) -> None:
    assert arnorm.normalize(case["expected"], case["profile"]) == case["expected"]


@pytest.mark.parametrize("case", UNCHANGED, ids=[c["label"] for c in UNCHANGED])
@pytest.mark.parametrize("profile", sorted(arnorm.PROFILES))
def test_unchanged(case: dict[str, Any], profile: str) -> None:
    assert arnorm.normalize(case["input"], profile) == case["input"]
    assert arnorm.explain(case["input"], profile).reports == ()
