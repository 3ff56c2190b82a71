//! Splits text into word and punctuation tokens with their byte ranges, and into sentences.

use crate::arabic::normalize::is_ignorable_mark;
use crate::chars::is_invisible;
use std::ops::Range;

/// One token: a run of letters and digits, or one punctuation character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// True for a punctuation token (quotes, brackets, ، ؛ ؟ . and the like).
    pub punct: bool,
}

/// Characters that make a word: letters, digits and harakat.
fn is_word_char(c: char) -> bool {
    // Arabic letters and harakat first, then ASCII (the space after every word): the common
    // cases, without the Unicode table search.
    if matches!(c, '\u{0621}'..='\u{065F}') {
        return true;
    }
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_ignorable_mark(c)
}

/// True for a token of punctuation only (no letter, digit or mark), as [`tokenize`] marks them.
pub fn is_punct(token: &str) -> bool {
    !token.chars().any(is_word_char)
}

/// Punctuation that closes a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟')
}

/// The tokens of `text` and the sentences they form, as ranges of token indices. A sentence ends
/// after . ! ? ؟ and at every line end.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Range<usize>>) {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut sentences = Vec::new();
    let mut sentence_start = 0;
    let mut word_start: Option<usize> = None;
    // The end of the word's last letter, digit or mark so far.
    let mut word_end = 0;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            word_end = i + c.len_utf8();
            continue;
        }
        // A character that draws nothing (a joiner, a soft hyphen, a bidi mark) neither ends
        // a word nor makes a token: the reader sees the word whole. After a word's last
        // letter it is no part of it (the isolate that closes a table cell).
        if is_invisible(c) {
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token {
                range: s..word_end,
                punct: false,
            });
        }
        if !c.is_whitespace() {
            tokens.push(Token {
                range: i..i + c.len_utf8(),
                punct: true,
            });
        }
        if (ends_sentence(c) || c == '\n') && tokens.len() > sentence_start {
            sentences.push(sentence_start..tokens.len());
            sentence_start = tokens.len();
        }
    }
    if let Some(s) = word_start {
        tokens.push(Token {
            range: s..word_end,
            punct: false,
        });
    }
    if tokens.len() > sentence_start {
        sentences.push(sentence_start..tokens.len());
    }
    (tokens, sentences)
}

/// Bytes after which a sentence is cut at a space: no real sentence is that long, and the
/// tagger's work on one grows with its length.
const LONGEST_SENTENCE: usize = 64 << 10;

/// Cuts `text` into pieces of whole sentences of about `size` bytes each, which [`tokenize`]
/// cuts into the same tokens and sentences as the whole text: a piece ends after a line end,
/// or in a long line after the punctuation that closes a sentence. A stretch of
/// `LONGEST_SENTENCE` bytes with neither is cut after a space.
pub fn pieces(text: &str, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let size = size.max(1);
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    while start < text.len() {
        let from = start.saturating_add(size);
        let limit = from.saturating_add(LONGEST_SENTENCE).min(text.len());
        let after = |test: &dyn Fn(usize) -> Option<usize>, to: usize| (from..to).find_map(test);
        // '؟' is D8 9F in UTF-8; every other byte tested stands for itself.
        let closes = |i: usize| match bytes[i] {
            b'.' | b'!' | b'?' => Some(i + 1),
            0xD8 if bytes.get(i + 1) == Some(&0x9F) => Some(i + 2),
            _ => None,
        };
        let end = if from >= text.len() {
            text.len()
        } else {
            memchr::memchr(b'\n', bytes.get(from..limit).unwrap_or_default())
                .map(|i| from + i + 1)
                .or_else(|| after(&closes, limit))
                .or_else(|| {
                    memchr::memchr(b' ', bytes.get(limit..).unwrap_or_default())
                        .map(|i| limit + i + 1)
                })
                .unwrap_or(text.len())
        };
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn pieces_cut_into_the_tokens_and_sentences_of_the_whole(
            text in "[ب ت.؟!?\n\u{200D}\u{064E}،a1]{0,120}",
            size in 1usize..40,
        ) {
            let (tokens, sentences) = tokenize(&text);
            let (mut all_tokens, mut all_sentences) = (Vec::new(), Vec::new());
            let mut end = 0;
            for piece in pieces(&text, size) {
                prop_assert_eq!(piece.start, end, "pieces follow each other");
                end = piece.end;
                let (t, s) = tokenize(text.get(piece.clone()).expect("a char boundary"));
                let base = all_tokens.len();
                all_sentences.extend(s.into_iter().map(|r| r.start + base..r.end + base));
                all_tokens.extend(t.into_iter().map(|t| Token {
                    range: t.range.start + piece.start..t.range.end + piece.start,
                    ..t
                }));
            }
            prop_assert_eq!(end, text.len());
            prop_assert_eq!(all_tokens, tokens);
            prop_assert_eq!(all_sentences, sentences);
        }
    }

    #[test]
    fn a_long_stretch_without_a_sentence_end_is_cut_after_a_space() {
        let text = "كلمة ".repeat(100_000);
        let p = pieces(&text, 10);
        assert!(p.len() > 5, "{p:?}");
        let longest = 10 + LONGEST_SENTENCE + "كلمة ".len();
        assert!(p.iter().all(|r| r.len() <= longest), "{p:?}");
        assert!(
            p.iter()
                .all(|r| text.get(..r.end).expect("a char boundary").ends_with(' ')),
            "{p:?}"
        );
    }

    /// The text of each token of `text`.
    fn token_texts(text: &str) -> Vec<&str> {
        tokenize(text)
            .0
            .iter()
            .filter_map(|t| text.get(t.range.clone()))
            .collect()
    }

    #[test]
    fn punctuation_is_split_off_and_offsets_point_into_the_text() {
        let text = "حلف شمال الأطلسي (الناتو)، “الرباط”؟ نعم.\nسطر";
        let (_, sentences) = tokenize(text);
        assert_eq!(
            token_texts(text),
            [
                "حلف",
                "شمال",
                "الأطلسي",
                "(",
                "الناتو",
                ")",
                "،",
                "“",
                "الرباط",
                "”",
                "؟",
                "نعم",
                ".",
                "سطر"
            ]
        );
        assert_eq!(sentences, vec![0..11, 11..13, 13..14]);
    }

    #[test]
    fn harakat_stay_inside_their_word() {
        let (tokens, _) = tokenize("مُحَمَّد");
        assert_eq!(tokens.len(), 1);
    }

    #[test]
    fn invisible_characters_neither_split_a_word_nor_make_a_token() {
        for hidden in [
            '\u{2060}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{00AD}',
        ] {
            let text = format!("قال \u{200F}مر{hidden}حبا.");
            assert_eq!(
                token_texts(&text),
                ["قال", format!("مر{hidden}حبا").as_str(), "."],
                "{hidden:?}"
            );
        }
    }

    #[test]
    fn an_isolate_after_a_word_is_no_part_of_it() {
        // A table cell as the book reader writes it: each cell isolated.
        let text = "\u{2068}المعز لدين الله\u{2069} | \u{2068}٣٤٠\u{2069}\nالله\u{2069}";
        assert_eq!(
            token_texts(text),
            ["المعز", "لدين", "الله", "|", "٣٤٠", "الله"]
        );
    }
}
