"""docs/reliability.rst names, for each guarantee, the test that checks it: those tests exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reliability.rst"
REFERENCE = re.compile(r"``(tests/test_\w+\.py)::(test_\w+)``")


def test_every_test_the_reliability_page_names_exists() -> None:
    references = REFERENCE.findall(PAGE.read_text(encoding="utf-8"))
    assert len(references) > 40
    missing = []
    for file, name in references:
        path = ROOT / file
        if not path.is_file() or not re.search(rf"^def {name}\(", path.read_text("utf-8"), re.M):
            missing.append(f"{file}::{name}")
    assert missing == []
