//! UAX #9 for one paragraph: embedding levels (through `unicode-bidi`), then per row the
//! line rules L1 (trailing whitespace and tabs to the paragraph level), L2 (reverse runs) and
//! L4 (mirror brackets at odd levels), which `unicode-bidi` does not apply to cells.

use super::cell::{Cell, Glyph};
use super::graphemes::{Break, Item};
use unicode_bidi::{Direction, Level, ParagraphBidiInfo, get_base_direction};

/// Resolved levels of a paragraph: its own level and one level per byte.
pub struct Levels {
    /// The paragraph embedding level (odd: right to left).
    pub para: u8,
    /// The level of each byte of the paragraph (rules W, N, I applied; L1 not yet).
    pub bytes: Vec<Level>,
}

/// Resolves the levels of `para`. Its direction is that of its first strong character (rules
/// P2, P3); a paragraph with none takes the document's direction (`default_rtl`).
pub fn resolve(para: &str, default_rtl: bool) -> Levels {
    let rtl = match get_base_direction(para) {
        Direction::Rtl => true,
        Direction::Ltr => false,
        Direction::Mixed => default_rtl,
    };
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(para, Some(level));
    Levels {
        para: info.paragraph_level.number(),
        bytes: info.levels,
    }
}

/// Puts one row of cells (logical order, with their items' break kinds) into visual order.
/// `level_of` gives each cell's resolved level.
pub fn reorder_row(cells: &mut [Cell], kinds: &[(Break, bool)], levels: &mut [u8], para: u8) {
    // L1: whitespace before a tab and at the end of the row, and tabs themselves, take the
    // paragraph level, so a trailing space of a right-to-left row stays at its left end.
    let mut trailing = true;
    for i in (0..cells.len()).rev() {
        let (brk, ws) = kinds[i];
        if brk == Break::Tab {
            levels[i] = para;
            trailing = true;
        } else if ws && trailing {
            levels[i] = para;
        } else {
            trailing = false;
        }
    }
    // L4: mirrored glyphs for characters resolved right to left.
    // (Done before reversal; only the glyph changes, not the order.)
    // L2: from the highest level down to the lowest odd level, reverse every run at or above it.
    let max = levels.iter().copied().max().unwrap_or(0);
    let min_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(max + 1);
    let mut lv = max;
    while lv >= min_odd && lv > 0 {
        let mut i = 0;
        while i < cells.len() {
            if levels[i] >= lv {
                let mut j = i;
                while j < cells.len() && levels[j] >= lv {
                    j += 1;
                }
                cells[i..j].reverse();
                levels[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        lv -= 1;
    }
}

/// Rule L4: a character with a mirrored glyph, resolved at an odd level, is drawn mirrored:
/// `(الناتو)` keeps its brackets facing the word.
pub fn mirror(cell: &mut Cell, level: u8, para: &str, base: usize) {
    if level % 2 == 0 || cell.glyph != Glyph::Source {
        return;
    }
    let s = para
        .get(cell.start as usize - base..cell.end as usize - base)
        .unwrap_or("");
    if let Some(m) = s
        .chars()
        .next()
        .and_then(unicode_bidi_mirroring::get_mirrored)
    {
        cell.glyph = Glyph::Base(m);
    }
}

/// The break kinds of items, as `reorder_row` wants them.
pub fn kinds(items: &[Item]) -> Vec<(Break, bool)> {
    items.iter().map(|it| (it.brk, it.ws)).collect()
}
