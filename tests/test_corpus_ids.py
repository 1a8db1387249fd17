"""The id mapping of the development corpus's null mentions (``benchmarks/corpus-ids.json``),
the quality benchmark's use of it, and the tool that proposes its candidates.

The corpus was annotated against the first gazetteer releases: a mention whose entity had no
entry then is ``"id": null``.  The mapping decides each of them by hand: the shipped entry
that is the entity, or ``"missing"`` with a reason and a date.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

from arnorm import available_gazetteers, load_gazetteer
from arnorm.gazetteer import _dev_corpus_source

if TYPE_CHECKING:
    from conftest import Corpus

ROOT = Path(__file__).resolve().parent.parent
MAPPING = ROOT / "benchmarks" / "corpus-ids.json"


@pytest.fixture(scope="module")
def decisions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MAPPING.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def bench(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("benchmarks/bench_quality.py")


@pytest.fixture(scope="module")
def tool(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/corpus_ids.py")


def _key(record: dict[str, Any]) -> tuple[str, int, int]:
    return (record["file"], record["start"], record["end"])


# -- the mapping file ----------------------------------------------------------------------


def test_the_mapping_decides_every_null_mention_exactly_once(
    decisions: dict[str, Any], corpus: Corpus
) -> None:
    nulls = {_key(m): m for m in corpus.mentions if m["id"] is None}
    keys = Counter(_key(r) for r in decisions["mentions"])
    assert [k for k, n in keys.items() if n > 1] == [], "a mention decided twice"
    assert set(keys) - set(nulls) == set(), "a decision for no null mention"
    assert set(nulls) - set(keys) == set(), "a null mention with no decision"
    for record in decisions["mentions"]:
        assert record["text"] == nulls[_key(record)]["text"], record


def test_each_mapped_id_is_a_shipped_entry_of_the_mentions_type(
    decisions: dict[str, Any], corpus: Corpus
) -> None:
    types = {_key(m): m["type"] for m in corpus.mentions}
    entries = {e.id: e for name in available_gazetteers() for e in load_gazetteer(name)}
    mapped = [r for r in decisions["mentions"] if r["id"] != "missing"]
    assert mapped, "the mapping maps nothing"
    for record in mapped:
        entry = entries.get(record["id"])
        assert entry is not None, f"{record['id']} is in no shipped gazetteer ({record['text']})"
        # an armed body may be an agency in the gazetteers (a state force) and an
        # organization to the annotators: a record says so, and why
        bodies = {entry.type, types[_key(record)]} == {"agency", "organization"}
        assert entry.type == types[_key(record)] or (bodies and record.get("type_differs")), record


def test_no_mapped_entry_cites_the_development_corpus(decisions: dict[str, Any]) -> None:
    entries = {e.id: e for name in available_gazetteers() for e in load_gazetteer(name)}
    ids = sorted({r["id"] for r in decisions["mentions"] if r["id"] != "missing"})
    cited = {
        entry_id: found
        for entry_id in ids
        for source in entries[entry_id].sources
        if (found := _dev_corpus_source(source.title, source.url)) is not None
    }
    assert cited == {}


def test_a_missing_mention_has_a_known_reason_and_the_date_it_was_decided(
    decisions: dict[str, Any],
) -> None:
    reasons = set(decisions["reasons"])
    assert reasons == {
        "out of scope",
        "in scope, not yet researched",
        "no public source found",
        "drafted, not released",
    }
    for record in decisions["mentions"]:
        dt.date.fromisoformat(record["decided"])  # every decision is dated
        if record["id"] == "missing":
            assert record["reason"] in reasons, record
            assert record["detail"], record
            # a drafted entity names the draft's id, so that a release can be mapped
            assert ("draft_id" in record) == (record["reason"] == "drafted, not released")
        else:
            assert "reason" not in record, record


# -- the benchmark's use of the mapping ----------------------------------------------------

TEXT = "زار الوزير الرباط ثم طنجة والعيون"


def _mention(part: str, type_: str, id_: str | None, file: str = "news-900.txt") -> dict[str, Any]:
    start = TEXT.index(part)
    return {
        "file": file,
        "start": start,
        "end": start + len(part),
        "text": part,
        "type": type_,
        "id": id_,
    }


class _Found:
    """A stand-in matcher that finds what it is told to, so that the scoring alone is tested."""

    def __init__(self, found: list[tuple[str, str, str]]) -> None:
        self.matches = [
            SimpleNamespace(
                start=TEXT.index(part),
                end=TEXT.index(part) + len(part),
                type=t,
                id=i,
                method="exact",
            )
            for part, t, i in found
        ]

    def find(self, text: str) -> list[SimpleNamespace]:
        return self.matches


def _write_mapping(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"mentions": records}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_mapped_null_mention_is_judged_like_an_annotated_one(
    bench: ModuleType, tmp_path: Path
) -> None:
    article = tmp_path / "news-900.txt"
    article.write_text(TEXT, encoding="utf-8")
    mentions = [
        _mention("الرباط", "place", "ma-rabat"),
        _mention("طنجة", "place", None),
        _mention("العيون", "place", None),
    ]
    mapping = bench.load_mapping(
        _write_mapping(
            tmp_path / "ids.json",
            [
                {**mentions[1], "id": "ma-tangier"},
                {**mentions[2], "id": "missing", "reason": "in scope, not yet researched"},
            ],
        ),
        mentions,
    )
    matcher = _Found(
        [
            ("الرباط", "place", "ma-rabat"),
            ("طنجة", "place", "ma-tangier"),
            ("العيون", "place", "ma-laayoune"),
        ]
    )
    before = bench.score(matcher, [article], mentions)["overall"]
    after = bench.score(matcher, [article], bench.apply_mapping(mentions, mapping))["overall"]
    # as annotated, طنجة and العيون cannot be right; mapped, طنجة is, العيون stays null
    assert (before["mentions_with_id"], before["recall_entry"]) == (1, round(1 / 3, 4))
    assert (after["mentions_with_id"], after["recall_entry"]) == (2, round(2 / 3, 4))
    assert after["precision_entry_where_id"] == 1.0  # the العيون match is still not judged
    assert mentions[1]["id"] is None  # applying a mapping leaves the annotations as they are


def test_the_mapping_never_changes_an_annotated_id(bench: ModuleType, tmp_path: Path) -> None:
    mentions = [_mention("الرباط", "place", "ma-rabat")]
    path = _write_mapping(tmp_path / "ids.json", [{**mentions[0], "id": "ma-sale"}])
    with pytest.raises(SystemExit, match="already has the id 'ma-rabat'"):
        bench.load_mapping(path, mentions)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": 0}, "is no listed mention"),
        ({"text": "طنجه"}, "the mention's is 'طنجة'"),
        ({"id": ""}, "no id"),
    ],
)
def test_a_mapping_record_that_fits_no_null_mention_is_refused(
    bench: ModuleType, tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    mentions = [_mention("طنجة", "place", None)]
    path = _write_mapping(tmp_path / "ids.json", [{**mentions[0], "id": "ma-tangier", **change}])
    with pytest.raises(SystemExit, match=message):
        bench.load_mapping(path, mentions)


def test_a_mention_decided_twice_is_refused(bench: ModuleType, tmp_path: Path) -> None:
    mentions = [_mention("طنجة", "place", None)]
    record = {**mentions[0], "id": "ma-tangier"}
    path = _write_mapping(tmp_path / "ids.json", [record, record])
    with pytest.raises(SystemExit, match="decided twice"):
        bench.load_mapping(path, mentions)


def test_the_committed_figures_say_how_many_ids_came_from_the_mapping(
    decisions: dict[str, Any],
) -> None:
    figures = json.loads((ROOT / "benchmarks" / "results" / "quality.json").read_text("utf-8"))
    assert figures["in_sample"] is True
    assert "In-sample" in figures["note"]
    assert "mapping" in figures["note"]
    mapped = sum(r["id"] != "missing" for r in decisions["mentions"])
    assert figures["id_mapping"]["ids_from_mapping"] == mapped
    assert figures["id_mapping"]["undecided"] == 0
    annotated = figures["scores_as_annotated"]["overall"]
    with_id = figures["scores"]["overall"]["mentions_with_id"]
    assert with_id == annotated["mentions_with_id"] + mapped


# -- the proposing tool --------------------------------------------------------------------


def _entry(
    id_: str, type_: str, name: str, name_en: str, country: str | None, **more: Any
) -> dict[str, Any]:
    return {
        "id": id_,
        "type": type_,
        "name": name,
        "name_en": name_en,
        "country": country,
        "sources": [{"publisher": "P", "url": "https://example.org/"}],
        **more,
    }


ENTRIES = [
    (
        "officials 9.9.9",
        _entry(
            "person-sisi",
            "person",
            "عبد الفتاح السيسي",
            "Abdel Fattah el-Sisi",
            "EG",
            aliases=["السيسي"],
        ),
    ),
    (
        "officials 9.9.9",
        _entry("person-other-sisi", "person", "محمد السيسي", "Mohamed el-Sisi", "MA"),
    ),
    ("places 9.9.9", _entry("eg-sisi-town", "place", "السيسي", "Sisi", "EG")),
]


def test_the_tool_proposes_entries_whose_name_and_country_fit(tool: ModuleType) -> None:
    mention = {"text": "للسيسي", "type": "person", "entity": "Abdel Fattah el-Sisi"}
    mention["country"] = "EG"
    proposed = tool.propose(mention, ENTRIES)
    # the clitic ل is tried off; a Moroccan namesake and a place of that name are not proposed
    assert [c.id for c in proposed] == ["person-sisi"]
    assert proposed[0].why.startswith("surface")
    unknown = {**mention, "country": None}
    assert [c.id for c in tool.propose(unknown, ENTRIES)] == ["person-sisi", "person-other-sisi"]


def test_the_tool_re_proposes_a_drafted_entity_once_a_release_ships_it(
    tool: ModuleType, tmp_path: Path
) -> None:
    mention = {
        "file": "news-900.txt",
        "start": 0,
        "end": 6,
        "text": "السيسي",
        "type": "person",
        "entity": "Abdel Fattah el-Sisi",
        "country": "EG",
        "id": None,
    }
    decided = {
        tool.key(mention): {
            **mention,
            "id": "missing",
            "reason": "drafted, not released",
            "draft_id": "person-sisi",
        }
    }
    draft = tmp_path / "x-2026-12-05.jsonl"
    draft.write_text(json.dumps(ENTRIES[0][1], ensure_ascii=False) + "\n", encoding="utf-8")
    before = tool.report([mention], tool.draft_entries([draft]), decided, missing_only=True)
    assert "drafted as person-sisi: not shipped yet" in before
    assert "<draft x-2026-12-05.jsonl>" in before
    after = tool.report([mention], ENTRIES, decided, missing_only=True)
    assert "drafted as person-sisi: now shipped in officials 9.9.9" in after
    mapped = {tool.key(mention): {**mention, "id": "person-sisi"}}
    assert tool.report([mention], ENTRIES, mapped, missing_only=True) == ""


def test_a_draft_line_that_is_not_json_is_an_error_that_says_where(
    tool: ModuleType, tmp_path: Path
) -> None:
    draft = tmp_path / "bad.jsonl"
    draft.write_text('{"id": "x"}\n{not json\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad\.jsonl:2: not JSON"):
        tool.draft_entries([draft])


def test_the_report_gives_an_entry_every_reason_any_surface_of_the_entity_gave(
    tool: ModuleType,
) -> None:
    # the bare surname finds the entry by its English name only, the full name by its surface:
    # one line for the entry, with both reasons (the first mention's alone once hid "surface")
    mentions = [
        {"file": "news-900.txt", "start": s, "end": s + len(t), "text": t, "type": "person",
         "entity": "Abdel Fattah el-Sisi", "country": "EG", "id": None}
        for s, t in ((0, "عبد الفتاح"), (20, "عبد الفتاح السيسي"))
    ]  # fmt: skip
    lines = tool.report(mentions, ENTRIES[:1], {}).splitlines()
    assert [line for line in lines if "person-sisi" in line] == [
        line for line in lines if "[surface, English: fattah sisi]" in line
    ]
    assert sum("person-sisi" in line for line in lines) == 1
