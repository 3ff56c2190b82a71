//! An article's structure found in plain text: title, headings, numbered items, pull quotes,
//! lede and source line, as line kinds and an outline of sections with their byte offsets.
//!
//! Articles arrive without markup, one paragraph a line, so the structure is read from the
//! shape of each line (length, final punctuation, numbering) and from repetition (a pull quote
//! repeats a sentence found elsewhere). Markdown files say where their headings are; for them
//! the markup is trusted instead of the shape.

mod blocks;
mod markdown;
mod quotes;
mod shape;

use super::Document;
use markdown::MdLine;
/// How many words a text has, as the outline counts them (the information overlay says it too).
pub(crate) use shape::word_count;
use shape::{
    clean, ends_sentence, is_heading_shaped, is_paragraph_shaped, is_source_shaped,
    is_title_shaped, lead_phrase, numbered_item,
};

/// What a line of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// An empty or whitespace-only line.
    Blank,
    /// The article's title: its first non-empty line.
    Title,
    /// The title printed again on the next non-empty line; shown once, so this copy is hidden.
    TitleRepeat,
    /// A heading that introduces the text after it (a section).
    Heading,
    /// A numbered item (`1-`, `٢ –`, `(3)`), an entry under its heading.
    Item,
    /// A pull quote: repeats a sentence of the article, or is long but unfinished.
    Quote,
    /// Running text.
    Body,
    /// The first body paragraph after the title.
    Lede,
    /// The source or byline on the last line (`العرب`).
    Source,
    /// A Markdown setext underline or thematic break.
    Rule,
}

/// An entry of the outline: the title, a heading, or a numbered item. Kept small (a book of
/// short lines can be all headings): its title is read through [`Outline::title`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// 1 for the title, 2 for a heading, 3 for a numbered item under a heading (or a subheading).
    pub level: u8,
    /// The title is in the outline's own text, not in the document's.
    own: bool,
    /// 0-based line index in the document.
    line: u32,
    /// Byte offset of the line's start in `Document::text`.
    start: u32,
    /// How long the title is, in bytes (a longer one is cut at a character boundary: the
    /// navigator shows a line's beginning).
    title_len: u16,
    /// Where the title starts.
    title_at: u32,
}

impl Section {
    /// Section `title` (which starts at byte `at` of the document's text, or of the outline's
    /// own when `own`), at line `line` starting at byte `start`, of level `level`. Offsets are
    /// kept in 32 bits and the title's length in 16: a text of short lines can be all headings,
    /// and each costs 16 bytes.
    fn new(level: u8, own: bool, line: usize, start: usize, at: usize, title: &str) -> Section {
        let mut len = title.len().min(usize::from(u16::MAX));
        while !title.is_char_boundary(len) {
            len -= 1;
        }
        Section {
            level,
            own,
            line: line as u32,
            start: start as u32,
            title_len: len as u16,
            title_at: at as u32,
        }
    }

    /// 0-based line index in the document.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// Byte offset of the line's start in `Document::text`.
    pub fn start(&self) -> usize {
        self.start as usize
    }
}

/// The structure of a document: a kind for every line and the sections in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// One kind per document line.
    pub kinds: Vec<LineKind>,
    /// Title, headings and items, ordered by position.
    pub sections: Vec<Section>,
    /// The titles made of a line's words rather than taken from it (items' lead phrases).
    titles: String,
}

impl Outline {
    /// Index of the section holding byte `offset`: the last one starting at or before it.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .partition_point(|s| s.start() <= offset)
            .checked_sub(1)
    }

    /// What the reader sees of section `s` in the navigator: its line's text, or an item's
    /// lead phrase. `text` is the text of the document the outline was found in.
    pub fn title<'a>(&'a self, s: &Section, text: &'a str) -> &'a str {
        let (at, len) = (s.title_at as usize, usize::from(s.title_len));
        let from = if s.own { self.titles.as_str() } else { text };
        from.get(at..at + len).unwrap_or("")
    }
}

/// Whether `text` (named `name`) is Markdown: a `.md` name, `# ` headings or `===` underlines.
pub fn looks_like_markdown(name: &str, text: &str) -> bool {
    markdown::looks_like_markdown(name, text)
}

/// Whether the file name `name` says Markdown (`.md`, `.markdown`, `.mdx`, `.mdown`, `.mkd`).
pub fn has_markdown_name(name: &str) -> bool {
    markdown::has_markdown_name(name)
}

/// Finds the structure of `doc`; `markdown` trusts Markdown markup for headings and quotes.
/// A document with blocks (read from Markdown) has its outline from them, whatever `markdown`.
pub fn outline(doc: &Document, markdown: bool) -> Outline {
    if let Some(b) = &doc.blocks {
        return blocks::outline(doc, b);
    }
    let text = doc.text.as_str();
    // Markdown is read with every line at hand (a setext underline makes the line above it a
    // heading); plain text needs nothing per line but its kind.
    let md = if markdown {
        let lines: Vec<&str> = doc.lines_from(0).map(|r| line_of(text, r)).collect();
        markdown::classify(&lines)
    } else {
        Vec::new()
    };
    let mut r = Reading::new(doc, &md);
    let after_title = r.mark_title();
    r.mark_source(after_title);
    r.mark_lede(after_title, markdown);
    if !markdown {
        r.mark_quotes_and_headings();
    }
    let kinds: Vec<LineKind> = std::mem::take(&mut r.kinds)
        .into_iter()
        .map(|k| k.unwrap_or(LineKind::Body))
        .collect();
    drop(r);
    let (sections, titles) = sections(doc, &kinds, &md);
    Outline {
        kinds,
        sections,
        titles,
    }
}

/// The trimmed text of the line at `range` of `text`.
fn line_of(text: &str, range: std::ops::Range<usize>) -> &str {
    text.get(range).unwrap_or("").trim()
}

/// The Markdown kind of line `i` (plain text for a document not read as Markdown).
fn md_of<'a>(md: &[MdLine<'a>], i: usize) -> MdLine<'a> {
    md.get(i).copied().unwrap_or(MdLine::Text)
}

/// The lines being read and the kinds found so far (`None`: not decided, body in the end).
/// Only the non-empty lines are kept, as byte ranges: a book of short lines or of empty ones
/// must not cost many times its own size.
struct Reading<'a> {
    /// The document's text.
    text: &'a str,
    /// Indices of the non-empty lines, in order.
    non_empty: Vec<u32>,
    /// The shown text of each non-empty line (trimmed, without Markdown heading marks), as a
    /// byte range of `text`.
    shown: Vec<(u32, u32)>,
    kinds: Vec<Option<LineKind>>,
    /// Whether some line reads as running prose; without any, the article is an outline.
    has_prose: bool,
}

impl<'a> Reading<'a> {
    /// Starts with what the line alone decides: blanks, Markdown markup, numbered items.
    fn new(doc: &'a Document, md: &[MdLine<'a>]) -> Reading<'a> {
        let text = doc.text.as_str();
        let mut r = Reading {
            text,
            non_empty: Vec::new(),
            shown: Vec::new(),
            kinds: Vec::with_capacity(doc.len()),
            has_prose: false,
        };
        for (i, range) in doc.lines_from(0).enumerate() {
            let l = line_of(text, range);
            let m = md_of(md, i);
            let kind = match m {
                _ if l.is_empty() => Some(LineKind::Blank),
                MdLine::Rule => Some(LineKind::Rule),
                MdLine::Quote => Some(LineKind::Quote),
                MdLine::Code => Some(LineKind::Body),
                MdLine::Heading { .. } => Some(LineKind::Heading),
                MdLine::Text => numbered_item(l).map(|_| LineKind::Item),
            };
            r.kinds.push(kind);
            if l.is_empty() {
                continue;
            }
            r.has_prose |= kind.is_none() && is_paragraph_shaped(l);
            let shown = shown(l, &m);
            let at = shown.as_ptr() as usize - text.as_ptr() as usize;
            r.non_empty.push(i as u32);
            r.shown.push((at as u32, (at + shown.len()) as u32));
        }
        r
    }

    /// The shown text of line `i` (empty for an empty line).
    fn line(&self, i: usize) -> &'a str {
        match self.non_empty.binary_search(&(i as u32)) {
            Ok(k) => self.shown_at(k),
            Err(_) => "",
        }
    }

    /// The shown text of the `k`th non-empty line.
    fn shown_at(&self, k: usize) -> &'a str {
        self.shown
            .get(k)
            .and_then(|&(s, e)| self.text.get(s as usize..e as usize))
            .unwrap_or("")
    }

    /// The line index of the `k`th non-empty line.
    fn nth(&self, k: usize) -> Option<usize> {
        self.non_empty.get(k).map(|&i| i as usize)
    }

    /// The title: the first non-empty line, unless it reads as a paragraph; its repeat on the
    /// next non-empty line is marked. Returns the first line after them.
    fn mark_title(&mut self) -> usize {
        let Some(t) = self.nth(0) else {
            return 0;
        };
        let heading = self.kinds[t] == Some(LineKind::Heading);
        if !heading && (self.kinds[t].is_some() || !is_title_shaped(self.line(t))) {
            return 0;
        }
        self.kinds[t] = Some(LineKind::Title);
        match self.nth(1) {
            Some(r)
                if self.kinds[r].is_none_or(|k| k == LineKind::Heading)
                    && same_words(self.line(t), self.line(r)) =>
            {
                self.kinds[r] = Some(LineKind::TitleRepeat);
                r + 1
            }
            _ => t + 1,
        }
    }

    /// The source: a short, unpunctuated last line after some prose.
    fn mark_source(&mut self, after_title: usize) {
        if let Some(last) = self.non_empty.last().map(|&i| i as usize)
            && last >= after_title
            && self.kinds[last].is_none()
            && self.has_prose
            && is_source_shaped(self.line(last))
        {
            self.kinds[last] = Some(LineKind::Source);
        }
    }

    /// The lede: the first paragraph after the title that nothing else claims.
    fn mark_lede(&mut self, after_title: usize, markdown: bool) {
        let start = self
            .non_empty
            .partition_point(|&i| (i as usize) < after_title);
        let lede = (start..self.non_empty.len())
            .filter_map(|k| self.nth(k))
            .find(|&i| self.kinds[i].is_none() && (markdown || !self.is_plain_heading(i)));
        if let Some(l) = lede {
            self.kinds[l] = Some(LineKind::Lede);
        }
    }

    /// Pull quotes and headings of a plain article. Quotes by repetition come first: a short
    /// quote would otherwise pass for a heading.
    fn mark_quotes_and_headings(&mut self) {
        // Quotes are compared among the non-empty lines, counted by their place in that list.
        let candidates: Vec<usize> = (0..self.non_empty.len())
            .filter(|&k| self.nth(k).is_some_and(|i| self.kinds[i].is_none()))
            .filter(|&k| quotes::WORDS.contains(&word_count(self.shown_at(k))))
            .collect();
        if !candidates.is_empty() {
            let pool: Vec<Option<&str>> = (0..self.non_empty.len())
                .map(|k| match self.nth(k).and_then(|i| self.kinds[i]) {
                    Some(LineKind::Title | LineKind::TitleRepeat | LineKind::Source) => None,
                    _ => Some(self.shown_at(k)),
                })
                .collect();
            for q in quotes::repeated(&pool, &candidates) {
                if let Some(i) = self.nth(q) {
                    self.kinds[i] = Some(LineKind::Quote);
                }
            }
        }
        for k in 0..self.non_empty.len() {
            let i = self.non_empty[k] as usize;
            if self.kinds[i].is_some() {
                continue;
            }
            let line = self.shown_at(k);
            self.kinds[i] = if self.is_plain_heading(i) {
                Some(LineKind::Heading)
            } else if !ends_sentence(line) && !is_heading_shaped(line) {
                // Long and unfinished: a quote set apart from the text, not a paragraph.
                Some(LineKind::Quote)
            } else {
                None
            };
        }
    }

    /// Whether line `i` of a plain article is a heading: short, unfinished, and followed by text
    /// it introduces (a later non-empty line that is not the source). In an article of nothing
    /// but such lines (an outline, a table of contents) every one is a heading.
    fn is_plain_heading(&self, i: usize) -> bool {
        let next = self
            .non_empty
            .get(self.non_empty.partition_point(|&j| j as usize <= i));
        let introduces = next.is_some_and(|&j| self.kinds[j as usize] != Some(LineKind::Source));
        is_heading_shaped(self.line(i)) && (introduces || !self.has_prose)
    }
}

/// The text a line shows once Markdown heading marks are gone.
fn shown<'a>(line: &'a str, md: &MdLine<'a>) -> &'a str {
    match md {
        MdLine::Heading { text, .. } => text,
        _ => line,
    }
}

/// Whether two lines say the same words, spelling variants, harakat and punctuation aside.
fn same_words(a: &str, b: &str) -> bool {
    let words = quotes::folded_words(a);
    !words.is_empty() && words == quotes::folded_words(b)
}

/// The sections of an outline: title, headings and items, with their levels; and the text of
/// the titles that are not words of the document as they stand (lead phrases of items).
fn sections(doc: &Document, kinds: &[LineKind], md: &[MdLine]) -> (Vec<Section>, String) {
    // Markdown heading depths are relative: the shallowest below the title is a heading (2).
    let top = md
        .iter()
        .zip(kinds)
        .filter_map(|(m, k)| match (m, k) {
            (MdLine::Heading { depth, .. }, LineKind::Heading) => Some(*depth),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let text = doc.text.as_str();
    let at = |t: &str| t.as_ptr() as usize - text.as_ptr() as usize;
    let mut under_heading = false;
    let mut out = Vec::new();
    let mut own = String::new();
    for ((line, kind), range) in kinds.iter().enumerate().zip(doc.lines_from(0)) {
        let start = range.start;
        let shown = shown(line_of(text, range), &md_of(md, line));
        let level = match kind {
            LineKind::Title => 1,
            LineKind::Heading => {
                under_heading = true;
                match md.get(line) {
                    Some(MdLine::Heading { depth, .. }) if *depth > top => 3,
                    _ => 2,
                }
            }
            LineKind::Item => {
                let lead = lead_phrase(numbered_item(shown).unwrap_or_default());
                let level = if under_heading { 3 } else { 2 };
                out.push(Section::new(level, true, line, start, own.len(), &lead));
                own.push_str(&lead);
                continue;
            }
            _ => continue,
        };
        let title = clean(shown);
        out.push(Section::new(level, false, line, start, at(title), title));
    }
    own.shrink_to_fit();
    (out, own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_costs_sixteen_bytes() {
        // Five million short lines can all be headings: 20 bytes a section put the reader over
        // three times the size of such a file.
        assert!(std::mem::size_of::<Section>() <= 16);
    }

    #[test]
    fn a_title_too_long_to_keep_is_cut_between_characters() {
        let long = "ب".repeat(40_000);
        let doc = Document::new(format!("# {long}\n\nنص."), "long.md");
        let outline = outline(&doc, true);
        let title = outline.title(&outline.sections[0], &doc.text);
        assert!(title.len() <= usize::from(u16::MAX) && title.len() > 60_000);
        assert!(long.starts_with(title), "{}", title.len());
    }
}
