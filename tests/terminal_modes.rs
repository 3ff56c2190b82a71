//! The bytes qari writes in each terminal's environment, checked against what that terminal does
//! with them, so a terminal that would show a row reordered twice fails here without a display.

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, find_bytes, numbered, row_of};

/// First words of the embedded article's title (its first line).
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// The environment GNOME Terminal, xfce4-terminal and other VTE terminals give their programs.
const VTE: &[(&str, &str)] = &[("VTE_VERSION", "7006"), ("COLORTERM", "truecolor")];

/// VTE's BiDi modes as a stream of bytes leaves them. VTE keeps a mode per row: `CSI 8 l` /
/// `CSI 8 h` set the terminal's mode and apply it to the row the cursor is on; rows that VTE
/// makes afresh take the mode in force (all of them on entering the alternate screen or erasing
/// the whole screen, those below the cursor on erasing below it). A row drawn while it is in
/// implicit mode is reordered by VTE again.
struct VteModel {
    screen: vt100::Parser,
    explicit: bool,
    /// The mode of each row of the alternate screen.
    rows: Vec<bool>,
}

/// The sequences that change VTE's row modes.
const EXPLICIT: &[u8] = b"\x1b[8l";
const IMPLICIT: &[u8] = b"\x1b[8h";
const ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const CLEAR: &[u8] = b"\x1b[2J";
const CLEAR_BELOW: &[u8] = b"\x1b[J";

impl VteModel {
    fn new(cols: u16, rows: u16) -> VteModel {
        VteModel {
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            explicit: false,
            rows: vec![false; usize::from(rows)],
        }
    }

    /// The text of each row of the screen.
    fn texts(&self) -> Vec<String> {
        let s = self.screen.screen();
        s.rows(0, s.size().1.into()).collect()
    }

    /// Takes in `raw`; an error names each row qari drew on the alternate screen while VTE would
    /// reorder it.
    fn feed(&mut self, mut raw: &[u8]) -> Result<(), String> {
        let mut wrong = Vec::new();
        while !raw.is_empty() {
            let next = [EXPLICIT, IMPLICIT, ALT_SCREEN, CLEAR, CLEAR_BELOW]
                .into_iter()
                .filter_map(|m| find_bytes(raw, m).map(|at| (at, m)))
                .min();
            let (text, marker) = match next {
                Some((at, m)) => (&raw[..at], Some(m)),
                None => (raw, None),
            };
            let before = self.texts();
            self.screen.process(text);
            if self.screen.screen().alternate_screen() {
                for (row, (now, was)) in self.texts().iter().zip(&before).enumerate() {
                    if now != was && !self.rows[row] {
                        wrong.push(format!("row {row}: {now}"));
                    }
                }
            }
            let Some(m) = marker else { break };
            self.screen.process(m);
            let cursor = usize::from(self.screen.screen().cursor_position().0);
            match m {
                EXPLICIT | IMPLICIT => {
                    self.explicit = m == EXPLICIT;
                    self.rows[cursor] = self.explicit;
                }
                CLEAR_BELOW => self.rows[cursor + 1..].fill(self.explicit),
                _ => self.rows.fill(self.explicit),
            }
            raw = &raw[text.len() + m.len()..];
        }
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "drawn in implicit mode (VTE reorders them again):\n{}",
                wrong.join("\n")
            ))
        }
    }
}

/// A terminal dimension, which cannot be zero.
fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal is at least one cell wide and high")
}

/// Whether an overlay titled ` keys ` (the help) is on screen.
fn help_shown(rows: &[String]) -> bool {
    rows.iter().any(|r| r.contains(" keys "))
}

#[test]
fn in_vte_every_row_is_drawn_in_explicit_mode_through_help_resize_and_quit() {
    let mut p = Pty::spawn_with_env(&[], VTE, 100, 30);
    p.expect_phrase(TITLE_START);
    p.send("?");
    p.expect("the help after ?", help_shown);
    p.send_key(Key::Esc);
    p.expect("the help gone after Esc", |rows| !help_shown(rows));
    p.press(Key::Char('j'));
    let mut model = VteModel::new(100, 30);
    let before_resize = p.raw();
    model
        .feed(&before_resize)
        .unwrap_or_else(|e| panic!("{e}\n{}", numbered(&p.frame_rows())));
    // A resize: VTE keeps each row's mode, and makes the rows it adds in the mode in force.
    p.resize(90, 30);
    p.expect("the article at 90 columns", |rows| {
        rows.iter().all(|r| r.chars().count() <= 90)
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    let raw = p.raw();
    model
        .feed(&raw[before_resize.len()..])
        .unwrap_or_else(|e| panic!("after the resize: {e}"));
    assert!(!model.explicit, "VTE left in explicit mode");
}

#[test]
fn in_vte_the_rows_drawn_after_suspend_and_fg_are_explicit() {
    let mut p = Pty::spawn_interactive_shell(100, 30);
    p.send("VTE_VERSION=7006 \"$QARI\"\n");
    p.expect_phrase(TITLE_START);
    p.send_key(Key::Ctrl('z'));
    p.expect("the shell saying qari stopped", |_| {
        p.screen_rows().iter().any(|r| r.contains("Stopped"))
    });
    let frames = p.frame_count();
    p.send("fg\n");
    p.expect("the article redrawn after fg", |rows| {
        p.frame_count() > frames && row_of(rows, TITLE_START).is_some()
    });
    p.send("q");
    p.expect("the shell back after q", |_| {
        row_of(&p.screen_rows(), TITLE_START).is_none()
    });
    p.send("exit\n");
    assert_eq!(p.wait_exit(), Some(0));
    let mut model = VteModel::new(100, 30);
    model.feed(&p.raw()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!model.explicit, "VTE left in explicit mode");
}

/// Konsole's environment.
const KONSOLE: &[(&str, &str)] = &[("KONSOLE_VERSION", "221203")];
/// mlterm's environment.
const MLTERM: &[(&str, &str)] = &[("MLTERM", "3.9.0")];
/// U+200F RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';

/// qari's plain output of the embedded article at 60 columns, run over a clean environment
/// with `env`, its stdout a pipe (as in `qari --plain | cat`).
fn piped(env: &[(&str, &str)], args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qari"))
        .env_clear()
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied())
        .args(["--plain", "--width", "60"])
        .args(args)
        .output()
        .expect("run qari");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The lines that hold text.
fn text_lines(out: &str) -> Vec<&str> {
    out.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn plain_output_piped_in_vte_is_logical_order_with_each_row_marked() {
    let vte = piped(VTE, &[]);
    // What the terminal gets to reorder: the rows qari wraps, in logical order.
    let logical = piped(&[], &["--bidi", "terminal"]);
    assert_eq!(vte.replace(RLM, ""), logical);
    for line in text_lines(&vte) {
        let row = line.trim_start_matches(' ');
        assert!(
            row.starts_with(RLM) && row.ends_with(RLM),
            "a row VTE would lay out left to right: {line:?}"
        );
    }
    assert!(
        text_lines(&vte)[0]
            .trim_start()
            .trim_start_matches(RLM)
            .starts_with(TITLE_START)
    );
}

#[test]
fn plain_output_in_konsole_has_its_ligatures_and_brackets_drawn_as_konsole_draws() {
    use unicode_normalization::UnicodeNormalization;
    let konsole = piped(KONSOLE, &[]);
    // Lam-alef as the one ligature cell Konsole draws, never the two letters qari would count
    // as two cells.
    assert!(!konsole.contains("\u{644}\u{627}") && konsole.contains('\u{FEFB}'));
    // Konsole reorders but does not mirror: the brackets of (الناتو) go out mirrored.
    let folded: String = konsole.nfkc().collect();
    assert!(folded.contains(")الناتو("), "{folded}");
    assert!(text_lines(&konsole).iter().all(|l| l.ends_with(RLM)));
}

#[test]
fn plain_output_in_mlterm_is_not_padded_since_mlterm_aligns_right_to_left_rows() {
    let mlterm = piped(MLTERM, &[]);
    let logical = piped(&[], &["--bidi", "terminal"]);
    let unpadded: Vec<&str> = logical.lines().map(|l| l.trim_start_matches(' ')).collect();
    let rows: Vec<String> = mlterm.lines().map(|l| l.replace(RLM, "")).collect();
    assert_eq!(rows, unpadded);
}

#[test]
fn plain_output_to_a_file_is_visual_order_whatever_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.txt");
    let file = std::fs::File::create(&path).expect("create the file");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_qari"))
        .env_clear()
        .envs(VTE.iter().copied())
        .args(["--plain", "--width", "60"])
        .stdout(file)
        .status()
        .expect("run qari");
    assert!(status.success());
    let written = std::fs::read_to_string(&path).expect("read the file");
    assert_eq!(written, piped(&[], &[]));
    assert!(!written.contains(RLM));
}

#[test]
fn in_konsole_the_reader_sends_logical_rows_with_their_direction_marks() {
    use unicode_normalization::UnicodeNormalization;
    let mut p = Pty::spawn_with_env(&[], KONSOLE, 100, 30);
    // Logical order on screen (a plain terminal shows what Konsole is given).
    p.expect("the title in logical order", |rows| {
        rows.iter()
            .any(|r| r.nfkc().collect::<String>().contains(TITLE_START))
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(
        !raw.contains("\x1b[8l"),
        "Konsole's reordering is used, not switched off"
    );
    assert!(raw.contains(RLM), "no row marked with its direction");
    let folded: String = raw.nfkc().collect();
    assert!(
        folded.contains(")الناتو("),
        "brackets not mirrored for Konsole"
    );
    p.assert_restored();
}

/// kitty's environment.
const KITTY: &[(&str, &str)] = &[("TERM", "xterm-kitty"), ("KITTY_WINDOW_ID", "1")];

/// Whether `row` holds `phrase` as kitty is sent it: the words in visual order (right to left,
/// so reversed here), the letters of each in logical order, Arabic presentation forms folded.
fn kitty_shows(row: &str, phrase: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = row.nfkc().collect();
    let words: Vec<&str> = folded.split_whitespace().rev().collect();
    words.join(" ").contains(phrase)
}

#[test]
fn in_kitty_words_go_in_visual_order_with_their_letters_in_logical_order() {
    let mut p = Pty::spawn_with_env(&[], KITTY, 100, 30);
    p.expect("the title as kitty is sent it", |rows| {
        rows.iter().any(|r| kitty_shows(r, TITLE_START))
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    let plain = piped(KITTY, &[]);
    assert!(kitty_shows(text_lines(&plain)[0], TITLE_START), "{plain}");
    // The full stop of a sentence's last row stays on its left, out of the word's run.
    assert!(
        plain
            .lines()
            .any(|l| l.trim_start().starts_with(".ﺩﻭﻟﻪ") || l.contains(" .")),
        "{plain}"
    );
}

#[test]
fn in_mlterm_its_own_layout_is_switched_off_while_qari_runs_and_back_on_after() {
    let mut p = Pty::spawn_with_env(&[], MLTERM, 100, 30);
    p.expect_phrase(TITLE_START);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    let raw = p.raw();
    let off = find_bytes(&raw, b"\x1b]5379;use_ctl=false\x07").expect("use_ctl=false sent");
    let on = pty::rfind_bytes(&raw, b"\x1b]5379;use_ctl=true\x07").expect("use_ctl=true sent");
    // Off before the first frame (its move to the second row), on again after the last frame
    // (each ends by hiding the cursor).
    let first = find_bytes(&raw, b"\x1b[2;").expect("a frame drawn");
    let last = pty::rfind_bytes(&raw, b"\x1b[?25l").expect("a frame drawn");
    assert!(off < first && last < on, "{off} {first} {last} {on}");
}
