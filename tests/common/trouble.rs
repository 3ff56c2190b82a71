//! Running qari on hostile input, and finding what must never reach a terminal raw in what it
//! printed: control characters and bidi embeddings, overrides, isolates and marks.

use std::process::{Command, Output};

/// Runs qari with `args`, stdout and stderr pipes, in a plain environment.
pub fn piped(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

/// Characters that must not be written raw to a terminal: C0 controls but the line end and a
/// list's tab, DEL, C1 controls, and bidi embeddings, overrides, isolates and marks.
pub fn is_raw_trouble(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first raw control or bidi character in `out`, with the text around it.
pub fn first_trouble(out: &str) -> Option<String> {
    // A terminal turns each line end into CR LF.
    let out = out.replace("\r\n", "\n");
    let chars: Vec<char> = out.chars().collect();
    let at = chars.iter().position(|&c| is_raw_trouble(c))?;
    let around: String = chars[at.saturating_sub(30)..(at + 10).min(chars.len())]
        .iter()
        .collect();
    Some(format!("{:?} in {around:?}", chars[at]))
}
