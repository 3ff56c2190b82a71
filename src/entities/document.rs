//! The document rules over a piece of text: correct the tagger's spans with general rules
//! (references, nisba adjectives, words with tanween, organisation heads, multiword regions),
//! link acronyms written after a long name, and find the names again wherever the tagger missed
//! them. A rule looks at the tokens of one sentence; what it knows of the rest of the text
//! (common words, the names found, their aliases) comes in document-wide tables.

use super::Kind;
use super::commonness;
use super::features::{Interner, Word, prepare_in};
use super::function_words::{self, Role};
use super::group::Namer;
use super::lexicon::{Gazetteer, Trigger, is_nisba, is_qualifier, trigger};
use super::tags::{Span, Tag, spans};
use super::tokenize::{Token, tokenize};
use crate::arabic::clitics;
use foldhash::HashSet;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// The least tagger margin with which a one-word name not in the gazetteers is looked for
/// wherever else the text writes it; chosen on the development parts.
const SPREAD_MARGIN: f32 = 10.0;

/// A piece of a text (whole sentences) cut into tokens, with its folded words and the spans
/// found so far.
pub(super) struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// The sentences, as ranges of `tokens` in order; spans never cross them.
    pub sentences: Vec<Range<usize>>,
    pub words: Vec<Arc<str>>,
    /// Non-overlapping spans in token order.
    pub spans: Vec<Span>,
    /// Folded words the whole text writes with tanween somewhere: common words in this text.
    pub common: &'t HashSet<Arc<str>>,
    /// Per token, how it takes part in names (words of a formula of blessing, code and URLs
    /// never do); see [`Doc::mark_roles`].
    pub roles: Vec<Option<Role>>,
}

impl<'t> Doc<'t> {
    /// The bytes `piece` of `text` (whole sentences), cut into tokens and sentences, its words
    /// not folded yet.
    pub fn cut(text: &'t str, piece: Range<usize>, common: &'t HashSet<Arc<str>>) -> Doc<'t> {
        let (mut tokens, sentences) = tokenize(text.get(piece.clone()).unwrap_or(""));
        for t in &mut tokens {
            t.range = t.range.start + piece.start..t.range.end + piece.start;
        }
        Doc {
            text,
            tokens,
            sentences,
            words: Vec::new(),
            spans: Vec::new(),
            common,
            roles: Vec::new(),
        }
    }

    /// Marks how each token takes part in names, none inside the sorted byte ranges `code`.
    pub fn mark_roles(&mut self, code: &[Range<usize>], interner: &mut Interner<'t>) {
        self.roles = roles(self.text, &self.tokens, code, interner);
    }

    /// The text of token `i`.
    pub fn token(&self, i: usize) -> &'t str {
        self.text.get(self.tokens[i].range.clone()).unwrap_or("")
    }

    /// Each sentence folded and marked for the tagger, its spellings in `interner`.
    pub fn prepare(&self, interner: &mut Interner<'t>) -> Vec<Vec<Word>> {
        prepare(self.text, &self.tokens, &self.sentences, interner)
    }

    /// Keeps the folded words of `prepared` (from [`Doc::prepare`]).
    pub fn keep_words(&mut self, prepared: Vec<Vec<Word>>) {
        // Moved, not copied: the folded words are shared with the interner's other tokens.
        self.words = prepared
            .into_iter()
            .flatten()
            .map(Word::into_folded)
            .collect();
    }

    /// Folds every word, for the rules alone (the tagger's marks are not needed), its spelling
    /// in `interner`.
    pub fn fold(&mut self, interner: &mut Interner<'t>) {
        self.words = (0..self.tokens.len())
            .map(|i| interner.fold(self.token(i)))
            .collect();
    }

    /// The tagger's spans: `tagged` holds each sentence's tags and their margins; a span's
    /// margin is the least of its tokens'.
    pub fn tagged(&mut self, tagged: &[(Vec<Tag>, Vec<f32>)]) {
        self.spans = self
            .sentences
            .iter()
            .zip(tagged)
            .flat_map(|(sentence, (tags, margins))| {
                spans(tags).into_iter().map(|s| Span {
                    margin: margins[s.tokens.clone()]
                        .iter()
                        .copied()
                        .reduce(f32::min)
                        .unwrap_or(0.0),
                    tokens: s.tokens.start + sentence.start..s.tokens.end + sentence.start,
                    kind: s.kind,
                    by_rule: false,
                })
            })
            .collect();
    }

    /// The trigger class of word `i`'s stem.
    pub fn trigger(&self, i: usize) -> Option<Trigger> {
        trigger(clitics::stem(&self.words[i]))
    }

    /// The clitics before word `i`'s stem, the article included (وال in والمغرب).
    pub fn proclitics(&self, i: usize) -> &str {
        let w = &self.words[i];
        clitics::proclitics(w, clitics::stem(w))
    }

    /// Whether word `i` has the article, after any clitics (المغرب, والمغرب, بالمغرب).
    pub fn with_article(&self, i: usize) -> bool {
        self.proclitics(i).ends_with("ال")
    }

    /// Whether token `i` is written with tanween (شريكاً, أيضاً): an indefinite noun or an
    /// adverb, which a name never is.
    pub fn indefinite(&self, i: usize) -> bool {
        written_with_tanween(self.token(i))
    }

    /// The sentence holding token `i`.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        let k = self.sentences.partition_point(|s| s.end <= i);
        self.sentences.get(k).cloned().unwrap_or(i..i + 1)
    }

    /// The span cut to the words that may belong to a name: words that never do come off both
    /// ends (قال, ستمائة, ليل الجمعة) and end it before them inside, a word that only joins a
    /// name (ابن, أبو) comes off its end and one that only continues it (الله) off its start;
    /// `None` when no name is left.
    fn trim(&self, s: &Span, namer: &Namer) -> Option<Span> {
        // Punctuation never starts or ends a name («هيل).
        let role = |i: usize| {
            if self.tokens[i].punct {
                Some(Role::Never)
            } else {
                self.roles[i]
            }
        };
        let mut start = s.tokens.start;
        let mut end = s.tokens.end;
        while start < end && matches!(role(start), Some(Role::Never | Role::Inner)) {
            start += 1;
        }
        if let Some(stop) = (start..end).find(|&i| self.roles[i] == Some(Role::Never)) {
            end = stop;
        }
        while end > start && matches!(role(end - 1), Some(Role::Never | Role::Joins)) {
            end -= 1;
        }
        // عثمان محمد عثمان الأمين, هيئة الكتاب الدكتور: a title with the article, or before a
        // definite word it heads (قائد الحرس), ends no name; one without may be a name (أحمد
        // أمين).
        let definite = |i: usize| i < self.words.len() && self.with_article(i);
        while end - start > 1
            && self.trigger(end - 1) == Some(Trigger::Title)
            && (definite(end - 1) || definite(end))
        {
            end -= 1;
        }
        // مساعدي بيترسون, تكلم مانجان: a person's name does not start with a common word that
        // is no given name.
        while s.kind == Kind::Person && end - start > 1 && self.common_word(start, namer) {
            start += 1;
        }
        // A lone letter (و, ب) is a clitic cut off its word, never a name.
        let named = (start..end).any(|i| role(i).is_none())
            && (end - start > 1 || self.words[start].chars().count() > 1);
        named.then_some(Span {
            tokens: start..end,
            kind: s.kind,
            margin: s.margin,
            by_rule: s.by_rule,
        })
    }

    /// Whether word `i` is mostly a common word and no given name, taken with a leading و or
    /// ف off when the training text never had the word in a name (وشريك دروين, not فيصل), or
    /// one this text writes with a pronoun (مساعدي beside مساعده: his assistant).
    fn common_word(&self, i: usize, namer: &Namer) -> bool {
        let model = namer.model;
        let common = |w: &str| {
            let form = commonness::form(w);
            commonness::is_common(&form)
                && Gazetteer::embedded().single(&form) != Some(Kind::Person)
        };
        let w = &*self.words[i];
        common(w)
            || namer.takes_pronoun(w)
            || model.seen(w).in_name == 0
                && Gazetteer::embedded().single(w).is_none()
                && w.strip_prefix(['و', 'ف'])
                    .is_some_and(|rest| rest.chars().count() >= 2 && common(rest))
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

/// Whether a token is written with tanween (شريكاً, أيضاً).
pub(super) fn written_with_tanween(token: &str) -> bool {
    token.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}'))
}

/// The `sentences` (token ranges) of `text`, folded and marked for the tagger, their spellings
/// in `interner`.
pub(super) fn prepare<'t>(
    text: &'t str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    interner: &mut Interner<'t>,
) -> Vec<Vec<Word>> {
    sentences
        .iter()
        .map(|sentence| {
            let toks: Vec<&str> = tokens[sentence.clone()]
                .iter()
                .map(|t| text.get(t.range.clone()).unwrap_or(""))
                .collect();
            prepare_in(&toks, interner)
        })
        .collect()
}

/// The names a piece found before they are looked for everywhere: the spans' keys with the
/// kind they were found as, and the aliases linked.
#[derive(Default)]
pub(super) struct Names {
    /// Each key and kind in the order the text first gives them, with the tagger's best
    /// margin on it.
    found: Vec<(String, Kind, f32)>,
    /// Where each key and kind is in `found`.
    seen: HashMap<(String, Kind), usize>,
    /// Short names and the long names they stand for, in text order (the last link wins).
    aliases: Vec<(String, String)>,
}

impl Names {
    fn add(&mut self, key: String, kind: Kind, margin: f32) {
        match self.seen.get(&(key.clone(), kind)) {
            Some(&i) => self.found[i].2 = self.found[i].2.max(margin),
            None => {
                self.seen.insert((key.clone(), kind), self.found.len());
                self.found.push((key, kind, margin));
            }
        }
    }

    /// Adds the names of a later piece.
    pub fn extend(&mut self, later: Names) {
        for (key, kind, margin) in later.found {
            self.add(key, kind, margin);
        }
        self.aliases.extend(later.aliases);
    }
}

/// The tagger's spans of `doc` corrected, acronyms linked: the names found, for
/// [`Index::new`].
pub(super) fn find(doc: &mut Doc, namer: &Namer) -> Names {
    correct(doc, namer, true);
    super::rules::apply(doc);
    let mut names = Names {
        aliases: link_acronyms(doc, namer),
        ..Names::default()
    };
    for s in &doc.spans {
        names.add(namer.key(doc, &s.tokens), s.kind, s.margin);
    }
    names
}

/// The spans of `doc` (from [`find`]) completed: the names of `index` found wherever the tagger
/// missed them, and the spans corrected again.
pub(super) fn complete(doc: &mut Doc, namer: &Namer, index: &Index) {
    find_again(doc, index);
    correct(doc, namer, false);
}

/// How each token takes part in names: its role in the function-word list, the words of a
/// formula of blessing never, a time of day that is also a given name (صباح) never beside a
/// word that never is (صباح الجمعة).
/// Each spelling's role is worked out once, in `interner`.
fn roles<'t>(
    text: &'t str,
    tokens: &[Token],
    code: &[Range<usize>],
    interner: &mut Interner<'t>,
) -> Vec<Option<Role>> {
    let written: Vec<&str> = tokens
        .iter()
        .map(|t| text.get(t.range.clone()).unwrap_or(""))
        .collect();
    let (mut roles, opens): (Vec<Option<Role>>, Vec<bool>) =
        written.iter().map(|w| interner.role(w)).unzip();
    // Code, URLs, identifiers and markup hold no names.
    for (t, role) in tokens.iter().zip(roles.iter_mut()) {
        let in_code = code
            .get(code.partition_point(|c| c.end <= t.range.start))
            .is_some_and(|c| c.start <= t.range.start);
        if in_code || technical(text, &t.range) {
            *role = Some(Role::Never);
        }
    }
    let mut i = 0;
    while i < written.len() {
        let formula = opens[i]
            .then(|| function_words::formula(written.get(i..i + 8).unwrap_or(&written[i..])))
            .flatten();
        match formula {
            Some(n) => {
                roles[i..i + n]
                    .iter_mut()
                    .for_each(|r| *r = Some(Role::Never));
                i += n;
            }
            None => i += 1,
        }
    }
    for i in 0..roles.len() {
        // بعد المغرب, صلاة العشاء: the evening prayers are times, not Morocco or a meal.
        let prayer = written[i].trim_start_matches('و');
        if matches!(prayer, "المغرب" | "العشاء")
            && i > 0
            && matches!(
                written[i - 1].trim_start_matches('و'),
                "بعد" | "قبل" | "صلاة" | "أذان" | "وقت" | "موعد"
            )
        {
            roles[i] = Some(Role::Never);
        }
        if roles[i] == Some(Role::Time) {
            let never = |j: Option<usize>| {
                j.and_then(|j| roles.get(j)).copied().flatten() == Some(Role::Never)
            };
            roles[i] = if never(i.checked_sub(1)) || never(Some(i + 1)) {
                Some(Role::Never)
            } else {
                None
            };
        }
    }
    roles
}

/// Whether the token at `range` is part of a URL, an e-mail address, an identifier or markup:
/// the run of text without spaces around it has `://`, `www.`, `@`, `_`, markup characters,
/// a dot between Latin letters (`example.com`, `os.path`) or a Latin word in camel case.
fn technical(text: &str, range: &Range<usize>) -> bool {
    // The run of non-space text around the token, looked at no further than a long URL.
    let bytes = text.as_bytes();
    let lo = range.start.saturating_sub(256);
    let hi = (range.end + 256).min(text.len());
    let start = (lo..range.start)
        .rev()
        .find(|&i| bytes[i].is_ascii_whitespace())
        .map_or(lo, |i| i + 1);
    let end = (range.end..hi)
        .find(|&i| bytes[i].is_ascii_whitespace())
        .unwrap_or(hi);
    let Some(run) = text.get(start..end) else {
        return false;
    };
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let dotted = run.char_indices().any(|(i, c)| {
        c == '.'
            && latin(run.get(..i).and_then(|s| s.chars().next_back()))
            && latin(run.get(i + 1..).and_then(|s| s.chars().next()))
    });
    let camel = run
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    run.contains("://")
        || run.starts_with("www.")
        || dotted
        || camel
        || run.contains([
            '@', '_', '<', '>', '=', '{', '}', '`', '\\', '/', '#', '$', ';',
        ])
}

/// General corrections of the tagger's spans; first names are added in the first pass only,
/// to the tagger's own spans.
fn correct(doc: &mut Doc, namer: &Namer, first_pass: bool) {
    let model = namer.model;
    let mut kept: Vec<Span> = Vec::with_capacity(doc.spans.len());
    // Spans before this token were absorbed into the span before them.
    let mut skip_to = 0;
    let spans = std::mem::take(&mut doc.spans);
    for s in &spans {
        let Some(mut s) = doc.trim(s, namer) else {
            continue;
        };
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
        // The words either side are looked at within the sentence only: a heading's last word
        // is no title or head of the next line's first name.
        let sentence = doc.sentence(first);
        // حلف [شمال الأطلسي]: an organisation head right before a place makes an organisation.
        let before = first.checked_sub(1).filter(|&p| p >= sentence.start);
        let free = |i: usize, kept: &[Span]| kept.last().is_none_or(|k| k.tokens.end <= i);
        // كبرًا وسناء (size and brilliance): a given name joined by و to the indefinite
        // ordinary word before it is an ordinary word too. A definite one may describe a
        // person (المسؤول الإيراني وسولانا).
        let ordinary = |p: usize| {
            !doc.tokens[p].punct
                && free(p, &kept)
                && doc.trigger(p).is_none()
                && doc.roles[p].is_none()
                && !doc.with_article(p)
                && (doc.indefinite(p) || doc.common_word(p, namer))
        };
        let split = namer.choose(&doc.words[first]);
        if single
            && s.kind == Kind::Person
            && split.clitic_letters > 0
            && doc.words[first].starts_with('و')
            && Gazetteer::embedded().single(&split.name) == Some(Kind::Person)
            && before.is_some_and(ordinary)
        {
            continue;
        }
        let org_head = |h: &usize| free(*h, &kept) && doc.trigger(*h) == Some(Trigger::OrgHead);
        if let Some(h) = before.filter(org_head)
            && s.kind == Kind::Location
        {
            s = Span {
                tokens: h..s.tokens.end,
                kind: Kind::Organization,
                ..s
            };
        }
        // لابن إياس, عمرو بن العاص: a word of kinship before a person's name is part of it,
        // and so is the name before a بن or بنت.
        let tagged_start = s.tokens.start;
        let inner_kin = |i: usize| matches!(&*doc.words[i], "بن" | "بنت");
        while s.kind == Kind::Person {
            let Some(p) = s.tokens.start.checked_sub(1) else {
                break;
            };
            let kin = |i: usize| !doc.tokens[i].punct && function_words::kin(doc.token(i));
            let named_before_kin = inner_kin(s.tokens.start)
                && !doc.tokens[p].punct
                && doc.roles[p].is_none()
                && !doc.common_word(p, namer);
            if p >= sentence.start && free(p, &kept) && (kin(p) || named_before_kin) {
                s.tokens.start = p;
            } else {
                break;
            }
        }
        // No name starts with بن: without the name before it, the span stays as it was.
        if inner_kin(s.tokens.start) {
            s.tokens.start = tagged_start;
        }
        let before = s
            .tokens
            .start
            .checked_sub(1)
            .filter(|&p| p >= sentence.start);
        // ينس ستولتنبرغ: a word the training text never had, right before a person's name and not
        // an Arabic definite word, is a first name the tagger could not know. A word that may
        // carry a clitic is a verb or a noun joined on (وسيغيب إيتو, للتو), not a first name,
        // and nor is a word mostly common in running text (تكلم مانجان: a verb).
        if let Some(p) = before.filter(|&p| first_pass && s.kind == Kind::Person && free(p, &kept))
        {
            let w = &doc.words[p];
            let unseen = model.seen(w).total == 0 && model.seen(clitics::stem(w)).total == 0;
            if unseen
                && w.chars().all(char::is_alphabetic)
                && !w.starts_with("ال")
                && clitics::splits(w).len() == 1
                && doc.trigger(p).is_none()
                && doc.roles[p].is_none()
                && !doc.common_word(p, namer)
            {
                s.tokens.start = p;
            }
        }
        // المغرب العربي, القرن الأفريقي, ناتو أفريقي, الناتو الأفريقي: a name and an adjective
        // agreeing with it name another place or body (a region, an African NATO), so the pair
        // is one span and no mention of the name alone. A person's adjective (ستولتنبرغ
        // النرويجي) describes the same person.
        let next = s.tokens.end;
        let definite = doc.with_article(next - 1);
        let qualified = next < sentence.end
            && !doc.tokens[next].punct
            && is_qualifier(doc.token(next), &doc.words[next], definite);
        // The adjective alone may have been taken for a name; the pair replaces it.
        let next_single = spans
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
/// multiword name is the same entity. Returns the alias keys and their long names' keys, in
/// text order.
fn link_acronyms(doc: &mut Doc, namer: &Namer) -> Vec<(String, String)> {
    let mut aliases = Vec::new();
    let mut added = Vec::new();
    for s in doc
        .spans
        .iter()
        .filter(|s| s.tokens.len() >= 2 && s.kind != Kind::Person)
    {
        let open = s.tokens.end;
        let sentence = doc.sentence(s.tokens.start);
        let Some(close) = (open < sentence.end)
            .then(|| doc.token(open))
            .and_then(closing)
        else {
            continue;
        };
        let end = (open + 1..sentence.end.min(open + 5)).find(|&j| doc.token(j) == close);
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
            aliases.push((short, namer.key(doc, &s.tokens)));
            added.push(Span {
                tokens: inner,
                kind: s.kind,
                margin: s.margin,
                by_rule: s.by_rule,
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

/// The names found anywhere in the text, by their first word, to be found again wherever
/// the tagger missed them.
pub(super) struct Index {
    /// First word → (remaining words, kind, key), longest names first.
    by_first: foldhash::HashMap<String, Vec<(Vec<String>, Kind, String)>>,
}

impl Index {
    /// The index of every name in `names` and the surnames of people; returns it with the
    /// aliases of the text (short names and surnames to their names' keys).
    pub fn new(names: Names, namer: &Namer) -> (Index, HashMap<String, String>) {
        let mut aliases: HashMap<String, String> = names.aliases.into_iter().collect();
        let mut index: foldhash::HashMap<String, Vec<(Vec<String>, Kind, String)>> =
            foldhash::HashMap::default();
        let mut surnames: HashMap<String, Option<String>> = HashMap::new();
        // Each name's key and the kind of its first mention.
        let mut found: HashMap<String, Kind> = HashMap::new();
        for (key, kind, margin) in names.found {
            found.entry(key.clone()).or_insert(kind);
            let mut parts: Vec<String> = key.split(' ').map(str::to_owned).collect();
            if kind == Kind::Person && parts.len() >= 2 {
                let last = parts[parts.len() - 1].clone();
                // A surname the training text mostly has as an ordinary word (دين) is not looked
                // for alone.
                if !last.starts_with("ال")
                    && last.chars().count() >= 3
                    && !namer.ordinary(&last)
                    && !commonness::is_common(&last)
                    && !namer.common_here(&last)
                    // عزيز مصر: a place at the end of a title is no surname, nor is a given
                    // name (مصحف عثمان), which names many people alone…
                    && Gazetteer::embedded().single(&last).is_none()
                    // …nor a father's name (محمد بن عمرو).
                    && function_words::role(&parts[parts.len() - 2]) != Some(Role::Joins)
                {
                    // A surname shared by two different people names neither.
                    let e = surnames.entry(last).or_insert_with(|| Some(key.clone()));
                    if e.as_deref() != Some(key.as_str()) {
                        *e = None;
                    }
                }
            }
            // A one-word name that is mostly an ordinary word (يوم, الدورة, الخراج) was the
            // tagger's slip, and so may be one it was unsure of; looking for it everywhere
            // would repeat the slip.
            if parts.len() == 1
                && (namer.ordinary(&parts[0])
                    || commonness::is_common(&parts[0])
                    || namer.common_here(&parts[0])
                    || parts[0].chars().count() < 2
                    || margin < SPREAD_MARGIN && Gazetteer::embedded().single(&parts[0]).is_none())
            {
                continue;
            }
            let first = parts.remove(0);
            let list = index.entry(first).or_default();
            if !list.iter().any(|(p, _, k)| *p == parts && *k == key) {
                list.push((parts, kind, key));
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
        (Index { by_first: index }, aliases)
    }
}

/// Finds every name of `index` wherever the tagger missed it (with any clitics on the first
/// word: دالي, بدالي), within a sentence.
fn find_again(doc: &mut Doc, index: &Index) {
    let mut covered = doc.covered();
    for sentence in doc.sentences.clone() {
        let mut i = sentence.start;
        while i < sentence.end {
            if covered[i] || doc.tokens[i].punct || doc.indefinite(i) {
                i += 1;
                continue;
            }
            let hit = clitics::splits(&doc.words[i])
                .into_iter()
                .find_map(|split| {
                    index
                        .by_first
                        .get(&*split.name)?
                        .iter()
                        .find(|(rest, _, _)| {
                            rest.iter().enumerate().all(|(j, w)| {
                                let k = i + 1 + j;
                                k < sentence.end && *doc.words[k] == **w && !covered[k]
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
                        margin: 0.0,
                        by_rule: false,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    doc.sort();
}
