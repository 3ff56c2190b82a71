//! Hard-wrapped plain text: recognised from its line lengths and read with each paragraph's
//! lines joined, so a paragraph takes one direction; one paragraph a line is read as before.
#![allow(clippy::unwrap_used)]

use qari::document::structure::{LineKind, outline};
use qari::format::{self, Format};
use qari::layout::LayoutOptions;

const WRAPPED: &str = include_str!("fixtures/hard_wrapped.txt");

#[test]
fn hard_wrapped_text_is_recognised_and_the_article_is_not() {
    assert_eq!(
        Format::detect("e-text.txt", false, WRAPPED),
        Format::Wrapped
    );
    assert_eq!(
        Format::detect("article.txt", false, qari::source::EMBEDDED_ARTICLE),
        Format::Text
    );
    let mixed = include_str!("fixtures/mixed.txt");
    assert_eq!(Format::detect("mixed.txt", false, mixed), Format::Text);
}

#[test]
fn each_paragraph_is_one_line_with_one_direction() {
    let doc = format::read(WRAPPED.to_string(), "e-text.txt", Format::Wrapped);
    assert_eq!(doc.format, Format::Wrapped);
    let lines: Vec<&str> = (0..doc.len()).map(|i| doc.line_text(i)).collect();
    assert_eq!(lines.len(), 9, "{lines:#?}");
    assert!(lines[2].starts_with("كان الحاسوب"), "{lines:#?}");
    assert!(lines[2].contains("(Accumulator)") && lines[2].ends_with("جاء بعده."));
    assert!(lines[6].starts_with("ENIAC was") && lines[6].ends_with("software possible."));
    // The source line that starts with `EDVAC،` is inside a right-to-left paragraph: at 80
    // columns the row holding it reads from the right, starting with the Arabic word before it.
    let mut out = Vec::new();
    qari::plain::write(&doc, 80, true, &LayoutOptions::default(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = out.lines().collect();
    let edvac = rows.iter().find(|r| r.contains("EDVAC")).unwrap();
    assert!(edvac.ends_with("،رخآلا"), "{rows:#?}");
    assert!(edvac.contains("the EDVAC نع"), "{rows:#?}");
    // The outline reads the joined paragraphs as it reads any article: a title.
    let o = outline(&doc, false);
    assert_eq!(o.kinds[0], LineKind::Title);
    assert_eq!(o.title(&o.sections[0], &doc.text), "الحاسوب الأول");
}
