//! The status bar: the document's name, a notice if any, the position in percent, `? help`.

use crate::app::App;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the status bar.
pub fn draw(buf: &mut Buffer, area: Rect, app: &mut App) {
    buf.set_style(area, theme::status());
    let right = format!(" {}%  ? help ", app.percent());
    let opts = app.layout.options();
    let mut left = vec![Span::raw(" "), Span::raw(bidi_line(&app.doc.name, &opts))];
    if app.encoding != "UTF-8" {
        left.push(Span::raw(format!("  [{}]", app.encoding)));
    }
    if let Some(n) = &app.notice {
        left.push(Span::raw("  "));
        left.push(Span::styled(n.clone(), theme::notice()));
    }
    let rw = right.chars().count() as u16;
    let left_area = Rect {
        width: area.width.saturating_sub(rw),
        ..area
    };
    Line::from(left).render(left_area, buf);
    let right_area = Rect {
        x: area.right().saturating_sub(rw),
        width: rw.min(area.width),
        ..area
    };
    Line::from(right).render(right_area, buf);
}

/// A short text (a title) in visual order through the same layout engine as the article, so
/// an Arabic title is never shown reversed.
pub fn bidi_line(s: &str, opts: &crate::layout::LayoutOptions) -> String {
    crate::layout::layout_paragraph(s, 0..s.len(), u16::MAX, opts)
        .first()
        .map(|r| r.text(s))
        .unwrap_or_default()
}
