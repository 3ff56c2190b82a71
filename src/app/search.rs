//! Searching in place: the prompt, incremental matching as the user types, history, and stepping
//! through matches with `n`/`N`. Matching itself is `crate::search`; here is what the reader sees.

use super::finder::{Finder, Waker};
use super::{App, Pos};
use crate::search::{Index, Mode};
use std::ops::Range;
use std::sync::Arc;

/// The search prompt while it is open.
#[derive(Clone, Debug)]
pub struct Prompt {
    /// What has been typed.
    pub text: String,
    /// Where the view was when `/` was pressed: `Esc` returns there, matches are looked for from there.
    pub origin: Pos,
    /// Byte offset of the top row at `/`.
    origin_byte: usize,
    /// Position in the history while walking it with ↑/↓.
    history_at: Option<usize>,
}

/// The current search and its results.
#[derive(Default)]
pub struct SearchState {
    /// The prompt, while open.
    pub prompt: Option<Prompt>,
    /// The query the matches are for.
    pub query: String,
    /// Forgiving (default) or exact matching.
    pub mode: Mode,
    /// Every match, in document order.
    pub matches: Vec<Range<usize>>,
    /// The match the view is on.
    pub current: Option<usize>,
    /// Queries accepted with Enter in this run, oldest first.
    pub history: Vec<String>,
    /// Folded copies of the document, built on the first search.
    index: Option<Arc<Index>>,
    /// The worker searching as the query is typed.
    finder: Finder,
    /// Where the view was when the search being run started (`/`): its matches are shown from
    /// there when they come.
    awaiting: Option<(Pos, usize)>,
    /// A search from the command line ran on the first lines of a file still being read: it is
    /// finished (the view moved to its first match, or "not found") once the file is whole.
    unfinished: bool,
}

impl SearchState {
    /// "3/17" for the status bar, when there is a current match.
    pub fn position(&self) -> Option<String> {
        self.current
            .map(|c| format!("{}/{}", c + 1, self.matches.len()))
    }
}

impl App {
    /// `/`: opens the prompt, remembering where the view is.
    pub(super) fn open_prompt(&mut self) {
        let origin_byte = self.top_byte();
        self.search.prompt = Some(Prompt {
            text: String::new(),
            origin: self.top,
            origin_byte,
            history_at: None,
        });
        self.notice = None;
    }

    /// A letter typed while the prompt is open. Every change of the query searches again and
    /// moves the view to the first match at or after where the search started.
    pub(super) fn type_char(&mut self, c: char) {
        self.edit_query(|q| q.push(c));
    }

    /// Changes the prompt's query with `edit` and searches for the result.
    pub(super) fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        edit(&mut p.text);
        self.run_incremental();
    }

    /// Enter in the prompt: closes it where the view is, and remembers the query.
    pub(super) fn accept(&mut self) {
        let Some(p) = self.search.prompt.take() else {
            return;
        };
        if !p.text.trim().is_empty() && self.search.history.last() != Some(&p.text) {
            self.search.history.push(p.text);
        }
        if !self.searching()
            && self.search.matches.is_empty()
            && !self.search.query.trim().is_empty()
        {
            self.notice = Some(if self.loading() {
                "searching the rest of the file…".to_string()
            } else {
                self.not_found()
            });
        }
    }

    /// Esc in the prompt: closes it and puts the view back where it was at `/`.
    pub(super) fn cancel(&mut self) {
        let Some(p) = self.search.prompt.take() else {
            return;
        };
        self.stop_search();
        self.search.matches.clear();
        self.search.current = None;
        self.search.query.clear();
        self.top = p.origin;
    }

    /// Ctrl-e in the prompt: exact matching on or off, and the query searched again.
    pub(super) fn toggle_exact(&mut self) {
        self.search.mode = match self.search.mode {
            Mode::Loose => Mode::Exact,
            Mode::Exact => Mode::Loose,
        };
        self.edit_query(|_| {});
    }

    /// ↑/↓ in the prompt: walks the queries accepted in this run; past the newest, the query is
    /// empty again.
    pub(super) fn walk_history(&mut self, newer: bool) {
        let n = self.search.history.len();
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        if n == 0 {
            return;
        }
        p.history_at = match (p.history_at, newer) {
            (None, false) => Some(n - 1),
            (Some(i), false) => Some(i.saturating_sub(1)),
            (Some(i), true) if i + 1 < n => Some(i + 1),
            _ => None,
        };
        p.text = p
            .history_at
            .map_or_else(String::new, |i| self.search.history[i].clone());
        self.run_incremental();
    }

    /// Text pasted while the prompt is open joins the query as one edit, searched once (a
    /// paste is not thousands of keys each searched for). Line ends and tabs become spaces, which
    /// match any run of white space; other control characters are dropped. Outside the prompt a paste
    /// means nothing to a reader.
    pub(super) fn paste(&mut self, text: &str) {
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        p.text.extend(text.chars().filter_map(|c| match c {
            c if !c.is_control() => Some(c),
            c => c.is_whitespace().then_some(' '),
        }));
        self.run_incremental();
    }

    /// Searches for the prompt's text on the worker; its matches are shown when they come
    /// ([`App::poll_search`]), from the first at or after where the search started.
    fn run_incremental(&mut self) {
        let Some(p) = &self.search.prompt else { return };
        let (text, origin) = (p.text.clone(), (p.origin, p.origin_byte));
        self.search.query = text.clone();
        if text.trim().is_empty() {
            self.stop_search();
            self.show_matches(Vec::new(), origin);
            return;
        }
        self.start_search(text, origin);
    }

    /// Sends `query` to the worker; its matches are shown from `origin` when they come.
    fn start_search(&mut self, query: String, origin: (Pos, usize)) {
        let index = self.index();
        self.search.finder.submit(index, query, self.search.mode);
        self.search.awaiting = Some(origin);
    }

    /// Cancels the search in flight, if any: its matches will not be shown.
    fn stop_search(&mut self) {
        self.search.finder.cancel();
        self.search.awaiting = None;
    }

    /// Takes the worker's matches if they have come (`wait`: waits for them); true when the
    /// view changed.
    pub(super) fn take_search(&mut self, wait: bool) -> bool {
        let Some(origin) = self.search.awaiting else {
            return false;
        };
        let Some(matches) = self.search.finder.take(wait) else {
            return false;
        };
        self.search.awaiting = None;
        self.show_matches(matches, origin);
        if self.search.prompt.is_none() && self.search.matches.is_empty() {
            // The prompt was closed before the matches came: say what Enter would have said.
            self.notice = Some(self.not_found());
        }
        true
    }

    /// Takes the matches of the search in flight if they have come; true when they had.
    pub fn poll_search(&mut self) -> bool {
        self.take_search(false)
    }

    /// True while a search runs on the worker.
    pub fn searching(&self) -> bool {
        self.search.awaiting.is_some()
    }

    /// Waits for the search in flight, if any, and shows its matches: the command line's
    /// `--search` starts on its first match, and a test reads the screen after each key.
    pub fn settle(&mut self) {
        self.take_search(true);
    }

    /// Lets the worker wake the event loop when matches are ready.
    pub fn set_waker(&mut self, waker: Waker) {
        self.search.finder.set_waker(waker);
    }

    /// Shows `matches` as the search's, the view on the first at or after `origin` (else the
    /// first), or back at `origin` when there is none.
    fn show_matches(&mut self, matches: Vec<Range<usize>>, (origin, origin_byte): (Pos, usize)) {
        self.search.matches = matches;
        self.search.current = None;
        let m = &self.search.matches;
        let first = m.partition_point(|r| r.start < origin_byte);
        let pick = if first < m.len() {
            Some(first)
        } else if m.is_empty() {
            None
        } else {
            Some(0)
        };
        self.top = origin;
        if let Some(i) = pick {
            self.search.current = Some(i);
            let at = self.search.matches[i].start;
            self.reveal(at);
        }
    }

    /// The document's search index, built on first use.
    fn index(&mut self) -> Arc<Index> {
        let index = self
            .search
            .index
            .get_or_insert_with(|| Arc::new(Index::new(self.doc.text.clone())));
        Arc::clone(index)
    }

    /// Runs `query` from the command line (`--search`): the view starts at its first match.
    /// While a large file is still being read only its first lines are searched at once; the
    /// search is finished over the whole file when it arrives.
    pub fn search_for(&mut self, query: &str) {
        self.open_prompt();
        if let Some(p) = self.search.prompt.as_mut() {
            p.text = query.to_string();
        }
        self.run_incremental();
        self.settle();
        self.search.unfinished = self.loading() && self.search.current.is_none();
        self.accept();
    }

    /// The whole file has arrived: the index of its first lines is dropped and the query is
    /// searched again in all of it, on the worker. An unfinished search is shown from the top
    /// (the view moves to its first match, or "not found"); one that found its match in the
    /// first lines stays on that match.
    pub(super) fn search_whole_file(&mut self) {
        self.search.index = None;
        let unfinished = std::mem::take(&mut self.search.unfinished);
        if self.search.query.trim().is_empty() {
            return;
        }
        let origin = if unfinished {
            self.notice = None;
            (Pos::default(), 0)
        } else {
            let at = match self.search.current {
                Some(i) => self.search.matches[i].start,
                None => self.top_byte(),
            };
            (self.top, at)
        };
        self.start_search(self.search.query.clone(), origin);
    }

    /// The notice for a query with no match.
    fn not_found(&self) -> String {
        format!("not found: {}", crate::chars::quoted(&self.search.query))
    }

    /// `n`/`N`: the next or previous match, wrapping around with a notice.
    pub(super) fn step_match(&mut self, forward: bool) {
        // `n` right after Enter (typed ahead, or in one burst) steps through the matches of the
        // query just typed: they are waited for.
        self.settle();
        let n = self.search.matches.len();
        if n == 0 {
            if !self.search.query.is_empty() {
                self.notice = Some(self.not_found());
            }
            return;
        }
        let top = self.top_byte();
        let (i, wrapped) = match (self.search.current, forward) {
            (Some(c), true) => ((c + 1) % n, c + 1 == n),
            (Some(c), false) => ((c + n - 1) % n, c == 0),
            (None, true) => {
                let i = self.search.matches.partition_point(|r| r.start < top);
                (i % n, i == n)
            }
            (None, false) => {
                let i = self.search.matches.partition_point(|r| r.start < top);
                ((i + n - 1) % n, i == 0)
            }
        };
        self.search.current = Some(i);
        let at = self.search.matches[i].start;
        self.reveal(at);
        self.notice = wrapped.then(|| {
            if forward {
                "search wrapped to the top".to_string()
            } else {
                "search wrapped to the bottom".to_string()
            }
        });
    }
}
