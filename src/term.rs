//! The terminal session: enter and leave full screen, the bidi mode sequences, restoring the
//! terminal on every way out (quit, Ctrl-C, a panic), and the event loop.

use crate::app::{Action, App, EntityState, Focus, Side};
use crate::keymap::{Context, action_for};
use crate::terminal::Modes;
use crate::ui;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::crossterm::{event::DisableMouseCapture, event::EnableMouseCapture, execute};
use std::io::{self, Write};
use std::time::Duration;

/// How the session talks to the terminal.
#[derive(Clone, Copy, Debug)]
pub struct Session {
    /// The terminal's own reordering and joining switched off while running, where qari reorders.
    pub modes: Modes,
    /// Report the mouse wheel.
    pub mouse: bool,
}

impl Session {
    fn enter(self) -> io::Result<()> {
        let mut out = io::stdout();
        out.write_all(self.modes.enter().as_bytes())?;
        if self.mouse {
            execute!(out, EnableMouseCapture)?;
        }
        out.flush()
    }

    /// Undoes `enter`; safe to call twice (from the panic hook and from the normal exit).
    fn leave(self) {
        let mut out = io::stdout();
        if self.mouse {
            let _ = execute!(out, DisableMouseCapture);
        }
        let _ = out.write_all(self.modes.leave().as_bytes());
        // `ratatui::restore` leaves the cursor hidden (only dropping the terminal shows it), and
        // a signal or Ctrl-Z never drops it: show it here, on every way out.
        let _ = execute!(out, ratatui::crossterm::cursor::Show);
        let _ = out.flush();
    }
}

/// Runs the reader until the user quits. The terminal is restored however this returns,
/// including by a panic (ratatui's hook leaves the alternate screen; ours adds the rest) and by
/// SIGTERM, SIGHUP or SIGINT sent from outside.
pub fn run(app: &mut App, session: Session) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        session.leave();
        prev(info);
    }));
    restore_on_signals(session)?;
    let result = session
        .enter()
        .and_then(|()| event_loop(&mut terminal, app, session));
    session.leave();
    ratatui::restore();
    result
}

/// A thread that, on SIGTERM, SIGHUP or SIGINT, restores the terminal and exits with the
/// conventional 128 + signal number, so a killed reader never leaves a raw, alternate screen.
fn restore_on_signals(session: Session) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            session.leave();
            ratatui::restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Ctrl-Z: gives the terminal back to the shell, stops, and on `fg` takes it again and redraws
/// everything (the shell drew over the screen meanwhile).
fn suspend(terminal: &mut ratatui::DefaultTerminal, session: Session) -> io::Result<()> {
    session.leave();
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Running again after `fg`.
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    session.enter()?;
    // A new terminal has empty buffers, so the next frame redraws every cell over what the
    // shell left (`Terminal::clear` would ask the terminal where its cursor is, and wait).
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: Session,
) -> io::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if std::mem::take(&mut app.suspend) {
            suspend(terminal, session)?;
            dirty = true;
        }
        // Draw only when something changed: an idle reader writes nothing to the terminal.
        if dirty {
            terminal.draw(|f| ui::draw(f, app))?;
            dirty = false;
            app.after_frame();
        }
        // While background work runs, wake up now and then to show its result when ready.
        let busy = matches!(app.entities, EntityState::Analysing(_)) || app.outline_pending();
        if event::poll(if busy { POLL } else { IDLE })? {
            handle(app, event::read()?);
            // A burst of events (a resize drag, a held key) is handled before the next frame,
            // so the screen never lags behind.
            let mut burst = 0;
            while burst < 1000 && !app.quit && event::poll(Duration::ZERO)? {
                handle(app, event::read()?);
                burst += 1;
            }
            dirty = true;
        }
        dirty |= app.poll_loading();
        dirty |= app.poll_entities();
        dirty |= app.poll_outline();
    }
    Ok(())
}

/// How often to look for finished background work.
const POLL: Duration = Duration::from_millis(50);
/// How long to wait for input when nothing runs in the background.
const IDLE: Duration = Duration::from_secs(3600);

/// Turns one terminal event into a change of the app.
fn handle(app: &mut App, ev: Event) {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            // Debug builds only: a way for the end-to-end tests to check that a panic restores
            // the terminal. Release builds have no such key.
            if cfg!(debug_assertions)
                && k.code == KeyCode::F(12)
                && std::env::var_os("QARI_TEST_PANIC").is_some()
            {
                panic!("panic requested by QARI_TEST_PANIC");
            }
            let ctrl_c =
                k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
            if app.search.prompt.is_some() && !ctrl_c {
                app.prompt_key(k);
                return;
            }
            let ctx = if app.focus == Focus::Side && app.side != Side::Hidden {
                Context::Pane
            } else {
                Context::Article
            };
            if let Some(a) = action_for(&k, ctx) {
                app.update(a);
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => app.update(Action::Scroll(3)),
            MouseEventKind::ScrollUp => app.update(Action::Scroll(-3)),
            _ => {}
        },
        _ => {}
    }
}
