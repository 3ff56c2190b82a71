//! The decoded text split into paragraphs (one source line each), with the document's
//! direction. Everything here speaks in byte offsets of `Document::text`.

pub mod blocks;
mod lines;
pub mod structure;

use crate::format::Format;

use std::ops::Range;
use std::sync::Arc;

/// A document ready to lay out: its text, where each line is, and its direction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The decoded text (UTF-8); every offset in qari points into it. Shared, so background
    /// work (entity recognition) reads it without a copy.
    pub text: Arc<String>,
    /// The name shown to the user (file name, `stdin`, or the embedded article's title).
    pub name: String,
    /// Where each line is, without its terminator (`\n`, `\r\n` or `\r`).
    lines: lines::Lines,
    /// Mostly right-to-left text: paragraphs without a strong character go right to left.
    pub rtl: bool,
    /// The format it was read from.
    pub format: Format,
    /// Its blocks and inline styles, from a format with markup; `None` for plain text, read
    /// one line a paragraph.
    pub blocks: Option<Arc<blocks::Blocks>>,
}

impl Document {
    /// Splits `text` into lines and finds its direction.
    pub fn new(text: String, name: impl Into<String>) -> Document {
        let lines = lines::Lines::new(text.as_bytes());
        let rtl = is_mostly_rtl(&text);
        Document {
            text: text.into(),
            name: name.into(),
            lines,
            rtl,
            format: Format::Text,
            blocks: None,
        }
    }

    /// A document read from `format`: its shown text and its blocks.
    pub fn with_blocks(
        text: String,
        name: impl Into<String>,
        format: Format,
        blocks: blocks::Blocks,
    ) -> Document {
        Document {
            format,
            blocks: Some(Arc::new(blocks)),
            ..Document::new(text, name)
        }
    }

    /// The block line `i` belongs to (none for plain text or a blank line between blocks).
    pub fn block(&self, i: usize) -> Option<&blocks::Block> {
        let b = self.blocks.as_ref()?;
        b.block_at(self.line(i).start)
    }

    /// The direction line `i` is laid out in, when its block decides it (`None`: its own first
    /// strong character, as for plain text): every line of a block takes the block's.
    pub fn direction(&self, i: usize) -> Option<bool> {
        self.block(i).and_then(|b| b.rtl)
    }

    /// Whether line `i` is code: never mirrored, never wrapped.
    pub fn is_code(&self, i: usize) -> bool {
        matches!(
            self.block(i).map(|b| &b.kind),
            Some(blocks::BlockKind::Code { .. })
        )
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
        self.lines.range(self.text.as_bytes(), i)
    }

    /// Byte ranges of the lines from `from` on, in order: cheaper than [`Document::line`] for
    /// each of them.
    pub fn lines_from(&self, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lines.iter_from(self.text.as_bytes(), from)
    }

    /// Text of line `i`.
    pub fn line_text(&self, i: usize) -> &str {
        self.text.get(self.line(i)).unwrap_or("")
    }

    /// The line holding byte `offset` (the last line for an offset past the end).
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines.line_at(self.text.as_bytes(), offset)
    }
}

/// Whether right-to-left letters outnumber left-to-right ones in the first 64 KiB (or there are
/// no letters at all).
pub(crate) fn is_mostly_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass;
    // The layout table answers for Arabic and Latin in one array access.
    let table = crate::chars::props::table();
    let (mut r, mut l) = (0usize, 0usize);
    for c in text.chars().take(64 * 1024) {
        match table.class(c) {
            BidiClass::R | BidiClass::AL => r += 1,
            BidiClass::L => l += 1,
            _ => {}
        }
    }
    r > l || (r == 0 && l == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<String> {
        let d = Document::new(t.to_string(), "t");
        (0..d.len()).map(|i| d.line_text(i).to_string()).collect()
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(
            lines("a\n\nb\n"),
            ["a", "", "b"],
            "a final line end starts no line"
        );
        assert_eq!(lines("\r\n\r\n"), ["", ""]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn line_at_finds_the_line_of_an_offset() {
        let d = Document::new("ab\ncd\n".to_string(), "t");
        assert_eq!(d.line_at(0), 0);
        assert_eq!(d.line_at(2), 0, "the line end belongs to its line");
        assert_eq!(d.line_at(3), 1);
        assert_eq!(d.line_at(100), 1);
    }

    #[test]
    fn direction_follows_the_majority_of_letters() {
        assert!(Document::new("مرحبا بالعالم hello".to_string(), "t").rtl);
        assert!(!Document::new("hello world مرحبا".to_string(), "t").rtl);
    }
}
