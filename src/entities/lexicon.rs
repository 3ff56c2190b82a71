//! Word lists the tagger and the document rules consult: the shipped gazetteers of places and
//! organisations and people's given names, and the trigger words that announce a name (titles, organisation and place heads).

use super::Kind;
use crate::arabic::clitics;
use crate::arabic::{Fold, fold_str};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a trigger word announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A title before a person's name: الرئيس, الملك, الأمين (العام)…
    Title,
    /// The head noun of an organisation's name: حلف, منظمة, وكالة…
    OrgHead,
    /// The head noun of a place's name: مدينة, جزيرة, مضيق…
    PlaceHead,
}

/// Folded stems (no article) of titles.
const TITLES: &[&str] = &[
    "امير",
    "امين",
    "جنرال",
    "دكتور",
    "رئيس",
    "رئيسه",
    "زعيم",
    "سفير",
    "سلطان",
    "سيد",
    "سيده",
    "شيخ",
    "عقيد",
    "قائد",
    "لواء",
    "مبعوث",
    "متحدث",
    "مدير",
    "مستشار",
    "مفوض",
    "ملك",
    "ملكه",
    "نائب",
    "وزير",
    "وزيره",
];

/// Folded stems of organisation heads.
const ORG_HEADS: &[&str] = &[
    "اتحاد",
    "بنك",
    "تحالف",
    "جامعه",
    "جبهه",
    "جمعيه",
    "حركه",
    "حزب",
    "حلف",
    "شركه",
    "صندوق",
    "لجنه",
    "مؤسسه",
    "مجلس",
    "مجموعه",
    "محكمه",
    "مركز",
    "منظمه",
    "هيئه",
    "وزاره",
    "وكاله",
];

/// Folded stems of place heads.
const PLACE_HEADS: &[&str] = &[
    "اقليم",
    "بحر",
    "بلاد",
    "جبل",
    "جزر",
    "جزيره",
    "جمهوريه",
    "خليج",
    "دوله",
    "عاصمه",
    "قاره",
    "قريه",
    "محافظه",
    "محيط",
    "مدينه",
    "مضيق",
    "مقاطعه",
    "مملكه",
    "منطقه",
    "نهر",
    "ولايه",
];

/// The trigger class of a folded stem, if any.
pub fn trigger(stem: &str) -> Option<Trigger> {
    if TITLES.binary_search(&stem).is_ok() {
        Some(Trigger::Title)
    } else if ORG_HEADS.binary_search(&stem).is_ok() {
        Some(Trigger::OrgHead)
    } else if PLACE_HEADS.binary_search(&stem).is_ok() {
        Some(Trigger::PlaceHead)
    } else {
        None
    }
}

/// True when a folded word is a nisba adjective or a feminine/plural of one (المغربية,
/// الروسي, الأوروبيين): the article and a ي / ية / يين / يون / يات ending.
pub fn is_nisba(word: &str) -> bool {
    let stem = clitics::stem(word);
    stem.len() < word.len()
        && clitics::proclitics(word, stem).ends_with("ال")
        && ["ي", "يه", "يين", "يون", "يات"]
            .iter()
            .any(|e| stem.ends_with(e))
}

/// True when a folded nisba adjective (article already off) is formed on a place or a people:
/// افريقي (افريقيا), اميركي (اميركا), لبناني (لبنان), مغربي (المغرب), عربي. النقديه, دولي and
/// رسميه are not, nor are الذي and التي.
fn of_a_place(stem: &str) -> bool {
    let Some(base) = ["يين", "يون", "يات", "يه", "ي"]
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .filter(|b| b.chars().count() >= 2)
    else {
        return false;
    };
    let g = Gazetteer::embedded();
    let place = |name: &str| g.single(name) == Some(Kind::Location);
    // Peoples and lands whose nisba does not rebuild their name: عرب, آسيا.
    matches!(base, "عرب" | "اسيو")
        || place(base)
        || place(&format!("ال{base}"))
        || place(&format!("{base}ا"))
        || place(&format!("{base}يا"))
}

/// True when a word, as written (`written`) and folded (`folded`), is a qualifying adjective
/// that agrees with a name before it in definiteness and is formed on a place or a people:
/// الأفريقي after الناتو, أفريقي after ناتو. Such a pair names something else than the name
/// alone (an African NATO is not NATO). The written form decides the ending, since folding
/// makes على and حتى end in ي; a word with a clitic (ومالي) or a place name of its own (مالي)
/// is never a qualifier, and neither is an adjective of no place (قطر التي, الصين النقدية).
pub fn is_qualifier(written: &str, folded: &str, definite: bool) -> bool {
    let written: String = written
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}'))
        .collect();
    let ending = ["ي", "ية", "يين", "يون", "يات"]
        .iter()
        .any(|e| written.ends_with(e));
    let stem = clitics::stem(folded);
    let shape = if definite {
        is_nisba(folded) && clitics::proclitics(folded, stem) == "ال"
    } else {
        // A bare adjective is at least four letters (عربي, دولي), which keeps out في and لدي.
        stem == folded && folded.chars().count() >= 4 && !folded.starts_with("ال")
    };
    ending
        && shape
        && of_a_place(stem)
        && clitics::splits(folded)
            .iter()
            .all(|s| Gazetteer::embedded().single(&s.name).is_none())
}

/// Multiword names of places and organisations, looked up by their first folded word.
pub struct Gazetteer {
    by_first: HashMap<String, Vec<(Vec<String>, Kind)>>,
    /// Official long names of states (folded) and the short name of each (folded).
    short_names: HashMap<String, String>,
}

/// A gazetteer hit: the kind, and how many words it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What the name is.
    pub kind: Kind,
    /// Words covered, from the first.
    pub len: usize,
}

impl Gazetteer {
    /// The gazetteers shipped in `assets/ner/`, parsed once. Places come first, so a word that
    /// is both a place and a given name reads as the place.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer {
                by_first: HashMap::new(),
                short_names: include_str!("../../assets/ner/aliases.txt")
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .filter_map(|l| l.split_once('\t'))
                    .map(|(long, short)| {
                        (fold_str(long, Fold::LOOSE), fold_str(short, Fold::LOOSE))
                    })
                    .collect(),
            };
            g.add(
                include_str!("../../assets/ner/locations.txt"),
                Kind::Location,
            );
            g.add(
                include_str!("../../assets/ner/organizations.txt"),
                Kind::Organization,
            );
            g.add(include_str!("../../assets/ner/persons.txt"), Kind::Person);
            g
        })
    }

    fn add(&mut self, list: &str, kind: Kind) {
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let mut words = fold_str(line, Fold::LOOSE)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>();
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            self.by_first.entry(first).or_default().push((words, kind));
        }
    }

    /// The longest name starting at `words[0]` (folded words; the first may carry clitics).
    pub fn longest(&self, words: &[&str]) -> Option<Hit> {
        let (first, rest) = words.split_first()?;
        let mut best: Option<Hit> = None;
        for split in clitics::splits(first) {
            for (tail, kind) in self.by_first.get(&*split.name).into_iter().flatten() {
                let len = 1 + tail.len();
                let fits = rest.len() >= tail.len() && tail.iter().zip(rest).all(|(a, b)| a == b);
                if fits && best.is_none_or(|b| b.len < len) {
                    best = Some(Hit { kind: *kind, len });
                }
            }
        }
        best
    }

    /// Whether a name may start with the folded word `first` (clitics and all): whether
    /// [`Gazetteer::longest`] can find anything from it.
    pub fn may_start(&self, first: &str) -> bool {
        clitics::splits(first)
            .iter()
            .any(|s| self.by_first.contains_key(&*s.name))
    }

    /// The short name of a state's official long name (folded words: المملكه المغربيه →
    /// المغرب).
    pub fn short_name(&self, folded: &str) -> Option<&str> {
        self.short_names.get(folded).map(String::as_str)
    }

    /// Every official long name of a state with its short name (both folded).
    pub fn official_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.short_names
            .iter()
            .map(|(long, short)| (long.as_str(), short.as_str()))
    }

    /// Whether the folded word `word` starts names of the gazetteers and is none alone
    /// (الامم of الامم المتحده).
    pub fn starts_only(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|names| names.iter().all(|(tail, _)| !tail.is_empty()))
    }

    /// The kind of a one-word name, if the gazetteers hold it.
    pub fn single(&self, name: &str) -> Option<Kind> {
        self.by_first
            .get(name)?
            .iter()
            .find(|(tail, _)| tail.is_empty())
            .map(|(_, k)| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_lists_are_sorted_for_binary_search() {
        for list in [TITLES, ORG_HEADS, PLACE_HEADS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert_eq!(trigger("حلف"), Some(Trigger::OrgHead));
    }

    #[test]
    fn nisba_adjectives_are_told_from_names() {
        assert!(is_nisba("المغربيه"));
        assert!(is_nisba("الروسي"));
        assert!(is_nisba("الماليه"));
        assert!(!is_nisba("مالي"));
        assert!(!is_nisba("المغرب"));
        assert!(is_qualifier("الأفريقي", "الافريقي", true));
        assert!(is_qualifier("أفريقي", "افريقي", false));
        assert!(is_qualifier("العربية", "العربيه", true));
        assert!(!is_qualifier("أفريقي", "افريقي", true));
        assert!(!is_qualifier("على", "علي", false));
        assert!(!is_qualifier("مالي", "مالي", false));
        assert!(!is_qualifier("ومالي", "ومالي", false));
        // Relative pronouns, nouns in -ية and adjectives of no place qualify nothing.
        assert!(!is_qualifier("التي", "التي", false));
        assert!(!is_qualifier("الذي", "الذي", false));
        assert!(!is_qualifier("مسؤولية", "مسؤوليه", false));
        assert!(!is_qualifier("النقدية", "النقديه", true));
        assert!(!is_qualifier("الدولي", "الدولي", true));
        assert!(is_qualifier("الفرنسية", "الفرنسيه", true));
        assert!(!is_qualifier("والعربي", "والعربي", true));
    }

    #[test]
    fn gazetteer_finds_countries_with_clitics_and_longest_names() {
        let g = Gazetteer::embedded();
        let hit = g.longest(&["والمغرب"]).expect("Morocco is in CLDR");
        assert_eq!(
            hit,
            Hit {
                kind: Kind::Location,
                len: 1
            }
        );
        let hit = g.longest(&["بوركينا", "فاسو", "و"]).expect("Burkina Faso");
        assert_eq!(hit.len, 2);
        assert_eq!(g.single("النيجر"), Some(Kind::Location));
        assert_eq!(
            g.longest(&["حلف", "شمال", "الاطلسي"]).map(|h| h.kind),
            Some(Kind::Organization)
        );
    }
}
