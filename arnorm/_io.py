r"""Streaming input and atomic output for the command line.

Input is read in bounded binary blocks and decoded incrementally
(:func:`decode_blocks`); the decoded text is cut into chunks only where
normalizing the chunks one by one gives exactly what normalizing the whole text
would (:func:`chunk_text`).  Memory stays bounded however large the file:

>>> import io
>>> list(chunk_text(decode_blocks(io.BytesIO("أ\r\nب".encode()), block_size=2)))
['أ\r\n', 'ب']

Output files are written under a temporary name in the target's directory and
renamed over the target only when everything went well (:class:`AtomicFile`),
so a failure never leaves a truncated or half-written file behind.
"""

from __future__ import annotations

import atexit
import codecs
import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Final, Protocol

import regex
import unicodedata2

from . import _chunks

__all__ = [
    "BLOCK_SIZE",
    "MAX_CHUNK_CHARS",
    "AtomicFile",
    "DecodeError",
    "OutputFile",
    "check_encoding",
    "chunk_text",
    "decode_blocks",
    "open_output",
    "remove_temporaries",
]

#: Bytes read from the input at a time.
BLOCK_SIZE: Final = 1 << 20
#: Characters of text held back, at most, while looking for a line break; past
#: this a chunk is cut after a space, before a word.
MAX_CHUNK_CHARS: Final = 4 << 20
#: How far past ``max_chars`` a chunk may grow when it has no cut at all (a
#: multi-megabyte line with no space); then it is cut anyway, between two
#: grapheme clusters, so that memory stays bounded even on such input.
HARD_LIMIT_FACTOR: Final = 4


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


class DecodeError(ValueError):
    """The input holds bytes that are not valid in its encoding (``errors="strict"``)."""

    def __init__(self, name: str, line: int, offset: int, byte: int, encoding: str) -> None:
        self.name = name
        #: The 1-based line of the offending byte, counted by ``b"\\n"``.
        self.line = line
        #: The offset of the offending byte from the start of the input.
        self.offset = offset
        self.byte = byte
        self.encoding = encoding
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"{self.name}:{self.line}: cannot decode byte 0x{self.byte:02x}"
            f" at byte offset {self.offset} as {self.encoding}"
        )


def check_encoding(name: str) -> str:
    """Return *name* if it is a text encoding Python can decode; raise ``LookupError`` if not.

    >>> check_encoding("windows-1256")
    'windows-1256'
    >>> check_encoding("base64")
    Traceback (most recent call last):
    ...
    LookupError: base64 is not a text encoding
    """
    codecs.lookup(name)  # raises LookupError for an unknown name
    try:
        probe = codecs.getincrementaldecoder(name)("strict").decode(b"", True)
    except (TypeError, ValueError):
        probe = None
    if not isinstance(probe, str):  # a bytes-to-bytes codec such as base64
        raise LookupError(f"{name} is not a text encoding")
    return name


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def _named(err: OSError, name: str) -> OSError:
    """Return *err* as an ``OSError`` (of the same subclass) that names the file *name*."""
    return OSError(err.errno, err.strerror or str(err), name)


def decode_blocks(
    stream: _Readable,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    name: str = "<stdin>",
    block_size: int = BLOCK_SIZE,
    progress: Callable[[int], object] | None = None,
) -> Iterator[str]:
    """Read *stream* in blocks of *block_size* bytes and yield the decoded text.

    A UTF-8 byte order mark at the start is dropped (for ``utf-8`` and
    ``utf-8-sig``).  Under ``errors="strict"``, bytes that do not decode raise
    :class:`DecodeError`, which names *name*, the line and the byte offset.
    Read errors are raised as ``OSError`` naming *name*.  *progress*, if
    given, is called with the number of bytes read so far after each block.
    Line breaks are not touched: ``\\r\\n`` stays ``\\r\\n``.
    """
    utf8 = _is_utf8(encoding)
    decoder = codecs.getincrementaldecoder("utf-8" if utf8 else encoding)(errors)
    # A buffered reader's read1 returns what is there instead of waiting for a
    # whole block, so text piped in slowly comes out as it arrives.
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    strip_bom = utf8
    read_so_far = 0
    lines_so_far = 0  # b"\n" in the bytes read so far
    while True:
        try:
            block = read(block_size)
        except OSError as err:
            raise _named(err, name) from None
        read_so_far += len(block)
        lines_so_far += block.count(b"\n")
        try:
            text = decoder.decode(block, not block)
        except UnicodeDecodeError as err:
            # The decoder fails on its own buffer: the undecoded bytes it kept
            # from earlier blocks followed by this block.  That buffer ends
            # where the bytes read so far end.
            bad = err.object
            offset = read_so_far - len(bad) + err.start
            line = 1 + lines_so_far - bad[err.start :].count(b"\n")
            raise DecodeError(name, line, offset, bad[err.start], encoding) from None
        if progress is not None and block:
            progress(read_so_far)
        if strip_bom and text:
            strip_bom = False
            if text[0] == "\ufeff":
                text = text[1:]
        if text:
            yield text
        if not block:
            return


def chunk_text(
    pieces: Iterable[str], *, max_chars: int = MAX_CHUNK_CHARS, hard_limit: int | None = None
) -> Iterator[str]:
    """Join *pieces* of text and cut the result into chunks where text may be cut.

    The chunks concatenate to the input, and normalizing each chunk on its own
    gives exactly what normalizing the whole text gives, for every
    :class:`~arnorm.NormalizerConfig`.  The cuts are those of
    :mod:`arnorm._chunks`, the one rule for every place that cuts text.  A
    chunk ends:

    1. after the last ``\\n`` in the buffer (so ``\\r\\n`` stays together);
    2. if there is none and the buffer holds more than *max_chars*
       characters, after the last horizontal space that is followed by the
       start of a word (never inside a word).

    If no such place exists in *hard_limit* characters (by default
    ``HARD_LIMIT_FACTOR * max_chars``: a line with no space that long), the
    buffer is cut before its last grapheme cluster all the same, to keep
    memory bounded; only there may the result differ from normalizing the
    whole text.

    >>> list(chunk_text(["ab\\ncd", "\\r\\nef"]))
    ['ab\\n', 'cd\\r\\n', 'ef']
    >>> list(chunk_text(["ذهب  إلى  المدرسة"], max_chars=10))
    ['ذهب  إلى  ', 'المدرسة']
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if hard_limit is None:
        hard_limit = HARD_LIMIT_FACTOR * max_chars
    buffer = ""
    checked = 0  # no space cut ends before checked + 1 (looked for already)
    for piece in pieces:
        buffer += piece
        while buffer:
            cut = buffer.rfind("\n") + 1
            if not cut and len(buffer) > max_chars:
                cut = max(0, _chunks.last_cut(buffer, len(buffer), checked))
                # a space at the end may yet be followed by a word start
                checked = max(checked, len(buffer) - 1)
                if not cut and len(buffer) > hard_limit:
                    cut = _last_resort_cut(buffer)
            if not cut:
                break
            yield buffer[:cut]
            buffer = buffer[cut:]
            checked = 0
    if buffer:
        yield buffer


#: How far back the last resort looks for the start of a grapheme cluster.
_CLUSTER_REACH: Final = 256


def _last_resort_cut(text: str) -> int:
    """Before the last grapheme cluster of *text* (or its last starter, in a cluster that long)."""
    start = max(0, len(text) - _CLUSTER_REACH)
    clusters = regex.findall(r"\X", text[start:])
    if len(clusters) > 1:  # (the first may have begun before the window)
        return len(text) - len(clusters[-1])
    combining = unicodedata2.combining
    for i in range(len(text) - 1, 0, -1):
        if combining(text[i]) == 0:
            return i
    return len(text)


# --------------------------------------------------------------------------
# Atomic output.
# --------------------------------------------------------------------------


class OutputFile:
    """Where normalized bytes go: :meth:`write`, then :meth:`commit`, in a ``with`` block.

    Leaving the ``with`` block without :meth:`commit` calls :meth:`discard`.
    Errors are raised as ``OSError`` naming *path*.  Make one with
    :func:`open_output`.
    """

    def __init__(self, path: str, file: BinaryIO) -> None:
        self.path = path
        self._file = file
        self._committed = False

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._committed:
            self.discard()

    def write(self, data: bytes) -> None:
        """Write *data*."""
        try:
            self._file.write(data)
        except OSError as err:
            raise _named(err, self.path) from None

    def commit(self) -> None:
        """Finish writing: everything written is now in *path*."""
        try:
            self._file.close()
        except OSError as err:
            raise _named(err, self.path) from None
        self._committed = True

    def discard(self) -> None:
        """Stop writing after a failure."""
        self._file.close()


class AtomicFile(OutputFile):
    """Bytes written under a temporary name, renamed over *path* by :meth:`commit`.

    The temporary file is created in the directory of *path* (symbolic links
    resolved), so the rename is atomic.  :meth:`commit` flushes and
    ``fsync``\\ s it, gives it the metadata of the file it replaces, keeps the
    old file as ``path + backup_suffix`` if asked, and renames it over the
    target.  Leaving the ``with`` block without :meth:`commit`, by any
    exception (``KeyboardInterrupt``, ``SystemExit`` and exceptions raised by
    signal handlers included), calls :meth:`discard`, which removes the
    temporary file and leaves the target as it was.

    What the new file keeps of the one it replaces, as ``sed -i`` and
    ``perl -i`` users expect:

    * the permission bits, setuid, setgid and sticky bits included (a new
      file gets the usual ``0o666`` less the umask);
    * the owner and group, where the process may set them (as root, or the
      group of a file one owns when one belongs to it); where it may not, the
      new file belongs to the user who runs the command, as with ``sed -i``;
    * the extended attributes (``user.*``; ``security.*`` and ``trusted.*`` where
      the process may set them; POSIX ACLs), on platforms that have them.  An
      attribute the process may not set is left out.

    It does not keep the inode: the rename gives the path a new file, so a
    hard link to the old file elsewhere keeps the old text (``sed -i`` and
    ``perl -i`` do the same), and so do open handles on it.  The
    modification time is that of the rewrite.

    The backup (*backup_suffix*) is the old file itself, linked under its new
    name where the file system allows (the same inode, so with all its
    metadata), or else an exact copy with the same mode, owner, times and
    extended attributes, written under a temporary name first; either way it
    appears whole or not at all, and a symbolic link planted at the backup's
    name is replaced, never followed.  An existing backup is not overwritten
    unless *overwrite_backup*: a second run, or two runs at once, would
    otherwise replace the original text with text already normalized.  That
    is refused with ``FileExistsError`` naming the backup, before anything is
    written, and checked again atomically when the backup is made.
    """

    def __init__(
        self, path: str, *, backup_suffix: str | None = None, overwrite_backup: bool = False
    ) -> None:
        self._target = Path(path).resolve()
        self._backup = path + backup_suffix if backup_suffix else None
        self._overwrite_backup = overwrite_backup
        if self._backup is not None and not overwrite_backup and os.path.lexists(self._backup):
            raise _backup_exists(self._backup)
        trying: list[Path] = []
        try:
            self._tmp, fd = _create_temp(self._target, path, trying)
            file = os.fdopen(fd, "wb")
        except OSError:
            raise
        except BaseException:  # a signal handler raised: the file may be there already
            for tmp in trying:
                _release(tmp, remove=True)
            raise
        super().__init__(path, file)

    def commit(self) -> None:
        """Make the written bytes the content of *path*, atomically."""
        try:
            self._file.flush()
            try:
                old: os.stat_result | None = self._target.stat()
            except FileNotFoundError:
                old = None
            if old is not None:
                _copy_metadata(self._target, old, self._file.fileno(), self._tmp)
            os.fsync(self._file.fileno())
            self._file.close()
            if old is not None and self._backup is not None:
                _make_backup(self._target, old, self._backup, overwrite=self._overwrite_backup)
            self._tmp.replace(self._target)
            _release(self._tmp, remove=False)
        except OSError as err:
            self.discard()
            if err.filename is None or err.filename == str(self._tmp):
                raise _named(err, self.path) from None
            raise
        except BaseException:
            self.discard()
            raise
        self._committed = True
        _sync_directory(self._target.parent)

    def discard(self) -> None:
        """Close and remove the temporary file; the target is left as it was."""
        try:
            self._file.close()
        finally:
            _release(self._tmp, remove=True)


def _backup_exists(backup: str) -> FileExistsError:
    return FileExistsError(
        errno.EEXIST,
        "a backup is already there and is not overwritten"
        " (move it away, or choose another backup suffix)",
        backup,
    )


def _copy_metadata(source: Path, info: os.stat_result, fd: int, path: Path) -> None:
    """Give the open file *fd* (at *path*) the owner, group, extended attributes and mode
    of *source*."""
    if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != _owner(fd):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except PermissionError:
            with contextlib.suppress(OSError):  # at least the group, if we belong to it
                os.fchown(fd, -1, info.st_gid)
    _copy_xattrs(source, fd)
    # After fchown, which may clear setuid.
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(info.st_mode))
    else:  # pragma: no cover - Windows before Python 3.13
        path.chmod(stat.S_IMODE(info.st_mode))


def _owner(fd: int) -> tuple[int, int]:
    info = os.fstat(fd)
    return info.st_uid, info.st_gid


#: Reasons an extended attribute cannot be copied that leave the file usable.
_XATTR_SKIPPED: Final = frozenset(
    {errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EINVAL, errno.ENODATA}
)


def _copy_xattrs(source: Path, fd: int) -> None:
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(source)
    except OSError as err:
        if err.errno in _XATTR_SKIPPED:
            return
        raise
    for name in names:
        try:
            os.setxattr(fd, name, os.getxattr(source, name))
        except OSError as err:
            if err.errno not in _XATTR_SKIPPED:
                raise


def _make_backup(target: Path, info: os.stat_result, backup: str, *, overwrite: bool) -> None:
    """Keep the file *target* (whose status is *info*) as *backup*, whole or not at all."""
    where = Path(backup)
    try:
        if overwrite:
            linked = _free_name(where)
            _temporaries[linked] = os.getpid()
            try:
                os.link(target, linked)
                linked.replace(where)
            finally:
                _release(linked, remove=True)
        else:
            os.link(target, backup)  # fails if anything, a symbolic link too, is there
        return
    except FileExistsError:
        raise _backup_exists(backup) from None
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise _named(err, backup) from None
    # Another file system, or no hard links there: an exact copy, made under a temporary name.
    trying: list[Path] = []
    try:
        tmp, fd = _create_temp(where, backup, trying)
    except OSError:
        raise
    except BaseException:
        for made in trying:
            _release(made, remove=True)
        raise
    try:
        with os.fdopen(fd, "wb") as out, target.open("rb") as original:
            shutil.copyfileobj(original, out, BLOCK_SIZE)
            out.flush()
            _copy_metadata(target, info, out.fileno(), tmp)
            os.fsync(out.fileno())
        os.utime(tmp, ns=(info.st_atime_ns, info.st_mtime_ns))
        if overwrite:
            tmp.replace(where)
        else:
            try:
                os.link(tmp, backup)
            except FileExistsError:
                raise _backup_exists(backup) from None
            except OSError as err:
                if err.errno not in (errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                    raise
                if os.path.lexists(backup):  # no hard links at all: a check, then a rename
                    raise _backup_exists(backup) from None
                tmp.replace(where)
    finally:
        _release(tmp, remove=True)


def open_output(
    path: str, *, backup_suffix: str | None = None, overwrite_backup: bool = False
) -> OutputFile:
    """Open *path* for output: an :class:`AtomicFile`, unless *path* is not a regular file.

    A device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO) cannot be
    replaced by a rename, so it is written directly (and *backup_suffix* and
    *overwrite_backup* are not used).
    """
    try:
        special = not stat.S_ISREG(Path(path).stat().st_mode)
    except FileNotFoundError:
        special = False
    except OSError as err:
        raise _named(err, path) from None
    if not special:
        return AtomicFile(path, backup_suffix=backup_suffix, overwrite_backup=overwrite_backup)
    try:
        return OutputFile(path, Path(path).open("wb"))
    except OSError as err:
        raise _named(err, path) from None


#: The temporary files made here and not yet renamed into place or removed, with the
#: process that made each (a worker made by ``fork`` inherits the table of its parent).
_temporaries: dict[Path, int] = {}


def remove_temporaries() -> None:
    """Remove every temporary file this process made that is still there.

    :class:`AtomicFile` removes its own when it is left without a commit; this
    also covers an exception from a signal handler that lands between the
    creation of the file and the ``with`` block.  It runs at the exit of the
    interpreter (``atexit``), and worker processes call it before they exit on
    a signal.
    """
    pid = os.getpid()
    for path, owner in list(_temporaries.items()):
        if owner == pid:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            _temporaries.pop(path, None)


atexit.register(remove_temporaries)


def _release(tmp: Path, *, remove: bool) -> None:
    """*tmp* is no longer a temporary file of ours: it was renamed, or is removed now."""
    try:
        if remove:
            tmp.unlink(missing_ok=True)
    finally:
        _temporaries.pop(tmp, None)


def _free_name(target: Path) -> Path:
    """A name next to *target* for a temporary file, free at the time of asking."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.arnorm-tmp")


def _create_temp(target: Path, name: str, trying: list[Path] | None = None) -> tuple[Path, int]:
    """Create a new file next to *target*; its path and descriptor.

    *trying*, if given, holds the name being created while it is: if an exception
    from a signal handler cuts this short, the caller removes that file.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    trying = [] if trying is None else trying
    for _ in range(100):
        tmp = _free_name(target)
        trying[:] = [tmp]
        _temporaries[tmp] = os.getpid()  # before it exists: a signal may come right after
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            trying.clear()  # someone else's
            _temporaries.pop(tmp, None)
            continue
        except OSError as err:
            _temporaries.pop(tmp, None)
            raise _named(err, name) from None
    raise FileExistsError(f"{name}: cannot create a temporary file next to it")


def _sync_directory(directory: Path) -> None:
    """Make a rename in *directory* durable, where the platform allows it (POSIX)."""
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
