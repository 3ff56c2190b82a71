//! Named entities for the reader: recognised on a background thread so the first frame is
//! never delayed, then listed in the pane, highlighted, and stepped through mention by mention.

use super::App;
use crate::entities::{Entity, Kind, Recogniser};
use std::ops::Range;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Where entity recognition is.
pub enum EntityState {
    /// Not started (plain output and lists never start it).
    Off,
    /// Running in the background; the pane says "analysing…".
    Analysing(Receiver<Vec<Entity>>),
    /// Not done: it would not fit in the memory that is free (a notice says so).
    Refused,
    /// Done.
    Ready {
        /// The entities shown, grouped by kind and most mentioned first: those the recogniser
        /// is sure of, or every one while the uncertain ones are shown too.
        list: Vec<Entity>,
        /// Every mention of every entity shown, for painting.
        mentions: MentionIndex,
        /// The entities the recogniser is unsure of, while they are not shown.
        hidden: Vec<Entity>,
    },
}

impl EntityState {
    /// The entities, or none while they are being recognised.
    pub fn list(&self) -> &[Entity] {
        match self {
            EntityState::Ready { list, .. } => list,
            _ => &[],
        }
    }
}

/// All mentions of all entities, sorted by start, so a cell finds its entity by binary search.
#[derive(Default)]
pub struct MentionIndex {
    spans: Vec<(Range<usize>, Kind)>,
}

impl MentionIndex {
    /// Indexes the mentions of `list`.
    pub fn new(list: &[Entity]) -> MentionIndex {
        let mut spans: Vec<(Range<usize>, Kind)> = list
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.clone(), e.kind)))
            .collect();
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        MentionIndex { spans }
    }

    /// The kind of the entity mentioned where `cell` (a source range) is, if any.
    pub fn kind_at(&self, cell: &Range<usize>) -> Option<Kind> {
        let i = self.spans.partition_point(|(r, _)| r.start < cell.end);
        // Mentions never nest, so only the last one starting before the cell's end can overlap it.
        self.spans[..i]
            .last()
            .filter(|(r, _)| r.end > cell.start)
            .map(|(_, k)| *k)
    }
}

impl App {
    /// Starts recognising the document's entities on a background thread.
    pub fn start_entities(&mut self) {
        if self.loading() {
            self.entities_wanted = true;
            return;
        }
        self.entities_wanted = false;
        let need = crate::memory::entities_need(self.doc.text.len());
        if let Some(why) = crate::memory::refusal(need, "the entities of this text") {
            self.notice = Some(why);
            self.entities = EntityState::Refused;
            return;
        }
        let (tx, rx) = mpsc::channel();
        let text = self.doc.text.clone();
        let progress = super::Progress::new("entities", text.len());
        let done = progress.clone();
        let code = self
            .doc
            .blocks
            .as_ref()
            .map(|b| b.code())
            .unwrap_or_default();
        std::thread::spawn(move || {
            let list = Recogniser::embedded().recognise_outside(&text, &code, done.counter());
            // The reader may have quit before this finishes; nobody is listening then.
            let _ = tx.send(list);
        });
        self.recognising = Some(progress);
        self.entities = EntityState::Analysing(rx);
    }

    /// Asks for the entities without starting now: they are recognised once the first frame is
    /// on screen (see [`App::start_wanted_entities`]), so the model's loading never delays it.
    pub fn want_entities(&mut self) {
        self.entities_wanted = true;
    }

    /// Starts the recognition asked for with [`App::want_entities`], once the file is whole.
    pub fn start_wanted_entities(&mut self) {
        if self.entities_wanted && !self.loading() && matches!(self.entities, EntityState::Off) {
            self.start_entities();
        }
    }

    /// Takes the entities if the background thread has finished; true when something changed.
    pub fn poll_entities(&mut self) -> bool {
        let EntityState::Analysing(rx) = &self.entities else {
            return false;
        };
        match rx.try_recv() {
            Ok(list) => {
                self.set_entities(list);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.set_entities(Vec::new());
                true
            }
        }
    }

    /// Shows `list` in the pane, grouped by kind and most mentioned first, and highlights its
    /// mentions: the entities the recogniser is sure of, or all of them while the uncertain ones
    /// are asked for.
    pub fn set_entities(&mut self, list: Vec<Entity>) {
        let (mut list, hidden): (Vec<Entity>, Vec<Entity>) = list
            .into_iter()
            .partition(|e| self.uncertain_shown || e.sure());
        list.sort_by(|a, b| {
            (kind_rank(a.kind), b.mentions.len(), &a.name).cmp(&(
                kind_rank(b.kind),
                a.mentions.len(),
                &b.name,
            ))
        });
        let mentions = MentionIndex::new(&list);
        self.entities = EntityState::Ready {
            list,
            mentions,
            hidden,
        };
    }

    /// Shows the entities the recogniser is unsure of too (marked in the pane), or hides them.
    pub(super) fn toggle_uncertain(&mut self) {
        self.uncertain_shown = !self.uncertain_shown;
        let selected = self.selected_entity().map(|e| e.name.clone());
        if let EntityState::Ready { list, hidden, .. } = &mut self.entities {
            let mut every = std::mem::take(list);
            every.append(hidden);
            let n = every.iter().filter(|e| !e.sure()).count();
            self.set_entities(every);
            self.notice = Some(if self.uncertain_shown {
                format!("{n} uncertain names shown")
            } else {
                format!("{n} uncertain names hidden")
            });
        }
        // The selection stays on its entity when it is still listed.
        let list = self.entities.list();
        self.entity_selected = selected
            .and_then(|name| list.iter().position(|e| e.name == name))
            .unwrap_or(0);
        self.mention = None;
    }

    /// Goes to the next (or previous) mention of the selected entity, wrapping around, and says
    /// which one it is in the status bar.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(e) = self.selected_entity() else {
            return;
        };
        let n = e.mentions.len();
        if n == 0 {
            return;
        }
        let i = match (self.mention, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let at = e.mentions[i].start;
        let name = e.name.clone();
        self.mention = Some(i);
        self.reveal(at);
        self.notice = Some(format!(
            "{}: mention {}/{n}",
            crate::chars::quoted(&name),
            i + 1
        ));
    }
}

/// Where a kind's group stands in the pane: people, organisations, places, other.
fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Location => 2,
        Kind::Other => 3,
    }
}
