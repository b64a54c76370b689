//! Criterion micro-benches of the hot paths every entry goes through: reading a real .docx
//! and .pdf fixture, the comparison form of Vietnamese text, legacy decoding and the MinHash
//! signature the corpus stores. The whole-tool comparisons (vs pandoc, pdftotext, datasketch)
//! are in the other benches.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use soloai::compare::Signature;
use soloai::model::LegacyEncoding;
use soloai::normalize;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn sample_text() -> String {
    let body = std::fs::read_to_string(fixture("corpus/c/tra-ket-qua-qua-buu-chinh-cong-ich.md"))
        .unwrap_or_else(|_| "Thủ tục hành chính một cửa liên thông. ".repeat(200));
    body.repeat(4)
}

fn extraction(c: &mut Criterion) {
    let docx = fixture("fixtures/extract/docx/tnr14.docx");
    let pdf = fixture("fixtures/demo-contest/entries/E03.pdf");
    c.bench_function("extract docx (tnr14.docx)", |b| {
        b.iter(|| soloai::extract::extract_path(&docx).map(|d| d.text.len()))
    });
    c.bench_function("extract pdf (demo E03.pdf)", |b| {
        b.iter(|| soloai::extract::extract_path(&pdf).map(|d| d.text.len()))
    });
}

fn text(c: &mut Criterion) {
    let text = sample_text();
    c.bench_function("comparison_form (~10 KB Vietnamese)", |b| {
        b.iter(|| normalize::comparison_form(&text).len())
    });
    c.bench_function("fold_ascii (~10 KB Vietnamese)", |b| {
        b.iter(|| normalize::fold_ascii(&text).len())
    });
    c.bench_function("Signature::compute (~10 KB Vietnamese)", |b| {
        b.iter(|| Signature::compute(&text).minhash.len())
    });
    // TCVN3 as it arrives from a .VnTime run: the cp1252 reading of the bytes.
    let tcvn3 = "C¸c thñ tôc hµnh chÝnh ®\u{ad}îc gi¶i quyÕt ®óng h¹n. ".repeat(100);
    c.bench_function("legacy decode TCVN3 (~5 KB)", |b| {
        b.iter(|| normalize::legacy::decode(&tcvn3, LegacyEncoding::Tcvn3, false).len())
    });
}

criterion_group!(benches, extraction, text);
criterion_main!(benches);
