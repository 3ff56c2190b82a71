//! The recogniser on short texts of other kinds than news, written for these tests: a sports
//! report, a recipe, a religious text, a technical post with code and a dialect chat. Each
//! lists, checked by hand, words a reader must never see highlighted as names there.
#![allow(clippy::unwrap_used)]

use qari::entities::{Entity, Recogniser};
use qari::format::{self, Format};

/// The entities the reader shows by default in a fixture (read as its format: Markdown code
/// blocks and inline code are skipped).
fn shown(file: &str) -> (String, Vec<Entity>) {
    let path = format!("{}/tests/fixtures/kinds/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let fmt = if file.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Text
    };
    let doc = format::read(text, file, fmt);
    let code = doc.blocks.as_ref().map(|b| b.code()).unwrap_or_default();
    let all = Recogniser::embedded().recognise_outside(&doc.text, &code, &Default::default());
    let sure = all.into_iter().filter(Entity::sure).collect();
    (doc.text.to_string(), sure)
}

/// Asserts that no entity shown is named `word` or has a mention holding it as a whole word.
fn never(file: &str, words: &[&str]) {
    let (text, es) = shown(file);
    for e in &es {
        for w in words {
            assert_ne!(e.name, *w, "{file}: {w} is shown as a {:?}", e.kind);
            for m in &e.mentions {
                let written = text.get(m.clone()).unwrap();
                assert!(
                    !written.split(' ').any(|x| x == *w),
                    "{file}: {w} inside the mention {written:?} of {}",
                    e.name
                );
            }
        }
    }
}

#[test]
fn a_sports_report_names_clubs_and_players_not_days_minutes_or_scores() {
    never(
        "sports.txt",
        &[
            "الجمعة",
            "مساء",
            "الأحد",
            "يوم",
            "الدقيقة",
            "العشرين",
            "الشوط",
            "الهدف",
            "بهدفين",
            "هدف",
            "واحد",
            "الجولة",
            "الخامسة",
            "عشرة",
            "المدرب",
            "المباراة",
            "الفريق",
            "وقال",
        ],
    );
    let (_, es) = shown("sports.txt");
    assert!(
        es.iter().any(|e| e.name == "محمد صلاح"),
        "the scorer is still found: {es:?}"
    );
}

#[test]
fn a_recipe_has_no_names_at_all() {
    let (_, es) = shown("recipe.txt");
    assert!(es.is_empty(), "{es:?}");
}

#[test]
fn a_religious_text_keeps_formulas_narration_and_numbers_out_of_names() {
    never(
        "religious.txt",
        &[
            "الله",
            "بالله",
            "رضي",
            "عنه",
            "صلى",
            "عليه",
            "وسلم",
            "قال",
            "رواه",
            "وحدثنا",
            "وتوفي",
            "سنة",
            "ثلاث",
            "وسبعين",
            "الليل",
            "تعالى",
            "رحمه",
            "لله",
            "وروى",
        ],
    );
    let (_, es) = shown("religious.txt");
    assert!(
        es.iter().all(|e| e.name != "ابن"),
        "ابن is never a name alone"
    );
    // ابن joins the name it starts: the narrator is found whole, not as عمر.
    assert!(
        es.iter()
            .any(|e| e.name == "ابن عمر" && e.kind == qari::entities::Kind::Person),
        "{es:?}"
    );
    assert!(es.iter().all(|e| e.name != "عمر"), "{es:?}");
}

#[test]
fn a_technical_post_never_names_code_identifiers_urls_or_markup() {
    never(
        "technical.md",
        &[
            "requests",
            "pip",
            "install",
            "export",
            "PATH",
            "HOME",
            "import",
            "class",
            "Client",
            "get",
            "url",
            "main",
            "py",
            "https",
            "docs",
            "python",
            "org",
            "en",
            "latest",
            "MAJOR",
            "MINOR",
            "PATCH",
            "beta",
            "getUserName",
            "user_name",
            "div",
            "bash",
        ],
    );
}

#[test]
fn a_dialect_chat_has_no_names() {
    let (_, es) = shown("chat.txt");
    // بعد المغرب is after the sunset prayer, not Morocco; والله is an oath.
    assert!(es.is_empty(), "{es:?}");
}
