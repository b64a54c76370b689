//! Fingerprints of a token stream: word shingles, a MinHash sketch and winnowed shingles.
//!
//! Two fingerprints for two questions. The MinHash sketch (one-permutation hashing with
//! densification, so one pass per document instead of 128) estimates how much two whole
//! documents resemble each other and feeds LSH banding. Winnowing keeps one shingle out of
//! each window, with the guarantee that any shared passage of `WINNOW_WINDOW + SEED_SHINGLE - 1`
//! words shares at least one kept shingle — which is what finds one copied paragraph inside an
//! otherwise original entry, something a whole-document sketch cannot see.

use super::tokens::{Token, mix64};

/// Words per shingle for the MinHash sketch. Three words (syllables) keep light edits from
/// destroying most shingles; the same size the datasketch baseline uses.
pub const SKETCH_SHINGLE: usize = 3;
/// Words per shingle for seeds and winnowing. Five syllables are rarely shared by chance
/// between two independent Vietnamese texts, yet survive 15 % word edits often enough.
pub const SEED_SHINGLE: usize = 5;
/// Winnowing window (in shingles).
pub const WINNOW_WINDOW: usize = 8;
/// Hashes per MinHash sketch.
pub const SKETCH_LEN: usize = 128;

/// Hash of `k` consecutive token keys starting at each position; `len - k + 1` values.
pub fn shingles(tokens: &[Token], k: usize) -> Vec<u64> {
    if tokens.len() < k || k == 0 {
        return Vec::new();
    }
    tokens
        .windows(k)
        .map(|w| {
            let mut h = 0x243F_6A88_85A3_08D3u64 ^ k as u64;
            for t in w {
                h = (h ^ t.key).wrapping_mul(0x100_0000_01B3).rotate_left(29);
            }
            mix64(h)
        })
        .collect()
}

/// One-permutation MinHash: the top 7 bits of a shingle hash choose one of 128 bins, the
/// rest is the value kept as a minimum. Empty bins borrow from the next non-empty bin with a
/// per-distance offset (rotation densification), so short texts still give comparable sketches.
/// An empty text gives an empty sketch.
pub fn minhash(shingle_hashes: impl IntoIterator<Item = u64>) -> Vec<u64> {
    const EMPTY: u64 = u64::MAX;
    let mut bins = [EMPTY; SKETCH_LEN];
    let mut any = false;
    let shift = 64 - SKETCH_LEN.trailing_zeros();
    for h in shingle_hashes {
        let bin = (h >> shift) as usize % SKETCH_LEN;
        let value = h & ((1u64 << shift) - 1);
        if let Some(slot) = bins.get_mut(bin)
            && value < *slot
        {
            *slot = value;
        }
        any = true;
    }
    if !any {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(SKETCH_LEN);
    for i in 0..SKETCH_LEN {
        let mut d = 0;
        loop {
            let v = bins[(i + d) % SKETCH_LEN];
            if v != EMPTY {
                out.push(if d == 0 {
                    v
                } else {
                    mix64(v ^ (d as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
                });
                break;
            }
            d += 1;
        }
    }
    out
}

/// Share of equal positions: the MinHash estimate of Jaccard resemblance.
pub fn estimate_resemblance(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len() as f64
}

/// Winnowing (Schleimer, Wilkerson, Aiken 2003): the minimum hash of every window of
/// `window` consecutive shingles, each kept once, as (hash, shingle position).
/// `skip[i]` true removes shingle `i` (excluded text) from consideration.
pub fn winnow(hashes: &[u64], window: usize, skip: impl Fn(usize) -> bool) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(hashes.len() * 2 / (window + 1) + 1);
    if hashes.is_empty() || window == 0 {
        return out;
    }
    // Monotone deque of candidate positions: O(n) overall.
    let mut deque: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    let mut last_kept: Option<usize> = None;
    for (i, &h) in hashes.iter().enumerate() {
        if !skip(i) {
            // Rightmost minimum wins ties, as in the paper.
            while deque.back().is_some_and(|&b| hashes[b] >= h) {
                deque.pop_back();
            }
            deque.push_back(i);
        }
        while deque.front().is_some_and(|&f| f + window <= i) {
            deque.pop_front();
        }
        if i + 1 >= window
            && let Some(&m) = deque.front()
            && last_kept != Some(m)
        {
            out.push((hashes[m], m as u32));
            last_kept = Some(m);
        }
    }
    if hashes.len() < window
        && let Some(&m) = deque.front()
    {
        out.push((hashes[m], m as u32));
    }
    // Kept for the whole batch (10,000 entries): no slack capacity.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn words(n: usize, seed: u64) -> String {
        (0..n)
            .map(|i| format!("w{}", mix64(seed * 1_000_003 + i as u64) % 5000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn minhash_estimates_resemblance() {
        let a = words(3000, 1);
        let b = words(3000, 2);
        let sa = minhash(shingles(&tokenize(&a), SKETCH_SHINGLE));
        let sb = minhash(shingles(&tokenize(&b), SKETCH_SHINGLE));
        assert_eq!(sa.len(), SKETCH_LEN);
        assert_eq!(estimate_resemblance(&sa, &sa), 1.0);
        assert!(estimate_resemblance(&sa, &sb) < 0.05);
        // Half of b replaced by a's first half: true 3-shingle Jaccard is about 1/3.
        let half: Vec<&str> = a.split(' ').take(1500).collect();
        let rest: Vec<&str> = b.split(' ').skip(1500).collect();
        let c = format!("{} {}", half.join(" "), rest.join(" "));
        let sc = minhash(shingles(&tokenize(&c), SKETCH_SHINGLE));
        let est = estimate_resemblance(&sa, &sc);
        assert!((0.2..0.47).contains(&est), "estimate {est}");
    }

    #[test]
    fn empty_and_short_texts_do_not_panic() {
        assert!(minhash(shingles(&tokenize(""), SKETCH_SHINGLE)).is_empty());
        assert!(minhash(shingles(&tokenize("một hai"), SKETCH_SHINGLE)).is_empty());
        assert_eq!(
            minhash(shingles(&tokenize("một hai ba"), SKETCH_SHINGLE)).len(),
            SKETCH_LEN
        );
        assert_eq!(winnow(&[5, 3], 8, |_| false), vec![(3, 1)]);
    }

    #[test]
    fn winnowing_guarantees_a_shared_fingerprint_for_long_shared_passages() {
        let a = words(400, 3);
        let b = words(400, 4);
        let shared = words(WINNOW_WINDOW + SEED_SHINGLE - 1, 5);
        let doc_a = format!("{a} {shared} {b}");
        let doc_b = format!("{b} {shared} {a}");
        let fa: std::collections::HashSet<u64> = winnow(
            &shingles(&tokenize(&doc_a), SEED_SHINGLE),
            WINNOW_WINDOW,
            |_| false,
        )
        .into_iter()
        .map(|(h, _)| h)
        .collect();
        let shared_hashes = shingles(&tokenize(&shared), SEED_SHINGLE);
        let fb = winnow(
            &shingles(&tokenize(&doc_b), SEED_SHINGLE),
            WINNOW_WINDOW,
            |_| false,
        );
        assert!(
            fb.iter()
                .any(|(h, _)| fa.contains(h) && shared_hashes.contains(h))
        );
        // Density is about 2 / (window + 1).
        assert!(fb.len() < 800 * 3 / (WINNOW_WINDOW + 1));
    }
}
