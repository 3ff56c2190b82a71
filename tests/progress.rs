//! The status bar says what runs in the background and how far it has got: reading the rest
//! of a large file (held between its steps by the test, so each is seen), finding a large web
//! page's article, finding its sections, recognising its entities; the reader answers keys
//! meanwhile.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty};
use qari::app::{Action, App};
use qari::document::Document;
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fs::OpenOptions;
use std::process::Command;

/// The percent the status bar gives for `what` (`reading 43%`), if it names it.
fn percent(status: &str, what: &str) -> Option<usize> {
    let (_, after) = status.split_once(&format!("{what} "))?;
    after.split_once('%')?.0.parse().ok()
}

/// The article over and over, to `bytes` bytes or a little more.
fn long_text(bytes: usize) -> String {
    let article = std::fs::read_to_string(pty::ARTICLE).unwrap();
    article.repeat(bytes / article.len() + 1)
}

#[test]
fn reading_a_large_file_shows_how_far_it_has_got_and_keys_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    std::fs::write(&file, long_text(5 * qari::source::CHUNK)).unwrap();
    let (gate, mut hold) = gate(dir.path());
    let mut p = Pty::spawn_with_env(
        &[file.to_str().unwrap()],
        &[("QARI_TEST_PROGRESS_GATE", gate.to_str().unwrap())],
        100,
        30,
    );
    let status = |p: &Pty| p.frame_rows().last().cloned().unwrap_or_default();
    p.expect("reading, part of the way", |rows| {
        percent(rows.last().unwrap(), "reading").is_some_and(|n| n > 0 && n < 100)
    });
    let first = percent(&status(&p), "reading").unwrap();
    // The reader scrolls while the file is held half read.
    let top = p.frame_rows()[0].clone();
    p.press(Key::Char('j'));
    assert_ne!(p.frame_rows()[0], top, "j scrolled");
    assert_eq!(percent(&status(&p), "reading"), Some(first), "still held");
    // One more step.
    std::io::Write::write_all(&mut hold, b".").unwrap();
    p.expect("reading further", |rows| {
        percent(rows.last().unwrap(), "reading").is_some_and(|n| n > first)
    });
    // Let it all through: the file is read, and the status bar says nothing of it.
    drop(hold);
    p.expect("the file read", |rows| {
        !rows.last().unwrap().contains("reading") && !rows.last().unwrap().contains("sections")
    });
    p.press(Key::Char('G'));
    p.expect("the end", |rows| rows.last().unwrap().contains("100%"));
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

/// A FIFO in `dir` for `QARI_TEST_PROGRESS_GATE`, and its writing end, opened for reading and
/// writing so that neither side waits for the other to open it: the work is held at each step
/// until a byte is written or the end is dropped.
fn gate(dir: &std::path::Path) -> (std::path::PathBuf, std::fs::File) {
    let gate = dir.join("gate");
    let made = Command::new("mkfifo").arg(&gate).status().unwrap();
    assert!(made.success());
    let hold = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&gate)
        .unwrap();
    (gate, hold)
}

/// A web page of about 300 KB: the article, repeated, inside a site's menu and footer.
fn large_page(dir: &std::path::Path) -> std::path::PathBuf {
    let paragraphs: String = long_text(300 << 10)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("شراكة خاصة"))
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html lang=ar dir=rtl><head><title>مقال طويل | الموقع</title>\
         <meta property=og:title content=\"مقال طويل\"></head><body>\
         <nav><a href=/>الصفحة الرئيسية</a> <a href=/news>أخبار العالم</a></nav>\
         <article><h1>مقال طويل</h1>{paragraphs}</article>\
         <footer>جميع الحقوق محفوظة للموقع</footer></body></html>"
    );
    let file = dir.join("page.html");
    std::fs::write(&file, page).unwrap();
    file
}

/// Qari at 100×30 on a large page, its article held back (until the returned end of the gate
/// is written to or dropped), once the page's title is on screen with what is being done.
fn held_page(dir: &std::path::Path) -> (Pty, std::fs::File) {
    let page = large_page(dir);
    let (gate, hold) = gate(dir);
    let p = Pty::spawn_with_env(
        &[page.to_str().unwrap()],
        &[("QARI_TEST_PROGRESS_GATE", gate.to_str().unwrap())],
        100,
        30,
    );
    p.expect("the title while the article is found", |rows| {
        rows.last().unwrap().contains("finding the article…")
            && pty::row_of(rows, "مقال طويل").is_some()
    });
    (p, hold)
}

#[test]
fn a_large_page_opens_on_its_title_and_its_article_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, hold) = held_page(dir.path());
    // No markup, none of the site around the article and none of the article yet.
    let shown = p.frame_rows().join("\n");
    assert!(!shown.contains('<'), "markup on screen:\n{shown}");
    for absent in ["حلف شمال الأطلسي", "الصفحة الرئيسية", "الموقع"]
    {
        assert!(
            pty::row_of(&p.frame_rows(), absent).is_none(),
            "{absent}:\n{shown}"
        );
    }
    // Keys work meanwhile: the help opens and closes.
    p.press(Key::Char('?'));
    p.expect("the help", |rows| rows.iter().any(|r| r.contains(" keys ")));
    p.press(Key::Char('?'));
    p.expect("the help closed", |rows| {
        !rows.iter().any(|r| r.contains(" keys "))
    });
    // Let it through: the article replaces the title alone, the site around it left out.
    drop(hold);
    p.expect_phrase("حلف شمال الأطلسي");
    let rows = p.frame_rows();
    let shown = rows.join("\n");
    assert!(!rows.last().unwrap().contains("finding"), "{shown}");
    assert!(pty::row_of(&rows, "مقال طويل").is_some(), "{shown}");
    assert!(pty::row_of(&rows, "الصفحة الرئيسية").is_none(), "{shown}");
    // Its entities are recognised then, as a small document's are: their mentions underlined.
    p.expect_cells("mentions underlined", |f| {
        (0..f.len()).any(|r| !pty::runs(pty::article_cells(f, r), |c| c.underline).is_empty())
    });
    p.press(Key::Char('G'));
    p.expect("the end of the article", |rows| {
        rows.last().unwrap().contains("100%")
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn q_quits_a_large_page_at_once_while_its_article_is_being_found() {
    let dir = tempfile::tempdir().unwrap();
    // Held for good: the article is never found.
    let (mut p, _hold) = held_page(dir.path());
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

/// The status bar of `app` drawn at 100×30.
fn status(app: &mut App) -> String {
    app.update(Action::Resize(100, 30));
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..100).map(|x| buf[(x, 29)].symbol()).collect()
}

#[test]
fn sections_and_entities_being_found_show_in_the_status_bar_until_they_are() {
    let text = long_text(qari::app::BACKGROUND_OUTLINE + 1);
    let doc = Document::new(text, "long");
    let mut a = App::new(doc, LayoutOptions::default());
    // Until the loop takes what the threads found, they are running as far as it knows.
    assert!(status(&mut a).contains(" sections… "), "{}", status(&mut a));
    a.start_entities();
    let shown = status(&mut a);
    let n = percent(&shown, "entities");
    assert!(n.is_some_and(|n| n <= 100), "{shown}");
    while a.busy() {
        a.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let shown = status(&mut a);
    assert!(
        !shown.contains("sections…") && percent(&shown, "entities").is_none(),
        "{shown}"
    );
}
