"""Configuration, profiles and the compiled normalizer."""

from __future__ import annotations

import codecs
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, AnyStr, Final, NamedTuple, cast

import regex
import unicodedata2

from . import _align, _chunks, _tables, steps
from ._align import OffsetMap, Segment

__all__ = [
    "PROFILES",
    "Change",
    "Explanation",
    "Normalized",
    "Normalizer",
    "NormalizerConfig",
    "StepReport",
    "explain",
    "normalize",
    "normalize_with_offsets",
]


@dataclasses.dataclass(frozen=True, slots=True)
class NormalizerConfig:
    """Which steps run, and their options.  Immutable; the defaults are the ``search`` profile.

    Each step field turns one step of :mod:`arnorm.steps` on or off; whatever
    the order of the fields, enabled steps run in the canonical order of
    :data:`arnorm.steps.STEP_NAMES`.  Make variants with
    :func:`dataclasses.replace`:

    >>> import dataclasses
    >>> from arnorm import NormalizerConfig, normalize
    >>> cfg = dataclasses.replace(NormalizerConfig(), teh_marbuta=False, keep_shadda=True)
    >>> normalize("المديريّة", cfg)
    'المديريّة'
    >>> NormalizerConfig.profile("light").steps
    ('unicode', 'invisible', 'tatweel', 'spaces')

    Attributes:
        unicode: NFC, then Arabic presentation forms to base letters.
        invisible: remove zero-width and bidi format characters.
        tatweel: remove U+0640 TATWEEL.
        diacritics: remove Arabic combining marks.
        letters: fold Persian and Urdu look-alike letters.
        alef: fold أ إ آ ٱ ٲ ٳ ٵ to ا.
        yaa: fold ى to ي.
        teh_marbuta: fold ة to ه.
        digits: Arabic-Indic and Persian digits to ASCII.
        punctuation: Arabic and typographic punctuation to ASCII (off by default).
        elongation: a letter repeated three times or more becomes one (off by default).
        spaces: horizontal spaces to U+0020, runs collapsed, line breaks kept.
        expand_ligatures: with ``unicode``, also expand the multi-word ligatures ﷺ ﷻ ﷽.
        keep_shadda: with ``diacritics``, keep U+0651 SHADDA.
        dagger_alef_as_alef: with ``diacritics``, turn U+0670 into ا instead of removing it.
        fold_hamza_seats: with ``alef``, also fold ؤ to و and ئ to ي.
    """

    unicode: bool = True
    invisible: bool = True
    tatweel: bool = True
    diacritics: bool = True
    letters: bool = True
    alef: bool = True
    yaa: bool = True
    teh_marbuta: bool = True
    digits: bool = True
    punctuation: bool = False
    elongation: bool = False
    spaces: bool = True
    expand_ligatures: bool = False
    keep_shadda: bool = False
    dagger_alef_as_alef: bool = False
    fold_hamza_seats: bool = False

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            if not isinstance(getattr(self, field.name), bool):
                raise TypeError(
                    f"NormalizerConfig.{field.name} must be a bool,"
                    f" not {type(getattr(self, field.name)).__name__}"
                )

    @property
    def steps(self) -> tuple[str, ...]:
        """The enabled steps, in the order they run."""
        return tuple(name for name in steps.STEP_NAMES if getattr(self, name))

    @classmethod
    def profile(cls, name: str) -> NormalizerConfig:
        """Return a shipped profile by name (see :data:`arnorm.normalizer.PROFILES`)."""
        try:
            return PROFILES[name]
        except KeyError:
            raise ValueError(
                f"unknown profile {name!r}; profiles are {', '.join(PROFILES)}"
            ) from None

    def only(self, names: Sequence[str]) -> NormalizerConfig:
        """Return a copy with exactly the steps *names* enabled and the same options."""
        unknown = [n for n in names if n not in steps.STEPS]
        if unknown:
            raise ValueError(
                f"unknown step {unknown[0]!r}; steps are {', '.join(steps.STEP_NAMES)}"
            )
        return dataclasses.replace(self, **{n: n in names for n in steps.STEP_NAMES})


_ALL_OFF: Final = dict.fromkeys(steps.STEP_NAMES, False)

#: The shipped profiles.  ``light`` loses nothing a reader sees; ``search``
#: (the default) folds everything that spelling varies on.
PROFILES: Final[Mapping[str, NormalizerConfig]] = {
    "light": NormalizerConfig(
        **{**_ALL_OFF, "unicode": True, "invisible": True, "spaces": True, "tatweel": True}
    ),
    "search": NormalizerConfig(),
}


class Normalized(NamedTuple):
    """The result of :func:`normalize_with_offsets`."""

    #: The normalized text.
    text: str
    #: Maps spans of :attr:`text` back to the original.
    offsets: OffsetMap


@dataclasses.dataclass(frozen=True, slots=True)
class Change:
    """One change a step made: *before* at *offset* (in that step's input) became *after*."""

    offset: int
    before: str
    after: str

    def __str__(self) -> str:
        def cps(s: str) -> str:
            return " ".join(f"U+{ord(c):04X}" for c in s) or "(nothing)"

        return f"{cps(self.before)} → {cps(self.after)}"


@dataclasses.dataclass(frozen=True, slots=True)
class StepReport:
    """What one step changed: how many places, and the first few of them."""

    step: str
    count: int
    examples: tuple[Change, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Explanation:
    """The result of :func:`explain`: the normalized text and the steps that changed it."""

    text: str
    reports: tuple[StepReport, ...]
    config: NormalizerConfig

    @property
    def steps(self) -> tuple[str, ...]:
        """The names of the steps that changed the text, in the order they ran."""
        return tuple(r.step for r in self.reports)

    def replay(self, original: str) -> str:
        """Run only the steps that changed the text; this gives ``text`` again."""
        return Normalizer(self.config.only(self.steps))(original)


# --------------------------------------------------------------------------
# Stages: the units a profile compiles into.
# --------------------------------------------------------------------------

Edit = tuple[int, int, str]  # (start, end, replacement) in a stage's input


class _Stage:
    def __call__(self, text: str) -> str:
        raise NotImplementedError

    def edits(self, text: str, *, length_changing_only: bool) -> list[Edit]:
        """The places this stage changes in *text*, in order."""
        raise NotImplementedError


class _NfcStage(_Stage):
    _candidates: regex.Pattern[str] | None = None

    def __call__(self, text: str) -> str:
        return steps.nfc(text)

    def edits(self, text: str, *, length_changing_only: bool) -> list[Edit]:
        out = steps.nfc(text)
        if out == text:
            return []
        if _NfcStage._candidates is None:
            _NfcStage._candidates = regex.compile(
                "(?s).?[" + _ranges_class(_COMBINING) + "]+"
                "|.[" + _ranges_class(_tables.COMPOSING_STARTER_RANGES) + "]+"
                "|[" + _ranges_class(_tables.NFC_CHANGING_RANGES) + "]"
            )
        found = self._edits_from(text, _NfcStage._candidates.finditer(text))
        if _splice(text, found) != out:
            found = self._edits_from(text, _clusters(text))
            if _splice(text, found) != out:  # pragma: no cover - a safety net
                found = [(0, len(text), out)]
        if length_changing_only:
            # A same-length edit is kept when it reorders combining marks:
            # output character i no longer comes from input character i.
            cores = (_core(text, e) for e in found)
            return [e for e in cores if e[1] - e[0] != len(e[2]) or e[1] - e[0] > 1]
        return found

    @staticmethod
    def _edits_from(text: str, spans: Any) -> list[Edit]:
        found: list[Edit] = []
        for m in spans:
            start, end = m.span()
            seg = text[start:end]
            new = steps.nfc(seg)
            if new != seg:
                found.append((start, end, new))
        return found


def _core(text: str, edit: Edit) -> Edit:
    """Narrow *edit* of *text* to what it changes: drop the common prefix and suffix."""
    start, end, new = edit
    head = 0
    limit = min(end - start, len(new))
    while head < limit and text[start + head] == new[head]:
        head += 1
    tail = 0
    limit -= head
    while tail < limit and text[end - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return start + head, end - tail, new[head : len(new) - tail]


class _Span:
    __slots__ = ("_span",)

    def __init__(self, start: int, end: int) -> None:
        self._span = (start, end)

    def span(self) -> tuple[int, int]:
        return self._span


def _clusters(text: str) -> list[_Span]:
    """Split *text* where NFC can neither reorder nor compose across the split."""
    composing = _composing_starters()
    out: list[_Span] = []
    start = 0
    for i, ch in enumerate(text):
        if i and unicodedata2.combining(ch) == 0 and ch not in composing:
            out.append(_Span(start, i))
            start = i
    if text:
        out.append(_Span(start, len(text)))
    return out


@functools.cache
def _composing_starters() -> frozenset[str]:
    return frozenset(
        chr(cp) for lo, hi in _tables.COMPOSING_STARTER_RANGES for cp in range(lo, hi + 1)
    )


# Combining classes come from the regex module's \p{M} plus Arabic marks from
# the Unicode 18 tables; a miss only means the slower cluster walk runs.
_COMBINING: Final = ((0x0300, 0x036F), *_tables.ARABIC_MARK_RANGES)


def _ranges_class(ranges: Sequence[tuple[int, int]]) -> str:
    parts = [r"\p{M}"] if ranges is _COMBINING else []
    for lo, hi in ranges:
        parts.append(f"\\U{lo:08X}" if lo == hi else f"\\U{lo:08X}-\\U{hi:08X}")
    return "".join(parts)


def _splice(text: str, edits: Sequence[Edit]) -> str:
    pieces: list[str] = []
    pos = 0
    for start, end, new in edits:
        pieces.append(text[pos:start])
        pieces.append(new)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


class _MapStage(_Stage):
    def __init__(self, table: Mapping[str, str]) -> None:
        self.apply = steps.CharMap(table)
        self.table = table
        self._all = _class_of(list(table))
        # Runs of deleted characters are one edit each (as in the fast plan),
        # a character that becomes several is an edit of its own.
        deleted = _class_of([k for k, v in table.items() if not v])
        widened = _class_of([k for k, v in table.items() if len(v) > 1])
        parts = [f"{deleted.pattern}+"] if deleted is not None else []
        parts += [widened.pattern] if widened is not None else []
        self._resizing = re.compile("|".join(parts)) if parts else None

    def __call__(self, text: str) -> str:
        return self.apply(text)

    def edits(self, text: str, *, length_changing_only: bool) -> list[Edit]:
        pattern = self._resizing if length_changing_only else self._all
        if pattern is None:
            return []
        table = self.table
        if length_changing_only:
            return [
                (m.start(), m.end(), table[m.group()] if m.end() - m.start() == 1 else "")
                for m in pattern.finditer(text)
            ]
        return [(m.start(), m.end(), table[m.group()]) for m in pattern.finditer(text)]


_class_of = steps._char_class


class _RegexStage(_Stage):
    def __init__(self, pattern: re.Pattern[str], template: str, *, resizing_only: bool) -> None:
        self.pattern = pattern
        self.template = template
        self.resizing_only = resizing_only

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self.template, text)

    def edits(self, text: str, *, length_changing_only: bool) -> list[Edit]:
        out: list[Edit] = []
        for m in self.pattern.finditer(text):
            new = m.expand(self.template)
            if length_changing_only and len(new) == m.end() - m.start():
                continue
            out.append((m.start(), m.end(), new))
        return out


_NFC: Final = _NfcStage()
_ELONGATION: Final = _RegexStage(steps.ELONGATED, r"\1", resizing_only=False)


def _compose_tables(tables: Sequence[Mapping[str, str]]) -> dict[str, str]:
    keys: dict[str, None] = {}
    for t in tables:
        keys.update(dict.fromkeys(t))
    out: dict[str, str] = {}
    for key in keys:
        value = key
        for t in tables:
            value = "".join(t.get(c, c) for c in value)
        if value != key:
            out[key] = value
    return out


def _step_stages(name: str, config: NormalizerConfig) -> list[_Stage | Mapping[str, str]]:
    """The stages of one step; a plain mapping is a per-character table still to be fused."""
    if name == "unicode":
        return [_NfcStage(), _MapStage(_table("unicode", config)), _NfcStage()]
    if name == "tatweel":
        return [
            _RegexStage(steps.TATWEEL_WORD, "", resizing_only=False),
            steps.char_map("tatweel"),
        ]
    if name == "elongation":
        return [_RegexStage(steps.ELONGATED, r"\1", resizing_only=False)]
    if name == "spaces":
        return [_RegexStage(steps.SPACE_RUN, " ", resizing_only=False)]
    return [_table(name, config)]


def _table(name: str, config: NormalizerConfig) -> Mapping[str, str]:
    """The per-character table of step *name* under *config*'s options."""
    options: dict[str, bool] = {}
    if name == "unicode":
        options = {"expand_ligatures": config.expand_ligatures}
    elif name == "diacritics":
        options = {
            "keep_shadda": config.keep_shadda,
            "dagger_alef_as_alef": config.dagger_alef_as_alef,
        }
    elif name == "alef":
        options = {"fold_hamza_seats": config.fold_hamza_seats}
    return steps.char_map(name, **options)


#: Steps that fold letters which the closing NFC can compose anew (ا + U+0653 → آ).
_REFOLD_STEPS: Final = ("letters", "alef", "yaa", "teh_marbuta")


def _refold_steps(config: NormalizerConfig) -> list[str]:
    """The letter folds to run again after the closing NFC, in order."""
    return [n for n in config.steps if n in _REFOLD_STEPS]


def _folds(config: NormalizerConfig) -> dict[str, str]:
    """The per-character steps of *config* but ``unicode``, composed into one table."""
    names = [n for n in config.steps if n not in ("unicode", "elongation")]
    return _compose_tables([_table(n, config) for n in names])


class _FastPlan:
    """The character-level plan, in a few passes over the text, each in C.

    It normalizes what the byte plan (:class:`_BytePlan`) leaves to others,
    and the configurations that plan does not serve (``elongation``).

    Marks that the steps delete and that NFC composes with nothing go first
    (so that NFC has nothing to reorder on vowelled text).  After NFC (and,
    when the text holds presentation forms, the rest of the ``unicode`` step:
    NFKC a stretch at a time for the forms whose table value is their NFKC
    form), every per-character step is one composed table: the
    characters it changes that the text holds are found in one pass
    (``findall`` over a character class), then each is replaced everywhere
    with ``str.replace`` -- deletions included, so no Python function runs per
    character.  Offsets come from the lengths of the runs of deleted characters
    (``re.split``), not from a call per character.  Space runs collapse with
    ``str.replace``.  One thing makes the order of the steps observable: a
    tatweel that may form a word of its own; then :meth:`run` reports that it
    cannot decide, and the caller runs the exact, stage-by-stage plan on the
    few characters around it.  Both plans give the same text and offsets: the
    property tests compare them.
    """

    __slots__ = (
        "_any_deleted",
        "_deleted",
        "_deletion_stages",
        "_early_marks",
        "_elongation",
        "_frequent",
        "_invisible",
        "_kept_marks",
        "_loose_rest",
        "_loose_tatweel_word",
        "_nfkc_runs",
        "_other_presentation",
        "_presentation",
        "_presentation_bmp",
        "_presentation_resizing",
        "_presentation_table",
        "_rare",
        "_rare_bmp",
        "_refold",
        "_spaces",
        "_table",
        "_unicode",
        "_word_edges",
    )

    def __init__(self, config: NormalizerConfig) -> None:
        table = _folds(config)
        for key, value in table.items():
            # Replacing each character on its own, in any order, is the composed
            # table only if no output is changed again and no character widens.
            if len(value) > 1 or any(c in table for c in value):
                raise ValueError(f"the composed table maps {key!r} to {value!r}")
        self._frequent = [
            (c, table[c]) for c in steps.CharMap.FREQUENT if len(table.get(c, "")) == 1
        ]
        self._table = table
        rare = sorted(c for c in table if c not in steps.CharMap.FREQUENT or not table[c])
        self._rare = _class_of(rare)
        # Without its astral ranges (U+10EC0 ...) the class is a fast BMP set.
        self._rare_bmp = _class_of([c for c in rare if ord(c) <= 0xFFFF])
        deleted = [c for c, v in table.items() if not v]
        self._deleted = frozenset(deleted)
        # The exact plan deletes invisible characters in a stage of their own
        # when the tatweel-word rule runs between them and the other
        # deletions: a run of deleted characters is cut where it passes from
        # one stage's characters to the other's, so that both plans form the
        # same groups with the edits before them.
        stages = [deleted]
        if config.invisible and config.tatweel:
            invisible = set(steps.INVISIBLE_CHARS)
            stages = [
                [c for c in deleted if c in invisible],
                [c for c in deleted if c not in invisible],
            ]
        classes = [f"{c.pattern}+" for c in map(_class_of, stages) if c is not None]
        # (a class that matches nothing when nothing is deleted)
        self._deletion_stages = [re.compile(f"({c})") for c in classes]
        any_deleted = _class_of(deleted)
        self._any_deleted = re.compile(f"({any_deleted.pattern}+)" if any_deleted else "()")
        self._unicode = config.unicode
        presentation = _table("unicode", config) if config.unicode else {}
        self._presentation_table = {ord(k): v for k, v in presentation.items()}
        self._presentation = _class_of(list(presentation))
        self._presentation_bmp = _class_of([c for c in presentation if ord(c) <= 0xFFFF])
        self._presentation_resizing = _class_of([k for k, v in presentation.items() if len(v) != 1])
        refold = _compose_tables([_table(n, config) for n in _refold_steps(config)])
        self._refold = steps.CharMap(refold) if refold else None
        nfkc = [c for c, v in presentation.items() if steps.nfc(v) == _nfkc(c)]
        nfkc_class = _class_of(nfkc)
        self._nfkc_runs = re.compile(
            f"{nfkc_class.pattern}[{nfkc_class.pattern[1:-1]}\x20-\x7e]*+"
            if nfkc_class is not None
            else r"[^\s\S]"
        )
        self._other_presentation = _class_of([c for c in presentation if c not in set(nfkc)])
        early = _class_of([c for c in deleted if c in _early_deletable()])
        self._early_marks = (
            re.compile(
                f"({early.pattern}++)(?![{_ranges_class(_tables.COMPOSING_STARTER_RANGES)}])"
            )
            if early is not None
            else None
        )
        # A combining mark that no step deletes (the class errs on the side of
        # marks: U+0300-036F, the Arabic marks and whatever regex calls \p{M})
        kept = "".join(re.escape(c) for c in deleted)
        self._kept_marks = regex.compile(
            f"(?![{kept}])[{_ranges_class(_COMBINING)}]"
            if kept
            else f"[{_ranges_class(_COMBINING)}]"
        )
        self._elongation = config.elongation
        self._spaces = config.spaces
        inv = "".join(re.escape(c) for c in steps.INVISIBLE_CHARS) if config.invisible else ""
        hs = "[" + steps.HORIZONTAL_SPACES + "]"
        lb = "[" + steps.LINE_BREAKS + "]"
        # A run of tatweel and invisible characters between two spaces or line
        # breaks.  The leading invisibles are matched possessively and up to
        # the first tatweel only, and the rest of the run possessively, so the
        # search is linear (``[inv ـ]*ـ[inv ـ]*`` backtracked quadratically on
        # a long run followed by a letter).
        lead = f"[{inv}]*+" if inv else ""
        self._loose_tatweel_word = (
            re.compile(rf"(?:{hs}|{lb}|\A){lead}\u0640[{inv}\u0640]*+(?:{hs}|{lb}|\Z)")
            if config.tatweel
            else None
        )
        self._loose_rest = re.compile(rf"{lead}\u0640[{inv}\u0640]*+(?:{hs}|{lb}|\Z)")
        self._word_edges = frozenset(steps.HORIZONTAL_SPACES + steps.LINE_BREAKS)
        self._invisible = frozenset(steps.INVISIBLE_CHARS if config.invisible else "")

    def run(self, text: str, *, aligned: bool) -> tuple[str, list[Segment] | None] | None:
        """Normalize *text*; ``None`` when the exact plan must decide."""
        segments: list[Segment] | None = None
        if aligned:
            segments = [(len(text), len(text), True)] if text else []
        bmp = _in_bmp(text)
        original = text
        only_deletions = False  # segments so far only delete characters of the table
        if self._unicode:
            text, segments, only_deletions = self._unicode_phase(text, segments, bmp)
        if (
            self._loose_tatweel_word is not None
            and steps.TATWEEL in text
            and self._has_tatweel_word(text)
        ):
            return None
        rare = self._rare_bmp if bmp else self._rare
        found: set[str] = set()
        if rare is not None:
            # a window at a time, so that the list of matches stays small
            for start in range(0, len(text), _FIND_WINDOW):
                found.update(rare.findall(text, start, start + _FIND_WINDOW))
        if segments is not None:
            segments = self._deletions(original, text, segments, found, only_deletions)
        out = text
        table = self._table
        for char in found:
            out = out.replace(char, table[char])
        for old, new in self._frequent:
            out = out.replace(old, new)
        return self._context_rules(text, out, segments)

    def _unicode_phase(
        self, text: str, segments: list[Segment] | None, bmp: bool
    ) -> tuple[str, list[Segment] | None, bool]:
        """The ``unicode`` step, with the marks that may go early deleted first.

        Returns the text, its alignment and whether that alignment only
        deletes characters of the table.
        """
        original = text
        only_deletions = False
        if self._early_marks is not None:
            # Marks deleted anyway, that compose with nothing and block no
            # composition, can go before NFC: on vowelled text NFC then
            # has nothing left to reorder.  (With offsets, only if no mark
            # stays: NFC would reorder a deleted mark across it, and the
            # exact plan groups the two.)
            early = self._early_marks.sub("", text)
            if len(early) != len(text) and (segments is None or not self._kept_marks.search(text)):
                only_deletions = True
                text = early
                if segments is not None:
                    segments = [(len(text), len(text), True)] if text else []
        before = text
        text, segments = self._unicode_step(text, segments, bmp)
        only_deletions &= text == before
        if (
            not only_deletions
            and len(before) != len(original)
            and segments is not None
            and self._early_marks is not None
        ):
            # the early deletions, then what the unicode step did
            early_segments = _deletion_segments(original, self._early_marks)
            segments = _compose(early_segments, segments)
        return text, segments, only_deletions

    def _deletions(
        self,
        original: str,
        text: str,
        segments: list[Segment],
        found: set[str],
        only_deletions: bool,
    ) -> list[Segment]:
        """*segments* followed by the deletions of the characters in *found*."""
        if only_deletions:
            # deletions alone, before and after NFC: each deleted character
            # joins the one before it, however the deletions are grouped
            return _deletion_segments(original, self._any_deleted)
        if found.isdisjoint(self._deleted):
            return segments
        if len(segments) == 1 and segments[0][2]:
            # nothing before: each deleted character joins the one before
            # it, however the runs are grouped
            return _deletion_segments(text, self._any_deleted)
        # after NFC or presentation-form edits, the groups depend on the order
        # of the deletions: delete stage by stage, as the exact plan does
        middle = text
        for stage in self._deletion_stages:
            segments = _compose(segments, _deletion_segments(middle, stage))
            middle = stage.sub("", middle)
        return segments

    def _context_rules(
        self, text: str, out: str, segments: list[Segment] | None
    ) -> tuple[str, list[Segment] | None]:
        """Elongation, runs of spaces and NFC again, on *out* (folded from *text*)."""
        if self._elongation:
            if segments is not None:
                segments = _apply_edits(
                    segments, out, _ELONGATION.edits(out, length_changing_only=True)
                )
            out = steps.ELONGATED.sub(r"\1", out)
        if self._spaces and "  " in out:
            if segments is not None:
                edits = [(m.start(), m.end(), " ") for m in _SPACE_RUNS.finditer(out)]
                segments = _apply_edits(segments, out, edits)
            while "  " in out:
                out = out.replace("  ", " ")
        if self._unicode and out != text:
            # a deletion or a fold can bring together what NFC composes
            nfc = steps.nfc(out)
            if nfc != out:
                if segments is not None:
                    edits = _NFC.edits(out, length_changing_only=True)
                    segments = _apply_edits(segments, out, edits)
                out = self._refold(nfc) if self._refold is not None else nfc
        return out, segments

    def _has_tatweel_word(self, text: str) -> bool:
        """Whether a run of tatweel and invisible characters stands between spaces or breaks.

        Where tatweel is rare, each one is looked at where it stands (one
        ``str.find`` and one anchored match a tatweel); a search over the whole
        text costs a pass of its own.
        """
        assert self._loose_tatweel_word is not None  # noqa: S101 - run() checked it
        count = text.count(steps.TATWEEL)
        if count * _SPARSE_TATWEEL > len(text):
            return self._loose_tatweel_word.search(text) is not None
        before, invisible, rest = self._word_edges, self._invisible, self._loose_rest
        i = text.find(steps.TATWEEL)
        while i >= 0:
            j = i
            while j and text[j - 1] in invisible:
                j -= 1
            if (j == 0 or text[j - 1] in before) and rest.match(text, j):
                return True
            i = text.find(steps.TATWEEL, i + 1)
        return False

    def _unicode_step(
        self, text: str, segments: list[Segment] | None, bmp: bool
    ) -> tuple[str, list[Segment] | None]:
        """NFC, then presentation forms to base letters and NFC again (the ``unicode`` step)."""
        nfc = steps.nfc(text)
        if nfc != text:
            if segments is not None:
                segments = _apply_edits(segments, text, _NFC.edits(text, length_changing_only=True))
            text = nfc
        presentation = self._presentation_bmp if bmp else self._presentation
        if presentation is None or not presentation.search(text):
            return text, segments
        if segments is not None and self._presentation_resizing is not None:
            table = self._presentation_table
            sites = [
                (m.start(), m.end(), len(table[ord(m.group())]))
                for m in self._presentation_resizing.finditer(text)
            ]
            if sites:
                segments = _compose(segments, _align.from_sites(len(text), sites))
        # Most presentation forms become what NFKC makes of them: NFKC runs in
        # C over each stretch of them; the few others are looked up.
        # (Not with offsets: their NFC edits must see the forms uncomposed.)
        if segments is None:
            text = self._nfkc_runs.sub(_nfkc_match, text)
        if segments is not None or (
            self._other_presentation is not None and self._other_presentation.search(text)
        ):
            text = text.translate(self._presentation_table)
        nfc = steps.nfc(text)
        if nfc != text:
            if segments is not None:
                segments = _apply_edits(segments, text, _NFC.edits(text, length_changing_only=True))
            text = nfc
        return text, segments


def _nfkc(text: str) -> str:
    return cast(str, unicodedata2.normalize("NFKC", text))


def _nfkc_match(match: re.Match[str]) -> str:
    return _nfkc(match.group())


@functools.cache
def _early_deletable() -> frozenset[str]:
    """Arabic marks that NFC composes with nothing and that block no composition.

    Their combining class is below 220 (a mark blocks a composition only when
    its class is 0 or at least that of the mark that composes, 220 or 230 for
    the Arabic hamza and madda U+0653-0655, the only Arabic marks that compose).
    """
    marks = (chr(cp) for lo, hi in _tables.ARABIC_MARK_RANGES for cp in range(lo, hi + 1))
    return frozenset(
        c for c in marks if 0 < unicodedata2.combining(c) < 220 and c not in "\u0653\u0654\u0655"
    )


def _deletion_segments(text: AnyStr, runs: re.Pattern[AnyStr]) -> list[Segment]:
    """The alignment of deleting the runs that *runs* (one capturing group) finds.

    ``re.split`` gives the kept stretches and the deleted runs in turn; the
    segments are built from their lengths by C iterators, with no Python
    code run per deleted run.
    """
    lengths = list(map(len, runs.split(text)))
    kept = lengths[0::2]
    gone = lengths[1::2]
    # kept has one more item than gone: the last is added below
    pairs = zip(zip(kept, kept, repeat(True)), zip(gone, repeat(0), repeat(False)), strict=False)
    segments = _align.DeletionRuns(filter(itemgetter(0), chain.from_iterable(pairs)), kept, gone)
    if kept[-1]:
        segments.append((kept[-1], kept[-1], True))
    return segments


def _compose(first: list[Segment], second: list[Segment]) -> list[Segment]:
    return _align.compose(first, second)


_SPACE_RUNS: Final = re.compile(" {2,}")
#: Below one tatweel in this many characters, each tatweel is looked at on its own.
_SPARSE_TATWEEL: Final = 64
_FIND_WINDOW: Final = 1 << 15


def _in_bmp(text: str) -> bool:
    """Whether *text* has no character above U+FFFF."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


#: Texts longer than this many characters are normalized a piece at a time,
#: so that the memory a piece needs is bounded, and small enough that the
#: buffers of one piece stay in the processor's cache and are reused by the
#: next.  Pieces are cut as every long text is (:func:`arnorm._chunks.pieces`):
#: after a line feed, else after a space before a word, so they give the same
#: text and offsets as the whole.  A line with no such cut (no space in it)
#: stays one piece.
PIECE: Final = 1 << 16

#: Pieces that need the exact plan are cut again at *safe cuts* at least this
#: far apart, then further, so that the exact plan runs only on a window of
#: about the last size around what needs it.  A safe cut may fall inside a
#: word: between any character that is not a space, a line break, tatweel, an
#: invisible or a presentation form and an Arabic or ASCII letter or digit
#: (with ``elongation``, between two different such letters).  No step looks
#: across one -- NFC composes nothing with the letter after it, no step
#: deletes that letter, and the tatweel-word and space rules see neither side.
_WINDOWS: Final = (1 << 12, 1 << 6)

#: Arabic letters, ASCII letters and digits: combining class 0, composed with
#: nothing before them, unchanged by NFC, deleted by no step.
_CUT_BEFORE: Final = "\u0621-\u063f\u0641-\u064aA-Za-z0-9"
_NO_CUT_AFTER: Final = (
    "".join(
        re.escape(c)
        for c in steps.HORIZONTAL_SPACES + steps.LINE_BREAKS + steps.TATWEEL + steps.INVISIBLE_CHARS
    )
    + "\ufb50-\ufdff\ufe70-\ufeff"
)
_SAFE_CUT: Final = re.compile(f"[^{_NO_CUT_AFTER}](?=[{_CUT_BEFORE}])")
#: With ``elongation``: letters that no step folds into another letter.
_UNFOLDED: Final = "".join(
    c
    for c in map(chr, [*range(0x0621, 0x0640), *range(0x0641, 0x064B)])
    if c not in steps.ALEF_VARIANTS + "\u0624\u0626\u0649\u0629"
)
_SAFE_CUT_ELONGATION: Final = re.compile(f"([{_UNFOLDED}])(?!\\1)(?=[{_UNFOLDED}])")


def _pieces(text: str, cut: re.Pattern[str], size: int) -> Iterator[str]:
    """Cut *text* after a line feed or at a safe cut (*cut*), into windows of about *size*.

    Only for the windows around what needs the exact plan (:data:`_WINDOWS`),
    which may end inside a word; a long text is cut by :func:`arnorm._chunks.pieces`.

    Each search resumes where the last one stopped, so the whole text is
    scanned once, whatever it holds.
    """
    start = 0
    line_cut = safe_cut = 0  # the next cut of each kind; -1: there is none
    while len(text) - start > size:
        at = start + size
        if 0 <= line_cut <= at:
            found = text.find("\n", at)
            line_cut = found + 1 if found >= 0 else -1
        if 0 <= safe_cut <= at:
            match = cut.search(text, at)
            safe_cut = match.end() if match is not None else -1
        cuts = [c for c in (line_cut, safe_cut) if c > 0]
        if not cuts:
            break
        end = min(cuts)
        yield text[start:end]
        start = end
    yield text[start:]


def _apply_edits(
    segments: list[Segment] | None, text: str, edits: Sequence[Edit]
) -> list[Segment] | None:
    if segments is None or not edits:
        return segments
    sites = [(s, e, len(r)) for s, e, r in edits]
    return _align.compose(segments, _align.from_sites(len(text), sites))


# --------------------------------------------------------------------------
# The byte plan: one character, one byte, and every pass in C.
# --------------------------------------------------------------------------

#: The characters besides ASCII that the byte plan holds, one byte each: Arabic
#: letters, marks and digits, the common Persian and Urdu letters, Quranic
#: marks, the invisible characters, common spaces and punctuation.  With ASCII
#: (its printable characters, tab and line breaks, and NUL) they fill the 256
#: bytes.  A configuration leaves out those it changes in a way the plan
#: cannot follow in bulk (a combining mark it keeps, a fold to several
#: characters): they then count as characters outside the page.
_PAGE_CHARS: Final = (
    "\u060c\u061b\u061c\u061f"
    + "".join(map(chr, range(0x0621, 0x063B)))
    + "".join(map(chr, range(0x0640, 0x0656)))
    + "".join(map(chr, range(0x0660, 0x066E)))
    + "\u0670\u0671\u067e\u0686\u0698\u06a9\u06aa\u06af\u06ba\u06be"
    + "\u06c0\u06c1\u06c2\u06c3\u06cc\u06d2\u06d3\u06d4\u06d5"
    + "".join(map(chr, range(0x06D6, 0x06EE)))
    + "".join(map(chr, range(0x06F0, 0x06FA)))
    + steps.INVISIBLE_CHARS.replace("\u061c", "")
    + "\u00a0\u2009\u202f"
    + "\u00ab\u00bb\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u2033"
    + "\u0085\u2028\u2029"
)
#: The second page, for text set in presentation forms (as extracted from
#: PDFs): the letters of Arabic Presentation Forms-B, with the punctuation,
#: digits, spaces and invisible characters that such text holds.
_PRESENTATION_PAGE_CHARS: Final = (
    "".join(map(chr, range(0xFE80, 0xFEFD)))
    + "\u060c\u061b\u061f\u0640"
    + "".join(map(chr, range(0x0660, 0x066A)))
    + "\u00ab\u00bb\u201c\u201d\u2013\u2014\u2026\u00a0\u200c\u200d\u200e\u200f\u2033"
)
#: ASCII in the page, each at its own byte: NUL (which also stands for the
#: characters outside the page that no step touches), tab, the line breaks and
#: the printable characters.
_PAGE_ASCII: Final = "\x00\t\n\x0b\x0c\r\x1c\x1d\x1e" + "".join(map(chr, range(0x20, 0x7F)))
#: The hamza and madda that NFC composes with a letter before them.
_COMPOSING_MARKS: Final = "\u0653\u0654\u0655"

Site = tuple[int, int]  # (start, end) of what the byte plan leaves to the other plans
Alignment = list[Segment] | _align.Deletions


class Prepared(NamedTuple):
    """A text encoded by a :class:`_BytePlan`."""

    #: One byte a character; NUL for each character outside the page.
    data: bytes
    #: The characters outside the page, in order.
    outside: list[str]
    #: What the other plans must normalize, in order.
    sites: list[Site]


def _byte_class(values: Iterable[int]) -> bytes:
    """The body of a ``bytes`` character class of *values*."""
    return b"".join(b"\\x%02x" % v for v in sorted(set(values)))


class _BytePlan:
    """The common case as ``bytes``: encode, translate, decode -- three passes in C.

    Every character of the page (:data:`_PAGE_CHARS`) that a step deletes is
    deleted by ``bytes.translate``; every one-for-one fold is in the table that
    decodes the bytes back to text; horizontal spaces become U+0020 in the
    translation and runs of them collapse with ``re.sub`` and a constant.
    Characters outside the page that no step touches and that touch no other
    (emoji, most symbols, other scripts' letters) stand in as NUL and are put
    back after decoding.  On the page NFC only reorders marks that are then
    deleted, or composes a hamza or madda with a letter that a fold then makes
    the same as the letter alone; the compositions that differ (و + U+0654 →
    ؤ) rewrite the letter's byte, a constant ``re.sub`` too.  Offsets come
    from the lengths of the runs of deleted bytes.

    What the plan cannot follow -- a character outside the page that some step
    changes, a word made of tatweel, a run of spaces (with offsets) -- it
    reports as *sites*; the caller gives the few characters around each to the
    other plans.
    """

    __slots__ = (
        "_between",
        "_composed",
        "_composing",
        "_composing_marks",
        "_composing_on_page",
        "_decode",
        "_decomposing",
        "_deleted",
        "_deleted_runs",
        "_encode",
        "_extra_spaces",
        "_folds",
        "_inert",
        "_letter_of",
        "_letters_of",
        "_marks",
        "_mask",
        "_nul_then_mark",
        "_outside",
        "_presentation",
        "_space_collapse",
        "_space_run",
        "_space_sites",
        "_tatweel",
        "_tatweel_word",
        "_translate",
        "_untouched",
        "_widen",
        "_widened",
        "_word_edge",
        "_word_run",
        "leaves_marks",
    )

    def __init__(self, config: NormalizerConfig, page: str) -> None:
        presentation = _table("unicode", config) if config.unicode else {}
        # what each character of the page becomes: its presentation form's
        # letters, then every other per-character step
        folds = _folds(config)
        table = {
            c: "".join(folds.get(x, x) for x in presentation.get(c, c))
            for c in (*page, *folds)
            if c in presentation or c in folds
        }
        chars = [
            c
            for c in page
            if len(table.get(c, c)) <= 2
            and (not unicodedata2.combining(c) or table.get(c) == "")
            and steps.nfc(table.get(c, c)) == table.get(c, c)
        ]
        singles = {table.get(c, c) for c in (*_PAGE_ASCII, *chars)}
        chars = [c for c in chars if all(x in singles for x in table.get(c, c))]
        rewrites: list[tuple[str, str, str, str]] = []
        if config.unicode:
            chars, rewrites = self._compositions(chars, table)
        free = [b for b in range(256) if chr(b) not in _PAGE_ASCII]
        slot = dict(zip(page, free, strict=True))
        decoding = ["\ufffe"] * 256
        output = ["\ufffe"] * 256
        for c in _PAGE_ASCII:
            decoding[ord(c)] = c
            output[ord(c)] = table.get(c, c)
        for c in chars:
            decoding[slot[c]] = c
            output[slot[c]] = table.get(c, c)
        self._encode = codecs.charmap_build("".join(decoding))
        byte_of = {c: b for b, c in enumerate(decoding) if c != "\ufffe"}
        deleted = [b for b, out in enumerate(output) if out == ""]
        spaces = [byte_of[c] for c in steps.HORIZONTAL_SPACES if c in byte_of]
        translation = bytearray(range(256))
        if config.spaces:
            for b in spaces:
                translation[b] = 0x20
        self._translate = bytes(translation)
        self._deleted = bytes(deleted)
        self._decode = "".join(o if len(o) == 1 else "\ufffe" for o in output)
        # A character that becomes two (a lam-alef ligature) becomes two bytes
        # that decode to them, before decoding.
        single = {o: b for b, o in enumerate(output) if len(o) == 1}
        self._widen = [
            (bytes([b]), bytes(single[c] for c in o))
            for b, o in enumerate(output)
            if len(o) == 2 and all(c in single for c in o)
        ]
        self._widened = (
            re.compile(b"[" + _byte_class(w[0][0] for w in self._widen) + b"]")
            if self._widen
            else None
        )
        self._mask = bytes(int(b in deleted) for b in range(256))
        self._deleted_runs = re.compile(b"([%s]+)" % _byte_class(deleted) if deleted else b"()")
        # The letters that compose with a hamza or madda into a letter the
        # folds keep apart, by mark; and the marks that may stand between.
        self._composed = {(byte_of[b], byte_of[m]): byte_of[k] for b, m, k, _ in rewrites}
        self._between = {byte_of[m]: bytes(byte_of[c] for c in low) for _, m, _, low in rewrites}
        self._composing = (
            re.compile(
                re.escape(bytes(self._between))
                if len(self._between) == 1
                else b"[%s]" % _byte_class(self._between)
            )
            if rewrites
            else None
        )
        #: Each composing mark's byte, looked for on its own (``in``, in C) first.
        self._composing_marks = [bytes([m]) for m in self._between]
        #: The bytes of the marks, and of the letters NFC decomposes into a letter and a
        #: hamza or madda (أ، آ، ؤ): a composing mark after one of those, or after another
        #: composing mark, may be reordered before it and compose anew (آ + U+0655 is إ):
        #: those are left to the other plans.
        self._marks = frozenset(b for c, b in byte_of.items() if unicodedata2.combining(c))
        self._decomposing = frozenset(
            b
            for c, b in byte_of.items()
            if len(nfd := unicodedata2.normalize("NFD", c)) > 1 and nfd[-1] in _COMPOSING_MARKS
        )
        self._space_collapse = config.spaces
        # With offsets, a run of spaces (with deleted characters between
        # them) keeps its first space and deletes the others, so that the run
        # joins one group as in the exact plan.  Without a deleted byte to
        # turn them into, runs are left to the other plans.
        hs = _byte_class(spaces)
        self._space_run: re.Pattern[bytes] | None = None
        self._extra_spaces = b""
        self._space_sites: re.Pattern[bytes] | None = None
        if config.spaces and deleted:
            self._space_run = re.compile(b"[%s](?:[%s]*+[%s])+" % (hs, _byte_class(deleted), hs))
            self._extra_spaces = bytes.maketrans(bytes(spaces), bytes([deleted[0]]) * len(spaces))
        elif config.spaces:
            self._space_sites = re.compile(b"[%s]{2,}" % hs)
        tatweel = byte_of[steps.TATWEEL]  # always on the page
        self._tatweel = bytes([tatweel]) if config.tatweel else b""
        self._word_edge = b""
        self._tatweel_word: re.Pattern[bytes] | None = None
        if config.tatweel:
            # A word of tatweel ends with a tatweel, perhaps invisible
            # characters, then a space, a line break or the end: the pattern
            # starts with the tatweel byte, so ``finditer`` skips from one
            # tatweel to the next in C.  The few that end a word are followed
            # back to the start of their run (``rstrip``, in C).
            edges = [*spaces, *(byte_of[c] for c in steps.LINE_BREAKS if c in byte_of)]
            invisible = [byte_of[c] for c in steps.INVISIBLE_CHARS if c in byte_of]
            if not config.invisible:
                invisible = []
            self._tatweel_word = re.compile(
                b"\\x%02x[%s]*+(?:[%s]|\\Z)"
                % (tatweel, _byte_class(invisible) or b"\\x00", _byte_class(edges))
                if invisible
                else b"\\x%02x(?:[%s]|\\Z)" % (tatweel, _byte_class(edges))
            )
            self._word_run = bytes([tatweel, *invisible])
            self._word_edge = bytes(edges)
        on_page = "".join(_PAGE_ASCII) + "".join(chars)
        self._outside = re.compile("[^" + "".join(re.escape(c) for c in on_page) + "]")
        self._untouched = frozenset(
            [
                *table,
                *presentation,
                *steps.HORIZONTAL_SPACES,
                *steps.LINE_BREAKS,
                *steps.INVISIBLE_CHARS,
                steps.TATWEEL,
                "\x00",
            ]
        )
        self._inert: dict[str, str | None] = {}
        #: Whether some Arabic vowel mark is left off the page (the
        #: configuration keeps it): then vowelled text is mostly sites.
        self.leaves_marks = any(chr(c) not in byte_of for c in range(0x064B, 0x0653))
        self._presentation = presentation
        self._folds = folds
        for cp in range(0xFE70, 0xFEFD):  # what PDFs hold: known before the first text
            if chr(cp) not in byte_of:
                self._inert[chr(cp)] = self._inert_as(chr(cp))
        # A presentation form that stands for letters of the page (which no
        # step changes further) is encoded as those letters' bytes, by the
        # number of its character reference; but not where a mark that NFC
        # composes is on the page and in the text (see :meth:`_encode_outside`).
        self._letters_of = {
            b"#%d" % ord(c): bytes(byte_of[x] for x in out)
            for c, out in self._inert.items()
            if out and all(x in byte_of and output[byte_of[x]] == x for x in out)
        }
        # one byte a character: those that stand for one letter
        self._letter_of = {k: v for k, v in self._letters_of.items() if len(v) == 1}
        self._composing_on_page = [bytes([byte_of[m]]) for m in _COMPOSING_MARKS if m in byte_of]
        composing = [byte_of[m] for m in _COMPOSING_MARKS if m in byte_of]
        # (the marks between leave the composing ones out: the possessive run
        # would take the composing mark and never give it back)
        marks = [
            b for b, c in enumerate(decoding) if unicodedata2.combining(c) and b not in composing
        ]
        self._nul_then_mark = (
            re.compile(b"\\x00[%s]*+[%s]" % (_byte_class(marks), _byte_class(composing)))
            if composing
            else None
        )

    @staticmethod
    def _compositions(
        chars: list[str], table: Mapping[str, str]
    ) -> tuple[list[str], list[tuple[str, str, str, str]]]:
        """Drop the composing marks the plan cannot follow; list the compositions to rewrite.

        A hamza or madda (deleted, or it would not be on the page) composes
        with a letter before it across marks of a lower class.  Where the
        composed letter folds to what the letter alone folds to, deleting the
        mark gives the same text; otherwise the letter's byte is rewritten to
        the composed letter's, which must be on the page.
        """
        page = set(chars)
        rewrites = []
        for mark in _COMPOSING_MARKS:
            if mark not in page:
                continue
            ccc = unicodedata2.combining(mark)
            low = "".join(c for c in chars if 0 < unicodedata2.combining(c) < ccc)
            todo = []
            for base in chars:
                composed = steps.nfc(base + mark)
                if len(composed) != 1 or table.get(composed, composed) == table.get(base, base):
                    continue
                todo.append((base, mark, composed, low))
            if all(k in page for _, _, k, _ in todo):
                rewrites += todo
            else:
                page.discard(mark)
        return [c for c in chars if c in page], rewrites

    def _stand_in(self, char: str, aligned: bool) -> str | None:
        """What *char*, outside the page, becomes if NUL can stand for it; else ``None``.

        NUL stands for a character that no step changes and that NFC composes
        and reorders nothing with (it comes back as it is), and for a
        presentation form that becomes letters of that kind (it comes back as
        those letters; with offsets, only as one letter).
        """
        if char not in self._inert:
            self._inert[char] = self._inert_as(char)
        out = self._inert[char]
        return None if out is None or (aligned and len(out) != 1) else out

    def _inert_as(self, char: str) -> str | None:
        if char in self._presentation:
            out = "".join(self._folds.get(c, c) for c in self._presentation[char])
        elif char in self._untouched:
            return None
        else:
            out = char
        plain = all(
            c not in self._untouched
            and unicodedata2.combining(c) == 0
            and not any(lo <= ord(c) <= hi for lo, hi in _tables.COMPOSING_STARTER_RANGES)
            for c in out
        )
        if not out or not plain or steps.nfc(out) != out:
            return None
        if out == char and any(steps.nfc(char + m) != char + m for m in _COMPOSING_MARKS):
            return None
        return out

    def prepare(self, text: str, *, aligned: bool, wide: bool | None = None) -> Prepared | None:
        """Encode *text* for :meth:`finish`, and find the sites the other plans must normalize.

        ``None`` when the text holds NUL as well as characters outside the
        page (NUL stands for those).
        """
        if wide is None:
            wide = not aligned
        encoded = self._encode_outside(text, wide=wide)
        if encoded is None:
            return None
        data, outside = encoded
        sites: list[Site] = []
        if outside:
            stand = {c: self._stand_in(c, aligned) for c in set(outside)}
            if any(c != out for c, out in stand.items()):
                if self._nul_then_mark is not None and self._nul_then_mark.search(data):
                    # a folded letter could compose with the mark: not in bulk
                    stand = {c: c if out == c else None for c, out in stand.items()}
                bad = {c for c, out in stand.items() if out is None}
                if bad:
                    at = [m.start() for m in _NUL.finditer(data)]
                    sites = [(i, i + 1) for i, c in zip(at, outside, strict=True) if c in bad]
                outside = [stand[c] or c for c in outside]
        if self._composing is not None and any(m in data for m in self._composing_marks):
            data, reordered = self._compose(data, self._composing)
            sites += reordered
        if self._tatweel_word is not None:
            sites += self._tatweel_words(data, self._tatweel_word)
        if aligned and self._space_sites is not None:
            sites += [m.span() for m in self._space_sites.finditer(data)]
        if sites and len(data) != len(text):
            # a form of several letters moved what follows it: sites are
            # positions in the text, so each character must keep its byte
            return self.prepare(text, aligned=aligned, wide=False)
        if len(sites) > 1:
            sites.sort()
        return Prepared(data, outside, sites)

    def _encode_outside(self, text: str, *, wide: bool) -> tuple[bytes, list[str]] | None:
        """Encode *text* with NUL for each character outside the page; list those characters.

        The encoder writes each of them as a character reference (``&#1580;``),
        in C; one split of the bytes, in C too, lists them.  A presentation
        form of letters becomes those letters' bytes there and then (if
        *wide*; otherwise only a form of one letter, so that each character
        keeps one byte), the others become NUL.  A reference of the text's
        own (found when the lengths do not add up) makes the text scanned as
        text.  ``None`` when the text holds NUL
        as well as characters outside the page.
        """
        encoded = codecs.charmap_encode(text, "xmlcharrefreplace", self._encode)[0]
        if len(encoded) == len(text):  # (a reference is longer than its character)
            return encoded, []
        if b"\x00" in encoded:
            return None
        # "&#", then "1580;" and the text up to the next reference, in turn
        parts = _CHAR_REFERENCE.split(encoded)  # text, b"#1580", text, ...
        numbers = parts[1::2]
        # Each character outside the page grew into "&" + "#1580" + ";"; a
        # reference of the text's own adds to the right side only.
        if len(encoded) - len(text) == sum(map(len, numbers)) + len(numbers):
            letter_of = self._letters_of if wide else self._letter_of
            if letter_of and not any(m in encoded for m in self._composing_on_page):
                letters = list(map(letter_of.get, numbers))
                if None not in letters:  # presentation forms of letters only
                    parts[1::2] = cast(list[bytes], letters)
                    return b"".join(parts), []
                parts[1::2] = [b or b"\x00" for b in letters]
                outside = [
                    chr(int(n[1:])) for n, b in zip(numbers, letters, strict=True) if b is None
                ]
                return b"".join(parts), outside
            parts[1::2] = [b"\x00"] * len(numbers)
            return b"".join(parts), [chr(int(n[1:])) for n in numbers]
        placed = self._outside.sub("\x00", text)
        encoded = codecs.charmap_encode(placed, "strict", self._encode)[0]
        return encoded, self._outside.findall(text)

    def normalize(self, text: str) -> str | Prepared | None:
        """*text* normalized, if the plan holds it all; else what :meth:`prepare` gives for it.

        Without offsets, in as few steps as it takes.  Each buffer replaces
        the one before it, and no other reference to it is kept, so the
        memory one pass frees is what the next one takes (fresh memory costs
        a page fault every 4 KB on a process's first call).
        """
        prepared = self.prepare(text, aligned=False)
        if prepared is None or prepared.sites or self._widened is not None:
            return prepared
        data, outside, _ = prepared
        del prepared
        data = data.translate(self._translate, self._deleted)
        if self._space_collapse:
            data = _collapse_spaces(data)
        return self._decoded(data, outside)

    def finish(self, data: bytes, outside: list[str], *, aligned: bool) -> tuple[str, Alignment]:
        """Normalize the bytes of a stretch with no site; *outside*: what its NULs stand for."""
        segments: list[Segment] | _align.Deletions = []
        if aligned:
            if self._space_run is not None:
                data = self._space_run.sub(self._drop_extra_spaces, data)
            mask = data.translate(self._mask)
            runs = mask.count(b"\x00\x01") + mask.startswith(b"\x01")
            if runs * _DENSE_RUNS > len(mask):
                segments = _align.Deletions(mask)  # held as it is, looked up when asked
            elif runs:
                segments = _deletion_segments(data, self._deleted_runs)
            elif data:
                segments = [(len(data), len(data), True)]
        data = data.translate(self._translate, self._deleted)
        if self._space_collapse:
            data = _collapse_spaces(data)
        if self._widened is not None and any(one in data for one, _ in self._widen):
            if aligned:
                widened = [(m.start(), m.end(), 2) for m in self._widened.finditer(data)]
                widening = _align.from_sites(len(data), widened)
                if isinstance(segments, _align.Deletions):
                    segments = segments.segments()
                segments = _align.compose(segments, widening)
            for one, two in self._widen:
                data = data.replace(one, two)
        return self._decoded(data, outside), segments

    def _decoded(self, data: bytes, outside: list[str]) -> str:
        """*data* (translated) decoded, with the characters its NULs stand for put back."""
        out: str = codecs.charmap_decode(data, "strict", self._decode)[0]
        if outside:
            parts = out.split("\x00")
            merged = [""] * (2 * len(parts) - 1)
            merged[0::2] = parts
            merged[1::2] = outside
            out = "".join(merged)
        return out

    def _compose(self, data: bytes, marks: re.Pattern[bytes]) -> tuple[bytes, list[Site]]:
        """Rewrite the letters that NFC composes with a mark after them (one step a mark),
        and list as sites the letters and marks that NFC may reorder and compose otherwise:
        a composing mark after another one, or after a letter that decomposes into a letter
        and a hamza or madda (آ + U+0655, ا + U+0653 + U+0655)."""
        found = [m.start() for m in marks.finditer(data)]
        if not found:
            return data, []
        out = bytearray(data)
        composed, between = self._composed, self._between
        sites: list[Site] = []
        for i in found:
            mark = data[i]
            skip = between[mark]
            j = i - 1
            crossed = False  # another composing mark between: NFC composes that one first
            while j >= 0 and data[j] in skip:
                crossed = crossed or data[j] in between
                j -= 1
            if j >= 0 and (crossed or data[j] in between or data[j] in self._decomposing):
                k = j
                while k > 0 and data[k] in self._marks:
                    k -= 1
                sites.append((k, i + 1))
            elif j >= 0 and (data[j], mark) in composed:
                out[j] = composed[data[j], mark]
        merged: list[Site] = []
        for start, end in sorted(sites):  # one site a letter and its marks
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return bytes(out), merged

    def _drop_extra_spaces(self, match: re.Match[bytes]) -> bytes:
        run = match.group()
        return run[:1] + run[1:].translate(self._extra_spaces)

    def _tatweel_words(self, data: bytes, ends: re.Pattern[bytes]) -> list[Site]:
        """The words made of tatweel (and invisible characters) in *data*."""
        sites: list[Site] = []
        run, edge = self._word_run, self._word_edge
        # (``find`` skips to the first tatweel in C; most texts have none)
        at = data.find(self._tatweel)
        first = ends.search(data, at) if at >= 0 else None
        if first is None:
            return sites
        for match in (first, *ends.finditer(data, first.end())):
            end = match.start() + 1
            reach = 64
            while True:
                start = max(0, end - reach)
                kept = len(data[start:end].rstrip(run))
                if kept or not start:
                    break
                reach *= 4
            start += kept
            if not start or data[start - 1] in edge:
                sites.append((start, match.end()))
        return sites


#: With more than one run of deleted characters in this many, an offset map
#: holds the deletion mask of a stretch rather than an entry for each run.
_DENSE_RUNS: Final = 64
_NUL: Final = re.compile(b"\x00")
#: A character reference, as the encoder writes a character outside the page
#: (the pattern starts with "&#", which the search skips to in C).
_CHAR_REFERENCE: Final = re.compile(b"&(#[0-9]+);")
_PRESENTATION_FORMS: Final = re.compile("[\ufe70-\ufefc]")
#: Below one site of the byte plan in this many characters, the other plans
#: run on windows around the sites; above, on the whole piece (a window
#: costs about what the character-level plan takes for this many characters).
_SPARSE_SITES: Final = 2048
#: How much of a text decides which page the byte plan uses.
_PAGE_SAMPLE: Final = 256
#: How much of a text decides, for a configuration that keeps marks, whether
#: the byte plan runs at all.
_SAMPLE: Final = 4096
#: Where the byte plan's stretches may be cut: at a safe cut or after a line feed.
_SITE_CUT: Final = re.compile(_SAFE_CUT.pattern + "|\n")
#: A run of two spaces or more: the pattern starts with two literal spaces, so
#: the search skips from one pair to the next in C (``" {2,}"`` stops at every
#: space, and ``split``/``join`` pays for every part).
_SPACE_RUN_BYTES: Final = re.compile(b"   *")
#: The first this many runs of spaces in a stretch are each found with ``find``.
_FEW_SPACE_RUNS: Final = 8


def _collapse_spaces(data: bytes) -> bytes:
    """Turn each run of spaces (U+0020) in *data* into one.

    The first few runs are found with ``find`` (in C, and at no cost when
    there is none); the rest, if there are more, in one ``re.sub``.
    """
    at = data.find(b"  ")
    if at < 0:
        return data
    if data.find(b"  ", at + 1) < 0:  # one run of two: copies, no search
        return data[:at] + data[at + 1 :]
    parts = []
    start = 0
    for _ in range(_FEW_SPACE_RUNS):
        parts.append(data[start : at + 1])
        start = at + 2
        while data[start : start + 1] == b" ":
            start += 1
        at = data.find(b"  ", start)
        if at < 0:
            parts.append(data[start:])
            return b"".join(parts)
    parts.append(_SPACE_RUN_BYTES.sub(b" ", data[start:]))
    return b"".join(parts)


def _split_at_sites(
    text: str, sites: Sequence[Site], cut: re.Pattern[str]
) -> Iterator[tuple[int, int, bool]]:
    """Cover *text* with stretches ``(start, end, needs_other_plans)``, cut at safe cuts.

    Each site is widened to the safe cuts around it (no step looks across a
    safe cut), so a stretch normalizes on its own as it would in the text.
    """
    pos = 0
    for start, end in sites:
        if end <= pos:
            continue
        lo = _cut_before(text, max(start, pos), pos, cut)
        found = cut.search(text, max(end - 1, lo))
        hi = found.end() if found is not None else len(text)
        if lo > pos:
            yield pos, lo, False
        yield lo, hi, True
        pos = hi
    if pos < len(text):
        yield pos, len(text), False


def _cut_before(text: str, at: int, floor: int, cut: re.Pattern[str]) -> int:
    """The last safe cut at or before *at*, and not before *floor*."""
    reach = 16
    while True:
        start = max(floor, at - reach)
        ends = [m.end() for m in cut.finditer(text, start, at + 1) if m.end() <= at]
        if ends:
            return ends[-1]
        if start == floor:
            return floor
        reach *= 4


def _fuse(parts: Sequence[_Stage | Mapping[str, str]]) -> list[_Stage]:
    stages: list[_Stage] = []
    pending: list[Mapping[str, str]] = []
    for part in [*parts, None]:
        if isinstance(part, _Stage) or part is None:
            if pending:
                table = _compose_tables(pending)
                if table:
                    stages.append(_MapStage(table))
                pending = []
            if part is not None:
                stages.append(part)
        else:
            pending.append(part)
    return stages


class Normalizer:
    """A normalizer compiled for one :class:`NormalizerConfig`; call it on a ``str``.

    Consecutive per-character steps are fused into one table, so the search
    profile runs as a handful of passes over the text.  A ``Normalizer``
    pickles as its configuration.

    >>> from arnorm import Normalizer
    >>> norm = Normalizer()
    >>> norm("استقبل عبد اللطيف حموشي، المديرَ العام للأمن الوطني")
    'استقبل عبد اللطيف حموشي، المدير العام للامن الوطني'
    """

    __slots__ = ("_bytes", "_cut", "_fast", "_stages", "config")

    def __init__(self, config: NormalizerConfig | None = None) -> None:
        if config is None:
            config = PROFILES["search"]
        elif not isinstance(config, NormalizerConfig):
            raise TypeError(f"config must be a NormalizerConfig, not {type(config).__name__}")
        #: The configuration this normalizer runs.
        self.config: NormalizerConfig = config
        parts: list[_Stage | Mapping[str, str]] = []
        for name in config.steps:
            parts.extend(_step_stages(name, config))
        if config.unicode:
            # Deleting a character can bring a letter next to a combining
            # hamza or madda it composes with (ا + ـ + U+0654), and a letter
            # fold can do the same (آ + U+0653 -> ا + U+0653): compose again,
            # then fold the letters that the composition made.
            parts.append(_NfcStage())
            parts.extend(_table(n, config) for n in _refold_steps(config))
        self._stages: tuple[_Stage, ...] = tuple(_fuse(parts))
        self._fast = _FastPlan(config)
        self._bytes: tuple[_BytePlan, _BytePlan] | None = None
        if not config.elongation:
            self._bytes = (
                _BytePlan(config, _PAGE_CHARS),
                _BytePlan(config, _PRESENTATION_PAGE_CHARS),
            )
        self._cut = _SAFE_CUT_ELONGATION if config.elongation else _SAFE_CUT

    def __repr__(self) -> str:
        return f"Normalizer({self.config!r})"

    def __reduce__(self) -> tuple[Callable[..., Normalizer], tuple[NormalizerConfig]]:
        # A pickle holds the configuration alone (about 100 bytes); unpickling
        # reuses the normalizer this process already compiled for it.
        return (_normalizer_for, (self.config,))

    def __call__(self, text: str) -> str:
        if not isinstance(text, str):
            _check_str(text)
        if len(text) > PIECE:
            return "".join(map(self._normalize, _chunks.pieces(text, PIECE)))
        return self._normalize(text)

    def _normalize(self, text: str) -> str:
        if self._bytes is None:
            return self._normalize_str(text)
        plan = self._page(text)
        if plan.leaves_marks and len(text) > _SAMPLE:
            prepared = self._prepare(plan, text, aligned=False)
        else:
            done = plan.normalize(text)  # the common case
            if isinstance(done, str):
                return done
            prepared = (
                done if done is None or len(done.sites) * _SPARSE_SITES <= len(text) else None
            )
        return "".join(out for out, _ in self._around_sites(text, plan, prepared, aligned=False))

    def _page(self, text: str) -> _BytePlan:
        """The byte plan for *text*: the page of presentation forms if they fill its start."""
        assert self._bytes is not None  # noqa: S101 - the callers checked it
        plan, other = self._bytes
        if _PRESENTATION_FORMS.search(text, 0, _PAGE_SAMPLE) and len(
            _PRESENTATION_FORMS.findall(text, 0, _PAGE_SAMPLE)
        ) * 4 > min(len(text), _PAGE_SAMPLE):
            return other  # mostly presentation forms: the page of those
        return plan

    @staticmethod
    def _prepare(plan: _BytePlan, text: str, *, aligned: bool) -> Prepared | None:
        """*text* encoded by *plan*; ``None`` when the other plans must normalize all of it."""
        if plan.leaves_marks and len(text) > _SAMPLE:
            # Marks this configuration keeps are not on the page: where text
            # is vowelled at all they are sites everywhere.  The start decides.
            probe = plan.prepare(text[:_SAMPLE], aligned=aligned)
            if probe is None or probe.sites:
                return None
        prepared = plan.prepare(text, aligned=aligned)
        if prepared is None or len(prepared.sites) * _SPARSE_SITES > len(text):
            # (sites so dense that windows would cost more than the other plans)
            return None
        return prepared

    def _by_bytes(self, text: str, *, aligned: bool) -> Iterator[tuple[str, Alignment]]:
        """Normalize *text* with the byte plan, and with the other plans around its sites."""
        plan = self._page(text)
        prepared = self._prepare(plan, text, aligned=aligned)
        return self._around_sites(text, plan, prepared, aligned=aligned)

    def _around_sites(
        self, text: str, plan: _BytePlan, prepared: Prepared | None, *, aligned: bool
    ) -> Iterator[tuple[str, Alignment]]:
        """The byte plan's stretches of *text* and the other plans' windows around its sites."""
        if prepared is None:
            yield self._segments(text) if aligned else (self._normalize_str(text), [])
            return
        data, outside, sites = prepared
        if not sites:
            yield plan.finish(data, outside, aligned=aligned)
            return
        k = 0
        for start, end, needs_others in _split_at_sites(text, sites, _SITE_CUT):
            chunk = data[start:end]
            n = chunk.count(0) if outside else 0
            if needs_others:
                part = text[start:end]
                yield self._segments(part) if aligned else (self._normalize_str(part), [])
            else:
                yield plan.finish(chunk, outside[k : k + n], aligned=aligned)
            k += n

    def _normalize_str(self, text: str, level: int = 0) -> str:
        fast = self._fast.run(text, aligned=False)
        if fast is not None:
            return fast[0]
        if level < len(_WINDOWS) and len(text) > _WINDOWS[level]:
            parts = list(_pieces(text, self._cut, _WINDOWS[level]))
            if len(parts) > 1:
                return "".join(self._normalize_str(part, level + 1) for part in parts)
        return self._exact(text)

    def _exact(self, text: str) -> str:
        for stage in self._stages:
            text = stage(text)
        return text

    def with_offsets(self, text: str) -> Normalized:
        """Normalize *text* and return the result with its :class:`~arnorm.OffsetMap`."""
        _check_str(text)
        outputs: list[str] = []
        offsets, add = _align.offset_map_builder()
        for piece in _chunks.pieces(text, PIECE) if len(text) > PIECE else (text,):
            for out, segments in self._aligned(piece):
                outputs.append(out)
                add(segments)
        return Normalized("".join(outputs), offsets)

    def _aligned(self, text: str) -> Iterator[tuple[str, Alignment]]:
        """The normalized parts of *text* with their alignments, in order."""
        if self._bytes is None:
            yield self._segments(text)
        else:
            yield from self._by_bytes(text, aligned=True)

    def _segments(self, text: str, level: int = 0) -> tuple[str, list[Segment]]:
        fast = self._fast.run(text, aligned=True)
        if fast is not None:
            return fast[0], fast[1] or []
        if level < len(_WINDOWS) and len(text) > _WINDOWS[level]:
            parts = list(_pieces(text, self._cut, _WINDOWS[level]))
            if len(parts) > 1:
                outputs: list[str] = []
                segments: list[Segment] = []
                for part in parts:
                    out, segs = self._segments(part, level + 1)
                    outputs.append(out)
                    segments.extend(segs)
                return "".join(outputs), segments
        return self._exact_segments(text)

    def _exact_with_offsets(self, text: str) -> Normalized:
        out, segments = self._exact_segments(text)
        return Normalized(out, OffsetMap(segments))

    def _exact_segments(self, text: str) -> tuple[str, list[Segment]]:
        segments: list[Segment] = [(len(text), len(text), True)] if text else []
        for stage in self._stages:
            edits = stage.edits(text, length_changing_only=True)
            out = stage(text)
            if edits:
                step = _align.from_sites(len(text), [(s, e, len(r)) for s, e, r in edits])
                segments = _align.compose(segments, step)
            text = out
        return text, segments

    def explain(self, text: str, *, examples: int = 3) -> Explanation:
        """Normalize *text* step by step and report the steps that changed it."""
        _check_str(text)
        counts: dict[str, int] = {}
        samples: dict[str, list[Change]] = {}
        for name in self.config.steps:
            step_cfg = self.config.only([name])
            for stage in _fuse(_step_stages(name, step_cfg)):
                text = self._record(name, stage, text, counts, samples, examples)
        if self.config.unicode:
            text = self._record("unicode", _NfcStage(), text, counts, samples, examples)
            for name in _refold_steps(self.config):
                stage = _MapStage(_table(name, self.config))
                text = self._record(name, stage, text, counts, samples, examples)
        order = [n for n in self.config.steps if n in counts]
        reports = tuple(StepReport(n, counts[n], tuple(samples[n])) for n in order)
        return Explanation(text, reports, self.config)

    @staticmethod
    def _record(
        name: str,
        stage: _Stage,
        text: str,
        counts: dict[str, int],
        samples: dict[str, list[Change]],
        examples: int,
    ) -> str:
        edits = stage.edits(text, length_changing_only=False)
        out = stage(text)
        edits = [e for e in edits if text[e[0] : e[1]] != e[2]]
        if edits or out != text:
            counts[name] = counts.get(name, 0) + max(len(edits), 1)
            bucket = samples.setdefault(name, [])
            for start, end, new in edits[: max(0, examples - len(bucket))]:
                bucket.append(Change(start, text[start:end], new))
        return out


def _check_str(text: object) -> None:
    if not isinstance(text, str):
        hint = "; decode bytes first" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"expected str, not {type(text).__name__}{hint}")


@functools.lru_cache(maxsize=64)
def _normalizer_for(config: NormalizerConfig) -> Normalizer:
    """The normalizer of *config*, compiled once in each process (a normalizer never changes).

    The one cache of normalizers: :func:`normalize` and the other functions of
    this module, unpickling a :class:`Normalizer`, :mod:`arnorm.files` and the
    matcher all take theirs from here.
    """
    return Normalizer(config)


#: The former name of :func:`_normalizer_for`, kept for code that imports it.
_normalizer: Final = _normalizer_for


def _resolve(config: NormalizerConfig | str | None) -> Normalizer:
    if config is None:
        config = PROFILES["search"]
    elif isinstance(config, str):
        config = NormalizerConfig.profile(config)
    elif not isinstance(config, NormalizerConfig):
        raise TypeError(
            f"config must be a NormalizerConfig or a profile name, not {type(config).__name__}"
        )
    return _normalizer_for(config)


def normalize(text: str, config: NormalizerConfig | str | None = None) -> str:
    """Normalize *text* with *config* (a :class:`NormalizerConfig` or a profile name).

    The default is the ``search`` profile.

    >>> from arnorm import normalize
    >>> normalize("الإمـــاراتُ وأبوظبي إِلَىٰ ﻷمن")
    'الامارات وابوظبي الي لامن'
    >>> normalize("الإمـــاراتُ", "light")
    'الإماراتُ'
    """
    return _resolve(config)(text)


def normalize_with_offsets(text: str, config: NormalizerConfig | str | None = None) -> Normalized:
    """Normalize *text* and return ``(text, offsets)``; see :class:`~arnorm.OffsetMap`.

    >>> from arnorm import normalize_with_offsets
    >>> original = "استقبل عبد اللطيف حمّوشي بالرباط"
    >>> norm, offsets = normalize_with_offsets(original)
    >>> start = norm.index("حموشي")
    >>> s, e = offsets.to_original(start, start + len("حموشي"))
    >>> original[s:e]
    'حمّوشي'
    """
    return _resolve(config).with_offsets(text)


def explain(text: str, config: NormalizerConfig | str | None = None) -> Explanation:
    """Report which steps changed *text*, with counts and examples.

    >>> from arnorm import explain
    >>> result = explain("الإمـــارات")
    >>> result.text, result.steps
    ('الامارات', ('tatweel', 'alef'))
    >>> str(result.reports[1].examples[0])
    'U+0625 → U+0627'
    >>> result.replay("الإمـــارات") == result.text
    True
    """
    return _resolve(config).explain(text)
