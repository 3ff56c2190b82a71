//! Selecting with the mouse (with `--mouse`): a drag from one cell to another selects the source
//! text between the two cells' bytes, in logical order, and releasing the button copies it.

use super::scroll::QUOTE_INDENT;
use super::{App, Pos, screen};
use std::ops::Range;

impl App {
    /// The source bytes of the article cell drawn at column `x`, row `y` of the screen: the
    /// nearest cell of that row when `x` falls beside its text; none off the article's rows.
    pub fn cell_at(&self, x: u16, y: u16) -> Option<Range<usize>> {
        let (w, h) = self.screen?;
        let mut area = screen::areas(self, w, h).article;
        if y < area.y || y >= area.bottom() {
            return None;
        }
        let mut p: Pos = self.top;
        for _ in area.y..y {
            p = self.next_pos(p)?;
        }
        let rows = self.rows(p.para, p.row);
        let row = rows.get(p.row)?;
        // Placed as the article pane paints it: pull quotes indented, right-to-left rows against
        // the right edge.
        if self.pull_quote(p.para) {
            area.x += QUOTE_INDENT;
            area.width = area.width.saturating_sub(2 * QUOTE_INDENT);
        }
        let mut left = if row.rtl {
            area.right().saturating_sub(row.width)
        } else {
            area.x
        }
        .max(area.x);
        let mut found = row.cells.first()?.range();
        for cell in &row.cells {
            if x < left {
                break;
            }
            found = cell.range();
            left += u16::from(cell.width);
        }
        Some(found)
    }

    /// The left button went down at `x`, `y`: a drag may start there.
    pub(super) fn mouse_down(&mut self, x: u16, y: u16) {
        self.drag = self.cell_at(x, y).map(|c| (c.clone(), c));
        self.selection = None;
    }

    /// The button is held over `x`, `y`: the selection reaches that cell.
    pub(super) fn mouse_drag(&mut self, x: u16, y: u16) {
        let cell = self.cell_at(x, y);
        if let (Some((_, head)), Some(c)) = (self.drag.as_mut(), cell) {
            *head = c;
        }
    }

    /// The button is released: what was dragged over is copied (a click copies nothing).
    pub(super) fn mouse_up(&mut self, x: u16, y: u16) {
        self.mouse_drag(x, y);
        let moved = self
            .drag
            .as_ref()
            .is_some_and(|(anchor, head)| anchor != head);
        if let Some(range) = self.dragged().filter(|_| moved) {
            self.copy(range);
        }
        self.drag = None;
    }

    /// The source bytes a mouse drag covers so far.
    pub(super) fn dragged(&self) -> Option<Range<usize>> {
        let (anchor, head) = self.drag.as_ref()?;
        Some(anchor.start.min(head.start)..anchor.end.max(head.end))
    }
}
