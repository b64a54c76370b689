//! The document model every reader fills: one shape for Word, PDF and plain text.
//!
//! Form checks need each run's font and size, the pages and what is printed on them, the
//! headers and footers and the cover page; copy detection needs the text in reading order.
//! Readers build an [`Extracted`] and nothing downstream knows which format it came from.
//!
//! Offsets (`text_start`, `Page::text_start`, …) are byte offsets into [`Extracted::text`],
//! which is always Unicode NFC.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The file format an entry was read from (after sniffing its bytes, not its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Pdf,
    Txt,
    /// Legacy Word 97–2003, read through a LibreOffice conversion.
    Doc,
    /// OpenDocument text, read through a LibreOffice conversion.
    Odt,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
            Format::Doc => "doc",
            Format::Odt => "odt",
        }
    }
}

/// A pre-Unicode Vietnamese encoding that some runs were written in and that was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 (ABC), fonts `.VnTime`, `.VnTimeH`, `.VnArial`, …
    Tcvn3,
    /// VNI-Windows, fonts `VNI-Times`, `VNI-Helve`, …
    Vni,
}

/// One stretch of text with uniform formatting, as resolved by the reader
/// (Word: defaults → styles → direct formatting; PDF: the font and effective size used).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// NFC text (legacy encodings already decoded).
    pub text: String,
    /// Font family as the document names it, subset prefix (`ABCDEF+`) stripped.
    pub font: Option<String>,
    /// Size in points, rounded to 0.1.
    pub size_pt: Option<f32>,
    pub bold: bool,
    pub italic: bool,
}

/// What a paragraph is, so that rules can tell body text from the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    #[default]
    Body,
    Heading,
    /// Inside a table cell.
    Table,
    Footnote,
    Caption,
    /// Inside a text box or shape.
    TextBox,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub kind: BlockKind,
    /// Style name (Word) if any, e.g. "Heading 1".
    pub style: Option<String>,
    /// Index into [`Extracted::pages`] of the page the paragraph starts on.
    pub page: usize,
    /// Byte offset of this paragraph's text inside [`Extracted::text`].
    pub text_start: usize,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Where on a page a printed page number (or header/footer) sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Top,
    Bottom,
}

/// A page number as printed on a page (PDF), with where it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintedPageNumber {
    pub value: u32,
    pub band: Band,
    /// Position in PDF user space (points from bottom-left), when known.
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 0-based.
    pub index: usize,
    /// Byte range of the page's body text in [`Extracted::text`].
    pub text_start: usize,
    pub text_end: usize,
    /// The number printed in the page's header or footer band (PDF only).
    pub printed_number: Option<PrintedPageNumber>,
    /// The page has images and no decodable text: it was scanned and could not be read by
    /// OCR (no OCR engine installed, or the engine failed).
    pub needs_ocr: bool,
    /// The page's text was read by OCR from its image, with the engine's confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrPage>,
}

/// How a scanned page was read by OCR (optical character recognition, nhận dạng ký tự).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrPage {
    /// The engine's mean word confidence, 0–100 (Tesseract's scale).
    pub confidence: f32,
    /// Words read.
    pub words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderFooterKind {
    Header,
    Footer,
}

/// Which pages of a section a Word header/footer is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderFooterVariant {
    Default,
    First,
    Even,
}

/// A header or footer. Word: one per part referenced by a section. PDF: the text found in the
/// top or bottom band of one page (`page` is set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderFooter {
    pub kind: HeaderFooterKind,
    pub variant: HeaderFooterVariant,
    /// Section index (Word) the part belongs to after inheritance is resolved.
    pub section: usize,
    /// Page index (PDF).
    pub page: Option<usize>,
    pub text: String,
    /// Holds a PAGE field (complex `fldChar`/`instrText` or `fldSimple`).
    pub has_page_field: bool,
}

/// A Word section (`w:sectPr`). PDFs and text files have one section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub index: usize,
    /// Index of the first paragraph of the section in [`Extracted::paragraphs`].
    pub first_paragraph: usize,
    /// `w:titlePg`: the first page uses the `First` header/footer.
    pub title_page: bool,
    /// Indices into [`Extracted::headers_footers`] that apply to this section, inherited
    /// parts included (Word reuses the previous section's part when one is not defined).
    pub parts: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub author: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
    /// Page count the producing application recorded (`docProps/app.xml` `<Pages>`).
    pub declared_pages: Option<u32>,
    /// Word's "Different odd and even pages" (`w:evenAndOddHeaders` in settings.xml): even pages
    /// then show the `Even` header/footer instead of the `Default` one.
    #[serde(default)]
    pub even_and_odd_headers: bool,
}

/// Everything soloai knows about one document after extraction.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Extracted {
    pub file: PathBuf,
    pub format: Option<Format>,
    /// Body text in reading order, paragraphs separated by `\n`; NFC.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    pub headers_footers: Vec<HeaderFooter>,
    /// Byte offset in `text` where the cover page ends (first page or section break).
    pub cover_end: usize,
    pub metadata: Metadata,
    /// Set when some runs were written in a legacy encoding and decoded.
    pub legacy_encoding: Option<LegacyEncoding>,
    /// The document has no text layer on any page (scanned) and OCR could not read it.
    pub needs_ocr: bool,
    /// The OCR engine that read scanned pages ("Tesseract 5.3.0 (vie)"), when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_engine: Option<String>,
    /// What the reader noticed that a council member should know (see [`ReadWarning`]).
    pub warnings: Vec<ReadWarning>,
    /// SHA-256 of the file's bytes, hex.
    pub content_hash: String,
}

/// What a reader noticed while reading a file that a council member should know: where the
/// text may be wrong or incomplete, and why. Readers give the values (pages, fonts, counts);
/// the words, in each language, are only in `src/vocab` (`vocab::read_warning`). In JSON a
/// warning is its stable [`code`](ReadWarning::code) (`"code": "font-guessed"`) beside its
/// values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ReadWarning {
    /// TXT: bytes invalid in the encoding the file was read in were replaced by U+FFFD.
    InvalidBytes { encoding: String },
    /// TXT: the file is not UTF-8 and was read in a legacy code page (Windows-1258, 1252).
    NotUtf8 { encoding: String },
    /// TXT: control characters dropped from the text.
    ControlCharacters { count: usize },
    /// DOCX: a section (1-based) names a header/footer relationship that is not in the file.
    HeaderFooterReference { section: usize, reference: String },
    /// DOCX: a header/footer part the relationships name is missing from the package.
    HeaderFooterMissing { part: String },
    /// DOCX: no page or section break, so the cover page was guessed from the first
    /// paragraphs.
    CoverGuessed,
    /// .doc/.odt: read through a LibreOffice conversion (`format` is the file's extension).
    Converted { format: String },
    /// PDF: a page (1-based) held too many characters; the last `dropped` were skipped.
    PageTooFull { page: usize, dropped: usize },
    /// PDF: characters no font map could decode (a font without ToUnicode).
    Undecoded { count: usize },
    /// PDF: a font with neither ToUnicode nor /Encoding, read with a default encoding.
    FontGuessed { font: String },
    /// PDF: content streams damaged and read only in part.
    DamagedStreams { count: usize },
    /// PDF: every page is a scan (images, no text layer) and OCR did not read it.
    ScannedFile,
    /// PDF: these pages (1-based) are scans without a text layer.
    ScannedPages { pages: Vec<usize> },
    /// PDF: no readable text at all (blank pages or drawings only).
    NoText,
    /// OCR cannot run on this machine (what is missing and how to install it).
    OcrUnavailable { why: OcrUnavailable },
    /// OCR could not start (its private temporary folder or copy could not be made).
    OcrNotStarted { error: OcrError },
    /// PDF: these pages (1-based) are scans read by OCR with this engine and mean confidence
    /// (percent).
    OcrRead {
        pages: Vec<usize>,
        engine: String,
        confidence: u8,
    },
    /// OCR failed on these pages (or, in a Word file, pictures).
    OcrFailed {
        /// The numbers are pictures of a Word file, not pages.
        pictures: bool,
        failures: Vec<OcrFailure>,
    },
    /// Scans too unclear for OCR (no text, or confidence under `ocr::MIN_PAGE_CONFIDENCE`):
    /// not used, still need OCR.
    OcrUnclear { pages: Vec<UnclearPage>, min: u8 },
    /// Only the first `read` scanned pages were read by OCR; `skipped` later ones were not.
    OcrPageLimit { read: usize, skipped: usize },
    /// DOCX: the file holds only pictures and no text: a scan that needs OCR.
    PicturesOnly { pictures: usize },
    /// DOCX: an image-only file whose pictures were read by OCR.
    PicturesRead {
        pictures: usize,
        engine: String,
        words: usize,
        confidence: u8,
    },
    /// An attachment of the entry (a document sent with it) could not be read.
    AttachmentUnreadable {
        file: String,
        error: crate::error::ExtractErrorKind,
    },
}

impl ReadWarning {
    /// Stable code used in JSON and tests (the serde tag).
    pub fn code(&self) -> &'static str {
        match self {
            ReadWarning::InvalidBytes { .. } => "invalid-bytes",
            ReadWarning::NotUtf8 { .. } => "not-utf8",
            ReadWarning::ControlCharacters { .. } => "control-characters",
            ReadWarning::HeaderFooterReference { .. } => "header-footer-reference",
            ReadWarning::HeaderFooterMissing { .. } => "header-footer-missing",
            ReadWarning::CoverGuessed => "cover-guessed",
            ReadWarning::Converted { .. } => "converted",
            ReadWarning::PageTooFull { .. } => "page-too-full",
            ReadWarning::Undecoded { .. } => "undecoded",
            ReadWarning::FontGuessed { .. } => "font-guessed",
            ReadWarning::DamagedStreams { .. } => "damaged-streams",
            ReadWarning::ScannedFile => "scanned-file",
            ReadWarning::ScannedPages { .. } => "scanned-pages",
            ReadWarning::NoText => "no-text",
            ReadWarning::OcrUnavailable { .. } => "ocr-unavailable",
            ReadWarning::OcrNotStarted { .. } => "ocr-not-started",
            ReadWarning::OcrRead { .. } => "ocr-read",
            ReadWarning::OcrFailed { .. } => "ocr-failed",
            ReadWarning::OcrUnclear { .. } => "ocr-unclear",
            ReadWarning::OcrPageLimit { .. } => "ocr-page-limit",
            ReadWarning::PicturesOnly { .. } => "pictures-only",
            ReadWarning::PicturesRead { .. } => "pictures-read",
            ReadWarning::AttachmentUnreadable { .. } => "attachment-unreadable",
        }
    }

    /// A name taken from the file (a font, a part, a relationship id) as a warning keeps it:
    /// at most [`MAX_WARNING_VALUE_CHARS`] characters, so a hostile file cannot make a
    /// warning (or report.json) grow with it.
    pub fn value(name: &str) -> String {
        match name.char_indices().nth(MAX_WARNING_VALUE_CHARS) {
            Some((cut, _)) => format!("{}…", &name[..cut]),
            None => name.to_string(),
        }
    }

    /// A mean OCR confidence (0–100) as the whole percent a warning carries.
    pub fn percent(confidence: f32) -> u8 {
        if confidence.is_nan() {
            return 0;
        }
        confidence.round().clamp(0.0, 100.0) as u8
    }
}

/// Longest name from a file a [`ReadWarning`] keeps, in characters.
pub const MAX_WARNING_VALUE_CHARS: usize = 120;

/// A page (or picture) OCR could not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrFailure {
    /// 1-based.
    pub number: usize,
    pub error: OcrError,
}

/// A scan too unclear for OCR: its number (1-based) and the mean confidence, `None` when
/// no text was seen at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnclearPage {
    pub number: usize,
    pub confidence: Option<u8>,
}

/// Why OCR cannot run here (`extract::ocr` finds out; `vocab` says how to install what is
/// missing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OcrUnavailable {
    NoTesseract,
    /// Tesseract is there but not its Vietnamese model.
    NoVietnamese,
    /// Tesseract older than 4 (no LSTM engine; its Vietnamese is poor).
    TooOld(String),
    /// OCR of PDF pages needs `pdftoppm` (poppler-utils) to render them.
    NoRenderer,
}

/// Why OCR could not read one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OcrError {
    Unavailable(OcrUnavailable),
    /// A child process ran past its time limit and was killed.
    Timeout {
        program: String,
        seconds: u64,
    },
    /// A child process exited with an error: its exit code and the last line it wrote (the
    /// program's own words, quoted).
    Failed {
        program: String,
        code: i32,
        said: String,
    },
    /// A child process was killed by a signal (its memory limit, most often).
    Killed {
        program: String,
    },
    /// A child process wrote more than `limit` bytes.
    TooMuchOutput {
        program: String,
        limit: usize,
    },
    /// A child process could not be started (`cause` is a `safe_fs::io_cause` code).
    NotStarted {
        program: String,
        cause: String,
    },
    /// The temporary folder or file could not be made or read (a `safe_fs::io_cause` code).
    Io(String),
    /// The page image the renderer wrote could not be read.
    BadImage,
}

impl Extracted {
    /// Rebuild `text`, each paragraph's `text_start`, page ranges and `cover_end` from the
    /// paragraphs. Readers push paragraphs and call this once at the end; `cover_page_count`
    /// is how many leading pages form the cover (normally 1).
    pub fn finish_layout(&mut self) {
        let mut text = String::new();
        for (i, p) in self.paragraphs.iter_mut().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            p.text_start = text.len();
            for r in &p.runs {
                text.push_str(&r.text);
            }
        }
        self.text = text;
        let page_count = self
            .paragraphs
            .iter()
            .map(|p| p.page + 1)
            .max()
            .unwrap_or(1)
            .max(self.pages.len())
            .max(1);
        let mut pages: Vec<Page> = (0..page_count)
            .map(|index| {
                let old = self.pages.get(index);
                Page {
                    index,
                    text_start: 0,
                    text_end: 0,
                    printed_number: old.and_then(|p| p.printed_number.clone()),
                    needs_ocr: old.is_some_and(|p| p.needs_ocr),
                    ocr: old.and_then(|p| p.ocr.clone()),
                }
            })
            .collect();
        // Each page runs from its first paragraph to the next page's first paragraph.
        let mut starts: Vec<Option<usize>> = vec![None; page_count];
        for p in &self.paragraphs {
            if starts[p.page].is_none() {
                starts[p.page] = Some(p.text_start);
            }
        }
        let mut next = self.text.len();
        for i in (0..page_count).rev() {
            let start = starts[i].unwrap_or(next);
            pages[i].text_start = start;
            pages[i].text_end = next;
            next = start;
        }
        self.pages = pages;
        if self.cover_end == 0 || self.cover_end > self.text.len() {
            self.cover_end = self.pages.first().map(|p| p.text_end).unwrap_or(0);
        }
    }

    /// Text of the cover page (the first page, or up to the first section break).
    pub fn cover_text(&self) -> &str {
        let end = self.cover_end.min(self.text.len());
        self.text.get(..end).unwrap_or(&self.text)
    }

    /// Characters per font family over all paragraphs (runs without a font count as "").
    pub fn fonts(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for p in &self.paragraphs {
            for r in &p.runs {
                let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
                if n > 0 {
                    *out.entry(r.font.clone().unwrap_or_default()).or_insert(0) += n;
                }
            }
        }
        out
    }

    /// Characters per size (formatted with one decimal, "14.0"); unknown sizes as "".
    pub fn sizes(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for p in &self.paragraphs {
            for r in &p.runs {
                let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
                if n > 0 {
                    let key = r.size_pt.map(|s| format!("{s:.1}")).unwrap_or_default();
                    *out.entry(key).or_insert(0) += n;
                }
            }
        }
        out
    }

    /// Pages read by OCR, and the engine's mean word confidence over them (weighted by
    /// words), when any page was.
    pub fn ocr_summary(&self) -> Option<(usize, f32)> {
        let read: Vec<&OcrPage> = self.pages.iter().filter_map(|p| p.ocr.as_ref()).collect();
        if read.is_empty() {
            return None;
        }
        let words: usize = read.iter().map(|o| o.words).sum();
        let confidence = if words == 0 {
            0.0
        } else {
            read.iter()
                .map(|o| o.confidence * o.words as f32)
                .sum::<f32>()
                / words as f32
        };
        Some((read.len(), confidence))
    }

    /// Headers and footers that carry a PAGE field (Word).
    pub fn page_number_fields(&self) -> Vec<&HeaderFooter> {
        self.headers_footers
            .iter()
            .filter(|h| h.has_page_field)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, page: usize) -> Paragraph {
        Paragraph {
            runs: vec![Run {
                text: text.into(),
                font: Some("Times New Roman".into()),
                size_pt: Some(14.0),
                ..Run::default()
            }],
            page,
            ..Paragraph::default()
        }
    }

    #[test]
    fn finish_layout_builds_offsets_pages_and_cover() {
        let mut doc = Extracted {
            paragraphs: vec![
                para("Bìa", 0),
                para("Một", 1),
                para("Hai", 1),
                para("Ba", 2),
            ],
            ..Extracted::default()
        };
        doc.finish_layout();
        assert_eq!(doc.text, "Bìa\nMột\nHai\nBa");
        assert_eq!(doc.paragraphs[1].text_start, "Bìa\n".len());
        assert_eq!(doc.pages.len(), 3);
        assert_eq!(
            &doc.text[doc.pages[1].text_start..doc.pages[1].text_end],
            "Một\nHai\n"
        );
        assert_eq!(doc.cover_text(), "Bìa\n");
        assert_eq!(doc.fonts().get("Times New Roman"), Some(&11));
        assert_eq!(doc.sizes().get("14.0"), Some(&11));
    }
}
