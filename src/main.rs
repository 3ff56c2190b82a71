//! The `qari` binary: parse arguments, open the document, then plain output, a list, or the reader.

use clap::Parser;
use clap::error::ErrorKind;
use qari::cli::Args;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(&e),
    };
    match qari::run::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// Prints what clap has to say about the arguments: help and version as clap writes them, an
/// error with the arguments it quotes made printable, since an argument can be a file name
/// holding a terminal escape (`qari *` in a folder with such a name). The message has no
/// styles of clap's (see [`Args`]), so every escape in it is the user's.
fn usage_error(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Nothing of the user's is in them.
        let _ = e.print();
        return ExitCode::from(code);
    }
    // `ansi()`: the text as it is; `to_string()` would strip what looks like escape sequences,
    // hiding part of the argument instead of showing it.
    let text = e.render().ansi().to_string();
    let lines: Vec<String> = text.lines().map(qari::source::printable).collect();
    eprintln!("{}", lines.join("\n"));
    ExitCode::from(code)
}
