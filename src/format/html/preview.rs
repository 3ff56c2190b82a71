//! What a large page shows while its article is being found: its title, read from the page's
//! head alone, so the reader's first frame never waits for the whole page to be parsed.

use crate::chars::first_strong_rtl;
use crate::document::blocks::{Block, BlockKind, Blocks};
use dom_query::Document;

/// How much of a page is parsed for its title at most, when its body is not found sooner.
const MAX_HEAD: usize = 256 << 10;

/// The title of the page `html` as a document of one title block (with the title and the
/// page's language as metadata); empty when the page's head gives no title. The title is the
/// one the page gives for sharing (`og:title`), else its `<title>`.
pub fn read(html: &str) -> (String, Blocks) {
    let head = super::nesting::cap(head(html), super::nesting::MAX_DEPTH);
    let page = Document::from(head.as_ref());
    let mut metadata = super::metadata(&page);
    let og = page
        .select_single(r#"meta[property="og:title"]"#)
        .attr("content")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    if let Some(og) = og {
        metadata.retain(|(k, _)| k != "title");
        metadata.insert(0, ("title".to_owned(), og));
    }
    let mut blocks = Blocks {
        metadata,
        ..Blocks::default()
    };
    let title = match blocks.metadata.first() {
        Some((k, t)) if k == "title" => t.clone(),
        _ => return (String::new(), blocks),
    };
    blocks.blocks.push(Block {
        kind: BlockKind::Title,
        range: 0..title.len(),
        rtl: first_strong_rtl(&title),
        quote: 0,
    });
    (title, blocks)
}

/// The start of `html` up to its `<body` tag, or up to [`MAX_HEAD`] bytes (cut on a
/// character boundary) when it has none sooner.
fn head(html: &str) -> &str {
    let mut end = MAX_HEAD.min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let start = html.get(..end).unwrap_or_default();
    let body = super::nesting::find_ascii_ci(start.as_bytes(), 0, b"<body");
    start.get(..body.unwrap_or(end)).unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_title_comes_before_the_page_title() {
        let (t, b) = read(
            "<html lang=ar><head><title>عنوان | الموقع</title>\
             <meta property='og:title' content=' عنوان  المقال '></head><body><p>نص",
        );
        assert_eq!(t, "عنوان المقال");
        assert_eq!(b.blocks.len(), 1);
        assert_eq!(b.blocks[0].kind, BlockKind::Title);
        assert_eq!(b.blocks[0].rtl, Some(true));
        assert_eq!(
            b.metadata,
            [
                ("title".to_owned(), "عنوان المقال".to_owned()),
                ("language".to_owned(), "ar".to_owned())
            ]
        );
    }

    #[test]
    fn nothing_of_the_body_is_shown() {
        let (t, b) = read("<title>a &amp; b</title><body><h1>body</h1><p>text</p>");
        assert_eq!(t, "a & b");
        assert_eq!(b.blocks.len(), 1);
        let (t, b) = read("<p>no title</p>");
        assert_eq!(t, "");
        assert!(b.blocks.is_empty());
    }
}
