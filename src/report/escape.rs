//! Making untrusted text safe for each place it lands: HTML text and attributes, JSON inside
//! a `<script>` element, file names, spreadsheet cells and XML documents.
//!
//! Entry texts, file names and manifest fields come from authors, not from us. An entry
//! containing `<script>` or `"><img onerror=…>` must read as those characters; a title
//! starting with `=` must stay a title in Excel (CSV/formula injection, OWASP).

use std::borrow::Cow;

/// Escape for HTML text and for quoted attribute values alike (`&`, `<`, `>`, `"`, `'`).
///
/// Works on bytes and copies the stretches between special characters whole: every special
/// character is ASCII, so each cut falls on a character boundary, and a page with a long
/// entry text is escaped in one pass without per-character pushes.
pub fn html(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|b| is_html_special(*b)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let mut at = first;
    while at < bytes.len() {
        let byte = bytes[at];
        let replacement: Cow<'static, str> = match byte {
            b'&' => "&amp;".into(),
            b'<' => "&lt;".into(),
            b'>' => "&gt;".into(),
            b'"' => "&quot;".into(),
            b'\'' => "&#39;".into(),
            // NUL is a parse error in HTML; show the replacement character instead.
            0 => "\u{FFFD}".into(),
            // Control and bidi characters in names and text are shown, not obeyed (#14).
            _ if is_html_special(byte) => match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) if crate::terminal::is_active(c) && !matches!(c, '\t' | '\n' | '\r') => {
                    let shown = crate::terminal::mark(c)
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    out.push_str(text.get(copied..at).unwrap_or(""));
                    out.push_str(&shown);
                    at += c.len_utf8();
                    copied = at;
                    continue;
                }
                _ => {
                    at += 1;
                    continue;
                }
            },
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(text.get(copied..at).unwrap_or(""));
        out.push_str(&replacement);
        at += 1;
        copied = at;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Bytes that may start something to escape: markup characters, controls, and the lead bytes
/// of C1 controls (0xC2), U+061C (0xD8) and the bidi controls U+200E… (0xE2).
fn is_html_special(byte: u8) -> bool {
    matches!(byte, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xC2 | 0xD8 | 0xE2)
        || (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r'))
        || byte == 0x7F
}

/// JSON that is safe inside `<script>`: no `</script>`, `<!--` or `&` can end or confuse the
/// element, and U+2028/U+2029 (line breaks to older JavaScript) are escaped too.
pub fn json_for_script(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A file stem made from an entry id: letters (any script, NFC), digits, `-` and `_` kept,
/// everything else `_`, no leading dot, at most 80 characters. Never a path: `../x` becomes
/// `___x`. Empty ids become `entry`; Windows device names (`CON`, `COM1`…) get a `_`.
pub fn file_stem(id: &str) -> String {
    let mut stem: String = crate::normalize::nfc(id)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if stem.trim_matches('_').is_empty() {
        stem = "entry".to_string();
    }
    // Windows reserves device names even with an extension (CON.html, com1.html).
    let upper = stem.to_ascii_uppercase();
    let reserved = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        stem.push('_');
    }
    stem
}

/// Whether a spreadsheet would read this cell as a formula (or a DDE payload) if typed in.
/// Leading spaces and zero-width characters are looked through, and the full-width
/// `＝ ＋ － ＠` count too (an IME turns them into formulas).
pub fn looks_like_formula(text: &str) -> bool {
    const STARTERS: [char; 8] = [
        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ];
    text.starts_with(['\t', '\r', '\n'])
        || text
            .trim_start_matches([
                ' ', '\u{a0}', '\u{3000}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}',
                '\u{FEFF}',
            ])
            .starts_with(STARTERS)
}

/// Text for one CSV field: a leading `'` when it would be read as a formula (OWASP's advice),
/// control characters dropped, and quoted when it holds a separator, quote or line break.
pub fn csv_field(text: &str) -> String {
    let cleaned = without_controls(text, true);
    let guarded = if looks_like_formula(&cleaned) {
        format!("'{cleaned}")
    } else {
        cleaned.into_owned()
    };
    if guarded.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Drop control characters that XML 1.0 forbids and that make no sense in a cell or a
/// document (keeping tab and line breaks when `keep_breaks`); bidi controls (U+202E…) are
/// shown as `<U+202E>` so a name cannot pass for another.
pub fn without_controls(text: &str, keep_breaks: bool) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(keep_breaks && matches!(c, '\t' | '\n' | '\r')))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    let bidi = |c: char| crate::terminal::is_active(c) && !c.is_control();
    if text.chars().any(|c| bad(c) || bidi(c)) {
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if bidi(c) {
                out.push_str(&crate::terminal::mark(c));
            } else if !bad(c) {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Cut `text` to at most `max_chars` characters, adding `…` when cut.
pub fn truncate_chars(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let keep = text[..cut].char_indices().nth(max_chars.saturating_sub(1));
            let end = keep.map_or(cut, |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..end]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(html("a & 'b'"), "a &amp; &#39;b&#39;");
        assert!(matches!(html("Cải cách hành chính"), Cow::Borrowed(_)));
        assert_eq!(html("ệ<ệ>\0ệ"), "ệ&lt;ệ&gt;\u{FFFD}ệ");
        assert_eq!(html("<"), "&lt;");
    }

    #[test]
    fn json_cannot_close_the_script_element() {
        let v = serde_json::json!({"t": "</script><script>alert(1)</script> & \u{2028}"});
        let out = json_for_script(&v);
        assert!(!out.contains("</"));
        assert!(!out.contains('<'));
        assert!(!out.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(back, v);
    }

    #[test]
    fn file_stems_never_leave_the_folder() {
        assert_eq!(file_stem("../../etc/passwd"), "______etc_passwd");
        assert_eq!(file_stem("Bài 01"), "Bài_01");
        assert_eq!(file_stem(".."), "entry");
        assert_eq!(file_stem(""), "entry");
        assert_eq!(file_stem(&"x".repeat(500)).chars().count(), 80);
        assert_eq!(file_stem("con"), "con_");
        assert_eq!(file_stem("COM1"), "COM1_");
        assert_eq!(file_stem("COMMA"), "COMMA");
    }

    #[test]
    fn csv_fields_are_text_not_formulas() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+84 912 345 678"), "'+84 912 345 678");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("\tcmd"), "'\tcmd");
        assert_eq!(csv_field("Sở Tư pháp"), "Sở Tư pháp");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("x\u{7}y"), "xy");
        // Zero-width and full-width starters (issue #14).
        assert_eq!(csv_field("\u{200B}=1+1"), "'\u{200B}=1+1");
        assert_eq!(csv_field("\u{FEFF}@x"), "'\u{FEFF}@x");
        assert_eq!(csv_field("\u{FF1D}SUM(A1)"), "'\u{FF1D}SUM(A1)");
        assert_eq!(csv_field("\u{3000}\u{FF0B}1"), "'\u{3000}\u{FF0B}1");
        assert_eq!(csv_field("\u{FF0D}1"), "'\u{FF0D}1");
        assert_eq!(csv_field("\u{FF20}x"), "'\u{FF20}x");
        assert_eq!(csv_field("evil\u{202E}xcod.exe"), "evil<U+202E>xcod.exe");
    }

    #[test]
    fn controls_and_bidi_show_in_html() {
        assert_eq!(
            html("a\u{1b}[2Jb\u{202E}c\td"),
            "a&lt;U+001B&gt;[2Jb&lt;U+202E&gt;c\td"
        );
        assert_eq!(
            html("Thủ tục “một cửa” — ĐƠN\u{a0}x"),
            "Thủ tục “một cửa” — ĐƠN\u{a0}x"
        );
        assert_eq!(html("\u{85}"), "&lt;U+0085&gt;");
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate_chars("Nguyễn", 10), "Nguyễn");
        assert_eq!(truncate_chars("Nguyễn Văn", 4), "Ngu…");
    }
}
