//! Words that are never a name on their own (prepositions, pronouns, numbers, days, verbs of
//! narration…), words that only join a name (ابن, أبو) and formulas of blessing, from
//! `assets/ner/function_words.txt`. Matched on the word as written, harakat off and alef forms
//! unified but ى and ة kept, so the preposition على is told from the name علي.

use foldhash::HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// How a word takes part in names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Never starts, ends or makes up a name.
    Never,
    /// Joins a name and is never one, nor its last word (ابن, أبو).
    Joins,
    /// Inside or at the end of a name, never its first word (الله in عبد الله).
    Inner,
    /// A time of day that is also a given name (صباح): never a name beside a [`Role::Never`] word.
    Time,
}

/// The parsed list.
struct Lists {
    roles: HashMap<String, Role>,
    /// Formulas by their first word: the words after it.
    formulas: HashMap<String, Vec<Vec<String>>>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut roles = HashMap::default();
        let mut formulas: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        let mut section = "";
        for line in include_str!("../../assets/ner/function_words.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let role = match section {
                "never" => Role::Never,
                "joins" => Role::Joins,
                "inner" => Role::Inner,
                "time" => Role::Time,
                _ => {
                    let mut words = line.split(' ').map(|w| light(w).into_owned());
                    if let Some(first) = words.next() {
                        formulas.entry(first).or_default().push(words.collect());
                    }
                    continue;
                }
            };
            roles.entry(light(line).into_owned()).or_insert(role);
        }
        Lists { roles, formulas }
    })
}

/// A word with harakat and tatweel off and the alef forms unified; ى, ي, ة and ه kept. Every
/// word of a text is looked up, and most are already so: those are not copied.
fn light(word: &str) -> Cow<'_, str> {
    let changed = |c: char| {
        crate::arabic::normalize::is_ignorable_mark(c) || matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ')
    };
    if !word.chars().any(changed) {
        return Cow::Borrowed(word);
    }
    word.chars()
        .filter(|&c| !crate::arabic::normalize::is_ignorable_mark(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            _ => c,
        })
        .collect()
}

/// The role of a word as the text writes it, trying it with a leading و or ف off too; `None`
/// for a word that may be a name.
pub fn role(written: &str) -> Option<Role> {
    if written.chars().all(|c| c.is_numeric()) && !written.is_empty() {
        return Some(Role::Never);
    }
    let w = light(written);
    let roles = &lists().roles;
    if let Some(&r) = roles.get(&*w) {
        return Some(r);
    }
    // وقال, فإن; بالله, والليل: a conjunction, then a preposition before the article, come off.
    let mut rest: &str = &w;
    if let Some(r) = rest
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 2)
    {
        if let Some(&role) = roles.get(r) {
            return Some(role);
        }
        rest = r;
    }
    let after = rest.strip_prefix(['ب', 'ل', 'ك'])?;
    match roles.get(after).copied() {
        Some(r) if after.starts_with("ال") => Some(r),
        // لابن إياس, بأبي بكر: a preposition before a word that joins a name.
        Some(Role::Joins) if KIN.contains(&after) => Some(Role::Joins),
        _ => None,
    }
}

/// Words of kinship that start or join an Arabic name (ابن خلدون, عمرو بن العاص, أبو بكر).
const KIN: [&str; 7] = ["ابن", "بن", "بنت", "ابو", "ابي", "ابى", "ابا"];

/// Whether a word as written (و, ف, ب, ل or ك before it taken off) is a word of kinship that
/// starts or joins a name: ابن, بن, بنت, أبو, أبي, أبا.
pub fn kin(written: &str) -> bool {
    let w = light(written);
    let w = w
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(&w);
    KIN.contains(&w)
        || w.strip_prefix(['ب', 'ل', 'ك'])
            .is_some_and(|r| KIN.contains(&r))
}

/// The formulas that start with a word as written.
fn formulas(first: &str) -> Option<&'static Vec<Vec<String>>> {
    let first = light(first);
    lists()
        .formulas
        .get(first.strip_prefix('و').unwrap_or(&first))
}

/// Whether a formula of blessing may start with a word as written.
pub fn opens_formula(first: &str) -> bool {
    formulas(first).is_some()
}

/// How many words from `words[0]` (as written) a formula of blessing covers, if one starts there.
pub fn formula(words: &[&str]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    formulas(first)?
        .iter()
        .filter(|tail| {
            tail.len() <= rest.len() && tail.iter().zip(rest).all(|(a, b)| *a == light(b))
        })
        .map(|tail| 1 + tail.len())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preposition_is_told_from_the_name() {
        assert_eq!(role("على"), Some(Role::Never));
        assert_eq!(role("علي"), None);
        assert_eq!(role("وقال"), Some(Role::Never));
        assert_eq!(role("ستمائة"), Some(Role::Never));
        assert_eq!(role("١٩٢٠"), Some(Role::Never));
        assert_eq!(role("ابن"), Some(Role::Joins));
        assert_eq!(role("الله"), Some(Role::Inner));
        assert_eq!(role("بالله"), Some(Role::Inner));
        assert_eq!(role("والليل"), Some(Role::Never));
        assert_eq!(role("صباح"), Some(Role::Time));
        assert_eq!(role("محمد"), None);
        assert_eq!(role("لابن"), Some(Role::Joins));
        assert_eq!(role("وبأبي"), Some(Role::Joins));
        assert_eq!(role("لبكر"), None);
        assert!(kin("لابن") && kin("بن") && kin("وأبو") && !kin("لي") && !kin("هو"));
    }

    #[test]
    fn formulas_are_found_with_their_length() {
        assert_eq!(formula(&["رضي", "الله", "عنه", "قال"]), Some(3));
        assert_eq!(formula(&["صلى", "الله", "عليه", "وسلم"]), Some(4));
        assert_eq!(formula(&["رضي", "محمد"]), None);
        assert_eq!(formula(&["وعليه", "السلام"]), Some(2));
    }
}
