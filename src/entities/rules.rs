//! Multiword names the tagger cuts short or misses: institutions with their genitive complements
//! (مركز المستقبل للأبحاث والدراسات المتقدمة, القوات المسلحة المغربية), named initiatives and
//! exercises (مبادرة الأطلسي, مناورات الأسد الأفريقي), regions (شمال أفريقيا, الغرب الأفريقي,
//! منطقة الساحل) and the gazetteers' multiword places and organisations.

use super::Kind;
use super::document::Doc;
use super::function_words::Role;
use super::lexicon::{Gazetteer, Trigger};
use super::tags::Span;
use crate::arabic::clitics;
use crate::arabic::{Fold, fold_str};
use std::sync::OnceLock;

/// How sure a rule is of the names it makes, in tagger score units: about as sure as the tagger
/// is of a name it tags with a middling margin.
pub(super) const RULE_MARGIN: f32 = 40.0;

/// Most complements an institution's name runs over.
const MAX_COMPLEMENTS: usize = 6;

/// Folded heads of institutions whose names run over their genitive complements (مؤسسة folds
/// to موسسه).
const INSTITUTIONS: [&str; 7] = ["مركز", "موسسه", "وزاره", "جامعه", "مجلس", "هييه", "حزب"];

/// Folded heads of named initiatives, which are part of the name (مبادرة الأطلسي)…
const INITIATIVES: [&str; 1] = ["مبادره"];
/// …and of named exercises, which are not (مناورات [الأسد الأفريقي]).
const EXERCISES: [&str; 3] = ["مناورات", "تمرين", "تمارين"];

/// Regions written as a phrase (folded words), and one-word regions that are common nouns as
/// well (الساحل: a coast; الصحراء: a desert), places only after منطقة or beside each other.
const REGIONS: &str = "الغرب الافريقي
الشرق الاوسط
الشرق الادني
الشرق الاقصي
القرن الافريقي
شمال افريقيا
غرب افريقيا
شرق افريقيا
وسط افريقيا
جنوب الصحراء
المغرب العربي
الخليج العربي
بلاد الشام
اسيا الوسطي
امريكا اللاتينيه
اميركا اللاتينيه
الساحل الافريقي";
const REGION_WORDS: [&str; 2] = ["الساحل", "الصحراء"];

/// Whether a folded word (clitics off) is the head of an initiative or exercise.
pub(super) fn is_head(word: &str) -> bool {
    INITIATIVES.contains(&word) || EXERCISES.contains(&word)
}

fn regions() -> &'static Vec<Vec<String>> {
    static R: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    R.get_or_init(|| {
        REGIONS
            .lines()
            .map(|l| l.split(' ').map(str::to_owned).collect())
            .collect()
    })
}

/// Whether word `i`, clitics off (بمبادرة, لمناورات), is one of the folded `heads`, written
/// without the article (the head of a construct: وزارة الخارجية, not الوزارة).
fn head_of(doc: &Doc, i: usize, heads: &[&str]) -> bool {
    clitics::splits(&doc.words[i])
        .iter()
        .any(|s| heads.contains(&&*s.name))
}

/// Whether word `i` has the article (after any clitics: المستقبل, للأبحاث, والدراسات).
fn definite(doc: &Doc, i: usize) -> bool {
    let p = doc.proclitics(i);
    p.ends_with("ال") || p.ends_with("لل")
}

/// Whether word `i` carries the preposition ب or ك before the article (باليمن, كالمجلس): no
/// genitive complement does.
fn after_preposition(doc: &Doc, i: usize) -> bool {
    doc.proclitics(i)
        .strip_suffix("ال")
        .is_some_and(|p| p.contains(['ب', 'ك']))
}

/// How many definite words after token `from` can be a name's complements: words with the
/// article, none a function word, punctuation, a title (هيئة الكتاب الدكتور), a word after a
/// preposition (هيئة الكتاب باليمن) or a new institution or place joined by و.
fn complements(doc: &Doc, from: usize) -> usize {
    let mut n = 0;
    while n < MAX_COMPLEMENTS {
        let i = from + n;
        let ok = doc.tokens.get(i).is_some_and(|t| !t.punct)
            && doc.roles[i].is_none()
            && definite(doc, i)
            && doc.trigger(i) != Some(Trigger::Title)
            && !after_preposition(doc, i)
            && !(doc.words[i].starts_with('و')
                && (doc.trigger(i).is_some()
                    || Gazetteer::embedded()
                        .single(&doc.words[i].chars().skip(1).collect::<String>())
                        .is_some()));
        if !ok {
            break;
        }
        n += 1;
    }
    n
}

/// The names these rules find in `doc`, as spans of tokens.
fn found(doc: &Doc) -> Vec<Span> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let span = |tokens: std::ops::Range<usize>, kind| Span {
        tokens,
        kind,
        margin: RULE_MARGIN,
        by_rule: true,
    };
    let mut i = 0;
    while i < n {
        // A word that joins names may start a listed one (بني سويف), nothing else.
        if doc.tokens[i].punct || doc.roles[i].is_some_and(|r| r != Role::Joins) {
            i += 1;
            continue;
        }
        // القوات المسلحة المغربية: a two-word head.
        let forces = clitics::stem(&doc.words[i]) == "قوات"
            && doc.words.get(i + 1).is_some_and(|w| &**w == "المسلحه");
        let made = if forces {
            let c = complements(doc, i + 2);
            Some(span(i..i + 2 + c, Kind::Organization))
        } else if head_of(doc, i, &INSTITUTIONS) {
            let c = complements(doc, i + 1);
            let end = if c > 0 {
                Some(i + 1 + c)
            } else {
                named_complement(doc, i)
            };
            end.map(|end| span(i..end, Kind::Organization))
        } else if head_of(doc, i, &INITIATIVES) {
            let c = complements(doc, i + 1).min(3);
            (c > 0).then(|| span(i..i + 1 + c, Kind::Other))
        } else if head_of(doc, i, &EXERCISES) {
            let c = complements(doc, i + 1).min(3);
            (c > 0).then(|| span(i + 1..i + 1 + c, Kind::Other))
        } else if let Some(len) = region(doc, i) {
            Some(span(i..i + len, Kind::Location))
        } else if is_region_word(doc, i)
            && (i > 0 && (head_of(doc, i - 1, &["منطقه"]) || is_region_word(doc, i - 1))
                || i + 1 < n && is_region_word(doc, i + 1))
        {
            Some(span(i..i + 1, Kind::Location))
        } else {
            gazetteer_name(doc, i)
        };
        // A name never runs past its sentence's end.
        let made = made.map(|mut s| {
            s.tokens.end = s.tokens.end.min(doc.sentence(s.tokens.start).end);
            s
        });
        match made {
            Some(s) if !s.tokens.is_empty() => {
                i = s.tokens.end.max(i + 1);
                out.push(s);
            }
            _ => i += 1,
        }
    }
    out
}

/// Where the name right after the institution head at token `i` ends, when that name is its
/// complement: مؤسسة هنداوي, جامعة هارفارد (a name the tagger found as a person or other, with
/// no article). A council's sitting is no body (مجلس معاوية: Mu'awiya's court).
fn named_complement(doc: &Doc, i: usize) -> Option<usize> {
    if head_of(doc, i, &["مجلس"]) {
        return None;
    }
    doc.spans
        .iter()
        .find(|s| s.tokens.start == i + 1)
        .filter(|s| matches!(s.kind, Kind::Person | Kind::Other) && !definite(doc, i + 1))
        .map(|s| s.tokens.end)
}

/// Whether token `i` is one of the one-word regions (with a clitic: والصحراء).
fn is_region_word(doc: &Doc, i: usize) -> bool {
    static FOLDED: OnceLock<Vec<String>> = OnceLock::new();
    let words = FOLDED.get_or_init(|| REGION_WORDS.map(|r| fold_str(r, Fold::LOOSE)).to_vec());
    clitics::splits(&doc.words[i])
        .iter()
        .any(|s| words.iter().any(|r| *r == s.name))
}

/// The length of the region phrase starting at token `i` (its first word may carry clitics).
fn region(doc: &Doc, i: usize) -> Option<usize> {
    let splits = clitics::splits(&doc.words[i]);
    regions()
        .iter()
        .filter(|r| {
            splits.iter().any(|s| s.name == r[0])
                && r[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, w)| doc.words.get(i + 1 + k).is_some_and(|d| **d == **w))
        })
        .map(Vec::len)
        .max()
}

/// A multiword place or organisation of the gazetteers starting at token `i`.
fn gazetteer_name(doc: &Doc, i: usize) -> Option<Span> {
    let window: Vec<&str> = doc.words.iter().skip(i).take(8).map(|w| &**w).collect();
    let hit = Gazetteer::embedded().longest(&window)?;
    // A word that joins names is part of a listed one (بني سويف, أبو ظبي).
    (hit.len >= 2
        && hit.kind != Kind::Person
        && !doc.roles[i..i + hit.len]
            .iter()
            .any(|r| r.is_some_and(|r| r != Role::Joins)))
    .then(|| Span {
        tokens: i..i + hit.len,
        kind: hit.kind,
        margin: RULE_MARGIN,
        by_rule: true,
    })
}

/// Adds the names these rules find to `doc`: each replaces the spans inside it and the
/// spans that overlap it, unless one of those is longer.
pub(super) fn apply(doc: &mut Doc) {
    for made in found(doc) {
        let overlaps =
            |s: &Span| s.tokens.start < made.tokens.end && made.tokens.start < s.tokens.end;
        if doc
            .spans
            .iter()
            .any(|s| overlaps(s) && s.tokens.len() > made.tokens.len())
        {
            continue;
        }
        // The tagger's own span of the same words keeps its margin if that is the surer.
        let margin = doc
            .spans
            .iter()
            .filter(|s| s.tokens == made.tokens)
            .map(|s| s.margin)
            .fold(made.margin, f32::max);
        doc.spans.retain(|s| !overlaps(s));
        doc.spans.push(Span { margin, ..made });
    }
    doc.spans.sort_by_key(|s| s.tokens.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_listed_as_the_text_folds_them() {
        // Words are matched folded: a head spelled otherwise (مؤسسه with its hamza) never
        // matches.
        for head in INSTITUTIONS.iter().chain(&INITIATIVES).chain(&EXERCISES) {
            assert_eq!(fold_str(head, Fold::LOOSE), *head);
        }
    }
}
