//! Hard-wrapped plain text (lines broken at a fixed width, paragraphs between blank lines, as in
//! e-text archives and mail): found from the lengths of its lines and joined into paragraphs, so
//! each paragraph is laid out, and takes its direction, as one.

/// Lines looked at to decide: a long file is decided by its start.
const SAMPLE_LINES: usize = 2000;

/// Whether `text` is hard-wrapped: most of its paragraphs run over several lines, and the lines
/// that a paragraph goes on after (not its last) are about one length, at most 100 characters.
/// A file of one paragraph a line (the embedded article) has few such lines and is not.
pub fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(SAMPLE_LINES).map(str::trim_end).collect();
    let non_empty = lines.iter().filter(|l| !l.trim().is_empty()).count();
    // Lines followed by another line of the same paragraph: where the wrapping broke them.
    let mut inner: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].trim().is_empty() && !w[1].trim().is_empty())
        .map(|w| w[0].chars().count())
        .collect();
    if inner.len() < 8 || 5 * inner.len() < 2 * non_empty {
        return false;
    }
    inner.sort_unstable();
    let width = inner[inner.len() * 9 / 10];
    if !(30..=100).contains(&width) {
        return false;
    }
    let near = inner
        .iter()
        .filter(|&&n| 10 * n >= 6 * width && n <= width + 2)
        .count();
    4 * near >= 3 * inner.len()
}

/// `text` with the lines of each paragraph joined by one space (each line trimmed); blank lines
/// are kept as they are, one paragraph a line in between.
pub fn join(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_para = false;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            if in_para {
                out.push('\n');
            }
            out.push('\n');
            in_para = false;
        } else {
            if in_para {
                out.push(' ');
            }
            out.push_str(t);
            in_para = true;
        }
    }
    if in_para {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_the_lines_of_a_paragraph() {
        assert_eq!(join("أ ب\nج د\n\nه و\n"), "أ ب ج د\n\nه و\n");
        assert_eq!(join("a\n\n\nb"), "a\n\n\nb\n");
    }

    #[test]
    fn one_paragraph_a_line_is_not_wrapped() {
        assert!(!is_hard_wrapped(crate::source::EMBEDDED_ARTICLE));
        let short = "سطر\n".repeat(50);
        assert!(
            !is_hard_wrapped(&short),
            "short lines are a list, not a wrapped text"
        );
    }
}
