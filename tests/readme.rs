//! The README documents what the binary does: its keys table is the keymap's own.
#![allow(clippy::unwrap_used)]

#[test]
fn readme_keys_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = qari::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md must carry the keys table generated from the keymap:\n{table}"
    );
}
