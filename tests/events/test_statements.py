"""STATEMENT: speakers, content, channels, continuation and what is skipped."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from arnews_nlp.doc import Doc

from .conftest import args_of


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "قال وزير الصحة المغربي خالد آيت الطالب: «اللقاحات ستصل الأسبوع المقبل».",
            "خالد آيت الطالب",
            "اللقاحات ستصل الأسبوع المقبل",
        ),
        (
            'أكدت وزارة الخارجية القطرية أن "الحوار هو الطريق الوحيد". وغادر الوفد.',
            "وزارة الخارجية القطرية",
            "الحوار هو الطريق الوحيد",
        ),
        (
            "صرح رئيس البرلمان العراقي سليم الجبوري بأن الجلسة ستعقد في موعدها.",
            "سليم الجبوري",
            "الجلسة ستعقد في موعدها",
        ),
        (
            "«لن نقبل بأي تسوية على حساب شعبنا»، قال الرئيس الفلسطيني محمود عباس.",
            "محمود عباس",
            "لن نقبل بأي تسوية على حساب شعبنا",
        ),
        ("صحيفة الشرق الأوسط قالت إن المفاوضات دخلت مرحلة حاسمة.", "صحيفة الشرق الأوسط", "المفاوضات دخلت مرحلة حاسمة"),
    ],
)
def test_speaker_and_content(run: Callable[..., Doc], text: str, speaker: str, content: str) -> None:
    got = args_of(run(text), "STATEMENT")
    assert ("speaker", speaker) in got
    assert ("content", content) in got


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("وقال المتحدث باسم الحكومة عمر خليل في بيان إن الانتخابات ستجري في موعدها.", "بيان"),
        ('وكتب الوزير حسن دياب على حسابه في منصة X: "الإصلاح بدأ".', "منصة X"),
        ("وقال وزير الدفاع التركي خلوصي أكار لوكالة الأناضول إن العملية مستمرة.", "وكالة الأناضول"),
        ("وأوضح رئيس الوزراء فايز السراج في مؤتمر صحفي أن الهدنة صامدة.", "مؤتمر صحفي"),
    ],
)
def test_channels(run: Callable[..., Doc], text: str, channel: str) -> None:
    assert ("channel", channel) in args_of(run(text), "STATEMENT")


def test_continuation_keeps_the_speaker_and_one_canonical(run: Callable[..., Doc]) -> None:
    doc = run(
        "قال وزير الخارجية العماني يوسف بن علوي إن السلطنة تدعم الحل السياسي. "
        "وأضاف بن علوي: «لا بديل عن الحوار». وتابع أن بلاده ستواصل جهودها."
    )
    speakers = [a for e in doc.events for a in e.arguments if a.role == "speaker"]
    assert len(doc.events) == 3
    assert {doc.text[a.start : a.end] for a in speakers} == {"يوسف بن علوي"}
    assert {a.canonical for a in speakers} == {"يوسف بن علوي"}


def test_participle_takes_the_clause_subject(run: Callable[..., Doc]) -> None:
    doc = run('وعلق السفير الكويتي فهد العنزي على القرار قائلاً: "إنه خطوة في الاتجاه الصحيح".')
    assert ("speaker", "فهد العنزي") in args_of(doc, "STATEMENT")
    assert doc.text[doc.events[0].trigger_start : doc.events[0].trigger_end] == "قائلاً"


def test_generic_speakers_are_skipped_and_do_not_leak(run: Callable[..., Doc]) -> None:
    doc = run(
        "قال وزير المالية سامي حداد إن الموازنة جاهزة. "
        "وقالت مصادر مطلعة إن التصويت سيتأخر. وأضافت أن الخلاف ما زال قائماً. "
        "وأكد المشاركون أهمية الإصلاح."
    )
    contents = [t for r, t in args_of(doc, "STATEMENT") if r == "content"]
    assert contents == ["الموازنة جاهزة"]


def test_negated_and_pronoun_speakers(run: Callable[..., Doc]) -> None:
    assert run("ولم يقل الوزير إن الاتفاق انهار.").events == []
    assert run("وقال هو إن الأمر لم يحسم بعد.").events == []


def test_content_stops_at_next_reporting_verb(run: Callable[..., Doc]) -> None:
    doc = run("أكد رئيس الحكومة نجيب ميقاتي أن لبنان ملتزم بالإصلاحات، مشيراً إلى أن الدعم الدولي ضروري.")
    contents = [t for r, t in args_of(doc, "STATEMENT") if r == "content"]
    assert contents == ["لبنان ملتزم بالإصلاحات", "الدعم الدولي ضروري"]


def test_relayed_by_agency_is_channel_not_speaker(run: Callable[..., Doc]) -> None:
    doc = run("قال وزير النفط العراقي جبار اللعيبي لرويترز إن الإنتاج سيرتفع.")
    got = args_of(doc, "STATEMENT")
    assert ("speaker", "جبار اللعيبي") in got
    assert ("channel", "رويترز") in got


def test_explicit_unusable_subject_does_not_fall_back(run: Callable[..., Doc]) -> None:
    doc = run("قال وزير الإعلام فادي يونس إن البث سيستأنف. وأعلنت السلطات أن الطرق مغلقة.")
    contents = [t for r, t in args_of(doc, "STATEMENT") if r == "content"]
    assert contents == ["البث سيستأنف"]


def test_feminine_verb_does_not_continue_a_masculine_speaker(run: Callable[..., Doc]) -> None:
    doc = run("وقال الطبيب كريم منصور إن الحالة مستقرة. وقالت إن العلاج سيستمر أسبوعاً.")
    assert [t for r, t in args_of(doc, "STATEMENT") if r == "content"] == ["الحالة مستقرة"]
    doc = run("وقالت الطبيبة سلمى منصور إن الحالة مستقرة. وأضافت أن العلاج سيستمر أسبوعاً.")
    assert len(doc.events) == 2


def test_verbs_needing_a_complement(run: Callable[..., Doc]) -> None:
    assert run("وشددت السلطات المحلية الإجراءات الأمنية حول المطار.").events == []
    doc = run("وشدد رئيس الوزراء حيدر العبادي على ضرورة حماية المتظاهرين.")
    assert ("content", "ضرورة حماية المتظاهرين") in args_of(doc, "STATEMENT")


def test_function_words_and_participles_are_not_speakers(run: Callable[..., Doc]) -> None:
    doc = run("وقد كشف وزير النقل سامر الخطيب أن المطار سيفتح قريباً.")
    assert ("speaker", "سامر الخطيب") in args_of(doc, "STATEMENT")
    doc = run('وقال الرئيس كمال داود: "نحن جاهزون". وأضاف مخاطبا الصحفيين: "الانتخابات في موعدها".')
    assert {t for r, t in args_of(doc, "STATEMENT") if r == "speaker"} == {"كمال داود"}


def test_appositive_and_bare_definite_subjects(run: Callable[..., Doc]) -> None:
    doc = run("أعلنت وزارة الدفاع البريطانية، الخميس، عن إرسال سفينتين إلى المنطقة.")
    assert ("content", "إرسال سفينتين إلى المنطقة") in args_of(doc, "STATEMENT")
    doc = run("قال الوزير نبيل شعث إن المفاوضات توقفت. وقالت الرابطة الوطنية إن الإضراب مستمر.")
    speakers = [t for r, t in args_of(doc, "STATEMENT") if r == "speaker"]
    assert speakers == ["نبيل شعث", "الرابطة الوطنية"]


def test_plural_nouns_are_not_names(run: Callable[..., Doc]) -> None:
    doc = run("وأضاف تصريحات المسؤولين أن الوضع هادئ.")
    assert all(t != "تصريحات المسؤولين" for r, t in args_of(doc) if r == "speaker")


def test_relaying_agency_after_the_content_is_the_channel(run: Callable[..., Doc]) -> None:
    doc = run("أعلن الجيش اللبناني أنه أوقف شبكة لتهريب الأسلحة، حسب الوكالة الوطنية للإعلام.")
    got = args_of(doc, "STATEMENT")
    assert ("content", "أوقف شبكة لتهريب الأسلحة") in got
    assert ("channel", "الوكالة الوطنية للإعلام") in got


def test_generic_plural_speakers_but_not_names_ending_alike(run: Callable[..., Doc]) -> None:
    assert run("قال دبلوماسيون غربيون إن المحادثات تعثرت.").events == []
    assert run("وقال باحثون إن اللقاح فعال.").events == []
    doc = run('وكتب ماكرون على تويتر: "أوروبا ستبقى موحدة".')
    assert ("speaker", "ماكرون") in args_of(doc, "STATEMENT")


def test_subject_inside_a_reported_clause(run: Callable[..., Doc]) -> None:
    doc = run("وأشار المتحدث باسم الوزارة هشام خليل إلى أن الحكومة الأردنية أكدت التزامها بالاتفاق.")
    got = args_of(doc, "STATEMENT")
    assert ("speaker", "هشام خليل") in got
    assert ("speaker", "الحكومة الأردنية") in got
    assert ("content", "التزامها بالاتفاق") in got


def test_relayed_quote_via_agency(run: Callable[..., Doc]) -> None:
    doc = run("ونقلت وكالة رويترز عن وزير النفط العماني محمد الرمحي قوله إن السوق متوازنة.")
    got = args_of(doc, "STATEMENT")
    assert ("speaker", "محمد الرمحي") in got
    assert ("channel", "وكالة رويترز") in got
    assert ("content", "السوق متوازنة") in got
    assert run("ونقلت وسائل إعلام عن مصدر مطلع قوله إن الاتفاق قريب.").events == []


def test_short_quoted_names_are_not_the_content(run: Callable[..., Doc]) -> None:
    doc = run('وأوضح المدير التنفيذي سامي يوسف في مقابلة مع "العربية" أن الأسعار ستنخفض.')
    assert [t for r, t in args_of(doc, "STATEMENT") if r == "content"] == ["الأسعار ستنخفض"]
    doc = run('أعلنت شركة "نور للطاقة"، الأحد، بدء تشغيل محطتها الجديدة.')
    assert [t for r, t in args_of(doc, "STATEMENT") if r == "content"] == ["بدء تشغيل محطتها الجديدة"]
