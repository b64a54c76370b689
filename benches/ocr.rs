//! OCR of scanned entries, measured (issue 14 item 8): `cargo bench --bench ocr`.
//!
//! (a) Word accuracy on Vietnamese pages rendered at 300 dpi from known text. The pages are
//!     page 3 of the first law PDFs of benches/common/law_pdfs.rs (LibreOffice exports of
//!     `/work/shared/data/phap-dien/`, made at bench time); the known text is that page's
//!     own text layer as `pdftotext` reads it. Each page is rendered by `pdftoppm -r 300
//!     -gray` and read by Tesseract through soloai's OCR module twice: clean, and after the
//!     damage a cheap scanner does (turned 0.7°, Gaussian noise σ 12, 300 dark specks), made
//!     here in Rust. Accuracy is 1 − WER: word edit distance over NFC words (punctuation at
//!     word ends trimmed, case kept) divided by the known words.
//! (b) Pages per second on one thread: render + OCR, and OCR alone.
//! (c) The cost of OCR in a 100-entry batch where 10 % are scans: the batch read with
//!     `extract_path` on the rayon pool, 90 × demo E01.docx and 10 × its scan
//!     (fixtures/extract/pdf-scanned/E01-scan.pdf, 3 pages), against the same batch of 100
//!     text entries.
//!
//! Needs tesseract with `vie`, pdftoppm, pdftotext (and pandoc + soffice for the law PDFs the
//! first time).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use soloai::extract::extract_path;
use soloai::extract::ocr;
use soloai::normalize::nfc;

#[path = "common/law_pdfs.rs"]
mod law_pdfs;

const PAGES: usize = 8;
const PAGE_NO: usize = 3;

fn words(text: &str) -> Vec<String> {
    nfc(text)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Word edit distance (Levenshtein over words).
fn edit_distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn accuracy(known: &[String], read: &[String]) -> f64 {
    1.0 - edit_distance(known, read) as f64 / known.len().max(1) as f64
}

fn run(cmd: &mut Command) -> Option<Vec<u8>> {
    let out = cmd.output().ok()?;
    out.status.success().then_some(out.stdout)
}

fn page_text(pdf: &Path, page: usize) -> Option<String> {
    let n = page.to_string();
    run(Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-"))
    .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn render(pdf: &Path, page: usize, out_prefix: &Path) -> Option<PathBuf> {
    let n = page.to_string();
    run(Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-singlefile", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(out_prefix))?;
    Some(out_prefix.with_extension("pgm"))
}

/// A binary PGM: width, height, pixels.
fn read_pgm(path: &Path) -> Option<(usize, usize, Vec<u8>)> {
    let bytes = std::fs::read(path).ok()?;
    let mut fields = Vec::new();
    let mut i = 2;
    while fields.len() < 3 {
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while bytes.get(i)?.is_ascii_digit() {
            i += 1;
        }
        fields.push(
            std::str::from_utf8(&bytes[start..i])
                .ok()?
                .parse::<usize>()
                .ok()?,
        );
    }
    let (w, h) = (fields[0], fields[1]);
    Some((w, h, bytes.get(i + 1..i + 1 + w * h)?.to_vec()))
}

fn write_pgm(path: &Path, w: usize, h: usize, pixels: &[u8]) {
    let mut out = format!("P5\n{w} {h}\n255\n").into_bytes();
    out.extend_from_slice(pixels);
    let _ = std::fs::write(path, out);
}

/// xorshift64*: reproducible noise without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn gauss(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// A scanner's damage: the page turned by `degrees` (bilinear, white where the paper is
/// not), Gaussian noise, dark specks.
fn damage(
    w: usize,
    h: usize,
    src: &[u8],
    degrees: f64,
    sigma: f64,
    specks: usize,
    seed: u64,
) -> Vec<u8> {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            255.0
        } else {
            f64::from(src[y as usize * w + x as usize])
        }
    };
    let mut rng = Rng(seed | 1);
    let mut out = vec![255u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let (sx, sy) = (cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy);
            let (x0, y0) = (sx.floor() as i64, sy.floor() as i64);
            let (fx, fy) = (sx - x0 as f64, sy - y0 as f64);
            let v = at(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + at(x0 + 1, y0) * fx * (1.0 - fy)
                + at(x0, y0 + 1) * (1.0 - fx) * fy
                + at(x0 + 1, y0 + 1) * fx * fy;
            let v = v + sigma * rng.gauss();
            out[y * w + x] = v.clamp(0.0, 255.0) as u8;
        }
    }
    for _ in 0..specks {
        let (x, y) = (
            (rng.next() % (w as u64 - 4)) as usize,
            (rng.next() % (h as u64 - 4)) as usize,
        );
        let size = 1 + (rng.next() % 3) as usize;
        for dy in 0..size {
            for dx in 0..size {
                out[(y + dy) * w + x + dx] = (rng.next() % 90) as u8;
            }
        }
    }
    out
}

fn main() {
    let engine = match ocr::engine() {
        Ok(e) => e,
        Err(why) => {
            println!("skipped: {}", why.message(soloai::lang::Lang::En));
            return;
        }
    };
    println!("engine: {}", engine.name);
    let pdfs: Vec<PathBuf> = law_pdfs::law_pdfs()
        .into_iter()
        .filter(|p| extract_path(p).is_ok_and(|d| d.pages.len() >= PAGE_NO))
        .take(PAGES)
        .collect();
    let work = tempfile::tempdir().expect("temp dir");

    println!(
        "\n(a) word accuracy (1 − WER), page {PAGE_NO} of {} law PDFs at 300 dpi; damaged = turned 0.7°, noise σ 12, 300 specks",
        pdfs.len()
    );
    println!(
        "{:<8} {:>6} {:>8} {:>8} {:>8} {:>8}",
        "file", "words", "clean", "conf", "damaged", "conf"
    );
    let (mut clean_sum, mut damaged_sum, mut clean_conf, mut damaged_conf) = (0.0, 0.0, 0.0, 0.0);
    let (mut render_s, mut ocr_s, mut pages) = (0.0, 0.0, 0usize);
    let (mut known_total, mut clean_errors, mut damaged_errors) = (0usize, 0usize, 0usize);
    for (i, pdf) in pdfs.iter().enumerate() {
        let Some(known) = page_text(pdf, PAGE_NO).map(|t| words(&t)) else {
            continue;
        };
        let t = Instant::now();
        let Some(pgm) = render(pdf, PAGE_NO, &work.path().join(format!("p{i}"))) else {
            continue;
        };
        render_s += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let Ok(clean) = engine.read_image(&pgm, 300.0) else {
            continue;
        };
        ocr_s += t.elapsed().as_secs_f64();
        pages += 1;
        let clean_words = words(
            &clean
                .words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let Some((w, h, px)) = read_pgm(&pgm) else {
            continue;
        };
        let damaged_path = work.path().join(format!("d{i}.pgm"));
        write_pgm(
            &damaged_path,
            w,
            h,
            &damage(w, h, &px, 0.7, 12.0, 300, 14 + i as u64),
        );
        let Ok(damaged) = engine.read_image(&damaged_path, 300.0) else {
            continue;
        };
        let damaged_words = words(
            &damaged
                .words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let (a, b) = (
            accuracy(&known, &clean_words),
            accuracy(&known, &damaged_words),
        );
        known_total += known.len();
        clean_errors += edit_distance(&known, &clean_words);
        damaged_errors += edit_distance(&known, &damaged_words);
        clean_sum += a;
        damaged_sum += b;
        clean_conf += f64::from(clean.confidence());
        damaged_conf += f64::from(damaged.confidence());
        let name = pdf.file_stem().and_then(|n| n.to_str()).unwrap_or("?");
        println!(
            "{name:<8} {:>6} {a:>8.4} {:>8.1} {b:>8.4} {:>8.1}",
            known.len(),
            clean.confidence(),
            damaged.confidence()
        );
    }
    let n = pages.max(1) as f64;
    println!(
        "mean     {known_total:>6} {:>8.4} {:>8.1} {:>8.4} {:>8.1}",
        clean_sum / n,
        clean_conf / n,
        damaged_sum / n,
        damaged_conf / n
    );
    println!(
        "pooled   {known_total:>6} {:>8.4} {:>8} {:>8.4}   (1 − all errors / all known words)",
        1.0 - clean_errors as f64 / known_total.max(1) as f64,
        "",
        1.0 - damaged_errors as f64 / known_total.max(1) as f64
    );
    println!(
        "\n(b) speed, one thread, {pages} clean pages: render {:.2} s/page, OCR {:.2} s/page → {:.3} pages/s (render + OCR), {:.3} pages/s (OCR only)",
        render_s / n,
        ocr_s / n,
        n / (render_s + ocr_s),
        n / ocr_s
    );

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text_entry = root.join("fixtures/demo-contest/entries/E01.docx");
    let scan_entry = root.join("fixtures/extract/pdf-scanned/E01-scan.pdf");
    let batch = |scans: usize| -> Vec<PathBuf> {
        (0..100)
            .map(|i| {
                if i % 10 == 0 && i / 10 < scans {
                    scan_entry.clone()
                } else {
                    text_entry.clone()
                }
            })
            .collect()
    };
    let time = |files: &[PathBuf]| {
        let t = Instant::now();
        let read: usize = files
            .par_iter()
            .map(|f| usize::from(extract_path(f).is_ok_and(|d| !d.needs_ocr)))
            .sum();
        (t.elapsed().as_secs_f64(), read)
    };
    let (text_only, read_text) = time(&batch(0));
    let (with_scans, read_scans) = time(&batch(10));
    println!(
        "\n(c) a 100-entry batch on {} threads: all text {text_only:.2} s ({read_text} read); with 10 scans of 3 pages {with_scans:.2} s ({read_scans} read) → OCR adds {:.2} s ({:.1}× the all-text batch; {:.2} s per scanned entry)",
        rayon::current_num_threads(),
        with_scans - text_only,
        with_scans / text_only,
        (with_scans - text_only) / 10.0
    );
}
