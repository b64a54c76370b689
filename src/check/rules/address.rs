//! ADDRESS — the entry states an address to reach the author.
//!
//! Required by Lạng Sơn III.3.a "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại liên lạc"
//! and Hưng Yên II.3 "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại" (`form.cover.address`).
//! Lạng Sơn's cover line accepts the work unit instead of an address ("đơn vị công tác/địa
//! chỉ", COVER-UNIT), but this sentence still asks the entry for an address: a Lạng Sơn entry
//! with no address anywhere does not pass.
//!
//! What it checks: an address labelled "Địa chỉ" on the cover, the group representative's
//! address, a combined "Đơn vị công tác/địa chỉ" value, or an address labelled later in the
//! entry (a closing contact block). An address only in the unit's manifest is noted but does
//! not pass: the plan asks the entry itself.
//!
//! Cannot tell: a scanned entry, or a cover without any labels.
//!
//! Example: cover with name, position, unit and phone, no address → fail, "Bài dự thi không
//! ghi địa chỉ (trang bìa chỉ ghi đơn vị công tác “Sở Tư pháp”)."

use serde_json::json;

use super::cannot_see;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;

pub struct AddressRule;

const CODE: &str = "ADDRESS";

impl Rule for AddressRule {
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
        lang.words().rules.address.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        let lang = input.lang;
        if !input.profile.form.cover.address {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.address.not_required.into(),
                json!({ "required": false }),
            );
        }
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let cover = input.cover;
        let rep = cover
            .representative
            .as_ref()
            .and_then(|r| r.address.clone());
        if let Some(a) = cover.address.clone().or(rep) {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.address.on_cover)(&a),
                json!({ "address": a, "on_cover": true }),
            );
        }
        let doc = input.doc;
        let rest = doc
            .text
            .get(doc.cover_end.min(doc.text.len())..)
            .unwrap_or("");
        if let Some(a) = crate::check::parse_cover(rest).address {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.address.later)(&a),
                json!({ "address": a, "on_cover": false }),
            );
        }
        let data =
            json!({ "address": null, "unit": cover.unit, "labels_found": cover.labels_found });
        if cover.labels_found == 0 && !doc.cover_text().trim().is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.address.no_labels.into(),
                data,
            );
        }
        let unit_note = match &cover.unit {
            Some(u) => (lang.words().rules.address.unit_only)(u),
            None => String::new(),
        };
        CheckResult::new(
            CODE,
            Verdict::Fail,
            (lang.words().rules.address.missing)(&unit_note),
            data,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{doc_with_runs, relayout, run_rule};
    use crate::model::Format;

    #[test]
    fn address_on_cover_later_or_missing() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let r = run_rule(&AddressRule, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        // Lạng Sơn: the unit on the cover does not replace the address.
        doc.paragraphs[3].runs[0].text = "Ghi chú".into();
        relayout(&mut doc);
        let r = run_rule(&AddressRule, &doc);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(r.evidence.contains("UBND huyện Cao Lộc"), "{}", r.evidence);
        let last = doc.paragraphs.len() - 1;
        doc.paragraphs[last].runs[0].text = "Địa chỉ liên hệ: thôn Nà Pàn, xã Thạch Đạn".into();
        relayout(&mut doc);
        let r = run_rule(&AddressRule, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert_eq!(r.data["on_cover"], false);
    }
}
