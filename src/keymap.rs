//! The one table of keys: it dispatches key presses in every part of the reader (the article,
//! a side pane, the help, the search prompt) and generates the help overlay, the status-bar hint
//! and the README's key tables, so what they say and what the keys do cannot drift apart.

use crate::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

impl Key {
    /// How the help and the README name the key, derived from the key itself.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => format!("{code:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
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
pub struct Binding {
    /// Keys that trigger the action.
    pub keys: &'static [Key],
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
        keys,
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

/// The action bound to `ev` where `context` has the keys, if any: the context's own bindings
/// first, then the global ones (in the prompt, only for keys that do not type).
pub fn action_for(ev: &KeyEvent, context: Context) -> Option<Action> {
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    let code = match ev.code {
        // Some terminals report Shift-Tab as BackTab, others as Tab with Shift.
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        c => c,
    };
    let pressed = Key { code, mods };
    let find = |ctx: Context| {
        KEYMAP
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

/// What the status bar offers for `action`: its first key and its help text ("? help").
pub fn hint(action: Action) -> String {
    KEYMAP
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| Some(format!("{} {}", b.keys.first()?.label(), b.help)))
        .unwrap_or_default()
}

/// One line of the help: a heading, or a binding's keys and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    /// Where the keys below apply.
    Heading(&'static str),
    /// Keys (named, space separated) and what they do.
    Keys(String, &'static str),
}

/// The help lines, generated from [`KEYMAP`]: each context's heading, then its bindings.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    let mut heading = None;
    for b in KEYMAP {
        if heading != Some(b.context.heading()) {
            heading = Some(b.context.heading());
            out.push(HelpLine::Heading(b.context.heading()));
        }
        let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
        out.push(HelpLine::Keys(keys.join(" "), b.help));
    }
    out
}

/// The keys as Markdown, one table a context under its heading, generated from [`KEYMAP`]; the
/// README carries exactly this (a test checks it), so the documentation cannot drift either.
pub fn markdown_table() -> String {
    let mut out = String::new();
    for line in help_lines() {
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
        assert_eq!(action_for(&press(KeyCode::Char('q'), none), Prompt), None);
        assert_eq!(action_for(&press(KeyCode::Char('j'), none), Prompt), None);
        assert_eq!(
            action_for(&press(KeyCode::Char('c'), ctrl), Prompt),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('z'), ctrl), Prompt),
            Some(Action::Suspend)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('u'), ctrl), Prompt),
            Some(Action::ClearQuery),
            "the prompt's own binding wins over the global one"
        );
        assert_eq!(
            action_for(&press(KeyCode::Esc, none), Prompt),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn every_context_has_a_heading_in_the_help_and_the_hint_names_the_help_key() {
        let headings: Vec<HelpLine> = help_lines()
            .into_iter()
            .filter(|l| matches!(l, HelpLine::Heading(_)))
            .collect();
        assert_eq!(headings.len(), 4, "{headings:?}");
        assert_eq!(hint(Action::Help), "? help");
    }
}
