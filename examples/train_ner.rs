//! Trains qari's named-entity tagger, or measures it on text it never trains on.
//!
//! Data: ANERcorp (`ANER`, news) and AQMAR (`AQMAR`, Wikipedia), CoNLL files; the Hindawi books
//! (`BOOKS`, plain text, `-` for standard input) for the commonness table.
//!
//! Ship the model and the commonness table (same bytes on every run):
//!     xz -dc ../shared/data/hindawi/corpus.txt.xz | cargo run --release --features train --example train_ner -- train ../shared/data/anercorp/train.conll ../shared/data/aqmar/train.conll - assets/ner
//! The test, never tuned on: ANERcorp's last sixth and AQMAR's last quarter (its last articles),
//! scored for a model trained on the rest, the tagger alone and the whole recogniser:
//!     xz -dc ../shared/data/hindawi/corpus.txt.xz | cargo run --release --features train --example train_ner -- test ANER AQMAR -
//! Tuning (settings, the display threshold) on the development parts instead: ANERcorp's last
//! sixth of its first five sixths and AQMAR's third quarter, trained on what comes before them;
//! settings to try instead of the defaults (`epochs=`, `drop=`, `penalty=`, `window=`, `folds=`,
//! `seed=`, `aqmar=0|1|2`: no AQMAR, its sentences without `MISC`, all of it):
//!     xz -dc … | cargo run --release --features train --example train_ner -- dev ANER AQMAR - epochs=10

use qari::entities::commonness::count::Counts;
use qari::entities::conll::{self, Sentence};
use qari::entities::score::Scores;
use qari::entities::tags::{O, Tag, spans as tag_spans};
use qari::entities::tokenize::tokenize;
use qari::entities::train::{Options, train};
use qari::entities::{Recogniser, THRESHOLD};
use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

/// Training settings and how much of AQMAR's training part is trained on.
#[derive(Clone, Copy)]
struct Settings {
    opts: Options,
    aqmar: Aqmar,
}

/// Which AQMAR sentences are trained on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Aqmar {
    /// None.
    No,
    /// Those without an `MISC` tag (AQMAR's article-specific classes are looser than ANERcorp's).
    WithoutOther,
    /// All.
    All,
}

impl Aqmar {
    /// The AQMAR sentences of `part` to train on.
    fn take(self, part: &[Sentence]) -> Vec<Sentence> {
        let other = |s: &&Sentence| {
            s.tags
                .iter()
                .any(|&t| qari::entities::tags::kind(t) == Some(qari::entities::Kind::Other))
        };
        match self {
            Aqmar::No => Vec::new(),
            Aqmar::WithoutOther => part.iter().filter(|s| !other(s)).cloned().collect(),
            Aqmar::All => part.to_vec(),
        }
    }
}

/// The parts of the two corpora one run uses.
struct Parts<'a> {
    train: Vec<Sentence>,
    scored: [(&'static str, &'a [Sentence]); 2],
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["train", aner, aqmar, books, out] => corpora(aner, aqmar, books)
            .and_then(|(a, q, b)| ship(&a, &q, &b, out, settings(&[])?)),
        [what @ ("test" | "dev"), aner, aqmar, books, more @ ..] => corpora(aner, aqmar, books)
            .and_then(|(a, q, _)| {
                let s = settings(more)?;
                evaluate(parts(&a, &q, *what == "test", s.aqmar), s.opts);
                Ok(())
            }),
        _ => Err("usage: train_ner train ANER AQMAR BOOKS OUT_DIR | train_ner test|dev ANER AQMAR BOOKS [key=value…]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// ANERcorp, AQMAR and the books' text.
fn corpora(
    aner: &str,
    aqmar: &str,
    books: &str,
) -> Result<(Vec<Sentence>, Vec<Sentence>, String), String> {
    Ok((
        conll::parse(&read(aner)?)?,
        conll::parse(&read(aqmar)?)?,
        read(books)?,
    ))
}

/// ANERcorp cut into (train, dev, test): the test is its last sixth, the dev the last sixth of
/// what comes before.
fn aner_parts(s: &[Sentence]) -> (&[Sentence], &[Sentence], &[Sentence]) {
    let (rest, test) = conll::split_held_out(s);
    let (train, dev) = conll::split_held_out(rest);
    (train, dev, test)
}

/// AQMAR cut into (train, dev, test) by position: its articles follow one another, so the last
/// quarter is its last articles (the first of them may start a little before).
fn aqmar_parts(s: &[Sentence]) -> (&[Sentence], &[Sentence], &[Sentence]) {
    let n = s.len();
    (&s[..n / 2], &s[n / 2..n * 3 / 4], &s[n * 3 / 4..])
}

/// What a test or dev run trains on and scores.
fn parts<'a>(
    aner: &'a [Sentence],
    aqmar: &'a [Sentence],
    test: bool,
    with_aqmar: Aqmar,
) -> Parts<'a> {
    let (at, ad, ax) = aner_parts(aner);
    let (qt, qd, qx) = aqmar_parts(aqmar);
    let (aner_train, aqmar_train, scored) = if test {
        // The test model trains on everything before the test parts.
        let aner_train = &aner[..aner.len() - ax.len()];
        let aqmar_train = &aqmar[..aqmar.len() - qx.len()];
        (
            aner_train,
            aqmar_train,
            [("ANERcorp test", ax), ("AQMAR test", qx)],
        )
    } else {
        (at, qt, [("ANERcorp dev", ad), ("AQMAR dev", qd)])
    };
    let mut train = aner_train.to_vec();
    train.extend(with_aqmar.take(aqmar_train));
    Parts { train, scored }
}

fn ship(
    aner: &[Sentence],
    aqmar: &[Sentence],
    books: &str,
    out: &str,
    s: Settings,
) -> Result<(), String> {
    let mut sentences = aner.to_vec();
    sentences.extend(s.aqmar.take(aqmar));
    let model = train(&sentences, s.opts);
    let bytes = model.to_bytes();
    let path = format!("{out}/model.bin");
    std::fs::write(&path, &bytes).map_err(|e| format!("{path}: {e}"))?;
    println!(
        "{} sentences, {} features, {} bytes -> {path}",
        sentences.len(),
        model.feature_count(),
        bytes.len()
    );
    let table = commonness(&Recogniser::from_model(model), aner, aqmar, books);
    let path = format!("{out}/common.tsv");
    std::fs::write(&path, &table).map_err(|e| format!("{path}: {e}"))?;
    println!("{} forms -> {path}", table.lines().count() - 1);
    Ok(())
}

/// The commonness table: the gold tags of the training parts of both corpora (never their
/// test parts) and the tagger's tags on the books.
fn commonness(r: &Recogniser, aner: &[Sentence], aqmar: &[Sentence], books: &str) -> String {
    let mut counts = Counts::default();
    let labelled = aner_parts(aner).0.iter().chain(aner_parts(aner).1);
    let labelled = labelled
        .chain(aqmar_parts(aqmar).0)
        .chain(aqmar_parts(aqmar).1);
    for s in labelled {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        counts.add(&words, &s.tags, false);
    }
    let mut words: Vec<Vec<&str>> = Vec::new();
    for line in books.lines() {
        let (tokens, sentences) = tokenize(line);
        for s in sentences {
            words.push(
                tokens[s]
                    .iter()
                    .filter_map(|t| line.get(t.range.clone()))
                    .collect(),
            );
        }
    }
    let sentences: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
    for (s, tags) in sentences.iter().zip(r.tag_sentences(&sentences, 10)) {
        counts.add(s, &tags, true);
    }
    counts.table()
}

/// The default settings with `key=value` settings applied.
fn settings(given: &[&str]) -> Result<Settings, String> {
    let mut s = Settings {
        opts: Options::default(),
        aqmar: Aqmar::No,
    };
    for g in given {
        let bad = || format!("not a setting: {g}");
        let (key, value) = g.split_once('=').ok_or_else(bad)?;
        let int = || value.parse::<usize>().map_err(|_| bad());
        match key {
            "epochs" => s.opts.epochs = int()?,
            "drop" => s.opts.drop_percent = int()?,
            "window" => s.opts.window = int()?,
            "folds" => s.opts.folds = int()?,
            "seed" => s.opts.seed = value.parse().map_err(|_| bad())?,
            "penalty" => s.opts.outside_penalty = value.parse().map_err(|_| bad())?,
            "aqmar" => {
                s.aqmar = match int()? {
                    0 => Aqmar::No,
                    1 => Aqmar::WithoutOther,
                    _ => Aqmar::All,
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(s)
}

/// Trains on the training part, scores exact spans on the scored parts.
fn evaluate(parts: Parts, opts: Options) {
    let start = Instant::now();
    let model = train(&parts.train, opts);
    println!(
        "trained on {} sentences in {:.1?}",
        parts.train.len(),
        start.elapsed()
    );
    // Score the model as shipped: through its binary form, quantisation included.
    let recogniser = Recogniser::from_bytes(&model.to_bytes()).expect("a model reads back");
    for (name, held_out) in parts.scored {
        // The sentences are read as running text, as the training text was.
        let tokens: Vec<Vec<&str>> = held_out
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let sentences: Vec<&[&str]> = tokens.iter().map(Vec::as_slice).collect();
        let score = |tagged: Vec<Vec<Tag>>| {
            let mut scores = Scores::default();
            for (s, tags) in held_out.iter().zip(tagged) {
                scores.add(&s.tags, &tags);
            }
            scores
        };
        println!(
            "{name}: {} sentences, the tagger alone\n{}",
            held_out.len(),
            score(recogniser.tag_sentences(&sentences, opts.window))
        );
        // The document rules read the sentences as one text, as qari reads a file.
        let found = recogniser.tag_document(&sentences, opts.window);
        let at = |threshold: f32| -> Vec<Vec<Tag>> {
            found
                .iter()
                .map(|s| {
                    s.iter()
                        .map(|&(t, c)| if c >= threshold { t } else { O })
                        .collect()
                })
                .collect()
        };
        println!(
            "{name}, the whole recogniser (tagger and document rules), every entity (--all)\n{}",
            score(at(0.0))
        );
        println!(
            "{name}, the whole recogniser, entities at the display threshold ({THRESHOLD})\n{}",
            score(at(THRESHOLD))
        );
        // Precision and recall as the threshold rises.
        println!("| threshold | precision | recall | F1 |\n|---|---|---|---|");
        for t in (0..=18).map(|k| k as f32 * 0.05) {
            let (p, r, f) = score(at(t)).overall().prf();
            println!("| {t:.2} | {p:.4} | {r:.4} | {f:.4} |");
        }
        if std::env::var_os("TRAIN_NER_SPANS").is_some() {
            spans(held_out, &found);
        }
        println!();
    }
}

/// Every span of the gold tags and of the recogniser's, one a line on standard error: whether
/// it is right (`tp`), wrong (`fp`) or missed (`fn`), its kind, confidence and words.
fn spans(held_out: &[Sentence], found: &[Vec<(Tag, f32)>]) {
    for (s, f) in held_out.iter().zip(found) {
        let tags: Vec<Tag> = f.iter().map(|&(t, _)| t).collect();
        let gold = tag_spans(&s.tags);
        let pred = tag_spans(&tags);
        let words = |r: &std::ops::Range<usize>| s.words[r.clone()].join(" ");
        for p in &pred {
            let right = gold.contains(p);
            let c = f[p.tokens.start].1;
            let what = if right { "tp" } else { "fp" };
            eprintln!("{what}\t{}\t{c:.3}\t{}", p.kind.as_str(), words(&p.tokens));
        }
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            eprintln!("fn\t{}\t0\t{}", g.kind.as_str(), words(&g.tokens));
        }
    }
}
