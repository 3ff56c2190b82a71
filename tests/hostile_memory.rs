//! Memory under hostile shapes of input: long lines, millions of lines, empty lines, huge
//! terminal sizes, letters buried under marks. Each command runs with its address space
//! limited to three times the file plus a fixed allowance for the program itself, so a
//! structure that grows with the input faster than that aborts the run.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

/// Address space the program needs whatever its input: code, thread stacks, the entity model.
const BASE: u64 = 96 << 20;

/// Runs `qari ARGS FILE` with its address space limited to `BASE` plus three times the file's size.
fn qari_within_three_times(file: &Path, args: &[&str]) -> Output {
    let size = std::fs::metadata(file).unwrap().len();
    let limit_kib = (BASE + 3 * size) >> 10;
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
