//! Format readers: each turns decoded text into the one document qari reads (text, and for
//! formats with markup its blocks and inline styles). Plain text is read as it is, one line a
//! paragraph, unless it is hard-wrapped (then its paragraphs are joined); Markdown through a
//! CommonMark parser; HTML through an HTML5 parser; an EPUB book from its zip archive, chapter
//! by chapter.

mod block_text;
mod direction;
pub mod epub;
mod front_matter;
pub mod html;
pub mod markdown;
pub mod wrapped;

use crate::document::Document;
use crate::document::structure::{has_markdown_name, looks_like_markdown};

/// The format of an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one line a paragraph, structure read from the shape of the lines.
    #[default]
    Text,
    /// Plain text broken at a fixed width: read with the lines of each paragraph joined.
    Wrapped,
    /// Markdown (CommonMark with GFM tables, strikethrough and task lists; front matter).
    Markdown,
    /// An HTML page.
    Html,
    /// An HTML page read whole: all its visible text (`--whole`).
    HtmlWhole,
    /// An EPUB book: its chapters in reading order, its table of contents as the outline.
    Epub,
}

impl Format {
    /// The name shown in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Wrapped => "text, lines joined",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::HtmlWhole => "html, whole page",
            Format::Epub => "epub",
        }
    }

    /// The format a file name says, if it says one (`.md`, `.markdown`, `.mdx`…, `.html`,
    /// `.htm`, `.xhtml`, `.epub`).
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_lowercase();
        let html = [".html", ".htm", ".xhtml"];
        if has_markdown_name(name) {
            Some(Format::Markdown)
        } else if html.iter().any(|e| lower.ends_with(e)) {
            Some(Format::Html)
        } else if lower.ends_with(".epub") {
            Some(Format::Epub)
        } else {
            None
        }
    }

    /// The format of `text` named `name`: the name's, else HTML when it starts as an HTML
    /// document does, else for standard input the content's (Markdown headings), else
    /// hard-wrapped text when its lines say so, else plain text. A file named otherwise is not
    /// Markdown: its Markdown-looking headings are still found by the plain outline.
    pub fn detect(name: &str, stdin: bool, text: &str) -> Format {
        match Format::from_name(name) {
            Some(f) => f,
            None if html::looks_like_html(text) => Format::Html,
            None if stdin && looks_like_markdown(name, text) => Format::Markdown,
            None if wrapped::is_hard_wrapped(text) => Format::Wrapped,
            None => Format::Text,
        }
    }
}

/// Reads the EPUB book `bytes` named `name`; what a reader should know about how it was read
/// comes with it.
pub fn read_book(
    bytes: &[u8],
    name: impl Into<String>,
) -> Result<(Document, Vec<String>), epub::EpubError> {
    Ok(book_document(epub::read(bytes)?, name))
}

/// The first chapters of the EPUB book `bytes` named `name`, as [`read_book`] reads them, up to
/// the one whose text reaches `at_least` bytes; `None` when that is the whole book.
pub fn read_book_start(
    bytes: &[u8],
    name: impl Into<String>,
    at_least: usize,
) -> Result<Option<(Document, Vec<String>)>, epub::EpubError> {
    let book = epub::read_start(bytes, at_least)?;
    Ok((!book.whole).then(|| book_document(book, name)))
}

/// The document of a book read, and its notices.
fn book_document(book: epub::Book, name: impl Into<String>) -> (Document, Vec<String>) {
    let mut doc = Document::with_blocks(book.text, name, Format::Epub, book.blocks);
    doc.rtl = book.rtl.unwrap_or(doc.rtl);
    (doc, book.notices)
}

/// Reads `text` named `name` as `format` (an EPUB is read from its bytes, [`read_book`]: text
/// named EPUB is read as plain text).
pub fn read(text: String, name: impl Into<String>, format: Format) -> Document {
    match format {
        Format::Text | Format::Epub => Document::new(text, name),
        Format::Wrapped => {
            let mut doc = Document::new(wrapped::join(&text), name);
            doc.format = format;
            doc
        }
        Format::Markdown => {
            let (shown, blocks) = markdown::read(&text);
            Document::with_blocks(shown, name, Format::Markdown, blocks)
        }
        Format::Html | Format::HtmlWhole => {
            let (shown, blocks) = match format {
                Format::Html => html::extract::read(&text),
                _ => html::read(&text),
            };
            Document::with_blocks(shown, name, format, blocks)
        }
    }
}
