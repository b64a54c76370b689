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
use crate::check::body::{FontClass, FontMatcher, is_body_paragraph};
use crate::check::text::{count, pct, visible_chars};
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
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

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"cỡ chữ 14, font TimeNewroman\"; Hưng Yên II.3 \"cỡ chữ 14, Time New Roman\""
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.form_font.title
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
        let matcher = FontMatcher::new(rules);
        let mut classes_by_name: std::collections::HashMap<Option<String>, FontClass> =
            std::collections::HashMap::new();
        let mut classify = |font: Option<&str>| -> FontClass {
            classes_by_name
                .entry(font.map(String::from))
                .or_insert_with(|| matcher.classify(font))
                .clone()
        };
        let mut fallback = 0;
        let mut fallback_fonts: Vec<String> = Vec::new();
        for p in doc.paragraphs.iter().filter(|p| is_body_paragraph(doc, p)) {
            let mut offending: Option<String> = None;
            let runs: Vec<_> = p
                .runs
                .iter()
                .filter(|r| visible_chars(&r.text) > 0)
                .collect();
            let classes: Vec<FontClass> =
                runs.iter().map(|r| classify(r.font.as_deref())).collect();
            let counted = |c: Option<&FontClass>| match c {
                Some(FontClass::Accepted(_)) => true,
                Some(FontClass::MetricEquivalent(_)) => is_pdf,
                _ => false,
            };
            for (i, (r, class)) in runs.iter().zip(&classes).enumerate() {
                let n = visible_chars(&r.text);
                total += n;
                let name = r.font.clone().unwrap_or_default();
                *per_font.entry(name.clone()).or_insert(0) += n;
                let neighbour_counted =
                    (i > 0 && counted(classes.get(i - 1))) || counted(classes.get(i + 1));
                match class {
                    FontClass::Accepted(_) => accepted += n,
                    FontClass::MetricEquivalent(_) if is_pdf => metric += n,
                    FontClass::Other(f)
                        if is_pdf && neighbour_counted && is_glyph_fallback(&r.text) =>
                    {
                        fallback += n;
                        if !fallback_fonts.contains(f) {
                            fallback_fonts.push(f.clone());
                        }
                    }
                    FontClass::Unknown => unknown += n,
                    FontClass::Legacy(f) => {
                        legacy += n;
                        if !legacy_names.contains(f) {
                            legacy_names.push(f.clone());
                        }
                        offending.get_or_insert(f.clone());
                    }
                    FontClass::MetricEquivalent(f) | FontClass::Other(f) => {
                        offending.get_or_insert(f.clone());
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
        let ok_share = share(accepted + metric + fallback);
        let data = json!({
            "body_chars": total,
            "chars_per_font": per_font,
            "accepted_chars": accepted,
            "metric_equivalent_chars": metric,
            "glyph_fallback_chars": fallback,
            "glyph_fallback_fonts": fallback_fonts,
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
                lang.words().rules.form_font.no_body.to_string(),
                data,
            );
        }
        let others: Vec<String> = per_font
            .iter()
            .filter(|(f, _)| {
                let class = matcher.classify(Some(f.as_str()));
                let counted = matches!(class, FontClass::Accepted(_))
                    || (is_pdf && matches!(class, FontClass::MetricEquivalent(_)));
                !f.is_empty() && !counted && !fallback_fonts.contains(f)
            })
            .map(|(f, n)| (lang.words().rules.form_font.other_font)(f, &count(lang, *n)))
            .collect();
        let min = rules.min_body_share;
        let passes = ok_share + 1e-9 >= min;
        // Characters whose font is unknown could tip the verdict either way.
        if share(unknown) > 1.0 - min
            && (accepted + metric + fallback + unknown) as f64 / total as f64 >= min
        {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.form_font.unknown)(
                    &count(lang, unknown),
                    &pct(lang, share(unknown)),
                ),
                data,
            );
        }
        let w = &lang.words().rules.form_font;
        let equiv = if metric + fallback > 0 {
            w.or_equivalent
        } else {
            ""
        };
        let mut evidence = (w.share)(
            &pct(lang, ok_share),
            &count(lang, total),
            &format!("{accepted_label}{equiv}"),
            &pct(lang, min),
        );
        if !others.is_empty() {
            evidence.push_str(&(w.other_fonts)(&others.join("; ")));
        }
        if !passes && !places.is_empty() {
            evidence.push_str(&(w.examples)(&places.join("; ")));
        }
        if metric > 0 {
            evidence.push_str(&(w.metric_note)(&count(lang, metric)));
        }
        if fallback > 0 {
            evidence.push_str(&(w.fallback_note)(
                &count(lang, fallback),
                &fallback_fonts.join(", "),
            ));
        }
        if legacy > 0 {
            evidence.push_str(&(w.legacy_note)(&legacy_names.join(", ")));
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

/// Most letters in one run still taken as a glyph-by-glyph fallback.
const FALLBACK_MAX_CHARS: usize = 3;

/// A PDF producer that lacks a glyph in the chosen font draws that one letter from a fallback
/// font (LibreOffice uses DejaVu for Vietnamese letters its Liberation Serif lacks). Such a run
/// is a few non-ASCII letters between runs of the main font.
fn is_glyph_fallback(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    !letters.is_empty()
        && letters.len() <= FALLBACK_MAX_CHARS
        && letters.iter().all(|c| c.is_alphabetic() && !c.is_ascii())
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
    fn single_letter_fallback_counts_with_neighbours_in_pdf_only() {
        use crate::model::Run;
        let mut doc = doc_with_runs(Format::Pdf, &[("LiberationSerif", 14.0); 2]);
        let run = |font: &str, text: &str| Run {
            text: text.into(),
            font: Some(font.into()),
            size_pt: Some(14.0),
            ..Run::default()
        };
        let last = doc.paragraphs.len() - 1;
        doc.paragraphs[last].runs = vec![
            run("LiberationSerif", "Th"),
            run("DejaVuSerif", "ờ"),
            run("LiberationSerif", "i gian gi"),
            run("DejaVuSerif", "ả"),
            run("LiberationSerif", "i quy"),
            run("DejaVuSerif", "ế"),
            run("LiberationSerif", "t"),
        ];
        crate::check::rules::testing::relayout(&mut doc);
        let r = run_rule(&FormFont, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert_eq!(r.data["glyph_fallback_chars"], 3);
        // A whole paragraph in DejaVu Serif is not a fallback.
        doc.paragraphs[last].runs = vec![run(
            "DejaVuSerif",
            "Thời gian giải quyết hồ sơ ngắn hơn nhiều",
        )];
        crate::check::rules::testing::relayout(&mut doc);
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::Fail);
        doc.format = Some(Format::Docx);
        assert_eq!(run_rule(&FormFont, &doc).verdict, Verdict::Fail);
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
