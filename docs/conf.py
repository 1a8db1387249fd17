"""Sphinx configuration for arnorm."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "arnorm"
author = "The arnorm developers"
copyright = "2026, The arnorm developers"
release = _version("arnorm")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinxarg.ext",
    "sphinx_copybutton",
    "matplotlib.sphinxext.plot_directive",
    "arnorm_docs",
]

# Commands and code are shown as typed: no en dash for "--", no curly quotes.
smartquotes = False
# A literal block without a language (a command, the CLI's usage) is plain text, not Python.
highlight_language = "none"

nitpicky = True
nitpick_ignore = [
    ("py:class", "re.Match"),
    ("py:class", "arnorm._align.Segment"),
    ("py:class", "Segment"),
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True
# The build runs offline (CI reaches only package registries), so there is no
# intersphinx; references to the standard library are plain text.
nitpick_ignore_regex = [
    ("py:(class|obj|exc|func|data)", r"(str|int|bool|object|None|bytes|tuple|list|dict|type)"),
    (
        "py:(class|obj|exc|func|data)",
        r"(typing|collections\.abc|re|dataclasses|types|pathlib|os|datetime)\..*",
    ),
    ("py:(class|obj|exc)", r"(ValueError|TypeError|IndexError|KeyError|OSError)"),
    ("py:(class|obj)", r"(Mapping|Sequence|Callable|Iterable|Iterator|Final|NamedTuple)"),
    ("py:(class|obj)", r"(Collection|Overlaps|EntryType)"),
    # the optional integrations' libraries, and the Literal aliases of the spaCy settings
    ("py:(class|obj|meth|func|mod)", r"(spacy|pandas|pd|dask)(\..*)?"),
    ("py:(class|obj)", r"Bag"),
    ("py:(class|obj)", r"(Language|Doc|Span|Path|Mode|Alignment)"),
]

# No doctest_global_setup: every page's examples run in a namespace of their own, from the
# page's own imports, as they would when pasted into a fresh interpreter. The pages that render
# docstrings (which call their module's functions by bare names) import them in a testsetup.
html_theme = "furo"
html_title = f"arnorm {release}"
html_static_path = ["_static"]
# Noto Naskh Arabic, shipped as a web font (see _static/fonts/README.md), and the rules that keep
# Arabic strings in code blocks in their order.
html_css_files = ["arabic.css"]
pygments_style = "default"

# The copy button copies what a reader types: the commands and the code after ">>> " and "... ",
# not the prompts nor the output. Lines are told apart by their prompts, not by their highlighting
# (the string literals of output lines are highlighted as strings, see _ext/arnorm_docs.py).
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos"
exclude_patterns = ["_build"]

# The recipes' plots are drawn when the docs are built, from the code shown on the page, run in
# the root of the repository (where examples/ is) with nothing imported beforehand.
plot_working_directory = str(Path(__file__).resolve().parent.parent)
plot_pre_code = ""
plot_include_source = True
plot_formats = ["svg"]
plot_html_show_formats = False
plot_html_show_source_link = False
plot_rcparams = {"svg.hashsalt": "arnorm-docs"}
