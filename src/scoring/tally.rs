//! From marks to prizes: each entry's average per the Quy chế (mean, or trimmed of its highest
//! and lowest total), the ranking with the stated tie-break rules, and the prizes of the
//! profile's `[prizes]` given in rank order, separately to individuals and to groups.
//!
//! Scores are kept in hundredths of a point as integers and averages as exact fractions, so
//! two entries tie only when their averages are truly equal (no floating-point near-misses
//! deciding a prize). A tie no rule breaks is reported; when it straddles a prize boundary the
//! council must decide, and the papers say so.

use std::cmp::Ordering;

use serde::Serialize;

use crate::profile::{Averaging, PrizeRank, Prizes, Scoring, TieBreak};

/// An exact average: `num / den` points (den > 0).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Ratio {
    pub num: i64,
    pub den: i64,
}

impl Ratio {
    /// Hundredths summed over `count` marks.
    fn of(sum_hundredths: i64, count: usize) -> Option<Ratio> {
        (count > 0).then_some(Ratio {
            num: sum_hundredths,
            den: count as i64 * 100,
        })
    }
    pub fn value(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ratio {}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (self.num as i128 * other.den as i128).cmp(&(other.num as i128 * self.den as i128))
    }
}

/// A point value in hundredths (8.5 → 850), rounded.
pub fn hundredths(points: f64) -> i64 {
    (points * 100.0).round() as i64
}

/// One member's complete marks for one entry (every criterion, in the profile's order).
#[derive(Debug, Clone)]
pub struct Mark {
    pub member: usize,
    pub entry: usize,
    /// Hundredths of a point per criterion.
    pub scores: Vec<i64>,
}

/// What the tally needs to know of an entry.
#[derive(Debug, Clone)]
pub struct EntryInfo {
    pub id: String,
    pub group: bool,
    /// `YYYY-MM-DD`, for the "submitted earlier" rule.
    pub submitted: Option<String>,
}

/// One entry's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct EntryResult {
    /// Index into the entries given.
    pub entry: usize,
    /// (member, total in hundredths) for every complete mark counted, in member order.
    pub totals: Vec<(usize, i64)>,
    /// Members whose total was dropped by the trimmed average (highest, lowest).
    pub dropped: Vec<usize>,
    pub average: Option<Ratio>,
    /// Per-criterion averages over the members kept.
    pub criteria: Vec<Option<Ratio>>,
    /// 1-based rank among all entries with an average; equal (untied) entries share a rank.
    pub rank: Option<usize>,
    /// Tied with a neighbour after every tie-break rule.
    pub tie_unresolved: bool,
    pub prize: Option<PrizeRank>,
    pub amount_vnd: u64,
}

/// A tie the rules did not break at a prize boundary.
#[derive(Debug, Clone, Serialize)]
pub struct BoundaryTie {
    pub group: bool,
    pub rank: PrizeRank,
    /// Entry indices tied across the boundary.
    pub entries: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Tally {
    /// Every entry, best first (entries without marks last, by id).
    pub results: Vec<EntryResult>,
    pub boundary_ties: Vec<BoundaryTie>,
}

/// (totals per member, members dropped, average, per-criterion averages).
type Averaged = (
    Vec<(usize, i64)>,
    Vec<usize>,
    Option<Ratio>,
    Vec<Option<Ratio>>,
);

fn average_of(scoring: &Scoring, marks: &[&Mark]) -> Averaged {
    let totals: Vec<(usize, i64)> = marks
        .iter()
        .map(|m| (m.member, m.scores.iter().sum()))
        .collect();
    let mut kept: Vec<&Mark> = marks.to_vec();
    let mut dropped = Vec::new();
    if scoring.average == Averaging::Trimmed && marks.len() >= scoring.trim_when_at_least as usize {
        let total = |m: &&Mark| m.scores.iter().sum::<i64>();
        // One highest and one lowest total; among equal totals the later member is dropped, so
        // the choice is stable and does not change the average.
        let hi = (0..kept.len()).rev().max_by_key(|&i| total(&kept[i]));
        if let Some(hi) = hi {
            dropped.push(kept.remove(hi).member);
        }
        let lo = (0..kept.len()).rev().min_by_key(|&i| total(&kept[i]));
        if let Some(lo) = lo {
            dropped.push(kept.remove(lo).member);
        }
    }
    let sum: i64 = kept.iter().map(|m| m.scores.iter().sum::<i64>()).sum();
    let criteria = (0..scoring.criteria.len())
        .map(|c| {
            Ratio::of(
                kept.iter()
                    .map(|m| m.scores.get(c).copied().unwrap_or(0))
                    .sum(),
                kept.len(),
            )
        })
        .collect();
    (totals, dropped, Ratio::of(sum, kept.len()), criteria)
}

/// Better first: the average, then each tie-break rule; `Equal` is a tie no rule breaks.
fn compare(scoring: &Scoring, entries: &[EntryInfo], a: &EntryResult, b: &EntryResult) -> Ordering {
    let by_average = b.average.cmp(&a.average);
    if by_average != Ordering::Equal || a.average.is_none() {
        // Entries without a mark are not ranked: no rule orders them (the caller sorts by id).
        return by_average;
    }
    for rule in &scoring.tie_break {
        let o = match rule {
            TieBreak::Criterion(code) => {
                let i = scoring.criteria.iter().position(|c| &c.code == code);
                let get = |r: &EntryResult| i.and_then(|i| r.criteria.get(i).copied().flatten());
                get(b).cmp(&get(a))
            }
            TieBreak::EarlierSubmission => {
                let s = |r: &EntryResult| entries[r.entry].submitted.clone();
                match (s(a), s(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// Average, rank and award.
pub fn tally(scoring: &Scoring, prizes: &Prizes, entries: &[EntryInfo], marks: &[Mark]) -> Tally {
    let mut results: Vec<EntryResult> = (0..entries.len())
        .map(|e| {
            let mine: Vec<&Mark> = marks.iter().filter(|m| m.entry == e).collect();
            let (totals, dropped, average, criteria) = average_of(scoring, &mine);
            EntryResult {
                entry: e,
                totals,
                dropped,
                average,
                criteria,
                rank: None,
                tie_unresolved: false,
                prize: None,
                amount_vnd: 0,
            }
        })
        .collect();
    results.sort_by(|a, b| {
        compare(scoring, entries, a, b).then_with(|| entries[a.entry].id.cmp(&entries[b.entry].id))
    });
    // Ranks: equal neighbours share one; ties are marked.
    for i in 0..results.len() {
        if results[i].average.is_none() {
            continue;
        }
        let tied_with_previous =
            i > 0 && compare(scoring, entries, &results[i - 1], &results[i]) == Ordering::Equal;
        results[i].rank = if tied_with_previous {
            results[i - 1].rank
        } else {
            Some(i + 1)
        };
        if tied_with_previous {
            results[i - 1].tie_unresolved = true;
            results[i].tie_unresolved = true;
        }
    }

    // Prizes, individuals and groups apart, in rank order.
    let mut boundary_ties = Vec::new();
    let min = prizes.min_total.map(hundredths);
    for group in [false, true] {
        let candidates: Vec<usize> = (0..results.len())
            .filter(|&i| entries[results[i].entry].group == group)
            .filter(|&i| match (results[i].average, min) {
                (None, _) => false,
                (Some(avg), Some(min)) => avg >= Ratio { num: min, den: 100 },
                (Some(_), None) => true,
            })
            .collect();
        let mut at = 0;
        for prize in prizes.iter() {
            let count = if group {
                prize.group_count
            } else {
                prize.individual_count
            } as usize;
            let amount = if group {
                prize.group_amount_vnd
            } else {
                prize.individual_amount_vnd
            };
            let end = (at + count).min(candidates.len());
            for &i in &candidates[at..end] {
                results[i].prize = Some(prize.rank);
                results[i].amount_vnd = amount;
            }
            // The last awarded and the first not awarded tie: the council decides.
            if end > at && end < candidates.len() {
                let (last, next) = (candidates[end - 1], candidates[end]);
                if compare(scoring, entries, &results[last], &results[next]) == Ordering::Equal {
                    let tied: Vec<usize> = candidates
                        .iter()
                        .filter(|&&i| {
                            compare(scoring, entries, &results[i], &results[last])
                                == Ordering::Equal
                        })
                        .map(|&i| results[i].entry)
                        .collect();
                    boundary_ties.push(BoundaryTie {
                        group,
                        rank: prize.rank,
                        entries: tied,
                    });
                }
            }
            at = end;
        }
    }
    Tally {
        results,
        boundary_ties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::ContestProfile;

    fn lang_son() -> (Scoring, Prizes) {
        let p = ContestProfile::builtin("lang-son-2025").expect("built in");
        (p.scoring.expect("scoring"), p.prizes)
    }

    fn info(id: &str, group: bool, submitted: &str) -> EntryInfo {
        EntryInfo {
            id: id.into(),
            group,
            submitted: Some(submitted.into()),
        }
    }

    /// Marks from points per criterion.
    fn mark(member: usize, entry: usize, points: [f64; 4]) -> Mark {
        Mark {
            member,
            entry,
            scores: points.iter().map(|&p| hundredths(p)).collect(),
        }
    }

    #[test]
    fn lang_son_prizes_go_one_one_two_three_per_kind_with_groups_at_one_and_a_half() {
        let (scoring, prizes) = lang_son();
        // 8 individuals and 8 groups, each better than the next.
        let mut entries = Vec::new();
        let mut marks = Vec::new();
        for i in 0..16 {
            entries.push(info(&format!("E{i:02}"), i % 2 == 1, "2025-06-01"));
            let p = 28.0 - (i / 2) as f64;
            for m in 0..3 {
                marks.push(mark(m, i, [p, p, p, 9.0]));
            }
        }
        let t = tally(&scoring, &prizes, &entries, &marks);
        let prize_of = |id: &str| {
            t.results
                .iter()
                .find(|r| entries[r.entry].id == id)
                .map(|r| (r.prize, r.amount_vnd))
        };
        assert_eq!(prize_of("E00"), Some((Some(PrizeRank::First), 5_000_000)));
        assert_eq!(prize_of("E01"), Some((Some(PrizeRank::First), 7_500_000)));
        assert_eq!(prize_of("E03"), Some((Some(PrizeRank::Second), 3_750_000)));
        assert_eq!(prize_of("E05"), Some((Some(PrizeRank::Third), 2_250_000)));
        assert_eq!(prize_of("E07"), Some((Some(PrizeRank::Third), 2_250_000)));
        assert_eq!(
            prize_of("E13"),
            Some((Some(PrizeRank::Consolation), 1_500_000))
        );
        assert_eq!(prize_of("E14"), Some((None, 0)));
        assert_eq!(prize_of("E15"), Some((None, 0)));
        let total: u64 = t.results.iter().map(|r| r.amount_vnd).sum();
        // 5 + 2.5 + 2×1.5 + 3×1 = 13.5 M for individuals; × 1.5 for groups.
        assert_eq!(total, 13_500_000 + 20_250_000);
        assert!(t.boundary_ties.is_empty());
    }

    #[test]
    fn ties_are_broken_by_the_stated_rules_in_order() {
        let (scoring, prizes) = lang_son();
        // Same average 80: A has more novelty; B and C equal novelty, C more feasible; D and
        // E equal on everything, D submitted earlier.
        let entries = vec![
            info("A", false, "2025-06-05"),
            info("B", false, "2025-06-05"),
            info("C", false, "2025-06-05"),
            info("D", false, "2025-06-09"),
            info("E", false, "2025-06-10"),
        ];
        let marks = vec![
            mark(0, 0, [28.0, 20.0, 24.0, 8.0]),
            mark(0, 1, [25.0, 25.0, 22.0, 8.0]),
            mark(0, 2, [25.0, 22.0, 25.0, 8.0]),
            mark(0, 3, [20.0, 26.0, 26.0, 8.0]),
            mark(0, 4, [20.0, 26.0, 26.0, 8.0]),
        ];
        let t = tally(&scoring, &prizes, &entries, &marks);
        let order: Vec<&str> = t
            .results
            .iter()
            .map(|r| entries[r.entry].id.as_str())
            .collect();
        assert_eq!(order, ["A", "C", "B", "D", "E"]);
        assert!(t.results.iter().all(|r| !r.tie_unresolved));
        let ranks: Vec<Option<usize>> = t.results.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    }

    #[test]
    fn an_unbroken_tie_at_a_boundary_is_reported() {
        let (scoring, prizes) = lang_son();
        let entries = vec![
            info("A", false, "2025-06-05"),
            info("B", false, "2025-06-05"),
            info("C", false, "2025-06-05"),
        ];
        let marks = vec![
            mark(0, 0, [29.0, 29.0, 29.0, 9.0]),
            mark(0, 1, [20.0, 20.0, 20.0, 5.0]),
            mark(0, 2, [20.0, 20.0, 20.0, 5.0]),
        ];
        let t = tally(&scoring, &prizes, &entries, &marks);
        // B and C share the second rank, one second prize: the council decides.
        assert_eq!(t.results[1].rank, Some(2));
        assert_eq!(t.results[2].rank, Some(2));
        assert!(t.results[1].tie_unresolved && t.results[2].tie_unresolved);
        assert_eq!(t.boundary_ties.len(), 1);
        assert_eq!(t.boundary_ties[0].rank, PrizeRank::Second);
        assert_eq!(t.boundary_ties[0].entries, vec![1, 2]);
    }

    #[test]
    fn the_trimmed_average_drops_one_highest_and_one_lowest() {
        let (mut scoring, prizes) = lang_son();
        scoring.average = Averaging::Trimmed;
        scoring.trim_when_at_least = 5;
        let entries = vec![
            info("A", false, "2025-06-05"),
            info("B", false, "2025-06-05"),
        ];
        let mut marks = Vec::new();
        // A: totals 40, 70, 70, 70, 100 → trimmed 70 (the mean would be 70 too);
        // B: totals 71, 71, 71, 71, 10 → trimmed 71 (the mean would be 58.8).
        for (m, t) in [40.0, 70.0, 70.0, 70.0, 100.0].into_iter().enumerate() {
            marks.push(mark(m, 0, [t * 0.3, t * 0.3, t * 0.3, t * 0.1]));
        }
        for (m, t) in [71.0, 71.0, 71.0, 71.0, 10.0].into_iter().enumerate() {
            marks.push(mark(m, 1, [t * 0.3, t * 0.3, t * 0.3, t * 0.1]));
        }
        let t = tally(&scoring, &prizes, &entries, &marks);
        assert_eq!(entries[t.results[0].entry].id, "B");
        assert!((t.results[0].average.map(Ratio::value).unwrap_or(0.0) - 71.0).abs() < 1e-9);
        assert_eq!(t.results[0].dropped.len(), 2);
        // With four marks the mean is used.
        marks.retain(|m| m.member < 4);
        let t = tally(&scoring, &prizes, &entries, &marks);
        assert!(t.results.iter().all(|r| r.dropped.is_empty()));
    }

    #[test]
    fn a_minimum_total_keeps_weak_entries_from_prizes() {
        let (scoring, mut prizes) = lang_son();
        prizes.min_total = Some(50.0);
        let entries = vec![
            info("A", false, "2025-06-05"),
            info("B", false, "2025-06-05"),
        ];
        let marks = vec![
            mark(0, 0, [15.0, 15.0, 15.0, 5.0]),
            mark(0, 1, [14.0, 15.0, 15.0, 5.0]),
        ];
        let t = tally(&scoring, &prizes, &entries, &marks);
        assert_eq!(t.results[0].prize, Some(PrizeRank::First));
        assert_eq!(t.results[1].prize, None, "49 points is below the minimum");
    }

    #[test]
    fn exact_fractions_do_not_confuse_thirds() {
        let a = Ratio {
            num: 1000,
            den: 300,
        };
        let b = Ratio {
            num: 2000,
            den: 600,
        };
        assert_eq!(a, b);
        assert!(
            Ratio {
                num: 1001,
                den: 300
            } > b
        );
    }
}
