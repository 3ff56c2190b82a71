//! Laid-out paragraphs kept per width, so scrolling never lays out a paragraph twice and a
//! resize re-lays out only what is shown.
//!
//! A long paragraph (a whole book on one line) would take thirty bytes a byte as rows of cells:
//! of it the cache keeps where each row starts and the paragraph's levels, and lays out the
//! rows around the one asked for, a window at a time.

use super::bidi::Levels;
use super::{LayoutOptions, Scratch, VisualRow, Work, layout_line, long};
use crate::document::Document;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Rows laid out at once around the one asked for, in a long paragraph.
const WINDOW_ROWS: usize = 256;

/// Rows of a paragraph: all of them, or for a long paragraph those of a window around the row
/// asked for; [`Rows::len`] counts them all either way.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    /// The paragraph's first row held in `rows`.
    first: usize,
    /// All the rows of the paragraph.
    count: usize,
    rows: Rc<[VisualRow]>,
}

impl Rows {
    /// Rows that are all there.
    fn all(rows: Rc<[VisualRow]>) -> Rows {
        Rows {
            first: 0,
            count: rows.len(),
            rows,
        }
    }

    /// How many rows the paragraph has.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True for a paragraph shown on no row (a hidden line).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Row `k` of the paragraph, if it is among those held (always, for the row asked for).
    pub fn get(&self, k: usize) -> Option<&VisualRow> {
        self.rows.get(k.checked_sub(self.first)?)
    }
}

/// A long paragraph: where its rows start, its levels, and the last window of rows laid out.
struct Long {
    /// First source byte of each row.
    starts: Vec<u32>,
    levels: Levels,
    window: Rows,
}

/// Rows of paragraphs at one width, computed on demand. Filling it does not change what the
/// reader shows, so it fills behind a shared reference: drawing, which reads the app without
/// changing it, lays out the paragraphs it shows the first time.
pub struct LayoutCache {
    width: u16,
    opts: LayoutOptions,
    paras: RefCell<HashMap<usize, Rc<[VisualRow]>>>,
    long: RefCell<HashMap<usize, Long>>,
    work: RefCell<Work>,
}

impl LayoutCache {
    /// An empty cache for `width` columns.
    pub fn new(width: u16, opts: LayoutOptions) -> Self {
        LayoutCache {
            width,
            opts,
            paras: RefCell::default(),
            long: RefCell::default(),
            work: RefCell::default(),
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
            self.long.get_mut().clear();
        }
    }

    /// The rows of paragraph `para` of `doc`, holding at least row `near` if there is one
    /// (`usize::MAX`: any rows, as long as the count is right).
    pub fn rows(&self, doc: &Document, para: usize, near: usize) -> Rows {
        let range = doc.line(para);
        if range.len() <= long::WINDOW {
            if let Some(r) = self.paras.borrow().get(&para) {
                return Rows::all(Rc::clone(r));
            }
            let mut rows = Vec::new();
            let scratch = &mut Scratch::default();
            layout_line(doc, range, self.width, &self.opts, scratch, |r| {
                rows.push(r.into());
            });
            let rows: Rc<[VisualRow]> = rows.into();
            self.paras.borrow_mut().insert(para, Rc::clone(&rows));
            return Rows::all(rows);
        }
        let (width, opts) = (self.width, self.opts);
        let work = &mut *self.work.borrow_mut();
        let mut all = self.long.borrow_mut();
        let long = all
            .entry(para)
            .or_insert_with(|| Long::new(doc, para, width, &opts, work));
        let w = &long.window;
        let held = (w.first..w.first + w.rows.len()).contains(&near) || near >= w.count;
        if near != usize::MAX && !held {
            long.window = long.window_at(doc, para, near, width, &opts, work);
        }
        long.window.clone()
    }

    /// How many rows paragraph `para` of `doc` takes (a long one's are counted, not kept).
    pub fn count(&self, doc: &Document, para: usize) -> usize {
        self.rows(doc, para, usize::MAX).len()
    }

    /// The row of paragraph `para` of `doc` that holds byte `offset`.
    pub fn row_at(&self, doc: &Document, para: usize, offset: usize) -> usize {
        if let Some(long) = self.long.borrow().get(&para) {
            return long.row_at(offset);
        }
        let rows = self.rows(doc, para, usize::MAX);
        match self.long.borrow().get(&para) {
            Some(long) => long.row_at(offset),
            None => rows
                .rows
                .iter()
                .rposition(|r| r.start as usize <= offset)
                .unwrap_or(0),
        }
    }
}

impl Long {
    /// The row that holds byte `offset`.
    fn row_at(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Finds where every row of paragraph `para` starts, keeping nothing else of them.
    fn new(doc: &Document, para: usize, width: u16, opts: &LayoutOptions, work: &mut Work) -> Long {
        let range = doc.line(para);
        // Kept as runs for the windows laid out later, and found as runs: a level a byte would
        // be as large as the paragraph.
        let mut levels = Levels::default();
        levels.resolve_runs(
            doc.text.get(range.clone()).unwrap_or(""),
            opts.default_rtl,
            doc.direction(para),
        );
        let mut starts = Vec::new();
        long::rows_from(&doc.text, range, 0, width, opts, &levels, work, |r| {
            starts.push(r.start);
            true
        });
        starts.shrink_to_fit();
        let count = starts.len();
        Long {
            starts,
            levels,
            window: Rows {
                first: 0,
                count,
                rows: Rc::from([]),
            },
        }
    }

    /// The rows of a window holding row `near`, a few screens before it and more after.
    fn window_at(
        &self,
        doc: &Document,
        para: usize,
        near: usize,
        width: u16,
        opts: &LayoutOptions,
        work: &mut Work,
    ) -> Rows {
        let range = doc.line(para);
        let first = near.saturating_sub(WINDOW_ROWS / 4);
        let from = self
            .starts
            .get(first)
            .map_or(0, |&s| s as usize - range.start);
        let mut rows = Vec::with_capacity(WINDOW_ROWS);
        long::rows_from(
            &doc.text,
            range,
            from,
            width,
            opts,
            &self.levels,
            work,
            |r| {
                rows.push(r.into());
                rows.len() < WINDOW_ROWS
            },
        );
        Rows {
            first,
            count: self.starts.len(),
            rows: rows.into(),
        }
    }
}
