"""The fast matcher finds exactly what a slow, plainly written reference matcher finds.

``reference_matcher.py`` beside this file is written from the matching rules in the
docs; here hypothesis generates sentences from the words of gazetteer aliases, spelt
with clitics, particles apart or joined, variants and typos, between fillers,
punctuation, Latin, digits, tatweel, harakat, bidi marks and line breaks, and the two
matchers must agree on every match: its span, entry, method, score and candidates.
"""

from __future__ import annotations

import functools
import os
import warnings

import _arnorm_reference_matcher as ref  # loaded by conftest.py from reference_matcher.py
from hypothesis import example, given, settings
from hypothesis import strategies as st

from arnorm import EvidenceWarning, Matcher, load_gazetteer
from arnorm.gazetteer import available_gazetteers

SHIPPED = [load_gazetteer(name) for name in available_gazetteers()]
OWN_ALIASES = ref.aliases_of([ref.OWN])
SHIPPED_ALIASES = ref.aliases_of(SHIPPED)
OWN_DEMONYMS = ref.demonyms_of([ref.OWN])
SHIPPED_DEMONYMS = ref.demonyms_of(SHIPPED)
#: Examples per test; REF_EXAMPLES=5000 hunts for longer (a few minutes a test).
EXAMPLES = int(os.environ.get("REF_EXAMPLES", "150"))


@functools.cache
def pair(own: bool, **options: object) -> tuple[Matcher, object]:
    """The fast matcher and the reference, built alike, once per test session."""
    if own:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", EvidenceWarning)  # لاهاي needs evidence: on purpose
            fast = Matcher([ref.OWN], safe_words=ref.OWN_SAFE, **options)  # type: ignore[arg-type]
        return fast, ref.ReferenceMatcher([ref.OWN], safe_words=ref.OWN_SAFE, **options)
    return Matcher(SHIPPED, **options), ref.ReferenceMatcher(SHIPPED, **options)  # type: ignore[arg-type]


def agree(text: str, own: bool, **options: object) -> None:
    fast, reference = pair(own, **options)
    assert ref.fast_view(fast, text) == reference.find(text)


EXACT = {"fuzzy": False, "variants": False}


@settings(deadline=None, max_examples=EXAMPLES)
@given(ref.sentences(OWN_ALIASES, OWN_DEMONYMS))
@example("وعبد اللطيف الزعابي ولللاهاي")
@example("في منطقة الساحل، وبالساحل أو لاهاي")
@example("تنظيم القاعدة و\nالقاعدة")
def test_exact_forms_agree_on_own_gazetteer(text: str) -> None:
    agree(text, True, **EXACT)


@settings(deadline=None, max_examples=EXAMPLES)
@given(ref.sentences(SHIPPED_ALIASES, SHIPPED_DEMONYMS))
@example("في محافظة القطيف وبولاية عين صالح وقضاء الفلوجة ومدينة القطيف")
@example("بين الدار البيضاء والرباط (إقليم القنيطرة) وإقليم القنيطرة")
@example("في محافظتي صلاح الدين وكركوك وفي مدن حمص وطرطوس، واللاذقية ومدينة كركوك")
@example("العقيد عبد العال عبد العال ومليشيا آل دقلو وآل نهيان وعبد اللطيف حموشي")
@example("استقبل الشيخ راشد بن عبدالله آل خليفة وزير الداخلية ومحمد بن سلمان وزير الداخلية")
@example("الAFRIPOL AISE في المغرب العربي")
@example("التحديات الأمنية الداخلية والخارجية ووزيرا الداخلية والخارجية والسياسة الخارجية")
@example("بحث وزير الداخلية اللواء الركن إبراهيم حيدان مع وزير الداخلية الجيبوتي. ووزير الداخلية")
@example("عمان 21 كانون الثاني (بترا)\nتونس - 18 (كونا)\nطرطوس: بيان")
@example("وصل إلى الكويت وزير الداخلية، السيد/ الأمير عبدالعزيز بن سعود بن نايف،\nوالكويت")
@example("استقبلت إدارة المخابرات العامة السورية اللواء علي مملوك وإدارة المخابرات العامة")
@example("وزير الداخلية الليبي عصام أبو زريبة، ووزير الداخلية، عماد الطرابلسي")
@example("وزير الداخلية الأمير عبدالعزيز بن سعود بن نايف في الكويت. ووزير الداخلية للكويت")
@example("ووزير داخليّة مملكة البحرين، ووزيرة داخلية البرتغال ووزير خارجية دولة العراق")
@example("لوزارة دفاع الكويت ووزير خارجية بغداد. أكد وزير داخلية سلطنة عمان أن الداخلية")
@example("نيابة أمن الدولة العليا في مصر ومحكمة الأمن العام في لبنان وبمحكمة لأمن الدولة")
@example("سطر\nمديرية أمن حولي (كونا) ولاية أمن طنجة، ومفوضية الشرطة بالرباط وشرطة منطقة الرياض")
@example("حفظ أمن ولاية وهران وأمن دائرة عين الترك. في غزة، مديرية أمن رفح وبريف دير الزور الشرقي")
@example("نقلت نيويورك تايمز وواشنطن بوست عن مراسل القاهرة الإخبارية في واشنطن بوسط")
@example("تمكنت قوات الجيش الوطني الشعبي وقال مدير المخابرات الداخلية بغزة إن")
@example("المخابرات الداخلية والأمن الوطني في فلسطين")
@example("أوقف جهاز الأمن العام اللبناني ثلاثة. وأفادت مصلحة الجوازات السعودية")
@example("رئيس شعبة المعلومات في الأمن العام ومدير الإدارة العامة لمكافحة المخدرات بشرطة دبي")
@example("للعقيد عبدالجبار بعكر والعقيد بعكر وزينة عكر. ورحب الرئيس بعكر ومحمد بعكر")
@example("الإدارة العامة لمكافحة المخدرات بقطاع الأمن الجنائي وشعبة الاستخبارات في الجيش")
@example("الأمير عبدالعزيز بن سعود بن نايف بن عبدالعزيز وزير الداخلية بدولة الكويت")
@example("لدى الجمهورية الإسلامية الموريتانية وفي عمان الأردنية والجمهورية الإسلامية الإيرانية")
@example("قالت وزارة الداخلية لقناة الجزيرة القطرية ولصحيفة الشرق الأوسط السعودية، والسعودية")
@example("بإقليم باي ومحافظة هيران. وصل حاكم دبي والملك سلمان إلى مبنى الشيخ نواف الأحمد")
@example("الأمير عبدالعزيز بن سعود بن نايف بن عبدالعزيز آل سعود. وقال الأمير عبدالعزيز إن")
@example("الشيخ محمد بن راشد والشيخ محمد بن زايد. الشيخ محمد وجامعة بغداد وتلفزيون سوريا")
@example("أصغر وزير داخلية في تاريخ السعودية. ووزير خارجية بغداد، ووزارة دفاع سابقة")
@example("اتفقت وزارتي الداخلية في البلدين وبوزراء الداخلية العرب ووزيري الدفاع في مصر")
@example("في منطقة القاهرة بإقليم شبيلي الوسطى وفي القاهرة بمصر وسفارة مصر بالسعودية وعدن بالصومال")
@example("الأمير محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية بقطر")
@example('"عبد الوافي لفتيت" وزير الداخلية والسعودية ووزير الداخلية نائب رئيس الأمير محمد بن نايف')
@example("وزير الدفاع وزير الداخلية الشيخ فهد اليوسف ووزير الداخلية ووزير الخارجية محمد بن نايف")
@example("في ولاية صلاح الدين وولايتي نينوى والخرطوم وبولاية سطيف وولاية خيبر باختونخوا")
@example("أكدت بعثة الأمم المتحدة وبعثة الأمم المتحدة في ليبيا ثم قوات الأمم المتحدة ولها")
@example("خادم الحرمين الشريفين الملك سلمان بن عبد العزيز والملك سلمان بن عبد الله")
@example("في سيستان – بلوشستان وسيستان-بلوشستان وسيستان -- بلوشستان وتونس - 18")
@example("الشيخ خالد بن خليفة بن عبدالعزيز آل ثاني، رئيس الوزراء وزير الداخلية، السيد حموشي")
@example("وكالة أنباء الإمارات وموقع أخبار ليبيا وأنباء سوريا ومدير أمن بنغازي وأمن بنغازي")
@example("وكالة السودان للأنباء ووكالة تونس إفريقيا للأنباء ووكالة السودان وفي السودان للأنباء")
@example("مديرية أمن محافظة مبارك الكبير وقيادة عمليات البصرة ولشرطة دبي وشرطة الشارقة")
@example("المساس بأمن الدولة في الأردن وحفظ الأمن العام وأمن الدولة الداخلي ومدير الأمن العام")
@example("لضمان الأمن العام في ليبيا قبيل المغرب وبعد صلاة المغرب زار المغرب وقت المغرب")
@example("مدير امن عدن ومكتب مخابرات الرصيفة وبقسم ثان شبرا الخيمة وأسايش إقليم كردستان")
@example("الشيخ فهد يوسف سعود الصباح، ثم الشيخ فهد يوسف سعود الصباح. وقال الشيخ فهد إن")
@example("وفي تونس العاصمة والجزائر العاصمة، وفي تونس، العاصمة وسوريا العاصمة")
@example('قائد فيلق "كربلاء" في مقر القدس وفي مقر “القدس” ومقر الأمم المتحدة سرية لبغداد')
@example("قائد منطقة البحر الأحمر العسكرية ومنطقة دمشق العسكرية ومنطقة دمشق، العسكرية")
@example("في موتسامودو، كبرى مدن جزيرة أنجوان، وفي مصر، والخليج، بالخليج")
@example("كشف كواليس القضاء وليبيا كسرت العزلة وزار كمصر وكلاوس وبسرت وصول باكرا للسعودية")
@example("في كركوك وديالى وصلاح الدين والأنبار والموصل وفي كركوك وتكريت والموصل وديالى")
@example("الرياض: «الشرق الأوسط» لندن - الشرق الأوسط، وفي مصر، والخليج و«مصر» «الخليج»")
@example(
    "في مصر تهديدا للأمن الوطني، واستقرار الأمن العام، وحفاظا على أمن الدولة واعتمد على الأمن العام"
)
@example("وذكرت الداخلية التونسية ـ في بيان وزار تونس ـــ\nأمس وتونسـ ـ وتونسَ")
@example("التقى فالح فيصل الفياض وفالح بن فيصل الفياض وعلي فالح فيصل الفياض ومحمد فيصل الفياض")
@example("وافق على العرض وعَلَى العرض وقال على العريض وعلي العرض وعلى العريض")
@example(
    "وزارة الداخلية البحرينية في مملكة البحرين والحرس الثوري الإيراني في ايران. وزارة الداخلية"
)
@example("السوداني يترأس الاجتماع\nترأس رئيس الوزراء محمد شياع السوداني. الأسد يقيل بشار الأسد")
@example("في محافظات (بابل، الديوانية، النجف) ومنطقتي (تبوك وحائل) وفيلق (كربلاء) والنجف (جنوبا)")
@example("الAAMB استقرار الداخلية الأردنية عصمت عبد الرحمن")  # found by hypothesis
@example("قتل خليل حقاني. وهو عم سراج الدين حقاني. وحقاني هو، وقال حقاني")
@example("لمجلس الأمن الداخلي المركزي ومجلس الأمن الأممي ومجلس الأمن الإيراني ومجلس الأمن الثلاثاء")
@example("في منطقة مكة المكرمة وحائل والرياض وعسير وفي منطقتي تبوك وحائل ومنطقة الساحل")
@example("مدير مخابرات إقليم بنادر ومدير شرطة ولاية الخرطوم ومدير أمن بإقليم بنادر")
@example("لتطهير أبين من تنظيم القاعدة. شن تنظيم القاعدة في اليمن وتنظيم القاعدة في سوريا")
@example("حركة الشباب المرتبطة بتنظيم القاعدة في مقديشو. قال تنظيم القاعدة في بيان")
@example("في الحسكة والرقة ودير الزور، وفي منطقة غاو وفي عدة محافظات منها الجيزة والسويس")
@example("ورئيس مجلس الأمن الإيراني ومجلس الأمن الدولي والأمم المتحدة في ليبيا، للطاهر عثماني")
@example("اللواء مجدي عبد الغفار، واللواء مجدي عبدالعال وولاية أمن الدار البيضاء")
@example("وزير الداخلية اللواء عبد الكريم أمير الدين الحوثي في صنعاء. ووكيل وزارة الداخلية")
@example("وزارة الداخلية في صنعاء وعدن. وقالت وزارة الداخلية ومحافظ محافظة عدن وفي عدن")
@example("توقيف 35 سوريًا في عكار وسوريا، وعاد محمدٌ إلى سوريا تركيًّا ووزارة الداخليةً")
@example("شرطة وجدة ومدير أمن وجدة ووالي أمن جهة بني ملال خنيفرة وشرطة والرياض")
@example("العقيد ميلود الزوي والعقيد ونيس بوخمادة واللواء الركن الزوي، في العراق، وان عددهم")
@example("قال محمد أبو القاسم الزوي. وقال العقيد ميلود الزوي. وأضاف الزوي وقال حموشي الزوي")
@example("الجزائر، 20 يناير (إفي): الدول الغربية ومحافظة الغربية ومباحث الزلفي وللدفاع عن السودان")
@example("قال الدكتور سيف الإسلام معمر القذافي والعميد أحمد علي عبد الله صالح ومحمد حسني مبارك")
@example("أمين عام حزب الله حسن نصر الله والرئيس أبو مازن محمود عباس. أشرف عبد اللطيف حموشي")
@example("التقى سلام الرئيس عون. حاكم الجزائر وحاكم الفلوجة وإمارة سيناء وبلدية بيروت بحاكم دبي")
@example("قال السيد نصر الله نعيم قاسم. في مطار الملك خالد محمد بن سلمان والشيخ ناصر صباح الأحمد")
@example("في إمارة الشارقة وقال حاكم عجمان ورئيس بلدية بيروت في المدينتين كيدال وتمبكتو والشارقة")
@example("هاجم الحوثيون سفينة في البحر الأحمر. وصل إلى الغردقة بالبحر الأحمر والبحر الأحمر المصرية")
@example("ميناء سفاجا على البحر الأحمر والبحر الأحمر المصري. بورتسودان، عاصمة البحر الأحمر")
def test_exact_forms_agree_on_shipped_gazetteers(text: str) -> None:
    agree(text, False, **EXACT)


@settings(deadline=None, max_examples=EXAMPLES)
@given(ref.sentences(OWN_ALIASES, OWN_DEMONYMS))
@example("وأكد هينز كريستيانسين والزعاني")
@example("وأكد هاينر كريسثيانسن")  # two one-dot typos: more than a name may hold
@example("الDGSN اقليم بيروت")  # a division's noun before a capital, in data with no towns
def test_fuzzy_classes_agree_on_own_gazetteer(text: str) -> None:
    agree(text, True)


@settings(deadline=None, max_examples=EXAMPLES)
@given(ref.sentences(SHIPPED_ALIASES, SHIPPED_DEMONYMS))
@example("وبكين مكالوم")  # the leftmost of two readings, then a name inside the other
def test_fuzzy_classes_agree_on_shipped_gazetteers(text: str) -> None:
    agree(text, False)


@settings(deadline=None, max_examples=EXAMPLES // 2)
@given(ref.sentences(OWN_ALIASES, OWN_DEMONYMS))
@example("وبووووكالةالمخابرات")  # too long a word for any name
def test_all_overlaps_agree_on_own_gazetteer(text: str) -> None:
    agree(text, True, overlaps="all")


@settings(deadline=None, max_examples=EXAMPLES // 2)
@given(ref.sentences(SHIPPED_ALIASES, SHIPPED_DEMONYMS))
def test_min_score_and_no_surnames_agree_on_shipped_gazetteers(text: str) -> None:
    agree(text, False, min_score=0.75, surnames=False)


@settings(deadline=None, max_examples=EXAMPLES // 2)
@given(
    ref.sentences(SHIPPED_ALIASES, SHIPPED_DEMONYMS),
    st.sampled_from(["2005-06", "2013", "2013-07-15", "2016-09", "2021-03", "2025-01-10"]),
)
@example("مقر وزارة الداخلية الليبية وقالت إدارة المخابرات العامة في دمشق والقاعدة", "2013-07-15")
@example("مقر وزارة الداخلية الليبية وقالت إدارة المخابرات العامة في دمشق والقاعدة", "2025-01-10")
def test_eras_agree_on_shipped_gazetteers(text: str, as_of: str) -> None:
    agree(text, False, as_of=as_of, **EXACT)


@settings(deadline=None, max_examples=EXAMPLES // 2)
@given(ref.sentences(OWN_ALIASES, OWN_DEMONYMS))
@example("منطقة مراكش وطرابلس")
def test_types_and_common_words_agree_on_own_gazetteer(text: str) -> None:
    agree(text, True, types=("place", "organization"), common_words=frozenset({"مراكش"}))


@settings(deadline=None, max_examples=max(5, EXAMPLES // 30))
@given(
    st.lists(ref.sentences(OWN_ALIASES, OWN_DEMONYMS), min_size=5, max_size=30),
    st.sampled_from([" ", "، ", " و"]),
)
def test_long_lines_agree_window_by_window(parts: list[str], sep: str) -> None:
    # one line of more than 64K characters: the fast matcher reads it a window at a time
    line = sep.join(p.replace("\n", " ") for p in parts) + sep
    agree(line * (70_000 // len(line) + 1), True)


def test_place_inside_an_exact_name_is_no_list_evidence() -> None:
    # السعودية is part of the agency's name, not a place in a list with نوم (Nome, a
    # common word that needs evidence)
    fast, _ = pair(False)
    assert [m.id for m in fast.find("الاستخبارات السعودية نوم")] == ["sa-gip"]
    agree("الاستخبارات السعودية نوم", False)


def test_place_inside_a_fuzzy_name_is_no_list_evidence() -> None:
    fast, reference = pair(False)
    text = "الاستخبرات السعودية نوم"  # الاستخبارات spelt without its second alef
    assert [m.id for m in reference.find(text)] == ["sa-gip"]
    assert [m.id for m in fast.find(text)] == ["sa-gip"]


def test_a_name_after_the_leftmost_reading_of_a_word_is_found() -> None:
    # بكين is Beijing, and also ب + كين, the first word of كين مكالوم: the leftmost span
    # wins (بكين) and the next name starts after it
    agree("زار بكين ومكالوم", False)


def test_leftmost_longest_goes_on_after_the_leftmost_of_two_readings() -> None:
    fast, reference = pair(False)
    text = "زار بكين مكالوم"
    expected = [("بكين", "cn-beijing"), ("مكالوم", "person-ken-mccallum")]
    assert [(m.text, m.id) for m in reference.find(text)] == expected
    assert [(m.text, m.id) for m in fast.find(text)] == expected


def test_a_safe_surname_is_reported_alone() -> None:
    fast, reference = pair(False)
    text = "قال الجولاني"
    expected = [("الجولاني", "person-ahmed-al-sharaa", "surname", 0.6)]
    assert [(m.text, m.id, m.method, m.score) for m in reference.find(text)] == expected
    assert [(m.text, m.id, m.method, m.score) for m in fast.find(text)] == expected


def _abbas(alias: str) -> list[tuple[str, str, float]]:
    entry = ref._entry("abbas", "person", "أحمد عباس", aliases=(alias,))
    own = ref.Gazetteer("own", "1.0.0", [entry])
    found = Matcher([own], safe_words={"عباس"}).find("قال عباس")
    return [(m.text, m.method, m.score) for m in found]


def test_a_safe_surname_alias_is_reported_however_it_is_written() -> None:
    assert _abbas("عبّاس") == [("عباس", "surname", 0.6)]
    assert _abbas("عباس") == [("عباس", "surname", 0.6)]


def test_a_city_cue_with_a_proclitic_picks_the_city() -> None:
    fast, reference = pair(False)
    text = "بالعاصمة تونس"
    expected = [("تونس", "tn-tunis", ("cue: بالعاصمه",))]
    assert [(m.text, m.id, m.evidence) for m in reference.find(text)] == expected
    assert [(m.text, m.id, tuple(map(str, m.evidence))) for m in fast.find(text)] == expected


def test_document_evidence_survives_a_window_without_names() -> None:
    fast, reference = pair(True)
    text = "قال المغاربة. " + "قال الوزير. " * 8000 + "وزارة الداخلية"
    expected = [("وزارة الداخلية", "ag-interior", "context")]
    assert [(m.text, m.id, m.method) for m in reference.find(text)] == expected
    assert [(m.text, m.id, m.method) for m in fast.find(text)] == expected
