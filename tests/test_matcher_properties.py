"""Properties of every match the fast matcher reports, on generated sentences.

The spans are the text's own (``text[start:end] == match.text``), never start or
end inside a word (only proclitics may stand before a match in its word), ``find``
equals ``iter_chunks`` over the text cut at blank lines and the command line's
reading of it cut at every line break, and eight threads sharing one matcher find
what one thread finds.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import warnings

import _arnorm_reference_matcher as ref  # loaded by conftest.py from reference_matcher.py
from hypothesis import example, given, settings
from hypothesis import strategies as st

from arnorm import EvidenceWarning, Match, Matcher, load_gazetteer, normalize
from arnorm.files import lined
from arnorm.gazetteer import available_gazetteers

SHIPPED = [load_gazetteer(name) for name in available_gazetteers()]
ALIASES = ref.aliases_of([ref.OWN, *SHIPPED])
WORD_CHAR = re.compile(r"[^\W_]")
TRAILING_WORD = re.compile(r"[^\W_]*\Z")
LEADING_WORD = re.compile(r"[^\W_]*")


def fresh_matcher(**options: object) -> Matcher:
    """A new matcher (cold caches) of the shipped gazetteers and our own."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EvidenceWarning)  # لاهاي needs evidence: on purpose
        return Matcher([*SHIPPED, ref.OWN], safe_words=ref.OWN_SAFE, **options)  # type: ignore[arg-type]


@functools.cache
def matcher(overlaps: str = "longest") -> Matcher:
    return fresh_matcher(overlaps=overlaps)


texts = ref.sentences(ALIASES, ref.demonyms_of([ref.OWN, *SHIPPED]))
#: Examples per test; REF_EXAMPLES=5000 hunts for longer (as in test_matcher_reference.py).
EXAMPLES = int(os.environ.get("REF_EXAMPLES", "150"))
overlap_modes = st.sampled_from(["longest", "all"])


@settings(deadline=None, max_examples=EXAMPLES)
@given(texts, overlap_modes)
@example("\u200fأبوظبي", "longest")
@example("ﺍﻟﻤﻐﺮﺏ حمّوشي", "longest")
def test_a_match_is_the_text_at_its_span(text: str, overlaps: str) -> None:
    for m in matcher(overlaps).find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@functools.cache
def reference() -> ref.ReferenceMatcher:
    """The reference matcher of the same gazetteers (its rule for names glued by و)."""
    return ref.ReferenceMatcher([*SHIPPED, ref.OWN], safe_words=ref.OWN_SAFE)


def _glued_cut(text: str, at: int) -> bool:
    """Whether *at* is right before the و of a word that is two names glued by it."""
    before = TRAILING_WORD.search(normalize(text[:at]))
    after = LEADING_WORD.match(normalize(text[at:]))
    assert before is not None
    assert after is not None
    word = before.group() + after.group()
    return after.group().startswith("و") and reference().glued_at(word) == len(before.group())


def _inside_a_word(text: str, m: Match) -> str:
    """What is wrong with the boundaries of *m* (an empty string: nothing).

    A word that is two names glued by و (فرنساوالجزائر) is two words: a match may end
    right before that و, and start at it (the و is then its proclitic).
    """
    folded = normalize(m.text)
    if not (WORD_CHAR.match(folded) and WORD_CHAR.match(folded[-1:])):
        return f"{m.text!r} does not begin and end with a letter or digit"
    after = normalize(text[m.end :])
    if WORD_CHAR.match(after) and not _glued_cut(text, m.end):
        return f"{m.text!r} ends inside a word, before {after[:10]!r}"
    before = TRAILING_WORD.search(normalize(text[: m.start]))
    assert before is not None
    clitic = before.group()
    if clitic not in ("", *ref.PROCLITICS) and not any(
        # the و that glued it and the proclitics after it (فرنساوبالجزائر)
        p.startswith("و") and clitic.endswith(p) and _glued_cut(text, m.start - len(p))
        for p in ref.PROCLITICS
    ):
        return f"{m.text!r} starts inside a word, after {clitic!r}"
    return ""


@settings(deadline=None, max_examples=EXAMPLES)
@given(texts, overlap_modes)
@example("المصرف التونسية نعمان المغربي وبالرباط", "longest")
@example("إن فرنساوالجزائر تبحثان", "longest")
def test_no_match_starts_or_ends_inside_a_word(text: str, overlaps: str) -> None:
    problems = [p for m in matcher(overlaps).find(text) if (p := _inside_a_word(text, m))]
    assert problems == []


def _lines(text: str) -> list[str]:
    """*text* cut after each line break (``\\n``, so ``\\r\\n`` stays whole)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _paragraphs(text: str) -> list[str]:
    """*text* cut after each blank line (two line breaks, spaces between them)."""
    return re.findall(r"(?s).*?\n[ \r]*\n|.+\Z", text)


def _joined(parts: list[tuple[str, str]]) -> str:
    """Sentences, each followed by its separator (the last one's dropped)."""
    return "".join(text + sep for text, sep in parts)[: -len(parts[-1][1]) or None]


separators = st.sampled_from(["\n", "\n\n", " \n", "\r\n", "\n \n"])
lined_texts = st.lists(st.tuples(texts, separators), min_size=1, max_size=4).map(_joined)


@settings(deadline=None, max_examples=EXAMPLES)
@given(lined_texts, overlap_modes)
@example("عبد اللطيف حموشي\n\nوأكد الحموشي", "longest")
@example("A\n\n\u200fﻻلرباط", "longest")  # marks before a clitic in a ligature
@example("منطقة\n\nالساحل", "longest")
@example("الكويتي\n\nااالكوت", "longest")  # a line of a demonym alone is evidence
def test_find_equals_iter_chunks_cut_at_blank_lines(text: str, overlaps: str) -> None:
    m = matcher(overlaps)
    assert "".join(_paragraphs(text)) == text
    assert list(m.iter_chunks(_paragraphs(text))) == m.find(text)


@settings(deadline=None, max_examples=EXAMPLES)
@given(lined_texts, overlap_modes)
@example("التقى عبد اللطيف\nحموشي", "longest")  # a name on two lines
@example("منطقة\nالساحل", "longest")
@example("A\n\u200fﻻلرباط", "longest")
def test_the_command_line_reading_line_by_line_equals_find(text: str, overlaps: str) -> None:
    m = matcher(overlaps)
    assert [match for _, match in lined(m, _lines(text))] == m.find(text)


def test_a_line_of_demonyms_alone_is_document_evidence() -> None:
    m = matcher()
    text = "قال المغاربة\nوزارة الداخلية"
    assert [str(e) for x in m.find(text) for e in x.evidence] == ["document: المغاربه (MA)"]
    assert list(m.iter_chunks(_lines(text))) == m.find(text)


def test_a_match_never_starts_with_invisible_marks() -> None:
    m = matcher()
    assert [x.text for x in m.find("\u200fﻻلرباط")] == ["ﻻلرباط"]
    assert list(m.iter_chunks(["A\n", "\u200fﻻلرباط"])) == m.find("A\n\u200fﻻلرباط")


THREADS = 8


@settings(deadline=None, max_examples=4)
@given(st.lists(texts, min_size=30, max_size=60))
def test_eight_threads_sharing_one_matcher_find_what_one_finds(batch: list[str]) -> None:
    expected = [fresh_matcher().find(text) for text in batch]
    shared = fresh_matcher()  # cold caches, filled by the threads together
    results: list[list[list[Match]] | None] = [None] * THREADS
    start = threading.Barrier(THREADS)

    def work(k: int) -> None:
        start.wait()
        order = batch[k:] + batch[:k]  # each thread meets the texts in another order
        found = [shared.find(text) for text in order]
        results[k] = found[len(batch) - k :] + found[: len(batch) - k]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)
