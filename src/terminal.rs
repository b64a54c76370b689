//! Names are data (issue #14, item 6): a file named `E1 \e[2J\e[1;32mALL PASSED` must not
//! clear a council member's screen and print a green "ALL PASSED", and a name with U+202E
//! (right-to-left override) (written `evil`, U+202E, `xcod.exe`) must not show as `evilexe.docx`.
//!
//! Everything a command prints that came from outside (file names, extracted text, manifest
//! fields, messages that quote them) goes through this module: control characters, C1
//! controls and bidi controls become visible marks like `<U+001B>`. Commands that print
//! nothing of their own in escapes write through [`SafeWriter`], which does it for the whole
//! stream; others call [`visible`] on each piece of data.

use std::borrow::Cow;
use std::io::Write;

/// Whether a character would act on the terminal (or reorder the text) instead of showing:
/// C0 controls, DEL, C1 controls, and the Unicode bidi controls.
pub fn is_active(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// How an active character is shown: `<U+202E>`.
pub fn mark(c: char) -> String {
    format!("<U+{:04X}>", c as u32)
}

/// A name (one line) made safe to print: every active character, tab and line breaks
/// included, becomes a visible mark.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// Text (many lines) made safe to print: like [`visible`] but tabs and line breaks stay.
pub fn visible_text(text: &str) -> Cow<'_, str> {
    escape(text, |c| matches!(c, '\n' | '\t'))
}

/// JSON text (as serde_json writes it) made safe to print: active characters, which can only
/// stand inside JSON strings, become `\uXXXX` escapes, so the data read back is unchanged.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_active(c) && !matches!(c, '\n' | '\t'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_active(c) && !matches!(c, '\n' | '\t') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path's display form, made safe to print.
pub fn path(path: &std::path::Path) -> String {
    visible(&path.to_string_lossy()).into_owned()
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_active(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_active(c) && !keep(c) {
            out.push_str(&mark(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How a [`SafeWriter`] shows an active character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `<U+001B>`, for text output (tabs and line breaks kept).
    Text,
    /// `\u001b`, for JSON output: inside a JSON string it is the same character, so the
    /// data is unchanged and the terminal is safe (serde_json leaves bidi controls raw).
    Json,
}

/// A writer that shows every active character visibly, whatever is written through it.
/// UTF-8 split across writes is held until complete; bytes that are not UTF-8 are shown as
/// `<0xFF>`.
pub struct SafeWriter<W: Write> {
    inner: W,
    style: Style,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W, style: Style) -> Self {
        SafeWriter {
            inner,
            style,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, text: &str) -> std::io::Result<()> {
        let style = self.style;
        let escaped = escape(text, |c| matches!(c, '\n' | '\t'));
        match (style, escaped) {
            (_, Cow::Borrowed(t)) => self.inner.write_all(t.as_bytes()),
            (Style::Text, Cow::Owned(t)) => self.inner.write_all(t.as_bytes()),
            (Style::Json, Cow::Owned(_)) => self.inner.write_all(json(text).as_bytes()),
        }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        loop {
            match std::str::from_utf8(&self.pending) {
                Ok(text) => {
                    let text = text.to_string();
                    self.pending.clear();
                    self.emit(&text)?;
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    let text = String::from_utf8_lossy(&self.pending[..good]).into_owned();
                    self.emit(&text)?;
                    match e.error_len() {
                        // An incomplete character at the end: wait for the rest.
                        None => {
                            self.pending.drain(..good);
                            break;
                        }
                        Some(bad) => {
                            let shown: String = self.pending[good..good + bad]
                                .iter()
                                .map(|b| format!("<0x{b:02X}>"))
                                .collect();
                            self.inner.write_all(shown.as_bytes())?;
                            self.pending.drain(..good + bad);
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let shown: String = self
                .pending
                .iter()
                .map(|b| format!("<0x{b:02X}>"))
                .collect();
            self.pending.clear();
            self.inner.write_all(shown.as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Standard output, buffered, with every active character shown visibly.
pub fn stdout(style: Style) -> SafeWriter<std::io::BufWriter<std::io::StdoutLock<'static>>> {
    SafeWriter::new(std::io::BufWriter::new(std::io::stdout().lock()), style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_in_names_become_visible() {
        let name = "E1 \u{1b}[2J\u{1b}[1;32mALL PASSED\u{1b}[0m";
        assert_eq!(
            visible(name),
            "E1 <U+001B>[2J<U+001B>[1;32mALL PASSED<U+001B>[0m"
        );
        assert_eq!(visible("evil\u{202e}xcod.exe"), "evil<U+202E>xcod.exe");
        assert_eq!(visible("a\tb\nc"), "a<U+0009>b<U+000A>c");
        assert_eq!(visible_text("a\tb\nc\u{7}"), "a\tb\nc<U+0007>");
        assert!(matches!(visible("Bài dự thi số 1.docx"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{85}\u{2067}"), "<U+0085><U+2067>");
    }

    #[test]
    fn the_writer_escapes_across_split_writes_and_keeps_json_data() {
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out, Style::Text);
            let bytes = "ổ\u{1b}[2J\u{202e}x\n".as_bytes();
            // Split inside the multi-byte characters.
            for chunk in bytes.chunks(1) {
                w.write_all(chunk).unwrap();
            }
            w.write_all(b"\xff!").unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ổ<U+001B>[2J<U+202E>x\n<0xFF>!"
        );
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out, Style::Json);
            let json = serde_json::to_string(&"a\u{202e}b\u{1b}").unwrap();
            w.write_all(json.as_bytes()).unwrap();
        }
        let printed = String::from_utf8(out).unwrap();
        assert_eq!(printed, "\"a\\u202eb\\u001b\"");
        let back: String = serde_json::from_str(&printed).unwrap();
        assert_eq!(back, "a\u{202e}b\u{1b}");
    }
}
