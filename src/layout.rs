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
mod long;
pub mod runs;
pub mod shape;
pub mod table;
pub mod wrap;

pub use cache::{LayoutCache, Rows};
pub use cell::{Cell, Glyph};

use crate::document::Document;
use crate::document::blocks::{Block, BlockKind};
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
    /// Mirror brackets in right-to-left runs even when not reordering: for a terminal that
    /// reorders but does not mirror (Konsole).
    pub mirror: bool,
    /// Rows are marked with their direction when drawn (`VisualRow::marked`), for a terminal
    /// that reorders each line as a left-to-right paragraph.
    pub marks: bool,
    /// Rows are sent with each run of Arabic cells in logical order (`RowRef::logical_runs` in
    /// plain output, `ui::runs` on screen): for a terminal that shapes such runs right to left
    /// itself (kitty).
    pub logical_runs: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            shape: false,
            reorder: true,
            show_controls: false,
            default_rtl: true,
            mirror: false,
            marks: false,
            logical_runs: false,
        }
    }
}

/// The invisible mark that gives a row its direction in a terminal that reorders each line as a
/// left-to-right paragraph: U+200F RIGHT-TO-LEFT MARK or U+200E LEFT-TO-RIGHT MARK. At both ends
/// of the row it makes the row's first and last neutrals (a full stop, quote marks) take the
/// row's direction, and keeps a number from joining the text beside it.
pub fn direction_mark(rtl: bool) -> char {
    if rtl { '\u{200F}' } else { '\u{200E}' }
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
    /// Drawn with marks of its direction (`direction_mark`): the terminal reorders it.
    pub marked: bool,
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

/// One row handed out by [`layout_rows`]: like [`VisualRow`], with its cells borrowed from the
/// [`Scratch`] buffers.
#[derive(Clone, Copy, Debug)]
pub struct RowRef<'a> {
    /// The cells, left to right.
    pub cells: &'a [Cell],
    /// Columns the cells take.
    pub width: u16,
    /// The paragraph is right to left: the row is right-aligned.
    pub rtl: bool,
    /// Drawn with marks of its direction (`direction_mark`): the terminal reorders it.
    pub marked: bool,
    /// Sent with each run of Arabic cells in logical order (`runs::sent_order`).
    pub logical_runs: bool,
    /// Source bytes of the row in logical order (hanging spaces included).
    pub start: u32,
    /// One past the row's last source byte.
    pub end: u32,
}

impl From<RowRef<'_>> for VisualRow {
    fn from(r: RowRef<'_>) -> VisualRow {
        VisualRow {
            cells: r.cells.to_vec(),
            width: r.width,
            rtl: r.rtl,
            marked: r.marked,
            start: r.start,
            end: r.end,
        }
    }
}

/// Buffers kept from one paragraph to the next, so laying out many paragraphs allocates
/// nothing per paragraph or row once they have grown.
#[derive(Default)]
pub struct Scratch {
    levels: bidi::Levels,
    work: Work,
}

/// The buffers of laying out rows, apart from the paragraph's levels (which a long paragraph
/// keeps between calls).
#[derive(Default)]
struct Work {
    items: Vec<graphemes::Item>,
    spans: Vec<wrap::RowSpan>,
    cells: Vec<Cell>,
    row_levels: Vec<u8>,
    shape: shape::Scratch,
    /// The paragraph is code: nothing is mirrored.
    island: bool,
}

/// Lays out the paragraph `doc[range]` (one source line, no line terminator) at `width` columns.
/// An empty paragraph gives one empty row.
pub fn layout_paragraph(
    doc: &str,
    range: Range<usize>,
    width: u16,
    opts: &LayoutOptions,
) -> Vec<VisualRow> {
    let mut rows = Vec::new();
    layout_rows(doc, range, width, opts, &mut Scratch::default(), |r| {
        rows.push(r.into());
    });
    rows
}

/// How one paragraph is laid out beyond the options of the run: what its block decides. The
/// layout learns a direction and whether the text is code, never the format it came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Para {
    /// Its direction, when its block decides it (`None`: its own first strong character).
    pub rtl: Option<bool>,
    /// Code: never mirrored and never wrapped; a row wider than the screen is cut and ends in
    /// [`CUT_MARK`] on the side it is cut.
    pub code: bool,
    /// Columns every row is indented by on its reading side: one [`NEST_STEP`] a block quote
    /// the line sits in.
    pub indent: u16,
    /// Columns the rows after the first are indented by on their reading side, beyond
    /// `indent`: a list item's wrapped rows hang under its text, not under its marker.
    pub hang: u16,
}

/// Columns one level of nesting takes on the reading side: a list in a list, a quote in a quote.
pub const NEST_STEP: u16 = 2;

impl Para {
    /// What block `b` says of its lines (nothing, outside any block).
    pub fn of(b: Option<&Block>) -> Para {
        let hang = match b.map(|b| &b.kind) {
            Some(BlockKind::ListItem { marker, depth }) => {
                NEST_STEP * u16::from(*depth) + marker.chars().count() as u16 + 1
            }
            _ => 0,
        };
        Para {
            rtl: b.and_then(|b| b.rtl),
            code: matches!(b.map(|b| &b.kind), Some(BlockKind::Code { .. })),
            indent: NEST_STEP * u16::from(b.map_or(0, |b| b.quote)),
            hang,
        }
    }
}

/// Lays out the line of `doc` at `range` as its block says: a table row as a grid (when qari
/// puts rows in visual order and the screen is wide enough; else the row as one line), any other
/// line as a paragraph in its block's direction. Plain text's lines are paragraphs.
pub fn layout_line(
    doc: &Document,
    range: Range<usize>,
    width: u16,
    opts: &LayoutOptions,
    scratch: &mut Scratch,
    emit: impl FnMut(RowRef<'_>),
) {
    let Some(blocks) = doc.blocks.as_deref() else {
        return layout_rows(&doc.text, range, width, opts, scratch, emit);
    };
    // The block from the line's offset: asking the document for line `i` again would scan.
    let k = blocks.index_at(range.start);
    if let Some((t, cells)) = k.and_then(|k| blocks.table_row(k)).filter(|_| opts.reorder) {
        let natural = t.natural.get_or_init(|| {
            let rows: Vec<&[Range<usize>]> = blocks
                .blocks
                .get(t.rows.clone())
                .unwrap_or_default()
                .iter()
                .filter_map(|b| match &b.kind {
                    BlockKind::TableRow { cells, .. } => Some(cells.as_slice()),
                    _ => None,
                })
                .collect();
            table::natural(&doc.text, &rows, opts, scratch)
        });
        // A table too wide for even one column a cell is shown as its row lines.
        if let Some(widths) = table::fit(natural, width) {
            let rtl = t.rtl.unwrap_or(opts.default_rtl);
            return table::grid(&doc.text, range, cells, &widths, rtl, opts, scratch, emit);
        }
    }
    let para = Para::of(k.and_then(|k| blocks.blocks.get(k)));
    layout_rows_as(&doc.text, range, width, opts, para, scratch, emit);
}

/// The mark in the last column of a code row cut at the screen's edge.
pub const CUT_MARK: char = '…';

/// Lays out the paragraph `doc[range]` as [`layout_paragraph`] does, handing each row to `emit`
/// in order, with `scratch` for all working memory. A paragraph longer than [`long::WINDOW`]
/// bytes is laid out a window at a time, so its working memory stays that of a window.
pub fn layout_rows(
    doc: &str,
    range: Range<usize>,
    width: u16,
    opts: &LayoutOptions,
    scratch: &mut Scratch,
    emit: impl FnMut(RowRef<'_>),
) {
    layout_rows_as(doc, range, width, opts, Para::default(), scratch, emit);
}

/// [`layout_rows`] for a paragraph whose block decides its direction or makes it code.
pub fn layout_rows_as(
    doc: &str,
    range: Range<usize>,
    width: u16,
    opts: &LayoutOptions,
    p: Para,
    scratch: &mut Scratch,
    mut emit: impl FnMut(RowRef<'_>),
) {
    let base = range.start;
    let para = doc.get(range.clone()).unwrap_or("");
    if para.is_empty() {
        emit(RowRef {
            cells: &[],
            width: 0,
            rtl: p.rtl.unwrap_or(opts.default_rtl),
            marked: opts.marks,
            logical_runs: opts.logical_runs,
            start: base as u32,
            end: base as u32,
        });
        return;
    }
    let Scratch { levels, work } = scratch;
    // Code longer than a window is wrapped like prose (it is not code a person wrote).
    work.island = p.code && para.len() <= long::WINDOW;
    if para.len() > long::WINDOW {
        levels.resolve_as(para, opts.default_rtl, p.rtl, None);
        long::rows_from(doc, range, 0, width, opts, levels, work, |r| {
            emit(r);
            true
        });
        return;
    }
    work.items.clear();
    let classes = graphemes::items(para, base, opts.show_controls, &mut work.items);
    levels.resolve_as(para, opts.default_rtl, p.rtl, classes);
    if opts.shape {
        shape::shape(&mut work.items, para, base, &mut work.shape);
    }
    // Never empty: a paragraph of hidden characters only is one empty row. Code is one row,
    // cut below.
    // Indents take their columns from every row, and leave at least three quarters.
    let lead = p.indent.min(width / 4);
    let hang = (p.indent + p.hang).min(width / 4);
    let wrap_at = if p.code { u16::MAX } else { width - hang };
    wrap::wrap(&mut work.items, usize::from(wrap_at), &mut work.spans);
    // Only a paragraph off the fast path can hold hidden cells (isolates, directional marks).
    let hidden = classes.is_none() && work.has_hidden();
    let rows = if p.code { 1 } else { work.spans.len() };
    let (mut cut, mut padded) = (Vec::new(), Vec::new());
    let mut first = true;
    work.emit_rows(range.clone(), rows, true, hidden, levels, opts, |r| {
        let pad = if std::mem::take(&mut first) {
            lead
        } else {
            hang
        };
        let room = width - pad;
        let row = if !p.code {
            r
        } else if r.width <= room {
            RowRef {
                end: range.end as u32,
                ..r
            }
        } else {
            let w = cut_row(&r, room, &mut cut);
            RowRef {
                cells: &cut,
                width: w,
                end: range.end as u32,
                ..r
            }
        };
        if pad == 0 {
            emit(row);
        } else {
            hang_row(&row, pad, &mut padded);
            emit(RowRef {
                cells: &padded,
                width: row.width + pad,
                ..row
            });
        }
        true
    });
}

/// The cells of `row` after `hang` blank cells on its reading side (its right when it is right
/// to left), into `out`.
fn hang_row(row: &RowRef<'_>, hang: u16, out: &mut Vec<Cell>) {
    out.clear();
    let blank = Cell {
        start: row.start,
        end: row.start,
        width: 1,
        glyph: Glyph::Blank,
    };
    let blanks = std::iter::repeat_n(blank, usize::from(hang));
    if row.rtl {
        out.extend_from_slice(row.cells);
        out.extend(blanks);
    } else {
        out.extend(blanks);
        out.extend_from_slice(row.cells);
    }
}

/// The cells of `row` that fit in `width` columns with [`CUT_MARK`] after them, kept from the
/// row's reading side (the left of a left-to-right row), into `out`; returns their width.
fn cut_row(row: &RowRef<'_>, width: u16, out: &mut Vec<Cell>) -> u16 {
    out.clear();
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut keep = |c: &Cell, out: &mut Vec<Cell>| {
        let fits = used + u16::from(c.width) <= room;
        if fits {
            used += u16::from(c.width);
            out.push(*c);
        }
        fits
    };
    if row.rtl {
        for c in row.cells.iter().rev() {
            if !keep(c, out) {
                break;
            }
        }
        out.reverse();
    } else {
        for c in row.cells {
            if !keep(c, out) {
                break;
            }
        }
    }
    let mark = Cell {
        start: row.end,
        end: row.end,
        width: 1,
        glyph: Glyph::Char(CUT_MARK),
    };
    if row.rtl {
        out.insert(0, mark);
    } else {
        out.push(mark);
    }
    used + 1
}

impl Work {
    /// Whether some item is a hidden cell (an isolate or directional mark, which takes part
    /// in reordering and is then dropped).
    fn has_hidden(&self) -> bool {
        self.items.iter().any(|it| it.cell.glyph == Glyph::Hidden)
    }

    /// Hands the first `take` rows of `spans` to `emit`, in visual order, until it returns false
    /// (then returns false). `range` is the paragraph's; `at_start` says the first span is
    /// its first row; `hidden` that some item is a hidden cell; `levels` are the paragraph's.
    #[allow(clippy::too_many_arguments)]
    fn emit_rows(
        &mut self,
        range: Range<usize>,
        take: usize,
        at_start: bool,
        hidden: bool,
        levels: &bidi::Levels,
        opts: &LayoutOptions,
        mut emit: impl FnMut(RowRef<'_>) -> bool,
    ) -> bool {
        let base = range.start;
        let rtl = levels.para % 2 == 1;
        let Work {
            items,
            spans,
            cells,
            row_levels,
            island,
            ..
        } = self;
        for (k, span) in spans.iter().enumerate().take(take) {
            let shown = &items[span.items.start..span.shown];
            cells.clear();
            row_levels.clear();
            // Simple passes the compiler can keep tight: copy the cells, then their levels, then
            // mirror the few that need it.
            cells.extend(shown.iter().map(|it| it.cell));
            row_levels.extend(cells.iter().map(|c| levels.at(c.start as usize - base)));
            let width = cells.iter().map(|c| u16::from(c.width)).sum();
            if (opts.reorder || opts.mirror) && !*island {
                for ((cell, it), &l) in cells.iter_mut().zip(shown).zip(row_levels.iter()) {
                    if it.mirrors {
                        bidi::mirror(cell, l, it.first);
                    }
                }
            }
            if opts.reorder {
                bidi::reorder_row(cells, shown, row_levels, levels.para);
            }
            if hidden {
                cells.retain(|c| c.glyph != Glyph::Hidden);
            }
            // Rows tile the paragraph: hidden format characters belong to the row they fall in.
            let start = if k == 0 && at_start {
                base
            } else {
                items[span.items.start].cell.start as usize
            };
            let end = spans.get(k + 1).map_or(range.end, |next| {
                items[next.items.start].cell.start as usize
            });
            let go_on = emit(RowRef {
                cells,
                width,
                rtl,
                marked: opts.marks,
                logical_runs: opts.logical_runs,
                start: start as u32,
                end: end as u32,
            });
            if !go_on {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    //! The fast paths against the general ones, on random paragraphs made mostly of what the
    //! fast paths take (so both branches are exercised), with a sprinkling of what they refuse.
    use super::bidi::Levels;
    use super::graphemes::{items_fast, items_general};
    use crate::chars::props::ClassSet;
    use proptest::prelude::*;

    /// Right-to-left prose: Arabic and Hebrew letters, harakat, three digit systems,
    /// separators, terminators, neutrals, brackets, spaces and tabs.
    const RTL: &[&str] = &[
        "ا", "ب", "ل", "لا", "م", "ة", "ى", "ي", "ء", "أ", "پ", "א", "\u{064B}", "\u{064E}",
        "\u{0651}", "\u{0670}", "ـ", "1", "2", "0", "٣", "٤", "۴", "۵", ".", ",", "،", "؛", ":",
        "/", "-", "+", "%", "$", "#", "٪", "(", ")", "[", "]", "«", "»", "“", "”", "–", "…", "!",
        "<", " ", " ", " ", "\t", "\u{00A0}",
    ];
    /// Left-to-right prose.
    const LTR: &[&str] = &[
        "a",
        "Z",
        "é",
        "e\u{0301}",
        "1",
        "2",
        ".",
        ",",
        ":",
        "-",
        "+",
        "%",
        "(",
        ")",
        "“",
        "”",
        " ",
        " ",
        "\t",
    ];
    /// What the fast paths refuse: bidi controls, joiners, prepended marks, soft hyphen,
    /// emoji, wide letters, controls, paragraph separators.
    const WILD: &[&str] = &[
        "\u{200F}", "\u{200E}", "\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{200D}",
        "\u{200C}", "\u{0600}", "\u{00AD}", "👍", "漢", "\x1b", "\u{85}", "\u{2029}",
    ];

    /// Paragraphs of one of three mixes: right-to-left prose, left-to-right prose, or
    /// everything together.
    fn paragraph() -> impl Strategy<Value = String> {
        let all: Vec<&str> = [RTL, LTR, WILD].concat();
        let of = |pool: Vec<&'static str>| {
            prop::collection::vec(prop::sample::select(pool), 0..40).prop_map(|v| v.concat())
        };
        prop_oneof![of(RTL.to_vec()), of(LTR.to_vec()), of(all)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn fast_clusters_equal_the_general_ones(text in paragraph(), base in 0usize..3, show in any::<bool>()) {
            let mut fast = Vec::new();
            let mut general = Vec::new();
            items_general(&text, base, show, &mut general);
            if let Some(classes) = items_fast(&text, base, show, &mut fast) {
                prop_assert_eq!(fast, general);
                prop_assert_eq!(classes, ClassSet::of(&text));
            }
        }

        #[test]
        fn fast_levels_equal_the_general_ones(text in paragraph(), default_rtl in any::<bool>()) {
            let mut fast = Levels::default();
            let mut general = Levels::default();
            general.resolve_general(&text, default_rtl);
            if fast.resolve_simple(&text, default_rtl, ClassSet::of(&text)) {
                prop_assert_eq!(fast.para, general.para);
                prop_assert_eq!(&fast.bytes, &general.bytes);
            }
        }

        #[test]
        fn levels_found_as_runs_are_the_levels_a_byte(
            text in paragraph(),
            default_rtl in any::<bool>(),
            forced in any::<Option<bool>>(),
        ) {
            let mut bytes = Levels::default();
            bytes.resolve_as(&text, default_rtl, forced, None);
            let mut runs = Levels::default();
            runs.resolve_runs(&text, default_rtl, forced);
            prop_assert_eq!(runs.para, bytes.para);
            for i in 0..=text.len() {
                prop_assert_eq!(runs.at(i), bytes.at(i), "byte {}", i);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// A long paragraph laid out a window at a time gives the rows it gives laid out at
        /// once, wherever the windows end.
        #[test]
        fn windows_give_the_rows_of_the_whole(
            text in paragraph(),
            lead in 0usize..3,
            width in 1u16..12,
            window in 1usize..24,
            shape in any::<bool>(),
            show_controls in any::<bool>(),
        ) {
            let doc = format!("{}{text}", "x".repeat(lead));
            let range = lead..doc.len();
            let opts = super::LayoutOptions { shape, show_controls, ..Default::default() };
            let whole = super::layout_paragraph(&doc, range.clone(), width, &opts);
            prop_assume!(!text.is_empty());
            // Found and kept as a long paragraph's are.
            let mut levels = Levels::default();
            levels.resolve_runs(&text, opts.default_rtl, None);
            let mut rows: Vec<super::VisualRow> = Vec::new();
            super::long::windows(&doc, range, 0, width, &opts, &levels, &mut super::Work::default(), window, |r| {
                rows.push(r.into());
                true
            });
            prop_assert_eq!(rows, whole);
        }
    }

    #[test]
    fn prose_takes_the_fast_paths() {
        for (text, rtl) in [
            (
                "حلف شمال الأطلسي (الناتو) خلال عام 2023؛ شريكاً “رئيسياً” – 1.5%",
                true,
            ),
            ("12 - 34", true),
            ("NATO (the alliance) met 3 times, 50% of 2023.", false),
        ] {
            let mut items = Vec::new();
            assert!(items_fast(text, 0, false, &mut items).is_some(), "{text}");
            assert!(
                Levels::default().resolve_simple(text, rtl, ClassSet::of(text)),
                "{text}"
            );
        }
    }
}
