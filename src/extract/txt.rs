//! Plain-text reader: UTF-8, UTF-16 with BOM, Windows-1258/1252 fallback, legacy detection.
//!
//! How the bytes become text, in order:
//! 1. A byte-order mark decides: UTF-8 (EF BB BF), UTF-16 LE (FF FE) or BE (FE FF).
//! 2. Without one, UTF-16 is recognised by its zero high bytes, and bytes that are valid UTF-8
//!    are UTF-8.
//! 3. Otherwise the file is an 8-bit one. Vietnamese Windows (1258) writes tones as combining
//!    marks after the letter, Western Windows (1252) is what English and French files and many
//!    exported corpora use (curly quotes 0x93/0x94). Both decodings are tried and the one that
//!    yields more well-formed Vietnamese syllables wins; a tie goes to 1252, since a text with no
//!    Vietnamese words in either reading is most likely Western.
//! 4. Whatever the decoding, text typed in a TCVN3 or VNI font and saved as bytes reads as
//!    "ViÖt Nam" / "Vieät Nam"; [`legacy::detect`] recognises it and it is decoded, with
//!    `legacy_encoding` set on the document.
//!
//! Paragraphs are lines: each non-blank line is one paragraph, blank lines only separate and are
//! dropped (a hard-wrapped paragraph thus becomes several; copy detection does not care, and
//! guessing where a wrapped paragraph ends would be wrong as often as right). A form feed
//! (U+000C, what `pdftotext` puts between pages) starts a new page. Other control chars are
//! dropped. The text is not otherwise changed: front matter, if any, is the index stage's job.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1258};

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::{Extractor, ReadContext};
use crate::limits::Charge;
use crate::model::{Extracted, Format, LegacyEncoding, Paragraph, ReadWarning, Run};
use crate::normalize::{self, is_vietnamese_syllable, legacy};

pub struct TxtExtractor;

/// Whether bytes look like text rather than binary (no NULs outside UTF-16, few controls).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    if utf16_without_bom(bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    controls * 100 <= head.len()
}

/// UTF-16 saved without a byte-order mark: text whose every other byte is mostly zero (the
/// high byte of ASCII letters and spaces) while the bytes between are not. Vietnamese letters
/// above U+00FF have non-zero high bytes, so the rule asks for a third of zeros, not all.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let enc = if zero_odd * 3 >= pairs && zero_even * 20 <= pairs {
        UTF_16LE
    } else if zero_even * 3 >= pairs && zero_odd * 20 <= pairs {
        UTF_16BE
    } else {
        return None;
    };
    // Binary data can have that rhythm too; text decodes without controls or broken pairs.
    let (text, had_errors) = enc.decode_without_bom_handling(head);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
        .count();
    (!had_errors && controls * 100 <= pairs).then_some(enc)
}

/// How the bytes of a text file were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 with a byte-order mark (as Notepad and Excel write it).
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Windows-1258 (Vietnamese).
    Windows1258,
    /// Windows-1252 (Western).
    Windows1252,
}

impl TextEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1258 => "windows-1258",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// Text as decoded from bytes, NFC, with legacy Vietnamese fonts already decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    pub encoding: TextEncoding,
    pub legacy: Option<LegacyEncoding>,
    /// Some bytes were not valid in the chosen encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Decode the bytes of a text file (also used for CSV manifests and name lists).
pub fn decode_text(bytes: &[u8]) -> DecodedText {
    let (mut text, encoding, had_errors) = decode_unicode_or_8bit(bytes);
    // Most files are NFC already: checking is far cheaper than composing again.
    if !normalize::is_nfc(&text) {
        text = normalize::nfc(&text);
    }
    let (text, legacy) = match legacy::detect(&text) {
        Some(enc) if legacy_beats(&text, enc, encoding) => (
            normalize::nfc(&legacy::decode_chars(&text, enc, false)),
            Some(enc),
        ),
        _ => (text, None),
    };
    DecodedText {
        text,
        encoding,
        legacy,
        had_errors,
    }
}

fn decode_unicode_or_8bit(bytes: &[u8]) -> (String, TextEncoding, bool) {
    let bom = [
        (&[0xEF, 0xBB, 0xBF][..], UTF_8, TextEncoding::Utf8Bom),
        (&[0xFF, 0xFE][..], UTF_16LE, TextEncoding::Utf16Le),
        (&[0xFE, 0xFF][..], UTF_16BE, TextEncoding::Utf16Be),
    ];
    for (mark, enc, which) in bom {
        if let Some(rest) = bytes.strip_prefix(mark) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            return (text.into_owned(), which, had_errors);
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let which = if enc == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), which, had_errors);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), TextEncoding::Utf8, false);
    }
    // UTF-8 with a few broken bytes (a file cut and pasted together) is UTF-8, read with
    // those bytes replaced and reported; an 8-bit file has hardly any valid UTF-8 sequence.
    let (lossy, _) = UTF_8.decode_without_bom_handling(bytes);
    let broken = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
    let multibyte = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if multibyte >= 2 * broken.max(1) {
        return (lossy.into_owned(), TextEncoding::Utf8, true);
    }
    let (w1252, _) = decode_8bit(WINDOWS_1252, bytes);
    let (w1258, _) = decode_8bit(WINDOWS_1258, bytes);
    if vietnamese_words(&w1258) > vietnamese_words(&w1252) {
        (w1258, TextEncoding::Windows1258, false)
    } else {
        (w1252, TextEncoding::Windows1252, false)
    }
}

fn decode_8bit(enc: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (normalize::nfc(&text), had_errors)
}

/// Words with a non-ASCII letter that are well-formed Vietnamese syllables.
fn vietnamese_words(text: &str) -> usize {
    normalize::syllables(text)
        .map(|(s, e)| &text[s..e])
        .filter(|w| !w.is_ascii() && is_vietnamese_syllable(w))
        .count()
}

/// A legacy decoding must also beat the reading of the bytes in Windows-1258: Vietnamese that
/// is already readable is never "decoded" again.
fn legacy_beats(text: &str, enc: LegacyEncoding, how: TextEncoding) -> bool {
    let decoded = legacy::decode_chars(text, enc, false);
    let as_is = vietnamese_words(text);
    let legacy_words = vietnamese_words(&decoded);
    legacy_words > as_is && (how != TextEncoding::Windows1258 || legacy_words > 2 * as_is)
}

impl Extractor for TxtExtractor {
    fn format(&self) -> Format {
        Format::Txt
    }

    fn extract(
        &self,
        path: &Path,
        bytes: &[u8],
        ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        // Decoding an 8-bit byte can take three bytes of UTF-8, and the text is held twice
        // (decoded, then as paragraphs).
        ctx.charge(path, Charge::Text, (bytes.len() as u64).saturating_mul(4))?;
        let decoded = decode_text(bytes);
        if ctx.deadline.expired() {
            return Err(ExtractError::new(
                path,
                ExtractErrorKind::Timeout {
                    seconds: ctx.deadline.budget_secs(),
                },
            ));
        }
        let mut doc = Extracted {
            format: Some(Format::Txt),
            legacy_encoding: decoded.legacy,
            ..Extracted::default()
        };
        if decoded.had_errors {
            doc.warnings.push(ReadWarning::InvalidBytes {
                encoding: decoded.encoding.as_str().to_string(),
            });
        }
        // Never silently: a file that is not UTF-8 says how it was read.
        if matches!(
            decoded.encoding,
            TextEncoding::Windows1258 | TextEncoding::Windows1252
        ) {
            doc.warnings.push(ReadWarning::NotUtf8 {
                encoding: decoded.encoding.as_str().to_string(),
            });
        }
        let controls = decoded
            .text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
            .count();
        if controls > 0 {
            doc.warnings
                .push(ReadWarning::ControlCharacters { count: controls });
        }
        let mut page = 0;
        for line in decoded.text.split('\n') {
            for (i, piece) in line.split('\u{0C}').enumerate() {
                if i > 0 {
                    page += 1;
                }
                let clean: String = piece
                    .chars()
                    .filter(|&c| !(c.is_control() && c != '\t') && c != '\u{FEFF}')
                    .collect();
                let clean = clean.trim_end();
                if clean.trim().is_empty() {
                    continue;
                }
                doc.paragraphs.push(Paragraph {
                    runs: vec![Run {
                        text: clean.to_string(),
                        ..Run::default()
                    }],
                    page,
                    ..Paragraph::default()
                });
            }
        }
        doc.finish_layout();
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_text_is_composed_and_composed_text_kept_as_it_is() {
        // "Hoà giải" typed with combining marks (as some Mac editors save it).
        let nfd = "Hoa\u{300} gia\u{309}i thu\u{309} tu\u{323}c";
        let d = decode_text(nfd.as_bytes());
        assert_eq!(d.text, "Hoà giải thủ tục");
        let nfc = "“Hoà giải” – thủ tục… đơn giản";
        assert_eq!(decode_text(nfc.as_bytes()).text, nfc);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode_text("Cải cách hành chính".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Cải cách hành chính", TextEncoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Việt".as_bytes());
        let d = decode_text(&bom);
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Việt", TextEncoding::Utf8Bom)
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Đề án “số hoá”";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_text(&le).text, text);
        assert_eq!(decode_text(&le).encoding, TextEncoding::Utf16Le);
        assert_eq!(decode_text(&be).text, text);
        assert_eq!(decode_text(&be).encoding, TextEncoding::Utf16Be);
        // Without the mark, the zero bytes give the order away.
        assert_eq!(decode_text(&le[2..]).text, text);
        assert_eq!(decode_text(&le[2..]).encoding, TextEncoding::Utf16Le);
        assert_eq!(decode_text(&be[2..]).text, text);
        assert!(looks_like_text(&be[2..]));
        // An odd trailing byte is reported, not a panic.
        le.push(0x41);
        assert!(decode_text(&le).had_errors);
    }

    #[test]
    fn eight_bit_files_pick_1258_for_vietnamese_and_1252_otherwise() {
        // "Việt Nam có nhiều tỉnh" in Windows-1258: tones are combining bytes.
        let w1258 = b"Vi\xEA\xF2t Nam co\xEC nhi\xEA\xCCu ti\xD2nh, \xF0\xEA\xCC a\xCCn";
        let d = decode_text(w1258);
        assert_eq!(d.encoding, TextEncoding::Windows1258);
        assert_eq!(d.text, "Việt Nam có nhiều tỉnh, đề àn");
        let w1252 = b"The council\x92s \x93reform\x94 plan \x96 caf\xE9";
        let d = decode_text(w1252);
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "The council’s “reform” plan – café");
        assert_eq!(d.legacy, None);
    }

    #[test]
    fn legacy_bytes_are_detected_and_decoded() {
        let tcvn3 = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
        let d = decode_text(tcvn3);
        assert_eq!(d.legacy, Some(LegacyEncoding::Tcvn3));
        assert_eq!(d.text, "Cộng hoà xã hội chủ nghĩa Việt Nam");
    }

    #[test]
    fn utf8_with_broken_bytes_stays_utf8_and_says_so() {
        let mut bytes = "Cải cách hành chính ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe\xc3\x28 ");
        bytes.extend_from_slice("một cửa liên thông.".as_bytes());
        let d = decode_text(&bytes);
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.had_errors);
        assert!(d.text.starts_with("Cải cách hành chính \u{FFFD}"));
        assert!(d.text.ends_with("một cửa liên thông."));
    }

    #[test]
    fn binary_is_not_text() {
        assert!(!looks_like_text(b"\x00\x01\x02abc"));
        assert!(!looks_like_text(b"\x01\x02\x03\x04\x05abc"));
        // Zero every other byte, but not text: 16-bit samples, say.
        let samples: Vec<u8> = (0..64u8).flat_map(|i| [i % 7 + 1, 0]).collect();
        assert!(!looks_like_text(&samples));
        assert!(looks_like_text(b"plain\ttext\r\n"));
    }
}
