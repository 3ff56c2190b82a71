//! Layout throughput in MB/s, with and without shaping, on the shipped article repeated to
//! about 1 MB: every paragraph laid out at 80 columns on one thread, rows written to a buffer
//! as plain output does.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qari::document::Document;
use qari::layout::{LayoutOptions, Scratch, layout_rows};
use qari::plain::push_row;
use std::hint::black_box;

/// The article repeated until the text passes 1 MB.
fn corpus() -> Document {
    let article = include_str!("../assets/article.txt");
    let text = article.repeat((1 << 20) / article.len() + 1);
    Document::new(text, "bench")
}

fn layout(c: &mut Criterion) {
    let doc = corpus();
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.sample_size(20);
    for shape in [false, true] {
        let opts = LayoutOptions {
            shape,
            default_rtl: doc.rtl,
            ..LayoutOptions::default()
        };
        let name = if shape { "shape_always" } else { "shape_never" };
        let mut scratch = Scratch::default();
        let mut out = Vec::with_capacity(doc.text.len() * 2);
        group.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                for i in 0..doc.len() {
                    layout_rows(&doc.text, doc.line(i), 80, &opts, &mut scratch, |row| {
                        push_row(&mut out, &row, &doc.text, 80);
                        out.push(b'\n');
                    });
                }
                black_box(out.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
