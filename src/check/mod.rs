//! Stage 4: form and content rules, each with a code (FORM-FONT, COVER-PHONE, …).
//!
//! A council member today opens every entry in Word to see whether it follows the plan's
//! "Hình thức dự thi" (font, size, page numbers, cover page, group details, content area).
//! Each of those requirements is a [`Rule`] in its own file under `rules/`, with a code the
//! reports cite. A rule gives a [`Verdict`] and evidence a person can verify: the council
//! must be able to trust or overrule every verdict, so the evidence names the characters,
//! pages and values it is based on.
//!
//! A rule never passes what it could not see: a scanned PDF has no fonts, so FORM-FONT says
//! "cannot tell" ("Chưa xác định"), not "pass".
//!
//! | code | file | plan (Lạng Sơn / Hưng Yên) |
//! |---|---|---|
//! | FORM-FONT | `rules/form_font.rs` | III.3.a / II.3 "font TimeNewroman" |
//! | FORM-SIZE | `rules/form_size.rs` | III.3.a / II.3 "cỡ chữ 14" |
//! | FORM-PAGENUM | `rules/form_pagenum.rs` | III.3.a / II.3 "đánh số trang theo thứ tự" |
//! | COVER-NAME, COVER-POSITION, COVER-UNIT | `rules/cover_*.rs` | III.3.a / II.3 "trang bìa … ghi rõ họ, tên, chức vụ, đơn vị công tác(/địa chỉ)" |
//! | COVER-PHONE | `rules/cover_phone.rs` | III.3.a / II.3 "ghi rõ họ tên, địa chỉ và số điện thoại" |
//! | GROUP-MEMBERS | `rules/group_members.rs` | III.3.a / II.3 "nhóm tác giả … các thành viên, địa chỉ và số điện thoại … đại diện" |
//! | AREA | `rules/area.rs` | III.1 / II.1 "một trong các nội dung sau" |
//! | REVISION-STATEMENT | `rules/revision_statement.rs` | III.2.b / II.2.b "văn bản giải trình" |
//! | ADDRESS | `rules/address.rs` | III.3.a / II.3 "Bài dự thi ghi rõ họ tên, địa chỉ và số điện thoại" |
//!
//! Eligibility rules (who may enter, when, where an entry was sent, what came with it) are in
//! `eligibility/` with the same shape ([`EntryRule`]); QUOTA, one result per unit, in
//! `quota.rs`. Whether a failed rule raises a flag, and whether its "cannot tell" holds the
//! entry's verdict, is the rule's own [`Effect`].
//!
//! Shared readers: [`parse_cover`] (the cover's labelled fields), [`detect_area`] (term
//! weights per area), [`find_revision_statement`]; `body` defines body text for FORM-FONT and
//! FORM-SIZE.

mod area;
mod body;
mod cover;
pub mod eligibility;
pub mod quota;
mod revision;
pub mod rules;
mod text;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::Extracted;
use crate::profile::{Area, ContestProfile};

pub use area::{AreaDetection, detect_area, detect_area_full};
pub use body::{FontClass, FontMatcher, classify_font, font_key, is_body_paragraph};
pub use cover::{CoverInfo, Representative, find_phone, parse_cover};
pub use eligibility::{ContestFacts, EntryFacts, EntryRule};
pub use revision::{RevisionSource, RevisionStatement, find_revision_statement};

/// The outcome of one rule on one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    /// The rule could not see what it needs (scanned pages, no formatting, no labels).
    CannotTell,
}

impl Verdict {
    /// The word a council member reads: Đạt · Không đạt · Chưa xác định.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Pass => lang.words().rules.verdict.pass,
            Verdict::Fail => lang.words().rules.verdict.fail,
            Verdict::CannotTell => lang.words().rules.verdict.cannot_tell,
        }
    }
}

/// One rule's verdict on one entry with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The rule's code (`FORM-FONT`, …).
    pub code: String,
    pub verdict: Verdict,
    /// Sentence(s) a council member reads, in the requested language.
    pub evidence: String,
    /// The same evidence as structured data (counts, pages, values found).
    pub data: serde_json::Value,
}

/// What a rule knows about an entry besides its own text.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckContext<'a> {
    /// The content area the manifest declares for the entry, if any.
    pub declared_area: Option<Area>,
    /// Other files sent with the entry (a revision statement is often one of them).
    pub attachments: &'a [Extracted],
}

/// Everything a rule reads. The cover is parsed once and shared by the COVER-* rules.
pub struct RuleInput<'a> {
    pub doc: &'a Extracted,
    pub profile: &'a ContestProfile,
    pub ctx: &'a CheckContext<'a>,
    pub lang: Lang,
    pub cover: &'a CoverInfo,
}

/// What a rule's verdict does to the entry: a property of the rule, read by the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Effect {
    /// The flag (cảnh báo) code a failure raises, which makes the entry "Không đạt"; `None`:
    /// the rule informs only.
    pub flag: Option<&'static str>,
    /// A "cannot tell" leaves the entry "Chưa xác định" instead of "Đạt" (never a false pass).
    pub holds: bool,
    /// A failure means the entry may not take part (who may enter, when, where it was sent):
    /// it does not count toward quotas.
    pub ineligible: bool,
}

impl Effect {
    /// A form rule: failing raises a flag with the rule's own code; cannot tell holds.
    pub const fn flag(code: &'static str) -> Effect {
        Effect {
            flag: Some(code),
            holds: true,
            ineligible: false,
        }
    }

    /// Informational: never a flag, never holds.
    pub const INFO: Effect = Effect {
        flag: None,
        holds: false,
        ineligible: false,
    };
}

/// One check of the plan's requirements (ruff's habit: one rule, one file, one code).
pub trait Rule: Sync {
    fn code(&self) -> &'static str;
    /// A short title in the reader's language, for report headings.
    fn title(&self, lang: Lang) -> &'static str;
    /// The plan line(s) the rule enforces, quoted.
    fn plan(&self) -> &'static str;
    /// What a failure or a "cannot tell" does to the entry.
    fn effect(&self) -> Effect;
    fn check(&self, input: &RuleInput<'_>) -> CheckResult;
}

/// A rule described for people: README's table, `soloai profile show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleDoc {
    pub code: &'static str,
    pub title: &'static str,
    pub plan: &'static str,
    pub effect: Effect,
}

/// Every rule soloai applies (form, eligibility, quota), in report order.
pub fn rule_docs(lang: Lang) -> Vec<RuleDoc> {
    let mut out: Vec<RuleDoc> = all_rules()
        .iter()
        .map(|r| RuleDoc {
            code: r.code(),
            title: r.title(lang),
            plan: r.plan(),
            effect: r.effect(),
        })
        .collect();
    out.extend(eligibility::ALL.iter().map(|r| RuleDoc {
        code: r.code(),
        title: r.title(lang),
        plan: r.plan(),
        effect: r.effect(),
    }));
    out.push(RuleDoc {
        code: "QUOTA",
        title: lang.words().rules.quota.title,
        plan: quota::PLAN,
        effect: Effect {
            flag: None,
            holds: false,
            ineligible: false,
        },
    });
    out
}

/// The effect of a rule by code (form or eligibility); `None` for an unknown code.
pub fn rule_effect(code: &str) -> Option<Effect> {
    all_rules()
        .iter()
        .find(|r| r.code() == code)
        .map(|r| r.effect())
        .or_else(|| {
            eligibility::ALL
                .iter()
                .find(|r| r.code() == code)
                .map(|r| r.effect())
        })
}

/// All rules, in the order reports list them.
pub fn all_rules() -> &'static [&'static dyn Rule] {
    rules::ALL
}

/// The title of a rule by code, for reports; `None` for an unknown code.
pub fn rule_title(code: &str, lang: Lang) -> Option<&'static str> {
    all_rules()
        .iter()
        .find(|r| r.code() == code)
        .map(|r| r.title(lang))
        .or_else(|| {
            eligibility::ALL
                .iter()
                .find(|r| r.code() == code)
                .map(|r| r.title(lang))
        })
        .or_else(|| (code == "QUOTA").then(|| lang.words().rules.quota.title))
}

/// Run every rule on one entry.
pub fn run_checks(
    doc: &Extracted,
    profile: &ContestProfile,
    ctx: &CheckContext,
    lang: Lang,
) -> Vec<CheckResult> {
    let cover = parse_cover(doc.cover_text());
    let input = RuleInput {
        doc,
        profile,
        ctx,
        lang,
        cover: &cover,
    };
    all_rules().iter().map(|r| r.check(&input)).collect()
}

impl CheckResult {
    pub(crate) fn new(
        code: &str,
        verdict: Verdict,
        evidence: String,
        data: serde_json::Value,
    ) -> Self {
        CheckResult {
            code: code.to_string(),
            verdict,
            evidence,
            data,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_serializes_as_the_json_contract_says() {
        let v: Vec<String> = [Verdict::Pass, Verdict::Fail, Verdict::CannotTell]
            .iter()
            .map(|v| serde_json::to_string(v).unwrap())
            .collect();
        assert_eq!(v, ["\"pass\"", "\"fail\"", "\"cannot-tell\""]);
        assert_eq!(Verdict::CannotTell.label(Lang::Vi), "Chưa xác định");
    }

    /// Readers are written by people; a model with inconsistent offsets or indices must still
    /// give verdicts, never a panic.
    #[test]
    fn inconsistent_models_do_not_panic() {
        use crate::model::{
            Band, Format, HeaderFooter, HeaderFooterKind, HeaderFooterVariant, Page, Paragraph,
            PrintedPageNumber, Run, Section,
        };
        let profile = ContestProfile::builtin("lang-son-2025").unwrap_or_else(|| unreachable!());
        let run = |t: &str| Run {
            text: t.into(),
            font: Some("ABCDEF+".into()),
            size_pt: Some(f32::NAN),
            bold: true,
            italic: false,
        };
        let mut docs = vec![Extracted::default()];
        for format in [Format::Docx, Format::Pdf, Format::Txt] {
            docs.push(Extracted {
                format: Some(format),
                text: "Đơn vị: Ở đây\nĐT: +84".into(),
                paragraphs: vec![
                    Paragraph {
                        runs: vec![run("Đơn vị: Ở đây"), run("")],
                        page: 999,
                        text_start: 10_000,
                        ..Paragraph::default()
                    },
                    Paragraph {
                        runs: vec![run("ĐT: +84 0"), run("giải trình cuộc thi “")],
                        style: Some("".into()),
                        ..Paragraph::default()
                    },
                ],
                pages: vec![Page {
                    index: 7,
                    text_start: 50,
                    text_end: 3,
                    printed_number: Some(PrintedPageNumber {
                        value: u32::MAX,
                        band: Band::Top,
                        x: f32::NAN,
                        y: 0.0,
                    }),
                    needs_ocr: false,
                    ocr: None,
                }],
                sections: vec![Section {
                    index: 3,
                    first_paragraph: 99,
                    title_page: true,
                    parts: vec![0, 42],
                }],
                headers_footers: vec![HeaderFooter {
                    kind: HeaderFooterKind::Header,
                    variant: HeaderFooterVariant::Even,
                    section: 9,
                    page: Some(99),
                    text: String::new(),
                    has_page_field: true,
                }],
                // Inside the two-byte "Đ": not a char boundary.
                cover_end: 1,
                ..Extracted::default()
            });
        }
        let attachments = docs.clone();
        for doc in &docs {
            for lang in [Lang::Vi, Lang::En] {
                let ctx = CheckContext {
                    declared_area: Some(Area::H),
                    attachments: &attachments,
                };
                let results = run_checks(doc, &profile, &ctx, lang);
                assert_eq!(results.len(), all_rules().len());
            }
        }
    }

    #[test]
    fn every_rule_quotes_its_plan_and_says_its_effect() {
        let docs = rule_docs(Lang::Vi);
        let mut codes: Vec<&str> = docs.iter().map(|d| d.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), docs.len(), "codes are unique across all rules");
        for d in &docs {
            assert!(d.plan.contains('"'), "{} quotes its plan line", d.code);
            assert!(!d.title.is_empty(), "{}", d.code);
            assert!(rule_title(d.code, Lang::En).is_some(), "{}", d.code);
        }
        for code in [
            "LATE",
            "EXCLUDED-PERSON",
            "GROUP-KIND",
            "ELIGIBLE-AUTHOR",
            "RECEIVING-POINT",
            "RECEIVING-POINT-DUPLICATE",
            "RECYCLED-DECLARED",
            "ATTACHMENTS",
            "QUOTA",
        ] {
            assert!(codes.contains(&code), "{code}");
        }
        assert_eq!(rule_effect("REVISION-STATEMENT"), Some(Effect::INFO));
        assert_eq!(
            rule_effect("AREA").and_then(|e| e.flag),
            Some("AREA-MISMATCH")
        );
        assert_eq!(rule_effect("LATE").map(|e| e.ineligible), Some(true));
    }

    #[test]
    fn every_rule_has_a_unique_code_and_titles() {
        let codes: Vec<&str> = all_rules().iter().map(|r| r.code()).collect();
        let mut dedup = codes.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), codes.len());
        for code in [
            "FORM-FONT",
            "FORM-SIZE",
            "FORM-PAGENUM",
            "COVER-NAME",
            "COVER-POSITION",
            "COVER-UNIT",
            "COVER-PHONE",
            "GROUP-MEMBERS",
            "AREA",
            "REVISION-STATEMENT",
            "ADDRESS",
        ] {
            assert!(codes.contains(&code), "{code}");
            assert!(!rule_title(code, Lang::Vi).unwrap_or("").is_empty());
        }
    }
}
