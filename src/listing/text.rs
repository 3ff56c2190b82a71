//! What `--list text` and `--list metadata` print: the document's text in logical order, one
//! block a paragraph with Markdown-like marks (`## ` before a heading, `> ` before a quote,
//! fences around code, `|` between table cells), and the front matter's fields.

use super::{Seq, Style, json};
use crate::chars::visible;
use crate::document::Document;
use crate::document::blocks::{Block, BlockKind};
use serde::Serialize;
use std::io::{self, Write};

/// The document's text: as text lines with marks, or JSON `{"blocks": [{"kind", "text"}]}`
/// (the text without marks; plain text gives one `paragraph` per non-empty line). Written as
/// it goes.
pub fn text(doc: &Document, style: Style, out: &mut impl Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a> {
        kind: &'static str,
        text: &'a str,
        /// A table row's cells.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        cells: Vec<&'a str>,
    }
    #[derive(Serialize)]
    struct Listing<B> {
        blocks: B,
    }
    let text = doc.text.as_str();
    let cells = |k: &BlockKind| match k {
        BlockKind::TableRow { cells, .. } => {
            cells.iter().filter_map(|c| text.get(c.clone())).collect()
        }
        _ => Vec::new(),
    };
    let Some(blocks) = &doc.blocks else {
        if style.json {
            let lines = || {
                doc.lines_from(0)
                    .filter_map(|r| text.get(r))
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| Entry {
                        kind: "paragraph",
                        text: l,
                        cells: Vec::new(),
                    })
            };
            return json(&Listing { blocks: Seq(lines) }, out);
        }
        for r in doc.lines_from(0) {
            writeln!(
                out,
                "{}",
                visible(text.get(r).unwrap_or(""), style.show_controls)
            )?;
        }
        return Ok(());
    };
    let shown = |b: &Block| text.get(b.range.clone()).unwrap_or("");
    if style.json {
        let entries = || {
            blocks.blocks.iter().map(|b| Entry {
                kind: kind_name(&b.kind),
                text: shown(b),
                cells: cells(&b.kind),
            })
        };
        return json(
            &Listing {
                blocks: Seq(entries),
            },
            out,
        );
    }
    let mut prev_end = None;
    for b in &blocks.blocks {
        // Blocks one line end apart in the text (items of a list, rows of a table) are printed
        // so; the others with an empty line between them, as the text has them.
        if let Some(end) = prev_end
            && text.get(end..b.range.start) != Some("\n")
        {
            writeln!(out)?;
        }
        prev_end = Some(b.range.end);
        let quote = "> ".repeat(usize::from(b.quote));
        let mut line = |s: &str| writeln!(out, "{quote}{}", visible(s, style.show_controls));
        match &b.kind {
            BlockKind::Title => line(&format!("# {}", shown(b)))?,
            BlockKind::Heading(h) => {
                line(&format!("{} {}", "#".repeat(usize::from(*h)), shown(b)))?;
            }
            BlockKind::Code { lang } => {
                line(&format!("```{lang}"))?;
                for l in shown(b).split('\n') {
                    line(l)?;
                }
                line("```")?;
            }
            BlockKind::TableRow { header, .. } => {
                let cells = cells(&b.kind);
                line(&format!("| {} |", cells.join(" | ")))?;
                if *header {
                    line(&format!("|{}", "---|".repeat(cells.len())))?;
                }
            }
            _ => {
                for l in shown(b).split('\n') {
                    line(l)?;
                }
            }
        }
    }
    Ok(())
}

/// The name of a block kind in JSON.
fn kind_name(k: &BlockKind) -> &'static str {
    match k {
        BlockKind::Title => "title",
        BlockKind::Heading(_) => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Quote => "quote",
        BlockKind::ListItem { .. } => "item",
        BlockKind::Code { .. } => "code",
        BlockKind::TableRow { .. } => "row",
        BlockKind::Break => "break",
        BlockKind::Image => "image",
    }
}

/// The document's metadata: its title (a front matter's) and the other front-matter fields in
/// order, as `key<TAB>value` lines or JSON `{"metadata": [{"key", "value"}]}`. Plain text has none.
pub fn metadata(doc: &Document, style: Style, out: &mut impl Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a> {
        key: &'a str,
        value: &'a str,
    }
    #[derive(Serialize)]
    struct Listing<M> {
        metadata: M,
    }
    let blocks = doc.blocks.as_deref();
    let title = blocks
        .and_then(|b| b.blocks.first())
        .filter(|b| b.kind == BlockKind::Title)
        .and_then(|b| doc.text.get(b.range.clone()))
        .map(|t| ("title", t));
    let fields = blocks.map_or(&[][..], |b| b.metadata.as_slice());
    let all = || {
        title
            .into_iter()
            .chain(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    };
    if style.json {
        let entries = || all().map(|(key, value)| Entry { key, value });
        return json(
            &Listing {
                metadata: Seq(entries),
            },
            out,
        );
    }
    for (k, v) in all() {
        let (k, v) = (
            visible(k, style.show_controls),
            visible(v, style.show_controls),
        );
        writeln!(out, "{k}\t{v}")?;
    }
    Ok(())
}
