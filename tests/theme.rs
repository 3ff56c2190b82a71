//! The dark and the light theme: chosen by `--theme`, by the settings, or from the terminal's
//! answer about its background (whose bytes never act as keys); and a snapshot of the article in
//! the light theme.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Cell, Key, Pty, article_cells, cells_text};
use qari::app::{Action, App};
use qari::document::Document;
use qari::document::structure::LineKind;
use qari::entities::{Kind, Recogniser};
use qari::layout::LayoutOptions;
use qari::ui::theme::{self, DARK, LIGHT, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Style};
use std::collections::BTreeSet;

/// The start of the article's title, its first line.
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// The palette index of every text colour `t` draws with.
fn colours_of(t: &Theme) -> BTreeSet<u8> {
    let mut styles: Vec<Style> = vec![
        t.notice(),
        t.border(),
        t.focused_border(),
        t.tab(),
        t.tab_active(),
        t.key(),
        t.dim(),
        t.group_heading(),
        t.code(),
    ];
    styles.extend((1..=3).map(|l| t.section(l)));
    styles.extend(
        [
            Kind::Person,
            Kind::Organization,
            Kind::Location,
            Kind::Other,
        ]
        .map(|k| t.entity(k)),
    );
    styles.extend([LineKind::Heading, LineKind::Quote, LineKind::Source].map(|k| t.line(k)));
    styles
        .iter()
        .filter_map(|s| match s.fg {
            Some(Color::Indexed(i)) => Some(i),
            _ => None,
        })
        .collect()
}

/// The palette index of every text colour on screen (search matches aside: none here).
fn colours_on(frame: &[Vec<Cell>]) -> BTreeSet<u8> {
    frame
        .iter()
        .flatten()
        .filter_map(|c| match c.fg {
            vt100::Color::Idx(i) => Some(i),
            _ => None,
        })
        .collect()
}

/// Waits for the article's title and its pull quote in colour, and checks that every colour on
/// screen is `t`'s; returns the rows.
fn expect_theme(p: &Pty, t: &Theme) -> Vec<String> {
    let quote = match t.line(LineKind::Quote).fg {
        Some(Color::Indexed(i)) => i,
        other => panic!("the quote's colour {other:?}"),
    };
    p.expect_phrase(TITLE_START);
    p.expect_cells("the pull quote in its colour", |f| {
        colours_on(f).contains(&quote)
    });
    let on_screen = colours_on(&p.frame_cells());
    let other = if *t == LIGHT { &DARK } else { &LIGHT };
    assert!(
        on_screen.is_subset(&colours_of(t)),
        "{on_screen:?} not all of {:?}",
        colours_of(t)
    );
    assert!(on_screen.is_disjoint(&colours_of(other)), "{on_screen:?}");
    p.frame_rows()
}

/// Quits with `q` and checks the exit is clean.
fn quit(mut p: Pty) {
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn the_theme_flag_chooses_the_colours() {
    let p = Pty::spawn(&["--theme", "light"], 100, 30);
    expect_theme(&p, &LIGHT);
    quit(p);
    let p = Pty::spawn(&["--theme", "dark"], 100, 30);
    expect_theme(&p, &DARK);
    quit(p);
}

#[test]
fn the_settings_choose_the_theme_and_the_flag_goes_before_them() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("qari")).unwrap();
    std::fs::write(home.path().join("qari/config.toml"), "theme = \"light\"\n").unwrap();
    let env = [("XDG_CONFIG_HOME", home.path().to_str().unwrap())];
    let p = Pty::spawn_with_env(&[], &env, 100, 30);
    expect_theme(&p, &LIGHT);
    quit(p);
    let p = Pty::spawn_with_env(&["--theme", "dark"], &env, 100, 30);
    expect_theme(&p, &DARK);
    quit(p);
}

#[test]
fn auto_asks_the_terminal_and_its_answer_is_not_read_as_keys() {
    let light = Pty::spawn(&["--theme", "light"], 100, 30);
    let chosen = expect_theme(&light, &LIGHT);
    quit(light);
    // The answer holds `b`, `g`, `f` and `/`: read as keys, they would scroll and open the
    // search prompt.
    let p = Pty::spawn_on_background(&[], "rgb:ffff/ffff/ffff", 100, 30);
    assert_eq!(
        expect_theme(&p, &LIGHT),
        chosen,
        "the same screen as --theme light"
    );
    quit(p);
    let p = Pty::spawn_on_background(&[], "rgb:1c1c/1c1c/1c1c", 100, 30);
    expect_theme(&p, &DARK);
    quit(p);
}

#[test]
fn a_terminal_that_does_not_answer_gets_the_dark_theme_and_keys_typed_meanwhile_count() {
    let mut p = Pty::spawn(&[], 100, 30);
    // Typed at once: read while qari waits for an answer, or after.
    p.send("G");
    p.expect("the end of the article", |rows| {
        rows.last().is_some_and(|r| r.contains("100%"))
    });
    let frame = p.frame_cells();
    let on_screen = colours_on(&frame);
    assert!(on_screen.is_subset(&colours_of(&DARK)), "{on_screen:?}");
    quit(p);
}

#[test]
fn an_answer_that_comes_after_the_first_frame_turns_the_theme_and_is_not_typed() {
    let mut p = Pty::spawn(&[], 100, 30);
    expect_theme(&p, &DARK);
    let before = p.frame_cells();
    // The first frame is drawn once qari has stopped waiting: this answer is late, as over a
    // slow link.
    p.send("\x1b]11;rgb:ffff/ffff/ffff\x1b\\");
    p.press(Key::Char('j'));
    let text = |f: &[Vec<Cell>], r| cells_text(article_cells(f, r));
    p.expect_cells("the light theme", |f| {
        colours_on(f).is_subset(&colours_of(&LIGHT)) && text(f, 0) == text(&before, 1)
    });
    let status = p.frame_rows().last().cloned().unwrap();
    assert!(!status.starts_with('/'), "no search prompt: {status}");
    quit(p);
}

/// The screen's text, then a map of its text colours, one letter a cell (`.` the terminal's
/// own), and which colour each letter is.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = t.backend().to_string();
    out.push_str("-- colours --\n");
    let mut seen: Vec<Color> = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let fg = buf[(x, y)].fg;
            if fg == Color::Reset {
                out.push('.');
                continue;
            }
            let i = seen.iter().position(|&c| c == fg).unwrap_or_else(|| {
                seen.push(fg);
                seen.len() - 1
            });
            out.push(char::from(b'a' + u8::try_from(i).unwrap()));
        }
        out.push('\n');
    }
    for (i, c) in seen.iter().enumerate() {
        out.push_str(&format!("{}: {c:?}\n", char::from(b'a' + i as u8)));
    }
    out
}

#[test]
fn light_theme_80x24() {
    theme::choose(LIGHT);
    let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
    let mut a = App::new(doc, LayoutOptions::default());
    let list = Recogniser::embedded().recognise(&a.doc.text);
    a.set_entities(list);
    a.update(Action::NextSection);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}
