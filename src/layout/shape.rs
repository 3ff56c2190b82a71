//! Contextual shaping of Arabic letters into presentation forms, for terminals that draw each
//! letter in its isolated form.
//!
//! Written by hand: shaping crates return a new string and lose which source bytes each glyph
//! came from, while every cell here must keep its source range (search and entity highlights are
//! painted through it). Forms are chosen in logical order from Unicode joining types; lam + alef
//! becomes one ligature cell; harakat stay with their letter (the cell keeps its marks).

use super::cell::Glyph;
use super::graphemes::Item;
use crate::chars::props::{self, Table};

/// Presentation forms of a letter: the first of its run in the presentation blocks (isolated,
/// final, initial, medial, in that order) and how many of them exist.
fn forms(c: char) -> Option<(u32, u8)> {
    // Letters U+0621..U+064A in the Arabic Presentation Forms-B block: the first code point of
    // each letter's run there and how many forms it has (2: isolated and final only, for
    // right-joining letters); 0 for the code points of that range that are not joining letters.
    const FE: [(u32, u8); 42] = [
        (0xFE80, 1), // ء
        (0xFE81, 2), // آ
        (0xFE83, 2), // أ
        (0xFE85, 2), // ؤ
        (0xFE87, 2), // إ
        (0xFE89, 4), // ئ
        (0xFE8D, 2), // ا
        (0xFE8F, 4), // ب
        (0xFE93, 2), // ة
        (0xFE95, 4), // ت
        (0xFE99, 4), // ث
        (0xFE9D, 4), // ج
        (0xFEA1, 4), // ح
        (0xFEA5, 4), // خ
        (0xFEA9, 2), // د
        (0xFEAB, 2), // ذ
        (0xFEAD, 2), // ر
        (0xFEAF, 2), // ز
        (0xFEB1, 4), // س
        (0xFEB5, 4), // ش
        (0xFEB9, 4), // ص
        (0xFEBD, 4), // ض
        (0xFEC1, 4), // ط
        (0xFEC5, 4), // ظ
        (0xFEC9, 4), // ع
        (0xFECD, 4), // غ
        (0, 0),      // U+063B..U+063F: letters without presentation forms
        (0, 0),
        (0, 0),
        (0, 0),
        (0, 0),
        (0, 0),      // U+0640 tatweel
        (0xFED1, 4), // ف
        (0xFED5, 4), // ق
        (0xFED9, 4), // ك
        (0xFEDD, 4), // ل
        (0xFEE1, 4), // م
        (0xFEE5, 4), // ن
        (0xFEE9, 4), // ه
        (0xFEED, 2), // و
        (0xFEEF, 2), // ى
        (0xFEF1, 4), // ي
    ];
    let (first, n) = match c {
        '\u{0621}'..='\u{064A}' => FE[c as usize - 0x0621],
        // Letters of Persian and Urdu text, in Presentation Forms-A (same order of forms).
        'ٱ' => (0xFB50, 2),
        'پ' => (0xFB56, 4),
        'چ' => (0xFB7A, 4),
        'ژ' => (0xFB8A, 2),
        'ک' => (0xFB8E, 4),
        'گ' => (0xFB92, 4),
        'ی' => (0xFBFC, 4),
        _ => return None,
    };
    (n != 0).then_some((first, n))
}

/// The lam-alef ligature for the alef `a`: (isolated, final).
fn lam_alef(a: char) -> Option<(char, char)> {
    match a {
        'آ' => Some(('\u{FEF5}', '\u{FEF6}')),
        'أ' => Some(('\u{FEF7}', '\u{FEF8}')),
        'إ' => Some(('\u{FEF9}', '\u{FEFA}')),
        'ا' => Some(('\u{FEFB}', '\u{FEFC}')),
        _ => None,
    }
}

/// How one item takes part in joining.
#[derive(Clone, Copy)]
struct Join {
    /// First character of the cell, when the cell draws source text.
    base: Option<char>,
    /// Can connect to the letter before it (in logical order).
    to_prev: bool,
    /// Can connect to the letter after it.
    to_next: bool,
    /// Letters join across it as if it were not there: a hidden isolate or directional mark
    /// (joining type T, like every format character but the joiners).
    transparent: bool,
}

fn join_of(item: &Item, para: &str, base: usize, table: Table) -> Join {
    const NONE: Join = Join {
        base: None,
        to_prev: false,
        to_next: false,
        transparent: false,
    };
    if item.cell.glyph == Glyph::Hidden {
        return Join {
            transparent: true,
            ..NONE
        };
    }
    let c = item.first;
    let alone = (item.cell.end - item.cell.start) as usize == c.len_utf8();
    // No character before the Arabic block joins (spaces, digits, Latin): the cheap test first.
    if (alone && c < '\u{0600}') || item.cell.glyph != Glyph::Source {
        return NONE;
    }
    let (prev, next) = table.joins(c);
    // A ZWNJ inside the cluster stops joining to the next letter; a ZWJ forces it. Most
    // clusters are one letter, with nothing else to look at.
    let next = if alone {
        next
    } else {
        let s = para
            .get(item.cell.start as usize - base..item.cell.end as usize - base)
            .unwrap_or("");
        if s.contains('\u{200C}') {
            false
        } else {
            next || s.contains('\u{200D}')
        }
    };
    Join {
        base: Some(c),
        to_prev: prev,
        to_next: next,
        transparent: false,
    }
}

/// Working memory of [`shape`], kept between paragraphs.
#[derive(Default)]
pub struct Scratch {
    joins: Vec<Join>,
}

/// Replaces Arabic letters in `items` (one paragraph `para` starting at byte `base`) by the
/// presentation form their neighbours call for, and lam + alef by one ligature cell.
pub fn shape(items: &mut Vec<Item>, para: &str, base: usize, scratch: &mut Scratch) {
    let joins = &mut scratch.joins;
    joins.clear();
    let table = props::table();
    joins.extend(items.iter().map(|it| join_of(it, para, base, table)));
    // Letters are rewritten in place. A lam-alef ligature's cell takes over the alef's bytes and
    // the alef's item is emptied (no other item has an empty range), to be dropped at the end.
    let mut merged = false;
    // The item before the current one, transparent ones passed over.
    let mut before: Option<Join> = None;
    let mut i = 0;
    while i < items.len() {
        let j = joins[i];
        if j.transparent {
            i += 1;
            continue;
        }
        let prev = before.replace(j).is_some_and(|b| b.to_next) && j.to_prev;
        let Some(c) = j.base else {
            i += 1;
            continue;
        };
        let next_at = (i + 1..joins.len()).find(|&k| !joins[k].transparent);
        let after = next_at.map(|k| joins[k]);
        // Only letters next to each other in the source form the ligature, so its cell never
        // swallows a hidden control between them.
        let lig = (c == 'ل' && next_at == Some(i + 1))
            .then(|| after.and_then(|a| a.base).and_then(lam_alef))
            .flatten()
            .filter(|_| {
                items
                    .get(i + 1)
                    .is_some_and(|n| n.cell.start == items[i].cell.end)
            });
        if let Some((iso, fin)) = lig {
            before = after;
            let alef = items[i + 1];
            let cell = &mut items[i].cell;
            cell.end = alef.cell.end;
            cell.replace_with(
                if prev { fin } else { iso },
                c.len_utf8() + alef.first.len_utf8(),
            );
            items[i + 1].cell.end = alef.cell.start;
            merged = true;
            i += 2;
            continue;
        }
        if let Some((first, n)) = forms(c) {
            let next = j.to_next && after.is_some_and(|a| a.to_prev);
            // Offsets of the medial, final, initial and isolated forms; a form exists when
            // its offset is below `n`.
            let pick = match (prev, next) {
                (true, true) if n > 3 => 3,
                (true, _) if n > 1 => 1,
                (false, true) if n > 2 => 2,
                _ => 0,
            };
            if let Some(g) = char::from_u32(first + pick) {
                items[i].cell.replace_with(g, c.len_utf8());
            }
        }
        i += 1;
    }
    if merged {
        items.retain(|it| it.cell.start != it.cell.end);
    }
}
