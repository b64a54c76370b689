//! PDF reader, measured (issue 3): run with `cargo bench --bench extract_pdf`.
//!
//! (a) Fidelity: word-level similarity of the extracted text to the text that was typed, for
//!     Vietnamese documents LibreOffice turned into PDF (fixtures/extract/pdf/bench, made by
//!     make.sh: six .fodt documents, three of them re-rendered by cairo, and one Word .docx),
//!     side by side with `pdftotext` and lopdf's own `extract_text` on the same
//!     files. Similarity is 2·LCS/(|a|+|b|) over the NFC word sequences, so a word split in
//!     two ("nhi ễu") or a footer mixed into the text both count against.
//! (b) Throughput over the same folder: our reader on a rayon pool vs one `pdftotext`
//!     process per file on as many threads, several rounds each.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use soloai::extract::extract_path;
use soloai::normalize::nfc;

fn words(text: &str) -> Vec<String> {
    nfc(text).split_whitespace().map(str::to_string).collect()
}

/// 2·LCS / (|a| + |b|) over word sequences (difflib's ratio, on words).
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[b.len()] as f64;
    2.0 * lcs / (a.len() + b.len()) as f64
}

fn pdftotext(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn lopdf_text(path: &Path) -> Option<String> {
    let doc = lopdf::Document::load(path).ok()?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).ok()
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/extract/pdf");
    let mut cases: Vec<(PathBuf, PathBuf)> = Vec::new();
    for n in 0..6 {
        let b = dir.join("bench");
        cases.push((b.join(format!("doc{n}.pdf")), b.join(format!("doc{n}.txt"))));
    }
    for n in 0..3 {
        let b = dir.join("bench");
        cases.push((
            b.join(format!("doc{n}_cairo.pdf")),
            b.join(format!("doc{n}.txt")),
        ));
    }
    cases.push((dir.join("bench/word0.pdf"), dir.join("bench/word0.txt")));
    cases.push((dir.join("vi_report.pdf"), dir.join("vi_report.txt")));
    cases.push((dir.join("vi_report_cairo.pdf"), dir.join("vi_report.txt")));

    println!("(a) fidelity: word similarity to the typed text");
    println!(
        "{:<24} {:>8} {:>10} {:>8}",
        "file", "soloai", "pdftotext", "lopdf"
    );
    let (mut ours_sum, mut theirs_sum, mut lopdf_sum) = (0.0, 0.0, 0.0);
    for (pdf, txt) in &cases {
        let source = words(&std::fs::read_to_string(txt).unwrap_or_default());
        let ours = extract_path(pdf)
            .map(|d| words(&d.text))
            .unwrap_or_default();
        let theirs = pdftotext(pdf).map(|t| words(&t)).unwrap_or_default();
        let lo = lopdf_text(pdf).map(|t| words(&t)).unwrap_or_default();
        let (s_ours, s_theirs, s_lo) = (
            similarity(&ours, &source),
            similarity(&theirs, &source),
            similarity(&lo, &source),
        );
        ours_sum += s_ours;
        theirs_sum += s_theirs;
        lopdf_sum += s_lo;
        let name = pdf.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        println!("{name:<24} {s_ours:>8.4} {s_theirs:>10.4} {s_lo:>8.4}");
    }
    let n = cases.len() as f64;
    println!(
        "{:<24} {:>8.4} {:>10.4} {:>8.4}",
        "mean",
        ours_sum / n,
        theirs_sum / n,
        lopdf_sum / n
    );

    let files: Vec<PathBuf> = cases.iter().map(|(p, _)| p.clone()).collect();
    let rounds = 10;
    let threads = rayon::current_num_threads();
    let start = Instant::now();
    for _ in 0..rounds {
        files.par_iter().for_each(|f| {
            let _ = std::hint::black_box(extract_path(f));
        });
    }
    let ours = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..rounds {
        files.par_iter().for_each(|f| {
            let _ = std::hint::black_box(pdftotext(f));
        });
    }
    let theirs = start.elapsed().as_secs_f64();
    let total = (files.len() * rounds) as f64;
    println!(
        "\n(b) throughput, {} files × {rounds} rounds on {threads} threads",
        files.len()
    );
    println!("soloai     {:>8.1} files/s", total / ours);
    println!(
        "pdftotext  {:>8.1} files/s (one process per file)",
        total / theirs
    );
    println!("ratio      {:>8.2}×", theirs / ours);
}
