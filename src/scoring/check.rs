//! From filled sheets to marks the tally may count, and a list of what is wrong with the rest.
//!
//! A member's marks for an entry count only when every criterion holds a number from 0 to its
//! maximum and no conflict of interest forbids the member to mark that entry. Everything else
//! is a [`Problem`] naming the file, the member, the entry and the cell, in the council's
//! language — never a silent zero and never a crash.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::Round;
use super::read::{CellValue, FilledSheet, read_sheet};
use super::tally::{Mark, hundredths};
use crate::normalize::{fold_key, nfc};

/// Most problems kept (the papers print a bounded list; the JSON holds these).
pub const MAX_PROBLEMS: usize = 5_000;

/// Something the secretary must look at before the results can be signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// `MISSING-SHEET`, `UNREADABLE-SHEET`, `UNKNOWN-MEMBER`, `DUPLICATE-SHEET`,
    /// `OTHER-REPORT`, `CRITERIA-CHANGED`, `UNKNOWN-ENTRY`, `MISSING-ENTRY`, `MISSING-SCORE`,
    /// `OUT-OF-RANGE`, `NOT-A-NUMBER`, `CONFLICT`, `NO-MARKS`, `TIE`.
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// One sentence in the council's language.
    pub message: String,
}

/// The marks that count, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub marks: Vec<Mark>,
    pub problems: Vec<Problem>,
    /// Council member index → the sheet read for them.
    pub sheets: BTreeMap<usize, PathBuf>,
    /// (member index, entry index) pairs a conflict keeps out.
    pub conflicts: BTreeSet<(usize, usize)>,
}

impl Checked {
    fn push(&mut self, p: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(p);
        }
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Read and check every sheet given.
pub fn check_sheets(round: &Round<'_>, files: &[PathBuf]) -> Checked {
    let lang = round.lang;
    let w = &lang.words().sheet_problems;
    let entries = round.entries();
    let index_of: BTreeMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (nfc(e.id.trim()), i))
        .collect();
    let jury = round.jury();
    let mut out = Checked::default();
    for (m, _) in &jury {
        for (e, entry) in entries.iter().enumerate() {
            if round
                .council
                .conflict(&round.council.members[*m].name, entry)
                .is_some()
            {
                out.conflicts.insert((*m, e));
            }
        }
    }
    for path in files {
        let fname = file_name(path);
        let problem = |code: &'static str,
                       member: Option<&str>,
                       entry: Option<&str>,
                       message: String| Problem {
            code,
            file: Some(fname.clone()),
            member: member.map(String::from),
            entry: entry.map(String::from),
            message,
        };
        let sheet = match read_sheet(path) {
            Ok(s) => s,
            Err(e) => {
                out.push(problem(
                    "UNREADABLE-SHEET",
                    None,
                    None,
                    (w.unreadable)(&fname, &e.message(lang)),
                ));
                continue;
            }
        };
        // Whose sheet: the recorded index if it still names the same person, else the name.
        let by_index = sheet.member_index.filter(|&i| {
            round
                .council
                .members
                .get(i)
                .is_some_and(|m| fold_key(&m.name) == fold_key(&sheet.member))
        });
        let member = by_index.or_else(|| {
            round
                .council
                .members
                .iter()
                .position(|m| fold_key(&m.name) == fold_key(&sheet.member))
        });
        let Some(member) = member.filter(|&m| jury.iter().any(|(j, _)| *j == m)) else {
            out.push(problem(
                "UNKNOWN-MEMBER",
                Some(&sheet.member),
                None,
                (w.unknown_member)(&fname, &sheet.member),
            ));
            continue;
        };
        let name = round.council.members[member].name.clone();
        if let Some(first) = out.sheets.get(&member) {
            let first = file_name(first);
            out.push(problem(
                "DUPLICATE-SHEET",
                Some(&name),
                None,
                (w.duplicate_sheet)(&fname, &name, &first),
            ));
            continue;
        }
        let expected: Vec<(String, i64)> = round
            .scoring
            .criteria
            .iter()
            .map(|c| (c.code.clone(), hundredths(c.max)))
            .collect();
        let found: Vec<(String, i64)> = sheet
            .criteria
            .iter()
            .map(|(c, m)| (c.clone(), hundredths(*m)))
            .collect();
        if expected != found {
            out.push(problem(
                "CRITERIA-CHANGED",
                Some(&name),
                None,
                (w.criteria_changed)(&fname),
            ));
            continue;
        }
        if sheet.report != round.report.generated_at {
            out.push(problem(
                "OTHER-REPORT",
                Some(&name),
                None,
                (w.other_report)(&fname, &sheet.report),
            ));
        }
        out.sheets.insert(member, path.clone());
        read_rows(round, &sheet, member, &fname, &index_of, &mut out);
    }
    for (m, member) in &jury {
        if !out.sheets.contains_key(m) {
            out.push(Problem {
                code: "MISSING-SHEET",
                file: None,
                member: Some(member.name.clone()),
                entry: None,
                message: (w.missing_sheet)(&member.name, &super::sheet::file_name(*m, member)),
            });
        }
    }
    out
}

fn read_rows(
    round: &Round<'_>,
    sheet: &FilledSheet,
    member: usize,
    fname: &str,
    index_of: &BTreeMap<String, usize>,
    out: &mut Checked,
) {
    let lang = round.lang;
    let w = &lang.words().sheet_problems;
    let entries = round.entries();
    let name = &round.council.members[member].name;
    let criteria = &round.scoring.criteria;
    let mut seen = BTreeSet::new();
    let problem = |code: &'static str, entry: &str, message: String| Problem {
        code,
        file: Some(fname.to_string()),
        member: Some(name.clone()),
        entry: Some(entry.to_string()),
        message,
    };
    for row in &sheet.rows {
        let Some(&e) = index_of.get(&nfc(row.id.trim())) else {
            out.push(problem(
                "UNKNOWN-ENTRY",
                &row.id,
                (w.unknown_entry)(fname, row.row, &row.id),
            ));
            continue;
        };
        let id = entries[e].id.as_str();
        if !seen.insert(e) {
            out.push(problem(
                "UNKNOWN-ENTRY",
                id,
                (w.duplicate_row)(fname, row.row, id),
            ));
            continue;
        }
        let marked = row.cells.iter().any(|c| *c != CellValue::Empty);
        if out.conflicts.contains(&(member, e)) {
            if marked {
                let reason = round
                    .council
                    .conflict(name, entries[e])
                    .map(|c| c.reason.clone())
                    .unwrap_or_default();
                out.push(problem(
                    "CONFLICT",
                    id,
                    (w.conflict)(fname, row.row, name, id, &reason),
                ));
            }
            continue;
        }
        if !marked {
            out.push(problem(
                "MISSING-SCORE",
                id,
                (w.not_marked)(fname, row.row, name, id),
            ));
            continue;
        }
        let mut scores = Vec::with_capacity(criteria.len());
        let mut complete = true;
        for (i, (cell, c)) in row.cells.iter().zip(criteria).enumerate() {
            let at = format!(
                "{}{}",
                super::sheet::column_letter(super::sheet::FIRST_SCORE_COL + i as u16),
                row.row
            );
            match cell {
                CellValue::Number(v) if (0.0..=c.max).contains(v) => scores.push(hundredths(*v)),
                CellValue::Number(v) => {
                    complete = false;
                    out.push(problem(
                        "OUT-OF-RANGE",
                        id,
                        (w.out_of_range)(fname, &at, name, id, *v, &c.name, c.max),
                    ));
                }
                CellValue::Text(t) => {
                    complete = false;
                    out.push(problem(
                        "NOT-A-NUMBER",
                        id,
                        (w.not_a_number)(fname, &at, t, &c.name, id),
                    ));
                }
                CellValue::Empty => {
                    complete = false;
                    out.push(problem(
                        "MISSING-SCORE",
                        id,
                        (w.missing_score)(fname, &at, name, &c.name, id),
                    ));
                }
            }
        }
        if complete && scores.len() == criteria.len() {
            out.marks.push(Mark {
                member,
                entry: e,
                scores,
            });
        }
    }
    for (e, entry) in entries.iter().enumerate() {
        if !seen.contains(&e) && !out.conflicts.contains(&(member, e)) {
            out.push(problem(
                "MISSING-ENTRY",
                &entry.id,
                (w.missing_entry)(fname, name, &entry.id),
            ));
        }
    }
}
