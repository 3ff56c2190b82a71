//! A terminal backend that reports at most [`drawn`] cells, so that ratatui's
//! frame buffers stay small whatever size the terminal claims.

use crate::app::screen::drawn;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Wraps a backend and clamps the size it reports. ratatui allocates its buffers for every cell
/// of the size a backend reports (a terminal saying 65535×65535 would cost 206 GB); with the size
/// clamped, the full-screen viewport keeps ratatui's own resize handling (clear the whole screen,
/// redraw every cell) and qari draws on the top left part of a screen larger than any real one.
#[derive(Debug)]
pub struct Bounded<B>(pub B);

impl<B: Backend> Backend for Bounded<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        Ok(clamp(self.0.size()?))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let size = self.0.window_size()?;
        Ok(WindowSize {
            columns_rows: clamp(size.columns_rows),
            ..size
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

/// `size` cut to [`drawn`]: the part of the screen the reader lays out for.
fn clamp(size: Size) -> Size {
    drawn(size.width, size.height).as_size()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screen::{MAX_HEIGHT, MAX_WIDTH};
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_terminal_is_reported_at_the_bound_and_a_small_one_as_it_is() {
        let huge = Bounded(TestBackend::new(MAX_WIDTH + 500, MAX_HEIGHT + 100));
        assert_eq!(huge.size().expect("size"), Size::new(MAX_WIDTH, MAX_HEIGHT));
        let small = Bounded(TestBackend::new(80, 24));
        assert_eq!(small.size().expect("size"), Size::new(80, 24));
    }
}
