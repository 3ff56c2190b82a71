//! Training is deterministic and the model format round-trips, on a small sample written here.
//! Needs the `train` feature: `cargo test --features train --test entities_training`.
#![allow(clippy::unwrap_used)]

use qari::entities::Recogniser;
use qari::entities::conll;
use qari::entities::model::Model;
use qari::entities::train::{Options, train};

const SAMPLE: &str = "\
قال O\nالرئيس O\nحسني B-PERS\nمبارك I-PERS\nفي O\nالقاهرة B-LOC\n. O\n\n\
أعلن O\nحلف B-ORG\nشمال I-ORG\nالأطلسي I-ORG\nأن O\nوفدا O\nزار O\nبغداد B-LOC\n. O\n\n\
وصل O\nالأمين O\nالعام O\nكوفي B-PERS\nعنان I-PERS\nإلى O\nلبنان B-LOC\n. O\n\n\
ذكرت O\nوكالة B-ORG\nالأنباء I-ORG\nالفرنسية I-ORG\nأن O\nباريس B-LOC\nترحب O\n. O\n";

#[test]
fn training_twice_gives_the_same_bytes() {
    let sentences = conll::parse(SAMPLE).unwrap();
    assert_eq!(sentences.len(), 4);
    let opts = Options {
        epochs: 3,
        seed: 7,
        ..Options::default()
    };
    let a = train(&sentences, opts).to_bytes();
    let b = train(&sentences, opts).to_bytes();
    assert_eq!(a, b);
    // Reading the bytes back and writing them again changes nothing.
    assert_eq!(Model::from_bytes(&a).unwrap().to_bytes(), a);
}

#[test]
fn a_model_trained_on_the_sample_tags_its_own_sentences() {
    let sentences = conll::parse(SAMPLE).unwrap();
    let model = train(
        &sentences,
        Options {
            epochs: 5,
            seed: 1,
            // The shipped push towards names is sized for weights learnt from the full corpus.
            outside_penalty: 0.0,
            ..Options::default()
        },
    );
    let r = Recogniser::from_model(model);
    let tokens: Vec<&str> = sentences[0].words.iter().map(String::as_str).collect();
    assert_eq!(r.tag_sentence(&tokens), sentences[0].tags);
}
