//! The outline of a document read from a format with markup: its blocks say what each line is,
//! so nothing is guessed from the shape of the lines. Headings are sections, list items never;
//! a document with its own table of contents (an e-book) has that as its sections instead.

use super::{LineKind, Outline, Section};
use crate::document::Document;
use crate::document::blocks::{BlockKind, Blocks};

/// The kinds of `doc`'s lines and its sections, from `blocks`. Without a front-matter title, a
/// first block that is a heading is the title; the shallowest other headings are level 2,
/// deeper ones level 3.
pub(super) fn outline(doc: &Document, blocks: &Blocks) -> Outline {
    let first_heading_is_title = matches!(
        blocks.blocks.first().map(|b| &b.kind),
        Some(BlockKind::Heading(_))
    );
    let is_title =
        |i: usize, k: &BlockKind| *k == BlockKind::Title || (i == 0 && first_heading_is_title);
    let top = blocks
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(h) if !is_title(i, &b.kind) => Some(h),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut kinds = Vec::with_capacity(doc.len());
    let mut sections = Vec::new();
    let mut next = 0;
    for (line, range) in doc.lines_from(0).enumerate() {
        // Blocks and lines run in the same order: the block of a line is this one or later.
        while blocks
            .blocks
            .get(next)
            .is_some_and(|b| b.range.end < range.start)
        {
            next += 1;
        }
        let Some(b) = blocks
            .blocks
            .get(next)
            .filter(|b| b.range.start <= range.start)
        else {
            kinds.push(LineKind::Blank);
            continue;
        };
        let first_line = b.range.start == range.start;
        let level = match b.kind {
            _ if is_title(next, &b.kind) => Some(1),
            BlockKind::Heading(h) => Some(if h > top { 3 } else { 2 }),
            _ => None,
        };
        let kind = match (&b.kind, level) {
            (_, Some(1)) => LineKind::Title,
            (_, Some(_)) => LineKind::Heading,
            (BlockKind::Quote, _) => LineKind::Quote,
            (BlockKind::Break, _) => LineKind::Rule,
            _ => LineKind::Body,
        };
        kinds.push(kind);
        if let (Some(level), true) = (level, first_line) {
            let end = b.range.end.min(range.end);
            let title = doc.text.get(range.start..end).unwrap_or("");
            sections.push(Section::new(
                level,
                false,
                line,
                range.start,
                range.start,
                title,
            ));
        }
    }
    if blocks.contents.is_empty() {
        return Outline {
            kinds,
            sections,
            titles: String::new(),
        };
    }
    let (sections, titles) = contents(doc, blocks);
    Outline {
        kinds,
        sections,
        titles,
    }
}

/// The sections a document's table of contents gives, each at the start of the line its
/// target is on, and the text of their titles.
fn contents(doc: &Document, blocks: &Blocks) -> (Vec<Section>, String) {
    let mut titles = String::new();
    let sections = blocks
        .contents
        .iter()
        .map(|c| {
            let line = doc.line_at(c.start);
            let at = titles.len();
            titles.push_str(&c.title);
            Section::new(c.level, true, line, doc.line(line).start, at, &c.title)
        })
        .collect();
    (sections, titles)
}
