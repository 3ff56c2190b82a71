//! Colours and text attributes, in one place: a dark theme and a light one, chosen once before
//! the first frame (by the settings, `--theme`, or the terminal's answer when asked for its
//! background). Every highlight also has a non-colour cue (bold, underline, reverse, italic) so it
//! reads under `NO_COLOR` and on monochrome terminals.
//!
//! The colours come from the 256-colour palette's cube and grey ramp, whose values every
//! terminal keeps (the 16 basic colours are whatever the terminal's theme makes them: dark blue
//! vanishes on a dark background, yellow and cyan on a light one). Each colour that draws text on
//! the terminal's own background has a contrast of at least 4.5:1 (WCAG AA for text) against the
//! backgrounds its theme is for; a test checks every style of both themes.

use crate::document::structure::LineKind;
use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The colours of a theme, by what they mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Headings, links, key names, the focused border, organisations.
    accent: Color,
    /// Code, places.
    green: Color,
    /// Pull quotes.
    quote: Color,
    /// Notices, entities of other kinds.
    warm: Color,
    /// People.
    person: Color,
    /// Secondary text, borders, the source line.
    grey: Color,
}

/// For a dark background (black to the grey of (38, 38, 38)): light tones, each at least 5.5:1.
pub const DARK: Theme = Theme {
    // (135, 175, 255)
    accent: Color::Indexed(111),
    // (135, 215, 135)
    green: Color::Indexed(114),
    // Lavender, (215, 175, 255): a pull quote reads as easily as the text around it.
    quote: Color::Indexed(183),
    // (255, 135, 135)
    warm: Color::Indexed(210),
    // (255, 135, 255)
    person: Color::Indexed(213),
    // (158, 158, 158)
    grey: Color::Indexed(247),
};

/// For a light background (white to the grey of (228, 228, 228)): dark tones, each at least
/// 5:1.
pub const LIGHT: Theme = Theme {
    // (0, 95, 175)
    accent: Color::Indexed(25),
    // (0, 95, 0)
    green: Color::Indexed(22),
    // (135, 0, 175)
    quote: Color::Indexed(91),
    // (175, 0, 0)
    warm: Color::Indexed(124),
    // (175, 0, 135)
    person: Color::Indexed(126),
    // (88, 88, 88)
    grey: Color::Indexed(240),
};

/// Black and yellow, (0, 0, 0) and (255, 255, 0), and light red, (255, 135, 135): the
/// backgrounds of search matches, which carry their own text colour, the same in both themes.
const BLACK: Color = Color::Indexed(16);
const YELLOW: Color = Color::Indexed(226);
const LIGHT_RED: Color = Color::Indexed(210);

/// Whether the light theme is the one in use (else the dark one).
static LIGHT_IN_USE: AtomicBool = AtomicBool::new(false);

/// Makes `theme` (the dark or the light one) the one every frame is drawn with from now on: the
/// terminal's answer about its background may come after the first frame.
pub fn choose(theme: Theme) {
    LIGHT_IN_USE.store(theme == LIGHT, Ordering::Relaxed);
}

/// The theme in use: the one chosen, else the dark one.
pub fn active() -> &'static Theme {
    if LIGHT_IN_USE.load(Ordering::Relaxed) {
        &LIGHT
    } else {
        &DARK
    }
}

/// The theme that reads on a background of colour `rgb`: the light one where black text has the
/// better contrast, else the dark one.
pub fn for_background(rgb: [u8; 3]) -> Theme {
    if contrast(rgb, [0; 3]) > contrast(rgb, [255; 3]) {
        LIGHT
    } else {
        DARK
    }
}

/// WCAG 2 relative luminance of an sRGB colour.
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

/// True when the user asked for no colours (`NO_COLOR` set and not empty, see no-color.org).
fn no_color() -> bool {
    static NO: OnceLock<bool> = OnceLock::new();
    *NO.get_or_init(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// True unless the user asked for no colours: only then does the theme matter.
pub fn in_colour() -> bool {
    !no_color()
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

impl Theme {
    /// The status bar.
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A notice in the status bar (decoding problems, "not found").
    pub fn notice(&self) -> Style {
        fg(self.warm).add_modifier(Modifier::BOLD)
    }

    /// The scrollbar thumb.
    pub fn thumb(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Borders and titles of overlays and unfocused panes.
    pub fn border(&self) -> Style {
        fg(self.grey)
    }

    /// The border of the pane that has the keyboard focus.
    pub fn focused_border(&self) -> Style {
        fg(self.accent).add_modifier(Modifier::BOLD)
    }

    /// A tab name of the side pane.
    pub fn tab(&self) -> Style {
        fg(self.grey)
    }

    /// The tab being shown.
    pub fn tab_active(&self) -> Style {
        fg(self.accent).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A heading in the help overlay.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A key name in the help overlay.
    pub fn key(&self) -> Style {
        fg(self.accent).add_modifier(Modifier::BOLD)
    }

    /// Secondary text ("analysing…", "no sections").
    pub fn dim(&self) -> Style {
        fg(self.grey).add_modifier(italic())
    }

    /// A navigator entry by outline level.
    pub fn section(&self, level: u8) -> Style {
        match level {
            1 => Style::new().add_modifier(Modifier::BOLD),
            2 => fg(self.accent),
            _ => Style::new(),
        }
    }

    /// The section the view is in (navigator), or the selected entity while the pane is not focused.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The selection of a focused pane.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A kind's heading in the entity pane.
    pub fn group_heading(&self) -> Style {
        fg(self.grey).add_modifier(Modifier::BOLD)
    }

    /// A mention of an entity of `kind` (one colour a kind; underlined in any case).
    pub fn entity(&self, kind: Kind) -> Style {
        let c = match kind {
            Kind::Person => self.person,
            Kind::Organization => self.accent,
            Kind::Location => self.green,
            Kind::Other => self.warm,
        };
        fg(c).add_modifier(Modifier::UNDERLINED)
    }

    /// A search match.
    pub fn search_match(&self) -> Style {
        bg(YELLOW).patch(fg(BLACK)).add_modifier(Modifier::REVERSED)
    }

    /// The match the view is on.
    pub fn current_match(&self) -> Style {
        bg(LIGHT_RED)
            .patch(fg(BLACK))
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// How text styled inline looks: `flags` are [`crate::document::blocks::style`] flags. Each
    /// has a cue that is not a colour (bold, italic, underline, reverse…).
    pub fn inline(&self, flags: u8) -> Style {
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
        add(CODE, fg(self.green).add_modifier(Modifier::REVERSED));
        add(LINK, fg(self.accent).add_modifier(Modifier::UNDERLINED));
        add(STRIKE, Style::new().add_modifier(Modifier::CROSSED_OUT));
        add(IMAGE, fg(self.grey).add_modifier(Modifier::DIM));
        s
    }

    /// How a line of code looks.
    pub fn code(&self) -> Style {
        fg(self.green)
    }

    /// How a line of the article looks, by what it is.
    pub fn line(&self, kind: LineKind) -> Style {
        match kind {
            LineKind::Title => Style::new().add_modifier(Modifier::BOLD),
            LineKind::Heading => fg(self.accent).add_modifier(Modifier::BOLD),
            LineKind::Item => Style::new().add_modifier(Modifier::BOLD),
            LineKind::Quote => fg(self.quote).add_modifier(italic()),
            LineKind::Source => fg(self.grey).add_modifier(italic()),
            _ => Style::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::LineKind;

    /// Every style of `t`, by name (a new style belongs here too).
    fn every_style(t: &Theme) -> Vec<(String, Style)> {
        let mut all = vec![
            ("status".to_string(), t.status()),
            ("notice".into(), t.status().patch(t.notice())),
            ("thumb".into(), t.thumb()),
            ("border".into(), t.border()),
            ("focused_border".into(), t.focused_border()),
            ("tab".into(), t.tab()),
            ("tab_active".into(), t.tab_active()),
            ("heading".into(), t.heading()),
            ("key".into(), t.key()),
            ("dim".into(), t.dim()),
            ("current".into(), t.current()),
            ("selected".into(), t.selected()),
            ("group_heading".into(), t.group_heading()),
            ("search_match".into(), t.search_match()),
            ("current_match".into(), t.current_match()),
            ("code".into(), t.code()),
        ];
        all.extend((1..=3).map(|l| (format!("section({l})"), t.section(l))));
        for k in [
            Kind::Person,
            Kind::Organization,
            Kind::Location,
            Kind::Other,
        ] {
            all.push((format!("entity({k:?})"), t.entity(k)));
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
            all.push((format!("line({k:?})"), t.line(k)));
        }
        all.extend((0..=u8::MAX).map(|f| (format!("inline({f:#010b})"), t.inline(f))));
        all
    }

    /// xterm's default values of the 16 basic colours.
    const XTERM: [[u8; 3]; 16] = [
        [0, 0, 0],
        [205, 0, 0],
        [0, 205, 0],
        [205, 205, 0],
        [0, 0, 238],
        [205, 0, 205],
        [0, 205, 205],
        [229, 229, 229],
        [127, 127, 127],
        [255, 0, 0],
        [0, 255, 0],
        [255, 255, 0],
        [92, 92, 255],
        [255, 0, 255],
        [0, 255, 255],
        [255, 255, 255],
    ];

    /// The colour's sRGB value as xterm draws it by default: the 16 basic colours (named or by
    /// index), the 256-colour cube and grey ramp, or the colour itself. `None` for the
    /// terminal's own default colour.
    fn rgb(c: Color) -> Option<[u8; 3]> {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        let named = [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ];
        match c {
            Color::Reset => None,
            Color::Rgb(r, g, b) => Some([r, g, b]),
            Color::Indexed(i @ 0..=15) => Some(XTERM[usize::from(i)]),
            Color::Indexed(i @ 16..=231) => {
                let i = usize::from(i - 16);
                Some([LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6]])
            }
            Color::Indexed(i @ 232..=255) => Some([8 + 10 * (i - 232); 3]),
            c => named.iter().position(|&n| n == c).map(|i| XTERM[i]),
        }
    }

    /// WCAG AA for text.
    const MIN_CONTRAST: f64 = 4.5;

    /// The backgrounds a theme is for: the darkest and lightest a terminal of that kind has.
    fn backgrounds(t: &Theme) -> [[u8; 3]; 2] {
        if *t == LIGHT {
            [[255; 3], [228; 3]]
        } else {
            [[0; 3], [38; 3]]
        }
    }

    #[test]
    fn every_colour_of_both_themes_reads_on_its_background() {
        if no_color() {
            return;
        }
        for theme in [DARK, LIGHT] {
            for (name, style) in every_style(&theme) {
                let fg = style.fg.and_then(rgb);
                let bg = style.bg.and_then(rgb);
                match (fg, bg) {
                    // Its own text and background (reversed or not, the pair is the same).
                    (Some(f), Some(b)) => {
                        let c = contrast(f, b);
                        assert!(c >= MIN_CONTRAST, "{name}: {c:.2}:1 between its colours");
                    }
                    // On the terminal's background (or, reversed, under the terminal's text).
                    (Some(f), None) => {
                        for back in backgrounds(&theme) {
                            let c = contrast(f, back);
                            assert!(c >= MIN_CONTRAST, "{name}: {c:.2}:1 on {back:?}");
                        }
                    }
                    (None, Some(_)) => panic!("{name}: a background without a text colour"),
                    (None, None) => {}
                }
            }
        }
    }

    #[test]
    fn the_themes_differ_and_a_background_chooses_one() {
        assert_ne!(DARK, LIGHT);
        assert_eq!(for_background([255; 3]), LIGHT);
        assert_eq!(for_background([253, 246, 227]), LIGHT, "Solarized light");
        assert_eq!(for_background([0; 3]), DARK);
        assert_eq!(for_background([0, 43, 54]), DARK, "Solarized dark");
        assert_eq!(for_background([40, 42, 54]), DARK, "Dracula");
    }

    #[test]
    fn basic_colours_resolve_to_xterm_values() {
        assert_eq!(rgb(Color::Blue), Some([0, 0, 238]));
        assert_eq!(rgb(Color::Indexed(12)), Some([92, 92, 255]));
        assert_eq!(rgb(Color::Indexed(63)), Some([95, 95, 255]));
        assert_eq!(rgb(Color::Reset), None);
    }
}
