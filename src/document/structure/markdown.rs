//! The few Markdown constructs that carry structure: `#` headings, setext underlines,
//! thematic breaks, block quotes and code fences (inside which nothing is structure).

/// What a Markdown line is, as far as the outline cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MdLine<'a> {
    /// A heading of `depth` (1 for `#` or `===`, 2 for `##` or `---`, …) and its text.
    Heading { depth: u8, text: &'a str },
    /// A setext underline or a thematic break (`---`, `***`, `___`).
    Rule,
    /// A `>` block quote line.
    Quote,
    /// Inside a code fence, or the fence itself: never structure.
    Code,
    /// Anything else: read like plain text.
    Text,
}

/// Classifies every line of a Markdown document; `lines` are trimmed of their line ends.
pub(super) fn classify<'a>(lines: &[&'a str]) -> Vec<MdLine<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence: Option<char> = None;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let opens = ['`', '~']
            .into_iter()
            .find(|&f| t.starts_with(&*f.to_string().repeat(3)));
        let kind = match (fence, opens) {
            (Some(f), Some(o)) if f == o => {
                fence = None;
                MdLine::Code
            }
            (Some(_), _) => MdLine::Code,
            (None, Some(o)) => {
                fence = Some(o);
                MdLine::Code
            }
            (None, None) => classify_line(t, lines.get(i + 1).map(|n| n.trim()), out.last()),
        };
        out.push(kind);
    }
    out
}

/// One line outside code fences, knowing the next line (for setext) and the previous kind.
fn classify_line<'a>(t: &'a str, next: Option<&str>, prev: Option<&MdLine>) -> MdLine<'a> {
    if let Some(h) = atx(t) {
        return h;
    }
    if t.starts_with('>') {
        return MdLine::Quote;
    }
    // An underline right under a text line makes that line a heading; it is a rule itself.
    let underlined_before = matches!(prev, Some(MdLine::Heading { .. }));
    if is_rule(t) || (underlined_before && setext(t).is_some()) {
        return MdLine::Rule;
    }
    match next.and_then(setext) {
        Some(depth) if !t.is_empty() => MdLine::Heading { depth, text: t },
        _ => MdLine::Text,
    }
}

/// An ATX heading: one to six `#`, a space, the text, optional closing `#`s.
fn atx(t: &str) -> Option<MdLine<'_>> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let rest = t.get(hashes..)?;
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    Some(MdLine::Heading {
        depth: hashes as u8,
        text,
    })
}

/// The depth a setext underline gives the line above it: `===` 1, `---` 2.
fn setext(t: &str) -> Option<u8> {
    let first = t.chars().next()?;
    let depth = match first {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    (t.chars().count() >= 2 && t.chars().all(|c| c == first)).then_some(depth)
}

/// A thematic break: three or more of the same `-`, `*` or `_`, spaces allowed between.
fn is_rule(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

/// Whether a document is Markdown: its name says so, or its lines carry Markdown headings.
/// Whether the file name `name` says Markdown (`.md`, `.markdown`, `.mdx`, `.mdown`, `.mkd`).
pub(super) fn has_markdown_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".md", ".markdown", ".mdx", ".mdown", ".mkd"]
        .iter()
        .any(|e| lower.ends_with(e))
}

pub(super) fn looks_like_markdown(name: &str, text: &str) -> bool {
    if has_markdown_name(name) {
        return true;
    }
    // Sniff the start only: a long article is decided by its first lines. A `#` glued to a
    // word is a hashtag, not a heading, so ATX headings need the space and some text.
    let lines: Vec<&str> = text.lines().take(200).map(str::trim).collect();
    let atx_heading =
        |l: &&str| matches!(atx(l), Some(MdLine::Heading { text, .. }) if !text.is_empty());
    let setext_title = |w: &[&str]| !w[0].is_empty() && !is_rule(w[0]) && setext(w[1]) == Some(1);
    lines.iter().any(atx_heading) || lines.windows(2).any(setext_title)
}
