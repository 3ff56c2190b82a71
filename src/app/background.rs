//! Work that must not delay the first frame: reading the rest of a large file, finding the
//! structure of a large document. Each runs on its own thread and is taken when it is done;
//! meanwhile the status bar says what runs and how far it has got.

use super::{App, Side};
use crate::document::Document;
use crate::document::structure::{self, Outline};
use crate::layout::{LayoutCache, LayoutOptions};
use crate::source::LoadError;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// How far a piece of background work has got: what it is, how much of it is done (counted by
/// the thread doing it) and of how much.
#[derive(Clone, Debug)]
pub struct Progress {
    /// What runs, as the status bar names it ("reading").
    what: &'static str,
    /// Done so far, in the unit of `total`.
    done: Arc<AtomicUsize>,
    /// All there is to do; 0 when not known.
    total: usize,
}

impl Progress {
    /// Work named `what` with `total` to do (0: unknown), none of it done.
    pub fn new(what: &'static str, total: usize) -> Progress {
        Progress {
            what,
            done: Arc::new(AtomicUsize::new(0)),
            total,
        }
    }

    /// The counter the working thread adds to (or sets).
    pub fn counter(&self) -> &AtomicUsize {
        &self.done
    }

    /// Says that `done` is done. In debug builds, with `QARI_TEST_PROGRESS_GATE` naming a FIFO,
    /// then waits for a byte from it: the end-to-end tests hold the work between two steps
    /// that way, to see each on screen.
    pub fn set(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
        if cfg!(debug_assertions) {
            test_gate();
        }
    }

    /// What the status bar shows: `reading 43%`, or `sections…` when the total is not known.
    pub fn label(&self) -> String {
        if self.total == 0 {
            return format!("{}…", self.what);
        }
        let done = self.done.load(Ordering::Relaxed).min(self.total);
        format!("{} {}%", self.what, done * 100 / self.total)
    }
}

/// Waits for a byte from the FIFO `QARI_TEST_PROGRESS_GATE` names, if it names one (an end of
/// file lets every step through).
fn test_gate() {
    use std::io::Read;
    use std::sync::{Mutex, OnceLock};
    static GATE: OnceLock<Option<Mutex<std::fs::File>>> = OnceLock::new();
    let gate = GATE.get_or_init(|| {
        let path = std::env::var_os("QARI_TEST_PROGRESS_GATE")?;
        std::fs::File::open(path).ok().map(Mutex::new)
    });
    if let Some(Ok(mut fifo)) = gate.as_ref().map(Mutex::lock) {
        let _ = fifo.read(&mut [0u8]);
    }
}

/// What the thread reading the whole of a large file sends.
pub type WholeFile = Result<Whole, LoadError>;

/// A large file read whole.
pub struct Whole {
    /// The document, its lines found on the reading thread, not while a key waits.
    pub doc: Document,
    /// The notices its decoding gave.
    pub notices: Vec<String>,
    /// The encoding it was decoded from, found from the whole file: the first lines may have
    /// been decoded with another, when they did not show which.
    pub encoding: &'static str,
}

impl From<crate::source::Source> for Whole {
    fn from(s: crate::source::Source) -> Whole {
        Whole {
            doc: Document::new(s.text, s.name),
            notices: s.notices,
            encoding: s.encoding,
        }
    }
}

/// Documents larger than this (bytes) have their structure found on a background thread.
pub const BACKGROUND_OUTLINE: usize = 1 << 20;

/// The structure of `doc`, Markdown or plain.
fn find_outline(doc: &Document) -> Outline {
    let markdown = structure::looks_like_markdown(&doc.name, &doc.text);
    structure::outline(doc, markdown)
}

impl App {
    /// A reader showing `head`, the first lines of a large file, while `rest` brings the whole
    /// file (decoded the same way, so every offset in `head` stays valid). `go` tells the
    /// reading thread to start; it is sent once the first frame is drawn.
    pub fn streaming(
        head: Document,
        opts: LayoutOptions,
        rest: Receiver<WholeFile>,
        go: Sender<()>,
    ) -> App {
        let mut app = App::bare(head, opts);
        app.loading = Some(rest);
        app.loading_gate = Some(go);
        app.side = Side::Sections;
        app
    }

    /// Says that the document a streaming reader shows only stands in for the one being read
    /// (a large page's title while its article is found), which replaces it whole.
    pub fn stand_in(&mut self) {
        self.stand_in = self.loading.is_some();
    }

    /// Gives a streaming reader the last lines of the file (see [`crate::source::load_tail`]),
    /// for `G` to show before the whole file is read.
    pub fn set_tail(&mut self, tail: Document) {
        if self.loading.is_some() && !self.showing_tail {
            self.other_end = Some(tail);
        }
    }

    /// Puts the last lines of a file being read on screen; false when there are none to show
    /// (the file is whole, or no tail was given).
    pub(super) fn show_tail(&mut self) -> bool {
        if self.loading.is_none() {
            return false;
        }
        if !self.showing_tail {
            let Some(tail) = self.other_end.take() else {
                return false;
            };
            self.other_end = Some(std::mem::replace(&mut self.doc, tail));
            self.showing_tail = true;
            self.fresh_layout();
        }
        true
    }

    /// Puts the first lines of a file being read back on screen after [`App::show_tail`].
    pub(super) fn show_head(&mut self) {
        if self.showing_tail
            && let Some(head) = self.other_end.take()
        {
            self.other_end = Some(std::mem::replace(&mut self.doc, head));
            self.showing_tail = false;
            self.fresh_layout();
        }
    }

    /// Empties the layout caches: the paragraphs they hold are not the document's any more.
    fn fresh_layout(&mut self) {
        let opts = self.layout.options();
        self.layout = LayoutCache::new(self.layout.width(), opts);
        self.quote_layout = LayoutCache::new(self.quote_layout.width(), opts);
    }

    /// Finds the document's structure: at once for a small document, in the background for a
    /// large one (the navigator says "analysing…" meanwhile).
    pub(super) fn analyse(&mut self) {
        if self.doc.text.len() > BACKGROUND_OUTLINE {
            let (tx, rx) = mpsc::channel();
            let d = self.doc.clone();
            std::thread::spawn(move || {
                // The reader may have quit before this finishes; nobody is listening then.
                let _ = tx.send(find_outline(&d));
            });
            self.outline_rx = Some(rx);
            if self.side == Side::Hidden && self.pane == Side::Sections {
                self.side = Side::Sections;
            }
        } else {
            self.set_outline(find_outline(&self.doc));
        }
    }

    /// Called after each frame: the work that waited for the first one starts (reading the rest
    /// of a large file, recognising entities).
    pub fn after_frame(&mut self) {
        self.open_gate();
        self.start_wanted_entities();
    }

    /// Lets the thread reading the rest of a large file start, if it has not yet.
    fn open_gate(&mut self) {
        if let Some(go) = self.loading_gate.take() {
            // A reading thread that is gone has nothing to start.
            let _ = go.send(());
        }
    }

    /// True while work runs in the background whose result the loop must come and take.
    pub fn busy(&self) -> bool {
        matches!(self.entities, super::EntityState::Analysing(_))
            || self.outline_pending()
            || self.searching()
    }

    /// Takes whatever background work has finished; true when something changed, on screen
    /// too (the status bar's progress).
    pub fn poll_background(&mut self) -> bool {
        let changed =
            self.poll_loading() | self.poll_entities() | self.poll_outline() | self.poll_search();
        if changed {
            self.refresh();
        }
        let progress = self.progress();
        let moved = progress != self.progress_shown;
        self.progress_shown = progress;
        changed || moved
    }

    /// What runs in the background and how far it has got, as the status bar says it:
    /// `reading 43%`, `sections…`, `entities 61%`.
    pub fn progress(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.loading.is_some() {
            out.push(
                self.reading
                    .as_ref()
                    .map_or_else(|| "reading…".to_owned(), Progress::label),
            );
        } else if self.outline_rx.is_some() {
            out.push(Progress::new("sections", 0).label());
        }
        if let (super::EntityState::Analysing(_), Some(p)) = (&self.entities, &self.recognising) {
            out.push(p.label());
        }
        out
    }

    /// Shows `progress` in the status bar while the rest of a large file is read.
    pub fn reading(&mut self, progress: Progress) {
        self.reading = Some(progress);
    }

    /// True while the file is still being read or its structure found.
    pub fn outline_pending(&self) -> bool {
        self.outline_rx.is_some() || self.loading.is_some()
    }

    /// True while the rest of a large file is still being read.
    pub fn loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes the outline if the background thread has found it.
    pub fn poll_outline(&mut self) -> bool {
        let Some(rx) = &self.outline_rx else {
            return false;
        };
        let outline = match rx.try_recv() {
            Ok(o) => o,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Outline::default(),
        };
        self.outline_rx = None;
        self.set_outline(outline);
        true
    }

    /// Uses `outline`: the text is shown by it (pull quotes indented, a repeated title hidden)
    /// with the reading position kept, and the navigator shown if there is an outline.
    fn set_outline(&mut self, outline: Outline) {
        let anchor = self.top_byte();
        let sections = outline.sections.len();
        self.outline = outline;
        self.side = match self.side {
            Side::Sections if sections < 2 => Side::Hidden,
            Side::Hidden
                if self.pane == Side::Sections
                    && sections >= 2
                    && self.outline_rx.is_none()
                    && self.top == Default::default() =>
            {
                Side::Sections
            }
            s => s,
        };
        // The rows laid out so far stay: a line's kind only picks the layout it is shown with
        // (none for a repeated title, the narrower one for a pull quote), and laying a long
        // paragraph out again costs as much as reading it.
        self.jump_to_byte(anchor);
    }

    /// Takes the whole file if it has been read; true when something changed.
    pub fn poll_loading(&mut self) -> bool {
        let Some(rx) = &self.loading else {
            return false;
        };
        match rx.try_recv() {
            Ok(r) => self.take_whole(r),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => self.loading = None,
        }
        true
    }

    /// Waits for the whole file (for `G` and search, which need all of it).
    pub(super) fn finish_loading(&mut self) {
        self.open_gate();
        if let Some(rx) = &self.loading {
            match rx.recv() {
                Ok(r) => self.take_whole(r),
                Err(_) => self.loading = None,
            }
        }
    }

    /// Replaces the first (or last) lines on screen by the whole file, then analyses it.
    fn take_whole(&mut self, result: WholeFile) {
        self.loading = None;
        match result {
            Ok(Whole {
                doc,
                notices,
                encoding,
            }) => {
                if !notices.is_empty() {
                    self.notice = Some(notices.join("; "));
                }
                if encoding != self.encoding || std::mem::take(&mut self.stand_in) {
                    // The first and last lines did not show the encoding the whole file has:
                    // they were decoded otherwise, and nothing laid out from them holds. Nor
                    // does anything of a stand-in.
                    self.encoding = encoding;
                    self.take_redecoded(doc);
                    return;
                }
                // The reader on the tail stays where they are: at the end, or on the same byte,
                // the tail's offsets moved by the length of the text before it.
                let tail = if self.showing_tail {
                    let last = self.last_top();
                    let at_end = self.top >= last;
                    let shift = doc.text.len().checked_sub(self.doc.text.len());
                    let ends = doc.text.ends_with(self.doc.text.as_str());
                    Some((shift.filter(|_| ends && !at_end), self.top_byte()))
                } else {
                    None
                };
                // Paragraph indices and byte offsets of the first lines are unchanged, so the
                // rows laid out so far stay valid.
                self.doc = doc;
                self.other_end = None;
                if let Some((shift, at)) = tail {
                    self.showing_tail = false;
                    self.fresh_layout();
                    match shift {
                        Some(shift) => self.jump_to_byte(at + shift),
                        None => self.top = self.last_top(),
                    }
                }
                self.whole_file_taken();
            }
            Err(e) => self.notice = Some(format!("only the start could be read: {e}")),
        }
    }

    /// Takes the whole file decoded otherwise than the lines on screen (or the document a
    /// stand-in was shown for): the view stays on the same line (lines end at the same bytes in
    /// every encoding read in parts), or at the end.
    fn take_redecoded(&mut self, doc: Document) {
        let last = self.last_top();
        let at_end = self.showing_tail && self.top >= last;
        let top = self.top_byte();
        let line = self.doc.line_at(top);
        let line = if self.showing_tail {
            // The tail's lines are the last of the file.
            (doc.len() + line).saturating_sub(self.doc.len())
        } else {
            line
        };
        self.doc = doc;
        self.other_end = None;
        self.showing_tail = false;
        self.fresh_layout();
        if at_end {
            self.top = self.last_top();
        } else {
            let at = self
                .doc
                .line(line.min(self.doc.len().saturating_sub(1)))
                .start;
            self.jump_to_byte(at);
        }
        self.whole_file_taken();
    }

    /// What follows the whole file's arrival: its structure and entities are found, and a
    /// search made on its first lines is made again over all of it.
    fn whole_file_taken(&mut self) {
        self.restore_position();
        self.analyse();
        self.start_wanted_entities();
        self.search_whole_file();
    }
}
