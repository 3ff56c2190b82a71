//! The site's text an extracted article ends with: on a page whose article shares its element
//! with the site around it (a page laid out by a table, a template writing the article's
//! container and its related links together), the extractor takes what follows the article
//! in that element too: "print / send to a friend" links, a related-articles list under its
//! heading, the tags, the copyright notice.

use crate::document::blocks::{BlockKind, Blocks};

/// A block this much link text (in letters and digits) or more is a list of the site's links.
const LINKED: f64 = 0.5;

/// Drops from the end of the article in `text` and `blocks` the blocks that are the site's:
/// mostly links, a heading with nothing under it, a copyright notice (the publisher's, not
/// the article's text). The title, and the first block of the body,
/// always stay.
pub(super) fn trim(text: &mut String, blocks: &mut Blocks) {
    let first_body = blocks
        .blocks
        .iter()
        .position(|b| b.kind != BlockKind::Title)
        .unwrap_or(blocks.blocks.len());
    let mut keep = blocks.blocks.len();
    while keep > first_body + 1 {
        let Some(b) = blocks.blocks.get(keep - 1) else {
            break;
        };
        let Some(t) = text.get(b.range.clone()) else {
            break;
        };
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        let linked: usize = blocks
            .links_in(b.range.clone())
            .filter_map(|l| text.get(l.range.clone()))
            .map(letters)
            .sum();
        let all = letters(t);
        let site = matches!(b.kind, BlockKind::Heading(_))
            || (all > 0 && linked as f64 >= LINKED * all as f64)
            || copyright(t);
        if !site {
            break;
        }
        keep -= 1;
    }
    blocks.truncate(text, keep);
}

/// Whether `t` is a copyright notice: it holds the sign (`©`, or `ⓒ` as some sites write it)
/// or the word.
fn copyright(t: &str) -> bool {
    t.contains(['©', 'ⓒ'])
        || t.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("copyright"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of an article read from `html` and trimmed.
    fn trimmed(html: &str) -> String {
        let page = dom_query::Document::fragment(html);
        let root = page.select_single("div");
        let Some(root) = root.nodes().first() else {
            return String::new();
        };
        let (mut text, mut blocks) = super::super::read_node(root);
        trim(&mut text, &mut blocks);
        assert_eq!(blocks.blocks.last().map(|b| b.range.end), Some(text.len()));
        assert!(blocks.links.iter().all(|l| l.range.end <= text.len()));
        text
    }

    #[test]
    fn the_sites_links_heading_and_notice_under_the_article_go() {
        let text = trimmed(
            "<div><h1>خطة لمواجهة الجفاف</h1><p>أعلن الوزير عن خطة وطنية،              <a href=/a>التفاصيل هنا</a>.</p><p>ومن المنتظر أن يناقشها البرلمان.</p>             <p><a href=/print>نسخة للطباعة</a> | <a href=/send>أرسل لصديق</a></p>             <h3>الأكثر قراءة</h3><ul><li><a href=/n/1>ارتفاع أسعار الخبز</a></li>             <li><a href=/n/2>منتخب الشباب يتأهل</a> (فيديو)</li></ul>             <p>جميع الحقوق محفوظة © 2008</p><p>Copyright 2008 Arab News</p></div>",
        );
        assert_eq!(
            text,
            "خطة لمواجهة الجفاف\n\nأعلن الوزير عن خطة وطنية، التفاصيل هنا.\n\n\
             ومن المنتظر أن يناقشها البرلمان."
        );
    }

    #[test]
    fn an_article_of_links_keeps_its_first_block() {
        let text = trimmed(
            "<div><p><a href=/1>الرابط الأول</a></p><p><a href=/2>الرابط الثاني</a></p></div>",
        );
        assert_eq!(text, "الرابط الأول");
    }
}
