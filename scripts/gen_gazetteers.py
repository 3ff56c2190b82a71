#!/usr/bin/env python3
"""Regenerates the licence-clean gazetteers in assets/ner/ from Debian's CLDR and iso-codes data.

Run from the repository root after `apt-get install -y unicode-cldr-core iso-codes`:

    python3 scripts/gen_gazetteers.py

The output is sorted and deduplicated, so running it twice gives the same bytes.
"""
import gettext
import re
import xml.etree.ElementTree as ET
from pathlib import Path

CLDR_AR = Path("/usr/share/unicode/cldr/common/main/ar.xml")
ISO_3166_MO = Path("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")
ISO_3166_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
OUT = Path("assets/ner")

# CLDR territory codes that name organisations or currency zones rather than places.
CLDR_ORGANISATIONS = {"EU", "UN", "EZ"}
# CLDR placeholders that name no place.
CLDR_SKIP = {"ZZ", "QO"}

# International organisations, compiled by the qari developers from the organisations' own
# Arabic names (public facts, no third-party text), released under the project's licence.
ORGANISATIONS = [
    "الأمم المتحدة", "مجلس الأمن", "الجمعية العامة للأمم المتحدة", "حلف شمال الأطلسي",
    "حلف الناتو", "الناتو", "جامعة الدول العربية", "الجامعة العربية", "الاتحاد الأفريقي",
    "الاتحاد الإفريقي", "الاتحاد الأوروبي", "منظمة التعاون الإسلامي", "منظمة المؤتمر الإسلامي",
    "مجلس التعاون الخليجي", "منظمة الصحة العالمية", "منظمة التجارة العالمية", "صندوق النقد الدولي",
    "البنك الدولي", "منظمة الأوبك", "أوبك", "اليونسكو", "اليونيسف", "منظمة العفو الدولية",
    "الصليب الأحمر", "اللجنة الدولية للصليب الأحمر", "الهلال الأحمر", "الوكالة الدولية للطاقة الذرية",
    "محكمة العدل الدولية", "المحكمة الجنائية الدولية", "الإنتربول", "مجموعة العشرين",
    "مجموعة السبع", "مجموعة الثماني", "منظمة شنغهاي للتعاون", "رابطة دول جنوب شرق آسيا", "آسيان",
    "الاتحاد المغاربي", "اتحاد المغرب العربي", "مفوضية الأمم المتحدة لشؤون اللاجئين",
    "برنامج الأغذية العالمي", "منظمة الأغذية والزراعة", "الفاو", "منظمة العمل الدولية",
    "منظمة الأمن والتعاون في أوروبا", "المجموعة الاقتصادية لدول غرب أفريقيا", "إيكواس",
    "البنك الأفريقي للتنمية", "البنك الإسلامي للتنمية", "وكالة الأنباء الفرنسية", "رويترز",
    "أسوشيتد برس", "وكالة الأنباء الألمانية", "منظمة التحرير الفلسطينية", "الفيفا",
    "اللجنة الأولمبية الدولية", "وكالة ناسا", "ناسا",
]

# Cities and provinces of Egypt and Syria that Arabic books and news name often and the CLDR
# and ISO lists lack, compiled by the qari developers from common knowledge (public facts, no
# third-party text), released under the project's licence. Names that are as often common words
# are left out (البحيرة: the lake, الشرقية: eastern), and so are names the labelled training
# text holds (الإسكندرية, الجيزة, الفيوم, دمياط, حلب): an entry changes the tagger's features
# for them, and the shipped model was trained without it; there الأستانة is even a shrine in
# Mashhad (الأستانة الرضوية), not Istanbul.
PLACES = [
    "بني سويف", "المنيا", "أسيوط", "سوهاج", "الأقصر", "أسوان", "بورسعيد", "الإسماعيلية", "السويس",
    "طنطا", "الزقازيق", "دمنهور", "شبين الكوم", "العريش", "حمص", "اللاذقية",
]

# Official long names of states, each with the short name news text mostly uses, compiled by the
# qari developers from the states' own Arabic names (public facts, no third-party text), released
# under the project's licence. The pairs let a text that writes both (الولايات المتحدة الأميركية,
# then الولايات المتحدة) list one place.
OFFICIAL_NAMES = {
    "المملكة المغربية": "المغرب",
    "الجمهورية الجزائرية": "الجزائر",
    "الجمهورية الجزائرية الديمقراطية الشعبية": "الجزائر",
    "الجمهورية التونسية": "تونس",
    "دولة ليبيا": "ليبيا",
    "جمهورية مصر العربية": "مصر",
    "جمهورية السودان": "السودان",
    "الجمهورية الإسلامية الموريتانية": "موريتانيا",
    "المملكة العربية السعودية": "السعودية",
    "المملكة الأردنية الهاشمية": "الأردن",
    "الجمهورية العربية السورية": "سوريا",
    "الجمهورية اللبنانية": "لبنان",
    "جمهورية العراق": "العراق",
    "دولة الكويت": "الكويت",
    "دولة قطر": "قطر",
    "مملكة البحرين": "البحرين",
    "سلطنة عمان": "عمان",
    "دولة الإمارات العربية المتحدة": "الإمارات",
    "الإمارات العربية المتحدة": "الإمارات",
    "الجمهورية اليمنية": "اليمن",
    "دولة فلسطين": "فلسطين",
    "جمهورية جيبوتي": "جيبوتي",
    "جمهورية الصومال": "الصومال",
    "الولايات المتحدة الأمريكية": "الولايات المتحدة",
    "الولايات المتحدة الأميركية": "الولايات المتحدة",
    "جمهورية إيران الإسلامية": "إيران",
    "الجمهورية الإسلامية الإيرانية": "إيران",
    "الجمهورية التركية": "تركيا",
    "الجمهورية الفرنسية": "فرنسا",
    "المملكة الإسبانية": "إسبانيا",
    "جمهورية ألمانيا الاتحادية": "ألمانيا",
    "الاتحاد الروسي": "روسيا",
    "جمهورية الصين الشعبية": "الصين",
    "جمهورية مالي": "مالي",
    "جمهورية النيجر": "النيجر",
    "جمهورية تشاد": "تشاد",
    "جمهورية السنغال": "السنغال",
    "جمهورية نيجيريا الاتحادية": "نيجيريا",
}

# Given names, compiled by the qari developers from common knowledge of Arabic naming and of how
# Arabic news writes foreign first names (public facts, no third-party text), released under the
# project's licence. Only given names: a first name before an unknown word is the strongest sign
# of a person the training text never mentioned. Words that are far more often something else
# (على folds to علي, مات died, دان condemned, جمعة Friday) are left out.
ARABIC_GIVEN_NAMES = """
أحمد محمد محمود مصطفى حسن حسين حسني حسام خالد خليل خليفة سعد سعود سلمان سليمان سالم سامي سمير
سميرة عمر عمرو عثمان عادل عاطف عزت عزيز عصام عماد عمار فاروق فؤاد فهد فيصل فايز فتحي
فريد فاطمة فادي كمال مجدي مراد مروان منصور منير موسى مازن ماهر مالك ناصر نبيل نجيب نزار
نصر نعيم نبيه نادر نادية نوال هاني هشام هيثم وائل وليد ياسر ياسين يحيى يوسف يونس إبراهيم إسماعيل
إسحاق أسامة أشرف أكرم أيمن أنور إياد إيهاب باسل بسام بشار بشير بكر توفيق ثامر جمال جميل
جواد جورج حازم حاتم حافظ حامد حمد حمدي حمزة حميد حيدر رائد راشد رامي رضا رفيق رفعت رياض
زكي زكريا زياد زيد زينب سعيد سيف شريف شوقي شاكر صابر صالح صبري صدام صلاح طارق طلال طه ظافر
عارف عاصم عامر عباس عدنان عرفات علاء عيسى غازي غسان فارس فرج قاسم كريم لطفي لؤي ماجد
مجيد محسن مختار مدحت مرتضى مصطفي معاذ معتز مقتدى مهدي ممدوح منى مها ميشال ميشيل نايف نجلاء
نوري هالة هدى هند هيفاء وجدي وحيد وسام ياسمين يسرى أسماء آمنة عائشة خديجة مريم ليلى سلمى
سعاد سناء رانيا رشا ريم دعاء إلهام حنان سوزان عبير عفاف ابتسام جيهان شيرين نبيلة
    """.split()
# Compound names written as two words.
ARABIC_COMPOUND_NAMES = [
    "عبد الله", "عبد الرحمن", "عبد العزيز", "عبد الكريم", "عبد الرحيم", "عبد الحميد", "عبد المجيد",
    "عبد الحليم", "عبد الفتاح", "عبد الرزاق", "عبد الوهاب", "عبد اللطيف", "عبد القادر", "عبد الإله",
    "عبد الباسط", "عبد السلام", "عبد الناصر", "عبد الملك", "عبد الغني", "عبد الهادي", "عبد المنعم",
    "عبد الرؤوف", "عبد الجليل", "عبد العظيم", "عبد المحسن", "عبد الستار", "عبد الجبار", "عبد الواحد",
    "نور الدين", "صلاح الدين", "عز الدين", "علاء الدين", "سيف الدين", "جمال الدين", "بدر الدين",
    "شمس الدين", "خير الدين", "نصر الله", "فضل الله", "جاد الله", "عطا الله", "خير الله",
]
FOREIGN_GIVEN_NAMES = """
جون جيمس جورج جاك جاكلين جان جيم جيري جيف جيفري جوزيف جوزيه جوليا جوليان جاكوب ديفيد دانيال دانيل
دونالد ديك ديفيد دومينيك روبرت ريتشارد رونالد روبن رودولف روجر رومانو رينيه ريكاردو سام سامويل
ستيفن ستيف سيمون سيرغي سيرجي سيلفيو سارة ساندرا صوفيا فرانك فرانسوا فرانسيس فرانسيسكو فلاديمير فيليب
فيكتور فريدريك كارل كارلوس كريستوفر كريستيان كريستين كوفي كولن كوندوليزا كيم كيفن كين لاري لوران
لويس لوك ليونيد ليندا مارتن مارك ماركو ماريا ماري مارغريت مايكل ميشال ميخائيل مادلين ماثيو
نيكولا نيكولاس نيكول نيلسون هنري هيلاري هاري هانز هيلموت هوغو وليام ويليام والتر وارن ألبرت
ألكسندر أليكس أندرو أندريه أنطونيو أنتوني أنجيلا إيغور إيفان إدوارد إريك إيريك آرييل إيهود
أرييل أفيغدور بنيامين شمعون إسحق شاؤول موشيه يوسي عمير تسيبي بيل باراك بوب بيتر باتريك
بول بيير باولو بيرنار توم توماس توني تيم تيري جيرهارد غوردون غيرهارد غاري غراهام هيلين
    """.split()

def clean(name):
    return re.sub(r"\s+", " ", name).strip()

def cldr():
    root = ET.parse(CLDR_AR).getroot()
    places, orgs = set(), set()
    for t in root.iter("territory"):
        code, name = t.get("type"), clean(t.text or "")
        if not name or code in CLDR_SKIP:
            continue
        (orgs if code in CLDR_ORGANISATIONS else places).add(name)
    for zone in root.iter("zone"):
        if zone.get("type") == "Etc/Unknown":
            continue
        for city in zone.iter("exemplarCity"):
            if city.text:
                places.add(clean(city.text))
    return places, orgs

def iso_codes():
    import json
    tr = gettext.GNUTranslations(open(ISO_3166_MO, "rb"))
    names = set()
    for entry in json.load(open(ISO_3166_JSON))["3166-1"]:
        for key in ("name", "official_name", "common_name"):
            if key in entry:
                ar = tr.gettext(entry[key])
                if ar != entry[key]:
                    names.add(clean(ar))
    return names

def write(path, header, names):
    body = "\n".join(sorted(n for n in names if n))
    path.write_text("\n".join(header) + "\n" + body + "\n", encoding="utf-8")

def main():
    places, orgs = cldr()
    iso = iso_codes()
    write(OUT / "locations.txt", [
        "# Arabic names of countries, regions, continents and cities.",
        "# Sources: Unicode CLDR common/main/ar.xml (territory names and time-zone exemplar cities),",
        "#   Debian package unicode-cldr-core; Unicode licence (SPDX: Unicode-DFS-2016).",
        "# ISO 3166-1 country names and their Arabic translations from Debian's iso-codes",
        "#   (iso_3166-1.json, ar/iso_3166-1.mo); LGPL-2.1-or-later.",
        "# Cities and provinces the lists above lack: a list compiled by the qari developers, kept in",
        "#   scripts/gen_gazetteers.py under the project's licence (MIT OR Apache-2.0).",
        "# Generated by scripts/gen_gazetteers.py; do not edit by hand.",
    ], places | iso | set(PLACES))
    write(OUT / "aliases.txt", [
        "# Official long names of states and the short name of each, separated by a tab.",
        "# Source: a list compiled by the qari developers, kept in scripts/gen_gazetteers.py under",
        "#   the project's licence (MIT OR Apache-2.0).",
        "# Generated by scripts/gen_gazetteers.py; do not edit by hand.",
    ], {f"{long}\t{short}" for long, short in OFFICIAL_NAMES.items()})
    write(OUT / "organizations.txt", [
        "# Arabic names of international organisations.",
        "# Sources: Unicode CLDR common/main/ar.xml territory names EU, UN, EZ (Unicode-DFS-2016);",
        "#   a list compiled by the qari developers from the organisations' own Arabic names,",
        "#   kept in scripts/gen_gazetteers.py under the project's licence (MIT OR Apache-2.0).",
        "# Generated by scripts/gen_gazetteers.py; do not edit by hand.",
    ], orgs | set(ORGANISATIONS))

    write(OUT / "persons.txt", [
        "# Given names of people: common Arabic given names, compound names, and foreign given",
        "#   names as Arabic news writes them.",
        "# Source: a list compiled by the qari developers, kept in scripts/gen_gazetteers.py under",
        "#   the project's licence (MIT OR Apache-2.0).",
        "# Generated by scripts/gen_gazetteers.py; do not edit by hand.",
    ], set(ARABIC_GIVEN_NAMES) | set(ARABIC_COMPOUND_NAMES) | set(FOREIGN_GIVEN_NAMES))

if __name__ == "__main__":
    main()
