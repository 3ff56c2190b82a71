//! How much memory qari may still take, so that work which cannot fit is refused in one
//! sentence before it starts: an allocation that fails aborts the process, with no chance to
//! give the terminal back.

/// Bytes of memory entity recognition takes whatever the text: the model, and the tables of
/// the distinct words of a book (some 30 MB for the model, 25 more for a 5 MB book).
const ENTITIES_BASE: u64 = 56 << 20;

/// Bytes of memory entity recognition takes per byte of text beyond [`ENTITIES_BASE`], at
/// most: the first stage's tags, the spans and mentions (under one, as measured on a book, a
/// 20 MB line, 5 million short lines and 50 MB of prose).
const ENTITIES_PER_BYTE: u64 = 2;

/// Bytes of memory the entities of a text of `len` bytes need, the text itself aside.
pub fn entities_need(len: usize) -> u64 {
    ENTITIES_BASE + ENTITIES_PER_BYTE * len as u64
}

/// Bytes of memory reading an HTML page takes per byte of it, at most: its tree of elements
/// and the text written from it. Measured 12 on pages of long paragraphs, 16 on articles of
/// short paragraphs, lists and links, 44 on a page of nothing but small inline elements.
pub const HTML_PER_BYTE: u64 = 48;

/// Bytes this process can still allocate, as far as the system says: the memory the kernel
/// reports available, and the room left under an address-space limit (`ulimit -v`). `None`
/// where neither can be read.
pub fn available() -> Option<u64> {
    let free = field("/proc/meminfo", "MemAvailable:").map(|kib| kib << 10);
    let room = address_limit().map(|limit| {
        let used = field("/proc/self/status", "VmSize:").unwrap_or(0) << 10;
        limit.saturating_sub(used)
    });
    match (free, room) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `None` when `need` bytes fit in what is [`available`]; else the sentence that says why
/// `what` (a plural: "the entities of this text") are not found.
pub fn refusal(need: u64, what: &str) -> Option<String> {
    let free = available()?;
    (need > free).then(|| {
        format!(
            "{what} need about {} MB of memory, and {} MB are free",
            need >> 20,
            free >> 20
        )
    })
}

/// The first number after `key` in the file at `path` (a `/proc` file of `key  value` lines).
fn field(path: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line.get(key.len()..)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The soft address-space limit of this process in bytes, if it has one.
fn address_limit() -> Option<u64> {
    // "unlimited" does not parse: no limit.
    field("/proc/self/limits", "Max address space")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_beyond_what_is_free_is_refused_in_a_sentence() {
        let Some(free) = available() else { return };
        assert_eq!(refusal(1, "a byte"), None);
        let sentence = refusal(free.saturating_mul(2).max(1 << 40), "these")
            .expect("more than is free is refused");
        assert!(sentence.starts_with("these need about "), "{sentence}");
    }
}
