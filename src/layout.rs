//! The right-to-left layout layer: one paragraph and a width in, visual rows of cells out.
//!
//! Implements DESIGN.md "Bidi layout": levels once per paragraph, wrapping in logical order
//! with terminal widths, then per row L1/L2 reordering of grapheme clusters, bracket mirroring
//! (L4), optional shaping. Every cell keeps the source byte range it draws, so anything that
//! speaks in byte offsets (sections, entities, search) can be painted after reordering.

pub mod bidi;
pub mod cache;
pub mod cell;
pub mod graphemes;
pub mod wrap;

pub use cache::LayoutCache;
pub use cell::{Cell, Glyph};

use std::ops::Range;

/// How paragraphs are laid out; fixed for a run, except the width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Replace Arabic letters by presentation forms (for terminals that do not join letters).
    pub shape: bool,
    /// Put rows in visual order (false when the terminal reorders by itself).
    pub reorder: bool,
    /// Show bidi controls and zero-width characters as symbols instead of hiding them.
    pub show_controls: bool,
    /// Direction of a paragraph with no strong character: the document's direction.
    pub default_rtl: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            shape: false,
            reorder: true,
            show_controls: false,
            default_rtl: true,
        }
    }
}

/// One screen row of a paragraph, cells in visual order (left to right on screen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisualRow {
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// Columns the cells take.
    pub width: u16,
    /// The paragraph is right to left: the row is right-aligned.
    pub rtl: bool,
    /// Source bytes of the row in logical order (hanging spaces included).
    pub start: u32,
    /// One past the row's last source byte.
    pub end: u32,
}

impl VisualRow {
    /// The source range of the row.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The row as text in visual order, without alignment (for plain output and tests).
    pub fn text(&self, doc: &str) -> String {
        self.cells.iter().map(|c| c.text(doc)).collect()
    }
}

/// Lays out the paragraph `doc[range]` (one source line, no line terminator) at `width` columns.
/// An empty paragraph gives one empty row.
pub fn layout_paragraph(
    doc: &str,
    range: Range<usize>,
    width: u16,
    opts: &LayoutOptions,
) -> Vec<VisualRow> {
    let base = range.start;
    let para = doc.get(range.clone()).unwrap_or("");
    if para.is_empty() {
        let at = base as u32;
        return vec![VisualRow {
            rtl: opts.default_rtl,
            start: at,
            end: at,
            ..VisualRow::default()
        }];
    }
    let levels = bidi::resolve(para, opts.default_rtl);
    let rtl = levels.para % 2 == 1;
    let mut items = Vec::with_capacity(para.len() / 2);
    graphemes::items(para, base, opts.show_controls, &mut items);
    if opts.shape {
        crate::arabic::shape::shape(&mut items, para, base);
    }
    let spans = wrap::wrap(&mut items, usize::from(width));
    let mut rows = Vec::with_capacity(spans.len());
    for (k, span) in spans.iter().enumerate() {
        let shown = &items[span.items.start..span.shown];
        let mut cells: Vec<Cell> = shown.iter().map(|it| it.cell).collect();
        let mut lv: Vec<u8> = cells
            .iter()
            .map(|c| {
                levels
                    .bytes
                    .get(c.start as usize - base)
                    .map_or(levels.para, |l| l.number())
            })
            .collect();
        if opts.reorder {
            for (cell, &l) in cells.iter_mut().zip(&lv) {
                bidi::mirror(cell, l, para, base);
            }
            bidi::reorder_row(&mut cells, &bidi::kinds(shown), &mut lv, levels.para);
        }
        // Rows tile the paragraph: hidden format characters belong to the row they fall in.
        let start = if k == 0 {
            base
        } else {
            items[span.items.start].cell.start as usize
        };
        let end = spans.get(k + 1).map_or(range.end, |next| {
            items[next.items.start].cell.start as usize
        });
        let width = cells.iter().map(|c| u16::from(c.width)).sum();
        rows.push(VisualRow {
            cells,
            width,
            rtl,
            start: start as u32,
            end: end as u32,
        });
    }
    if rows.is_empty() {
        let at = base as u32;
        rows.push(VisualRow {
            rtl,
            start: at,
            end: at,
            ..VisualRow::default()
        });
    }
    rows
}
