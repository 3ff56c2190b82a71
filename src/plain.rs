//! Plain output: the laid-out rows as text, one line per screen row, no escape codes.

use crate::document::Document;
use crate::layout::runs::sent_order;
use crate::layout::{LayoutOptions, RowRef, Scratch, direction_mark, layout_line};
use rayon::prelude::*;
use std::io::{self, Write};
use std::ops::Range;

/// Source bytes in one batch of paragraphs. Batches are laid out in parallel and written in
/// order; this size keeps every thread busy while only a few batches of output wait in memory.
const BATCH_BYTES: usize = 256 * 1024;

/// Output held before it is written, when rows are written as they come.
const FLUSH_BYTES: usize = 64 * 1024;

/// Writes every paragraph of `doc` laid out at `width`: right-to-left rows right-aligned with
/// spaces when `pad`, one empty line per empty source line.
pub fn write(
    doc: &Document,
    width: u16,
    pad: bool,
    opts: &LayoutOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let batches = batches(doc);
    let pad_to = if pad { width } else { 0 };
    if batches.len() <= 1 {
        let mut scratch = Scratch::default();
        return stream(doc, 0..doc.len(), (width, pad_to), opts, &mut scratch, out);
    }
    // A few batches per thread at a time: enough to balance uneven batches, bounded memory.
    let group = rayon::current_num_threads() * 4;
    // Each batch's output and working memory, kept from one group to the next: fresh buffers
    // would be fresh pages every time, which the kernel must map and zero.
    let mut work: Vec<(Vec<u8>, Scratch)> = (0..group).map(|_| Default::default()).collect();
    for chunk in batches.chunks(group) {
        work.par_iter_mut()
            .zip(chunk)
            .for_each(|((text, scratch), paras)| {
                text.clear();
                if !is_long(doc, paras) {
                    render(
                        doc,
                        paras.clone(),
                        (width, pad_to),
                        opts,
                        scratch,
                        text,
                        |_| {},
                    );
                }
            });
        // A long paragraph is written as it is laid out, here: as one batch's text it would
        // be held whole, and so would the next ones' beside it.
        for ((text, scratch), paras) in work.iter_mut().zip(chunk) {
            if is_long(doc, paras) {
                stream(doc, paras.clone(), (width, pad_to), opts, scratch, out)?;
            } else {
                out.write_all(text)?;
            }
        }
    }
    Ok(())
}

/// Whether batch `paras` is one paragraph longer than a batch.
fn is_long(doc: &Document, paras: &Range<usize>) -> bool {
    paras.len() == 1 && doc.line(paras.start).len() > BATCH_BYTES
}

/// Paragraph indices of `doc` cut into runs of about `BATCH_BYTES` source bytes; a paragraph
/// longer than that is a batch of its own.
fn batches(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    for (i, line) in doc.lines_from(0).enumerate() {
        if line.len() > BATCH_BYTES && start < i {
            out.push(start..i);
            start = i;
            from = line.start;
        }
        let end = line.end;
        if end - from >= BATCH_BYTES {
            out.push(start..i + 1);
            start = i + 1;
            from = end;
        }
    }
    if start < doc.len() {
        out.push(start..doc.len());
    }
    out
}

/// Writes the rows of paragraphs `paras` of `doc` to `out` as they are laid out, a few pages
/// at a time: a paragraph of many megabytes is never held as text.
fn stream(
    doc: &Document,
    paras: Range<usize>,
    dims: (u16, u16),
    opts: &LayoutOptions,
    scratch: &mut Scratch,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut text = Vec::with_capacity(FLUSH_BYTES * 2);
    let mut written = Ok(());
    render(doc, paras, dims, opts, scratch, &mut text, |text| {
        if text.len() >= FLUSH_BYTES && written.is_ok() {
            written = out.write_all(text);
            text.clear();
        }
    });
    written?;
    out.write_all(&text)
}

/// Appends the rows of paragraphs `paras` of `doc`, laid out at `width` and right-to-left rows
/// padded to `pad_to`, to `text`, one line each; `after_row` sees `text` after each row.
fn render(
    doc: &Document,
    paras: Range<usize>,
    (width, pad_to): (u16, u16),
    opts: &LayoutOptions,
    scratch: &mut Scratch,
    text: &mut Vec<u8>,
    mut after_row: impl FnMut(&mut Vec<u8>),
) {
    for line in doc.lines_from(paras.start).take(paras.len()) {
        layout_line(doc, line, width, opts, scratch, |row| {
            push_row(text, &row, &doc.text, pad_to);
            text.push(b'\n');
            after_row(text);
        });
    }
}

/// Appends one row as UTF-8: padded on the left to `width` when right to left (`width` 0: not
/// padded); trailing spaces dropped; a marked row between two marks of its direction.
pub fn push_row(line: &mut Vec<u8>, row: &RowRef<'_>, doc: &str, width: u16) {
    if row.cells.is_empty() {
        return;
    }
    if row.rtl {
        line.extend(std::iter::repeat_n(
            b' ',
            usize::from(width.saturating_sub(row.width)),
        ));
    }
    // Enough for the row's source bytes and the few glyphs that grow (presentation forms).
    line.reserve((row.end - row.start) as usize + 2 * row.cells.len());
    let at = line.len();
    if row.logical_runs {
        let mut order = Vec::with_capacity(row.cells.len());
        sent_order(row.cells, doc, &mut order);
        for &i in &order {
            row.cells[i].push_utf8(doc, line);
        }
    } else {
        for c in row.cells {
            c.push_utf8(doc, line);
        }
    }
    while line.len() > at && line.last() == Some(&b' ') {
        line.pop();
    }
    if row.marked {
        let mut mark = [0; 4];
        let mark = direction_mark(row.rtl).encode_utf8(&mut mark).as_bytes();
        line.extend_from_slice(mark);
        line.splice(at..at, mark.iter().copied());
    }
}
