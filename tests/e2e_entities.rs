//! End-to-end tests of the entity pane: `e` and `Tab`, groups with counts, jumping to a mention, `m`/`M`, and `H` for the highlighting.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Cell, Key, Pty, article_cells, cells_text, logical, numbered, pane_cells, runs, shows};
use std::collections::HashMap;
use std::process::Command;

/// The group headers of the pane, in their order.
const GROUPS: [&str; 3] = ["People", "Organisations", "Places"];

/// Starts qari on the shipped article at 160×30 (a pane wide enough for the longest names
/// and their counts) and waits for its first frame.
fn start() -> Pty {
    let p = Pty::spawn(&["--shape", "never"], 160, 30);
    p.expect_phrase("شراكة خاصة بين الناتو");
    p
}

/// A row of the entity pane.
#[derive(Debug)]
enum Row {
    /// A group header: `People`, `Organisations`, `Places`.
    Group(String),
    /// An entity: its name in logical order, its number of mentions, and whether it is selected.
    Entity {
        name: String,
        count: usize,
        selected: bool,
    },
}

/// Reads a row of the side pane: a group header, an entity drawn `(COUNT) NAME` in visual
/// order, or nothing (a blank row, the border, another pane's row).
fn pane_row(cells: &[Cell]) -> Option<Row> {
    let frame = |c: char| c.is_whitespace() || ('\u{2500}'..='\u{257F}').contains(&c);
    let text = cells_text(cells);
    let text = text.trim_matches(frame);
    if GROUPS.contains(&text) {
        return Some(Row::Group(text.to_owned()));
    }
    let (count, name) = text.strip_prefix('(')?.split_once(')')?;
    let selected = cells
        .iter()
        .filter(|c| c.text.chars().any(char::is_alphabetic))
        .all(|c| c.inverse);
    Some(Row::Entity {
        name: logical(name).trim().to_owned(),
        count: count.parse().ok()?,
        selected,
    })
}

/// The rows of the side pane, below its tab header and above the status bar.
fn pane(frame: &[Vec<Cell>]) -> Vec<Row> {
    (1..frame.len() - 1)
        .filter_map(|r| pane_row(pane_cells(frame, r)))
        .collect()
}

/// The name of the selected entity, if any.
fn selected(frame: &[Vec<Cell>]) -> Option<String> {
    pane(frame).into_iter().find_map(|row| match row {
        Row::Entity {
            name,
            selected: true,
            ..
        } => Some(name),
        _ => None,
    })
}

/// Whether the side pane lists entities (their analysis done).
fn entities_listed(frame: &[Vec<Cell>]) -> bool {
    let text: String = (1..frame.len() - 1)
        .map(|r| cells_text(pane_cells(frame, r)))
        .collect();
    !text.contains("analysing") && pane(frame).iter().any(|r| matches!(r, Row::Entity { .. }))
}

/// The logical text of every underlined run of the article's cells.
fn underlined(frame: &[Vec<Cell>]) -> Vec<String> {
    (0..frame.len() - 1)
        .flat_map(|r| runs(article_cells(frame, r), |c| c.underline))
        .collect()
}

/// The status bar: the bottom row.
fn status(rows: &[String]) -> &str {
    rows.last().map_or("", String::as_str)
}

/// Each entity `qari --list entities --json` finds, with its kind and number of mentions.
fn listed() -> HashMap<String, (String, usize)> {
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--list", "entities", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_owned(),
                (
                    e["kind"].as_str().unwrap().to_owned(),
                    e["mentions"].as_array().unwrap().len(),
                ),
            )
        })
        .collect()
}

/// Focuses the entity pane (`Tab Tab`), waits for the entities, and moves the selection
/// down to `name` with `j`.
fn select(p: &mut Pty, name: &str) {
    p.send_key(Key::Tab);
    p.send_key(Key::Tab);
    p.expect_cells("the entity pane focused, its entities listed", |f| {
        entities_listed(f) && selected(f).is_some()
    });
    for _ in 0..pane(&p.frame_cells()).len() {
        let now = selected(&p.frame_cells());
        if now.as_deref() == Some(name) {
            return;
        }
        p.send("j");
        p.expect_cells("the selection moved by j", |f| selected(f) != now);
    }
    panic!("{name} never selected:\n{}", numbered(&p.frame_rows()));
}

#[test]
fn e_shows_the_entities_grouped_with_their_counts() {
    let mut p = start();
    p.send("e");
    p.expect_cells("the entities listed after e", entities_listed);
    let rows = pane(&p.frame_cells());
    let headers: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Group(g) => Some(g.as_str()),
            Row::Entity { .. } => None,
        })
        .collect();
    assert_eq!(headers, GROUPS, "{rows:?}");
    let listed = listed();
    let mut group = "";
    let mut seen = Vec::new();
    for row in &rows {
        match row {
            Row::Group(g) => group = g,
            Row::Entity { name, count, .. } => {
                // A name too long for the pane is cut, with an ellipsis.
                let cut = name.trim_end_matches(['…', '.']).trim_end();
                let (kind, mentions) = listed
                    .get(name)
                    .or_else(|| {
                        listed
                            .iter()
                            .find(|(n, _)| cut != name && n.starts_with(cut))
                            .map(|(_, v)| v)
                    })
                    .unwrap_or_else(|| panic!("{name} is not listed by --list entities"));
                let expected = match kind.as_str() {
                    "person" => "People",
                    "organization" => "Organisations",
                    "other" => "Other",
                    _ => "Places",
                };
                assert_eq!((group, count), (expected, mentions), "{name}");
                seen.push(name.as_str());
            }
        }
    }
    for name in [
        "ينس ستولتنبرغ",
        "محمد السادس",
        "حلف شمال الأطلسي",
        "المغرب",
        "الرباط",
        "الجزائر",
    ] {
        assert!(seen.contains(&name), "{name} not in {seen:?}");
    }
    // Most mentioned first within a group.
    for pair in rows.windows(2) {
        if let [Row::Entity { count: a, .. }, Row::Entity { count: b, .. }] = pair {
            assert!(a >= b, "{pair:?}");
        }
    }
    p.send("e");
    p.expect_cells("the pane hidden after e again", |f| pane(f).is_empty());
}

#[test]
fn enter_reveals_the_first_mention_and_m_steps_through_them() {
    let mut p = start();
    // Algeria is named four times: once in the first section, three times in the last item.
    let total = listed()["الجزائر"].1;
    assert_eq!(total, 4);
    select(&mut p, "الجزائر");
    p.send_key(Key::Enter);
    // The mention `i` of `total` is in the status bar and on screen, underlined, in its phrase.
    let expect_mention = |p: &Pty, i: usize, phrase: &str| {
        p.expect(&format!("mention {i}/{total}"), |rows| {
            status(rows).contains(&format!("mention {i}/{total}"))
        });
        p.expect_phrase(phrase);
        p.expect_cells("the mention underlined", |f| {
            underlined(f).iter().any(|u| u.contains("الجزائر"))
        });
    };
    expect_mention(&p, 1, "مثل الجزائر");
    p.send("m");
    expect_mention(&p, 2, "مع الجزائر");
    p.send("M");
    expect_mention(&p, 1, "مثل الجزائر");
    p.send("M");
    expect_mention(&p, 4, "من الجزائر");
    p.send("m");
    expect_mention(&p, 1, "مثل الجزائر");
}

#[test]
fn the_mention_notice_shows_the_name_right_to_left() {
    let mut p = start();
    select(&mut p, "الجزائر");
    p.send_key(Key::Enter);
    p.expect("الجزائر: mention 1/N, right to left", |rows| {
        status(rows).contains("mention 1/") && shows(status(rows), "الجزائر")
    });
}

#[test]
fn shift_h_toggles_the_highlighting() {
    let mut p = start();
    p.expect_cells("mentions underlined", |f| {
        underlined(f).iter().any(|u| u.contains("الناتو"))
    });
    p.send("H");
    p.expect_cells("no underline after H", |f| underlined(f).is_empty());
    p.send("H");
    p.expect_cells("mentions underlined again after H", |f| {
        underlined(f).iter().any(|u| u.contains("المغرب"))
    });
}
