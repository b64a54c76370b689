//! Pass 1 for the entries, kept between screenings: what an entry's text alone gives — its
//! quotations and citations, the template text and the wording many corpus documents share
//! in it, its winnowed fingerprints and two sketches, its words counted for the term weights —
//! keyed by the SHA-256 of the (NFC) text, in a [`PreparedEntries`] a caller may keep
//! (`screen` stores it beside the extraction cache) and give back to [`super::detect_with`],
//! so a second screening does not prepare unchanged entries again and a screening after five
//! new entries arrived prepares those five.
//!
//! Only what depends on one text is kept. Besides the text, it depends on the corpus's template
//! documents, the corpus statistics and the thresholds of common wording and `max_gap_words`:
//! their digest ([`entries_context`]) is part of a [`PreparedEntries`], and one made under
//! another context is not used. Whatever depends on the whole batch (the auto-template, the
//! term weights, copy groups, candidates, the weighting of the sentences) is made every time;
//! the sentences cut into terms are kept apart, by text and exclusions ([`super::sentences`]).

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::fingerprint::shingles::{SEED_SHINGLE, SKETCH_SHINGLE, minhash, shingles};
use crate::fingerprint::tokens::mix64;
use crate::fingerprint::{CommonKeys, CorpusStats};

use super::super::align::{AlignParams, ShingleIndex, align_indexed};
use super::super::exclude::{Reason, common_rule, merge_spans, quotes_and_citations};
use super::super::idea::doc_counts;
use super::super::{CorpusInput, CorpusKind, DocInput, Thresholds};
use super::corpus::{Reader, Writer};
use super::prepare::{Prepared, Summary, exclude_common};

/// Bump when preparation changes what it produces.
const FORMAT: &[u8; 8] = b"SOLOPE02";

/// The SHA-256 of a text: what a prepared entry is found by.
pub(super) type TextKey = [u8; 32];

pub(super) fn text_key(text: &str) -> TextKey {
    Sha256::digest(text.as_bytes()).into()
}

/// One entry text, prepared (pass 1).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PreparedEntry {
    pub key: TextKey,
    /// Words of the text.
    pub words: u32,
    /// Hash of every word ([`Prepared::content_key`]), whatever the text's length.
    pub content_key: u64,
    pub sketch: Vec<u64>,
    pub raw_sketch: Vec<u64>,
    pub fingerprints: Vec<(u64, u32)>,
    /// Quotations, citations, template text and common wording.
    pub excluded: Vec<(usize, usize, Reason)>,
    /// The words counted for the term weights ([`doc_counts`]), packed ([`pack_counts`]):
    /// about two bytes per distinct term instead of eight.
    pub df_counts: Vec<u8>,
}

/// (slot, count) pairs sorted by slot as varints: each slot as its distance from the one
/// before, shifted left once with the low bit set when a count other than 1 follows.
pub(super) fn pack_counts(counts: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(counts.len() * 2));
    let mut last = 0u32;
    for &(slot, count) in counts {
        let delta = u64::from(slot.saturating_sub(last));
        last = slot;
        out.varint((delta << 1) | u64::from(count != 1));
        if count != 1 {
            out.varint(u64::from(count));
        }
    }
    out.0
}

/// [`pack_counts`] read back; `None` for bytes it cannot have written.
pub(super) fn unpack_counts(bytes: &[u8]) -> Option<Vec<(u32, u32)>> {
    let mut rest = Reader(bytes);
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut last = 0u32;
    while !rest.0.is_empty() {
        let v = rest.varint()?;
        let slot = last.checked_add(u32::try_from(v >> 1).ok()?)?;
        let count = if v & 1 == 1 {
            u32::try_from(rest.varint()?).ok()?
        } else {
            1
        };
        if (!out.is_empty() && slot == last) || count == 0 {
            return None;
        }
        out.push((slot, count));
        last = slot;
    }
    Some(out)
}

impl PreparedEntry {
    /// Whether what was kept can be of this text (the key says so; this guards against a
    /// damaged file): every excluded range on its character boundaries, every fingerprint
    /// within its words.
    pub fn fits(&self, text: &str) -> bool {
        self.excluded
            .iter()
            .all(|&(s, e, _)| s <= e && text.is_char_boundary(s) && text.is_char_boundary(e))
            && self.fingerprints.iter().all(|&(_, pos)| pos < self.words)
            && self.words as usize <= text.len()
            && unpack_counts(&self.df_counts).is_some()
    }

    /// The summary the later passes use.
    pub fn summary(&self, thresholds: &Thresholds) -> Summary {
        Summary {
            sketch: self.sketch.clone(),
            raw_sketch: self.raw_sketch.clone(),
            content_key: if self.words as usize >= thresholds.min_span_words {
                self.content_key
            } else {
                0
            },
            fingerprints: self.fingerprints.clone(),
            excluded: self.excluded.clone(),
            top_terms: Vec::new(),
        }
    }
}

/// Prepare one entry text: `templates` are the corpus's template documents indexed
/// ([`template_indexes`]), `common` the corpus's common wording by the thresholds' rule
/// ([`CorpusStats::common_keys`]).
pub(super) fn prepare_entry(
    text: &str,
    templates: &[ShingleIndex],
    common: &CommonKeys,
    thresholds: &Thresholds,
) -> PreparedEntry {
    let mut excluded = quotes_and_citations(text);
    let mut p = Prepared::new(text, &excluded);
    let content_key = p.content_key();
    let raw_sketch = minhash(shingles(&p.tokens, SKETCH_SHINGLE));
    if !templates.is_empty() {
        let params = template_params(thresholds);
        for index in templates {
            for (passage, _) in align_indexed(&p.seeds, &p.seed_skip, index, params) {
                let (s, e) = p.bytes(passage.a_start, passage.a_end);
                excluded.push((s, e, Reason::Template));
            }
        }
        excluded = merge_spans(excluded);
        p.set_excluded(&excluded);
    }
    exclude_common(&mut p, &mut excluded, common);
    PreparedEntry {
        key: text_key(text),
        words: u32::try_from(p.tokens.len()).unwrap_or(u32::MAX),
        content_key,
        sketch: p.sketch_counted(),
        raw_sketch,
        fingerprints: p.fingerprints(),
        excluded,
        df_counts: pack_counts(&doc_counts(&p.tokens)),
    }
}

/// How entries are aligned with template documents: every shared seed counts.
fn template_params(thresholds: &Thresholds) -> AlignParams {
    AlignParams {
        k: SEED_SHINGLE,
        max_gap: thresholds.max_gap_words,
        min_len: SEED_SHINGLE,
    }
}

/// The corpus's template documents, indexed for [`prepare_entry`].
pub(super) fn template_indexes(corpus: &[CorpusInput]) -> Vec<ShingleIndex> {
    corpus
        .par_iter()
        .filter(|c| c.kind == CorpusKind::Template)
        .map(|c| {
            let p = Prepared::new(c.text, &[]);
            ShingleIndex::new(&p.seeds, &p.seed_skip)
        })
        .collect()
}

/// The digest of what a prepared entry depends on besides its text: the template documents,
/// the corpus statistics, the thresholds preparation reads and this format's version.
pub fn entries_context(
    corpus: &[CorpusInput],
    stats: &CorpusStats,
    thresholds: &Thresholds,
) -> u64 {
    let mut h = mix64(u64::from_le_bytes(*FORMAT));
    h = mix64(h ^ stats.digest());
    h = mix64(h ^ thresholds.common_min_docs as u64);
    h = mix64(h ^ thresholds.common_min_sources as u64);
    h = mix64(h ^ thresholds.common_min_share.to_bits());
    h = mix64(h ^ thresholds.max_gap_words as u64);
    for c in corpus.iter().filter(|c| c.kind == CorpusKind::Template) {
        for b in text_key(c.text).chunks(8) {
            let mut word = [0u8; 8];
            word[..b.len()].copy_from_slice(b);
            h = mix64(h ^ u64::from_le_bytes(word));
        }
    }
    h
}

/// The entries of a batch, prepared (see the module notes): one record per distinct text,
/// sorted by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreparedEntries {
    context: u64,
    pub(super) entries: Vec<PreparedEntry>,
}

/// Prepare every entry of a batch, taking from `earlier` (e.g. kept from the last screening)
/// every text it holds prepared under the same context. The result holds this batch's texts
/// only, so what is kept stays the size of one batch.
pub fn prepare_entries(
    entries: &[DocInput],
    corpus: &[CorpusInput],
    stats: &CorpusStats,
    thresholds: &Thresholds,
    earlier: Option<&PreparedEntries>,
) -> PreparedEntries {
    let context = entries_context(corpus, stats, thresholds);
    let earlier = earlier.filter(|e| e.context == context);
    let found: Vec<Option<&PreparedEntry>> = entries
        .par_iter()
        .map(|d| {
            earlier
                .and_then(|e| e.get(&text_key(d.text)))
                .filter(|f| f.fits(d.text))
        })
        .collect();
    let (templates, common) = if found.iter().all(Option::is_some) {
        (Vec::new(), CommonKeys::default())
    } else {
        (
            template_indexes(corpus),
            stats.common_keys(&common_rule(thresholds)),
        )
    };
    let mut prepared: Vec<PreparedEntry> = entries
        .par_iter()
        .zip(found)
        .map(|(e, f)| match f {
            Some(f) => f.clone(),
            None => prepare_entry(e.text, &templates, &common, thresholds),
        })
        .collect();
    prepared.sort_by_key(|e| e.key);
    prepared.dedup_by(|a, b| a.key == b.key);
    PreparedEntries {
        context,
        entries: prepared,
    }
}

impl PreparedEntries {
    /// [`entries_context`] of what this was prepared under.
    pub fn context(&self) -> u64 {
        self.context
    }

    /// Texts prepared.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text with this key, prepared.
    pub(super) fn get(&self, key: &TextKey) -> Option<&PreparedEntry> {
        self.entries
            .binary_search_by(|e| e.key.cmp(key))
            .ok()
            .and_then(|i| self.entries.get(i))
    }

    /// A compact binary form (little endian): format, context, then each text's key, word
    /// count, content key, sketches, fingerprints, exclusions and term counts.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.0.extend_from_slice(FORMAT);
        w.u64(self.context);
        w.len(self.entries.len());
        for e in &self.entries {
            w.0.extend_from_slice(&e.key);
            w.u32(e.words);
            w.u64(e.content_key);
            for sketch in [&e.sketch, &e.raw_sketch] {
                w.len(sketch.len());
                sketch.iter().for_each(|&x| w.u64(x));
            }
            w.fingerprints_and_exclusions(&e.fingerprints, &e.excluded);
            w.len(e.df_counts.len());
            w.0.extend_from_slice(&e.df_counts);
        }
        w.0
    }

    /// Read [`PreparedEntries::to_bytes`]; `None` for anything damaged or of another format
    /// (keys out of order included: lookups rely on the order).
    pub fn from_bytes(bytes: &[u8]) -> Option<PreparedEntries> {
        let mut r = Reader(bytes.strip_prefix(FORMAT.as_slice())?);
        let context = r.u64()?;
        // Key, words, content key and five counts at least.
        let n = r.len(32 + 4 + 8 + 5 * 8)?;
        let mut entries: Vec<PreparedEntry> = Vec::with_capacity(n);
        for _ in 0..n {
            let key: TextKey = r.take(32)?.try_into().ok()?;
            if entries.last().is_some_and(|last| last.key >= key) {
                return None;
            }
            let words = r.u32()?;
            let content_key = r.u64()?;
            let mut sketch = || {
                let k = r.len(8)?;
                (0..k).map(|_| r.u64()).collect::<Option<Vec<u64>>>()
            };
            let (sketch, raw_sketch) = (sketch()?, sketch()?);
            let (fingerprints, excluded) = r.fingerprints_and_exclusions()?;
            let k = r.len(1)?;
            let df_counts = r.take(k)?.to_vec();
            entries.push(PreparedEntry {
                key,
                words,
                content_key,
                sketch,
                raw_sketch,
                fingerprints,
                excluded,
                df_counts,
            });
        }
        r.0.is_empty()
            .then_some(PreparedEntries { context, entries })
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::synth::{SynthContest, SynthSpec, TextGen};
    use super::super::{DetectOptions, detect_with};
    use super::*;

    /// A synthetic contest with copies, corpus models, a template and shared plan wording.
    fn contest() -> SynthContest {
        let spec = SynthSpec {
            entries: 60,
            words: 400,
            corpus_models: 5,
            planted_share: 0.1,
            seed: 5,
        };
        SynthContest::generate(&TextGen::vietnamese(3), spec)
    }

    fn inputs(c: &SynthContest) -> (Vec<DocInput<'_>>, Vec<CorpusInput<'_>>) {
        let entries = c
            .entries
            .iter()
            .map(|t| DocInput {
                id: "e",
                text: t,
                receiving_point: None,
            })
            .collect();
        let corpus = c
            .corpus
            .iter()
            .map(|(t, k)| CorpusInput::new("c", t, *k))
            .collect();
        (entries, corpus)
    }

    fn stats_of(corpus: &[CorpusInput]) -> CorpusStats {
        CorpusStats::from_texts(
            corpus
                .iter()
                .filter(|c| c.kind != CorpusKind::Template)
                .map(|c| c.text),
        )
    }

    #[test]
    fn term_counts_pack_small_and_unpack_as_they_were() {
        let text = "Một cửa liên thông hiện đại: hồ sơ một cửa được số hoá, một cửa trả kết quả";
        let counts = doc_counts(&crate::fingerprint::tokens::tokenize(text));
        assert!(counts.iter().all(|c| c.1 >= 1) && counts.windows(2).all(|w| w[0].0 < w[1].0));
        let packed = pack_counts(&counts);
        assert!(
            packed.len() < counts.len() * 4,
            "{} for {}",
            packed.len(),
            counts.len()
        );
        assert_eq!(unpack_counts(&packed), Some(counts.clone()));
        let odd = vec![(0, 1), (5, 3), (u32::MAX, 70_000)];
        assert_eq!(unpack_counts(&pack_counts(&odd)), Some(odd));
        assert_eq!(unpack_counts(&[]), Some(Vec::new()));
        // Cut inside a number, a slot twice, a count of 0, a number past 64 bits: refused.
        assert_eq!(unpack_counts(&[0x80]), None);
        assert_eq!(unpack_counts(&[2, 0]), None);
        assert_eq!(unpack_counts(&[3, 0]), None);
        assert_eq!(unpack_counts(&[0xFF; 10]), None);
    }

    #[test]
    fn prepared_entries_read_back_as_written_and_refuse_damage() {
        let c = contest();
        let (entries, corpus) = inputs(&c);
        let stats = stats_of(&corpus);
        let t = Thresholds::default();
        let p = prepare_entries(&entries, &corpus, &stats, &t, None);
        assert!(!p.is_empty() && p.len() <= entries.len());
        assert!(p.entries.windows(2).all(|w| w[0].key < w[1].key));
        assert!(p.entries.iter().any(|e| !e.df_counts.is_empty()));
        assert!(
            p.entries
                .iter()
                .any(|e| e.excluded.iter().any(|x| x.2 == Reason::Template))
        );
        let bytes = p.to_bytes();
        assert_eq!(PreparedEntries::from_bytes(&bytes), Some(p.clone()));
        // Cut short, a huge count, keys out of order, another format: refused, never a panic.
        for cut in [0, 8, 17, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(PreparedEntries::from_bytes(&bytes[..cut]), None, "{cut}");
        }
        let mut bad = bytes.clone();
        bad[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(PreparedEntries::from_bytes(&bad), None);
        let mut swapped = p.clone();
        swapped.entries.swap(0, 1);
        assert_eq!(PreparedEntries::from_bytes(&swapped.to_bytes()), None);
        assert_eq!(PreparedEntries::from_bytes(b"SOLOPC01 a corpus"), None);
        // The context changes with the template documents, the statistics and the thresholds
        // preparation reads; not with the others.
        let ctx = entries_context(&corpus, &stats, &t);
        assert_eq!(p.context(), ctx);
        let no_template: Vec<CorpusInput> = corpus
            .iter()
            .filter(|c| c.kind != CorpusKind::Template)
            .cloned()
            .collect();
        assert_ne!(entries_context(&no_template, &stats, &t), ctx);
        let fewer = CorpusStats::from_texts(c.corpus.iter().take(2).map(|d| d.0.as_str()));
        assert_ne!(entries_context(&corpus, &fewer, &t), ctx);
        for other in [
            Thresholds {
                common_min_docs: t.common_min_docs + 1,
                ..t.clone()
            },
            Thresholds {
                common_min_sources: t.common_min_sources + 1,
                ..t.clone()
            },
            Thresholds {
                common_min_share: t.common_min_share * 2.0,
                ..t.clone()
            },
            Thresholds {
                max_gap_words: t.max_gap_words + 1,
                ..t.clone()
            },
        ] {
            assert_ne!(entries_context(&corpus, &stats, &other), ctx);
        }
        let looser = Thresholds {
            near_min: t.near_min / 2.0,
            ..t.clone()
        };
        assert_eq!(entries_context(&corpus, &stats, &looser), ctx);
    }

    /// Two detections alike: the same matches (kinds, signals, spans), exclusions, clusters
    /// and counters, and scores equal up to float summation order (term vectors are hash
    /// maps, so two runs of the same detection already differ in the last digits).
    fn assert_same(a: &super::super::Detection, b: &super::super::Detection) {
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-6;
        assert_eq!(a.matches.len(), b.matches.len());
        for (m, o) in a.matches.iter().zip(&b.matches) {
            assert_eq!(
                (m.entry, m.source, m.kind, m.signal, &m.spans),
                (o.entry, o.source, o.kind, o.signal, &o.spans)
            );
            let scores = |m: &super::super::super::Match| {
                [
                    m.score,
                    m.entry_share,
                    m.source_share,
                    m.verbatim_share,
                    m.paraphrase_share,
                    m.resemblance,
                    m.identity,
                    m.idea_similarity,
                ]
            };
            assert!(
                scores(m).iter().zip(scores(o)).all(|(x, y)| close(*x, y)),
                "{m:?}\n{o:?}"
            );
        }
        assert_eq!(a.excluded, b.excluded);
        assert!(
            a.originality
                .iter()
                .zip(&b.originality)
                .all(|(x, y)| close(*x, *y))
        );
        assert_eq!(a.originality.len(), b.originality.len());
        assert_eq!((&a.clusters, &a.stats), (&b.clusters, &b.stats));
    }

    #[test]
    fn detection_is_the_same_with_prepared_entries_and_takes_them_as_they_are() {
        let c = contest();
        let (entries, corpus) = inputs(&c);
        let stats = stats_of(&corpus);
        let t = Thresholds::default();
        let detect = |prepared: Option<&PreparedEntries>| {
            detect_with(
                &entries,
                &corpus,
                &t,
                &DetectOptions {
                    corpus_stats: Some(&stats),
                    prepared_entries: prepared,
                    ..DetectOptions::default()
                },
            )
        };
        let plain = detect(None);
        assert!(plain.matches.iter().any(|m| m.kind.is_copy()));
        let p = prepare_entries(&entries, &corpus, &stats, &t, None);
        assert_same(&detect(Some(&p)), &plain);
        // Taken from an earlier preparation, the same; with a new entry, only that one is new.
        let again = prepare_entries(&entries, &corpus, &stats, &t, Some(&p));
        assert_eq!(again, p);
        let fewer = prepare_entries(&entries[1..], &corpus, &stats, &t, None);
        assert_eq!(
            prepare_entries(&entries, &corpus, &stats, &t, Some(&fewer)),
            p
        );
        assert_same(&detect(Some(&fewer)), &plain);

        // What is given is used, not made again: an entry whose kept record says all of it is
        // quoted loses its matches (a record is trusted on its key: it is ours)...
        let copied = plain
            .matches
            .iter()
            .find(|m| m.kind.is_copy())
            .map(|m| m.entry)
            .unwrap_or_default();
        let key = text_key(entries[copied].text);
        let mut doctored = p.clone();
        let i = doctored
            .entries
            .binary_search_by(|e| e.key.cmp(&key))
            .unwrap_or_default();
        doctored.entries[i].excluded = vec![(0, entries[copied].text.len(), Reason::Quote)];
        let d = detect(Some(&doctored));
        assert!(d.matches.len() < plain.matches.len());
        assert!(
            !d.matches
                .iter()
                .any(|m| m.entry == copied && m.kind.is_copy())
        );
        assert!(
            d.excluded[copied]
                .iter()
                .any(|e| e.reason == Reason::Quote && e.end == entries[copied].text.len())
        );
        // ... unless it was made under another context, or does not fit the text.
        let other = Thresholds {
            common_min_docs: t.common_min_docs + 1,
            ..t.clone()
        };
        let mut foreign = doctored.clone();
        foreign.context = entries_context(&corpus, &stats, &other);
        assert_same(&detect(Some(&foreign)), &plain);
        let mut unfit = doctored.clone();
        unfit.entries[i].excluded = vec![(0, entries[copied].text.len() + 1, Reason::Quote)];
        assert_same(&detect(Some(&unfit)), &plain);
        // Nor is a record that does not fit kept for the next run: it is prepared again.
        assert_eq!(
            prepare_entries(&entries, &corpus, &stats, &t, Some(&unfit)),
            p
        );
    }
}
