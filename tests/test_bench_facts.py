"""The held-out quiz of dated facts: its scoring rules, and that its committed figures are current.

The figures (``benchmarks/results/facts.json``) are what the shipped officials gazetteer answers
to a quiz written from public sources (``benchmarks/heldout/facts/``); they are reported, not
test thresholds.  These tests check how an answer is scored, on facts of the shipped data.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from arnorm import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bench(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("benchmarks/bench_facts.py")


@pytest.fixture(scope="module")
def oracle(bench: ModuleType) -> Any:
    bodies = [load_gazetteer("agencies"), load_gazetteer("organizations")]
    return bench.Oracle(load_gazetteer("officials"), bodies)


def _question(country: str, post: str, date: str, *holders: dict[str, Any]) -> dict[str, Any]:
    return {
        "n": 1,
        "country": country,
        "post": post,
        "date": date,
        "status": "answered",
        "holders": list(holders),
    }


HAMMOUCHI = {"name_en": "Abdellatif Hammouchi", "name_ar": "عبد اللطيف حموشي", "title_en": ""}
POLICE = "head of the national police (or public security)"


def test_english_names_are_compared_without_particles_styles_or_brackets(
    bench: ModuleType,
) -> None:
    assert bench.fold_latin("Abdel-Fattah al-Sisi") == "abdelfattahalsisi"
    short = bench.fold_latin_short
    assert short("Lt. Gen. (Dr.) Sheikh Mohammed bin Abdullah Al Khalifa") == short(
        "Mohammed Abdullah Al-Khalifa"
    )
    assert short("King Felipe VI") == short("Felipe VI") == "felipevi"
    assert short("Jürgen Stock") == "jurgenstock"
    assert bench.latin_words("King Abdullah bin Abdulaziz (Al Saud)") == ["abdulah", "abdulaziz"]
    # a letter written twice is read once, and Crown is a style (held-out facts, round 6)
    assert short("Yaacoub Sarraf") == short("Yacoub Sarraf") == "yacoubsaraf"
    assert short("Crown Prince Mohammed bin Salman") == short("Mohammed bin Salman")
    # a title is a style only before the name: after it, Sultan is a father's name (round 15
    # read King Salman as Prince Salman bin Sultan)
    assert short("Prince Salman bin Sultan bin Abdulaziz Al Saud") == "salmansultanabdulazizsaud"
    assert short("King Salman bin Abdulaziz Al Saud") == "salmanabdulazizsaud"


def test_a_middle_name_the_data_lacks_still_finds_the_person(
    bench: ModuleType, oracle: Any
) -> None:
    waly = {"name_en": "Ghada Fathi Waly", "name_ar": None, "title_en": ""}
    (entry,) = oracle.find(None, waly["name_en"])
    assert entry.id == "person-ghada-waly"
    # the Arabic name's start is the entry's whole name: the rest is a lineage
    (atta,) = oracle.find("محمد عطا المولى عباس", "Mohamed Atta al-Mawla Abbas")
    assert atta.id == "person-mohammed-atta-sudan"
    # a name whose words are not all the quiz's is another person's (Abdullah bin Bandar)
    king = "King Abdullah bin Abdulaziz Al Saud"
    assert [e.id for e in oracle.find(None, king)] == ["person-king-abdullah-bin-abdulaziz"]
    # a transliteration's vowels differ (round 7: Fiqi, the data's Faqi): the same words
    # without their vowels after the first letter
    fiqi = "Abdihakim Mohamoud Haji Fiqi"
    assert [e.id for e in oracle.find(None, fiqi)] == ["person-abdihakim-mohamoud-haji-faqi"]
    assert bench.consonants("fiqi") == bench.consonants("faqi") == "fq"
    unodc = "Executive Director of UNODC"
    assert bench.judge(oracle, _question("INTL", unodc, "2021-03-08", waly)).outcome == "right"


def test_a_title_is_of_the_posts_its_words_name(bench: ModuleType) -> None:
    assert bench.posts_of("President of Iran (head of government)") == ["head of state"]
    assert bench.posts_of("Prime Minister") == ["head of government"]
    assert bench.posts_of("Deputy Prime Minister") == []
    assert "head of government" not in bench.posts_of("Vice Premier")
    # a vice-president who is also prime minister heads the government (the UAE's)
    assert bench.is_of("head of government", "Vice President and Prime Minister")
    # a queen is a head of state; a British foreign secretary is a foreign minister
    assert bench.posts_of("Queen of the United Kingdom") == ["head of state"]
    assert bench.posts_of("Foreign Secretary") == ["minister of foreign affairs"]
    assert "minister of interior" in bench.posts_of("Home Secretary")
    assert "minister of interior" not in bench.posts_of("Minister of State for Defence Affairs")
    # a deputy prime minister who is also the minister is the minister; a deputy minister is not
    assert bench.is_of("minister of interior", "Deputy Prime Minister and Minister of Interior")
    assert not bench.is_of("minister of interior", "Deputy Minister of Interior")
    assert bench.is_of("minister of foreign affairs", "Secretary of State | Department of State")
    assert not bench.is_of("minister of foreign affairs", "Secretary of State for Defence")
    # an exclusion is a whole word: vice is not in Service
    niss = "Director General of the National Intelligence and Security Service"
    assert bench.is_of("head of state security or domestic intelligence", niss)
    assert not bench.is_of("head of the (foreign or general) intelligence service", "Vice Director")


def test_the_holder_in_post_that_day_is_right(bench: ModuleType, oracle: Any) -> None:
    verdict = bench.judge(oracle, _question("MA", POLICE, "2016-01-01", HAMMOUCHI))
    assert verdict.outcome == "right"
    assert verdict.ids == ("person-abdellatif-hammouchi",)


def test_a_holder_the_data_places_elsewhere_that_day_has_no_role(
    bench: ModuleType, oracle: Any
) -> None:
    # the data has him at the DGSN from 2015 only; nor is he Morocco's police chief abroad
    early = bench.judge(oracle, _question("MA", POLICE, "2012-01-01", HAMMOUCHI))
    assert early.outcome == "no role that day"
    abroad = bench.judge(oracle, _question("DZ", POLICE, "2016-01-01", HAMMOUCHI))
    assert abroad.outcome == "no role that day"


def test_a_person_the_data_lacks_has_no_entry_and_its_holder_is_named(
    bench: ModuleType, oracle: Any
) -> None:
    nobody = {"name_en": "Nobody Imaginary", "name_ar": None, "title_en": "Minister of Interior"}
    verdict = bench.judge(oracle, _question("JO", "minister of interior", "2014-03-02", nobody))
    assert verdict.outcome == "no entry"
    # a single-holder post: the data's own holder that day is a claim the quiz contradicts
    assert verdict.other_holders != ()
    for entry_id in verdict.other_holders:
        entry = load_gazetteer("officials").get(entry_id)
        assert entry is not None
        assert oracle.holds(entry, "minister of interior", "JO", "2014-03-02")


def test_any_of_two_rival_holders_answers(bench: ModuleType, oracle: Any) -> None:
    nobody = {"name_en": "Nobody Imaginary", "name_ar": None, "title_en": ""}
    verdict = bench.judge(oracle, _question("MA", POLICE, "2016-01-01", nobody, HAMMOUCHI))
    assert verdict.outcome == "right"


def test_the_quiz_is_well_formed(bench: ModuleType) -> None:
    lines = (BENCHMARKS / "heldout" / "facts" / "quiz.jsonl").read_text(encoding="utf-8")
    questions = [json.loads(line) for line in lines.splitlines()]
    facts = BENCHMARKS / "heldout" / "facts"
    # rounds 1 and 2; rounds 3 to 16
    suffixes = ("", *(f"-{n}" for n in range(3, 19)))
    draws = [facts / f"draw{suffix}.jsonl" for suffix in suffixes]
    drawn = {
        (d["n"], d["country"], d["post"], d["date"])
        for path in draws
        for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }
    for q in questions:
        assert (q["n"], q["country"], q["post"], q["date"]) in drawn  # as drawn, unchanged
        assert q["post"] in bench.POSTS
        assert q["status"] in ("answered", "unconfirmed", "no such post")
        if q["status"] == "answered":
            assert q["holders"], q["n"]
            assert q["sources"], q["n"]


def test_the_committed_figures_are_current(bench: ModuleType) -> None:
    committed = json.loads((BENCHMARKS / "results" / "facts.json").read_text(encoding="utf-8"))
    assert committed == bench.results(), (
        "run python benchmarks/bench_facts.py --save and commit the result"
    )


@pytest.mark.parametrize(
    ("seed", "first", "name"),
    [
        (20261215, 201, "draw-3.jsonl"),
        (20261216, 301, "draw-4.jsonl"),
        (20261217, 401, "draw-5.jsonl"),
        (20261218, 501, "draw-6.jsonl"),
        (20261219, 601, "draw-7.jsonl"),
        (20261220, 701, "draw-8.jsonl"),
    ],
)
def test_a_round_s_draw_is_reproducible_and_spread_over_the_groups(
    load_script: Callable[[str], ModuleType], seed: int, first: int, name: str
) -> None:
    draw = load_script("benchmarks/draw_facts.py")
    questions = draw.draw(seed, 100, first)
    assert questions == draw.draw(seed, 100, first)
    assert [q["n"] for q in questions] == list(range(first, first + 100))
    committed = (ROOT / "benchmarks" / "heldout" / "facts" / name).read_text()
    assert [json.loads(line) for line in committed.splitlines()] == questions
    arab = draw.ARAB_LEAGUE
    groups = Counter(
        "intl" if q["country"] == "INTL" else "arab" if q["country"] in arab else "other"
        for q in questions
    )
    assert groups["arab"] > groups["other"] > groups["intl"] > 0
    assert all("2010-01-01" <= q["date"] <= "2026-11-30" for q in questions)


def test_an_aside_in_brackets_rules_out_no_post(bench: ModuleType, oracle: Any) -> None:
    """King Abdullah's role is titled "King of Saudi Arabia (and Prime Minister)": the aside
    names his other post and does not make the king's title a head of government's only."""
    king = {"name_en": "King Abdullah bin Abdulaziz Al Saud", "name_ar": "عبدالله بن عبدالعزيز"}
    question = _question("SA", "head of state", "2012-01-07", {**king, "title_en": "King"})
    assert bench.judge(oracle, question).outcome == "right"
    # the title without its aside is still no head of government's (the exclusion holds
    # where it is no aside: a deputy prime minister is no prime minister)
    assert not bench.is_of("head of government", "Deputy Prime Minister")
    assert bench.is_of("head of state", "King of Saudi Arabia")


def test_a_role_at_the_body_the_quiz_names_is_of_the_post(bench: ModuleType, oracle: Any) -> None:
    """The BCIJ's English name says nothing of terrorism, but the quiz took it as Morocco's
    counter-terrorism service, and names it: the data's role there answers the question."""
    habboub = {"name_en": "Cherkaoui Habboub", "name_ar": "الشرقاوي حبوب", "title_en": ""}
    question = _question("MA", "head of the counter-terrorism service", "2021-12-06", habboub)
    assert bench.judge(oracle, question).outcome == "no role that day"
    question["body"] = "Bureau central (المكتب المركزي للأبحاث القضائية)"
    assert bench.judge(oracle, question).outcome == "right"
    # or by its abbreviation, as a word in capitals (round 4 named it in French)
    question["body"] = "Bureau Central d'Investigations Judiciaires (BCIJ)"
    assert bench.judge(oracle, question).outcome == "right"
    question["body"] = "the bcij's unit, SUBCIJ"  # neither a word in capitals nor the word
    assert bench.judge(oracle, question).outcome == "no role that day"
    # a body of another country named so is not the one asked about
    question["country"] = "DZ"
    assert bench.judge(oracle, question).outcome != "right"
