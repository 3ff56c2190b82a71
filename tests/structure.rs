//! The structure detector over the shipped article and articles written to exercise it.
#![allow(clippy::unwrap_used)]

use qari::document::Document;
use qari::document::structure::{LineKind, Outline, looks_like_markdown, outline, render_list};

/// The shipped article, as the reader opens it by default.
const ARTICLE: &str = include_str!("../assets/article.txt");

/// Outline of a fixture under `tests/fixtures/articles/`, Markdown or not as its name and text say.
fn fixture(name: &str) -> (Document, Outline) {
    let path = format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let markdown = looks_like_markdown(name, &text);
    let doc = Document::new(text, name);
    let o = outline(&doc, markdown);
    (doc, o)
}

/// The sections as `(level, 1-based line, title)`, read back from the JSON listing.
fn listed(o: &Outline) -> Vec<(u64, u64, String)> {
    let v: serde_json::Value = serde_json::from_str(&render_list(o, true)).unwrap();
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["level"].as_u64().unwrap(),
                s["line"].as_u64().unwrap(),
                s["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Line numbers (1-based) of every line of a kind.
fn lines_of(o: &Outline, kind: LineKind) -> Vec<usize> {
    o.kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| **k == kind)
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn shipped_article_outline() {
    let doc = Document::new(ARTICLE.to_string(), "article.txt");
    assert!(!looks_like_markdown("article.txt", ARTICLE));
    let o = outline(&doc, false);
    assert_eq!(o.kinds.len(), doc.len());
    let title = "شراكة خاصة بين الناتو والمغرب لتعزيز الاستقرار الإقليمي والدولي";
    let expected = [
        (1, 1, title),
        (2, 11, "دوافع محددة"),
        (2, 24, "استعادة الدور"),
        (3, 44, "رفع القدرات العسكرية للمغرب"),
        (3, 46, "المساهمة في الحفاظ على الأمن القومي للمغرب"),
        (3, 48, "تعزيز المكانة السياسية للمغرب"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, n, t)| (l, n, t.to_string()))
        .collect();
    assert_eq!(listed(&o), expected);
    // The title once: its repeat is marked; the lede, both pull quotes and the source are no sections.
    assert_eq!(lines_of(&o, LineKind::TitleRepeat), [3]);
    assert_eq!(lines_of(&o, LineKind::Lede), [5]);
    assert_eq!(lines_of(&o, LineKind::Quote), [12, 34]);
    assert_eq!(lines_of(&o, LineKind::Source), [50]);
    assert_eq!(lines_of(&o, LineKind::Item), [44, 46, 48]);
    // Sections carry the byte offset of their line, and offsets map back to them.
    let second = &o.sections[1];
    assert_eq!(second.start, doc.line(10).start);
    assert_eq!(o.section_at(0), Some(0));
    assert_eq!(o.section_at(doc.line(11).start + 5), Some(1));
    assert_eq!(o.section_at(doc.line(49).start), Some(5));
}

#[test]
fn plain_listing_indents_by_level() {
    let doc = Document::new(ARTICLE.to_string(), "article.txt");
    let plain = render_list(&outline(&doc, false), false);
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[1], "11    دوافع محددة");
    assert_eq!(lines[3], "44      رفع القدرات العسكرية للمغرب");
    assert!(lines[0].starts_with(" 1  شراكة"));
}
