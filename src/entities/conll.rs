//! Reads CoNLL files (`token TAG` lines, blank lines between sentences) such as ANERcorp.

use super::tags::{self, Tag};

/// One annotated sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens as written.
    pub words: Vec<String>,
    /// One BIO tag per token.
    pub tags: Vec<Tag>,
}

/// Parses a CoNLL text; a line that is not `token TAG` is an error naming its line number.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (word, tag) = line
            .rsplit_once(char::is_whitespace)
            .and_then(|(w, t)| Some((w.trim(), tags::parse(t)?)))
            .ok_or_else(|| format!("line {}: expected `token TAG`, found {line:?}", n + 1))?;
        cur.words.push(word.to_owned());
        cur.tags.push(tag);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Splits sentences into the first five sixths (training) and the last sixth (held out).
pub fn split_held_out(sentences: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    sentences.split_at(sentences.len() - sentences.len() / 6)
}
