"""Shared test setup."""

from __future__ import annotations

import os
from pathlib import Path

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
