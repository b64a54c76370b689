//! COVER-NAME — the author's full name on the cover.
//!
//! Required by Lạng Sơn III.3.a and Hưng Yên II.3 "trang bìa bài dự thi ghi rõ họ, tên", and
//! "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại".
//!
//! What it checks: the cover (first page or first section) has a name label ("Họ và tên",
//! "Họ tên", "Tác giả", with or without diacritics, in a line or a table cell) with a value;
//! for a group, the first member listed counts. Filler like "……" is not a value.
//!
//! Cannot tell: a scanned entry, or a cover with text but no labels at all (a name alone in
//! the middle of the page cannot be told from a title).
//!
//! Example: "Họ và tên: Nguyễn Thị Mai" → pass, "Trang bìa ghi họ và tên: “Nguyễn Thị Mai”."

use super::labelled_value;
use crate::check::{CheckResult, Effect, Rule, RuleInput};
use crate::lang::Lang;

pub struct CoverName;

impl Rule for CoverName {
    fn code(&self) -> &'static str {
        "COVER-NAME"
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a, Hưng Yên II.3 \"trang bìa bài dự thi ghi rõ họ, tên\""
    }

    fn effect(&self) -> Effect {
        Effect::flag("COVER-NAME")
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.cover_name.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        labelled_value(
            input,
            self.code(),
            input.profile.form.cover.name,
            input.cover.name.as_deref(),
            input.lang.words().rules.cover_name.what,
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
    fn name_found_missing_or_unlabelled() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let r = run_rule(&CoverName, &doc);
        assert_eq!(r.verdict, Verdict::Pass);
        assert!(r.evidence.contains("Nguyễn Thị Mai"));
        doc.paragraphs[0].runs[0].text = "Họ và tên: …………".into();
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&CoverName, &doc).verdict, Verdict::Fail);
        for p in doc.paragraphs.iter_mut().take(5) {
            p.runs[0].text = "GIẢI PHÁP SỐ HÓA".into();
        }
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&CoverName, &doc).verdict, Verdict::CannotTell);
    }
}
