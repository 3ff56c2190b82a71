//! A cap on how deep elements nest, applied to the markup before it is parsed: the HTML5 tree
//! builder looks through its stack of open elements for many tags, so a page nesting
//! elements a hundred thousand deep takes it minutes. Browsers cap the depth too (Blink at 512):
//! tags deeper than the cap are dropped here, their text kept where the cap is.

use std::borrow::Cow;

/// Deepest nesting kept; no real page comes near it.
pub(super) const MAX_DEPTH: usize = 512;

/// Elements without content: they open no level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose end tag is optional (a new one, or their parent's end, closes them): not
/// counted, so a page of unclosed `<p>` and `<li>` is never taken for a deep one.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rt",
    "rp", "rb", "rtc", "colgroup", "caption",
];

/// Elements whose content is text up to their end tag, not markup.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with the tags nesting deeper than `max` removed (with their end tags); borrowed as
/// it is when none do. The scan is an approximation of the tokenizer (enough to count depth):
/// comments, declarations and raw-text elements are skipped, quotes in tags respected.
pub(super) fn cap(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    // Fewer tags than the cap cannot nest deeper than it.
    if memchr::memchr_iter(b'<', b).nth(max).is_none() {
        return Cow::Borrowed(html);
    }
    let mut cut: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut depth, mut dropped) = (0usize, 0usize);
    // SVG and MathML elements open: inside them `<x/>` opens nothing.
    let mut foreign = 0usize;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', b.get(at..).unwrap_or_default()).map(|i| at + i) {
        let rest = b.get(i + 1..).unwrap_or_default();
        at = i + 1;
        if rest.starts_with(b"!--") {
            at = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let end = rest.first() == Some(&b'/');
        let name_at = i + 1 + usize::from(end);
        let name_len = b
            .get(name_at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if rest.first().is_some_and(|c| matches!(c, b'!' | b'?')) {
            at = memchr::memchr(b'>', rest).map_or(b.len(), |e| i + 1 + e + 1);
            continue;
        }
        if name_len == 0 || !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name = String::from_utf8_lossy(b.get(name_at..name_at + name_len).unwrap_or_default())
            .to_ascii_lowercase();
        let close = tag_end(b, name_at + name_len);
        at = close;
        let self_closing = close >= 2 && b.get(close - 2) == Some(&b'/');
        let raw = RAW.contains(&name.as_str());
        let counted =
            !raw && !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        let foreign_root = matches!(name.as_str(), "svg" | "math");
        if end && foreign_root {
            foreign = foreign.saturating_sub(1);
        }
        if end {
            if counted {
                if dropped > 0 {
                    dropped -= 1;
                    cut.push(i..close);
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
            continue;
        }
        if raw {
            // The text up to `</name` is not markup.
            let closing = format!("</{name}");
            at = find_ascii_ci(b, close, closing.as_bytes()).unwrap_or(b.len());
        }
        // In HTML a `/` before `>` opens the element all the same (`<div/>` is `<div>`).
        if !counted || (self_closing && (foreign > 0 || foreign_root)) {
            continue;
        }
        foreign += usize::from(foreign_root);
        if depth >= max {
            dropped += 1;
            cut.push(i..close);
        } else {
            depth += 1;
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for r in cut {
        out.push_str(html.get(from..r.start).unwrap_or(""));
        from = r.end;
    }
    out.push_str(html.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// Where the tag whose name ends at `from` ends: after its `>`, quotes in attribute values
/// skipped.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    b.len()
}

/// The offset of `needle` in `b` from `from` on.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|i| from + i)
}

/// The offset of `needle` (lower-case ASCII) in `b` from `from` on, in any case.
pub(super) fn find_ascii_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while let Some(i) = memchr::memchr(first, b.get(at..)?).map(|i| at + i) {
        if b.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_markup_is_kept_as_it_is() {
        let html = "<div><p>a<p>b<ul><li>c<li>d</ul></div>".repeat(300);
        assert!(matches!(cap(&html, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_with_their_end_tags_and_text_kept() {
        let html = format!("{}x{}", "<div>".repeat(5), "</div>".repeat(5));
        assert_eq!(cap(&html, 2), "<div><div>x</div></div>");
    }

    #[test]
    fn a_slash_opens_an_html_element_but_not_a_foreign_one() {
        let html = format!("{}x", "<div/>".repeat(5));
        assert_eq!(cap(&html, 2), "<div/><div/>x");
        let svg = format!("<svg>{}</svg><div><div>x", "<path/>".repeat(5));
        assert_eq!(cap(&svg, 2), svg);
    }

    #[test]
    fn comments_quotes_and_scripts_are_not_tags() {
        let html = "<div title='<div>'><!-- <div><div> --><script>'<div><div><div>'</script>\
                    <div>x</div></div>";
        assert_eq!(cap(html, 2), html);
    }
}
