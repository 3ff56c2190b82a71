//! Trains the tagger: two stages of structured averaged perceptron over Viterbi decoding,
//! deterministic (fixed-seed shuffling, no hash-order dependence) so the same data gives the same
//! bytes. The second stage learns from first-stage tags that were themselves out of fold, so its
//! document features look in training the way they will on new text.

use super::conll::Sentence;
use super::context::Window;
use super::decode::{Transitions, viterbi};
use super::features::{Word, features, prepare};
use super::model::{Model, Seen, Stage, Weights};
use super::tags::{N_TAGS, O, Tag};
use crate::arabic::{Fold, fold_str};
use std::collections::{BTreeMap, HashMap};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the sentence shuffling and of the dropping below.
    pub seed: u64,
    /// Percentage of training tokens whose word-identity features are left out in an update,
    /// so that names never seen in training are still recognised by their affixes and context.
    pub drop_percent: usize,
    /// Taken off the score of every O tag in the finished model. The perceptron learns to
    /// prefer O wherever it is unsure (its precision runs far above its recall), and exact-span
    /// F1 gains from a push towards names; the value was chosen on a split inside the training
    /// part. Folded into the transitions into O, so decoding needs no extra step.
    pub outside_penalty: f32,
    /// Sentences either side whose first-stage tags the second stage reads. The training text
    /// has no article boundaries; new text is read as one article whatever its length.
    pub window: usize,
    /// Parts the training text is cut into for the out-of-fold first-stage tags.
    pub folds: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 30,
            seed: 0x5141_5249,
            drop_percent: 20,
            outside_penalty: 16.0,
            window: 10,
            folds: 5,
        }
    }
}

/// A weight and the sum of its timestamped updates, for averaging without touching every weight.
#[derive(Clone, Copy, Default)]
struct Averaged {
    w: Weights,
    u: Weights,
}

/// The features of every token of a sentence, flattened.
struct Encoded {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    /// Per token, how many of its features (the first ones) name the word itself.
    identity: Vec<usize>,
}

impl Encoded {
    /// The features of a prepared sentence, each token's followed by those `more` adds.
    fn new(words: &[Word], mut more: impl FnMut(usize, &mut Vec<u32>)) -> Encoded {
        let mut feats = Vec::new();
        let mut offsets = vec![0];
        let mut identity = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            identity.push(features(words, i, &mut feats));
            more(i, &mut feats);
            offsets.push(feats.len());
        }
        Encoded {
            feats,
            offsets,
            identity,
        }
    }

    /// The features of token `i`, without those naming the word when `dropped`.
    fn token(&self, i: usize, dropped: bool) -> &[u32] {
        let skip = if dropped { self.identity[i] } else { 0 };
        self.feats
            .get(self.offsets[i] + skip..self.offsets[i + 1])
            .unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The tags `stage` gives the sentence.
    fn tag(&self, stage: &Stage) -> Vec<Tag> {
        let emissions: Vec<Weights> = (0..self.len())
            .map(|i| stage.emission(self.token(i, false)))
            .collect();
        stage.decode(&emissions)
    }
}

/// A small xorshift generator: the shuffle must be the same on every machine.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Trains a model on `sentences`.
pub fn train(sentences: &[Sentence], opts: Options) -> Model {
    let words: Vec<Vec<Word>> = sentences
        .iter()
        .map(|s| prepare(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    let gold: Vec<&[Tag]> = sentences.iter().map(|s| s.tags.as_slice()).collect();
    let base: Vec<Encoded> = words.iter().map(|w| Encoded::new(w, |_, _| {})).collect();
    let first = perceptron(&base.iter().collect::<Vec<_>>(), &gold, opts);
    // Each part tagged by a first stage trained on the other parts.
    let n = sentences.len();
    let folds = opts.folds.clamp(2, n.max(2));
    let mut guessed = Vec::with_capacity(n);
    for f in 0..folds {
        let part = n * f / folds..n * (f + 1) / folds;
        let rest: Vec<usize> = (0..n).filter(|k| !part.contains(k)).collect();
        let stage = perceptron(
            &rest.iter().map(|&k| &base[k]).collect::<Vec<_>>(),
            &rest.iter().map(|&k| gold[k]).collect::<Vec<_>>(),
            opts,
        );
        guessed.extend(base[part].iter().map(|e| e.tag(&stage)));
    }
    let mut window = Window::new(&words, &guessed, opts.window);
    let second: Vec<Encoded> = words
        .iter()
        .enumerate()
        .map(|(k, w)| Encoded::new(w, |i, out| window.features(k, i, out)))
        .collect();
    let second = perceptron(&second.iter().collect::<Vec<_>>(), &gold, opts);
    Model::new(first, second, vocabulary(sentences))
}

/// One stage trained on encoded sentences and their gold tags.
fn perceptron(data: &[&Encoded], gold: &[&[Tag]], opts: Options) -> Stage {
    let mut weights: HashMap<u32, Averaged> = HashMap::new();
    let mut trans = [[Averaged::default(); 1]; N_TAGS + 1].map(|r| r[0]);
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(opts.seed.max(1));
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &k in &order {
            let (enc, gold) = (data[k], gold[k]);
            let dropped: Vec<bool> = (0..enc.len())
                .map(|_| rng.below(100) < opts.drop_percent)
                .collect();
            let emissions: Vec<Weights> = (0..enc.len())
                .map(|i| {
                    let mut e = [0.0; N_TAGS];
                    for w in enc
                        .token(i, dropped[i])
                        .iter()
                        .filter_map(|f| weights.get(f))
                    {
                        e.iter_mut().zip(&w.w).for_each(|(a, b)| *a += b);
                    }
                    e
                })
                .collect();
            let current: Transitions = std::array::from_fn(|r| trans[r].w);
            let pred = viterbi(&emissions, &current);
            if pred != gold {
                update(&mut weights, &mut trans, enc, &dropped, gold, &pred, c);
            }
            c += 1.0;
        }
    }
    let avg = |a: &Averaged| -> Weights { std::array::from_fn(|t| a.w[t] - a.u[t] / c) };
    let mut features: Vec<(u32, Weights)> = weights.iter().map(|(&id, a)| (id, avg(a))).collect();
    features.sort_by_key(|f| f.0);
    let mut trans: Transitions = std::array::from_fn(|r| avg(&trans[r]));
    for row in &mut trans {
        row[usize::from(O)] -= opts.outside_penalty;
    }
    Stage::new(trans, features)
}

/// One perceptron step towards `gold` and away from `pred`.
fn update(
    weights: &mut HashMap<u32, Averaged>,
    trans: &mut [Averaged; N_TAGS + 1],
    enc: &Encoded,
    dropped: &[bool],
    gold: &[Tag],
    pred: &[Tag],
    c: f32,
) {
    let bump = |a: &mut Averaged, t: Tag, d: f32| {
        a.w[usize::from(t)] += d;
        a.u[usize::from(t)] += c * d;
    };
    for i in 0..gold.len() {
        let (g, p) = (gold[i], pred[i]);
        // Row 0 is the sentence start; row t + 1 follows tag t.
        let gr = if i == 0 {
            0
        } else {
            usize::from(gold[i - 1]) + 1
        };
        let pr = if i == 0 {
            0
        } else {
            usize::from(pred[i - 1]) + 1
        };
        if g != p || gr != pr {
            bump(&mut trans[gr], g, 1.0);
            bump(&mut trans[pr], p, -1.0);
        }
        if g != p {
            for &f in enc.token(i, dropped[i]) {
                let a = weights.entry(f).or_default();
                bump(a, g, 1.0);
                bump(a, p, -1.0);
            }
        }
    }
}

/// How often each folded word is seen, and tagged as part of a name.
fn vocabulary(sentences: &[Sentence]) -> BTreeMap<String, Seen> {
    let mut words: BTreeMap<String, Seen> = BTreeMap::new();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            let seen = words.entry(fold_str(w, Fold::LOOSE)).or_default();
            seen.total = seen.total.saturating_add(1);
            if t != O {
                seen.in_name = seen.in_name.saturating_add(1);
            }
        }
    }
    words
}
