//! Layout rules, one test each, with examples from the shipped article, and property tests of
//! the invariants every laid-out paragraph must keep.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use qari::layout::{Glyph, LayoutOptions, VisualRow, layout_paragraph};
use unicode_segmentation::UnicodeSegmentation;

const NEVER: LayoutOptions = LayoutOptions {
    shape: false,
    reorder: true,
    show_controls: false,
    default_rtl: true,
    mirror: false,
    marks: false,
    logical_runs: false,
};
const ALWAYS: LayoutOptions = LayoutOptions {
    shape: true,
    ..NEVER
};

fn rows(text: &str, width: u16, opts: &LayoutOptions) -> Vec<VisualRow> {
    layout_paragraph(text, 0..text.len(), width, opts)
}

fn row_texts(text: &str, width: u16) -> Vec<String> {
    rows(text, width, &NEVER)
        .iter()
        .map(|r| r.text(text))
        .collect()
}

/// `s` with its grapheme clusters in reverse order: how a right-to-left word reads on screen.
fn rev(s: &str) -> String {
    s.graphemes(true).rev().collect()
}

#[test]
fn brackets_face_the_word_they_enclose() {
    let t = "حلف شمال الأطلسي (الناتو) يستمر";
    let row = &row_texts(t, 80)[0];
    assert!(row.contains(&format!("({})", rev("الناتو"))), "{row}");
}

#[test]
fn numbers_read_left_to_right_inside_arabic() {
    let t = "خلال عام 2023؛ قام الحلف";
    assert_eq!(
        row_texts(t, 80)[0],
        format!(
            "{} {} ؛2023 {} {}",
            rev("الحلف"),
            rev("قام"),
            rev("عام"),
            rev("خلال")
        )
    );
}

#[test]
fn numbered_item_keeps_its_number_on_the_right() {
    let t = "1- رفع القدرات";
    assert_eq!(
        row_texts(t, 80)[0],
        format!("{} {} -1", rev("القدرات"), rev("رفع"))
    );
}

#[test]
fn curly_quotes_survive_and_are_not_mirrored() {
    let t = "حلف “الناتو” يواصل";
    let row = &row_texts(t, 80)[0];
    assert!(row.contains(&format!("”{}“", rev("الناتو"))), "{row}");
}

#[test]
fn harakat_stay_after_their_letter() {
    let t = "شريكاً رئيسياً";
    let row = &row_texts(t, 80)[0];
    assert!(row.contains("اًكيرش"), "{row}");
    assert!(
        !row.contains("ًا"),
        "a tanwin must not precede its alef: {row}"
    );
}

#[test]
fn lam_alef_is_two_cells_unshaped_and_one_ligature_shaped() {
    let t = "لا";
    let plain = &rows(t, 80, &NEVER)[0];
    assert_eq!(plain.width, 2);
    assert_eq!(plain.cells.len(), 2);
    let shaped = &rows(t, 80, &ALWAYS)[0];
    assert_eq!(shaped.width, 1);
    assert_eq!(shaped.cells.len(), 1);
    assert_eq!(shaped.cells[0].glyph, Glyph::Char('\u{FEFB}'));
    assert_eq!(
        shaped.cells[0].range(),
        0..t.len(),
        "the ligature cell covers both letters"
    );
}

#[test]
fn lam_alef_is_never_split_by_wrapping() {
    // Each row is exactly as wide as the word before "لا" plus the space: the ligature must move whole.
    for w in 1..12 {
        for r in rows("كلمة بلا فاصل", w, &ALWAYS) {
            assert!(r.width <= w);
        }
        let shaped = rows("كلمة بلا فاصل", w, &ALWAYS);
        let lig = shaped
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.glyph == Glyph::Char('\u{FEFC}'))
            .count();
        assert_eq!(lig, 1, "width {w}");
    }
}

#[test]
fn shaping_picks_forms_from_neighbours() {
    let t = "بيت";
    let cells: Vec<Glyph> = rows(t, 80, &ALWAYS)[0]
        .cells
        .iter()
        .map(|c| c.glyph)
        .collect();
    // Visual order: final teh, medial yeh, initial beh.
    assert_eq!(
        cells,
        vec![
            Glyph::Char('\u{FE96}'),
            Glyph::Char('\u{FEF4}'),
            Glyph::Char('\u{FE91}')
        ]
    );
}

#[test]
fn trailing_space_of_a_row_goes_to_the_paragraph_end_side() {
    // Rule L1: the space after "abc" ends the row, so it takes the paragraph level (right to
    // left) and is drawn at the row's left end, not between "abc" and the Arabic word.
    let t = "مرحبا abc def";
    let r = &rows(t, 10, &NEVER)[0];
    assert_eq!(r.text(t), format!(" abc {}", rev("مرحبا")));
}

#[test]
fn first_row_of_a_paragraph_holds_its_first_words() {
    let t = "الكلمة الأولى ثم الثانية ثم الثالثة ثم الرابعة";
    let r = row_texts(t, 16);
    assert!(
        r[0].ends_with(&rev("الكلمة")),
        "the first word is at the right end of the first row: {r:?}"
    );
    assert!(r.last().unwrap().contains(&rev("الرابعة")));
}

#[test]
fn a_paragraph_without_strong_characters_takes_the_document_direction() {
    let t = "12 - 34";
    assert!(rows(t, 80, &NEVER)[0].rtl);
    assert!(
        !rows(
            t,
            80,
            &LayoutOptions {
                default_rtl: false,
                ..NEVER
            }
        )[0]
        .rtl
    );
}

#[test]
fn bidi_controls_are_applied_then_dropped() {
    // RLO makes "abc" read right to left; the control itself is not drawn.
    let t = "x \u{202E}abc\u{202C} y";
    let r = &rows(t, 80, &NEVER)[0];
    assert_eq!(r.text(t), "x cba y");
    let shown = &rows(
        t,
        80,
        &LayoutOptions {
            show_controls: true,
            ..NEVER
        },
    )[0];
    assert!(
        shown.text(t).contains('←'),
        "--show-controls makes the override visible"
    );
}

#[test]
fn escape_sequences_are_shown_not_emitted() {
    let t = "a\x1b]52;c;aGk=\x07b\x1b[31mc\u{9b}d\u{7f}";
    let s = rows(t, 80, &NEVER)[0].text(t);
    assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
    assert!(s.contains('␛') && s.contains('␇') && s.contains('␡'));
}

#[test]
fn tabs_expand_to_the_next_stop() {
    let r = &rows(
        "a\tb",
        80,
        &LayoutOptions {
            default_rtl: false,
            ..NEVER
        },
    )[0];
    assert_eq!(r.text("a\tb"), "a       b");
    assert_eq!(r.width, 9);
}

#[test]
fn a_word_wider_than_the_row_is_cut_between_clusters() {
    let t = "مُحَمَّدٌمُحَمَّدٌ";
    for r in rows(t, 3, &NEVER) {
        assert!(r.width <= 3);
        for c in &r.cells {
            assert!(t.is_char_boundary(c.start as usize) && t.is_char_boundary(c.end as usize));
        }
    }
}

/// Characters random paragraphs are made of: Arabic letters, harakat, Latin, digits, Arabic-Indic
/// digits, punctuation and brackets, spaces and tabs, bidi controls, zero-width characters,
/// emoji, wide CJK, controls.
fn paragraph() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا", "ب", "ل", "لا", "م", "ة", "ى", "ي", "ء", "أ", "َ", "ً", "ّ", "ـ", "a", "B", "z", "1", "2",
        "٣", "۴", ".", ",", "،", "؛", "-", "(", ")", "[", "]", "«", "»", "“", "”", "<", " ", " ",
        " ", "\t", "\u{202B}", "\u{202E}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{200F}",
        "\u{200D}", "\u{200B}", "👍", "漢", "\x1b", "\u{85}", "%", "+", "/",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn rows_fit_cover_every_grapheme_once_and_map_back(text in paragraph(), width in 1u16..40, shape in any::<bool>()) {
        let opts = LayoutOptions { shape, ..NEVER };
        let rows = rows(&text, width, &opts);
        // Rows tile the paragraph in logical order.
        prop_assert_eq!(rows[0].start as usize, 0);
        prop_assert_eq!(rows.last().unwrap().end as usize, text.len());
        for pair in rows.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        let mut cover = vec![0u32; text.len()];
        for r in &rows {
            prop_assert!(r.width <= width, "row wider than {}: {:?}", width, r);
            prop_assert_eq!(r.width, r.cells.iter().map(|c| u16::from(c.width)).sum::<u16>());
            for c in &r.cells {
                // Each cell maps back to a piece of its own row, on character boundaries.
                prop_assert!(r.start <= c.start && c.end <= r.end && c.start < c.end);
                prop_assert!(text.is_char_boundary(c.start as usize) && text.is_char_boundary(c.end as usize));
                if c.glyph == Glyph::Source {
                    prop_assert_eq!(c.text(&text), text.get(c.range()).unwrap());
                }
                // Nothing invisible reaches the terminal, except a joiner inside an emoji picture.
                let joiner_ok = |ch: char| ch == '\u{200D}' && c.width == 2;
                prop_assert!(!c.text(&text).chars().any(|ch| ch.is_control() || (qari::chars::is_invisible(ch) && !joiner_ok(ch))));
                for b in c.range() {
                    cover[b] += 1;
                }
            }
        }
        // Every grapheme is drawn exactly once, except invisible format characters (hidden)
        // and spaces hanging at a row end.
        for (off, g) in text.grapheme_indices(true) {
            let n = cover[off];
            let hidden = g.chars().all(qari::chars::is_invisible);
            let space = g == " " || g == "\t";
            if hidden {
                prop_assert_eq!(n, 0, "hidden {:?} drawn", g);
            } else if space {
                prop_assert!(n <= 1);
            } else {
                prop_assert_eq!(n, 1, "grapheme {:?} at {} drawn {} times", g, off, n);
            }
        }
    }
}
