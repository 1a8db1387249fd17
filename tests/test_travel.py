"""Objects that travel: pickling normalizers and matchers, saving and loading a matcher."""
# ruff: noqa: S301 - the tests unpickle only what they pickled themselves

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import arnorm
from arnorm import Gazetteer, Matcher, Normalizer, NormalizerConfig, load_gazetteer
from arnorm.gazetteer import Entry, Source
from arnorm.matcher._index import SAVE_MAGIC, STATE_FORMAT

SRC = (Source("test fixture"),)
TEXT = "استقبل عبد اللطيف حموشي بالرباط وفد الإمارات، وقال الزعاني إن تونس والمصرف"


def own_gazetteer() -> Gazetteer:
    entries = [
        Entry(id="p1", type="person", name="طلال الزعابي", name_en="T Z", sources=SRC),
        Entry(id="c1", type="place", name="موريتانيا", name_en="Mauritania", sources=SRC),
        Entry(id="c2", type="place", name="الرباط", name_en="Rabat", sources=SRC),
        Entry(
            id="o1",
            type="organization",
            name="المنظمة الدولية للشرطة الجنائية",
            name_en="Interpol",
            abbreviations=("الإنتربول",),
            sources=SRC,
        ),
    ]
    return Gazetteer("own", "2.0.0", entries)


# -- Normalizer ------------------------------------------------------------------------


def test_a_normalizer_pickles_as_its_configuration() -> None:
    config = NormalizerConfig.profile("search")
    data = pickle.dumps(Normalizer(config))
    assert len(data) < 300
    again = pickle.loads(data)
    assert again.config == config
    assert again("الإمـــاراتُ") == Normalizer(config)("الإمـــاراتُ")
    # the same configuration unpickles to the one normalizer of this process
    assert pickle.loads(data) is again


# -- Matcher of shipped gazetteers --------------------------------------------------------


def test_a_shipped_matcher_travels_as_names_and_versions() -> None:
    matcher = Matcher(types=["person", "place"], min_score=0.5, overlaps="all")
    data = pickle.dumps(matcher)
    assert len(data) < 1_000
    again = pickle.loads(data)
    assert pickle.loads(data) is again  # built once a process
    assert again.find(TEXT) == matcher.find(TEXT)
    assert (again.types, again.min_score, again.overlaps) == (
        frozenset({"person", "place"}),
        0.5,
        "all",
    )


def test_a_pinned_version_travels_pinned() -> None:
    matcher = Matcher([load_gazetteer("places", "1.0.0")])
    again = pickle.loads(pickle.dumps(matcher))
    assert [(g.name, g.version) for g in again.gazetteers] == [("places", "1.0.0")]
    # 1.1.0 added أوربا as an alias; 1.0.0 must not have it
    assert [m.id for m in again.find("زار أوربا")] == []
    assert [m.id for m in Matcher([load_gazetteer("places")]).find("زار أوربا")] == [
        "region-europe"
    ]


def test_word_lists_travel_with_the_matcher() -> None:
    matcher = Matcher(safe_words={"الساحل"}, shipped_word_lists=False)
    again = pickle.loads(pickle.dumps(matcher))
    assert [m.id for m in again.find("جلسنا على الساحل")] == ["region-sahel"]
    assert [m.id for m in Matcher().find("جلسنا على الساحل")] == []


def test_a_changed_copy_of_a_shipped_gazetteer_travels_with_its_index() -> None:
    places = load_gazetteer("places")
    copy = Gazetteer(places.name, places.version, list(places)[:10])
    data = pickle.dumps(Matcher([copy]))
    assert len(data) > 1_000  # not by name: the entries are not the shipped release
    assert len(pickle.loads(data).gazetteers[0]) == 10


# -- Matcher of a user's gazetteer ----------------------------------------------------------


def test_a_user_matcher_pickles_with_its_index() -> None:
    matcher = Matcher([own_gazetteer()])
    again = pickle.loads(pickle.dumps(matcher))
    assert again.find(TEXT) == matcher.find(TEXT)
    assert again.lookup("موريتانبا") == matcher.lookup("موريتانبا")  # a dots typo
    assert again.lookup("موريتانبا")
    assert again.lookup("للإنتربول") == matcher.lookup("للإنتربول")


def test_the_fuzzy_index_means_the_same_in_another_process(tmp_path: Path) -> None:
    # str hashes are salted per process: the index must not depend on them
    path = tmp_path / "own.matcher"
    matcher = Matcher([own_gazetteer()])
    matcher.save(path)
    words = ["موريتانبا", "الزعاني", "موريتانيا", "والرباط"]
    expected = [[c.id for c in matcher.lookup(w)] for w in words]
    script = (
        "import sys, json; from arnorm import Matcher\n"
        "m = Matcher.load(sys.argv[1])\n"
        "print(json.dumps([[c.id for c in m.lookup(w)] for w in sys.argv[2:]]))\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script, str(path), *words],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        assert out.stdout.strip() == str(expected).replace("'", '"')


def test_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "own.matcher"
    path.write_bytes(b"old")
    matcher = Matcher([own_gazetteer()], types=["place", "person"], fuzzy=False)
    matcher.save(path)
    loaded = Matcher.load(path)
    assert loaded.find(TEXT) == matcher.find(TEXT)
    assert (loaded.types, loaded.fuzzy) == (frozenset({"place", "person"}), False)
    assert [g.name for g in loaded.gazetteers] == ["own"]
    assert [p.name for p in tmp_path.iterdir()] == ["own.matcher"]  # no temporary file left


def test_load_refuses_what_is_not_a_saved_matcher(tmp_path: Path) -> None:
    path = tmp_path / "x.matcher"
    path.write_bytes(b"hello")
    with pytest.raises(ValueError, match="not a matcher saved by arnorm"):
        Matcher.load(path)
    path.write_bytes(SAVE_MAGIC + b"\x80\x05garbage")
    with pytest.raises(ValueError, match="damaged matcher file"):
        Matcher.load(path)


def test_load_never_runs_code_from_the_file(tmp_path: Path) -> None:
    class Evil:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, ("echo pwned > " + str(tmp_path / "pwned"),))

    path = tmp_path / "evil.matcher"
    path.write_bytes(SAVE_MAGIC + pickle.dumps({"format": STATE_FORMAT, "x": Evil()}))
    with pytest.raises(ValueError, match=r"refused to load (posix|nt)\.system"):
        Matcher.load(path)
    assert not (tmp_path / "pwned").exists()


def test_load_refuses_another_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "own.matcher"
    Matcher([own_gazetteer()]).save(path)
    monkeypatch.setattr(arnorm, "__version__", "99.0.0")
    with pytest.raises(ValueError, match=r"saved by arnorm .*this is arnorm 99\.0\.0"):
        Matcher.load(path)
