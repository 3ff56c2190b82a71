//! Arabic text helpers shared by search and the entity recogniser: folding for matching (with
//! offset maps) and proclitic stripping.

pub mod clitics;
pub mod normalize;

pub use normalize::{Fold, Normalized, cores, fold_str, fresh_start, on_threads};
