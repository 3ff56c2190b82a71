//! Where the reader stopped in each document: a byte offset kept under the XDG state directory
//! (`$XDG_STATE_HOME/qari/positions.json`), keyed by the document's path and a hash of its text.
//!
//! The hash makes an edited file open at the top instead of at a byte that now means something
//! else; the offset, a byte of the text rather than a row, holds at any terminal width.

use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// How many documents are remembered; the least recently read are forgotten first.
const KEEP: usize = 500;

/// Which document is read: the name it is remembered under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// A file, by its canonical path.
    Path(PathBuf),
    /// Standard input: only its text tells one from another.
    Stdin,
    /// The article qari ships with.
    Embedded,
}

impl Identity {
    /// The name stored for this document.
    fn name(&self) -> String {
        match self {
            Identity::Path(p) => p.to_string_lossy().into_owned(),
            Identity::Stdin => "-".to_owned(),
            Identity::Embedded => "(embedded article)".to_owned(),
        }
    }
}

/// One remembered position.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// The document's name (see [`Identity::name`]).
    path: String,
    /// The hash of its text, in hex.
    hash: String,
    /// The source byte at the top of the screen when the reader left.
    offset: usize,
}

/// The state file's contents: the least recently read first.
#[derive(Serialize, Deserialize, Default, Debug)]
struct Positions {
    positions: Vec<Entry>,
}

/// The positions of one document in the state file.
#[derive(Debug)]
pub struct Resume {
    /// The state file.
    file: PathBuf,
    /// The document.
    who: Identity,
    /// The hash of its text, once known (a large file's when it is read whole).
    hash: Option<String>,
}

/// The hash of a document's text, stable across runs and versions of qari.
fn hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

impl Resume {
    /// The positions of `who` in the user's state directory; `None` when there is no home to
    /// keep them in.
    pub fn for_user(who: Identity) -> Option<Resume> {
        use etcetera::BaseStrategy;
        let dir = etcetera::choose_base_strategy().ok()?.state_dir()?;
        Some(Resume::in_dir(&dir.join("qari"), who))
    }

    /// The positions of `who` kept in `dir`.
    pub fn in_dir(dir: &Path, who: Identity) -> Resume {
        Resume {
            file: dir.join("positions.json"),
            who,
            hash: None,
        }
    }

    /// Learns the document's text; positions saved for another text of the same name do not
    /// apply to it.
    pub fn set_text(&mut self, text: &str) {
        self.hash = Some(hash(text));
    }

    /// The byte the reader was at when they last left this text: `Ok(None)` if never (or the
    /// text has changed since), `Err` with one sentence if the state file cannot be read.
    pub fn stored(&self) -> Result<Option<usize>, String> {
        let Some(hash) = &self.hash else {
            return Ok(None);
        };
        let name = self.who.name();
        Ok(self
            .read()?
            .positions
            .iter()
            .rfind(|e| e.path == name && &e.hash == hash)
            .map(|e| e.offset))
    }

    /// Remembers `offset` as where the reader left this text.
    pub fn save(&self, offset: usize) -> Result<(), String> {
        let Some(hash) = &self.hash else {
            return Ok(());
        };
        // A state file that cannot be read is replaced: it held nothing usable.
        let mut all = self.read().unwrap_or_default();
        let name = self.who.name();
        // A file has one position, whatever its text was; standard input one per text.
        let stdin = self.who == Identity::Stdin;
        all.positions
            .retain(|e| e.path != name || (stdin && &e.hash != hash));
        all.positions.push(Entry {
            path: name,
            hash: hash.clone(),
            offset,
        });
        let extra = all.positions.len().saturating_sub(KEEP);
        all.positions.drain(..extra);
        self.write(&all).map_err(|e| {
            format!(
                "qari: could not remember the position in {}: {e}",
                crate::source::printable(&self.file.to_string_lossy())
            )
        })
    }

    /// The state file's contents; none when it does not exist yet.
    fn read(&self) -> Result<Positions, String> {
        let unreadable = |e: &dyn std::fmt::Display| {
            format!(
                "positions file {} unreadable ({e}); opened at the top",
                crate::source::printable(&self.file.to_string_lossy())
            )
        };
        match std::fs::read(&self.file) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| unreadable(&e)),
            // Nothing remembered yet; a state directory that cannot be made is said on saving.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(Positions::default())
            }
            Err(e) => Err(unreadable(&e)),
        }
    }

    /// Writes the state file whole, through a file beside it renamed over it, so that a reader
    /// stopped halfway or another qari quitting at once never leaves half a file.
    fn write(&self, all: &Positions) -> io::Result<()> {
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = dir.join(format!("positions.json.{}", std::process::id()));
        let json = serde_json::to_vec(all).map_err(io::Error::other)?;
        std::fs::write(&temp, json)?;
        std::fs::rename(&temp, &self.file).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn resume(dir: &Path, who: Identity, text: &str) -> Resume {
        let mut r = Resume::in_dir(dir, who);
        r.set_text(text);
        r
    }

    #[test]
    fn a_position_comes_back_for_the_same_text_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = Identity::Path("/a/book.txt".into());
        assert_eq!(resume(dir.path(), file.clone(), "one").stored(), Ok(None));
        resume(dir.path(), file.clone(), "one").save(42).unwrap();
        assert_eq!(
            resume(dir.path(), file.clone(), "one").stored(),
            Ok(Some(42))
        );
        assert_eq!(resume(dir.path(), file.clone(), "one!").stored(), Ok(None));
        // The edited text's position replaces the old one.
        resume(dir.path(), file.clone(), "one!").save(7).unwrap();
        assert_eq!(resume(dir.path(), file.clone(), "one").stored(), Ok(None));
        let other = Identity::Path("/a/other.txt".into());
        assert_eq!(resume(dir.path(), other, "one!").stored(), Ok(None));
    }

    #[test]
    fn standard_input_is_told_apart_by_its_text() {
        let dir = tempfile::tempdir().unwrap();
        resume(dir.path(), Identity::Stdin, "first")
            .save(3)
            .unwrap();
        resume(dir.path(), Identity::Stdin, "second")
            .save(5)
            .unwrap();
        assert_eq!(
            resume(dir.path(), Identity::Stdin, "first").stored(),
            Ok(Some(3))
        );
        assert_eq!(
            resume(dir.path(), Identity::Stdin, "second").stored(),
            Ok(Some(5))
        );
    }

    #[test]
    fn a_corrupt_state_file_is_one_sentence_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("positions.json"), "{not json").unwrap();
        let r = resume(dir.path(), Identity::Embedded, "text");
        let e = r.stored().unwrap_err();
        assert!(e.contains("unreadable") && !e.contains('\n'), "{e}");
        r.save(9).unwrap();
        assert_eq!(r.stored(), Ok(Some(9)));
    }

    #[test]
    fn only_the_most_recent_documents_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..KEEP + 3 {
            let who = Identity::Path(format!("/f{i}").into());
            resume(dir.path(), who, "t").save(i).unwrap();
        }
        let first = resume(dir.path(), Identity::Path("/f0".into()), "t");
        assert_eq!(first.stored(), Ok(None));
        let last = resume(
            dir.path(),
            Identity::Path(format!("/f{}", KEEP + 2).into()),
            "t",
        );
        assert_eq!(last.stored(), Ok(Some(KEEP + 2)));
    }
}
