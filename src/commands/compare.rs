//! `soloai compare A B [--json]`: two documents' matched passages side by side.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use soloai::Lang;
use soloai::compare::{
    CorpusInput, CorpusKind, CorpusStats, DetectOptions, Detection, DocInput, Match, Thresholds,
    detect_with,
};

#[derive(clap::Args)]
pub struct Args {
    /// The first document (.docx, .pdf, .txt, …).
    pub a: PathBuf,
    /// The second document.
    pub b: PathBuf,
    /// Print JSON (scores and byte spans into each document's extracted text) instead.
    #[arg(long)]
    pub json: bool,
    /// A template document (the contest's entry form, the plan): text matching it is excluded.
    #[arg(long = "template", value_name = "FILE")]
    pub templates: Vec<PathBuf>,
    /// Width of the side-by-side view, in characters.
    #[arg(long, default_value_t = 120)]
    pub width: usize,
    /// Corpus index whose statistics tell the wording many documents share, excluded as
    /// screening excludes it [default: $SOLOAI_INDEX, else ./soloai-index, when it exists].
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// The corpus statistics `compare` measures shared wording with, and where they came from.
struct StatsUsed {
    /// The index folder, when one was used.
    index: Option<PathBuf>,
    stats: CorpusStats,
}

/// The index's statistics: from `--index` (which must be an index), else from the default
/// folder when it is one; none otherwise.
fn corpus_stats(given: Option<&PathBuf>, lang: Lang) -> anyhow::Result<StatsUsed> {
    let dir = match given {
        Some(dir) => dir.clone(),
        None => {
            let dir = soloai::index::default_dir();
            if !dir.join(soloai::index::META_FILE).is_file() {
                return Ok(StatsUsed {
                    index: None,
                    stats: CorpusStats::default(),
                });
            }
            dir
        }
    };
    let failed = |message: String| anyhow::anyhow!("{}: {}", dir.display(), message);
    // Opened first, so a folder that is not an index is refused before anything is written
    // in it; counting the statistics again (an index of an older format) writes them back,
    // so that is done under the index's lock.
    let mut index = soloai::index::CorpusIndex::open(&dir).map_err(|e| failed(e.message(lang)))?;
    let _lock = soloai::lock::lock_index(&dir).map_err(|e| failed(e.message(lang)))?;
    let stats = index.corpus_stats().map_err(|e| failed(e.message(lang)))?;
    Ok(StatsUsed {
        index: Some(dir),
        stats,
    })
}

/// Longest part of a passage shown in the terminal, per side, in lines.
const MAX_LINES: usize = 14;

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let read = |path: &PathBuf| {
        soloai::extract::extract_path(path)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message(lang)))
    };
    let a = read(&args.a)?;
    let b = read(&args.b)?;
    let name = |p: &PathBuf| p.display().to_string();
    let (a_name, b_name) = (name(&args.a), name(&args.b));
    let entries = [
        DocInput {
            id: &a_name,
            text: &a.text,
            receiving_point: None,
        },
        DocInput {
            id: &b_name,
            text: &b.text,
            receiving_point: None,
        },
    ];
    let template_docs = args
        .templates
        .iter()
        .map(read)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let template_names: Vec<String> = args.templates.iter().map(name).collect();
    let corpus: Vec<CorpusInput> = template_docs
        .iter()
        .zip(&template_names)
        .map(|(doc, id)| CorpusInput {
            id,
            text: &doc.text,
            kind: CorpusKind::Template,
            contest: None,
            year: None,
            awarded: None,
            signature: None,
        })
        .collect();
    let used = corpus_stats(args.index.as_ref(), lang)?;
    let thresholds = Thresholds::default();
    let detection = detect_with(
        &entries,
        &corpus,
        &thresholds,
        &DetectOptions {
            corpus_stats: Some(&used.stats),
            ..DetectOptions::default()
        },
    );
    let words = &lang.words().compare_command;
    let corpus_line = match &used.index {
        Some(dir) => (words.with_index)(&dir.display().to_string(), used.stats.docs()),
        None => words.without_index.to_string(),
    };
    let flagged = !detection.matches.is_empty();
    // File names and passages come from the files: escapes are shown, not obeyed.
    let mut out = soloai::terminal::stdout(if args.json {
        soloai::terminal::Style::Json
    } else {
        soloai::terminal::Style::Text
    });
    if args.json {
        let value = serde_json::json!({
            "a": { "path": a_name, "bytes": a.text.len() },
            "b": { "path": b_name, "bytes": b.text.len() },
            "spans_are": "byte offsets into each document's extracted text (UTF-8, NFC)",
            "corpus": {
                "index": used.index.as_ref().map(|d| d.display().to_string()),
                "documents": used.stats.docs(),
                "note": corpus_line,
            },
            "thresholds": thresholds,
            "explanation": thresholds.explain(lang),
            "matches": detection.matches,
            "excluded": { "a": detection.excluded.first(), "b": detection.excluded.get(1) },
            "originality": { "a": detection.originality.first(), "b": detection.originality.get(1) },
        });
        serde_json::to_writer_pretty(&mut out, &value).context("writing JSON")?;
        writeln!(out)?;
    } else {
        print_side_by_side(
            &mut out,
            &args,
            lang,
            &corpus_line,
            [&a.text, &b.text],
            &detection,
            &thresholds,
        )?;
    }
    Ok(if flagged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_side_by_side(
    out: &mut impl Write,
    args: &Args,
    lang: Lang,
    corpus_line: &str,
    texts: [&str; 2],
    detection: &Detection,
    thresholds: &Thresholds,
) -> anyhow::Result<()> {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    writeln!(out, "A: {}", args.a.display())?;
    writeln!(out, "B: {}", args.b.display())?;
    writeln!(out, "{corpus_line}")?;
    writeln!(out, "{}", thresholds.explain(lang))?;
    let originality = |i: usize| detection.originality.get(i).copied().unwrap_or(1.0);
    match detection.matches.first() {
        None => writeln!(
            out,
            "{} ({} A {}, B {})",
            lang.words().compare_command.no_copying,
            lang.words().compare_command.originality,
            pct(originality(0)),
            pct(originality(1)),
        )?,
        Some(m) => {
            writeln!(
                out,
                "{}: {}",
                lang.words().compare_command.verdict,
                m.kind.label(lang)
            )?;
            writeln!(
                out,
                "{} A {} · B {} · {} {} · {} {} · {} A {} · B {}",
                lang.words().compare_command.similarity,
                pct(m.entry_share),
                pct(m.source_share),
                lang.words().compare_command.word_for_word,
                pct(m.identity),
                lang.words().compare_command.idea_similarity,
                pct(m.idea_similarity),
                lang.words().compare_command.originality,
                pct(originality(0)),
                pct(originality(1)),
            )?;
            print_passages(out, lang, texts, m, args.width.max(40))?;
        }
    }
    // What was left out, shown also when nothing matched: it may be why.
    for (side, label) in [(0usize, "A"), (1, "B")] {
        let excluded = detection.excluded.get(side).map_or(&[][..], |v| &v[..]);
        if excluded.is_empty() {
            continue;
        }
        writeln!(out, "{} ({label}):", lang.words().compare_command.excluded)?;
        for e in excluded.iter().take(10) {
            let text = texts[side].get(e.start..e.end).unwrap_or("");
            writeln!(out, "  [{}] {}", e.reason.label(lang), shorten(text, 100))?;
        }
        if excluded.len() > 10 {
            writeln!(out, "  … {}", excluded.len() - 10)?;
        }
    }
    Ok(())
}

fn print_passages(
    out: &mut impl Write,
    lang: Lang,
    texts: [&str; 2],
    m: &Match,
    width: usize,
) -> anyhow::Result<()> {
    let col = (width - 3) / 2;
    for (n, span) in m.spans.iter().enumerate() {
        writeln!(out, "{}", "─".repeat(width))?;
        writeln!(
            out,
            "{} {} ({} {}) · A {}..{} · B {}..{}",
            lang.words().compare_command.matched_passage,
            n + 1,
            span.words,
            lang.words().compare_command.words,
            span.entry_start,
            span.entry_end,
            span.source_start,
            span.source_end
        )?;
        let left = wrap(
            texts[0].get(span.entry_start..span.entry_end).unwrap_or(""),
            col,
        );
        let right = wrap(
            texts[1]
                .get(span.source_start..span.source_end)
                .unwrap_or(""),
            col,
        );
        let rows = left.len().max(right.len());
        for i in 0..rows.min(MAX_LINES) {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            let pad = col.saturating_sub(l.chars().count());
            writeln!(out, "{l}{} │ {r}", " ".repeat(pad))?;
        }
        if rows > MAX_LINES {
            writeln!(
                out,
                "… ({} {})",
                rows - MAX_LINES,
                lang.words().compare_command.more_lines
            )?;
        }
    }
    writeln!(out, "{}", "─".repeat(width))?;
    Ok(())
}

/// Greedy word wrap at `width` characters (a word longer than a line is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0usize;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        while chars.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(chars.drain(..width).collect());
        }
        let wl = chars.len();
        if len > 0 && len + 1 + wl > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(chars);
        len += wl;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}
