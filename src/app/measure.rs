//! The measure: how wide the text column may grow, so that a line stays one the eye can follow
//! back to the start of the next on a wide screen.

use std::fmt;

/// The narrowest measure `--measure` accepts: a few Arabic words.
pub const NARROWEST: u16 = 20;

/// How wide the text column may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// At most this many cells.
    Cells(u16),
    /// All the room beside the pane.
    Full,
}

impl Default for Measure {
    /// 80 cells: a comfortable line, and no narrower than the text column of an 80-column
    /// terminal, which therefore looks as it always has.
    fn default() -> Measure {
        Measure::Cells(80)
    }
}

impl Measure {
    /// The widths the measure key steps through, after which it shows the full width.
    pub const STEPS: [u16; 3] = [60, 72, 80];

    /// Reads `--measure`: a number of cells (at least [`NARROWEST`]) or `full`.
    pub fn parse(s: &str) -> Result<Measure, String> {
        if s.eq_ignore_ascii_case("full") {
            return Ok(Measure::Full);
        }
        match s.parse::<u16>() {
            Ok(n) if n >= NARROWEST => Ok(Measure::Cells(n)),
            _ => Err(format!("a number of cells from {NARROWEST}, or full")),
        }
    }

    /// The measure the key moves to from this one: the next wider step, then the full width,
    /// then the narrowest step again.
    pub fn next(self) -> Measure {
        match self {
            Measure::Full => Measure::Cells(Measure::STEPS[0]),
            Measure::Cells(n) => Measure::STEPS
                .iter()
                .find(|&&s| s > n)
                .map_or(Measure::Full, |&s| Measure::Cells(s)),
        }
    }

    /// The width of the text column when `room` columns are free for it.
    pub fn cap(self, room: u16) -> u16 {
        match self {
            Measure::Cells(n) => room.min(n),
            Measure::Full => room,
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Cells(n) => write!(f, "{n} columns"),
            Measure::Full => f.write_str("full width"),
        }
    }
}

/// In the configuration the measure is a number of cells or `"full"`, as `--measure` takes it.
impl<'de> serde::Deserialize<'de> for Measure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Measure, D::Error> {
        struct Written;
        impl serde::de::Visitor<'_> for Written {
            type Value = Measure;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a number of cells from {NARROWEST}, or \"full\"")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Measure, E> {
                Measure::parse(&n.to_string())
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Measure, E> {
                Measure::parse(&n.to_string())
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Measure, E> {
                Measure::parse(s)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(s), &self))
            }
        }
        d.deserialize_any(Written)
    }
}

impl serde::Serialize for Measure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Measure::Cells(n) => s.serialize_u16(*n),
            Measure::Full => s.serialize_str("full"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_key_cycles_through_the_steps_and_the_full_width() {
        let mut m = Measure::Full;
        let mut seen = Vec::new();
        for _ in 0..5 {
            m = m.next();
            seen.push(m);
        }
        use Measure::{Cells, Full};
        assert_eq!(seen, [Cells(60), Cells(72), Cells(80), Full, Cells(60)]);
        // A measure of one's own steps on to the next wider one.
        assert_eq!(Cells(65).next(), Cells(72));
        assert_eq!(Cells(100).next(), Full);
    }

    #[test]
    fn parses_cells_or_full_and_refuses_the_rest() {
        assert_eq!(Measure::parse("66"), Ok(Measure::Cells(66)));
        assert_eq!(Measure::parse("full"), Ok(Measure::Full));
        for bad in ["19", "0", "-3", "wide", ""] {
            assert!(Measure::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn caps_the_room_it_is_given() {
        assert_eq!(Measure::Cells(72).cap(120), 72);
        assert_eq!(Measure::Cells(72).cap(50), 50);
        assert_eq!(Measure::Full.cap(120), 120);
    }
}
