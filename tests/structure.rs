//! The structure detector over the shipped article and articles written to exercise it.
#![allow(clippy::unwrap_used)]

use qari::document::Document;
use qari::document::structure::{LineKind, Outline, looks_like_markdown, outline};
use qari::listing::{self, Style};

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
fn listed(doc: &Document, o: &Outline) -> Vec<(u64, u64, String)> {
    let v: serde_json::Value = serde_json::from_str(&render_list(doc, o, true)).unwrap();
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

/// `--list sections` as JSON or as lines.
fn render_list(doc: &Document, o: &Outline, json: bool) -> String {
    let style = Style {
        json,
        ..Style::default()
    };
    let mut out = Vec::new();
    listing::sections(o, &doc.text, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
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
    assert_eq!(listed(&doc, &o), expected);
    // The title once: its repeat is marked; the lede, both pull quotes and the source are no sections.
    assert_eq!(lines_of(&o, LineKind::TitleRepeat), [3]);
    assert_eq!(lines_of(&o, LineKind::Lede), [5]);
    assert_eq!(lines_of(&o, LineKind::Quote), [12, 34]);
    assert_eq!(lines_of(&o, LineKind::Source), [50]);
    assert_eq!(lines_of(&o, LineKind::Item), [44, 46, 48]);
    // Sections carry the byte offset of their line, and offsets map back to them.
    let second = &o.sections[1];
    assert_eq!(second.start(), doc.line(10).start);
    assert_eq!(o.section_at(0), Some(0));
    assert_eq!(o.section_at(doc.line(11).start + 5), Some(1));
    assert_eq!(o.section_at(doc.line(49).start), Some(5));
}

#[test]
fn plain_listing_indents_by_level() {
    let doc = Document::new(ARTICLE.to_string(), "article.txt");
    let plain = render_list(&doc, &outline(&doc, false), false);
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[1], "11    دوافع محددة");
    assert_eq!(lines[3], "44      رفع القدرات العسكرية للمغرب");
    assert!(lines[0].starts_with(" 1  شراكة"));
}

/// Kinds as one character a line: `.` blank, `T` title, `R` its repeat, `H` heading, `I` item,
/// `Q` quote, `B` body, `L` lede, `S` source, `-` Markdown rule.
fn kinds_code(o: &Outline) -> String {
    o.kinds
        .iter()
        .map(|k| match k {
            LineKind::Blank => '.',
            LineKind::Title => 'T',
            LineKind::TitleRepeat => 'R',
            LineKind::Heading => 'H',
            LineKind::Item => 'I',
            LineKind::Quote => 'Q',
            LineKind::Body => 'B',
            LineKind::Lede => 'L',
            LineKind::Source => 'S',
            LineKind::Rule => '-',
        })
        .collect()
}

/// Asserts a fixture's exact outline: its kinds (as `kinds_code` writes them) and its sections
/// as `(level, 1-based line, title)`, read back from the JSON listing.
fn assert_outline(name: &str, kinds: &str, sections: &[(u64, u64, &str)]) {
    let (doc, o) = fixture(name);
    assert_eq!(o.kinds.len(), doc.len(), "{name}");
    assert_eq!(kinds_code(&o), kinds, "{name}");
    let expected: Vec<(u64, u64, String)> = sections
        .iter()
        .map(|&(l, n, t)| (l, n, t.to_string()))
        .collect();
    assert_eq!(listed(&doc, &o), expected, "{name}");
}

#[test]
fn headings_and_a_quote_that_repeats_a_sentence() {
    // The quote ends with a full stop, so only its repetition of line 7 makes it a quote.
    assert_outline(
        "headings-repeated-quote.txt",
        "T.L.H.B.Q.B.H.B.S",
        &[
            (1, 1, "مدينة تستعيد أسواقها القديمة"),
            (2, 5, "بدايات صعبة"),
            (2, 13, "مواسم جديدة"),
        ],
    );
}

#[test]
fn numbered_items_in_every_style() {
    // Items before any heading are entries of the article (2); after one, under it (3).
    // A line opening with a year is no item.
    assert_outline(
        "numbered-lists.txt",
        "T.L.B.II.H.III.H.IB",
        &[
            (1, 1, "عشر نصائح لحماية بياناتك على الإنترنت"),
            (2, 7, "كلمات مرور قوية"),
            (2, 8, "التحقق بخطوتين"),
            (2, 10, "على الهاتف"),
            (3, 12, "تحديث التطبيقات باستمرار"),
            (3, 13, "تجنب الشبكات العامة"),
            (3, 14, "النسخ الاحتياطي الدوري للصور والملفات المهمة…"),
            (2, 16, "في المتصفح"),
            (3, 18, "لا تفتح الروابط المجهولة"),
        ],
    );
}

#[test]
fn markdown_atx_and_setext_headings() {
    // `#` inside a code fence is no heading; a short unfinished line is body in Markdown.
    assert_outline(
        "reader-guide.md",
        "T-.L.H.B.BBBB.H-.II.H.Q.-.H.BB",
        &[
            (1, 1, "دليل القارئ"),
            (2, 6, "التثبيت"),
            (2, 15, "الاستخدام"),
            (3, 18, "افتح ملفا"),
            (3, 19, "ابحث في النص بالضغط على الشرطة المائلة"),
            (3, 21, "اختصارات متقدمة"),
            (2, 27, "أسئلة شائعة"),
        ],
    );
}

#[test]
fn a_single_paragraph_has_no_sections() {
    assert_outline("single-paragraph.txt", "L", &[]);
}

#[test]
fn an_article_of_headings_only() {
    assert_outline(
        "only-headings.txt",
        "T.HHHH",
        &[
            (1, 1, "خطة الكتاب"),
            (2, 3, "الفصل الأول: البدايات"),
            (2, 4, "الفصل الثاني الرحلة"),
            (2, 5, "الفصل الثالث العودة"),
            (2, 6, "خاتمة"),
        ],
    );
}

#[test]
fn an_english_article_with_arabic_words() {
    assert_outline(
        "english-mixed.txt",
        "T.R.L.H.B.Q.H.III.S",
        &[
            (1, 1, "Morocco and NATO: a partnership in the Sahel"),
            (2, 7, "Why Rabat matters"),
            (2, 13, "What Morocco gains"),
            (3, 15, "Military training"),
            (3, 16, "Security at home"),
            (3, 17, "Diplomatic weight across the continent"),
        ],
    );
}

#[test]
fn a_short_quote_is_no_heading() {
    // Line 7 is short and unfinished, but it paraphrases line 5: a quote, not a section.
    assert_outline(
        "no-headings.txt",
        "T.L.B.Q.B.S",
        &[(1, 1, "الأمطار تعود إلى الجنوب بعد جفاف طويل")],
    );
}

#[test]
fn pull_quotes_are_found_by_repetition_too() {
    // With full stops added, the shipped article's pull quotes still read as quotes.
    let text: String = ARTICLE
        .lines()
        .map(|l| match l {
            _ if l.ends_with("وشمال أفريقيا") || l.ends_with("نجحت بشكل كبير") =>
            {
                format!("{l}.\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    let o = outline(&Document::new(text, "article.txt"), false);
    assert_eq!(lines_of(&o, LineKind::Quote), [12, 34]);
}

#[test]
fn markdown_is_recognised_by_name_or_markup() {
    assert!(looks_like_markdown("notes.md", "نص"));
    assert!(looks_like_markdown("notes.txt", "# عنوان\n\nنص."));
    assert!(looks_like_markdown("-", "عنوان\n=====\n\nنص."));
    assert!(!looks_like_markdown("notes.txt", "#وسم في أول السطر\nنص."));
    assert!(!looks_like_markdown("article.txt", ARTICLE));
}
