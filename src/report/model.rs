//! The report model: everything the council's files show, filled by the screen stage and read
//! by every writer. It is its own set of types (views), not the check or compare types, so
//! that the report format (`soloai.report/1`) stays stable while those stages change inside;
//! `screen` converts.
//!
//! # report.json
//!
//! [`Report`] serializes exactly to `report.json`. Offsets in `spans` and `excluded` are byte
//! offsets into the entry's (and the source's) extracted NFC text, as everywhere in soloai
//! (see `crate::model`). Fields marked "not in JSON" below (`text`, `source_text`) carry the
//! texts the HTML pages need and are never written to report.json.
//!
//! ```json
//! {
//!   "schema": "soloai.report/1",
//!   "profile": "lang-son-2025",
//!   "generated_at": "2025-06-02T08:30:00Z",
//!   "contest": {
//!     "name": "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2025",
//!     "organizer": "Sở Nội vụ tỉnh Lạng Sơn",
//!     "council": [{ "name": "Nguyễn Văn A", "role": "Chủ tịch Hội đồng" }]
//!   },
//!   "thresholds": { "exact_min": 0.9, "near_min": 0.6, "min_passage_words": 25,
//!                   "idea_min": 0.5, "template_share": 0.3, "revision_min_new_share": 0.3,
//!                   "exact_identity": 0.97, "min_span_words": 12, "max_gap_words": 20,
//!                   "template_min_entries": 5, "idea_max_copy_share": 0.3,
//!                   "common_min_docs": 5, "paraphrase_seed_min": 0.6, "max_panes": 20 },
//!   "entries": [{
//!     "id": "so-tu-phap-01",
//!     "file": "Sở Tư pháp/bai-du-thi.docx",
//!     "status": "ok",
//!     "error": null,
//!     "originality": 0.62,
//!     "area": "c",
//!     "area_confidence": 0.81,
//!     "declared_area": "c",
//!     "title": "Số hoá hồ sơ chứng thực",
//!     "authors": ["Trần Thị B"],
//!     "unit": "Sở Tư pháp",
//!     "receiving_point": "Sở Nội vụ",
//!     "submitted": "2025-05-20",
//!     "checks": [{ "code": "FORM-FONT", "verdict": "pass",
//!                  "evidence": "98% Times New Roman", "data": { "Times New Roman": 10234 } }],
//!     "eligibility": [{ "code": "LATE", "verdict": "pass", "evidence": "nộp 20/05/2025", "data": null }],
//!     "matches": [{
//!       "source": "mo-hinh/mot-cua-so.pdf", "source_title": "Mô hình một cửa số",
//!       "source_kind": "applied", "score": 0.38, "kind": "partial", "signal": "verbatim",
//!       "spans": [{ "entry_start": 1200, "entry_end": 2410, "source_start": 88, "source_end": 1301,
//!                   "signal": "verbatim" }]
//!     }],
//!     "excluded": [{ "start": 0, "end": 310, "reason": "template" }],
//!     "passages": [{ "start": 1200, "end": 2410, "sources": [{ "source": 0, "source_start": 88,
//!                    "source_end": 1301, "signal": "verbatim" }] }],
//!     "flags": [{ "code": "CORPUS-COPY", "message": "Trùng 38% với mô hình đã áp dụng",
//!                 "evidence": "mo-hinh/mot-cua-so.pdf" }],
//!     "verdict": "fail",
//!     "forward": false
//!   }],
//!   "units": [{ "unit": "UBND huyện Cao Lộc", "unit_kind": "district", "entries": 0,
//!               "quota_min": 3, "meets_quota": false }],
//!   "clusters": [["so-tu-phap-01", "ubnd-cao-loc-02"]]
//! }
//! ```

use serde::{Deserialize, Serialize};

use crate::compare::Thresholds;
use crate::lang::Lang;

/// The value of [`Report::schema`]; bumped only when a field changes meaning or goes away.
pub const SCHEMA: &str = "soloai.report/1";

/// One screening run: a contest folder screened against a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The contest profile's name (`lang-son-2025`) or the profile file's name.
    pub profile: String,
    /// When the run finished, RFC 3339 in UTC (`2025-06-02T08:30:00Z`).
    pub generated_at: String,
    /// What the minutes and page headers name.
    #[serde(default)]
    pub contest: ContestInfo,
    /// The copy-detection thresholds used, so every page can explain its lines in one sentence.
    #[serde(default)]
    pub thresholds: Thresholds,
    pub entries: Vec<EntryReport>,
    /// Every unit the profile expects entries from, including units with none (they owe an
    /// explanation letter — văn bản giải trình lý do không có bài).
    #[serde(default)]
    pub units: Vec<UnitQuota>,
    /// Entries linked by exact/near matches: a ring of copying shows as one case.
    #[serde(default)]
    pub clusters: Vec<Vec<String>>,
}

impl Report {
    /// An empty report with the schema set; the screen stage pushes entries and units.
    pub fn new(profile: impl Into<String>, generated_at: impl Into<String>) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            profile: profile.into(),
            generated_at: generated_at.into(),
            contest: ContestInfo::default(),
            thresholds: Thresholds::default(),
            entries: Vec::new(),
            units: Vec::new(),
            clusters: Vec::new(),
        }
    }

    /// Whether anything needs the council's attention (the CLI exits 1 then).
    pub fn has_flags(&self) -> bool {
        self.entries.iter().any(|e| !e.flags.is_empty())
    }
}

/// The contest the run belongs to, for the minutes (biên bản sơ loại) and page headers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContestInfo {
    /// Full contest name as the plan writes it.
    pub name: String,
    /// The body that runs this round (e.g. "Ban Quản lý các khu công nghiệp tỉnh Hưng Yên").
    pub organizer: String,
    /// Members of the screening council (Hội đồng sáng kiến / Tổ giúp việc), in signing order.
    /// Empty → the minutes print blank signature lines to fill in by hand.
    pub council: Vec<CouncilMember>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CouncilMember {
    pub name: String,
    /// Role on the council ("Chủ tịch Hội đồng", "Thư ký", "Thành viên").
    pub role: String,
}

/// Whether the entry's file could be read at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryStatus {
    #[default]
    Ok,
    Error,
}

/// Pass · fail · cannot tell (Đạt · Không đạt · Chưa xác định): used for each check, each
/// eligibility finding and the entry's overall screening verdict. Never a false pass: what
/// could not be verified is `CannotTell`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    #[default]
    CannotTell,
}

impl Verdict {
    /// The code written into JSON and CSV (`pass`, `fail`, `cannot-tell`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::CannotTell => "cannot-tell",
        }
    }

    /// What a council member reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Pass => lang.pick("Đạt", "Pass"),
            Verdict::Fail => lang.pick("Không đạt", "Fail"),
            Verdict::CannotTell => lang.pick("Chưa xác định", "Cannot tell"),
        }
    }
}

/// One entry (bài dự thi) and everything found about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryReport {
    /// Stable id (manifest id, or derived from the path). Untrusted: escaped everywhere and
    /// turned into a safe file name for `entries/<id>.html`.
    pub id: String,
    /// Path relative to the entries folder.
    pub file: String,
    pub status: EntryStatus,
    /// Why the file could not be read, in the report's language (`status` = `error`).
    pub error: Option<String>,
    /// Share of the entry's own text not matched by any source, 0..1; `None` when unread.
    pub originality: Option<f64>,
    /// Detected content area, as the profile names it (Lạng Sơn letters `a`…`h`, `đ`).
    pub area: Option<String>,
    /// Confidence of the detected area, 0..1.
    pub area_confidence: Option<f64>,
    /// Area the manifest declares, if any.
    pub declared_area: Option<String>,
    pub title: Option<String>,
    /// Author names (tác giả / nhóm tác giả); two or more make a group entry.
    pub authors: Vec<String>,
    /// Work unit (đơn vị) the entry was submitted through.
    pub unit: Option<String>,
    /// Receiving point (đầu mối tiếp nhận).
    pub receiving_point: Option<String>,
    /// Date of submission, `YYYY-MM-DD`.
    pub submitted: Option<String>,
    /// Form and content checks (FORM-FONT, COVER-PHONE, AREA, …).
    pub checks: Vec<CheckView>,
    /// Eligibility findings (LATE, EXCLUDED-PERSON, GROUP-MEMBERS, QUOTA…), same shape as checks.
    pub eligibility: Vec<CheckView>,
    /// Sources this entry shares text or ideas with, best first.
    pub matches: Vec<MatchView>,
    /// Passages left out of the similarity share (template text, quotes, legal citations).
    pub excluded: Vec<ExcludedSpan>,
    /// Matched stretches of the entry: overlapping spans of several sources merged into one
    /// passage that lists them all (indices into `matches`, largest share first).
    pub passages: Vec<PassageView>,
    /// What needs the council's attention (cảnh báo).
    pub flags: Vec<Flag>,
    /// The overall screening verdict for this entry.
    pub verdict: Verdict,
    /// Proposed for forwarding to the next round (đề nghị chuyển vòng chấm).
    pub forward: bool,
    /// The extracted NFC text the offsets point into (not in JSON; the entry page shows it).
    #[serde(skip)]
    pub text: String,
}

impl EntryReport {
    /// An entry whose file could not be read: status `error`, the reason (already in the
    /// report's language, e.g. `ExtractError::message(lang)`), an `ERROR` flag and the verdict
    /// "cannot tell" — a broken file is a finding for the council, never a silent pass.
    pub fn unreadable(
        id: impl Into<String>,
        file: impl Into<String>,
        reason: impl Into<String>,
        lang: Lang,
    ) -> EntryReport {
        let reason = reason.into();
        let file = file.into();
        EntryReport {
            id: id.into(),
            status: EntryStatus::Error,
            error: Some(reason.clone()),
            flags: vec![Flag {
                code: "ERROR".to_string(),
                message: lang
                    .pick("Không đọc được tệp", "Could not read the file")
                    .to_string(),
                evidence: reason,
            }],
            verdict: Verdict::CannotTell,
            file,
            ..EntryReport::default()
        }
    }
}

/// One check's verdict with the evidence a council member can verify or overrule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckView {
    /// Rule code: `FORM-FONT`, `FORM-SIZE`, `COVER-PHONE`, `LATE`, …
    pub code: String,
    pub verdict: Verdict,
    /// One line in the report's language, e.g. "96% chữ Times New Roman".
    pub evidence: String,
    /// Machine-readable details (counts per font, offending pages…); `null` when none.
    pub data: serde_json::Value,
}

/// A source an entry shares text (or an idea) with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchView {
    /// Corpus file path relative to the folder it was added from, or `entry:<relative path>`
    /// for another entry in the same contest.
    pub source: String,
    /// Human title of the source, when known.
    pub source_title: Option<String>,
    /// Corpus kind (`applied`, `published`, `past-entry`, `template`) or `entry`.
    pub source_kind: Option<String>,
    /// 0..1: how strongly the two documents match (containment of the entry in the source).
    pub score: f64,
    /// `exact`, `near`, `partial` or `idea`.
    pub kind: String,
    /// The signal that found most of it: `verbatim`, `paraphrase` or `idea`.
    pub signal: String,
    pub spans: Vec<SpanView>,
}

impl MatchView {
    /// Copy each span's passage out of the source's full text (safe for any offsets: they are
    /// clamped to the text and to character boundaries), so the entry page can show it.
    pub fn fill_source_passages(&mut self, source_text: &str) {
        for span in &mut self.spans {
            span.source_text =
                crate::report::passages::slice(source_text, span.source_start, span.source_end)
                    .to_string();
        }
    }
}

/// One matched passage: where it is in the entry and in the source (byte offsets, NFC text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpanView {
    pub entry_start: usize,
    pub entry_end: usize,
    pub source_start: usize,
    pub source_end: usize,
    /// `verbatim` or `paraphrase`.
    pub signal: String,
    /// The source's passage itself (not in JSON; shown side by side on the entry page).
    #[serde(skip)]
    pub source_text: String,
}

/// A stretch of the entry matched by one or more sources.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassageView {
    pub start: usize,
    pub end: usize,
    /// Every source with a span in this stretch, largest share of the entry first.
    pub sources: Vec<PassageSource>,
}

/// One source's part of a merged passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassageSource {
    /// Index into the entry's `matches`.
    pub source: usize,
    pub source_start: usize,
    pub source_end: usize,
    /// `verbatim` or `paraphrase`.
    pub signal: String,
}

/// A passage of the entry not counted in the similarity share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExcludedSpan {
    pub start: usize,
    pub end: usize,
    /// `template`, `shared` (in many entries), `quote` or `legal-citation`.
    pub reason: String,
}

/// Something needing the council's attention (cảnh báo).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Flag {
    /// `RECYCLED-NO-STATEMENT`, `RECEIVING-POINT-DUPLICATE`, `LATE`, `EXCLUDED-PERSON`, `COPY`,
    /// `CORPUS-COPY`, `FORM-FONT`, …, `ERROR`.
    pub code: String,
    /// One sentence in the report's language.
    pub message: String,
    /// What the finding rests on (a source path, a score, a date).
    pub evidence: String,
}

/// A unit's entries against its quota (e.g. a department ≥ 1, a district ≥ 3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitQuota {
    pub unit: String,
    /// `department`, `district`, `commune`, … as the profile names unit kinds.
    pub unit_kind: String,
    /// Number of entries received from this unit (0 → owes an explanation letter).
    pub entries: usize,
    pub quota_min: usize,
    pub meets_quota: bool,
}

impl UnitQuota {
    /// A unit's tally against its quota; `meets_quota` follows from the two numbers.
    pub fn new(
        unit: impl Into<String>,
        unit_kind: impl Into<String>,
        entries: usize,
        quota_min: usize,
    ) -> UnitQuota {
        UnitQuota {
            unit: unit.into(),
            unit_kind: unit_kind.into(),
            entries,
            quota_min,
            meets_quota: entries >= quota_min,
        }
    }

    /// A unit that sent nothing owes the organizer a letter explaining why.
    pub fn owes_explanation(&self) -> bool {
        self.entries == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_serializes_as_its_code() {
        for v in [Verdict::Pass, Verdict::Fail, Verdict::CannotTell] {
            let json = serde_json::to_string(&v).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", v.code()));
        }
    }

    #[test]
    fn texts_stay_out_of_json() {
        let mut entry = EntryReport {
            id: "x".into(),
            text: "bí mật toàn văn".into(),
            ..EntryReport::default()
        };
        entry.matches.push(MatchView {
            spans: vec![SpanView {
                source_text: "đoạn nguồn".into(),
                ..SpanView::default()
            }],
            ..MatchView::default()
        });
        let json = serde_json::to_string(&entry).unwrap_or_default();
        assert!(json.contains("\"id\":\"x\""));
        assert!(!json.contains("bí mật"));
        assert!(!json.contains("đoạn nguồn"));
    }

    /// The example in this module's docs (copied into the README) must stay a valid report
    /// that reads back to the same JSON.
    #[test]
    fn documented_example_is_a_valid_report() -> Result<(), Box<dyn std::error::Error>> {
        let source = include_str!("model.rs");
        let start = source.find("//! ```json").ok_or("no example")?;
        let end = source[start..]
            .find("//! ```\n")
            .ok_or("example not closed")?
            + start;
        let json: String = source[start..end]
            .lines()
            .skip(1)
            .map(|line| line.trim_start_matches("//!"))
            .collect::<Vec<_>>()
            .join("\n");
        let report: Report = serde_json::from_str(&json)?;
        assert_eq!(report.schema, SCHEMA);
        assert_eq!(report.entries.len(), 1);
        assert_eq!(report.entries[0].verdict, Verdict::Fail);
        assert_eq!(report.entries[0].matches[0].spans[0].entry_end, 2410);
        let documented: serde_json::Value = serde_json::from_str(&json)?;
        let written: serde_json::Value = serde_json::to_value(&report)?;
        assert_eq!(documented, written, "the example leaves out or adds fields");
        Ok(())
    }

    #[test]
    fn unreadable_entries_are_flagged_and_never_pass() {
        let e = EntryReport::unreadable("B-7", "x/hong.docx", "Tệp bị hỏng", Lang::Vi);
        assert_eq!(e.status, EntryStatus::Error);
        assert_eq!(e.verdict, Verdict::CannotTell);
        assert_eq!(e.error.as_deref(), Some("Tệp bị hỏng"));
        assert_eq!(e.flags.len(), 1);
        assert_eq!(e.flags[0].code, "ERROR");
        assert!(!e.forward);
        let mut report = Report::new("p", "t");
        report.entries.push(e);
        assert!(report.has_flags());
    }

    #[test]
    fn source_passages_come_from_the_source_text() {
        let mut m = MatchView {
            spans: vec![
                SpanView {
                    source_start: 5,
                    source_end: 11,
                    ..SpanView::default()
                },
                SpanView {
                    source_start: 8,
                    source_end: 999,
                    ..SpanView::default()
                },
            ],
            ..MatchView::default()
        };
        m.fill_source_passages("Bộ phận một cửa");
        assert_eq!(m.spans[0].source_text, "phận");
        // 8 falls inside "ậ": moved back to its start; 999 clamped to the end.
        assert_eq!(m.spans[1].source_text, "ận một cửa");
    }

    #[test]
    fn quota_follows_the_counts() {
        assert!(UnitQuota::new("Sở Tư pháp", "department", 1, 1).meets_quota);
        let district = UnitQuota::new("UBND huyện Văn Lãng", "district", 0, 3);
        assert!(!district.meets_quota);
        assert!(district.owes_explanation());
    }

    #[test]
    fn new_report_carries_the_schema() {
        let report = Report::new("hung-yen-2024", "2024-06-01T00:00:00Z");
        assert_eq!(report.schema, SCHEMA);
        assert!(!report.has_flags());
    }
}
