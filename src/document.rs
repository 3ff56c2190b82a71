//! The decoded text split into paragraphs (one source line each), with the document's
//! direction. Everything here speaks in byte offsets of `Document::text`.

use std::ops::Range;

/// A document ready to lay out: its text, where each line is, and its direction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The decoded text (UTF-8); every offset in qari points into it.
    pub text: String,
    /// The name shown to the user (file name, `stdin`, or the embedded article's title).
    pub name: String,
    /// Byte range of each line, without its terminator (`\n`, `\r\n` or `\r`).
    lines: Vec<(u32, u32)>,
    /// Mostly right-to-left text: paragraphs without a strong character go right to left.
    pub rtl: bool,
}

impl Document {
    /// Splits `text` into lines and finds its direction.
    pub fn new(text: String, name: impl Into<String>) -> Document {
        let lines = split_lines(&text);
        let rtl = is_mostly_rtl(&text);
        Document {
            text,
            name: name.into(),
            lines,
            rtl,
        }
    }

    /// Number of lines (paragraphs).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True for a document with no lines at all.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Byte range of line `i`.
    pub fn line(&self, i: usize) -> Range<usize> {
        self.lines
            .get(i)
            .map_or(0..0, |&(s, e)| s as usize..e as usize)
    }

    /// Text of line `i`.
    pub fn line_text(&self, i: usize) -> &str {
        self.text.get(self.line(i)).unwrap_or("")
    }

    /// The line holding byte `offset` (the last line for an offset past the end).
    pub fn line_at(&self, offset: usize) -> usize {
        let o = offset as u32;
        self.lines
            .partition_point(|&(_, e)| e < o)
            .min(self.lines.len().saturating_sub(1))
    }
}

/// Line ranges of `text`: split at `\n`, `\r\n` and lone `\r`; a final terminator does not
/// start another line.
fn split_lines(text: &str) -> Vec<(u32, u32)> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                lines.push((start as u32, i as u32));
                start = i + 1;
            }
            b'\r' => {
                lines.push((start as u32, i as u32));
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        lines.push((start as u32, b.len() as u32));
    }
    lines
}

/// Whether right-to-left letters outnumber left-to-right ones in the first 64 KiB.
fn is_mostly_rtl(text: &str) -> bool {
    use unicode_bidi::{BidiClass, bidi_class};
    let (mut r, mut l) = (0usize, 0usize);
    for c in text.chars().take(64 * 1024) {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => r += 1,
            BidiClass::L => l += 1,
            _ => {}
        }
    }
    r > l || (r == 0 && l == 0)
}
