"""Gazetteer matching: arnorm's Matcher side by side with flashtext, pyahocorasick and spaCy.

Three measurements, in one process run:

1. Throughput on the development corpus (``shared/corpus/news-00*.txt`` joined
   with line feeds) repeated to at least ``--size-mb`` megabytes of UTF-8, with
   every surface (name, alias, abbreviation) of every shipped gazetteer:
   ``Matcher().find``, flashtext's ``KeywordProcessor`` with Arabic letters,
   marks and digits as word characters, a pyahocorasick ``Automaton`` keeping
   the hits at word boundaries, and spaCy's ``PhraseMatcher`` on
   ``spacy.blank("ar")`` line by line.  Then the choice of exact-match engine:
   arnorm's token index and pyahocorasick on the same normalized text.
2. Scaling with synthetic gazetteers of ``--entries`` entries (random names of
   1-3 words of 3-8 of the 28 base letters, one alias each, fixed seed): build
   time, build memory (tracemalloc peak, and resident memory in a fresh
   subprocess), and ``find`` throughput on the same text.
3. ``Matcher.lookup`` latency on distinct one-dot typos and one-edit variants of
   words of the largest synthetic gazetteer (uncached, then cached), next to a
   brute-force rapidfuzz ``process.extractOne`` over all its names.

Throughput is megabytes (10**6 bytes) of UTF-8 input per second, best of
``--runs`` runs, the contenders taking turns.

Run from the repository root (see ``benchmarks/README.md``)::

    python benchmarks/bench_match.py            # print the table (a few minutes)
    python benchmarks/bench_match.py --quick    # smoke run, small sizes (under a minute)
    python benchmarks/bench_match.py --save     # also write results/match.json
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import hashlib
import itertools
import json
import pstats
import random
import re
import subprocess
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

# A sibling script: Python puts this folder first on sys.path when it runs one.
from bench_normalize import DEFAULT_CORPUS, MB, _version, environment, save_results

import arnorm
from arnorm import Entry, Gazetteer, Matcher, available_gazetteers, load_gazetteer
from arnorm.gazetteer import Source
from arnorm.matcher import frequent_words

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "match.json"
CORPUS_GLOB = "news-00*.txt"
LIBRARIES = ("arnorm", "flashtext", "pyahocorasick", "spacy", "rapidfuzz", "regex")

#: Sizes of a full run and of a ``--quick`` smoke run; a flag given explicitly wins.
FULL = {
    "size_mb": 25.0,
    "spacy_mb": None,  # the same text as the others
    "entries": [1_000, 100_000],
    "queries": 3_000,
    "rapidfuzz_queries": 20,
    "runs": 5,
}
QUICK = {
    "size_mb": 2.0,
    "spacy_mb": None,
    "entries": [1_000, 10_000],
    "queries": 300,
    "rapidfuzz_queries": 3,
    "runs": 1,
}

# What the project has to meet on its 2-core CI machine.
FLASHTEXT_RATIO_MIN = 1.0  # arnorm MB/s / flashtext MB/s, shipped gazetteers
TARGET_ENTRIES = 100_000  # the build and scaling targets are set at this size
BUILD_SECONDS_MAX = 2.0
BUILD_MB_MAX = 150.0
SCALING_RATIO_MIN = 0.5  # find MB/s at 100k / at the smallest size
LOOKUP_MS_MAX = 0.05

#: The 28 base letters the synthetic names are made of.
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
ENTRY_TYPES = ("person", "agency", "organization", "place")
#: Letters told apart by their dots only: a one-dot typo swaps within a group.
DOT_GROUPS = ("بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق")
DOT_SIBLINGS = {c: group.replace(c, "") for group in DOT_GROUPS for c in group}
#: The matcher reads a lone word as a one-dot typo from this many letters, as an edit from 8.
MIN_DOTS_ALONE = 5
MIN_EDIT_ALONE = 8

_WORD = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")


# --------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    base: str  # the articles joined with line feeds, and a final line feed
    files: list[str]
    sha256: str

    def repeated(self, size_mb: float) -> str:
        """The articles repeated to at least *size_mb* MB of UTF-8."""
        encoded = len(self.base.encode("utf-8"))
        return self.base * max(1, -(-int(size_mb * MB) // encoded))


def read_corpus(directory: Path) -> Corpus:
    paths = sorted(directory.glob(CORPUS_GLOB))
    if not paths:
        raise SystemExit(f"bench_match: no {CORPUS_GLOB} in {directory} (use --corpus DIR)")
    base = "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"
    return Corpus(
        base=base,
        files=[p.name for p in paths],
        sha256=hashlib.sha256(base.encode("utf-8")).hexdigest(),
    )


def utf8_mb(text: str) -> float:
    return len(text.encode("utf-8")) / MB


def shipped_gazetteers() -> list[Gazetteer]:
    return [load_gazetteer(name) for name in available_gazetteers()]


def shipped_surfaces(gazetteers: Iterable[Gazetteer]) -> list[str]:
    """Every name, alias and abbreviation of every entry, as written, without repeats."""
    return sorted({s for g in gazetteers for e in g for s in e.surfaces})


def synthetic_name(rng: random.Random) -> str:
    words = rng.randint(1, 3)
    return " ".join("".join(rng.choices(LETTERS, k=rng.randint(3, 8))) for _ in range(words))


def synthetic_gazetteer(n: int, seed: int) -> Gazetteer:
    """*n* entries with random Arabic-like names and one alias each (the same seed, the same list).

    With the same seed, the first 1,000 entries of the 100,000 are the 1,000.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    source = (Source("synthetic"),)
    entries = []
    for i in range(n):
        name = synthetic_name(rng)
        alias = synthetic_name(rng)
        while alias == name:
            alias = synthetic_name(rng)
        entries.append(
            Entry(
                id=f"synthetic-{i:06d}",
                type=ENTRY_TYPES[i % len(ENTRY_TYPES)],
                name=name,
                name_en=f"Synthetic {i}",
                aliases=(alias,),
                sources=source,
            )
        )
    return Gazetteer("synthetic", "1.0.0", entries)


# --------------------------------------------------------------------------
# Contenders
# --------------------------------------------------------------------------

Find = Callable[[str], Sequence[object]]
T = TypeVar("T")


@dataclass
class Contender:
    key: str
    label: str
    run: Find
    #: What a match is for this contender (the counts are not all alike).
    counts: str = "matches"
    #: The text it runs on, when not the common one (spaCy on a slice).
    text: str | None = None


def arabic_word_characters() -> set[str]:
    """Arabic letters (U+0621-U+064A, U+0671-U+06D3), Arabic marks and Arabic digits."""
    chars = {chr(c) for c in itertools.chain(range(0x0621, 0x064B), range(0x0671, 0x06D4))}
    chars |= {chr(c) for c in range(0x0610, 0x06EE) if unicodedata.category(chr(c)) == "Mn"}
    chars |= {chr(c) for c in itertools.chain(range(0x0660, 0x066A), range(0x06F0, 0x06FA))}
    return chars


def flashtext_find(surfaces: Iterable[str]) -> Find | None:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        return None
    # Case-sensitive: Arabic has no case, and lower-casing the text would be work for nothing.
    processor = KeywordProcessor(case_sensitive=True)
    for char in arabic_word_characters():
        processor.add_non_word_boundary(char)
    for surface in surfaces:
        processor.add_keyword(surface)
    return processor.extract_keywords


def ahocorasick_find(surfaces: Iterable[str]) -> Find | None:
    """Raw Aho-Corasick over the text, keeping hits with no letter just before or after them."""
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for surface in surfaces:
        automaton.add_word(surface, len(surface))
    automaton.make_automaton()

    def run(text: str) -> list[tuple[int, int]]:
        n = len(text)
        out = []
        for last, length in automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start > 0 and text[start - 1].isalpha():
                continue
            if end < n and text[end].isalpha():
                continue
            out.append((start, end))
        return out

    return run


def spacy_find(surfaces: Iterable[str]) -> Find | None:
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        return None
    nlp = spacy.blank("ar")
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("GAZETTEER", [nlp.make_doc(s) for s in surfaces])

    def run(text: str) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for doc in nlp.pipe(text.split("\n"), batch_size=1000):
            out.extend(matcher(doc))
        return out

    return run


def token_index_find(surfaces: Iterable[str]) -> Find:
    """arnorm's design for exact names, alone: a dict of names keyed by their words.

    A name is its words joined with spaces; every word-prefix of a name is in a
    set, so the walk from a word stops as soon as no name goes on.  The text
    (already normalized) is split into words the way the matcher splits it; a
    name's words must be separated by single spaces.
    """
    names: set[str] = set()
    prefixes: set[str] = set()
    for surface in surfaces:
        words = _WORD.findall(surface)
        if not words:
            continue
        names.add(" ".join(words))
        prefixes.update(" ".join(words[:k]) for k in range(1, len(words) + 1))

    def run(text: str) -> list[tuple[int, int]]:
        parts = _SPLIT.split(text)
        tokens, seps = parts[1::2], parts[0::2]
        n = len(tokens)
        spans: list[tuple[int, int]] = []
        for i in itertools.compress(range(n), map(prefixes.__contains__, tokens)):
            key, j = tokens[i], i + 1
            while True:
                if key in names:
                    spans.append((i, j))
                if j >= n or seps[j] != " ":
                    break
                key = key + " " + tokens[j]
                if key not in prefixes:
                    break
                j += 1
        if not spans:
            return []
        offsets = list(itertools.accumulate(map(len, parts), initial=0))
        return [(offsets[2 * i + 1], offsets[2 * j]) for i, j in spans]

    return run


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------


@dataclass
class Timed:
    seconds: float
    count: int
    mb: float

    @property
    def mbps(self) -> float:
        return self.mb / self.seconds


def race(contenders: list[Contender], text: str, runs: int) -> dict[str, Timed]:
    """Best wall time of each contender; they take turns in each round, after a warm-up."""
    for c in contenders:  # warm up: compile, fill caches
        c.run((c.text or text)[:100_000])
    best: dict[str, Timed] = {}
    for _ in range(runs):
        for c in contenders:
            subject = c.text if c.text is not None else text
            gc.collect()
            start = time.perf_counter()
            result = c.run(subject)
            elapsed = time.perf_counter() - start
            count = len(result)
            del result
            previous = best.get(c.key)
            if previous is not None and previous.count != count:
                print(f"warning: {c.label}: {count} matches, {previous.count} before", flush=True)
            if previous is None or elapsed < previous.seconds:
                best[c.key] = Timed(elapsed, count, utf8_mb(subject))
    return best


def best_of(runs: int, make: Callable[[], T]) -> tuple[float, T]:
    """Best wall time of *make()* over *runs* calls, and the last thing it made."""
    times = []
    for i in range(runs):
        gc.collect()
        start = time.perf_counter()
        made = make()
        times.append(time.perf_counter() - start)
        if i + 1 < runs:
            del made  # not alive while the next one is made
    return min(times), made


# --------------------------------------------------------------------------
# Build memory
# --------------------------------------------------------------------------


def traced_build(gazetteer: Gazetteer) -> tuple[float, float]:
    """(peak, retained) MB that tracemalloc sees Python allocate while a Matcher is built."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        matcher = Matcher([gazetteer])
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del matcher
    return (peak - before) / MB, (current - before) / MB


def _memory() -> dict[str, int]:
    """Resident memory now (``VmRSS``) and at its highest (``VmHWM``), in bytes; {} if not Linux.

    ``ru_maxrss`` would not do: a child started by a big parent inherits the
    parent's peak across ``fork`` and ``exec``.
    """
    try:
        lines = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return {}
    out = {}
    for line in lines:
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) * 1024
    return out


def _reset_peak() -> bool:
    """Bring ``VmHWM`` down to the current resident memory (Linux 4.0 and later)."""
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        return False
    return True


def child_build(entries: int, seed: int) -> dict[str, Any]:
    """In a fresh process: resident memory before, at the peak of, and after building a Matcher."""
    gazetteer = synthetic_gazetteer(entries, seed)
    frequent_words()  # the shipped word list is loaded once per process; not the index
    gc.collect()
    reset = _reset_peak()
    before = _memory()
    start = time.perf_counter()
    matcher = Matcher([gazetteer])
    seconds = time.perf_counter() - start
    gc.collect()
    after = _memory()
    del matcher
    return {
        "entries": entries,
        "seconds": seconds,
        "rss_before": before.get("VmRSS"),
        "rss_after": after.get("VmRSS"),
        "peak_after": after.get("VmHWM"),
        "peak_reset": reset,
    }


def rss_build(entries: int, seed: int) -> dict[str, Any] | None:
    """Run :func:`child_build` in a subprocess; None where it cannot measure (not Linux)."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--child-build", str(entries)]
    argv += ["--seed", str(seed)]
    # This very script, with arguments it made itself.
    done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=600)  # noqa: S603
    if done.returncode != 0:
        print(f"warning: the build subprocess failed:\n{done.stderr}", file=sys.stderr)
        return None
    data: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if data["rss_before"] is None or data["peak_after"] is None:
        return None
    data["peak_growth_mb"] = (data["peak_after"] - data["rss_before"]) / MB
    data["retained_growth_mb"] = (data["rss_after"] - data["rss_before"]) / MB
    # Without the reset, the peak may be one reached before the build (an upper bound).
    data["peak_is_upper_bound"] = not data["peak_reset"]
    return data


# --------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------


@dataclass
class Query:
    word: str
    entry: str  # the id of the entry whose surface it was made from
    kind: str  # "dots" or "edit"
    from_name: bool  # made from the entry's name (not its alias)


def make_queries(gazetteer: Gazetteer, per_kind: int, seed: int) -> list[Query]:
    """Distinct one-dot typos and one-edit variants of one-word surfaces of *gazetteer*.

    None is a word of the gazetteer or a frequent word, so every lookup goes
    through the fuzzy indexes.  Edits keep the first and last letters (the
    matcher reads an edit at either end as morphology, not a typo).
    """
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible test data, not cryptography
    known = {w for e in gazetteer for s in e.surfaces for w in s.split()}
    frequent = frequent_words()
    sources = [
        (surface, e.id, surface == e.name)
        for e in gazetteer
        for surface in e.surfaces
        if " " not in surface
    ]
    rng.shuffle(sources)
    taken: set[str] = set()
    out: list[Query] = []
    dots = edits = 0
    for surface, entry, from_name in sources:
        if dots >= per_kind and edits >= per_kind:
            break
        if dots < per_kind and len(surface) >= MIN_DOTS_ALONE:
            word = _dot_typo(surface, rng)
            if word and word not in known and word not in frequent and word not in taken:
                taken.add(word)
                out.append(Query(word, entry, "dots", from_name))
                dots += 1
                continue
        if edits < per_kind and len(surface) >= MIN_EDIT_ALONE:
            word = _edit(surface, rng, edits % 4)
            if word and word not in known and word not in frequent and word not in taken:
                taken.add(word)
                out.append(Query(word, entry, "edit", from_name))
                edits += 1
    return out


def _dot_typo(word: str, rng: random.Random) -> str | None:
    positions = [i for i, c in enumerate(word) if c in DOT_SIBLINGS]
    if not positions:
        return None
    i = rng.choice(positions)
    return word[:i] + rng.choice(DOT_SIBLINGS[word[i]]) + word[i + 1 :]


def _edit(word: str, rng: random.Random, how: int) -> str | None:
    """Substitute (not by a dot sibling), delete, insert or swap, inside the word."""
    i = rng.randrange(1, len(word) - 1)
    if how == 0:
        choices = [c for c in LETTERS if c != word[i] and c not in DOT_SIBLINGS.get(word[i], "")]
        return word[:i] + rng.choice(choices) + word[i + 1 :]
    if how == 1:
        return word[:i] + word[i + 1 :]
    if how == 2:
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if i + 1 >= len(word) - 1 or word[i] == word[i + 1]:
        return None
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


@dataclass
class LookupResult:
    label: str
    queries: int
    seconds: float
    answered: int  # lookups that returned a candidate
    right: int  # lookups whose candidates include the entry the query was made from

    @property
    def ms(self) -> float:
        return self.seconds / self.queries * 1000


def time_lookups(matcher: Matcher, queries: list[Query], label: str) -> LookupResult:
    gc.collect()
    lookup = matcher.lookup
    start = time.perf_counter()
    found = [lookup(q.word) for q in queries]
    seconds = time.perf_counter() - start
    right = sum(any(c.id == q.entry for c in cs) for q, cs in zip(queries, found, strict=True))
    return LookupResult(label, len(queries), seconds, sum(map(bool, found)), right)


def time_rapidfuzz(
    gazetteer: Gazetteer, queries: list[Query]
) -> list[tuple[str, LookupResult]] | None:
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        return None
    entries = list(gazetteer)
    names = [e.name for e in entries]
    out = []
    for key, label, scorer in (
        ("rapidfuzz_ratio", "rapidfuzz extractOne, fuzz.ratio", fuzz.ratio),
        ("rapidfuzz_wratio", "rapidfuzz extractOne, WRatio (default)", fuzz.WRatio),
    ):
        process.extractOne(queries[0].word, names[:1000], scorer=scorer)  # warm up
        gc.collect()
        start = time.perf_counter()
        best = [process.extractOne(q.word, names, scorer=scorer) for q in queries]
        seconds = time.perf_counter() - start
        right = sum(
            b is not None and entries[b[2]].id == q.entry
            for q, b in zip(queries, best, strict=True)
        )
        out.append((key, LookupResult(label, len(queries), seconds, len(queries), right)))
    return out


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

HEADERS = ["Measurement", "Input", "Seconds", "Rate", "Memory MB", "Found"]


@dataclass
class Report:
    sections: list[tuple[str, list[list[str]]]] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)

    def section(self, title: str) -> list[list[str]]:
        rows: list[list[str]] = []
        self.sections.append((title, rows))
        return rows

    def print_section(self, title: str, rows: list[list[str]]) -> None:
        widths = [max(len(r[i]) for r in [HEADERS, *rows]) for i in range(len(HEADERS))]
        print(f"\n{title}")
        for row in [HEADERS, *rows]:
            cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
            cells += [c.rjust(w) for c, w in zip(row[2:-1], widths[2:-1], strict=True)]
            cells.append(row[-1])
            print("  ".join(cells).rstrip())
        sys.stdout.flush()


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def _mbps(t: Timed) -> str:
    return f"{t.mbps:.1f} MB/s"


def _found(t: Timed, what: str) -> str:
    return f"{t.count:,} {what}"


def throughput(
    report: Report, corpus: Corpus, text: str, spacy_text: str, runs: int
) -> tuple[float | None, Matcher]:
    """Section 1: the shipped gazetteers; returns arnorm / flashtext, and arnorm's Matcher."""
    gazetteers = shipped_gazetteers()
    surfaces = shipped_surfaces(gazetteers)
    build_seconds, matcher = best_of(runs, Matcher)
    contenders = [Contender("arnorm", "arnorm Matcher().find", matcher.find)]
    missing = []
    for key, label, factory, counts, hint in (
        ("flashtext", "flashtext KeywordProcessor", flashtext_find, "matches", "flashtext"),
        (
            "pyahocorasick",
            "pyahocorasick + boundary check",
            ahocorasick_find,
            "hits (overlaps too)",
            "pyahocorasick",
        ),
        ("spacy", "spaCy PhraseMatcher, by line", spacy_find, "matches (overlaps too)", "spacy"),
    ):
        run = factory(surfaces)
        if run is None:
            missing.append(f"{label} (not installed: pip install {hint})")
            continue
        subject = spacy_text if key == "spacy" and spacy_text is not text else None
        contenders.append(Contender(key, label, run, counts, subject))
    for label in missing:
        print(f"skipped: {label}", file=sys.stderr)
    best = race(contenders, text, runs)

    # Cold: a fresh Matcher on one copy of the articles, every word seen for the first time.
    cold = float("inf")
    cold_count = 0
    for _ in range(max(3, runs)):
        fresh = Matcher()
        gc.collect()
        start = time.perf_counter()
        cold_count = len(fresh.find(corpus.base))
        cold = min(cold, time.perf_counter() - start)
    cold_timed = Timed(cold, cold_count, utf8_mb(corpus.base))

    rows = report.section(
        f"1. Throughput: shipped gazetteers ({len(surfaces):,} surfaces),"
        f" warm, best of {runs} run(s)"
    )
    rows.append(
        [
            "arnorm Matcher() build",
            f"{sum(len(g) for g in gazetteers):,} entries",
            _s(build_seconds),
            "",
            "",
            "",
        ]
    )
    for c in contenders:
        t = best[c.key]
        rows.append([c.label, f"{t.mb:.1f} MB", _s(t.seconds), _mbps(t), "", _found(t, c.counts)])
    rows.append(
        [
            "arnorm find, cold (fresh Matcher)",
            f"{cold_timed.mb * 1000:.0f} KB, 1 copy",
            _s(cold),
            _mbps(cold_timed),
            "",
            _found(cold_timed, "matches"),
        ]
    )
    ratio = best["arnorm"].mbps / best["flashtext"].mbps if "flashtext" in best else None
    report.results["throughput"] = {
        "gazetteers": {g.name: g.version for g in gazetteers},
        "surfaces": len(surfaces),
        "build_seconds": round(build_seconds, 4),
        "contenders": _contender_results(contenders, best),
        "arnorm_cold": {
            "mb": round(cold_timed.mb, 4),
            "best_seconds": round(cold, 5),
            "mb_per_s": round(cold_timed.mbps, 1),
            "found": cold_count,
        },
        "skipped": missing,
    }
    return ratio, matcher


def _contender_results(contenders: Sequence[Contender], best: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of each contender's best run."""
    labels = {c.key: c.label for c in contenders}
    return {
        key: {
            "label": labels[key],
            "mb": round(t.mb, 2),
            "best_seconds": round(t.seconds, 4),
            "mb_per_s": round(t.mbps, 1),
            "found": t.count,
        }
        for key, t in best.items()
    }


def engines(report: Report, matcher: Matcher, surfaces: list[str], text: str, runs: int) -> None:
    """Section 1b: exact-match engines on the same normalized text, normalized surfaces."""
    normalize_seconds, normalized = best_of(runs, lambda: arnorm.normalize(text))
    folded = sorted({arnorm.normalize(s) for s in surfaces} - {""})
    exact = Matcher(fuzzy=False, variants=False, surnames=False)
    contenders = [
        Contender("matcher", "arnorm Matcher().find", matcher.find),
        Contender(
            "matcher_exact",
            "arnorm Matcher(exact only).find",
            exact.find,
        ),
        Contender("token_index", "token index alone (dict walk)", token_index_find(folded), "hits"),
    ]
    aho = ahocorasick_find(folded)
    if aho is not None:
        contenders.append(Contender("pyahocorasick", "pyahocorasick + boundary check", aho, "hits"))
    best = race(contenders, normalized, runs)
    rows = report.section(
        f"1b. Exact-match engine: the same normalized text, {len(folded):,} normalized surfaces"
    )
    mb = utf8_mb(text)
    rows.append(
        [
            "arnorm.normalize (search), first",
            f"{mb:.1f} MB",
            _s(normalize_seconds),
            f"{mb / normalize_seconds:.1f} MB/s",
            "",
            "",
        ]
    )
    for c in contenders:
        t = best[c.key]
        rows.append(
            [
                c.label,
                f"{t.mb:.1f} MB, normalized",
                _s(t.seconds),
                _mbps(t),
                "",
                _found(t, c.counts),
            ]
        )
    report.results["engines"] = {
        "normalize_seconds": round(normalize_seconds, 4),
        "normalized_surfaces": len(folded),
        "contenders": _contender_results(contenders, best),
    }


def profile_find(matcher: Matcher, text: str, top: int = 25) -> None:
    """cProfile of one ``Matcher.find`` over the text, by time spent in each function."""
    profiler = cProfile.Profile()
    profiler.enable()
    matcher.find(text)
    profiler.disable()
    print(f"\nprofile of arnorm Matcher().find on {utf8_mb(text):.1f} MB (top {top} by tottime):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)


def without_corpus_hits(gazetteer: Gazetteer, matcher: Matcher, corpus: Corpus) -> Gazetteer:
    """*gazetteer* less every entry found, or offered as a candidate, in one copy of the corpus."""
    found = set()
    for match in matcher.find(corpus.base):
        found.add(match.id)
        found.update(c.id for c in match.candidates)
    return Gazetteer(gazetteer.name, gazetteer.version, [e for e in gazetteer if e.id not in found])


def scaling(
    report: Report, corpus: Corpus, text: str, sizes: list[int], seed: int, runs: int
) -> tuple[Gazetteer, Matcher, dict[int, dict[str, Any]]]:
    """Section 2: synthetic gazetteers; returns the largest one, its Matcher and the figures.

    For the largest size, a diagnostic too: ``find`` with the same gazetteer
    less the entries the corpus names (most of the synthetic 3-letter names
    are real words), to tell what the size of the index costs from what the
    matches cost.
    """
    rows = report.section(
        f"2. Scaling: synthetic gazetteers (seed {seed}); build best of {runs};"
        " memory MB = tracemalloc peak / peak RSS growth (fresh process)"
    )
    figures: dict[int, dict[str, Any]] = {}
    largest: tuple[Gazetteer, Matcher] | None = None
    for n in sizes:
        largest = None  # the previous size's index is freed before this one is built
        gc.collect()
        gazetteer = synthetic_gazetteer(n, seed)
        surfaces = sum(len(e.surfaces) for e in gazetteer)
        build, matcher = best_of(runs, lambda g=gazetteer: Matcher([g]))
        traced_peak, traced_kept = traced_build(gazetteer)
        rss = rss_build(n, seed)
        best = race([Contender("find", "find", matcher.find)], text, runs)["find"]
        rss_peak = None if rss is None else rss["peak_growth_mb"]
        memory = f"{traced_peak:.1f} / " + ("n/a" if rss_peak is None else f"{rss_peak:.1f}")
        if rss is not None and rss["peak_is_upper_bound"]:
            memory += " (bound)"
        rows.append(
            [f"synthetic {n:,}: Matcher build", f"{n:,} entries", _s(build), "", memory, ""]
        )
        rows.append(
            [
                f"synthetic {n:,}: find",
                f"{best.mb:.1f} MB",
                _s(best.seconds),
                _mbps(best),
                "",
                _found(best, "matches"),
            ]
        )
        figures[n] = {
            "entries": n,
            "surfaces": surfaces,
            "build_seconds": round(build, 4),
            "traced_peak_mb": round(traced_peak, 1),
            "traced_retained_mb": round(traced_kept, 1),
            "rss_peak_growth_mb": None if rss_peak is None else round(rss_peak, 1),
            "rss_retained_growth_mb": (
                None
                if rss is None or rss["retained_growth_mb"] is None
                else round(rss["retained_growth_mb"], 1)
            ),
            "rss_peak_is_upper_bound": None if rss is None else rss["peak_is_upper_bound"],
            "subprocess_build_seconds": None if rss is None else round(rss["seconds"], 4),
            "find": {
                "mb": round(best.mb, 2),
                "best_seconds": round(best.seconds, 4),
                "mb_per_s": round(best.mbps, 1),
                "found": best.count,
            },
        }
        largest = (gazetteer, matcher)
    assert largest is not None, "no sizes"
    gazetteer, matcher = largest
    n = len(gazetteer)
    quiet = without_corpus_hits(gazetteer, matcher, corpus)
    best = race([Contender("find", "find", Matcher([quiet]).find)], text, runs)["find"]
    rows.append(
        [
            f"synthetic {n:,} less corpus hits: find",
            f"{best.mb:.1f} MB",
            _s(best.seconds),
            _mbps(best),
            "",
            _found(best, f"matches ({len(quiet):,} entries)"),
        ]
    )
    figures[n]["find_less_corpus_hits"] = {
        "entries": len(quiet),
        "mb": round(best.mb, 2),
        "best_seconds": round(best.seconds, 4),
        "mb_per_s": round(best.mbps, 1),
        "found": best.count,
    }
    report.results["scaling"] = {"seed": seed, "sizes": figures}
    return gazetteer, matcher, figures


def lookups(
    report: Report,
    gazetteer: Gazetteer,
    matcher: Matcher,
    per_kind: int,
    brute: int,
    seed: int,
) -> LookupResult:
    """Section 3: lookup latency; returns the uncached figure over all queries."""
    queries = make_queries(gazetteer, per_kind, seed)
    warm = [q.word[::-1] + "ا" for q in queries[:50]]  # other words, through the same paths
    for word in warm:
        matcher.lookup(word)
    by_kind = [
        time_lookups(matcher, [q for q in queries if q.kind == kind], label)
        for kind, label in (("dots", "lookup, one-dot typos"), ("edit", "lookup, one-edit typos"))
    ]
    # Each word once, so the figure above is uncached; now all of them again, cached.
    cached = time_lookups(matcher, queries, "lookup, all again (cached)")
    total = LookupResult(
        "lookup, all (uncached)",
        sum(r.queries for r in by_kind),
        sum(r.seconds for r in by_kind),
        sum(r.answered for r in by_kind),
        sum(r.right for r in by_kind),
    )
    names = [q for q in queries if q.from_name]
    sample = [
        q
        for pair in itertools.zip_longest(
            [q for q in names if q.kind == "dots"], [q for q in names if q.kind == "edit"]
        )
        for q in pair
        if q is not None
    ][:brute]
    rapid = time_rapidfuzz(gazetteer, sample) if sample else None
    if rapid is None:
        print("skipped: rapidfuzz (not installed: pip install rapidfuzz)", file=sys.stderr)
    rows = report.section(f"3. Lookup latency: synthetic {len(gazetteer):,}, distinct query words")
    for r in [*by_kind, total, cached]:
        rows.append(
            [
                r.label,
                f"{r.queries:,} words",
                _s(r.seconds),
                f"{r.ms:.4f} ms/call",
                "",
                f"{r.answered:,} answered, {r.right:,} right",
            ]
        )
    for _, r in rapid or []:
        rows.append(
            [
                r.label,
                f"{r.queries:,} words, {len(gazetteer):,} names",
                _s(r.seconds),
                f"{r.ms:.2f} ms/call",
                "",
                f"{r.right:,} right",
            ]
        )

    def as_json(r: LookupResult) -> dict[str, Any]:
        return {
            "label": r.label,
            "queries": r.queries,
            "seconds": round(r.seconds, 4),
            "ms_per_call": round(r.ms, 5),
            "answered": r.answered,
            "right": r.right,
        }

    report.results["lookup"] = {
        "entries": len(gazetteer),
        "dots": as_json(by_kind[0]),
        "edit": as_json(by_kind[1]),
        "uncached": as_json(total),
        "cached": as_json(cached),
        **{key: as_json(r) for key, r in rapid or []},
    }
    return total


def targets(
    flashtext_ratio: float | None,
    figures: dict[int, dict[str, Any]],
    lookup: LookupResult,
) -> list[dict[str, Any]]:
    """The targets, as ``ratio``/``minimum`` or ``value_mb``/``maximum_mb`` (what the docs render).

    A time limit is given as the ratio of the limit to the measured time, at
    least 1; ``value``, ``unit`` and ``limit`` keep the measured figure itself.
    """
    largest, smallest = max(figures), min(figures)
    at_target = largest == TARGET_ENTRIES
    big, small = figures[largest], figures[smallest]
    out: list[dict[str, Any]] = []

    def ratio(label: str, figure: float | None, minimum: float, **extra: Any) -> None:
        met = None if figure is None else figure >= minimum
        out.append(
            {
                "label": label,
                "ratio": None if figure is None else round(figure, 2),
                "minimum": minimum,
                "met": met,
                **extra,
            }
        )

    ratio("arnorm / flashtext (MB/s)", flashtext_ratio, FLASHTEXT_RATIO_MIN)
    build = big["build_seconds"]
    ratio(
        f"build at {largest:,}: {BUILD_SECONDS_MAX:g} s / measured",
        BUILD_SECONDS_MAX / build,
        1.0,
        value=build,
        unit="s",
        limit=BUILD_SECONDS_MAX,
    )
    memory, how = big["rss_peak_growth_mb"], "peak RSS growth"
    if memory is None:  # not on Linux
        memory, how = big["traced_peak_mb"], "tracemalloc peak"
    out.append(
        {
            "label": f"build memory at {largest:,} ({how})",
            "value_mb": memory,
            "maximum_mb": BUILD_MB_MAX,
            "met": memory < BUILD_MB_MAX,
        }
    )
    ratio(
        f"find MB/s at {largest:,} / at {smallest:,}",
        big["find"]["mb_per_s"] / small["find"]["mb_per_s"],
        SCALING_RATIO_MIN,
    )
    ratio(
        f"lookup: {LOOKUP_MS_MAX:g} ms / measured",
        LOOKUP_MS_MAX / lookup.ms,
        1.0,
        value=round(lookup.ms, 5),
        unit="ms",
        limit=LOOKUP_MS_MAX,
    )
    if not at_target:  # a smoke run: the targets are set at 100,000 entries
        for target in out[1:]:
            target["met"] = None
    return out


def print_targets(found: list[dict[str, Any]]) -> None:
    print()
    for t in found:
        verdict = {None: "not measured", True: "met", False: "MISSED"}[t["met"]]
        if "ratio" in t:
            shown = "n/a" if t["ratio"] is None else f"{t['ratio']:.2f}x"
            goal = f">= {t['minimum']:g}x"
            if "value" in t:
                goal += f"  ({t['value']:g} {t['unit']}, limit {t['limit']:g} {t['unit']})"
        else:
            shown, goal = f"{t['value_mb']:.1f} MB", f"< {t['maximum_mb']:g} MB"
        print(f"{t['label']:<40} {shown:>9}  target {goal}  {verdict}")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def _sizes(value: str) -> list[int]:
    try:
        sizes = sorted({int(v.replace("_", "")) for v in value.split(",") if v.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {value!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def results_head(script: str, corpus: Corpus, text: str, spacy_text: str) -> dict[str, Any]:
    """What every matching results file starts with: the run, the machine, the input."""
    env = environment()
    env["libraries"] = {name: _version(name) for name in LIBRARIES}
    return {
        "benchmark": script,
        "command": " ".join(["python", f"benchmarks/{script}.py", *sys.argv[1:]]),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        **env,
        "input": {
            "files": corpus.files,
            "sha256_of_concatenation": corpus.sha256,
            "utf8_bytes": len(text.encode("utf-8")),
            "characters": len(text),
            "spacy_utf8_bytes": len(spacy_text.encode("utf-8")),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--size-mb", type=float, help="input size (default 25; quick 2)")
    parser.add_argument("--spacy-mb", type=float, help="spaCy's input size (default: the same)")
    parser.add_argument(
        "--entries", type=_sizes, help="synthetic gazetteer sizes (default 1000,100000)"
    )
    parser.add_argument("--queries", type=int, help="lookups of each kind (default 3000)")
    parser.add_argument(
        "--rapidfuzz-queries", type=int, help="brute-force rapidfuzz lookups (default 20)"
    )
    parser.add_argument("--runs", type=int, help="runs per contender, best counts (default 5)")
    parser.add_argument("--seed", type=int, default=7, help="synthetic data seed (default 7)")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of news-00*.txt"
    )
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile summary of arnorm's find"
    )
    parser.add_argument("--save", action="store_true", help=f"write {DEFAULT_OUTPUT.name}")
    parser.add_argument("--output", type=Path, help="results file (default results/match.json)")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 if a measured target is missed"
    )
    parser.add_argument("--child-build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_build is not None:
        print(json.dumps(child_build(args.child_build, args.seed)))
        return 0
    if args.quick and args.save and args.output is None:
        parser.error("--quick --save would overwrite the committed results; give --output")
    defaults = QUICK if args.quick else FULL
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    output = args.output or DEFAULT_OUTPUT

    started = time.perf_counter()
    corpus = read_corpus(args.corpus)
    text = corpus.repeated(args.size_mb)
    spacy_text = text if args.spacy_mb is None else corpus.repeated(args.spacy_mb)
    print(
        f"input: {', '.join(corpus.files)} ({utf8_mb(corpus.base) * MB:,.0f} bytes) repeated to"
        f" {utf8_mb(text):.2f} MB of UTF-8, {len(text):,} characters"
        + ("" if spacy_text is text else f"; spaCy on {utf8_mb(spacy_text):.2f} MB")
    )
    report = Report()
    ratio, shipped = throughput(report, corpus, text, spacy_text, args.runs)
    report.print_section(*report.sections[-1])
    # After the other libraries' structures are gone: the collector walks whatever is alive.
    engines(report, shipped, shipped_surfaces(shipped.gazetteers), text, args.runs)
    report.print_section(*report.sections[-1])
    gazetteer, matcher, figures = scaling(report, corpus, text, args.entries, args.seed, args.runs)
    report.print_section(*report.sections[-1])
    lookup = lookups(report, gazetteer, matcher, args.queries, args.rapidfuzz_queries, args.seed)
    report.print_section(*report.sections[-1])
    found = targets(ratio, figures, lookup)
    print_targets(found)
    elapsed = time.perf_counter() - started
    if args.profile:
        profile_find(shipped, text)
    print(f"\ntotal {elapsed:.0f} s")

    results = {
        **results_head("bench_match", corpus, text, spacy_text),
        "quick": args.quick,
        "runs": args.runs,
        "unit": "MB/s: 10**6 bytes of UTF-8 input per second of wall time, best run",
        "results": report.results,
        "targets": found,
        "table": {
            "headers": HEADERS,
            "rows": [row for _, rows in report.sections for row in rows],
        },
        "total_seconds": round(elapsed, 1),
    }
    if args.save:
        save_results(output, results)
    if args.check and any(t["met"] is False for t in found):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
