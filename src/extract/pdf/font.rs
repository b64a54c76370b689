//! PDF fonts: which bytes form a code, what text and width each code has, and the name,
//! weight and slant the form checks read.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::budget::Budget;
use super::cmap::CMap;
use super::glyph_names::glyph_to_text;
use super::object::{deref, dict_of, name_of, number_of, stream_data};
use crate::model::LegacyEncoding;
use crate::normalize::legacy;

/// One decoded code of a shown string.
#[derive(Debug, Clone)]
pub struct DecodedCode {
    /// `None`: the font gives no way to know the character (counted, never guessed).
    pub text: Option<String>,
    /// Advance in text-space units (glyph width / 1000, Type 3 scaled by its FontMatrix).
    pub width: f32,
    /// A one-byte code 32: the only code word spacing (`Tw`) applies to.
    pub is_word_space: bool,
}

#[derive(Debug, Clone)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    Cid {
        default: f32,
        /// `(first, last, widths)`: one width for the whole range or one per code.
        ranges: Vec<(u32, u32, Vec<f32>)>,
    },
}

#[derive(Debug, Clone)]
enum Coding {
    /// One byte per code, with the table from /Encoding (base + Differences).
    Simple(Vec<Option<String>>),
    /// Type0: code lengths from the encoding CMap; `unicode_codes` when the predefined CMap's
    /// codes are themselves UTF-16 (UniGB-UCS2-H and friends).
    Composite {
        encoding: Option<CMap>,
        unicode_codes: bool,
    },
}

#[derive(Debug, Clone)]
pub struct PdfFont {
    /// Family name as the checks compare it ("Times New Roman"), subset prefix and style
    /// suffix removed.
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    /// Runs in this font are typed in a pre-Unicode Vietnamese encoding.
    pub legacy: Option<(LegacyEncoding, bool)>,
    /// No ToUnicode and no /Encoding: decoded with the format's default table, may be wrong.
    pub guessed_encoding: bool,
    coding: Coding,
    to_unicode: Option<CMap>,
    widths: Widths,
    /// Type 3 glyph widths are in glyph space; this turns them into thousandths of text space.
    width_scale: f32,
}

impl PdfFont {
    pub fn load(doc: &Document, dict: &Dictionary, budget: &Budget) -> PdfFont {
        let subtype = name_of(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let base = name_of(doc, dict.get(b"BaseFont").ok())
            .or_else(|| name_of(doc, dict.get(b"Name").ok()))
            .unwrap_or_default();
        let raw = strip_subset(&base).to_string();
        let descendant = if subtype == "Type0" {
            deref(doc, dict.get(b"DescendantFonts").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| dict_of(doc, o))
        } else {
            None
        };
        let descriptor = descendant
            .and_then(|d| d.get(b"FontDescriptor").ok())
            .or_else(|| dict.get(b"FontDescriptor").ok())
            .and_then(|o| dict_of(doc, o));
        let flags = descriptor
            .and_then(|d| number_of(doc, d.get(b"Flags").ok()))
            .unwrap_or(0.0) as i64;
        let weight = descriptor
            .and_then(|d| number_of(doc, d.get(b"FontWeight").ok()))
            .unwrap_or(0.0);
        let (family, name_bold, name_italic) = family_and_style(&raw);
        let bold = name_bold || weight >= 600.0 || flags & (1 << 18) != 0;
        let italic = name_italic || flags & (1 << 6) != 0;
        let legacy = legacy::encoding_for_font(&raw).map(|enc| {
            let upper = enc == LegacyEncoding::Tcvn3
                && raw
                    .split([',', '-'])
                    .next()
                    .is_some_and(|b| b.ends_with('H'));
            (enc, upper)
        });

        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| stream_data(s, budget).ok())
            .map(|data| CMap::parse(&data))
            .filter(|m| !m.is_empty());

        let mut guessed_encoding = false;
        let coding = if subtype == "Type0" {
            let enc = deref(doc, dict.get(b"Encoding").ok());
            let (encoding, unicode_codes) = match enc {
                Some(Object::Stream(s)) => (
                    stream_data(s, budget)
                        .ok()
                        .map(|d| CMap::parse(&d))
                        .filter(CMap::has_codespace),
                    false,
                ),
                Some(Object::Name(n)) => {
                    let n = String::from_utf8_lossy(n);
                    (
                        None,
                        n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16")),
                    )
                }
                _ => (None, false),
            };
            Coding::Composite {
                encoding,
                unicode_codes,
            }
        } else {
            let enc = deref(doc, dict.get(b"Encoding").ok());
            let default_base = if subtype == "TrueType" {
                "WinAnsiEncoding"
            } else {
                "StandardEncoding"
            };
            let symbolic = flags & (1 << 2) != 0 && flags & (1 << 5) == 0;
            // pdfTeX and others leave /Encoding out and rely on the encoding built into the
            // embedded Type 1 program (Computer Modern's OT1 layout is not StandardEncoding).
            let builtin = || descriptor.and_then(|d| type1_builtin_encoding(doc, d, budget));
            let mut table = match enc {
                Some(Object::Name(n)) => base_table(&String::from_utf8_lossy(n)),
                Some(Object::Dictionary(d)) => {
                    let base = name_of(doc, d.get(b"BaseEncoding").ok());
                    match base {
                        Some(b) => base_table(&b),
                        None => match builtin() {
                            Some(t) => t,
                            None if subtype == "Type3" || symbolic => vec![None; 256],
                            None => base_table(default_base),
                        },
                    }
                }
                _ if subtype == "Type3" => vec![None; 256],
                _ => match builtin() {
                    Some(t) => t,
                    None => {
                        if to_unicode.is_none() {
                            guessed_encoding = true;
                        }
                        base_table(default_base)
                    }
                },
            };
            if let Some(Object::Dictionary(d)) = enc
                && let Some(Object::Array(diffs)) = deref(doc, d.get(b"Differences").ok())
            {
                apply_differences(&mut table, diffs);
            }
            Coding::Simple(table)
        };

        let width_scale = if subtype == "Type3" {
            deref(doc, dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| o.as_float().ok())
                .map(|a| a * 1000.0)
                .filter(|a| a.is_finite() && *a > 0.0)
                .unwrap_or(1.0)
        } else {
            1.0
        };
        let widths = match descendant {
            Some(d) => cid_widths(doc, d),
            None => simple_widths(doc, dict, descriptor),
        };
        PdfFont {
            family,
            bold,
            italic,
            legacy,
            guessed_encoding,
            coding,
            to_unicode,
            widths,
            width_scale,
        }
    }

    /// Split a shown string into codes and decode each.
    pub fn decode(&self, bytes: &[u8]) -> Vec<DecodedCode> {
        let mut out = Vec::with_capacity(bytes.len());
        match &self.coding {
            Coding::Simple(table) => {
                for &b in bytes {
                    let code = u32::from(b);
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.lookup(1, code))
                        .or_else(|| table.get(b as usize).cloned().flatten());
                    out.push(DecodedCode {
                        text,
                        width: self.width(code),
                        is_word_space: b == 32,
                    });
                }
            }
            Coding::Composite {
                encoding,
                unicode_codes,
            } => {
                let mut i = 0;
                while i < bytes.len() {
                    let rest = &bytes[i..];
                    let len = encoding
                        .as_ref()
                        .and_then(|m| m.code_len(rest))
                        .unwrap_or(2)
                        .min(rest.len());
                    let code = rest[..len]
                        .iter()
                        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.lookup(len, code))
                        .or_else(|| {
                            (*unicode_codes)
                                .then(|| char::from_u32(code).map(String::from))
                                .flatten()
                        });
                    out.push(DecodedCode {
                        text,
                        width: self.width(code),
                        is_word_space: len == 1 && code == 32,
                    });
                    i += len.max(1);
                }
            }
        }
        out
    }

    fn width(&self, code: u32) -> f32 {
        let w = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid { default, ranges } => ranges
                .iter()
                .find(|(lo, hi, _)| code >= *lo && code <= *hi)
                .map(|(lo, _, ws)| match ws.len() {
                    1 => ws[0],
                    _ => ws.get((code - lo) as usize).copied().unwrap_or(*default),
                })
                .unwrap_or(*default),
        };
        w * self.width_scale / 1000.0
    }
}

/// Subset fonts are named `ABCDEF+Name`.
pub fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

const STYLE_WORDS: &[&str] = &[
    "Regular",
    "Roman",
    "Book",
    "Normal",
    "Medium",
    "Light",
    "Bold",
    "Semibold",
    "SemiBold",
    "Black",
    "Heavy",
    "Italic",
    "Oblique",
    "BoldItalic",
    "BoldOblique",
    "MT",
    "PS",
    "PSMT",
];

/// Known PostScript family names whose spelled-out form is not a plain camel-case split.
const FAMILIES: &[(&str, &str)] = &[
    ("TimesNewRoman", "Times New Roman"),
    ("Times", "Times"),
    ("Arial", "Arial"),
    ("DejaVuSerif", "DejaVu Serif"),
    ("DejaVuSans", "DejaVu Sans"),
    ("DejaVuSansMono", "DejaVu Sans Mono"),
    ("CourierNew", "Courier New"),
];

/// `TimesNewRomanPS-BoldItalicMT` → ("Times New Roman", bold, italic). Legacy names
/// (`.VnTime`, `VNI-Times`) keep their spelling, which is what identifies the encoding.
pub fn family_and_style(raw: &str) -> (String, bool, bool) {
    let (base, style) = match raw.split_once(',') {
        Some((b, s)) => (b, s.to_string()),
        None => match raw.rsplit_once('-') {
            Some((b, s)) if !b.is_empty() && is_style(s) => (b, s.to_string()),
            _ => (raw, String::new()),
        },
    };
    let lower = raw.to_ascii_lowercase();
    let bold = ["bold", "black", "heavy", "semibold"]
        .iter()
        .any(|w| lower.contains(w));
    let italic = ["italic", "oblique"].iter().any(|w| lower.contains(w));
    let _ = style;
    if legacy::encoding_for_font(base).is_some() || base.starts_with('.') {
        return (base.to_string(), bold, italic);
    }
    let mut core = base;
    for suffix in ["PSMT", "MT", "PS"] {
        if let Some(c) = core.strip_suffix(suffix)
            && !c.is_empty()
        {
            core = c;
            break;
        }
    }
    if let Some((_, family)) = FAMILIES.iter().find(|(k, _)| *k == core) {
        return (family.to_string(), bold, italic);
    }
    (split_camel(core), bold, italic)
}

fn is_style(s: &str) -> bool {
    let s = s.trim_end_matches("MT");
    s.is_empty()
        || STYLE_WORDS.contains(&s)
        || STYLE_WORDS
            .iter()
            .any(|a| s.strip_prefix(a).is_some_and(|r| STYLE_WORDS.contains(&r)))
}

/// `LiberationSerif` → `Liberation Serif`; runs of capitals stay together (`PTSans` → `PT Sans`).
fn split_camel(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || (prev.is_uppercase() && next_lower) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

fn simple_widths(doc: &Document, dict: &Dictionary, descriptor: Option<&Dictionary>) -> Widths {
    let first = number_of(doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0);
    let widths: Vec<f32> = deref(doc, dict.get(b"Widths").ok())
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .map(|o| number_of(doc, Some(o)).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let missing = descriptor
        .and_then(|d| number_of(doc, d.get(b"MissingWidth").ok()))
        .filter(|w| *w > 0.0)
        // The standard 14 fonts come without widths; half an em is a fair average for text.
        .unwrap_or(500.0);
    Widths::Simple {
        first: first.max(0.0) as u32,
        widths,
        missing,
    }
}

fn cid_widths(doc: &Document, cid_font: &Dictionary) -> Widths {
    let default = number_of(doc, cid_font.get(b"DW").ok()).unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(Object::Array(w)) = deref(doc, cid_font.get(b"W").ok()) {
        let mut i = 0;
        while i < w.len() {
            let Some(first) = number_of(doc, w.get(i)) else {
                break;
            };
            match deref(doc, w.get(i + 1)) {
                Some(Object::Array(list)) => {
                    let ws: Vec<f32> = list
                        .iter()
                        .map(|o| number_of(doc, Some(o)).unwrap_or(default))
                        .collect();
                    let first = first.max(0.0) as u32;
                    let last = first.saturating_add(ws.len().saturating_sub(1) as u32);
                    if !ws.is_empty() {
                        ranges.push((first, last, ws));
                    }
                    i += 2;
                }
                Some(_) => {
                    let last = number_of(doc, w.get(i + 1)).unwrap_or(first);
                    let width = number_of(doc, w.get(i + 2)).unwrap_or(default);
                    if last >= first {
                        ranges.push((first.max(0.0) as u32, last.max(0.0) as u32, vec![width]));
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    Widths::Cid { default, ranges }
}

/// The encoding written in the clear-text part of an embedded Type 1 font program:
/// `/Encoding StandardEncoding def`, or `dup 65 /A put` lines.
fn type1_builtin_encoding(
    doc: &Document,
    descriptor: &Dictionary,
    budget: &Budget,
) -> Option<Vec<Option<String>>> {
    let Object::Stream(font_file) = deref(doc, descriptor.get(b"FontFile").ok())? else {
        return None;
    };
    let data = stream_data(font_file, budget).ok()?;
    let clear_len = number_of(doc, font_file.dict.get(b"Length1").ok())
        .map(|l| l.max(0.0) as usize)
        .unwrap_or(data.len())
        .min(data.len());
    let clear = String::from_utf8_lossy(&data[..clear_len]);
    let clear = clear.split("eexec").next().unwrap_or_default();
    let after = &clear[clear.find("/Encoding")? + "/Encoding".len()..];
    if after.trim_start().starts_with("StandardEncoding") {
        return Some(base_table("StandardEncoding"));
    }
    let mut table: Vec<Option<String>> = vec![None; 256];
    let words: Vec<&str> = after.split_whitespace().take(256 * 4 + 16).collect();
    let mut found = false;
    for w in words.windows(4) {
        if w[0] == "dup"
            && w[3] == "put"
            && let (Ok(code), Some(name)) = (w[1].parse::<usize>(), w[2].strip_prefix('/'))
            && let Some(slot) = table.get_mut(code)
        {
            *slot = glyph_to_text(name);
            found = true;
        }
    }
    found.then_some(table)
}

fn apply_differences(table: &mut [Option<String>], diffs: &[Object]) {
    let mut code: i64 = 0;
    for item in diffs {
        match item {
            Object::Integer(n) => code = *n,
            Object::Real(n) => code = *n as i64,
            Object::Name(name) => {
                if let Some(slot) = usize::try_from(code).ok().and_then(|c| table.get_mut(c)) {
                    *slot = glyph_to_text(&String::from_utf8_lossy(name));
                }
                code += 1;
            }
            _ => {}
        }
    }
}

/// The standard single-byte encodings. WinAnsi and MacRoman come from `encoding_rs`
/// (Windows-1252 and Mac Roman are the same tables); StandardEncoding differs from ASCII in
/// the quotes and the upper half, listed here.
fn base_table(name: &str) -> Vec<Option<String>> {
    let mut table: Vec<Option<String>> = vec![None; 256];
    for (b, slot) in table.iter_mut().enumerate().take(0x7f).skip(0x20) {
        *slot = Some(char::from(b as u8).to_string());
    }
    match name {
        "MacRomanEncoding" => {
            for (b, slot) in table.iter_mut().enumerate().skip(0x80) {
                let byte = [b as u8];
                let (text, _, bad) = encoding_rs::MACINTOSH.decode(&byte);
                if !bad {
                    *slot = Some(text.into_owned());
                }
            }
        }
        "StandardEncoding" => {
            table[0x27] = Some("\u{2019}".into());
            table[0x60] = Some("\u{2018}".into());
            for (code, text) in STANDARD_UPPER {
                table[*code as usize] = Some((*text).to_string());
            }
        }
        _ => {
            // WinAnsiEncoding, and the fallback for names we do not know.
            for (b, slot) in table.iter_mut().enumerate().skip(0x80) {
                if matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d) {
                    continue;
                }
                let byte = [b as u8];
                let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(&byte);
                if !bad {
                    *slot = Some(text.into_owned());
                }
            }
        }
    }
    table
}

const STANDARD_UPPER: &[(u8, &str)] = &[
    (0xa1, "¡"),
    (0xa2, "¢"),
    (0xa3, "£"),
    (0xa4, "\u{2044}"),
    (0xa5, "¥"),
    (0xa6, "ƒ"),
    (0xa7, "§"),
    (0xa8, "¤"),
    (0xa9, "'"),
    (0xaa, "\u{201c}"),
    (0xab, "«"),
    (0xac, "\u{2039}"),
    (0xad, "\u{203a}"),
    (0xae, "fi"),
    (0xaf, "fl"),
    (0xb1, "\u{2013}"),
    (0xb2, "\u{2020}"),
    (0xb3, "\u{2021}"),
    (0xb4, "·"),
    (0xb6, "¶"),
    (0xb7, "\u{2022}"),
    (0xb8, "\u{201a}"),
    (0xb9, "\u{201e}"),
    (0xba, "\u{201d}"),
    (0xbb, "»"),
    (0xbc, "\u{2026}"),
    (0xbd, "\u{2030}"),
    (0xbf, "¿"),
    (0xc1, "`"),
    (0xc2, "´"),
    (0xc3, "\u{2c6}"),
    (0xc4, "\u{2dc}"),
    (0xc5, "¯"),
    (0xc6, "\u{2d8}"),
    (0xc7, "\u{2d9}"),
    (0xc8, "¨"),
    (0xca, "\u{2da}"),
    (0xcb, "¸"),
    (0xcd, "\u{2dd}"),
    (0xce, "\u{2db}"),
    (0xcf, "\u{2c7}"),
    (0xd0, "\u{2014}"),
    (0xe1, "Æ"),
    (0xe3, "ª"),
    (0xe8, "Ł"),
    (0xe9, "Ø"),
    (0xea, "Œ"),
    (0xeb, "º"),
    (0xf1, "æ"),
    (0xf5, "ı"),
    (0xf8, "ł"),
    (0xf9, "ø"),
    (0xfa, "œ"),
    (0xfb, "ß"),
];

/// Fonts already read on this document, by object id (pages share their fonts).
pub type FontCache = HashMap<lopdf::ObjectId, std::rc::Rc<PdfFont>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn test_budget() -> Budget {
        Budget::new(super::super::budget::BudgetLimits::with_stream_limit(
            1 << 20,
        ))
    }

    #[test]
    fn family_names_from_postscript_names() {
        assert_eq!(
            family_and_style("TimesNewRomanPSMT"),
            ("Times New Roman".into(), false, false)
        );
        assert_eq!(
            family_and_style("TimesNewRomanPS-BoldItalicMT"),
            ("Times New Roman".into(), true, true)
        );
        assert_eq!(
            family_and_style("TimesNewRoman,Bold"),
            ("Times New Roman".into(), true, false)
        );
        assert_eq!(
            family_and_style("LiberationSerif-Bold"),
            ("Liberation Serif".into(), true, false)
        );
        assert_eq!(family_and_style("ArialMT"), ("Arial".into(), false, false));
        assert_eq!(
            family_and_style("DejaVuSerif-Italic"),
            ("DejaVu Serif".into(), false, true)
        );
        assert_eq!(
            family_and_style(".VnTimeH"),
            (".VnTimeH".into(), false, false)
        );
        assert_eq!(
            family_and_style("VNI-Times"),
            ("VNI-Times".into(), false, false)
        );
        assert_eq!(strip_subset("BAAAAA+LiberationSerif"), "LiberationSerif");
        assert_eq!(strip_subset("Abc+Def"), "Abc+Def");
    }

    #[test]
    fn type1_program_encoding_is_read() {
        let mut doc = Document::new();
        let program = b"%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
dup 1 /Delta put\ndup 65 /A put\ndup 123 /endash put\nreadonly def\ncurrentfile eexec\x80\x81dup 66 /B put";
        let mut dict = Dictionary::new();
        dict.set("Length1", 166i64);
        let id = doc.add_object(lopdf::Stream::new(dict, program.to_vec()));
        let mut descriptor = Dictionary::new();
        descriptor.set("FontFile", Object::Reference(id));
        let table = type1_builtin_encoding(&doc, &descriptor, &test_budget()).expect("encoding");
        assert_eq!(table[1].as_deref(), Some("Δ"));
        assert_eq!(table[65].as_deref(), Some("A"));
        assert_eq!(table[123].as_deref(), Some("\u{2013}"));
        // Past eexec the program is encrypted: nothing there is read.
        assert_eq!(table[66], None);
        let mut std_program = Dictionary::new();
        std_program.set("Length1", 47i64);
        let id = doc.add_object(lopdf::Stream::new(
            std_program,
            b"/FontName /X def /Encoding StandardEncoding def".to_vec(),
        ));
        descriptor.set("FontFile", Object::Reference(id));
        let table = type1_builtin_encoding(&doc, &descriptor, &test_budget()).expect("standard");
        assert_eq!(table[0x27].as_deref(), Some("\u{2019}"));
    }

    #[test]
    fn base_tables_and_differences() {
        let win = base_table("WinAnsiEncoding");
        assert_eq!(win[0x41].as_deref(), Some("A"));
        assert_eq!(win[0x93].as_deref(), Some("\u{201c}"));
        assert_eq!(win[0xe0].as_deref(), Some("à"));
        assert_eq!(win[0x81], None);
        let std = base_table("StandardEncoding");
        assert_eq!(std[0x27].as_deref(), Some("\u{2019}"));
        assert_eq!(std[0xae].as_deref(), Some("fi"));
        let mac = base_table("MacRomanEncoding");
        assert_eq!(mac[0x8e].as_deref(), Some("é"));
        let mut t = base_table("WinAnsiEncoding");
        apply_differences(
            &mut t,
            &[
                Object::Integer(128),
                Object::Name(b"uni1EA1".to_vec()),
                Object::Name(b"ohorn".to_vec()),
                Object::Name(b"g77".to_vec()),
            ],
        );
        assert_eq!(t[128].as_deref(), Some("ạ"));
        assert_eq!(t[129].as_deref(), Some("ơ"));
        assert_eq!(t[130], None);
    }
}
