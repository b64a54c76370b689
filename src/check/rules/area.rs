//! AREA — the content area the entry belongs to.
//!
//! Required by Lạng Sơn III.1 "Bài dự thi thể hiện ý tưởng, giải pháp của một trong các nội
//! dung sau: a) … h)" and Hưng Yên II.1 (the same eight areas as bullets).
//!
//! What it checks: the best area detected from the entry's text (`check::area`: weights from
//! the plan's descriptions and our term lists) and a confidence (the best area's share of all
//! area scores). With a declared area (manifest): pass when it is the best area or close to it;
//! fail when the text clearly points elsewhere — a finding for the council, which may overrule.
//! Without a declared area: pass when one area clearly leads.
//!
//! Cannot tell: a scanned entry, too little area vocabulary, or no clear leader.
//!
//! Example: declared "c" but the text is about digital signatures and online payment → fail,
//! "Bài đăng ký nội dung c) … nhưng văn bản gần nhất với g) … (độ tin cậy 61,0%)."

use serde_json::json;

use super::cannot_see;
use crate::check::area::detect_area_full;
use crate::check::text::pct;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;
use crate::profile::Area;

pub struct AreaRule;

const CODE: &str = "AREA";
/// Below this total score the entry has too little area vocabulary to tell.
const MIN_TOTAL_SCORE: f64 = 4.0;
/// A best area with at least this share "clearly leads".
const CLEAR_LEAD: f64 = 0.3;
/// A declared area whose share is at least this fraction of the best one is accepted.
const DECLARED_CLOSE: f64 = 0.7;

impl Rule for AreaRule {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.1 \"Bài dự thi thể hiện ý tưởng, giải pháp của một trong các nội dung sau\"; Hưng Yên II.1 \"Nội dung ý tưởng tham gia cuộc thi\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some("AREA-MISMATCH"),
            holds: false,
            ineligible: false,
        }
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.area.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let lang = input.lang;
        let profile = input.profile;
        let d = detect_area_full(&input.doc.text, profile);
        let name = |a: Area| {
            let title = profile.area(a).map(|s| s.title.as_str()).unwrap_or("?");
            format!("{}) {title}", a.letter())
        };
        let declared = input.ctx.declared_area;
        let share_of = |a: Area| {
            d.shares
                .iter()
                .find(|s| s.0 == a)
                .map(|s| s.1)
                .unwrap_or(0.0)
        };
        let terms: Vec<String> = d
            .top_terms
            .iter()
            .map(|(t, n)| format!("“{t}” ×{n}"))
            .collect();
        let data = json!({
            "best": d.best,
            "confidence": d.confidence,
            "shares": d.shares.iter().map(|(a, s)| json!({"area": a, "share": s})).collect::<Vec<_>>(),
            "total_score": d.total_score,
            "top_terms": d.top_terms,
            "declared": declared,
        });
        let w = &lang.words().rules.area;
        let best = (w.best)(&name(d.best), &pct(lang, d.confidence), &terms.join(", "));
        if let Some(a) = declared
            && profile.area(a).is_none()
        {
            return CheckResult::new(CODE, Verdict::Fail, (w.not_in_plan)(a.letter()), data);
        }
        if d.total_score < MIN_TOTAL_SCORE {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.area.too_little.to_string(),
                data,
            );
        }
        match declared {
            Some(a) if a == d.best || share_of(a) >= DECLARED_CLOSE * d.confidence => {
                CheckResult::new(CODE, Verdict::Pass, (w.agrees)(&name(a), &best), data)
            }
            Some(a) if d.confidence >= CLEAR_LEAD => CheckResult::new(
                CODE,
                Verdict::Fail,
                (w.disagrees)(&name(a), &pct(lang, share_of(a)), &decapitalise(&best)),
                data,
            ),
            Some(a) => CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (w.declared_unclear)(&name(a), &best),
                data,
            ),
            None if d.confidence >= CLEAR_LEAD => CheckResult::new(CODE, Verdict::Pass, best, data),
            None => CheckResult::new(CODE, Verdict::CannotTell, (w.unclear)(&best), data),
        }
    }
}

fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
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
    fn declared_area_agrees_or_disagrees() {
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 4]);
        let r = run_rule(&AreaRule, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert_eq!(r.data["best"], "c");
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        let ctx = CheckContext {
            declared_area: Some(Area::C),
            attachments: &[],
        };
        assert_eq!(
            run_rule_with(&AreaRule, &doc, &p, &ctx, Lang::Vi).verdict,
            Verdict::Pass
        );
        let ctx = CheckContext {
            declared_area: Some(Area::E),
            attachments: &[],
        };
        let r = run_rule_with(&AreaRule, &doc, &p, &ctx, Lang::Vi);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(
            r.evidence.contains("e) Cải cách tài chính công"),
            "{}",
            r.evidence
        );
    }

    #[test]
    fn too_little_text_cannot_tell() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 1]);
        doc.paragraphs.truncate(1);
        doc.paragraphs[0].runs[0].text = "Xin chào".into();
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&AreaRule, &doc).verdict, Verdict::CannotTell);
    }
}
