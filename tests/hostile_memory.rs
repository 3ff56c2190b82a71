//! Memory under hostile shapes of input: long lines, millions of lines, empty lines, huge
//! terminal sizes, letters buried under marks. Each command runs with its address space
//! limited to three times the file plus a fixed allowance for the program itself, so a
//! structure that grows with the input faster than that aborts the run.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, shows};
use std::path::Path;
use std::process::{Command, Output};

/// Address space the program needs whatever its input: code, thread stacks, the entity model.
const BASE: u64 = 48 << 20;

/// The address space allowed for a run on `file`: `BASE` plus three times the file's size, in KiB.
fn limit_kib(file: &Path) -> u64 {
    let size = std::fs::metadata(file).unwrap().len();
    (BASE + 3 * size) >> 10
}

/// Runs `qari ARGS FILE` with its address space limited to `limit_kib(FILE)`.
fn qari_within_three_times(file: &Path, args: &[&str]) -> Output {
    qari_limited(limit_kib(file), file, args)
}

/// Runs `qari ARGS FILE` with its address space limited to `limit_kib` KiB.
fn qari_limited(limit_kib: u64, file: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {limit_kib} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .arg(file)
        // One malloc arena: a thread's arena reserves address space it may never use.
        .env("MALLOC_ARENA_MAX", "1")
        .output()
        .unwrap()
}

/// A file in a fresh temporary directory holding `text`.
fn file_of(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Asserts that a run succeeded, showing what it said if not.
fn assert_ran(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} did not finish within three times the file's size: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn empty_lines_cost_less_than_three_times_their_size() {
    let (_dir, file) = file_of(&"\n".repeat(2_000_000));
    let out = qari_within_three_times(&file, &["--list", "sections", "--json"]);
    assert_ran(&out, "the outline of 2 MB of empty lines");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "{\"sections\":[]}\n");
    let out = qari_within_three_times(&file, &["--plain", "--width", "40"]);
    assert_ran(&out, "plain output of 2 MB of empty lines");
    assert_eq!(out.stdout.len(), 2_000_000, "one empty line per empty line");
}

#[test]
fn many_short_lines_cost_less_than_three_times_their_size() {
    // Every line is a heading (an article of nothing but short lines is an outline).
    let text: String = (0..300_000).map(|i| format!("بند {}\n", i % 10)).collect();
    let (_dir, file) = file_of(&text);
    let out = qari_within_three_times(&file, &["--list", "sections", "--json"]);
    assert_ran(&out, "the outline of 300,000 short lines");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 300_000);
    assert_eq!(sections[299_999]["title"], "بند 9");
    assert_eq!(sections[299_999]["line"], 300_000);
}

/// One line of `bytes` bytes or a little more: the shipped article's words, over and over,
/// then `end`.
fn long_line(bytes: usize, end: &str) -> String {
    let article = include_str!("../assets/article.txt");
    let mut line = String::with_capacity(bytes + end.len() + 64);
    for word in article.split_whitespace().cycle() {
        if line.len() >= bytes {
            break;
        }
        line.push_str(word);
        line.push(' ');
    }
    line.push_str(end);
    line
}

#[test]
fn a_long_line_costs_less_than_three_times_its_size_in_plain_output() {
    let (_dir, file) = file_of(&long_line(5_000_000, "مسكالختام"));
    let out = qari_within_three_times(&file, &["--plain", "--width", "80", "--shape", "never"]);
    assert_ran(&out, "plain output of a 5 MB line");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 20_000, "the line is wrapped");
    // Visual order: the last row read from right to left ends the line.
    let last: String = text
        .trim_end()
        .lines()
        .last()
        .unwrap()
        .chars()
        .rev()
        .collect();
    assert!(
        last.trim().ends_with("مسكالختام"),
        "the end is there: {last}"
    );
}

/// Like `Pty::expect`, with several times its patience: a debug build lays out megabytes a
/// few times slower than a release, on a machine that may be busy.
fn expect_patiently(p: &Pty, what: &str, pred: impl Fn(&[String]) -> bool) {
    for _ in 0..5 {
        if p.wait_for(what, &pred).is_ok() {
            return;
        }
    }
    p.expect(what, pred);
}

/// The reader with `args` (shell words) in a `cols`×24 terminal, started by `sh` after `pre`
/// (commands ending in `&&`, or nothing), its address space limited to `limit_kib` KiB.
fn reader_limited(pre: &str, limit_kib: u64, args: &str, cols: u16) -> Pty {
    let script = format!("{pre}ulimit -v {limit_kib} && MALLOC_ARENA_MAX=1 exec \"$QARI\" {args}");
    Pty::spawn_shell(&script, cols, 24)
}

/// The reader on `file`, its address space limited to three times the file and `BASE`.
fn reader_within_three_times(file: &Path, cols: u16) -> Pty {
    let args = format!("--shape never '{}'", file.display());
    reader_limited("", limit_kib(file), &args, cols)
}

/// Quits the reader with `q` and checks it exits with 0 and gives the terminal back.
fn quit_cleanly(mut p: Pty) {
    p.send("q");
    assert_eq!(
        p.wait_exit(),
        Some(0),
        "{}",
        pty::numbered(&p.screen_rows())
    );
    p.assert_restored();
}

#[test]
fn a_long_line_is_read_to_its_end_and_searched_within_three_times_its_size() {
    let (_dir, file) = file_of(&long_line(5_000_000, "مسكالختام"));
    let mut p = reader_within_three_times(&file, 80);
    let showing = |word: &'static str| move |rows: &[String]| rows.iter().any(|r| shows(r, word));
    expect_patiently(&p, "the first frame", showing("شراكة"));
    p.send("G");
    expect_patiently(&p, "the line's end after G", showing("مسكالختام"));
    p.send("g");
    expect_patiently(&p, "the line's start after g", showing("شراكة"));
    p.send("/مسكالختام");
    p.send_key(Key::Enter);
    expect_patiently(&p, "the match at the line's end", showing("مسكالختام"));
    quit_cleanly(p);
}

#[test]
fn a_terminal_of_65535_by_65535_is_drawn_within_bounded_memory() {
    // The pty says 65535×65535 (the screen read back here stays 80×24): every cell of such a
    // frame would take 200 GB. Drawn on 1024×256 cells, two frames take 25 MB.
    let stty = "stty rows 65535 cols 65535 && ";
    let mut p = reader_limited(stty, (BASE + (32 << 20)) >> 10, "", 80);
    // The frame's left edge is all 80 columns show: the scrollbar of the right-to-left article.
    p.expect("a frame drawn", |rows| rows.iter().any(|r| r.contains('│')));
    p.send("G");
    quit_cleanly(p);
}

#[test]
fn a_letter_under_200_000_harakat_is_sent_cut_short() {
    // ب with 200,000 fathas (400 KB), then ordinary words.
    let text = format!("ب{} نهاية السطر\n", "\u{064E}".repeat(200_000));
    let (_dir, file) = file_of(&text);
    let out = qari_within_three_times(&file, &["--plain", "--width", "40", "--shape", "never"]);
    assert_ran(&out, "plain output of a letter under 200,000 marks");
    let plain = String::from_utf8(out.stdout).unwrap();
    assert!(plain.len() < 1000, "{} bytes written", plain.len());
    assert!(
        plain.contains("ب\u{064E}"),
        "the letter and its first marks: {plain}"
    );
    assert!(
        plain.contains('\u{20DB}'),
        "a sign that more marks follow: {plain}"
    );

    let mut p = Pty::spawn(&["--shape", "never", file.to_str().unwrap()], 80, 24);
    p.expect("the words after the letter", |rows| {
        rows.iter().any(|r| shows(r, "نهاية السطر"))
    });
    for _ in 0..3 {
        p.send("G");
        p.send("g");
    }
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    assert!(
        p.raw().len() < 100_000,
        "{} bytes sent to the terminal for a 400 KB letter",
        p.raw().len()
    );
}

/// Address space the entity recogniser needs whatever the text: the model and its tables (the
/// commonness table among them), with the margin qari's own estimate asks before it starts.
const ENTITY_MODEL: u64 = 40 << 20;

#[test]
fn the_entities_of_short_lines_take_less_than_three_times_their_size_beside_the_model() {
    // One word of the article a line, the shape that cost most (21 times the text) when the
    // recogniser kept every token's word and features for its passes over the whole text.
    let article = include_str!("../assets/article.txt");
    let mut text = String::new();
    for word in article.split_whitespace().cycle() {
        if text.len() >= 4_000_000 {
            break;
        }
        text.push_str(word);
        text.push('\n');
    }
    let (_dir, file) = file_of(&text);
    let limit = limit_kib(&file) + (ENTITY_MODEL >> 10);
    let out = qari_limited(limit, &file, &["--list", "entities", "--json"]);
    assert_ran(&out, "the entities of 4 MB of short lines");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entities = v["entities"].as_array().unwrap();
    let morocco = entities.iter().find(|e| e["name"] == "المغرب").unwrap();
    let starts: std::collections::HashSet<u64> = morocco["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["start"].as_u64().unwrap())
        .collect();
    // Every line that is the name alone is a mention of it, down to the last.
    let mut at = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        if line == "المغرب\n" {
            assert!(starts.contains(&(at as u64)), "the line at byte {at}");
            lines += 1;
        }
        at += line.len();
    }
    assert!(lines > 5000, "{lines}");
}

#[test]
fn entities_that_cannot_fit_are_refused_in_a_sentence_before_the_work() {
    // Recognising entities needs the model and the tables of the text's words beside the
    // text: under a limit of three times a 3 MB file, qari says so instead of running out of
    // memory (an aborted allocation in the reader would leave the terminal raw).
    let (_dir, file) = file_of(&long_line(3_000_000, "مسكالختام"));
    let out = qari_within_three_times(&file, &["--list", "entities", "--json"]);
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("qari: the entities of this text need about ")
            && err.ends_with(" MB are free\n")
            && err.lines().count() == 1,
        "{err}"
    );
    assert!(out.stdout.is_empty());

    // In the reader, opening the entity pane asks for them: it says why they are not found.
    let mut p = reader_within_three_times(&file, 100);
    expect_patiently(&p, "the first frame", |rows| {
        rows.iter().any(|r| shows(r, "شراكة"))
    });
    p.send("e");
    expect_patiently(&p, "the refusal in the status bar and the pane", |rows| {
        rows.iter().any(|r| r.contains("MB are free"))
            && rows.iter().any(|r| r.contains("too large"))
    });
    quit_cleanly(p);
}

#[test]
fn a_file_three_times_larger_than_the_free_memory_is_refused_before_it_is_read() {
    // 20 MB under a limit of `BASE` in all: three times the file does not fit.
    let (_dir, file) = file_of(&"\n".repeat(20_000_000));
    for args in [&["--plain"][..], &["--list", "sections"], &[]] {
        let out = qari_limited(BASE >> 10, &file, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}", out.status);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("qari: reading this file would need about 57 MB of memory, and ")
                && err.ends_with(" MB are free\n")
                && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_book_whose_chapters_cannot_fit_is_refused_in_a_sentence() {
    // 60 KB that inflate to 30 MB of short bold words, within the book's budget: the
    // chapter's tree of elements alone would take more than a limit of `BASE` and 200 MB
    // leaves, and the allocation failing would abort the run.
    let book = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile/epub_large_chapter.epub");
    for args in [&["--plain"][..], &["--list", "sections"]] {
        let out = qari_limited((BASE + (200 << 20)) >> 10, &book, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}", out.status);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("epub_large_chapter.epub cannot be read as an EPUB: ")
                && err.contains(" MB of memory, and ")
                && err.ends_with(" MB are free\n")
                && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
