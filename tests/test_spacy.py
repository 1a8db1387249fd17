"""The ``arnorm`` spaCy component, on ``spacy.blank("ar")``."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

# The integration needs its extra: without it, this module is skipped, and says why.
pytest.importorskip("spacy", reason="needs the [spacy] extra: pip install '.[spacy]'")

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from arnorm import GazetteerError, Matcher, load_gazetteer
from arnorm.spacy import EXTENSIONS, ArnormComponent

TEXT = (
    "استقبل عبداللطيف حموشي بالرباط وفداً من أبوظبي، "
    "وأكد حموشي أن وللمديرية العامة للأمن الوطني دوراً في المغرب."
)


def pipeline(**config: Any) -> Language:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arnorm", config=config)
    return nlp


def extensions(span: Span) -> dict[str, Any]:
    return {name: span._.get(name) for name in EXTENSIONS}


def expected(text: str, matcher: Matcher | None = None) -> list[dict[str, Any]]:
    matches = (matcher or Matcher()).find(text)
    return [{name: getattr(m, field) for name, field in EXTENSIONS.items()} for m in matches]


def run(code: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_entry_point_names_the_factory() -> None:
    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == "arnorm"]
    assert point.value == "arnorm.spacy:make_component"


def test_spacy_finds_the_component_without_importing_arnorm(tmp_path: Path) -> None:
    code = (
        "import sys, spacy\n"
        "assert 'arnorm' not in sys.modules\n"
        "nlp = spacy.blank('ar')\n"
        "assert 'arnorm' in spacy.registry.factories\n"
        "nlp.add_pipe('arnorm')\n"
        "print(nlp.pipe_names, [e.kb_id_ for e in nlp('زار بالرباط').ents])\n"
    )
    assert run(code, tmp_path) == "['arnorm'] ['ma-rabat']\n"


def test_import_arnorm_does_not_import_spacy(tmp_path: Path) -> None:
    code = "import sys, arnorm\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))"
    assert run(code, tmp_path) == "[]\n"


def test_ents_carry_what_the_matcher_finds() -> None:
    doc = pipeline()(TEXT)
    assert len(doc.ents) == 6
    assert [extensions(e) for e in doc.ents] == expected(TEXT)
    assert [(e.label_, e.kb_id_) for e in doc.ents] == [
        (m.type, m.id) for m in Matcher().find(TEXT)
    ]


def test_clitic_attached_mentions_take_the_whole_token() -> None:
    doc = pipeline()(TEXT)
    by_id = {e._.arnorm_id: e for e in doc.ents}
    rabat = by_id["ma-rabat"]
    assert rabat.text == "بالرباط"
    assert len(rabat) == 1
    assert doc.text[rabat._.arnorm_start_char : rabat._.arnorm_end_char] == "الرباط"
    assert rabat._.arnorm_start_char == rabat.start_char + 1
    # و stays outside the mention; the fused لل of للمديرية is inside it
    dgsn = by_id["ma-dgsn"]
    assert dgsn.text == "وللمديرية العامة للأمن الوطني"
    assert doc.text[dgsn._.arnorm_start_char : dgsn._.arnorm_end_char] == dgsn.text[1:]
    # a mention on token boundaries is its own span
    abu_dhabi = by_id["ae-abu-dhabi"]
    assert (abu_dhabi.start_char, abu_dhabi.end_char) == (
        abu_dhabi._.arnorm_start_char,
        abu_dhabi._.arnorm_end_char,
    )


def test_strict_alignment_drops_mentions_inside_tokens() -> None:
    doc = pipeline(alignment_mode="strict")(TEXT)
    found = [e._.arnorm_id for e in doc.ents]
    assert "ma-rabat" not in found
    assert "ma-dgsn" not in found
    assert "ae-abu-dhabi" in found
    for ent in doc.ents:
        assert (ent.start_char, ent.end_char) == (ent._.arnorm_start_char, ent._.arnorm_end_char)


def test_contract_alignment_is_refused() -> None:
    with pytest.raises(ValueError, match="contract"):
        pipeline(alignment_mode="contract")
    with pytest.raises(ValueError, match="cut a name"):
        ArnormComponent(alignment_mode="contract")  # type: ignore[arg-type]


def test_spans_mode_fills_a_span_group() -> None:
    doc = pipeline(mode="spans", spans_key="names")(TEXT)
    assert doc.ents == ()
    assert [extensions(s) for s in doc.spans["names"]] == expected(TEXT)
    assert [s.label_ for s in doc.spans["names"]] == [m.type for m in Matcher().find(TEXT)]


def test_spans_mode_replaces_its_group() -> None:
    nlp = pipeline(mode="spans")
    doc = nlp.make_doc("زار بالرباط")
    doc.spans["arnorm"] = [doc[0:1]]
    assert [s.text for s in nlp.get_pipe("arnorm")(doc).spans["arnorm"]] == ["بالرباط"]


def test_two_mentions_in_one_token() -> None:
    text = "زار المغرب،الجزائر"
    assert [m.id for m in Matcher().find(text)] == ["country-ma", "country-dz"]
    for mode in ("ents", "spans"):
        doc = pipeline(mode=mode)(text)
        spans = list(doc.ents if mode == "ents" else doc.spans["arnorm"])
        assert [(s.text, s._.arnorm_id) for s in spans] == [("المغرب،الجزائر", "country-ma")]


def test_overlaps_after_alignment() -> None:
    text = "استقبل عبد اللطيف حموشي،الرباط"
    assert [m.id for m in Matcher().find(text)] == ["person-abdellatif-hammouchi", "ma-rabat"]
    ents = pipeline()(text).ents
    assert [e._.arnorm_id for e in ents] == ["person-abdellatif-hammouchi"]
    doc = pipeline(mode="spans")(text)
    spans = doc.spans["arnorm"]
    assert [(s.text, s._.arnorm_id) for s in spans] == [
        ("عبد اللطيف حموشي،الرباط", "person-abdellatif-hammouchi"),
        ("حموشي،الرباط", "ma-rabat"),
    ]


def ruled(**config: Any) -> Language:
    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "بالرباط"}])  # type: ignore[attr-defined]
    nlp.add_pipe("arnorm", config=config)
    return nlp


def test_existing_entities_win_by_default() -> None:
    doc = ruled()("زار بالرباط وأبوظبي")
    assert [(e.text, e.label_, e._.arnorm_id) for e in doc.ents] == [
        ("بالرباط", "GPE", None),
        ("وأبوظبي", "place", "ae-abu-dhabi"),
    ]


def test_overwrite_ents_replaces_overlapping_entities() -> None:
    doc = ruled(overwrite_ents=True)("زار بالرباط وأبوظبي")
    assert [(e.text, e.label_, e._.arnorm_id) for e in doc.ents] == [
        ("بالرباط", "place", "ma-rabat"),
        ("وأبوظبي", "place", "ae-abu-dhabi"),
    ]


def test_labels_types_and_scores() -> None:
    nlp = pipeline(labels={"place": "GPE"}, types=["place", "person"], min_score=0.9)
    doc = nlp(TEXT)
    assert {e.label_ for e in doc.ents} == {"GPE", "person"}
    assert all(e._.arnorm_score >= 0.9 for e in doc.ents)
    assert "ma-dgsn" not in [e._.arnorm_id for e in doc.ents]
    assert nlp.get_pipe("arnorm").labels == ("person", "GPE")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="unknown entry types: city"):
        pipeline(labels={"city": "GPE"})
    with pytest.raises(ValueError, match="unknown entry types: city"):
        pipeline(types=["city"])


def test_pinned_gazetteers() -> None:
    nlp = pipeline(gazetteers=["places@1.0.0", "officials"])
    component = nlp.get_pipe("arnorm")
    assert isinstance(component, ArnormComponent)
    latest = load_gazetteer("officials").version
    assert component.gazetteers == ("places@1.0.0", f"officials@{latest}")
    doc = nlp(TEXT)
    assert {(e._.arnorm_gazetteer, e._.arnorm_version) for e in doc.ents} >= {("places", "1.0.0")}
    assert "ma-dgsn" not in [e._.arnorm_id for e in doc.ents]
    with pytest.raises(GazetteerError, match="no gazetteer named 'nowhere'"):
        pipeline(gazetteers=["nowhere"])
    with pytest.raises(GazetteerError, match=r"no version 9\.9\.9"):
        pipeline(gazetteers=["places@9.9.9"])


def test_to_disk_from_disk(tmp_path: Path) -> None:
    nlp = pipeline(mode="spans", types=["place"])
    nlp.to_disk(tmp_path / "model")
    state = json.loads((tmp_path / "model" / "arnorm" / "arnorm.json").read_text("utf-8"))
    assert state["gazetteers"] == list(nlp.get_pipe("arnorm").gazetteers)  # type: ignore[attr-defined]
    loaded = spacy.load(tmp_path / "model")
    assert loaded.config["components"]["arnorm"]["types"] == ["place"]
    before, after = nlp(TEXT), loaded(TEXT)
    assert [extensions(s) for s in after.spans["arnorm"]] == [
        extensions(s) for s in before.spans["arnorm"]
    ]
    assert after.spans["arnorm"]


def test_from_disk_restores_the_saved_versions(tmp_path: Path) -> None:
    pipeline().to_disk(tmp_path / "model")
    state_file = tmp_path / "model" / "arnorm" / "arnorm.json"
    state = json.loads(state_file.read_text("utf-8"))
    # as if saved by an install whose latest places release was 1.0.0
    state["gazetteers"] = [
        "places@1.0.0" if g.startswith("places@") else g for g in state["gazetteers"]
    ]
    state_file.write_text(json.dumps(state), "utf-8")
    doc = spacy.load(tmp_path / "model")("زار الرباط")
    assert [(e._.arnorm_id, e._.arnorm_version) for e in doc.ents] == [("ma-rabat", "1.0.0")]
    state["gazetteers"] = ["places@0.0.1"]
    state_file.write_text(json.dumps(state), "utf-8")
    with pytest.raises(GazetteerError, match=r"no version 0\.0\.1"):
        spacy.load(tmp_path / "model")


def test_to_bytes_from_bytes() -> None:
    pinned = pipeline(gazetteers=["places@1.0.0"])
    fresh = pipeline()
    fresh.from_bytes(pinned.to_bytes())
    assert fresh.get_pipe("arnorm").gazetteers == ("places@1.0.0",)  # type: ignore[attr-defined]
    assert [e._.arnorm_version for e in fresh("زار الرباط").ents] == ["1.0.0"]


def test_extension_values_survive_a_doc_bin() -> None:
    nlp = pipeline()
    stored = DocBin(store_user_data=True, docs=[nlp(TEXT)]).to_bytes()
    (doc,) = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert [extensions(e) for e in doc.ents] == expected(TEXT)


def test_extensions_are_registered_once(tmp_path: Path) -> None:
    code = (
        "import importlib, spacy, arnorm.spacy\n"
        "importlib.reload(arnorm.spacy)\n"
        "a, b = spacy.blank('ar'), spacy.blank('ar')\n"
        "a.add_pipe('arnorm'); b.add_pipe('arnorm', config={'mode': 'spans'})\n"
        "print(a('زار بالرباط').ents[0]._.arnorm_id)\n"
    )
    assert run(code, tmp_path) == "ma-rabat\n"
    for name in EXTENSIONS:
        assert Span.has_extension(name)


def test_empty_and_plain_docs() -> None:
    nlp = pipeline()
    assert nlp("").ents == ()
    doc = nlp("لا شيء هنا")
    assert doc.ents == ()
    assert isinstance(doc, Doc)


def test_pipe_matches_each_doc_on_its_own() -> None:
    # a surname is confirmed only by the full name in the same text
    texts = ["استقبل عبد اللطيف حموشي وفدا", "وأكد حموشي"]
    docs = list(pipeline().pipe(texts))
    assert [[e._.arnorm_score for e in d.ents] for d in docs] == [[1.0], [0.6]]
