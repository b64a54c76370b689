//! The marking round after screening (vòng chấm): scoring sheets out, filled sheets in,
//! averages, ranking, prizes, and the papers that go with them.
//!
//! Hưng Yên II.6: the innovation council "tổ chức họp đánh giá, phân loại, chấm điểm cho từng
//! bài dự thi"; Lạng Sơn III.3.b, III.5.b–c, III.6: a jury marks the forwarded entries and the
//! organizing committee awards first, second, third and consolation prizes to individuals and
//! groups. The criteria and rules come from the profile's `[scoring]` and `[prizes]`
//! (`crate::profile::Scoring`, `crate::profile::Prizes`); the jury, their conflicts of interest
//! and the meeting from `council.toml` (`crate::council`).
//!
//! - [`sheet`] writes one XLSX scoring sheet (phiếu chấm điểm) per jury member: the forwarded
//!   entries, one unlocked cell per criterion with data validation (0 to the maximum), a
//!   locked total formula, grey locked cells where a conflict keeps the member from marking,
//!   and a hidden sheet naming the member and the criteria so the sheet can be read back.
//! - [`read`] reads filled sheets with calamine (after checking the zip's declared sizes), and
//!   [`check`] turns them into complete marks and a list of problems: a missing sheet, a
//!   missing or out-of-range or non-numeric score, a mark a conflict forbids.
//! - [`tally`] averages, ranks and awards; [`papers`] writes the marking minutes (biên bản
//!   chấm điểm), the score workbook and the prize list (danh sách đề nghị khen thưởng) with
//!   amounts and their total in words.
//!
//! Everything is bounded by entries × jury members × criteria.

pub mod check;
pub mod money;
pub mod papers;
pub mod read;
pub mod sheet;
pub mod tally;

use std::path::{Path, PathBuf};

use crate::council::{Council, Member};
use crate::lang::Lang;
use crate::normalize::fold_ascii;
use crate::profile::{ContestProfile, Prizes, Scoring};
use crate::report::minutes::{Decision, forwarded};
use crate::report::{EntryReport, Report};

/// Folder (inside the output folder) the scoring sheets go to.
pub const SHEETS_DIR: &str = "phieu-cham";

/// Why the round could not be done at all (problems in the sheets are not errors: they are
/// reported in the papers and the run goes on). Worded in `Words.scoring_error`.
#[derive(Debug, thiserror::Error)]
pub enum ScoringError {
    /// `report.json` could not be read (missing, a link, too large…).
    #[error("{}", self.message(Lang::En))]
    ReportNotRead {
        path: PathBuf,
        error: crate::safe_fs::ReadError,
    },
    /// Not a screening report: the JSON reader's words and the line.
    #[error("{}", self.message(Lang::En))]
    NotAReport {
        path: PathBuf,
        line: usize,
        cause: String,
    },
    #[error("{}", self.message(Lang::En))]
    NoCriteria,
    #[error("{}", self.message(Lang::En))]
    NoCouncil,
    #[error("{}", self.message(Lang::En))]
    NoJury,
    #[error("{}", self.message(Lang::En))]
    NoEntries,
    /// A paper could not be built or written (the file and the cause, as the reports say it).
    #[error("{}", self.message(Lang::En))]
    Write(#[from] crate::report::ReportError),
    /// Another soloai run is writing into the folder (its message, in the round's language).
    #[error("{0}")]
    Busy(String),
}

impl ScoringError {
    pub fn message(&self, lang: Lang) -> String {
        let w = &lang.words().scoring_error;
        match self {
            ScoringError::ReportNotRead { path, error } => (w.report_not_read)(
                &path.display().to_string(),
                &crate::error::read_error_words(error, lang),
            ),
            ScoringError::NotAReport { path, line, cause } => {
                (w.not_a_report)(&path.display().to_string(), *line, cause)
            }
            ScoringError::NoCriteria => w.no_criteria.to_string(),
            ScoringError::NoCouncil => w.no_council.to_string(),
            ScoringError::NoJury => w.no_jury.to_string(),
            ScoringError::NoEntries => w.no_entries.to_string(),
            ScoringError::Write(e) => e.message(lang),
            ScoringError::Busy(message) => message.clone(),
        }
    }
}

/// Everything the round works from: the screening report, the profile's rules, the council
/// and the council's decisions on flags (which decide the forwarded entries).
#[derive(Debug, Clone)]
pub struct Round<'a> {
    pub report: &'a Report,
    pub scoring: &'a Scoring,
    pub prizes: &'a Prizes,
    /// Authors from which an entry is a group's ("nhóm tác giả từ 02 người trở lên").
    pub group_min_members: usize,
    pub council: &'a Council,
    pub decisions: &'a [Decision],
    pub lang: Lang,
}

impl<'a> Round<'a> {
    /// The round for a report: the profile's rules, the report's council (or `council`).
    pub fn new(
        report: &'a Report,
        profile: &'a ContestProfile,
        council: Option<&'a Council>,
        decisions: &'a [Decision],
        lang: Lang,
    ) -> Result<Round<'a>, ScoringError> {
        let scoring = profile.scoring.as_ref().ok_or(ScoringError::NoCriteria)?;
        let council = council
            .or(report.council.as_ref())
            .ok_or(ScoringError::NoCouncil)?;
        let round = Round {
            report,
            scoring,
            prizes: &profile.prizes,
            group_min_members: profile.form.cover.group_min_members.max(2),
            council,
            decisions,
            lang,
        };
        if round.jury().is_empty() {
            return Err(ScoringError::NoJury);
        }
        if round.entries().is_empty() {
            return Err(ScoringError::NoEntries);
        }
        Ok(round)
    }

    /// The forwarded entries, in report order.
    pub fn entries(&self) -> Vec<&'a EntryReport> {
        forwarded(self.report, self.decisions)
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    /// The members who mark, with their index in the council file.
    pub fn jury(&self) -> Vec<(usize, &'a Member)> {
        self.council
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.marks())
            .collect()
    }

    pub fn is_group(&self, entry: &EntryReport) -> bool {
        entry.authors.len() >= self.group_min_members
    }
}

/// What collecting the sheets gave.
#[derive(Debug)]
pub struct Collected {
    pub checked: check::Checked,
    pub tally: tally::Tally,
    /// Every problem, the tally's (entries without marks, ties at a prize boundary) included.
    pub problems: Vec<check::Problem>,
    pub written: Vec<PathBuf>,
}

/// Read and check the filled sheets (files or folders of them), average, rank, award, and
/// write the papers into `out_dir`.
pub fn collect(
    round: &Round<'_>,
    sheets: &[PathBuf],
    out_dir: &Path,
    created: &str,
) -> Result<Collected, ScoringError> {
    std::fs::create_dir_all(out_dir).map_err(|e| crate::report::ReportError::io(out_dir, e))?;
    // The papers go beside the screening reports: one run at a time writes there.
    let _lock = lock_folder(out_dir, round.lang)?;
    let files = read::sheet_files(sheets);
    let checked = check::check_sheets(round, &files);
    let entries: Vec<tally::EntryInfo> = round
        .entries()
        .iter()
        .map(|e| tally::EntryInfo {
            id: e.id.clone(),
            group: round.is_group(e),
            submitted: e.submitted.clone(),
        })
        .collect();
    let tally = tally::tally(round.scoring, round.prizes, &entries, &checked.marks);
    let problems = papers::all_problems(round, &checked, &tally);
    let mut written = papers::write_papers(round, &checked, &tally, out_dir, created)?;
    // Beside the screening reports, the dashboard now links the marking papers too.
    if out_dir.join("index.html").is_file() {
        use crate::report::Reporter;
        let pages = crate::report::DashboardReporter.write(round.report, out_dir, round.lang)?;
        written.extend(pages);
    }
    Ok(Collected {
        checked,
        tally,
        problems,
        written,
    })
}

/// Lock a folder soloai writes into for the rest of the run (the screening output folder).
pub(crate) fn lock_folder(dir: &Path, lang: Lang) -> Result<crate::lock::RunLock, ScoringError> {
    crate::lock::RunLock::acquire(dir, crate::lock::Guarded::Output)
        .map_err(|e| ScoringError::Busy(e.message(lang)))
}

/// A file name part from a person's name: ASCII, lowercase, dashes ("hoang-van-thang").
pub fn slug(text: &str) -> String {
    let folded = fold_ascii(&crate::normalize::nfc(text)).to_lowercase();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(60).collect();
    if out.is_empty() { "x".into() } else { out }
}

/// Read `report.json` from a screening output folder (or the file itself).
pub fn load_report(path: &Path) -> Result<Report, ScoringError> {
    let file = if path.is_dir() {
        path.join("report.json")
    } else {
        path.to_path_buf()
    };
    let bytes = crate::safe_fs::read_regular(&file, 512 << 20).map_err(|error| {
        ScoringError::ReportNotRead {
            path: file.clone(),
            error,
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| ScoringError::NotAReport {
        path: file.clone(),
        line: e.line(),
        cause: crate::report::json_error_words(&e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_file_name_parts() {
        assert_eq!(slug("Hoàng Văn Thắng"), "hoang-van-thang");
        assert_eq!(slug("  Đặng / Thu..Trang "), "dang-thu-trang");
        assert_eq!(slug("../.."), "x");
    }
}
