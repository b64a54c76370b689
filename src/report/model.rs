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
//!   "lang": "vi",
//!   "contest": {
//!     "name": "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2025",
//!     "organizer": "Sở Nội vụ tỉnh Lạng Sơn",
//!     "plan": "Kế hoạch UBND tỉnh Lạng Sơn, tháng 3/2025",
//!     "council": [{ "name": "Nguyễn Văn A", "role": "Chủ tịch Hội đồng" }]
//!   },
//!   "thresholds": { "exact_min": 0.9, "near_min": 0.6, "min_passage_words": 25,
//!                   "idea_min": 0.5, "template_share": 0.3, "revision_min_new_share": 0.3,
//!                   "exact_identity": 0.97, "min_span_words": 12, "max_gap_words": 20,
//!                   "template_min_entries": 5, "idea_max_copy_share": 0.3,
//!                   "common_min_docs": 5, "common_min_sources": 2, "common_min_share": 0.01,
//!                   "paraphrase_seed_min": 0.3, "max_panes": 20 },
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
//!       "source_kind": "applied",
//!       "source_origin": "UBND tỉnh Quảng Ninh, Quyết định số 1234/QĐ-UBND về mô hình một cửa số",
//!       "source_scope": "Quảng Ninh", "score": 0.38, "kind": "partial", "signal": "verbatim",
//!       "spans": [{ "entry_start": 1200, "entry_end": 2410, "source_start": 88, "source_end": 1301,
//!                   "signal": "verbatim",
//!                   "entry_at": { "page": 3, "paragraph": 2 }, "source_at": { "paragraph": 1 } }]
//!     }],
//!     "excluded": [{ "start": 0, "end": 310, "reason": "template" }],
//!     "passages": [{ "start": 1200, "end": 2410, "sources": [{ "source": 0, "source_start": 88,
//!                    "source_end": 1301, "signal": "verbatim" }] }],
//!     "flags": [{ "code": "CORPUS-COPY", "message": "Trùng 38% với mô hình đã áp dụng",
//!                 "evidence": "mo-hinh/mot-cua-so.pdf" }],
//!     "verdict": "fail",
//!     "forward": false
//!   }],
//!   "units": [{ "unit": "UBND huyện Cao Lộc", "unit_kind": "district", "entries": 1,
//!               "quota_min": 3, "meets_quota": false, "status": "short", "required": true,
//!               "from_units_below": 0, "pending": 0, "not_counted": 1, "owes_letter": false, "letter_if_none": true,
//!               "counted_for": null,
//!               "quota_note": "Mỗi đơn vị gửi ít nhất 03 bài dự thi có chất lượng (gồm cả bài dự thi của UBND cấp xã)",
//!               "counted_ids": ["ubnd-cao-loc-01"], "pending_ids": [],
//!               "not_counted_entries": [{ "id": "ubnd-cao-loc-02", "code": "LATE" }],
//!               "evidence": "Không đạt: 1 bài đạt sơ loại; chỉ tiêu ít nhất 03 bài (…). Tính: ubnd-cao-loc-01. Không tính (…): ubnd-cao-loc-02 (LATE)." }],
//!   "clusters": [["so-tu-phap-01", "ubnd-cao-loc-02"]],
//!   "corpus": { "index": "./soloai-index", "documents": 76,
//!               "by_kind": { "applied": 27, "past-entry": 2, "published": 45, "template": 2 } },
//!   "input_problems": [{ "file": "manifest.csv", "line": 7, "column": "Ngày nộp",
//!                        "code": "bad-value",
//!                        "message": "manifest.csv, dòng 7, cột \"Ngày nộp\": giá trị \"32/13/2025\" không hợp lệ; cần DD/MM/YYYY / YYYY-MM-DD" }]
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
    /// The language the report's sentences (evidence, messages) are written in: `vi` or `en`.
    /// `None` in a report.json written before soloai recorded it.
    #[serde(default)]
    pub lang: Option<Lang>,
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
    /// The council file (`council.toml`) the run used, for the minutes and the scoring round;
    /// absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<crate::council::Council>,
    /// Rows of the manifest, `units.csv` or the excluded-persons list that could not be read
    /// (the run went on without them), each naming its file, row and cause.
    #[serde(default)]
    pub input_problems: Vec<InputProblem>,
    /// Items of the entries folder that were not read (links, FIFOs, devices, loops), each
    /// with its reason: nothing a unit sent is dropped without a word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedItem>,
    /// The corpus index the entries were compared against, and what it holds.
    #[serde(default)]
    pub corpus: CorpusInfo,
}

/// One row or cell of an input list that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InputProblem {
    /// The list's file name.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<String>,
    /// `bad-value`, `missing-value`, `duplicate-id`, `too-many-rows`, `unplaced-unit`.
    pub code: String,
    /// The full sentence (file, row, column, cause, what to do) in the report's language.
    pub message: String,
}

/// A file sent with an entry (see `discover::Attachment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    /// Path relative to the entries folder.
    pub file: String,
    /// video, picture, software, document or other.
    pub kind: String,
    /// Size in bytes.
    pub size: u64,
}

/// An item of the entries folder soloai did not read, and why (see `safe_fs::SkipReason`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedItem {
    /// Path relative to the entries folder.
    pub path: String,
    /// Stable code: symlink, fifo, device, socket, loop, too-deep, unreadable.
    pub reason: String,
    /// The reason in the report's language.
    pub message: String,
}

/// Which corpus index a run used and how many documents of each kind it holds, so every
/// output can say what was compared (and warn loudly when nothing was).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpusInfo {
    /// The index folder as given (`--index`, `$SOLOAI_INDEX` or `./soloai-index`).
    pub index: String,
    pub documents: usize,
    /// Documents per corpus kind (`applied`, `published`, `past-entry`, `template`).
    pub by_kind: std::collections::BTreeMap<String, usize>,
}

impl CorpusInfo {
    /// Count the kinds of the documents an index holds.
    pub fn count<'a>(index: impl Into<String>, kinds: impl IntoIterator<Item = &'a str>) -> Self {
        let mut info = CorpusInfo {
            index: index.into(),
            ..CorpusInfo::default()
        };
        for kind in kinds {
            info.documents += 1;
            *info.by_kind.entry(kind.to_string()).or_insert(0) += 1;
        }
        info
    }

    /// Nothing to compare entries against but each other: no model, solution or earlier
    /// entry (template documents only exclude boilerplate).
    pub fn is_empty(&self) -> bool {
        self.by_kind
            .iter()
            .filter(|(kind, _)| kind.as_str() != "template")
            .all(|(_, n)| *n == 0)
    }

    /// "Kho đối chiếu <index>: N tài liệu (… mô hình đã áp dụng, …)".
    pub fn sentence(&self, lang: Lang) -> String {
        let words = &lang.words().corpus;
        const ORDER: [&str; 4] = ["applied", "published", "past-entry", "template"];
        let mut kinds: Vec<(&str, usize)> = ORDER
            .iter()
            .filter_map(|k| self.by_kind.get(*k).map(|n| (*k, *n)))
            .collect();
        kinds.extend(
            self.by_kind
                .iter()
                .filter(|(k, _)| !ORDER.contains(&k.as_str()))
                .map(|(k, n)| (k.as_str(), *n)),
        );
        let kinds: Vec<String> = kinds
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (words.kind_count)(k, n))
            .collect();
        // The index folder's name, never its full path: a report or the minutes name the
        // corpus, not where it lies on the machine (or the server) that screened.
        let name = std::path::Path::new(&self.index)
            .file_name()
            .map_or_else(|| self.index.clone(), |n| n.to_string_lossy().into_owned());
        (words.stated)(&name, self.documents, &kinds.join(", "))
    }

    /// The sentence the minutes (biên bản) carry: what the entries were compared against,
    /// or the loud warning when the corpus holds nothing to compare with.
    pub fn minutes_sentence(&self, lang: Lang) -> String {
        let words = &lang.words().corpus;
        if self.is_empty() {
            format!("{} {}", self.sentence(lang), words.empty_warning)
        } else {
            (words.compared)(&self.sentence(lang))
        }
    }
}

impl Report {
    /// An empty report with the schema set; the screen stage pushes entries and units.
    pub fn new(profile: impl Into<String>, generated_at: impl Into<String>) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            profile: profile.into(),
            generated_at: generated_at.into(),
            lang: None,
            contest: ContestInfo::default(),
            thresholds: Thresholds::default(),
            entries: Vec::new(),
            units: Vec::new(),
            clusters: Vec::new(),
            council: None,
            input_problems: Vec::new(),
            skipped: Vec::new(),
            corpus: CorpusInfo::default(),
        }
    }

    /// Entries whose files are byte for byte the same, in groups of two or more ids (the same
    /// entry sent twice, e.g. through two receiving points), in report order.
    pub fn identical_files(&self) -> Vec<Vec<String>> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for entry in &self.entries {
            let Some(hash) = entry.content_hash.as_deref().filter(|h| !h.is_empty()) else {
                continue;
            };
            match groups.iter_mut().find(|(h, _)| h == hash) {
                Some((_, ids)) => ids.push(entry.id.clone()),
                None => groups.push((hash.to_string(), vec![entry.id.clone()])),
            }
        }
        groups
            .into_iter()
            .map(|(_, ids)| ids)
            .filter(|ids| ids.len() > 1)
            .collect()
    }

    /// How many entries have each verdict, in [`Verdict::ALL`] order; they add up to the
    /// number of entries.
    pub fn verdict_counts(&self) -> [(Verdict, usize); 4] {
        Verdict::ALL.map(|v| (v, self.entries.iter().filter(|e| e.verdict == v).count()))
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
    /// The plan the rules come from (its number and date), cited beside the contest's name.
    pub plan: String,
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
    /// The file could not be read: not a judgement on the entry, the author must send it
    /// again (cần nộp lại). Only an entry's overall verdict is ever `Resubmit`.
    Resubmit,
}

impl Verdict {
    /// The code written into JSON and CSV (`pass`, `fail`, `cannot-tell`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::CannotTell => "cannot-tell",
            Verdict::Resubmit => "resubmit",
        }
    }

    /// What a council member reads.
    pub fn label(self, lang: Lang) -> &'static str {
        let words = &lang.words().verdict;
        match self {
            Verdict::Pass => words.pass,
            Verdict::Fail => words.fail,
            Verdict::CannotTell => words.cannot_tell,
            Verdict::Resubmit => words.resubmit,
        }
    }

    /// Every verdict, in the order summaries count them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Pass,
        Verdict::Fail,
        Verdict::CannotTell,
        Verdict::Resubmit,
    ];
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
    /// Sources this entry shares text or ideas with, best first: at most 100
    /// (`screen::copies::MAX_SOURCES_KEPT`).
    pub matches: Vec<MatchView>,
    /// Sources matched beyond those kept in `matches`: counted only.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub matches_more: usize,
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
    /// SHA-256 of the main file's bytes (identical files are the same entry sent twice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// Scanned pages whose text was read by OCR, when any was: its text may hold misread
    /// letters (issue 14 item 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrNote>,
    /// What the reader noticed while reading the main file (a PDF font without a Unicode
    /// map, pages read by OCR, a guessed cover page, a file that is not UTF-8…): each its
    /// code and values and the sentence in the report's language. At most
    /// [`MAX_READ_WARNINGS`], each sentence at most [`MAX_READ_WARNING_CHARS`] characters;
    /// `read_warnings_more` counts the rest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read_warnings: Vec<ReadWarningNote>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub read_warnings_more: usize,
    /// Files sent with the entry besides its main document (video, pictures, software, other
    /// documents), with their kind and size, as discovery found them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentView>,
    /// The extracted NFC text the offsets point into (not in JSON; the entry page shows it).
    #[serde(skip)]
    pub text: String,
    /// Where each paragraph starts and on which page (not in JSON; locates passages).
    #[serde(skip)]
    pub layout: Layout,
}

impl EntryReport {
    /// Take the text, its layout and the file's hash from the extracted document.
    /// Take the text, its layout, the file's hash and the reader's warnings (worded in
    /// `lang`) from the extracted document.
    pub fn set_document(&mut self, doc: &crate::model::Extracted, lang: Lang) {
        self.text = doc.text.clone();
        self.layout = Layout::of(doc);
        self.content_hash = Some(doc.content_hash.clone()).filter(|h| !h.is_empty());
        // The same warning twice is said once (a file's warnings are few: bounded by its pages).
        let mut distinct: Vec<&crate::model::ReadWarning> = Vec::new();
        for w in &doc.warnings {
            if !distinct.contains(&w) {
                distinct.push(w);
            }
        }
        self.read_warnings = distinct
            .iter()
            .take(MAX_READ_WARNINGS)
            .map(|w| ReadWarningNote::new((*w).clone(), lang))
            .collect();
        self.read_warnings_more = distinct.len().saturating_sub(MAX_READ_WARNINGS);
    }
}

/// A reader's warning in report.json, the same shape as in `soloai extract --json`.
pub use crate::extract::json::{MAX_READ_WARNING_CHARS, ReadWarningNote};

/// Most reading warnings an entry keeps (the page and report.json stay bounded whatever a
/// hostile file makes the reader say).
pub const MAX_READ_WARNINGS: usize = 20;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Where a passage is: "trang 3, đoạn 2" — the page (1-based, when the document has pages)
/// and the paragraph's number on that page (or in the whole text when there are no pages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub paragraph: usize,
}

impl Location {
    /// "trang 3, đoạn 2" / "page 3, paragraph 2"; "đoạn 5" without pages.
    pub fn words(self, lang: Lang) -> String {
        match self.page {
            Some(page) => (lang.words().entry_page.location)(page, self.paragraph),
            None => (lang.words().entry_page.paragraph_only)(self.paragraph),
        }
    }
}

/// The paragraphs of a text as (byte offset where it starts, 1-based page or 0 when the
/// document has no pages), in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    paragraphs: Vec<(usize, usize)>,
}

impl Layout {
    /// From a document's paragraphs and pages. Empty paragraphs are not counted: a reader
    /// counts the paragraphs they see.
    pub fn of(doc: &crate::model::Extracted) -> Layout {
        let paged = !doc.pages.is_empty();
        let mut paragraphs: Vec<(usize, usize)> = doc
            .paragraphs
            .iter()
            .filter(|p| p.runs.iter().any(|r| !r.text.trim().is_empty()))
            .map(|p| (p.text_start, if paged { p.page + 1 } else { 0 }))
            .collect();
        if paragraphs.is_empty() {
            return Layout::of_text(&doc.text);
        }
        paragraphs.sort_by_key(|&(start, _)| start);
        Layout { paragraphs }
    }

    /// From plain text (a corpus document): one paragraph per non-blank line, no pages.
    pub fn of_text(text: &str) -> Layout {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                paragraphs.push((at, 0));
            }
            at += line.len();
        }
        Layout { paragraphs }
    }

    /// Where the byte `offset` falls; `None` when nothing is known about the text.
    pub fn locate(&self, offset: usize) -> Option<Location> {
        let at = self
            .paragraphs
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1);
        let &(_, page) = self.paragraphs.get(at)?;
        let first_on_page = if page == 0 {
            0
        } else {
            self.paragraphs[..at]
                .iter()
                .rposition(|&(_, p)| p != page)
                .map_or(0, |i| i + 1)
        };
        Some(Location {
            page: (page > 0).then_some(page),
            paragraph: at - first_on_page + 1,
        })
    }
}

/// How OCR read an entry's scanned pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OcrNote {
    /// "Tesseract 5.3.0 (vie)".
    pub engine: String,
    /// Pages read by OCR, 1-based.
    pub pages: Vec<usize>,
    /// The engine's mean word confidence over those pages, 0..1.
    pub confidence: f64,
}

impl OcrNote {
    pub fn of(doc: &crate::model::Extracted) -> Option<OcrNote> {
        let (_, confidence) = doc.ocr_summary()?;
        Some(OcrNote {
            engine: doc.ocr_engine.clone().unwrap_or_default(),
            pages: doc
                .pages
                .iter()
                .filter(|p| p.ocr.is_some())
                .map(|p| p.index + 1)
                .collect(),
            confidence: (f64::from(confidence) / 100.0 * 1000.0).round() / 1000.0,
        })
    }
}

impl EntryReport {
    /// An entry whose file could not be read: status `error`, the reason (already in the
    /// report's language, e.g. `ExtractError::message(lang)`), an `ERROR` flag and the verdict
    /// "must be resubmitted" — a broken file is a finding for the council, never a silent
    /// pass, and never "fail" either: nothing was judged.
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
                message: crate::vocab::flag_name("ERROR", lang),
                evidence: reason,
            }],
            verdict: Verdict::Resubmit,
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
    /// The public source the corpus document names (organ, document number, article), e.g.
    /// "Thủ tướng Chính phủ, Quyết định số 45/2016/QĐ-TTg về …".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_origin: Option<String>,
    /// Where the model is applied, as the corpus writes it ("toàn quốc", "Quảng Ninh").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_scope: Option<String>,
    /// A stable public address of the source, when the corpus gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
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

    /// Locate every passage by page and paragraph on both sides.
    pub fn locate(&mut self, entry: &Layout, source: &Layout) {
        for span in &mut self.spans {
            span.entry_at = entry.locate(span.entry_start);
            span.source_at = source.locate(span.source_start);
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
    /// Where the passage starts in the entry ("trang 3, đoạn 2").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_at: Option<Location>,
    /// Where it starts in the source (paragraph only for a corpus text without pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_at: Option<Location>,
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

/// A unit's entries against its quota (e.g. a department ≥ 1, a district ≥ 3): the QUOTA
/// rule's result for the unit (`check::quota`). Every writer reads `status` and
/// `owes_explanation()` from here, so the dashboard, report.json, the minutes and the command
/// line say the same.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitQuota {
    pub unit: String,
    /// `department`, `district`, `commune`, … as the profile names unit kinds.
    pub unit_kind: String,
    /// Entries counted for this unit (its own and, where the plan says so, those of units below
    /// it): readable, eligible and passing the screening, the ones it can send up.
    pub entries: usize,
    pub quota_min: usize,
    /// `status` is `met`, `encouraged` or `no-quota`.
    pub meets_quota: bool,
    /// `met`, `short`, `no-entry`, `cannot-tell`, `encouraged` (khuyến khích: never a
    /// failure) or `no-quota`.
    pub status: String,
    /// The plan requires the quota (false: only encouraged).
    pub required: bool,
    /// Of `entries`, those received through units below (a district's communes).
    pub from_units_below: usize,
    /// Eligible entries not passing yet (not in `entries`): eligibility not settled, a flag
    /// for the council to weigh, or a check that cannot tell.
    pub pending: usize,
    /// Entries not counted: unreadable or not eligible.
    pub not_counted: usize,
    /// The unit owes the organizers a letter explaining why it has no entry.
    pub owes_letter: bool,
    /// For a unit without a quota of its own: the unit its entries count for.
    pub counted_for: Option<String>,
    /// The plan's words for the unit's quota (the profile's `[[quotas]] note`), which the
    /// sentence quotes as written; `null` for a unit of a kind without a quota, and in a
    /// report.json written before soloai recorded it.
    pub quota_note: Option<String>,
    /// The ids of the entries counted (`entries` is their total), at most
    /// [`MAX_IDS`](crate::check::quota::MAX_IDS) (12): the ones the sentence names.
    pub counted_ids: Vec<String>,
    /// The ids of the entries pending (`pending` is their total), at most 12.
    pub pending_ids: Vec<String>,
    /// The entries not counted, each with the code of the rule that kept it out (`ERROR`:
    /// unreadable), at most 12 (`not_counted` is their total).
    pub not_counted_entries: Vec<NotCountedEntry>,
    /// The QUOTA rule's sentence, in the report's language ([`Report::lang`]).
    pub evidence: String,
    /// The plan asks a unit with no entry for a letter: what `owes_letter` becomes when the
    /// council's decisions leave the unit none ([`UnitQuota::after_decisions`]).
    pub letter_if_none: bool,
}

/// What the council's decisions made of an entry a unit's quota counted as pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Forwarded: it counts.
    Forwarded,
    /// Kept back by a flag the council confirmed (its code): it does not count.
    KeptOut(String),
    /// Still undecided.
    Waiting,
}

/// An entry a unit's quota does not count, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotCountedEntry {
    pub id: String,
    /// The code of the rule that kept it out (`LATE`, `EXCLUDED-PERSON`, …), `ERROR` when the
    /// file could not be read.
    pub code: String,
}

impl UnitQuota {
    /// A unit's tally against a required quota; the status follows from the two numbers.
    pub fn new(
        unit: impl Into<String>,
        unit_kind: impl Into<String>,
        entries: usize,
        quota_min: usize,
    ) -> UnitQuota {
        let status = if entries >= quota_min {
            "met"
        } else if entries == 0 {
            "no-entry"
        } else {
            "short"
        };
        UnitQuota {
            unit: unit.into(),
            unit_kind: unit_kind.into(),
            entries,
            quota_min,
            meets_quota: entries >= quota_min,
            status: status.into(),
            required: true,
            owes_letter: entries == 0 && quota_min > 0,
            ..UnitQuota::default()
        }
    }

    /// The unit after the council's decisions on its pending entries (`settle` says what became
    /// of each): those forwarded count, those kept back by a confirmed flag do not, and the
    /// status and sentence follow. `None` when nothing changed, or when the pending entries are
    /// not all listed (more than [`MAX_IDS`](crate::check::quota::MAX_IDS), or a report.json
    /// written before they were kept): the screening's line stands.
    pub fn after_decisions(
        &self,
        settle: impl Fn(&str) -> Settled,
        lang: Lang,
    ) -> Option<UnitQuota> {
        use crate::check::quota::{self, MAX_IDS, QuotaStatus};
        if self.pending == 0 || self.pending_ids.len() != self.pending {
            return None;
        }
        let mut after = self.clone();
        after.pending_ids.clear();
        for id in &self.pending_ids {
            match settle(id) {
                Settled::Forwarded => {
                    after.entries += 1;
                    if after.counted_ids.len() < MAX_IDS {
                        after.counted_ids.push(id.clone());
                    }
                }
                Settled::KeptOut(code) => {
                    after.not_counted += 1;
                    if after.not_counted_entries.len() < MAX_IDS {
                        after.not_counted_entries.push(NotCountedEntry {
                            id: id.clone(),
                            code,
                        });
                    }
                }
                Settled::Waiting => after.pending_ids.push(id.clone()),
            }
        }
        after.pending = after.pending_ids.len();
        if after.pending == self.pending {
            return None;
        }
        let status = QuotaStatus::from_code(&self.status)?;
        if matches!(
            status,
            QuotaStatus::Met | QuotaStatus::Short | QuotaStatus::NoEntry | QuotaStatus::CannotTell
        ) {
            let status = quota::required_status(after.entries, after.pending, after.quota_min);
            after.status = status.code().into();
            after.meets_quota = status == QuotaStatus::Met;
            after.owes_letter = status == QuotaStatus::NoEntry && self.letter_if_none;
        }
        after.evidence = after.sentence(lang)?;
        Some(after)
    }

    /// Short of a required quota (`short` or `no-entry`): listed in the minutes and on the
    /// command line.
    pub fn is_short(&self) -> bool {
        matches!(self.status.as_str(), "short" | "no-entry")
    }

    /// A unit that sent nothing owes the organizer a letter explaining why, when the plan
    /// says so (the QUOTA rule decides).
    pub fn owes_explanation(&self) -> bool {
        self.owes_letter
    }

    /// The QUOTA rule's sentence for this unit written again in `lang` from the unit's facts
    /// (`check::quota::sentence`, the function the rule wrote `evidence` with), so it says
    /// in `lang` what `evidence` says in the report's language. `None` when the facts are not
    /// all here: a report.json written before they were kept (no `quota_note` for a unit
    /// with a quota, or fewer ids than the totals call for), or a status it does not know.
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        use crate::check::quota::{self, MAX_IDS, QuotaStatus};
        let status = QuotaStatus::from_code(&self.status)?;
        let note = match (status, &self.quota_note) {
            (QuotaStatus::NoQuota, _) => "",
            (_, Some(note)) => note.as_str(),
            (_, None) => return None,
        };
        let complete = |listed: usize, total: usize| listed == total.min(MAX_IDS);
        if !complete(self.counted_ids.len(), self.entries)
            || !complete(self.pending_ids.len(), self.pending)
            || !complete(self.not_counted_entries.len(), self.not_counted)
        {
            return None;
        }
        let pairs: Vec<(&str, &str)> = self
            .not_counted_entries
            .iter()
            .map(|e| (e.id.as_str(), e.code.as_str()))
            .collect();
        let facts = quota::SentenceFacts {
            note,
            counted_ids: &self.counted_ids,
            pending_ids: &self.pending_ids,
            not_counted_entries: &pairs,
            ..self.counts(status)
        };
        Some(quota::sentence(&facts, lang))
    }

    /// Whether `evidence` reads as the QUOTA rule writes in `lang`: it begins as the rule
    /// begins this unit's sentence in `lang` (from its status and counts), up to the plan's
    /// words, which are quoted as written in either language. For a report.json that does not
    /// say its language ([`Report::lang`]).
    pub fn evidence_reads_as(&self, lang: Lang) -> bool {
        use crate::check::quota::{self, QuotaStatus};
        /// Stands for the plan's words; no sentence holds it.
        const MARK: &str = "\u{1}";
        let Some(status) = QuotaStatus::from_code(&self.status) else {
            return false;
        };
        let facts = quota::SentenceFacts {
            note: MARK,
            ..self.counts(status)
        };
        let probe = quota::sentence(&facts, lang);
        let head = probe.split(MARK).next().unwrap_or_default();
        !head.is_empty() && self.evidence.trim_start().starts_with(head)
    }

    /// The unit's status and totals as the QUOTA sentence reads them, without the plan's
    /// words and ids.
    fn counts(
        &self,
        status: crate::check::quota::QuotaStatus,
    ) -> crate::check::quota::SentenceFacts<'_> {
        crate::check::quota::SentenceFacts {
            status,
            quota_min: u32::try_from(self.quota_min).unwrap_or(u32::MAX),
            note: "",
            owes_letter: self.owes_letter,
            counted_for: self.counted_for.as_deref(),
            counted: self.entries,
            from_units_below: self.from_units_below,
            pending: self.pending,
            not_counted: self.not_counted,
            counted_ids: &[],
            pending_ids: &[],
            not_counted_entries: &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_serializes_as_its_code() {
        for v in Verdict::ALL {
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
        assert_eq!(e.verdict, Verdict::Resubmit);
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
    fn passages_are_located_by_page_and_paragraph_on_that_page() {
        // Paragraphs at 0, 10, 20 on page 1 and 30, 40 on page 2 (0-based pages in the model).
        let layout = Layout {
            paragraphs: vec![(0, 1), (10, 1), (20, 1), (30, 2), (40, 2)],
        };
        assert_eq!(
            layout.locate(25),
            Some(Location {
                page: Some(1),
                paragraph: 3
            })
        );
        assert_eq!(
            layout.locate(41),
            Some(Location {
                page: Some(2),
                paragraph: 2
            })
        );
        assert_eq!(layout.locate(0).map(|l| l.paragraph), Some(1));
        assert_eq!(
            layout.locate(30).map(|l| l.words(Lang::Vi)),
            Some("trang 2, đoạn 1".to_string())
        );
        let plain = Layout::of_text("Một.\n\nHai.\nBa.");
        assert_eq!(
            plain.locate(8).map(|l| l.words(Lang::Vi)),
            Some("đoạn 2".to_string())
        );
        assert_eq!(Layout::default().locate(5), None);
    }

    #[test]
    fn counts_add_up_and_identical_files_group() {
        let mut report = Report::new("p", "t");
        for (id, verdict, hash) in [
            ("A", Verdict::Pass, Some("h1")),
            ("B", Verdict::Fail, Some("h2")),
            ("C", Verdict::Resubmit, None),
            ("D", Verdict::Fail, Some("h2")),
        ] {
            report.entries.push(EntryReport {
                id: id.into(),
                verdict,
                content_hash: hash.map(String::from),
                ..EntryReport::default()
            });
        }
        let total: usize = report.verdict_counts().iter().map(|(_, n)| n).sum();
        assert_eq!(total, 4);
        assert_eq!(report.identical_files(), vec![vec!["B", "D"]]);
    }

    #[test]
    fn the_corpus_is_stated_and_an_empty_one_is_noticed() {
        let info = CorpusInfo::count(
            "/srv/soloai-data/idx",
            ["applied", "template", "applied", "past-entry"],
        );
        // The folder's name, never where it lies on the machine.
        assert_eq!(
            info.sentence(Lang::Vi),
            "Kho đối chiếu idx: 4 tài liệu (2 mô hình đã áp dụng, 1 bài dự thi trước, 1 văn bản mẫu)"
        );
        assert!(!info.is_empty());
        assert!(CorpusInfo::count("./idx", ["template"]).is_empty());
        assert!(CorpusInfo::count("./idx", []).is_empty());
    }

    #[test]
    fn new_report_carries_the_schema() {
        let report = Report::new("hung-yen-2024", "2024-06-01T00:00:00Z");
        assert_eq!(report.schema, SCHEMA);
        assert!(!report.has_flags());
    }
}
