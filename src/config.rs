//! The user's settings: `$XDG_CONFIG_HOME/qari/config.toml` (or `--config PATH`), read before the
//! screen opens. A setting the file leaves out keeps its default, and a flag on the command line
//! goes before both. A file that cannot be used is one warning, with its line and column; qari
//! then opens with the defaults.

use crate::app::{Measure, Side};
use crate::cli::{Bidi, Shape, ThemeChoice};
use crate::keymap::{self, Key, Keymap};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The settings, as the file writes them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Colours for a dark or a light background, or asked of the terminal.
    pub theme: ThemeChoice,
    /// How wide the text column may grow.
    pub measure: Measure,
    /// The side pane that opens by itself.
    pub pane: Pane,
    /// Entity mentions highlighted in the text.
    pub highlights: bool,
    /// Join Arabic letters into presentation forms.
    pub shape: Shape,
    /// Who reorders right-to-left text.
    pub bidi: Bidi,
    /// Open a document where it was left.
    pub resume: bool,
    /// Keys by action name, in place of the ones the table gives.
    pub keys: BTreeMap<ActionName, Vec<Key>>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeChoice::Auto,
            measure: Measure::default(),
            pane: Pane::Sections,
            highlights: true,
            shape: Shape::Auto,
            bidi: Bidi::Auto,
            resume: true,
            keys: BTreeMap::new(),
        }
    }
}

/// What each setting does, in the order `--print-config` writes them: the comment above each
/// default (a test checks that every setting has one).
const COMMENTS: &[(&str, &str)] = &[
    (
        "theme",
        "Colours: \"dark\" or \"light\" for the terminal's background, or \"auto\" to ask the\n\
         terminal (dark when it does not answer). --theme goes before it.",
    ),
    (
        "measure",
        "Widest the text column grows, in cells (20 or more), or \"full\". --measure goes\n\
         before it.",
    ),
    (
        "pane",
        "The side pane that opens by itself: \"sections\" (once a document has two or more),\n\
         \"entities\" (from the start), or \"none\".",
    ),
    (
        "highlights",
        "Underline and colour the names of people, places and organisations.",
    ),
    (
        "shape",
        "Join Arabic letters into presentation forms: \"auto\" (for terminals that do not\n\
         join them), \"always\" or \"never\". --shape goes before it.",
    ),
    (
        "bidi",
        "Who puts right-to-left text in visual order: \"auto\", \"app\" (qari) or \"terminal\".\n\
         --bidi goes before it.",
    ),
    (
        "resume",
        "Open a document where it was left last time. --no-resume goes before it.",
    ),
];

/// The side pane that opens by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pane {
    /// The section navigator, once the document has two sections or more.
    Sections,
    /// The named entities, from the start.
    Entities,
    /// None: the article takes the whole width until `o` or `e`.
    None,
}

impl Pane {
    /// The side pane it is.
    pub fn side(self) -> Side {
        match self {
            Pane::Sections => Side::Sections,
            Pane::Entities => Side::Entities,
            Pane::None => Side::Hidden,
        }
    }
}

/// The name of an action a key can be bound to (`line_down`, `quit`), checked when read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ActionName(String);

impl<'de> Deserialize<'de> for ActionName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ActionName, D::Error> {
        let name = String::deserialize(d)?;
        match keymap::action_named(&name) {
            Some(_) => Ok(ActionName(name)),
            None => Err(serde::de::Error::custom(format!(
                "{name:?} is not an action; `qari --print-config` lists them"
            ))),
        }
    }
}

impl Config {
    /// The keys with the file's bindings in place of the table's.
    pub fn keymap(&self) -> Keymap {
        let mut map = Keymap::default();
        for (ActionName(name), keys) in &self.keys {
            if let Some(action) = keymap::action_named(name) {
                map.rebind(action, keys);
            }
        }
        map
    }

    /// Reads the settings from `text`, the contents of `file`; the error is one line saying
    /// where in the file and what is wrong.
    pub fn parse(text: &str, file: &Path) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(String::new(), |span| {
                let (line, column) = line_column(text, span.start);
                format!(", line {line}, column {column}")
            });
            // toml's message can run over lines (a list of the expected fields): one line here.
            let what = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
            crate::source::printable(&format!("{}{at}: {what}", file.display()))
        })
    }

    /// Reads the user's settings: from `path` when given, else from the configuration
    /// directory's `qari/config.toml` if there is one. The warning says why the defaults are
    /// used instead of a file that is there (or was named) but cannot be used.
    pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
        let file = match path {
            Some(p) => p.to_path_buf(),
            None => match user_file() {
                Some(f) if f.exists() => f,
                _ => return (Config::default(), None),
            },
        };
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                let why = format!("cannot read {}: {e}", file.display());
                return (Config::default(), Some(warning(&why)));
            }
        };
        match Config::parse(&text, &file) {
            Ok(c) => (c, None),
            Err(why) => (Config::default(), Some(warning(&why))),
        }
    }

    /// The default settings as a configuration file, each with a comment saying what it does,
    /// and every action's keys.
    pub fn defaults_file() -> String {
        let mut out = String::from(
            "# qari's settings, read from $XDG_CONFIG_HOME/qari/config.toml (usually\n\
             # ~/.config/qari/config.toml) or the file --config names. Every setting may be left\n\
             # out; these are the defaults.\n",
        );
        let values = toml::Table::try_from(Config::default()).unwrap_or_default();
        for (name, comment) in COMMENTS {
            out.push('\n');
            for line in comment.lines() {
                out.push_str(&format!("# {}\n", line.trim_start()));
            }
            if let Some(v) = values.get(*name) {
                out.push_str(&format!("{name} = {v}\n"));
            }
        }
        out.push_str(
            "\n# Keys by action: a character (\"q\", \"G\"), \"Ctrl-\" and a character, F1 to F12, or a\n\
             # named key (Space Enter Esc Tab Shift-Tab Backspace ↑ ↓ ← → PgUp PgDn Home End\n\
             # Delete Insert). Keys given to an action leave the others shown under the same\n\
             # heading of the help (?); [] leaves an action without a key.\n[keys]\n",
        );
        let mut done = Vec::new();
        for b in keymap::KEYMAP {
            if done.contains(&b.action) {
                continue;
            }
            done.push(b.action);
            let keys: toml::value::Array = b
                .keys
                .iter()
                .map(|k| toml::Value::String(k.label()))
                .collect();
            let keys = toml::Value::Array(keys);
            out.push_str(&format!(
                "{} = {keys}  # {}\n",
                keymap::action_name(b.action),
                b.help
            ));
        }
        out
    }
}

/// A warning about the settings, as qari prints it before the screen opens.
fn warning(why: &str) -> String {
    format!("qari: settings: {why}; using the defaults")
}

/// `qari/config.toml` in the user's configuration directory.
fn user_file() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dir = etcetera::choose_base_strategy().ok()?.config_dir();
    Some(dir.join("qari").join("config.toml"))
}

/// The line and column (from 1, in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_setting_has_a_comment_in_the_printed_defaults() {
        let values = toml::Table::try_from(Config::default()).unwrap();
        let mut names: Vec<&str> = values.keys().map(String::as_str).collect();
        // The keys are written from the keymap, after the settings.
        names.retain(|&n| n != "keys");
        let commented: Vec<&str> = COMMENTS.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let mut sorted = commented.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "a = 1\nبب = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, text.rfind('=').unwrap()), (2, 4));
    }
}
