//! The structure of a Vietnamese syllable: initial consonant, vowel nucleus, final consonant,
//! and one tone (thanh điệu) carried by one vowel of the nucleus.
//!
//! Two jobs need this: [`super::comparison_form`] puts the tone on one canonical vowel so that
//! "hoà" and "hòa" compare equal, and legacy-encoding detection asks "does this decode to real
//! Vietnamese words?" ([`is_vietnamese_syllable`]). Everything here works on single
//! precomposed (NFC) lower-case letters and allocates nothing.

/// The five marked tones; `None` is thanh ngang (level, unmarked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    None,
    /// huyền (grave)
    Grave,
    /// sắc (acute)
    Acute,
    /// hỏi (hook above)
    Hook,
    /// ngã (tilde)
    Tilde,
    /// nặng (dot below)
    Dot,
}

impl Tone {
    pub const MARKED: [Tone; 5] = [Tone::Grave, Tone::Acute, Tone::Hook, Tone::Tilde, Tone::Dot];

    fn index(self) -> usize {
        match self {
            Tone::None => 0,
            Tone::Grave => 1,
            Tone::Acute => 2,
            Tone::Hook => 3,
            Tone::Tilde => 4,
            Tone::Dot => 5,
        }
    }

    /// The combining mark (U+0300 block) that writes this tone in decomposed text.
    pub fn combining_mark(self) -> Option<char> {
        match self {
            Tone::None => None,
            Tone::Grave => Some('\u{0300}'),
            Tone::Acute => Some('\u{0301}'),
            Tone::Hook => Some('\u{0309}'),
            Tone::Tilde => Some('\u{0303}'),
            Tone::Dot => Some('\u{0323}'),
        }
    }
}

/// Each row: a vowel letter without tone, then with grave, acute, hook, tilde, dot.
/// Written out from the Vietnamese alphabet; the order is [`Tone::index`].
const LOWER_ROWS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Code points of toned lower-case vowels live in two blocks: Latin-1/Latin Extended-A/B
/// (à, ĩ, ũ …) and Latin Extended Additional (ạ … ỹ). Each table entry is `row * 8 + tone`
/// for the char at that code point, or 0 (row 0 tone 0, plain 'a', is never looked up).
const LOW_BLOCK: (u32, u32) = (0xC0, 0x1B0);
const HIGH_BLOCK: (u32, u32) = (0x1EA0, 0x1EF9);

const fn build_block(lo: u32, hi: u32) -> [u8; 0x150] {
    let mut table = [0u8; 0x150];
    let mut row = 0;
    while row < LOWER_ROWS.len() {
        let mut tone = 1;
        while tone < 6 {
            let cp = LOWER_ROWS[row][tone] as u32;
            if cp >= lo && cp <= hi {
                table[(cp - lo) as usize] = (row * 8 + tone) as u8;
            }
            tone += 1;
        }
        row += 1;
    }
    table
}

static LOW_TABLE: [u8; 0x150] = build_block(LOW_BLOCK.0, LOW_BLOCK.1);
static HIGH_TABLE: [u8; 0x150] = build_block(HIGH_BLOCK.0, HIGH_BLOCK.1);

/// Split a lower-case letter into its toneless letter and its tone: 'ệ' → ('ê', Dot).
/// Any other char comes back unchanged with `Tone::None`.
#[inline]
pub fn split_tone(c: char) -> (char, Tone) {
    let cp = c as u32;
    let entry = if cp < LOW_BLOCK.0 {
        return (c, Tone::None);
    } else if cp <= LOW_BLOCK.1 {
        LOW_TABLE.get((cp - LOW_BLOCK.0) as usize)
    } else if (HIGH_BLOCK.0..=HIGH_BLOCK.1).contains(&cp) {
        HIGH_TABLE.get((cp - HIGH_BLOCK.0) as usize)
    } else {
        None
    };
    match entry.copied() {
        Some(e) if e != 0 => {
            let (row, tone) = ((e / 8) as usize, (e % 8) as usize);
            match (LOWER_ROWS.get(row), TONE_BY_INDEX.get(tone)) {
                (Some(r), Some(&t)) => (r[0], t),
                _ => (c, Tone::None),
            }
        }
        _ => (c, Tone::None),
    }
}

const TONE_BY_INDEX: [Tone; 6] = [
    Tone::None,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

/// Put `tone` on the toneless lower-case vowel `base`; `None` if `base` is not a vowel.
#[inline]
pub fn with_tone(base: char, tone: Tone) -> Option<char> {
    let row = match base {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        _ => return None,
    };
    LOWER_ROWS.get(row).map(|r| r[tone.index()])
}

/// One of the twelve vowel letters (toneless, lower case).
#[inline]
pub fn is_vowel(base: char) -> bool {
    matches!(
        base,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// A vowel carrying a quality mark of its own (breve, circumflex, horn): these attract the tone.
#[inline]
fn has_quality_mark(base: char) -> bool {
    matches!(base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Where a syllable's parts start and end, in letters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    nucleus_start: usize,
    nucleus_end: usize,
}

/// Find the vowel nucleus of toneless lower-case letters. "qu" and "gi" before another vowel
/// belong to the initial (quý: the nucleus is "y"; giữ: "ư"; but gì: "i").
fn parts(bases: &[char]) -> Option<Parts> {
    let n = bases.len();
    let mut start = 0;
    let two_letter_initial = matches!(bases, ['q', 'u', v, ..] | ['g', 'i', v, ..] if is_vowel(*v));
    if two_letter_initial {
        start = 2;
    } else {
        while start < n && !is_vowel(bases[start]) {
            start += 1;
        }
    }
    let mut end = start;
    while end < n && is_vowel(bases[end]) {
        end += 1;
    }
    if end == start || bases[end..].iter().any(|&c| is_vowel(c)) {
        return None;
    }
    Some(Parts {
        nucleus_start: start,
        nucleus_end: end,
    })
}

/// The index (into `bases`) of the vowel that carries the tone, in the "new style" convention
/// (dấu kiểu mới: on the main vowel — hoà, thuỷ, khoẻ; quý). See [`super::comparison_form`].
pub fn tone_position(bases: &[char]) -> Option<usize> {
    let p = parts(bases)?;
    let nucleus = &bases[p.nucleus_start..p.nucleus_end];
    let closed = p.nucleus_end < bases.len();
    // A vowel with its own mark wins; in "ươ"/"uô"/"iê"/"yê" the second one does.
    if let Some(last_marked) = nucleus.iter().rposition(|&c| has_quality_mark(c)) {
        return Some(p.nucleus_start + last_marked);
    }
    let at = match nucleus.len() {
        1 => 0,
        _ if closed => nucleus.len() - 1,
        2 => match (nucleus[0], nucleus[1]) {
            ('o', 'a') | ('o', 'e') | ('u', 'y') => 1,
            _ => 0,
        },
        _ => 1,
    };
    Some(p.nucleus_start + at)
}

const INITIALS: [&str; 27] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v",
];

const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel nuclei of Vietnamese rhymes, toneless (with the glide vowels that end "ai", "ao", …).
const NUCLEI: [&str; 48] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iu", "iê", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "uôi", "ươi",
];

const NUCLEI3: [&str; 6] = ["ươu", "uya", "uyê", "uyu", "oeo", "uây"];

fn eq_chars(s: &str, chars: &[char]) -> bool {
    let mut it = s.chars();
    for &c in chars {
        if it.next() != Some(c) {
            return false;
        }
    }
    it.next().is_none()
}

/// Whether `word` (any case, NFC) is one well-formed Vietnamese syllable: a known initial, a
/// known nucleus, a known final and at most one tone. Used to judge decodings, so it errs on
/// the side of accepting rare but real syllables.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut bases = [' '; 12];
    let mut n = 0;
    let mut tones = 0;
    let mut word_tone = Tone::None;
    for c in word.chars() {
        if n == bases.len() {
            return false;
        }
        let lower = single_lowercase(c);
        let (base, tone) = split_tone(lower);
        if !(base.is_ascii_lowercase() || base == 'đ' || is_vowel(base)) {
            return false;
        }
        if tone != Tone::None {
            tones += 1;
            word_tone = tone;
        }
        bases[n] = base;
        n += 1;
    }
    if n == 0 || tones > 1 {
        return false;
    }
    let bases = &bases[..n];
    // Try every split the initials allow ("gi" + vowel or "g" + "i…", "qu" + vowel).
    for initial in INITIALS {
        let k = initial.chars().count();
        if k > n || !eq_chars(initial, &bases[..k]) {
            continue;
        }
        let rest = &bases[k..];
        let vowels = rest.iter().take_while(|&&c| is_vowel(c)).count();
        if vowels == 0 {
            // "gi" alone is the syllable "gi" (gì): the i is its vowel.
            if initial == "gi" && rest.is_empty() {
                return true;
            }
            continue;
        }
        let (nucleus, fin) = rest.split_at(vowels);
        let nucleus_ok = NUCLEI
            .iter()
            .chain(NUCLEI3.iter())
            .any(|v| eq_chars(v, nucleus));
        // After a stop (c, ch, p, t) only the sắc and nặng tones occur.
        let stop = matches!(fin, ['c'] | ['c', 'h'] | ['p'] | ['t']);
        let tone_ok = !stop || matches!(word_tone, Tone::Acute | Tone::Dot);
        let final_ok = tone_ok && FINALS.iter().any(|f| eq_chars(f, fin));
        if nucleus_ok && final_ok {
            return true;
        }
    }
    false
}

/// Lower-case `c` when that gives exactly one char (all Vietnamese letters do); otherwise keep
/// it, so that texts and their comparison forms stay char-for-char aligned.
#[inline]
pub fn single_lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // The precomposed Vietnamese letters (Ạ ạ Ả ả … Ỹ ỹ) come in pairs, upper case first:
    // no table lookup for the most frequent non-ASCII letters (a test checks the block).
    if ('\u{1EA0}'..='\u{1EF9}').contains(&c) {
        return char::from_u32(c as u32 | 1).unwrap_or(c);
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Upper-case counterpart of [`single_lowercase`].
#[inline]
pub fn single_uppercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Move the tone of one syllable (lower-case NFC letters in `letters`) onto the vowel the
/// new-style convention names. Leaves words with no tone, two tones or no Vietnamese shape
/// untouched. Returns whether anything moved.
pub fn place_tone(letters: &mut [char]) -> bool {
    const MAX: usize = 12;
    if letters.len() > MAX {
        return false;
    }
    let mut bases = [' '; MAX];
    let mut toned: Option<(usize, Tone)> = None;
    for (i, &c) in letters.iter().enumerate() {
        let (b, t) = split_tone(c);
        bases[i] = b;
        if t != Tone::None {
            if toned.is_some() {
                return false;
            }
            toned = Some((i, t));
        }
    }
    let Some((from, tone)) = toned else {
        return false;
    };
    let bases = &bases[..letters.len()];
    let Some(to) = tone_position(bases) else {
        return false;
    };
    if to == from {
        return false;
    }
    let (Some(new_to), Some(new_from)) = (
        with_tone(bases[to], tone),
        with_tone(bases[from], Tone::None),
    ) else {
        return false;
    };
    letters[to] = new_to;
    letters[from] = new_from;
    true
}

/// Spell a lone final i/y one way: "y" after "qu" (quy, not qui), "i" after any other
/// consonant (kĩ, lí, mĩ, sĩ, hi, not kỹ, lý, mỹ, sỹ, hy). Both spellings are in official use
/// ("quy định" / "qui định", "kỹ thuật" / "kĩ thuật"), so a copy could hide behind either;
/// copy detection may apply this to each syllable of [`super::comparison_form`]. Not for names.
/// A lone "y" (the word y) and y in "ay", "ây", "uy" are left alone. Returns whether it changed.
pub fn unify_i_y(letters: &mut [char]) -> bool {
    let Some((&last, before)) = letters.split_last() else {
        return false;
    };
    let (base, tone) = split_tone(last);
    if !matches!(base, 'i' | 'y') || before.is_empty() {
        return false;
    }
    let after_qu = matches!(before, ['q', 'u']);
    let after_consonant = !after_qu
        && before
            .iter()
            .all(|&c| (c.is_ascii_lowercase() && !is_vowel(c)) || c == 'đ');
    let want = match (base, after_qu, after_consonant) {
        ('i', true, _) => 'y',
        ('y', _, true) => 'i',
        _ => return false,
    };
    match with_tone(want, tone) {
        Some(c) => {
            if let Some(slot) = letters.last_mut() {
                *slot = c;
            }
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_lowercase_of_vietnamese_letters_is_the_standard_one() {
        for c in '\u{0}'..='\u{2FFF}' {
            let mut it = c.to_lowercase();
            let standard = match (it.next(), it.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(single_lowercase(c), standard, "U+{:04X}", c as u32);
        }
    }

    fn placed(word: &str) -> String {
        let mut letters: Vec<char> = word.chars().collect();
        place_tone(&mut letters);
        letters.into_iter().collect()
    }

    #[test]
    fn tone_goes_on_the_main_vowel_new_style() {
        assert_eq!(placed("hòa"), "hoà");
        assert_eq!(placed("hoà"), "hoà");
        assert_eq!(placed("thủy"), "thuỷ");
        assert_eq!(placed("khỏe"), "khoẻ");
        assert_eq!(placed("qúy"), "quý");
        assert_eq!(placed("quý"), "quý");
        assert_eq!(placed("qủa"), "quả");
        assert_eq!(placed("muà"), "mùa");
        assert_eq!(placed("cuả"), "của");
        assert_eq!(placed("hoàn"), "hoàn");
        assert_eq!(placed("hòan"), "hoàn");
        assert_eq!(placed("ngừơi"), "người");
        assert_eq!(placed("giữ"), "giữ");
        assert_eq!(placed("gìn"), "gìn");
        assert_eq!(placed("khuỷu"), "khuỷu");
        assert_eq!(placed("thúơng"), "thuớng");
        assert_eq!(placed("xoáy"), "xoáy");
        assert_eq!(placed("tiếng"), "tiếng");
        assert_eq!(placed("víêt"), "viết");
    }

    #[test]
    fn split_and_with_tone_agree_on_every_vowel() {
        for row in &LOWER_ROWS {
            for (i, &c) in row.iter().enumerate() {
                assert_eq!(split_tone(c), (row[0], TONE_BY_INDEX[i]), "{c}");
                assert_eq!(with_tone(row[0], TONE_BY_INDEX[i]), Some(c));
            }
        }
        assert_eq!(split_tone('đ'), ('đ', Tone::None));
        assert_eq!(split_tone('ß'), ('ß', Tone::None));
        assert_eq!(split_tone('Ạ'), ('Ạ', Tone::None));
    }

    #[test]
    fn final_i_and_y_are_spelled_one_way() {
        let unified = |w: &str| {
            let mut letters: Vec<char> = w.chars().collect();
            unify_i_y(&mut letters);
            letters.into_iter().collect::<String>()
        };
        assert_eq!(unified("kỹ"), "kĩ");
        assert_eq!(unified("lý"), "lí");
        assert_eq!(unified("mỹ"), "mĩ");
        assert_eq!(unified("hy"), "hi");
        assert_eq!(unified("đỵ"), "đị");
        assert_eq!(unified("qui"), "quy");
        assert_eq!(unified("quí"), "quý");
        for same in [
            "y", "ý", "tay", "tây", "thuỷ", "quy", "lí", "kĩ", "gi", "ai",
        ] {
            assert_eq!(unified(same), same);
        }
    }

    #[test]
    fn non_vietnamese_words_are_left_alone() {
        assert_eq!(placed("café"), "café");
        assert_eq!(placed("été"), "été");
        assert_eq!(placed("naïve"), "naïve");
    }

    #[test]
    fn syllable_shapes() {
        for w in [
            "người",
            "Việt",
            "Nam",
            "quý",
            "giữ",
            "gì",
            "khuỷu",
            "nghiêng",
            "của",
            "và",
            "được",
            "hòa",
            "hoà",
            "thuở",
            "oai",
            "ưu",
            "yêu",
            "đ\u{1ea1}i",
            "a",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "cỏc",
            "vàt",
            "mãch",
            "été",
            "the4",
            "strength",
            "áà",
            "ngwa",
            "café",
            "naïve",
            "vµ",
            "®\u{AD}îc",
            "",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }
}
