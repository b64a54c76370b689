//! `soloai profile`: list the built-in contest profiles or print one as TOML, the starting
//! point for describing another contest.

use std::io::Write;
use std::process::ExitCode;

use soloai::Lang;
use soloai::profile::ContestProfile;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List the built-in profiles.
    List,
    /// Print a profile as TOML (a built-in name keeps its comments citing the plan).
    Show {
        /// A built-in name (see `soloai profile list`) or a TOML file.
        name: String,
    },
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.action {
        Action::List => {
            for name in ContestProfile::builtin_names() {
                let title = ContestProfile::builtin(name)
                    .map(|p| p.title)
                    .unwrap_or_default();
                writeln!(out, "{name}\t{title}")?;
            }
        }
        Action::Show { name } => {
            if let Some(source) = ContestProfile::builtin_source(&name) {
                out.write_all(source.as_bytes())?;
            } else {
                match ContestProfile::resolve(&name) {
                    Ok(profile) => out.write_all(profile.to_toml_string().as_bytes())?,
                    Err(e) => {
                        eprintln!("soloai: {}", e.message(lang));
                        return Ok(ExitCode::from(2));
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
