//! `soloai manifest-template [--out FILE] [--xlsx] [--force]`: write an empty manifest with
//! the documented columns and a row explaining each, for a unit's secretary to fill in.
//! Without `--out`, the CSV goes to standard output (with its BOM, so a redirect makes a file
//! Excel opens correctly); an XLSX needs `--out`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use soloai::Lang;
use soloai::manifest::{template_csv, template_xlsx};

#[derive(clap::Args)]
pub struct Args {
    /// File to write (refuses to replace an existing file unless --force).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write an Excel workbook (.xlsx) instead of CSV.
    #[arg(long)]
    xlsx: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let bytes = if args.xlsx {
        template_xlsx().context(lang.words().manifest_command.no_xlsx)?
    } else {
        template_csv()
    };
    let Some(out) = args.out else {
        if args.xlsx {
            anyhow::bail!("{}", lang.words().manifest_command.xlsx_needs_out);
        }
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&bytes)?;
        stdout.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    // Never over an existing file without --force; the folder is made if missing; atomic.
    if let Err(cause) = soloai::report::write_named_file(&out, &bytes, args.force) {
        let words = &lang.words().manifest_command;
        if cause == "already-exists" {
            anyhow::bail!("{}: {}", out.display(), words.exists);
        }
        anyhow::bail!(
            "{}: {} ({})",
            out.display(),
            words.cannot_write,
            soloai::safe_fs::io_words(&cause, lang)
        );
    }
    eprintln!("{} {}", lang.words().manifest_command.wrote, out.display());
    Ok(ExitCode::SUCCESS)
}
