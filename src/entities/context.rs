//! Document features for the second stage: how the first stage tagged the same stem elsewhere in
//! the document (Krishnan and Manning 2006), so a name recognised in one sentence helps in another.

use super::features::{Hash, Word};
use super::tags::{N_TAGS, O, Tag};
use std::collections::HashMap;

/// First-stage tag counts per stem over the sentences within `radius` of the current one.
pub struct Window<'a> {
    words: &'a [Vec<Word>],
    tags: &'a [Vec<Tag>],
    radius: usize,
    counts: HashMap<&'a str, [u16; N_TAGS]>,
    /// Sentences `lo..hi` are counted.
    lo: usize,
    hi: usize,
}

impl<'a> Window<'a> {
    /// A window over prepared sentences and the first stage's tags for them.
    pub fn new(words: &'a [Vec<Word>], tags: &'a [Vec<Tag>], radius: usize) -> Window<'a> {
        Window {
            words,
            tags,
            radius,
            counts: HashMap::new(),
            lo: 0,
            hi: 0,
        }
    }

    fn count(&mut self, k: usize, add: bool) {
        for (w, &t) in self.words[k].iter().zip(&self.tags[k]) {
            let c = &mut self.counts.entry(w.stem()).or_default()[usize::from(t)];
            *c = if add {
                c.saturating_add(1)
            } else {
                c.saturating_sub(1)
            };
        }
    }

    /// Pushes the document features of token `i` of sentence `k` onto `out`; `k` must not
    /// decrease from one call to the next.
    pub fn features(&mut self, k: usize, i: usize, out: &mut Vec<u32>) {
        let end = k
            .saturating_add(self.radius)
            .saturating_add(1)
            .min(self.words.len());
        while self.hi < end {
            self.count(self.hi, true);
            self.hi += 1;
        }
        while self.lo.saturating_add(self.radius) < k {
            self.count(self.lo, false);
            self.lo += 1;
        }
        let (counts, words, tags) = (&self.counts, &self.words[k], &self.tags[k]);
        evidence(
            |j| counts.get(words[j].stem()).copied().unwrap_or_default(),
            tags,
            i,
            out,
        );
    }
}

/// Pushes the document features of token `i` of a sentence onto `out`: `counts(j)` gives the
/// first-stage tag counts of token `j`'s stem over the document (or the window read), its own
/// tag among them, and `tags` the first stage's tags for the sentence.
pub fn evidence(
    counts: impl Fn(usize) -> [u16; N_TAGS],
    tags: &[Tag],
    i: usize,
    out: &mut Vec<u32>,
) {
    // Token `j`'s counts with its own tag left out (it says nothing about the rest of the
    // document).
    let elsewhere = |j: usize| {
        let mut c = counts(j);
        let own = &mut c[usize::from(tags[j])];
        *own = own.saturating_sub(1);
        c
    };
    let c = elsewhere(i);
    let total: usize = c.iter().map(|&x| usize::from(x)).sum();
    let named = total - usize::from(c[usize::from(O)]);
    if named == 0 {
        // Never a name elsewhere: the more often seen, the surer it is no name.
        out.push(Hash::new(30).byte(total.min(3) as u8).id());
    } else {
        for (t, _) in c.iter().enumerate().skip(1).filter(|(_, x)| **x > 0) {
            out.push(Hash::new(31).byte(t as u8).id());
        }
        // How much of the time the stem was a name at all, and of which kind mostly.
        let share = (named * 4 / total) as u8;
        out.push(Hash::new(32).byte(best(&c)).byte(share).id());
    }
    // The neighbours' kinds elsewhere: a known first name makes the next word a surname.
    for (t, d) in [(33u8, -1isize), (34, 1)] {
        let Some(j) = i.checked_add_signed(d).filter(|&j| j < tags.len()) else {
            continue;
        };
        let c = elsewhere(j);
        if c.iter().skip(1).any(|&x| x > 0) {
            out.push(Hash::new(t).byte(best(&c)).id());
        }
    }
}
/// The kind (index in `Kind::ALL`) most often given in tag counts.
fn best(c: &[u16; N_TAGS]) -> u8 {
    let kind_count = |k: usize| u32::from(c[1 + 2 * k]) + u32::from(c[2 + 2 * k]);
    (0..4)
        .max_by_key(|&k| (kind_count(k), std::cmp::Reverse(k)))
        .unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::prepare;

    #[test]
    fn a_name_found_in_another_sentence_is_a_feature_and_the_own_tag_is_not() {
        let words = vec![prepare(&["قال", "حالوتس"]), prepare(&["وحالوتس", "هنا"])];
        let person = Hash::new(31).byte(1).id();
        let feats = |tags: &[Vec<Tag>], k: usize, i: usize| {
            let mut out = Vec::new();
            Window::new(&words, tags, 1).features(k, i, &mut out);
            out
        };
        // حالوتس tagged B-PERS in the first sentence: the clitic form in the second learns it.
        let tags = vec![vec![O, 1], vec![O, O]];
        assert!(feats(&tags, 1, 0).contains(&person));
        // Tagged only where it stands, it has no evidence from elsewhere.
        let tags = vec![vec![O, O], vec![1, O]];
        assert!(!feats(&tags, 1, 0).contains(&person));
    }
}
