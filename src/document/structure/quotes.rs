//! Pull quotes found by repetition: a line whose words mostly reappear in one sentence of
//! another line repeats or closely paraphrases it.

use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};

use super::shape::{ends_sentence, is_final, word_count};
use crate::arabic::{Fold, fold_str};

/// Words a pull quote has: fewer, and an overlap with a sentence means nothing; more, and the
/// line is a paragraph (skipping those also keeps the comparison cheap).
pub(super) const WORDS: RangeInclusive<usize> = 6..=60;
/// Fewest distinctive words a candidate needs after common words are set aside.
const MIN_DISTINCTIVE: usize = 4;
/// Most sentences a distinctive word may appear in (fewer in a short article).
const MAX_COMMON: usize = 64;
/// Share of a candidate's distinctive words that one sentence elsewhere must hold.
const MIN_CONTAINMENT: f64 = 0.7;

/// The article's sentences as sorted, distinct word ids, with the lines they come from.
struct Sentences {
    /// Word ids of each sentence.
    words: Vec<Vec<u32>>,
    /// The line each sentence belongs to.
    line: Vec<usize>,
    /// Sentences of each line, as a range of indices (empty for lines outside the pool).
    of_line: Vec<Range<usize>>,
    /// Sentences holding each word id.
    postings: Vec<Vec<u32>>,
}

impl Sentences {
    /// Folds each line once, cuts it into sentences and gives every distinct word an id. Word
    /// lists are kept only for the sentences of `wanted` lines (the candidates), and a word's
    /// sentences only up to one past the most a distinctive word may have: in a book, the rest
    /// would take more memory than its text.
    fn new(pool: &[Option<&str>], wanted: &[bool]) -> Sentences {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut s = Sentences {
            words: Vec::new(),
            line: Vec::new(),
            of_line: Vec::with_capacity(pool.len()),
            postings: Vec::new(),
        };
        for (line, text) in pool.iter().enumerate() {
            let first = s.words.len();
            let folded = text.map(|t| fold_str(t, Fold::LOOSE)).unwrap_or_default();
            for sentence in split_sentences(&folded) {
                let mut words: Vec<u32> = keys(sentence)
                    .map(|k| match ids.get(k) {
                        Some(&id) => id,
                        None => {
                            let id = ids.len() as u32;
                            ids.insert(k.to_string(), id);
                            id
                        }
                    })
                    .collect();
                words.sort_unstable();
                words.dedup();
                s.postings.resize(ids.len(), Vec::new());
                for &w in &words {
                    if let Some(p) = s.postings.get_mut(w as usize)
                        && p.len() <= MAX_COMMON
                    {
                        p.push(s.words.len() as u32);
                    }
                }
                if !wanted.get(line).copied().unwrap_or(false) {
                    words = Vec::new();
                }
                s.words.push(words);
                s.line.push(line);
            }
            s.of_line.push(first..s.words.len());
        }
        s
    }

    /// The distinct word ids of a line.
    fn of(&self, line: usize) -> Vec<u32> {
        let range = self.of_line.get(line).cloned().unwrap_or_default();
        let mut words: Vec<u32> = self.words.get(range).unwrap_or_default().concat();
        words.sort_unstable();
        words.dedup();
        words
    }
}

/// The lines among `candidates` that repeat or paraphrase a sentence of another line of `pool`
/// (`pool[i]` is line `i`'s text, `None` for lines that take no part: blanks, the title).
///
/// Words that occur in many sentences (`في`, the article's subject) say nothing about which
/// sentence a line comes from, so only distinctive words count, like an inverse document
/// frequency cut. Of two lines that hold each other, the finished, longer, earlier one is
/// the original and the other the quote.
pub(super) fn repeated(pool: &[Option<&str>], candidates: &[usize]) -> Vec<usize> {
    let mut wanted = vec![false; pool.len()];
    for &c in candidates {
        if let Some(w) = wanted.get_mut(c) {
            *w = true;
        }
    }
    let sentences = Sentences::new(pool, &wanted);
    let common = (sentences.words.len() / 8).clamp(3, MAX_COMMON);
    let rank = |line: usize| {
        let text = pool.get(line).copied().flatten().unwrap_or("");
        (
            ends_sentence(text),
            word_count(text),
            std::cmp::Reverse(line),
        )
    };
    // Hit counts per sentence, reset after each candidate through the list of those touched.
    let mut hits: Vec<u16> = vec![0; sentences.words.len()];
    let mut touched: Vec<u32> = Vec::new();
    candidates
        .iter()
        .copied()
        .filter(|&c| {
            let distinct: Vec<&Vec<u32>> = sentences
                .of(c)
                .into_iter()
                .filter_map(|w| sentences.postings.get(w as usize))
                .filter(|p| p.len() <= common)
                .collect();
            if distinct.len() < MIN_DISTINCTIVE {
                return false;
            }
            let own = sentences.of_line.get(c).cloned().unwrap_or_default();
            for &s in distinct.iter().copied().flatten() {
                if !own.contains(&(s as usize))
                    && let Some(h) = hits.get_mut(s as usize)
                {
                    if *h == 0 {
                        touched.push(s);
                    }
                    *h = h.saturating_add(1);
                }
            }
            let needed = MIN_CONTAINMENT * distinct.len() as f64;
            let found = touched.iter().any(|&s| {
                let n = hits.get(s as usize).copied().unwrap_or(0);
                let other = sentences.line.get(s as usize).copied().unwrap_or(c);
                f64::from(n) >= needed && rank(other) > rank(c)
            });
            for s in touched.drain(..) {
                if let Some(h) = hits.get_mut(s as usize) {
                    *h = 0;
                }
            }
            found
        })
        .collect()
}

/// The sentences of a line: cut after final punctuation that a space follows.
fn split_sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        let mut end = rest.len();
        while let Some((i, c)) = chars.next() {
            if is_final(c) && chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                end = i + c.len_utf8();
                break;
            }
        }
        let (s, r) = rest.split_at_checked(end)?;
        rest = r.trim_start();
        Some(s)
    })
}

/// The words of a text folded for matching: harakat, spelling variants and case aside.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    words_of(&fold_str(text, Fold::LOOSE))
        .map(String::from)
        .collect()
}

/// Matching keys of folded text: its words, with the conjunction `و` glued to a word set
/// aside (`ولدى` and `لدى` are one word to a reader).
fn keys(folded: &str) -> impl Iterator<Item = &str> {
    words_of(folded).map(|w| match w.strip_prefix('و') {
        Some(stem) if stem.chars().count() >= 3 => stem,
        _ => w,
    })
}

/// The words of folded text: runs of letters and digits.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}
