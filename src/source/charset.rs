//! The encoding an HTML page declares in its first bytes: `<meta charset="…">` or
//! `<meta http-equiv="Content-Type" content="text/html; charset=…">`, found as the HTML
//! standard's prescan finds it (before the page is decoded, so it reads bytes, not text).

use encoding_rs::Encoding;

/// How far into the bytes a declaration is looked for. The standard says 1024; saved pages
/// often carry a longer head of comments and scripts before it.
const PRESCAN: usize = 4096;

/// The encoding the first `<meta>` declaring one names, if any (UTF-16 declared in bytes that
/// are read as ASCII means UTF-8, as for browsers).
pub(super) fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = bytes.get(..PRESCAN.min(bytes.len()))?;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', b.get(at..)?).map(|i| at + i) {
        let rest = b.get(i..)?;
        if rest.starts_with(b"<!--") {
            at = memchr::memmem::find(rest, b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let meta = rest
            .get(..6)
            .is_some_and(|t| t[..5].eq_ignore_ascii_case(b"<meta") && is_space_or_slash(t[5]));
        if !meta {
            at = i + 1;
            continue;
        }
        let (found, end) = meta_charset(b, i + 5);
        if let Some(label) = found
            && let Some(enc) = Encoding::for_label(label.trim_ascii())
            && enc != encoding_rs::REPLACEMENT
        {
            return Some(enc.output_encoding());
        }
        at = end;
    }
    None
}

fn is_space_or_slash(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'/'
}

/// The charset a `<meta>` tag whose attributes start at `from` declares, and where the tag
/// ends.
fn meta_charset(b: &[u8], from: usize) -> (Option<&[u8]>, usize) {
    let (mut charset, mut content, mut pragma) = (None, None, false);
    let mut at = from;
    while let Some((name, value, next)) = attribute(b, at) {
        at = next;
        if name.eq_ignore_ascii_case(b"charset") {
            charset = charset.or(Some(value));
        } else if name.eq_ignore_ascii_case(b"content") {
            content = content.or(Some(value));
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            pragma |= value.trim_ascii().eq_ignore_ascii_case(b"content-type");
        }
    }
    let end = memchr::memchr(b'>', b.get(at..).unwrap_or_default()).map_or(b.len(), |e| at + e);
    let from_content = content.filter(|_| pragma).and_then(content_charset);
    (charset.or(from_content), end)
}

/// The next attribute of a tag from `at`: its name, its value and where it ends; `None` at
/// the tag's end.
fn attribute(b: &[u8], mut at: usize) -> Option<(&[u8], &[u8], usize)> {
    while b.get(at).is_some_and(|&c| is_space_or_slash(c)) {
        at += 1;
    }
    if matches!(b.get(at), None | Some(b'>')) {
        return None;
    }
    let start = at;
    while b
        .get(at)
        .is_some_and(|&c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
    {
        at += 1;
    }
    let name = b.get(start..at)?;
    while b.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    if b.get(at) != Some(&b'=') {
        return Some((name, &[], at));
    }
    at += 1;
    while b.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    let (value, end) = match b.get(at) {
        Some(&q @ (b'"' | b'\'')) => {
            let close = memchr::memchr(q, b.get(at + 1..)?).map_or(b.len(), |e| at + 1 + e);
            (b.get(at + 1..close)?, close + 1)
        }
        _ => {
            let mut end = at;
            while b
                .get(end)
                .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>')
            {
                end += 1;
            }
            (b.get(at..end)?, end)
        }
    };
    Some((name, value, end))
}

/// The charset named in a `content` value (`text/html; charset=windows-1256`).
fn content_charset(content: &[u8]) -> Option<&[u8]> {
    let lower = content.to_ascii_lowercase();
    let i = memchr::memmem::find(&lower, b"charset")?;
    let rest = content.get(i + 7..)?.trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let r = rest.get(1..)?;
            return r.get(..memchr::memchr(q, r)?);
        }
        _ => rest,
    };
    let end = rest
        .iter()
        .position(|&c| c == b';' || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    rest.get(..end).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv_are_read() {
        let name = |s: &str| declared(s.as_bytes()).map(|e| e.name());
        assert_eq!(
            name("<html><head><meta charset=windows-1256>"),
            Some("windows-1256")
        );
        assert_eq!(name("<META CHARSET='ISO-8859-6'/>"), Some("ISO-8859-6"));
        assert_eq!(
            name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"),
            Some("windows-1256")
        );
        assert_eq!(
            name("<meta content='text/html;charset=cp1256' http-equiv='content-type'>"),
            Some("windows-1256")
        );
        assert_eq!(name("<meta charset=utf-16>"), Some("UTF-8"));
    }

    #[test]
    fn what_is_not_a_declaration_is_not_read() {
        let none = |s: &str| declared(s.as_bytes()).is_none();
        assert!(
            none("<meta content='text/html; charset=windows-1256'>"),
            "no http-equiv"
        );
        assert!(none("<!-- <meta charset=windows-1256> --><p>"));
        assert!(none("<metadata charset=windows-1256>"));
        assert!(none("<meta charset=nonsense>"));
        let late = format!("{}<meta charset=windows-1256>", " ".repeat(PRESCAN));
        assert!(none(&late), "past the prescan");
    }
}
