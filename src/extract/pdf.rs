//! PDF reader (lopdf content streams).

use std::path::Path;

use crate::error::{ExtractError, ExtractResult};
use crate::extract::{Extractor, ReadContext};
use crate::model::{Extracted, Format};

pub struct PdfExtractor;

impl Extractor for PdfExtractor {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn extract(
        &self,
        path: &Path,
        _bytes: &[u8],
        _ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        Err(ExtractError::corrupt(path, "PDF reader not built yet"))
    }
}
