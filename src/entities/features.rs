//! Turns a sentence into hashed feature ids per token: the folded word and its clitic-free stem,
//! affixes, the words around it, trigger words before it, gazetteer hits and the word's shape.

use super::function_words::{self, Role};
use super::lexicon::{Gazetteer, Trigger, is_nisba, trigger};
use crate::arabic::clitics;
use crate::arabic::{Fold, fold_str};
use foldhash::{HashMap, HashSet};
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// What the tagger knows about one token before looking at its neighbours.
pub struct Word {
    /// What the token's spelling says.
    form: Form,
    /// Gazetteer position: 0 none, else 1 + 3 × kind + (0 begin, 1 inside, 2 whole name).
    gaz: u8,
    /// The spelling's number in the [`Interner`] that prepared the word.
    id: u32,
}

impl Word {
    /// The folded word.
    pub fn folded(&self) -> &Arc<str> {
        &self.form.folded
    }

    /// The folded word, taken from a word no longer needed.
    pub fn into_folded(self) -> Arc<str> {
        self.form.folded
    }

    /// The folded word without its proclitics and article.
    pub fn stem(&self) -> &str {
        self.form.stem()
    }

    /// The spelling's number in the [`Interner`] that prepared the word.
    pub(super) fn id(&self) -> u32 {
        self.id
    }
}

/// What a token's spelling says, whatever its neighbours.
#[derive(Clone)]
pub(super) struct Form {
    /// The token folded (harakat and tatweel gone, alef forms, ى/ي and ة/ه unified, lowercase),
    /// shared by every token of a text that folds the same way.
    folded: Arc<str>,
    /// Where the clitic-free stem starts in `folded` (the stem runs to its end).
    stem_start: u32,
    /// Digits, Latin, Arabic, punctuation or mixed, as a small code.
    shape: u8,
    /// Trigger class of the stem: 0 none, 1 title, 2 organisation head, 3 place head.
    trig: u8,
    /// A nisba adjective (article + ي/ية…): such words are not names.
    nisba: bool,
    /// Whether a gazetteer name may start with it.
    gazetteer: bool,
    /// How it takes part in names as a function word ([`function_words::role`]).
    role: Option<Role>,
    /// Whether a formula of blessing may start with it.
    formula: bool,
}

impl Form {
    fn stem(&self) -> &str {
        self.folded.get(self.stem_start as usize..).unwrap_or("")
    }
}

/// Folded words shared between the sentences of a text: a book has millions of tokens but some
/// hundred thousand distinct words, so each is kept once; and what each spelling of a token
/// says, worked out the first time the text writes it and numbered in the order first seen.
#[derive(Default)]
pub struct Interner<'t> {
    folded: HashSet<Arc<str>>,
    ids: HashMap<&'t str, u32>,
    forms: Vec<Form>,
}

/// The copy of `folded` in `set`, added if missing.
fn intern(set: &mut HashSet<Arc<str>>, folded: String) -> Arc<str> {
    if let Some(w) = set.get(folded.as_str()) {
        return Arc::clone(w);
    }
    let w: Arc<str> = folded.into();
    set.insert(Arc::clone(&w));
    w
}

impl<'t> Interner<'t> {
    /// The token `written`, folded (the copy shared by every token that folds the same way).
    pub fn fold(&mut self, written: &'t str) -> Arc<str> {
        let id = self.id(written);
        Arc::clone(&self.forms[id as usize].folded)
    }

    /// How the token `written` takes part in names as a function word
    /// ([`function_words::role`]), and whether a formula of blessing may start with it.
    pub(super) fn role(&mut self, written: &'t str) -> (Option<Role>, bool) {
        let id = self.id(written) as usize;
        let form = &self.forms[id];
        (form.role, form.formula)
    }

    /// The spellings seen so far, in the order of their numbers.
    pub(super) fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// The number of the spelling `written`, its form worked out if it is new.
    fn id(&mut self, written: &'t str) -> u32 {
        match self.ids.entry(written) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let folded = intern(&mut self.folded, fold_str(written, Fold::LOOSE));
                let stem_start = folded.len() - clitics::stem(&folded).len();
                let trig = match trigger(folded.get(stem_start..).unwrap_or("")) {
                    None => 0,
                    Some(Trigger::Title) => 1,
                    Some(Trigger::OrgHead) => 2,
                    Some(Trigger::PlaceHead) => 3,
                };
                self.forms.push(Form {
                    shape: shape(&folded),
                    trig,
                    nisba: is_nisba(&folded),
                    gazetteer: Gazetteer::embedded().may_start(&folded),
                    role: function_words::role(written),
                    formula: function_words::opens_formula(written),
                    stem_start: stem_start as u32,
                    folded,
                });
                *e.insert(self.forms.len() as u32 - 1)
            }
        }
    }
}

/// Folds the tokens of one sentence and marks gazetteer names across them.
pub fn prepare(tokens: &[&str]) -> Vec<Word> {
    prepare_in(tokens, &mut Interner::default())
}

/// [`prepare`], sharing folded words with the other sentences of the text through `interner`.
pub fn prepare_in<'t>(tokens: &[&'t str], interner: &mut Interner<'t>) -> Vec<Word> {
    let ids: Vec<u32> = tokens.iter().map(|t| interner.id(t)).collect();
    let forms = &interner.forms;
    let mut gaz = vec![0; ids.len()];
    let folded: Vec<&str> = ids.iter().map(|&id| &*forms[id as usize].folded).collect();
    let gazetteer = Gazetteer::embedded();
    let mut i = 0;
    while i < ids.len() {
        let hit = forms[ids[i] as usize]
            .gazetteer
            .then(|| gazetteer.longest(&folded[i..ids.len().min(i + 8)]))
            .flatten();
        match hit {
            Some(hit) => {
                let base = 1 + 3 * hit.kind.index() as u8;
                for (j, g) in gaz.iter_mut().skip(i).take(hit.len).enumerate() {
                    *g = base + if hit.len == 1 { 2 } else { u8::from(j > 0) };
                }
                i += hit.len;
            }
            None => i += 1,
        }
    }
    ids.into_iter()
        .zip(gaz)
        .map(|(id, gaz)| Word {
            form: forms[id as usize].clone(),
            gaz,
            id,
        })
        .collect()
}

fn shape(folded: &str) -> u8 {
    let (mut digit, mut latin, mut other) = (false, false, false);
    for c in folded.chars() {
        if c.is_numeric() {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else {
            other = true;
        }
    }
    match (digit, latin, other) {
        (true, false, false) => 1,
        (false, true, false) => 2,
        (false, false, true) if !folded.chars().any(char::is_alphabetic) => 3,
        (false, false, true) => 0,
        _ => 4,
    }
}

/// FNV-1a over a template id and its parts, folded to 32 bits (0 is kept free for empty slots).
pub(super) struct Hash(u64);

impl Hash {
    /// The hash of a template id, to which parts are added.
    pub(super) fn new(template: u8) -> Hash {
        Hash(0xcbf2_9ce4_8422_2325).byte(template)
    }

    /// Adds one byte.
    pub(super) fn byte(mut self, b: u8) -> Hash {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        self
    }

    fn str(mut self, s: &str) -> Hash {
        for &b in s.as_bytes() {
            self = self.byte(b);
        }
        self.byte(0xff)
    }

    /// The feature id.
    pub(super) fn id(self) -> u32 {
        ((self.0 ^ (self.0 >> 32)) as u32).max(1)
    }
}

/// Where a word's neighbours stand for the features they give it: two before, one before, one
/// after, two after.
pub(super) const NEAR: [isize; 4] = [-2, -1, 1, 2];

/// Pushes the feature ids of token `i` of a prepared sentence onto `out`, and returns how many
/// of them, pushed first, name the word itself (its spelling, its stem, word pairs with it);
/// training leaves those out now and then so the model also learns from affixes and context.
///
/// The features come in four groups: what the spelling says ([`named`] and [`own`]), what each
/// neighbour's spelling says ([`near`]) and what depends on the sentence ([`placed`]). The
/// tagger sums the weights of the first two once per spelling of a text.
pub fn features(words: &[Word], i: usize, out: &mut Vec<u32>) -> usize {
    let first = out.len();
    named(&words[i].form, out);
    pairs(words, i, out);
    let identity = out.len() - first;
    own(&words[i].form, out);
    for d in NEAR {
        near(at(words, i, d).map(|w| &w.form), d, out);
    }
    placed(words, i, out);
    identity
}

/// The word `d` tokens from token `i` of a sentence, if the sentence has it.
fn at(words: &[Word], i: usize, d: isize) -> Option<&Word> {
    i.checked_add_signed(d).and_then(|j| words.get(j))
}

/// Pushes the features naming a spelling: the folded word, its stem, its clitic readings.
pub(super) fn named(w: &Form, out: &mut Vec<u32>) {
    out.push(Hash::new(1).str(&w.folded).id());
    out.push(Hash::new(2).str(w.stem()).id());
    for split in clitics::splits(&w.folded).iter().skip(1) {
        out.push(Hash::new(24).str(&split.name).id());
    }
}

/// Pushes the features of word pairs with token `i`, which also name the word itself.
pub(super) fn pairs(words: &[Word], i: usize, out: &mut Vec<u32>) {
    // Neighbours outside the sentence read as boundary markers.
    let (w, before, after) = (&words[i].form, at(words, i, -1), at(words, i, 1));
    let before_folded = before.map_or("<s>", |n| &*n.form.folded);
    let after_folded = after.map_or("</s>", |n| &*n.form.folded);
    out.push(Hash::new(12).str(before_folded).str(&w.folded).id());
    out.push(Hash::new(13).str(&w.folded).str(after_folded).id());
    let stem = before.map_or("<b>", Word::stem);
    out.push(Hash::new(14).str(stem).str(w.stem()).id());
    let trig = before.map_or(0xfe, |n| n.form.trig);
    out.push(Hash::new(25).byte(trig).str(w.stem()).id());
}

/// Pushes the other features of a spelling: its proclitics, affixes, shape and trigger class.
pub(super) fn own(w: &Form, out: &mut Vec<u32>) {
    let s = w.stem();
    out.push(Hash::new(0).id());
    out.push(Hash::new(9).str(clitics::proclitics(&w.folded, s)).id());
    let count = s.chars().count();
    for n in 1..=4 {
        if let Some((b, _)) = s.char_indices().nth(n) {
            out.push(
                Hash::new(10)
                    .byte(n as u8)
                    .str(s.get(..b).unwrap_or(""))
                    .id(),
            );
        }
        if count > n {
            let b = s.char_indices().nth_back(n - 1).map_or(0, |(b, _)| b);
            out.push(
                Hash::new(11)
                    .byte(n as u8)
                    .str(s.get(b..).unwrap_or(""))
                    .id(),
            );
        }
    }
    out.push(Hash::new(15).byte(w.shape).byte(count.min(8) as u8).id());
    out.push(Hash::new(19).byte(w.trig).id());
}

/// Pushes the features a word gets from the spelling `n` of its neighbour `d` tokens away (one
/// of [`NEAR`]; `None` past the sentence's edge).
pub(super) fn near(n: Option<&Form>, d: isize, out: &mut Vec<u32>) {
    let folded = n.map_or(if d < 0 { "<s>" } else { "</s>" }, |n| &*n.folded);
    let trig = n.map_or(0xfe, |n| n.trig);
    let stem = n.map_or("<b>", Form::stem);
    // Titles also follow a name after a comma: ينس ستولتنبرغ، الأمين العام.
    let (word, trigger) = match d {
        -2 => (5, 21),
        -1 => (3, 20),
        1 => (4, 22),
        _ => (6, 26),
    };
    out.push(Hash::new(word).str(folded).id());
    out.push(Hash::new(trigger).byte(trig).id());
    match d {
        -1 => out.push(Hash::new(7).str(stem).id()),
        1 => out.push(Hash::new(8).str(stem).id()),
        _ => {}
    }
}

/// Pushes the features that depend on where token `i` stands in its sentence: gazetteer names
/// across it, a nisba adjective after it (word pairs with it are [`pairs`]).
pub(super) fn placed(words: &[Word], i: usize, out: &mut Vec<u32>) {
    for (t, d) in [(16, 0), (17, -1), (18, 1)] {
        out.push(
            Hash::new(t)
                .byte(at(words, i, d).map_or(0xfe, |w| w.gaz))
                .id(),
        );
    }
    let nisba = |d: isize| at(words, i, d).is_some_and(|w| w.form.nisba);
    out.push(
        Hash::new(23)
            .byte(u8::from(nisba(0)))
            .byte(u8::from(nisba(1)))
            .id(),
    );
}
