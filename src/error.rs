//! Why a file could not be read. Every error names the file; `kind()` gives a stable code
//! that tests and reports use, `message(lang)` the sentence a council member reads.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::lang::Lang;
use crate::limits::{Charge, OverBudget};
pub(crate) use crate::safe_fs::io_words;

/// What went wrong, independent of which file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ExtractErrorKind {
    /// The file could not be opened or read (`cause` is a `safe_fs::io_cause` code).
    Io { cause: String },
    /// Not a regular file: a symbolic link, FIFO, device, socket or folder (never read).
    NotRegular { what: String },
    /// The file has no bytes at all.
    Empty,
    /// An entry with no document to read: a video (or pictures) without a Word summary.
    NoDocument { video: bool },
    /// Larger than `Limits::max_file_bytes` or another size limit.
    TooLarge { what: String, limit: u64 },
    /// The file is larger than `Limits::max_file_bytes`.
    FileTooLarge { size: u64, limit: u64 },
    /// A PDF with more pages than `Limits::max_pages`.
    TooManyPages { pages: u64, limit: u64 },
    /// A zip member would decompress past the limits (zip bomb).
    ZipBomb { member: String },
    /// XML nested deeper than `Limits::max_xml_depth`.
    XmlTooDeep { part: String },
    /// The bytes are some other format than the name says (an .xlsx renamed .docx…).
    WrongFormat { expected: String, found: String },
    /// A format soloai does not read at all.
    Unsupported { found: String },
    /// Password-protected (DOCX in an OLE container, PDF with a user password).
    Encrypted,
    /// Structure broken: truncated zip, missing part, bad XML, unreadable PDF.
    Corrupt { cause: String },
    /// Legacy .doc / .odt and LibreOffice (`soffice`) is not installed.
    NeedsConversion { format: String },
    /// LibreOffice ran but did not produce a file.
    ConversionFailed { cause: String },
    /// Reading took longer than `Limits::time_per_file`.
    Timeout { seconds: u64 },
    /// Reading would cost more memory than `Limits::max_memory_per_file` (see `limits::Budget`).
    OverBudget { what: Charge, limit: u64 },
    /// A small file asked for enormous work (Form XObjects nested 10 wide and 13 deep): the
    /// per-file work budget ran out (issue 14 item 3).
    WorkLimit { measure: WorkMeasure, limit: u64 },
    /// The reader panicked; this is a soloai bug, reported instead of crashing the batch.
    Panic { cause: String },
}

impl ExtractErrorKind {
    /// Stable code used in JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractErrorKind::Io { .. } => "io",
            ExtractErrorKind::NotRegular { .. } => "not-regular",
            ExtractErrorKind::Empty => "empty",
            ExtractErrorKind::NoDocument { .. } => "no-document",
            ExtractErrorKind::TooLarge { .. }
            | ExtractErrorKind::FileTooLarge { .. }
            | ExtractErrorKind::TooManyPages { .. } => "too-large",
            ExtractErrorKind::ZipBomb { .. } => "zip-bomb",
            ExtractErrorKind::XmlTooDeep { .. } => "xml-too-deep",
            ExtractErrorKind::WrongFormat { .. } => "wrong-format",
            ExtractErrorKind::Unsupported { .. } => "unsupported",
            ExtractErrorKind::Encrypted => "encrypted",
            ExtractErrorKind::Corrupt { .. } => "corrupt",
            ExtractErrorKind::NeedsConversion { .. } => "needs-conversion",
            ExtractErrorKind::ConversionFailed { .. } => "conversion-failed",
            ExtractErrorKind::Timeout { .. } => "timeout",
            ExtractErrorKind::OverBudget { .. } => "over-budget",
            ExtractErrorKind::WorkLimit { .. } => "work-limit",
            ExtractErrorKind::Panic { .. } => "panic",
        }
    }
}

/// What a per-file work budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkMeasure {
    /// Content-stream operators run (a form's counted each time it is drawn).
    Operators,
    /// Bytes of content streams parsed (a form's counted each time it is drawn).
    ContentBytes,
    /// Bytes inflated from compressed streams.
    InflatedBytes,
    /// Characters of text kept.
    Characters,
}

/// `40000000` → `40.000.000` (Vietnamese) or `40,000,000` (English).
pub(crate) fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", path.display(), self.message(Lang::En))]
pub struct ExtractError {
    pub path: PathBuf,
    pub kind: ExtractErrorKind,
}

impl ExtractError {
    pub fn new(path: impl AsRef<Path>, kind: ExtractErrorKind) -> Self {
        ExtractError {
            path: path.as_ref().to_path_buf(),
            kind,
        }
    }

    pub fn corrupt(path: impl AsRef<Path>, cause: impl Into<String>) -> Self {
        Self::new(
            path,
            ExtractErrorKind::Corrupt {
                cause: cause.into(),
            },
        )
    }

    /// The file's memory budget ran out.
    pub fn over_budget(path: impl AsRef<Path>, over: OverBudget) -> Self {
        Self::new(
            path,
            ExtractErrorKind::OverBudget {
                what: over.what,
                limit: over.limit,
            },
        )
    }

    pub fn kind(&self) -> &ExtractErrorKind {
        &self.kind
    }

    /// The reason and what to do, in the reader's language (without the file name).
    pub fn message(&self, lang: Lang) -> String {
        (lang.words().extract_error)(&self.kind)
    }
}

/// What a file really is, for `WrongFormat`: a format's ending (`.xlsx`) or words.
pub(crate) fn format_words(found: &str, lang: Lang) -> String {
    let w = &lang.words().files;
    match found {
        "binary" => w.format_binary.into(),
        "ole" => w.format_ole.into(),
        "zip" => w.format_zip.into(),
        other if other.chars().all(|c| c.is_ascii_alphanumeric()) => format!(".{other}"),
        other => other.into(),
    }
}

/// Bytes as megabytes with one decimal when small (`0.3`, `12`, `256`).
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb < 10.0 {
        format!("{:.1}", mb).replace(".0", "")
    } else {
        format!("{}", mb.round() as u64)
    }
}

/// What a non-regular file is, in words (`what` is a `safe_fs::ReadError::NotRegular` code).
pub(crate) fn not_regular_words(what: &str, lang: Lang) -> &'static str {
    let w = &lang.words().files;
    match what {
        "symlink" => w.not_regular_symlink,
        "fifo" => w.not_regular_fifo,
        "socket" => w.not_regular_socket,
        "folder" => w.not_regular_folder,
        _ => w.not_regular_device,
    }
}

/// A TOML file the council keeps and edits (`council.toml`, a contest profile) that cannot be
/// used; `P` is what the file's own checks find wrong. Worded by a [`TomlFileWords`].
///
/// [`TomlFileWords`]: crate::vocab::TomlFileWords
#[derive(Debug, Clone, PartialEq)]
pub enum TomlFileError<P> {
    /// The file could not be read (missing, a link, too large…).
    Read {
        path: PathBuf,
        error: crate::safe_fs::ReadError,
    },
    /// The file is not UTF-8 text.
    NotText { path: PathBuf },
    /// Not valid TOML, a key the file does not have or a value it does not know: the TOML
    /// reader's own words (they quote the key) and the line, when it says.
    Parse {
        path: PathBuf,
        line: Option<usize>,
        cause: String,
    },
    /// Valid TOML that cannot be right.
    Invalid { path: PathBuf, problem: P },
}

impl<P> TomlFileError<P> {
    /// The reason and what to do, with the words of that kind of file.
    pub fn message(&self, lang: Lang, words: &crate::vocab::TomlFileWords<P>) -> String {
        match self {
            TomlFileError::Read { path, error } => {
                (words.not_read)(&path.display().to_string(), &read_error_words(error, lang))
            }
            TomlFileError::NotText { path } => (words.not_text)(&path.display().to_string()),
            TomlFileError::Parse { path, line, cause } => {
                (words.not_valid)(&path.display().to_string(), *line, cause)
            }
            TomlFileError::Invalid { path, problem } => {
                (words.wrong)(&path.display().to_string(), &(words.problem)(problem))
            }
        }
    }
}

/// The text of a TOML file the council keeps: opened once, never through a link, at most
/// `limit` bytes, UTF-8 (a byte-order mark dropped).
pub fn read_toml_text<P>(path: &Path, limit: u64) -> Result<String, TomlFileError<P>> {
    let bytes = crate::safe_fs::read_regular(path, limit).map_err(|error| TomlFileError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| TomlFileError::NotText {
        path: path.to_path_buf(),
    })?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// `source` read as `T`; a mistake names `origin` and its line.
pub fn parse_toml<T: serde::de::DeserializeOwned, P>(
    source: &str,
    origin: &Path,
) -> Result<T, TomlFileError<P>> {
    toml::from_str(source).map_err(|e| TomlFileError::Parse {
        path: origin.to_path_buf(),
        line: toml_error_line(source, &e),
        cause: e.message().trim().to_string(),
    })
}

/// [`parse_toml`], then the file's own checks (`check` may also complete the value): what they
/// find wrong is [`TomlFileError::Invalid`], naming `origin`.
pub fn parse_toml_checked<T: serde::de::DeserializeOwned, P>(
    source: &str,
    origin: &Path,
    check: impl FnOnce(&mut T) -> Result<(), P>,
) -> Result<T, TomlFileError<P>> {
    let mut value: T = parse_toml(source, origin)?;
    check(&mut value).map_err(|problem| TomlFileError::Invalid {
        path: origin.to_path_buf(),
        problem,
    })?;
    Ok(value)
}

/// The line (from 1) a TOML error points at in `source`, when it points at one.
fn toml_error_line(source: &str, error: &toml::de::Error) -> Option<usize> {
    let at = error.span()?.start;
    let before = source.get(..at.min(source.len()))?;
    Some(before.matches('\n').count() + 1)
}

/// Why a file named on the command line (a council file, a profile) could not be read, as a
/// short cause: "a symbolic link, not a regular file", "3 MB, over the limit of 1 MB".
pub fn read_error_words(error: &crate::safe_fs::ReadError, lang: Lang) -> String {
    use crate::safe_fs::ReadError;
    let w = &lang.words().files;
    match error {
        ReadError::NotRegular(what) => (w.not_a_file)(not_regular_words(what, lang)),
        ReadError::TooLarge { size, limit } => {
            (w.over_limit)(&megabytes(*size), &megabytes(*limit))
        }
        ReadError::Io(cause) => io_words(cause, lang),
    }
}

impl From<(&Path, crate::safe_fs::ReadError)> for ExtractError {
    fn from((path, e): (&Path, crate::safe_fs::ReadError)) -> Self {
        use crate::safe_fs::ReadError;
        let kind = match e {
            ReadError::NotRegular(what) => ExtractErrorKind::NotRegular { what: what.into() },
            ReadError::TooLarge { size, limit } => ExtractErrorKind::FileTooLarge { size, limit },
            ReadError::Io(cause) => ExtractErrorKind::Io { cause },
        };
        ExtractError::new(path, kind)
    }
}

pub type ExtractResult<T> = Result<T, ExtractError>;
