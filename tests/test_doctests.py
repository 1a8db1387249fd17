"""The examples in docstrings and in the README run as tests."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
MODULES = [
    "arnorm",
    "arnorm.steps",
    "arnorm.normalizer",
    "arnorm._align",
    "arnorm._io",
    "arnorm.gazetteer",
    "arnorm.matcher",
    "arnorm.matcher._core",
    "arnorm.matcher._morphology",
    "arnorm.matcher._variants",
    "arnorm._lexicon",
    pytest.param("arnorm.spacy", marks=pytest.mark.needs("spacy")),
    pytest.param("arnorm.frames", marks=pytest.mark.needs("pandas")),
    "arnorm.files",
    "arnorm._walk",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, request: pytest.FixtureRequest) -> None:
    for mark in request.node.iter_markers("needs"):
        (library,) = mark.args
        pytest.importorskip(
            library, reason=f"needs the [{library}] extra: pip install '.[{library}]'"
        )
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


def test_readme_python_examples() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, "the README has no Python example"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README block {i}", str(README), 0)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
