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
    // Greek letters and the mathematical symbols TeX and Symbol fonts name.
    ("Alpha", "\u{391}"),
    ("alpha", "\u{3b1}"),
    ("Beta", "\u{392}"),
    ("beta", "\u{3b2}"),
    ("Gamma", "\u{393}"),
    ("gamma", "\u{3b3}"),
    ("Delta", "\u{394}"),
    ("delta", "\u{3b4}"),
    ("Epsilon", "\u{395}"),
    ("epsilon", "\u{3b5}"),
    ("Zeta", "\u{396}"),
    ("zeta", "\u{3b6}"),
    ("Eta", "\u{397}"),
    ("eta", "\u{3b7}"),
    ("Theta", "\u{398}"),
    ("theta", "\u{3b8}"),
    ("Iota", "\u{399}"),
    ("iota", "\u{3b9}"),
    ("Kappa", "\u{39a}"),
    ("kappa", "\u{3ba}"),
    ("Lambda", "\u{39b}"),
    ("lambda", "\u{3bb}"),
    ("Mu", "\u{39c}"),
    ("mu", "\u{3bc}"),
    ("Nu", "\u{39d}"),
    ("nu", "\u{3bd}"),
    ("Xi", "\u{39e}"),
    ("xi", "\u{3be}"),
    ("Omicron", "\u{39f}"),
    ("omicron", "\u{3bf}"),
    ("Pi", "\u{3a0}"),
    ("pi", "\u{3c0}"),
    ("Rho", "\u{3a1}"),
    ("rho", "\u{3c1}"),
    ("Sigma", "\u{3a3}"),
    ("sigma", "\u{3c3}"),
    ("Tau", "\u{3a4}"),
    ("tau", "\u{3c4}"),
    ("Upsilon", "\u{3a5}"),
    ("upsilon", "\u{3c5}"),
    ("Phi", "\u{3a6}"),
    ("phi", "\u{3c6}"),
    ("Chi", "\u{3a7}"),
    ("chi", "\u{3c7}"),
    ("Psi", "\u{3a8}"),
    ("psi", "\u{3c8}"),
    ("Omega", "\u{3a9}"),
    ("omega", "\u{3c9}"),
    ("epsilon1", "\u{3b5}"),
    ("theta1", "\u{3d1}"),
    ("phi1", "\u{3d5}"),
    ("pi1", "\u{3d6}"),
    ("rho1", "\u{3f1}"),
    ("sigma1", "\u{3c2}"),
    ("omega1", "\u{3d6}"),
    ("asteriskmath", "\u{2217}"),
    ("lessequal", "\u{2264}"),
    ("greaterequal", "\u{2265}"),
    ("notequal", "\u{2260}"),
    ("element", "\u{2208}"),
    ("infinity", "\u{221e}"),
    ("arrowright", "\u{2192}"),
    ("arrowleft", "\u{2190}"),
    ("arrowup", "\u{2191}"),
    ("arrowdown", "\u{2193}"),
    ("arrowboth", "\u{2194}"),
    ("arrowdblright", "\u{21d2}"),
    ("arrowdblleft", "\u{21d0}"),
    ("arrowdblboth", "\u{21d4}"),
    ("radical", "\u{221a}"),
    ("prime", "\u{2032}"),
    ("approxequal", "\u{2248}"),
    ("similar", "\u{223c}"),
    ("union", "\u{222a}"),
    ("intersection", "\u{2229}"),
    ("angbracketleft", "\u{27e8}"),
    ("angbracketright", "\u{27e9}"),
    ("openbullet", "\u{25e6}"),
    ("circlecopyrt", "\u{a9}"),
    ("equivalence", "\u{2261}"),
    ("proportional", "\u{221d}"),
    ("partialdiff", "\u{2202}"),
    ("gradient", "\u{2207}"),
    ("summation", "\u{2211}"),
    ("product", "\u{220f}"),
    ("integral", "\u{222b}"),
    ("logicalor", "\u{2228}"),
    ("logicaland", "\u{2227}"),
    ("universal", "\u{2200}"),
    ("existential", "\u{2203}"),
    ("emptyset", "\u{2205}"),
    ("propersubset", "\u{2282}"),
    ("propersuperset", "\u{2283}"),
    ("reflexsubset", "\u{2286}"),
    ("reflexsuperset", "\u{2287}"),
    ("minusplus", "\u{2213}"),
    ("dotmath", "\u{22c5}"),
    ("circleplus", "\u{2295}"),
    ("circlemultiply", "\u{2297}"),
    ("lessmuch", "\u{226a}"),
    ("greatermuch", "\u{226b}"),
    ("dotlessj", "\u{237}"),
    ("ij", "\u{133}"),
    ("IJ", "\u{132}"),
    ("eng", "\u{14b}"),
    ("Eng", "\u{14a}"),
    ("visiblespace", "\u{2423}"),
    ("checkmark", "\u{2713}"),
    ("club", "\u{2663}"),
    ("diamond", "\u{2662}"),
    ("heart", "\u{2661}"),
    ("spade", "\u{2660}"),
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
        assert_eq!(glyph_to_text("Delta").as_deref(), Some("Δ"));
        assert_eq!(glyph_to_text("omega").as_deref(), Some("ω"));
        assert_eq!(glyph_to_text("lessequal").as_deref(), Some("≤"));
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
