//! Passage alignment between two texts: seed, extend, filter.
//!
//! The shape of the best PAN text-alignment systems: exact shingle hits are the seeds; seeds
//! close to each other in both texts are chained into one passage, bridging the small gaps
//! that light edits (a changed word, two words swapped) leave; chained passages that still
//! sit close are merged; short ones are dropped. What remains are the passages a council
//! can read side by side.

use rustc_hash::FxHashMap;

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

/// A passage being chained, and its last seed (positions in the two texts).
struct Chain {
    p: Passage,
    last_a: usize,
    last_b: usize,
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
    head: FxHashMap<u64, u32>,
    next: Vec<u32>,
}

impl ShingleIndex {
    /// Index `b`; shingles whose `skip` flag is set (excluded text) are left out.
    pub fn new(b: &[u64], skip: &[bool]) -> ShingleIndex {
        let mut head: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(b.len(), Default::default());
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

    /// Where shingle `h` occurs in the indexed text (at most [`MAX_POSITIONS_PER_SEED`]
    /// places, in order).
    pub fn positions(&self, h: u64) -> impl Iterator<Item = usize> + '_ {
        let mut pos = self.head.get(&h).copied().unwrap_or(u32::MAX);
        std::iter::from_fn(move || {
            if pos == u32::MAX {
                return None;
            }
            let here = pos as usize;
            pos = self.next.get(here).copied().unwrap_or(u32::MAX);
            Some(here)
        })
        .take(MAX_POSITIONS_PER_SEED)
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

    // Chain seeds (sorted by position in a) into passages. A passage only grows forward in
    // both texts, along roughly one diagonal: a phrase the first text repeats three times
    // must not stretch one short occurrence in the second text into a long "passage".
    let gap = params.max_gap;
    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Passage> = Vec::new();
    let mut group_start = 0;
    while group_start < seeds.len() {
        // The seeds of one shingle of `a`: its places in `b`.
        let i = seeds[group_start].0;
        let group_end = seeds[group_start..]
            .iter()
            .position(|&(x, _)| x != i)
            .map_or(seeds.len(), |n| group_start + n);
        let places = &seeds[group_start..group_end];
        group_start = group_end;
        // Close passages that can no longer be extended.
        let mut idx = 0;
        while idx < open.len() {
            if open[idx].p.a_end + gap < i {
                done.push(open.swap_remove(idx).p);
            } else {
                idx += 1;
            }
        }
        // Each place continues the open passage it fits best (smallest drift off the
        // passage's diagonal first); a passage takes one place, the others start new ones.
        let mut used = [false; MAX_POSITIONS_PER_SEED];
        let mut fits: Vec<(usize, usize, usize)> = Vec::new();
        for (ci, c) in open.iter().enumerate() {
            for (n, &(_, j)) in places.iter().enumerate() {
                if j > c.last_b && j <= c.p.b_end + gap {
                    let drift =
                        ((i - c.last_a) as i64 - (j as i64 - c.last_b as i64)).unsigned_abs();
                    if drift as usize <= gap {
                        fits.push((drift as usize, ci, n));
                    }
                }
            }
        }
        fits.sort_unstable();
        let mut extended = vec![false; open.len()];
        for (_, ci, n) in fits {
            if used[n] || extended[ci] {
                continue;
            }
            used[n] = true;
            extended[ci] = true;
            let j = places[n].1;
            let c = &mut open[ci];
            c.p.a_end = c.p.a_end.max(i + k);
            c.p.b_end = c.p.b_end.max(j + k);
            c.last_a = i;
            c.last_b = j;
        }
        for (n, &(_, j)) in places.iter().enumerate() {
            if !used[n] {
                open.push(Chain {
                    p: Passage {
                        a_start: i,
                        a_end: i + k,
                        b_start: j,
                        b_end: j + k,
                    },
                    last_a: i,
                    last_b: j,
                });
            }
        }
    }
    done.extend(open.into_iter().map(|c| c.p));

    // Merge passages that follow each other closely in both texts (one forward in both).
    done.sort_by_key(|p| (p.a_start, p.b_start));
    let mut merged: Vec<Passage> = Vec::with_capacity(done.len());
    for p in done {
        let joined = merged.iter_mut().rev().take(4).find(|m| {
            p.a_start <= m.a_end + gap
                && p.b_start <= m.b_end + gap
                && p.b_start >= m.b_start
                && p.b_end > m.b_end
                && p.a_end > m.a_end
        });
        match joined {
            Some(m) => {
                m.a_end = p.a_end;
                m.b_end = p.b_end;
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
    fn a_phrase_repeated_in_one_text_is_not_stretched_over_one_occurrence_in_the_other() {
        // "cơ sở giáo dục đại học" four times in a, once in b: no passage at all (it used to
        // chain the four occurrences in a onto the one in b, a 40-word "passage" against 6).
        let mut a = words(10, 7);
        for r in 0..4 {
            a.extend(["cơ", "sở", "giáo", "dục", "đại", "học"].map(String::from));
            a.extend(words(5, 8 + r));
        }
        let mut b = words(30, 20);
        b.extend(["cơ", "sở", "giáo", "dục", "đại", "học"].map(String::from));
        b.extend(words(30, 21));
        assert!(run(&a.join(" "), &b.join(" ")).is_empty());
    }

    #[test]
    fn a_paragraph_held_twice_by_the_second_text_is_aligned_forward_only() {
        let para = words(40, 9);
        let mut a = words(50, 10);
        a.splice(20..20, para.iter().cloned());
        let mut b = words(200, 11);
        b.splice(150..150, para.iter().cloned());
        b.splice(30..30, para.iter().cloned());
        let got = run(&a.join(" "), &b.join(" "));
        assert!(!got.is_empty(), "{got:?}");
        for (p, _) in &got {
            assert_eq!((p.a_start, p.a_end), (20, 60), "{p:?}");
            assert_eq!(p.b_end - p.b_start, 40, "{p:?}");
        }
    }

    #[test]
    fn unrelated_texts_give_nothing() {
        assert!(run(&words(500, 5).join(" "), &words(500, 6).join(" ")).is_empty());
        assert!(run("", "một hai ba bốn năm sáu").is_empty());
    }
}
