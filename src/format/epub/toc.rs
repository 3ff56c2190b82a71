//! The book's table of contents: the EPUB 3 navigation document's `nav epub:type="toc"`, or the
//! EPUB 2 NCX's `navMap`, as entries in order, each with its depth, its label and where it points.

use super::href::{Target, resolve};
use super::package::{LocalName, text_of, xml};
use roxmltree::Node;

/// How deep nested entries are followed: far deeper than any book's contents, and a bound on
/// the recursion a hostile one could ask for (entries deeper are left out).
const DEPTH: u8 = 16;

/// An entry of the table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// 0 for a top-level entry, 1 under it, …
    pub depth: u8,
    /// What the entry says, white space collapsed.
    pub label: String,
    /// Where it points in the book.
    pub target: Target,
}

/// The entries of the `nav` of `epub:type` `toc` in the navigation document `text` (the file
/// `path`); empty when it has none or is not well-formed.
pub fn nav(path: &str, text: &str) -> Vec<Entry> {
    let Ok(doc) = xml(path, text) else {
        return Vec::new();
    };
    let toc = doc.descendants().find(|n| {
        n.has_tag_name_local("nav")
            && n.attributes()
                .any(|a| a.name() == "type" && a.value().split_whitespace().any(|w| w == "toc"))
    });
    let mut out = Vec::new();
    if let Some(list) = toc.and_then(|t| t.children().find(|n| n.has_tag_name_local("ol"))) {
        nav_list(path, list, 0, &mut out);
    }
    out
}

/// The entries of an `ol` of the navigation document and of the lists nested in its items.
fn nav_list(path: &str, list: Node, depth: u8, out: &mut Vec<Entry>) {
    for item in list.children().filter(|n| n.has_tag_name_local("li")) {
        let link = item
            .children()
            .find(|n| n.has_tag_name_local("a") || n.has_tag_name_local("span"));
        // A heading without a link (a `span`) groups the entries under it: it points where
        // its first entry points.
        let target = link
            .and_then(|a| a.attribute("href"))
            .and_then(|h| resolve(path, h));
        let at = out.len();
        if let Some(sub) = item
            .children()
            .find(|n| n.has_tag_name_local("ol"))
            .filter(|_| depth < DEPTH)
        {
            nav_list(path, sub, depth + 1, out);
        }
        let target = target.or_else(|| out.get(at).map(|e| e.target.clone()));
        let label = link.map(|a| text_of(&a)).unwrap_or_default();
        if let (Some(target), false) = (target, label.is_empty()) {
            out.insert(
                at,
                Entry {
                    depth,
                    label,
                    target,
                },
            );
        }
    }
}

/// The entries of the NCX `text` (the file `path`): its `navPoint`s in document order; empty
/// when it has none or is not well-formed.
pub fn ncx(path: &str, text: &str) -> Vec<Entry> {
    let Ok(doc) = xml(path, text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(map) = doc.descendants().find(|n| n.has_tag_name_local("navMap")) {
        nav_points(path, map, 0, &mut out);
    }
    out
}

/// The `navPoint`s under `parent`, depth first.
fn nav_points(path: &str, parent: Node, depth: u8, out: &mut Vec<Entry>) {
    for point in parent
        .children()
        .filter(|n| n.has_tag_name_local("navPoint"))
    {
        let label = point
            .children()
            .find(|n| n.has_tag_name_local("navLabel"))
            .map(|l| text_of(&l))
            .unwrap_or_default();
        let target = point
            .children()
            .find(|n| n.has_tag_name_local("content"))
            .and_then(|c| c.attribute("src"))
            .and_then(|s| resolve(path, s));
        if let (Some(target), false) = (target, label.is_empty()) {
            out.push(Entry {
                depth,
                label,
                target,
            });
        }
        if depth < DEPTH {
            nav_points(path, point, depth + 1, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[Entry]) -> Vec<(u8, &str, &str, Option<&str>)> {
        list.iter()
            .map(|e| {
                (
                    e.depth,
                    e.label.as_str(),
                    e.target.path.as_str(),
                    e.target.fragment.as_deref(),
                )
            })
            .collect()
    }

    #[test]
    fn the_navigation_document_gives_the_toc_nav_only() {
        let nav_doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<body>
<nav epub:type="landmarks"><ol><li><a href="c1.xhtml">معالم</a></li></ol></nav>
<nav epub:type="toc"><h1>المحتويات</h1><ol>
  <li><a href="c1.xhtml">الفصل
      الأول</a>
    <ol><li><a href="c1.xhtml#s2">قسم</a></li></ol></li>
  <li><span>الجزء الثاني</span>
    <ol><li><a href="../Text/c2.xhtml">الفصل الثاني</a></li></ol></li>
  <li><a href="https://example.com/">خارج الكتاب</a></li>
</ol></nav>
</body></html>"#;
        assert_eq!(
            entries(&nav("OEBPS/Nav/nav.xhtml", nav_doc)),
            [
                (0, "الفصل الأول", "OEBPS/Nav/c1.xhtml", None),
                (1, "قسم", "OEBPS/Nav/c1.xhtml", Some("s2")),
                (0, "الجزء الثاني", "OEBPS/Text/c2.xhtml", None),
                (1, "الفصل الثاني", "OEBPS/Text/c2.xhtml", None),
            ]
        );
    }

    #[test]
    fn the_ncx_gives_its_nav_points_in_order() {
        let ncx_doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<navMap>
  <navPoint id="p1" playOrder="1"><navLabel><text>المقدمة</text></navLabel><content src="Text/intro.xhtml"/>
    <navPoint id="p2" playOrder="2"><navLabel><text>تمهيد</text></navLabel><content src="Text/intro.xhtml#t"/></navPoint>
  </navPoint>
  <navPoint id="p3" playOrder="3"><navLabel><text>الخاتمة</text></navLabel><content src="Text/end.xhtml"/></navPoint>
</navMap>
</ncx>"#;
        assert_eq!(
            entries(&ncx("OEBPS/toc.ncx", ncx_doc)),
            [
                (0, "المقدمة", "OEBPS/Text/intro.xhtml", None),
                (1, "تمهيد", "OEBPS/Text/intro.xhtml", Some("t")),
                (0, "الخاتمة", "OEBPS/Text/end.xhtml", None),
            ]
        );
    }

    #[test]
    fn direction_marks_at_the_ends_of_labels_are_left_out() {
        let nav_doc = "<html xmlns:epub='http://www.idpf.org/2007/ops'><body><nav epub:type='toc'>\
            <ol><li><a href='c1.xhtml'>\u{200f} مقدمة\u{200f}</a></li>\
            <li><a href='c2.xhtml'>عظمة الكون (١)\u{200f}\n</a></li>\
            <li><a href='c3.xhtml'>\u{200e}Epilogue \u{200f}خاتمة\u{200e}</a></li></ol></nav></body></html>";
        let labels: Vec<String> = nav("nav.xhtml", nav_doc)
            .into_iter()
            .map(|e| e.label)
            .collect();
        // Inside a label a mark stays: it may decide how the words around it are ordered.
        assert_eq!(
            labels,
            ["مقدمة", "عظمة الكون (١)", "Epilogue \u{200f}خاتمة"]
        );
    }

    #[test]
    fn nesting_is_followed_to_a_bounded_depth() {
        let levels = 100_000;
        let mut doc = String::from("<ncx><navMap>");
        for i in 0..levels {
            doc.push_str(&format!(
                "<navPoint><navLabel><text>{i}</text></navLabel><content src=\"a.xhtml\"/>"
            ));
        }
        doc.push_str(&"</navPoint>".repeat(levels));
        doc.push_str("</navMap></ncx>");
        let entries = ncx("toc.ncx", &doc);
        assert_eq!(entries.len(), usize::from(DEPTH) + 1);
        assert_eq!(entries.last().map(|e| e.depth), Some(DEPTH));
    }

    #[test]
    fn a_broken_table_of_contents_gives_none() {
        assert!(nav("nav.xhtml", "<html><nav>").is_empty());
        assert!(ncx("toc.ncx", "not xml at all").is_empty());
    }
}
