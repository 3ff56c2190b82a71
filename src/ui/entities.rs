//! The entity pane: people, organisations, places and other names, each with its mention
//! count, most mentioned first, an uncertain one marked `?`; "analysing…" while the
//! recogniser runs.

use crate::app::{App, EntityState, Focus};
use crate::entities::Kind;
use crate::ui::{pane, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The heading of a kind's group.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "People",
        Kind::Organization => "Organisations",
        Kind::Location => "Places",
        Kind::Other => "Other",
    }
}

/// Draws the entity pane into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let inner = pane::frame(buf, area, app);
    let opts = app.layout.options();
    let list = match &app.entities {
        EntityState::Ready { list, .. } => list,
        EntityState::Refused => return pane::paint_note(buf, inner, "too large", &opts),
        EntityState::Analysing(_) | EntityState::Off => {
            return pane::paint_note(buf, inner, "analysing…", &opts);
        }
    };
    if list.is_empty() {
        pane::paint_entry(
            buf,
            inner,
            inner.y,
            1,
            "no names found",
            theme::active().dim(),
            &opts,
        );
        return;
    }
    // Lines: a heading before each kind's group, then its entities.
    let mut lines: Vec<(Option<usize>, &str, Kind)> = Vec::new();
    for (i, e) in list.iter().enumerate() {
        if i == 0 || list[i - 1].kind != e.kind {
            lines.push((None, kind_label(e.kind), e.kind));
        }
        lines.push((Some(i), &e.name, e.kind));
    }
    let focused = app.focus == Focus::Side;
    let sel_line = lines
        .iter()
        .position(|(i, _, _)| *i == Some(app.entity_selected))
        .unwrap_or(0);
    let h = usize::from(inner.height);
    let first = pane::scroll_offset(sel_line, h);
    for (n, (idx, text, kind)) in lines.iter().enumerate().skip(first).take(h) {
        let y = inner.y + (n - first) as u16;
        let (indent, mut style) = match idx {
            None => (1, theme::active().group_heading()),
            Some(_) => (3, theme::active().entity(*kind)),
        };
        if *idx == Some(app.entity_selected) {
            style = style.patch(if focused {
                theme::active().selected()
            } else {
                theme::active().current()
            });
        }
        let Some(i) = idx else {
            pane::paint_entry(buf, inner, y, indent, text, style, &opts);
            continue;
        };
        // The count stays visible at the end side of the line; a long name is cut before it.
        // An entity the recogniser is unsure of (listed with `a`) is marked with a question mark.
        let e = &list[*i];
        let mark = if e.sure() { "" } else { "?" };
        let count = format!("({}{mark})", e.mentions.len());
        let cw = (count.len() as u16 + 1).min(inner.width);
        let line = Rect {
            y,
            height: 1,
            ..inner
        };
        buf.set_style(line, style);
        let (name_area, count_x) = if app.doc.rtl {
            (
                Rect {
                    x: inner.x + cw,
                    width: inner.width - cw,
                    ..line
                },
                inner.x,
            )
        } else {
            (
                Rect {
                    width: inner.width - cw,
                    ..line
                },
                inner.right() - cw + 1,
            )
        };
        buf.set_string(count_x, y, &count, style);
        pane::paint_entry(buf, name_area, y, indent, text, style, &opts);
    }
}
