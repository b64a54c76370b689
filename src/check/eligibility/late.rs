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
use crate::check::text::tr;
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
        // The rule: (last day in time, sentence saying where it comes from, data).
        let (last_day, rule_vi, rule_en, deadline) = if let Some(d) = contest.deadline_override {
            (
                d,
                format!("hạn do Hội đồng đặt (--deadline): đến hết ngày {d}"),
                format!("deadline set by the council (--deadline): up to and including {d}"),
                json!({ "last_day": d, "source": "override" }),
            )
        } else {
            let Some(d) = contest.profile.entry_deadline() else {
                return CheckResult::new(
                    CODE,
                    Verdict::Pass,
                    lang.words().rules.late.no_deadline.into(),
                    json!({ "deadline": null }),
                );
            };
            let (Some(date), Some(last)) = (d.date(), d.last_day()) else {
                return CheckResult::new(
                    CODE,
                    Verdict::CannotTell,
                    tr(
                        lang,
                        format!(
                            "Hạn trong cấu hình cuộc thi không đọc được: “{}”.",
                            d.before
                        ),
                        format!("The profile's deadline cannot be read: “{}”.", d.before),
                    ),
                    json!({ "deadline": d.before }),
                );
            };
            let when_vi = if d.day_counts {
                format!("đến hết ngày {date}")
            } else {
                format!("trước ngày {date}, ngày cuối còn trong hạn là {last}")
            };
            let when_en = if d.day_counts {
                format!("up to and including {date}")
            } else {
                format!("before {date}, so the last day in time is {last}")
            };
            let (vi, en) = match d.binds {
                DeadlineParty::Author => (
                    format!("hạn gửi bài: {when_vi} ({}: {})", d.who, d.what),
                    format!("deadline for authors: {when_en} ({}: {})", d.who, d.what),
                ),
                _ => (
                    format!(
                        "thể lệ không đặt hạn cho tác giả; {} phải {} {when_vi}, nên bài đến sau ngày đó không kịp chuyển",
                        d.who,
                        lowercase_first(&d.what)
                    ),
                    format!(
                        "the plan sets authors no date; {} must {} {when_en}, so an entry arriving later cannot be forwarded in time",
                        d.who, d.what
                    ),
                ),
            };
            (
                last,
                vi,
                en,
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
                tr(
                    lang,
                    format!(
                        "Danh sách không ghi ngày nộp, nhưng trang bìa ghi “{line}” ({written}), sau ngày cuối còn trong hạn: quá hạn ({rule_vi})."
                    ),
                    format!(
                        "The manifest gives no submission date, but the cover is dated “{line}” ({written}), after the last day: late ({rule_en})."
                    ),
                ),
                data,
            );
        }
        let Some(s) = submitted else {
            let why = entry
                .row
                .and_then(|r| r.problem_with(Column::Submitted))
                .map(|p| p.message(lang));
            let evidence = match why {
                Some(w) => tr(
                    lang,
                    format!("Ngày nộp không đọc được ({w}); {rule_vi}."),
                    format!("The submission date cannot be read ({w}); {rule_en}."),
                ),
                None => tr(
                    lang,
                    format!("Danh sách bài dự thi không ghi ngày nộp; {rule_vi}."),
                    format!("The manifest gives no submission date; {rule_en}."),
                ),
            };
            return CheckResult::new(CODE, Verdict::CannotTell, evidence, deadline);
        };
        let mut data = deadline;
        data["submitted"] = json!(s);
        if s > last_day {
            CheckResult::new(
                CODE,
                Verdict::Fail,
                tr(
                    lang,
                    format!("Nộp ngày {s}: quá hạn ({rule_vi})."),
                    format!("Sent on {s}: late ({rule_en})."),
                ),
                data,
            )
        } else {
            CheckResult::new(
                CODE,
                Verdict::Pass,
                tr(
                    lang,
                    format!("Nộp ngày {s}: trong hạn ({rule_vi})."),
                    format!("Sent on {s}: in time ({rule_en})."),
                ),
                data,
            )
        }
    }
}

fn lowercase_first(s: &str) -> String {
    // An abbreviation keeps its capitals ("UBND cấp huyện"); ux, #13.
    crate::vocab::lowercase_first(s)
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
