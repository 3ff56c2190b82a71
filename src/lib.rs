//! qari (قارئ, "reader"): a terminal reader for Arabic and other right-to-left text.
//!
//! The pipeline, and the one rule that holds it together: everything outside `layout` speaks
//! in byte offsets of the decoded text.
//!
//! - [`cli`], [`run`]: arguments, and choosing between a list, plain output and the reader.
//! - [`config`]: the user's settings file, and the defaults printed as one.
//! - [`shell`]: completion scripts and the manual page, from the arguments' definition.
//! - [`source`]: read a file or stdin, decode it; the embedded article.
//! - [`format`]: format readers (plain text, Markdown) building the document.
//! - [`document`]: lines (paragraphs), the document's direction, its blocks and inline styles
//!   (from a format with markup), its structure (sections).
//! - [`chars`]: character facts (properties table, invisible characters, control symbols); a leaf
//!   every layer may use.
//! - [`arabic`]: folding for matching with an offset map; proclitics.
//! - [`layout`]: wrap ▸ reorder ▸ mirror ▸ shape: rows of cells that keep their source ranges.
//! - [`memory`]: how much memory is free, so work that cannot fit is refused before it starts.
//!   Only `layout`, the screen side (`ui`, `app`, `plain`) and the entry points (`run`, `term`)
//!   import it; `tests/layering.rs` keeps it so.
//! - [`resume`]: where the reader stopped in each document, kept in the XDG state directory.
//! - [`search`]: Arabic-insensitive, smart-case search reporting source byte ranges.
//! - [`entities`]: the named-entity recogniser (people, organisations, places).
//! - [`listing`]: what `--list` prints, as text lines or JSON, nothing raw from the document.
//! - [`plain`]: the laid-out rows as plain text (`--plain`, or stdout not a terminal).
//! - [`app`] (state, `update(Action)`, key routing), [`keymap`] (keys ▸ actions ▸ help),
//!   [`ui`] (drawing from `&App`), [`event_loop`] (draw ▸ input ▸ actions, over any backend),
//!   [`term`] (the terminal guard, restore, signals, input), [`terminal`] (which terminal, what
//!   it needs).

pub mod app;
pub mod arabic;
pub mod caught;
pub mod chars;
pub mod cli;
pub mod config;
pub mod document;
pub mod entities;
pub mod event_loop;
pub mod format;
pub mod keymap;
pub mod layout;
pub mod listing;
pub mod memory;
pub mod plain;
pub mod resume;
pub mod run;
pub mod search;
pub mod shell;
pub mod source;
pub mod term;
pub mod terminal;
pub mod ui;
