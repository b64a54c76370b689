//! Glyph names (from `/Differences` or CMap targets) to text, for Latin and Vietnamese.
//!
//! Fonts without a ToUnicode map name their glyphs instead: `uni1EA1`, `u1EA1`, `ohorn`,
//! `acircumflexacute`. Rather than a big list we read a name as a base letter followed by
//! accent words and compose it, which covers every Vietnamese letter in one short table of
//! accents; punctuation and symbols have their own small table.

use unicode_normalization::UnicodeNormalization;

/// Punctuation, digits and other names that are not "letter + accents".
const SYMBOLS: &[(&str, &str)] = &[
    ("space", " "),
    ("nbspace", "\u{a0}"),
    ("nonbreakingspace", "\u{a0}"),
    ("exclam", "!"),
    ("quotedbl", "\""),
    ("numbersign", "#"),
    ("dollar", "$"),
    ("percent", "%"),
    ("ampersand", "&"),
    ("quotesingle", "'"),
    ("quoteright", "\u{2019}"),
    ("quoteleft", "\u{2018}"),
    ("quotedblleft", "\u{201c}"),
    ("quotedblright", "\u{201d}"),
    ("quotesinglbase", "\u{201a}"),
    ("quotedblbase", "\u{201e}"),
    ("parenleft", "("),
    ("parenright", ")"),
    ("asterisk", "*"),
    ("plus", "+"),
    ("comma", ","),
    ("hyphen", "-"),
    ("sfthyphen", "\u{ad}"),
    ("softhyphen", "\u{ad}"),
    ("minus", "\u{2212}"),
    ("period", "."),
    ("slash", "/"),
    ("fraction", "\u{2044}"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("colon", ":"),
    ("semicolon", ";"),
    ("less", "<"),
    ("equal", "="),
    ("greater", ">"),
    ("question", "?"),
    ("at", "@"),
    ("bracketleft", "["),
    ("backslash", "\\"),
    ("bracketright", "]"),
    ("asciicircum", "^"),
    ("underscore", "_"),
    ("grave", "`"),
    ("braceleft", "{"),
    ("bar", "|"),
    ("braceright", "}"),
    ("asciitilde", "~"),
    ("endash", "\u{2013}"),
    ("emdash", "\u{2014}"),
    ("bullet", "\u{2022}"),
    ("ellipsis", "\u{2026}"),
    ("dagger", "\u{2020}"),
    ("daggerdbl", "\u{2021}"),
    ("perthousand", "\u{2030}"),
    ("guilsinglleft", "\u{2039}"),
    ("guilsinglright", "\u{203a}"),
    ("guillemotleft", "\u{ab}"),
    ("guillemotright", "\u{bb}"),
    ("trademark", "\u{2122}"),
    ("copyright", "\u{a9}"),
    ("registered", "\u{ae}"),
    ("degree", "\u{b0}"),
    ("section", "\u{a7}"),
    ("paragraph", "\u{b6}"),
    ("periodcentered", "\u{b7}"),
    ("middot", "\u{b7}"),
    ("exclamdown", "\u{a1}"),
    ("questiondown", "\u{bf}"),
    ("cent", "\u{a2}"),
    ("sterling", "\u{a3}"),
    ("yen", "\u{a5}"),
    ("Euro", "\u{20ac}"),
    ("euro", "\u{20ac}"),
    ("currency", "\u{a4}"),
    ("florin", "\u{192}"),
    ("brokenbar", "\u{a6}"),
    ("ordfeminine", "\u{aa}"),
    ("ordmasculine", "\u{ba}"),
    ("logicalnot", "\u{ac}"),
    ("plusminus", "\u{b1}"),
    ("multiply", "\u{d7}"),
    ("divide", "\u{f7}"),
    ("mu", "\u{b5}"),
    ("onehalf", "\u{bd}"),
    ("onequarter", "\u{bc}"),
    ("threequarters", "\u{be}"),
    ("onesuperior", "\u{b9}"),
    ("twosuperior", "\u{b2}"),
    ("threesuperior", "\u{b3}"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("germandbls", "\u{df}"),
    ("dotlessi", "\u{131}"),
    ("ae", "\u{e6}"),
    ("AE", "\u{c6}"),
    ("oe", "\u{153}"),
    ("OE", "\u{152}"),
    ("eth", "\u{f0}"),
    ("Eth", "\u{d0}"),
    ("thorn", "\u{fe}"),
    ("Thorn", "\u{de}"),
    ("numero", "\u{2116}"),
    // Accents standing alone (spacing forms).
    ("acute", "\u{b4}"),
    ("circumflex", "\u{2c6}"),
    ("tilde", "\u{2dc}"),
    ("dieresis", "\u{a8}"),
    ("macron", "\u{af}"),
    ("cedilla", "\u{b8}"),
    ("ring", "\u{2da}"),
    ("caron", "\u{2c7}"),
    ("breve", "\u{2d8}"),
    ("dotaccent", "\u{2d9}"),
    ("ogonek", "\u{2db}"),
    ("hungarumlaut", "\u{2dd}"),
    // Combining marks as fonts name them (Vietnamese fonts with separate tone marks).
    ("gravecomb", "\u{300}"),
    ("acutecomb", "\u{301}"),
    ("tildecomb", "\u{303}"),
    ("hookabovecomb", "\u{309}"),
    ("dotbelowcomb", "\u{323}"),
];

/// Accent words that may follow a base letter, with the combining mark each adds. Longer
/// words first so `hookabove` is not read as `hook` + `above`.
const ACCENTS: &[(&str, char)] = &[
    ("hookabove", '\u{309}'),
    ("circumflex", '\u{302}'),
    ("hungarumlaut", '\u{30b}'),
    ("dotaccent", '\u{307}'),
    ("dotbelow", '\u{323}'),
    ("dieresis", '\u{308}'),
    ("cedilla", '\u{327}'),
    ("macron", '\u{304}'),
    ("ogonek", '\u{328}'),
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("tilde", '\u{303}'),
    ("caron", '\u{30c}'),
    ("breve", '\u{306}'),
    ("horn", '\u{31b}'),
    ("ring", '\u{30a}'),
];

/// Letters that are not a Latin letter plus combining marks.
const SPECIAL_BASES: &[(&str, char)] = &[
    ("dcroat", '\u{111}'),
    ("Dcroat", '\u{110}'),
    ("dstroke", '\u{111}'),
    ("Dstroke", '\u{110}'),
    ("oslash", '\u{f8}'),
    ("Oslash", '\u{d8}'),
    ("lslash", '\u{142}'),
    ("Lslash", '\u{141}'),
];

/// Text a glyph name stands for, or `None` if we cannot tell (the caller counts it).
pub fn glyph_to_text(name: &str) -> Option<String> {
    // Suffixes after a period are variants (`a.sc`, `one.oldstyle`); underscores join
    // ligature components (`f_i`).
    let name = name.split('.').next().unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    if name.contains('_') {
        let mut out = String::new();
        for part in name.split('_') {
            out.push_str(&glyph_to_text(part)?);
        }
        return Some(out);
    }
    if let Some(text) = SYMBOLS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t.to_string())
    {
        return Some(text);
    }
    if let Some(hex) = name.strip_prefix("uni") {
        return unicode_hex(hex, 4);
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Some(text) = unicode_hex(hex, hex.len())
    {
        return Some(text);
    }
    letter_with_accents(name)
}

/// `uni` names may carry several four-digit code points (`uni00410301`).
fn unicode_hex(hex: &str, group: usize) -> Option<String> {
    if hex.is_empty()
        || !hex.len().is_multiple_of(group)
        || !hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let mut out = String::new();
    for i in (0..hex.len()).step_by(group) {
        let cp = u32::from_str_radix(hex.get(i..i + group)?, 16).ok()?;
        // Surrogates are not characters.
        out.push(char::from_u32(cp)?);
    }
    Some(out)
}

fn letter_with_accents(name: &str) -> Option<String> {
    let (base, mut rest) = SPECIAL_BASES
        .iter()
        .find(|(n, _)| name.starts_with(n))
        .map(|(n, c)| (*c, &name[n.len()..]))
        .or_else(|| {
            let first = name.chars().next()?;
            first
                .is_ascii_alphabetic()
                .then(|| (first, &name[first.len_utf8()..]))
        })?;
    let mut out = String::new();
    out.push(base);
    while !rest.is_empty() {
        let (word, mark) = ACCENTS.iter().find(|(w, _)| rest.starts_with(w))?;
        out.push(*mark);
        rest = &rest[word.len()..];
    }
    Some(out.nfc().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_compose_from_accent_words() {
        assert_eq!(glyph_to_text("ohorn").as_deref(), Some("ơ"));
        assert_eq!(glyph_to_text("Uhorn").as_deref(), Some("Ư"));
        assert_eq!(glyph_to_text("acircumflexacute").as_deref(), Some("ấ"));
        assert_eq!(glyph_to_text("abrevehookabove").as_deref(), Some("ẳ"));
        assert_eq!(glyph_to_text("ecircumflexdotbelow").as_deref(), Some("ệ"));
        assert_eq!(glyph_to_text("uhorntilde").as_deref(), Some("ữ"));
        assert_eq!(glyph_to_text("dcroat").as_deref(), Some("đ"));
        assert_eq!(glyph_to_text("Dcroat").as_deref(), Some("Đ"));
        assert_eq!(glyph_to_text("ygrave").as_deref(), Some("ỳ"));
        assert_eq!(glyph_to_text("a").as_deref(), Some("a"));
    }

    #[test]
    fn uni_and_u_names_and_symbols() {
        assert_eq!(glyph_to_text("uni1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_to_text("uni00410301").as_deref(), Some("A\u{301}"));
        assert_eq!(glyph_to_text("u1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_to_text("quotedblleft").as_deref(), Some("\u{201c}"));
        assert_eq!(glyph_to_text("seven").as_deref(), Some("7"));
        assert_eq!(glyph_to_text("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_to_text("a.sc").as_deref(), Some("a"));
    }

    #[test]
    fn unknown_names_are_not_invented() {
        assert_eq!(glyph_to_text("g123"), None);
        assert_eq!(glyph_to_text("uniD800"), None);
        assert_eq!(glyph_to_text("uni12"), None);
        assert_eq!(glyph_to_text(""), None);
        assert_eq!(glyph_to_text(".notdef"), None);
    }
}
