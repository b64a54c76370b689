//! LATE — the entry arrived in time.
//!
//! Hưng Yên II.6 binds the authors: "Nhóm tác giả, cá nhân gửi bài dự thi theo các nội dung
//! quy định trên về Văn phòng Ban trước ngày 25/5/2024". Lạng Sơn sets authors no date; III.5.a
//! binds the units that receive entries: "Các cơ quan, đơn vị triển khai kế hoạch, tổ chức sơ
//! loại để chọn lọc bài dự thi có chất lượng gửi Sở Nội vụ … trước ngày 15/7/2025", so an entry
//! that reaches its unit on or after that day cannot be forwarded in time.
//!
//! What it checks: the manifest's "Ngày nộp" against the profile's deadline that binds authors,
//! or else the one that binds receiving units ([`ContestProfile::entry_deadline`]); dates that
//! bind the council or the organizers are never applied to entries. "trước ngày" excludes the
//! day (`day_counts = false`): an entry dated 25/5/2024 is late. `--deadline` names the last
//! day accepted instead.
//!
//! Without a date in the manifest, the entry's own dateline on its cover ("Lạng Sơn, ngày 20
//! tháng 7 năm 2025") is read: written after the last day, the entry cannot have been sent in
//! time → fail, quoting the line; written before, it says nothing of when it was sent.
//!
//! Cannot tell: no submission date (or one the manifest could not read). This does not hold
//! the entry's verdict: the date is the council's own record, not something the entry lacks.
//!
//! Example: "Nộp ngày 25/05/2024; hạn: trước ngày 25/05/2024 (Tác giả, nhóm tác giả: Gửi bài
//! dự thi về Văn phòng Ban), ngày cuối còn trong hạn là 24/05/2024. Quá hạn."
//!
//! [`ContestProfile::entry_deadline`]: crate::profile::ContestProfile::entry_deadline

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::Column;
use crate::profile::DeadlineParty;

pub struct Late;

const CODE: &str = "LATE";

impl EntryRule for Late {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.late.title
    }

    fn plan(&self) -> &'static str {
        "Hưng Yên II.6 \"gửi bài dự thi … về Văn phòng Ban trước ngày 25/5/2024\"; Lạng Sơn III.5.a \"tổ chức sơ loại để chọn lọc bài dự thi có chất lượng gửi Sở Nội vụ … trước ngày 15/7/2025\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: false,
            ineligible: true,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        let words = &lang.words().rules.late;
        // The rule: (last day in time, sentence saying where it comes from, data).
        let (last_day, rule, deadline) = if let Some(d) = contest.deadline_override {
            (
                d,
                (words.council_deadline)(&d.to_string()),
                json!({ "last_day": d, "source": "override" }),
            )
        } else {
            let Some(d) = contest.profile.entry_deadline() else {
                return CheckResult::new(
                    CODE,
                    Verdict::Pass,
                    words.no_deadline.into(),
                    json!({ "deadline": null }),
                );
            };
            let (Some(date), Some(last)) = (d.date(), d.last_day()) else {
                return CheckResult::new(
                    CODE,
                    Verdict::CannotTell,
                    (words.deadline_unreadable)(&d.before),
                    json!({ "deadline": d.before }),
                );
            };
            let when = if d.day_counts {
                (words.up_to)(&date.to_string())
            } else {
                (words.before)(&date.to_string(), &last.to_string())
            };
            let rule = match d.binds {
                DeadlineParty::Author => (words.for_authors)(&when, &d.who, &d.what),
                _ => (words.for_others)(&d.who, &d.what, &when),
            };
            (
                last,
                rule,
                json!({
                    "deadline": date,
                    "binds": d.binds,
                    "day_counts": d.day_counts,
                    "last_day": last,
                }),
            )
        };
        let submitted = entry.row.and_then(|r| r.submitted);
        let dateline = entry
            .doc
            .and_then(|d| crate::manifest::find_dateline(d.cover_text()));
        if submitted.is_none()
            && let Some((written, line)) = &dateline
            && *written > last_day
        {
            let mut data = deadline;
            data["written"] = json!(written);
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (words.cover_late)(line, &written.to_string(), &rule),
                data,
            );
        }
        let Some(s) = submitted else {
            let why = entry
                .row
                .and_then(|r| r.problem_with(Column::Submitted))
                .map(|p| p.message(lang));
            let evidence = match why {
                Some(w) => (words.date_unreadable)(&w, &rule),
                None => (words.no_date)(&rule),
            };
            return CheckResult::new(CODE, Verdict::CannotTell, evidence, deadline);
        };
        let mut data = deadline;
        data["submitted"] = json!(s);
        if s > last_day {
            CheckResult::new(
                CODE,
                Verdict::Fail,
                (words.late)(&s.to_string(), &rule),
                data,
            )
        } else {
            CheckResult::new(
                CODE,
                Verdict::Pass,
                (words.in_time)(&s.to_string(), &rule),
                data,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;
    use crate::manifest::Date;

    #[test]
    fn the_deadline_day_itself_is_late_under_truoc_ngay() {
        let mut f = Fixture::new("hung-yen-2024");
        f.row().submitted = Date::parse("24/5/2024");
        let r = f.run(&Late);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        f.row().submitted = Date::parse("25/5/2024");
        let r = f.run(&Late);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(
            r.evidence.contains("Nộp ngày 25/05/2024: quá hạn"),
            "{}",
            r.evidence
        );
        assert!(
            r.evidence.contains("trước ngày 25/05/2024"),
            "{}",
            r.evidence
        );
        assert!(r.evidence.contains("24/05/2024"), "{}", r.evidence);
    }

    #[test]
    fn lang_son_applies_the_units_forwarding_date_and_says_so() {
        let mut f = Fixture::new("lang-son-2025");
        f.row().submitted = Date::parse("2025-07-14");
        assert_eq!(f.run(&Late).verdict, Verdict::Pass);
        f.row().submitted = Date::parse("2025-07-15");
        let r = f.run(&Late);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(
            r.evidence.contains("thể lệ không đặt hạn cho tác giả"),
            "{}",
            r.evidence
        );
        assert_eq!(r.data["binds"], "receiving-unit");
        // The organizers' 31/8 and 30/9 are never applied to entries.
        f.row().submitted = Date::parse("2025-08-01");
        assert!(f.run(&Late).evidence.contains("15/07/2025"));
    }

    #[test]
    fn a_cover_dated_after_the_deadline_is_late_without_a_manifest_date() {
        let mut f = Fixture::new("hung-yen-2024");
        let text = "Họ và tên: An\nHưng Yên, ngày 27 tháng 5 năm 2024\n".to_string();
        f.doc = Some(crate::model::Extracted {
            cover_end: text.len(),
            text,
            ..crate::model::Extracted::default()
        });
        let r = f.run(&Late);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(r.evidence.contains("27/05/2024"), "{}", r.evidence);
        // Dated before: says nothing of when it was sent.
        let text = "Hưng Yên, ngày 20 tháng 5 năm 2024\n".to_string();
        f.doc = Some(crate::model::Extracted {
            cover_end: text.len(),
            text,
            ..crate::model::Extracted::default()
        });
        assert_eq!(f.run(&Late).verdict, Verdict::CannotTell);
    }

    #[test]
    fn no_date_cannot_tell_and_override_counts_the_day() {
        let mut f = Fixture::new("lang-son-2025");
        let r = f.run(&Late);
        assert_eq!(r.verdict, Verdict::CannotTell);
        assert!(!Late.effect().holds);
        f.deadline_override = Date::parse("2025-07-15");
        f.row().submitted = Date::parse("2025-07-15");
        assert_eq!(f.run(&Late).verdict, Verdict::Pass);
    }
}
