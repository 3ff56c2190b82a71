//! Fuzz target: arbitrary bytes as a file and as typed keys, through every text qari writes
//! that is not the laid-out article: the `--list` outputs (sections, entities, matches; text
//! and JSON, with and without `--show-controls`) and the reader driven by keys (the search
//! prompt with its query, notices, panes), drawn into a test terminal after each key. Nothing
//! that could drive a terminal may appear in any of them: no C0 control (but the line end, and a
//! list's tab), no DEL or C1 control, no bidi control or other invisible format character. JSON
//! must parse and give back the document's text.
//!
//! The file is read as qari reads standard input: its format found from its bytes (HTML, then
//! its article extracted; Markdown; hard-wrapped text; an EPUB book when it is a zip), so the
//! readers of every format are fuzzed too.
//!
//! The first input byte is how many bytes after it are keys; the terminal size comes from the
//! second; the rest is the file. Keys: a control byte is that Ctrl key (Enter, Esc, Tab and
//! Backspace for their bytes), SOH starts and ends a paste, anything else is typed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qari::app::App;
use qari::document::Document;
use qari::document::structure;
use qari::entities::{Entity, Recogniser};
use qari::format::Format;
use qari::layout::LayoutOptions;
use qari::listing::{self, Style};
use qari::search::{Index, Mode, Query};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else { return };
    let Some((&size, rest)) = rest.split_first() else { return };
    let (keys, file) = rest.split_at(usize::from(n).min(rest.len()));
    let doc = if file.starts_with(b"PK") {
        // A book that cannot be read is refused in one sentence; nothing to check then.
        let Ok((doc, _notices)) = qari::format::read_book(file, "fuzz") else { return };
        doc
    } else {
        let source = qari::source::decode(file.to_vec(), "fuzz");
        let format = Format::detect(&source.name, true, &source.text);
        qari::format::read(source.text, source.name, format)
    };
    let entities = Recogniser::embedded().recognise(&doc.text);
    check_lists(&doc, &entities);
    check_reader(doc, entities, keys, size);
});

/// Every `--list` output of `doc` in every style.
fn check_lists(doc: &Document, entities: &[Entity]) {
    let markdown = structure::looks_like_markdown(&doc.name, &doc.text);
    let outline = structure::outline(doc, markdown);
    let query: String = doc.text.split_whitespace().next().unwrap_or("").chars().take(6).collect();
    let matches = Query::new(&query, Mode::Loose)
        .map(|q| Index::new(doc.text.clone()).find_all(&q))
        .unwrap_or_default();
    for json in [false, true] {
        for show_controls in [false, true] {
            let style = Style { json, show_controls, all: true };
            let mut out = Vec::new();
            listing::sections(&outline, &doc.text, style, &mut out).unwrap();
            check_list(&out, json, "sections");
            let mut out = Vec::new();
            listing::entities(entities, style, &mut out).unwrap();
            check_list(&out, json, "entities");
            let mut out = Vec::new();
            listing::matches(&doc, &matches, style, &mut out).unwrap();
            check_list(&out, json, "matches");
        }
    }
    // JSON gives the titles back as the outline has them.
    let mut out = Vec::new();
    listing::sections(&outline, &doc.text, Style { json: true, show_controls: false, all: true }, &mut out)
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let titles = v["sections"].as_array().unwrap();
    assert_eq!(titles.len(), outline.sections.len());
}

/// One list output: UTF-8, nothing raw, and JSON that parses.
fn check_list(out: &[u8], json: bool, what: &str) {
    let text = std::str::from_utf8(out).unwrap();
    if let Some(c) = text.chars().find(|&c| drives_terminal(c) && c != '\n' && (json || c != '\t')) {
        panic!("--list {what} (json {json}) writes {c:?}: {text:?}");
    }
    if json {
        serde_json::from_str::<serde_json::Value>(text).unwrap();
    }
}

/// The reader on `doc` with its `entities` at a size from `size`, driven by `keys`, checked
/// after every key.
fn check_reader(doc: Document, entities: Vec<Entity>, keys: &[u8], size: u8) {
    let (w, h) = (20 + u16::from(size % 100), 4 + u16::from(size / 100) * 10);
    let mut app = App::new(doc, LayoutOptions { show_controls: size % 2 == 1, ..LayoutOptions::default() });
    app.set_entities(entities);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.on_event(Event::Resize(w, h));
    let mut draw = |app: &mut App| {
        app.settle();
        term.draw(|f| qari::ui::draw(f, app)).unwrap();
        let buf = term.backend().buffer();
        for cell in buf.content() {
            // A joiner inside an emoji sequence is part of the picture, the one invisible
            // character a cell may hold.
            let emoji = cell.symbol().chars().count() > 1;
            let bad = |c: char| drives_terminal(c) && !(emoji && c == '\u{200D}');
            if let Some(c) = cell.symbol().chars().find(|&c| bad(c)) {
                panic!("the screen shows {c:?} in {:?}", cell.symbol());
            }
        }
    };
    draw(&mut app);
    app.on_key(KeyEvent::from(KeyCode::Char('/')));
    let text = String::from_utf8_lossy(keys);
    let mut paste: Option<String> = None;
    for c in text.chars() {
        let event = match (c, &mut paste) {
            ('\u{1}', Some(p)) => Event::Paste(std::mem::take(p)),
            ('\u{1}', None) => {
                paste = Some(String::new());
                continue;
            }
            (c, Some(p)) => {
                p.push(c);
                continue;
            }
            (c, None) => Event::Key(key(c)),
        };
        paste = paste.filter(|_| !matches!(event, Event::Paste(_)));
        app.on_event(event);
        app.quit = false;
        app.suspend = false;
        draw(&mut app);
    }
}

/// The key a typed character stands for.
fn key(c: char) -> KeyEvent {
    match c {
        '\r' | '\n' => KeyEvent::from(KeyCode::Enter),
        '\u{1b}' => KeyEvent::from(KeyCode::Esc),
        '\t' => KeyEvent::from(KeyCode::Tab),
        '\u{8}' | '\u{7f}' => KeyEvent::from(KeyCode::Backspace),
        '\u{10}' => KeyEvent::from(KeyCode::Up),
        '\u{e}' => KeyEvent::from(KeyCode::Down),
        '\0'..='\u{1f}' => KeyEvent::new(
            KeyCode::Char(char::from(c as u8 | 0x60)),
            KeyModifiers::CONTROL,
        ),
        c => KeyEvent::from(KeyCode::Char(c)),
    }
}

/// Characters that must never be written to the terminal: C0 and C1 controls, DEL, and every
/// invisible format character (bidi controls among them), which a terminal that reorders by
/// itself would obey or which hide text.
fn drives_terminal(c: char) -> bool {
    c.is_control() || qari::chars::is_invisible(c)
}
