//! EPUB books: the zip archive (read with a budget), `META-INF/container.xml`, the package
//! document's metadata and spine, each chapter's XHTML through the HTML reader (a chapter is
//! all content: nothing is extracted), the chapters joined into one document, and the table of
//! contents (EPUB 3 `nav`, EPUB 2 NCX) as the document's outline.

mod archive;
mod href;
mod join;
mod package;
mod toc;

use crate::document::blocks::Blocks;
use archive::Archive;
use std::fmt;

/// Where every EPUB names its package document.
const CONTAINER: &str = "META-INF/container.xml";

/// Where an EPUB lists what it encrypts.
const ENCRYPTION: &str = "META-INF/encryption.xml";

/// Why a book cannot be read: each a clause that ends "qari: NAME cannot be read: …".
#[derive(Debug)]
pub enum EpubError {
    /// The bytes are not a zip archive.
    NotZip,
    /// A file the book needs is not in the archive.
    Missing(String),
    /// The container names no package document, or one outside the archive.
    NoPackage,
    /// An XML file of the book is not well-formed.
    BadXml {
        /// The file.
        name: String,
        /// The line (1-based) where reading it stopped.
        line: u32,
    },
    /// The spine lists no chapter the book holds.
    NoChapters,
    /// The entries read inflate past the budget (bytes).
    TooLarge(u64),
    /// The chapters are encrypted (DRM).
    Encrypted,
    /// Reading the book would take more memory than is free: the sentence that says so.
    Memory(String),
}

impl fmt::Display for EpubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |s: &str| crate::source::printable(s);
        match self {
            EpubError::NotZip => write!(f, "it is not a zip archive, as an EPUB is"),
            EpubError::Missing(name) => write!(f, "its {} is missing", shown(name)),
            EpubError::NoPackage => write!(f, "its {CONTAINER} names no package document"),
            EpubError::BadXml { name, line } => {
                write!(
                    f,
                    "its {} is not well-formed XML (line {line})",
                    shown(name)
                )
            }
            EpubError::NoChapters => write!(f, "its spine lists no chapter the book holds"),
            EpubError::TooLarge(budget) => write!(
                f,
                "its files inflate to more than {} MiB, more than a book of this size holds",
                budget >> 20
            ),
            EpubError::Encrypted => write!(f, "it is encrypted (DRM), which qari cannot read"),
            EpubError::Memory(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for EpubError {}

/// A book read: its text and blocks (the outline from its table of contents among them), its
/// direction, and what a reader should know about how it was read.
#[derive(Debug)]
pub struct Book {
    /// The chapters' text, joined.
    pub text: String,
    /// The chapters' blocks, the table of contents and the book's metadata.
    pub blocks: Blocks,
    /// Right to left: the spine's page progression, else the book's language; `None` when
    /// neither says (the text's letters decide).
    pub rtl: Option<bool>,
    /// Chapters that could not be read.
    pub notices: Vec<String>,
    /// Every chapter was read ([`read_start`] may stop before the end).
    pub whole: bool,
}

/// Reads the EPUB held in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Book, EpubError> {
    read_part(bytes, usize::MAX)
}

/// Reads the first chapters of the EPUB held in `bytes`, up to the one whose text reaches
/// `at_least` bytes: for the first screen of a large book before the rest is read.
/// [`Book::whole`] says whether that was all of it.
pub fn read_start(bytes: &[u8], at_least: usize) -> Result<Book, EpubError> {
    read_part(bytes, at_least)
}

/// Reads the chapters of the EPUB held in `bytes` until their text reaches `at_least` bytes.
fn read_part(bytes: &[u8], at_least: usize) -> Result<Book, EpubError> {
    let mut zip = Archive::open(bytes)?;
    // The book is held, and its text, which every mode works on in as much again twice over
    // (as for a file of text), is at most what its entries inflate to.
    let held = (bytes.len() as u64).saturating_add(zip.bound().saturating_mul(3));
    if let Some(why) = crate::memory::refusal(held, "reading this book would") {
        return Err(EpubError::Memory(why));
    }
    if zip.has(ENCRYPTION) && encrypted(&text(&need(&mut zip, ENCRYPTION)?)) {
        return Err(EpubError::Encrypted);
    }
    let opf = package::rootfile(&text(&need(&mut zip, CONTAINER)?))?;
    let pkg = package::read(&opf, &text(&need(&mut zip, &opf)?))?;
    let entries = contents(&mut zip, &pkg)?;
    let mut book = join::Joined::default();
    let mut missing = pkg.unlisted;
    let mut whole = true;
    for path in &pkg.spine {
        if book.text_len() >= at_least {
            whole = false;
            break;
        }
        match zip.read(path)? {
            Some(xhtml) => {
                // A chapter's tree of elements takes many times its size while it is read.
                let tree = xhtml.len() as u64 * crate::memory::HTML_PER_BYTE;
                if let Some(why) = crate::memory::refusal(tree, "the elements of its chapters") {
                    return Err(EpubError::Memory(why));
                }
                book.chapter(path, &text(&xhtml), &entries);
            }
            None => missing += 1,
        }
    }
    if book.chapters() == 0 {
        return Err(EpubError::NoChapters);
    }
    let mut notices = Vec::new();
    if missing > 0 {
        notices.push(format!(
            "{missing} chapter{} of the spine could not be read",
            if missing == 1 { "" } else { "s" }
        ));
    }
    let (text, mut blocks) = book.finish(pkg.title.as_deref(), &entries);
    let mut meta = Vec::new();
    meta.extend(pkg.title.iter().map(|t| ("title", t)));
    meta.extend(pkg.authors.iter().map(|a| ("author", a)));
    meta.extend(pkg.language.iter().map(|l| ("language", l)));
    blocks.metadata = meta
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect();
    let rtl = pkg
        .rtl
        .or_else(|| pkg.language.as_deref().map(is_rtl_language));
    Ok(Book {
        text,
        blocks,
        rtl,
        notices,
        whole,
    })
}

/// The entry `name`, which the book cannot do without.
fn need(zip: &mut Archive, name: &str) -> Result<Vec<u8>, EpubError> {
    zip.read(name)?
        .ok_or_else(|| EpubError::Missing(name.to_owned()))
}

/// The table of contents: the navigation document's, else the NCX's (empty when neither has
/// entries).
fn contents(zip: &mut Archive, pkg: &package::Package) -> Result<Vec<toc::Entry>, EpubError> {
    if let Some(nav) = &pkg.nav
        && let Some(bytes) = zip.read(nav)?
    {
        let entries = toc::nav(nav, &text(&bytes));
        if !entries.is_empty() {
            return Ok(entries);
        }
    }
    if let Some(ncx) = &pkg.ncx
        && let Some(bytes) = zip.read(ncx)?
    {
        return Ok(toc::ncx(ncx, &text(&bytes)));
    }
    Ok(Vec::new())
}

/// Whether `encryption.xml` encrypts more than fonts: fonts are only obfuscated (the IDPF and
/// Adobe algorithms), which leaves the text readable; anything else is DRM.
fn encrypted(xml: &str) -> bool {
    const FONTS: [&str; 2] = [
        "http://www.idpf.org/2008/embedding",
        "http://ns.adobe.com/pdf/enc#RC",
    ];
    let Ok(doc) = package::xml(ENCRYPTION, xml) else {
        return true;
    };
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "EncryptionMethod")
        .filter_map(|n| n.attribute("Algorithm"))
        .any(|a| !FONTS.contains(&a))
}

/// The text of an XML or XHTML file: UTF-8, or UTF-16 with a byte order mark; bytes that do not
/// decode become U+FFFD.
fn text(bytes: &[u8]) -> String {
    let (text, _, _) = encoding_rs::UTF_8.decode(bytes);
    text.into_owned()
}

/// Whether a language tag (`ar`, `fa-IR`, `ku-Arab`) names a language written right to left:
/// its script subtag decides when it has one, else its language.
fn is_rtl_language(tag: &str) -> bool {
    const RTL: [&str; 12] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur",
    ];
    const RTL_SCRIPTS: [&str; 5] = ["arab", "hebr", "nkoo", "syrc", "thaa"];
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    match subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => RTL.contains(&primary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_written_right_to_left_are_known() {
        assert!(is_rtl_language("ar"));
        assert!(is_rtl_language("ar-EG"));
        assert!(is_rtl_language("FA"));
        assert!(is_rtl_language("ku-Arab"));
        assert!(!is_rtl_language("en"));
        assert!(!is_rtl_language("ku-Latn"));
    }

    #[test]
    fn fonts_obfuscated_are_not_drm() {
        let fonts = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="Fonts/a.ttf"/></enc:CipherData></enc:EncryptedData></encryption>"#;
        assert!(!encrypted(fonts));
        let drm = fonts.replace(
            "http://www.idpf.org/2008/embedding",
            "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
        );
        assert!(encrypted(&drm));
    }
}
