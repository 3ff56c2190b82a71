//! Speed of the entity recogniser: tokens per second on the shipped article, and model load time.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qari::entities::Recogniser;
use qari::entities::tokenize::tokenize;
use std::hint::black_box;

const ARTICLE: &str = include_str!("../assets/article.txt");
const MODEL: &[u8] = include_bytes!("../assets/ner/model.bin");

fn recognise(c: &mut Criterion) {
    let r = Recogniser::embedded();
    let tokens = tokenize(ARTICLE).0.len() as u64;
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("recognise_article", |b| {
        b.iter(|| r.recognise(black_box(ARTICLE)))
    });
    g.finish();
}

fn load(c: &mut Criterion) {
    c.bench_function("entities/load_model", |b| {
        b.iter(|| Recogniser::from_bytes(black_box(MODEL)))
    });
}

criterion_group!(benches, recognise, load);
criterion_main!(benches);
