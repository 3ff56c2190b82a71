//! The `qari` binary: parse arguments, open the document, then plain output, a list, or the reader.

use clap::Parser;
use qari::cli::Args;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    match qari::run::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}
