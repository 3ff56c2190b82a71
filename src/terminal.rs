//! Which terminal qari runs in, from its environment variables, what that means for reordering
//! (`--bidi auto`) and joining letters (`--shape auto`), and the sequences that put the terminal
//! in the state qari's rows need and take it back out.

use crate::cli::{Bidi, Shape};

/// The terminals whose right-to-left behaviour qari knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terminal {
    /// Konsole: always reorders and joins letters by itself; that cannot be switched off.
    Konsole,
    /// VTE (GNOME Terminal, Tilix, Terminator…): reorders unless told not to with `CSI 8 l`.
    Vte,
    /// mintty: reorders unless told not to with `CSI 8 l`.
    Mintty,
    /// WezTerm: reorders when its bidi option is on, and honours `CSI 8 l`.
    WezTerm,
    /// mlterm: reorders and joins by itself unless its own `use_ctl` option is switched off.
    Mlterm,
    /// kitty: neither reorders nor joins.
    Kitty,
    /// Alacritty: neither reorders nor joins.
    Alacritty,
    /// foot: neither reorders nor joins.
    Foot,
    /// iTerm2: its bidi support is off by default; qari reorders.
    ITerm2,
    /// Windows Terminal: neither reorders nor joins.
    WindowsTerminal,
    /// xterm and anything unknown: assumed to neither reorder nor join.
    Xterm,
}

impl Terminal {
    /// Reads the environment variables terminals set. Inside tmux the variables inherited from
    /// the terminal tmux was started in still name that terminal, which is the one that draws
    /// (tmux itself neither reorders nor joins), so they are read the same way.
    pub fn detect() -> Terminal {
        Terminal::from_env(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    /// As `detect`, with the environment given as a lookup function (for tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Terminal {
        let program = var("TERM_PROGRAM").unwrap_or_default();
        let term = var("TERM").unwrap_or_default();
        if var("KONSOLE_VERSION").is_some() {
            Terminal::Konsole
        } else if program == "WezTerm" || var("WEZTERM_PANE").is_some() {
            Terminal::WezTerm
        } else if program == "mintty" || var("MINTTY_SHORTCUT").is_some() {
            Terminal::Mintty
        } else if var("VTE_VERSION").is_some() {
            Terminal::Vte
        } else if var("MLTERM").is_some() {
            Terminal::Mlterm
        } else if term == "xterm-kitty" || var("KITTY_WINDOW_ID").is_some() {
            Terminal::Kitty
        } else if term == "alacritty"
            || var("ALACRITTY_WINDOW_ID").is_some()
            || var("ALACRITTY_SOCKET").is_some()
        {
            Terminal::Alacritty
        } else if term.starts_with("foot") {
            Terminal::Foot
        } else if program == "iTerm.app" {
            Terminal::ITerm2
        } else if var("WT_SESSION").is_some() {
            Terminal::WindowsTerminal
        } else {
            Terminal::Xterm
        }
    }

    /// Whether the terminal reorders right-to-left text by itself in what it was checked on
    /// (the terminals whose reordering qari switches off in full screen, and Konsole's, which
    /// cannot be).
    fn reorders(self) -> bool {
        matches!(self, Terminal::Vte | Terminal::Konsole | Terminal::Mlterm)
    }

    /// Whether italic Arabic text is drawn. mlterm 3.9 takes italic text from the italic face
    /// of its font alone, and with its default fonts that face has no Arabic letters: each shows
    /// as an empty box.
    pub fn draws_italic_arabic(self) -> bool {
        self != Terminal::Mlterm
    }

    /// How the full-screen reader sends its rows here, for `--bidi` and `--shape` as asked.
    /// Qari reorders everywhere except in Konsole, whose own reordering cannot be switched off
    /// (reordering twice would undo ours).
    pub fn screen(self, bidi: Bidi, shape: Shape) -> Strategy {
        match (bidi, self) {
            (Bidi::Terminal, _) | (Bidi::Auto, Terminal::Konsole) => self.logical(shape),
            _ => self.visual(shape, true),
        }
    }

    /// How plain output is sent here. `to` says where it goes: a person reads a terminal or a
    /// pipe (`qari --plain | cat`, a pager) in this terminal, so a terminal that reorders by
    /// itself gets logical order it can lay out; a file gets visual order, as any other terminal.
    pub fn plain(self, bidi: Bidi, shape: Shape, to: Sink) -> Strategy {
        match bidi {
            Bidi::Terminal => self.logical(shape),
            Bidi::Auto if to != Sink::File && self.reorders() => self.logical(shape),
            // kitty shows what reaches it through a pipe too: its letters must be joined by
            // qari, or its own joining draws lam-alef in one of the two cells counted.
            _ if to != Sink::File && self == Terminal::Kitty => self.visual(shape, true),
            _ => Strategy::visual(shape, to == Sink::Terminal),
        }
    }

    /// Visual order, for a terminal that draws what it is given; kitty gets each run of Arabic
    /// letters back in logical order, since it shapes such runs right to left.
    fn visual(self, shape: Shape, shown: bool) -> Strategy {
        Strategy {
            logical_runs: self == Terminal::Kitty,
            ..Strategy::visual(shape, shown)
        }
    }

    /// Logical order for a terminal that reorders it: rows between direction marks where the
    /// terminal is known to reorder (VTE and Konsole lay out each line as a left-to-right
    /// paragraph, so a right-to-left row needs its direction given). Konsole draws lam-alef as
    /// one cell and does not mirror brackets: it gets presentation forms, lam-alef as the one
    /// cell qari counts, and brackets mirrored by qari. mlterm right-aligns right-to-left lines
    /// itself, so padding would land on the wrong side.
    fn logical(self, shape: Shape) -> Strategy {
        let konsole = self == Terminal::Konsole;
        Strategy {
            bidi: Bidi::Terminal,
            shape: match shape {
                Shape::Auto => konsole,
                s => s == Shape::Always,
            },
            mirror: konsole,
            marks: self.reorders(),
            pad: self != Terminal::Mlterm,
            logical_runs: false,
        }
    }

    /// The sequences for a session in which `bidi` (already decided, not `Auto`) says who
    /// reorders; `tmux` when qari runs inside tmux, which draws in the terminal it was started in.
    pub fn modes(self, bidi: Bidi, tmux: bool) -> Modes {
        Modes {
            terminal: self,
            app: bidi == Bidi::App,
            tmux,
        }
    }
}

/// Where plain output goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sink {
    /// A terminal.
    Terminal,
    /// A pipe, most often to a program that shows it in the same terminal.
    Pipe,
    /// A file or anything else.
    File,
}

/// How qari sends rows to a terminal: the meaning of `--bidi auto` and `--shape auto` there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy {
    /// Who reorders: `App` (qari sends visual order) or `Terminal` (logical order), not `Auto`.
    pub bidi: Bidi,
    /// Arabic letters as presentation forms, lam-alef as one ligature cell.
    pub shape: bool,
    /// Brackets mirrored by qari in right-to-left runs even when the terminal reorders.
    pub mirror: bool,
    /// Each row between two marks of its direction (U+200F or U+200E), so a terminal that
    /// reorders each line gives the row that direction.
    pub marks: bool,
    /// Right-to-left plain rows padded with spaces to the width.
    pub pad: bool,
    /// Visual order with each run of Arabic letters back in logical order, for a terminal that
    /// shapes such runs right to left itself (kitty).
    pub logical_runs: bool,
}

impl Strategy {
    /// Visual order: qari reorders and the terminal must not. Letters are joined when a
    /// terminal shows them (no terminal joins letters correctly once reversed), and left as
    /// they are for other programs unless asked.
    fn visual(shape: Shape, shown: bool) -> Strategy {
        Strategy {
            bidi: Bidi::App,
            shape: match shape {
                Shape::Auto => shown,
                s => s == Shape::Always,
            },
            mirror: true,
            marks: false,
            pad: true,
            logical_runs: false,
        }
    }
}

/// terminal-wg BiDi: "explicit mode", the terminal must not reorder what qari already did.
/// VTE records the mode per row: in a row that was already there it applies only to the row the
/// cursor is on; rows made after it (by a clear) take it.
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// terminal-wg BiDi: back to the terminal's default "implicit mode".
const BIDI_IMPLICIT: &str = "\x1b[8h";
/// Cursor home: the row `CSI 8 l` then applies to is the top one.
const HOME: &str = "\x1b[H";
/// Erase from the cursor to the end of the screen: VTE gives the rows below the cursor the mode
/// in force. (Not `CSI 2 J`, which also works but is a sequence documents must never send.)
const CLEAR_BELOW: &str = "\x1b[J";
/// mlterm's own switch for its complex text layout (its reordering and joining), which does not
/// follow `CSI 8 l`; `true` is its default.
const MLTERM_CTL_OFF: &str = "\x1b]5379;use_ctl=false\x07";
const MLTERM_CTL_ON: &str = "\x1b]5379;use_ctl=true\x07";

/// What qari sends to the terminal around a full-screen session so that every row it draws is
/// shown as laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modes {
    terminal: Terminal,
    /// qari reorders: the terminal's own reordering must be off.
    app: bool,
    /// Inside tmux: the switches also go to the terminal tmux runs in.
    tmux: bool,
}

impl Modes {
    /// Sent right after entering the alternate screen, and again after a resume. In app mode it
    /// switches the terminal's reordering off on the top row and then clears the rest, so that
    /// every row is in explicit mode (VTE keeps the mode per row: `CSI 8 l` alone would reach
    /// only the row the cursor is on). `CSI 8 l` goes to every terminal, since one that does not say
    /// which it is (over ssh, VTE's variables are not passed on) may still reorder; the others
    /// ignore it.
    pub fn enter(self) -> String {
        if !self.app {
            return String::new();
        }
        let mut out = HOME.to_string() + &self.switch(BIDI_EXPLICIT, &every_row(BIDI_EXPLICIT));
        if self.terminal == Terminal::Mlterm {
            out += &self.switch(MLTERM_CTL_OFF, MLTERM_CTL_OFF);
        }
        out + CLEAR_BELOW
    }

    /// Undoes `enter`; sent on every way out (quit, a signal, a panic, a suspend).
    pub fn leave(self) -> String {
        if !self.app {
            return String::new();
        }
        let mut out = self.switch(BIDI_IMPLICIT, &every_row(BIDI_IMPLICIT));
        if self.terminal == Terminal::Mlterm {
            out += &self.switch(MLTERM_CTL_ON, MLTERM_CTL_ON);
        }
        out
    }

    /// `seq` for the terminal, and inside tmux also `outer` wrapped for tmux's passthrough
    /// (`ESC P tmux;` with each ESC doubled), which hands it to the outer terminal where
    /// `allow-passthrough` is on instead of dropping it.
    fn switch(self, seq: &str, outer: &str) -> String {
        if self.tmux {
            format!("{seq}\x1bPtmux;{}\x1b\\", outer.replace('\x1b', "\x1b\x1b"))
        } else {
            seq.to_string()
        }
    }
}

/// Rows of the terminal tmux runs in that get the BiDi mode: more than any screen has. Larger
/// numbers than a terminal's height go to its last row.
const OUTER_ROWS: u16 = 200;

/// `mode` applied to every row of the terminal tmux runs in, the cursor saved and put back
/// (tmux does not know it moved). qari cannot clear that screen behind tmux's back, and VTE
/// applies a mode to the cursor's row only; tmux draws qari's rows on rows it made before, in
/// whatever mode was in force then. VTE's cursor restore also restores the mode saved with the
/// cursor, so `mode` is sent once more after it.
fn every_row(mode: &str) -> String {
    let rows: String = (1..=OUTER_ROWS)
        .map(|r| format!("\x1b[{r}H{mode}"))
        .collect();
    format!("\x1b7{rows}\x1b8{mode}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(vars: &[(&str, &str)]) -> Terminal {
        Terminal::from_env(|k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn each_terminal_is_recognised_by_its_variables() {
        assert_eq!(
            detect(&[("KONSOLE_VERSION", "230804"), ("TERM", "xterm-256color")]),
            Terminal::Konsole
        );
        assert_eq!(detect(&[("VTE_VERSION", "7600")]), Terminal::Vte);
        assert_eq!(detect(&[("TERM_PROGRAM", "WezTerm")]), Terminal::WezTerm);
        assert_eq!(detect(&[("TERM_PROGRAM", "mintty")]), Terminal::Mintty);
        assert_eq!(
            detect(&[("MLTERM", "3.9.0"), ("TERM", "xterm")]),
            Terminal::Mlterm
        );
        assert_eq!(detect(&[("TERM", "xterm-kitty")]), Terminal::Kitty);
        assert_eq!(detect(&[("TERM", "alacritty")]), Terminal::Alacritty);
        assert_eq!(detect(&[("TERM", "foot")]), Terminal::Foot);
        assert_eq!(detect(&[("TERM_PROGRAM", "iTerm.app")]), Terminal::ITerm2);
        assert_eq!(detect(&[("WT_SESSION", "x")]), Terminal::WindowsTerminal);
        assert_eq!(detect(&[("TERM", "xterm-256color")]), Terminal::Xterm);
        // tmux started from GNOME Terminal: the outer terminal's variable is inherited.
        assert_eq!(
            detect(&[
                ("TMUX", "/tmp/t"),
                ("TERM_PROGRAM", "tmux"),
                ("VTE_VERSION", "7600")
            ]),
            Terminal::Vte
        );
    }

    #[test]
    fn konsole_gets_logical_order_and_everyone_else_visual_order_with_joined_letters() {
        let konsole = Terminal::Konsole.screen(Bidi::Auto, Shape::Auto);
        assert_eq!(
            konsole,
            Strategy {
                bidi: Bidi::Terminal,
                shape: true,
                mirror: true,
                marks: true,
                pad: true,
                logical_runs: false
            }
        );
        for t in [
            Terminal::Vte,
            Terminal::Kitty,
            Terminal::Xterm,
            Terminal::WezTerm,
            Terminal::Mlterm,
        ] {
            let s = t.screen(Bidi::Auto, Shape::Auto);
            assert_eq!(
                (s.bidi, s.shape, s.marks),
                (Bidi::App, true, false),
                "{t:?}"
            );
        }
        assert_eq!(
            Terminal::Konsole.screen(Bidi::App, Shape::Auto).bidi,
            Bidi::App,
            "an explicit choice wins"
        );
        assert!(!Terminal::Konsole.screen(Bidi::Auto, Shape::Never).shape);
        let kitty = Terminal::Kitty.screen(Bidi::Auto, Shape::Auto);
        assert!(kitty.logical_runs && kitty.shape && kitty.bidi == Bidi::App);
        assert!(!Terminal::Xterm.screen(Bidi::Auto, Shape::Auto).logical_runs);
    }

    #[test]
    fn plain_output_read_in_a_reordering_terminal_is_logical_and_marked() {
        for to in [Sink::Terminal, Sink::Pipe] {
            let vte = Terminal::Vte.plain(Bidi::Auto, Shape::Auto, to);
            assert_eq!((vte.bidi, vte.marks, vte.pad), (Bidi::Terminal, true, true));
            assert!(!vte.shape && !vte.mirror, "VTE joins and mirrors by itself");
            let konsole = Terminal::Konsole.plain(Bidi::Auto, Shape::Auto, to);
            assert!(konsole.shape && konsole.mirror && konsole.marks);
            let mlterm = Terminal::Mlterm.plain(Bidi::Auto, Shape::Auto, to);
            assert_eq!((mlterm.bidi, mlterm.pad), (Bidi::Terminal, false));
        }
        // A file gets visual order in plain letters, whatever terminal qari was started in.
        let file = Terminal::Vte.plain(Bidi::Auto, Shape::Auto, Sink::File);
        assert_eq!(
            (file.bidi, file.shape, file.marks),
            (Bidi::App, false, false)
        );
        // xterm: visual order, joined only on the terminal itself.
        assert!(
            Terminal::Xterm
                .plain(Bidi::Auto, Shape::Auto, Sink::Terminal)
                .shape
        );
        let piped = Terminal::Xterm.plain(Bidi::Auto, Shape::Auto, Sink::Pipe);
        assert_eq!((piped.bidi, piped.shape), (Bidi::App, false));
        assert!(Terminal::Vte.plain(Bidi::App, Shape::Auto, Sink::Pipe).bidi == Bidi::App);
        // kitty shows piped output too: joined, Arabic runs in logical order.
        let kitty = Terminal::Kitty.plain(Bidi::Auto, Shape::Auto, Sink::Pipe);
        assert!(kitty.shape && kitty.logical_runs);
        assert!(
            !Terminal::Kitty
                .plain(Bidi::Auto, Shape::Auto, Sink::File)
                .logical_runs
        );
    }

    #[test]
    fn app_mode_makes_every_row_explicit_and_gives_the_terminal_back() {
        let vte = Terminal::Vte.modes(Bidi::App, false);
        // The switch on the top row, then the clear: the rows it makes are in explicit mode.
        assert_eq!(vte.enter(), "\x1b[H\x1b[8l\x1b[J");
        assert_eq!(vte.leave(), "\x1b[8h");
        // An unknown terminal gets the same: it may be VTE reached over ssh.
        assert_eq!(Terminal::Xterm.modes(Bidi::App, false).enter(), vte.enter());
        // Nothing to switch when the terminal is left to reorder.
        let konsole = Terminal::Konsole.modes(Bidi::Terminal, false);
        assert_eq!(
            (konsole.enter(), konsole.leave()),
            (String::new(), String::new())
        );
    }

    #[test]
    fn mlterm_gets_its_own_switch_off_and_on_again() {
        let m = Terminal::Mlterm.modes(Bidi::App, false);
        let (enter, leave) = (m.enter(), m.leave());
        assert!(enter.contains("\x1b]5379;use_ctl=false\x07"), "{enter:?}");
        assert!(leave.contains("\x1b]5379;use_ctl=true\x07"), "{leave:?}");
        assert!(enter.ends_with("\x1b[J"), "{enter:?}");
    }

    #[test]
    fn inside_tmux_the_switches_also_reach_every_row_of_the_outer_terminal() {
        let m = Terminal::Vte.modes(Bidi::App, true);
        let (enter, leave) = (m.enter(), m.leave());
        // For tmux itself, as outside tmux.
        assert!(enter.starts_with("\x1b[H\x1b[8l\x1bPtmux;") && enter.ends_with("\x1b\\\x1b[J"));
        // For the outer terminal: each row, the cursor put back after.
        let outer = enter
            .split_once("\x1bPtmux;")
            .map(|(_, o)| o.replace("\x1b\x1b", "\x1b"))
            .unwrap_or_default();
        assert!(
            outer.starts_with("\x1b7\x1b[1H\x1b[8l\x1b[2H\x1b[8l"),
            "{outer:?}"
        );
        assert!(
            outer.contains("\x1b[200H\x1b[8l\x1b8\x1b[8l\x1b\\"),
            "{outer:?}"
        );
        assert!(leave.starts_with("\x1b[8h\x1bPtmux;\x1b\x1b7\x1b\x1b[1H\x1b\x1b[8h"));
        assert!(!leave.contains("[8l"));
    }
}
