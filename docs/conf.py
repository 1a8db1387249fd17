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
    "arnorm_docs",
]

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
        r"(typing|collections\.abc|re|dataclasses|types|pathlib|os)\..*",
    ),
    ("py:(class|obj|exc)", r"(ValueError|TypeError|IndexError|KeyError|OSError)"),
    ("py:(class|obj)", r"(Mapping|Sequence|Callable|Iterable|Iterator|Final|NamedTuple)"),
    ("py:(class|obj)", r"(Collection|Overlaps)"),
    # the optional integrations' libraries, and the Literal aliases of the spaCy settings
    ("py:(class|obj|meth|func|mod)", r"(spacy|pandas|pd|dask)(\..*)?"),
    ("py:(class|obj)", r"Bag"),
    ("py:(class|obj)", r"(Language|Doc|Span|Path|Mode|Alignment)"),
]

# Docstrings call the functions of their own module by their bare names.
doctest_global_setup = """
import arnorm
from arnorm import *
from arnorm.steps import *
from arnorm.gazetteer import *
from arnorm.matcher import *
from arnorm.files import *
"""
html_theme = "alabaster"
html_title = f"arnorm {release}"
exclude_patterns = ["_build"]
