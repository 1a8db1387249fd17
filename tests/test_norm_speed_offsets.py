"""Offsets of deletions held as a mask: the same map as one entry a run."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from arnorm import _align

earlier = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans()), max_size=3).map(
    lambda xs: [(i, i if linear else o, linear) for i, o, linear in xs if i or o]
)
masks = st.lists(st.sampled_from([0, 0, 1]), max_size=700).map(bytes)


def _maps(
    before: list[_align.Segment], mask: bytes, after: list[_align.Segment]
) -> tuple[_align.OffsetMap, _align.OffsetMap]:
    held, add_held = _align.offset_map_builder()
    listed, add_listed = _align.offset_map_builder()
    for add, batch in ((add_held, _align.Deletions(mask)), (add_listed, segments_of(mask))):
        add(before)
        add(batch)
        add(after)
    return held, listed


def segments_of(mask: bytes) -> list[_align.Segment]:
    """One segment a character: the obvious alignment of the mask."""
    return [(1, 0, False) if m else (1, 1, True) for m in mask]


@given(earlier, masks, earlier)
def test_a_held_mask_maps_every_span_as_its_segments_do(
    before: list[_align.Segment], mask: bytes, after: list[_align.Segment]
) -> None:
    held, listed = _maps(before, mask, after)
    assert (held.input_length, held.output_length) == (listed.input_length, listed.output_length)
    n = listed.output_length
    for i in range(n + 1):
        assert held.to_original(i, i) == listed.to_original(i, i)
        for j in range(i + 1, min(n, i + 3) + 1):
            assert held.to_original(i, j) == listed.to_original(i, j)
            assert held._span(i, j) == listed.to_original(i, j)
    assert held == listed


@given(masks)
def test_the_segments_of_a_mask_are_its_runs(mask: bytes) -> None:
    segments = _align.Deletions(mask).segments()
    assert sum(s[0] for s in segments) == len(mask)
    assert sum(s[1] for s in segments) == mask.count(0)
    assert all(a[2] != b[2] for a, b in itertools.pairwise(segments))


def test_a_long_mask_is_one_entry() -> None:
    mask = bytes([0, 1, 1] * 10_000)
    held, listed = _maps([], mask, [])
    assert len(held._out_starts) < 5 < len(listed._out_starts)
    assert held.to_original(5_000, 5_001) == (15_000, 15_003)
