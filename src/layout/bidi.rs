//! UAX #9 for one paragraph: embedding levels (through `unicode-bidi`), then per row the
//! line rules L1 (trailing whitespace and tabs to the paragraph level), L2 (reverse runs) and
//! L4 (mirror brackets at odd levels), which `unicode-bidi` does not apply to cells.

use super::cell::{Cell, Glyph};
use super::graphemes::{Break, Item};
use crate::chars::props::{self, ClassSet};
use unicode_bidi::BidiClass::{self, *};
use unicode_bidi::{Direction, Level, ParagraphBidiInfo, get_base_direction};

/// Resolved levels of a paragraph: its own level and one level per byte. Kept between
/// paragraphs so its buffers are reused.
#[derive(Default)]
pub struct Levels {
    /// The paragraph embedding level (odd: right to left).
    pub para: u8,
    /// The level of each byte of the paragraph (rules W, N, I applied; L1 not yet).
    pub bytes: Vec<u8>,
    /// Bidi class of each character, for the fast path.
    classes: Vec<BidiClass>,
    /// The levels as runs (first byte, level), once [`Levels::shrink`] has let `bytes` go.
    runs: Vec<(u32, u8)>,
    /// Bytes the runs cover.
    len: usize,
    /// The common path writes runs, not a level a byte (see [`Levels::resolve_runs`]).
    runs_only: bool,
}

impl Levels {
    /// Resolves the levels of `para`. Its direction is that of its first strong character
    /// (rules P2, P3); a paragraph with none takes the document's direction (`default_rtl`).
    /// `classes` are the bidi classes of `para` when the caller knows them already.
    pub fn resolve(&mut self, para: &str, default_rtl: bool, classes: Option<ClassSet>) {
        self.bytes.clear();
        self.runs.clear();
        self.len = 0;
        let present = classes.unwrap_or_else(|| ClassSet::of(para));
        if !self.resolve_simple(para, default_rtl, present) {
            self.bytes.clear();
            self.runs.clear();
            self.len = 0;
            self.resolve_general(para, default_rtl);
        }
    }

    /// Resolves the levels of `para` as [`Levels::resolve_as`] does, and keeps them as
    /// [`Levels::shrink`] does: for a long paragraph. On the common path the runs are found
    /// without a level a byte, so a 20 MB line never holds 20 MB of levels.
    pub fn resolve_runs(&mut self, para: &str, default_rtl: bool, forced: Option<bool>) {
        self.runs_only = true;
        self.resolve_as(para, default_rtl, forced, None);
        self.runs_only = false;
        self.shrink();
    }

    /// Every byte of a paragraph of `len` bytes at `level`.
    fn fill(&mut self, len: usize, level: u8) {
        if self.runs_only {
            self.runs.push((0, level));
            self.len = len;
        } else {
            self.bytes.resize(len, level);
        }
    }

    /// Resolves the levels of `para` as [`Levels::resolve`] does, in direction `forced` when
    /// it is given (a block's direction, decided from all its lines), else its own.
    pub fn resolve_as(
        &mut self,
        para: &str,
        default_rtl: bool,
        forced: Option<bool>,
        classes: Option<ClassSet>,
    ) {
        let Some(rtl) = forced else {
            return self.resolve(para, default_rtl, classes);
        };
        let own = crate::chars::first_strong_rtl(para);
        // The paths below find the direction themselves: right when it is the forced one.
        if own.is_none_or(|own| own == rtl) {
            return self.resolve(para, rtl, classes);
        }
        self.bytes.clear();
        self.runs.clear();
        self.len = 0;
        self.resolve_at(para, rtl);
    }

    /// Keeps the levels in as little memory as they fit and lets go of the working memory
    /// that found them: for levels kept with a long paragraph. Prose has a run of levels every
    /// number or so, so runs of levels take a small part of a level a byte.
    pub fn shrink(&mut self) {
        self.classes = Vec::new();
        if self.bytes.is_empty() && self.len > 0 {
            // Found as runs already.
            return;
        }
        self.runs.clear();
        let mut last = None;
        for (i, &l) in self.bytes.iter().enumerate() {
            if last != Some(l) {
                self.runs.push((i as u32, l));
                last = Some(l);
            }
        }
        if self.runs.len() * std::mem::size_of::<(u32, u8)>() < self.bytes.len() {
            self.runs.shrink_to_fit();
            self.len = self.bytes.len();
            self.bytes = Vec::new();
        } else {
            self.runs = Vec::new();
            self.bytes.shrink_to_fit();
        }
    }

    /// The level of the byte at `offset` in the paragraph (the paragraph level past its end).
    pub fn at(&self, offset: usize) -> u8 {
        match self.bytes.get(offset) {
            Some(&l) => l,
            None if offset < self.len => {
                let k = self.runs.partition_point(|&(s, _)| s as usize <= offset);
                k.checked_sub(1)
                    .and_then(|k| self.runs.get(k))
                    .map_or(self.para, |&(_, l)| l)
            }
            None => self.para,
        }
    }

    /// Every paragraph, through `unicode-bidi`.
    pub(crate) fn resolve_general(&mut self, para: &str, default_rtl: bool) {
        let rtl = match get_base_direction(para) {
            Direction::Rtl => true,
            Direction::Ltr => false,
            Direction::Mixed => default_rtl,
        };
        self.resolve_at(para, rtl);
    }

    /// Every paragraph in direction `rtl`, through `unicode-bidi`.
    fn resolve_at(&mut self, para: &str, rtl: bool) {
        let level = if rtl { Level::rtl() } else { Level::ltr() };
        let info = ParagraphBidiInfo::new(para, Some(level));
        self.para = info.paragraph_level.number();
        self.bytes.extend(info.levels.iter().map(|l| l.number()));
    }

    /// The common case without `unicode-bidi`: a paragraph with no explicit embeddings,
    /// isolates, boundary neutrals or paragraph separators that is either left to right with
    /// no right-to-left letter or Arabic number, or right to left with no left-to-right letter.
    /// Then there is one isolating run sequence at the paragraph level, no neutral can resolve
    /// against the paragraph direction (rules N0–N2 make every neutral take it), and only the
    /// weak rules W1–W6 remain, to find which characters end up as numbers (one level up).
    /// Returns false, leaving garbage in `bytes`, for any other paragraph.
    /// `present` holds the classes of the characters of `para`.
    pub(crate) fn resolve_simple(
        &mut self,
        para: &str,
        default_rtl: bool,
        present: ClassSet,
    ) -> bool {
        let table = props::table();
        let has = |ks: &[BidiClass]| present.any(ks);
        if has(&[B, BN, LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI]) {
            return false;
        }
        let rtl = crate::chars::first_strong_rtl(para).unwrap_or(default_rtl);
        if !rtl {
            if has(&[R, AL, AN]) {
                return false;
            }
            // W7 turns every number into L (sos is L), so everything is at level 0.
            self.para = 0;
            self.fill(para.len(), 0);
            return true;
        }
        if has(&[L]) {
            return false;
        }
        let (has_en, has_an) = (has(&[EN]), has(&[AN]));
        self.para = 1;
        if !has_en && !has_an {
            // Letters and neutrals only: everything is at the paragraph level.
            self.fill(para.len(), 1);
            return true;
        }
        let cls = &mut self.classes;
        cls.clear();
        cls.extend(para.chars().map(|c| table.class(c)));
        // W1 (marks take the class before them; sos is R), W2 (European digits after Arabic
        // letters are Arabic numbers) and W3 (AL is R), in one pass: W2 looks back at classes
        // after W1, so `prev` and `after_al` track those, not the rewritten ones.
        let mut prev = R;
        let mut after_al = false;
        for k in cls.iter_mut() {
            let t = if *k == NSM { prev } else { *k };
            prev = t;
            *k = match t {
                AL => {
                    after_al = true;
                    R
                }
                R => {
                    after_al = false;
                    R
                }
                EN if after_al => AN,
                t => t,
            };
        }
        // W4: one separator between two numbers of the same kind joins them.
        for i in 1..cls.len().saturating_sub(1) {
            let (a, b) = (cls[i - 1], cls[i + 1]);
            if a == b && ((cls[i] == ES && a == EN) || (cls[i] == CS && matches!(a, EN | AN))) {
                cls[i] = a;
            }
        }
        // W5: terminators next to a European number belong to it.
        let mut i = 0;
        while i < cls.len() {
            if cls[i] != ET {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < cls.len() && cls[j] == ET {
                j += 1;
            }
            if (i > 0 && cls[i - 1] == EN) || cls.get(j) == Some(&EN) {
                cls[i..j].fill(EN);
            }
            i = j;
        }
        // W6 makes the remaining separators neutral, and N1/N2 make every neutral R: level 1.
        // Numbers go one level up (I2).
        let level = |k: &BidiClass| if matches!(k, EN | AN) { 2 } else { 1 };
        if self.runs_only {
            // Runs as long as they take less than a level a byte (a number every few letters
            // would make them larger).
            let most = para.len() / std::mem::size_of::<(u32, u8)>();
            let mut last = None;
            for ((off, _), k) in para.char_indices().zip(cls.iter()) {
                let l = level(k);
                if last != Some(l) {
                    self.runs.push((off as u32, l));
                    last = Some(l);
                }
                if self.runs.len() > most {
                    break;
                }
            }
            if self.runs.len() <= most {
                self.len = para.len();
                return true;
            }
            self.runs = Vec::new();
        }
        self.bytes.resize(para.len(), 1);
        for ((off, c), k) in para.char_indices().zip(cls.iter()) {
            if level(k) == 2
                && let Some(b) = self.bytes.get_mut(off..off + c.len_utf8())
            {
                b.fill(2);
            }
        }
        true
    }
}

/// Puts one row of cells (logical order, with their items' break kinds) into visual order.
/// `levels` holds each cell's resolved level and is reordered along.
pub fn reorder_row(cells: &mut [Cell], items: &[Item], levels: &mut [u8], para: u8) {
    // Most rows have every cell at the paragraph level (no number, no run of the other
    // direction): L1 changes nothing and L2 reverses a right-to-left row whole. This test is
    // one pass over bytes, cheaper than the rules below.
    if levels.iter().all(|&l| l == para) {
        if para % 2 == 1 {
            cells.reverse();
        }
        return;
    }
    // L1: whitespace before a tab and at the end of the row, and tabs themselves, take the
    // paragraph level, so a trailing space of a right-to-left row stays at its left end.
    let mut trailing = true;
    for i in (0..cells.len()).rev() {
        let (brk, ws) = (items[i].brk, items[i].ws);
        if brk == Break::Tab {
            levels[i] = para;
            trailing = true;
        } else if ws && trailing {
            levels[i] = para;
        } else {
            trailing = false;
        }
    }
    // L2: from the highest level down to the lowest odd level, reverse every run at or above it.
    let (mut min, mut max, mut min_odd) = (u8::MAX, 0, u8::MAX);
    for &l in levels.iter() {
        min = min.min(l);
        max = max.max(l);
        if l % 2 == 1 {
            min_odd = min_odd.min(l);
        }
    }
    let mut lv = max;
    while lv >= min_odd && lv > 0 {
        let mut i = 0;
        while i < cells.len() {
            if levels[i] >= lv {
                let mut j = i;
                while j < cells.len() && levels[j] >= lv {
                    j += 1;
                }
                cells[i..j].reverse();
                levels[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        lv -= 1;
    }
}

/// Rule L4: a character with a mirrored glyph, resolved at an odd level, is drawn mirrored:
/// `(الناتو)` keeps its brackets facing the word. `first` is the cell's first character.
pub fn mirror(cell: &mut Cell, level: u8, first: char) {
    if level.is_multiple_of(2) || cell.glyph != Glyph::Source {
        return;
    }
    if let Some(m) = props::mirrored(first) {
        cell.replace_with(m, first.len_utf8());
    }
}
