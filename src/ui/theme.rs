//! Colours and text attributes, in one place. Every highlight also has a non-colour cue
//! (bold, underline, reverse, italic) so it reads under `NO_COLOR` and on monochrome terminals.

use crate::document::structure::LineKind;
use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;

/// True when the user asked for no colours (`NO_COLOR` set and not empty, see no-color.org).
fn no_color() -> bool {
    static NO: OnceLock<bool> = OnceLock::new();
    *NO.get_or_init(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// A style with foreground colour `c`, unless colours are off.
fn fg(c: Color) -> Style {
    if no_color() {
        Style::new()
    } else {
        Style::new().fg(c)
    }
}

/// A style with background colour `c`, unless colours are off.
fn bg(c: Color) -> Style {
    if no_color() {
        Style::new()
    } else {
        Style::new().bg(c)
    }
}

/// The status bar.
pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A notice in the status bar (decoding problems, "not found").
pub fn notice() -> Style {
    fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The scrollbar thumb.
pub fn thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Borders and titles of overlays and unfocused panes.
pub fn border() -> Style {
    fg(Color::DarkGray)
}

/// The border of the pane that has the keyboard focus.
pub fn focused_border() -> Style {
    fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// A tab name of the side pane.
pub fn tab() -> Style {
    fg(Color::DarkGray)
}

/// The tab being shown.
pub fn tab_active() -> Style {
    fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// A heading in the help overlay.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// A key name in the help overlay.
pub fn key() -> Style {
    fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// Secondary text ("analysing…", "no sections").
pub fn dim() -> Style {
    fg(Color::DarkGray).add_modifier(Modifier::ITALIC)
}

/// A navigator entry by outline level.
pub fn section(level: u8) -> Style {
    match level {
        1 => Style::new().add_modifier(Modifier::BOLD),
        2 => fg(Color::Cyan),
        _ => Style::new(),
    }
}

/// The section the view is in (navigator), or the selected entity while the pane is not focused.
pub fn current() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The selection of a focused pane.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A kind's heading in the entity pane.
pub fn group_heading() -> Style {
    fg(Color::DarkGray).add_modifier(Modifier::BOLD)
}

/// A mention of an entity of `kind` (one colour a kind; underlined in any case).
pub fn entity(kind: Kind) -> Style {
    let c = match kind {
        Kind::Person => Color::Magenta,
        Kind::Organization => Color::Cyan,
        Kind::Location => Color::Green,
        Kind::Other => Color::Yellow,
    };
    fg(c).add_modifier(Modifier::UNDERLINED)
}

/// A search match.
pub fn search_match() -> Style {
    bg(Color::Yellow)
        .patch(fg(Color::Black))
        .add_modifier(Modifier::REVERSED)
}

/// The match the view is on.
pub fn current_match() -> Style {
    bg(Color::LightRed)
        .patch(fg(Color::Black))
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// How a line of the article looks, by what it is.
pub fn line(kind: LineKind) -> Style {
    match kind {
        LineKind::Title => Style::new().add_modifier(Modifier::BOLD),
        LineKind::Heading => fg(Color::Cyan).add_modifier(Modifier::BOLD),
        LineKind::Item => Style::new().add_modifier(Modifier::BOLD),
        LineKind::Quote => fg(Color::Blue).add_modifier(Modifier::ITALIC),
        LineKind::Source => fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
        _ => Style::new(),
    }
}
