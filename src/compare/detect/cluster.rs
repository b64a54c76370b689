//! Copy groups and clusters.
//!
//! *Copy groups* are decided first, before any exclusion: entries whose words are identical
//! (same [`super::prepare::Prepared::content_key`]) or nearly so (sketch of all their words
//! resembling at [`NEAR_IDENTICAL`] or more) are copies of each other however many there are
//! (issue #14: six identical .docx were once "100 % original" because the auto-template
//! took their whole text). Auto-template counts a group once: it needs *distinct* documents.
//!
//! *Clusters* join entries linked by exact or near matches: a ring of copying shows as one case.

use std::collections::HashMap;

use crate::fingerprint::shingles::estimate_resemblance;

use super::super::{Match, MatchKind, Source};
use super::candidates::{MAX_GROUP, bands};
use super::prepare::Summary;

/// Resemblance of whole sketches from which two entries are the same text.
pub(super) const NEAR_IDENTICAL: f64 = 0.9;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The copy groups of the entries: `group_of[e]` is the smallest entry of `e`'s group, and
/// the pairs to match directly (identical texts, `true`) or to verify ignoring the
/// auto-template (near-identical, `false`).
pub(super) struct CopyGroups {
    pub group_of: Vec<u32>,
    pub identical_pairs: Vec<(usize, usize)>,
    pub near_pairs: Vec<(usize, usize)>,
}

pub(super) fn copy_groups(entries: &[Summary]) -> CopyGroups {
    let n = entries.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut identical_pairs = Vec::new();
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (e, s) in entries.iter().enumerate() {
        if s.content_key != 0 {
            by_key.entry(s.content_key).or_default().push(e);
        }
    }
    let mut keys: Vec<&Vec<usize>> = by_key.values().filter(|g| g.len() > 1).collect();
    keys.sort();
    for g in keys {
        for (x, &a) in g.iter().enumerate() {
            union(&mut parent, g[0], a);
            // All pairs in a small group; a large one is a star around its first member.
            let partners: &[usize] = if g.len() <= MAX_GROUP {
                &g[x + 1..]
            } else if x == 0 {
                &g[1..]
            } else {
                &[]
            };
            identical_pairs.extend(partners.iter().map(|&b| (a, b)));
        }
    }
    // Near-identical: LSH bands over the raw sketches, then the estimate itself.
    let mut postings: Vec<(u64, u32)> = entries
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.raw_sketch.is_empty())
        .flat_map(|(e, s)| bands(&s.raw_sketch).map(move |h| (h, e as u32)))
        .collect();
    postings.sort_unstable();
    let mut near_pairs = Vec::new();
    let mut i = 0;
    while i < postings.len() {
        let mut j = i;
        while j < postings.len() && postings[j].0 == postings[i].0 {
            j += 1;
        }
        let group = &postings[i..j];
        for (x, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in group.iter().skip(x + 1).take(MAX_GROUP) {
                let (a, b) = (a as usize, b as usize);
                if entries[a].content_key == entries[b].content_key && entries[a].content_key != 0 {
                    continue;
                }
                if estimate_resemblance(&entries[a].raw_sketch, &entries[b].raw_sketch)
                    >= NEAR_IDENTICAL
                {
                    union(&mut parent, a, b);
                    near_pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        i = j;
    }
    near_pairs.sort_unstable();
    near_pairs.dedup();
    let group_of = (0..n).map(|e| find(&mut parent, e) as u32).collect();
    CopyGroups {
        group_of,
        identical_pairs,
        near_pairs,
    }
}

/// Union-find over exact/near matches between entries: groups of 2+ entries, each sorted.
pub(super) fn clusters(n: usize, matches: &[Match]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for m in matches {
        if let (Source::Entry(b), MatchKind::Exact | MatchKind::Near) = (m.source, m.kind)
            && m.entry < n
            && b < n
        {
            union(&mut parent, m.entry, b);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}
