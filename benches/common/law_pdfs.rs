//! Real Vietnamese law PDFs for the PDF-speed and OCR benches, made at bench time from
//! `/work/shared/data/phap-dien/` (never copied into the project): 40 Markdown files spread
//! over the sorted list (every k-th, k = files / 40), each turned into .docx by pandoc and into
//! PDF by LibreOffice (`soffice --convert-to pdf`, all in one call), cached in
//! `target/bench-law-pdfs/`. `SOLOAI_PHAP_DIEN` points elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const COUNT: usize = 40;

pub fn data_dir() -> PathBuf {
    std::env::var_os("SOLOAI_PHAP_DIEN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/phap-dien"))
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

/// The chosen Markdown sources, in order.
pub fn sources() -> Vec<PathBuf> {
    let mut all = Vec::new();
    markdown_files(&data_dir(), &mut all);
    all.sort();
    if all.len() < COUNT {
        return all;
    }
    let step = all.len() / COUNT;
    all.into_iter().step_by(step).take(COUNT).collect()
}

/// The PDFs (built when missing); empty with a message when the data or the tools are absent.
pub fn law_pdfs() -> Vec<PathBuf> {
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-law-pdfs");
    let sources = sources();
    if sources.is_empty() {
        eprintln!("no phap-dien data at {}: skipped", data_dir().display());
        return Vec::new();
    }
    if std::fs::create_dir_all(cache.join("docx")).is_err() {
        return Vec::new();
    }
    let name = |i: usize| format!("law{i:02}");
    let mut missing = Vec::new();
    for (i, md) in sources.iter().enumerate() {
        let pdf = cache.join(format!("{}.pdf", name(i)));
        if pdf.exists() {
            continue;
        }
        let docx = cache.join("docx").join(format!("{}.docx", name(i)));
        let ok = Command::new("pandoc")
            .arg(md)
            .args(["-f", "markdown", "-o"])
            .arg(&docx)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("pandoc failed on {}", md.display());
            continue;
        }
        missing.push(docx);
    }
    if !missing.is_empty() {
        eprintln!(
            "making {} law PDFs with LibreOffice (cached in {})…",
            missing.len(),
            cache.display()
        );
        let profile = cache.join("lo-profile");
        let _ = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&cache)
            .args(&missing)
            .output();
    }
    (0..sources.len())
        .map(|i| cache.join(format!("{}.pdf", name(i))))
        .filter(|p| p.exists())
        .collect()
}
