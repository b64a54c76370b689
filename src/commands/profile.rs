//! `soloai profile`: list the built-in contest profiles or print one as TOML, the starting
//! point for describing another contest. `show` opens with comments describing every rule the
//! profile drives (code, title, the plan line it comes from, whether failing raises a flag) and
//! every key (what it means, which rule reads it).

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
            let (profile, source) = match ContestProfile::builtin_source(&name) {
                Some(source) => (ContestProfile::builtin(&name), source.to_string()),
                None => match ContestProfile::resolve(&name) {
                    Ok(profile) => {
                        let toml = profile.to_toml_string();
                        (Some(profile), toml)
                    }
                    Err(e) => {
                        eprintln!("soloai: {}", e.message(lang));
                        return Ok(ExitCode::from(2));
                    }
                },
            };
            let name = profile.map(|p| p.name).unwrap_or(name);
            out.write_all(header(&name, lang).as_bytes())?;
            out.write_all(source.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The comment block `profile show` opens with: every rule and every key.
fn header(name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: &str| {
        out.push_str("# ");
        out.push_str(s);
        out.push('\n');
    };
    line(
        &mut out,
        &format!("{} \"{name}\"", lang.words().profile_command.title),
    );
    line(&mut out, "");
    line(&mut out, lang.words().profile_command.rules);
    for r in soloai::check::rule_docs(lang) {
        let mut effect = match r.effect.flag {
            Some(_) => lang.words().profile_command.fail_flag.to_string(),
            None => lang.words().profile_command.information_only.to_string(),
        };
        if r.effect.holds {
            effect.push_str(lang.words().profile_command.holds);
        }
        if r.effect.ineligible {
            effect.push_str(lang.words().profile_command.ineligible);
        }
        line(
            &mut out,
            &format!("  {} — {} — {} — {effect}", r.code, r.title, r.plan),
        );
    }
    line(&mut out, "");
    line(&mut out, lang.words().profile_command.keys);
    for (key, doc, used) in soloai::profile::keys::KEYS {
        line(&mut out, &format!("  {key} — {doc} → {used}"));
    }
    for (prefix, doc) in soloai::profile::keys::OWNED_ELSEWHERE {
        line(&mut out, &format!("  {prefix}* — {doc}"));
    }
    out.push('\n');
    out
}
