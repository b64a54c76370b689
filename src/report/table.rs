//! The one-row-per-entry table shared by `summary.csv` and `summary.xlsx`, so both list the
//! same columns in the same order.

use super::model::{EntryReport, EntryStatus, Report, Verdict};
use super::words::{self, Captions};
use crate::lang::Lang;

/// One cell before it is written: text stays text; a share becomes a percentage.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Share(Option<f64>),
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
        c.area,
        c.originality,
        c.verdict,
        c.forward,
        c.flags,
        c.failed_checks,
        c.top_source,
        c.error,
    ]
}

/// The cells of one entry's row, in [`headers`] order.
pub fn row(entry: &EntryReport, lang: Lang) -> Vec<Cell> {
    let c = Captions::new(lang);
    let text = |s: &str| Cell::Text(s.to_string());
    let opt = |s: &Option<String>| Cell::Text(s.clone().unwrap_or_default());
    let failed: Vec<String> = entry
        .checks
        .iter()
        .chain(&entry.eligibility)
        .filter(|ch| ch.verdict != Verdict::Pass)
        .map(|ch| format!("{} ({})", ch.code, ch.verdict.label(lang)))
        .collect();
    let flags: Vec<String> = entry
        .flags
        .iter()
        .map(|f| words::flag_name(&f.code, lang))
        .collect();
    let top_source = entry
        .matches
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .map(|m| {
            format!(
                "{} ({}, {})",
                m.source_title.as_deref().unwrap_or(&m.source),
                words::match_kind(&m.kind, lang),
                words::percent(m.score)
            )
        })
        .unwrap_or_default();
    vec![
        text(&entry.id),
        text(&entry.file),
        text(match entry.status {
            EntryStatus::Ok => lang.pick("Đọc được", "Read"),
            EntryStatus::Error => lang.pick("Không đọc được tệp", "Could not read"),
        }),
        opt(&entry.title),
        text(&entry.authors.join("; ")),
        opt(&entry.unit),
        opt(&entry.receiving_point),
        opt(&entry.submitted),
        Cell::Text(
            entry
                .declared_area
                .as_deref()
                .map(|a| words::area(a, lang))
                .unwrap_or_default(),
        ),
        Cell::Text(
            entry
                .area
                .as_deref()
                .map(|a| words::area(a, lang))
                .unwrap_or_default(),
        ),
        Cell::Share(entry.originality),
        text(entry.verdict.label(lang)),
        text(if entry.forward { c.yes } else { c.no }),
        Cell::Text(flags.join("; ")),
        Cell::Text(failed.join("; ")),
        Cell::Text(top_source),
        opt(&entry.error),
    ]
}

/// All rows of the report.
pub fn rows(report: &Report, lang: Lang) -> Vec<Vec<Cell>> {
    report.entries.iter().map(|e| row(e, lang)).collect()
}
