//! What a match means under the contest rules: recycled entries and double submissions.
//!
//! The plans allow an entry that ran in another contest without a prize only with a revision
//! statement (văn bản giải trình) naming that contest and a real revision; an awarded one is
//! out. And each entry goes to one receiving point (đầu mối tiếp nhận) only.

use serde::Serialize;

use super::{CorpusInput, CorpusKind, DocInput, Match, MatchKind, Source, Thresholds};
use crate::Lang;
use crate::normalize::{comparison_form, fold_ascii};

/// What the entry's revision statement (văn bản giải trình) says, as the form checks read it.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionInfo {
    /// The earlier contest the statement names.
    pub contest_name: String,
    pub year: Option<u16>,
    /// Share of new text, when measured elsewhere; otherwise the share of the entry outside
    /// the passages matched with the earlier entry is used.
    pub new_text_share: Option<f64>,
}

/// Stable codes, as reports and tests cite them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum FindingCode {
    /// Matches an entry that already won a prize elsewhere: not eligible.
    #[serde(rename = "RECYCLED-AWARDED")]
    RecycledAwarded,
    /// Matches an earlier unawarded entry without a statement naming that contest, or without
    /// enough new text.
    #[serde(rename = "RECYCLED-NO-STATEMENT")]
    RecycledNoStatement,
    /// The same entry (exact or near) sent through two receiving points.
    #[serde(rename = "RECEIVING-POINT-DUPLICATE")]
    ReceivingPointDuplicate,
}

impl FindingCode {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::RecycledAwarded => "RECYCLED-AWARDED",
            FindingCode::RecycledNoStatement => "RECYCLED-NO-STATEMENT",
            FindingCode::ReceivingPointDuplicate => "RECEIVING-POINT-DUPLICATE",
        }
    }
}

/// A rule broken, with the evidence a council member needs to check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: FindingCode,
    /// Index of the entry concerned.
    pub entry: usize,
    pub source: Source,
    pub kind: MatchKind,
    /// Share of the entry matching the source.
    pub entry_share: f64,
    /// What the finding says, worded in the reader's language by [`Finding::message`].
    pub reason: FindingReason,
}

/// The facts a finding states (words in `Words.recycled_finding`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum FindingReason {
    /// The entry repeats `past`, which won a prize in `contest` (`RECYCLED-AWARDED`).
    AlreadyAwarded {
        past: String,
        contest: String,
        year: Option<u16>,
        share: f64,
    },
    /// The entry repeats `past` (no prize) and has no revision statement.
    NoStatement {
        past: String,
        contest: String,
        year: Option<u16>,
        share: f64,
    },
    /// The revision statement names another contest (`named`).
    StatementNamesOther {
        past: String,
        contest: String,
        year: Option<u16>,
        share: f64,
        named: String,
    },
    /// The statement names the contest, but the new text is under the share required.
    TooLittleNew {
        contest: String,
        year: Option<u16>,
        new_share: f64,
        required: f64,
    },
    /// One text sent through two receiving points (`RECEIVING-POINT-DUPLICATE`).
    TwoReceivingPoints {
        entry: String,
        entry_point: String,
        other: String,
        other_point: String,
    },
}

impl Finding {
    pub fn message(&self, lang: Lang) -> String {
        (lang.words().recycled_finding)(&self.reason)
    }
}

/// How close a stated contest name must be to the corpus one (Jaro–Winkler on folded text).
const NAME_SIMILARITY_MIN: f64 = 0.85;

fn fold(s: &str) -> String {
    fold_ascii(&comparison_form(s))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the statement name this contest? Fuzzy on the name (one may contain the other, or be
/// spelled a little differently), exact on the year when both are known.
fn names_contest(revision: &RevisionInfo, contest: Option<&str>, year: Option<u16>) -> bool {
    if let (Some(a), Some(b)) = (revision.year, year)
        && a != b
    {
        return false;
    }
    let Some(contest) = contest else {
        // The corpus does not know the contest: a statement with a name is all we can ask.
        return !revision.contest_name.trim().is_empty();
    };
    let (stated, known) = (fold(&revision.contest_name), fold(contest));
    if stated.is_empty() || known.is_empty() {
        return false;
    }
    stated.contains(&known)
        || known.contains(&stated)
        || strsim::jaro_winkler(&stated, &known) >= NAME_SIMILARITY_MIN
}

/// The recycled-entry rule for one match with a `past-entry` corpus document; `None` when the
/// match is not with a past entry, is only an idea match, or the entry is properly revised.
pub fn recycled_finding(
    m: &Match,
    past: &CorpusInput,
    revision: Option<&RevisionInfo>,
    thresholds: &Thresholds,
) -> Option<Finding> {
    if past.kind != CorpusKind::PastEntry || !m.kind.is_copy() {
        return None;
    }
    let contest = past.contest.unwrap_or("?").to_string();
    let year = past.year;
    let share = m.entry_share;
    let finding = |code, reason| Finding {
        code,
        entry: m.entry,
        source: m.source,
        kind: m.kind,
        entry_share: m.entry_share,
        reason,
    };
    if past.awarded == Some(true) {
        return Some(finding(
            FindingCode::RecycledAwarded,
            FindingReason::AlreadyAwarded {
                past: past.id.to_string(),
                contest,
                year,
                share,
            },
        ));
    }
    let Some(revision) = revision else {
        return Some(finding(
            FindingCode::RecycledNoStatement,
            FindingReason::NoStatement {
                past: past.id.to_string(),
                contest,
                year,
                share,
            },
        ));
    };
    if !names_contest(revision, past.contest, past.year) {
        return Some(finding(
            FindingCode::RecycledNoStatement,
            FindingReason::StatementNamesOther {
                past: past.id.to_string(),
                contest,
                year,
                share,
                named: revision.contest_name.clone(),
            },
        ));
    }
    let new_share = revision
        .new_text_share
        .unwrap_or(1.0 - m.entry_share)
        .clamp(0.0, 1.0);
    if new_share < thresholds.revision_min_new_share {
        return Some(finding(
            FindingCode::RecycledNoStatement,
            FindingReason::TooLittleNew {
                contest,
                year,
                new_share,
                required: thresholds.revision_min_new_share,
            },
        ));
    }
    None
}

/// `RECEIVING-POINT-DUPLICATE` for every exact or near match between two entries whose
/// receiving points are both known and differ (compared case- and accent-insensitively).
pub fn receiving_point_findings(matches: &[Match], entries: &[DocInput]) -> Vec<Finding> {
    matches
        .iter()
        .filter(|m| matches!(m.kind, MatchKind::Exact | MatchKind::Near))
        .filter_map(|m| {
            let Source::Entry(b) = m.source else {
                return None;
            };
            let pa = entries.get(m.entry)?.receiving_point?;
            let pb = entries.get(b)?.receiving_point?;
            if fold(pa) == fold(pb) {
                return None;
            }
            let (ia, ib) = (entries.get(m.entry)?.id, entries.get(b)?.id);
            Some(Finding {
                code: FindingCode::ReceivingPointDuplicate,
                entry: m.entry,
                source: m.source,
                kind: m.kind,
                entry_share: m.entry_share,
                reason: FindingReason::TwoReceivingPoints {
                    entry: ia.to_string(),
                    entry_point: pa.to_string(),
                    other: ib.to_string(),
                    other_point: pb.to_string(),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_match(kind: MatchKind, entry_share: f64) -> Match {
        Match {
            entry: 0,
            source: Source::Corpus(0),
            kind,
            signal: crate::compare::Signal::Verbatim,
            score: entry_share,
            entry_share,
            source_share: entry_share,
            verbatim_share: entry_share,
            paraphrase_share: 0.0,
            resemblance: entry_share,
            identity: 1.0,
            idea_similarity: 0.9,
            spans: Vec::new(),
        }
    }

    fn past(awarded: bool) -> CorpusInput<'static> {
        CorpusInput {
            id: "bai-2023-07",
            text: "",
            kind: CorpusKind::PastEntry,
            contest: Some("Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn"),
            year: Some(2023),
            awarded: Some(awarded),
            signature: None,
        }
    }

    fn revision(name: &str, year: Option<u16>) -> RevisionInfo {
        RevisionInfo {
            contest_name: name.into(),
            year,
            new_text_share: None,
        }
    }

    #[test]
    fn awarded_past_entry_is_ineligible_whatever_the_statement() {
        let r = revision(
            "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn",
            Some(2023),
        );
        let f = recycled_finding(
            &a_match(MatchKind::Near, 0.8),
            &past(true),
            Some(&r),
            &Thresholds::default(),
        );
        assert_eq!(f.map(|f| f.code), Some(FindingCode::RecycledAwarded));
    }

    #[test]
    fn unawarded_needs_a_statement_naming_the_contest_and_new_text() {
        let t = Thresholds::default();
        let m = a_match(MatchKind::Partial, 0.4);
        let code =
            |r: Option<&RevisionInfo>| recycled_finding(&m, &past(false), r, &t).map(|f| f.code);
        assert_eq!(code(None), Some(FindingCode::RecycledNoStatement));
        // Unaccented, lowercased, slightly different wording: still names it.
        let ok = revision(
            "cuoc thi tim kiem y tuong giai phap cai cach hanh chinh tinh Lang Son",
            Some(2023),
        );
        assert_eq!(code(Some(&ok)), None);
        assert_eq!(
            code(Some(&revision(
                "Sáng kiến kinh nghiệm ngành giáo dục",
                Some(2023)
            ))),
            Some(FindingCode::RecycledNoStatement)
        );
        let wrong_year = revision(
            "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn",
            Some(2021),
        );
        assert_eq!(
            code(Some(&wrong_year)),
            Some(FindingCode::RecycledNoStatement)
        );
        // Named, but 90 % of the text is the old entry.
        let m = a_match(MatchKind::Near, 0.9);
        assert_eq!(
            recycled_finding(&m, &past(false), Some(&ok), &t).map(|f| f.code),
            Some(FindingCode::RecycledNoStatement)
        );
        // Idea matches and other corpus kinds are not this rule's business.
        assert_eq!(
            recycled_finding(&a_match(MatchKind::Idea, 0.0), &past(true), None, &t),
            None
        );
    }

    #[test]
    fn two_receiving_points_for_one_entry() {
        let mut m = a_match(MatchKind::Exact, 1.0);
        m.source = Source::Entry(1);
        let doc = |id, rp| DocInput {
            id,
            text: "",
            receiving_point: Some(rp),
        };
        let entries = [
            doc("a.docx", "Sở Nội vụ"),
            doc("b.docx", "Văn phòng Ban Quản lý"),
        ];
        let found = receiving_point_findings(std::slice::from_ref(&m), &entries);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, FindingCode::ReceivingPointDuplicate);
        assert!(found[0].message(Lang::Vi).contains("nhiều đầu mối"));
        let same = [doc("a.docx", "Sở Nội vụ"), doc("b.docx", "SỞ NỘI VỤ")];
        assert!(receiving_point_findings(std::slice::from_ref(&m), &same).is_empty());
        m.kind = MatchKind::Partial;
        assert!(receiving_point_findings(&[m], &entries).is_empty());
    }
}
