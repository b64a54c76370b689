//! COVER-PHONE — a phone number to reach the author.
//!
//! Required by Lạng Sơn III.3.a "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại liên lạc"
//! and Hưng Yên II.3 "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại".
//!
//! What it checks: a valid Vietnamese number on the cover — after a label ("Điện thoại",
//! "Số điện thoại", "SĐT", "ĐT", "Di động"), or anywhere on the cover. Valid: 10-digit mobiles
//! (0xxx xxx xxx), 11-digit landlines (0205 3 812 345), "+84"/"84" instead of the leading 0,
//! grouped with spaces, dots, dashes or brackets. The plan asks for the number in the entry,
//! not only on the cover: a labelled number elsewhere in the entry also passes, with a note
//! saying where.
//!
//! Cannot tell: a scanned entry.
//!
//! Example: "Điện thoại: 0912 xxx xxx" → fail, "Trang bìa ghi “0912 xxx xxx” sau nhãn điện
//! thoại nhưng đó không phải số điện thoại hợp lệ."

use serde_json::json;

use super::cannot_see;
use crate::check::cover::find_phone;
use crate::check::text::fold;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;

pub struct CoverPhone;

const CODE: &str = "COVER-PHONE";

impl Rule for CoverPhone {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại liên lạc\"; Hưng Yên II.3 \"Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại\""
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.cover_phone.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        let lang = input.lang;
        if !input.profile.form.cover.phone {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.cover_phone.not_required.to_string(),
                json!({ "required": false }),
            );
        }
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let cover = input.cover;
        if let Some(phone) = &cover.phone {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.cover_phone.on_cover)(phone),
                json!({ "phone": phone, "on_cover": true }),
            );
        }
        // Not on the cover: a labelled number elsewhere in the entry also satisfies the plan.
        let doc = input.doc;
        let rest = doc
            .text
            .get(doc.cover_end.min(doc.text.len())..)
            .unwrap_or("");
        if let Some((phone, at)) = labelled_phone(rest) {
            let off = at + doc.cover_end.min(doc.text.len());
            let page = doc
                .pages
                .iter()
                .position(|p| off < p.text_end)
                .map(|p| p + 1);
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.cover_phone.on_page)(
                    &phone,
                    &page.map(|p| p.to_string()).unwrap_or_else(|| "?".into()),
                ),
                json!({ "phone": phone, "on_cover": false, "page": page }),
            );
        }
        if let Some(raw) = &cover.phone_unparsed {
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (lang.words().rules.cover_phone.unparsed)(raw),
                json!({ "phone": null, "unparsed": raw }),
            );
        }
        CheckResult::new(
            CODE,
            Verdict::Fail,
            lang.words().rules.cover_phone.not_found.to_string(),
            json!({ "phone": null }),
        )
    }
}

/// A valid number on a line that has a phone label, and the line's byte offset in `text`.
fn labelled_phone(text: &str) -> Option<(String, usize)> {
    const LABELS: &[&str] = &["dien thoai", "sdt", "so dt", "dt:", "dt :", "di dong"];
    let mut offset = 0;
    for line in text.split('\n') {
        let folded = fold(line);
        if LABELS.iter().any(|l| folded.contains(l))
            && let Some((written, _)) = find_phone(line)
        {
            return Some((written, offset));
        }
        offset += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{doc_with_runs, run_rule};
    use crate::model::Format;

    #[test]
    fn phone_on_cover_elsewhere_invalid_or_missing() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let r = run_rule(&CoverPhone, &doc);
        assert_eq!(r.verdict, Verdict::Pass);
        assert!(r.evidence.contains("0912 345 678"));

        doc.paragraphs[4].runs[0].text = "Điện thoại: 0912 xxx xxx".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPhone, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("0912 xxx xxx"), "{}", r.evidence);

        doc.paragraphs[4].runs[0].text = "Ghi chú".into();
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&CoverPhone, &doc).verdict, Verdict::Fail);

        doc.paragraphs[6].runs[0].text = "Liên hệ tác giả, điện thoại: 0205 3 812 345".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&CoverPhone, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(r.evidence.contains("trang 3"), "{}", r.evidence);
    }
}
