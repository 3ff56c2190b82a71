//! Exact-span precision, recall and F1 per kind and overall, the way CoNLL's conlleval counts.

use super::Kind;
use super::tags::{Tag, spans};
use std::fmt;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly (same tokens, same kind).
    pub tp: usize,
    /// Predicted spans that match none.
    pub fp: usize,
    /// Gold spans that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Scores per kind (in `Kind::ALL` order).
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts per kind.
    pub by_kind: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = spans(gold);
        let p = spans(pred);
        for s in &p {
            let c = &mut self.by_kind[s.kind.index()];
            if g.contains(s) { c.tp += 1 } else { c.fp += 1 }
        }
        for s in g.iter().filter(|s| !p.contains(s)) {
            self.by_kind[s.kind.index()].fn_ += 1;
        }
    }

    /// Micro-averaged counts over all kinds.
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        self.by_kind.iter().for_each(|c| all.add(*c));
        all
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| kind | precision | recall | F1 | gold | predicted |")?;
        writeln!(f, "|---|---|---|---|---|---|")?;
        let rows = Kind::ALL
            .iter()
            .map(|k| (k.as_str(), self.by_kind[k.index()]));
        for (name, c) in rows.chain([("overall", self.overall())]) {
            let (p, r, f1) = c.prf();
            writeln!(
                f,
                "| {name} | {p:.4} | {r:.4} | {f1:.4} | {} | {} |",
                c.tp + c.fn_,
                c.tp + c.fp
            )?;
        }
        Ok(())
    }
}
