//! The README documents what the binary does: its keys table is the keymap's own, its
//! settings file the one `--print-config` prints.
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

#[test]
fn readme_settings_are_the_printed_defaults() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let defaults = qari::config::Config::defaults_file();
    assert!(
        readme.contains(&format!("```toml\n{defaults}```\n")),
        "README.md must carry `qari --print-config`:\n{defaults}"
    );
}
