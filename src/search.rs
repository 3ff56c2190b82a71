//! Search: Arabic-insensitive, smart-case matching over folded copies of the text, reporting
//! matches as source byte ranges.
//!
//! A query and the text are folded the same way ([`crate::arabic::normalize`]) and matched with
//! a plain substring search on the folded copy; the copy's offset map turns each hit back into
//! the source range it came from, harakat of the last letter included. A large text is not
//! kept folded (the copy would be as large as the text): each search folds it a piece at a
//! time, carrying over the end of each piece that may begin a match ending in the next.

use std::ops::{ControlFlow, Range};
use std::sync::{Arc, Mutex, PoisonError};

use memchr::memmem::{Finder, FinderRev};

use crate::arabic::{Fold, Normalized, cores, fold_str, fresh_start, on_threads};

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
    /// For a large text, the length of the pieces each search folds in turn instead of
    /// keeping a folded copy; `None` for a text small enough to keep one.
    piece: Option<usize>,
}

/// Texts longer than this are searched a piece at a time: a folded copy of a 50 MB file would
/// double what the reader holds, while folding a few megabytes again for each key typed still
/// answers within a frame.
const WHOLE_MAX: usize = 4 << 20;

/// How much of a large text is folded at once.
const PIECE: usize = 1 << 20;

impl Index {
    /// Prepares `text` for searching. Cheap: the folding happens on the first search.
    pub fn new(text: impl Into<Arc<String>>) -> Index {
        let source = text.into();
        let piece = (source.len() > WHOLE_MAX).then_some(PIECE);
        Index {
            source,
            folded: Default::default(),
            piece,
        }
    }

    /// As [`Index::new`], folding `piece` bytes at a time whatever the text's length.
    #[cfg(test)]
    fn in_pieces(text: &str, piece: usize) -> Index {
        Index {
            piece: Some(piece.max(1)),
            ..Index::new(text.to_owned())
        }
    }

    /// Reports the matches of `q` to `visit` in document order, a piece of `piece` bytes
    /// folded at a time; `overlapping` reports every occurrence, otherwise each is searched
    /// after the end of the one before. Gives up (`None`) when `stop` says so, asked between
    /// pieces.
    ///
    /// Each piece ends where folding can start afresh, so the pieces' folded texts put end to
    /// end are the whole text folded; the last bytes of a piece's folded text that could begin
    /// a match are carried, with their source offsets, to the front of the next.
    fn scan_pieces(
        &self,
        q: &Query,
        piece: usize,
        overlapping: bool,
        stop: &dyn Fn() -> bool,
        mut visit: impl FnMut(Range<usize>) -> ControlFlow<()>,
    ) -> Option<()> {
        let fold = q.kind.fold();
        let src = self.source.as_str();
        let mut carry = String::new();
        // The source offset of each byte of `carry`.
        let mut carry_src: Vec<usize> = Vec::new();
        let mut folded_to = 0;
        while folded_to < src.len() {
            if stop() {
                return None;
            }
            // As many pieces as there are cores, folded side by side.
            let mut ranges = Vec::with_capacity(cores());
            while ranges.len() < cores() && folded_to < src.len() {
                let end = fresh_start(src, fold, folded_to + piece);
                ranges.push(folded_to..end);
                folded_to = end;
            }
            let pieces = on_threads(&ranges, |r| {
                Normalized::new(src.get(r.clone()).unwrap_or(""), fold)
            });
            for (start, n) in ranges.iter().map(|r| r.start).zip(pieces) {
                let mut window = std::mem::take(&mut carry);
                let c = window.len();
                window.push_str(&n.text);
                let source_of = |w: usize| {
                    carry_src
                        .get(w)
                        .copied()
                        .unwrap_or_else(|| start + n.source_offset(w - c))
                };
                let bytes = window.as_bytes();
                let mut pos = 0;
                while let Some(h) = bytes.get(pos..).and_then(|b| q.finder.find(b)) {
                    let h = pos + h;
                    let from = source_of(h);
                    if visit(from..source_of(h + q.len).max(from)).is_break() {
                        return Some(());
                    }
                    pos = if overlapping { h + 1 } else { h + q.len };
                }
                // A match starting before `keep` would have ended in this window and been found.
                let mut keep = (window.len() + 1).saturating_sub(q.len).max(pos);
                while !window.is_char_boundary(keep) {
                    keep += 1;
                }
                carry_src = (keep..window.len()).map(source_of).collect();
                carry = window.get(keep..).unwrap_or("").to_owned();
            }
        }
        Some(())
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
        if let Some(piece) = self.piece {
            let mut out = Vec::new();
            self.scan_pieces(q, piece, false, &stop, |r| {
                out.push(r);
                ControlFlow::Continue(())
            })?;
            return (!stop()).then_some(out);
        }
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
        if let Some(piece) = self.piece {
            let mut found = None;
            self.scan_pieces(q, piece, true, &|| false, |r| {
                if r.start < offset {
                    return ControlFlow::Continue(());
                }
                found = Some(r);
                ControlFlow::Break(())
            });
            return found;
        }
        let n = self.folded(q);
        let from = n.folded_offset(offset);
        let found = q.finder.find(n.text.as_bytes().get(from..)?)?;
        Some(n.source_range(from + found..from + found + q.len))
    }

    /// The last match of `q` that starts before source offset `offset`; it may end after it.
    pub fn find_before(&self, q: &Query, offset: usize) -> Option<Range<usize>> {
        if let Some(piece) = self.piece {
            let mut found = None;
            self.scan_pieces(q, piece, true, &|| false, |r| {
                if r.start >= offset {
                    return ControlFlow::Break(());
                }
                found = Some(r);
                ControlFlow::Continue(())
            });
            return found;
        }
        let n = self.folded(q);
        let before = n.folded_offset(offset);
        // Matches starting before `before` end at most `len - 1` bytes after it.
        let end = (before + q.len).saturating_sub(1).min(n.text.len());
        let found = q.finder_rev.rfind(n.text.as_bytes().get(..end)?)?;
        Some(n.source_range(found..found + q.len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Letters that fold (alef forms, ta marbuta, capitals), marks that are dropped, whitespace
    /// runs of every kind and characters that draw nothing: everything that makes the folded
    /// text shorter or different from the source, where a piece boundary could go wrong.
    const ALPHABET: &[&str] = &[
        "ا", "أ", "ل", "ن", "ة", "ه", "ى", "ي", "a", "A", "b", "\u{064E}", "\u{0651}", "ـ", " ",
        "  ", "\n", "\n\n", "\t", "\u{00A0}", "\u{200B}", "\u{200F}", "é", "É",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn pieces_find_what_the_whole_copy_finds(
            src in text(),
            query in prop::collection::vec(prop::sample::select(ALPHABET), 1..6),
            from_text in any::<Option<(prop::sample::Index, prop::sample::Index)>>(),
            piece in 1usize..40,
            offset in any::<prop::sample::Index>(),
            exact in any::<bool>(),
        ) {
            // Half the queries are taken from the text itself, so that they are found.
            let raw = match from_text {
                Some((a, b)) if !src.is_empty() => {
                    let bounds: Vec<usize> =
                        (0..=src.len()).filter(|&i| src.is_char_boundary(i)).collect();
                    let (i, j) = (*a.get(&bounds), *b.get(&bounds));
                    src.get(i.min(j)..i.max(j)).unwrap_or("").to_owned()
                }
                _ => query.concat(),
            };
            let mode = if exact { Mode::Exact } else { Mode::Loose };
            let Some(q) = Query::new(&raw, mode) else { return Ok(()) };
            let (whole, pieces) = (Index::new(src.clone()), Index::in_pieces(&src, piece));
            prop_assert!(whole.piece.is_none());
            prop_assert_eq!(pieces.find_all(&q), whole.find_all(&q));
            let offset = offset.index(src.len() + 2);
            prop_assert_eq!(pieces.find_from(&q, offset), whole.find_from(&q, offset));
            prop_assert_eq!(pieces.find_before(&q, offset), whole.find_before(&q, offset));
        }
    }

    #[test]
    fn a_phrase_across_a_piece_and_a_line_end_is_found() {
        let src = format!("{}الناتو\n\n  حلف {}", "ب".repeat(10), "الناتو ".repeat(3));
        let q = Query::new("الناتو حلف", Mode::Loose).unwrap_or_else(|| unreachable!());
        let whole = Index::new(src.clone()).find_all(&q);
        assert_eq!(whole.len(), 1);
        for piece in 1..src.len() {
            assert_eq!(Index::in_pieces(&src, piece).find_all(&q), whole, "{piece}");
        }
    }

    #[test]
    fn a_large_text_is_searched_in_pieces_and_gives_up_between_them() {
        let src = "الناتو ".repeat(WHOLE_MAX / 10);
        let index = Index::new(src);
        assert_eq!(index.piece, Some(PIECE));
        let q = Query::new("الناتو", Mode::Loose).unwrap_or_else(|| unreachable!());
        assert_eq!(index.find_all_until(&q, || true), None);
        assert_eq!(index.find_all(&q).len(), WHOLE_MAX / 10);
        assert!(index.folded.lock().map(|f| f.is_none()).unwrap_or(false));
    }
}
