"""The ``arnorm`` spaCy component: gazetteer mentions as entities or a span group.

Install it with ``pip install 'arnorm[spacy]'``.  arnorm registers the
factory with spaCy through the ``spacy_factories`` entry point, so a pipeline
can add it by name without importing arnorm first:

>>> import spacy
>>> nlp = spacy.blank("ar")
>>> _ = nlp.add_pipe("arnorm")
>>> doc = nlp("استقبل عبداللطيف حموشي بالرباط وفداً من أبوظبي")
>>> for ent in doc.ents:
...     print(ent.text, ent.label_, ent.kb_id_, ent._.arnorm_score)
عبداللطيف حموشي person person-abdellatif-hammouchi 1.0
بالرباط place ma-rabat 1.0
أبوظبي place ae-abu-dhabi 1.0

spaCy's Arabic tokenizer keeps proclitics on their word, so بالرباط is one
token while the mention is الرباط.  A span cannot start inside a token: by
default it grows to the whole token (``alignment_mode="expand"``) and the
exact mention stays in ``span._.arnorm_start_char`` and
``span._.arnorm_end_char``:

>>> rabat = doc.ents[1]
>>> rabat.start_char, rabat.end_char, doc.text[rabat._.arnorm_start_char : rabat._.arnorm_end_char]
(23, 30, 'الرباط')

This module imports spaCy; ``import arnorm`` never imports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import __version__
from .gazetteer import ENTRY_TYPES, Gazetteer, available_gazetteers, load_gazetteer
from .matcher import Match, Matcher

__all__ = ["DEFAULT_CONFIG", "EXTENSIONS", "ArnormComponent", "make_component"]

Mode = Literal["ents", "spans"]
Alignment = Literal["expand", "strict"]

#: The span extensions the component sets on each span it adds, with the
#: :class:`~arnorm.Match` field each one holds.  ``arnorm_start_char`` and
#: ``arnorm_end_char`` are the mention's exact offsets in ``doc.text``, which
#: may lie inside the span's first or last token.
EXTENSIONS: Final[Mapping[str, str]] = {
    "arnorm_id": "id",
    "arnorm_name": "name",
    "arnorm_name_en": "name_en",
    "arnorm_score": "score",
    "arnorm_method": "method",
    "arnorm_gazetteer": "gazetteer",
    "arnorm_version": "version",
    "arnorm_start_char": "start",
    "arnorm_end_char": "end",
}

#: The component's settings and their defaults, as ``nlp.add_pipe("arnorm",
#: config=...)`` takes them (see :class:`ArnormComponent`).
DEFAULT_CONFIG: Final[dict[str, Any]] = {
    "gazetteers": None,
    "types": None,
    "min_score": 0.0,
    "mode": "ents",
    "spans_key": "arnorm",
    "overwrite_ents": False,
    "alignment_mode": "expand",
    "labels": {},
}

#: The file that ``to_disk`` writes in the component's directory.
_STATE_FILE: Final = "arnorm.json"


def _register_extensions() -> None:
    """Add the span extensions once; a second call (or a second component) reuses them."""
    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _pinned(specs: Iterable[str] | None) -> tuple[str, ...]:
    """``NAME`` or ``NAME@VERSION`` specs as ``NAME@VERSION`` of shipped releases."""
    if specs is None:
        specs = list(available_gazetteers())
    if isinstance(specs, str):
        raise TypeError("gazetteers must be a list of names, not one string")
    pinned: list[str] = []
    for spec in specs:
        name, _, wanted = spec.partition("@")
        gazetteer = load_gazetteer(name, wanted or None)
        pinned.append(f"{gazetteer.name}@{gazetteer.version}")
    return tuple(pinned)


def _load(pinned: Iterable[str]) -> list[Gazetteer]:
    return [load_gazetteer(*spec.split("@", 1)) for spec in pinned]


class ArnormComponent:
    """A spaCy pipeline component that adds an :class:`arnorm.Matcher`'s mentions to a ``Doc``.

    Create it with ``nlp.add_pipe("arnorm", config={...})``; the settings are:

    *gazetteers*
        Shipped gazetteer names, each optionally pinned as ``NAME@VERSION``
        (``["places@1.1.0", "officials"]``); ``None`` (the default) is the
        latest version of every shipped gazetteer.  The versions are resolved
        when the component is created, and ``nlp.to_disk`` saves them, so a
        pipeline loaded later matches with the same versions.
    *types*
        Keep only entries of these types (``person``, ``agency``,
        ``organization``, ``place``); ``None`` keeps all.
    *min_score*
        Drop mentions scoring below this.
    *mode*
        ``"ents"`` (the default) adds mentions to ``doc.ents``; ``"spans"``
        puts them in the span group ``doc.spans[spans_key]``, replacing what
        the group held.
    *spans_key*
        The span group for ``mode="spans"`` (default ``"arnorm"``).
    *overwrite_ents*
        With ``mode="ents"``: ``False`` (the default) keeps entities already
        on the ``Doc`` and drops the mentions that overlap them; ``True`` drops
        the existing entities that overlap a mention instead.
    *alignment_mode*
        How a mention becomes a span when it starts or ends inside a token, as
        الرباط inside the token بالرباط: ``"expand"`` (the default) takes the
        whole token; ``"strict"`` drops the mention.  spaCy's ``"contract"`` is
        refused: it would shrink وعبد اللطيف حموشي to اللطيف حموشي, part of a
        name labelled as the whole.
    *labels*
        A label for some entry types (``{"place": "GPE"}``); a type not in it
        is its own label.

    Each span gets the entry's type as its label, the entry id as its
    ``kb_id``, and the extensions of :data:`EXTENSIONS`.  One span carries
    one mention: spaCy keys a span's extensions by its characters, so when
    two mentions align to the same tokens (المغرب،الجزائر is one token) only
    the first is added; with ``mode="ents"``, a mention that overlaps an
    earlier one after alignment is dropped too, as spaCy's entities cannot
    overlap.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "arnorm",
        *,
        gazetteers: Iterable[str] | None = None,
        types: Iterable[str] | None = None,
        min_score: float = 0.0,
        mode: Mode = "ents",
        spans_key: str = "arnorm",
        overwrite_ents: bool = False,
        alignment_mode: Alignment = "expand",
        labels: Mapping[str, str] | None = None,
    ) -> None:
        if mode not in ("ents", "spans"):
            raise ValueError(f"mode must be 'ents' or 'spans', not {mode!r}")
        # not a valid value, but spaCy's own: say why it is left out
        if alignment_mode == "contract":  # type: ignore[comparison-overlap]
            raise ValueError(
                "alignment_mode 'contract' would cut a name to the tokens inside it;"
                " use 'expand' or 'strict'"
            )
        if alignment_mode not in ("expand", "strict"):
            raise ValueError(f"alignment_mode must be 'expand' or 'strict', not {alignment_mode!r}")
        labels = dict(labels or {})
        unknown = sorted(set(labels) - set(ENTRY_TYPES))
        if unknown:
            raise ValueError(f"labels name unknown entry types: {', '.join(unknown)}")
        self.name = name
        self.types: tuple[str, ...] | None = None if types is None else tuple(types)
        self.min_score = min_score
        self.mode: Mode = mode
        self.spans_key = spans_key
        self.overwrite_ents = overwrite_ents
        self.alignment_mode: Alignment = alignment_mode
        self.label_map: dict[str, str] = labels
        self._build(_pinned(gazetteers))
        _register_extensions()

    def _build(self, pinned: tuple[str, ...]) -> None:
        #: The gazetteers as ``NAME@VERSION``, in the matcher's order.
        self.gazetteers: tuple[str, ...] = pinned
        self.matcher = Matcher(_load(pinned), types=self.types, min_score=self.min_score)

    def __repr__(self) -> str:
        return f"<ArnormComponent {self.name!r} {', '.join(self.gazetteers)}, mode={self.mode!r}>"

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels this component may assign, in the order of the entry types."""
        types = [t for t in ENTRY_TYPES if self.types is None or t in self.types]
        return tuple(dict.fromkeys(self.label_map.get(t, t) for t in types))

    def __call__(self, doc: Doc) -> Doc:
        """Find the mentions in ``doc.text`` and add them to *doc*."""
        spans = self._spans(doc)
        if self.mode == "spans":
            doc.spans[self.spans_key] = [span for span, _ in spans]
        else:
            spans = self._set_ents(doc, spans)
        for span, match in spans:
            for extension, field in EXTENSIONS.items():
                span._.set(extension, getattr(match, field))
        return doc

    def _spans(self, doc: Doc) -> list[tuple[Span, Match]]:
        """Each mention aligned to tokens, one mention a span, and none overlapping for ents."""
        out: list[tuple[Span, Match]] = []
        taken: set[tuple[int, int]] = set()
        reach = 0  # the end token of the last span kept, for ents
        for match in self.matcher.finditer(doc.text):
            span = doc.char_span(
                match.start,
                match.end,
                label=self.label_map.get(match.type, match.type),
                kb_id=match.id,
                alignment_mode=self.alignment_mode,
            )
            if span is None or (span.start, span.end) in taken:
                continue
            if self.mode == "ents":
                if span.start < reach:
                    continue
                reach = span.end
            taken.add((span.start, span.end))
            out.append((span, match))
        return out

    def _set_ents(self, doc: Doc, spans: list[tuple[Span, Match]]) -> list[tuple[Span, Match]]:
        """Merge the mentions with the entities on *doc*; return the mentions kept."""
        existing = list(doc.ents)
        if not existing:
            doc.ents = [span for span, _ in spans]
            return spans
        if self.overwrite_ents:
            mine = _tokens(span for span, _ in spans)
            existing = [e for e in existing if not mine.intersection(range(e.start, e.end))]
        else:
            theirs = _tokens(existing)
            spans = [(s, m) for s, m in spans if theirs.isdisjoint(range(s.start, s.end))]
        ents = existing + [span for span, _ in spans]
        doc.ents = sorted(ents, key=lambda span: span.start)
        return spans

    # -- serialization: the settings are in spaCy's config; the versions are saved here

    def _state(self) -> bytes:
        state = {"gazetteers": list(self.gazetteers), "arnorm": __version__}
        return json.dumps(state, indent=2).encode("utf-8")

    def _restore(self, data: bytes, where: str) -> None:
        pinned = _pinned(_saved_specs(data, where))
        if pinned != self.gazetteers:
            self._build(pinned)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The gazetteer versions in use, for ``nlp.to_bytes``."""
        return self._state()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ArnormComponent:
        """Match with the gazetteer versions saved by :meth:`to_bytes`.

        Raises :class:`ValueError` naming the problem if *data* is not such a
        state, and :class:`~arnorm.GazetteerError` if this installation does
        not ship one of the versions.
        """
        self._restore(data, "from_bytes")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the gazetteer versions in use to ``arnorm.json`` in the directory *path*."""
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / _STATE_FILE).write_bytes(self._state())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArnormComponent:
        """Match with the gazetteer versions that :meth:`to_disk` wrote in *path*.

        Raises :class:`~arnorm.GazetteerError` if this installation does not
        ship one of them, and :class:`ValueError` naming the problem if the
        file is not a state that :meth:`to_disk` writes.
        """
        state = Path(path) / _STATE_FILE
        self._restore(state.read_bytes(), str(state))
        return self


def _saved_specs(data: bytes, where: str) -> list[str]:
    """The ``NAME@VERSION`` list of a saved state; :class:`ValueError` saying what is wrong."""
    try:
        state = json.loads(data)
    except (ValueError, TypeError) as exc:  # not JSON, not UTF-8, not bytes
        raise ValueError(f"{where}: the arnorm component state is not JSON ({exc})") from None
    if not isinstance(state, dict):
        raise ValueError(
            f"{where}: the arnorm component state must be a JSON object, not {type(state).__name__}"
        )
    if "gazetteers" not in state:
        raise ValueError(f"{where}: the arnorm component state has no 'gazetteers' key")
    specs = state["gazetteers"]
    if not isinstance(specs, list):
        raise ValueError(
            f"{where}: 'gazetteers' in the arnorm component state must be a list of"
            f" NAME@VERSION strings, not {type(specs).__name__}"
        )
    for i, spec in enumerate(specs):
        if not isinstance(spec, str):
            raise ValueError(
                f"{where}: 'gazetteers'[{i}] in the arnorm component state must be a"
                f" NAME@VERSION string, not {type(spec).__name__}"
            )
    return specs


def _tokens(spans: Iterable[Span]) -> set[int]:
    return {i for span in spans for i in range(span.start, span.end)}


def make_component(
    nlp: Language,
    name: str,
    gazetteers: list[str] | None,
    types: list[str] | None,
    min_score: float,
    mode: Mode,
    spans_key: str,
    overwrite_ents: bool,
    alignment_mode: Alignment,
    labels: dict[str, str],
) -> ArnormComponent:
    """The ``arnorm`` factory: spaCy calls it with the component's config."""
    return ArnormComponent(
        nlp,
        name,
        gazetteers=gazetteers,
        types=types,
        min_score=min_score,
        mode=mode,
        spans_key=spans_key,
        overwrite_ents=overwrite_ents,
        alignment_mode=alignment_mode,
        labels=labels,
    )


Language.factory(
    "arnorm",
    default_config=DEFAULT_CONFIG,
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_kb_id"]
    + [f"span._.{name}" for name in EXTENSIONS],
    func=make_component,
)
