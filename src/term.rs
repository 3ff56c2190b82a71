//! The terminal session: a guard that enters full screen and restores the terminal on every way
//! out (dropped, a panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT), suspension and resumption, and the
//! thread that reads the terminal's input for the event loop.

use crate::app::App;
use crate::event_loop::{self, Exit, Input};
use crate::terminal::Modes;
use bounded::Bounded;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{execute, terminal};
use std::io::{self, Write};
use std::sync::mpsc::{self, Sender};

mod background;
mod bounded;

/// The terminal qari draws on: standard output, at most as large as a screen can show.
type Screen = ratatui::Terminal<Bounded<CrosstermBackend<io::Stdout>>>;

/// How the session talks to the terminal.
#[derive(Clone, Copy, Debug)]
pub struct Session {
    /// The terminal's own reordering and joining switched off while running, where qari reorders.
    pub modes: Modes,
    /// Report the mouse wheel.
    pub mouse: bool,
    /// Ask the terminal for its background colour to choose the theme (no theme was chosen).
    pub ask_background: bool,
}

impl Session {
    fn enter(self) -> io::Result<()> {
        let mut out = io::stdout();
        out.write_all(self.modes.enter().as_bytes())?;
        // A paste arrives as one event, not as thousands of keys each searched for.
        execute!(out, EnableBracketedPaste)?;
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
        let _ = execute!(out, DisableBracketedPaste);
        let _ = out.write_all(self.modes.leave().as_bytes());
        // `ratatui::restore` leaves the cursor hidden (only dropping the terminal shows it), and
        // a signal or Ctrl-Z never drops it: show it here, on every way out.
        let _ = execute!(out, ratatui::crossterm::cursor::Show);
        let _ = out.flush();
    }

    /// Leaves full screen: the session's modes, then raw mode and the alternate screen.
    fn restore(self) {
        self.leave();
        ratatui::restore();
    }
}

/// Holds the terminal in full screen; dropping it gives the terminal back as it was.
pub struct Guard {
    session: Session,
}

impl Guard {
    /// Enters full screen (raw mode, alternate screen, the session's modes) and returns the guard
    /// with the terminal to draw on. A panic from here on restores the terminal too.
    pub fn enter(session: Session) -> io::Result<(Guard, Screen)> {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A fault qari planned for is handled where it is caught; the screen stays the
            // reader's, and nothing is written over it.
            if crate::caught::is_caught() {
                return;
            }
            session.restore();
            prev(info);
            // Any other panic, on any thread, ends qari: a background thread's would otherwise
            // leave the reader running on a terminal it has just given back.
            std::process::exit(101);
        }));
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), terminal::EnterAlternateScreen)?;
        let guard = Guard { session };
        let terminal = screen()?;
        session.enter()?;
        Ok((guard, terminal))
    }

    /// Gives the terminal back to the shell, stops the process as SIGTSTP would, and on `fg`
    /// takes the terminal again.
    fn suspend(&self, terminal: &mut Screen) -> io::Result<()> {
        self.session.restore();
        // Stops as the default action of SIGTSTP does (qari handles SIGTSTP itself, so raising
        // that would only come back here).
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        self.resume(terminal)
    }

    /// Takes the terminal again after the process was stopped (by qari or by anyone): raw mode,
    /// the alternate screen and the session's modes, and a terminal whose next frame draws every
    /// cell over whatever the shell left.
    fn resume(&self, terminal: &mut Screen) -> io::Result<()> {
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), terminal::EnterAlternateScreen)?;
        self.session.enter()?;
        execute!(
            io::stdout(),
            ratatui::crossterm::cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        )?;
        // A new terminal has empty buffers, so the next frame is drawn whole.
        *terminal = screen()?;
        Ok(())
    }
}

/// A new terminal on standard output with empty buffers, so its first frame draws every cell.
/// Full screen, as ratatui's own `init` makes it, but reporting at most
/// [`MAX_WIDTH`]×[`MAX_HEIGHT`] cells (see [`Bounded`]).
///
/// [`MAX_WIDTH`]: crate::app::screen::MAX_WIDTH
/// [`MAX_HEIGHT`]: crate::app::screen::MAX_HEIGHT
fn screen() -> io::Result<Screen> {
    ratatui::Terminal::new(Bounded(CrosstermBackend::new(io::stdout())))
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.session.restore();
    }
}

/// Runs the reader in the terminal until the user quits. The terminal is restored however this
/// returns, and on a panic or a terminating signal.
pub fn run(app: &mut App, session: Session) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    on_signals(session, tx.clone())?;
    let (guard, mut terminal) = Guard::enter(session)?;
    let wake = tx.clone();
    app.set_waker(std::sync::Arc::new(move || {
        // The loop is gone once qari is leaving.
        let _ = wake.send(Input::Wake);
    }));
    let mut answer = background::Answer::default();
    if session.ask_background {
        let (colour, typed) = background::ask(&mut answer)?;
        crate::ui::theme::choose(
            colour.map_or(crate::ui::theme::DARK, crate::ui::theme::for_background),
        );
        for ev in typed {
            // The loop is not running yet; it takes these first.
            let _ = tx.send(Input::Event(ev));
        }
    }
    read_input(tx, session.ask_background.then_some(answer));
    // The SIGCONT that ends qari's own suspension: the terminal is already taken back.
    let mut continuing = false;
    loop {
        match event_loop::run(&mut terminal, app, &rx)? {
            Exit::Quit => return Ok(()),
            Exit::Suspend => {
                guard.suspend(&mut terminal)?;
                continuing = true;
            }
            Exit::Clipboard => {
                if let Some(text) = app.clipboard.take() {
                    copy_to_clipboard(&text)?;
                }
            }
            Exit::Redraw if std::mem::take(&mut continuing) => {}
            Exit::Redraw => guard.resume(&mut terminal)?,
        }
    }
}

/// Sends `text` to the terminal's clipboard: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`), which xterm,
/// kitty, Alacritty, WezTerm, foot, iTerm2, Windows Terminal and tmux (`set-clipboard on`)
/// accept, over ssh too. Base64 carries no escape of the document's to the terminal.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// A thread that reads the terminal's events and sends them to the loop, so that the loop
/// sees every event already typed at once, and wakes for background work too. When the
/// terminal was asked for its background, an `answer` that comes after the first frame (over
/// a slow link) is not read as keys: its colour goes to the loop, which redraws in the theme
/// that reads on it.
fn read_input(tx: Sender<Input>, mut answer: Option<background::Answer>) {
    use background::Part;
    std::thread::spawn(move || {
        loop {
            let ev = event::read();
            let part = match (&ev, answer.as_mut()) {
                (Ok(ev), Some(a)) => a.take(ev),
                _ => Part::Other,
            };
            let (input, failed) = match (ev, part) {
                (_, Part::Inside | Part::End(None)) => continue,
                (_, Part::End(Some(rgb))) => (Input::Background(rgb), false),
                (Ok(ev), Part::Other) => (Input::Event(ev), false),
                (Err(e), Part::Other) => (Input::Failed(e), true),
            };
            // The loop is gone once qari is leaving; nothing is left to read for.
            if tx.send(input).is_err() || failed {
                return;
            }
        }
    });
}

/// A thread for signals sent from outside. SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the
/// terminal and exit with the conventional 128 + signal number, so a killed reader never leaves
/// a raw, alternate screen; SIGTSTP suspends as Ctrl-Z does, and SIGCONT redraws (after a stop
/// qari could not see, SIGSTOP, the shell may have drawn over the screen and reset the modes).
fn on_signals(session: Session, tx: Sender<Input>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let input = match sig {
                SIGTSTP => Input::Suspend,
                SIGCONT => Input::Continued,
                _ => {
                    session.restore();
                    std::process::exit(128 + sig);
                }
            };
            // The loop is gone once qari is leaving.
            let _ = tx.send(input);
        }
    });
    Ok(())
}
