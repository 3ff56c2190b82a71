//! The article of a web page without the site around it (menus, site headers and footers,
//! sidebars, related links, share buttons, cookie notices, comment forms): found by
//! rs-trafilatura (trafilatura's method: text and link density, tag and class cues), then
//! written by the HTML converter, so its headings, lists, quotes and tables stay blocks. The
//! page's title, byline, date, site and language become the document's metadata.

use super::walk::{Visit, walk};
use crate::document::blocks::{BlockKind, Blocks};
use dom_query::{Document, NodeId, NodeRef, TreeNode};
use rs_trafilatura::page_type::PageType;
use rs_trafilatura::{ExtractResult, Metadata, Options};

/// Elements nested deeper than this are dropped (their text kept) before the page reaches the
/// extractor. It descends the tree by recursion, and its time grows with the square of the
/// depth: 1,000 levels take 0.7 s, 5,000 take 11 s, 80,000 overflow the stack. Real pages
/// stay under a hundred.
const MAX_DEPTH: usize = 256;

/// Pages of more tags than this are read whole: the extractor's time grows faster than the
/// page (50,000 paragraphs take 3 s), and the reader waits for it before its first frame.
const MAX_TAGS: usize = 60_000;

/// Pages larger than this (bytes) are read whole, for the same reason.
const MAX_BYTES: usize = 8 << 20;

/// An article of less text than this (bytes) is taken for a failure to find one.
const MIN_ARTICLE: usize = 200;

/// The notice when a page is read whole because no article was found in it.
const NOT_FOUND: &str = "no article found in this page: showing all its text";

/// The notice when a page is read whole because it is too large or deep to search.
const TOO_LARGE: &str = "this page is too large to find its article in: showing all its text";

/// The text and blocks of the article of the HTML page `html`, with its title as the title
/// block and its byline, date, site, language and address as metadata. A page no article is
/// found in, or too large to search, is read whole, with a notice saying so.
pub fn read(html: &str) -> (String, Blocks) {
    let tags = memchr::memchr_iter(b'<', html.as_bytes())
        .take(MAX_TAGS + 1)
        .count();
    if html.len() > MAX_BYTES || tags > MAX_TAGS {
        return whole(html, TOO_LARGE);
    }
    let capped = super::nesting::cap(html, MAX_DEPTH);
    let (mut page, mut shown, og_title, declared) = prepared(&capped, false);
    let mut found = extracted(shown.markup());
    // The page's declared copy of the article is read only when the page shows none.
    if declared
        && found
            .as_ref()
            .is_none_or(|f| f.content_text.len() < MIN_ARTICLE)
    {
        let (with_copy, copy_shown, ..) = prepared(&capped, true);
        if let Some(f) = extracted(copy_shown.markup()) {
            (found, page, shown) = (Some(f), with_copy, copy_shown);
        }
    }
    let Some(mut found) = found else {
        return whole(html, NOT_FOUND);
    };
    let unpruned = matches!(shown, Shown::Unpruned(_));
    let (text, mut blocks) = match article(&found, og_title.is_some(), &page, unpruned) {
        Some(read) => read,
        // The article was not found in the page's own elements, and the extractor's HTML may
        // hold what the page hides: the extractor reads the pruned page instead.
        None => {
            let Some(f) = extracted(&page.html()) else {
                return whole(html, NOT_FOUND);
            };
            found = f;
            article(&found, og_title.is_some(), &page, false).unwrap_or_default()
        }
    };
    let body = blocks
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| b.range.len())
        .sum::<usize>();
    if body < MIN_ARTICLE {
        let (all, all_blocks) = whole(html, NOT_FOUND);
        if all.len() > text.len() * 2 {
            return (all, all_blocks);
        }
    }
    blocks.metadata = metadata(&found.metadata);
    (text, blocks)
}

/// What the extractor finds in `page`, if it finds anything; a fault of the extractor on a
/// strange page costs the article, never the reader.
fn extracted(page: &str) -> Option<ExtractResult> {
    crate::caught::catch(|| rs_trafilatura::extract_with_options(page, &options()))
        .ok()?
        .ok()
}

/// The markup given to the extractor.
enum Shown {
    /// Nothing in it is hidden from readers.
    Pruned(String),
    /// The page as it came, its hidden elements still in it: right for the extractor only when
    /// the article it finds is read from the pruned page's own elements.
    Unpruned(String),
}

impl Shown {
    fn markup(&self) -> &str {
        match self {
            Shown::Pruned(m) | Shown::Unpruned(m) => m,
        }
    }
}

/// `html` parsed without the elements hidden from readers (`hidden`, `aria-hidden`, an inline
/// `display: none`), since the article's HTML the extractor writes keeps no attributes and
/// what it holds of them would show; and unless `declared_body`, without the copy of the
/// article the page declares for search engines (JSON-LD `articleBody`). Then the markup for
/// the extractor (the page as it came unless a declared copy was taken out), the page's
/// `og:title`, if it has one, and whether it declared a copy of its article.
///
/// The extractor prefers a declared copy to the article it finds in the page whenever the copy
/// is twice as long, but the copy is flat text (one paragraph, no headings or lists) and often
/// not the article shown: repeated, cut, or a summary.
fn prepared(html: &str, declared_body: bool) -> (Document, Shown, Option<String>, bool) {
    /// The hidden elements of a page, found by a walk that does not enter them.
    #[derive(Default)]
    struct Hidden(Vec<NodeId>);
    impl Visit for Hidden {
        fn enter(&mut self, node: &TreeNode) -> bool {
            let hidden = node.as_element().is_some_and(super::tags::hidden);
            if hidden {
                self.0.push(node.id);
            }
            !hidden
        }
        fn leave(&mut self) {}
    }
    let page = Document::from(html);
    let og = page
        .select_single(r#"meta[property="og:title"]"#)
        .attr("content")
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty());
    let mut found = Hidden::default();
    walk(&page.root(), &mut found);
    let declared = if declared_body {
        false
    } else {
        without_declared_body(&page)
    };
    let hidden = !found.0.is_empty();
    for id in found.0 {
        NodeRef::new(id, &page.tree).remove_from_parent();
    }
    // Writing the page out again is most of what preparing it costs, and the article found in
    // the page as it came is read from the pruned page's own elements (see `article`): it is
    // written out only when the extractor must not see what it holds.
    if declared {
        let shown = page.html().to_string();
        return (page, Shown::Pruned(shown), og, true);
    }
    let shown = if hidden {
        Shown::Unpruned(html.to_owned())
    } else {
        Shown::Pruned(html.to_owned())
    };
    (page, shown, og, false)
}

/// Takes the `articleBody` out of the page's JSON-LD, the rest of it (the byline, the date)
/// left for the metadata; whether there was one.
fn without_declared_body(page: &Document) -> bool {
    fn remove(v: &mut serde_json::Value) -> bool {
        match v {
            serde_json::Value::Object(m) => {
                let here = m.remove("articleBody").is_some();
                // Every value is searched: `any` would stop at the first.
                m.values_mut().map(remove).filter(|&r| r).count() > 0 || here
            }
            serde_json::Value::Array(a) => a.iter_mut().map(remove).filter(|&r| r).count() > 0,
            _ => false,
        }
    }
    let mut any = false;
    for script in page.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = script.text();
        if !text.contains("articleBody") {
            continue;
        }
        let Ok(mut json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if remove(&mut json) {
            // `</` escaped as JSON allows, so no string in it closes the script.
            script.set_text(json.to_string().replace("</", "<\\/"));
            any = true;
        }
    }
    any
}

/// What the extractor is asked for: tables kept, links with their addresses, comments left
/// out, and no limit on the article's length (its text is cut at a byte count, which in
/// Arabic falls inside a letter).
fn options() -> Options {
    Options {
        include_tables: true,
        include_links: true,
        include_comments: false,
        max_extracted_len: usize::MAX,
        // The page type is given, not guessed: the classifier (a model run on every page)
        // costs two thirds of the time and, on the benchmark, no accuracy. Of the types, the
        // category's way is the article's without one step: when the article found looks
        // short, the article's way merges the text of the page's best-scored blocks into one
        // flat text, which takes in the site's lists and loses the article's structure.
        page_type: Some(PageType::Category),
        ..Options::default()
    }
}

/// The whole page, as `--whole` reads it, with `notice`.
fn whole(html: &str, notice: &str) -> (String, Blocks) {
    let (text, mut blocks) = super::read(html);
    blocks.notice = Some(notice.to_owned());
    (text, blocks)
}

/// The extracted article written by the converter, its title first as the title block.
/// The article's HTML carries no attributes but links' addresses: the elements of `page` it
/// comes from are read in its place when they are found, else it is read inside an element
/// holding the page's language (which gives the direction of blocks without a strong
/// character). With `must_map`, an article not found in `page` is `None` instead (the
/// extractor read markup holding what `page` hides).
fn article(
    found: &ExtractResult,
    og_title: bool,
    page: &Document,
    must_map: bool,
) -> Option<(String, Blocks)> {
    let lang = found.metadata.language.as_deref().unwrap_or("");
    let (body, from_html) = body_html(found);
    let doc = Document::fragment(format!("<div lang=\"{}\">{body}</div>", escape(lang)));
    let root = doc.select_single("div");
    let Some(root) = root.nodes().first() else {
        return Some((String::new(), Blocks::default()));
    };
    let title = title(found, og_title, &doc);
    if from_html {
        keep_only_text_of(root, &found.content_text);
    }
    if let Some(t) = &title {
        // The article's own heading repeating the title gives way to the title block, and what
        // comes before it (a site's column beside a table-laid article, a kicker) goes too.
        let first = doc.select_single("h1, h2, h3, h4, h5, h6");
        if let Some(h) = first.nodes().first()
            && collapse(&h.text()).eq_ignore_ascii_case(t)
        {
            remove_before(h, root);
            h.remove_from_parent();
        }
    }
    // The page's own elements keep what the extractor's HTML does not: `dir` and `lang`,
    // images' alt text, the direction of inline runs.
    let faithful = if from_html {
        super::origin::prune(page, root)
    } else {
        None
    };
    if let Some(body) = &faithful
        && page.html_root().attr("lang").is_none()
        && body.attr("lang").is_none()
        && !lang.is_empty()
    {
        body.set_attr("lang", lang);
    }
    if must_map && faithful.is_none() {
        return None;
    }
    let root = faithful.as_ref().unwrap_or(root);
    if let Some(t) = &title {
        let h1 = root.tree.new_element("h1");
        h1.set_text(t.as_str());
        root.prepend_child(&h1);
    }
    let (mut text, mut blocks) = super::read_node(root);
    if title.is_some()
        && let Some(first) = blocks.blocks.first_mut()
        && first.kind == BlockKind::Heading(1)
    {
        first.kind = BlockKind::Title;
    }
    super::tail::trim(&mut text, &mut blocks);
    Some((text, blocks))
}

/// Removes from `root`'s tree what comes before `node` in document order.
fn remove_before(node: &NodeRef<'_>, root: &NodeRef<'_>) {
    let mut node = *node;
    while node.id != root.id {
        while let Some(before) = node.prev_sibling() {
            before.remove_from_parent();
        }
        let Some(parent) = node.parent() else { break };
        node = parent;
    }
}

/// The article's title: the one the page gives it for sharing (`og:title`, less the site's
/// name) when it has one, else the article's own first `h1`, else the page's `<title>` less
/// the site's name. When the `h1` holds the shared title whole, the `h1` is the title (a
/// title with a colon or a dash may have been cut as if it named the site).
fn title(found: &ExtractResult, og_title: bool, article: &Document) -> Option<String> {
    let declared = found.metadata.title.as_deref().map(collapse);
    let declared = declared.filter(|t| !t.is_empty());
    let h1 = article.select_single("h1");
    let h1 = h1.nodes().first().map(|h| collapse(&h.text()));
    match (declared, h1.filter(|t| !t.is_empty())) {
        (Some(d), Some(h)) if h.to_lowercase().contains(&d.to_lowercase()) => Some(h),
        (Some(d), _) if og_title => Some(d),
        (d, h) => h.or(d),
    }
}

/// Drops from the article's HTML under `root` the text that the article's text leaves out.
///
/// The extractor writes the article twice: as HTML, and as text that it filters further
/// (lists and tables made mostly of links, boilerplate by name). The text is the better
/// article; the HTML keeps the structure. Each text node of the HTML, in order, is looked for
/// in the text just after the last one found (white space aside, which the two spell
/// differently); one not there is dropped, and an element left empty makes no block. Should
/// most of the text not be found so (the two disagree), nothing is dropped.
fn keep_only_text_of(root: &NodeRef<'_>, text: &str) {
    /// How far past the last match the next text node may start: the separators the text
    /// puts between table cells (` | `) and list items.
    const SLACK: usize = 16;
    let wanted: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let wanted = wanted.as_bytes();
    let mut at = 0;
    let mut found = 0;
    let mut drop = Vec::new();
    for node in root.descendants_it().filter(|n| n.is_text()) {
        let t: String = node.text().chars().filter(|c| !c.is_whitespace()).collect();
        if t.is_empty() {
            continue;
        }
        let end = wanted.len().min(at + t.len() + SLACK);
        match wanted
            .get(at..end)
            .and_then(|w| memchr::memmem::find(w, t.as_bytes()))
        {
            Some(i) => {
                at += i + t.len();
                found += t.len();
            }
            None => drop.push(node),
        }
    }
    if found * 2 >= wanted.len() {
        for node in drop {
            node.remove_from_parent();
        }
    }
}

/// The article's HTML, and whether the extractor gave it as HTML. When it gives it only as
/// text (an article merged from parts, or read from the page's JSON-LD, which it wraps whole
/// in one `<p>`), each line of the text is a paragraph.
fn body_html(found: &ExtractResult) -> (String, bool) {
    let one_paragraph = |h: &str| {
        h.strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
            .is_some_and(|inner| !inner.contains('<'))
    };
    match &found.content_html {
        Some(h) if !one_paragraph(h) || !found.content_text.contains('\n') => (h.clone(), true),
        _ => {
            let lines = found.content_text.lines().filter(|l| !l.trim().is_empty());
            (
                lines.map(|l| format!("<p>{}</p>", escape(l))).collect(),
                false,
            )
        }
    }
}

/// The page's facts other than its title, in the order a reader asks for them.
fn metadata(m: &Metadata) -> Vec<(String, String)> {
    let date = m.date.map(|d| d.date_naive().to_string());
    [
        ("author", m.author.clone()),
        ("date", date),
        ("site", m.sitename.clone()),
        ("language", m.language.clone()),
        ("url", m.url.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k.to_owned(), collapse(&v?))))
    .filter(|(_, v)| !v.is_empty())
    .collect()
}

/// White space runs as one space, without space at the ends.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` as HTML text or a quoted attribute value.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
