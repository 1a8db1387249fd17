"""Every page of the docs runs as pasted into a fresh interpreter, in the root of a checkout.

Each page's ``>>>`` examples run in order in one empty namespace, as a reader pasting them would
run them: a page that uses a name must import it. (The Sphinx doctest build checks the same,
since ``docs/conf.py`` has no global setup; this runs without Sphinx.) The API reference is left
out: its examples are the docstrings', which ``test_doctests.py`` runs in their modules.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(
    p
    for p in (ROOT / "docs").glob("*.rst")
    if p.name != "api.rst" and ">>> " in p.read_text("utf-8")
)
_IMPORT = re.compile(r"^>>> (?:import|from) (\w+)", re.MULTILINE)


def run_page(text: str, name: str) -> doctest.TestResults:
    """Run the examples of one page in one fresh namespace; return the counts."""
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_the_examples_of_a_page_run_as_pasted(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = page.read_text(encoding="utf-8")
    for module in sorted(set(_IMPORT.findall(text)) & {"spacy", "pandas", "dask"}):
        pytest.importorskip(module, reason=f"docs/{page.name} needs the {module} extra")
    monkeypatch.chdir(ROOT)
    result = run_page(text, f"docs/{page.name}")
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} examples of docs/{page.name} fail when pasted"


def test_a_page_that_uses_a_name_it_never_imports_fails() -> None:
    page = ">>> arnorm.normalize('أ')\n'ا'\n"
    assert run_page(page, "page.rst").failed == 1
    assert run_page(">>> import arnorm\n" + page, "page.rst").failed == 0
