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
use soloai::safe_fs::{self, SkipReason, Skipped, Visited};
use soloai::terminal;

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

/// Folders are expanded to the entry files inside them (sorted, recursive), through the same
/// safe walk as `screen`: links, FIFOs and devices inside a folder are named on stderr, never
/// read, and a folder reached twice is walked once. A file named on the command line is the
/// user's choice: its links are resolved.
fn expand(paths: &[PathBuf], lang: Lang) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut skipped = Vec::new();
            let mut visited = Visited::default();
            collect_dir(p, 0, &mut visited, &mut found, &mut skipped)
                .with_context(|| format!("{}: cannot list the folder", terminal::path(p)))?;
            for s in &skipped {
                eprintln!(
                    "{}: {}",
                    terminal::path(&s.path),
                    terminal::visible(&s.reason.message(lang))
                );
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(safe_fs::resolve_named(p));
        }
    }
    Ok(out)
}

/// Deeper than this a folder tree is a mistake.
const MAX_DEPTH: usize = 32;

fn collect_dir(
    dir: &Path,
    depth: usize,
    visited: &mut Visited,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) -> std::io::Result<()> {
    if !visited.enter(dir) {
        skipped.push(Skipped {
            path: dir.to_path_buf(),
            reason: SkipReason::Loop,
        });
        return Ok(());
    }
    if depth > MAX_DEPTH {
        skipped.push(Skipped {
            path: dir.to_path_buf(),
            reason: SkipReason::TooDeep,
        });
        return Ok(());
    }
    let listing = safe_fs::list_dir(dir, |_| true, skipped)?;
    for sub in listing.dirs {
        collect_dir(&sub, depth + 1, visited, out, skipped)?;
    }
    out.extend(listing.files.into_iter().map(|f| f.path).filter(|path| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
    }));
    Ok(())
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let files = expand(&args.files, lang)?;
    let bar = if std::io::stderr().is_terminal() && files.len() > 1 {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar.set_message(lang.words().extract_command.reading);
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
    // Names and text come from the files: escapes and bidi controls are shown, not obeyed.
    let mut out = terminal::stdout(if args.json {
        terminal::Style::Json
    } else {
        terminal::Style::Text
    });
    let mut reports = Vec::new();
    for (i, result) in results.iter().enumerate() {
        match result {
            Ok(doc) => {
                // How the file was read when it matters (not UTF-8, controls dropped…):
                // never silently. In JSON the warnings are part of each object.
                if !args.json {
                    for warning in &doc.warnings {
                        eprintln!(
                            "{}: {}: {}",
                            terminal::path(&doc.file),
                            lang.words().extract_command.note,
                            terminal::visible(&soloai::vocab::read_warning(warning, lang))
                        );
                    }
                }
                if args.json {
                    reports.push(FileReport::from_extracted(doc, lang));
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
                eprintln!(
                    "{}: {}",
                    terminal::path(&err.path),
                    terminal::visible(&err.message(lang))
                );
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
