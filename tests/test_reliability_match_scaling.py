"""Time on k·n characters of each pathological input stays within a constant factor of k times n.

The inputs of the reliability review that were quadratic (a long word, one letter repeated,
و repeated before a name) and the other long runs it tried.  Each is timed at n and at 4n
(the best of several runs, so a busy machine does not decide); a quadratic cost would take
16 times as long, and the test allows 12 (three times linear) plus a millisecond of
timer noise.  Sizes are small: the whole module takes a second or two.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from arnorm import Matcher

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
K = 4
FACTOR = 3


def random_word(n: int) -> str:
    return "".join(random.Random(n).choice(LETTERS) for _ in range(n))  # noqa: S311


PATTERNS: dict[str, tuple[Callable[[int], str], int]] = {
    # name: (the text of about n characters, n)
    "long word": (random_word, 4000),
    "one letter repeated": (lambda n: "ب" * n, 4000),
    "و repeated, then a name": (lambda n: "و" * n + "الرباط", 4000),
    "tatweel run in a word": (lambda n: "ب" + "ـ" * n + "ت", 4000),
    "fatha run on one letter": (lambda n: "ب" + "\u064e" * n, 4000),
    "a name repeated on one line": (
        lambda n: "المديرية العامة للأمن الوطني " * (n // 29),
        16000,
    ),
}


def best_time(matcher: Matcher, text: str, runs: int = 5) -> float:
    """The best of *runs* calls of ``find``, each with the matcher's caches empty.

    A cached word would cost nothing the second time: the cost of a new word is measured.
    """
    best = float("inf")
    for _ in range(runs):
        matcher._start()
        start = time.perf_counter()
        matcher.find(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.mark.parametrize("pattern", list(PATTERNS))
def test_time_grows_linearly_with_the_input(matcher: Matcher, pattern: str) -> None:
    make, n = PATTERNS[pattern]
    small, large = make(n), make(K * n)
    t_small, t_large = best_time(matcher, small), best_time(matcher, large)
    assert t_large <= FACTOR * K * t_small + 0.001, (pattern, t_small, t_large)
