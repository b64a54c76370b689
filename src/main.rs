//! The `soloai` command: parses arguments, calls the library, maps the outcome to an exit
//! code (0 clean, 1 something flagged, 2 could not run) and quits quietly on a broken pipe.
//!
//! Help and argument errors are in the reader's language (Vietnamese by default, English with
//! `--lang en` or `LANG=en_*`). clap's derive strings are static English, so the command is
//! built from the derive and then every about, argument help, value placeholder, heading and
//! usage line is set from the vocabulary at run time ([`localize`]); clap's own error text is
//! never printed: errors are matched by kind and said in our words ([`argument_error`]).

mod commands;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches, Parser, Subcommand};
use soloai::Lang;

#[derive(Parser)]
#[command(name = "soloai", version)]
struct Cli {
    /// Language of reports and messages: vi (default) or en.
    #[arg(long, global = true)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: CommandKind,
}

#[derive(Subcommand)]
enum CommandKind {
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
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_in_args(&args).unwrap_or_else(Lang::from_env);
    let mut command = localize(Cli::command(), lang, "");
    let cli = match command
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e, lang),
    };
    let lang = cli.lang.unwrap_or(lang);
    let result = match cli.command {
        CommandKind::Extract(args) => commands::extract::run(args, lang),
        CommandKind::Check(args) => commands::check::run(args, lang),
        CommandKind::Profile(args) => commands::profile::run(args, lang),
        CommandKind::Corpus(args) => commands::corpus::run(args, lang),
        CommandKind::Compare(args) => commands::compare::run(args, lang),
        CommandKind::Screen(args) => commands::screen::run(args, lang),
        CommandKind::ManifestTemplate(args) => commands::manifest::run(args, lang),
        CommandKind::CouncilTemplate(args) => commands::council::template(args, lang),
        CommandKind::Scoring(args) => commands::scoring::run(args, lang),
        CommandKind::Package(args) => commands::package::run(args, lang),
        CommandKind::Minutes(args) => commands::council::minutes(args, lang),
        CommandKind::Serve(args) => commands::serve::run(args, lang),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("soloai: {}", soloai::terminal::visible(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

/// `--lang X` or `--lang=X` anywhere before `--`, read before clap parses, so that its help
/// and errors are already in that language.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            return words.next().and_then(|v| v.parse().ok());
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return value.parse().ok();
        }
    }
    None
}

/// Set every text of `command` (at `path`: "" for the root, "corpus add" for a subcommand)
/// from the vocabulary, then its subcommands'.
fn localize(mut command: Command, lang: Lang, path: &str) -> Command {
    let words = &lang.words().cli;
    let about = if path.is_empty() {
        Some(words.about)
    } else {
        (words.command)(path)
    };
    if let Some(about) = about {
        command = command.about(about).long_about(None);
    }
    command = command
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.help),
        );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| localize_arg(arg, lang, path));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |sub| localize(sub, lang, &sub_path));
    }
    let has_positionals = command.get_positionals().next().is_some();
    let mut template = format!("{{about-with-newline}}\n{}: {{usage}}\n", words.usage);
    if !names.is_empty() {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", words.commands));
    }
    if has_positionals {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", words.arguments));
    }
    template.push_str(&format!("\n{}:\n{{options}}\n", words.options));
    command = command
        .help_template(template)
        .subcommand_value_name(words.command_token.trim_matches(['<', '>']));
    // The usage line, with our placeholders for options and subcommands.
    let bin = if path.is_empty() {
        "soloai".to_string()
    } else {
        format!("soloai {path}")
    };
    let mut probe = command.clone().bin_name(&bin);
    let usage = probe.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .replace("[OPTIONS]", words.options_token)
        .replace(
            &format!("<{}>", words.command_token.trim_matches(['<', '>'])),
            words.command_token,
        );
    command.override_usage(usage)
}

/// An argument's help from the vocabulary, its default and accepted values said in words,
/// and its value placeholder in the reader's language.
fn localize_arg(mut arg: Arg, lang: Lang, path: &str) -> Arg {
    let words = &lang.words().cli;
    let id = arg.get_id().to_string();
    let mut help = (words.arg)(path, &id)
        .map(String::from)
        .or_else(|| arg.get_help().map(|h| h.to_string()))
        .unwrap_or_default();
    if arg.get_action().takes_values() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !help.contains('[') {
            help = format!("{help} {}", (words.default_value)(&defaults.join(", ")));
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && id != "kind" {
            help = format!("{help} {}", (words.values)(&values.join(", ")));
        }
        if let Some(name) = (words.value_name)(path, &id) {
            arg = arg.value_name(name);
        }
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg.help(help).long_help(None)
}

/// A clap error said in our words: what is wrong, a suggestion when clap has one, the
/// usage line and where the help is. Help and version go to stdout with exit 0.
fn argument_error(error: &clap::Error, lang: Lang) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let words = &lang.words().cli;
    let get = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => (words.unknown_argument)(&arg),
        ErrorKind::InvalidSubcommand => {
            (words.unknown_command)(&get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => (words.missing_required)(&arg),
        ErrorKind::MissingSubcommand => words.missing_command.to_string(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = (words.invalid_value)(&get(ContextKind::InvalidValue), &arg);
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                m = format!("{m}; {}", (words.possible_values)(&valid));
            } else if arg.starts_with("--lang") {
                m = format!("{m}; {}", (words.possible_values)("vi, en"));
            }
            m
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => (words.too_many_values)(&arg),
        ErrorKind::ArgumentConflict => {
            format!("{arg}: {}", (words.conflict)(&get(ContextKind::PriorArg)))
        }
        _ => words.other_error.to_string(),
    };
    let mut out = format!(
        "soloai: {}: {}\n",
        words.error_prefix,
        soloai::terminal::visible(&message)
    );
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let suggested = get(kind);
        if !suggested.is_empty() {
            out.push_str(&format!("  {}\n", (words.did_you_mean)(&suggested)));
        }
    }
    if error.kind() == ErrorKind::UnknownArgument && !arg.starts_with("--") && arg.starts_with('-')
    {
        out.push_str(&format!("  {}\n", words.tip_dashes));
    }
    let usage = get(ContextKind::Usage);
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n{}: {usage}\n", words.usage));
        // "soloai corpus add" from "soloai corpus add [TÙY_CHỌN] <TỆP>...".
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        out.push_str(&format!("{}\n", (words.see_help)(&command.join(" "))));
    }
    eprint!("{out}");
    ExitCode::from(2)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
