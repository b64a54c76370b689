//! Turning what the stages found into the report the council reads: one `EntryReport` per
//! entry with its checks, eligibility findings, matches, flags and overall verdict.
//!
//! What becomes a flag (cảnh báo), and so makes an entry "Không đạt":
//! - a file that cannot be read (`ERROR`), a scan with no text layer (`NEEDS-OCR`);
//! - a failed form rule (`FORM-*`, `COVER-*`, `GROUP-MEMBERS`), cited by its own code;
//! - a detected area that differs from the declared one (`AREA-MISMATCH`);
//! - copying: from another entry (`COPY`), from an applied or published model
//!   (`CORPUS-COPY`), the same idea as such a model (`IDEA`);
//! - the rules on recycled entries and receiving points (`RECYCLED-NO-STATEMENT`,
//!   `RECYCLED-AWARDED`, `RECEIVING-POINT-DUPLICATE`);
//! - eligibility: `LATE`, `EXCLUDED-PERSON`, `GROUP-KIND` (manifest says group/individual but
//!   the authors say otherwise).
//!
//! A rule that could not see what it needs ("cannot tell") is not a flag, but the entry's
//! verdict is then "Chưa xác định" instead of "Đạt": never a false pass.

use crate::check::{self, CheckResult};
use crate::index::CorpusDoc;
use crate::lang::Lang;
use crate::manifest::{EntryKind, ExcludedPerson};
use crate::profile::ContestProfile;
use crate::report::{CheckView, EntryReport, EntryStatus, Flag, Report, UnitQuota, Verdict};

use super::EntryWork;
use super::copies::Copies;
use super::eligibility::{self, Date};
use super::inputs::ExpectedUnit;

/// Rules whose failure is a flag; AREA and REVISION-STATEMENT are informational.
const FLAGGED_RULES: &[&str] = &[
    "FORM-FONT",
    "FORM-SIZE",
    "FORM-PAGENUM",
    "COVER-NAME",
    "COVER-POSITION",
    "COVER-UNIT",
    "COVER-PHONE",
    "GROUP-MEMBERS",
];

pub struct Context<'a> {
    pub profile: &'a ContestProfile,
    pub excluded: &'a [ExcludedPerson],
    pub units: &'a [ExpectedUnit],
    pub deadline: Option<Date>,
    pub lang: Lang,
    pub generated_at: String,
}

pub fn build_report(
    work: &[EntryWork],
    copies: &Copies,
    corpus: &[CorpusDoc],
    ctx: &Context<'_>,
) -> Report {
    let mut report = Report::new(ctx.profile.name.clone(), ctx.generated_at.clone());
    report.contest.name = ctx.profile.title.clone();
    report.contest.organizer = ctx.profile.organizer.clone();
    report.thresholds = ctx.profile.compare.clone();
    for (w, entry) in work.iter().enumerate() {
        report
            .entries
            .push(entry_report(w, entry, work, copies, corpus, ctx));
    }
    report.units = unit_quotas(work, ctx);
    report.clusters = copies
        .detection
        .clusters
        .iter()
        .map(|c| {
            c.iter()
                .filter_map(|&i| copies.work_of.get(i).map(|&w| work[w].id.clone()))
                .collect()
        })
        .collect();
    report
}

fn entry_report(
    w: usize,
    entry: &EntryWork,
    work: &[EntryWork],
    copies: &Copies,
    corpus: &[CorpusDoc],
    ctx: &Context<'_>,
) -> EntryReport {
    let lang = ctx.lang;
    let row = entry.row.as_ref();
    let mut out = EntryReport {
        id: entry.id.clone(),
        file: entry.rel_path.clone(),
        declared_area: row.and_then(|r| r.area.clone()),
        receiving_point: row.and_then(|r| r.receiving_point.clone()),
        submitted: row.and_then(|r| r.submitted.clone()),
        title: row.and_then(|r| r.title.clone()),
        unit: row
            .and_then(|r| r.unit.clone())
            .or_else(|| entry.cover.unit.clone()),
        authors: authors_of(entry),
        ..EntryReport::default()
    };
    let doc = match &entry.doc {
        Ok(doc) => doc,
        Err(e) => {
            out.status = EntryStatus::Error;
            let message = e.message(lang);
            out.error = Some(message.clone());
            out.flags.push(Flag {
                code: "ERROR".into(),
                message,
                evidence: e.kind.code().into(),
            });
            // Nothing was judged: the author must send the file again (not "Không đạt").
            out.verdict = Verdict::Resubmit;
            out.eligibility = eligibility_checks(entry, ctx, &mut out.flags);
            return out;
        }
    };
    out.set_document(doc);
    if out.title.is_none() {
        out.title = doc.metadata.title.clone().filter(|t| !t.trim().is_empty());
    }
    if doc.needs_ocr {
        out.flags.push(Flag {
            code: "NEEDS-OCR".into(),
            message: lang
                .pick(
                    "Bản quét, không có lớp chữ: cần nhận dạng ký tự (OCR) trước khi sơ loại.",
                    "Scanned pages without a text layer: run OCR before screening.",
                )
                .into(),
            evidence: doc.file.display().to_string(),
        });
    }

    // Form and content checks.
    for c in &entry.checks {
        if c.verdict == check::Verdict::Fail && FLAGGED_RULES.contains(&c.code.as_str()) {
            out.flags.push(Flag {
                code: c.code.clone(),
                message: c.evidence.clone(),
                evidence: String::new(),
            });
        }
        if c.code == "AREA" {
            out.area = c
                .data
                .get("best")
                .and_then(|v| v.as_str())
                .map(String::from);
            out.area_confidence = c.data.get("confidence").and_then(|v| v.as_f64());
            if c.verdict == check::Verdict::Fail {
                out.flags.push(Flag {
                    code: "AREA-MISMATCH".into(),
                    message: c.evidence.clone(),
                    evidence: String::new(),
                });
            }
        }
        out.checks.push(check_view(c));
    }
    out.eligibility = eligibility_checks(entry, ctx, &mut out.flags);

    // Copying: decided in `copies` (one flag per kind), only copied in here.
    let copying = copies.entry_copying(w, work, corpus, ctx.profile, lang);
    out.originality = copying.originality;
    out.excluded = copying.excluded;
    out.flags.extend(copying.flags);
    out.matches = copying.matches;
    out.passages = copying.passages;

    out.verdict = if !out.flags.is_empty() {
        Verdict::Fail
    } else if entry.checks.iter().any(|c| {
        c.verdict == check::Verdict::CannotTell && FLAGGED_RULES.contains(&c.code.as_str())
    }) {
        Verdict::CannotTell
    } else {
        Verdict::Pass
    };
    out.forward = out.verdict == Verdict::Pass;
    out
}

fn check_view(c: &CheckResult) -> CheckView {
    CheckView {
        code: c.code.clone(),
        verdict: match c.verdict {
            check::Verdict::Pass => Verdict::Pass,
            check::Verdict::Fail => Verdict::Fail,
            check::Verdict::CannotTell => Verdict::CannotTell,
        },
        evidence: c.evidence.clone(),
        data: c.data.clone(),
    }
}

/// Authors from the manifest, else from the cover page.
fn authors_of(entry: &EntryWork) -> Vec<String> {
    if let Some(r) = &entry.row
        && !r.authors.is_empty()
    {
        return r.authors.clone();
    }
    if !entry.cover.members.is_empty() {
        return entry.cover.members.clone();
    }
    entry.cover.name.clone().into_iter().collect()
}

/// LATE, EXCLUDED-PERSON and GROUP-KIND as check views; failures also become flags.
fn eligibility_checks(
    entry: &EntryWork,
    ctx: &Context<'_>,
    flags: &mut Vec<Flag>,
) -> Vec<CheckView> {
    let lang = ctx.lang;
    let mut out = Vec::new();
    let mut push = |code: &str, verdict: Verdict, evidence: String, data: serde_json::Value| {
        if verdict == Verdict::Fail {
            flags.push(Flag {
                code: code.into(),
                message: evidence.clone(),
                evidence: String::new(),
            });
        }
        out.push(CheckView {
            code: code.into(),
            verdict,
            evidence,
            data,
        });
    };
    let row = entry.row.as_ref();

    // LATE
    let submitted = row
        .and_then(|r| r.submitted.as_deref())
        .and_then(Date::parse);
    match (submitted, ctx.deadline) {
        (Some(s), Some(d)) if s > d => push(
            "LATE",
            Verdict::Fail,
            format!(
                "{} {s}, {} {d}.",
                lang.pick("Nộp ngày", "Submitted on"),
                lang.pick("sau thời hạn", "after the deadline")
            ),
            serde_json::json!({"submitted": s.to_string(), "deadline": d.to_string()}),
        ),
        (Some(s), Some(d)) => push(
            "LATE",
            Verdict::Pass,
            format!(
                "{} {s}, {} {d}.",
                lang.pick("Nộp ngày", "Submitted on"),
                lang.pick("trong thời hạn", "within the deadline")
            ),
            serde_json::json!({"submitted": s.to_string(), "deadline": d.to_string()}),
        ),
        _ => push(
            "LATE",
            Verdict::CannotTell,
            lang.pick(
                "Không có ngày nộp trong danh sách bài dự thi.",
                "No submission date in the manifest.",
            )
            .into(),
            serde_json::Value::Null,
        ),
    }

    // EXCLUDED-PERSON
    let authors = authors_of(entry);
    if !ctx.excluded.is_empty() && !authors.is_empty() {
        let people: Vec<(String, String)> = ctx
            .excluded
            .iter()
            .map(|p| (p.name.clone(), p.role.clone()))
            .collect();
        let found = eligibility::match_excluded(&authors, &people);
        if found.is_empty() {
            push(
                "EXCLUDED-PERSON",
                Verdict::Pass,
                lang.pick(
                    "Không tác giả nào thuộc danh sách không được dự thi.",
                    "No author is on the list of persons who may not enter.",
                )
                .into(),
                serde_json::Value::Null,
            );
        } else {
            let text = found
                .iter()
                .map(|m| {
                    format!(
                        "{} ≈ {} ({}, {}: {:.2})",
                        m.author,
                        m.person,
                        m.role,
                        lang.pick("độ giống", "score"),
                        m.score
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let data = serde_json::json!(found
                .iter()
                .map(|m| serde_json::json!({"author": m.author, "person": m.person, "role": m.role, "score": m.score}))
                .collect::<Vec<_>>());
            push(
                "EXCLUDED-PERSON",
                Verdict::Fail,
                format!(
                    "{}: {text}",
                    lang.pick(
                        "Tác giả trùng tên thành viên Ban Tổ chức/Ban Giám khảo/Tổ giúp việc",
                        "Author matches a member of the organizers/jury/support team"
                    )
                ),
                data,
            );
        }
    }

    // GROUP-KIND: the manifest's individual/group against the number of authors.
    if let Some(kind) = row.and_then(|r| r.kind) {
        let n = authors.len();
        let ok = match kind {
            EntryKind::Group => n >= 2,
            EntryKind::Individual => n <= 1,
        };
        if n > 0 {
            push(
                "GROUP-KIND",
                if ok { Verdict::Pass } else { Verdict::Fail },
                format!(
                    "{}: {}; {}: {n}.",
                    lang.pick("Hình thức đăng ký", "Registered as"),
                    match kind {
                        EntryKind::Group => lang.pick("nhóm tác giả", "group"),
                        EntryKind::Individual => lang.pick("cá nhân", "individual"),
                    },
                    lang.pick("số tác giả", "authors"),
                ),
                serde_json::json!({"kind": kind, "authors": n}),
            );
        }
    }
    out
}

/// Quotas count what each receiving unit forwards (Lạng Sơn §III.4: "mỗi đơn vị gửi ít nhất
/// …", a district's count including its communes' entries), so entries are tallied by their
/// receiving point, or by the author's unit when the manifest names no receiving point.
fn unit_quotas(work: &[EntryWork], ctx: &Context<'_>) -> Vec<UnitQuota> {
    let kind_of = |name: &str| {
        let key = crate::normalize::fold_key(name);
        ctx.units
            .iter()
            .find(|u| crate::normalize::fold_key(&u.unit) == key)
            .and_then(|u| u.unit_kind.clone())
            .or_else(|| infer_unit_kind(name))
    };
    let entry_units: Vec<(String, Option<String>)> = work
        .iter()
        .filter_map(|w| {
            let row = w.row.as_ref()?;
            match &row.receiving_point {
                Some(point) => Some((point.clone(), kind_of(point))),
                // The manifest reader already gives the profile's unit-kind names.
                None => Some((row.unit.clone()?, row.unit_kind.clone())),
            }
        })
        .collect();
    let expected: Vec<(String, Option<String>)> = ctx
        .units
        .iter()
        .map(|u| (u.unit.clone(), u.unit_kind.clone()))
        .collect();
    // Only required quotas are checked; an encouraged one ("khuyến khích … ít nhất 01 bài")
    // is no failing.
    let quota = |kind: &str| {
        ctx.profile
            .quota(kind)
            .filter(|q| q.required)
            .map(|q| q.min_entries)
    };
    eligibility::tally_units(&entry_units, &expected, quota)
        .into_iter()
        .map(|t| UnitQuota {
            meets_quota: t.meets_quota().unwrap_or(true),
            quota_min: t.quota_min.unwrap_or(0) as usize,
            unit: t.unit,
            unit_kind: t.unit_kind.unwrap_or_default(),
            entries: t.entries,
        })
        .collect()
}

/// The unit kind a unit's name says: "Sở …" a department, "UBND huyện/thành phố/thị xã …" a
/// district-level unit, "UBND xã/phường/thị trấn …" a commune.
pub fn infer_unit_kind(name: &str) -> Option<String> {
    let k = crate::normalize::fold_key(name);
    let k = k.replace("uy ban nhan dan", "ubnd");
    let kind = if k.starts_with("so ") || k.starts_with("ban ") {
        "department"
    } else if ["ubnd huyen", "ubnd thanh pho", "ubnd thi xa"]
        .iter()
        .any(|p| k.starts_with(p))
    {
        "district"
    } else if ["ubnd xa", "ubnd phuong", "ubnd thi tran"]
        .iter()
        .any(|p| k.starts_with(p))
    {
        "commune"
    } else {
        return None;
    };
    Some(kind.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_kinds_from_names() {
        assert_eq!(infer_unit_kind("Sở Tư pháp").as_deref(), Some("department"));
        assert_eq!(
            infer_unit_kind("UBND huyện Cao Lộc").as_deref(),
            Some("district")
        );
        assert_eq!(
            infer_unit_kind("Ủy ban nhân dân thành phố Lạng Sơn").as_deref(),
            Some("district")
        );
        assert_eq!(
            infer_unit_kind("UBND xã Thạch Đạn").as_deref(),
            Some("commune")
        );
        assert_eq!(infer_unit_kind("Trường THPT Việt Bắc"), None);
    }
}
