"""Normalize and match a corpus of many files with :mod:`dask.bag` (the ``arnorm[dask]`` extra).

A bag of paths is cut into partitions; each partition runs on a worker, which
reads its files one at a time in bounded chunks.  The matcher travels to the
workers pickled: a matcher of shipped gazetteers as their names and versions
(each worker process builds it once), one of your own gazetteers with its
index.  The records are exactly those ``arnorm match`` writes for the same
files, in the same order, so :func:`write_jsonl` gives the same bytes as
``arnorm match FILE ... -o OUT``.

Nothing here starts a cluster: make a :class:`dask.distributed.Client` (a
``LocalCluster`` of worker processes, or the scheduler of a cluster of
machines) before you call :func:`write_jsonl` or ``compute``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import dask.bag as db

from . import _io
from .files import json_line, match_file, normalize_file
from .matcher import Matcher
from .normalizer import NormalizerConfig

if TYPE_CHECKING:
    Bag = db.Bag
else:
    Bag = Any

__all__ = ["match_bag", "normalize_bag", "write_jsonl"]


def match_bag(
    paths: Iterable[str | os.PathLike[str]],
    matcher: Matcher | None = None,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    files_per_partition: int = 16,
) -> Bag:
    """A bag of the match records of *paths*, in the order of *paths*, then of each text.

    *matcher* defaults to one of all shipped gazetteers.  A file that cannot
    be read or decoded fails its task (and the computation), naming the file,
    line and byte offset; the command line, by contrast, reports it and goes on.
    """
    chosen = Matcher() if matcher is None else matcher
    bag = _paths(paths, files_per_partition).map_partitions(
        _match_partition, chosen, encoding, errors
    )
    return cast("Bag", bag)


def normalize_bag(
    paths: Iterable[str | os.PathLike[str]],
    output_dir: str | os.PathLike[str],
    config: NormalizerConfig | None = None,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    files_per_partition: int = 16,
) -> Bag:
    """A bag that, computed, normalizes each file into *output_dir* and holds the output paths.

    Each output has its input's base name (two inputs with the same base name
    are refused); it is written as ``arnorm normalize FILE -o OUT`` writes it.
    *config* defaults to the ``search`` profile.
    """
    sources = [os.fspath(p) for p in paths]
    names = [Path(p).name for p in sources]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"two inputs are named {twice[0]!r}; outputs would overwrite each other")
    target = os.fspath(output_dir)
    bag = _paths(sources, files_per_partition).map_partitions(
        _normalize_partition, target, config, encoding, errors
    )
    return cast("Bag", bag)


def write_jsonl(records: Bag, path: str | os.PathLike[str]) -> str:
    """Compute *records* and write them to the one file *path* as JSON Lines, in bag order.

    The workers write their partitions next to *path* (so they must see its
    directory: true of a ``LocalCluster``, and of a cluster with a shared
    file system); the parts are then joined in order into a temporary file
    renamed over *path*, so *path* is complete or untouched.  Returns *path*
    as a string.  For object storage, call ``records.map(json.dumps,
    ensure_ascii=False).to_textfiles("s3://…/part-*.jsonl", last_endline=True)``
    instead: the parts, in order, are the same lines.
    """
    target = Path(os.fspath(path))
    parts = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        records.map(_json_line_body).to_textfiles(
            str(parts / "*.part"), name_function=_part_name, last_endline=True
        )
        with _io.open_output(str(target)) as out:
            for part in sorted(parts.iterdir()):
                with part.open("rb") as data:
                    shutil.copyfileobj(data, out)
            out.commit()
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    return str(target)


def _paths(paths: Iterable[str | os.PathLike[str]], files_per_partition: int) -> Bag:
    if files_per_partition < 1:
        raise ValueError("files_per_partition must be at least 1")
    sources = [os.fspath(p) for p in paths]
    if not sources:
        raise ValueError("no paths given")
    return cast("Bag", db.from_sequence(sources, partition_size=files_per_partition))


def _match_partition(
    paths: Iterable[str], matcher: Matcher, encoding: str, errors: str
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in paths:
        out.extend(match_file(path, matcher, encoding=encoding, errors=errors))
    return out


def _normalize_partition(
    paths: Iterable[str],
    output_dir: str,
    config: NormalizerConfig | None,
    encoding: str,
    errors: str,
) -> list[str]:
    Path(output_dir).mkdir(parents=True, exist_ok=True)
    return [
        normalize_file(
            path, Path(output_dir, Path(path).name), config, encoding=encoding, errors=errors
        )
        for path in paths
    ]


def _json_line_body(record: dict[str, object]) -> str:
    return json_line(record)[:-1]  # to_textfiles adds the line break


def _part_name(index: int) -> str:
    return f"{index:08d}"  # names that sort in partition order
