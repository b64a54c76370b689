//! Pass 1: every document once — words, seed shingles, what is excluded, and the small
//! summary kept between passes (so 10,000 entries fit in memory).

use crate::fingerprint::CommonKeys;
#[cfg(doc)]
use crate::fingerprint::CorpusStats;
use crate::fingerprint::shingles::{
    SEED_SHINGLE, SKETCH_SHINGLE, WINNOW_WINDOW, minhash, shingles, winnow,
};
use crate::fingerprint::tokens::{Token, tokenize};

use super::super::exclude::{Reason, merge_spans};

/// A document cut into words, with what is excluded from comparison.
pub(super) struct Prepared {
    pub tokens: Vec<Token>,
    /// Seed shingles (`SEED_SHINGLE` words from each position).
    pub seeds: Vec<u64>,
    pub token_skip: Vec<bool>,
    pub seed_skip: Vec<bool>,
}

impl Prepared {
    pub fn new(text: &str, excluded: &[(usize, usize, Reason)]) -> Prepared {
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
    pub fn set_excluded(&mut self, excluded: &[(usize, usize, Reason)]) {
        self.token_skip = excluded_tokens(&self.tokens, excluded);
        self.seed_skip = (0..self.seeds.len())
            .map(|i| {
                self.token_skip
                    .get(i..i + SEED_SHINGLE)
                    .is_some_and(|w| w.iter().any(|&s| s))
            })
            .collect();
    }

    pub fn counted(&self) -> usize {
        self.token_skip.iter().filter(|&&s| !s).count()
    }

    /// Byte range of tokens `start..end`.
    pub fn bytes(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.tokens.get(start).map_or(0, |t| t.start as usize);
        let e = end
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(s, |t| t.end as usize);
        (s, e)
    }

    pub fn counted_in(&self, start: usize, end: usize) -> usize {
        self.token_skip
            .get(start..end.min(self.token_skip.len()))
            .map_or(0, |s| s.iter().filter(|&&x| !x).count())
    }

    pub fn counted_tokens(&self) -> Vec<Token> {
        self.tokens
            .iter()
            .zip(&self.token_skip)
            .filter(|(_, s)| !**s)
            .map(|(t, _)| *t)
            .collect()
    }

    pub fn sketch_counted(&self) -> Vec<u64> {
        minhash(shingles(&self.counted_tokens(), SKETCH_SHINGLE))
    }

    /// Winnowed seed shingles outside excluded text, as (hash, position).
    pub fn fingerprints(&self) -> Vec<(u64, u32)> {
        winnow(&self.seeds, WINNOW_WINDOW, |i| {
            self.seed_skip.get(i).copied().unwrap_or(true)
        })
    }

    /// Hash of every word of the text in order: equal for texts that differ only in case,
    /// spacing, punctuation or tone placement.
    pub fn content_key(&self) -> u64 {
        let mut h = 0x2545_F491_4F6C_DD1Du64;
        for t in &self.tokens {
            h = crate::fingerprint::tokens::mix64(h ^ t.key);
        }
        h
    }
}

/// Per token: whether it overlaps one of the `excluded` byte ranges (sorted, disjoint).
fn excluded_tokens(tokens: &[Token], excluded: &[(usize, usize, Reason)]) -> Vec<bool> {
    let mut skip = vec![false; tokens.len()];
    if !excluded.is_empty() {
        let mut spans = excluded.iter().peekable();
        for (t, skip) in tokens.iter().zip(skip.iter_mut()) {
            let (ts, te) = (t.start as usize, t.end as usize);
            while spans.peek().is_some_and(|s| s.1 <= ts) {
                spans.next();
            }
            if spans.peek().is_some_and(|s| s.0 < te) {
                *skip = true;
            }
        }
    }
    skip
}

/// The words of `text` outside `excluded`: [`Prepared::counted_tokens`] without making the
/// shingles, for a pass that needs only the words.
pub(super) fn counted_tokens(text: &str, excluded: &[(usize, usize, Reason)]) -> Vec<Token> {
    let tokens = tokenize(text);
    let skip = excluded_tokens(&tokens, excluded);
    tokens
        .into_iter()
        .zip(skip)
        .filter_map(|(t, skip)| (!skip).then_some(t))
        .collect()
}

/// What is kept of each document between the passes.
#[derive(Default)]
pub(super) struct Summary {
    /// Sketch of the counted words (for LSH candidates).
    pub sketch: Vec<u64>,
    /// Sketch of every word, exclusions ignored (near-identical texts).
    pub raw_sketch: Vec<u64>,
    /// Hash of every word ([`Prepared::content_key`]); 0 for texts too short to call copies.
    pub content_key: u64,
    pub fingerprints: Vec<(u64, u32)>,
    /// Quotations, citations, template text and common wording: every figure leaves them out.
    pub excluded: Vec<(usize, usize, Reason)>,
    pub top_terms: Vec<u64>,
}

/// Byte ranges of `p` made of shingles `is_common` says many documents hold: each kept
/// fingerprint marks its shingle's words, and marks at most `WINNOW_WINDOW - SEED_SHINGLE`
/// words apart join — inside one shared passage winnowing keeps a shingle in every window, so
/// no gap there is wider; a wider one is text of the entry's own between two common phrases.
pub(super) fn common_ranges(
    p: &Prepared,
    fingerprints: &[(u64, u32)],
    is_common: impl Fn(u64) -> bool,
    reason: Reason,
) -> Vec<(usize, usize, Reason)> {
    let mut ranges: Vec<(usize, usize)> = fingerprints
        .iter()
        .filter(|(h, _)| is_common(*h))
        .map(|&(_, pos)| (pos as usize, pos as usize + SEED_SHINGLE))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 + (WINNOW_WINDOW - SEED_SHINGLE) => {
                last.1 = last.1.max(r.1)
            }
            _ => merged.push(r),
        }
    }
    merged
        .into_iter()
        .map(|(a, b)| {
            let (bs, be) = p.bytes(a, b.min(p.tokens.len()));
            (bs, be, reason)
        })
        .collect()
}

/// Mark the wording many corpus documents share ([`Reason::Common`]: the fingerprints in
/// `common`, [`CorpusStats::common_keys`] of the batch's rule) and refresh the skips.
pub(super) fn exclude_common(
    p: &mut Prepared,
    excluded: &mut Vec<(usize, usize, Reason)>,
    common: &CommonKeys,
) {
    if common.is_empty() {
        return;
    }
    let all = winnow(&p.seeds, WINNOW_WINDOW, |_| false);
    let common = common_ranges(p, &all, |h| common.contains(h), Reason::Common);
    if common.is_empty() {
        return;
    }
    // Quotations and citations keep their own reason where they overlap.
    excluded.extend(common);
    *excluded = merge_spans(std::mem::take(excluded));
    p.set_excluded(excluded);
}
