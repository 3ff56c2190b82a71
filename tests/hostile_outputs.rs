//! Hostile input through qari's other outputs: the `--list` printouts (text and JSON), argument
//! errors, and the size lookup, each with stdout a pipe and a terminal. Nothing from a file or
//! an argument may reach the terminal raw, and qari starts no program of the user's `PATH`.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;
#[path = "common/trouble.rs"]
mod trouble;

use pty::Pty;
use std::io::Write;
use std::process::Command;
use tempfile::TempPath;
use trouble::{first_trouble, piped};

/// Sequences a hostile document or file name carries: OSC 52 (write the clipboard), OSC 0 (the
/// window title), RIS (reset the terminal), CSI 3 J (clear the scrollback), 8-bit CSI and DCS
/// (C1), DEL, and bidi overrides and isolates that turn the text around.
const TROUBLE: &[&str] = &[
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]0;owned\x1b\\",
    "\x1bc",
    "\x1b[3J",
    "\u{9b}2J",
    "\u{90}q\u{9c}",
    "\x7f",
    "\u{202e}live\u{202c}",
    "\u{2067}evil\u{2069}",
    "\u{200f}",
];

/// A scratch file ending in `suffix` holding `bytes`, removed when dropped.
fn scratch(suffix: &str, bytes: &[u8]) -> TempPath {
    let mut file = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
    file.write_all(bytes).unwrap();
    file.into_temp_path()
}

/// A Markdown article whose headings and body lines carry every sequence of [`TROUBLE`], each
/// line also holding the word `الناتو` for `--list matches` to find.
fn hostile_article() -> TempPath {
    let mut text = String::from("# عنوان المقال الناتو\n\n");
    for (i, t) in TROUBLE.iter().enumerate() {
        text.push_str(&format!(
            "## قسم {i} {t} الناتو\n\nفقرة فيها الناتو {t} وكلام.\n\n"
        ));
    }
    scratch(".md", text.as_bytes())
}

/// Runs qari with `args` in a terminal until it exits; everything it wrote there.
fn in_terminal(args: &[&str]) -> (Option<u32>, String) {
    let mut pty = Pty::spawn(args, 100, 30);
    let code = pty.wait_exit();
    (code, String::from_utf8(pty.raw()).unwrap())
}

/// The lists of the hostile article, text and JSON, each with stdout a pipe and a terminal.
fn list_outputs(what: &str) -> Vec<(String, String)> {
    let path = hostile_article();
    let path = path.to_str().unwrap();
    let mut outputs = Vec::new();
    for json in [false, true] {
        let mut args = vec!["--list", what, "--search", "الناتو", path];
        if json {
            args.push("--json");
        }
        let out = piped(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let label = format!("{} (pipe)", args.join(" "));
        outputs.push((label, String::from_utf8(out.stdout).unwrap()));
        let (code, raw) = in_terminal(&args);
        assert_eq!(code, Some(0), "{args:?} in a terminal");
        outputs.push((format!("{} (terminal)", args.join(" ")), raw));
    }
    outputs
}

#[test]
fn list_sections_writes_no_raw_control_or_bidi_character() {
    for (what, out) in list_outputs("sections") {
        assert!(
            out.contains("قسم 9"),
            "{what}: the sections are missing: {out}"
        );
        if let Some(bad) = first_trouble(&out) {
            panic!("{what}: {bad}");
        }
    }
}

#[test]
fn list_matches_writes_no_raw_control_or_bidi_character() {
    for (what, out) in list_outputs("matches") {
        let found = if what.contains("--json") {
            out.matches("\"start\"").count() == 2 * TROUBLE.len() + 1
        } else {
            out.matches("فقرة").count() == TROUBLE.len()
        };
        assert!(found, "{what}: not every match is listed: {out}");
        if let Some(bad) = first_trouble(&out) {
            panic!("{what}: {bad}");
        }
    }
}

#[test]
fn list_entities_writes_no_raw_control_or_bidi_character() {
    for (what, out) in list_outputs("entities") {
        if let Some(bad) = first_trouble(&out) {
            panic!("{what}: {bad}");
        }
    }
}

#[test]
fn list_text_shows_controls_as_the_reader_does() {
    let path = hostile_article();
    let out = piped(&["--list", "sections", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    // ESC as ␛, BEL as ␇, DEL as ␡, C1 as ¤; the override hidden, its letters in order.
    for shown in [
        "␛]52;c;ZXZpbA==␇",
        "␛]0;owned␛\\",
        "␛c",
        "␛[3J",
        "¤2J",
        "␡",
        "قسم 7 live",
    ] {
        assert!(text.contains(shown), "{shown:?} not in {text}");
    }
    let shown = piped(&[
        "--list",
        "sections",
        "--show-controls",
        path.to_str().unwrap(),
    ]);
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("←live⇤"), "--show-controls: {shown}");
}

#[test]
fn list_json_escapes_every_control_and_keeps_the_text() {
    let path = hostile_article();
    let out = piped(&["--list", "sections", "--json", path.to_str().unwrap()]);
    let json = String::from_utf8(out.stdout).unwrap();
    for escaped in [
        r"\u001b]52",
        r"\u0007",
        r"\u009b",
        r"\u0090",
        r"\u007f",
        r"\u202e",
        r"\u2067",
        r"\u200f",
    ] {
        assert!(json.contains(escaped), "{escaped} not in {json}");
    }
    // A JSON reader gets the titles back exactly as the file has them.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let titles: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    for t in TROUBLE {
        assert!(
            titles.iter().any(|title| title.contains(t)),
            "{t:?} lost: {titles:?}"
        );
    }
}

/// A file name holding a terminal escape, as `qari *` passes it along.
const HOSTILE_ARG: &str = "x\x1b]52;c;eA==\x07\u{9b}31m\u{202e}";

#[test]
fn argument_errors_quote_arguments_escaped() {
    let args = ["a.txt", HOSTILE_ARG];
    let out = piped(&args);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(r"x\u{1b}]52;c;eA==\u{7}"),
        "the argument is not quoted escaped: {err}"
    );
    if let Some(bad) = first_trouble(&err) {
        panic!("stderr (pipe): {bad}");
    }
    let (code, raw) = in_terminal(&args);
    assert_eq!(code, Some(2));
    assert!(raw.contains("unexpected argument"), "{raw}");
    // Not even colour: the terminal receives no escape at all.
    if let Some(bad) = first_trouble(&raw) {
        panic!("terminal: {bad}");
    }
    let (_, raw) = in_terminal(&["--width", HOSTILE_ARG]);
    assert!(raw.contains("invalid value"), "{raw}");
    if let Some(bad) = first_trouble(&raw) {
        panic!("terminal, invalid value: {bad}");
    }
}

#[test]
fn no_tput_is_started_without_a_terminal() {
    // A `tput` first on PATH that leaves a mark when it runs.
    let dir = tempfile::tempdir().unwrap();
    let mark = dir.path().join("tput-ran");
    let tput = dir.path().join("tput");
    std::fs::write(
        &tput,
        format!("#!/bin/sh\ntouch '{}'\necho 42\n", mark.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&tput, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = scratch(".txt", "كلمة ".repeat(40).as_bytes());
    let path = path.to_str().unwrap();
    for args in [
        vec![path],
        vec!["--plain", path],
        vec!["--list", "sections", path],
    ] {
        // `setsid`: no controlling terminal, as under cron or `ssh -T`.
        let out = Command::new("setsid")
            .arg("-w")
            .arg(env!("CARGO_BIN_EXE_qari"))
            .args(&args)
            .env_clear()
            .env("PATH", format!("{}:/usr/bin:/bin", dir.path().display()))
            .env("TERM", "xterm-256color")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!mark.exists(), "qari {args:?} ran tput");
        if args.len() < 3 {
            let text = String::from_utf8(out.stdout).unwrap();
            let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
            assert_eq!(widest, 80, "{args:?}: piped rows are 80 columns: {text}");
        }
    }
}

/// Invisible characters a terminal draws in its own way or not at all, which can hide text:
/// soft hyphen, Mongolian vowel separator, tag characters, interlinear annotation marks.
const INVISIBLE: &[char] = &[
    '\u{00AD}',
    '\u{180E}',
    '\u{E0001}',
    '\u{E0041}',
    '\u{E007F}',
    '\u{FFF9}',
    '\u{FFFA}',
    '\u{FFFB}',
];

/// A file with each of [`INVISIBLE`] inside a Latin word and inside an Arabic word.
fn invisible_text() -> TempPath {
    // Numbered: lines that differ only in what draws nothing read as one repeated title.
    let mut text = String::new();
    for (i, c) in INVISIBLE.iter().enumerate() {
        text.push_str(&format!("{i} word wo{c}rd كل{c}مة\n"));
    }
    scratch(".txt", text.as_bytes())
}

#[test]
fn invisible_characters_never_reach_the_terminal_and_show_as_symbols_when_asked() {
    let path = invisible_text();
    let path = path.to_str().unwrap();
    let hidden = |out: &str| out.chars().filter(|c| INVISIBLE.contains(c)).count();
    let symbols = |out: &str| out.matches('⁞').count();
    let out = piped(&["--plain", path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(hidden(&text), 0, "plain (pipe): {text:?}");
    assert!(text.contains("word word"), "{text}");
    let out = piped(&["--plain", "--show-controls", path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(hidden(&text), 0, "--show-controls (pipe): {text:?}");
    assert_eq!(
        symbols(&text),
        2 * INVISIBLE.len(),
        "one symbol each: {text}"
    );
    for full_screen in [false, true] {
        let args = if full_screen {
            vec![path]
        } else {
            vec!["--plain", path]
        };
        let mut pty = Pty::spawn(&args, 100, 30);
        if full_screen {
            pty.expect("the text", |rows| rows.iter().any(|r| r.contains("word")));
            pty.send_key(pty::Key::Char('q'));
        }
        assert_eq!(pty.wait_exit(), Some(0), "{args:?}");
        let raw = String::from_utf8(pty.raw()).unwrap();
        assert!(raw.contains("word"), "{args:?}: {raw:?}");
        assert_eq!(hidden(&raw), 0, "{args:?} (terminal): {raw:?}");
    }
    // Narrower than the side pane needs; the status bar (the last row) names a title.
    let pty = Pty::spawn(&["--show-controls", path], 60, 30);
    pty.expect("a symbol for each invisible character", |rows| {
        let body = &rows[..rows.len() - 1];
        body.iter().map(|r| symbols(r)).sum::<usize>() == 2 * INVISIBLE.len()
    });
}

#[test]
fn a_notice_shows_the_query_as_typed_whatever_it_holds() {
    // An override in the query: "evil" must not read "live", nor turn the notice around.
    let query = "\u{202E}evil";
    let mut pty = Pty::spawn(&["--search", query], 100, 30);
    pty.expect("the not-found notice", |rows| {
        rows.last().is_some_and(|r| r.contains("not found"))
    });
    let status = pty.frame_rows().last().unwrap().clone();
    assert!(status.contains("not found: ←evil"), "{status}");
    assert!(!status.contains("live"), "{status}");
    pty.send_key(pty::Key::Char('q'));
    pty.wait_exit();
}

#[test]
fn a_books_lists_write_no_raw_control_or_bidi_character() {
    // Its title, authors, table of contents and chapters carry escape sequences, C1 controls
    // and bidi overrides.
    let book = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/epub_escapes.epub"
    );
    for what in ["sections", "text", "metadata", "entities", "matches"] {
        for json in [false, true] {
            let mut args = vec!["--list", what, "--search", "الناتو", book];
            if json {
                args.push("--json");
            }
            let out = piped(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let out = String::from_utf8(out.stdout).unwrap();
            assert!(!out.trim().is_empty(), "{args:?}: nothing listed");
            if let Some(bad) = first_trouble(&out) {
                panic!("{args:?}: {bad}");
            }
            let (code, raw) = in_terminal(&args);
            assert_eq!(code, Some(0), "{args:?} in a terminal");
            if let Some(bad) = first_trouble(&raw) {
                panic!("{args:?} in a terminal: {bad}");
            }
        }
    }
}
