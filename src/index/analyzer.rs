//! The Vietnamese analyzer the corpus index registers in tantivy.
//!
//! Vietnamese writes one syllable per word, so a token is a syllable ([`normalize::syllables`]);
//! there is no stemming to do. Two forms are indexed from the same text:
//! - [`SYLLABLE_ANALYZER`]: the comparison form (NFC, lowercase, one tone-placement convention),
//!   so "hoà" and "hòa", NFC and NFD input, upper and lower case all meet;
//! - [`FOLDED_ANALYZER`]: the same, diacritics folded to ASCII (đ→d, ệ→e), so a query typed
//!   without diacritics ("thu tuc mot cua") still finds "thủ tục một cửa".
//!
//! Offsets are always offsets into the text given, never into a normalized copy: tantivy's
//! snippet generator highlights the stored (NFC) text with them.

use std::collections::HashSet;
use std::sync::OnceLock;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::normalize::{self, Syllables};

/// Tokenizer name of the syllable (with diacritics) fields.
pub const SYLLABLE_ANALYZER: &str = "soloai_vi";
/// Tokenizer name of the diacritic-free fields.
pub const FOLDED_ANALYZER: &str = "soloai_vi_folded";
/// Bumped whenever tokens change (stop words, normalization); an index built with another
/// version still opens, and `corpus rebuild` re-indexes it from the stored texts.
pub const ANALYZER_VERSION: u32 = 1;

/// A syllable longer than this is not a word (a URL, a hash, a run of digits): not indexed.
const MAX_TOKEN_CHARS: usize = 40;

/// Function words that say nothing about what a model or solution is. Our own list, kept
/// short on purpose: words that carry meaning in administrative reform stay searchable —
/// "một" (một cửa, one-stop), "không" (không dùng tiền mặt, cashless), "năm", "người",
/// "thủ", "tục", "số" (chuyển đổi số), "công", "dân".
const STOP_WORDS: &[&str] = &[
    "à", "ạ", "ấy", "bị", "bởi", "cả", "các", "cái", "cho", "chứ", "có", "còn", "của", "cùng",
    "cũng", "dù", "đã", "đang", "đây", "để", "đến", "đều", "đó", "gì", "hay", "hoặc", "khi", "là",
    "lại", "mà", "mỗi", "này", "nào", "nên", "nếu", "nhưng", "những", "nữa", "ở", "ra", "rằng",
    "rất", "sẽ", "tại", "thì", "từ", "và", "vẫn", "vào", "về", "vì", "với", "vừa",
];

fn stop_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORDS
            .iter()
            .map(|w| normalize::comparison_form(w))
            .collect()
    })
}

/// True when `word` (in comparison form) is one of our stop words.
pub fn is_stop_word(comparison_word: &str) -> bool {
    stop_words().contains(comparison_word)
}

/// The syllable tokenizer. `fold` selects the diacritic-free form.
#[derive(Debug, Clone, Copy)]
pub struct VietnameseTokenizer {
    fold: bool,
}

impl VietnameseTokenizer {
    pub fn syllables() -> Self {
        VietnameseTokenizer { fold: false }
    }

    pub fn folded() -> Self {
        VietnameseTokenizer { fold: true }
    }
}

/// Register both analyzers on an index (tokenizers are not persisted by tantivy, so this
/// runs on every open).
pub fn register(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(
        SYLLABLE_ANALYZER,
        TextAnalyzer::from(VietnameseTokenizer::syllables()),
    );
    manager.register(
        FOLDED_ANALYZER,
        TextAnalyzer::from(VietnameseTokenizer::folded()),
    );
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = VietnameseTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietnameseTokenStream<'a> {
        VietnameseTokenStream {
            text,
            syllables: normalize::syllables(text),
            fold: self.fold,
            token: Token::default(),
            scratch: String::new(),
            next_position: 0,
        }
    }
}

/// Lazily walks the syllables of one text, reusing its buffers.
pub struct VietnameseTokenStream<'a> {
    text: &'a str,
    syllables: Syllables<'a>,
    fold: bool,
    token: Token,
    scratch: String,
    next_position: usize,
}

impl TokenStream for VietnameseTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for (start, end) in self.syllables.by_ref() {
            let Some(word) = self.text.get(start..end) else {
                continue;
            };
            if word.chars().count() > MAX_TOKEN_CHARS {
                continue;
            }
            self.scratch.clear();
            match normalize::nfc_cow(word) {
                // A run of word chars already NFC is one syllable as it is.
                std::borrow::Cow::Borrowed(syllable) => {
                    normalize::push_syllable_form(syllable, &mut self.scratch)
                }
                std::borrow::Cow::Owned(composed) => {
                    normalize::push_comparison_form(&composed, &mut self.scratch)
                }
            }
            // Stop words are judged with their diacritics, so "và" is dropped but "vá" is
            // kept, in both fields.
            if is_stop_word(&self.scratch) {
                continue;
            }
            self.token.text.clear();
            if self.fold {
                normalize::push_fold_ascii(&self.scratch, &mut self.token.text);
            } else {
                self.token.text.push_str(&self.scratch);
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.next_position;
            self.token.position_length = 1;
            self.next_position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The tokens `text` gives in one field, for tests and for picking distinctive terms.
pub fn tokens(text: &str, fold: bool) -> Vec<String> {
    let mut tokenizer = VietnameseTokenizer { fold };
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_lowercase_comparison_form_without_stop_words() {
        assert_eq!(
            tokens("Thủ tục MỘT CỬA và dịch vụ công", false),
            ["thủ", "tục", "một", "cửa", "dịch", "vụ", "công"]
        );
    }

    #[test]
    fn nfd_input_and_old_tone_placement_give_the_same_tokens() {
        let nfc = tokens("Hoà giải ở cơ sở, thuỷ lợi", false);
        let nfd = tokens(
            "Ho\u{0300}a gia\u{0309}i ơ\u{0309} cơ sơ\u{0309}, thu\u{0309}y lơ\u{0323}i",
            false,
        );
        let old = tokens("Hòa giải ở cơ sở, thủy lợi", false);
        assert_eq!(nfc, nfd);
        assert_eq!(nfc, old);
        assert_eq!(nfc, ["hoà", "giải", "cơ", "sở", "thuỷ", "lợi"]);
    }

    #[test]
    fn folded_tokens_drop_every_mark_and_d_stroke() {
        assert_eq!(
            tokens("ĐỀ ÁN đổi mới; người dân được hưởng lợi", true),
            [
                "de", "an", "doi", "moi", "nguoi", "dan", "duoc", "huong", "loi"
            ]
        );
        // Two marks on one letter (ệ = e + circumflex + dot below), NFD too.
        assert_eq!(tokens("bệnh vie\u{0302}\u{0323}n", true), ["benh", "vien"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Cải cách — hành chính";
        let mut tok = VietnameseTokenizer::folded();
        let mut stream = tok.token_stream(text);
        let mut spans = Vec::new();
        while stream.advance() {
            let t = stream.token();
            spans.push((
                &text[t.offset_from..t.offset_to],
                t.text.clone(),
                t.position,
            ));
        }
        assert_eq!(
            spans,
            [
                ("Cải", "cai".to_string(), 0),
                ("cách", "cach".to_string(), 1),
                ("hành", "hanh".to_string(), 2),
                ("chính", "chinh".to_string(), 3),
            ]
        );
    }

    #[test]
    fn domain_words_are_not_stop_words() {
        for w in ["năm", "người", "thủ", "tục", "một", "không", "số"] {
            assert!(!is_stop_word(&normalize::comparison_form(w)), "{w}");
        }
        assert!(is_stop_word("và"));
    }

    #[test]
    fn overlong_runs_are_skipped() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(tokens(&format!("{long} cổng"), false), ["cổng"]);
    }
}
