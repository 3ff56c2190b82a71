//! Where the text comes from: a file, stdin, or the article qari ships with; decoded to UTF-8.
//!
//! Reading refuses what is not text (binary files, directories) with one plain sentence, and
//! never fails on the text itself: undecodable bytes become U+FFFD and earn a notice. An
//! e-book (an EPUB, a zip archive) is not text either, but is not refused: its bytes are kept
//! for the format reader that opens it. Control
//! characters are kept in the text (the layout shows them as symbols, never sends them to the
//! terminal), so byte offsets stay those of the decoded file.

mod book;
mod charset;
mod decode;

pub use book::is_epub;
pub use decode::decode;

use encoding_rs::Encoding;
use std::fmt;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The article shown when no file is named: an Arabic news article about the NATO–Morocco partnership.
pub const EMBEDDED_ARTICLE: &str = include_str!("../assets/article.txt");

/// The most bytes qari reads. Decoded, they take at most three times as many bytes, which keeps
/// every offset of the text within the `u32` the document and the layout store.
pub const MAX_BYTES: u64 = 1 << 30;

/// How many leading bytes are looked at to tell a binary file from text.
const SNIFF_BYTES: usize = 8 * 1024;

/// How much is read between two reports of how far reading has got: a few milliseconds' worth.
pub const CHUNK: usize = 1 << 20;

/// What to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The embedded article.
    Embedded,
    /// Standard input (`-` or a pipe).
    Stdin,
    /// A file (or a FIFO, read as a stream).
    Path(PathBuf),
}

/// How to read: the command-line switches that concern the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// `--encoding NAME`: decode with this encoding (a WHATWG label such as `windows-1256`)
    /// instead of detecting one.
    pub encoding: Option<String>,
    /// `--force`: open a file that looks binary anyway (implied by `--encoding UTF-16LE/BE`).
    pub force: bool,
    /// Whether the input is an e-book: `None` when its bytes say (an EPUB's first entry),
    /// `Some(true)` whatever they say (`--format epub`), `Some(false)` never (another format
    /// named: an EPUB is then a binary file like any other).
    pub book: Option<bool>,
}

/// Decoded text and what the user should know about how it was read.
#[derive(Clone, Debug)]
pub struct Source {
    /// The decoded text.
    pub text: String,
    /// The name to show: the file name, `stdin`, or the embedded article; control and bidi
    /// characters in it are escaped so the name cannot drive the terminal.
    pub name: String,
    /// The encoding the bytes were decoded from, as shown in the status bar (`UTF-8`,
    /// `UTF-16LE`, `windows-1256`, …).
    pub encoding: &'static str,
    /// Things worth a line in the status bar (replaced bytes, a guessed encoding, an empty file).
    pub notices: Vec<String>,
    /// An e-book's bytes, as read (`text` is empty then): a format reader opens it.
    pub book: Option<Vec<u8>>,
}

/// Why a document could not be opened; each has one plain sentence and an exit code.
#[derive(Debug)]
pub enum LoadError {
    /// The path (or stdin) could not be opened or read.
    Io {
        /// The path, or `stdin`.
        path: PathBuf,
        /// What the system said.
        err: std::io::Error,
    },
    /// The path is a directory.
    Directory(PathBuf),
    /// The first bytes hold NUL bytes or mostly control bytes, and `--force` was not given.
    Binary(PathBuf),
    /// The input is larger than [`MAX_BYTES`].
    TooLarge(PathBuf),
    /// `--encoding` named no encoding qari knows.
    UnknownEncoding(String),
    /// An e-book that cannot be read, and why (a clause: "its META-INF/container.xml is missing").
    Book {
        /// The path, or `stdin`.
        path: PathBuf,
        /// Why.
        why: String,
    },
}

impl LoadError {
    /// The process exit code for this error: 2, like other command-line tools' trouble with
    /// their input or arguments.
    pub fn exit_code(&self) -> i32 {
        2
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, err } => {
                write!(f, "qari: cannot read {}: {}", shown(path), plain_io(err))
            }
            LoadError::Directory(p) => {
                write!(f, "qari: {} is a directory, not a text file", shown(p))
            }
            LoadError::Binary(p) => {
                write!(
                    f,
                    "qari: {} looks like a binary file; use --force to open it anyway",
                    shown(p)
                )
            }
            LoadError::TooLarge(p) => {
                write!(
                    f,
                    "qari: {} is larger than {} MiB, more than qari can hold",
                    shown(p),
                    MAX_BYTES >> 20
                )
            }
            LoadError::UnknownEncoding(name) => {
                write!(
                    f,
                    "qari: unknown encoding {}; try UTF-8, UTF-16LE, windows-1256 or ISO-8859-6",
                    printable(name)
                )
            }
            LoadError::Book { path, why } => {
                write!(f, "qari: {} cannot be read as an EPUB: {why}", shown(path))
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
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(at) => text.get(..at).unwrap_or(&text).to_lowercase(),
                None => text,
            }
        }
    }
}

/// Reads and decodes `input`.
pub fn load(input: &Input, opts: &LoadOptions) -> Result<Source, LoadError> {
    load_reporting(input, opts, &|_| {})
}

/// [`load`], telling `report` how many bytes have been read after each [`CHUNK`] of them, for
/// a reader showing how far a large file is read.
pub fn load_reporting(
    input: &Input,
    opts: &LoadOptions,
    report: &dyn Fn(usize),
) -> Result<Source, LoadError> {
    // The name is checked first, even for the embedded article, so a typo is never silent.
    let (forced, force) = encoding_choice(opts)?;
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
            book: None,
        }),
        Input::Stdin => {
            let path = PathBuf::from("stdin");
            let stdin = std::io::stdin().lock();
            let bytes = read_stream(stdin, 0, &path, (force, opts.book), report)?;
            Ok(text_or_book(
                bytes,
                "stdin",
                forced,
                opts.book,
                "nothing came on stdin",
            ))
        }
        Input::Path(p) => {
            let io = io_error(p);
            // `metadata` follows symlinks and does not open the file, so asking it first never
            // blocks on a FIFO; a FIFO then opens like `cat` opens it, waiting for a writer.
            let meta = std::fs::metadata(p).map_err(io)?;
            if meta.is_dir() {
                return Err(LoadError::Directory(p.clone()));
            }
            if meta.is_file() && meta.len() > MAX_BYTES {
                return Err(LoadError::TooLarge(p.clone()));
            }
            let file = open(p)?;
            let hint = if meta.is_file() {
                meta.len() as usize
            } else {
                0
            };
            let bytes = read_stream(file, hint, p, (force, opts.book), report)?;
            Ok(text_or_book(
                bytes,
                &display_name(p),
                forced,
                opts.book,
                "the file is empty",
            ))
        }
    }
}

/// The bytes read, as an e-book's when they are one (see [`LoadOptions::book`]), else decoded
/// as text (`empty`: the notice for no text at all).
fn text_or_book(
    bytes: Vec<u8>,
    name: &str,
    forced: Option<&'static Encoding>,
    book: Option<bool>,
    empty: &str,
) -> Source {
    if book.unwrap_or_else(|| is_epub(&bytes)) {
        return Source {
            text: String::new(),
            name: name.to_owned(),
            encoding: "UTF-8",
            notices: Vec::new(),
            book: Some(bytes),
        };
    }
    finish(decode::decode_with(bytes, name, forced), empty)
}

/// The encoding `--encoding` names, if any, and whether binary-looking bytes are read anyway.
fn encoding_choice(opts: &LoadOptions) -> Result<(Option<&'static Encoding>, bool), LoadError> {
    let forced = opts
        .encoding
        .as_deref()
        .map(decode::encoding_for_label)
        .transpose()?;
    // UTF-16 without a byte order mark is full of NUL bytes; naming it is reason enough to read on.
    Ok((forced, opts.force || forced.is_some_and(is_utf16)))
}

fn is_utf16(enc: &'static Encoding) -> bool {
    enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE
}

/// The first whole lines of a regular file larger than `max` bytes, so the reader can draw its
/// first screen before the rest is read. Decoded as the file is decoded: with the encoding
/// `--encoding` names, else with one found from these lines and the file's last `max` bytes
/// together, so that a file whose first part is plain ASCII and whose Arabic comes later is
/// not taken for UTF-8 from its start alone ([`load_tail`] then decodes the end with the
/// encoding found here; [`load`] decides again from the whole file, which the reader uses
/// when it arrives). `None` when the input is not such a file, or is UTF-16 (whose line ends
/// are two bytes), or has no line end in its first `max` bytes; `load` then reads it whole,
/// and reports errors.
pub fn load_head(
    input: &Input,
    opts: &LoadOptions,
    max: usize,
) -> Result<Option<Source>, LoadError> {
    let Some(file) = large(input, opts, max)? else {
        return Ok(None);
    };
    let p = file.path;
    let head = open(p)?.take(max as u64);
    let mut bytes = read_stream(head, max, p, (file.force, opts.book), &|_| {})?;
    // A book is opened whole.
    if opts.book.unwrap_or_else(|| is_epub(&bytes)) {
        return Ok(None);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(None);
    }
    let Some(last_end) = bytes.iter().rposition(|&b| b == b'\n') else {
        return Ok(None);
    };
    bytes.truncate(last_end + 1);
    let enc = match file.forced {
        Some(enc) => enc,
        None => {
            let mut sample = bytes.clone();
            sample.extend(last_lines(&file, max)?.unwrap_or_default());
            decode::detect(&sample)
        }
    };
    Ok(Some(decode::decode_detected(bytes, &display_name(p), enc)))
}

/// The bytes of the last whole lines in the last `max` bytes of `file`; `None` when they hold
/// no line end.
fn last_lines(file: &Large<'_>, max: usize) -> Result<Option<Vec<u8>>, LoadError> {
    let io = io_error(file.path);
    let mut f = open(file.path)?;
    f.seek(SeekFrom::Start(file.len - max as u64)).map_err(io)?;
    let mut bytes = Vec::with_capacity(max);
    f.take(max as u64).read_to_end(&mut bytes).map_err(io)?;
    // The window starts inside a line: the tail starts after its first line end.
    let Some(first_end) = memchr::memchr(b'\n', &bytes) else {
        return Ok(None);
    };
    bytes.drain(..=first_end);
    Ok(Some(bytes))
}

/// The last whole lines of a regular file larger than `max` bytes, decoded with the encoding
/// `opts` names (the one [`load_head`] found), so that `G` shows the end of a large file before
/// the rest is read. Its text ends what [`load`] gives for the file when that decides for the
/// same encoding (line ends are the same byte in every encoding read this way). `None` when the input is not such a file, when no encoding
/// is named or it is UTF-16, or when the last `max` bytes hold no line end.
pub fn load_tail(
    input: &Input,
    opts: &LoadOptions,
    max: usize,
) -> Result<Option<Source>, LoadError> {
    let Some(file) = large(input, opts, max)?.filter(|f| f.forced.is_some()) else {
        return Ok(None);
    };
    let (Some(enc), Some(bytes)) = (file.forced, last_lines(&file, max)?) else {
        return Ok(None);
    };
    Ok(Some(decode::decode_with(
        bytes,
        &display_name(file.path),
        Some(enc),
    )))
}

/// An input read in parts: a regular file larger than the part, not named UTF-16 (whose line
/// ends are two bytes).
struct Large<'a> {
    path: &'a Path,
    /// The file's size in bytes.
    len: u64,
    /// The encoding `--encoding` names, if any.
    forced: Option<&'static Encoding>,
    /// Read on past what looks binary.
    force: bool,
}

/// `input` as a [`Large`] file when it is one for parts of `max` bytes.
fn large<'a>(
    input: &'a Input,
    opts: &LoadOptions,
    max: usize,
) -> Result<Option<Large<'a>>, LoadError> {
    let Input::Path(path) = input else {
        return Ok(None);
    };
    let (forced, force) = encoding_choice(opts)?;
    let len = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file() && m.len() > max as u64 && m.len() <= MAX_BYTES)
        .map(|m| m.len());
    Ok(len
        .filter(|_| !forced.is_some_and(is_utf16))
        .map(|len| Large {
            path,
            len,
            forced,
            force,
        }))
}

/// Opens `p` for reading.
fn open(p: &Path) -> Result<File, LoadError> {
    File::open(p).map_err(io_error(p))
}

/// What a failed read of `path` is reported as.
fn io_error(path: &Path) -> impl Fn(std::io::Error) -> LoadError + Copy + '_ {
    |err| LoadError::Io {
        path: path.to_path_buf(),
        err,
    }
}

/// Adds the notice a user needs in front of a blank screen.
fn finish(mut source: Source, empty: &str) -> Source {
    if source.text.is_empty() {
        source.notices.push(empty.to_string());
    } else if source.text.trim().is_empty() {
        source
            .notices
            .push("the text holds only white space".to_string());
    }
    source
}

/// Reads all of `reader` into one buffer of `hint` bytes (the file's size, so a regular file
/// is read without reallocating). The first [`SNIFF_BYTES`] are checked for binary content
/// before the rest is read, so `/dev/zero` or a binary stream is refused without reading on;
/// an e-book is not refused unless `book` says the input is not one. The rest is read a
/// [`CHUNK`] at a time, `report` told the bytes read after each.
fn read_stream(
    reader: impl Read,
    hint: usize,
    path: &Path,
    (force, book): (bool, Option<bool>),
    report: &dyn Fn(usize),
) -> Result<Vec<u8>, LoadError> {
    let io = io_error(path);
    // One byte past the limit tells a file of exactly MAX_BYTES from a larger one.
    let mut reader = reader.take(MAX_BYTES + 1);
    let mut bytes = Vec::with_capacity(hint.saturating_add(1));
    (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let a_book = book.unwrap_or_else(|| is_epub(&bytes));
    if !force && !a_book && decode::looks_binary(&bytes) {
        return Err(LoadError::Binary(path.to_path_buf()));
    }
    while (&mut reader)
        .take(CHUNK as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?
        > 0
    {
        report(bytes.len());
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf()));
    }
    Ok(bytes)
}

/// The file name alone, made printable.
fn display_name(p: &Path) -> String {
    p.file_name()
        .map_or_else(|| shown(p), |n| printable(&n.to_string_lossy()))
}

/// A path as a user reads it in a message, made printable.
fn shown(p: &Path) -> String {
    printable(&p.to_string_lossy())
}

/// `s` with control characters and invisible format characters (bidi controls) escaped (`\u{1b}`): a file name is chosen by
/// whoever made the file, and it must not be able to move the cursor, write the clipboard or
/// turn the rest of an error message around.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || crate::chars::is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}
