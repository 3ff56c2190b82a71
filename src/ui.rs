//! Drawing: one widget a pane, all reading from `App`. `draw` takes the app mutably only because
//! paragraphs are laid out lazily, the first time they are shown.

pub mod article;
pub mod help;
pub mod status;
pub mod theme;

use crate::app::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Smallest screen qari draws the reader on; below it, one line says so.
pub const MIN_WIDTH: u16 = 20;
/// Smallest screen height (article row + status bar + a margin).
pub const MIN_HEIGHT: u16 = 3;

/// The areas of the screen.
pub struct Areas {
    /// The article text.
    pub article: Rect,
    /// The scrollbar column (left of a right-to-left article, right of a left-to-right one).
    pub scrollbar: Rect,
    /// The status bar.
    pub status: Rect,
}

/// Splits the screen for `app`.
pub fn areas(app: &App, size: Rect) -> Areas {
    let status = Rect {
        y: size.bottom().saturating_sub(1),
        height: 1.min(size.height),
        ..size
    };
    let body = Rect {
        height: size.height.saturating_sub(1),
        ..size
    };
    let bar_x = if app.doc.rtl {
        body.x
    } else {
        body.right().saturating_sub(1)
    };
    let scrollbar = Rect {
        x: bar_x,
        width: 1,
        ..body
    };
    let article = Rect {
        x: if app.doc.rtl { body.x + 1 } else { body.x },
        width: body.width.saturating_sub(1),
        ..body
    };
    Areas {
        article,
        scrollbar,
        status,
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let size = frame.area();
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        frame.render_widget(Line::from("terminal too small"), size);
        return;
    }
    let a = areas(app, size);
    app.resize(a.article.width, a.article.height);
    article::draw(frame.buffer_mut(), a.article, a.scrollbar, app);
    status::draw(frame.buffer_mut(), a.status, app);
    if app.overlay == Overlay::Help {
        help::draw(frame.buffer_mut(), a.article);
    }
}
