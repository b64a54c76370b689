//! `soloai scoring sheets` / `soloai scoring collect`: the marking round after screening.
//!
//! ```text
//! soloai scoring sheets  --report OUT [OUT_DIR] [--profile P] [--council FILE] [--decisions FILE]
//! soloai scoring collect --report OUT SHEETS... [--out DIR] [--profile P] [--council FILE] [--decisions FILE]
//! ```
//! `--report` is the screening output folder (or its report.json). Exit codes: 0 all sheets
//! complete and valid, 1 problems were found (the papers list them), 2 could not run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use soloai::Lang;
use soloai::council::Council;
use soloai::profile::ContestProfile;
use soloai::report::Report;
use soloai::report::minutes::{Decision, decisions::read_decisions};
use soloai::scoring::{self, Round};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Write one scoring sheet (phiếu chấm điểm, .xlsx) per jury member.
    Sheets {
        #[command(flatten)]
        common: Common,
        /// Folder for the sheets (they go to DIR/phieu-cham/) [default: the report's folder].
        out_dir: Option<PathBuf>,
    },
    /// Read filled sheets back: check, average, rank, award; write the marking papers.
    Collect {
        #[command(flatten)]
        common: Common,
        /// Filled sheets (.xlsx files, or folders of them).
        #[arg(required = true)]
        sheets: Vec<PathBuf>,
        /// Where the papers go [default: the report's folder].
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Common {
    /// The screening output folder (with report.json) or the report.json file.
    #[arg(long)]
    report: PathBuf,
    /// Contest profile (built-in name or TOML file) [default: the report's profile].
    #[arg(long)]
    profile: Option<String>,
    /// The council file [default: the council recorded in the report].
    #[arg(long)]
    council: Option<PathBuf>,
    /// The council's decisions on flags (JSON from the web app), deciding the forwarded entries.
    #[arg(long)]
    decisions: Option<PathBuf>,
}

struct Loaded {
    report: Report,
    profile: ContestProfile,
    council: Option<Council>,
    decisions: Vec<Decision>,
    report_dir: PathBuf,
}

fn fail(message: String) -> anyhow::Result<ExitCode> {
    eprintln!("soloai: {message}");
    Ok(ExitCode::from(2))
}

fn load(common: &Common, lang: Lang) -> Result<Loaded, String> {
    let report = scoring::load_report(&common.report).map_err(|e| e.message(lang))?;
    let spec = common
        .profile
        .clone()
        .unwrap_or_else(|| report.profile.clone());
    let profile = ContestProfile::resolve(&spec).map_err(|e| {
        format!(
            "{} {}",
            e.message(lang),
            lang.words().scoring_command.name_profile
        )
    })?;
    let council = match &common.council {
        Some(p) => Some(Council::load(p).map_err(|e| e.message(lang))?),
        None => None,
    };
    let decisions = match &common.decisions {
        Some(p) => read_decisions(p).map_err(|e| e.message(lang))?,
        None => Vec::new(),
    };
    let report_dir = if common.report.is_dir() {
        common.report.clone()
    } else {
        common
            .report
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    };
    Ok(Loaded {
        report,
        profile,
        council,
        decisions,
        report_dir,
    })
}

/// Now, to the second, RFC 3339 in UTC.
fn now() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .map(|t| t.to_string())
        .unwrap_or_else(|_| now.to_string())
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    match args.command {
        Sub::Sheets { common, out_dir } => {
            let loaded = match load(&common, lang) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let round = match Round::new(
                &loaded.report,
                &loaded.profile,
                loaded.council.as_ref(),
                &loaded.decisions,
                lang,
            ) {
                Ok(r) => r,
                Err(e) => return fail(e.message(lang)),
            };
            let out = out_dir.unwrap_or(loaded.report_dir.clone());
            let written = match scoring::sheet::write_sheets(&round, &out, &now()) {
                Ok(w) => w,
                Err(e) => return fail(e.message(lang)),
            };
            let mut stdout = std::io::stdout().lock();
            if round.scoring.example {
                writeln!(stdout, "{}", lang.words().scoring_command.example_criteria)?;
            }
            writeln!(
                stdout,
                "{} {} {} ({} {}):",
                written.len(),
                lang.words().scoring_command.sheets,
                lang.words().scoring_command.written,
                round.entries().len(),
                lang.words().scoring_command.forwarded,
            )?;
            for p in &written {
                writeln!(stdout, "  {}", p.display())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::Collect {
            common,
            sheets,
            out,
        } => {
            let loaded = match load(&common, lang) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let round = match Round::new(
                &loaded.report,
                &loaded.profile,
                loaded.council.as_ref(),
                &loaded.decisions,
                lang,
            ) {
                Ok(r) => r,
                Err(e) => return fail(e.message(lang)),
            };
            let out = out.unwrap_or(loaded.report_dir.clone());
            let collected = match scoring::collect(&round, &sheets, &out, &now()) {
                Ok(c) => c,
                Err(e) => return fail(e.message(lang)),
            };
            print_outcome(&round, &collected, lang)?;
            Ok(if collected.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn print_outcome(
    round: &Round<'_>,
    collected: &scoring::Collected,
    lang: Lang,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let entries = round.entries();
    writeln!(
        out,
        "{}: {}/{}",
        lang.words().scoring_command.valid_sheets,
        collected.checked.sheets.len(),
        round.jury().len()
    )?;
    for r in &collected.tally.results {
        let e = entries[r.entry];
        writeln!(
            out,
            "  {:>3}  {:<12} {:>7}  {}",
            r.rank.map(|k| k.to_string()).unwrap_or_else(|| "—".into()),
            e.id,
            r.average
                .map(|a| scoring::papers::score_text(a.value(), lang))
                .unwrap_or_else(|| "—".into()),
            r.prize.map(|p| p.label(lang)).unwrap_or("")
        )?;
    }
    if !collected.problems.is_empty() {
        writeln!(
            out,
            "{} ({}):",
            lang.words().scoring_command.problems,
            collected.problems.len()
        )?;
        for p in collected.problems.iter().take(50) {
            writeln!(out, "  [{}] {}", p.code, p.message)?;
        }
        if collected.problems.len() > 50 {
            writeln!(
                out,
                "  … {} {}",
                collected.problems.len() - 50,
                lang.words().scoring_command.more_problems
            )?;
        }
    }
    writeln!(out, "{}:", lang.words().scoring_command.written_heading)?;
    for p in &collected.written {
        writeln!(out, "  {}", p.display())?;
    }
    Ok(())
}
