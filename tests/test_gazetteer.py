"""Shipped gazetteers: loading, pinning, checksums, validation, diffs and ambiguity."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import lzma
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

import arnorm
from arnorm import gazetteer as gz

if TYPE_CHECKING:
    from conftest import Corpus

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["agencies", "officials", "organizations", "places"]
#: Entries the corpus names (it was annotated against the 1.x releases) that a later release
#: withdrew, with their gazetteer, whose changelog says why.
WITHDRAWN = {"person-talal-rashid-al-zaabi": "officials"}


def test_every_shipped_gazetteer_loads_from_the_installed_package() -> None:
    assert sorted(gz.available_gazetteers()) == NAMES
    data_dir = gz._data_dir()
    if os.environ.get("ARNORM_TEST_INSTALLED"):  # CI: the data must ship inside the wheel
        assert data_dir == Path(arnorm.__file__).parent / "gazetteers"
    else:
        assert data_dir in (ROOT / "gazetteers", Path(arnorm.__file__).parent / "gazetteers")
    for name in NAMES:
        gaz = gz.load_gazetteer(name)
        assert gaz.name == name
        assert len(gaz) > 0
        assert all(isinstance(e, gz.Entry) for e in gaz)


def test_released_files_match_their_checksums() -> None:
    index = json.loads((gz._data_dir() / "index.json").read_text(encoding="utf-8"))
    for name, info in index["gazetteers"].items():
        latest = max(info["versions"], key=lambda r: gz._version_key(r["version"]))
        archive = (gz._data_dir() / info["archive"]["file"]).read_bytes()
        assert hashlib.sha256(archive).hexdigest() == info["archive"]["sha256"], name
        for release in info["versions"]:
            lines = gz._release_lines(name, release)
            assert lines.count(b"\n") == release["entries"], (name, release)
            if release is not latest:  # every earlier version is in the archive, none on its own
                assert release.get("archived") is True, (name, release)
                assert "file" not in release, (name, release)
                assert not (
                    gz._data_dir() / name / f"{name}-{release['version']}.jsonl.xz"
                ).exists()
                digest = release.get("lines_sha256", release["sha256"])
                assert hashlib.sha256(lines).hexdigest() == digest, (name, release)
                continue
            # the latest is a file of its own, released compressed: its digest is the file's
            assert release["file"] == f"{name}/{name}-{release['version']}.jsonl.xz", release
            stored = (gz._data_dir() / release["file"]).read_bytes()
            assert hashlib.sha256(stored).hexdigest() == release["sha256"], (name, release)
            assert lzma.decompress(stored) == lines


def _copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "gazetteers"
    shutil.copytree(gz._data_dir(), copy)
    monkeypatch.setattr(gz, "_data_dir", lambda: copy)
    monkeypatch.setattr(gz, "_CACHE", {})
    monkeypatch.setattr(gz, "_ARCHIVES", {})
    return copy


def _edit_index(copy: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    change(index["gazetteers"][name])
    (copy / "index.json").write_text(json.dumps(index), encoding="utf-8")


def test_a_changed_archive_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _copy_data(tmp_path, monkeypatch)
    archive = copy / "places" / "places-archive.json.xz"
    archive.write_bytes(archive.read_bytes()[:-1] + b"!")
    refused = r"places@1\.0\.0: places-archive\.json\.xz does not match its SHA-256"
    with pytest.raises(gz.GazetteerError, match=refused):
        gz.load_gazetteer("places", "1.0.0")
    # the latest version is a file of its own, unaffected
    assert len(gz.load_gazetteer("places", gz.available_gazetteers()["places"][-1])) > 0


def test_a_changed_latest_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _copy_data(tmp_path, monkeypatch)
    latest = gz._release("places", None)
    stored = copy / latest["file"]
    stored.write_bytes(stored.read_bytes()[:-1] + b"!")
    with pytest.raises(gz.GazetteerError, match=r"places-[0-9.]+\.jsonl\.xz does not match"):
        gz.load_gazetteer("places")
    assert len(gz.load_gazetteer("places", "1.0.0")) > 0  # the archive is unaffected


def _rewrite_archive(copy: Path, name: str, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change the archive's content and record the new file's digest, as a careless edit would."""
    path = copy / name / f"{name}-archive.json.xz"
    doc = json.loads(lzma.decompress(path.read_bytes()))
    edit(doc)
    packed = lzma.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    path.write_bytes(packed)
    digest = hashlib.sha256(packed).hexdigest()
    _edit_index(copy, name, lambda info: info["archive"].update(sha256=digest))


def test_an_archive_must_hold_the_released_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an archive whose own digest was updated to fit a changed line is still refused: each
    # version's lines are checked against the digest of the file as released
    copy = _copy_data(tmp_path, monkeypatch)
    first = gz._release_lines("places", gz._release("places", "1.0.0")).decode("utf-8")
    changed_line = first.split("\n")[0]

    def edit(doc: dict[str, Any]) -> None:
        at = doc["lines"].index(changed_line)
        doc["lines"][at] = changed_line.replace("المغرب", "المغرب!", 1) + " "

    _rewrite_archive(copy, "places", edit)
    with pytest.raises(gz.GazetteerError, match="do not match the released file's SHA-256"):
        gz.load_gazetteer("places", "1.0.0")


def test_a_release_published_compressed_is_checked_by_its_lines_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # officials 2.11.1 was released as an xz file (its sha256 is that file's); archived, its
    # lines are checked against lines_sha256, recorded when it was archived
    release = gz._release("officials", "2.11.1")
    assert release["archived"] is True
    assert "lines_sha256" in release
    assert len(gz.load_gazetteer("officials", "2.11.1")) == release["entries"]
    copy = _copy_data(tmp_path, monkeypatch)
    _edit_index(
        copy,
        "officials",
        lambda info: next(r for r in info["versions"] if r["version"] == "2.11.1").update(
            lines_sha256="0" * 64
        ),
    )
    with pytest.raises(gz.GazetteerError, match=r"officials@2\.11\.1: the JSON Lines"):
        gz.load_gazetteer("officials", "2.11.1")


def test_a_broken_archive_is_refused_and_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _copy_data(tmp_path, monkeypatch)
    path = copy / "officials" / "officials-archive.json.xz"
    path.write_bytes(path.read_bytes()[:1000])  # cut short; the index records the cut file
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    _edit_index(copy, "officials", lambda info: info["archive"].update(sha256=digest))
    with pytest.raises(
        gz.GazetteerError,
        match=r"officials@2\.11\.1: officials-archive\.json\.xz is not a readable archive",
    ):
        gz.load_gazetteer("officials", "2.11.1")


def test_an_archive_that_lacks_a_version_or_a_line_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _copy_data(tmp_path, monkeypatch)

    def edit(doc: dict[str, Any]) -> None:
        del doc["versions"]["1.0.0"]
        doc["versions"]["1.1.0"].append(len(doc["lines"]))

    _rewrite_archive(copy, "places", edit)
    with pytest.raises(gz.GazetteerError, match=r"places@1\.0\.0: the archive holds no such"):
        gz.load_gazetteer("places", "1.0.0")
    with pytest.raises(gz.GazetteerError, match=r"places@1\.1\.0: the archive refers to a line"):
        gz.load_gazetteer("places", "1.1.0")


def test_coverage_of_the_first_release() -> None:
    minimum = {"places": 600, "agencies": 150, "organizations": 40, "officials": 80}
    for name, count in minimum.items():
        first = gz.load_gazetteer(name, "1.0.0")
        assert len(first) >= count, name


def test_entry_types_match_their_gazetteer() -> None:
    expected = {
        "places": {"place"},
        "agencies": {"agency"},
        "organizations": {"organization"},
        "officials": {"person"},
    }
    for name, types in expected.items():
        assert {e.type for e in gz.load_gazetteer(name)} == types


def test_pinning_an_exact_version() -> None:
    assert gz.load_gazetteer("places", "1.0.0").version == "1.0.0"
    assert arnorm.load_gazetteer("places") is gz.load_gazetteer("places")


@pytest.mark.parametrize(
    ("name", "version", "message"),
    [
        ("nope", None, "no gazetteer named 'nope'"),
        ("places", "9.9.9", "places has no version 9.9.9"),
        ("places", "1.0", "invalid version '1.0'"),
        ("../places", None, "invalid gazetteer name"),
        ("places/../../etc", None, "invalid gazetteer name"),
        ("/etc/passwd", None, "invalid gazetteer name"),
        ("Places", None, "invalid gazetteer name"),
    ],
)
def test_unknown_or_unsafe_names_and_versions_are_refused(
    name: str, version: str | None, message: str
) -> None:
    with pytest.raises(gz.GazetteerError, match=message.replace("(", r"\(").replace(".", r"\.")):
        gz.load_gazetteer(name, version)


def test_every_reference_resolves_across_gazetteers() -> None:
    ids = {e.id for name in NAMES for e in gz.load_gazetteer(name)}
    for name in NAMES:
        for entry in gz.load_gazetteer(name):
            assert entry.part_of is None or entry.part_of in ids, entry.id
            for role in entry.roles:
                assert role.organization is None or role.organization in ids, entry.id


def test_ids_are_unique_across_gazetteers() -> None:
    seen: dict[str, str] = {}
    for name in NAMES:
        for entry in gz.load_gazetteer(name):
            assert entry.id not in seen, (entry.id, seen.get(entry.id), name)
            seen[entry.id] = name


def test_every_entry_has_a_source_with_a_title() -> None:
    for name in NAMES:
        for entry in gz.load_gazetteer(name):
            assert entry.sources
            assert all(s.title for s in entry.sources)


def test_the_json_schema_accepts_every_shipped_entry_and_rejects_a_bad_one() -> None:
    schema = json.loads((gz._data_dir() / "schema" / "entry.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for name in NAMES:
        for entry in gz.load_gazetteer(name):
            validator.validate(entry.to_json())
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "Bad Id", "type": "place", "name": "x", "name_en": "x"})


def test_known_ambiguities_are_exactly_the_collisions_in_the_data() -> None:
    shipped = [gz.load_gazetteer(n) for n in NAMES]
    assert gz.alias_collisions(shipped) == gz.known_ambiguities(), (
        "a new shared surface: review it and run tools/update_ambiguities.py"
    )
    for surface in ("عمان", "تونس", "الجزائر", "الكويت"):
        assert surface in gz.known_ambiguities()


def test_common_word_aliases_are_surfaces_of_shipped_entries() -> None:
    surfaces = {
        arnorm.normalize(s) for n in NAMES for e in gz.load_gazetteer(n) for s in e.surfaces
    }
    words = gz.common_word_aliases()
    assert words
    for word in words:
        assert word == arnorm.normalize(word)
        assert word in surfaces, word


def test_every_frequent_one_word_alias_is_reviewed() -> None:
    from arnorm.matcher import frequent_words

    frequent = frequent_words()
    common, safe = set(gz.common_word_aliases()), gz.safe_word_aliases()
    assert safe
    assert not common & safe
    one_word = {
        arnorm.normalize(s)
        for n in NAMES
        for e in gz.load_gazetteer(n)
        for s in (e.name, *e.aliases, *e.abbreviations)
    }
    one_word = {s for s in one_word if " " not in s}
    unreviewed = sorted((one_word & frequent) - common - safe)
    assert unreviewed == [], "frequent one-word aliases: add each to 'words' or 'safe'"
    assert safe <= one_word, sorted(safe - one_word)


def test_the_development_corpus_names_entries_that_exist(corpus: Corpus) -> None:
    """Every id the corpus expects is an entry of the latest gazetteers, of the mention's type.

    Mentions of entities with no entry (``id`` null) are listed as missing in the gazetteers'
    changelogs; how many the matcher finds is the quality benchmark's to say.
    """
    entries = {e.id: e for n in NAMES for e in gz.load_gazetteer(n)}
    wrong = [
        (m["file"], m["text"], m["id"])
        for m in corpus.mentions
        if m["id"] is not None
        and m["id"] not in WITHDRAWN
        and (m["id"] not in entries or entries[m["id"]].type != m["type"])
    ]
    assert wrong == []
    for entry_id, name in WITHDRAWN.items():  # gone on purpose, and said so
        assert entry_id not in entries
        changelog = (ROOT / "gazetteers" / name / "CHANGELOG.md").read_text(encoding="utf-8")
        assert entry_id in changelog
    assert sum(m["id"] is not None for m in corpus.mentions) > len(corpus.mentions) / 2


def test_diff_between_versions(tmp_path: Path) -> None:
    old = gz.load_gazetteer("agencies")
    entries = list(old)
    first = entries[0]
    changed = dataclasses.replace(first, aliases=(*first.aliases, "اسم جديد"))
    new = gz.Gazetteer("agencies", "9.0.0", [changed, *entries[2:]])
    diff = old.diff(new)
    assert diff.removed == (entries[1].id,)
    assert diff.added == ()
    assert [c.id for c in diff.changed] == [first.id]
    assert diff.changed[0].fields == ("aliases",)
    assert diff.changed[0].aliases_added == ("اسم جديد",)
    assert not old.diff(old)


def test_gazetteers_pickle() -> None:
    places = gz.load_gazetteer("places")
    again = pickle.loads(pickle.dumps(places))  # noqa: S301 - our own bytes, in-process
    assert (again.name, again.version, again.sha256, list(again)) == (
        places.name,
        places.version,
        places.sha256,
        list(places),
    )
