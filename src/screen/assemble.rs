//! Turning what the stages found into the report the council reads: one `EntryReport` per
//! entry with its checks, eligibility findings, matches, flags and overall verdict, and one
//! `UnitQuota` per unit.
//!
//! This module only assembles. What a rule's verdict does is the rule's own property
//! ([`check::Effect`]): a failed rule with a flag code raises that flag (cảnh báo), which makes
//! the entry "Không đạt"; a "cannot tell" of a rule that holds makes it "Chưa xác định" instead
//! of "Đạt" (never a false pass). Besides the rules' flags:
//! - a file that cannot be read (`ERROR`), a scan with no text layer (`NEEDS-OCR`);
//! - copying, decided by copy detection (`copies.rs`): `COPY`, `CORPUS-COPY`, `IDEA`,
//!   `RECYCLED-NO-STATEMENT`, `RECYCLED-AWARDED`.
//!
//! Quotas (QUOTA, `check::quota`) count each entry's standing, which the rules' effects decide
//! (unreadable or failing a rule of who may enter, when and where: not counted; eligible but
//! not passing, with a flag for the council or a check that cannot tell: pending).

use crate::check::eligibility::{
    self, ContestFacts, EntryFacts, EntryFile, FileKind, Peer, Peers, SameText,
};
use crate::check::quota::{self, QuotaEntry, QuotaStatus, Standing};
use crate::check::{self, CheckResult, Effect};
use crate::compare::Source;
use crate::index::CorpusDoc;
use crate::lang::Lang;
use crate::manifest::{Date, ExcludedPerson, ExpectedUnit, ManifestError, UnitTree};
use crate::profile::ContestProfile;
use crate::report::{
    CheckView, EntryReport, EntryStatus, Flag, InputProblem, NotCountedEntry, Report, UnitQuota,
    Verdict,
};

use super::EntryWork;
use super::copies::Copies;

pub struct Context<'a> {
    pub profile: &'a ContestProfile,
    /// The excluded-persons list; `None` when none was given.
    pub excluded: Option<&'a [ExcludedPerson]>,
    pub units: &'a [ExpectedUnit],
    /// `--deadline`: the last day accepted, instead of the profile's date.
    pub deadline: Option<Date>,
    /// Rows of the input lists that could not be read.
    pub input_problems: &'a [ManifestError],
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
    report.lang = Some(ctx.lang);
    report.contest.name = ctx.profile.title.clone();
    report.contest.organizer = ctx.profile.organizer.clone();
    report.contest.plan = ctx.profile.plan_reference.clone();
    report.thresholds = ctx.profile.compare.clone();

    // Units: those expected, then every unit an entry names, placed in the tree.
    let agency = ctx.profile.eligibility.agency.first().map(String::as_str);
    let mut tree = UnitTree::new(ctx.units, agency);
    let placed: Vec<(Option<usize>, Option<usize>)> = work
        .iter()
        .map(|w| {
            let row = w.row.as_ref();
            let point = row
                .and_then(|r| r.receiving_point.as_deref())
                .map(|p| tree.place(p, None));
            let unit = row
                .and_then(|r| r.unit.as_deref().map(|u| (u, r.unit_kind)))
                .or_else(|| w.cover.unit.as_deref().map(|u| (u, None)))
                .map(|(u, k)| tree.place(u, k));
            (point, unit)
        })
        .collect();
    let peers = Peers::new(
        work.iter()
            .map(|w| Peer {
                id: w.id.clone(),
                title: w.row.as_ref().and_then(|r| r.title.clone()),
                authors: authors_of(w),
                receiving_point: w.row.as_ref().and_then(|r| r.receiving_point.clone()),
            })
            .collect(),
    );
    let contest = ContestFacts {
        profile: ctx.profile,
        excluded: ctx.excluded,
        units: &tree,
        deadline_override: ctx.deadline,
        peers: &peers,
        lang: ctx.lang,
    };
    let mut quota_entries = Vec::with_capacity(work.len());
    for (w, entry) in work.iter().enumerate() {
        let (out, standing) = entry_report(w, entry, work, copies, corpus, &contest, ctx);
        quota_entries.push(QuotaEntry {
            id: entry.id.clone(),
            receiving_point: placed[w].0,
            author_unit: placed[w].1,
            standing,
        });
        report.entries.push(out);
    }
    report.units = quota::check_quotas(ctx.profile, &tree, &quota_entries, ctx.lang)
        .into_iter()
        .map(unit_view)
        .collect();
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
    report.input_problems = ctx
        .input_problems
        .iter()
        .map(|p| InputProblem {
            file: p
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            line: p.line,
            column: p.column.clone(),
            code: p.code().into(),
            message: p.message(ctx.lang),
        })
        .collect();
    report
}

fn unit_view(u: quota::UnitResult) -> UnitQuota {
    UnitQuota {
        unit: u.unit,
        unit_kind: u.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
        entries: u.counted,
        quota_min: u.quota_min as usize,
        meets_quota: matches!(
            u.status,
            QuotaStatus::Met | QuotaStatus::Encouraged | QuotaStatus::NoQuota
        ),
        status: u.status.code().into(),
        required: u.required,
        from_units_below: u.from_units_below,
        pending: u.pending,
        not_counted: u.not_counted,
        owes_letter: u.owes_letter,
        letter_if_none: u.letter_if_none,
        counted_for: u.counted_for,
        quota_note: u.quota_note,
        counted_ids: u.counted_ids,
        pending_ids: u.pending_ids,
        not_counted_entries: u
            .not_counted_entries
            .into_iter()
            .map(|e| NotCountedEntry {
                id: e.id,
                code: e.code,
            })
            .collect(),
        evidence: u.result.evidence,
    }
}

/// Every file of the entry with its kind and size (as discovery found them), main document
/// first.
fn entry_files(entry: &EntryWork) -> Vec<EntryFile> {
    let rel = |p: &std::path::Path| -> String {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if entry.rel_path.ends_with(&name) {
            entry.rel_path.clone()
        } else {
            format!("{}/{name}", entry.rel_path.trim_end_matches('/'))
        }
    };
    let mut out = Vec::new();
    if let Some(main) = &entry.main {
        out.push(EntryFile {
            name: rel(main),
            kind: FileKind::of(main),
            bytes: std::fs::metadata(main).map(|m| m.len()).unwrap_or(0),
            main: true,
        });
    }
    for a in &entry.attachments {
        out.push(EntryFile {
            name: rel(&a.path),
            kind: a.kind,
            bytes: a.size,
            main: false,
        });
    }
    out
}

fn flag_from(result: &CheckResult, effect: Effect, flags: &mut Vec<Flag>) {
    if result.verdict == check::Verdict::Fail
        && let Some(code) = effect.flag
    {
        flags.push(Flag {
            code: code.into(),
            message: result.evidence.clone(),
            evidence: String::new(),
        });
    }
}

fn entry_report(
    w: usize,
    entry: &EntryWork,
    work: &[EntryWork],
    copies: &Copies,
    corpus: &[CorpusDoc],
    contest: &ContestFacts<'_>,
    ctx: &Context<'_>,
) -> (EntryReport, Standing) {
    let lang = ctx.lang;
    let row = entry.row.as_ref();
    let mut out = EntryReport {
        id: entry.id.clone(),
        file: entry.rel_path.clone(),
        declared_area: row.and_then(|r| r.area.clone()),
        receiving_point: row.and_then(|r| r.receiving_point.clone()),
        submitted: row.and_then(|r| r.submitted).map(Date::iso),
        title: row.and_then(|r| r.title.clone()),
        unit: row
            .and_then(|r| r.unit.clone())
            .or_else(|| entry.cover.unit.clone()),
        authors: authors_of(entry),
        ..EntryReport::default()
    };
    let files = entry_files(entry);
    let doc = entry.doc.as_ref().ok();
    // A video, pictures or software sent without a document is not a broken file: ATTACHMENTS
    // says it needs its Word summary.
    let media_only = doc.is_none()
        && files.iter().any(|f| eligibility::is_media(f.kind))
        && files
            .iter()
            .all(|f| !f.main || eligibility::is_media(f.kind));
    if let Err(e) = &entry.doc
        && !media_only
    {
        out.status = EntryStatus::Error;
        let message = e.message(lang);
        out.error = Some(message.clone());
        out.flags.push(Flag {
            code: "ERROR".into(),
            message,
            evidence: e.kind.code().into(),
        });
    }
    if let Some(doc) = doc {
        out.set_document(doc, lang);
        out.ocr = crate::report::model::OcrNote::of(doc);
        if out.title.is_none() {
            out.title = doc.metadata.title.clone().filter(|t| !t.trim().is_empty());
        }
        if doc.needs_ocr {
            out.flags.push(Flag {
                code: "NEEDS-OCR".into(),
                message: lang.words().screening.needs_ocr.into(),
                evidence: doc.file.display().to_string(),
            });
        }
    }

    // Form and content rules (run by the screen stage on the text).
    let mut holds = false;
    for c in &entry.checks {
        let effect = check::rule_effect(&c.code).unwrap_or(Effect::flag("?"));
        flag_from(c, effect, &mut out.flags);
        holds |= effect.holds && c.verdict == check::Verdict::CannotTell;
        if c.code == "AREA" {
            out.area = c
                .data
                .get("best")
                .and_then(|v| v.as_str())
                .map(String::from);
            out.area_confidence = c.data.get("confidence").and_then(|v| v.as_f64());
        }
        out.checks.push(check_view(c));
    }

    // Eligibility rules.
    let same_text = same_text_elsewhere(w, work, copies);
    let facts = EntryFacts {
        id: &entry.id,
        row,
        doc,
        cover: &entry.cover,
        attachment_docs: &entry.attachment_docs,
        files: &files,
        same_text: &same_text,
    };
    let results = eligibility::run_entry_rules(&facts, contest);
    let effects: Vec<Effect> = eligibility::ALL.iter().map(|r| r.effect()).collect();
    for (r, effect) in results.iter().zip(&effects) {
        flag_from(r, *effect, &mut out.flags);
        holds |= effect.holds && r.verdict == check::Verdict::CannotTell;
        out.eligibility.push(check_view(r));
    }
    let eligibility_standing = Standing::of(
        doc.is_some(),
        &results
            .iter()
            .zip(effects.iter().copied())
            .collect::<Vec<_>>(),
    );

    if doc.is_some() {
        copying(w, work, copies, corpus, ctx, &mut out);
    }

    out.verdict = if out.status == EntryStatus::Error {
        // Nothing was judged: the author must send the file again (not "Không đạt").
        Verdict::Resubmit
    } else if !out.flags.is_empty() {
        Verdict::Fail
    } else if holds || media_only {
        Verdict::CannotTell
    } else {
        Verdict::Pass
    };
    out.forward = out.verdict == Verdict::Pass;
    // A quota counts the entries a unit can send up ("bài dự thi có chất lượng"): an eligible
    // entry not passing yet (a flag the council has to weigh, or a check that cannot tell)
    // waits with the pending ones.
    let standing = match eligibility_standing {
        Standing::Counted if out.verdict != Verdict::Pass => Standing::Pending(
            out.flags
                .first()
                .map_or_else(|| "HOLD".to_string(), |f| f.code.clone()),
        ),
        other => other,
    };
    (out, standing)
}

/// Entries copy detection found sent to another receiving point with the same text (its
/// receiving-point findings), for RECEIVING-POINT-DUPLICATE.
fn same_text_elsewhere(w: usize, work: &[EntryWork], copies: &Copies) -> Vec<SameText> {
    let Some(i) = copies.input_of.get(w).copied().flatten() else {
        return Vec::new();
    };
    copies
        .findings_for(w)
        .into_iter()
        .filter(|f| f.code.as_str() == "RECEIVING-POINT-DUPLICATE")
        .filter_map(|f| {
            let other = if f.entry == i {
                match f.source {
                    Source::Entry(j) => j,
                    Source::Corpus(_) => return None,
                }
            } else {
                f.entry
            };
            let other = &work[*copies.work_of.get(other)?];
            Some(SameText {
                other_id: other.id.clone(),
                other_point: other.row.as_ref().and_then(|r| r.receiving_point.clone()),
                share: f.entry_share,
            })
        })
        .collect()
}

/// Copy detection's matches and flags for one readable entry: decided in `copies` (one flag
/// per kind), only copied in here.
fn copying(
    w: usize,
    work: &[EntryWork],
    copies: &Copies,
    corpus: &[CorpusDoc],
    ctx: &Context<'_>,
    out: &mut EntryReport,
) {
    let copying = copies.entry_copying(w, work, corpus, ctx.profile, ctx.lang);
    out.originality = copying.originality;
    out.excluded = copying.excluded;
    out.flags.extend(copying.flags);
    out.matches = copying.matches;
    out.matches_more = copying.matches_more;
    out.passages = copying.passages;
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
