//! An HTML tree written as qari's document: the text a browser shows (white space collapsed,
//! no space put between words that inline tags split), one text line a paragraph, blocks
//! separated by an empty line, styles and links as byte ranges of the text.

use super::tables;
use super::tags::{self, Role};
use super::walk::{Visit, walk};
use crate::chars::first_strong_rtl;
use crate::document::blocks::{Block, BlockKind, Blocks, Link, Table, style};
use crate::format::block_text;
use crate::format::direction::mostly_rtl;
use dom_query::{Element, NodeData, NodeId, NodeRef, TreeNode};
use std::collections::HashSet;
use std::ops::Range;

/// The text and blocks of `root` and everything under it.
pub(super) fn convert(root: &NodeRef<'_>) -> (String, Blocks) {
    let mut w = Writer {
        root: Some(*root),
        dirs: vec![inherited(root, tags::dir).flatten()],
        langs: vec![inherited(root, tags::lang_rtl)],
        ..Writer::default()
    };
    walk(root, &mut w);
    w.finish();
    (w.text, w.out)
}

/// The value `f` gives for the nearest ancestor of `node` it gives one for.
fn inherited<T>(node: &NodeRef<'_>, f: impl Fn(&Element) -> Option<T>) -> Option<T> {
    node.ancestors_it(None)
        .find_map(|a| a.query(|n| n.as_element().and_then(&f)).flatten())
}

/// The ASCII white space HTML collapses (a no-break space is kept).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// The block being written.
struct Open {
    kind: BlockKind,
    /// Where its text starts, and where the separator before it starts (to take both back
    /// when it ends up empty).
    start: usize,
    sep: usize,
    /// Its direction as `dir` sets it (`None`: its first strong character).
    dir: Option<bool>,
    /// Whether its language is written right to left, for a block with no strong character.
    lang: Option<bool>,
}

/// An inline element that sets its own direction: its text is put between bidi controls
/// (an isolate, or an override for `bdo`), so it is laid out apart from the words around it.
struct Isolate {
    /// The control that starts it, and the one that ends it.
    open: char,
    close: char,
    /// Its start was written in the open block (a block ending inside it ends it too).
    written: bool,
}

/// The controls that set the direction of inline element `e`, named `name`: `bdo` overrides
/// (its `dir`), `bdi` isolates (its `dir`, else its first strong character), and any other
/// inline element with a `dir` isolates.
fn isolate(name: &str, e: &Element) -> Option<Isolate> {
    let (open, close) = match (name, tags::dir(e)) {
        ("bdo", Some(Some(true))) => ('\u{202E}', '\u{202C}'),
        ("bdo", Some(Some(false))) => ('\u{202D}', '\u{202C}'),
        (_, Some(Some(true))) => ('\u{2067}', '\u{2069}'),
        (_, Some(Some(false))) => ('\u{2066}', '\u{2069}'),
        ("bdi", _) | (_, Some(None)) => ('\u{2068}', '\u{2069}'),
        _ => return None,
    };
    Some(Isolate {
        open,
        close,
        written: false,
    })
}

/// What to undo when an element ends.
struct Frame {
    role: Role,
    /// A table, row or cell of a data table.
    grid: bool,
    /// It pushed a direction and a language.
    block: bool,
    /// It started inside a data table's cell or preformatted text, where blocks do not end.
    inline: bool,
    /// The heading open around it.
    heading: Option<u8>,
    /// It isolates its text's direction (an inline element with `dir`, `bdi`, `bdo`).
    isolate: bool,
}

/// The state of writing one document.
#[derive(Default)]
struct Writer<'a> {
    /// What is being written, for the survey of its tables.
    root: Option<NodeRef<'a>>,
    text: String,
    out: Blocks,
    open: Option<Open>,
    frames: Vec<Frame>,
    /// The tables that lay the page out, read as blocks: surveyed when the first table comes
    /// (most pages have none).
    layout: Option<HashSet<NodeId>>,
    /// Each open data table, or `false` for a layout table, innermost last.
    tables: Vec<bool>,
    /// Directions and languages of the open block elements, innermost last.
    dirs: Vec<Option<bool>>,
    langs: Vec<Option<bool>>,
    /// Style flags of the open inline elements, innermost last.
    flags: Vec<u8>,
    /// The open inline elements that set their own direction, innermost last.
    isolates: Vec<Isolate>,
    /// Where each open link's text starts, and its URL.
    links: Vec<(usize, String)>,
    /// White space seen since the last word, and the styles it had.
    space: bool,
    space_flags: u8,
    /// No space is written before this offset (the start of a line, a cell or a block).
    line_start: usize,
    /// The heading level being read.
    heading: Option<u8>,
    /// Preformatted elements open.
    pre: u32,
    /// Block quotes open.
    quote: u8,
    /// Open lists: the next number of an ordered one.
    lists: Vec<Option<u64>>,
    /// A list item was started and its marker not yet written.
    item: bool,
    /// Top-level lists started, and which one the last block was an item of: items of one
    /// list are tight, two lists apart.
    list_count: u32,
    last_list: Option<u32>,
    /// The data table being read: its cells so far in the row, where the open cell starts,
    /// whether every cell of the row is a header cell, header row groups open, and the
    /// table's direction (its first row's).
    cells: Vec<Range<usize>>,
    cell_start: Option<usize>,
    all_th: bool,
    thead: u32,
    table_rtl: Option<Option<bool>>,
}

impl Visit for Writer<'_> {
    fn enter(&mut self, node: &TreeNode) -> bool {
        match &node.data {
            NodeData::Text { contents } => {
                self.text_node(contents);
                false
            }
            NodeData::Element(e) => self.element(node.id, e),
            NodeData::Document | NodeData::Fragment => {
                self.frames.push(Frame {
                    role: Role::Container,
                    grid: false,
                    block: false,
                    inline: false,
                    heading: self.heading,
                    isolate: false,
                });
                true
            }
            _ => false,
        }
    }

    fn leave(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.isolate
            && let Some(i) = self.isolates.pop()
            && i.written
        {
            self.push_with(0, i.close.encode_utf8(&mut [0; 4]));
        }
        self.end(&frame);
        if frame.block {
            self.dirs.pop();
            self.langs.pop();
        }
        self.heading = frame.heading;
    }
}

impl Writer<'_> {
    /// Enters element `e`: `true` when its children are to be walked.
    fn element(&mut self, id: NodeId, e: &Element) -> bool {
        let name = &*e.name.local;
        let role = tags::role(name, e);
        let block = !matches!(
            role,
            Role::Skip | Role::Inline(_) | Role::Link | Role::Image | Role::Break
        );
        match role {
            Role::Skip => return false,
            Role::Break => {
                self.line_break();
                return false;
            }
            Role::Image => {
                self.image(e);
                return false;
            }
            Role::Rule => {
                if !self.inline_only() {
                    self.begin(BlockKind::Break);
                    self.push_with(0, "---");
                    self.finish();
                }
                return false;
            }
            _ => {}
        }
        if block {
            let dir = tags::dir(e).unwrap_or_else(|| self.dirs.last().copied().flatten());
            let lang = tags::lang_rtl(e).or_else(|| self.langs.last().copied().flatten());
            self.dirs.push(dir);
            self.langs.push(lang);
        }
        let grid = match role {
            Role::Table => {
                let inline = self.inline_only();
                let root = self.root;
                let layout = self
                    .layout
                    .get_or_insert_with(|| root.map(|r| tables::layout(&r)).unwrap_or_default());
                let data = !inline && !layout.contains(&id);
                self.tables.push(data);
                data
            }
            Role::Row | Role::Cell { .. } | Role::Head => self.tables.last() == Some(&true),
            _ => false,
        };
        let isolating = match role {
            Role::Inline(_) | Role::Link => isolate(name, e),
            _ => None,
        };
        let frame = Frame {
            role,
            grid,
            block,
            inline: self.inline_only(),
            heading: self.heading,
            isolate: isolating.is_some(),
        };
        self.isolates.extend(isolating);
        self.start(&frame, e);
        self.frames.push(frame);
        true
    }

    /// Inside a data table's cell or preformatted text: blocks do not end there.
    fn inline_only(&self) -> bool {
        self.cell_start.is_some() || self.pre > 0
    }

    /// The edge of a block element: ends the open block, or in a cell separates words.
    fn edge(&mut self) {
        if self.cell_start.is_some() {
            self.space = true;
        } else if self.pre == 0 {
            self.finish();
        }
    }

    fn start(&mut self, f: &Frame, e: &Element) {
        match f.role {
            Role::Inline(flags) => {
                // A code block's text is not styled as inline code, as Markdown's is not.
                let code = flags == style::CODE && self.pre > 0;
                self.flags.push(if code { 0 } else { flags });
                // `<pre><code class="language-rust">`: the language is the code's.
                if let Some(Open {
                    kind: BlockKind::Code { lang },
                    ..
                }) = &mut self.open
                    && lang.is_empty()
                {
                    *lang = code_lang(e);
                }
            }
            Role::Link => {
                self.flags.push(style::LINK);
                let url = e
                    .attr_ref(dom_query::local_name!("href"))
                    .unwrap_or("")
                    .trim()
                    .to_string();
                self.links.push((self.text.len(), url));
            }
            _ if f.inline => self.edge(),
            Role::Heading(level) => {
                self.finish();
                self.heading = Some(level);
            }
            Role::Pre => {
                self.finish();
                let lang = code_lang(e);
                self.begin(BlockKind::Code { lang });
                self.pre += 1;
            }
            Role::Quote => {
                self.finish();
                self.quote = self.quote.saturating_add(1);
            }
            Role::List { ordered } => {
                self.finish();
                if self.lists.is_empty() {
                    self.list_count += 1;
                }
                let first = e
                    .attr_ref(dom_query::local_name!("start"))
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push(ordered.then_some(first));
            }
            Role::Item => {
                self.finish();
                self.item = true;
                let value = e
                    .attr_ref(dom_query::local_name!("value"))
                    .and_then(|s| s.trim().parse().ok());
                if let (Some(v), Some(Some(n))) = (value, self.lists.last_mut()) {
                    *n = v;
                }
            }
            Role::Table if f.grid => {
                self.finish();
                self.table_rtl = None;
                let at = self.out.blocks.len();
                self.out.tables.push(Table {
                    rows: at..at,
                    ..Table::default()
                });
            }
            Role::Head if f.grid => self.thead += 1,
            Role::Row if f.grid => {
                self.finish();
                self.cells.clear();
                self.all_th = true;
                self.begin(BlockKind::TableRow {
                    cells: Vec::new(),
                    header: false,
                });
            }
            Role::Cell { header } if f.grid => {
                if self.open.is_none() {
                    self.begin(BlockKind::TableRow {
                        cells: Vec::new(),
                        header: false,
                    });
                }
                self.all_th &= header;
                if !self.cells.is_empty() {
                    self.push_with(0, " | ");
                }
                // Each cell is an isolate (FSI … PDI): it takes its own direction and the
                // row the table's, so a row of Latin and numbers keeps its columns in order.
                self.push_with(0, "\u{2068}");
                self.cell_start = Some(self.text.len());
                self.line_start = self.text.len();
                self.space = false;
            }
            _ => self.finish(),
        }
    }

    fn end(&mut self, f: &Frame) {
        match f.role {
            Role::Inline(_) => {
                self.flags.pop();
            }
            Role::Link => {
                self.flags.pop();
                if let Some((start, url)) = self.links.pop() {
                    self.link(start, url);
                }
            }
            Role::Cell { .. } if f.grid => self.end_cell(),
            Role::Row if f.grid => self.end_row(),
            Role::Head if f.grid => self.thead = self.thead.saturating_sub(1),
            Role::Table => {
                self.tables.pop();
                if f.grid {
                    self.end_table();
                } else {
                    self.edge();
                }
            }
            _ if f.inline => self.edge(),
            Role::Pre => {
                self.pre = self.pre.saturating_sub(1);
                self.finish();
            }
            Role::Quote => {
                self.finish();
                self.quote = self.quote.saturating_sub(1);
            }
            Role::List { .. } => {
                self.finish();
                self.lists.pop();
            }
            Role::Item => {
                self.finish();
                self.item = false;
            }
            _ => self.finish(),
        }
    }

    /// A text node: white space collapsed, except in preformatted text.
    fn text_node(&mut self, s: &str) {
        if self.pre > 0 {
            self.ensure_open();
            self.open_isolates();
            self.push(s);
            return;
        }
        let mut first = true;
        for word in s.split(is_html_space) {
            if !first && !self.space {
                self.space = true;
                self.space_flags = self.flags();
            }
            first = false;
            if !word.is_empty() {
                self.word(word, 0);
            }
        }
    }

    /// Writes `word` with the styles open and `extra`, after the space seen before it.
    fn word(&mut self, word: &str, extra: u8) {
        self.ensure_open();
        if self.space && self.text.len() > self.line_start {
            self.push_with(self.space_flags, " ");
        }
        self.space = false;
        self.open_isolates();
        let flags = self.flags() | extra;
        self.push_with(flags, word);
    }

    /// Writes the start of each open isolate not yet started in this block: when its first
    /// word comes, after the space before it, so an empty one writes nothing.
    fn open_isolates(&mut self) {
        for i in self.isolates.iter_mut().filter(|i| !i.written) {
            i.written = true;
            block_text::push(
                &mut self.text,
                &mut self.out.styles,
                0,
                i.open.encode_utf8(&mut [0; 4]),
            );
        }
    }

    /// `<br>`: a line break; two in a row end the paragraph. In a heading or a cell, a space.
    fn line_break(&mut self) {
        if self.pre > 0 {
            self.ensure_open();
            self.push("\n");
            return;
        }
        if self.cell_start.is_some() || self.heading.is_some() {
            self.space = true;
            return;
        }
        let Some(open) = &self.open else {
            return;
        };
        if self.text.len() == open.start
            || self.text.len() == self.line_start && !self.text.ends_with('\n')
        {
            return;
        }
        if self.text.ends_with('\n') {
            self.finish();
            return;
        }
        self.push("\n");
        self.line_start = self.text.len();
        self.space = false;
    }

    /// An image: its alt text in brackets, styled as an image.
    fn image(&mut self, e: &Element) {
        let alt = e.attr_ref(dom_query::local_name!("alt")).unwrap_or("");
        let alt = alt.split(is_html_space).filter(|w| !w.is_empty());
        let alt = alt.collect::<Vec<_>>().join(" ");
        if !alt.is_empty() {
            // A word of its own: text against the image is not run into its alt text.
            self.space = true;
            self.space_flags = self.flags();
            self.word(&format!("[{alt}]"), style::IMAGE);
            self.space = true;
            self.space_flags = self.flags();
        }
    }

    /// Records a link whose text starts at `start` (white space and line ends before its first
    /// word are not its text).
    fn link(&mut self, start: usize, url: String) {
        let end = self.text.len();
        let lead = self
            .text
            .get(start.min(end)..)
            .map_or(0, |t| t.len() - t.trim_start_matches([' ', '\n']).len());
        let start = (start + lead).min(end);
        if start < end && !url.is_empty() {
            self.out.links.push(Link {
                range: start..end,
                url,
            });
        }
    }

    fn end_cell(&mut self) {
        let Some(start) = self.cell_start.take() else {
            return;
        };
        if self.text.len() > start && self.text.ends_with(' ') {
            self.truncate(self.text.len() - 1);
        }
        self.cells.push(start..self.text.len());
        self.push_with(0, "\u{2069}");
        self.space = false;
    }

    fn end_row(&mut self) {
        self.end_cell();
        let header = self.thead > 0 || (self.all_th && !self.cells.is_empty());
        let cells = std::mem::take(&mut self.cells);
        let empty = cells.iter().all(|c| c.is_empty());
        match &mut self.open {
            Some(open) if matches!(open.kind, BlockKind::TableRow { .. }) && !empty => {
                open.kind = BlockKind::TableRow { cells, header };
                self.finish();
            }
            Some(open) if matches!(open.kind, BlockKind::TableRow { .. }) => {
                let sep = open.sep;
                self.open = None;
                self.truncate(sep);
            }
            _ => self.finish(),
        }
    }

    fn end_table(&mut self) {
        self.finish();
        let Some(start) = self.out.tables.last().map(|t| t.rows.start) else {
            return;
        };
        let rows = start..self.out.blocks.len();
        let first = rows.clone().find(|&i| self.is_row(i));
        let last = rows.rev().find(|&i| self.is_row(i));
        let rtl = self.table_rtl.flatten();
        match (first, last, self.out.tables.last_mut()) {
            (Some(a), Some(b), Some(t)) => {
                t.rows = a..b + 1;
                t.rtl = rtl;
            }
            _ => {
                self.out.tables.pop();
            }
        }
    }

    fn is_row(&self, i: usize) -> bool {
        matches!(
            self.out.blocks.get(i).map(|b| &b.kind),
            Some(BlockKind::TableRow { .. })
        )
    }

    /// The style flags of the open inline elements.
    fn flags(&self) -> u8 {
        self.flags.iter().fold(0, |a, f| a | f)
    }

    /// The kind of a block opened here by its text.
    fn prose(&self) -> BlockKind {
        if let Some(level) = self.heading {
            return BlockKind::Heading(level);
        }
        block_text::prose(self.lists.len(), self.quote)
    }

    /// Text is coming: opens a block if none is open.
    fn ensure_open(&mut self) {
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
        if opened.marker.is_some() {
            self.item = false;
        }
        let (start, sep) = (opened.start, opened.sep);
        self.line_start = self.text.len();
        self.space = false;
        self.open = Some(Open {
            kind,
            start,
            sep,
            dir: self.dirs.last().copied().flatten(),
            lang: self.langs.last().copied().flatten(),
        });
    }

    /// Ends the open block: trailing breaks dropped, its direction found; an empty one is
    /// taken back with its separator.
    fn finish(&mut self) {
        self.space = false;
        let Some(open) = self.open.take() else {
            return;
        };
        let code = matches!(open.kind, BlockKind::Code { .. });
        let trailing: &[char] = if code { &['\n'] } else { &['\n', ' '] };
        let kept = self.text.trim_end_matches(trailing).len().max(open.start);
        self.truncate(kept);
        // The isolates open are ended with the block, as a paragraph ends every isolate in
        // it; they start again in the next block if their text goes on there.
        for i in self.isolates.iter_mut().rev().filter(|i| i.written) {
            i.written = false;
            let mut buf = [0; 4];
            let close = i.close.encode_utf8(&mut buf);
            block_text::push(&mut self.text, &mut self.out.styles, 0, close);
        }
        let body = self.text.get(open.start..).unwrap_or("");
        if body.trim().is_empty() {
            self.truncate(open.sep);
            return;
        }
        let kind = match open.kind {
            BlockKind::Paragraph if self.lone_image(open.start) => BlockKind::Image,
            k => k,
        };
        self.last_list = matches!(kind, BlockKind::ListItem { .. }).then_some(self.list_count);
        let rtl = match &kind {
            // Every row of a table goes the way its first does, so the columns line up.
            BlockKind::TableRow { .. } => *self
                .table_rtl
                .get_or_insert_with(|| open.dir.or_else(|| first_strong_rtl(body))),
            _ if open.dir.is_some() => open.dir,
            BlockKind::Code { .. } => Some(mostly_rtl(body)),
            _ => first_strong_rtl(body).or(open.lang.filter(|&rtl| rtl)),
        };
        self.out.blocks.push(Block {
            kind,
            range: open.start..self.text.len(),
            rtl,
            quote: self.quote,
        });
    }

    /// Cuts the text at `len`, and the styles and links that reach past it.
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while let Some(last) = self.out.styles.last_mut() {
            if last.range.start >= len {
                self.out.styles.pop();
            } else {
                last.range.end = last.range.end.min(len);
                break;
            }
        }
        while let Some(last) = self.out.links.last_mut() {
            if last.range.start >= len {
                self.out.links.pop();
            } else {
                last.range.end = last.range.end.min(len);
                break;
            }
        }
        for l in &mut self.links {
            l.0 = l.0.min(len);
        }
        if let Some(c) = &mut self.cell_start {
            *c = (*c).min(len);
        }
        self.line_start = self.line_start.min(len);
    }

    /// Whether the text from `start` on is one image's alt text and nothing else.
    fn lone_image(&self, start: usize) -> bool {
        block_text::lone_image(&self.out.styles, start, self.text.len())
    }

    /// Appends `s` with the styles open now.
    fn push(&mut self, s: &str) {
        self.push_with(self.flags(), s);
    }

    fn push_with(&mut self, flags: u8, s: &str) {
        block_text::push(&mut self.text, &mut self.out.styles, flags, s);
    }
}

/// The language of a code block: a `language-NAME` or `lang-NAME` class of its `pre` or
/// `code` (the convention of highlighters and of Markdown converters).
fn code_lang(e: &Element) -> String {
    let class = e.attr_ref(dom_query::local_name!("class")).unwrap_or("");
    class
        .split_ascii_whitespace()
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .unwrap_or("")
        .to_string()
}
