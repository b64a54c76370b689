//! Hand-built documents for the rules' unit tests.

use crate::check::{CheckContext, CheckResult, Rule, RuleInput, parse_cover};
use crate::lang::Lang;
use crate::model::{Extracted, Format, Paragraph, Run};
use crate::profile::ContestProfile;

pub(crate) const COVER: &str = "Họ và tên: Nguyễn Thị Mai\nChức vụ: Chuyên viên\nĐơn vị công tác: UBND huyện Cao Lộc\nĐịa chỉ: thị trấn Cao Lộc\nĐiện thoại: 0912 345 678";

/// A cover page (page 0) then one body paragraph per `(font, size)` on pages 1, 2, …
/// An empty font name means "unknown".
pub(crate) fn doc_with_runs(format: Format, runs: &[(&str, f32)]) -> Extracted {
    let mut paragraphs: Vec<Paragraph> = COVER
        .lines()
        .map(|l| Paragraph {
            runs: vec![Run {
                text: l.into(),
                font: Some("Times New Roman".into()),
                size_pt: Some(14.0),
                ..Run::default()
            }],
            page: 0,
            ..Paragraph::default()
        })
        .collect();
    for (i, (font, size)) in runs.iter().enumerate() {
        paragraphs.push(Paragraph {
            runs: vec![Run {
                text: format!("Đoạn thân bài số {i} trình bày giải pháp cải cách thủ tục hành chính tại bộ phận một cửa."),
                font: (!font.is_empty()).then(|| font.to_string()),
                size_pt: Some(*size),
                ..Run::default()
            }],
            page: i + 1,
            ..Paragraph::default()
        });
    }
    let mut doc = Extracted {
        format: Some(format),
        paragraphs,
        ..Extracted::default()
    };
    doc.finish_layout();
    doc
}

pub(crate) fn run_rule_with(
    rule: &dyn Rule,
    doc: &Extracted,
    profile: &ContestProfile,
    ctx: &CheckContext<'_>,
    lang: Lang,
) -> CheckResult {
    let cover = parse_cover(doc.cover_text());
    rule.check(&RuleInput {
        doc,
        profile,
        ctx,
        lang,
        cover: &cover,
    })
}

pub(crate) fn run_rule(rule: &dyn Rule, doc: &Extracted) -> CheckResult {
    let profile = ContestProfile::builtin("lang-son-2025").unwrap_or_else(|| unreachable!());
    run_rule_with(rule, doc, &profile, &CheckContext::default(), Lang::Vi)
}

/// Recompute offsets after a test edited the text, cover included.
pub(crate) fn relayout(doc: &mut Extracted) {
    doc.cover_end = 0;
    doc.finish_layout();
}
