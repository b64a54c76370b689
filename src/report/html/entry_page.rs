//! `entries/<id>.html`: one entry's similarity report — the headline "Tỷ lệ trùng lặp" with
//! originality beside it, the corpus compared against, every source by its title, public
//! reference, kind and scope, the matched passages side by side (located by page and
//! paragraph, both sides highlighted, changed words marked), the full text with each source's
//! passages in its colour, then form checks and eligibility findings. An unreadable file gets
//! a page that says what to ask the author instead.
//!
//! Bounded whatever the number of matches: side-by-side panes for the profile's
//! `[compare] max_panes` (default 20) largest sources only, at most `MAX_PASSAGES` passages
//! in all, the sources table cut at `MAX_SOURCE_ROWS` rows (report.json keeps the 100 largest and
//! counts the rest),
//! and highlight titles naming at most three sources. No script at all; it prints to PDF
//! from any browser (A4, colours kept).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{document, entry_page_names, share_bar};
use crate::lang::Lang;
use crate::report::escape::html as esc;
use crate::report::model::{CheckView, EntryReport, EntryStatus, MatchView, Report, Verdict};
use crate::report::passages;
use crate::report::sources::{self as src, DiffPiece};
use crate::report::words;
use crate::report::write::write_atomic;
use crate::report::{ReportError, Reporter};
use crate::vocab::{self, Captions};

/// Colours cycle after this many sources (classes `src-0` … `src-9`).
const PALETTE: usize = 10;

/// Rows of the sources table; the rest are counted in one line (report.json lists all).
pub const MAX_SOURCE_ROWS: usize = 100;

/// Side-by-side passages drawn in all, the largest sources first.
pub const MAX_PASSAGES: usize = 30;

/// Characters of a passage shown per side; a longer one is cut (the full text below has it
/// whole, highlighted).
pub const MAX_PASSAGE_CHARS: usize = 1_200;

/// `text` cut to `MAX_PASSAGE_CHARS` characters at a word boundary, and whether it was cut.
fn clip(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_PASSAGE_CHARS) {
        None => (text, false),
        Some((at, _)) => {
            let cut = text[..at].rfind(char::is_whitespace).unwrap_or(at);
            (&text[..cut], true)
        }
    }
}

pub struct EntryPagesReporter;

impl Reporter for EntryPagesReporter {
    fn name(&self) -> &'static str {
        "entries/*.html"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let dir = out_dir.join("entries");
        std::fs::create_dir_all(&dir).map_err(|e| ReportError::io(&dir, e))?;
        // One page per entry, rendered and written in parallel: a contest of a thousand
        // entries is a thousand files.
        let names = entry_page_names(report);
        report
            .entries
            .par_iter()
            .enumerate()
            .map(|(at, entry)| {
                let name = names.get(at).map_or("entries/entry.html", String::as_str);
                let path = out_dir.join(name);
                let nav = Neighbours {
                    previous: at.checked_sub(1).and_then(|p| names.get(p)),
                    next: names.get(at + 1),
                };
                write_atomic(&path, render(report, entry, nav, lang).as_bytes())?;
                Ok(path)
            })
            .collect::<Result<Vec<PathBuf>, ReportError>>()
    }
}

/// The pages before and after this one (`entries/<name>.html`), for reading entry by entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Neighbours<'a> {
    pub previous: Option<&'a String>,
    pub next: Option<&'a String>,
}

/// A link to a sibling page: pages sit in the same folder, so the file name is enough.
fn sibling(page: &str) -> &str {
    page.rsplit('/').next().unwrap_or(page)
}

/// One entry's page as an HTML string.
pub fn render(report: &Report, entry: &EntryReport, nav: Neighbours<'_>, lang: Lang) -> String {
    let words = lang.words();
    let c = Captions::new(lang);
    let mut body = String::new();
    let unreadable = entry.status == EntryStatus::Error || entry.verdict == Verdict::Resubmit;
    let heading = if unreadable {
        words.entry_page.heading_unreadable
    } else {
        words.entry_page.heading
    };
    let name = entry.title.as_deref().unwrap_or(&entry.id);
    let contest = if report.contest.name.is_empty() {
        report.profile.as_str()
    } else {
        report.contest.name.as_str()
    };
    let _ = write!(
        body,
        "<header class=\"top\"><div class=\"sub no-print\"><a href=\"../index.html\">← {}</a></div>\
         <h1>{}: {}</h1><div class=\"sub\">{}</div></header>\n<main>\n",
        esc(words.entry_page.back),
        esc(heading),
        esc(name),
        esc(contest),
    );
    body.push_str(&corpus_note(report, lang));

    if unreadable {
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><div class=\"error-box\"><p>{}</p><p><strong>{}</strong></p></div></section>",
            esc(&vocab::flag_name("ERROR", lang)),
            esc(entry.error.as_deref().unwrap_or("")),
            esc(words.verdict.resubmit_ask),
        );
        body.push_str(&facts(entry, lang, c));
    } else {
        body.push_str(&summary(entry, lang, c));
    }
    let flags: Vec<_> = entry.flags.iter().filter(|f| f.code != "ERROR").collect();
    if !flags.is_empty() {
        let _ = write!(
            body,
            "<section><h2>{}</h2><ul class=\"flags\">",
            esc(c.flags)
        );
        for flag in flags {
            let _ = write!(
                body,
                "<li><span class=\"chip flag\">{}</span> <span class=\"code\">{}</span> {}</li>",
                esc(&vocab::flag_name(&flag.code, lang)),
                esc(&flag.code),
                esc(&flag.message),
            );
        }
        body.push_str("</ul></section>\n");
    }
    if !entry.read_warnings.is_empty() {
        body.push_str(&read_warnings(entry, lang));
    }
    let order = by_share(entry);
    if !unreadable {
        body.push_str(&sources(report, entry, &order, lang, c));
    }
    if !entry.matches.is_empty() {
        body.push_str(&side_by_side(
            entry,
            &order,
            report.thresholds.max_panes,
            lang,
            c,
        ));
    }
    if !entry.text.is_empty() {
        body.push_str(&full_text(entry, &order, lang, c));
    }
    body.push_str(&checks_table(
        words.entry_page.form_checks,
        &entry.checks,
        lang,
        c,
    ));
    body.push_str(&checks_table(
        words.entry_page.eligibility,
        &entry.eligibility,
        lang,
        c,
    ));
    body.push_str("<p class=\"pager no-print\">");
    if let Some(previous) = nav.previous {
        let _ = write!(
            body,
            "<a href=\"{}\">← {}</a>",
            esc(sibling(previous)),
            esc(words.entry_page.previous)
        );
    }
    let _ = write!(
        body,
        "<a href=\"../index.html\">{}</a>",
        esc(words.entry_page.back)
    );
    if let Some(next) = nav.next {
        let _ = write!(
            body,
            "<a href=\"{}\">{} →</a>",
            esc(sibling(next)),
            esc(words.entry_page.next)
        );
    }
    body.push_str("</p>\n");
    let _ = writeln!(
        body,
        "</main>\n<footer>soloai · {} · {}: <span class=\"run-time\">{}</span> · {}</footer>",
        esc(&report.profile),
        esc(words.dashboard.generated),
        esc(&vocab::date_time(&report.generated_at, lang)),
        esc(&entry.file)
    );
    document(lang, &format!("{heading} — {name}"), &body, None)
}

/// What the reader noticed while reading the file (at most `MAX_READ_WARNINGS` lines and
/// how many more), so the council knows where to check the original.
fn read_warnings(entry: &EntryReport, lang: Lang) -> String {
    let words = &lang.words().entry_page;
    let mut out = format!(
        "<section class=\"read-warnings\"><h2>{}</h2><p class=\"note\">{}</p><ul>",
        esc(words.read_warnings_heading),
        esc(words.read_warnings_note)
    );
    for warning in &entry.read_warnings {
        let _ = write!(out, "<li>{}</li>", esc(&warning.said(lang)));
    }
    if entry.read_warnings_more > 0 {
        let _ = write!(
            out,
            "<li>{}</li>",
            esc(&(words.read_warnings_more)(entry.read_warnings_more))
        );
    }
    out.push_str("</ul></section>\n");
    out
}

/// The corpus the entry was compared against, in one line; a loud box when it is empty.
pub(crate) fn corpus_note(report: &Report, lang: Lang) -> String {
    let sentence = esc(&report.corpus.sentence(lang)).into_owned();
    if report.corpus.is_empty() {
        format!(
            "<div class=\"warning-box\" role=\"alert\"><strong>{}</strong><div class=\"small\">{sentence}</div></div>\n",
            esc(lang.words().corpus.empty_warning)
        )
    } else {
        format!("<p class=\"corpus note\">{sentence}</p>\n")
    }
}

/// Indices into `entry.matches`, the largest share of the entry first.
fn by_share(entry: &EntryReport) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entry.matches.len()).collect();
    order.sort_by(|&a, &b| entry.matches[b].score.total_cmp(&entry.matches[a].score));
    order
}

/// A source's display name: its title, else its file.
fn source_name(m: &MatchView) -> &str {
    m.source_title.as_deref().unwrap_or(&m.source)
}

fn summary(entry: &EntryReport, lang: Lang, c: &Captions) -> String {
    let words = &lang.words().entry_page;
    let band = words::band(entry.originality);
    let similarity = entry.originality.map(|o| 1.0 - o);
    let mut out = String::from("<section><div class=\"summary\">");
    let _ = write!(
        out,
        "<div class=\"headline\"><div class=\"small\">{}</div><div class=\"big {band}\">{}</div><p class=\"explain\">{}</p></div>\
         <div class=\"headline second\"><div class=\"small\">{}</div><div class=\"mid\">{}</div>{}<p class=\"explain\">{}</p></div>",
        esc(c.similarity),
        similarity.map_or_else(|| "—".to_string(), vocab::percent),
        esc(words.similarity_sentence),
        esc(c.originality),
        entry
            .originality
            .map_or_else(|| "—".to_string(), vocab::percent),
        share_bar(entry.originality, band),
        esc(words.originality_sentence),
    );
    out.push_str("</div></section>\n");
    out.push_str(&facts(entry, lang, c));
    out
}

fn facts(entry: &EntryReport, lang: Lang, c: &Captions) -> String {
    let mut out = String::from("<section><div class=\"summary\"><dl class=\"facts\">");
    let mut fact = |label: &str, value: &str| {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    };
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    fact(c.id, &entry.id);
    fact(c.title, &dash(&entry.title));
    fact(c.file, &entry.file);
    fact(
        c.authors,
        &if entry.authors.is_empty() {
            "—".to_string()
        } else {
            entry.authors.join("; ")
        },
    );
    fact(c.unit, &dash(&entry.unit));
    fact(c.receiving_point, &dash(&entry.receiving_point));
    fact(
        c.submitted,
        &entry
            .submitted
            .as_deref()
            .map_or_else(|| "—".to_string(), vocab::date),
    );
    fact(
        c.declared_area,
        &entry
            .declared_area
            .as_deref()
            .map_or_else(|| "—".to_string(), |a| vocab::area(a, lang)),
    );
    fact(
        c.detected_area,
        &match (&entry.area, entry.area_confidence) {
            (Some(a), Some(conf)) => format!(
                "{} ({} {})",
                vocab::area(a, lang),
                c.confidence,
                vocab::percent(conf)
            ),
            (Some(a), None) => vocab::area(a, lang),
            _ => "—".to_string(),
        },
    );
    if let Some(ocr) = &entry.ocr {
        let words = &lang.words().entry_page;
        fact(
            words.ocr_read,
            &format!(
                "{} {} — {}, {} {}",
                words.ocr_pages,
                ocr.pages
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                ocr.engine,
                words.ocr_confidence,
                words::percent(ocr.confidence)
            ),
        );
    }
    out.push_str("</dl><dl class=\"facts\">");
    let _ = write!(
        out,
        "<dt>{}</dt><dd><span class=\"badge {}\">{}</span></dd><dt>{}</dt><dd>{}</dd></dl>",
        esc(c.verdict),
        entry.verdict.code(),
        esc(entry.verdict.label(lang)),
        esc(c.forward),
        esc(if entry.forward { c.yes } else { c.no }),
    );
    out.push_str("</div></section>\n");
    out
}

/// The source's kind in words, with where it is applied when the corpus says.
fn kind_and_scope(report: &Report, m: &MatchView, lang: Lang) -> String {
    let kind = vocab::source_kind(m.source_kind.as_deref(), lang);
    match src::scope(m.source_scope.as_deref(), &report.contest.name, lang) {
        Some(scope) if m.source_kind.as_deref() != Some("entry") => format!("{kind} · {scope}"),
        _ => kind,
    }
}

/// The public reference of a source: the cited document ("Quyết định 45/2016/QĐ-TTg"), else
/// the origin as the corpus names it; empty for another entry.
fn reference(m: &MatchView) -> String {
    match m.source_origin.as_deref() {
        Some(origin) => src::reference(origin).unwrap_or_else(|| origin.to_string()),
        None => String::new(),
    }
}

fn sources(
    report: &Report,
    entry: &EntryReport,
    order: &[usize],
    lang: Lang,
    c: &Captions,
) -> String {
    let words = &lang.words().entry_page;
    let mut out = String::new();
    let _ = write!(out, "<section><h2>{}</h2>", esc(words.sources));
    if entry.matches.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(words.no_source));
    } else {
        let _ = write!(
            out,
            "<table class=\"sources\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            esc(c.source),
            esc(words.reference),
            esc(words.source_kind),
            esc(words.match_kind),
            esc(words.share),
        );
        for (rank, &i) in order.iter().enumerate().take(MAX_SOURCE_ROWS) {
            let m = &entry.matches[i];
            let _ = write!(
                out,
                "<tr><td><span class=\"swatch src-{}\"></span>{}<div class=\"file\">{}</div></td><td>{}</td><td>{}</td><td>{}</td>\
                 <td class=\"num\">{}{}</td></tr>",
                rank % PALETTE,
                esc(source_name(m)),
                esc(m.source.strip_prefix("entry:").unwrap_or(&m.source)),
                esc(&reference(m)),
                esc(&kind_and_scope(report, m, lang)),
                esc(&vocab::match_kind(&m.kind, lang)),
                vocab::percent(m.score),
                share_bar(Some(m.score), "red"),
            );
        }
        out.push_str("</tbody></table>");
        // Sources past the table's rows, and those report.json only counts.
        let more = order.len().saturating_sub(MAX_SOURCE_ROWS) + entry.matches_more;
        if more > 0 {
            let _ = write!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&(words.more_sources)(more))
            );
        }
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p></section>",
        esc(&vocab::thresholds_sentence(&report.thresholds, lang))
    );
    out
}

/// Diff pieces as HTML, each run of changed words (with the spaces between them) in one
/// `<ins>`.
fn marked(pieces: &[DiffPiece<'_>]) -> String {
    let mut out = String::new();
    let mut open = false;
    for (at, piece) in pieces.iter().enumerate() {
        let blank = piece.text.trim().is_empty();
        // A space stays inside the run when the next word is changed too.
        let inside =
            piece.changed || (open && blank && pieces.get(at + 1).is_some_and(|next| next.changed));
        if inside && !open {
            out.push_str("<ins>");
            open = true;
        } else if !inside && open {
            out.push_str("</ins>");
            open = false;
        }
        out.push_str(&esc(piece.text));
    }
    if open {
        out.push_str("</ins>");
    }
    out
}

fn side_by_side(
    entry: &EntryReport,
    order: &[usize],
    max_panes: usize,
    lang: Lang,
    c: &Captions,
) -> String {
    let words = &lang.words().entry_page;
    let mut out = String::new();
    let _ = write!(out, "<section><h2>{}</h2>", esc(c.matched_passage));
    if order.len() > max_panes {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&(words.panes_limited)(max_panes, order.len()))
        );
    }
    let mut legend_shown = false;
    let mut drawn = 0usize;
    let total: usize = order
        .iter()
        .take(max_panes)
        .map(|&i| entry.matches[i].spans.len())
        .sum();
    for (rank, &i) in order.iter().enumerate().take(max_panes) {
        if drawn >= MAX_PASSAGES {
            break;
        }
        let m = &entry.matches[i];
        let _ = write!(
            out,
            "<h3><span class=\"swatch src-{}\"></span>{} <span class=\"small\">— {} · {}</span></h3>",
            rank % PALETTE,
            esc(source_name(m)),
            esc(&vocab::match_kind(&m.kind, lang)),
            vocab::percent(m.score),
        );
        if m.spans.is_empty() {
            let _ = write!(out, "<p class=\"note\">{}</p>", esc(words.idea_only));
        }
        let is_corpus = !m.source.starts_with("entry:");
        for span in m.spans.iter().take(MAX_PASSAGES - drawn) {
            drawn += 1;
            let (entry_passage, entry_cut) = clip(passages::slice(
                &entry.text,
                span.entry_start,
                span.entry_end,
            ));
            let source_passage = if is_corpus {
                src::plain_text(&span.source_text)
            } else {
                span.source_text.clone()
            };
            let (source_passage, source_cut) = clip(&source_passage);
            let source_passage = source_passage.to_string();
            let (left, right) = if source_passage.is_empty() {
                (
                    esc(words.no_source_text).into_owned(),
                    esc(entry_passage).into_owned(),
                )
            } else {
                let (l, r) = src::word_diff(&source_passage, entry_passage);
                if !legend_shown && (l.iter().any(|p| p.changed) || r.iter().any(|p| p.changed)) {
                    legend_shown = true;
                }
                (marked(&l), marked(&r))
            };
            let at = |loc: Option<crate::report::model::Location>| {
                loc.map(|l| format!(" · {}", l.words(lang)))
                    .unwrap_or_default()
            };
            let more = |cut: bool| {
                if cut {
                    format!(" <span class=\"small\">{}</span>", esc(words.passage_cut))
                } else {
                    String::new()
                }
            };
            let (left, right) = (left + &more(source_cut), right + &more(entry_cut));
            let _ = write!(
                out,
                "<div class=\"pair\"><div><span class=\"cap\">{}{}</span><mark class=\"src-{}\">{}</mark></div>\
                 <div><span class=\"cap\">{}{}</span><mark class=\"src-{}\">{}</mark></div></div>",
                esc(words.entry_side),
                esc(&at(span.entry_at)),
                rank % PALETTE,
                right,
                esc(c.source),
                esc(&at(span.source_at)),
                rank % PALETTE,
                left,
            );
        }
    }
    if drawn < total {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&(words.passages_limited)(drawn, total))
        );
    }
    if legend_shown {
        let _ = write!(
            out,
            "<p class=\"legend note\"><ins>{}</ins></p>",
            esc(words.changed_words)
        );
    }
    out.push_str("</section>\n");
    out
}

fn full_text(entry: &EntryReport, order: &[usize], lang: Lang, c: &Captions) -> String {
    let words = &lang.words().entry_page;
    // Colour of each match: its rank by share.
    let mut colour = vec![0usize; entry.matches.len()];
    for (rank, &i) in order.iter().enumerate() {
        colour[i] = rank % PALETTE;
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"full\"><h2>{}</h2><p class=\"legend\">",
        esc(words.full_text)
    );
    for (rank, &i) in order.iter().enumerate().take(PALETTE) {
        let _ = write!(
            out,
            "<span><span class=\"swatch src-{rank}\"></span>{}</span>",
            esc(source_name(&entry.matches[i]))
        );
    }
    let _ = write!(
        out,
        "<span><span class=\"swatch excluded\"></span>{}</span></p><div class=\"fulltext\">",
        esc(c.excluded_passage)
    );
    for piece in passages::pieces(entry) {
        let text = esc(piece.text);
        if piece.excluded {
            let title = match passages::excluded_reason_at(entry, piece.start) {
                Some(reason) => format!(
                    "{} ({})",
                    c.excluded_passage,
                    vocab::excluded_reason(reason, lang)
                ),
                None => c.excluded_passage.to_string(),
            };
            let _ = write!(
                out,
                "<span class=\"excluded\" title=\"{}\">{text}</span>",
                esc(&title)
            );
        } else if !piece.sources.is_empty() {
            let mut sources = piece.sources.clone();
            sources.sort_by_key(|&s| colour.get(s).copied().unwrap_or(0));
            let first = sources[0];
            let mut names: Vec<&str> = sources
                .iter()
                .take(3)
                .filter_map(|&s| entry.matches.get(s))
                .map(source_name)
                .collect();
            if sources.len() > 3 {
                names.push("…");
            }
            let _ = write!(
                out,
                "<mark class=\"src-{}\" title=\"{}\">{text}</mark>",
                colour.get(first).copied().unwrap_or(0),
                esc(&names.join(" · "))
            );
        } else {
            out.push_str(&text);
        }
    }
    out.push_str("</div></section>\n");
    out
}

fn checks_table(title: &str, checks: &[CheckView], lang: Lang, c: &Captions) -> String {
    if checks.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(title),
        esc(c.rule),
        esc(c.result),
        esc(c.evidence),
    );
    for check in checks {
        let _ = write!(
            out,
            "<tr><td>{}<div class=\"code\">{}</div></td><td><span class=\"badge {}\">{}</span></td><td>{}</td></tr>",
            esc(&vocab::check_name(&check.code, lang)),
            esc(&check.code),
            check.verdict.code(),
            esc(check.verdict.label(lang)),
            esc(&check.evidence),
        );
    }
    out.push_str("</tbody></table></section>\n");
    out
}
