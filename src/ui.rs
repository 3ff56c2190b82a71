//! Drawing: one widget a pane, all reading from `App` without changing it (the layout cache
//! fills itself with the paragraphs shown the first time).

pub mod article;
pub mod entities;
pub mod help;
pub mod info;
pub mod navigator;
pub mod pane;
pub mod runs;
pub mod status;
pub mod theme;

use crate::app::screen::{MIN_HEIGHT, MIN_WIDTH, areas};
use crate::app::{App, Overlay, Side};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let size = frame.area();
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        frame.render_widget(Line::from("terminal too small"), size);
        return;
    }
    let a = areas(app, size.width, size.height);
    article::draw(frame.buffer_mut(), a.article, a.scrollbar, app);
    if let Some(side) = a.side {
        match app.side {
            Side::Sections => navigator::draw(frame.buffer_mut(), side, app),
            Side::Entities => entities::draw(frame.buffer_mut(), side, app),
            Side::Hidden => {}
        }
    }
    status::draw(frame, a.status, app);
    if app.overlay == Overlay::Info {
        info::draw(
            frame.buffer_mut(),
            Rect {
                height: size.height.saturating_sub(1),
                ..size
            },
            app,
        );
    }
    if app.overlay == Overlay::Help {
        help::draw(
            frame.buffer_mut(),
            Rect {
                height: size.height.saturating_sub(1),
                ..size
            },
            app,
        );
    }
    if app.layout.options().logical_runs {
        runs::reverse_arabic_runs(frame.buffer_mut());
    }
}
