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
    // Arabic letters and harakat first: the common case, without the Unicode table search.
    matches!(c, '\u{0621}'..='\u{065F}')
        || c.is_ascii_alphanumeric()
        || c.is_alphanumeric()
        || is_ignorable_mark(c)
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
        // A character that draws nothing (a joiner, a soft hyphen, a bidi mark) neither ends
        // a word nor makes a token: the reader sees the word whole.
        if is_invisible(c) {
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
}
