//! Where the text comes from: a file, stdin, or the article qari ships with; decoded to UTF-8.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The article shown when no file is named: an Arabic news article about the NATO–Morocco partnership.
pub const EMBEDDED_ARTICLE: &str = include_str!("../assets/article.txt");

/// What to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The embedded article.
    Embedded,
    /// Standard input (`-` or a pipe).
    Stdin,
    /// A file.
    Path(PathBuf),
}

/// Decoded text and what the user should know about how it was read.
#[derive(Clone, Debug)]
pub struct Source {
    /// The decoded text.
    pub text: String,
    /// The name to show: the file name, `stdin`, or the embedded article.
    pub name: String,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Things worth a line in the status bar (replaced bytes, a guessed encoding).
    pub notices: Vec<String>,
}

/// Why a document could not be opened; each has one plain sentence and an exit code.
#[derive(Debug)]
pub enum LoadError {
    /// The path could not be read.
    Io { path: PathBuf, err: std::io::Error },
    /// The path is a directory.
    Directory(PathBuf),
}

impl LoadError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        2
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, err } => {
                write!(f, "qari: cannot read {}: {}", path.display(), plain_io(err))
            }
            LoadError::Directory(p) => {
                write!(f, "qari: {} is a directory, not a text file", p.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The io error as a short phrase, without the "(os error N)" tail.
fn plain_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

/// Reads and decodes `input`.
pub fn load(input: &Input) -> Result<Source, LoadError> {
    match input {
        Input::Embedded => Ok(Source {
            text: EMBEDDED_ARTICLE.to_string(),
            name: EMBEDDED_ARTICLE
                .lines()
                .next()
                .unwrap_or("qari")
                .trim()
                .to_string(),
            encoding: "UTF-8",
            notices: Vec::new(),
        }),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| LoadError::Io {
                    path: PathBuf::from("stdin"),
                    err,
                })?;
            Ok(decode(bytes, "stdin"))
        }
        Input::Path(p) => {
            if p.is_dir() {
                return Err(LoadError::Directory(p.clone()));
            }
            let bytes = std::fs::read(p).map_err(|err| LoadError::Io {
                path: p.clone(),
                err,
            })?;
            Ok(decode(bytes, &display_name(p)))
        }
    }
}

fn display_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Decodes bytes as UTF-8 (a BOM is dropped); invalid bytes become U+FFFD with a notice.
pub fn decode(bytes: Vec<u8>, name: &str) -> Source {
    let (text, _, had_errors) = encoding_rs::UTF_8.decode(&bytes);
    let mut notices = Vec::new();
    if had_errors {
        notices.push("some bytes were not valid UTF-8 and show as �".to_string());
    }
    Source {
        text: text.into_owned(),
        name: name.to_string(),
        encoding: "UTF-8",
        notices,
    }
}
