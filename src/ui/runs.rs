//! The finished screen with each run of Arabic cells sent reversed, for kitty, which shapes
//! such a run right to left by itself (see `layout::runs`). Done on the whole buffer once every
//! widget has drawn, so a word cut by an overlay is reversed as the part that shows.

use crate::layout::runs::is_arabic;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

/// The attributes that make kitty draw a cell from another face of the font, which ends a run.
const FACE: Modifier = Modifier::BOLD.union(Modifier::ITALIC);

/// Reverses the symbols of each run of one-column Arabic cells of one face in every row of
/// `buf`; the cells keep their styles, which kitty draws per cell.
pub fn reverse_arabic_runs(buf: &mut Buffer) {
    let area = buf.area;
    let mut run: Vec<String> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let start = x;
            let face = buf[(x, y)].modifier & FACE;
            while x < area.right() && arabic(buf, x, y) && buf[(x, y)].modifier & FACE == face {
                x += 1;
            }
            if x == start {
                x += 1;
                continue;
            }
            run.clear();
            run.extend((start..x).map(|c| buf[(c, y)].symbol().to_string()));
            for (c, symbol) in (start..x).zip(run.iter().rev()) {
                buf[(c, y)].set_symbol(symbol);
            }
        }
    }
}

/// Whether the cell at (`x`, `y`) draws one column of an Arabic character.
fn arabic(buf: &Buffer, x: u16, y: u16) -> bool {
    let symbol = buf[(x, y)].symbol();
    symbol.width() == 1 && symbol.chars().next().is_some_and(is_arabic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn each_run_of_arabic_cells_is_reversed_in_place_and_keeps_its_styles() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        // Visual order, as on screen: ".ﻮﺗﺎﻨﻟﺍ (ﺐﺣ)", the middle letters bold.
        buf.set_string(0, 0, ".ﻮﺗﺎﻨﻟﺍ (ﺐﺣ)", Style::new());
        buf[(3, 0)].modifier = Modifier::BOLD;
        buf[(4, 0)].modifier = Modifier::BOLD;
        reverse_arabic_runs(&mut buf);
        let text: String = (0..12).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        // Runs: ﻮﺗ, ﺎﻨ (bold), ﻟﺍ, ﺐﺣ; the full stop, space and brackets stay.
        assert_eq!(text, ".ﺗﻮﻨﺎﺍﻟ (ﺣﺐ)");
        assert_eq!(
            buf[(3, 0)].modifier,
            Modifier::BOLD,
            "styles stay on their cells"
        );
    }
}
