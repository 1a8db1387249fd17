"""The large Arabic lexicon: its loader (checksum, format, membership) and its generator."""

from __future__ import annotations

import doctest
import hashlib
import lzma
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm._lexicon as lx
from arnorm import gazetteer as gz
from arnorm import normalize

#: Words of the vowelled Qur'an text that the matcher read as names (issue 11), normalized.
QURAN_WORDS = ["اتينا", "صدوا", "سيروا", "نراك", "ترتيلا", "بتاويل", "البين", "الاعراب"]
#: Strings that are no Arabic word form.
NON_WORDS = ["قخقخقخ", "ظظظظظ", "", "Paris", "الرباط ", " ", "2024", "ـ", "الرباط\n"]
LETTERS = "ءؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexicon not yet loaded in this process (the test loads it its own way)."""
    monkeypatch.setattr(lx, "_LOADED", None)


@pytest.fixture(scope="module")
def every_word() -> frozenset[str]:
    """The reference: every word line of the shipped file, read the obvious way."""
    text = lzma.decompress((gz._data_dir() / lx.FILE).read_bytes()).decode("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def test_the_examples_in_the_docstrings_run() -> None:
    result = doctest.testmod(lx)
    assert result.attempted >= 4
    assert result.failed == 0


def test_real_words_are_known(every_word: frozenset[str]) -> None:
    for word in [*QURAN_WORDS, "في", "الرباط", "والامارات", "نيويورك"]:
        assert lx.known(word), word
        assert word in every_word, word
    assert len(every_word) > 450_000


def test_non_words_are_not_known() -> None:
    for word in NON_WORDS:
        assert not lx.known(word), repr(word)
    assert lx.known_many(NON_WORDS) == set()


def test_the_words_are_normalized_with_the_search_profile(every_word: frozenset[str]) -> None:
    sample = sorted(every_word)[::997]
    assert sample
    assert [normalize(w) for w in sample] == sample
    # the unnormalized spellings are not there: callers normalize first
    assert not lx.known("الإمارات")
    assert lx.known(normalize("الإمارات"))


def test_known_agrees_with_the_reference_on_the_file_s_own_words(
    every_word: frozenset[str],
) -> None:
    words = sorted(every_word)
    sample = words[::13] + words[:50] + words[-50:]  # every length group, both ends
    assert all(lx.known(w) for w in sample)
    # one letter changed at the end: some are words, some are not, as the reference says
    changed = [w[:-1] + ("ي" if w[-1] != "ي" else "ا") for w in sample]
    assert {w for w in changed if lx.known(w)} == {w for w in changed if w in every_word}
    assert {w for w in changed if w not in every_word}, "the check needs non-words too"


@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=7), max_size=40))
def test_bulk_equals_single_and_the_reference(words: list[str]) -> None:
    reference = _reference()
    assert lx.known_many(words) == {w for w in words if lx.known(w)}
    assert lx.known_many(words) == {w for w in words if w in reference}


_REFERENCE: frozenset[str] | None = None


def _reference() -> frozenset[str]:
    global _REFERENCE
    if _REFERENCE is None:
        text = lzma.decompress((gz._data_dir() / lx.FILE).read_bytes()).decode("utf-8")
        _REFERENCE = frozenset(w for w in text.splitlines() if w and not w.startswith("#"))
    return _REFERENCE


def test_the_file_is_read_once_and_only_when_first_asked(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = lx._read_data_file

    def counting(name: str) -> bytes:
        reads.append(name)
        return real(name)

    monkeypatch.setattr(lx, "_read_data_file", counting)
    assert reads == []
    assert lx.known("صدوا")
    assert lx.known_many(["نراك", "قخقخ"]) == {"نراك"}
    assert not lx.known("قخقخ")
    assert reads == [lx.FILE]


def copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "gazetteers"
    shutil.copytree(gz._data_dir(), copy)
    monkeypatch.setattr(gz, "_data_dir", lambda: copy)
    return copy


def test_a_tampered_file_is_refused(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    path = copy / lx.FILE
    # still a valid xz file and a valid lexicon, with a line more: only the checksum tells
    path.write_bytes(
        lzma.compress(lzma.decompress(path.read_bytes()) + "# 4 letters: 1 words\nقخقخ\n".encode())
    )
    with pytest.raises(gz.GazetteerError, match=r"^lexicon-ar\.txt\.xz does not match its SHA-256"):
        lx.known("صدوا")
    with pytest.raises(gz.GazetteerError, match=r"^lexicon-ar\.txt\.xz does not match its SHA-256"):
        lx.known_many(["صدوا"])
    assert lx._LOADED is None  # a refusal is not kept as a half-loaded lexicon


def test_a_file_the_index_does_not_list_is_refused(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    index = copy / "index.json"
    index.write_text(
        index.read_text(encoding="utf-8").replace(lx.FILE, "other.txt.xz"), encoding="utf-8"
    )
    with pytest.raises(gz.GazetteerError, match="the index lists no SHA-256"):
        lx.known("صدوا")


def test_a_file_that_is_no_whole_xz_file_is_refused_with_its_name(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = hashlib.sha256((gz._data_dir() / lx.FILE).read_bytes()).hexdigest()
    copy = copy_data(tmp_path, monkeypatch)
    path = copy / lx.FILE
    cut = path.read_bytes()[:1000]  # as a broken download would leave it
    path.write_bytes(cut)
    index = copy / "index.json"
    index.write_text(
        index.read_text(encoding="utf-8").replace(original, hashlib.sha256(cut).hexdigest()),
        encoding="utf-8",
    )
    with pytest.raises(gz.GazetteerError, match=r"^lexicon-ar\.txt\.xz: not a whole xz file"):
        lx.known("صدوا")


def test_a_missing_file_is_refused_with_its_name(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_data(tmp_path, monkeypatch)
    (copy / lx.FILE).unlink()
    with pytest.raises(gz.GazetteerError, match=r"^lexicon-ar\.txt\.xz: "):
        lx.known("صدوا")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("# 3 letters: 2 words\nباب\n", "byte 21: the group of 3-letter words is not 2 lines"),
        ("# 3 letters: 1 words\nباب\nبيت\n", "byte 28: a comment or group line was expected"),
        ("# 3 letters: 1 words\nبابا\n", "byte 21: the group of 3-letter words is not 1 lines"),
        ("# 2 letters: 1 words\nمن\n# 2 letters: 1 words\nعن\n", "byte 47: the group of 2-"),
        ("# a comment with no line break", "byte 0: a comment or group line was expected"),
    ],
)
def test_a_malformed_lexicon_says_what_and_where(text: str, where: str) -> None:
    with pytest.raises(gz.GazetteerError, match=f"^lexicon-ar\\.txt\\.xz: {where}"):
        lx._parse(text.encode("utf-8"))


def test_a_well_formed_lexicon_is_searched_by_length_and_order() -> None:
    parsed = lx._parse(
        "# any comment\n# 2 letters: 2 words\nعن\nمن\n# 3 letters: 1 words\nباب\n".encode()
    )
    for word, expected in [
        ("عن", True),
        ("من", True),
        ("في", False),
        ("باب", True),
        ("بيت", False),
    ]:
        assert lx._has(parsed, word.encode("utf-8")) is expected, word
    assert not lx._has(parsed, "ا".encode())  # no group of that length


# -- the generator ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gen(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("tools/gen_lexicon.py")


def test_the_generator_normalizes_keeps_arabic_words_and_deduplicates(gen: ModuleType) -> None:
    fake = ["الإمارات", "الامارات", "الإمـــارات", "إِلَىٰ", "Paris", "٢٠٢٤", "عبد الله", "ﻻ", "قرآنٌ"]
    assert gen.lexicon_words(fake) == ["الامارات", "الي", "لا", "قران"]
    assert gen.lexicon_words([]) == []
    with pytest.raises(ValueError, match="line break"):
        gen.lexicon_words(["سطر\nآخر"])


def test_what_the_generator_writes_the_loader_reads(
    gen: ModuleType, fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = gen.lexicon_words(["مَن", "باب", "بيت", "الباب", "من", "ء"])
    text = gen.render(words)
    assert text.startswith(gen.HEADER)
    assert "# 3 letters: 2 words\nباب\nبيت\n" in text
    blob = gen.compress(text)
    assert lzma.decompress(blob).decode("utf-8") == text
    parsed = lx._parse(lzma.decompress(blob))
    for word in words:
        assert lx._has(parsed, word.encode("utf-8")), word
    assert not lx._has(parsed, "بات".encode())


def test_the_shipped_file_names_its_source_licence_and_generator() -> None:
    head = lzma.decompress((gz._data_dir() / lx.FILE).read_bytes())[:400].decode("utf-8")
    assert "wordfreq" in head
    assert "CC BY-SA 4.0" in head
    assert "tools/gen_lexicon.py" in head
    assert "NOTICE.md" in head
