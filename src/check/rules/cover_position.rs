//! COVER-POSITION — the author's position on the cover.
//!
//! Required by Lạng Sơn III.3.a and Hưng Yên II.3 "trang bìa bài dự thi ghi rõ họ, tên, chức
//! vụ, …".
//!
//! What it checks: a "Chức vụ" / "Chức danh" label with a value on the cover, or "Nghề
//! nghiệp", which a resident without a post writes instead (Lạng Sơn II.1.a admits "người dân
//! đang cư trú, học tập, lao động trên địa bàn tỉnh").
//!
//! Cannot tell: a scanned entry, or a cover without any labels.
//!
//! Example: "Chức vụ: ……" → fail, "Trang bìa không ghi chức vụ."

use super::labelled_value;
use crate::check::{CheckResult, Effect, Rule, RuleInput};
use crate::lang::Lang;

pub struct CoverPosition;

impl Rule for CoverPosition {
    fn code(&self) -> &'static str {
        "COVER-POSITION"
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a, Hưng Yên II.3 \"trang bìa bài dự thi ghi rõ họ, tên, chức vụ\""
    }

    fn effect(&self) -> Effect {
        Effect::flag("COVER-POSITION")
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.cover_position.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        let cover = input.cover;
        // A group lists each member's position on the member's own line.
        if cover.position.is_none()
            && cover.is_group
            && !cover.member_details.is_empty()
            && cover.member_details.len() == cover.members.len()
        {
            let listed: Vec<String> = cover
                .members
                .iter()
                .zip(&cover.member_details)
                .map(|(m, d)| format!("{m}: {d}"))
                .collect();
            return CheckResult::new(
                self.code(),
                crate::check::Verdict::Pass,
                (input.lang.words().rules.cover_position.per_member)(&listed.join("; ")),
                serde_json::json!({ "value": null, "member_details": listed }),
            );
        }
        labelled_value(
            input,
            self.code(),
            input.profile.form.cover.position,
            input.cover.position.as_deref(),
            input.lang.words().rules.cover_position.what,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Verdict;
    use crate::check::rules::testing::{doc_with_runs, run_rule};
    use crate::model::Format;

    #[test]
    fn group_positions_on_member_lines() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let lines = [
            "Nhóm tác giả:",
            "1. Nguyễn Văn An – Chuyên viên",
            "2. Hoàng Thị Bình – Kế toán",
            "Điện thoại: 0912 000 111",
            "",
        ];
        for (p, l) in doc.paragraphs.iter_mut().zip(lines) {
            p.runs[0].text = l.into();
        }
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPosition, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(
            r.evidence.contains("Hoàng Thị Bình: Kế toán"),
            "{}",
            r.evidence
        );
    }

    #[test]
    fn position_found_or_missing() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        assert_eq!(run_rule(&CoverPosition, &doc).verdict, Verdict::Pass);
        doc.paragraphs[1].runs[0].text = "Chức vụ:".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPosition, &doc);
        // The value cell is empty, and the next line is another label.
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        // A resident without a post gives an occupation.
        doc.paragraphs[1].runs[0].text = "Nghề nghiệp: Nông dân".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPosition, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(r.evidence.contains("Nông dân"), "{}", r.evidence);
    }
}
