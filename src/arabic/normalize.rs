//! Arabic-aware folding of text for matching, with a map from the folded copy back to source bytes.
//!
//! Written by hand because no crate folds Arabic (harakat, hamza carriers, alef forms, ta marbuta,
//! alef maqsura, Persian letters) *and* keeps the offsets that search highlights and entity mentions
//! need: every match is found in the folded copy and reported as a byte range of the source.

use std::ops::Range;

/// What to fold away. Search and the entity recogniser share this one normaliser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    /// Drop harakat and tatweel; unify alef, hamza carriers, ta marbuta, alef maqsura, Persian kaf/yeh.
    pub arabic: bool,
    /// Lowercase letters (smart case decides this per query).
    pub case: bool,
    /// Collapse every run of whitespace (line ends included) into one ASCII space.
    pub whitespace: bool,
}

impl Fold {
    /// The forgiving fold a reader expects from search by default.
    pub const LOOSE: Fold = Fold {
        arabic: true,
        case: true,
        whitespace: true,
    };
    /// Only whitespace runs are unified: an exact search still finds a phrase across a line end.
    pub const EXACT: Fold = Fold {
        arabic: false,
        case: false,
        whitespace: true,
    };
}

/// True for the Arabic marks a reader does not type: harakat (U+064B–U+065F), the superscript
/// alef (U+0670) and tatweel (U+0640).
pub fn is_ignorable_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The letter `c` stands for when spelling variants are ignored, or `c` itself.
pub fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ئ' | 'ی' | 'ي' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        _ => c,
    }
}

/// A folded copy of a text and the way back to source byte offsets.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The folded text; search runs on this.
    pub text: String,
    /// Checkpoints `(folded offset, source offset)`: from each checkpoint on, offsets advance
    /// together until the next one. Sparse, because most letters fold to a letter of the same
    /// length; a 50 MB text needs a few entries per deleted mark or collapsed space, not one per byte.
    checkpoints: Vec<(usize, usize)>,
    /// Length of the source, so a range that ends at the end of the folded text maps to its end.
    source_len: usize,
}

impl Normalized {
    /// Folds `src` as `fold` says.
    pub fn new(src: &str, fold: Fold) -> Normalized {
        let mut text = String::with_capacity(src.len());
        let mut checkpoints = vec![(0, 0)];
        let mut in_space = false;
        for (i, c) in src.char_indices() {
            let out = if fold.whitespace && c.is_whitespace() {
                if in_space {
                    None
                } else {
                    in_space = true;
                    Some(' ')
                }
            } else {
                in_space = false;
                if fold.arabic && is_ignorable_mark(c) {
                    None
                } else {
                    let mut f = if fold.arabic { fold_letter(c) } else { c };
                    if fold.case {
                        f = lower_same_length(f);
                    }
                    Some(f)
                }
            };
            match out {
                Some(f) => {
                    // Keep the invariant "offsets advance together" from the last checkpoint.
                    let (co, cs) = checkpoints[checkpoints.len() - 1];
                    if text.len() - co != i - cs {
                        checkpoints.push((text.len(), i));
                    }
                    text.push(f);
                    if f.len_utf8() != c.len_utf8() {
                        checkpoints.push((text.len(), i + c.len_utf8()));
                    }
                }
                None => {}
            }
        }
        Normalized {
            text,
            checkpoints,
            source_len: src.len(),
        }
    }

    /// Source offset of folded offset `o` (a char boundary of `text`, or its length).
    pub fn source_offset(&self, o: usize) -> usize {
        if o >= self.text.len() {
            return self.source_len;
        }
        let i = self.checkpoints.partition_point(|&(co, _)| co <= o) - 1;
        let (co, cs) = self.checkpoints[i];
        cs + (o - co)
    }

    /// The source byte range a folded range came from. The end is the start of the source
    /// text behind the next folded character, so a match keeps the harakat of its last letter.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.source_offset(r.start);
        let end = if r.end >= self.text.len() {
            self.source_len
        } else {
            self.source_offset(r.end)
        };
        start..end.max(start)
    }
}

/// Lowercases `c` when that is one character of the same UTF-8 length (true of every letter a
/// reader types in practice), so the folded copy keeps the source's byte layout.
fn lower_same_length(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
        _ => c,
    }
}

/// Folds a short string (a query, a word) without keeping the map.
pub fn fold_str(s: &str, fold: Fold) -> String {
    Normalized::new(s, fold).text
}
