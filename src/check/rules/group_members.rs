//! GROUP-MEMBERS — a group entry lists its members and a representative's contact details.
//!
//! Required by Lạng Sơn III.3.a "đối với bài dự thi của nhóm tác giả cần ghi rõ các thành viên,
//! địa chỉ và số điện thoại liên lạc của một thành viên đại diện trong nhóm" (and II.1.b: a
//! group is "từ 02 người trở lên"); Hưng Yên II.3 says the same.
//!
//! What it checks, only for group entries (a "Nhóm tác giả"/"Đại diện nhóm" label, or two or
//! more names on the cover): at least `form.cover.group_min_members` members are listed, a
//! representative is named ("Đại diện nhóm", "Người đại diện"), and the representative's
//! address and phone are given (the address/phone lines after the representative's name, or
//! the cover's only address/phone). An individual entry passes with "not a group entry".
//!
//! Cannot tell: a scanned entry; or the cover gives an address and a phone but does not say
//! who the representative is (the council decides whether that is enough).
//!
//! Example: members and "Đại diện nhóm: Nguyễn Văn An, ĐT 0912 000 111" without an address →
//! fail, "Nhóm tác giả 3 thành viên (…); đại diện nhóm “Nguyễn Văn An” thiếu địa chỉ."

use serde_json::json;

use super::cannot_see;
use crate::check::{CheckResult, Effect, Rule, RuleInput, Verdict};
use crate::lang::Lang;

pub struct GroupMembers;

const CODE: &str = "GROUP-MEMBERS";

impl Rule for GroupMembers {
    fn code(&self) -> &'static str {
        CODE
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"đối với bài dự thi của nhóm tác giả cần ghi rõ các thành viên, địa chỉ và số điện thoại liên lạc của một thành viên đại diện trong nhóm\"; Hưng Yên II.3 (the same)"
    }

    fn effect(&self) -> Effect {
        Effect::flag(CODE)
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.group_members.title
    }

    fn check(&self, input: &RuleInput<'_>) -> CheckResult {
        if let Some(r) = cannot_see(input, CODE, false) {
            return r;
        }
        let lang = input.lang;
        let cover = input.cover;
        let rules = &input.profile.form.cover;
        if !cover.is_group {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.group_members.individual.to_string(),
                json!({ "group": false }),
            );
        }
        let rep = cover.representative.as_ref();
        let rep_name = rep.and_then(|r| r.name.clone());
        let address = rep
            .and_then(|r| r.address.clone())
            .or(cover.address.clone());
        let phone = rep.and_then(|r| r.phone.clone()).or(cover.phone.clone());
        let data = json!({
            "group": true,
            "members": cover.members,
            "min_members": rules.group_min_members,
            "representative": rep_name,
            "address": address,
            "phone": phone,
        });
        let members = cover.members.join(", ");
        let n = cover.members.len();
        let w = &lang.words().rules.group_members;
        let mut head = (w.head)(n, &members);
        let mut problems = Vec::new();
        if n < rules.group_min_members {
            problems.push((w.too_few)(n, rules.group_min_members));
        }
        if rules.group_representative_contact {
            match &rep_name {
                None if address.is_some() && phone.is_some() && problems.is_empty() => {
                    head.push_str(w.rep_unnamed);
                    return CheckResult::new(CODE, Verdict::CannotTell, head, data);
                }
                None => problems.push(w.no_rep.to_string()),
                Some(_) => {}
            }
            let who = rep_name
                .as_ref()
                .map(|r| (w.rep_named)(r))
                .unwrap_or_else(|| w.rep.to_string());
            let mut missing = Vec::new();
            if address.is_none() {
                missing.push(w.need_address);
            }
            if phone.is_none() {
                missing.push(w.need_phone);
            }
            if !missing.is_empty() {
                problems.push((w.rep_lacks)(&who, &missing.join(w.and)));
            }
        }
        if problems.is_empty() {
            let rep = rep_name.unwrap_or_default();
            let address = address.unwrap_or_default();
            let phone = phone.unwrap_or_default();
            head.push_str(&(w.rep_contact)(&rep, &address, &phone));
            return CheckResult::new(CODE, Verdict::Pass, head, data);
        }
        head.push(' ');
        head.push_str(&(capitalise(&problems.join("; ")) + "."));
        CheckResult::new(CODE, Verdict::Fail, head, data)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{doc_with_runs, run_rule};
    use crate::model::Format;

    fn with_cover(lines: &[&str]) -> crate::model::Extracted {
        let mut doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        for (p, l) in doc
            .paragraphs
            .iter_mut()
            .zip(lines.iter().chain(std::iter::repeat(&"")))
        {
            if p.page == 0 {
                p.runs[0].text = l.to_string();
            }
        }
        crate::check::rules::testing::relayout(&mut doc);
        doc
    }

    #[test]
    fn individual_entry_is_not_applicable() {
        let doc = doc_with_runs(Format::Docx, &[("Times New Roman", 14.0); 2]);
        let r = run_rule(&GroupMembers, &doc);
        assert_eq!(r.verdict, Verdict::Pass);
        assert_eq!(r.data["group"], false);
    }

    #[test]
    fn complete_group_passes_missing_address_fails() {
        let doc = with_cover(&[
            "Nhóm tác giả: Nguyễn Văn An; Hoàng Thị Bình",
            "Đại diện nhóm: Nguyễn Văn An",
            "Địa chỉ: phường Vĩnh Trại",
            "Điện thoại: 0912 000 111",
        ]);
        let r = run_rule(&GroupMembers, &doc);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        let doc = with_cover(&[
            "Nhóm tác giả: Nguyễn Văn An; Hoàng Thị Bình",
            "Đại diện nhóm: Nguyễn Văn An",
            "Điện thoại: 0912 000 111",
        ]);
        let r = run_rule(&GroupMembers, &doc);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("thiếu địa chỉ"), "{}", r.evidence);
    }

    #[test]
    fn contact_without_a_named_representative_cannot_tell() {
        let doc = with_cover(&[
            "Nhóm tác giả: Nguyễn Văn An; Hoàng Thị Bình",
            "Địa chỉ: phường Vĩnh Trại",
            "Điện thoại: 0912 000 111",
        ]);
        assert_eq!(run_rule(&GroupMembers, &doc).verdict, Verdict::CannotTell);
        let doc = with_cover(&["Nhóm tác giả:", "1. Nguyễn Văn An"]);
        assert_eq!(run_rule(&GroupMembers, &doc).verdict, Verdict::Fail);
    }
}
