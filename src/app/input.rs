//! Terminal events into actions: which part of the reader has the keys, the mouse wheel, a
//! paste, a new size. The event loop hands every event here, and so can a test.

use super::{Action, App, Focus, Overlay, Side};
use crate::keymap::Context;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};

impl App {
    /// Applies one terminal event.
    pub fn on_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => self.on_key(k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => self.update(Action::Scroll(3)),
                MouseEventKind::ScrollUp => self.update(Action::Scroll(-3)),
                MouseEventKind::Down(MouseButton::Left) => self.mouse_down(m.column, m.row),
                MouseEventKind::Drag(MouseButton::Left) => self.mouse_drag(m.column, m.row),
                MouseEventKind::Up(MouseButton::Left) => self.mouse_up(m.column, m.row),
                _ => {}
            },
            Event::Resize(w, h) => self.update(Action::Resize(w, h)),
            Event::Paste(text) => self.paste(&text),
            _ => {}
        }
    }

    /// Applies one key press, looked up in the keymap for the part of the reader that has the
    /// keys (the prompt, the help, a side pane, the article); in the prompt, a letter no binding
    /// takes is typed into the query.
    pub fn on_key(&mut self, k: KeyEvent) {
        // Debug builds only: a way for the end-to-end tests to check what a panic does to the
        // terminal, on this thread, on another, or caught. Release builds have no such key.
        if cfg!(debug_assertions) && k.code == KeyCode::F(12) {
            match std::env::var("QARI_TEST_PANIC").as_deref() {
                Ok("thread") => {
                    std::thread::spawn(|| panic!("panic requested by QARI_TEST_PANIC"));
                }
                Ok("caught") => {
                    let _ = crate::caught::catch(|| panic!("panic requested by QARI_TEST_PANIC"));
                }
                Ok(_) => panic!("panic requested by QARI_TEST_PANIC"),
                Err(_) => {}
            }
        }
        let context = self.context();
        match self.keys.action_for(&k, context) {
            Some(a) => self.update(a),
            None if context == Context::Prompt => {
                if let KeyCode::Char(c) = k.code {
                    self.type_char(c);
                }
            }
            None => {}
        }
    }

    /// Where the keys go now.
    fn context(&self) -> Context {
        if self.search.prompt.is_some() {
            Context::Prompt
        } else if self.overlay == Overlay::Help {
            Context::Help
        } else if self.focus == Focus::Side && self.side != Side::Hidden {
            Context::Pane
        } else {
            Context::Article
        }
    }
}
