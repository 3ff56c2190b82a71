//! A table row laid out as a grid: each cell laid out bidi-correctly inside its column, and
//! wrapped there when the table is wider than the screen; the columns side by side with `│`
//! between them, the first on the table's reading side (the right of a right-to-left table).

use super::{Cell, Glyph, LayoutOptions, Para, RowRef, Scratch, VisualRow, layout_rows_as};
use std::ops::Range;

/// Columns taken by the rule between two cells: a space, `│`, a space.
const GAP: u16 = 3;

/// The width each cell of `rows` needs on one row: for each column, its widest cell's.
pub fn natural(
    doc: &str,
    rows: &[&[Range<usize>]],
    opts: &LayoutOptions,
    scratch: &mut Scratch,
) -> Vec<u16> {
    let mut widths: Vec<u16> = Vec::new();
    for cells in rows {
        if widths.len() < cells.len() {
            widths.resize(cells.len(), 0);
        }
        for (w, c) in widths.iter_mut().zip(cells.iter()) {
            layout_rows_as(
                doc,
                c.clone(),
                u16::MAX,
                opts,
                Para::default(),
                scratch,
                |r| {
                    *w = (*w).max(r.width);
                },
            );
        }
    }
    widths
}

/// Column widths for a table whose columns need `natural` widths, in `width` screen columns:
/// the natural widths when they fit; else the widest columns are narrowed to one cap, as wide
/// as lets the table fit. `None` when not even one column a cell and the rules between fit.
pub fn fit(natural: &[u16], width: u16) -> Option<Vec<u16>> {
    let n = u32::try_from(natural.len()).ok()?;
    let room = u32::from(width).checked_sub(u32::from(GAP) * n.saturating_sub(1))?;
    if room < n {
        return None;
    }
    let room = u16::try_from(room).ok()?;
    let total = |cap: u16| -> u32 { natural.iter().map(|&w| u32::from(w.clamp(1, cap))).sum() };
    let most = natural.iter().copied().max().unwrap_or(1).max(1);
    if total(most) <= u32::from(room) {
        return Some(natural.iter().map(|&w| w.max(1)).collect());
    }
    // The largest cap that fits, found by halving: total() grows with the cap.
    let (mut lo, mut hi) = (1u16, most);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if total(mid) <= u32::from(room) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(natural.iter().map(|&w| w.clamp(1, lo)).collect())
}

/// Lays out the table row `range` of `doc`, whose cells are `cells`, in columns of `widths`,
/// handing each screen row to `emit`. `rtl` is the table's direction: its first column is on
/// the right. A cell takes its own direction (its first strong character, else the table's)
/// and sits against its column's side of that direction.
#[allow(clippy::too_many_arguments)]
pub fn grid(
    doc: &str,
    range: Range<usize>,
    cells: &[Range<usize>],
    widths: &[u16],
    rtl: bool,
    opts: &LayoutOptions,
    scratch: &mut Scratch,
    mut emit: impl FnMut(RowRef<'_>),
) {
    let cell_opts = LayoutOptions {
        default_rtl: rtl,
        ..*opts
    };
    let laid: Vec<Vec<VisualRow>> = cells
        .iter()
        .zip(widths)
        .map(|(c, &w)| {
            let mut rows = Vec::new();
            layout_rows_as(
                doc,
                c.clone(),
                w,
                &cell_opts,
                Para::default(),
                scratch,
                |r| {
                    rows.push(r.into());
                },
            );
            rows
        })
        .collect();
    let height = laid.iter().map(Vec::len).max().unwrap_or(1);
    let mut order: Vec<usize> = (0..laid.len()).collect();
    if rtl {
        order.reverse();
    }
    let mut out: Vec<Cell> = Vec::new();
    let mut start = range.start;
    for k in 0..height {
        out.clear();
        for (j, &c) in order.iter().enumerate() {
            let at = cells[c].start as u32;
            if j > 0 {
                // The rule shows the separator's bytes, between this cell and its neighbour.
                let other = order[j - 1];
                let (lo, hi) = (c.min(other), c.max(other));
                let (s, e) = (cells[lo].end as u32, cells[hi].start as u32);
                let blank = Cell {
                    start: s,
                    end: s,
                    width: 1,
                    glyph: Glyph::Blank,
                };
                out.push(blank);
                out.push(Cell {
                    start: s,
                    end: e,
                    width: 1,
                    glyph: Glyph::Char('│'),
                });
                out.push(blank);
            }
            let row = laid[c].get(k);
            let shown = row.map_or(&[][..], |r| r.cells.as_slice());
            let used = row.map_or(0, |r| r.width);
            let pad = widths[c].saturating_sub(used);
            let blank = Cell {
                start: at,
                end: at,
                width: 1,
                glyph: Glyph::Blank,
            };
            let right_aligned = row.is_some_and(|r| r.rtl);
            if right_aligned {
                out.extend(std::iter::repeat_n(blank, usize::from(pad)));
            }
            out.extend_from_slice(shown);
            if !right_aligned {
                out.extend(std::iter::repeat_n(blank, usize::from(pad)));
            }
        }
        // Rows tile the line: the next starts where the earliest of its cells' rows does.
        let next = (k + 1 < height)
            .then(|| {
                laid.iter()
                    .filter_map(|rows| rows.get(k + 1))
                    .map(|r| r.start as usize)
                    .min()
            })
            .flatten()
            .map_or(range.end, |n| n.max(start));
        let width = out.iter().map(|c| u16::from(c.width)).sum();
        emit(RowRef {
            cells: &out,
            width,
            rtl,
            marked: opts.marks,
            logical_runs: opts.logical_runs,
            start: start as u32,
            end: next as u32,
        });
        start = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_by_narrowing_the_widest() {
        assert_eq!(fit(&[5, 10, 3], 80), Some(vec![5, 10, 3]), "all fit");
        // 20 columns less two gaps of 3: 14 for the cells; the cap is 6.
        assert_eq!(fit(&[5, 10, 3], 20), Some(vec![5, 6, 3]));
        assert_eq!(fit(&[0, 40], 10), Some(vec![1, 6]));
        assert_eq!(
            fit(&[4; 30], 80),
            None,
            "30 columns and 29 rules do not fit in 80"
        );
    }
}
