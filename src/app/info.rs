//! What the document information overlay (`i`) says: the document's facts, gathered when it
//! opens (counting a large book's words takes a moment; a frame must not).

use super::{App, EntityState, Overlay};
use crate::document::structure::word_count;

/// Words a minute for the reading-time estimate: a typical adult's silent reading speed in
/// Arabic, slower than in English (around 140 against 230).
pub const WORDS_A_MINUTE: usize = 140;

/// One line of the overlay: what it is, and its value.
pub type Fact = (&'static str, String);

impl App {
    /// Opens the overlay with the facts as they are now.
    pub(super) fn open_info(&mut self) {
        self.info = self.facts();
        self.overlay = Overlay::Info;
    }

    /// The document's facts: title, author, date, site and language when its metadata has
    /// them, format, encoding, size, words, reading time, sections, entities, position, path.
    pub fn facts(&self) -> Vec<Fact> {
        let text = self.doc.text.as_str();
        let title = self
            .outline
            .sections
            .first()
            .map_or(self.doc.name.as_str(), |s| self.outline.title(s, text));
        let words = word_count(text);
        let reading = match words {
            0 => "—".to_owned(),
            n => format!(
                "about {} min at {WORDS_A_MINUTE} words a minute",
                n.div_ceil(WORDS_A_MINUTE)
            ),
        };
        let loading = if self.loading() {
            " so far (reading…)"
        } else {
            ""
        };
        let sections = if self.outline_pending() {
            "being found…".to_owned()
        } else {
            self.outline.sections.len().to_string()
        };
        let entities = match &self.entities {
            EntityState::Off => "not recognised yet (e shows them)".to_owned(),
            EntityState::Analysing(_) => "being recognised…".to_owned(),
            EntityState::Refused => "not recognised: too large for the free memory".to_owned(),
            EntityState::Ready { list, .. } => list.len().to_string(),
        };
        let line = self.doc.line_at(self.top_byte()) + 1;
        let mut facts = vec![("title", title.to_owned())];
        facts.extend(
            ["author", "date", "site", "language"]
                .into_iter()
                .filter_map(|key| Some((key, self.metadata(key)?))),
        );
        facts.extend([
            ("format", self.doc.format.name().to_owned()),
            ("encoding", self.encoding.to_owned()),
            ("size", format!("{}{loading}", size(text.len()))),
            ("words", format!("{words}{loading}")),
            ("reading time", reading),
            ("sections", sections),
            ("entities", entities),
            (
                "position",
                format!("{}%, line {line} of {}", self.percent(), self.doc.len()),
            ),
            (
                "path",
                self.path.clone().unwrap_or_else(|| self.doc.name.clone()),
            ),
        ]);
        facts
    }

    /// The values of the document's metadata field `key` (a book's authors), joined; `None`
    /// when it has none.
    fn metadata(&self, key: &str) -> Option<String> {
        let blocks = self.doc.blocks.as_ref()?;
        let values: Vec<&str> = blocks
            .metadata
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join("، "))
    }
}

/// A size in bytes as a reader says it.
fn size(bytes: usize) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB ({bytes} bytes)", b / KIB)
    } else {
        format!("{:.1} MiB ({bytes} bytes)", b / KIB / KIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hold_a_letter_or_a_digit() {
        assert_eq!(word_count("قال الأمين العام – في 2023: نعم"), 6);
        assert_eq!(word_count("  \n - * "), 0);
    }

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        assert_eq!(size(512), "512 bytes");
        assert_eq!(size(1536), "1.5 KiB (1536 bytes)");
        assert_eq!(size(3 << 20), "3.0 MiB (3145728 bytes)");
    }
}
