//! Arabic-aware folding of text for matching, with a map from the folded copy back to source bytes.
//!
//! Written by hand because no crate folds Arabic (harakat, hamza carriers, alef forms, ta marbuta,
//! alef maqsura, Persian letters) *and* keeps the offsets that search highlights and entity mentions
//! need: every match is found in the folded copy and reported as a byte range of the source.

use crate::chars::is_invisible;
use std::ops::Range;
use std::sync::OnceLock;

/// What to fold away. Search and the entity recogniser share this one normaliser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fold {
    /// Drop harakat and tatweel; unify alef, hamza carriers, ta marbuta, alef maqsura, Persian
    /// kaf/yeh. (Characters that draw nothing are dropped by every fold.)
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
/// a character of the same UTF-8 length. Characters that draw nothing are dropped whatever the
/// fold, exact matching included: a reader can neither see them nor know to type them.
fn fold_char(c: char, fold: Fold) -> Option<char> {
    if is_invisible(c) {
        return None;
    }
    // Arabic letters have no case: test the block first, the common case in an Arabic text.
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return if !fold.arabic {
            Some(c)
        } else if is_ignorable_mark(c) {
            None
        } else {
            Some(fold_letter(c))
        };
    }
    Some(if fold.case { lower_same_length(c) } else { c })
}

/// What folding does to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    /// Copied unchanged.
    Keep,
    /// Dropped.
    Drop,
    /// Replaced by a character of the same UTF-8 length.
    Replace(char),
    /// Whitespace, when runs of it collapse into one space.
    Space,
}

impl Action {
    fn of(c: char, fold: Fold) -> Action {
        if fold.whitespace && c.is_whitespace() {
            return Action::Space;
        }
        match fold_char(c, fold) {
            None => Action::Drop,
            Some(f) if f == c => Action::Keep,
            Some(f) => Action::Replace(f),
        }
    }
}

/// [`Action::of`] precomputed for ASCII and the Arabic block, the characters of nearly every
/// text qari reads.
struct Table {
    ascii: [Action; 0x80],
    arabic: [Action; 0x100],
}

impl Table {
    /// The table for `fold`, built once per process (a fold is three bits: eight tables).
    fn get(fold: Fold) -> &'static Table {
        static TABLES: [OnceLock<Table>; 8] = [const { OnceLock::new() }; 8];
        let slot = usize::from(fold.arabic)
            | usize::from(fold.case) << 1
            | usize::from(fold.whitespace) << 2;
        TABLES[slot].get_or_init(|| Table {
            ascii: std::array::from_fn(|b| Action::of(char::from(b as u8), fold)),
            arabic: std::array::from_fn(|k| {
                Action::of(char::from_u32(0x600 + k as u32).unwrap_or(' '), fold)
            }),
        })
    }
}

/// Texts shorter than this per core are folded on one thread: starting threads costs more.
const PARALLEL_MIN: usize = 4 << 20;

/// How many threads can run at once, asked once per process: asking reads cgroup files, a
/// system call each time.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// `f` of each of `items`, in order, each on its own thread (the first on this one).
pub fn on_threads<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .iter()
            .skip(1)
            .map(|i| scope.spawn(move || f(i)))
            .collect();
        let first = items.first().map(f);
        first
            .into_iter()
            .chain(handles.into_iter().map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }))
            .collect()
    })
}

/// Where to cut `src` into `n` pieces that fold independently: `[0, cut…, len]`. Each cut is
/// put before a character that is kept and is not whitespace, so the piece after it starts
/// outside a whitespace run, as folding from the start would have it.
fn split_points(src: &str, fold: Fold, n: usize) -> Vec<usize> {
    let mut points = vec![0];
    for k in 1..n {
        let at = fresh_start(src, fold, src.len() / n * k);
        points.push(at.max(points.last().copied().unwrap_or(0)));
    }
    points.push(src.len());
    points
}

/// The first offset at or after `at` where folding `src` can start afresh and give what
/// folding from its start gives from there on: before a character that is kept and is not
/// whitespace (so no whitespace run is cut in two), or the end of `src`.
pub fn fresh_start(src: &str, fold: Fold, mut at: usize) -> usize {
    if at >= src.len() {
        return src.len();
    }
    while !src.is_char_boundary(at) {
        at += 1;
    }
    let rest = src.get(at..).unwrap_or("");
    let skip = rest.find(|c| matches!(Action::of(c, fold), Action::Keep | Action::Replace(_)));
    skip.map_or(src.len(), |s| at + s)
}

/// One piece of a folded text and its map as they are written: `plain` is where the pending
/// run of unchanged source starts, copied when something else comes.
struct Folder<'a> {
    src: &'a str,
    text: String,
    map: MapBuilder,
    plain: usize,
}

impl<'a> Folder<'a> {
    /// Folds the piece `range` of `src` (cut by [`split_points`]).
    fn run(src: &'a str, range: Range<usize>, fold: Fold) -> Folder<'a> {
        let table = Table::get(fold);
        let bytes = src.as_bytes();
        let capacity = if range.start == 0 {
            src.len()
        } else {
            range.len()
        };
        let mut out = Folder {
            src,
            text: String::with_capacity(capacity),
            map: MapBuilder::default(),
            plain: range.start,
        };
        let mut in_space = false;
        let mut i = range.start;
        while i < range.end {
            let b = bytes.get(i).copied().unwrap_or(b' ');
            let (len, action) = match b {
                0..0x80 => (1, table.ascii[usize::from(b)]),
                // U+0600–U+06FF, the Arabic block: two bytes, the lead one of D8–DB.
                0xD8..=0xDB => {
                    let low = bytes.get(i + 1).map_or(0, |b1| b1 & 0x3F);
                    (
                        2,
                        table.arabic[usize::from(b - 0xD8) << 6 | usize::from(low)],
                    )
                }
                _ => {
                    let c = src
                        .get(i..)
                        .and_then(|rest| rest.chars().next())
                        .unwrap_or(' ');
                    (c.len_utf8(), Action::of(c, fold))
                }
            };
            // The two cases that make up nearly all text, tested before the general dispatch:
            // a letter kept as it is, and the single space between words.
            if action == Action::Keep || (b == b' ' && !in_space && action == Action::Space) {
                in_space = b == b' ';
                i += len;
                continue;
            }
            match action {
                Action::Keep => in_space = false,
                // A dropped mark does not end a whitespace run: "a َ b" folds to "a b".
                Action::Drop => out.skip(i, len),
                Action::Replace(f) => {
                    in_space = false;
                    out.replace(i, len, f);
                }
                Action::Space if in_space => out.skip(i, len),
                Action::Space => {
                    in_space = true;
                    if b != b' ' {
                        // A newline, tab or wide space (NBSP, ideographic space): the ' ' stands
                        // for its first byte.
                        out.replace(i, len, ' ');
                    }
                }
            }
            i += len;
        }
        out.copy_to(range.end);
        out
    }

    /// Copies the pending run up to source offset `i`.
    fn copy_to(&mut self, i: usize) {
        if let Some(run) = self.src.get(self.plain..i) {
            self.text.push_str(run);
            self.map.same(run.len());
        }
        self.plain = i;
    }

    /// Drops the `len` source bytes at `i`.
    fn skip(&mut self, i: usize, len: usize) {
        self.copy_to(i);
        self.map.skip(len);
        self.plain = i + len;
    }

    /// Writes `f` for the `len` source bytes at `i` (`f` is no longer than them).
    fn replace(&mut self, i: usize, len: usize, f: char) {
        self.copy_to(i);
        self.text.push(f);
        self.map.same(f.len_utf8());
        self.map.skip(len - f.len_utf8());
        self.plain = i + len;
    }

    /// Puts the next piece after this one.
    fn append(&mut self, next: Folder) {
        self.text.push_str(&next.text);
        self.map.append(next.map);
    }

    fn finish(self, source_len: usize) -> Normalized {
        let map = self.map.finish(self.text.len(), source_len);
        Normalized {
            text: self.text,
            map,
        }
    }
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
    ///
    /// Runs of characters the fold leaves alone (most of any text) are copied in one piece,
    /// the common characters are classified by table from their UTF-8 bytes, and a large text
    /// is folded in pieces on all cores, so a 50 MB file folds in a fraction of a second.
    pub fn new(src: &str, fold: Fold) -> Normalized {
        // Short texts (a word, a query: the recogniser folds every token) never ask how many
        // cores there are: that reads cgroup files, a system call each time.
        if src.len() < 2 * PARALLEL_MIN {
            return Normalized::in_pieces(src, fold, 1, 1);
        }
        let threads = cores().min(src.len() / PARALLEL_MIN).max(1);
        Normalized::in_pieces(src, fold, threads, src.len() / PARALLEL_MIN)
    }

    /// Folds `src` on `n` threads, cut in `pieces` pieces (at least `n`) folded `n` at a time,
    /// each round appended to the first piece's buffer (sized for the whole text) before the
    /// next: the folded copies waiting to be appended stay small next to a large text.
    fn in_pieces(src: &str, fold: Fold, n: usize, pieces: usize) -> Normalized {
        let parts = split_points(src, fold, pieces.max(n).max(1));
        let ranges: Vec<Range<usize>> = parts.windows(2).map(|w| w[0]..w[1]).collect();
        let mut whole: Option<Folder> = None;
        for round in ranges.chunks(n.max(1)) {
            for piece in on_threads(round, |r| Folder::run(src, r.clone(), fold)) {
                match &mut whole {
                    Some(w) => w.append(piece),
                    None => whole = Some(piece),
                }
            }
        }
        whole
            .unwrap_or_else(|| Folder::run(src, 0..src.len(), fold))
            .finish(src.len())
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
        if n > 0 && self.skip > 0 {
            self.flush();
        }
        self.same += n;
    }

    /// Replays the map of the piece that follows this one.
    fn append(&mut self, next: MapBuilder) {
        for st in &next.map.steps {
            self.same(usize::from(st.same));
            self.skip(usize::from(st.skip));
        }
        self.same(next.same);
        self.skip(next.skip);
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
    // A word or a line (the entity recogniser folds every token): folded in one piece, with
    // no map back to the source, which nobody asks for here.
    if s.len() < 2 * PARALLEL_MIN {
        return Folder::run(s, 0..s.len(), fold).text;
    }
    Normalized::new(s, fold).text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn pieces_fold_like_the_whole(
            src in "[a A\u{0623}\u{0628}\u{064E}\u{0640}\n\u{00A0}\u{3000}]{0,80}",
            n in 2usize..6,
            rounds in 1usize..4,
            arabic in any::<bool>(),
            whitespace in any::<bool>(),
        ) {
            let fold = Fold { arabic, case: true, whitespace };
            let (whole, pieces) = (Normalized::in_pieces(&src, fold, 1, 1), Normalized::in_pieces(&src, fold, n, n * rounds));
            prop_assert_eq!(&whole.text, &pieces.text);
            for f in 0..=whole.text.len() {
                prop_assert_eq!(whole.source_offset(f), pieces.source_offset(f));
            }
            for s in 0..=src.len() {
                prop_assert_eq!(whole.folded_offset(s), pieces.folded_offset(s));
            }
        }
    }

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
