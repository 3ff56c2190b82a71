//! Arabic text helpers shared by layout, search and the entity recogniser: folding for matching
//! (with offset maps), proclitic stripping and shaping into presentation forms.

pub mod clitics;
pub mod normalize;
pub mod shape;

pub use normalize::{Fold, Normalized, fold_str};
