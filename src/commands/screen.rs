//! `soloai screen`: the main job. Prints a short summary; the reports go to `--out`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use soloai::report::Verdict;
use soloai::screen::{self, ScreenOptions};
use soloai::{Lang, vocab};

#[derive(clap::Args)]
pub struct Args {
    /// A contest folder (with entries/, manifest.csv, excluded-persons.csv, units.csv, prior/)
    /// or a plain folder of entries.
    pub entries: PathBuf,
    /// Manifest of the entries (CSV or XLSX; `soloai manifest-template` writes an empty one).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Contest profile: a built-in name (`soloai profile list`) or a TOML file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Corpus index folder [default: $SOLOAI_INDEX or ./soloai-index].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// A folder of prior documents to add to the index first (repeatable).
    #[arg(long = "corpus")]
    pub corpus: Vec<PathBuf>,
    /// Where the reports are written.
    #[arg(long, default_value = "soloai-out")]
    pub out: PathBuf,
    /// Persons who may not enter (CSV "Họ và tên,Vai trò", or one name per line).
    #[arg(long)]
    pub excluded: Option<PathBuf>,
    /// Units expected to send entries (CSV "Đơn vị,Loại đơn vị"), for quotas.
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// Submission deadline overriding the profile's (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long)]
    pub deadline: Option<String>,
    /// The council's file (members, meeting, document number) [default: council.toml in the
    /// contest folder; `soloai council-template` writes one].
    #[arg(long)]
    pub council: Option<PathBuf>,
    /// No progress bars.
    #[arg(long)]
    pub quiet: bool,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let words = lang.words();
    // A single file where a folder is expected: say so and point to the command that checks
    // one file.
    if args.entries.is_file() {
        eprintln!(
            "soloai: {}",
            (words.terminal.not_a_folder)(&args.entries.display().to_string())
        );
        return Ok(ExitCode::from(2));
    }
    let opts = ScreenOptions {
        manifest: args.manifest,
        profile: args.profile,
        index_dir: args.index,
        corpus_dirs: args.corpus,
        excluded_persons: args.excluded,
        units: args.units,
        deadline: args.deadline,
        council: args.council,
        lang,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        ..ScreenOptions::new(args.entries, args.out.clone())
    };
    let outcome = match screen::screen(&opts) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("soloai: {}", soloai::terminal::visible(&e.message(lang)));
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = soloai::terminal::stdout(soloai::terminal::Style::Text);
    summary(&mut out, &outcome, &args.out, lang)?;
    Ok(if outcome.report.has_flags() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The terminal summary: what was compared, verdict counts that add up to the number of
/// entries, each flagged entry with its flags named in words (code beside), identical files,
/// units below quota and where the reports are.
pub fn summary(
    out: &mut impl Write,
    outcome: &screen::ScreenOutcome,
    out_dir: &std::path::Path,
    lang: Lang,
) -> std::io::Result<()> {
    let words = lang.words();
    let report = &outcome.report;
    for added in &outcome.corpus_added {
        if !added.added.is_empty() || !added.failed.is_empty() {
            writeln!(
                out,
                "{}",
                (words.terminal.corpus_added)(
                    added.added.len(),
                    added.duplicates.len(),
                    added.failed.len()
                )
            )?;
        }
    }
    writeln!(out, "{}", report.corpus.sentence(lang))?;
    if report.corpus.is_empty() {
        writeln!(out, "{}", words.corpus.empty_warning)?;
    }
    writeln!(
        out,
        "{}",
        (words.terminal.entries_profile)(report.entries.len(), &report.profile)
    )?;
    let counts: Vec<String> = report
        .verdict_counts()
        .iter()
        .map(|(verdict, n)| format!("{}: {n}", verdict.label(lang)))
        .collect();
    writeln!(out, "  {}", counts.join("   "))?;
    for e in &report.entries {
        if e.verdict == Verdict::Resubmit {
            writeln!(
                out,
                "  {:<8} {}: {}",
                e.id,
                Verdict::Resubmit.label(lang),
                e.error.as_deref().unwrap_or(words.verdict.resubmit_ask)
            )?;
            continue;
        }
        if e.flags.is_empty() {
            continue;
        }
        let flags: Vec<String> = e
            .flags
            .iter()
            .map(|f| vocab::labelled(&vocab::flag_name(&f.code, lang), &f.code))
            .collect();
        writeln!(out, "  {:<8} {}", e.id, flags.join("; "))?;
    }
    for group in report.identical_files() {
        writeln!(
            out,
            "  {}: {}",
            words.terminal.duplicate_files,
            group.join(", ")
        )?;
    }
    for item in &report.skipped {
        writeln!(
            out,
            "  {}: {} — {}",
            words.dashboard.skipped_heading, item.path, item.message
        )?;
    }
    // Rows of the manifest, units.csv or the excluded list that could not be read (rules).
    for p in &report.input_problems {
        writeln!(out, "  {}", p.message)?;
    }
    for u in report.units.iter().filter(|u| u.is_short()) {
        writeln!(
            out,
            "  {}: {} {}/{}{}",
            u.unit,
            words.terminal.below_quota,
            u.entries,
            u.quota_min,
            if u.owes_explanation() {
                words.terminal.owes_letter
            } else {
                ""
            }
        )?;
    }
    // Units whose count waits on flagged entries: short unless the council forwards them.
    for u in report
        .units
        .iter()
        .filter(|u| u.required && u.status == "cannot-tell")
    {
        writeln!(
            out,
            "  {}: {}",
            u.unit,
            (words.terminal.quota_waits)(u.entries, u.pending, u.quota_min)
        )?;
    }
    writeln!(
        out,
        "{}: {}",
        words.terminal.reports_in,
        out_dir.join("index.html").display()
    )?;
    if outcome.cached > 0 {
        writeln!(out, "{}", (words.terminal.cached)(outcome.cached))?;
    }
    Ok(())
}
