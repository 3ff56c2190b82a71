//! Arabic text helpers shared by layout, search and the entity recogniser: folding for matching
//! (with offset maps) and shaping into presentation forms.

pub mod normalize;
pub mod shape;

pub use normalize::{Fold, Normalized, fold_str};
