//! Cutting an entry's text into the pieces its page shows: plain text, passages matched by
//! one or more sources, and excluded passages; and each source's share of the entry.
//!
//! Offsets come from other stages and are untrusted as far as this module is concerned: they
//! are clamped to the text and moved back to the nearest character boundary, so a wrong
//! offset shows a slightly wrong highlight, never a panic.

use super::model::{EntryReport, MatchView};

/// A stretch of the entry's text with one highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece<'a> {
    /// Byte offset of `text` in the entry's text.
    pub start: usize,
    pub text: &'a str,
    /// Indices into `entry.matches` of the sources that matched this stretch, best first.
    pub sources: Vec<usize>,
    /// Inside an excluded passage (template text, quote, legal citation).
    pub excluded: bool,
}

/// The largest character boundary of `text` at or before `offset`.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A safe slice of `text` for an untrusted byte range (empty when the range is empty or reversed).
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    let start = floor_boundary(text, start);
    let end = floor_boundary(text, end);
    if start >= end { "" } else { &text[start..end] }
}

/// The entry's text cut at every span boundary.
pub fn pieces(entry: &EntryReport) -> Vec<Piece<'_>> {
    let text = entry.text.as_str();
    // (offset, +1/-1, Some(match index) or None for an exclusion)
    let mut events: Vec<(usize, i32, Option<usize>)> = Vec::new();
    for (m, matched) in entry.matches.iter().enumerate() {
        for span in &matched.spans {
            let (s, e) = (
                floor_boundary(text, span.entry_start),
                floor_boundary(text, span.entry_end),
            );
            if s < e {
                events.push((s, 1, Some(m)));
                events.push((e, -1, Some(m)));
            }
        }
    }
    for ex in &entry.excluded {
        let (s, e) = (floor_boundary(text, ex.start), floor_boundary(text, ex.end));
        if s < e {
            events.push((s, 1, None));
            events.push((e, -1, None));
        }
    }
    events.sort_by_key(|&(at, delta, _)| (at, delta));

    let mut active = vec![0i32; entry.matches.len()];
    let mut excluded = 0i32;
    let mut pieces = Vec::new();
    let mut from = 0usize;
    let mut push = |from: usize, to: usize, active: &[i32], excluded: i32| {
        if from < to {
            pieces.push(Piece {
                start: from,
                text: &text[from..to],
                sources: active
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(i, _)| i)
                    .collect(),
                excluded: excluded > 0,
            });
        }
    };
    for (at, delta, which) in events {
        push(from, at, &active, excluded);
        from = from.max(at);
        match which {
            Some(m) => {
                if let Some(n) = active.get_mut(m) {
                    *n += delta;
                }
            }
            None => excluded += delta,
        }
    }
    push(from, text.len(), &active, excluded);
    pieces
}

/// Why the passage at `offset` is excluded: the reason of the first excluded span holding it.
pub fn excluded_reason_at(entry: &EntryReport, offset: usize) -> Option<&str> {
    entry
        .excluded
        .iter()
        .find(|x| {
            floor_boundary(&entry.text, x.start) <= offset
                && offset < floor_boundary(&entry.text, x.end)
        })
        .map(|x| x.reason.as_str())
}

/// Each source's share of the entry: characters it matched outside excluded passages, over
/// all characters outside excluded passages. Without the entry's text (a report read back
/// from JSON) the match's own score stands in.
pub fn source_shares(entry: &EntryReport) -> Vec<f64> {
    if entry.text.is_empty() {
        return entry.matches.iter().map(|m: &MatchView| m.score).collect();
    }
    let mut counted = vec![0usize; entry.matches.len()];
    let mut total = 0usize;
    for piece in pieces(entry) {
        if piece.excluded {
            continue;
        }
        let chars = piece.text.chars().filter(|c| !c.is_whitespace()).count();
        total += chars;
        for &s in &piece.sources {
            if let Some(n) = counted.get_mut(s) {
                *n += chars;
            }
        }
    }
    counted
        .into_iter()
        .map(|n| {
            if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{ExcludedSpan, SpanView};

    fn entry(text: &str, spans: &[(usize, usize)], excluded: &[(usize, usize)]) -> EntryReport {
        EntryReport {
            text: text.to_string(),
            matches: spans
                .iter()
                .map(|&(s, e)| MatchView {
                    spans: vec![SpanView {
                        entry_start: s,
                        entry_end: e,
                        ..SpanView::default()
                    }],
                    ..MatchView::default()
                })
                .collect(),
            excluded: excluded
                .iter()
                .map(|&(start, end)| ExcludedSpan {
                    start,
                    end,
                    reason: "template".into(),
                })
                .collect(),
            ..EntryReport::default()
        }
    }

    #[test]
    fn overlapping_sources_and_exclusions_cut_the_text() {
        let e = entry("aaaabbbbccccdddd", &[(4, 12), (8, 16)], &[(0, 2)]);
        let got: Vec<(&str, Vec<usize>, bool)> = pieces(&e)
            .into_iter()
            .map(|p| (p.text, p.sources, p.excluded))
            .collect();
        assert_eq!(
            got,
            vec![
                ("aa", vec![], true),
                ("aa", vec![], false),
                ("bbbb", vec![0], false),
                ("cccc", vec![0, 1], false),
                ("dddd", vec![1], false),
            ]
        );
        let joined: String = pieces(&e).iter().map(|p| p.text).collect();
        assert_eq!(joined, e.text);
        assert_eq!(excluded_reason_at(&e, 1), Some("template"));
        assert_eq!(excluded_reason_at(&e, 2), None);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_do_not_panic() {
        // "ệ" is three bytes; offsets 1 and 2 fall inside it.
        let e = entry("ệệ", &[(1, 999)], &[(5, 2)]);
        let joined: String = pieces(&e).iter().map(|p| p.text).collect();
        assert_eq!(joined, "ệệ");
        assert_eq!(slice("ệệ", 2, 4), "ệ");
        assert_eq!(slice("ệệ", 4, 1), "");
    }

    /// Offsets from a buggy upstream stage, anywhere in or past a text full of multi-byte
    /// characters: never a panic, and the pieces always put the text back together.
    #[test]
    fn arbitrary_offsets_always_rebuild_the_text() {
        let text = "Cải cách thủ tục hành chính — một cửa liên thông điện tử.";
        let mut seed: u64 = 0x5eed;
        let mut next = |limit: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % limit
        };
        for _ in 0..500 {
            let spans: Vec<(usize, usize)> = (0..next(6))
                .map(|_| (next(text.len() + 20), next(text.len() + 20)))
                .collect();
            let excluded: Vec<(usize, usize)> = (0..next(3))
                .map(|_| (next(text.len() + 20), next(text.len() + 20)))
                .collect();
            let e = entry(text, &spans, &excluded);
            let joined: String = pieces(&e).iter().map(|p| p.text).collect();
            assert_eq!(joined, text, "{spans:?} {excluded:?}");
            assert!(source_shares(&e).iter().all(|s| (0.0..=1.0).contains(s)));
        }
    }

    #[test]
    fn shares_leave_out_excluded_text() {
        let e = entry("aaaabbbbcccc", &[(4, 8)], &[(0, 4)]);
        assert_eq!(source_shares(&e), vec![0.5]);
    }
}
