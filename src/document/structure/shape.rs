//! The shape of one line read on its own: words, final punctuation, numbering, lead phrase.

/// Most words a heading has; longer unpunctuated lines read as quotes, not headings.
pub(super) const HEADING_MAX_WORDS: usize = 10;
/// Most characters a heading has, so a few very long "words" (URLs, Latin compounds) do not pass.
const HEADING_MAX_CHARS: usize = 80;
/// Most words a title has; a longer first line is the article's first paragraph.
const TITLE_MAX_WORDS: usize = 24;
/// Most words an item's name keeps when it has no `:` or `،` to end it.
const LEAD_MAX_WORDS: usize = 8;
/// Words kept from an item with no usable lead phrase, before an ellipsis.
const LEAD_FALLBACK_WORDS: usize = 6;

/// Characters that end a sentence (the colon ends one that introduces what follows).
const FINAL: [char; 7] = ['.', '!', '?', '؟', '…', ':', '۔'];
/// Closing quotes and brackets that may follow the final punctuation: `… الحلف.”`.
const CLOSERS: [char; 11] = ['”', '’', '"', '\'', '»', '›', ')', ']', '}', '﴾', '﴿'];
/// Characters that end an item's lead phrase: `1- رفع القدرات: تشمل …`, `2 – المساهمة، وذلك …`.
const LEAD_STOPS: [char; 12] = [':', '،', ',', '؛', ';', '.', '!', '?', '؟', '(', '…', '۔'];
/// Words that open a subordinate clause: the lead phrase of a long item ends before them
/// (`تعزيز المكانة السياسية للمغرب وذلك من خلال …`).
const CLAUSE_WORDS: [&str; 14] = [
    "وذلك", "ذلك", "وهو", "وهي", "حيث", "إذ", "اذ", "الذي", "التي", "لأن", "which", "because",
    "where", "while",
];

/// The words of a line: whitespace-separated tokens holding at least one letter or digit.
pub(super) fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Words of `line`: runs between white space that hold a letter or a digit (a dash or a
/// bullet alone is not a word).
pub(crate) fn word_count(line: &str) -> usize {
    words(line).count()
}

/// True when the line ends with sentence-final punctuation, closing quotes aside.
pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end().trim_end_matches(CLOSERS).ends_with(FINAL)
}

/// True for a character that ends a sentence inside a line.
pub(super) fn is_final(c: char) -> bool {
    FINAL.contains(&c) && c != ':'
}

/// Number of sentences: final punctuation followed by a space, plus a last unfinished one.
fn sentence_count(line: &str) -> usize {
    let mut chars = line.trim().chars().peekable();
    let mut n = 1;
    while let Some(c) = chars.next() {
        if is_final(c) && chars.peek().is_some_and(|n| n.is_whitespace()) {
            n += 1;
        }
    }
    n
}

/// A short line without final punctuation: a heading if text follows it.
pub(super) fn is_heading_shaped(line: &str) -> bool {
    let n = word_count(line);
    n > 0
        && n <= HEADING_MAX_WORDS
        && line.chars().count() <= HEADING_MAX_CHARS
        && !ends_sentence(line)
        && line.chars().any(char::is_alphabetic)
}

/// A line that reads as running text: long, or finished with final punctuation.
pub(super) fn is_paragraph_shaped(line: &str) -> bool {
    word_count(line) > HEADING_MAX_WORDS || ends_sentence(line)
}

/// A first line that can be the article's title: not paragraph-long, and not several sentences
/// closed by a full stop (a question inside a title, `ماذا بعد؟ قراءة في …`, is fine).
pub(super) fn is_title_shaped(line: &str) -> bool {
    let n = word_count(line);
    let full_stop = line
        .trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(['.', '۔']);
    n > 0 && n <= TITLE_MAX_WORDS && !(full_stop && sentence_count(line) > 1)
}

/// A last line of one to three words without any punctuation: the source or byline (`العرب`).
pub(super) fn is_source_shaped(line: &str) -> bool {
    let n = word_count(line);
    (1..=3).contains(&n)
        && line
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace())
}

/// True for a decimal digit in ASCII, Arabic-Indic (`١`) or Extended Arabic-Indic (`۱`) form.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// The text after a list number (`1-`, `2 –`, `3.`, `4)`, `(5)`, `١-`), or `None` for a line
/// that does not start with one. Years and decimals (`2024 –`, `3.5`) are not numbers of a list.
pub(super) fn numbered_item(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let (open, rest) = match line.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, line),
    };
    let digits = rest.find(|c: char| !is_digit(c)).unwrap_or(rest.len());
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = rest.get(digits..)?;
    let after = if open {
        rest.strip_prefix(')')?
    } else {
        let spaced = rest.trim_start();
        let mut chars = spaced.chars();
        match chars.next() {
            Some('-' | '–' | '—' | '.' | ')' | '/') => chars.as_str(),
            _ => return None,
        }
    };
    // The marker must be followed by text, not by more digits (`3.5`, `1-2`).
    let text = after.trim_start();
    match text.chars().next() {
        Some(c) if !is_digit(c) => Some(text),
        _ => None,
    }
}

/// The name of a numbered item: its lead phrase, before a `:` or `،`, or its first few words.
pub(super) fn lead_phrase(text: &str) -> String {
    let cut = text.find(LEAD_STOPS).unwrap_or(text.len());
    let mut lead = text.get(..cut).unwrap_or(text);
    // A dash between spaces also ends the lead phrase: `رفع القدرات – تشمل …`.
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = lead.find(dash) {
            lead = lead.get(..i).unwrap_or(lead);
        }
    }
    let lead_words: Vec<&str> = words(lead).collect();
    if !lead_words.is_empty() && lead_words.len() <= LEAD_MAX_WORDS {
        return clean(&lead_words.join(" ")).to_string();
    }
    let all: Vec<&str> = words(text).collect();
    let clause = all
        .iter()
        .skip(2)
        .position(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()));
    match clause {
        Some(i) if i + 2 <= LEAD_MAX_WORDS => clean(&all[..i + 2].join(" ")).to_string(),
        _ if all.len() <= LEAD_MAX_WORDS => clean(&all.join(" ")).to_string(),
        _ => format!("{}…", clean(&all[..LEAD_FALLBACK_WORDS].join(" "))),
    }
}

/// A name without the Markdown emphasis that may wrap it (`**رفع القدرات**`).
pub(super) fn clean(name: &str) -> &str {
    let name = name.trim();
    let wrapped = ["**", "__", "*", "_", "`"].into_iter().find_map(|m| {
        let inner = name.strip_prefix(m)?.strip_suffix(m)?;
        (!inner.trim().is_empty()).then_some(inner)
    });
    wrapped.unwrap_or(name).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_every_style() {
        assert_eq!(numbered_item("1- رفع"), Some("رفع"));
        assert_eq!(numbered_item("2 – المساهمة"), Some("المساهمة"));
        assert_eq!(numbered_item("3. تعزيز"), Some("تعزيز"));
        assert_eq!(numbered_item("(4) دعم"), Some("دعم"));
        assert_eq!(numbered_item("٥- دعم"), Some("دعم"));
        assert_eq!(numbered_item("۶) دعم"), Some("دعم"));
        assert_eq!(numbered_item("1-رفع"), Some("رفع"));
    }

    #[test]
    fn years_and_decimals_are_not_numbers_of_a_list() {
        assert_eq!(numbered_item("2024 – عام الانتخابات"), None);
        assert_eq!(numbered_item("3.5 مليون نسمة"), None);
        assert_eq!(numbered_item("1-2 من الشهر"), None);
        assert_eq!(numbered_item("12 دولة وقعت"), None);
    }

    #[test]
    fn lead_phrases() {
        assert_eq!(
            lead_phrase("رفع القدرات العسكرية للمغرب: تشمل الشراكة"),
            "رفع القدرات العسكرية للمغرب"
        );
        assert_eq!(
            lead_phrase("المساهمة في الحفاظ، وذلك"),
            "المساهمة في الحفاظ"
        );
        assert_eq!(
            lead_phrase(
                "تعزيز المكانة السياسية للمغرب وذلك من خلال اعتبار حلف الناتو الرباط شريكا؛ الأمر"
            ),
            "تعزيز المكانة السياسية للمغرب"
        );
        assert_eq!(
            lead_phrase("one two three four five six seven eight nine ten"),
            "one two three four five six…"
        );
    }

    #[test]
    fn titles() {
        assert!(is_title_shaped("ماذا بعد؟ قراءة في المشهد"));
        assert!(!is_title_shaped(
            "وصل الوفد إلى الرباط. وسيلتقي الوزير غدا."
        ));
        assert_eq!(clean("**افتح ملفا**"), "افتح ملفا");
        assert_eq!(clean("“الناتو” يواصل"), "“الناتو” يواصل");
    }

    #[test]
    fn final_punctuation_behind_quotes() {
        assert!(ends_sentence("قال: “انتهى.”"));
        assert!(ends_sentence("هل انتهى؟"));
        assert!(!ends_sentence("دوافع محددة"));
    }
}
