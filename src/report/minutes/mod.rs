//! `bien-ban-so-loai.docx`: the screening minutes (biên bản sơ loại) the council signs, laid
//! out per Nghị định 30/2020/NĐ-CP, Phụ lục I, so it prints as is:
//!
//! - the two-column header — the council's unit over the council (bold, with a short rule)
//!   and "Số: 07/BB-HĐSL" on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do -
//!   Hạnh phúc" with its rule and "Lạng Sơn, ngày 08 tháng 7 năm 2025" on the right;
//! - the title and summary with a rule; the meeting's time and place, attendance, chair and
//!   secretary (from `council.toml`, see [`crate::council`]);
//! - the results table, one row per entry, whose header row repeats on every page and whose
//!   "Ghi chú" names the other entry or source a copy flag is about ([`notes`]);
//! - the council's decisions on flags, when the web app passes them ([`Decision`]);
//! - the forwarded entries, units short of their quota, the conclusion and the closing time;
//! - the signature block (secretary left, chair right) kept on the page of the last lines;
//! - page numbers centred at the top from page 2; document properties naming the secretary
//!   (or the council) as author and the run's time as created.
//!
//! Without a council file the unit and meeting lines print dotted blanks to fill in by hand.
//! The document grows with the entries only: one row each, each note bounded.
//!
//! # The `decisions` input (for the web app)
//!
//! soloai's verdicts are proposals; the council confirms (xác nhận) or dismisses (bỏ qua) each
//! flag. The web app passes those decisions as a slice of [`Decision`] in
//! [`MinutesOptions::decisions`] (or [`MinutesOptions::with_decisions`]) and calls [`write`]
//! with the run's `report.json` (read back with [`crate::scoring::load_report`]). A
//! [`Decision`] names the entry (`entry`, its id), the flag (`flag`, its code; `evidence` only
//! when one entry has two flags with one code), `action` ([`DecisionAction::Accepted`] or
//! [`DecisionAction::Dismissed`]), who decided (`by`, a member's name), why (`reason`) and when
//! (`at`, RFC 3339). Where one flag has several decisions the latest `at` is in force; the
//! report itself is never changed. In the biên bản a decision shows:
//!
//! - in the table "Ý kiến của Hội đồng về các cảnh báo" (one row per flag decided, the
//!   decision in force only — [`decisions::in_force`]; the web app's audit log keeps the
//!   history: entry, flag, "Xác nhận"/"Bỏ qua", reason, who and on which day);
//! - for an entry whose *every* flag is dismissed: "Chuyển vòng chấm theo quyết định của Hội
//!   đồng" in its "Ghi chú", a line in the forwarded list and in the conclusion's count (and
//!   `soloai package --decisions` sends it up); an entry with some flags dismissed keeps its
//!   verdict and its note adds "(Hội đồng bỏ qua cảnh báo: N)";
//! - an unreadable file (`ERROR`) is never forwarded, whatever is decided.
//!
//! The same JSON array is what `soloai minutes REPORT --decisions FILE` reads
//! ([`decisions::read_decisions`]), so a decision file the web app exports gives the same
//! paper on the command line.
//!
//! ```
//! use soloai::lang::Lang;
//! use soloai::report::Report;
//! use soloai::report::minutes::{self, Decision, DecisionAction, MinutesOptions};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let out = tempfile::tempdir()?;
//! let report = Report::new("lang-son-2025", "2025-07-08T01:30:00Z"); // report.json of the run
//! let decisions = vec![Decision {
//!     entry: "E07".into(),
//!     flag: "FORM-FONT".into(),
//!     evidence: None,
//!     action: DecisionAction::Dismissed,
//!     by: "Hoàng Văn Thắng".into(),
//!     reason: "Phông chữ tương đương, không ảnh hưởng nội dung".into(),
//!     at: "2025-07-08T09:15:00+07:00".into(),
//! }];
//! let opts = MinutesOptions::new(Lang::Vi, "2025-07-08T10:00:00+07:00").with_decisions(&decisions);
//! let path = minutes::write(&report, out.path(), &opts)?; // OUT/bien-ban-so-loai.docx
//! assert!(path.ends_with(minutes::FILE_NAME));
//! # Ok(())
//! # }
//! ```

pub mod decisions;
pub mod docx;
pub mod layout;
pub mod notes;

use std::path::{Path, PathBuf};

use docx::{Cell, Document, Para, Properties, Row, Run, Table};
use layout::{Signers, body, heading};

use super::write::write_atomic;
use super::{ReportError, Reporter};
use crate::council::Role;
use crate::lang::Lang;
use crate::report::escape::truncate_chars;
use crate::report::model::{EntryStatus, Report, Verdict};
use crate::report::words::{self as report_words, Captions};
use crate::vocab::Papers;

pub use decisions::{Decision, DecisionAction, Forwarding, forwarded, forwarding, settled_units};

/// The file name of the screening minutes.
pub const FILE_NAME: &str = "bien-ban-so-loai.docx";
/// The default symbol of the screening minutes (biên bản của Hội đồng sơ loại).
pub const SYMBOL: &str = "BB-HĐSL";
/// Characters of a title (or author list) printed in a row.
const MAX_TITLE_CHARS: usize = 300;

/// Papers of the marking round (written by `soloai scoring collect` into the same folder)
/// that the dashboard links when they are there; their labels are in
/// `lang.words().marking_round.paper`.
pub const LATER_PAPERS: [&str; 5] = [
    "bien-ban-cham-diem.docx",
    "bang-diem.xlsx",
    "danh-sach-khen-thuong.docx",
    "danh-sach-khen-thuong.xlsx",
    "ket-qua-cham.json",
];

/// The later papers present in `out_dir`, as (file, label in `lang`).
pub fn later_papers(out_dir: &Path, lang: Lang) -> Vec<(&'static str, &'static str)> {
    LATER_PAPERS
        .iter()
        .filter(|f| out_dir.join(f).is_file())
        .map(|f| (*f, (lang.words().marking_round.paper)(f).unwrap_or(f)))
        .collect()
}

/// What the minutes need besides the report.
#[derive(Debug, Clone)]
pub struct MinutesOptions<'a> {
    pub lang: Lang,
    /// The council's decisions on flags (from the web app); empty when none were taken.
    pub decisions: &'a [Decision],
    /// The document's creation time (RFC 3339): the run's time, or when the web app renders.
    pub created: String,
}

impl<'a> MinutesOptions<'a> {
    pub fn new(lang: Lang, created: impl Into<String>) -> MinutesOptions<'a> {
        MinutesOptions {
            lang,
            decisions: &[],
            created: created.into(),
        }
    }

    /// The same options with the council's decisions on flags (see the module's
    /// "The `decisions` input").
    pub fn with_decisions(self, decisions: &'a [Decision]) -> MinutesOptions<'a> {
        MinutesOptions { decisions, ..self }
    }
}

pub struct MinutesReporter;

/// Font size of the table text (points).
const TABLE_PT: u32 = 12;

fn row_cells(texts: &[String], bold_col: Option<usize>, header: bool) -> Vec<Cell> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut run = Run::new(t.as_str()).pt(TABLE_PT);
            if header || Some(i) == bold_col {
                run = run.bold();
            }
            let mut p = Para::new().spacing(40, 40).run(run);
            if header {
                p = p.center();
            }
            let cell = Cell::new(vec![p]);
            if header { cell.v_center() } else { cell }
        })
        .collect()
}

/// The minutes as a document model (for tests of the XML and for the .docx).
pub fn document(report: &Report, opts: &MinutesOptions<'_>) -> Document {
    let lang = opts.lang;
    let w = &lang.words().papers;
    let c = Captions::new(lang);
    let council = report.council.as_ref();
    let contest_name = if report.contest.name.is_empty() {
        report.profile.as_str()
    } else {
        report.contest.name.as_str()
    };
    let contest = (w.contest_phrase)(contest_name);
    let sitting = council.map(|c| &c.screening);
    let date = sitting
        .and_then(|s| s.date())
        .or_else(|| layout::local_date(&report.generated_at));
    let date_words = layout::date_words(date, lang);

    let mut doc = Document {
        body_pt: 14,
        properties: Properties {
            title: w.properties_title.to_string(),
            subject: contest.clone(),
            creator: author(report, lang),
            created: opts.created.clone(),
        },
        ..Document::default()
    };

    let (parent, issuer) = layout::issuer_lines(report, lang);
    doc.push(layout::national_header(
        (&parent, &issuer),
        &layout::number_line(sitting, SYMBOL, lang),
        &layout::place_date(
            council.map(|c| c.place.as_str()).unwrap_or_default(),
            date,
            lang,
        ),
        lang,
    ));
    for p in layout::title(
        w.minutes_title,
        &[w.summary_screening.to_string(), contest.clone()],
    ) {
        doc.push(p);
    }

    // Time, place, attendance.
    let start = layout::time_words(sitting.and_then(|s| s.start()), lang);
    doc.push(body(format!(
        "{}: {}",
        w.time,
        (w.started)(&start, &date_words)
    )));
    let venue = sitting
        .map(|s| s.venue.as_str())
        .filter(|v| !v.is_empty())
        .unwrap_or(layout::BLANK);
    doc.push(body(format!("{}: {venue}.", w.place)));

    doc.push(heading(w.members_heading));
    match council {
        Some(council) => {
            let present: Vec<_> = council.members.iter().filter(|m| m.present).collect();
            doc.push(body(format!(
                "{} ({}/{}):",
                w.attendance,
                present.len(),
                council.members.len()
            )));
            for (i, m) in present.iter().enumerate() {
                let position = if m.position.is_empty() {
                    String::new()
                } else {
                    format!(", {}", m.position)
                };
                doc.push(body(format!(
                    "{}. {}{position} — {};",
                    i + 1,
                    m.name,
                    m.role.label(lang)
                )));
            }
            let absent: Vec<String> = council
                .members
                .iter()
                .filter(|m| !m.present)
                .map(|m| {
                    if m.absent_reason.is_empty() {
                        m.name.clone()
                    } else {
                        format!("{} ({})", m.name, m.absent_reason)
                    }
                })
                .collect();
            if !absent.is_empty() {
                doc.push(body(format!("{}: {}.", w.absent, absent.join("; "))));
            }
            let chair = council.chair().map(|m| m.name.as_str());
            let secretary = council.secretary().map(|m| m.name.as_str());
            doc.push(body(format!(
                "{}: {} — {}. {}: {}.",
                w.chaired_by,
                chair.unwrap_or(layout::BLANK),
                Role::Chair.label(lang),
                w.recorded_by,
                secretary.unwrap_or(layout::BLANK)
            )));
        }
        None if !report.contest.council.is_empty() => {
            for (i, m) in report.contest.council.iter().enumerate() {
                doc.push(body(format!("{}. {} — {}", i + 1, m.name, m.role)));
            }
        }
        None => {
            for i in 1..=5 {
                doc.push(body(format!(
                    "{i}. ............................................ — ............................"
                )));
            }
        }
    }

    // Results.
    let count = |v: Verdict| report.entries.iter().filter(|e| e.verdict == v).count();
    let unread = report
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Error)
        .count();
    doc.push(heading(w.results_heading));
    let council_name = match council {
        Some(c) if !c.name.is_empty() => c.name.clone(),
        _ => w.council_word.to_string(),
    };
    // The criteria are the contest plan's when the profile names the contest; its short name
    // (`lang-son-2025`) is not for a signed paper.
    let profile = report
        .contest
        .name
        .trim()
        .is_empty()
        .then_some(report.profile.as_str());
    doc.push(body((w.opening)(
        &council_name,
        report.entries.len(),
        &contest,
        profile,
    )));
    doc.push(body((w.tally)(
        report.entries.len(),
        count(Verdict::Pass),
        count(Verdict::Fail),
        count(Verdict::CannotTell),
        count(Verdict::Resubmit).max(unread),
    )));
    // What was compared, and the loud warning when the corpus is empty (ux, #13).
    doc.push(body(report.corpus.minutes_sentence(lang)));
    doc.push(results_table(report, opts, w, c));

    // The council's decisions on flags.
    // Only the decision in force on each flag: a replaced one would contradict it.
    let mut decided: Vec<&Decision> = decisions::in_force(opts.decisions);
    decided.truncate(decisions::MAX_DECISIONS);
    if !decided.is_empty() {
        doc.push(heading(w.decisions_heading));
        doc.push(decisions_table(&decided, w, c, lang));
    }

    // Forwarded entries.
    doc.push(heading(w.forwarded_heading));
    let forwarded = forwarded(report, opts.decisions);
    if forwarded.is_empty() {
        doc.push(body(w.none));
    }
    for (i, (entry, how)) in forwarded.iter().enumerate() {
        let mut line = format!(
            "{}. {} — {}",
            i + 1,
            entry.id,
            truncate_chars(
                entry.title.as_deref().unwrap_or(&entry.file),
                MAX_TITLE_CHARS
            )
        );
        if !entry.authors.is_empty() {
            line.push_str(&format!(
                " — {}",
                truncate_chars(&entry.authors.join("; "), MAX_TITLE_CHARS)
            ));
        }
        if let Some(unit) = &entry.unit {
            line.push_str(&format!(" ({unit})"));
        }
        if *how == Forwarding::ByCouncil {
            line.push_str(&format!(" — {}", w.by_council));
        }
        doc.push(body(line));
    }

    // Units short of their quota, as the council's decisions leave them.
    let units = decisions::settled_units(report, opts.decisions);
    let short: Vec<_> = units.iter().filter(|u| !u.meets_quota).collect();
    if !short.is_empty() {
        doc.push(heading(w.units_heading));
        for unit in short {
            doc.push(body(unit_line(unit, report.lang, lang)));
        }
    }

    // Conclusion, closing, signatures: the last lines are kept with the signature block.
    let by_council = forwarded
        .iter()
        .filter(|(_, h)| *h == Forwarding::ByCouncil)
        .count();
    doc.push(heading(w.conclusion_heading));
    doc.push(body((w.conclusion)(forwarded.len(), by_council)).keep_next());
    let end = layout::time_words(sitting.and_then(|s| s.end()), lang);
    let (closed, copies) = (w.closing)(&end, 2);
    doc.push(body(closed).keep_next().keep_lines());
    doc.push(body(copies).keep_next().keep_lines());
    for p in Signers::secretary_and_chair(report, lang).paragraphs(lang) {
        doc.push(p);
    }
    doc
}

/// The author in the document properties: the secretary, else the council, else soloai.
fn author(report: &Report, lang: Lang) -> String {
    if let Some(c) = &report.council {
        if let Some(s) = c.secretary() {
            return s.name.clone();
        }
        let name = if c.name.is_empty() {
            lang.words().council.screening_council
        } else {
            c.name.as_str()
        };
        return format!("{name} — {}", c.unit);
    }
    report
        .contest
        .council
        .iter()
        .find(|m| Role::parse(&m.role) == Some(Role::Secretary))
        .map(|m| m.name.clone())
        .unwrap_or_else(|| "soloai".to_string())
}

fn results_table(report: &Report, opts: &MinutesOptions<'_>, w: &Papers, c: &Captions) -> Table {
    let lang = opts.lang;
    let widths = vec![700, 1050, 2150, 1400, 1000, 950, 1821];
    let head: Vec<String> = [
        w.no,
        c.id,
        w.title_authors,
        c.unit,
        c.originality,
        w.result,
        w.note,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows = vec![Row::new(row_cells(&head, None, true)).header()];
    for (i, entry) in report.entries.iter().enumerate() {
        let title = match (&entry.title, entry.authors.is_empty()) {
            (Some(t), false) => format!("{t} — {}", entry.authors.join("; ")),
            (Some(t), true) => t.clone(),
            (None, false) => format!("{} — {}", entry.file, entry.authors.join("; ")),
            (None, true) => entry.file.clone(),
        };
        let first = match forwarding(entry, opts.decisions) {
            Forwarding::Proposed => Some(w.proposed),
            Forwarding::ByCouncil => Some(w.by_council),
            Forwarding::No => None,
        };
        let mut note = notes::entry_note(report, entry, first, lang);
        let dismissed = decisions::decisions_for(entry, opts.decisions)
            .iter()
            .filter(|(_, d)| d.is_some_and(|d| d.action == DecisionAction::Dismissed))
            .count();
        if dismissed > 0 && first.is_none() {
            note.push_str(&format!(" ({}: {dismissed})", w.dismissed_note));
        }
        let texts = [
            (i + 1).to_string(),
            entry.id.clone(),
            truncate_chars(&title, MAX_TITLE_CHARS).into_owned(),
            entry.unit.clone().unwrap_or_default(),
            entry
                .originality
                .map(report_words::percent)
                .unwrap_or_default(),
            entry.verdict.label(lang).to_string(),
            note,
        ];
        rows.push(Row::new(row_cells(&texts, Some(5), false)));
    }
    Table::new(widths, rows)
}

/// Characters of the QUOTA rule's sentence printed for a unit.
const MAX_UNIT_CHARS: usize = 800;

/// A unit short of its quota: the QUOTA rule's own sentence (entries counted, the quota and the
/// plan's words, the letter owed, the entries not counted and why).
///
/// `report_lang` is the language the report was written in ([`Report::lang`]). In that
/// language the minutes print the unit's `evidence` as it is, so they say what the dashboard
/// says. In the other language they write the sentence again from the unit's facts
/// ([`UnitQuota::sentence`](crate::report::UnitQuota::sentence)), with the words of `lang`.
/// A report.json written before the facts were kept gets the short form (`unit_short`) in
/// the other language; one that does not say its language either (written before `lang` was
/// kept) is taken to be in `lang` when its evidence begins as the rule begins the sentence in
/// `lang` for that unit.
pub fn unit_line(unit: &crate::report::UnitQuota, report_lang: Option<Lang>, lang: Lang) -> String {
    let evidence = unit.evidence.trim();
    let same = match report_lang {
        Some(written) => written == lang,
        None => unit.evidence_reads_as(lang),
    };
    let sentence = if same && !evidence.is_empty() {
        Some(evidence.to_string())
    } else {
        unit.sentence(lang)
    };
    match sentence {
        Some(s) => format!("- {}: {}", unit.unit, truncate_chars(&s, MAX_UNIT_CHARS)),
        None => (lang.words().papers.unit_short)(
            &unit.unit,
            unit.entries,
            unit.quota_min,
            unit.owes_explanation(),
        ),
    }
}

fn decisions_table(decided: &[&Decision], w: &Papers, c: &Captions, lang: Lang) -> Table {
    let widths = vec![700, 1050, 1800, 1100, 2321, 2100];
    let head: Vec<String> = [w.no, c.id, w.flag, w.decision, w.reason, w.decided_by]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut rows = vec![Row::new(row_cells(&head, None, true)).header()];
    for (i, d) in decided.iter().enumerate() {
        let action = match d.action {
            DecisionAction::Accepted => w.accepted,
            DecisionAction::Dismissed => w.dismissed,
        };
        let when = layout::local_date(&d.at)
            .map(|date| layout::date_words(Some(date), lang))
            .unwrap_or_else(|| d.at.clone());
        let texts = [
            (i + 1).to_string(),
            d.entry.clone(),
            report_words::flag_name(&d.flag, lang),
            action.to_string(),
            truncate_chars(&d.reason, 500).into_owned(),
            format!("{}, {when}", truncate_chars(&d.by, 100)),
        ];
        rows.push(Row::new(row_cells(&texts, Some(3), false)));
    }
    Table::new(widths, rows)
}

/// The minutes as .docx bytes.
pub fn render(report: &Report, opts: &MinutesOptions<'_>) -> Result<Vec<u8>, String> {
    document(report, opts).to_bytes()
}

/// Write the minutes into `out_dir` (atomically) and return the file's path. The web app
/// calls this with the council's decisions; `soloai screen` through [`MinutesReporter`].
pub fn write(
    report: &Report,
    out_dir: &Path,
    opts: &MinutesOptions<'_>,
) -> Result<PathBuf, ReportError> {
    let path = out_dir.join(FILE_NAME);
    let bytes = render(report, opts).map_err(|e| ReportError::build(&path, e))?;
    write_atomic(&path, &bytes)?;
    Ok(path)
}

impl Reporter for MinutesReporter {
    fn name(&self) -> &'static str {
        FILE_NAME
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let opts = MinutesOptions::new(lang, report.generated_at.clone());
        Ok(vec![write(report, out_dir, &opts)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contest_is_named_once() {
        let vi = Lang::Vi.words().papers.contest_phrase;
        assert_eq!(vi("Tìm kiếm ý tưởng"), "Cuộc thi “Tìm kiếm ý tưởng”");
        assert_eq!(
            vi("Cuộc thi “Tìm kiếm ý tưởng”"),
            "Cuộc thi “Tìm kiếm ý tưởng”"
        );
        assert_eq!(
            (Lang::En.words().papers.contest_phrase)("Ideas"),
            "the “Ideas” contest"
        );
    }

    /// A unit as report.json had it before it kept the facts of the QUOTA sentence and the
    /// report's language.
    const OLD_REPORT: &str = r#"{
        "schema": "soloai.report/1", "profile": "lang-son-2025",
        "generated_at": "2025-07-08T04:30:00Z", "entries": [],
        "units": [{ "unit": "UBND huyện Cao Lộc", "unit_kind": "district", "entries": 1,
                    "quota_min": 3, "meets_quota": false, "status": "short", "required": true,
                    "from_units_below": 0, "pending": 0, "not_counted": 1, "owes_letter": false,
                    "counted_for": null,
                    "evidence": "Không đạt: 1 bài đạt sơ loại; chỉ tiêu ít nhất 03 bài (Mỗi đơn vị gửi ít nhất 03 bài). Tính: CL01. Không tính (không đọc được hoặc không đủ điều kiện dự thi): CL02 (nộp sau thời hạn)." }]
    }"#;

    #[test]
    fn an_old_report_loads_and_gives_the_short_form_in_the_other_language() {
        let report: Report = serde_json::from_str(OLD_REPORT).expect("an old report.json loads");
        assert_eq!(report.lang, None);
        let unit = &report.units[0];
        assert!(unit.counted_ids.is_empty() && unit.not_counted_entries.is_empty());
        assert_eq!(unit.quota_note, None);
        assert_eq!(unit.sentence(Lang::En), None);
        assert_eq!(
            unit_line(unit, report.lang, Lang::En),
            "- UBND huyện Cao Lộc: 1 entry (minimum 3)."
        );
        // In the language it was written in, the sentence is printed as it is.
        assert_eq!(
            unit_line(unit, report.lang, Lang::Vi),
            format!("- UBND huyện Cao Lộc: {}", unit.evidence)
        );
        let xml = document(
            &report,
            &MinutesOptions::new(Lang::En, "2025-07-08T04:30:00Z"),
        )
        .document_xml();
        assert!(xml.contains("- UBND huyện Cao Lộc: 1 entry (minimum 3)."));
        assert!(!xml.contains("Không đạt"));
    }

    #[test]
    fn a_unit_is_said_again_from_its_facts_in_the_other_language() {
        let mut report: Report = serde_json::from_str(OLD_REPORT).expect("loads");
        report.lang = Some(Lang::Vi);
        let unit = &mut report.units[0];
        unit.quota_note = Some("Mỗi đơn vị gửi ít nhất 03 bài".into());
        unit.counted_ids = vec!["CL01".into()];
        unit.not_counted_entries = vec![crate::report::NotCountedEntry {
            id: "CL02".into(),
            code: "LATE".into(),
        }];
        let unit = &report.units[0];
        // Written again in Vietnamese, the sentence is the rule's own.
        assert_eq!(
            unit.sentence(Lang::Vi).as_deref(),
            Some(unit.evidence.as_str())
        );
        assert_eq!(
            unit_line(unit, report.lang, Lang::En),
            "- UBND huyện Cao Lộc: Not met: 1 passing entry; quota at least 3 (Mỗi đơn vị gửi \
             ít nhất 03 bài). Counted: CL01. Not counted (unreadable or not eligible): CL02 (submitted late)."
        );
        // Screened in English: minutes in Vietnamese write from the facts the sentence a
        // Vietnamese screening wrote.
        report.lang = Some(Lang::En);
        report.units[0].evidence = "Not met: …".into();
        assert_eq!(
            unit_line(&report.units[0], report.lang, Lang::Vi),
            format!("- UBND huyện Cao Lộc: {}", OLD_EVIDENCE)
        );
    }

    #[test]
    fn the_criteria_are_the_plan_s_when_the_contest_is_named_and_the_profile_s_otherwise() {
        let opts = MinutesOptions::new(Lang::Vi, "2025-07-08T04:30:00Z");
        let mut report: Report = serde_json::from_str(OLD_REPORT).expect("loads");
        assert!(report.contest.name.is_empty());
        let xml = document(&report, &opts).document_xml();
        assert!(xml.contains("(bộ tiêu chí: lang-son-2025)"), "{xml}");
        report.contest.name = "Tìm kiếm ý tưởng, giải pháp cải cách hành chính".into();
        let xml = document(&report, &opts).document_xml();
        assert!(
            xml.contains("(theo các tiêu chí của Kế hoạch tổ chức Cuộc thi)"),
            "{xml}"
        );
        assert!(!xml.contains("lang-son-2025"), "{xml}");
    }

    #[test]
    fn a_pending_entry_counts_once_forwarded_and_not_once_kept_back() {
        use crate::report::{Settled, UnitQuota};
        let unit = UnitQuota {
            unit: "Sở Công Thương".into(),
            quota_min: 1,
            status: "cannot-tell".into(),
            required: true,
            pending: 1,
            pending_ids: vec!["E07".into()],
            quota_note: Some("Mỗi đơn vị gửi ít nhất 01 bài".into()),
            letter_if_none: true,
            ..UnitQuota::default()
        };
        let met = unit
            .after_decisions(|_| Settled::Forwarded, Lang::Vi)
            .expect("changed");
        assert_eq!(
            (met.status.as_str(), met.entries, met.meets_quota),
            ("met", 1, true)
        );
        assert!(
            met.evidence.starts_with("Đạt: 1 bài đạt sơ loại"),
            "{}",
            met.evidence
        );
        let out = unit
            .after_decisions(|_| Settled::KeptOut("FORM-FONT".into()), Lang::Vi)
            .expect("changed");
        assert_eq!((out.status.as_str(), out.owes_letter), ("no-entry", true));
        assert!(
            out.evidence.contains("Không tính") && out.evidence.contains(": E07 ("),
            "{}",
            out.evidence
        );
        assert_eq!(unit.after_decisions(|_| Settled::Waiting, Lang::Vi), None);
        // Pending entries not all listed: the screening's line stands.
        let many = UnitQuota {
            pending: 13,
            ..unit.clone()
        };
        assert_eq!(many.after_decisions(|_| Settled::Forwarded, Lang::Vi), None);
    }

    /// The Vietnamese sentence of [`OLD_REPORT`]'s unit.
    const OLD_EVIDENCE: &str = "Không đạt: 1 bài đạt sơ loại; chỉ tiêu ít nhất 03 bài (Mỗi đơn vị gửi ít nhất 03 bài). Tính: CL01. Không tính (không đọc được hoặc không đủ điều kiện dự thi): CL02 (nộp sau thời hạn).";

    #[test]
    fn without_a_council_the_blanks_are_left_to_fill() {
        let report = Report::new("lang-son-2025", "2025-06-02T08:30:00Z");
        let xml = document(
            &report,
            &MinutesOptions::new(Lang::Vi, "2025-06-02T08:30:00Z"),
        )
        .document_xml();
        assert!(xml.contains("ngày 02 tháng 6 năm 2025"));
        assert!(xml.contains("..... giờ ..... phút"));
        assert!(xml.contains("/BB-HĐSL"));
        assert!(xml.contains("Không có bài nào."));
    }
}
