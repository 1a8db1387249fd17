"""Find officials, agencies, organisations and places in Arabic text, however spelled.

The matcher folds both the gazetteer's aliases and the text with the ``search``
profile, splits them into words, and looks the text's words up in an index of
the aliases' words.  A text word may carry proclitics (و ف ب ك ل and their
combinations, ل with the article fused as لل); name particles (عبد، أبو، ابن،
بن، آل …) are joined to the word after them on both sides, so عبد اللطيف and
عبداللطيف are one key.  Words that are not found exactly are looked up, in this
order, by their long-vowel skeleton (هاينز / هينز), their dotless skeleton
(الزعابي / الزعاني) and one edit (long words only); those lookups are gated by
word length and by a list of frequent Arabic words, and score lower than an
exact match.  Matches never start or end inside a word: مصر is not found in
المصرف, nor تونس in التونسية.

The package is in parts, one responsibility each (:doc:`/matcher-internals`
draws the flow): ``_morphology`` (clitics, particles, cues, as data),
``_variants`` (the variant classes, one registry), ``_index`` (the build and the
file format), ``_lookup`` (a word's lookups, for all the words of a text at
once), ``_walk`` (from a word to the names it begins), ``_rank`` (evidence,
scores, the entry of a span) and ``_core`` (the :class:`Matcher` itself).

>>> m = Matcher()
>>> [(x.text, x.id, x.method) for x in m.find("استقبل عبداللطيف حموشي بالرباط")]
[('عبداللطيف حموشي', 'person-abdellatif-hammouchi', 'exact'), ('الرباط', 'ma-rabat', 'exact')]
>>> [x.text for x in m.find("المصرف التونسية")]
[]
"""

from ._core import AliasNeedingEvidence, EvidenceWarning, Matcher, aliases_needing_evidence
from ._model import METHODS, SCORES, Candidate, Evidence, Match
from ._model import Overlaps as Overlaps
from ._variants import frequent_words

__all__ = [
    "METHODS",
    "SCORES",
    "AliasNeedingEvidence",
    "Candidate",
    "Evidence",
    "EvidenceWarning",
    "Match",
    "Matcher",
    "aliases_needing_evidence",
    "frequent_words",
]
