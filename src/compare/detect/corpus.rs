//! Pass 1 for the corpus: every corpus document prepared once — its quotations and citations,
//! the wording many corpus documents share, its winnowed fingerprints and sketch, the
//! document numbers in its heading, and its words counted for the term weights — into a
//! [`PreparedCorpus`] a caller may keep (`screen` stores it beside the extraction cache) and
//! give back to [`super::detect_with`] next time, so a second screening against the same
//! corpus does not prepare thousands of documents again.
//!
//! A prepared corpus carries the digest of what it was made from (every text and kind, the
//! corpus statistics, the thresholds it depends on, this format's version); one made from
//! anything else is not used.

use rayon::prelude::*;

use crate::fingerprint::CorpusStats;
use crate::fingerprint::tokens::mix64;

use super::super::exclude::{Reason, common_rule, document_numbers, quotes_and_citations};
use super::super::idea::DocFreq;
use super::super::{CorpusInput, CorpusKind, Thresholds};
use super::prepare::{Prepared, Summary, exclude_common};

/// Bump when preparation changes what it produces.
const FORMAT: &[u8; 8] = b"SOLOPC01";

/// One corpus document, prepared.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PreparedDoc {
    pub sketch: Vec<u64>,
    pub fingerprints: Vec<(u64, u32)>,
    pub excluded: Vec<(usize, usize, Reason)>,
    pub numbers: Vec<String>,
}

impl PreparedDoc {
    /// The summary the later passes use, and the document numbers.
    fn into_summary(self) -> (Summary, Vec<String>) {
        let summary = Summary {
            sketch: self.sketch,
            fingerprints: self.fingerprints,
            excluded: self.excluded,
            ..Summary::default()
        };
        (summary, self.numbers)
    }
}

/// The corpus side of a comparison, prepared once (see the module notes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreparedCorpus {
    digest: u64,
    pub(super) docs: Vec<PreparedDoc>,
    /// The corpus's words counted for the term weights: documents, then (slot, count).
    pub(super) df_docs: u32,
    pub(super) df_counts: Vec<(u32, u32)>,
}

/// The digest of what a prepared corpus depends on.
pub fn corpus_digest(corpus: &[CorpusInput], stats: &CorpusStats, thresholds: &Thresholds) -> u64 {
    let texts: Vec<u64> = corpus
        .par_iter()
        .map(|c| {
            let mut h = mix64(c.text.len() as u64 ^ kind_code(c.kind));
            for chunk in c.text.as_bytes().chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = mix64(h ^ u64::from_le_bytes(word));
            }
            // A stored sketch is used as it is: it is part of what was prepared.
            for &m in c.signature.map_or(&[][..], |s| &s.minhash[..]) {
                h = mix64(h ^ m);
            }
            h
        })
        .collect();
    let mut h = mix64(u64::from_le_bytes(*FORMAT));
    h = mix64(h ^ stats.digest());
    h = mix64(h ^ thresholds.common_min_docs as u64);
    h = mix64(h ^ thresholds.common_min_sources as u64);
    h = mix64(h ^ thresholds.common_min_share.to_bits());
    for t in texts {
        h = mix64(h ^ t);
    }
    h
}

fn kind_code(kind: CorpusKind) -> u64 {
    match kind {
        CorpusKind::Template => 1,
        _ => {
            2 + kind
                .as_str()
                .bytes()
                .fold(0u64, |h, b| mix64(h ^ u64::from(b)))
        }
    }
}

/// Prepare every corpus document (what [`super::detect_with`] does when given none).
pub fn prepare_corpus(
    corpus: &[CorpusInput],
    stats: &CorpusStats,
    thresholds: &Thresholds,
) -> PreparedCorpus {
    let df = DocFreq::default();
    let common = stats.common_keys(&common_rule(thresholds));
    let docs: Vec<PreparedDoc> = corpus
        .par_iter()
        .map(|c| {
            let mut excluded = quotes_and_citations(c.text);
            let mut p = Prepared::new(c.text, &excluded);
            df.add(&p.tokens);
            if c.kind == CorpusKind::Template {
                return PreparedDoc::default();
            }
            exclude_common(&mut p, &mut excluded, &common);
            let sketch = match c.signature {
                Some(sig) if !sig.minhash.is_empty() => sig.minhash.clone(),
                _ => p.sketch_counted(),
            };
            PreparedDoc {
                sketch,
                fingerprints: p.fingerprints(),
                excluded,
                numbers: document_numbers(c.text),
            }
        })
        .collect();
    let (df_docs, df_counts) = df.counts();
    PreparedCorpus {
        digest: corpus_digest(corpus, stats, thresholds),
        docs,
        df_docs,
        df_counts,
    }
}

impl PreparedCorpus {
    /// [`corpus_digest`] of what this was prepared from.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// Documents prepared.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Each document's summary and document numbers, for the passes after the first.
    pub(super) fn parts(&self) -> (Vec<Summary>, Vec<Vec<String>>) {
        self.docs
            .iter()
            .cloned()
            .map(PreparedDoc::into_summary)
            .unzip()
    }

    /// [`PreparedCorpus::parts`] without copying.
    pub(super) fn into_parts(self) -> (Vec<Summary>, Vec<Vec<String>>) {
        self.docs.into_iter().map(PreparedDoc::into_summary).unzip()
    }

    /// A compact binary form (little endian): format, digest, the term counts, then each
    /// document's sketch, fingerprints, exclusions and document numbers.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.0.extend_from_slice(FORMAT);
        w.u64(self.digest);
        w.u32(self.df_docs);
        w.len(self.df_counts.len());
        for &(slot, count) in &self.df_counts {
            w.u32(slot);
            w.u32(count);
        }
        w.len(self.docs.len());
        for d in &self.docs {
            w.len(d.sketch.len());
            d.sketch.iter().for_each(|&x| w.u64(x));
            w.fingerprints_and_exclusions(&d.fingerprints, &d.excluded);
            w.len(d.numbers.len());
            for n in &d.numbers {
                w.len(n.len());
                w.0.extend_from_slice(n.as_bytes());
            }
        }
        w.0
    }

    /// Read [`PreparedCorpus::to_bytes`]; `None` for anything damaged or of another format.
    pub fn from_bytes(bytes: &[u8]) -> Option<PreparedCorpus> {
        let mut r = Reader(bytes.strip_prefix(FORMAT.as_slice())?);
        let digest = r.u64()?;
        let df_docs = r.u32()?;
        let n = r.len(8)?;
        let mut df_counts = Vec::with_capacity(n);
        for _ in 0..n {
            df_counts.push((r.u32()?, r.u32()?));
        }
        let n = r.len(4 * 8)?;
        let mut docs = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.len(8)?;
            let sketch = (0..k).map(|_| r.u64()).collect::<Option<Vec<u64>>>()?;
            let (fingerprints, excluded) = r.fingerprints_and_exclusions()?;
            let k = r.len(8)?;
            let numbers = (0..k)
                .map(|_| {
                    let len = r.len(1)?;
                    String::from_utf8(r.take(len)?.to_vec()).ok()
                })
                .collect::<Option<Vec<_>>>()?;
            docs.push(PreparedDoc {
                sketch,
                fingerprints,
                excluded,
                numbers,
            });
        }
        r.0.is_empty().then_some(PreparedCorpus {
            digest,
            docs,
            df_docs,
            df_counts,
        })
    }
}

pub(super) fn reason_code(reason: Reason) -> u8 {
    match reason {
        Reason::Template => 0,
        Reason::AutoTemplate => 1,
        Reason::Quote => 2,
        Reason::Citation => 3,
        Reason::Common => 4,
        Reason::LegalQuote => 5,
    }
}

pub(super) fn reason_of(code: u8) -> Option<Reason> {
    Some(match code {
        0 => Reason::Template,
        1 => Reason::AutoTemplate,
        2 => Reason::Quote,
        3 => Reason::Citation,
        4 => Reason::Common,
        5 => Reason::LegalQuote,
        _ => return None,
    })
}

#[derive(Default)]
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    pub(super) fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub(super) fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub(super) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    /// An unsigned number in 7-bit groups, low group first (1 byte below 128).
    pub(super) fn varint(&mut self, mut x: u64) {
        while x >= 0x80 {
            self.0.push((x as u8) | 0x80);
            x >>= 7;
        }
        self.0.push(x as u8);
    }
    /// A document's fingerprints and exclusions, as both cache formats keep them.
    pub(super) fn fingerprints_and_exclusions(
        &mut self,
        fingerprints: &[(u64, u32)],
        excluded: &[(usize, usize, Reason)],
    ) {
        self.len(fingerprints.len());
        for &(h, pos) in fingerprints {
            self.u64(h);
            self.u32(pos);
        }
        self.len(excluded.len());
        for &(s, e, reason) in excluded {
            self.u64(s as u64);
            self.u64(e as u64);
            self.0.push(reason_code(reason));
        }
    }
}

pub(super) struct Reader<'a>(pub(super) &'a [u8]);

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    pub(super) fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// What [`Writer::varint`] wrote.
    pub(super) fn varint(&mut self) -> Option<u64> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            x |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(x);
            }
        }
        None
    }
    /// A count of items of at least `min_size` bytes each: never more than the bytes left
    /// could hold, so a damaged count cannot ask for a huge allocation.
    pub(super) fn len(&mut self, min_size: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(min_size.max(1))? <= self.0.len()).then_some(n)
    }
    /// What [`Writer::fingerprints_and_exclusions`] wrote.
    #[allow(clippy::type_complexity)]
    pub(super) fn fingerprints_and_exclusions(
        &mut self,
    ) -> Option<(Vec<(u64, u32)>, Vec<(usize, usize, Reason)>)> {
        let k = self.len(12)?;
        let fingerprints = (0..k)
            .map(|_| Some((self.u64()?, self.u32()?)))
            .collect::<Option<Vec<_>>>()?;
        let k = self.len(17)?;
        let excluded = (0..k)
            .map(|_| {
                let s = usize::try_from(self.u64()?).ok()?;
                let e = usize::try_from(self.u64()?).ok()?;
                Some((s, e, reason_of(self.byte()?)?))
            })
            .collect::<Option<Vec<_>>>()?;
        Some((fingerprints, excluded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<(String, CorpusKind)> {
        let formula = "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành và các Bộ trưởng \
            chịu trách nhiệm thi hành Nghị định này";
        let mut docs: Vec<(String, CorpusKind)> = (0..7)
            .map(|i| {
                (
                    format!(
                        "Nghị định số {i}/2024/NĐ-CP về chủ đề riêng thứ {i}. Văn bản số {i} quy định \
                         riêng về nội dung đặc thù số {i} cho lĩnh vực {i} \"trích dẫn {i}\". {formula}."
                    ),
                    CorpusKind::Published,
                )
            })
            .collect();
        docs.push((
            "Mẫu trang bìa: Họ và tên, đơn vị công tác".into(),
            CorpusKind::Template,
        ));
        docs
    }

    #[test]
    fn a_prepared_corpus_reads_back_as_written_and_knows_what_it_was_made_from() {
        let docs = corpus();
        let inputs: Vec<CorpusInput> = docs
            .iter()
            .map(|(t, k)| CorpusInput::new("c", t, *k))
            .collect();
        let stats = CorpusStats::from_texts(docs.iter().map(|d| d.0.as_str()));
        let t = Thresholds::default();
        let p = prepare_corpus(&inputs, &stats, &t);
        assert_eq!(p.len(), docs.len());
        assert!(p.docs[0].excluded.iter().any(|e| e.2 == Reason::Common));
        assert!(p.docs[0].excluded.iter().any(|e| e.2 == Reason::Quote));
        assert!(!p.docs[0].numbers.is_empty());
        assert!(p.df_docs as usize == docs.len() && !p.df_counts.is_empty());
        let bytes = p.to_bytes();
        assert_eq!(PreparedCorpus::from_bytes(&bytes), Some(p.clone()));
        // Damaged or cut short: refused, never a panic or a huge allocation.
        assert_eq!(PreparedCorpus::from_bytes(&bytes[..bytes.len() - 1]), None);
        let mut bad = bytes.clone();
        bad[20..28].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(PreparedCorpus::from_bytes(&bad), None);
        // The digest changes with any text, the statistics and the common-wording thresholds.
        let mut other = inputs.clone();
        other[3].text = "Một văn bản khác hẳn";
        assert_ne!(corpus_digest(&other, &stats, &t), p.digest());
        let fewer = CorpusStats::from_texts(docs.iter().take(3).map(|d| d.0.as_str()));
        assert_ne!(corpus_digest(&inputs, &fewer, &t), p.digest());
        let t2 = Thresholds {
            common_min_docs: 9,
            ..Thresholds::default()
        };
        assert_ne!(corpus_digest(&inputs, &stats, &t2), p.digest());
        let t3 = Thresholds {
            common_min_sources: 3,
            ..Thresholds::default()
        };
        assert_ne!(corpus_digest(&inputs, &stats, &t3), p.digest());
        let t4 = Thresholds {
            common_min_share: 0.02,
            ..Thresholds::default()
        };
        assert_ne!(corpus_digest(&inputs, &stats, &t4), p.digest());
        assert_eq!(corpus_digest(&inputs, &stats, &t), p.digest());
    }
}

/// "Cụm từ phổ biến" counts sources, end to end through [`super::detect_with`].
#[cfg(test)]
mod common_wording {
    use super::super::super::{DetectOptions, DocInput, Source};
    use super::super::detect_with;
    use super::*;

    /// Our own words: the kind of paragraph a provincial portal repeats on each of its pages.
    const PASSAGE: &str = "Tổ chức, cá nhân nộp hồ sơ trực tuyến qua Cổng dịch vụ công của tỉnh, \
        theo dõi tiến độ giải quyết bằng mã hồ sơ được gửi qua tin nhắn và nhận kết quả tại nhà \
        qua dịch vụ bưu chính công ích mà không phải đến bộ phận một cửa lần nào";

    /// Text of its own: a number between every few words, so no shingle repeats elsewhere.
    fn own(tag: &str, i: usize) -> String {
        format!("Phần {tag} {i} nêu {i} việc {i} riêng {i} của {i} đơn vị {i} trong {i} năm {i}.")
    }

    /// An entry with the passage, 5 corpus documents holding it with `sources`, among 595
    /// documents of their own (600 in all: 5 holders are under 1 % of the corpus).
    fn screen(sources: [Option<&str>; 5]) -> (String, super::super::super::Detection) {
        let entry = format!("{} {PASSAGE}. {}", own("bài", 1), own("bài", 2));
        let texts: Vec<String> = (0..600)
            .map(|i| {
                if i < 5 {
                    format!("{} {PASSAGE}. {}", own("trang", i), own("cuối", i))
                } else {
                    own("khác", i)
                }
            })
            .collect();
        let inputs: Vec<CorpusInput> = texts
            .iter()
            .map(|t| CorpusInput::new("c", t, CorpusKind::Published))
            .collect();
        let named = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), sources.get(i).copied().flatten()));
        let stats = CorpusStats::from_docs(named);
        let entries = [DocInput {
            id: "bai",
            text: &entry,
            receiving_point: None,
        }];
        let options = DetectOptions {
            corpus_stats: Some(&stats),
            ..DetectOptions::default()
        };
        let d = detect_with(&entries, &inputs, &Thresholds::default(), &options);
        (entry, d)
    }

    fn common_words(entry: &str, d: &super::super::super::Detection) -> usize {
        d.excluded[0]
            .iter()
            .filter(|e| e.reason == Reason::Common)
            .map(|e| entry[e.start..e.end].split_whitespace().count())
            .sum()
    }

    fn holders_matched(d: &super::super::super::Detection) -> usize {
        d.matches
            .iter()
            .filter(|m| matches!(m.source, Source::Corpus(c) if c < 5))
            .count()
    }

    #[test]
    fn one_sources_paragraph_is_counted_two_sources_is_common_wording() {
        let passage_words = PASSAGE.split_whitespace().count();
        // Five pages of one portal (its name spelled two ways): that portal's own paragraph,
        // so an entry holding it matches those pages.
        let portal = Some("Cổng thông tin điện tử tỉnh Hưng Yên");
        let same = Some("cổng thông tin  điện tử tỉnh hưng yên");
        let (entry, d) = screen([portal, same, portal, portal, same]);
        assert_eq!(common_words(&entry, &d), 0, "{:?}", d.excluded);
        assert!(holders_matched(&d) >= 1, "{:?}", d.matches);
        // The same paragraph on pages of two publishers: common wording, excluded and shown
        // as such, and no match is made of it.
        let other = Some("Cổng Dịch vụ công quốc gia");
        let (entry, d) = screen([portal, portal, other, portal, portal]);
        assert!(
            common_words(&entry, &d) * 10 >= passage_words * 8,
            "{} of {passage_words} words excluded: {:?}",
            common_words(&entry, &d),
            d.excluded
        );
        assert_eq!(holders_matched(&d), 0, "{:?}", d.matches);
        // Pages naming no source are each a source of their own (a corpus without front
        // matter keeps the rule it had).
        let (entry, d) = screen([None; 5]);
        assert!(common_words(&entry, &d) * 10 >= passage_words * 8);
        assert_eq!(holders_matched(&d), 0);
    }
}
