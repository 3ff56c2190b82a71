//! EPUB books read into one document: purpose-written books under `tests/fixtures/epub/` (built
//! by `make_epub.py`) and a real one, each with its exact title, outline (the navigator's
//! entries in order, each at the line its target starts on), metadata and first and last body
//! sentences; and the lists and plain output of a book.
#![allow(clippy::unwrap_used)]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/pty.rs"]
mod pty;

use cli::qari;
use qari::document::Document;
use qari::document::structure::outline;
use qari::format;

/// A fixture's path.
fn path(name: &str) -> String {
    format!("{}/tests/fixtures/epub/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The book `name` read as qari reads it, and its notices.
fn book(name: &str) -> (Document, Vec<String>) {
    let bytes = std::fs::read(path(name)).unwrap();
    format::read_book(&bytes, name).unwrap()
}

/// The outline as (level, title, the text of the line it starts on).
fn sections(doc: &Document) -> Vec<(u8, String, String)> {
    let o = outline(doc, false);
    o.sections
        .iter()
        .map(|s| {
            (
                s.level,
                o.title(s, &doc.text).to_owned(),
                doc.line_text(s.line()).to_owned(),
            )
        })
        .collect()
}

/// The body paragraphs of a book, in order: the text of its paragraph blocks.
fn paragraphs(doc: &Document) -> Vec<&str> {
    let blocks = doc.blocks.as_ref().unwrap();
    blocks
        .blocks
        .iter()
        .filter(|b| b.kind == qari::document::blocks::BlockKind::Paragraph)
        .map(|b| doc.text.get(b.range.clone()).unwrap())
        .collect()
}

/// The book's metadata fields.
fn metadata(doc: &Document) -> Vec<(&str, &str)> {
    let blocks = doc.blocks.as_ref().unwrap();
    blocks
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// `(level, title, line text)` from string slices, for comparing.
fn expect(list: &[(u8, &str, &str)]) -> Vec<(u8, String, String)> {
    list.iter()
        .map(|(l, t, s)| (*l, t.to_string(), s.to_string()))
        .collect()
}

#[test]
fn epub3_nav_gives_the_outline_each_entry_at_its_target() {
    let (doc, notices) = book("nav_rtl.epub");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        sections(&doc),
        expect(&[
            (1, "رحلة إلى قرطبة", "الطريق إلى الجنوب"),
            (2, "الطريق إلى الجنوب", "الطريق إلى الجنوب"),
            (2, "في قرطبة", "في قرطبة"),
            (3, "المسجد الجامع", "المسجد الجامع"),
            (2, "العودة", "العودة"),
        ]),
        "the book's title, then the nav's entries; the nested one at its fragment's heading"
    );
    assert_eq!(
        metadata(&doc),
        [
            ("title", "رحلة إلى قرطبة"),
            ("author", "سالم بن راشد"),
            ("language", "ar"),
        ]
    );
    let p = paragraphs(&doc);
    assert_eq!(
        p.first(),
        Some(&"خرجنا من المدينة قبل الفجر والطريق ما زال نائمًا.")
    );
    assert_eq!(p.last(), Some(&"ثم عدنا إلى ديارنا وفي القلب شوق لا ينقضي."));
    assert_eq!(p.len(), 5, "the cover page's picture is no paragraph");
    assert!(doc.rtl, "the spine's page progression is right to left");
    assert!(
        !doc.text.contains("معلم لا يظهر"),
        "landmarks are not the toc"
    );
}

#[test]
fn epub2_ncx_gives_the_outline_and_fragments_point_inside_chapters() {
    let (doc, notices) = book("ncx.epub");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        sections(&doc),
        expect(&[
            (1, "مختصر في تاريخ الورق", "الباب الأول: من الصين إلى سمرقند"),
            (
                2,
                "الباب الأول: من الصين إلى سمرقند",
                "الباب الأول: من الصين إلى سمرقند"
            ),
            (
                3,
                "صناعة الورق في سمرقند",
                "ثم انتقلت الصناعة إلى سمرقند بعد معركة طلاس."
            ),
            (2, "الباب الثاني: بغداد", "الباب الثاني: بغداد"),
        ]),
        "an empty anchor's entry starts at the text after it"
    );
    assert_eq!(
        metadata(&doc),
        [
            ("title", "مختصر في تاريخ الورق"),
            ("author", "ليلى الحسيني"),
            ("language", "ar"),
        ]
    );
    let p = paragraphs(&doc);
    assert_eq!(
        p.first(),
        Some(&"عرف الصينيون صناعة الورق قبل غيرهم بقرون.")
    );
    assert_eq!(
        p.last(),
        Some(&"ومن بغداد انتشر الورق إلى دمشق والقاهرة والأندلس.")
    );
    let blocks = doc.blocks.as_ref().unwrap();
    let ltr = blocks
        .blocks
        .iter()
        .find(|b| doc.text.get(b.range.clone()) == Some("Paper mills spread west from Baghdad."))
        .unwrap();
    assert_eq!(
        ltr.rtl,
        Some(false),
        "a dir=\"ltr\" paragraph stays left to right"
    );
    assert!(doc.rtl, "the package's language is Arabic");
}

#[test]
fn a_toc_in_another_language_gives_way_to_the_chapters_headings() {
    let (doc, _) = book("foreign_toc.epub");
    let titles: Vec<String> = sections(&doc).into_iter().map(|s| s.1).collect();
    assert_eq!(titles, ["الحكاية الأولى", "الحكاية الثانية"]);
}

#[test]
fn the_lists_and_plain_output_read_the_book() {
    let book = path("nav_rtl.epub");
    let sections = qari(&["--list", "sections", &book]);
    assert_eq!(
        sections
            .lines()
            .map(|l| l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
            .collect::<Vec<_>>(),
        [
            "رحلة إلى قرطبة",
            "الطريق إلى الجنوب",
            "في قرطبة",
            "المسجد الجامع",
            "العودة"
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&qari(&["--list", "metadata", "--json", &book])).unwrap();
    assert_eq!(json["metadata"][1]["value"], "سالم بن راشد");
    let text = qari(&["--list", "text", &book]);
    assert!(text.starts_with("# الطريق إلى الجنوب\n"), "{text}");
    let matches = qari(&["--list", "matches", "--search", "قرطبه", &book]);
    assert_eq!(matches.lines().count(), 2, "{matches}");
    let plain = qari(&["--plain", "--width", "60", &book]);
    let first = plain.lines().find(|l| !l.trim().is_empty()).unwrap();
    assert!(
        first.starts_with(' ') && !first.ends_with(' '),
        "the first heading sits on the right: {first:?}"
    );
}

#[test]
fn a_book_is_known_by_its_content_and_by_format_epub() {
    let bytes = std::fs::read(path("ncx.epub")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let unnamed = dir.path().join("book.zip");
    std::fs::write(&unnamed, &bytes).unwrap();
    let unnamed = unnamed.to_str().unwrap();
    assert!(qari(&["--list", "text", unnamed]).contains("معركة طلاس"));
    assert!(qari(&["--list", "text", "--format", "epub", unnamed]).contains("معركة طلاس"));
}

#[test]
fn a_real_book_opens_with_its_arabic_chapter_titles_in_order() {
    let (doc, notices) = book("hindawi-59517361.epub");
    assert!(notices.is_empty(), "{notices:?}");
    let outline = sections(&doc);
    let titles: Vec<(u8, &str)> = outline
        .iter()
        .map(|(level, title, _)| (*level, title.as_str()))
        .collect();
    let chapters = [
        "مقدمة",
        "العدل الإلهي وأين أثره في المخلوقات؟",
        "العدل الإلهي وأين أثره في المخلوقات",
        "اعتراضات وتأملات",
        "أين السعادة؟",
        "في الروح",
        "الخير والشر",
        "حقائق الأشياء",
        "الأرض بالنسبة للوجود الكلي",
        "حول الكون",
        "عظمة الكون (١)",
        "في السدم",
        "في المجرة",
        "النجوم",
        "مسألة الأرواح",
        "في العالم",
        "عظمة الكون (٢)",
        "فضل العرب على الغرب",
        "فيما بعد الطبيعة (١)",
        "فيما بعد الطبيعة (٢)",
        "في الأرواح",
        "المذهب الروحاني (١)",
        "المذهب الروحاني (٢)",
        "من العالم غير المنظور",
        "خاتمة",
    ];
    let mut expected = vec![(1, "العدل الإلهي وأين أثره في المخلوقات")];
    expected.extend(chapters.iter().map(|c| (2, *c)));
    assert_eq!(titles, expected);
    for (_, title, line) in outline.iter().skip(1) {
        // The heading in the text keeps the book's direction mark; the label is trimmed.
        assert_eq!(
            line.trim_end_matches('\u{200f}'),
            title,
            "each chapter starts at its heading"
        );
    }
    let lines: Vec<usize> = outline_lines(&doc);
    assert!(lines.is_sorted(), "chapters in reading order: {lines:?}");
    let preface = doc.line(lines[1]).end;
    let p = paragraphs(&doc);
    let first = p
        .iter()
        .find(|t| t.as_ptr() as usize - doc.text.as_ptr() as usize > preface)
        .unwrap();
    assert_eq!(
        *first,
        "ما كل\u{651}\u{64f} ما يعرف يقال، ولا كل\u{651}\u{64f} ما يقال جاء أوانه، ولا كل\u{651}\u{64f} ما جاء أوانه حضر أهله."
    );
    assert_eq!(
        p.last(),
        Some(&"يقول الشيرازي: «لو كنت حاكمًا لأدخلت العالم كل\u{651}\u{64e}ه الجنة، فكيف بالله؟!»")
    );
    assert_eq!(
        metadata(&doc),
        [
            ("title", "العدل الإلهي وأين أثره في المخلوقات"),
            ("author", "حسن حسين"),
            ("language", "ar"),
        ]
    );
    assert!(doc.rtl);
}

/// The lines the outline's sections start on.
fn outline_lines(doc: &Document) -> Vec<usize> {
    outline(doc, false)
        .sections
        .iter()
        .map(|s| s.line())
        .collect()
}

#[test]
fn the_information_overlay_names_the_books_title_author_and_language() {
    let (doc, _) = book("ncx.epub");
    let app = qari::app::App::new(doc, qari::layout::LayoutOptions::default());
    let facts = app.facts();
    let fact = |name: &str| {
        facts
            .iter()
            .find(|(l, _)| *l == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(fact("title"), Some("مختصر في تاريخ الورق"));
    assert_eq!(fact("author"), Some("ليلى الحسيني"));
    assert_eq!(fact("language"), Some("ar"));
    assert_eq!(fact("format"), Some("epub"));
}

#[test]
fn a_large_book_opens_on_its_first_chapters_and_reads_on_to_its_end() {
    // 226 KB of text: the reader shows its first chapters, the rest is read meanwhile.
    let book = path("hindawi-59517361.epub");
    let mut p = pty::Pty::spawn(&["--no-resume", &book], 100, 30);
    p.expect("the book's title", |rows| {
        rows.iter()
            .any(|r| pty::shows(r, "العدل الإلهي وأين أثره في المخلوقات"))
    });
    p.press(pty::Key::Char('G'));
    p.expect("the book's last words", |rows| {
        rows.iter().any(|r| pty::shows(r, "فكيف بالله"))
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}
