//! Unicode's own conformance test for the bidi algorithm, `BidiCharacterTest.txt` (Debian
//! package `unicode-data`), run through qari's layout in-process: every case qari's rules
//! apply to must come out in the visual order UAX #9 gives, with brackets mirrored at odd
//! levels (L4) and the characters qari hides (bidi controls and marks) left out.
//!
//! Left out, counted and named: cases holding a paragraph separator (qari lays out one line at
//! a time), a control character (drawn as a symbol), a combining mark (qari keeps harakat on
//! their letter, reversing grapheme clusters, where the test reverses code points), a wide
//! character, or another format character (drawn as nothing or a symbol); and cases whose
//! paragraph level is given and differs from the one its first strong character gives (P2–P3),
//! since qari always finds the level from the text.
#![allow(clippy::unwrap_used)]

use qari::chars::is_invisible;
use qari::layout::{LayoutOptions, layout_paragraph};
use std::collections::BTreeMap;
use unicode_bidi::{BidiClass, Direction, bidi_class, get_base_direction};
use unicode_width::UnicodeWidthChar;

/// Where Debian's `unicode-data` puts the test.
const TEST_FILE: &str = "/usr/share/unicode/BidiCharacterTest.txt";

/// One line of the test file.
struct Case {
    /// Line number in the file.
    line: usize,
    text: String,
    /// 0 left to right, 1 right to left, 2 from the text (P2–P3).
    direction: u8,
    /// The resolved paragraph level.
    para: u8,
    /// The resolved level of each character; `None` for those X9 removes.
    levels: Vec<Option<u8>>,
    /// Character indices in visual order, left to right.
    order: Vec<usize>,
}

fn parse(line: usize, s: &str) -> Option<Case> {
    let s = s.split('#').next()?.trim();
    let f: Vec<&str> = s.split(';').collect();
    if f.len() < 5 {
        return None;
    }
    let text = f[0]
        .split_whitespace()
        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
        .collect();
    Some(Case {
        line,
        text,
        direction: f[1].parse().unwrap(),
        para: f[2].parse().unwrap(),
        levels: f[3].split_whitespace().map(|l| l.parse().ok()).collect(),
        order: f[4]
            .split_whitespace()
            .map(|i| i.parse().unwrap())
            .collect(),
    })
}

/// Why qari's rules do not apply to `case`, or `None` when they do.
fn left_out(case: &Case) -> Option<&'static str> {
    let has = |f: fn(char) -> bool| case.text.chars().any(f);
    if has(|c| bidi_class(c) == BidiClass::B) {
        return Some("paragraph separator");
    }
    if has(char::is_control) {
        return Some("control character");
    }
    if has(|c| bidi_class(c) == BidiClass::NSM) {
        return Some("combining mark");
    }
    if has(|c| c.width() == Some(2)) {
        return Some("wide character");
    }
    if has(|c| bidi_class(c) == BidiClass::BN) {
        return Some("other format character");
    }
    let found = match get_base_direction(case.text.as_str()) {
        Direction::Ltr => Some(0),
        Direction::Rtl => Some(1),
        Direction::Mixed => None,
    };
    if case.direction != 2 && found.is_some_and(|l| l != case.para) {
        return Some("paragraph level given, not the one P2-P3 find");
    }
    None
}

/// The row UAX #9 gives for `case`, as qari draws it: visual order, brackets mirrored at odd
/// levels, the characters qari hides left out.
fn expected(case: &Case) -> String {
    let chars: Vec<char> = case.text.chars().collect();
    case.order
        .iter()
        .map(|&i| (chars[i], case.levels[i]))
        .filter(|&(c, _)| !is_invisible(c))
        .map(|(c, level)| match level {
            Some(l) if l % 2 == 1 => unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The row qari lays out for `case`, and whether it is right to left.
fn laid_out(case: &Case) -> (String, bool) {
    let opts = LayoutOptions {
        // The level of a paragraph without a strong character: the given one, else P3's.
        default_rtl: case.direction == 1,
        ..LayoutOptions::default()
    };
    let text = &case.text;
    let rows = layout_paragraph(text, 0..text.len(), u16::MAX, &opts);
    assert_eq!(rows.len(), 1, "line {}: wrapped", case.line);
    (rows[0].text(text), rows[0].rtl)
}

#[test]
fn every_applicable_case_of_bidi_character_test_passes() {
    let file = match std::fs::read_to_string(TEST_FILE) {
        Ok(f) => f,
        // CI installs unicode-data, so there this must not pass silently.
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping BidiCharacterTest: {TEST_FILE}: {e}");
            return;
        }
        Err(e) => panic!("{TEST_FILE}: {e}"),
    };
    let cases: Vec<Case> = file
        .lines()
        .enumerate()
        .filter_map(|(i, l)| parse(i + 1, l))
        .collect();
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut run = 0;
    for case in &cases {
        if let Some(why) = left_out(case) {
            *skipped.entry(why).or_default() += 1;
            continue;
        }
        run += 1;
        let want = expected(case);
        let (got, rtl) = laid_out(case);
        if got != want || rtl != (case.para == 1) {
            failures.push(format!(
                "line {}: {:?} level {}: qari {got:?} (rtl {rtl}), UAX #9 {want:?}",
                case.line, case.text, case.para
            ));
        }
    }
    println!("BidiCharacterTest: {} cases, {run} run", cases.len());
    for (why, n) in &skipped {
        println!("  left out, {why}: {n}");
    }
    assert_eq!(run + skipped.values().sum::<usize>(), cases.len());
    // About half the cases give a paragraph level other than the text's own; a filter that
    // left out much more would make the test say little.
    assert!(
        run * 20 >= cases.len() * 9,
        "only {run} of {} cases run",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {run} cases differ from UAX #9:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn letters_join_across_hidden_marks_and_isolates() {
    let opts = LayoutOptions {
        shape: true,
        ..LayoutOptions::default()
    };
    let row = |text: &str| layout_paragraph(text, 0..text.len(), 80, &opts)[0].text(text);
    let joined = row("سلام عليكم");
    for text in [
        "س\u{200F}لام عليكم",
        "سلا\u{061C}م عليكم",
        "س\u{2067}لا\u{2069}م عليكم",
        "سلام \u{2068}عليكم\u{2069}",
    ] {
        assert_eq!(row(text), joined, "{text:?}");
    }
}
