//! The one table of keys: it dispatches key presses and generates the help overlay and the
//! status-bar hint, so what the help says and what the keys do cannot drift apart.

use crate::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere (unless a prompt takes the keys).
    Global,
    /// When the article pane has the focus.
    Article,
    /// When a side pane (sections, entities) has the focus.
    Pane,
}

/// A key as it is pressed: code and modifiers, plus how help names it.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Modifiers that must be held (Shift is ignored for characters: `G` is already upper case).
    pub mods: KeyModifiers,
    /// How the help overlay shows it.
    pub label: &'static str,
}

const fn ch(c: char, label: &'static str) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
        label,
    }
}
const fn ctrl(c: char, label: &'static str) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
        label,
    }
}
const fn key(code: KeyCode, label: &'static str) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
        label,
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

/// Every key binding of the reader.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[ch('j', "j"), key(KeyCode::Down, "↓")],
        action: Action::LineDown,
        context: Context::Article,
        help: "line down",
    },
    Binding {
        keys: &[ch('k', "k"), key(KeyCode::Up, "↑")],
        action: Action::LineUp,
        context: Context::Article,
        help: "line up",
    },
    Binding {
        keys: &[
            ch(' ', "Space"),
            ch('f', "f"),
            key(KeyCode::PageDown, "PgDn"),
        ],
        action: Action::PageDown,
        context: Context::Global,
        help: "page down",
    },
    Binding {
        keys: &[ch('b', "b"), key(KeyCode::PageUp, "PgUp")],
        action: Action::PageUp,
        context: Context::Global,
        help: "page up",
    },
    Binding {
        keys: &[ch('d', "d"), ctrl('d', "Ctrl-d")],
        action: Action::HalfPageDown,
        context: Context::Global,
        help: "half page down",
    },
    Binding {
        keys: &[ch('u', "u"), ctrl('u', "Ctrl-u")],
        action: Action::HalfPageUp,
        context: Context::Global,
        help: "half page up",
    },
    Binding {
        keys: &[ch('g', "g"), key(KeyCode::Home, "Home")],
        action: Action::Top,
        context: Context::Global,
        help: "top",
    },
    Binding {
        keys: &[ch('G', "G"), key(KeyCode::End, "End")],
        action: Action::Bottom,
        context: Context::Global,
        help: "bottom",
    },
    Binding {
        keys: &[ch(']', "]")],
        action: Action::NextSection,
        context: Context::Global,
        help: "next section",
    },
    Binding {
        keys: &[ch('[', "[")],
        action: Action::PrevSection,
        context: Context::Global,
        help: "previous section",
    },
    Binding {
        keys: &[ch('/', "/")],
        action: Action::Search,
        context: Context::Global,
        help: "search (Ctrl-e: exact)",
    },
    Binding {
        keys: &[ch('n', "n")],
        action: Action::NextMatch,
        context: Context::Global,
        help: "next match",
    },
    Binding {
        keys: &[ch('N', "N")],
        action: Action::PrevMatch,
        context: Context::Global,
        help: "previous match",
    },
    Binding {
        keys: &[key(KeyCode::Tab, "Tab")],
        action: Action::FocusNext,
        context: Context::Global,
        help: "next pane",
    },
    Binding {
        keys: &[key(KeyCode::BackTab, "Shift-Tab")],
        action: Action::FocusPrev,
        context: Context::Global,
        help: "previous pane",
    },
    Binding {
        keys: &[ch('j', "j"), key(KeyCode::Down, "↓")],
        action: Action::LineDown,
        context: Context::Pane,
        help: "next entry (pane)",
    },
    Binding {
        keys: &[ch('k', "k"), key(KeyCode::Up, "↑")],
        action: Action::LineUp,
        context: Context::Pane,
        help: "prev. entry (pane)",
    },
    Binding {
        keys: &[key(KeyCode::Enter, "Enter")],
        action: Action::Select,
        context: Context::Pane,
        help: "jump (in a pane)",
    },
    Binding {
        keys: &[ch('o', "o")],
        action: Action::ToggleNavigator,
        context: Context::Global,
        help: "show/hide sections",
    },
    Binding {
        keys: &[ch('e', "e")],
        action: Action::ToggleEntities,
        context: Context::Global,
        help: "show/hide entities",
    },
    Binding {
        keys: &[ch('m', "m")],
        action: Action::NextMention,
        context: Context::Global,
        help: "next mention",
    },
    Binding {
        keys: &[ch('M', "M")],
        action: Action::PrevMention,
        context: Context::Global,
        help: "previous mention",
    },
    Binding {
        keys: &[ch('H', "H")],
        action: Action::ToggleHighlights,
        context: Context::Global,
        help: "highlights on/off",
    },
    Binding {
        keys: &[ch('?', "?"), key(KeyCode::F(1), "F1")],
        action: Action::Help,
        context: Context::Global,
        help: "help",
    },
    Binding {
        keys: &[ch('q', "q"), ctrl('c', "Ctrl-c")],
        action: Action::Quit,
        context: Context::Global,
        help: "quit",
    },
    Binding {
        keys: &[ctrl('z', "Ctrl-z")],
        action: Action::Suspend,
        context: Context::Global,
        help: "suspend (fg returns)",
    },
    Binding {
        keys: &[key(KeyCode::Esc, "Esc")],
        action: Action::Close,
        context: Context::Global,
        help: "close / clear notice",
    },
];

/// The action bound to `ev` where `focus` has the keys, if any.
pub fn action_for(ev: &KeyEvent, focus: Context) -> Option<Action> {
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    let code = match ev.code {
        // Some terminals report Shift-Tab as BackTab, others as Tab with Shift.
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        c => c,
    };
    KEYMAP
        .iter()
        .filter(|b| b.context == Context::Global || b.context == focus)
        .find(|b| b.keys.iter().any(|k| k.code == code && k.mods == mods))
        .map(|b| b.action)
}

/// The help lines: each binding's keys and what they do, generated from [`KEYMAP`].
pub fn help_lines() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .map(|b| {
            (
                b.keys.iter().map(|k| k.label).collect::<Vec<_>>().join(" "),
                b.help,
            )
        })
        .collect()
}

/// The keys as a Markdown table, generated from [`KEYMAP`]; the README carries exactly this
/// (a test checks it), so the documentation cannot drift from the bindings either.
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for (keys, what) in help_lines() {
        let keys: Vec<String> = keys
            .split(' ')
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), what));
    }
    out
}
