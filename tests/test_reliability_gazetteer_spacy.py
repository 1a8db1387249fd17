"""The spaCy component's saved state: a malformed one is a ValueError that says what is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

# The integration needs its extra: without it, this module is skipped, and says why.
pytest.importorskip("spacy", reason="needs the [spacy] extra: pip install '.[spacy]'")

import spacy

from arnorm import GazetteerError
from arnorm.spacy import ArnormComponent


@pytest.fixture(scope="module")
def component() -> ArnormComponent:
    nlp = spacy.blank("ar")
    comp = nlp.add_pipe("arnorm", config={"gazetteers": ["places"]})
    assert isinstance(comp, ArnormComponent)
    return comp


BAD_STATES: list[tuple[Any, str]] = [
    ({"gazetteers": "places"}, "'gazetteers' in the arnorm component state must be a list of"),
    ({"gazetteers": [{"x": 1}]}, "'gazetteers'\\[0\\] in the arnorm component state must be a"),
    ({"gazetteers": ["places", 7]}, "'gazetteers'\\[1\\] .* NAME@VERSION string, not int"),
    ({"nothing": 1}, "the arnorm component state has no 'gazetteers' key"),
    (["places"], "the arnorm component state must be a JSON object, not list"),
    (None, "the arnorm component state must be a JSON object, not NoneType"),
]


@pytest.mark.parametrize(("state", "message"), BAD_STATES)
def test_from_bytes_names_what_is_wrong(
    component: ArnormComponent, state: Any, message: str
) -> None:
    before = component.gazetteers
    with pytest.raises(ValueError, match=f"^from_bytes: {message}"):
        component.from_bytes(json.dumps(state).encode())
    assert component.gazetteers == before  # unchanged


@pytest.mark.parametrize("data", [b"{nope", b"\xff\xfe", b""])
def test_from_bytes_of_what_is_not_json(component: ArnormComponent, data: bytes) -> None:
    with pytest.raises(ValueError, match=r"^from_bytes: the arnorm component state is not JSON"):
        component.from_bytes(data)


@pytest.mark.parametrize(("state", "message"), BAD_STATES[:3])
def test_from_disk_names_the_file(
    component: ArnormComponent, state: Any, message: str, tmp_path: Path
) -> None:
    (tmp_path / "arnorm.json").write_text(json.dumps(state), encoding="utf-8")
    with pytest.raises(ValueError, match=f"^{tmp_path / 'arnorm.json'}: {message}"):
        component.from_disk(tmp_path)


def test_a_path_or_unknown_name_is_still_a_gazetteer_error(component: ArnormComponent) -> None:
    for spec in ("../../etc/passwd", "places@../x", "nowhere"):
        with pytest.raises(GazetteerError):
            component.from_bytes(json.dumps({"gazetteers": [spec]}).encode())


def test_a_good_state_still_loads(component: ArnormComponent) -> None:
    state = {"gazetteers": ["places@1.0.0"], "arnorm": "0"}
    component.from_bytes(json.dumps(state).encode())
    assert component.gazetteers == ("places@1.0.0",)
