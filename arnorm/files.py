"""Whole files: what ``arnorm match`` and ``arnorm normalize`` do to one file, as functions.

These are the building blocks for running arnorm over an archive with other
tools (Dask, Spark, a job queue): each takes a path and gives exactly what the
command line gives for that file, reading it in bounded chunks.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp, "a.txt")
...     _ = path.write_text("سطر أول\\nزار حموشي الرباط\\n", encoding="utf-8")
...     records = match_file(path)
>>> [(r["line"], r["start"], r["text"], r["method"]) for r in records]
[(2, 12, 'حموشي', 'surname'), (2, 18, 'الرباط', 'exact')]
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from . import _chunks, _io
from .matcher import Match, Matcher
from .matcher._context import SENTENCE_END
from .matcher._model import role_dict
from .normalizer import NormalizerConfig, _normalizer_for
from .steps import HORIZONTAL_SPACES, LINE_BREAKS

__all__ = [
    "CUT_MARGIN",
    "MATCH_FIELDS",
    "LineCounter",
    "json_line",
    "lined",
    "match_file",
    "match_record",
    "normalize_file",
]

#: The fields of a match record (``arnorm match``), in output order.
MATCH_FIELDS: Final = (
    "file",
    "line",
    "start",
    "end",
    "text",
    "id",
    "type",
    "name",
    "name_en",
    "score",
    "method",
    "gazetteer",
    "version",
    "evidence",
)

_DEFAULT_MATCHER: Matcher | None = None


def match_record(file: str, line: int, match: Match) -> dict[str, object]:
    """The record ``arnorm match`` writes for *match*, found at *line* of *file*.

    ``start`` and ``end`` are character offsets into the decoded text of the
    whole file; ``line`` counts from 1.  ``file`` is *file* as given: a name
    that is not UTF-8 keeps the surrogates ``os.fsdecode`` gives its stray
    bytes, so ``os.fsencode(record["file"])`` is the name's bytes (the command
    line writes each as a backslash-u escape, which JSON reads back as the
    same surrogate).
    """
    record: dict[str, object] = {
        "file": file,
        "line": line,
        "start": match.start,
        "end": match.end,
        "text": match.text,
        "id": match.id,
        "type": match.type,
        "name": match.name,
        "name_en": match.name_en,
        "score": match.score,
        "method": match.method,
        "gazetteer": match.gazetteer,
        "version": match.version,
        "evidence": [
            {"kind": e.kind, "text": e.text, "country": e.country} for e in match.evidence
        ],
    }
    if match.roles is not None:  # a matcher with as_of: the roles held on that date
        record["roles"] = [role_dict(role) for role in match.roles]
    return record


def json_line(record: dict[str, object]) -> str:
    """One record as a line of JSON Lines, as ``arnorm match`` writes it (UTF-8, not escaped)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def match_file(
    path: str | os.PathLike[str],
    matcher: Matcher | None = None,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> list[dict[str, object]]:
    """The match records of the file *path*, as ``arnorm match`` writes them, in order.

    *matcher* defaults to one of all shipped gazetteers (built once).  The
    ``file`` field is *path* as given, except that the bytes of a name that
    are not UTF-8 are written ``\\xNN`` (see :func:`match_record`); the file
    is read under its real name.  Bytes that do not decode raise
    a ``DecodeError`` (a :class:`ValueError` naming the file, line and byte
    offset) under ``errors="strict"``; a file that cannot be
    read raises :class:`OSError`.
    """
    if matcher is None:
        matcher = _default_matcher()
    name = os.fspath(path)
    with Path(name).open("rb") as stream:
        chunks = _io.chunk_text(
            _io.decode_blocks(
                stream, encoding=encoding, errors=errors, name=name, block_size=_io.BLOCK_SIZE
            ),
            max_chars=_io.MAX_CHUNK_CHARS,
        )
        return [match_record(name, line, match) for line, match in lined(matcher, chunks)]


#: Characters of context looked at on each side of a cut inside a line (see :func:`lined`).
CUT_MARGIN: Final = 2048


def lined(matcher: Matcher, chunks: Iterable[str]) -> Iterator[tuple[int, Match]]:
    """The matches in a text given as *chunks*, each with the 1-based line it starts on.

    A chunk that ends inside a line (as the command line cuts a line of
    millions of characters) is cut again where no name lies across the cut,
    so the names around it are found exactly as in one piece: the matcher
    looks at the ``CUT_MARGIN`` characters on each side of the cut, and the
    cut moves back, within that margin, to a run of spaces that no name spelt
    there covers (reported or not: a name may need evidence from further
    back), after the end of a sentence if there is one (the entry of a name
    that several countries share depends on its sentence).  Only if every
    such place is covered (names overlapping without a break over the whole
    margin) does the cut stay where it was.
    A chunk that ends with a line break is taken as it is, unless a name runs
    across that break (a line wrapped inside a name: "Limits" in
    :doc:`/matching`): then it ends after the last sentence before the name
    that no name covers (a line break, or a space after a sentence's end),
    and if the margin has none, the chunk and the next are read as one.
    A blank line ends every name.
    """
    lines = LineCounter()
    for match in matcher.iter_chunks(lines.track(_cut_between_names(matcher, chunks))):
        yield lines.line(match.start), match


def _cut_between_names(matcher: Matcher, chunks: Iterable[str]) -> Iterator[str]:
    """*chunks*, with every cut inside a line moved to where no match lies across it.

    The chunks after the current one are looked ahead at up to twice the margin in all, not
    one alone: a name wrapped over two short lines (عبد⏎اللطيف⏎الحموشي) is seen whole."""
    margin = CUT_MARGIN  # looked up at each call, so that tests can make it small
    upcoming = iter(chunks)
    ahead: deque[str] = deque()
    looked = 0  # the characters in ahead

    def fill() -> None:
        nonlocal looked
        while looked < 2 * margin and (chunk := next(upcoming, None)) is not None:
            ahead.append(chunk)
            looked += len(chunk)

    def take() -> str | None:
        nonlocal looked
        if not ahead:
            return None
        chunk = ahead.popleft()
        looked -= len(chunk)
        return chunk

    fill()
    current = take()
    while current is not None:
        fill()
        if not ahead or not current or _ends_paragraph(current, ahead[0]):
            yield current
            current = take()
            continue
        following = _first(ahead, 2 * margin)
        cut = _free_cut(matcher, current, following, margin)
        if cut:
            yield current[:cut]
        current = current[cut:] + (take() or "")


def _first(chunks: Iterable[str], size: int) -> str:
    """The first *size* characters of *chunks* joined (fewer if they hold fewer)."""
    parts: list[str] = []
    for chunk in chunks:
        parts.append(chunk[:size])
        size -= len(parts[-1])
        if size <= 0:
            break
    return "".join(parts)


def _free_cut(matcher: Matcher, current: str, following: str, margin: int) -> int:
    """Where to end *current*, followed by *following*, so that no match lies across the end."""
    end = len(current)
    cuts = list(_chunks.space_cuts(current, max(0, end - margin), end))
    wrapped = current.endswith("\n")  # a line that a name may run on from
    if not cuts and not wrapped:  # nowhere else to cut (a run of letters or marks): no need to look
        return end
    low = max(0, end - 2 * margin)
    # every name the words spell, reported or not: one that needs evidence from the text
    # before the margin (the country of a generic reference) is found in the whole text
    window = current[low:] + following[: 2 * margin]
    names, cued = matcher._name_spans(window)
    spans = [(low + start, low + stop) for start, stop in names]
    # a name and the cue before it (منطقة البديع): a cut between them is made only where
    # every other cut falls inside a name
    every = spans + [(low + start, low + stop) for start, stop in cued]

    def free(cut: int) -> bool:
        return not any(start < cut < stop for start, stop in every)

    def between_names(cut: int) -> bool:
        return not any(start < cut < stop for start, stop in spans)

    if wrapped:
        if free(end):
            return end
        # a name runs on to the next line: end after the last sentence before it (a line
        # break, or a space after a sentence's end) that no match covers, or else read the
        # chunk and the next as one: a cut inside a sentence would lose its evidence
        starts = max(0, end - margin)
        breaks = [i + 1 for i in range(end - 2, starts - 1, -1) if current[i] == "\n"]
        ends = (
            cut for cut in sorted({*breaks, *cuts}, reverse=True) if _ends_sentence(current, cut)
        )
        return next((cut for cut in ends if free(cut)), 0)
    # after the end of a sentence first: the entry of a name may depend on its sentence
    ends = (cut for cut in cuts if _ends_sentence(current, cut) and free(cut))
    found = next(ends, end if free(end) else next((cut for cut in cuts if free(cut)), None))
    if found is not None:
        return found
    # names every few words, each after its cue: between names will do
    ends = (cut for cut in cuts if _ends_sentence(current, cut) and between_names(cut))
    return next(
        ends, end if between_names(end) else next((c for c in cuts if between_names(c)), end)
    )


def _ends_paragraph(current: str, following: str) -> bool:
    """Whether *current* ends with a line break that no name runs across: the
    line after it, or the one it ends, is blank (only horizontal spaces)."""
    if not current.endswith("\n"):
        return False
    before = current[:-1].removesuffix("\r").rstrip(HORIZONTAL_SPACES)
    after = following.lstrip(HORIZONTAL_SPACES)
    return not before or before[-1] in LINE_BREAKS or not after or after[0] in LINE_BREAKS


def _ends_sentence(text: str, cut: int) -> bool:
    """Whether the spaces before *cut* in *text* follow the end of a sentence."""
    i = cut
    while i > 0 and text[i - 1] in HORIZONTAL_SPACES:
        i -= 1
    return i > 0 and text[i - 1] in SENTENCE_END


def normalize_file(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    config: NormalizerConfig | None = None,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> str:
    """Normalize the file *path* into the file *output*, as ``arnorm normalize PATH -o OUTPUT``.

    The output is UTF-8 with line breaks kept byte for byte; it is written
    under a temporary name and renamed into place only when the whole input
    was read, so a failure leaves an existing *output* as it was.  *output*
    may not be *path*.  *config* defaults to the ``search`` profile's.
    Returns *output* as a string.
    """
    source, target = os.fspath(path), os.fspath(output)
    if Path(target).exists() and Path(source).resolve() == Path(target).resolve():
        raise ValueError(f"output {target} is the input {source}")
    normalizer = _normalizer_for(config or NormalizerConfig.profile("search"))
    encode_errors = "replace" if errors == "replace" else "strict"
    with Path(source).open("rb") as stream, _io.open_output(target) as out:
        blocks = _io.decode_blocks(stream, encoding=encoding, errors=errors, name=source)
        for chunk in _io.chunk_text(blocks, max_chars=_io.MAX_CHUNK_CHARS):
            out.write(normalizer(chunk).encode("utf-8", encode_errors))
        stream.close()  # before the rename, for platforms that lock open files
        out.commit()
    return target


def _default_matcher() -> Matcher:
    global _DEFAULT_MATCHER
    if _DEFAULT_MATCHER is None:
        _DEFAULT_MATCHER = Matcher()
    return _DEFAULT_MATCHER


class LineCounter:
    """The line numbers of offsets into a text that is read chunk by chunk.

    Only the latest chunk is kept, with the line of one offset in it: the
    line of another is counted from there, forward or back, so each chunk is
    scanned about once however many matches it holds.  An offset must lie in
    the latest chunk: :meth:`~arnorm.Matcher.iter_chunks` reports every match
    of a chunk before it asks for the next.

    >>> lines = LineCounter()
    >>> chunks = list(lines.track(["a\\nb\\n", "c"]))
    >>> lines.line(4)
    3
    """

    def __init__(self) -> None:
        self._chunk = ""
        self._base = 0  # the offset of the chunk in the text
        self._at = 0  # an index into the chunk ...
        self._line = 1  # ... and its line

    def track(self, chunks: Iterable[str]) -> Iterator[str]:
        """Pass *chunks* through, keeping the latest one."""
        for chunk in chunks:
            self.line(self._base + len(self._chunk))  # count the rest of the previous chunk
            self._base += len(self._chunk)
            self._chunk, self._at = chunk, 0
            yield chunk

    def line(self, offset: int) -> int:
        """The 1-based line of the character at *offset* (from the start of the text)."""
        at = offset - self._base
        if not 0 <= at <= len(self._chunk):
            raise ValueError(f"offset {offset} is not in the latest chunk")
        if at >= self._at:
            self._line += self._chunk.count("\n", self._at, at)
        else:
            self._line -= self._chunk.count("\n", at, self._at)
        self._at = at
        return self._line
