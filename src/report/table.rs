//! The one-row-per-entry table shared by `summary.csv` and `summary.xlsx`, so both list the
//! same columns in the same order.

use super::model::{EntryReport, EntryStatus, Report, Verdict};
use crate::lang::Lang;
use crate::vocab::{self, Captions};

/// One cell before it is written: text stays text; a share becomes a percentage; a date a
/// real date (dd/mm/yyyy).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Share(Option<f64>),
    /// An ISO date (`2025-07-28`) as the manifest gives it; other text is kept as text.
    Date(Option<String>),
}

/// Column captions in the reader's language.
pub fn headers(lang: Lang) -> Vec<&'static str> {
    let c = Captions::new(lang);
    vec![
        c.id,
        c.file,
        c.status,
        c.title,
        c.authors,
        c.unit,
        c.receiving_point,
        c.submitted,
        c.declared_area,
        c.detected_area,
        c.similarity,
        c.originality,
        c.verdict,
        c.forward,
        c.flags,
        c.failed_checks,
        c.top_source,
        c.error,
    ]
}

/// Index of the verdict column in [`headers`].
pub const VERDICT_COLUMN: usize = 12;

/// Relative widths (Excel character units) of the columns in [`headers`].
pub const WIDTHS: [f64; 18] = [
    7.0, 11.0, 10.0, 28.0, 16.0, 18.0, 16.0, 10.5, 15.0, 15.0, 9.0, 9.0, 11.0, 10.0, 24.0, 26.0,
    26.0, 26.0,
];

/// The cells of one entry's row, in [`headers`] order.
pub fn row(entry: &EntryReport, lang: Lang) -> Vec<Cell> {
    let c = Captions::new(lang);
    let text = |s: &str| Cell::Text(s.to_string());
    let opt = |s: &Option<String>| Cell::Text(s.clone().unwrap_or_default());
    // Each rule by its name, the code beside it, and the verdict.
    let failed: Vec<String> = entry
        .checks
        .iter()
        .chain(&entry.eligibility)
        .filter(|ch| ch.verdict != Verdict::Pass)
        .map(|ch| {
            format!(
                "{}: {}",
                vocab::labelled(&vocab::check_name(&ch.code, lang), &ch.code),
                ch.verdict.label(lang)
            )
        })
        .collect();
    let flags: Vec<String> = entry
        .flags
        .iter()
        .map(|f| vocab::labelled(&vocab::flag_name(&f.code, lang), &f.code))
        .collect();
    let top_source = entry
        .matches
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .map(|m| {
            format!(
                "{} ({}, {})",
                m.source_title.as_deref().unwrap_or(&m.source),
                vocab::match_kind(&m.kind, lang),
                vocab::percent(m.score)
            )
        })
        .unwrap_or_default();
    let area = |a: &Option<String>| {
        Cell::Text(
            a.as_deref()
                .map(|a| vocab::area(a, lang))
                .unwrap_or_default(),
        )
    };
    let error = match (&entry.error, entry.verdict) {
        (Some(e), Verdict::Resubmit) => {
            format!("{} {}", e, lang.words().verdict.resubmit_ask)
        }
        (Some(e), _) => e.clone(),
        (None, _) => String::new(),
    };
    vec![
        text(&entry.id),
        text(&entry.file),
        text(match entry.status {
            EntryStatus::Ok => c.status_read,
            EntryStatus::Error => c.status_unreadable,
        }),
        opt(&entry.title),
        text(&entry.authors.join("; ")),
        opt(&entry.unit),
        opt(&entry.receiving_point),
        Cell::Date(entry.submitted.clone()),
        area(&entry.declared_area),
        area(&entry.area),
        Cell::Share(entry.originality.map(|o| 1.0 - o)),
        Cell::Share(entry.originality),
        text(entry.verdict.label(lang)),
        text(if entry.forward { c.yes } else { c.no }),
        Cell::Text(flags.join("; ")),
        Cell::Text(failed.join("; ")),
        Cell::Text(top_source),
        Cell::Text(error),
    ]
}

/// All rows of the report.
pub fn rows(report: &Report, lang: Lang) -> Vec<Vec<Cell>> {
    report.entries.iter().map(|e| row(e, lang)).collect()
}
