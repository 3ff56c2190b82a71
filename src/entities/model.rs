//! The trained tagger: two stages of feature weights in open-addressing tables with their
//! transition scores, and the names seen in training; with the compact binary format it ships in.
//!
//! Format (little endian): magic `QNER2`; per stage (first, then second): f32 weight scale, the
//! transition table as f32, u32 feature count, then per feature sorted by id: u32 id, u16 mask of
//! non-zero tags and one i16 per set bit; then u32 word count and per training word sorted: u8
//! length, UTF-8 bytes, u16 times in a name, u16 times seen.
//! Sorted records and fixed quantisation make the bytes a pure function of the weights.

use super::decode::{Transitions, viterbi, viterbi_margins};
use super::tags::{N_TAGS, Tag};
use std::collections::BTreeMap;

const MAGIC: &[u8; 5] = b"QNER2";

/// Feature weights, one per tag.
pub type Weights = [f32; N_TAGS];

/// A sum of quantised feature weights, one per tag ([`Stage::add`]).
pub type Quantised = [i32; N_TAGS];

/// How often a word was seen in training, and how often as part of a name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Times tagged B- or I-.
    pub in_name: u16,
    /// Times seen at all.
    pub total: u16,
}

/// One slot of a stage's table: a feature id (0 for an empty slot) and the row of its weights.
#[derive(Clone, Copy, Default)]
struct Slot {
    id: u32,
    row: u32,
}

/// One tagging stage: feature weights and transitions.
pub struct Stage {
    trans: Transitions,
    /// Open-addressing table of the features' ids, at most half full. Every feature of every
    /// token is looked up here and most are not in it, so a slot is kept to eight bytes: a
    /// probe reads one cache line, and the table is a third of what it would be with the
    /// weights inline.
    slots: Vec<Slot>,
    /// Each feature's weights per tag, quantised: multiply by `scale` for a score.
    weights: Vec<[i16; N_TAGS]>,
    /// Multiplies a quantised weight back into a score.
    scale: f32,
}

/// A trained tagger: a first stage that tags each sentence on its own, and a second that also
/// reads what the first found elsewhere in the document.
pub struct Model {
    first: Stage,
    second: Stage,
    /// Every folded training word: how often it was part of a name, and how often it was seen.
    vocabulary: BTreeMap<String, Seen>,
}

impl Stage {
    /// A stage from averaged weights (features sorted by id). Weights are quantised to 16 bits
    /// here, so a stage scores the same before and after a round trip through its bytes.
    pub fn new(trans: Transitions, features: Vec<(u32, Weights)>) -> Stage {
        let max = features
            .iter()
            .flat_map(|f| f.1.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let quantised = features
            .into_iter()
            .map(|(id, w)| (id, w.map(|x| (x / scale).round() as i16)));
        Stage::from_quantised(trans, scale, quantised.collect())
    }

    fn from_quantised(
        trans: Transitions,
        scale: f32,
        features: Vec<(u32, [i16; N_TAGS])>,
    ) -> Stage {
        let features: Vec<_> = features
            .into_iter()
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
            .collect();
        let cap = (features.len() * 2).next_power_of_two().max(16);
        let mut m = Stage {
            trans,
            slots: vec![Slot::default(); cap],
            weights: Vec::with_capacity(features.len()),
            scale,
        };
        for (id, weights) in features {
            let mut s = m.home(id);
            while m.slots[s].id != 0 {
                s = (s + 1) & (cap - 1);
            }
            m.slots[s] = Slot {
                id,
                row: m.weights.len() as u32,
            };
            m.weights.push(weights);
        }
        m
    }

    fn home(&self, id: u32) -> usize {
        (id.wrapping_mul(0x9E37_79B1) as usize) & (self.slots.len() - 1)
    }

    fn get(&self, id: u32) -> Option<&[i16; N_TAGS]> {
        let mask = self.slots.len() - 1;
        let mut s = self.home(id);
        loop {
            match self.slots[s] {
                Slot { id: 0, .. } => return None,
                slot if slot.id == id => return self.weights.get(slot.row as usize),
                _ => s = (s + 1) & mask,
            }
        }
    }

    /// Sum of the weights of `features` per tag.
    pub fn emission(&self, features: &[u32]) -> Weights {
        let mut sum = [0; N_TAGS];
        self.add(features, &mut sum);
        self.scores(sum)
    }

    /// Adds the quantised weights of `features` to `sum`: weights are summed in integers and
    /// scaled once ([`Stage::scores`]), which is exact whatever the order they are added in,
    /// and cheaper than a float per weight.
    pub fn add(&self, features: &[u32], sum: &mut Quantised) {
        for w in features.iter().filter_map(|&f| self.get(f)) {
            for (a, &b) in sum.iter_mut().zip(w) {
                *a += i32::from(b);
            }
        }
    }

    /// The scores per tag of a sum of quantised weights.
    pub fn scores(&self, sum: Quantised) -> Weights {
        sum.map(|x| x as f32 * self.scale)
    }

    /// The best tags for per-token emission scores.
    pub fn decode(&self, emissions: &[Weights]) -> Vec<Tag> {
        viterbi(emissions, &self.trans)
    }

    /// The best tags, and per token the margin by which its tag beats the best rival path.
    pub fn decode_margins(&self, emissions: &[Weights]) -> (Vec<Tag>, Vec<f32>) {
        viterbi_margins(emissions, &self.trans)
    }

    #[cfg(feature = "train")]
    fn write(&self, out: &mut Vec<u8>) {
        let mut quantised: Vec<(u32, &[i16; N_TAGS])> = self
            .slots
            .iter()
            .filter(|s| s.id != 0)
            .map(|s| (s.id, &self.weights[s.row as usize]))
            .collect();
        quantised.sort_by_key(|r| r.0);
        out.extend(self.scale.to_le_bytes());
        for row in &self.trans {
            for t in row {
                out.extend(t.to_le_bytes());
            }
        }
        out.extend((quantised.len() as u32).to_le_bytes());
        for (id, q) in quantised {
            out.extend(id.to_le_bytes());
            let mask = q
                .iter()
                .enumerate()
                .fold(0u16, |m, (t, &x)| if x != 0 { m | 1 << t } else { m });
            out.extend(mask.to_le_bytes());
            for x in q.iter().filter(|&&x| x != 0) {
                out.extend(x.to_le_bytes());
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Stage, String> {
        let scale = r.f32()?;
        let mut trans = [[0.0; N_TAGS]; N_TAGS + 1];
        for row in trans.iter_mut() {
            for t in row.iter_mut() {
                *t = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        let mut features = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.u32()?;
            let mask = u16::from_le_bytes(r.array()?);
            let mut w = [0i16; N_TAGS];
            for (t, x) in w.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *x = i16::from_le_bytes(r.array()?);
                }
            }
            features.push((id, w));
        }
        Ok(Stage::from_quantised(trans, scale, features))
    }
}

impl Model {
    /// A model from its two stages and the training vocabulary.
    pub fn new(first: Stage, second: Stage, vocabulary: BTreeMap<String, Seen>) -> Model {
        Model {
            first,
            second,
            vocabulary,
        }
    }

    /// The stage that tags a sentence on its own.
    pub fn first(&self) -> &Stage {
        &self.first
    }

    /// The stage that also reads the document features of the first stage's tags.
    pub fn second(&self) -> &Stage {
        &self.second
    }

    /// Number of features with a weight, over both stages.
    pub fn feature_count(&self) -> usize {
        self.first.weights.len() + self.second.weights.len()
    }

    /// How often `folded` was seen in training, and as (part of) a name.
    pub fn seen(&self, folded: &str) -> Seen {
        self.vocabulary.get(folded).copied().unwrap_or_default()
    }

    /// The model in its shipped binary form.
    #[cfg(feature = "train")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.first.write(&mut out);
        self.second.write(&mut out);
        // Words longer than a length byte holds are left out (no Arabic word comes near).
        let words = self.vocabulary.iter().filter(|(w, _)| w.len() <= 255);
        out.extend((words.clone().count() as u32).to_le_bytes());
        for (word, seen) in words {
            out.push(word.len() as u8);
            out.extend(word.as_bytes());
            out.extend(seen.in_name.to_le_bytes());
            out.extend(seen.total.to_le_bytes());
        }
        out
    }

    /// Reads a model written by `Model::to_bytes` (the training example writes it).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a qari NER model".into());
        }
        let first = Stage::read(&mut r)?;
        let second = Stage::read(&mut r)?;
        let mut vocabulary = BTreeMap::new();
        for _ in 0..r.u32()? {
            let len = usize::from(r.take(1)?[0]);
            let word = std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?;
            let in_name = u16::from_le_bytes(r.array()?);
            let total = u16::from_le_bytes(r.array()?);
            vocabulary.insert(word.to_owned(), Seen { in_name, total });
        }
        Ok(Model::new(first, second, vocabulary))
    }
}

/// A cursor over the model bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .bytes
            .get(self.pos..self.pos + n)
            .ok_or("truncated model")?;
        self.pos += n;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        self.take(N)?
            .try_into()
            .map_err(|_| "truncated model".to_owned())
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}
