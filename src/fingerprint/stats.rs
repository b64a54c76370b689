//! Corpus statistics: how many corpus documents, from how many sources, hold each passage
//! fingerprint.
//!
//! Wording that many documents share — the legal formulas every decree repeats ("Nghị định
//! này có hiệu lực thi hành kể từ ngày…"), the declaration every civil-status form carries —
//! is not evidence of copying. Rather than list such phrases by hand, soloai measures them:
//! the document frequency of every winnowed seed shingle ([`super::shingles::winnow`]) over
//! the whole corpus. A shared passage keeps the same winnowed shingles in every text that
//! holds it, so counting those (about 2 in 9 shingles) is enough to tell common wording from
//! a passage only one or two documents share, at a quarter of the size of counting them all.
//!
//! **Sources.** Five documents from one publisher repeating that publisher's own paragraph
//! are one voice, not common wording: an entry holding that paragraph took it from that
//! publisher. So beside the number of documents the table knows how many distinct *sources*
//! hold each fingerprint, and [`CorpusStats::is_common`] asks for several
//! ([`CommonRule`]). A document's source is the `source` key of its front matter
//! (`index::front_matter`), compared after NFC, tone placement, lowercase and whitespace
//! folding ([`SourceKey::of`]). A document without one counts as a source of its own: nothing
//! says it shares an origin with any other, so on a corpus without front matter the number of
//! sources of a fingerprint is its number of documents and the rule is the old one.
//!
//! Stored compactly because most fingerprints have one holder: per fingerprint the document
//! count and one source code (no named source / the one named source all holders share /
//! mixed); only fingerprints held by several named sources, or by named and unnamed documents
//! together, keep a list of (source, documents). Every state is kept in one canonical form,
//! so removing a document gives exactly the table that never counted it.
//!
//! The index keeps this table beside its own files and updates it on `corpus add`/`remove`
//! ([`CorpusStats::add_text`], [`CorpusStats::remove_text`]), so screening pays nothing for
//! it; copy detection receives it as data.

use super::shingles::{SEED_SHINGLE, WINNOW_WINDOW, shingles, winnow};
use super::tokens::{mix64, tokenize};
use crate::normalize;

/// File format marker and version of [`CorpusStats::to_bytes`]. Version 1 (`SOLOSDF1`) had
/// no sources; the index counts such a file again from its stored texts (see
/// `index::CorpusIndex::corpus_stats`).
const MAGIC: &[u8; 8] = b"SOLOSDF2";

/// Source code of a fingerprint no holder of which names a source.
const UNNAMED: u32 = u32::MAX;
/// Source code of a fingerprint whose holders are listed in `CorpusStats::mixed`.
const MIXED: u32 = u32::MAX - 1;
/// Occurrences gathered before they are merged into the table (bounds memory while counting
/// a whole corpus: 16 bytes each).
const MERGE_CHUNK: usize = 1 << 21;

/// The source a document's wording comes from, as counted by [`CorpusStats`]: a 32-bit hash
/// of the folded name, or [`SourceKey::UNNAMED`]. Two different names colliding (about one
/// chance in 10⁴ among a thousand sources) would only be counted as one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceKey(u32);

impl SourceKey {
    /// A document that names no source: a source of its own.
    pub const UNNAMED: SourceKey = SourceKey(UNNAMED);

    /// The key of a front matter's `source` (`None`, empty or blank: unnamed). Names are
    /// compared in NFC with one tone placement, lowercase, trimmed and with runs of white
    /// space as one space, so "Cổng Dịch vụ công  quốc gia" and "cổng dịch vụ công quốc gia"
    /// are one source.
    pub fn of(name: Option<&str>) -> SourceKey {
        let Some(name) = name else {
            return SourceKey::UNNAMED;
        };
        let folded = normalize::comparison_form(name);
        let mut h = 0x736f_7572_6365_0001u64;
        let mut words = 0u64;
        for word in folded.split_whitespace() {
            words += 1;
            for chunk in word.as_bytes().chunks(8) {
                let mut w = [0u8; 8];
                w[..chunk.len()].copy_from_slice(chunk);
                h = mix64(h ^ u64::from_le_bytes(w) ^ ((chunk.len() as u64) << 59));
            }
            h = mix64(h ^ words);
        }
        if words == 0 {
            return SourceKey::UNNAMED;
        }
        SourceKey((h % u64::from(MIXED)) as u32)
    }
}

/// When a fingerprint is common wording ([`CorpusStats::is_common`]): held by at least
/// `min_docs` documents, and either from at least `min_sources` distinct sources or by at
/// least `min_share` of all documents counted. `min_docs = 0` turns the rule off;
/// `min_sources ≤ 1` makes the number of documents enough; `min_share ≤ 0` turns the share
/// path off. In a corpus under `min_docs / min_share` documents (500 at 5 and 1 %) the
/// share path holds for every fingerprint of `min_docs` documents, so sources decide only
/// in larger corpora unless `min_share` is 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommonRule {
    pub min_docs: usize,
    pub min_sources: usize,
    pub min_share: f64,
}

/// The fingerprints a [`CommonRule`] calls common ([`CorpusStats::common_keys`]).
#[derive(Debug, Clone, Default)]
pub struct CommonKeys(rustc_hash::FxHashSet<u64>);

impl CommonKeys {
    pub fn contains(&self, key: u64) -> bool {
        self.0.contains(&key)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Document frequencies (and source counts) of winnowed shingles over a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Documents counted.
    docs: u32,
    /// Sorted shingle hashes and, at the same index, how many documents hold each…
    keys: Vec<u64>,
    counts: Vec<u32>,
    /// …and where they come from: [`UNNAMED`] when no holder names a source, the one named
    /// source when every holder names it, [`MIXED`] otherwise.
    sources: Vec<u32>,
    /// For each [`MIXED`] fingerprint, the named sources holding it and how many documents
    /// each, sorted by (fingerprint, source); its unnamed holders are the rest of its count.
    mixed: Vec<(u64, u32, u32)>,
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

fn clamp_u32(c: i64) -> u32 {
    c.clamp(0, i64::from(u32::MAX)) as u32
}

impl CorpusStats {
    /// Statistics of a set of texts none of which names a source (e.g. a corpus given on
    /// the command line).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> CorpusStats {
        CorpusStats::from_docs(texts.into_iter().map(|t| (t, None)))
    }

    /// Statistics of a set of (text, source name) documents.
    pub fn from_docs<'a>(
        docs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
    ) -> CorpusStats {
        let mut s = CorpusStats::default();
        s.add_many(
            docs.into_iter()
                .map(|(t, src)| (doc_fingerprints(t), SourceKey::of(src))),
        );
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

    /// From how many distinct sources the documents holding this fingerprint come (a
    /// document naming no source is one source).
    pub fn sources(&self, key: u64) -> u32 {
        self.keys
            .binary_search(&key)
            .map_or(0, |i| self.sources_at(i))
    }

    fn sources_at(&self, i: usize) -> u32 {
        let count = self.counts.get(i).copied().unwrap_or(0);
        match self.sources.get(i).copied().unwrap_or(UNNAMED) {
            UNNAMED => count,
            MIXED => {
                let key = self.keys[i];
                let from = self.mixed.partition_point(|e| e.0 < key);
                let (mut named, mut held) = (0u32, 0u32);
                for e in self.mixed[from..].iter().take_while(|e| e.0 == key) {
                    named += 1;
                    held = held.saturating_add(e.2);
                }
                named.saturating_add(count.saturating_sub(held))
            }
            _ => 1,
        }
    }

    /// Is this fingerprint wording many documents share, by `rule`? The one place that
    /// decides "cụm từ phổ biến" ([`CommonRule`]).
    pub fn is_common(&self, key: u64, rule: &CommonRule) -> bool {
        if rule.min_docs == 0 {
            return false;
        }
        self.keys
            .binary_search(&key)
            .is_ok_and(|i| self.is_common_at(i, rule))
    }

    /// Every fingerprint [`CorpusStats::is_common`] calls common by `rule`, in a hash set: a
    /// batch asks about every fingerprint of every document, and one probe of this set (most
    /// fingerprints are in no other document, so it is small) costs less than a binary
    /// search of the whole table.
    pub fn common_keys(&self, rule: &CommonRule) -> CommonKeys {
        if rule.min_docs == 0 {
            return CommonKeys::default();
        }
        CommonKeys(
            self.keys
                .iter()
                .enumerate()
                .filter(|&(i, _)| self.is_common_at(i, rule))
                .map(|(_, &k)| k)
                .collect(),
        )
    }

    /// [`CorpusStats::is_common`] of the fingerprint at index `i` of the table.
    fn is_common_at(&self, i: usize, rule: &CommonRule) -> bool {
        let docs = self.counts.get(i).copied().unwrap_or(0) as usize;
        if docs < rule.min_docs {
            return false;
        }
        if rule.min_share > 0.0 && docs as f64 >= rule.min_share * f64::from(self.docs) {
            return true;
        }
        self.sources_at(i) as usize >= rule.min_sources
    }

    /// A digest of the whole table (documents, fingerprints, counts and sources): what a
    /// result prepared with these statistics was prepared with.
    pub fn digest(&self) -> u64 {
        let mut h = mix64(u64::from(self.docs) ^ ((self.keys.len() as u64) << 32));
        for ((k, c), s) in self.keys.iter().zip(&self.counts).zip(&self.sources) {
            h = mix64(h ^ k ^ u64::from(*c) ^ (u64::from(*s) << 32));
        }
        for (k, s, c) in &self.mixed {
            h = mix64(h ^ k ^ u64::from(*s) ^ (u64::from(*c) << 32));
        }
        h
    }

    /// Count one more document (`source`: its front matter's `source`, if any).
    pub fn add_text(&mut self, text: &str, source: Option<&str>) {
        self.add_fingerprints(doc_fingerprints(text), SourceKey::of(source));
    }

    /// Count one more document from its [`doc_fingerprints`].
    pub fn add_fingerprints(&mut self, keys: Vec<u64>, source: SourceKey) {
        self.add_many([(keys, source)]);
    }

    /// Count many documents at once, each given by its [`doc_fingerprints`] and source.
    pub fn add_many(&mut self, docs: impl IntoIterator<Item = (Vec<u64>, SourceKey)>) {
        let mut pending: Vec<(u64, u32)> = Vec::new();
        let mut pending_docs = 0i64;
        for (keys, source) in docs {
            pending.extend(keys.into_iter().map(|k| (k, source.0)));
            pending_docs += 1;
            if pending.len() >= MERGE_CHUNK {
                pending.sort_unstable();
                self.merge_sorted(&pending, pending_docs, 1);
                pending.clear();
                pending_docs = 0;
            }
        }
        pending.sort_unstable();
        self.merge_sorted(&pending, pending_docs, 1);
    }

    /// Forget a document counted before (its text and source as they were added).
    pub fn remove_text(&mut self, text: &str, source: Option<&str>) {
        let source = SourceKey::of(source).0;
        let keys: Vec<(u64, u32)> = doc_fingerprints(text)
            .into_iter()
            .map(|k| (k, source))
            .collect();
        self.merge_sorted(&keys, -1, -1);
    }

    /// Merge `add` (sorted by fingerprint then source, repeats allowed) into the table, each
    /// occurrence adding `step` documents of its fingerprint from its source.
    fn merge_sorted(&mut self, add: &[(u64, u32)], docs: i64, step: i64) {
        self.docs = clamp_u32(i64::from(self.docs) + docs);
        if add.is_empty() {
            return;
        }
        let cap = self.keys.len() + add.len() / 2;
        let mut keys = Vec::with_capacity(cap);
        let mut counts = Vec::with_capacity(cap);
        let mut sources = Vec::with_capacity(cap);
        let mut mixed = Vec::with_capacity(self.mixed.len());
        let (mut i, mut j, mut m) = (0usize, 0usize, 0usize);
        // One fingerprint's holders: named (source, documents) and unnamed documents.
        let mut named: Vec<(u32, i64)> = Vec::new();
        loop {
            let next = match (self.keys.get(i), add.get(j)) {
                (Some(&a), Some(&(b, _))) => a.min(b),
                (Some(&a), None) => a,
                (None, Some(&(b, _))) => b,
                (None, None) => break,
            };
            named.clear();
            let mut unnamed = 0i64;
            if self.keys.get(i) == Some(&next) {
                let count = i64::from(self.counts[i]);
                match self.sources[i] {
                    UNNAMED => unnamed = count,
                    MIXED => {
                        while self.mixed.get(m).is_some_and(|e| e.0 < next) {
                            m += 1;
                        }
                        let mut held = 0i64;
                        while let Some(&(_, s, c)) = self.mixed.get(m).filter(|e| e.0 == next) {
                            named.push((s, i64::from(c)));
                            held += i64::from(c);
                            m += 1;
                        }
                        unnamed = count - held;
                    }
                    s => named.push((s, count)),
                }
                i += 1;
            }
            while let Some(&(_, s)) = add.get(j).filter(|e| e.0 == next) {
                if s == UNNAMED {
                    unnamed += step;
                } else if let Some(e) = named.iter_mut().find(|e| e.0 == s) {
                    e.1 += step;
                } else {
                    named.push((s, step));
                }
                j += 1;
            }
            named.retain(|e| e.1 > 0);
            let unnamed = unnamed.max(0);
            let total = unnamed + named.iter().map(|e| e.1).sum::<i64>();
            if total <= 0 {
                continue;
            }
            keys.push(next);
            counts.push(clamp_u32(total));
            match (named.len(), unnamed) {
                (0, _) => sources.push(UNNAMED),
                (1, 0) => sources.push(named[0].0),
                _ => {
                    sources.push(MIXED);
                    named.sort_unstable();
                    mixed.extend(named.iter().map(|&(s, c)| (next, s, clamp_u32(c))));
                }
            }
        }
        keys.shrink_to_fit();
        counts.shrink_to_fit();
        sources.shrink_to_fit();
        mixed.shrink_to_fit();
        self.keys = keys;
        self.counts = counts;
        self.sources = sources;
        self.mixed = mixed;
    }

    /// A compact binary form: magic, document count, fingerprint count, the named sources
    /// used (sorted 32-bit keys), then LEB128 varints: the fingerprints as gaps, their counts,
    /// their source codes (0 unnamed, 1 mixed, 2 + position in the list), and for each mixed
    /// fingerprint the number of its named sources and (code, documents) for each. About 8.5
    /// bytes a fingerprint where version 1 took 12 (`benches/corpus-stats-results.txt`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut table: Vec<u32> = self
            .sources
            .iter()
            .copied()
            .filter(|&s| s < MIXED)
            .chain(self.mixed.iter().map(|e| e.1))
            .collect();
        table.sort_unstable();
        table.dedup();
        let code = |s: u32| match s {
            UNNAMED => 0,
            MIXED => 1,
            s => 2 + table.binary_search(&s).unwrap_or(0) as u64,
        };
        let mut out = Vec::with_capacity(24 + table.len() * 4 + self.keys.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.docs.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        out.extend_from_slice(&(table.len() as u32).to_le_bytes());
        for s in &table {
            out.extend_from_slice(&s.to_le_bytes());
        }
        let mut last = 0u64;
        for &k in &self.keys {
            put_varint(&mut out, k - last);
            last = k;
        }
        for &c in &self.counts {
            put_varint(&mut out, u64::from(c));
        }
        for &s in &self.sources {
            put_varint(&mut out, code(s));
        }
        let mut m = 0;
        for (&k, &s) in self.keys.iter().zip(&self.sources) {
            if s != MIXED {
                continue;
            }
            let from = m;
            while self.mixed.get(m).is_some_and(|e| e.0 == k) {
                m += 1;
            }
            put_varint(&mut out, (m - from) as u64);
            for e in &self.mixed[from..m] {
                put_varint(&mut out, code(e.1));
                put_varint(&mut out, u64::from(e.2));
            }
        }
        out
    }

    /// Read [`CorpusStats::to_bytes`]; `None` for anything damaged, not in canonical form,
    /// or of another version (version 1 included).
    pub fn from_bytes(bytes: &[u8]) -> Option<CorpusStats> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let docs = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let n = usize::try_from(u64::from_le_bytes(rest.get(4..12)?.try_into().ok()?)).ok()?;
        let t = u32::from_le_bytes(rest.get(12..16)?.try_into().ok()?) as usize;
        let table_bytes = rest.get(16..16usize.checked_add(t.checked_mul(4)?)?)?;
        let table: Vec<u32> = table_bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or([0; 4])))
            .collect();
        if table.windows(2).any(|w| w[0] >= w[1]) || table.last().is_some_and(|&s| s >= MIXED) {
            return None;
        }
        let mut r = Reader(&rest[16 + t * 4..]);
        // Three varints of at least a byte each per fingerprint: refuse a count the file
        // cannot hold before allocating for it.
        if n > r.0.len() / 3 {
            return None;
        }
        let source = |code: u64| -> Option<u32> {
            match code {
                0 => Some(UNNAMED),
                1 => Some(MIXED),
                c => table.get(usize::try_from(c - 2).ok()?).copied(),
            }
        };
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u64;
        for i in 0..n {
            let gap = r.varint()?;
            if i > 0 && gap == 0 {
                return None;
            }
            last = last.checked_add(gap)?;
            keys.push(last);
        }
        let mut counts = Vec::with_capacity(n);
        for _ in 0..n {
            let c = u32::try_from(r.varint()?).ok().filter(|&c| c > 0)?;
            counts.push(c);
        }
        let mut sources = Vec::with_capacity(n);
        for _ in 0..n {
            sources.push(source(r.varint()?)?);
        }
        let mut mixed = Vec::new();
        for ((&k, &count), &s) in keys.iter().zip(&counts).zip(&sources) {
            if s != MIXED {
                continue;
            }
            let len = usize::try_from(r.varint()?).ok()?;
            if len == 0 || len > r.0.len() / 2 {
                return None;
            }
            let (mut held, mut prev) = (0u64, None);
            for _ in 0..len {
                let src = source(r.varint()?).filter(|&s| s < MIXED)?;
                let c = u32::try_from(r.varint()?).ok().filter(|&c| c > 0)?;
                if prev.is_some_and(|p| p >= src) {
                    return None;
                }
                prev = Some(src);
                held += u64::from(c);
                mixed.push((k, src, c));
            }
            // Canonical: a lone named source with no unnamed holder is not mixed.
            if held > u64::from(count) || (len == 1 && held == u64::from(count)) {
                return None;
            }
        }
        if !r.0.is_empty() {
            return None;
        }
        Some(CorpusStats {
            docs,
            keys,
            counts,
            sources,
            mixed,
        })
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// LEB128 varints off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for (i, &b) in self.0.iter().enumerate().take(10) {
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                return None;
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                self.0 = &self.0[i + 1..];
                return Some(v);
            }
        }
        None
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

    /// A document of its own wording only (shares no fingerprint with the others).
    fn filler(i: usize) -> String {
        format!("Tài liệu {i} ghi {i} chép {i} việc {i} riêng {i} của {i} đơn vị {i}.")
    }

    /// The formula's fingerprints every holder shares (those wholly inside it).
    fn formula_keys(s: &CorpusStats, holders: u32) -> Vec<u64> {
        let keys: Vec<u64> = doc_fingerprints(FORMULA)
            .into_iter()
            .filter(|&k| s.df(k) == holders)
            .collect();
        assert!(!keys.is_empty());
        keys
    }

    const RULE: CommonRule = CommonRule {
        min_docs: 5,
        min_sources: 2,
        min_share: 0.01,
    };

    #[test]
    fn counts_documents_not_occurrences_and_forgets_on_remove() {
        let texts: Vec<String> = (0..6).map(doc).collect();
        let mut s = CorpusStats::from_texts(texts.iter().map(String::as_str));
        assert_eq!(s.docs(), 6);
        let formula = doc_fingerprints(FORMULA);
        assert!(!formula.is_empty());
        // Every fingerprint wholly inside the formula is in all six documents.
        assert!(formula.iter().any(|&k| s.df(k) == 6));
        s.remove_text(&texts[0], None);
        assert_eq!(s.docs(), 5);
        assert!(formula.iter().all(|&k| s.df(k) <= 5));
        let mut again = s.clone();
        again.add_text(&texts[0], None);
        assert_eq!(
            again,
            CorpusStats::from_texts(texts.iter().map(String::as_str))
        );
    }

    #[test]
    fn removing_a_document_gives_the_table_that_never_counted_it() {
        // Sources cycle through named, differently spelled names of one source, and none,
        // so fingerprints pass through every state (unnamed, one source, mixed).
        let names = [
            Some("Cổng Dịch vụ công quốc gia"),
            Some("  cổng dịch vụ  CÔNG quốc gia "),
            Some("Bộ Tư pháp"),
            None,
            Some("Sở Nội vụ tỉnh Lạng Sơn"),
        ];
        let texts: Vec<String> = (0..12)
            .map(|i| if i % 4 == 3 { filler(i) } else { doc(i) })
            .collect();
        let all: Vec<(&str, Option<&str>)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), names[i % names.len()]))
            .collect();
        let full = CorpusStats::from_docs(all.iter().copied());
        assert!(!full.mixed.is_empty(), "some fingerprint must be mixed");
        // Remove every subset of a few documents, one by one and in another order.
        for drop in [
            vec![0],
            vec![3],
            vec![2, 7],
            vec![0, 1, 5, 10],
            vec![11, 4, 8],
        ] {
            let mut s = full.clone();
            for &d in drop.iter().rev() {
                s.remove_text(all[d].0, all[d].1);
            }
            let kept = CorpusStats::from_docs(
                all.iter()
                    .enumerate()
                    .filter(|(i, _)| !drop.contains(i))
                    .map(|(_, d)| *d),
            );
            assert_eq!(s, kept, "after removing {drop:?}");
            assert_eq!(s.digest(), kept.digest());
            // And adding them back (one at a time, as `corpus add` batches may) restores it.
            for &d in &drop {
                s.add_text(all[d].0, all[d].1);
            }
            assert_eq!(s, full, "after adding {drop:?} back");
        }
        // Removing everything leaves nothing.
        let mut s = full.clone();
        for d in &all {
            s.remove_text(d.0, d.1);
        }
        assert_eq!(s, CorpusStats::default());
    }

    #[test]
    fn sources_are_names_folded_and_an_unnamed_document_is_its_own_source() {
        let texts: Vec<String> = (0..5).map(doc).collect();
        let one = [
            "Bộ Tư pháp",
            "bộ tư pháp",
            " BỘ TƯ  PHÁP",
            "Bộ Tư Pháp\n",
            "Bộ tư pháp",
        ];
        let s = CorpusStats::from_docs(texts.iter().map(String::as_str).zip(one.map(Some)));
        for k in formula_keys(&s, 5) {
            assert_eq!(s.sources(k), 1);
        }
        let s = CorpusStats::from_texts(texts.iter().map(String::as_str));
        for k in formula_keys(&s, 5) {
            assert_eq!(s.sources(k), 5);
        }
        // Four from one source and one unnamed: two sources.
        let mut four = one.map(Some);
        four[2] = None;
        let s = CorpusStats::from_docs(texts.iter().map(String::as_str).zip(four));
        for k in formula_keys(&s, 5) {
            assert_eq!(s.sources(k), 2);
        }
        assert_eq!(SourceKey::of(Some("  ")), SourceKey::UNNAMED);
        assert_ne!(
            SourceKey::of(Some("Bộ Tư pháp")),
            SourceKey::of(Some("Bộ Tài chính"))
        );
        // NFD spelling and old tone placement are the same name.
        assert_eq!(
            SourceKey::of(Some("Sở Y tế tỉnh Thanh Hóa")),
            SourceKey::of(Some(
                "so\u{31b}\u{309} y te\u{302}\u{301} ti\u{309}nh thanh hoá"
            ))
        );
    }

    /// `formula` documents holding the formula with the given sources, among `fillers`
    /// documents of their own wording.
    fn corpus(sources: &[Option<&str>], fillers: usize) -> CorpusStats {
        let texts: Vec<String> = (0..sources.len()).map(doc).collect();
        let others: Vec<String> = (0..fillers).map(|i| filler(1000 + i)).collect();
        CorpusStats::from_docs(
            texts
                .iter()
                .map(String::as_str)
                .zip(sources.iter().copied())
                .chain(others.iter().map(|t| (t.as_str(), None))),
        )
    }

    #[test]
    fn common_needs_several_sources_in_a_large_corpus() {
        let a = Some("Cổng thông tin A");
        let b = Some("Cổng thông tin B");
        // 5 of 600 documents (under 1 %): one source is not enough, two are.
        let s = corpus(&[a, a, a, a, a], 595);
        assert_eq!(s.docs(), 600);
        assert!(formula_keys(&s, 5).iter().all(|&k| !s.is_common(k, &RULE)));
        let s = corpus(&[a, a, a, b, a], 595);
        assert!(formula_keys(&s, 5).iter().all(|&k| s.is_common(k, &RULE)));
        // Unnamed documents are each a source of their own.
        let s = corpus(&[None; 5], 595);
        assert!(formula_keys(&s, 5).iter().all(|&k| s.is_common(k, &RULE)));
        // Fewer than `min_docs` documents never, whatever the sources.
        let s = corpus(&[a, b, None, None], 596);
        assert!(formula_keys(&s, 4).iter().all(|&k| !s.is_common(k, &RULE)));
        // `min_sources = 1`: the number of documents alone (the rule before sources).
        let s = corpus(&[a, a, a, a, a], 595);
        let docs_only = CommonRule {
            min_sources: 1,
            ..RULE
        };
        assert!(
            formula_keys(&s, 5)
                .iter()
                .all(|&k| s.is_common(k, &docs_only))
        );
        // `min_docs = 0` turns it off.
        let off = CommonRule {
            min_docs: 0,
            ..RULE
        };
        let s = corpus(&[None; 5], 595);
        assert!(formula_keys(&s, 5).iter().all(|&k| !s.is_common(k, &off)));
    }

    #[test]
    fn the_set_of_common_keys_says_what_is_common_says() {
        let (a, b) = (Some("Cổng thông tin A"), Some("Cổng thông tin B"));
        let off = CommonRule {
            min_docs: 0,
            ..RULE
        };
        for (sources, fillers) in [
            (&[a, a, a, a, a][..], 595),
            (&[a, a, a, b, a][..], 595),
            (&[None; 5][..], 595),
            (&[a, b, None, None][..], 596),
            (&[a, a][..], 8),
        ] {
            let s = corpus(sources, fillers);
            for rule in [RULE, off] {
                let set = s.common_keys(&rule);
                let all: Vec<u64> = doc_fingerprints(FORMULA)
                    .into_iter()
                    .chain(doc_fingerprints(&filler(1000)))
                    .collect();
                for k in all {
                    assert_eq!(set.contains(k), s.is_common(k, &rule), "{sources:?}");
                }
                let common = formula_keys(&s, sources.len() as u32)
                    .iter()
                    .any(|&k| s.is_common(k, &rule));
                assert_eq!(set.is_empty(), !common, "{sources:?}");
            }
        }
    }

    #[test]
    fn common_from_one_source_when_it_is_a_share_of_the_corpus() {
        let a = Some("Cổng thông tin A");
        // 6 of 600 documents is 1 %: common even from one source; 5 of 600 is not.
        let s = corpus(&[a; 6], 594);
        assert!(formula_keys(&s, 6).iter().all(|&k| s.is_common(k, &RULE)));
        let s = corpus(&[a; 5], 595);
        assert!(formula_keys(&s, 5).iter().all(|&k| !s.is_common(k, &RULE)));
        // A small corpus: 5 of 40 documents is far over 1 %, so common from one source…
        let s = corpus(&[a; 5], 35);
        assert!(formula_keys(&s, 5).iter().all(|&k| s.is_common(k, &RULE)));
        // …unless the share path is off, and sources decide alone.
        let no_share = CommonRule {
            min_share: 0.0,
            ..RULE
        };
        assert!(
            formula_keys(&s, 5)
                .iter()
                .all(|&k| !s.is_common(k, &no_share))
        );
    }

    #[test]
    fn round_trips_and_rejects_damage_and_the_old_format() {
        let a = Some("Nguồn A");
        let s = CorpusStats::from_docs([
            (doc(1).as_str(), a),
            (doc(2).as_str(), Some("Nguồn B")),
            (doc(3).as_str(), None),
            (doc(4).as_str(), a),
            (filler(5).as_str(), a),
        ]);
        assert!(!s.mixed.is_empty());
        let bytes = s.to_bytes();
        assert_eq!(CorpusStats::from_bytes(&bytes).as_ref(), Some(&s));
        for cut in [1, 2, 5, bytes.len() / 2, bytes.len() - 20] {
            assert_eq!(CorpusStats::from_bytes(&bytes[..bytes.len() - cut]), None);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(CorpusStats::from_bytes(&longer), None);
        let mut huge = bytes.clone();
        huge[12..20].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(CorpusStats::from_bytes(&huge), None);
        assert_eq!(CorpusStats::from_bytes(b"nonsense"), None);
        // A version 1 file (no sources) is not read as this one.
        let mut v1 = b"SOLOSDF1".to_vec();
        v1.extend_from_slice(&1u32.to_le_bytes());
        v1.extend_from_slice(&1u64.to_le_bytes());
        v1.extend_from_slice(&7u64.to_le_bytes());
        v1.extend_from_slice(&1u32.to_le_bytes());
        assert_eq!(CorpusStats::from_bytes(&v1), None);
        // The empty table too.
        let empty = CorpusStats::default();
        assert_eq!(CorpusStats::from_bytes(&empty.to_bytes()), Some(empty));
    }
}
