//! Recognition over a whole text: tag its sentences, correct the spans with general rules
//! (references, nisba adjectives, words with tanween, organisation heads, multiword regions),
//! link acronyms written after a long name, and find the names again wherever the tagger missed
//! them.

use super::features::{Interner, Word, prepare_in};
use super::group::{Namer, group};
use super::lexicon::{Gazetteer, Trigger, is_nisba, is_qualifier, trigger};
use super::model::Model;
use super::tags::{Span, spans};
use super::tokenize::{Token, tokenize};
use super::{Entity, Kind, Progress, Recogniser};
use crate::arabic::clitics;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// A tokenised text with its folded words and the spans found so far.
pub(super) struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub words: Vec<Arc<str>>,
    /// Non-overlapping spans in token order.
    pub spans: Vec<Span>,
    /// Folded words the text writes with tanween somewhere: common words in this text.
    pub common: HashSet<Arc<str>>,
}

impl Doc<'_> {
    /// The trigger class of word `i`'s stem.
    pub fn trigger(&self, i: usize) -> Option<Trigger> {
        trigger(clitics::stem(&self.words[i]))
    }

    /// Whether token `i` is written with tanween (شريكاً, أيضاً): an indefinite noun or an
    /// adverb, which a name never is.
    fn indefinite(&self, i: usize) -> bool {
        self.text
            .get(self.tokens[i].range.clone())
            .is_some_and(|t| t.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}')))
    }

    fn covered(&self) -> Vec<bool> {
        let mut c = vec![false; self.tokens.len()];
        for s in &self.spans {
            c[s.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        c
    }

    fn sort(&mut self) {
        self.spans.sort_by_key(|s| s.tokens.start);
    }
}

/// The `sentences` (token ranges) of `text`, folded for the tagger.
pub(super) fn prepare_sentences(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
) -> Vec<Vec<Word>> {
    let mut interner = Interner::default();
    sentences
        .iter()
        .map(|sentence| {
            let toks: Vec<&str> = tokens[sentence.clone()]
                .iter()
                .map(|t| text.get(t.range.clone()).unwrap_or(""))
                .collect();
            prepare_in(&toks, &mut interner)
        })
        .collect()
}

/// The entities of `text`.
pub(super) fn recognise(r: &Recogniser, text: &str, progress: &Progress) -> Vec<Entity> {
    let (tokens, sentences) = tokenize(text);
    progress.at(5);
    // The whole text is one article: the second stage reads every sentence's first-stage tags.
    let (doc, namer, aliases) = analyse(r, text, tokens, &sentences, usize::MAX);
    progress.at(90);
    group(&doc, &namer, &aliases)
}

/// The spans the recogniser finds in `text` cut into `tokens` and `sentences`, with the
/// document rules applied (the tagger reads `radius` sentences either side), in token order.
pub(super) fn find_spans(
    r: &Recogniser,
    text: &str,
    tokens: Vec<Token>,
    sentences: &[Range<usize>],
    radius: usize,
) -> Vec<Span> {
    analyse(r, text, tokens, sentences, radius).0.spans
}

/// Tags, corrects, links and propagates: the document with its final spans, its namer and the
/// aliases found.
fn analyse<'t, 'm>(
    r: &'m Recogniser,
    text: &'t str,
    tokens: Vec<Token>,
    sentences: &[Range<usize>],
    radius: usize,
) -> (Doc<'t>, Namer<'m>, HashMap<String, String>) {
    let prepared = prepare_sentences(text, &tokens, sentences);
    let tagged = r.tag_prepared(&prepared, radius);
    let mut found = Vec::new();
    for (sentence, tags) in sentences.iter().zip(&tagged) {
        for s in spans(tags) {
            found.push(Span {
                tokens: s.tokens.start + sentence.start..s.tokens.end + sentence.start,
                kind: s.kind,
            });
        }
    }
    // The folded words are moved, not copied: a book has millions.
    let words = prepared
        .into_iter()
        .flatten()
        .map(Word::into_folded)
        .collect();
    let mut doc = Doc {
        text,
        tokens,
        words,
        spans: found,
        common: HashSet::new(),
    };
    doc.common = (0..doc.tokens.len())
        .filter(|&i| doc.indefinite(i))
        .map(|i| doc.words[i].clone())
        .collect();
    correct(&mut doc, r.model(), true);
    let namer = Namer::new(r.model(), &doc);
    let mut aliases = link_acronyms(&mut doc, &namer);
    propagate(&mut doc, &namer, &mut aliases);
    correct(&mut doc, r.model(), false);
    (doc, namer, aliases)
}

/// General corrections of the tagger's spans; first names are added in the first pass only,
/// to the tagger's own spans.
fn correct(doc: &mut Doc, model: &Model, first_pass: bool) {
    let mut kept: Vec<Span> = Vec::with_capacity(doc.spans.len());
    // Spans before this token were absorbed into the span before them.
    let mut skip_to = 0;
    for mut s in std::mem::take(&mut doc.spans) {
        if s.tokens.start < skip_to {
            continue;
        }
        let first = s.tokens.start;
        let single = s.tokens.len() == 1;
        // الحلف, المملكة, حلف: a head noun alone refers back to a name; it is not one.
        if single && doc.trigger(first).is_some() {
            continue;
        }
        // المغربية, الروسي, المالية: adjectives of a place, not the place.
        if single && is_nisba(&doc.words[first]) {
            continue;
        }
        // شريكا once without its mark where the text writes شريكاً elsewhere is the same noun.
        if s.tokens.clone().any(|i| doc.indefinite(i))
            || single && doc.common.contains(&doc.words[first])
        {
            continue;
        }
        // حلف [شمال الأطلسي]: an organisation head right before a place makes an organisation.
        let before = first.checked_sub(1);
        let free = |i: usize, kept: &[Span]| kept.last().is_none_or(|k| k.tokens.end <= i);
        let org_head = |h: &usize| free(*h, &kept) && doc.trigger(*h) == Some(Trigger::OrgHead);
        if let Some(h) = before.filter(org_head)
            && s.kind == Kind::Location
        {
            s = Span {
                tokens: h..s.tokens.end,
                kind: Kind::Organization,
            };
        }
        // ينس ستولتنبرغ: a word the training text never had, right before a person's name and not
        // an Arabic definite word, is a first name the tagger could not know. A word that may
        // carry a clitic is a verb or a noun joined on (وسيغيب إيتو, للتو), not a first name.
        if let Some(p) = before.filter(|&p| first_pass && s.kind == Kind::Person && free(p, &kept))
        {
            let w = &doc.words[p];
            let unseen = model.seen(w).total == 0 && model.seen(clitics::stem(w)).total == 0;
            if unseen
                && w.chars().all(char::is_alphabetic)
                && !w.starts_with("ال")
                && clitics::splits(w).len() == 1
                && doc.trigger(p).is_none()
            {
                s.tokens.start = p;
            }
        }
        // المغرب العربي, القرن الأفريقي, ناتو أفريقي, الناتو الأفريقي: a name and an adjective
        // agreeing with it name another place or body (a region, an African NATO), so the pair
        // is one span and no mention of the name alone. A person's adjective (ستولتنبرغ
        // النرويجي) describes the same person.
        let next = s.tokens.end;
        let last = &doc.words[next - 1];
        let definite = clitics::proclitics(last, clitics::stem(last)).ends_with("ال");
        let qualified = doc.tokens.get(next).is_some_and(|t| {
            !t.punct
                && is_qualifier(
                    doc.text.get(t.range.clone()).unwrap_or(""),
                    &doc.words[next],
                    definite,
                )
        });
        // The adjective alone may have been taken for a name; the pair replaces it.
        let next_single = doc
            .spans
            .iter()
            .all(|o| !o.tokens.contains(&next) || o.tokens.len() == 1);
        if s.kind != Kind::Person && qualified && next_single {
            s.tokens.end += 1;
            skip_to = s.tokens.end;
        }
        kept.push(s);
    }
    doc.spans = kept;
}

/// Quote and bracket pairs that can hold a short name after a long one.
fn closing(open: &str) -> Option<&'static str> {
    match open {
        "(" => Some(")"),
        "“" => Some("”"),
        "«" => Some("»"),
        "\"" => Some("\""),
        _ => None,
    }
}

/// `حلف شمال الأطلسي (الناتو)` or `… “الناتو”`: a short name in brackets or quotes right after a
/// multiword name is the same entity. Returns the alias keys and their long names' keys.
fn link_acronyms(doc: &mut Doc, namer: &Namer) -> HashMap<String, String> {
    let mut aliases = HashMap::new();
    let mut added = Vec::new();
    for s in doc
        .spans
        .iter()
        .filter(|s| s.tokens.len() >= 2 && s.kind != Kind::Person)
    {
        let open = s.tokens.end;
        let Some(close) = doc
            .text
            .get(doc.tokens.get(open).map_or(0..0, |t| t.range.clone()))
            .and_then(closing)
        else {
            continue;
        };
        let end = (open + 1..doc.tokens.len().min(open + 5))
            .find(|&j| doc.text.get(doc.tokens[j].range.clone()) == Some(close));
        // One word between the marks: an acronym or short name, not a second long name.
        let Some(end) = end.filter(|&e| e == open + 2) else {
            continue;
        };
        let inner = open + 1..end;
        if inner.clone().any(|j| doc.tokens[j].punct) {
            continue;
        }
        let short = namer.key(doc, &inner);
        if short != namer.key(doc, &s.tokens) {
            aliases.insert(short, namer.key(doc, &s.tokens));
            added.push(Span {
                tokens: inner,
                kind: s.kind,
            });
        }
    }
    doc.spans.retain(|s| {
        added
            .iter()
            .all(|a| a.tokens.end <= s.tokens.start || s.tokens.end <= a.tokens.start)
    });
    doc.spans.extend(added);
    doc.sort();
    aliases
}

/// Finds every name already found, and the surnames of people, wherever the tagger missed them
/// (with any clitics on the first word: دالي, بدالي).
fn propagate(doc: &mut Doc, namer: &Namer, aliases: &mut HashMap<String, String>) {
    // First word → (remaining words, kind, key), longest names first.
    let mut index: HashMap<String, Vec<(Vec<String>, Kind, String)>> = HashMap::new();
    let mut surnames: HashMap<String, Option<String>> = HashMap::new();
    // Each name's key and the kind of its first mention.
    let mut found: HashMap<String, Kind> = HashMap::new();
    for s in &doc.spans {
        let key = namer.key(doc, &s.tokens);
        found.entry(key.clone()).or_insert(s.kind);
        let mut parts: Vec<String> = key.split(' ').map(str::to_owned).collect();
        if s.kind == Kind::Person && parts.len() >= 2 {
            let last = parts[parts.len() - 1].clone();
            // A surname the training text mostly has as an ordinary word (دين) is not looked
            // for alone.
            if !last.starts_with("ال") && last.chars().count() >= 3 && !namer.ordinary(&last) {
                // A surname shared by two different people names neither.
                let e = surnames.entry(last).or_insert_with(|| Some(key.clone()));
                if e.as_deref() != Some(key.as_str()) {
                    *e = None;
                }
            }
        }
        // A one-word name that is mostly an ordinary word (يوم, الدورة) was the tagger's
        // slip; looking for it everywhere would repeat the slip.
        if parts.len() == 1 && (namer.ordinary(&parts[0]) || parts[0].chars().count() < 2) {
            continue;
        }
        let first = parts.remove(0);
        let list = index.entry(first).or_default();
        if !list.iter().any(|(p, _, k)| *p == parts && *k == key) {
            list.push((parts, s.kind, key));
        }
    }
    // والمملكة المغربية in a text that names المغرب: the official name is that place too.
    for (long, short) in Gazetteer::embedded().official_names() {
        let Some(&kind) = found.get(short) else {
            continue;
        };
        let mut parts: Vec<String> = long.split(' ').map(str::to_owned).collect();
        let first = parts.remove(0);
        index
            .entry(first)
            .or_default()
            .push((parts, kind, long.to_owned()));
    }
    for (surname, person) in surnames {
        if let Some(person) = person {
            aliases.entry(surname.clone()).or_insert(person);
            index
                .entry(surname.clone())
                .or_default()
                .push((Vec::new(), Kind::Person, surname));
        }
    }
    for list in index.values_mut() {
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.2.cmp(&b.2)));
    }
    let mut covered = doc.covered();
    let mut i = 0;
    while i < doc.tokens.len() {
        if covered[i] || doc.tokens[i].punct || doc.indefinite(i) {
            i += 1;
            continue;
        }
        let hit = clitics::splits(&doc.words[i])
            .into_iter()
            .find_map(|split| {
                index.get(&split.name)?.iter().find(|(rest, _, _)| {
                    rest.iter().enumerate().all(|(j, w)| {
                        let k = i + 1 + j;
                        doc.words.get(k).is_some_and(|d| **d == **w) && !covered[k]
                    })
                })
            });
        match hit {
            Some((rest, kind, _)) => {
                let end = i + 1 + rest.len();
                covered[i..end].iter_mut().for_each(|c| *c = true);
                doc.spans.push(Span {
                    tokens: i..end,
                    kind: *kind,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    doc.sort();
}
