//! Passage alignment between two texts: seed, extend, filter.
//!
//! The shape of the best PAN text-alignment systems: exact shingle hits are the seeds; seeds
//! close to each other in both texts are chained into one passage, bridging the small gaps
//! that light edits (a changed word, two words swapped) leave; chained passages that still
//! sit close are merged; short ones are dropped. What remains are the passages a council
//! can read side by side.

use std::collections::HashMap;

/// One aligned passage, as token ranges (half-open) in the two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
}

/// How far seeds may be apart and still belong to one passage, and how long a passage must be.
#[derive(Debug, Clone, Copy)]
pub struct AlignParams {
    /// Shingle length the seeds were made with (words).
    pub k: usize,
    /// Largest gap, in words, bridged between two seeds of one passage (in either text).
    pub max_gap: usize,
    /// Shortest passage kept, in words of the first text.
    pub min_len: usize,
}

/// At most this many positions of one shingle in the second text are tried: a phrase
/// repeated dozens of times is boilerplate, not evidence.
const MAX_POSITIONS_PER_SEED: usize = 8;

/// Align shingle sequence `a` against `b` (`a[i]` is the hash of words `i..i+k`). A shingle
/// whose `skip_*` flag is set (excluded text) never seeds. Returns passages sorted by
/// `a_start`, and for each, how many of its words in `a` are covered by seed hits (the rest
/// are bridged gaps — edited words).
/// The shingles of the second text, indexed by hash (positions chained through `next`, no
/// per-hash allocation). Built once per text and reused against many first texts.
pub struct ShingleIndex {
    head: HashMap<u64, u32>,
    next: Vec<u32>,
}

impl ShingleIndex {
    /// Index `b`; shingles whose `skip` flag is set (excluded text) are left out.
    pub fn new(b: &[u64], skip: &[bool]) -> ShingleIndex {
        let mut head: HashMap<u64, u32> = HashMap::with_capacity(b.len());
        let mut next: Vec<u32> = vec![u32::MAX; b.len()];
        for (j, &h) in b.iter().enumerate().rev() {
            if skip.get(j).copied().unwrap_or(false) {
                continue;
            }
            if let Some(prev) = head.insert(h, j as u32)
                && let Some(slot) = next.get_mut(j)
            {
                *slot = prev;
            }
        }
        ShingleIndex { head, next }
    }
}

/// Align shingle sequence `a` against `b` (`a[i]` is the hash of words `i..i+k`). A shingle
/// whose `skip_*` flag is set (excluded text) never seeds. Returns passages sorted by
/// `a_start`, and for each, how many of its words in `a` are covered by seed hits (the rest
/// are bridged gaps — edited words).
pub fn align(
    a: &[u64],
    a_skip: &[bool],
    b: &[u64],
    b_skip: &[bool],
    params: AlignParams,
) -> Vec<(Passage, usize)> {
    align_indexed(a, a_skip, &ShingleIndex::new(b, b_skip), params)
}

/// [`align`] against an already built index of the second text.
pub fn align_indexed(
    a: &[u64],
    a_skip: &[bool],
    b: &ShingleIndex,
    params: AlignParams,
) -> Vec<(Passage, usize)> {
    let k = params.k.max(1);
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    for (i, h) in a.iter().enumerate() {
        if a_skip.get(i).copied().unwrap_or(false) {
            continue;
        }
        let mut pos = b.head.get(h).copied().unwrap_or(u32::MAX);
        let mut tried = 0;
        while pos != u32::MAX && tried < MAX_POSITIONS_PER_SEED {
            seeds.push((i, pos as usize));
            tried += 1;
            pos = b.next.get(pos as usize).copied().unwrap_or(u32::MAX);
        }
    }
    if seeds.is_empty() {
        return Vec::new();
    }

    // Chain seeds (sorted by position in a) into passages.
    let gap = params.max_gap;
    let mut open: Vec<Passage> = Vec::new();
    let mut done: Vec<Passage> = Vec::new();
    for &(i, j) in &seeds {
        // Close passages that can no longer be extended.
        let mut idx = 0;
        while idx < open.len() {
            if open[idx].a_end + gap < i {
                done.push(open.swap_remove(idx));
            } else {
                idx += 1;
            }
        }
        let fits = |p: &Passage| j + k + gap >= p.b_start && j <= p.b_end + gap;
        let best = open
            .iter_mut()
            .filter(|p| fits(p))
            .min_by_key(|p| (p.b_end as i64 - (j + k) as i64).unsigned_abs());
        match best {
            Some(p) => {
                p.a_end = p.a_end.max(i + k);
                p.b_start = p.b_start.min(j);
                p.b_end = p.b_end.max(j + k);
            }
            None => open.push(Passage {
                a_start: i,
                a_end: i + k,
                b_start: j,
                b_end: j + k,
            }),
        }
    }
    done.append(&mut open);

    // Merge passages that overlap or nearly touch in both texts.
    done.sort_by_key(|p| (p.a_start, p.b_start));
    let mut merged: Vec<Passage> = Vec::with_capacity(done.len());
    for p in done {
        let joined = merged.iter_mut().rev().take(4).find(|m| {
            p.a_start <= m.a_end + gap && p.b_start <= m.b_end + gap && m.b_start <= p.b_end + gap
        });
        match joined {
            Some(m) => {
                m.a_end = m.a_end.max(p.a_end);
                m.b_start = m.b_start.min(p.b_start);
                m.b_end = m.b_end.max(p.b_end);
            }
            None => merged.push(p),
        }
    }
    merged.sort_by_key(|p| p.a_start);

    // Words of a covered by a seed, for the identity share of each passage.
    let mut covered = vec![false; a.len() + k];
    for &(i, _) in &seeds {
        for c in covered.iter_mut().skip(i).take(k) {
            *c = true;
        }
    }
    merged
        .into_iter()
        .filter(|p| {
            p.a_end - p.a_start >= params.min_len && p.b_end - p.b_start >= params.min_len / 2
        })
        .map(|p| {
            let seeded = covered
                .get(p.a_start..p.a_end)
                .map_or(0, |s| s.iter().filter(|&&c| c).count());
            (p, seeded)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::shingles::shingles;
    use crate::fingerprint::tokens::{mix64, tokenize};

    fn words(n: usize, seed: u64) -> Vec<String> {
        (0..n)
            .map(|i| format!("w{}", mix64(seed * 7919 + i as u64) % 20000))
            .collect()
    }

    fn run(a: &str, b: &str) -> Vec<(Passage, usize)> {
        let sa = shingles(&tokenize(a), 5);
        let sb = shingles(&tokenize(b), 5);
        align(
            &sa,
            &vec![false; sa.len()],
            &sb,
            &vec![false; sb.len()],
            AlignParams {
                k: 5,
                max_gap: 20,
                min_len: 12,
            },
        )
    }

    #[test]
    fn a_copied_paragraph_is_found_where_it_sits_in_both_texts() {
        let para = words(60, 1);
        let mut a = words(300, 2);
        let mut b = words(500, 3);
        a.splice(100..100, para.iter().cloned());
        b.splice(400..400, para.iter().cloned());
        let got = run(&a.join(" "), &b.join(" "));
        assert_eq!(got.len(), 1, "{got:?}");
        let (p, seeded) = got[0];
        assert_eq!(
            (p.a_start, p.a_end, p.b_start, p.b_end),
            (100, 160, 400, 460)
        );
        assert_eq!(seeded, 60);
    }

    #[test]
    fn light_edits_are_bridged_into_one_passage() {
        let a = words(400, 4);
        let mut b = a.clone();
        // change every 10th word and swap a pair of words every 37
        for i in (5..400).step_by(10) {
            b[i] = format!("edited{i}");
        }
        for i in (3..390).step_by(37) {
            b.swap(i, i + 1);
        }
        let got = run(&a.join(" "), &b.join(" "));
        assert_eq!(got.len(), 1, "{got:?}");
        let (p, seeded) = got[0];
        assert!(p.a_end - p.a_start >= 380, "{p:?}");
        assert!(seeded < 390 && seeded > 300, "{seeded}");
    }

    #[test]
    fn unrelated_texts_give_nothing() {
        assert!(run(&words(500, 5).join(" "), &words(500, 6).join(" ")).is_empty());
        assert!(run("", "một hai ba bốn năm sáu").is_empty());
    }
}
