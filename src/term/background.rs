//! Asking the terminal for its background colour (OSC 11), to choose the theme that reads on it.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How long the first frame waits for the terminal to begin its answer: a local one answers
/// within a millisecond or two; one that does not know the question never does, and keeps the
/// dark theme without making the reader wait longer. An answer that comes later (over ssh, a
/// round trip) is still taken, and the screen redrawn in its theme.
const BEGIN: Duration = Duration::from_millis(10);

/// How long an answer that has begun may take to end.
const END: Duration = Duration::from_millis(500);

/// The answer's parts as key events: crossterm reads `ESC ] 11 ; rgb:… ESC \` as Alt-], the
/// answer's characters, then Alt-\ (or Ctrl-g, for an answer ended by BEL).
#[derive(Debug, Default)]
pub struct Answer {
    /// The answer's characters so far, once Alt-] has begun one.
    text: Option<String>,
}

/// What an event is to an [`Answer`].
#[derive(Debug, PartialEq, Eq)]
pub enum Part {
    /// Not part of an answer: an event for the reader.
    Other,
    /// Part of an answer that has not ended.
    Inside,
    /// The end of an answer, whose colour (if it gave one) this is.
    End(Option<[u8; 3]>),
}

/// The most characters an answer holds (`11;rgb:ffff/ffff/ffff` is 22): past them, what began
/// with Alt-] was a key after all, and the keys after it are the reader's again.
const LONGEST: usize = 40;

impl Answer {
    /// Takes the next event read from the terminal.
    pub fn take(&mut self, ev: &Event) -> Part {
        let Event::Key(k) = ev else {
            return Part::Other;
        };
        let Some(text) = self.text.as_mut() else {
            if is(*k, ']', KeyModifiers::ALT) {
                self.text = Some(String::new());
                return Part::Inside;
            }
            return Part::Other;
        };
        if is(*k, '\\', KeyModifiers::ALT) || is(*k, 'g', KeyModifiers::CONTROL) {
            let rgb = colour(text);
            self.text = None;
            return Part::End(rgb);
        }
        match k.code {
            KeyCode::Char(c) if text.len() < LONGEST => text.push(c),
            _ => self.text = None,
        }
        Part::Inside
    }
}

/// Asks the terminal for its background colour and reads the answer from the terminal's input
/// through crossterm, as the event loop reads it, so that the answer is never taken for keys.
/// Must run in raw mode, before anything else reads the input. Returns the colour, if the
/// terminal gave one, and the events read meanwhile that are not the answer (keys typed in
/// those milliseconds), for the loop to handle. An answer that comes later, or the rest of one
/// that takes too long, is left to `answer`, for the input thread to finish.
pub fn ask(answer: &mut Answer) -> io::Result<(Option<[u8; 3]>, Vec<Event>)> {
    let mut out = io::stdout();
    out.write_all(b"\x1b]11;?\x1b\\")?;
    out.flush()?;
    let start = Instant::now();
    let mut begun = false;
    let mut typed = Vec::new();
    loop {
        let limit = if begun { END } else { BEGIN };
        let left = limit.saturating_sub(start.elapsed());
        if left.is_zero() || !event::poll(left)? {
            return Ok((None, typed));
        }
        let ev = event::read()?;
        match answer.take(&ev) {
            Part::Other => typed.push(ev),
            Part::Inside => begun = true,
            Part::End(rgb) => return Ok((rgb, typed)),
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

    fn key(c: char, m: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), m))
    }

    #[test]
    fn an_answer_is_told_from_the_keys_around_it() {
        let none = KeyModifiers::NONE;
        let mut a = Answer::default();
        assert_eq!(a.take(&key('j', none)), Part::Other);
        assert_eq!(a.take(&key(']', KeyModifiers::ALT)), Part::Inside);
        for c in "11;rgb:ffff/ffff/ffff".chars() {
            assert_eq!(a.take(&key(c, none)), Part::Inside);
        }
        assert_eq!(
            a.take(&key('\\', KeyModifiers::ALT)),
            Part::End(Some([255; 3]))
        );
        assert_eq!(a.take(&key('g', none)), Part::Other, "g is a key again");
        // Alt-] typed, then keys: past the longest answer they are keys again.
        assert_eq!(a.take(&key(']', KeyModifiers::ALT)), Part::Inside);
        for _ in 0..=LONGEST {
            a.take(&key('j', none));
        }
        assert_eq!(a.take(&key('j', none)), Part::Other);
    }
}
