//! FORM-SIZE — body text at 14 pt.
//!
//! Required by Lạng Sơn III.3.a and Hưng Yên II.3 "(cỡ chữ 14, …)".
//!
//! What it checks: the share of body characters whose size is `form.size_pt` ±
//! `form.size_tolerance_pt` (14 ± 0.1 in both built-in profiles) must be at least
//! `form.min_body_share`. "Body" is defined in `check::body`: the cover page, headings (by
//! kind, by style, or as short all-bold lines), tables, footnotes, captions and text boxes are
//! excluded, because a 16 pt title or a 12 pt table is normal practice and the plan's "cỡ chữ
//! 14" is about the running text. The size is the one the reader resolved: Word's document
//! defaults → paragraph style → character style → direct formatting, so 14 pt set only
//! through the styles counts.
//!
//! Cannot tell: scanned PDF, plain text, sizes unknown for too many characters, or some
//! pages scanned when the rest would pass.
//!
//! Example: an entry in 13 pt → fail, "0,0% ký tự thân bài ở cỡ chữ 14 (yêu cầu ≥ 95,0%). Cỡ
//! khác: 13 pt 4.210 ký tự. Ví dụ: trang 2 (13 pt): “…”".

use std::collections::BTreeMap;

use serde_json::json;

use super::{cannot_see, place, scanned_pages};
use crate::check::body::is_body_paragraph;
use crate::check::text::{count, pct, visible_chars};
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;

pub struct FormSize;

const CODE: &str = "FORM-SIZE";
const MAX_PLACES: usize = 3;

fn size_label(size: f32) -> String {
    let s = format!("{size:.1}");
    s.strip_suffix(".0").map(String::from).unwrap_or(s)
}

impl Rule for FormSize {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a, Hưng Yên II.3 \"cỡ chữ 14\""
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.form_size.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, true) {
            return r;
        }
        let lang = input.lang;
        let doc = input.doc;
        let rules = &input.profile.form;
        let want = rules.size_pt;
        let tol = rules.size_tolerance_pt.max(0.0) + 1e-3;
        let ok = |s: f32| (s - want).abs() <= tol;

        let mut per_size: BTreeMap<String, usize> = BTreeMap::new();
        let (mut total, mut good, mut unknown) = (0usize, 0usize, 0usize);
        let mut places = Vec::new();
        for p in doc.paragraphs.iter().filter(|p| is_body_paragraph(doc, p)) {
            let mut offending: Option<f32> = None;
            for r in &p.runs {
                let n = visible_chars(&r.text);
                if n == 0 {
                    continue;
                }
                total += n;
                match r.size_pt {
                    Some(s) => {
                        *per_size.entry(size_label(s)).or_insert(0) += n;
                        if ok(s) {
                            good += n;
                        } else {
                            offending.get_or_insert(s);
                        }
                    }
                    None => {
                        *per_size.entry(String::new()).or_insert(0) += n;
                        unknown += n;
                    }
                }
            }
            if let Some(s) = offending
                && places.len() < MAX_PLACES
            {
                places.push(place(
                    input,
                    p.page,
                    &format!("{} pt", size_label(s)),
                    &p.text(),
                ));
            }
        }
        let share = |n: usize| {
            if total > 0 {
                n as f64 / total as f64
            } else {
                0.0
            }
        };
        let min = rules.min_body_share;
        let data = json!({
            "body_chars": total,
            "chars_per_size": per_size,
            "size_pt": (f64::from(want) * 1000.0).round() / 1000.0,
            "tolerance_pt": (f64::from(rules.size_tolerance_pt) * 1000.0).round() / 1000.0,
            "ok_chars": good,
            "unknown_size_chars": unknown,
            "ok_share": share(good),
            "min_share": min,
            "offending_places": places,
        });
        if total == 0 {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.form_size.no_body.to_string(),
                data,
            );
        }
        let passes = share(good) + 1e-9 >= min;
        if !passes && share(good + unknown) + 1e-9 >= min {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.form_size.unknown)(
                    &count(lang, unknown),
                    &pct(lang, share(unknown)),
                ),
                data,
            );
        }
        let want_label = size_label(want);
        let w = &lang.words().rules.form_size;
        let mut evidence = (w.share)(
            &pct(lang, share(good)),
            &count(lang, total),
            &want_label,
            &pct(lang, min),
        );
        let others: Vec<String> = per_size
            .iter()
            .filter(|(s, _)| !s.is_empty() && s.parse::<f32>().map(|v| !ok(v)).unwrap_or(false))
            .map(|(s, n)| (w.other_size)(s, &count(lang, *n)))
            .collect();
        if !others.is_empty() {
            evidence.push_str(&(w.other_sizes)(&others.join("; ")));
        }
        if !passes && !places.is_empty() {
            evidence.push_str(&(w.examples)(&places.join("; ")));
        }
        let scanned = scanned_pages(doc);
        if passes && !scanned.is_empty() {
            let pages = scanned
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            evidence.push_str(&(w.scanned)(&pages));
            return CheckResult::new(CODE, Verdict::CannotTell, evidence, data);
        }
        let verdict = if passes { Verdict::Pass } else { Verdict::Fail };
        CheckResult::new(CODE, verdict, evidence, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{doc_with_runs, run_rule};
    use crate::model::Format;

    #[test]
    fn fourteen_passes_thirteen_fails() {
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 3]);
        assert_eq!(run_rule(&FormSize, &doc).verdict, Verdict::Pass);
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.1); 3]);
        assert_eq!(run_rule(&FormSize, &doc).verdict, Verdict::Pass);
        let doc = doc_with_runs(Format::Docx, &[("Arial", 13.0); 3]);
        let r = run_rule(&FormSize, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("13 pt"), "{}", r.evidence);
        assert_eq!(
            r.data["chars_per_size"]["13"].as_u64().map(|n| n > 0),
            Some(true)
        );
    }

    #[test]
    fn headings_and_cover_do_not_count() {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 3]);
        // A 16 pt bold heading and a 20 pt cover line change nothing.
        doc.paragraphs[0].runs[0].size_pt = Some(20.0);
        doc.paragraphs[6].runs[0].size_pt = Some(16.0);
        doc.paragraphs[6].runs[0].bold = true;
        assert_eq!(run_rule(&FormSize, &doc).verdict, Verdict::Pass);
    }

    #[test]
    fn unknown_sizes_cannot_tell() {
        let mut doc = doc_with_runs(Format::Pdf, &[("Times New Roman", 14.0); 3]);
        for p in doc.paragraphs.iter_mut().skip(5) {
            p.runs[0].size_pt = None;
        }
        assert_eq!(run_rule(&FormSize, &doc).verdict, Verdict::CannotTell);
    }
}
