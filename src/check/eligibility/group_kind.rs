//! GROUP-KIND — an individual entry has one author, a group entry two or more.
//!
//! Lạng Sơn II.1.b "Các nhóm tác giả (từ 02 người trở lên)" and III.3.a, Hưng Yên II.3 "Cá
//! nhân, tập thể (là nhóm tác giả từ 02 người trở lên)". Prizes are per kind (Lạng Sơn III.6:
//! "01 giải cá nhân và 01 giải tập thể"), so the kind the unit declares must match the authors.
//!
//! What it checks: the manifest's "Hình thức" (cá nhân / nhóm) against the number of authors
//! (manifest, else cover) and against the cover's own group label ("Nhóm tác giả"). Without a
//! declared kind the authors decide it, and the evidence says which.
//!
//! Cannot tell: no author named anywhere.
//!
//! Example: manifest "nhóm", one author "Nguyễn Văn An" → fail, "Khai là nhóm tác giả nhưng
//! chỉ có 1 tác giả (Nguyễn Văn An); nhóm phải từ 02 người trở lên."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::EntryKind;

pub struct GroupKind;

const CODE: &str = "GROUP-KIND";

impl EntryRule for GroupKind {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.group_kind.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn II.1.b \"Các nhóm tác giả (từ 02 người trở lên)\"; Hưng Yên II.3 \"Cá nhân, tập thể (là nhóm tác giả từ 02 người trở lên)\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: false,
            ineligible: false,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        let min = contest.profile.form.cover.group_min_members.max(2);
        let authors = entry.authors();
        let n = authors.len();
        let declared = entry.row.and_then(|r| r.kind);
        let cover_group = entry.cover.is_group;
        let data = json!({
            "declared": declared,
            "authors": authors,
            "cover_says_group": cover_group,
            "group_min": min,
        });
        let names = authors.join(", ");
        let word = |k: EntryKind| match k {
            EntryKind::Group => lang.words().rules.group_kind.group,
            EntryKind::Individual => lang.words().rules.group_kind.individual,
        };
        if n == 0 {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.group_kind.no_author.into(),
                data,
            );
        }
        let Some(kind) = declared else {
            let kind = if n >= min {
                EntryKind::Group
            } else {
                EntryKind::Individual
            };
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.group_kind.undeclared)(n, &names, word(kind)),
                data,
            );
        };
        let problem = match kind {
            EntryKind::Group if n < min => {
                Some((lang.words().rules.group_kind.too_few)(n, &names, min))
            }
            EntryKind::Individual if n > 1 => {
                Some((lang.words().rules.group_kind.individual_many)(n, &names))
            }
            EntryKind::Individual if cover_group => {
                Some((lang.words().rules.group_kind.individual_cover_group)(
                    &names,
                ))
            }
            _ => None,
        };
        match problem {
            Some(p) => CheckResult::new(CODE, Verdict::Fail, p, data),
            None => CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.group_kind.declared)(word(kind), n, &names),
                data,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;

    #[test]
    fn declared_kind_against_authors() {
        let mut f = Fixture::new("lang-son-2025");
        assert_eq!(f.run(&GroupKind).verdict, Verdict::CannotTell);
        f.row().authors = vec!["Nguyễn Văn An".into()];
        assert_eq!(f.run(&GroupKind).verdict, Verdict::Pass);
        f.row().kind = Some(EntryKind::Group);
        let r = f.run(&GroupKind);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(r.evidence.contains("từ 02 người"), "{}", r.evidence);
        f.row().authors.push("Hoàng Thị Bình".into());
        assert_eq!(f.run(&GroupKind).verdict, Verdict::Pass);
        f.row().kind = Some(EntryKind::Individual);
        assert_eq!(f.run(&GroupKind).verdict, Verdict::Fail);
    }
}
