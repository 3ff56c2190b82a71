//! Runs of Arabic cells put back in logical order inside a visual row, for a terminal that
//! shapes each such run right to left by itself (kitty, through HarfBuzz): the words stay in
//! visual order, and the terminal's reversal of each run lands its letters right.

use crate::layout::Cell;

/// The cell whose text is sent at position `i` of `cells` (a row in visual order), for a
/// terminal that shapes each run of Arabic glyphs right to left by itself (kitty draws a run
/// from one font as HarfBuzz orders it): within each maximal run of cells that draw Arabic
/// characters the texts are sent reversed, so the terminal's reversal lands them where the
/// visual row has them; every other cell (spaces, digits, Latin, brackets, the full stop) is
/// sent where it is. Arabic punctuation (، ؛) and Arabic-Indic digits come from the same font and
/// belong to the run. The cells keep their places (and their styles, which the terminal draws
/// per cell); only the order their texts are sent in changes.
pub fn sent_order(cells: &[Cell], doc: &str, order: &mut Vec<usize>) {
    let arabic = |c: &Cell| c.width == 1 && c.first_char(doc).is_some_and(is_arabic);
    order.clear();
    let mut i = 0;
    while i < cells.len() {
        let start = i;
        while i < cells.len() && arabic(&cells[i]) {
            i += 1;
        }
        order.extend((start..i).rev());
        if i == start {
            order.push(i);
            i += 1;
        }
    }
}

/// Characters of the Arabic blocks: letters, marks, punctuation, digits and presentation forms.
pub fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, layout_paragraph};

    /// The row `text` lays out to at 80 columns, as sent to kitty.
    fn kitty_row(text: &str) -> String {
        let opts = LayoutOptions::default();
        let row = layout_paragraph(text, 0..text.len(), 80, &opts).remove(0);
        let mut order = Vec::new();
        sent_order(&row.cells, text, &mut order);
        assert_eq!(order.len(), row.cells.len());
        order.iter().map(|&i| row.cells[i].text(text)).collect()
    }

    #[test]
    fn words_keep_visual_order_and_their_letters_go_back_to_logical_order() {
        // Visual order would be "(وتانلا) فلح": the words right to left, each word's letters
        // as read, and the brackets, mirrored, where they are.
        assert_eq!(kitty_row("حلف (الناتو)"), "(الناتو) حلف");
        // The full stop stays on the left, the number reads left to right, the Arabic comma
        // after the number stays on its left, and the one after a word goes with the word.
        assert_eq!(kitty_row("عام 2023، قال."), ".قال ،2023 عام");
        assert_eq!(kitty_row("قال، عام"), "عام قال،");
    }
}
