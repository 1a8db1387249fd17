"""The morphology the matcher knows, as data: proclitics, لل, name particles, cue words.

Every rule about the letters around a name lives here, and nowhere else:

* :data:`PROCLITICS`: letters glued before a name's first word (و ف ب ك ل and
  their pairs), cut from it (بالرباط → الرباط);
* :data:`LAL`: ل before the article fuses with it (للمديرية → المديرية), after
  an optional conjunction (وللمديرية);
* :data:`PARTICLES`: name particles joined to the word after them, in the
  gazetteer and in the text alike (عبد اللطيف and عبداللطيف are one key);
* :data:`CUES`: words before a common-word alias that show it is meant as a
  name, by entry type (منطقة الخليج، تنظيم القاعدة);
* :data:`CONJUNCTIONS`: what joins the items of a list of names;
* :func:`joins`: the separators a name runs across (a space; one line break, a
  line wrapped inside the name; a full stop in a dotted abbreviation).

All the words are written as the ``search`` profile normalizes them (آل is ال,
أبو is ابو, ة is ه).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

#: Proclitics stripped from the first word of a name: conjunction, preposition, both.
PROCLITICS: Final = ("وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل")
#: The proclitics that are prepositions alone: a name they stand on right after another
#: name is its complement (الحدود الجنوبية لمصر), not the next item of a list.
PREPOSITIONS: Final = frozenset({"ب", "ل", "ك"})
#: Conjunctions that may come before ل fused with the article (وللمديرية).
LAL_CONJUNCTIONS: Final = ("", "و", "ف")
#: ل fused with the article: لل + word is ال + word.
LAL: Final = "لل"
#: A stripped form keeps at least this many letters.
MIN_STEM: Final = 2
#: Name particles joined to the word after them (normalized: آل is ال).
PARTICLES: Final = frozenset({"عبد", "ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ال", "ذو"})
#: The particles of a nasab (X son of Y): a name ending in one of these and a name is a
#: father's name, not a surname.
NASAB: Final = frozenset({"بن", "ابن", "بنت"})
#: Function words that fold like a person's given name (normalized: أن، إن and آن are all
#: ان, and آن is Anne; هو is also Hu, لي Li, بان Ban): before a surname they are the word,
#: not someone else's given name (قال إن حموشي، أكد أن دمبلاب).
NOT_GIVEN: Final = frozenset(
    {"ان", "بان", "لان", "كان", "هو", "هي", "لي", "ما", "من", "عن", "في", "مع", "لا", "لم", "لن"}
    | {"قد", "ثم", "بل", "هل", "او", "كي", "لو", "كل", "ذلك", "هذا", "هذه"}
)
#: Words that end a compound name with the word before them (نصر الله، جمال الدين، سيف
#: الاسلام): a person whose name ends in one has the two words as surname, never the last.
COMPOUND_ENDS: Final = frozenset({"الله", "الدين", "الاسلام"})
#: Regnal ordinals (محمد السادس، إليزابيث الثانية): the end of a name, never a surname alone.
ORDINALS: Final = frozenset(
    {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"}
    | {"العاشر", "الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه"}
    | {"الثامنه", "التاسعه", "العاشره"}
)
#: The Arab League states (ISO 3166-1 alpha-2): the press writes the surname of one of their
#: people with the article too (حموشي، الحموشي), never a foreign one (بينيت, not البينيت).
ARTICLE_COUNTRIES: Final = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR"}
    | {"MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}
)
#: Particles as the first word of a name may carry a proclitic (وعبد، لابن).
PARTICLES_FIRST: Final = PARTICLES | frozenset(c + p for c in PROCLITICS for p in PARTICLES)
#: The dual and the plural of a division's noun: before the first item of a list of places
#: (محافظتي البيضاء ومأرب), a cue for it, and through it for the later items of the list
#: (:meth:`~._rank.Ranker.with_evidence`).
LIST_HEAD_CUES: Final = frozenset(
    {"محافظتي", "محافظتا", "محافظات", "منطقتي", "منطقتا", "ولايتي", "ولايتا", "ولايات"}
    | {"اقليمي", "اقليما", "مدينتي", "مدينتا"}
)
#: The points of the compass as nouns (normalized): after a division's noun in the dual or
#: the plural they say which of a country's divisions, not which division (محافظات الجنوب,
#: the southern governorates; ولايات الشمال في نيجيريا), so no list head cues them.
COMPASS_NOUNS: Final = frozenset({"الشمال", "الجنوب", "الشرق", "الغرب", "الوسط"})
#: Those of :data:`LIST_HEAD_CUES` that are also a noun with the suffix "my" (مدينتي الجديدة,
#: my new city) or another word (ولايتي, Velayati; إقليمي, regional): a cue only when a list's
#: next item follows the name (و on it, or a comma).
LIST_ONLY_CUES: Final = frozenset({"محافظتي", "منطقتي", "ولايتي", "اقليمي", "مدينتي"})
#: Words just before a common-word alias that show it is meant as a name, by entry
#: type.  Agencies and people have none: an alias such as الشرطة or الأمن الوطني
#: names the body of any country, so it is never reported alone.
CUES: Final[dict[str, frozenset[str]]] = {
    "place": frozenset(
        {"منطقه", "دول", "بلدان", "مدينه", "اقليم", "عاصمه", "ولايه", "محافظه", "حوض"}
        | {"شمال", "جنوب", "شرق", "غرب", "وسط", "مياه", "سواحل", "امن", "استقرار"}
        | {"محافظ", "والي"}  # a governor's title: محافظ البحر الأحمر، والي الخرطوم
        | LIST_HEAD_CUES
    ),
    "organization": frozenset(
        {"تنظيم", "جماعه", "حركه", "عناصر", "زعيم", "مقاتلي", "مقاتلو", "مسلحي", "مسلحو"}
        | {"فرع", "قاده", "قياده", "معاقل", "خلايا", "خليه", "امير"}
        # the duals in construct, before two groups' names (بتنظيمي القاعدة وداعش; not
        # جماعتي or حركتي, as often "my group", "my movement")
        | {"تنظيمي", "تنظيما", "جماعتا", "حركتا"}
    ),
}
#: Titles just before a person's name (normalized, without the article): they show that a
#: real word after them is meant as the person's name (الوزير ايمييه), with the article
#: or without it.
TITLES: Final = frozenset(
    {"رئيس", "وزير", "مدير", "سفير", "جنرال", "لواء", "عميد", "عقيد", "فريق", "مشير"}
    | {"امير", "نائب", "مستشار", "قائد", "زعيم", "متحدث", "ناطق", "رئيسه", "وزيره", "مديره"}
)
#: Honorifics before a person's name (normalized, without the article: السيد، الشيخ،
#: معالي): between a post and its holder (وزير الداخلية، السيد/ سعيد حسن نوح) they are
#: read over as a title is (:meth:`~._context.Window.qualifier`).
HONORIFICS: Final = frozenset(
    {"سيد", "شيخ", "دكتور", "استاذ", "مهندس", "معالي", "سمو", "فخامه", "سعاده"}
)
#: Military and police ranks (normalized, without the article).
RANKS: Final = frozenset(
    {"عقيد", "عميد", "لواء", "فريق", "مشير", "جنرال", "رائد", "نقيب", "مقدم", "ملازم"}
    | {"عريف", "رقيب"}
)
#: The first words (normalized, without the article) of a person's alias that is a style and
#: not a name: a title, a rank, an honorific, or a ruler's style (حاكم دبي، الملك سلمان، ولي
#: العهد).  The last word of such an alias is no surname: دبي in حاكم دبي is a place, سلمان
#: in الملك سلمان a given name.
STYLES: Final = TITLES | HONORIFICS | RANKS | {"حاكم", "ملك", "ولي"}
#: The styles that are also given names (أمير خان متقي، رائد جوحي، سيد علي ولد زميرلي): a style
#: only with the article (الأمير، الرائد، السيد).
GIVEN_STYLES: Final = frozenset({"امير", "سيد", "شيخ", "رائد", "ملك", "نقيب", "مشير"})


def is_style(word: str) -> bool:
    """Whether a name that begins with *word* (normalized) is a style, not a name: its last
    word is then no surname (:data:`STYLES`).

    >>> is_style("حاكم"), is_style("الملك"), is_style("امير"), is_style("الامير")
    (True, True, False, True)
    """
    if word[:2] == "ال":
        return word[2:] in STYLES
    return word in STYLES and word not in GIVEN_STYLES


#: Words just before a real word that show it is meant as a place's or an organisation's
#: name, spelt another way: the first noun of a construct, so without the article (مدينة
#: صيدا; المدينة مردوا is "the city, they persisted").  Not بلدة: folded, it is بلده, his
#: country.
GUESS_CUES: Final[dict[str, frozenset[str]]] = {
    "place": frozenset({"مدينه", "منطقه", "اقليم", "عاصمه", "ولايه", "محافظه", "قريه", "جزيره"}),
    "organization": frozenset({"تنظيم", "جماعه", "حركه"}),
}
#: The words of a place's name that only say what kind of place it is (منطقة وداي, the
#: Ouaddaï region), with or without the article, and the honorifics that begin some (الشيخ
#: زويد): a frequent word read as a variant of the name's other word (وادي, a valley; زايد,
#: as in الشيخ زايد) after them only is no name.
_KINDS: Final = GUESS_CUES["place"] | {
    "مقاطعه", "قضاء", "ناحيه", "مديريه", "بلده", "مخيم", "معبر", "منفذ", "شيخ", "سيد", "سيده"
}  # fmt: skip
KIND_NOUNS: Final = _KINDS | {"ال" + word for word in _KINDS}
#: The singular nouns of administrative divisions (normalized, without the article).
DIVISION_SINGULARS: Final = frozenset(
    {"محافظه", "ولايه", "اقليم", "مقاطعه", "قضاء", "ناحيه", "مديريه"}
)
#: Nouns of administrative divisions (without the article; a dual in both its cases, محافظتا
#: and محافظتي): a place's name right after one names the division (محافظة القطيف, the
#: governorate), not a town of that name inside one; so does a governor's title (محافظ
#: مأرب، والي الخرطوم: the governorate, the state).
DIVISION_NOUNS: Final = (
    DIVISION_SINGULARS
    | {"محافظات", "محافظتي", "محافظتا", "ولايات", "ولايتي", "ولايتا", "اقاليم"}
    | {"محافظ", "والي"}
)
#: The plurals among them: the name after one may be of the place whose divisions they are
#: (محافظات الضفة الغربية, the West Bank's governorates).
PLURAL_DIVISION_NOUNS: Final = frozenset({"محافظات", "ولايات", "اقاليم"})
#: A ruler's title and an emirate's noun (normalized): a place's name right after one, or its
#: list, names the division of that name rather than its city (حاكم الشارقة، إمارة الشارقة:
#: the emirate), a country still itself (حاكم الجزائر), and any other place, when no division
#: fits, is left as it is (حاكم الفلوجة, إمارة سيناء: a governor or an armed group's emirate).
RULER_NOUNS: Final = frozenset({"حاكم", "اماره", "امارتي", "امارتا"})
#: The nouns of a region (normalized): a place's name right after one, or its list, names
#: a division whose own name begins with منطقة if the name fits one (منطقة الرياض is Saudi
#: Arabia's Riyadh Region, منطقة غاو Mali's Gao Region), and is left as it is otherwise
#: (منطقة القبايل, في منطقة الساحل): منطقة is also any area.
REGION_NOUNS: Final = frozenset({"منطقه", "منطقتي", "منطقتا", "مناطق"})
#: A countryside's nouns (normalized): ريف دير الزور, the rural part of a governorate, lies
#: outside the city that shares its name.
COUNTRYSIDE_NOUNS: Final = frozenset({"ريف", "ارياف"})
#: A region's noun as a gazetteer writes it first in a region's name (منطقة الرياض).
REGION_WORDS: Final = frozenset({"منطقة", "منطقه"})
#: The nouns of one mission or force of an organisation (normalized): بعثة الأمم المتحدة is
#: one of the UN's missions, not the UN.
MISSION_NOUNS: Final = frozenset({"بعثه", "قوات", "قوه", "مكتب"})
#: The nouns of a wilaya (normalized): after one, a governorate of a state that has no
#: wilayas is a jihadist group's "province" or an Ottoman vilayet (ولاية صلاح الدين).
WILAYA_NOUNS: Final = frozenset({"ولايه", "ولايات", "ولايتي", "ولايتا"})
#: The division nouns as a gazetteer writes them first in a division's name (محافظة كركوك,
#: not normalized): the entries named so are divisions.
DIVISION_WORDS: Final = frozenset(
    {"محافظة", "محافظه", "ولاية", "ولايه", "إقليم", "اقليم", "مقاطعة", "قضاء", "ناحية", "مديرية"}
)
#: The last words of the English name of a place that is an administrative division (Bay
#: Region, Kirkuk Governorate, Dubayy Emirate): such a place is a division, as a name that
#: begins with one of :data:`DIVISION_WORDS` is.
DIVISION_TYPES: Final = frozenset(
    {"Province", "Governorate", "Region", "State", "District", "Municipality", "Emirate"}
)
#: Nouns before a place's name (without the article): a person's surname alone right after
#: one is that place's name (مركز العياط, a district of Giza, is not Morsi).
PLACE_NOUNS: Final = GUESS_CUES["place"] | frozenset({"مركز", "حي", "بلده"})
#: The longest a cue can be, with its clitics.
LONGEST_CUE: Final = max(len(w) for words in CUES.values() for w in words) + 3
#: Entry types whose common-word alias is also shown a name by a list of others of its type
#: (بالخليج أو أوربا); for the other types only a cue just before it counts.
LIST_EVIDENCE: Final = frozenset({"place"})
#: Conjunctions between the items of a list of names.
CONJUNCTIONS: Final = frozenset({"و", "او", "ثم"})
#: Verbs of saying and the like (normalized; masculine: the past and a few in the present)
#: whose subject follows them: after one, a surname alone that is a given name too (وقال
#: حسين) is the person the text has named in full (see ``Matcher._verb_surname_hits``).
#: Feminine forms are left out: the gazetteers record no one's sex, and a woman is rarely
#: named by a surname that is a man's given name (وقالت سلام is not Nawaf Salam).
SPEECH_VERBS: Final = frozenset(
    {
        "قال", "اكد", "اضاف", "اوضح", "اشار", "اعرب", "اشاد", "شدد", "لفت", "تابع",
        "اعلن", "كشف", "ذكر", "صرح", "حذر", "اعتبر", "افاد", "ختم", "علق", "اردف",
        "استطرد", "نوه", "تحدث", "رحب", "ندد", "لاحظ", "اقر", "استدرك", "نفي", "دعا",
        "راي", "مضي", "يقول", "يضيف", "يوكد", "يؤكد", "يري",
    }
)  # fmt: skip
#: The words that follow a verb's subject (normalized), one space after it: a surname alone
#: after a verb of saying is read only before one of these, or before a colon or an opening
#: quote (وقال حسين إن، وأضاف حسين: «…»), where nothing can go on with someone else's name
#: (وقال حسين علاوي، وقال حسين الصدر, and common words: وأكد حسن نية).
AFTER_SUBJECT: Final = frozenset(
    {
        "ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "في", "خلال", "امام", "لدي",
        "عن", "امس", "اليوم", "ايضا", "الي", "حول", "ردا", "ل", "قائلا", "مشيرا", "مضيفا",
        "موضحا", "مؤكدا", "موكدا", "معتبرا",
    }
)  # fmt: skip
#: What may stand between such a surname and what follows instead of one space: a colon or
#: an opening quote (its first character).
AFTER_SUBJECT_MARKS: Final = frozenset(':«"\u201c')

#: A word of the normalized text: letters and digits of any script.
TOKEN: Final = re.compile(r"[^\W_]+")
#: Splits normalized text into separators and words, alternately.
SPLIT: Final = re.compile(r"([^\W_]+)")
#: Words that begin with ال but are no noun with the article: prepositions, relative
#: pronouns, إلا (normalized: إلى is الي).
NOT_DEFINITE: Final = frozenset(
    {"الي", "الا", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين"}
    | {"اللاتي", "اللواتي", "اللائي", "اللي"}
)


def has_article(form: str) -> bool:
    """Whether *form* (a normalized word, its proclitics off) is a noun or adjective with
    the article: ال and at least one more letter, and not a word such as الي (إلى) or التي.

    >>> has_article("القوات"), has_article("الي"), has_article("ال")
    (True, False, False)
    """
    return form.startswith("ال") and len(form) > 2 and form not in NOT_DEFINITE


#: One line break with spaces around it, and nothing else: a line wrapped inside a name.
_WRAP: Final = re.compile("[ ]*(?:\r\n|[\n\r\u2028\x85])[ ]*")
#: A space and an opening quotation mark: the press quotes the rest of a name (حركة
#: «الشباب»، تنظيم "داعش").
OPENING_QUOTES: Final = frozenset({' "', " «", " \u201c"})
#: A closing quotation mark and a space: the quoted part of a name ends and the name goes on
#: (تنظيم «داعش» في غرب أفريقيا).
CLOSING_QUOTES: Final = frozenset({'" ', "» ", "\u201d "})
#: A dash between two words of a name, with one space either side or none (سيستان –
#: بلوشستان، سيستان-بلوشستان): the press writes some names so.
DASHES: Final = frozenset(
    f"{before}{dash}{after}"
    for dash in "-\u2013\u2014"
    for before in ("", " ")
    for after in ("", " ")
)
_JOINS: dict[str, bool] = {
    " ": True,
    ".": True,
    **dict.fromkeys(OPENING_QUOTES | CLOSING_QUOTES | DASHES, True),
}


def joins(sep: str) -> bool:
    r"""Whether a name runs across *sep*, a separator of the normalized text.

    A space (the ``search`` profile makes every run of horizontal spaces one
    U+0020), or a single line break (LF, CR, CR LF, U+2028 LINE SEPARATOR or
    U+0085 NEXT LINE) with spaces around it: a line wrapped inside a name; a
    full stop with no space around it, as in a dotted abbreviation
    (سي.آي.إيه); a space and an opening quotation mark (" « “), the rest
    of the name quoted (حركة «الشباب»), or a closing one and a space, the name going on
    after its quoted part (تنظيم «داعش» في غرب أفريقيا); a hyphen, an en dash or an em dash
    with one space either side or none, as some names are written (سيستان – بلوشستان, whose
    gazetteer alias is سيستان بلوشستان).  A blank line (two breaks),
    U+2029 PARAGRAPH SEPARATOR, a form feed or any other punctuation ends a name.  Only
    the name's own words run across a line; the words read around it (a title or a given
    name before it, a qualifier after it, its sentence) are read on the same line as the
    name's ends.

    >>> joins(" "), joins("\n"), joins(" \r\n"), joins("."), joins("\n\n"), joins(". ")
    (True, True, True, True, False, False)
    >>> joins(" «"), joins("» "), joins(' "'), joins("»"), joins("» ،")
    (True, True, True, False, False)
    >>> joins(" \u2013 "), joins("-"), joins("  - "), joins(" -- ")
    (True, True, False, False)
    """
    known = _JOINS.get(sep)
    if known is None:
        known = _WRAP.fullmatch(sep) is not None
        if len(_JOINS) < 4096:  # separators are few: a text of odd ones cannot grow it far
            _JOINS[sep] = known
    return known


#: A word of Arabic letters only (the fuzzy lookups read nothing else).
ARABIC_WORD: Final = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


def is_arabic(word: str) -> bool:
    """True if *word* is Arabic letters only."""
    return ARABIC_WORD.fullmatch(word) is not None


def misread_clitic(token: str, cut: int, frequent: frozenset[str]) -> bool:
    """Whether *token*, a frequent word as written, is misread as its first *cut* letters, a
    proclitic, and a name: when the proclitic ends in ك (كسرت is not ك and Sirte, كواليس not
    ك and Wallis), or when what is left is no frequent word itself (وصول, arrival, is not و
    and Sool; باكرا, early, not ب and Accra; لغات not ل and Ghat).  A frequent word whose
    rest is frequent too is read as the clitic and the name (والجزائر، بباريس).  The same
    holds of what a shorter cut, a proclitic less, leaves of *token*: وبقايا is و and بقايا
    (remains), not وب and قايا, a surname.

    >>> misread_clitic("وصول", 1, frozenset({"وصول"}))
    True
    >>> misread_clitic("والجزائر", 1, frozenset({"والجزائر", "الجزائر"}))
    False
    >>> misread_clitic("وبقايا", 2, frozenset({"بقايا"}))
    True
    """
    for shorter in range(cut):
        word = token[shorter:]
        if word not in frequent:
            continue
        if word[cut - shorter - 1] == "ك":
            return True
        rest = token[cut:]
        if rest.startswith(LAL):  # ل fused with the article (للسعودية): the rest has ال
            rest = "ال" + rest[len(LAL) :]
        if rest not in frequent:
            return True
    return False


#: U+064B ARABIC FATHATAN, U+064C ARABIC DAMMATAN and U+064D ARABIC KASRATAN: tanwin, the
#: mark of an indefinite noun or adjective, written on a word's last letter, or on the letter
#: before a final U+0627 ARABIC LETTER ALEF or U+0649 ARABIC LETTER ALEF MAKSURA that carries
#: it (سوريًا، هدًى; the alef itself carries it too in a common way of typing: سورياً).  A
#: name of a place or a body never takes it (the names of places are diptotes or carry the
#: article), so a word that ends with it is the common word spelled alike: ٣٥ سوريًا
#: (thirty-five Syrians), تركيًا (Turkish, as an adverb), اهبطوا مصرًا (go down to a town),
#: جنات عدنٍ (the gardens of Eden, no surname).
TANWIN: Final = frozenset("\u064b\u064c\u064d")
#: The letters after which tanwin is written on the letter before (ا and ى).
TANWIN_CARRIERS: Final = frozenset("\u0627\u0649")


def indefinite(written: str) -> bool:
    """Whether the last word of *written* (a name as the text writes it, marks and all;
    its words are what white space separates) ends with a tanwin (see :data:`TANWIN`).

    The word is read as letters, each with the characters that follow it up to the next
    letter (its marks, a tatweel, an invisible mark); a letter is a character of a Unicode
    letter category (presentation forms included, folded by NFKC) other than U+0640 ARABIC
    TATWEEL.  A tanwin inside a word, on no last letter, is a stray mark and says nothing.

    >>> indefinite("سوريًا"), indefinite("سورياً"), indefinite("سوريا"), indefinite("مِصْرَ")
    (True, True, False, False)
    >>> indefinite("جمهورية مصرٌ"), indefinite("سًوريا")
    (True, False)
    """
    words = written.split()
    if not words:
        return False
    letters: list[str] = []  # each letter with what follows it
    for char in words[-1]:
        if letters and (char == "\u0640" or not unicodedata.category(char).startswith("L")):
            letters[-1] += char
        else:
            letters.append(char)
    if not TANWIN.isdisjoint(letters[-1]):
        return True
    carrier = unicodedata.normalize("NFKC", letters[-1][0])
    return len(letters) > 1 and carrier in TANWIN_CARRIERS and not TANWIN.isdisjoint(letters[-2])


#: The preposition على ("on") as its letters: folding ى (U+0649) to ي makes it the given
#: name علي.
_ALA: Final = "\u0639\u0644\u0649"
#: The given name علي as normalized, which the preposition على folds to too.
ALI: Final = "\u0639\u0644\u064a"


def written_ala(written: str) -> bool:
    """Whether the first word of *written* (a name as the text writes it) is the preposition
    على, ending in U+0649 ARABIC LETTER ALEF MAKSURA, its marks and tatweels aside
    (presentation forms read by NFKC).

    >>> written_ala("على العرض"), written_ala("عَلَى العرض"), written_ala("علي العريض")
    (True, True, False)
    """
    words = written.split(maxsplit=1)
    if not words:
        return False
    first = unicodedata.normalize("NFKC", words[0])
    letters = "".join(c for c in first if c != "\u0640" and unicodedata.category(c).startswith("L"))
    return letters == _ALA


@functools.lru_cache(maxsize=1 << 16)
def strip_forms(token: str) -> list[tuple[str, int]]:
    """The token and its clitic-stripped forms, with how many letters were cut (cached: the
    context rules ask it of the same words many times; the list is shared, never change it).

    >>> strip_forms("وللمديرية")
    [('وللمديرية', 0), ('المديرية', 1), ('اللمديرية', 1), ('لمديرية', 2), ('للمديرية', 1)]
    """
    forms = [(token, 0)]
    if token[:1] not in _CLITIC_FIRST:
        return forms  # most words: no proclitic or لل begins with their first letter
    for conj in LAL_CONJUNCTIONS:
        lal = conj + LAL
        if token.startswith(lal) and len(token) - len(lal) >= MIN_STEM:
            rest = token[len(lal) :]
            forms.append(("ال" + rest, len(conj)))
            forms.append(("ال" + token[len(conj) + 1 :], len(conj)))
    for prefix in PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            forms.append((token[len(prefix) :], len(prefix)))
    return forms


#: The letters a proclitic, or لل after a conjunction, begins with.
_CLITIC_FIRST: Final = frozenset(p[0] for p in (*PROCLITICS, *(c + LAL for c in LAL_CONJUNCTIONS)))


def _bulk_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Substitutions that make, for every line at once, the forms :func:`strip_forms` makes."""
    keep = f"(?=[^\\n]{{{MIN_STEM}}})"
    conj = "|".join(c for c in LAL_CONJUNCTIONS if c)
    out = [
        (re.compile(f"(?m)^(?:{conj})?{LAL}{keep}"), "ال"),
        (re.compile(f"(?m)^(?:{conj})?ل(?=ل[^\\n]{{{MIN_STEM}}})"), "ال"),
    ]
    out += [(re.compile(f"(?m)^{prefix}{keep}"), "") for prefix in PROCLITICS]
    return tuple(out)


_BULK: Final = _bulk_patterns()


def strip_forms_many(tokens: list[str]) -> list[list[str]]:
    """For each way :func:`strip_forms` cuts a word, that form of every token (at C speed).

    The first list is *tokens*; a token the cut does not apply to is left as it
    is in the others.  Every form :func:`strip_forms` gives a token is at its
    index in one of the lists (a few more, harmless, may be too: the lists are
    a filter, and the forms of the tokens it keeps are made again one by one).

    >>> [column for column in strip_forms_many(["بالرباط", "وللمديرية"])][:3]
    [['بالرباط', 'وللمديرية'], ['بالرباط', 'المديرية'], ['بالرباط', 'اللمديرية']]
    """
    if not tokens:
        return [[]]
    joined = "\n".join(tokens)
    out = [tokens]
    for pattern, replacement in _BULK:
        cut = pattern.sub(replacement, joined)
        if cut != joined:
            out.append(cut.split("\n"))
    return out


def is_particle(token: str, first: bool) -> bool:
    """True if *token* is a name particle (with a proclitic too, as a name's *first* word)."""
    return token in (PARTICLES_FIRST if first else PARTICLES)


def units(text: str, first: bool) -> tuple[str, ...]:
    """Split normalized text into words and join each name particle to the next word.

    >>> units("عبد اللطيف حموشي", first=False)
    ('عبداللطيف', 'حموشي')
    >>> units("سلمان بن عبد العزيز", first=False)
    ('سلمان', 'بنعبدالعزيز')
    """
    words = TOKEN.findall(text)
    if PARTICLES_FIRST.isdisjoint(words):
        return tuple(words)
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        # a particle joins the word after it, and a chain of them joins whole:
        # بن عبد العزيز is one unit, as بن عبدالعزيز is
        while i + 1 < n and is_particle(words[i], first and i == 0):
            i += 1
            word += words[i]
        out.append(word)
        i += 1
    return tuple(out)


def without_nasab(spaced: str) -> str | None:
    """A person's name (*spaced*: normalized, its words joined by spaces) less the nasab
    particles written apart inside it, or None when it has none to drop.

    The press writes a Gulf name with or without its بن: عبداللطيف راشد الزياني is
    عبداللطيف بن راشد الزياني.  Only a particle that begins a unit between the first and
    the last drops, in a name of three units or more: the last is a family name (بن علي of
    زين العابدين بن علي), and محمد بن سلمان less its بن would be any Mohammed Salman.

    >>> without_nasab("عبداللطيف بن راشد الزياني")
    'عبداللطيف راشد الزياني'
    >>> without_nasab("خالد بن محمد بن زايد ال نهيان")
    'خالد محمد زايد ال نهيان'
    >>> without_nasab("زين العابدين بن علي"), without_nasab("محمد بن سلمان")
    (None, None)
    """
    words = spaced.split(" ")
    starts: list[int] = []  # the index of each unit's first word
    i, n = 0, len(words)
    while i < n:
        starts.append(i)
        while i + 1 < n and is_particle(words[i], False):
            i += 1
        i += 1
    drop = {s for s in starts[1:-1] if words[s] in NASAB}
    if len(starts) < 3 or not drop:
        return None
    return " ".join(w for k, w in enumerate(words) if k not in drop)


def cue_types(token: str) -> frozenset[str]:
    """The entry types *token* is a cue for (منطقة for places), its clitics cut.

    >>> sorted(cue_types("بمنطقه"))
    ['place']
    """
    if len(token) > LONGEST_CUE:
        return frozenset()
    forms = [form for form, _ in strip_forms(token)]
    return frozenset(t for t, words in CUES.items() if not words.isdisjoint(forms))
