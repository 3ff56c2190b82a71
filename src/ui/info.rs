//! The document information overlay: its facts in a box over the article, each value laid out
//! by the bidi engine like every other text from the document.

use crate::app::App;
use crate::ui::article::paint_row;
use crate::ui::pane::entry_row;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

/// Width of the overlay, borders included.
const WIDTH: u16 = 72;

/// Columns given to a fact's label.
const LABEL: u16 = 14;

/// Draws the facts gathered when the overlay opened, centred over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let h = (app.info.len() as u16 + 2).min(area.height);
    let w = WIDTH.min(area.width);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    let block = Block::bordered()
        .title(" document (any key closes) ")
        .border_style(theme::active().border());
    let inner = block.inner(r);
    block.render(r, buf);
    // Values from the document (its title, its path) are laid out like the article, never
    // written raw: in visual order, controls shown as symbols.
    let opts = app.layout.options();
    for ((label, value), y) in app.info.iter().zip(inner.y..inner.bottom()) {
        buf.set_stringn(
            inner.x + 1,
            y,
            label,
            usize::from(LABEL),
            theme::active().heading(),
        );
        let at = Rect {
            x: inner.x + 1 + LABEL,
            y,
            width: inner.width.saturating_sub(LABEL + 2),
            height: 1,
        };
        let row = entry_row(value, at.width.max(1), &opts);
        let left = crate::layout::VisualRow { rtl: false, ..row };
        paint_row(buf, at, y, &left, value, |_| ratatui::style::Style::new());
    }
}
