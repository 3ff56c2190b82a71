//! The direction of a code block read from a format with markup: whether it is mostly
//! right-to-left prose.

/// Whether code `s` is mostly right-to-left prose: more than half of its lines with a strong
/// character start right to left. A program with Arabic comments and strings stays left to
/// right: its lines of code start with a keyword or a name.
pub(crate) fn mostly_rtl(s: &str) -> bool {
    let (mut rtl, mut strong) = (0usize, 0usize);
    for dir in s.lines().filter_map(crate::chars::first_strong_rtl) {
        strong += 1;
        rtl += usize::from(dir);
    }
    2 * rtl > strong
}
