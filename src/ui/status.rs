//! The status bar: the current section's title (else the document's), the search position or
//! a notice, the encoding when not UTF-8, the position in percent and `? help`. While searching
//! it holds the prompt.

use crate::app::{App, Prompt};
use crate::layout::{LayoutOptions, VisualRow, layout_paragraph};
use crate::search::Mode;
use crate::ui::pane::entry_row;
use crate::ui::{article::paint_row, theme};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// Draws the status bar (or the search prompt) into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let opts = app.layout.options();
    if let Some(p) = app.search.prompt.clone() {
        return draw_prompt(frame, area, app, &p, &opts);
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, theme::active().status());
    let mut right = Vec::new();
    if app.notice.is_none()
        && let Some(pos) = app.search.position()
    {
        right.push(Span::raw(format!(" {pos} ")));
    }
    for running in app.progress() {
        right.push(Span::raw(format!(" {running} ")));
    }
    if app.doc.format != crate::format::Format::Text {
        right.push(Span::raw(format!(" [{}]", app.doc.format.name())));
    }
    if app.encoding != "UTF-8" {
        right.push(Span::raw(format!(" [{}]", app.encoding)));
    }
    right.push(Span::raw(format!(
        " {}%  {} ",
        app.percent(),
        app.keys.hint(crate::app::Action::Help)
    )));
    let right = Line::from(right);
    // The notice is laid out like the article (its Arabic in visual order) and painted cell by
    // cell: as a string, a lam-alef pair would count one column where it takes two.
    let notice = app.notice.as_ref().map(|n| {
        // The notice quotes user text in isolates of its own: hidden even under
        // --show-controls, which is about the document.
        let plain = LayoutOptions {
            show_controls: false,
            ..opts
        };
        let row = layout_paragraph(n, 0..n.len(), u16::MAX, &plain)
            .into_iter()
            .next()
            .unwrap_or_default();
        (n, VisualRow { rtl: false, ..row })
    });
    let notice_w = notice.as_ref().map_or(0, |(_, row)| row.width + 2);
    let tail_w = (right.width() as u16).min(area.width);
    let rw = (notice_w + tail_w).min(area.width);
    if let Some((text, row)) = &notice {
        let at = Rect {
            x: area.right() - rw + 1,
            width: rw.saturating_sub(tail_w + 1),
            ..area
        };
        let style = theme::active().status().patch(theme::active().notice());
        buf.set_style(
            Rect {
                x: at.x - 1,
                width: at.width + 1,
                ..at
            },
            style,
        );
        paint_row(buf, at, area.y, row, text, |_| style);
    }
    let title_area = Rect {
        width: area.width.saturating_sub(rw + 1),
        ..area
    };
    let title = app.current_title();
    let row = entry_row(&title, title_area.width.saturating_sub(1).max(1), &opts);
    let inner = Rect {
        x: title_area.x + 1,
        width: title_area.width.saturating_sub(1),
        ..title_area
    };
    // The title reads from the left edge even when it is right to left: it is a label, not text.
    let left_aligned = VisualRow { rtl: false, ..row };
    paint_row(buf, inner, area.y, &left_aligned, &title, |_| {
        theme::active().status()
    });
    frame.render_widget(
        right,
        Rect {
            x: area.right() - tail_w,
            width: tail_w,
            ..area
        },
    );
}

/// The search prompt: `/` then the query laid out by the bidi engine (an Arabic query reads
/// right to left), and the cursor where the next letter goes.
fn draw_prompt(frame: &mut Frame, area: Rect, app: &App, p: &Prompt, opts: &LayoutOptions) {
    let buf = frame.buffer_mut();
    buf.set_style(area, ratatui::style::Style::new());
    let label = if app.search.mode == Mode::Exact {
        "/[exact] "
    } else {
        "/"
    };
    let lw = label.chars().count() as u16;
    buf.set_string(area.x, area.y, label, theme::active().key());
    let field = Rect {
        x: area.x + lw,
        width: area.width.saturating_sub(lw + 1),
        ..area
    };
    let row = entry_row(&p.text, field.width.max(2), opts);
    paint_row(buf, field, area.y, &row, &p.text, |_| {
        ratatui::style::Style::new()
    });
    // A right-to-left query grows leftwards from the field's right edge; a left-to-right one rightwards.
    let x = if row.rtl && !p.text.is_empty() {
        field.right().saturating_sub(row.width + 1)
    } else {
        field.x + row.width
    };
    frame.set_cursor_position(Position {
        x: x.min(area.right().saturating_sub(1)),
        y: area.y,
    });
}
