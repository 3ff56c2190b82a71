//! The block document: what each stretch of the document text is (title, heading, list item,
//! code…) and how its words are styled (strong, emphasis, code, link…), all as byte ranges of
//! the document text. A format reader (Markdown) builds it; plain text has none and is read
//! one line a paragraph.

use std::ops::Range;

/// What a block is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The document's title (from the front matter).
    Title,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// Running text.
    Paragraph,
    /// A block quote's paragraph.
    Quote,
    /// A list item: its marker (`•`, `3.`, `☐`) is the start of its text; `depth` counts the
    /// lists it is nested in (0 for a top-level list).
    ListItem {
        /// The marker as shown.
        marker: String,
        /// Nesting depth.
        depth: u8,
    },
    /// Code, one text line per code line, with the language of its fence.
    Code {
        /// The fence's language (`rust`, `python`), empty when none is given.
        lang: String,
    },
    /// A row of a table; its cells are byte ranges of the text (the row's line).
    TableRow {
        /// The cells, in logical order.
        cells: Vec<Range<usize>>,
        /// The header row.
        header: bool,
    },
    /// A thematic break, drawn as a rule.
    Break,
    /// An image standing alone: its alt text.
    Image,
}

/// A block: its kind, where its text is, and its direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text in the document (one or more whole lines).
    pub range: Range<usize>,
    /// Right to left (its first strong character; code: left to right unless mostly
    /// right-to-left prose); `None` when it has no strong character: the document's direction.
    pub rtl: Option<bool>,
    /// Block quotes it sits in (0: none).
    pub quote: u8,
}

/// Inline styles as bit flags, so one run carries every style that covers it.
pub mod style {
    /// Strong (`**`).
    pub const STRONG: u8 = 1;
    /// Emphasis (`*`).
    pub const EMPHASIS: u8 = 2;
    /// Underlined (`<u>`).
    pub const UNDERLINE: u8 = 4;
    /// Inline code.
    pub const CODE: u8 = 8;
    /// A link's text.
    pub const LINK: u8 = 16;
    /// Struck through (`~~`).
    pub const STRIKE: u8 = 32;
    /// An image's alt text.
    pub const IMAGE: u8 = 64;
}

/// A stretch of text with the same inline styles (a set of [`style`] flags).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleRun {
    /// Where it is in the document text.
    pub range: Range<usize>,
    /// Its [`style`] flags.
    pub flags: u8,
}

/// A link: its text in the document and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The link text's range in the document text.
    pub range: Range<usize>,
    /// The URL.
    pub url: String,
}

/// Everything a format reader knows beyond the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blocks {
    /// The blocks in order; the lines between them are blank.
    pub blocks: Vec<Block>,
    /// Styled stretches in order, never overlapping (unstyled text has none).
    pub styles: Vec<StyleRun>,
    /// Links in order.
    pub links: Vec<Link>,
    /// The front matter's fields other than the title, in order: never body text.
    pub metadata: Vec<(String, String)>,
    /// The tables, in order.
    pub tables: Vec<Table>,
    /// The table of contents the document carries (an e-book's), in order: the outline takes
    /// these as its sections instead of the headings. Empty for a document without one.
    pub contents: Vec<Contents>,
    /// What the reader should know about how the document was read (a web page read whole
    /// because no article was found in it).
    pub notice: Option<String>,
}

/// An entry of a document's own table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contents {
    /// Where the entry's target starts in the document text.
    pub start: usize,
    /// 1 for the document's title, 2 for a top-level entry, 3 for one nested under it.
    pub level: u8,
    /// What the table of contents calls it.
    pub title: String,
}

/// A table: which blocks are its rows, its direction, and its columns' widths once measured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Indices of its rows in [`Blocks::blocks`] (the header first).
    pub rows: Range<usize>,
    /// Its direction: its header's (`None`: no strong character, the document's).
    pub rtl: Option<bool>,
    /// The width each column needs to hold its widest cell on one row, in terminal columns:
    /// measured by the layout the first time one of its rows is laid out.
    pub natural: std::sync::OnceLock<Vec<u16>>,
}

impl Blocks {
    /// Where the text is code, in order: code blocks and inline code. Names are never looked
    /// for there.
    pub fn code(&self) -> Vec<Range<usize>> {
        let blocks = self
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Code { .. }))
            .map(|b| b.range.clone());
        let inline = self
            .styles
            .iter()
            .filter(|r| r.flags & style::CODE != 0)
            .map(|r| r.range.clone());
        let mut all: Vec<Range<usize>> = blocks.chain(inline).collect();
        all.sort_by_key(|r| r.start);
        all
    }

    /// The block holding byte `offset`, if any (a blank line between blocks has none).
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        self.blocks.get(self.index_at(offset)?)
    }

    /// The index in [`Blocks::blocks`] of the block holding byte `offset`, as [`Blocks::block_at`].
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.start <= offset);
        let i = i.checked_sub(1)?;
        (offset <= self.blocks.get(i)?.range.end).then_some(i)
    }

    /// The table block `i` is a row of, and the row's cells.
    pub fn table_row(&self, i: usize) -> Option<(&Table, &[Range<usize>])> {
        let BlockKind::TableRow { cells, .. } = &self.blocks.get(i)?.kind else {
            return None;
        };
        let t = self.tables.partition_point(|t| t.rows.start <= i);
        let table = self.tables.get(t.checked_sub(1)?)?;
        table.rows.contains(&i).then_some((table, cells.as_slice()))
    }

    /// The style flags of the text at byte `offset` (0: unstyled).
    pub fn style_at(&self, offset: usize) -> u8 {
        let i = self.styles.partition_point(|s| s.range.end <= offset);
        self.styles
            .get(i)
            .filter(|s| s.range.start <= offset)
            .map_or(0, |s| s.flags)
    }

    /// Keeps the first `n` blocks and the text, styles, links and tables they hold, and drops
    /// the rest: `text` ends with the last block kept.
    pub fn truncate(&mut self, text: &mut String, n: usize) {
        if n >= self.blocks.len() {
            return;
        }
        let end = n
            .checked_sub(1)
            .and_then(|i| self.blocks.get(i))
            .map_or(0, |b| b.range.end);
        self.blocks.truncate(n);
        text.truncate(end);
        self.styles.retain(|s| s.range.start < end);
        if let Some(last) = self.styles.last_mut() {
            last.range.end = last.range.end.min(end);
        }
        self.links.retain(|l| l.range.start < end);
        if let Some(last) = self.links.last_mut() {
            last.range.end = last.range.end.min(end);
        }
        self.tables.retain(|t| t.rows.start < n);
        if let Some(last) = self.tables.last_mut() {
            last.rows.end = last.rows.end.min(n);
        }
        self.contents.retain(|c| c.start < end);
    }

    /// The links whose text meets the byte range `r`.
    pub fn links_in(&self, r: Range<usize>) -> impl Iterator<Item = &Link> {
        let i = self.links.partition_point(|l| l.range.end <= r.start);
        self.links[i..]
            .iter()
            .take_while(move |l| l.range.start < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block of `kind` over `range`, of the document's direction, in no quote.
    fn block(kind: BlockKind, range: Range<usize>) -> Block {
        Block {
            kind,
            range,
            rtl: None,
            quote: 0,
        }
    }

    #[test]
    fn styles_and_blocks_are_found_by_offset() {
        let b = Blocks {
            blocks: vec![
                block(BlockKind::Paragraph, 0..4),
                block(BlockKind::Break, 6..6),
            ],
            styles: vec![StyleRun {
                range: 1..3,
                flags: style::STRONG,
            }],
            links: vec![],
            metadata: vec![],
            tables: vec![],
            contents: vec![],
            notice: None,
        };
        assert_eq!(b.style_at(0), 0);
        assert_eq!(b.style_at(1), style::STRONG);
        assert_eq!(b.style_at(3), 0);
        assert_eq!(b.block_at(2).map(|b| &b.kind), Some(&BlockKind::Paragraph));
        assert_eq!(b.block_at(5), None, "the blank line between blocks");
        assert_eq!(b.block_at(6).map(|b| &b.kind), Some(&BlockKind::Break));
    }

    #[test]
    fn truncating_keeps_what_the_kept_blocks_hold() {
        let row = |r: Range<usize>| {
            let cells = vec![r.clone()];
            block(
                BlockKind::TableRow {
                    cells,
                    header: false,
                },
                r,
            )
        };
        let mut text = "para\n\nab\ncd".to_string();
        let mut b = Blocks {
            blocks: vec![block(BlockKind::Paragraph, 0..4), row(6..8), row(9..11)],
            styles: vec![StyleRun {
                range: 7..10,
                flags: style::STRONG,
            }],
            links: vec![Link {
                range: 9..11,
                url: "/x".into(),
            }],
            tables: vec![Table {
                rows: 1..3,
                ..Table::default()
            }],
            ..Blocks::default()
        };
        b.truncate(&mut text, 2);
        assert_eq!(text, "para\n\nab");
        assert_eq!(b.blocks.len(), 2);
        assert_eq!(b.styles[0].range, 7..8);
        assert!(b.links.is_empty());
        assert_eq!(b.tables[0].rows, 1..2);
        b.truncate(&mut text, 1);
        assert_eq!(text, "para");
        assert!(b.tables.is_empty() && b.styles.is_empty());
    }
}
