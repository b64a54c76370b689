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
//! (c) Real files (issue 14): 40 Vietnamese law PDFs LibreOffice made from
//!     `/work/shared/data/phap-dien/` at bench time (benches/common/law_pdfs.rs, cached in
//!     target/). Wall and CPU time of our reader (in process, one thread) and of `soloai
//!     extract` (the binary of the same build, all files in one run) against `pdftotext` (one process
//!     per file, sequential; CPU from the children's rusage), in the same run; and fidelity:
//!     word agreement with pdftotext's text (multiset F1 over the whole file, and 2·LCS/(a+b)
//!     over the first 3,000 words).
//!
//! `cargo bench --bench extract_pdf -- --law-only` runs (c) alone; `-- --prepare` only makes
//! the PDFs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use soloai::extract::extract_path;
use soloai::normalize::nfc;

#[path = "common/law_pdfs.rs"]
mod law_pdfs;

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
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--prepare") {
        let pdfs = law_pdfs::law_pdfs();
        println!("{} law PDFs ready", pdfs.len());
        return;
    }
    if !args.iter().any(|a| a == "--law-only") {
        small_files();
    }
    law_files();
}

/// CPU seconds (user + system) used by this process's finished children so far.
fn children_cpu() -> f64 {
    // SAFETY: getrusage only writes the struct we hand it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// CPU seconds used by this process itself so far.
fn self_cpu() -> f64 {
    // SAFETY: as above.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// Multiset F1 of two word lists.
fn bag_f1(a: &[String], b: &[String]) -> f64 {
    use std::collections::HashMap;
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0i64;
    for w in b {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn law_files() {
    let pdfs = law_pdfs::law_pdfs();
    if pdfs.is_empty() {
        println!("(c) skipped: no law PDFs");
        return;
    }
    let mut pages = 0usize;
    let mut bytes = 0u64;
    let (mut f1_sum, mut lcs_sum) = (0.0, 0.0);
    // Fidelity first (also warms the page cache for both readers).
    println!("\n(c) 40 LibreOffice law PDFs from phap-dien: fidelity against pdftotext");
    println!(
        "{:<10} {:>6} {:>9} {:>8} {:>8}",
        "file", "pages", "bytes", "bagF1", "LCS3000"
    );
    for pdf in &pdfs {
        bytes += std::fs::metadata(pdf).map_or(0, |m| m.len());
        let ours = extract_path(pdf);
        let n = ours.as_ref().map_or(0, |d| d.pages.len());
        pages += n;
        let ours = ours.map(|d| words(&d.text)).unwrap_or_default();
        let theirs = pdftotext(pdf).map(|t| words(&t)).unwrap_or_default();
        let f1 = bag_f1(&ours, &theirs);
        let head = |w: &[String]| w[..w.len().min(3000)].to_vec();
        let lcs = similarity(&head(&ours), &head(&theirs));
        f1_sum += f1;
        lcs_sum += lcs;
        let name = pdf.file_stem().and_then(|n| n.to_str()).unwrap_or("?");
        println!(
            "{name:<10} {n:>6} {bytes_:>9} {f1:>8.4} {lcs:>8.4}",
            bytes_ = std::fs::metadata(pdf).map_or(0, |m| m.len())
        );
    }
    let n = pdfs.len() as f64;
    println!(
        "mean       {pages:>6} {bytes:>9} {:>8.4} {:>8.4}   ({} files, {pages} pages)",
        f1_sum / n,
        lcs_sum / n,
        pdfs.len()
    );

    let rounds = 3;
    let best = |label: &str, run: &dyn Fn() -> (f64, f64)| -> (f64, f64) {
        let mut best = (f64::MAX, f64::MAX);
        for _ in 0..rounds {
            let (wall, cpu) = run();
            if wall < best.0 {
                best = (wall, cpu);
            }
        }
        println!(
            "{label:<44} wall {:>7.2} s  cpu {:>7.2} s  {:>7.1} pages/s (wall)",
            best.0,
            best.1,
            pages as f64 / best.0
        );
        best
    };
    println!("\nspeed, best of {rounds} rounds, sequential (one file at a time):");
    let ours_lib = best("soloai reader, in process, 1 thread", &|| {
        let (t, c) = (Instant::now(), self_cpu());
        for pdf in &pdfs {
            let _ = std::hint::black_box(extract_path(pdf));
        }
        (t.elapsed().as_secs_f64(), self_cpu() - c)
    });
    let theirs = best("pdftotext, one process per file", &|| {
        let (t, c) = (Instant::now(), children_cpu());
        for pdf in &pdfs {
            let _ = std::hint::black_box(pdftotext(pdf));
        }
        (t.elapsed().as_secs_f64(), children_cpu() - c)
    });
    // The binary of the same build as this bench (cargo sets it for benches).
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_soloai"));
    let ours_bin = if bin.exists() {
        Some(best(
            "soloai extract (binary, all files in one run)",
            &|| {
                let (t, c) = (Instant::now(), children_cpu());
                let _ = Command::new(&bin)
                    .arg("extract")
                    .args(&pdfs)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status();
                (t.elapsed().as_secs_f64(), children_cpu() - c)
            },
        ))
    } else {
        println!("soloai extract: binary not built");
        None
    };
    println!(
        "ratio pdftotext/soloai reader:  wall {:.2}×  cpu {:.2}×",
        theirs.0 / ours_lib.0,
        theirs.1 / ours_lib.1
    );
    if let Some(b) = ours_bin {
        println!(
            "ratio pdftotext/soloai extract: wall {:.2}×  cpu {:.2}× (the binary uses {} threads)",
            theirs.0 / b.0,
            theirs.1 / b.1,
            rayon::current_num_threads()
        );
    }
}

fn small_files() {
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
