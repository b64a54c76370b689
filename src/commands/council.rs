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
        lang.pick(
            "Đã ghi mẫu thông tin Hội đồng:",
            "Wrote the council template:"
        ),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
