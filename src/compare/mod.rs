//! Stage 6: copy detection — fingerprints, candidates, passage alignment, match kinds.

pub mod align;
pub mod exclude;
pub mod fingerprint;
pub mod idea;
pub mod tokens;

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
