//! Splits a paragraph into grapheme cells in logical order, measured the way a terminal draws
//! them, with control characters turned into visible symbols and invisible format characters set aside.

use super::cell::{Cell, Glyph};
use unicode_bidi::{BidiClass, bidi_class};
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
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// The cell as it will be drawn (the width of a tab is set when wrapping).
    pub cell: Cell,
    /// Whether a row may break after it.
    pub brk: Break,
    /// Bidi class is whitespace (reset to the paragraph level at a row end, rule L1).
    pub ws: bool,
}

/// Invisible format characters that a terminal must not receive raw: bidi marks, embeddings,
/// overrides and isolates, zero-width spaces and joiners, word joiner, byte order mark.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// The visible symbol shown for a control character (C0, DEL, C1), or `None` for other characters.
/// C0 controls use the Control Pictures block (ESC shows as ␛), so an escape sequence in a
/// document is displayed and never reaches the terminal.
pub fn control_symbol(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('␡'),
        '\u{80}'..='\u{9F}' => Some('¤'),
        '\u{2028}' => Some('↵'),
        '\u{2029}' => Some('¶'),
        _ => None,
    }
}

/// The symbol `--show-controls` puts where an invisible format character is.
pub fn format_symbol(c: char) -> char {
    match c {
        '\u{200E}' | '\u{202A}' | '\u{202D}' | '\u{2066}' => '→',
        '\u{200F}' | '\u{061C}' | '\u{202B}' | '\u{202E}' | '\u{2067}' => '←',
        '\u{2068}' => '↔',
        '\u{202C}' | '\u{2069}' => '⇤',
        _ => '⁞',
    }
}

/// Splits `text` (one paragraph, starting at absolute byte `base`) into logical items.
/// Invisible format characters get no cell unless `show_controls` is set; a lone combining mark
/// is drawn on a dotted circle so it cannot fuse with the previous cell.
pub fn items(text: &str, base: usize, show_controls: bool, out: &mut Vec<Item>) {
    for (off, g) in text.grapheme_indices(true) {
        let start = (base + off) as u32;
        let end = start + g.len() as u32;
        let mut chars = g.chars();
        let first = chars.next().unwrap_or(' ');
        let lone = chars.next().is_none();
        let (glyph, width, brk) = if g == " " {
            (Glyph::Source, 1, Break::Space)
        } else if g == "\t" {
            (Glyph::Blank, 1, Break::Tab)
        } else if let Some(sym) = control_symbol(first) {
            (Glyph::Symbol(sym), 1, Break::No)
        } else if is_invisible_format(first) && g.chars().all(is_invisible_format) {
            if !show_controls {
                continue;
            }
            (Glyph::Symbol(format_symbol(first)), 1, Break::No)
        } else {
            match g.width() {
                0 => (Glyph::Base('◌'), 1, Break::No),
                1 => (Glyph::Source, 1, Break::No),
                _ => (Glyph::Source, 2, Break::No),
            }
        };
        let ws = brk != Break::No || (lone && bidi_class(first) == BidiClass::WS);
        out.push(Item {
            cell: Cell {
                start,
                end,
                width,
                glyph,
            },
            brk,
            ws,
        });
    }
}
