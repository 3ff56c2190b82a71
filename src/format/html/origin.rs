//! The article the extractor found, mapped back onto the page's own elements: the extractor
//! writes its article without the attributes a reader needs (`dir`, `lang`, images' `alt`, the
//! direction of inline runs), so the page itself is read, less what the article leaves out.

use super::tags::{self, Role};
use super::walk::{Visit, walk};
use dom_query::{Document, NodeData, NodeId, NodeRef, TreeNode};
use std::collections::HashSet;

/// How far past the last text found (bytes of text, white space aside) the next text of the
/// article is looked for in the page: past any site chrome between two parts of an article.
const WINDOW: usize = 256 << 10;

/// The share of the article's text (in tenths) that must be found in the page's text nodes
/// for the page to be read in its place: below it the two disagree (the extractor rewrote
/// the text), and the article is read as the extractor wrote it.
const FOUND_TENTHS: usize = 9;

/// Prunes `page` (as given to the extractor) to the article the extractor wrote under
/// `article`: the text nodes of the page the article's text is found in, in order, and the
/// elements holding them, images among that text, line breaks and the cells of tables kept.
/// Gives the page's body, or `None` (`page` untouched) when the article's text is not found
/// in the page's text.
pub(super) fn prune<'a>(page: &'a Document, article: &NodeRef<'_>) -> Option<NodeRef<'a>> {
    let body = page.body()?;
    let mut texts = Texts::default();
    walk(&body, &mut texts);
    let kept = align(&texts, article)?;
    let shown = |i: usize| kept.get(i).copied().unwrap_or(false);
    let kept_ids: HashSet<NodeId> = (texts.ids.iter().enumerate())
        .filter(|(i, _)| shown(*i))
        .map(|(_, id)| *id)
        .collect();
    // An image is the article's when the text on both sides of it is, or the text beside it
    // in its own block.
    let images = texts.images.iter().filter(|img| {
        let prev = img.before.checked_sub(1);
        let next = img.before;
        let beside = |i: Option<usize>| {
            i.is_some_and(|i| shown(i) && texts.blocks.get(i) == Some(&img.block))
        };
        prev.is_some_and(shown) && shown(next) || beside(prev) || beside(Some(next))
    });
    // The elements holding kept text or a kept image: every ancestor of either.
    let mut holding = HashSet::new();
    for id in kept_ids.iter().copied().chain(images.map(|img| img.id)) {
        let mut node = Some(NodeRef::new(id, &page.tree));
        while let Some(n) = node {
            if !holding.insert(n.id) {
                break;
            }
            node = n.parent();
        }
    }
    let mut prune = Prune {
        holding: &holding,
        kept: &kept_ids,
        open: Vec::new(),
        drop: Vec::new(),
    };
    walk(&body, &mut prune);
    for id in prune.drop {
        NodeRef::new(id, &page.tree).remove_from_parent();
    }
    Some(body)
}

/// Which of the page's text nodes hold the article's text: each text node of the article,
/// white space aside, is looked for in the page's text after the last one found; the page's
/// nodes it spans are kept. `None` when too little of the article is found.
fn align(texts: &Texts, article: &NodeRef<'_>) -> Option<Vec<bool>> {
    let page = texts.text.as_bytes();
    let mut kept = vec![false; texts.ids.len()];
    let (mut at, mut found, mut total) = (0, 0, 0);
    for node in article.descendants_it().filter(|n| n.is_text()) {
        let t = squeeze(&node.text());
        if t.is_empty() {
            continue;
        }
        total += t.len();
        // The window is measured from where the text may start: a text longer than it (an
        // article the extractor gives as one paragraph) is looked for all the same.
        let window = page
            .get(at..page.len().min(at + WINDOW + t.len()))
            .unwrap_or_default();
        // Most often the article's next text is the page's next (no searcher to build).
        let next = window.starts_with(t.as_bytes()).then_some(0);
        let Some(i) = next.or_else(|| memchr::memmem::find(window, t.as_bytes())) else {
            continue;
        };
        let (start, end) = (at + i, at + i + t.len());
        // Node k spans from where node k - 1 ends to ends[k].
        let begin = |k: usize| {
            k.checked_sub(1)
                .and_then(|j| texts.ends.get(j))
                .map_or(0, |&e| e)
        };
        let mut k = texts.ends.partition_point(|&e| e <= start);
        while k < kept.len() && begin(k) < end {
            if let Some(slot) = kept.get_mut(k) {
                *slot = true;
            }
            k += 1;
        }
        at = end;
        found += t.len();
    }
    (total > 0 && found * 10 >= total * FOUND_TENTHS).then_some(kept)
}

/// `s` without white space.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An image of the page, and where it stands among the page's text nodes.
struct Image {
    id: NodeId,
    /// How many text nodes come before it.
    before: usize,
    /// The block element it is in.
    block: NodeId,
}

/// The page's text as the converter reads it (what it never shows left out): each text node
/// that is not only white space, its text without white space, and the block it is in; and
/// its images.
#[derive(Default)]
struct Texts {
    /// The text nodes' texts, white space aside, one after the other.
    text: String,
    /// Where each node's text ends in `text`.
    ends: Vec<usize>,
    ids: Vec<NodeId>,
    /// The block element each text node is in.
    blocks: Vec<NodeId>,
    images: Vec<Image>,
    /// The open block elements, innermost last.
    open: Vec<NodeId>,
    /// Whether each open element is a block.
    is_block: Vec<bool>,
}

impl Visit for Texts {
    fn enter(&mut self, node: &TreeNode) -> bool {
        let block = self.open.last().copied().unwrap_or(node.id);
        match &node.data {
            NodeData::Text { contents } => {
                let t = squeeze(contents);
                if !t.is_empty() {
                    self.text.push_str(&t);
                    self.ends.push(self.text.len());
                    self.ids.push(node.id);
                    self.blocks.push(block);
                }
                false
            }
            NodeData::Element(e) => match tags::role(&e.name.local, e) {
                Role::Skip | Role::Break | Role::Rule => false,
                Role::Image => {
                    self.images.push(Image {
                        id: node.id,
                        before: self.ids.len(),
                        block,
                    });
                    false
                }
                role => {
                    let is_block = !matches!(role, Role::Inline(_) | Role::Link);
                    if is_block {
                        self.open.push(node.id);
                    }
                    self.is_block.push(is_block);
                    true
                }
            },
            _ => false,
        }
    }

    fn leave(&mut self) {
        if self.is_block.pop() == Some(true) {
            self.open.pop();
        }
    }
}

/// A walk that finds what to remove from the page: text nodes not kept, and elements holding
/// nothing kept but line breaks and the cells of a table that holds something.
struct Prune<'a> {
    holding: &'a HashSet<NodeId>,
    kept: &'a HashSet<NodeId>,
    /// Whether each open element holds something kept.
    open: Vec<bool>,
    drop: Vec<NodeId>,
}

impl Visit for Prune<'_> {
    fn enter(&mut self, node: &TreeNode) -> bool {
        let parent = self.open.last().copied().unwrap_or(true);
        match &node.data {
            NodeData::Text { contents } => {
                if !self.kept.contains(&node.id) && !contents.trim().is_empty() {
                    self.drop.push(node.id);
                }
                false
            }
            NodeData::Element(e) => {
                let holds = self.holding.contains(&node.id);
                let name = &*e.name.local;
                let part = matches!(
                    name,
                    "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "colgroup" | "col"
                );
                if holds || (parent && part) {
                    self.open.push(holds);
                    return true;
                }
                if !(parent && name == "br") {
                    self.drop.push(node.id);
                }
                false
            }
            _ => false,
        }
    }

    fn leave(&mut self) {
        self.open.pop();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_article_given_as_one_long_text_is_found_paragraph_by_paragraph() {
        // More text than the window, as one text node: the extractor's fallback writes an
        // article so, its paragraphs run together.
        let paragraphs: Vec<String> = (0..4000)
            .map(|i| format!("حلف شمال الأطلسي يستمر في المراهنة على تعزيز تنسيقه {i}."))
            .collect();
        let squeezed: usize = paragraphs.iter().map(|p| squeeze(p).len()).sum();
        assert!(squeezed > WINDOW);
        let page = Document::from(format!(
            "<body><nav>القائمة</nav><article>{}</article><footer>الحقوق</footer>",
            paragraphs
                .iter()
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        ));
        let article = Document::fragment(format!("<div><p>{}</p></div>", paragraphs.join(" ")));
        let root = article.select_single("div");
        let body = prune(&page, root.nodes().first().unwrap()).unwrap();
        assert_eq!(page.select("article p").length(), paragraphs.len());
        let text = body.text();
        assert!(
            !text.contains("القائمة") && !text.contains("الحقوق"),
            "{text}"
        );
    }

    const PAGE: &str = "<html dir=rtl><body><nav><a href=/>الرئيسية</a> <a href=/a>أخبار</a></nav>\
        <article><p>نص <span dir=ltr>one</span> أول</p><p><img alt=صورة></p><p>نص ثان</p>\
        <table><tr><th>الاسم</th><th>العمر</th></tr><tr><td>علي</td><td></td></tr></table></article><footer>حقوق</footer></body></html>";

    /// The article an extractor writes of `PAGE`: its text, without attributes.
    fn article(html: &str) -> Document {
        Document::fragment(format!("<div>{html}</div>"))
    }

    fn pruned(extracted: &str) -> Option<String> {
        let page = Document::from(PAGE);
        let found = article(extracted);
        let root = found.select_single("div");
        let root = root.nodes().first()?;
        prune(&page, root).map(|body| super::super::read_node(&body).0)
    }

    #[test]
    fn the_page_is_read_less_what_the_article_leaves_out() {
        let text = pruned(
            "<p>نص one أول</p><p>نص ثان</p><table><tr><th>الاسم</th><th>العمر</th></tr><tr><td>علي</td></tr></table>",
        );
        // The image between two kept paragraphs is kept, the table's empty cell too.
        assert_eq!(
            text.as_deref(),
            Some(
                "نص \u{2066}one\u{2069} أول\n\n[صورة]\n\nنص ثان\n\n\u{2068}الاسم\u{2069} | \
                 \u{2068}العمر\u{2069}\n\u{2068}علي\u{2069} | \u{2068}\u{2069}"
            )
        );
    }

    #[test]
    fn an_article_not_found_in_the_page_is_not_mapped() {
        assert_eq!(
            pruned("<p>نص لم يكتب في الصفحة أبدا</p><p>نص ثان</p>"),
            None
        );
    }
}
