"""Worker processes of ``--jobs`` never outlive their run, nor leave its spill directory behind.

The commands run as real subprocesses with a private ``TMPDIR``.  Standard
output is a pipe that the test does not read, so the run stops while the
workers hold spilled output, and the parent is then killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from arnorm import _parallel, normalize

LINE = "زار الوفد الرباط قبل أن يعود إلى أبوظبي والمديرية العامة للأمن الوطني.\n"
#: Lines per input: about 4,000 records of output each, more than a worker keeps in memory.
LINES = 5_000
#: Seconds allowed for anything to happen; generous, for a busy machine.
PATIENCE = 60.0

linux_only = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds the worker processes through /proc"
)


def _stat(pid: int) -> tuple[str, int] | None:
    """The state letter and parent pid of process *pid*, or ``None`` if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _stat(int(entry.name))
            if info is not None and info[1] == parent and info[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if (info := _stat(pid)) is not None and info[0] != "Z"]


def _wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {PATIENCE} s for {what}")
        time.sleep(0.1)


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(6):
        path = tmp_path / f"in{i}.txt"
        path.write_text(LINE * LINES, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def private_tmp(tmp_path: Path) -> Path:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return scratch


def _spill_files(tmp: Path) -> list[Path]:
    return [p for d in tmp.glob(_parallel.SPILL_PREFIX + "*") for p in d.glob("*.out")]


@linux_only
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_and_spill_goes_when_the_parent_is_killed(
    inputs: list[Path], private_tmp: Path, signum: signal.Signals
) -> None:
    env = {**os.environ, "TMPDIR": str(private_tmp), "PYTHONIOENCODING": "utf-8"}
    parent = subprocess.Popen(
        [sys.executable, "-m", "arnorm", "match", "-j", "2", *map(str, inputs)],
        stdout=subprocess.PIPE,  # never read: the run stops with spilled output in hand
        stderr=subprocess.DEVNULL,
        env=env,
    )
    workers: list[int] = []
    try:
        _wait_for(lambda: len(_children(parent.pid)) >= 2, "two workers")
        workers = _children(parent.pid)
        _wait_for(lambda: _spill_files(private_tmp), "a spill file")
        parent.send_signal(signum)
        parent.wait(timeout=PATIENCE)
        _wait_for(lambda: not _alive(workers), f"workers {workers} to exit")
        _wait_for(lambda: not list(private_tmp.iterdir()), "the spill directory to go")
    finally:
        for pid in _alive(workers):  # only if the test failed
            os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
        parent.communicate()


def _orphan_a_worker(directory: Path, *, death_signal: bool) -> int:
    """Fork a process that forks a "worker" set up as _start does, then exits; the worker's pid."""
    ready_r, ready_w = os.pipe()
    pid_r, pid_w = os.pipe()
    middle = os.fork()
    if middle == 0:  # pragma: no cover - runs in the child
        try:
            worker = os.fork()
            if worker == 0:
                if not death_signal:
                    _parallel._set_parent_death_signal = lambda signum: False  # type: ignore[assignment]
                _parallel._die_with_parent(str(directory), os.getppid())
                os.write(ready_w, b"!")
                time.sleep(PATIENCE)
                os._exit(3)  # the worker outlived its parent: the test sees it alive until here
            os.read(ready_r, 1)  # wait until the worker is set up, then die
            os.write(pid_w, b"%d\n" % worker)
        finally:
            os._exit(0)
    _, status = os.waitpid(middle, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    for fd in (ready_r, ready_w, pid_w):
        os.close(fd)
    with os.fdopen(pid_r) as pipe:
        return int(pipe.readline())


@linux_only
@pytest.mark.parametrize("death_signal", [True, False], ids=["pdeathsig", "watchdog-only"])
def test_an_orphaned_worker_removes_the_spill_directory_and_exits(
    tmp_path: Path, death_signal: bool
) -> None:
    spill = tmp_path / (_parallel.SPILL_PREFIX + "run")
    spill.mkdir()
    (spill / "a.out").write_bytes(b"spilled")
    worker = _orphan_a_worker(spill, death_signal=death_signal)
    try:
        _wait_for(lambda: not _alive([worker]), f"worker {worker} to exit")
        assert not spill.exists()
    finally:
        for pid in _alive([worker]):
            os.kill(pid, signal.SIGKILL)


def test_a_later_run_removes_the_spill_directory_of_a_killed_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    # A run killed with all its workers: its directory stays, its lock is free.
    stale = tmp_path / (_parallel.SPILL_PREFIX + "dead")
    stale.mkdir()
    (stale / ".lock").touch()
    (stale / "x.out").write_bytes(b"left over")
    # A live run: its lock is held.
    with _parallel._spill_directory() as live, _parallel._spill_directory() as second:
        assert not stale.exists()
        assert Path(live).is_dir()
        assert Path(second).is_dir()
        # Not a spill directory of ours: no lock file.
        other = tmp_path / (_parallel.SPILL_PREFIX + "other")
        other.mkdir()
        with _parallel._spill_directory():
            assert {Path(live).is_dir(), Path(second).is_dir(), other.is_dir()} == {True}
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]


def test_the_pool_is_capped_by_inputs_and_processors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "available_cpus", lambda: 4)
    assert _parallel.pool_size(1000, 60) == 4
    assert _parallel.pool_size(1000, 3) == 3
    assert _parallel.pool_size(2, 60) == 2
    assert _parallel.pool_size(1000, 1) == 0
    monkeypatch.setattr(_parallel, "available_cpus", lambda: 1)
    assert _parallel.pool_size(1000, 60) == 0


def test_ordered_starts_no_more_workers_than_processors(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []

    class Recording(_parallel.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_parallel, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(_parallel, "available_cpus", lambda: 2)
    items = [str(i) for i in range(8)]
    with _parallel.ordered(
        items, _echo_builder, workers=1000, keep_partial=False, local=lambda item: False
    ) as outcomes:
        got = [(item, outcome.data if outcome else None) for item, outcome in outcomes]
    assert sizes == [2]
    assert got == [(item, item.encode()) for item in items]


def _echo(item: str, out: _parallel.Sink) -> tuple[bool, str]:
    out.write(item.encode())
    return True, ""


def _echo_builder() -> _parallel.Process[str]:
    return _echo


@linux_only
@pytest.mark.parametrize(
    ("group", "signum"), [(True, signal.SIGTERM), (False, signal.SIGKILL)], ids=["group", "parent"]
)
def test_a_stopped_run_leaves_no_temporary_file_of_in_place_workers(
    tmp_path: Path, private_tmp: Path, group: bool, signum: signal.Signals
) -> None:
    """``systemctl stop`` and ``docker stop`` send SIGTERM to every process of the run;
    the OOM killer sends SIGKILL to one."""
    tree = tmp_path / "tree"
    tree.mkdir()
    line = "وتأتي الزيــارة في إطار التعاون الأمني منذ ٢٠٢٤ بين البلدين.\n"
    text = line * 150_000
    for i in range(6):
        (tree / f"in{i}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(private_tmp), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.Popen(
        [sys.executable, "-m", "arnorm", "normalize", "-j", "2", "--in-place", "-r", str(tree)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        _wait_for(lambda: len(_children(run.pid)) >= 2, "two workers")
        workers = _children(run.pid)
        _wait_for(lambda: list(tree.glob(".*.arnorm-tmp")), "a worker's temporary file")
        (os.killpg if group else os.kill)(run.pid, signum)
        run.wait(timeout=PATIENCE)
        _wait_for(lambda: not _alive(workers), f"workers {workers} to exit")
        assert list(tree.glob(".*")) == []
        assert [(p, list(p.iterdir())) for p in private_tmp.iterdir()] == []
        whole = {len(text.encode()), len(normalize(line).encode()) * 150_000}
        for path in tree.iterdir():  # each file whole: the original or normalized
            assert path.stat().st_size in whole
    finally:
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)
        if run.poll() is None:
            run.kill()
            run.wait()
