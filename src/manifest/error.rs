//! Errors reading a manifest, `units.csv` or an excluded-persons list. The same type serves
//! for a whole file that cannot be used (the run stops) and for one bad row or cell (a finding
//! naming the row and the cause; the run goes on).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::columns::Column;
use crate::lang::Lang;

/// Why a manifest or name list could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ManifestErrorKind {
    /// A [`crate::safe_fs::io_cause`] code ("not-found", "permission-denied"…).
    Io { cause: String },
    /// A link, a folder, a FIFO or a device where the file should be (`what` is a
    /// `safe_fs::ReadError::NotRegular` code): never followed nor read.
    NotAFile { what: String },
    /// Larger than `Limits::max_file_bytes` or a member past `max_member_bytes`.
    TooLarge { limit: u64 },
    /// Neither CSV/text nor XLSX.
    Unsupported { found: String },
    /// Broken zip or XML, an unterminated quote.
    Corrupt { cause: String },
    /// No column for the entry id or file.
    MissingColumn { expected: String },
    /// A row with neither id nor file.
    MissingValue,
    /// A cell the column does not accept.
    BadValue { value: String, expected: String },
    /// The same id on two rows.
    DuplicateId { id: String, first_line: usize },
    /// Rows past [`MAX_ROWS`](super::table::MAX_ROWS) are not read.
    TooManyRows { limit: usize },
    /// A unit whose kind neither its "Loại đơn vị" cell nor its name says.
    UnplacedUnit { unit: String },
}

/// A manifest problem, with where it is: the file, the line (CSV) or row (XLSX), the column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct ManifestError {
    pub path: PathBuf,
    pub line: Option<usize>,
    /// The column's header as the file writes it.
    pub column: Option<String>,
    /// The manifest field the problem concerns, so a rule that needed it can say why it
    /// cannot tell.
    pub field: Option<Column>,
    pub kind: ManifestErrorKind,
}

impl ManifestError {
    pub(crate) fn new(path: &Path, kind: ManifestErrorKind) -> Self {
        ManifestError {
            path: path.to_path_buf(),
            line: None,
            column: None,
            field: None,
            kind,
        }
    }

    pub(crate) fn about(mut self, field: Column) -> Self {
        self.field = Some(field);
        self
    }

    pub(crate) fn at(mut self, line: usize, column: Option<&str>) -> Self {
        self.line = Some(line);
        self.column = column.map(str::to_string);
        self
    }

    pub fn code(&self) -> &'static str {
        match self.kind {
            ManifestErrorKind::Io { .. } => "io",
            ManifestErrorKind::NotAFile { .. } => "not-a-file",
            ManifestErrorKind::TooLarge { .. } => "too-large",
            ManifestErrorKind::Unsupported { .. } => "unsupported",
            ManifestErrorKind::Corrupt { .. } => "corrupt",
            ManifestErrorKind::MissingColumn { .. } => "missing-column",
            ManifestErrorKind::MissingValue => "missing-value",
            ManifestErrorKind::BadValue { .. } => "bad-value",
            ManifestErrorKind::DuplicateId { .. } => "duplicate-id",
            ManifestErrorKind::TooManyRows { .. } => "too-many-rows",
            ManifestErrorKind::UnplacedUnit { .. } => "unplaced-unit",
        }
    }

    /// The sentence a council secretary reads: which file, where, what is wrong, what to do
    /// (words in `Words.manifest_error`).
    pub fn message(&self, lang: Lang) -> String {
        // The file's name only: reports never carry absolute paths (they name where soloai
        // ran, and differ from machine to machine).
        let file = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string());
        let w = &lang.words().manifest_error;
        let place = (w.place)(&file, self.line, self.column.as_deref());
        format!("{place}: {}", (w.what)(&self.kind))
    }
}
