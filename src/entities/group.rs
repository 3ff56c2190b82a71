//! Names mentions (clitics off the first word) and groups them into entities: والمغرب, بالمغرب,
//! للمغرب and المغرب are one place; an acronym linked to a long name joins it.

use super::commonness;
use super::document::Doc;
use super::function_words;
use super::lexicon::{Gazetteer, Trigger, trigger};
use super::model::Model;
use super::rules;
use super::tags::Span;
use super::{Entity, Kind, THRESHOLD};
use crate::arabic::clitics::{self, Split};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// Decides where a mention's name starts, from the training names, the gazetteers and the
/// words of the document itself.
pub(super) struct Namer<'m> {
    pub model: &'m Model,
    /// How often each folded word stands in the document exactly as written.
    doc_counts: &'m foldhash::HashMap<Arc<str>, u32>,
    /// How often each folded word in و stands where that و joins it to a list (after a comma
    /// or another name).
    coordinated: &'m foldhash::HashMap<Arc<str>, u32>,
}

impl<'m> Namer<'m> {
    /// A namer for a document whose folded words stand there `doc_counts` times each, those
    /// in و `coordinated` times in a list.
    pub fn new(
        model: &'m Model,
        doc_counts: &'m foldhash::HashMap<Arc<str>, u32>,
        coordinated: &'m foldhash::HashMap<Arc<str>, u32>,
    ) -> Namer<'m> {
        Namer {
            model,
            doc_counts,
            coordinated,
        }
    }

    /// How often the text writes the folded word as it stands.
    fn count(&self, folded: &str) -> u32 {
        self.doc_counts.get(folded).copied().unwrap_or(0)
    }

    /// Whether the و of the folded `word` is the conjunction before a name, as `rest`: the
    /// text writes the word at least half the time where a و joins a list (إديسون وأولفر
    /// لودج، وكونان دويل), and nothing says it is a name in و itself: the gazetteers do not
    /// hold it, the text never puts another و before it (ووليم), the rest is no function word
    /// (واين: where), and the training text has it inside names no more often than the rest
    /// (there the و is mostly a conjunction too: ومحمد, وبلير; وانغ, وليد are names).
    fn conjoined(&self, word: &str, rest: &str) -> bool {
        let listed = self.coordinated.get(word).copied().unwrap_or(0);
        word.starts_with('و')
            && listed * 2 >= self.count(word)
            && self.count(&format!("و{word}")) == 0
            && Gazetteer::embedded().single(word).is_none()
            && function_words::role(rest).is_none()
            && self.model.seen(word).in_name <= self.model.seen(rest).in_name
    }

    /// The reading of a name's first word: a clitic before the article is sure (والمغرب,
    /// للمغرب), and so is a و joining the word to a list (see [`Namer::conjoined`]);
    /// otherwise the reading with the most evidence wins, the whole word on a tie (فرنسا,
    /// بغداد, وليد), and a lone و comes off a word nothing is known about.
    pub fn choose<'w>(&self, word: &'w str) -> Split<'w> {
        let mut splits = clitics::splits(word);
        // بمبادرة الأطلسي: a head noun with a clitic loses it too.
        let head = |s: &Split| trigger(&s.name).is_some() || rules::is_head(&s.name);
        if let Some(i) = splits
            .iter()
            .rposition(|s| s.clitic_letters > 0 && (s.name.starts_with("ال") || head(s)))
        {
            return splits.swap_remove(i);
        }
        if splits
            .get(1)
            .is_some_and(|s| s.clitic_letters == 1 && self.conjoined(word, &s.name))
        {
            return splits.swap_remove(1);
        }
        let evidence = |s: &Split| {
            let gazetteer = if Gazetteer::embedded().single(&s.name).is_some() {
                1000
            } else {
                0
            };
            gazetteer + u32::from(self.model.seen(&s.name).in_name) + 10 * self.count(&s.name)
        };
        let scores: Vec<u32> = splits.iter().map(evidence).collect();
        let mut best = 0;
        for (i, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = i;
            }
        }
        if scores[best] == 0 && word.starts_with('و') && splits.len() > 1 {
            best = 1;
        }
        splits.swap_remove(best)
    }

    /// Whether the one-word name `key` is a common noun in this text: the text writes it as one
    /// ([`commonness::in_text`], half the time for a given name) or, unless it is a given name,
    /// it is only the start of longer names; never with the article when its stem is a given
    /// name or mostly a name in the training text (الحسن beside حسن).
    pub fn common_here(&self, key: &str) -> bool {
        let gazetteer = Gazetteer::embedded();
        let person = |w: &str| gazetteer.single(w) == Some(Kind::Person);
        let stem_named = key.strip_prefix("ال").is_some_and(|stem| {
            let seen = self.model.seen(stem);
            person(stem) || seen.total >= 3 && u32::from(seen.in_name) * 2 >= u32::from(seen.total)
        });
        // الأمم without المتحدة: nations. The first word of longer names alone, when the
        // labelled text has it outside names a fair share of the time, is a common word.
        let fragment = gazetteer.starts_only(key)
            && commonness::measure(key).is_some_and(|m| m.untagged >= FRAGMENT_UNTAGGED);
        let (share, known) = match gazetteer.single(key) {
            Some(Kind::Person) => (commonness::GIVEN_NAME_COMMON, false),
            known => (commonness::TEXT_COMMON, known.is_some()),
        };
        !stem_named
            && (!person(key) && fragment
                || commonness::in_text(key, known, share, |w| {
                    self.doc_counts.get(w).copied().unwrap_or(0)
                }))
    }

    /// Whether this text writes the folded word `w`, or it without a final ي (مساعدي:
    /// assistants of), with a pronoun suffix (مساعده: his assistant) at least
    /// [`PRONOUN_LEAST`] times and a third as often as the word itself: a common noun, which
    /// a name never is, unless it is a given name or mostly a name in the training text.
    pub fn takes_pronoun(&self, w: &str) -> bool {
        let base = w.strip_suffix('ي').unwrap_or(w);
        if base.chars().count() < 3
            || Gazetteer::embedded().single(w) == Some(Kind::Person)
            || !self.ordinary(w) && self.model.seen(w).in_name > 0
        {
            return false;
        }
        // A noun in ة takes its pronouns on ت (مؤسسته).
        let base = base
            .strip_suffix('ه')
            .map_or_else(|| base.to_owned(), |b| format!("{b}ت"));
        let with_clitics = |form: &str| -> u32 {
            ["", "و", "ف", "ب", "ل"]
                .iter()
                .map(|c| self.count(&format!("{c}{form}")))
                .sum()
        };
        let pronoun: u32 = PRONOUNS
            .iter()
            .map(|p| with_clitics(&format!("{base}{p}")))
            .sum();
        pronoun >= PRONOUN_LEAST && pronoun * 3 >= with_clitics(w)
    }

    /// Whether the training text has `folded` at least three times and mostly outside names.
    pub fn ordinary(&self, folded: &str) -> bool {
        let seen = self.model.seen(folded);
        seen.total >= 3 && u32::from(seen.in_name) * 2 < u32::from(seen.total)
    }

    /// The grouping key of the tokens `r`: folded words, the first without its clitics.
    pub fn key(&self, doc: &Doc, r: &Range<usize>) -> String {
        let mut key = self.choose(&doc.words[r.start]).name.into_owned();
        for w in doc.words.get(r.start + 1..r.end).unwrap_or_default() {
            key.push(' ');
            key.push_str(w);
        }
        key
    }
}

/// Pronoun suffixes a common noun takes and a name never does (ي and ك left out: names end
/// so, مالك).
const PRONOUNS: [&str; 6] = ["ه", "ها", "هم", "هما", "هن", "كم"];

/// The fewest times a text must write a word with a pronoun for it to be a common noun there.
const PRONOUN_LEAST: u32 = 3;

/// The tagger margin that makes a mention's confidence 1 − 1/e; chosen on the development
/// parts (see the model README).
const MARGIN_SCALE: f32 = 60.0;

/// The most confidence a one-word name whose form is mostly a common word can have: below the
/// display threshold, however often the tagger found it (a book repeats its common nouns).
const COMMON_CAP: f32 = 0.2;

/// The least share of its occurrences outside names (percent, `common.tsv`) that makes the
/// first word of longer names a common word when it stands alone.
const FRAGMENT_UNTAGGED: u8 = 25;

/// What a title beside a person adds to the tagger's margin.
const TITLE_MARGIN: f32 = 30.0;

/// How much surer the tagger must be of a name new to it (a word of it never inside a name in
/// its training text): its confidence is raised to this power. Learnt names are right far more
/// often than new ones (development parts, at the display threshold: precision 0.93 against
/// 0.68), and new text is mostly new names. Chosen on the development parts so that new names
/// alone reach precision 0.85 there at the display threshold (see the model README). A title
/// beside a person vouches for a new name as well as training does.
const NEW_NAME_POWER: f32 = 4.0;

/// The least tagger margin for a name in Latin letters to be shown by default.
const LATIN_MARGIN: f32 = 120.0;

/// The ways the text writes alef, the first letter of the article.
const ALEFS: [char; 4] = ['ا', 'أ', 'إ', 'آ'];

/// Mentions of one entity while they are being collected.
#[derive(Default)]
struct Group<'t> {
    kinds: [usize; 4],
    /// The best margin of a mention, how many the tagger or a rule found, whether a rule did.
    best: f32,
    found: u32,
    by_rule: bool,
    /// Whether a mention is a name the tagger learnt, or a person with a title beside it.
    vouched: bool,
    /// Whether a mention is a person with a title beside it.
    titled: bool,
    /// Surface forms (clitics off) and how often each is written.
    names: BTreeMap<&'t str, usize>,
    mentions: Vec<Range<usize>>,
}

impl Group<'_> {
    /// The kind most of its mentions were found as (the first of [`Kind::ALL`] on a tie).
    fn kind(&self) -> Kind {
        Kind::ALL
            .into_iter()
            .max_by_key(|k| (self.kinds[k.index()], std::cmp::Reverse(k.index())))
            .unwrap_or(Kind::Other)
    }
}

/// A multiword key with the article on every word, without them (الناتو الافريقي → ناتو
/// افريقي); `None` for a single word or a word without the article.
fn without_articles(key: &str) -> Option<String> {
    let words: Option<Vec<&str>> = key.split(' ').map(|w| w.strip_prefix("ال")).collect();
    words.filter(|w| w.len() >= 2).map(|w| w.join(" "))
}

/// Whether most of `mentions` were found as persons.
fn mostly_people(mentions: &[Mention]) -> bool {
    let people = mentions.iter().filter(|m| m.kind == Kind::Person).count();
    people * 2 > mentions.len()
}

/// One mention as grouping needs it: where it is in the text and what it was found as.
#[derive(Clone, Copy)]
struct Mention {
    /// Byte range, clitics off.
    start: u32,
    end: u32,
    kind: Kind,
    /// Its first word takes the article through لل (للمغرب): the text does not write the name
    /// as such.
    article_lost: bool,
    /// How sure whoever found it was ([`Span::margin`], with a title beside a person added).
    margin: f32,
    /// Found by a rule that reads the words around it.
    by_rule: bool,
    /// What vouches for it as a name besides the margin.
    vouch: Vouch,
}

/// What vouches for a mention as a name besides the tagger's margin (one byte: a book has
/// millions of mentions).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vouch {
    /// Nothing.
    No,
    /// Every word of its key is part of a name somewhere in the tagger's training text.
    Learnt,
    /// It is a person with a title beside it.
    Title,
}

/// The mentions of a text by their grouping key (folded words, the first without its
/// clitics) and whether an organisation or place head starts them (حلف الناتو), gathered
/// piece by piece, and the one-word keys the text writes as common nouns.
#[derive(Default)]
pub(super) struct Mentions {
    by_key: HashMap<(String, bool), Vec<Mention>>,
    common: HashSet<String>,
    /// One-word keys of this piece the text does not write as common nouns.
    plain: HashSet<String>,
}

impl Mentions {
    /// Adds the spans of `doc`.
    pub fn add(&mut self, doc: &Doc, namer: &Namer) {
        for s in &doc.spans {
            let head = matches!(
                doc.trigger(s.tokens.start),
                Some(Trigger::OrgHead | Trigger::PlaceHead)
            );
            let first = &doc.tokens[s.tokens.start];
            let first_text = doc.token(s.tokens.start);
            let split = namer.choose(&doc.words[s.tokens.start]);
            let mut start =
                first.range.start + clitics::source_prefix_len(first_text, split.clitic_letters);
            let end = doc.tokens[s.tokens.end - 1].range.end;
            // للمغرب: the second ل stands for the article, so the mention keeps the whole token.
            let article_lost = split.name.starts_with("ال")
                && !doc.text.get(start..end).unwrap_or("").starts_with(ALEFS);
            if article_lost {
                start = first.range.start;
            }
            let key = namer.key(doc, &s.tokens);
            // Each one-word key is looked up in the text's counts once a piece.
            let known = |k: &String| self.common.contains(k) || self.plain.contains(k);
            if !key.contains(' ') && !known(&key) {
                if namer.common_here(&key) {
                    self.common.insert(key.clone());
                } else {
                    self.plain.insert(key.clone());
                }
            }
            let titled = s.kind == Kind::Person && s.margin > 0.0 && titled(doc, s);
            let vouch = if titled {
                Vouch::Title
            } else if key.split(' ').all(|w| namer.model.seen(w).in_name > 0) {
                Vouch::Learnt
            } else {
                Vouch::No
            };
            self.by_key.entry((key, head)).or_default().push(Mention {
                start: start as u32,
                end: end as u32,
                kind: s.kind,
                article_lost,
                margin: if titled {
                    s.margin + TITLE_MARGIN
                } else {
                    s.margin
                },
                by_rule: s.by_rule,
                vouch,
            });
        }
    }

    /// Adds the mentions of another piece.
    pub fn extend(&mut self, other: Mentions) {
        for (key, list) in other.by_key {
            self.by_key.entry(key).or_default().extend(list);
        }
        self.common.extend(other.common);
    }
}

/// How sure the recogniser is of the entity `key` whose mentions are `g`, between 0 and 1: the
/// tagger's margin on its surest mention (a title before a person or after it past a comma
/// adds to it), raised by more mentions the tagger found itself and lowered by mentions only
/// spread from them; a name new to the tagger needs a larger margin than one it learnt, unless a
/// title vouches for it. A one-word name whose form is mostly a common word, or that this text
/// writes as one (`common_here`), stays under the display threshold unless a rule reading its
/// context found it (منطقة الساحل), and so does a name in Latin letters the tagger was not very
/// sure of (an English word in Arabic text).
fn confidence(key: &str, g: &Group, common_here: bool) -> f32 {
    let sure = 1.0 - (-g.best / MARGIN_SCALE).exp();
    let repeated = 1.0 + (g.found.max(1) as f32).ln();
    let mut c = 1.0 - (1.0 - sure).powf(repeated);
    c *= 0.5 + 0.5 * g.found as f32 / g.mentions.len().max(1) as f32;
    if !g.vouched && !g.by_rule {
        c = c.powf(NEW_NAME_POWER);
    }
    let common = !key.contains(' ') && (common_here || commonness::is_common(key)) && !g.by_rule;
    let latin = !key
        .chars()
        .any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch));
    if common || latin && g.best < LATIN_MARGIN {
        c = c.min(COMMON_CAP);
    }
    c
}

/// The one-word persons of `groups` that are ordinary words too with nothing else to say they
/// are names here (no title beside them): the text also writes the word with the article and
/// the recogniser does not take that for a name (عنان beside أطلق العنان, the reins), or the
/// word is an ordinary one ([`commonness::also_word`]: سعيد happy, هدى guidance) and no longer
/// name the recogniser is sure of and the text writes more than once holds it (عمر of عمر بن
/// الخطاب; a name written once is a thin warrant for every حسن, good). `common` holds the keys
/// known to be common nouns already.
fn words_alone(groups: &BTreeMap<String, Group>, common: &HashSet<String>) -> Vec<String> {
    let person = |g: &Group| g.kind() == Kind::Person;
    let named: HashSet<&str> = groups
        .iter()
        .filter(|(k, g)| {
            k.contains(' ')
                && g.mentions.len() > 1
                && person(g)
                && confidence(k, g, false) >= THRESHOLD
        })
        .flat_map(|(k, _)| k.split(' '))
        .collect();
    let definite_word = |k: &str| {
        let definite = format!("ال{k}");
        groups
            .get(&definite)
            .is_some_and(|g| confidence(&definite, g, common.contains(&definite)) < THRESHOLD)
    };
    groups
        .iter()
        .filter(|(k, g)| {
            !k.contains(' ')
                && person(g)
                && !g.titled
                && (definite_word(k) || !named.contains(k.as_str()) && commonness::also_word(k))
        })
        .map(|(k, _)| k.clone())
        .collect()
}

/// Whether a title stands right before the person span `s` (الرئيس ماكرون) or after it past a
/// comma (ينس ستولتنبرغ، الأمين العام).
fn titled(doc: &Doc, s: &Span) -> bool {
    let title = |i: usize| i < doc.words.len() && doc.trigger(i) == Some(Trigger::Title);
    let comma = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| matches!(doc.text.get(t.range.clone()), Some("،" | ",")))
    };
    s.tokens.start.checked_sub(1).is_some_and(title)
        || comma(s.tokens.end) && title(s.tokens.end + 1)
}

/// Groups the mentions of `text` into entities, sorted by mention count then name.
pub(super) fn group(
    text: &str,
    mentions: Mentions,
    aliases: &HashMap<String, String>,
) -> Vec<Entity> {
    let resolve = |key: &str| -> String {
        let mut k = key.to_owned();
        // Aliases point at long names; a few steps cover every chain the linker makes.
        for _ in 0..4 {
            match aliases.get(&k) {
                Some(next) if *next != k => k = next.clone(),
                _ => break,
            }
        }
        k
    };
    let mut common = mentions.common;
    let entries: Vec<((String, bool), Vec<Mention>)> = mentions.by_key.into_iter().collect();
    let known: HashSet<&str> = entries
        .iter()
        .map(|((k, _), _)| k.as_str())
        .chain(aliases.keys().map(String::as_str))
        .collect();
    // Each own key's entity, then the mentions moved over to them, a list at a time, into
    // lists of the right size: a book has hundreds of thousands of mentions.
    let mut keys = Vec::with_capacity(entries.len());
    // Persons' bare keys whose definite form is a common noun here: they are one too (دينار
    // beside الدينار).
    let mut common_too = Vec::new();
    for ((own_key, head), list) in &entries {
        let definite = format!("ال{own_key}");
        let bare = without_articles(own_key);
        let short = Gazetteer::embedded()
            .short_name(own_key)
            .filter(|s| known.contains(s));
        let key = match own_key.split_once(' ') {
            // حلف الناتو: a head noun before a known name is that name.
            Some((_, rest)) if *head && known.contains(rest) => resolve(rest),
            // ناتو and الناتو: a name written once without its article is the same name. Not
            // a person's: حسن and الحسن are two names, and رضا (a surname) is no الرضا
            // (consent); but when the definite form is a common noun, so is the bare one.
            _ if !own_key.starts_with("ال") && known.contains(definite.as_str()) => {
                if !mostly_people(list) {
                    resolve(&definite)
                } else {
                    if common.contains(&definite) || commonness::is_common(&definite) {
                        common_too.push(own_key.clone());
                    }
                    resolve(own_key)
                }
            }
            // ناتو أفريقي, then الناتو الأفريقي: a name coined without articles and taken up
            // with them is the same name, and keeps the coined form.
            _ if bare.as_deref().is_some_and(|b| known.contains(b)) => {
                resolve(bare.as_deref().unwrap_or(own_key))
            }
            // المملكة المغربية in a text that also writes المغرب: one place, under the name the
            // text uses most. Alone, the long name stays as written.
            _ if short.is_some() => resolve(short.unwrap_or(own_key)),
            _ => resolve(own_key),
        };
        keys.push(key);
    }
    drop(known);
    common.extend(common_too);
    // Each entity's list is made at its size when its first mentions move in, while the lists
    // they come from are freed one by one: a book's mentions are not all held twice over.
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for (key, (_, list)) in keys.iter().zip(&entries) {
        *sizes.entry(key).or_insert(0) += list.len();
    }
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for (key, ((own_key, _), list)) in keys.iter().zip(entries) {
        let g = groups.entry(key.clone()).or_insert_with(|| Group {
            mentions: Vec::with_capacity(sizes.get(key.as_str()).copied().unwrap_or(0)),
            ..Group::default()
        });
        for m in &list {
            let (start, end) = (m.start as usize, m.end as usize);
            g.kinds[m.kind.index()] += 1;
            g.best = g.best.max(m.margin);
            g.found += u32::from(m.margin > 0.0);
            g.by_rule |= m.by_rule;
            g.vouched |= m.vouch != Vouch::No;
            g.titled |= m.vouch == Vouch::Title;
            // The entity is named by how the text writes its own key (the long name, not the
            // acronym).
            if !m.article_lost && own_key == *key {
                *g.names
                    .entry(text.get(start..end).unwrap_or(""))
                    .or_insert(0) += 1;
            }
            g.mentions.push(start..end);
        }
    }
    let alone = words_alone(&groups, &common);
    common.extend(alone);
    let mut out: Vec<Entity> = groups
        .into_iter()
        .map(|(key, g)| {
            let confidence = confidence(&key, &g, common.contains(&key));
            let kind = g.kind();
            let name = g
                .names
                .iter()
                .max_by_key(|(n, c)| (**c, std::cmp::Reverse(n.len())))
                // إيهاب سالم written with a no-break space or a line break between its words
                // is listed with a plain space.
                .map_or(key, |(n, _)| {
                    n.split_whitespace().collect::<Vec<_>>().join(" ")
                });
            let mut mentions = g.mentions;
            mentions.sort_by_key(|m| m.start);
            Entity {
                name,
                kind,
                mentions,
                confidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entity of one mention the tagger found with `margin`, learnt in training or not.
    fn found_once(margin: f32, vouched: bool) -> Group<'static> {
        Group {
            best: margin,
            found: 1,
            vouched,
            mentions: std::iter::once(0..10).collect(),
            ..Group::default()
        }
    }

    #[test]
    fn a_new_name_needs_a_surer_margin_than_a_learnt_one() {
        let key = "سيمون هول";
        // A margin that shows a learnt name leaves a new one among the uncertain…
        assert!(confidence(key, &found_once(40.0, true), false) >= THRESHOLD);
        assert!(confidence(key, &found_once(40.0, false), false) < THRESHOLD);
        // …and a sure tagger shows it all the same.
        assert!(confidence(key, &found_once(120.0, false), false) >= THRESHOLD);
    }

    #[test]
    fn a_mention_takes_sixteen_bytes() {
        // A 50 MB book has millions of mentions, held until they are grouped: their size is
        // part of the recogniser's peak memory (at most twice the text).
        assert!(std::mem::size_of::<Mention>() <= 16);
    }

    #[test]
    fn a_rule_vouches_for_a_new_name() {
        let mut g = found_once(40.0, false);
        g.by_rule = true;
        assert!(confidence("مبادرة الأطلسي", &g, false) >= THRESHOLD);
    }
}
