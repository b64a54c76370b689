//! Pass 4's sentence data, kept between screenings: each document's sentences cut into terms
//! ([`CutSentences`]), found by the SHA-256 of its text and of which of its words are
//! excluded, in a [`PreparedSentences`] a caller may keep (`screen` stores it beside the
//! extraction cache) and give back to [`super::detect_with`].
//!
//! Only the weighting of the terms depends on the batch (its term frequencies), so that is done
//! every time ([`Sentences::weigh`]: one idf per distinct term, postings by counting); finding
//! the sentences, their syllables and bigrams, and sorting and counting them is done once per
//! text. What is kept is packed as varints, about three bytes per term of a sentence: 46 MB for
//! the heavy bench's 400 entries and the 7,143 corpus documents they were compared with. At most
//! [`MAX_KEPT_BYTES`] are kept (in memory, then in the file); documents cut beyond that are
//! cut again next time.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use super::super::paraphrase::{CutSentences, Sentences};
use super::super::tokens::Token;
use super::corpus::{Reader, Writer};

/// Bump when cutting changes what it produces (sentence bounds, stop words, bigrams, weights
/// in half-units).
const FORMAT: &[u8; 8] = b"SOLOPS01";

/// Packed sentence data kept at most, in bytes: what a store holds in memory and writes.
pub const MAX_KEPT_BYTES: usize = 128 << 20;

/// The SHA-256 of a text and of which of its tokens are excluded.
type SentenceKey = [u8; 32];

fn sentence_key(text: &str, skip: &[bool]) -> SentenceKey {
    let mut h = Sha256::new();
    h.update((text.len() as u64).to_le_bytes());
    h.update(text.as_bytes());
    let mut bits = vec![0u8; skip.len().div_ceil(8)];
    for (i, _) in skip.iter().enumerate().filter(|(_, s)| **s) {
        bits[i / 8] |= 1 << (i % 8);
    }
    h.update((skip.len() as u64).to_le_bytes());
    h.update(&bits);
    h.finalize().into()
}

#[derive(Debug, Clone)]
struct Kept {
    /// The packed cut is `bytes[range]`: documents read from one file share its bytes.
    bytes: Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
    /// Cut or found by this comparison: what [`PreparedSentences::to_bytes`] keeps.
    used: bool,
    /// Cut by this comparison, not found.
    new: bool,
}

/// Documents' sentences cut into terms, by text and exclusions; shared by the threads of one
/// comparison (each looks up or adds one document at a time).
#[derive(Debug, Default)]
pub struct PreparedSentences {
    docs: Mutex<Docs>,
}

#[derive(Debug)]
struct Docs {
    by_key: FxHashMap<SentenceKey, Kept>,
    /// Packed bytes of every document held, at most `limit`.
    bytes: usize,
    limit: usize,
}

impl Default for Docs {
    fn default() -> Docs {
        Docs {
            by_key: FxHashMap::default(),
            bytes: 0,
            limit: MAX_KEPT_BYTES,
        }
    }
}

impl PreparedSentences {
    /// The cut sentences of this document: found when kept (and whole), cut and kept otherwise.
    pub(super) fn cut(&self, text: &str, tokens: &[Token], skip: &[bool]) -> CutSentences {
        let key = sentence_key(text, skip);
        let found = self.docs.lock().ok().and_then(|mut docs| {
            docs.by_key.get_mut(&key).map(|k| {
                k.used = true;
                (Arc::clone(&k.bytes), k.range.clone())
            })
        });
        if let Some(cut) = found
            .and_then(|(bytes, range)| unpack(bytes.get(range)?))
            .filter(|c| c.fits(tokens.len()))
        {
            return cut;
        }
        let cut = CutSentences::new(text, tokens, skip);
        let packed = pack(&cut);
        if let Ok(mut docs) = self.docs.lock()
            && docs.bytes + packed.len() <= docs.limit
        {
            docs.bytes += packed.len();
            let kept = Kept {
                range: 0..packed.len(),
                bytes: Arc::new(packed),
                used: true,
                new: true,
            };
            // A document cut twice at once (two threads) is held once.
            if let Some(earlier) = docs.by_key.insert(key, kept) {
                docs.bytes -= earlier.range.len();
            }
        }
        cut
    }

    /// Documents kept.
    pub fn len(&self) -> usize {
        self.docs.lock().map_or(0, |d| d.by_key.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether [`Self::to_bytes`] would keep something other than what was read: a document
    /// was cut here, or one read was not used.
    pub fn changed(&self) -> bool {
        self.docs
            .lock()
            .is_ok_and(|d| d.by_key.values().any(|k| k.new || !k.used))
    }

    /// The documents this comparison used (found or cut), for the next one: a batch's worth,
    /// not every document ever screened.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let Ok(docs) = self.docs.lock() else {
            return Err(std::io::Error::other("sentence store poisoned"));
        };
        let mut used: Vec<(&SentenceKey, &[u8])> = docs
            .by_key
            .iter()
            .filter(|(_, k)| k.used)
            .map(|(key, k)| (key, k.bytes.get(k.range.clone()).unwrap_or(&[])))
            .collect();
        used.sort_unstable_by_key(|(key, _)| **key);
        out.write_all(FORMAT)?;
        out.write_all(&(used.len() as u64).to_le_bytes())?;
        for (key, packed) in used {
            out.write_all(key)?;
            out.write_all(&(packed.len() as u64).to_le_bytes())?;
            out.write_all(packed)?;
        }
        Ok(())
    }

    /// [`Self::write_to`] into memory.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.write_to(&mut out) {
            Ok(()) => out,
            Err(_) => Vec::new(),
        }
    }

    /// What [`Self::to_bytes`] wrote, every document not yet used; `None` for bytes it
    /// cannot have written.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<PreparedSentences> {
        if bytes.len() > MAX_KEPT_BYTES + (1 << 20) {
            return None;
        }
        let shared = Arc::new(bytes);
        let mut r = Reader(&shared);
        if r.take(FORMAT.len())? != FORMAT {
            return None;
        }
        let n = r.len(32 + 8)?;
        let mut docs = Docs {
            by_key: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            ..Docs::default()
        };
        for _ in 0..n {
            let key: SentenceKey = r.take(32)?.try_into().ok()?;
            let len = r.len(1)?;
            let start = shared.len() - r.0.len();
            r.take(len)?;
            let kept = Kept {
                bytes: Arc::clone(&shared),
                range: start..start + len,
                used: false,
                new: false,
            };
            docs.bytes += len;
            docs.by_key.insert(key, kept);
        }
        r.0.is_empty().then(|| PreparedSentences {
            docs: Mutex::new(docs),
        })
    }
}

/// Sentence lengths, the document's terms, then each sentence's (term index from the one
/// before, half-units).
fn pack(cut: &CutSentences) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(
        16 + cut.terms.len() * 8 + cut.slots.len() * 3,
    ));
    w.varint(cut.ranges.len() as u64);
    for &(s, e) in &cut.ranges {
        w.varint(u64::from(e.saturating_sub(s)));
    }
    w.varint(cut.terms.len() as u64);
    for &t in &cut.terms {
        w.u64(t);
    }
    for j in 0..cut.ranges.len() {
        let from = cut.starts.get(j).map_or(0, |&s| s as usize);
        let to = cut.starts.get(j + 1).map_or(from, |&s| s as usize);
        let slots = cut.slots.get(from..to).unwrap_or(&[]);
        w.varint(slots.len() as u64);
        let mut last = 0u32;
        for &(t, h) in slots {
            w.varint(u64::from(t.saturating_sub(last)));
            w.varint(u64::from(h));
            last = t;
        }
    }
    w.0
}

/// What [`pack`] wrote; `None` for bytes it cannot have written (whether the cut fits its
/// document is [`CutSentences::fits`]).
fn unpack(bytes: &[u8]) -> Option<CutSentences> {
    let mut r = Reader(bytes);
    let small = |x: u64| u32::try_from(x).ok();
    let sentences = usize::try_from(r.varint()?).ok()?;
    if sentences > bytes.len() {
        return None;
    }
    let mut ranges = Vec::with_capacity(sentences);
    let mut at = 0u32;
    for _ in 0..sentences {
        let end = at.checked_add(small(r.varint()?)?)?;
        ranges.push((at, end));
        at = end;
    }
    let terms = usize::try_from(r.varint()?).ok()?;
    if terms.checked_mul(8)? > r.0.len() {
        return None;
    }
    let terms = (0..terms).map(|_| r.u64()).collect::<Option<Vec<u64>>>()?;
    let mut starts = Vec::with_capacity(sentences + 1);
    let mut slots = Vec::new();
    starts.push(0);
    for _ in 0..sentences {
        let n = usize::try_from(r.varint()?).ok()?;
        if n > r.0.len() {
            return None;
        }
        let mut last = 0u32;
        for _ in 0..n {
            let t = last.checked_add(small(r.varint()?)?)?;
            slots.push((t, small(r.varint()?)?));
            last = t;
        }
        starts.push(u32::try_from(slots.len()).ok()?);
    }
    r.0.is_empty().then_some(CutSentences {
        ranges,
        terms,
        starts,
        slots,
    })
}

/// The sentences of a document weighted by the batch's frequencies, cut here or found in
/// `store`.
pub(super) fn sentences_of(
    store: Option<&PreparedSentences>,
    text: &str,
    tokens: &[Token],
    skip: &[bool],
    df: &super::super::idea::DocFreq,
) -> Sentences {
    match store {
        Some(store) => Sentences::weigh(&store.cut(text, tokens, skip), df),
        None => Sentences::new(text, tokens, skip, df),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tokens::tokenize;

    const TEXT: &str = "Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh qua cổng dịch vụ công \
        trực tuyến. Người dân nộp hồ sơ trên cổng dịch vụ công mà không phải đến xã; kết quả \
        được trả qua bưu điện.\nMục 2\nPhường thu phí bằng chuyển khoản thay cho tiền mặt tại bộ \
        phận một cửa, người dân không phải xếp hàng.";

    #[test]
    fn a_cut_packs_and_unpacks_to_itself_and_fits_its_document() {
        let tokens = tokenize(TEXT);
        let mut skip = vec![false; tokens.len()];
        skip[3] = true;
        let cut = CutSentences::new(TEXT, &tokens, &skip);
        assert!(cut.ranges.len() >= 3, "{:?}", cut.ranges);
        assert!(!cut.slots.is_empty());
        assert!(cut.fits(tokens.len()));
        assert!(!cut.fits(tokens.len() + 1));
        assert_eq!(unpack(&pack(&cut)), Some(cut.clone()));
        // Damaged bytes are refused, never a panic.
        let packed = pack(&cut);
        for n in 0..packed.len() {
            let _ = unpack(&packed[..n]).map(|c| c.fits(tokens.len()));
        }
        assert_eq!(unpack(&packed[..packed.len() - 1]), None);
    }

    #[test]
    fn a_kept_document_is_found_by_text_and_exclusions_and_weighs_as_a_fresh_cut() {
        let tokens = tokenize(TEXT);
        let skip = vec![false; tokens.len()];
        let df = super::super::super::idea::DocFreq::default();
        df.add(&tokens);
        df.add(&tokenize("Sở Tài chính hướng dẫn quyết toán kinh phí."));

        let store = PreparedSentences::default();
        let first = store.cut(TEXT, &tokens, &skip);
        assert_eq!(store.len(), 1);
        assert!(store.changed());

        // Read back: nothing changed until it is used; used, it is the same cut.
        let again = PreparedSentences::from_bytes(store.to_bytes()).expect("read back");
        assert_eq!(again.len(), 1);
        assert!(
            again.changed(),
            "a kept document not yet used is dropped on writing"
        );
        assert_eq!(again.cut(TEXT, &tokens, &skip), first);
        assert!(!again.changed());
        let weighed = Sentences::weigh(&first, &df);
        let fresh = Sentences::new(TEXT, &tokens, &skip, &df);
        assert_eq!(weighed.ranges, fresh.ranges);
        assert_eq!(weighed.vectors, fresh.vectors);

        // Other exclusions are another document.
        let mut other_skip = skip.clone();
        other_skip[0] = true;
        let other = again.cut(TEXT, &tokens, &other_skip);
        assert_eq!(again.len(), 2);
        assert_ne!(other, first);

        // Only what this comparison used is written.
        let third = PreparedSentences::from_bytes(again.to_bytes()).expect("read back");
        third.cut(TEXT, &tokens, &skip);
        let kept = PreparedSentences::from_bytes(third.to_bytes()).expect("read back");
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn beyond_the_limit_documents_are_cut_but_not_kept() {
        let tokens = tokenize(TEXT);
        let skip = vec![false; tokens.len()];
        let one = pack(&CutSentences::new(TEXT, &tokens, &skip)).len();
        let store = PreparedSentences {
            docs: Mutex::new(Docs {
                limit: one + 10,
                ..Docs::default()
            }),
        };
        let first = store.cut(TEXT, &tokens, &skip);
        assert_eq!(store.len(), 1);
        let mut other = skip.clone();
        other[1] = true;
        let second = store.cut(TEXT, &tokens, &other);
        assert!(second.fits(tokens.len()) && second != first);
        assert_eq!(store.len(), 1, "kept beyond the limit");
        // The same document again is found, not added twice.
        assert_eq!(store.cut(TEXT, &tokens, &skip), first);
        assert_eq!(store.docs.lock().unwrap().bytes, one);
    }

    #[test]
    fn foreign_or_damaged_bytes_are_refused() {
        let tokens = tokenize(TEXT);
        let store = PreparedSentences::default();
        store.cut(TEXT, &tokens, &vec![false; tokens.len()]);
        let bytes = store.to_bytes();
        assert!(PreparedSentences::from_bytes(Vec::new()).is_none());
        assert!(PreparedSentences::from_bytes(b"SOLOPS00\0\0\0\0\0\0\0\0".to_vec()).is_none());
        for n in 0..bytes.len() {
            assert!(
                PreparedSentences::from_bytes(bytes[..n].to_vec()).is_none(),
                "{n}"
            );
        }
        // A kept cut that does not fit the document is cut again, not used.
        let mut docs = store.docs.lock().unwrap();
        let key = sentence_key(TEXT, &vec![false; tokens.len()]);
        let empty = pack(&CutSentences::default());
        let kept = docs.by_key.get_mut(&key).unwrap();
        kept.range = 0..empty.len();
        kept.bytes = Arc::new(empty);
        drop(docs);
        let cut = store.cut(TEXT, &tokens, &vec![false; tokens.len()]);
        assert!(cut.fits(tokens.len()));
    }
}
