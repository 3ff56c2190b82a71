//! Laid-out paragraphs kept per width, so scrolling never lays out a paragraph twice and a
//! resize re-lays out only what is shown.

use super::{LayoutOptions, VisualRow, layout_paragraph};
use crate::document::Document;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Rows of paragraphs at one width, computed on demand. Filling it does not change what the
/// reader shows, so it fills behind a shared reference: drawing, which reads the app without
/// changing it, lays out the paragraphs it shows the first time.
pub struct LayoutCache {
    width: u16,
    opts: LayoutOptions,
    paras: RefCell<HashMap<usize, Rc<[VisualRow]>>>,
}

impl LayoutCache {
    /// An empty cache for `width` columns.
    pub fn new(width: u16, opts: LayoutOptions) -> Self {
        LayoutCache {
            width,
            opts,
            paras: RefCell::default(),
        }
    }

    /// The width rows are laid out at.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// The options rows are laid out with.
    pub fn options(&self) -> LayoutOptions {
        self.opts
    }

    /// Drops every row if the width changed (a resize); keeps them otherwise.
    pub fn set_width(&mut self, width: u16) {
        if width != self.width {
            self.width = width;
            self.paras.get_mut().clear();
        }
    }

    /// The rows of paragraph `para` of `doc`.
    pub fn rows(&self, doc: &Document, para: usize) -> Rc<[VisualRow]> {
        if let Some(r) = self.paras.borrow().get(&para) {
            return Rc::clone(r);
        }
        let rows: Rc<[VisualRow]> =
            layout_paragraph(&doc.text, doc.line(para), self.width, &self.opts).into();
        self.paras.borrow_mut().insert(para, Rc::clone(&rows));
        rows
    }
}
