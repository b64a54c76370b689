//! DOCX reader (zip + quick-xml).

use std::path::Path;

use crate::error::{ExtractError, ExtractResult};
use crate::extract::{Extractor, ReadContext};
use crate::model::{Extracted, Format};

pub struct DocxExtractor;

impl Extractor for DocxExtractor {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn extract(
        &self,
        path: &Path,
        _bytes: &[u8],
        _ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        Err(ExtractError::corrupt(path, "DOCX reader not built yet"))
    }
}
