//! Snapshot tests of the side panes and highlights: the navigator open, focused and following
//! the scroll, the entity pane, entity highlights in the text, the search prompt with an Arabic
//! query and its highlighted matches; a Markdown post with its inline styles and links. Styles are snapshotted as a map beside the text, so a lost
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
    insta::assert_snapshot!(without_percent(&screen(&mut a, 100, 12), "entities"));
}

/// `shown` with the percent of `what` in the status bar (`   entities 43%`, how far a thread
/// has got when the screen is drawn) written as ` entities ?%`, the spaces before it made one.
fn without_percent(shown: &str, what: &str) -> String {
    let label = format!("{what} ");
    let Some((before, after)) = shown.split_once(&label) else {
        return shown.to_owned();
    };
    let (_, rest) = after.split_once('%').unwrap();
    format!("{} {label}?%{rest}", before.trim_end_matches(' '))
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

/// The reader on fixture `name` of `tests/markdown/`, read as Markdown.
fn markdown_app(name: &str) -> App {
    let path = format!("{}/tests/markdown/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let doc = qari::format::read(text, name, qari::format::Format::Markdown);
    let opts = LayoutOptions {
        default_rtl: doc.rtl,
        ..Default::default()
    };
    App::new(doc, opts)
}

/// A post with front matter, a code block and a table at 80×24: the front matter's title as
/// the title and nowhere else, marks hidden and their styles kept (the link underlined), code
/// left to right and cut at the edge, list items in the text but not in the navigator, the
/// table's first column on the right.
#[test]
fn markdown_post_with_front_matter_code_and_table() {
    insta::assert_snapshot!(screen(&mut markdown_app("post.md"), 80, 24));
}

#[test]
fn l_selects_a_link_and_names_its_url() {
    let mut app = markdown_app("links_images.md");
    app.update(Action::Resize(80, 24));
    app.update(Action::NextLink);
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("https://example.com/docs"), "{notice}");
    assert!(notice.starts_with("link 1/2"), "{notice}");
    let r = app.selected_link().unwrap();
    assert_eq!(app.doc.text.get(r).unwrap(), "الوثائق");
    app.update(Action::NextLink);
    assert!(app.notice.clone().unwrap().contains("https://qari.example"));
    app.update(Action::PrevLink);
    assert!(app.notice.clone().unwrap().starts_with("link 1/2"));
}
