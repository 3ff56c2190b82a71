//! Links inside a book: an `href` resolved against the file it appears in to the name of an
//! entry of the archive, percent-decoded, with its `#fragment` apart. Nothing resolves outside
//! the archive: `..` above its root, and links to other places (`http:`, `mailto:`), lead
//! nowhere.

use percent_encoding::percent_decode_str;

/// Where a link points: an entry of the archive and, maybe, an element inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The entry's name in the archive (`EPUB/Content/chapter-1.xhtml`).
    pub path: String,
    /// The `id` after `#`, percent-decoded; `None` for the start of the file.
    pub fragment: Option<String>,
}

/// `href`, written in the file named `base`, as a [`Target`] in the archive; `None` for a link
/// to another place (a URL with a scheme) or one that climbs above the archive's root.
pub fn resolve(base: &str, href: &str) -> Option<Target> {
    let href = href.trim();
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if has_scheme(path) {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    // A path from the root stays in the archive: its root is the only root a book has.
    if !path.starts_with('/') {
        parts.extend(
            base.rsplit_once('/')
                .map(|(dir, _)| dir)
                .unwrap_or("")
                .split('/')
                .filter(|p| !p.is_empty())
                .map(str::to_owned),
        );
    }
    if path.is_empty() {
        parts.push(base.rsplit('/').next().unwrap_or(base).to_owned());
    }
    // Decoded first, so an escaped `/` or `..` counts as the real one.
    for part in decode(path).split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p.to_owned()),
        }
    }
    let fragment = fragment.map(decode).filter(|f| !f.is_empty());
    Some(Target {
        path: parts.join("/"),
        fragment,
    })
}

/// A URL's scheme (`http:`, `mailto:`, `data:`): letters, digits, `+`, `-` or `.` before the
/// first `:`, starting with a letter.
fn has_scheme(path: &str) -> bool {
    path.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `s` with its `%XX` escapes decoded (bytes that are not UTF-8 become U+FFFD).
fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(base: &str, href: &str) -> Option<String> {
        resolve(base, href).map(|t| t.path)
    }

    #[test]
    fn relative_links_resolve_from_the_folder_of_their_file() {
        assert_eq!(
            path("EPUB/Navigation/nav.xhtml", "../Content/ch1.xhtml").as_deref(),
            Some("EPUB/Content/ch1.xhtml")
        );
        assert_eq!(
            path("OEBPS/content.opf", "./text/a.xhtml").as_deref(),
            Some("OEBPS/text/a.xhtml")
        );
        assert_eq!(path("content.opf", "a.xhtml").as_deref(), Some("a.xhtml"));
    }

    #[test]
    fn escapes_are_decoded_and_the_fragment_kept_apart() {
        let t = resolve(
            "OEBPS/toc.ncx",
            "Text/%D8%A7%D9%84%D9%81%D8%B5%D9%84%201.xhtml#sec%202",
        )
        .expect("a link inside the book");
        assert_eq!(t.path, "OEBPS/Text/الفصل 1.xhtml");
        assert_eq!(t.fragment.as_deref(), Some("sec 2"));
        let same = resolve("OEBPS/Text/a.xhtml", "#note").expect("a link inside its file");
        assert_eq!(same.path, "OEBPS/Text/a.xhtml");
        assert_eq!(same.fragment.as_deref(), Some("note"));
    }

    #[test]
    fn nothing_resolves_outside_the_archive() {
        assert_eq!(path("OEBPS/content.opf", "../../etc/passwd"), None);
        assert_eq!(path("content.opf", "%2e%2e/secret"), None, "an escaped ..");
        assert_eq!(
            path("OEBPS/content.opf", "/etc/passwd").as_deref(),
            Some("etc/passwd"),
            "a path from the root is a path in the archive"
        );
        assert_eq!(path("a.xhtml", "https://example.com/x.xhtml"), None);
        assert_eq!(path("a.xhtml", "mailto:someone@example.com"), None);
        assert_eq!(path("a/b.xhtml", "..%2F..%2Fx"), None, "an escaped slash");
    }
}
