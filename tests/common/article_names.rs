//! The names a reader of the shipped article expects the entity pane to list, shared by the tests
//! that check them through the library and through `--list entities --json`.

/// The people of the article, by their full names.
pub const PEOPLE: [&str; 2] = ["ينس ستولتنبرغ", "محمد السادس"];

/// The places of the article (countries and a capital), by their names without clitics.
pub const PLACES: [&str; 7] = [
    "المغرب",
    "الرباط",
    "الجزائر",
    "موريتانيا",
    "بوركينا فاسو",
    "مالي",
    "النيجر",
];
