//! Viterbi decoding of the best tag sequence under first-order transitions, with I-X allowed
//! only after B-X or I-X, and the margin by which each chosen tag beats its best rival.

use super::tags::{N_TAGS, Tag, allowed};

/// Transition scores: row 0 is the sentence start, row `p + 1` follows tag `p`.
pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// `trans` with every transition the tags forbid at minus infinity: a path through one scores
/// minus infinity and never wins, so the loops need no test.
fn masked(trans: &Transitions) -> Transitions {
    let mut m = *trans;
    for (r, row) in m.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            if !allowed(r.checked_sub(1).map(|p| p as Tag), t as Tag) {
                *x = f32::NEG_INFINITY;
            }
        }
    }
    m
}

/// Per token and tag, the best score of a valid prefix ending in that tag there, its emission
/// included, and the tag before it on that prefix (the first best on a tie); `trans` is
/// [`masked`].
fn forward(
    emissions: &[[f32; N_TAGS]],
    trans: &Transitions,
) -> (Vec<[f32; N_TAGS]>, Vec<[Tag; N_TAGS]>) {
    let n = emissions.len();
    let mut score = vec![[f32::NEG_INFINITY; N_TAGS]; n];
    let mut back = vec![[0; N_TAGS]; n];
    let Some(first) = emissions.first() else {
        return (score, back);
    };
    for t in 0..N_TAGS {
        score[0][t] = trans[0][t] + first[t];
    }
    for i in 1..n {
        let prev = score[i - 1];
        for t in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            for (p, &sp) in prev.iter().enumerate() {
                let s = sp + trans[p + 1][t];
                if s > best {
                    best = s;
                    back[i][t] = p as Tag;
                }
            }
            score[i][t] = best + emissions[i][t];
        }
    }
    (score, back)
}

/// The path [`forward`]'s scores and back pointers give: the best last tag (the first on a
/// tie), and the tags before it.
fn best_path(score: &[[f32; N_TAGS]], back: &[[Tag; N_TAGS]]) -> Vec<Tag> {
    let n = score.len();
    if n == 0 {
        return Vec::new();
    }
    let last = &score[n - 1];
    let mut best = 0;
    for t in 1..N_TAGS {
        if last[t] > last[best] {
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

/// The highest-scoring valid tag sequence for per-token `emissions`.
pub fn viterbi(emissions: &[[f32; N_TAGS]], trans: &Transitions) -> Vec<Tag> {
    let (score, back) = forward(emissions, &masked(trans));
    best_path(&score, &back)
}

/// The best valid tag sequence, and per token the margin by which its tag beats the best path
/// that gives that token another tag (max-marginals from a forward and a backward pass): how
/// sure the tagger is of each tag, in score units.
pub fn viterbi_margins(emissions: &[[f32; N_TAGS]], trans: &Transitions) -> (Vec<Tag>, Vec<f32>) {
    let trans = &masked(trans);
    let (forward, back) = forward(emissions, trans);
    let tags = best_path(&forward, &back);
    drop(back);
    let n = emissions.len();
    if n == 0 {
        return (tags, Vec::new());
    }
    // backward[i][t]: the best suffix after tag t at i, its own emission left out.
    let mut backward = vec![[0f32; N_TAGS]; n];
    for i in (0..n - 1).rev() {
        for p in 0..N_TAGS {
            backward[i][p] = (0..N_TAGS)
                .map(|t| trans[p + 1][t] + emissions[i + 1][t] + backward[i + 1][t])
                .fold(f32::NEG_INFINITY, f32::max);
        }
    }
    let margins = tags
        .iter()
        .enumerate()
        .map(|(i, &chosen)| {
            let best = forward[i][usize::from(chosen)] + backward[i][usize::from(chosen)];
            let rival = (0..N_TAGS)
                .filter(|&t| t != usize::from(chosen))
                .map(|t| forward[i][t] + backward[i][t])
                .fold(f32::NEG_INFINITY, f32::max);
            (best - rival).max(0.0)
        })
        .collect();
    (tags, margins)
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

    #[test]
    fn margins_measure_how_far_the_rival_path_is() {
        // Token 0 is clearly a person; token 1 barely outside.
        let mut e = [[0.0; N_TAGS]; 2];
        e[0][usize::from(begin(Kind::Person))] = 6.0;
        e[1][0] = 1.0;
        e[1][usize::from(begin(Kind::Location))] = 0.5;
        let trans = [[0.0; N_TAGS]; N_TAGS + 1];
        let (tags, margins) = viterbi_margins(&e, &trans);
        assert_eq!(tags, viterbi(&e, &trans));
        assert_eq!(tags, vec![begin(Kind::Person), 0]);
        assert!((margins[0] - 6.0).abs() < 1e-5, "{margins:?}");
        assert!((margins[1] - 0.5).abs() < 1e-5, "{margins:?}");
    }
}
