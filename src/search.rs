//! Search: Arabic-insensitive, smart-case matching over folded copies of the text, reporting
//! matches as source byte ranges.
//!
//! A query and the text are folded the same way ([`crate::arabic::normalize`]) and matched with
//! a plain substring search on the folded copy; the copy's offset map turns each hit back into
//! the source range it came from, harakat of the last letter included.

use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use memchr::memmem::{Finder, FinderRev};

use crate::arabic::{Fold, Normalized, fold_str};

/// How forgiving a search is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Ignore harakat, tatweel and Arabic spelling variants; smart case for Latin letters.
    #[default]
    Loose,
    /// Match characters exactly (case included); only whitespace runs are still unified.
    Exact,
}

/// The three ways a text is ever folded for search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    LooseIgnoreCase,
    LooseMatchCase,
    Exact,
}

impl Kind {
    fn fold(self) -> Fold {
        match self {
            Kind::LooseIgnoreCase => Fold::LOOSE,
            Kind::LooseMatchCase => Fold {
                case: false,
                ..Fold::LOOSE
            },
            Kind::Exact => Fold::EXACT,
        }
    }
}

/// A folded query, ready to be run against any [`Index`].
#[derive(Clone, Debug)]
pub struct Query {
    kind: Kind,
    /// Length of the folded query in bytes.
    len: usize,
    finder: Finder<'static>,
    finder_rev: FinderRev<'static>,
}

impl Query {
    /// Folds `text` for `mode`; `None` when nothing is left to look for (an empty query, only
    /// whitespace, or in loose mode only harakat).
    ///
    /// Smart case: a loose query is case-insensitive unless it contains a capital letter.
    pub fn new(text: &str, mode: Mode) -> Option<Query> {
        let kind = match mode {
            Mode::Exact => Kind::Exact,
            Mode::Loose if text.chars().any(char::is_uppercase) => Kind::LooseMatchCase,
            Mode::Loose => Kind::LooseIgnoreCase,
        };
        let folded = fold_str(text, kind.fold());
        // Whitespace around a query means nothing: a match is what lies between its ends.
        let needle = folded.trim_matches(' ');
        if needle.is_empty() {
            return None;
        }
        Some(Query {
            kind,
            len: needle.len(),
            finder: Finder::new(needle.as_bytes()).into_owned(),
            finder_rev: FinderRev::new(needle.as_bytes()).into_owned(),
        })
    }
}

/// A document prepared for searching: the source and its folded copy, built on the first query
/// that needs it and kept for the next ones of the same kind.
#[derive(Debug)]
pub struct Index {
    /// The document's text, shared with the document rather than copied (a 50 MB file).
    source: Arc<String>,
    /// The text folded for the last kind of query, and that kind: one copy at a time, since
    /// each is as large as the text.
    folded: Mutex<Option<(Kind, Arc<Normalized>)>>,
}

impl Index {
    /// Prepares `text` for searching. Cheap: the folding happens on the first search.
    pub fn new(text: impl Into<Arc<String>>) -> Index {
        Index {
            source: text.into(),
            folded: Default::default(),
        }
    }

    /// The copy of the text folded the way `q` was.
    fn folded(&self, q: &Query) -> Arc<Normalized> {
        let mut slot = self.folded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kind, n)) = slot.as_ref()
            && *kind == q.kind
        {
            return Arc::clone(n);
        }
        // The old copy goes first, so that two are never held at once.
        *slot = None;
        let n = Arc::new(Normalized::new(&self.source, q.kind.fold()));
        *slot = Some((q.kind, Arc::clone(&n)));
        n
    }

    /// Every match of `q`, in document order, none overlapping another.
    pub fn find_all(&self, q: &Query) -> Vec<Range<usize>> {
        self.find_all_until(q, || false).unwrap_or_default()
    }

    /// As [`Index::find_all`], giving up (`None`) as soon as `stop` says so: it is asked after
    /// the text is folded and every few thousand matches, so a search nobody waits for any more
    /// (the query changed) does not run to its end.
    pub fn find_all_until(&self, q: &Query, stop: impl Fn() -> bool) -> Option<Vec<Range<usize>>> {
        let n = self.folded(q);
        let mut out = Vec::new();
        for (i, s) in q.finder.find_iter(n.text.as_bytes()).enumerate() {
            if i % 4096 == 0 && stop() {
                return None;
            }
            out.push(n.source_range(s..s + q.len));
        }
        (!stop()).then_some(out)
    }

    /// The first match of `q` that starts at or after source offset `offset`. The scan starts
    /// there, so a match close by is found without reading the rest of the text.
    pub fn find_from(&self, q: &Query, offset: usize) -> Option<Range<usize>> {
        let n = self.folded(q);
        let from = n.folded_offset(offset);
        let found = q.finder.find(n.text.as_bytes().get(from..)?)?;
        Some(n.source_range(from + found..from + found + q.len))
    }

    /// The last match of `q` that starts before source offset `offset`; it may end after it.
    pub fn find_before(&self, q: &Query, offset: usize) -> Option<Range<usize>> {
        let n = self.folded(q);
        let before = n.folded_offset(offset);
        // Matches starting before `before` end at most `len - 1` bytes after it.
        let end = (before + q.len).saturating_sub(1).min(n.text.len());
        let found = q.finder_rev.rfind(n.text.as_bytes().get(..end)?)?;
        Some(n.source_range(found..found + q.len))
    }
}
