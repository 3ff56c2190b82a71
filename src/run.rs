//! What the binary does with its arguments: open the document, then print a list, print plain
//! rows, or run the full-screen reader.

use crate::app::{App, Progress, Whole};
use crate::cli::{Args, Bidi, FormatArg, ListKind, ThemeChoice};
use crate::config::Config;
use crate::document::Document;
use crate::document::structure;
use crate::entities::Recogniser;
use crate::format::Format;
use crate::layout::LayoutOptions;
use crate::listing::{self, Style};
use crate::resume::{Identity, Resume};
use crate::search::{Index, Mode, Query};
use crate::source::{self, Input, LoadError, LoadOptions};
use crate::terminal::{Sink, Terminal};
use crate::ui::theme;
use std::fmt;
use std::io::{self, IsTerminal, Write};

/// Why qari stopped with an error: one sentence for the user and an exit code.
#[derive(Debug)]
pub enum RunError {
    /// The document could not be opened.
    Load(LoadError),
    /// Writing to the terminal or stdout failed.
    Io(io::Error),
    /// The arguments do not fit together.
    Usage(String),
    /// The work asked for would not fit in the memory that is free.
    Refused(String),
}

impl RunError {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            RunError::Load(e) => e.exit_code() as u8,
            RunError::Io(_) => 1,
            RunError::Usage(_) | RunError::Refused(_) => 2,
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Load(e) => write!(f, "{e}"),
            RunError::Io(e) => write!(f, "qari: {e}"),
            RunError::Usage(s) | RunError::Refused(s) => write!(f, "qari: {s}"),
        }
    }
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}

/// How much of a large file is read before the first frame: a few screens of text, read in
/// well under a millisecond.
const HEAD_BYTES: usize = 64 * 1024;

/// Documents up to this size (bytes) have their entities recognised as soon as they open.
const EAGER_ENTITIES: usize = 4 << 20;

/// Which input the arguments name: a file, `-` for stdin, stdin when it is a pipe, else the
/// embedded article.
pub fn input(args: &Args) -> Input {
    match &args.file {
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) => Input::Path(p.clone()),
        None if stdin_is_piped() => Input::Stdin,
        None => Input::Embedded,
    }
}

/// Stdin is a pipe or a redirected file (`cat f | qari`, `qari < f`): the document comes from
/// there. A terminal, `/dev/null` or a closed stdin means the user named nothing: show the
/// embedded article.
fn stdin_is_piped() -> bool {
    use std::os::unix::fs::FileTypeExt;
    if io::stdin().is_terminal() {
        return false;
    }
    std::fs::metadata("/dev/stdin")
        .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
}

/// Where stdout goes, for plain output.
fn sink(tty: bool) -> Sink {
    use std::os::unix::fs::FileTypeExt;
    if tty {
        Sink::Terminal
    } else if std::fs::metadata("/dev/stdout").is_ok_and(|m| m.file_type().is_fifo()) {
        Sink::Pipe
    } else {
        Sink::File
    }
}

/// Runs qari.
pub fn run(args: Args) -> Result<(), RunError> {
    if let Some(shell) = args.completions {
        return printed(crate::shell::completions(shell, &mut io::stdout().lock()));
    }
    if args.man {
        return printed(crate::shell::man(&mut io::stdout().lock()));
    }
    if args.print_config {
        return printed(
            io::stdout()
                .lock()
                .write_all(Config::defaults_file().as_bytes()),
        );
    }
    let (config, warning) = Config::load(args.config.as_deref());
    if let Some(warning) = warning {
        eprintln!("{warning}");
    }
    let shape = args.shape.unwrap_or(config.shape);
    let bidi = args.bidi.unwrap_or(config.bidi);
    // The layout's character table takes a few milliseconds to fill: another core fills it
    // while this one reads the input.
    std::thread::spawn(crate::chars::props::table);
    let load = LoadOptions {
        encoding: args.encoding.clone(),
        force: args.force,
        book: match args.format {
            FormatArg::Auto => None,
            FormatArg::Epub => Some(true),
            _ => Some(false),
        },
    };
    let input = input(&args);
    let path = describe(&input);
    let named_path = loaded_path(&input);
    // Every mode holds the text and works in at most as much again twice over: a file that
    // cannot fit is refused now, not by an allocation failing (an abort, in the reader with
    // the terminal left raw).
    if let Input::Path(p) = &input
        && let Ok(meta) = std::fs::metadata(p)
        && meta.is_file()
        && let Some(why) = crate::memory::refusal(3 * meta.len(), "reading this file would")
    {
        return Err(RunError::Refused(why));
    }
    let stdout_tty = io::stdout().is_terminal();
    // A dumb terminal cannot show the reader (it moves no cursor and has no alternate screen):
    // it gets the plain rows, and the reason.
    let dumb = stdout_tty
        && !args.plain
        && args.list.is_none()
        && std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    if dumb {
        eprintln!("qari: a dumb terminal (TERM=dumb) cannot show the reader; printing plain text");
    }
    let plain = args.plain || !stdout_tty || dumb;
    let full_screen = !plain && args.list.is_none();
    // A large file opens on its first lines at once; the rest is read in the background. A
    // Markdown file's first lines are read as Markdown too: a block they cut short (a code
    // fence left open) is shown whole once the rest arrives.
    let named = match (args.format, &input) {
        (FormatArg::Text, _) | (FormatArg::Auto, Input::Embedded) => Some(Format::Text),
        (FormatArg::Markdown, _) => Some(Format::Markdown),
        (FormatArg::Html, _) => Some(Format::Html),
        (FormatArg::Epub, _) => Some(Format::Epub),
        (FormatArg::Auto, Input::Path(p)) => Format::from_name(&p.to_string_lossy()),
        (FormatArg::Auto, Input::Stdin) => None,
    };
    let stdin = matches!(input, Input::Stdin);
    // A file opened on its first lines is read as plain text unless named otherwise: joining
    // the lines of its paragraphs would move every offset of the whole file that replaces them.
    let streamed = named.unwrap_or(Format::Text);
    // HTML is read whole: its first lines alone are markup, not text to show.
    let head = if full_screen && !matches!(named, Some(Format::Html)) {
        source::load_head(&input, &load, HEAD_BYTES)
            .map_err(RunError::Load)?
            .filter(|h| named.is_some() || !crate::format::html::looks_like_html(&h.text))
    } else {
        None
    };
    let mut rest = None;
    let src = match head {
        Some(head) => {
            let same = LoadOptions {
                encoding: Some(head.encoding.to_string()),
                ..load
            };
            // The end of the file, for `G` before the rest is read; without it `G` waits. Not
            // for Markdown, whose last lines alone may not parse as they do in the whole.
            let tail = (streamed == Format::Text)
                .then(|| source::load_tail(&input, &same, HEAD_BYTES).ok().flatten())
                .flatten()
                .map(|t| Document::new(t.text, t.name));
            let size = match &input {
                Input::Path(p) => std::fs::metadata(p).map_or(0, |m| m.len() as usize),
                _ => 0,
            };
            let reading = Progress::new("reading", size);
            let read = reading.clone();
            let (rx, go) = after_first_frame(move || {
                // Decided again from the whole file, as plain output decides: the first and
                // last lines may not have shown the encoding.
                let whole = source::load_reporting(&input, &load, &|n| read.set(n));
                whole.map(|s| Whole {
                    doc: crate::format::read(s.text, s.name, streamed),
                    notices: s.notices,
                    encoding: s.encoding,
                })
            });
            rest = Some(Rest {
                whole: rx,
                go,
                tail,
                progress: reading,
                stand_in: false,
                entities: false,
            });
            head
        }
        None => source::load(&input, &load).map_err(RunError::Load)?,
    };
    let encoding = src.encoding;
    let mut notices = src.notices;
    let doc = match src.book {
        Some(bytes) => {
            let refused = move |e: crate::format::epub::EpubError| LoadError::Book {
                path: named_path,
                why: e.to_string(),
            };
            // A large book opens on its first chapters; the rest is read while it is shown.
            let start = if full_screen {
                crate::format::read_book_start(&bytes, src.name.clone(), HEAD_BYTES)
                    .map_err(|e| RunError::Load(refused.clone()(e)))?
            } else {
                None
            };
            let (doc, book_notices) = match start {
                Some(start) => {
                    let (rx, go) = after_first_frame(move || {
                        crate::format::read_book(&bytes, src.name)
                            .map(|(doc, notices)| Whole {
                                doc,
                                notices,
                                encoding: "UTF-8",
                            })
                            .map_err(refused)
                    });
                    rest = Some(Rest {
                        whole: rx,
                        go,
                        tail: None,
                        progress: Progress::new("reading", 0),
                        stand_in: false,
                        entities: false,
                    });
                    start
                }
                None => crate::format::read_book(&bytes, src.name)
                    .map_err(|e| RunError::Load(refused(e)))?,
            };
            notices.extend(book_notices);
            doc
        }
        None => {
            let format = match (named, rest.is_some()) {
                (Some(f), _) => f,
                (None, true) => streamed,
                (None, false) => Format::detect(&src.name, stdin, &src.text),
            };
            let format = match format {
                Format::Html if args.whole => Format::HtmlWhole,
                f => f,
            };
            let html = matches!(format, Format::Html | Format::HtmlWhole);
            // A page's tree of elements takes many times the page's size: refused now, not
            // by an allocation failing halfway through parsing.
            if html {
                let need = src.text.len() as u64 * crate::memory::HTML_PER_BYTE;
                if let Some(why) = crate::memory::refusal(need, "the elements of this page") {
                    return Err(RunError::Refused(why));
                }
            }
            if html && full_screen && src.text.len() > HEAD_BYTES {
                // A large page opens on its title; its article is found (or the whole page
                // read) once that is on screen, and replaces it.
                let src_len = src.text.len();
                let (title, blocks) = crate::format::html::preview::read(&src.text);
                let shown = Document::with_blocks(title, src.name.clone(), format, blocks);
                let progress = Progress::new(
                    match format {
                        Format::Html => "finding the article",
                        _ => "reading the page",
                    },
                    0,
                );
                let found = progress.clone();
                let known = notices.clone();
                let (rx, go) = after_first_frame(move || {
                    // Held here by the end-to-end tests, to see the title alone.
                    found.set(0);
                    let doc = crate::format::read(src.text, src.name, format);
                    let read = doc.blocks.as_ref().and_then(|b| b.notice.clone());
                    Ok(Whole {
                        doc,
                        notices: known.into_iter().chain(read).collect(),
                        encoding,
                    })
                });
                rest = Some(Rest {
                    whole: rx,
                    go,
                    tail: None,
                    progress,
                    stand_in: true,
                    // The article is no larger than its page.
                    entities: src_len <= EAGER_ENTITIES,
                });
                shown
            } else {
                crate::format::read(src.text, src.name, format)
            }
        }
    };
    // How the format reader read it (a web page shown whole): said in the status bar, or on
    // stderr when the output is the text itself.
    let read_notice = doc.blocks.as_ref().and_then(|b| b.notice.clone());
    if let Some(n) = read_notice.as_deref().filter(|_| !full_screen) {
        eprintln!("qari: {n}");
    }
    notices.extend(read_notice);
    let notice = (!notices.is_empty()).then(|| notices.join("; "));
    let term = Terminal::detect();
    let strategy = if plain {
        term.plain(bidi, shape, sink(stdout_tty))
    } else {
        term.screen(bidi, shape)
    };
    let opts = LayoutOptions {
        shape: strategy.shape,
        reorder: strategy.bidi == Bidi::App,
        show_controls: args.show_controls,
        default_rtl: doc.rtl,
        mirror: strategy.mirror,
        marks: strategy.marks,
        logical_runs: strategy.logical_runs,
    };
    if let Some(what) = args.list {
        let mode = if args.exact { Mode::Exact } else { Mode::Loose };
        let style = Style {
            json: args.json,
            show_controls: args.show_controls,
            all: args.all,
        };
        let mut out = io::BufWriter::new(io::stdout().lock());
        return match list(&doc, what, style, args.search.as_deref(), mode, &mut out) {
            Err(RunError::Io(e)) => printed(Err(e)),
            r => r.and_then(|()| printed(out.flush())),
        };
    }
    if plain {
        // Only a terminal on stdout has a width to ask for; piped output is 80 columns.
        let width = args
            .width
            .or_else(|| terminal_columns().filter(|_| stdout_tty))
            .unwrap_or(80);
        let mut out = io::BufWriter::new(io::stdout().lock());
        return printed(
            crate::plain::write(&doc, width, strategy.pad, &opts, &mut out)
                .and_then(|()| out.flush()),
        );
    }
    let eager_entities = rest
        .as_ref()
        .map_or(doc.text.len() <= EAGER_ENTITIES, |r| r.entities);
    let mut app = match rest {
        Some(rest) => {
            let mut app = App::streaming(doc, opts, rest.whole, rest.go);
            app.reading(rest.progress);
            if let Some(tail) = rest.tail {
                app.set_tail(tail);
            }
            if rest.stand_in {
                app.stand_in();
            }
            app
        }
        None => App::new(doc, opts),
    };
    app.encoding = encoding;
    app.notice = notice;
    app.measure = args.measure.unwrap_or(config.measure);
    app.highlights = config.highlights;
    app.keys = config.keymap();
    app.path = Some(path);
    if args.exact {
        app.search.mode = Mode::Exact;
    }
    // The navigator opens by itself only where there is room for it beside the article.
    let narrow = terminal_columns().is_some_and(|w| w < 80);
    app.open_pane(if narrow {
        crate::app::Side::Hidden
    } else {
        config.pane.side()
    });
    // Recognising a book's entities takes a core for many seconds: for a large document it waits
    // until the entity pane is opened.
    if eager_entities {
        app.want_entities();
    }
    // A search given on the command line decides where the reader starts.
    if !args.no_resume
        && config.resume
        && args.search.is_none()
        && let Some(resume) = identity(&args).and_then(Resume::for_user)
    {
        app.resume_from(resume);
    }
    if let Some(q) = &args.search {
        app.search_for(q);
    }
    // The terminal is asked for its background once the screen is its own (and not when there
    // are no colours to choose).
    let ask_background = match args.theme.unwrap_or(config.theme) {
        ThemeChoice::Dark => {
            theme::choose(theme::DARK);
            false
        }
        ThemeChoice::Light => {
            theme::choose(theme::LIGHT);
            false
        }
        ThemeChoice::Auto => theme::in_colour(),
    };
    crate::term::run(
        &mut app,
        crate::term::Session {
            modes: term.modes(strategy.bidi, std::env::var_os("TMUX").is_some()),
            mouse: args.mouse,
            ask_background,
        },
    )?;
    // The terminal is restored by now: the warning is a line of the shell's screen.
    if let Err(warning) = app.save_position() {
        eprintln!("{warning}");
    }
    Ok(())
}

/// The document being read on another thread while the reader shows part of it.
struct Rest {
    /// Where the whole document comes.
    whole: std::sync::mpsc::Receiver<crate::app::WholeFile>,
    /// Lets the reading start, once the first frame is drawn.
    go: std::sync::mpsc::Sender<()>,
    /// The last lines of a large text file, for `G` to show before the rest is read.
    tail: Option<Document>,
    /// How far it has got, for the status bar.
    progress: Progress,
    /// What is shown only stands in for the document (a page's title while its article is
    /// found): no offset of it holds in the whole.
    stand_in: bool,
    /// The document is known to be small enough for its entities to be recognised as soon as
    /// it is here (a large text file's size is not known until it is read).
    entities: bool,
}

/// Runs `work` on a thread of its own once the first frame is on screen (or the reader is gone,
/// and nobody listens): reading a large file competes with that frame for memory and cores.
/// What it makes comes on the receiver; the sender opens the gate.
fn after_first_frame(
    work: impl FnOnce() -> crate::app::WholeFile + Send + 'static,
) -> (
    std::sync::mpsc::Receiver<crate::app::WholeFile>,
    std::sync::mpsc::Sender<()>,
) {
    let (tx, rx) = std::sync::mpsc::channel();
    let (go, gate) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let _ = gate.recv();
        let _ = tx.send(work());
    });
    (rx, go)
}

/// The path an error about the input names: the file, or `stdin`.
fn loaded_path(input: &Input) -> std::path::PathBuf {
    match input {
        Input::Path(p) => p.clone(),
        _ => "stdin".into(),
    }
}

/// Where the document comes from, as the information overlay says it.
fn describe(input: &Input) -> String {
    match input {
        Input::Path(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.clone())
            .to_string_lossy()
            .into_owned(),
        Input::Stdin => "standard input".to_owned(),
        Input::Embedded => "the article qari ships with".to_owned(),
    }
}

/// The name the document's position is remembered under; none for a file whose path cannot be
/// resolved.
fn identity(args: &Args) -> Option<Identity> {
    Some(match input(args) {
        Input::Path(p) => Identity::Path(std::fs::canonicalize(p).ok()?),
        Input::Stdin => Identity::Stdin,
        Input::Embedded => Identity::Embedded,
    })
}

/// The width of the terminal, asked of the terminal itself (`TIOCGWINSZ`); `None` when there is
/// none or it reports no size. Never crossterm's `size()`, which without a terminal runs `tput`
/// from `PATH`: a program a reader of a file must not be made to start.
fn terminal_columns() -> Option<u16> {
    ratatui::crossterm::terminal::window_size()
        .ok()
        .map(|s| s.columns)
        .filter(|&w| w > 0)
}

/// The outcome of printing to stdout. A closed pipe (`qari f | head`) is the reader's choice,
/// not an error.
fn printed(result: io::Result<()>) -> Result<(), RunError> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(RunError::Io),
    }
}

/// Prints `--list WHAT` on `out`.
fn list(
    doc: &Document,
    what: ListKind,
    style: Style,
    query: Option<&str>,
    mode: Mode,
    out: &mut impl Write,
) -> Result<(), RunError> {
    match what {
        ListKind::Sections => {
            let markdown = structure::looks_like_markdown(&doc.name, &doc.text);
            let outline = structure::outline(doc, markdown);
            listing::sections(&outline, &doc.text, style, out)?;
        }
        ListKind::Entities => {
            let need = crate::memory::entities_need(doc.text.len());
            if let Some(why) = crate::memory::refusal(need, "the entities of this text") {
                return Err(RunError::Refused(why));
            }
            let code = doc.blocks.as_ref().map(|b| b.code()).unwrap_or_default();
            let entities =
                Recogniser::embedded().recognise_outside(&doc.text, &code, &Default::default());
            listing::entities(&entities, style, out)?;
        }
        ListKind::Text => listing::text(doc, style, out)?,
        ListKind::Metadata => listing::metadata(doc, style, out)?,
        ListKind::Matches => {
            let q = query
                .ok_or_else(|| RunError::Usage("--list matches needs --search QUERY".into()))?;
            let matches = match Query::new(q, mode) {
                Some(q) => Index::new(doc.text.clone()).find_all(&q),
                None => Vec::new(),
            };
            listing::matches(doc, &matches, style, out)?;
        }
    }
    Ok(())
}
