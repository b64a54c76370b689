//! COVER-UNIT — the work unit (and/or address) on the cover.
//!
//! Required by Lạng Sơn III.3.a "trang bìa bài dự thi ghi rõ họ, tên, chức vụ, đơn vị công
//! tác/địa chỉ" (the unit or an address: `unit = "unit-or-address"`) and Hưng Yên II.3 "…
//! chức vụ, đơn vị công tác" (`unit = "unit"`). The address both plans ask of the entry ("Bài
//! dự thi ghi rõ họ tên, địa chỉ và số điện thoại") is ADDRESS's; `unit-and-address` asks both
//! on the cover, for a contest that wants that.
//!
//! What it checks: labels "Đơn vị công tác", "Cơ quan công tác", "Đơn vị" (the unit) and "Địa
//! chỉ" (the address) on the cover, as the profile's `form.cover.unit` asks. A combined label
//! "Đơn vị công tác/địa chỉ" gives both. With `unit-and-address`, an address labelled later in
//! the entry also counts (the plan asks the entry, not only the cover, to give the address),
//! with a note saying so.
//!
//! Cannot tell: a scanned entry, or a cover without any labels.
//!
//! Example (Hưng Yên): unit given, no address → fail, "Trang bìa ghi đơn vị công tác “Phòng
//! Quản lý doanh nghiệp” nhưng không ghi địa chỉ."

use serde_json::json;

use super::cannot_see;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;
use crate::profile::UnitRequirement;

pub struct CoverUnit;

const CODE: &str = "COVER-UNIT";

impl Rule for CoverUnit {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"… chức vụ, đơn vị công tác/địa chỉ\"; Hưng Yên II.3 \"… chức vụ, đơn vị công tác\""
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.cover_unit.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let lang = input.lang;
        let need = input.profile.form.cover.unit;
        let unit = input.cover.unit.as_deref();
        let address = input.cover.address.as_deref();
        let data = json!({
            "requirement": need,
            "unit": unit,
            "address": address,
            "labels_found": input.cover.labels_found,
        });
        let w = &lang.words().rules.cover_unit;
        let mut found = Vec::new();
        if let Some(u) = unit {
            found.push((w.unit_given)(u));
        }
        if let Some(a) = address
            && Some(a) != unit
        {
            found.push((w.address_given)(a));
        }
        let given = found.join(", ");
        let ok = match need {
            UnitRequirement::Unit => unit.is_some(),
            UnitRequirement::UnitOrAddress => unit.is_some() || address.is_some(),
            UnitRequirement::UnitAndAddress => unit.is_some() && address.is_some(),
        };
        if ok {
            return CheckResult::new(CODE, Verdict::Pass, (w.gives)(&given), data);
        }
        // "Bài dự thi ghi rõ … địa chỉ": the address may be given later in the entry (often in
        // a closing contact block); a labelled address there completes unit-and-address.
        if need == UnitRequirement::UnitAndAddress
            && unit.is_some()
            && address.is_none()
            && let Some(later) = address_after_cover(input)
        {
            let data = json!({
                "requirement": need,
                "unit": unit,
                "address": later,
                "address_on_cover": false,
                "labels_found": input.cover.labels_found,
            });
            return CheckResult::new(CODE, Verdict::Pass, (w.address_later)(&given, &later), data);
        }
        if input.cover.labels_found == 0 && !input.doc.cover_text().trim().is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.cover_unit.no_labels.to_string(),
                data,
            );
        }
        let missing = match (need, unit.is_some(), address.is_some()) {
            (UnitRequirement::UnitAndAddress, true, false) => w.need_address,
            (UnitRequirement::UnitAndAddress, false, true) => w.need_unit,
            (UnitRequirement::UnitAndAddress, _, _) => w.need_unit_and_address,
            (UnitRequirement::UnitOrAddress, _, _) => w.need_unit_or_address,
            (UnitRequirement::Unit, _, _) => w.need_unit,
        };
        let evidence = if found.is_empty() {
            (w.gives_none)(missing)
        } else {
            (w.gives_some)(&given, missing)
        };
        CheckResult::new(CODE, Verdict::Fail, evidence, data)
    }
}

/// A labelled address ("Địa chỉ: …") after the cover page.
fn address_after_cover(input: &RuleInput<'_>) -> Option<String> {
    let doc = input.doc;
    let rest = doc.text.get(doc.cover_end.min(doc.text.len())..)?;
    crate::check::parse_cover(rest).address
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckContext;
    use crate::check::rules::testing::{doc_with_runs, run_rule, run_rule_with};
    use crate::model::Format;
    use crate::profile::ContestProfile;

    #[test]
    fn unit_or_address_per_profile() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        assert_eq!(run_rule(&CoverUnit, &doc).verdict, Verdict::Pass);
        // Drop the address: Lạng Sơn (unit or address) passes, Hưng Yên (both) fails.
        doc.paragraphs[3].runs[0].text = "Ghi chú".into();
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&CoverUnit, &doc).verdict, Verdict::Pass);
        // A profile asking both on the cover (none of the built-ins does since ADDRESS checks
        // the address on its own).
        let mut hy = ContestProfile::builtin("hung-yen-2024").unwrap();
        hy.form.cover.unit = UnitRequirement::UnitAndAddress;
        let r = run_rule_with(&CoverUnit, &doc, &hy, &CheckContext::default(), Lang::Vi);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("không ghi địa chỉ"), "{}", r.evidence);
        // An address labelled later in the entry completes Hưng Yên's requirement.
        let last = doc.paragraphs.len() - 1;
        doc.paragraphs[last].runs[0].text = "Địa chỉ: thị trấn Cao Lộc".into();
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule_with(&CoverUnit, &doc, &hy, &CheckContext::default(), Lang::Vi);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(r.evidence.contains("phần sau"), "{}", r.evidence);
        // Drop the unit too: both fail.
        doc.paragraphs[2].runs[0].text = "Ghi chú".into();
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&CoverUnit, &doc).verdict, Verdict::Fail);
    }
}
