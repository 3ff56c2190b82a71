//! Greedy wrapping in logical order, before any reordering: rows break after spaces and tabs,
//! and a word wider than the row is cut between grapheme clusters.

use super::cell::Glyph;
use super::graphemes::{Break, Item};
use std::ops::Range;

/// Columns a tab at column `col` advances to the next tab stop.
pub const TAB_STOP: usize = 8;

/// One row in logical order: the items it owns, and how many of them are drawn (spaces after the
/// last word that do not fit hang past the edge and are not drawn).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSpan {
    /// Items of the row.
    pub items: Range<usize>,
    /// Items drawn: `items.start..shown`.
    pub shown: usize,
}

/// Wraps `items` into rows of at most `width` columns, put in `rows` (cleared first). Sets the
/// width of each tab.
pub fn wrap(items: &mut [Item], width: usize, rows: &mut Vec<RowSpan>) {
    let width = width.max(1);
    rows.clear();
    let mut start = 0; // first item of the current row
    let mut col = 0; // columns used by the current row so far
    let mut i = 0;
    let n = items.len();
    // `col` is the width of the row's items: when they fit, all are drawn, else the spaces
    // that hang past the edge are not.
    let close = |rows: &mut Vec<RowSpan>, items: &[Item], start: usize, end: usize, col: usize| {
        let mut shown = end;
        if col > width {
            let mut used = 0;
            shown = start;
            while shown < end && used + usize::from(items[shown].cell.width) <= width {
                used += usize::from(items[shown].cell.width);
                shown += 1;
            }
        }
        rows.push(RowSpan {
            items: start..end,
            shown,
        });
    };
    while i < n {
        if items[i].brk != Break::No {
            // Whitespace: placed where it is; what does not fit hangs at the row end.
            if items[i].brk == Break::Tab {
                items[i].cell.width = (TAB_STOP - col % TAB_STOP) as u8;
            }
            col += usize::from(items[i].cell.width);
            i += 1;
            continue;
        }
        let mut j = i;
        let mut word = 0;
        while j < n && items[j].brk == Break::No {
            word += usize::from(items[j].cell.width);
            j += 1;
        }
        if i > start && col + word > width {
            close(rows, items, start, i, col);
            start = i;
            col = 0;
        }
        if col + word <= width {
            col += word;
            i = j;
            continue;
        }
        // A word wider than a row: cut it between clusters.
        while i < j {
            let mut w = usize::from(items[i].cell.width);
            if w > width {
                // A wide character in a one-column row: show that something is there.
                items[i].cell.glyph = Glyph::Char('…');
                items[i].cell.width = 1;
                w = 1;
            }
            if col + w > width {
                close(rows, items, start, i, col);
                start = i;
                col = 0;
            }
            col += w;
            i += 1;
        }
    }
    close(rows, items, start, n, col);
}
