//! Pull quotes found by repetition: a line whose words mostly reappear in one sentence of
//! another line repeats or closely paraphrases it.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use super::shape::{ends_sentence, is_final, word_count};
use crate::arabic::{Fold, fold_str};

/// Words a pull quote has: fewer, and an overlap with a sentence means nothing; more, and the
/// line is a paragraph (skipping those also keeps the comparison cheap).
pub(super) const WORDS: RangeInclusive<usize> = 6..=60;
/// Fewest distinctive words a candidate needs after common words are set aside.
const MIN_DISTINCTIVE: usize = 4;
/// Share of a candidate's distinctive words that one sentence elsewhere must hold.
const MIN_CONTAINMENT: f64 = 0.7;

/// A sentence of the article as a set of matching keys.
struct Sentence {
    line: usize,
    keys: HashSet<String>,
}

/// The lines among `candidates` that repeat or paraphrase a sentence of another line of `pool`
/// (`pool[i]` is line `i`'s text, `None` for lines that take no part: blanks, the title).
///
/// Words that occur in many sentences (`في`, the article's subject) say nothing about which
/// sentence a line comes from, so only distinctive words count, like an inverse document
/// frequency cut. Of two lines that hold each other, the finished, longer, earlier one is
/// the original and the other the quote.
pub(super) fn repeated(pool: &[Option<&str>], candidates: &[usize]) -> Vec<usize> {
    let sentences: Vec<Sentence> = pool
        .iter()
        .enumerate()
        .filter_map(|(line, text)| Some((line, (*text)?)))
        .flat_map(|(line, text)| {
            split_sentences(text).map(move |s| Sentence {
                line,
                keys: keys(s),
            })
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in sentences.iter().enumerate() {
        for k in &s.keys {
            postings.entry(k.as_str()).or_default().push(i);
        }
    }
    let common = (sentences.len() / 8).clamp(3, 64);
    let rank = |line: usize| {
        let text = pool.get(line).copied().flatten().unwrap_or("");
        (
            ends_sentence(text),
            word_count(text),
            std::cmp::Reverse(line),
        )
    };
    candidates
        .iter()
        .copied()
        .filter(|&c| {
            let Some(text) = pool.get(c).copied().flatten() else {
                return false;
            };
            let distinct: Vec<&Vec<usize>> = keys(text)
                .iter()
                .filter_map(|k| postings.get(k.as_str()))
                .filter(|p| p.len() <= common)
                .collect();
            if distinct.len() < MIN_DISTINCTIVE {
                return false;
            }
            let mut hits: HashMap<usize, usize> = HashMap::new();
            for &s in distinct.iter().copied().flatten() {
                if sentences.get(s).is_some_and(|s| s.line != c) {
                    *hits.entry(s).or_default() += 1;
                }
            }
            hits.into_iter().any(|(s, n)| {
                let other = sentences.get(s).map_or(c, |s| s.line);
                n as f64 >= MIN_CONTAINMENT * distinct.len() as f64 && rank(other) > rank(c)
            })
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
    fold_str(text, Fold::LOOSE)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Matching keys of a text: its folded words, with the conjunction `و` glued to a word set
/// aside (`ولدى` and `لدى` are one word to a reader).
fn keys(text: &str) -> HashSet<String> {
    folded_words(text)
        .into_iter()
        .map(|w| match w.strip_prefix('و') {
            Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
            _ => w,
        })
        .collect()
}
