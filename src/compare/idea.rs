//! Same idea, other words: term-weighted similarity over content words.
//!
//! Terms are words and word pairs (a Vietnamese word is often two syllables: "thủ tục",
//! "một cửa"), weighted by sublinear tf × idf, with idf learned from the batch and the corpus so
//! that the words every entry uses ("cải cách", "hành chính", "the", "of") weigh nothing and no
//! stop-word list is needed — which keeps the engine language-independent.

use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::fingerprint::tokens::{Token, mix64};

/// Size of the document-frequency table (a count-min style table without the min: one row).
/// Collisions only make rare terms look a little more common.
const DF_BITS: u32 = 22;

/// Terms that occur in more than this share of documents carry no weight at all.
const MAX_DF_SHARE: f64 = 0.25;

/// Document frequencies of terms over a set of documents, filled in parallel.
pub struct DocFreq {
    counts: Vec<AtomicU32>,
    docs: AtomicU32,
}

impl Default for DocFreq {
    fn default() -> Self {
        DocFreq {
            counts: (0..1usize << DF_BITS).map(|_| AtomicU32::new(0)).collect(),
            docs: AtomicU32::new(0),
        }
    }
}

impl DocFreq {
    /// Count one document.
    pub fn add(&self, tokens: &[Token]) {
        let mut terms = terms(tokens);
        terms.sort_unstable();
        terms.dedup();
        for t in terms {
            if let Some(c) = self.counts.get(slot(t)) {
                c.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.docs.fetch_add(1, Ordering::Relaxed);
    }

    /// Inverse document frequency; 0 for terms too common to tell documents apart.
    /// The documents counted and every non-zero (slot, count) of the table: what
    /// [`DocFreq::add_counts`] takes back.
    pub fn counts(&self) -> (u32, Vec<(u32, u32)>) {
        let counts = self
            .counts
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let c = c.load(Ordering::Relaxed);
                (c > 0).then_some((i as u32, c))
            })
            .collect();
        (self.docs.load(Ordering::Relaxed), counts)
    }

    /// Add the counts of [`DocFreq::counts`] (slots out of range are ignored).
    pub fn add_counts(&self, docs: u32, counts: &[(u32, u32)]) {
        for &(slot, c) in counts {
            if let Some(x) = self.counts.get(slot as usize) {
                x.fetch_add(c, Ordering::Relaxed);
            }
        }
        self.docs.fetch_add(docs, Ordering::Relaxed);
    }

    pub fn idf(&self, term: u64) -> f64 {
        let n = f64::from(self.docs.load(Ordering::Relaxed).max(1));
        let df = f64::from(
            self.counts
                .get(slot(term))
                .map_or(0, |c| c.load(Ordering::Relaxed))
                .max(1),
        );
        if n >= 8.0 && df / n > MAX_DF_SHARE {
            0.0
        } else {
            (n / df).ln().max(0.0)
        }
    }
}

impl DocFreq {
    /// A smooth inverse document frequency, `ln(1 + n/df)`: common words weigh little but never
    /// nothing (for sentence similarity, where a changed particle should cost a little).
    pub fn idf_smooth(&self, term: u64) -> f64 {
        let n = f64::from(self.docs.load(Ordering::Relaxed).max(1));
        let df = f64::from(
            self.counts
                .get(slot(term))
                .map_or(0, |c| c.load(Ordering::Relaxed))
                .max(1),
        );
        (1.0 + n / df).ln()
    }
}

/// What [`DocFreq::add`] counts for one document, as (slot, count) pairs sorted by slot: kept,
/// the same counts are added again with [`DocFreq::add_counts`]`(1, …)`.
pub fn doc_counts(tokens: &[Token]) -> Vec<(u32, u32)> {
    let mut terms = terms(tokens);
    terms.sort_unstable();
    terms.dedup();
    let mut slots: Vec<u32> = terms.into_iter().map(|t| slot(t) as u32).collect();
    slots.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(slots.len());
    for s in slots {
        match out.last_mut() {
            Some(last) if last.0 == s => last.1 += 1,
            _ => out.push((s, 1)),
        }
    }
    out
}

fn slot(term: u64) -> usize {
    (term >> (64 - DF_BITS)) as usize
}

/// The terms of a token stream: each word and each pair of adjacent words.
pub fn terms(tokens: &[Token]) -> Vec<u64> {
    let mut out = Vec::with_capacity(tokens.len() * 2);
    out.extend(tokens.iter().map(|t| t.key));
    out.extend(
        tokens
            .windows(2)
            .map(|w| mix64(w[0].key.rotate_left(17) ^ w[1].key ^ 0x5851_F42D_4C95_7F2D)),
    );
    out
}

/// A unit-length tf-idf vector, as term → weight.
pub type TermVector = FxHashMap<u64, f32>;

/// Only the `VECTOR_TERMS` heaviest terms of a document are kept: what it is *about*. The long
/// tail of words used once carries style, not idea, and would drown the shared core.
pub const VECTOR_TERMS: usize = 48;
/// Repeated terms a document needs before its single-use terms are ignored.
const MIN_REPEATED_TERMS: usize = 12;

pub fn vector(tokens: &[Token], df: &DocFreq) -> TermVector {
    let mut tf: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(tokens.len(), Default::default());
    for t in terms(tokens) {
        *tf.entry(t).or_insert(0) += 1;
    }
    // A term used once is style; a term the author keeps coming back to is the idea. Words used
    // only once are dropped when the document repeats enough others to say what it is about.
    let repeated = tf.values().filter(|&&n| n >= 2).count();
    let min_tf = if repeated >= MIN_REPEATED_TERMS { 2 } else { 1 };
    let mut weighted: Vec<(u64, f32)> = tf
        .into_iter()
        .filter(|&(_, n)| n >= min_tf)
        .filter_map(|(t, n)| {
            let w = f64::from(n) * df.idf(t);
            (w > 0.0).then_some((t, w as f32))
        })
        .collect();
    weighted.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    weighted.truncate(VECTOR_TERMS);
    let mut v: TermVector = weighted.into_iter().collect();
    let norm = v.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|w| *w /= norm);
    }
    v
}

pub fn cosine(a: &TermVector, b: &TermVector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A fold from +0.0, not `sum()`: the sum of nothing is -0.0, shown as "-0%".
    small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|x| f64::from(w * x)))
        .fold(0.0, |total, x| total + x)
}

/// The `n` heaviest terms of a vector: what the document is distinctively about.
pub fn top_terms(v: &TermVector, n: usize) -> Vec<u64> {
    let mut all: Vec<(u64, f32)> = v.iter().map(|(&t, &w)| (t, w)).collect();
    all.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    all.into_iter().take(n).map(|(t, _)| t).collect()
}

/// [`top_terms`] of the document's vector, computed without building the map: sort the terms,
/// weigh each run, keep the `n` heaviest. This runs on every document of the batch.
pub fn top_terms_of(tokens: &[Token], df: &DocFreq, n: usize) -> Vec<u64> {
    let mut all = terms(tokens);
    all.sort_unstable();
    let mut runs: Vec<(u64, u32)> = Vec::with_capacity(all.len() / 2);
    let mut i = 0;
    while i < all.len() {
        let t = all[i];
        let mut j = i;
        while j < all.len() && all[j] == t {
            j += 1;
        }
        runs.push((t, (j - i) as u32));
        i = j;
    }
    // Same rule as `vector`: single-use terms only count in documents that repeat too little.
    let repeated = runs.iter().filter(|r| r.1 >= 2).count();
    let min_tf = if repeated >= MIN_REPEATED_TERMS { 2 } else { 1 };
    let mut weighted: Vec<(f64, u64)> = runs
        .into_iter()
        .filter(|r| r.1 >= min_tf)
        .map(|(t, n)| (f64::from(n) * df.idf(t), t))
        .filter(|w| w.0 > 0.0)
        .collect();
    if weighted.len() > n && n > 0 {
        weighted.select_nth_unstable_by(n - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        weighted.truncate(n);
    }
    // Not `weighted.into_iter().map(..).collect()`: that collects in place and keeps the
    // whole `weighted` buffer (tens of KB per document, 670 MB over 10,000 entries) alive
    // behind a 24-term vector.
    let mut out: Vec<u64> = Vec::with_capacity(n.min(weighted.len()));
    out.extend(weighted.iter().take(n).map(|&(_, t)| t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tokens::tokenize;

    #[test]
    fn shared_distinctive_terms_score_high_common_words_score_nothing() {
        let df = DocFreq::default();
        let docs = [
            "the council should scan every paper file into the portal so citizens track it online",
            "citizens track each paper file online once the council scans it into the portal",
            "the council should plant trees along the river to stop floods in the rainy season",
            "the school should teach children to swim before the rainy season every year",
            "the market board should move stalls off the road so traffic flows at rush hour",
            "the clinic should send test results by text message so patients need not return",
            "the library should lend laptops to students who have no computer at home",
            "the ward office should accept fees by bank transfer instead of cash at the desk",
        ];
        let toks: Vec<_> = docs.iter().map(|d| tokenize(d)).collect();
        toks.iter().for_each(|t| df.add(t));
        let v: Vec<_> = toks.iter().map(|t| vector(t, &df)).collect();
        assert_eq!(df.idf(tokenize("the")[0].key), 0.0);
        let same_idea = cosine(&v[0], &v[1]);
        let other = cosine(&v[0], &v[2]);
        assert!(same_idea > 0.3, "{same_idea}");
        assert!(other < 0.15, "{other}");
        assert!((cosine(&v[3], &v[3]) - 1.0).abs() < 1e-5);
    }
}
