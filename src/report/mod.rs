//! Stage 7: what the council reads — report.json, HTML pages, xlsx/csv and the minutes.
//!
//! The screen stage fills one [`Report`] (see [`model`] for the JSON format) and
//! [`write_all`] hands it to every [`Reporter`], one per output file family, the way ripgrep
//! hands matches to its sinks. Each writer builds its file in memory and writes it
//! atomically (a temporary file in the same directory, then a rename), so a council never
//! opens a half-written report, and an interrupted re-run leaves the previous files intact.
//!
//! Everything in a report that came from an entry (text, file names, manifest fields) is
//! untrusted: HTML escapes it, spreadsheets store it as text (never a formula), and no page
//! loads anything from the network.

mod csv;
pub mod escape;
pub mod html;
mod json;
pub mod minutes;
pub mod model;
pub mod passages;
pub mod sources;
mod table;
pub mod words;
pub mod write;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::lang::Lang;

pub use csv::CsvReporter;
pub use html::{DashboardReporter, EntryPagesReporter, entry_page_names};
pub use json::{JsonReporter, to_json};
pub use minutes::MinutesReporter;
pub use model::{
    CheckView, ContestInfo, CorpusInfo, CouncilMember, EntryReport, EntryStatus, ExcludedSpan,
    Flag, InputProblem, Layout, Location, MatchView, NotCountedEntry, PassageSource, PassageView,
    Report, SCHEMA, Settled, SpanView, UnitQuota, Verdict,
};
pub(crate) use write::write_atomic;
pub use write::write_named_file;
pub use xlsx::XlsxReporter;

/// A report file could not be written. Carries the file and the cause; nothing is left
/// half-written (each file goes to a temporary file first, then is renamed into place).
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{}: could not write the report file: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: could not build the report file: {cause}", path.display())]
    Build { path: PathBuf, cause: String },
}

impl ReportError {
    pub(crate) fn io(path: impl AsRef<Path>, source: std::io::Error) -> ReportError {
        ReportError::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    pub(crate) fn build(path: impl AsRef<Path>, cause: impl ToString) -> ReportError {
        ReportError::Build {
            path: path.as_ref().to_path_buf(),
            cause: cause.to_string(),
        }
    }

    /// The sentence a council member reads, with what to do (the OS's cause in words).
    pub fn message(&self, lang: Lang) -> String {
        let error = match self {
            ReportError::Io { path, source } => {
                crate::vocab::RunError::ReportNotWritten { file: path, source }
            }
            ReportError::Build { path, cause } => {
                crate::vocab::RunError::ReportNotBuilt { file: path, cause }
            }
        };
        crate::vocab::run_error(error, lang)
    }
}

/// serde_json's words for why a JSON file could not be read, without its "at line L column
/// C" (callers say the line apart, in the reader's language).
pub fn json_error_words(e: &serde_json::Error) -> String {
    let said = e.to_string();
    match said.rfind(" at line ") {
        Some(at) => said[..at].to_string(),
        None => said,
    }
}

/// One output format. Writers only read the report; each returns the files it wrote.
pub trait Reporter {
    /// Short name for progress messages (`report.json`, `index.html`, …).
    fn name(&self) -> &'static str;
    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError>;
}

/// Every writer soloai has, in the order `write_all` runs them: the entry pages before the
/// dashboard that links to them, and `report.json` last, so a fresh report.json means the
/// whole set of files is from the same run.
pub fn reporters() -> Vec<Box<dyn Reporter + Send + Sync>> {
    vec![
        Box::new(EntryPagesReporter),
        Box::new(CsvReporter),
        Box::new(XlsxReporter),
        Box::new(MinutesReporter),
        Box::new(DashboardReporter),
        Box::new(JsonReporter),
    ]
}

/// Write every report file into `out_dir` (created if missing) and return their paths.
pub fn write_all(report: &Report, out_dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, ReportError> {
    std::fs::create_dir_all(out_dir).map_err(|e| ReportError::io(out_dir, e))?;
    let mut written = Vec::new();
    for reporter in reporters() {
        // A writer that panics is that file's error, reported like any other (hostile, #14).
        let wrote = crate::panic_guard::catch(|| reporter.write(report, out_dir, lang))
            .unwrap_or_else(|cause| Err(ReportError::build(out_dir.join(reporter.name()), cause)));
        written.extend(wrote?);
    }
    // Stale files of the previous run go, and only those (see `write::record_run`).
    write::record_run(out_dir, &written)?;
    Ok(written)
}
