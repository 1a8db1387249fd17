"""Running the inputs of one command in worker processes, with the results in input order.

:func:`ordered` hands the inputs to a
:class:`~concurrent.futures.ProcessPoolExecutor`, at most :data:`AHEAD` per
worker ahead of the one the caller is writing, and gives back each one's
:class:`Outcome` in input order: what the caller writes from them comes out
exactly as a run in one process writes it, whichever worker finishes first.

Each worker builds what it needs (a normalizer, a matcher) once, when it
starts, by calling the *build* function it is given; *build* is pickled to
reach the worker, so it must be a function of a module or a method of a
picklable object such as a frozen dataclass of options.  The worker writes an
input's output into a :class:`Spill`: in memory up to :data:`SPILL_BYTES`,
then in a file of a temporary directory that lasts as long as the run, so
memory stays bounded however large the outputs and however many inputs wait
for their turn.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, Final, Protocol, TypeAlias, TypeVar

__all__ = ["AHEAD", "SPILL_BYTES", "Outcome", "Sink", "Spill", "ordered"]

#: Bytes of one input's output a worker keeps in memory before it writes them to a file.
SPILL_BYTES: Final = 1 << 20
#: Inputs handed out per worker, counting the one whose output the caller is writing.
AHEAD: Final = 2

Item = TypeVar("Item")


class Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


#: What is done to one input: write its output to the sink; return whether it
#: succeeded and the text to write on standard error (errors, reports).
Process: TypeAlias = Callable[[Item, Sink], tuple[bool, str]]


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a worker made of one input: its output (in :attr:`data` or in :attr:`path`)."""

    ok: bool
    #: Text for standard error: the error that stopped the input, or a report.
    report: str = ""
    #: The output, if it was small enough to be held in memory ...
    data: bytes = b""
    #: ... or the file that holds all of it; :meth:`write_to` removes it.
    path: str | None = None

    def write_to(self, out: Sink) -> None:
        """Write the output to *out*, and remove the file that held it, if any."""
        if self.path is None:
            if self.data:
                out.write(self.data)
            return
        with Path(self.path).open("rb") as spilled:
            shutil.copyfileobj(spilled, out, SPILL_BYTES)
        Path(self.path).unlink()


class Spill:
    """A sink that keeps up to *limit* bytes in memory, then moves them to a file in *directory*."""

    def __init__(self, directory: str, limit: int = SPILL_BYTES) -> None:
        self._directory = directory
        self._limit = limit
        self._memory = bytearray()
        self._file: BinaryIO | None = None
        self._path: str | None = None

    def write(self, data: bytes) -> None:
        """Add *data*."""
        if self._file is None:
            if len(self._memory) + len(data) <= self._limit:
                self._memory += data
                return
            fd, self._path = tempfile.mkstemp(suffix=".out", dir=self._directory)
            self._file = os.fdopen(fd, "wb")
            self._file.write(self._memory)
            self._memory = bytearray()
        self._file.write(data)

    def outcome(self, ok: bool, report: str, *, keep: bool) -> Outcome:
        """Close the spill and hand over what it holds (nothing unless *keep*)."""
        if self._file is not None:
            self._file.close()
        if not keep:
            if self._path is not None:
                Path(self._path).unlink()
            return Outcome(ok, report)
        return Outcome(ok, report, bytes(self._memory), self._path)


# The worker's own state, built once by _start.
_process: Callable[[Any, Sink], tuple[bool, str]] | None = None


def _start(build: Callable[[], Process[Any]]) -> None:
    """Set up a worker: leave Ctrl-C to the parent, which waits for the input in hand."""
    global _process  # one per worker process, by design
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _process = build()


def _run(item: object, directory: str, keep_partial: bool) -> Outcome:
    """Process *item* in a worker; the output is kept if it succeeded or *keep_partial*."""
    if _process is None:  # pragma: no cover - _start always runs first
        raise RuntimeError("the worker was not started")
    spill = Spill(directory)
    try:
        ok, report = _process(item, spill)
    except BaseException:
        spill.outcome(False, "", keep=False)
        raise
    return spill.outcome(ok, report, keep=ok or keep_partial)


@contextlib.contextmanager
def ordered(
    items: Sequence[Item],
    build: Callable[[], Process[Item]],
    *,
    workers: int,
    keep_partial: bool,
    local: Callable[[Item], bool],
) -> Iterator[Iterator[tuple[Item, Outcome | None]]]:
    """The outcome of each of *items*, in order, processed by *workers* worker processes.

    An item for which *local* is true (standard input, which only this
    process can read), and every item if *workers* is less than 1, comes
    with ``None``: the caller processes it itself, in its turn.  The output
    of an item that fails is dropped unless *keep_partial*.  Leaving the
    ``with`` block early cancels the items not yet started and waits for
    those in hand.
    """
    if workers < 1:
        yield ((item, None) for item in items)
        return
    with tempfile.TemporaryDirectory(prefix="arnorm-") as directory:
        executor = ProcessPoolExecutor(workers, initializer=_start, initargs=(build,))
        try:
            yield _in_order(executor, items, directory, keep_partial, local, AHEAD * workers)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def _in_order(
    executor: ProcessPoolExecutor,
    items: Sequence[Item],
    directory: str,
    keep_partial: bool,
    local: Callable[[Item], bool],
    window: int,
) -> Iterator[tuple[Item, Outcome | None]]:
    pending: collections.deque[tuple[Item, Future[Outcome] | None]] = collections.deque()
    upcoming = iter(items)
    while True:
        for item in upcoming:
            future = None if local(item) else executor.submit(_run, item, directory, keep_partial)
            pending.append((item, future))
            if len(pending) >= window:
                break
        if not pending:
            return
        item, future = pending.popleft()
        yield item, None if future is None else future.result()
