//! The layering of `src/`, read from the code itself: every path a module names (in `use`
//! items, expressions, types and macro bodies alike) is resolved to the top-level module it
//! reaches and checked against the rules below, so the layering stays true without anyone
//! remembering it. Files are cut into Rust tokens first, so comments and strings that mention a
//! module are not mistaken for imports.
//!
//! The tokeniser is a few lines here rather than `proc-macro2` or `syn`: as a test dependency
//! either would change the features of the copies the derive macros use and rebuild half the
//! dependency tree of every test build.

use std::path::{Path, PathBuf};

/// One rule of the layering: which modules it binds and what they may not name.
struct Rule {
    /// The rule as a reader of a failure should see it.
    name: &'static str,
    /// Why the rule exists.
    why: &'static str,
    /// Whether the rule binds a module, given its top-level module.
    binds: fn(&str) -> bool,
    /// Whether naming this top-level module (or external crate) breaks the rule.
    forbids: fn(&str) -> bool,
}

/// The pure-logic side of the pipeline: it speaks in source byte offsets and draws nothing.
const ANALYSIS: &[&str] = &[
    "chars", "source", "document", "arabic", "search", "entities", "layout",
];
/// The modules of the crate that deal with the screen, the terminal or the command line.
const FRONT: &[&str] = &[
    "ui", "app", "term", "terminal", "keymap", "plain", "run", "cli", "main",
];

const RULES: &[Rule] = &[
    Rule {
        name: "character facts are a leaf",
        why: "`chars` is what every layer asks about a character; importing any of them would \
              make them depend on each other through it",
        binds: |m| m == "chars",
        forbids: |m| m != "chars" && (ANALYSIS.contains(&m) || FRONT.contains(&m)),
    },
    Rule {
        name: "only layout, the screen side and the entry points know visual order",
        why: "everything else speaks in source byte offsets (DESIGN.md, the one rule): only \
              `layout`, `ui`, `app`, `plain` and the entry points (`main`, `run`, `term`) may use it",
        binds: |m| {
            !matches!(
                m,
                "layout" | "ui" | "app" | "plain" | "main" | "run" | "term"
            )
        },
        forbids: |m| m == "layout",
    },
    Rule {
        name: "analysis knows no terminal",
        why: "source, document, search, entities, layout and the character facts are pure logic \
              over text, testable and reusable without a screen",
        binds: |m| ANALYSIS.contains(&m),
        forbids: |m| FRONT.contains(&m) || matches!(m, "ratatui" | "crossterm"),
    },
];

/// A path that breaks a rule.
#[derive(Debug, PartialEq)]
struct Breach {
    /// The file, `src/…`.
    file: String,
    /// The path as written (`use` groups expanded).
    path: String,
    /// The rule's name.
    rule: &'static str,
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = RULES
            .iter()
            .find(|r| r.name == self.rule)
            .map_or("", |r| r.why);
        write!(
            f,
            "{}: `{}` breaks the rule \"{}\": {}",
            self.file, self.path, self.rule, why
        )
    }
}

/// A token of Rust source, as far as paths are concerned.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Open,
    Close,
    Punct(char),
}

/// The tokens of `text`, without comments, literals and lifetimes.
fn tokens(text: &str) -> Vec<Tok> {
    let cs: Vec<char> = text.chars().collect();
    let at = |k: usize| cs.get(k).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '/' && at(i + 1) == '/' {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                match (at(i), at(i + 1)) {
                    ('/', '*') => (depth, i) = (depth + 1, i + 2),
                    ('*', '/') => (depth, i) = (depth - 1, i + 2),
                    ('\0', _) => break,
                    _ => i += 1,
                }
                if depth == 0 {
                    break;
                }
            }
        } else if c == '"' {
            i += 1;
            while i < cs.len() && cs[i] != '"' {
                i += if cs[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{64E}') or a lifetime ('a, 'static).
            if at(i + 1) == '\\' {
                i += 2;
                while i < cs.len() && cs[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = cs[start..i].iter().collect();
            let hashes = (i..).take_while(|&k| at(k) == '#').count();
            if matches!(word.as_str(), "r" | "br" | "cr") && at(i + hashes) == '"' {
                // A raw string: up to a quote followed by as many hashes.
                i += hashes + 1;
                while i < cs.len() && !(cs[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                    i += 1;
                }
                i += hashes + 1;
            } else if !(matches!(word.as_str(), "b" | "c") && matches!(at(i), '"' | '\'')) {
                out.push(Tok::Ident(word));
            }
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_numeric() {
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
        } else {
            out.push(match c {
                '(' | '[' | '{' => Tok::Open,
                ')' | ']' | '}' => Tok::Close,
                _ => Tok::Punct(c),
            });
            i += 1;
        }
    }
    out
}

/// Where the group opened at `tts[open]` closes (the index of its `Close`), or the end.
fn close_of(tts: &[Tok], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in tts.iter().enumerate().skip(open) {
        match t {
            Tok::Open => depth += 1,
            Tok::Close => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    tts.len()
}

/// Walks the tokens of one file, keeping the module it is in (inline `mod` blocks included).
struct Walker<'a> {
    file: &'a str,
    module: Vec<String>,
    breaches: Vec<Breach>,
}

impl Walker<'_> {
    /// Walks tokens: inline modules, `use` items, and paths wherever they are written.
    fn walk(&mut self, tts: &[Tok]) {
        let colons = |k: usize| {
            tts.get(k) == Some(&Tok::Punct(':')) && tts.get(k + 1) == Some(&Tok::Punct(':'))
        };
        let mut i = 0;
        while i < tts.len() {
            match &tts[i] {
                Tok::Ident(kw) if kw == "mod" && tts.get(i + 2) == Some(&Tok::Open) => {
                    let Some(Tok::Ident(name)) = tts.get(i + 1) else {
                        i += 1;
                        continue;
                    };
                    let end = close_of(tts, i + 2);
                    self.module.push(name.clone());
                    self.walk(&tts[i + 3..end]);
                    self.module.pop();
                    i = end + 1;
                }
                Tok::Ident(kw) if kw == "use" => {
                    let end = tts[i..]
                        .iter()
                        .position(|t| *t == Tok::Punct(';'))
                        .map_or(tts.len(), |k| i + k);
                    self.use_tree(&tts[i + 1..end], &[]);
                    i = end + 1;
                }
                Tok::Ident(_) => {
                    // A path `a::b::c`; it stops before a turbofish or a group.
                    let (mut path, mut j) = (Vec::new(), i);
                    while let Some(Tok::Ident(id)) = tts.get(j) {
                        path.push(id.clone());
                        if !colons(j + 1) {
                            j += 1;
                            break;
                        }
                        j += 3;
                    }
                    if path.len() > 1 {
                        self.check(&path);
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
    }

    /// Every path of a `use` tree after `prefix` (groups, renames and globs expanded).
    fn use_tree(&mut self, tts: &[Tok], prefix: &[String]) {
        let mut path = prefix.to_vec();
        let mut k = 0;
        while k < tts.len() {
            match &tts[k] {
                Tok::Ident(id) if id == "as" => break,
                Tok::Ident(id) => path.push(id.clone()),
                Tok::Open => {
                    let end = close_of(tts, k);
                    let inner = &tts[k + 1..end];
                    let mut start = 0;
                    let mut depth = 0usize;
                    for (n, t) in inner.iter().enumerate() {
                        match t {
                            Tok::Open => depth += 1,
                            Tok::Close => depth -= 1,
                            Tok::Punct(',') if depth == 0 => {
                                self.use_tree(&inner[start..n], &path);
                                start = n + 1;
                            }
                            _ => {}
                        }
                    }
                    self.use_tree(&inner[start..], &path);
                    return;
                }
                _ => {}
            }
            k += 1;
        }
        if path.len() > 1 {
            self.check(&path);
        }
    }

    /// Checks one path against every rule.
    fn check(&mut self, segments: &[String]) {
        let (Some(target), Some(own)) = (self.resolve(segments), self.module.first()) else {
            return;
        };
        if target == *own {
            return;
        }
        for rule in RULES {
            if (rule.binds)(own) && (rule.forbids)(&target) {
                self.breaches.push(Breach {
                    file: self.file.to_string(),
                    path: segments.join("::"),
                    rule: rule.name,
                });
            }
        }
    }

    /// The top-level module of the crate, or the external crate, that `segments` starts in.
    fn resolve(&self, segments: &[String]) -> Option<String> {
        let (first, rest) = segments.split_first()?;
        let mut module = match first.as_str() {
            "crate" | "qari" => Vec::new(),
            "self" => self.module.clone(),
            "super" => self.module[..self.module.len().saturating_sub(1)].to_vec(),
            _ if self.module.is_empty() => return Some(first.clone()),
            // Not anchored: a name in scope here (a child module, or an item whose `use` is
            // checked on its own) or an external crate.
            _ if ANALYSIS.contains(&first.as_str()) || FRONT.contains(&first.as_str()) => {
                return self.module.first().cloned();
            }
            _ => return Some(first.clone()),
        };
        let mut rest = rest.iter();
        let mut next = rest.next()?;
        while next == "super" {
            module.pop();
            next = rest.next()?;
        }
        if module.is_empty() {
            module.push(next.clone());
        }
        module.first().cloned()
    }
}

/// The module path of a file under `src/`: `src/layout/wrap.rs` is `layout::wrap`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "lib") {
        parts.clear();
    }
    parts
}

/// The breaches of the file `rel` (relative to `src/`), whose text is `text`.
fn breaches_of(rel: &Path, text: &str) -> Vec<Breach> {
    let shown = format!("src/{}", rel.display());
    let mut walker = Walker {
        file: &shown,
        module: module_of(rel),
        breaches: Vec::new(),
    };
    walker.walk(&tokens(text));
    walker.breaches
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn src_keeps_its_layering() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "src/ holds the crate: {}", files.len());
    let mut breaches = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("source file");
        let rel = path.strip_prefix(&src).expect("under src/");
        breaches.extend(breaches_of(rel, &text));
    }
    let report: Vec<String> = breaches.iter().map(ToString::to_string).collect();
    assert!(report.is_empty(), "\n{}\n", report.join("\n"));
}

#[test]
fn each_rule_catches_its_imports_however_written() {
    let cases = [
        // (file, text, the rule it must name)
        (
            "search.rs",
            "use crate::layout::Cell;",
            "only layout, the screen side and the entry points know visual order",
        ),
        (
            "arabic/shape.rs",
            "use crate::{chars::props, layout::{cell::Glyph, graphemes::Item}};",
            "only layout, the screen side and the entry points know visual order",
        ),
        (
            "document.rs",
            "fn f() { let t = crate::layout::props::table(); }",
            "only layout, the screen side and the entry points know visual order",
        ),
        (
            "source/decode.rs",
            "#[cfg(test)] mod tests { use super::super::super::layout::Glyph; }",
            "only layout, the screen side and the entry points know visual order",
        ),
        (
            "entities.rs",
            "fn f() { assert!(crate::layout::props::lookup('a').is_some()); }",
            "only layout, the screen side and the entry points know visual order",
        ),
        (
            "chars/props.rs",
            "use crate::arabic::normalize::is_ignorable_mark;",
            "character facts are a leaf",
        ),
        (
            "chars.rs",
            "use super::layout::graphemes::Item;",
            "character facts are a leaf",
        ),
        (
            "layout/wrap.rs",
            "use ratatui::layout::Rect;",
            "analysis knows no terminal",
        ),
        (
            "search.rs",
            "use crate::app::App;",
            "analysis knows no terminal",
        ),
    ];
    for (file, text, rule) in cases {
        let found = breaches_of(Path::new(file), text);
        assert!(
            found.iter().any(|b| b.rule == rule),
            "{file}: {text} should break \"{rule}\"; found {found:?}"
        );
        let shown = found[0].to_string();
        assert!(
            shown.contains(&format!("src/{file}: `")) && shown.contains("breaks the rule"),
            "{shown}"
        );
    }
    // What the rules allow: the screen side using layout, layout using the character facts,
    // a module naming its own children, and an external crate with a clashing module name.
    for (file, text) in [
        (
            "ui/pane.rs",
            "use crate::layout::{Cell, Glyph}; use ratatui::layout::Rect;",
        ),
        (
            "layout/graphemes.rs",
            "use crate::chars::props::{self, Kind};",
        ),
        ("layout.rs", "fn f() { shape::shape(); bidi::mirror(); }"),
        (
            "run.rs",
            "fn f() { crate::layout::LayoutOptions::default(); }",
        ),
        (
            "search.rs",
            "use crate::arabic::{Fold, Normalized}; use crate::chars::is_invisible;",
        ),
    ] {
        assert_eq!(breaches_of(Path::new(file), text), [], "{file}: {text}");
    }
}
