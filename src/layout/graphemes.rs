//! Splits a paragraph into grapheme cells in logical order, measured the way a terminal draws
//! them, with control characters turned into visible symbols and invisible format characters set aside.

use super::cell::{Cell, Glyph, MAX_CELL_BYTES};
use crate::chars::props::{self, ClassSet, Kind, Props};
use crate::chars::{control_symbol, format_symbol, is_invisible};
use unicode_bidi::BidiClass;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Where a row may break after a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
    /// Part of a word.
    No,
    /// An ASCII space: rows break after it.
    Space,
    /// A tab: a space whose width depends on its column, and a UAX #9 segment separator.
    Tab,
}

/// A cell in logical order, before wrapping and reordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// The cell as it will be drawn (the width of a tab is set when wrapping).
    pub cell: Cell,
    /// Whether a row may break after it.
    pub brk: Break,
    /// Bidi class is whitespace (reset to the paragraph level at a row end, rule L1).
    pub ws: bool,
    /// Draws its source character, which has a mirrored glyph (rule L4 applies at odd levels).
    pub mirrors: bool,
    /// The first character of the cluster (what shaping and mirroring look at), kept so they
    /// need not decode the source again.
    pub first: char,
}

/// Splits `text` (one paragraph, starting at absolute byte `base`) into logical items.
/// Invisible format characters get no cell unless `show_controls` is set; a lone combining mark
/// is drawn on a dotted circle so it cannot fuse with the previous cell.
/// Returns the bidi classes of `text` when they were found on the way (the fast path).
pub fn items(
    text: &str,
    base: usize,
    show_controls: bool,
    out: &mut Vec<Item>,
) -> Option<ClassSet> {
    let mark = out.len();
    let classes = items_fast(text, base, show_controls, out);
    if classes.is_none() {
        out.truncate(mark);
        items_general(text, base, show_controls, out);
    }
    classes
}

/// `items` with clusters from `unicode-segmentation`: right for every text.
pub(crate) fn items_general(text: &str, base: usize, show_controls: bool, out: &mut Vec<Item>) {
    for (off, g) in text.grapheme_indices(true) {
        push_cluster(g, base + off, show_controls, out);
    }
}

/// `items` with clusters found from the property table alone, for text made only of characters
/// it covers: a cluster is a `Base` (or a leading `Extend`) and the `Extend`s after it, a tab
/// is a cluster of its own. Returns the bidi classes of the text; or `None`, having pushed
/// garbage, at the first other character.
pub(crate) fn items_fast(
    text: &str,
    base: usize,
    show_controls: bool,
    out: &mut Vec<Item>,
) -> Option<ClassSet> {
    let table = props::table();
    // The cluster being collected: its start, and its character while it is one `Base` alone.
    let mut open: Option<(usize, Option<(char, Props)>)> = None;
    let mut classes = ClassSet::default();
    let close = |open: Option<(usize, Option<(char, Props)>)>, end: usize, out: &mut Vec<Item>| {
        match open {
            Some((s, Some((c, p)))) => out.push(simple_item(c, p, base + s, base + end)),
            Some((s, None)) => {
                push_cluster(text.get(s..end).unwrap_or(""), base + s, show_controls, out)
            }
            None => {}
        }
    };
    for (off, c) in text.char_indices() {
        let p = table.get(c)?;
        classes.add(p.class);
        match p.kind {
            Kind::Base => {
                close(open, off, out);
                open = Some((off, Some((c, p))));
            }
            Kind::Extend => match &mut open {
                Some((_, single)) => *single = None,
                None => open = Some((off, None)),
            },
            Kind::Alone => {
                close(open, off, out);
                let end = off + c.len_utf8();
                push_cluster(
                    text.get(off..end).unwrap_or(""),
                    base + off,
                    show_controls,
                    out,
                );
                open = None;
            }
            Kind::Other => return None,
        }
    }
    close(open, text.len(), out);
    Some(classes)
}

/// The item of a cluster that is the one `Base` character `c` (entry `p`) at `start..end`:
/// the bulk of any text, a character that draws itself in one column.
fn simple_item(c: char, p: Props, start: usize, end: usize) -> Item {
    let brk = if c == ' ' { Break::Space } else { Break::No };
    Item {
        cell: Cell {
            start: start as u32,
            end: end as u32,
            width: 1,
            glyph: Glyph::Source,
        },
        brk,
        ws: brk != Break::No || p.class == BidiClass::WS,
        mirrors: p.mirrors,
        first: c,
    }
}

/// Pushes the item of cluster `g`, which starts at absolute byte `at`.
fn push_cluster(g: &str, at: usize, show_controls: bool, out: &mut Vec<Item>) {
    let start = at as u32;
    let end = start + g.len() as u32;
    let mut chars = g.chars();
    let first = chars.next().unwrap_or(' ');
    let lone = chars.next().is_none();
    if let Some(p) = props::lookup(first).filter(|p| lone && p.kind == Kind::Base) {
        out.push(simple_item(first, p, at, at + g.len()));
        return;
    }
    if show_controls && !lone && g.chars().any(is_invisible) {
        return push_split(g, at, out);
    }
    let (glyph, width, brk) = if g == " " {
        (Glyph::Source, 1, Break::Space)
    } else if g == "\t" {
        (Glyph::Blank, 1, Break::Tab)
    } else if let Some(sym) = control_symbol(first) {
        (Glyph::Char(sym), 1, Break::No)
    } else if is_invisible(first) && g.chars().all(is_invisible) {
        if show_controls {
            (Glyph::Char(format_symbol(first)), 1, Break::No)
        } else if removed_by_x9(props::class(first)) {
            return;
        } else {
            (Glyph::Hidden, 0, Break::No)
        }
    } else {
        match g.width() {
            0 => (Glyph::Base('◌'), 1, Break::No),
            // A joiner inside an emoji sequence is part of the picture; anywhere else an
            // invisible character is not sent: the cell draws its letter and marks only.
            2 if !g.chars().any(|c| c != '\u{200D}' && is_invisible(c)) => {
                (Glyph::Source, 2, Break::No)
            }
            w if g.chars().any(is_invisible) => (Glyph::Base(first), w.min(2) as u8, Break::No),
            1 => (Glyph::Source, 1, Break::No),
            _ => (Glyph::Source, 2, Break::No),
        }
    };
    // A cluster too long to send whole each frame is drawn cut short (see `MAX_CELL_BYTES`).
    let glyph = if glyph == Glyph::Source && g.len() > MAX_CELL_BYTES {
        Glyph::Base(first)
    } else {
        glyph
    };
    // Rule L1 takes isolate initiators and PDI at the end of a row with the whitespace there.
    let ws = brk != Break::No
        || (lone
            && matches!(
                props::class(first),
                BidiClass::WS | BidiClass::LRI | BidiClass::RLI | BidiClass::FSI | BidiClass::PDI
            ));
    out.push(Item {
        cell: Cell {
            start,
            end,
            width,
            glyph,
        },
        brk,
        ws,
        mirrors: glyph == Glyph::Source && props::mirrored(first).is_some(),
        first,
    });
}

/// Pushes cluster `g` (at absolute byte `at`) for `--show-controls` as several items: each
/// invisible character in it (a joiner after a letter, tag characters after an emoji, a soft
/// hyphen) its own symbol, the characters between them drawn as clusters of their own.
fn push_split(g: &str, at: usize, out: &mut Vec<Item>) {
    let mut from = 0;
    for (i, c) in g.char_indices() {
        if is_invisible(c) {
            if from < i {
                push_cluster(g.get(from..i).unwrap_or(""), at + from, true, out);
            }
            let end = i + c.len_utf8();
            push_cluster(g.get(i..end).unwrap_or(""), at + i, true, out);
            from = end;
        }
    }
    if from < g.len() {
        push_cluster(g.get(from..).unwrap_or(""), at + from, true, out);
    }
}

/// Characters rule X9 removes: embeddings, overrides, their terminator and boundary neutrals
/// (zero-width characters, soft hyphen). They have no level and no place in a row; the other
/// invisible characters (isolates, directional marks) keep theirs until the row is reordered.
fn removed_by_x9(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(class, BN | LRE | RLE | LRO | RLO | PDF)
}
