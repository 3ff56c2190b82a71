//! Moving through the document by rows: the top row, paging, jumps to a byte, the last screenful.

use super::{App, Pos};
use crate::document::structure::LineKind;
use crate::layout::{LayoutCache, Rows};

/// Columns a plain article's pull quote is indented by on each side.
pub const QUOTE_INDENT: u16 = 2;

impl App {
    /// Sets the article view's size. A new width re-lays out the text and keeps the row that
    /// holds the first visible byte at the top, so the reader does not lose their place.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.height = height.max(1);
        if width != self.layout.width() {
            // The byte the reader was at before the first of a run of resizes: re-anchoring on
            // each intermediate width would drift up a row at every narrower one.
            let anchor = match self.anchor {
                Some(a) => a,
                None => self.top_byte(),
            };
            self.anchor = Some(anchor);
            self.layout.set_width(width.max(1));
            self.quote_layout
                .set_width(width.saturating_sub(2 * QUOTE_INDENT).max(1));
            self.jump_to_byte(anchor);
        } else {
            self.top = self.top.min(self.last_top());
        }
    }

    /// Rows of paragraph `para` at the current width, holding row `near`: none for a line the
    /// reader does not need to see twice (the title printed again), narrower for a pull quote.
    pub fn rows(&self, para: usize, near: usize) -> Rows {
        match self.layout_of(para) {
            Some(cache) => cache.rows(&self.doc, para, near),
            None => Rows::default(),
        }
    }

    /// How many rows paragraph `para` takes.
    fn row_count(&self, para: usize) -> usize {
        self.layout_of(para)
            .map_or(0, |cache| cache.count(&self.doc, para))
    }

    /// The layout paragraph `para` is shown with: none for a line the reader does not need to
    /// see twice, the narrower one for a pull quote.
    fn layout_of(&self, para: usize) -> Option<&LayoutCache> {
        match self.outline.kinds.get(para) {
            Some(LineKind::TitleRepeat) => None,
            Some(LineKind::Blank)
                if para > 0 && self.outline.kinds.get(para - 1) == Some(&LineKind::TitleRepeat) =>
            {
                None
            }
            _ if self.pull_quote(para) => Some(&self.quote_layout),
            _ => Some(&self.layout),
        }
    }

    /// Whether paragraph `para` is a plain article's pull quote, shown [`QUOTE_INDENT`] in from
    /// each side. A Markdown block quote is not: its layout indents it on its reading side.
    pub fn pull_quote(&self, para: usize) -> bool {
        self.doc.blocks.is_none() && self.outline.kinds.get(para) == Some(&LineKind::Quote)
    }

    /// First source byte of the top row.
    pub fn top_byte(&self) -> usize {
        self.top_byte_at(self.top)
    }

    /// First source byte of row `p`; a paragraph's first row starts with it, so that needs no
    /// layout (a one-megabyte line is not laid out just to be asked where it starts).
    fn top_byte_at(&self, p: Pos) -> usize {
        if p.row == 0 {
            return self.doc.line(p.para).start;
        }
        self.rows(p.para, p.row)
            .get(p.row)
            .map_or(self.doc.line(p.para).start, |r| r.start as usize)
    }

    /// Puts the row holding byte `offset` at the top (as far as the end of the document allows).
    pub fn jump_to_byte(&mut self, offset: usize) {
        if self.doc.is_empty() {
            self.top = Pos::default();
            return;
        }
        let para = self.doc.line_at(offset);
        let row = self
            .layout_of(para)
            .map_or(0, |cache| cache.row_at(&self.doc, para, offset));
        self.top = Pos { para, row }.min(self.last_top());
    }

    /// The row after `p`, if any (hidden lines have no rows and are skipped).
    pub fn next_pos(&self, p: Pos) -> Option<Pos> {
        if p.row + 1 < self.row_count(p.para) {
            return Some(Pos {
                para: p.para,
                row: p.row + 1,
            });
        }
        (p.para + 1..self.doc.len())
            .find(|&q| self.row_count(q) > 0)
            .map(|para| Pos { para, row: 0 })
    }

    /// The row before `p`, if any.
    pub fn prev_pos(&self, p: Pos) -> Option<Pos> {
        if p.row > 0 {
            return Some(Pos {
                para: p.para,
                row: p.row - 1,
            });
        }
        (0..p.para).rev().find_map(|q| {
            let n = self.row_count(q);
            (n > 0).then(|| Pos {
                para: q,
                row: n - 1,
            })
        })
    }

    /// The top row that shows the document's last row on the view's last line. Lays out only
    /// the last screenful, so `G` is instant on a file of any size.
    pub fn last_top(&self) -> Pos {
        if self.doc.is_empty() {
            return Pos::default();
        }
        let last_para = self.doc.len() - 1;
        let mut p = Pos {
            para: last_para,
            row: self.row_count(last_para).saturating_sub(1),
        };
        for _ in 1..self.height {
            match self.prev_pos(p) {
                Some(q) => p = q,
                None => break,
            }
        }
        p
    }

    /// Moves the top by `n` rows (negative: up), never past the last screenful.
    pub(super) fn scroll(&mut self, n: i64) {
        let mut p = self.top;
        if n > 0 {
            let limit = self.last_top();
            for _ in 0..n {
                if p >= limit {
                    break;
                }
                match self.next_pos(p) {
                    Some(q) => p = q,
                    None => break,
                }
            }
            p = p.min(limit);
        } else {
            for _ in 0..n.unsigned_abs() {
                match self.prev_pos(p) {
                    Some(q) => p = q,
                    None => break,
                }
            }
        }
        self.top = p;
    }

    /// How far through the document the view is, in percent of bytes (100 at the end).
    pub fn percent(&self) -> u16 {
        let last = self.last_top();
        if self.top >= last {
            return 100;
        }
        let len = self.doc.text.len().max(1);
        (self.top_byte() * 100 / len) as u16
    }

    /// Scrolls so that byte `at` is on screen: left alone if it already is, else its row goes
    /// to the top.
    pub fn reveal(&mut self, at: usize) {
        let first = self.top_byte();
        let mut p = self.top;
        let mut last_end = first;
        for _ in 1..self.height {
            match self.next_pos(p) {
                Some(q) => p = q,
                None => break,
            }
        }
        if let Some(r) = self.rows(p.para, p.row).get(p.row) {
            last_end = r.end as usize;
        }
        if at < first || at >= last_end {
            self.jump_to_byte(at);
        }
    }
}
