//! Character facts every layer may ask about: a table of the properties layout needs most, which
//! characters draw nothing, and the visible symbols shown for control characters.
//!
//! A leaf: it imports no other module of qari, so source, document, search, entities and layout
//! can all agree on what a character is without depending on each other.

pub mod props;

use std::borrow::Cow;

/// Characters that draw nothing: bidi marks, embeddings, overrides and isolates, zero-width
/// spaces and joiners, the word joiner and invisible operators, the byte order mark, the soft
/// hyphen, the Mongolian vowel separator, interlinear annotation marks, and the tag characters
/// (U+E0000–U+E007F), which can carry a whole hidden text. Text pasted from the web is full of
/// them, inside words.
///
/// The one answer every layer gives: layout shows them as no cell (they never reach the
/// terminal raw), search and the entity recogniser read words as if they were not there, so
/// what a reader sees is what search finds, and lists and messages escape them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// The visible symbol shown for a control character (C0, DEL, C1), or `None` for other characters.
/// C0 controls use the Control Pictures block (ESC shows as ␛), so an escape sequence in a
/// document is displayed and never reaches the terminal.
pub fn control_symbol(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('␡'),
        '\u{80}'..='\u{9F}' => Some('¤'),
        '\u{2028}' => Some('↵'),
        '\u{2029}' => Some('¶'),
        _ => None,
    }
}

/// The symbol `--show-controls` puts where an invisible format character is.
pub fn format_symbol(c: char) -> char {
    match c {
        '\u{200E}' | '\u{202A}' | '\u{202D}' | '\u{2066}' => '→',
        '\u{200F}' | '\u{061C}' | '\u{202B}' | '\u{202E}' | '\u{2067}' => '←',
        '\u{2068}' => '↔',
        '\u{202C}' | '\u{2069}' => '⇤',
        _ => '⁞',
    }
}

/// `s` as a line of text qari prints shows it: control characters as the symbols the reader
/// draws (ESC as ␛), a tab as a space, invisible format characters left out or, with
/// `show_controls`, shown as symbols.
pub fn visible(s: &str, show_controls: bool) -> Cow<'_, str> {
    let plain = |c: char| c != '\t' && control_symbol(c).is_none() && !is_invisible(c);
    if s.chars().all(plain) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if plain(c) {
            out.push(c);
        } else if c == '\t' {
            out.push(' ');
        } else if let Some(sym) = control_symbol(c) {
            out.push(sym);
        } else if show_controls {
            out.push(format_symbol(c));
        }
    }
    Cow::Owned(out)
}

/// `s`, text of the user's or the document's, made fit to quote inside one of qari's own
/// messages: every control and invisible character shown as a symbol (so an override in a
/// query cannot turn it around unseen), and the whole set in a first-strong isolate, so that
/// its direction cannot reorder the words of the message around it.
pub fn quoted(s: &str) -> String {
    format!("\u{2068}{}\u{2069}", visible(s, true))
}

/// Whether the first strong character of `s` is right to left (`Some(true)`: R or AL), left to
/// right (`Some(false)`: L), or `s` has none — rule P2 of UAX #9 without isolates, which is what
/// a block's direction, a table's and the layout's fast path ask.
pub fn first_strong_rtl(s: &str) -> Option<bool> {
    use unicode_bidi::BidiClass::{AL, L, R};
    let table = props::table();
    s.chars().find_map(|c| match table.class(c) {
        R | AL => Some(true),
        L => Some(false),
        _ => None,
    })
}
