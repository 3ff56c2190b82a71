//! Whole-reader key flows in-process: the real key routing and drawing into ratatui's
//! `TestBackend`, keys pressed and screens read back without a pseudo-terminal (section jumps,
//! entity mentions, search with `n`/`N`, a paste, the help scrolling, Tab after `e`), and the
//! event loop itself run on scripted input.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{logical, row_text};
use qari::app::App;
use qari::document::Document;
use qari::entities::Recogniser;
use qari::event_loop::{self, Exit, Input};
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::mpsc;

/// The article's first heading.
const FIRST: &str = "دوافع محددة";
/// The article's second heading.
const SECOND: &str = "استعادة الدور";

/// A reader on the article qari ships with (letters not joined, so a row read backwards is the
/// text), drawn into a test terminal after every key.
struct Reader {
    app: App,
    term: Terminal<TestBackend>,
}

impl Reader {
    fn new(w: u16, h: u16) -> Reader {
        let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
        let app = App::new(doc, LayoutOptions::default());
        let mut r = Reader {
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        };
        r.app.on_event(Event::Resize(w, h));
        r.draw();
        r
    }

    /// The same, with the article's entities recognised.
    fn with_entities(w: u16, h: u16) -> Reader {
        let mut r = Reader::new(w, h);
        let list = Recogniser::embedded().recognise(&r.app.doc.text);
        r.app.set_entities(list);
        r.draw();
        r
    }

    fn draw(&mut self) {
        self.app.settle();
        self.term.draw(|f| qari::ui::draw(f, &self.app)).unwrap();
    }

    /// Presses `code` (no modifier) and draws the next frame.
    fn press(&mut self, code: KeyCode) {
        self.app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
        self.draw();
    }

    /// Types `text`, one key a character.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// The rows of the screen as text.
    fn rows(&self) -> Vec<String> {
        let buf = self.term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    /// The status bar, as drawn.
    fn status(&self) -> String {
        self.rows().last().cloned().unwrap_or_default()
    }

    /// What the article's top row says, in logical order (the pane's columns left out).
    fn article_top(&self) -> String {
        let row = &self.rows()[0];
        let article: String = row.split(['┌', '┏']).next().unwrap_or("").into();
        row_text(&article)
    }

    /// The title on the left of the status bar, in logical order.
    fn status_title(&self) -> String {
        let status = self.status();
        let left = status
            .trim_start()
            .split("  ")
            .next()
            .unwrap_or("")
            .to_owned();
        logical(&left).trim().to_owned()
    }

    /// Whether the side pane has the focus (its border thick) and shows `tab`: that tab's name
    /// in the pane's header is underlined, as the tab shown is.
    fn pane_focused_on(&self, tab: &str) -> bool {
        let buf = self.term.backend().buffer();
        let name: Vec<String> = tab.chars().map(String::from).collect();
        let header: Vec<&ratatui::buffer::Cell> =
            (0..buf.area.width).map(|x| &buf[(x, 0)]).collect();
        let thick = header.iter().any(|c| c.symbol() == "┏");
        let shown = header.windows(name.len()).any(|w| {
            w.iter().zip(&name).all(|(c, n)| c.symbol() == n)
                && w.iter()
                    .all(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        });
        thick && shown
    }
}

#[test]
fn brackets_jump_between_sections() {
    let mut r = Reader::new(100, 30);
    r.press(KeyCode::Char(']'));
    assert_eq!(r.article_top(), FIRST, "{:#?}", r.rows());
    assert_eq!(r.status_title(), FIRST);
    r.press(KeyCode::Char(']'));
    assert_eq!(r.article_top(), SECOND);
    assert_eq!(r.status_title(), SECOND);
    r.press(KeyCode::Char('['));
    assert_eq!(r.article_top(), FIRST);
}

#[test]
fn tab_after_e_focuses_the_entity_pane_and_after_o_the_navigator() {
    let mut r = Reader::with_entities(100, 30);
    r.press(KeyCode::Char('e'));
    r.press(KeyCode::Tab);
    assert!(r.pane_focused_on("Entities"), "{:#?}", r.rows());
    r.press(KeyCode::Tab);
    assert!(!r.rows()[0].contains('┏'), "Tab again: the article");
    r.press(KeyCode::Char('o'));
    r.press(KeyCode::Tab);
    assert!(r.pane_focused_on("Sections"), "{:#?}", r.rows());
}

#[test]
fn enter_on_an_entity_and_m_and_shift_m_step_through_its_mentions() {
    let mut r = Reader::with_entities(100, 30);
    r.press(KeyCode::Char('e'));
    r.press(KeyCode::Tab);
    // Down the list to an entity mentioned at least three times.
    let mentions = |r: &Reader| r.app.selected_entity().unwrap().mentions.len();
    while mentions(&r) < 3 {
        let before = r.app.entity_selected;
        r.press(KeyCode::Char('j'));
        assert_ne!(
            r.app.entity_selected, before,
            "no entity has three mentions"
        );
    }
    r.press(KeyCode::Enter);
    let n = mentions(&r);
    let at = |i: usize| format!("mention {i}/{n}");
    // The notice is laid out like the article: its Arabic name reversed, the count not.
    assert!(r.status().contains(&at(1)), "{}", r.status());
    r.press(KeyCode::Char('m'));
    assert!(r.status().contains(&at(2)), "{}", r.status());
    r.press(KeyCode::Char('m'));
    assert!(r.status().contains(&at(3)), "{}", r.status());
    r.press(KeyCode::Char('M'));
    assert!(r.status().contains(&at(2)), "{}", r.status());
}

/// How many times the article spells `word`.
#[test]
fn a_in_the_entity_pane_lists_the_uncertain_names_marked_and_again_hides_them() {
    let mut r = Reader::with_entities(100, 30);
    r.press(KeyCode::Char('e'));
    r.press(KeyCode::Tab);
    let listed = |r: &Reader| r.app.entities.list().iter().any(|e| e.name == "المشهد");
    assert!(!listed(&r), "an uncertain name is not listed by default");
    let shown = r.app.entities.list().len();
    r.press(KeyCode::Char('a'));
    assert!(listed(&r), "a lists the uncertain names");
    assert!(
        r.status().contains("uncertain names shown"),
        "{}",
        r.status()
    );
    // Marked in the pane: its count with a question mark.
    while r.app.selected_entity().unwrap().name != "المشهد" {
        r.press(KeyCode::Char('j'));
    }
    assert!(
        r.rows().iter().any(|row| row.contains("(1?)")),
        "{:#?}",
        r.rows()
    );
    r.press(KeyCode::Char('a'));
    assert!(!listed(&r));
    assert_eq!(r.app.entities.list().len(), shown);
}

fn count(word: &str) -> usize {
    qari::source::EMBEDDED_ARTICLE.matches(word).count()
}

#[test]
fn a_search_then_n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut r = Reader::new(100, 30);
    r.press(KeyCode::Char('/'));
    // Typed without the hamza the article writes: the search folds it.
    r.type_text("الاطلسي");
    r.press(KeyCode::Enter);
    let total = count("الأطلسي");
    let at = |i: usize| format!(" {i}/{total} ");
    assert!(r.status().contains(&at(1)), "{}", r.status());
    r.press(KeyCode::Char('n'));
    assert!(r.status().contains(&at(2)), "{}", r.status());
    r.press(KeyCode::Char('N'));
    assert!(r.status().contains(&at(1)), "{}", r.status());
    r.press(KeyCode::Char('N'));
    assert!(
        r.status().contains("search wrapped to the bottom"),
        "{}",
        r.status()
    );
}

#[test]
fn a_paste_in_the_prompt_is_one_query() {
    let mut r = Reader::new(100, 30);
    r.press(KeyCode::Char('/'));
    r.app.on_event(Event::Paste("الاطلسي\n".into()));
    r.draw();
    r.press(KeyCode::Enter);
    let total = count("الأطلسي");
    assert!(
        r.status().contains(&format!(" 1/{total} ")),
        "{}",
        r.status()
    );
}

#[test]
fn keys_are_answered_while_a_search_runs_and_a_newer_query_replaces_it() {
    let mut r = Reader::new(100, 30);
    r.press(KeyCode::Char('/'));
    for c in "الاطلسي".chars() {
        r.app
            .on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(
        r.app.searching(),
        "each key returned before its search ended"
    );
    r.app
        .on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(r.app.quit, "Ctrl-c is answered with a search in flight");
    r.app.settle();
    assert_eq!(
        r.app.search.matches.len(),
        count("الأطلسي"),
        "the matches shown are the newest query's"
    );
}

#[test]
fn esc_cancels_the_search_in_flight() {
    let mut r = Reader::new(100, 30);
    let top = r.rows();
    r.press(KeyCode::Char('/'));
    r.app
        .on_key(KeyEvent::new(KeyCode::Char('م'), KeyModifiers::NONE));
    r.app
        .on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(!r.app.searching());
    r.draw();
    assert!(r.app.search.matches.is_empty(), "its matches never shown");
    assert_eq!(r.rows(), top, "the view where it was");
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    let mut r = Reader::new(60, 20);
    r.press(KeyCode::Char('?'));
    let shows = |r: &Reader, text: &str| r.rows().iter().any(|row| row.contains(text));
    assert!(shows(&r, "line down"), "{:#?}", r.rows());
    assert!(
        !shows(&r, "delete a letter"),
        "the help does not fit at 60×20"
    );
    // Its first lines: the heading, then the first binding.
    r.press(KeyCode::Char('j'));
    assert!(
        !shows(&r, "Reading") && shows(&r, "line down"),
        "j scrolls a line"
    );
    r.press(KeyCode::Char('j'));
    assert!(
        !shows(&r, "line down") && shows(&r, "line up"),
        "j scrolls a line"
    );
    r.press(KeyCode::Char('G'));
    assert!(shows(&r, "delete a letter"), "{:#?}", r.rows());
    assert!(shows(&r, "Backspace"));
    r.press(KeyCode::Char('g'));
    assert!(shows(&r, "line down"));
    // Esc closes it; the reader's keys work again.
    r.press(KeyCode::Esc);
    assert!(!shows(&r, " keys "));
}

fn key(code: KeyCode) -> Input {
    Input::Event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

#[test]
fn the_loop_handles_every_waiting_key_before_drawing_and_quits() {
    let mut r = Reader::new(80, 24);
    let (tx, rx) = mpsc::channel();
    for k in [KeyCode::Char(']'), KeyCode::Char('?'), KeyCode::Char('q')] {
        tx.send(key(k)).unwrap();
    }
    assert_eq!(
        event_loop::run(&mut r.term, &mut r.app, &rx).unwrap(),
        Exit::Quit
    );
    assert!(r.app.quit);
    // The three keys were read in one burst: the frame after them is never drawn, so the
    // screen is the first frame, at the top of the article, with no help over it.
    assert!(r.status().contains("help"), "{}", r.status());
    assert!(!r.rows().iter().any(|row| row.contains(" keys ")));
    assert_ne!(r.article_top(), FIRST);
}

#[test]
fn a_resize_event_lays_the_article_out_at_the_new_width() {
    let mut r = Reader::new(100, 30);
    let (tx, rx) = mpsc::channel();
    tx.send(Input::Event(Event::Resize(50, 20))).unwrap();
    drop(tx);
    assert_eq!(
        event_loop::run(&mut r.term, &mut r.app, &rx).unwrap(),
        Exit::Quit,
        "input gone: the loop ends"
    );
    assert!(
        r.app.layout.width() < 50,
        "the article is laid out for 50 columns, not 100: {}",
        r.app.layout.width()
    );
}
