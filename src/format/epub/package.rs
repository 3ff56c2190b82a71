//! The package document: `META-INF/container.xml` names it; it holds the book's metadata
//! (title, author, language), its manifest (every file, by id) and its spine (the chapters in
//! reading order), and says where the table of contents is and which way pages turn.

use super::EpubError;
use super::href::{Target, resolve};
use roxmltree::{Document, Node, ParsingOptions};
use std::collections::HashMap;

/// The most XML nodes a container, package or table of contents may hold: far beyond any real
/// book's, and a bound on the memory a hostile one takes.
const NODES: u32 = 2_000_000;

/// What the package document says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Package {
    /// `dc:title`, the first one.
    pub title: Option<String>,
    /// `dc:creator`s, in order.
    pub authors: Vec<String>,
    /// `dc:language`, the first one (`ar`, `en-GB`).
    pub language: Option<String>,
    /// The spine's `page-progression-direction`: `Some(true)` for `rtl`, `Some(false)` for
    /// `ltr`, `None` when it says neither.
    pub rtl: Option<bool>,
    /// The chapters in reading order: entries of the archive (linear spine items only, each
    /// once).
    pub spine: Vec<String>,
    /// Spine items that name nothing in the manifest.
    pub unlisted: usize,
    /// The EPUB 3 navigation document, if the manifest names one.
    pub nav: Option<String>,
    /// The EPUB 2 NCX, if the spine or the manifest names one.
    pub ncx: Option<String>,
}

/// Parses `bytes` (the file `name`) as XML, DTDs allowed (NCX files carry one) but bounded.
pub fn xml<'a>(name: &str, text: &'a str) -> Result<Document<'a>, EpubError> {
    let opts = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, opts).map_err(|e| EpubError::BadXml {
        name: name.to_owned(),
        line: e.pos().row,
    })
}

/// The package document's path from `META-INF/container.xml`: its first `rootfile` of type
/// `application/oebps-package+xml` (or its first `rootfile` of any type).
pub fn rootfile(container: &str) -> Result<String, EpubError> {
    let doc = xml(super::CONTAINER, container)?;
    let rootfiles: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name_local("rootfile"))
        .collect();
    let package = rootfiles
        .iter()
        .find(|n| n.attribute("media-type") == Some("application/oebps-package+xml"))
        .or(rootfiles.first());
    package
        .and_then(|n| n.attribute("full-path"))
        .and_then(|p| resolve("", p))
        .map(|t| t.path)
        .filter(|p| !p.is_empty())
        .ok_or(EpubError::NoPackage)
}

/// Reads the package document `text`, found at `path` in the archive.
pub fn read(path: &str, text: &str) -> Result<Package, EpubError> {
    let doc = xml(path, text)?;
    let root = doc.root_element();
    let child = |name: &str| root.children().find(|n| n.has_tag_name_local(name));
    let mut p = Package::default();
    if let Some(meta) = child("metadata") {
        let dc = |name: &str| -> Vec<String> {
            meta.descendants()
                .filter(|n| n.has_tag_name_local(name))
                .map(|n| text_of(&n))
                .filter(|t| !t.is_empty())
                .collect()
        };
        p.title = dc("title").into_iter().next();
        p.authors = dc("creator");
        p.language = dc("language").into_iter().next();
    }
    // id ▸ (entry, properties, media type)
    let mut manifest: HashMap<&str, (Target, &str, &str)> = HashMap::new();
    for item in child("manifest")
        .into_iter()
        .flat_map(|m| m.children())
        .filter(|n| n.has_tag_name_local("item"))
    {
        let (Some(id), Some(target)) = (
            item.attribute("id"),
            item.attribute("href").and_then(|h| resolve(path, h)),
        ) else {
            continue;
        };
        let props = item.attribute("properties").unwrap_or("");
        let media = item.attribute("media-type").unwrap_or("");
        manifest.entry(id).or_insert((target, props, media));
    }
    p.nav = manifest
        .values()
        .find(|(_, props, _)| props.split_whitespace().any(|w| w == "nav"))
        .map(|(t, _, _)| t.path.clone());
    let spine = child("spine");
    p.rtl = match spine.and_then(|s| s.attribute("page-progression-direction")) {
        Some("rtl") => Some(true),
        Some("ltr") => Some(false),
        _ => None,
    };
    p.ncx = spine
        .and_then(|s| s.attribute("toc"))
        .and_then(|id| manifest.get(id))
        .or_else(|| {
            manifest
                .values()
                .find(|(_, _, media)| *media == "application/x-dtbncx+xml")
        })
        .map(|(t, _, _)| t.path.clone());
    let mut seen = std::collections::HashSet::new();
    for itemref in spine
        .into_iter()
        .flat_map(|s| s.children())
        .filter(|n| n.has_tag_name_local("itemref"))
        .filter(|n| n.attribute("linear") != Some("no"))
    {
        match itemref.attribute("idref").and_then(|id| manifest.get(id)) {
            // A chapter the spine names twice is read once.
            Some((t, _, _)) => {
                if seen.insert(t.path.as_str()) {
                    p.spine.push(t.path.clone());
                }
            }
            None => p.unlisted += 1,
        }
    }
    Ok(p)
}

/// The text of `node` and its descendants, white space collapsed to single spaces, without the
/// invisible characters (direction marks, mostly) that books leave at the ends of titles and
/// contents labels: a label is laid out on its own, where a mark at its end does nothing, and
/// it would be kept in every list and search of the outline.
pub fn text_of(node: &Node) -> String {
    let mut out = String::new();
    for t in node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
    {
        for word in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    let edge = |c: char| c.is_whitespace() || crate::chars::is_invisible(c);
    out.trim_matches(edge).to_owned()
}

/// A node's name without its namespace: EPUB files use prefixes freely (`opf:item`, `dc:title`).
pub trait LocalName {
    /// Whether the node is an element named `name` in any namespace.
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <metadata>
    <dc:title>  رحلة   الكتاب </dc:title>
    <dc:creator>مؤلف أول</dc:creator>
    <dc:creator>مؤلف ثان</dc:creator>
    <dc:language>ar</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="c1" href="Text/%D9%81%D8%B5%D9%84.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="Text/two.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="Text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="evil" href="../../etc/passwd" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx" page-progression-direction="rtl">
    <itemref idref="c2"/>
    <itemref idref="c1"/>
    <itemref idref="c2"/>
    <itemref idref="notes" linear="no"/>
    <itemref idref="missing"/>
    <itemref idref="evil"/>
  </spine>
</package>"#;

    #[test]
    fn the_package_gives_metadata_spine_and_tables_of_contents() {
        let p = read("OEBPS/content.opf", OPF).expect("a package");
        assert_eq!(p.title.as_deref(), Some("رحلة الكتاب"));
        assert_eq!(p.authors, ["مؤلف أول", "مؤلف ثان"]);
        assert_eq!(p.language.as_deref(), Some("ar"));
        assert_eq!(p.rtl, Some(true));
        assert_eq!(
            p.spine,
            ["OEBPS/Text/two.xhtml", "OEBPS/Text/فصل.xhtml"],
            "in spine order, each once, without what is not linear"
        );
        assert_eq!(
            p.unlisted, 2,
            "an idref the manifest lacks, and an item pointing outside the book"
        );
        assert_eq!(p.nav.as_deref(), Some("OEBPS/nav.xhtml"));
        assert_eq!(p.ncx.as_deref(), Some("OEBPS/toc.ncx"));
    }

    #[test]
    fn the_container_names_the_package() {
        let c = r#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
        assert_eq!(rootfile(c).expect("a rootfile"), "EPUB/package.opf");
        let none = r#"<container><rootfiles/></container>"#;
        assert!(matches!(rootfile(none), Err(EpubError::NoPackage)));
        let outside =
            r#"<container><rootfiles><rootfile full-path="../x.opf"/></rootfiles></container>"#;
        assert!(matches!(rootfile(outside), Err(EpubError::NoPackage)));
        assert!(matches!(
            rootfile("<container>"),
            Err(EpubError::BadXml { line: 1, .. })
        ));
    }
}
