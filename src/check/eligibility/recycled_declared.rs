//! RECYCLED-DECLARED — an entry declared as a re-entry carries its revision statement.
//!
//! Lạng Sơn III.2.b and Hưng Yên II.2.b: "Đối với các bài dự thi đã tham gia các cuộc thi khác
//! nhưng không đạt giải thì được tham gia Cuộc thi này nhưng không được sử dụng y nguyên mà
//! phải có sự chỉnh sửa, bổ sung hoàn thiện (có văn bản giải trình ghi rõ tên cuộc thi đã tham
//! dự; nội dung đã được chỉnh sửa, hoàn thiện,... kèm theo bài dự thi)."
//!
//! What it checks, when the manifest's "Cuộc thi đã tham gia" names an earlier contest (an
//! entry copy detection finds in the corpus without declaring it is RECYCLED-NO-STATEMENT,
//! decided by copy detection):
//! - a revision statement (văn bản giải trình) is sent with the entry (an attached file named
//!   or headed "giải trình", or a section of the entry so headed);
//! - it names the earlier contest and says what was revised ("chỉnh sửa", "bổ sung", "hoàn
//!   thiện", …);
//! - the earlier contest did not award it (only "không đạt giải" entries may enter again).
//!
//! Not declared: pass (nothing required by the manifest). Cannot tell: the entry could not be
//! read. A statement naming another contest than the one declared passes with a note.
//!
//! Example: manifest "Cuộc thi sáng kiến ngành Nội vụ năm 2024", no statement → fail, "Danh sách
//! khai bài đã dự “Cuộc thi sáng kiến ngành Nội vụ năm 2024” nhưng không kèm văn bản giải trình
//! (ghi rõ tên cuộc thi đã tham dự; nội dung đã được chỉnh sửa, hoàn thiện)."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule};
use crate::check::revision::find_revision_statement;
use crate::check::{CheckResult, Effect, RevisionSource, Verdict};
use crate::lang::Lang;
use crate::normalize;

pub struct RecycledDeclared;

const CODE: &str = "RECYCLED-DECLARED";

fn fold(s: &str) -> String {
    normalize::fold_key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cell that says "none" ("không", "chưa", "-").
fn says_none(cell: &str) -> bool {
    let f = fold(cell);
    f.is_empty()
        || matches!(
            f.as_str(),
            "khong"
                | "chua"
                | "khong co"
                | "chua tham gia"
                | "khong tham gia"
                | "none"
                | "no"
                | "0"
        )
}

/// The cell says the entry won a prize there ("đạt giải ba", "giải khuyến khích"), not "không
/// đạt giải".
fn says_awarded(cell: &str) -> bool {
    let f = format!(" {} ", fold(cell));
    if f.contains(" khong dat giai ") || f.contains(" chua dat giai ") {
        return false;
    }
    [
        " dat giai ",
        " giai nhat ",
        " giai nhi ",
        " giai ba ",
        " giai khuyen khich ",
        " giai dac biet ",
    ]
    .iter()
    .any(|w| f.contains(w))
}

impl EntryRule for RecycledDeclared {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.recycled_declared.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.2.b, Hưng Yên II.2.b \"đã tham gia các cuộc thi khác nhưng không đạt giải … (có văn bản giải trình ghi rõ tên cuộc thi đã tham dự; nội dung đã được chỉnh sửa, hoàn thiện,... kèm theo bài dự thi)\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: true,
            ineligible: false,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        let declared = entry
            .row
            .and_then(|r| r.previous_contest.clone())
            .filter(|c| !says_none(c));
        let Some(declared) = declared else {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.recycled_declared.none_declared.into(),
                json!({ "declared": null }),
            );
        };
        if says_awarded(&declared) {
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (lang.words().rules.recycled_declared.awarded)(&declared),
                json!({ "declared": declared, "awarded": true }),
            );
        }
        let Some(doc) = entry.doc else {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.recycled_declared.unreadable)(&declared),
                json!({ "declared": declared }),
            );
        };
        let Some(s) = find_revision_statement(doc, entry.attachment_docs) else {
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (lang.words().rules.recycled_declared.no_statement)(&declared),
                json!({ "declared": declared, "statement": null }),
            );
        };
        let where_ = match &s.source {
            RevisionSource::Attachment { file } => file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            RevisionSource::Section { page, .. } => {
                (lang.words().rules.recycled_declared.in_entry)(page + 1)
            }
        };
        let data = json!({ "declared": declared, "statement": s });
        let words = &lang.words().rules.recycled_declared;
        let mut missing = Vec::new();
        if s.contest_name.is_none() {
            missing.push(words.no_contest_name);
        }
        if !s.changes_described {
            missing.push(words.no_changes);
        }
        if !missing.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (words.statement_lacks)(&declared, &where_, &missing.join(words.and)),
                data,
            );
        }
        let named = s.contest_name.clone().unwrap_or_default();
        let (fd, fn_) = (fold(&declared), fold(&named));
        let same = fd.contains(&fn_) || fn_.contains(&fd) || {
            let dw: Vec<&str> = fd.split(' ').collect();
            let shared = fn_.split(' ').filter(|w| dw.contains(w)).count();
            shared * 2 >= dw.len().max(1)
        };
        let note = if same {
            String::new()
        } else {
            words.other_contest.to_string()
        };
        // A statement naming this very contest (same title and year) is about this round.
        let this_contest = fold(&contest.profile.title);
        let this_year = s.year == Some(contest.profile.year);
        if this_year && !fn_.is_empty() && this_contest.contains(&fn_) {
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (words.this_contest)(&where_, &named, &declared),
                data,
            );
        }
        CheckResult::new(
            CODE,
            Verdict::Pass,
            (words.statement_found)(&declared, &where_, &named, &note),
            data,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;
    use crate::model::{Extracted, Paragraph, Run};

    fn doc(file: &str, paras: &[&str]) -> Extracted {
        let mut d = Extracted {
            file: file.into(),
            paragraphs: paras
                .iter()
                .map(|t| Paragraph {
                    runs: vec![Run {
                        text: t.to_string(),
                        ..Run::default()
                    }],
                    ..Paragraph::default()
                })
                .collect(),
            ..Extracted::default()
        };
        d.finish_layout();
        d
    }

    #[test]
    fn declared_re_entry_needs_a_complete_statement() {
        let mut f = Fixture::new("lang-son-2025");
        f.doc = Some(doc("bai.docx", &["Giải pháp", "Nội dung"]));
        assert_eq!(f.run(&RecycledDeclared).verdict, Verdict::Pass);
        f.row().previous_contest = Some("không".into());
        assert_eq!(f.run(&RecycledDeclared).verdict, Verdict::Pass);
        f.row().previous_contest = Some("Cuộc thi sáng kiến ngành Nội vụ năm 2024".into());
        let r = f.run(&RecycledDeclared);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(
            r.evidence.contains("không kèm văn bản giải trình"),
            "{}",
            r.evidence
        );

        f.attachment_docs = vec![doc(
            "giai-trinh.docx",
            &["VĂN BẢN GIẢI TRÌNH", "Bài đã gửi trước đây."],
        )];
        let r = f.run(&RecycledDeclared);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(
            r.evidence.contains("không ghi rõ tên cuộc thi"),
            "{}",
            r.evidence
        );

        f.attachment_docs = vec![doc(
            "giai-trinh.docx",
            &[
                "VĂN BẢN GIẢI TRÌNH",
                "Bài đã tham dự cuộc thi “Sáng kiến ngành Nội vụ năm 2024” nhưng không đạt giải.",
                "Nội dung đã được chỉnh sửa phần II và bổ sung số liệu.",
            ],
        )];
        let r = f.run(&RecycledDeclared);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(!r.evidence.contains("Lưu ý"), "{}", r.evidence);

        f.row().previous_contest = Some("Cuộc thi ABC 2023 (đạt giải ba)".into());
        assert_eq!(f.run(&RecycledDeclared).verdict, Verdict::Fail);
        f.row().previous_contest = Some("Cuộc thi ABC 2023, không đạt giải".into());
        f.doc = None;
        assert_eq!(f.run(&RecycledDeclared).verdict, Verdict::CannotTell);
    }
}
