"""A slow, plainly written matcher that the tests check :class:`arnorm.Matcher` against.

It is written from the rules in ``docs/matching.rst`` and the class docstring of
:class:`arnorm.Matcher`, not from the fast matcher's code.  Where those pages leave
a rule open, the fast matcher's behaviour was read and the rule is written down
here, in a comment starting "Rule:".  Speed does not matter: clarity does.

How it works:

1. Every alias of every entry is folded with the ``search`` profile and split into
   *units*: its words, with each name particle (or chain of them: بن عبد العزيز) joined
   to the word after it.  A two-word place, agency or organisation may also be written
   glued into one word, an Arabic-script abbreviation with the article (السي آي إيه),
   and an agency's or organisation's name of one word with or without the article
   (الإنتربول / إنتربول) when that form is no other name and no frequent word.
   A person's last unit is a surname alone, unless it is a nasab or a given name.
2. Every alias is expanded into its exact *surface forms*, the tuples of text words
   that spell it: proclitics on the first word (و ف ب ك ل and their pairs, ل with
   the article fused as لل) and each particle joined to its word or apart.
3. The folded text is split into words; at each word, every surface form that
   starts there and whose words follow each other with one space between them is a
   *hit*.  The fuzzy classes (long-vowel variant, dotless, one edit) compare a text
   word with an alias word by predicates, under their gates (a real word of the
   lexicon is never guessed to be a name's first word).
4. Common-word aliases keep only the hits with evidence; the hits of one span are
   ranked; a span whose entries belong to several countries (or a body's generic
   name) is decided by the country evidence around it (qualifier, sentence,
   document); spans are taken leftmost-longest; offsets map back to the original text.

Only arnorm's public API and its shipped data files are used, so that this file keeps
working when the matcher is split into modules.
"""

from __future__ import annotations

import calendar
import dataclasses
import itertools
import lzma
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from importlib import resources
from pathlib import Path

from hypothesis import strategies as st

from arnorm import Gazetteer, Matcher, Normalizer, NormalizerConfig, load_gazetteer
from arnorm.gazetteer import (
    Entry,
    Source,
    available_gazetteers,
    common_given_names,
    common_word_aliases,
    common_word_surnames,
    safe_word_aliases,
)
from arnorm.matcher import frequent_words
from arnorm.matcher._context import ADJECTIVE_READINGS
from arnorm.matcher._morphology import (
    AFTER_SUBJECT,
    AFTER_SUBJECT_MARKS,
    COMPOUND_ENDS,
    NOT_GIVEN,
    SPEECH_VERBS,
)
from arnorm.matcher._variants import commonest_words

# -- the documented rules, as data ---------------------------------------------------------

#: Scores of the docs' table of variant classes.
SCORE = {
    "exact": 1.0,
    "abbreviation": 0.95,
    "variant": 0.9,
    "dots": 0.8,
    "edit": 0.7,
    "context": 0.7,
    "surname": 0.6,
    "surname-confirmed": 0.9,
}
#: Proclitics: و ف ب ك ل and the pairs of a conjunction and a preposition.
PROCLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
#: What may stand before ل fused with the article (لل، ولل، فلل).
BEFORE_FUSED = ("", "و", "ف")
#: Name particles, folded (آل folds to ال).
PARTICLES = ("عبد", "ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ال", "ذو")
#: Rule: the first word of a name may be a particle with a proclitic (وعبد، لابن);
#: it is joined to the next word the same way.
FIRST_PARTICLES = PARTICLES + tuple(c + p for c in PROCLITICS for p in PARTICLES)
#: Cue words, folded, by the entry type they show (places and organisations only).
CUES = {
    "place": {
        "منطقه", "دول", "بلدان", "مدينه", "اقليم", "عاصمه", "ولايه", "محافظه", "حوض",
        "شمال", "جنوب", "شرق", "غرب", "وسط", "مياه", "سواحل", "امن", "استقرار",
        "محافظ", "والي",
        # a division's noun in the dual or the plural (LIST_HEADS), before a list's first item
        "محافظتي", "محافظتا", "محافظات", "منطقتي", "منطقتا", "ولايتي", "ولايتا", "ولايات",
        "اقليمي", "اقليما", "مدينتي", "مدينتا",
    },
    "organization": {
        "تنظيم", "جماعه", "حركه", "عناصر", "زعيم", "مقاتلي", "مقاتلو", "مسلحي", "مسلحو",
        "فرع", "قاده", "قياده", "معاقل", "خلايا", "خليه", "امير",
        "تنظيمي", "تنظيما", "جماعتا", "حركتا",
    },
}  # fmt: skip
#: A division's noun in the dual or the plural: it heads a list of places, each item of which
#: shows the next (محافظتي البيضاء ومأرب).
LIST_HEADS = {"محافظتي", "محافظتا", "محافظات", "منطقتي", "منطقتا", "ولايتي", "ولايتا", "ولايات"}
LIST_HEADS |= {"اقليمي", "اقليما", "مدينتي", "مدينتا"}
#: Those that are also a noun with the suffix "my" or another word (مدينتي, my city; ولايتي,
#: Velayati; إقليمي, regional): a cue only when a list's next item follows the name.
LIST_ONLY = {"محافظتي", "منطقتي", "ولايتي", "اقليمي", "مدينتي"}
#: Prepositions standing alone, folded (في، من، إلى، على، عن، حتى، منذ).
ALONE_PREPOSITIONS = {"في", "من", "الي", "علي", "عن", "حتي", "منذ"}
#: How many items down its list a list's head shows.
LIST_REACH = 12
#: The particles of a nasab (son or daughter of).
NASAB = ("بن", "ابن", "بنت")
#: Entry types whose common-word names, and names shared by several countries, are generic
#: references (the docs: "a body's name").
GENERIC_TYPES = {"agency"}
#: Entry types whose names of two words the press also writes as one word (الدارالبيضاء).
#: Rule: read from the fast matcher (the docs name no types): places, agencies, organisations.
GLUED_TYPES = {"place", "agency", "organization"}
#: What ends a sentence, in the separators of the folded text.
SENTENCE_END = set(".!?؟…\n")
#: How many words either side of a name its sentence is read.
REACH = 12
#: How far after a surname alone its person's full name may begin (words from its first).
AHEAD = 24
#: The line breaks a name runs across, one of them alone (a line wrapped inside a name).
WRAPS = {"\n", "\r", "\r\n", "\u2028", "\x85"}


#: Rule: a ministry's short form without the article, in construct with a country's name
#: (وزير داخلية مملكة البحرين), stands for the name with the article; after a minister or a
#: ministry (with a proclitic or none), and a state noun may come before the country's name.
CONSTRUCT = {"داخليه": "الداخليه", "خارجيه": "الخارجيه", "دفاع": "الدفاع"}
MINISTRY_HEADS = {
    clitic + head
    for head in ("وزير", "وزيره", "وزاره")
    for clitic in ("", "و", "ف", "ل", "ب", "ك", "ول", "وب", "فل", "فب")
}
STATE_NOUNS = {"دوله", "مملكه", "جمهوريه", "سلطنه", "اماره"}


#: The nouns of a place of study, a news outlet, a bank or a company, whose name
#: any name completes, and of a building, a prize or the like, whose name a person's name
#: completes.
INSTITUTIONS = {"مدرسه", "مدارس", "اكاديميه", "كليه", "جامعه", "معهد", "تلفزيون", "اذاعه"}
INSTITUTIONS |= {"تليفزيون", "تلفزه"}
INSTITUTIONS |= {"صحيفه", "جريده", "مجله"}
INSTITUTIONS |= {"بنك", "مصرف", "شركه"}  # a bank, a company
NAMED_AFTER = {"مبني", "مسجد", "جامع", "مستشفي", "شارع", "جائزه", "مطار", "ميناء", "قاعده"}
NAMED_AFTER |= {"قاعه", "ملعب", "استاد", "جسر", "مركز", "مؤسسه", "مدينه"}
#: The nouns before a place's name (without the article) that a place's noun with ب may be.
LOCATION_NOUNS = {"مدينه", "منطقه", "اقليم", "عاصمه", "ولايه", "محافظه", "قريه", "جزيره"}
LOCATION_NOUNS |= {"مركز", "حي", "بلده"}
#: The dual and plural nouns of ministers and ministries.
PLURAL_HEADS = {"وزراء", "وزيري", "وزيرتي", "وزارتي", "وزارات", "وزارتا"}
#: The duals among them (before a list of two ministries' short names, one body of each
#: kind of one state); not وزيرا, as often the singular's accusative (عين وزيرا للداخلية).
DUAL_HEADS = {"وزيري", "وزيرتي", "وزارتي", "وزارتا"}
#: Rule: the nouns of a court, a prosecution or a docket that an agency's name completes.
JUDICIAL_NOUNS = {"محكمه", "محاكم", "نيابه", "نيابات", "جنايات", "جنح"}
#: Rule: the second words of a news outlet's two-word noun, and the words before them.
NEWS = {"انباء", "اخبار"}
NEWS_HEADS = {"وكاله", "شبكه", "موقع", "مركز", "بوابه"}
#: Rule: the nouns of a force whose local unit a place's name completes after a unit's head.
UNIT_FORCES = {"امن", "عمليات", "مباحث", "مخابرات", "استخبارات"}
UNIT_HEADS = {"مديريه", "مديريات", "مدير", "مديرا", "مديري", "قياده", "قيادات", "قائد"}
UNIT_HEADS |= {"قائدا", "اداره", "ادارات", "فرع", "مكتب", "ولايه", "والي", "دائره"}
UNIT_HEADS |= {"قيادتي", "مديريتي", "ادارتي"}  # the duals
#: Rule: police forces whose unit a place's name completes with no head, and the ordinals
#: of a police station (قسم ثان شبرا الخيمة).
POLICE = {"شرطه", "اسايش", "مباحث"}
STATION_ORDINALS = {"اول", "ثان", "ثاني", "ثالث", "رابع"}
#: Rule: division nouns (as written) that may stand between a unit's force and its place.
UNIT_DIVISIONS = {"محافظه", "ولايه", "اقليم", "مقاطعه", "قضاء", "ناحيه", "مديريه"}
#: Rule: the nouns of a military formation or base that a place's name names (فيلق "كربلاء").
FORMATIONS = {"فيلق", "كتيبه", "كتائب", "سريه", "سرايا", "فوج", "مقر"}


def opened(sep: str) -> bool:
    """Rule: one space, or one space and an opening quote or bracket, between a noun and the
    name (or the list of names) it is given."""
    return sep == " " or (sep[:1] == " " and sep[1:] in ('"', "“", "«", "("))


#: Rule: a military region's name is منطقة, a place's name, and this adjective (normalized).
MILITARY_REGION_AFTER = "العسكريه"
#: Rule: words between a rank and a name that are no name: the rank's qualifiers, a
#: professional title, a retirement (اللواء الركن، الفريق أول، العقيد المتقاعد).
RANK_QUALIFIERS = {
    f
    for w in ("ركن", "اول", "متقاعد", "طيار", "بحري", "حقوقي", "شرطه", "دكتور", "مهندس")
    for f in (w, "ال" + w)
}
#: Rule: places' names that the word right after them makes a phrase (القائم بأعمال: a
#: chargé d'affaires; السلط الأمنية: the authorities; مسقط رأسه: his birthplace; القنابل
#: المسيلة للدموع: tear gas).
PHRASES_AFTER = {
    "القائم": {"باعمال"},
    "المسيله": {"للدموع"},
    "مسقط": {"راس", "راسه", "راسها", "راسهم", "راسي", "راسك", "راسنا"},
    "السلط": {"الامنيه", "الرسميه", "الجهويه", "المحليه", "المعنيه", "العموميه", "القضائيه"}
    | {"الاداريه", "المختصه", "الحكوميه", "العليا", "السياسيه", "التونسيه", "المركزيه"},
}
#: Rule: words before a place's name that make it something else (قبيل المغرب: the sunset
#: prayer, not Morocco).
PHRASES_BEFORE = {"المغرب": {"صلاه", "صلاتي", "اذان", "قبيل", "بعيد", "وقت"}}
#: Rule: given names written with the article, before a surname alone (الطاهر عثماني).
GIVEN_WITH_ARTICLE = {"الطاهر", "الهادي", "الحبيب", "المختار", "الصادق", "الطيب", "المنصف"}
GIVEN_WITH_ARTICLE |= {"المهدي", "البشير", "الامين", "العربي", "الناصر", "الصديق", "الخضر"}
GIVEN_WITH_ARTICLE |= {"العيد"}
#: Rule: the words around a generic security body's name that make it the common noun.
SECURITY_BEFORE = {"يتعلق", "تتعلق", "المتعلقه", "المتعلق", "متعلقه", "يمس", "تمس", "المساس"}
SECURITY_BEFORE |= {"مساس", "الماسه", "ماسه", "تستهدف", "يستهدف", "استهداف", "تهدد", "يهدد"}
SECURITY_BEFORE |= {"تهديد", "زعزعه", "العبث", "الاضرار", "اضرار", "الاخلال", "اخلال", "حفظ"}
SECURITY_BEFORE |= {"حمايه", "صون", "ضد"}
SECURITY_BEFORE |= {"تهديدا", "تهديدات", "استقرار", "يخل", "تخل", "يضر", "تضر", "صيانه"}
SECURITY_BEFORE |= {"تعزيز", "تعزيزا", "لتعزيز"} | {"ضمان", "لضمان"}
#: Rule: ... and the words after which على before the name does (حفاظا على الأمن العام).
SECURITY_BEFORE_ALA = {"حفاظا", "الحفاظ", "حفاظ", "حرصا", "الحرص", "خطرا", "خطر", "خطوره"}
SECURITY_BEFORE_ALA |= {"خطورتها", "خطورته"}


#: Words with ال at their start that are no noun with the article (إلى folded is الي).
FUNCTION_WORDS = {"الي", "الا", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين"} | {
    "اللتين",
    "اللاتي",
    "اللواتي",
    "اللائي",
    "اللي",
}


def definite(form: str) -> bool:
    """A noun or an adjective with the article: ال, one letter more, no function word."""
    return len(form) > 2 and form[:2] == "ال" and form not in FUNCTION_WORDS


def joins(sep: str) -> bool:
    """The words of a name are one space apart, or one line break apart with spaces
    around it (a wrapped line), or a full stop with no space (سي.آي.إيه), or a space and an
    opening quotation mark (حركة «الشباب»), or a closing one and a space (تنظيم «داعش» في
    غرب أفريقيا), or a dash (hyphen, en or em) with one space either side or none (سيستان –
    بلوشستان); a blank line or any other punctuation ends the name."""
    quotes = (' "', " «", " \u201c", '" ', "» ", "\u201d ")
    dashed = len(sep) <= 3 and sep.strip(" ") in ("-", "\u2013", "\u2014") and "  " not in sep
    return sep in (" ", ".", *quotes) or dashed or sep.strip(" ") in WRAPS


#: Words before a country-and-city name that pick the city.  Rule: بلدة (town) too.
CITY_CUES = {"العاصمه", "مدينه", "بلده", "مدن", "مدينتي", "مدينتا", "مدينتين", "المدينتين"} | {
    "المدينتان", "بلدات", "بلديه", "بلديات"
}  # fmt: skip
#: Words right before a real word that show it is meant as a name spelt another way: a
#: person's title (with the article or without), the first noun of a construct for a place
#: or an organisation (without it).
GUESS_TITLES = {
    "رئيس", "وزير", "مدير", "سفير", "جنرال", "لواء", "عميد", "عقيد", "فريق", "مشير", "امير",
    "نائب", "مستشار", "قائد", "زعيم", "متحدث", "ناطق", "رئيسه", "وزيره", "مديره",
}  # fmt: skip
#: Words of a chain of posts one person holds, beside titles and bodies' names (without the
#: article).  Rule: a holder may be named across such a chain (ولي العهد نائب رئيس مجلس
#: الوزراء وزير الداخلية), at most CHAIN_REACH words long.
CHAIN_WORDS = {"ولي", "عهد", "مجلس", "وزراء", "حكومه", "اول", "اعلي", "دوله"}
CHAIN_REACH = 10
#: What may stand between two words of a chain: spaces and quotation marks, on one line.
CHAIN_SEPARATORS = set(" \"'«»“”„")
#: Honorifics before a person's name (without the article).  Rule: a qualifier reads over
#: them as over a title (وزير الداخلية، السيد/ سعيد حسن نوح).
HONORIFICS = {"سيد", "شيخ", "دكتور", "استاذ", "مهندس", "معالي", "سمو", "فخامه", "سعاده"}
GUESS_CUES = {
    "place": {"مدينه", "منطقه", "اقليم", "عاصمه", "ولايه", "محافظه", "قريه", "جزيره"},
    "organization": {"تنظيم", "جماعه", "حركه"},
}
#: The nouns of administrative divisions (without the article), and a governor's titles.
DIVISION_NOUNS = {"محافظه", "ولايه", "اقليم", "مقاطعه", "قضاء", "ناحيه", "مديريه"} | {
    "محافظات", "محافظتي", "محافظتا", "ولايات", "ولايتي", "ولايتا", "اقاليم", "محافظ", "والي"
}  # fmt: skip
#: Rule data: a ruler's title and an emirate's noun (حاكم الشارقة، إمارة الشارقة).
RULERS = {"حاكم", "اماره", "امارتي", "امارتا"}
#: A region's nouns (normalized): منطقة is also any area, so it asks only for a division
#: named with it (منطقة الرياض).
REGION_NOUNS = {"منطقه", "منطقتي", "منطقتا", "مناطق"}
#: Rule data: a countryside's nouns (ريف حلب: the governorate's countryside).
COUNTRYSIDE = {"ريف", "ارياف"}
#: A wilaya's nouns (normalized).  Rule: after one, a governorate of a state whose
#: places are never named as wilayas is not that governorate (ولاية صلاح الدين: a jihadist
#: group's "province").
WILAYA_NOUNS = {"ولايه", "ولايات", "ولايتي", "ولايتا"}
#: The nouns of one of an organisation's missions or forces (normalized).
MISSION_NOUNS = {"بعثه", "قوات", "قوه", "مكتب"}
#: Rule data: words after which a place's name is a news outlet's (واشنطن بوست).
OUTLETS_AFTER = {"نيوز", "بريس", "برس", "تايمز", "تايم", "بوست", "الاخباريه", "تيفي"}
# Rule data: what may follow a local unit's head in place of a place: a direction (two may
# follow one another) or an ordinal, feminine or masculine.
UNIT_DIRECTIONS = {"الشماليه", "الجنوبيه", "الشرقيه", "الغربيه", "الوسطي"}
UNIT_ORDINALS = {
    prefix + word + ending
    for prefix in ("ال",)
    for word in ("ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر")
    for ending in ("", "ه")
} | {"الاول", "الاولي"}
# Rule data: the posts a department's name follows in construct (مدير، رئيس …).
POSTS_BEFORE_DEPARTMENTS = {"رئيس", "رئيسه", "مدير", "مديره", "قائد", "مساعد", "نائب"}
# Rule data: the first words of a department's name, the article off.
DEPARTMENTS = {"اداره", "مديريه", "شعبه", "فرع", "قسم", "مكتب", "وحده", "دائره", "قطاع", "مصلحه"}
#: Nouns of water and channels: a place's name after one names the water (نهر النيجر).
WATER_NOUNS = {"نهر", "نهري", "خليج", "بحيره", "مضيق", "قناه", "بحر"}
#: The titles before which الدفاع names a ministry of defence.
DEFENCE_TITLES = {"وزير", "وزيرا", "وزيري", "وزراء", "وزيره", "لوزير", "وزارتا", "وزارتي"}
#: Ranks (without the article) before a person's name: with the article, right before a
#: place's name, they and the honorifics make it a person's (العقيد صلاح الدين).
RANKS = {"عقيد", "عميد", "لواء", "فريق", "مشير", "جنرال", "رائد", "نقيب", "مقدم"} | {
    "ملازم", "عريف", "رقيب"
}  # fmt: skip
PERSON_BEFORE = RANKS | HONORIFICS
#: The words of a place's name that only say what kind of place it is (منطقة وداي), with
#: or without the article, and the honorifics that begin some (الشيخ زويد).
KINDS = {"مدينه", "منطقه", "اقليم", "عاصمه", "ولايه", "محافظه", "قريه", "جزيره"} | {
    "مقاطعه", "قضاء", "ناحيه", "مديريه", "بلده", "مخيم", "معبر", "منفذ", "شيخ", "سيد", "سيده"
}  # fmt: skip
KIND_NOUNS = KINDS | {"ال" + word for word in KINDS}
#: Adjectives of time or status after a generic reference that do not name another body.
STATUS = {"الحالي", "الحاليه", "الفعلي", "الفعليه", "الرسمي", "الرسميه", "الاصلي", "الاصليه"}
#: Rule: the head nouns of an international council's or office's name (see _walk_groups).
INSTITUTION_HEADS = {"مجلس", "لجنه", "هيئه", "مكتب", "برنامج", "صندوق", "مركز"}
#: Words between the items of a list of places.
CONJUNCTIONS = {"و", "او", "ثم"}
#: Letters told apart only by their dots, as classes (each class is one dotless shape).
DOT_CLASSES = ("بتثنيى", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "ةه")
#: Hamza seats and alef maqsura at the ends of a word, folded for the long-vowel skeleton.
SEAT = {"ؤ": "و", "ئ": "ي", "ء": "", "ى": "ي"}
#: Long vowels and hamzas dropped inside a word for the long-vowel skeleton.
INNER_VOWELS = set("اويؤئءى")
#: Rule: the fuzzy classes apply to words of Arabic letters only (no digits, no Latin).
ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
WORD = re.compile(r"[^\W_]+")

SEARCH = Normalizer(NormalizerConfig.profile("search"))


#: A person's alias beginning with a style is no name whose last word is a surname: a title,
#: rank, honorific or ruler's style; without the article, not one that is also a given name.
STYLES = {"رئيس", "وزير", "مدير", "سفير", "امير", "نائب", "مستشار", "قائد", "زعيم", "متحدث"}
STYLES |= {"ناطق", "رئيسه", "وزيره", "مديره", "حاكم", "ملك", "ولي"} | RANKS | HONORIFICS
GIVEN_TOO = {"امير", "سيد", "شيخ", "رائد", "ملك", "نقيب", "مشير"}


def styled_key(key: tuple[str, ...]) -> bool:
    """A key of two words whose first is a style with the article: الامير عبدالعزيز."""
    return len(key) == 2 and key[0].startswith("ال") and styled(key[0])


def styled(word: str) -> bool:
    if word.startswith("ال"):
        return word[2:] in STYLES
    return word in STYLES - GIVEN_TOO


#: A news outlet's nouns (a news agency: وكالة before الأنباء or أنباء).
OUTLETS = {"صحيفه", "جريده", "قناه", "اذاعه", "تلفزيون", "تليفزيون", "تلفزه", "مجله"}


def an_outlets(i: int, tokens: list[str], seps: list[str]) -> bool:
    """Whether one of the five words before word *i*, in its clause, is an outlet's noun."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if SENTENCE_END & set(seps[k + 1]) or {"،", ","} & set(seps[k + 1]):
            return False
        forms = {f.removeprefix("ال") for f in (tokens[k], *(f for f, _ in strip(tokens[k])))}
        if forms & OUTLETS:
            return True
        if forms & {"وكاله"} and tokens[k + 1] in ("الانباء", "انباء") and k + 1 < i:
            return True
    return False


def fold(text: str) -> str:
    """The text folded as the matcher folds it (the ``search`` profile)."""
    return SEARCH(text)


def shadda_on(text: str) -> frozenset[int]:
    """The letters (counted from 0, every other character aside) a shadda sits on."""
    kept = re.sub("[^\u0621-\u064a\u0671-\u06d3\u0651]", "", text)
    letters = re.sub("\u0651", "", kept)
    out, n = set(), -1
    for char in kept:
        if char == "\u0651":
            if n >= 0:
                out.add(n)
        else:
            n += 1
    assert n == len(letters) - 1
    return frozenset(out)


#: The 22 member states of the League of Arab States (ISO 3166-1 alpha-2).
ARAB_LEAGUE = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR"} | {
    *("MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE")
}

#: Regnal ordinals (محمد السادس): the end of a name, never a surname alone.
ORDINALS = {
    fold(w)
    for w in [
        *("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"),
        *("التاسع", "العاشر", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة"),
        *("السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"),
    ]
}


def units(folded: str) -> tuple[str, ...]:
    """The words of a folded alias, each particle joined to the word after it."""
    words = WORD.findall(folded)
    out: list[str] = []
    i = 0
    while i < len(words):
        # a chain of particles joins whole, with the word after it: بن عبد العزيز is one unit
        unit = words[i]
        while words[i] in PARTICLES and i + 1 < len(words):
            i += 1
            unit += words[i]
        out.append(unit)
        i += 1
    return tuple(out)


def given_name(name: str) -> list[str]:
    """The given name of a person's *name*: its first word, unless it has the article."""
    words = WORD.findall(fold(name))[:1]
    return [w for w in words if not w.startswith("ال")]


def compound_given_name(name: str) -> list[str]:
    """The compound given name that begins a person's *name* whose first word is a name
    particle, the two words joined (عبد الملك الحوثي: عبدالملك), or none."""
    words = WORD.findall(fold(name))[:2]
    return [words[0] + words[1]] if len(words) == 2 and words[0] in PARTICLES else []


def written_forms(name: Name) -> list[tuple[str, ...]]:
    """Other keys the press writes *name* with: a name of two words glued into one
    (الدارالبيضاء), and an Arabic-script abbreviation with the article (السي آي إيه)."""
    out = []
    if len(name.key) == 2 and name.entry.type in GLUED_TYPES and name.kind == "exact":
        out.append(("".join(name.key),))
    first = name.key[0]
    if name.kind == "abbreviation" and ARABIC_WORD.fullmatch(first) and not first.startswith("ال"):
        out.append(("ال" + first, *name.key[1:]))
    return out


#: Entry types whose names of one word the press writes with and without the article.
ARTICLE_TYPES = {"agency", "organization"}


def article_form(name: Name) -> str | None:
    """The other form of a body's name of one word: without its article (الإنتربول →
    إنتربول) or with it (موساد → الموساد).  Rule: an exact name or an abbreviation of one
    unit, Arabic letters only, of four letters at least without the article."""
    if len(name.key) != 1 or name.kind not in ("exact", "abbreviation"):
        return None
    word = name.key[0]
    if name.entry.type not in ARTICLE_TYPES or not ARABIC_WORD.fullmatch(word):
        return None
    bare = word.removeprefix("ال")
    if len(bare) < 4:
        return None
    return bare if bare != word else "ال" + word


def nasab_less(alias: str) -> tuple[str, ...] | None:
    """The key of a person's *alias* less each nasab particle written apart that begins a
    unit other than its first and its last, in a name of three units or more; None when
    there is none."""
    words = WORD.findall(fold(alias))
    starts, i = [], 0
    while i < len(words):
        starts.append(i)
        while words[i] in PARTICLES and i + 1 < len(words):
            i += 1
        i += 1
    drop = [k for k in starts[1:-1] if words[k] in NASAB]
    if len(starts) < 3 or not drop:
        return None
    return units(" ".join(w for k, w in enumerate(words) if k not in drop))


def _lexicon() -> frozenset[str]:
    """The words of the shipped lexicon (``lexicon-ar.txt.xz``), read plainly, once."""
    global _LEXICON
    if _LEXICON is None:
        packaged = resources.files("arnorm").joinpath("gazetteers")
        if packaged.is_dir():
            base = Path(str(packaged))
        else:
            base = Path(__file__).resolve().parent.parent / "gazetteers"
        with lzma.open(base / "lexicon-ar.txt.xz", "rt", encoding="utf-8") as f:
            _LEXICON = frozenset(line.strip() for line in f if not line.startswith("#"))
    return _LEXICON


_LEXICON: frozenset[str] | None = None
#: A letter written three times or more: an elongated word (الااااامن).
ELONGATED = re.compile(r"(.)\1\1+")


# -- the spellings of one alias --------------------------------------------------------------


def with_clitics(word: str) -> list[tuple[str, int]]:
    """Every way *word* may stand first in a name: (the text word, clitic letters before it)."""
    out = [(word, 0)]
    # Rule: a clitic comes off only if two letters or more are left.
    if len(word) >= 2:
        out += [(c + word, len(c)) for c in PROCLITICS]
    # ل + the article is written لل (للمديرية); the لل stays inside the span.  Rule: a
    # word beginning الل (اللاذقية) loses one ل more (للاذقية); at least two letters
    # follow the لل.
    if word.startswith("ال"):
        rests = [word[2:]] + ([word[3:]] if word.startswith("الل") else [])
        out += [(c + "لل" + rest, len(c)) for c in BEFORE_FUSED for rest in rests if len(rest) >= 2]
    return out


def spaced(word: str, particles: Iterable[str]) -> list[tuple[str, ...]]:
    """*word* as one text word, or as a chain of particles, each apart, and the rest.

    Only a text word that is a particle as it stands joins the next one: بن عبد العزيز,
    بن عبدالعزيز and بنعبدالعزيز spell one unit, but not بنعبد العزيز (بنعبد is no particle).
    The first particle may be *particles* (one with a proclitic, first in a name), the
    others are plain particles.
    """
    out = [(word,)]
    for p in particles:
        if word.startswith(p) and word != p:
            out += [(p, *rest) for rest in spaced(word[len(p) :], PARTICLES)]
    return out


def surface_forms(key: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], int]]:
    """The tuples of text words that spell the alias *key* exactly, with the clitic letters cut."""
    for first, cut in with_clitics(key[0]):
        # Rule: the particle of a first word may carry the clitic (وعبد اللطيف).
        heads = spaced(first, FIRST_PARTICLES)
        rests = [spaced(unit, PARTICLES) for unit in key[1:]]
        for parts in itertools.product(heads, *rests):
            yield tuple(itertools.chain.from_iterable(parts)), cut


# -- the fuzzy classes -------------------------------------------------------------------------


def loose(word: str) -> str:
    """The long-vowel skeleton: the hamza seat of either end folded, long vowels inside dropped."""
    if len(word) <= 2:
        return "".join(SEAT.get(c, c) for c in word)
    inner = "".join(c for c in word[1:-1] if c not in INNER_VOWELS)
    return SEAT.get(word[0], word[0]) + inner + SEAT.get(word[-1], word[-1])


def vowel_distance(a: str, b: str) -> int:
    """The Levenshtein distance of *a* and *b*, their hamza seats folded (ؤ و، ئ ي، ى ي, ء
    none) and each run of one long vowel read as one."""
    fold_seats = {"ؤ": "و", "ئ": "ي", "ى": "ي", "ء": ""}
    a = "".join(fold_seats.get(c, c) for c in a)
    b = "".join(fold_seats.get(c, c) for c in b)
    # Rule: a long vowel written several times over is one (an elongation: السعودييييه).
    a = re.sub(r"([اوي])\1+", r"\1", a)
    b = re.sub(r"([اوي])\1+", r"\1", b)
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row = row, [i]
        for j, y in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y)))
    return row[-1]


def dotless(word: str) -> str:
    """The word with each letter replaced by the first letter of its dot class."""
    shape = {c: cls[0] for cls in DOT_CLASSES for c in cls}
    return "".join(shape.get(c, c) for c in word)


def one_edit(a: str, b: str) -> bool:
    """True if one letter missing, added, changed or swapped with its neighbour turns a into b."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
        )
        return len(diff) == 1 or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))
    )


@dataclasses.dataclass(frozen=True)
class Options:
    fuzzy: bool = True
    variants: bool = True


def fuzzy_method(text_word: str, alias_word: str, frequent: bool, opts: Options) -> str | None:
    """How *text_word* may be a variant or a typo of *alias_word* (None: it is not).

    The classes are tried in the order of the docs' table and the first that fits
    counts.  *frequent* says whether the text word is a frequent Arabic word: such a
    word is never read as a typo.
    """
    if text_word == alias_word or not (
        ARABIC_WORD.fullmatch(text_word) and ARABIC_WORD.fullmatch(alias_word)
    ):
        return None
    if len(text_word) < 4 or len(alias_word) < 4:
        return None  # the skeleton lookups need four letters (and an edit eight)
    # Rule: a variant holds two single-letter edits at most, hamza seats folded (a long vowel
    # added, dropped or changed is one, moved two): سراوان is no variant of سوران.
    if (
        opts.variants
        and loose(text_word) == loose(alias_word)
        and vowel_distance(text_word, alias_word) <= 2
    ):
        return "variant"
    if not opts.fuzzy or frequent:
        return None
    if (
        len(text_word) == len(alias_word)
        and dotless(text_word) == dotless(alias_word)
        and sum(x != y for x, y in zip(text_word, alias_word, strict=True)) == 1
    ):
        return "dots"
    # Rule: the text word has seven letters or more, the alias word eight or more
    # (a letter missing from an eight-letter word), and an edit never touches the
    # first or the last letter: both must be the same.
    if (
        len(text_word) >= 7
        and len(alias_word) >= 8
        and text_word[0] == alias_word[0]
        and text_word[-1] == alias_word[-1]
        and one_edit(text_word, alias_word)
    ):
        return "edit"
    return None


def alone_ok(method: str, alias_word: str) -> bool:
    """A name of one word read by a fuzzy class must be long enough to trust (docs: five letters
    for a dots match, eight for an edit)."""
    if method == "dots":
        return len(alias_word) >= 5
    if method == "edit":
        return len(alias_word) >= 8
    return True


# -- the matcher -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Name:
    """One alias of one entry, as the matcher looks for it."""

    entry: Entry
    gazetteer: str
    version: str
    alias: str
    key: tuple[str, ...]
    kind: str  # exact, abbreviation, surname or common
    order: int  # the entry's position over all the gazetteers


@dataclasses.dataclass(frozen=True)
class Hit:
    ti: int  # first word
    tj: int  # the word after the last
    cut: int  # clitic letters of the first word outside the span
    name: Name
    methods: tuple[str, ...]  # one per word read by a fuzzy class
    guessed: bool = False  # its first word is a real word read by a fuzzy class


@dataclasses.dataclass(frozen=True)
class RefMatch:
    start: int
    end: int
    text: str
    id: str
    method: str
    score: float
    candidates: tuple[str, ...]
    evidence: tuple[str, ...] = ()


class ReferenceMatcher:
    """The matches :class:`arnorm.Matcher` should find, found the slow and simple way."""

    def __init__(
        self,
        gazetteers: Iterable[Gazetteer] | None = None,
        *,
        fuzzy: bool = True,
        variants: bool = True,
        surnames: bool = True,
        overlaps: str = "longest",
        min_score: float = 0.0,
        safe_words: Iterable[str] = (),
        common_words: Iterable[str] = (),
        types: Iterable[str] | None = None,
        as_of: str | None = None,
    ) -> None:
        self.as_of = as_of
        if gazetteers is None:
            gazetteers = [load_gazetteer(n) for n in available_gazetteers()]
        gazetteers = list(gazetteers)
        self.opts = Options(fuzzy=fuzzy, variants=variants)
        self.overlaps = overlaps
        self.min_score = min_score
        self.frequent = frequent_words()
        # Rule: a surname alone that is a frequent word, or a shipped common-word surname
        # (الجراد, the locusts), counts only once the full name was seen.
        self.surname_words = self.frequent | set(common_word_surnames())
        common = set(common_word_aliases()) | {fold(w) for w in common_words}
        # Rule: a listed phrase with a name particle (بن سليمان) is the alias the particle
        # joins to the word after it (بنسليمان), as the alias is read.
        common |= {" ".join(units(w)) for w in list(common)}
        safe = safe_word_aliases() | {fold(w) for w in safe_words}
        self.safe = safe
        names: list[Name] = []
        last_words: list[tuple[tuple[str, ...], Name]] = []
        styled_names: list[Name] = []
        people: list[Entry] = []
        order = 0

        def is_common(joined: str) -> bool:
            return joined in common or (
                " " not in joined and joined in self.frequent and joined not in safe
            )

        def add(name: Name) -> None:
            # Rule: two aliases of one entry that fold alike are one; the first is kept.
            if not any(n.key == name.key and n.order == name.order for n in names):
                names.append(name)

        for gaz in gazetteers:
            for entry in gaz:
                if types is not None and entry.type not in types:
                    continue  # as if the gazetteer had no such entry
                if entry.type == "person":
                    people.append(entry)
                spellings = [(a, "exact") for a in (entry.name, *entry.aliases)]
                spellings += [(a, "abbreviation") for a in entry.abbreviations]
                for alias, kind in spellings:
                    key = units(fold(alias))
                    if not key:
                        continue
                    name = Name(entry, gaz.name, gaz.version, alias, key, kind, order)
                    # A name ending in a nasab (محمد بن سلمان) gives no surname.  Rule: a
                    # nasab is a chain of particles written apart from its name (بن سلمان);
                    # written as one word (بنسلمان) it is a surname like any other.
                    nasab = key[-1] != WORD.findall(fold(alias))[-1] and key[-1].startswith(NASAB)
                    # Rule: a person's name of three units or more that begins with a style
                    # with the article gives that style and the given name after it.
                    person_name = surnames and kind == "exact" and entry.type == "person"
                    if person_name and len(key) > 2 and styled_key(key[:2]):
                        styled_names.append(name)
                    if (
                        surnames
                        and kind == "exact"
                        and entry.type == "person"
                        and len(key) >= 2
                        and not nasab
                        and key[-1] not in ORDINALS
                        # Rule: a name that ends in a number (أبو حسن 600) gives no surname.
                        and not any(c.isdigit() for c in key[-1])
                        # Rule: nor does a style (حاكم دبي، الملك سلمان، اللواء ...).
                        and not styled(key[0])
                    ):
                        # Rule: a name ending in a compound (نصر الله، جمال الدين) has the
                        # two words as surname; a name that is the compound has none.
                        if key[-1] in COMPOUND_ENDS:
                            last_words.append((key[-2:] if len(key) > 2 else (), name))
                        else:
                            last_words.append(((key[-1],), name))
                    if is_common(" ".join(key)):
                        # A common word: reported only with evidence.  People have none
                        # that counts; an agency's is the country context (a generic
                        # reference, see _pick).
                        if entry.type not in CUES and entry.type not in GENERIC_TYPES:
                            continue
                        name = dataclasses.replace(name, kind="common")
                    add(name)
                    for form in written_forms(name):
                        if not is_common(" ".join(form)):
                            add(dataclasses.replace(name, key=form))
                order += 1
        # The other form of a body's name of one word, with or without the article.  Rule:
        # only when it is the key of no name at all (nor a written form of one) and no
        # common word: an entry's own name is never another's form.
        keys = {n.key for n in names}
        for name in [n for n in names if n.key == units(fold(n.alias))]:  # no written form
            other = article_form(name)
            if other is not None and (other,) not in keys and not is_common(other):
                add(dataclasses.replace(name, key=(other,)))
        # Rule: a person's name of three units or more less the nasab particles (بن، بنت،
        # ابن) written apart that begin a unit between its first and its last, as the press
        # writes Gulf names (عبداللطيف راشد الزياني): only when it is the key of no name
        # and no common word.
        for name in [n for n in names if n.entry.type == "person" and n.kind == "exact"]:
            form = nasab_less(name.alias)
            if form is not None and form not in keys and not is_common(" ".join(form)):
                add(dataclasses.replace(name, key=form))
        # Given names: the first word of each person's name (a word with the article is a
        # title, not a given name).  Rule: the name only, not the aliases, and the first
        # word as written (عبد of عبد اللطيف, not the unit عبداللطيف).
        self.given = {w for e in people for w in given_name(e.name)}
        # Rule: the given names of two people or more are the common ones: with the article
        # (المحمد) such a name is never a surname alone, where one person's (أسد) is not.
        bearers = Counter(w for e in people for w in set(given_name(e.name)))
        # Rule: so is a compound given name (a name particle and the word after it, joined:
        # عبدالملك of عبد الملك الحوثي) that two people or more bear: never a surname alone.
        bearers.update(w for e in people for w in compound_given_name(e.name))
        self.shared_given = {w for w, n in bearers.items() if n > 1}
        # Rule: function words that fold like a given name (أن/إن/آن → ان, هو, لي, بأن) are the
        # word before a surname, not someone else's given name.
        # Rule: and so are the shipped common given names (given-names-ar.txt: مصعب), read
        # before a surname as any person's given name is.
        self.given_before = (self.given | common_given_names()) - set(NOT_GIVEN)
        # What follows بن in each person's own names (and a particle joined to the word after
        # it): the lineage a name of theirs may go on with.
        self.lineage: dict[str, set[str]] = {}
        for e in people:
            for surface in e.surfaces:
                words = fold(surface).split()
                for k in range(len(words) - 1):
                    if words[k] == "بن":
                        after = {words[k + 1]}
                        if words[k + 1] in PARTICLES and k + 2 < len(words):
                            after.add(words[k + 1] + words[k + 2])
                        self.lineage.setdefault(e.id, set()).update(after)
        self.own_given = {e.id: {w for s in e.surfaces for w in given_name(s)} for e in people}
        self.own_words = {e.id: {w for s in e.surfaces for w in fold(s).split()} for e in people}
        # Rule data: the heads of a body's local units (its `units`), folded, by the body's
        # country: the body as a name whose alias is the head as written.
        self.unit_heads: dict[tuple[str, tuple[str, ...]], Name] = {}
        #: The common-word names that a unit's head and number stand for (see _numbered_units).
        self.numbered_names: set[Name] = set()
        for gaz in gazetteers:
            for n, entry in enumerate(gaz):
                if entry.type != "agency" or not entry.country:
                    continue
                if types is not None and "agency" not in types:
                    continue
                for head in entry.units:
                    words = fold(head).split()
                    if words and (entry.country, tuple(words)) not in self.unit_heads:
                        unit = Name(entry, gaz.name, gaz.version, head, tuple(words), "exact", n)
                        self.unit_heads[(entry.country, tuple(words))] = unit
        # Rule: a town is a place inside a place that is inside another (a town of a
        # governorate of a country); the name of one right after a division's noun
        # (محافظة القطيف) names the division, not the town.
        parent = {e.id: e.part_of for g in gazetteers for e in g if e.type == "place"}
        self.towns = {i for i, p in parent.items() if p is not None and parent.get(p) is not None}
        # Rule data: the places that others lie inside (after a plural division noun, the
        # place whose divisions they are: محافظات الضفة الغربية).
        self.containers = {p for p in parent.values() if p is not None}
        # Rule data: the places each place lies inside, following part_of up to the top.
        self.within: dict[str, set[str]] = {}
        for place_id in parent:
            up = parent[place_id]
            while up is not None and up != place_id and up not in self.within.get(place_id, ()):
                self.within.setdefault(place_id, set()).add(up)
                up = parent.get(up)
        # Rule: a division is a place with a name or alias whose first word (as written) is
        # a division's noun (محافظة كركوك), or a place inside another whose English name
        # ends with a division's type (Bay Region).
        nouns = {"محافظة", "محافظه", "ولاية", "ولايه", "إقليم", "اقليم", "مقاطعة", "قضاء", "ناحية"}
        nouns.add("مديرية")
        kinds = {"Province", "Governorate", "Region", "State", "District", "Municipality"}
        kinds.add("Emirate")
        self.divisions = {
            e.id
            for g in gazetteers
            for e in g
            if e.type == "place"
            and (
                any(a.split(" ")[0] in nouns for a in e.surfaces)
                or (e.part_of and e.name_en.split(" ")[-1] in kinds)
            )
        }
        # Rule data: the divisions named as regions (منطقة الرياض), which a region's noun
        # before a name asks for.
        self.regions = {
            e.id
            for g in gazetteers
            for e in g
            if e.id in self.divisions
            and any(a.split(" ")[0] in ("منطقة", "منطقه") for a in e.surfaces)
        }
        wilaya_states = {
            e.country
            for g in gazetteers
            for e in g
            if e.type == "place" and any(a.split(" ")[0] in ("ولاية", "ولايه") for a in e.surfaces)
        }
        self.governorates = {
            e.id
            for g in gazetteers
            for e in g
            if e.type == "place"
            and e.country not in wilaya_states
            and any(a.split(" ")[0] in ("محافظة", "محافظه") for a in e.surfaces)
        }
        # A person's surname alone, with or without the article (three letters at least),
        # unless it is a given name too (إبراهيم، علي) or one of the commonest words (الا):
        # never a surname alone.  A compound surname: its two words, and the two glued.
        # Rule: the article is put on the surname of a person of an Arab League state or
        # of no country, never on a foreign one (بينيت, not البينيت).
        commonest = commonest_words()
        # Rule: a surname alone of one word that is a given name too (حسين of فؤاد حسين), so
        # no surname above, of three letters at least and none of the commonest words, the
        # surname of the person's name (not of an alias), names its person right after a
        # verb of saying (see _hits), once the text has named the person in full and no other
        # person named bears it as a given name (see find).
        self.verb_surnames: dict[str, list[Name]] = {}
        for last, person in last_words:
            arab = person.entry.country is None or person.entry.country in ARAB_LEAGUE
            if len(last) == 2:
                forms = [last, ("".join(last),)]
            elif (
                not last or last[0] in self.given or last[0].removeprefix("ال") in self.shared_given
            ):
                if (
                    last
                    and len(last[0]) >= 3
                    and last[0] not in commonest
                    and person.alias == person.entry.name
                ):
                    owners = self.verb_surnames.setdefault(last[0], [])
                    if all(n.entry.id != person.entry.id for n in owners):
                        owners.append(
                            dataclasses.replace(
                                person, alias=last[0], key=(last[0],), kind="surname"
                            )
                        )
                continue
            else:
                word = last[0]
                with_article = word if word.startswith("ال") or not arab else "ال" + word
                alone = dict.fromkeys([word, with_article])
                forms = [(f,) for f in alone if len(f) >= 3 and f not in commonest]
            for form in forms:
                same = [n for n in names if n.key == form and n.order == person.order]
                for n in same:  # Rule: an alias that is the surname alone counts as a surname
                    names[names.index(n)] = dataclasses.replace(n, kind="surname")
                if not same:
                    names.append(
                        dataclasses.replace(person, alias=" ".join(form), key=form, kind="surname")
                    )
        self.verb_names = {n for names in self.verb_surnames.values() for n in names}
        # The styles and given names (الامير عبدالعزيز): surname names, where the second word
        # is a given name and the two are no name of the person's already.
        for person in styled_names:
            form = person.key[:2]
            mine = any(n.key == form and n.order == person.order for n in names)
            if form[1] in self.given and not mine:
                names.append(
                    dataclasses.replace(person, alias=" ".join(form), key=form, kind="surname")
                )
        # The demonyms of the country entries: each word, with a proclitic, and with ل
        # fused to its article (للمغاربة).  Rule: every gazetteer given counts, whatever
        # ``types`` keeps; a demonym of several words is not looked for; the first
        # entry that lists a form owns it.
        # The aliases written with a shadda (عمّان), by entry: (folded alias, its letters
        # with a shadda).  Rule: every surface of an entry the matcher reads counts.
        self.marked: dict[str, set[tuple[str, frozenset[int]]]] = {}
        for gaz in gazetteers:
            for entry in gaz:
                if types is not None and entry.type not in types:
                    continue
                for surface in entry.surfaces:
                    if "\u0651" in surface:
                        pair = (fold(surface), shadda_on(surface))
                        self.marked.setdefault(entry.id, set()).add(pair)
        # Rule: a feminine nisba listed (اللبنانية) also stands for its masculine (اللبناني,
        # less the final letter), after every listed form.
        listed = [
            (fold(demonym), entry.country)
            for gaz in gazetteers
            for entry in gaz
            if entry.type == "place" and entry.country
            for demonym in entry.demonyms
        ]
        listed = [(word, country) for word, country in listed if word and " " not in word]
        masculine = [(w[:-1], c) for w, c in listed if w.endswith(("\u064a\u0647", "\u064a\u0629"))]
        # Rule: and its duals (اللبنانيتان، اللبنانيتين، اللبنانيان، اللبنانيين), after a dual
        # noun.
        duals = [(w[:-1] + end, c) for w, c in masculine for end in ("يتان", "يتين", "يان", "يين")]
        self.demonyms: dict[str, str] = {}
        for word, country in listed + masculine + duals:
            forms = [word, *(c + word for c in PROCLITICS)]
            if word.startswith("ال"):
                forms += [c + "لل" + word[2:] for c in BEFORE_FUSED]
            for form in forms:
                self.demonyms.setdefault(form, country)
        self.names = names
        # Rule: the organisations other organisations are part of (the UN and its missions),
        # and a name of each part (its own name if it is among the names).
        orgs = {e.id: e for g in gazetteers for e in g if e.type == "organization"}
        # what each entry is part of (for ranking: a container that is part of none first)
        self.part_of_any = {e.id: e.part_of for g in gazetteers for e in g}
        self.parts: dict[str, set[str]] = {}
        for e in orgs.values():
            if e.part_of in orgs:
                self.parts.setdefault(e.part_of, set()).add(e.id)
        # Rule: of those parts, its missions, forces and offices, by their noun: a part with
        # a name that is a mission's noun (perhaps with the article; قوات and قوة are one
        # noun, a force) and then one of the parent's names (بعثة الأمم المتحدة لمساعدة
        # العراق).  An organisation with none (the Islamic State) is not read as a mission
        # after such a noun (قوات داعش is the group).
        self.missions: dict[str, dict[str, set[str]]] = {}
        for parent_id, ids in self.parts.items():
            parent_names = [SEARCH(s) for s in orgs[parent_id].surfaces]
            for i in ids:
                for s in orgs[i].surfaces:
                    noun, _, rest = SEARCH(s).partition(" ")
                    noun = noun.removeprefix("ال")
                    if noun in MISSION_NOUNS and any(
                        rest == n or rest.startswith(n + " ") for n in parent_names
                    ):
                        noun = "قوه" if noun == "قوات" else noun
                        self.missions.setdefault(parent_id, {}).setdefault(noun, set()).add(i)
        # Rule: an organisation's branches named after it (تنظيم القاعدة في جزيرة العرب) that
        # belong to a country, by the parent and the country (a country with two: none).
        found: dict[str, dict[str, list[str]]] = {}
        for e in orgs.values():
            parent = orgs.get(e.part_of or "")
            if parent is None or not e.country:
                continue
            if any(a.startswith(b + " ") for a in e.surfaces for b in parent.surfaces):
                found.setdefault(parent.id, {}).setdefault(e.country, []).append(e.id)
        self.branches = {
            p: {c: ids[0] for c, ids in by.items() if len(ids) == 1} for p, by in found.items()
        }
        self.part_names: dict[str, Name] = {}
        children = {i for ids in self.parts.values() for i in ids}
        for name in names:
            i = name.entry.id
            if i in children and (i not in self.part_names or name.alias == name.entry.name):
                self.part_names[i] = name
        #: The keys of names of one word (an elongated word that is one is no word).
        self.one_word_keys = {n.key[0] for n in names if len(n.key) == 1}
        # Rule (the fast matcher's; the docs say nothing): a text word more than four
        # letters longer than the longest word of any name (room for clitics and the
        # long vowels a variant adds) is read by no fuzzy class.
        self.longest = max((len(u) for n in names for u in n.key), default=0) + 4
        # the exact surface forms of every alias, by their words
        self.forms: dict[tuple[str, ...], list[tuple[Name, int]]] = {}
        for name in names:
            for words, cut in surface_forms(name.key):
                self.forms.setdefault(words, []).append((name, cut))
        self.longest_form = max(map(len, self.forms), default=0)
        self.first_words = {n.key[0] for n in names}
        #: The keys of exact names of one word (no abbreviation, common word or surname).
        self.exact_one_word = {n.key[0] for n in names if len(n.key) == 1 and n.kind == "exact"}

    # -- hits ----------------------------------------------------------------

    def _hits(self, tokens: list[str], seps: list[str]) -> list[Hit]:
        hits: set[Hit] = set()
        for i in range(len(tokens)):
            for length in range(1, self.longest_form + 1):
                if i + length > len(tokens) or not all(map(joins, seps[i + 1 : i + length])):
                    break  # one space apart, or one line break: no punctuation, no blank line
                for name, cut in self.forms.get(tuple(tokens[i : i + length]), ()):
                    hits.add(Hit(i, i + length, cut, name, ()))
            if self.opts.fuzzy or self.opts.variants:
                hits.update(self._fuzzy_hits(tokens, seps, i))
            hits.update(self._verb_surname_hits(tokens, seps, i))
        return sorted(
            hits,
            key=lambda h: (h.ti, h.cut, -h.tj, h.name.order, h.name.alias, h.methods),
        )

    def _verb_surname_hits(self, tokens: list[str], seps: list[str], i: int) -> list[Hit]:
        """Rule: a verb surname (see __init__) at word *i*, one space after a (masculine)
        verb of saying with و, ف or nothing before it (وقال حسين), and then the end of the
        text, a colon or an opening quote, or one space and a word that follows a verb's
        subject (إن، أن، في، ل …): no one else's name can go on there."""
        if not i or tokens[i] not in self.verb_surnames or seps[i] != " ":
            return []
        verb = tokens[i - 1]
        if verb not in SPEECH_VERBS and not (verb[:1] in "وف" and verb[1:] in SPEECH_VERBS):
            return []
        if i + 1 < len(tokens):
            after = seps[i + 1]
            # (or ب and a frequent word with the article: وأشاد هادي بالجيش; or a frequent
            # word without the article that is no given name, no name of one word, nor a
            # surname alone, and no nisba (ending in ي), as family names are: وأكد الصباح
            # التزام بلاده, not وقال حسين علاوي)
            nxt = tokens[i + 1]
            if nxt.startswith("بال"):
                ok = nxt[1:] in self.frequent
            else:
                ok = nxt in AFTER_SUBJECT or (
                    nxt in self.frequent
                    and not nxt.startswith("ال")
                    and not nxt.endswith("ي")
                    and nxt not in self.given_before
                    and (nxt,) not in self.forms
                )
            if after == " " and not ok:
                return []
            if after != " " and not any(c in AFTER_SUBJECT_MARKS for c in after):
                return []
        return [Hit(i, i + 1, 0, name, ()) for name in self.verb_surnames[tokens[i]]]

    def is_word(self, form: str) -> bool:
        """A real word: a frequent word or a word of the lexicon.  An elongated form is one
        when it is one with each run of a letter written once or twice, unless that is a
        name of one word (السعودييييه is still Saudi Arabia).  Rule: a form that starts
        with ءا (the Uthmani script's آ) is a word when it is one with ا in their place."""
        if form in self.frequent or form in _lexicon():
            return True
        if form.startswith("ءا") and self.is_word("ا" + form[2:]):
            return True
        if not ELONGATED.search(form):
            return False
        shorter = {ELONGATED.sub(r"\1", form), ELONGATED.sub(r"\1\1", form)}
        return not shorter & self.one_word_keys and any(
            f in self.frequent or f in _lexicon() for f in shorter
        )

    @staticmethod
    def _unit_at(
        tokens: list[str], seps: list[str], j: int, particles: Iterable[str]
    ) -> list[tuple[str, int]]:
        """The words a unit of a name may be at word *j*: (the word, the next word)."""
        if j >= len(tokens):
            return []
        out = [(tokens[j], j + 1)]
        word, k = tokens[j], j
        # a chain of particles, one space (or line break) apart, joins the word after it
        while tokens[k] in particles and k + 1 < len(tokens) and joins(seps[k + 1]):
            word, k, particles = word + tokens[k + 1], k + 1, PARTICLES
            out.append((word, k + 1))
        return out

    def _fuzzy_hits(self, tokens: list[str], seps: list[str], i: int) -> Iterator[Hit]:
        """The hits from word *i* with at least one word read by a fuzzy class."""
        for word, j in self._unit_at(tokens, seps, i, FIRST_PARTICLES):
            if len(word) > self.longest:
                continue
            forms = [(word, 0), *strip(word)]
            # A first word is read by a fuzzy class only if none of its forms is a
            # frequent word (و + a word is a word too); if one is a word of the lexicon,
            # the hit is *guessed*: it counts only where the text supports it.
            # Rule (the matcher's, the docs say less): nor the first word of a name as
            # it stands.
            guess = not any(f in self.first_words or f in self.frequent for f, _ in forms)
            guessed = any(self.is_word(f) for f, _ in forms)
            for form, cut in forms:
                for name in self.names:
                    if form == name.key[0]:
                        first: tuple[str, ...] = ()
                    elif not guess:
                        continue
                    else:
                        method = fuzzy_method(form, name.key[0], False, self.opts)
                        if method is None or (
                            len(name.key) == 1 and not alone_ok(method, name.key[0])
                        ):
                            continue
                        if guessed and method in ("dots", "edit"):
                            continue  # a real word is never a typo of a name's first word
                        first = (method,)
                    for hit in self._walk(tokens, seps, i, j, cut, name, first):
                        yield dataclasses.replace(hit, guessed=guessed and bool(first))

    def _walk(
        self,
        tokens: list[str],
        seps: list[str],
        i: int,
        j: int,
        cut: int,
        name: Name,
        methods: tuple[str, ...],
    ) -> Iterator[Hit]:
        """Follow the rest of *name*'s words from word *j*; yield the hit if the name is read
        with a fuzzy word in it (exact readings are the surface forms')."""
        if len(name.key) == 1:
            if methods:
                yield Hit(i, j, cut, name, methods)
            return
        states = [(j, methods)]
        for k, unit in enumerate(name.key[1:], 1):
            nxt = []
            for at, got in states:
                if at >= len(tokens) or not joins(seps[at]):
                    continue
                for word, after in self._unit_at(tokens, seps, at, PARTICLES):
                    if word == unit:
                        nxt.append((after, got))
                        continue
                    method = (
                        fuzzy_method(word, unit, word in self.frequent, self.opts)
                        if len(word) <= self.longest
                        else None
                    )
                    # Rule: a frequent word read as a variant after words that only say
                    # what kind of place it is (منطقة وادي, a valley, for منطقة وداي) is
                    # no name: none of its words names the place.
                    if (
                        method is not None
                        and word in self.frequent
                        and all(w in KIND_NOUNS for w in name.key[:k])
                    ):
                        continue
                    # one typo in a name at most (a variant spelling is no typo)
                    typos = sum(m in ("dots", "edit") for m in (*got, method))
                    if method is not None and typos <= 1:
                        nxt.append((after, (*got, method)))
            states = nxt
        for end, got in states:
            if got:
                yield Hit(i, end, cut, name, got)

    @staticmethod
    def _cue_before(hit: Hit, tokens: list[str], seps: list[str]) -> bool:
        """The word just before the hit, on its line, is a cue for its entry's type."""
        i = hit.ti
        if i == 0 or "\n" in seps[i]:
            return False
        cues = CUES.get(hit.name.entry.type, set())
        forms = {f for f, _ in [(tokens[i - 1], 0), *strip(tokens[i - 1])]}
        if not forms & cues:
            return False
        # Rule: a list's head cues no point of the compass as a noun (محافظات الجنوب, the
        # southern governorates).
        compass = {"الشمال", "الجنوب", "الشرق", "الغرب", "الوسط"}
        if forms & LIST_HEADS and hit.tj - hit.ti == 1 and tokens[i][hit.cut :] in compass:
            return False
        # Rule: a list-only head (مدينتي, also "my city") is a cue only when the list's next
        # item follows the name: a word beginning with و (one space) or a comma.
        if forms & LIST_ONLY:
            j = hit.tj
            if j >= len(tokens):
                return False
            joined = seps[j] == " " and tokens[j][:1] == "و" and len(tokens[j]) > 1
            return joined or seps[j].strip() in ("،", ",")
        return True

    def _given_names(self, h: Hit, tokens: list[str]) -> int:
        """Rule: the given names of a name, its clitic off: a given name of anyone counts
        once, a particle with the word after it once (عبد الله), بن, ابن, بنت and آل with its
        family's name not at all (محمد بن سلمان: two)."""
        words = [tokens[h.ti][h.cut :], *tokens[h.ti + 1 : h.tj]]
        count = k = 0
        while k < len(words):
            if words[k] in NASAB:
                k += 1
            elif words[k] == "ال":
                k += 2
            elif words[k] in PARTICLES and k + 1 < len(words):
                count += 1
                k += 2
            else:
                count += words[k] in self.given_before
                k += 1
        return count

    def _list_head_cue(self, hit: Hit, tokens: list[str]) -> bool:
        """The cue before *hit* is a list's head (a division's noun in the dual or plural)."""
        word = tokens[hit.ti - 1]
        return bool({word, *(f for f, _ in strip(word))} & LIST_HEADS)

    def _evidence(
        self,
        hit: Hit,
        hits: list[Hit],
        tokens: list[str],
        seps: list[str],
        shown: Collection[Hit] = (),
    ) -> str | None:
        """A cue just before the common word, or (places) a place in the same list beside
        it, as the match's evidence says it (None: no evidence)."""
        i = hit.ti
        # Rule: a frequent word as written (كبرى), read as a proclitic other than و or ف
        # and a common word (برى), has no evidence at all.
        if hit.cut and tokens[i][0] not in "وف" and tokens[i] in self.frequent:
            return None
        near = self._evidence_near(hit, hits, tokens, seps, shown)
        return near if near is not None else self._within(hit, hits, tokens, seps, shown)

    def _within(
        self, hit: Hit, hits: list[Hit], tokens: list[str], seps: list[str], shown: Collection[Hit]
    ) -> str | None:
        """Rule: a common-word place is the place when the place named right after it (ب on
        that name, or في standing between, one space each) is one its entry lies inside
        (``inside``; a country only when the common word is two words or more: الخبر في
        السعودية is also "the news in Saudi Arabia"), or the place named right before it (ب on
        it, or في between) lies inside its entry (``contains``: القطيف في المنطقة الشرقية).
        The other name is a place's that is no common word (or one shown), not guessed, and
        (leftmost-longest) inside no longer name."""
        entry = hit.name.entry
        if entry.type != "place":
            return None
        i, j = hit.ti, hit.tj

        def firm(h: Hit) -> bool:
            return (
                (h.name.kind != "common" or h in shown)
                and not h.guessed
                and (self.overlaps == "all" or not self._inside_longer(h, hits))
            )

        # Rule: the place around counts only after a preposition standing right before the
        # common word (في المنطقة الشرقية بالسعودية; not المظاهرات السلمية في حماة).
        after_preposition = i > 0 and seps[i] == " " and tokens[i - 1] in ALONE_PREPOSITIONS
        if after_preposition and j < len(tokens) and seps[j] == " ":
            if tokens[j] == "في":
                after = [
                    h
                    for h in hits
                    if j + 1 < len(tokens) and seps[j + 1] == " " and h.ti == j + 1 and not h.cut
                ]
            else:
                after = [h for h in hits if h.ti == j and h.cut == 1 and tokens[j][0] == "ب"]
            for h in sorted(after, key=lambda h: h.tj):
                if (
                    firm(h)
                    and self._lies_in(entry.id, h.name.entry.id)
                    and (j - i > 1 or h.name.entry.part_of is not None)
                ):
                    return f"inside: {' '.join(tokens[h.ti : h.tj])} ({h.name.entry.country})"
        if i and seps[i] == " ":
            end = None
            if hit.cut == 1 and tokens[i][0] == "ب":
                end = i
            elif not hit.cut and i > 1 and tokens[i - 1] == "في" and seps[i - 1] == " ":
                end = i - 1
            for h in hits:
                if (
                    end is not None
                    and h.tj == end
                    and firm(h)
                    and self._lies_in(h.name.entry.id, entry.id)
                ):
                    return f"contains: {' '.join(tokens[h.ti : h.tj])} ({h.name.entry.country})"
        return None

    def _evidence_near(
        self, hit: Hit, hits: list[Hit], tokens: list[str], seps: list[str], shown: Collection[Hit]
    ) -> str | None:
        """A cue just before the common word, or a place in the same list beside it."""
        kind = hit.name.entry.type
        i, j = hit.ti, hit.tj
        if self._cue_before(hit, tokens, seps):
            return f"cue: {tokens[i - 1]}"
        if kind not in LIST_TYPES:
            return None
        # Rule: a common word of one word that is itself a cue word of its type (its
        # article aside) or a city cue is no place of a list (العاصمة before a place).
        if j - i == 1 and (
            any(
                f in CITY_CUES or f.removeprefix("ال") in CUES.get(kind, ())
                for f in self._cue_forms(tokens[i])
            )
        ):
            return None
        breaks = SENTENCE_END | {"؛", ";"}
        before = i > 0 and not breaks & set(seps[i])
        after = j < len(tokens) and not breaks & set(seps[j])
        # Rule: a neighbour is a hit of another alias of the same type that ends where
        # this starts or starts where it ends, or does so across a conjunction
        # standing alone (الخليج و المغرب), all in one clause; any separator but a line
        # break, a sentence's end or a clause's (؛ ;) may stand between (a comma too).
        # Rule: the evidence names the first neighbour, looking right after it, right
        # before it, then across the conjunctions (after, before).
        places: list[tuple[str, int]] = []
        if after:
            places.append(("ti", j))
        if before:
            places.append(("tj", i))
        if (
            after
            and tokens[j] in CONJUNCTIONS
            and j + 1 < len(seps)
            and not breaks & set(seps[j + 1])
        ):
            places.append(("ti", j + 1))
        if before and tokens[i - 1] in CONJUNCTIONS and not breaks & set(seps[i - 1]):
            places.append(("tj", i - 1))

        def complement(h: Hit) -> bool:
            # Rule: a name right after another, with only a space between and a preposition
            # on it (لمصر) or ل fused with its article (للمغرب), is the other's complement
            # (الحدود الجنوبية لمصر), not the next item of a list.
            word = tokens[h.ti]
            return not seps[h.ti].strip() and (
                word[: h.cut] in ("ب", "ل", "ك") or (h.cut == 0 and word.startswith("لل"))
            )

        def next_item(h: Hit) -> bool:
            # Rule: with only a space between, the later of two names is the next item of
            # a list only when the conjunction و is its proclitic (وبرج باجي مختار), not a
            # letter of the name (وان, Van, in وإن صالح).  A colon or a dash alone (spaces
            # and quotation marks aside) heads what follows, as a dateline's byline does
            # (الرياض: «الشرق الأوسط»): no list either.
            marks = {c for c in seps[h.ti] if not c.isspace()} - set("«»\"“”„‘’'")
            if marks and marks <= set(":-–—"):
                return h.cut > 0 and tokens[h.ti][:1] == "و"
            return bool(seps[h.ti].strip()) or (h.cut > 0 and tokens[h.ti][:1] == "و")

        # Rule: a common word that reads as و or ف and a frequent word, its first letter
        # being its own (وان: and that, and Turkey's Van), is no item of a list at all.
        if not hit.cut and tokens[i][:1] in "وف" and tokens[i][1:] in self.frequent:
            return None
        for end, at in places:
            if (end, at) == ("tj", i) and (complement(hit) or not next_item(hit)):
                continue
            for h in sorted(hits, key=lambda h: (h.ti, h.tj)):
                if (end, at) == ("ti", j) and (complement(h) or not next_item(h)):
                    continue
                # Rule: a common word that a list's head shows to be a place (*shown*: a
                # division's noun in the dual or plural before it, or a neighbour so shown
                # in turn) is a neighbour too, for an item of its own country (محافظتي البيضاء
                # ومأرب: the cue shows البيضاء, and البيضاء shows مأرب).
                if (
                    (
                        h.name.kind != "common"
                        or (
                            h in shown
                            and h.name.entry.country is not None
                            and h.name.entry.country == hit.name.entry.country
                        )
                    )
                    and not h.guessed  # a real word guessed to be a name is no evidence
                    and h.name.entry.type == kind
                    and getattr(h, end) == at
                    and (self.overlaps == "all" or not self._inside_longer(h, hits))
                ):
                    if h.name.kind == "common":  # shown down a list: its country says so
                        return f"list: {' '.join(tokens[h.ti : h.tj])} ({h.name.entry.country})"
                    return f"list: {' '.join(tokens[h.ti : h.tj])}"
        return None

    @staticmethod
    def _inside_longer(hit: Hit, hits: list[Hit]) -> bool:
        """*hit* lies inside a longer name (not a common word).

        Rule: under leftmost-longest the longer name is what the text says there, so a
        place inside it (السعودية in الاستخبارات السعودية, read exactly or not) is no
        place "in the same list" for a common word.
        """
        return any(
            h.name.kind != "common"
            and not h.guessed
            and h.ti <= hit.ti
            and h.tj >= hit.tj
            and h.tj - h.ti > hit.tj - hit.ti
            for h in hits
        )

    def _looked_for(self, hits: list[Hit], tokens: list[str], seps: list[str]) -> list[Hit]:
        """*hits* less the names inside a span sure to be kept (leftmost-longest only).

        Rule (the fast matcher's; the docs say only that overlaps resolve leftmost-
        longest): no name is looked for inside a span that is sure to be kept: from a
        word no earlier name reaches past, the reading with the fewest clitic letters
        cut, an exact alias or an abbreviation with no guessed word, scoring at least
        ``min_score``, unless that span is a name bodies of several countries share (a
        generic reference, which only the text's country makes a match), nor one that a
        demonym or the feminine of one follows, one space after it (another country's body,
        perhaps: القيادة العامة للقوات المسلحة الإماراتية).  Such nested names are then
        neither list nor country evidence.
        """
        kept: list[Hit] = []
        reach = covered = 0
        for i in sorted({h.ti for h in hits}):
            if i < covered:
                continue
            here = [h for h in hits if h.ti == i]
            kept += here
            # a common word of a type with no list or country evidence needs its cue
            counted = [
                h
                for h in here
                if h.name.kind != "common"
                or h.name.entry.type in LIST_TYPES | GENERIC_TYPES
                or self._cue_before(h, tokens, seps)
            ]
            if not counted:
                continue
            least = min(h.cut for h in counted)
            # (nor is a span that bodies of several countries share, a generic reference
            # that only the text's country makes a match: جهاز الأمن العام اللبناني)
            sure = [
                h.tj
                for h in counted
                if h.cut == least
                and not h.methods
                and h.name.kind in ("exact", "abbreviation")
                and self._score(h, set())[0] >= self.min_score
                and not self._generic([g for g in here if g.cut == least and g.tj == h.tj])
            ]
            # (nor is a span one space before a demonym or the feminine of one, which
            # may make it another country's body: القيادة العامة للقوات المسلحة الإماراتية)
            end = max(sure, default=0)
            after = tokens[end] if end < len(tokens) and seps[end] == " " else ""
            qualified = after in self.demonyms or (
                after.endswith("ه") and after[:-1] in self.demonyms
            )
            if sure and end > i and reach <= i and not qualified:
                covered = end
            reach = max([reach, *(h.tj for h in counted)])
        return kept

    # -- the country of a name -----------------------------------------------

    def _facts(
        self, hits: list[Hit], tokens: list[str], seps: list[str]
    ) -> list[tuple[int, str, str]]:
        """The country evidence of a text: (first word, country, words), in order.

        A demonym, or an exact name or abbreviation whose hits on its span all name one
        country (a surname alone, a guessed spelling or a common word tells nothing).
        Rule: every name found counts, also one that is not reported (one inside a
        longer name, under ``overlaps="all"``, or a reading that lost the ranking), but
        not a name or a demonym inside a longer name of the same country (الحرس الثوري and
        الإيراني in الحرس الثوري الإيراني): one name, one piece of evidence.
        """
        # Rule: a demonym right after a given name (one space) is a family name (منصور التركي),
        # and one after an outlet's noun, in its clause, the outlet's.
        facts = [
            (i, self.demonyms[t], t)
            for i, t in enumerate(tokens)
            if t in self.demonyms
            and not (i and seps[i] == " " and tokens[i - 1] in self.given_before)
            and not an_outlets(i, tokens, seps)
        ]
        countries: dict[tuple[int, int], set[str | None]] = {}
        for h in hits:
            if h.name.kind in ("exact", "abbreviation") and not h.methods:
                countries.setdefault((h.ti, h.tj), set()).add(h.name.entry.country)
        named = []
        for (ti, tj), found in countries.items():
            (country,) = found if len(found) == 1 else (None,)
            # (and a name of one word after an outlet's noun: السعودية, a demonym that is a
            # country's name too)
            outlet = tj - ti == 1 and an_outlets(ti, tokens, seps)
            if country and not outlet:
                named.append((ti, tj, country))

        def within(ti: int, tj: int, country: str) -> bool:
            return any(
                a <= ti and tj <= b and b - a > tj - ti and c == country for a, b, c in named
            )

        facts = [f for f in facts if not within(f[0], f[0] + 1, f[1])]
        facts += [(ti, c, " ".join(tokens[ti:tj])) for ti, tj, c in named if not within(ti, tj, c)]
        return sorted(facts)

    @staticmethod
    def _country_starts(hits: list[Hit]) -> set[int]:
        """The words a country's name begins at: an exact name or abbreviation of a place in
        no other place, with a country."""
        return {
            h.ti
            for h in hits
            if h.name.entry.type == "place"
            and h.name.entry.part_of is None
            and h.name.entry.country
            and h.name.kind in ("exact", "abbreviation")
            and not h.methods
        }

    @staticmethod
    def _after_construct(tokens: list[str], seps: list[str], at: int) -> list[int]:
        """Where a country's name may begin after a short form ending before word *at*."""
        if at >= len(tokens) or seps[at] != " ":
            return []
        if tokens[at] in STATE_NOUNS and at + 1 < len(tokens) and seps[at + 1] == " ":
            return [at, at + 1]
        return [at]

    def _with_constructs(self, hits: list[Hit], tokens: list[str], seps: list[str]) -> list[Hit]:
        """*hits* and the ministries' short forms in construct with a country's name."""
        countries = self._country_starts(hits)
        places = {h.ti for h in hits if h.name.entry.type == "place"}
        added: list[Hit] = []
        for i in range(1, len(tokens)):
            if tokens[i] not in CONSTRUCT or seps[i] != " " or tokens[i - 1] not in MINISTRY_HEADS:
                continue
            # Rule: before a country's name (its qualifier), or before no place at all (a
            # generic reference, as with the article: أصغر وزير داخلية في تاريخ السعودية); a
            # place that is no country (وزير خارجية بغداد) makes it none.
            after = set(self._after_construct(tokens, seps, i + 1))
            if not countries & after and places & after:
                continue
            for name, cut in self.forms.get((CONSTRUCT[tokens[i]],), ()):
                if cut == 0 and name.entry.type in GENERIC_TYPES and name.entry.country:
                    added.append(Hit(i, i + 1, 0, name, ()))
        return sorted(
            set(hits) | set(added),
            key=lambda h: (h.ti, h.cut, -h.tj, h.name.order, h.name.alias, h.methods),
        )

    @staticmethod
    def _places(hits: list[Hit]) -> dict[int, set[str]]:
        """The country of the longest place's name starting at each word whose span is an
        exact name or abbreviation of one country (for a qualifier: في and a place)."""
        countries: dict[tuple[int, int], set[str | None]] = {}
        for h in hits:
            if h.name.kind in ("exact", "abbreviation") and not h.methods:
                countries.setdefault((h.ti, h.tj), set()).add(h.name.entry.country)
        # Rule: the longest such place from each word on (في المغرب العربي: the region).
        longest: dict[int, int] = {}
        for ti, tj in countries:
            if any(h.name.entry.type == "place" and (h.ti, h.tj) == (ti, tj) for h in hits):
                longest[ti] = max(tj, longest.get(ti, 0))
        out: dict[int, set[str]] = {}
        for ti, tj in longest.items():
            found = countries[ti, tj]
            if len(found) == 1 and None not in found:
                out[ti] = {c for c in found if c}
        return out

    def _of_no_country(
        self,
        group: list[Hit],
        tokens: list[str],
        seps: list[str],
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
    ) -> tuple[list[Hit], tuple[str, ...]] | None:
        """Rule: a name that one place of no country (a sea) shares with divisions of
        countries (البحر الأحمر) names the divisions of the country a qualifier right after
        it names (not a masculine demonym, which agrees with the sea: البحر الأحمر المصري),
        else those a place named firmly right before it lies inside, joined by the name's ب
        or by في (الغردقة بالبحر الأحمر), else the place of no country, with no evidence;
        after the noun of a capital (عاصمة البحر الأحمر) the usual reading."""
        if any(h.name.entry.type != "place" for h in group):
            return None
        free = [h for h in group if h.name.entry.country is None and h.name.entry.part_of is None]
        if len(free) != 1 or len(free) == len(group):
            return None
        ti, tj = group[0].ti, group[0].tj
        before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))} if ti else set()
        if seps[ti] == " " and "عاصمه" in before:
            return None
        qualifier, words = self._qualifier(tokens, seps, tj, places, people, False)
        masculine = words in self.demonyms and words.endswith("ي")  # agrees with البحر
        if len(qualifier) == 1 and not masculine:
            (country,) = qualifier
            same = [h for h in group if h.name.entry.country == country]
            if same:
                return same, (f"qualifier: {words} ({country})",)
        divisions = {h.name.entry.id for h in group} - {free[0].name.entry.id}
        joined = group[0].cut == 1 and tokens[ti].startswith("ب")
        end = ti if joined else ti - 1
        if joined or (ti > 1 and tokens[ti - 1] == "في" and seps[ti] == " "):
            for _, b, ids, words in self.named_places:
                if b != end or seps[end] != " ":
                    continue  # (a place ending right before the ب's word or في)
                for i in sorted(ids):
                    within = self.within.get(i, set()) & divisions
                    if within:
                        keep = [h for h in group if h.name.entry.id in within]
                        return keep, (f"contains: {words} ({keep[0].name.entry.country})",)
        return free, ()

    def _son_of(
        self,
        h: Hit,
        tokens: list[str],
        seps: list[str],
        people: dict[int, tuple[str, str, set[str]]],
    ) -> bool:
        ti = h.ti
        if (
            h.name.entry.type != "person"
            or h.name.kind == "surname"
            or h.cut
            or h.tj - ti < 2
            or ti < 2
            or seps[ti] != " "
            or tokens[ti].startswith("ال")
        ):
            return False
        first = ti - 1
        if tokens[first] in (*COMPOUND_ENDS, "الرحمن") and seps[first] == " ":
            first -= 1
            if tokens[first] != "عبد" and (
                tokens[first] not in self.given_before or tokens[ti - 1] == "الله"
            ):
                return False  # نصر الله، فضل الله are as often surnames
        elif tokens[first] not in self.given_before or tokens[first] in ("علي", "امير"):
            return False
        if tokens[first] in self.own_words.get(h.name.entry.id, set()):
            return False
        if not first or seps[first] != " ":
            return False
        # the son's given name right after a style with the article (الشيخ، العميد، الرئيس)
        style = tokens[first - 1]
        if not (style.startswith("ال") and style[2:] in STYLES) or style[2:] in ("ملك", "ملكه"):
            return False
        # any person's name ending right before: two people (السيد نصر الله نعيم قاسم)
        return not any(s + len(words.split()) == ti for s, (_, words, _) in people.items())

    @staticmethod
    def _people(hits: list[Hit], tokens: list[str]) -> dict[int, tuple[str, str, set[str]]]:
        """The country of each person named from a word on, in a span that is evidence of
        one country (for a qualifier: the person who holds the post), the words, and the
        bodies whose posts the person held."""
        firm = [h for h in hits if h.name.kind in ("exact", "abbreviation") and not h.methods]
        span_countries = {
            (h.ti, h.tj): {g.name.entry.country for g in firm if (g.ti, g.tj) == (h.ti, h.tj)}
            for h in firm
        }
        # Rule: of several names of people from one word, the longest.
        longest: dict[int, Hit] = {}
        for h in hits:
            one = span_countries.get((h.ti, h.tj), set())
            # Rule: the span is evidence of the person's own country (a surname alone that
            # is also a place's name, عدن, is no holder of another country's post).
            if h.name.entry.type != "person" or not h.name.entry.country:
                continue
            if one != {h.name.entry.country}:
                continue
            if h.ti not in longest or h.tj > longest[h.ti].tj:
                longest[h.ti] = h
        return {
            ti: (
                h.name.entry.country or "",
                " ".join(tokens[ti : h.tj]),
                {r.organization for r in h.name.entry.roles if r.organization},
            )
            for ti, h in longest.items()
        }

    @staticmethod
    def _holder(
        tokens: list[str],
        seps: list[str],
        tj: int,
        people: dict[int, tuple[str, str, set[str]]],
        apposition: bool,
    ) -> int | None:
        """Where the person who holds the post a name ending before word *tj* is part of is
        named, if anywhere.

        Rule: right after the name, or after a title or an honorific that follows it (one
        space, or a slash: السيد/ سعيد); with *apposition* (the name is a body's), also
        after a comma (وزير الداخلية، السيد/ سعيد حسن نوح)."""
        if tj >= len(tokens):
            return None
        comma = seps[tj].strip() in ("،", ",") and "\n" not in seps[tj]
        if seps[tj] != " " and not (apposition and comma):
            return None
        word = tokens[tj].removeprefix("ال")
        if (
            (word in GUESS_TITLES or word in HONORIFICS)
            and tj + 1 < len(tokens)
            and seps[tj + 1] in (" ", "/", "/ ", " /", " / ")
            and tj + 1 in people
        ):
            return tj + 1
        return tj if tj in people else None

    @staticmethod
    def _nasab_words(tokens: list[str], seps: list[str], k: int) -> set[str]:
        """Rule: the word after بن, and a particle joined to the word after it (بن عبد
        العزيز is بن عبدالعزيز), one space between."""
        words = {tokens[k]}
        if tokens[k] in PARTICLES and k + 1 < len(tokens) and seps[k + 1] == " ":
            words.add(tokens[k] + tokens[k + 1])
        return words

    @staticmethod
    def _chained(sep: str) -> bool:
        return sep != "" and all(c in CHAIN_SEPARATORS for c in sep)

    @staticmethod
    def _chain_word(token: str) -> bool:
        word = token.removeprefix("ال")
        return word in GUESS_TITLES or word in CHAIN_WORDS

    def _after_posts(
        self,
        tokens: list[str],
        seps: list[str],
        tj: int,
        people: dict[int, tuple[str, str, set[str]]],
    ) -> int | None:
        """Where the person named after a chain of posts starting at word *tj* is named:
        the chain starts with a title; it goes over titles, CHAIN_WORDS and bodies' names
        (the longest from each word), one CHAIN_SEPARATORS apart, at most CHAIN_REACH words."""
        if tj >= len(tokens) or tokens[tj].removeprefix("ال") not in GUESS_TITLES:
            return None
        k = tj
        while k < min(len(tokens), tj + CHAIN_REACH) and self._chained(seps[k]):
            if k in self.body_to:
                k = self.body_to[k]
            elif self._chain_word(tokens[k]):
                k += 1
            else:
                return None
            at = self._holder(tokens, seps, k, people, False)
            if at is not None:
                return at
        return None

    def _qualifier(
        self,
        tokens: list[str],
        seps: list[str],
        tj: int,
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
        apposition: bool = False,
        head: str = "",
    ) -> tuple[set[str], str]:
        """The countries a qualifier right after a name ending before word *tj* (its first
        word *head*) names, and its words: a demonym, في and a place, or the person who
        holds the post."""
        if tj >= len(tokens):
            return set(), ""
        qualifier: set[str] = set()
        words = ""
        if seps[tj] == " ":
            if self._demonym(tokens[tj], head):
                qualifier, words = {self._demonym(tokens[tj], head)}, tokens[tj]
            elif tokens[tj] == "في" and tj + 1 < len(tokens) and seps[tj + 1] == " ":
                qualifier = places.get(tj + 1, set())
                words = f"في {tokens[tj + 1]}"
            # Rule: or a place written with the preposition ب (بسلطنة عمان، بدولة قطر).
            if not qualifier and tj in self.with_bi and tj in places:
                qualifier = places[tj]
                words = " ".join(tokens[tj : self.place_at[tj][0].tj])
        # Rule: the person who holds the post the name is part of (_holder) is a qualifier too.
        if not qualifier:
            at = self._holder(tokens, seps, tj, people, apposition)
            if at is not None:
                country, words, _ = people[at]
                qualifier = {country}
        return qualifier, words

    def _demonym(self, word: str, head: str = "") -> str:
        """Rule: the country *word* is a demonym of (a listed one, or its masculine), or with
        the article the feminine (+ ة) of one (السعودية: the country's name, not listed as a
        demonym) after a name whose first word *head* ends in ة or ات, which the adjective
        agrees with (وزارة الدفاع السعودية); "" if none."""
        if word in self.demonyms:
            return self.demonyms[word]
        if head.endswith(("ه", "ات")) and word.startswith("ال") and word.endswith("ه"):
            return self.demonyms.get(word[:-1], "")
        return ""

    def _choose(
        self,
        group: list[Hit],
        tokens: list[str],
        seps: list[str],
        facts: list[tuple[int, str, str]],
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
    ) -> tuple[str, str] | None:
        """The country the evidence picks among those of *group*'s entries, and the evidence
        as the match says it (None: none).

        Strongest first, the first kind that favours one country over every other of
        the group's decides: a qualifier right after the name (a demonym, or في and a
        place), the sentence (12 words either side at most), the document before it.
        """
        countries = {c for h in group if (c := h.name.entry.country)}
        if not countries:
            return None
        ti, tj = group[0].ti, group[0].tj
        bodies = all(h.name.entry.type in ("agency", "organization") for h in group)
        if tj == ti + 1 and tokens[ti] in CONSTRUCT:
            # Rule: the country named right after a short form in construct qualifies it.
            qualifier, words = set(), ""
            for at in self._after_construct(tokens, seps, tj):
                longest = self.place_at.get(at, [])
                if at in places and any(h.name.entry.part_of is None for h in longest):
                    qualifier, words = places[at], " ".join(tokens[tj : longest[0].tj])
                    break
        else:
            head = tokens[ti][group[0].cut :]
            qualifier, words = self._qualifier(tokens, seps, tj, places, people, bodies, head)
            # Rule: before و and a second ministry's short name (الداخلية، الخارجية، الدفاع),
            # the qualifier after that second name qualifies the first too (الدفاع والخارجية
            # الفرنسيان).
            second = tj + 1 < len(tokens) and seps[tj] == " " and tokens[tj][:1] == "و"
            second = second and tokens[tj][1:] in ("الداخليه", "الخارجيه", "الدفاع")
            if not qualifier and second:
                qualifier, words = self._qualifier(
                    tokens, seps, tj + 1, places, people, bodies, head
                )
        entries = frozenset(h.name.entry.id for h in group)
        if len(qualifier) == 1 and qualifier <= countries:
            (country,) = qualifier
            self.qualified.setdefault(entries, (country, words))
            return country, f"qualifier: {words} ({country})"
        # Rule: a generic reference qualified by another country is that country's body,
        # which the gazetteers lack (وزير الداخلية العماني, Oman's ministry having no such
        # short form): none of the group's.
        if len(qualifier) == 1 and self._generic(group):
            return None
        # Rule: a generic reference followed by a relative adjective that is not a demonym
        # nor one of time or status names another body, which the data lacks (القوات
        # المسلحة الجنوبية، الشرطة القضائية): none of the group's.
        if self._generic(group) and tj < len(tokens) and seps[tj] == " ":
            word = tokens[tj]
            if (
                word[:2] == "ال"
                and len(word) > 4
                and (word[-1] == "ي" or word[-2:] == "يه")
                and not self._demonym(word, tokens[ti][group[0].cut :])
                and word not in STATUS
            ):
                return None
        # Rule: the same name (fitting the same entries) that a qualifier made specific
        # earlier in the text is that country's again (وزير الداخلية الأمير … وزير الداخلية);
        # the first qualifier's, if several.
        if entries in self.qualified:
            country, words = self.qualified[entries]
            return country, f"earlier: {words} ({country})"
        # Rule: for a generic reference, the sentence and the document say nothing of a
        # sister country: the reference is the text's own country's.
        if self._generic(group):
            countries = countries - self.sisters
        here = self._sentence_facts(ti, tj, tokens, seps, facts)
        picked = favoured(Counter(c for _, c, _ in here), countries)
        if picked is not None:
            words = "، ".join(dict.fromkeys(w for _, c, w in here if c == picked))
            return picked, f"sentence: {words} ({picked})"
        before = [f for f in facts if f[0] < ti]
        picked = favoured(Counter(c for _, c, _ in before), countries)
        if picked is not None:
            # the first words that named the country in the document
            words = next(w for _, c, w in before if c == picked)
            return picked, f"document: {words} ({picked})"
        return None

    def _sentence_facts(
        self,
        ti: int,
        tj: int,
        tokens: list[str],
        seps: list[str],
        facts: list[tuple[int, str, str]],
    ) -> list[tuple[int, str, str]]:
        """The country facts of the sentence of words *ti* to *tj* (12 words either side at
        most), the name's own words aside."""
        lo, hi = sentence_span(ti, tj, tokens, seps)
        return [f for f in facts if lo <= f[0] < hi and not ti <= f[0] < tj]

    @staticmethod
    def _court_follows(tokens: list[str], seps: list[str], tj: int) -> bool:
        """Rule: a court named right after word *tj*: في المحكمة, في محكمة, بالمحكمة or
        بمحكمة, one space before each word."""
        if tj >= len(tokens) or seps[tj] != " ":
            return False
        if tokens[tj] == "في":
            return (
                tj + 1 < len(tokens)
                and seps[tj + 1] == " "
                and tokens[tj + 1] in ("المحكمه", "محكمه")
            )
        return tokens[tj] in ("بالمحكمه", "بمحكمه")

    def _leading(
        self, ti: int, here: list[tuple[int, str, str]], facts: list[tuple[int, str, str]]
    ) -> tuple[str, str] | None:
        """The country the sentence of the name at word *ti* names more than every other
        (*here*: its facts, :meth:`_sentence_facts`), else the document before; every
        country competes (None: none, or a tie)."""
        counts = Counter(c for _, c, _ in here)
        picked = favoured(counts, set(counts))
        if picked is not None:
            words = "، ".join(dict.fromkeys(w for _, c, w in here if c == picked))
            return picked, f"sentence: {words} ({picked})"
        before = [f for f in facts if f[0] < ti]
        counts = Counter(c for _, c, _ in before)
        picked = favoured(counts, set(counts))
        if picked is not None:
            return picked, f"document: {next(w for _, c, w in before if c == picked)} ({picked})"
        return None

    def _inside_another_name(self, hit: Hit, tokens: list[str], seps: list[str]) -> bool:
        """A person's partial name (a surname alone, or a name starting with بن, ابن or
        بنت written apart: بن علي) just after a name particle, or after a given name that
        is not its person's own (علي خلفان is not ضاحي خلفان, خالد بن علي not بن علي): a
        part of someone else's name.  A surname alone that is a demonym, just after a word
        with the article, is that word's adjective (الجانب المغربي); after a noun a place's
        name follows (مدينة، مركز …), the place's name (مركز العياط).  A partial name whose
        word carries the conjunction و starts a name of its own (توفيق وطرطاق).

        Rule: the word before counts only one space before it (on the same line), with its
        proclitics off or not (وبن); a given name is the first word of any person's name; a
        demonym is one of a country entry's, with or without the article.
        """
        ti = hit.ti
        name = hit.name
        # Rule: a person's name right after a nasab (بن نايف بن عبدالعزيز آل سعود) is a
        # part of a lineage, as a name that starts with one is.
        lineage = ti > 0 and tokens[ti - 1] in NASAB
        nasab = (
            name.kind == "exact"
            and name.entry.type == "person"
            and (tokens[ti] in NASAB or lineage)
        )
        if not (name.kind == "surname" or nasab) or ti == 0 or seps[ti] != " ":
            return False
        if hit.cut == 1 and tokens[ti].startswith("و"):
            return False  # و starts a name of its own (a list)
        if name.kind == "surname" and self._letter_of_the_name(hit, tokens):
            return True
        own = self.own_given.get(name.entry.id, set())
        if name.kind == "surname" and self._own_nasab(hit, tokens, seps, own):
            return False
        forms = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
        if forms & set(PARTICLES):
            return True
        # Rule: a surname alone after a noun a place's name follows is that place's name.
        if name.kind == "surname" and forms & (GUESS_CUES["place"] | {"مركز", "حي", "بلده"}):
            return True
        own = self.own_given.get(name.entry.id, set())
        if forms & self.given_before and not forms & own:
            return True
        # Rule: after a compound given name written apart (عبد and any word) that is not the
        # person's own, joined.
        compound = ti > 1 and seps[ti - 1] == " " and tokens[ti - 2] == "عبد"
        if compound and "عبد" + tokens[ti - 1] not in own:
            return True
        # Rule: a surname alone after a given name written with the article (الطاهر عثماني).
        if name.kind == "surname" and forms & GIVEN_WITH_ARTICLE:
            return True
        # Rule: after a compound given name ending in الدين، الله، الاسلام or الرحمن written
        # apart (حسام الدين، خليل الرحمن) whose first word (proclitics off or not) is not the
        # person's own.
        if ti > 1 and seps[ti - 1] == " " and tokens[ti - 1] in (*COMPOUND_ENDS, "الرحمن"):
            first = {tokens[ti - 2], *(f for f, _ in strip(tokens[ti - 2]))}
            if not first & own:
                return True
        # Rule: a surname alone after a word for a family (عائلة حقاني) names the family.
        if name.kind == "surname" and forms & {"عائله", "اسره", "عشيره", "قبيله", "شبكه"}:
            return True
        # Rule: a surname alone with no proclitic in a rank's name, beside a word that no rule
        # knows as a given name, is another person's: after a word that follows a rank
        # (العقيد ميلود الزوي), or right after a rank and before such a word (العقيد ونيس
        # بوخمادة). The rank: one space before, its proclitics off or not, the article or
        # none. The word: no frequent word, style, demonym, rank qualifier or own given name.
        if name.kind == "surname" and self._ranked_name(hit, tokens, seps, own):
            return True
        # Rule: a surname alone followed by a given name or عبد (one space): the name goes
        # on, a chain that is not the person's (محمد الأمين محمد أبلال).
        tj = hit.tj
        after = tokens[tj] if tj < len(tokens) and seps[tj] == " " else ""
        if name.kind == "surname" and (
            (after in self.given_before and after != "علي")
            or after == "عبد"
            or (after[:3] == "عبد" and len(after) > 4)
        ):
            return True
        word = tokens[ti]
        demonym = word in self.demonyms or word.removeprefix("ال") in self.demonyms
        return name.kind == "surname" and demonym and any(map(definite, forms))

    def _own_nasab(self, hit: Hit, tokens: list[str], seps: list[str], own: set[str]) -> bool:
        """Rule: a surname alone with no proclitic after the person's own name written with a
        nasab is the person's (فالح فيصل الفياض), the given name being one that no other person
        bears: going back from the word before it, one
        space apart each, one to three names, each a given name of any person (a compound
        written apart counting once: عبد and the next word read joined, or a word and الدين،
        الله، الاسلام or الرحمن after it read as that word), or بن، ابن، بنت between them,
        then the person's own given name (proclitics off or not, each)."""
        if hit.cut:
            return False
        names: list[set[str]] = []  # the names before the surname, nearest first
        links = 0
        k = hit.ti - 1
        while k >= 0 and seps[k + 1] == " " and len(names) <= 3:
            word = tokens[k]
            if word in NASAB:
                links += 1
                k -= 1
                continue
            if k > 0 and seps[k] == " " and tokens[k - 1] == "عبد":
                names.append({"عبد" + word})
                k -= 2
            elif k > 0 and seps[k] == " " and word in (*COMPOUND_ENDS, "الرحمن"):
                names.append({tokens[k - 1], *(f for f, _ in strip(tokens[k - 1]))})
                k -= 2
            else:
                names.append({word, *(f for f, _ in strip(word))})
                k -= 1
            # (the person's own given name, one no other person bears: محمد أحمد اشتية may
            # be anyone)
            if len(names) > 1 and names[-1] & own and not names[-1] & self.shared_given:
                return all(n & self.given_before for n in names[:-1])
            if not names[-1] & self.given_before:
                return False
        return False

    def _ranked_name(self, hit: Hit, tokens: list[str], seps: list[str], own: set[str]) -> bool:
        """A surname alone with no proclitic in a rank's name beside a word that no rule
        knows as a given name (see _inside_another_name)."""
        ti = hit.ti
        if hit.cut:
            return False

        def rank(k: int) -> bool:
            forms_k = {tokens[k], *(f for f, _ in strip(tokens[k]))}
            return any(f.removeprefix("ال") in RANKS for f in forms_k)

        def unknown(word: str) -> bool:
            demonym = word in self.demonyms or word.removeprefix("ال") in self.demonyms
            known = word in self.frequent or styled(word) or word in RANK_QUALIFIERS
            return not (known or demonym or word in own)

        if ti > 1 and seps[ti - 1] == " " and rank(ti - 2) and unknown(tokens[ti - 1]):
            return True
        tj = hit.tj
        return rank(ti - 1) and tj < len(tokens) and seps[tj] == " " and unknown(tokens[tj])

    def _another_s(self, hit: Hit, tokens: list[str], seps: list[str]) -> bool:
        """Rule: a surname alone that ends another person's name there, after a given name
        (one space before, proclitics off or not) that is not its person's own: any person's
        given name, one with the article (الطاهر), or a word no rule knows as one in a
        rank's name. The text has used the surname for that other person (ميلود الزوي)."""
        ti = hit.ti
        if hit.name.kind != "surname" or ti == 0 or seps[ti] != " ":
            return False
        if hit.cut == 1 and tokens[ti].startswith("و"):
            return False
        forms = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
        if self._letter_of_the_name(hit, tokens):
            return True
        own = self.own_given.get(hit.name.entry.id, set())
        if self._own_nasab(hit, tokens, seps, own):
            return False
        if forms & self.given_before and not forms & own:
            return True
        return bool(forms & GIVEN_WITH_ARTICLE) or self._ranked_name(hit, tokens, seps, own)

    def _letter_of_the_name(self, hit: Hit, tokens: list[str]) -> bool:
        """Rule: a surname read with ب, ل or ك cut before it, one space after a given name
        (any person's, or one joined to عبد: عبدالجبار) or a rank with the article, proclitics
        off: no preposition stands inside a name, so the letter is the name's (العقيد بعكر)."""
        ti = hit.ti
        if hit.cut == 0 or tokens[ti][:1] not in ("ب", "ل", "ك"):
            return False
        before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
        return (
            bool(before & self.given_before)
            or any(f.startswith("ال") and f[2:] in RANKS for f in before)
            or any(f.startswith("عبد") and len(f) >= 5 for f in before)
        )

    def _an_adjective(self, hit: Hit, tokens: list[str], seps: list[str]) -> bool:
        """A name written with no proclitic, one space after a word with the article, that is
        that word's adjective: a country's name of one word that is a demonym of the country
        with ة (ه folded) added (القوات السعودية), or a body's name whose first word is
        الداخلية or الخارجية (الشؤون الداخلية: internal affairs), not the name."""
        ti, name = hit.ti, hit.name
        if ti == 0 or hit.methods or seps[ti] != " ":
            return False
        word = tokens[ti]
        if hit.cut:
            # Rule: and the second of two of those joined by و (الأمنية الداخلية والخارجية).
            pair = word[:1] == "و" and word[1:] in ("الداخليه", "الخارجيه")
            if name.entry.type != "agency" or not pair or ti < 2 or seps[ti - 1] != " ":
                return False
            if tokens[ti - 1] not in ("الداخليه", "الخارجيه"):
                return False
            before = {tokens[ti - 2], *(f for f, _ in strip(tokens[ti - 2]))}
            return any(map(definite, before))
        if name.entry.type == "agency":
            # Rule: the interior's and foreign ministries' short forms are also adjectives.
            if word not in ("الداخليه", "الخارجيه"):
                return False
        elif name.entry.type == "organization":
            # Rule: a group's name of one word that is a nisba (الحوثي), after a word with
            # the article (proclitics off or not) that is no style nor the end of a compound
            # given name (السيد الحوثي، بدر الدين الحوثي): الانقلاب الحوثي, the Houthi coup.
            # It agrees only with a masculine word that is no nisba itself and ends no place's
            # name (حملت الحكومة اليمنية الحوثي, اتهم الجيش اليمني الحوثي: the object).
            if hit.tj - ti != 1 or not (word.startswith("ال") and word.endswith("ي")):
                return False
            if ti in self.place_ends:
                return False
            before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
            ends = (*COMPOUND_ENDS, "الرحمن")
            return any(
                definite(f)
                and not f.endswith(("ه", "ات", "ي"))
                and f[2:] not in STYLES
                and f not in ends
                for f in before
            )
        elif word in ADJECTIVE_READINGS and name.entry.type == "place" and hit.tj - ti == 1:
            # Rule: a place's name that is also a common adjective (مالي, financial), after
            # a noun it often qualifies (مبلغ مالي), its proclitics off or not (بمبلغ مالي).
            before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
            return bool(before & ADJECTIVE_READINGS[word])
        # Rule: ... a demonym of the place's own country with ة, or an adjective of
        # direction (الدول الغربية: Western states, not Egypt's Gharbia).
        elif (
            name.entry.type != "place"
            or hit.tj - ti != 1
            or (
                word not in ("الغربيه", "الشرقيه", "الشماليه", "الجنوبيه", "الوسطي")
                and (not word.endswith("ه") or self.demonyms.get(word[:-1]) != name.entry.country)
            )
        ):
            return False
        before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
        return any(map(definite, before))

    def _supported(
        self, hit: Hit, tokens: list[str], seps: list[str], seen: set[str]
    ) -> str | None:
        """What shows that the real word a guessed hit starts with is meant as its name:
        the word right before it (one space apart) is a title of a person or the person's
        own given name, or a construct's first noun for a place or an organisation; or
        (a person) the person was named earlier by a name that is not a surname alone."""
        entry = hit.name.entry
        ti = hit.ti
        if ti and seps[ti] == " ":
            before = tokens[ti - 1]
            forms = {before, *(f for f, _ in strip(before))}
            if entry.type == "person":
                own = self.own_given.get(entry.id, set())
                if any(f.removeprefix("ال") in GUESS_TITLES for f in forms) or forms & own:
                    return f"cue: {before}"
            elif forms & GUESS_CUES.get(entry.type, set()):
                return f"cue: {before}"
        if entry.type == "person" and entry.id in seen:
            return f"full-name: {entry.name}"
        return None

    def _list_head(self, ti: int, seps: list[str]) -> int:
        """Rule: the first word of the list of places the place at *ti* is an item of: back
        over each place joined to the next by و or a comma."""
        k = ti
        while k in self.place_ends and (
            (seps[k] == " " and k in self.joined)
            or (seps[k].strip() in ("،", ",") and "\n" not in seps[k])
        ):
            k = self.place_ends[k]
        return k

    def _list_items(self, ti: int, tj: int, tokens: list[str], seps: list[str]) -> list[int]:
        """Rule: the first words of the other places of the list the place in words *ti* to
        *tj* is an item of, before and after it: joined to the next by و or a comma (as
        _list_head), or with the word أو between (one space either side)."""

        def comma(k: int) -> bool:
            return k < len(seps) and seps[k].strip() in ("،", ",") and "\n" not in seps[k]

        items = []
        k = ti
        while True:
            if k in self.place_ends and ((seps[k] == " " and k in self.joined) or comma(k)):
                k = self.place_ends[k]
            elif (
                k > 1
                and tokens[k - 1] == "او"
                and seps[k] == seps[k - 1] == " "
                and k - 1 in self.place_ends
            ):
                k = self.place_ends[k - 1]
            else:
                break
            items.append(k)
        k = tj
        while k < len(tokens):
            if k in self.place_at and ((seps[k] == " " and k in self.joined) or comma(k)):
                pass
            elif (
                tokens[k] == "او"
                and seps[k] == " "
                and k + 1 in self.place_at
                and seps[k + 1] == " "
            ):
                k += 1
            else:
                break
            items.append(k)
            k = self.place_at[k][0].tj
        return items

    def _unit_of(
        self,
        group: list[Hit],
        tokens: list[str],
        seps: list[str],
        facts: list[tuple[int, str, str]],
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
    ) -> tuple[int, int, Name, Hit] | None:
        """The body a local unit's name belongs to, when its head's words end right before
        the place's name of *group* (or take in the division's noun that begins that name):
        (the head's first word, the proclitic's letters cut from it, the body as a name, the
        place's hit)."""
        # (a place with ب glued is a unit's place only by a listed head: unit_heads)
        spots = [
            h for h in group if h.name.entry.type == "place" and tokens[h.ti][: h.cut] in ("", "ب")
        ]
        if not spots:
            return None
        for first, first_cut, key in self._heads_before(spots[0], tokens, seps):
            # Rule: not after a word of threat or keeping (حفظ أمن ولاية وهران: the state's
            # security), or after على that follows one (as for a generic reference)
            before = self._cue_forms(tokens[first - 1]) if first and seps[first] == " " else set()
            ala = (
                "علي" in before
                and first > 1
                and seps[first - 1] == " "
                and bool(self._cue_forms(tokens[first - 2]) & SECURITY_BEFORE_ALA)
            )
            if before & SECURITY_BEFORE or ala:
                continue
            fits = [h for h in spots if (h.name.entry.country, key) in self.unit_heads]
            # Rule: a place whose namesakes lie in several countries: the country the
            # evidence picks among them all, or none
            if fits and len({h.name.entry.country for h in spots}) > 1:
                picked = self._choose(spots, tokens, seps, facts, places, people)
                fits = [h for h in fits if picked and h.name.entry.country == picked[0]]
            # Rule: a town of a country that the text before names none of, while it names
            # another, nor its sentence: a namesake the data lacks, no unit
            for h in list(fits):
                country = h.name.entry.country
                before_countries = [c for k, c, _ in facts if k < h.ti]
                here = [c for _, c, _ in self._sentence_facts(h.ti, h.tj, tokens, seps, facts)]
                if (
                    h.name.entry.id in self.towns
                    and before_countries
                    and country not in before_countries
                    and country not in here
                ):
                    fits.remove(h)
            if fits:
                place = fits[0]
                body = self.unit_heads[(place.name.entry.country or "", key)]
                return first, first_cut, body, place
        return None

    def _heads_before(
        self, place: Hit, tokens: list[str], seps: list[str]
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """The heads of local units (of any country) whose words end right before *place*
        (one space apart each), or whose last word is the word that begins the place's name
        of two words or more (شرطة منطقة الرياض), longest first: (first word, proclitic
        letters cut from it, the head's words)."""
        out = []
        k = place.ti
        most = max((len(w) for _, w in self.unit_heads), default=0)
        extra = [tokens[k][place.cut :]] if place.tj - k > 1 else []
        for n in range(most, 0, -1):
            first = k - n
            if first < 0 or not all(seps[j] == " " for j in range(first + 1, k + 1)):
                continue
            rest = tokens[first + 1 : k]
            for form, first_cut in [(tokens[first], 0), *strip(tokens[first])]:
                for key in dict.fromkeys([(form, *rest), (form, *rest, *extra)]):
                    if any(key == words for _, words in self.unit_heads):
                        out.append((first, first_cut, key))
        return out

    def _cue_forms(self, token: str) -> set[str]:
        """*token* and its forms with the proclitics off, as a cue word is read (a city cue
        too: بالعاصمة تونس is "in the capital, Tunis")."""
        return {token, *(f for f, _ in strip(token))}

    def _numbered_units(self, hits: list[Hit], tokens: list[str], seps: list[str]) -> list[Hit]:
        """Rule: a head of agencies' units (its words one space apart, a proclitic on the
        first) and, one space after it, an ordinal or a direction (a second direction may
        follow) is a local unit's name: a common-word name of each agency listing the head
        (the longest head there), which the text's country picks as a generic reference."""
        extra: list[Hit] = []
        for j, word in enumerate(tokens):
            if j == 0 or seps[j] != " " or word not in UNIT_DIRECTIONS | UNIT_ORDINALS:
                continue
            end = j + 1
            two = end < len(tokens) and seps[end] == " " and tokens[end] in UNIT_DIRECTIONS
            if word in UNIT_DIRECTIONS and two:
                end += 1
            best: tuple[int, int, tuple[str, ...]] | None = None
            for _, key in self.unit_heads:
                first = j - len(key)
                if first < 0 or tuple(tokens[first + 1 : j]) != key[1:]:
                    continue
                if any(seps[k] != " " for k in range(first + 1, j)):
                    continue
                cuts = [0] if tokens[first] == key[0] else []
                cuts += [cut for form, cut in strip(tokens[first]) if form == key[0]]
                if cuts and (best is None or len(key) > len(best[2])):
                    best = (first, min(cuts), key)
            if best is not None:
                first, cut, key = best
                for (_, head), name in self.unit_heads.items():
                    if head == key:
                        numbered = dataclasses.replace(name, kind="common")
                        self.numbered_names.add(numbered)
                        extra.append(Hit(first, end, cut, numbered, ()))
        return sorted(hits + extra, key=lambda h: h.ti)

    def _qualified_or_leading(
        self,
        tokens: list[str],
        seps: list[str],
        ti: int,
        tj: int,
        facts: list[tuple[int, str, str]],
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
    ) -> tuple[str, str] | None:
        """The country a qualifier right after words *ti* to *tj* names, else the one their
        sentence, else the document before, names more than every other (all countries
        competing), with the evidence as a string."""
        named, words = self._qualifier(tokens, seps, tj, places, people, True)
        if len(named) == 1:
            (country,) = named
            return country, f"qualifier: {words} ({country})"
        return self._leading(ti, self._sentence_facts(ti, tj, tokens, seps, facts), facts)

    def _numbered_pick(
        self, group: list[Hit], seen: set[str], tokens: list[str], leading: tuple[str, str] | None
    ) -> tuple[float, str, Hit, tuple[str, ...], tuple[str, ...]] | None:
        """Rule: a unit's head and number names the body (of those listing the head) of the
        *leading* country (:meth:`_qualified_or_leading`), the number's words first in the
        evidence; none where no country leads or its bodies list no such head."""
        if leading is None:
            return None
        keep = [h for h in group if h.name.entry.country == leading[0]]
        if not keep:
            return None
        ti, tj = group[0].ti, group[0].tj
        number = " ".join(tokens[ti + len(keep[0].name.key) : tj])
        unit = f"unit: {number} ({leading[0]})"
        return (*self._rank(group, keep, seen, context=True), (unit, leading[1]))

    def _lies_in(self, inner: str, outer: str) -> bool:
        """Whether the data puts entry *inner* inside entry *outer* (part_of, up the chain)."""
        chain = [inner]
        while (up := self.part_of_any.get(chain[-1])) is not None and up not in chain:
            if up == outer:
                return True
            chain.append(up)
        return False

    @staticmethod
    def _departments_noun(word: str) -> bool:
        forms = {word, *(form for form, _ in strip(word))}
        return any(form.removeprefix("ال") in DEPARTMENTS for form in forms)

    def _department_elsewhere(
        self, group: list[Hit], hits: list[Hit], tokens: list[str], seps: list[str]
    ) -> bool:
        """Rule: agencies' names whose first word (proclitics and article off) is a
        department's noun (DEPARTMENTS), followed by an agency's name written with ب, or by في
        and one (no proclitic; one space either side), whose first word is no such noun, name
        that agency's own department, which the data lacks, when the name's entries of the
        agency's countries all lie in some body (part_of) and the agency (its longest firm
        name there) is none of them, none they lie in, none lying in them."""
        if any(h.name.entry.type != "agency" for h in group):
            return False
        first = group[0]
        ti = first.ti
        if first.cut or ti == 0 or seps[ti] != " " or not self._departments_noun(tokens[ti]):
            return False
        # Rule: ... and only in construct after a post's noun (مدير الإدارة …): after a verb,
        # ب or في may be the verb's (أشادت مديرية الأمن العام بالقوات المسلحة).
        before = {tokens[ti - 1], *(f for f, _ in strip(tokens[ti - 1]))}
        if not {f.removeprefix("ال") for f in before} & POSTS_BEFORE_DEPARTMENTS:
            return False
        tj = first.tj
        after: list[Hit] = []
        if tj < len(tokens) and seps[tj] == " ":
            for h in hits:
                firm = h.name.kind in ("exact", "abbreviation") and not h.methods
                if not firm or h.name.entry.type != "agency":
                    continue
                with_fi = tokens[tj] == "في" and h.ti == tj + 1 and not h.cut and seps[h.ti] == " "
                with_bi = h.ti == tj and h.cut == 1 and tokens[tj].startswith("ب")
                if with_fi or with_bi:
                    after.append(h)
        if not after or self._departments_noun(tokens[after[0].ti]):
            return False
        longest = max(h.tj for h in after)
        hosts = [h.name.entry for h in after if h.tj == longest]
        ids = [
            h.name.entry.id
            for h in group
            if h.name.entry.country in {host.country for host in hosts}
        ]
        if not ids or any(self.part_of_any.get(entry_id) is None for entry_id in ids):
            return False
        for entry_id in ids:
            for host in hosts:
                inside = self._lies_in(entry_id, host.id) or self._lies_in(host.id, entry_id)
                if entry_id == host.id or inside:
                    return False
        return True

    @staticmethod
    def _generic(group: list[Hit]) -> bool:
        """Whether *group* is a generic reference: a body's common-word name, or a name
        that bodies of several countries share."""
        return any(
            h.name.kind == "common" and h.name.entry.type in GENERIC_TYPES for h in group
        ) or (
            {h.name.entry.type for h in group} <= GENERIC_TYPES
            # Rule: a body with no country counts as one more country
            and len({h.name.entry.country for h in group}) > 1
        )

    def _pick(
        self,
        group: list[Hit],
        tokens: list[str],
        seps: list[str],
        facts: list[tuple[int, str, str]],
        places: dict[int, set[str]],
        people: dict[int, tuple[str, str, set[str]]],
        seen: set[str],
        found: dict[Hit, str],
        raw: str,
    ) -> tuple[float, str, Hit, tuple[str, ...], tuple[str, ...]] | None:
        """The entry a span names: (score, method, hit, other candidates, evidence); None
        when it names none and its words are read as no shorter name either.

        *found* holds the evidence of the common-word hits kept for a cue or a list;
        *raw* is the span as the text writes it."""
        ti = group[0].ti
        if group[0].name in self.numbered_names:
            leading = self._qualified_or_leading(
                tokens, seps, ti, group[0].tj, facts, places, people
            )
            return self._numbered_pick(group, seen, tokens, leading)
        head = self._list_head(ti, seps)
        # Rule: an opening quote or bracket may stand after the space between the noun
        # and the name or its list (محافظات (بابل، النجف)).
        if (
            head
            and opened(seps[head])
            and self._cue_forms(tokens[head - 1]) & DIVISION_NOUNS
            and any(h.name.entry.type == "place" for h in group)
        ):
            # Rule: a division's noun before the name or its list: the divisions, or else no
            # towns (of several countries, the one the evidence picks first).
            if self._cue_forms(tokens[head - 1]) & WILAYA_NOUNS:
                group = [h for h in group if h.name.entry.id not in self.governorates]
                if not group:
                    return None  # ولاية صلاح الدين: no governorate
            if len({h.name.entry.country for h in group}) > 1:
                chosen = self._choose(group, tokens, seps, facts, places, people)
                if chosen is not None:
                    group = [h for h in group if h.name.entry.country == chosen[0]]
            # (and no city inside a country either: مديرية المكلا is the district)
            named = [h for h in group if h.name.entry.id in self.divisions]
            plural = bool(self._cue_forms(tokens[head - 1]) & {"محافظات", "ولايات", "اقاليم"})
            group = named or [
                h
                for h in group
                if h.name.entry.id not in self.towns
                and (not h.name.entry.part_of or (plural and h.name.entry.id in self.containers))
            ]
            if not group:
                return None  # محافظة القطيف: the governorate, not the town
        elif head and opened(seps[head]):
            # Rule: a region's noun before the name or its list: the regions named so, if
            # the name fits one (منطقة الرياض), else nothing changes (منطقة الساحل); a
            # countryside's noun: the divisions (ريف دير الزور is the governorate's, not the
            # city's).
            before = self._cue_forms(tokens[head - 1])
            for nouns, kind in ((REGION_NOUNS, self.regions), (COUNTRYSIDE, self.divisions)):
                if before & nouns and any(h.name.entry.id in kind for h in group):
                    group = [h for h in group if h.name.entry.id in kind]
            # Rule: a ruler's title or an emirate's noun: the divisions and the countries, if
            # the name fits a division (حاكم الشارقة is the emirate, حاكم الجزائر the country),
            # else nothing changes (حاكم الفلوجة).
            if before & RULERS and any(h.name.entry.id in self.divisions for h in group):
                group = [
                    h
                    for h in group
                    if h.name.entry.id in self.divisions or not h.name.entry.part_of
                ]
        single = len(group) == 1
        inside = [h for h in group if self._inside_another_name(h, tokens, seps)]
        # Rule: remember the words of a surname alone that ends another person's name
        # there: the same surname alone later, its entry not named in full, is no name.
        for h in inside:
            if self._another_s(h, tokens, seps):
                self.others.add(" ".join((tokens[h.ti][h.cut :], *tokens[h.ti + 1 : h.tj])))
        group = [h for h in group if h not in inside]
        if not group:
            return None  # a part of someone else's name
        adjectives = [h for h in group if self._an_adjective(h, tokens, seps)]
        # Rule: a group's nisba read as an adjective (الانقلاب الحوثي) is no surname either.
        if any(h.name.entry.type == "organization" for h in adjectives):
            adjectives += [h for h in group if h.name.kind == "surname"]
        group = [h for h in group if h not in adjectives]
        if not group:
            return None  # an adjective: القوات السعودية
        # Rule: an organisation's name alone in its span, with no proclitic, one space after
        # a mission's noun (proclitics off: بعثة الأمم المتحدة), that has missions, names the
        # one of its missions of that noun (a force for قوات or قوة) the text has named
        # before, or nothing.
        (first, *_) = group
        if (
            single
            and ti
            and seps[ti] == " "
            and not first.cut
            and first.name.entry.id in self.missions
            and self._cue_forms(tokens[ti - 1]) & MISSION_NOUNS
        ):
            nouns = {"قوه" if n == "قوات" else n for n in self._cue_forms(tokens[ti - 1])}
            by_noun = self.missions[first.name.entry.id]
            named = set().union(*(by_noun.get(n, set()) for n in nouns)) & seen
            if len(named) != 1:
                return None
            part = self.part_names[named.pop()]
            evidence = (f"earlier: {part.entry.name}",)
            return SCORE["context"], "context", Hit(ti, first.tj, 0, part, ()), (), evidence
        # Rule: an organisation's own name (exact) that has branches named after it names
        # the branch of the country a qualifier right after it gives, else of the country
        # its sentence, else the document before, names more than every other country.
        if single and first.name.kind == "exact" and first.name.entry.id in self.branches:
            leading = self._qualified_or_leading(tokens, seps, ti, first.tj, facts, places, people)
            branch = self.branches[first.name.entry.id].get(leading[0]) if leading else None
            # ... when the branch is of the era (_old: al-Qaeda in Iraq, dissolved in 2006, is
            # not read for a text of no known date)
            if leading and branch and not self._old(self.part_names[branch].entry):
                part = self.part_names[branch]
                return (
                    SCORE["context"],
                    "context",
                    Hit(ti, first.tj, 0, part, ()),
                    (),
                    (leading[1],),
                )
        # Rule: a name that fits several bodies, followed by the person who holds the post
        # (_holder; a demonym of the holder's country may stand between: المخابرات العامة
        # السورية اللواء أنس خطاب), is
        # the bodies of them whose posts that person held, when those are some, not all.
        tj = group[0].tj
        if all(h.name.entry.type in ("agency", "organization") for h in group):
            after, demonym = tj, ""
            if tj < len(tokens) and seps[tj] == " " and tokens[tj] in self.demonyms:
                after, demonym = tj + 1, self.demonyms[tokens[tj]]
            at = self._holder(tokens, seps, after, people, True)
            # (after a demonym, only a holder of its country: الداخلية الكويتي الأمير … is
            # Kuwait's ministry receiving a Saudi prince)
            if at is not None and demonym and people[at][0] != demonym:
                at = None
            # Rule: or the person named right before a title (a word of GUESS_TITLES, one
            # space either side) that the name follows: الشيخ راشد … آل خليفة وزير الداخلية.
            ti0 = group[0].ti
            title = ti0 > 1 and tokens[ti0 - 1].removeprefix("ال") in GUESS_TITLES
            ids = {h.name.entry.id for h in group}
            # Rule: a person named after the name who held none of the bodies gives way to
            # one named before the title who held one (the guest received by the minister).
            if (at is None or not people[at][2] & ids) and title and seps[ti0] == " ":
                # Rule: the rest of the holder's nasab (بن and a word, one space apart, as
                # often as it comes) may stand between his name as found and the title, and
                # the rest of his posts (a chain) between the title and his name; a comma
                # only right after his name.
                k = ti0 - 1
                before = None
                ended = {p + len(q[1].split(" ")) for p, q in people.items()}
                while k >= max(1, ti0 - CHAIN_REACH):
                    comma = seps[k].strip() in ("،", ",") and "\n" not in seps[k]
                    if not (self._chained(seps[k]) or comma):
                        break
                    end = k
                    # (and آل and a word, his family's name: آل folds to ال)
                    while (
                        end not in ended
                        and end > 2
                        and (tokens[end - 2] in NASAB or tokens[end - 2] == "ال")
                        and seps[end - 1] == seps[end - 2] == " "
                    ):
                        end -= 2
                    ends = [p for p, q in people.items() if p + len(q[1].split(" ")) == end]
                    if ends:
                        before = min(ends)
                        break
                    if comma:
                        break
                    if k in self.body_from:
                        k = self.body_from[k]
                    elif self._chain_word(tokens[k - 1]):
                        k -= 1
                    else:
                        break
                if before is not None and (at is None or people[before][2] & ids):
                    at = before
                if at is not None and demonym and people[at][0] != demonym:
                    at = None
            # Rule: or the person named after the rest of his posts, a chain that starts
            # with a title right after the name (وزير الدفاع وزير الداخلية الشيخ فهد اليوسف);
            # not after a demonym.
            if at is None and not demonym:
                at = self._after_posts(tokens, seps, tj, people)
            if at is not None:
                country, words, held = people[at]
                keep = [h for h in group if h.name.entry.id in held]
                if keep and {h.name.entry.id for h in keep} != {h.name.entry.id for h in group}:
                    key = frozenset(h.name.entry.id for h in group)
                    self.qualified.setdefault(key, (country, words))
                    if len({h.name.entry.id for h in keep}) == 1:
                        self.decided.add(keep[0].name.entry.id)
                    return (
                        *self._rank(group, keep, seen, context=self._generic(keep)),
                        (f"qualifier: {words} ({country})",),
                    )
        generic = self._generic(group)
        # Rule: a shadda the text writes in a span that fits several entries picks the
        # entries with an alias of the same folded form that has a shadda on each of
        # those letters (عمّان is Amman), when those are some of the entries, not all.
        entries = {h.name.entry.id for h in group}
        if not generic and len(entries) > 1 and "\u0651" in raw:
            written = shadda_on(raw)
            keep = [
                h
                for h in group
                if any(
                    key == fold(h.name.alias) and written <= letters
                    for key, letters in self.marked.get(h.name.entry.id, ())
                )
            ]
            if keep and len({h.name.entry.id for h in keep}) < len(entries):
                return (*self._rank(group, keep, seen, context=False), (f"marks: {raw}",))
        sea = None if generic else self._of_no_country(group, tokens, seps, places, people)
        if sea is not None:
            keep, why = sea
            return (*self._rank(group, keep, seen, context=False), why)
        if generic or len({h.name.entry.country for h in group}) > 1:
            chosen = self._choose(group, tokens, seps, facts, places, people)
            if chosen is not None:
                country, why = chosen
                keep = [h for h in group if h.name.entry.country == country]
                # Rule: of that country's entries, those the text named before by a name
                # that fits no other or by the post's holder, when those are some of them,
                # not all: the same name later is the same body.
                ids = {h.name.entry.id for h in keep}
                named = [h for h in keep if h.name.entry.id in self.decided]
                bodies = all(h.name.entry.type in ("agency", "organization") for h in keep)
                if (
                    bodies
                    and len(ids) > 1
                    and named
                    and len({h.name.entry.id for h in named}) < len(ids)
                ):
                    ranked = self._rank(group, named, seen, context=generic)
                    return (*ranked, (why, f"earlier: {ranked[2].name.entry.name}"))
                return (*self._rank(group, keep, seen, context=generic), (why,))
            if generic:
                return None
        ti = group[0].ti
        # Rule: a name that several places share names those of them that lie inside a
        # place named firmly (every hit on its span a place's exact name or abbreviation,
        # as written) in the sentence, the name's own words and any name overlapping them
        # aside, else in the text before the name (a name that starts before it), when
        # those are some of them, not all. A place counts only if one namesake lies inside
        # it and not every one, and it is none of the namesakes (the city of Kirkuk is
        # inside the governorate of Kirkuk, another namesake).
        namesakes = {h.name.entry.id for h in group if h.name.entry.type == "place"}
        if len(namesakes) > 1:
            inside = {i: self.within.get(i, set()) - namesakes for i in namesakes}
            everyone = set.intersection(*inside.values())
            inside = {i: up - everyone for i, up in inside.items()}
            lo, hi = sentence_span(ti, group[0].tj, tokens, seps)
            in_sentence = [
                n
                for n in self.named_places
                if lo <= n[0] and n[1] <= hi and (n[1] <= ti or n[0] >= group[0].tj)
            ]
            before = [n for n in self.named_places if n[0] < ti]
            for around in (in_sentence, before):
                words_of: dict[str, str] = {}
                for _, _, ids, words in around:
                    for i in ids:
                        words_of.setdefault(i, words)
                keep = [
                    h
                    for h in group
                    if h.name.entry.type == "place" and inside[h.name.entry.id] & set(words_of)
                ]
                if keep and len({h.name.entry.id for h in keep}) < len(namesakes):
                    parent = sorted(
                        i for h in keep for i in inside[h.name.entry.id] & set(words_of)
                    )
                    why = f"inside: {words_of[parent[0]]} ({keep[0].name.entry.country})"
                    return (*self._rank(group, keep, seen, context=False), (why,))
        # Rule: a city is meant after a city's cue word before the name or its list, before
        # العاصمة right after the name, and in
        # a dateline (a name that begins a line, then a dash, a bracket, or a number after a
        # space or a comma and a space): the towns not named as divisions (a governorate
        # inside a region is none), or else the places in a country not named as divisions.
        here = [h for h in group if h.name.entry.type == "place"]
        keep = [
            h
            for h in here
            if h.name.entry.id in self.towns and h.name.entry.id not in self.divisions
        ] or [h for h in here if h.name.entry.part_of and h.name.entry.id not in self.divisions]
        if keep and len(keep) < len(group):
            tj = group[0].tj
            why = ""
            if (ti == 0 or "\n" in seps[ti]) and tj < len(tokens):
                after = seps[tj].strip()
                number = seps[tj] in (" ", "، ", ", ") and tokens[tj].isdigit()
                if (after and after[0] in "-–—(") or number:
                    why = f"dateline: {tokens[ti]}"
            head = self._list_head(ti, seps)
            # Rule: the cue before the name or its list on the same line, with no comma,
            # semicolon or sentence end between, and no conjunction و on the name itself.
            attached = not set(seps[head]) & set("\n،,؛;.!?؟")
            if head == ti and group[0].cut and tokens[ti][0] == "و":
                attached = False
            cue = head and attached and self._cue_forms(tokens[head - 1]) & CITY_CUES
            if not why and cue:
                why = f"cue: {tokens[head - 1]}"
            # ... and before the word العاصمة right after the name (تونس العاصمة)
            if not why and tj < len(tokens) and seps[tj] == " " and tokens[tj] == "العاصمه":
                why = "cue: العاصمه"
            if why:
                # Rule: the city a city's cue or a dateline chose is remembered for the name
                # (see below), with the cue's words and the name's (the name's alone for a
                # dateline).
                cue = "" if why.startswith("dateline") else why.split(": ", 1)[1]
                self._remember_reading(group, keep, cue, tokens)
                return (*self._rank(group, keep, seen, context=False), (why,))
        # Rule: a name that fits a division and a place inside one that is no division (a
        # city and its governorate), in a list whose other items are all divisions, or all
        # such places, or of one kind by two items more than of the other, is of that kind;
        # an item that fits both kinds, as the name does, is left out (but one of them must
        # be of one kind).
        named = [h for h in here if h.name.entry.id in self.divisions]
        inner = [h for h in here if h.name.entry.id not in self.divisions and h.name.entry.part_of]
        if named and inner:
            kinds: list[bool | None] = []
            words = []
            for k in self._list_items(ti, group[0].tj, tokens, seps):
                item = self.place_at[k]
                ids = {h.name.entry.id for h in item}
                if ids <= self.divisions:
                    kinds.append(True)
                elif all(h.name.entry.part_of for h in item) and not ids & self.divisions:
                    kinds.append(False)
                elif all(h.name.entry.part_of for h in item):
                    pass  # both kinds: it shows neither
                else:
                    kinds.append(None)
                words.append(" ".join(tokens[k : item[0].tj]))
            divs, towns = kinds.count(True), kinds.count(False)
            one_kind = None not in kinds and ((divs > 0) != (towns > 0) or abs(divs - towns) >= 2)
            if one_kind:
                keep = named if divs > towns else inner
                why = "list: " + "، ".join(words)
                return (*self._rank(group, keep, seen, context=False), (why,))
        # Rule: a name that several places inside countries share (no country among them)
        # and that nothing above decides is the city a city's cue or a dateline chose for it
        # earlier in the text (the last such): the evidence is ``earlier`` with the cue's
        # words.
        ids = self._inner_places(group)
        if ids is not None and ids in self.readings:
            chosen, words = self.readings[ids]
            keep = [h for h in group if h.name.entry.id == chosen]
            return (*self._rank(group, keep, seen, context=False), (f"earlier: {words}",))
        score, method, best, others = self._rank(group, group, seen, context=False)
        why = [found[h] for h in group if h.name == best.name and h in found][:1]
        if best.name.kind == "surname" and best.name.entry.id in seen:
            why.append(f"full-name: {best.name.entry.name}")
        return score, method, best, others, tuple(why)

    @staticmethod
    def _inner_places(group: list[Hit]) -> frozenset[str] | None:
        """The ids of *group*'s places if several, each inside another place; else None."""
        places = [h.name.entry for h in group if h.name.entry.type == "place"]
        ids = frozenset(e.id for e in places)
        return ids if len(ids) > 1 and all(e.part_of for e in places) else None

    def _remember_reading(
        self, group: list[Hit], keep: list[Hit], cue: str, tokens: list[str]
    ) -> None:
        """Note that the word *cue* chose *keep*'s one place among *group*'s namesakes."""
        ids = self._inner_places(group)
        chosen = {h.name.entry.id for h in keep if h.name.entry.type == "place"}
        if ids is not None and len(chosen) == 1 and chosen < ids:
            h = group[0]
            words = " ".join((tokens[h.ti][h.cut :], *tokens[h.ti + 1 : h.tj]))
            self.readings[ids] = (min(chosen), f"{cue} {words}".strip())

    def _rank(
        self, group: list[Hit], keep: list[Hit], seen: set[str], *, context: bool
    ) -> tuple[float, str, Hit, tuple[str, ...]]:
        """The best hit of *keep*, and the other entries of *group* as candidates.

        Best first: score, the entry the others are part of, an exact alias, gazetteer
        order.  With *context*, a generic reference made specific: method ``context``,
        scored ``SCORES["context"]`` times its variant factors.
        """

        def ranked(hits: list[Hit]) -> list[tuple[float, str, Hit]]:
            # Rule: the entry the others are part of first only if it is part of none (a
            # country before its city; a governorate not: the order decides, الكرك the city)
            parents = {h.name.entry.part_of for h in hits}
            parents = {p for p in parents if p and not self.part_of_any.get(p)}
            scored = [(*self._score(h, seen), h) for h in hits]
            return sorted(
                scored,
                key=lambda s: (-s[0], s[2].name.entry.id not in parents,
                               self._era_rank(s[2].name.entry),
                               s[2].name.kind != "exact",
                               s[2].name.order, s[2].name.entry.id),
            )  # fmt: skip

        score, method, best = ranked(keep)[0]
        if context and not method.startswith("context"):
            factor = 1.0
            for m in best.methods:
                factor *= SCORE[m]
            rest = [m for m in method.split("+") if m not in ("exact", "abbreviation")]
            score, method = SCORE["context"] * factor, "+".join(["context", *rest])
        others = tuple(
            dict.fromkeys(
                h.name.entry.id
                for s, _, h in ranked(group)
                if s > 0 and h.name.entry.id != best.name.entry.id
            )
        )
        return score, method, best, others

    def _old(self, entry: Entry) -> bool:
        """Whether *entry* is of another era than the matcher's (see :meth:`_era_rank`)."""
        return self._era_rank(entry) == (1 if self.as_of is None else 2)

    def _era_rank(self, entry: Entry) -> int:
        """Rule: of the entries of a span, those of the era come first: valid on ``as_of``
        (from ``valid_from`` to ``valid_to``, partial dates covering their whole period),
        those with a date before those with none (valid only for want of dates), or
        without ``as_of``, with no ``valid_to`` (still existing)."""
        if self.as_of is None:
            return 1 if entry.valid_to is not None else 0
        if not self._valid_then(entry):
            return 2
        return 1 if entry.valid_from is None and entry.valid_to is None else 0

    def _valid_then(self, entry: Entry, before_start: list[bool] | None = None) -> bool:
        """Whether *entry* is valid on ``as_of`` (and, appended to *before_start*, whether
        ``as_of`` ends before the entry's ``valid_from`` begins)."""
        assert self.as_of is not None

        def first(d: str) -> str:
            return d + "-01-01"[len(d) - 4 :] if len(d) < 10 else d

        def last(d: str) -> str:
            if len(d) == 4:
                return d + "-12-31"
            if len(d) == 7:
                y, m = map(int, d.split("-"))
                return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
            return d

        lo, hi = first(self.as_of), last(self.as_of)
        start = first(entry.valid_from) if entry.valid_from else "0000-01-01"
        end = last(entry.valid_to) if entry.valid_to else "9999-12-31"
        if before_start is not None:
            before_start.append(hi < start)
        return start <= hi and lo <= end

    def _not_yet(self, entry: Entry) -> bool:
        """Rule: with ``as_of``, an entry founded after every day of it (``as_of`` ends
        before its ``valid_from`` begins) is not reported unless the text named its holder
        with it (then decided): its name then was another's."""
        if self.as_of is None:
            return False
        before: list[bool] = []
        self._valid_then(entry, before)
        return before[0]

    # -- scores and the matches ----------------------------------------------

    def _score(self, hit: Hit, seen: set[str]) -> tuple[float, str]:
        factor = 1.0
        for m in hit.methods:
            factor *= SCORE[m]
        kind = hit.name.kind
        if kind == "surname":
            confirmed = hit.name.entry.id in seen
            # A surname alone that is a frequent word is reported only once the full name
            # was seen, unless it is a safe word (الجولاني); so is a compound surname whose
            # words are all frequent (نصر الله: "God's victory").
            surface = fold(hit.name.alias)
            frequent = all(w in self.surname_words for w in surface.split())
            if not confirmed and frequent and surface not in self.safe:
                return 0.0, "surname"
            base, prefix = SCORE["surname-confirmed" if confirmed else "surname"], ["surname"]
        elif kind == "abbreviation":
            base, prefix = SCORE["abbreviation"], ["abbreviation"]
        elif kind == "common":
            base, prefix = SCORE["context"], ["context"]
        else:
            base, prefix = 1.0, []
        method = "+".join(dict.fromkeys([*prefix, *hit.methods])) or "exact"
        return base * factor, method

    def glued_at(self, word: str) -> int:
        """Where *word* is two names glued by و (فرنساوالجزائر), or 0.

        Rule: at the first و with three letters or more on either side where the letters
        before it and the letters after it each spell an exact name of one word (their
        proclitics cut), when the word itself spells no name of one word nor the first
        word of a name.
        """
        if any(f in self.first_words for f, _ in [(word, 0), *strip(word)]):
            return 0
        for at in range(3, len(word) - 3):
            if word[at] != "\u0648":
                continue
            left, right = word[:at], word[at + 1 :]
            if all(
                any(f in self.exact_one_word for f, _ in [(half, 0), *strip(half)])
                for half in (left, right)
            ):
                return at
        return 0

    def find(self, text: str) -> list[RefMatch]:
        """The matches of *text*."""
        #: What qualifiers made specific so far in the text, by the entries a name fits.
        self.qualified: dict[frozenset[str], tuple[str, str]] = {}
        #: The entries named by a name that fits no other, or by their post's holder.
        self.decided: set[str] = set()
        #: The words of surnames alone written in another person's name so far.
        self.others: set[str] = set()
        #: The place a cue chose among namesakes inside countries, and the cue's words.
        self.readings: dict[frozenset[str], tuple[str, str]] = {}
        normalized, offsets = SEARCH.with_offsets(text)
        parts = re.split(r"([^\W_]+)", normalized)
        # Rule: a word that is two names glued by و is two words with nothing between;
        # the second keeps the و.
        unglued: list[str] = []
        for k, part in enumerate(parts):
            at = self.glued_at(part) if k % 2 else 0
            unglued += [part[:at], "", part[at:]] if at else [part]
        parts = unglued
        tokens, seps = parts[1::2], parts[0::2]
        starts = list(itertools.accumulate(len(p) for p in parts))  # where part k+1 begins
        hits = self._hits(tokens, seps)
        hits = self._with_constructs(hits, tokens, seps)
        if self.overlaps == "longest":
            hits = self._looked_for(hits, tokens, seps)
            hits = self._numbered_units(hits, tokens, seps)

        # Rule: a frequent word as written, read as a proclitic and a name, is the word,
        # whatever the name's kind, when the proclitic ends in ك (كواليس is not ك and واليس)
        # or when the rest, ل fused with the article read as ال, is no frequent word (وصول is
        # not و and صول; والجزائر is و and الجزائر).
        # Rule: and so is a word that a proclitic less leaves a frequent word of (وبقايا is
        # و and بقايا, not وب and قايا).
        def misread(h: Hit) -> bool:
            for shorter in range(h.cut):
                word = tokens[h.ti][shorter:]
                if word not in self.frequent:
                    continue
                rest = tokens[h.ti][h.cut :]
                if rest.startswith("لل"):
                    rest = "ال" + rest[2:]
                if word[h.cut - shorter - 1] == "ك" or rest not in self.frequent:
                    return True
            return False

        # Rule: a name whose last word as written (white space separates the words) carries
        # a tanwin, U+064B, U+064C or U+064D, is the indefinite common word (35 سوريًا,
        # thirty-five Syrians; جنات عدنٍ is no surname Adan); a person's name beyond a
        # surname alone may take one (خالد بن سعيدٍ).
        # A tanwin counts on the word's last letter, or on the letter before a final ا or ى
        # (folded by NFKC); a letter is a character of a letter category but the tatweel,
        # and what follows a letter up to the next belongs to it.
        def with_tanwin(h: Hit) -> bool:
            start, stop = offsets.to_original(starts[2 * h.ti] + h.cut, starts[2 * h.tj - 1])
            words = text[start:stop].split()
            if not words:
                return False
            groups: list[str] = []
            for char in words[-1]:
                letter = unicodedata.category(char)[0] == "L" and char != "\u0640"
                if letter or not groups:
                    groups.append(char)
                else:
                    groups[-1] += char
            tanwin = [any(m in g for m in "\u064b\u064c\u064d") for g in groups]
            last = unicodedata.normalize("NFKC", groups[-1][0])
            return tanwin[-1] or (len(groups) > 1 and last in "\u0627\u0649" and tanwin[-2])

        # Rule: a person's name read by a fuzzy class whose first word, as written (its clitic
        # letters cut), is the preposition على (its letters ع ل ى, marks, tatweels and the other
        # characters of no letter category aside, NFKC first) is the preposition, not the
        # given name علي that folding makes of it (على العرض is not علي العريض).
        def preposition_ala(h: Hit) -> bool:
            word = tokens[h.ti][h.cut :]
            if not h.methods or h.name.entry.type != "person" or word != "علي":
                return False
            start, stop = offsets.to_original(starts[2 * h.ti] + h.cut, starts[2 * h.tj - 1])
            first = unicodedata.normalize("NFKC", (text[start:stop].split() or [""])[0])
            letters = [c for c in first if unicodedata.category(c)[0] == "L" and c != "\u0640"]
            return "".join(letters) == "\u0639\u0644\u0649"

        # Rule: a person's alias of a style with the article and one name (الجنرال حسان, a
        # by-name) is read only as spelled: by a fuzzy class, الجنرال حسين is another general.
        hits = [
            h
            for h in hits
            if not (h.methods and h.name.entry.type == "person" and styled_key(h.name.key))
        ]

        # the names as written come first: a misread clitic, a tanwin, على, a by-name read
        # by a fuzzy class are no names, nor evidence for others
        hits = [h for h in hits if not misread(h)]
        hits = [
            h
            for h in hits
            if (h.name.entry.type == "person" and h.name.kind != "surname") or not with_tanwin(h)
        ]
        hits = [h for h in hits if not preposition_ala(h)]
        hits = [
            h
            for h in hits
            if not (h.methods and h.name.entry.type == "person" and styled_key(h.name.key))
        ]
        found = {
            h: why
            for h in hits
            if h.name.kind == "common"
            and h.name.entry.type not in GENERIC_TYPES  # the country context decides those
            and (why := self._evidence(h, hits, tokens, seps)) is not None
        }
        order = {id(h): k for k, h in enumerate(hits)}
        pending = [
            h
            for h in hits
            if h.name.kind == "common"
            and h.name.entry.type not in GENERIC_TYPES
            and h not in found
            and not (h.cut and tokens[h.ti][0] not in "وف" and tokens[h.ti] in self.frequent)
        ]
        hits = [
            h
            for h in hits
            if h.name.kind != "common" or h.name.entry.type in GENERIC_TYPES or h in found
        ]

        # Rule: a place that a list's head shows (a division's noun in the dual or the plural
        # right before it: محافظتي البيضاء), not guessed and (leftmost-longest) inside no longer
        # name, shows the next item of its list in turn if of its own country (مأرب), and that
        # item the next, up to LIST_REACH items.
        def heads_on(h: Hit, why: str) -> bool:
            if h.name.entry.type not in LIST_TYPES or h.guessed:
                return False
            if self.overlaps != "all" and self._inside_longer(h, hits):
                return False
            if why.startswith("list:"):
                country = h.name.entry.country
                return country is not None and why.endswith(f"({country})")
            return why.startswith("cue:") and self._list_head_cue(h, tokens)

        shown = [h for h in hits if h in found and heads_on(h, found[h])]
        for _ in range(LIST_REACH):
            if not pending or not shown:
                break
            more = {
                h: why
                for h in pending
                if (why := self._evidence(h, hits, tokens, seps, shown)) is not None
            }
            if not more:
                break
            found.update(more)
            hits = sorted([*hits, *more], key=lambda h: order[id(h)])
            pending = [h for h in pending if h not in more]
            fresh = [h for h, why in more.items() if heads_on(h, why)]
            if not fresh:
                break
            shown = [*shown, *fresh]

        # Rule: a word beginning with و that names places as it is (وجدة, Oujda) and, with
        # the و cut, a place named firmly (exact or abbreviation, as written) is the
        # conjunction and that place when a neighbouring item of its list is a place named
        # firmly of that place's country and of none of the whole word's places' countries.
        # The neighbours: a firm place ending right before the word (one space or a comma on
        # one line between), and a firm place read with a proclitic cut from a word
        # beginning with و right after the cut reading (the same separators). Not after a
        # preposition written as a word (في، من، إلى، على، عن، حتى، منذ; one space between).
        def firm_place(h: Hit) -> bool:
            return (
                h.name.entry.type == "place"
                and h.name.kind in ("exact", "abbreviation")
                and not h.methods
            )

        def list_sep(sep: str) -> bool:
            return sep == " " or (sep.strip() in ("،", ",") and "\n" not in sep)

        def conjunction_and_place(word_hits: list[Hit], ti: int) -> bool:
            cut_places = [h for h in hits if h.ti == ti and h.cut == 1 and firm_place(h)]
            if not tokens[ti].startswith("و") or not cut_places:
                return False
            after_preposition = ("في", "من", "الي", "علي", "عن", "حتي", "منذ")
            if ti > 0 and seps[ti] == " " and tokens[ti - 1] in after_preposition:
                return False
            neighbours = set()
            if ti > 0 and list_sep(seps[ti]):
                neighbours |= {h.name.entry.country for h in hits if h.tj == ti and firm_place(h)}
            for c in cut_places:
                if c.tj < len(tokens) and list_sep(seps[c.tj]) and tokens[c.tj].startswith("و"):
                    neighbours |= {
                        h.name.entry.country
                        for h in hits
                        if h.ti == c.tj and h.cut > 0 and firm_place(h)
                    }
            neighbours.discard(None)
            of_cut = {h.name.entry.country for h in cut_places}
            of_whole = {h.name.entry.country for h in word_hits}
            return bool(neighbours & of_cut) and not neighbours & of_whole

        whole_places: dict[int, list[Hit]] = {}
        for h in hits:
            if h.cut == 0 and h.name.entry.type == "place":
                whole_places.setdefault(h.ti, []).append(h)
        dropped = {
            ti for ti, word_hits in whole_places.items() if conjunction_and_place(word_hits, ti)
        }
        hits = [
            h for h in hits if not (h.ti in dropped and h.cut == 0 and h.name.entry.type == "place")
        ]
        facts = self._facts(hits, tokens, seps)
        # Rule: a country named with a sisterly adjective right after it (one space: سلطنة
        # عمان الشقيقة) is not the text's own; a country is a place in no other place.
        self.sisters = {
            h.name.entry.country
            for h in hits
            if h.name.kind in ("exact", "abbreviation")
            and not h.methods
            and h.name.entry.type == "place"
            and h.name.entry.part_of is None
            and h.name.entry.country
            and h.tj < len(tokens)
            and seps[h.tj] == " "
            and tokens[h.tj] in ("الشقيقه", "الشقيق", "الصديقه", "الصديق")
        }
        # Lists of places: where the longest place ending before each word starts, and the
        # places written with و (وطرطوس).
        self.place_ends: dict[int, int] = {}
        self.joined: set[int] = set()
        self.with_bi: set[int] = set()  # and those written with ب
        # and the hits of the longest place's name from each word
        self.place_at: dict[int, list[Hit]] = {}
        for h in hits:
            if h.name.entry.type == "place":
                self.place_ends[h.tj] = min(h.ti, self.place_ends.get(h.tj, h.ti))
                if h.cut and tokens[h.ti].startswith("و"):
                    self.joined.add(h.ti)
                if h.cut == 1 and tokens[h.ti].startswith("ب"):
                    self.with_bi.add(h.ti)
                longest = self.place_at.get(h.ti)
                if longest is None or h.tj > longest[0].tj:
                    self.place_at[h.ti] = [h]
                elif h.tj == longest[0].tj:
                    longest.append(h)
        # and the places named firmly: the spans whose every hit is a place's exact name or
        # abbreviation found as written (first word, end, ids, words)
        on_span: dict[tuple[int, int], list[Hit]] = {}
        for h in hits:
            on_span.setdefault((h.ti, h.tj), []).append(h)
        self.named_places = [
            (ti, tj, {h.name.entry.id for h in on}, " ".join(tokens[ti:tj]))
            for (ti, tj), on in sorted(on_span.items())
            if all(
                h.name.entry.type == "place"
                and h.name.kind in ("exact", "abbreviation")
                and not h.methods
                for h in on
            )
        ]
        # and where the longest body's name from each word ends, and from where the longest
        # one ending before each word starts
        self.body_to: dict[int, int] = {}
        self.body_from: dict[int, int] = {}
        for h in hits:
            if h.name.entry.type in ("agency", "organization"):
                self.body_to[h.ti] = max(h.tj, self.body_to.get(h.ti, h.tj))
                self.body_from[h.tj] = min(h.ti, self.body_from.get(h.tj, h.ti))
        places = self._places(hits)
        people = self._people(hits, tokens)
        spans: dict[tuple[int, int, int], list[Hit]] = {}
        for h in hits:
            spans.setdefault((h.ti, h.cut, -h.tj), []).append(h)
        reach = {ti: max(h.tj for h in hits if h.ti == ti) for ti in {h.ti for h in hits}}
        full_at: dict[str, list[int]] = {}
        for h in hits:
            if h.name.kind != "surname" and h.name.entry.type == "person":
                full_at.setdefault(h.name.entry.id, []).append(h.ti)
        seen: set[str] = set()
        out: list[RefMatch] = []
        last_end = 0
        generic_end = -1
        gone_on = -1
        unit_words: set[int] = set()  # the words of a place's name that completes a unit's
        for (ti, cut, neg_tj), group in sorted(spans.items()):
            if ti in unit_words:
                continue
            # Rule: the words of a generic reference that nothing made specific are read as
            # no shorter name, but as a generic reference that ends where it ends
            # (تولى إدارة الأمن العام: a head noun, and a short form the country decides),
            # and a name that reaches past its last word is read (قوات الجيش الوطني الشعبي)
            inside = self.overlaps == "longest" and ti < last_end
            if inside:
                reaches = generic_end >= 0 and -neg_tj > generic_end
                same_end = -neg_tj == generic_end and self._generic(group)
                if not (reaches or same_end):
                    continue
            # Rule: a surname alone (no style and given name, no real word read as a variant)
            # whose person the text names in full, that name beginning after it and at most
            # AHEAD words after its first word, names that person, as a full name before it
            # would (a headline's السوداني يترأس … before محمد شياع السوداني).
            # The full name must be in the same paragraph: no blank line between.
            for h in group:
                ahead = sorted(
                    k for k in full_at.get(h.name.entry.id, ()) if h.tj <= k <= ti + AHEAD
                )
                if (
                    h.name.kind == "surname"
                    and not styled_key(h.name.key)
                    and not h.guessed
                    and ahead
                    and not any(sep.count("\n") > 1 for sep in seps[h.tj : ahead[0] + 1])
                ):
                    seen.add(h.name.entry.id)
            # Rule: a person's name that ends in a given name and has no nasab, followed by
            # بن and a word (one space each) that follows بن in none of the person's own
            # names, goes on: it is someone else's (الأمير سلطان بن سعد), and so are the
            # shorter names of people from its first word; it does not hide the other names
            # inside it.  ابن and بنت are also the words son and daughter.
            # Rule: a surname alone read after a proclitic cut from a word that is itself a
            # frequent word is no surname (بقايا, remnants, is not ب and قايا).
            if cut and tokens[ti] in self.frequent:
                group = [h for h in group if h.name.kind != "surname"]
            # Rule: a surname alone after the word آل (folded ال) is a family (آل دقلو).
            if tokens[ti] == "ال":
                group = [h for h in group if h.name.kind != "surname"]
            # Rule: a place's name right after a noun of water or a channel names the water
            # (نهر النيجر، قناة الجزيرة), القائم before بأعمال is a chargé d'affaires, and
            # السلط before an adjective of authorities the authorities (السلط الأمنية), and
            # المغرب after a word of prayer or time the sunset prayer (قبيل المغرب): no name
            # is read there.
            water = ti and seps[ti] == " " and self._cue_forms(tokens[ti - 1]) & WATER_NOUNS
            phrase = any(
                h.tj == ti + 1
                and h.tj < len(tokens)
                and seps[h.tj] == " "
                and tokens[h.tj] in PHRASES_AFTER.get(tokens[ti][h.cut :], ())
                for h in group
            ) or any(
                h.tj == ti + 1
                and ti
                and seps[ti] == " "
                and bool(
                    self._cue_forms(tokens[ti - 1]) & PHRASES_BEFORE.get(tokens[ti][h.cut :], set())
                )
                for h in group
                if h.name.entry.type == "place"
            )
            # Rule: a place's name before a word of OUTLETS_AFTER (one space between) is a
            # news outlet's (نيويورك تايمز، نينوى بريس): no name is read there either.
            outlet = any(
                h.tj < len(tokens) and seps[h.tj] == " " and tokens[h.tj] in OUTLETS_AFTER
                for h in group
                if h.name.entry.type == "place"
            )
            if (water or phrase or outlet) and any(h.name.entry.type == "place" for h in group):
                continue
            # Rule: a place's name right after a rank or an honorific written with the
            # article (العقيد صلاح الدين، والشيخ …) is a person's name: not the place.
            if (
                ti
                and seps[ti] == " "
                and any(
                    f[:2] == "ال" and f[2:] in PERSON_BEFORE
                    for f in self._cue_forms(tokens[ti - 1])
                )
            ):
                group = [h for h in group if h.name.entry.type != "place"]
                if not group:
                    continue
            # Rule: an agency's name with no proclitic, one space after a court's or a
            # prosecution's noun (proclitics off), completes that body's name: محكمة أمن الدولة.
            if ti and seps[ti] == " " and self._cue_forms(tokens[ti - 1]) & JUDICIAL_NOUNS:
                group = [h for h in group if h.cut or h.name.entry.type != "agency"]
                if not group:
                    continue
            # Rule: ... and so does أمن الدولة after a chamber's noun (دائرة، دوائر) with a court
            # named right after it (في المحكمة، بمحكمة): دائرة أمن الدولة في المحكمة الاتحادية.
            if (
                ti
                and seps[ti] == " "
                and self._cue_forms(tokens[ti - 1]) & {"دائره", "دوائر"}
                and tokens[ti : group[0].tj] == ["امن", "الدوله"]
                and self._court_follows(tokens, seps, group[0].tj)
            ):
                group = [h for h in group if h.cut or h.name.entry.type != "agency"]
                if not group:
                    continue
            # Rule: a name with no proclitic, one space after the noun of a place of study or
            # an outlet (جامعة بغداد، تلفزيون سوريا), completes that name; so does a person's
            # after a building's, a prize's or the like (مبنى الشيخ نواف، مطار الملك خالد).
            # Rule: a place's name with no proclitic after a formation's noun, one space and
            # perhaps an opening quote between, is the formation's name: no name of its words.
            if (
                ti
                and opened(seps[ti])
                and self._cue_forms(tokens[ti - 1]) & FORMATIONS
                and any(not h.cut and h.name.entry.type == "place" for h in group)
            ):
                continue
            # Rule: a place's name with no proclitic between منطقة (one space, proclitics
            # off) and العسكرية (one space) is a military region's name: no name of its words.
            if (
                ti
                and seps[ti] == " "
                and "منطقه" in self._cue_forms(tokens[ti - 1])
                and -neg_tj < len(tokens)
                and seps[-neg_tj] == " "
                and tokens[-neg_tj] == MILITARY_REGION_AFTER
                and any(not h.cut and h.name.entry.type == "place" for h in group)
            ):
                continue
            # Rule: a name with no proclitic between وكالة (a proclitic on it or none) and
            # للأنباء, one space apart each and at most one more word on one side, is the
            # name of a news agency named after its country (وكالة تونس إفريقيا للأنباء).
            end = -neg_tj
            if any(
                a >= 0
                and b < len(tokens)
                and (b - end) + (ti - a) <= 2
                and all(seps[k] == " " for k in range(a + 1, ti + 1))
                and all(seps[k] == " " for k in range(end, b + 1))
                and "وكاله" in {tokens[a], *(f for f, _ in strip(tokens[a]))}
                and tokens[b] == "للانباء"
                for a in (ti - 1, ti - 2)
                for b in (end, end + 1)
            ):
                group = [h for h in group if h.cut]
            # Rule: a place's name with no proclitic completes an armed movement's name (one
            # space between each word), and is not read there, right after تحرير or درع
            # (shield: قوات درع ليبيا) whose word before is, proclitics off and with no
            # article, a movement's noun (جبهة، حركة، جيش، هيئة، منظمة، قوات، ألوية، لواء،
            # كتائب، كتيبة: جبهة تحرير بلوشستان), or right
            # after لتحرير with such a noun, with or without the article, one to three words
            # before it and only words with the article between (not إلى, التي and the like:
            # الحركة الوطنية لتحرير أزواد). الجيش تحرير is a sentence (أعلن الجيش تحرير الموصل).
            heads = {"جبهه", "حركه", "جيش", "هيئه", "منظمه", "قوات", "الويه", "لواء"}
            heads |= {"كتائب", "كتيبه"}
            not_adjectives = {"الي", "الا", "التي", "الذي", "الذين", "اللذان", "اللتان"}
            not_adjectives |= {"اللذين", "اللتين", "اللاتي", "اللواتي", "اللائي", "اللي"}
            movement = False
            if ti >= 2 and seps[ti] == " " and seps[ti - 1] == " ":
                if tokens[ti - 1] in ("تحرير", "درع"):
                    forms = {tokens[ti - 2], *(f for f, _ in strip(tokens[ti - 2]))}
                    movement = bool(forms & heads)
                elif tokens[ti - 1] == "لتحرير":
                    k = ti - 2
                    while k >= max(0, ti - 4):
                        forms = {tokens[k], *(f for f, _ in strip(tokens[k]))}
                        if {f[2:] if f.startswith("ال") else f for f in forms} & heads:
                            movement = True
                            break
                        word = tokens[k]
                        adjective = word.startswith("ال") and len(word) > 2
                        if not adjective or word in not_adjectives or k == 0 or seps[k] != " ":
                            break
                        k -= 1
            if movement:
                group = [h for h in group if h.cut or h.name.entry.type != "place"]
            if ti and seps[ti] == " ":
                before = self._cue_forms(tokens[ti - 1])
                if before & INSTITUTIONS:
                    group = [h for h in group if h.cut]
                elif (
                    before & NEWS
                    and ti > 1
                    and seps[ti - 1] == " "
                    and self._cue_forms(tokens[ti - 2]) & NEWS_HEADS
                ):
                    group = [h for h in group if h.cut]  # وكالة أنباء الإمارات
                elif before & NAMED_AFTER:
                    group = [h for h in group if h.cut or h.name.entry.type != "person"]
                # Rule: a place's name with no proclitic completes a local security unit's
                # name after a police force's noun (شرطة الشارقة), a police station's
                # ordinal after قسم or شرطة (مركز شرطة ثالث العريش), or a force's security,
                # operations or intelligence noun after a unit's head (مدير أمن بنغازي): no
                # name of its words is read.
                # (a division's noun as written may stand between: إقليم in مدير مخابرات إقليم
                # بنادر)
                k = ti - 1 if tokens[ti - 1] in UNIT_DIVISIONS else ti
                force = self._cue_forms(tokens[k - 1]) if k > 0 and seps[k] == " " else set()
                second = self._cue_forms(tokens[k - 2]) if k > 1 and seps[k - 1] == " " else set()
                unit = bool(
                    force & POLICE
                    or (force & STATION_ORDINALS and bool(second & {"قسم", "شرطه"}))
                    or (
                        not force & STATION_ORDINALS and force & UNIT_FORCES and second & UNIT_HEADS
                    )
                )
                # Rule: so is a place's name (no proclitic, or ب alone) whose country has a body
                # that lists the words before it among the heads of its local units (مفرزة
                # استقصاء بيروت، مفوضية الشرطة بالرباط), where the unit is reported: one body,
                # not inside the last match kept.
                named = (
                    self._unit_of(group, tokens, seps, facts, places, people)
                    if self.overlaps == "longest"
                    else None
                )
                listed = named is not None and (self.overlaps != "longest" or named[0] >= last_end)
                plain = any(not h.cut and h.name.entry.type == "place" for h in group)
                if (unit and plain) or listed:
                    # nor is any other reading of its words (شرطة وجدة is not و and جدة)
                    unit_words.update(range(ti, -neg_tj))
                    # Rule: the unit is its body's where a body of the place's country lists
                    # the words before it (a proclitic off the first; one space apart; the
                    # division's noun, if any, aside) among the heads of its local units:
                    # ولاية أمن طنجة is Morocco's national police, from ولاية to طنجة.
                    if named is not None and (self.overlaps != "longest" or named[0] >= last_end):
                        first, first_cut, body, place = named
                        score, method = self._score(
                            Hit(first, place.tj, first_cut, body, place.methods), seen
                        )
                        if score > 0.0 and score >= self.min_score:
                            start, stop = offsets.to_original(
                                starts[2 * first] + first_cut, starts[2 * place.tj - 1]
                            )
                            start, stop = trimmed(text, start, stop)
                            named = " ".join((tokens[ti][place.cut :], *tokens[ti + 1 : place.tj]))
                            why = f"unit: {named} ({body.entry.country})"
                            out.append(
                                RefMatch(
                                    start,
                                    stop,
                                    text[start:stop],
                                    body.entry.id,
                                    method,
                                    score if score == 1.0 else round(score, 4),
                                    (),
                                    (why,),
                                )
                            )
                            seen.add(body.entry.id)
                            if self.overlaps == "longest":
                                last_end, generic_end = place.tj, -1
                    continue
                # Rule: a generic reference after a dual or plural minister's or ministry's
                # noun (وزراء الداخلية العرب، وزارتي الداخلية) names several bodies, or none;
                # but a dual before a list of two ministries' short names (الداخلية، الخارجية،
                # الدفاع), the second with و one space after the first, names one body of
                # each kind (وزارتي الدفاع والداخلية).
                end = -neg_tj
                listed = end < len(tokens) and seps[end] == " " and tokens[end][:1] == "و"
                listed = listed and tokens[end][1:] in ("الداخليه", "الخارجيه", "الدفاع")
                dual_list = bool(before & PLURAL_HEADS) and before & PLURAL_HEADS <= DUAL_HEADS
                plural = before & PLURAL_HEADS and not (dual_list and listed)
                if group and plural and self._generic(group):
                    group = []
                # Rule: a generic security body's name after a word of threat, harm, keeping
                # or concern is the common noun (المساس بأمن الدولة، حفظ الأمن العام), or
                # after على that follows one of SECURITY_BEFORE_ALA, one space apart each
                # (حفاظا على الأمن العام).
                ala = (
                    "علي" in before
                    and ti > 1
                    and seps[ti - 1] == " "
                    and self._cue_forms(tokens[ti - 2]) & SECURITY_BEFORE_ALA
                )
                if group and (before & SECURITY_BEFORE or ala) and self._generic(group):
                    group = []
                if not group:
                    continue
            # Rule: الدفاع alone, a body's short form, is the noun defence unless a minister's
            # title stands before it (وزير الدفاع) or a demonym after it (الدفاع الجزائرية);
            # so is للدفاع, ل fused with the article.
            titled = ti and seps[ti] == " " and self._cue_forms(tokens[ti - 1]) & DEFENCE_TITLES
            after = neg_tj * -1
            demonym = after < len(tokens) and seps[after] == " " and tokens[after] in self.demonyms
            if not titled and not demonym:
                group = [
                    h
                    for h in group
                    if not (
                        h.tj == ti + 1
                        and tokens[ti][h.cut :] in ("الدفاع", "للدفاع")
                        and h.name.entry.type in ("agency", "organization")
                    )
                ]
                if not group:
                    continue
            # Rule: a body's name (agency, organisation) of one country followed by a
            # qualifier of another country names that country's body, not this one; it does
            # not hide the names inside it.  A country's name that is a feminine adjective
            # too (السعودية) qualifies it when the name's last word, with the article, ends
            # as a feminine noun or in ات and is no relative adjective (ية), so that the word
            # agrees with it (القيادة العامة للقوات المسلحة السعودية).
            last = tokens[-neg_tj - 1] if -neg_tj - 1 > ti else tokens[ti][group[0].cut :]
            agrees = last.startswith("ال") and last.endswith(("ه", "ات")) and last != "الله"
            agrees = agrees and not last.endswith("يه")
            qualifier, _ = self._qualifier(tokens, seps, -neg_tj, places, people, True)
            if len(qualifier) == 1 and not self._generic(group):
                group = [
                    h
                    for h in group
                    if h.name.entry.type not in ("agency", "organization")
                    or not h.name.entry.country
                    or qualifier == {h.name.entry.country}
                ]
                if not group:
                    continue
            elif not qualifier and agrees and not self._generic(group):
                # (a state agency's name only: after an armed group's, السعودية is as often
                # the verb's object: أدانت جبهة النصرة السعودية)
                head = tokens[ti][group[0].cut :]
                feminine, _ = self._qualifier(tokens, seps, -neg_tj, places, people, True, head)
                if len(feminine) == 1:
                    group = [
                        h
                        for h in group
                        if h.name.entry.type != "agency"
                        or not h.name.entry.country
                        or feminine == {h.name.entry.country}
                    ]
                    if not group:
                        continue
            # Rule: a body's name with no country (an international body) followed, one space
            # after it, by a demonym is that country's body (مجلس الأمن الإيراني).
            # Rule: ... and so is a council's or an office's name (its first word, proclitics
            # off, one of INSTITUTION_HEADS) followed, one space after it, by a relative
            # adjective that is no demonym nor of time or status, nor one that says it is
            # international (الدولي، الأممي) (مجلس الأمن الداخلي المركزي).
            after = -neg_tj
            narrowing = (
                after < len(tokens)
                and seps[after] == " "
                and tokens[ti][cut:] in INSTITUTION_HEADS
                and tokens[after][:2] == "ال"
                and len(tokens[after]) > 4
                and (tokens[after][-1] == "ي" or tokens[after][-2:] == "يه")
                and tokens[after] not in self.demonyms
                and tokens[after] not in STATUS
                and tokens[after] not in ("الدولي", "الدوليه", "الاممي", "الامميه")
            )
            if (
                after < len(tokens)
                and seps[after] == " "
                and (tokens[after] in self.demonyms or narrowing)
                and not self._generic(group)
            ):
                group = [
                    h
                    for h in group
                    if h.name.entry.type not in ("agency", "organization") or h.name.entry.country
                ]
                if not group:
                    continue
            # Rule: a place's name of one country followed, one space after it, by another
            # country's demonym with the article is that country's (الجمهورية الإسلامية
            # الموريتانية is not Iran); one without it is no adjective of the name (عرسال
            # سوريين: Syrians in Arsal).
            if (
                after < len(tokens)
                and seps[after] == " "
                and tokens[after] in self.demonyms
                and tokens[after][:2] == "ال"
            ):
                other = self.demonyms[tokens[after]]
                group = [
                    h
                    for h in group
                    if h.name.entry.type != "place"
                    or not h.name.entry.country
                    or h.name.entry.country == other
                ]
                if not group:
                    continue
            # Rule: a place inside a country followed by a place of another country written
            # with ب, or by a division's or a place's noun with ب and such a place, is a
            # namesake there (منطقة القاهرة بإقليم شبيلي الوسطى is not Cairo).
            elif after < len(tokens) and seps[after] == " ":
                there: set[str] = set()
                if after in self.with_bi:
                    there = places.get(after, set())
                elif (
                    tokens[after][:1] == "ب"
                    and tokens[after][1:] in DIVISION_NOUNS | LOCATION_NOUNS
                    and after + 1 < len(tokens)
                    and seps[after + 1] == " "
                ):
                    there = places.get(after + 1, set())
                if len(there) == 1:
                    group = [
                        h
                        for h in group
                        if h.name.entry.type != "place"
                        or not h.name.entry.part_of
                        or not h.name.entry.country
                        or {h.name.entry.country} == there
                    ]
                    if not group:
                        continue
            if ti == gone_on:
                group = [h for h in group if h.name.entry.type != "person"]
            going = [
                h
                for h in group
                if h.name.entry.type == "person"
                and h.tj + 1 < len(tokens)
                and tokens[h.tj] == "بن"
                and seps[h.tj] == seps[h.tj + 1] == " "
                and tokens[h.tj - 1] in self.given_before
                and not set(NASAB) & set(tokens[h.ti : h.tj])
                and not self._nasab_words(tokens, seps, h.tj + 1)
                & self.lineage.get(h.name.entry.id, set())
            ]
            if going:
                gone_on = ti
                group = [h for h in group if h not in going]
            # Rule: a person's name (not a surname alone) that ends in a given name, followed
            # by another given name (one space) that is no word of the person's own names and
            # begins no person's name in the text, runs on: it is someone else's (الفريق محمد
            # إبراهيم عوض الله), unless the name has three given names or more (شلال علي شائع
            # هادي: the rest of the person's own chain).
            group = [
                h
                for h in group
                if not (
                    h.name.entry.type == "person"
                    and h.name.kind != "surname"
                    and h.tj < len(tokens)
                    and seps[h.tj] == " "
                    and tokens[h.tj - 1] in self.given_before
                    and tokens[h.tj] in self.given_before
                    and tokens[h.tj] not in ("علي", "امير")  # also على (on); the title emir
                    and tokens[h.tj] not in self.own_words.get(h.name.entry.id, set())
                    and h.tj not in people
                    # three given names or more: the rest of the person's own chain
                    and self._given_names(h, tokens) < 3
                )
            ]
            # Rule: a person's name of two words or more (not a surname alone, not beginning
            # with the article), no proclitic, right after a given name (one space, no
            # proclitic; not على or أمير) or a compound one written apart (a given name or
            # عبد, then الله، الدين، الاسلام or الرحمن) that is no word of the person's own
            # names and comes right after a style with the article (الشيخ، العميد، الرئيس; not
            # a king's), is the father's chain in a son's name (الشيخ أحمد نواف الأحمد الجابر
            # الصباح), unless any person's name ends right before it.
            group = [h for h in group if not self._son_of(h, tokens, seps, people)]
            # Rule: a style and a given name (الأمير عبدالعزيز) names a person only once the
            # text has named that person in full, and only if it has named no other one so.
            styled_hits = [h for h in group if h.name.kind == "surname" and styled_key(h.name.key)]
            named = {h.name.entry.id for h in styled_hits} & seen
            group = [
                h
                for h in group
                if h not in styled_hits or (len(named) == 1 and h.name.entry.id in named)
            ]
            # Rule: ... nor where its given name begins a longer name, which is read instead
            # (الشيخ فهد يوسف سعود الصباح).
            group = [h for h in group if h not in styled_hits or reach.get(h.ti + 1, -1) <= h.tj]
            # Rule: a surname alone that several people named in full before share names none
            # of them (خليل حقاني … سراج الدين حقاني … وحقاني).
            if len({h.name.entry.id for h in group if h.name.kind == "surname"} & seen) > 1:
                group = [h for h in group if h.name.kind != "surname"]
            # Rule: a surname alone the text wrote in another person's name before (ميلود
            # الزوي … الزوي) names no entry it has not named in full.
            group = [
                h
                for h in group
                if h.name.kind != "surname"
                or h.name.entry.id in seen
                or " ".join((tokens[h.ti][h.cut :], *tokens[h.ti + 1 : h.tj])) not in self.others
            ]
            # Rule: a verb surname names its person only once the text has named them in full.
            group = [
                h
                for h in group
                if h.name not in self.verb_names
                or (
                    h.name.entry.id in seen
                    and not any(
                        p != h.name.entry.id and h.name.key[0] in self.own_given.get(p, set())
                        for p in seen
                    )
                )
            ]
            if not group:
                continue
            supported = {h: self._supported(h, tokens, seps, seen) for h in group if h.guessed}
            group = [h for h in group if not h.guessed or supported[h] is not None]
            if not group:
                continue  # a real word that nothing shows to be meant as a name
            for h, why in supported.items():
                # a surname alone after its full name says so already
                if why is not None and not (
                    why.startswith("full-name") and h.name.kind == "surname"
                ):
                    found[h] = why
            at = starts[2 * ti] + cut
            end = starts[2 * (-neg_tj) - 1]
            start, stop = offsets.to_original(at, end)
            if self._department_elsewhere(group, hits, tokens, seps):
                picked = None
            else:
                picked = self._pick(
                    group, tokens, seps, facts, places, people, seen, found, text[start:stop]
                )
            if picked is None:
                # not reported, and its words are read as no shorter name either; but a name
                # read past a generic reference's end (above) that is not reported and is no
                # generic reference itself hides no word the reference did not
                if self.overlaps == "longest" and (not inside or self._generic(group)):
                    last_end = -neg_tj
                    generic_end = last_end if self._generic(group) else -1
                continue
            score, method, best, others, evidence = picked
            if score <= 0.0 or score < self.min_score:
                continue
            # (the holder named with it, which decided it, still chooses it)
            if best.name.entry.id not in self.decided and self._not_yet(best.name.entry):
                continue

            # Rule: a place inside a country (a town, a province: part_of set) picked by a
            # common-word alias (found by a cue: منطقة الناصرية، منطقة الجنوب) with no inside
            # or dateline evidence, in no list of places, is not reported when the text
            # before it names some country and never the place's, and its sentence (12 words
            # either side, its own words aside) does not name the place's either: a namesake
            # the data lacks (منطقة الناصرية in a report on Aswan, منطقة الجنوب in one on Libya).
            country = best.name.entry.country
            if (
                best.name.kind == "common"
                and self.part_of_any.get(best.name.entry.id) is not None
                and country
                and not any(e.startswith(("inside:", "dateline:")) for e in evidence)
                and not self._list_items(ti, -neg_tj, tokens, seps)
            ):
                here = [c for _, c, _ in self._sentence_facts(ti, -neg_tj, tokens, seps, facts)]
                before = [c for k, c, _ in facts if k < ti]
                if before and country not in before and country not in here:
                    continue
            if best.name.kind != "surname":
                seen.add(best.name.entry.id)
                if not others:  # a name that fits no other entry
                    self.decided.add(best.name.entry.id)
            if self.overlaps == "longest":
                last_end, generic_end = -neg_tj, -1
            start, stop = trimmed(text, start, stop)
            out.append(
                RefMatch(
                    start,
                    stop,
                    text[start:stop],
                    best.name.entry.id,
                    method,
                    score if score == 1.0 else round(score, 4),
                    others,
                    evidence,
                )
            )
        return out


def trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """A match's span *start* to *stop* in *text*, as reported."""
    # What the folding deletes at the very start of the text belongs to no letter:
    # a match that starts there starts after it, even when its first letter is a
    # clitic's (ﻻلرباط).
    if start == 0:
        while start < stop and not fold(text[: start + 1]):
            start += 1

    # A word of tatweel goes with the space before it, and what the folding deletes
    # belongs to the letter before: a match still ends at its word, before the first
    # white space of what follows its last letter (تونس ـ في: تونس).
    def trailing(c: str) -> bool:
        return c.isspace() or c == "\u0640" or unicodedata.category(c) == "Cf"

    run = sum(1 for _ in itertools.takewhile(trailing, reversed(text[start:stop])))
    return start, next((k for k in range(stop - run, stop) if text[k].isspace()), stop)


def favoured(counts: Counter[str], countries: set[str]) -> str | None:
    """The one of *countries* counted more than every other of them, if any is counted."""
    ranked = sorted(((counts[c], c) for c in countries if counts[c]), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


#: Entry types whose common-word aliases a list of others of their type shows to be names.
LIST_TYPES = {"place"}


def strip(word: str) -> list[tuple[str, int]]:
    """The forms of a text word with its proclitics taken off: (form, clitic letters cut).

    The inverse of :func:`with_clitics`: ``(form, cut)`` is here exactly when
    ``with_clitics(form)`` holds ``(word, cut)``.
    """
    out = []
    for c in PROCLITICS:
        if word.startswith(c) and len(word) - len(c) >= 2:
            out.append((word[len(c) :], len(c)))
    for c in BEFORE_FUSED:
        lal = c + "لل"
        if word.startswith(lal) and len(word) - len(lal) >= 2:
            out.append(("ال" + word[len(lal) :], len(c)))
            out.append(("الل" + word[len(lal) :], len(c)))
    return out


def sentence_span(ti: int, tj: int, tokens: list[str], seps: list[str]) -> tuple[int, int]:
    """Rule: the sentence of words *ti* to *tj*: up to its ends, 12 words either side at most."""
    lo = ti
    while lo > max(0, ti - REACH) and not SENTENCE_END & set(seps[lo]):
        lo -= 1
    hi, end = tj, min(len(tokens), tj + REACH)
    while hi < end and not SENTENCE_END & set(seps[hi]):
        hi += 1
    return lo, hi


def fast_view(matcher: Matcher, text: str) -> list[RefMatch]:
    """The matches of the fast matcher in the reference's form."""
    return [
        RefMatch(
            m.start,
            m.end,
            m.text,
            m.id,
            m.method,
            m.score,
            tuple(c.id for c in m.candidates),
            tuple(map(str, m.evidence)),
        )
        for m in matcher.find(text)
    ]


# -- generated text ----------------------------------------------------------------------------
#
# Sentences built from the words of gazetteer aliases, spelt the ways the docs say a name may
# be spelt (clitics, particles apart or joined, variants and typos, a surname alone), between
# filler words, punctuation, Latin, digits, tatweel, harakat, bidi marks and line breaks.


def _entry(id_: str, type_: str, name: str, **more: object) -> Entry:
    return Entry(id=id_, type=type_, name=name, name_en=id_, sources=(Source("test"),), **more)  # type: ignore[arg-type]


#: A small gazetteer of our own: people with particles (and chains of them, and nasabs), given
#: names that are surnames too, places with the article and without (and beginning with a
#: letter that is also a clitic or a particle), agencies of several words, names of one word,
#: common words, surfaces shared by two entries (of one country, or of two), countries with
#: demonyms, common-word names of bodies and a body's name two countries share.
OWN = Gazetteer(
    "own",
    "1.0.0",
    [
        _entry(
            "p-zaabi", "person", "عبد اللطيف الزعابي", aliases=("عبداللطيف الزعابي",), country="AE"
        ),
        _entry("p-mansouri", "person", "محمد بن زايد المنصوري", aliases=("محمد المنصوري",)),
        _entry("p-sharqawi", "person", "أبو بكر الشرقاوي", country="MA"),
        _entry("p-heinz", "person", "هاينز كريستيانسن"),
        # a foreign surname is never written with the article (بينيت, not البينيت)
        _entry("p-bennett", "person", "نفتالي بينيت", country="IL"),
        _entry("p-abbas", "person", "أحمد عباس"),
        # given names, surnames that are given names, nasabs and chains of particles
        _entry("p-khalfan", "person", "ضاحي خلفان تميم", aliases=("ضاحي خلفان",), country="AE"),
        _entry("p-ali", "person", "علي حسن المجيد", country="JO"),
        _entry("p-jaafari", "person", "إبراهيم الجعفري"),
        _entry("p-khaled", "person", "خالد إبراهيم", country="LB"),
        _entry("p-mbs", "person", "محمد بن سلمان", country="SA"),
        _entry("p-saud", "person", "سعود بن عبد العزيز", country="SA"),
        _entry("p-abdallah", "person", "عبد الله بن عبد العزيز آل سعود", country="SA"),
        # a name that starts with a nasab, a regnal number, a surname that is a demonym
        _entry("p-benali", "person", "زين العابدين بن علي", aliases=("بن علي",), country="TN"),
        _entry("p-king", "person", "محمد السادس", country="MA"),
        _entry("p-maghribi", "person", "أحمد المغربي", aliases=("هشام المغربي",)),
        _entry("pl-kenitra", "place", "القنيطرة", country="MA"),
        _entry("pl-marrakech", "place", "مراكش", country="MA"),
        _entry("pl-oujda", "place", "وجدة", country="MA"),
        _entry("pl-jeddah", "place", "جدة", country="SA"),
        _entry("pl-hague", "place", "لاهاي"),
        _entry("pl-bizerte", "place", "بنزرت", country="TN"),
        _entry("pl-alexandria", "place", "الإسكندرية"),
        _entry("pl-sahel", "place", "الساحل"),
        _entry("pl-libya", "place", "ليبيا", country="LY"),
        _entry("pl-tripoli-ly", "place", "طرابلس", part_of="pl-libya", country="LY"),
        _entry("pl-tripoli-lb", "place", "طرابلس", country="LB"),
        _entry("pl-casablanca", "place", "الدار البيضاء", country="MA"),
        _entry("pl-ouarzazate", "place", "ورزازات"),
        _entry("pl-tiznit", "place", "تيزنيت"),
        # countries with demonyms, a name two countries share, a country and its city
        _entry("pl-morocco", "place", "المغرب", country="MA", demonyms=("المغربي", "المغاربة")),
        _entry("pl-lebanon", "place", "لبنان", country="LB", demonyms=("اللبناني", "لبنانية")),
        _entry("pl-beirut", "place", "بيروت", part_of="pl-lebanon", country="LB"),
        _entry("pl-jordan", "place", "الأردن", country="JO", demonyms=("الأردني", "الأردنية")),
        # (the shadda of عمّان tells Amman from Oman)
        _entry("pl-amman", "place", "عمان", aliases=("عمّان",), part_of="pl-jordan", country="JO"),
        _entry("pl-oman", "place", "عمان", country="OM", demonyms=("العماني",)),
        _entry("pl-tunisia", "place", "تونس", country="TN", demonyms=("التونسي",)),
        _entry("pl-tunis", "place", "تونس", part_of="pl-tunisia", country="TN"),
        # bodies listing the heads of their local units (ولاية أمن الدار البيضاء), one head
        # that bodies of two countries list (شرطة طرابلس: Lebanon's or Libya's)
        _entry(
            "ag-dgsn",
            "agency",
            "المديرية العامة للأمن الوطني",
            abbreviations=("DGSN",),
            country="MA",
            units=("ولاية أمن",),
        ),
        _entry("ag-police-ly", "agency", "الشرطة الليبية", country="LY", units=("شرطة",)),
        _entry(
            "ag-dged",
            "agency",
            "المديرية العامة للدراسات والمستندات",
            abbreviations=("لادجيد",),
            country="MA",
        ),
        _entry("ag-intel", "agency", "جهاز الاستخبارات الوطني", country="AE"),
        # common-word names of bodies, and a name bodies of two countries share
        _entry("ag-interior", "agency", "وزارة الداخلية", country="MA"),
        _entry("ag-security", "agency", "الأمن الوطني", country="MA"),
        _entry(
            "ag-gs-lb",
            "agency",
            "الأمن العام",
            aliases=("مديرية الأمن",),
            country="LB",
            units=("شرطة",),
        ),
        _entry(
            "ag-gs-jo",
            "agency",
            "الأمن العام",
            aliases=("مديرية الأمن",),
            country="JO",
            units=("مديرية شرطة محافظة", "مديرية مخابرات"),
        ),
        _entry("ag-cia", "agency", "وكالة المخابرات", abbreviations=("سي آي إيه",), country="US"),
        _entry("org-isis", "organization", "داعش"),
        # names of one word, with the article and without (the other form is read too)
        _entry("org-interpol", "organization", "الإنتربول"),
        _entry("ag-mossad", "agency", "موساد", country="IL"),
        _entry("org-hamas", "organization", "حماس"),  # الحماس (enthusiasm) is a real word
        _entry("org-qaeda", "organization", "القاعدة"),
        _entry("org-nahda", "organization", "حركة النهضة", country="TN"),
    ],
)
#: Frequent words of :data:`OWN` that are names first.
OWN_SAFE = frozenset(
    {"مراكش", "وجدة", "طرابلس", "ليبيا", "الإسكندرية", "القنيطرة", "داعش", "المغرب", "لبنان"}
    | {"بيروت", "الأردن", "عمان", "تونس", "سعود", "حماس"}
)


def aliases_of(gazetteers: Iterable[Gazetteer]) -> list[str]:
    """Every name, alias and abbreviation of the gazetteers, as written."""
    return sorted(
        {a for g in gazetteers for e in g for a in (e.name, *e.aliases, *e.abbreviations)}
    )


FILLERS = (
    "قال", "في", "من", "على", "أن", "الوزير", "اليوم", "مع", "بعد", "عن", "إلى", "هذا",
    "منطقة", "مدينة", "تنظيم", "جماعة", "دول", "محافظة", "و", "أو", "ثم", "عبد", "بن", "أبو",
    "آل", "ال", "المصرف", "التونسية", "يونس", "نعمان", "الرابط", "اليمين", "الأمن", "العامة",
    "DGSN", "dgsn", "Rabat", "2024", "٢٠٢٤", "#", "وال", "لل", "الوطني", "الداخلية",
    "العاصمة", "بلدة", "بالعاصمة", "ومدينة", "علي", "محمد", "إبراهيم", "ضاحي", "أحمد",
    "ولاية أمن", "مديرية شرطة", "بمديرية مخابرات", "شرطة",
)  # fmt: skip
#: Real words (of the lexicon) one variant or typo away from a name, and elongated words.
LEXICON_TRAPS = (
    "آتينا", "صدوا", "سيروا", "بتأويل", "الرابط", "اليمين", "يونس", "الااااامن", "السعودييييه",
    "المغرررب", "ليبيييا", "مراكيش", "بيروث", "الأمم", "تونسي", "عماني",
)  # fmt: skip
JOINERS = (
    " ", " ", " ", " ", " ", "  ", "، ", ". ", "\n", "\r\n", " - ", " (", ") ", "\u200f ",
    " \u200e", "\t", " «", "» ", ": ", "\n\n", "_", "/", "؟ ", "! ", "… ", "? ",
)  # fmt: skip
#: Words before a real word that may show it is meant as a name (or not: المدينة, a cue
#: with the article; الساحل, no cue).
GUESS_BEFORE = (
    "الوزير", "واللواء", "رئيس", "مدينة", "المدينة", "بمنطقة", "تنظيم", "هاينز", "ضاحي",
    "الساحل",
)  # fmt: skip
RAW_PARTICLES = ("عبد", "أبو", "ابو", "ابن", "بن", "آل", "أبي", "بنت")
DOT_SIBLING = dict(zip("بتثنجحخدذرزسشصضطظعغفق", "تثبتحخجذدزرشسضصظطغعقف", strict=True))
MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b\u0640"


def _respace(words: list[str], choose: st.DrawFn) -> list[str]:
    """Particles joined to the next word or apart, as the text pleases."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        p = next((p for p in RAW_PARTICLES if word.startswith(p) and len(word) > len(p)), None)
        if word in RAW_PARTICLES and i + 1 < len(words) and choose(st.booleans()):
            out.append(word + words[i + 1])
            i += 2
            continue
        if p is not None and choose(st.booleans()):
            out += [p, word[len(p) :]]
        else:
            out.append(word)
        i += 1
    return out


def _misspell(word: str, choose: st.DrawFn) -> str:
    """One change of the kinds the fuzzy classes forgive (or just miss)."""
    if len(word) < 3:
        return word
    # mostly inside the word, where the fuzzy classes look; at either end now and then
    ends = choose(st.integers(0, 3)) == 0
    at = choose(st.integers(0, len(word) - 1) if ends else st.integers(1, len(word) - 2))
    how = choose(st.sampled_from(["dots", "drop", "add", "vowel", "swap", "unvowel", "seat"]))
    if how == "dots":
        at = choose(st.integers(0, len(word) - 1))
        return word[:at] + DOT_SIBLING.get(word[at], word[at]) + word[at + 1 :]
    if how == "drop":
        return word[:at] + word[at + 1 :]
    if how == "add":
        return word[:at] + choose(st.sampled_from("ابتسمي")) + word[at:]
    if how == "vowel":
        return word[:at] + choose(st.sampled_from("اوي")) + word[at:]
    if how == "swap":
        at = min(at, len(word) - 2)
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if how == "unvowel":
        return word[0] + "".join(c for c in word[1:-1] if c not in "اوي") + word[-1]
    return word[:-1] + {"ي": "ى", "ء": "ئ", "ه": "ة"}.get(word[-1], word[-1])


#: Presentation forms, a ligature and Persian look-alikes (what folding turns into letters).
LOOKALIKE = {"ا": "ﺍ", "ب": "ﺑ", "ل": "ﻟ", "م": "ﻤ", "ر": "ﺮ", "ي": "ی", "ك": "ک", "ه": "ﻫ"}


def _noise(word: str, choose: st.DrawFn) -> str:
    """Tatweel, harakat or an invisible mark inside the word (what folding removes), or
    letters written as presentation forms."""
    if not word or choose(st.integers(0, 4)) != 0:
        return word
    if choose(st.integers(0, 5)) == 0:
        return _elongate(word, choose)
    if choose(st.integers(0, 3)) == 0:
        word = word.replace("لا", "ﻻ") if "لا" in word else word
        return "".join(LOOKALIKE.get(c, c) if choose(st.booleans()) else c for c in word)
    at = choose(st.integers(1, len(word)))
    return word[:at] + choose(st.sampled_from(MARKS + "\u200f\u200c")) + word[at:]


def _elongate(word: str, choose: st.DrawFn) -> str:
    """A letter of *word* written three to five times (الااااامن)."""
    at = choose(st.integers(0, len(word) - 1))
    return word[:at] + word[at] * choose(st.integers(3, 5)) + word[at + 1 :]


@st.composite
def mention(draw: st.DrawFn, aliases: list[str]) -> str:
    """An alias as a text may write it."""
    words = draw(st.sampled_from(aliases)).split()
    if len(words) >= 2 and draw(st.integers(0, 4)) == 0:  # a surname alone
        last = words[-1]
        words = [last[2:] if last.startswith("ال") and draw(st.booleans()) else last]
        if draw(st.booleans()):  # after a given name, the person's own or another's
            words.insert(0, draw(st.sampled_from(["علي", "محمد", "ضاحي", "أحمد", "بن", "أبو"])))
    elif len(words) == 2 and draw(st.integers(0, 5)) == 0:  # a name of two words glued
        words = ["".join(words)]
    elif draw(st.integers(0, 9)) == 0:  # the article on a name (السي آي إيه), or off it
        first = words[0]
        words[0] = first[2:] if first.startswith("ال") and draw(st.booleans()) else "ال" + first
    words = _respace(words, draw)
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2]))):  # a name holds one typo at most
        k = draw(st.integers(0, len(words) - 1))
        words[k] = _misspell(words[k], draw)
    clitic = draw(st.sampled_from(["", "", "", *PROCLITICS, "لل", "ولل", "فلل"]))
    if clitic.endswith("لل"):
        first = words[0]
        if first.startswith(("ال", "آل")):
            words[0] = clitic + first[2:]
    else:
        words[0] = clitic + words[0]
    return " ".join(_noise(w, draw) for w in words)


@st.composite
def cued(draw: st.DrawFn, aliases: list[str]) -> str:
    """A cue word, then a mention: on the same line or not, with punctuation or not."""
    cue = draw(st.sampled_from(sorted(CUES["place"] | CUES["organization"])))
    return (
        draw(st.sampled_from(["", "و", "ب"]))
        + cue
        + draw(st.sampled_from(JOINERS))
        + (draw(mention(aliases)))
    )


def demonyms_of(gazetteers: Iterable[Gazetteer]) -> list[str]:
    """Every demonym of the gazetteers, as written."""
    return sorted({d for g in gazetteers for e in g for d in e.demonyms})


@st.composite
def demonym(draw: st.DrawFn, demonyms: list[str]) -> str:
    """A demonym, with a proclitic or ل fused to its article now and then."""
    word = draw(st.sampled_from(demonyms or ["المغربي"]))
    clitic = draw(st.sampled_from(["", "", "", "و", "ب", "ل", "لل", "ولل"]))
    if clitic.endswith("لل"):
        return clitic + word[2:] if word.startswith("ال") else word
    return clitic + word


@st.composite
def qualified(draw: st.DrawFn, aliases: list[str], demonyms: list[str]) -> str:
    """A mention and a qualifier right after it: a demonym, or في and a place."""
    after = draw(st.one_of(demonym(demonyms), mention(aliases).map(lambda m: "في " + m)))
    return draw(mention(aliases)) + draw(st.sampled_from([" ", " ", " ", "، "])) + after


@st.composite
def construct(draw: st.DrawFn, aliases: list[str]) -> str:
    """A ministry's short form in construct with a mention: وزير داخلية دولة X."""
    head = draw(st.sampled_from(["وزير", "ووزيرة", "لوزارة", "الوزير", "رئيس"]))
    short = draw(st.sampled_from(["داخلية", "خارجيّة", "دفاع", "الداخلية", "شؤون"]))
    state = draw(st.sampled_from(["", "", "دولة ", "مملكة ", "جمهورية "]))
    return f"{head} {short} {state}" + draw(mention(aliases))


@st.composite
def trap(draw: st.DrawFn) -> str:
    """A real word near a name, with a proclitic now and then, or misspelt."""
    word = draw(st.sampled_from(LEXICON_TRAPS))
    word = draw(st.sampled_from(["", "", "و", "ف", "ب"])) + word
    word = _misspell(word, draw) if draw(st.integers(0, 3)) == 0 else word
    # after a title, a construct's first noun or a given name, a real word may be a name
    before = draw(st.sampled_from(["", "", "", *GUESS_BEFORE]))
    return f"{before} {word}" if before else word


@st.composite
def glued(draw: st.DrawFn, aliases: list[str]) -> str:
    """Two mentions glued by و, with no space on either side (فرنساوالجزائر)."""
    return draw(mention(aliases)) + "و" + draw(mention(aliases))


@st.composite
def sentences(draw: st.DrawFn, aliases: list[str], demonyms: list[str] | None = None) -> str:
    """A text of fillers, mentions and noise, with line breaks here and there."""
    demonyms = demonyms or []
    parts = draw(
        st.lists(
            st.one_of(
                mention(aliases),
                mention(aliases),
                st.sampled_from(FILLERS),
                cued(aliases),
                qualified(aliases, demonyms),
                construct(aliases),
                demonym(demonyms),
                trap(),
                glued(aliases),
            ),
            min_size=1,
            max_size=10,
        )
    )
    text = draw(st.sampled_from(["", "", "\u200f", "\n", " "]))
    for k, part in enumerate(parts):
        text += (draw(st.sampled_from(JOINERS)) if k else "") + part
    return text + draw(st.sampled_from(["", "", ".", "\n", "،"]))
