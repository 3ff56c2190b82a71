//! Viterbi decoding of the best tag sequence under first-order transitions, with I-X allowed
//! only after B-X or I-X.

use super::tags::{N_TAGS, Tag, allowed};

/// Transition scores: row 0 is the sentence start, row `p + 1` follows tag `p`.
pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// The highest-scoring valid tag sequence for per-token `emissions`.
pub fn viterbi(emissions: &[[f32; N_TAGS]], trans: &Transitions) -> Vec<Tag> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if allowed(None, t as Tag) {
            *s = trans[0][t] + emissions[0][t];
        }
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for (t, nt) in next.iter_mut().enumerate() {
            for (p, &sp) in score.iter().enumerate() {
                if sp == f32::NEG_INFINITY || !allowed(Some(p as Tag), t as Tag) {
                    continue;
                }
                let s = sp + trans[p + 1][t];
                if s > *nt {
                    *nt = s;
                    back[i][t] = p as Tag;
                }
            }
            *nt += emissions[i][t];
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..N_TAGS {
        if score[t] > score[best] {
            best = t;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best as Tag;
    for i in (1..n).rev() {
        out[i - 1] = back[i][usize::from(out[i])];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Kind;
    use crate::entities::tags::{begin, inside};

    #[test]
    fn an_inside_tag_never_follows_outside() {
        // The emissions alone would say O, I-PERS; the constraint forces a valid sequence.
        let mut e = [[0.0; N_TAGS]; 2];
        e[0][0] = 1.0;
        e[1][usize::from(inside(Kind::Person))] = 5.0;
        e[1][usize::from(begin(Kind::Person))] = 4.0;
        let tags = viterbi(&e, &[[0.0; N_TAGS]; N_TAGS + 1]);
        assert_eq!(tags, vec![0, begin(Kind::Person)]);
    }
}
