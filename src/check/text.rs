//! Small text helpers the rules share: folding for label matching, numbers and snippets in
//! the reader's language.

use unicode_normalization::UnicodeNormalization;

use crate::lang::Lang;

/// One char folded to lowercase without diacritics ("Đ" → 'd', "ể" → 'e'). One char in, one
/// char out, so positions in the folded text are positions in the original.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' => return 'd',
        _ => {}
    }
    let base = c.nfd().next().unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// The chars of `s` (NFC) with their folded forms, for matching labels typed with or without
/// diacritics while keeping the original spelling of the values.
pub(crate) fn folded_chars(s: &str) -> (Vec<char>, Vec<char>) {
    let original: Vec<char> = s.nfc().collect();
    let folded = original.iter().map(|c| fold_char(*c)).collect();
    (original, folded)
}

/// Lowercase, no diacritics: "Họ và tên" → "ho va ten".
pub(crate) fn fold(s: &str) -> String {
    s.nfc().map(fold_char).collect()
}

/// A share as a percentage with one decimal, in the language's convention ("98,5%").
pub(crate) fn pct(lang: Lang, share: f64) -> String {
    format!("{}%", crate::vocab::decimal(share * 100.0, 1, lang))
}

/// A count with thousands separators (Vietnamese "12.345", English "12,345").
pub(crate) fn count(lang: Lang, n: usize) -> String {
    crate::vocab::count(n, lang)
}

/// The first `max` characters of a paragraph, on one line, with "…" when cut.
pub(crate) fn snippet(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// Characters that count: everything but whitespace.
pub(crate) fn visible_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_positions() {
        assert_eq!(fold("Họ và TÊN, Điện thoại"), "ho va ten, dien thoai");
        let (o, f) = folded_chars("Đơn vị");
        assert_eq!(o.len(), f.len());
        // Decomposed input is composed first.
        assert_eq!(fold("Ho\u{0323} te\u{0302}n"), "ho ten");
    }

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(pct(Lang::Vi, 0.9851), "98,5%");
        assert_eq!(pct(Lang::En, 0.9851), "98.5%");
        assert_eq!(count(Lang::Vi, 1234567), "1.234.567");
        assert_eq!(count(Lang::En, 999), "999");
        assert_eq!(snippet("a  b\nc", 10), "a b c");
        assert_eq!(snippet("abcdef", 3), "abc…");
    }
}
