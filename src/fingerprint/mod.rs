//! What index and compare share: how a text is cut into words and fingerprinted, what a
//! corpus document is, and the statistics the corpus keeps about its wording.
//!
//! Neither `index` nor `compare` imports the other: the index computes and stores
//! [`Signature`]s and [`CorpusStats`] with the functions here, and copy detection receives
//! them as data.

pub mod shingles;
pub mod stats;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
pub use stats::{CommonKeys, CorpusStats};
use tokens::tokenize;

/// What a corpus document is, which decides what a match with it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorpusKind {
    /// A model already applied in the province (mô hình đã áp dụng trong tỉnh).
    Applied,
    /// A solution publicly applied elsewhere (đã công khai áp dụng ở địa phương khác).
    Published,
    /// An entry of an earlier contest (bài đã tham gia cuộc thi khác).
    PastEntry,
    /// Boilerplate such as the contest plan itself: matches with it are excluded, not flagged.
    Template,
}

impl CorpusKind {
    pub const ALL: [CorpusKind; 4] = [
        CorpusKind::Applied,
        CorpusKind::Published,
        CorpusKind::PastEntry,
        CorpusKind::Template,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CorpusKind::Applied => "applied",
            CorpusKind::Published => "published",
            CorpusKind::PastEntry => "past-entry",
            CorpusKind::Template => "template",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CorpusKind::Applied => lang.words().corpus_kinds.applied,
            CorpusKind::Published => lang.words().corpus_kinds.published,
            CorpusKind::PastEntry => lang.words().corpus_kinds.past_entry,
            CorpusKind::Template => lang.words().corpus_kinds.template,
        }
    }
}

impl std::fmt::Display for CorpusKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CorpusKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "applied" => Ok(CorpusKind::Applied),
            "published" => Ok(CorpusKind::Published),
            "past-entry" | "pastentry" => Ok(CorpusKind::PastEntry),
            "template" => Ok(CorpusKind::Template),
            other => Err(format!(
                "unknown kind '{other}' (use applied, published, past-entry or template)"
            )),
        }
    }
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
        let tokens = tokenize(text);
        Signature {
            minhash: shingles::minhash(shingles::shingles(&tokens, shingles::SKETCH_SHINGLE)),
        }
    }

    /// Estimated Jaccard resemblance of the two texts' shingle sets (0 when either is empty).
    pub fn resemblance(&self, other: &Signature) -> f64 {
        shingles::estimate_resemblance(&self.minhash, &other.minhash)
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
        assert_eq!(a.minhash.len(), shingles::SKETCH_LEN);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(a.resemblance(&Signature::compute(&copy)), 1.0);
        assert!(a.resemblance(&Signature::compute(other)) < 0.2);
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }
}
