//! qari (قارئ, "reader"): a terminal reader for Arabic and other right-to-left text.
//!
//! The pipeline, and the one rule that holds it together: everything outside `layout` speaks
//! in byte offsets of the decoded text.
//!
//! - [`source`]: read a file or stdin, decode it, the embedded article.
//! - [`document`]: lines (paragraphs) and the document's direction.
//! - [`arabic`]: folding for matching with an offset map; proclitics; shaping into presentation forms.
//! - [`entities`]: named-entity recognition (people, places, organisations) as byte ranges.
//! - [`layout`]: wrap ▸ reorder ▸ mirror ▸ shape, rows of cells that keep their source ranges.
//! - [`plain`]: the laid-out rows as plain text (`--plain`, or stdout not a terminal).

pub mod arabic;
pub mod document;
pub mod entities;
pub mod layout;
