//! Plain output: the laid-out rows as text, one line per screen row, no escape codes.

use crate::document::Document;
use crate::layout::{LayoutOptions, VisualRow, layout_paragraph};
use std::io::{self, Write};

/// Writes every paragraph of `doc` laid out at `width`: visual order, right-to-left rows
/// right-aligned with spaces, one empty line per empty source line.
pub fn write(
    doc: &Document,
    width: u16,
    opts: &LayoutOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut line = String::with_capacity(usize::from(width) * 4);
    for i in 0..doc.len() {
        for row in layout_paragraph(&doc.text, doc.line(i), width, opts).iter() {
            line.clear();
            push_row(&mut line, row, &doc.text, width);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    Ok(())
}

/// Appends one row: padded on the left to `width` when right to left; trailing spaces dropped.
pub fn push_row(line: &mut String, row: &VisualRow, doc: &str, width: u16) {
    if row.cells.is_empty() {
        return;
    }
    if row.rtl {
        line.extend(std::iter::repeat_n(
            ' ',
            usize::from(width.saturating_sub(row.width)),
        ));
    }
    let at = line.len();
    for c in &row.cells {
        line.push_str(&c.text(doc));
    }
    let kept = line.get(at..).map_or(0, |s| s.trim_end_matches(' ').len());
    line.truncate(at + kept);
}
