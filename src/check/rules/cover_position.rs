//! COVER-POSITION — the author's position on the cover.
//!
//! Required by Lạng Sơn III.3.a and Hưng Yên II.3 "trang bìa bài dự thi ghi rõ họ, tên, chức
//! vụ, …".
//!
//! What it checks: a "Chức vụ" / "Chức danh" label with a value on the cover.
//!
//! Cannot tell: a scanned entry, or a cover without any labels.
//!
//! Example: "Chức vụ: ……" → fail, "Trang bìa không ghi chức vụ."

use super::labelled_value;
use crate::check::{CheckResult, Rule, RuleInput};
use crate::lang::Lang;

pub struct CoverPosition;

impl Rule for CoverPosition {
    fn code(&self) -> &'static str {
        "COVER-POSITION"
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.pick("Trang bìa: chức vụ", "Cover: position")
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        labelled_value(
            input,
            self.code(),
            input.profile.form.cover.position,
            input.cover.position.as_deref(),
            ("chức vụ", "position"),
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
    fn position_found_or_missing() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        assert_eq!(run_rule(&CoverPosition, &doc).verdict, Verdict::Pass);
        doc.paragraphs[1].runs[0].text = "Chức vụ:".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPosition, &doc);
        // The value cell is empty, and the next line is another label.
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
    }
}
