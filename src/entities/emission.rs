//! The tagger's scores for every token of a text. Most features of a token name its spelling or
//! its neighbours' spellings, and a text writes the same spellings over and over: their weights
//! are summed once per distinct spelling and stage, and a token adds only what depends on where
//! it stands.

use super::features::{Interner, NEAR, Word, named, near, own, pairs, placed};
use super::model::{Model, Quantised, Stage, Weights};
use super::tags::N_TAGS;
use std::sync::{Mutex, PoisonError};

/// Spellings a memo keeps before it starts again: a piece adds some thousands, and each takes
/// some 500 bytes with its sums, so a memo stays near 16 MB while the words a text uses most
/// are summed once for many pieces.
const MOST_FORMS: usize = 32 << 10;

/// The tagger's stages.
#[derive(Clone, Copy)]
pub(super) enum Which {
    /// The stage that tags a sentence on its own.
    First,
    /// The stage that also reads the document features of the first stage's tags.
    Second,
}

impl Which {
    fn of(self, model: &Model) -> &Stage {
        match self {
            Which::First => model.first(),
            Which::Second => model.second(),
        }
    }
}

/// One spelling's sums for one stage: of its own features, then of the features it gives a word
/// as its neighbour at each of [`NEAR`].
type Sums = [Quantised; 1 + NEAR.len()];

/// The spellings of (part of) a text, and what each contributes to each stage's scores.
pub(super) struct Memo<'t> {
    /// The spellings, numbered; words prepared with it carry their spelling's number.
    pub interner: Interner<'t>,
    /// Per stage, the sums of the first spellings of `interner` (all those scored so far).
    sums: [Vec<Sums>; 2],
    /// Per stage, what a missing neighbour (past the sentence's edge) gives at each of [`NEAR`].
    edge: [[Quantised; NEAR.len()]; 2],
}

impl<'t> Memo<'t> {
    /// An empty memo for the stages of `model`.
    pub fn new(model: &Model) -> Memo<'t> {
        let mut ids = Vec::new();
        let edge = [Which::First, Which::Second].map(|which| {
            let stage = which.of(model);
            NEAR.map(|d| {
                ids.clear();
                near(None, d, &mut ids);
                let mut sum = [0; N_TAGS];
                stage.add(&ids, &mut sum);
                sum
            })
        });
        Memo {
            interner: Interner::default(),
            sums: [Vec::new(), Vec::new()],
            edge,
        }
    }

    /// Sums the spellings interned since `which` last scored.
    fn update(&mut self, model: &Model, which: Which) {
        let stage = which.of(model);
        let sums = &mut self.sums[which as usize];
        let mut ids = Vec::with_capacity(32);
        for form in self.interner.forms().get(sums.len()..).unwrap_or_default() {
            let mut s = [[0; N_TAGS]; 1 + NEAR.len()];
            ids.clear();
            named(form, &mut ids);
            own(form, &mut ids);
            stage.add(&ids, &mut s[0]);
            for (d, sum) in NEAR.into_iter().zip(&mut s[1..]) {
                ids.clear();
                near(Some(form), d, &mut ids);
                stage.add(&ids, sum);
            }
            sums.push(s);
        }
    }

    /// The scores `which` stage of `model` gives each tag of a sentence prepared with this
    /// memo's interner, from the features of [`super::features::features`] and those
    /// `more(i, out)` pushes for token `i`.
    pub fn emissions(
        &mut self,
        model: &Model,
        which: Which,
        words: &[Word],
        mut more: impl FnMut(usize, &mut Vec<u32>),
    ) -> Vec<Weights> {
        self.update(model, which);
        let stage = which.of(model);
        let (sums, edge) = (&self.sums[which as usize], &self.edge[which as usize]);
        let mut scratch = Vec::with_capacity(32);
        (0..words.len())
            .map(|i| {
                let mut sum = sums[words[i].id() as usize][0];
                for (k, d) in NEAR.into_iter().enumerate() {
                    let n = i.checked_add_signed(d).and_then(|j| words.get(j));
                    let add = n.map_or(&edge[k], |n| &sums[n.id() as usize][k + 1]);
                    sum.iter_mut().zip(add).for_each(|(a, b)| *a += b);
                }
                scratch.clear();
                pairs(words, i, &mut scratch);
                placed(words, i, &mut scratch);
                more(i, &mut scratch);
                stage.add(&scratch, &mut sum);
                stage.scores(sum)
            })
            .collect()
    }
}

/// Memos for the pieces of a text worked on at once: a piece takes one and gives it back when
/// done, so the spellings one piece scored serve the pieces after it.
pub(super) struct Pool<'m, 't> {
    model: &'m Model,
    free: Mutex<Vec<Memo<'t>>>,
}

impl<'m, 't> Pool<'m, 't> {
    /// An empty pool for the stages of `model`.
    pub fn new(model: &'m Model) -> Pool<'m, 't> {
        Pool {
            model,
            free: Mutex::new(Vec::new()),
        }
    }

    /// A memo no other piece is using; a new one when the one given back has grown large.
    pub fn take(&self) -> Memo<'t> {
        let memo = self
            .free
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        memo.filter(|m| m.interner.forms().len() < MOST_FORMS)
            .unwrap_or_else(|| Memo::new(self.model))
    }

    /// Gives back a memo taken with [`Pool::take`].
    pub fn give(&self, memo: Memo<'t>) {
        self.free
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(memo);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Recogniser;
    use crate::entities::features::{features, prepare_in};
    use crate::entities::tokenize::tokenize;

    #[test]
    fn scores_summed_per_spelling_are_those_of_every_feature() {
        // The article twice through one memo: spellings scored in the first sentences serve
        // the later ones, and every token scores as its full feature list does.
        let text = crate::source::EMBEDDED_ARTICLE;
        let model = Recogniser::embedded().model();
        let (tokens, sentences) = tokenize(text);
        let mut memo = Memo::new(model);
        for _ in 0..2 {
            for sentence in &sentences {
                let written: Vec<&str> = tokens[sentence.clone()]
                    .iter()
                    .map(|t| text.get(t.range.clone()).unwrap_or(""))
                    .collect();
                let words = prepare_in(&written, &mut memo.interner);
                for which in [Which::First, Which::Second] {
                    let extra = |i: usize, out: &mut Vec<u32>| out.push(i as u32 + 7);
                    let fast = memo.emissions(model, which, &words, extra);
                    for (i, scores) in fast.iter().enumerate() {
                        let mut all = Vec::new();
                        features(&words, i, &mut all);
                        extra(i, &mut all);
                        assert_eq!(*scores, which.of(model).emission(&all), "{written:?} {i}");
                    }
                }
            }
        }
    }
}
