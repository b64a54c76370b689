//! The content-stream lexer: operators and their operands, read straight from the bytes.
//!
//! lopdf's `Content::decode_iter` builds an owned `Operation` per operator (a `String` for
//! the operator, a `Vec<Object>` for the operands, a `Vec<u8>` per string and name); on a
//! LibreOffice page that is most of the reading time (issue 14, "PDF reading speed"). Here
//! operands borrow from the stream (a string is copied only when it holds escapes), the
//! operand list is reused from one operator to the next, and the operator is a byte slice
//! the walker matches on directly. What the walker never looks at (dictionaries of marked
//! content, inline image data) is skipped without being built.

use std::borrow::Cow;

/// Operands kept per operator; a stream of numbers with no operator between them must not
/// grow memory without bound (the extra ones are dropped, as no operator takes more).
const MAX_OPERANDS: usize = 64;
/// Arrays and dictionaries nested deeper than this are skipped whole.
const MAX_NESTING: usize = 32;

/// One operand. Numbers are `f32`, as the walker computes in `f32`.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    /// A name without its `/`, `#xx` escapes decoded.
    Name(Cow<'a, [u8]>),
    /// A literal or hex string, decoded.
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// `true`, `false`, `null`, a dictionary: nothing the walker reads.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// Where a stream stopped making sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub offset: usize,
    pub what: &'static str,
}

impl std::fmt::Display for LexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.offset)
    }
}

pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// The operands of the operator last returned.
    pub operands: Vec<Operand<'a>>,
    failed: bool,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            operands: Vec::with_capacity(8),
            failed: false,
        }
    }

    /// The next operator, its operands in [`Lexer::operands`]; `None` at the end; an error
    /// once where the stream cannot be read on (then `None`).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Result<&'a [u8], LexError>> {
        if self.failed {
            return None;
        }
        self.operands.clear();
        loop {
            self.skip_white();
            let &b = self.data.get(self.pos)?;
            if is_regular(b) && !matches!(b, b'+' | b'-' | b'.' | b'0'..=b'9') {
                let word = self.word();
                match word {
                    b"true" | b"false" | b"null" => self.push(Operand::Other),
                    b"BI" => {
                        if let Err(e) = self.skip_inline_image() {
                            self.failed = true;
                            return Some(Err(e));
                        }
                        return Some(Ok(b"BI"));
                    }
                    _ => return Some(Ok(word)),
                }
                continue;
            }
            match self.operand(0) {
                Ok(Some(op)) => self.push(op),
                Ok(None) => {}
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            }
        }
    }

    fn push(&mut self, op: Operand<'a>) {
        if self.operands.len() < MAX_OPERANDS {
            self.operands.push(op);
        }
    }

    fn err(&self, what: &'static str) -> LexError {
        LexError {
            offset: self.pos,
            what,
        }
    }

    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|b| is_regular(*b)) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// One operand starting at `pos` (whitespace skipped); `None` for a stray byte.
    fn operand(&mut self, depth: usize) -> Result<Option<Operand<'a>>, LexError> {
        self.skip_white();
        let Some(&b) = self.data.get(self.pos) else {
            return Err(self.err("unexpected end"));
        };
        match b {
            b'/' => {
                self.pos += 1;
                Ok(Some(Operand::Name(decode_name(self.word()))))
            }
            b'(' => self.literal().map(|s| Some(Operand::Str(s))),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dict(depth)?;
                Ok(Some(Operand::Other))
            }
            b'<' => self.hex().map(|s| Some(Operand::Str(Cow::Owned(s)))),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.data.get(self.pos) {
                        None => return Err(self.err("unclosed array")),
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) if depth >= MAX_NESTING => {
                            return Err(self.err("arrays nested too deep"));
                        }
                        Some(c) if is_regular(*c) && !is_number_start(*c) => {
                            // true/false/null inside an array; an operator here is broken.
                            let w = self.word();
                            if !matches!(w, b"true" | b"false" | b"null") {
                                return Err(self.err("operator inside an array"));
                            }
                            items.push(Operand::Other);
                        }
                        Some(_) => {
                            if let Some(op) = self.operand(depth + 1)? {
                                items.push(op);
                            }
                        }
                    }
                }
                Ok(Some(Operand::Array(items)))
            }
            c if is_number_start(c) => Ok(Some(self.number())),
            _ => {
                // A stray `)`, `>`, `]`, `{`, `}`: skip it, as readers do.
                self.pos += 1;
                Ok(None)
            }
        }
    }

    fn number(&mut self) -> Operand<'a> {
        let start = self.pos;
        let mut neg = false;
        while let Some(&b) = self.data.get(self.pos) {
            match b {
                b'-' => neg = !neg,
                b'+' => {}
                _ => break,
            }
            self.pos += 1;
        }
        let mut int: u64 = 0;
        let mut digits = 0usize;
        while let Some(&b) = self.data.get(self.pos) {
            if !b.is_ascii_digit() {
                break;
            }
            if digits < 18 {
                int = int * 10 + u64::from(b - b'0');
            }
            digits += 1;
            self.pos += 1;
        }
        let mut value = if digits > 18 {
            // Absurdly long: read it the slow way.
            std::str::from_utf8(&self.data[start..self.pos])
                .ok()
                .and_then(|s| s.trim_start_matches(['+', '-']).parse::<f64>().ok())
                .unwrap_or(0.0)
        } else {
            int as f64
        };
        if self.data.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            let mut scale = 0.1f64;
            while let Some(&b) = self.data.get(self.pos) {
                if !b.is_ascii_digit() {
                    break;
                }
                value += f64::from(b - b'0') * scale;
                scale *= 0.1;
                self.pos += 1;
            }
        }
        // Glued garbage ("12.5.3", "4-2") belongs to this token.
        while self.data.get(self.pos).is_some_and(|b| is_regular(*b)) {
            self.pos += 1;
        }
        Operand::Number(if neg { -value as f32 } else { value as f32 })
    }

    fn literal(&mut self) -> Result<Cow<'a, [u8]>, LexError> {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 0usize;
        // Fast path: no backslash before the closing parenthesis.
        let mut i = start;
        while let Some(&b) = self.data.get(i) {
            match b {
                b'\\' => break,
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.data[start..i]));
                }
                b')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let mut out = Vec::with_capacity(i - start + 16);
        let mut depth = 0usize;
        let mut i = start;
        loop {
            let Some(&b) = self.data.get(i) else {
                self.pos = i;
                return Err(self.err("unclosed string"));
            };
            i += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(i) else {
                        continue;
                    };
                    i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.data.get(i) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        self.pos = i;
        Ok(Cow::Owned(out))
    }

    fn hex(&mut self) -> Result<Vec<u8>, LexError> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(&b) = self.data.get(self.pos) else {
                return Err(self.err("unclosed hex string"));
            };
            self.pos += 1;
            let v = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Ok(out)
    }

    /// Past the `>>` that closes a dictionary whose `<<` was just read.
    fn skip_dict(&mut self, depth: usize) -> Result<(), LexError> {
        if depth >= MAX_NESTING {
            return Err(self.err("dictionaries nested too deep"));
        }
        loop {
            self.skip_white();
            match self.data.get(self.pos) {
                None => return Err(self.err("unclosed dictionary")),
                Some(b'>') if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(());
                }
                Some(c) if is_regular(*c) && !is_number_start(*c) => {
                    self.word();
                }
                Some(_) => {
                    self.operand(depth + 1)?;
                }
            }
        }
    }

    /// `BI` just read: skip the image's dictionary up to `ID`, its data up to `EI`.
    fn skip_inline_image(&mut self) -> Result<(), LexError> {
        loop {
            self.skip_white();
            match self.data.get(self.pos) {
                None => return Err(self.err("inline image without ID")),
                Some(c) if is_regular(*c) && !is_number_start(*c) => {
                    if self.word() == b"ID" {
                        break;
                    }
                }
                Some(_) => {
                    self.operand(1)?;
                }
            }
        }
        // One white-space byte after ID, then binary data ended by white space, `EI` and
        // white space (or the end).
        self.pos += 1;
        let d = self.data;
        let mut i = self.pos;
        while i + 1 < d.len() {
            if d[i] == b'E'
                && d[i + 1] == b'I'
                && i > 0
                && is_white(d[i - 1])
                && d.get(i + 2)
                    .is_none_or(|b| is_white(*b) || is_delimiter(*b))
            {
                self.pos = i + 2;
                return Ok(());
            }
            i += 1;
        }
        self.pos = d.len();
        Err(self.err("inline image without EI"))
    }
}

fn is_number_start(b: u8) -> bool {
    matches!(b, b'+' | b'-' | b'.' | b'0'..=b'9')
}

/// A name's bytes with `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return Cow::Borrowed(raw);
    }
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (
                raw.get(i + 1).and_then(|b| hex(*b)),
                raw.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        while let Some(Ok(op)) = lexer.next() {
            out.push((
                String::from_utf8_lossy(op).into_owned(),
                lexer.operands.clone(),
            ));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let got = ops(b"q 1 0 0 1 72.5 -.5 cm BT /F1#20x 12 Tf (a\\(b\\)\\101\\\n) Tj [(x) -250 <4142 3>] TJ ET Q % note\n/P <</MCID 3 /T (x>>)>> BDC EMC");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(
            names,
            ["q", "cm", "BT", "Tf", "Tj", "TJ", "ET", "Q", "BDC", "EMC"]
        );
        assert_eq!(got[1].1[4], Operand::Number(72.5));
        assert_eq!(got[1].1[5], Operand::Number(-0.5));
        assert_eq!(got[3].1[0], Operand::Name(Cow::Borrowed(&b"F1 x"[..])));
        assert_eq!(got[4].1[0], Operand::Str(Cow::Borrowed(&b"a(b)A"[..])));
        assert_eq!(
            got[5].1[0],
            Operand::Array(vec![
                Operand::Str(Cow::Borrowed(&b"x"[..])),
                Operand::Number(-250.0),
                Operand::Str(Cow::Borrowed(&b"AB0"[..])),
            ])
        );
        assert_eq!(got[8].1.len(), 2, "the name and the skipped dictionary");
    }

    #[test]
    fn inline_images_are_skipped_whole() {
        let got = ops(b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BI", "Q"]);
    }

    #[test]
    fn broken_streams_stop_with_an_error() {
        let mut lexer = Lexer::new(b"BT (never closed Tj");
        assert_eq!(lexer.next(), Some(Ok(&b"BT"[..])));
        assert!(matches!(lexer.next(), Some(Err(_))));
        assert_eq!(lexer.next(), None);
        // Numbers without an operator are capped, not hoarded.
        let many = "1 ".repeat(10_000) + "m";
        let mut lexer = Lexer::new(many.as_bytes());
        assert_eq!(lexer.next(), Some(Ok(&b"m"[..])));
        assert_eq!(lexer.operands.len(), MAX_OPERANDS);
        // Garbage of every byte never panics.
        let junk: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let mut lexer = Lexer::new(&junk);
        while lexer.next().is_some() {}
    }
}
