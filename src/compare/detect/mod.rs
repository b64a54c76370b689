//! The batch comparison, one file per pass:
//! 1. [`prepare`]: every document once — words, seed shingles, quotations and citations,
//!    template text, and the wording many corpus documents share ([`Reason::Common`], from
//!    the corpus statistics the caller gives as data); what depends on one entry's text is
//!    kept between screenings by [`entries`], the corpus's preparation by [`corpus`];
//! 2. [`cluster::copy_groups`]: identical and near-identical entries, decided before any
//!    auto-template so that six copies of one text stay six copies;
//! 3. [`candidates`]: pairs worth verifying without looking at all N², and the shingles
//!    most distinct entries share (auto-template, excluded where they occur);
//! 4. [`verify`]: verbatim and paraphrased passages of each pair, legal quotations out;
//! 5. [`classify`]: the kind of each match by the profile's thresholds;
//! 6. per entry: exclusions, originality and clusters ([`cluster::clusters`]).

mod candidates;
mod classify;
mod cluster;
mod corpus;
mod entries;
mod prepare;
mod sentences;
mod verify;

use rayon::prelude::*;

pub use classify::flag_worthy;
pub use corpus::{PreparedCorpus, corpus_digest, prepare_corpus};
pub use entries::{PreparedEntries, entries_context, prepare_entries};
pub use sentences::PreparedSentences;

use crate::fingerprint::shingles::SEED_SHINGLE;
use crate::fingerprint::{CommonKeys, CorpusStats};

use super::align::{AlignParams, ShingleIndex};
use super::exclude::{Reason, common_rule, merge_spans};
use super::idea::{self, DocFreq};
use super::paraphrase::Sentences;
use super::{
    CorpusInput, CorpusKind, DetectStats, Detection, DocInput, ExcludedSpan, Match, MatchKind,
    MatchSpan, Signal, Source, Thresholds,
};
use candidates::{TOP_TERMS, pair_code, pair_of};
use prepare::{Prepared, Summary, common_ranges, counted_tokens};
use verify::{Side, verify};

/// What a caller may add to a batch comparison.
#[derive(Debug, Clone, Copy, Default)]
pub struct DetectOptions<'a> {
    /// (entry index, corpus index) pairs to verify besides the candidates found here — e.g.
    /// the corpus index's BM25 hits on each entry's most distinctive terms. Out-of-range
    /// pairs are ignored.
    pub extra_corpus_candidates: &'a [(usize, usize)],
    /// Statistics of the whole corpus (kept by the index, updated by `corpus add`/`remove`);
    /// `None`: counted here from the `corpus` given.
    pub corpus_stats: Option<&'a CorpusStats>,
    /// The corpus prepared before ([`prepare_corpus`]), e.g. kept from an earlier screening;
    /// used only when made from this very corpus, statistics and thresholds
    /// ([`corpus_digest`]), prepared here otherwise.
    pub prepared_corpus: Option<&'a PreparedCorpus>,
    /// The entries prepared before ([`prepare_entries`]), e.g. kept from an earlier
    /// screening: a text found there (by its SHA-256) under this very context
    /// ([`entries_context`]) is not prepared again, any other is prepared here.
    pub prepared_entries: Option<&'a PreparedEntries>,
    /// Documents' sentences cut into terms before ([`PreparedSentences`]), e.g. kept from an
    /// earlier screening: a document found there (by its text and exclusions) is not cut
    /// again, any other is cut here and added to it. `None`: every document is cut here.
    pub prepared_sentences: Option<&'a PreparedSentences>,
}

/// Compare a batch of entries with each other and with the corpus.
pub fn detect(entries: &[DocInput], corpus: &[CorpusInput], thresholds: &Thresholds) -> Detection {
    detect_with(entries, corpus, thresholds, &DetectOptions::default())
}

/// [`detect`] with candidates and corpus statistics from the caller.
pub fn detect_with(
    entries: &[DocInput],
    corpus: &[CorpusInput],
    thresholds: &Thresholds,
    options: &DetectOptions<'_>,
) -> Detection {
    let n = entries.len();
    let align_params = AlignParams {
        k: SEED_SHINGLE,
        max_gap: thresholds.max_gap_words,
        min_len: thresholds.min_span_words.max(SEED_SHINGLE),
    };
    let counted_here;
    let stats = match options.corpus_stats {
        Some(s) => s,
        None => {
            counted_here = CorpusStats::from_texts(
                corpus
                    .iter()
                    .filter(|c| c.kind != CorpusKind::Template)
                    .map(|c| c.text),
            );
            &counted_here
        }
    };

    // Pass 1: every document once, in parallel; an entry prepared before is taken as it is.
    let given_entries = options
        .prepared_entries
        .filter(|p| !p.is_empty() && p.context() == entries_context(corpus, stats, thresholds));
    let found: Vec<Option<&entries::PreparedEntry>> = match given_entries {
        Some(p) => entries
            .par_iter()
            .map(|e| p.get(&entries::text_key(e.text)).filter(|f| f.fits(e.text)))
            .collect(),
        None => vec![None; n],
    };
    let (templates, common) = if found.iter().all(Option::is_some) {
        (Vec::new(), CommonKeys::default())
    } else {
        (
            entries::template_indexes(corpus),
            stats.common_keys(&common_rule(thresholds)),
        )
    };
    let df = DocFreq::default();
    let mut entry_summaries: Vec<Summary> = entries
        .par_iter()
        .zip(found)
        .map(|(e, f)| {
            let own;
            let prepared = match f {
                Some(f) => f,
                None => {
                    own = entries::prepare_entry(e.text, &templates, &common, thresholds);
                    &own
                }
            };
            df.add_counts(
                1,
                &entries::unpack_counts(&prepared.df_counts).unwrap_or_default(),
            );
            prepared.summary(thresholds)
        })
        .collect();
    let given = options.prepared_corpus.filter(|p| {
        p.len() == corpus.len() && p.digest() == corpus_digest(corpus, stats, thresholds)
    });
    let (mut corpus_summaries, corpus_numbers) = match given {
        Some(p) => {
            df.add_counts(p.df_docs, &p.df_counts);
            p.parts()
        }
        None => {
            let p = prepare_corpus(corpus, stats, thresholds);
            df.add_counts(p.df_docs, &p.df_counts);
            p.into_parts()
        }
    };

    // Distinctive terms, now that document frequencies are known.
    let with_terms = |text: &str, s: &mut Summary| {
        s.top_terms = idea::top_terms_of(&counted_tokens(text, &s.excluded), &df, TOP_TERMS);
    };
    entry_summaries
        .par_iter_mut()
        .zip(entries.par_iter())
        .for_each(|(s, e)| with_terms(e.text, s));
    corpus_summaries
        .par_iter_mut()
        .zip(corpus.par_iter())
        .filter(|(_, c)| c.kind != CorpusKind::Template)
        .for_each(|(s, c)| with_terms(c.text, s));

    // Pass 2: copy groups, before any auto-template.
    let groups = cluster::copy_groups(&entry_summaries);

    // Pass 3: candidates, and the auto-template shingles.
    let distinct_entries = {
        let mut g = groups.group_of.clone();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    let auto_min = ((thresholds.template_share * distinct_entries as f64).ceil() as usize)
        .max(thresholds.template_min_entries)
        .max(2);
    let is_template = |d: usize| {
        d >= n
            && corpus
                .get(d - n)
                .is_some_and(|c| c.kind == CorpusKind::Template)
    };
    let found = {
        let all: Vec<&Summary> = entry_summaries
            .iter()
            .chain(corpus_summaries.iter())
            .collect();
        candidates::generate(&all, n, &groups.group_of, auto_min, is_template)
    };
    let caller_pairs: Vec<u64> = options
        .extra_corpus_candidates
        .iter()
        .filter(|(e, c)| *e < n && *c < corpus.len() && corpus[*c].kind != CorpusKind::Template)
        .map(|&(e, c)| pair_code(e as u32, (n + c) as u32))
        .collect();
    let mut stats_out = DetectStats {
        entries: n,
        corpus: corpus.len(),
        from_sketch: found.from_sketch,
        from_shingles: found.from_shingles,
        from_terms: found.from_terms,
        from_caller: caller_pairs.len(),
        identical_pairs: groups.identical_pairs.len(),
        candidate_pairs: 0,
    };
    let same_text: std::collections::HashSet<u64> = groups
        .identical_pairs
        .iter()
        .map(|&(a, b)| pair_code(a as u32, b as u32))
        .collect();
    let near: std::collections::HashSet<u64> = groups
        .near_pairs
        .iter()
        .map(|&(a, b)| pair_code(a as u32, b as u32))
        .collect();
    let mut pairs: Vec<u64> = found.pairs;
    pairs.extend(caller_pairs);
    pairs.extend(near.iter().copied());
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.retain(|c| !same_text.contains(c));
    stats_out.candidate_pairs = pairs.len() + same_text.len();

    // Auto-template: passages most distinct entries share are excluded where they occur;
    // near-identical pairs are verified on what was excluded before it.
    let before_auto: Vec<Vec<(usize, usize, Reason)>> = entry_summaries
        .iter()
        .enumerate()
        .map(|(e, s)| {
            if groups.near_pairs.iter().any(|&(a, b)| a == e || b == e) {
                s.excluded.clone()
            } else {
                Vec::new()
            }
        })
        .collect();
    let auto_template = found.auto_template;
    if !auto_template.is_empty() {
        entry_summaries
            .par_iter_mut()
            .zip(entries.par_iter())
            .filter(|(s, _)| {
                s.fingerprints
                    .iter()
                    .any(|(h, _)| auto_template.binary_search(h).is_ok())
            })
            .for_each(|(s, e)| {
                let p = Prepared::new(e.text, &[]);
                let ranges = common_ranges(
                    &p,
                    &s.fingerprints,
                    |h| auto_template.binary_search(&h).is_ok(),
                    Reason::AutoTemplate,
                );
                s.excluded.extend(ranges);
                s.excluded = merge_spans(std::mem::take(&mut s.excluded));
            });
    }

    // Pass 4 and 5: verify and classify. Each document is prepared for verification once
    // (words, sentences, term vector, shingle index), not once per pair: entries a chunk at a
    // time (at most `READY_CHUNK_BYTES` of entry text held prepared), and within a chunk each
    // corpus document once for all the chunk's entries it pairs with. Near-identical entries
    // are compared on what was excluded before the auto-template, so those pairs prepare
    // their two sides apart.
    type Pairs = Vec<(usize, usize)>;
    let (with_corpus, with_entries): (Pairs, Pairs) = pairs
        .iter()
        .map(|&c| pair_of(c))
        .map(|(a, b)| (a.min(b), a.max(b)))
        .partition(|&(_, b)| b >= n);
    let text_of = |d: usize| {
        if d < n {
            entries.get(d).map_or("", |e| e.text)
        } else {
            corpus.get(d - n).map_or("", |c| c.text)
        }
    };
    let no_numbers: Vec<String> = Vec::new();
    let is_near = |a: usize, b: usize| {
        a < n && b < n && near.contains(&pair_code(a.min(b) as u32, a.max(b) as u32))
    };
    // A document ready for verification; `before_auto` for one side of a near pair.
    let ready = |d: usize, near_pair: bool| -> Ready {
        let excluded: &[(usize, usize, Reason)] = if d >= n {
            corpus_summaries.get(d - n).map_or(&[], |s| &s.excluded[..])
        } else if near_pair {
            &before_auto[d]
        } else {
            &entry_summaries[d].excluded
        };
        let text = text_of(d);
        let p = Prepared::new(text, excluded);
        let sentences = sentences::sentences_of(
            options.prepared_sentences,
            text,
            &p.tokens,
            &p.token_skip,
            &df,
        );
        let vector = idea::vector(&p.counted_tokens(), &df);
        let index = ShingleIndex::new(&p.seeds, &p.seed_skip);
        Ready {
            text,
            p,
            sentences,
            vector,
            index,
            numbers: if d >= n {
                corpus_numbers.get(d - n).unwrap_or(&no_numbers)
            } else {
                &no_numbers
            },
        }
    };
    // Verify entry `a` against source `b` (an entry or `n + corpus index`).
    let judge = |a: usize, ra: &Ready, b: usize, rb: &Ready| -> Verdict {
        let source = if b < n {
            Source::Entry(b)
        } else {
            Source::Corpus(b - n)
        };
        let v = verify(
            &ra.side(),
            &ra.vector,
            source,
            &rb.side(),
            &rb.index,
            &rb.vector,
            &df,
            thresholds,
            align_params,
        );
        let quotes = v.legal_quotes.clone();
        let quotes_source = v.legal_quotes_source.clone();
        (
            a,
            b,
            classify::classify(a, source, v, thresholds),
            quotes,
            quotes_source,
        )
    };
    let mut verdicts: Vec<Verdict> = Vec::new();
    for chunk in ready_chunks(entries) {
        let in_chunk = |d: usize| chunk.contains(&d);
        // Entries of this chunk that some pair needs prepared the ordinary way.
        let mut needed = vec![false; chunk.len()];
        for &(a, b) in with_corpus.iter().chain(&with_entries) {
            for d in [a, b] {
                if in_chunk(d) && !is_near(a, b) {
                    needed[d - chunk.start] = true;
                }
            }
        }
        let prepared: Vec<Option<Ready>> = needed
            .par_iter()
            .enumerate()
            .map(|(i, &need)| need.then(|| ready(chunk.start + i, false)))
            .collect();
        let chunk_ready = |d: usize| {
            if in_chunk(d) {
                prepared.get(d - chunk.start).and_then(Option::as_ref)
            } else {
                None
            }
        };
        // Corpus documents paired with this chunk's entries, each with its entries.
        let mut by_source: Vec<(usize, Vec<usize>)> = Vec::new();
        for &(a, b) in with_corpus.iter().filter(|(a, _)| in_chunk(*a)) {
            by_source.push((b, vec![a]));
        }
        by_source.sort_unstable();
        by_source.dedup_by(|later, first| {
            if later.0 == first.0 {
                first.1.append(&mut later.1);
                true
            } else {
                false
            }
        });
        verdicts.par_extend(by_source.par_iter().flat_map_iter(|(b, as_)| {
            let rb = ready(*b, false);
            as_.iter()
                .filter_map(|&a| chunk_ready(a).map(|ra| judge(a, ra, *b, &rb)))
                .collect::<Vec<_>>()
        }));
        // Pairs of entries whose later entry is in this chunk; a side outside it, or a side
        // of a near pair, is prepared for the pair.
        let entry_pairs: Pairs = with_entries
            .iter()
            .copied()
            .filter(|&(_, b)| in_chunk(b))
            .collect();
        verdicts.par_extend(entry_pairs.par_iter().map(|&(a, b)| {
            let near_pair = is_near(a, b);
            let own_a;
            let ra = match chunk_ready(a).filter(|_| !near_pair) {
                Some(r) => r,
                None => {
                    own_a = ready(a, near_pair);
                    &own_a
                }
            };
            let own_b;
            let rb = match chunk_ready(b).filter(|_| !near_pair) {
                Some(r) => r,
                None => {
                    own_b = ready(b, near_pair);
                    &own_b
                }
            };
            judge(a, ra, b, rb)
        }));
    }
    let mut matches: Vec<Match> = Vec::with_capacity(verdicts.len());
    let mut legal_quotes: Vec<Vec<(usize, usize, Reason)>> = vec![Vec::new(); n];
    for (a, b, m, quotes, quotes_source) in verdicts {
        legal_quotes[a].extend(quotes.into_iter().map(|(s, e)| (s, e, Reason::LegalQuote)));
        if b < n {
            legal_quotes[b].extend(
                quotes_source
                    .into_iter()
                    .map(|(s, e)| (s, e, Reason::LegalQuote)),
            );
        }
        matches.extend(m);
    }
    // Identical texts: copies however many, with no alignment needed.
    matches.extend(
        groups
            .identical_pairs
            .par_iter()
            .map(|&(a, b)| identical_match(a, b, text_of(a), text_of(b)))
            .collect::<Vec<_>>(),
    );
    matches.sort_by_key(|m| (m.entry, m.source));

    // Per entry: exclusions, originality, clusters.
    for (s, quotes) in entry_summaries.iter_mut().zip(legal_quotes) {
        if !quotes.is_empty() {
            s.excluded.extend(quotes);
            s.excluded = merge_spans(std::mem::take(&mut s.excluded));
        }
    }
    let excluded: Vec<Vec<ExcludedSpan>> = entry_summaries
        .iter()
        .map(|s| {
            s.excluded
                .iter()
                .map(|&(start, end, reason)| ExcludedSpan { start, end, reason })
                .collect()
        })
        .collect();
    let mut copied: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for m in matches.iter().filter(|m| m.kind.is_copy()) {
        for s in &m.spans {
            if let Some(v) = copied.get_mut(m.entry) {
                v.push((s.entry_start, s.entry_end));
            }
            if let Source::Entry(b) = m.source
                && let Some(v) = copied.get_mut(b)
            {
                v.push((s.source_start, s.source_end));
            }
        }
    }
    let originality: Vec<f64> = copied
        .par_iter()
        .enumerate()
        .map(|(i, spans)| {
            let Some(e) = entries.get(i) else { return 1.0 };
            originality(e.text, &entry_summaries[i].excluded, spans)
        })
        .collect();
    let clusters = cluster::clusters(n, &matches);

    Detection {
        matches,
        excluded,
        originality,
        clusters,
        stats: stats_out,
    }
}

/// Entry text held prepared for verification at once, at most (one entry larger than this
/// is a chunk of its own): a prepared document takes some tens of bytes per word.
const READY_CHUNK_BYTES: usize = 16 << 20;

/// The entries in consecutive ranges of at most [`READY_CHUNK_BYTES`] of text.
fn ready_chunks(entries: &[DocInput]) -> Vec<std::ops::Range<usize>> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0usize, 0usize);
    for (i, e) in entries.iter().enumerate() {
        if i > start && bytes + e.text.len() > READY_CHUNK_BYTES {
            chunks.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += e.text.len();
    }
    if start < entries.len() {
        chunks.push(start..entries.len());
    }
    chunks
}

/// What verifying one pair gives: entry, source, the match if any, and the legal quotations
/// found on each side.
type Verdict = (
    usize,
    usize,
    Option<Match>,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
);

/// One document prepared for verification.
struct Ready<'a> {
    text: &'a str,
    p: Prepared,
    sentences: Sentences,
    vector: idea::TermVector,
    index: ShingleIndex,
    numbers: &'a [String],
}

impl Ready<'_> {
    fn side(&self) -> Side<'_> {
        Side {
            text: self.text,
            p: &self.p,
            sentences: &self.sentences,
            numbers: self.numbers,
        }
    }
}

/// The match between two entries with the same words: exact, all of it.
fn identical_match(a: usize, b: usize, a_text: &str, b_text: &str) -> Match {
    let range = |text: &str| {
        let t = crate::fingerprint::tokens::tokenize(text);
        (
            t.first().map_or(0, |x| x.start as usize),
            t.last().map_or(0, |x| x.end as usize),
            t.len(),
        )
    };
    let (es, ee, words) = range(a_text);
    let (ss, se, _) = range(b_text);
    Match {
        entry: a,
        source: Source::Entry(b),
        kind: MatchKind::Exact,
        signal: Signal::Verbatim,
        score: 1.0,
        entry_share: 1.0,
        source_share: 1.0,
        verbatim_share: 1.0,
        paraphrase_share: 0.0,
        resemblance: 1.0,
        identity: 1.0,
        idea_similarity: 1.0,
        spans: vec![MatchSpan {
            entry_start: es,
            entry_end: ee,
            source_start: ss,
            source_end: se,
            words,
            signal: Signal::Verbatim,
        }],
    }
}

/// Share of the counted words of `text` outside the copied `spans` (1.0 = original). A text
/// with nothing counted (all of it excluded) is original unless a copy covers it.
fn originality(text: &str, excluded: &[(usize, usize, Reason)], spans: &[(usize, usize)]) -> f64 {
    if spans.is_empty() {
        return 1.0;
    }
    let p = Prepared::new(text, excluded);
    let counted = p.counted();
    let mut spans = spans.to_vec();
    spans.sort_unstable();
    let mut in_copy = 0usize;
    let mut in_copy_any = 0usize;
    let mut si = 0usize;
    for (t, skip) in p.tokens.iter().zip(&p.token_skip) {
        let (ts, te) = (t.start as usize, t.end as usize);
        while spans.get(si).is_some_and(|s| s.1 <= ts) {
            si += 1;
        }
        // Overlapping spans: any span starting at or before the token may cover it.
        let covered = spans[si.min(spans.len())..]
            .iter()
            .take_while(|s| s.0 < te)
            .any(|s| s.1 > ts);
        if covered {
            in_copy_any += 1;
            if !skip {
                in_copy += 1;
            }
        }
    }
    if counted == 0 {
        return if in_copy_any > 0 { 0.0 } else { 1.0 };
    }
    1.0 - in_copy as f64 / counted as f64
}

#[cfg(test)]
mod tests {
    use super::super::synth::{Case, PlantedSource, SynthContest, SynthSpec, TextGen};
    use super::super::{receiving_point_findings, recycled_finding};
    use super::*;

    #[test]
    fn entries_are_prepared_in_bounded_chunks_that_cover_them_all_in_order() {
        let small = "a ".repeat(READY_CHUNK_BYTES / 8);
        let huge = "b ".repeat(READY_CHUNK_BYTES);
        let texts: Vec<&str> = vec![&small, &small, &small, &huge, &small, &small];
        let entries: Vec<DocInput> = texts
            .iter()
            .map(|t| DocInput {
                id: "e",
                text: t,
                receiving_point: None,
            })
            .collect();
        let chunks = ready_chunks(&entries);
        let joined: Vec<usize> = chunks.iter().flat_map(|c| c.clone()).collect();
        assert_eq!(joined, (0..entries.len()).collect::<Vec<_>>());
        for c in &chunks {
            let bytes: usize = entries[c.clone()].iter().map(|e| e.text.len()).sum();
            assert!(c.len() == 1 || bytes <= READY_CHUNK_BYTES, "{c:?}: {bytes}");
        }
        assert!(
            chunks.contains(&(3..4)),
            "the huge entry is a chunk of its own"
        );
        assert!(ready_chunks(&[]).is_empty());
    }

    fn corpus_inputs(c: &SynthContest) -> Vec<CorpusInput<'_>> {
        c.corpus
            .iter()
            .map(|(t, k)| CorpusInput::new("model", t, *k))
            .collect()
    }

    #[test]
    fn a_small_contest_end_to_end() {
        let textgen = TextGen::vietnamese(3);
        let spec = SynthSpec {
            entries: 120,
            words: 400,
            corpus_models: 5,
            planted_share: 0.04,
            seed: 21,
        };
        let c = SynthContest::generate(&textgen, spec);
        let entries: Vec<DocInput> = c
            .entries
            .iter()
            .map(|t| DocInput {
                id: "e",
                text: t,
                receiving_point: None,
            })
            .collect();
        let corpus = corpus_inputs(&c);
        let d = detect(&entries, &corpus, &Thresholds::default());

        // Far fewer pairs verified than all 120 × 125 / 2.
        assert!(d.stats.candidate_pairs < 200, "{:?}", d.stats);
        // Every verbatim copy is exact, and the pair forms a cluster.
        for p in c.planted.iter().filter(|p| p.case == Case::Verbatim) {
            let PlantedSource::Entry(s) = p.source else {
                panic!("verbatim from corpus")
            };
            let (a, b) = (p.entry.min(s), p.entry.max(s));
            let m = d
                .matches
                .iter()
                .find(|m| m.entry == a && m.source == Source::Entry(b));
            assert_eq!(m.map(|m| m.kind), Some(MatchKind::Exact));
            assert!(d.clusters.iter().any(|g| g.contains(&a) && g.contains(&b)));
            assert!(d.originality[a] < 0.1 && d.originality[b] < 0.1);
        }
        // Corpus copies are matched with the corpus, never corpus with corpus or with templates.
        assert!(
            d.matches
                .iter()
                .any(|m| matches!(m.source, Source::Corpus(_)))
        );
        for m in &d.matches {
            assert!(m.entry < entries.len());
            if let Source::Corpus(i) = m.source {
                assert_ne!(corpus[i].kind, CorpusKind::Template);
            }
        }
        // The plan passage ~40 % of entries quote is auto-template; template instructions are
        // template; template-only entries are never flagged.
        assert!(
            d.excluded
                .iter()
                .flatten()
                .any(|e| e.reason == Reason::AutoTemplate)
        );
        for (i, case) in c.cases.iter().enumerate() {
            if *case == Case::TemplateOnly {
                assert!(d.excluded[i].iter().any(|e| e.reason == Reason::Template));
                assert!(
                    !d.matches
                        .iter()
                        .any(|m| m.entry == i || m.source == Source::Entry(i)),
                    "template-only entry {i} flagged"
                );
            }
        }
    }

    #[test]
    fn receiving_points_and_recycled_rules_on_detected_matches() {
        let textgen = TextGen::english(4);
        let mut rng = super::super::synth::Rng::new(8);
        let body = textgen.document(&mut rng, 300, &[]);
        let other = textgen.document(&mut rng, 300, &[]);
        let entries = [
            DocInput {
                id: "a",
                text: &body,
                receiving_point: Some("Office A"),
            },
            DocInput {
                id: "b",
                text: &other,
                receiving_point: Some("Office A"),
            },
            DocInput {
                id: "c",
                text: &body,
                receiving_point: Some("Office B"),
            },
        ];
        let past = CorpusInput {
            id: "old",
            text: &other,
            kind: CorpusKind::PastEntry,
            contest: Some("Ideas 2023"),
            year: Some(2023),
            awarded: Some(false),
            signature: None,
        };
        let t = Thresholds::default();
        let d = detect(&entries, std::slice::from_ref(&past), &t);
        let found = receiving_point_findings(&d.matches, &entries);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].entry, found[0].source), (0, Source::Entry(2)));
        let with_past: Vec<&Match> = d
            .matches
            .iter()
            .filter(|m| m.source == Source::Corpus(0))
            .collect();
        assert_eq!(with_past.len(), 1);
        assert_eq!(with_past[0].entry, 1);
        let f = recycled_finding(with_past[0], &past, None, &t);
        assert_eq!(f.map(|f| f.code.as_str()), Some("RECYCLED-NO-STATEMENT"));
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        let t = Thresholds::default();
        let d = detect(&[], &[], &t);
        assert!(d.matches.is_empty() && d.originality.is_empty());
        let e = [
            DocInput {
                id: "",
                text: "",
                receiving_point: None,
            },
            DocInput {
                id: "",
                text: "“ « \" ... ;;; \u{0301}",
                receiving_point: None,
            },
        ];
        let d = detect(&e, &[], &t);
        assert!(d.matches.is_empty());
        assert_eq!(d.originality, vec![1.0, 1.0]);
    }
}
