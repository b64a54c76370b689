//! `soloai package CONTEST --report OUT [--out FILE.zip] [--decisions FILE]`: the zip a unit
//! attaches in the document-management system (iOffice): the forwarded entries with their
//! attachments, the screening minutes, the summary workbook, the marking papers when there are
//! some, and a list of contents. Exit 0 when written, 1 when written with warnings (something
//! to fix or add before sending), 2 when it could not be written.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use soloai::Lang;
use soloai::package::{self, PackageOptions};
use soloai::profile::ContestProfile;
use soloai::report::minutes::decisions::read_decisions;
use soloai::scoring::load_report;
use soloai::screen::inputs::contest_folder;

#[derive(clap::Args)]
pub struct Args {
    /// The contest folder (with entries/) or the entries folder that was screened.
    contest: PathBuf,
    /// The screening output folder (report.json, bien-ban-so-loai.docx, summary.xlsx).
    #[arg(long)]
    report: PathBuf,
    /// The zip to write [default: REPORT/ho-so-so-loai-<unit>-<year>.zip].
    #[arg(long)]
    out: Option<PathBuf>,
    /// The council's decisions on flags (JSON from the web app).
    #[arg(long)]
    decisions: Option<PathBuf>,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let report = match load_report(&args.report) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            return Ok(ExitCode::from(2));
        }
    };
    let decisions = match &args.decisions {
        Some(p) => match read_decisions(p) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("soloai: {}", e.message(lang));
                return Ok(ExitCode::from(2));
            }
        },
        None => Vec::new(),
    };
    let profile = ContestProfile::resolve(&report.profile).ok();
    let report_dir = if args.report.is_dir() {
        args.report.clone()
    } else {
        args.report
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."))
    };
    let folder = contest_folder(&args.contest);
    let now = jiff::Timestamp::now();
    let created = jiff::Timestamp::from_second(now.as_second())
        .map(|t| t.to_string())
        .unwrap_or_else(|_| now.to_string());
    let opts = PackageOptions {
        report: &report,
        report_dir: &report_dir,
        entries_dir: &folder.entries_dir,
        decisions: &decisions,
        profile: profile.as_ref(),
        out: args.out,
        lang,
        created,
    };
    let outcome = match package::build(&opts) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} ({} {}, {:.1} MB)",
        lang.words().package_command.written,
        outcome.path.display(),
        outcome.entries.len(),
        lang.words().package_command.entries,
        outcome.bytes as f64 / (1u64 << 20) as f64
    )?;
    for w in &outcome.warnings {
        writeln!(out, "  {} {w}", lang.words().package_command.note)?;
    }
    Ok(if outcome.warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
