//! What each HTML element is to a reader: skipped with all it holds, a block of its own, a
//! container of blocks, or inline text with a style.

use crate::document::blocks::style;
use dom_query::Element;

/// The role an element plays in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Never shown, nor anything inside it (scripts, styles, form controls, hidden nodes).
    Skip,
    /// Holds blocks: ends the block before it and the one inside it at its end.
    Container,
    /// A heading of this level.
    Heading(u8),
    /// A paragraph-like block.
    Paragraph,
    /// Preformatted text: a code block.
    Pre,
    /// A block quote.
    Quote,
    /// A list, numbered or not.
    List {
        /// Numbered (`ol`).
        ordered: bool,
    },
    /// A list item.
    Item,
    /// A table.
    Table,
    /// A table caption.
    Caption,
    /// A table's header row group.
    Head,
    /// A table row.
    Row,
    /// A table cell, a header cell or not.
    Cell {
        /// `th`.
        header: bool,
    },
    /// A line break.
    Break,
    /// A thematic break (`hr`).
    Rule,
    /// An image: its alt text is shown.
    Image,
    /// A link.
    Link,
    /// Inline text with these [`style`] flags (0: none).
    Inline(u8),
}

/// The role of element `e`, named `name` (lower case).
pub(super) fn role(name: &str, e: &Element) -> Role {
    if hidden(e) {
        return Role::Skip;
    }
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "iframe" | "object"
        | "embed" | "svg" | "math" | "canvas" | "audio" | "video" | "source" | "track" | "map"
        | "area" | "input" | "select" | "textarea" | "button" | "option" | "optgroup"
        | "datalist" | "meter" | "progress" | "frameset" | "frame" | "param" | "link" | "meta"
        | "base" => Role::Skip,
        "dialog" if !e.has_attr("open") => Role::Skip,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            Role::Heading(name.as_bytes().get(1).map_or(1, |d| d - b'0'))
        }
        "p" | "dt" | "dd" | "figcaption" | "summary" | "legend" | "address" => Role::Paragraph,
        "pre" | "listing" | "xmp" | "plaintext" => Role::Pre,
        "blockquote" => Role::Quote,
        "ul" | "menu" | "dir" => Role::List { ordered: false },
        "ol" => Role::List { ordered: true },
        "li" => Role::Item,
        "table" => Role::Table,
        "caption" => Role::Caption,
        "thead" => Role::Head,
        "tr" => Role::Row,
        "td" => Role::Cell { header: false },
        "th" => Role::Cell { header: true },
        "br" => Role::Break,
        "hr" => Role::Rule,
        "img" => Role::Image,
        "a" if e.has_attr("href") => Role::Link,
        "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside"
        | "figure" | "form" | "fieldset" | "details" | "dl" | "center" | "body" | "html"
        | "hgroup" | "search" | "dialog" | "tbody" | "tfoot" | "colgroup" | "col" | "noframes" => {
            Role::Container
        }
        "b" | "strong" => Role::Inline(style::STRONG),
        "i" | "em" | "cite" | "dfn" | "var" => Role::Inline(style::EMPHASIS),
        "u" | "ins" => Role::Inline(style::UNDERLINE),
        "s" | "strike" | "del" => Role::Inline(style::STRIKE),
        "code" | "kbd" | "samp" | "tt" => Role::Inline(style::CODE),
        _ => Role::Inline(0),
    }
}

/// Whether `e` is hidden from readers: `hidden` (but `hidden="until-found"`, a collapsed part
/// a browser opens when its text is searched for, which a reader reads as it reads a closed
/// `<details>`), `aria-hidden="true"` (icons, and text repeated for the eye beside the text
/// for screen readers), or an inline style of `display: none` or `visibility: hidden` or
/// `collapse`.
pub(super) fn hidden(e: &Element) -> bool {
    e.attrs.iter().any(|a| match &*a.name.local {
        "hidden" => !a.value.trim().eq_ignore_ascii_case("until-found"),
        "aria-hidden" => a.value.trim().eq_ignore_ascii_case("true"),
        "style" => {
            let css: String = a
                .value
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            css.contains("display:none")
                || css.contains("visibility:hidden")
                || css.contains("visibility:collapse")
        }
        _ => false,
    })
}

/// Whether a table with an element named `name` in one of its cells lays a page out rather
/// than holding data: a cell with paragraphs, headings or lists in it is a column of the page,
/// not a value.
pub(super) fn lays_out(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "form"
            | "article"
            | "section"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "main"
            | "hr"
            | "dl"
            | "figure"
    )
}

/// The direction an element's `dir` attribute gives: `Some(Some(rtl))` for `ltr`/`rtl`,
/// `Some(None)` for `auto` (its text decides), `None` without one (its parent's holds).
pub(super) fn dir(e: &Element) -> Option<Option<bool>> {
    let d = e.attr_ref(dom_query::local_name!("dir"))?;
    match d.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some(Some(true)),
        "ltr" => Some(Some(false)),
        "auto" => Some(None),
        _ => None,
    }
}

/// Whether an element's `lang` attribute names a language written right to left: `Some` when
/// it has one.
pub(super) fn lang_rtl(e: &Element) -> Option<bool> {
    let lang = e.attr_ref(dom_query::local_name!("lang"))?;
    let primary = lang.split(['-', '_']).next().unwrap_or("").trim();
    let rtl = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
    ];
    Some(rtl.iter().any(|l| primary.eq_ignore_ascii_case(l)))
}
