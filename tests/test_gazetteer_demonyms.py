"""Demonyms on country entries: the model, validation, the JSON schema, travel, and the data."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import arnorm
from arnorm import Matcher
from arnorm import gazetteer as gz

SOURCE = {"title": "A dictionary", "url": "https://example.org/dictionary"}
MOROCCO: dict[str, Any] = {
    "id": "country-ma",
    "type": "place",
    "name": "المغرب",
    "name_en": "Morocco",
    "aliases": ["المملكة المغربية"],
    "demonyms": ["المغربي", "المغربية", "مغربي", "مغربية", "المغاربة"],
    "country": "MA",
    "sources": [SOURCE],
}
RABAT: dict[str, Any] = {
    "id": "ma-rabat",
    "type": "place",
    "name": "الرباط",
    "name_en": "Rabat",
    "country": "MA",
    "part_of": "country-ma",
    "sources": [SOURCE],
}
#: The countries whose entries must carry demonyms (issue 11): the 22 Arab League states,
#: the other states the security press names most, and the Sahel states.
ARAB_LEAGUE = (
    "ae", "bh", "dj", "dz", "eg", "iq", "jo", "km", "kw", "lb", "ly",
    "ma", "mr", "om", "ps", "qa", "sa", "sd", "so", "sy", "tn", "ye",
)  # fmt: skip
OTHERS = ("ir", "tr", "il", "us", "gb", "fr", "es", "de", "it", "ru", "cn", "ml", "ne", "bf", "td")


def write(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    path = tmp_path / "g.jsonl"
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems(tmp_path: Path, *entries: dict[str, Any]) -> list[str]:
    return gz.validate_file(write(tmp_path, *entries), schema=2)


# -- the model ---------------------------------------------------------------


def test_demonyms_round_trip_through_json_pickle_and_a_saved_matcher(tmp_path: Path) -> None:
    gaz = gz.Gazetteer.from_path(write(tmp_path, MOROCCO, RABAT), version="3.0.0")
    morocco = gaz.get("country-ma")
    assert morocco is not None
    assert morocco.demonyms == tuple(MOROCCO["demonyms"])
    assert morocco.to_json() == MOROCCO
    assert list(morocco.to_json()) == [
        "id", "type", "name", "name_en", "aliases", "demonyms", "country", "sources"
    ]  # fmt: skip
    rabat = gaz.get("ma-rabat")
    assert rabat is not None
    assert rabat.demonyms == ()
    assert "demonyms" not in rabat.to_json()
    again = pickle.loads(pickle.dumps(gaz))  # noqa: S301 - our own bytes, in-process
    assert again.get("country-ma") == morocco
    Matcher([gaz]).save(tmp_path / "m.matcher")
    restored = Matcher.load(tmp_path / "m.matcher")
    assert restored.gazetteers[0].get("country-ma") == morocco


def test_demonyms_are_not_surfaces() -> None:
    entry = gz.Entry(
        "country-ma",
        "place",
        "المغرب",
        "Morocco",
        (gz.Source("x"),),
        demonyms=("المغربية",),
        country="MA",
    )
    assert entry.surfaces == ("المغرب",)


def test_diff_reports_changed_demonyms(tmp_path: Path) -> None:
    old = gz.Gazetteer.from_path(write(tmp_path, {**MOROCCO, "demonyms": ["المغربي"]}))
    new = gz.Gazetteer.from_path(write(tmp_path, MOROCCO))
    changed = old.diff(new).changed
    assert [(c.id, c.fields, c.aliases_added) for c in changed] == [
        ("country-ma", ("demonyms",), ())
    ]


# -- validation --------------------------------------------------------------


def test_a_country_entry_with_demonyms_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, MOROCCO, RABAT) == []


@pytest.mark.parametrize(
    "entry",
    [
        {**RABAT, "demonyms": ["رباطي"]},  # part of a country: not a country
        {**MOROCCO, "id": "region-maghreb", "country": None, "demonyms": ["مغاربي"]},
        {
            "id": "ma-dgsn",
            "type": "agency",
            "name": "المديرية العامة للأمن الوطني",
            "name_en": "DGSN",
            "country": "MA",
            "demonyms": ["المغربي"],
            "sources": [SOURCE],
        },
    ],
    ids=["part-of-a-country", "no-country", "an-agency"],
)
def test_demonyms_are_refused_on_entries_that_are_not_countries(
    tmp_path: Path, entry: dict[str, Any]
) -> None:
    entry = {k: v for k, v in entry.items() if v is not None}
    found = problems(tmp_path, MOROCCO, entry)
    assert found == [
        f"{tmp_path / 'g.jsonl'}:2: demonyms: only a country entry has demonyms:"
        " a place with a country and no part_of"
    ]


def test_a_demonym_that_is_also_a_name_is_refused(tmp_path: Path) -> None:
    saudi = {
        "id": "country-sa",
        "type": "place",
        "name": "المملكة العربية السعودية",
        "name_en": "Saudi Arabia",
        "aliases": ["السعودية"],
        "demonyms": ["السعودي", "السعوديه"],  # the feminine nisba is the country's short name
        "country": "SA",
        "sources": [SOURCE],
    }
    assert problems(tmp_path, saudi) == [
        f"{tmp_path / 'g.jsonl'}:1: demonyms[1]: 'السعوديه' is also a name of the entry;"
        " a demonym is never a name"
    ]


@pytest.mark.parametrize(
    ("demonyms", "message"),
    [
        ("المغربي", "demonyms: must be a list of non-empty strings"),
        (["المغربي", ""], "demonyms: must be a list of non-empty strings"),
        (["المغربي", "المغربي"], "demonyms: repeats a value"),
        (["=المغربي"], "demonyms[0]: starts with '='"),
        (["المغربي\n"], "demonyms[0]: holds U+000A (LINE FEED)"),
    ],
)
def test_demonyms_must_be_distinct_clean_strings(
    tmp_path: Path, demonyms: object, message: str
) -> None:
    found = problems(tmp_path, {**MOROCCO, "demonyms": demonyms})
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'g.jsonl'}:1: {message}"), found


def test_the_json_schema_knows_demonyms() -> None:
    schema = json.loads((gz._data_dir() / "schema" / "entry.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(MOROCCO)
    for bad in ({**RABAT, "demonyms": ["رباطي"]}, {**MOROCCO, "type": "agency"}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(bad)
    no_country = {k: v for k, v in MOROCCO.items() if k != "country"}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(no_country)


# -- matching ----------------------------------------------------------------


def test_the_matcher_never_reports_a_demonym_as_the_country(tmp_path: Path) -> None:
    gaz = gz.Gazetteer.from_path(write(tmp_path, MOROCCO, RABAT), version="3.0.0")
    text = "قالت الحكومة المغربية إن مغربيا والمغاربة في الرباط"
    found = [(m.text, m.id) for m in Matcher([gaz]).find(text)]
    assert found == [("الرباط", "ma-rabat")]


def test_the_shipped_demonyms_are_never_reported_as_their_country() -> None:
    places = gz.load_gazetteer("places")
    matcher = Matcher([places])
    for entry in places:
        for demonym in entry.demonyms:
            found = [m.id for m in matcher.find(f"قال المسؤول {demonym} أمس")]
            assert entry.id not in found, (entry.id, demonym, found)


# -- the data ----------------------------------------------------------------


def test_the_countries_the_security_press_names_have_demonyms() -> None:
    places = gz.load_gazetteer("places")
    entries = {code: places.get(f"country-{code}") for code in (*ARAB_LEAGUE, *OTHERS)}
    missing = [code for code, entry in entries.items() if entry is None or not entry.demonyms]
    assert missing == []
    assert len(ARAB_LEAGUE) == 22


def test_only_country_entries_of_the_shipped_data_have_demonyms() -> None:
    for name in gz.available_gazetteers():
        for entry in gz.load_gazetteer(name):
            if entry.demonyms:
                assert entry.type == "place", entry.id
                assert entry.country, entry.id
                assert entry.part_of is None, entry.id
                assert entry.id.startswith("country-"), entry.id
                names = {arnorm.normalize(s) for s in entry.surfaces}
                assert not names & {arnorm.normalize(d) for d in entry.demonyms}, entry.id


def test_the_release_that_adds_demonyms_is_a_major_version() -> None:
    """A 2.x reader refuses a field it does not know, so demonyms first ship in a major version."""
    for name, versions in gz.available_gazetteers().items():
        for version in versions:
            has = any(e.demonyms for e in gz.load_gazetteer(name, version))
            assert has == (int(version.split(".")[0]) >= 3 and name == "places"), (name, version)


def test_every_demonym_list_cites_a_page_beyond_the_name_datasets() -> None:
    datasets = ("Unicode Consortium", "Debian iso-codes project")
    for entry in gz.load_gazetteer("places"):
        if entry.demonyms:
            pages = [s for s in entry.sources if s.publisher not in datasets]
            assert pages, entry.id
            assert entry.notes is not None
            assert "Demonyms" in entry.notes, entry.id


def test_demonyms_that_are_common_words_or_names_are_left_out() -> None:
    places = gz.load_gazetteer("places")
    mali, saudi, syria = (places.get(f"country-{c}") for c in ("ml", "sa", "sy"))
    assert mali is not None
    assert saudi is not None
    assert syria is not None
    assert "الماليون" in mali.demonyms
    assert not {"المالي", "المالية", "الماليين"} & set(mali.demonyms)  # also "financial"
    assert "السعودي" in saudi.demonyms
    assert "السعودية" not in saudi.demonyms  # the country's own short name
    assert "سورية" not in syria.demonyms
    assert "سورية" in syria.aliases
