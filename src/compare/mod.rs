//! Stage 6: copy detection — fingerprints, candidates, passage alignment, match kinds.
//!
//! Works on plain strings, so it knows nothing of file formats and nothing of Vietnamese
//! beyond Unicode (English entries are compared the same way). All spans are **byte offsets**
//! into the text given for each document — for an entry, [`crate::Extracted::text`].
//!
//! How a batch is compared ([`detect`]):
//! 1. each document is cut into words ([`tokens`]), quotations and legal citations are marked
//!    excluded ([`exclude`]), and so is anything aligned with a `template` corpus document;
//! 2. candidates, never all N² pairs: LSH banding over MinHash sketches (whole-document
//!    resemblance), shared winnowed shingles (one copied paragraph), shared distinctive terms
//!    (same idea), plus any pairs the caller adds (BM25 from the corpus index);
//! 3. each candidate pair is verified by passage alignment ([`align`]) and tf-idf similarity
//!    ([`idea`]), and gets a [`MatchKind`] by the [`Thresholds`].
//!
//! Corpus documents are only ever compared with entries, never with each other.

pub mod align;
mod detect;
pub mod exclude;
pub mod fingerprint;
pub mod idea;
mod recycled;
pub mod synth;
pub mod tokens;

pub use detect::{detect, detect_with};
pub use exclude::Reason;
pub use recycled::{
    Finding, FindingCode, RevisionInfo, receiving_point_findings, recycled_finding,
};

use serde::{Deserialize, Serialize};

use crate::Lang;

/// An entry (bài dự thi) as copy detection sees it.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// How reports name it (usually the file name).
    pub id: &'a str,
    /// The extracted text (NFC); spans are byte offsets into it.
    pub text: &'a str,
    /// Receiving point (đầu mối tiếp nhận) it was sent to, from the manifest.
    pub receiving_point: Option<&'a str>,
}

/// What a corpus document is (applied model, published solution, past entry, template): the
/// index's own kind, so the two stages cannot drift apart.
pub use crate::index::CorpusKind;

/// A document of the corpus of prior ideas.
#[derive(Debug, Clone, Copy)]
pub struct CorpusInput<'a> {
    pub id: &'a str,
    /// Spans into the corpus document are byte offsets into this text.
    pub text: &'a str,
    pub kind: CorpusKind,
    /// For `PastEntry`: the contest it ran in, and when.
    pub contest: Option<&'a str>,
    pub year: Option<u16>,
    /// For `PastEntry`: whether it won a prize.
    pub awarded: Option<bool>,
    /// The sketch stored in the corpus index, if any (computed from `text` otherwise).
    pub signature: Option<&'a Signature>,
}

/// What a match is with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "index")]
pub enum Source {
    /// Another entry (index into the `entries` slice); always greater than the match's entry.
    Entry(usize),
    /// A corpus document (index into the `corpus` slice).
    Corpus(usize),
}

/// How much was taken, from the council's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// Word for word, (nearly) all of it.
    Exact,
    /// Most of it, with light edits.
    Near,
    /// One or more copied passages inside otherwise original text.
    Partial,
    /// The same solution in other words.
    Idea,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Near => "near",
            MatchKind::Partial => "partial",
            MatchKind::Idea => "idea",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MatchKind::Exact => lang.pick("Sao chép nguyên văn", "Verbatim copy"),
            MatchKind::Near => lang.pick("Sao chép có chỉnh sửa", "Copy with light edits"),
            MatchKind::Partial => lang.pick("Sao chép một phần", "Copied passage(s)"),
            MatchKind::Idea => lang.pick("Trùng lặp ý tưởng", "Same idea in other words"),
        }
    }

    /// Copying of wording (everything but `Idea`).
    pub fn is_copy(self) -> bool {
        !matches!(self, MatchKind::Idea)
    }
}

/// One matched passage: byte ranges in the entry's text and in the source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSpan {
    pub entry_start: usize,
    pub entry_end: usize,
    pub source_start: usize,
    pub source_end: usize,
    /// Words of the entry in the passage (excluded words not counted).
    pub words: usize,
}

/// An entry matched with another entry or a corpus document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index into `entries`.
    pub entry: usize,
    pub source: Source,
    pub kind: MatchKind,
    /// The figure the kind was decided on: containment for copies, `idea_similarity` for ideas.
    pub score: f64,
    /// Share of the entry's counted words inside matched passages.
    pub entry_share: f64,
    /// Share of the source's counted words inside matched passages.
    pub source_share: f64,
    /// Matched words over the words of both (Jaccard-like resemblance).
    pub resemblance: f64,
    /// Share of matched words that are word-for-word identical (the rest bridge edits).
    pub identity: f64,
    /// tf-idf cosine similarity over content words.
    pub idea_similarity: f64,
    pub spans: Vec<MatchSpan>,
}

/// Whether a match is worth a flag (cảnh báo): a copy of (nearly) the whole text, or copied
/// passages adding up to at least `min_passage_words` words on both sides; an `idea` match
/// only with a corpus document (the caller decides which corpus kinds count). Shorter shared
/// phrases (an office's name, a stock phrase) are listed among the matches but flag nothing.
/// The rule the screen's COPY / CORPUS-COPY / IDEA flags follow, here so benches use it too.
pub fn flag_worthy(m: &Match, source_text: &str, thresholds: &Thresholds) -> bool {
    match m.kind {
        MatchKind::Exact | MatchKind::Near => true,
        MatchKind::Idea => matches!(m.source, Source::Corpus(_)),
        MatchKind::Partial => {
            let words: usize = m
                .spans
                .iter()
                .map(|s| {
                    let source_words = source_text
                        .get(s.source_start..s.source_end)
                        .map_or(0, |t| t.split_whitespace().count());
                    s.words.min(source_words)
                })
                .sum();
            words >= thresholds.min_passage_words
        }
    }
}

/// A byte range left out of every figure, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedSpan {
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
}

/// The outcome of comparing a batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    /// Sorted by entry, then source.
    pub matches: Vec<Match>,
    /// Per entry (same order as `entries`): what was excluded.
    pub excluded: Vec<Vec<ExcludedSpan>>,
    /// Per entry: share of its counted words not in any copied passage (1.0 = original).
    pub originality: Vec<f64>,
    /// Entries linked by exact or near matches with each other, each group sorted, 2+ members.
    pub clusters: Vec<Vec<usize>>,
    /// How much work candidate generation saved.
    pub stats: DetectStats,
}

/// Counters that show the N² wall was not climbed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectStats {
    pub entries: usize,
    pub corpus: usize,
    /// Pairs verified by alignment.
    pub candidate_pairs: usize,
    pub from_sketch: usize,
    pub from_shingles: usize,
    pub from_terms: usize,
    pub from_caller: usize,
}

/// What the corpus index stores per document so screening never re-extracts the corpus.
/// Contract with `index`: `compute`, `to_bytes`, `from_bytes` keep these signatures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    pub minhash: Vec<u64>,
}

impl Signature {
    /// The MinHash sketch (128 values, one-permutation hashing over word 3-shingles of the
    /// normalized text). Text with fewer than three words gives an empty sketch, which
    /// matches nothing.
    pub fn compute(text: &str) -> Signature {
        let tokens = tokens::tokenize(text);
        Signature {
            minhash: fingerprint::minhash(fingerprint::shingles(
                &tokens,
                fingerprint::SKETCH_SHINGLE,
            )),
        }
    }

    /// Estimated Jaccard resemblance of the two texts' shingle sets (0 when either is empty).
    pub fn resemblance(&self, other: &Signature) -> f64 {
        fingerprint::estimate_resemblance(&self.minhash, &other.minhash)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.minhash.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if !bytes.len().is_multiple_of(8) {
            return None;
        }
        Some(Signature {
            minhash: bytes
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                .collect(),
        })
    }
}

/// Where copy detection draws its lines. Lives in the contest profile (`[compare]`), so a
/// council can tune it and each report can explain it in one sentence. The compare stage
/// owns the meaning of each field and may add fields (always with a default).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Containment (share of the entry covered by matched passages) from which a match is `exact`.
    pub exact_min: f64,
    /// Containment from which a match is `near` (light edits).
    pub near_min: f64,
    /// Shortest copied passage, in words, that makes a `partial` match.
    pub min_passage_words: usize,
    /// Term-weighted similarity from which a match with little shared wording is an `idea` match.
    pub idea_min: f64,
    /// A passage shared by more than this share of all entries is treated as template text.
    pub template_share: f64,
    /// Share of new text a recycled entry needs to count as really revised.
    pub revision_min_new_share: f64,
    /// Share of matched words that must be word-for-word identical for `exact` (else `near`).
    pub exact_identity: f64,
    /// Shortest aligned passage, in words, counted at all (shorter ones are common phrases).
    pub min_span_words: usize,
    /// Largest run of edited words bridged inside one passage.
    pub max_gap_words: usize,
    /// A passage is auto-template only if at least this many entries share it (small batches).
    pub template_min_entries: usize,
    /// Copy share below which a high `idea_similarity` is reported as `idea`.
    pub idea_max_copy_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            exact_min: 0.9,
            near_min: 0.6,
            min_passage_words: 25,
            idea_min: 0.5,
            template_share: 0.3,
            revision_min_new_share: 0.3,
            exact_identity: 0.97,
            min_span_words: 12,
            max_gap_words: 20,
            template_min_entries: 5,
            idea_max_copy_share: 0.3,
        }
    }
}

impl Thresholds {
    /// The thresholds in one sentence, for the head of every report.
    pub fn explain(&self, lang: Lang) -> String {
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        match lang {
            Lang::Vi => format!(
                "Chỉ tính các đoạn trùng từ {} âm tiết trở lên, không tính trích dẫn, căn cứ pháp lý, văn bản mẫu và đoạn có ở hơn {} số bài; \
                 \"sao chép nguyên văn\" khi từ {} nội dung bài trùng gần như từng chữ, \"sao chép có chỉnh sửa\" khi từ {} nội dung bài trùng, \
                 \"sao chép một phần\" khi có đoạn trùng từ {} âm tiết, \"trùng lặp ý tưởng\" khi độ tương đồng từ khóa (tf-idf) từ {} mà ít câu chữ trùng.",
                self.min_span_words,
                pct(self.template_share),
                pct(self.exact_min),
                pct(self.near_min),
                self.min_passage_words,
                pct(self.idea_min),
            ),
            Lang::En => format!(
                "Only passages of {}+ words count, never quotations, legal citations, template text or passages in more than {} of entries; \
                 \"verbatim\" when {}+ of the entry matches almost word for word, \"near\" when {}+ matches with edits, \
                 \"partial\" when a passage of {}+ words matches, \"idea\" when term-weighted (tf-idf) similarity is {}+ with little shared wording.",
                self.min_span_words,
                pct(self.template_share),
                pct(self.exact_min),
                pct(self.near_min),
                self.min_passage_words,
                pct(self.idea_min),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_round_trips_and_sees_copies() {
        let original = "Đề xuất số hoá hồ sơ một cửa tại UBND cấp xã để người dân nộp hồ sơ trực tuyến, \
            tra cứu kết quả bằng mã QR và nhận thông báo qua tin nhắn thay vì đi lại nhiều lần.";
        let copy = original.to_uppercase();
        let other = "Sắp xếp lại tổ chức bộ máy các phòng chuyên môn theo hướng tinh gọn, giảm đầu mối \
            trung gian và phân cấp rõ trách nhiệm người đứng đầu trong thực thi công vụ.";
        let a = Signature::compute(original);
        assert_eq!(a.minhash.len(), fingerprint::SKETCH_LEN);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(a.resemblance(&Signature::compute(&copy)), 1.0);
        assert!(a.resemblance(&Signature::compute(other)) < 0.2);
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }
}
