//! Opening a large file on its first lines: the head is whole lines decoded like the full file,
//! and when the rest arrives the reader keeps its place and analyses the whole document.
#![allow(clippy::unwrap_used)]

use qari::app::App;
use qari::document::Document;
use qari::layout::LayoutOptions;
use qari::source::{Input, LoadOptions, load, load_head};

fn big_file() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let text = qari::source::EMBEDDED_ARTICLE.repeat(8);
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
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
    let head = load_head(&input, &LoadOptions::default(), 10_000)
        .unwrap()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (go, gate) = std::sync::mpsc::channel();
    let mut app = App::streaming(
        Document::new(head.text, head.name),
        LayoutOptions::default(),
        rx,
        go,
    );
    assert!(
        gate.try_recv().is_err(),
        "nothing is read before the first frame"
    );
    app.after_frame();
    assert!(
        gate.try_recv().is_ok(),
        "the first frame lets the reading thread start"
    );
    app.resize(80, 20);
    app.jump_to_byte(5_000);
    let before = app.top_byte();
    assert!(app.loading());
    tx.send(load(&input, &LoadOptions::default())).unwrap();
    assert!(app.poll_loading());
    assert!(!app.loading());
    assert_eq!(&*app.doc.text, text.as_str());
    assert_eq!(app.top_byte(), before, "the reading position is kept");
    assert!(
        !app.outline.sections.is_empty(),
        "the whole document is analysed"
    );
}
