//! Splits text into word and punctuation tokens with their byte ranges, and into sentences.

use crate::arabic::normalize::is_ignorable_mark;
use std::ops::Range;

/// One token: a run of letters and digits, or one punctuation character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// True for a punctuation token (quotes, brackets, ، ؛ ؟ . and the like).
    pub punct: bool,
}

/// Characters that belong inside a word: letters, digits, harakat and the joiners.
fn is_word_char(c: char) -> bool {
    // Arabic letters and harakat first: the common case, without the Unicode table search.
    matches!(c, '\u{0621}'..='\u{065F}')
        || c.is_ascii_alphanumeric()
        || c.is_alphanumeric()
        || is_ignorable_mark(c)
        || matches!(c, '\u{200C}' | '\u{200D}')
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
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token {
                range: s..i,
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
            range: s..text.len(),
            punct: false,
        });
    }
    if tokens.len() > sentence_start {
        sentences.push(sentence_start..tokens.len());
    }
    (tokens, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_split_off_and_offsets_point_into_the_text() {
        let text = "حلف شمال الأطلسي (الناتو)، “الرباط”؟ نعم.\nسطر";
        let (tokens, sentences) = tokenize(text);
        let words: Vec<&str> = tokens
            .iter()
            .filter_map(|t| text.get(t.range.clone()))
            .collect();
        assert_eq!(
            words,
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
}
