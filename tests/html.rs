//! HTML pages read as a reader reads them: the fixtures of tests/fixtures/html (a 2000s table
//! layout, a WordPress post, a modern `<article>` with JSON-LD, a windows-1256 page, a tutorial
//! with code and a table) read whole, with their titles, outlines, articles, site chrome and
//! nothing of what a browser never shows; direction per block; detection by name and content.
#![allow(clippy::unwrap_used)]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/html_pages.rs"]
mod html_pages;
#[path = "common/pty.rs"]
mod pty;

use cli::qari;
use html_pages::{PAGES, Page};
use qari::document::blocks::{BlockKind, style};
use qari::format::{self, Format};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn json(args: &[&str]) -> Value {
    let out = qari(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// The page read whole, as `--list text` prints it.
fn whole(page: &Page) -> String {
    qari(&["--whole", "--list", "text", &page.path()])
}

/// Markup a reader must never see: tags and character references.
fn assert_no_markup(page: &str, text: &str) {
    for mark in [
        "<p", "</", "<a ", "<div", "<td", "<br", "&nbsp;", "&quot;", "&amp;", "&copy;",
    ] {
        assert!(!text.contains(mark), "{page}: {mark:?} in\n{text}");
    }
}

#[test]
fn each_page_read_whole_gives_its_article_inside_its_chrome() {
    for page in PAGES {
        let text = whole(page);
        let first = text.find(page.first);
        let last = text.find(page.last);
        assert!(
            first.is_some(),
            "{}: first sentence missing in\n{text}",
            page.file
        );
        assert!(
            last.is_some(),
            "{}: last sentence missing in\n{text}",
            page.file
        );
        assert!(first < last, "{}: article out of order", page.file);
        assert_eq!(text.matches(page.first).count(), 1, "{}", page.file);
        for c in page.chrome {
            assert!(
                text.contains(c),
                "{}: whole page lacks {c:?}\n{text}",
                page.file
            );
        }
        for n in page.never {
            assert!(
                !text.contains(n),
                "{}: {n:?} is never shown\n{text}",
                page.file
            );
        }
        assert_no_markup(page.file, &text);
    }
}

#[test]
fn each_page_has_its_title_and_its_headings_as_sections() {
    for page in PAGES {
        let meta = json(&["--whole", "--list", "metadata", "--json", &page.path()]);
        let title = meta["metadata"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["key"] == "title")
            .map(|m| m["value"].as_str().unwrap().to_string());
        assert_eq!(title.as_deref(), Some(page.title), "{}", page.file);
        let sections = json(&["--whole", "--list", "sections", "--json", &page.path()]);
        let titles: Vec<&str> = sections["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap())
            .collect();
        let mut expected = page.outline.to_vec();
        expected.extend(page.chrome_headings);
        assert_eq!(titles, expected, "{}", page.file);
    }
}

#[test]
fn plain_output_shows_the_article_without_markup() {
    for page in PAGES {
        let rows = qari(&["--whole", "--plain", "--width", "100", &page.path()]);
        assert_no_markup(page.file, &rows);
        for n in page.never {
            assert!(!rows.contains(n), "{}: {n:?} in plain rows", page.file);
        }
    }
}

#[test]
fn a_page_in_windows_1256_is_decoded_as_its_meta_declares() {
    let page = PAGES.iter().find(|p| p.file == "windows1256.html").unwrap();
    let bytes = std::fs::read(page.path()).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    assert!(whole(page).contains(page.first));
    let src = qari::source::decode(bytes, page.file);
    assert_eq!(src.encoding, "windows-1256");
    assert!(
        src.notices.is_empty(),
        "declared, not guessed: {:?}",
        src.notices
    );
    // The same for ISO-8859-6, declared by <meta charset>.
    let (iso, _, _) = encoding_rs::ISO_8859_6.encode("<meta charset=iso-8859-6><p>شراكة خاصة");
    let src = qari::source::decode(iso.into_owned(), "iso.html");
    assert_eq!((src.encoding, src.notices.len()), ("ISO-8859-6", 0));
    assert!(src.text.ends_with("شراكة خاصة"));
    // --encoding still decides.
    let forced = qari(&["--encoding", "iso-8859-6", "--list", "text", &page.path()]);
    assert!(!forced.contains(page.first));
}

/// The document qari reads from fixture `file`.
fn document(file: &str) -> qari::document::Document {
    let page = PAGES.iter().find(|p| p.file == file).unwrap();
    let src = qari::source::load(
        &qari::source::Input::Path(page.path().into()),
        &qari::source::LoadOptions::default(),
    )
    .unwrap();
    format::read(src.text, file, Format::HtmlWhole)
}

#[test]
fn a_left_to_right_paragraph_and_code_stay_left_to_right_in_an_arabic_page() {
    let doc = document("code_table.html");
    let blocks = doc.blocks.as_deref().unwrap();
    let block_of = |s: &str| {
        let at = doc.text.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
        blocks.block_at(at).unwrap()
    };
    let ltr = block_of("Run the command below");
    assert_eq!((&ltr.kind, ltr.rtl), (&BlockKind::Paragraph, Some(false)));
    let code = block_of("curl -s https://example.com/article.html | qari");
    assert_eq!(code.kind, BlockKind::Code { lang: "sh".into() });
    assert_eq!(code.rtl, Some(false));
    let code_text = doc.text.get(code.range.clone()).unwrap();
    assert_eq!(
        code_text.lines().count(),
        3,
        "one line a code line: {code_text:?}"
    );
    assert_eq!(block_of(PAGES[4].first).rtl, Some(true));
    // The table: a header and three rows, right to left as the page is.
    assert_eq!(blocks.tables.len(), 1);
    let table = &blocks.tables[0];
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rtl, Some(true));
    let BlockKind::TableRow { cells, header } = &blocks.blocks[table.rows.start].kind else {
        panic!("not a row");
    };
    assert!(header);
    let cell = |r: &std::ops::Range<usize>| doc.text.get(r.clone()).unwrap();
    assert_eq!(
        cells.iter().map(cell).collect::<Vec<_>>(),
        ["الخيار", "المعنى"]
    );
    let inline = doc.text.find("qari --help").unwrap();
    assert_eq!(blocks.style_at(inline), style::CODE);
}

#[test]
fn words_split_by_inline_tags_stay_whole() {
    let (text, _) = format::html::read(
        "<p dir=rtl>حلف <b>ال</b>ناتو و<span dir=\"ltr\">Stolten</span>berg \
         <a href='/x'>المغ</a>رب</p>",
    );
    // The `dir` of the span isolates its run (LRI … PDI), which draws nothing and which
    // search reads through.
    assert_eq!(text, "حلف الناتو و\u{2066}Stolten\u{2069}berg المغرب");
    assert_eq!(
        qari::chars::visible(&text, false),
        "حلف الناتو وStoltenberg المغرب"
    );
}

#[test]
fn inline_direction_is_laid_out_apart_from_the_words_around_it() {
    let page = "<!DOCTYPE html><html lang=ar dir=rtl><body>\
                <p>لغة <span dir=\"ltr\">C++</span> سريعة</p>\
                <p dir=ltr>abc <bdo dir=rtl>xyz</bdo> def</p></body></html>";
    let rows = piped(
        &["--whole", "--plain", "--width", "30", "--format", "html"],
        page.as_bytes(),
    );
    // Without the isolate the plus signs would take the paragraph's direction: "++C".
    assert_eq!(rows, "                 ةعيرس C++ ةغل\n\nabc zyx def\n");
}

#[test]
fn links_keep_their_text_and_url() {
    let doc = document("wordpress.html");
    let blocks = doc.blocks.as_deref().unwrap();
    let author = blocks
        .links
        .iter()
        .find(|l| l.url == "/author/sara")
        .unwrap();
    assert_eq!(doc.text.get(author.range.clone()), Some("سارة أحمد"));
    assert_eq!(blocks.style_at(author.range.start), style::LINK);
}

/// Runs qari with `args`, `input` on its standard input; what it printed.
fn piped(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn html_is_recognised_on_stdin_and_under_any_name() {
    let page = &PAGES[2];
    let bytes = std::fs::read(page.path()).unwrap();
    let from_stdin = piped(&["--whole", "--list", "text"], &bytes);
    assert!(from_stdin.contains(page.first));
    assert_no_markup("stdin", &from_stdin);
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("saved-page");
    std::fs::write(&named, &bytes).unwrap();
    let text = qari(&["--whole", "--list", "text", named.to_str().unwrap()]);
    assert_eq!(text, whole(page), "a page named otherwise is read as HTML");
    // And --format html reads a file whose start does not say it.
    let fragment = dir.path().join("fragment.txt");
    std::fs::write(&fragment, "<p>نص <b>قوي</b></p>\n<p>ثان</p>").unwrap();
    let text = qari(&[
        "--format",
        "html",
        "--list",
        "text",
        fragment.to_str().unwrap(),
    ]);
    assert_eq!(text, "نص قوي\n\nثان\n");
}

#[test]
fn search_entities_and_sections_work_on_the_page_text() {
    let page = &PAGES[2];
    let doc = document(page.file);
    let matches = json(&[
        "--whole",
        "--list",
        "matches",
        "--json",
        "--search",
        "دوافع محددة",
        &page.path(),
    ]);
    let found = matches["matches"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{matches}");
    let start = usize::try_from(found[0]["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(found[0]["end"].as_u64().unwrap()).unwrap();
    assert_eq!(doc.text.get(start..end), Some("دوافع محددة"));
    let entities = qari(&["--whole", "--list", "entities", &page.path()]);
    assert!(entities.contains("المغرب"), "{entities}");
    for word in ["class", "script", "div", "href"] {
        assert!(!entities.contains(word), "{word} is markup, not a name");
    }
}

/// The reader on fixture `file`, read whole, drawn at `w`×`h`.
fn screen(file: &str, w: u16, h: u16) -> String {
    use qari::app::{Action, App};
    let doc = document(file);
    let opts = qari::layout::LayoutOptions {
        default_rtl: doc.rtl,
        ..Default::default()
    };
    let mut app = App::new(doc, opts);
    app.update(Action::Resize(w, h));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, &app)).unwrap();
    t.backend().to_string()
}

/// A tutorial page at 80×24: its heading and Arabic paragraphs on the right, the `dir="ltr"`
/// paragraph and the code on the left, unmirrored, the table's first column on the right, the
/// status bar naming the format.
#[test]
fn a_page_with_code_and_a_table_in_the_reader() {
    let shown = screen("code_table.html", 80, 24);
    assert!(shown.contains("[html, whole page]"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// `cat page.html | qari` in a terminal: the article laid out, not its markup.
#[test]
fn a_page_piped_in_shows_its_article_not_its_markup() {
    let page = &PAGES[2];
    let mut p = pty::Pty::spawn_shell(&format!("cat '{}' | \"$QARI\"", page.path()), 80, 24);
    p.expect_phrase("شراكة خاصة بين الناتو والمغرب");
    let rows = p.frame_rows();
    let all = rows.join("\n");
    for mark in ["<", "class=", "script", "@context"] {
        assert!(!all.contains(mark), "{mark:?} on screen:\n{all}");
    }
    assert!(
        rows.last().unwrap().contains("html"),
        "status bar: {rows:?}"
    );
    p.send("]");
    p.expect_phrase("دوافع محددة");
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}
