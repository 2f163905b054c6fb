"""Build the compact NER gazetteer from ../shared/data/gazetteers, pycountry and Babel (CLDR).

Writes ``src/arnews_nlp/resources/gazetteers/gazetteer.tsv``: one ``phrase<TAB>CATEGORY``
per line, phrases folded with :func:`arnews_nlp.ner.wordforms.key`, sorted, unique.
Only names (facts) are kept, never running text.

Categories:
    COUNTRY   country names (shared TSV = pycountry + CLDR; Babel territories; common short forms)
    BIGCITY   cities of >= 1M people (GeoNames cities15000)
    CITY      other cities (GeoNames cities15000, CLDR time-zone exemplar cities)
    REGION    continents and world regions (CLDR numeric territories, a short list)
    NAT       nationality / group adjectives and plurals (nisba forms, arwikicats, a short list,
              and the regular nisba of every one-word country name: الكاميرون → كاميروني)
    ORGKW, LOCKW, FACKW, GPEKW   head nouns that start names of that type (مطار، نهر، وزارة ...)
    WORKKW    nouns that introduce the title of a work (برنامج، رواية، فيلم، بعنوان ...)
    TITLE     honorifics and offices that precede person names (الرئيس، وزير ...)
    OCCHEAD   heads of office titles (see arnews_nlp.ner.refine)

usage: python scripts/build_gazetteers.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from arnews_nlp.ner.wordforms import key  # noqa: E402

SHARED = ROOT / ".." / "shared" / "data" / "gazetteers"
OUT = ROOT / "src" / "arnews_nlp" / "resources" / "gazetteers" / "gazetteer.tsv"

COUNTRY_ALIASES = [
    "سوريا",
    "سورية",
    "بريطانيا",
    "امريكا",
    "أمريكا",
    "أميركا",
    "الولايات المتحدة",
    "فلسطين",
    "إسرائيل",
    "روسيا",
    "إيران",
    "كوريا الشمالية",
    "كوريا الجنوبية",
    "الإمارات",
    "السعودية",
    "الكويت",
    "قطر",
    "البحرين",
    "عمان",
    "اليمن",
    "الأردن",
    "لبنان",
    "العراق",
    "مصر",
    "ليبيا",
    "تونس",
    "الجزائر",
    "المغرب",
    "موريتانيا",
    "السودان",
    "الصومال",
    "جيبوتي",
    "جزر القمر",
    "تركيا",
    "ألمانيا",
    "فرنسا",
    "إيطاليا",
    "إسبانيا",
    "الصين",
    "اليابان",
    "الهند",
    "باكستان",
    "أفغانستان",
    "الفاتيكان",
    "هولندا",
    "بلجيكا",
    "سويسرا",
    "النمسا",
    "اليونان",
    "أوكرانيا",
]

REGIONS = [
    "الشرق الأوسط",
    "الشرق الاوسط",
    "الخليج",
    "الخليج العربي",
    "الخليج الفارسي",
    "شمال أفريقيا",
    "المغرب العربي",
    "الشام",
    "بلاد الشام",
    "الجزيرة العربية",
    "شبه الجزيرة العربية",
    "البلقان",
    "القوقاز",
    "آسيا الوسطى",
    "أوروبا",
    "آسيا",
    "أفريقيا",
    "إفريقيا",
    "أمريكا اللاتينية",
    "أميركا اللاتينية",
    "الساحل",
    "القرن الأفريقي",
]

NISBA = (
    "سوري عراقي لبناني مصري سعودي أردني فلسطيني إسرائيلي إيراني تركي روسي أمريكي أميركي بريطاني فرنسي "
    "ألماني إيطالي إسباني صيني ياباني هندي باكستاني أفغاني يمني عماني قطري كويتي بحريني إماراتي ليبي تونسي "
    "جزائري مغربي موريتاني سوداني صومالي إثيوبي إريتري كيني نيجيري كردي عربي أوروبي أفريقي إفريقي آسيوي "
    "خليجي كوري فيتنامي إندونيسي ماليزي فلبيني تايلاندي أسترالي كندي مكسيكي برازيلي أرجنتيني فنزويلي كوبي "
    "يوناني قبرصي أوكراني بولندي هولندي بلجيكي سويسري نمساوي سويدي نرويجي دنماركي فنلندي إيرلندي برتغالي "
    "روماني صربي بوسني ألباني أرمني أذربيجاني جورجي أوزبكي كازاخي طاجيكي شيشاني سني شيعي علوي درزي مسيحي "
    "يهودي قبطي إيزيدي آشوري سرياني تركماني بلوشي بشتوني أمازيغي إنجليزي إنكليزي اسكتلندي ويلزي عاجي"
).split()
GROUP_PLURALS = (
    "العرب عرب الأكراد أكراد الأتراك أتراك الروس الفرس الأفغان الألمان الأمريكان الأميركان اليهود يهود "
    "المسلمون المسلمين مسلمون مسلمين الشيعة السنة الدروز الأقباط البدو المغاربة الأوروبيون الأوروبيين "
    "الإيزيديون الإيزيديين الأمازيغ الصرب البشتون الطوارق الحوثيون الحوثيين"
).split()

ORGKW = (
    "وزارة حزب جامعة شركة منظمة مجلس هيئة جمعية اتحاد بنك مصرف وكالة صحيفة قناة جبهة حركة لجنة مؤسسة "
    "جيش قوات تنظيم جماعة ائتلاف تحالف محكمة برلمان مفوضية صندوق نادي فريق مركز معهد أكاديمية إذاعة "
    "تلفزيون مجموعة منتدى رابطة نقابة كلية جهاز مديرية دائرة سلطة"
).split()
LOCKW = "نهر بحر جبل جبال مخيم منطقة صحراء خليج وادي جزيرة جزر محيط بحيرة سهل هضبة قارة إقليم ريف حوض".split()
FACKW = (
    "مطار ميناء مسجد كنيسة قصر فندق سجن مستشفى برج ملعب مبنى ساحة ميدان شارع جسر سد معبر قاعدة مرفأ محطة "
    "معتقل قلعة متحف استاد مجمع"
).split()
# Nouns that introduce the title of a work (programme, novel, film ...), often quoted.
WORKKW = (
    "برنامج برنامجا برنامجه برنامجها بعنوان عنوان فيلم فيلما مسلسل رواية روايته كتاب كتابه قصيدة مسرحية أغنية "
    "ألبوم ديوان"
).split()
GPEKW = "مدينة محافظة ولاية بلدة قرية عاصمة إمارة مملكة جمهورية دولة مقاطعة ناحية قضاء".split()
TITLES = (
    "الرئيس السيد السيدة الشيخ الدكتور الملك الأمير العاهل الجنرال العقيد اللواء العميد المشير الفريق "
    "الرئيسة الوزير الوزيرة النائب الإمام الأمين المستشار المستشارة السفير السفيرة القاضي البابا المطران "
    "الحاخام الأستاذ المهندس المحامي الكاتب الفنان الفنانة المدرب اللاعب الملكة الأميرة ولي"
).split()
OCCHEAD = (
    "وزير وزيرة رئيس رئيسة نائب أمين مدير مديرة سفير سفيرة قائد محافظ مستشار مستشارة متحدث ناطق مبعوث "
    "مندوب وكيل زعيم ملك ملكة أمير أميرة مرشد قاضي مدعي مفوض منسق مساعد سكرتير حاكم عمدة قنصل عاهل "
    "الرئيس الرئيسة الوزير الوزيرة النائب الأمين المدير السفير القائد المحافظ المستشار المتحدث الناطق "
    "المبعوث المندوب الوكيل الزعيم الملك الملكة الأمير العاهل المرشد القاضي المدعي المفوض المنسق الحاكم "
    "القنصل ولي"
).split()


def _nisba_forms(stem: str) -> list[str]:
    forms = [stem, stem + "ة", stem + "ون", stem + "ين", stem + "ات"]
    return forms + ["ال" + f for f in forms]


def _nisba_of_country(name: str) -> str | None:
    """The masculine nisba adjective of a one-word country name, by the regular rule.

    ``الكاميرون`` → ``كاميروني``, ``إسبانيا`` → ``إسباني``, ``فرنسا`` → ``فرنسي``, ``السعودية`` → ``سعودي``.
    Irregular ones (``النمسا`` → ``نمساوي``) come out as non-words, which match nothing. Names
    ending in ي (``مالي``) are left alone.
    """
    if " " in name or len(name) < 3 or name.endswith("ي"):
        return None
    stem = name[2:] if name.startswith("ال") else name
    for ending in ("يا", "ية", "ة", "ا"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 2:
            stem = stem[: -len(ending)]
            break
    return stem + "ي"


def _split_names(cell: str) -> list[str]:
    return [n.strip() for n in cell.split("|") if n.strip()]


def build() -> list[tuple[str, str]]:
    from babel import Locale  # training-only dependency

    rows: set[tuple[str, str]] = set()

    def add(phrase: str, cat: str) -> None:
        k = " ".join(key(phrase).replace("،", " ").split())
        if len(k) >= 2:
            rows.add((k, cat))

    countries: list[str] = []
    with open(SHARED / "countries_ar_en.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            for name in _split_names(rec["arabic_names"]):
                add(name, "COUNTRY")
                countries.append(name)
    ar = Locale("ar")
    for code, name in ar.territories.items():
        add(name, "REGION" if code.isdigit() else "COUNTRY")
    for name in COUNTRY_ALIASES:
        add(name, "COUNTRY")
    for name in REGIONS:
        add(name, "REGION")
    with open(SHARED / "cities15000_ar_en.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            cat = "BIGCITY" if int(rec["population"] or 0) >= 1_000_000 else "CITY"
            for name in _split_names(rec["arabic_alternates"]):
                add(name, cat)
    with open(SHARED / "cldr_tz_cities_ar_en.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            add(rec["name_ar"], "CITY")
    nat = json.loads((SHARED / "arwikicats" / "all_nat_as_en.json").read_text(encoding="utf-8"))
    for forms in nat.values():
        for field in ("male", "males", "female", "females", "the_male", "the_female"):
            if forms.get(field):
                add(forms[field], "NAT")
    derived = {n for n in map(_nisba_of_country, countries + COUNTRY_ALIASES) if n}
    for stem in sorted(set(NISBA) | derived):
        for form in _nisba_forms(stem):
            add(form, "NAT")
    for word in GROUP_PLURALS:
        add(word, "NAT")
    for cat, words in (
        ("ORGKW", ORGKW),
        ("LOCKW", LOCKW),
        ("FACKW", FACKW),
        ("GPEKW", GPEKW),
        ("WORKKW", WORKKW),
        ("TITLE", TITLES),
        ("OCCHEAD", OCCHEAD),
    ):
        for w in words:
            add(w, cat)
    return sorted(rows)


def render(rows: list[tuple[str, str]]) -> str:
    return "".join(f"{p}\t{c}\n" for p, c in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is stale", file=sys.stderr)
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {text.count(chr(10))} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
