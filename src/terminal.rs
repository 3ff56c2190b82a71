//! Which terminal qari runs in, from its environment variables, and what that means for
//! reordering (`--bidi auto`) and joining letters (`--shape auto`).

use crate::cli::{Bidi, Shape};

/// Terminals that behave differently with right-to-left text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terminal {
    /// Konsole: always reorders and shapes by itself; cannot be switched off.
    Konsole,
    /// VTE (GNOME Terminal, Tilix, …): reorders unless told not to with `CSI 8 l`.
    Vte,
    /// mintty: reorders unless told not to.
    Mintty,
    /// WezTerm: reorders when its bidi option is on; honours `CSI 8 l`.
    WezTerm,
    /// kitty, Alacritty, xterm, Windows Terminal, iTerm2, foot: no reordering, no joining.
    Plain,
}

impl Terminal {
    /// Reads the environment variables terminals set. Inside tmux, variables inherited from
    /// the outer terminal still name it (tmux itself neither reorders nor joins).
    pub fn detect() -> Terminal {
        Terminal::from_env(|k| std::env::var(k).ok())
    }

    /// As `detect`, with the environment given as a lookup function (for tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Terminal {
        let term_program = var("TERM_PROGRAM").unwrap_or_default();
        if var("KONSOLE_VERSION").is_some() {
            Terminal::Konsole
        } else if term_program == "WezTerm" {
            Terminal::WezTerm
        } else if term_program == "mintty" || var("MINTTY_SHORTCUT").is_some() {
            Terminal::Mintty
        } else if var("VTE_VERSION").is_some() {
            Terminal::Vte
        } else {
            Terminal::Plain
        }
    }

    /// What `--bidi auto` means here: qari reorders everywhere except in Konsole, whose own
    /// reordering cannot be switched off (reordering twice would undo ours).
    pub fn bidi(self, asked: Bidi) -> Bidi {
        match (asked, self) {
            (Bidi::Auto, Terminal::Konsole) => Bidi::Terminal,
            (Bidi::Auto, _) => Bidi::App,
            (b, _) => b,
        }
    }

    /// What `--shape auto` means here: presentation forms everywhere except where the terminal
    /// gets logical text and joins it itself (Konsole).
    pub fn shape(self, asked: Shape, bidi: Bidi) -> bool {
        match asked {
            Shape::Always => true,
            Shape::Never => false,
            Shape::Auto => bidi == Bidi::App,
        }
    }
}
