"""The generated character tables and the per-step tables the docs list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import unicodedata2

from arnorm import _tables, steps

GENERATOR = Path(__file__).resolve().parent.parent / "tools" / "gen_tables.py"


def test_tables_use_unicode_18_data() -> None:
    assert unicodedata2.unidata_version == _tables.UNICODE_VERSION
    assert tuple(int(p) for p in _tables.UNICODE_VERSION.split(".")) >= (18, 0, 0)


def test_generated_tables_are_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_tables", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_tables"] = module
    spec.loader.exec_module(module)
    assert module.render() == Path(_tables.__file__).read_text(encoding="utf-8")


def test_every_lam_alef_ligature_keeps_its_hamza_or_madda() -> None:
    forms = {0xFEF5: "لآ", 0xFEF6: "لآ", 0xFEF7: "لأ", 0xFEF8: "لأ",
             0xFEF9: "لإ", 0xFEFA: "لإ", 0xFEFB: "لا", 0xFEFC: "لا"}  # fmt: skip
    for cp, expected in forms.items():
        assert _tables.PRESENTATION_FORMS[cp] == expected


def test_presentation_forms_never_insert_spaces() -> None:
    assert all(" " not in v for v in _tables.PRESENTATION_FORMS.values())


def test_every_arabic_mark_is_removed_and_nothing_else() -> None:
    table = steps.char_map("diacritics")
    arabic_blocks = [*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x0870, 0x0900)]
    for cp in arabic_blocks:
        ch = chr(cp)
        is_mark = unicodedata2.category(ch).startswith("M")
        assert (ch in table) == is_mark, f"U+{cp:04X}"


def test_the_ranges_the_issue_names_are_marks() -> None:
    named = [(0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC),
             (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x08CA, 0x08E1),
             (0x08E3, 0x08FF)]  # fmt: skip
    table = steps.char_map("diacritics")
    for lo, hi in named:
        for cp in range(lo, hi + 1):
            assert chr(cp) in table, f"U+{cp:04X}"


@pytest.mark.parametrize("name", steps.STEP_NAMES)
def test_step_tables_only_touch_what_they_name(name: str) -> None:
    table = steps.char_map(name)
    # a table never maps a character to itself and never to something it maps again
    for key, value in table.items():
        assert value != key
        assert not any(c in table for c in value)


def test_unknown_step_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown step 'shadda'"):
        steps.char_map("shadda")
