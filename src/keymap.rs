//! The one table of keys: it dispatches key presses in every part of the reader (the article,
//! a side pane, the help, the search prompt) and generates the help overlay, the status-bar hint
//! and the README's key tables, so what they say and what the keys do cannot drift apart. The
//! user's configuration rebinds actions by name in a copy of it, a [`Keymap`], which then does
//! all of that in its place.

use crate::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Wherever the reader has the keys: the article, a side pane, the help; in the search
    /// prompt too for keys that do not type (Ctrl-c, Ctrl-z, PgDn…), unless the prompt has its own.
    Global,
    /// When the article pane has the focus.
    Article,
    /// When a side pane (sections, entities) has the focus.
    Pane,
    /// While the help overlay is open.
    Help,
    /// While the search prompt is open; the keys that type go into the query.
    Prompt,
}

impl Context {
    /// The heading of the context's keys in the help and the README.
    fn heading(self) -> &'static str {
        match self {
            Context::Global | Context::Article => "Reading",
            Context::Pane => "In a side pane",
            Context::Help => "In this help",
            Context::Prompt => "In the search prompt (type to search)",
        }
    }
}

/// A key as it is pressed: code and modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Modifiers that must be held (Shift is ignored for characters: `G` is already upper case).
    pub mods: KeyModifiers,
}

/// Keys with a name of their own, as the help and the README write them. A configuration may
/// also write the key's name in crossterm's spelling (`Down`, `PageDown`, `BackTab`).
const NAMED: &[(KeyCode, &str)] = &[
    (KeyCode::Char(' '), "Space"),
    (KeyCode::Down, "↓"),
    (KeyCode::Up, "↑"),
    (KeyCode::Left, "←"),
    (KeyCode::Right, "→"),
    (KeyCode::PageDown, "PgDn"),
    (KeyCode::PageUp, "PgUp"),
    (KeyCode::BackTab, "Shift-Tab"),
    (KeyCode::Tab, "Tab"),
    (KeyCode::Enter, "Enter"),
    (KeyCode::Esc, "Esc"),
    (KeyCode::Home, "Home"),
    (KeyCode::End, "End"),
    (KeyCode::Backspace, "Backspace"),
    (KeyCode::Delete, "Delete"),
    (KeyCode::Insert, "Insert"),
];

impl Key {
    /// How the help and the README name the key, derived from the key itself.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(k, _)| *k == code)
                .map_or_else(|| format!("{code:?}"), |(_, name)| (*name).to_string()),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl FromStr for Key {
    type Err = String;

    /// Reads a key as [`Key::label`] writes it: `q`, `G`, `Ctrl-d`, `Space`, `PgDn`, `F1`.
    fn from_str(s: &str) -> Result<Key, String> {
        let (mods, name) = match s.strip_prefix("Ctrl-") {
            Some(rest) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
            _ => (KeyModifiers::NONE, s),
        };
        let mut chars = name.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) if c != ' ' && !c.is_control() => Some(KeyCode::Char(c)),
            _ => None,
        };
        // Named keys first: ↓ is the down arrow, not the character.
        let code = NAMED
            .iter()
            .find(|(k, label)| *label == name || format!("{k:?}") == name)
            .map(|(k, _)| *k)
            .or(single)
            .or_else(|| {
                let n: u8 = name.strip_prefix('F')?.parse().ok()?;
                (1..=12).contains(&n).then_some(KeyCode::F(n))
            });
        code.map(|code| Key { code, mods }).ok_or_else(|| {
            format!(
                "{s:?} is not a key: a character, Ctrl- and a character, F1 to F12, or one of {}",
                NAMED.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(" ")
            )
        })
    }
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// One row of the table: keys, the action they trigger, where, and what help says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Keys that trigger the action.
    pub keys: Cow<'static, [Key]>,
    /// What they do.
    pub action: Action,
    /// Where they apply.
    pub context: Context,
    /// The help text.
    pub help: &'static str,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    context: Context,
    help: &'static str,
) -> Binding {
    Binding {
        keys: Cow::Borrowed(keys),
        action,
        context,
        help,
    }
}

use Context::{Article, Global, Help, Pane, Prompt};

/// Every key binding of the reader, grouped by where it applies.
pub const KEYMAP: &[Binding] = &[
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::LineDown,
        Article,
        "line down",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::LineUp,
        Article,
        "line up",
    ),
    bind(
        &[ch(' '), ch('f'), key(KeyCode::PageDown)],
        Action::PageDown,
        Global,
        "page down",
    ),
    bind(
        &[ch('b'), key(KeyCode::PageUp)],
        Action::PageUp,
        Global,
        "page up",
    ),
    bind(
        &[ch('d'), ctrl('d')],
        Action::HalfPageDown,
        Global,
        "half page down",
    ),
    bind(
        &[ch('u'), ctrl('u')],
        Action::HalfPageUp,
        Global,
        "half page up",
    ),
    bind(&[ch('g'), key(KeyCode::Home)], Action::Top, Global, "top"),
    bind(
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        Global,
        "bottom",
    ),
    bind(&[ch(']')], Action::NextSection, Global, "next section"),
    bind(&[ch('[')], Action::PrevSection, Global, "previous section"),
    bind(&[ch('/')], Action::Search, Global, "search"),
    bind(&[ch('n')], Action::NextMatch, Global, "next match"),
    bind(&[ch('N')], Action::PrevMatch, Global, "previous match"),
    bind(&[key(KeyCode::Tab)], Action::FocusNext, Global, "next pane"),
    bind(
        &[key(KeyCode::BackTab)],
        Action::FocusPrev,
        Global,
        "previous pane",
    ),
    bind(
        &[ch('o')],
        Action::ToggleNavigator,
        Global,
        "show/hide sections",
    ),
    bind(
        &[ch('e')],
        Action::ToggleEntities,
        Global,
        "show/hide entities",
    ),
    bind(&[ch('m')], Action::NextMention, Global, "next mention"),
    bind(&[ch('M')], Action::PrevMention, Global, "previous mention"),
    bind(
        &[ch('l')],
        Action::NextLink,
        Global,
        "next link (its URL shown)",
    ),
    bind(&[ch('L')], Action::PrevLink, Global, "previous link"),
    bind(
        &[ch('H')],
        Action::ToggleHighlights,
        Global,
        "highlights on/off",
    ),
    bind(
        &[ch('v')],
        Action::SelectRows,
        Global,
        "select rows (j/k, ]/[ extend)",
    ),
    bind(&[ch('y')], Action::Copy, Global, "copy the selection"),
    bind(&[ch('Y')], Action::CopySection, Global, "copy this section"),
    bind(&[ch('i')], Action::Info, Global, "document information"),
    bind(
        &[ch('w')],
        Action::CycleMeasure,
        Global,
        "text width: 60, 72, 80, full",
    ),
    bind(&[ch('?'), key(KeyCode::F(1))], Action::Help, Global, "help"),
    bind(&[ch('q'), ctrl('c')], Action::Quit, Global, "quit"),
    bind(
        &[ctrl('z')],
        Action::Suspend,
        Global,
        "suspend (fg returns)",
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        Global,
        "close / clear notice",
    ),
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::LineDown,
        Pane,
        "next entry",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::LineUp,
        Pane,
        "previous entry",
    ),
    bind(&[key(KeyCode::Enter)], Action::Select, Pane, "jump to it"),
    bind(
        &[ch('a')],
        Action::ToggleUncertain,
        Pane,
        "uncertain names too (?)",
    ),
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::LineDown,
        Help,
        "scroll down",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::LineUp,
        Help,
        "scroll up",
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Accept,
        Prompt,
        "keep the position",
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Cancel,
        Prompt,
        "back to where you were",
    ),
    bind(
        &[key(KeyCode::Up)],
        Action::HistoryPrev,
        Prompt,
        "previous query",
    ),
    bind(
        &[key(KeyCode::Down)],
        Action::HistoryNext,
        Prompt,
        "next query",
    ),
    bind(
        &[ctrl('e')],
        Action::ToggleExact,
        Prompt,
        "exact matching on/off",
    ),
    bind(&[ctrl('u')], Action::ClearQuery, Prompt, "clear"),
    bind(
        &[key(KeyCode::Backspace)],
        Action::DeleteBack,
        Prompt,
        "delete a letter",
    ),
];

/// The name an action has in the configuration: its name in snake case (`line_down`).
pub fn action_name(action: Action) -> String {
    let mut name = String::new();
    for c in format!("{action:?}").chars() {
        if c.is_ascii_uppercase() && !name.is_empty() {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

/// The action a configuration names, among those the table binds.
pub fn action_named(name: &str) -> Option<Action> {
    KEYMAP
        .iter()
        .map(|b| b.action)
        .find(|&a| action_name(a) == name)
}

/// The bindings in effect: [`KEYMAP`] with the user's rebindings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The table as it is.
    fn default() -> Keymap {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// Binds `action` to `keys` (none: unbound), wherever the table binds it. The keys leave
    /// every other binding listed under the same heading of the help, so a key does one thing
    /// there; a side pane's, the help's and the prompt's own keys still go before the reading
    /// keys, as in the table.
    pub fn rebind(&mut self, action: Action, keys: &[Key]) {
        let headings: Vec<&str> = self
            .bindings
            .iter()
            .filter(|b| b.action == action)
            .map(|b| b.context.heading())
            .collect();
        for b in &mut self.bindings {
            if b.action == action {
                b.keys = Cow::Owned(keys.to_vec());
            } else if headings.contains(&b.context.heading()) {
                b.keys = b
                    .keys
                    .iter()
                    .filter(|k| !keys.contains(k))
                    .copied()
                    .collect();
            }
        }
    }

    /// The bindings, in the table's order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action bound to `ev` where `context` has the keys, if any: the context's own
    /// bindings first, then the global ones (in the prompt, only for keys that do not type).
    pub fn action_for(&self, ev: &KeyEvent, context: Context) -> Option<Action> {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        let code = match ev.code {
            // Some terminals report Shift-Tab as BackTab, others as Tab with Shift.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        let pressed = Key { code, mods };
        let find = |ctx: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.keys.contains(&pressed))
                .map(|b| b.action)
        };
        let types = matches!(code, KeyCode::Char(_)) && !mods.contains(KeyModifiers::CONTROL);
        match context {
            Context::Prompt if types => None,
            c => find(c).or_else(|| find(Context::Global)),
        }
    }

    /// What the status bar offers for `action`: its first key and its help text ("? help");
    /// nothing when no key is bound to it.
    pub fn hint(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| Some(format!("{} {}", b.keys.first()?.label(), b.help)))
            .unwrap_or_default()
    }

    /// The help lines: each context's heading, then its bindings (those with a key).
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let mut out = Vec::new();
        let mut heading = None;
        for b in self.bindings.iter().filter(|b| !b.keys.is_empty()) {
            if heading != Some(b.context.heading()) {
                heading = Some(b.context.heading());
                out.push(HelpLine::Heading(b.context.heading()));
            }
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            out.push(HelpLine::Keys(keys.join(" "), b.help));
        }
        out
    }
}

/// One line of the help: a heading, or a binding's keys and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    /// Where the keys below apply.
    Heading(&'static str),
    /// Keys (named, space separated) and what they do.
    Keys(String, &'static str),
}

/// The keys as Markdown, one table a context under its heading, generated from [`KEYMAP`]; the
/// README carries exactly this (a test checks it), so the documentation cannot drift either.
pub fn markdown_table() -> String {
    let mut out = String::new();
    for line in Keymap::default().help_lines() {
        match line {
            HelpLine::Heading(h) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!("{h}:\n\n| keys | action |\n|---|---|\n"));
            }
            HelpLine::Keys(keys, what) => {
                let keys: Vec<String> = keys
                    .split(' ')
                    .map(|k| format!("`{}`", k.replace('|', "\\|")))
                    .collect();
                out.push_str(&format!("| {} | {} |\n", keys.join(" "), what));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn labels_are_derived_from_the_keys() {
        let labels: Vec<String> = [ch(' '), ch('G'), ctrl('c'), key(KeyCode::F(1))]
            .iter()
            .map(Key::label)
            .collect();
        assert_eq!(labels, ["Space", "G", "Ctrl-c", "F1"]);
        assert_eq!(key(KeyCode::Enter).label(), "Enter");
        assert_eq!(key(KeyCode::Esc).label(), "Esc");
        assert_eq!(key(KeyCode::BackTab).label(), "Shift-Tab");
    }

    #[test]
    fn the_prompt_types_letters_and_keeps_the_control_keys() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Char('q'), none), Prompt),
            None
        );
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Char('j'), none), Prompt),
            None
        );
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Char('c'), ctrl), Prompt),
            Some(Action::Quit)
        );
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Char('z'), ctrl), Prompt),
            Some(Action::Suspend)
        );
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Char('u'), ctrl), Prompt),
            Some(Action::ClearQuery),
            "the prompt's own binding wins over the global one"
        );
        assert_eq!(
            Keymap::default().action_for(&press(KeyCode::Esc, none), Prompt),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn every_context_has_a_heading_in_the_help_and_the_hint_names_the_help_key() {
        let headings: Vec<HelpLine> = Keymap::default()
            .help_lines()
            .into_iter()
            .filter(|l| matches!(l, HelpLine::Heading(_)))
            .collect();
        assert_eq!(headings.len(), 4, "{headings:?}");
        assert_eq!(Keymap::default().hint(Action::Help), "? help");
    }

    #[test]
    fn every_key_of_the_table_reads_back_from_its_label() {
        for b in KEYMAP {
            for k in b.keys.iter() {
                assert_eq!(k.label().parse::<Key>(), Ok(*k), "{}", k.label());
            }
        }
        assert_eq!("PageDown".parse(), Ok(key(KeyCode::PageDown)));
        assert_eq!("Ctrl-x".parse(), Ok(ctrl('x')));
        assert!("jj".parse::<Key>().is_err());
        assert!("F13".parse::<Key>().is_err());
    }

    #[test]
    fn actions_are_named_in_snake_case_and_found_by_name() {
        assert_eq!(action_name(Action::HalfPageDown), "half_page_down");
        for b in KEYMAP {
            assert_eq!(action_named(&action_name(b.action)), Some(b.action));
        }
        assert_eq!(action_named("resize"), None, "not a key's action");
    }

    #[test]
    fn a_rebound_key_leaves_the_other_actions_under_the_same_heading() {
        let mut map = Keymap::default();
        map.rebind(Action::Quit, &[ch('x')]);
        map.rebind(Action::Top, &[ch('q'), ch('g')]);
        let none = KeyModifiers::NONE;
        let at = |c| map.action_for(&press(KeyCode::Char(c), none), Article);
        assert_eq!(at('x'), Some(Action::Quit));
        assert_eq!(at('q'), Some(Action::Top));
        assert_eq!(
            map.action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), Article),
            None,
            "Ctrl-c was quit's and quit is now x alone"
        );
        let lines = map.help_lines();
        assert!(lines.contains(&HelpLine::Keys("x".into(), "quit")));
        assert!(lines.contains(&HelpLine::Keys("q g".into(), "top")));
        assert_eq!(map.hint(Action::Quit), "x quit");
        // The prompt keeps its own Ctrl-u when half a page up is bound to it again.
        map.rebind(Action::HalfPageUp, &[ch('u'), ctrl('u')]);
        assert_eq!(
            map.action_for(&press(KeyCode::Char('u'), KeyModifiers::CONTROL), Prompt),
            Some(Action::ClearQuery)
        );
    }
}
