//! Writing blocks into a document's text, as the Markdown and HTML readers both do: the line
//! ends between blocks, list items' indents and markers, and styled runs of text.

use crate::document::blocks::{BlockKind, StyleRun, style};

/// Where a block just opened by [`open`] starts.
pub(super) struct Opened {
    /// Where the separator before it starts (to take both back when the block ends empty).
    pub sep: usize,
    /// Where its text starts (its indent, for a list item).
    pub start: usize,
    /// Where its list marker starts, when one was written.
    pub marker: Option<usize>,
}

/// Starts a block of `kind` at the end of `text`, after a block of kind `last`: a line end
/// between items of one list (`same_list`) or rows of a table, an empty line otherwise; a
/// list item is indented by its depth and, when it starts an item (`item`), gets its marker:
/// the next number of `list` when that is a numbered list, else a bullet.
pub(super) fn open(
    text: &mut String,
    last: Option<&BlockKind>,
    kind: &mut BlockKind,
    same_list: bool,
    item: bool,
    list: Option<&mut Option<u64>>,
) -> Opened {
    let sep = text.len();
    if !text.is_empty() {
        let tight = match (last, &*kind) {
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. }) => same_list,
            (Some(BlockKind::TableRow { .. }), BlockKind::TableRow { .. }) => true,
            _ => false,
        };
        text.push_str(if tight { "\n" } else { "\n\n" });
    }
    let start = text.len();
    let mut at = None;
    if let BlockKind::ListItem { marker, depth } = kind {
        text.push_str(&"  ".repeat(usize::from(*depth)));
        if item {
            at = Some(text.len());
            *marker = match list {
                Some(Some(n)) => {
                    *n += 1;
                    format!("{}.", *n - 1)
                }
                _ => "•".to_string(),
            };
            text.push_str(marker);
            text.push(' ');
        } else {
            text.push_str("  ");
        }
    }
    Opened {
        sep,
        start,
        marker: at,
    }
}

/// The kind of running text here: a list item's (`lists` open), a quote's, or a paragraph.
pub(super) fn prose(lists: usize, quote: u8) -> BlockKind {
    match lists {
        0 if quote > 0 => BlockKind::Quote,
        0 => BlockKind::Paragraph,
        depth => BlockKind::ListItem {
            marker: String::new(),
            depth: u8::try_from(depth - 1).unwrap_or(u8::MAX),
        },
    }
}

/// Appends `s` to `text` with style `flags`, extending the last run when it ends here with
/// the same flags.
pub(super) fn push(text: &mut String, styles: &mut Vec<StyleRun>, flags: u8, s: &str) {
    let start = text.len();
    text.push_str(s);
    let end = text.len();
    if flags == 0 || s.is_empty() {
        return;
    }
    match styles.last_mut() {
        Some(last) if last.range.end == start && last.flags == flags => last.range.end = end,
        _ => styles.push(StyleRun {
            range: start..end,
            flags,
        }),
    }
}

/// Whether the text from `start` to `end` is one image's alt text and nothing else.
pub(super) fn lone_image(styles: &[StyleRun], start: usize, end: usize) -> bool {
    matches!(styles.last(), Some(s) if s.range == (start..end) && s.flags & style::IMAGE != 0)
}
