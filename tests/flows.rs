//! Whole-reader key flows in-process: the real event loop and key routing drawing into
//! ratatui's `TestBackend`, keys pressed and screens read back without a pseudo-terminal.
#![allow(clippy::unwrap_used)]

use qari::app::App;
use qari::document::Document;
use qari::event_loop::{self, Exit, Input};
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::mpsc;

/// A reader on the article qari ships with.
fn reader() -> App {
    let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
    App::new(doc, LayoutOptions::default())
}

fn key(code: KeyCode) -> Input {
    Input::Event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The rows of the screen as text.
fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_loop_draws_handles_every_waiting_key_and_quits() {
    let mut app = reader();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let (tx, rx) = mpsc::channel();
    for k in [KeyCode::Char('?'), KeyCode::Char('q')] {
        tx.send(key(k)).unwrap();
    }
    assert_eq!(event_loop::run(&mut t, &mut app, &rx).unwrap(), Exit::Quit);
    assert!(app.quit);
    // `?` and `q` were read in one burst: the frame after them is never drawn, so the screen
    // is the first frame, the article at the full size of the terminal.
    let screen = rows(&t);
    assert!(screen[23].contains("help"), "status bar: {}", screen[23]);
    assert!(
        !screen.iter().any(|r| r.contains(" keys ")),
        "no help overlay drawn"
    );
}

#[test]
fn a_resize_event_lays_the_article_out_at_the_new_width() {
    let mut app = reader();
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let (tx, rx) = mpsc::channel();
    tx.send(Input::Event(Event::Resize(50, 20))).unwrap();
    drop(tx);
    event_loop::run(&mut t, &mut app, &rx).unwrap();
    assert!(
        app.layout.width() < 50,
        "the article is laid out for 50 columns, not 100: {}",
        app.layout.width()
    );
}
