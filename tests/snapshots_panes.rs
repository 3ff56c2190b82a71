//! Snapshot tests of the side panes and highlights: the navigator open, focused and following
//! the scroll, the entity pane, entity highlights in the text, the search prompt with an Arabic
//! query and its highlighted matches. Styles are snapshotted as a map beside the text, so a lost
//! highlight shows up in review even though `TestBackend` prints symbols only.
#![allow(clippy::unwrap_used)]

use qari::app::{Action, App};
use qari::document::Document;
use qari::entities::Recogniser;
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

fn app() -> App {
    let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
    App::new(doc, LayoutOptions::default())
}

/// The screen's text, then a map of its styles, one letter a cell: `r` reverse video (a search
/// match, a selection), `c` the current match (bold and underlined), `u` underlined (an entity
/// mention, the current section), `b` bold, `.` plain.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    app.settle();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = t.backend().to_string();
    out.push_str("-- styles --\n");
    for y in 0..h {
        for x in 0..w {
            let m = buf[(x, y)].modifier;
            out.push(
                if m.contains(Modifier::BOLD | Modifier::UNDERLINED)
                    && buf[(x, y)].bg != ratatui::style::Color::Reset
                {
                    'c'
                } else if m.contains(Modifier::REVERSED) {
                    'r'
                } else if m.contains(Modifier::UNDERLINED) {
                    'u'
                } else if m.contains(Modifier::BOLD) {
                    'b'
                } else {
                    '.'
                },
            );
        }
        out.push('\n');
    }
    out
}

fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

#[test]
fn navigator_open_beside_the_article() {
    insta::assert_snapshot!(screen(&mut app(), 100, 24));
}

#[test]
fn navigator_focused_with_a_selection() {
    let mut a = app();
    a.update(Action::FocusNext);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    insta::assert_snapshot!(screen(&mut a, 100, 24));
}

#[test]
fn navigator_follows_the_scroll() {
    let mut a = app();
    screen(&mut a, 100, 24);
    a.update(Action::NextSection);
    a.update(Action::NextSection);
    insta::assert_snapshot!(screen(&mut a, 100, 24));
}

#[test]
fn entity_pane_and_highlighted_mentions() {
    let mut a = app();
    let list = Recogniser::embedded().recognise(&a.doc.text);
    a.set_entities(list);
    a.update(Action::ToggleEntities);
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

#[test]
fn entity_pane_while_analysing() {
    let mut a = app();
    a.update(Action::ToggleEntities);
    insta::assert_snapshot!(screen(&mut a, 100, 12));
}

#[test]
fn search_prompt_with_an_arabic_query_and_its_matches() {
    let mut a = app();
    screen(&mut a, 100, 24);
    a.update(Action::Search);
    type_keys(&mut a, "الاطلسي");
    insta::assert_snapshot!(screen(&mut a, 100, 24));
}

#[test]
fn accepted_search_shows_its_position() {
    let mut a = app();
    screen(&mut a, 100, 24);
    a.update(Action::Search);
    type_keys(&mut a, "الناتو");
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    a.update(Action::NextMatch);
    insta::assert_snapshot!(screen(&mut a, 100, 24));
}
