//! The chapters joined into one document: each chapter's text and blocks appended after the
//! ones before (its offsets moved by where it starts), where each chapter and each element a
//! table-of-contents entry points into starts, and the outline those entries make.

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
    /// How many bytes of text the chapters added so far hold.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

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
/// start: found by their first words (for an empty anchor, `<a id="x"/>` before a heading, the
/// words after it), in order, each after the one before. An id whose element is not there, or
/// whose words are not found, is left out (its entry points to the chapter's start). The
/// chapter is parsed as HTML, as the HTML reader parses it: one that is not well-formed XML (an
/// `&nbsp;` its DTD would define) is still searched.
fn anchors(xhtml: &str, text: &str, ids: &[&str]) -> Vec<(String, usize)> {
    let doc = dom_query::Document::from(xhtml);
    let nodes = doc.root().descendants();
    let mut found: Vec<(String, usize)> = Vec::new();
    for &id in ids {
        let is_target = |n: &dom_query::NodeRef| {
            n.attr("id").as_deref() == Some(id)
                || (n.node_name().as_deref() == Some("a") && n.attr("name").as_deref() == Some(id))
        };
        let Some(at) = nodes.iter().position(is_target) else {
            continue;
        };
        let texts: Vec<_> = nodes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .filter(|n| n.is_text())
            .map(|n| n.text())
            .take(ANCHOR_WORDS)
            .collect();
        let words: Vec<&str> = texts
            .iter()
            .flat_map(|t| t.split_whitespace())
            .take(ANCHOR_WORDS)
            .collect();
        let from = found.last().map_or(0, |(_, at)| *at);
        if let Some(at) = find_words(text, from, &words) {
            found.push((id.to_owned(), at));
        }
    }
    found
}

/// Where `words` stand in `text` from byte `from` on, with any white space between them (the
/// HTML reader puts line ends between blocks, nothing inside a word split by inline tags): the
/// first place that starts a line, else the first place.
fn find_words(text: &str, from: usize, words: &[&str]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    let mut anywhere = None;
    for (i, _) in text.get(from..)?.match_indices(first) {
        let at = from + i;
        let mut after = text.get(at + first.len()..).unwrap_or("");
        let follows = rest
            .iter()
            .all(|w| match after.trim_start().strip_prefix(w) {
                Some(more) => {
                    after = more;
                    true
                }
                None => false,
            });
        if !follows {
            continue;
        }
        if at == 0 || text.as_bytes().get(at - 1) == Some(&b'\n') {
            return Some(at);
        }
        anywhere.get_or_insert(at);
    }
    anywhere
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_across_blocks_and_split_words() {
        let text = "مقدمة فيها الفصل الأول\n\nالفصل الأول\n\nنص الفصل";
        assert_eq!(
            find_words(text, 0, &["الفصل", "الأول", "نص"]),
            Some(text.find("الفصل الأول\n\nنص").unwrap_or(usize::MAX)),
            "a heading and the paragraph after it"
        );
        assert_eq!(
            find_words(text, 0, &["الفصل", "الأول"]),
            Some(text.find("\nالفصل").unwrap_or(usize::MAX) + 1),
            "a place starting a line first"
        );
        assert_eq!(find_words("Arabic", 0, &["Ara", "bic"]), Some(0));
        assert_eq!(find_words(text, 0, &[]), None);
        assert_eq!(find_words(text, 0, &["غائب"]), None);
    }

    #[test]
    fn anchors_point_at_their_elements_words() {
        let xhtml = "<html><body><p>مقدمة &nbsp; الفصل</p><h2 id=\"a\">الفصل <em>الثاني</em></h2>\
                     <p>نص</p><a name=\"b\"></a><p>خاتمة الكتاب</p></body></html>";
        let (text, _) = crate::format::html::read(xhtml);
        let found = anchors(xhtml, &text, &["a", "b", "missing"]);
        let at = |id: &str| {
            found
                .iter()
                .find(|(i, _)| i == id)
                .and_then(|(_, at)| text.get(*at..))
        };
        assert!(
            at("a").is_some_and(|t| t.starts_with("الفصل الثاني")),
            "{found:?}"
        );
        assert!(at("b").is_some_and(|t| t.starts_with("خاتمة")), "{found:?}");
        assert_eq!(at("missing"), None);
    }
}
