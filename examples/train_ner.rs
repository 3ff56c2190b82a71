//! Trains qari's named-entity tagger on ANERcorp, or measures it on the held-out last sixth.
//!
//! Ship the model (trained on every sentence; same bytes on every run):
//!     cargo run --release --features train --example train_ner -- train ../shared/data/anercorp/train.conll assets/ner/model.bin
//! Held-out evaluation (trains on the first five sixths, scores the last sixth, the tagger alone
//! and the whole recogniser with its document rules):
//!     cargo run --release --features train --example train_ner -- eval ../shared/data/anercorp/train.conll
//! Tuning, inside the training part only (its first five sixths against its last sixth), with
//! settings to try instead of the defaults (`epochs=`, `drop=`, `penalty=`, `window=`, `folds=`,
//! `seed=`):
//!     cargo run --release --features train --example train_ner -- tune ../shared/data/anercorp/train.conll penalty=12

use qari::entities::Recogniser;
use qari::entities::conll::{self, Sentence};
use qari::entities::score::Scores;
use qari::entities::tags::Tag;
use qari::entities::train::{Options, train};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["train", data, out] => read(data).and_then(|s| ship(&s, out)),
        ["eval", data] => {
            read(data).map(|s| evaluate(conll::split_held_out(&s), Options::default()))
        }
        ["tune", data, settings @ ..] => read(data).and_then(|s| {
            let opts = options(settings)?;
            evaluate(conll::split_held_out(conll::split_held_out(&s).0), opts);
            Ok(())
        }),
        _ => Err(
            "usage: train_ner train DATA.conll OUT.bin | train_ner eval DATA.conll | train_ner tune DATA.conll [key=value…]"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conll::parse(&text)
}

fn ship(sentences: &[Sentence], out: &str) -> Result<(), String> {
    let model = train(sentences, Options::default());
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} sentences, {} features, {} bytes -> {out}",
        sentences.len(),
        model.feature_count(),
        bytes.len()
    );
    Ok(())
}

/// The default options with `key=value` settings applied.
fn options(settings: &[&str]) -> Result<Options, String> {
    let mut opts = Options::default();
    for s in settings {
        let bad = || format!("not a setting: {s}");
        let (key, value) = s.split_once('=').ok_or_else(bad)?;
        let int = || value.parse::<usize>().map_err(|_| bad());
        match key {
            "epochs" => opts.epochs = int()?,
            "drop" => opts.drop_percent = int()?,
            "window" => opts.window = int()?,
            "folds" => opts.folds = int()?,
            "seed" => opts.seed = value.parse().map_err(|_| bad())?,
            "penalty" => opts.outside_penalty = value.parse().map_err(|_| bad())?,
            _ => return Err(bad()),
        }
    }
    Ok(opts)
}

/// Trains on the first part, scores exact spans on the second.
fn evaluate((train_part, held_out): (&[Sentence], &[Sentence]), opts: Options) {
    let start = Instant::now();
    let model = train(train_part, opts);
    println!(
        "trained on {} sentences in {:.1?}",
        train_part.len(),
        start.elapsed()
    );
    // Score the model as shipped: through its binary form, quantisation included.
    let recogniser = Recogniser::from_bytes(&model.to_bytes()).expect("a model reads back");
    // The held-out sentences are read as running text, as the training text was.
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
        "held out: {} sentences, the tagger alone\n{}",
        held_out.len(),
        score(recogniser.tag_sentences(&sentences, opts.window))
    );
    // The document rules read the held-out sentences as one text, as qari reads a file.
    println!(
        "held out, the whole recogniser (tagger and document rules)\n{}",
        score(recogniser.tag_document(&sentences, opts.window))
    );
}
