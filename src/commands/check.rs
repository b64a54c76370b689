//! `soloai check PATH... [--profile NAME|FILE] [--json]`: each entry's form against the
//! contest's rules, with each rule's verdict and evidence.
//!
//! Exit code: 0 when nothing failed, 1 when a rule failed or a file could not be read (both
//! are findings for the council), 2 when the command could not run at all (unknown profile,
//! no such path, no entries found). "Cannot tell" verdicts are shown but do not change the
//! exit code: they ask a person to look, they are not a failure.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;

use soloai::Lang;
use soloai::check::{CheckContext, CheckResult, Verdict, rule_title, run_checks};
use soloai::discover::{self, DiscoveredEntry};
use soloai::extract::extract_path;
use soloai::manifest::{Manifest, read_manifest};
use soloai::profile::{Area, ContestProfile};
use soloai::terminal;

#[derive(clap::Args)]
pub struct Args {
    /// Entry files or folders (folders are walked for .docx, .pdf, .doc, .odt, .txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Contest profile: a built-in name (`soloai profile list`) or a TOML file.
    #[arg(long, default_value = "lang-son-2025")]
    profile: String,
    /// The manifest (CSV/XLSX) whose `area` column declares each entry's content area.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Print one JSON array instead of text.
    #[arg(long)]
    json: bool,
}

/// One file's outcome, as printed with `--json` (and as `screen` writes `checks`).
#[derive(Serialize)]
struct FileReport {
    file: String,
    status: &'static str,
    error: Option<String>,
    checks: Vec<CheckResult>,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let profile = match ContestProfile::resolve(&args.profile) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("soloai: {}", terminal::visible(&e.message(lang)));
            return Ok(ExitCode::from(2));
        }
    };
    let manifest = match &args.manifest {
        Some(path) => match read_manifest(path) {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("soloai: {}", terminal::visible(&e.message(lang)));
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };

    let mut entries: Vec<DiscoveredEntry> = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            // The same safe walk as `screen`: links, FIFOs and devices are named, not read.
            let found = discover::discover(path).with_context(|| format!("{}", path.display()))?;
            for skipped in &found.skipped {
                eprintln!(
                    "soloai: {}: {}",
                    terminal::path(&skipped.path),
                    terminal::visible(&skipped.reason.message(lang))
                );
            }
            entries.extend(
                found
                    .entries
                    .into_iter()
                    // A video entry without a document is listed (its error says what is
                    // missing); other files that are no document are not checked.
                    .filter(|e| e.main.as_deref().is_none_or(discover::is_supported)),
            );
        } else if path.is_file() {
            entries.push(DiscoveredEntry {
                rel_path: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                // Named on the command line: its links are the user's to follow.
                main: Some(soloai::safe_fs::resolve_named(path)),
                attachments: Vec::new(),
            });
        } else {
            eprintln!(
                "soloai: {}",
                terminal::visible(&(lang.words().check_cli.no_such_path)(
                    &path.display().to_string()
                ))
            );
            return Ok(ExitCode::from(2));
        }
    }
    if entries.is_empty() {
        eprintln!("soloai: {}", lang.words().check_cli.no_entries);
        return Ok(ExitCode::from(2));
    }

    let bar = soloai::screen::progress::bar(true, lang.words().check_cli.progress);
    if let Some(b) = &bar {
        b.set_length(entries.len() as u64);
    }
    let reports: Vec<FileReport> = entries
        .par_iter()
        .map(|entry| {
            let report = check_entry(entry, &profile, manifest.as_ref(), lang);
            if let Some(b) = &bar {
                b.inc(1);
            }
            report
        })
        .collect();
    soloai::screen::progress::finish(bar);

    let flagged = reports
        .iter()
        .any(|r| r.status == "error" || r.checks.iter().any(|c| c.verdict == Verdict::Fail));
    let mut out = terminal::stdout(if args.json {
        terminal::Style::Json
    } else {
        terminal::Style::Text
    });
    if args.json {
        serde_json::to_writer_pretty(&mut out, &reports)?;
        writeln!(out)?;
    } else {
        print_text(&mut out, &reports, lang)?;
    }
    out.flush()?;
    Ok(if flagged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_entry(
    entry: &DiscoveredEntry,
    profile: &ContestProfile,
    manifest: Option<&Manifest>,
    lang: Lang,
) -> FileReport {
    let Some(main) = &entry.main else {
        let missing = soloai::ExtractError::new(
            &entry.rel_path,
            soloai::ExtractErrorKind::NoDocument {
                video: entry.has_video(),
            },
        );
        return FileReport {
            file: entry.rel_path.clone(),
            status: "error",
            error: Some(missing.message(lang)),
            checks: Vec::new(),
        };
    };
    let file = main.display().to_string();
    let doc = match extract_path(main) {
        Ok(d) => d,
        Err(e) => {
            return FileReport {
                file,
                status: "error",
                error: Some(e.message(lang)),
                checks: Vec::new(),
            };
        }
    };
    // An attachment that cannot be read is left out; the entry is still checked.
    let attachments: Vec<_> = entry
        .attachments
        .iter()
        .filter(|a| a.is_readable())
        .filter_map(|a| extract_path(&a.path).ok())
        .collect();
    let declared_area = manifest
        .and_then(|m| m.row_for_entry(&entry.rel_path))
        .and_then(|row| row.area.as_deref())
        .and_then(Area::from_letter);
    let ctx = CheckContext {
        declared_area,
        attachments: &attachments,
    };
    // A rule that panics on this file is this file's error, not the end of the run.
    match soloai::panic_guard::catch(|| run_checks(&doc, profile, &ctx, lang)) {
        Ok(checks) => FileReport {
            file,
            status: "ok",
            error: None,
            checks,
        },
        Err(cause) => FileReport {
            file,
            status: "error",
            error: Some(
                soloai::ExtractError::new(main, soloai::ExtractErrorKind::Panic { cause })
                    .message(lang),
            ),
            checks: Vec::new(),
        },
    }
}

fn print_text(out: &mut impl Write, reports: &[FileReport], lang: Lang) -> std::io::Result<()> {
    let (mut pass, mut fail, mut unsure, mut errors) = (0, 0, 0, 0);
    for r in reports {
        writeln!(out, "{}", r.file)?;
        if let Some(e) = &r.error {
            errors += 1;
            writeln!(out, "  {}: {e}", lang.words().captions.status_unreadable)?;
        }
        for c in &r.checks {
            match c.verdict {
                Verdict::Pass => pass += 1,
                Verdict::Fail => fail += 1,
                Verdict::CannotTell => unsure += 1,
            }
            // The rule by its name, the code beside it.
            let title = rule_title(&c.code, lang).unwrap_or(&c.code);
            writeln!(
                out,
                "  [{}] {}: {}",
                c.verdict.label(lang),
                soloai::vocab::labelled(title, &c.code),
                c.evidence
            )?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        (lang.words().check_cli.totals)(reports.len(), pass, fail, unsure, errors)
    )
}
