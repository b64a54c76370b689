//! Words with their place in the original text.
//!
//! Copy detection compares a normalized form of each word but must point the council at the
//! author's own text, so every token keeps the byte range it came from in the string it was
//! cut from (for an entry, [`crate::Extracted::text`]). Nothing here allocates per word: the
//! comparison form is hashed on the fly, which is what keeps 30 million words a second-scale job.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// One word (in Vietnamese, one syllable) of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first byte in the text it was cut from.
    pub start: u32,
    /// Byte offset just past the word.
    pub end: u32,
    /// Hash of the word's comparison form: lowercase, tone mark moved to one place, so
    /// `Hoà`, `hòa` and `HOÀ` (precomposed or decomposed) give the same key.
    pub key: u64,
}

/// Vietnamese tone marks. Where a writer puts them (hoà / hòa, thuý / thúy) is a matter of
/// convention, so the key takes the tone out of its position and adds it once at the end.
fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn step(h: u64, c: u32) -> u64 {
    (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// A fast, well-spread final mix (splitmix64's finalizer) so that low and high bits of a key
/// are both usable for sampling and banding.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match CHAR_TABLE.get(c as usize) {
        Some(key) => key.word,
        None => slow_is_word_char(c),
    }
}

fn slow_is_word_char(c: char) -> bool {
    crate::normalize::is_alphanumeric(c) || is_combining_mark(c)
}

/// Cut `text` into words. A word is a run of letters, digits and combining marks; everything
/// else (spaces, punctuation, symbols) separates words and is ignored. Texts longer than
/// 4 GiB are cut at that size (offsets are `u32`), far beyond any entry `Limits` accepts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Same as [`tokenize`], reusing `out`'s allocation.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let limit = text.len().min(u32::MAX as usize);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < limit {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                let start = i;
                let mut h = SEED;
                let mut tone = 0u32;
                let mut j = i;
                // ASCII fast path; falls into the general path for the rest of the word.
                while j < limit {
                    let bj = bytes[j];
                    if bj < 0x80 {
                        if bj.is_ascii_alphanumeric() {
                            h = step(h, u32::from(bj.to_ascii_lowercase()));
                            j += 1;
                        } else {
                            break;
                        }
                    } else {
                        let (nh, nj, nt) = general_word(text, j, limit, h, tone);
                        h = nh;
                        j = nj;
                        tone = nt;
                        break;
                    }
                }
                push(out, start, j, h, tone);
                i = j;
            } else {
                i += 1;
            }
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if is_word_char(c) {
                let start = i;
                let (h, j, tone) = general_word(text, i, limit, SEED, 0);
                push(out, start, j, h, tone);
                i = j;
            } else {
                i += c.len_utf8();
            }
        }
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, h: u64, tone: u32) {
    if end > start {
        out.push(Token {
            start: start as u32,
            end: end as u32,
            key: mix64(step(h, tone)),
        });
    }
}

/// How one character enters a word's key: up to three code points to hash (lowercase base
/// letter and any non-tone marks; 0 = unused) and its tone mark (0 = none).
#[derive(Clone, Copy, Default)]
struct CharKey {
    parts: [u32; 3],
    tone: u32,
    word: bool,
}

/// Characters below this code point (all Latin, Vietnamese included: U+1EA0–U+1EF9) are looked
/// up in a table built once; decomposing and lowercasing them one by one was most of the time.
const TABLE_END: u32 = 0x2000;

static CHAR_TABLE: std::sync::LazyLock<Vec<CharKey>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|cp| char::from_u32(cp).map_or(CharKey::default(), slow_char_key))
        .collect()
});

fn slow_char_key(c: char) -> CharKey {
    let mut key = CharKey {
        word: slow_is_word_char(c),
        ..CharKey::default()
    };
    let mut n = 0;
    decompose_canonical(c, |d| {
        if is_tone_mark(d) {
            key.tone = u32::from(d);
        } else if is_combining_mark(d) {
            if let Some(slot) = key.parts.get_mut(n) {
                *slot = u32::from(d);
                n += 1;
            }
        } else {
            for l in d.to_lowercase() {
                if let Some(slot) = key.parts.get_mut(n) {
                    *slot = u32::from(l);
                    n += 1;
                }
            }
        }
    });
    key
}

/// Continue hashing a word from byte `i` with any characters; returns (hash, end, tone).
fn general_word(
    text: &str,
    i: usize,
    limit: usize,
    mut h: u64,
    mut tone: u32,
) -> (u64, usize, u32) {
    let mut j = i;
    let table = &*CHAR_TABLE;
    for c in text[i..limit].chars() {
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            j += 1;
            h = step(h, u32::from(c.to_ascii_lowercase()));
            continue;
        }
        if let Some(key) = table.get(c as usize) {
            if !key.word {
                break;
            }
            j += c.len_utf8();
            for &p in key.parts.iter().take_while(|&&p| p != 0) {
                h = step(h, p);
            }
            if key.tone != 0 {
                tone = key.tone;
            }
            continue;
        }
        if !slow_is_word_char(c) {
            break;
        }
        j += c.len_utf8();
        decompose_canonical(c, |d| {
            if is_tone_mark(d) {
                tone = u32::from(d);
            } else if is_combining_mark(d) {
                h = step(h, u32::from(d));
            } else {
                for l in d.to_lowercase() {
                    h = step(h, u32::from(l));
                }
            }
        });
    }
    (h, j, tone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        tokenize(s).iter().map(|t| t.key).collect()
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Cải cách, hành-chính!  2024";
        let words: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(words, ["Cải", "cách", "hành", "chính", "2024"]);
    }

    #[test]
    fn case_tone_placement_and_composition_do_not_matter() {
        // hoà (old placement, on a) vs hòa (new placement, on o); NFD vs NFC; upper vs lower.
        let old_style = "ho\u{00E0} thu\u{00FD}";
        let new_style = "h\u{00F2}a th\u{00FA}y";
        let decomposed = "HO\u{0300}A THU\u{0301}Y";
        assert_eq!(keys(old_style), keys(new_style));
        assert_eq!(keys(old_style), keys(decomposed));
    }

    #[test]
    fn different_tones_and_marks_stay_different() {
        let k = keys("ma má mà mả mã mạ mă mâ");
        let mut unique = k.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), k.len());
        assert_ne!(keys("đi"), keys("di"));
    }

    #[test]
    fn mixed_ascii_then_vietnamese_word_is_one_token() {
        let toks = tokenize("Nghiên ABCđ xyz");
        assert_eq!(toks.len(), 3);
        assert_eq!(toks[1].start, "Nghiên ".len() as u32);
        assert_eq!(toks[1].end, "Nghiên ABCđ".len() as u32);
    }
}
