//! The section navigator: the article's outline, the section being read highlighted as the
//! view scrolls, the selection marked when the pane has the focus.

use crate::app::{App, Focus};
use crate::ui::{pane, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the navigator into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let inner = pane::frame(buf, area, app);
    if app.outline_pending() {
        pane::paint_note(buf, inner, "analysing…", &app.layout.options());
        return;
    }
    let current = app.current_section();
    let focused = app.focus == Focus::Side;
    let opts = app.layout.options();
    let h = usize::from(inner.height);
    let first = pane::scroll_offset(app.nav_selected, h);
    for (i, s) in app.outline.sections.iter().enumerate().skip(first).take(h) {
        let y = inner.y + (i - first) as u16;
        let mut style = theme::active().section(s.level);
        if Some(i) == current {
            style = style.patch(theme::active().current());
        }
        if focused && i == app.nav_selected {
            style = style.patch(theme::active().selected());
        }
        let indent = 1 + 2 * u16::from(s.level.saturating_sub(1));
        let title = app.outline.title(s, &app.doc.text);
        pane::paint_entry(buf, inner, y, indent, title, style, &opts);
    }
    if app.outline.sections.is_empty() {
        pane::paint_entry(
            buf,
            inner,
            inner.y,
            1,
            "no sections",
            theme::active().dim(),
            &opts,
        );
    }
}
