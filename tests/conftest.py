"""Shared test setup."""

from __future__ import annotations

import os
from pathlib import Path

import arnorm

ROOT = Path(__file__).resolve().parent.parent


def pytest_report_header() -> str:
    return f"arnorm {arnorm.__version__} from {Path(arnorm.__file__).parent}"


if os.environ.get("ARNORM_TEST_INSTALLED"):
    # CI tests the installed wheel: importing the source tree would hide a file the wheel lacks.
    if ROOT in Path(arnorm.__file__).resolve().parents:
        raise RuntimeError(f"arnorm was imported from the source tree ({arnorm.__file__})")
