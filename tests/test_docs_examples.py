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


def plot_scripts(text: str) -> list[str]:
    """The code of each ``.. plot::`` directive of a page (its options left out)."""
    scripts = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(".. plot::"):
            body = []
            for following in lines[i + 1 :]:
                if following.strip() and not following.startswith("   "):
                    break
                body.append(following[3:])
            if body and body[0].startswith(":"):  # the options end at the first blank line
                body = body[body.index("") :] if "" in body else []
            scripts.append("\n".join(body).strip("\n") + "\n")
    return scripts


def test_the_recipes_plot_draws_the_counts_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="the recipes need the pandas extra")
    matplotlib = pytest.importorskip("matplotlib", reason="the recipes' plot needs matplotlib")
    matplotlib.use("Agg")
    (script,) = plot_scripts((ROOT / "docs" / "recipes.rst").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__main__"}
    exec(compile(script, "docs/recipes.rst (plot)", "exec"), namespace)  # noqa: S102
    per_month = namespace["per_month"]
    ax = namespace["ax"]
    assert list(per_month.index) == [f"2017-0{m}" for m in range(1, 7)]  # type: ignore[attr-defined]
    heights = sorted(int(bar.get_height()) for bar in ax.patches)  # type: ignore[attr-defined]
    assert heights == sorted(per_month.to_numpy().ravel().tolist())  # type: ignore[attr-defined]
    namespace["plt"].close("all")  # type: ignore[attr-defined]
