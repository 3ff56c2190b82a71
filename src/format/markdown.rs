//! Markdown read through `pulldown-cmark` (CommonMark, GFM tables, strikethrough, task lists,
//! front matter) into the document's text and its blocks: marks are dropped, styles kept as
//! byte ranges of the text, one text line per paragraph (soft breaks join), hard break or code
//! line; blocks are separated by an empty line.

use super::block_text;
use super::direction::mostly_rtl;
use super::front_matter;
use crate::chars::first_strong_rtl;
use crate::document::blocks::{Block, BlockKind, Blocks, Link, Table, style};
use pulldown_cmark::{CodeBlockKind, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// The text and blocks of the Markdown `src`.
pub fn read(src: &str) -> (String, Blocks) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder::default();
    for event in Parser::new_ext(src, opts) {
        b.event(event);
    }
    b.finish();
    (b.text, b.out)
}

/// The block being written: its kind, where its text starts, and where the separator before
/// it starts (to take both back when it ends up empty).
struct Open {
    kind: BlockKind,
    start: usize,
    sep: usize,
}

/// The state of reading one document.
#[derive(Default)]
struct Builder {
    text: String,
    out: Blocks,
    open: Option<Open>,
    /// Style flags of the open inline elements, innermost last.
    flags: Vec<u8>,
    /// Where each open link's text starts, and its URL.
    links: Vec<(usize, String)>,
    /// Block quotes open.
    quote: u8,
    /// Open lists: the next number of an ordered one.
    lists: Vec<Option<u64>>,
    /// An item was started and its marker not yet written.
    item: bool,
    /// Where the marker of the open item's first block starts (for a task box to replace it).
    marker_at: Option<usize>,
    /// Inside front matter, and whether it is TOML.
    meta: Option<bool>,
    /// Inside a code block.
    code: bool,
    /// How many style runs and links were clamped to the end of an earlier block for good: only
    /// those after them can reach past the end of the one that finishes (clamping all of them
    /// at every block would cost blocks × styles on a long book).
    clamped: (usize, usize),
    /// Cells of the table row being read, and whether it is the header.
    cells: Vec<std::ops::Range<usize>>,
    header: bool,
    cell_start: usize,
    /// The direction of the table being read: its first row's (the header's).
    table_rtl: Option<Option<bool>>,
    /// How many top-level lists have started, and which one the last block was an item of:
    /// items of one list are tight, two lists apart.
    list_count: u32,
    last_list: Option<u32>,
}

impl Builder {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.meta.is_some() => self.front_matter(&t),
            Event::Text(t) if self.code => self.push(&t),
            Event::Text(t) => {
                self.inline();
                self.push(&t);
            }
            Event::Code(t) => {
                self.inline();
                self.styled(style::CODE, &t);
            }
            Event::SoftBreak => {
                if !self.text.ends_with(' ') {
                    self.push(" ");
                }
            }
            Event::HardBreak => self.push("\n"),
            Event::Rule => {
                self.begin(BlockKind::Break);
                self.push("---");
                self.finish();
            }
            Event::TaskListMarker(done) => {
                self.inline();
                let mark = if done { "☑" } else { "☐" };
                if let Some(at) = self.marker_at {
                    self.text.truncate(at);
                    self.push(mark);
                    self.push(" ");
                    if let Some(Open {
                        kind: BlockKind::ListItem { marker, .. },
                        ..
                    }) = &mut self.open
                    {
                        *marker = mark.to_string();
                    }
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.inline();
                self.styled(style::CODE, &t);
            }
            Event::FootnoteReference(t) => {
                self.inline();
                self.push(&format!("[{t}]"));
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.begin(self.prose()),
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(level as u8)),
            Tag::BlockQuote(_) => {
                self.finish();
                self.quote = self.quote.saturating_add(1);
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.begin(BlockKind::Code { lang });
                self.code = true;
            }
            Tag::List(first) => {
                self.finish();
                if self.lists.is_empty() {
                    self.list_count += 1;
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.finish();
                self.item = true;
            }
            Tag::Table(_) => {
                self.finish();
                self.table_rtl = None;
                let at = self.out.blocks.len();
                self.out.tables.push(Table {
                    rows: at..at,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                self.header = matches!(tag, Tag::TableHead);
                self.cells.clear();
                self.begin(BlockKind::TableRow {
                    cells: Vec::new(),
                    header: self.header,
                });
            }
            // Each cell is an isolate (FSI … PDI): it takes its own direction and the row the
            // table's, so a row of Latin and numbers keeps its columns in the table's order.
            Tag::TableCell => {
                if !self.cells.is_empty() {
                    self.push(" | ");
                }
                self.push("\u{2068}");
                self.cell_start = self.text.len();
            }
            Tag::Emphasis => self.flags.push(style::EMPHASIS),
            Tag::Strong => self.flags.push(style::STRONG),
            Tag::Strikethrough => self.flags.push(style::STRIKE),
            Tag::Superscript | Tag::Subscript => self.flags.push(0),
            Tag::Link { dest_url, .. } => {
                self.inline();
                self.flags.push(style::LINK);
                self.links.push((self.text.len(), dest_url.to_string()));
            }
            Tag::Image { .. } => {
                self.inline();
                self.flags.push(style::IMAGE);
                self.push("[");
            }
            Tag::MetadataBlock(kind) => self.meta = Some(kind == MetadataBlockKind::PlusesStyle),
            // Their text is read as any other.
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.finish(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock => self.finish(),
            TagEnd::CodeBlock => {
                // The code's own last line end; never the separator before an empty block.
                let start = self.open.as_ref().map_or(0, |o| o.start);
                if self.text.len() > start && self.text.ends_with('\n') {
                    self.text.pop();
                }
                self.code = false;
                self.finish();
            }
            TagEnd::BlockQuote(_) => {
                self.finish();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.finish();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.finish();
                self.item = false;
            }
            TagEnd::TableCell => {
                self.cells.push(self.cell_start..self.text.len());
                self.push("\u{2069}");
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(open) = &mut self.open {
                    open.kind = BlockKind::TableRow {
                        cells: std::mem::take(&mut self.cells),
                        header: self.header,
                    };
                }
                self.finish();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {
                self.flags.pop();
            }
            TagEnd::Link => {
                self.flags.pop();
                if let Some((start, url)) = self.links.pop() {
                    let range = start..self.text.len();
                    self.out.links.push(Link { range, url });
                }
            }
            TagEnd::Image => {
                self.push("]");
                self.flags.pop();
            }
            TagEnd::MetadataBlock(_) => self.meta = None,
            TagEnd::Table => {
                self.finish();
                let end = self.out.blocks.len();
                if let Some(t) = self.out.tables.last_mut() {
                    t.rows.end = end;
                    t.rtl = self.table_rtl.flatten();
                }
            }
            _ => self.finish(),
        }
    }

    /// The kind of a paragraph here: a list item's, a quote's, or running text.
    fn prose(&self) -> BlockKind {
        block_text::prose(self.lists.len(), self.quote)
    }

    /// Inline content is coming: opens a paragraph if none is open (a tight list item's text
    /// has none of its own).
    fn inline(&mut self) {
        if self.open.is_none() {
            self.begin(self.prose());
        }
    }

    /// Starts a block of `kind`, ending the one open; a list item's first block gets its
    /// marker, later ones its indent.
    fn begin(&mut self, mut kind: BlockKind) {
        self.finish();
        let opened = block_text::open(
            &mut self.text,
            self.out.blocks.last().map(|b| &b.kind),
            &mut kind,
            self.last_list == Some(self.list_count),
            self.item,
            self.lists.last_mut(),
        );
        self.marker_at = opened.marker;
        if opened.marker.is_some() {
            self.item = false;
        }
        self.open = Some(Open {
            kind,
            start: opened.start,
            sep: opened.sep,
        });
    }

    /// Ends the open block: trailing breaks dropped, its direction found; an empty one is
    /// taken back with its separator.
    fn finish(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let code = matches!(open.kind, BlockKind::Code { .. });
        if !code {
            let kept = self
                .text
                .trim_end_matches(['\n', ' '])
                .len()
                .max(open.start);
            self.text.truncate(kept);
        }
        let body = self.text.get(open.start..).unwrap_or("");
        let empty = body.trim().is_empty() && !code;
        if empty {
            self.text.truncate(open.sep);
        }
        self.clamp_inlines();
        if empty {
            return;
        }
        let body = self.text.get(open.start..).unwrap_or("");
        let kind = match open.kind {
            BlockKind::Paragraph if self.lone_image(open.start) => BlockKind::Image,
            k => k,
        };
        self.last_list = matches!(kind, BlockKind::ListItem { .. }).then_some(self.list_count);
        let rtl = match &kind {
            BlockKind::Code { .. } => Some(mostly_rtl(body)),
            // Every row of a table goes the way its header does, so the columns line up.
            BlockKind::TableRow { .. } => {
                *self.table_rtl.get_or_insert_with(|| first_strong_rtl(body))
            }
            _ => first_strong_rtl(body),
        };
        self.out.blocks.push(Block {
            kind,
            range: open.start..self.text.len(),
            rtl,
            quote: self.quote,
        });
    }

    /// Whether the text from `start` on is one image's alt text and nothing else.
    fn lone_image(&self, start: usize) -> bool {
        block_text::lone_image(&self.out.styles, start, self.text.len())
    }

    /// Appends `s` with the styles open now.
    fn push(&mut self, s: &str) {
        let flags = self.flags.iter().fold(0, |a, f| a | f);
        self.push_with(flags, s);
    }

    /// Appends `s` with the styles open now and `extra`.
    fn styled(&mut self, extra: u8, s: &str) {
        let flags = self.flags.iter().fold(extra, |a, f| a | f);
        self.push_with(flags, s);
    }

    fn push_with(&mut self, flags: u8, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.open.is_none() {
            self.begin(self.prose());
        }
        block_text::push(&mut self.text, &mut self.out.styles, flags, s);
    }

    /// Cuts the style runs and links written since the last block ended at the end of the text
    /// (its trailing breaks were just dropped), dropping runs left empty.
    fn clamp_inlines(&mut self) {
        let end = self.text.len();
        let (styles, links) = self.clamped;
        let mut tail = self.out.styles.split_off(styles.min(self.out.styles.len()));
        for s in &mut tail {
            s.range.end = s.range.end.min(end);
        }
        tail.retain(|s| !s.range.is_empty());
        self.out.styles.append(&mut tail);
        for l in self.out.links.iter_mut().skip(links) {
            l.range.end = l.range.end.min(end);
            l.range.start = l.range.start.min(end);
        }
        // The last run stays open to clamping: the next block's first styled text may extend it.
        self.clamped = (
            self.out.styles.len().saturating_sub(1),
            self.out.links.len(),
        );
    }

    /// Front matter: `title` becomes the title block, the rest metadata.
    fn front_matter(&mut self, src: &str) {
        let toml = self.meta == Some(true);
        for (k, v) in front_matter::fields(src, toml) {
            if k == "title" && !v.is_empty() && self.out.blocks.is_empty() {
                self.begin(BlockKind::Title);
                self.push(&v);
                self.finish();
            } else {
                self.out.metadata.push((k, v));
            }
        }
    }

    /// Raw HTML: the tags posts use are interpreted (`<br>` a hard break, `<u>` underline)
    /// or dropped (`span`, `sup`, `div`, `details`, comments…); the text between them is kept.
    fn html(&mut self, h: &str) {
        let mut rest = h;
        while !rest.is_empty() {
            let (before, tag, after) = match rest.find('<') {
                Some(i) => {
                    let close = rest.get(i..).and_then(|r| r.find('>')).map(|j| i + j);
                    match close {
                        Some(j) => (
                            rest.get(..i).unwrap_or(""),
                            rest.get(i + 1..j).unwrap_or(""),
                            rest.get(j + 1..).unwrap_or(""),
                        ),
                        None => (rest, "", ""),
                    }
                }
                None => (rest, "", ""),
            };
            let words = before.split_whitespace().collect::<Vec<_>>().join(" ");
            if !words.is_empty() {
                if before.starts_with(char::is_whitespace) && !self.text.ends_with([' ', '\n']) {
                    self.push(" ");
                }
                self.inline();
                self.push(&words);
                if before.ends_with(char::is_whitespace) {
                    self.push(" ");
                }
            }
            self.tag(tag);
            rest = after;
        }
    }

    /// One HTML tag's effect.
    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("br", _) => self.push("\n"),
            ("u" | "ins", false) => self.flags.push(style::UNDERLINE),
            ("b" | "strong", false) => self.flags.push(style::STRONG),
            ("i" | "em", false) => self.flags.push(style::EMPHASIS),
            ("u" | "ins" | "b" | "strong" | "i" | "em", true) => {
                self.flags.pop();
            }
            ("p" | "div" | "details" | "summary" | "center", _) => self.finish(),
            _ => {}
        }
    }
}
