//! Shell integration: `qari --completions SHELL` and `qari --man` name every real option.
#![allow(clippy::unwrap_used)]

#[path = "common/cli.rs"]
mod cli;

use clap::CommandFactory;
use cli::qari;
use std::process::Command;

/// Every long option qari accepts, from its argument definition.
fn long_options() -> Vec<String> {
    let longs: Vec<String> = qari::cli::Args::command()
        .get_arguments()
        .filter_map(|a| a.get_long().map(str::to_owned))
        .collect();
    assert!(longs.len() > 10, "the options: {longs:?}");
    longs
}

#[test]
fn completion_scripts_name_every_option() {
    for shell in ["bash", "zsh", "fish"] {
        let script = qari(&["--completions", shell]);
        for long in long_options() {
            // fish writes `-l width`, bash and zsh `--width`.
            let named =
                script.contains(&format!("--{long}")) || script.contains(&format!("-l {long}"));
            assert!(named, "{shell} completion lacks --{long}");
        }
        assert!(!script.contains("--no-such-option"));
    }
}

#[test]
fn completion_scripts_offer_the_values_of_an_option() {
    let bash = qari(&["--completions", "bash"]);
    assert!(
        bash.contains("sections entities matches text metadata"),
        "{bash}"
    );
}

#[test]
fn man_page_lists_every_option() {
    let page = qari(&["--man"]);
    assert!(page.contains(".SH NAME\nqari \\- "), "a roff page: {page}");
    assert!(page.contains(".TH qari"), "a man page title");
    // The synopsis names them too; each must have its own entry among the options.
    let (_, options) = page.split_once(".SH OPTIONS").unwrap();
    for long in long_options() {
        // roff writes a hyphen as `\-`; an entry starts a `.TP` paragraph with the option.
        let entry = format!(".TP\n\\fB\\-\\-{}\\fR", long.replace('-', "\\-"));
        assert!(
            options.contains(&entry),
            "the man page has no entry for --{long}"
        );
    }
}

#[test]
fn completions_take_no_other_arguments() {
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--completions", "bash", "--plain"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
