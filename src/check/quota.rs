//! QUOTA — each unit sends at least the entries the plan asks of its kind.
//!
//! Lạng Sơn III.4: "a) Các Sở, ban, ngành: Mỗi đơn vị gửi ít nhất 01 bài dự thi có chất lượng.
//! b) UBND cấp huyện: Mỗi đơn vị gửi ít nhất 03 bài dự thi có chất lượng (gồm cả bài dự thi
//! của UBND cấp xã). * Lưu ý: Trong trường hợp cơ quan, đơn vị không có bài dự thi phải có văn
//! bản giải trình ghi rõ lý do … c) Khuyến khích mỗi tổ chức chính trị - xã hội, tổ chức xã hội
//! thuộc tỉnh, cơ quan Trung ương đóng trên địa bàn tỉnh tham gia ít nhất 01 bài dự thi."
//! Hưng Yên II.5: "Mỗi phòng chuyên môn nghiệp vụ, đơn vị thuộc Ban phải có ít nhất 01 bài dự
//! thi của cá nhân hoặc nhóm tác giả."
//!
//! What it checks, per unit of a kind with a quota (`[[quotas]]`): the entries that count for it
//! — by the unit that received them or by the author's unit (`counted_by`), with those of units
//! below it when the plan says so (`includes_units_below`: a commune's entries count for its
//! district) — that are readable and eligible. Entries that could not be read, or that fail a
//! rule deciding who may enter, when or where ([`Effect::ineligible`]), do not count; entries
//! still "cannot tell" on such a rule are counted apart as pending.
//!
//! Verdict: pass when the count reaches the quota; fail when it does not (with "owes an
//! explanation letter" when there is none and `letter_if_none`); cannot tell when only pending
//! entries would reach it. An encouraged quota (`required = false`, "khuyến khích") always
//! passes and says "khuyến khích". Units of kinds without a quota are listed when they received
//! entries or are in `units.csv`, saying which unit counts them.
//!
//! One result per unit feeds every report (dashboard, report.json, minutes, command line), so
//! they cannot disagree.

use serde::Serialize;
use serde_json::json;

use super::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::{UnitKind, UnitTree};
use crate::profile::{ContestProfile, CountedBy, Quota};

const CODE: &str = "QUOTA";

/// The plan lines QUOTA enforces (for README and `soloai profile show`).
pub const PLAN: &str = "Lạng Sơn III.4 \"Các Sở, ban, ngành: Mỗi đơn vị gửi ít nhất 01 bài dự thi … UBND cấp huyện: Mỗi đơn vị gửi ít nhất 03 bài dự thi có chất lượng (gồm cả bài dự thi của UBND cấp xã)\"; Hưng Yên II.5 \"Mỗi phòng chuyên môn nghiệp vụ, đơn vị thuộc Ban phải có ít nhất 01 bài dự thi\"";

/// Most entry ids named in one unit's evidence.
const MAX_IDS: usize = 12;

/// Whether an entry counts toward quotas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Counted,
    /// A rule deciding eligibility cannot tell yet (code).
    Pending(String),
    /// Unreadable (`ERROR`) or failing a rule deciding eligibility (code).
    NotCounted(String),
}

impl Standing {
    /// An entry's standing from its rule results and whether it was read.
    pub fn of(readable: bool, results: &[(&CheckResult, Effect)]) -> Standing {
        if !readable {
            return Standing::NotCounted("ERROR".into());
        }
        if let Some((r, _)) = results
            .iter()
            .find(|(r, e)| e.ineligible && r.verdict == Verdict::Fail)
        {
            return Standing::NotCounted(r.code.clone());
        }
        if let Some((r, _)) = results
            .iter()
            .find(|(r, e)| e.ineligible && e.holds && r.verdict == Verdict::CannotTell)
        {
            return Standing::Pending(r.code.clone());
        }
        Standing::Counted
    }
}

/// One entry as quotas see it.
#[derive(Debug, Clone)]
pub struct QuotaEntry {
    pub id: String,
    /// The unit it was sent to (index in the tree).
    pub receiving_point: Option<usize>,
    /// The author's unit.
    pub author_unit: Option<usize>,
    pub standing: Standing,
}

/// A unit's standing against its quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuotaStatus {
    /// Enough entries.
    Met,
    /// Some, not enough.
    Short,
    /// None at all.
    NoEntry,
    /// Only pending entries would reach it.
    CannotTell,
    /// An encouraged quota ("khuyến khích"): shown, never failed.
    Encouraged,
    /// The plan sets this kind of unit no quota.
    NoQuota,
}

/// QUOTA's result for one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitResult {
    pub unit: String,
    pub kind: Option<UnitKind>,
    pub quota_min: u32,
    pub required: bool,
    pub status: QuotaStatus,
    /// Entries counted (own and from units below).
    pub counted: usize,
    /// Of those, from units below.
    pub from_units_below: usize,
    pub pending: usize,
    pub not_counted: usize,
    /// A unit with no entry owes the organizer an explanation letter.
    pub owes_letter: bool,
    /// For a unit without a quota: the unit its entries count for.
    pub counted_for: Option<String>,
    /// The verdict and evidence (code QUOTA).
    pub result: CheckResult,
}

fn quota_for(profile: &ContestProfile, kind: Option<UnitKind>) -> Option<&Quota> {
    let kind = kind?;
    profile.quotas.iter().find(|q| q.unit_kind == kind)
}

fn attributed(e: &QuotaEntry, by: CountedBy) -> Option<usize> {
    match by {
        CountedBy::ReceivingPoint => e.receiving_point,
        CountedBy::AuthorUnit => e.author_unit,
    }
}

fn ids(list: &[&QuotaEntry]) -> String {
    let mut s: Vec<&str> = list.iter().take(MAX_IDS).map(|e| e.id.as_str()).collect();
    if list.len() > MAX_IDS {
        s.push("…");
    }
    s.join(", ")
}

/// QUOTA for every unit that has a quota and is expected or counted, and every unit without a
/// quota that entries were attributed to; units in tree order.
pub fn check_quotas(
    profile: &ContestProfile,
    tree: &UnitTree,
    entries: &[QuotaEntry],
    lang: Lang,
) -> Vec<UnitResult> {
    let default_by = profile
        .quotas
        .first()
        .map(|q| q.counted_by)
        .unwrap_or(CountedBy::ReceivingPoint);
    let mut out = Vec::new();
    for (i, unit) in tree.units().iter().enumerate() {
        let quota = quota_for(profile, unit.kind);
        let by = quota.map(|q| q.counted_by).unwrap_or_else(|| {
            // A unit without a quota counts the way the nearest unit above it with one does.
            tree.ancestors(i)
                .into_iter()
                .find_map(|a| quota_for(profile, tree.get(a).and_then(|u| u.kind)))
                .map(|q| q.counted_by)
                .unwrap_or(default_by)
        });
        let own: Vec<&QuotaEntry> = entries
            .iter()
            .filter(|e| attributed(e, by) == Some(i))
            .collect();
        let below: Vec<&QuotaEntry> = match quota {
            Some(q) if q.includes_units_below => entries
                .iter()
                .filter(|e| attributed(e, by).is_some_and(|v| v != i && tree.is_within(v, i)))
                .collect(),
            _ => Vec::new(),
        };
        // A unit without a quota is listed when expected or when an entry counted (or may
        // count) there: a body of the contest an entry was wrongly sent to is not a unit.
        if quota.is_none()
            && !unit.expected
            && !own
                .iter()
                .any(|e| !matches!(e.standing, Standing::NotCounted(_)))
        {
            continue;
        }
        if quota.is_some() && own.is_empty() && below.is_empty() && !unit.expected {
            continue;
        }
        let all: Vec<&QuotaEntry> = own.iter().chain(below.iter()).copied().collect();
        let counted: Vec<&QuotaEntry> = all
            .iter()
            .copied()
            .filter(|e| e.standing == Standing::Counted)
            .collect();
        let pending: Vec<&QuotaEntry> = all
            .iter()
            .copied()
            .filter(|e| matches!(e.standing, Standing::Pending(_)))
            .collect();
        let not_counted: Vec<&QuotaEntry> = all
            .iter()
            .copied()
            .filter(|e| matches!(e.standing, Standing::NotCounted(_)))
            .collect();
        let from_below = below
            .iter()
            .filter(|e| e.standing == Standing::Counted)
            .count();
        out.push(unit_result(
            unit.name.clone(),
            unit.kind,
            quota,
            &counted,
            from_below,
            &pending,
            &not_counted,
            quota
                .is_none()
                .then(|| {
                    tree.ancestors(i)
                        .into_iter()
                        .find(|&a| {
                            quota_for(profile, tree.get(a).and_then(|u| u.kind))
                                .is_some_and(|q| q.includes_units_below)
                        })
                        .and_then(|a| tree.get(a))
                        .map(|u| u.name.clone())
                })
                .flatten(),
            lang,
        ));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn unit_result(
    unit: String,
    kind: Option<UnitKind>,
    quota: Option<&Quota>,
    counted: &[&QuotaEntry],
    from_below: usize,
    pending: &[&QuotaEntry],
    not_counted: &[&QuotaEntry],
    counted_for: Option<String>,
    lang: Lang,
) -> UnitResult {
    let n = counted.len();
    let words = &lang.words().rules.quota;
    let mut tail = String::new();
    if n > 0 {
        let below = if from_below > 0 {
            (words.from_below)(from_below)
        } else {
            String::new()
        };
        tail.push_str(&(words.counted)(&ids(counted), &below));
    }
    if !pending.is_empty() {
        tail.push_str(&(words.pending)(&ids(pending)));
    }
    if !not_counted.is_empty() {
        let why: Vec<String> = not_counted
            .iter()
            .take(MAX_IDS)
            .map(|e| match &e.standing {
                Standing::NotCounted(code) => format!("{} ({code})", e.id),
                _ => e.id.clone(),
            })
            .collect();
        tail.push_str(&(words.not_counted)(&why.join(", ")));
    }
    let data = json!({
        "unit": unit,
        "unit_kind": kind,
        "counted": counted.iter().map(|e| &e.id).collect::<Vec<_>>(),
        "from_units_below": from_below,
        "pending": pending.iter().map(|e| &e.id).collect::<Vec<_>>(),
        "not_counted": not_counted.iter().map(|e| &e.id).collect::<Vec<_>>(),
        "quota_min": quota.map(|q| q.min_entries),
        "required": quota.map(|q| q.required),
    });
    let Some(q) = quota else {
        let evidence = match &counted_for {
            Some(p) => (words.counted_for)(n, p, &tail),
            None => (words.no_quota)(n, &tail),
        };
        return UnitResult {
            unit,
            kind,
            quota_min: 0,
            required: false,
            status: QuotaStatus::NoQuota,
            counted: n,
            from_units_below: from_below,
            pending: pending.len(),
            not_counted: not_counted.len(),
            owes_letter: false,
            counted_for,
            result: CheckResult::new(CODE, Verdict::Pass, evidence, data),
        };
    };
    let min = q.min_entries as usize;
    let need = (words.need)(q.min_entries, &q.note);
    let (status, verdict, head) = if !q.required {
        (
            QuotaStatus::Encouraged,
            Verdict::Pass,
            (words.encouraged)(n, &need),
        )
    } else if n >= min {
        (QuotaStatus::Met, Verdict::Pass, (words.met)(n, &need))
    } else if n + pending.len() >= min {
        (
            QuotaStatus::CannotTell,
            Verdict::CannotTell,
            (words.cannot_tell)(n, pending.len(), &need),
        )
    } else if n == 0 && pending.is_empty() {
        let letter = if q.letter_if_none {
            words.letter_owed
        } else {
            ""
        };
        (
            QuotaStatus::NoEntry,
            Verdict::Fail,
            (words.no_entry)(&need, letter),
        )
    } else {
        (QuotaStatus::Short, Verdict::Fail, (words.short)(n, &need))
    };
    UnitResult {
        unit,
        kind,
        quota_min: q.min_entries,
        required: q.required,
        status,
        counted: n,
        from_units_below: from_below,
        pending: pending.len(),
        not_counted: not_counted.len(),
        owes_letter: status == QuotaStatus::NoEntry && q.letter_if_none,
        counted_for: None,
        result: CheckResult::new(CODE, verdict, format!("{head}{tail}"), data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::ExpectedUnit;

    fn expected(name: &str, kind: UnitKind) -> ExpectedUnit {
        ExpectedUnit {
            line: 0,
            unit: name.into(),
            unit_kind: Some(kind),
            parent: None,
        }
    }

    fn entry(id: &str, point: Option<usize>, author: Option<usize>, s: Standing) -> QuotaEntry {
        QuotaEntry {
            id: id.into(),
            receiving_point: point,
            author_unit: author,
            standing: s,
        }
    }

    #[test]
    fn lang_son_district_counts_its_communes_and_only_eligible_entries() {
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        let mut tree = UnitTree::new(
            &[
                expected("UBND huyện Cao Lộc", UnitKind::District),
                expected("UBND huyện Bắc Sơn", UnitKind::District),
                expected("Sở Tư pháp", UnitKind::Department),
                expected("Hội Nông dân tỉnh", UnitKind::SocialOrganization),
            ],
            None,
        );
        let district = tree.find("UBND huyện Cao Lộc").unwrap();
        let commune = tree.place("UBND xã Thạch Đạn, huyện Cao Lộc", None);
        let entries = vec![
            entry("A", Some(district), None, Standing::Counted),
            entry("B", Some(commune), None, Standing::Counted),
            entry("C", Some(commune), None, Standing::Counted),
            entry(
                "D",
                Some(district),
                None,
                Standing::NotCounted("ERROR".into()),
            ),
        ];
        let r = check_quotas(&p, &tree, &entries, Lang::Vi);
        let get = |u: &str| r.iter().find(|x| x.unit == u).unwrap();
        let cl = get("UBND huyện Cao Lộc");
        assert_eq!(
            (cl.status, cl.counted, cl.from_units_below),
            (QuotaStatus::Met, 3, 2)
        );
        assert!(
            cl.result.evidence.contains("D (ERROR)"),
            "{}",
            cl.result.evidence
        );
        let bs = get("UBND huyện Bắc Sơn");
        assert_eq!(bs.status, QuotaStatus::NoEntry);
        assert!(bs.owes_letter);
        assert_eq!(bs.result.verdict, Verdict::Fail);
        let hoi = get("Hội Nông dân tỉnh");
        assert_eq!(
            (hoi.status, hoi.result.verdict),
            (QuotaStatus::Encouraged, Verdict::Pass)
        );
        assert!(hoi.result.evidence.starts_with("Khuyến khích"));
        let xa = get("UBND xã Thạch Đạn, huyện Cao Lộc");
        assert_eq!(xa.status, QuotaStatus::NoQuota);
        assert_eq!(xa.counted_for.as_deref(), Some("UBND huyện Cao Lộc"));
    }

    #[test]
    fn hung_yen_counts_by_the_authors_division_and_asks_no_letter() {
        let p = ContestProfile::builtin("hung-yen-2024").unwrap();
        let tree = UnitTree::new(
            &[
                expected("Văn phòng Ban", UnitKind::InternalDivision),
                expected("Phòng Quản lý doanh nghiệp", UnitKind::InternalDivision),
                expected("Phòng Quản lý đầu tư", UnitKind::InternalDivision),
            ],
            Some("Ban Quản lý các khu công nghiệp tỉnh Hưng Yên"),
        );
        let vp = tree.find("Văn phòng Ban").unwrap();
        let dn = tree.find("Phòng Quản lý doanh nghiệp").unwrap();
        let entries = vec![
            entry("H1", Some(vp), Some(dn), Standing::Counted),
            entry(
                "H2",
                Some(vp),
                Some(vp),
                Standing::Pending("ELIGIBLE-AUTHOR".into()),
            ),
        ];
        let r = check_quotas(&p, &tree, &entries, Lang::Vi);
        let get = |u: &str| r.iter().find(|x| x.unit == u).unwrap();
        assert_eq!(get("Phòng Quản lý doanh nghiệp").status, QuotaStatus::Met);
        assert_eq!(get("Văn phòng Ban").status, QuotaStatus::CannotTell);
        let dt = get("Phòng Quản lý đầu tư");
        assert_eq!(dt.status, QuotaStatus::NoEntry);
        assert!(!dt.owes_letter);
        assert_eq!(dt.result.verdict, Verdict::Fail);
    }
}
