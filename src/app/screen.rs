//! How the screen is divided between the article, its scrollbar, the side pane and the status
//! bar. The app needs it to know how many rows and columns the article has; drawing uses it too.

use super::{App, Side};
use ratatui::layout::Rect;

/// Smallest screen qari draws the reader on; below it, one line says so (a row of fewer
/// columns holds two or three Arabic words).
pub const MIN_WIDTH: u16 = 24;
/// Smallest screen height: a few rows of text and the status bar.
pub const MIN_HEIGHT: u16 = 6;
/// Most columns qari draws on: more than any screen shows, few enough that a frame's buffers
/// stay small (a terminal can report 65535 columns and rows, 4 billion cells).
pub const MAX_WIDTH: u16 = 1024;
/// Most rows qari draws on.
pub const MAX_HEIGHT: u16 = 256;

/// The part of a terminal of `width`×`height` that qari draws on: its top left corner, at
/// most [`MAX_WIDTH`]×[`MAX_HEIGHT`].
pub fn drawn(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Narrowest screen that still gets a side pane beside the article.
pub const MIN_WIDTH_FOR_PANE: u16 = 60;

/// The areas of the screen.
pub struct Areas {
    /// The article text.
    pub article: Rect,
    /// The scrollbar column (left of a right-to-left article, right of a left-to-right one).
    pub scrollbar: Rect,
    /// The side pane (navigator or entities), if shown.
    pub side: Option<Rect>,
    /// The status bar.
    pub status: Rect,
}

/// Splits the screen for `app`. A right-to-left article has its side pane on the right, as a
/// table of contents sits in an Arabic book, and its scrollbar on the left.
pub fn areas(app: &App, width: u16, height: u16) -> Areas {
    let size = Rect::new(0, 0, width, height);
    let status = Rect {
        y: size.bottom().saturating_sub(1),
        height: 1.min(size.height),
        ..size
    };
    let mut body = Rect {
        height: size.height.saturating_sub(1),
        ..size
    };
    let rtl = app.doc.rtl;
    let side = (app.side != Side::Hidden && size.width >= MIN_WIDTH_FOR_PANE).then(|| {
        let w = (size.width / 4).clamp(22, 36);
        body.width -= w;
        if rtl {
            Rect {
                x: body.right(),
                width: w,
                ..body
            }
        } else {
            let r = Rect {
                x: body.x,
                width: w,
                ..body
            };
            body.x += w;
            r
        }
    });
    let bar_x = if rtl {
        body.x
    } else {
        body.right().saturating_sub(1)
    };
    let scrollbar = Rect {
        x: bar_x,
        width: 1,
        ..body
    };
    // One column for the scrollbar, one of margin against the side pane's border.
    let margin = u16::from(side.is_some());
    let room = body.width.saturating_sub(1 + margin);
    // The text column at its measure sits on the reading side, beside the pane; the room it
    // leaves is blank on the other side.
    let width = app.measure.cap(room);
    let article = Rect {
        x: if rtl {
            body.x + 1 + (room - width)
        } else {
            body.x + margin
        },
        width,
        ..body
    };
    Areas {
        article,
        scrollbar,
        side,
        status,
    }
}

/// Width of the help overlay, borders included.
const HELP_WIDTH: u16 = 50;

/// Where the help overlay of `lines` lines goes over `area` (the screen above the status bar):
/// centred, as tall as its lines or the area.
pub fn help_area(area: Rect, lines: usize) -> Rect {
    let h = (u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2)).min(area.height);
    let w = HELP_WIDTH.min(area.width);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// How many of `lines` lines of help the overlay shows on a `width`×`height` screen.
pub fn help_rows(width: u16, height: u16, lines: usize) -> usize {
    let above_status = Rect::new(0, 0, width, height.saturating_sub(1));
    usize::from(help_area(above_status, lines).height.saturating_sub(2))
}
