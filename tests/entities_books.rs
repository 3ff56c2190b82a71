//! The recogniser on a whole book (`tests/fixtures/epub/hindawi-59517361.epub`, an essay on the
//! stars, science and spiritualism): the forty entities a reader sees first in its default list
//! are names, not the book's own common words, verbs, numbers or formulas. The words below were
//! checked by hand in the book: each is used there only as an ordinary word.
#![allow(clippy::unwrap_used)]

use qari::entities::{Entity, Kind, Recogniser};
use std::sync::OnceLock;

/// The book's default entity list (sure entities, most mentioned first), its first forty.
fn top() -> &'static [Entity] {
    static TOP: OnceLock<Vec<Entity>> = OnceLock::new();
    TOP.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/epub/hindawi-59517361.epub"
        );
        let bytes = std::fs::read(path).unwrap();
        let (doc, _) = qari::format::read_book(&bytes, "hindawi-59517361.epub").unwrap();
        Recogniser::embedded()
            .recognise(&doc.text)
            .into_iter()
            .filter(Entity::sure)
            .take(40)
            .collect()
    })
}

/// Words the book uses only as ordinary words, with what they mean there.
const ORDINARY: [(&str, &str); 13] = [
    ("الشموس", "the suns"),
    ("قطر", "a diameter"),
    ("الراديوم", "radium"),
    ("السبكترسكوب", "the spectroscope"),
    ("الخواء", "the void"),
    ("الحكيم", "the Wise, of God"),
    ("أأنت", "are you"),
    ("صياد", "a hunter"),
    ("وشريك", "and the partner of"),
    ("سعيد", "happy"),
    ("ماهر", "skilled"),
    ("العنان", "the reins, of letting one's thoughts run free"),
    ("سناء", "brilliance"),
];

#[test]
fn the_first_forty_names_of_a_book_hold_none_of_its_ordinary_words() {
    for e in top() {
        for (word, meaning) in ORDINARY {
            assert!(
                !e.name.split(' ').any(|w| w == word),
                "{word} ({meaning}) is listed as the {:?} {}",
                e.kind,
                e.name
            );
        }
    }
}

#[test]
fn the_first_forty_names_of_a_book_hold_no_number_or_invisible_character() {
    for e in top() {
        assert!(
            !e.name.chars().any(|c| c.is_numeric()),
            "a number in {}",
            e.name
        );
        assert!(
            e.name
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || ('\u{064B}'..='\u{0670}').contains(&c)),
            "{:?} holds a character that is no letter",
            e.name
        );
    }
}

#[test]
fn the_people_and_places_of_the_book_are_still_among_its_first_forty() {
    let names: Vec<&str> = top().iter().map(|e| e.name.as_str()).collect();
    for name in [
        "إديسون",
        "أرسطو",
        "غاليلي",
        "ابن رشد",
        "تيدور روزفلت",
        "أوروبا",
        "فرنسا",
        "أمريكا",
    ] {
        assert!(names.contains(&name), "{name} is missing from {names:?}");
    }
}

/// The entity of the first forty named `name`.
fn listed(name: &str) -> Option<&'static Entity> {
    top().iter().find(|e| e.name == name)
}

#[test]
fn the_publisher_named_after_a_family_is_an_organisation() {
    assert_eq!(
        listed("مؤسسة هنداوي").map(|e| e.kind),
        Some(Kind::Organization)
    );
    assert!(listed("هنداوي").is_none());
}

#[test]
fn names_in_a_list_lose_the_and_that_joins_them_and_keep_their_own() {
    // إديسون وأولفر لودج وكونان دويل ووليم جيمس: before a name new to the reader of a list,
    // و is "and"; وليم (William) begins with it.
    for name in ["كونان دويل", "أولفر لودج", "وليم كروكس"] {
        assert_eq!(listed(name).map(|e| e.kind), Some(Kind::Person), "{name}");
    }
    for e in top() {
        assert!(
            !e.name.starts_with("وكونان") && !e.name.starts_with("وأولفر"),
            "{} keeps the و of the list",
            e.name
        );
    }
}

#[test]
fn a_noun_the_book_writes_with_a_pronoun_does_not_start_a_name() {
    // روح مساعده بيترسون (the spirit of his assistant Peterson), once جثة مساعدي بيترسون.
    assert_eq!(listed("بيترسون").map(|e| e.kind), Some(Kind::Person));
    for e in top() {
        assert!(
            !e.name.starts_with("مساعد"),
            "{} names an assistant",
            e.name
        );
    }
}
