"""Shared test setup."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

import arnorm

ROOT = Path(__file__).resolve().parent.parent


def pytest_report_header() -> str:
    return f"arnorm {arnorm.__version__} from {Path(arnorm.__file__).parent}"


# CI tests the installed wheel: importing the source tree would hide a file the wheel lacks.
if os.environ.get("ARNORM_TEST_INSTALLED") and ROOT in Path(arnorm.__file__).resolve().parents:
    raise RuntimeError(f"arnorm was imported from the source tree ({arnorm.__file__})")

# HYPOTHESIS_PROFILE=thorough runs many more examples (used before a release, not in CI).
settings.register_profile("thorough", max_examples=5_000, deadline=None)
settings.register_profile("default", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


# -- the development corpus ------------------------------------------------------------------
# ../shared/corpus/ beside the checkout: 28 third-party articles and their expected mentions,
# for tests only (never shipped, never a gazetteer source).  A test that reads it asks for the
# ``corpus`` fixture (or an ``article`` parameter): it is skipped, with the reason, when the
# folder is absent, and it fails, never passes vacuously, when the folder is there but empty.

CORPUS = ROOT.parent / "shared" / "corpus"
_ABSENT = "the development corpus (../shared/corpus beside the checkout) is absent"


@dataclass(frozen=True)
class Corpus:
    """The development corpus: its articles and the mentions expected in them."""

    articles: tuple[Path, ...]
    mentions: tuple[dict[str, Any], ...]

    def text(self, sep: str = "\n") -> str:
        """Every article's text, joined by *sep*."""
        return sep.join(p.read_text(encoding="utf-8") for p in self.articles)


def _articles() -> list[Path]:
    return sorted(CORPUS.glob("news-*.txt")) if CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    if not CORPUS.is_dir():
        pytest.skip(_ABSENT)
    articles = _articles()
    mentions_file = CORPUS / "mentions.jsonl"
    if not articles or not mentions_file.is_file():
        pytest.fail(f"{CORPUS} has no articles or no mentions.jsonl: refusing to pass on nothing")
    lines = mentions_file.read_text(encoding="utf-8").splitlines()
    mentions = tuple(json.loads(line) for line in lines if line.strip())
    if not mentions:
        pytest.fail(f"{mentions_file} lists no mentions: refusing to pass on nothing")
    return Corpus(tuple(articles), mentions)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test with an ``article`` argument runs once per corpus article, or is skipped."""
    if "article" not in metafunc.fixturenames:
        return
    articles = _articles()
    if articles:
        metafunc.parametrize("article", articles, ids=[p.name for p in articles])
    else:
        skipped = pytest.param(None, marks=pytest.mark.skip(reason=_ABSENT), id="no-corpus")
        metafunc.parametrize("article", [skipped])


def import_path(path: Path, name: str, *, fresh: bool = False) -> ModuleType:
    """Import the file *path* as the module *name* (the tests and the repository's scripts are
    imported by path, not as packages); once, unless *fresh*."""
    if fresh or name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
    return sys.modules[name]


#: ``tests/reference_matcher.py``, imported once here for the test files that compare the
#: matcher with it: they ``import _arnorm_reference_matcher``.
import_path(Path(__file__).with_name("reference_matcher.py"), "_arnorm_reference_matcher")


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a script of the repository (``tools/…``, ``benchmarks/…``) by its path."""

    def load(relative: str) -> ModuleType:
        path = ROOT / relative
        # never shadows a real module (coverage); imported afresh at each call
        return import_path(path, f"_arnorm_script_{path.stem}", fresh=True)

    return load
