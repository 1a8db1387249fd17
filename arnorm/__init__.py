"""arnorm: normalize Arabic text and find the officials, agencies, organisations and places
it names, however they are spelled.

>>> import arnorm
>>> arnorm.normalize("وأكّد مديـر الأمن الوطني")
'واكد مدير الامن الوطني'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import steps
from ._align import OffsetMap
from .gazetteer import (
    Entry,
    Gazetteer,
    GazetteerError,
    ValidationError,
    available_gazetteers,
    load_gazetteer,
)
from .matcher import Candidate, EvidenceWarning, Match, Matcher
from .normalizer import (
    PROFILES,
    Change,
    Explanation,
    Normalized,
    Normalizer,
    NormalizerConfig,
    StepReport,
    explain,
    normalize,
    normalize_with_offsets,
)

try:
    __version__ = version("arnorm")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "PROFILES",
    "Candidate",
    "Change",
    "Entry",
    "EvidenceWarning",
    "Explanation",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "Matcher",
    "Normalized",
    "Normalizer",
    "NormalizerConfig",
    "OffsetMap",
    "StepReport",
    "ValidationError",
    "__version__",
    "available_gazetteers",
    "explain",
    "load_gazetteer",
    "normalize",
    "normalize_with_offsets",
    "steps",
]
