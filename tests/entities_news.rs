//! The recogniser on short news snippets written for these tests (unseen by the tagger).
#![allow(clippy::unwrap_used)]

use qari::entities::{Entity, Kind, Recogniser};

fn kind_of(es: &[Entity], name: &str) -> Option<Kind> {
    es.iter().find(|e| e.name == name).map(|e| e.kind)
}

/// How `text` writes each mention of `e`.
fn written<'t>(text: &'t str, e: &Entity) -> Vec<&'t str> {
    e.mentions
        .iter()
        .map(|m| text.get(m.clone()).unwrap_or(""))
        .collect()
}

#[test]
fn a_visit_names_the_minister_the_capitals_and_the_agency() {
    let text = "استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس وزير الخارجية المصري سامح شكري، \
                وبحث الجانبان الأوضاع في ليبيا والسودان. وقال ماكرون إن فرنسا تدعم جهود \
                الأمم المتحدة لوقف القتال في الخرطوم.";
    let es = Recogniser::embedded().recognise(text);
    assert_eq!(kind_of(&es, "باريس"), Some(Kind::Location));
    assert_eq!(kind_of(&es, "ليبيا"), Some(Kind::Location));
    assert_eq!(kind_of(&es, "الأمم المتحدة"), Some(Kind::Organization));
    let macron = es.iter().find(|e| e.name == "إيمانويل ماكرون").unwrap();
    assert_eq!(macron.kind, Kind::Person);
    assert_eq!(
        macron.mentions.len(),
        2,
        "the surname alone later is the same person"
    );
    assert_eq!(
        kind_of(&es, "الفرنسي"),
        None,
        "a nisba adjective is not a place"
    );
}

#[test]
fn an_acronym_in_brackets_joins_the_long_name_and_clitic_forms_group() {
    let text = "أعلنت منظمة الصحة العالمية (الصحة) أن الوباء انحسر في المغرب. وقالت إن بالمغرب \
                وللمغرب تجربة رائدة، وإن الصحة ستدعم المغرب.";
    let es = Recogniser::embedded().recognise(text);
    let morocco = es.iter().find(|e| e.name == "المغرب").unwrap();
    assert_eq!(morocco.mentions.len(), 4);
    let who = es
        .iter()
        .find(|e| e.name == "منظمة الصحة العالمية")
        .unwrap();
    assert_eq!(who.kind, Kind::Organization);
    assert!(
        who.mentions.len() >= 2,
        "the bracketed short name is the organisation"
    );
}

#[test]
fn a_country_and_its_adjective_and_a_region_stay_apart() {
    let text = "زار وفد من النيجر العاصمة نيجيريا، ثم توجه إلى دول المغرب العربي، \
                وناقش الأوضاع المالية مع مسؤولين من مالي والسلطات المغربية.";
    let es = Recogniser::embedded().recognise(text);
    let niger = es.iter().find(|e| e.name == "النيجر").unwrap();
    assert!(written(text, niger).iter().all(|w| *w == "النيجر"));
    assert!(
        es.iter().all(|e| e.name != "المغرب"),
        "المغرب العربي is not Morocco"
    );
    let mali = es.iter().find(|e| e.name == "مالي").unwrap();
    assert_eq!(mali.mentions.len(), 1, "المالية is not Mali");
    assert_eq!(kind_of(&es, "المغربية"), None);
}

#[test]
fn a_state_official_name_joins_its_short_name_only_when_the_text_uses_both() {
    let both = "وصل الوفد إلى الولايات المتحدة الأميركية أمس. وقالت الولايات المتحدة إنها \
                ترحب بالزيارة، وأكدت الولايات المتحدة دعمها.";
    let es = Recogniser::embedded().recognise(both);
    let us = es.iter().find(|e| e.name == "الولايات المتحدة").unwrap();
    assert_eq!(us.kind, Kind::Location);
    assert_eq!(us.mentions.len(), 3, "the long name is the same place");
    assert_eq!(kind_of(&es, "الولايات المتحدة الأميركية"), None);
    // The official name, after a clitic, is a mention of the place the text names.
    let text = "وقعت إسبانيا والمملكة المغربية اتفاقا جديدا، ورحب المغرب بالاتفاق.";
    let es = Recogniser::embedded().recognise(text);
    let morocco = es.iter().find(|e| e.name == "المغرب").unwrap();
    let forms = written(text, morocco);
    assert!(forms.contains(&"المملكة المغربية"), "{forms:?}");
    let alone = "وصل الوفد إلى الولايات المتحدة الأميركية أمس.";
    let es = Recogniser::embedded().recognise(alone);
    assert_eq!(
        kind_of(&es, "الولايات المتحدة الأميركية"),
        Some(Kind::Location),
        "written only in full, the place keeps the name the text gives it"
    );
}

#[test]
fn slips_are_not_spread_and_verbs_are_no_first_names() {
    // قطر التي: a relative pronoun is not an adjective making a new name.
    let text = "وصل الوزير إلى قطر التي تستضيف المؤتمر، وقالت قطر إنها مستعدة.";
    let es = Recogniser::embedded().recognise(text);
    let qatar = es.iter().find(|e| e.name == "قطر").unwrap();
    assert!(written(text, qatar).iter().all(|w| *w == "قطر"));
    assert!(es.iter().all(|e| !e.name.contains("التي")));
}

#[test]
fn a_place_after_a_title_is_no_surname_that_renames_the_place() {
    // عزيز مصر (a title: the ruler of Egypt) must not make مصر the surname of a person.
    let text = "قال عزيز مصر إن الخراج زاد هذا العام. وزار الوفد مصر ثم عاد إلى مصر، \
                وكتب عزيز مصر إلى الخليفة.";
    let es = Recogniser::embedded().recognise(text);
    assert_eq!(kind_of(&es, "مصر"), Some(Kind::Location), "{es:?}");
}

#[test]
fn an_institution_stops_before_a_preposition_or_a_title() {
    let text = "شارك وزير الثقافة في افتتاح معرض نظمته هيئة الكتاب باليمن الدكتور أحمد سالم، \
                وحضره مدير مركز الدراسات الاستراتيجية الدكتور خالد حسن.";
    let es = Recogniser::embedded().recognise(text);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"هيئة الكتاب"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("باليمن") || n.ends_with("الدكتور")),
        "a place after ب or a title is no part of the body's name: {names:?}"
    );
}

#[test]
fn a_province_is_a_place_not_a_tribe() {
    // بني سويف is a province of Egypt; بني before a name is most often a tribe (بني أمية).
    let text = "ولد الكاتب في بني سويف ثم سافر إلى القاهرة ليدرس فيها، وعاد بعد سنوات إلى \
                بني سويف حيث عمل مدرسا.";
    let es = Recogniser::embedded().recognise(text);
    let province = es.iter().find(|e| e.name == "بني سويف").unwrap();
    assert_eq!(province.kind, Kind::Location);
    assert!(province.sure(), "{province:?}");
    assert_eq!(province.mentions.len(), 2);
    assert!(es.iter().all(|e| e.name != "سويف"), "{es:?}");
}
