"""The Dask recipe gives what the single-process command line gives, on worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The integration needs its extra: without it, this module is skipped, and says why.
pytest.importorskip("dask.distributed", reason="needs the [dask] extra: pip install '.[dask]'")

from dask.distributed import Client, LocalCluster

import arnorm
from arnorm import Gazetteer, Matcher, NormalizerConfig
from arnorm.dask import match_bag, normalize_bag, write_jsonl
from arnorm.files import match_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-ar.txt"

#: Sentences around which names are put, with clitics and without.
SENTENCES = [
    "أعلنت السلطات في {} عن توقيف مشتبه بهم،\n",
    "وقال مصدر أمني إن {} يتابع الملف.\r\n",
    "زار الوفد {} ثم عاد.\n",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Twelve files naming shipped entries, one with CRLF line breaks and a byte order mark."""
    folder = tmp_path_factory.mktemp("corpus")
    names = [e.name for g in ("places", "agencies", "officials") for e in arnorm.load_gazetteer(g)]
    paths = []
    for i in range(12):
        lines = [
            SENTENCES[(i + k) % len(SENTENCES)].format(names[(37 * i + 11 * k) % len(names)])
            for k in range(40)
        ]
        path = folder / f"news-{i:02d}.txt"
        text = "".join(lines)
        path.write_bytes(("\ufeff" if i == 3 else "").encode() + text.encode("utf-8"))
        paths.append(path)
    paths.append(folder / "sample-ar.txt")
    paths[-1].write_bytes(SAMPLE.read_bytes())
    return paths


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def cli(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arnorm", *map(str, args)], capture_output=True, check=True
    )


def test_matches_equal_the_command_line(client: Client, corpus: list[Path], tmp_path: Path) -> None:
    cli("match", "--jobs", "1", *corpus, "-o", tmp_path / "cli.jsonl")
    write_jsonl(match_bag(corpus, files_per_partition=3), tmp_path / "dask.jsonl")
    expected = (tmp_path / "cli.jsonl").read_bytes()
    assert expected.count(b"\n") > 300
    assert (tmp_path / "dask.jsonl").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli.jsonl", "dask.jsonl"]


def test_a_users_gazetteer_travels_with_its_index(
    client: Client, corpus: list[Path], tmp_path: Path
) -> None:
    own = tmp_path / "own.jsonl"
    places = arnorm.load_gazetteer("places")
    own.write_text(
        "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in list(places)[:300]),
        encoding="utf-8",
    )
    cli("match", "--jobs", "1", "--gazetteer-file", own, *corpus, "-o", tmp_path / "cli.jsonl")
    matcher = Matcher([Gazetteer.from_path(own)])
    write_jsonl(match_bag(corpus, matcher, files_per_partition=5), tmp_path / "dask.jsonl")
    expected = (tmp_path / "cli.jsonl").read_bytes()
    assert expected
    assert (tmp_path / "dask.jsonl").read_bytes() == expected


def test_records_in_memory_equal_match_file(client: Client, corpus: list[Path]) -> None:
    records = match_bag(corpus[:4], files_per_partition=1).compute()
    assert records == [r for path in corpus[:4] for r in match_file(path)]
    assert records[0]["file"] == str(corpus[0])


def test_normalized_files_equal_the_command_line(
    client: Client, corpus: list[Path], tmp_path: Path
) -> None:
    cli("normalize", "--jobs", "1", "--profile", "light", *corpus, "--output-dir", tmp_path / "cli")
    light = NormalizerConfig.profile("light")
    written = normalize_bag(corpus, tmp_path / "dask", light, files_per_partition=4).compute()
    assert written == [str(tmp_path / "dask" / p.name) for p in corpus]
    for path in corpus:
        assert (tmp_path / "dask" / path.name).read_bytes() == (
            tmp_path / "cli" / path.name
        ).read_bytes()
    crlf = (tmp_path / "dask" / "news-01.txt").read_bytes()
    assert b"\r\n" in crlf


def test_a_bad_file_fails_with_where(client: Client, corpus: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("زار الرباط\n".encode() + b"\xff\n")
    with pytest.raises(ValueError, match=r"bad\.txt:2: cannot decode byte 0xff at byte offset 20"):
        match_bag([corpus[0], bad]).compute()


def test_inputs_with_one_name_twice_are_refused(corpus: list[Path], tmp_path: Path) -> None:
    other = tmp_path / corpus[0].name
    other.write_text("نص", encoding="utf-8")
    with pytest.raises(ValueError, match="two inputs are named"):
        normalize_bag([corpus[0], other], tmp_path / "out")
