//! Stage 2 of the pipeline: turn a file into an [`Extracted`] document.
//!
//! The format is sniffed from the bytes, not the name, so an .xlsx renamed .docx or a PDF
//! named .doc gets a clear answer. Each file is read inside `catch_unwind`: a panic in a
//! reader becomes that file's error and the batch goes on (ruff's habit). Every string that
//! leaves this module is NFC; that is enforced here once, whatever the reader did.

pub mod convert;
pub mod docx;
pub mod json;
pub mod pdf;
pub mod txt;

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::limits::{Budget, Charge, Deadline, Limits};
use crate::model::{Extracted, Format};
use crate::normalize;

/// What a reader is given besides the bytes.
#[derive(Debug, Clone, Copy)]
pub struct ReadContext<'a> {
    pub limits: &'a Limits,
    pub deadline: Deadline,
    /// The file's memory budget: charge before holding decoded data (see `limits::Budget`).
    pub budget: &'a Budget,
}

impl<'a> ReadContext<'a> {
    /// A context whose deadline starts now.
    pub fn new(limits: &'a Limits, budget: &'a Budget) -> Self {
        ReadContext {
            limits,
            deadline: Deadline::start(limits),
            budget,
        }
    }

    /// Charge `bytes` to the file's budget; the error names `path` and what did not fit.
    pub fn charge(&self, path: &Path, what: Charge, bytes: u64) -> ExtractResult<()> {
        self.budget
            .charge(what, bytes)
            .map_err(|over| ExtractError::over_budget(path, over))
    }
}

/// One reader per format (like ripgrep's one searcher per matcher kind).
pub trait Extractor {
    fn format(&self) -> Format;
    /// Read `bytes` (the content of `path`) into a document. `finish_layout` must have been
    /// called on the result.
    fn extract(&self, path: &Path, bytes: &[u8], ctx: &ReadContext<'_>)
    -> ExtractResult<Extracted>;
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Zip,
    Pdf,
    /// An OLE compound file: legacy .doc, or an encrypted OOXML package.
    Ole,
    Text,
    Unknown,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.len() >= 4
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        Sniffed::Pdf
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Sniffed::Ole
    } else if txt::looks_like_text(bytes) {
        Sniffed::Text
    } else {
        Sniffed::Unknown
    }
}

/// Read one file with the default limits.
pub fn extract_path(path: &Path) -> ExtractResult<Extracted> {
    extract_path_with(path, &Limits::default())
}

/// Read one file. Never panics: a reader panic becomes `ExtractErrorKind::Panic`.
pub fn extract_path_with(path: &Path, limits: &Limits) -> ExtractResult<Extracted> {
    guarded(path, || extract_inner(path, limits))
}

/// Run a reader so that a panic becomes this file's error instead of ending the batch.
fn guarded(
    path: &Path,
    read: impl FnOnce() -> ExtractResult<Extracted>,
) -> ExtractResult<Extracted> {
    crate::panic_guard::catch(read)
        .unwrap_or_else(|cause| Err(ExtractError::new(path, ExtractErrorKind::Panic { cause })))
}

fn extract_inner(path: &Path, limits: &Limits) -> ExtractResult<Extracted> {
    // Opened once, never through a link, never a FIFO or device, never past the size limit.
    let bytes = crate::safe_fs::read_regular(path, limits.max_file_bytes)
        .map_err(|e| ExtractError::from((path, e)))?;
    extract_bytes_inner(path, &bytes, limits)
}

/// Read a document from bytes already in memory (`path` is used for messages and the
/// extension hint only). Never panics, like [`extract_path_with`].
pub fn extract_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> ExtractResult<Extracted> {
    guarded(path, || extract_bytes_inner(path, bytes, limits))
}

fn extract_bytes_inner(path: &Path, bytes: &[u8], limits: &Limits) -> ExtractResult<Extracted> {
    if bytes.is_empty() {
        return Err(ExtractError::new(path, ExtractErrorKind::Empty));
    }
    let budget = Budget::for_file(limits);
    let ctx = ReadContext::new(limits, &budget);
    ctx.charge(path, Charge::FileBytes, bytes.len() as u64)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut doc = match sniff(bytes) {
        Sniffed::Pdf => pdf::PdfExtractor.extract(path, bytes, &ctx)?,
        Sniffed::Zip if ext == "odt" => convert::read_converted(path, bytes, Format::Odt, &ctx)?,
        Sniffed::Zip => docx::DocxExtractor.extract(path, bytes, &ctx)?,
        Sniffed::Ole => match convert::ole_kind(bytes) {
            convert::OleKind::EncryptedOoxml | convert::OleKind::Word { encrypted: true } => {
                return Err(ExtractError::new(path, ExtractErrorKind::Encrypted));
            }
            convert::OleKind::Other(found) => {
                return Err(ExtractError::new(
                    path,
                    ExtractErrorKind::WrongFormat {
                        expected: if ext.is_empty() { "doc".into() } else { ext },
                        found: found.into(),
                    },
                ));
            }
            convert::OleKind::Broken => {
                return Err(ExtractError::corrupt(path, "ole"));
            }
            convert::OleKind::Word { encrypted: false } => {
                convert::read_converted(path, bytes, Format::Doc, &ctx)?
            }
        },
        Sniffed::Text => txt::TxtExtractor.extract(path, bytes, &ctx)?,
        // A .txt with many control characters is still text when it has no NUL byte: read
        // it (the controls are dropped, with a warning) rather than call .txt unsupported.
        Sniffed::Unknown if ext == "txt" && !bytes.contains(&0) => {
            txt::TxtExtractor.extract(path, bytes, &ctx)?
        }
        Sniffed::Unknown if ext == "txt" => {
            return Err(ExtractError::new(
                path,
                ExtractErrorKind::WrongFormat {
                    expected: ext,
                    found: "binary".into(),
                },
            ));
        }
        Sniffed::Unknown => {
            return Err(ExtractError::new(
                path,
                ExtractErrorKind::Unsupported {
                    found: if ext.is_empty() {
                        "unknown binary".into()
                    } else {
                        format!(".{ext}")
                    },
                },
            ));
        }
    };
    doc.file = path.to_path_buf();
    doc.content_hash = content_hash(bytes);
    enforce_nfc(&mut doc);
    Ok(doc)
}

/// A reading note (`Extracted::warnings`, written in English by the readers) in the reader's
/// language; notes this module does not know are shown as they are.
pub fn warning_words(warning: &str, lang: crate::lang::Lang) -> String {
    use crate::lang::Lang;
    if lang == Lang::En {
        return warning.to_string();
    }
    let num = |s: &str| s.split_whitespace().next().unwrap_or("").to_string();
    if let Some(enc) = warning
        .strip_prefix("invalid ")
        .and_then(|rest| rest.strip_suffix(" bytes replaced by U+FFFD"))
    {
        return format!("một số byte không hợp lệ theo bảng mã {enc} đã được thay bằng ký tự �");
    }
    if let Some(rest) = warning.strip_prefix("not UTF-8: read as ") {
        let enc = rest.split(';').next().unwrap_or(rest);
        return format!(
            "tệp không phải UTF-8: đã đọc theo bảng mã {enc}; hãy kiểm tra văn bản hiển thị đúng"
        );
    }
    if warning.ends_with(" control characters removed from the text") {
        return format!("đã bỏ {} ký tự điều khiển khỏi văn bản", num(warning));
    }
    if let Some(rest) = warning.strip_prefix("read through a LibreOffice conversion of the .") {
        let format = rest.split(' ').next().unwrap_or("").trim_end_matches(';');
        return format!(
            "đọc qua bản chuyển đổi bằng LibreOffice của tệp .{format}; phông chữ và ngắt trang theo cách LibreOffice hiểu"
        );
    }
    if warning.starts_with("no page or section break: the cover page was guessed") {
        return "không có ngắt trang hay ngắt phần: trang bìa được đoán từ các đoạn đầu".into();
    }
    warning.to_string()
}

/// SHA-256 of the bytes as lowercase hex: the identity of a document in caches and the index.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The NFC guarantee, applied once for all readers. Cheap when the text already is NFC.
fn enforce_nfc(doc: &mut Extracted) {
    let mut changed = false;
    for p in &mut doc.paragraphs {
        // A combining mark that starts a run belongs to the previous run's last letter (a
        // VNI word split by a formatting change): move it there so NFC can compose them.
        for i in 1..p.runs.len() {
            let marks: String = p.runs[i]
                .text
                .chars()
                .take_while(|c| unicode_normalization::char::is_combining_mark(*c))
                .collect();
            if !marks.is_empty() && !p.runs[i - 1].text.is_empty() {
                p.runs[i].text.drain(..marks.len());
                p.runs[i - 1].text.push_str(&marks);
                changed = true;
            }
        }
        for r in &mut p.runs {
            if !normalize::is_nfc(&r.text) {
                r.text = normalize::nfc(&r.text);
                changed = true;
            }
        }
    }
    for h in &mut doc.headers_footers {
        if !normalize::is_nfc(&h.text) {
            h.text = normalize::nfc(&h.text);
        }
    }
    if changed || !normalize::is_nfc(&doc.text) {
        let cover_page_end = doc.pages.first().map(|p| p.text_end);
        let cover_was_first_page = cover_page_end == Some(doc.cover_end);
        doc.finish_layout();
        if cover_was_first_page {
            doc.cover_end = doc.pages.first().map(|p| p.text_end).unwrap_or(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Run};

    #[test]
    fn reading_notes_read_in_vietnamese() {
        use crate::lang::Lang;
        assert_eq!(
            warning_words("3 control characters removed from the text", Lang::Vi),
            "đã bỏ 3 ký tự điều khiển khỏi văn bản"
        );
        assert_eq!(
            warning_words(
                "not UTF-8: read as windows-1258; check the text reads right",
                Lang::Vi
            ),
            "tệp không phải UTF-8: đã đọc theo bảng mã windows-1258; hãy kiểm tra văn bản hiển thị đúng"
        );
        assert!(
            warning_words("invalid utf-8 bytes replaced by U+FFFD", Lang::Vi).contains("utf-8")
        );
        assert_eq!(warning_words("something new", Lang::Vi), "something new");
        assert_eq!(warning_words("x", Lang::En), "x");
    }

    #[test]
    fn marks_split_across_runs_compose() {
        let mut doc = Extracted {
            paragraphs: vec![Paragraph {
                runs: vec![
                    Run {
                        text: "Vie\u{302}".into(),
                        ..Run::default()
                    },
                    Run {
                        text: "\u{323}t Nam".into(),
                        bold: true,
                        ..Run::default()
                    },
                ],
                ..Paragraph::default()
            }],
            ..Extracted::default()
        };
        doc.finish_layout();
        enforce_nfc(&mut doc);
        assert_eq!(doc.text, "Việt Nam");
        assert!(normalize::is_nfc(&doc.text));
    }
}
