//! End-to-end tests of qari when things go wrong around it: signals, a panic, suspension, tiny and storming terminal sizes, output to a pipe, empty documents and files it refuses.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{ARTICLE, Key, Pty, body_texts, contains_bytes, numbered, row_of};
use std::path::Path;
use std::process::Command;

/// A hostile fixture's path, as a string for the command line.
fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// Starts qari on `path` (the embedded article when `None`) at 80×24 and waits for the first frame.
fn spawn_on(path: Option<&str>) -> Pty {
    let mut args = vec!["--shape", "never"];
    args.extend(path);
    let p = Pty::spawn(&args, 80, 24);
    p.expect("the first frame", |rows| rows.len() == 24);
    p
}

/// Sends `SIG<sig>` to qari and checks it leaves the full screen and exits with 128 + `number`.
fn check_signal(sig: &str, number: u32) -> Pty {
    let mut p = spawn_on(None);
    let status = Command::new("kill")
        .args([&format!("-{sig}"), &p.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{sig} failed");
    assert_eq!(p.wait_exit(), Some(128 + number), "after SIG{sig}");
    p.assert_screen_restored();
    p
}

#[test]
fn sigterm_leaves_the_full_screen_and_exits_143() {
    check_signal("TERM", 15);
}

#[test]
fn sighup_leaves_the_full_screen_and_exits_129() {
    check_signal("HUP", 1);
}

#[test]
fn sigint_leaves_the_full_screen_and_exits_130() {
    check_signal("INT", 2);
}

#[test]
fn sigquit_leaves_the_full_screen_and_exits_131() {
    check_signal("QUIT", 3);
}

#[test]
fn signals_show_the_cursor_again() {
    for (sig, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        check_signal(sig, number).assert_cursor_shown();
    }
}

// The panic key exists in debug builds only (what `cargo test` builds).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_exits_101() {
    // On the reader's own thread, and on a background one (where finding entities or a page's
    // article runs), which must not leave the reader drawing on a terminal given back.
    for place in ["1", "thread"] {
        let mut p =
            Pty::spawn_with_env(&["--shape", "never"], &[("QARI_TEST_PANIC", place)], 80, 24);
        p.expect_phrase(TITLE_START);
        p.send_key(Key::F12);
        assert_eq!(p.wait_exit(), Some(101), "QARI_TEST_PANIC={place}");
        p.assert_restored();
        assert!(
            String::from_utf8_lossy(&p.raw()).contains("panic requested by QARI_TEST_PANIC"),
            "the panic message is shown (QARI_TEST_PANIC={place})"
        );
    }
}

// A fault qari catches (the extractor failing on a strange page) leaves the screen as it was.
#[cfg(debug_assertions)]
#[test]
fn a_caught_panic_keeps_the_reader_and_writes_nothing_over_it() {
    let mut p = Pty::spawn_with_env(
        &["--shape", "never"],
        &[("QARI_TEST_PANIC", "caught")],
        80,
        24,
    );
    p.expect_phrase(TITLE_START);
    let title = row_of(&p.screen_rows(), TITLE_START);
    p.send_key(Key::F12);
    // One key, no Enter: it reaches qari only while the terminal is still raw.
    p.send("j");
    p.expect("the article a line down", |rows| {
        row_of(rows, TITLE_START) != title
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    assert!(
        !String::from_utf8_lossy(&p.raw()).contains("panic requested"),
        "nothing of the caught panic is written"
    );
}

#[test]
fn f12_does_nothing_without_the_test_variable() {
    let mut p = spawn_on(None);
    p.press(Key::F12);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

/// First words of the embedded article's title.
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// Starts qari on the article from an interactive shell, suspends it with Ctrl-Z and waits for
/// the shell to say so.
fn suspend_from_shell() -> Pty {
    let mut p = Pty::spawn_interactive_shell(80, 24);
    p.send(&format!("\"$QARI\" --shape never '{ARTICLE}'\n"));
    p.expect_phrase(TITLE_START);
    p.send_key(Key::Ctrl('z'));
    p.expect("the shell saying qari stopped", |_| {
        p.screen_rows().iter().any(|r| r.contains("Stopped"))
    });
    p
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let mut p = suspend_from_shell();
    p.assert_screen_restored();
    let frames = p.frame_count();
    p.send("fg\n");
    p.expect("the article redrawn after fg", |rows| {
        p.frame_count() > frames && row_of(rows, TITLE_START).is_some()
    });
    // Waking, qari may draw once more (it reads the size again); once the screen rests on a
    // whole frame, nothing of the shell (its command line, its "Stopped") is left on it.
    p.expect(
        "the whole screen redrawn, nothing of the shell left",
        |rows| {
            p.screen_rows() == rows
                && row_of(rows, TITLE_START).is_some()
                && !rows
                    .iter()
                    .any(|r| r.contains("Stopped") || r.contains("--shape"))
        },
    );
    p.send("q");
    p.expect("the shell's screen back after q", |_| {
        row_of(&p.screen_rows(), TITLE_START).is_none()
    });
    p.send("exit\n");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_screen_restored();
}

#[test]
fn ctrl_z_shows_the_cursor_at_the_shell() {
    suspend_from_shell().assert_cursor_shown();
}

/// The process id of the shell's one child (qari, started from it).
fn child_of(shell: u32) -> u32 {
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    children.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn sigtstp_from_outside_restores_the_terminal_and_fg_takes_it_back() {
    let mut p = Pty::spawn_interactive_shell(80, 24);
    p.send(&format!("\"$QARI\" --shape never '{ARTICLE}'\n"));
    p.expect_phrase(TITLE_START);
    let qari = child_of(p.pid());
    let status = Command::new("kill")
        .args(["-TSTP", &qari.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    p.expect("the shell saying qari stopped", |_| {
        p.screen_rows().iter().any(|r| r.contains("Stopped"))
    });
    p.assert_restored();
    let frames = p.frame_count();
    p.send("fg\n");
    p.expect("the article redrawn after fg", |rows| {
        p.frame_count() > frames && row_of(rows, TITLE_START).is_some()
    });
    // One key, no Enter: it reaches qari only if the terminal is raw again.
    p.send("q");
    p.expect("the shell's screen back after q", |_| {
        row_of(&p.screen_rows(), TITLE_START).is_none()
    });
    p.send("exit\n");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn sigcont_after_sigstop_redraws_the_whole_screen() {
    let mut p = spawn_on(None);
    let frames = p.frame_count();
    for sig in ["-STOP", "-CONT"] {
        let status = Command::new("kill")
            .args([sig, &p.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill {sig}");
    }
    // Stopped where it could not see, qari cannot know what the terminal went through.
    p.expect("a new frame after SIGCONT", |rows| {
        p.frame_count() > frames && row_of(rows, TITLE_START).is_some()
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn ctrl_z_suspends_with_the_search_prompt_open() {
    let mut p = Pty::spawn_interactive_shell(80, 24);
    p.send(&format!("\"$QARI\" --shape never '{ARTICLE}'\n"));
    p.expect_phrase(TITLE_START);
    p.send("/");
    p.expect("the search prompt", |rows| {
        rows.last().is_some_and(|r| r.starts_with('/'))
    });
    p.send_key(Key::Ctrl('z'));
    p.expect("the shell saying qari stopped", |_| {
        p.screen_rows().iter().any(|r| r.contains("Stopped"))
    });
    p.assert_restored();
    p.send("fg\n");
    p.expect("the prompt back after fg", |rows| {
        row_of(rows, TITLE_START).is_some() && rows.last().is_some_and(|r| r.starts_with('/'))
    });
    p.send_key(Key::Esc);
    p.send("q");
    p.expect("the shell's screen back after q", |_| {
        row_of(&p.screen_rows(), TITLE_START).is_none()
    });
    p.send("exit\n");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn a_burst_of_input_over_1024_bytes_is_read_whole() {
    let mut p = spawn_on(None);
    // `/`, a query longer than one 1 KiB read of the terminal, Enter and `q`, in one write.
    p.send(&format!("/{}\rq", "a".repeat(1100)));
    assert_eq!(p.wait_exit(), Some(0), "{}", numbered(&p.screen_rows()));
    p.assert_restored();
}

#[test]
fn a_dumb_terminal_gets_plain_rows_and_no_escape_sequence() {
    let mut p = Pty::spawn_with_env(&["--shape", "never", ARTICLE], &[("TERM", "dumb")], 80, 24);
    assert_eq!(p.wait_exit(), Some(0), "{}", numbered(&p.screen_rows()));
    let raw = p.raw();
    assert!(
        !raw.contains(&0x1b),
        "an escape sequence sent to a dumb terminal: {:?}",
        String::from_utf8_lossy(&raw)
    );
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("qari: a dumb terminal"),
        "the reason is said: {text:?}"
    );
    assert!(
        text.lines().any(|l| pty::logical(l).contains(TITLE_START)),
        "the article is printed"
    );
}

/// Whether the top row shows as much of `terminal too small` as fits.
fn too_small(rows: &[String]) -> bool {
    let top = rows[0].trim_end();
    !top.is_empty() && "terminal too small".starts_with(top)
}

#[test]
fn tiny_terminals_say_too_small_and_q_quits() {
    for (cols, rows) in [(1, 1), (10, 3), (19, 24), (80, 2)] {
        let mut p = Pty::spawn(&[], cols, rows);
        p.expect(&format!("too small at {cols}×{rows}"), too_small);
        p.send("q");
        assert_eq!(p.wait_exit(), Some(0), "at {cols}×{rows}");
        p.assert_restored();
    }
}

#[test]
fn a_20_by_5_terminal_says_too_small() {
    let mut p = Pty::spawn(&[], 20, 5);
    p.expect("too small at 20×5", too_small);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn the_smallest_reader_draws_and_q_quits() {
    let mut p = Pty::spawn(&[], 24, 6);
    p.expect("a frame at 24×6", |rows| {
        rows.len() == 6 && !too_small(rows)
    });
    for key in ['G', 'g', 'j', ' '] {
        p.press(Key::Char(key));
    }
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

/// Rows without their trailing blanks: a cell written blank and a cell cleared read the same.
fn trimmed(rows: &[String]) -> Vec<&str> {
    rows.iter().map(|r| r.trim_end()).collect()
}

/// Starts qari on the article at 80×24 without the navigator, scrolled five rows down into
/// the middle of a paragraph; returns it and its screen.
fn spawn_mid_paragraph() -> (Pty, Vec<String>) {
    let mut p = spawn_on(None);
    p.send("o");
    p.expect("the navigator closed", |rows| !rows[0].contains("Sections"));
    for _ in 0..5 {
        p.press(Key::Char('j'));
    }
    // The status bar says what runs in the background (`entities 61%`) until it is done: the
    // screen to come back to is the one after.
    p.expect("the background work done", |rows| {
        rows.last().is_some_and(|s| {
            !["entities ", "sections…", "reading "]
                .iter()
                .any(|w| s.contains(w))
        })
    });
    let rows = p.frame_rows();
    (p, rows)
}

/// Goes through `sizes` in a burst, then back to 80×24.
fn resize_burst(p: &mut Pty, sizes: &[(u16, u16)], count: usize) {
    for &(cols, rows) in sizes.iter().cycle().take(count - 1) {
        p.resize(cols, rows);
    }
    p.resize(80, 24);
}

/// Sizes a window dragged about goes through, the tiniest included.
const SIZES: [(u16, u16); 7] = [
    (40, 10),
    (120, 40),
    (1, 1),
    (20, 5),
    (200, 60),
    (10, 3),
    (79, 23),
];

#[test]
fn shrinking_to_one_cell_and_back_keeps_the_screen() {
    let (mut p, before) = spawn_mid_paragraph();
    p.resize(1, 1);
    p.expect("too small at 1×1", too_small);
    p.resize(80, 24);
    p.expect("the same screen back at 80×24", |rows| {
        trimmed(rows) == trimmed(&before)
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn a_burst_of_1000_resizes_leaves_it_responsive() {
    let (mut p, _) = spawn_mid_paragraph();
    resize_burst(&mut p, &SIZES, 1000);
    p.expect("a frame at 80×24 after the burst", |rows| {
        rows.len() == 24 && rows[23].chars().count() == 80
    });
    p.press(Key::Char('G'));
    p.expect("the end after G", |rows| rows[23].contains("100%"));
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn a_resize_to_40_columns_and_back_keeps_the_top_row() {
    let (mut p, before) = spawn_mid_paragraph();
    p.resize(40, 10);
    p.expect("a frame at 40×10", |rows| {
        rows.len() == 10 && rows[9].chars().count() == 40
    });
    p.resize(80, 24);
    p.expect("the same top row at 80×24", |rows| {
        rows.len() == 24 && rows[0].trim_end() == before[0].trim_end()
    });
}

#[test]
fn a_burst_of_1000_resizes_keeps_the_top_row() {
    let (mut p, before) = spawn_mid_paragraph();
    resize_burst(&mut p, &SIZES, 1000);
    p.expect("the same top row at 80×24 after the burst", |rows| {
        rows.len() == 24 && rows[0].trim_end() == before[0].trim_end()
    });
}

#[test]
fn piped_stdout_gets_plain_rows() {
    let file = fixture("escapes.txt");
    let mut p = Pty::spawn_shell(&format!("\"$QARI\" '{file}' | cat"), 80, 24);
    assert_eq!(p.wait_exit(), Some(0));
    let expected = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--plain", "--width", "80", "--shape", "never", &file])
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let expected = String::from_utf8(expected.stdout).unwrap();
    let expected: Vec<&str> = expected.lines().map(str::trim_end).collect();
    let screen = p.screen_rows();
    let shown: Vec<&str> = screen[..expected.len()]
        .iter()
        .map(|r| r.trim_end())
        .collect();
    assert_eq!(shown, expected, "\n{}", numbered(&screen));
    assert!(
        !p.raw().contains(&0x1b),
        "escape codes written to a pipe: {:?}",
        String::from_utf8_lossy(&p.raw())
    );
}

#[test]
fn empty_and_blank_documents_open_an_empty_screen() {
    for name in ["empty.txt", "whitespace.txt"] {
        let mut p = spawn_on(Some(&fixture(name)));
        p.expect(
            &format!("{name}: an empty article and a status bar"),
            |rows| body_texts(rows).iter().all(String::is_empty) && rows[23].contains("100%"),
        );
        for key in ['G', 'j', 'k', ' ', 'b', 'n', ']'] {
            p.press(Key::Char(key));
        }
        p.send("q");
        assert_eq!(p.wait_exit(), Some(0), "{name}");
        p.assert_restored();
    }
}

#[test]
fn directories_and_binary_files_are_one_sentence_and_exit_code_2() {
    for (path, says) in [
        ("tests/fixtures", "is a directory"),
        (
            "tests/fixtures/hostile/binary.png",
            "looks like a binary file",
        ),
        (
            "tests/fixtures/hostile/controls_only.bin",
            "looks like a binary file",
        ),
    ] {
        let mut p = Pty::spawn(&[path], 80, 24);
        assert_eq!(p.wait_exit(), Some(2), "{path}");
        let raw = String::from_utf8(p.raw()).unwrap();
        let sentence = raw.trim_end();
        assert!(
            sentence.starts_with("qari: ") && sentence.contains(path) && sentence.contains(says),
            "{path}: {raw:?}"
        );
        assert!(
            !sentence.contains('\n') && !sentence.contains('\x1b'),
            "{path}: more than one plain line: {raw:?}"
        );
        assert!(!contains_bytes(p.raw().as_slice(), b"\x1b[?1049h"));
    }
}
