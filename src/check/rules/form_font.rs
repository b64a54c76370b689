//! FORM-FONT — body text in Times New Roman.
//!
//! Required by Lạng Sơn III.3.a "Bài thi được trình bày bằng hình thức bài viết (cỡ chữ 14,
//! font TimeNewroman, …)" and Hưng Yên II.3 "(cỡ chữ 14, Time New Roman, …)".
//!
//! What it checks: the share of body characters (see `check::body`: cover, headings, tables,
//! footnotes and captions excluded) whose font is an accepted family of the profile must be at
//! least `form.min_body_share` (95% in both built-in profiles).
//!
//! Aliases: font names are compared after dropping the subset prefix ("ABCDEF+"), case,
//! spaces and punctuation, and PostScript/style suffixes, so "TimesNewRomanPSMT",
//! "TimesNewRomanPS-BoldMT", "Times New Roman Bold" are Times New Roman; the PDF base-14 names
//! "Times-Roman", "Times-Bold", … are listed as aliases in the profiles.
//!
//! Liberation Serif (and Tinos, Nimbus Roman, TeX Gyre Termes): LibreOffice on a machine
//! without Times New Roman renders and embeds Liberation Serif, a metric clone with the same
//! character widths, so the printed entry looks and paginates the same. In a PDF that is what
//! the author's tool did, not the author's choice, so these count as accepted — with a note in
//! the evidence. In a Word file the font name is the author's choice and must be an accepted
//! family: Liberation Serif in a .docx is a fail.
//!
//! Legacy fonts (.VnTime, VNI-Times): the text was decoded for reading, but the entry is not in
//! the required Unicode font: fail, with a note saying so.
//!
//! Cannot tell: a scanned PDF (no fonts), a plain-text file, a PDF with some scanned pages
//! (would otherwise be a pass), or when the reader could not tell the font of more than the
//! allowed share of characters.
//!
//! Example: an entry typed in Arial 13 → fail, "Chỉ 0,0% ký tự phần thân bài dùng phông Times New
//! Roman (yêu cầu ≥ 95,0%). Phông khác: Arial 4.210 ký tự. Ví dụ: trang 2 (Arial): “…”".

use std::collections::BTreeMap;

use serde_json::json;

use super::{cannot_see, place, scanned_pages};
use crate::check::body::{FontClass, classify_font, is_body_paragraph};
use crate::check::text::{count, pct, tr, visible_chars};
use crate::check::{CheckResult, Rule, RuleInput, Verdict};
use crate::lang::Lang;
use crate::model::Format;

pub struct FormFont;

const CODE: &str = "FORM-FONT";
/// How many offending places the evidence lists.
const MAX_PLACES: usize = 3;

impl Rule for FormFont {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.pick("Phông chữ Times New Roman", "Font Times New Roman")
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, true) {
            return r;
        }
        let lang = input.lang;
        let doc = input.doc;
        let rules = &input.profile.form;
        let is_pdf = doc.format == Some(Format::Pdf);
        let accepted_names: Vec<&str> = rules.fonts.iter().map(|f| f.name.as_str()).collect();
        let accepted_label = accepted_names.join(", ");

        let mut per_font: BTreeMap<String, usize> = BTreeMap::new();
        let (mut total, mut accepted, mut metric, mut unknown, mut legacy) = (0, 0, 0, 0, 0);
        let mut places = Vec::new();
        let mut legacy_names: Vec<String> = Vec::new();
        for p in doc.paragraphs.iter().filter(|p| is_body_paragraph(doc, p)) {
            let mut offending: Option<String> = None;
            for r in &p.runs {
                let n = visible_chars(&r.text);
                if n == 0 {
                    continue;
                }
                total += n;
                let name = r.font.clone().unwrap_or_default();
                *per_font.entry(name.clone()).or_insert(0) += n;
                match classify_font(r.font.as_deref(), rules) {
                    FontClass::Accepted(_) => accepted += n,
                    FontClass::MetricEquivalent(_) if is_pdf => metric += n,
                    FontClass::Unknown => unknown += n,
                    FontClass::Legacy(f) => {
                        legacy += n;
                        if !legacy_names.contains(&f) {
                            legacy_names.push(f.clone());
                        }
                        offending.get_or_insert(f);
                    }
                    FontClass::MetricEquivalent(f) | FontClass::Other(f) => {
                        offending.get_or_insert(f);
                    }
                }
            }
            if let Some(font) = offending
                && places.len() < MAX_PLACES
            {
                places.push(place(input, p.page, &font, &p.text()));
            }
        }

        let share = |n: usize| {
            if total > 0 {
                n as f64 / total as f64
            } else {
                0.0
            }
        };
        let ok_share = share(accepted + metric);
        let data = json!({
            "body_chars": total,
            "chars_per_font": per_font,
            "accepted_chars": accepted,
            "metric_equivalent_chars": metric,
            "unknown_font_chars": unknown,
            "legacy_font_chars": legacy,
            "accepted_share": ok_share,
            "min_share": rules.min_body_share,
            "offending_places": places,
        });
        if total == 0 {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.pick(
                    "Không tìm thấy đoạn văn thân bài nào để kiểm tra phông chữ.",
                    "No body paragraphs found to check the font of.",
                )
                .to_string(),
                data,
            );
        }
        let others: Vec<String> = per_font
            .iter()
            .filter(|(f, _)| {
                let class = classify_font(Some(f.as_str()), rules);
                let counted = matches!(class, FontClass::Accepted(_))
                    || (is_pdf && matches!(class, FontClass::MetricEquivalent(_)));
                !f.is_empty() && !counted
            })
            .map(|(f, n)| {
                tr(
                    lang,
                    format!("{f} {} ký tự", count(lang, *n)),
                    format!("{f} {} chars", count(lang, *n)),
                )
            })
            .collect();
        let min = rules.min_body_share;
        let passes = ok_share + 1e-9 >= min;
        // Characters whose font is unknown could tip the verdict either way.
        if share(unknown) > 1.0 - min && (accepted + metric + unknown) as f64 / total as f64 >= min
        {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                tr(
                    lang,
                    format!(
                        "Không xác định được phông chữ của {} ký tự thân bài ({}); cần xem trực tiếp.",
                        count(lang, unknown),
                        pct(lang, share(unknown))
                    ),
                    format!(
                        "The font of {} body characters ({}) is not recorded; look at the file directly.",
                        count(lang, unknown),
                        pct(lang, share(unknown))
                    ),
                ),
                data,
            );
        }
        let mut evidence = tr(
            lang,
            format!(
                "{} ký tự thân bài ({} ký tự) dùng phông {accepted_label} (yêu cầu ≥ {}).",
                pct(lang, ok_share),
                count(lang, total),
                pct(lang, min)
            ),
            format!(
                "{} of body characters ({} chars) are in {accepted_label} (required ≥ {}).",
                pct(lang, ok_share),
                count(lang, total),
                pct(lang, min)
            ),
        );
        if !others.is_empty() {
            evidence.push_str(&tr(
                lang,
                format!(" Phông khác: {}.", others.join("; ")),
                format!(" Other fonts: {}.", others.join("; ")),
            ));
        }
        if !passes && !places.is_empty() {
            evidence.push_str(&tr(
                lang,
                format!(" Ví dụ: {}.", places.join("; ")),
                format!(" For example: {}.", places.join("; ")),
            ));
        }
        if metric > 0 {
            evidence.push_str(&tr(
                lang,
                format!(
                    " Ghi chú: {} ký tự dùng phông thay thế có cùng kích thước chữ với Times New Roman (như Liberation Serif, do LibreOffice nhúng khi máy không cài Times New Roman); được tính là đạt vì bản in giống hệt.",
                    count(lang, metric)
                ),
                format!(
                    " Note: {} chars use a metric clone of Times New Roman (e.g. Liberation Serif, embedded by LibreOffice where Times New Roman is not installed); counted as accepted because the printout is identical.",
                    count(lang, metric)
                ),
            ));
        }
        if legacy > 0 {
            evidence.push_str(&tr(
                lang,
                format!(
                    " Bài dùng phông cũ theo bảng mã TCVN3/VNI ({}); soloai đã chuyển sang Unicode để đọc, nhưng thể lệ yêu cầu phông Times New Roman (Unicode).",
                    legacy_names.join(", ")
                ),
                format!(
                    " The entry uses pre-Unicode Vietnamese fonts ({}); soloai decoded the text to read it, but the plan requires Times New Roman (Unicode).",
                    legacy_names.join(", ")
                ),
            ));
        }
        let scanned = scanned_pages(doc);
        if passes && !scanned.is_empty() {
            let pages = scanned
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            evidence.push_str(&tr(
                lang,
                format!(" Tuy nhiên trang {pages} là bản quét, không kiểm tra được phông."),
                format!(" But page(s) {pages} are scanned and their font cannot be checked."),
            ));
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
    fn times_new_roman_passes_arial_fails() {
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 3]);
        let r = run_rule(&FormFont, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        let doc = doc_with_runs(Format::Docx, &[("Arial", 13.0); 3]);
        let r = run_rule(&FormFont, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("Arial"), "{}", r.evidence);
        assert!(r.evidence.contains("trang 2"), "{}", r.evidence);
    }

    #[test]
    fn liberation_serif_passes_in_pdf_only() {
        let pdf = doc_with_runs(Format::Pdf, &[("LiberationSerif", 14.0); 3]);
        let r = run_rule(&FormFont, &pdf);
        assert_eq!(r.verdict, Verdict::Pass);
        assert!(r.evidence.contains("Liberation Serif"), "{}", r.evidence);
        let docx = doc_with_runs(Format::Docx, &[("Liberation Serif", 14.0); 3]);
        assert_eq!(run_rule(&FormFont, &docx).verdict, Verdict::Fail);
    }

    #[test]
    fn postscript_names_pass() {
        let doc = doc_with_runs(
            Format::Pdf,
            &[
                ("TimesNewRomanPSMT", 14.0),
                ("TimesNewRomanPS-BoldMT", 14.0),
                ("Times-Roman", 14.0),
            ],
        );
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::Pass);
    }

    #[test]
    fn legacy_font_fails_with_a_note() {
        let doc = doc_with_runs(Format::Docx, &[(".VnTime", 14.0); 3]);
        let r = run_rule(&FormFont, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("TCVN3"), "{}", r.evidence);
    }

    #[test]
    fn scanned_and_unknown_cannot_tell() {
        let mut doc = doc_with_runs(Format::Pdf, &[("Times New Roman", 14.0); 3]);
        doc.needs_ocr = true;
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::CannotTell);
        let mut doc = doc_with_runs(Format::Pdf, &[("Times New Roman", 14.0); 3]);
        doc.pages[1].needs_ocr = true;
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::CannotTell);
        let doc = doc_with_runs(Format::Pdf, &[("", 14.0); 3]);
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::CannotTell);
        let doc = doc_with_runs(Format::Txt, &[("", 14.0); 3]);
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::CannotTell);
    }
}
