//! `soloai corpus`: manage the corpus of prior ideas (kho ý tưởng, giải pháp đã có).
//!
//! Exit codes: 0 done; 1 `add` had files it could not read, or `search` found nothing;
//! 2 the index could not be used.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use clap::Subcommand;
use soloai::Lang;
use soloai::index::{self, AddOptions, CorpusIndex, CorpusKind, IndexError};

#[derive(clap::Args)]
pub struct Args {
    /// Index folder [default: $SOLOAI_INDEX, else ./soloai-index; created by `add`].
    #[arg(long, global = true, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(subcommand)]
    command: CorpusCommand,
}

#[derive(Subcommand)]
enum CorpusCommand {
    /// Add files or folders (.md/.txt with +++ front matter, .docx, .pdf, .doc, .odt).
    Add(AddArgs),
    /// List the documents in the corpus.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove one document by its id (or the first characters of it).
    Remove { id: String },
    /// Search the corpus; diacritics are optional in the query.
    Search {
        query: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Counts by kind and area, size, versions.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Re-index every document from its stored text (after upgrading soloai).
    Rebuild,
}

#[derive(clap::Args)]
struct AddArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// applied | published | past-entry | template (overrides front matter).
    #[arg(long)]
    kind: Option<CorpusKind>,
    /// The earlier contest (for past entries).
    #[arg(long)]
    contest: Option<String>,
    #[arg(long)]
    year: Option<u16>,
    #[arg(long)]
    province: Option<String>,
    #[arg(long)]
    awarded: Option<bool>,
    #[arg(long)]
    title: Option<String>,
}

/// Names and text from indexed files, with terminal escapes shown, not obeyed.
fn vis(text: &str) -> std::borrow::Cow<'_, str> {
    soloai::terminal::visible(text)
}

fn vis_json(text: &str) -> std::borrow::Cow<'_, str> {
    soloai::terminal::json(text)
}

/// The run lock of an index folder (none for a missing one, reported by `open`, or for a
/// folder that is not an index, reported by `open` too).
fn lock_index(dir: &std::path::Path, lang: Lang) -> anyhow::Result<Option<soloai::lock::RunLock>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    soloai::lock::lock_index(dir).map_err(|e| anyhow!(vis(&e.message(lang)).into_owned()))
}

/// An index error as the council member reads it, in their language.
fn explain(err: IndexError, lang: Lang) -> anyhow::Error {
    anyhow!("{}: {}", err.dir.display(), err.message(lang))
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let dir = args.index.unwrap_or_else(index::default_dir);
    let mut out = std::io::stdout().lock();
    match args.command {
        CorpusCommand::Add(add) => {
            // One run at a time changes an index (a clear message names the other run).
            let _lock = soloai::lock::lock_index(&dir)
                .map_err(|e| anyhow!(vis(&e.message(lang)).into_owned()))?;
            let mut corpus = CorpusIndex::open_or_create(&dir).map_err(|e| explain(e, lang))?;
            warn_if_stale(&corpus, lang);
            run_add(&mut corpus, add, lang, &mut out)
        }
        CorpusCommand::List { json } => {
            let corpus = CorpusIndex::open(&dir).map_err(|e| explain(e, lang))?;
            warn_if_stale(&corpus, lang);
            let docs = corpus.list().map_err(|e| explain(e, lang))?;
            if json {
                let rows: Vec<_> = docs
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "id": d.id, "path": d.path, "kind": d.kind, "title": d.title,
                            "area": d.area, "province": d.province, "since": d.since,
                            "contest": d.contest, "year": d.year, "awarded": d.awarded,
                            "source": d.source, "source_url": d.source_url,
                            "chars": d.text.chars().count(),
                        })
                    })
                    .collect();
                writeln!(out, "{}", vis_json(&serde_json::to_string_pretty(&rows)?))?;
                return Ok(ExitCode::SUCCESS);
            }
            for d in &docs {
                writeln!(
                    out,
                    "{}  {:<10}  {:<2}  {:<4}  {}  — {}",
                    d.id,
                    d.kind.as_str(),
                    d.area.as_deref().unwrap_or("-"),
                    d.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into()),
                    vis(&d.path),
                    vis(&d.title)
                )?;
            }
            writeln!(
                out,
                "{}",
                (lang.words().corpus_command.listed)(docs.len(), &dir.display().to_string())
            )?;
            Ok(ExitCode::SUCCESS)
        }
        CorpusCommand::Remove { id } => {
            let _lock = lock_index(&dir, lang)?;
            let mut corpus = CorpusIndex::open(&dir).map_err(|e| explain(e, lang))?;
            let doc = corpus.remove(&id).map_err(|e| explain(e, lang))?;
            writeln!(
                out,
                "{} {}  {}  — {}",
                lang.words().corpus_command.removed,
                doc.id,
                doc.path,
                doc.title
            )?;
            Ok(ExitCode::SUCCESS)
        }
        CorpusCommand::Search { query, limit, json } => {
            let corpus = CorpusIndex::open(&dir).map_err(|e| explain(e, lang))?;
            warn_if_stale(&corpus, lang);
            let hits = corpus.search(&query, limit).map_err(|e| explain(e, lang))?;
            if json {
                writeln!(out, "{}", vis_json(&serde_json::to_string_pretty(&hits)?))?;
            } else {
                print_hits(&hits, &query, lang, &mut out)?;
            }
            Ok(if hits.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        CorpusCommand::Stats { json } => {
            let corpus = CorpusIndex::open(&dir).map_err(|e| explain(e, lang))?;
            let stats = corpus.stats().map_err(|e| explain(e, lang))?;
            if json {
                writeln!(out, "{}", vis_json(&serde_json::to_string_pretty(&stats)?))?;
                return Ok(ExitCode::SUCCESS);
            }
            writeln!(
                out,
                "{} {}",
                lang.words().corpus_command.index,
                stats.dir.display()
            )?;
            writeln!(
                out,
                "{} {}",
                lang.words().corpus_command.documents,
                stats.documents
            )?;
            for kind in CorpusKind::ALL {
                let n = stats.by_kind.get(kind.as_str()).copied().unwrap_or(0);
                writeln!(out, "  {:<24} {n}", kind.label(lang))?;
            }
            if !stats.by_area.is_empty() {
                // In the plans' order: a, b, c, d, đ, e, g, h (ux, #13).
                let mut by_area: Vec<(&String, &usize)> = stats.by_area.iter().collect();
                by_area.sort_by_key(|(a, _)| soloai::vocab::area_order(a));
                let areas: Vec<String> = by_area.iter().map(|(a, n)| format!("{a}: {n}")).collect();
                writeln!(
                    out,
                    "{} {}",
                    lang.words().corpus_command.by_area,
                    areas.join(", ")
                )?;
            }
            writeln!(
                out,
                "{} {}",
                lang.words().corpus_command.text_chars,
                soloai::vocab::count(stats.text_chars as usize, lang)
            )?;
            writeln!(
                out,
                "{} {} MB, {} {}",
                lang.words().corpus_command.on_disk,
                soloai::vocab::decimal(stats.bytes_on_disk as f64 / 1_048_576.0, 1, lang),
                stats.segments,
                lang.words().corpus_command.segments,
            )?;
            writeln!(
                out,
                "{} {} / {}",
                lang.words().corpus_command.versions,
                stats.schema_version,
                stats.analyzer_version
            )?;
            if stats.needs_rebuild {
                writeln!(out, "{}", lang.words().corpus_command.needs_rebuild)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        CorpusCommand::Rebuild => {
            let _lock = lock_index(&dir, lang)?;
            let mut corpus = CorpusIndex::open(&dir).map_err(|e| explain(e, lang))?;
            let n = corpus.rebuild().map_err(|e| explain(e, lang))?;
            writeln!(out, "{}", (lang.words().corpus_command.rebuilt)(n))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn warn_if_stale(corpus: &CorpusIndex, lang: Lang) {
    if corpus.needs_rebuild() {
        eprintln!("{}", lang.words().corpus_command.stale);
    }
}

fn run_add(
    corpus: &mut CorpusIndex,
    args: AddArgs,
    lang: Lang,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(lang.words().corpus_command.reading);
    let options = AddOptions {
        kind: args.kind,
        contest: args.contest,
        year: args.year,
        province: args.province,
        awarded: args.awarded,
        title: args.title,
        progress: Some(bar.clone()),
        ..AddOptions::default()
    };
    let report = corpus
        .add_paths(&args.paths, &options)
        .map_err(|e| explain(e, lang))?;
    bar.finish_and_clear();
    for doc in &report.added {
        writeln!(
            out,
            "{} {}  {:<10}  {}  — {}",
            lang.words().corpus_command.added,
            doc.id,
            doc.kind.as_str(),
            vis(&doc.path),
            vis(&doc.title)
        )?;
    }
    for dup in &report.duplicates {
        writeln!(
            out,
            "{}",
            (lang.words().corpus_command.skipped)(
                &vis(&dup.path),
                &dup.id,
                &vis(&dup.existing_path)
            )
        )?;
    }
    for failure in &report.failed {
        eprintln!(
            "{} {}: {}",
            lang.words().corpus_command.error,
            soloai::terminal::path(failure.path()),
            vis(&failure.message(lang))
        );
    }
    let total = corpus.len();
    writeln!(
        out,
        "{}",
        (lang.words().corpus_command.add_summary)(
            &corpus.dir().display().to_string(),
            report.added.len(),
            report.duplicates.len(),
            report.failed.len(),
            total
        )
    )?;
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_hits(
    hits: &[index::Hit],
    query: &str,
    lang: Lang,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if hits.is_empty() {
        writeln!(out, "{}", (lang.words().corpus_command.no_hits)(query))?;
        return Ok(());
    }
    let color = std::io::stdout().is_terminal();
    for (i, hit) in hits.iter().enumerate() {
        writeln!(
            out,
            "{}. {}  [{}]  {}  ({} {}, {} {})",
            i + 1,
            vis(&hit.title),
            hit.kind.label(lang),
            vis(&hit.path),
            lang.words().corpus_command.id,
            hit.id,
            lang.words().corpus_command.score,
            soloai::vocab::decimal(f64::from(hit.score), 2, lang)
        )?;
        writeln!(out, "   {}", highlighted(hit, color))?;
    }
    Ok(())
}

/// The passage with query terms in bold yellow on a terminal, between « » otherwise.
fn highlighted(hit: &index::Hit, color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    // Escapes in the indexed text are shown, not obeyed (the highlight's own are ours).
    let text = &soloai::terminal::visible_text(&hit.snippet_plain).into_owned();
    // "thủ tục" reads better as one highlighted phrase than as two marked syllables.
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for range in &hit.highlights {
        match merged.last_mut() {
            Some(prev)
                if text
                    .get(prev.end..range.start)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace)) =>
            {
                prev.end = range.end;
            }
            _ => merged.push(range.clone()),
        }
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for range in &merged {
        let (Some(before), Some(term)) = (text.get(last..range.start), text.get(range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(term);
        out.push_str(close);
        last = range.end;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
