//! The help overlay, generated from the keymap table.

use crate::keymap::help_lines;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Draws the key help centred over `area`, in two columns when one does not fit.
pub fn draw(buf: &mut Buffer, area: Rect) {
    let entries = help_lines();
    let fits = entries.len() as u16 + 2 <= area.height;
    let (cols, col_w) = if fits || area.width < 70 {
        (1, 44)
    } else {
        (2, 38)
    };
    let per_col = entries.len().div_ceil(cols);
    let lines: Vec<Line> = (0..per_col)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..cols {
                if let Some((keys, what)) = entries.get(c * per_col + r) {
                    spans.push(Span::styled(format!("{keys:>14} "), theme::key()));
                    spans.push(Span::raw(format!(
                        "{:<w$}",
                        what,
                        w = usize::from(col_w) - 15
                    )));
                }
            }
            Line::from(spans)
        })
        .collect();
    let h = (per_col as u16 + 2).min(area.height);
    let w = (col_w * cols as u16 + 2).min(area.width);
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
