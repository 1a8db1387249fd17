"""The variant classes: how a word of the text may stand for a word of a name it is not.

A word not found as it is may be a spelling variant or a typo of a name's word.
Each such class is one :class:`VariantClass` in :data:`REGISTRY`: its method name
and score, the matcher option that turns it on, its length gates, whether it reads
the word as a typo, the keys under which the index files a name's word, and the
test that a text word and a name word really are of that class.  Adding a class
is adding an entry here (and its score in :data:`~arnorm.matcher.SCORES`).

The index keeps, for each class, a sorted array of 56-bit integers: the top 32
bits a CRC-32 of a key, the low 24 bits the index of the word filed under it.  A
lookup is a binary search and a check of each word found, so a hash collision
costs a comparison, never a wrong match.  Keys are bytes: Windows-1256 holds
every letter the ``search`` profile leaves, one byte each, so slicing and
translating them is done in C.  Beside each table, its screen (:class:`Screen`):
a bitmap of the top bits of its key hashes, two megabytes whatever the size of the
index, which tells most keys of a text word that no word is filed under them
without a search.
"""

from __future__ import annotations

import array
import bisect
import dataclasses
import functools
import itertools
import operator
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, Literal, NamedTuple, cast

from ..gazetteer import _read_data_file

# -- the letters ---------------------------------------------------------------

#: Letters whose dots are the only thing telling them apart, mapped to one shape.
DOTLESS: Final = str.maketrans(
    {
        "ب": "ٮ",
        "ت": "ٮ",
        "ث": "ٮ",
        "ن": "ٮ",
        "ي": "ٮ",
        "ى": "ٮ",
        "ج": "ح",
        "خ": "ح",
        "ذ": "د",
        "ز": "ر",
        "ش": "س",
        "ض": "ص",
        "ظ": "ط",
        "غ": "ع",
        "ق": "ف",
        "ة": "ه",
    }
)


def _dotless_bytes() -> bytes:
    """:data:`DOTLESS` as a table of Windows-1256 bytes (for ``bytes.translate``).

    A shape with no byte of its own (ٮ) is written as the first letter that
    folds to it; only equality of skeletons matters.
    """
    table = bytearray(range(256))
    shapes: dict[str, str] = {}
    for code, shape in DOTLESS.items():
        letter = chr(code)
        try:
            shape.encode("cp1256")
        except UnicodeEncodeError:
            shape = shapes.setdefault(shape, letter)
        table[letter.encode("cp1256")[0]] = shape.encode("cp1256")[0]
    return bytes(table)


DOTLESS_BYTES: Final = _dotless_bytes()
#: Hamza seats folded before the long-vowel skeleton is taken.
SEATS: Final = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None, "ى": "ي"})
#: Inside a word, the long vowels and (through their seats) the hamzas all go.
INNER_VOWELS: Final = str.maketrans(dict.fromkeys("اويؤئءى"))
#: At either end of a word a hamza seat is folded, not dropped.
SEAT_OF: Final = {"ؤ": "و", "ئ": "ي", "ء": "", "ى": "ي"}

#: A long vowel or hamza seat with a letter on either side (words one a line).
_INNER_VOWEL: Final = re.compile("(?<=[^\n])[اويؤئءى](?=[^\n])")


def loose(word: str) -> str:
    """The long-vowel skeleton: hamza seats folded, inner ا و ي dropped (هاينز → هنز).

    >>> loose("هاينز") == loose("هينز")
    True
    """
    if len(word) <= 2:
        return word.translate(SEATS)
    first, last = word[0], word[-1]
    return SEAT_OF.get(first, first) + word[1:-1].translate(INNER_VOWELS) + SEAT_OF.get(last, last)


#: The most single-letter edits between a text word and a name's word of one long-vowel
#: skeleton: a long vowel or hamza seat added, dropped or changed is one, a vowel moved two.
VOWEL_EDITS: Final = 2
#: A long vowel written twice or more in a row.
_REPEATED_VOWEL: Final = re.compile(r"([اوي])\1+")


def few_vowel_edits(form: str, word: str) -> bool:
    """Whether *form* becomes *word* in :data:`VOWEL_EDITS` single-letter edits or fewer
    (their hamza seats folded); with one skeleton, every edit is a long vowel's.

    The press writes a foreign name's long vowels one way or another (هاينز / هينز، الأمريكية
    / الأميركية), one vowel at a time; a word three vowels away from a name is another name
    (سراوان, Saravan, is not سوران, Soran).

    A long vowel written several times over is one (an elongation, السعودييييه; زوييف and
    زويف are one spelling).

    >>> few_vowel_edits("الاميركيه", "الامريكيه"), few_vowel_edits("سراوان", "سوران")
    (True, False)
    """
    a, b = (
        _REPEATED_VOWEL.sub(r"\1", form.translate(SEATS)),
        _REPEATED_VOWEL.sub(r"\1", word.translate(SEATS)),
    )
    most = VOWEL_EDITS
    if abs(len(a) - len(b)) > most:
        return False
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        row = [i]
        for j, other in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (letter != other)))
        if min(row) > most:
            return False
        previous = row
    return previous[-1] <= most


def loose_many(words: list[str]) -> list[str]:
    """``[loose(w) for w in words]``, in three passes of C over all of them at once.

    Once the inner vowels are gone, the only seats left are at the ends, so
    one translate of everything folds exactly those.
    """
    if not words:
        return []
    joined = _INNER_VOWEL.sub("", "\n".join(words))
    return joined.translate(SEATS).split("\n")


def key_bytes(key: str) -> bytes:
    """*key* as the bytes its hash is taken of: one byte a letter where it can be.

    A key with a letter outside Windows-1256 is taken as UTF-8.
    """
    try:
        return key.encode("cp1256")
    except UnicodeEncodeError:
        return key.encode("utf-8")


def keys_bytes(keys: list[str]) -> list[bytes]:
    """``[key_bytes(k) for k in keys]``, in one encode of them all.

    A letter outside Windows-1256 is encoded as ``?`` at first, which no word
    holds (words are letters and digits): the keys that got one are redone
    one by one.
    """
    if not keys:
        return []
    data = "\n".join(keys).encode("cp1256", "replace")
    out = data.split(b"\n")
    if b"?" in data:
        _redo(out, keys, key_bytes)
    return out


def _redo(out: list[bytes], words: list[str], one: Callable[[str], bytes]) -> None:
    """Redo, with *one*, the items of *out* that an encoding marked with ``?``."""
    marked = map(bytes.__contains__, out, itertools.repeat(b"?"))
    for i in itertools.compress(range(len(out)), marked):
        out[i] = one(words[i])


#: The long vowels and hamza seats in Windows-1256, and a byte of their own (control
#: characters, which no word holds) for each where it begins or ends a word.
_VOWEL_BYTES: Final = "اويؤئءى".encode("cp1256")
_END_BYTES: Final = bytes(range(1, len(_VOWEL_BYTES) + 1))
#: An end's byte back to its letter, its seat folded (ء is deleted).
_END_FOLD: Final = bytes.maketrans(
    _END_BYTES, "اوي".encode("cp1256") + "وي".encode("cp1256") + b"\x00" + "ي".encode("cp1256")
)


def loose_keys(words: list[str]) -> list[bytes]:
    """The key bytes of the long-vowel skeletons of *words*: ``[key_bytes(loose(w)) for w
    in words]``, in a few passes of C over the bytes of all of them at once.

    The vowels and seats at either end of a word are set apart as bytes of their
    own; every other is deleted; the ends are then folded (a word with a letter
    outside Windows-1256 is redone one by one, as in :func:`keys_bytes`).
    """
    if not words:
        return []
    data = b"\n" + "\n".join(words).encode("cp1256", "replace") + b"\n"
    for vowel, end in zip(_VOWEL_BYTES, _END_BYTES, strict=True):
        v, e = bytes((vowel,)), bytes((end,))
        data = data.replace(b"\n" + v, b"\n" + e).replace(v + b"\n", e + b"\n")
    hamza = _END_BYTES[_VOWEL_BYTES.index("ء".encode("cp1256"))]
    out = data.translate(_END_FOLD, _VOWEL_BYTES + bytes((hamza,)))[1:-1].split(b"\n")
    if b"?" in data:
        _redo(out, words, lambda word: key_bytes(loose(word)))
    return out


def dotless_key(word: str) -> bytes:
    """The bytes of *word*'s dotless skeleton."""
    try:
        return word.encode("cp1256").translate(DOTLESS_BYTES)
    except UnicodeEncodeError:
        return word.translate(DOTLESS).encode("utf-8")


def dotless_keys(words: list[str]) -> list[bytes]:
    """``[dotless_key(w) for w in words]``, in one encode and one translate of them all
    (the words with a letter outside Windows-1256 redone one by one, as in
    :func:`keys_bytes`)."""
    if not words:
        return []
    data = "\n".join(words).encode("cp1256", "replace")
    out = data.translate(DOTLESS_BYTES).split(b"\n")
    if b"?" in data:
        _redo(out, words, dotless_key)
    return out


def deletions(word: str) -> set[str]:
    """*word* less one letter, never the first or the last (an edit there is no typo we match)."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}


def deleted_keys(word: str) -> Iterator[bytes]:
    """The key bytes of *word* and of each of its :func:`deletions`."""
    try:
        data = word.encode("cp1256")
    except UnicodeEncodeError:
        yield word.encode("utf-8")
        yield from map(key_bytes, deletions(word))
        return
    yield data
    yield from {data[:i] + data[i + 1 :] for i in range(1, len(data) - 1)}


def one_apart(a: str, b: str) -> bool:
    """True if *a* and *b* have the same length and differ in one position."""
    return len(a) == len(b) and sum(map(operator.ne, a, b)) == 1


def one_edit(a: str, b: str) -> bool:
    """True if *a* and *b* differ by one insertion, deletion, substitution or swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


# -- the classes ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class VariantClass:
    """One way a text word may stand for a name's word that it is not."""

    #: The method a match reports (its score is ``SCORES[name]``).
    name: str
    #: The :class:`~arnorm.Matcher` option that turns the class on.
    option: Literal["variants", "fuzzy"]
    #: The fewest letters a name's word (and the text word) must have.
    min_length: int
    #: The fewest letters a name of one word found this way must have (``None``: never alone).
    min_alone: int | None
    #: Whether the class reads the word as a typo: a name holds one such word at
    #: most, and a frequent word is never a typo (يونس is not تونس).
    typo: bool
    #: The keys of a batch of words: the index files a name's word under them, a
    #: text word is looked up under them.  An iterable of lists, each aligned with
    #: the words (a word may have several keys; ``None`` pads a list).
    keys_many: Callable[[list[str]], Iterable[list[bytes] | list[bytes | None]]]
    #: The keys of one word (the same as :attr:`keys_many` gives it).
    keys: Callable[[str], Iterable[bytes]]
    #: Whether the text word *form* really is of this class to the name's word *word*.
    accepts: Callable[[str, str], bool]
    #: The fewest letters a text word must have (default: :attr:`min_length`).
    min_query: int = 0
    #: For a class whose text words are looked up under other keys than a name's word
    #: is filed under (one edit): the keys of one text word, and of a batch of them (an
    #: iterable of lists, each aligned with the words).  ``None``: :attr:`keys` and
    #: :attr:`keys_many`.  A text word related to a name's word shares a key with it;
    #: sharing one does not mean it is related (:attr:`accepts` decides).
    query: Callable[[str], Iterable[bytes]] | None = None
    query_many: Callable[[list[str]], Iterable[list[bytes]]] | None = None

    @property
    def query_length(self) -> int:
        return self.min_query or self.min_length

    def query_keys(self, form: str) -> Iterable[bytes]:
        """The keys text word *form* is looked up under."""
        return (self.query or self.keys)(form)

    def query_keys_many(self, forms: list[str]) -> Iterable[list[bytes] | list[bytes | None]]:
        """The keys of a batch of text words (as :attr:`keys_many` gives them)."""
        return (self.query_many or self.keys_many)(forms)


def _loose_index(words: list[str]) -> Iterator[list[bytes]]:
    yield loose_keys(words)


def _dotless_index(words: list[str]) -> Iterator[list[bytes]]:
    yield dotless_keys(words)


# A name's word (eight letters or more) is filed under three keys, with its length:
# its first three letters and its last three; its first letter and all but its first
# four; all but its last four and its last letter.  A text word one edit from it, with
# the same first and last letters, keeps one of them: an edit in the first four letters
# leaves the second, one in the last four the third, and one between them the first
# (a swap of two letters included).  A text word is looked up under its own keys at
# each of the three lengths the name's word may have.


def _edit_strings(word: str, n: int) -> tuple[str, str, str]:
    """The three keys of a word of length *n* that *word* is one edit from (or is)."""
    return (
        f"{word[:3]}{word[-3:]}{n}",
        f"{word[0]}/{word[4 - n :]}{n}",
        f"{word[: n - 4]}/{word[-1]}{n}",
    )


def _edit_keys(word: str) -> tuple[bytes, ...]:
    return tuple(map(key_bytes, _edit_strings(word, len(word))))


def _edit_columns(words: list[str], lengths: list[int]) -> Iterator[list[bytes]]:
    """The keys of ``_edit_strings(word, n)`` for each word and its length *n* in
    *lengths*, one column a key, each made for all the words at once in C.

    The words are encoded once (Windows-1256, one byte a letter) and the keys cut from
    their bytes; a key with a letter outside Windows-1256 (``?`` in the bytes) is
    redone from its string, as :func:`key_bytes` makes it.
    """
    if not words:
        yield from ([], [], [])
        return
    data = "\n".join(words).encode("cp1256", "replace")
    encoded = data.split(b"\n")
    tails = list(map(str.encode, map(str, lengths)))
    add, get, repeat, sub = operator.add, operator.getitem, itertools.repeat, operator.sub
    slash = repeat(b"/")
    heads = map(get, encoded, repeat(slice(None, 3)))
    ends = map(get, encoded, repeat(slice(-3, None)))
    firsts = map(get, encoded, repeat(slice(None, 1)))
    rests = map(get, encoded, map(slice, map(sub, repeat(4), lengths), repeat(None)))
    cuts = map(get, encoded, map(slice, repeat(None), map(sub, lengths, repeat(4))))
    lasts = map(get, encoded, repeat(slice(-1, None)))
    columns = (
        map(add, map(add, heads, ends), tails),
        map(add, map(add, map(add, firsts, slash), rests), tails),
        map(add, map(add, map(add, cuts, slash), lasts), tails),
    )
    for c, column in enumerate(columns):
        out = list(column)
        if b"?" in data:
            marked = map(bytes.__contains__, out, itertools.repeat(b"?"))
            for i in itertools.compress(range(len(out)), marked):
                out[i] = key_bytes(_edit_strings(words[i], lengths[i])[c])
        yield out


def _edit_index(words: list[str]) -> Iterator[list[bytes]]:
    return _edit_columns(words, list(map(len, words)))


def _edit_query(form: str) -> list[bytes]:
    n = len(form)
    return keys_bytes(
        [*_edit_strings(form, n - 1), *_edit_strings(form, n), *_edit_strings(form, n + 1)]
    )


def _edit_query_many(forms: list[str]) -> Iterator[list[bytes]]:
    lengths = list(map(len, forms))
    for d in (-1, 0, 1):
        yield from _edit_columns(forms, [n + d for n in lengths])


def _same_dots(form: str, word: str) -> bool:
    # one position apart first: most words of the same skeleton are not (a cheaper test)
    return one_apart(word, form) and form.translate(DOTLESS) == word.translate(DOTLESS)


def _one_typo(form: str, word: str) -> bool:
    # an edit at either end is morphology more often than a typo
    # (موريتاني is Mauritanian, not موريتانيا misspelt)
    return form[0] == word[0] and form[-1] == word[-1] and one_edit(form, word)


#: The variant classes, in the order they are tried (the first that relates two words names it).
REGISTRY: Final[tuple[VariantClass, ...]] = (
    VariantClass(
        name="variant",
        option="variants",
        min_length=4,
        min_alone=4,
        typo=False,
        keys_many=_loose_index,
        keys=lambda form: (key_bytes(loose(form)),),
        accepts=lambda form, word: loose(word) == loose(form) and few_vowel_edits(form, word),
    ),
    VariantClass(
        name="dots",
        option="fuzzy",
        min_length=4,
        min_alone=5,
        typo=True,
        keys_many=_dotless_index,
        keys=lambda form: (dotless_key(form),),
        accepts=_same_dots,
    ),
    VariantClass(
        name="edit",
        option="fuzzy",
        min_length=8,
        min_query=7,
        min_alone=8,
        typo=True,
        keys_many=_edit_index,
        keys=_edit_keys,
        accepts=_one_typo,
        query=_edit_query,
        query_many=_edit_query_many,
    ),
)
# The classes that read a word as a typo come after those that do not: a lookup that
# keeps no typo may then leave them out (see Lookups.first).
if any(a.typo and not b.typo for a, b in itertools.pairwise(REGISTRY)):
    raise RuntimeError("a variant class that is no typo comes after one that is")
#: The classes by method name.
BY_NAME: Final = {c.name: c for c in REGISTRY}
#: Methods that read a word as a typo; a name may hold one such word at most.
TYPOS: Final = frozenset(c.name for c in REGISTRY if c.typo)
#: The fewest letters of any class: shorter words are never looked up.
MIN_LENGTH: Final = min(c.min_length for c in REGISTRY)
#: A mark on a variant found for a frequent word: it counts only inside a longer name.
INSIDE_ONLY: Final = "*"


def alone_ok(methods: tuple[str, ...], word: str) -> bool:
    """A name of one word found by a variant class must be long enough to trust.

    A frequent word read as a long-vowel variant (method ``variant*``) is never
    a name of one word: أوربا alone is a spelling the gazetteer must list.
    """
    for method in methods:
        if method.endswith(INSIDE_ONLY):
            return False
        cls = BY_NAME.get(method)
        if cls is not None and (cls.min_alone is None or len(word) < cls.min_alone):
            return False
    return True


# -- the hashed tables -----------------------------------------------------------

HASH_BITS: Final = 32
INDEX_BITS: Final = 24
INDEX_MASK: Final = (1 << INDEX_BITS) - 1
#: Words whose keys are made at once while the index is built.
KEY_BATCH: Final = 16384


#: How many arrays a table's values are spread over, by their top bits, before each is sorted.
BUCKETS: Final = 16
_BUCKET_SHIFT: Final = HASH_BITS + INDEX_BITS - 4


def chosen_words(
    words: list[str], eligible: Sequence[int], least: int
) -> tuple[array.array[int], list[str]]:
    """The indices of the *eligible* words of at least *least* letters, and those words."""
    lengths = map(len, map(words.__getitem__, eligible))
    chosen = array.array("i", itertools.compress(eligible, map(least.__le__, lengths)))
    return chosen, list(map(words.__getitem__, chosen))


def build_table(
    cls: VariantClass,
    words: list[str],
    eligible: Sequence[int],
    chosen: tuple[array.array[int], list[str]] | None = None,
) -> array.array[int]:
    """The sorted table of *cls*: every key of each eligible word, packed with the word's index.

    *chosen*, when given, is ``chosen_words(words, eligible, cls.min_length)`` (classes
    of one length gate share it).

    Keys are made a batch of words at a time, in bulk; each batch's values, sorted,
    are cut by their top bits into :data:`BUCKETS` arrays (a binary search for each
    cut), and each array is sorted on its own at the end: only a sixteenth of the
    table is ever held as Python ints at once.
    """
    crc = zlib.crc32
    shift = INDEX_BITS
    indices, chosen_of = chosen or chosen_words(words, eligible, cls.min_length)
    buckets = [array.array("Q") for _ in range(BUCKETS)]
    cuts = [b << _BUCKET_SHIFT for b in range(1, BUCKETS)]
    pack, lshift, repeat = operator.or_, operator.lshift, itertools.repeat
    for at in range(0, len(indices), KEY_BATCH):
        batch = indices[at : at + KEY_BATCH]
        values: list[int] = []
        for keys in cls.keys_many(chosen_of[at : at + KEY_BATCH]):
            if len(keys) != len(batch):
                raise ValueError(f"{cls.name}: {len(keys)} keys for {len(batch)} words")
            if None in keys:
                values += [crc(k) << shift | i for i, k in zip(batch, keys, strict=True) if k]
            else:  # crc(key) << shift | index, for every key, in C
                crcs = map(crc, cast(list[bytes], keys))
                values += map(pack, map(lshift, crcs, repeat(shift)), batch)
        values.sort()
        ends = [bisect.bisect_left(values, cut) for cut in cuts]
        packed = array.array("Q", values)  # one conversion; the cuts are copies in C
        del values
        for bucket, start, end in zip(buckets, [0, *ends], [*ends, len(packed)], strict=True):
            bucket.extend(packed[start:end])
    table = array.array("Q")
    for bucket in buckets:
        table.extend(sorted(bucket))
        del bucket[:]
    return table


def probe(table: array.array[int], key: bytes) -> list[int]:
    """The word indices filed under *key*'s hash (a few false ones are possible)."""
    return probe_hash(table, zlib.crc32(key))


def probe_hash(table: array.array[int], hashed: int) -> list[int]:
    """The word indices filed under the key hash *hashed*."""
    low = hashed << INDEX_BITS
    i = bisect.bisect_left(table, low)
    high = low | INDEX_MASK
    found: list[int] = []
    n = len(table)
    while i < n and table[i] <= high:
        found.append(table[i] & INDEX_MASK)
        i += 1
    return found


#: A screen is a bitmap of 2**SCREEN_BITS bits, one for each value of the top bits of a hash.
SCREEN_BITS: Final = 24
#: A key hash shifted right by this many bits is its bit's place in a screen.
SCREEN_SHIFT: Final = HASH_BITS - SCREEN_BITS
_SCREEN_SHIFT: Final = SCREEN_SHIFT


def screen_of(table: array.array[int]) -> bytes:
    """The screen of *table*: a bitmap with the bit of each key hash's top bits set.

    A text word none of whose keys hashes to a set bit is of no word of the class
    (a bit test for each key, before any binary search); a set bit may be another
    key's, which costs a search, never a result.  Two megabytes, whatever the
    size of the index.
    """
    bits = bytearray(1 << (SCREEN_BITS - 3))
    shift = INDEX_BITS + _SCREEN_SHIFT
    halves = array.array("I")
    if shift == 32 and halves.itemsize == 4 and sys.byteorder == "little":
        # the usual case, in C: a value's top bits are its upper four bytes, the
        # first of them holds the bit's place in its byte
        halves.frombytes(table.tobytes())
        tops = halves[1::2]
        places = map(operator.rshift, tops, itertools.repeat(3))
        for place, bit in zip(places, tops.tobytes()[::4].translate(_BIT_OF_LOW), strict=True):
            bits[place] |= bit
        return bytes(bits)
    for value in table:
        top = value >> shift
        bits[top >> 3] |= 1 << (top & 7)
    return bytes(bits)


#: A byte to the bit its lowest three bits name (for :func:`screen_of`).
_BIT_OF_LOW: Final = bytes(1 << (b & 7) for b in range(256))


class Screen(NamedTuple):
    """A class's table and its screen: a bitmap of the top bits of its key hashes."""

    bits: bytes
    table: array.array[int]

    @classmethod
    def of(cls, table: array.array[int]) -> Screen:
        return cls(screen_of(table), table)

    def probe(self, key: bytes) -> list[int]:
        """:func:`probe`, with no search where the screen's bit is not set."""
        hashed = zlib.crc32(key)
        top = hashed >> _SCREEN_SHIFT
        if self.bits[top >> 3] >> (top & 7) & 1:
            return probe_hash(self.table, hashed)
        return []


def filed(table: array.array[int], key: bytes) -> bool:
    """Whether a key with *key*'s hash is in *table* (one binary search)."""
    low = zlib.crc32(key) << INDEX_BITS
    i = bisect.bisect_left(table, low)
    return i < len(table) and table[i] <= low | INDEX_MASK


def screened_many(screen: bytes, keys: Iterable[bytes | None]) -> list[bool]:
    """``[screened(screen, key) for key in keys]``, in one loop."""
    crc, shift = zlib.crc32, _SCREEN_SHIFT
    return [
        key is not None and screen[(top := crc(key) >> shift) >> 3] >> (top & 7) & 1 == 1
        for key in keys
    ]


def screened(screen: bytes, key: bytes | None) -> bool:
    """Whether *key* passes *screen* (see :func:`screen_of`); ``None`` never does."""
    if key is None:
        return False
    top = zlib.crc32(key) >> _SCREEN_SHIFT
    return bool(screen[top >> 3] >> (top & 7) & 1)


# -- frequent words ----------------------------------------------------------------

_FREQUENT: tuple[str, ...] | None = None


def _frequent_ranked() -> tuple[str, ...]:
    """The shipped frequent words (normalized), most frequent first."""
    global _FREQUENT
    if _FREQUENT is None:
        # read through the index's checksum, as every shipped data file is
        lines = _read_data_file("frequent-words-ar.txt").decode("utf-8").splitlines()
        _FREQUENT = tuple(w for w in lines if w and not w.startswith("#"))
    return _FREQUENT


def frequent_words() -> frozenset[str]:
    """The shipped list of frequent Arabic words (normalized), used to gate fuzzy lookups.

    >>> "يونس" in frequent_words(), "حموشي" in frequent_words()
    (True, False)
    """
    return _frequent_set(0)


def commonest_words() -> frozenset[str]:
    """The :data:`COMMONEST` most frequent words: particles, pronouns and the words of
    every sentence (الا، الله، الدين).  None of them is ever a person's surname alone.

    >>> "الا" in commonest_words(), "السيسي" in commonest_words()
    (True, False)
    """
    return _frequent_set(COMMONEST)


#: How many of the most frequent words :func:`commonest_words` holds.
COMMONEST: Final = 300


@functools.lru_cache(maxsize=2)
def _frequent_set(count: int) -> frozenset[str]:
    """The *count* most frequent words (all of them for 0)."""
    ranked = _frequent_ranked()
    return frozenset(ranked[:count] if count else ranked)
