//! Why the corpus index could not be opened or changed. Every error names the index folder
//! and says what to do; a foreign or damaged folder is an error, never a panic.

use std::path::{Path, PathBuf};

use crate::error::ExtractError;
use crate::lang::Lang;

/// What went wrong with the index folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexErrorKind {
    /// `open` on a folder that holds no index.
    Missing,
    /// A non-empty folder without our `soloai-meta.json`: something else lives there.
    Foreign,
    /// `soloai-meta.json` unreadable or not ours.
    CorruptMeta {
        cause: String,
    },
    /// Written by a soloai with another index layout.
    SchemaVersion {
        found: u32,
        expected: u32,
    },
    /// tantivy could not open or use the index files.
    Corrupt {
        cause: String,
    },
    /// Another soloai process is writing to the index.
    Busy,
    Io {
        cause: String,
    },
    /// `remove ID`: no document has that id.
    NoSuchDocument {
        id: String,
    },
    /// `remove ID`: the prefix names more than one document.
    AmbiguousId {
        id: String,
        count: usize,
    },
}

impl IndexErrorKind {
    /// Stable code for JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            IndexErrorKind::Missing => "index-missing",
            IndexErrorKind::Foreign => "index-foreign",
            IndexErrorKind::CorruptMeta { .. } => "index-corrupt-meta",
            IndexErrorKind::SchemaVersion { .. } => "index-schema-version",
            IndexErrorKind::Corrupt { .. } => "index-corrupt",
            IndexErrorKind::Busy => "index-busy",
            IndexErrorKind::Io { .. } => "index-io",
            IndexErrorKind::NoSuchDocument { .. } => "no-such-document",
            IndexErrorKind::AmbiguousId { .. } => "ambiguous-id",
        }
    }
}

/// An index folder that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", dir.display(), self.message(Lang::En))]
pub struct IndexError {
    pub dir: PathBuf,
    pub kind: IndexErrorKind,
}

impl IndexError {
    pub fn new(dir: impl AsRef<Path>, kind: IndexErrorKind) -> Self {
        IndexError {
            dir: dir.as_ref().to_path_buf(),
            kind,
        }
    }

    pub(crate) fn tantivy(dir: &Path, err: tantivy::TantivyError) -> Self {
        let kind = match err {
            tantivy::TantivyError::LockFailure(..) => IndexErrorKind::Busy,
            tantivy::TantivyError::IoError(e) => IndexErrorKind::Io {
                cause: e.to_string(),
            },
            other => IndexErrorKind::Corrupt {
                cause: other.to_string(),
            },
        };
        IndexError::new(dir, kind)
    }

    pub(crate) fn io(dir: &Path, err: std::io::Error) -> Self {
        IndexError::new(
            dir,
            IndexErrorKind::Io {
                cause: err.to_string(),
            },
        )
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The sentence a council member reads (the folder is printed by the caller).
    pub fn message(&self, lang: Lang) -> String {
        use IndexErrorKind::*;
        match (lang, &self.kind) {
            (Lang::Vi, Missing) => "Chưa có kho ý tưởng ở thư mục này. Tạo bằng lệnh \
                 `soloai corpus add TỆP...` hoặc chỉ đúng thư mục bằng --index."
                .into(),
            (Lang::En, Missing) => "no corpus index here; create one with `soloai corpus add \
                 FILE...` or point --index at the right folder"
                .into(),
            (Lang::Vi, Foreign) => "Thư mục này có dữ liệu khác, không phải kho ý tưởng của \
                 soloai (thiếu soloai-meta.json). Chọn thư mục trống hoặc thư mục kho khác bằng --index."
                .into(),
            (Lang::En, Foreign) => "this folder holds something else, not a soloai corpus \
                 index (no soloai-meta.json); choose an empty folder or another --index"
                .into(),
            (Lang::Vi, CorruptMeta { cause }) => format!(
                "Tệp soloai-meta.json của kho bị hỏng ({cause}). Khôi phục thư mục từ bản sao \
                 lưu, hoặc xoá thư mục và thêm lại tài liệu."
            ),
            (Lang::En, CorruptMeta { cause }) => format!(
                "soloai-meta.json is damaged ({cause}); restore the folder from a backup, or \
                 delete it and add the documents again"
            ),
            (Lang::Vi, SchemaVersion { found, expected }) => format!(
                "Kho được tạo bởi phiên bản soloai khác (định dạng {found}, cần {expected}). \
                 Dùng đúng phiên bản soloai, hoặc tạo kho mới và thêm lại tài liệu."
            ),
            (Lang::En, SchemaVersion { found, expected }) => format!(
                "index written by another soloai version (layout {found}, this one reads \
                 {expected}); use that version or build a new index"
            ),
            (Lang::Vi, Corrupt { cause }) => format!(
                "Dữ liệu kho bị hỏng hoặc không đầy đủ ({cause}). Khôi phục thư mục từ bản sao \
                 lưu, hoặc xoá thư mục và thêm lại tài liệu."
            ),
            (Lang::En, Corrupt { cause }) => format!(
                "index data damaged or incomplete ({cause}); restore it from a backup, or \
                 delete the folder and add the documents again"
            ),
            (Lang::Vi, Busy) => "Một tiến trình soloai khác đang ghi vào kho. Chờ tiến trình đó \
                 kết thúc rồi chạy lại."
                .into(),
            (Lang::En, Busy) => {
                "another soloai process is writing to this index; wait for it and retry".into()
            }
            (Lang::Vi, Io { cause }) => format!(
                "Không đọc/ghi được thư mục kho ({cause}). Kiểm tra quyền truy cập và dung lượng đĩa."
            ),
            (Lang::En, Io { cause }) => {
                format!("could not read or write the index folder ({cause}); check permissions and disk space")
            }
            (Lang::Vi, NoSuchDocument { id }) => format!(
                "Không có tài liệu mã '{id}' trong kho. Xem danh sách bằng `soloai corpus list`."
            ),
            (Lang::En, NoSuchDocument { id }) => {
                format!("no document with id '{id}'; see `soloai corpus list`")
            }
            (Lang::Vi, AmbiguousId { id, count }) => format!(
                "Mã '{id}' khớp với {count} tài liệu. Gõ thêm ký tự của mã."
            ),
            (Lang::En, AmbiguousId { id, count }) => {
                format!("id '{id}' matches {count} documents; type more of it")
            }
        }
    }
}

/// One file `add` could not take; the others still go in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddFailure {
    #[error("{0}")]
    Extract(ExtractError),
    #[error("{}: bad front matter ({cause})", path.display())]
    FrontMatter { path: PathBuf, cause: String },
    #[error("{}: no text to index", path.display())]
    NoText { path: PathBuf },
    #[error("{}: {cause}", path.display())]
    Walk { path: PathBuf, cause: String },
}

impl AddFailure {
    pub fn path(&self) -> &Path {
        match self {
            AddFailure::Extract(e) => &e.path,
            AddFailure::FrontMatter { path, .. }
            | AddFailure::NoText { path }
            | AddFailure::Walk { path, .. } => path,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AddFailure::Extract(e) => e.kind.code(),
            AddFailure::FrontMatter { .. } => "front-matter",
            AddFailure::NoText { .. } => "no-text",
            AddFailure::Walk { .. } => "io",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, AddFailure::Extract(e)) => e.message(lang),
            (Lang::Vi, AddFailure::FrontMatter { cause, .. }) => format!(
                "Phần đầu +++ … +++ (front matter) không đúng cú pháp TOML ({cause}). Sửa lại \
                 rồi thêm lại tệp."
            ),
            (Lang::En, AddFailure::FrontMatter { cause, .. }) => {
                format!("the +++ front matter is not valid TOML ({cause}); fix it and add again")
            }
            (Lang::Vi, AddFailure::NoText { .. }) => "Tệp không có chữ để đưa vào kho (trống \
                 hoặc bản quét). Dùng bản có lớp chữ."
                .into(),
            (Lang::En, AddFailure::NoText { .. }) => {
                "no text to index (empty or scanned); use a copy with a text layer".into()
            }
            (Lang::Vi, AddFailure::Walk { cause, .. }) => {
                format!("Không đọc được thư mục ({cause}).")
            }
            (Lang::En, AddFailure::Walk { cause, .. }) => {
                format!("could not read the folder ({cause})")
            }
        }
    }
}
