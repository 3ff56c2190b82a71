//! A large Markdown file in the reader: its first lines are read as Markdown for the first frame
//! (marks hidden, the front matter's title on top), and the whole file replaces them when it is
//! read, so `G` reaches its last paragraph.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty};

#[test]
fn a_large_markdown_file_opens_on_its_first_lines_and_reaches_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.md");
    let mut text = String::from("---\ntitle: MDSTART post\nlayout: post\n---\n\n");
    for i in 0..4000 {
        text.push_str(&format!(
            "## Part {i}\n\nSome **bold** words and a [link](https://example.com/{i}), line\nafter line.\n\n"
        ));
    }
    text.push_str("The MDEND paragraph.\n");
    assert!(text.len() > 256 * 1024, "larger than the first lines read");
    std::fs::write(&path, &text).unwrap();
    let mut p = Pty::spawn(&[path.to_str().unwrap()], 100, 30);
    p.expect("the title from the front matter on top", |rows| {
        rows.iter().any(|r| r.contains("MDSTART post"))
    });
    p.expect("no mark and no front matter shown", |rows| {
        rows.iter()
            .all(|r| !r.contains("**") && !r.contains("layout:") && !r.contains("## "))
    });
    p.expect("a paragraph's two source lines as one", |rows| {
        rows.iter().any(|r| r.contains("line after line."))
    });
    p.press(Key::Char('G'));
    p.expect("the last paragraph after G", |rows| {
        rows.iter().any(|r| r.contains("The MDEND paragraph."))
    });
}
