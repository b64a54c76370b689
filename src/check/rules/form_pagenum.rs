//! FORM-PAGENUM — pages numbered in order.
//!
//! Required by Lạng Sơn III.3.a and Hưng Yên II.3 "đánh số trang theo thứ tự".
//!
//! Word (.docx, and .doc/.odt read through LibreOffice): every section must show a PAGE field
//! in a header or footer that applies to it (`Section::parts`, inherited parts included). A
//! section with "Different first page" (`title_page`) shows its `First` header/footer on its
//! first page: for the first section that page is the cover and may be unnumbered when the
//! profile allows it (`form.cover_may_be_unnumbered`); for a later section an unnumbered first
//! page is a gap in the numbering.
//!
//! PDF: the number printed in each page's top or bottom band (`Page::printed_number`) must be
//! the page's position (index + 1), or index when the cover is unnumbered and the count starts
//! on the next page. Pages without a number or with a number out of order are listed.
//!
//! Cannot tell: scanned PDF, plain text, a PDF page without text (scanned) where a number is
//! missing.
//!
//! Example: a .docx whose second section has its own footer without a PAGE field → fail,
//! "Phần (ngắt phần của Word) 2 không có số trang ở đầu trang/chân trang."

use serde_json::json;

use super::cannot_see;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;
use crate::model::{Extracted, Format, HeaderFooterVariant, Section};

pub struct FormPagenum;

const CODE: &str = "FORM-PAGENUM";
/// Most pages listed by number in the evidence.
const MAX_LISTED: usize = 10;

impl Rule for FormPagenum {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a, Hưng Yên II.3 \"đánh số trang theo thứ tự\""
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.form_pagenum.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if !input.profile.form.page_numbering_required {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                input
                    .lang
                    .words()
                    .rules
                    .form_pagenum
                    .not_required
                    .to_string(),
                json!({ "required": false }),
            );
        }
        if let Some(r) = cannot_see(input, CODE, true) {
            return r;
        }
        match input.doc.format {
            Some(Format::Pdf) => check_pdf(input),
            _ => check_word(input),
        }
    }
}

fn list(pages: &[usize]) -> String {
    let mut s: Vec<String> = pages
        .iter()
        .take(MAX_LISTED)
        .map(|p| p.to_string())
        .collect();
    if pages.len() > MAX_LISTED {
        s.push("…".into());
    }
    s.join(", ")
}

fn check_word(input: &RuleInput<'_>) -> CheckResult {
    let lang = input.lang;
    let doc = input.doc;
    let cover_free = input.profile.form.cover_may_be_unnumbered;
    // A reader that found no section still found the headers/footers: treat them as one.
    let fallback;
    let sections: &[Section] = if doc.sections.is_empty() {
        fallback = [Section {
            index: 0,
            first_paragraph: 0,
            title_page: false,
            parts: (0..doc.headers_footers.len()).collect(),
        }];
        &fallback
    } else {
        &doc.sections
    };

    let mut unnumbered: Vec<usize> = Vec::new();
    let mut first_page_gaps: Vec<usize> = Vec::new();
    let mut cover_unnumbered = false;
    // With "Different odd and even pages", even pages show the Even part: it must be numbered
    // too (unless the document has a single page).
    let even_pages_apart = doc.metadata.even_and_odd_headers
        && (doc.pages.len() > 1 || doc.metadata.declared_pages.is_some_and(|n| n > 1));
    let mut even_page_gaps: Vec<usize> = Vec::new();
    let mut section_data = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let numbered = |variant: HeaderFooterVariant| {
            s.parts.iter().any(|&k| {
                doc.headers_footers
                    .get(k)
                    .is_some_and(|h| h.variant == variant && h.has_page_field)
            })
        };
        let default_numbered = numbered(HeaderFooterVariant::Default);
        let first_numbered = numbered(HeaderFooterVariant::First);
        if even_pages_apart && default_numbered && !numbered(HeaderFooterVariant::Even) {
            even_page_gaps.push(i + 1);
        }
        section_data.push(json!({
            "section": i + 1,
            "numbered": default_numbered,
            "title_page": s.title_page,
            "first_page_numbered": !s.title_page || first_numbered,
        }));
        if !default_numbered {
            unnumbered.push(i + 1);
        } else if s.title_page && !first_numbered {
            if i == 0 && cover_free {
                cover_unnumbered = true;
            } else {
                first_page_gaps.push(i + 1);
            }
        }
    }
    let data = json!({
        "method": "word-page-fields",
        "sections": section_data,
        "unnumbered_sections": unnumbered,
        "unnumbered_first_pages": first_page_gaps,
        "cover_unnumbered": cover_unnumbered,
        "even_and_odd_headers": doc.metadata.even_and_odd_headers,
        "unnumbered_even_pages": even_page_gaps,
    });
    if unnumbered.is_empty() && first_page_gaps.is_empty() && even_page_gaps.is_empty() {
        let mut evidence = (lang.words().rules.form_pagenum.all_sections)(sections.len());
        if cover_unnumbered {
            evidence.push_str(lang.words().rules.form_pagenum.cover_unnumbered);
        }
        return CheckResult::new(CODE, Verdict::Pass, evidence, data);
    }
    let mut evidence = String::new();
    if doc.headers_footers.iter().all(|h| !h.has_page_field) {
        evidence.push_str(lang.words().rules.form_pagenum.no_page_field);
    } else {
        if !unnumbered.is_empty() {
            evidence.push_str(&(lang.words().rules.form_pagenum.sections_unnumbered)(
                &list(&unnumbered),
            ));
        }
        if !even_page_gaps.is_empty() {
            if !evidence.is_empty() {
                evidence.push(' ');
            }
            evidence.push_str(&(lang.words().rules.form_pagenum.even_unnumbered)(&list(
                &even_page_gaps,
            )));
        }
        if !first_page_gaps.is_empty() {
            if !evidence.is_empty() {
                evidence.push(' ');
            }
            evidence.push_str(&(lang.words().rules.form_pagenum.first_unnumbered)(&list(
                &first_page_gaps,
            )));
        }
    }
    CheckResult::new(CODE, Verdict::Fail, evidence, data)
}

fn check_pdf(input: &RuleInput<'_>) -> CheckResult {
    let lang = input.lang;
    let doc: &Extracted = input.doc;
    let pages = &doc.pages;
    if pages.is_empty() {
        return CheckResult::new(
            CODE,
            Verdict::CannotTell,
            lang.words().rules.form_pagenum.no_pages.to_string(),
            json!({ "method": "pdf-printed-numbers", "pages": 0 }),
        );
    }
    let number = |i: usize| {
        pages
            .get(i)
            .and_then(|p| p.printed_number.as_ref())
            .map(|n| n.value)
    };
    let cover_free = input.profile.form.cover_may_be_unnumbered;
    // The count starts at the cover (page 1 shows "1" or nothing) or after it (page 2 shows "1").
    let offset = usize::from(number(0).is_none() && number(1) == Some(1));
    let mut missing = Vec::new();
    let mut wrong: Vec<(usize, u32, usize)> = Vec::new();
    let mut unreadable = Vec::new();
    let mut printed = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let shown = p.printed_number.as_ref().map(|n| n.value);
        printed.push(shown);
        if i == 0 && shown.is_none() && cover_free {
            continue;
        }
        let expected = i + 1 - offset;
        match shown {
            Some(v) if v as usize == expected => {}
            Some(v) => wrong.push((i + 1, v, expected)),
            None if p.needs_ocr => unreadable.push(i + 1),
            None => missing.push(i + 1),
        }
    }
    let data = json!({
        "method": "pdf-printed-numbers",
        "pages": pages.len(),
        "printed": printed,
        "count_starts_after_cover": offset == 1,
        "pages_without_number": missing,
        "pages_out_of_order": wrong.iter().map(|(p, v, e)| json!({"page": p, "printed": v, "expected": e})).collect::<Vec<_>>(),
        "scanned_pages": unreadable,
    });
    if missing.is_empty() && wrong.is_empty() {
        if !unreadable.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.form_pagenum.scanned)(&list(&unreadable)),
                data,
            );
        }
        let mut evidence = (lang.words().rules.form_pagenum.all_pages)(pages.len());
        if number(0).is_none() {
            evidence.push_str(lang.words().rules.form_pagenum.cover_unnumbered);
        }
        return CheckResult::new(CODE, Verdict::Pass, evidence, data);
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push((lang.words().rules.form_pagenum.pages_missing)(&list(
            &missing,
        )));
    }
    if !wrong.is_empty() {
        let items: Vec<String> = wrong
            .iter()
            .take(MAX_LISTED)
            .map(|(p, v, e)| (lang.words().rules.form_pagenum.wrong_item)(*p, *v, *e))
            .collect();
        parts.push((lang.words().rules.form_pagenum.out_of_order)(
            &items.join("; "),
        ));
    }
    CheckResult::new(CODE, Verdict::Fail, parts.join(" "), data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{doc_with_runs, run_rule};
    use crate::model::{Band, HeaderFooter, HeaderFooterKind, PrintedPageNumber};

    fn footer(section: usize, variant: HeaderFooterVariant, page_field: bool) -> HeaderFooter {
        HeaderFooter {
            kind: HeaderFooterKind::Footer,
            variant,
            section,
            page: None,
            text: if page_field {
                "1".into()
            } else {
                "Bài dự thi".into()
            },
            has_page_field: page_field,
        }
    }

    fn word(sections: &[(bool, &[(HeaderFooterVariant, bool)])]) -> Extracted {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        for (i, (title, parts)) in sections.iter().enumerate() {
            let mut idx = Vec::new();
            for (variant, field) in parts.iter() {
                idx.push(doc.headers_footers.len());
                doc.headers_footers.push(footer(i, *variant, *field));
            }
            doc.sections.push(Section {
                index: i,
                first_paragraph: 0,
                title_page: *title,
                parts: idx,
            });
        }
        doc
    }

    use HeaderFooterVariant::{Default as D, First as F};

    #[test]
    fn word_numbered_with_unnumbered_cover_passes() {
        let doc = word(&[(true, &[(D, true), (F, false)]), (false, &[(D, true)])]);
        let r = run_rule(&FormPagenum, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(r.evidence.contains("Trang bìa"), "{}", r.evidence);
    }

    #[test]
    fn word_section_two_without_numbers_fails() {
        let doc = word(&[(false, &[(D, true)]), (false, &[(D, false)])]);
        let r = run_rule(&FormPagenum, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(
            r.evidence.contains("Phần (ngắt phần của Word) 2"),
            "{}",
            r.evidence
        );
        let doc = word(&[(false, &[(D, true)]), (true, &[(D, true), (F, false)])]);
        assert_eq!(run_rule(&FormPagenum, &doc).verdict, Verdict::Fail);
    }

    #[test]
    fn word_even_pages_need_their_own_number_when_odd_and_even_differ() {
        use HeaderFooterVariant::Even as E;
        let mut doc = word(&[(false, &[(D, true), (E, false)])]);
        assert_eq!(run_rule(&FormPagenum, &doc).verdict, Verdict::Pass);
        doc.metadata.even_and_odd_headers = true;
        let r = run_rule(&FormPagenum, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("Trang chẵn"), "{}", r.evidence);
        let mut doc = word(&[(false, &[(D, true), (E, true)])]);
        doc.metadata.even_and_odd_headers = true;
        assert_eq!(run_rule(&FormPagenum, &doc).verdict, Verdict::Pass);
    }

    #[test]
    fn word_without_any_field_fails() {
        let doc = word(&[(false, &[])]);
        let r = run_rule(&FormPagenum, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("không có số trang"), "{}", r.evidence);
    }

    fn pdf(numbers: &[Option<u32>]) -> Extracted {
        let runs = vec![("Times New Roman", 14.0); numbers.len().saturating_sub(1)];
        let mut doc = doc_with_runs(Format::Pdf, &runs);
        for (p, n) in doc.pages.iter_mut().zip(numbers) {
            p.printed_number = n.map(|value| PrintedPageNumber {
                value,
                band: Band::Bottom,
                x: 300.0,
                y: 30.0,
            });
        }
        doc
    }

    #[test]
    fn pdf_numbering() {
        let ok = [
            vec![Some(1), Some(2), Some(3)],
            vec![None, Some(2), Some(3)],
            vec![None, Some(1), Some(2)],
        ];
        for n in ok {
            let r = run_rule(&FormPagenum, &pdf(&n));
            assert_eq!(r.verdict, Verdict::Pass, "{n:?}: {}", r.evidence);
        }
        let r = run_rule(&FormPagenum, &pdf(&[Some(1), None, Some(3)]));
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("2"), "{}", r.evidence);
        let r = run_rule(&FormPagenum, &pdf(&[None, Some(2), Some(2)]));
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("đúng ra là 3"), "{}", r.evidence);
        let mut doc = pdf(&[None, Some(2), None]);
        doc.pages[2].needs_ocr = true;
        assert_eq!(run_rule(&FormPagenum, &doc).verdict, Verdict::CannotTell);
    }
}
