//! Fuzz target: arbitrary bytes ▸ decode ▸ document ▸ layout of every line ▸ search, checking
//! what must hold for any input: rows fit the width, cells point inside their line, nothing that
//! could drive the terminal (C0, DEL, C1, bidi controls) reaches a cell's text, and every search
//! match is an in-order, non-overlapping range on character boundaries.
//!
//! The first input byte chooses the width (1..=200) and whether controls are shown as symbols;
//! the rest is the file. The query is a piece of the file's own text, so matches exist.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qari::document::Document;
use qari::layout::{LayoutOptions, layout_paragraph};
use qari::search::{Index, Mode, Query};

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    let width = u16::from(first % 200) + 1;
    let show_controls = first >= 200;
    let source = qari::source::decode(bytes.to_vec(), "fuzz");
    let doc = Document::new(source.text, source.name);
    for shape in [false, true] {
        let opts = LayoutOptions { shape, show_controls, default_rtl: doc.rtl, ..LayoutOptions::default() };
        for i in 0..doc.len() {
            let line = doc.line(i);
            for row in layout_paragraph(&doc.text, line.clone(), width, &opts) {
                assert!(row.width <= width, "row of {} columns at width {width}", row.width);
                let sum: u16 = row.cells.iter().map(|c| u16::from(c.width)).sum();
                assert_eq!(sum, row.width, "row width is not the sum of its cells");
                for cell in &row.cells {
                    assert!(
                        line.start <= cell.range().start && cell.range().end <= line.end,
                        "cell {:?} outside line {line:?}",
                        cell.range()
                    );
                    let text = cell.text(&doc.text);
                    assert!(!text.chars().any(drives_terminal), "cell shows {text:?}");
                }
            }
        }
    }
    let query: String = doc.text.chars().skip(usize::from(first % 7)).take(usize::from(first % 5) + 1).collect();
    let index = Index::new(doc.text.clone());
    for mode in [Mode::Loose, Mode::Exact] {
        let Some(q) = Query::new(&query, mode) else { continue };
        let mut end = 0;
        for m in index.find_all(&q) {
            assert!(end <= m.start && m.start < m.end && m.end <= doc.text.len(), "match {m:?} after {end}");
            assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
            end = m.end;
        }
    }
});

/// Characters that must never be sent to the terminal: C0 and C1 controls, DEL (ESC among them),
/// and the bidi formatting characters, which a terminal that reorders by itself would obey.
fn drives_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
