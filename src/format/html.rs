//! HTML read through html5ever (by way of `dom_query`) into the document's text and blocks:
//! headings, paragraphs, lists, quotes, code, tables, images' alt text, links and inline
//! styles, as a browser shows them, with `dir` and `lang` deciding each block's direction.
//! Scripts, styles, form controls and hidden nodes are dropped.

mod convert;
pub mod extract;
mod nesting;
mod origin;
pub mod preview;
mod tables;
mod tags;
mod tail;
mod walk;

use crate::document::blocks::Blocks;
use dom_query::{Document, NodeRef};

/// The text and blocks of the HTML page or fragment `html`: all the visible text of its body,
/// with the page's `<title>` and language as metadata.
pub fn read(html: &str) -> (String, Blocks) {
    let page = Document::from(nesting::cap(html, nesting::MAX_DEPTH).as_ref());
    let body = page.body().unwrap_or_else(|| page.root());
    let (text, mut blocks) = read_node(&body);
    blocks.metadata = metadata(&page);
    (text, blocks)
}

/// The text and blocks of `node` and everything under it, as [`read`] writes a body: for a
/// part of a page already parsed (an article found in it). Direction and language are
/// inherited from the node's ancestors.
pub fn read_node(node: &NodeRef<'_>) -> (String, Blocks) {
    convert::convert(node)
}

/// The page's title (its `<title>`, white space collapsed) and language (`<html lang>`).
fn metadata(page: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let title = page.select_single("head title").text();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !title.is_empty() {
        out.push(("title".to_string(), title));
    }
    let lang = page.html_root().attr("lang");
    if let Some(lang) = lang.filter(|l| !l.trim().is_empty()) {
        out.push(("language".to_string(), lang.trim().to_string()));
    }
    out
}

/// How far into a text the start of an HTML document is looked for.
const SNIFF: usize = 4096;

/// Whether `text` starts as an HTML document does: `<!DOCTYPE html` or `<html` (any case),
/// after a byte order mark, white space, comments and an XML declaration.
pub fn looks_like_html(text: &str) -> bool {
    let mut rest = text.get(..SNIFF.min(text.len())).unwrap_or(text);
    if text.len() > SNIFF {
        // Cut on a character boundary.
        let mut end = SNIFF;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        rest = text.get(..end).unwrap_or("");
    }
    rest = rest.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        let skipped = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else {
            break;
        };
        match skipped.and_then(|i| rest.get(i..)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    let head: String = rest
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    let tag_end = |s: &str| {
        s.chars()
            .next()
            .is_none_or(|c| c.is_ascii_whitespace() || c == '>')
    };
    head.strip_prefix("<!doctype html").is_some_and(tag_end)
        || head.strip_prefix("<html").is_some_and(tag_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::{BlockKind, style};

    fn text(html: &str) -> String {
        read(html).0
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("\u{feff}  <!-- saved -->\n<HTML lang=ar>"));
        assert!(looks_like_html("<?xml version=\"1.0\"?>\n<!doctype HTML>"));
        assert!(!looks_like_html("# heading\n<html>"));
        assert!(!looks_like_html("<htmlx>"));
        assert!(!looks_like_html("<!-- never closed"));
    }

    #[test]
    fn inline_tags_split_no_word() {
        assert_eq!(
            text("<p><b>ال</b>ناتو و<span dir=ltr>ab</span>cd</p>"),
            "الناتو و\u{2066}ab\u{2069}cd"
        );
        assert_eq!(text("<p>  a \n <i> b </i>  c </p>"), "a b c");
    }

    #[test]
    fn inline_direction_is_isolated_and_bdo_overrides() {
        assert_eq!(
            text(
                "<p>لغة <span dir=ltr> C++ </span> و<bdi>abc</bdi> <span dir=rtl>x</span>\
                 <em dir=auto>y</em> <bdo dir=rtl>xyz</bdo><span dir=ltr> </span></p>"
            ),
            "لغة \u{2066}C++\u{2069} و\u{2068}abc\u{2069} \u{2067}x\u{2069}\u{2068}y\u{2069} \
             \u{202e}xyz\u{202c}"
        );
        // A block ending inside an isolate ends it; the next block starts it again.
        let (t, b) = read("<span dir=ltr>a<p>b</p>c</span>");
        assert_eq!(
            t,
            "\u{2066}a\u{2069}\n\n\u{2066}b\u{2069}\n\n\u{2066}c\u{2069}"
        );
        assert_eq!(b.blocks.len(), 3);
    }

    #[test]
    fn blocks_and_styles_are_read() {
        let (t, b) = read(
            "<h1>عنوان</h1><p>نص <strong>قوي</strong> و<a href='/x'>رابط</a></p>\
             <ul><li>أ</li><li>ب</li></ul><ol start=3><li>ج</li></ol>",
        );
        assert_eq!(t, "عنوان\n\nنص قوي ورابط\n\n• أ\n• ب\n\n3. ج");
        let kinds: Vec<_> = b.blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(kinds[0], BlockKind::Heading(1));
        assert_eq!(kinds[1], BlockKind::Paragraph);
        assert!(matches!(&kinds[2], BlockKind::ListItem { marker, depth: 0 } if marker == "•"));
        assert!(matches!(&kinds[4], BlockKind::ListItem { marker, .. } if marker == "3."));
        let strong = t.find("قوي").unwrap_or(0);
        assert_eq!(b.style_at(strong), style::STRONG);
        assert_eq!(b.links.len(), 1);
        assert_eq!(t.get(b.links[0].range.clone()), Some("رابط"));
        assert_eq!(b.links[0].url, "/x");
    }

    #[test]
    fn hidden_and_script_content_is_dropped() {
        let t = text(
            "<p>a</p><script>var x</script><style>p{}</style><p hidden>h</p>\
             <div aria-hidden=true>h</div><p style='display: none'>h</p><input value=v>\
             <noscript>n</noscript><p>b</p>",
        );
        assert_eq!(t, "a\n\nb");
    }

    #[test]
    fn dir_decides_the_block_and_is_inherited() {
        let (_, b) =
            read("<html dir=rtl><body><p>abc</p><p dir=ltr>نص</p><div dir=auto><p>abc</p></div>");
        let dirs: Vec<_> = b.blocks.iter().map(|b| b.rtl).collect();
        assert_eq!(dirs, [Some(true), Some(false), Some(false)]);
    }

    #[test]
    fn line_breaks_and_paragraph_breaks() {
        assert_eq!(text("<p>a<br>b<br><br>c</p>"), "a\nb\n\nc");
    }

    #[test]
    fn a_data_table_is_a_grid_and_a_layout_table_is_blocks() {
        let (t, b) = read(
            "<table><tr><th>الاسم</th><th>العمر</th></tr><tr><td>علي</td><td>30</td></tr></table>",
        );
        assert_eq!(b.tables.len(), 1);
        assert_eq!(b.tables[0].rows, 0..2);
        assert!(
            matches!(&b.blocks[0].kind, BlockKind::TableRow { header: true, cells } if cells.len() == 2)
        );
        assert!(t.contains("علي"));
        let (t, b) =
            read("<table><tr><td><p>قائمة</p></td><td><h1>مقال</h1><p>نص</p></td></tr></table>");
        assert!(b.tables.is_empty());
        assert_eq!(t, "قائمة\n\nمقال\n\nنص");
    }

    #[test]
    fn preformatted_text_is_code_kept_as_written() {
        let (t, b) = read("<pre class='language-rust'>\nfn main() {\n    x();\n}\n</pre>");
        assert_eq!(t, "fn main() {\n    x();\n}");
        assert_eq!(
            b.blocks[0].kind,
            BlockKind::Code {
                lang: "rust".into()
            }
        );
        assert_eq!(b.blocks[0].rtl, Some(false));
    }

    #[test]
    fn an_image_alone_is_an_image_block() {
        let (t, b) =
            read("<figure><img alt='صورة  الوزير'><figcaption>الوزير</figcaption></figure>");
        assert_eq!(t, "[صورة الوزير]\n\nالوزير");
        assert_eq!(b.blocks[0].kind, BlockKind::Image);
    }

    #[test]
    fn title_and_language_are_metadata() {
        let (t, b) = read("<html lang=ar><head><title> عنوان\n الصفحة </title></head><body>نص");
        assert_eq!(t, "نص");
        assert_eq!(
            b.metadata,
            [
                ("title".to_string(), "عنوان الصفحة".to_string()),
                ("language".to_string(), "ar".to_string())
            ]
        );
    }
}
