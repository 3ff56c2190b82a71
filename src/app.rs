//! The reader's state in one place and `update(Action)`, the only way it changes. Drawing
//! lives in `ui`; keys are turned into actions by `keymap`.

mod background;
mod copy;
mod entities;
mod finder;
mod info;
mod input;
mod links;
mod measure;
mod mouse;
mod panes;
mod resume;
pub mod screen;
pub mod scroll;
mod search;

pub use background::{BACKGROUND_OUTLINE, Progress, Whole, WholeFile};
pub use copy::{MOST_COPIED, Selection};
pub use entities::{EntityState, MentionIndex};
pub use info::{Fact, WORDS_A_MINUTE};
pub use measure::Measure;
pub use panes::{Focus, Side};
pub use search::{Prompt, SearchState};

use crate::document::Document;
use crate::document::structure::Outline;
use crate::layout::{LayoutCache, LayoutOptions};
use std::sync::mpsc::{Receiver, Sender};

/// Everything a key can ask the reader to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll one row down (in a side pane: select the next entry).
    LineDown,
    /// Scroll one row up (in a side pane: select the previous entry).
    LineUp,
    /// Scroll a screen down.
    PageDown,
    /// Scroll a screen up.
    PageUp,
    /// Scroll half a screen down.
    HalfPageDown,
    /// Scroll half a screen up.
    HalfPageUp,
    /// Go to the start of the document.
    Top,
    /// Go to the end of the document.
    Bottom,
    /// Scroll by this many rows (mouse wheel; negative is up).
    Scroll(i32),
    /// Put the next section's heading at the top.
    NextSection,
    /// Put the previous section's heading (or the current one's, if it is above) at the top.
    PrevSection,
    /// In a side pane: jump to the selected section, or to the selected entity's first mention.
    Select,
    /// Move the keyboard focus to the next pane.
    FocusNext,
    /// Move the keyboard focus to the previous pane.
    FocusPrev,
    /// Show or hide the section navigator.
    ToggleNavigator,
    /// Show or hide the entity pane.
    ToggleEntities,
    /// Turn the highlighting of entity mentions in the text on or off.
    ToggleHighlights,
    /// List and highlight the entities the recogniser is unsure of too, or hide them again.
    ToggleUncertain,
    /// Go to the selected entity's next mention.
    NextMention,
    /// Go to the selected entity's previous mention.
    PrevMention,
    /// Select the next link (from the top of the view) and show where it points.
    NextLink,
    /// Select the previous link and show where it points.
    PrevLink,
    /// Open the search prompt.
    Search,
    /// In the prompt: close it, keeping the view on the match.
    Accept,
    /// In the prompt: close it and return to where the view was at `/`.
    Cancel,
    /// In the prompt: the previous query of this run.
    HistoryPrev,
    /// In the prompt: the next query of this run (past the last, an empty query).
    HistoryNext,
    /// In the prompt: switch between forgiving and exact matching.
    ToggleExact,
    /// In the prompt: empty the query.
    ClearQuery,
    /// In the prompt: delete the last letter of the query.
    DeleteBack,
    /// Go to the next match (wraps around at the end).
    NextMatch,
    /// Go to the previous match (wraps around at the start).
    PrevMatch,
    /// Show or hide the help overlay.
    Help,
    /// Close an overlay or clear a notice (Esc never quits).
    Close,
    /// Leave qari.
    Quit,
    /// Give the terminal back to the shell until `fg` (Ctrl-Z).
    Suspend,
    /// Start selecting rows from the top of the view (or stop): `j`/`k` extend by a row,
    /// `]`/`[` to a section's end or start, `y` copies, `Esc` cancels.
    SelectRows,
    /// Copy the selected rows' text, in logical order, to the terminal's clipboard (OSC 52).
    Copy,
    /// Copy the current section's text to the terminal's clipboard.
    CopySection,
    /// Show the document's facts: title, format, encoding, size, words, reading time,
    /// sections, entities, position, path.
    Info,
    /// Step the text column's measure: 60, 72, 80 columns, the full width.
    CycleMeasure,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

/// A row of the document: paragraph index and row within that paragraph's layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Paragraph (source line) index.
    pub para: usize,
    /// Row within the paragraph at the current width.
    pub row: usize,
}

/// An overlay drawn over the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing over the article.
    None,
    /// The key help.
    Help,
    /// The document's facts (title, size, words, position…); any key closes it.
    Info,
}

/// The reader's state.
pub struct App {
    /// The document being read.
    pub doc: Document,
    /// Its structure: line kinds and sections (empty until found, for a large document).
    pub outline: Outline,
    /// The structure of a large document, being found on a background thread.
    outline_rx: Option<Receiver<Outline>>,
    /// The rest of a large file, being read on a background thread after its first lines are shown.
    loading: Option<Receiver<WholeFile>>,
    /// Starts the thread reading the rest of a large file, once the first frame is drawn.
    loading_gate: Option<Sender<()>>,
    /// While a large file is read: the end of it that is not on screen (its last lines while
    /// its first are shown, and the other way round), swapped in by `G` and `g`.
    other_end: Option<Document>,
    /// The last lines of a file being read are on screen, not its first.
    showing_tail: bool,
    /// What is on screen only stands in for the document being read (a page's title while its
    /// article is found): the whole replaces it, no offset of it holding there.
    stand_in: bool,
    /// How far the rest of a large file is read.
    reading: Option<background::Progress>,
    /// How far the entities are recognised.
    recognising: Option<background::Progress>,
    /// The progress the status bar last showed (see [`App::progress`]).
    progress_shown: Vec<String>,
    /// Entities were asked for while the file was still loading: recognise them once it is whole.
    entities_wanted: bool,
    /// Laid-out paragraphs at the article view's width.
    pub layout: LayoutCache,
    /// Laid-out pull quotes, narrower by their indent.
    pub quote_layout: LayoutCache,
    /// First visible row.
    pub top: Pos,
    /// The byte kept at the top through a run of resizes, until the reader moves.
    anchor: Option<usize>,
    /// Rows the article view shows.
    pub height: u16,
    /// The terminal's size (columns, rows), once known.
    screen: Option<(u16, u16)>,
    /// What is drawn over the article.
    pub overlay: Overlay,
    /// First line of the help shown, when it does not fit.
    pub help_top: usize,
    /// What the side pane shows, if anything.
    pub side: Side,
    /// Which pane takes the keys.
    pub focus: Focus,
    /// Selected entry of the navigator.
    pub nav_selected: usize,
    /// The named entities, once recognised.
    pub entities: EntityState,
    /// Selected entity of the entity pane.
    pub entity_selected: usize,
    /// Mention of the selected entity last jumped to.
    pub mention: Option<usize>,
    /// The link last selected (an index into the document's links).
    pub link: Option<usize>,
    /// Entity mentions are highlighted in the text.
    pub highlights: bool,
    /// The entities the recogniser is unsure of are listed and highlighted too.
    pub uncertain_shown: bool,
    /// How wide the text column may grow.
    pub measure: Measure,
    /// The keys, as the user's configuration binds them.
    pub keys: crate::keymap::Keymap,
    /// The side pane that opens by itself: the navigator once a document has sections (the
    /// default), the entities from the start, or none.
    pub pane: Side,
    /// The facts the information overlay shows, gathered when it opened.
    pub info: Vec<Fact>,
    /// The rows being selected for copying.
    pub selection: Option<Selection>,
    /// A mouse drag being made: the cells (source ranges) where it started and where it is.
    drag: Option<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    /// Text to hand to the terminal's clipboard; the terminal loop sends it and empties this.
    pub clipboard: Option<String>,
    /// Where the document comes from, for the information overlay (its name when not set).
    pub path: Option<String>,
    /// The search: query, matches, prompt.
    pub search: SearchState,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Set when the user asked to suspend to the shell; the terminal loop acts on it.
    pub suspend: bool,
    /// Encoding the document was decoded from (shown in the status bar when not UTF-8).
    pub encoding: &'static str,
    /// A message for the status bar (decoding problems, "not found", …).
    pub notice: Option<String>,
    /// Where the reader's positions in this document are remembered (none with `--no-resume`).
    resume: Option<crate::resume::Resume>,
    /// The byte to open at, once the screen's size is known.
    start_at: Option<usize>,
}

impl App {
    /// A reader at the top of `doc`, its structure found (in the background for a large
    /// document), its entities not yet recognised.
    pub fn new(doc: Document, opts: LayoutOptions) -> App {
        let mut app = App::bare(doc, opts);
        app.analyse();
        app
    }

    /// The state before any analysis: no outline, no entities, the top of the document.
    fn bare(doc: Document, opts: LayoutOptions) -> App {
        App {
            side: Side::Hidden,
            outline: Outline::default(),
            outline_rx: None,
            loading: None,
            loading_gate: None,
            other_end: None,
            showing_tail: false,
            stand_in: false,
            entities_wanted: false,
            reading: None,
            recognising: None,
            progress_shown: Vec::new(),
            doc,
            layout: LayoutCache::new(80, opts),
            quote_layout: LayoutCache::new(80 - 2 * scroll::QUOTE_INDENT, opts),
            top: Pos::default(),
            anchor: None,
            height: 1,
            screen: None,
            overlay: Overlay::None,
            help_top: 0,
            focus: Focus::Article,
            nav_selected: 0,
            entities: EntityState::Off,
            entity_selected: 0,
            mention: None,
            link: None,
            highlights: true,
            uncertain_shown: false,
            measure: Measure::default(),
            keys: crate::keymap::Keymap::default(),
            pane: Side::Sections,
            info: Vec::new(),
            selection: None,
            drag: None,
            clipboard: None,
            path: None,
            search: SearchState::default(),
            quit: false,
            suspend: false,
            encoding: "UTF-8",
            notice: None,
            resume: None,
            start_at: None,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            let area = screen::drawn(w, h);
            self.screen = Some((area.width, area.height));
            self.refresh();
            return;
        }
        if self.overlay == Overlay::Info {
            // Any key closes the facts (they are not kept up to date); `i` and Esc only that.
            self.overlay = Overlay::None;
            if matches!(action, Action::Info | Action::Close) {
                return;
            }
        }
        if self.selection.is_some() && self.extend(action) {
            return;
        }
        if self.overlay == Overlay::Help && self.scroll_help(action) {
            return;
        }
        // Any key ends a run of resizes: the next resize keeps whatever is at the top then.
        self.anchor = None;
        let page = i64::from(self.height.max(2) - 1);
        let in_pane = self.focus == Focus::Side && self.side != Side::Hidden;
        match action {
            Action::LineDown if in_pane => self.move_selection(1),
            Action::LineUp if in_pane => self.move_selection(-1),
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::HalfPageDown => self.scroll(i64::from(self.height / 2).max(1)),
            Action::HalfPageUp => self.scroll(-i64::from(self.height / 2).max(1)),
            Action::Scroll(n) => self.scroll(i64::from(n)),
            Action::Top => {
                self.show_head();
                self.top = Pos::default();
            }
            Action::Bottom => {
                // A large file being read shows its last lines at once; the rest comes later.
                if !self.show_tail() {
                    self.finish_loading();
                }
                self.top = self.last_top();
            }
            Action::NextSection => self.next_section(),
            Action::PrevSection => self.prev_section(),
            Action::Select => self.select(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::ToggleNavigator => self.toggle_side(Side::Sections),
            Action::ToggleEntities => self.toggle_side(Side::Entities),
            Action::ToggleHighlights => self.highlights = !self.highlights,
            Action::ToggleUncertain => self.toggle_uncertain(),
            Action::CycleMeasure => {
                self.measure = self.measure.next();
                self.notice = Some(format!("measure: {}", self.measure));
            }
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::NextLink => self.step_link(true),
            Action::PrevLink => self.step_link(false),
            Action::Search => {
                self.finish_loading();
                self.open_prompt();
            }
            Action::Accept => self.accept(),
            Action::Cancel => self.cancel(),
            Action::HistoryPrev => self.walk_history(false),
            Action::HistoryNext => self.walk_history(true),
            Action::ToggleExact => self.toggle_exact(),
            Action::ClearQuery => self.edit_query(String::clear),
            Action::DeleteBack => self.edit_query(|q| {
                q.pop();
            }),
            // Matches are looked for in the whole file, as `/` does.
            Action::NextMatch => {
                self.finish_loading();
                self.step_match(true);
            }
            Action::PrevMatch => {
                self.finish_loading();
                self.step_match(false);
            }
            Action::Help => {
                self.help_top = 0;
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            Action::Info => self.open_info(),
            Action::SelectRows => self.toggle_selection(),
            Action::Copy => self.copy_selection(),
            Action::CopySection => self.copy_section(),
            Action::Close => {
                self.overlay = Overlay::None;
                self.notice = None;
            }
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Resize(..) => {}
        }
        self.refresh();
    }

    /// While rows are selected, the movement keys extend the selection and Esc cancels it;
    /// false for any other action.
    fn extend(&mut self, action: Action) -> bool {
        match action {
            Action::LineDown => self.extend_selection(1),
            Action::LineUp => self.extend_selection(-1),
            Action::NextSection => self.extend_to_section(true),
            Action::PrevSection => self.extend_to_section(false),
            Action::Close => {
                self.selection = None;
                self.notice = None;
            }
            _ => return false,
        }
        true
    }

    /// While the help is open, the movement keys scroll it; false for any other action.
    fn scroll_help(&mut self, action: Action) -> bool {
        let (w, h) = self.screen.unwrap_or((80, 24));
        let lines = self.keys.help_lines().len();
        let shown = screen::help_rows(w, h, lines);
        let last = lines.saturating_sub(shown);
        let page = shown.saturating_sub(1).max(1);
        let top = self.help_top.min(last);
        self.help_top = match action {
            Action::LineDown => top + 1,
            Action::LineUp => top.saturating_sub(1),
            Action::Scroll(n) => top.saturating_add_signed(n as isize),
            Action::PageDown => top + page,
            Action::PageUp => top.saturating_sub(page),
            Action::HalfPageDown => top + page.div_ceil(2),
            Action::HalfPageUp => top.saturating_sub(page.div_ceil(2)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        }
        .min(last);
        true
    }

    /// Brings what follows from the state up to date after a change: the article view's size
    /// (the side pane may have opened or closed, the terminal may have a new size) and the
    /// navigator's selection, which follows the view while the article has the focus.
    pub(super) fn refresh(&mut self) {
        // A screen too small for the reader shows one line instead; the view keeps its size.
        if let Some((w, h)) = self
            .screen
            .filter(|&(w, h)| w >= screen::MIN_WIDTH && h >= screen::MIN_HEIGHT)
        {
            let article = screen::areas(self, w, h).article;
            self.resize(article.width, article.height);
            if let Some(at) = self.start_at.take() {
                self.resume_to(at);
            }
        }
        let follows = self.focus == Focus::Article || self.side != Side::Sections;
        if follows && let Some(c) = self.current_section() {
            self.nav_selected = c;
        }
    }

    /// The title shown in the status bar: the current section's, else the document's.
    pub fn current_title(&self) -> String {
        let top = self.top_byte();
        self.outline
            .section_at(top)
            .and_then(|i| self.outline.sections.get(i))
            .map_or_else(
                || self.doc.name.clone(),
                |s| self.outline.title(s, &self.doc.text).to_string(),
            )
    }
}
