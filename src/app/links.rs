//! Links of a document with markup: `l`/`L` select one after another, show it, and name its URL
//! in the status bar, so where a link points is known without leaving the reader.

use super::App;

impl App {
    /// Selects the next (or previous) link: from the selected one, else from the top of the
    /// view; reveals it and shows its URL.
    pub(super) fn step_link(&mut self, forward: bool) {
        let Some(blocks) = self.doc.blocks.clone() else {
            self.notice = Some("this document has no links".into());
            return;
        };
        let links = &blocks.links;
        let n = links.len();
        if n == 0 {
            self.notice = Some("this document has no links".into());
            return;
        }
        let top = self.top_byte();
        let i = match (self.link, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => links.partition_point(|l| l.range.start < top) % n,
            (None, false) => (links.partition_point(|l| l.range.start < top) + n - 1) % n,
        };
        self.link = Some(i);
        self.reveal(links[i].range.start);
        self.notice = Some(format!(
            "link {}/{n}: {}",
            i + 1,
            crate::chars::quoted(&links[i].url)
        ));
    }

    /// The byte range of the selected link's text, if one is selected.
    pub fn selected_link(&self) -> Option<std::ops::Range<usize>> {
        let b = self.doc.blocks.as_ref()?;
        Some(b.links.get(self.link?)?.range.clone())
    }
}
