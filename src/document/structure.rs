//! An article's structure found in plain text: title, headings, numbered items, pull quotes,
//! lede and source line, as line kinds and an outline of sections with their byte offsets.
//!
//! Articles arrive without markup, one paragraph a line, so the structure is read from the
//! shape of each line (length, final punctuation, numbering) and from repetition (a pull quote
//! repeats a sentence found elsewhere). Markdown files say where their headings are; for them
//! the markup is trusted instead of the shape.

mod markdown;
mod quotes;
mod shape;

use super::Document;
use markdown::MdLine;
use shape::{
    clean, ends_sentence, is_heading_shaped, is_paragraph_shaped, is_source_shaped,
    is_title_shaped, lead_phrase, numbered_item, word_count,
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

/// An entry of the outline: the title, a heading, or a numbered item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// What the reader sees in the navigator: the line's text, or an item's lead phrase.
    pub title: String,
    /// 1 for the title, 2 for a heading, 3 for a numbered item under a heading (or a subheading).
    pub level: u8,
    /// 0-based line index in the document.
    pub line: usize,
    /// Byte offset of the line's start in `Document::text`.
    pub start: usize,
}

/// The structure of a document: a kind for every line and the sections in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// One kind per document line.
    pub kinds: Vec<LineKind>,
    /// Title, headings and items, ordered by position.
    pub sections: Vec<Section>,
}

impl Outline {
    /// Index of the section holding byte `offset`: the last one starting at or before it.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .partition_point(|s| s.start <= offset)
            .checked_sub(1)
    }
}

/// Whether `text` (named `name`) is Markdown: a `.md` name, `# ` headings or `===` underlines.
pub fn looks_like_markdown(name: &str, text: &str) -> bool {
    markdown::looks_like_markdown(name, text)
}

/// Finds the structure of `doc`; `markdown` trusts Markdown markup for headings and quotes.
pub fn outline(doc: &Document, markdown: bool) -> Outline {
    let lines: Vec<&str> = doc
        .lines_from(0)
        .map(|r| doc.text.get(r).unwrap_or("").trim())
        .collect();
    let md = if markdown {
        markdown::classify(&lines)
    } else {
        vec![MdLine::Text; lines.len()]
    };
    let mut r = Reading::new(&lines, &md);
    let after_title = r.mark_title();
    r.mark_source(after_title);
    r.mark_lede(after_title, markdown);
    if !markdown {
        r.mark_quotes_and_headings();
    }
    let kinds: Vec<LineKind> = r
        .kinds
        .into_iter()
        .map(|k| k.unwrap_or(LineKind::Body))
        .collect();
    let sections = sections(doc, &kinds, &md);
    Outline { kinds, sections }
}

/// The lines being read and the kinds found so far (`None`: not decided, body in the end).
struct Reading<'a> {
    /// Each line's shown text: trimmed, without Markdown heading marks.
    lines: Vec<&'a str>,
    /// Indices of the non-empty lines, in order.
    non_empty: Vec<usize>,
    kinds: Vec<Option<LineKind>>,
    /// Whether some line reads as running prose; without any, the article is an outline.
    has_prose: bool,
}

impl<'a> Reading<'a> {
    /// Starts with what the line alone decides: blanks, Markdown markup, numbered items.
    fn new(lines: &[&'a str], md: &[MdLine<'a>]) -> Reading<'a> {
        let kinds: Vec<Option<LineKind>> = lines
            .iter()
            .zip(md)
            .map(|(l, m)| match m {
                _ if l.is_empty() => Some(LineKind::Blank),
                MdLine::Rule => Some(LineKind::Rule),
                MdLine::Quote => Some(LineKind::Quote),
                MdLine::Code => Some(LineKind::Body),
                MdLine::Heading { .. } => Some(LineKind::Heading),
                MdLine::Text => numbered_item(l).map(|_| LineKind::Item),
            })
            .collect();
        let non_empty: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
        let has_prose = non_empty
            .iter()
            .any(|&i| kinds[i].is_none() && is_paragraph_shaped(lines[i]));
        let lines = lines.iter().zip(md).map(|(l, m)| shown(l, m)).collect();
        Reading {
            lines,
            non_empty,
            kinds,
            has_prose,
        }
    }

    /// The title: the first non-empty line, unless it reads as a paragraph; its repeat on the
    /// next non-empty line is marked. Returns the first line after them.
    fn mark_title(&mut self) -> usize {
        let Some(&t) = self.non_empty.first() else {
            return 0;
        };
        let heading = self.kinds[t] == Some(LineKind::Heading);
        if !heading && (self.kinds[t].is_some() || !is_title_shaped(self.lines[t])) {
            return 0;
        }
        self.kinds[t] = Some(LineKind::Title);
        match self.non_empty.get(1) {
            Some(&r)
                if self.kinds[r].is_none_or(|k| k == LineKind::Heading)
                    && same_words(self.lines[t], self.lines[r]) =>
            {
                self.kinds[r] = Some(LineKind::TitleRepeat);
                r + 1
            }
            _ => t + 1,
        }
    }

    /// The source: a short, unpunctuated last line after some prose.
    fn mark_source(&mut self, after_title: usize) {
        if let Some(&last) = self.non_empty.last()
            && last >= after_title
            && self.kinds[last].is_none()
            && self.has_prose
            && is_source_shaped(self.lines[last])
        {
            self.kinds[last] = Some(LineKind::Source);
        }
    }

    /// The lede: the first paragraph after the title that nothing else claims.
    fn mark_lede(&mut self, after_title: usize, markdown: bool) {
        let start = self.non_empty.partition_point(|&i| i < after_title);
        let lede = self
            .non_empty
            .get(start..)
            .unwrap_or_default()
            .iter()
            .find(|&&i| self.kinds[i].is_none() && (markdown || !self.is_plain_heading(i)));
        if let Some(&l) = lede {
            self.kinds[l] = Some(LineKind::Lede);
        }
    }

    /// Pull quotes and headings of a plain article. Quotes by repetition come first: a short
    /// quote would otherwise pass for a heading.
    fn mark_quotes_and_headings(&mut self) {
        let pool: Vec<Option<&str>> = self
            .lines
            .iter()
            .zip(&self.kinds)
            .map(|(l, k)| match k {
                Some(LineKind::Blank | LineKind::Title | LineKind::TitleRepeat) => None,
                Some(LineKind::Source) => None,
                _ => Some(*l),
            })
            .collect();
        let candidates: Vec<usize> = self
            .non_empty
            .iter()
            .copied()
            .filter(|&i| self.kinds[i].is_none())
            .filter(|&i| quotes::WORDS.contains(&word_count(self.lines[i])))
            .collect();
        for q in quotes::repeated(&pool, &candidates) {
            self.kinds[q] = Some(LineKind::Quote);
        }
        for k in 0..self.non_empty.len() {
            let i = self.non_empty[k];
            if self.kinds[i].is_some() {
                continue;
            }
            let line = self.lines[i];
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
            .get(self.non_empty.partition_point(|&j| j <= i));
        let introduces = next.is_some_and(|&j| self.kinds[j] != Some(LineKind::Source));
        is_heading_shaped(self.lines[i]) && (introduces || !self.has_prose)
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

/// The sections of an outline: title, headings and items, with their levels.
fn sections(doc: &Document, kinds: &[LineKind], md: &[MdLine]) -> Vec<Section> {
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
    let text_of = |line: usize| shown(doc.line_text(line).trim(), &md[line]);
    let mut under_heading = false;
    let mut out = Vec::new();
    for (line, kind) in kinds.iter().enumerate() {
        let (title, level) = match kind {
            LineKind::Title => (clean(text_of(line)), 1),
            LineKind::Heading => {
                under_heading = true;
                let level = match md.get(line) {
                    Some(MdLine::Heading { depth, .. }) if *depth > top => 3,
                    _ => 2,
                };
                (clean(text_of(line)), level)
            }
            LineKind::Item => {
                let text = numbered_item(text_of(line)).unwrap_or_default();
                (lead_phrase(text), if under_heading { 3 } else { 2 })
            }
            _ => continue,
        };
        out.push(Section {
            title,
            level,
            line,
            start: doc.line(line).start,
        });
    }
    out
}
