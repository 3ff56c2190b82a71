//! Arabic-aware folding of text for matching, with a map from the folded copy back to source bytes.
//!
//! Written by hand because no crate folds Arabic (harakat, hamza carriers, alef forms, ta marbuta,
//! alef maqsura, Persian letters) *and* keeps the offsets that search highlights and entity mentions
//! need: every match is found in the folded copy and reported as a byte range of the source.

use std::ops::Range;

/// What to fold away. Search and the entity recogniser share this one normaliser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fold {
    /// Drop harakat, tatweel and invisible format marks; unify alef, hamza carriers, ta marbuta,
    /// alef maqsura, Persian kaf/yeh.
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

/// True for characters that draw nothing and that nobody types into a search box: soft hyphen,
/// the Arabic letter mark, zero-width (non-)joiners, directional marks, embeddings and isolates.
/// Text pasted from the web is full of them, and they sit inside words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The letter `c` stands for when spelling variants are ignored, or `c` itself.
/// Every result has the UTF-8 length of `c` (all are two-byte Arabic letters), which the
/// offset map relies on.
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

/// What one non-whitespace character becomes under `fold`: `None` when it is dropped, otherwise
/// a character of the same UTF-8 length.
fn fold_char(c: char, fold: Fold) -> Option<char> {
    // Arabic letters have no case: test the block first, the common case in an Arabic text.
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return if !fold.arabic {
            Some(c)
        } else if is_ignorable_mark(c) || is_invisible(c) {
            None
        } else {
            Some(fold_letter(c))
        };
    }
    if fold.arabic && is_invisible(c) {
        return None;
    }
    Some(if fold.case { lower_same_length(c) } else { c })
}

/// A folded copy of a text and the way back to source byte offsets.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The folded text; search runs on this.
    pub text: String,
    /// Folded ▸ source offsets and back.
    map: OffsetMap,
}

impl Normalized {
    /// Folds `src` as `fold` says.
    pub fn new(src: &str, fold: Fold) -> Normalized {
        let mut text = String::with_capacity(src.len());
        let mut map = MapBuilder::default();
        let mut in_space = false;
        for c in src.chars() {
            let len = c.len_utf8();
            if fold.whitespace && c.is_whitespace() {
                if in_space {
                    map.skip(len);
                } else {
                    in_space = true;
                    text.push(' ');
                    // A wide space (NBSP, ideographic space) keeps its first byte as the ' '.
                    map.same(1);
                    map.skip(len - 1);
                }
                continue;
            }
            // A dropped mark does not end a whitespace run: "a َ b" folds to "a b".
            match fold_char(c, fold) {
                None => map.skip(len),
                Some(f) => {
                    debug_assert_eq!(f.len_utf8(), len, "folding must keep UTF-8 lengths");
                    in_space = false;
                    text.push(f);
                    map.same(len);
                }
            }
        }
        let map = map.finish(text.len(), src.len());
        Normalized { text, map }
    }

    /// Source offset of folded offset `o` (a char boundary of `text`, or its length): where the
    /// source character behind the folded one starts, after any dropped marks before it.
    pub fn source_offset(&self, o: usize) -> usize {
        self.map.source_offset(o.min(self.text.len()))
    }

    /// The first folded offset whose source offset is at or after source offset `s`: where a
    /// search that must not start before `s` begins in the folded text.
    pub fn folded_offset(&self, s: usize) -> usize {
        self.map.folded_offset(s).min(self.text.len())
    }

    /// The source byte range a folded range came from. The end is the start of the source
    /// text behind the next folded character, so a match keeps the harakat of its last letter.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.source_offset(r.start);
        start..self.source_offset(r.end).max(start)
    }
}

/// How many source bytes sit before each folded byte, stored sparsely: folding only drops
/// characters (marks, the tail of a whitespace run, the extra bytes of a wide space) and never
/// changes the length of what it keeps, so the map is a list of steps "advance both texts by
/// `same` bytes, then skip `skip` source bytes". Two bytes a step keep even a fully vocalised
/// text (a dropped haraka every four bytes) well under the size of the source.
#[derive(Clone, Debug, Default)]
struct OffsetMap {
    steps: Vec<Step>,
    /// `(folded, source)` offsets before step `k * STRIDE`, for a binary search into `steps`.
    blocks: Vec<(usize, usize)>,
}

/// One step of an [`OffsetMap`].
#[derive(Clone, Copy, Debug)]
struct Step {
    same: u8,
    skip: u8,
}

/// Steps between two absolute checkpoints: a lookup scans at most this many.
const STRIDE: usize = 32;

impl OffsetMap {
    /// The steps from the block holding the last checkpoint accepted by `before`, with the
    /// absolute offsets at that checkpoint.
    fn block_for(&self, before: impl Fn(&(usize, usize)) -> bool) -> (usize, usize, &[Step]) {
        let b = self.blocks.partition_point(before).saturating_sub(1);
        let (fo, so) = self.blocks.get(b).copied().unwrap_or((0, 0));
        (fo, so, self.steps.get(b * STRIDE..).unwrap_or(&[]))
    }

    fn source_offset(&self, f: usize) -> usize {
        let (mut fo, mut so, steps) = self.block_for(|&(bf, _)| bf <= f);
        for st in steps {
            if f < fo + usize::from(st.same) {
                break;
            }
            // At `f == fo + same` the gap lies before the character at `f`: skip it too.
            fo += usize::from(st.same);
            so += usize::from(st.same) + usize::from(st.skip);
        }
        so + (f - fo)
    }

    fn folded_offset(&self, s: usize) -> usize {
        let (mut fo, mut so, steps) = self.block_for(|&(_, bs)| bs <= s);
        for st in steps {
            let same = usize::from(st.same);
            if s < so + same {
                break;
            }
            fo += same;
            so += same;
            if s < so + usize::from(st.skip) {
                // Inside dropped bytes: the next folded character is the first at or after `s`.
                return fo;
            }
            so += usize::from(st.skip);
        }
        fo + s.saturating_sub(so)
    }
}

/// Accumulates `same`/`skip` runs character by character and emits [`Step`]s.
#[derive(Default)]
struct MapBuilder {
    map: OffsetMap,
    /// Absolute offsets before the pending run.
    folded: usize,
    source: usize,
    same: usize,
    skip: usize,
}

impl MapBuilder {
    /// `n` bytes copied unchanged in length.
    fn same(&mut self, n: usize) {
        if self.skip > 0 {
            self.flush();
        }
        self.same += n;
    }

    /// `n` source bytes dropped.
    fn skip(&mut self, n: usize) {
        self.skip += n;
    }

    fn flush(&mut self) {
        let (mut same, mut skip) = (
            std::mem::take(&mut self.same),
            std::mem::take(&mut self.skip),
        );
        while same > usize::from(u8::MAX) {
            self.push(u8::MAX, 0);
            same -= usize::from(u8::MAX);
        }
        loop {
            let s = skip.min(usize::from(u8::MAX));
            // `same` fits a byte here, and only the first step of a long gap carries it.
            self.push(
                u8::try_from(same).unwrap_or(u8::MAX),
                u8::try_from(s).unwrap_or(u8::MAX),
            );
            same = 0;
            skip -= s;
            if skip == 0 {
                break;
            }
        }
    }

    fn push(&mut self, same: u8, skip: u8) {
        if self.map.steps.len().is_multiple_of(STRIDE) {
            self.map.blocks.push((self.folded, self.source));
        }
        self.map.steps.push(Step { same, skip });
        self.folded += usize::from(same);
        self.source += usize::from(same) + usize::from(skip);
    }

    fn finish(mut self, folded_len: usize, source_len: usize) -> OffsetMap {
        if self.skip > 0 {
            self.flush();
        }
        debug_assert_eq!(self.folded + self.same, folded_len);
        debug_assert_eq!(self.source + self.same, source_len);
        self.map.steps.shrink_to_fit();
        self.map.blocks.shrink_to_fit();
        self.map
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_utf8_lengths() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for fold in [
                Fold::LOOSE,
                Fold::EXACT,
                Fold {
                    arabic: true,
                    case: false,
                    whitespace: false,
                },
            ] {
                if let Some(f) = fold_char(c, fold) {
                    assert_eq!(f.len_utf8(), c.len_utf8(), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn long_runs_and_gaps_split_into_steps() {
        let src = format!(
            "{}{}b{}",
            "a".repeat(700),
            "\u{064E}".repeat(300),
            " ".repeat(600)
        );
        let n = Normalized::new(&src, Fold::LOOSE);
        assert_eq!(n.text.len(), 702);
        assert_eq!(n.source_offset(700), 1300);
        assert_eq!(n.source_offset(702), src.len());
        assert_eq!(n.folded_offset(800), 700);
        assert_eq!(n.folded_offset(1301), 701);
        assert_eq!(n.folded_offset(src.len()), 702);
    }
}
