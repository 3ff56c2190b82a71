//! How often a word form is an ordinary word rather than a name, measured once on running text
//! (`assets/ner/common.tsv`): a name is spread to its other occurrences, and believed alone,
//! only when its form is not mostly a common word.
//!
//! Two measures per form, both in percent. *Untagged*: of the form's occurrences in the
//! labelled training text and in the unlabelled Hindawi books, how many are outside every name
//! (the gold tags in the first, the tagger's in the second). *Bare*: for a form with the article
//! (الخراج), how often the books write its stem without it, or with a pronoun suffix (خراج,
//! خراجها), against with it: common nouns alternate, names with the article (القاهرة) do not.

use crate::arabic::clitics;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A form is common when at least this share of its occurrences is outside names…
const UNTAGGED: u8 = 80;
/// …or when at least this share is…
const UNTAGGED_WITH_BARE: u8 = 50;
/// …and its stem is written without the article at least this often…
const BARE: u8 = 25;
/// …or when its stem is written without the article this often, however the tagger tags it.
const MOSTLY_BARE: u8 = 60;

/// The two measures of one form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    /// Percent of occurrences outside names.
    pub untagged: u8,
    /// Percent of the stem's occurrences without the article (forms with the article only).
    pub bare: u8,
}

fn table() -> &'static HashMap<String, Measure> {
    static T: OnceLock<HashMap<String, Measure>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../../assets/ner/common.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let form = f.next()?;
                let untagged = f.next()?.parse().ok()?;
                let bare = f.next()?.parse().ok()?;
                Some((form.to_owned(), Measure { untagged, bare }))
            })
            .collect()
    })
}

/// The measures of a folded form (clitics off, article kept), if it was seen often enough.
pub fn measure(folded: &str) -> Option<Measure> {
    table().get(folded).copied()
}

/// The form a folded word is measured under: sure clitics before the article off (والخراج,
/// بالخراج, للخراج → الخراج), anything else as it is.
pub fn form(folded: &str) -> String {
    clitics::splits(folded)
        .into_iter()
        .rfind(|s| s.clitic_letters > 0 && s.name.starts_with("ال"))
        .map_or_else(|| folded.to_owned(), |s| s.name.into_owned())
}

/// Whether a folded form is mostly a common word.
pub fn is_common(folded: &str) -> bool {
    measure(folded).is_some_and(|m| {
        m.untagged >= UNTAGGED
            || m.untagged >= UNTAGGED_WITH_BARE && m.bare >= BARE
            || m.bare >= MOSTLY_BARE
    })
}

/// The least share of its occurrences outside names (percent) that makes a word's indefinite
/// accusative form (سعيدًا, written سعيدا) an adjective's or a noun's…
const ACCUSATIVE_UNTAGGED: u8 = 50;
/// …and its form with the article (الهدى, العمر) a common noun's…
const DEFINITE_UNTAGGED: u8 = 80;
/// …and the share of a form with the article whose stem is written bare (رضا beside الرضا) that
/// makes it a common noun's too.
const DEFINITE_BARE: u8 = 50;

/// Whether the folded one-word name `key` is also an ordinary word: the running text writes its
/// indefinite accusative (`key` with alef: سعيدا, ماهرا, حسنا) or its form with the article
/// (الهدي, العمر) mostly outside names, or, for a name with the article, its stem bare at least
/// half the time (الرضا consent beside رضا). Given names that are adjectives or nouns (سعيد
/// happy, حسن good, هدى guidance, عمر age) are such words; most names take no such form, or take
/// it as names (الحسن, whose stem the books write bare 29% of the time).
pub fn also_word(key: &str) -> bool {
    let accusative = !key.ends_with(['ا', 'ه', 'ي', 'ى', 'ء'])
        && measure(&format!("{key}ا")).is_some_and(|m| m.untagged >= ACCUSATIVE_UNTAGGED);
    let definite = !key.starts_with("ال")
        && measure(&format!("ال{key}")).is_some_and(|m| m.untagged >= DEFINITE_UNTAGGED);
    let alternating =
        key.starts_with("ال") && measure(key).is_some_and(|m| m.bare >= DEFINITE_BARE);
    accusative || definite || alternating
}

/// Pronoun suffixes a common noun takes and a name does not, as [`in_text`] looks for them (ي
/// and ك left out: adjectives in ي and names such as مالك end so).
const TEXT_SUFFIXES: [&str; 6] = ["ه", "ها", "هم", "هما", "هن", "كم"];

/// A one-word name is a common noun in a text that writes it as one at least this share of
/// the time (percent)…
pub const TEXT_COMMON: u32 = 25;
/// …a given name at least this share: most given names are words too (هدى guidance beside
/// الهدى, سناء), written as names far more often than as words in most texts.
pub const GIVEN_NAME_COMMON: u32 = 50;
/// …and at least this many times.
const TEXT_COMMON_LEAST: u32 = 3;

/// Clitics before a word without the article, before one with it, and ل with the article.
const INDEFINITE: [&str; 6] = ["", "و", "ف", "ب", "ل", "ك"];
const DEFINITE: [&str; 8] = ["", "و", "ف", "ب", "ك", "وب", "وك", "فب"];
const LAM_LAM: [&str; 3] = ["لل", "ولل", "فلل"];

/// Whether a text writes the folded one-word name `key` the ways only a common noun is written,
/// a quarter of the time or more: a name with the article whose stem the text also writes
/// without it or with a pronoun (الشموس beside شموس, القروش beside ٧ قروش), a name without the
/// article that the text also writes with a pronoun (قطر beside قطرها: a diameter) or, unless
/// it is a place the gazetteers know (المالي is an adjective, not Mali), with the article (شورى
/// beside الشورى). `count` is how often the text writes a folded word as it stands; `share`
/// the least share, in percent, that makes the name a common noun ([`TEXT_COMMON`],
/// [`GIVEN_NAME_COMMON`]).
pub fn in_text(key: &str, known_place: bool, share: u32, count: impl Fn(&str) -> u32) -> bool {
    let with = |clitics: &[&str], word: &str| -> u32 {
        clitics.iter().map(|c| count(&format!("{c}{word}"))).sum()
    };
    // A stem with a pronoun (شموسها, قطره, قريته); one in ي takes none that tells (عليه,
    // ماليه).
    let with_pronoun = |stem: &str| -> u32 {
        if stem.ends_with('ي') {
            return 0;
        }
        let base = stem
            .strip_suffix('ه')
            .map_or_else(|| stem.to_owned(), |s| format!("{s}ت"));
        TEXT_SUFFIXES
            .iter()
            .map(|s| with(&INDEFINITE[..5], &format!("{base}{s}")))
            .sum()
    };
    // Short words are other words with a clitic too often (له, لله).
    if key.chars().count() < 3 {
        return false;
    }
    let (common, named) = match key.strip_prefix("ال") {
        Some(stem) if stem.chars().count() >= 3 => (
            with(&INDEFINITE, stem) + with_pronoun(stem),
            with(&DEFINITE, key) + with(&LAM_LAM, stem),
        ),
        Some(_) => return false,
        None => {
            let definite = with(&DEFINITE, &format!("ال{key}")) + with(&LAM_LAM, key);
            // An adjective in ي or ية with the article is another word (السورية); a word in
            // ي is one when the text writes it in ية at all often (مالي beside المالية, not
            // شورى beside one شورية).
            let feminine = count(&format!("{key}ه")) + count(&format!("ال{key}ه"));
            let adjective =
                key.ends_with("يه") || key.ends_with('ي') && feminine * 4 >= definite.max(1);
            let definite = if known_place || adjective {
                0
            } else {
                definite
            };
            (definite + with_pronoun(key), with(&INDEFINITE, key))
        }
    };
    common >= TEXT_COMMON_LEAST && common * 100 >= share * (common + named)
}

/// Counting the measures on running text, for the training example.
#[cfg(feature = "train")]
pub mod count {
    use super::super::tags::{O, Tag};
    use super::form;
    use crate::arabic::{Fold, fold_str};
    use std::collections::BTreeMap;

    /// Fewest occurrences a form needs to be measured.
    const MIN_SEEN: u32 = 5;

    /// Pronoun suffixes a common noun takes and a name does not.
    const SUFFIXES: [&str; 9] = ["ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي", "ك"];

    /// Occurrence counts per form.
    #[derive(Default)]
    pub struct Counts {
        /// Form → (outside names, seen).
        forms: BTreeMap<String, (u32, u32)>,
        /// Every folded word of the unlabelled text, as written, and how often.
        words: BTreeMap<String, u32>,
    }

    impl Counts {
        /// Adds a sentence's words and tags (gold or the tagger's); `unlabelled` text also
        /// counts its words for the bare measure.
        pub fn add(&mut self, words: &[&str], tags: &[Tag], unlabelled: bool) {
            for (w, &t) in words.iter().zip(tags) {
                let folded = fold_str(w, Fold::LOOSE);
                let c = self.forms.entry(form(&folded)).or_default();
                c.1 += 1;
                if t == O {
                    c.0 += 1;
                }
                if unlabelled {
                    *self.words.entry(folded).or_default() += 1;
                }
            }
        }

        /// The table as shipped: one form a line with its two measures, sorted.
        pub fn table(&self) -> String {
            let mut out = String::from(
                "# form\tpercent outside names\tpercent of the stem without the article\n",
            );
            let words = |w: &str| self.words.get(w).copied().unwrap_or(0);
            for (form, &(outside, seen)) in &self.forms {
                if form.chars().count() < 2 {
                    continue;
                }
                let untagged = outside * 100 / seen;
                let (bare, evidence) =
                    match form.strip_prefix("ال").filter(|s| s.chars().count() >= 2) {
                        Some(stem) => {
                            let without: u32 = words(stem)
                                + SUFFIXES
                                    .iter()
                                    .map(|s| words(&format!("{stem}{s}")))
                                    .sum::<u32>()
                                + ["و", "ف", "ب", "ل", "ك"]
                                    .iter()
                                    .map(|p| words(&format!("{p}{stem}")))
                                    .sum::<u32>();
                            let with = words(form)
                                + ["و", "ف", "ب", "ك", "وب", "وك", "فب"]
                                    .iter()
                                    .map(|p| words(&format!("{p}{form}")))
                                    .sum::<u32>()
                                + ["لل", "ولل", "فلل"]
                                    .iter()
                                    .map(|p| words(&format!("{p}{}", &stem)))
                                    .sum::<u32>();
                            (without * 100 / (without + with).max(1), without + with)
                        }
                        None => (0, 0),
                    };
                // A form seen a few times with the article is measured by how often its stem
                // is written at all.
                if seen < MIN_SEEN && evidence < 2 * MIN_SEEN {
                    continue;
                }
                // Forms that are mostly names and never bare say nothing: left out.
                if untagged < 50 && bare == 0 {
                    continue;
                }
                out.push_str(&format!("{form}\t{untagged}\t{bare}\n"));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`in_text`] on a text whose folded words are `words`, each written as often as given.
    fn common_in(key: &str, place: bool, words: &[(&str, u32)]) -> bool {
        common_at(key, place, TEXT_COMMON, words)
    }

    /// [`in_text`] with the least share `share`.
    fn common_at(key: &str, place: bool, share: u32, words: &[(&str, u32)]) -> bool {
        in_text(key, place, share, |w| {
            words.iter().find(|(x, _)| *x == w).map_or(0, |(_, n)| *n)
        })
    }

    #[test]
    fn a_name_the_text_writes_as_a_common_noun_is_one_there() {
        // The suns: the book also writes شموس and وشموس.
        assert!(common_in(
            "الشموس",
            false,
            &[("الشموس", 17), ("شموس", 9), ("وشموس", 3)]
        ));
        // A diameter: قطرها, وقطره.
        assert!(common_in(
            "قطر",
            true,
            &[("قطر", 13), ("قطرها", 5), ("وقطره", 3)]
        ));
        // Consultation, also written with the article.
        assert!(common_in(
            "شوري",
            false,
            &[("شوري", 15), ("الشوري", 29), ("شوريه", 1)]
        ));
    }

    #[test]
    fn a_given_name_is_a_common_word_only_where_the_text_mostly_writes_it_as_one() {
        // هدى (guidance) beside الهدى: a quarter of the time is not enough for a given name…
        let words = [("هدي", 9), ("الهدي", 3), ("بالهدي", 1)];
        assert!(common_at("هدي", false, TEXT_COMMON, &words));
        assert!(!common_at("هدي", false, GIVEN_NAME_COMMON, &words));
        // …half of it is.
        let words = [("هدي", 5), ("الهدي", 4), ("بالهدي", 2)];
        assert!(common_at("هدي", false, GIVEN_NAME_COMMON, &words));
    }

    #[test]
    fn given_names_that_are_words_are_known_from_their_other_forms() {
        // سعيدًا (happy), ماهرًا (skilled), حسنًا (good), الهدى (guidance): the books write
        // them as words.
        for adjective in ["سعيد", "ماهر", "حسن", "هدي"] {
            assert!(also_word(adjective), "{adjective}");
        }
        // Names that take no such form, or take it as names (الحسن, الأحمد).
        assert!(also_word("الرضا"), "consent, beside رضا");
        for name in ["معاويه", "اديسون", "بيترسون", "احمد", "الحسن", "الرشيد"]
        {
            assert!(!also_word(name), "{name}");
        }
    }

    #[test]
    fn a_name_the_text_writes_as_a_name_is_not() {
        assert!(!common_in("قطر", true, &[("قطر", 40), ("وقطر", 5)]));
        assert!(!common_in(
            "القاهره",
            false,
            &[("القاهره", 13), ("بالقاهره", 4)]
        ));
        // A stray bare form or two says nothing.
        assert!(!common_in("الاسلام", false, &[("الاسلام", 200), ("اسلام", 2)]));
        // Mali beside المالي (financial), Syria beside السورية (Syrian): adjectives.
        assert!(!common_in("مالي", true, &[("مالي", 10), ("المالي", 30)]));
        assert!(!common_in(
            "عربي",
            false,
            &[("عربي", 10), ("العربي", 30), ("العربيه", 40)]
        ));
        assert!(!common_in(
            "سوريه",
            false,
            &[("سوريه", 10), ("السوريه", 30)]
        ));
        // A preposition with a pronoun is no name with one (عليه).
        assert!(!common_in("علي", false, &[("علي", 10), ("عليه", 90)]));
    }
}
