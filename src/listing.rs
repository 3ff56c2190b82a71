//! What `--list sections|entities|matches|text|metadata` prints: text lines, or JSON through
//! one serialiser.
//!
//! The document's own text ends up in these lists (section titles, entity names, the lines of
//! matches), so a list obeys the rule plain output obeys: nothing from the document drives the
//! terminal. Text lines show control characters as the symbols the reader draws and leave out
//! invisible format characters (or show them as `--show-controls` does); JSON escapes every C0
//! and C1 control, DEL and every invisible format character as `\uXXXX`.

mod text;

pub use text::{metadata, text};

use crate::chars::{control_symbol, is_invisible, visible};
use crate::document::Document;
use crate::document::structure::Outline;
use crate::entities::Entity;
use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};
use std::io::{self, Write};
use std::ops::Range;

/// How a list is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// JSON instead of text lines.
    pub json: bool,
    /// In text lines, invisible format characters (bidi controls, zero-width characters) are
    /// shown as symbols instead of left out.
    pub show_controls: bool,
    /// Entities the recogniser is unsure of are listed too, marked as uncertain.
    pub all: bool,
}

/// The outline of a document whose text is `text`: one title a line after its 1-based line
/// number, indented by level; or JSON `{"sections": [{"title", "level", "line"}]}`. Written as
/// it goes: a book can have millions of sections.
pub fn sections(
    outline: &Outline,
    text: &str,
    style: Style,
    out: &mut impl Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a> {
        title: &'a str,
        level: u8,
        line: usize,
    }
    #[derive(Serialize)]
    struct Listing<S> {
        sections: S,
    }
    let list = &outline.sections;
    if style.json {
        let entries = || {
            list.iter().map(|s| Entry {
                title: outline.title(s, text),
                level: s.level,
                line: s.line() + 1,
            })
        };
        return json(
            &Listing {
                sections: Seq(entries),
            },
            out,
        );
    }
    let width = list.last().map_or(1, |s| (s.line() + 1).to_string().len());
    for s in list {
        let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
        let title = visible(outline.title(s, text), style.show_controls);
        writeln!(out, "{:>width$}  {indent}{title}", s.line() + 1)?;
    }
    Ok(())
}

/// The named entities the recogniser is sure of (with `style.all`, every one): one a line,
/// kind, mention count and name separated by tabs, and `uncertain` after an uncertain one; or
/// JSON `{"entities": [{"name", "kind", "confidence", "uncertain", "mentions": [{"start",
/// "end"}]}]}`. Written as it goes.
pub fn entities(entities: &[Entity], style: Style, out: &mut impl Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a, M> {
        name: &'a str,
        kind: &'static str,
        confidence: f32,
        uncertain: bool,
        mentions: M,
    }
    let shown = || entities.iter().filter(|e| style.all || e.sure());
    #[derive(Serialize)]
    struct Listing<E> {
        entities: E,
    }
    if style.json {
        let entries = || {
            shown().map(|e| Entry {
                name: &e.name,
                kind: e.kind.as_str(),
                // Two decimals say all a confidence can.
                confidence: (e.confidence * 100.0).round() / 100.0,
                uncertain: !e.sure(),
                mentions: Seq(|| e.mentions.iter().map(Span::from)),
            })
        };
        return json(
            &Listing {
                entities: Seq(entries),
            },
            out,
        );
    }
    for e in shown() {
        let name = visible(&e.name, style.show_controls);
        let mark = if e.sure() { "" } else { "\tuncertain" };
        writeln!(
            out,
            "{}\t{}\t{name}{mark}",
            e.kind.as_str(),
            e.mentions.len()
        )?;
    }
    Ok(())
}

/// A JSON array serialised from the items `0()` gives, one at a time, never collected.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// Search matches in `doc`: one a line, the 1-based number of the line it starts on, a tab
/// and that line's text; or JSON `{"matches": [{"start": BYTE, "end": BYTE}]}`.
pub fn matches(
    doc: &Document,
    matches: &[Range<usize>],
    style: Style,
    out: &mut impl Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Listing {
        matches: Vec<Span>,
    }
    if style.json {
        return json(
            &Listing {
                matches: matches.iter().map(Span::from).collect(),
            },
            out,
        );
    }
    // The document's own line splitting, so the numbers agree with what the reader shows.
    for m in matches {
        let line = doc.line_at(m.start);
        let shown = visible(doc.line_text(line), style.show_controls);
        writeln!(out, "{}\t{shown}", line + 1)?;
    }
    Ok(())
}

/// A byte range of the document in a JSON list.
#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
}

impl From<&Range<usize>> for Span {
    fn from(r: &Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

/// `value` as one line of JSON on `out`, every control and invisible format character escaped.
fn json(value: &impl Serialize, out: &mut impl Write) -> io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out, Escaping,
    ))?;
    out.write_all(b"\n")
}

/// Compact JSON in which no string holds a character that could drive a terminal: serde_json
/// escapes C0 controls, and this formatter also escapes DEL, C1 controls and the invisible
/// format characters (bidi embeddings, overrides, isolates and marks, zero-width characters),
/// all as `\uXXXX`.
struct Escaping;

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            writer.write_all(rest.as_bytes().get(..at).unwrap_or_default())?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = rest.get(at + c.len_utf8()..).unwrap_or_default();
        }
        writer.write_all(rest.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let byte = match escape {
            CharEscape::Quote => return writer.write_all(b"\\\""),
            CharEscape::ReverseSolidus => return writer.write_all(b"\\\\"),
            CharEscape::Solidus => b'/',
            CharEscape::Backspace => 0x08,
            CharEscape::FormFeed => 0x0C,
            CharEscape::LineFeed => b'\n',
            CharEscape::CarriageReturn => b'\r',
            CharEscape::Tab => b'\t',
            CharEscape::AsciiControl(b) => b,
        };
        write!(writer, "\\u{byte:04x}")
    }
}

/// Characters serde_json writes as they are but a JSON list must escape.
fn needs_escape(c: char) -> bool {
    control_symbol(c).is_some() || is_invisible(c)
}
