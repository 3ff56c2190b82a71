//! Character facts every layer may ask about: a table of the properties layout needs most, which
//! characters draw nothing, and the visible symbols shown for control characters.
//!
//! A leaf: it imports no other module of qari, so source, document, search, entities and layout
//! can all agree on what a character is without depending on each other.

pub mod props;

/// Invisible format characters that a terminal must not receive raw: bidi marks, embeddings,
/// overrides and isolates, zero-width spaces and joiners, word joiner, byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
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
