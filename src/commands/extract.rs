//! `soloai extract FILE... [--json]`: read entries and print their text, or one JSON object
//! per file. Exit 0 when every file was read, 2 when any could not be.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use soloai::Lang;
use soloai::extract::extract_path;
use soloai::extract::json::FileReport;

#[derive(clap::Args)]
pub struct Args {
    /// Files to read (.docx, .pdf, .txt, .doc/.odt through LibreOffice); a folder means every
    /// such file inside it.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print a JSON array, one object per file, instead of the text.
    #[arg(long)]
    json: bool,
}

const EXTENSIONS: &[&str] = &["docx", "docm", "dotx", "pdf", "txt", "doc", "odt"];

/// Folders are expanded to the entry files inside them (sorted, recursive).
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_dir(p, &mut found)
                .with_context(|| format!("{}: cannot list the folder", p.display()))?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let files = expand(&args.files)?;
    let bar = if std::io::stderr().is_terminal() && files.len() > 1 {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar.set_message(lang.pick("đang đọc bài dự thi", "reading entries"));
        bar
    } else {
        ProgressBar::hidden()
    };
    let results: Vec<_> = files
        .par_iter()
        .map(|f| {
            let r = extract_path(f);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();

    let mut failed = 0usize;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut reports = Vec::new();
    for (i, result) in results.iter().enumerate() {
        match result {
            Ok(doc) => {
                if args.json {
                    reports.push(FileReport::from_extracted(doc));
                } else {
                    if files.len() > 1 {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        writeln!(out, "==> {} <==", doc.file.display())?;
                    }
                    writeln!(out, "{}", doc.text)?;
                }
            }
            Err(err) => {
                failed += 1;
                eprintln!("{}: {}", err.path.display(), err.message(lang));
                if args.json {
                    reports.push(FileReport::from_error(err, lang));
                }
            }
        }
    }
    if args.json {
        serde_json::to_writer_pretty(&mut out, &reports)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
