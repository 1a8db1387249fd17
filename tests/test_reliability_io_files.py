"""Files written by ``--in-place`` and ``--backup``: never clobbered, never lost, never left half.

Backups are made whole or not at all, never through a symbolic link planted at
their name and never over an earlier backup unless asked; the new file keeps
the owner, group, extended attributes and mode of the one it replaces; the
hidden temporary file goes whatever exception ends the writing.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arnorm import _io

TEXT = "الإمارات، وأبوظبي\r\nإلى مديـــرية الأمن؟\n"
NORMALIZED = "الامارات، وابوظبي\r\nالي مديريه الامن؟\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "arnorm", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def rewrite(path: Path, data: bytes, **options: object) -> None:
    with _io.AtomicFile(str(path), **options) as out:  # type: ignore[arg-type]
        out.write(data)
        out.commit()


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"original")
    return path


# -- backups -------------------------------------------------------------------------------


def test_a_backup_never_writes_through_a_planted_symlink(doc: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / "doc.txt.orig").symlink_to(victim)
    with pytest.raises(FileExistsError) as info:
        rewrite(doc, b"new", backup_suffix=".orig")
    assert info.value.filename == str(doc) + ".orig"
    assert victim.read_bytes() == b"precious"
    assert doc.read_bytes() == b"original"
    assert listing(tmp_path) == ["doc.txt", "doc.txt.orig", "victim"]


def test_overwriting_a_backup_replaces_a_planted_symlink_not_its_target(
    doc: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    backup = tmp_path / "doc.txt.orig"
    backup.symlink_to(victim)
    rewrite(doc, b"new", backup_suffix=".orig", overwrite_backup=True)
    assert victim.read_bytes() == b"precious"
    assert not backup.is_symlink()
    assert backup.read_bytes() == b"original"
    assert doc.read_bytes() == b"new"
    assert listing(tmp_path) == ["doc.txt", "doc.txt.orig", "victim"]


def test_a_second_run_keeps_the_first_backup(doc: Path, tmp_path: Path) -> None:
    rewrite(doc, b"first", backup_suffix=".orig")
    with pytest.raises(FileExistsError, match="backup is already there"):
        rewrite(doc, b"second", backup_suffix=".orig")
    assert (tmp_path / "doc.txt.orig").read_bytes() == b"original"
    assert doc.read_bytes() == b"first"
    assert listing(tmp_path) == ["doc.txt", "doc.txt.orig"]
    rewrite(doc, b"third", backup_suffix=".orig", overwrite_backup=True)
    assert (tmp_path / "doc.txt.orig").read_bytes() == b"first"
    assert doc.read_bytes() == b"third"


def test_a_backup_made_by_another_run_meanwhile_is_not_overwritten(
    doc: Path, tmp_path: Path
) -> None:
    with _io.AtomicFile(str(doc), backup_suffix=".orig") as out:
        out.write(b"new")
        (tmp_path / "doc.txt.orig").write_bytes(b"the other run's backup")
        with pytest.raises(FileExistsError):
            out.commit()
    assert (tmp_path / "doc.txt.orig").read_bytes() == b"the other run's backup"
    assert doc.read_bytes() == b"original"
    assert listing(tmp_path) == ["doc.txt", "doc.txt.orig"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_backup_across_file_systems_is_an_exact_copy(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    real_link = os.link
    doc.chmod(0o640)
    os.utime(doc, ns=(1_000_000_000_000_000_000, 1_500_000_000_123_456_789))

    def no_link_from_the_target(src: object, dst: object) -> None:
        if Path(str(src)) == doc:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_link(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", no_link_from_the_target)
    if overwrite:
        (tmp_path / "victim").write_bytes(b"precious")
        (tmp_path / "doc.txt.orig").symlink_to(tmp_path / "victim")
    rewrite(doc, b"new", backup_suffix=".orig", overwrite_backup=overwrite)
    backup = tmp_path / "doc.txt.orig"
    assert backup.read_bytes() == b"original"
    assert not backup.is_symlink()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640
    assert backup.stat().st_mtime_ns == 1_500_000_000_123_456_789
    assert doc.read_bytes() == b"new"
    assert [name for name in listing(tmp_path) if name.endswith(".arnorm-tmp")] == []


def test_cli_in_place_backup_twice_keeps_the_original(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run("normalize", "--in-place", "--backup", ".orig", path).returncode == 0
    assert path.read_bytes() == NORMALIZED.encode()
    path.write_text(TEXT + "ـ", encoding="utf-8")
    second = run("normalize", "--in-place", "--backup", ".orig", path)
    assert second.returncode == 1
    assert second.stderr == (
        f"arnorm: error: {path}.orig: a backup is already there and is not overwritten"
        " (move it away, or choose another backup suffix)\n"
    )
    assert (tmp_path / "in.txt.orig").read_bytes() == TEXT.encode()
    assert path.read_bytes() == (TEXT + "ـ").encode()
    assert listing(tmp_path) == ["in.txt", "in.txt.orig"]


def test_cli_backup_does_not_follow_a_planted_symlink(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text(TEXT, encoding="utf-8")
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / "in.txt.orig").symlink_to(victim)
    result = run("normalize", "--in-place", "--backup", ".orig", path)
    assert result.returncode == 1
    assert f"{path}.orig: a backup is already there" in result.stderr
    assert victim.read_bytes() == b"precious"
    assert path.read_bytes() == TEXT.encode()


# -- metadata ------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_in_place_keeps_owner_and_group_as_root(doc: Path) -> None:
    os.chown(doc, 65534, 65534)
    doc.chmod(0o4750)
    rewrite(doc, b"new")
    info = doc.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert stat.S_IMODE(info.st_mode) == 0o4750


def test_in_place_keeps_the_group_when_the_owner_cannot_be_set(
    doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []
    info = doc.stat()
    real_stat = Path.stat

    def owned_by_someone_else(self: Path, **kwargs: bool) -> os.stat_result:
        result = real_stat(self, **kwargs)
        if self == doc:
            fields = list(result)
            fields[stat.ST_UID] = info.st_uid + 1
            return os.stat_result(fields)
        return result

    def fchown(fd: int, uid: int, gid: int) -> None:
        calls.append((uid, gid))
        if uid != -1:
            raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(Path, "stat", owned_by_someone_else)
    monkeypatch.setattr(os, "fchown", fchown)
    rewrite(doc, b"new")
    assert calls == [(info.st_uid + 1, info.st_gid), (-1, info.st_gid)]
    monkeypatch.undo()
    assert doc.read_bytes() == b"new"


def test_in_place_keeps_extended_attributes(doc: Path) -> None:
    if not hasattr(os, "setxattr"):
        pytest.skip("no extended attributes on this platform")
    try:
        os.setxattr(doc, "user.note", b"reviewed")
    except OSError as err:
        if err.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
            pytest.skip(f"no user extended attributes here: {err.strerror}")
        raise
    rewrite(doc, b"new", backup_suffix=".orig")
    assert os.getxattr(doc, "user.note") == b"reviewed"
    assert os.getxattr(str(doc) + ".orig", "user.note") == b"reviewed"


def test_in_place_splits_a_hard_link_as_sed_does(doc: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-name"
    os.link(doc, other)
    rewrite(doc, b"new")
    assert doc.read_bytes() == b"new"
    assert other.read_bytes() == b"original"
    assert doc.stat().st_ino != other.stat().st_ino


# -- the temporary file goes on every exception --------------------------------------------


class _FromAHandler(BaseException):
    pass


def _raise_from_handler(signum: int, frame: object) -> None:
    raise _FromAHandler


@pytest.mark.parametrize("exception", [KeyboardInterrupt, SystemExit, _FromAHandler])
@pytest.mark.parametrize("where", ["write", "commit"])
def test_the_temporary_file_goes_on_any_exception(
    doc: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    exception: type[BaseException],
    where: str,
) -> None:
    def interrupt(*args: object) -> None:
        if exception is _FromAHandler:
            previous = signal.signal(signal.SIGUSR1, _raise_from_handler)
            try:
                signal.raise_signal(signal.SIGUSR1)
                time.sleep(1)  # the handler runs before this returns
            finally:
                signal.signal(signal.SIGUSR1, previous)
        raise exception

    def write_and_stop() -> None:
        with _io.AtomicFile(str(doc), backup_suffix=".orig") as out:
            out.write(b"half")
            if where == "commit":
                monkeypatch.setattr(os, "fsync", interrupt)
                out.commit()
            else:
                interrupt()

    with pytest.raises(exception):
        write_and_stop()
    assert doc.read_bytes() == b"original"
    assert listing(tmp_path) == ["doc.txt"]


def test_a_backup_that_cannot_be_made_is_named(doc: Path, tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError) as info:
        rewrite(doc, b"new", backup_suffix="/x")
    assert info.value.filename == str(doc) + "/x"
    assert doc.read_bytes() == b"original"
    assert listing(tmp_path) == ["doc.txt"]


def test_a_signal_right_after_the_temporary_file_is_created_leaves_nothing(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def open_then_interrupted(path: str, flags: int, mode: int = 0o777) -> int:
        real_open(path, flags, mode)
        raise KeyboardInterrupt  # as a handler raises once the system call returned

    monkeypatch.setattr(os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        _io.AtomicFile(str(doc))
    monkeypatch.undo()
    assert listing(tmp_path) == ["doc.txt"]
    assert _io._temporaries == {}


def test_remove_temporaries_removes_only_this_process_s(doc: Path, tmp_path: Path) -> None:
    out = _io.AtomicFile(str(doc))
    out.write(b"half")
    inherited = tmp_path / ".doc.txt.0000.arnorm-tmp"
    inherited.touch()
    _io._temporaries[inherited] = os.getpid() + 1  # as a forked worker sees its parent's
    try:
        _io.remove_temporaries()
        assert listing(tmp_path) == [inherited.name, "doc.txt"]
    finally:
        _io._temporaries.pop(inherited, None)
        out.discard()
    assert _io._temporaries == {}
