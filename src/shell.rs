//! Shell integration: completion scripts and the manual page, generated from the arguments' own
//! definition so they cannot drift from what qari accepts.

use crate::cli::Args;
use clap::CommandFactory;
use std::io::{self, Write};

/// Writes the completion script for `shell` on `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> io::Result<()> {
    // Generated into memory first: clap_complete panics when its writer fails, and a closed
    // pipe (`qari --completions bash | head`) is no reason to.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "qari", &mut script);
    out.write_all(&script)
}

/// Writes the manual page, in roff, on `out`.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(Args::command()).render(out)
}
