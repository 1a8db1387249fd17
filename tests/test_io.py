"""Unit tests of arnorm._io: chunking at safe boundaries, incremental decoding, atomic output."""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import stat
import threading
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import NormalizerConfig, _io

# Arabic letters (with the ones the folds merge), marks, tatweel, horizontal
# spaces, line breaks, invisible characters, presentation forms that become
# letters, marks or tatweel, digits and a little Latin.
ALPHABET = (
    "ابتلمنهويءآأؤإئىةکی"
    "\u064b\u064e\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06d6"
    "\u0640\u0640"
    "  \t\u00a0\u3000"
    "\n\r\r\n"
    "\u200c\u200f\ufeff"
    "\ufef7\ufefb\ufdf2\ufdfa\ufe70\ufe71\ufe76"
    "٠١،aA\u0301"
)
CONFIGS = st.one_of(
    st.sampled_from(list(arnorm.PROFILES.values())),
    st.builds(
        NormalizerConfig,
        **{f.name: st.booleans() for f in dataclasses.fields(NormalizerConfig)},
    ),
)
SEARCH = arnorm.PROFILES["search"]
LIGHT = arnorm.PROFILES["light"]
ELONGATION = dataclasses.replace(SEARCH, elongation=True)


@st.composite
def split_text(draw: st.DrawFn) -> list[str]:
    """Text from ALPHABET, split into the pieces a decoder might hand over."""
    text = draw(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=5)))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def normalize_in_chunks(pieces: list[str], config: NormalizerConfig, max_chars: int) -> str:
    normalizer = arnorm.Normalizer(config)
    chunks = list(_io.chunk_text(pieces, max_chars=max_chars, hard_limit=10**9))
    assert "".join(chunks) == "".join(pieces)
    return "".join(normalizer(chunk) for chunk in chunks)


@given(split_text(), st.integers(1, 6), CONFIGS)
@settings(max_examples=600, deadline=None)
@example(["x  \u064e  y"], 1, SEARCH)  # a mark between two space runs
@example(["x  \u200c  y"], 1, LIGHT)  # an invisible character between two space runs
@example(["\nـ  y"], 1, SEARCH)  # a tatweel-only word at the start of a line
@example(["a ـ", "b"], 1, SEARCH)  # a tatweel word is one only if a space follows
@example(["ب\u0651بب"], 1, ELONGATION)  # a letter run across a removed mark
@example(["اأااى"], 1, ELONGATION)  # a run once alef is folded
@example(["ل\ufefbاا"], 1, ELONGATION)  # a ligature that ends in alef
@example(["ب\u0651\ufe76"], 1, LIGHT)  # a presentation-form mark that NFC reorders
@example(["x \ufe71  y"], 1, SEARCH)  # a presentation form that becomes tatweel + mark
@example(["ا\u200d\u0654"], 1, LIGHT)  # a removed character between alef and hamza above
def test_chunks_normalize_like_the_whole_text(
    pieces: list[str], max_chars: int, config: NormalizerConfig
) -> None:
    text = "".join(pieces)
    assert normalize_in_chunks(pieces, config, max_chars) == arnorm.Normalizer(config)(text)


def test_cuts_after_the_last_line_feed_and_keeps_crlf_together() -> None:
    chunks = list(_io.chunk_text(["ab\r\ncd\r", "\nef\rgh", "\r\n"]))
    assert chunks == ["ab\r\n", "cd\r\n", "ef\rgh\r\n"]
    assert list(_io.chunk_text(["a\nb\nc"])) == ["a\nb\n", "c"]


def test_without_a_line_break_cuts_after_the_last_space_before_a_word() -> None:
    chunks = list(_io.chunk_text(["ذهب  إلى", " \tالمدرسة"], max_chars=10))
    assert chunks == ["ذهب  إلى \t", "المدرسة"]


def test_holds_text_back_until_it_exceeds_max_chars() -> None:
    assert list(_io.chunk_text(["ab c", "d e"], max_chars=10)) == ["ab cd e"]


def test_a_space_then_a_word_that_arrives_later_is_a_cut() -> None:
    # the space ends one piece, the word that follows it comes in the next
    assert list(_io.chunk_text(["abc ", "def"], max_chars=2)) == ["abc ", "def"]


def test_never_cuts_inside_a_word_before_the_hard_limit() -> None:
    text = "بَّ" + "ت" * 5 + "ـب\u0654" + "ثُ"
    assert list(_io.chunk_text([text], max_chars=1, hard_limit=10**9)) == [text]


def test_the_hard_limit_cuts_between_grapheme_clusters() -> None:
    text = "بَّ" + "ت" * 5 + "ـب\u0654" + "ثُ" + "\U0001f469\u200d\U0001f467" * 3
    chunks = list(_io.chunk_text([text[i : i + 3] for i in range(0, len(text), 3)], max_chars=2))
    assert "".join(chunks) == text
    assert len(chunks) > 1
    bounds = set(itertools.accumulate(len(c) for c in regex.findall(r"\X", text)))
    assert set(itertools.accumulate(len(c) for c in chunks)) <= bounds


def test_a_character_that_a_step_removes_is_not_a_word_start() -> None:
    # ZWNJ disappears, so the two space runs become one: no cut before it
    chunks = list(_io.chunk_text(["ب  \u200c  ت"], max_chars=1, hard_limit=100))
    assert chunks == ["ب  \u200c  ", "ت"]
    assert "".join(arnorm.normalize(c) for c in chunks) == "ب ت"


def test_last_resort_keeps_memory_bounded() -> None:
    text = "ب" * 100
    chunks = list(_io.chunk_text([text[i : i + 7] for i in range(0, 100, 7)], max_chars=2))
    assert "".join(chunks) == text
    assert len(chunks) > 1
    assert max(len(c) for c in chunks) <= 2 * _io.HARD_LIMIT_FACTOR + 7


def test_max_chars_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        list(_io.chunk_text(["a"], max_chars=0))


# --------------------------------------------------------------------------
# Decoding.
# --------------------------------------------------------------------------


def decode(data: bytes, block_size: int, **kwargs: str) -> str:
    return "".join(_io.decode_blocks(io.BytesIO(data), block_size=block_size, **kwargs))


@pytest.mark.parametrize("block_size", [1, 2, 3, 1 << 20])
def test_decodes_across_blocks_and_keeps_line_breaks(block_size: int) -> None:
    text = "أمس\r\nاليوم\rغدا\n"
    assert decode(text.encode(), block_size) == text


@pytest.mark.parametrize("block_size", [1, 2, 4])
def test_drops_a_utf8_bom_only_at_the_start(block_size: int) -> None:
    data = b"\xef\xbb\xbf" + "ب\ufeffت".encode()
    assert decode(data, block_size) == "ب\ufeffت"
    assert decode(data, block_size, encoding="utf-8-sig") == "ب\ufeffت"


def test_decodes_windows_1256_and_iso_8859_6() -> None:
    text = "الإمارات، أبوظبي\r\n"
    assert decode(text.encode("cp1256"), 3, encoding="windows-1256") == text
    assert decode(text.encode("iso-8859-6"), 3, encoding="iso-8859-6") == text


@pytest.mark.parametrize("block_size", [1, 2, 3, 5, 64])
@pytest.mark.parametrize(
    ("data", "line", "offset", "byte"),
    [
        (b"ab\ncd\n\xffx", 3, 6, 0xFF),  # an invalid start byte
        ("أ\nب\n".encode() + b"\xd8A", 3, 6, 0xD8),  # a lead byte without its continuation
        (b"ok\n\n\xd8", 3, 4, 0xD8),  # a truncated sequence at the end
        (b"\xc3", 1, 0, 0xC3),
    ],
)
def test_strict_errors_name_the_line_and_byte_offset(
    data: bytes, line: int, offset: int, byte: int, block_size: int
) -> None:
    with pytest.raises(_io.DecodeError) as info:
        decode(data, block_size, name="in.txt")
    err = info.value
    assert (err.line, err.offset, err.byte) == (line, offset, byte)
    assert str(err) == (
        f"in.txt:{line}: cannot decode byte 0x{byte:02x} at byte offset {offset} as utf-8"
    )


def test_strict_error_in_a_single_byte_encoding() -> None:
    with pytest.raises(_io.DecodeError) as info:
        decode("ب\n".encode("iso-8859-6") + b"\xa1", 1, encoding="iso-8859-6", name="x")
    assert str(info.value) == "x:2: cannot decode byte 0xa1 at byte offset 2 as iso-8859-6"


def test_replace_writes_the_replacement_character() -> None:
    assert decode(b"a\xffb", 1, errors="replace") == "a\ufffdb"


def test_reports_progress_in_bytes() -> None:
    seen: list[int] = []
    list(_io.decode_blocks(io.BytesIO(b"x" * 10), block_size=4, progress=seen.append))
    assert seen == [4, 8, 10]


def test_read_errors_name_the_file() -> None:
    class Failing(io.RawIOBase):
        def readinto(self, buffer: object) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output error") as info:
        list(_io.decode_blocks(Failing(), name="disk.txt"))
    assert info.value.filename == "disk.txt"


def test_check_encoding() -> None:
    assert _io.check_encoding("cp1256") == "cp1256"
    with pytest.raises(LookupError):
        _io.check_encoding("no-such-codec")
    with pytest.raises(LookupError, match="not a text encoding"):
        _io.check_encoding("hex")


# --------------------------------------------------------------------------
# Atomic output.
# --------------------------------------------------------------------------


def test_atomic_file_replaces_the_target_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with _io.AtomicFile(str(target), backup_suffix=".bak") as out:
        out.write(b"new\r\n")
        assert target.read_bytes() == b"old"
        out.commit()
    assert target.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (tmp_path / "out.txt.bak").read_bytes() == b"old"
    assert listing(tmp_path) == ["out.txt", "out.txt.bak"]


def test_atomic_file_left_without_commit_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def write_half_and_fail() -> None:
        with _io.AtomicFile(str(target)) as out:
            out.write(b"half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        write_half_and_fail()
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["out.txt"]


def test_atomic_file_in_a_missing_directory_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "no" / "out.txt"
    with pytest.raises(FileNotFoundError) as info:
        _io.AtomicFile(str(target))
    assert info.value.filename == str(target)


def test_open_output_writes_a_fifo_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with _io.open_output(str(fifo), backup_suffix=".bak") as out:
        assert not isinstance(out, _io.AtomicFile)
        out.write("أ\r\n".encode())
        out.commit()
    reader.join(timeout=10)
    assert received == ["أ\r\n".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert listing(tmp_path) == ["pipe"]


def test_open_output_is_atomic_for_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with _io.open_output(str(target)) as out:
        assert isinstance(out, _io.AtomicFile)
        out.write(b"x")
        assert not target.exists()
        out.commit()
    assert target.read_bytes() == b"x"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~current_umask()


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
