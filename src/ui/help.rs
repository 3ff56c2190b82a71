//! The help overlay, generated from the keymap table: each context's keys under its heading,
//! scrolled with the movement keys when it does not fit.

use crate::app::App;
use crate::app::screen::help_area;
use crate::keymap::HelpLine;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Columns given to a binding's keys.
const KEYS_WIDTH: usize = 16;

/// Draws the key help centred over `area` (the screen above the status bar), from the line the
/// reader has scrolled it to.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let entries = app.keys.help_lines();
    let r = help_area(area, entries.len());
    let shown = usize::from(r.height.saturating_sub(2));
    let first = app.help_top.min(entries.len().saturating_sub(shown));
    let lines: Vec<Line> = entries
        .iter()
        .skip(first)
        .take(shown)
        .map(|l| match l {
            HelpLine::Heading(h) => Line::styled(format!(" {h}"), theme::active().heading()),
            HelpLine::Keys(keys, what) => Line::from(vec![
                Span::styled(format!("{keys:>KEYS_WIDTH$} "), theme::active().key()),
                Span::raw(*what),
            ]),
        })
        .collect();
    let mut block = Block::bordered()
        .title(" keys ")
        .border_style(theme::active().border());
    if shown < entries.len() {
        let last = (first + shown).min(entries.len());
        block = block.title_bottom(format!(
            " {}–{} of {}, j/k scroll ",
            first + 1,
            last,
            entries.len()
        ));
    }
    Clear.render(r, buf);
    Paragraph::new(lines).block(block).render(r, buf);
}
