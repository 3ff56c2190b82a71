//! Which terminal qari runs in, from its environment variables, and what that means for
//! reordering (`--bidi auto`) and joining letters (`--shape auto`).

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

    /// What `--bidi auto` means here: qari reorders everywhere except in Konsole, whose own
    /// reordering cannot be switched off (reordering twice would undo ours).
    pub fn bidi(self, asked: Bidi) -> Bidi {
        match (asked, self) {
            (Bidi::Auto, Terminal::Konsole) => Bidi::Terminal,
            (Bidi::Auto, _) => Bidi::App,
            (b, _) => b,
        }
    }

    /// What `--shape auto` means here: presentation forms whenever qari sends visual order (no
    /// terminal joins letters correctly once they are reversed), logical letters when the
    /// terminal reorders and joins them itself.
    pub fn shape(self, asked: Shape, bidi: Bidi) -> bool {
        match asked {
            Shape::Always => true,
            Shape::Never => false,
            Shape::Auto => bidi == Bidi::App,
        }
    }
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
        assert_eq!(Terminal::Konsole.bidi(Bidi::Auto), Bidi::Terminal);
        assert!(!Terminal::Konsole.shape(Shape::Auto, Bidi::Terminal));
        for t in [
            Terminal::Vte,
            Terminal::Kitty,
            Terminal::Xterm,
            Terminal::WezTerm,
        ] {
            assert_eq!(t.bidi(Bidi::Auto), Bidi::App);
            assert!(t.shape(Shape::Auto, Bidi::App));
        }
        assert_eq!(
            Terminal::Konsole.bidi(Bidi::App),
            Bidi::App,
            "an explicit choice wins"
        );
    }
}
