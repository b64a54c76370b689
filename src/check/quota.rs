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
//! district) — that pass the screening: the plan asks for entries "có chất lượng", those a
//! unit can send up. Entries that could not be read, or that fail a rule deciding who may
//! enter, when or where ([`Effect::ineligible`]), do not count. Eligible entries not passing
//! yet — still "cannot tell" on such a rule, held by a check that cannot tell, or with a flag
//! the council has to weigh (copying, form) — are counted apart as pending: the council's
//! decisions settle them.
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

/// Most entry ids named in one unit's evidence, and kept per list in report.json
/// (`counted_ids`, `pending_ids`, `not_counted_entries`).
pub const MAX_IDS: usize = 12;

/// Whether an entry counts toward quotas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Counted,
    /// Eligible, not passing yet: a rule deciding eligibility cannot tell yet, or a flag waits
    /// for the council, or a check cannot tell (`HOLD`) — the code of the first.
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

impl QuotaStatus {
    const ALL: [QuotaStatus; 6] = [
        QuotaStatus::Met,
        QuotaStatus::Short,
        QuotaStatus::NoEntry,
        QuotaStatus::CannotTell,
        QuotaStatus::Encouraged,
        QuotaStatus::NoQuota,
    ];

    /// The code report.json writes (`met`, `short`, `no-entry`, `cannot-tell`, `encouraged`,
    /// `no-quota`).
    pub fn code(self) -> &'static str {
        match self {
            QuotaStatus::Met => "met",
            QuotaStatus::Short => "short",
            QuotaStatus::NoEntry => "no-entry",
            QuotaStatus::CannotTell => "cannot-tell",
            QuotaStatus::Encouraged => "encouraged",
            QuotaStatus::NoQuota => "no-quota",
        }
    }

    /// The status of a code [`QuotaStatus::code`] wrote; `None` for anything else.
    pub fn from_code(code: &str) -> Option<QuotaStatus> {
        QuotaStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// An entry kept out of a unit's count, and the code of the rule that kept it out (`ERROR`
/// when it could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCounted {
    pub id: String,
    pub code: String,
}

/// What one unit's QUOTA sentence is made of. The rule writes its evidence from these facts,
/// and report.json keeps them (`report::UnitQuota`), so the minutes can write the same sentence
/// in another language ([`sentence`]).
#[derive(Debug, Clone, Copy)]
pub struct SentenceFacts<'a> {
    pub status: QuotaStatus,
    pub quota_min: u32,
    /// The plan's words for the quota (`[[quotas]] note`), quoted as written; unused by
    /// [`QuotaStatus::NoQuota`].
    pub note: &'a str,
    /// A unit with no entry owes a letter (said with [`QuotaStatus::NoEntry`] only).
    pub owes_letter: bool,
    /// For a unit without a quota: the unit its entries count for.
    pub counted_for: Option<&'a str>,
    /// Entries counted, of them from units below, pending and not counted: totals.
    pub counted: usize,
    pub from_units_below: usize,
    pub pending: usize,
    pub not_counted: usize,
    /// The ids named: at most [`MAX_IDS`] of each list are used, "…" follows when the total is
    /// larger. An empty list leaves its part out of the sentence.
    pub counted_ids: &'a [String],
    pub pending_ids: &'a [String],
    /// (id, code) of the entries not counted.
    pub not_counted_entries: &'a [(&'a str, &'a str)],
}

/// Ids joined with ", ", at most [`MAX_IDS`], "…" after them when `total` is larger.
fn id_list(ids: impl Iterator<Item = String>, total: usize) -> String {
    let mut s: Vec<String> = ids.take(MAX_IDS).collect();
    if total > s.len() {
        s.push("…".into());
    }
    s.join(", ")
}

/// The QUOTA sentence for one unit in `lang`: the verdict with the count and the quota (the
/// plan's note quoted as written), the letter owed, then the entries counted, pending and not
/// counted with the name of the rule that kept each out. The rule's evidence is this sentence; the minutes call it again
/// when they are written in another language than the screening.
pub fn sentence(facts: &SentenceFacts<'_>, lang: Lang) -> String {
    let words = &lang.words().rules.quota;
    let n = facts.counted;
    let mut tail = String::new();
    if !facts.counted_ids.is_empty() {
        let below = if facts.from_units_below > 0 {
            (words.from_below)(facts.from_units_below)
        } else {
            String::new()
        };
        let ids = id_list(facts.counted_ids.iter().cloned(), n);
        tail.push_str(&(words.counted)(&ids, &below));
    }
    if !facts.pending_ids.is_empty() {
        let ids = id_list(facts.pending_ids.iter().cloned(), facts.pending);
        tail.push_str(&(words.pending)(&ids));
    }
    if !facts.not_counted_entries.is_empty() {
        let why = id_list(
            facts
                .not_counted_entries
                .iter()
                // The rule that kept each out, by its name (the code is in report.json).
                .map(|(id, code)| {
                    let name = (lang.words().codes.flag)(code)
                        .map_or_else(|| code.to_string(), crate::vocab::lower_first);
                    format!("{id} ({name})")
                }),
            facts.not_counted,
        );
        tail.push_str(&(words.not_counted)(&why));
    }
    let need = || (words.need)(facts.quota_min, facts.note);
    let head = match facts.status {
        QuotaStatus::NoQuota => {
            return match facts.counted_for {
                Some(p) => (words.counted_for)(n, p, &tail),
                None => (words.no_quota)(n, &tail),
            };
        }
        QuotaStatus::Encouraged => (words.encouraged)(n, &need()),
        QuotaStatus::Met => (words.met)(n, &need()),
        QuotaStatus::CannotTell => (words.cannot_tell)(n, facts.pending, &need()),
        QuotaStatus::NoEntry => {
            let letter = if facts.owes_letter {
                words.letter_owed
            } else {
                ""
            };
            (words.no_entry)(&need(), letter)
        }
        QuotaStatus::Short => (words.short)(n, &need()),
    };
    format!("{head}{tail}")
}

/// A required quota's status from the entries counted and pending: met when the counted
/// reach it, cannot tell when only the pending would, no entry when there is none of either,
/// short otherwise. The rule decides with it, and the minutes again once the council's
/// decisions settle the pending entries (`report::UnitQuota::after_decisions`).
pub fn required_status(counted: usize, pending: usize, quota_min: usize) -> QuotaStatus {
    if counted >= quota_min {
        QuotaStatus::Met
    } else if counted + pending >= quota_min {
        QuotaStatus::CannotTell
    } else if counted == 0 && pending == 0 {
        QuotaStatus::NoEntry
    } else {
        QuotaStatus::Short
    }
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
    /// The plan asks a unit with no entry for a letter (`[[quotas]] letter_if_none`).
    pub letter_if_none: bool,
    /// For a unit without a quota: the unit its entries count for.
    pub counted_for: Option<String>,
    /// The plan's words for the quota (`[[quotas]] note`); `None` for a unit without a quota.
    pub quota_note: Option<String>,
    /// The first [`MAX_IDS`] entries counted, pending and not counted (with the code why):
    /// what the sentence names.
    pub counted_ids: Vec<String>,
    pub pending_ids: Vec<String>,
    pub not_counted_entries: Vec<NotCounted>,
    /// The verdict and evidence (code QUOTA).
    pub result: CheckResult,
}

impl UnitResult {
    /// The facts the evidence was written from (see [`sentence`]); `pairs` holds the
    /// not-counted entries as (id, code), e.g. from [`UnitResult::not_counted_pairs`].
    pub fn facts<'a>(&'a self, pairs: &'a [(&'a str, &'a str)]) -> SentenceFacts<'a> {
        SentenceFacts {
            status: self.status,
            quota_min: self.quota_min,
            note: self.quota_note.as_deref().unwrap_or_default(),
            owes_letter: self.owes_letter,
            counted_for: self.counted_for.as_deref(),
            counted: self.counted,
            from_units_below: self.from_units_below,
            pending: self.pending,
            not_counted: self.not_counted,
            counted_ids: &self.counted_ids,
            pending_ids: &self.pending_ids,
            not_counted_entries: pairs,
        }
    }

    /// The not-counted entries as (id, code).
    pub fn not_counted_pairs(&self) -> Vec<(&str, &str)> {
        self.not_counted_entries
            .iter()
            .map(|e| (e.id.as_str(), e.code.as_str()))
            .collect()
    }
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
    let (status, verdict) = match quota {
        None => (QuotaStatus::NoQuota, Verdict::Pass),
        Some(q) if !q.required => (QuotaStatus::Encouraged, Verdict::Pass),
        Some(q) => {
            let status = required_status(n, pending.len(), q.min_entries as usize);
            let verdict = match status {
                QuotaStatus::Met => Verdict::Pass,
                QuotaStatus::CannotTell => Verdict::CannotTell,
                _ => Verdict::Fail,
            };
            (status, verdict)
        }
    };
    let first_ids = |list: &[&QuotaEntry]| -> Vec<String> {
        list.iter().take(MAX_IDS).map(|e| e.id.clone()).collect()
    };
    let mut out = UnitResult {
        unit,
        kind,
        quota_min: quota.map(|q| q.min_entries).unwrap_or(0),
        required: quota.is_some_and(|q| q.required),
        status,
        counted: n,
        from_units_below: from_below,
        pending: pending.len(),
        not_counted: not_counted.len(),
        owes_letter: status == QuotaStatus::NoEntry && quota.is_some_and(|q| q.letter_if_none),
        letter_if_none: quota.is_some_and(|q| q.letter_if_none),
        counted_for,
        quota_note: quota.map(|q| q.note.clone()),
        counted_ids: first_ids(counted),
        pending_ids: first_ids(pending),
        not_counted_entries: not_counted
            .iter()
            .take(MAX_IDS)
            .map(|e| NotCounted {
                id: e.id.clone(),
                code: match &e.standing {
                    Standing::NotCounted(code) => code.clone(),
                    _ => String::new(),
                },
            })
            .collect(),
        result: CheckResult::new(CODE, verdict, String::new(), data),
    };
    out.result.evidence = {
        let pairs = out.not_counted_pairs();
        sentence(&out.facts(&pairs), lang)
    };
    out
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
            cl.result.evidence.contains("D (không đọc được tệp)"),
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

    #[test]
    fn the_ids_kept_are_bounded_and_the_sentence_says_there_are_more() {
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        let tree = UnitTree::new(&[expected("UBND huyện Văn Lãng", UnitKind::District)], None);
        let district = tree.find("UBND huyện Văn Lãng").unwrap();
        let mut entries = vec![entry("OK", Some(district), None, Standing::Counted)];
        for i in 0..15 {
            entries.push(entry(
                &format!("L{i:02}"),
                Some(district),
                None,
                Standing::NotCounted("LATE".into()),
            ));
        }
        let r = check_quotas(&p, &tree, &entries, Lang::En);
        let u = &r[0];
        assert_eq!(
            (u.status, u.counted, u.not_counted),
            (QuotaStatus::Short, 1, 15)
        );
        assert_eq!(u.counted_ids, ["OK"]);
        assert_eq!(u.not_counted_entries.len(), MAX_IDS);
        assert_eq!(
            u.not_counted_entries[0],
            NotCounted {
                id: "L00".into(),
                code: "LATE".into()
            }
        );
        let district_quota = p.quotas.iter().find(|q| q.unit_kind == UnitKind::District);
        assert_eq!(u.quota_note.as_ref(), district_quota.map(|q| &q.note));
        assert!(
            u.result
                .evidence
                .ends_with("L10 (submitted late), L11 (submitted late), …."),
            "{}",
            u.result.evidence
        );
        // The same facts give the sentence in the other language.
        let pairs = u.not_counted_pairs();
        let vi = sentence(&u.facts(&pairs), Lang::Vi);
        assert!(
            vi.starts_with("Không đạt: 1 bài đạt sơ loại; chỉ tiêu ít nhất 03 bài"),
            "{vi}"
        );
        assert!(vi.contains(" Tính: OK."), "{vi}");
    }

    #[test]
    fn a_status_code_reads_back() {
        for s in QuotaStatus::ALL {
            assert_eq!(QuotaStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(json!(s.code())));
        }
        assert_eq!(QuotaStatus::from_code("shortish"), None);
    }
}
