//! Arabic proclitics (و ف, then ب ك ل, then the article ال; لل is ل + ال) and how to strip them.
//!
//! Words here are folded (`fold_str` with `Fold::LOOSE`), so the article is always spelled ال.
//! A stem keeps at least three letters: فرنسا, بغداد, لبنان and وليد begin with clitic letters,
//! so callers try the unstripped word first and strip only when the evidence says so.

use std::borrow::Cow;

/// Fewest letters a stripped stem may keep.
const MIN_STEM: usize = 3;

/// One way to read a word as proclitics followed by a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// Leading letters of the word left outside the name (و, ب, وب…): a mention starts after them.
    /// For لل only the first ل counts, since the second stands for the article inside the name.
    pub clitic_letters: usize,
    /// The name as it reads on its own: the article kept, and restored where لل swallowed its alef.
    /// Borrowed from the word but where لل swallowed the alef: the rules look at every word's
    /// readings, and most are part of the word.
    pub name: Cow<'a, str>,
}

/// True for the conjunctions و and ف.
fn is_conjunction(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

/// True for the prepositions ب, ك and ل.
fn is_preposition(c: char) -> bool {
    matches!(c, 'ب' | 'ك' | 'ل')
}

/// `word` without its first letter when that letter passes `test` and enough letters remain.
fn strip_letter(word: &str, test: fn(char) -> bool) -> Option<&str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (test(first) && rest.chars().count() >= MIN_STEM).then_some(rest)
}

/// Every reading of a folded `word`, least stripped first: the word itself, without و/ف, and
/// without a following ب/ك/ل (for لل both ل + a word starting with ل, and ل + ال + the word).
pub fn splits(word: &str) -> Vec<Split<'_>> {
    // At most the word, without و/ف, and two readings after each of those.
    let mut out = Vec::with_capacity(6);
    out.push(Split {
        clitic_letters: 0,
        name: Cow::Borrowed(word),
    });
    let conjunction = strip_letter(word, is_conjunction);
    if let Some(rest) = conjunction {
        out.push(Split {
            clitic_letters: 1,
            name: Cow::Borrowed(rest),
        });
    }
    for (k, base) in [(0, Some(word)), (1, conjunction)] {
        let Some(base) = base else { continue };
        if let Some(rest) = strip_letter(base, is_preposition) {
            if let Some(stem) = base
                .strip_prefix("لل")
                .filter(|s| s.chars().count() >= MIN_STEM)
            {
                out.push(Split {
                    clitic_letters: k + 1,
                    name: Cow::Owned(format!("ال{stem}")),
                });
            }
            out.push(Split {
                clitic_letters: k + 1,
                name: Cow::Borrowed(rest),
            });
        }
    }
    out
}

/// The stem of a folded `word` with its proclitics and article stripped (each only while at
/// least three letters remain; ب/ك/ل only before the article, which makes them sure clitics):
/// والمغرب, بالمغرب, للمغرب and المغرب all give مغرب, while لبنان stays whole.
pub fn stem(word: &str) -> &str {
    let mut w = strip_letter(word, is_conjunction).unwrap_or(word);
    if let Some(s) = w
        .strip_prefix("لل")
        .filter(|s| s.chars().count() >= MIN_STEM)
    {
        return s;
    }
    w = strip_letter(w, is_preposition)
        .filter(|rest| rest.starts_with("ال"))
        .unwrap_or(w);
    w.strip_prefix("ال")
        .filter(|s| s.chars().count() >= MIN_STEM)
        .unwrap_or(w)
}

/// The proclitic letters `stem` removed from `word`, with the article shown as ال (e.g. "وال").
pub fn proclitics<'a>(word: &'a str, stem: &str) -> &'a str {
    word.get(..word.len() - stem.len()).unwrap_or("")
}

/// Byte length of the first `letters` letters of a source (unfolded) word, with the marks that
/// follow them (harakat, tatweel), so a mention can start right after its clitics.
pub fn source_prefix_len(src: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in src.char_indices() {
        if super::normalize::is_ignorable_mark(c) {
            continue;
        }
        if seen == letters {
            return i;
        }
        seen += 1;
    }
    src.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(word: &str) -> Vec<(usize, String)> {
        splits(word)
            .into_iter()
            .map(|s| (s.clitic_letters, s.name.into_owned()))
            .collect()
    }

    #[test]
    fn conjunction_and_preposition_come_off_one_after_the_other() {
        assert_eq!(
            names("وبالمغرب"),
            vec![
                (0, "وبالمغرب".to_owned()),
                (1, "بالمغرب".to_owned()),
                (2, "المغرب".to_owned())
            ]
        );
    }

    #[test]
    fn lam_lam_restores_the_article_and_keeps_names_that_begin_with_lam() {
        let n = names("للمغرب");
        assert!(n.contains(&(1, "المغرب".to_owned())));
        let n = names("للندن");
        assert!(n.contains(&(1, "لندن".to_owned())));
    }

    #[test]
    fn the_unstripped_word_comes_first_and_short_stems_are_kept_whole() {
        assert_eq!(names("بغداد")[0].1, "بغداد");
        assert_eq!(
            names("وليد").len(),
            2,
            "ليد keeps three letters, يد would not"
        );
        assert_eq!(names("ولد"), vec![(0, "ولد".to_owned())]);
    }

    #[test]
    fn stem_strips_everything_down_to_three_letters() {
        for w in ["والمغرب", "بالمغرب", "للمغرب", "المغرب", "فالمغرب"]
        {
            assert_eq!(stem(w), "مغرب", "{w}");
        }
        assert_eq!(
            stem("لبنان"),
            "لبنان",
            "ب/ك/ل come off only before the article"
        );
        assert_eq!(stem("وموسكو"), "موسكو");
        assert_eq!(stem("الحرب"), "حرب");
        assert_eq!(proclitics("والمغرب", stem("والمغرب")), "وال");
    }

    #[test]
    fn source_prefix_skips_the_harakat_of_the_clitic() {
        let src = "وَالمغرب";
        assert_eq!(src.get(source_prefix_len(src, 1)..), Some("المغرب"));
    }
}
