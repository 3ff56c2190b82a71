//! E-books among the inputs: an EPUB is a zip archive whose first entry, `mimetype`, says
//! `application/epub+zip`. Its bytes are kept as they are (a format reader opens the archive),
//! never decoded as text, and never refused as binary.

/// The most bytes the `mimetype` entry may take, inflated; it holds 20.
const MIMETYPE_BYTES: usize = 64;

/// Whether `head`, the first bytes of an input, starts an EPUB: a zip whose first entry is
/// `mimetype` holding `application/epub+zip` (stored, as the standard asks, or deflated, as
/// some books have it).
pub fn is_epub(head: &[u8]) -> bool {
    let u16_at = |i: usize| {
        head.get(i..i + 2)
            .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    };
    if !head.starts_with(b"PK\x03\x04") {
        return false;
    }
    let (method, name_len, extra_len) = (u16_at(8), u16_at(26), u16_at(28));
    if head.get(30..30 + name_len) != Some(b"mimetype".as_slice()) {
        return false;
    }
    let data = head.get(30 + name_len + extra_len..).unwrap_or_default();
    let content = match method {
        0 => data
            .get(..MIMETYPE_BYTES.min(data.len()))
            .map(<[u8]>::to_vec),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MIMETYPE_BYTES).ok(),
        _ => None,
    };
    content.is_some_and(|c| c.starts_with(b"application/epub+zip"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of a zip whose first entry is `name`, holding `data` (stored) and then more.
    fn stored(name: &str, data: &[u8]) -> Vec<u8> {
        let mut z = b"PK\x03\x04".to_vec();
        z.extend([20, 0, 0, 0, 0, 0]); // version, flags, method: stored
        z.extend([0; 16]); // time, date, crc, sizes
        z.extend((name.len() as u16).to_le_bytes());
        z.extend(0u16.to_le_bytes());
        z.extend(name.as_bytes());
        z.extend(data);
        z.extend(b"PK\x03\x04 and the next entry");
        z
    }

    #[test]
    fn an_epub_is_known_by_its_mimetype_entry() {
        assert!(is_epub(&stored("mimetype", b"application/epub+zip")));
        assert!(!is_epub(&stored(
            "mimetype",
            b"application/vnd.oasis.opendocument.text"
        )));
        assert!(!is_epub(&stored("content.xml", b"application/epub+zip")));
        assert!(!is_epub(b"PK\x03\x04"), "cut short");
        assert!(!is_epub("نص عادي".as_bytes()));
    }

    #[test]
    fn a_deflated_mimetype_is_read_too() {
        let packed = miniz_oxide::deflate::compress_to_vec(b"application/epub+zip", 6);
        let mut z = stored("mimetype", &packed);
        z[8] = 8; // method: deflated
        assert!(is_epub(&z));
    }
}
