//! Stage 3: one form of Vietnamese text for comparing, folding and searching.
//!
//! Display keeps the author's spelling (NFC). Comparison uses [`comparison_form`]: NFC,
//! lowercase, one tone-placement convention (hoà and hòa compare equal). Search and name
//! matching add [`fold_ascii`] so text typed without diacritics matches ([`fold_key`]).
//!
//! Copy detection runs these over tens of millions of words, so the workhorses have
//! allocation-free forms that append to a caller's buffer ([`push_comparison_form`],
//! [`push_fold_ascii`]) and [`syllables`] walks a text without allocating.
//!
//! # Offsets
//! [`comparison_form`] maps char for char: the n-th char of `comparison_form(s)` comes from the
//! n-th char of `nfc(s)`. Byte lengths may still differ (moving a tone turns "ùy" (3 bytes)
//! into "uỳ" (4 bytes)), so a byte offset in the comparison form is mapped back to the NFC text
//! with [`comparison_form_with_map`] and [`OffsetMap::to_original`]. The simpler path, when
//! working word by word, is to run [`syllables`] over the original text (offsets are then
//! original offsets) and take each syllable's key with [`push_comparison_form`].

pub mod legacy;
pub mod syllable;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::is_nfc_quick;

pub use syllable::is_vietnamese_syllable;
use syllable::{place_tone, single_lowercase};

/// Whether `s` is NFC (by the standard's quick check: a "maybe" counts as no).
pub fn is_nfc(s: &str) -> bool {
    // Vietnamese text is almost all chars that are NFC on their own and never reorder with a
    // neighbour; such a text is NFC without looking each char up in the standard's tables.
    s.chars().all(nfc_on_its_own)
        || matches!(
            is_nfc_quick(s.chars()),
            unicode_normalization::IsNormalized::Yes
        )
}

/// Chars that are NFC whatever surrounds them (quick check "yes", combining class 0): below
/// U+0300 (ASCII, Latin-1, Latin Extended-A and -B: đ ơ ư), the Latin Extended Additional
/// block (the precomposed Vietnamese letters ạ ả ấ … ỹ) and the dashes, quotes, bullets and
/// ellipsis of General Punctuation. A test checks every one against the standard's tables.
#[inline]
fn nfc_on_its_own(c: char) -> bool {
    (c as u32) < 0x300 || matches!(c, '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// `s` in NFC, borrowed when it already is (the common case: extraction guarantees NFC).
pub fn nfc_cow(s: &str) -> Cow<'_, str> {
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(nfc(s))
    }
}

/// NFC + lowercase + one tone-placement convention.
///
/// The convention is the "new style" (dấu kiểu mới): the tone sits on the main vowel (âm
/// chính) of the syllable. In an open syllable spelled "oa", "oe" or "uy" the first letter is
/// only a glide, so the tone goes on the second — hoà, khoẻ, thuỷ, where the old style writes
/// hòa, khỏe, thủy; a vowel with a mark of its own (ă â ê ô ơ ư) always carries it (người,
/// thuở); "qu" and "gi" before a vowel are consonants (quý, giữ). We pick it because it is one
/// rule without exceptions, so every spelling, old, new or plainly misplaced (qúy, muà, cuả,
/// hòan), has exactly one target. Words that are not Vietnamese syllables (café, naïve) are
/// only lowercased. The i/y spelling (kĩ/kỹ, quy/qui) is NOT unified here, because in personal
/// names it is deliberate (Vy and Vi are two names); token streams for copy detection can add
/// it per syllable with [`syllable::unify_i_y`].
///
/// Char for char with `nfc(s)`; see the module docs for offsets.
pub fn comparison_form(s: &str) -> String {
    let s = nfc_cow(s);
    let mut out = String::with_capacity(s.len());
    push_comparison_form(&s, &mut out);
    out
}

/// Append the comparison form of `text` (expected NFC) to `out`, allocating nothing else.
pub fn push_comparison_form(text: &str, out: &mut String) {
    let mut last = 0;
    for (start, end) in syllables(text) {
        push_lowercase(&text[last..start], out);
        push_syllable_form(&text[start..end], out);
        last = end;
    }
    push_lowercase(&text[last..], out);
}

fn push_lowercase(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
    } else {
        out.extend(text.chars().map(single_lowercase));
    }
}

/// Append the comparison form of one syllable — a whole run of word chars as [`syllables`]
/// gives it, NFC — to `out`: what [`push_comparison_form`] appends for it, without cutting it
/// into syllables again.
pub fn push_syllable_form(word: &str, out: &mut String) {
    // No diacritics, no tone to move: about a third of Vietnamese syllables, all numbers.
    if word.is_ascii() {
        push_lowercase(word, out);
        return;
    }
    const MAX: usize = 12;
    let mut letters = [' '; MAX];
    let mut n = 0;
    for c in word.chars() {
        if n == MAX {
            // Too long for one syllable: no tone to place.
            push_lowercase(word, out);
            return;
        }
        letters[n] = single_lowercase(c);
        n += 1;
    }
    place_tone(&mut letters[..n]);
    out.extend(letters[..n].iter());
}

/// A byte offset map from a comparison form back to the NFC text it was made from.
/// Holds a point only where a char's byte length changed, so it is empty for most texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(offset in the comparison form, offset in the original)` after each char whose
    /// length differs, ascending.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original offset of a comparison-form byte offset that lies on a char boundary.
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.points.partition_point(|&(c, _)| c <= offset);
        match i.checked_sub(1).and_then(|j| self.points.get(j)) {
            Some(&(c, o)) => o + (offset - c),
            None => offset,
        }
    }

    /// True when offsets are the same in both texts.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }
}

/// [`comparison_form`] of text that is already NFC, with the map back to its offsets.
pub fn comparison_form_with_map(nfc_text: &str) -> (String, OffsetMap) {
    let mut out = String::with_capacity(nfc_text.len());
    push_comparison_form(nfc_text, &mut out);
    let mut map = OffsetMap::default();
    if out.len() != nfc_text.len()
        || out
            .chars()
            .zip(nfc_text.chars())
            .any(|(a, b)| a.len_utf8() != b.len_utf8())
    {
        let (mut c, mut o) = (0, 0);
        for (a, b) in out.chars().zip(nfc_text.chars()) {
            c += a.len_utf8();
            o += b.len_utf8();
            if a.len_utf8() != b.len_utf8() {
                map.points.push((c, o));
            }
        }
    }
    (out, map)
}

/// Strip all diacritics (đ→d, Đ→D, ặ→a, ữ→u); NFC or NFD input; case is left to the caller.
pub fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_fold_ascii(s, &mut out);
    out
}

/// Append the diacritic-free form of `s` to `out`.
pub fn push_fold_ascii(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            c if is_combining_mark(c) => {}
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

/// The key under which names (authors, excluded persons, units) are compared:
/// comparison form, diacritics folded, runs of whitespace made one space, trimmed.
/// "Nguyễn  Văn Hoà" and "nguyen van hoa" share one key.
pub fn fold_key(word: &str) -> String {
    let folded = fold_ascii(&comparison_form(word));
    let mut out = String::with_capacity(folded.len());
    for part in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Word (syllable) tokens of `text` as byte ranges: maximal runs of letters, digits and
/// combining marks. Vietnamese writes one syllable per word, so these are syllables; "COVID-19"
/// gives "COVID" and "19". Allocates nothing.
pub fn syllables(text: &str) -> Syllables<'_> {
    Syllables { text, pos: 0 }
}

/// Iterator returned by [`syllables`].
#[derive(Debug, Clone)]
pub struct Syllables<'a> {
    text: &'a str,
    pos: usize,
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alphanumeric(c) || is_combining_mark(c)
    }
}

/// `char::is_alphanumeric`, answered at once for the Latin blocks Vietnamese is written in
/// (Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional: every code point
/// there is a letter but × and ÷), where the general lookup is slow and called for nearly
/// every character of a text.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => c.is_alphanumeric(),
    }
}

impl Iterator for Syllables<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let base = self.pos;
        let rest = self.text.get(base..)?;
        let mut start = None;
        for (i, c) in rest.char_indices() {
            match (start, is_word_char(c)) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    self.pos = base + i;
                    return Some((base + s, base + i));
                }
                _ => {}
            }
        }
        self.pos = self.text.len();
        start.map(|s| (base + s, self.text.len()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_syllable_s_form_is_its_comparison_form() {
        let text = "Ủy ban Nhân dân XÃ Thạch Đạn: hoà, hòa, HOÀ; thuỷ/thủy, 61/2018/NĐ-CP, \
                    quá trình; ĐĂNG KÝ khai sinh… e-mail, café, naïve, Straße, İstanbul, ΑΒΓ, 123abc, \
                    qu\u{1EA3}n l\u{00FD}, gi\u{1EAF}c, x\u{00E3} h\u{1ED9}i";
        let mut checked = 0;
        for (start, end) in super::syllables(text) {
            let word = &text[start..end];
            let mut one = String::new();
            super::push_syllable_form(word, &mut one);
            assert_eq!(one, super::comparison_form(word), "{word}");
            checked += 1;
        }
        assert!(checked >= 35, "{checked}");
    }

    #[test]
    fn chars_taken_as_nfc_on_their_own_are_so_by_the_standard() {
        use unicode_normalization::char::canonical_combining_class;
        let mut checked = 0;
        for c in (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| super::nfc_on_its_own(c))
        {
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            checked += 1;
        }
        assert_eq!(checked, 0x300 + 0x100 + 0x18);
        // A combining mark or a char the tables must judge still goes to them.
        assert!(!super::is_nfc("hoa\u{300}"));
        assert!(!super::is_nfc("\u{2000}"));
        assert!(super::is_nfc("“Hoà giải” – thủ tục… ổn định ư ơ đ ₫"));
    }

    #[test]
    fn the_quick_letter_test_agrees_with_the_standard_one() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    use super::*;

    #[test]
    fn comparison_form_unifies_case_and_tone_placement() {
        assert_eq!(comparison_form("Hoà"), comparison_form("hòa"));
        assert_eq!(comparison_form("THỦY"), "thuỷ");
        assert_eq!(comparison_form("khỏe mạnh"), "khoẻ mạnh");
        assert_eq!(comparison_form("Qúy vị"), "quý vị");
        // i/y spelling is kept: names differ by it.
        assert_ne!(comparison_form("Tường Vy"), comparison_form("Tường Vi"));
        assert_eq!(
            comparison_form("Cải cách HÀNH CHÍNH, hoà nhập!"),
            "cải cách hành chính, hoà nhập!"
        );
        // NFD input gives the same form.
        assert_eq!(comparison_form("ho\u{0300}a"), "hoà");
        // Non-Vietnamese words are only lowercased.
        assert_eq!(comparison_form("Café NAÏVE"), "café naïve");
    }

    #[test]
    fn comparison_form_is_char_for_char() {
        for s in ["Thuỳ Dương hoà khoẻ", "İstanbul KELVIN \u{212a}", "qúy ỳ"] {
            let n = nfc(s);
            assert_eq!(comparison_form(s).chars().count(), n.chars().count(), "{s}");
        }
    }

    #[test]
    fn offset_map_points_back_to_the_original() {
        // "ùy" → "uỳ" is one byte longer; "ẞ" → "ß" one byte shorter.
        let text = "Thùy và \u{1e9e}ia hòa bình";
        let (cmp, map) = comparison_form_with_map(text);
        assert_eq!(cmp, "thuỳ và ßia hoà bình");
        assert!(!map.is_identity());
        for ((cs, ce), (os, oe)) in syllables(&cmp).zip(syllables(text)) {
            assert_eq!(map.to_original(cs), os);
            assert_eq!(map.to_original(ce), oe);
        }
        let (_, same) = comparison_form_with_map("hoà bình");
        assert!(same.is_identity());
    }

    #[test]
    fn fold_ascii_handles_d_nfd_and_two_mark_letters() {
        assert_eq!(fold_ascii("Đặng Thị Ữ ể"), "Dang Thi U e");
        assert_eq!(fold_ascii("đường"), "duong");
        assert_eq!(fold_ascii("a\u{0306}\u{0323}"), "a");
        assert_eq!(
            fold_ascii(&"Nguyễn Văn Ặ".nfd().collect::<String>()),
            "Nguyen Van A"
        );
        assert_eq!(fold_ascii("plain"), "plain");
    }

    #[test]
    fn fold_key_for_names() {
        assert_eq!(fold_key("  Nguyễn  Văn Hoà "), "nguyen van hoa");
        assert_eq!(fold_key("NGUYỄN VĂN HÒA"), fold_key("nguyen van hoa"));
        assert_eq!(fold_key("Trần Thuỷ"), fold_key("tran thuy"));
    }

    /// Random strings over an alphabet of troublemakers (combining marks, legacy bytes, case
    /// changers, long words): no panic, char-for-char forms, offsets that land on boundaries.
    #[test]
    fn random_text_keeps_the_contracts() {
        let alphabet: Vec<char> = "aAoOuUyYiIeEqgđĐ \u{300}\u{301}\u{309}\u{303}\u{323}\u{306}\u{302}\u{31b}ÀàỳỲẞİ\u{212a}µ©ÖöôâùøÿĂăƯư-.,9"
            .chars()
            .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in 0..400 {
            let text: String = (0..len % 40)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let n = nfc(&text);
            let (cmp, map) = comparison_form_with_map(&n);
            assert_eq!(cmp.chars().count(), n.chars().count(), "{text:?}");
            let mapped: Vec<(usize, usize)> = syllables(&cmp)
                .map(|(s, e)| (map.to_original(s), map.to_original(e)))
                .collect();
            assert_eq!(mapped, syllables(&n).collect::<Vec<_>>(), "{text:?}");
            assert!(fold_ascii(&text).chars().all(|c| !is_combining_mark(c)));
            let _ = fold_key(&text);
            let _ = legacy::detect(&text);
            let _ = legacy::decode(&text, crate::model::LegacyEncoding::Vni, false);
        }
    }

    #[test]
    fn syllables_are_letter_digit_runs_with_byte_offsets() {
        let text = "Đề án số 12/KH-UBND: “Cải cách”…";
        let words: Vec<&str> = syllables(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["Đề", "án", "số", "12", "KH", "UBND", "Cải", "cách"]);
        assert_eq!(syllables("").count(), 0);
        assert_eq!(syllables("  ,. ").count(), 0);
        let nfd: String = "hòa".nfd().collect();
        assert_eq!(syllables(&nfd).collect::<Vec<_>>(), [(0, nfd.len())]);
    }
}
