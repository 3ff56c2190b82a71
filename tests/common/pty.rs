//! End-to-end harness: runs the real `qari` binary in a pseudo-terminal, reads the screen back through a `vt100` parser, and keeps every byte it wrote.
// Each test crate compiles its own copy of this module and uses only part of it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// How long to wait for anything the binary should do: the machine is slow and shared, so this
/// is a ceiling for a hung binary, not a speed requirement.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The article qari ships with, as the tests read it from the source tree.
pub const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/article.txt");

/// The end of every frame qari draws: ratatui hides the cursor after each draw when no cursor
/// is to be shown. A screen read at that point is a whole frame, never one half drawn.
const FRAME_END: &[u8] = b"\x1b[?25l";

/// The question for the terminal's background colour (OSC 11).
const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x1b\\";

/// The end of a frame that shows the cursor (the search prompt): ratatui shows it after the
/// frame's cells, then moves it. Also sent when the program restores the terminal, so it ends
/// a frame only on the alternate screen.
const FRAME_END_CURSOR: &[u8] = b"\x1b[?25h";

/// A cursor position query (DSR 6); a terminal answers `CSI row ; col R`.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// The screen as the terminal shows it and the raw bytes that produced it, shared with the reader thread.
struct Output {
    parser: vt100::Parser,
    /// What the terminal answers when asked for its background colour (`rgb:ffff/ffff/ffff`);
    /// nothing, like most terminals the tests stand for, when `None`.
    background: Option<String>,
    raw: Vec<u8>,
    /// The screen as it was at the end of the last whole frame.
    frame: Option<vt100::Screen>,
    /// How many whole frames were drawn so far.
    frames: usize,
}

impl Output {
    /// Takes in a chunk of output, keeping a copy of the screen at each frame end in it; returns
    /// what a terminal would answer to it (cursor position reports), for the program's input.
    fn take(&mut self, chunk: &[u8]) -> Vec<u8> {
        let Output {
            parser,
            background,
            raw,
            frame,
            frames,
        } = self;
        let start = raw.len();
        raw.extend_from_slice(chunk);
        let mut done = start;
        let mut answer = Vec::new();
        // A frame end or a query may straddle two chunks: look from just before this one.
        for at in start.saturating_sub(FRAME_END.len() - 1)..raw.len() {
            if raw[at..].starts_with(CURSOR_QUERY) {
                let end = at + CURSOR_QUERY.len();
                parser.process(&raw[done..end]);
                done = end;
                let (row, col) = parser.screen().cursor_position();
                answer.extend(format!("\x1b[{};{}R", row + 1, col + 1).into_bytes());
                continue;
            }
            let Some(marker) = [FRAME_END, FRAME_END_CURSOR]
                .into_iter()
                .find(|m| raw[at..].starts_with(m))
            else {
                continue;
            };
            let end = at + marker.len();
            parser.process(&raw[done..end]);
            done = end;
            if marker == FRAME_END || parser.screen().alternate_screen() {
                *frame = Some(parser.screen().clone());
                *frames += 1;
            }
        }
        parser.process(&raw[done..]);
        if let Some(colour) = background {
            // Each question once: those that end in this chunk.
            let from = start.saturating_sub(BACKGROUND_QUERY.len() - 1);
            for at in from..raw.len() {
                if raw[at..].starts_with(BACKGROUND_QUERY) {
                    answer.extend(format!("\x1b]11;{colour}\x1b\\").into_bytes());
                }
            }
        }
        answer
    }
}

/// How one cell of the screen is drawn: its text (a blank for an empty cell) and the
/// attributes qari uses to mark things.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The grapheme the cell shows.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Underlined.
    pub underline: bool,
    /// Reverse video.
    pub inverse: bool,
    /// The text colour.
    pub fg: vt100::Color,
}

/// Every cell of the screen, row by row, left to right.
fn cells(screen: &vt100::Screen) -> Vec<Vec<Cell>> {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|r| {
            (0..cols.get())
                .filter_map(|c| screen.cell(r, c))
                .map(|cell| Cell {
                    text: if cell.has_contents() {
                        cell.contents().to_owned()
                    } else {
                        " ".to_owned()
                    },
                    bold: cell.bold(),
                    underline: cell.underline(),
                    inverse: cell.inverse(),
                    fg: cell.fgcolor(),
                })
                .collect()
        })
        .collect()
}

/// The text of each row of a screen.
fn rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).collect()
}

/// A key press, as the bytes an xterm-like terminal sends for it.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Escape, alone.
    Esc,
    /// Ctrl and a letter (`Ctrl('c')` is the interrupt key).
    Ctrl(char),
    /// Down arrow.
    Down,
    /// Page Down.
    PageDown,
    /// End.
    End,
    /// F1.
    F1,
    /// Up arrow.
    Up,
    /// Enter.
    Enter,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// F12.
    F12,
}

impl Key {
    /// The bytes the terminal sends for this key (xterm, normal cursor-key mode).
    fn bytes(self) -> Vec<u8> {
        match self {
            Key::Char(c) => c.to_string().into_bytes(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Ctrl(c) => vec![(c.to_ascii_lowercase() as u8) & 0x1f],
            Key::Down => b"\x1b[B".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::End => b"\x1b[F".to_vec(),
            Key::F1 => b"\x1bOP".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Enter => b"\r".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::F12 => b"\x1b[24~".to_vec(),
        }
    }
}

/// A program running in a pseudo-terminal of a given size, with its screen read back. Like a
/// terminal, it answers cursor position queries.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    /// The keyboard side, shared with the reader thread, which answers the program's queries.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
    /// Signalled by the reader thread once the terminal side is closed and all output is parsed.
    drained: Receiver<()>,
    exit: Option<u32>,
    /// The program's own XDG state directory (unless the test gave one), so that no test opens
    /// where another left the same document.
    _state: Option<tempfile::TempDir>,
}

impl Pty {
    /// Runs `qari` with `args` in a `cols`×`rows` terminal.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, &[], cols, rows)
    }

    /// Runs `qari` with `args` and the extra environment variables `env` (such as
    /// `QARI_TEST_PANIC`) in a `cols`×`rows` terminal.
    pub fn spawn_with_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_in(args, env, None, cols, rows)
    }

    /// Runs `qari` with `args` in a terminal that answers the question for its background
    /// colour with `background` (`rgb:ffff/ffff/ffff`).
    pub fn spawn_on_background(args: &[&str], background: &str, cols: u16, rows: u16) -> Pty {
        Pty::spawn_in(args, &[], Some(background), cols, rows)
    }

    fn spawn_in(
        args: &[&str],
        env: &[(&str, &str)],
        background: Option<&str>,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let mut cmd = command(env!("CARGO_BIN_EXE_qari"));
        cmd.args(args);
        for (key, value) in env {
            cmd.env(key, value);
        }
        Pty::spawn_command(cmd, cols, rows, background)
    }

    /// Runs `sh -c script` in a `cols`×`rows` terminal, with `$QARI` naming the binary: for
    /// pipelines such as `cat FILE | "$QARI"`.
    pub fn spawn_shell(script: &str, cols: u16, rows: u16) -> Pty {
        let mut cmd = command("sh");
        cmd.args(["-c", script]);
        cmd.env("QARI", env!("CARGO_BIN_EXE_qari"));
        Pty::spawn_command(cmd, cols, rows, None)
    }

    /// Runs an interactive `sh -i` (job control on: the pty is its controlling terminal) in a
    /// `cols`×`rows` terminal, with `$QARI` naming the binary; type commands into it with `send`.
    pub fn spawn_interactive_shell(cols: u16, rows: u16) -> Pty {
        let mut cmd = command("sh");
        cmd.arg("-i");
        cmd.env("QARI", env!("CARGO_BIN_EXE_qari"));
        cmd.env("PS1", "$ ");
        Pty::spawn_command(cmd, cols, rows, None)
    }

    /// Starts `cmd` in a `cols`×`rows` terminal and starts reading what it writes.
    fn spawn_command(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        background: Option<&str>,
    ) -> Pty {
        let state = cmd.get_env("XDG_STATE_HOME").is_none().then(|| {
            let dir = tempfile::tempdir().expect("a state directory");
            cmd.env("XDG_STATE_HOME", dir.path());
            dir
        });
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("start the program in the pty");
        // Only the child may hold the terminal side, so that reading ends when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let answers = Arc::clone(&writer);
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            background: background.map(str::to_owned),
            raw: Vec::new(),
            frame: None,
            frames: 0,
        }));
        let (done, drained) = mpsc::channel();
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports the closed terminal side as an error (EIO), other systems as end of file.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let answer = sink.lock().expect("output lock").take(&buf[..n]);
                if !answer.is_empty() {
                    let mut keyboard = answers.lock().expect("writer lock");
                    let _ = keyboard.write_all(&answer).and_then(|()| keyboard.flush());
                }
            }
            let _ = done.send(());
        });
        Pty {
            master: pair.master,
            writer,
            child,
            output,
            drained,
            exit: None,
            _state: state,
        }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().expect("output lock")
    }

    /// The process id of the program, for sending it signals.
    pub fn pid(&self) -> u32 {
        self.child
            .process_id()
            .expect("the program has a process id")
    }

    /// How many whole frames the program has drawn so far.
    pub fn frame_count(&self) -> usize {
        self.output().frames
    }

    /// Presses `key` and waits until the program has drawn a new frame after it (every key
    /// handled is followed by a frame), so that each key of a sequence gets a frame of its own.
    pub fn press(&mut self, key: Key) {
        let before = self.frame_count();
        self.send_key(key);
        let start = Instant::now();
        while self.frame_count() <= before {
            assert!(
                start.elapsed() <= TIMEOUT,
                "no frame after {key:?}; screen:\n{}",
                numbered(&self.frame_rows())
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `text` as if on the keyboard.
    pub fn send(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    /// Presses `key`.
    pub fn send_key(&mut self, key: Key) {
        self.send_bytes(&key.bytes());
        if let Key::Esc = key {
            // A lone Escape is a key press only when the program reads it alone; read together
            // with what follows it is the Alt prefix. A person never types that fast: give the
            // program the time to read it. (A pause, not an assertion on speed.)
            thread::sleep(Duration::from_millis(300));
        }
    }

    fn send_bytes(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().expect("writer lock");
        writer.write_all(bytes).expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    /// Waits until `pred` holds for the rows of a whole frame, polling. The error shows the last frame.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&[String]) -> bool) -> Result<(), String> {
        self.wait_for_screen(what, |screen| pred(&rows(screen)))
    }

    /// Waits until `pred` holds for the screen of a whole frame, polling. The error shows the last frame.
    fn wait_for_screen(
        &self,
        what: &str,
        pred: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let frame = self.output().frame.clone();
            if frame.as_ref().is_some_and(&pred) {
                return Ok(());
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!(
                    "timed out waiting for {what}; screen:\n{}",
                    numbered(&frame.as_ref().map(rows).unwrap_or_default())
                ));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Like `wait_for`, panicking with the screen when it times out.
    pub fn expect(&self, what: &str, pred: impl Fn(&[String]) -> bool) {
        if let Err(e) = self.wait_for(what, pred) {
            panic!("{e}");
        }
    }

    /// Like `expect`, for the cells of a whole frame with their attributes.
    pub fn expect_cells(&self, what: &str, pred: impl Fn(&[Vec<Cell>]) -> bool) {
        if let Err(e) = self.wait_for_screen(what, |screen| pred(&cells(screen))) {
            panic!("{e}");
        }
    }

    /// Waits until the screen shows `phrase` (logical order) on some row; returns that row's index.
    pub fn expect_phrase(&self, phrase: &str) -> usize {
        self.expect(&format!("{phrase:?} on screen"), |rows| {
            row_of(rows, phrase).is_some()
        });
        row_of(&self.frame_rows(), phrase).expect("the phrase was just seen")
    }

    /// The text of each row of the last whole frame qari drew, left to right (visual order),
    /// trailing blanks dropped; empty before the first frame.
    pub fn frame_rows(&self) -> Vec<String> {
        self.output().frame.as_ref().map(rows).unwrap_or_default()
    }

    /// The cells of the last whole frame qari drew, row by row; empty before the first frame.
    pub fn frame_cells(&self) -> Vec<Vec<Cell>> {
        self.output().frame.as_ref().map(cells).unwrap_or_default()
    }

    /// The text of each row of the screen as it is now, whatever wrote it (an error message,
    /// the normal screen after exit).
    pub fn screen_rows(&self) -> Vec<String> {
        rows(self.output().parser.screen())
    }

    /// Checks that the program, having exited, left the terminal as it found it: the alternate
    /// screen left after it was entered, the cursor shown after it was hidden, and, when qari
    /// switched the terminal's own reordering off (`CSI 8 l`), switched back on (`CSI 8 h`).
    pub fn assert_restored(&self) {
        self.assert_screen_restored();
        self.assert_cursor_shown();
    }

    /// The screen part of `assert_restored`: the alternate screen entered and left, the
    /// terminal's reordering switched back on if it was switched off.
    pub fn assert_screen_restored(&self) {
        let raw = self.raw();
        let last = |seq: &[u8]| rfind_bytes(&raw, seq);
        let log = String::from_utf8_lossy(&raw);
        assert!(
            last(b"\x1b[?1049h").is_some(),
            "never entered the alternate screen: {log:?}"
        );
        assert!(
            last(b"\x1b[?1049l") > last(b"\x1b[?1049h"),
            "alternate screen not left: {log:?}"
        );
        assert!(
            last(b"\x1b[8h") >= last(b"\x1b[8l"),
            "terminal reordering left off: {log:?}"
        );
        assert!(!self.output().parser.screen().alternate_screen());
    }

    /// The cursor part of `assert_restored`: shown again after it was hidden.
    pub fn assert_cursor_shown(&self) {
        let raw = self.raw();
        let last = |seq: &[u8]| rfind_bytes(&raw, seq);
        assert!(
            last(b"\x1b[?25h") > last(b"\x1b[?25l"),
            "cursor left hidden: {:?}",
            String::from_utf8_lossy(&raw)
        );
        assert!(!self.output().parser.screen().hide_cursor());
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output().raw.clone()
    }

    /// Changes the terminal size, as a user dragging the window would (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.output().parser.set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Waits for the program to exit and for all its output to be read; its exit code, or `None`
    /// if it is still running after the timeout.
    pub fn wait_exit(&mut self) -> Option<u32> {
        let start = Instant::now();
        while self.exit.is_none() {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                self.exit = Some(status.exit_code());
            } else if start.elapsed() > TIMEOUT {
                return None;
            } else {
                thread::sleep(Duration::from_millis(20));
            }
        }
        // Everything written before the exit is in the pty buffer; wait until it is parsed.
        let left = TIMEOUT
            .saturating_sub(start.elapsed())
            .max(Duration::from_secs(1));
        let _ = self.drained.recv_timeout(left);
        self.exit
    }
}

impl Drop for Pty {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `program` to run in the source tree with a plain xterm environment: the variables qari reads
/// to recognise VTE, Konsole, mintty, WezTerm or tmux are left out, so its choices are the same
/// on every machine.
fn command(program: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env(
        "PATH",
        std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
    );
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A terminal dimension, which cannot be zero.
fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal is at least one cell wide and high")
}

/// Rows prefixed with their index, for failure messages.
pub fn numbered(rows: &[String]) -> String {
    rows.iter()
        .enumerate()
        .map(|(i, r)| format!("{i:>3}|{r}\n"))
        .collect()
}

/// A visual screen row read back as logical text: grapheme clusters reversed (a right-to-left
/// row is drawn in visual order, harakat stay after their letter) and Arabic presentation forms
/// folded to plain letters with NFKC, so `--shape always` rows read like `--shape never` rows.
/// Mirrored brackets come back as their mirror images; match phrases without brackets.
pub fn logical(row: &str) -> String {
    row.graphemes(true)
        .rev()
        .collect::<String>()
        .nfkc()
        .collect()
}

/// What a right-to-left screen row says, in logical order, without the blanks and the
/// box-drawing frame around it (the scrollbar, an overlay's border).
pub fn row_text(row: &str) -> String {
    let frame = |c: char| c.is_whitespace() || ('\u{2500}'..='\u{257F}').contains(&c);
    logical(row).trim_matches(frame).to_owned()
}

/// The text of every row but the last (the status bar), as `row_text` reads it.
pub fn body_texts(rows: &[String]) -> Vec<String> {
    rows[..rows.len().saturating_sub(1)]
        .iter()
        .map(|r| row_text(r))
        .collect()
}

/// Whether a right-to-left screen row shows the logical `phrase`.
pub fn shows(row: &str, phrase: &str) -> bool {
    logical(row).contains(&phrase.nfkc().collect::<String>())
}

/// The index of the first row showing `phrase`.
pub fn row_of(rows: &[String], phrase: &str) -> Option<usize> {
    rows.iter().position(|r| shows(r, phrase))
}

/// The column where the side pane's frame starts (its top-left corner on the top row), or
/// `None` when no pane is shown. The article is drawn left of it.
pub fn pane_column(frame: &[Vec<Cell>]) -> Option<usize> {
    let top = frame.first()?;
    // Column 0 is the article's scrollbar.
    (1..top.len()).find(|&c| matches!(top[c].text.as_str(), "┌" | "┏"))
}

/// The cells of a frame's row that show the article: right of the scrollbar (column 0) and
/// left of the side pane.
pub fn article_cells(frame: &[Vec<Cell>], row: usize) -> &[Cell] {
    let end = pane_column(frame).unwrap_or(frame[row].len());
    &frame[row][1..end]
}

/// The cells of a frame's row that the side pane takes, its border included; none when no
/// pane is shown.
pub fn pane_cells(frame: &[Vec<Cell>], row: usize) -> &[Cell] {
    let start = pane_column(frame).unwrap_or(frame[row].len());
    &frame[row][start..]
}

/// The text of a run of cells, left to right (visual order).
pub fn cells_text(cells: &[Cell]) -> String {
    cells.iter().map(|c| c.text.as_str()).collect()
}

/// The logical text (as `row_text` reads it) of each run of adjacent cells of a right-to-left
/// row for which `pred` holds, in reading order (right to left).
pub fn runs(cells: &[Cell], pred: impl Fn(&Cell) -> bool) -> Vec<String> {
    let mut found: Vec<String> = cells
        .split(|c| !pred(c))
        .filter(|run| !run.is_empty())
        .map(|run| row_text(&cells_text(run)))
        .filter(|text| !text.is_empty())
        .collect();
    found.reverse();
    found
}

/// Whether `needle` occurs in `haystack`.
pub fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    find_bytes(haystack, needle).is_some()
}

/// The offset of the last occurrence of `needle` in `haystack`.
pub fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The offset of the first occurrence of `needle` in `haystack`.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
