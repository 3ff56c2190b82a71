//! Where the lines of a text are, kept in a sparse index: a mark every few lines, the lines
//! between two marks found again by scanning a few kilobytes at most.
//!
//! A range per line would cost eight bytes a line: 400 MB for a 50 MB file of empty lines.
//! Marks cost eight bytes every [`EVERY`] lines, and every line but the last of a stretch
//! starts less than [`SPAN`] bytes after its mark, so finding any line scans little.

use std::ops::Range;

/// Most lines from one mark to the next.
const EVERY: u32 = 32;
/// A line starting this many bytes past the last mark gets a mark of its own.
const SPAN: u32 = 4096;

/// A line a mark points at: its number and the byte it starts at.
#[derive(Clone, Copy, Debug)]
struct Mark {
    line: u32,
    start: u32,
}

/// The sparse index of the lines of one text (the text itself is passed to each query).
#[derive(Clone, Debug, Default)]
pub struct Lines {
    marks: Vec<Mark>,
    count: usize,
    /// Where the last line ends (before a final line terminator, if any).
    last_end: usize,
}

impl Lines {
    /// Indexes the lines of `text`: split at `\n`, `\r\n` and lone `\r`; a final terminator
    /// does not start another line.
    pub fn new(text: &[u8]) -> Lines {
        let mut lines = Lines::default();
        for (i, r) in ranges(text).enumerate() {
            let start = r.start as u32;
            let far = lines
                .marks
                .last()
                .is_none_or(|m| i as u32 - m.line >= EVERY || start - m.start >= SPAN);
            if far {
                lines.marks.push(Mark {
                    line: i as u32,
                    start,
                });
            }
            lines.count = i + 1;
            lines.last_end = r.end;
        }
        lines.marks.shrink_to_fit();
        lines
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when the text has no line at all.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Byte range of line `i` of `text`, without its terminator (`0..0` past the last line).
    pub fn range(&self, text: &[u8], i: usize) -> Range<usize> {
        if i >= self.count {
            return 0..0;
        }
        let k = self.marks.partition_point(|m| m.line as usize <= i) - 1;
        let mark = self.marks[k];
        let mut start = mark.start as usize;
        for _ in mark.line as usize..i {
            start = line_end(text, start).1;
        }
        start..self.end_of(text, k, i, start)
    }

    /// The end of line `i`, which starts at `start` and belongs to the stretch of mark `k`. The
    /// last line of a stretch may be long: its end comes from the next mark, not a scan.
    fn end_of(&self, text: &[u8], k: usize, i: usize, start: usize) -> usize {
        if i + 1 == self.count {
            return self.last_end;
        }
        match self.marks.get(k + 1) {
            Some(next) if next.line as usize == i + 1 => {
                let s = next.start as usize;
                s - terminator_before(text, s)
            }
            _ => line_end(text, start).0,
        }
    }

    /// The line holding byte `offset` of `text` (a line's terminator belongs to it; the last
    /// line for an offset past the end).
    pub fn line_at(&self, text: &[u8], offset: usize) -> usize {
        if self.count == 0 {
            return 0;
        }
        let k = self
            .marks
            .partition_point(|m| m.start as usize <= offset)
            .max(1)
            - 1;
        let mark = self.marks[k];
        let last = self
            .marks
            .get(k + 1)
            .map_or(self.count, |m| m.line as usize)
            - 1;
        let mut start = mark.start as usize;
        for i in mark.line as usize..last {
            let (end, next) = line_end(text, start);
            if end >= offset {
                return i;
            }
            start = next;
        }
        // The stretch's last line, or the next one for an offset in its terminator.
        if self.end_of(text, k, last, start) >= offset {
            last
        } else {
            (last + 1).min(self.count - 1)
        }
    }

    /// The byte ranges of the lines `from..` of `text`, in order: scanning on from one line to
    /// the next, as plain output and the outline read a whole document.
    pub fn iter_from<'a>(
        &self,
        text: &'a [u8],
        from: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let start = self.range(text, from).start;
        let count = self.count.saturating_sub(from);
        ranges_from(text, start).take(count)
    }
}

/// The line ranges of `text`, in order.
fn ranges(text: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    ranges_from(text, 0)
}

/// The line ranges of `text` from the line starting at byte `start`. One search for line ends
/// runs through the text (memchr finds them many bytes at a time): a search started anew for
/// each line would cost more than the line, for the short lines of a long list.
fn ranges_from(text: &[u8], start: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', text.get(start..).unwrap_or_default());
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        for n in ends.by_ref() {
            let e = start + n;
            if e < at {
                continue; // the \n of a \r\n pair
            }
            let crlf = text[e] == b'\r' && text.get(e + 1) == Some(&b'\n');
            let r = at..e;
            at = e + 1 + usize::from(crlf);
            return Some(r);
        }
        let r = at..text.len();
        at = text.len();
        Some(r)
    })
}

/// Where the line starting at `start` ends, and where the next one starts.
fn line_end(text: &[u8], start: usize) -> (usize, usize) {
    let rest = text.get(start..).unwrap_or_default();
    match memchr::memchr2(b'\n', b'\r', rest) {
        Some(n) => {
            let e = start + n;
            let crlf = text[e] == b'\r' && text.get(e + 1) == Some(&b'\n');
            (e, e + 1 + usize::from(crlf))
        }
        None => (text.len(), text.len()),
    }
}

/// Length of the line terminator that ends just before byte `s` (which starts a line).
fn terminator_before(text: &[u8], s: usize) -> usize {
    if s >= 2 && text[s - 2] == b'\r' && text[s - 1] == b'\n' {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain list of line ranges, as the index must report them.
    fn dense(text: &[u8]) -> Vec<Range<usize>> {
        ranges(text).collect()
    }

    proptest! {
        #[test]
        fn the_sparse_index_agrees_with_a_dense_one(
            parts in prop::collection::vec(
                prop_oneof![
                    Just("\n".to_string()), Just("\r\n".to_string()), Just("\r".to_string()),
                    Just("a".to_string()), Just("بب".to_string()), (0usize..6000).prop_map(|n| "x".repeat(n)),
                ],
                0..120)
        ) {
            let text = parts.concat();
            let b = text.as_bytes();
            let lines = Lines::new(b);
            let want = dense(b);
            prop_assert_eq!(lines.len(), want.len());
            for (i, r) in want.iter().enumerate() {
                prop_assert_eq!(&lines.range(b, i), r);
            }
            prop_assert_eq!(lines.iter_from(b, 0).collect::<Vec<_>>(), want.clone());
            let offsets = want.iter().flat_map(|r| [r.start, (r.start + r.end) / 2, r.end, r.end + 1]);
            for o in offsets.chain([b.len() + 1]) {
                let expected = want.partition_point(|r| r.end < o).min(want.len().saturating_sub(1));
                prop_assert_eq!(lines.line_at(b, o), expected, "offset {}", o);
            }
        }
    }

    #[test]
    fn empty_lines_cost_a_mark_every_few_lines() {
        let text = "\n".repeat(100_000);
        let lines = Lines::new(text.as_bytes());
        assert_eq!(lines.len(), 100_000);
        assert!(lines.marks.len() <= 100_000 / EVERY as usize + 1);
        assert_eq!(lines.range(text.as_bytes(), 99_999), 99_999..99_999);
    }
}
