//! End-to-end tests of the section navigator: `]`/`[`, the navigator pane (focus, selection, jump, following the scroll, `o`) and the section title in the status bar.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{
    Cell, Key, Pty, article_cells, cells_text, logical, numbered, pane_cells, pane_column, row_text,
};

/// The article's title (its first line).
const TITLE: &str = "شراكة خاصة بين الناتو والمغرب لتعزيز الاستقرار الإقليمي والدولي";
/// The article's first heading.
const FIRST: &str = "دوافع محددة";
/// The article's second heading.
const SECOND: &str = "استعادة الدور";

/// Starts qari on the shipped article at 100×30 and waits for its first frame.
fn start() -> Pty {
    let p = Pty::spawn(&["--shape", "never"], 100, 30);
    p.expect_phrase("شراكة خاصة بين الناتو");
    p
}

/// What the article's top row says, in logical order.
fn article_top(frame: &[Vec<Cell>]) -> String {
    row_text(&cells_text(article_cells(frame, 0)))
}

/// The title on the left of the status bar (the bottom row), in logical order.
fn status_title(rows: &[String]) -> String {
    let status = rows.last().map_or("", |r| r.trim_start());
    let left = status.split("  ").next().unwrap_or("");
    logical(left).trim().to_owned()
}

/// The cells that show letters in the navigator entry starting with `title` (entries are
/// cut with `…` when long), or `None` when no row of the pane shows it.
fn entry(frame: &[Vec<Cell>], title: &str) -> Option<Vec<Cell>> {
    // Row 0 is the pane's tab header; the last row is the status bar.
    (1..frame.len() - 1).find_map(|r| {
        let cells = pane_cells(frame, r);
        row_text(&cells_text(cells)).starts_with(title).then(|| {
            cells
                .iter()
                .filter(|c| c.text.chars().any(char::is_alphabetic))
                .cloned()
                .collect()
        })
    })
}

/// Whether the navigator marks `title` as the current section: its letters bold and underlined.
fn is_current(frame: &[Vec<Cell>], title: &str) -> bool {
    entry(frame, title).is_some_and(|cells| cells.iter().all(|c| c.bold && c.underline))
}

/// Whether the navigator's selection is on `title`: its letters in reverse video.
fn is_selected(frame: &[Vec<Cell>], title: &str) -> bool {
    entry(frame, title).is_some_and(|cells| cells.iter().all(|c| c.inverse))
}

/// Whether the side pane has the focus: its frame drawn with thick lines.
fn pane_focused(frame: &[Vec<Cell>]) -> bool {
    pane_column(frame).is_some_and(|c| frame[0][c].text == "┏" && frame[1][c].text == "┃")
}

#[test]
fn brackets_put_the_next_and_previous_heading_on_the_top_row() {
    let mut p = start();
    p.send("]");
    p.expect_cells("the first heading on top after ]", |f| {
        article_top(f) == FIRST
    });
    p.send("]");
    p.expect_cells("the second heading on top after ]]", |f| {
        article_top(f) == SECOND
    });
    p.expect("its title in the status bar", |rows| {
        status_title(rows) == SECOND
    });
    p.send("[");
    p.expect_cells("the first heading on top after [", |f| {
        article_top(f) == FIRST
    });
    p.expect("its title in the status bar", |rows| {
        status_title(rows) == FIRST
    });
    p.send("[");
    p.expect_cells("the title on top after [[", |f| article_top(f) == TITLE);
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn the_status_bar_shows_the_section_being_read() {
    let mut p = start();
    p.expect(
        "the document's title in the status bar at the top",
        |rows| status_title(rows) == TITLE,
    );
    // Down to the middle of the first section, past its heading.
    p.send("]");
    p.expect_cells("the first heading on top", |f| article_top(f) == FIRST);
    p.send("jjj");
    p.expect_cells("the heading scrolled out", |f| article_top(f) != FIRST);
    p.expect("the first section's title in the status bar", |rows| {
        status_title(rows) == FIRST
    });
}

#[test]
fn the_navigator_follows_the_scroll() {
    let mut p = start();
    p.expect_cells("the title current at the top", |f| {
        is_current(f, "شراكة خاصة")
    });
    let frame = p.frame_cells();
    assert!(!is_current(&frame, FIRST), "{}", numbered(&p.frame_rows()));
    p.send("]");
    p.expect_cells("the first heading current after ]", |f| {
        is_current(f, FIRST) && !is_current(f, "شراكة خاصة")
    });
    p.send("]");
    p.expect_cells("the second heading current after ]]", |f| {
        is_current(f, SECOND) && !is_current(f, FIRST)
    });
    p.send("g");
    p.expect_cells("the title current again after g", |f| {
        is_current(f, "شراكة خاصة") && !is_current(f, SECOND)
    });
}

#[test]
fn tab_focuses_the_navigator_and_enter_jumps_to_the_selection() {
    let mut p = start();
    assert!(
        !pane_focused(&p.frame_cells()),
        "{}",
        numbered(&p.frame_rows())
    );
    p.send_key(Key::Tab);
    p.expect_cells("the navigator focused, its selection on the title", |f| {
        pane_focused(f) && is_selected(f, "شراكة خاصة")
    });
    p.send("j");
    p.expect_cells("the selection on the first heading after j", |f| {
        is_selected(f, FIRST) && !is_selected(f, "شراكة خاصة")
    });
    // Moving the selection does not move the article.
    assert_eq!(article_top(&p.frame_cells()), TITLE);
    p.send_key(Key::Down);
    p.expect_cells("the selection on the second heading after ↓", |f| {
        is_selected(f, SECOND)
    });
    p.send("k");
    p.expect_cells("the selection back on the first heading after k", |f| {
        is_selected(f, FIRST)
    });
    p.send_key(Key::Enter);
    p.expect_cells("the first heading on top after Enter", |f| {
        article_top(f) == FIRST && is_current(f, FIRST)
    });
    p.send("jj");
    p.send_key(Key::Enter);
    p.expect_cells("the first numbered item on top after jj Enter", |f| {
        article_top(f).contains("رفع القدرات العسكرية للمغرب")
    });
}

#[test]
fn tab_and_shift_tab_cycle_the_focus() {
    let mut p = start();
    p.send_key(Key::Tab);
    p.expect_cells("the navigator focused", |f| {
        pane_focused(f) && is_selected(f, "شراكة خاصة")
    });
    p.send_key(Key::Tab);
    p.expect_cells("the entity pane focused", |f| {
        pane_focused(f) && entry(f, "شراكة خاصة").is_none()
    });
    p.send_key(Key::Tab);
    p.expect_cells("the article focused, no pane focused", |f| !pane_focused(f));
    // With the article focused, j scrolls it.
    p.send("j");
    p.expect_cells("the article scrolled by j", |f| article_top(f) != TITLE);
    p.send_key(Key::BackTab);
    p.expect_cells("the entity pane focused after Shift-Tab", |f| {
        pane_focused(f) && entry(f, "شراكة خاصة").is_none()
    });
    p.send_key(Key::BackTab);
    p.expect_cells("the navigator focused after Shift-Tab", |f| {
        pane_focused(f) && entry(f, FIRST).is_some()
    });
}

#[test]
fn o_hides_and_shows_the_navigator() {
    let mut p = start();
    p.expect_cells("the navigator shown", |f| {
        entry(f, FIRST).is_some() && f[0].iter().any(|c| c.text == "┌")
    });
    let with_pane = article_cells(&p.frame_cells(), 2).len();
    p.send("o");
    p.expect_cells("the navigator hidden", |f| pane_column(f).is_none());
    let rows = p.frame_rows();
    assert!(
        !rows.iter().any(|r| r.contains("Sections")),
        "{}",
        numbered(&rows)
    );
    // The article takes the whole width.
    let without = article_cells(&p.frame_cells(), 2).len();
    assert!(without > with_pane, "{without} ≤ {with_pane}");
    p.send("o");
    p.expect_cells("the navigator shown again", |f| entry(f, SECOND).is_some());
}
