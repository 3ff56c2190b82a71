//! End-to-end tests of qari as a terminal citizen: quitting and restoring, the help overlay, errors, bidi mode sequences, hostile documents.

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, contains_bytes, numbered, row_text};

/// First words of the embedded article's title (its first line).
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// Whether an overlay titled ` keys ` (the help) is on screen.
fn help_shown(rows: &[String]) -> bool {
    rows.iter().any(|r| r.contains(" keys "))
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut p = Pty::spawn(&[], 80, 24);
    p.expect_phrase(TITLE_START);
    p.send_key(Key::Ctrl('c'));
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn esc_closes_the_help_and_does_not_quit() {
    let mut p = Pty::spawn(&["--shape", "never"], 80, 24);
    p.expect_phrase(TITLE_START);
    p.send_key(Key::Esc);
    p.send("?");
    p.expect("the help after ?", help_shown);
    p.send_key(Key::Esc);
    p.expect("the help gone after Esc", |rows| !help_shown(rows));
    p.send_key(Key::F1);
    p.expect("the help after F1", help_shown);
    p.send_key(Key::Esc);
    p.expect("the help gone after Esc", |rows| !help_shown(rows));
    p.send_key(Key::Esc);
    // Still running and reading: a key after the Escapes moves the view.
    p.send("G");
    p.expect("the end of the article after G", |rows| {
        rows.iter().any(|r| row_text(r) == "العرب")
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn a_missing_file_is_one_sentence_and_exit_code_2() {
    let mut p = Pty::spawn(&["/no/such/file"], 80, 24);
    assert_eq!(p.wait_exit(), Some(2));
    let rows = p.screen_rows();
    let said: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
    assert_eq!(said.len(), 1, "expected one line:\n{}", numbered(&rows));
    assert!(
        said[0].contains("/no/such/file"),
        "the message must name the path: {said:?}"
    );
    assert!(
        !contains_bytes(&p.raw(), b"\x1b[?1049h"),
        "entered the alternate screen for an error"
    );
}

#[test]
fn bidi_terminal_mode_leaves_the_terminal_reordering_alone() {
    let mut p = Pty::spawn(&["--bidi", "terminal"], 80, 24);
    // Logical order goes out as is: the title reads left to right in memory order.
    p.expect("the title in logical order", |rows| {
        rows.iter().any(|r| r.contains(TITLE_START))
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    let raw = p.raw();
    assert!(!contains_bytes(&raw, b"\x1b[8l") && !contains_bytes(&raw, b"\x1b[8h"));
    p.assert_restored();
}

#[test]
fn escape_sequences_in_a_document_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.txt");
    let hostile = "عنوان\n\
        \x1b]0;pwned\x07 نص \x1b[31mأحمر\x1b[0m\n\
        \x1b]52;c;aGVsbG8=\x07 حافظة \x1b[2J\x1bc\n\
        \x1b]8;;http://example.com\x1b\\رابط\x1b]8;;\x1b\\ \u{9b}31m\n";
    std::fs::write(&path, hostile).expect("write the document");
    let mut p = Pty::spawn(
        &["--shape", "never", path.to_str().expect("utf-8 path")],
        80,
        24,
    );
    p.expect_phrase("عنوان");
    // The escapes are shown, as the Control Pictures symbol ␛, not obeyed.
    p.expect("visible ␛ symbols", |rows| {
        rows.iter().any(|r| r.contains('\u{241B}'))
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    let raw = p.raw();
    for seq in [
        &b"\x1b]0;"[..],
        b"\x1b]52;",
        b"\x1b]8;",
        b"\x1b[31m",
        b"\x1b[2J",
        b"\x1bc",
        b"\x07",
        "\u{9b}".as_bytes(),
    ] {
        assert!(
            !contains_bytes(&raw, seq),
            "{seq:?} from the document reached the terminal: {:?}",
            String::from_utf8_lossy(&raw)
        );
    }
}

/// Opens the article full screen with `env`, shows the help (its keys are coloured), quits, and
/// returns everything qari wrote.
fn colours_sent(env: &[(&str, &str)]) -> Vec<u8> {
    let mut p = Pty::spawn_with_env(&["--shape", "never"], env, 100, 30);
    p.expect_phrase(TITLE_START);
    p.send("?");
    p.expect("the help", help_shown);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.raw()
}

#[test]
fn no_color_keeps_the_attributes_and_drops_every_colour() {
    // The palette colours go out as `38;5;N` (text) and `48;5;N` (background).
    let coloured = colours_sent(&[]);
    assert!(
        contains_bytes(&coloured, b"38;5;"),
        "colours without NO_COLOR"
    );
    let plain = colours_sent(&[("NO_COLOR", "1")]);
    assert!(!contains_bytes(&plain, b"38;5;") && !contains_bytes(&plain, b"48;5;"));
    // Bold (the help's keys) is still there.
    assert!(contains_bytes(&plain, b"\x1b[1m"), "bold under NO_COLOR");
}
