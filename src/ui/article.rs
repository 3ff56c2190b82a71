//! The article pane: visual rows painted cell by cell, right-to-left rows against the right
//! edge, each cell styled by the byte ranges (matches, entity mentions) its source range falls in.

use crate::app::{App, EntityState, scroll::QUOTE_INDENT};
use crate::document::structure::LineKind;
use crate::layout::{VisualRow, direction_mark};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

/// Draws the rows from `app.top` down, and the scrollbar.
pub fn draw(buf: &mut Buffer, area: Rect, bar: Rect, app: &App) {
    let mut pos = Some(app.top);
    for y in area.top()..area.bottom() {
        let Some(p) = pos else { break };
        let rows = app.rows(p.para, p.row);
        let kind = app
            .outline
            .kinds
            .get(p.para)
            .copied()
            .unwrap_or(LineKind::Body);
        if let Some(row) = rows.get(p.row) {
            let mut inner = area;
            if app.pull_quote(p.para) {
                inner.x += QUOTE_INDENT;
                inner.width = inner.width.saturating_sub(2 * QUOTE_INDENT);
            }
            let base = if app.doc.is_code(p.para) {
                theme::active().code()
            } else {
                theme::active().line(kind)
            };
            paint_row(buf, inner, y, row, &app.doc.text, |r| {
                cell_style(app, base, &r)
            });
        }
        pos = app.next_pos(p);
    }
    draw_scrollbar(buf, bar, app);
}

/// The style of a cell showing source bytes `r`: its line's style, then an entity mention's,
/// then a search match's (the current match stands out from the others).
fn cell_style(app: &App, base: Style, r: &Range<usize>) -> Style {
    let mut s = base;
    if let Some(b) = &app.doc.blocks {
        s = s.patch(theme::active().inline(b.style_at(r.start)));
        if app
            .selected_link()
            .is_some_and(|l| l.start <= r.start && r.start < l.end)
        {
            s = s.patch(theme::active().selected());
        }
    }
    if let (true, EntityState::Ready { mentions, .. }) = (app.highlights, &app.entities)
        && let Some(kind) = mentions.kind_at(r)
    {
        s = s.patch(theme::active().entity(kind));
    }
    if app
        .selected_range()
        .is_some_and(|sel| sel.start <= r.start && r.start < sel.end)
    {
        s = s.patch(theme::active().selected());
    }
    let m = &app.search.matches;
    let i = m.partition_point(|x| x.end <= r.start);
    if let Some(hit) = m.get(i).filter(|x| x.start < r.end) {
        let current = app.search.current.and_then(|c| m.get(c)) == Some(hit);
        s = s.patch(if current {
            theme::active().current_match()
        } else {
            theme::active().search_match()
        });
    }
    s
}

/// A marked row's leading mark (the row's direction for a terminal that reorders each line by
/// itself, such as a row's first word being a number) goes into the blank cell just before the
/// row, when there is one in `area`: ratatui writes only the cells that change, so a mark in the
/// row's first cell could follow cells never written, and Konsole then takes it as the whole
/// line's direction. A blank with a mark differs from a blank, so it is written. Returns whether
/// the mark found such a cell.
fn mark_before(buf: &mut Buffer, area: Rect, x: u16, y: u16, rtl: bool) -> bool {
    if x <= area.x || buf[(x - 1, y)].symbol() != " " {
        return false;
    }
    let mut blank = String::from(" ");
    blank.push(direction_mark(rtl));
    buf[(x - 1, y)].set_symbol(&blank);
    true
}

/// Paints one visual row at line `y` of `area`; `style` gives each cell's style from its source range.
pub fn paint_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    row: &VisualRow,
    doc: &str,
    style: impl Fn(Range<usize>) -> Style,
) {
    let mut x = if row.rtl {
        area.right().saturating_sub(row.width)
    } else {
        area.x
    };
    x = x.max(area.x);
    let last = row.cells.len().saturating_sub(1);
    for (i, cell) in row.cells.iter().enumerate() {
        let w = u16::from(cell.width);
        if x + w > area.right() {
            break;
        }
        let mut text = cell.text(doc);
        let tab = w > 1 && text.trim().is_empty();
        if row.marked && i == last {
            text.to_mut().push(direction_mark(row.rtl));
        }
        if row.marked && i == 0 && !mark_before(buf, area, x, y, row.rtl) {
            text.to_mut().insert(0, direction_mark(row.rtl));
        }
        let s = style(cell.range());
        if tab {
            // An expanded tab: one blank per column.
            for dx in 0..w {
                buf[(x + dx, y)].set_symbol(" ").set_style(s);
            }
        } else {
            buf[(x, y)].set_symbol(&text).set_style(s);
            for dx in 1..w {
                // The terminal draws a wide character over the next column: leave it empty.
                buf[(x + dx, y)].reset();
            }
        }
        x += w;
    }
}

/// A one-column scrollbar whose thumb sits where the view is in the document.
fn draw_scrollbar(buf: &mut Buffer, bar: Rect, app: &App) {
    if bar.height == 0 || bar.width == 0 {
        return;
    }
    let pct = u32::from(app.percent());
    let h = u32::from(bar.height);
    let y = bar.y + ((pct * (h - 1)) / 100) as u16;
    for yy in bar.top()..bar.bottom() {
        buf[(bar.x, yy)]
            .set_symbol("│")
            .set_style(theme::active().border());
    }
    buf[(bar.x, y)]
        .set_symbol("┃")
        .set_style(theme::active().thumb());
}
