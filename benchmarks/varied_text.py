"""Synthetic Arabic text with a realistic vocabulary, for benchmarks that must not repeat.

Real archives keep meeting words they have not seen: the number of distinct words grows
with the length of the text (Heaps' law), while a few words make up most of it (Zipf's
law). A benchmark that repeats three articles has a vocabulary of a few hundred words, so
every per-word cache hits and the figure says nothing about an archive. This module makes
text whose words are drawn from a Zipf distribution over a very large vocabulary:

- ranks below the size of ``gazetteers/frequent-words-ar.txt`` (wordfreq's 28,000 most
  frequent Arabic words, shipped with arnorm) are those words;
- higher ranks are pseudo-words of 3-9 Arabic letters, a fixed one per rank, standing for
  the names, inflections and rare words of real text;
- a fifth of the words get a proclitic (و، ف، ب، ل، ك، وال، بال، لل …), as Arabic writes them;
- about one word in a hundred is replaced by a name from the shipped gazetteers (with a
  proclitic now and then), so that the matchers have something to find;
- where the development corpus is beside the checkout, 15% of the lines are its sentences.

Drawing from a Zipf law over a large vocabulary gives the Heaps growth by itself. Everything
is seeded: the same arguments make the same text.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections.abc import Sequence
from pathlib import Path

import regex

import arnorm.gazetteer as gz

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وال", "بال", "لل", "فال", "وب", "ول", "ال")
VOCABULARY = 2_000_000  # ranks in the Zipf draw; the tail is pseudo-words
ZIPF_EXPONENT = 1.05  # about what word counts of news text follow
_SENTENCE = re.compile(r"[^.!؟\n]+[.!؟]")


def frequent_words() -> list[str]:
    """arnorm's shipped frequent-word list, most frequent first."""
    path = gz._data_dir() / "frequent-words-ar.txt"  # the shipped data file, ranked
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for w in lines if w and not w.startswith("#")]


def pseudo_word(rank: int) -> str:
    """The fixed pseudo-word of a rank past the frequent words."""
    rng = random.Random(rank)  # noqa: S311 - a reproducible stand-in word, not a secret
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 9)))


def corpus_sentences(corpus: Path) -> list[str]:
    """The sentences of the development corpus, where it is beside the checkout."""
    sentences: list[str] = []
    for path in sorted(corpus.glob("news-*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences.extend(s.strip() for s in _SENTENCE.findall(text) if len(s.split()) > 3)
    return sentences


def varied_text(
    size_chars: int,
    *,
    seed: int = 0,
    names: Sequence[str] = (),
    sentences: Sequence[str] = (),
) -> str:
    """About *size_chars* characters of varied text, lines of 8 to 30 words."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark text
    words = frequent_words()
    weights = itertools.accumulate(1 / (r**ZIPF_EXPONENT) for r in range(1, VOCABULARY + 1))
    cumulative = list(weights)
    total = cumulative[-1]
    cache: dict[int, str] = {}

    def word() -> str:
        rank = bisect.bisect_left(cumulative, rng.random() * total)
        if rank < len(words):
            base = words[rank]
        else:
            base = cache.get(rank) or cache.setdefault(rank, pseudo_word(rank))
        if names and rng.random() < 0.01:
            base = rng.choice(names)
        if rng.random() < 0.2:
            base = rng.choice(PROCLITICS) + base
        return base

    lines: list[str] = []
    length = 0
    while length < size_chars:
        if sentences and rng.random() < 0.15:
            line = rng.choice(sentences)
        else:
            n = rng.randint(8, 30)
            parts = [word() for _ in range(n)]
            for i in range(3, n - 1, rng.randint(5, 12)):
                parts[i] += "،"
            line = " ".join(parts) + "."
        lines.append(line)
        length += len(line) + 1
    return "\n".join(lines) + "\n"


_WORD = regex.compile(r"[\p{L}\p{M}]+")


def distinct_words(text: str) -> int:
    """How many distinct words *text* has (runs of letters and their marks)."""
    return len(set(_WORD.findall(text)))
