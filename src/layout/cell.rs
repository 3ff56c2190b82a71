//! One terminal cell of laid-out text and the source bytes it shows.

use std::borrow::Cow;

/// Source bytes of a cluster a cell draws in full. A longer one (a letter under thousands of
/// marks, an endless emoji sequence) is drawn cut short, its first character and the marks
/// among its first bytes, then [`MORE`]: the text keeps it all, the terminal gets a few bytes.
pub const MAX_CELL_BYTES: usize = 64;

/// Drawn after the marks of a cluster cut short: a combining ellipsis (three dots above).
pub const MORE: char = '\u{20DB}';

/// What a cell draws. Most cells draw their source bytes as they are; the others say what
/// replaces them, so no `String` is kept per cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// The source bytes of the cell, unchanged.
    Source,
    /// This character, followed by the combining marks of the source bytes (harakat stay on their
    /// letter): a presentation form, lam-alef ligature or mirrored bracket of letters that carry
    /// marks, a lone mark on a dotted circle, the first character of a cluster longer than
    /// [`MAX_CELL_BYTES`] (then followed by the marks of those bytes only, and [`MORE`]).
    Base(char),
    /// This character alone: the visible stand-in for a control character or escape byte, or a
    /// presentation form or mirrored bracket in place of a character that carries no marks.
    Char(char),
    /// `width` spaces: an expanded tab.
    Blank,
    /// Nothing, in no columns: an isolate or a directional mark, which UAX #9 keeps (unlike
    /// embeddings and overrides, removed by rule X9) and reorders with the text around it
    /// (rule L2). It takes part in reordering and is dropped from the row right after.
    Hidden,
}

/// A cell of a visual row: what it draws, how many terminal columns that takes, and the byte
/// range of the document it came from (absolute offsets into the decoded text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// First source byte shown by this cell.
    pub start: u32,
    /// One past the last source byte shown by this cell.
    pub end: u32,
    /// Columns the terminal uses to draw it (1 or 2; a tab up to 8).
    pub width: u8,
    /// What is drawn.
    pub glyph: Glyph,
}

impl Cell {
    /// The text to put in the terminal for this cell, given the document text.
    pub fn text<'a>(&self, doc: &'a str) -> Cow<'a, str> {
        match self.glyph {
            Glyph::Source => Cow::Borrowed(doc.get(self.range()).unwrap_or("")),
            _ => {
                let mut s = Vec::new();
                self.push_utf8(doc, &mut s);
                Cow::Owned(String::from_utf8(s).unwrap_or_default())
            }
        }
    }

    /// Appends the text of this cell to `out` as UTF-8 (as [`Cell::text`], without allocating:
    /// plain output writes whole documents through it). Inlined for the cells that draw their
    /// source bytes, which are nearly all of them.
    #[inline]
    pub fn push_utf8(&self, doc: &str, out: &mut Vec<u8>) {
        match self.glyph {
            // Nearly every cell is one or two bytes (ASCII, an Arabic letter): pushed bytewise,
            // they cost less than a call to copy a slice of unknown length.
            Glyph::Source => match *doc.as_bytes().get(self.range()).unwrap_or(&[]) {
                [a, b] => out.extend_from_slice(&[a, b]),
                [a] => out.push(a),
                ref src => out.extend_from_slice(src),
            },
            // A presentation form: most of the rest.
            Glyph::Char(c) => push_char(out, c),
            _ => self.push_replaced(doc, out),
        }
    }

    /// [`Cell::push_utf8`] for the few cells it does not write inline: expanded tabs, and
    /// letters drawn with the marks of their source.
    fn push_replaced(&self, doc: &str, out: &mut Vec<u8>) {
        match self.glyph {
            Glyph::Blank => out.extend(std::iter::repeat_n(b' ', usize::from(self.width))),
            Glyph::Base(c) => {
                push_char(out, c);
                let src = doc.get(self.range()).unwrap_or("");
                let head = src
                    .char_indices()
                    .take_while(|&(i, _)| i < MAX_CELL_BYTES)
                    .map(|(_, m)| m);
                for m in head.filter(|&m| is_mark(m)) {
                    push_char(out, m);
                }
                if src.len() > MAX_CELL_BYTES {
                    push_char(out, MORE);
                }
            }
            // Written inline by `push_utf8`, which never calls this for them; hidden cells
            // never leave the layout.
            Glyph::Source | Glyph::Char(_) | Glyph::Hidden => {}
        }
    }

    /// Draws `c` in place of the first `replaced` source bytes (the letters it stands for):
    /// alone when they are all the cell holds, else followed by the marks after them.
    pub fn replace_with(&mut self, c: char, replaced: usize) {
        self.glyph = if (self.end - self.start) as usize == replaced {
            Glyph::Char(c)
        } else {
            Glyph::Base(c)
        };
    }

    /// The character the cell draws first (a letter, before its marks), if it draws any.
    pub fn first_char(&self, doc: &str) -> Option<char> {
        match self.glyph {
            Glyph::Char(c) | Glyph::Base(c) => Some(c),
            Glyph::Source => doc.get(self.range()).and_then(|s| s.chars().next()),
            Glyph::Blank | Glyph::Hidden => None,
        }
    }

    /// The source byte range as `usize`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Appends `c` as UTF-8. Presentation forms are three bytes: pushed as such, they cost less than
/// a call to copy a slice of unknown length.
#[inline]
fn push_char(out: &mut Vec<u8>, c: char) {
    match *c.encode_utf8(&mut [0; 4]).as_bytes() {
        [a, b, c] => out.extend_from_slice(&[a, b, c]),
        [a, b] => out.extend_from_slice(&[a, b]),
        ref s => out.extend_from_slice(s),
    }
}

/// Combining marks (harakat, accents, enclosing marks) that ride on the previous letter and are
/// kept when the letter itself is replaced by a presentation form or a mirror: the zero-width
/// characters other than the invisible format characters (ZWJ, ZWNJ, bidi marks, BOM).
pub fn is_mark(c: char) -> bool {
    use crate::chars::props::{Kind, lookup};
    use unicode_width::UnicodeWidthChar;
    // Letters of the table are not marks: skip the width lookup for them (most shaped cells).
    if lookup(c).is_some_and(|p| p.kind == Kind::Base) {
        return false;
    }
    c.width() == Some(0) && !crate::chars::is_invisible(c)
}
