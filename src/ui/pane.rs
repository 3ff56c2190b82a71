//! The frame shared by the side panes: tabs naming both panes, a border that shows focus, and
//! list entries laid out by the bidi engine (never reversed) and cut with an ellipsis.

use crate::app::{App, Focus, Side};
use crate::layout::{Cell, Glyph, LayoutOptions, VisualRow, layout_paragraph};
use crate::ui::{article::paint_row, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// Draws the pane's border and tabs; returns the area inside.
pub fn frame(buf: &mut Buffer, area: Rect, app: &App) -> Rect {
    let focused = app.focus == Focus::Side;
    let tab = |name: &'static str, side: Side| {
        if app.side == side {
            Span::styled(name, theme::active().tab_active())
        } else {
            Span::styled(name, theme::active().tab())
        }
    };
    let title = Line::from(vec![
        Span::raw(" "),
        tab("Sections", Side::Sections),
        Span::raw(" │ "),
        tab("Entities", Side::Entities),
        Span::raw(" "),
    ]);
    // The border faces the article: left of a pane on the right, right of a pane on the left.
    let borders = if app.doc.rtl {
        Borders::LEFT | Borders::TOP
    } else {
        Borders::RIGHT | Borders::TOP
    };
    let block = Block::new()
        .borders(borders)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme::active().focused_border()
        } else {
            theme::active().border()
        })
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// One entry of a list: `text` laid out in visual order at `width` columns; if it does not fit,
/// it is cut on its end side (the left of a right-to-left title) with an ellipsis.
pub fn entry_row(text: &str, width: u16, opts: &LayoutOptions) -> VisualRow {
    let w = width.max(2);
    let rows = layout_paragraph(text, 0..text.len(), w - 1, opts);
    let mut row = rows.first().cloned().unwrap_or_default();
    if rows.len() > 1 {
        let at = row.end;
        let ellipsis = Cell {
            start: at,
            end: at,
            width: 1,
            glyph: Glyph::Char('…'),
        };
        // The end side of a right-to-left title is the left in visual order, and the end of
        // the cells when the terminal reorders them.
        if row.rtl && opts.reorder {
            row.cells.insert(0, ellipsis);
        } else {
            row.cells.push(ellipsis);
        }
        row.width += 1;
    }
    row
}

/// Paints a note in place of a pane's entries ("analysing…"), dimmed, on its first line.
pub fn paint_note(buf: &mut Buffer, area: Rect, note: &str, opts: &LayoutOptions) {
    paint_entry(buf, area, area.y, 1, note, theme::active().dim(), opts);
}

/// Paints an entry at line `y` of `area`, indented by `indent` columns from its start side,
/// with `style` over the whole line (selection, current section).
pub fn paint_entry(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    indent: u16,
    text: &str,
    style: Style,
    opts: &LayoutOptions,
) {
    let line = Rect {
        y,
        height: 1,
        ..area
    };
    buf.set_style(line, style);
    let row = entry_row(text, area.width.saturating_sub(indent), opts);
    let inner = if row.rtl {
        Rect {
            width: area.width.saturating_sub(indent),
            ..line
        }
    } else {
        Rect {
            x: area.x + indent,
            width: area.width.saturating_sub(indent),
            ..line
        }
    };
    paint_row(buf, inner, y, &row, text, |_| style);
}

/// The first entry to draw so that `selected` stays visible in `height` lines.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}
