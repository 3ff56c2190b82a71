//! Copying in logical order: a selection of rows (`v`, extended by row with `j`/`k` and by
//! section with `]`/`[`) or the current section (`Y`), copied as the source text the rows show:
//! the original characters in reading order, never the presentation forms or the visual order
//! the terminal holds. The terminal's clipboard receives it through OSC 52.

use super::{App, Focus, Pos};
use std::ops::Range;

/// The most text copied at once, in bytes: terminals cap what OSC 52 may carry (tmux and
/// others at around a megabyte of base64), and a book's worth would stall the terminal.
pub const MOST_COPIED: usize = 512 * 1024;

/// A selection of whole rows, from the row it started on to the row it has reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The row the selection started on.
    pub anchor: Pos,
    /// The row it reaches; `j`, `k`, `]` and `[` move it.
    pub head: Pos,
}

impl App {
    /// Starts a selection on the top row of the view, or cancels the one being made.
    pub(super) fn toggle_selection(&mut self) {
        self.selection = match self.selection {
            Some(_) => None,
            None => {
                self.focus = Focus::Article;
                self.notice =
                    Some("selecting: j/k a row, ]/[ a section, y copies, Esc cancels".into());
                Some(Selection {
                    anchor: self.top,
                    head: self.top,
                })
            }
        };
    }

    /// Moves the selection's head by `rows` rows (down when positive), the view following it.
    pub(super) fn extend_selection(&mut self, rows: i64) {
        let Some(mut sel) = self.selection else {
            return;
        };
        for _ in 0..rows.unsigned_abs() {
            let next = if rows > 0 {
                self.next_pos(sel.head)
            } else {
                self.prev_pos(sel.head)
            };
            match next {
                Some(p) => sel.head = p,
                None => break,
            }
        }
        self.move_head(sel);
    }

    /// Moves the selection's head to the last row of its section (forward), or to the first
    /// row of its section, or of the one before when it is there already (back).
    pub(super) fn extend_to_section(&mut self, forward: bool) {
        let Some(mut sel) = self.selection else {
            return;
        };
        let at = self.row_range(sel.head).map_or(0, |r| r.start);
        let sections = &self.outline.sections;
        let current = self.outline.section_at(at);
        let head = if forward {
            let next = current.map_or(0, |i| i + 1);
            let end = sections.get(next).map_or(self.doc.len(), |s| s.line());
            self.prev_pos(Pos { para: end, row: 0 })
        } else {
            let start = |i: usize| {
                sections.get(i).map(|s| Pos {
                    para: s.line(),
                    row: 0,
                })
            };
            match current.and_then(start) {
                Some(p) if p < sel.head => Some(p),
                _ => current
                    .and_then(|i| i.checked_sub(1))
                    .and_then(start)
                    .or(Some(Pos::default())),
            }
        };
        if let Some(head) = head {
            sel.head = head;
        }
        self.move_head(sel);
    }

    /// Puts the selection's head at `sel.head` and brings it on screen.
    fn move_head(&mut self, sel: Selection) {
        self.selection = Some(sel);
        if let Some(r) = self.row_range(sel.head) {
            self.reveal(r.start);
        }
    }

    /// The source bytes of row `p`.
    fn row_range(&self, p: Pos) -> Option<Range<usize>> {
        self.rows(p.para, p.row)
            .get(p.row)
            .map(|r| r.start as usize..r.end as usize)
    }

    /// The source bytes the selection covers: from its first row's first byte to its last
    /// row's last, so the white space and line ends between rows come along as they are; while
    /// the mouse is dragged, the bytes between the two cells.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        if let Some(dragged) = self.dragged() {
            return Some(dragged);
        }
        let sel = self.selection?;
        let (first, last) = if sel.anchor <= sel.head {
            (sel.anchor, sel.head)
        } else {
            (sel.head, sel.anchor)
        };
        Some(self.row_range(first)?.start..self.row_range(last)?.end)
    }

    /// Copies the selection and ends it; without one, says how to make one.
    pub(super) fn copy_selection(&mut self) {
        match self.selected_range() {
            Some(range) => {
                self.selection = None;
                self.copy(range);
            }
            None => {
                self.notice =
                    Some("nothing selected: v selects rows, Y copies this section".into());
            }
        }
    }

    /// Copies the section the top row is in (the whole document when it has no sections).
    pub(super) fn copy_section(&mut self) {
        let sections = &self.outline.sections;
        let current = self.outline.section_at(self.top_byte());
        let start = current
            .and_then(|i| sections.get(i))
            .map_or(0, |s| s.start());
        let end = current
            .and_then(|i| sections.get(i + 1))
            .map_or(self.doc.text.len(), |s| s.start());
        self.copy(start..end);
    }

    /// Hands the text of `range`, its trailing line ends left out, to the terminal's clipboard;
    /// more than [`MOST_COPIED`] bytes only says so.
    pub(super) fn copy(&mut self, range: Range<usize>) {
        let text = self.doc.text.get(range).unwrap_or_default().trim_end();
        if text.len() > MOST_COPIED {
            self.notice = Some(format!(
                "{} KiB is too much for the terminal's clipboard; select less (v)",
                text.len() / 1024
            ));
            return;
        }
        let paragraphs = text.lines().filter(|l| !l.trim().is_empty()).count();
        let characters = text.chars().count();
        let s = |n: usize| if n == 1 { "" } else { "s" };
        self.notice = Some(format!(
            "copied {paragraphs} paragraph{}, {characters} character{}",
            s(paragraphs),
            s(characters)
        ));
        self.clipboard = Some(text.to_owned());
    }
}
