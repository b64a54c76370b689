//! Pass 2: candidate pairs, never all N² of them — LSH banding over MinHash sketches
//! (whole-document resemblance), shared winnowed shingles (one copied paragraph), shared
//! distinctive terms (same idea), pairs inside a copy group, and pairs the caller adds (BM25
//! from the corpus index). Also finds the shingles most *distinct* entries share
//! (auto-template).

use rayon::prelude::*;

use crate::fingerprint::tokens::mix64;

use super::prepare::Summary;

/// LSH banding of the 128-value sketch: 32 bands of 4 rows. Pairs resembling each other at
/// 0.45 (a light edit, in 3-shingles) meet in some band with probability ≈ 0.75, at 0.6 with
/// ≈ 0.99; unrelated texts (≤ 0.05) almost never do. Light edits the sketch misses are
/// caught by the shared-shingle route anyway.
pub(super) const LSH_BANDS: usize = 32;
pub(super) const LSH_ROWS: usize = 4;
/// Buckets (a band value, a fingerprint, a term) shared by more documents than this are not
/// expanded into all their pairs, only into a chain of neighbours, so a big group costs O(n).
pub(super) const MAX_GROUP: usize = 16;
const GROUP_CHAIN: usize = 4;
/// Winnowed shingles two documents must share to be verified. Any shared passage of
/// `2 × WINNOW_WINDOW + SEED_SHINGLE - 1` (20) words shares at least two.
const MIN_SHARED_FINGERPRINTS: u32 = 2;
/// Distinctive terms per document for idea candidates, and how many must be shared.
pub(super) const TOP_TERMS: usize = 24;
const MIN_SHARED_TERMS: u32 = 6;

/// Document ids: entries `0..n`, corpus documents `n..n+m`. A pair is `(a << 32) | b`, a < b.
pub(super) fn pair_code(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

pub(super) fn pair_of(code: u64) -> (usize, usize) {
    ((code >> 32) as usize, (code & 0xFFFF_FFFF) as usize)
}

/// What pass 2 found.
pub(super) struct Candidates {
    /// Sorted, distinct pair codes.
    pub pairs: Vec<u64>,
    /// Shingles shared by at least `auto_min` distinct entries, sorted.
    pub auto_template: Vec<u64>,
    pub from_sketch: usize,
    pub from_shingles: usize,
    pub from_terms: usize,
}

/// `summaries` holds entries then corpus documents; `group_of[e]` names the copy group of
/// entry `e` (identical texts count once towards auto-template); `skip_doc` vetoes documents
/// (template corpus documents are never matched).
pub(super) fn generate(
    summaries: &[&Summary],
    n: usize,
    group_of: &[u32],
    auto_min: usize,
    skip_doc: impl Fn(usize) -> bool + Sync,
) -> Candidates {
    let mut auto_template: Vec<u64> = Vec::new();
    // Sized exactly: at 10,000 entries this is the largest allocation of the batch.
    let mut fingerprint_postings: Vec<(u64, u32)> =
        Vec::with_capacity(summaries.iter().map(|s| s.fingerprints.len()).sum());
    fingerprint_postings.extend(
        summaries
            .iter()
            .enumerate()
            .flat_map(|(d, s)| s.fingerprints.iter().map(move |&(h, _)| (h, d as u32))),
    );
    let mut distinct: Vec<u32> = Vec::new();
    let shingle_pairs = pairs_from_postings(fingerprint_postings, n, |h, group| {
        distinct.clear();
        distinct.extend(
            group
                .iter()
                .filter(|(_, d)| (*d as usize) < n)
                .map(|(_, d)| group_of.get(*d as usize).copied().unwrap_or(*d)),
        );
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() >= auto_min {
            auto_template.push(h);
            false
        } else {
            true
        }
    });
    let shingle_pairs = keep_counted(shingle_pairs, MIN_SHARED_FINGERPRINTS);

    let band_postings: Vec<(u64, u32)> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| s.sketch.len() == LSH_BANDS * LSH_ROWS)
        .flat_map(|(d, s)| bands(&s.sketch).map(move |h| (h, d as u32)))
        .collect();
    let sketch_pairs = keep_counted(pairs_from_postings(band_postings, n, |_, _| true), 1);

    let term_postings: Vec<(u64, u32)> = summaries
        .iter()
        .enumerate()
        .flat_map(|(d, s)| s.top_terms.iter().map(move |&t| (t, d as u32)))
        .collect();
    let term_pairs = keep_counted(
        pairs_from_postings(term_postings, n, |_, _| true),
        MIN_SHARED_TERMS,
    );
    let (from_sketch, from_shingles, from_terms) =
        (sketch_pairs.len(), shingle_pairs.len(), term_pairs.len());
    let mut pairs = shingle_pairs;
    pairs.extend(sketch_pairs);
    pairs.extend(term_pairs);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.retain(|&c| {
        let (a, b) = pair_of(c);
        !skip_doc(a) && !skip_doc(b)
    });
    auto_template.sort_unstable();
    Candidates {
        pairs,
        auto_template,
        from_sketch,
        from_shingles,
        from_terms,
    }
}

/// The LSH band keys of a sketch.
pub(super) fn bands(sketch: &[u64]) -> impl Iterator<Item = u64> + '_ {
    sketch.chunks_exact(LSH_ROWS).enumerate().map(|(b, rows)| {
        let mut h = mix64(b as u64 + 1);
        for &r in rows {
            h = mix64(h ^ r);
        }
        h
    })
}

/// Sort `(key, doc)` postings and turn each key's documents into pairs with at least one
/// entry (`doc < n`). `keep(key, group)` may veto a key (auto-template).
pub(super) fn pairs_from_postings(
    mut postings: Vec<(u64, u32)>,
    n: usize,
    mut keep: impl FnMut(u64, &[(u64, u32)]) -> bool,
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
        if entries_in_group == 0 || !keep(key, group) {
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
pub(super) fn keep_counted(mut pairs: Vec<u64>, min: u32) -> Vec<u64> {
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
