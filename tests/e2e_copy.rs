//! End-to-end tests of copying in a pseudo-terminal: the bytes qari writes for OSC 52,
//! base64-decoded, are the source text of what was selected, in logical order.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use base64::Engine;
use pty::{Key, Pty, find_bytes, logical};

/// The title line of the document copied from.
const TITLE: &str = "الأرقام والحروف في تقرير الحلف";

/// A right-to-left paragraph with numbers, Latin words and brackets of three kinds: what a
/// terminal's own selection copies reversed and in presentation forms.
const PARAGRAPH: &str = "قال الأمين العام لحلف شمال الأطلسي (الناتو) إن عام 2023 شهد 15 اجتماعاً \
مع شركاء الحلف في NATO Summit، وإن [التقرير السنوي] يذكر {الأرقام} كما هي: 3.5% من الميزانية \
و1,250 جندياً في مهمة KFOR، مقابل 7 مهمات في العام الذي سبقه.";

/// The document: its title, a blank line, the paragraph, another paragraph.
fn document() -> String {
    format!("{TITLE}\n\n{PARAGRAPH}\n\nوختم التقرير بأن الشراكة مستمرة.\n")
}

/// Opens the document in a 100×30 terminal with a 60-cell measure, so that the paragraph
/// wraps onto several rows.
fn open(dir: &tempfile::TempDir) -> Pty {
    let file = dir.path().join("report.txt");
    std::fs::write(&file, document()).unwrap();
    let p = Pty::spawn(&["--measure", "60", file.to_str().unwrap()], 100, 30);
    p.expect("the title on the top row", |rows| {
        logical(&rows[0]).contains(TITLE)
    });
    p
}

/// Every text qari sent for the clipboard, decoded.
fn copied(p: &Pty) -> Vec<String> {
    let raw = p.raw();
    let mut out = Vec::new();
    let mut rest = raw.as_slice();
    while let Some(at) = find_bytes(rest, b"\x1b]52;c;") {
        let body = &rest[at + 7..];
        let end = find_bytes(body, b"\x07").expect("OSC 52 ends with BEL");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&body[..end])
            .unwrap();
        out.push(String::from_utf8(bytes).unwrap());
        rest = &body[end..];
    }
    out
}

/// Waits for the notice saying `what` was copied; the one text qari sent for the clipboard.
fn the_copy(p: &Pty, what: &str) -> String {
    p.expect("the copy notice", |rows| {
        rows.last().is_some_and(|r| r.contains(what))
    });
    let mut copies = copied(p);
    assert_eq!(copies.len(), 1, "{copies:?}");
    copies.remove(0)
}

#[test]
fn y_upper_copies_the_section_with_its_paragraph_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = open(&dir);
    p.press(Key::Char('Y'));
    let got = the_copy(&p, "copied 3 paragraphs");
    // The section the view is in, from the title: the file's own bytes, line ends and all.
    assert_eq!(got, document().trim_end());
    assert!(got.contains(PARAGRAPH));
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn v_and_j_select_whole_rows_and_y_copies_their_source_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = open(&dir);
    // The title row, the blank line, the paragraph's first two rows.
    for key in [
        Key::Char('v'),
        Key::Char('j'),
        Key::Char('j'),
        Key::Char('j'),
    ] {
        p.press(key);
    }
    p.expect("how to go on", |rows| {
        rows.last()
            .is_some_and(|r| r.contains("y copies, Esc cancels"))
    });
    // The selected rows are shown in reverse video, the rows below them not.
    p.expect_cells("the selection marked", |cells| {
        let marked = |y: usize| cells[y].iter().any(|c| c.inverse && c.text != " ");
        marked(0) && marked(2) && marked(3) && !marked(4)
    });
    p.press(Key::Char('y'));
    let got = &the_copy(&p, "copied 2 paragraphs");
    let text = document();
    assert!(
        text.starts_with(got.as_str()),
        "the file's text from its start: {got:?}"
    );
    // Ends inside the paragraph, at the end of a row: two rows of 60 cells, not the whole.
    let part = got.strip_prefix(&format!("{TITLE}\n\n")).unwrap();
    assert!(
        PARAGRAPH.starts_with(part) && part.len() < PARAGRAPH.len(),
        "{part:?}"
    );
    assert!(part.chars().count() > 60, "more than one row: {part:?}");
    // The next row begins where the copy stopped: at a word.
    let after = PARAGRAPH.strip_prefix(part).unwrap();
    assert!(after.starts_with(' ') || part.ends_with(' '), "{after:?}");
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

#[test]
fn esc_cancels_a_selection_and_y_without_one_copies_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = open(&dir);
    p.press(Key::Char('v'));
    p.press(Key::Char('j'));
    p.press(Key::Esc);
    p.expect("the selection gone with its notice", |rows| {
        !rows.last().is_some_and(|r| r.contains("selecting"))
    });
    p.press(Key::Char('y'));
    p.expect("how to select", |rows| {
        rows.last().is_some_and(|r| r.contains("nothing selected"))
    });
    assert!(copied(&p).is_empty());
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

/// The column of the first cell of row `y` showing `text`.
fn column_of(p: &Pty, y: usize, text: &str) -> u16 {
    let cells = p.frame_cells();
    let x = cells[y].iter().position(|c| c.text == text);
    u16::try_from(x.unwrap_or_else(|| panic!("no {text:?} on row {y}"))).unwrap()
}

#[test]
fn a_mouse_drag_across_two_wrapped_rows_copies_from_cell_to_cell_in_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    std::fs::write(&file, document()).unwrap();
    let p = Pty::spawn(
        &["--mouse", "--measure", "60", file.to_str().unwrap()],
        100,
        30,
    );
    p.expect("the paragraph's first rows", |rows| {
        logical(&rows[0]).contains(TITLE) && rows[3].contains("NATO Summit")
    });
    // Row 2 shows "(الناتو)" mirrored: its leftmost bracket is the paragraph's first ")". Row 3
    // ends (on its left) with "[التقرير السنوي]", whose leftmost bracket is the "]".
    let from = column_of(&p, 2, "(");
    let to = column_of(&p, 3, "[");
    let mut p = p;
    // SGR mouse reports, 1-based: press, drag, release with the left button.
    p.send(&format!("\x1b[<0;{};3M", from + 1));
    p.send(&format!("\x1b[<32;{};4M", to + 1));
    p.send(&format!("\x1b[<0;{};4m", to + 1));
    let got = the_copy(&p, "copied 1 paragraph");
    let start = PARAGRAPH.find(')').unwrap();
    let end = PARAGRAPH.find(']').unwrap() + 1;
    assert_eq!(got, PARAGRAPH.get(start..end).unwrap());
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}
