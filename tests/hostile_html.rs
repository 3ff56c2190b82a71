//! Hostile HTML: escape sequences and bidi overrides everywhere a page can hold them (raw and
//! as character references), entity bombs, 100,000 nested elements and a 50 MB page. Nothing
//! reaches the terminal raw, in the reader, plain output or any list; every page opens with a
//! bounded result or is refused in one sentence, never a hang or a crash.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;
#[path = "common/trouble.rs"]
mod trouble;

use pty::{Key, Pty, contains_bytes};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use trouble::{first_trouble, piped};

/// A hostile fixture's path (tests/fixtures/make_hostile.py writes them).
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Writes a page made by a test into the test scratch directory, aside and then renamed into
/// place, so a test running at the same time never reads it half written.
fn generated(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-html");
    std::fs::create_dir_all(&dir).unwrap();
    let file = tempfile::NamedTempFile::new_in(&dir).unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let path = dir.join(name);
    file.persist(&path).unwrap();
    path
}

/// What qari printed for `args`, checked to have succeeded.
fn printed(args: &[&str]) -> String {
    let out = piped(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The sequences a hostile page carries, as the bytes a terminal would obey: OSC 52 (the
/// clipboard), OSC 0 (the title), RIS, an 8-bit CSI and DCS, and a right-to-left override.
const OBEYED: &[&[u8]] = &[
    b"\x1b]52",
    b"\x1b]0;owned",
    b"\x1bc",
    b"\xc2\x9b31m",
    b"\xc2\x9b2J",
    b"\xc2\x90q",
    b"\xe2\x80\xaelive",
];

/// Every way of printing a page: plain rows, and each list as text and as JSON.
fn every_printout(page: &str) -> Vec<Vec<&str>> {
    let mut all = vec![
        vec!["--plain", "--width", "60", page],
        vec!["--plain", "--show-controls", "--width", "33", page],
        vec!["--plain", "--shape", "always", "--width", "80", page],
    ];
    for what in ["text", "sections", "entities", "matches", "metadata"] {
        for json in [false, true] {
            let mut args = vec!["--list", what, "--search", "الناتو", page];
            if json {
                args.push("--json");
            }
            all.push(args);
        }
    }
    all
}

#[test]
fn escapes_in_a_page_never_reach_the_output_raw() {
    let page = fixture("html_escapes.html");
    let page = page.to_str().unwrap();
    for args in every_printout(page) {
        let out = printed(&args);
        // The page's entities and metadata are a line or two; every other printout holds the
        // page's paragraphs.
        let shown = match args[1] {
            "entities" | "metadata" => !out.trim().is_empty(),
            _ => out.len() > 40,
        };
        assert!(shown, "{args:?}: the page is missing: {out}");
        if let Some(bad) = first_trouble(&out) {
            panic!("{args:?}: {bad}");
        }
    }
    // Shown as symbols, from raw bytes and from character references alike.
    let text = printed(&["--list", "text", page]);
    assert!(text.contains("قسم 0 ␛]52;c;ZXZpbA==␇ الناتو"), "{text}");
    assert!(text.contains("قسم 9 ␛]52;c;ZXZpbA==␇ الناتو"), "{text}");
    // Attributes that are not shown (class, href, title, data-*) add nothing.
    assert!(!text.contains("x.test"), "{text}");
}

#[test]
fn escapes_in_a_page_never_reach_a_terminal() {
    let page = fixture("html_escapes.html");
    let page = page.to_str().unwrap();
    for args in [vec!["--list", "metadata", page], vec!["--plain", page]] {
        let mut p = Pty::spawn(&args, 100, 30);
        assert_eq!(p.wait_exit(), Some(0), "{args:?}");
        let raw = p.raw();
        for seq in OBEYED {
            assert!(
                !contains_bytes(&raw, seq),
                "{args:?}: {seq:?} reached the terminal"
            );
        }
    }
    let mut p = Pty::spawn(&["--shape", "always", page], 80, 24);
    p.expect_phrase("المقال الناتو");
    for key in ['G', 'g', ']', ']'] {
        p.press(Key::Char(key));
    }
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
    let raw = p.raw();
    for seq in OBEYED {
        assert!(
            !contains_bytes(&raw, seq),
            "reader: {seq:?} reached the terminal"
        );
    }
}

#[test]
fn entity_bombs_give_a_bounded_text() {
    let page = fixture("html_entity_bomb.html");
    let size = std::fs::metadata(&page).unwrap().len() as usize;
    let text = printed(&["--list", "text", page.to_str().unwrap()]);
    assert!(
        text.contains("آخر فقرة الناتو"),
        "the page is read to its end"
    );
    assert!(
        text.len() < size,
        "{} bytes of text from {size}",
        text.len()
    );
    // A reference is decoded once: `&amp;amp;` is `&amp;`, not `&`.
    assert!(text.contains(&format!("سلسلة {}amp;", "&".repeat(1000))));
    // References past Unicode, to NUL or to a surrogate are U+FFFD, never the code.
    let numbers = text.lines().find(|l| l.starts_with("أرقام")).unwrap();
    assert!(numbers.matches('\u{FFFD}').count() >= 5, "{numbers:?}");
    assert!(!text.contains('\0'));
    assert!(text.contains("بلا فاصلة © & <"), "{text}");
    if let Some(bad) = first_trouble(&text) {
        panic!("{bad}");
    }
}

/// A page of `levels` nested `div`s around a word, all closed.
fn nested(levels: usize) -> PathBuf {
    let page = format!(
        "<!DOCTYPE html><body>{}<p>كلمة في العمق</p>{}<p>بعد العمق</p>",
        "<div>".repeat(levels),
        "</div>".repeat(levels)
    );
    generated(&format!("nested_{levels}.html"), page.as_bytes())
}

#[test]
fn a_page_nested_100000_levels_deep_opens() {
    let page = nested(100_000);
    let page = page.to_str().unwrap();
    let text = printed(&["--list", "text", page]);
    assert_eq!(text, "كلمة في العمق\n\nبعد العمق\n");
    let rows = printed(&["--plain", "--bidi", "terminal", "--width", "40", page]);
    assert!(rows.contains("كلمة في العمق"), "{rows}");
    let mut p = Pty::spawn(&[page], 80, 24);
    p.expect_phrase("كلمة في العمق");
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
    p.assert_restored();
}

/// A page of about `mb` megabytes: the same article section over and over inside site chrome,
/// its last paragraph marked.
fn large_page(mb: usize) -> PathBuf {
    let section = "<div class=\"post\"><h2>قسم</h2><p>حلف شمال الأطلسي يستمر في المراهنة \
                   على <b>تعزيز</b> تنسيقه مع <a href=\"/x\">مجموعة من الدول</a>.</p>\
                   <ul><li>أول</li><li>ثان</li></ul></div>\n";
    let n = (mb << 20) / section.len();
    let mut page = String::from("<!DOCTYPE html><html dir=rtl><body><nav>القائمة</nav>\n");
    page.push_str(&section.repeat(n));
    page.push_str("<p>الفقرة الأخيرة من الصفحة</p></body></html>\n");
    generated(&format!("large_{mb}.html"), page.as_bytes())
}

/// The run succeeded with `check` holding for what it printed, or was refused in one plain
/// sentence about memory with exit code 2.
fn read_or_refused(out: &Output, check: impl Fn(&str) -> bool, what: &str) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => assert!(check(&stdout), "{what}: wrong output"),
        Some(2) => {
            assert!(stdout.is_empty(), "{what}: refused after printing");
            assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
            assert!(
                stderr.starts_with("qari: ") && stderr.contains("memory"),
                "{stderr}"
            );
        }
        other => panic!("{what}: exit {other:?}: {stderr}"),
    }
}

#[test]
fn a_50_mb_page_is_read_whole_or_refused_in_a_sentence() {
    let page = large_page(50);
    let page = page.to_str().unwrap();
    let out = piped(&["--list", "sections", "--json", page]);
    read_or_refused(
        &out,
        |s| s.matches("\"title\":\"قسم\"").count() > 100_000,
        "--list sections",
    );
    // With little memory free it is refused before it is parsed, not aborted midway.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 600000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_qari"))
        .args(["--list", "text", page])
        .env("MALLOC_ARENA_MAX", "1")
        .output()
        .unwrap();
    read_or_refused(
        &out,
        |s| s.ends_with("الفقرة الأخيرة من الصفحة\n"),
        "--list text in 600 MB",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "50 MB of markup needs more than 600 MB"
    );
}

#[test]
fn a_large_page_opens_converted_not_as_markup() {
    // Past the first 64 KiB a plain text file opens on, under a name that does not say HTML.
    let page = large_page(1);
    let renamed = generated("large_page", &std::fs::read(&page).unwrap());
    for path in [page, renamed] {
        let mut p = Pty::spawn(&[path.to_str().unwrap()], 80, 24);
        p.expect_phrase("القائمة");
        let rows = p.frame_rows().join("\n");
        assert!(!rows.contains('<'), "markup on screen:\n{rows}");
        p.press(Key::Char('G'));
        p.expect_phrase("الفقرة الأخيرة من الصفحة");
        p.send("q");
        assert_eq!(p.wait_exit(), Some(0));
    }
}
