//! A large file opens on its first lines while the rest is read: whatever was asked of those
//! lines (a search, the encoding they were decoded with) is decided again for the whole file,
//! so no answer is limited to the first 64 KiB. In-process over the streaming reader, and end to
//! end in a terminal as a user meets it.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, numbered};
use qari::app::{Action, App, Whole, WholeFile};
use qari::document::Document;
use qari::layout::LayoutOptions;
use qari::source::{Input, LoadOptions, load, load_head, load_tail};
use std::sync::mpsc::Sender;
use tempfile::TempPath;

/// How much of a file the in-process reader opens on, as the binary opens on 64 KiB.
const HEAD: usize = 10_000;

/// A word the files below hold only where a test puts it.
const RARE: &str = "زنجبيل";

/// A scratch file holding `bytes`, removed when dropped.
fn file_of(bytes: &[u8]) -> TempPath {
    use std::io::Write;
    let mut file = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
    file.write_all(bytes).unwrap();
    file.into_temp_path()
}

/// `lines` numbered Arabic lines, with [`RARE`] on each line of `rare_on`.
fn numbered_lines(lines: usize, rare_on: &[usize]) -> String {
    (0..lines)
        .map(|i| {
            let rare = if rare_on.contains(&i) { RARE } else { "" };
            format!("السطر رقم {i} من الملف الكبير {rare}\n")
        })
        .collect()
}

/// A reader on the first lines of `path`, as the binary opens a large file, with the sender
/// that brings the whole file; its first frame drawn at 80×20.
fn streaming(path: &TempPath) -> (App, Sender<WholeFile>) {
    let input = Input::Path(path.to_path_buf());
    let head = load_head(&input, &LoadOptions::default(), HEAD)
        .unwrap()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (go, _gate) = std::sync::mpsc::channel();
    let mut app = App::streaming(
        Document::new(head.text, head.name),
        LayoutOptions::default(),
        rx,
        go,
    );
    app.encoding = head.encoding;
    app.update(Action::Resize(80, 20));
    app.after_frame();
    (app, tx)
}

/// The whole of `path` as the reading thread sends it.
fn whole(path: &TempPath) -> WholeFile {
    load(&Input::Path(path.to_path_buf()), &LoadOptions::default()).map(Whole::from)
}

/// The text of the line at the top of the view.
fn top_line(app: &mut App) -> String {
    let at = app.top_byte();
    app.doc.line_text(app.doc.line_at(at)).to_string()
}

#[test]
fn a_search_made_before_the_file_is_whole_is_finished_when_it_is() {
    let path = file_of(numbered_lines(3_000, &[2_990]).as_bytes());
    let (mut app, tx) = streaming(&path);
    app.search_for(RARE);
    assert!(
        app.search.matches.is_empty(),
        "the first lines hold no match"
    );
    assert!(
        !app.notice.as_deref().unwrap_or("").contains("not found"),
        "not found before the file was searched: {:?}",
        app.notice
    );
    tx.send(whole(&path)).unwrap();
    assert!(app.poll_loading());
    // The search runs again on the worker.
    app.settle();
    assert_eq!(app.search.position().as_deref(), Some("1/1"));
    assert!(
        app.notice.is_none(),
        "a notice after the match: {:?}",
        app.notice
    );
    // The view moved to the match: its line is on screen.
    let top = app.top_byte();
    let top = app.doc.line_at(top);
    let hit = app.doc.line_at(app.search.matches[0].start);
    assert!(
        (top..top + 20).contains(&hit),
        "line {hit} not shown from line {top}"
    );
}

#[test]
fn matches_found_in_the_first_lines_are_completed_by_the_rest() {
    let path = file_of(numbered_lines(3_000, &[3, 2_990]).as_bytes());
    let (mut app, tx) = streaming(&path);
    app.search_for(RARE);
    assert_eq!(app.search.position().as_deref(), Some("1/1"));
    let first = top_line(&mut app);
    tx.send(whole(&path)).unwrap();
    assert!(app.poll_loading());
    // The search runs again on the worker.
    app.settle();
    assert_eq!(app.search.position().as_deref(), Some("1/2"));
    assert_eq!(
        top_line(&mut app),
        first,
        "the view stays on the first match"
    );
    app.update(Action::NextMatch);
    let top = app.top_byte();
    assert!(
        app.doc.line_at(top) > 2_900,
        "n went to the match at the end"
    );
    // A later search from the prompt covers the whole file too.
    app.update(Action::Search);
    for c in RARE.chars() {
        app.on_key(ratatui::crossterm::event::KeyEvent::from(
            ratatui::crossterm::event::KeyCode::Char(c),
        ));
    }
    app.settle();
    assert_eq!(app.search.matches.len(), 2);
}

#[test]
fn n_before_the_file_is_whole_steps_through_all_of_it() {
    let path = file_of(numbered_lines(3_000, &[3, 2_990]).as_bytes());
    let (mut app, tx) = streaming(&path);
    app.search_for(RARE);
    // The rest has been read but not yet taken when `n` is pressed.
    tx.send(whole(&path)).unwrap();
    app.update(Action::NextMatch);
    assert_eq!(app.search.position().as_deref(), Some("2/2"));
    let top = app.top_byte();
    assert!(app.doc.line_at(top) > 2_900);
}

/// Windows-1256 bytes of `text`.
fn cp1256(text: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!bad);
    bytes.into_owned()
}

/// Lines of plain ASCII making up about `bytes` bytes.
fn ascii_lines(bytes: usize) -> String {
    (0..bytes / 40)
        .map(|i| format!("plain ascii line number {i:>8} of it\n"))
        .collect()
}

/// An Arabic sentence for the encoding tests.
const ARABIC: &str = "شراكة خاصة بين الناتو والمغرب";

#[test]
fn ascii_first_lines_do_not_decide_the_encoding_of_arabic_after_them() {
    // The first lines are ASCII, valid UTF-8; the Arabic after them is windows-1256.
    let mut bytes = ascii_lines(78_000).into_bytes();
    for _ in 0..2_000 {
        bytes.extend(cp1256(&format!("{ARABIC}\n")));
    }
    let path = file_of(&bytes);
    let input = Input::Path(path.to_path_buf());
    let plain = load(&input, &LoadOptions::default()).unwrap();
    assert_eq!(plain.encoding, "windows-1256");
    let head = load_head(&input, &LoadOptions::default(), 64 * 1024)
        .unwrap()
        .unwrap();
    assert_eq!(
        head.encoding, plain.encoding,
        "the head decides as --plain does"
    );
    let same = LoadOptions {
        encoding: Some(head.encoding.into()),
        ..LoadOptions::default()
    };
    let tail = load_tail(&input, &same, 64 * 1024).unwrap().unwrap();
    assert!(tail.text.contains(ARABIC) && !tail.text.contains('\u{FFFD}'));
    assert!(plain.text.starts_with(&head.text) && plain.text.ends_with(&tail.text));
}

#[test]
fn the_whole_file_decides_again_when_its_ends_did_not_show_the_encoding() {
    // ASCII at both ends, windows-1256 Arabic only in the middle: the ends look like UTF-8.
    let mut bytes = ascii_lines(30_000).into_bytes();
    for _ in 0..500 {
        bytes.extend(cp1256(&format!("{ARABIC}\n")));
    }
    bytes.extend(ascii_lines(30_000).into_bytes());
    let path = file_of(&bytes);
    let (mut app, tx) = streaming(&path);
    assert_eq!(app.encoding, "UTF-8");
    app.jump_to_byte(5_000);
    let line = top_line(&mut app);
    tx.send(whole(&path)).unwrap();
    assert!(app.poll_loading());
    assert_eq!(app.encoding, "windows-1256");
    assert!(app.doc.text.contains(ARABIC) && !app.doc.text.contains('\u{FFFD}'));
    assert_eq!(top_line(&mut app), line, "the reading position is kept");
}

#[test]
fn the_reader_shows_arabic_after_78_kb_of_ascii() {
    let mut bytes = ascii_lines(78_000).into_bytes();
    for i in 0..2_000 {
        bytes.extend(cp1256(&format!("{ARABIC} {i}\n")));
    }
    let path = file_of(&bytes);
    let mut pty = Pty::spawn(&[path.to_str().unwrap()], 100, 30);
    pty.expect("the first frame", |rows| {
        rows.iter().any(|r| r.contains("plain ascii"))
    });
    pty.press(Key::End);
    pty.expect("Arabic at the end", |rows| {
        let body = &rows[..rows.len() - 1];
        pty::row_of(body, ARABIC).is_some() && !body.iter().any(|r| r.contains('\u{FFFD}'))
    });
    let rows = pty.frame_rows();
    assert!(
        rows.last().unwrap().contains("windows-1256"),
        "{}",
        numbered(&rows)
    );
    pty.press(Key::Char('q'));
    assert_eq!(pty.wait_exit(), Some(0));
}

#[test]
fn search_from_the_command_line_finds_a_word_at_the_end_of_a_large_file() {
    let text = numbered_lines(12_000, &[11_990]);
    assert!(text.len() > 500_000);
    let path = file_of(text.as_bytes());
    let pty = Pty::spawn(&["--search", RARE, path.to_str().unwrap()], 100, 30);
    // The status bar may name the query: the match must be in the text above it.
    pty.expect("the line of the match", |rows| {
        pty::row_of(&rows[..rows.len() - 1], RARE).is_some()
    });
    assert!(
        !pty.frame_rows().iter().any(|r| r.contains("not found")),
        "{}",
        numbered(&pty.frame_rows())
    );
}
