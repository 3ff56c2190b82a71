//! The chapters joined into one document: each chapter's text and blocks appended after the
//! ones before (its offsets moved by where it starts), where each chapter and each element a
//! table-of-contents entry points into starts, and the outline those entries make.

use super::package::{text_of, xml};
use super::toc;
use crate::document::blocks::{BlockKind, Blocks, Contents, Table};
use std::collections::HashMap;

/// How many words of a target element's text are looked for in its chapter's text.
const ANCHOR_WORDS: usize = 8;

/// The book so far.
#[derive(Default)]
pub struct Joined {
    text: String,
    blocks: Blocks,
    /// Where each chapter starts, by its entry in the archive.
    starts: HashMap<String, usize>,
    /// Where each element a table-of-contents entry points into starts: (entry, id) ▸ offset.
    anchors: HashMap<(String, String), usize>,
}

impl Joined {
    /// How many chapters were added.
    pub fn chapters(&self) -> usize {
        self.starts.len()
    }

    /// Appends the chapter `path` whose XHTML is `xhtml`; `entries` says which of its elements
    /// the table of contents points to.
    pub fn chapter(&mut self, path: &str, xhtml: &str, entries: &[toc::Entry]) {
        let (text, blocks) = crate::format::html::read(xhtml);
        // Chapters are apart as blocks are: by an empty line.
        if !text.is_empty() {
            while !self.text.is_empty() && !self.text.ends_with("\n\n") {
                self.text.push('\n');
            }
        }
        let start = self.text.len();
        self.starts.insert(path.to_owned(), start);
        let fragments: Vec<&str> = entries
            .iter()
            .filter(|e| e.target.path == path)
            .filter_map(|e| e.target.fragment.as_deref())
            .collect();
        if !fragments.is_empty() {
            for (id, at) in anchors(xhtml, &text, &fragments) {
                self.anchors.insert((path.to_owned(), id), start + at);
            }
        }
        self.text.push_str(&text);
        append(&mut self.blocks, blocks, start);
    }

    /// The book's text and blocks, with `entries` as its outline under `title` unless they
    /// point nowhere in it or are in another script than its text (its headings are its
    /// outline then).
    pub fn finish(mut self, title: Option<&str>, entries: &[toc::Entry]) -> (String, Blocks) {
        let mut contents: Vec<Contents> = entries
            .iter()
            .filter_map(|e| {
                let start = match &e.target.fragment {
                    Some(id) => self
                        .anchors
                        .get(&(e.target.path.clone(), id.clone()))
                        .or_else(|| self.starts.get(&e.target.path)),
                    None => self.starts.get(&e.target.path),
                };
                Some(Contents {
                    start: *start?,
                    level: 2 + e.depth.min(1),
                    title: e.label.clone(),
                })
            })
            .collect();
        let labels: String = contents.iter().map(|c| c.title.as_str()).collect();
        let foreign = labels.chars().any(char::is_alphabetic)
            && crate::document::is_mostly_rtl(&labels)
                != crate::document::is_mostly_rtl(&self.text);
        if !contents.is_empty() && !foreign && !self.text.is_empty() {
            contents.sort_by_key(|c| c.start);
            if let Some(t) = title {
                contents.insert(
                    0,
                    Contents {
                        start: 0,
                        level: 1,
                        title: t.to_owned(),
                    },
                );
            }
            self.blocks.contents = contents;
        }
        (self.text, self.blocks)
    }
}

/// Appends `more`, whose text starts at byte `at` of the document, to `blocks`.
fn append(blocks: &mut Blocks, more: Blocks, at: usize) {
    let shift = |r: &mut std::ops::Range<usize>| {
        r.start += at;
        r.end += at;
    };
    let first = blocks.blocks.len();
    for mut b in more.blocks {
        shift(&mut b.range);
        if let BlockKind::TableRow { cells, .. } = &mut b.kind {
            cells.iter_mut().for_each(shift);
        }
        blocks.blocks.push(b);
    }
    for mut s in more.styles {
        shift(&mut s.range);
        blocks.styles.push(s);
    }
    for mut l in more.links {
        shift(&mut l.range);
        blocks.links.push(l);
    }
    for t in more.tables {
        blocks.tables.push(Table {
            rows: t.rows.start + first..t.rows.end + first,
            rtl: t.rtl,
            natural: Default::default(),
        });
    }
}

/// Where in `text` (a chapter's converted text) the elements of `xhtml` with the ids `ids`
/// start: found by the first words of their text, in order, each after the one before. An id
/// whose element has no text, or whose words are not found, is left out (its entry points to
/// the chapter's start).
fn anchors(xhtml: &str, text: &str, ids: &[&str]) -> Vec<(String, usize)> {
    let Ok(doc) = xml("", xhtml) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for &id in ids {
        let Some(el) = doc.descendants().find(|n| {
            n.attribute("id") == Some(id)
                || n.attribute(("http://www.w3.org/XML/1998/namespace", "id")) == Some(id)
        }) else {
            continue;
        };
        // The element's own words, or for an empty anchor (`<a id="x"/>` before a heading)
        // the words that follow it.
        let words: Vec<String> = doc
            .descendants()
            .skip_while(|n| *n != el)
            .filter(|n| n.is_text())
            .map(|n| text_of(&n))
            .find(|t| !t.is_empty())
            .map(|t| t.split(' ').take(ANCHOR_WORDS).map(str::to_owned).collect())
            .unwrap_or_default();
        if words.is_empty() {
            continue;
        }
        let from = found.last().map_or(0, |(_, at): &(String, usize)| *at);
        let needle = words.join(" ");
        if let Some(at) = text.get(from..).and_then(|t| t.find(&needle)) {
            found.push((id.to_owned(), from + at));
        }
    }
    found
}
