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
    Io {
        cause: String,
    },
    /// Larger than `Limits::max_file_bytes` or a member past `max_member_bytes`.
    TooLarge {
        limit: u64,
    },
    /// Neither CSV/text nor XLSX.
    Unsupported {
        found: String,
    },
    /// Broken zip or XML, an unterminated quote.
    Corrupt {
        cause: String,
    },
    /// No column for the entry id or file.
    MissingColumn {
        expected: String,
    },
    /// A row with neither id nor file.
    MissingValue,
    /// A cell the column does not accept.
    BadValue {
        value: String,
        expected: String,
    },
    /// The same id on two rows.
    DuplicateId {
        id: String,
        first_line: usize,
    },
    /// Rows past [`MAX_ROWS`](super::table::MAX_ROWS) are not read.
    TooManyRows {
        limit: usize,
    },
    /// A unit whose kind neither its "Loại đơn vị" cell nor its name says.
    UnplacedUnit {
        unit: String,
    },
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

    /// The sentence a council secretary reads: which file, where, what is wrong, what to do.
    pub fn message(&self, lang: Lang) -> String {
        use ManifestErrorKind::*;
        // The file's name only: reports never carry absolute paths (they name where soloai
        // ran, and differ from machine to machine).
        let mut place = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string());
        if let Some(line) = self.line {
            place.push_str(&match lang {
                Lang::Vi => format!(", dòng {line}"),
                Lang::En => format!(", line {line}"),
            });
        }
        if let Some(col) = &self.column {
            place.push_str(&match lang {
                Lang::Vi => format!(", cột \"{col}\""),
                Lang::En => format!(", column \"{col}\""),
            });
        }
        let what = match (lang, &self.kind) {
            (Lang::Vi, Io { cause }) => format!("không đọc được tệp ({cause})"),
            (Lang::En, Io { cause }) => format!("cannot read the file ({cause})"),
            (Lang::Vi, TooLarge { limit }) => {
                format!("tệp quá lớn (giới hạn {limit} byte); kiểm tra lại tệp danh sách")
            }
            (Lang::En, TooLarge { limit }) => format!("file too large (limit {limit} bytes)"),
            (Lang::Vi, Unsupported { found }) => {
                format!(
                    "không phải tệp CSV hoặc Excel .xlsx ({found}); lưu lại thành .csv hoặc .xlsx"
                )
            }
            (Lang::En, Unsupported { found }) => {
                format!("not a CSV or .xlsx file ({found}); save it as .csv or .xlsx")
            }
            (Lang::Vi, Corrupt { cause }) => {
                format!("tệp bị hỏng ({cause}); mở bằng Excel và lưu lại")
            }
            (Lang::En, Corrupt { cause }) => {
                format!("broken file ({cause}); open it in Excel and save again")
            }
            (Lang::Vi, MissingColumn { expected }) => {
                format!("thiếu cột {expected}; dùng mẫu do lệnh `soloai manifest-template` tạo")
            }
            (Lang::En, MissingColumn { expected }) => {
                format!("no {expected} column; start from `soloai manifest-template`")
            }
            (Lang::Vi, MissingValue) => "dòng có dữ liệu nhưng thiếu cả mã bài và tệp".into(),
            (Lang::En, MissingValue) => "row has data but neither an id nor a file".into(),
            (Lang::Vi, BadValue { value, expected }) => {
                format!("giá trị \"{value}\" không hợp lệ; cần {expected}")
            }
            (Lang::En, BadValue { value, expected }) => {
                format!("value \"{value}\" not accepted; expected {expected}")
            }
            (Lang::Vi, DuplicateId { id, first_line }) => {
                format!("mã bài \"{id}\" trùng với dòng {first_line}")
            }
            (Lang::En, DuplicateId { id, first_line }) => {
                format!("id \"{id}\" already used on line {first_line}")
            }
            (Lang::Vi, TooManyRows { limit }) => format!(
                "từ dòng này trở đi không được đọc: mỗi tệp danh sách đọc tối đa {} dòng; chia thành nhiều tệp",
                thousands(*limit)
            ),
            (Lang::En, TooManyRows { limit }) => format!(
                "this row and those after it are not read: at most {limit} rows are read from one list; split it into several files"
            ),
            (Lang::Vi, UnplacedUnit { unit }) => format!(
                "không xác định được loại đơn vị của \"{unit}\"; ghi cột \"Loại đơn vị\" ({})",
                super::unit_kind::KIND_WORDS_HELP
            ),
            (Lang::En, UnplacedUnit { unit }) => format!(
                "cannot tell what kind of unit \"{unit}\" is; fill in the \"Loại đơn vị\" column ({})",
                super::unit_kind::KIND_WORDS_HELP
            ),
        };
        format!("{place}: {what}")
    }
}

/// 100000 → "100.000", as Vietnamese writes numbers.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
