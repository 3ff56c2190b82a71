//! Colours and text attributes, in one place. Every highlight also has a non-colour cue
//! (bold, underline, reverse, italic) so it reads under `NO_COLOR` and on monochrome terminals.
//!
//! The colours come from the 256-colour palette's cube and grey ramp, whose values every
//! terminal keeps (the 16 basic colours are whatever the terminal's theme makes them: dark blue
//! vanishes on a dark background, yellow and cyan on a light one). Each colour that draws text on
//! the terminal's own background is a mid-tone with a contrast of at least 4.5:1 (WCAG AA for
//! text) against black and against white alike, so it reads on dark and light terminals; a test
//! checks every style.

use crate::document::structure::LineKind;
use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;

/// Slate blue, (95, 95, 255): 4.6:1 on black and on white.
const BLUE: Color = Color::Indexed(63);
/// Green, (0, 135, 95): 4.5:1 on black and on white.
const GREEN: Color = Color::Indexed(29);
/// Purple, (135, 95, 215): 4.5:1 on black and on white.
const PURPLE: Color = Color::Indexed(98);
/// Brick red, (175, 95, 95): 4.5:1 on black and on white.
const BRICK: Color = Color::Indexed(131);
/// Magenta, (215, 0, 175): 4.5:1 on black and on white.
const MAGENTA: Color = Color::Indexed(163);
/// Grey, (118, 118, 118): 4.5:1 on black and on white.
const GREY: Color = Color::Indexed(243);
/// Black and yellow, (0, 0, 0) and (255, 255, 0), and light red, (255, 135, 135): the
/// backgrounds of search matches, which carry their own text colour.
const BLACK: Color = Color::Indexed(16);
const YELLOW: Color = Color::Indexed(226);
const LIGHT_RED: Color = Color::Indexed(210);

/// True when the user asked for no colours (`NO_COLOR` set and not empty, see no-color.org).
fn no_color() -> bool {
    static NO: OnceLock<bool> = OnceLock::new();
    *NO.get_or_init(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// Italic, where the terminal draws italic Arabic; nothing in mlterm, which shows every italic
/// Arabic letter as an empty box with its default fonts.
fn italic() -> Modifier {
    static ITALIC: OnceLock<bool> = OnceLock::new();
    if *ITALIC.get_or_init(|| crate::terminal::Terminal::detect().draws_italic_arabic()) {
        Modifier::ITALIC
    } else {
        Modifier::empty()
    }
}

/// A style with foreground colour `c`, unless colours are off.
fn fg(c: Color) -> Style {
    if no_color() {
        Style::new()
    } else {
        Style::new().fg(c)
    }
}

/// A style with background colour `c`, unless colours are off.
fn bg(c: Color) -> Style {
    if no_color() {
        Style::new()
    } else {
        Style::new().bg(c)
    }
}

/// The status bar.
pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A notice in the status bar (decoding problems, "not found").
pub fn notice() -> Style {
    fg(BRICK).add_modifier(Modifier::BOLD)
}

/// The scrollbar thumb.
pub fn thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Borders and titles of overlays and unfocused panes.
pub fn border() -> Style {
    fg(GREY)
}

/// The border of the pane that has the keyboard focus.
pub fn focused_border() -> Style {
    fg(BLUE).add_modifier(Modifier::BOLD)
}

/// A tab name of the side pane.
pub fn tab() -> Style {
    fg(GREY)
}

/// The tab being shown.
pub fn tab_active() -> Style {
    fg(BLUE).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// A heading in the help overlay.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// A key name in the help overlay.
pub fn key() -> Style {
    fg(BLUE).add_modifier(Modifier::BOLD)
}

/// Secondary text ("analysing…", "no sections").
pub fn dim() -> Style {
    fg(GREY).add_modifier(italic())
}

/// A navigator entry by outline level.
pub fn section(level: u8) -> Style {
    match level {
        1 => Style::new().add_modifier(Modifier::BOLD),
        2 => fg(BLUE),
        _ => Style::new(),
    }
}

/// The section the view is in (navigator), or the selected entity while the pane is not focused.
pub fn current() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The selection of a focused pane.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A kind's heading in the entity pane.
pub fn group_heading() -> Style {
    fg(GREY).add_modifier(Modifier::BOLD)
}

/// A mention of an entity of `kind` (one colour a kind; underlined in any case).
pub fn entity(kind: Kind) -> Style {
    let c = match kind {
        Kind::Person => MAGENTA,
        Kind::Organization => BLUE,
        Kind::Location => GREEN,
        Kind::Other => BRICK,
    };
    fg(c).add_modifier(Modifier::UNDERLINED)
}

/// A search match.
pub fn search_match() -> Style {
    bg(YELLOW).patch(fg(BLACK)).add_modifier(Modifier::REVERSED)
}

/// The match the view is on.
pub fn current_match() -> Style {
    bg(LIGHT_RED)
        .patch(fg(BLACK))
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// How text styled inline looks: `flags` are [`crate::document::blocks::style`] flags. Each
/// has a cue that is not a colour (bold, italic, underline, reverse…).
pub fn inline(flags: u8) -> Style {
    use crate::document::blocks::style::*;
    let mut s = Style::new();
    let mut add = |f: u8, st: Style| {
        if flags & f != 0 {
            s = s.patch(st);
        }
    };
    add(STRONG, Style::new().add_modifier(Modifier::BOLD));
    add(EMPHASIS, Style::new().add_modifier(italic()));
    add(UNDERLINE, Style::new().add_modifier(Modifier::UNDERLINED));
    add(CODE, fg(GREEN).add_modifier(Modifier::REVERSED));
    add(LINK, fg(BLUE).add_modifier(Modifier::UNDERLINED));
    add(STRIKE, Style::new().add_modifier(Modifier::CROSSED_OUT));
    add(IMAGE, fg(GREY).add_modifier(Modifier::DIM));
    s
}

/// How a line of code looks.
pub fn code() -> Style {
    fg(GREEN)
}

/// How a line of the article looks, by what it is.
pub fn line(kind: LineKind) -> Style {
    match kind {
        LineKind::Title => Style::new().add_modifier(Modifier::BOLD),
        LineKind::Heading => fg(BLUE).add_modifier(Modifier::BOLD),
        LineKind::Item => Style::new().add_modifier(Modifier::BOLD),
        LineKind::Quote => fg(PURPLE).add_modifier(italic()),
        LineKind::Source => fg(GREY).add_modifier(italic()),
        _ => Style::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::LineKind;

    /// Every style of the theme, by name (a new style belongs here too).
    fn every_style() -> Vec<(String, Style)> {
        let mut all = vec![
            ("status".to_string(), status()),
            ("notice".into(), status().patch(notice())),
            ("thumb".into(), thumb()),
            ("border".into(), border()),
            ("focused_border".into(), focused_border()),
            ("tab".into(), tab()),
            ("tab_active".into(), tab_active()),
            ("heading".into(), heading()),
            ("key".into(), key()),
            ("dim".into(), dim()),
            ("current".into(), current()),
            ("selected".into(), selected()),
            ("group_heading".into(), group_heading()),
            ("search_match".into(), search_match()),
            ("current_match".into(), current_match()),
            ("code".into(), code()),
        ];
        all.extend((1..=3).map(|l| (format!("section({l})"), section(l))));
        for k in [
            Kind::Person,
            Kind::Organization,
            Kind::Location,
            Kind::Other,
        ] {
            all.push((format!("entity({k:?})"), entity(k)));
        }
        for k in [
            LineKind::Blank,
            LineKind::Title,
            LineKind::TitleRepeat,
            LineKind::Heading,
            LineKind::Item,
            LineKind::Quote,
            LineKind::Body,
            LineKind::Lede,
            LineKind::Source,
            LineKind::Rule,
        ] {
            all.push((format!("line({k:?})"), line(k)));
        }
        all
    }

    /// The colour's sRGB value: known for the cube and the grey ramp of the 256-colour palette,
    /// not for the 16 basic colours (the terminal's theme decides those).
    fn rgb(c: Color) -> Option<[u8; 3]> {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match c {
            Color::Rgb(r, g, b) => Some([r, g, b]),
            Color::Indexed(i @ 16..=231) => {
                let i = usize::from(i - 16);
                Some([LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6]])
            }
            Color::Indexed(i @ 232..=255) => Some([8 + 10 * (i - 232); 3]),
            _ => None,
        }
    }

    /// WCAG 2 relative luminance.
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG 2 contrast ratio of two colours.
    fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// WCAG AA for text.
    const MIN_CONTRAST: f64 = 4.5;

    #[test]
    fn every_colour_reads_on_black_and_on_white_backgrounds() {
        if no_color() {
            return;
        }
        for (name, style) in every_style() {
            let fg = style.fg.and_then(rgb);
            let bg = style.bg.and_then(rgb);
            assert!(
                style.fg.is_none() || fg.is_some(),
                "{name}: {:?} is a basic colour the terminal's theme decides",
                style.fg
            );
            assert!(style.bg.is_none() || bg.is_some(), "{name}: {:?}", style.bg);
            match (fg, bg) {
                // Its own text and background (reversed or not, the pair is the same).
                (Some(f), Some(b)) => {
                    let c = contrast(f, b);
                    assert!(c >= MIN_CONTRAST, "{name}: {c:.2}:1 between its colours");
                }
                // On the terminal's background (or, reversed, under the terminal's text colour).
                (Some(f), None) => {
                    for (what, back) in [("black", [0; 3]), ("white", [255; 3])] {
                        let c = contrast(f, back);
                        assert!(c >= MIN_CONTRAST, "{name}: {c:.2}:1 on {what}");
                    }
                }
                (None, Some(_)) => panic!("{name}: a background without a text colour"),
                (None, None) => {}
            }
        }
    }
}
