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

use serde::Serialize;

use super::Document;
use crate::arabic::{Fold, fold_str};
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
    let lines: Vec<&str> = (0..doc.len()).map(|i| doc.line_text(i).trim()).collect();
    let md = if markdown {
        markdown::classify(&lines)
    } else {
        vec![MdLine::Text; lines.len()]
    };
    // Text a line shows once its Markdown heading marks are gone.
    let shown = |i: usize| match md.get(i) {
        Some(MdLine::Heading { text, .. }) => *text,
        _ => lines.get(i).copied().unwrap_or(""),
    };
    let mut kinds: Vec<Option<LineKind>> = lines
        .iter()
        .zip(&md)
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

    // The title: the first non-empty line, unless it already reads as a paragraph.
    let title = non_empty.first().copied().filter(|&t| {
        matches!(md.get(t), Some(MdLine::Heading { .. }))
            || (kinds[t].is_none() && is_title_shaped(lines[t]))
    });
    let mut after_title = 0;
    if let Some(t) = title {
        kinds[t] = Some(LineKind::Title);
        after_title = t + 1;
        if let Some(&r) = non_empty.get(1)
            && kinds[r].is_none_or(|k| k == LineKind::Heading)
            && same_words(shown(t), shown(r))
        {
            kinds[r] = Some(LineKind::TitleRepeat);
            after_title = r + 1;
        }
    }

    // Text that reads as running prose; without any, the article is an outline of headings.
    let has_prose = non_empty
        .iter()
        .any(|&i| kinds[i].is_none() && is_paragraph_shaped(lines[i]));

    // The source: a short, unpunctuated last line after some prose.
    if let Some(&last) = non_empty.last()
        && last >= after_title
        && kinds[last].is_none()
        && has_prose
        && is_source_shaped(lines[last])
    {
        kinds[last] = Some(LineKind::Source);
    }

    // The lede: the first paragraph after the title that nothing else claims.
    let lede = non_empty
        .iter()
        .copied()
        .filter(|&i| i >= after_title)
        .find(|&i| {
            kinds[i].is_none()
                && (markdown || !is_plain_heading(&lines, &non_empty, &kinds, has_prose, i))
        });
    if let Some(l) = lede {
        kinds[l] = Some(LineKind::Lede);
    }

    if !markdown {
        // Pull quotes by repetition first: a short quote would otherwise pass for a heading.
        let pool: Vec<Option<&str>> = lines
            .iter()
            .zip(&kinds)
            .map(|(l, k)| match k {
                Some(
                    LineKind::Blank | LineKind::Title | LineKind::TitleRepeat | LineKind::Source,
                ) => None,
                _ => Some(*l),
            })
            .collect();
        let candidates: Vec<usize> = non_empty
            .iter()
            .copied()
            .filter(|&i| kinds[i].is_none())
            .filter(|&i| (quotes::MIN_WORDS..=quotes::MAX_WORDS).contains(&word_count(lines[i])))
            .collect();
        for q in quotes::repeated(&pool, &candidates) {
            kinds[q] = Some(LineKind::Quote);
        }
        for &i in &non_empty {
            if kinds[i].is_some() {
                continue;
            }
            kinds[i] = if is_plain_heading(&lines, &non_empty, &kinds, has_prose, i) {
                Some(LineKind::Heading)
            } else if !ends_sentence(lines[i]) && !is_heading_shaped(lines[i]) {
                // Long and unfinished: a quote set apart from the text, not a paragraph.
                Some(LineKind::Quote)
            } else {
                None
            };
        }
    }
    let kinds: Vec<LineKind> = kinds
        .into_iter()
        .map(|k| k.unwrap_or(LineKind::Body))
        .collect();
    let sections = sections(doc, &kinds, &md, &shown);
    Outline { kinds, sections }
}

/// Whether line `i` of a plain article is a heading: short, unfinished, and followed by text
/// it introduces (a later non-empty line that is not the source). In an article of nothing but
/// such lines (an outline, a table of contents) every one is a heading.
fn is_plain_heading(
    lines: &[&str],
    non_empty: &[usize],
    kinds: &[Option<LineKind>],
    has_prose: bool,
    i: usize,
) -> bool {
    let next = non_empty.iter().find(|&&j| j > i);
    let introduces =
        next.is_some_and(|&j| kinds.get(j).copied().flatten() != Some(LineKind::Source));
    lines.get(i).is_some_and(|l| is_heading_shaped(l)) && (introduces || !has_prose)
}

/// Whether two lines say the same words, spelling variants, harakat and punctuation aside.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        let folded = fold_str(s, Fold::LOOSE);
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let wa = words(a);
    !wa.is_empty() && wa == words(b)
}

/// The sections of an outline: title, headings and items, with their levels.
fn sections<'a>(
    doc: &Document,
    kinds: &[LineKind],
    md: &[MdLine],
    shown: &dyn Fn(usize) -> &'a str,
) -> Vec<Section> {
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
    let mut under_heading = false;
    let mut out = Vec::new();
    for (line, kind) in kinds.iter().enumerate() {
        let (title, level) = match kind {
            LineKind::Title => (clean(shown(line)), 1),
            LineKind::Heading => {
                under_heading = true;
                let level = match md.get(line) {
                    Some(MdLine::Heading { depth, .. }) if *depth > top => 3,
                    _ => 2,
                };
                (clean(shown(line)), level)
            }
            LineKind::Item => {
                let text = numbered_item(shown(line)).unwrap_or_default();
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

/// The outline as `qari --list sections` prints it: plain, one title a line after its 1-based
/// line number and indented by level; or JSON `{"sections": [{"title", "level", "line"}]}`.
pub fn render_list(outline: &Outline, json: bool) -> String {
    if json {
        #[derive(Serialize)]
        struct Entry<'a> {
            title: &'a str,
            level: u8,
            line: usize,
        }
        let sections: Vec<Entry> = outline
            .sections
            .iter()
            .map(|s| Entry {
                title: &s.title,
                level: s.level,
                line: s.line + 1,
            })
            .collect();
        return format!("{}\n", serde_json::json!({ "sections": sections }));
    }
    let width = outline
        .sections
        .last()
        .map_or(1, |s| (s.line + 1).to_string().len());
    outline
        .sections
        .iter()
        .map(|s| {
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
            format!("{:>width$}  {indent}{}\n", s.line + 1, s.title)
        })
        .collect()
}
