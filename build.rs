//! Packs the entity model into the binary compressed: the model (`assets/ner/model.bin`, kept as
//! training writes it) is 3.4 MB of a 6.9 MB binary, and deflate takes a third off it; the
//! recogniser inflates it once, on first use.

use std::path::Path;

fn main() {
    let model = Path::new("assets/ner/model.bin");
    println!("cargo::rerun-if-changed={}", model.display());
    let bytes = std::fs::read(model).expect("assets/ner/model.bin is readable");
    // Level 6 is as small as the higher levels here within a few kilobytes, and quick in an
    // unoptimised build script.
    let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(Path::new(&out).join("model.bin.deflate"), packed).expect("OUT_DIR is writable");
}
