"""Many inputs: directories (--recursive, --glob), worker processes (--jobs) and failures.

The commands run as real subprocesses of the installed package, so that the
worker processes are real too.  The inputs are small, except one file of a
megabyte and a half, first in the walk: it takes a worker longer than the
others, so the files after it finish first, and its output is larger than what
a worker keeps in memory, so it goes through a spill file.
"""

from __future__ import annotations

import doctest
import io
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from arnorm import PROFILES, Gazetteer, _parallel, _walk, cli

LINES = [
    "استقبل المديـــر العام للأمن الوطني عبد اللطيف حمّوشي وفداً من الإمارات.\n",
    "وتأتي الزيارة في إطار التعاون بين ﺍﻟﻤﻐﺮﺏ و\u200fأبوظبي.\r\n",
    "ثم زار الوفد الرباط قبل أن يعود إلى أبوظبي.\n",
    "وأكد الحموشي بالرباط أن للمديرية العامة للأمن الوطني دوراً.\n",
]
#: Lines that name nobody (so that matching them is quick) but that normalizing changes.
FILLER = [
    "وتأتي الزيــارة في إطار التعاون الأمني منذ ٢٠٢٤ بين البلدين.\n",
    "سطر ثانٍ بلا أسماء، فيه إِلَىٰ و\u200fأيضاً.\r\n",
]
#: The files of the tree, in the order a walk lists them (by name, depth first).
WALKED = [
    "a/big.txt",
    "a/deep/three.txt",
    "a/one.txt",
    "a/two.txt",
    "b.txt",
    "z.txt",
]
BIG_LINES = 15_000  # about 1.2 MB normalized: more than a worker holds in memory


def run(
    command: str, *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "arnorm", command, *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def err(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def files_below(directory: Path) -> list[str]:
    return sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file())


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A tree of text files, with files and links that a walk passes over."""
    root = tmp_path / "tree"
    (root / "a" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i, name in enumerate(WALKED):
        text = "".join(LINES[(i + k) % len(LINES)] for k in range(3))
        if name == "a/big.txt":
            text = "".join(LINES) + "".join(FILLER[k % 2] for k in range(BIG_LINES)) + LINES[2]
        (root / name).write_bytes(text.encode())
    for name in ("a/notes.md", ".hidden/h.txt", ".dot.txt"):
        (root / name).write_bytes(LINES[0].encode())
    (root / "link.txt").symlink_to("b.txt")
    (root / "a" / "up").symlink_to("..")  # a loop, if it were followed
    return root


def records(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


# -- the same output, whatever the number of jobs ----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["match"],
        ["match", "--format", "tsv", "--types", "place"],
        ["normalize"],
        ["normalize", "--explain", "--profile", "light"],
    ],
    ids=lambda args: " ".join(args),
)
def test_jobs_1_and_2_write_the_same_bytes(tree: Path, args: list[str]) -> None:
    command, *options = args
    one = run(command, "-r", tree, "--jobs", "1", *options)
    two = run(command, "-r", tree, "--jobs", "2", *options)
    assert one.returncode == 0, one.stderr
    # normalize's output of the first file is more than a worker holds in memory
    assert len(one.stdout) > (_parallel.SPILL_BYTES if command == "normalize" else 5_000)
    assert (two.returncode, two.stdout, two.stderr) == (0, one.stdout, one.stderr)


def test_match_records_come_in_the_order_of_the_walk(tree: Path) -> None:
    result = run("match", "-r", tree, "-j", "2")
    assert result.returncode == 0, result.stderr
    files = [r["file"] for r in records(result)]
    in_order = list(dict.fromkeys(files))
    assert in_order == [str(tree / name) for name in WALKED]
    assert files == sorted(files, key=in_order.index)  # each file's records together


def test_a_tree_gives_what_its_files_named_in_order_give(tree: Path) -> None:
    result = run("normalize", "-r", tree, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    named = run("normalize", *(tree / name for name in WALKED), "--jobs", "1")
    assert result.stdout == named.stdout


def test_standard_input_among_files_keeps_its_place(tree: Path) -> None:
    text = "زار الرباط\n".encode()
    result = run("match", tree / "a" / "big.txt", "-", tree / "z.txt", "-j", "2", stdin=text)
    assert result.returncode == 0, result.stderr
    files = list(dict.fromkeys(r["file"] for r in records(result)))
    assert files == [str(tree / "a" / "big.txt"), "<stdin>", str(tree / "z.txt")]


# -- which files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        ([], WALKED),
        (["*.md"], ["a/notes.md"]),
        (["*.md", "t*.txt"], ["a/deep/three.txt", "a/notes.md", "a/two.txt"]),
        (["deep/*.txt"], ["a/deep/three.txt"]),
        (["a/*.txt"], ["a/big.txt", "a/one.txt", "a/two.txt"]),
        (["/a/*/*.txt"], ["a/deep/three.txt"]),
        (["/deep/*.txt"], []),
        (["*"], [*WALKED, "a/notes.md"]),
    ],
)
def test_recursive_with_glob_chooses_the_files(
    tree: Path, tmp_path: Path, globs: list[str], expected: list[str]
) -> None:
    out = tmp_path / "out"
    options = [arg for pattern in globs for arg in ("--glob", pattern)]
    result = run("normalize", "-r", tree, "--output-dir", out, *options)
    assert result.returncode == 0, result.stderr
    assert files_below(out) == sorted(expected)
    if not expected:
        assert err(result) == [
            f"arnorm: warning: {tree}: no file below it matches {' or '.join(globs)}"
        ]


def test_output_dir_mirrors_the_tree_and_is_not_walked_itself(tree: Path) -> None:
    out = tree / "a" / "out"
    for _ in range(2):  # the second run finds the first one's output in the tree
        result = run("normalize", "-r", tree, "--output-dir", out, "-j", "2")
        assert result.returncode == 0, result.stderr
        assert files_below(out) == WALKED
    single = run("normalize", tree / "a" / "deep" / "three.txt").stdout
    assert (out / "a" / "deep" / "three.txt").read_bytes() == single


def test_files_named_on_the_command_line_are_read_whatever_their_name(tree: Path) -> None:
    result = run("normalize", "-r", tree / "a" / "notes.md", tree / "link.txt", "--glob", "*.x")
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("normalize", tree / "a" / "notes.md", tree / "b.txt").stdout


def test_in_place_in_parallel(tree: Path, tmp_path: Path) -> None:
    expected = tmp_path / "expected"
    assert run("normalize", "-r", tree, "--output-dir", expected, "-j", "1").returncode == 0
    md = (tree / "a" / "notes.md").read_bytes()
    result = run("normalize", "-r", tree, "--in-place", "--backup", ".orig", "-j", "2")
    assert result.returncode == 0, result.stderr
    for name in WALKED:
        assert (tree / name).read_bytes() == (expected / name).read_bytes()
        assert (tree / (name + ".orig")).exists()
    assert (tree / "a" / "notes.md").read_bytes() == md
    assert (tree / ".hidden" / "h.txt").read_bytes() == LINES[0].encode()


def test_a_directory_without_recursive_is_an_input_error(tree: Path) -> None:
    result = run("match", tree / "a", tree / "b.txt", "-j", "2")
    assert result.returncode == 1
    assert err(result) == [
        f"arnorm: error: {tree / 'a'}: is a directory; use --recursive (-r) to read the files"
        " below it",
        "arnorm: 1 of 2 inputs failed",
    ]
    assert {r["file"] for r in records(result)} == {str(tree / "b.txt")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--glob", "*.txt", "x"], "--glob needs --recursive"),
        (["-r", "--glob", "a//*.txt", "x"], "argument --glob: empty part in glob pattern"),
        (["-r", "--glob", "", "x"], "argument --glob: empty part in glob pattern ''"),
        (["--jobs", "0", "x"], "argument -j/--jobs: must be at least 1, not 0"),
        (["--jobs", "two", "x"], "argument -j/--jobs: not a whole number: 'two'"),
    ],
)
@pytest.mark.parametrize("command", ["match", "normalize"])
def test_usage_errors(command: str, args: list[str], message: str, tmp_path: Path) -> None:
    result = run(command, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert f"arnorm {command}: error: {message}" in result.stderr.decode()


def test_several_files_from_a_tree_into_one_output_file_is_a_usage_error(tree: Path) -> None:
    result = run("normalize", "-r", tree / "a", "-o", tree / "out.txt")
    assert result.returncode == 2
    assert "-o/--output takes one input; use --output-dir for several" in result.stderr.decode()


# -- one bad file among good ones --------------------------------------------------------


BAD_LINE = FILLER[0].encode()
BAD_LINES = 10_000  # past the first block read: what comes before the bad byte is normalized


@pytest.fixture
def bad(tree: Path) -> Path:
    """A file in the tree with a byte that is not UTF-8 on its last line."""
    path = tree / "a" / "deep" / "bad.txt"
    path.write_bytes(BAD_LINE * BAD_LINES + b"ok \xff\n")
    return path


@pytest.mark.parametrize("command", ["match", "normalize"])
def test_one_bad_file_is_reported_and_the_others_go_on(tree: Path, bad: Path, command: str) -> None:
    one = run(command, "-r", tree, "-j", "1")
    two = run(command, "-r", tree, "-j", "2")
    assert (two.returncode, two.stdout, two.stderr) == (1, one.stdout, one.stderr)
    offset = len(BAD_LINE) * BAD_LINES + 3
    assert err(two) == [
        f"arnorm: error: {bad}:{BAD_LINES + 1}: cannot decode byte 0xff at byte offset {offset}"
        " as utf-8",
        f"arnorm: 1 of {len(WALKED) + 1} inputs failed",
    ]
    good = run(command, *(tree / name for name in WALKED), "-j", "2")
    assert good.returncode == 0
    if command == "match":  # an input that fails adds no record
        assert two.stdout == good.stdout
    else:  # what was normalized before the bad byte stays, as when the file is read alone
        partial = run(command, bad).stdout
        assert len(partial) > 500_000
        big = run(command, tree / "a" / "big.txt").stdout
        assert two.stdout == big + partial + good.stdout.removeprefix(big)


def test_match_output_file_is_left_alone_when_a_file_fails(tree: Path, bad: Path) -> None:
    out = tree.parent / "out.jsonl"
    out.write_bytes(b"previous\n")
    result = run("match", "-r", tree, "-o", out, "-j", "2")
    assert result.returncode == 1
    assert out.read_bytes() == b"previous\n"
    assert sorted(p.name for p in tree.parent.iterdir()) == ["out.jsonl", "tree"]
    bad.unlink()
    result = run("match", "-r", tree, "-o", out, "-j", "2")
    assert result.returncode == 0
    assert out.read_bytes() == run("match", "-r", tree, "-j", "1").stdout


def test_output_dir_gets_the_good_files(tree: Path, bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("normalize", "-r", tree, "--output-dir", out, "-j", "2")
    assert result.returncode == 1
    assert files_below(out) == WALKED


# -- pieces --------------------------------------------------------------------------------


def test_walk_and_glob_examples() -> None:
    result = doctest.testmod(_walk, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_walk_reports_a_directory_it_cannot_list(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scandir = os.scandir

    def locked(path: str) -> object:
        if Path(path).name == "deep":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(_walk.os, "scandir", locked)
    found = list(_walk.walk(str(tree), _walk.DEFAULT_PATTERNS))
    assert [(f.relative, f.problem) for f in found if f.problem] == [
        ("a/deep", "Permission denied")
    ]
    assert [f.relative for f in found if not f.problem] == [n for n in WALKED if "deep" not in n]


def test_specs_reach_a_worker_by_pickle(tmp_path: Path) -> None:
    """What a worker gets is data: it builds its own normalizer or matcher from it."""
    decoding = cli._Decoding("utf-8", "strict")
    csv = tmp_path / "mine.csv"
    csv.write_text("id,name,type\nx-valley,وادي النخيل,place\n", encoding="utf-8")
    match = cli._MatchSpec(decoding, (Gazetteer.from_path(csv),), None, 0.0, "longest", False)
    copy = pickle.loads(pickle.dumps(match))  # noqa: S301 - our own object, just pickled
    assert [m.id for m in copy.build().matcher.find("في وادي النخيل")] == ["x-valley"]
    normalize = cli._NormalizeSpec(decoding, PROFILES["light"], False, False, None, False)
    rebuilt = pickle.loads(pickle.dumps(normalize)).build()  # noqa: S301 - the same
    assert rebuilt.normalizer("أ\u0640ب") == "أب"


def test_a_spill_moves_to_a_file_past_its_limit(tmp_path: Path) -> None:
    spill = _parallel.Spill(str(tmp_path), limit=4)
    spill.write(b"abc")
    assert list(tmp_path.iterdir()) == []
    spill.write(b"def")
    outcome = spill.outcome(True, "", keep=True)
    assert outcome.path is not None
    assert outcome.data == b""
    out = io.BytesIO()
    outcome.write_to(out)
    assert out.getvalue() == b"abcdef"
    assert list(tmp_path.iterdir()) == []
    small = _parallel.Spill(str(tmp_path), limit=4)
    small.write(b"ab")
    assert small.outcome(False, "x", keep=False) == _parallel.Outcome(False, "x")
    dropped = _parallel.Spill(str(tmp_path), limit=1)
    dropped.write(b"abc")
    assert dropped.outcome(False, "", keep=False).path is None
    assert list(tmp_path.iterdir()) == []
