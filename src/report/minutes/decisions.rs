//! The council's decisions on flags (xác nhận / bỏ qua cảnh báo, ghi rõ lý do), as the web
//! app records them, and what they change: an entry whose every flag the council dismissed is
//! forwarded by the council's decision; a confirmed flag keeps the entry back.
//!
//! soloai's verdicts are proposals; the council decides. The minutes print each decision (who,
//! when, why) so the signed paper shows which findings were overruled and on whose word.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::report::{EntryReport, EntryStatus, Flag, Report, Settled, UnitQuota};

/// Most decisions one set of minutes prints (a bound on the document: one per flag is the
/// most a council makes, and reports have a bounded number of flags per entry).
pub const MAX_DECISIONS: usize = 10_000;

/// What the council did with a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionAction {
    /// Xác nhận: the finding stands.
    Accepted,
    /// Bỏ qua: the council overrules the finding.
    Dismissed,
}

/// One decision on one flag of one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The entry's id (mã bài).
    pub entry: String,
    /// The flag's code (`COPY`, `LATE`, …).
    pub flag: String,
    /// The flag's evidence, when an entry has two flags with one code (two sources copied);
    /// `None` decides every flag of that code on the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    pub action: DecisionAction,
    /// Who decided (a member's name).
    pub by: String,
    /// Why, in the member's words (required by the council's rules; may be empty in a file).
    #[serde(default)]
    pub reason: String,
    /// When, RFC 3339.
    pub at: String,
}

impl Decision {
    /// Whether this decision is about `flag` of `entry`.
    pub fn covers(&self, entry: &EntryReport, flag: &Flag) -> bool {
        self.entry == entry.id
            && self.flag == flag.code
            && self.evidence.as_ref().is_none_or(|e| *e == flag.evidence)
    }
}

/// The last decision on each flag of `entry` (a later decision replaces an earlier one), in
/// flag order; `None` where the council has not decided.
pub fn decisions_for<'a>(
    entry: &EntryReport,
    decisions: &'a [Decision],
) -> Vec<(usize, Option<&'a Decision>)> {
    entry
        .flags
        .iter()
        .enumerate()
        .map(|(i, flag)| {
            let last = decisions
                .iter()
                .filter(|d| d.covers(entry, flag))
                .max_by(|a, b| a.at.cmp(&b.at));
            (i, last)
        })
        .collect()
}

/// The decisions in force, sorted by entry and time: the biên bản prints these; the web
/// app's audit log keeps the history. A decision is replaced by a later one on the same
/// entry and code that decides every flag it decided — one on the same evidence, or one with
/// no evidence (every flag of that code); at the same time, the later in the list. This is
/// the rule [`decisions_for`] applies flag by flag, so the biên bản never lists a decision
/// the entry's standing no longer follows.
pub fn in_force(decisions: &[Decision]) -> Vec<&Decision> {
    let replaced = |i: usize, d: &Decision| {
        decisions.iter().enumerate().any(|(j, later)| {
            j != i
                && later.entry == d.entry
                && later.flag == d.flag
                && (later.at > d.at || (later.at == d.at && j > i))
                && (later.evidence.is_none() || later.evidence == d.evidence)
        })
    };
    let mut out: Vec<&Decision> = decisions
        .iter()
        .enumerate()
        .filter(|&(i, d)| !replaced(i, d))
        .map(|(_, d)| d)
        .collect();
    out.sort_by(|a, b| {
        a.entry
            .cmp(&b.entry)
            .then(a.at.cmp(&b.at))
            .then(a.flag.cmp(&b.flag))
    });
    out
}

/// Whether an entry goes on to the marking round, and on whose word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forwarding {
    /// soloai found nothing: proposed for forwarding.
    Proposed,
    /// The council dismissed every flag: forwarded by its decision.
    ByCouncil,
    /// Kept back.
    No,
}

/// Forwarded as soloai proposed, or because the council dismissed every one of its flags. An
/// unreadable file is never forwarded (there is nothing to send).
pub fn forwarding(entry: &EntryReport, decisions: &[Decision]) -> Forwarding {
    if entry.forward {
        return Forwarding::Proposed;
    }
    if entry.status == EntryStatus::Error || entry.flags.is_empty() {
        return Forwarding::No;
    }
    let all_dismissed = decisions_for(entry, decisions)
        .iter()
        .all(|(_, d)| d.is_some_and(|d| d.action == DecisionAction::Dismissed));
    if all_dismissed {
        Forwarding::ByCouncil
    } else {
        Forwarding::No
    }
}

/// The entries forwarded to the marking round, in report order, with how.
pub fn forwarded<'a>(
    report: &'a Report,
    decisions: &[Decision],
) -> Vec<(&'a EntryReport, Forwarding)> {
    report
        .entries
        .iter()
        .map(|e| (e, forwarding(e, decisions)))
        .filter(|(_, f)| *f != Forwarding::No)
        .collect()
}

/// The units as the council's decisions leave them: a pending entry the council forwarded
/// counts, one it kept back by confirming a flag does not (`UnitQuota::after_decisions`); a
/// unit without such an entry, or whose pending entries are not all listed, as screened.
pub fn settled_units(report: &Report, decisions: &[Decision]) -> Vec<UnitQuota> {
    let settle = |id: &str| {
        let Some(entry) = report.entries.iter().find(|e| e.id == id) else {
            return Settled::Waiting;
        };
        if forwarding(entry, decisions) != Forwarding::No {
            return Settled::Forwarded;
        }
        let decided = decisions_for(entry, decisions);
        let confirmed = decided
            .iter()
            .find(|(_, d)| d.is_some_and(|d| d.action != DecisionAction::Dismissed));
        match confirmed {
            Some(&(flag, _)) if decided.iter().all(|(_, d)| d.is_some()) => {
                Settled::KeptOut(entry.flags[flag].code.clone())
            }
            _ => Settled::Waiting,
        }
    };
    let lang = report.lang.unwrap_or_default();
    report
        .units
        .iter()
        .map(|u| u.after_decisions(settle, lang).unwrap_or_else(|| u.clone()))
        .collect()
}

/// Largest decisions file `--decisions` reads.
pub const MAX_DECISIONS_BYTES: u64 = 64 << 20;

/// Why a decisions file could not be used: the file and the cause, worded in the vocabulary
/// (`decisions_file`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecisionsError {
    /// Missing, a link, a folder, over [`MAX_DECISIONS_BYTES`]…
    #[error("{}", self.message(Lang::En))]
    Read {
        path: std::path::PathBuf,
        error: crate::safe_fs::ReadError,
    },
    /// Not a JSON array of decisions: the JSON reader's words and the line.
    #[error("{}", self.message(Lang::En))]
    NotDecisions {
        path: std::path::PathBuf,
        line: usize,
        cause: String,
    },
    /// More than [`MAX_DECISIONS`].
    #[error("{}", self.message(Lang::En))]
    TooMany { path: std::path::PathBuf },
}

impl DecisionsError {
    /// The reason and what to do, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let w = &lang.words().decisions_file;
        match self {
            DecisionsError::Read { path, error } => (w.not_read)(
                &path.display().to_string(),
                &crate::error::read_error_words(error, lang),
            ),
            DecisionsError::NotDecisions { path, line, cause } => {
                (w.not_decisions)(&path.display().to_string(), *line, cause)
            }
            DecisionsError::TooMany { path } => {
                (w.too_many)(&path.display().to_string(), MAX_DECISIONS)
            }
        }
    }
}

/// Read decisions from JSON (an array of [`Decision`]), as `--decisions FILE` gives them: the
/// file is opened once without following a link, at most [`MAX_DECISIONS_BYTES`] and
/// [`MAX_DECISIONS`] decisions.
pub fn read_decisions(path: &std::path::Path) -> Result<Vec<Decision>, DecisionsError> {
    let bytes = crate::safe_fs::read_regular(path, MAX_DECISIONS_BYTES).map_err(|error| {
        DecisionsError::Read {
            path: path.to_path_buf(),
            error,
        }
    })?;
    let decisions: Vec<Decision> =
        serde_json::from_slice(&bytes).map_err(|e| DecisionsError::NotDecisions {
            path: path.to_path_buf(),
            line: e.line(),
            cause: crate::report::json_error_words(&e),
        })?;
    if decisions.len() > MAX_DECISIONS {
        return Err(DecisionsError::TooMany {
            path: path.to_path_buf(),
        });
    }
    Ok(decisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(code: &str, evidence: &str) -> Flag {
        Flag {
            code: code.into(),
            message: String::new(),
            evidence: evidence.into(),
        }
    }

    fn decide(entry: &str, code: &str, action: DecisionAction, at: &str) -> Decision {
        Decision {
            entry: entry.into(),
            flag: code.into(),
            evidence: None,
            action,
            by: "Hoàng Văn Thắng".into(),
            reason: "Đã xem xét".into(),
            at: at.into(),
        }
    }

    #[test]
    fn every_flag_dismissed_forwards_the_entry() {
        let entry = EntryReport {
            id: "E07".into(),
            flags: vec![flag("FORM-FONT", ""), flag("FORM-SIZE", "")],
            ..EntryReport::default()
        };
        let one = vec![decide(
            "E07",
            "FORM-FONT",
            DecisionAction::Dismissed,
            "2025-07-08T02:00:00Z",
        )];
        assert_eq!(forwarding(&entry, &one), Forwarding::No);
        let mut both = one.clone();
        both.push(decide(
            "E07",
            "FORM-SIZE",
            DecisionAction::Dismissed,
            "2025-07-08T02:01:00Z",
        ));
        assert_eq!(forwarding(&entry, &both), Forwarding::ByCouncil);
        // A later confirmation replaces the dismissal.
        both.push(decide(
            "E07",
            "FORM-SIZE",
            DecisionAction::Accepted,
            "2025-07-08T02:05:00Z",
        ));
        assert_eq!(forwarding(&entry, &both), Forwarding::No);
        // Another entry's decisions do not count.
        let other = EntryReport {
            id: "E08".into(),
            ..entry.clone()
        };
        assert_eq!(forwarding(&other, &one), Forwarding::No);
    }

    #[test]
    fn only_the_latest_decision_on_a_flag_is_in_force() {
        let decisions = vec![
            decide(
                "E07",
                "FORM-SIZE",
                DecisionAction::Dismissed,
                "2025-07-08T02:01:00Z",
            ),
            decide(
                "E02",
                "COPY",
                DecisionAction::Accepted,
                "2025-07-08T02:00:00Z",
            ),
            decide(
                "E07",
                "FORM-SIZE",
                DecisionAction::Accepted,
                "2025-07-08T02:05:00Z",
            ),
            decide(
                "E07",
                "FORM-FONT",
                DecisionAction::Dismissed,
                "2025-07-08T02:03:00Z",
            ),
        ];
        let kept: Vec<(&str, &str, DecisionAction)> = in_force(&decisions)
            .iter()
            .map(|d| (d.entry.as_str(), d.flag.as_str(), d.action))
            .collect();
        assert_eq!(
            kept,
            vec![
                ("E02", "COPY", DecisionAction::Accepted),
                ("E07", "FORM-FONT", DecisionAction::Dismissed),
                ("E07", "FORM-SIZE", DecisionAction::Accepted),
            ]
        );
    }

    #[test]
    fn a_later_decision_on_every_flag_of_a_code_replaces_one_on_a_single_flag() {
        let entry = EntryReport {
            id: "E02".into(),
            flags: vec![
                flag("COPY", "entry:E03.pdf"),
                flag("COPY", "entry:E09.docx"),
            ],
            ..EntryReport::default()
        };
        let mut one = decide(
            "E02",
            "COPY",
            DecisionAction::Accepted,
            "2025-07-08T02:00:00Z",
        );
        one.evidence = Some("entry:E03.pdf".into());
        let all = decide(
            "E02",
            "COPY",
            DecisionAction::Dismissed,
            "2025-07-08T03:00:00Z",
        );
        let decisions = vec![one.clone(), all.clone()];
        // The later decision on every COPY flag is the one in force, in the biên bản and on
        // each flag alike.
        let kept: Vec<DecisionAction> = in_force(&decisions).iter().map(|d| d.action).collect();
        assert_eq!(kept, vec![DecisionAction::Dismissed]);
        for (_, d) in decisions_for(&entry, &decisions) {
            assert_eq!(d.map(|d| d.action), Some(DecisionAction::Dismissed));
        }
        // The other way round, the decision on one flag replaces the earlier one on every flag
        // for that flag only: both stay in force, each where the entry follows it.
        let mut later_one = one.clone();
        later_one.at = "2025-07-08T04:00:00Z".into();
        let decisions = vec![all, later_one];
        let kept: Vec<DecisionAction> = in_force(&decisions).iter().map(|d| d.action).collect();
        assert_eq!(
            kept,
            vec![DecisionAction::Dismissed, DecisionAction::Accepted]
        );
        let per_flag: Vec<Option<DecisionAction>> = decisions_for(&entry, &decisions)
            .into_iter()
            .map(|(_, d)| d.map(|d| d.action))
            .collect();
        assert_eq!(
            per_flag,
            vec![
                Some(DecisionAction::Accepted),
                Some(DecisionAction::Dismissed)
            ]
        );
    }

    #[test]
    fn evidence_tells_two_flags_of_one_code_apart() {
        let entry = EntryReport {
            id: "E02".into(),
            flags: vec![
                flag("COPY", "entry:E03.pdf"),
                flag("COPY", "entry:E09.docx"),
            ],
            ..EntryReport::default()
        };
        let mut d = decide(
            "E02",
            "COPY",
            DecisionAction::Dismissed,
            "2025-07-08T02:00:00Z",
        );
        d.evidence = Some("entry:E03.pdf".into());
        let found = decisions_for(&entry, std::slice::from_ref(&d));
        assert!(found[0].1.is_some());
        assert!(found[1].1.is_none());
        assert_eq!(forwarding(&entry, &[d]), Forwarding::No);
    }

    #[test]
    fn unreadable_files_are_never_forwarded() {
        let entry = EntryReport::unreadable("E13", "E13.docx", "hỏng", crate::lang::Lang::Vi);
        let d = decide(
            "E13",
            "ERROR",
            DecisionAction::Dismissed,
            "2025-07-08T02:00:00Z",
        );
        assert_eq!(forwarding(&entry, &[d]), Forwarding::No);
    }

    #[test]
    fn decisions_read_from_json() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("d.json");
        std::fs::write(
            &path,
            r#"[{"entry":"E07","flag":"FORM-FONT","action":"dismissed","by":"A","reason":"r","at":"2025-07-08T02:00:00Z"}]"#,
        )?;
        let d = read_decisions(&path)?;
        assert_eq!(d[0].action, DecisionAction::Dismissed);
        std::fs::write(&path, r#"[{"entry":"E07"}]"#)?;
        assert!(read_decisions(&path).is_err());
        Ok(())
    }
}
