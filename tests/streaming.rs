//! Opening a large file on its first lines: the head is whole lines decoded like the full file,
//! and when the rest arrives the reader keeps its place and analyses the whole document.
#![allow(clippy::unwrap_used)]

use qari::app::App;
use qari::app::{Action, Whole, WholeFile};
use qari::document::Document;
use qari::layout::LayoutOptions;
use qari::source::{Input, LoadOptions, load, load_head, load_tail};
use std::sync::mpsc::{Receiver, Sender};

/// A reader on the first 10,000 bytes of `input`, with the sender that brings the whole file
/// and the gate the reader opens after its first frame.
fn streaming(input: &Input) -> (App, Sender<WholeFile>, Receiver<()>) {
    let head = load_head(input, &LoadOptions::default(), 10_000)
        .unwrap()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (go, gate) = std::sync::mpsc::channel();
    let app = App::streaming(
        Document::new(head.text, head.name),
        LayoutOptions::default(),
        rx,
        go,
    );
    (app, tx, gate)
}

/// What the reading thread sends for `input`: the whole file as a document.
fn whole(input: &Input) -> WholeFile {
    load(input, &LoadOptions::default()).map(Whole::from)
}

/// A file holding `text` in a fresh folder (gone with the folder).
fn file_of(text: String) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.txt");
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// The article eight times over.
fn big_file() -> (tempfile::TempDir, std::path::PathBuf, String) {
    file_of(qari::source::EMBEDDED_ARTICLE.repeat(8))
}

#[test]
fn the_head_is_whole_lines_of_the_same_text() {
    let (_dir, path, text) = big_file();
    let input = Input::Path(path);
    let head = load_head(&input, &LoadOptions::default(), 10_000)
        .unwrap()
        .expect("a head for a large file");
    assert!(head.text.ends_with('\n'), "the head ends at a line end");
    assert!(head.text.len() <= 10_000 && head.text.len() > 9_000 - 4_000);
    assert!(
        text.starts_with(&head.text),
        "offsets in the head are offsets in the whole file"
    );
    assert_eq!(head.encoding, "UTF-8");
    // Small files and stdin are read whole.
    assert!(
        load_head(&input, &LoadOptions::default(), 1 << 30)
            .unwrap()
            .is_none()
    );
    assert!(
        load_head(&Input::Stdin, &LoadOptions::default(), 10)
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_reader_takes_the_whole_file_and_keeps_its_place() {
    let (_dir, path, text) = big_file();
    let input = Input::Path(path);
    let (mut app, tx, gate) = streaming(&input);
    assert!(
        gate.try_recv().is_err(),
        "nothing is read before the first frame"
    );
    app.after_frame();
    assert!(
        gate.try_recv().is_ok(),
        "the first frame lets the reading thread start"
    );
    app.update(Action::Resize(80, 20));
    app.jump_to_byte(5_000);
    let before = app.top_byte();
    assert!(app.loading());
    arrives(&mut app, &tx, &input, &text);
    assert!(!app.loading());
    assert_eq!(app.top_byte(), before, "the reading position is kept");
    assert!(
        !app.outline.sections.is_empty(),
        "the whole document is analysed"
    );
}

/// A large file of distinct numbered lines, so that a byte offset names one place.
fn numbered_file() -> (tempfile::TempDir, std::path::PathBuf, String) {
    file_of(
        (0..3_000)
            .map(|i| format!("السطر رقم {i} من الملف الكبير\n"))
            .collect(),
    )
}

#[test]
fn the_tail_is_the_last_whole_lines_of_the_same_text() {
    let (_dir, path, text) = numbered_file();
    let input = Input::Path(path);
    let utf8 = LoadOptions {
        encoding: Some("UTF-8".into()),
        ..LoadOptions::default()
    };
    let tail = load_tail(&input, &utf8, 10_000)
        .unwrap()
        .expect("a tail for a large file");
    assert!(text.ends_with(&tail.text), "the tail ends the whole text");
    assert!(tail.text.len() <= 10_000 && tail.text.len() > 9_000);
    let before = text.len() - tail.text.len();
    assert_eq!(
        text.as_bytes()[before - 1],
        b'\n',
        "the tail starts at a line start"
    );
    // Without a known encoding, for small files and for stdin there is no tail.
    assert!(
        load_tail(&input, &LoadOptions::default(), 10_000)
            .unwrap()
            .is_none()
    );
    assert!(load_tail(&input, &utf8, 1 << 30).unwrap().is_none());
    assert!(load_tail(&Input::Stdin, &utf8, 10).unwrap().is_none());
}

/// A streaming reader on `numbered_file`, its first frame drawn, with the file's tail and the
/// sender that brings the whole file.
fn streaming_with_tail(path: &std::path::Path) -> (App, Sender<WholeFile>) {
    let input = Input::Path(path.to_path_buf());
    let (mut app, tx, _gate) = streaming(&input);
    let utf8 = LoadOptions {
        encoding: Some("UTF-8".into()),
        ..LoadOptions::default()
    };
    let tail = load_tail(&input, &utf8, 10_000).unwrap().unwrap();
    app.set_tail(Document::new(tail.text, tail.name));
    app.update(Action::Resize(80, 20));
    app.after_frame();
    (app, tx)
}

/// The whole file comes from the reading thread: the reader takes it, every byte of it.
fn arrives(app: &mut App, tx: &Sender<WholeFile>, input: &Input, text: &str) {
    tx.send(whole(input)).unwrap();
    assert!(app.poll_loading());
    assert_eq!(&*app.doc.text, text);
}

/// The line at the top of the view.
fn top_line(app: &mut App) -> String {
    let at = app.top_byte();
    app.doc.line_text(app.doc.line_at(at)).to_string()
}

/// The last line of the document on screen.
fn last_line(app: &App) -> &str {
    app.doc.line_text(app.doc.len() - 1)
}

#[test]
fn g_shows_the_end_before_the_rest_is_read_and_stays_there() {
    let (_dir, path, text) = numbered_file();
    let (mut app, tx) = streaming_with_tail(&path);
    app.update(Action::Bottom);
    assert!(app.loading(), "G did not wait for the whole file");
    assert_eq!(last_line(&app), "السطر رقم 2999 من الملف الكبير");
    assert_eq!(app.percent(), 100);
    arrives(&mut app, &tx, &Input::Path(path), &text);
    let bottom = app.top;
    app.update(Action::Bottom);
    assert_eq!(
        app.top, bottom,
        "still at the end once the whole file is in"
    );
}

#[test]
fn a_place_in_the_tail_is_kept_when_the_rest_arrives() {
    let (_dir, path, text) = numbered_file();
    let (mut app, tx) = streaming_with_tail(&path);
    app.update(Action::Bottom);
    app.update(Action::PageUp);
    app.update(Action::LineUp);
    let line = top_line(&mut app);
    arrives(&mut app, &tx, &Input::Path(path), &text);
    let now = top_line(&mut app);
    assert_eq!(now, line, "the same line is at the top");
    assert!(app.percent() < 100);
}

#[test]
fn g_after_g_goes_back_to_the_first_lines() {
    let (_dir, path, _text) = numbered_file();
    let (mut app, _tx) = streaming_with_tail(&path);
    app.update(Action::Bottom);
    app.update(Action::Top);
    assert_eq!(app.top_byte(), 0);
    assert_eq!(app.doc.line_text(0), "السطر رقم 0 من الملف الكبير");
    app.update(Action::Bottom);
    assert_eq!(last_line(&app), "السطر رقم 2999 من الملف الكبير");
}
