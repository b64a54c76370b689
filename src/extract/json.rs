//! The JSON shape of `soloai extract --json`, in the library so that `check` and `screen`
//! can print or read the same thing. One [`FileReport`] per file; failures carry
//! `status: "error"` with the message and its stable code instead of the document fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::ExtractError;
use crate::lang::Lang;
use crate::model::{
    Extracted, HeaderFooter, HeaderFooterKind, HeaderFooterVariant, LegacyEncoding, Metadata,
    ReadWarning,
};

/// A reader's warning as JSON shows it (here and in report.json): its stable code and values
/// (`"code": "font-guessed", "font": "VnTime"`) and the sentence a person reads, in the
/// output's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadWarningNote {
    #[serde(flatten)]
    pub warning: ReadWarning,
    pub message: String,
}

/// Longest reading-warning sentence kept, in characters.
pub const MAX_READ_WARNING_CHARS: usize = 400;

impl ReadWarningNote {
    pub fn new(warning: ReadWarning, lang: Lang) -> Self {
        let mut note = ReadWarningNote {
            warning,
            message: String::new(),
        };
        note.message = note.said(lang);
        note
    }

    /// The sentence in `lang` (a page may be written in another language than its JSON), at
    /// most [`MAX_READ_WARNING_CHARS`] characters.
    pub fn said(&self, lang: Lang) -> String {
        let text = crate::vocab::read_warning(&self.warning, lang);
        if text.chars().count() <= MAX_READ_WARNING_CHARS {
            return text;
        }
        let mut out: String = text.chars().take(MAX_READ_WARNING_CHARS - 1).collect();
        out.push('…');
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Error,
}

/// Where each page's body text sits in `text` (byte offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageSpan {
    pub index: usize,
    pub text_start: usize,
    pub text_end: usize,
    /// The page number printed in the page's header or footer band (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_number: Option<u32>,
    /// The page has images and no text layer (PDF).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_ocr: bool,
    /// The page was read by OCR: the engine's mean word confidence (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pages {
    /// Pages seen by the reader (DOCX: from explicit page and section breaks).
    pub count: usize,
    /// Page count the producing program recorded, when it did (DOCX `docProps/app.xml`).
    pub declared: Option<u32>,
    pub offsets: Vec<PageSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderFooterReport {
    pub section: usize,
    pub variant: HeaderFooterVariant,
    pub page: Option<usize>,
    pub text: String,
    pub has_page_field: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageFieldReport {
    pub kind: HeaderFooterKind,
    pub variant: HeaderFooterVariant,
    pub section: usize,
    pub page: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub file: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pages: Option<Pages>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fonts: Option<BTreeMap<String, usize>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sizes: Option<BTreeMap<String, usize>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub headers: Option<Vec<HeaderFooterReport>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub footers: Option<Vec<HeaderFooterReport>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page_number_fields: Option<Vec<PageFieldReport>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sections: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cover_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub legacy_encoding: Option<LegacyEncoding>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub needs_ocr: Option<bool>,
    /// The OCR engine that read scanned pages, when one did.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ocr_engine: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub content_hash: Option<String>,
    /// What the reader noticed: each warning's code and values and its sentence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub warnings: Option<Vec<ReadWarningNote>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error_kind: Option<String>,
}

fn band(doc: &Extracted, kind: HeaderFooterKind) -> Vec<HeaderFooterReport> {
    doc.headers_footers
        .iter()
        .filter(|h| h.kind == kind)
        .map(|h: &HeaderFooter| HeaderFooterReport {
            section: h.section,
            variant: h.variant,
            page: h.page,
            text: h.text.clone(),
            has_page_field: h.has_page_field,
        })
        .collect()
}

impl FileReport {
    /// The document as JSON, its warnings worded in `lang`.
    pub fn from_extracted(doc: &Extracted, lang: Lang) -> FileReport {
        FileReport {
            file: doc.file.display().to_string(),
            status: Status::Ok,
            format: doc.format.map(|f| f.as_str().to_string()),
            text: Some(doc.text.clone()),
            pages: Some(Pages {
                count: doc.pages.len(),
                declared: doc.metadata.declared_pages,
                offsets: doc
                    .pages
                    .iter()
                    .map(|p| PageSpan {
                        index: p.index,
                        text_start: p.text_start,
                        text_end: p.text_end,
                        printed_number: p.printed_number.as_ref().map(|n| n.value),
                        needs_ocr: p.needs_ocr,
                        ocr_confidence: p.ocr.as_ref().map(|o| o.confidence),
                    })
                    .collect(),
            }),
            fonts: Some(doc.fonts()),
            sizes: Some(doc.sizes()),
            headers: Some(band(doc, HeaderFooterKind::Header)),
            footers: Some(band(doc, HeaderFooterKind::Footer)),
            page_number_fields: Some(
                doc.page_number_fields()
                    .into_iter()
                    .map(|h| PageFieldReport {
                        kind: h.kind,
                        variant: h.variant,
                        section: h.section,
                        page: h.page,
                    })
                    .collect(),
            ),
            sections: Some(doc.sections.len()),
            cover_text: Some(doc.cover_text().to_string()),
            legacy_encoding: doc.legacy_encoding,
            needs_ocr: Some(doc.needs_ocr),
            ocr_engine: doc.ocr_engine.clone(),
            metadata: Some(doc.metadata.clone()),
            content_hash: Some(doc.content_hash.clone()),
            warnings: Some(
                doc.warnings
                    .iter()
                    .map(|w| ReadWarningNote::new(w.clone(), lang))
                    .collect(),
            ),
            error: None,
            error_kind: None,
        }
    }

    pub fn from_error(err: &ExtractError, lang: Lang) -> FileReport {
        FileReport {
            file: err.path.display().to_string(),
            status: Status::Error,
            format: None,
            text: None,
            pages: None,
            fonts: None,
            sizes: None,
            headers: None,
            footers: None,
            page_number_fields: None,
            sections: None,
            cover_text: None,
            legacy_encoding: None,
            needs_ocr: None,
            ocr_engine: None,
            metadata: None,
            content_hash: None,
            warnings: None,
            error: Some(err.message(lang)),
            error_kind: Some(err.kind().code().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExtractErrorKind;
    use crate::model::{Paragraph, Run};

    #[test]
    fn documents_and_errors_have_their_own_fields() {
        let mut doc = Extracted {
            paragraphs: vec![Paragraph {
                runs: vec![Run {
                    text: "Ý tưởng".into(),
                    font: Some("Arial".into()),
                    size_pt: Some(12.0),
                    ..Run::default()
                }],
                ..Paragraph::default()
            }],
            ..Extracted::default()
        };
        doc.finish_layout();
        let v = serde_json::to_value(FileReport::from_extracted(&doc, Lang::Vi)).unwrap();
        assert_eq!(v["status"], "ok");
        assert_eq!(v["text"], "Ý tưởng");
        assert_eq!(v["fonts"]["Arial"], 6);
        assert_eq!(v["pages"]["count"], 1);
        assert!(v.get("error").is_none());
        let err = ExtractError::new("a.docx", ExtractErrorKind::Encrypted);
        let v = serde_json::to_value(FileReport::from_error(&err, Lang::En)).unwrap();
        assert_eq!(v["status"], "error");
        assert_eq!(v["error_kind"], "encrypted");
        assert!(v.get("text").is_none());
    }

    #[test]
    fn warnings_carry_code_values_and_words_and_read_back() {
        let doc = Extracted {
            warnings: vec![
                ReadWarning::FontGuessed {
                    font: "VnTime".into(),
                },
                ReadWarning::AttachmentUnreadable {
                    file: "giai-trinh.docx".into(),
                    error: ExtractErrorKind::Corrupt {
                        cause: "zip: bad".into(),
                    },
                },
            ],
            ..Extracted::default()
        };
        let report = FileReport::from_extracted(&doc, Lang::En);
        let v = serde_json::to_value(&report).unwrap_or_default();
        assert_eq!(v["warnings"][0]["code"], "font-guessed");
        assert_eq!(v["warnings"][0]["font"], "VnTime");
        assert!(
            v["warnings"][0]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Font 'VnTime' has no ToUnicode map"))
        );
        assert_eq!(v["warnings"][1]["error"]["kind"], "corrupt");
        let back: FileReport = serde_json::from_value(v).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.warnings, report.warnings);
    }
}
