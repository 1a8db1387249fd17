"""Finding the input files below a directory, in an order that does not depend on the disk.

:func:`walk` lists the regular files below a directory whose path matches one of
a few glob patterns, depth first, the entries of each directory sorted by name
(code point order), so two runs over the same tree list the same files in the
same order.  Names that begin with ``.`` (``.git``, editor files, the
temporary files that :class:`~arnorm._io.AtomicFile` writes) and symbolic links
are passed over: a link met inside the tree is not followed, so a link that
points back up the tree cannot make the walk go round for ever, and a file is
read under its own name only, not again through a link to it.  (A link given
as the root is followed: the caller named it.)

A pattern matches the path of a file relative to the directory walked, with
``/`` between its parts (:func:`matches`)::

    *.txt          a name ending in .txt, at any depth
    2024/*.txt     a .txt file directly in a directory named 2024, at any depth
    /2024/*.txt    a .txt file directly in 2024, which is directly in the directory walked

``*``, ``?`` and ``[...]`` never match ``/``, and matching is case-sensitive.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from collections.abc import Collection, Iterator, Sequence
from typing import Final

__all__ = ["DEFAULT_PATTERNS", "Found", "check_pattern", "matches", "walk"]

#: The patterns used when none are given.
DEFAULT_PATTERNS: Final = ("*.txt",)


@dataclasses.dataclass(frozen=True)
class Found:
    """A file found by :func:`walk`, or a directory below the root that could not be listed."""

    #: The path to open: the root as given, joined with :attr:`relative`.
    path: str
    #: The path below the root, with ``/`` between its parts.
    relative: str
    #: Why it cannot be read (the operating system's message), or ``None``.
    problem: str | None = None


def check_pattern(pattern: str) -> str:
    """Return *pattern* if :func:`matches` can use it; raise ``ValueError`` if not.

    >>> check_pattern("news/*.txt")
    'news/*.txt'
    >>> check_pattern("news//*.txt")
    Traceback (most recent call last):
    ...
    ValueError: empty part in glob pattern 'news//*.txt'
    """
    parts = pattern.removeprefix("/").split("/")
    if "" in parts:
        raise ValueError(f"empty part in glob pattern {pattern!r}")
    return pattern


def matches(relative: str, pattern: str) -> bool:
    """Whether the ``/``-separated path *relative* matches the glob *pattern*.

    A pattern matches the last parts of the path, as many as it has; one that
    begins with ``/`` must match the whole path.

    >>> matches("2024/05/a.txt", "*.txt"), matches("2024/05/a.txt", "05/*.txt")
    (True, True)
    >>> matches("2024/05/a.txt", "/05/*.txt"), matches("2024/05/a.txt", "/2024/*/a.txt")
    (False, True)
    >>> matches("a.TXT", "*.txt"), matches("2024/a.txt", "*")
    (False, True)
    """
    parts = relative.split("/")
    anchored = pattern.startswith("/")
    wanted = pattern.removeprefix("/").split("/")
    if len(wanted) > len(parts) or (anchored and len(wanted) != len(parts)):
        return False
    tail = parts[len(parts) - len(wanted) :]
    return all(fnmatch.fnmatchcase(part, want) for part, want in zip(tail, wanted, strict=True))


def walk(
    root: str, patterns: Sequence[str], *, exclude: Collection[tuple[int, int]] = ()
) -> Iterator[Found]:
    """The regular files below the directory *root* that match one of *patterns*.

    Depth first, each directory's entries sorted by name; names beginning with
    ``.`` and symbolic links are passed over, and so are the directories whose
    ``(st_dev, st_ino)`` is in *exclude* (the output directory, when it lies
    in the tree).  A directory that cannot be listed is yielded with its
    :attr:`~Found.problem`, and the walk goes on.  The walk keeps a stack, not
    the call stack, so however deep the tree it does not overflow.
    """
    stack: list[tuple[str, Iterator[os.DirEntry[str]]]] = []
    listing = _listing(root, "")
    if isinstance(listing, Found):
        yield listing
        return
    stack.append(("", listing))
    while stack:
        prefix, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        relative = prefix + entry.name
        try:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if exclude and _key(entry) in exclude:
                    continue
                listing = _listing(entry.path, relative)
                if isinstance(listing, Found):
                    yield listing
                else:
                    stack.append((relative + "/", listing))
                continue
            regular = entry.is_file(follow_symlinks=False)
        except OSError as err:  # the entry went away, or cannot be looked at
            yield Found(entry.path, relative, err.strerror or str(err))
            continue
        if regular and any(matches(relative, pattern) for pattern in patterns):
            yield Found(entry.path, relative)


def _listing(directory: str, relative: str) -> Iterator[os.DirEntry[str]] | Found:
    """The entries of *directory*, sorted by name; or why it cannot be listed."""
    try:
        with os.scandir(directory) as entries:
            return iter(sorted(entries, key=lambda entry: entry.name))
    except OSError as err:
        return Found(directory, relative, err.strerror or str(err))


def _key(entry: os.DirEntry[str]) -> tuple[int, int]:
    info = entry.stat(follow_symlinks=False)
    return (info.st_dev, info.st_ino)
