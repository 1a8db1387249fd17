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

Workers never outlive the run.  Each worker watches the process that started
it: on Linux the kernel sends it ``SIGTERM`` when that process dies
(``prctl(PR_SET_PDEATHSIG)``), and on every platform a watchdog thread checks
every :data:`WATCHDOG_SECONDS` whether its parent changed.  A worker that finds
itself orphaned (its parent killed by ``SIGKILL``, the OOM killer, or a
``SIGTERM`` that stopped it without cleaning up) removes the spill directory
and exits at once.  The spill directory is named ``arnorm-*`` in the temporary
directory and holds a lock for as long as any process of the run is alive; a
later run removes every such directory whose lock is free, so only the files
of a run whose workers were killed together with it (``kill -9`` to the whole
process group) can remain, and only until the next run with ``--jobs``.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, Final, NoReturn, Protocol, TypeAlias, TypeVar

from . import _io

__all__ = [
    "AHEAD",
    "SPILL_BYTES",
    "WATCHDOG_SECONDS",
    "Outcome",
    "Sink",
    "Spill",
    "available_cpus",
    "ordered",
    "pool_size",
]

#: Bytes of one input's output a worker keeps in memory before it writes them to a file.
SPILL_BYTES: Final = 1 << 20
#: Inputs handed out per worker, counting the one whose output the caller is writing.
AHEAD: Final = 2
#: How often a worker checks that the process that started it is still there.
WATCHDOG_SECONDS: Final = 0.5
#: The prefix of a run's spill directory, in the temporary directory.
SPILL_PREFIX: Final = "arnorm-"
#: The file in a spill directory that the run keeps locked while it lives.
_LOCK_NAME: Final = ".lock"

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
_PR_SET_PDEATHSIG: Final = 1
#: Seconds an orphaned worker gives the input in hand to unwind before it exits anyway.
_GRACE: Final = 5.0
#: Seconds a worker sent ``SIGTERM`` waits to see whether its parent died.
_PARENT_SETTLES: Final = 1.0
#: Whether this worker is working on an input (in :func:`_run`).
_busy = False
#: Whether this worker got ``SIGTERM`` and is unwinding the input in hand.
_terminating = False


class _Terminated(BaseException):
    """Raised in a worker by ``SIGTERM`` to unwind the input in hand, so its temporary files go.

    A ``BaseException``, so that no ``except Exception`` in the work stops it.
    """


def _start(build: Callable[[], Process[Any]], directory: str, parent: int) -> None:
    """Set up a worker: leave Ctrl-C to the parent, which waits for the input in hand,
    and die with the parent (*parent* is the pid of the process that runs :func:`ordered`)."""
    global _process  # one per worker process, by design
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(directory, parent)
    _process = build()


def _stop() -> NoReturn:  # pragma: no cover - replaced by _die_with_parent in a worker
    os._exit(1)


def _die_with_parent(directory: str, parent: int) -> None:
    """Make ``SIGTERM`` stop this worker cleanly, and exit, removing *directory*, as soon
    as this worker is orphaned."""
    global _stop
    started_by = os.getppid()

    def orphaned() -> bool:
        if os.getppid() != started_by:
            return True
        # Under the forkserver or spawn start methods the parent is a helper process;
        # the run itself is *parent*.
        return parent != started_by and not _alive(parent)

    def stop() -> NoReturn:
        # The parent-death signal may come before the new parent shows (it does so under
        # gVisor, for one): give it a moment to show.
        deadline = time.monotonic() + _PARENT_SETTLES
        while not orphaned() and time.monotonic() < deadline:
            time.sleep(0.01)
        if orphaned():
            _orphan_exit(directory)
        # The parent is alive and stopping us (or the whole group was sent SIGTERM):
        # die of the signal, as a worker always did; the parent cleans up.
        _io.remove_temporaries()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        os._exit(128 + signal.SIGTERM)  # pragma: no cover - the signal came first

    def on_term(signum: int, frame: object) -> None:
        global _terminating
        if _terminating:  # unwinding already; a second signal must not cut it short
            return
        if _busy:
            _terminating = True
            raise _Terminated
        stop()

    _stop = stop
    signal.signal(signal.SIGTERM, on_term)
    _set_parent_death_signal(signal.SIGTERM)
    if orphaned():  # the parent died before the death signal was armed
        _orphan_exit(directory)

    def watch() -> None:
        while not orphaned():
            time.sleep(WATCHDOG_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)  # unwinds the input in hand in the main thread
        time.sleep(_GRACE)
        _orphan_exit(directory)

    threading.Thread(target=watch, name="arnorm-watchdog", daemon=True).start()


def _set_parent_death_signal(signum: int) -> bool:
    """Ask Linux to send *signum* to this process when its parent dies; ``False`` elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0)
    except (OSError, AttributeError):  # pragma: no cover - no libc or no prctl
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _orphan_exit(directory: str) -> None:
    """The run is gone: remove its spill directory and exit without any further cleanup."""
    _io.remove_temporaries()
    shutil.rmtree(directory, ignore_errors=True)
    os._exit(1)


def _run(item: object, directory: str, keep_partial: bool) -> Outcome:
    """Process *item* in a worker; the output is kept if it succeeded or *keep_partial*.

    ``SIGTERM`` while the input is processed unwinds it (an :class:`~arnorm._io.AtomicFile`
    removes its temporary file), removes its spill file, and ends the worker.
    """
    global _busy
    if _process is None:  # pragma: no cover - _start always runs first
        raise RuntimeError("the worker was not started")
    spill = Spill(directory)
    try:
        _busy = True
        ok, report = _process(item, spill)
    except _Terminated:
        _busy = False
        with contextlib.suppress(OSError):  # the spill directory may be gone already
            spill.outcome(False, "", keep=False)
        _stop()
    except BaseException:
        spill.outcome(False, "", keep=False)
        raise
    finally:
        _busy = False
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
    process can read), and every item if :func:`pool_size` of *workers*
    and the other items is 0, comes with ``None``: the caller processes it
    itself, in its turn.  *workers* is capped at the number of items for the
    pool and at :func:`available_cpus`.  The output
    of an item that fails is dropped unless *keep_partial*.  Leaving the
    ``with`` block early cancels the items not yet started and waits for
    those in hand.
    """
    workers = pool_size(workers, sum(not local(item) for item in items))
    if workers < 1:
        yield ((item, None) for item in items)
        return
    with _spill_directory() as directory:
        executor = ProcessPoolExecutor(
            workers, initializer=_start, initargs=(build, directory, os.getpid())
        )
        try:
            yield _in_order(executor, items, directory, keep_partial, local, AHEAD * workers)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def available_cpus() -> int:
    """The number of processors this process may run on (its affinity mask, where known)."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return int(count() or 1)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def pool_size(wanted: int, inputs: int) -> int:
    """How many worker processes to start for *inputs* inputs when *wanted* are asked for.

    Never more than the inputs nor than :func:`available_cpus`; ``0`` (no pool:
    everything runs in the calling process) when that leaves fewer than two,
    since one worker would only add the cost of starting it.

    >>> pool_size(1000, 3) <= 3, pool_size(4, 1), pool_size(0, 10)
    (True, 0, 0)
    """
    size = min(wanted, inputs, available_cpus())
    return size if size >= 2 else 0


@contextlib.contextmanager
def _spill_directory() -> Iterator[str]:
    """A new spill directory, locked while this run (or any of its workers) lives.

    Stale directories of earlier runs, whose lock nobody holds any longer, are
    removed first.
    """
    base = tempfile.gettempdir()
    _sweep(base)
    directory = tempfile.mkdtemp(prefix=SPILL_PREFIX, dir=base)
    lock = _lock(directory)
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        if lock is not None:
            os.close(lock)


def _lock(directory: str) -> int | None:
    """Lock a file in *directory*; the lock goes when the last process holding it dies."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no sweeping of stale directories
        return None
    # Locked under another name, then renamed: a sweep never sees it unlocked.
    fd, path = tempfile.mkstemp(dir=directory)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    Path(path).replace(Path(directory, _LOCK_NAME))
    return fd


def _sweep(base: str) -> None:
    """Remove the spill directories in *base* left by runs that were killed."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith(SPILL_PREFIX)]
    except OSError:
        return
    uid = os.getuid()
    for entry in entries:
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != uid:
                continue
            fd = os.open(Path(entry.path, _LOCK_NAME), os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:  # no lock file: not ours, or being set up right now
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a live run holds it
            os.close(fd)
            continue
        try:
            shutil.rmtree(entry.path, ignore_errors=True)
        finally:
            os.close(fd)


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
