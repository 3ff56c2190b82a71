//! Bytes to text: byte order marks, UTF-8, a guessed legacy encoding (Windows-1256 and
//! ISO-8859-6 for Arabic), binary sniffing, and the notices a reader should see.

use super::{LoadError, Source};
use encoding_rs::{Encoding, UTF_8};

/// Decodes bytes whose encoding is not known: a byte order mark decides (UTF-8, UTF-16LE/BE);
/// valid UTF-8 stays UTF-8 without a copy; otherwise an HTML page's `<meta>` declaration
/// decides, else the encoding is guessed, leaning to the Arabic ones. (Valid UTF-8 wins over
/// a declaration: legacy Arabic bytes are never valid UTF-8 by chance, so such a page was
/// re-encoded and its declaration left behind.) Never fails: undecodable bytes become U+FFFD with a notice.
pub fn decode(bytes: Vec<u8>, name: &str) -> Source {
    decode_with(bytes, name, None)
}

/// Like [`decode`], with the encoding given by `--encoding` when there is one.
pub(super) fn decode_with(bytes: Vec<u8>, name: &str, forced: Option<&'static Encoding>) -> Source {
    let mut notices = Vec::new();
    let (text, encoding) = match forced {
        Some(enc) => (decode_as(bytes, enc, &mut notices), enc),
        None => detect_and_decode(bytes, &mut notices),
    };
    scan_hostile(&text, &mut notices);
    Source {
        text,
        name: name.to_string(),
        encoding: encoding.name(),
        notices,
        book: None,
    }
}

/// The encoding `--encoding` names (any WHATWG label, case-insensitive: `utf-8`, `utf-16le`,
/// `cp1256`, `iso-8859-6`, `arabic`, …).
pub(super) fn encoding_for_label(label: &str) -> Result<&'static Encoding, LoadError> {
    match Encoding::for_label(label.trim().as_bytes()) {
        // The "replacement" encoding turns a whole file into one U+FFFD: it exists to stop
        // browsers from decoding dangerous encodings, never something a reader asks for.
        Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(enc),
        _ => Err(LoadError::UnknownEncoding(label.to_string())),
    }
}

/// Decodes with the encoding the user chose; its own byte order mark, if present, is dropped.
fn decode_as(bytes: Vec<u8>, enc: &'static Encoding, notices: &mut Vec<String>) -> String {
    if enc == UTF_8 {
        return utf8(bytes, notices);
    }
    let (text, had_errors) = enc.decode_with_bom_removal(&bytes);
    if had_errors {
        notices.push(replaced(enc));
    }
    text.into_owned()
}

/// Finds the encoding and decodes.
fn detect_and_decode(bytes: Vec<u8>, notices: &mut Vec<String>) -> (String, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            return (utf8(bytes, notices), UTF_8);
        }
        let (text, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        if had_errors {
            // UTF-16 with a lone surrogate or an odd last byte.
            notices.push(replaced(enc));
        }
        return (text.into_owned(), enc);
    }
    let bytes = match String::from_utf8(bytes) {
        // The common case: the buffer becomes the text as it is.
        Ok(text) => return (text, UTF_8),
        Err(e) => e.into_bytes(),
    };
    if let Some(enc) = super::charset::declared(&bytes) {
        return (decode_as(bytes, enc, notices), enc);
    }
    let enc = not_utf8(&bytes);
    if enc == UTF_8 {
        return (utf8(bytes, notices), UTF_8);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
    notices.push(guessed(enc));
    if had_errors {
        notices.push(replaced(enc));
    }
    (text.into_owned(), enc)
}

/// The encoding [`decode`] chooses for `bytes`, without decoding them: for deciding from a
/// sample of a file (its first and last lines) how all of it is decoded.
pub(super) fn detect(bytes: &[u8]) -> &'static Encoding {
    match Encoding::for_bom(bytes) {
        Some((enc, _)) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => super::charset::declared(bytes).unwrap_or_else(|| not_utf8(bytes)),
    }
}

/// Decodes `bytes` with `enc`, found by [`detect`] from a sample of the file they are part
/// of, with the notices [`decode`] gives for that encoding.
pub(super) fn decode_detected(bytes: Vec<u8>, name: &str, enc: &'static Encoding) -> Source {
    let mut source = decode_with(bytes, name, Some(enc));
    // UTF-16 is only ever found from a byte order mark, never guessed.
    if enc != UTF_8 && !super::is_utf16(enc) {
        source.notices.insert(0, guessed(enc));
    }
    source
}

/// The encoding of bytes that are not valid UTF-8: UTF-8 still when they are mostly UTF-8,
/// else a guess. Both checks look at the start only: enough to decide, and quick on a large
/// file.
fn not_utf8(bytes: &[u8]) -> &'static Encoding {
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(bytes);
    if mostly_utf8(sample) {
        UTF_8
    } else {
        guess(sample, sample.len() == bytes.len())
    }
}

/// The notice for an encoding qari guessed.
fn guessed(enc: &'static Encoding) -> String {
    format!(
        "decoded as {} (a guess; choose another with --encoding)",
        enc.name()
    )
}

/// UTF-8 text without its byte order mark: the buffer itself when valid (dropping a mark
/// moves the bytes in place, no second buffer), else a lossy copy with a notice.
fn utf8(mut bytes: Vec<u8>, notices: &mut Vec<String>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            notices.push(replaced(UTF_8));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// The notice for bytes replaced by U+FFFD.
fn replaced(enc: &'static Encoding) -> String {
    format!("some bytes were not valid {} and show as �", enc.name())
}

/// How many bytes are looked at to choose an encoding when the text is not valid UTF-8.
const SAMPLE_BYTES: usize = 1 << 20;

/// UTF-8 with a few broken sequences (a file cut in the middle of a letter, a stray byte) is
/// still UTF-8: decoding all of it as a legacy encoding would garble every letter to save a
/// few. Legacy Arabic text rarely forms valid multi-byte sequences by chance (a letter byte
/// 0xC1–0xFE is seldom followed by a byte 0x80–0xBF), so valid ones outnumbering the broken
/// ones many times over tells UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            broken += 1;
        }
    }
    multibyte >= 8 * broken
}

/// Guesses a legacy encoding. chardetng scores every candidate on letter statistics; for
/// short text its generic guess falls back to windows-1252, and only then is it asked again as
/// if the text came from Saudi Arabia (`.sa`), which makes an Arabic encoding win close calls.
/// Asking with that hint from the start would turn Cyrillic, Hebrew or Chinese files into
/// Arabic garble, since windows-1256 maps every byte.
///
/// ISO-8859-6 leaves 0x80–0x9F and most of 0xDB–0xFF unmapped, while real windows-1256 Arabic
/// uses those bytes (ف ق ك ل م ن ه و ي are 0xDD–0xED there), which rules ISO-8859-6 out; and
/// ISO-8859-6 text read as windows-1256 turns into a mix of Arabic and accented Latin letters
/// that chardetng scores low. So each is recognised; both are tested with real Arabic text.
///
/// `whole` tells chardetng that `sample` is all there is.
fn guess(sample: &[u8], whole: bool) -> &'static Encoding {
    // ISO-2022-JP is ASCII with escape sequences: a file full of terminal escapes must not be
    // taken for Japanese.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, whole);
    match detector.guess(None, chardetng::Utf8Detection::Deny) {
        enc if enc == encoding_rs::WINDOWS_1252 => {
            detector.guess(Some(b"sa"), chardetng::Utf8Detection::Deny)
        }
        enc => enc,
    }
}

/// Whether the first bytes of a file look binary rather than text: a NUL byte (text files
/// have none, nearly every binary format has many), or control bytes making up more than a
/// tenth. Controls common in text are not counted: tab, line ends, form feed, and the escape,
/// bell and backspace of coloured logs, terminal recordings and man pages. UTF-16 with a byte
/// order mark is text, NUL bytes and all.
pub(super) fn looks_binary(head: &[u8]) -> bool {
    if matches!(Encoding::for_bom(head), Some((enc, _)) if enc != UTF_8) {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| {
            b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x07 | 0x08 | 0x0B | 0x0C | 0x1B)
        })
        .count();
    controls * 10 > head.len()
}

/// Adds a notice when the text holds characters a hostile file uses: terminal escapes and
/// other control characters (shown as symbols, never obeyed), and explicit bidi embeddings,
/// overrides and isolates, which can make text read differently from what it is ("Trojan
/// Source").
fn scan_hostile(text: &str, notices: &mut Vec<String>) {
    const CHUNK: usize = 64;
    let b = text.as_bytes();
    let (mut controls, mut bidi) = (0usize, 0usize);
    for (n, chunk) in b.chunks(CHUNK).enumerate() {
        // Every character looked for starts with a control byte, 0xC2 or 0xE2. This test of a
        // whole chunk compiles to vector instructions, and Arabic prose has few such bytes (line
        // ends, « », “ ”), so the exact match below runs on a small part of a large file.
        let suspect = chunk.iter().fold(false, |any, &c| {
            any | ((c < 0x20) & (c != b'\n') & (c != b'\t') & (c != b'\r'))
                | (c == 0x7F)
                | (c == 0xC2)
                | (c == 0xE2)
        });
        if !suspect {
            continue;
        }
        // Indices into the whole text: a character may straddle two chunks.
        for i in n * CHUNK..n * CHUNK + chunk.len() {
            match (b.get(i), b.get(i + 1), b.get(i + 2)) {
                (Some(b'\t' | b'\n' | b'\r'), _, _) => {}
                (Some(0x00..=0x1F | 0x7F), _, _) => controls += 1,
                // C1 controls, U+0080–U+009F.
                (Some(0xC2), Some(0x80..=0x9F), _) => controls += 1,
                // U+202A–U+202E and U+2066–U+2069.
                (Some(0xE2), Some(0x80), Some(0xAA..=0xAE))
                | (Some(0xE2), Some(0x81), Some(0xA6..=0xA9)) => bidi += 1,
                _ => {}
            }
        }
    }
    if controls > 0 {
        notices.push(format!(
            "{controls} control characters (such as terminal escapes) are shown as symbols"
        ));
    }
    if bidi > 0 {
        notices.push(format!(
            "{bidi} bidi embedding, override or isolate characters change how text is ordered"
        ));
    }
}
