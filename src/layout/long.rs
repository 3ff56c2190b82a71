//! Long paragraphs laid out a window at a time: a 20 MB line needs the working memory of a
//! few pages, not thirty bytes for every byte of it.
//!
//! Wrapping is greedy, so a row depends only on where it starts: the rows of a window are
//! final except its last, which the window's end may have cut short; that row starts the
//! next window. Levels are resolved once for the whole paragraph (one byte a byte).

use super::bidi::Levels;
use super::cell::is_mark;
use super::{LayoutOptions, RowRef, Work, graphemes, shape, wrap};
use std::ops::Range;
use unicode_segmentation::GraphemeCursor;

/// Source bytes of a paragraph laid out at once; longer paragraphs go a window at a time.
pub const WINDOW: usize = 64 * 1024;

/// Lays out the rows of the paragraph `doc[range]` from the row that starts at paragraph byte
/// `from` (0, or where [`super::layout_rows`] started a row), handing them to `emit` until it
/// returns false or the paragraph ends. `levels` are the whole paragraph's.
#[allow(clippy::too_many_arguments)]
pub(super) fn rows_from(
    doc: &str,
    range: Range<usize>,
    from: usize,
    width: u16,
    opts: &LayoutOptions,
    levels: &Levels,
    work: &mut Work,
    emit: impl FnMut(RowRef<'_>) -> bool,
) {
    windows(doc, range, from, width, opts, levels, work, WINDOW, emit);
}

/// [`rows_from`] with windows of about `window` bytes.
#[allow(clippy::too_many_arguments)]
pub(super) fn windows(
    doc: &str,
    range: Range<usize>,
    mut from: usize,
    width: u16,
    opts: &LayoutOptions,
    levels: &Levels,
    work: &mut Work,
    window: usize,
    mut emit: impl FnMut(RowRef<'_>) -> bool,
) {
    let base = range.start;
    let para = doc.get(range.clone()).unwrap_or("");
    let mut size = window;
    loop {
        let to = boundary_at_or_after(para, from.saturating_add(size));
        // Shaping looks at the letter before the row: it comes along, with the hidden
        // characters and marks between, and is dropped again before wrapping.
        let context = letter_before(para, from);
        work.items.clear();
        graphemes::items(
            para.get(context..to).unwrap_or(""),
            base + context,
            opts.show_controls,
            &mut work.items,
        );
        if opts.shape {
            shape::shape(&mut work.items, para, base, &mut work.shape);
        }
        let before = work
            .items
            .partition_point(|it| (it.cell.start as usize) < base + from);
        work.items.drain(..before);
        wrap::wrap(&mut work.items, usize::from(width), &mut work.spans);
        let last = to == para.len();
        let take = if last {
            work.spans.len()
        } else {
            work.spans.len() - 1
        };
        if take == 0 {
            // One row longer than the window (a letter under a mountain of marks): widen it.
            size = size.saturating_mul(2);
            continue;
        }
        let hidden = work.has_hidden();
        if !work.emit_rows(
            range.clone(),
            take,
            from == 0,
            hidden,
            levels,
            opts,
            &mut emit,
        ) || last
        {
            return;
        }
        let next = &work.spans[take];
        from = work.items[next.items.start].cell.start as usize - base;
        size = window;
    }
}

/// The first grapheme cluster boundary of `s` at or after byte `at` (its length past the end).
fn boundary_at_or_after(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    let mut cursor = GraphemeCursor::new(at, s.len(), true);
    if cursor.is_boundary(s, 0).unwrap_or(true) {
        return at;
    }
    cursor.next_boundary(s, 0).ok().flatten().unwrap_or(s.len())
}

/// Where the cluster of the last letter of `s` before byte `at` starts: the character before
/// `at` that is neither hidden nor a mark, which shaping joins across them.
fn letter_before(s: &str, at: usize) -> usize {
    let before = s.get(..at).unwrap_or("");
    let Some((i, c)) = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !crate::chars::is_invisible(c) && !is_mark(c))
    else {
        return 0;
    };
    // The boundary before the letter's end is where its cluster starts.
    let mut cursor = GraphemeCursor::new(i + c.len_utf8(), s.len(), true);
    cursor.prev_boundary(s, 0).ok().flatten().unwrap_or(0)
}
