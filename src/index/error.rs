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
    CorruptMeta { cause: String },
    /// Written by a soloai with another index layout.
    SchemaVersion { found: u32, expected: u32 },
    /// tantivy could not open or use the index files.
    Corrupt { cause: String },
    /// Another soloai process is writing to the index.
    Busy,
    /// A [`crate::safe_fs::io_cause`] code.
    Io { cause: String },
    /// `remove ID`: no document has that id.
    NoSuchDocument { id: String },
    /// `remove ID`: the prefix names more than one document.
    AmbiguousId { id: String, count: usize },
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
                cause: crate::safe_fs::io_cause(&e),
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
                cause: crate::safe_fs::io_cause(&err),
            },
        )
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The sentence a council member reads (the folder is printed by the caller; words in
    /// `Words.index_error`).
    pub fn message(&self, lang: Lang) -> String {
        (lang.words().index_error.index)(&self.kind)
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
    /// A folder that could not be listed; `cause` is a [`crate::safe_fs::io_cause`] code.
    #[error("{}: {}", path.display(), crate::safe_fs::io_words(cause, Lang::En))]
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

    /// Why the file was not added, in the reader's language (`Words.index_error`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AddFailure::Extract(e) => e.message(lang),
            other => (lang.words().index_error.not_added)(other),
        }
    }
}
