"""`arnorm gazetteer stale` and `show --as-of`: the dates of the roles, on the command line."""

from __future__ import annotations

import os
import subprocess
import sys

from arnorm import load_gazetteer


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arnorm", "gazetteer", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def test_stale_lists_the_entries_checked_before_the_date() -> None:
    officials = load_gazetteer("officials", "2.0.0")
    dated = sorted((e.checked, e.id) for e in officials if e.checked)
    oldest_checked = dated[0][0]
    everyone = run("stale", "--before", "2100", "officials@2.0.0")
    assert everyone.returncode == 0
    rows = [line.split("\t") for line in everyone.stdout.splitlines()]
    assert len(rows) == len(dated)
    assert {r[1] for r in rows} == {i for _, i in dated}
    assert all(r[0] == "officials@2.0.0" for r in rows)
    nobody = run("stale", "--before", oldest_checked[:4], "officials@2.0.0")
    assert (nobody.returncode, nobody.stdout) == (0, "")
    some = run("stale", "--before", "2025-07", "officials@2.0.0").stdout.splitlines()
    assert 0 < len(some) < len(dated)
    assert all(line.split("\t")[2] < "2025-07" for line in some)


def test_stale_unchecked_lists_entries_that_carry_no_date() -> None:
    result = run("stale", "--before", "2026", "--unchecked", "officials@1.0.0")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == len(load_gazetteer("officials", "1.0.0"))
    assert all(line.split("\t")[2] == "-" for line in result.stdout.splitlines())
    assert run("stale", "--before", "2026", "officials@1.0.0").stdout == ""


def test_a_malformed_date_is_a_usage_error() -> None:
    result = run("stale", "--before", "2026-13")
    assert result.returncode == 2
    assert "--before" in result.stderr
    assert run("show", "officials", "person-abdellatif-hammouchi", "--as-of", "x").returncode == 2


def test_show_as_of_draws_the_roles_as_a_timeline_marking_those_held() -> None:
    entry = load_gazetteer("officials", "2.0.0").get("person-abdellatif-hammouchi")
    assert entry is not None
    result = run("show", "officials@2.0.0", entry.id, "--as-of", "2010-06")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(entry.name)
    marked = [line for line in lines[1:-1] if line.startswith("*")]
    unmarked = [line for line in lines[1:-1] if line.startswith(" ")]
    assert len(marked) == len(entry.roles_at("2010-06")) == 1
    assert "[ma-dgst]" in marked[0]
    assert any("[ma-dgsn]" in line for line in unmarked)  # from 2015: not held in 2010
    assert lines[-1] == "* held on 2010-06"
