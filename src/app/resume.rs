//! Reopening a document where the reader left it.

use super::{App, Pos};
use crate::resume::Resume;

impl App {
    /// Opens at the position remembered for this document, if any: once the screen's size is
    /// known, and for a large file once it is read whole (its text decides whether the
    /// position still applies). The positions are saved to on [`App::save_position`].
    pub fn resume_from(&mut self, resume: Resume) {
        self.resume = Some(resume);
        self.restore_position();
    }

    /// Looks the position up, now that the whole text is here; a state file that cannot be
    /// read is one notice, and the document opens at the top.
    pub(super) fn restore_position(&mut self) {
        if self.loading() {
            return;
        }
        let Some(resume) = self.resume.as_mut() else {
            return;
        };
        resume.set_text(&self.doc.text);
        match resume.stored() {
            Ok(Some(at)) if at > 0 && at < self.doc.text.len() => {
                if self.screen.is_none() {
                    self.start_at = Some(at);
                } else if self.top == Pos::default() {
                    // A large file read whole while the reader was still on its first row.
                    self.resume_to(at);
                }
            }
            Ok(_) => {}
            Err(warning) => self.add_notice(warning),
        }
    }

    /// Puts byte `at` at the top, saying so.
    pub(super) fn resume_to(&mut self, at: usize) {
        self.jump_to_byte(at);
        let percent = self.percent();
        self.add_notice(format!("resumed at {percent}% — g for the top"));
    }

    /// Adds `text` to the status bar's notice, after what it says already.
    fn add_notice(&mut self, text: String) {
        self.notice = Some(match self.notice.take() {
            Some(before) => format!("{before}; {text}"),
            None => text,
        });
    }

    /// Remembers where the reader is, for the next time this document is opened; one sentence
    /// when that fails. A large file quit before it was read whole is not remembered: its text,
    /// which keys the position, is not known.
    pub fn save_position(&self) -> Result<(), String> {
        match &self.resume {
            Some(resume) if !self.loading() => resume.save(self.top_byte()),
            _ => Ok(()),
        }
    }
}
