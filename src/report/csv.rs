//! `summary.csv`: one row per entry, UTF-8 with a byte-order mark so Excel shows Vietnamese
//! correctly, CRLF line ends, and every field that a spreadsheet would run as a formula
//! written with a leading `'` (see [`super::escape::csv_field`]).

use std::path::{Path, PathBuf};

use super::escape::csv_field;
use super::table::{self, Cell};
use super::words;
use super::write::write_atomic;
use super::{Report, ReportError, Reporter};
use crate::lang::Lang;

pub struct CsvReporter;

/// The whole file, BOM included.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let line = |fields: Vec<String>| fields.join(",") + "\r\n";
    out.push_str(&line(
        table::headers(lang).into_iter().map(csv_field).collect(),
    ));
    for row in table::rows(report, lang) {
        out.push_str(&line(
            row.into_iter()
                .map(|cell| match cell {
                    Cell::Text(text) => csv_field(&text),
                    Cell::Share(Some(share)) => words::percent(share),
                    Cell::Share(None) | Cell::Date(None) => String::new(),
                    Cell::Date(Some(date)) => csv_field(&crate::vocab::date(&date)),
                })
                .collect(),
        ));
    }
    out
}

impl Reporter for CsvReporter {
    fn name(&self) -> &'static str {
        "summary.csv"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let path = out_dir.join("summary.csv");
        write_atomic(&path, render(report, lang).as_bytes())?;
        Ok(vec![path])
    }
}
