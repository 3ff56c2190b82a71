//! qari's plain layout checked row by row against ICU's bidi (an independent UAX #9
//! implementation), through a small C program built against libicu at test time.
#![allow(clippy::unwrap_used)]

use qari::document::Document;
use qari::layout::{LayoutOptions, layout_paragraph};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The ICU oracle, built once for all tests of this file.
fn oracle() -> Result<PathBuf, String> {
    static ORACLE: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
    ORACLE.get_or_init(build_oracle).clone()
}

/// Builds the ICU oracle, or says why it cannot (no compiler, no libicu-dev).
fn build_oracle() -> Result<PathBuf, String> {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("icu-oracle");
    let flags = Command::new("pkg-config")
        .args(["--cflags", "--libs", "icu-uc"])
        .output()
        .map_err(|e| e.to_string())?;
    if !flags.status.success() {
        return Err("pkg-config does not know icu-uc (install libicu-dev)".into());
    }
    let flags = String::from_utf8(flags.stdout).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/icu/oracle.c");
    let st = Command::new("cc")
        .arg(src)
        .arg("-O1")
        .arg("-o")
        .arg(&out)
        .args(flags.split_whitespace())
        .status();
    match st {
        Ok(s) if s.success() => Ok(out),
        other => Err(format!("cannot build the ICU oracle: {other:?}")),
    }
}

/// Text as the comparison sees it: invisible format characters dropped (both sides may keep
/// or drop them), emoji skin-tone modifiers dropped (ICU reverses code points, so it puts the
/// modifier before its emoji; qari keeps the cluster whole, as terminals need), whitespace runs
/// unified (tab expansion is the layout's business), ends trimmed.
fn canon(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|&c| !qari::chars::is_invisible(c) && !('\u{1F3FB}'..='\u{1F3FF}').contains(&c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    kept.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn utf16_offset(s: &str, byte: usize) -> usize {
    s.get(..byte).unwrap().encode_utf16().count()
}

/// Lays out every line of `text` at `width` and compares each row with ICU's visual order of
/// the same logical range. Returns the mismatches.
fn mismatches(oracle: &PathBuf, text: &str, width: u16) -> Vec<String> {
    let doc = Document::new(text.to_string(), "t");
    let opts = LayoutOptions {
        default_rtl: true,
        ..LayoutOptions::default()
    };
    let mut input = String::new();
    let mut ours = Vec::new();
    for i in 0..doc.len() {
        let range = doc.line(i);
        let para = doc.line_text(i);
        if para.is_empty() {
            continue;
        }
        input.push_str(&format!("P\t{para}\n"));
        for row in layout_paragraph(&doc.text, range.clone(), width, &opts) {
            let (s, e) = (
                row.start as usize - range.start,
                row.end as usize - range.start,
            );
            input.push_str(&format!(
                "R\t{}\t{}\n",
                utf16_offset(para, s),
                utf16_offset(para, e)
            ));
            ours.push((i + 1, row.text(&doc.text)));
        }
    }
    let mut child = Command::new(oracle)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "oracle failed");
    let theirs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(theirs.len(), ours.len(), "one oracle row per qari row");
    ours.iter()
        .zip(&theirs)
        .filter(|((_, a), b)| canon(a) != canon(b))
        .map(|((line, a), b)| format!("line {line}: qari |{a}| ICU |{b}|"))
        .collect()
}

fn check(text: &str, widths: &[u16]) {
    let oracle = match oracle() {
        Ok(o) => o,
        // CI installs libicu-dev, so there this must not pass silently.
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping the ICU comparison: {why}");
            return;
        }
        Err(why) => panic!("{why}"),
    };
    for &w in widths {
        let bad = mismatches(&oracle, text, w);
        assert!(
            bad.is_empty(),
            "width {w}: {} rows differ from ICU:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}

#[test]
fn article_rows_match_icu_at_40_60_80() {
    check(qari::source::EMBEDDED_ARTICLE, &[40, 60, 80]);
}

#[test]
fn rows_match_icu_at_every_measure_the_reader_steps_through() {
    let steps = qari::app::Measure::STEPS;
    check(qari::source::EMBEDDED_ARTICLE, &steps);
    check(include_str!("fixtures/mixed.txt"), &steps);
}

#[test]
fn mixed_script_rows_match_icu() {
    check(
        include_str!("fixtures/mixed.txt"),
        &[20, 33, 40, 60, 80, 120],
    );
}

#[test]
fn paragraphs_joined_from_hard_wrapped_lines_match_icu() {
    let joined = qari::format::wrapped::join(include_str!("fixtures/hard_wrapped.txt"));
    check(&joined, &[20, 40, 60, 80]);
}

#[test]
fn markdown_table_rows_of_isolated_cells_match_icu() {
    let (text, _) = qari::format::markdown::read(include_str!("markdown/table.md"));
    check(&text, &[12, 20, 40, 80]);
}

#[test]
fn markdown_table_cells_match_icu_in_narrow_columns() {
    let (text, blocks) = qari::format::markdown::read(include_str!("markdown/table.md"));
    let cells: Vec<&str> = blocks
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            qari::document::blocks::BlockKind::TableRow { cells, .. } => Some(cells),
            _ => None,
        })
        .flatten()
        .map(|c| text.get(c.clone()).unwrap())
        .collect();
    check(&cells.join("\n"), &[3, 4, 8, 20]);
}
