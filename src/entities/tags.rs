//! BIO tags over the four entity kinds, and the spans they mark.

use super::Kind;
use std::ops::Range;

/// A BIO tag as a small index: 0 is O, then B and I for each kind in `Kind::ALL` order.
pub type Tag = u8;

/// Number of tags: O plus B and I for each of the four kinds.
pub const N_TAGS: usize = 9;

/// The outside tag.
pub const O: Tag = 0;

/// The tag that begins an entity of `kind`.
pub fn begin(kind: Kind) -> Tag {
    1 + 2 * kind.index() as Tag
}

/// The tag that continues an entity of `kind`.
pub fn inside(kind: Kind) -> Tag {
    2 + 2 * kind.index() as Tag
}

/// The kind a tag marks, or `None` for O.
pub fn kind(tag: Tag) -> Option<Kind> {
    (tag != O).then(|| Kind::ALL[usize::from((tag - 1) / 2)])
}

/// True for an I- tag.
pub fn is_inside(tag: Tag) -> bool {
    tag != O && tag.is_multiple_of(2)
}

/// Whether `tag` may follow `prev` (`None` at a sentence start): I-X only continues X.
pub fn allowed(prev: Option<Tag>, tag: Tag) -> bool {
    !is_inside(tag) || prev.is_some_and(|p| p != O && kind(p) == kind(tag))
}

/// Parses a CoNLL tag such as `B-LOC` or `O` (ANERcorp's type names).
pub fn parse(s: &str) -> Option<Tag> {
    if s == "O" {
        return Some(O);
    }
    let (bio, ty) = s.split_once('-')?;
    let kind = match ty {
        "PERS" | "PER" => Kind::Person,
        "LOC" => Kind::Location,
        "ORG" => Kind::Organization,
        "MISC" => Kind::Other,
        _ => return None,
    };
    match bio {
        "B" => Some(begin(kind)),
        "I" => Some(inside(kind)),
        _ => None,
    }
}

/// A tagged stretch of tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Token indices, end exclusive.
    pub tokens: Range<usize>,
    /// What the stretch names.
    pub kind: Kind,
    /// How sure whoever found it is, in tagger score units: the tagger's least margin over its
    /// tokens, a fixed amount for a rule, 0 for a name only spread from elsewhere in the text.
    pub margin: f32,
    /// Made by a rule that reads the words around it (منطقة الساحل), not by the tagger.
    pub by_rule: bool,
}

/// The spans a tag sequence marks, read the way conlleval reads them: an I- tag that does not
/// continue an entity of its kind starts a new one.
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    for (i, &t) in tags.iter().enumerate() {
        let Some(k) = kind(t) else {
            open = false;
            continue;
        };
        match out.last_mut() {
            Some(last) if open && is_inside(t) && last.kind == k => last.tokens.end = i + 1,
            _ => out.push(Span {
                tokens: i..i + 1,
                kind: k,
                margin: 0.0,
                by_rule: false,
            }),
        }
        open = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_spans_follow_conlleval() {
        let tags: Vec<Tag> = [
            "B-ORG", "I-ORG", "I-ORG", "O", "I-LOC", "B-PERS", "B-PERS", "I-LOC",
        ]
        .iter()
        .map(|s| parse(s).expect("known tag"))
        .collect();
        let s = spans(&tags);
        assert_eq!(s.len(), 5);
        assert_eq!(
            s[0],
            Span {
                tokens: 0..3,
                kind: Kind::Organization,
                margin: 0.0,
                by_rule: false,
            }
        );
        assert_eq!(
            s[1],
            Span {
                tokens: 4..5,
                kind: Kind::Location,
                margin: 0.0,
                by_rule: false,
            }
        );
        assert_eq!(
            s[4],
            Span {
                tokens: 7..8,
                kind: Kind::Location,
                margin: 0.0,
                by_rule: false,
            }
        );
        assert!(!allowed(Some(O), inside(Kind::Person)));
        assert!(allowed(Some(begin(Kind::Person)), inside(Kind::Person)));
    }
}
