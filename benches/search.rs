//! Search throughput: building the folded index and searching it, in MB/s of source text.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qari::search::{Index, Mode, Query};

/// About 8 MB of the shipped article repeated, ending with a line found nowhere else, so a
/// search for it reads the whole folded copy.
fn corpus() -> String {
    let article = include_str!("../assets/article.txt");
    let mut text = String::with_capacity(8 << 20);
    while text.len() < 8 << 20 {
        text.push_str(article);
        text.push('\n');
    }
    text.push_str("خاتمة المدونة END-OF-CORPUS\n");
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("search");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let loose = Query::new("خاتمه المدونه", Mode::Loose).expect("query");
    group.bench_function("build loose index", |b| {
        b.iter(|| {
            let index = Index::new(black_box(text.clone()));
            // The fold is lazy: one search forces it; it ends at the first (last-line) hit.
            black_box(index.find_from(&loose, 0))
        });
    });
    let index = Index::new(text.clone());
    index.find_all(&loose);
    group.bench_function("search loose, one match at the end", |b| {
        b.iter(|| black_box(index.find_all(black_box(&loose))));
    });
    let exact = Query::new("خاتمة المدونة END-OF-CORPUS", Mode::Exact).expect("query");
    index.find_all(&exact);
    group.bench_function("search exact, one match at the end", |b| {
        b.iter(|| black_box(index.find_all(black_box(&exact))));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
