//! The settings file: each setting changes what the reader does, flags go before it, a file that
//! cannot be used is one message with its line and column (qari opens with the defaults), a
//! rebound key shows in the help, and `--print-config` is a file that reads back as the defaults.
#![allow(clippy::unwrap_used)]

#[path = "common/pty.rs"]
mod pty;

use pty::{Cell, Key, Pty, article_cells, logical, pane_column};
use qari::config::Config;
use qari::keymap::Keymap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The start of the article's title, its first line.
const TITLE_START: &str = "شراكة خاصة بين الناتو";

/// A settings file holding `text`, where qari looks for the user's: `qari/config.toml` in a
/// configuration directory of its own.
struct Settings {
    dir: tempfile::TempDir,
}

impl Settings {
    fn new(text: &str) -> Settings {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("qari")).unwrap();
        std::fs::write(dir.path().join("qari").join("config.toml"), text).unwrap();
        Settings { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("qari").join("config.toml")
    }

    /// The configuration directory, for `XDG_CONFIG_HOME`.
    fn home(&self) -> &str {
        self.dir.path().to_str().unwrap()
    }

    fn arg(&self) -> String {
        self.path().to_str().unwrap().to_owned()
    }
}

/// Runs qari with `args`, with a configuration directory holding nothing (the user's own
/// settings never take part).
fn qari(args: &[&str]) -> Output {
    let empty = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .env("XDG_CONFIG_HOME", empty.path())
        .env("TERM", "xterm-256color")
        .output()
        .unwrap()
}

/// The plain rows qari prints for the article with `args`; its standard error must be empty.
fn plain(args: &[&str]) -> String {
    let mut all = vec!["--plain", "--width", "60"];
    all.extend_from_slice(args);
    all.push(pty::ARTICLE);
    let out = qari(&all);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    String::from_utf8(out.stdout).unwrap()
}

/// The one line of standard error qari prints for the settings in `s`, after checking that it
/// printed the article as it does with no settings at all.
fn warning_of(s: &Settings) -> String {
    let out = qari(&[
        "--config",
        &s.arg(),
        "--plain",
        "--width",
        "60",
        pty::ARTICLE,
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        plain(&[]),
        "the article as the defaults show it"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    err
}

#[test]
fn print_config_reads_back_as_the_defaults() {
    let out = qari(&["--print-config"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let read = Config::parse(&text, Path::new("printed")).unwrap();
    let defaults = Config::default();
    assert_eq!(
        Config {
            keys: defaults.keys.clone(),
            ..read.clone()
        },
        defaults
    );
    assert_eq!(
        read.keymap(),
        Keymap::default(),
        "every action keeps its keys"
    );
    // Each setting is explained by a comment above it, each action's keys beside them.
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate().skip(1) {
        if line.contains(" = ") && !line.starts_with('#') {
            assert!(
                lines[i - 1].starts_with("# ") || line.contains("  # "),
                "no comment for {line}"
            );
        }
    }
}

/// Checks that the settings `text` give one warning naming the file, the place `at` and
/// saying `what`, and that qari then shows the article as the defaults do.
fn warns(text: &str, at: &str, what: &str) {
    let s = Settings::new(text);
    let err = warning_of(&s);
    assert!(err.contains(&s.arg()), "{err}");
    assert!(err.contains(at) && err.contains(what), "{text:?}: {err}");
}

#[test]
fn a_bad_value_is_one_message_with_its_line_and_column_and_the_defaults_are_used() {
    let shape = "# mine\nmeasure = 72\nshape = \"sometimes\"\n";
    warns(shape, "line 3, column 9", "`sometimes`");
    warns("measure = 10\n", "line 1, column 11", "from 20");
    let key = "[keys]\nquit = [\"Ctrl-c\", \"qq\"]\n";
    warns(key, "line 2, column 8", "\"qq\" is not a key");
}

#[test]
fn an_unknown_setting_or_action_is_named_with_its_line_and_column() {
    let colour = "measure = 72\ncolour = \"red\"\n";
    warns(colour, "line 2, column 1", "unknown field `colour`");
    let action = "[keys]\nquit = [\"x\"]\n  leave = [\"q\"]\n";
    warns(action, "line 3, column 3", "\"leave\" is not an action");

    let missing = Settings::new("");
    let gone = missing.dir.path().join("nowhere.toml");
    let out = qari(&["--config", gone.to_str().unwrap(), "--list", "sections"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cannot read") && err.contains("nowhere.toml"),
        "{err}"
    );
}

#[test]
fn shape_and_bidi_come_from_the_config_and_the_flags_go_before_it() {
    for (setting, value, other) in [("shape", "always", "never"), ("bidi", "terminal", "app")] {
        let s = Settings::new(&format!("{setting} = \"{value}\"\n"));
        let flag = format!("--{setting}");
        let from_file = plain(&["--config", &s.arg()]);
        assert_eq!(from_file, plain(&[&flag, value]), "{setting}");
        assert_ne!(from_file, plain(&[&flag, other]), "{setting}");
        assert_eq!(
            plain(&["--config", &s.arg(), &flag, other]),
            plain(&[&flag, other]),
            "--{setting} goes before the file"
        );
    }
}

/// Starts qari on the article at `cols`×`rows` with the settings in `s`, found where the user's
/// settings are ($XDG_CONFIG_HOME/qari/config.toml), and waits for the title.
fn reader(s: &Settings, args: &[&str], cols: u16, rows: u16) -> Pty {
    let p = Pty::spawn_with_env(args, &[("XDG_CONFIG_HOME", s.home())], cols, rows);
    p.expect_phrase(TITLE_START);
    p
}

/// Quits with `q` and checks the exit is clean.
fn quit(mut p: Pty) {
    p.send("q");
    assert_eq!(p.wait_exit(), Some(0));
}

/// The widest row of text in the article's cells, in cells from its first letter to its last.
fn widest_row(frame: &[Vec<Cell>]) -> usize {
    (0..frame.len() - 1)
        .filter_map(|r| {
            let cells = article_cells(frame, r);
            let first = cells.iter().position(|c| !c.text.trim().is_empty())?;
            let last = cells.iter().rposition(|c| !c.text.trim().is_empty())?;
            Some(last - first + 1)
        })
        .max()
        .unwrap_or(0)
}

/// Whether any cell of the article is underlined (the highlighted names).
fn underlined(frame: &[Vec<Cell>]) -> bool {
    (0..frame.len() - 1).any(|r| article_cells(frame, r).iter().any(|c| c.underline))
}

#[test]
fn measure_pane_and_highlights_come_from_the_config() {
    let s = Settings::new("measure = 60\npane = \"none\"\nhighlights = false\n");
    let mut p = reader(&s, &[], 160, 45);
    let frame = p.frame_cells();
    assert_eq!(pane_column(&frame), None, "no side pane");
    let widest = widest_row(&frame);
    assert!(
        (50..=60).contains(&widest),
        "rows of at most 60 cells: {widest}"
    );
    assert!(!underlined(&frame), "no names highlighted");
    // The names were found: H shows them.
    p.send("H");
    p.expect_cells("the names highlighted after H", underlined);
    quit(p);

    // The flag goes before the file.
    let p = reader(&s, &["--measure", "80"], 160, 45);
    let widest = widest_row(&p.frame_cells());
    assert!((61..=80).contains(&widest), "rows wider than 60: {widest}");
    quit(p);

    // The defaults: the navigator beside the article.
    let p = reader(&Settings::new(""), &[], 160, 45);
    p.expect_cells("the navigator", |f| pane_column(f).is_some());
    quit(p);
}

#[test]
fn the_entity_pane_can_open_by_itself() {
    let s = Settings::new("pane = \"entities\"\n");
    let p = reader(&s, &[], 160, 30);
    p.expect("the entity pane's groups", |rows| {
        rows.iter().any(|r| r.contains("People")) && rows.iter().any(|r| r.contains("Places"))
    });
    quit(p);
}

#[test]
fn with_resume_off_a_document_reopens_at_the_top() {
    let s = Settings::new("resume = false\n");
    let state = tempfile::tempdir().unwrap();
    let env = [
        ("XDG_STATE_HOME", state.path().to_str().unwrap()),
        ("XDG_CONFIG_HOME", s.home()),
    ];
    for _ in 0..2 {
        let mut p = Pty::spawn_with_env(&[], &env, 100, 30);
        p.expect("the title on the top row", |rows| {
            logical(&rows[0]).contains(TITLE_START)
        });
        assert!(
            !p.frame_rows().last().unwrap().contains("resumed"),
            "{:?}",
            p.frame_rows().last()
        );
        p.press(Key::Char('G'));
        quit(p);
    }
}

#[test]
fn rebound_keys_show_in_the_help_and_the_status_bar_and_do_their_work() {
    let s = Settings::new("[keys]\nhelp = [\"h\"]\nquit = [\"x\", \"Ctrl-c\"]\n");
    let mut p = reader(&s, &[], 100, 40);
    p.expect("the status bar's hint", |rows| {
        rows.last().unwrap().trim_end().ends_with("h help")
    });
    p.press(Key::Char('?'));
    assert!(
        !p.frame_rows().iter().any(|r| r.contains("Reading")),
        "? is not help now"
    );
    p.press(Key::Char('h'));
    let rows = p.frame_rows();
    let help_line = |keys: &str, what: &str| {
        rows.iter().any(|r| {
            r.split_once(&format!(" {keys} {what}"))
                .is_some_and(|(before, _)| before.ends_with(' '))
        })
    };
    assert!(help_line("h", "help"), "{rows:#?}");
    assert!(help_line("x Ctrl-c", "quit"), "{rows:#?}");
    assert!(help_line("o", "show/hide sections"), "{rows:#?}");
    p.press(Key::Esc);
    p.send("q");
    // q is no longer quit: the reader is still there for x.
    p.press(Key::Char('j'));
    p.send("x");
    assert_eq!(p.wait_exit(), Some(0));
}
