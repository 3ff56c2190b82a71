//! The side pane (section navigator or entity list), keyboard focus, and jumps to sections.

use super::{App, EntityState};

/// What the side pane shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// No side pane: the article takes the whole width.
    Hidden,
    /// The section navigator.
    Sections,
    /// The named entities.
    Entities,
}

/// Which pane takes the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The article: movement keys scroll.
    Article,
    /// The side pane: movement keys select, Enter jumps.
    Side,
}

impl App {
    /// Shows `side` in the side pane, or hides the pane if it already shows it.
    pub(super) fn toggle_side(&mut self, side: Side) {
        if self.side == side {
            self.side = Side::Hidden;
            self.focus = super::Focus::Article;
        } else {
            self.show_side(side);
        }
    }

    /// Makes `side` the pane that opens by itself (see [`App::pane`]): the entities open now,
    /// no pane closes the one a large document opens while it is analysed, the navigator waits
    /// for the document's sections.
    pub fn open_pane(&mut self, side: Side) {
        self.pane = side;
        match side {
            Side::Hidden => {
                self.side = Side::Hidden;
                self.focus = Focus::Article;
            }
            Side::Entities => self.show_side(side),
            Side::Sections => {}
        }
    }

    /// Shows `side`; the entity pane starts recognition if it has not run yet (a large
    /// document's entities are recognised only when asked for).
    fn show_side(&mut self, side: Side) {
        self.side = side;
        if side == Side::Entities && matches!(self.entities, EntityState::Off) {
            self.start_entities();
        }
    }

    /// Tab: article → sections → entities → article (Shift-Tab the other way), opening the
    /// side pane on the way. From the article, either way goes first to the pane on screen (the
    /// one `o` or `e` just opened).
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let (focus, side) = match (self.focus, self.side, forward) {
            (Focus::Article, Side::Hidden, true) => (Focus::Side, Side::Sections),
            (Focus::Article, Side::Hidden, false) => (Focus::Side, Side::Entities),
            (Focus::Article, shown, _) => (Focus::Side, shown),
            (Focus::Side, Side::Sections, true) | (Focus::Side, Side::Entities, false) => (
                Focus::Side,
                if forward {
                    Side::Entities
                } else {
                    Side::Sections
                },
            ),
            (Focus::Side, shown, _) => (Focus::Article, shown),
        };
        self.focus = focus;
        if side != self.side {
            self.show_side(side);
        }
    }

    /// Number of entries in the side pane.
    fn pane_len(&self) -> usize {
        match self.side {
            Side::Sections => self.outline.sections.len(),
            Side::Entities => self.entities.list().len(),
            Side::Hidden => 0,
        }
    }

    /// Moves the side pane's selection by `d` entries.
    pub(super) fn move_selection(&mut self, d: i64) {
        let n = self.pane_len();
        if n == 0 {
            return;
        }
        let sel = match self.side {
            Side::Entities => &mut self.entity_selected,
            _ => &mut self.nav_selected,
        };
        *sel = (*sel as i64 + d).clamp(0, n as i64 - 1) as usize;
        if self.side == Side::Entities {
            self.mention = None;
        }
    }

    /// Enter in the side pane: go to the selected section, or the selected entity's first mention.
    pub(super) fn select(&mut self) {
        match self.side {
            Side::Sections => {
                if let Some(s) = self.outline.sections.get(self.nav_selected) {
                    let at = s.start();
                    self.jump_to_byte(at);
                }
            }
            Side::Entities => {
                self.mention = None;
                self.step_mention(true);
            }
            Side::Hidden => {}
        }
    }

    /// `]`: the next section's heading to the top.
    pub(super) fn next_section(&mut self) {
        let top = self.top_byte();
        if let Some(s) = self.outline.sections.iter().find(|s| s.start() > top) {
            let at = s.start();
            self.jump_to_byte(at);
        }
    }

    /// `[`: the previous section's heading to the top.
    pub(super) fn prev_section(&mut self) {
        let top = self.top_byte();
        if let Some(s) = self.outline.sections.iter().rev().find(|s| s.start() < top) {
            let at = s.start();
            self.jump_to_byte(at);
        }
    }

    /// The section the top of the view is in.
    pub fn current_section(&self) -> Option<usize> {
        self.outline.section_at(self.top_byte())
    }

    /// The entity the pane has selected, once entities are known.
    pub fn selected_entity(&self) -> Option<&crate::entities::Entity> {
        match &self.entities {
            EntityState::Ready { list, .. } => list.get(self.entity_selected),
            _ => None,
        }
    }
}
