//! The `soloai` command: parses arguments, calls the library, maps the outcome to an exit
//! code (0 clean, 1 something flagged, 2 could not run) and quits quietly on a broken pipe.

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use soloai::Lang;

#[derive(Parser)]
#[command(
    name = "soloai",
    version,
    about = "Sơ loại bài dự thi \"Tìm kiếm ý tưởng, giải pháp cải cách hành chính\" — pre-screening of administrative-reform idea contest entries"
)]
struct Cli {
    /// Language of reports and messages: vi (default) or en.
    #[arg(long, global = true, default_value = "vi")]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read entries (.docx, .pdf, .txt, .doc/.odt via LibreOffice) and print their text or JSON.
    Extract(commands::extract::Args),
    /// Check each entry's form against the contest's rules.
    Check(commands::check::Args),
    /// List or show the built-in contest profiles.
    Profile(commands::profile::Args),
    /// Manage the corpus of prior ideas (the persistent index).
    Corpus(commands::corpus::Args),
    /// Compare two documents and show the matched passages.
    Compare(commands::compare::Args),
    /// Screen a contest folder and write the council's reports.
    Screen(commands::screen::Args),
    /// Write an empty manifest (CSV) with the documented columns.
    ManifestTemplate(commands::manifest::Args),
    /// Write a commented council.toml (members, meeting, document number, conflicts).
    CouncilTemplate(commands::council::TemplateArgs),
    /// The marking round: scoring sheets out, filled sheets in, ranking and prizes.
    Scoring(commands::scoring::Args),
    /// One zip to send up: forwarded entries, minutes, summary, contents list.
    Package(commands::package::Args),
    /// Write the screening minutes again (completed council.toml, council decisions).
    Minutes(commands::council::MinutesArgs),
    /// Serve the council's web app (accounts, uploads, runs, reports, decisions).
    Serve(commands::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let result = match cli.command {
        Command::Extract(args) => commands::extract::run(args, lang),
        Command::Check(args) => commands::check::run(args, lang),
        Command::Profile(args) => commands::profile::run(args, lang),
        Command::Corpus(args) => commands::corpus::run(args, lang),
        Command::Compare(args) => commands::compare::run(args, lang),
        Command::Screen(args) => commands::screen::run(args, lang),
        Command::ManifestTemplate(args) => commands::manifest::run(args, lang),
        Command::CouncilTemplate(args) => commands::council::template(args, lang),
        Command::Scoring(args) => commands::scoring::run(args, lang),
        Command::Package(args) => commands::package::run(args, lang),
        Command::Minutes(args) => commands::council::minutes(args, lang),
        Command::Serve(args) => commands::serve::run(args, lang),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // The message may quote a file name: escapes in it are shown, not obeyed.
            eprintln!("soloai: {}", soloai::terminal::visible(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
