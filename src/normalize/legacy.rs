//! Pre-Unicode Vietnamese encodings (TCVN3/ABC and VNI-Windows) decoded to Unicode.
//!
//! Before Unicode, Vietnamese documents were typed in fonts that redraw Latin-1 code points as
//! Vietnamese letters. Many council archives and some entries still carry them. The text then
//! reaches us in one of two shapes:
//!
//! * as chars (DOCX runs, PDF text): each byte already read as Windows-1252, so TCVN3 "vµ" is
//!   `v` U+00B5 and VNI "vaø" is `v a` U+00F8. Symbol-charset fonts sometimes store the bytes
//!   in the private-use block instead (U+F0B5); both are accepted by [`decode`].
//! * as bytes (plain-text files): [`decode_bytes`].
//!
//! **TCVN3** (TCVN 5712:1993, the "VN3" subset used by the `.Vn*` ABC fonts) gives each toned
//! lower-case letter one byte and has only seven upper-case letters of its own (Ă Â Ê Ô Ơ Ư Đ).
//! Capitals with tones are drawn by a second font whose name ends in `H` (`.VnTimeH`): the same
//! bytes, drawn as capitals. So case is a property of the font, passed as `upper_font`.
//!
//! **VNI-Windows** (the `VNI-*` fonts) writes a letter as an ASCII base followed by one byte
//! carrying its marks: "a" + "ù" is á, "a" + "á" is ấ, "o" + "â" is ô. Only i, y, ơ, ư and đ
//! have single bytes of their own ("í", "î", "ô", "ö", "ñ"). We decode the mark bytes into
//! Unicode combining marks and compose with NFC, so every combination — ư and ơ with each tone
//! included, where table-driven converters often slip — comes out as the one precomposed letter.
//!
//! The tables below were written from the published code charts; `charts/*.tsv` hold the same
//! charts written independently, and the tests check one against the other for every letter.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::syllable::{is_vietnamese_syllable, single_uppercase};
use crate::model::LegacyEncoding;

/// The legacy encoding a font name implies (`.VnTime` → TCVN3, `VNI-Times` → VNI).
pub fn encoding_for_font(font: &str) -> Option<LegacyEncoding> {
    let f = font.trim();
    if f.starts_with(".Vn") || f.starts_with(".vn") || f.starts_with(".VN") {
        Some(LegacyEncoding::Tcvn3)
    } else if f.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("VNI-")) {
        Some(LegacyEncoding::Vni)
    } else {
        None
    }
}

/// Whether a TCVN3 font draws every letter as a capital (`.VnTimeH`, `.VnArialH`,
/// `.VnArial NarrowH`): the ABC font families name their all-capitals twin with a final `H`.
pub fn is_upper_font(font: &str) -> bool {
    let f = font.trim();
    encoding_for_font(f) == Some(LegacyEncoding::Tcvn3) && f.len() > 4 && f.ends_with('H')
}

/// TCVN3 bytes 0xA1..=0xFE. `'\0'` marks a byte the chart leaves unassigned: it is kept as its
/// Windows-1252 char.
const TCVN3_HIGH: [char; 94] = [
    // 0xA1..=0xAF
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\0',
    // 0xB0..=0xBF
    '\0', '\0', '\0', '\0', '\0', 'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ', '\0',
    // 0xC0..=0xCF
    '\0', '\0', '\0', '\0', '\0', '\0', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ', 'ẽ',
    // 0xD0..=0xDF
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị', 'ò',
    // 0xE0..=0xEF
    '\0', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // 0xF0..=0xFE
    '\0', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ',
];

/// The byte a char stood for, if it is a Latin-1 char or a private-use symbol-font char.
#[inline]
fn byte_of(c: char) -> Option<u8> {
    let cp = c as u32;
    if (0xA0..=0xFF).contains(&cp) {
        Some(cp as u8)
    } else if (0xF0A0..=0xF0FF).contains(&cp) {
        Some((cp - 0xF000) as u8)
    } else {
        None
    }
}

#[inline]
fn tcvn3_char(c: char) -> char {
    match byte_of(c) {
        Some(b) => match TCVN3_HIGH.get(usize::from(b).wrapping_sub(0xA1)) {
            Some(&v) if v != '\0' => v,
            _ => char::from(b),
        },
        None => c,
    }
}

/// What one VNI char stands for.
#[derive(Clone, Copy)]
enum VniUnit {
    /// A letter of its own (ơ, ư, đ, í, ỵ …).
    Letter(char),
    /// Marks for the preceding vowel, as combining chars (quality mark first).
    Marks(&'static str),
}

#[inline]
fn vni_unit(lower: u8) -> Option<VniUnit> {
    use VniUnit::{Letter, Marks};
    Some(match lower {
        // tones alone
        0xF9 => Marks("\u{0301}"), // ù acute
        0xF8 => Marks("\u{0300}"), // ø grave
        0xFB => Marks("\u{0309}"), // û hook
        0xF5 => Marks("\u{0303}"), // õ tilde
        0xEF => Marks("\u{0323}"), // ï dot below
        // circumflex, alone and with each tone
        0xE2 => Marks("\u{0302}"),
        0xE1 => Marks("\u{0302}\u{0301}"),
        0xE0 => Marks("\u{0302}\u{0300}"),
        0xE5 => Marks("\u{0302}\u{0309}"),
        0xE3 => Marks("\u{0302}\u{0303}"),
        0xE4 => Marks("\u{0302}\u{0323}"),
        // breve, alone and with each tone
        0xEA => Marks("\u{0306}"),
        0xE9 => Marks("\u{0306}\u{0301}"),
        0xE8 => Marks("\u{0306}\u{0300}"),
        0xFA => Marks("\u{0306}\u{0309}"),
        0xFC => Marks("\u{0306}\u{0303}"),
        0xEB => Marks("\u{0306}\u{0323}"),
        // letters with bytes of their own
        0xED => Letter('í'),
        0xEC => Letter('ì'),
        0xE6 => Letter('ỉ'),
        0xF3 => Letter('ĩ'),
        0xF2 => Letter('ị'),
        0xEE => Letter('ỵ'),
        0xF4 => Letter('ơ'),
        0xF6 => Letter('ư'),
        0xF1 => Letter('đ'),
        _ => return None,
    })
}

/// Look up a VNI char in either case; capitals are the lower-case byte minus 0x20.
fn vni_lookup(c: char) -> Option<(VniUnit, bool)> {
    let b = byte_of(c)?;
    if (0xC0..=0xDE).contains(&b) {
        let unit = vni_unit(b + 0x20)?;
        let unit = match unit {
            VniUnit::Letter(l) => VniUnit::Letter(single_uppercase(l)),
            marks => marks,
        };
        Some((unit, true))
    } else {
        vni_unit(b).map(|u| (u, false))
    }
}

/// A char a VNI mark may follow: a vowel, or a vowel already carrying a mark.
#[inline]
fn takes_vni_marks(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'Ơ' | 'Ư'
    ) || unicode_normalization::char::is_combining_mark(c)
}

/// Decode text that was typed in a legacy font. `upper_font` is true for TCVN3 fonts whose
/// name ends in `H` ([`is_upper_font`]), which draw the lower-case code points as capitals;
/// it has no effect on VNI, which has capitals of its own. Chars that are not part of the
/// encoding pass through. The result is NFC.
///
/// A font name is only a hint. Converters such as Unikey's change the text of a document to
/// Unicode but leave the run's font named `.VnTime` or `VNI-Times`, and people paste Unicode
/// text into old templates. Decoding that again would ruin it ("HÒA" read as VNI is "HỊA"), so
/// text that is evidently Unicode comes back unchanged: it holds a Vietnamese letter no legacy
/// byte can stand for (ă, đ, ơ, ư, ạ … ỹ), or, as it stands, it has more well-formed Vietnamese
/// words than decoded. Use [`decode_chars`] to decode regardless. What neither test can tell
/// (a short run of Latin-1 letters that reads as Vietnamese both ways, "HÒA" / VNI "HỊA") is
/// decoded, trusting the font.
pub fn decode(text: &str, encoding: LegacyEncoding, upper_font: bool) -> String {
    if has_unicode_vietnamese(text) {
        return super::nfc(text);
    }
    let decoded = decode_chars(text, encoding, upper_font);
    if decoded != text && valid_words(text) > valid_words(&decoded) {
        return super::nfc(text);
    }
    decoded
}

/// A letter of the Vietnamese alphabet outside Latin-1: no byte of TCVN3 or VNI read as
/// Windows-1252 produces one, so its presence means the text is Unicode already.
fn has_unicode_vietnamese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'
                ..='\u{1EF9}'
        )
    })
}

/// Words holding a Latin-1 char that are well-formed Vietnamese syllables.
fn valid_words(text: &str) -> usize {
    legacy_words(text)
        .filter(|w| !w.is_ascii() && is_vietnamese_syllable(w))
        .count()
}

/// Decode every char through the chart, whatever the text looks like. For text already known
/// to be legacy (a file [`detect`] recognised); otherwise prefer [`decode`].
pub fn decode_chars(text: &str, encoding: LegacyEncoding, upper_font: bool) -> String {
    match encoding {
        LegacyEncoding::Tcvn3 => {
            let mut out = String::with_capacity(text.len() + text.len() / 2);
            for c in text.chars() {
                let d = tcvn3_char(c);
                out.push(if upper_font { single_uppercase(d) } else { d });
            }
            // Precomposed letters in, precomposed out, unless the input carried stray marks.
            if super::is_nfc(&out) {
                out
            } else {
                super::nfc(&out)
            }
        }
        LegacyEncoding::Vni => decode_vni(text),
    }
}

fn decode_vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut last: Option<char> = None;
    for c in text.chars() {
        match vni_lookup(c) {
            Some((VniUnit::Letter(l), _)) => {
                out.push(l);
                last = Some(l);
            }
            // At the very start the vowel may end the previous run (Word splits runs inside
            // words): emit the marks as combining chars so they join it when runs are merged.
            Some((VniUnit::Marks(marks), _)) if last.is_none_or(takes_vni_marks) => {
                out.push_str(marks);
                last = marks.chars().last();
            }
            // A mark byte after a consonant or a space: keep the char as it was.
            _ => {
                out.push(c);
                last = Some(c);
            }
        }
    }
    out.nfc().collect()
}

/// Decode the bytes of a legacy-encoded plain-text file. Bytes below 0xA0 are read as
/// Windows-1252 (ASCII, and the curly quotes of 0x80–0x9F), the rest through the chart.
pub fn decode_bytes(bytes: &[u8], encoding: LegacyEncoding) -> String {
    let (chars, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    decode_chars(&chars, encoding, false)
}

/// The fewest distinct words a legacy decoding must make valid before [`detect`] dares an
/// answer.
const MIN_EVIDENCE: usize = 3;

/// Recognise text typed in a legacy encoding but read as Windows-1252 ("ViÖt Nam", "Vieät
/// Nam"). Only words that hold a char of U+00A0..U+00FF can tell; each distinct such word is
/// tried as it stands and decoded both ways, and counted when it is a well-formed Vietnamese
/// syllable. An encoding wins when, over at most the first 64 Ki chars, it makes at least three
/// distinct words valid, at least 60 % of them, and more than twice as many as the text as it
/// stands. Real Unicode Vietnamese fails the last test (its words are already valid); English,
/// French or German fail the first two (their accented words do not decode into syllables).
/// Distinct words, not occurrences, because a licence text with seventy "©" (TCVN3 "â") must
/// not outvote everything else; words of one char are skipped for the same reason.
pub fn detect(text: &str) -> Option<LegacyEncoding> {
    let sample = match text.char_indices().nth(64 * 1024) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut seen = std::collections::HashSet::new();
    let mut words: Vec<&str> = Vec::new();
    for word in legacy_words(sample) {
        // One-char words say nothing: a lone "½" or "©" decodes to a lone vowel.
        let long_enough = word.chars().nth(1).is_some();
        if long_enough && word.chars().any(|c| byte_of(c).is_some()) && seen.insert(word) {
            words.push(word);
        }
    }
    let candidates = words.len();
    let as_is = words.iter().filter(|w| is_vietnamese_syllable(w)).count();
    // A decoding is believed only when it makes more than twice as many syllables as the text
    // has already, and it cannot make more than there are words: text already in Unicode
    // (most of what is read) stops here without decoding every word twice.
    if 2 * as_is >= candidates {
        return None;
    }
    let mut tcvn3 = 0usize;
    let mut vni = 0usize;
    for word in words {
        if is_vietnamese_syllable(&decode_chars(word, LegacyEncoding::Tcvn3, false)) {
            tcvn3 += 1;
        }
        if is_vietnamese_syllable(&decode_vni(word)) {
            vni += 1;
        }
    }
    let (best, count) = if tcvn3 >= vni {
        (LegacyEncoding::Tcvn3, tcvn3)
    } else {
        (LegacyEncoding::Vni, vni)
    };
    let confident = count >= MIN_EVIDENCE && count * 10 >= candidates * 6 && count > as_is * 2;
    confident.then_some(best)
}

/// Words as a legacy font sees them: runs of letters, Latin-1 chars (TCVN3 writes ư as the
/// soft hyphen U+00AD and đ as ®), private-use symbol chars and combining marks.
fn legacy_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        !(super::is_alphanumeric(c)
            || byte_of(c).is_some_and(|b| b > 0xA0)
            || unicode_normalization::char::is_combining_mark(c))
    })
    .filter(|w| !w.is_empty())
}

/// Decode `text` when [`detect`] recognises it; borrowed and unchanged otherwise.
pub fn decode_if_legacy(text: &str) -> (Cow<'_, str>, Option<LegacyEncoding>) {
    match detect(text) {
        Some(enc) => (Cow::Owned(decode_chars(text, enc, false)), Some(enc)),
        None => (Cow::Borrowed(text), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::syllable::{Tone, with_tone};

    /// One row of a chart file: the Unicode letter and the legacy bytes, in hex.
    fn chart(tsv: &str) -> Vec<(char, Vec<u8>)> {
        tsv.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                let letter = cols.next().and_then(|s| s.chars().next()).unwrap();
                let bytes = cols
                    .next()
                    .unwrap()
                    .split_whitespace()
                    .map(|h| u8::from_str_radix(h, 16).unwrap())
                    .collect();
                (letter, bytes)
            })
            .collect()
    }

    const TCVN3_CHART: &str = include_str!("charts/tcvn3.tsv");
    const VNI_CHART: &str = include_str!("charts/vni.tsv");

    /// Every Vietnamese letter in both cases with every tone, built by composing marks (not
    /// from any table under test): 12 vowels × 6 tones × 2 cases + đ/Đ.
    fn every_letter() -> Vec<char> {
        let bases = [
            "a", "a\u{306}", "a\u{302}", "e", "e\u{302}", "i", "o", "o\u{302}",
        ];
        let more = ["o\u{31b}", "u", "u\u{31b}", "y"];
        let mut out = Vec::new();
        for b in bases.iter().chain(more.iter()) {
            for tone in [None, Some('\u{300}'), Some('\u{301}'), Some('\u{309}')]
                .into_iter()
                .chain([Some('\u{303}'), Some('\u{323}')])
            {
                let mut s = b.to_string();
                if let Some(t) = tone {
                    s.push(t);
                }
                let lower: String = s.nfc().collect();
                let upper: String = lower.to_uppercase().nfc().collect();
                out.push(lower.chars().next().unwrap());
                out.push(upper.chars().next().unwrap());
            }
        }
        out.push('đ');
        out.push('Đ');
        assert_eq!(out.len(), 12 * 6 * 2 + 2);
        out
    }

    fn encode(chart: &[(char, Vec<u8>)], c: char) -> Option<Vec<u8>> {
        chart.iter().find(|(l, _)| *l == c).map(|(_, b)| b.clone())
    }

    fn latin1(bytes: &[u8]) -> String {
        bytes.iter().map(|&b| char::from(b)).collect()
    }

    #[test]
    fn tcvn3_every_letter_both_cases_all_tones() {
        let chart = chart(TCVN3_CHART);
        for c in every_letter() {
            let lower = c.to_lowercase().next().unwrap();
            let is_upper = c != lower;
            // Capitals: a byte of their own when the chart has one, else the lower-case byte
            // drawn by the H font.
            let (bytes, upper_font) = match (is_upper, encode(&chart, c)) {
                (true, Some(b)) => (b, false),
                (true, None) => (encode(&chart, lower).expect("lower in chart"), true),
                (false, _) => (encode(&chart, c).expect("in chart"), false),
            };
            let as_chars = latin1(&bytes);
            assert_eq!(
                decode(&as_chars, LegacyEncoding::Tcvn3, upper_font),
                c.to_string(),
                "{c} from {bytes:02X?}"
            );
            if !upper_font {
                assert_eq!(decode_bytes(&bytes, LegacyEncoding::Tcvn3), c.to_string());
            }
            // Private-use form from symbol-charset fonts.
            let pua: String = bytes
                .iter()
                .map(|&b| {
                    if b >= 0xA0 {
                        char::from_u32(0xF000 + b as u32).unwrap()
                    } else {
                        char::from(b)
                    }
                })
                .collect();
            assert_eq!(
                decode(&pua, LegacyEncoding::Tcvn3, upper_font),
                c.to_string()
            );
        }
    }

    #[test]
    fn vni_every_letter_both_cases_all_tones() {
        let chart = chart(VNI_CHART);
        for c in every_letter() {
            let bytes = encode(&chart, c).unwrap_or_else(|| panic!("{c} not in VNI chart"));
            let as_chars = latin1(&bytes);
            assert_eq!(
                decode(&as_chars, LegacyEncoding::Vni, false),
                c.to_string(),
                "{c} from {bytes:02X?}"
            );
            assert_eq!(decode_bytes(&bytes, LegacyEncoding::Vni), c.to_string());
            // Inside a word, before and after other letters.
            let word = format!("t{as_chars}n");
            assert_eq!(decode(&word, LegacyEncoding::Vni, false), format!("t{c}n"));
        }
    }

    #[test]
    fn charts_cover_what_they_should() {
        assert_eq!(chart(TCVN3_CHART).len(), 12 * 6 + 1 + 7);
        assert_eq!(chart(VNI_CHART).len(), 12 * 6 * 2 + 2);
        // Tone helper sanity, so the syllable code and the charts agree on the alphabet.
        assert_eq!(with_tone('ư', Tone::Dot), Some('ự'));
    }

    fn encode_text(chart: &[(char, Vec<u8>)], text: &str) -> String {
        text.chars()
            .map(|c| match encode(chart, c) {
                Some(b) => latin1(&b),
                None => c.to_string(),
            })
            .collect()
    }

    /// A paragraph in our own words, encoded with the chart files (the test-only encoder), must
    /// be recognised and decoded back exactly.
    #[test]
    fn paragraph_round_trips_through_both_charts() {
        let text = "Sở Nội vụ đề nghị các cơ quan, đơn vị hướng dẫn công chức, viên chức tham gia \
                    cuộc thi; mỗi bài dự thi trình bày rõ thực trạng, giải pháp, lợi ích và khả \
                    năng nhân rộng. Người dân được hỏi ý kiến về việc giải quyết thủ tục hành \
                    chính, những khó khăn, vướng mắc đã gặp và mức độ hài lòng của mình.";
        let tcvn3_text = text.to_lowercase();
        let tcvn3 = encode_text(&chart(TCVN3_CHART), &tcvn3_text);
        assert_eq!(detect(&tcvn3), Some(LegacyEncoding::Tcvn3));
        assert_eq!(decode(&tcvn3, LegacyEncoding::Tcvn3, false), tcvn3_text);
        let vni = encode_text(&chart(VNI_CHART), text);
        assert_eq!(detect(&vni), Some(LegacyEncoding::Vni));
        assert_eq!(decode(&vni, LegacyEncoding::Vni, false), text);
        assert_eq!(detect(text), None);
    }

    #[test]
    fn tcvn3_sentences() {
        assert_eq!(
            decode(
                "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                LegacyEncoding::Tcvn3,
                false
            ),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            decode("®éc lËp - tù do - h¹nh phóc", LegacyEncoding::Tcvn3, true),
            "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
        );
        assert_eq!(decode("§\u{AD}êng", LegacyEncoding::Tcvn3, false), "Đường");
        assert_eq!(
            decode("\u{201c}n\u{AD}íc\u{201d}", LegacyEncoding::Tcvn3, false),
            "\u{201c}nước\u{201d}"
        );
    }

    #[test]
    fn vni_sentences_with_horn_letters() {
        assert_eq!(
            decode(
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                LegacyEncoding::Vni,
                false
            ),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            decode("Ngöôøi Ñaø Naüng öôùc mô", LegacyEncoding::Vni, false),
            "Người Đà Nẵng ước mơ"
        );
        assert_eq!(
            decode("TRÖÔØNG ÑAÏI HOÏC", LegacyEncoding::Vni, false),
            "TRƯỜNG ĐẠI HỌC"
        );
        assert_eq!(
            decode("ôû öï ôõ öø ôï", LegacyEncoding::Vni, false),
            "ở ự ỡ ừ ợ"
        );
        // A mark byte after a space or consonant stays as it was; at the start of a run it
        // becomes a combining mark for the vowel that ended the previous run.
        assert_eq!(decode_chars("a ù tr", LegacyEncoding::Vni, false), "a ù tr");
        let split = format!("Co{}", decode("äng", LegacyEncoding::Vni, false));
        assert_eq!(crate::normalize::nfc(&split), "Cộng");
    }

    #[test]
    fn unicode_text_in_a_legacy_font_is_left_alone() {
        // Converted to Unicode, font name unchanged.
        for enc in [LegacyEncoding::Vni, LegacyEncoding::Tcvn3] {
            for text in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập",
                "và các bước",
            ] {
                assert_eq!(decode(text, enc, false), text, "{enc:?} {text}");
            }
        }
        // Genuine legacy text whose words also read as Unicode words is still decoded:
        // TCVN3 "cã" is "có".
        assert_eq!(decode("cã c¸c", LegacyEncoding::Tcvn3, false), "có các");
        assert_eq!(decode("cã", LegacyEncoding::Tcvn3, false), "có");
    }

    #[test]
    fn every_char_of_both_byte_ranges_decodes_without_panic() {
        let chars: String = (0u32..0x200)
            .chain(0xF000..0xF100)
            .filter_map(char::from_u32)
            .collect();
        for enc in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
            for upper in [false, true] {
                let out = decode(&chars, enc, upper);
                assert!(crate::normalize::is_nfc(&out));
            }
            let bytes: Vec<u8> = (0..=255).collect();
            assert!(!decode_bytes(&bytes, enc).is_empty());
        }
        // Unassigned TCVN3 bytes and 0xFF keep their Windows-1252 char.
        assert_eq!(
            decode("\u{b0}\u{ff}", LegacyEncoding::Tcvn3, false),
            "\u{b0}\u{ff}"
        );
        let _ = detect(&chars);
    }

    #[test]
    fn font_names() {
        assert_eq!(encoding_for_font(".VnTime"), Some(LegacyEncoding::Tcvn3));
        assert_eq!(encoding_for_font("VNI-Times"), Some(LegacyEncoding::Vni));
        assert_eq!(encoding_for_font("vni-helve"), Some(LegacyEncoding::Vni));
        assert_eq!(encoding_for_font("Times New Roman"), None);
        assert!(is_upper_font(".VnTimeH"));
        assert!(is_upper_font(".VnArial NarrowH"));
        assert!(!is_upper_font(".VnTime"));
        assert!(!is_upper_font("VNI-TimesH"));
    }

    #[test]
    fn detect_fires_on_legacy_only() {
        let tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. \
                     Gi¶i ph¸p c¶i c¸ch thñ tôc hµnh chÝnh cña tØnh.";
        assert_eq!(detect(tcvn3), Some(LegacyEncoding::Tcvn3));
        let vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. \
                   Giaûi phaùp caûi caùch thuû tuïc haønh chính cuûa tænh.";
        assert_eq!(detect(vni), Some(LegacyEncoding::Vni));
        for plain in [
            "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Giải pháp cải cách \
             thủ tục hành chính của tỉnh, và có các bước đã được áp dụng.",
            "Có cá và cà, là lá mà má đã có.",
            "The committee’s “reform” proposals were reviewed – café, naïve, résumé, façade.",
            "L’été dernier, à Paris, nous avons goûté des crêpes près de la cathédrale Notre-Dame.",
            "Die Prüfung über Änderungen wäre für Bürger schön gewesen, hieß es.",
            &"Copyright © 2019 Raphaël Hertzog, © 2020 Jérémy Bobbio. ".repeat(40),
            "Fractions ½ ¼ ¾ and marks · Ç Ö Ü â ç î ö ü ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ ® ¯ ° ± ² ³ ´ µ ¶",
            "",
        ] {
            assert_eq!(detect(plain), None, "{plain}");
        }
    }
}
