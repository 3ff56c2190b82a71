//! The reader's state in one place and `update(Action)`, the only way it changes. Drawing
//! lives in `ui`; keys are turned into actions by `keymap`.

use crate::document::Document;
use crate::layout::{LayoutCache, LayoutOptions, VisualRow};
use std::rc::Rc;

/// Everything a key can ask the reader to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll one row down.
    LineDown,
    /// Scroll one row up.
    LineUp,
    /// Scroll a screen down.
    PageDown,
    /// Scroll a screen up.
    PageUp,
    /// Scroll half a screen down.
    HalfPageDown,
    /// Scroll half a screen up.
    HalfPageUp,
    /// Go to the start of the document.
    Top,
    /// Go to the end of the document.
    Bottom,
    /// Scroll by this many rows (mouse wheel; negative is up).
    Scroll(i32),
    /// Show or hide the help overlay.
    Help,
    /// Close an overlay (Esc never quits).
    Close,
    /// Leave qari.
    Quit,
}

/// A row of the document: paragraph index and row within that paragraph's layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Paragraph (source line) index.
    pub para: usize,
    /// Row within the paragraph at the current width.
    pub row: usize,
}

/// An overlay drawn over the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing over the article.
    None,
    /// The key help.
    Help,
}

/// The reader's state.
pub struct App {
    /// The document being read.
    pub doc: Document,
    /// Laid-out paragraphs at the article view's width.
    pub layout: LayoutCache,
    /// First visible row.
    pub top: Pos,
    /// Rows the article view shows.
    pub height: u16,
    /// What is drawn over the article.
    pub overlay: Overlay,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Encoding the document was decoded from (shown in the status bar when not UTF-8).
    pub encoding: &'static str,
    /// A message for the status bar (decoding problems, "not found", …).
    pub notice: Option<String>,
}

impl App {
    /// A reader at the top of `doc`.
    pub fn new(doc: Document, opts: LayoutOptions) -> App {
        App {
            doc,
            layout: LayoutCache::new(80, opts),
            top: Pos::default(),
            height: 1,
            overlay: Overlay::None,
            quit: false,
            encoding: "UTF-8",
            notice: None,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let page = i64::from(self.height.max(2) - 1);
        match action {
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::HalfPageDown => self.scroll(i64::from(self.height / 2).max(1)),
            Action::HalfPageUp => self.scroll(-i64::from(self.height / 2).max(1)),
            Action::Scroll(n) => self.scroll(i64::from(n)),
            Action::Top => self.top = Pos::default(),
            Action::Bottom => self.top = self.last_top(),
            Action::Help => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            Action::Close => self.overlay = Overlay::None,
            Action::Quit => self.quit = true,
        }
    }

    /// Sets the article view's size. A new width re-lays out the text and keeps the row that
    /// holds the first visible byte at the top, so the reader does not lose their place.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.height = height.max(1);
        if width != self.layout.width() {
            let anchor = self.top_byte();
            self.layout.set_width(width.max(1));
            self.jump_to_byte(anchor);
        } else {
            self.top = self.top.min(self.last_top());
        }
    }

    /// Rows of paragraph `para` at the current width.
    pub fn rows(&mut self, para: usize) -> Rc<[VisualRow]> {
        self.layout.rows(&self.doc, para)
    }

    /// First source byte of the top row.
    pub fn top_byte(&mut self) -> usize {
        let top = self.top;
        self.rows(top.para)
            .get(top.row)
            .map_or(self.doc.line(top.para).start, |r| r.start as usize)
    }

    /// Puts the row holding byte `offset` at the top (as far as the end of the document allows).
    pub fn jump_to_byte(&mut self, offset: usize) {
        if self.doc.is_empty() {
            self.top = Pos::default();
            return;
        }
        let para = self.doc.line_at(offset);
        let rows = self.rows(para);
        let row = rows
            .iter()
            .rposition(|r| r.start as usize <= offset)
            .unwrap_or(0);
        self.top = Pos { para, row }.min(self.last_top());
    }

    /// The row after `p`, if any.
    pub fn next_pos(&mut self, p: Pos) -> Option<Pos> {
        if p.row + 1 < self.rows(p.para).len() {
            Some(Pos {
                para: p.para,
                row: p.row + 1,
            })
        } else if p.para + 1 < self.doc.len() {
            Some(Pos {
                para: p.para + 1,
                row: 0,
            })
        } else {
            None
        }
    }

    /// The row before `p`, if any.
    pub fn prev_pos(&mut self, p: Pos) -> Option<Pos> {
        if p.row > 0 {
            Some(Pos {
                para: p.para,
                row: p.row - 1,
            })
        } else if p.para > 0 {
            let n = self.rows(p.para - 1).len();
            Some(Pos {
                para: p.para - 1,
                row: n.saturating_sub(1),
            })
        } else {
            None
        }
    }

    /// The top row that shows the document's last row on the view's last line. Lays out only
    /// the last screenful, so `G` is instant on a file of any size.
    pub fn last_top(&mut self) -> Pos {
        if self.doc.is_empty() {
            return Pos::default();
        }
        let last_para = self.doc.len() - 1;
        let mut p = Pos {
            para: last_para,
            row: self.rows(last_para).len().saturating_sub(1),
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
    fn scroll(&mut self, n: i64) {
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
    pub fn percent(&mut self) -> u16 {
        let last = self.last_top();
        if self.top >= last {
            return 100;
        }
        let len = self.doc.text.len().max(1);
        (self.top_byte() * 100 / len) as u16
    }
}
