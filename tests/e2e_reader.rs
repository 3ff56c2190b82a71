//! End-to-end tests of reading: the real binary in a pseudo-terminal opens the article, scrolls, follows a resize and quits.

#[path = "common/pty.rs"]
mod pty;

use pty::{ARTICLE, Key, Pty, body_texts, contains_bytes, logical, numbered, row_text};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// First words of the embedded article's title (its first line).
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// The part of a screen row left of the side pane's border (the whole row when there is none).
fn article_part(row: &str) -> &str {
    let border = row
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, '┌' | '│' | '┃' | '┏'))
        .map_or(row.len(), |(i, _)| i);
    row.get(..border).unwrap_or(row)
}

/// Starts qari on the article with the section navigator closed (`o`), for tests about the
/// article's rows alone.
fn spawn_without_pane(args: &[&str]) -> Pty {
    let mut p = Pty::spawn(args, 80, 24);
    p.expect_phrase(TITLE_START);
    p.send("o");
    p.expect("the navigator closed", |rows| !rows[0].contains("Sections"));
    p
}

/// Columns a screen row takes, character by character as the terminal counts them
/// (`str::width` counts لا as one column; a terminal draws two).
fn cells(row: &str) -> usize {
    row.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The article's last line.
const LAST_LINE: &str = "العرب";

#[test]
fn opens_the_article_right_aligned_and_quits_cleanly() {
    // What `cargo run --release` does: no arguments, the terminal on stdin.
    let mut p = Pty::spawn(&[], 80, 24);
    p.expect("the title on the top row", |rows| {
        logical(article_part(&rows[0]))
            .trim_start()
            .starts_with(TITLE_START)
    });
    let top = p.frame_rows()[0].clone();
    // Right-aligned: the title's first letter sits in the article's last column, one blank
    // before the border of the section navigator, which sits on the right of an Arabic article.
    let article = article_part(&top);
    assert_eq!(
        article.trim_end().width() + 1,
        article.width(),
        "title not right-aligned:\n{}",
        numbered(&p.frame_rows())
    );
    assert!(
        article.width() >= 50,
        "the navigator leaves the article most of the width"
    );
    assert!(
        contains_bytes(&p.raw(), b"\x1b[8l"),
        "qari reorders here, so it must switch the terminal's reordering off"
    );

    p.send("G");
    p.expect("the last line after G", |rows| {
        rows.iter().any(|r| row_text(r) == LAST_LINE)
    });
    p.expect("100% in the status bar", |rows| {
        rows.last().is_some_and(|r| r.contains("100%"))
    });

    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn end_and_g_move_between_bottom_and_top() {
    let mut p = spawn_without_pane(&["--shape", "never"]);
    p.send_key(Key::End);
    p.expect("the last line after End", |rows| {
        rows.iter().any(|r| row_text(r) == LAST_LINE)
    });
    p.send("g");
    p.expect("the title on the top row after g", |rows| {
        row_text(&rows[0]).starts_with(TITLE_START)
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn g_in_a_large_file_shows_its_end_and_g_its_start_while_it_is_read() {
    // Larger than the first lines qari reads before its first frame, so `G` may come while the
    // rest is being read; either way it must show the last line, and `g` the first.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.txt");
    // The last number reads the same both ways: rows are read back by reversing them whole.
    let text: String = (0..=39_993)
        .map(|i| format!("السطر رقم {i} من الملف الكبير\n"))
        .collect();
    std::fs::write(&path, text).expect("write the large file");
    let path = path.to_str().expect("a UTF-8 path");
    let mut p = Pty::spawn(&["--shape", "never", path], 80, 24);
    let first = "السطر رقم 0 من الملف الكبير";
    let last = "السطر رقم 39993 من الملف الكبير";
    let shows =
        |rows: &[String], line: &str| rows.iter().any(|r| row_text(article_part(r)) == line);
    p.expect("the first line", |rows| shows(rows, first));
    p.send("G");
    p.expect("the last line after G", |rows| shows(rows, last));
    p.expect("100% in the status bar", |rows| {
        rows.last().is_some_and(|r| r.contains("100%"))
    });
    p.send("g");
    p.expect("the first line on top after g", |rows| {
        row_text(&rows[0]).contains(first)
    });
    // Once the whole file is in, G still goes to its end.
    p.send("G");
    p.expect("the last line after G again", |rows| shows(rows, last));
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn reads_the_document_from_a_pipe_and_keys_from_the_terminal() {
    let mut p = Pty::spawn_shell(
        &format!("cat '{ARTICLE}' | \"$QARI\" --shape never"),
        80,
        24,
    );
    p.expect("the piped article's title on top", |rows| {
        row_text(article_part(&rows[0])).starts_with(TITLE_START)
    });
    p.send("G");
    p.expect("the last line after G", |rows| {
        rows.iter().any(|r| row_text(r) == LAST_LINE)
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

#[test]
fn line_keys_move_the_view_by_one_row_and_page_keys_by_a_page() {
    let mut p = spawn_without_pane(&["--shape", "never"]);
    for key in [Key::Char('j'), Key::Char('j'), Key::Down, Key::Char('j')] {
        let before = body_texts(&p.frame_rows());
        p.send_key(key);
        p.expect(&format!("one row up after {key:?}"), |rows| {
            body_texts(rows)[..before.len() - 1] == before[1..]
        });
    }
    let before = body_texts(&p.frame_rows());
    p.send("k");
    p.expect("one row down after k", |rows| {
        body_texts(rows)[1..] == before[..before.len() - 1]
    });

    let first = body_texts(&p.frame_rows());
    p.send(" ");
    // A page: the last row of the old page becomes the first of the new one, so no line is missed.
    p.expect("the bottom row at the top after Space", |rows| {
        body_texts(rows)[0] == first[first.len() - 1]
    });
    let second = body_texts(&p.frame_rows());
    assert!(
        second[1..]
            .iter()
            .all(|r| r.is_empty() || !first.contains(r)),
        "Space moved less than a page"
    );
    p.send("b");
    p.expect("the first page back after b", |rows| {
        body_texts(rows) == first
    });
    p.send_key(Key::PageDown);
    p.expect("the second page after PgDn", |rows| {
        body_texts(rows) == second
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn a_resize_keeps_the_reading_position() {
    let mut p = spawn_without_pane(&["--shape", "never"]);
    // Two rows down (title, blank; the repeated title is shown once) the top row is the first
    // line of the first body paragraph.
    p.send("jj");
    let opening = "حلف شمال الأطلسي";
    // The top row starts the paragraph, in a frame laid out for `cols` (its status bar spans them).
    let on_top = |rows: &[String], cols: usize| {
        row_text(&rows[0]).starts_with(opening) && rows.last().is_some_and(|r| cells(r) == cols)
    };
    p.expect("the first paragraph on top", |rows| on_top(rows, 80));
    p.resize(50, 20);
    p.expect("the same paragraph start on top at 50×20", |rows| {
        on_top(rows, 50)
    });
    p.resize(80, 24);
    p.expect("the same paragraph start on top at 80×24 again", |rows| {
        on_top(rows, 80)
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn the_mouse_wheel_scrolls_three_rows_with_mouse() {
    let mut p = spawn_without_pane(&["--shape", "never", "--mouse"]);
    assert!(
        contains_bytes(&p.raw(), b"\x1b[?1000h"),
        "--mouse turns mouse reporting on"
    );
    let before = body_texts(&p.frame_rows());
    // An SGR mouse report: wheel down (button 65) at column 10, row 10.
    p.send("\x1b[<65;10;10M");
    p.expect("three rows up after a wheel step down", |rows| {
        body_texts(rows)[..before.len() - 3] == before[3..]
    });
    p.send("\x1b[<64;10;10M");
    p.expect("back after a wheel step up", |rows| {
        body_texts(rows) == before
    });
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    assert!(
        contains_bytes(&p.raw(), b"\x1b[?1000l"),
        "mouse reporting is turned off on exit"
    );
}
