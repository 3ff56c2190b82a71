//! Hostile input: every fixture of `tests/fixtures/hostile` and generated inputs (huge lines, every escape family, every control) through plain output and the full-screen reader, checking that nothing but text and qari's own sequences reaches the terminal.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Key, Pty, numbered};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Arabic prose to surround the trouble with.
const AR: &str =
    "حلف شمال الأطلسي يستمر في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى رأسها المغرب.";

/// Widths plain output is laid out at: one cell, narrower than a word, a pane, a terminal.
const WIDTHS: [u16; 4] = [1, 7, 40, 80];

/// Explicit bidi controls, which take part in layout and must never reach the terminal.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The symbols `--show-controls` draws for bidi controls.
fn is_bidi_symbol(c: char) -> bool {
    matches!(c, '→' | '←' | '↔' | '⇤')
}

/// Control characters qari must show as a visible symbol: C0 but the line ends and the tab,
/// DEL, C1.
fn is_shown_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}') && !matches!(c, '\t' | '\n' | '\r')
}

/// The symbols qari draws for controls: Control Pictures (␛ for ESC, ␡ for DEL) and ¤ for C1.
fn is_control_symbol(c: char) -> bool {
    matches!(c, '\u{2400}'..='\u{241F}' | '␡' | '¤')
}

/// A hostile fixture's path.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Writes a generated input into the test scratch directory and returns its path. The file is
/// written aside and renamed into place, so a test running at the same time never reads it half
/// written.
fn generated(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-inputs");
    std::fs::create_dir_all(&dir).unwrap();
    let mut file = tempfile::NamedTempFile::new_in(&dir).unwrap();
    file.write_all(bytes).unwrap();
    let path = dir.join(name);
    file.persist(&path).unwrap();
    path
}

/// Columns a plain row takes as a terminal draws it: character by character (a terminal draws
/// لا as two cells, where `str::width` says one), except emoji sequences (joined with ZWJ,
/// flags, keycaps, skin tones), which qari lays out as the one picture `str::width` measures.
fn cells(row: &str) -> usize {
    row.graphemes(true)
        .map(|g| {
            let emoji = g.chars().any(|c| {
                matches!(
                    c,
                    '\u{200D}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F1E6}'..='\u{1F1FF}' | '\u{1F3FB}'..='\u{1F3FF}'
                )
            });
            if emoji {
                g.width()
            } else {
                g.chars().map(|c| c.width().unwrap_or(0)).sum()
            }
        })
        .sum()
}

/// Runs `qari --plain` on `path` with `args`, in a plain xterm environment.
fn plain(path: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qari"))
        .arg("--plain")
        .args(args)
        .arg(path)
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

/// Checks one plain output of `path` at `width`: valid UTF-8, no control byte but `\n`, no DEL,
/// C1 or bidi control, no row wider than `width`; for UTF-8 input, every control shown as its
/// symbol, and bidi controls shown as arrows exactly when `show_controls`.
fn check_plain_output(path: &Path, out: &Output, width: u16, show_controls: bool, what: &str) {
    let text = std::str::from_utf8(&out.stdout)
        .unwrap_or_else(|e| panic!("{what}: output is not UTF-8: {e}"));
    if let Some(bad) = text.chars().find(|&c| {
        (c < ' ' && c != '\n')
            || matches!(c, '\u{7F}'..='\u{9F}')
            || is_bidi_control(c)
            || c == '\u{1B}'
    }) {
        let line = text.lines().find(|l| l.contains(bad)).unwrap_or("");
        panic!("{what}: {bad:?} in the output, in row {line:?}");
    }
    for row in text.lines() {
        assert!(
            cells(row) <= usize::from(width),
            "{what}: row of {} cells: {row:?}",
            cells(row)
        );
    }
    let input = std::fs::read(path).unwrap();
    if let Ok(input) = std::str::from_utf8(&input) {
        let count = |s: &str, f: fn(char) -> bool| s.chars().filter(|&c| f(c)).count();
        assert_eq!(
            count(text, is_control_symbol),
            count(input, is_shown_control) + count(input, is_control_symbol),
            "{what}: not every control shown as one symbol"
        );
        let shown = if show_controls {
            count(input, is_bidi_control)
        } else {
            0
        };
        assert_eq!(
            count(text, is_bidi_symbol),
            count(input, is_bidi_symbol) + shown,
            "{what}: bidi controls shown wrongly (--show-controls {show_controls})"
        );
    }
}

/// Runs plain output over every width, shaping and `--show-controls`, with `extra` arguments,
/// and checks each.
fn check_plain_matrix(path: &Path, extra: &[&str]) {
    for width in WIDTHS {
        for shape in ["always", "never"] {
            for show_controls in [false, true] {
                let w = width.to_string();
                let mut args = vec!["--width", &w, "--shape", shape];
                args.extend_from_slice(extra);
                if show_controls {
                    args.push("--show-controls");
                }
                let what = format!("{} {}", path.display(), args.join(" "));
                let out = plain(path, &args);
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{what}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                check_plain_output(path, &out, width, show_controls, &what);
            }
        }
    }
}

/// Plain output of a text input: every combination succeeds and is clean.
fn check_plain_text(path: &Path) {
    check_plain_matrix(path, &[]);
}

/// Plain output of `path` with `args`: refused with exit code 2, nothing on stdout, and the
/// one sentence `why` on stderr.
fn check_refused(path: &Path, args: &[&str], why: &str) {
    let out = plain(path, args);
    assert_eq!(out.status.code(), Some(2), "{} opened", path.display());
    assert!(out.stdout.is_empty(), "{} printed rows", path.display());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("qari: {} {why}\n", path.display())
    );
}

/// Plain output of a binary input: refused with one sentence and exit code 2, nothing on
/// stdout; with `--force` opened and as clean as text.
fn check_plain_binary(path: &Path) {
    check_refused(
        path,
        &["--width", "80"],
        "looks like a binary file; use --force to open it anyway",
    );
    check_plain_matrix(path, &["--force"]);
}

/// What a well-formed CSI sequence from qari's own stack may be: cursor position, colours and
/// attributes, erasing, scrolling, cursor style, and the modes it sets (cursor shown, alternate
/// screen, bracketed paste, terminal bidi reordering). Mouse modes are absent: these runs have no
/// `--mouse`.
fn allowed_csi(params: &str, intermediates: &str, fin: char) -> bool {
    let numeric = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_digit() || c == ';' || c == ':')
    };
    match (fin, intermediates) {
        ('H' | 'm' | 'J' | 'K' | 'S' | 'T' | 'r', "") => numeric(params),
        ('h' | 'l', "") => matches!(params, "?25" | "?1049" | "?2004" | "8"),
        ('q', " ") => numeric(params),
        _ => false,
    }
}

/// qari's own question to the terminal about its background colour (OSC 11 with `?`, ended by
/// ST): the one string command it may send, and it carries nothing of the document.
const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x1b\\";

/// Checks every byte qari wrote to the terminal: valid UTF-8; each ESC starts an allowed CSI
/// sequence (so no OSC, DCS, APC, PM, SOS, no lone or two-byte escapes) or is qari's own
/// background query; no other control but CR and LF (no BEL); no C1 character (no 8-bit CSI,
/// OSC, DCS or ST).
fn check_terminal_log(raw: &[u8], what: &str) {
    let log = std::str::from_utf8(raw)
        .unwrap_or_else(|e| panic!("{what}: terminal output is not UTF-8: {e}"));
    let context = |at: usize| {
        String::from_utf8_lossy(&raw[at.saturating_sub(40)..(at + 40).min(raw.len())]).into_owned()
    };
    let bytes = log.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if bytes[at..].starts_with(BACKGROUND_QUERY) {
            at += BACKGROUND_QUERY.len();
            continue;
        }
        if b == 0x1B {
            assert_eq!(
                bytes.get(at + 1),
                Some(&b'['),
                "{what}: an escape that is not CSI at byte {at}: {:?}",
                context(at)
            );
            let start = at + 2;
            let mut end = start;
            while bytes.get(end).is_some_and(|b| (0x30..=0x3F).contains(b)) {
                end += 1;
            }
            let params = log.get(start..end).unwrap();
            let mid = end;
            while bytes.get(end).is_some_and(|b| (0x20..=0x2F).contains(b)) {
                end += 1;
            }
            let intermediates = log.get(mid..end).unwrap();
            let fin = bytes.get(end).copied().map(char::from);
            let fin = fin.filter(|c| ('\u{40}'..='\u{7E}').contains(c));
            let fin = fin.unwrap_or_else(|| {
                panic!("{what}: unterminated CSI at byte {at}: {:?}", context(at))
            });
            assert!(
                allowed_csi(params, intermediates, fin),
                "{what}: CSI {params:?} {intermediates:?} {fin:?} is not one qari sends: {:?}",
                context(at)
            );
            at = end + 1;
        } else {
            assert!(
                b >= 0x20 && b != 0x7F || b == b'\r' || b == b'\n',
                "{what}: control byte {b:#04x} at byte {at}: {:?}",
                context(at)
            );
            at += 1;
        }
    }
    if let Some(c) = log.chars().find(|c| matches!(c, '\u{80}'..='\u{9F}')) {
        panic!("{what}: C1 control {c:?} in the terminal output");
    }
}

/// Opens `path` full screen (`--shape always`, 80×24) with `extra` arguments, pages through the
/// whole document (to the end, up and down by half pages, back to the top, then a page at a
/// time until a page key changes nothing), quits, and checks the terminal output and the
/// restored terminal. (The end is not read from the status bar's percentage: a notice about
/// the encoding or the controls can push it off the bar.)
fn check_full_screen(path: &Path, extra: &[&str]) {
    let what = path.display().to_string();
    let mut args = vec!["--shape", "always"];
    args.extend_from_slice(extra);
    args.push(what.as_str());
    let mut p = Pty::spawn(&args, 80, 24);
    p.expect("the first frame", |rows| rows.len() == 24);
    for key in ['G', 'u', 'u', 'd', 'u', 'g'] {
        p.press(Key::Char(key));
    }
    let mut pages = 0;
    loop {
        let before = p.frame_rows();
        p.press(Key::PageDown);
        if p.frame_rows() == before {
            break;
        }
        pages += 1;
        assert!(pages < 1000, "{what}: never reached the end paging");
    }
    p.send("q");
    assert_eq!(
        p.wait_exit(),
        Some(0),
        "{what}: {}",
        numbered(&p.screen_rows())
    );
    p.assert_restored();
    check_terminal_log(&p.raw(), &what);
}

/// Tests for a fixture that is text: plain output at every width, and the full-screen reader.
macro_rules! text_fixture {
    ($($plain:ident, $screen:ident: $file:literal;)*) => {$(
        #[test]
        fn $plain() {
            check_plain_text(&fixture($file));
        }

        #[test]
        fn $screen() {
            check_full_screen(&fixture($file), &[]);
        }
    )*};
}

text_fixture! {
    plain_bidi, screen_bidi: "bidi.txt";
    plain_combining, screen_combining: "combining.txt";
    plain_controls, screen_controls: "controls.txt";
    plain_cr, screen_cr: "cr.txt";
    plain_crlf, screen_crlf: "crlf.txt";
    plain_emoji_cjk, screen_emoji_cjk: "emoji_cjk.txt";
    plain_empty, screen_empty: "empty.txt";
    plain_escapes, screen_escapes: "escapes.txt";
    plain_iso_8859_6, screen_iso_8859_6: "iso-8859-6.txt";
    plain_long_word, screen_long_word: "long_word.txt";
    plain_tabs, screen_tabs: "tabs.txt";
    plain_utf16be_lone_surrogates, screen_utf16be_lone_surrogates: "utf16be_lone_surrogates.txt";
    plain_utf16le_bom, screen_utf16le_bom: "utf16le_bom.txt";
    plain_utf16le_lone_surrogates, screen_utf16le_lone_surrogates: "utf16le_lone_surrogates.txt";
    plain_utf8_bom, screen_utf8_bom: "utf8_bom.txt";
    plain_utf8_stray_byte, screen_utf8_stray_byte: "utf8_stray_byte.txt";
    plain_utf8_truncated, screen_utf8_truncated: "utf8_truncated.txt";
    plain_whitespace, screen_whitespace: "whitespace.txt";
    plain_windows_1256, screen_windows_1256: "windows-1256.txt";
    plain_zero_width, screen_zero_width: "zero_width.txt";
}

#[test]
fn plain_binary_png() {
    check_plain_binary(&fixture("binary.png"));
}

#[test]
fn screen_binary_png_forced() {
    check_full_screen(&fixture("binary.png"), &["--force"]);
}

#[test]
fn plain_controls_only_bin() {
    check_plain_binary(&fixture("controls_only.bin"));
}

#[test]
fn screen_controls_only_bin_forced() {
    check_full_screen(&fixture("controls_only.bin"), &["--force"]);
}

#[test]
fn every_fixture_has_its_tests() {
    // HTML pages have their own tests, and so do books that cannot fit in memory.
    let source = [
        include_str!("hostile.rs"),
        include_str!("hostile_html.rs"),
        include_str!("hostile_memory.rs"),
    ]
    .concat();
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            source.contains(&format!("fixture(\"{name}\")"))
                || source.contains(&format!(": \"{name}\";"))
                || source.contains(&format!("fixtures/hostile/{name}\")")),
            "no test for the fixture {name}"
        );
    }
}

/// A line of just over 1 MB of Arabic prose with no newline at all.
fn one_megabyte_line() -> PathBuf {
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(AR);
        text.push(' ');
    }
    generated("one_megabyte_line.txt", text.trim_end().as_bytes())
}

#[test]
fn plain_one_megabyte_line() {
    check_plain_text(&one_megabyte_line());
}

#[test]
fn screen_one_megabyte_line() {
    check_full_screen(&one_megabyte_line(), &[]);
}

/// A word of 10,000 letters: lam and alef alternating, so every other pair is a lam-alef
/// ligature when shaped and two cells when not, wherever the rows are cut.
fn lam_alef_word() -> PathBuf {
    generated("lam_alef_word.txt", "لا".repeat(5000).as_bytes())
}

#[test]
fn plain_lam_alef_word() {
    check_plain_text(&lam_alef_word());
}

#[test]
fn screen_lam_alef_word() {
    check_full_screen(&lam_alef_word(), &[]);
}

/// 100,000 short lines.
fn short_lines() -> PathBuf {
    let text: String = (0..100_000).map(|i| format!("سطر {i}\n")).collect();
    generated("short_lines.txt", text.as_bytes())
}

#[test]
fn plain_short_lines() {
    let path = short_lines();
    check_plain_text(&path);
    let out = plain(&path, &["--width", "80"]);
    assert_eq!(
        out.stdout.iter().filter(|&&b| b == b'\n').count(),
        100_000,
        "one row per line"
    );
}

/// Every family of terminal escape, 7-bit and 8-bit, each between Arabic words: CSI (colour,
/// cursor, erase, scroll region, private modes, mouse, bidi mode), OSC (title, hyperlink,
/// clipboard, colours; ended by BEL and by ST), DCS (DECRQSS, sixel, tmux passthrough), APC
/// (kitty graphics), PM, SOS, single shifts, RIS, DECSC, charset designation, and the C1 forms.
const ESCAPES: &[&str] = &[
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[2J",
    "\x1b[H",
    "\x1b[10;20H",
    "\x1b[1;5r",
    "\x1b[?1049h",
    "\x1b[?25l",
    "\x1b[?1000h",
    "\x1b[?1006h",
    "\x1b[8l",
    "\x1b[6n",
    "\x1b[c",
    "\x1b[5 q",
    "\x1b]0;title\x07",
    "\x1b]2;title\x1b\\",
    "\x1b]8;;http://example.com\x1b\\",
    "\x1b]8;;\x07",
    "\x1b]52;c;cm0gLXJmIH4K\x07",
    "\x1b]52;c;?\x1b\\",
    "\x1b]4;1;rgb:ff/00/00\x07",
    "\x1b]1337;File=inline=1:AAAA\x07",
    "\x1bP1$qm\x1b\\",
    "\x1bPq#0;2;0;0;0#0~~\x1b\\",
    "\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\",
    "\x1b_Gf=100;AAAA\x1b\\",
    "\x1b^privacy\x1b\\",
    "\x1bXstring\x1b\\",
    "\x1bN",
    "\x1bO",
    "\x1bc",
    "\x1b7",
    "\x1b8",
    "\x1b(0",
    "\x1b#8",
    "\u{9b}31m",
    "\u{9d}0;title\u{9c}",
    "\u{90}1$qm\u{9c}",
    "\u{9f}apc\u{9c}",
    "\u{9e}pm\u{9c}",
    "\u{98}sos\u{9c}",
    "\u{8e}",
    "\u{8f}",
    "\x1b",
    "\x1b[",
    "\x1b]",
];

/// A document of every escape in `ESCAPES`, one a line inside Arabic, and all of them on one line.
fn escape_families() -> PathBuf {
    let mut text: String = ESCAPES.iter().map(|e| format!("كلمة {e}كلمة\n")).collect();
    text.push_str(&ESCAPES.concat());
    text.push('\n');
    generated("escape_families.txt", text.as_bytes())
}

#[test]
fn plain_escape_families() {
    check_plain_text(&escape_families());
}

#[test]
fn screen_escape_families() {
    check_full_screen(&escape_families(), &[]);
}

/// Every C0 and C1 control and DEL, each between Arabic words, NUL included (so the file looks
/// binary).
fn every_control() -> PathBuf {
    let text: String = ('\0'..='\u{1F}')
        .chain('\u{7F}'..='\u{9F}')
        .map(|c| format!("كلمة{c}كلمة\n"))
        .collect();
    generated("every_control.txt", text.as_bytes())
}

#[test]
fn plain_every_control() {
    check_plain_binary(&every_control());
}

#[test]
fn screen_every_control_forced() {
    check_full_screen(&every_control(), &["--force"]);
}

/// C1 controls as raw 8-bit bytes (not UTF-8) inside Arabic UTF-8: an 8-bit CSI, OSC and ST.
fn raw_c1_bytes() -> PathBuf {
    let mut bytes = AR.as_bytes().to_vec();
    for seq in [
        &b"\x9b31m"[..],
        b"\x9d0;title\x9c",
        b"\x90q\x9c",
        b"\x85\x8d\x9f",
    ] {
        bytes.extend_from_slice(seq);
        bytes.extend_from_slice(" كلمة ".as_bytes());
    }
    bytes.push(b'\n');
    generated("raw_c1_bytes.txt", &bytes)
}

#[test]
fn plain_raw_c1_bytes() {
    check_plain_text(&raw_c1_bytes());
}

#[test]
fn screen_raw_c1_bytes() {
    check_full_screen(&raw_c1_bytes(), &[]);
}

#[test]
fn the_terminal_log_check_accepts_qari_sequences_and_rejects_the_others() {
    check_terminal_log(
        b"\x1b[?1049h\x1b[8l\x1b[1;1H\x1b[38;5;8;49m\xd8\xa8\x1b[0m\x1b[?25l\x1b[2 q\r\n",
        "allowed",
    );
    for bad in [
        &b"\x1b]52;c;eA==\x07"[..],
        b"\x1bP1$qm\x1b\\",
        b"\x1b_Gf=100\x1b\\",
        b"\x1bc",
        b"\x07",
        b"\xc2\x9b31m",
        b"\x1b[?1000h",
        b"\x1b[6n",
        b"\x1b[31",
        b"\xff",
    ] {
        let caught = std::panic::catch_unwind(|| check_terminal_log(bad, "hostile"));
        assert!(caught.is_err(), "{bad:?} accepted");
    }
}

// Hostile books: each opens clean (plain output at every width, the full-screen reader), or is
// refused with one sentence.

text_fixture! {
    plain_epub_escapes, screen_epub_escapes: "epub_escapes.epub";
    plain_epub_escapes_headings, screen_epub_escapes_headings: "epub_escapes_headings.epub";
    plain_epub_traversal, screen_epub_traversal: "epub_traversal.epub";
    plain_epub_missing_chapter, screen_epub_missing_chapter: "epub_missing_chapter.epub";
    plain_epub_zip_bomb_lying, screen_epub_zip_bomb_lying: "epub_zip_bomb_lying.epub";
}

/// Plain output of a book qari cannot read: exit code 2, nothing on stdout, and the sentence
/// saying why on stderr.
fn check_refused_book(path: &Path, why: &str) {
    check_refused(
        path,
        &["--width", "80"],
        &format!("cannot be read as an EPUB: {why}"),
    );
}

#[test]
fn refused_books_say_why_in_one_sentence() {
    check_refused_book(
        &fixture("epub_zip_bomb.epub"),
        "its files inflate to more than 64 MiB, more than a book of this size holds",
    );
    check_refused_book(
        &fixture("epub_no_container.epub"),
        "its META-INF/container.xml is missing",
    );
    check_refused_book(
        &fixture("epub_no_package.epub"),
        "its OEBPS/content.opf is missing",
    );
    check_refused_book(
        &fixture("epub_empty_spine.epub"),
        "its spine lists no chapter the book holds",
    );
    check_refused_book(
        &fixture("epub_bad_xml.epub"),
        "its OEBPS/content.opf is not well-formed XML (line 10)",
    );
    check_refused_book(
        &fixture("epub_drm.epub"),
        "it is encrypted (DRM), which qari cannot read",
    );
}

#[test]
fn a_text_named_as_a_book_is_refused() {
    check_refused(
        &fixture("escapes.txt"),
        &["--format", "epub"],
        "cannot be read as an EPUB: it is not a zip archive, as an EPUB is",
    );
}

/// A book whose spine lists 100,000 chapters, of which only the first ten are in the archive.
fn long_spine() -> PathBuf {
    use zip::write::{SimpleFileOptions, ZipWriter};
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut z = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut add = |name: &str, text: &str| {
        z.start_file(name, stored).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    };
    add("mimetype", "application/epub+zip");
    add(
        "META-INF/container.xml",
        r#"<container><rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#,
    );
    let mut opf = String::from("<package><metadata/><manifest>");
    for i in 0..100_000 {
        opf.push_str(&format!(r#"<item id="c{i}" href="c{i}.xhtml"/>"#));
    }
    opf.push_str("</manifest><spine>");
    for i in 0..100_000 {
        opf.push_str(&format!(r#"<itemref idref="c{i}"/>"#));
    }
    opf.push_str("</spine></package>");
    add("book.opf", &opf);
    for i in 0..10 {
        add(
            &format!("c{i}.xhtml"),
            &format!("<html><body><h1>فصل {i}</h1><p>{AR}</p></body></html>"),
        );
    }
    let bytes = z.finish().unwrap().into_inner();
    generated("long_spine.epub", &bytes)
}

#[test]
fn a_spine_of_100000_chapters_gives_the_chapters_there_are() {
    let path = long_spine();
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--list", "sections"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sections = String::from_utf8(out.stdout).unwrap();
    assert_eq!(sections.lines().count(), 10, "{sections}");
    let bytes = std::fs::read(&path).unwrap();
    let (_, notices) = qari::format::read_book(&bytes, "long_spine.epub").unwrap();
    assert_eq!(notices, ["99990 chapters of the spine could not be read"]);
}

#[test]
fn books_missing_chapters_or_with_links_outside_say_so() {
    for name in [
        "epub_missing_chapter.epub",
        "epub_traversal.epub",
        "epub_zip_bomb_lying.epub",
    ] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let (doc, notices) = qari::format::read_book(&bytes, name).unwrap();
        assert!(doc.text.contains(AR), "{name}: the good chapter is read");
        assert!(!doc.text.contains("EVIL"), "{name}: {}", doc.text);
        assert_eq!(notices.len(), 1, "{name}: {notices:?}");
        assert!(
            notices[0].ends_with("of the spine could not be read"),
            "{name}: {notices:?}"
        );
    }
}
