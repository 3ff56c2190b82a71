//! End-to-end tests of resuming: a document reopens where the reader left it, in a
//! pseudo-terminal, with the positions kept in a state directory of the test's own.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, logical};
use std::path::Path;

/// The start of the article's title, its first line.
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// The notice a resumed document opens with.
const RESUMED: &str = "— g for the top";

/// Runs qari with `args` at 100×30, keeping its positions in `state`.
fn spawn(state: &Path, args: &[&str]) -> Pty {
    let state = state.to_str().unwrap();
    Pty::spawn_with_env(args, &[("XDG_STATE_HOME", state)], 100, 30)
}

/// Waits for the title on the top row.
fn expect_top(p: &Pty) {
    p.expect("the title on the top row", |rows| {
        logical(&rows[0]).contains(TITLE_START)
    });
}

/// Presses `keys`, then `q`, and waits for a clean exit; returns the frame shown before `q`,
/// without its status bar.
fn read_and_quit(p: &mut Pty, keys: &[Key]) -> Vec<String> {
    for &key in keys {
        p.press(key);
    }
    let mut rows = p.frame_rows();
    rows.pop();
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    rows
}

#[test]
fn the_article_reopens_on_the_same_rows_with_a_notice_and_g_goes_to_the_top() {
    let state = tempfile::tempdir().unwrap();
    let mut p = spawn(state.path(), &[]);
    expect_top(&p);
    let left = read_and_quit(&mut p, &[Key::Char('G')]);
    assert!(!logical(&left[0]).contains(TITLE_START), "G moved the view");

    let mut p = spawn(state.path(), &[]);
    p.expect("the resume notice", |rows| {
        rows.last()
            .is_some_and(|r| r.contains("resumed at 100% — g for the top"))
    });
    let mut rows = p.frame_rows();
    rows.pop();
    assert_eq!(rows, left, "the same rows as when the reader left");
    p.press(Key::Char('g'));
    expect_top(&p);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn a_file_resumes_mid_way_and_an_edited_file_opens_at_the_top() {
    let state = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    let text = std::fs::read_to_string(pty::ARTICLE).unwrap();
    std::fs::write(&file, &text).unwrap();
    let path = file.to_str().unwrap();

    let mut p = spawn(state.path(), &[path]);
    expect_top(&p);
    let left = read_and_quit(&mut p, &[Key::PageDown, Key::PageDown]);

    // Opened through another path to the same file: the canonical path is the key.
    let mut p = spawn(
        state.path(),
        &[&format!("{}/./article.txt", dir.path().display())],
    );
    p.expect("the resume notice", |rows| {
        rows.last().is_some_and(|r| r.contains(RESUMED))
    });
    let now = read_and_quit(&mut p, &[]);
    assert_eq!(now, left);

    std::fs::write(&file, format!("{text}\nسطر أضيف بعد القراءة\n")).unwrap();
    let mut p = spawn(state.path(), &[path]);
    expect_top(&p);
    let rows = read_and_quit(&mut p, &[]);
    assert!(logical(&rows[0]).contains(TITLE_START));
    assert!(
        !p.frame_rows().iter().any(|r| r.contains(RESUMED)),
        "an edited file has no position to resume"
    );
}

#[test]
fn no_resume_opens_at_the_top_and_standard_input_resumes_by_its_text() {
    let state = tempfile::tempdir().unwrap();
    let env = format!("XDG_STATE_HOME='{}'", state.path().display());
    let piped = |p: &mut Pty, keys: &[Key]| {
        expect_top(p);
        read_and_quit(p, keys)
    };
    let script = format!("{env} \"$QARI\" < '{}'", pty::ARTICLE);
    let left = piped(&mut Pty::spawn_shell(&script, 100, 30), &[Key::PageDown]);
    // `qari < FILE` is standard input: the same text resumes.
    let mut p = Pty::spawn_shell(
        &format!("cat '{}' | {env} \"$QARI\"", pty::ARTICLE),
        100,
        30,
    );
    p.expect("the resume notice", |rows| {
        rows.last().is_some_and(|r| r.contains(RESUMED))
    });
    assert_eq!(read_and_quit(&mut p, &[]), left);

    let mut p = Pty::spawn_shell(
        &format!("{env} \"$QARI\" --no-resume < '{}'", pty::ARTICLE),
        100,
        30,
    );
    expect_top(&p);
    let rows = read_and_quit(&mut p, &[]);
    assert!(logical(&rows[0]).contains(TITLE_START));
}

#[test]
fn an_unwritable_state_directory_opens_the_file_and_warns_once_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the state directory should be: nothing can be made in it, even by root.
    let blocked = dir.path().join("state");
    std::fs::write(&blocked, "").unwrap();
    let mut p = spawn(&blocked, &[]);
    expect_top(&p);
    read_and_quit(&mut p, &[Key::Char('G')]);
    p.assert_restored();
    let warnings = p
        .screen_rows()
        .iter()
        .filter(|r| r.contains("could not remember the position"))
        .count();
    assert_eq!(
        warnings,
        1,
        "one warning line:\n{}",
        pty::numbered(&p.screen_rows())
    );
}

#[test]
fn a_corrupt_state_file_opens_at_the_top_with_one_notice_and_is_replaced() {
    let state = tempfile::tempdir().unwrap();
    let file = state.path().join("qari/positions.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "{\"positions\": [tru").unwrap();
    let mut p = spawn(state.path(), &[]);
    expect_top(&p);
    p.expect("a notice naming the state file", |rows| {
        rows.last().is_some_and(|r| r.contains("unreadable"))
    });
    read_and_quit(&mut p, &[Key::Char('G')]);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(saved["positions"].as_array().unwrap().len(), 1, "{saved}");
}

#[test]
fn a_large_file_opened_on_its_first_lines_resumes_once_it_is_read_whole() {
    let state = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("large.txt");
    // Several times the first lines qari shows before reading the rest.
    let text: String = (0..6000)
        .map(|i| format!("السطر رقم {i} من الملف الكبير\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();
    let whole = |rows: &[String]| !rows.iter().any(|r| r.contains("analysing"));

    let mut p = spawn(state.path(), &[path]);
    p.expect("the whole file read and its outline found", whole);
    let left = read_and_quit(&mut p, &[Key::PageDown, Key::PageDown, Key::PageDown]);
    assert!(
        !logical(&left[0]).contains("رقم 0 "),
        "three pages down: {left:?}"
    );

    let mut p = spawn(state.path(), &[path]);
    p.expect("the resume notice", |rows| {
        rows.last().is_some_and(|r| r.contains(RESUMED))
    });
    p.expect("the whole file read", whole);
    assert_eq!(read_and_quit(&mut p, &[]), left);
}
