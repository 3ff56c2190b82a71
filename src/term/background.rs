//! Asking the terminal for its background colour (OSC 11), to choose the theme that reads on it.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How long a terminal has to begin its answer: a local one answers within a millisecond or
/// two, over ssh within a round trip; one that does not know the question never does.
const BEGIN: Duration = Duration::from_millis(100);

/// How long an answer that has begun may take to end.
const END: Duration = Duration::from_millis(500);

/// Asks the terminal for its background colour and reads the answer from the terminal's input
/// through crossterm, as the event loop reads it, so that the answer is never taken for keys:
/// crossterm reads `ESC ] 11 ; rgb:… ESC \` as Alt-], the answer's characters, then Alt-\ (or
/// Ctrl-g for a BEL). Must run in raw mode, before anything else reads the input. Returns the
/// colour, if the terminal gave one, and the events read meanwhile that are not the answer
/// (keys typed in those milliseconds), for the loop to handle.
pub fn ask() -> io::Result<(Option<[u8; 3]>, Vec<Event>)> {
    let mut out = io::stdout();
    out.write_all(b"\x1b]11;?\x1b\\")?;
    out.flush()?;
    let start = Instant::now();
    let mut answer: Option<String> = None;
    let mut typed = Vec::new();
    loop {
        let limit = if answer.is_some() { END } else { BEGIN };
        let left = limit.saturating_sub(start.elapsed());
        if left.is_zero() || !event::poll(left)? {
            return Ok((None, typed));
        }
        let ev = event::read()?;
        let key = match &ev {
            Event::Key(k) => Some(*k),
            _ => None,
        };
        match (answer.as_mut(), key) {
            (None, Some(k)) if is(k, ']', KeyModifiers::ALT) => answer = Some(String::new()),
            (Some(text), Some(k)) => {
                if is(k, '\\', KeyModifiers::ALT) || is(k, 'g', KeyModifiers::CONTROL) {
                    return Ok((colour(text), typed));
                }
                if let KeyCode::Char(c) = k.code {
                    text.push(c);
                }
            }
            _ => typed.push(ev),
        }
    }
}

/// Whether `k` is the character `c` with the modifier `m`.
fn is(k: KeyEvent, c: char, m: KeyModifiers) -> bool {
    k.code == KeyCode::Char(c) && k.modifiers.contains(m)
}

/// The colour of an answer's text (`11;rgb:RRRR/GGGG/BBBB`, each part of one to four hex
/// digits), in eight bits a channel.
fn colour(text: &str) -> Option<[u8; 3]> {
    let spec = text.strip_prefix("11;")?;
    let (_, parts) = spec.split_once(':')?;
    let mut rgb = [0u8; 3];
    let mut parts = parts.split('/');
    for channel in &mut rgb {
        let hex = parts.next()?;
        let digits = u32::try_from(hex.len())
            .ok()
            .filter(|n| (1..=4).contains(n))?;
        let value = u32::from_str_radix(hex, 16).ok()?;
        let max = 16u32.pow(digits) - 1;
        *channel = u8::try_from(value * 255 / max).ok()?;
    }
    parts.next().is_none().then_some(rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_in_every_precision() {
        assert_eq!(colour("11;rgb:ffff/ffff/ffff"), Some([255; 3]));
        assert_eq!(colour("11;rgb:0000/2b2b/3636"), Some([0, 43, 54]));
        assert_eq!(colour("11;rgb:fd/f6/e3"), Some([253, 246, 227]));
        assert_eq!(colour("11;rgb:F/0/8"), Some([255, 0, 136]));
        assert_eq!(colour("11;rgb:ffff/ffff"), None);
        assert_eq!(colour("11;rgb:fffff/0/0"), None);
        assert_eq!(colour("10;rgb:ffff/ffff/ffff"), None);
        assert_eq!(colour("11;?"), None);
    }
}
