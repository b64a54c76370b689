//! Legacy .doc and .odt, read by converting to .docx with LibreOffice when it is installed.

use std::path::Path;

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::ReadContext;
use crate::model::{Extracted, Format};

/// An OLE file that wraps an encrypted OOXML package (Word's "Encrypt with password").
pub fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

pub fn read_converted(
    path: &Path,
    format: Format,
    _ctx: &ReadContext<'_>,
) -> ExtractResult<Extracted> {
    Err(ExtractError::new(
        path,
        ExtractErrorKind::NeedsConversion {
            format: format.as_str().into(),
        },
    ))
}
