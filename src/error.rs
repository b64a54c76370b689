//! Why a file could not be read. Every error names the file; `kind()` gives a stable code
//! that tests and reports use, `message(lang)` the sentence a council member reads.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::lang::Lang;
use crate::limits::{Charge, OverBudget};
use crate::safe_fs::io_words;

/// What went wrong, independent of which file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

impl WorkMeasure {
    fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Vi, WorkMeasure::Operators) => "lệnh vẽ trong luồng nội dung",
            (Lang::En, WorkMeasure::Operators) => "content-stream operators",
            (Lang::Vi, WorkMeasure::ContentBytes) => "byte luồng nội dung phải phân tích",
            (Lang::En, WorkMeasure::ContentBytes) => "bytes of content streams to parse",
            (Lang::Vi, WorkMeasure::InflatedBytes) => "byte giải nén",
            (Lang::En, WorkMeasure::InflatedBytes) => "bytes decompressed",
            (Lang::Vi, WorkMeasure::Characters) => "ký tự",
            (Lang::En, WorkMeasure::Characters) => "characters",
        }
    }
}

/// `40000000` → `40.000.000` (Vietnamese) or `40,000,000` (English).
fn grouped(n: u64, sep: char) -> String {
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
        use ExtractErrorKind::*;
        match (lang, &self.kind) {
            (Lang::Vi, Io { cause }) => format!(
                "Không đọc được tệp ({}). Kiểm tra tệp còn tồn tại và có quyền đọc.",
                io_words(cause, lang)
            ),
            (Lang::En, Io { cause }) => format!(
                "could not read the file ({}); check it exists and is readable",
                io_words(cause, lang)
            ),
            (Lang::Vi, NotRegular { what }) => format!(
                "Không đọc: {} chứ không phải tệp thường. Hãy đặt chính tệp bài dự thi vào thư mục.",
                not_regular_words(what, lang)
            ),
            (Lang::En, NotRegular { what }) => format!(
                "not read: {}, not a regular file; put the entry file itself in the folder",
                not_regular_words(what, lang)
            ),
            (Lang::Vi, Empty) => {
                "Tệp rỗng (0 byte). Yêu cầu tác giả gửi lại tệp bài dự thi.".into()
            }
            (Lang::En, Empty) => "empty file (0 bytes); ask the author to resend it".into(),
            (Lang::Vi, NoDocument { video: true }) => {
                "Bài dự thi dạng video chưa có bản tóm tắt Word: cần bản Word trích xuất nội dung, ý tưởng như bài thi viết.".into()
            }
            (Lang::En, NoDocument { video: true }) => {
                "a video entry without a Word summary: a Word document with its content and idea is needed".into()
            }
            (Lang::Vi, NoDocument { video: false }) => {
                "Thư mục bài dự thi không có văn bản nào để đọc (.docx, .pdf, .doc, .odt, .txt).".into()
            }
            (Lang::En, NoDocument { video: false }) => {
                "the entry folder holds no document to read (.docx, .pdf, .doc, .odt, .txt)".into()
            }
            (Lang::Vi, TooLarge { what, limit }) => format!(
                "Tệp quá lớn ({what} vượt giới hạn {limit} byte). Hãy xuất lại tệp nhỏ hơn hoặc tách tệp."
            ),
            (Lang::En, TooLarge { what, limit }) => {
                format!("too large ({what} exceeds {limit} bytes); re-export a smaller file")
            }
            (Lang::Vi, FileTooLarge { size, limit }) => format!(
                "Tệp quá lớn ({} MB, giới hạn {} MB). Hãy xuất lại tệp nhỏ hơn hoặc tách tệp.",
                megabytes(*size),
                megabytes(*limit)
            ),
            (Lang::En, FileTooLarge { size, limit }) => format!(
                "too large ({} MB, the limit is {} MB); re-export a smaller file",
                megabytes(*size),
                megabytes(*limit)
            ),
            (Lang::Vi, TooManyPages { pages, limit }) => format!(
                "Tệp quá nhiều trang ({pages} trang, giới hạn {limit} trang). Hãy tách tệp hoặc gửi phần bài dự thi."
            ),
            (Lang::En, TooManyPages { pages, limit }) => format!(
                "too many pages ({pages} pages, the limit is {limit} pages); split the file"
            ),
            (Lang::Vi, ZipBomb { member }) => format!(
                "Tệp nén bất thường: phần '{member}' giải nén vượt giới hạn (nghi 'bom zip'). Yêu cầu tác giả gửi lại tệp."
            ),
            (Lang::En, ZipBomb { member }) => format!(
                "member '{member}' decompresses past the limit (zip bomb); ask the author to resend"
            ),
            (Lang::Vi, XmlTooDeep { part }) => format!(
                "Cấu trúc tệp bất thường (XML lồng quá sâu trong '{part}'). Mở bằng Word và lưu lại."
            ),
            (Lang::En, XmlTooDeep { part }) => {
                format!("XML nested too deep in '{part}'; open in Word and save again")
            }
            (Lang::Vi, WrongFormat { expected, found }) => format!(
                "Tệp mang đuôi .{expected} nhưng thực chất là {}. Yêu cầu tác giả gửi đúng tệp bài dự thi.",
                format_words(found, lang)
            ),
            (Lang::En, WrongFormat { expected, found }) => format!(
                "named .{expected} but is really {}; ask for the right file",
                format_words(found, lang)
            ),
            (Lang::Vi, Unsupported { found }) => format!(
                "Định dạng không hỗ trợ ({found}). Chấp nhận: .docx, .pdf, .doc, .odt, .txt."
            ),
            (Lang::En, Unsupported { found }) => {
                format!("unsupported format ({found}); accepted: .docx, .pdf, .doc, .odt, .txt")
            }
            (Lang::Vi, Encrypted) => {
                "Tệp có mật khẩu. Yêu cầu tác giả gửi bản không đặt mật khẩu.".into()
            }
            (Lang::En, Encrypted) => {
                "password-protected; ask the author for an unprotected copy".into()
            }
            (Lang::Vi, Corrupt { cause }) => format!(
                "Tệp bị hỏng hoặc không đầy đủ ({}). Yêu cầu tác giả gửi lại tệp.",
                corrupt_words(cause, lang)
            ),
            (Lang::En, Corrupt { cause }) => format!(
                "broken or truncated file ({}); ask the author to resend",
                corrupt_words(cause, lang)
            ),
            (Lang::Vi, NeedsConversion { format }) => format!(
                "Tệp .{format} cần LibreOffice để đọc (chưa cài 'soffice'). Cài LibreOffice hoặc mở tệp bằng Word và lưu thành .docx."
            ),
            (Lang::En, NeedsConversion { format }) => format!(
                ".{format} needs LibreOffice ('soffice' not found); install it or save the file as .docx in Word"
            ),
            (Lang::Vi, ConversionFailed { .. }) => {
                "LibreOffice không chuyển đổi được tệp. Mở bằng Word và lưu thành .docx.".into()
            }
            (Lang::En, ConversionFailed { cause }) => format!(
                "LibreOffice could not convert the file ({cause}); save it as .docx in Word"
            ),
            (Lang::Vi, Timeout { seconds }) => format!(
                "Đọc tệp quá {seconds} giây nên đã dừng. Kiểm tra tệp bằng Word/trình đọc PDF."
            ),
            (Lang::En, Timeout { seconds }) => {
                format!("reading took longer than {seconds} s and was stopped")
            }
            (Lang::Vi, OverBudget { what, limit }) => format!(
                "Đọc tệp cần quá nhiều bộ nhớ ({} vượt giới hạn {} MB cho một tệp) nên đã dừng. Mở bằng Word/trình đọc PDF, lưu hoặc in lại thành tệp mới rồi gửi lại.",
                what.label(Lang::Vi),
                limit / (1024 * 1024)
            ),
            (Lang::En, OverBudget { what, limit }) => format!(
                "reading would need too much memory ({} past the {} MB limit per file) and was stopped; save or print the file again",
                what.label(Lang::En),
                limit / (1024 * 1024)
            ),
            (Lang::Vi, WorkLimit { measure, limit }) => format!(
                "Tệp vượt giới hạn xử lý: cần hơn {} {} (tệp nhỏ nhưng đòi khối lượng xử lý bất thường, ví dụ hình vẽ lồng nhau nhiều tầng), nên đã dừng đọc. Mở tệp bằng trình đọc PDF, in ra PDF mới rồi gửi lại.",
                grouped(*limit, '.'),
                measure.label(lang)
            ),
            (Lang::En, WorkLimit { measure, limit }) => format!(
                "processing limit exceeded: more than {} {} needed (a small file asking for abnormal work, e.g. deeply nested drawings), so reading stopped; print it to a new PDF and resend",
                grouped(*limit, ','),
                measure.label(lang)
            ),
            (Lang::Vi, Panic { .. }) => {
                "Lỗi nội bộ của soloai khi đọc tệp. Vui lòng báo lỗi kèm tệp này.".into()
            }
            (Lang::En, Panic { cause }) => format!(
                "internal soloai error while reading ({cause}); please report it with this file"
            ),
        }
    }
}

/// What a file really is, for `WrongFormat`: a format's ending (`.xlsx`) or words.
fn format_words(found: &str, lang: Lang) -> String {
    match found {
        "binary" => lang
            .pick(
                "dữ liệu nhị phân, không phải văn bản",
                "binary data, not text",
            )
            .into(),
        "ole" => lang
            .pick(
                "một tệp Office cũ không phải Word",
                "an old Office file that is not Word",
            )
            .into(),
        "zip" => lang.pick("một tệp nén (zip)", "a zip archive").into(),
        other if other.chars().all(|c| c.is_ascii_alphanumeric()) => format!(".{other}"),
        other => other.into(),
    }
}

/// A reader's cause of a broken file in the reader's language: the known causes are worded
/// in Vietnamese, anything else is shown as a technical detail.
fn corrupt_words(cause: &str, lang: Lang) -> String {
    let quoted = |rest: &str| rest.split('\'').next().unwrap_or_default().to_string();
    if lang == Lang::En {
        return match cause {
            "ole" => "broken OLE container".into(),
            other => other.into(),
        };
    }
    if let Some(rest) = cause.strip_prefix("zip member '") {
        format!("phần '{}' của tệp nén bị hỏng", quoted(rest))
    } else if cause.starts_with("zip:") {
        "cấu trúc nén (zip) bị hỏng hoặc thiếu".into()
    } else if let Some(rest) = cause.strip_prefix("XML in '") {
        format!("XML trong '{}' sai cấu trúc", quoted(rest))
    } else if cause.starts_with("the main part '") {
        "thiếu phần nội dung chính của tài liệu Word".into()
    } else if cause.starts_with("PDF structure unreadable") {
        "cấu trúc PDF không đọc được".into()
    } else if cause == "no pages found in the PDF" {
        "PDF không có trang nào".into()
    } else if cause == "ole" {
        "cấu trúc tệp Word cũ (.doc) bị hỏng".into()
    } else {
        format!("chi tiết kỹ thuật: {cause}")
    }
}

/// Bytes as megabytes with one decimal when small (`0.3`, `12`, `256`).
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb < 10.0 {
        format!("{:.1}", mb).replace(".0", "")
    } else {
        format!("{}", mb.round() as u64)
    }
}

/// What a non-regular file is, in words (`what` is a `safe_fs::ReadError::NotRegular` code).
fn not_regular_words(what: &str, lang: Lang) -> &str {
    match what {
        "symlink" => lang.pick("liên kết tượng trưng", "a symbolic link"),
        "fifo" => lang.pick("ống dẫn có tên (FIFO)", "a named pipe (FIFO)"),
        "socket" => lang.pick("socket", "a socket"),
        "folder" => lang.pick("thư mục", "a folder"),
        _ => lang.pick("tệp thiết bị", "a device"),
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
