//! Panics qari recovers from: caught where they happen, without the terminal being given back
//! or the message written over the reader's screen.
//!
//! The reader's panic hook ([`crate::term`]) gives the terminal back and exits, because a panic
//! it is not told about leaves qari in a state nobody planned for. A few faults are planned for
//! (a third-party extractor failing on a strange page costs the article, never the reader); the
//! hook runs before any unwinding reaches `catch_unwind`, so it has to be told which panics
//! those are, here, on the thread that panics.

use std::cell::Cell;
use std::panic::UnwindSafe;

thread_local! {
    /// How many [`catch`] calls this thread is inside.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`, returning its panic as an error instead of letting it reach the reader's panic
/// hook.
pub fn catch<R>(f: impl FnOnce() -> R + UnwindSafe) -> std::thread::Result<R> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = std::panic::catch_unwind(f);
    CATCHING.with(|c| c.set(c.get() - 1));
    result
}

/// Whether a panic on this thread now will be caught by [`catch`].
pub fn is_caught() -> bool {
    CATCHING.with(Cell::get) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_an_error_and_the_thread_is_told_while_it_runs() {
        assert!(!is_caught());
        let inside = catch(is_caught);
        assert!(matches!(inside, Ok(true)));
        let r: std::thread::Result<()> = catch(|| panic!("a planned fault"));
        assert!(r.is_err());
        assert!(!is_caught(), "the thread is told no more once it returns");
    }

    #[test]
    fn another_thread_is_not_told() {
        let other = catch(|| std::thread::spawn(is_caught).join());
        assert!(matches!(other, Ok(Ok(false))));
    }
}
