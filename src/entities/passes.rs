//! Recognition over a whole text, in pieces of whole sentences worked on by every core, in
//! three passes: tag each sentence and tally the text's words; tag again with what the tally
//! says of the whole text, correct the spans and link acronyms; find the names again wherever
//! the tagger missed them and gather the mentions. Between passes only the first stage's tags
//! (a byte a token), the spans and tables of the text's distinct words and names are kept, never
//! a record per token.

use super::context;
use super::document::{Doc, Index, Names, complete, find, prepare, written_with_tanween};
use super::emission::{Memo, Pool};
use super::features::Word;
use super::group::{Mentions, Namer, group};
use super::tags::{N_TAGS, O, Span, Tag, is_inside};
use super::tokenize::{Token, pieces};
use super::{Entity, Kind, Progress, Recogniser};
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// Bytes of text in a piece: the tokens, folded words and features of a piece being worked on
/// take some 60 bytes a byte, so a few pieces at a time stay small beside the text; and a piece
/// is large enough that its tables are few.
pub(super) const PIECE: usize = 32 << 10;

/// Pieces worked on at a time, per core: their results are merged before the next ones start.
const BATCH: usize = 4;

/// Each pass's share of the work, in percent, for the progress shown.
const SHARES: [usize; 3] = [46, 46, 8];

/// What the first pass learns of a text: facts about each of its distinct folded words.
#[derive(Default)]
pub(super) struct Tally {
    /// Folded words the text writes with tanween somewhere: common words in this text.
    pub common: HashSet<Arc<str>>,
    /// How often each folded word stands in the text exactly as written.
    pub counts: HashMap<Arc<str>, u32>,
    /// How often each folded word in و stands where that و joins it to a list: after a comma,
    /// or right after a name the first stage found that it does not continue (إديسون وأولفر
    /// لودج، وكونان دويل).
    pub coordinated: HashMap<Arc<str>, u32>,
    /// The first stage's tags of each stem over the whole text.
    stems: HashMap<Arc<str>, [u32; N_TAGS]>,
}

impl Tally {
    /// Counts the `tokens` of `text`, prepared for the tagger (`prepared`, a sentence each) and
    /// tagged by the first stage (`first`, the tags of every sentence one after another).
    pub fn add(&mut self, text: &str, tokens: &[Token], prepared: &[Vec<Word>], first: &[Tag]) {
        let words = prepared.iter().flatten();
        for (i, ((token, word), &tag)) in tokens.iter().zip(words).zip(first).enumerate() {
            let folded = word.folded();
            if folded.starts_with('و') && i > 0 {
                let comma = tokens[i - 1].punct
                    && matches!(text.get(tokens[i - 1].range.clone()), Some("،" | ","));
                let after_name = first[i - 1] != O && !is_inside(tag);
                if comma || after_name {
                    *self.coordinated.entry(Arc::clone(folded)).or_insert(0) += 1;
                }
            }
            match self.counts.get_mut(folded) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(Arc::clone(folded), 1);
                }
            }
            if text
                .get(token.range.clone())
                .is_some_and(written_with_tanween)
            {
                self.common.insert(Arc::clone(folded));
            }
            let stem = word.stem();
            match self.stems.get_mut(stem) {
                Some(c) => c[usize::from(tag)] += 1,
                None => {
                    let mut c = [0; N_TAGS];
                    c[usize::from(tag)] = 1;
                    self.stems.insert(Arc::from(stem), c);
                }
            }
        }
    }

    /// Adds the tally of another piece.
    fn merge(&mut self, other: Tally) {
        for (w, n) in other.counts {
            *self.counts.entry(w).or_insert(0) += n;
        }
        for (w, n) in other.coordinated {
            *self.coordinated.entry(w).or_insert(0) += n;
        }
        self.common.extend(other.common);
        for (s, c) in other.stems {
            let mine = self.stems.entry(s).or_insert([0; N_TAGS]);
            mine.iter_mut().zip(c).for_each(|(a, b)| *a += b);
        }
    }

    /// The first stage's tag counts of `stem` over the text, as the second stage reads them
    /// (each at most 65,535).
    fn stem_counts(&self, stem: &str) -> [u16; N_TAGS] {
        self.stems.get(stem).map_or([0; N_TAGS], |c| {
            c.map(|x| x.min(u32::from(u16::MAX)) as u16)
        })
    }
}

/// A span kept between passes: token indices within its piece, and how sure its finder was.
#[derive(Clone, Copy)]
struct Kept {
    start: u32,
    end: u32,
    kind: Kind,
    by_rule: bool,
    /// [`Span::margin`] in tenths, rounded (a margin is some units to some hundreds).
    margin: u16,
}

impl Kept {
    fn new(s: &Span) -> Kept {
        Kept {
            start: s.tokens.start as u32,
            end: s.tokens.end as u32,
            kind: s.kind,
            by_rule: s.by_rule,
            margin: (s.margin * 10.0).round().clamp(0.0, f32::from(u16::MAX)) as u16,
        }
    }

    fn span(self) -> Span {
        Span {
            tokens: self.start as usize..self.end as usize,
            kind: self.kind,
            margin: f32::from(self.margin) / 10.0,
            by_rule: self.by_rule,
        }
    }
}

/// The entities of `text`, none inside the sorted byte ranges `code`, read in pieces of about
/// `piece` bytes (the result does not depend on the size).
pub(super) fn recognise(
    r: &Recogniser,
    text: &str,
    code: &[Range<usize>],
    piece: usize,
    progress: &Progress,
) -> Vec<Entity> {
    // Mentions are kept as 32-bit offsets: a text beyond 4 GiB is read to there.
    let mut end = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = text.get(..end).unwrap_or("");
    let pieces = pieces(text, piece);
    let batch = BATCH * rayon::current_num_threads();
    let none = HashSet::default();
    let share = |p: &Range<usize>, pass: usize| progress.add(p.len() * SHARES[pass] / 100);
    let pool = Pool::new(r.model());

    // The first stage's tags, and the tally of the text's words.
    let mut tally = Tally::default();
    let mut first: Vec<Vec<Tag>> = Vec::with_capacity(pieces.len());
    for group in pieces.chunks(batch) {
        let done: Vec<(Vec<Tag>, Tally)> = group
            .par_iter()
            .map(|p| {
                let doc = Doc::cut(text, p.clone(), &none);
                let mut memo = pool.take();
                let prepared = doc.prepare(&mut memo.interner);
                let tags: Vec<Tag> = prepared
                    .iter()
                    .flat_map(|w| r.tag_first(w, &mut memo))
                    .collect();
                let mut t = Tally::default();
                t.add(text, &doc.tokens, &prepared, &tags);
                drop(prepared);
                pool.give(memo);
                share(p, 0);
                (tags, t)
            })
            .collect();
        for (tags, t) in done {
            first.push(tags);
            tally.merge(t);
        }
    }

    // The second stage, the corrections and the acronyms.
    let namer = Namer::new(r.model(), &tally.counts, &tally.coordinated);
    let mut names = Names::default();
    let mut kept: Vec<Vec<Kept>> = Vec::with_capacity(pieces.len());
    for (group, tags) in pieces.chunks(batch).zip(first.chunks_mut(batch)) {
        let done: Vec<(Vec<Kept>, Names)> = group
            .par_iter()
            .zip(tags)
            .map(|(p, tags)| {
                let mut doc = Doc::cut(text, p.clone(), &tally.common);
                let mut memo = pool.take();
                doc.mark_roles(code, &mut memo.interner);
                let prepared = doc.prepare(&mut memo.interner);
                let tags = std::mem::take(tags);
                let second = tag_second(r, &mut memo, &prepared, &doc.sentences, &tags, &tally);
                pool.give(memo);
                drop(tags);
                doc.keep_words(prepared);
                doc.tagged(&second);
                let names = find(&mut doc, &namer);
                let spans = doc.spans.iter().map(Kept::new).collect();
                share(p, 1);
                (spans, names)
            })
            .collect();
        for (spans, n) in done {
            kept.push(spans);
            names.extend(n);
        }
    }
    drop(first);
    let (index, aliases) = Index::new(names, &namer);

    // The names found again, and the mentions.
    let mut mentions = Mentions::default();
    for (group, spans) in pieces.chunks(batch).zip(kept.chunks_mut(batch)) {
        let done: Vec<Mentions> = group
            .par_iter()
            .zip(spans)
            .map(|(p, spans)| {
                let mut doc = Doc::cut(text, p.clone(), &tally.common);
                let mut memo = pool.take();
                doc.fold(&mut memo.interner);
                doc.mark_roles(code, &mut memo.interner);
                pool.give(memo);
                doc.spans = std::mem::take(spans).into_iter().map(Kept::span).collect();
                complete(&mut doc, &namer, &index);
                let mut m = Mentions::default();
                m.add(&doc, &namer);
                share(p, 2);
                m
            })
            .collect();
        done.into_iter().for_each(|m| mentions.extend(m));
    }
    group(text, mentions, &aliases)
}

/// The second stage's tags for the `sentences` of a piece, prepared (`prepared`) and tagged by
/// the first stage (`first`, one sentence after another), reading the tally of the whole text.
fn tag_second(
    r: &Recogniser,
    memo: &mut Memo,
    prepared: &[Vec<Word>],
    sentences: &[Range<usize>],
    first: &[Tag],
    tally: &Tally,
) -> Vec<(Vec<Tag>, Vec<f32>)> {
    let base = sentences.first().map_or(0, |s| s.start);
    prepared
        .iter()
        .zip(sentences)
        .map(|(words, sentence)| {
            let tags = &first[sentence.start - base..sentence.end - base];
            let counts: Vec<[u16; N_TAGS]> =
                words.iter().map(|w| tally.stem_counts(w.stem())).collect();
            r.tag_second(words, memo, |i, out| {
                context::evidence(|j| counts[j], tags, i, out)
            })
        })
        .collect()
}

/// The spans the recogniser finds in `text` cut into `tokens` and `sentences` (one piece: the
/// second stage reads the first stage's tags `radius` sentences either side), in token order,
/// each with its entity's confidence.
pub(super) fn find_spans(
    r: &Recogniser,
    text: &str,
    tokens: Vec<Token>,
    sentences: &[Range<usize>],
    radius: usize,
) -> Vec<(Span, f32)> {
    let mut memo = Memo::new(r.model());
    let prepared = prepare(text, &tokens, sentences, &mut memo.interner);
    let first: Vec<Vec<Tag>> = prepared.iter().map(|w| r.tag_first(w, &mut memo)).collect();
    let mut tally = Tally::default();
    tally.add(text, &tokens, &prepared, &first.concat());
    let mut window = context::Window::new(&prepared, &first, radius);
    let second: Vec<(Vec<Tag>, Vec<f32>)> = prepared
        .iter()
        .enumerate()
        .map(|(k, words)| r.tag_second(words, &mut memo, |i, out| window.features(k, i, out)))
        .collect();
    drop(window);
    drop(first);
    let namer = Namer::new(r.model(), &tally.counts, &tally.coordinated);
    let mut doc = Doc {
        text,
        tokens,
        sentences: sentences.to_vec(),
        words: Vec::new(),
        spans: Vec::new(),
        common: &tally.common,
        roles: Vec::new(),
    };
    doc.mark_roles(&[], &mut memo.interner);
    doc.keep_words(prepared);
    doc.tagged(&second);
    let names = find(&mut doc, &namer);
    let (index, aliases) = Index::new(names, &namer);
    complete(&mut doc, &namer, &index);
    // Each span takes the confidence of the entity it is a mention of (mentions end where
    // their spans end).
    let mut mentions = Mentions::default();
    mentions.add(&doc, &namer);
    let confidence: HashMap<usize, f32> = group(text, mentions, &aliases)
        .into_iter()
        .flat_map(|e| {
            let c = e.confidence;
            e.mentions.into_iter().map(move |m| (m.end, c))
        })
        .collect();
    let end = |s: &Span| doc.tokens[s.tokens.end - 1].range.end;
    doc.spans
        .iter()
        .map(|s| (s.clone(), confidence.get(&end(s)).copied().unwrap_or(0.0)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn what_is_kept_between_passes_is_small_beside_the_text() {
        // A token is some 10 bytes of Arabic text: its first-stage tag is one byte of that,
        // and a span (one in ten tokens or so) twelve.
        assert_eq!(std::mem::size_of::<Tag>(), 1);
        assert!(std::mem::size_of::<Kept>() <= 12);
    }

    #[test]
    fn the_entities_do_not_depend_on_how_the_text_is_cut() {
        // Names found in one sentence are found again in others, an acronym in brackets joins
        // its long name: every piece a sentence or two, or the whole text one piece.
        let text = format!(
            "{}\n{}",
            crate::source::EMBEDDED_ARTICLE,
            "أعلنت منظمة الصحة العالمية (الصحة) أن الوباء انحسر في المغرب. وقالت إن بالمغرب \
             وللمغرب تجربة رائدة، وإن الصحة ستدعم المغرب."
        );
        let r = Recogniser::embedded();
        let done = AtomicUsize::new(0);
        let whole = recognise(r, &text, &[], usize::MAX, &Progress { done: &done });
        assert!(whole.len() > 20, "{whole:?}");
        for size in [1, 200, 5000] {
            let cut = recognise(r, &text, &[], size, &Progress { done: &done });
            assert_eq!(cut, whole, "pieces of {size} bytes");
        }
    }
}
