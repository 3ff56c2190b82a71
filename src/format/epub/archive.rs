//! The book's zip archive, read with a budget: every entry is inflated through a reader that
//! stops at the bytes the book may still take, so a zip bomb (an entry inflating to gigabytes,
//! whatever size it declares) costs no more than the budget. Entries are found by name only;
//! nothing is ever written out.

use super::EpubError;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// The fewest inflated bytes a book may take, however small its file: room for a short book of
/// very repetitive text.
const FLOOR: u64 = 64 << 20;

/// The most inflated bytes a book may take, however large its file.
const CEILING: u64 = 512 << 20;

/// How many times its own size the entries of a book may inflate to. Text in a zip shrinks to
/// a quarter or a fifth; pictures and fonts, which qari does not read, not at all.
const RATIO: u64 = 20;

/// The most inflated bytes a book of `len` bytes may take.
fn budget(len: usize) -> u64 {
    (len as u64).saturating_mul(RATIO).clamp(FLOOR, CEILING)
}

/// An open archive and the inflated bytes it may still yield.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Inflated bytes left to read.
    left: u64,
    /// The budget it started with, for the message when it runs out.
    budget: u64,
}

impl<'a> Archive<'a> {
    /// Opens the zip archive held in `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, EpubError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| EpubError::NotZip)?;
        let budget = budget(bytes.len());
        Ok(Archive {
            zip,
            left: budget,
            budget,
        })
    }

    /// The most bytes the entries read from this archive can inflate to: the sizes its
    /// entries declare, within its budget (an entry is never read past its declared size).
    pub fn bound(&self) -> u64 {
        let declared = self.zip.decompressed_size().unwrap_or(u128::MAX);
        u64::try_from(declared).map_or(self.budget, |d| d.min(self.budget))
    }

    /// The inflated bytes of the entry named `name`; `Ok(None)` when there is none, or it
    /// cannot be read (encrypted, damaged, compressed in a way qari does not read, inflating
    /// past the size it declares). `Err` when the book has used up its budget.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, EpubError> {
        let Ok(entry) = self.zip.by_name(name) else {
            return Ok(None);
        };
        let declared = entry.size();
        let limit = declared.min(self.left);
        let mut bytes = Vec::with_capacity(limit.min(1 << 20) as usize);
        let read = entry.take(limit + 1).read_to_end(&mut bytes);
        let len = bytes.len() as u64;
        if len > self.left {
            return Err(EpubError::TooLarge(self.budget));
        }
        self.left -= len;
        Ok(read.ok().filter(|_| len <= declared).map(|_| bytes))
    }

    /// Whether the archive holds an entry named `name`.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::{SimpleFileOptions, ZipWriter};

    /// A zip of `entries`, deflated.
    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default())
                .expect("an entry");
            w.write_all(data).expect("its bytes");
        }
        w.finish().expect("the archive").into_inner()
    }

    #[test]
    fn entries_are_found_by_name() {
        let bytes = zip(&[("a/b.txt", "نص".as_bytes())]);
        let mut a = Archive::open(&bytes).expect("a zip");
        assert!(a.has("a/b.txt"));
        assert_eq!(
            a.read("a/b.txt").expect("within budget").as_deref(),
            Some("نص".as_bytes())
        );
        assert_eq!(a.read("a/c.txt").expect("within budget"), None);
    }

    #[test]
    fn inflating_past_the_budget_stops_there() {
        let big = vec![b'a'; (FLOOR + 1) as usize];
        let bytes = zip(&[("bomb.xhtml", &big)]);
        assert!(bytes.len() < 1 << 20, "a bomb: small packed");
        let mut a = Archive::open(&bytes).expect("a zip");
        assert!(matches!(
            a.read("bomb.xhtml"),
            Err(EpubError::TooLarge(FLOOR))
        ));
    }

    #[test]
    fn an_entry_is_never_read_past_the_size_it_declares() {
        let text = "نص ".repeat(1000);
        let mut bytes = zip(&[("a.xhtml", text.as_bytes()), ("b.xhtml", b"ok")]);
        // The sizes of a.xhtml, as its local and central headers declare them, cut to 10.
        let real = u32::try_from(text.len()).expect("small").to_le_bytes();
        for (sig, at) in [(&b"PK\x03\x04"[..], 22), (&b"PK\x01\x02"[..], 24)] {
            let header = memchr::memmem::find(&bytes, sig).expect("a header");
            let field = header + at..header + at + 4;
            assert_eq!(bytes.get(field.clone()), Some(&real[..]));
            bytes.splice(field, 10u32.to_le_bytes());
        }
        let mut a = Archive::open(&bytes).expect("a zip");
        assert_eq!(a.bound(), 12, "what the entries declare");
        assert_eq!(a.read("a.xhtml").expect("within budget"), None);
        assert_eq!(
            a.read("b.xhtml").expect("within budget").as_deref(),
            Some(&b"ok"[..])
        );
    }

    #[test]
    fn what_is_not_a_zip_is_refused() {
        assert!(matches!(
            Archive::open("نص عادي".as_bytes()),
            Err(EpubError::NotZip)
        ));
    }
}
