//! Command-line arguments: what to open and how to show it.

use clap::{Parser, ValueEnum};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A terminal reader for Arabic and other right-to-left text.
///
/// Messages are unstyled: clap writes its colours as escape sequences into the same text as the
/// arguments it quotes, and only a message free of them can have its quoted arguments escaped.
#[derive(Parser, Debug, Clone)]
#[command(name = "qari", version, about, long_about = None, styles = clap::builder::Styles::plain())]
pub struct Args {
    /// File to read; `-` reads standard input. Without it qari opens the article it ships with
    /// (or standard input, when that is a pipe).
    pub file: Option<PathBuf>,

    /// Print the laid-out rows and exit (the default when stdout is not a terminal).
    #[arg(long)]
    pub plain: bool,

    /// Row width for plain output (default: the terminal's width, else 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// Join Arabic letters into presentation forms: for terminals that do not join them
    /// [default: the configuration's, else auto].
    #[arg(long, value_enum)]
    pub shape: Option<Shape>,

    /// Who puts right-to-left text in visual order: qari (`app`) or the terminal [default: the
    /// configuration's, else auto].
    #[arg(long, value_enum)]
    pub bidi: Option<Bidi>,

    /// Scroll with the mouse wheel.
    #[arg(long)]
    pub mouse: bool,

    /// Show bidi controls and zero-width characters as visible symbols.
    #[arg(long)]
    pub show_controls: bool,

    /// Print a list and exit: the outline, the named entities, search matches, the text in
    /// logical order, or the metadata.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub list: Option<ListKind>,

    /// With --list: print JSON.
    #[arg(long, requires = "list")]
    pub json: bool,

    /// With --list entities: the uncertain entities too, marked as such.
    #[arg(long, requires = "list")]
    pub all: bool,

    /// Search query (with `--list matches`, or to start the reader at the first match).
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,

    /// Match the query exactly: no folding of harakat, hamza, alef forms or letter case.
    #[arg(long)]
    pub exact: bool,

    /// Read the input as plain text, Markdown or HTML (`auto`: from the file name, else from
    /// the content).
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,

    /// With HTML: show all the visible text of the page, not only its article.
    #[arg(long)]
    pub whole: bool,

    /// Decode the input with this encoding (e.g. windows-1256, iso-8859-6, utf-16le).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Open files that look binary.
    #[arg(long)]
    pub force: bool,

    /// Widest the text column grows, in cells, or `full` (the `w` key steps through 60, 72, 80
    /// and full) [default: the configuration's, else 80].
    #[arg(long, value_name = "N", value_parser = crate::app::Measure::parse)]
    pub measure: Option<crate::app::Measure>,

    /// Open at the top, not where the document was left last time (nor remember where it is
    /// left this time).
    #[arg(long)]
    pub no_resume: bool,

    /// Colours for a dark or a light terminal background; `auto` asks the terminal
    /// [default: the configuration's, else auto].
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,

    /// Read the settings from this file instead of `$XDG_CONFIG_HOME/qari/config.toml`.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the default settings as a commented configuration file and exit.
    #[arg(long, exclusive = true)]
    pub print_config: bool,

    /// Print a completion script for this shell and exit.
    #[arg(long, value_enum, value_name = "SHELL", exclusive = true)]
    pub completions: Option<clap_complete::Shell>,

    /// Print the manual page (roff, for `man`) and exit.
    #[arg(long, exclusive = true)]
    pub man: bool,
}

/// `--shape`, and `shape` in the configuration.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// Decide from the terminal (joins letters itself or not).
    Auto,
    /// Always convert to presentation forms.
    Always,
    /// Never: send the letters as they are.
    Never,
}

/// `--bidi`, and `bidi` in the configuration.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bidi {
    /// Decide from the terminal.
    Auto,
    /// qari reorders and asks the terminal not to (`CSI 8 l`).
    App,
    /// Send logical order; the terminal reorders.
    Terminal,
}

/// `--list`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// The sections of the article.
    Sections,
    /// The named entities.
    Entities,
    /// Matches of `--search`.
    Matches,
    /// The text in logical order, one block a paragraph, with Markdown-like marks.
    Text,
    /// The document's metadata (a Markdown post's front matter).
    Metadata,
}

/// `--format`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    /// From the file name (`.md`, `.markdown`, `.mdx`, `.html`, `.htm`, `.xhtml`), else
    /// from the content.
    Auto,
    /// Plain text, one line a paragraph.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// An EPUB book (also from a `.epub` name, and from the content: a zip holding an EPUB).
    Epub,
}

/// `--theme`, and `theme` in the configuration.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Ask the terminal for its background colour (dark when it does not answer).
    Auto,
    /// Colours that read on a dark background.
    Dark,
    /// Colours that read on a light background.
    Light,
}
