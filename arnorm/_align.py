"""Alignments between a text and its normalized form.

An alignment is a list of segments ``(in_len, out_len, linear)`` that tile the
input and the output in order.  A *linear* segment maps character ``i`` of its
input to character ``i`` of its output (``in_len == out_len``); any other
segment is an atomic group: its output came from its input as a whole.  Long
unchanged stretches are one linear segment, so an alignment is as small as the
number of places where normalization changed the length of the text.  A
:class:`Deletions` mask is the same alignment for a stretch that only deletes.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, cycle, repeat
from operator import add, sub

Segment = tuple[int, int, bool]


def from_sites(length: int, sites: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """Build an alignment from sorted, non-overlapping edits ``(start, end, out_len)``."""
    segs: list[Segment] = []
    pos = 0
    for start, end, out_len in sites:
        if start > pos:
            segs.append((start - pos, start - pos, True))
        segs.append((end - start, out_len, False))
        pos = end
    if pos < length:
        segs.append((length - pos, length - pos, True))
    return segs


def compose(first: Sequence[Segment], second: Sequence[Segment]) -> list[Segment]:
    """Compose ``first`` (a -> b) with ``second`` (b -> c) into an alignment a -> c.

    A result segment is linear only where both inputs are linear; elsewhere the
    smallest groups whose boundaries both inputs allow are formed.
    """
    if not second or (len(second) == 1 and second[0][2]):
        return list(first)
    if not first or (len(first) == 1 and first[0][2]):
        return list(second)
    out: list[Segment] = []
    ita: Iterator[Segment] = iter(first)
    itb: Iterator[Segment] = iter(second)
    a = next(ita, None)
    b = next(itb, None)
    pend_in = pend_out = 0
    pend = False
    need_a = need_b = 0  # middle-text width one side still owes to the open group

    def push_linear(width: int) -> None:
        if out and out[-1][2]:
            prev = out[-1][0]
            out[-1] = (prev + width, prev + width, True)
        else:
            out.append((width, width, True))

    while a is not None or b is not None:
        if a is not None and a[1] == 0:  # a deletion: no width in the middle text
            pend_in += a[0]
            pend = True
            a = next(ita, None)
            continue
        if b is not None and b[0] == 0:  # an insertion
            pend_out += b[1]
            pend = True
            b = next(itb, None)
            continue
        if need_a == 0 and need_b == 0:
            if a is None or b is None:
                raise ValueError("alignments of different lengths")
            if pend:  # a cut both sides allow: close the open group
                out.append((pend_in, pend_out, False))
                pend_in = pend_out = 0
                pend = False
            if a[2] and b[2]:
                width = min(a[1], b[0])
                push_linear(width)
                a = (a[0] - width, a[1] - width, True) if a[1] > width else next(ita, None)
                b = (b[0] - width, b[1] - width, True) if b[0] > width else next(itb, None)
                continue
            pend = True
            if not a[2]:
                pend_in += a[0]
                need_b += a[1]
                a = next(ita, None)
            else:
                pend_out += b[1]
                need_a += b[0]
                b = next(itb, None)
            continue
        if need_b > 0:  # the open group still owes middle text on the second side
            b, gained, need_b, need_a = _settle(b, itb, need_b, need_a, 0)
            pend_out += gained
        else:
            a, gained, need_a, need_b = _settle(a, ita, need_a, need_b, 1)
            pend_in += gained
    if pend:
        out.append((pend_in, pend_out, False))
    return out


def _settle(
    seg: Segment | None, rest: Iterator[Segment], need: int, other: int, middle: int
) -> tuple[Segment | None, int, int, int]:
    """Take from *seg* (then *rest*) the middle text an open group still needs on its side.

    *middle* is the index of the segment's width in the middle text (0 on the
    second alignment's side, 1 on the first's).  Returns the segment left,
    the width gained on the outer text, and what each side still owes: a
    group taken whole may overshoot, and the other side then owes the rest.
    """
    if seg is None:
        raise ValueError("alignments of different lengths")
    if seg[2]:
        width = min(need, seg[0])
        left = (seg[0] - width, seg[1] - width, True) if seg[0] > width else next(rest, None)
        return left, width, need - width, other
    width = seg[middle]
    following = next(rest, None)
    if width <= need:
        return following, seg[1 - middle], need - width, other
    return following, seg[1 - middle], 0, other + width - need


class OffsetMap:
    """Maps spans of a normalized text back to the spans of the original that produced them.

    Built by :func:`arnorm.normalize_with_offsets`; immutable.  It holds one
    entry per place where normalization changed the length of the text (and
    per unchanged stretch between two such places), in machine-integer arrays:
    at most 25 bytes per entry, and far less on ordinary text.  Where
    characters are deleted densely (vowelled text), a stretch is held instead
    as one byte per original character saying whether it was deleted, with an
    index of its blocks, and an output position is found in it when asked.
    Two maps are equal when they map every span the same way.

    >>> from arnorm import normalize_with_offsets
    >>> result = normalize_with_offsets("بالإمـــارات")
    >>> result.text
    'بالامارات'
    >>> result.offsets.to_original(3, 9)
    (3, 12)
    """

    __slots__ = (
        "_in_lens",
        "_in_starts",
        "_linear",
        "_out_starts",
        "_regions",
        "input_length",
        "output_length",
    )

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        self._out_starts = array("q")
        self._in_starts = array("q")
        self._in_lens = array("q")
        # 1: a linear entry; 0: a group; _REGION: a stretch of deletions (below)
        self._linear = bytearray()
        #: The stretches of deletions, by entry: their mask and block index.
        self._regions: dict[int, _Region] = {}
        #: Length of the original text.
        self.input_length: int = 0
        #: Length of the normalized text.
        self.output_length: int = 0
        builder = _Builder(self)
        builder.add(segments)

    def __repr__(self) -> str:
        return (
            f"OffsetMap(input_length={self.input_length}, output_length={self.output_length},"
            f" segments={len(self._out_starts)})"
        )

    def __eq__(self, other: object) -> bool:
        """Two maps are equal when they map every span the same way."""
        if not isinstance(other, OffsetMap):
            return NotImplemented
        if (self.input_length, self.output_length) != (other.input_length, other.output_length):
            return False
        if not self._regions and not other._regions:
            same = ("_out_starts", "_in_starts", "_in_lens", "_linear")
            if all(getattr(self, s) == getattr(other, s) for s in same):
                return True
        n = self.output_length
        return all(
            self.to_original(i, i + 1) == other.to_original(i, i + 1)
            and self.to_original(i, i) == other.to_original(i, i)
            for i in range(n)
        ) and self.to_original(n, n) == other.to_original(n, n)

    __hash__ = None  # type: ignore[assignment]

    def _start(self, pos: int) -> int:
        k = bisect_right(self._out_starts, pos) - 1
        kind = self._linear[k]
        if kind == 1:
            return self._in_starts[k] + pos - self._out_starts[k]
        if kind == _REGION:
            return self._in_starts[k] + self._regions[k].select(pos - self._out_starts[k])
        return self._in_starts[k]

    def _end(self, last: int) -> int:
        k = bisect_right(self._out_starts, last) - 1
        kind = self._linear[k]
        if kind == 1:
            return self._in_starts[k] + last - self._out_starts[k] + 1
        if kind == _REGION:
            region = self._regions[k]
            after = last - self._out_starts[k] + 1
            if after < region.kept:
                return self._in_starts[k] + region.select(after)
        return self._in_starts[k] + self._in_lens[k]

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """:meth:`to_original` of a non-empty span known to be inside, in one call (hot path)."""
        if self._regions:
            return self._start(start), self._end(end - 1)
        outs, ins, linear = self._out_starts, self._in_starts, self._linear
        k = bisect_right(outs, start) - 1
        first = ins[k] + start - outs[k] if linear[k] else ins[k]
        last = end - 1
        k = bisect_right(outs, last) - 1
        return first, (ins[k] + last - outs[k] + 1 if linear[k] else ins[k] + self._in_lens[k])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that produced ``normalized[start:end]``.

        The span covers whole groups: a letter together with the marks,
        tatweel or invisible characters removed after it, a ligature that
        became several letters, a run of spaces that became one.  An empty
        span maps to an empty span.  Raises :class:`IndexError` for a span
        outside the normalized text.
        """
        if not 0 <= start <= end <= self.output_length:
            raise IndexError(
                f"span ({start}, {end}) is outside the normalized text of length"
                f" {self.output_length}"
            )
        if start == end:
            pos = self._start(start) if start < self.output_length else self.input_length
            return pos, pos
        return self._start(start), self._end(end - 1)


class DeletionRuns(list[Segment]):
    """The alignment of deleting runs of characters, with the run lengths it came from.

    ``kept[0]`` characters kept, ``gone[0]`` deleted, ``kept[1]`` kept, and so
    on, ending with ``kept[-1]`` (``len(kept) == len(gone) + 1``).  An
    :class:`OffsetMap` takes these in bulk, without a Python step per run.
    """

    __slots__ = ("gone", "kept")

    def __init__(self, segments: Iterable[Segment], kept: list[int], gone: list[int]) -> None:
        super().__init__(segments)
        self.kept = kept
        self.gone = gone


#: The kind of an :class:`OffsetMap` entry that is a stretch of deletions.
_REGION = 2
#: Input characters a block of a region's index covers.
_BLOCK = 256


class Deletions:
    """The alignment of deleting characters, as a mask: one byte a character, 1 if deleted.

    An :class:`OffsetMap` keeps the mask of a long stretch as it is, with an
    index of its blocks, and finds an output character's place in it when
    asked (a few ``bytes.count`` calls), instead of holding an entry for every
    run of deleted characters.
    """

    __slots__ = ("mask",)

    def __init__(self, mask: bytes) -> None:
        self.mask = mask

    def segments(self) -> list[Segment]:
        """The same alignment as segments."""
        out: list[Segment] = []
        pos, n, mask = 0, len(self.mask), self.mask
        while pos < n:
            kept = mask.find(1, pos)
            kept = n if kept < 0 else kept
            if kept > pos:
                out.append((kept - pos, kept - pos, True))
            if kept == n:
                break
            gone = mask.find(0, kept)
            gone = n if gone < 0 else gone
            out.append((gone - kept, 0, False))
            pos = gone
        return out


class _Region:
    """A stretch of an :class:`OffsetMap` that only deletes: its mask and a block index.

    It starts with a kept character; kept character ``j`` maps back to its
    own place and the deleted characters after it (the next kept character's
    place, or the end of the stretch).
    """

    __slots__ = ("before", "kept", "mask")

    def __init__(self, mask: bytes) -> None:
        self.mask = mask
        counts = [mask.count(0, at, at + _BLOCK) for at in range(0, len(mask), _BLOCK)]
        #: kept characters before each block
        self.before = array("q", accumulate(counts, initial=0))
        self.kept = self.before.pop()

    def select(self, j: int) -> int:
        """The place in the stretch of kept character *j*."""
        block = bisect_right(self.before, j) - 1
        lo = block * _BLOCK
        hi = min(lo + _BLOCK, len(self.mask))
        want = j - self.before[block]  # kept characters of the block before it
        count = self.mask.count
        while hi - lo > 1:  # the place p with want kept characters in [block start, p)
            mid = (lo + hi) // 2
            if count(0, block * _BLOCK, mid) > want:
                hi = mid
            else:
                lo = mid
        return lo


def offset_map_builder() -> tuple[OffsetMap, Callable[[Iterable[Segment] | Deletions], None]]:
    """An empty :class:`OffsetMap`, and the function that appends segments to it in order."""
    offsets = OffsetMap()
    return offsets, _Builder(offsets).add


class _Builder:
    """Fills an :class:`OffsetMap` from segments given in order, a batch at a time.

    Groups that produced no output join the character before them: a deleted
    mark, tatweel or invisible character belongs to the letter it followed, so
    a span that ends on that letter maps back to an original span that
    includes it.  At the very start of the text it joins the character after
    it instead.  The segments of a long text never need to be held at once.
    """

    __slots__ = ("_carry", "_map")

    def __init__(self, offsets: OffsetMap) -> None:
        self._map = offsets
        self._carry = 0  # deleted input before the first output character

    def _append(self, out_start: int, in_start: int, in_len: int, linear: int) -> None:
        m = self._map
        m._out_starts.append(out_start)
        m._in_starts.append(in_start)
        m._in_lens.append(in_len)
        m._linear.append(linear)

    def add(self, segments: Iterable[Segment] | Deletions) -> None:
        """Append *segments* (which continue the text and its normalized form)."""
        if isinstance(segments, Deletions):
            self._add_deletions(segments.mask)
        elif (
            isinstance(segments, DeletionRuns)
            and len(segments.gone) > 1
            and min(segments.kept[1:-1]) > 0  # runs of two kinds can touch
        ):
            self._add_runs(segments.kept, segments.gone)
        else:
            self._add(segments)

    def _add_runs(self, kept: list[int], gone: list[int]) -> None:
        """:meth:`add` the deletion of runs, the runs after the first in bulk.

        After the first run, each kept stretch is at least one character and
        its last character takes the deleted run after it: a linear entry for
        the rest of the stretch (none if it is empty) and a group of that
        character with the run.
        """
        first = [(kept[0], kept[0], True)] if kept[0] else []
        self._add([*first, (gone[0], 0, False)])
        start = 1
        while self._carry and start < len(gone):  # no output yet: one by one
            self._add([(kept[start], kept[start], True), (gone[start], 0, False)])
            start += 1
        m = self._map
        ks, ds = kept[start:-1], gone[start:]
        km1 = list(map(sub, ks, repeat(1)))
        outs = list(accumulate(ks, initial=m.output_length))
        ins = list(accumulate(map(add, ks, ds), initial=m.input_length))
        keep = list(chain.from_iterable(zip(map(bool, km1), repeat(True))))

        def pairs(lin: Iterable[int], group: Iterable[int]) -> Iterator[int]:
            return compress(chain.from_iterable(zip(lin, group, strict=False)), keep)

        m._out_starts.extend(pairs(outs[:-1], map(add, outs, km1)))
        m._in_starts.extend(pairs(ins[:-1], map(add, ins, km1)))
        m._in_lens.extend(pairs(km1, map(add, ds, repeat(1))))
        m._linear.extend(compress(cycle((1, 0)), keep))
        m.output_length = outs[-1]
        m.input_length = ins[-1]
        if kept[-1]:
            self._add([(kept[-1], kept[-1], True)])

    def _add_deletions(self, mask: bytes) -> None:
        """:meth:`add` a deletion mask: the runs before its second kept character one by one,
        the rest as one region entry."""
        n = len(mask)
        if not n:
            return
        first = mask.find(0)
        if first < 0:
            self._add([(n, 0, False)])
            return
        second = mask.find(0, first + 1)
        head = [(first, 0, False)] if first else []
        head.append((1, 1, True))
        gone = (second if second >= 0 else n) - first - 1
        if gone:
            head.append((gone, 0, False))
        self._add(head)
        if second < 0:
            return
        m = self._map
        region = _Region(mask[second:])
        m._regions[len(m._linear)] = region
        self._append(m.output_length, m.input_length, n - second, _REGION)
        m.output_length += region.kept
        m.input_length += n - second

    def _add(self, segments: Iterable[Segment]) -> None:
        m = self._map
        lens, linear_of = m._in_lens, m._linear
        i, o = m.input_length, m.output_length
        for in_len, out_len, linear in segments:
            if out_len == 0:
                if not linear_of:
                    self._carry += in_len
                elif linear_of[-1] == 1:
                    if lens[-1] > 1:
                        lens[-1] -= 1
                        self._append(o - 1, i - 1, 1 + in_len, False)
                    else:
                        lens[-1] = 1 + in_len
                        linear_of[-1] = False
                else:
                    lens[-1] += in_len
            elif self._carry:
                carry = self._carry
                self._carry = 0
                if linear:
                    self._append(o, i - carry, carry + 1, False)
                    if in_len > 1:
                        self._append(o + 1, i + 1, in_len - 1, True)
                else:
                    self._append(o, i - carry, carry + in_len, False)
            else:
                self._append(o, i, in_len, linear)
            i += in_len
            o += out_len
        m.input_length = i
        m.output_length = o
