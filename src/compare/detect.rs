//! The batch comparison: prepare every document once, generate candidate pairs without
//! looking at all N² of them, verify each candidate by alignment, then sum up per entry.

use rayon::prelude::*;

use super::align::{AlignParams, ShingleIndex, align_indexed};
use super::exclude::{Reason, merge_spans, quotes_and_citations};
use super::fingerprint::{SEED_SHINGLE, SKETCH_SHINGLE, WINNOW_WINDOW, minhash, shingles, winnow};
use super::idea::{self, DocFreq};
use super::tokens::{Token, mix64, tokenize};
use super::{
    CorpusInput, CorpusKind, DetectStats, Detection, DocInput, ExcludedSpan, Match, MatchKind,
    MatchSpan, Signature, Source, Thresholds,
};

/// LSH banding of the 128-value sketch: 32 bands of 4 rows. Pairs resembling each other at
/// 0.45 (a light edit, in 3-shingles) meet in some band with probability ≈ 0.75, at 0.6 with
/// ≈ 0.99; unrelated texts (≤ 0.05) almost never do. Light edits the sketch misses are
/// caught by the shared-shingle route anyway.
const LSH_BANDS: usize = 32;
const LSH_ROWS: usize = 4;
/// Buckets (a band value, a fingerprint, a term) shared by more documents than this are not
/// expanded into all their pairs, only into a chain of neighbours, so a big group costs O(n).
const MAX_GROUP: usize = 16;
const GROUP_CHAIN: usize = 4;
/// Winnowed shingles two documents must share to be verified. Any shared passage of
/// `2 × WINNOW_WINDOW + SEED_SHINGLE - 1` (20) words shares at least two.
const MIN_SHARED_FINGERPRINTS: u32 = 2;
/// Distinctive terms per document for idea candidates, and how many must be shared.
const TOP_TERMS: usize = 24;
const MIN_SHARED_TERMS: u32 = 6;

/// A document cut into words, with what is excluded from comparison.
struct Prepared {
    tokens: Vec<Token>,
    /// Seed shingles (`SEED_SHINGLE` words from each position).
    seeds: Vec<u64>,
    token_skip: Vec<bool>,
    seed_skip: Vec<bool>,
}

impl Prepared {
    fn new(text: &str, excluded: &[(usize, usize, Reason)]) -> Prepared {
        let tokens = tokenize(text);
        let seeds = shingles(&tokens, SEED_SHINGLE);
        let mut p = Prepared {
            token_skip: Vec::new(),
            seed_skip: Vec::new(),
            tokens,
            seeds,
        };
        p.set_excluded(excluded);
        p
    }

    /// Mark every token overlapping an excluded byte range, and every shingle touching one.
    fn set_excluded(&mut self, excluded: &[(usize, usize, Reason)]) {
        self.token_skip = vec![false; self.tokens.len()];
        if !excluded.is_empty() {
            let mut spans = excluded.iter().peekable();
            for (t, skip) in self.tokens.iter().zip(self.token_skip.iter_mut()) {
                let (ts, te) = (t.start as usize, t.end as usize);
                while spans.peek().is_some_and(|s| s.1 <= ts) {
                    spans.next();
                }
                if spans.peek().is_some_and(|s| s.0 < te) {
                    *skip = true;
                }
            }
        }
        self.seed_skip = (0..self.seeds.len())
            .map(|i| {
                self.token_skip
                    .get(i..i + SEED_SHINGLE)
                    .is_some_and(|w| w.iter().any(|&s| s))
            })
            .collect();
    }

    fn counted(&self) -> usize {
        self.token_skip.iter().filter(|&&s| !s).count()
    }

    /// Byte range of tokens `start..end`.
    fn bytes(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.tokens.get(start).map_or(0, |t| t.start as usize);
        let e = end
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(s, |t| t.end as usize);
        (s, e)
    }

    fn counted_in(&self, start: usize, end: usize) -> usize {
        self.token_skip
            .get(start..end.min(self.token_skip.len()))
            .map_or(0, |s| s.iter().filter(|&&x| !x).count())
    }

    fn sketch_counted(&self) -> Vec<u64> {
        let kept: Vec<Token> = self
            .tokens
            .iter()
            .zip(&self.token_skip)
            .filter(|(_, s)| !**s)
            .map(|(t, _)| *t)
            .collect();
        minhash(shingles(&kept, SKETCH_SHINGLE))
    }
}

/// What is kept of each document between the passes: small, so 10,000 entries fit.
#[derive(Default)]
struct Summary {
    sketch: Vec<u64>,
    fingerprints: Vec<(u64, u32)>,
    excluded: Vec<(usize, usize, Reason)>,
    top_terms: Vec<u64>,
}

/// Compare a batch of entries with each other and with the corpus.
pub fn detect(entries: &[DocInput], corpus: &[CorpusInput], thresholds: &Thresholds) -> Detection {
    detect_with(entries, corpus, thresholds, &[])
}

/// [`detect`], also verifying the given (entry index, corpus index) pairs — e.g. the corpus
/// index's BM25 hits on each entry's most distinctive terms. Out-of-range pairs are ignored.
pub fn detect_with(
    entries: &[DocInput],
    corpus: &[CorpusInput],
    thresholds: &Thresholds,
    extra_corpus_candidates: &[(usize, usize)],
) -> Detection {
    let n = entries.len();
    let align_params = AlignParams {
        k: SEED_SHINGLE,
        max_gap: thresholds.max_gap_words,
        min_len: thresholds.min_span_words.max(SEED_SHINGLE),
    };
    let template_params = AlignParams {
        min_len: SEED_SHINGLE,
        ..align_params
    };

    // Pass 1: every document once, in parallel.
    let templates: Vec<(ShingleIndex, usize)> = corpus
        .par_iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CorpusKind::Template)
        .map(|(i, c)| {
            let p = Prepared::new(c.text, &[]);
            (ShingleIndex::new(&p.seeds, &p.seed_skip), i)
        })
        .collect();
    let df = DocFreq::default();
    let mut entry_summaries: Vec<Summary> = entries
        .par_iter()
        .map(|e| {
            let mut excluded = quotes_and_citations(e.text);
            let mut p = Prepared::new(e.text, &excluded);
            if !templates.is_empty() {
                for (index, _) in &templates {
                    for (passage, _) in
                        align_indexed(&p.seeds, &p.seed_skip, index, template_params)
                    {
                        let (s, e) = p.bytes(passage.a_start, passage.a_end);
                        excluded.push((s, e, Reason::Template));
                    }
                }
                excluded = merge_spans(excluded);
                p.set_excluded(&excluded);
            }
            df.add(&p.tokens);
            Summary {
                sketch: p.sketch_counted(),
                fingerprints: winnow(&p.seeds, WINNOW_WINDOW, |i| {
                    p.seed_skip.get(i).copied().unwrap_or(true)
                }),
                excluded,
                top_terms: Vec::new(),
            }
        })
        .collect();
    let mut corpus_summaries: Vec<Summary> = corpus
        .par_iter()
        .map(|c| {
            let excluded = quotes_and_citations(c.text);
            let p = Prepared::new(c.text, &excluded);
            df.add(&p.tokens);
            if c.kind == CorpusKind::Template {
                return Summary::default();
            }
            let sketch = match c.signature {
                Some(sig) if !sig.minhash.is_empty() => sig.minhash.clone(),
                _ => Signature::compute(c.text).minhash,
            };
            Summary {
                sketch,
                fingerprints: winnow(&p.seeds, WINNOW_WINDOW, |i| {
                    p.seed_skip.get(i).copied().unwrap_or(true)
                }),
                excluded,
                top_terms: Vec::new(),
            }
        })
        .collect();

    // Pass 2: distinctive terms, now that document frequencies are known.
    let with_terms = |text: &str, s: &mut Summary| {
        let p = Prepared::new(text, &s.excluded);
        let kept: Vec<Token> = p
            .tokens
            .iter()
            .zip(&p.token_skip)
            .filter(|(_, s)| !**s)
            .map(|(t, _)| *t)
            .collect();
        s.top_terms = idea::top_terms_of(&kept, &df, TOP_TERMS);
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

    // Candidates. Document ids: entries 0..n, corpus n..n+m.
    let all = || entry_summaries.iter().chain(corpus_summaries.iter());
    let auto_min = ((thresholds.template_share * n as f64).ceil() as usize)
        .max(thresholds.template_min_entries)
        .max(2);
    let mut auto_template: Vec<u64> = Vec::new();
    // Sized exactly: at 10,000 entries this is the largest allocation of the batch.
    let mut fingerprint_postings: Vec<(u64, u32)> =
        Vec::with_capacity(all().map(|s| s.fingerprints.len()).sum());
    fingerprint_postings.extend(
        all()
            .enumerate()
            .flat_map(|(d, s)| s.fingerprints.iter().map(move |&(h, _)| (h, d as u32))),
    );
    let shingle_pairs = pairs_from_postings(fingerprint_postings, n, |h, entry_count| {
        if entry_count >= auto_min {
            auto_template.push(h);
            false
        } else {
            true
        }
    });
    let shingle_pairs = keep_counted(shingle_pairs, MIN_SHARED_FINGERPRINTS);

    let band_postings: Vec<(u64, u32)> = all()
        .enumerate()
        .filter(|(_, s)| s.sketch.len() == LSH_BANDS * LSH_ROWS)
        .flat_map(|(d, s)| {
            s.sketch
                .chunks_exact(LSH_ROWS)
                .enumerate()
                .map(move |(b, rows)| {
                    let mut h = mix64(b as u64 + 1);
                    for &r in rows {
                        h = mix64(h ^ r);
                    }
                    (h, d as u32)
                })
        })
        .collect();
    let sketch_pairs = keep_counted(pairs_from_postings(band_postings, n, |_, _| true), 1);

    let term_postings: Vec<(u64, u32)> = all()
        .enumerate()
        .flat_map(|(d, s)| s.top_terms.iter().map(move |&t| (t, d as u32)))
        .collect();
    let term_pairs = keep_counted(
        pairs_from_postings(term_postings, n, |_, _| true),
        MIN_SHARED_TERMS,
    );

    let caller_pairs: Vec<u64> = extra_corpus_candidates
        .iter()
        .filter(|(e, c)| *e < n && *c < corpus.len() && corpus[*c].kind != CorpusKind::Template)
        .map(|&(e, c)| pair_code(e as u32, (n + c) as u32))
        .collect();
    let mut stats = DetectStats {
        entries: n,
        corpus: corpus.len(),
        from_sketch: sketch_pairs.len(),
        from_shingles: shingle_pairs.len(),
        from_terms: term_pairs.len(),
        from_caller: caller_pairs.len(),
        candidate_pairs: 0,
    };
    let mut candidates: Vec<u64> = shingle_pairs;
    candidates.extend(sketch_pairs);
    candidates.extend(term_pairs);
    candidates.extend(caller_pairs);
    candidates.par_sort_unstable();
    candidates.dedup();
    // Template corpus documents are never matched.
    candidates.retain(|&c| {
        let b = (c & 0xFFFF_FFFF) as usize;
        b < n
            || corpus
                .get(b - n)
                .is_some_and(|d| d.kind != CorpusKind::Template)
    });
    stats.candidate_pairs = candidates.len();

    // Auto-template: passages most entries share are excluded where they occur.
    auto_template.sort_unstable();
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
                let mut ranges: Vec<(usize, usize)> = s
                    .fingerprints
                    .iter()
                    .filter(|(h, _)| auto_template.binary_search(h).is_ok())
                    .map(|&(_, pos)| (pos as usize, pos as usize + SEED_SHINGLE))
                    .collect();
                ranges.sort_unstable();
                let mut merged: Vec<(usize, usize)> = Vec::new();
                for r in ranges {
                    match merged.last_mut() {
                        Some(last) if r.0 <= last.1 + WINNOW_WINDOW => last.1 = last.1.max(r.1),
                        _ => merged.push(r),
                    }
                }
                s.excluded.extend(merged.into_iter().map(|(a, b)| {
                    let (bs, be) = p.bytes(a, b.min(p.tokens.len()));
                    (bs, be, Reason::AutoTemplate)
                }));
                s.excluded = merge_spans(std::mem::take(&mut s.excluded));
            });
    }

    // Verification, grouped by the first document so it is prepared once.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for c in &candidates {
        let (a, b) = ((c >> 32) as usize, (c & 0xFFFF_FFFF) as usize);
        match groups.last_mut() {
            Some((ga, bs)) if *ga == a => bs.push(b),
            _ => groups.push((a, vec![b])),
        }
    }
    let summary_of = |d: usize| {
        if d < n {
            entry_summaries.get(d)
        } else {
            corpus_summaries.get(d - n)
        }
    };
    let text_of = |d: usize| {
        if d < n {
            entries.get(d).map(|e| e.text)
        } else {
            corpus.get(d - n).map(|c| c.text)
        }
    };
    let mut matches: Vec<Match> = groups
        .par_iter()
        .flat_map_iter(|(a, bs)| {
            let a_text = text_of(*a).unwrap_or("");
            let a_excl = summary_of(*a).map_or(&[][..], |s| &s.excluded[..]);
            let pa = Prepared::new(a_text, a_excl);
            let va = idea::vector(&counted_tokens(&pa), &df);
            bs.iter()
                .filter_map(|&b| {
                    let pb = Prepared::new(
                        text_of(b).unwrap_or(""),
                        summary_of(b).map_or(&[][..], |s| &s.excluded[..]),
                    );
                    let source = if b < n {
                        Source::Entry(b)
                    } else {
                        Source::Corpus(b - n)
                    };
                    verify(*a, &pa, &va, source, &pb, &df, thresholds, align_params)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    matches.sort_by_key(|m| (m.entry, m.source));

    // Per entry: exclusions, originality, clusters.
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
            if spans.is_empty() {
                return 1.0;
            }
            let Some(e) = entries.get(i) else { return 1.0 };
            let p = Prepared::new(e.text, &entry_summaries[i].excluded);
            let counted = p.counted();
            if counted == 0 {
                return 1.0;
            }
            let mut spans = spans.clone();
            spans.sort_unstable();
            let mut in_copy = 0usize;
            let mut si = 0usize;
            for (t, skip) in p.tokens.iter().zip(&p.token_skip) {
                let (ts, te) = (t.start as usize, t.end as usize);
                while spans.get(si).is_some_and(|s| s.1 <= ts) {
                    si += 1;
                }
                // Overlapping spans: any span starting at or before the token may cover it.
                if !skip
                    && spans[si.min(spans.len())..]
                        .iter()
                        .take_while(|s| s.0 < te)
                        .any(|s| s.1 > ts)
                {
                    in_copy += 1;
                }
            }
            1.0 - in_copy as f64 / counted as f64
        })
        .collect();
    let clusters = clusters(n, &matches);

    Detection {
        matches,
        excluded,
        originality,
        clusters,
        stats,
    }
}

fn counted_tokens(p: &Prepared) -> Vec<Token> {
    p.tokens
        .iter()
        .zip(&p.token_skip)
        .filter(|(_, s)| !**s)
        .map(|(t, _)| *t)
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn verify(
    entry: usize,
    a: &Prepared,
    a_vector: &idea::TermVector,
    source: Source,
    b: &Prepared,
    df: &DocFreq,
    thresholds: &Thresholds,
    params: AlignParams,
) -> Option<Match> {
    let index = ShingleIndex::new(&b.seeds, &b.seed_skip);
    let passages = bridge_excluded(
        align_indexed(&a.seeds, &a.seed_skip, &index, params),
        a,
        b,
        params.max_gap,
    );
    let (na, nb) = (a.counted(), b.counted());
    let mut a_cover = vec![false; a.tokens.len()];
    let mut b_cover = vec![false; b.tokens.len()];
    let mut seeded = 0usize;
    let mut spanned = 0usize;
    let mut longest = 0usize;
    let mut spans = Vec::with_capacity(passages.len());
    for (p, seeded_words) in &passages {
        for c in a_cover.iter_mut().take(p.a_end).skip(p.a_start) {
            *c = true;
        }
        for c in b_cover.iter_mut().take(p.b_end).skip(p.b_start) {
            *c = true;
        }
        seeded += seeded_words;
        spanned += a.counted_in(p.a_start, p.a_end);
        let words = a.counted_in(p.a_start, p.a_end);
        longest = longest.max(words);
        let (entry_start, entry_end) = a.bytes(p.a_start, p.a_end);
        let (source_start, source_end) = b.bytes(p.b_start, p.b_end);
        spans.push(MatchSpan {
            entry_start,
            entry_end,
            source_start,
            source_end,
            words,
        });
    }
    let ma = a_cover
        .iter()
        .zip(&a.token_skip)
        .filter(|(c, s)| **c && !**s)
        .count();
    let mb = b_cover
        .iter()
        .zip(&b.token_skip)
        .filter(|(c, s)| **c && !**s)
        .count();
    let share = |m: usize, t: usize| if t == 0 { 0.0 } else { m as f64 / t as f64 };
    let entry_share = share(ma, na);
    let source_share = share(mb, nb);
    let resemblance = share(ma + mb, na + nb);
    let identity = share(seeded, spanned);
    // Between entries nobody knows who copied whom, so the larger containment decides; against
    // the corpus the question is how much of the entry is the earlier document.
    let containment = match source {
        Source::Entry(_) => entry_share.max(source_share),
        Source::Corpus(_) => entry_share,
    };
    let idea_similarity = idea::cosine(a_vector, &idea::vector(&counted_tokens(b), df));
    let (kind, score) = if containment >= thresholds.exact_min
        && identity >= thresholds.exact_identity
    {
        (MatchKind::Exact, containment)
    } else if containment >= thresholds.near_min {
        (MatchKind::Near, containment)
    } else if longest >= thresholds.min_passage_words {
        (MatchKind::Partial, containment)
    } else if idea_similarity >= thresholds.idea_min && containment < thresholds.idea_max_copy_share
    {
        (MatchKind::Idea, idea_similarity)
    } else {
        return None;
    };
    Some(Match {
        entry,
        source,
        kind,
        score,
        entry_share,
        source_share,
        resemblance,
        identity,
        idea_similarity,
        spans,
    })
}

/// Join consecutive passages separated only by excluded words (a quotation, a citation, a
/// template heading) and a few others, in both texts: one copied section is one passage for
/// the council, not three.
fn bridge_excluded(
    passages: Vec<(super::align::Passage, usize)>,
    a: &Prepared,
    b: &Prepared,
    max_gap: usize,
) -> Vec<(super::align::Passage, usize)> {
    let mut out: Vec<(super::align::Passage, usize)> = Vec::with_capacity(passages.len());
    for (p, seeded) in passages {
        if let Some((last, last_seeded)) = out.last_mut()
            && p.a_start >= last.a_end
            && p.b_start >= last.b_end
        {
            // Adaptive: two long passages may be bridged over a longer edited stretch than two
            // short ones (heavy edits leave long gaps between long, still-aligned runs).
            let shorter = (last.a_end - last.a_start).min(p.a_end - p.a_start);
            let allowed = max_gap.max(shorter / 2);
            if a.counted_in(last.a_end, p.a_start) > allowed
                || b.counted_in(last.b_end, p.b_start) > allowed
            {
                out.push((p, seeded));
                continue;
            }
            last.a_end = p.a_end;
            last.b_end = last.b_end.max(p.b_end);
            *last_seeded += seeded;
            continue;
        }
        out.push((p, seeded));
    }
    out
}

fn pair_code(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Sort `(key, doc)` postings and turn each key's documents into pairs with at least one
/// entry (`doc < n`). `keep(key, entries_in_group)` may veto a key (auto-template).
fn pairs_from_postings(
    mut postings: Vec<(u64, u32)>,
    n: usize,
    mut keep: impl FnMut(u64, usize) -> bool,
) -> Vec<u64> {
    postings.par_sort_unstable();
    postings.dedup();
    let mut out = Vec::new();
    let mut i = 0;
    while i < postings.len() {
        let key = postings[i].0;
        let mut j = i;
        while j < postings.len() && postings[j].0 == key {
            j += 1;
        }
        let group = &postings[i..j];
        i = j;
        if group.len() < 2 {
            continue;
        }
        let entries_in_group = group.iter().filter(|(_, d)| (*d as usize) < n).count();
        if entries_in_group == 0 || !keep(key, entries_in_group) {
            continue;
        }
        let reach = if group.len() <= MAX_GROUP {
            group.len()
        } else {
            GROUP_CHAIN
        };
        for (x, &(_, a)) in group.iter().enumerate() {
            if a as usize >= n {
                break;
            }
            for &(_, b) in group.iter().skip(x + 1).take(reach) {
                out.push(pair_code(a, b));
            }
        }
    }
    out
}

/// Pairs that occur at least `min` times, each once.
fn keep_counted(mut pairs: Vec<u64>, min: u32) -> Vec<u64> {
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        if (j - i) as u32 >= min {
            out.push(pairs[i]);
        }
        i = j;
    }
    out
}

/// Union-find over exact/near matches between entries.
fn clusters(n: usize, matches: &[Match]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for m in matches {
        if let (Source::Entry(b), MatchKind::Exact | MatchKind::Near) = (m.source, m.kind)
            && m.entry < n
            && b < n
        {
            let (ra, rb) = (find(&mut parent, m.entry), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

#[cfg(test)]
mod tests {
    use super::super::synth::{Case, PlantedSource, SynthContest, SynthSpec, TextGen};
    use super::super::{receiving_point_findings, recycled_finding};
    use super::*;

    fn corpus_inputs(c: &SynthContest) -> Vec<CorpusInput<'_>> {
        c.corpus
            .iter()
            .map(|(t, k)| CorpusInput {
                id: "model",
                text: t,
                kind: *k,
                contest: None,
                year: None,
                awarded: None,
                signature: None,
            })
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
