//! Markdown read into blocks: each construct in a purpose-written fixture under
//! `tests/markdown/`, with the exact blocks (kind, direction, text, styles, links) and outline
//! a reader gets from it.
#![allow(clippy::unwrap_used)]

use qari::document::Document;
use qari::document::blocks::{BlockKind, style};
use qari::document::structure::outline;
use qari::format::{self, Format};
use std::fmt::Write;

/// The document read from fixture `name` as Markdown.
fn read(name: &str) -> Document {
    let path = format!("{}/tests/markdown/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    format::read(text, name, Format::detect(name, false, ""))
}

/// Style flags as letters: Strong, Emphasis, Underline, Code, Link, sTrike, Image.
fn flags(f: u8) -> String {
    [
        (style::STRONG, 'S'),
        (style::EMPHASIS, 'E'),
        (style::UNDERLINE, 'U'),
        (style::CODE, 'C'),
        (style::LINK, 'L'),
        (style::STRIKE, 'T'),
        (style::IMAGE, 'I'),
    ]
    .iter()
    .filter(|(bit, _)| f & bit != 0)
    .map(|(_, c)| *c)
    .collect()
}

/// The document as a reader gets it: one line per block (kind, direction, quote depth, text
/// with `⏎` between its lines), then its styled stretches, links, metadata and outline.
fn describe(doc: &Document) -> String {
    let b = doc.blocks.as_ref().expect("a Markdown document has blocks");
    let text = doc.text.as_str();
    let mut out = String::new();
    for block in &b.blocks {
        let dir = match block.rtl {
            Some(true) => "rtl",
            Some(false) => "ltr",
            None => "---",
        };
        let kind = match &block.kind {
            BlockKind::TableRow { cells, header } => {
                let cells: Vec<&str> = cells.iter().map(|c| text.get(c.clone()).unwrap()).collect();
                format!("TableRow{} {cells:?}", if *header { " header" } else { "" })
            }
            k => format!("{k:?}"),
        };
        let quote = if block.quote > 0 {
            format!(" q{}", block.quote)
        } else {
            String::new()
        };
        let shown = text
            .get(block.range.clone())
            .unwrap()
            .replace('\n', "⏎")
            .replace('\u{2068}', "<FSI>")
            .replace('\u{2069}', "<PDI>");
        writeln!(out, "{kind} {dir}{quote} | {shown}").unwrap();
    }
    for s in &b.styles {
        writeln!(
            out,
            "style {} | {}",
            flags(s.flags),
            text.get(s.range.clone()).unwrap()
        )
        .unwrap();
    }
    for l in &b.links {
        writeln!(
            out,
            "link {} | {}",
            text.get(l.range.clone()).unwrap(),
            l.url
        )
        .unwrap();
    }
    for (k, v) in &b.metadata {
        writeln!(out, "meta {k} = {v}").unwrap();
    }
    let o = outline(doc, true);
    for s in &o.sections {
        writeln!(
            out,
            "section {} line {} | {}",
            s.level,
            s.line(),
            o.title(s, text)
        )
        .unwrap();
    }
    out
}

/// Checks fixture `name` against what a reader must get from it.
fn check(name: &str, want: &str) {
    let want = want.strip_prefix('\n').unwrap_or(want);
    let got = describe(&read(name));
    assert!(got == want, "{name}: got\n{got}\nwanted\n{want}");
}

#[test]
fn front_matter_yaml() {
    check(
        "front_matter_yaml.md",
        r#"
Title rtl | دليل القارئ: الجزء الأول
Paragraph rtl | مقدمة قصيرة للدليل.
meta layout = post
meta tags = عربية, terminal
meta featured_img = /img/cover.png
section 1 line 0 | دليل القارئ: الجزء الأول
"#,
    );
}

#[test]
fn front_matter_toml() {
    check(
        "front_matter_toml.md",
        r#"
Title rtl | ملاحظات الإصدار 2.0
Heading(2) rtl | ما الجديد
Paragraph rtl | تحسينات كثيرة.
meta date = 2026-12-01
meta tags = إصدار, notes
section 1 line 0 | ملاحظات الإصدار 2.0
section 2 line 2 | ما الجديد
"#,
    );
}

#[test]
fn headings_atx_and_setext() {
    check(
        "headings.md",
        r#"
Heading(1) rtl | دليل الاستخدام
Paragraph rtl | مقدمة.
Heading(1) rtl | الفصل الأول
Heading(2) rtl | القسم الأول
Paragraph rtl | نص القسم.
Heading(2) rtl | الفصل الثاني
Heading(3) ltr | Installation
Code { lang: "" } rtl | # ليس عنوانا: شيفرة مزاحة
section 1 line 0 | دليل الاستخدام
section 2 line 4 | الفصل الأول
section 3 line 6 | القسم الأول
section 3 line 10 | الفصل الثاني
section 3 line 12 | Installation
"#,
    );
}

#[test]
fn soft_breaks_join_and_hard_breaks_stay() {
    check(
        "breaks.md",
        r#"
Paragraph rtl | كان الحاسوب الأول يُسمّى (Accumulator) في الوثائق، وقد وصفه فون نويمان في تقرير the EDVAC، الذي نُشر عام 1945.
Paragraph rtl | سطر أول ينتهي بمسافتين⏎سطر ثانٍ بعد خط مائل⏎EDVAC first on its line، ثم العربية.
Break --- | ---
"#,
    );
}

#[test]
fn nested_and_task_lists() {
    check(
        "lists.md",
        r#"
ListItem { marker: "•", depth: 0 } rtl | • عنصر أول
ListItem { marker: "•", depth: 0 } ltr | • second item, in English
ListItem { marker: "•", depth: 1 } rtl |   • عنصر متداخل
ListItem { marker: "•", depth: 1 } ltr |   • nested item
ListItem { marker: "☐", depth: 0 } rtl | ☐ مهمة لم تنجز
ListItem { marker: "☑", depth: 0 } ltr | ☑ done task
ListItem { marker: "3.", depth: 0 } rtl | 3. الخطوة الثالثة
ListItem { marker: "4.", depth: 0 } ltr | 4. step four
ListItem { marker: "1.", depth: 0 } rtl | 1. ترقيم MAJOR
ListItem { marker: "2.", depth: 0 } rtl | 2. ترقيم MINOR
ListItem { marker: "•", depth: 0 } rtl | • عنصر طويل جدا فيه كلمات كثيرة تلتف على أكثر من سطر واحد في عرض ضيق
style S | item
"#,
    );
}

#[test]
fn fenced_and_indented_code() {
    check(
        "code.md",
        r#"
Paragraph rtl | شيفرة بلغة رست:
Code { lang: "rust" } ltr | // تعليق بالعربية⏎fn main() {⏎    println!("مرحبا يا عالم (1)");⏎}
Code { lang: "" } ltr | # شيفرة مزاحة⏎x = "نص"
Code { lang: "" } rtl | هذه كتلة شيفرة أغلبها نثر عربي، فيها (أقواس) وكلمات كثيرة
"#,
    );
}

#[test]
fn gfm_table() {
    check(
        "table.md",
        r#"
TableRow header ["الحاسوب", "السنة", "الذاكرة"] rtl | <FSI>الحاسوب<PDI> | <FSI>السنة<PDI> | <FSI>الذاكرة<PDI>
TableRow ["ENIAC", "1945", "20 رقما"] rtl | <FSI>ENIAC<PDI> | <FSI>1945<PDI> | <FSI>20 رقما<PDI>
TableRow ["إدساك", "1949", "512 كلمة"] rtl | <FSI>إدساك<PDI> | <FSI>1949<PDI> | <FSI>512 كلمة<PDI>
"#,
    );
}

#[test]
fn block_quotes() {
    check(
        "quotes.md",
        r#"
Quote rtl q1 | قال الكاتب: القراءة حياة.
Quote rtl q2 | اقتباس داخل اقتباس
ListItem { marker: "•", depth: 0 } rtl q1 | • عنصر في اقتباس
Paragraph rtl | بعد الاقتباس.
Quote ltr q1 | A quote in English, long enough to wrap at a narrow width.
Quote ltr q2 | A quote in a quote.
style S | القراءة
"#,
    );
}

#[test]
fn links_and_images() {
    check(
        "links_images.md",
        r#"
Paragraph rtl | اقرأ الوثائق أو https://qari.example، وانظر القديم code.
Image rtl | [مخطط الذاكرة]
Paragraph rtl | نص مع صورة [رمز] في وسطه.
style L | الوثائق
style L | https://qari.example
style T | القديم
style C | code
style I | [مخطط الذاكرة]
style I | [رمز]
link الوثائق | https://example.com/docs
link https://qari.example | https://qari.example
"#,
    );
}

#[test]
fn inline_html_interpreted_or_dropped() {
    check(
        "html.md",
        r#"
Paragraph rtl | مرحبا
Paragraph rtl | ملاحظة مهمة⏎ثم تسطير و1.
Paragraph rtl | تفاصيل
Paragraph rtl | نص مخفي.
style S | مرحبا
style U | تسطير
"#,
    );
}

/// Plain output of fixture `name` at `width` columns, right-to-left rows padded.
fn plain(name: &str, width: u16) -> Vec<String> {
    let doc = read(name);
    let opts = qari::layout::LayoutOptions {
        default_rtl: doc.rtl,
        ..Default::default()
    };
    let mut out = Vec::new();
    qari::plain::write(&doc, width, true, &opts, &mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn code_is_a_left_to_right_island_never_mirrored_nor_wrapped() {
    let rows = plain("code.md", 30);
    assert!(rows.contains(&"fn main() {".to_string()), "{rows:#?}");
    assert!(
        rows.contains(&"}".to_string()),
        "a lone closing brace stays on the left, unmirrored: {rows:#?}"
    );
    let cut = rows
        .iter()
        .find(|r| r.starts_with("    println!"))
        .expect("the long line is there");
    assert_eq!(cut.chars().count(), 30, "cut at the width: {cut:?}");
    assert!(cut.ends_with('…'), "and marked as cut: {cut:?}");
    // Its Arabic string is reordered inside the island, its brackets unmirrored.
    assert!(cut.contains("(\""), "{cut:?}");
    // Code that is mostly Arabic prose goes right to left: cut on its left, where it ends.
    let prose = rows.iter().find(|r| r.contains("رثن")).unwrap();
    assert!(prose.starts_with('…'), "{prose:?}");
    assert_eq!(prose.chars().count(), 30, "{prose:?}");
}

#[test]
fn a_paragraph_goes_one_way_across_its_source_lines() {
    let rows = plain("breaks.md", 200);
    // The soft-broken lines are one right-to-left paragraph: the line that starts with
    // `(Accumulator)` in the source does not turn left to right.
    assert_eq!(rows[0].trim_start().chars().last(), Some('ك'), "{rows:#?}");
    assert!(rows[0].contains("(Accumulator)"));
    assert!(rows[0].starts_with(' '), "right-aligned: {rows:#?}");
    // A hard break starts a row, still in the block's direction.
    let latin = rows.iter().find(|r| r.contains("EDVAC first")).unwrap();
    assert!(
        latin.starts_with(' '),
        "right-aligned as its block: {latin:?}"
    );
}

#[test]
fn a_table_is_a_grid_with_its_first_column_on_its_reading_side() {
    let rows = plain("table.md", 40);
    // Right to left (its header): the first column on the right in every row, a row of Latin
    // and numbers too; each column as wide as its widest cell, each cell against its own
    // reading side; the isolates that keep the cells apart are hidden.
    assert_eq!(
        rows[..3],
        [
            "               ةركاذلا │ ةنسلا │ بوساحلا",
            "               امقر 20 │  1945 │ ENIAC",
            "              ةملك 512 │  1949 │   كاسدإ",
        ],
        "{rows:#?}"
    );
    // Narrower than the table: the widest columns narrow and their cells wrap inside them.
    let narrow = plain("table.md", 20);
    assert!(narrow.len() > 3, "{narrow:#?}");
    for r in &narrow {
        assert!(r.chars().count() <= 20, "{r:?}");
        assert_eq!(r.matches('│').count(), 2, "{r:?}");
    }
}

/// `qari ARGS` run in `tests/markdown/` with `stdin` as its standard input: its standard output.
fn qari(args: &[&str], stdin: &str) -> String {
    let mut input = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut input, stdin.as_bytes()).unwrap();
    std::io::Seek::rewind(&mut input).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/markdown"))
        .stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "qari {args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_format_comes_from_the_name_the_content_or_the_option() {
    let md = qari(&["--plain", "--width", "40", "front_matter_yaml.md"], "");
    assert!(
        !md.contains("layout:"),
        "front matter is not body text:\n{md}"
    );
    let text = qari(&["--plain", "--format", "text", "front_matter_yaml.md"], "");
    assert!(text.contains("layout: post"), "read as it is:\n{text}");
    let post = "# عنوان\n\nنص **مهم**.\n";
    let piped = qari(&["--plain", "-"], post);
    assert!(!piped.contains("**") && !piped.contains('#'), "{piped}");
    let sections = qari(&["--list", "sections", "lists.md"], "");
    assert_eq!(sections, "", "list items are never sections");
}

#[test]
fn list_text_prints_the_blocks_in_logical_order_with_marks() {
    let text = qari(&["--list", "text", "code.md"], "");
    assert_eq!(
        text,
        "شيفرة بلغة رست:\n\n```rust\n// تعليق بالعربية\nfn main() {\n    println!(\"مرحبا يا عالم (1)\");\n}\n```\n\n```\n# شيفرة مزاحة\nx = \"نص\"\n```\n\n```\nهذه كتلة شيفرة أغلبها نثر عربي، فيها (أقواس) وكلمات كثيرة\n```\n"
    );
    let lists = qari(&["--list", "text", "lists.md"], "");
    assert!(
        lists.contains("☑ done task\n\n3. الخطوة الثالثة\n4. step four\n\n1. ترقيم"),
        "items of a list together, lists apart:\n{lists}"
    );
    let quotes = qari(&["--list", "text", "quotes.md"], "");
    assert!(
        quotes.starts_with("> قال الكاتب: القراءة حياة.\n\n> > اقتباس"),
        "{quotes}"
    );
    let table = qari(&["--list", "text", "table.md"], "");
    assert!(
        table.starts_with("| الحاسوب | السنة | الذاكرة |\n|---|---|---|\n| ENIAC |"),
        "{table}"
    );
    assert!(
        !table.contains('\u{2068}'),
        "the cells' isolates are left out"
    );
    let json = qari(&["--list", "text", "--json", "table.md"], "");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["blocks"][1]["kind"], "row");
    assert_eq!(
        v["blocks"][1]["cells"],
        serde_json::json!(["ENIAC", "1945", "20 رقما"])
    );
    // Plain text is printed as it is, one line a line.
    let plain = qari(&["--list", "text", "--format", "text", "table.md"], "");
    assert!(
        plain.starts_with("| الحاسوب | السنة | الذاكرة |\n|---|---:|---|\n"),
        "{plain}"
    );
}

#[test]
fn list_metadata_prints_the_front_matter() {
    let json = qari(
        &["--list", "metadata", "--json", "front_matter_yaml.md"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["metadata"],
        serde_json::json!([
            {"key": "title", "value": "دليل القارئ: الجزء الأول"},
            {"key": "layout", "value": "post"},
            {"key": "tags", "value": "عربية, terminal"},
            {"key": "featured_img", "value": "/img/cover.png"},
        ])
    );
    let text = qari(&["--list", "metadata", "front_matter_toml.md"], "");
    assert_eq!(
        text,
        "title\tملاحظات الإصدار 2.0\ndate\t2026-12-01\ntags\tإصدار, notes\n"
    );
    let none = qari(
        &[
            "--list",
            "metadata",
            "--json",
            "--format",
            "text",
            "breaks.md",
        ],
        "",
    );
    assert_eq!(none, "{\"metadata\":[]}\n");
}

#[test]
fn deep_nesting_and_stray_markup_are_read_without_fail() {
    let deep = format!(
        "{}نص\n\n{}عنصر\n\n<u><u>{}</span></div>\n\n[رابط](",
        "> ".repeat(300),
        "- ".repeat(300),
        "**".repeat(100)
    );
    let (text, blocks) = qari::format::markdown::read(&deep);
    assert!(text.contains("نص") && text.contains("عنصر"));
    for b in &blocks.blocks {
        assert!(text.get(b.range.clone()).is_some(), "{b:?}");
    }
    for s in &blocks.styles {
        assert!(text.get(s.range.clone()).is_some(), "{s:?}");
    }
    for l in &blocks.links {
        assert!(text.get(l.range.clone()).is_some(), "{l:?}");
    }
}

#[test]
fn a_list_items_wrapped_rows_hang_under_its_text() {
    let rows = plain("lists.md", 30);
    let first = rows
        .iter()
        .position(|r| r.ends_with("ليوط رصنع •"))
        .unwrap();
    // The rows after the first stop two columns short of the right edge, under the text.
    let next = &rows[first + 1];
    assert_eq!(next.chars().count(), 28, "{rows:#?}");
    assert!(next.starts_with(' ') && !next.ends_with(' '), "{next:?}");
    assert!(rows[first].starts_with(' ') && rows[first].chars().count() == 30);
}

proptest::proptest! {
    /// Any text made of Markdown's pieces reads into blocks, styles and links that are ranges
    /// of the text on character boundaries, in order; and every line lays out in rows no wider
    /// than the screen, tables and code included.
    #[test]
    fn any_markdown_reads_into_valid_ranges_and_fits_the_screen(
        parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("# "), proptest::strategy::Just("- "),
            proptest::strategy::Just("1. "), proptest::strategy::Just("> "),
            proptest::strategy::Just("**"), proptest::strategy::Just("*"),
            proptest::strategy::Just("`"), proptest::strategy::Just("```\n"),
            proptest::strategy::Just("| a | ب |\n|---|---|\n| 1 | نص طويل |\n"),
            proptest::strategy::Just("[رابط](u)"), proptest::strategy::Just("![صورة](i)"),
            proptest::strategy::Just("<u>"), proptest::strategy::Just("</u>"),
            proptest::strategy::Just("<br>"), proptest::strategy::Just("\n"),
            proptest::strategy::Just("\n\n"), proptest::strategy::Just("  \n"),
            proptest::strategy::Just("كلمة "), proptest::strategy::Just("word "),
            proptest::strategy::Just("(1) "), proptest::strategy::Just("---\ntitle: ت\n---\n"),
        ], 0..40),
        width in 10u16..50,
    ) {
        let src = parts.concat();
        let doc = format::read(src, "p.md", Format::Markdown);
        let text = doc.text.as_str();
        let b = doc.blocks.as_ref().unwrap();
        let mut at = 0;
        for block in &b.blocks {
            proptest::prop_assert!(block.range.start >= at, "{block:?}");
            proptest::prop_assert!(text.get(block.range.clone()).is_some(), "{block:?}");
            at = block.range.end;
        }
        let mut at = 0;
        for s in &b.styles {
            proptest::prop_assert!(s.range.start >= at && !s.range.is_empty(), "{s:?}");
            proptest::prop_assert!(text.get(s.range.clone()).is_some(), "{s:?}");
            at = s.range.end;
        }
        for l in &b.links {
            proptest::prop_assert!(text.get(l.range.clone()).is_some(), "{l:?}");
        }
        let opts = qari::layout::LayoutOptions::default();
        let mut scratch = qari::layout::Scratch::default();
        for line in doc.lines_from(0) {
            let mut widest = 0;
            qari::layout::layout_line(&doc, line, width, &opts, &mut scratch, |r| {
                widest = widest.max(r.width);
            });
            proptest::prop_assert!(widest <= width, "a row {widest} wide at {width}");
        }
    }
}

#[test]
fn block_quotes_indent_on_their_reading_side_one_step_a_level() {
    let rows = plain("quotes.md", 30);
    let row = |text: &str| {
        rows.iter()
            .find(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text:?} in {rows:#?}"))
    };
    // Right to left: the quote's rows end two columns short of the right edge, its left free.
    let arabic = row("بتاكلا لاق");
    assert_eq!(arabic.chars().count(), 28, "{rows:#?}");
    assert!(
        arabic.starts_with(' ') && !arabic.ends_with(' '),
        "{arabic:?}"
    );
    // A quote in that quote ends a step further in.
    let nested = row("سابتقا لخاد");
    assert_eq!(nested.chars().count(), 26, "{rows:#?}");
    // The text after the quotes reaches the right edge again.
    assert_eq!(row("سابتقالا دعب").chars().count(), 30, "{rows:#?}");
    // Left to right: every row of the quote, wrapped ones too, starts after two columns.
    let first = rows
        .iter()
        .position(|r| r.contains("A quote in English"))
        .unwrap();
    let latin = &rows[first..first + 3];
    for r in latin {
        assert!(r.starts_with("  ") && !r.starts_with("   "), "{latin:#?}");
    }
    assert!(latin[2].ends_with("width."), "the quote wraps: {latin:#?}");
    let nested = row("A quote in a quote.");
    assert!(nested.starts_with("    A quote"), "{nested:?}");
}
