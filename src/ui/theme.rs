//! Colours and text attributes, in one place. Every highlight also has a non-colour cue
//! (bold, underline, reverse) so it reads under `NO_COLOR` and on monochrome terminals.

use ratatui::style::{Color, Modifier, Style};

/// The status bar.
pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A notice in the status bar (decoding problems, "not found").
pub fn notice() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// The scrollbar thumb.
pub fn thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Borders and titles of overlays and panes.
pub fn border() -> Style {
    Style::new().fg(Color::Cyan)
}

/// A key name in the help overlay.
pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
