"""One error path for the command line: every failure is ``arnorm: error: ...`` with the
documented exit status, one bad input never stops the others, and SIGTERM cleans up as
SIGINT does.  Run as real subprocesses (signals, pipes, /dev/full), except where a fault
has to be injected into one input in this process."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import arnorm
from arnorm import cli, files
from arnorm import gazetteer as gz

TEXT = "زار عبد اللطيف حموشي الرباط\n"


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", **extra}


def arnorm_cmd(*args: str | Path | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "arnorm", *(a if isinstance(a, bytes) else str(a) for a in args)]


def run(
    *args: str | Path | bytes, stdin: bytes = b"", timeout: float = 60, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        arnorm_cmd(*args),
        input=stdin,
        capture_output=True,
        env=env(),
        timeout=timeout,
        check=False,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / name for name in ("a.txt", "b.txt", "c.txt")]
    for path in paths:
        path.write_text(TEXT, encoding="utf-8")
    return paths


# -- one bad input never stops the others -----------------------------------------------------


@pytest.mark.parametrize("error", [MemoryError, RecursionError, AssertionError])
def test_any_exception_in_one_input_is_reported_and_the_others_go_on(
    three: list[Path],
    error: type[BaseException],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = files.lined

    def lined(matcher: arnorm.Matcher, chunks: Iterator[str]) -> Iterator[tuple[int, object]]:
        text = "".join(chunks)
        if "بوم" in text:
            raise error("deep inside")
        return real(matcher, iter([text]))

    monkeypatch.setattr(files, "lined", lined)
    three[1].write_text("بوم " + TEXT, encoding="utf-8")
    status = cli.main(["match", "-j", "1", *map(str, three)])
    out, err = capsys.readouterr()
    assert status == 1
    assert {json.loads(line)["file"] for line in out.splitlines()} == {str(three[0]), str(three[2])}
    name = error.__name__
    detail = "out of memory: deep inside" if error is MemoryError else "deep inside"
    assert err == (f"arnorm: error: {three[1]}: {name}: {detail}\narnorm: 1 of 3 inputs failed\n")


def test_a_codec_error_in_one_input_under_jobs_is_reported_and_the_others_go_on(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(b"abc-")  # punycode for "abc"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"xn--abc\n")  # punycode raises UnicodeError, not UnicodeDecodeError
    for jobs in ("1", "2"):
        result = run("normalize", "--encoding", "punycode", "-j", jobs, good, bad, good)
        assert result.returncode == 1
        assert result.stdout == b"abcabc"
        assert result.stderr.decode() == (
            f"arnorm: error: {bad}: UnicodeError: Invalid extended code point '\\n'\n"
            "arnorm: 1 of 3 inputs failed\n"
        )


# -- global failures are messages, not tracebacks --------------------------------------------


def test_a_damaged_shipped_gazetteer_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    package = Path(arnorm.__file__).parent
    shutil.copytree(package, tmp_path / "arnorm")
    shipped = gz._data_dir()
    if shipped.is_relative_to(package):  # an installed wheel: the data is in the package
        data = tmp_path / "arnorm" / shipped.relative_to(package)
    else:  # a source tree: beside it
        data = tmp_path / "gazetteers"
        shutil.copytree(shipped, data)
    places = data / gz._release("places", None)["file"]  # the latest, which match loads
    stored = places.read_bytes()
    places.write_bytes(stored[:-1] + bytes([stored[-1] ^ 1]))
    sample = tmp_path / "in.txt"
    sample.write_text(TEXT, encoding="utf-8")
    for args in (
        ["match", str(sample)],
        ["match", "--gazetteer", "places", str(sample)],
        ["gazetteer", "show", "places"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "arnorm", *args],
            capture_output=True,
            env=env(PYTHONPATH=str(tmp_path)),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1, args
        stderr = result.stderr.decode()
        assert stderr.startswith("arnorm: error: places@"), args
        assert "does not match its SHA-256" in stderr
        assert "Traceback" not in stderr


def test_a_gazetteer_file_that_breaks_the_parser_is_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 200_000 + "\n", encoding="utf-8")
    sample = tmp_path / "in.txt"
    sample.write_text(TEXT, encoding="utf-8")
    for args in (["match", "--gazetteer-file", deep, sample], ["gazetteer", "validate", deep]):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr.decode().startswith(f"arnorm: error: {deep}") or (
            result.stderr.decode().startswith(f"{deep}")
        )
        assert b"Traceback" not in result.stderr


def _fails_on_a_full_standard_output(*args: str | Path) -> None:
    """``arnorm ARGS > /dev/full``: status 1 and one clean line, never a traceback."""
    with Path("/dev/full").open("wb") as full:
        result = subprocess.run(
            arnorm_cmd(*args),
            stdout=full,
            stderr=subprocess.PIPE,
            env=env(),
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.decode() == "arnorm: error: <stdout>: No space left on device\n"


@pytest.mark.parametrize(("jobs", "inputs"), [("2", 3), ("1", 1)])
def test_a_full_standard_output_is_an_error_of_the_output_not_a_traceback(
    three: list[Path], jobs: str, inputs: int
) -> None:
    _fails_on_a_full_standard_output("normalize", "-j", jobs, *three[:inputs])


def test_writing_over_standard_input_is_refused_not_a_hang() -> None:
    result = run("normalize", "-", "-o", "/dev/stdin", stdin=b"abc\n", timeout=30)
    assert result.returncode == 2
    assert result.stderr.decode().endswith(
        "error: output /dev/stdin is the input <stdin>; use --in-place to rewrite it\n"
    )


def test_standard_input_that_is_a_device_is_not_the_output() -> None:
    with Path(os.devnull).open("rb") as null:
        result = subprocess.run(
            arnorm_cmd("normalize", "-o", os.devnull),
            stdin=null,
            capture_output=True,
            env=env(),
            timeout=60,
            check=False,
        )
    assert (result.returncode, result.stderr) == (0, b"")


@pytest.mark.parametrize("command", ["normalize", "match"])
def test_control_characters_of_file_names_are_escaped_in_messages(
    tmp_path: Path, command: str
) -> None:
    name = os.fsencode(tmp_path) + b"/a\x1b[31mb\nc\xe9.txt"
    result = run(command, name)
    assert result.returncode == 1
    assert result.stderr == (
        b"arnorm: error: " + os.fsencode(tmp_path) + b"/a\\x1b[31mb\\nc\\xe9.txt:"
        b" No such file or directory\n"
    )


def test_standard_input_is_named_alike_in_records_and_messages() -> None:
    result = run("match", "-", stdin=TEXT.encode() + b"\xff\n")
    assert result.returncode == 1
    assert result.stderr.decode().startswith("arnorm: error: <stdin>:2: cannot decode byte 0xff")
    ok = run("match", stdin=TEXT.encode())
    assert {json.loads(line)["file"] for line in ok.stdout.splitlines()} == {"<stdin>"}


# -- a closed pipe ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["match"], ["match", "--format", "tsv"], ["normalize"], ["normalize", "-j", "2"]]
)
def test_a_closed_pipe_ends_quietly_with_status_0(tmp_path: Path, args: list[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text(TEXT * 20_000, encoding="utf-8")  # far more than a pipe holds
    other = tmp_path / "other.txt"
    other.write_text(TEXT * 20_000, encoding="utf-8")
    with subprocess.Popen(
        arnorm_cmd(*args, big, other), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env()
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.read(100)
        proc.stdout.close()  # what `| head -c 100` does
        stderr = proc.stderr.read()
        status = proc.wait(timeout=60)
    assert (status, stderr) == (0, b"")


def test_a_closed_pipe_after_gazetteer_output_ends_quietly() -> None:
    with subprocess.Popen(
        arnorm_cmd("gazetteer", "show", "places", "country-ma"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        stderr = proc.stderr.read()
        status = proc.wait(timeout=60)
    assert (status, stderr) == (0, b"")


# -- signals ---------------------------------------------------------------------------------

#: Runs the real command line, holding each input after its first chunk: the process (or the
#: worker) appends its pid to READY and sleeps, so that a test can signal it mid-input.
HARNESS = """
import os, sys, time
from pathlib import Path
from arnorm import _io, cli

ready = Path(sys.argv[1])
_io.MAX_CHUNK_CHARS = 64  # several chunks for a small file
real = _io.chunk_text

def chunk_text(pieces, **kw):
    for i, chunk in enumerate(real(pieces, **kw)):
        yield chunk
        if i == 0:
            with ready.open("a") as f:
                f.write(f"{os.getpid()}\\n")
            time.sleep(120)

_io.chunk_text = chunk_text
sys.exit(cli.main(sys.argv[2:]))
"""


@contextlib.contextmanager
def held(tmp_path: Path, *args: str | Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """The command line on *args*, started and held in its first input (see HARNESS)."""
    ready = tmp_path / "ready"
    spill_parent = tmp_path / "tmp"
    spill_parent.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", HARNESS, str(ready), *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env(TMPDIR=str(spill_parent)),
    ) as proc:
        try:
            deadline = time.monotonic() + 60
            while not (ready.exists() and ready.read_text().endswith("\n")):
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else b""
                assert time.monotonic() < deadline, "the command never reached its first chunk"
                time.sleep(0.05)
            yield proc, ready
        finally:
            proc.kill()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "doc.txt"
    path.parent.mkdir()
    path.write_text("الإمـــارات\n" * 200, encoding="utf-8")
    return path


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_in_place_leaves_the_input_and_no_temporary_file(
    tmp_path: Path, document: Path, sig: signal.Signals, status: int
) -> None:
    before = document.read_bytes()
    with held(tmp_path, "normalize", "--in-place", document) as (proc, _):
        assert len(list(document.parent.iterdir())) == 2  # the input and the temporary file
        proc.send_signal(sig)
        assert proc.wait(timeout=30) == status
        assert proc.stderr is not None
        assert proc.stderr.read() == b""
    assert [p.name for p in document.parent.iterdir()] == ["doc.txt"]
    assert document.read_bytes() == before


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_under_jobs_stops_the_workers_and_removes_the_spill_directory(
    tmp_path: Path, three: list[Path], sig: signal.Signals, status: int
) -> None:
    for path in three:
        path.write_text(TEXT * 20, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    workers: set[int] = set()
    try:
        with held(tmp_path, "match", "-j", "2", *three, "-o", out) as (proc, ready):
            workers = set(_children(proc.pid)) | {int(p) for p in ready.read_text().split()}
            assert proc.pid not in workers
            assert [p.name[:7] for p in (tmp_path / "tmp").iterdir()] == ["arnorm-"]
            proc.send_signal(sig)  # the parent only, as `kill PID` or `timeout` does
            assert proc.wait(timeout=30) == status
            assert proc.stderr is not None
            assert proc.stderr.read() == b""
        deadline = time.monotonic() + 15
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
        assert list((tmp_path / "tmp").iterdir()) == []
        assert not out.exists()
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# -- one exit-status policy (the table in docs/cli.rst) --------------------------------------


def _status_of(row: str, tmp_path: Path) -> int:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    commands: dict[str, list[str | Path]] = {
        "normalize ok": ["normalize", good],
        "match ok": ["match", good],
        "gazetteer ok": ["gazetteer", "list"],
        "normalize missing input": ["normalize", tmp_path / "missing"],
        "match missing input": ["match", good, tmp_path / "missing"],
        "match invalid gazetteer file": ["match", "--gazetteer-file", bad, good],
        "gazetteer validate invalid file": ["gazetteer", "validate", bad],
        "normalize bad option": ["normalize", "--profile", "strong", good],
        "match unknown gazetteer": ["match", "--gazetteer", "nosuch", good],
        "match unknown version": ["match", "--gazetteer", "places@9.9.9", good],
        "gazetteer show unknown gazetteer": ["gazetteer", "show", "nosuch"],
        "gazetteer show unknown version": ["gazetteer", "show", "places@9.9.9"],
        "gazetteer diff unknown version": ["gazetteer", "diff", "places", "1.0.0", "9.9.9"],
        "unknown command": ["frobnicate"],
    }
    return run(*commands[row]).returncode


@pytest.mark.parametrize(
    ("row", "status"),
    [
        ("normalize ok", 0),
        ("match ok", 0),
        ("gazetteer ok", 0),
        ("normalize missing input", 1),
        ("match missing input", 1),
        ("match invalid gazetteer file", 1),
        ("gazetteer validate invalid file", 1),
        ("normalize bad option", 2),
        ("match unknown gazetteer", 2),
        ("match unknown version", 2),
        ("gazetteer show unknown gazetteer", 2),
        ("gazetteer show unknown version", 2),
        ("gazetteer diff unknown version", 2),
        ("unknown command", 2),
    ],
)
def test_the_exit_status_policy(tmp_path: Path, row: str, status: int) -> None:
    assert _status_of(row, tmp_path) == status


def test_the_exit_statuses_are_documented_in_one_table() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "cli.rst").read_text(encoding="utf-8")
    table = docs[docs.index(".. _exit-status:") :]
    for status in (cli.EXIT_OK, cli.EXIT_ERROR, cli.EXIT_USAGE, cli.EXIT_SIGINT, cli.EXIT_SIGTERM):
        assert f"\n   * - {status}\n" in table


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "csv"])
def test_a_file_name_that_is_not_utf8_is_matched_and_named_with_escapes(
    tmp_path: Path, fmt: str
) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    Path(os.fsdecode(name)).write_text(TEXT, encoding="utf-8")
    result = run("match", "--format", fmt, name)
    assert (result.returncode, result.stderr) == (0, b"")
    lines = result.stdout.decode("utf-8").splitlines()
    if fmt == "jsonl":
        assert {os.fsencode(json.loads(line)["file"]) for line in lines} == {name}
    else:
        escaped = os.fsdecode(tmp_path) + "/caf\\udce9.txt"
        assert {line.split("\t" if fmt == "tsv" else ",")[0] for line in lines[1:]} == {escaped}


def test_jobs_are_capped_at_the_processors_and_the_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [tmp_path / f"{i}.txt" for i in range(6)]
    for path in paths:
        path.write_text(TEXT, encoding="utf-8")
    asked: list[int] = []
    real = cli._parallel.ordered

    def ordered(*args: Any, workers: int, **kw: Any) -> Any:
        asked.append(workers)
        return real(*args, workers=0, **kw)  # run here: only the count is checked

    monkeypatch.setattr(cli._parallel, "ordered", ordered)
    monkeypatch.setattr(cli, "_processors", lambda: 4)
    for jobs, inputs, expected in (("1000", 6, 4), ("3", 6, 3), ("1000", 2, 2), ("1", 6, 0)):
        assert cli.main(["normalize", "-j", jobs, *map(str, paths[:inputs])]) == 0
        assert asked.pop() == expected
    capsys.readouterr()


@pytest.mark.parametrize(
    "args", [["gazetteer", "list"], ["gazetteer", "show", "places", "ma-rabat"]]
)
def test_a_full_standard_output_under_gazetteer_is_an_error(args: list[str]) -> None:
    _fails_on_a_full_standard_output(*args)
