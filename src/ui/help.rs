//! The help overlay, generated from the keymap table.

use crate::keymap::help_lines;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Draws the key help centred over `area`.
pub fn draw(buf: &mut Buffer, area: Rect) {
    let lines: Vec<Line> = help_lines()
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>18}  "), theme::key()),
                Span::raw(what),
            ])
        })
        .collect();
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = 44.min(area.width);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" keys ")
                .border_style(theme::border()),
        )
        .render(r, buf);
}
