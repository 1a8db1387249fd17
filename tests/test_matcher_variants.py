"""Recall per variant class on a test set generated from the shipped gazetteers.

Every entry's canonical name is rewritten by one class of variation at a time
(dots, hamza, ة/ه, ى/ي, spacing, clitics, tatweel, tashkeel, presentation
forms, invisible marks), put in a neutral sentence, and the matcher must find
the entry (as the match or as one of its candidates) over the variant's span.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

import pytest

from arnorm import Matcher, normalize
from arnorm.gazetteer import Entry, available_gazetteers, common_word_aliases, load_gazetteer
from arnorm.matcher import frequent_words

_ARABIC = re.compile(r"^[\u0621-\u064a ]+$")
_DOT_SIBLINGS = {
    "ب": "ت",
    "ت": "ث",
    "ث": "ت",
    "ن": "ب",
    "ج": "خ",
    "خ": "ج",
    "ح": "خ",
    "د": "ذ",
    "ذ": "د",
    "ر": "ز",
    "ز": "ر",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ط": "ظ",
    "ظ": "ط",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
}
_PARTICLES = ("عبد ", "أبو ", "ابن ", "بن ", "آل ", "أبي ")
Variant = Callable[[str, random.Random], str | None]


def _entries() -> list[Entry]:
    common = set(common_word_aliases())
    out = []
    for name in available_gazetteers():
        for entry in load_gazetteer(name):
            if _ARABIC.match(entry.name) and normalize(entry.name) not in common:
                out.append(entry)
    return out


def _longest_word(name: str) -> tuple[int, int]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", name)]
    return max(spans, key=lambda s: s[1] - s[0])


def dots(name: str, rng: random.Random) -> str | None:
    start, end = _longest_word(name)
    word = name[start:end]
    if len(word) < 5 or normalize(word) in frequent_words():
        return None
    inner = [i for i in range(1, len(word) - 1) if word[i] in _DOT_SIBLINGS]
    if not inner:
        return None
    i = rng.choice(inner)
    typo = word[:i] + _DOT_SIBLINGS[word[i]] + word[i + 1 :]
    if normalize(typo) in frequent_words():
        return None
    return name[:start] + typo + name[end:]


def hamza(name: str, rng: random.Random) -> str | None:
    if any(ch in name for ch in "أإآ"):
        return name.translate(str.maketrans("أإآ", "ااا"))
    if "ا" in name:
        i = name.index("ا")
        return name[:i] + rng.choice("أإ") + name[i + 1 :]
    return None


def _swap(name: str, letter: str, other: str) -> str | None:
    """Every *letter* written *other*, or else a word-final *other* written *letter*."""
    if letter in name:
        return name.replace(letter, other)
    if re.search(rf"{other}(\s|$)", name):
        return re.sub(rf"{other}(\s|$)", rf"{letter}\1", name, count=1)
    return None


def teh_marbuta(name: str, rng: random.Random) -> str | None:
    return _swap(name, "ة", "ه")


def alef_maksura(name: str, rng: random.Random) -> str | None:
    return _swap(name, "ى", "ي")


def spacing(name: str, rng: random.Random) -> str | None:
    for particle in _PARTICLES:
        if name.startswith(particle) or f" {particle}" in name:
            return name.replace(particle, particle.strip(), 1)
        joined = particle.strip()
        m = re.search(rf"(^|\s){joined}(?=[\u0621-\u064a]{{3}})", name)
        if m:
            return name[: m.end()] + " " + name[m.end() :]
    return None


def clitics(name: str, rng: random.Random) -> str | None:
    if name.startswith("ال"):
        return rng.choice(["لل" + name[2:], "ولل" + name[2:], "بال" + name[2:], "وال" + name[2:]])
    return rng.choice(["و", "ب", "ل", "وب", "فل", "ك"]) + name


def tatweel(name: str, rng: random.Random) -> str | None:
    start, end = _longest_word(name)
    if end - start < 3:
        return None
    i = start + 2
    return name[:i] + "ـــ" + name[i:]


def tashkeel(name: str, rng: random.Random) -> str | None:
    # a mark on every letter; not tanwin where it ends a word (on the last letter, or on the
    # letter before a final ا or ى), which makes a name the indefinite common word
    marks = "\u064e\u064f\u0650\u0651\u0652\u064b"
    out = []
    for k, ch in enumerate(name):
        rest = name[k + 1 :].split(" ")[0]
        final = not rest or (len(rest) == 1 and rest in "اى")
        out.append(ch + (rng.choice(marks[:-1] if final else marks) if ch != " " else ""))
    return "".join(out)


_FORMS: dict[str, str] = {}
for _cp in range(0xFE70, 0xFF00):
    _decomposition = unicodedata.decomposition(chr(_cp))
    if _decomposition.startswith("<isolated>") and len(_decomposition.split()) == 2:
        _FORMS.setdefault(chr(int(_decomposition.split()[1], 16)), chr(_cp))


def presentation_forms(name: str, rng: random.Random) -> str | None:
    return "".join(_FORMS.get(ch, ch) for ch in name)


def invisible(name: str, rng: random.Random) -> str | None:
    start, end = _longest_word(name)
    if end - start < 3:
        return None
    i = start + rng.randrange(1, end - start)
    return name[:i] + rng.choice(["\u200c", "\u200f", "\u00ad", "\u2066"]) + name[i:]


CLASSES: dict[str, Variant] = {
    "dots": dots,
    "hamza": hamza,
    "teh_marbuta": teh_marbuta,
    "alef_maksura": alef_maksura,
    "spacing": spacing,
    "clitics": clitics,
    "tatweel": tatweel,
    "tashkeel": tashkeel,
    "presentation_forms": presentation_forms,
    "invisible": invisible,
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return _entries()


def recall(
    matcher: Matcher, entries: list[Entry], variant: Variant
) -> tuple[float, int, list[str]]:
    rng = random.Random(20261123)  # noqa: S311 - reproducible test data, not security
    tried = hit = 0
    missed: list[str] = []
    places = load_gazetteer("places")
    for entry in entries:
        text = variant(entry.name, rng)
        if text is None or (variant is dots and normalize(text) == normalize(entry.name)):
            continue
        # a body's name that several countries' bodies share needs its country in the sentence
        country = places.get(f"country-{(entry.country or '').lower()}")
        where = f" في {country.name}" if country is not None and entry.type == "agency" else ""
        sentence = f"وقال مصدر مطلع{where} إن {text} أعلن أمس"
        start = sentence.index(text)
        end = start + len(text)
        tried += 1
        ok = any(
            m.start < end and start < m.end and entry.id in {m.id, *(c.id for c in m.candidates)}
            for m in matcher.find(sentence)
        )
        hit += ok
        if not ok:
            missed.append(f"{entry.id}: {text}")
    return hit / max(tried, 1), tried, missed


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_recall_per_variant_class(matcher: Matcher, entries: list[Entry], name: str) -> None:
    rate, tried, missed = recall(matcher, entries, CLASSES[name])
    assert tried >= 20, f"too few {name} variants to measure"
    assert rate >= 0.95, f"{name}: recall {rate:.3f} on {tried}; missed e.g. {missed[:10]}"


def test_the_generated_set_tests_something(matcher: Matcher, entries: list[Entry]) -> None:
    # without typo lookups the dots class must fail: the set is not trivially easy
    rate, _, _ = recall(Matcher(fuzzy=False), entries, dots)
    assert rate < 0.5
