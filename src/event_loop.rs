//! The event loop: draw, wait for input, turn it into actions, draw again. It is generic over
//! ratatui's `Backend` and reads its input from a channel, so the whole reader runs against
//! `TestBackend` with scripted keys exactly as it runs in a terminal.

use crate::app::{Action, App};
use crate::ui;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// What the loop waits for.
#[derive(Debug)]
pub enum Input {
    /// A terminal event: a key, a paste, the mouse wheel, a new size.
    Event(Event),
    /// Background work has a result to take (sent by the work itself, so the loop need not poll).
    Wake,
    /// Give the terminal back to the shell and stop (SIGTSTP sent from outside).
    Suspend,
    /// The process was stopped and has been continued: whatever happened to the terminal
    /// meanwhile, take it again and draw every cell.
    Continued,
    /// The terminal answered the question for its background colour: this colour.
    Background([u8; 3]),
    /// Reading the terminal failed.
    Failed(io::Error),
}

/// Why [`run`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The reader asked to leave, or its input is gone.
    Quit,
    /// The reader asked to be suspended (Ctrl-Z, or SIGTSTP from outside).
    Suspend,
    /// The terminal must be taken again and redrawn whole (after SIGCONT).
    Redraw,
    /// The reader copied text: the terminal loop sends it to the clipboard and goes on.
    Clipboard,
}

/// How often to look for finished background work that does not wake the loop itself.
const POLL: Duration = Duration::from_millis(50);
/// How long to wait for input when nothing runs in the background.
const IDLE: Duration = Duration::from_secs(3600);

/// Runs the reader on `terminal` until it quits or must hand the terminal back. Draws only when
/// something changed, so an idle reader writes nothing; every input already waiting is handled
/// before the next frame, so a burst (a paste, a resize drag, keys typed faster than frames)
/// never waits behind frames.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    input: &Receiver<Input>,
) -> io::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if app.quit {
            return Ok(Exit::Quit);
        }
        if std::mem::take(&mut app.suspend) {
            return Ok(Exit::Suspend);
        }
        if app.clipboard.is_some() {
            return Ok(Exit::Clipboard);
        }
        if dirty {
            terminal
                .draw(|f| ui::draw(f, app))
                .map_err(io::Error::other)?;
            dirty = false;
            app.after_frame();
        }
        let wait = if app.busy() { POLL } else { IDLE };
        let mut next = match input.recv_timeout(wait) {
            Ok(i) => Some(i),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        };
        while let Some(i) = next {
            match i {
                Input::Event(ev) => app.on_event(ev),
                Input::Wake => {}
                Input::Suspend => app.suspend = true,
                Input::Continued => return Ok(Exit::Redraw),
                Input::Background(rgb) => ui::theme::choose(ui::theme::for_background(rgb)),
                Input::Failed(e) => return Err(e),
            }
            dirty = true;
            if app.quit || app.suspend {
                break;
            }
            next = input.try_recv().ok();
        }
        dirty |= app.poll_background();
    }
}
