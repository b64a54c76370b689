//! REVISION-STATEMENT — a revision statement ("văn bản giải trình") and what it names.
//!
//! Required by Lạng Sơn III.2.b and Hưng Yên II.2.b: an entry that ran in another contest
//! without a prize may enter again only revised, "có văn bản giải trình ghi rõ tên cuộc thi đã
//! tham dự; nội dung đã được chỉnh sửa, hoàn thiện,... kèm theo bài dự thi".
//!
//! What it checks: whether a statement is present (an attached file named or headed "giải
//! trình", or a section of the entry headed so) and reads the prior contest's name and year
//! and whether it says what was revised. Whether a statement is *required* is decided by copy
//! detection (the entry matches a past entry), so this verdict is informational: no statement
//! passes ("only needed if…"); a statement that does not name the prior contest or does not say
//! what changed fails, because the plan requires both.
//!
//! Example: attachment "giai-trinh.docx" naming "cuộc thi “Sáng kiến … năm 2023”" and "đã chỉnh
//! sửa phần II" → pass.

use serde_json::json;

use super::cannot_see;
use crate::check::revision::find_revision_statement;
use crate::check::{CheckResult, Effect, RevisionSource, Rule, RuleInput, Verdict};
use crate::lang::Lang;

pub struct RevisionStatementRule;

const CODE: &str = "REVISION-STATEMENT";

impl Rule for RevisionStatementRule {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.2.b, Hưng Yên II.2.b \"có văn bản giải trình ghi rõ tên cuộc thi đã tham dự; nội dung đã được chỉnh sửa, hoàn thiện,... kèm theo bài dự thi\""
    }

    fn effect(&self) -> Effect {
        Effect::INFO
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.revision_statement.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let lang = input.lang;
        let Some(s) = find_revision_statement(input.doc, input.ctx.attachments) else {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.revision_statement.absent.to_string(),
                json!({ "present": false }),
            );
        };
        let words = &lang.words().rules.revision_statement;
        let where_ = match &s.source {
            RevisionSource::Attachment { file } => (words.in_file)(
                &file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
            RevisionSource::Section { page, .. } => (words.in_entry)(page + 1),
        };
        let data = json!({ "present": true, "statement": s });
        let mut evidence = (words.found)(&where_);
        match &s.contest_name {
            Some(name) => {
                let year = s.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into());
                evidence.push_str(&(lang.words().rules.revision_statement.prior_contest)(
                    name, &year,
                ));
            }
            None => evidence.push_str(lang.words().rules.revision_statement.no_contest_name),
        }
        evidence.push_str(if s.changes_described {
            lang.words().rules.revision_statement.changes_described
        } else {
            lang.words().rules.revision_statement.changes_not_described
        });
        let verdict = if s.contest_name.is_some() && s.changes_described {
            Verdict::Pass
        } else {
            Verdict::Fail
        };
        CheckResult::new(CODE, verdict, evidence, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckContext;
    use crate::check::rules::testing::{doc_with_runs, run_rule, run_rule_with};
    use crate::model::Format;
    use crate::profile::ContestProfile;

    #[test]
    fn absent_present_and_incomplete() {
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let r = run_rule(&RevisionStatementRule, &doc);
        assert_eq!(
            (r.verdict, r.data["present"].as_bool()),
            (Verdict::Pass, Some(false))
        );

        let mut att = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 1]);
        att.file = "giai-trinh.docx".into();
        att.paragraphs[5].runs[0].text =
            "Bài đã tham dự cuộc thi “Sáng kiến cải cách hành chính năm 2023”, nay đã chỉnh sửa phần II.".into();
        crate::check::rules::testing::relayout(&mut att);
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        let atts = [att];
        let ctx = CheckContext {
            declared_area: None,
            attachments: &atts,
        };
        let r = run_rule_with(&RevisionStatementRule, &doc, &p, &ctx, Lang::Vi);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(r.evidence.contains("năm 2023"), "{}", r.evidence);

        let [mut att] = atts;
        att.paragraphs[5].runs[0].text = "Bài đã gửi trước đây.".into();
        crate::check::rules::testing::relayout(&mut att);
        let atts = [att];
        let ctx = CheckContext {
            declared_area: None,
            attachments: &atts,
        };
        let r = run_rule_with(&RevisionStatementRule, &doc, &p, &ctx, Lang::Vi);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
    }
}
