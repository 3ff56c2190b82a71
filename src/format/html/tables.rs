//! Which tables of a page hold data (read as grids) and which lay the page out (read as the
//! blocks in their cells), decided as Firefox's reader view decides: a table marked as
//! presentation or holding another table lays out; one with a caption, header cells or column
//! groups holds data; one whose cells hold paragraphs, headings or lists, or of one row or
//! one column, lays out; else a table of ten rows, more than four columns or more than ten
//! cells holds data.

use super::tags::{self, Role};
use super::walk::{Visit, walk};
use dom_query::{NodeData, NodeId, NodeRef, TreeNode};
use std::collections::HashSet;

/// The tables under `root` that lay the page out.
pub(super) fn layout(root: &NodeRef<'_>) -> HashSet<NodeId> {
    let mut survey = Survey::default();
    walk(root, &mut survey);
    survey.layout
}

/// A walk that looks at every table.
#[derive(Default)]
struct Survey {
    /// The layout tables found.
    layout: HashSet<NodeId>,
    /// The tables open, innermost last.
    tables: Vec<Surveyed>,
    /// The roles of the open elements.
    open: Vec<Role>,
}

/// What the survey knows of an open table.
#[derive(Default)]
struct Surveyed {
    id: Option<NodeId>,
    /// Marked as presentation, or holding another table: lays out whatever else it has.
    layout: bool,
    /// A caption, header cells, a header or footer row group, column groups, or a summary.
    data: bool,
    /// Paragraphs, headings, lists or the like in its cells.
    blocks: bool,
    /// Cells of it open (more than one only in broken markup).
    in_cell: u32,
    /// Its rows, the cells of the row being read, and of its widest row.
    rows: u32,
    row: u32,
    widest: u32,
}

impl Surveyed {
    fn lays_out(&self) -> bool {
        if self.layout {
            return true;
        }
        if self.data {
            return false;
        }
        // A table of one row or one column is a strip of the page.
        if self.blocks || self.rows <= 1 || self.widest <= 1 {
            return true;
        }
        !(self.rows >= 10 || self.widest > 4 || self.rows * self.widest > 10)
    }
}

impl Visit for Survey {
    fn enter(&mut self, node: &TreeNode) -> bool {
        let Some(e) = node.as_element() else {
            return matches!(node.data, NodeData::Document | NodeData::Fragment);
        };
        let name = &*e.name.local;
        let role = tags::role(name, e);
        if role == Role::Skip {
            return false;
        }
        if let Some(t) = self.tables.last_mut() {
            match name {
                "table" => t.layout = true,
                "caption" | "th" | "thead" | "tfoot" | "colgroup" | "col" => t.data = true,
                _ if t.in_cell > 0 && tags::lays_out(name) => t.blocks = true,
                _ => {}
            }
        }
        match role {
            Role::Table => {
                let attr = |n| {
                    e.attrs
                        .iter()
                        .find(|a| &*a.name.local == n)
                        .map(|a| &*a.value)
                };
                self.tables.push(Surveyed {
                    id: Some(node.id),
                    layout: attr("role")
                        .is_some_and(|r| matches!(r.trim(), "presentation" | "none"))
                        || attr("datatable") == Some("0"),
                    data: attr("summary").is_some_and(|s| !s.trim().is_empty()),
                    ..Surveyed::default()
                });
            }
            Role::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows += 1;
                    t.row = 0;
                }
            }
            Role::Cell { .. } => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_cell += 1;
                    t.row += 1;
                    t.widest = t.widest.max(t.row);
                }
            }
            _ => {}
        }
        self.open.push(role);
        true
    }

    fn leave(&mut self) {
        match self.open.pop() {
            Some(Role::Table) => {
                if let Some(t) = self.tables.pop()
                    && t.lays_out()
                    && let Some(id) = t.id
                {
                    self.layout.insert(id);
                }
            }
            Some(Role::Cell { .. }) => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_cell = t.in_cell.saturating_sub(1);
                }
            }
            _ => {}
        }
    }
}
