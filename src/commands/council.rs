//! `soloai council-template [--out FILE] [--force]`: the council's own file (`council.toml`)
//! with Vietnamese comments: unit, council name, place, meetings, members, conflicts.
//! Without `--out` it goes to standard output.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use soloai::Lang;
use soloai::council;

#[derive(clap::Args)]
pub struct TemplateArgs {
    /// File to write, e.g. my-contest/council.toml (refuses to replace a file unless --force).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn template(args: TemplateArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let Some(out) = args.out else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(council::TEMPLATE.as_bytes())?;
        stdout.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    if let Err(e) = council::write_template(&out, args.force) {
        eprintln!("soloai: {}", e.message(lang));
        return Ok(ExitCode::from(2));
    }
    eprintln!(
        "{} {}",
        lang.words().council_command.wrote_template,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `soloai minutes REPORT [--council FILE] [--decisions FILE]`: write the screening minutes
/// again from a screening's report.json — after the council file was completed (number,
/// meeting times) or with the council's decisions on flags — without screening again.
#[derive(clap::Args)]
pub struct MinutesArgs {
    /// The screening output folder (with report.json) or the report.json file.
    report: PathBuf,
    /// The council file to use instead of the one recorded in the report.
    #[arg(long)]
    council: Option<PathBuf>,
    /// The council's decisions on flags (JSON, as the web app records them).
    #[arg(long)]
    decisions: Option<PathBuf>,
    /// Folder to write bien-ban-so-loai.docx into [default: the report's folder].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn minutes(args: MinutesArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    use soloai::report::minutes::{self, MinutesOptions, decisions::read_decisions};
    let mut report = match soloai::scoring::load_report(&args.report) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            return Ok(ExitCode::from(2));
        }
    };
    if let Some(path) = &args.council {
        match council::Council::load(path) {
            Ok(c) => c.fill_report(&mut report, lang),
            Err(e) => {
                eprintln!("soloai: {}", e.message(lang));
                return Ok(ExitCode::from(2));
            }
        }
    }
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
    let out = args.out.unwrap_or_else(|| {
        if args.report.is_dir() {
            args.report.clone()
        } else {
            args.report
                .parent()
                .map(|p| p.to_path_buf())
                .unwrap_or_else(|| PathBuf::from("."))
        }
    });
    // A folder named with --out that does not exist yet is made, as screen makes its own.
    if let Err(cause) = soloai::safe_fs::make_out_folder(&out) {
        let err = soloai::out_dir::OutDirError::NotWritable {
            out: out.clone(),
            cause,
        };
        eprintln!("soloai: {}", err.message(lang));
        return Ok(ExitCode::from(2));
    }
    // Another soloai run writing into the same folder is left alone (as screen, scoring and
    // package do).
    let _lock = match soloai::lock::RunLock::acquire(&out, soloai::lock::Guarded::Output) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            return Ok(ExitCode::from(2));
        }
    };
    let now = jiff::Timestamp::now();
    let created = jiff::Timestamp::from_second(now.as_second())
        .map(|t| t.to_string())
        .unwrap_or_else(|_| now.to_string());
    let opts = MinutesOptions {
        decisions: &decisions,
        ..MinutesOptions::new(lang, created)
    };
    match minutes::write(&report, &out, &opts) {
        Ok(path) => {
            println!(
                "{} {}",
                lang.words().council_command.wrote_minutes,
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            Ok(ExitCode::from(2))
        }
    }
}
