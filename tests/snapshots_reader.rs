//! Snapshot tests of whole screens, drawn into ratatui's `TestBackend`: the article at 80×24
//! and 40×12, after scrolling, and the help overlay. A change to what a reader sees shows up
//! as a snapshot diff to review.
#![allow(clippy::unwrap_used)]

use qari::app::{Action, App};
use qari::document::Document;
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(shape: bool) -> App {
    let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
    App::new(
        doc,
        LayoutOptions {
            shape,
            ..LayoutOptions::default()
        },
    )
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

#[test]
fn article_80x24() {
    insta::assert_snapshot!(screen(&mut app(false), 80, 24));
}

#[test]
fn article_80x24_shaped() {
    insta::assert_snapshot!(screen(&mut app(true), 80, 24));
}

#[test]
fn article_40x12() {
    insta::assert_snapshot!(screen(&mut app(false), 40, 12));
}

#[test]
fn article_after_page_down_and_bottom() {
    let mut a = app(false);
    screen(&mut a, 80, 24);
    a.update(Action::PageDown);
    insta::assert_snapshot!("page_down", screen(&mut a, 80, 24));
    a.update(Action::Bottom);
    insta::assert_snapshot!("bottom", screen(&mut a, 80, 24));
}

#[test]
fn help_overlay() {
    let mut a = app(false);
    a.update(Action::Help);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&mut app(false), 10, 3));
}
