//! End-to-end tests of search: the incremental prompt, `Enter` and `Esc`, `n`/`N` with wrap-around, not found, the query history and exact mode.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{ARTICLE, Cell, Key, Pty, article_cells, cells_text, numbered, row_text, runs, shows};

/// Starts qari on the shipped article at 100×30 with entity highlighting off (`H`), so that
/// underlined and reverse-video cells in the article are search highlights only.
fn start() -> Pty {
    let mut p = Pty::spawn(&["--shape", "never"], 100, 30);
    p.expect_phrase("شراكة خاصة بين الناتو");
    p.send("H");
    p.expect_cells("entity highlighting off", |f| {
        article_rows(f).all(|cells| cells.iter().all(|c| !c.underline))
    });
    p
}

/// The article's cells, row by row, the status bar left out.
fn article_rows(frame: &[Vec<Cell>]) -> impl Iterator<Item = &[Cell]> {
    (0..frame.len() - 1).map(|r| article_cells(frame, r))
}

/// The article part of each row, as drawn: what a view is, to compare views.
fn view(frame: &[Vec<Cell>]) -> Vec<String> {
    article_rows(frame).map(cells_text).collect()
}

/// The current match (drawn bold and underlined) as `(row, logical text)`, if one is on screen.
fn current_match(frame: &[Vec<Cell>]) -> Option<(usize, String)> {
    article_rows(frame).enumerate().find_map(|(r, cells)| {
        runs(cells, |c| c.bold && c.underline)
            .into_iter()
            .next()
            .map(|text| (r, text))
    })
}

/// The other matches on screen (drawn in reverse video), in logical text.
fn other_matches(frame: &[Vec<Cell>]) -> Vec<String> {
    article_rows(frame)
        .flat_map(|cells| runs(cells, |c| c.inverse))
        .collect()
}

/// The status bar: the bottom row.
fn status(rows: &[String]) -> &str {
    rows.last().map_or("", String::as_str)
}

/// Whether the status bar is the search prompt showing `query`, right to left.
fn prompt_shows(rows: &[String], query: &str) -> bool {
    let line = status(rows);
    line.starts_with('/') && shows(line, query)
}

/// How many times the article spells `word`.
fn count(word: &str) -> usize {
    std::fs::read_to_string(ARTICLE)
        .unwrap()
        .matches(word)
        .count()
}

/// Types `query` in a newly opened prompt and waits until the prompt shows it.
fn search(p: &mut Pty, query: &str) {
    p.send("/");
    p.expect("the search prompt", |rows| status(rows).starts_with('/'));
    p.send(query);
    p.expect(&format!("{query} in the prompt"), |rows| {
        prompt_shows(rows, query)
    });
}

#[test]
fn typing_moves_the_view_to_the_first_match_and_enter_keeps_it() {
    let mut p = start();
    let top = view(&p.frame_cells());
    // Mauritania is named first far below the first screen.
    search(&mut p, "موريتانيا");
    p.expect_cells("the view on the first match", |f| {
        current_match(f).is_some_and(|(_, text)| text == "موريتانيا") && view(f) != top
    });
    let found = view(&p.frame_cells());
    p.send_key(Key::Enter);
    let total = count("موريتانيا");
    p.expect(&format!("1/{total} in the status bar"), |rows| {
        status(rows).contains(&format!(" 1/{total} "))
    });
    let frame = p.frame_cells();
    assert_eq!(view(&frame), found, "Enter moved the view");
    assert!(
        current_match(&frame).is_some(),
        "{}",
        numbered(&p.frame_rows())
    );
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut p = start();
    // Typed without the hamza the article writes: the search folds it.
    search(&mut p, "الاطلسي");
    p.send_key(Key::Enter);
    let total = count("الأطلسي");
    let at = |i: usize| format!(" {i}/{total} ");
    p.expect("the first match", |rows| status(rows).contains(&at(1)));
    let frame = p.frame_cells();
    let (first_row, text) = current_match(&frame).unwrap();
    assert_eq!(text, "الأطلسي");
    assert!(
        other_matches(&frame).iter().all(|m| m == "الأطلسي"),
        "{:?}",
        other_matches(&frame)
    );
    p.send("n");
    p.expect("the second match after n", |rows| {
        status(rows).contains(&at(2))
    });
    p.expect_cells("the current match moved on", |f| {
        current_match(f).is_some_and(|(row, text)| row > first_row && text == "الأطلسي")
    });
    p.send("N");
    p.expect("the first match after N", |rows| {
        status(rows).contains(&at(1))
    });
    p.send("N");
    p.expect("the wrap notice after N on the first match", |rows| {
        status(rows).contains("search wrapped to the bottom")
    });
    p.expect_cells("the last match on screen", |f| {
        current_match(f).is_some_and(|(_, text)| text == "الأطلسي")
    });
    p.send("n");
    p.expect("the wrap notice after n on the last match", |rows| {
        status(rows).contains("search wrapped to the top")
    });
    p.send("n");
    p.expect("the second match again", |rows| {
        status(rows).contains(&at(2))
    });
}

#[test]
fn esc_cancels_and_returns_to_the_view() {
    let mut p = start();
    p.send("]");
    p.expect_phrase("دوافع محددة");
    p.expect_cells("the first heading on top", |f| {
        row_text(&cells_text(article_cells(f, 0))) == "دوافع محددة"
    });
    let before = view(&p.frame_cells());
    search(&mut p, "موريتانيا");
    p.expect_cells("the view on the match", |f| view(f) != before);
    p.send_key(Key::Esc);
    p.expect_cells("the view back, no highlights", |f| {
        view(f) == before && current_match(f).is_none() && other_matches(f).is_empty()
    });
    p.expect("the prompt closed", |rows| !status(rows).starts_with('/'));
}

#[test]
fn a_query_without_match_says_not_found_and_keeps_the_view() {
    let mut p = start();
    p.send("]");
    p.expect_phrase("دوافع محددة");
    p.send("jj");
    p.expect_cells("the view settled two rows below the heading", |f| {
        !view(f).iter().any(|r| shows(r, "دوافع محددة"))
    });
    let before = view(&p.frame_cells());
    search(&mut p, "زقزقة");
    p.send_key(Key::Enter);
    p.expect("not found in the status bar", |rows| {
        status(rows).contains("not found: ")
    });
    assert_eq!(view(&p.frame_cells()), before, "the view moved");
}

#[test]
fn the_not_found_notice_shows_an_arabic_query_right_to_left() {
    let mut p = start();
    search(&mut p, "زقزقة");
    p.send_key(Key::Enter);
    p.expect(
        "not found: زقزقة, right to left, in the status bar",
        |rows| status(rows).contains("not found: ") && shows(status(rows), "زقزقة"),
    );
}

#[test]
fn up_in_a_new_prompt_brings_back_the_previous_query() {
    let mut p = start();
    search(&mut p, "الاطلسي");
    p.send_key(Key::Enter);
    let total = count("الأطلسي");
    p.expect("the search done", |rows| {
        status(rows).contains(&format!(" 1/{total} "))
    });
    p.send("/");
    p.expect("an empty prompt", |rows| status(rows).trim_end() == "/");
    p.send_key(Key::Up);
    p.expect("the previous query back", |rows| {
        prompt_shows(rows, "الاطلسي")
    });
    p.send_key(Key::Enter);
    p.expect("its matches", |rows| {
        status(rows).contains(&format!("/{total} "))
    });
}

#[test]
fn ctrl_e_searches_exactly() {
    let mut p = start();
    p.send("/");
    p.expect("the search prompt", |rows| status(rows).starts_with('/'));
    p.send_key(Key::Ctrl('e'));
    p.expect("the exact label", |rows| {
        status(rows).starts_with("/[exact] ")
    });
    // Exactly, the hamza the article writes is needed.
    p.send("الاطلسي");
    p.send_key(Key::Enter);
    p.expect("not found without the hamza", |rows| {
        status(rows).contains("not found: ")
    });
    p.send("/");
    p.expect("the search prompt", |rows| status(rows).starts_with('/'));
    p.send("الأطلسي");
    p.send_key(Key::Enter);
    let total = count("الأطلسي");
    p.expect("every match with the hamza", |rows| {
        status(rows).contains(&format!("/{total} "))
    });
}

#[test]
fn a_paste_into_the_prompt_is_the_query_searched_once() {
    let mut p = start();
    p.send("/");
    p.expect("the search prompt", |rows| status(rows).starts_with('/'));
    // What a terminal in bracketed-paste mode sends for a paste: the text between two markers.
    p.send("\x1b[200~موريتانيا\x1b[201~");
    p.expect_cells("the pasted query searched", |f| {
        current_match(f).is_some_and(|(_, text)| text == "موريتانيا")
    });
    assert!(prompt_shows(&p.frame_rows(), "موريتانيا"));
}
