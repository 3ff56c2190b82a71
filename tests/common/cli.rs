//! Running the `qari` binary for what it prints.

use std::process::Command;

/// Runs `qari` with `args`, checks that it succeeded, and returns what it printed.
pub fn qari(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .output()
        .expect("qari runs");
    assert!(
        out.status.success(),
        "qari {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
