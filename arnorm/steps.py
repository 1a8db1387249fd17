"""The normalization steps: one pure ``str -> str`` function each.

Every step names exactly the code points it touches; characters a step does not
name pass through it unchanged.  :data:`STEPS` lists them in the canonical order
in which a :class:`~arnorm.NormalizerConfig` applies them.  The order matters
for two reasons, both tested:

* deletions (invisible marks, tatweel, diacritics) run before the letter folds
  and before ``spaces``, so that deleting a character never leaves a double
  space or an unfolded letter behind, and every profile is idempotent;
* ``letters`` runs before ``alef``/``yaa``/``teh_marbuta``, because it can
  produce ة (from U+06C3), which ``teh_marbuta`` folds.

Each function can be called on its own::

    >>> from arnorm import steps
    >>> steps.alef("أحمد إلى آسيا")
    'احمد الى اسيا'
    >>> steps.yaa("مصطفى")
    'مصطفي'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final, cast

import unicodedata2

from . import _tables

__all__ = [
    "STEPS",
    "STEP_NAMES",
    "alef",
    "char_map",
    "diacritics",
    "digits",
    "elongation",
    "invisible",
    "letters",
    "punctuation",
    "spaces",
    "tatweel",
    "teh_marbuta",
    "unicode",
    "yaa",
]

TATWEEL: Final = "\u0640"

#: Horizontal white space: TAB and every character of general category Zs.
HORIZONTAL_SPACES: Final = (
    "\t\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)

#: Removed by ``invisible``: ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B-200F), ALM
#: (U+061C), the bidi embeddings and overrides (U+202A-202E), the bidi isolates
#: (U+2066-2069), ZWNBSP/BOM (U+FEFF) and SOFT HYPHEN (U+00AD).
INVISIBLE_CHARS: Final = (
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u00ad"
)

SHADDA: Final = "\u0651"
DAGGER_ALEF: Final = "\u0670"

#: Folded to ا (U+0627) by ``alef``.
ALEF_VARIANTS: Final = "\u0623\u0625\u0622\u0671\u0672\u0673\u0675"

#: Folded by ``letters``: Persian and Urdu look-alikes of Arabic letters.
LETTER_LOOKALIKES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "\u06a9": "\u0643",  # ک KEHEH -> ك KAF
        "\u06aa": "\u0643",  # ڪ SWASH KAF -> ك KAF
        "\u06cc": "\u064a",  # ی FARSI YEH -> ي YEH
        "\u06c0": "\u0647",  # ۀ HEH WITH YEH ABOVE -> ه HEH
        "\u06c1": "\u0647",  # ہ HEH GOAL -> ه HEH
        "\u06c2": "\u0647",  # ۂ HEH GOAL WITH HAMZA ABOVE -> ه HEH
        "\u06be": "\u0647",  # ھ HEH DOACHASHMEE -> ه HEH
        "\u06d5": "\u0647",  # ە AE -> ه HEH
        "\u06c3": "\u0629",  # ۃ TEH MARBUTA GOAL -> ة TEH MARBUTA
    }
)

#: Folded by ``punctuation`` (off in every shipped profile).
PUNCTUATION_MAP: Final[Mapping[str, str]] = MappingProxyType(
    {
        "\u060c": ",",  # ، ARABIC COMMA
        "\u061b": ";",  # ؛ ARABIC SEMICOLON
        "\u061f": "?",  # ؟ ARABIC QUESTION MARK
        "\u066b": ".",  # ٫ ARABIC DECIMAL SEPARATOR
        "\u066c": ",",  # ٬ ARABIC THOUSANDS SEPARATOR
        "\u00ab": '"',  # « LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
        "\u00bb": '"',  # » RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
        "\u201c": '"',  # “ LEFT DOUBLE QUOTATION MARK
        "\u201d": '"',  # ” RIGHT DOUBLE QUOTATION MARK
    }
)


def nfc(text: str) -> str:
    """Compose *text* to NFC with the Unicode 18 data of ``unicodedata2``."""
    return cast(str, unicodedata2.normalize("NFC", text))


def _arabic_marks() -> str:
    return "".join(chr(cp) for lo, hi in _tables.ARABIC_MARK_RANGES for cp in range(lo, hi + 1))


# --------------------------------------------------------------------------
# Character maps: the per-character part of each step, as data.
# --------------------------------------------------------------------------


@functools.cache
def char_map(step: str, **options: bool) -> Mapping[str, str]:
    r"""Return the per-character table of *step*: each touched character and its output.

    This is the reviewable data behind each step and the source of the docs
    table.  ``spaces``, ``tatweel`` and ``elongation`` also have a rule that
    looks at context (collapsing runs, removing a word made of tatweel only,
    shortening runs); that rule is not part of the table.

    >>> dict(char_map("yaa"))
    {'ى': 'ي'}
    >>> char_map("alef", fold_hamza_seats=True)["\u0624"]
    'و'
    """
    table: dict[str, str]
    if step == "unicode":
        table = {chr(cp): s for cp, s in _tables.PRESENTATION_FORMS.items()}
        if options.get("expand_ligatures", False):
            table.update({chr(cp): s for cp, s in _tables.MULTIWORD_LIGATURES.items()})
    elif step == "invisible":
        table = dict.fromkeys(INVISIBLE_CHARS, "")
    elif step == "spaces":
        table = {c: " " for c in HORIZONTAL_SPACES if c != " "}
    elif step == "tatweel":
        table = {TATWEEL: ""}
    elif step == "diacritics":
        table = dict.fromkeys(_arabic_marks(), "")
        if options.get("keep_shadda", False):
            del table[SHADDA]
        if options.get("dagger_alef_as_alef", False):
            table[DAGGER_ALEF] = "\u0627"
    elif step == "letters":
        table = dict(LETTER_LOOKALIKES)
    elif step == "alef":
        table = dict.fromkeys(ALEF_VARIANTS, "\u0627")
        if options.get("fold_hamza_seats", False):
            table["\u0624"] = "\u0648"  # ؤ -> و
            table["\u0626"] = "\u064a"  # ئ -> ي
    elif step == "yaa":
        table = {"\u0649": "\u064a"}
    elif step == "teh_marbuta":
        table = {"\u0629": "\u0647"}
    elif step == "digits":
        table = {chr(0x0660 + i): str(i) for i in range(10)}
        table.update({chr(0x06F0 + i): str(i) for i in range(10)})
    elif step == "punctuation":
        table = dict(PUNCTUATION_MAP)
    elif step == "elongation":
        table = {}
    else:
        raise ValueError(f"unknown step {step!r}; steps are {', '.join(STEP_NAMES)}")
    return MappingProxyType(table)


class CharMap:
    """Apply a per-character table fast, with plain ``str`` operations.

    Deletions go through one compiled character class; the frequent one-for-one
    replacements through ``str.replace`` (which runs at memory speed); the rest
    (presentation forms, Persian letters, digits ...) through one character
    class with a table look-up, which is cheap because those characters are rare.
    A table must not map a character to a string that contains one of its
    keys: applying it twice would differ from applying it once.
    """

    #: Letters frequent in Arabic news that a table may replace.
    FREQUENT: Final = "\u0623\u0625\u0622\u0649\u0629"

    __slots__ = ("_deletions", "_rare", "_replace", "table")

    def __init__(self, table: Mapping[str, str]) -> None:
        for key, value in table.items():
            if len(key) != 1:
                raise ValueError(f"table keys must be single characters, not {key!r}")
            clash = [c for c in value if c in table]
            if clash:
                raise ValueError(f"table maps {key!r} to {value!r}, which it maps again")
        self.table: Mapping[str, str] = table
        deletions = [k for k, v in table.items() if v == ""]
        self._deletions = _char_class(deletions)
        self._replace = [(k, table[k]) for k in self.FREQUENT if table.get(k)]
        rare = [k for k, v in table.items() if v and k not in self.FREQUENT]
        self._rare = _char_class(rare)

    def __call__(self, text: str) -> str:
        if self._deletions is not None:
            text = self._deletions.sub("", text)
        for old, new in self._replace:
            text = text.replace(old, new)
        if self._rare is not None:
            text = self._rare.sub(self._lookup, text)
        return text

    def _lookup(self, match: re.Match[str]) -> str:
        return self.table[match.group()]


def _char_class(chars: list[str]) -> re.Pattern[str] | None:
    """Compile a character class of *chars*, with consecutive code points as ranges."""
    if not chars:
        return None
    ranges: list[list[int]] = []
    for cp in sorted({ord(c) for c in chars}):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = [f"\\U{lo:08X}" if lo == hi else f"\\U{lo:08X}-\\U{hi:08X}" for lo, hi in ranges]
    return re.compile("[" + "".join(parts) + "]")


@functools.cache
def _charmap(step: str, **options: bool) -> CharMap:
    return CharMap(char_map(step, **options))


# --------------------------------------------------------------------------
# Context rules.
# --------------------------------------------------------------------------

_HS = "[" + HORIZONTAL_SPACES + "]"
#: Line breaks, which every step keeps.
LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LB = "[" + LINE_BREAKS + "]"
#: A word made only of tatweel, with the horizontal space that separated it.
#: Linear time on any input: a match starts only at the first space of a run
#: (``(?<!...)``), and possessive quantifiers never give back what they took,
#: so no run is scanned more than once (a backtracking ``+`` made a run of
#: spaces followed by a run of tatweel quadratic).
TATWEEL_WORD = re.compile(
    rf"(?<!{_HS}){_HS}++\u0640++(?={_HS}|{_LB}|\Z)"
    rf"|(?:(?<={_LB})|\A)\u0640++(?:{_HS}++|(?={_LB})|\Z)"
)
#: Two or more horizontal spaces, or one that is not U+0020.
SPACE_RUN = re.compile(rf"{_HS}{{2,}}|[{HORIZONTAL_SPACES[0]}{HORIZONTAL_SPACES[2:]}]")
#: An Arabic letter repeated three times or more.
ELONGATED = re.compile(
    "([\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff])\\1{2,}"
)


# --------------------------------------------------------------------------
# The steps.
# --------------------------------------------------------------------------


def unicode(text: str, *, expand_ligatures: bool = False) -> str:
    r"""Compose to NFC, then fold Arabic presentation forms to base letters.

    NFC joins a letter and a following combining hamza or madda: ا + U+0654 → أ
    (U+0623), ا + U+0653 → آ, ا + U+0655 → إ, ي + U+0654 → ئ, و + U+0654 → ؤ,
    ە + U+0654 → ۀ, and puts combining marks in canonical order.  Then every
    letter-like character of Arabic Presentation Forms-A (U+FB50-FDFF) and -B
    (U+FE70-FEFF) becomes its base letters, as the Unicode decomposition data
    says (table ``PRESENTATION_FORMS`` in ``arnorm/_tables.py``): all eight
    lam-alef ligatures keep their hamza or madda (ﻷ → لأ, ﻵ → لآ), ﷲ → الله, and
    the isolated forms of marks (U+FE70 ...) lose the space of their
    decomposition, so no space is ever inserted.  The ligatures that spell
    several words (U+FDFA ﷺ, U+FDFB ﷻ, U+FDFD ﷽) are kept unless
    *expand_ligatures* is true.  Symbols (U+FDFC ﷼) and characters with no
    decomposition are kept.  The result is composed to NFC again.

    >>> unicode("\ufef7\ufee3\ufee6 \ufdf2")
    'لأمن الله'
    >>> unicode("\u0627\u0654")
    'أ'
    >>> unicode("\ufdfa") == "\ufdfa"
    True
    >>> unicode("\ufdfa", expand_ligatures=True)
    'صلى الله عليه وسلم'
    """
    return nfc(_charmap("unicode", expand_ligatures=expand_ligatures)(nfc(text)))


def invisible(text: str) -> str:
    r"""Remove invisible format characters.

    Removed: U+200B ZERO WIDTH SPACE, U+200C ZWNJ, U+200D ZWJ, U+200E LRM,
    U+200F RLM, U+061C ARABIC LETTER MARK, U+202A-202E (bidi embeddings and
    overrides), U+2066-2069 (bidi isolates), U+FEFF (BOM) and U+00AD (soft
    hyphen).  They are deleted, never turned into spaces, so a word that
    carries one stays one word.

    >>> invisible("حمو\u200cشي\u200f")
    'حموشي'
    """
    return _charmap("invisible")(text)


def spaces(text: str) -> str:
    r"""Turn every horizontal space into U+0020 and collapse runs of them.

    Touched: U+0009 TAB and every character of general category Zs (U+00A0
    NO-BREAK SPACE, U+1680, U+2000-200A, U+202F, U+205F, U+3000).  A run of
    them becomes one U+0020.  Line breaks (LF, CR, CRLF, VT, FF, U+001C-001E,
    U+0085, U+2028, U+2029) are kept as they are.

    >>> spaces("الرباط\u00a0 \u2009والدار  البيضاء\r\nأمس")
    'الرباط والدار البيضاء\r\nأمس'
    """
    return SPACE_RUN.sub(" ", text)


def tatweel(text: str) -> str:
    """Remove tatweel (U+0640 ARABIC TATWEEL, kashida).

    A word made only of tatweel disappears with the horizontal space that
    separated it from the text before it (or after it, at the start of a line).

    >>> tatweel("الإمـــارات")
    'الإمارات'
    >>> tatweel("قال ـــ اليوم")
    'قال اليوم'
    """
    return _charmap("tatweel")(TATWEEL_WORD.sub("", text))


def diacritics(text: str, *, keep_shadda: bool = False, dagger_alef_as_alef: bool = False) -> str:
    """Remove Arabic combining marks (tashkeel, Quranic annotation marks).

    Removed: every character of general category M in the Arabic blocks under
    Unicode 18 (table ``ARABIC_MARK_RANGES`` in ``arnorm/_tables.py``):
    U+0610-061A, U+064B-065F, U+0670, U+06D6-06DC, U+06DF-06E4, U+06E7-06E8,
    U+06EA-06ED, U+0897-089F, U+08CA-08E1, U+08E3-08FF, U+10ECB-10ECF and
    U+10EF0-10EFF.  Not removed: U+06DD ARABIC END OF AYAH and U+08E2 (format
    characters, not marks), and marks of other scripts.  With *keep_shadda*,
    U+0651 SHADDA stays; with *dagger_alef_as_alef*, U+0670 SUPERSCRIPT ALEF
    becomes ا (U+0627) instead of being removed.

    >>> diacritics("اهتماماً شكّل")
    'اهتماما شكل'
    >>> diacritics("شكّل", keep_shadda=True)
    'شكّل'
    >>> diacritics("هٰذا", dagger_alef_as_alef=True)
    'هاذا'
    """
    return _charmap("diacritics", keep_shadda=keep_shadda, dagger_alef_as_alef=dagger_alef_as_alef)(
        text
    )


def letters(text: str) -> str:
    """Fold Persian and Urdu look-alike letters to the Arabic letters they resemble.

    ک U+06A9 and ڪ U+06AA → ك U+0643; ی U+06CC → ي U+064A; ۀ U+06C0, ہ U+06C1,
    ۂ U+06C2, ھ U+06BE and ە U+06D5 → ه U+0647; ۃ U+06C3 → ة U+0629.  Letters
    with no Arabic look-alike (پ چ ژ گ ...) are kept.  The presentation forms of
    these letters reach here through ``unicode``.

    >>> letters("کرمانشاه ی")
    'كرمانشاه ي'
    """
    return _charmap("letters")(text)


def alef(text: str, *, fold_hamza_seats: bool = False) -> str:
    """Fold the forms of alef to bare alef ا (U+0627).

    أ U+0623, إ U+0625, آ U+0622, ٱ U+0671, ٲ U+0672, ٳ U+0673 and ٵ U+0675
    become ا.  Hamza on its own (ء U+0621), on waw (ؤ U+0624) and on yaa
    (ئ U+0626) stay, unless *fold_hamza_seats* folds ؤ → و and ئ → ي.

    >>> alef("إفريقيا أوروبا")
    'افريقيا اوروبا'
    >>> alef("مسؤول", fold_hamza_seats=True)
    'مسوول'
    """
    return _charmap("alef", fold_hamza_seats=fold_hamza_seats)(text)


def yaa(text: str) -> str:
    """Fold alef maksura ى (U+0649) to yaa ي (U+064A); never to alef.

    >>> yaa("إلى مصطفى")
    'إلي مصطفي'
    """
    return _charmap("yaa")(text)


def teh_marbuta(text: str) -> str:
    """Fold teh marbuta ة (U+0629) to heh ه (U+0647).

    >>> teh_marbuta("المديرية العامة")
    'المديريه العامه'
    """
    return _charmap("teh_marbuta")(text)


def digits(text: str) -> str:
    """Turn Arabic-Indic (U+0660-0669) and Extended Arabic-Indic (U+06F0-06F9) digits into 0-9.

    The separators ٫ (U+066B) and ٬ (U+066C) are punctuation, not digits: see
    ``punctuation``.

    >>> digits("٢٠٢٤ و۱۴۰۳")
    '2024 و1403'
    """
    return _charmap("digits")(text)


def punctuation(text: str) -> str:
    """Turn Arabic and typographic punctuation into ASCII.

    ، U+060C → ``,``; ؛ U+061B → ``;``; ؟ U+061F → ``?``; ٫ U+066B → ``.``;
    ٬ U+066C → ``,``; « U+00AB, » U+00BB, “ U+201C and ” U+201D → ``"``.

    >>> punctuation("«الرباط»، لماذا؟")
    '"الرباط", لماذا?'
    """
    return _charmap("punctuation")(text)


def elongation(text: str) -> str:
    """Shorten a run of three or more of the same Arabic letter to one letter.

    Letters are U+0621-063A, U+0641-064A, U+0671-06D3, U+06D5, U+06EE-06EF,
    U+06FA-06FC and U+06FF; runs of two are kept (they occur in real words),
    and Latin letters are never touched (``www`` stays).

    >>> elongation("جووووول www")
    'جول www'
    """
    return ELONGATED.sub(r"\1", text)


#: Every step by name, in canonical order.
STEPS: Final[Mapping[str, Callable[..., str]]] = MappingProxyType(
    {
        "unicode": unicode,
        "invisible": invisible,
        "tatweel": tatweel,
        "diacritics": diacritics,
        "letters": letters,
        "alef": alef,
        "yaa": yaa,
        "teh_marbuta": teh_marbuta,
        "digits": digits,
        "punctuation": punctuation,
        "elongation": elongation,
        "spaces": spaces,
    }
)
STEP_NAMES: Final = tuple(STEPS)
