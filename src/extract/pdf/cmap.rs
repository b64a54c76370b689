//! ToUnicode and embedded encoding CMaps: which byte sequences are codes, and what text each
//! code stands for.
//!
//! Word and LibreOffice write subset fonts whose codes mean nothing without this map, so it is
//! the first thing a glyph is decoded through. The parser is a small tokenizer of our own:
//! lopdf's CMap parser is private and gives up on a whole map at the first odd entry, while
//! real files carry comments, names as targets and ranges that cross a byte boundary.

use std::collections::HashMap;

/// A `bfrange` never expands into more codes than this; larger ranges are kept as ranges.
const MAX_CODE_LEN: usize = 4;

#[derive(Debug, Clone, Default)]
pub struct CMap {
    /// `(byte length, low, high)` from `begincodespacerange`.
    codespace: Vec<(usize, u32, u32)>,
    single: HashMap<(usize, u32), String>,
    ranges: Vec<RangeMapping>,
}

#[derive(Debug, Clone)]
struct RangeMapping {
    len: usize,
    lo: u32,
    hi: u32,
    target: RangeTarget,
}

#[derive(Debug, Clone)]
enum RangeTarget {
    /// The first code maps to these UTF-16 units; each next code adds one to the last unit.
    Incrementing(Vec<u16>),
    /// One target per code, in order.
    Listed(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Name(String),
    Keyword(String),
    Number,
    ArrayStart,
    ArrayEnd,
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                let mut digits = Vec::new();
                while i < data.len() && data[i] != b'>' {
                    if data[i].is_ascii_hexdigit() {
                        digits.push(data[i]);
                    }
                    i += 1;
                }
                i += 1;
                if digits.len() % 2 == 1 {
                    digits.push(b'0');
                }
                let bytes = digits
                    .chunks(2)
                    .map(|p| (hex_val(p[0]) << 4) | hex_val(p[1]))
                    .collect();
                out.push(Token::Hex(bytes));
            }
            b'(' => {
                // Literal strings appear in CMap headers only (Registry, Ordering); skip them.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'/' => {
                i += 1;
                let start = i;
                while i < data.len() && !is_delimiter(data[i]) {
                    i += 1;
                }
                out.push(Token::Name(
                    String::from_utf8_lossy(&data[start..i]).into_owned(),
                ));
            }
            _ if is_white(b) => i += 1,
            _ if is_delimiter(b) => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_delimiter(data[i]) {
                    i += 1;
                }
                let word = &data[start..i];
                if word
                    .iter()
                    .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b'-' || *c == b'+')
                {
                    out.push(Token::Number);
                } else {
                    out.push(Token::Keyword(String::from_utf8_lossy(word).into_owned()));
                }
            }
        }
    }
    out
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    is_white(b)
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

fn code_of(bytes: &[u8]) -> Option<(usize, u32)> {
    if bytes.is_empty() || bytes.len() > MAX_CODE_LEN {
        return None;
    }
    Some((
        bytes.len(),
        bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)),
    ))
}

/// UTF-16BE bytes of a CMap target to text; unpaired surrogates become U+FFFD (counted by
/// nobody: they are the file's own mistake, not a code we failed to read).
fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| {
            let hi = u16::from(p[0]);
            let lo = u16::from(p.get(1).copied().unwrap_or(0));
            (hi << 8) | lo
        })
        .collect();
    String::from_utf16_lossy(&units)
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

impl CMap {
    /// Parse a CMap stream. Never fails: entries that cannot be read are skipped, and an empty
    /// map simply decodes nothing.
    pub fn parse(data: &[u8]) -> CMap {
        let tokens = tokenize(data);
        let mut map = CMap::default();
        let mut i = 0;
        while i < tokens.len() {
            let Token::Keyword(kw) = &tokens[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match kw.as_str() {
                "begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                            map.codespace.push((len, lo, hi));
                        }
                        i += 2;
                    }
                }
                "beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let text = match dst {
                            Token::Hex(d) => Some(utf16_text(d)),
                            Token::Name(n) => super::glyph_names::glyph_to_text(n),
                            _ => None,
                        };
                        if let (Some(code), Some(text)) = (code_of(src), text) {
                            map.single.insert(code, text);
                        }
                        i += 2;
                    }
                }
                "beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        i += 2;
                        let target = match tokens.get(i) {
                            Some(Token::Hex(d)) => {
                                i += 1;
                                Some(RangeTarget::Incrementing(utf16_units(d)))
                            }
                            Some(Token::ArrayStart) => {
                                i += 1;
                                let mut items = Vec::new();
                                while let Some(t) = tokens.get(i) {
                                    i += 1;
                                    match t {
                                        Token::Hex(d) => items.push(utf16_text(d)),
                                        Token::Name(n) => items.push(
                                            super::glyph_names::glyph_to_text(n)
                                                .unwrap_or_default(),
                                        ),
                                        Token::ArrayEnd => break,
                                        _ => {}
                                    }
                                }
                                Some(RangeTarget::Listed(items))
                            }
                            _ => None,
                        };
                        if let (Some((len, lo)), Some((_, hi)), Some(target)) =
                            (code_of(lo), code_of(hi), target)
                            && lo <= hi
                        {
                            map.ranges.push(RangeMapping {
                                len,
                                lo,
                                hi,
                                target,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.single.is_empty() && self.ranges.is_empty()
    }

    /// The length of the code that starts `bytes`, by the codespace ranges (shortest match
    /// first, as the PDF specification reads them). `None` when no range matches.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for len in 1..=MAX_CODE_LEN {
            let Some(prefix) = bytes.get(..len) else {
                break;
            };
            let Some((_, code)) = code_of(prefix) else {
                continue;
            };
            if self
                .codespace
                .iter()
                .any(|&(l, lo, hi)| l == len && code >= lo && code <= hi)
            {
                return Some(len);
            }
        }
        None
    }

    /// Text for a code of `len` bytes, or `None` when the map does not cover it. A code is
    /// also tried at the other lengths the map uses, since some writers declare a two-byte
    /// codespace and list one-byte codes.
    pub fn lookup(&self, len: usize, code: u32) -> Option<String> {
        if let Some(t) = self.single.get(&(len, code)) {
            return Some(t.clone());
        }
        for r in &self.ranges {
            if r.len == len && code >= r.lo && code <= r.hi {
                let offset = (code - r.lo) as usize;
                return match &r.target {
                    RangeTarget::Incrementing(units) => {
                        let mut units = units.clone();
                        if let Some(last) = units.last_mut() {
                            *last = last.wrapping_add(offset as u16);
                        }
                        Some(String::from_utf16_lossy(&units))
                    }
                    RangeTarget::Listed(items) => items.get(offset).cloned(),
                };
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
2 beginbfchar\n<0003> <0020>\n<0010> <1EA1>\nendbfchar\n\
2 beginbfrange\n<0020> <0022> <0061>\n<0030> <0032> [<0110> <01B0> <0061 0301>]\nendbfrange\n\
endcmap\n% a comment <0040> <0041>\n";

    #[test]
    fn bfchar_bfrange_and_array_targets_decode() {
        let m = CMap::parse(SAMPLE);
        assert_eq!(m.lookup(2, 0x0003).as_deref(), Some(" "));
        assert_eq!(m.lookup(2, 0x0010).as_deref(), Some("ạ"));
        assert_eq!(m.lookup(2, 0x0021).as_deref(), Some("b"));
        assert_eq!(m.lookup(2, 0x0022).as_deref(), Some("c"));
        assert_eq!(m.lookup(2, 0x0030).as_deref(), Some("Đ"));
        assert_eq!(m.lookup(2, 0x0031).as_deref(), Some("ư"));
        assert_eq!(m.lookup(2, 0x0032).as_deref(), Some("a\u{301}"));
        assert_eq!(m.lookup(2, 0x0040), None);
        assert_eq!(m.lookup(2, 0x0023), None);
    }

    #[test]
    fn codespace_gives_code_length() {
        let m = CMap::parse(SAMPLE);
        assert_eq!(m.code_len(&[0x00, 0x10, 0x41]), Some(2));
        assert_eq!(m.code_len(&[0x00]), None);
        let mixed = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange");
        assert_eq!(mixed.code_len(&[0x41, 0x42]), Some(1));
        assert_eq!(mixed.code_len(&[0x81, 0x40]), Some(2));
    }

    #[test]
    fn garbage_never_panics() {
        for data in [
            &b"beginbfrange <00> endbfrange"[..],
            b"beginbfchar <",
            b"begincodespacerange <0102030405> <FF> endcodespacerange",
            b"beginbfrange <10> <01> <41> endbfrange (unterminated \\",
        ] {
            let m = CMap::parse(data);
            let _ = m.lookup(1, 0x10);
        }
    }
}
