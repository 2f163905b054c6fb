"""Word lists for dates: month names of every family, weekdays, relative words.

Entries are written in ordinary Arabic spelling; :class:`PhraseTable` folds them
(hamza-alef forms, ى/ي, ة/ه) so spelling variants of those letters need no entry.
"""

from __future__ import annotations

from typing import Literal

from arnews_nlp.temporal.phrases import PhraseTable

__all__ = [
    "AMBIGUOUS_MONTHS",
    "DIRECTIONS",
    "EDGES",
    "FUTURE_CUES",
    "GREGORIAN_MONTHS",
    "HIJRI_MARKERS",
    "HIJRI_MONTHS",
    "MILADI_MARKERS",
    "MONTH_WORD",
    "NOT_FUTURE_PREFIXES",
    "NOT_FUTURE_VERBS",
    "PERIODS",
    "RELATIVE_DAYS",
    "TIMES_OF_DAY",
    "WEEKDAYS",
    "YEAR_PREPOSITIONS",
    "YEAR_WORDS",
    "Direction",
]

Direction = Literal["past", "future", "current"]

_MONTH_SPELLINGS: dict[int, tuple[str, ...]] = {
    # Levantine/Iraqi (Syriac), Egyptian/Gulf (from Latin), Maghrebi (French / Moroccan).
    1: ("كانون الثاني", "كانون ثاني", "يناير", "جانفي", "جانفييه", "ينايِر"),
    2: ("شباط", "فبراير", "فبرایر", "فيفري", "فبرير"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل", "افريل", "ابرايل"),
    5: ("أيار", "آيار", "مايو", "ماي", "مايس"),
    6: ("حزيران", "يونيو", "يونيه", "يونية", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "يولية", "جويلية", "جويليه", "يوليوز"),
    8: ("آب", "أغسطس", "اغسطس", "أغسطوس", "أوت", "غشت"),
    9: ("أيلول", "سبتمبر", "سپتمبر", "شتنبر"),
    10: ("تشرين الأول", "تشرين أول", "أكتوبر", "اكتوبر", "أوكتوبر"),
    11: ("تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"),
    12: ("كانون الأول", "كانون أول", "ديسمبر", "دجنبر", "دیسمبر"),
}
GREGORIAN_MONTHS: PhraseTable[int] = PhraseTable(
    {name: month for month, names in _MONTH_SPELLINGS.items() for name in names}
)
# Folded month names that are also common words (أب "father", مارس "practised",
# نيسان the car maker, ماي / جوان names): alone, they need a day, a year, شهر or a
# second month name before they count as a date.
AMBIGUOUS_MONTHS = frozenset({"اب", "مارس", "نيسان", "ماي", "جوان", "مايس", "اوت"})

HIJRI_MONTHS: PhraseTable[int] = PhraseTable(
    {
        "محرم": 1, "المحرم": 1, "صفر": 2,
        "ربيع الأول": 3, "ربيع أول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4,
        "جمادى الأولى": 5, "جمادى الأول": 5, "جمادي الأولى": 5,
        "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
        "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
        "ذو القعدة": 11, "ذي القعدة": 11, "ذا القعدة": 11,
        "ذو الحجة": 12, "ذي الحجة": 12, "ذا الحجة": 12,
    }
)  # fmt: skip
HIJRI_MARKERS = frozenset({"ه", "هجري", "هجريه", "للهجره"})
MILADI_MARKERS = frozenset({"م", "ميلادي", "ميلاديه", "للميلاد"})

# Python weekday numbers: Monday is 0.
WEEKDAYS: PhraseTable[int] = PhraseTable(
    {
        "الإثنين": 0, "الاثنين": 0, "الأثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الأربعا": 2,
        "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
    }
)  # fmt: skip

# Days relative to the publication date.
RELATIVE_DAYS: PhraseTable[int] = PhraseTable(
    {
        "اليوم": 0, "هذا اليوم": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "يوم أمس": -1,
        "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2, "يوم أول أمس": -2,
        "غدا": 1, "غداً": 1, "يوم غد": 1, "الغد": 1, "يوم الغد": 1, "بعد غد": 2,
        "الليلة الماضية": -1, "ليلة أمس": -1, "مساء أمس": -1, "صباح اليوم": 0,
    }
)  # fmt: skip

# Time-of-day words kept inside a span before a day expression ("مساء الأربعاء").
TIMES_OF_DAY = frozenset(
    {"مساء", "صباح", "ليل", "ليله", "فجر", "ظهر", "عصر", "ظهيره", "ضحي", "نهار", "صبيحه", "عشيه", "منتصف"}
)
# Edge words kept inside a span before a month, year or period ("مطلع العام المقبل").
EDGES = frozenset({"مطلع", "اوائل", "اواخر", "منتصف", "نهايه", "بدايه", "اواسط", "اخر", "اول", "مستهل"})

DIRECTIONS: dict[str, Direction] = {
    "الماضي": "past", "الماضيه": "past", "المنصرم": "past", "المنصرمه": "past",
    "الفائت": "past", "الفائته": "past", "المنقضي": "past",
    "المقبل": "future", "المقبله": "future", "القادم": "future", "القادمه": "future",
    "الجاري": "current", "الجاريه": "current", "الحالي": "current", "الحاليه": "current",
}  # fmt: skip

# Period nouns that take a direction: "الشهر الماضي", "هذا العام".
PERIODS: dict[str, Literal["week", "month", "year"]] = {
    "الشهر": "month", "العام": "year", "السنه": "year", "الاسبوع": "week",
}  # fmt: skip
MONTH_WORD = frozenset({"شهر", "الشهر"})
YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه", "عامي"})
# Prepositions after which a bare four-digit number is read as a year ("في 2014").
YEAR_PREPOSITIONS = frozenset(
    {"في", "منذ", "حتي", "بحلول", "خلال", "قبل", "بعد", "الي", "من", "مطلع", "اوائل", "اواخر",
     "منتصف", "نهايه", "بدايه", "اواسط", "ابان", "طيله", "مستهل"}
)  # fmt: skip

# Words that put a following date in the future (folded).
FUTURE_CUES = frozenset(
    {"سوف", "المقرر", "المزمع", "المرتقب", "المنتظر", "المتوقع", "يعتزم", "تعتزم", "يرتقب", "سيتم", "بحلول"}
)
# Folded words that start like a future verb (س + imperfect prefix) but are nouns.
NOT_FUTURE_VERBS = frozenset(
    {
        "السنغال",
        "ستاد",
        "ستار",
        "ستالين",
        "ستراتيجيه",
        "ستراسبورغ",
        "سته",
        "ستوكهولم",
        "ستون",
        "ستين",
        "سنجار",
        "سنغافوره",
        "سنغال",
        "سنه",
        "سنوات",
        "سنوي",
        "سنويه",
        "سنين",
        "سيئ",
        "سيئه",
        "سياج",
        "سياحه",
        "سياحي",
        "سياده",
        "سيارات",
        "سياره",
        "سياسات",
        "سياسه",
        "سياسي",
        "سياسيه",
        "سياسيون",
        "سياسيين",
        "سياق",
        "سيبيريا",
        "سيتي",
        "سيد",
        "سيدات",
        "سيدني",
        "سيده",
        "سيرجي",
        "سيرلانكا",
        "سيره",
        "سيريلانكا",
        "سيزون",
        "سيطره",
        "سيف",
        "سيلفا",
        "سيمون",
        "سيناء",
        "سيناريو",
        "سيناريوهات",
        "سينما",
        "سينمائي",
        "سيول",
    }
)
# Beginnings of folded nouns and names that look like future verbs ("سيطرة", "سيرغي").
NOT_FUTURE_PREFIXES: tuple[str, ...] = (
    "سيطر", "سيئ", "سنت", "ستري", "سيرغ", "سيرج", "سيرخ", "سيريب", "سيما", "سيمب", "سيميو", "سيغال",
    "سيغور", "سينا", "سيزار", "سيدن", "سيول", "سياس", "سيلف", "سيمو", "سيبير", "ستيف", "ستوك",
    "سنغاف", "سنوي", "سنين", "ستين", "ستون", "سيناري", "سينم", "سيريلان", "سيرلان", "ستراس", "ستراتيج",
)  # fmt: skip
