//! `soloai screen`: the main job. Prints a short summary; the reports go to `--out`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use soloai::Lang;
use soloai::report::{EntryStatus, Verdict};
use soloai::screen::{self, ScreenOptions};

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
    let report = &outcome.report;
    // Entry ids and unit names come from file names and the manifest: shown, not obeyed.
    let mut out = soloai::terminal::stdout(soloai::terminal::Style::Text);
    let count = |v: Verdict| report.entries.iter().filter(|e| e.verdict == v).count();
    let errors = report
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Error)
        .count();
    for added in &outcome.corpus_added {
        if !added.added.is_empty() || !added.failed.is_empty() {
            writeln!(
                out,
                "{}: {} {}, {} {}, {} {}",
                lang.pick("Kho đối chiếu", "Corpus"),
                added.added.len(),
                lang.pick("tài liệu mới", "new documents"),
                added.duplicates.len(),
                lang.pick("đã có", "already there"),
                added.failed.len(),
                lang.pick("lỗi", "failed"),
            )?;
        }
    }
    writeln!(
        out,
        "{} {} — {}: {}",
        report.entries.len(),
        lang.pick("bài dự thi", "entries"),
        lang.pick("hồ sơ cuộc thi", "profile"),
        report.profile
    )?;
    writeln!(
        out,
        "  {}: {}   {}: {}   {}: {}   {}: {}",
        Verdict::Pass.label(lang),
        count(Verdict::Pass),
        Verdict::Fail.label(lang),
        count(Verdict::Fail),
        Verdict::CannotTell.label(lang),
        count(Verdict::CannotTell),
        lang.pick("Không đọc được tệp", "Could not read"),
        errors
    )?;
    for e in &report.entries {
        if e.flags.is_empty() {
            continue;
        }
        let codes: Vec<&str> = e.flags.iter().map(|f| f.code.as_str()).collect();
        writeln!(out, "  {:<24} {}", e.id, codes.join(", "))?;
    }
    for u in report.units.iter().filter(|u| !u.meets_quota) {
        writeln!(
            out,
            "  {}: {} {}/{}{}",
            u.unit,
            lang.pick("chưa đủ số bài", "below quota"),
            u.entries,
            u.quota_min,
            if u.owes_explanation() {
                lang.pick(" — cần văn bản giải trình", " — owes an explanation letter")
            } else {
                ""
            }
        )?;
    }
    writeln!(
        out,
        "{}: {}",
        lang.pick("Báo cáo", "Reports"),
        args.out.join("index.html").display()
    )?;
    if outcome.cached > 0 {
        writeln!(
            out,
            "({} {})",
            outcome.cached,
            lang.pick("tệp lấy từ bộ nhớ đệm", "files from the cache")
        )?;
    }
    Ok(if report.has_flags() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
