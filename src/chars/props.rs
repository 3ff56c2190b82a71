//! A lookup table of the character properties layout asks about most (bidi class, grapheme
//! behaviour, mirroring) for the blocks Arabic prose is written in, so the common case costs one
//! array access instead of a binary search per table per character.
//!
//! The table is filled at first use from the same crates the general path asks
//! (`unicode-bidi`, `unicode-segmentation`, `unicode-width`, `unicode-bidi-mirroring`), so it
//! cannot disagree with them on a character; the property tests check that the fast paths built
//! on it agree with the general ones on whole strings.

use super::{control_symbol, is_invisible};
use std::sync::LazyLock;
use unicode_bidi::{BidiClass, bidi_class};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// How a character takes part in grapheme clusters, as far as the fast segmenter needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Starts a cluster before any character of the table and ends it before any character that
    /// is not `Extend`: a cluster of its own, one column wide (letters, digits, punctuation, space).
    Base,
    /// Never starts a cluster after a `Base` or `Extend` character; zero columns (harakat).
    Extend,
    /// A cluster of its own whatever follows (the tab).
    Alone,
    /// Anything else: the fast segmenter gives the paragraph to the general one.
    Other,
}

/// What the table knows of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Props {
    /// UAX #9 bidi class.
    pub class: BidiClass,
    /// Grapheme behaviour.
    pub kind: Kind,
    /// Has a Bidi_Mirroring_Glyph (brackets, `<`, `«`…).
    pub mirrors: bool,
    /// Joins the letter before it and the letter after it, in logical order (shaping).
    pub joins: (bool, bool),
}

/// A set of bidi classes: which classes a paragraph holds, gathered while it is cut into clusters
/// so that level resolution need not read it again to know whether its fast path applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassSet(u32);

impl ClassSet {
    /// The classes of the characters of `text`.
    pub fn of(text: &str) -> ClassSet {
        let table = table();
        let mut set = ClassSet::default();
        for c in text.chars() {
            set.add(table.class(c));
        }
        set
    }

    /// Adds `class`.
    #[inline]
    pub fn add(&mut self, class: BidiClass) {
        self.0 |= 1 << (class as u32);
    }

    /// Whether any of `classes` is in the set.
    pub fn any(self, classes: &[BidiClass]) -> bool {
        classes.iter().any(|&k| self.0 & (1 << (k as u32)) != 0)
    }
}

/// The covered blocks: Latin to NKo (Arabic, Persian, Urdu, Hebrew, Syriac), then General
/// Punctuation (curly quotes, dashes, ellipsis).
const LOW_END: u32 = 0x0800;
const PUNCT: std::ops::Range<u32> = 0x2000..0x2070;

static TABLE: LazyLock<Box<[Props]>> = LazyLock::new(|| {
    (0..LOW_END)
        .chain(PUNCT)
        .map(|u| char::from_u32(u).map_or(OTHER, compute))
        .collect()
});

/// Properties of a character outside the table, or of a surrogate code point.
const OTHER: Props = Props {
    class: BidiClass::ON,
    kind: Kind::Other,
    mirrors: false,
    joins: (false, false),
};

/// The filled table; hot loops take it once and look characters up in it.
#[derive(Clone, Copy)]
pub struct Table(&'static [Props]);

/// The table, filled at first use.
#[inline]
pub fn table() -> Table {
    Table(&TABLE)
}

impl Table {
    /// The entry for `c`, or `None` outside the covered blocks.
    #[inline]
    pub fn get(self, c: char) -> Option<Props> {
        let u = c as u32;
        let i = if u < LOW_END {
            u
        } else if PUNCT.contains(&u) {
            LOW_END + u - PUNCT.start
        } else {
            return None;
        };
        self.0.get(i as usize).copied()
    }

    /// The bidi class of `c`, from the table when it is there.
    #[inline]
    pub fn class(self, c: char) -> BidiClass {
        self.get(c).map_or_else(|| bidi_class(c), |p| p.class)
    }

    /// Whether `c` joins the letter before it and the one after it, from the table when it is there.
    #[inline]
    pub fn joins(self, c: char) -> (bool, bool) {
        self.get(c).map_or_else(|| joins(c), |p| p.joins)
    }
}

/// Whether `c` joins the letter before it and the one after it, from its Unicode joining type.
fn joins(c: char) -> (bool, bool) {
    use unicode_joining_type::{JoiningType, get_joining_type};
    match get_joining_type(c) {
        JoiningType::DualJoining | JoiningType::JoinCausing => (true, true),
        JoiningType::RightJoining => (true, false),
        JoiningType::LeftJoining => (false, true),
        _ => (false, false),
    }
}

/// The table's entry for `c`, or `None` outside the covered blocks.
#[inline]
pub fn lookup(c: char) -> Option<Props> {
    table().get(c)
}

/// The bidi class of `c`, from the table when it is there.
#[inline]
pub fn class(c: char) -> BidiClass {
    table().class(c)
}

/// The mirrored glyph of `c` (rule L4), asking the mirroring table only for characters that have one.
#[inline]
pub fn mirrored(c: char) -> Option<char> {
    match lookup(c) {
        Some(p) if !p.mirrors => None,
        _ => unicode_bidi_mirroring::get_mirrored(c),
    }
}

/// Number of grapheme clusters in the two characters `a` `b`.
fn clusters(a: char, b: char) -> usize {
    // On the stack: the table asks this some seven thousand times while the first frame waits.
    let mut buf = [0u8; 8];
    let n = a.encode_utf8(&mut buf).len();
    let m = b.encode_utf8(&mut buf[n..]).len();
    std::str::from_utf8(&buf[..n + m]).map_or(0, |s| s.graphemes(true).count())
}

/// Works out the entry of `c` by asking the general crates, with probes of how it clusters next
/// to a letter (`x`), a fatha and a tab. The cheap tests come first: most characters need only
/// three probes.
fn compute(c: char) -> Props {
    const FATHA: char = '\u{064E}';
    let plain = control_symbol(c).is_none() && !is_invisible(c);
    let kind = if c == '\t' {
        Kind::Alone
    } else if !plain {
        Kind::Other
    } else if c.width() == Some(1)
        && clusters('x', c) == 2
        && clusters(c, 'x') == 2
        && clusters(c, FATHA) == 1
    {
        Kind::Base
    } else if c.width() == Some(0)
        && clusters('x', c) == 1
        && clusters(c, 'x') == 2
        && clusters(c, c) == 1
        && clusters('\t', c) == 2
    {
        Kind::Extend
    } else {
        Kind::Other
    };
    Props {
        class: bidi_class(c),
        kind,
        mirrors: unicode_bidi_mirroring::get_mirrored(c).is_some(),
        joins: joins(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_space_and_harakat_are_in_the_fast_class() {
        for c in ['ا', 'ب', 'ي', '،', ' ', '(', '1', '٣', '“', '–'] {
            assert_eq!(lookup(c).map(|p| p.kind), Some(Kind::Base), "{c:?}");
        }
        for c in ['\u{064B}', '\u{064E}', '\u{0651}'] {
            assert_eq!(lookup(c).map(|p| p.kind), Some(Kind::Extend), "{c:?}");
        }
        for c in ['\u{0600}', '\u{200D}', '\u{200F}', '\x1b', '\u{85}'] {
            assert_eq!(lookup(c).map(|p| p.kind), Some(Kind::Other), "{c:?}");
        }
        assert_eq!(lookup('漢'), None);
    }

    #[test]
    fn table_agrees_with_the_crates_on_every_entry() {
        for u in (0..LOW_END).chain(PUNCT) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(class(c), bidi_class(c), "{c:?}");
            assert_eq!(
                mirrored(c),
                unicode_bidi_mirroring::get_mirrored(c),
                "{c:?}"
            );
        }
    }
}
