"""Local units named after a place, reported as their national body (an agency's ``units``).

The model and its validation first, then the matcher on a small gazetteer of its own (so
that the rules are tested whatever the shipped data holds), then the shipped data.
"""

from __future__ import annotations

import json
import pickle
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from arnorm import EvidenceWarning, Matcher, load_gazetteer
from arnorm import gazetteer as gz
from arnorm.gazetteer import Entry, Gazetteer, Source

SOURCE = {"title": "A page", "url": "https://example.org/page"}
DGSN: dict[str, Any] = {
    "id": "ma-dgsn",
    "type": "agency",
    "name": "المديرية العامة للأمن الوطني",
    "name_en": "DGSN",
    "units": ["ولاية أمن", "مفوضية الشرطة"],
    "country": "MA",
    "sources": [SOURCE],
}


def write(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    path = tmp_path / "g.jsonl"
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems(tmp_path: Path, *entries: dict[str, Any]) -> list[str]:
    return gz.validate_file(write(tmp_path, *entries), schema=2)


# -- the model and validation ------------------------------------------------


def test_units_round_trip_through_json_and_pickle(tmp_path: Path) -> None:
    gazetteer = Gazetteer.from_path(write(tmp_path, DGSN), name="agencies", version="9.0.0")
    entry = gazetteer.get("ma-dgsn")
    assert entry is not None
    assert entry.units == ("ولاية أمن", "مفوضية الشرطة")
    assert entry.to_json()["units"] == DGSN["units"]
    assert pickle.loads(pickle.dumps(entry)) == entry  # noqa: S301 (our own bytes)
    assert "ولاية أمن" not in entry.surfaces  # a head is no name of the body


def test_an_agency_with_a_country_may_list_units(tmp_path: Path) -> None:
    assert problems(tmp_path, DGSN) == []


@pytest.mark.parametrize(
    "entry",
    [
        {**DGSN, "country": None},
        {**DGSN, "id": "ma-rabat", "type": "place", "name": "الرباط"},
        {**DGSN, "id": "org-un", "type": "organization", "name": "الأمم المتحدة"},
    ],
    ids=["no-country", "a-place", "an-organization"],
)
def test_units_are_refused_where_no_agency_with_a_country_holds_them(
    tmp_path: Path, entry: dict[str, Any]
) -> None:
    entry = {k: v for k, v in entry.items() if v is not None}
    assert problems(tmp_path, entry) == [
        f"{tmp_path / 'g.jsonl'}:1: units: only an agency with a country has local units' heads"
    ]


def test_a_head_two_bodies_of_one_country_list_is_refused(tmp_path: Path) -> None:
    other = {**DGSN, "id": "ma-gendarmerie", "name": "الدرك الملكي", "units": ["ولايه امن"]}
    assert problems(tmp_path, DGSN, other) == [
        f"{tmp_path / 'g.jsonl'}:2: units[0]: 'ولايه امن' is also a head of 'ma-dgsn''s local"
        " units (line 1), a body of the same country"
    ]
    # the same head in another country is that country's body's
    algeria = {**other, "id": "dz-dgsn", "country": "DZ"}
    assert problems(tmp_path, DGSN, algeria) == []


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ("ولاية أمن", "units: must be a list of non-empty strings"),
        (["ولاية أمن", "ولاية أمن"], "units: repeats a value"),
        (["=ولاية"], "units[0]: starts with '='"),
    ],
)
def test_malformed_units_are_refused(tmp_path: Path, units: object, message: str) -> None:
    found = problems(tmp_path, {**DGSN, "units": units})
    assert any(p.endswith(message) or f": {message}" in p for p in found), found


def test_the_json_schema_knows_units() -> None:
    schema = json.loads((gz._data_dir() / "schema" / "entry.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(DGSN)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**DGSN, "type": "place"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({k: v for k, v in DGSN.items() if k != "country"})


# -- the matcher, on a gazetteer of its own -----------------------------------


def _entry(id_: str, type_: str, name: str, **more: Any) -> Entry:
    return Entry(id=id_, type=type_, name=name, name_en=id_, sources=(Source("test"),), **more)


OWN = Gazetteer(
    "own",
    "1.0.0",
    [
        _entry("country-ma", "place", "المغرب", country="MA", demonyms=("المغربي",)),
        _entry("ma-tangier", "place", "طنجة", country="MA", part_of="country-ma"),
        _entry("ma-rabat", "place", "الرباط", country="MA", part_of="country-ma"),
        _entry("country-dz", "place", "الجزائر", country="DZ"),
        _entry("dz-oran", "place", "وهران", aliases=("ولاية وهران",), country="DZ"),
        _entry("country-tn", "place", "تونس", country="TN"),
        _entry("country-lb", "place", "لبنان", country="LB", demonyms=("اللبناني",)),
        _entry("country-ly", "place", "ليبيا", country="LY", demonyms=("الليبي",)),
        _entry("lb-tripoli", "place", "طرابلس", country="LB", part_of="country-lb"),
        _entry("ly-tripoli", "place", "طرابلس", country="LY", part_of="country-ly"),
        _entry("lb-beirut", "place", "بيروت", country="LB", part_of="country-lb"),
        _entry(
            "ma-dgsn",
            "agency",
            "المديرية العامة للأمن الوطني",
            country="MA",
            units=("ولاية أمن", "مفوضية الشرطة"),
        ),
        _entry(
            "dz-dgsn",
            "agency",
            "الأمن الجزائري",
            country="DZ",
            units=("أمن ولاية",),
        ),
        _entry(
            "lb-isf", "agency", "قوى الأمن الداخلي", country="LB", units=("شرطة", "مفرزة استقصاء")
        ),
        _entry("ly-police", "agency", "الشرطة الليبية", country="LY", units=("شرطة",)),
    ],
)


def quiet(gazetteer: Gazetteer, *safe: str, **options: Any) -> Matcher:
    """A matcher of *gazetteer*, *safe* its names first; the bodies' common-word names warn
    (not the point here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EvidenceWarning)
        return Matcher([gazetteer], safe_words=safe, **options)


@pytest.fixture(scope="module")
def own() -> Matcher:
    return quiet(OWN, "طرابلس", "بيروت", "المغرب", "لبنان", "ليبيا")


def found(m: Matcher, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(x.text, x.id, tuple(map(str, x.evidence))) for x in m.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head the body lists, then a place of its country: the body, the whole unit's span
        ("أوقفت ولاية أمن طنجة شخصا", [("ولاية أمن طنجة", "ma-dgsn", ("unit: طنجه (MA)",))]),
        # a proclitic on the head stays outside the span
        ("وأفادت بولاية أمن طنجة", [("ولاية أمن طنجة", "ma-dgsn", ("unit: طنجه (MA)",))]),
        # ب glued to the place
        (
            "سلم نفسه إلى مفوضية الشرطة بالرباط",
            [
                ("مفوضية الشرطة بالرباط", "ma-dgsn", ("unit: الرباط (MA)",)),
            ],
        ),
        # a unit's name that the matcher knows only from the data
        (
            "أوقفت مفرزة استقصاء بيروت شخصين",
            [
                ("مفرزة استقصاء بيروت", "lb-isf", ("unit: بيروت (LB)",)),
            ],
        ),
        # the division's noun that begins the place's own name ends the head
        ("مدير أمن ولاية وهران", [("أمن ولاية وهران", "dz-dgsn", ("unit: ولايه وهران (DZ)",))]),
    ],
)
def test_a_local_unit_is_reported_as_its_body(
    own: Matcher, text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert found(own, text) == expected


def test_a_unit_s_match_is_an_agency_named_by_its_head(own: Matcher) -> None:
    (match,) = own.find("ولاية أمن طنجة")
    assert (match.type, match.alias, match.method, match.score) == (
        "agency",
        "ولاية أمن",
        "exact",
        1.0,
    )
    assert match.gazetteer == "own"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head of Morocco's body before a place of another country: no body, and the place
        # completes a unit's name (as without the data)
        ("ولاية أمن تونس", []),
        # a listed head before another country's place: the place, read as a place
        ("مفرزة استقصاء طنجة", [("طنجة", "ma-tangier", ())]),
        # a preposition other than ب, or a word between: the place
        ("مفوضية الشرطة في الرباط", [("الرباط", "ma-rabat", ())]),
        ("مفرزة استقصاء في بيروت", [("بيروت", "lb-beirut", ())]),
        # punctuation between
        ("مفرزة استقصاء، بيروت", [("بيروت", "lb-beirut", ())]),
    ],
)
def test_no_unit_where_the_head_and_the_place_do_not_make_one(
    own: Matcher, text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert found(own, text) == expected


def test_a_head_of_two_countries_goes_to_the_country_of_the_text(own: Matcher) -> None:
    # شرطة طرابلس: Lebanon's Tripoli or Libya's, each with a body listing شرطة
    assert found(own, "شرطة طرابلس") == []
    lebanese = found(own, "في لبنان، قالت شرطة طرابلس")
    assert lebanese[-1][:2] == ("شرطة طرابلس", "lb-isf")
    libyan = found(own, "في ليبيا، قالت شرطة طرابلس")
    assert libyan[-1][:2] == ("شرطة طرابلس", "ly-police")


def test_no_unit_without_the_agencies() -> None:
    places = quiet(OWN, "بيروت", "طنجة", types=("place",))
    # a unit's name the matcher knows by its words: no name of its words
    assert places.find("ولاية أمن طنجة") == []
    # one it knows only from the data: the place
    assert [(x.text, x.id) for x in places.find("مفرزة استقصاء بيروت")] == [("بيروت", "lb-beirut")]


def test_a_unit_is_found_the_same_line_by_line_and_after_a_save(
    own: Matcher, tmp_path: Path
) -> None:
    text = "قال المغربي إن ولاية أمن طنجة\nأوقفت مفرزة استقصاء بيروت شخصين"
    whole = found(own, text)
    assert [x[1] for x in whole] == ["ma-dgsn", "lb-isf"]
    path = tmp_path / "own.arnorm"
    own.save(path)
    assert found(Matcher.load(path), text) == whole


# -- the shipped data ------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher()


@pytest.mark.parametrize(
    ("text", "unit", "body"),
    [
        ("أوقفت عناصر ولاية أمن طنجة شخصا", "ولاية أمن طنجة", "ma-dgsn"),
        ("أعلنت مديرية شرطة محافظة إربد", "مديرية شرطة محافظة إربد", "jo-psd"),
        ("قالت شرطة منطقة الرياض إنها", "شرطة منطقة الرياض", "sa-public-security"),
        ("أعلنت مديرية أمن محافظة الفروانية", "مديرية أمن محافظة الفروانية", "kw-interior"),
    ],
)
def test_shipped_local_units(shipped: Matcher, text: str, unit: str, body: str) -> None:
    assert (unit, body) in [(x.text, x.id) for x in shipped.find(text)]


def test_every_shipped_head_is_an_agency_s_with_a_source_that_says_so() -> None:
    agencies = load_gazetteer("agencies")
    listed = [e for e in agencies if e.units]
    assert len(listed) >= 10
    for entry in listed:
        assert entry.type == "agency"
        assert entry.country
        # the notes say where the heads come from (a local unit's or a regional command's)
        notes = entry.notes or ""
        assert "local units" in notes or "regional commands" in notes, entry.id


# -- found by review: separators, namesakes, the state's security, modes --------------


@pytest.mark.parametrize(
    "text",
    [
        "سطر أول\nولاية أمن طنجة",
        "(و م ع) ولاية أمن طنجة",
        "الرباط - مفوضية الشرطة بالرباط",
        "في المغرب، ولاية أمن طنجة",
    ],
)
def test_a_head_after_a_separator_is_read(own: Matcher, text: str) -> None:
    assert [x[1] for x in found(own, text)][-1] == "ma-dgsn"
    # line by line: the same as the line alone
    last_line = text.rsplit("\n", 1)[-1]
    assert found(own, text)[-1][0] == found(own, last_line)[-1][0]


def test_a_namesake_place_goes_to_the_country_of_the_text_before_its_unit() -> None:
    gazetteer = Gazetteer(
        "own",
        "1.0.0",
        [
            _entry("country-eg", "place", "مصر", country="EG", demonyms=("المصرية",)),
            _entry("country-ps", "place", "فلسطين", country="PS", demonyms=("الفلسطينية",)),
            _entry("eg-rafah", "place", "رفح", country="EG", part_of="country-eg"),
            _entry("ps-rafah", "place", "رفح", country="PS", part_of="country-ps"),
            _entry(
                "eg-interior",
                "agency",
                "وزارة الداخلية المصرية",
                country="EG",
                units=("مديرية أمن",),
            ),
        ],
    )
    m = quiet(gazetteer, "رفح", "مصر", "فلسطين")
    assert ("مديرية أمن رفح", "eg-interior") in [
        (x.text, x.id) for x in m.find("قالت الشرطة المصرية إن مديرية أمن رفح")
    ]
    # Gaza's Rafah: no Egyptian unit; without evidence, none either
    assert "eg-interior" not in [x.id for x in m.find("قالت الشرطة الفلسطينية إن مديرية أمن رفح")]
    assert "eg-interior" not in [x.id for x in m.find("مديرية أمن رفح")]


@pytest.mark.parametrize(
    "text", ["من أجل حفظ أمن ولاية وهران", "حرصا على أمن ولاية وهران", "تعزيز أمن ولاية وهران"]
)
def test_the_state_s_security_is_no_unit(own: Matcher, text: str) -> None:
    assert [x[1] for x in found(own, text)] == ["dz-oran"]


def test_units_are_reported_only_under_longest_overlaps() -> None:
    every = quiet(OWN, "بيروت", overlaps="all")
    assert [x.id for x in every.find("ولاية أمن طنجة")] == []
    assert [x.id for x in every.find("مفرزة استقصاء بيروت")] == ["lb-beirut"]


# -- a head and a number: an army's regional commands -----------------------------

ARMIES = Gazetteer(
    "armies",
    "1.0.0",
    [
        _entry("country-dz", "place", "الجزائر", country="DZ", demonyms=("الجزائري",)),
        _entry("country-mr", "place", "موريتانيا", country="MR", demonyms=("الموريتاني",)),
        _entry("country-jo", "place", "الأردن", country="JO", demonyms=("الأردني",)),
        _entry("dz-ouargla", "place", "ورقلة", country="DZ", part_of="country-dz"),
        _entry(
            "dz-anp", "agency", "الجيش الوطني الشعبي", country="DZ", units=("الناحية العسكرية",)
        ),
        _entry("mr-army", "agency", "الجيش الموريتاني", country="MR", units=("المنطقة العسكرية",)),
        _entry(
            "jo-jaf", "agency", "القوات المسلحة الأردنية", country="JO", units=("المنطقة العسكرية",)
        ),
    ],
)


@pytest.fixture(scope="module")
def armies() -> Matcher:
    return quiet(ARMIES, "الجزائر", "موريتانيا", "الأردن", "ورقلة")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country of the sentence picks the body that lists the head
        (
            "أوقفت مفارز للجيش الوطني الشعبي بالناحية العسكرية الخامسة",
            ("الناحية العسكرية الخامسة", "dz-anp", "unit: الخامسه (DZ)"),
        ),
        # a head two countries' bodies list: the qualifier's country
        (
            "قائد المنطقة العسكرية الخامسة في موريتانيا",
            ("المنطقة العسكرية الخامسة", "mr-army", "unit: الخامسه (MR)"),
        ),
        # a direction, and two of them
        (
            "في الأردن، قال قائد المنطقة العسكرية الشمالية الغربية",
            ("المنطقة العسكرية الشمالية الغربية", "jo-jaf", "unit: الشماليه الغربيه (JO)"),
        ),
        # a masculine ordinal, and a place after the unit, read as well
        (
            "الناحية العسكرية الأول بورقلة",
            ("الناحية العسكرية الأول", "dz-anp", "unit: الاول (DZ)"),
        ),
    ],
)
def test_a_head_and_a_number_are_the_body_of_the_text_s_country(
    armies: Matcher, text: str, expected: tuple[str, str, str]
) -> None:
    units = [(x.text, x.id, str(x.evidence[0])) for x in armies.find(text) if x.method == "context"]
    assert expected in units


def test_a_head_and_a_number_need_the_text_s_country(armies: Matcher) -> None:
    # no country anywhere: no body; another country's text: none either
    assert armies.find("قال قائد المنطقة العسكرية الخامسة") == []
    assert armies.find("في الأردن قال قائد الناحية العسكرية الخامسة")[-1].id == "country-jo"
    assert [x.id for x in armies.find("الناحية العسكرية في الجزائر")] == ["country-dz"]  # no number


def test_a_head_and_a_number_only_under_longest_and_the_same_line_by_line(tmp_path: Path) -> None:
    every = quiet(ARMIES, "الجزائر", overlaps="all")
    assert [x.id for x in every.find("الناحية العسكرية الخامسة في الجزائر")] == ["country-dz"]
    armies = quiet(ARMIES, "الجزائر")
    text = "قال الجزائري إن\nالناحية العسكرية الخامسة أوقفت"
    whole = [(x.start, x.end, x.id) for x in armies.find(text)]
    assert ("dz-anp") in [x[2] for x in whole]
    by_line = [
        (x.start, x.end, x.id) for x in armies.iter_chunks(line + "\n" for line in text.split("\n"))
    ]
    assert by_line[: len(whole)] == whole
    path = tmp_path / "armies.arnorm"
    armies.save(path)
    assert [(x.start, x.end, x.id) for x in Matcher.load(path).find(text)] == whole


@pytest.mark.parametrize(
    ("text", "unit", "body"),
    [
        (
            "أوقفت مفرزة للجيش الوطني الشعبي بالناحية العسكرية الخامسة إرهابيا",
            "الناحية العسكرية الخامسة",
            "dz-anp",
        ),
        (
            "قال قائد المنطقة العسكرية الخامسة الموريتانية",
            "المنطقة العسكرية الخامسة",
            "mr-armed-forces",
        ),
        ("زار الملك المنطقة العسكرية الشرقية في الأردن", "المنطقة العسكرية الشرقية", "jo-jaf"),
    ],
)
def test_shipped_numbered_units(shipped: Matcher, text: str, unit: str, body: str) -> None:
    assert (unit, body) in [(x.text, x.id) for x in shipped.find(text)]


def test_a_shipped_numbered_unit_of_a_country_the_data_lacks_names_none(shipped: Matcher) -> None:
    text = "قال قائد المنطقة العسكرية الوسطى في الجيش الإسرائيلي إن قواته"
    assert "jo-jaf" not in [x.id for x in shipped.find(text)]
