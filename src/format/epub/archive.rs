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
        let budget = (bytes.len() as u64)
            .saturating_mul(RATIO)
            .clamp(FLOOR, CEILING);
        Ok(Archive {
            zip,
            left: budget,
            budget,
        })
    }

    /// The inflated bytes of the entry named `name`; `Ok(None)` when there is none, or it
    /// cannot be read (encrypted, damaged, compressed in a way qari does not read).
    /// `Err` when the book has used up its budget.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, EpubError> {
        let Ok(entry) = self.zip.by_name(name) else {
            return Ok(None);
        };
        // The declared size is a hint for the buffer, never trusted beyond the budget.
        let hint = entry.size().min(self.left).min(1 << 20) as usize;
        let mut bytes = Vec::with_capacity(hint);
        let read = entry.take(self.left + 1).read_to_end(&mut bytes);
        if bytes.len() as u64 > self.left {
            return Err(EpubError::TooLarge(self.budget));
        }
        self.left -= bytes.len() as u64;
        Ok(read.ok().map(|_| bytes))
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
    fn what_is_not_a_zip_is_refused() {
        assert!(matches!(
            Archive::open("نص عادي".as_bytes()),
            Err(EpubError::NotZip)
        ));
    }
}
