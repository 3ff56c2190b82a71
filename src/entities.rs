//! Named-entity recognition for Arabic news: a perceptron tagger over BIO tags, gazetteers and
//! document-level rules that group every mention of a person, place or organisation.
//!
//! Pure logic over source byte offsets; no terminal code. The model ships in `assets/ner/`
//! (trained on ANERcorp, CC BY-SA 4.0, see its README) and is rebuilt by `examples/train_ner.rs`.

pub mod commonness;
#[cfg(feature = "train")]
pub mod conll;
mod context;
mod decode;
mod document;
mod emission;
pub mod features;
mod function_words;
mod group;
pub mod lexicon;
pub mod model;
mod passes;
mod rules;
#[cfg(feature = "train")]
pub mod score;
pub mod tags;
pub mod tokenize;
#[cfg(feature = "train")]
pub mod train;

use model::Model;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where recognition of a text is: bytes of it analysed, out of its length.
struct Progress<'a> {
    done: &'a AtomicUsize,
}

impl Progress<'_> {
    /// Records that the work `bytes` of text stand for is done.
    fn add(&self, bytes: usize) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation (alliances, agencies, parties, companies…).
    Organization,
    /// A place: country, region, city, sea…
    Location,
    /// Another named thing (ANERcorp's MISC: events, works, products…).
    Other,
}

impl Kind {
    /// Every kind, in the order tags and scores use.
    pub const ALL: [Kind; 4] = [
        Kind::Person,
        Kind::Location,
        Kind::Organization,
        Kind::Other,
    ];

    /// "person", "organization", "location" or "other".
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Location => "location",
            Kind::Other => "other",
        }
    }

    /// Position in [`Kind::ALL`].
    pub fn index(self) -> usize {
        match self {
            Kind::Person => 0,
            Kind::Location => 1,
            Kind::Organization => 2,
            Kind::Other => 3,
        }
    }
}

/// Entities at least this confident are shown by default; the rest are listed as uncertain.
/// Chosen on the development parts for a precision of 0.85 (see the model README).
pub const THRESHOLD: f32 = 0.25;

/// One named entity of a text and every place the text mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its name, as the text writes it most often, without clitics (المغرب for والمغرب).
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// Byte ranges into the text, end exclusive, in document order. A mention may leave out a
    /// clitic (المغرب inside والمغرب).
    pub mentions: Vec<Range<usize>>,
    /// How sure the recogniser is, from 0 to 1: the tagger's margins and the document's evidence.
    pub confidence: f32,
}

impl Entity {
    /// Whether the entity is confident enough to be shown by default ([`THRESHOLD`]).
    pub fn sure(&self) -> bool {
        self.confidence >= THRESHOLD
    }
}

/// The entity recogniser: the trained tagger and the rules around it.
pub struct Recogniser {
    model: Model,
}

impl Recogniser {
    /// A recogniser from model bytes written by the training example.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recogniser, String> {
        Ok(Recogniser {
            model: Model::from_bytes(bytes)?,
        })
    }

    /// A recogniser around an already trained model.
    pub fn from_model(model: Model) -> Recogniser {
        Recogniser { model }
    }

    /// The shipped model, loaded on first use.
    pub fn embedded() -> &'static Recogniser {
        static R: OnceLock<Recogniser> = OnceLock::new();
        // Packed by build.rs (deflate) to keep the binary small.
        static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.bin.deflate"));
        R.get_or_init(|| {
            let bytes = miniz_oxide::inflate::decompress_to_vec(PACKED)
                .expect("the shipped model packed by build.rs inflates");
            Recogniser::from_bytes(&bytes)
                .expect("the shipped model in assets/ner/model.bin is valid")
        })
    }

    /// BIO tags for one sentence of tokens (the tagger alone, no document rules).
    pub fn tag_sentence(&self, tokens: &[&str]) -> Vec<tags::Tag> {
        self.tag_sentences(&[tokens], 0).remove(0)
    }

    /// BIO tags for consecutive sentences of tokens (the tagger alone, no document rules); the
    /// second stage reads the first stage's tags `radius` sentences either side.
    pub fn tag_sentences(&self, sentences: &[&[&str]], radius: usize) -> Vec<Vec<tags::Tag>> {
        let mut memo = emission::Memo::new(&self.model);
        let prepared: Vec<Vec<features::Word>> = sentences
            .iter()
            .map(|s| features::prepare_in(s, &mut memo.interner))
            .collect();
        let first: Vec<Vec<tags::Tag>> = prepared
            .iter()
            .map(|w| self.tag_first(w, &mut memo))
            .collect();
        let mut window = context::Window::new(&prepared, &first, radius);
        prepared
            .iter()
            .enumerate()
            .map(|(k, words)| {
                self.tag_second(words, &mut memo, |i, out| window.features(k, i, out))
                    .0
            })
            .collect()
    }

    /// The first stage's tags for one sentence prepared with `memo`'s interner.
    fn tag_first(&self, words: &[features::Word], memo: &mut emission::Memo) -> Vec<tags::Tag> {
        let emissions = memo.emissions(&self.model, emission::Which::First, words, |_, _| {});
        self.model.first().decode(&emissions)
    }

    /// The second stage's tags for one sentence prepared with `memo`'s interner, with the
    /// margin by which each beat its rival (how sure the tagger is of it); `evidence(i, out)`
    /// pushes token `i`'s document features onto `out`.
    fn tag_second(
        &self,
        words: &[features::Word],
        memo: &mut emission::Memo,
        evidence: impl FnMut(usize, &mut Vec<u32>),
    ) -> (Vec<tags::Tag>, Vec<f32>) {
        let emissions = memo.emissions(&self.model, emission::Which::Second, words, evidence);
        self.model.second().decode_margins(&emissions)
    }

    /// BIO tags for consecutive sentences of tokens from the whole recogniser: the tagger (the
    /// second stage reading `radius` sentences either side) and then the document rules over
    /// all the sentences as one text, the way [`Recogniser::recognise`] reads a file. Each tag
    /// comes with its entity's confidence (0 for O).
    pub fn tag_document(&self, sentences: &[&[&str]], radius: usize) -> Vec<Vec<(tags::Tag, f32)>> {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut ranges = Vec::with_capacity(sentences.len());
        for s in sentences {
            let start = tokens.len();
            for t in *s {
                if !text.is_empty() {
                    text.push(' ');
                }
                tokens.push(tokenize::Token {
                    range: text.len()..text.len() + t.len(),
                    punct: tokenize::is_punct(t),
                });
                text.push_str(t);
            }
            ranges.push(start..tokens.len());
        }
        let spans = passes::find_spans(self, &text, tokens, &ranges, radius);
        let mut out: Vec<Vec<(tags::Tag, f32)>> = sentences
            .iter()
            .map(|s| vec![(tags::O, 0.0); s.len()])
            .collect();
        for (span, confidence) in spans {
            // The sentence holding the span's first token; a span is cut at its sentence's end.
            let k = ranges.partition_point(|r| r.end <= span.tokens.start);
            let Some(r) = ranges.get(k) else { continue };
            for (n, i) in (span.tokens.start..span.tokens.end.min(r.end)).enumerate() {
                let tag = if n == 0 {
                    tags::begin(span.kind)
                } else {
                    tags::inside(span.kind)
                };
                out[k][i - r.start] = (tag, confidence);
            }
        }
        out
    }

    /// The entities of `text`, sorted by mention count (most first), then name.
    pub fn recognise(&self, text: &str) -> Vec<Entity> {
        self.recognise_outside(text, &[], &AtomicUsize::new(0))
    }

    /// [`Recogniser::recognise`], counting in `done` how many bytes of `text` have been
    /// analysed: it rises from 0 while the work goes on (another thread may read it to show
    /// how far it is, `done * 100 / text.len()` percent) and is `text.len()` when this returns.
    pub fn recognise_with_progress(&self, text: &str, done: &AtomicUsize) -> Vec<Entity> {
        self.recognise_outside(text, &[], done)
    }

    /// [`Recogniser::recognise_with_progress`], with no name in the byte ranges `code`
    /// (sorted): code blocks and inline code.
    pub fn recognise_outside(
        &self,
        text: &str,
        code: &[Range<usize>],
        done: &AtomicUsize,
    ) -> Vec<Entity> {
        done.store(0, Ordering::Relaxed);
        let entities = passes::recognise(self, text, code, passes::PIECE, &Progress { done });
        done.store(text.len(), Ordering::Relaxed);
        entities
    }

    fn model(&self) -> &Model {
        &self.model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_ends_at_the_text_length_with_the_same_entities() {
        let text = crate::source::EMBEDDED_ARTICLE;
        let done = AtomicUsize::new(usize::MAX);
        let r = Recogniser::embedded();
        let with = r.recognise_with_progress(text, &done);
        assert_eq!(done.load(Ordering::Relaxed), text.len());
        assert!(!with.is_empty());
        assert_eq!(with, r.recognise(text));
    }
}
