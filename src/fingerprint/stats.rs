//! Corpus statistics: how many corpus documents hold each passage fingerprint.
//!
//! Wording that many documents share — the legal formulas every decree repeats ("Nghị định
//! này có hiệu lực thi hành kể từ ngày…"), the declaration every civil-status form carries —
//! is not evidence of copying. Rather than list such phrases by hand, soloai measures them:
//! the document frequency of every winnowed seed shingle ([`super::shingles::winnow`]) over
//! the whole corpus. A shared passage keeps the same winnowed shingles in every text that
//! holds it, so counting those (about 2 in 9 shingles) is enough to tell common wording from
//! a passage only one or two documents share, at a quarter of the size of counting them all.
//!
//! The index keeps this table beside its own files and updates it on `corpus add`/`remove`
//! ([`CorpusStats::add_text`], [`CorpusStats::remove_text`]), so screening pays nothing for
//! it; copy detection receives it as data.

use super::shingles::{SEED_SHINGLE, WINNOW_WINDOW, shingles, winnow};
use super::tokens::tokenize;

/// File format marker and version of [`CorpusStats::to_bytes`].
const MAGIC: &[u8; 8] = b"SOLOSDF1";

/// Document frequencies of winnowed shingles over a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Documents counted.
    docs: u32,
    /// Sorted shingle hashes and, at the same index, how many documents hold each.
    keys: Vec<u64>,
    counts: Vec<u32>,
}

/// The distinct winnowed shingles of a text, sorted: what one document contributes.
pub fn doc_fingerprints(text: &str) -> Vec<u64> {
    let tokens = tokenize(text);
    let seeds = shingles(&tokens, SEED_SHINGLE);
    let mut keys: Vec<u64> = winnow(&seeds, WINNOW_WINDOW, |_| false)
        .into_iter()
        .map(|(h, _)| h)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl CorpusStats {
    /// Statistics of a set of texts (e.g. a corpus given on the command line).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> CorpusStats {
        let mut all: Vec<u64> = Vec::new();
        let mut docs = 0u32;
        for t in texts {
            all.extend(doc_fingerprints(t));
            docs += 1;
        }
        let mut s = CorpusStats::default();
        s.add_many(all, docs as usize);
        s
    }

    /// Number of documents counted.
    pub fn docs(&self) -> usize {
        self.docs as usize
    }

    /// Distinct fingerprints known.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many documents hold this fingerprint.
    pub fn df(&self, key: u64) -> u32 {
        self.keys
            .binary_search(&key)
            .ok()
            .and_then(|i| self.counts.get(i).copied())
            .unwrap_or(0)
    }

    /// A digest of the whole table (documents, fingerprints and counts): what a result
    /// prepared with these statistics was prepared with.
    pub fn digest(&self) -> u64 {
        use super::tokens::mix64;
        let mut h = mix64(u64::from(self.docs) ^ ((self.keys.len() as u64) << 32));
        for (k, c) in self.keys.iter().zip(&self.counts) {
            h = mix64(h ^ k ^ u64::from(*c));
        }
        h
    }

    /// Count one more document.
    pub fn add_text(&mut self, text: &str) {
        self.add_fingerprints(doc_fingerprints(text));
    }

    /// Count one more document from its [`doc_fingerprints`].
    pub fn add_fingerprints(&mut self, keys: Vec<u64>) {
        self.merge_sorted(keys, 1, 1);
    }

    /// Count many documents at once: `keys` holds each document's distinct fingerprints.
    pub fn add_many(&mut self, mut keys: Vec<u64>, docs: usize) {
        keys.sort_unstable();
        self.merge_sorted(keys, docs as i64, 1);
    }

    /// Forget a document counted before (its text as it was added).
    pub fn remove_text(&mut self, text: &str) {
        self.merge_sorted(doc_fingerprints(text), -1, -1);
    }

    /// Merge sorted `keys` (repeats allowed) into the table, each occurrence adding `step`.
    fn merge_sorted(&mut self, keys: Vec<u64>, docs: i64, step: i64) {
        self.docs = (i64::from(self.docs) + docs).clamp(0, i64::from(u32::MAX)) as u32;
        if keys.is_empty() {
            return;
        }
        let mut out_keys = Vec::with_capacity(self.keys.len() + keys.len() / 2);
        let mut out_counts = Vec::with_capacity(out_keys.capacity());
        let (mut i, mut j) = (0usize, 0usize);
        let push = |k: u64, c: i64, ok: &mut Vec<u64>, oc: &mut Vec<u32>| {
            if c > 0 {
                ok.push(k);
                oc.push(c.min(i64::from(u32::MAX)) as u32);
            }
        };
        while i < self.keys.len() || j < keys.len() {
            let next = match (self.keys.get(i), keys.get(j)) {
                (Some(&a), Some(&b)) => a.min(b),
                (Some(&a), None) => a,
                (None, Some(&b)) => b,
                (None, None) => break,
            };
            let mut c = 0i64;
            if self.keys.get(i) == Some(&next) {
                c += i64::from(self.counts[i]);
                i += 1;
            }
            while keys.get(j) == Some(&next) {
                c += step;
                j += 1;
            }
            push(next, c, &mut out_keys, &mut out_counts);
        }
        out_keys.shrink_to_fit();
        out_counts.shrink_to_fit();
        self.keys = out_keys;
        self.counts = out_counts;
    }

    /// A compact binary form: magic, document count, entry count, then the pairs (little endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + self.keys.len() * 12);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.docs.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for c in &self.counts {
            out.extend_from_slice(&c.to_le_bytes());
        }
        out
    }

    /// Read [`CorpusStats::to_bytes`]; `None` for anything damaged or of another version.
    pub fn from_bytes(bytes: &[u8]) -> Option<CorpusStats> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let docs = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let n = u64::from_le_bytes(rest.get(4..12)?.try_into().ok()?);
        let n = usize::try_from(n).ok()?;
        let body = rest.get(12..)?;
        if body.len() != n.checked_mul(12)? {
            return None;
        }
        let (kb, cb) = body.split_at(n * 8);
        let keys: Vec<u64> = kb
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        let counts: Vec<u32> = cb
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or([0; 4])))
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        Some(CorpusStats { docs, keys, counts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMULA: &str = "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành và các Bộ trưởng \
        Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này";

    fn doc(i: usize) -> String {
        format!(
            "Văn bản số {i} quy định riêng về chủ đề thứ {i} với nội dung đặc thù số {i} cho lĩnh vực {i}. {FORMULA}."
        )
    }

    #[test]
    fn counts_documents_not_occurrences_and_forgets_on_remove() {
        let texts: Vec<String> = (0..6).map(doc).collect();
        let mut s = CorpusStats::from_texts(texts.iter().map(String::as_str));
        assert_eq!(s.docs(), 6);
        let formula = doc_fingerprints(FORMULA);
        assert!(!formula.is_empty());
        // Every fingerprint wholly inside the formula is in all six documents.
        assert!(formula.iter().any(|&k| s.df(k) == 6));
        s.remove_text(&texts[0]);
        assert_eq!(s.docs(), 5);
        assert!(formula.iter().all(|&k| s.df(k) <= 5));
        let mut again = s.clone();
        again.add_text(&texts[0]);
        assert_eq!(
            again,
            CorpusStats::from_texts(texts.iter().map(String::as_str))
        );
    }

    #[test]
    fn round_trips_and_rejects_damage() {
        let s = CorpusStats::from_texts([doc(1).as_str(), doc(2).as_str()]);
        let bytes = s.to_bytes();
        assert_eq!(CorpusStats::from_bytes(&bytes), Some(s));
        assert_eq!(CorpusStats::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(CorpusStats::from_bytes(b"nonsense"), None);
    }
}
