//! EXCLUDED-PERSON — no author is a member of the bodies that run or mark the contest.
//!
//! Lạng Sơn II.1.a and II.1.b: "(trừ các thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp việc
//! cuộc thi)". Hưng Yên names no excluded body; a council that wants its own members excluded
//! adds the role to the profile's `eligibility.excluded_roles`.
//!
//! What it checks: each author (manifest, else cover) against the excluded-persons list
//! (`excluded-persons.csv`: name and role). Names are matched after folding diacritics,
//! because covers are often typed without them; the given name must agree ("Nguyễn Văn An" is
//! not "Nguyễn Văn Anh"); the score is shown so the council can judge a near miss. A match
//! whose role is one of the profile's `excluded_roles` (or has no role on the list) fails; a
//! match in a role the plan does not exclude cannot tell (the council decides).
//!
//! Cannot tell: the plan excludes roles but no list was given, or the entry names no author.
//! This does not hold the verdict (the list is the council's to give).
//!
//! Example: cover "Hoang Thi Minh Nguyet", list "Hoàng Thị Minh Nguyệt, Thành viên Ban Giám
//! khảo" → fail, "Tác giả trùng tên thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp việc: Hoang
//! Thi Minh Nguyet ≈ Hoàng Thị Minh Nguyệt (Thành viên Ban Giám khảo, độ giống: 0,97)".

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::normalize;

pub struct ExcludedPersonRule;

const CODE: &str = "EXCLUDED-PERSON";

/// An author whose name matches a person who may not enter.
#[derive(Debug, Clone, PartialEq)]
pub struct ExcludedMatch {
    pub author: String,
    pub person: String,
    pub role: String,
    /// 1.0 same name; 0.97 same letters without diacritics; lower for spelling variants.
    pub score: f64,
}

/// Lowest score reported as a match.
pub const EXCLUDED_MIN_SCORE: f64 = 0.85;

impl EntryRule for ExcludedPersonRule {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.excluded_person.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn II.1.a, II.1.b \"(trừ các thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp việc cuộc thi)\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: false,
            ineligible: true,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        let roles = &contest.profile.eligibility.excluded_roles;
        let roles_text = roles.join(", ");
        let Some(list) = contest.excluded else {
            if roles.is_empty() {
                return CheckResult::new(
                    CODE,
                    Verdict::Pass,
                    lang.words().rules.excluded_person.no_one_excluded.into(),
                    json!({ "list": false, "excluded_roles": roles }),
                );
            }
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.excluded_person.no_list)(&roles_text),
                json!({ "list": false, "excluded_roles": roles }),
            );
        };
        let authors = entry.authors();
        if authors.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                lang.words().rules.excluded_person.no_author.into(),
                json!({ "list": true, "authors": [] }),
            );
        }
        let people: Vec<(String, String)> = list
            .iter()
            .map(|p| (p.name.clone(), p.role.clone()))
            .collect();
        let found = match_excluded(&authors, &people);
        if found.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                (lang.words().rules.excluded_person.none_listed)(&authors.join(", "), list.len()),
                json!({ "list": true, "authors": authors, "matches": [] }),
            );
        }
        let excluded_role = |role: &str| {
            let r = normalize::fold_key(role);
            r.trim().is_empty() || roles.iter().any(|x| r.contains(&normalize::fold_key(x)))
        };
        let score = |s: f64| crate::vocab::decimal(s, 2, lang);
        let text = found
            .iter()
            .map(|m| {
                format!(
                    "{} ≈ {} ({}, {}: {})",
                    m.author,
                    m.person,
                    if m.role.is_empty() { "—" } else { &m.role },
                    lang.words().rules.excluded_person.score,
                    score(m.score)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let data = json!(
            found
                .iter()
                .map(|m| json!({"author": m.author, "person": m.person, "role": m.role, "score": m.score}))
                .collect::<Vec<_>>()
        );
        if found.iter().any(|m| excluded_role(&m.role)) {
            CheckResult::new(
                CODE,
                Verdict::Fail,
                (lang.words().rules.excluded_person.matches_excluded)(
                    (!roles.is_empty()).then_some(roles_text.as_str()),
                    &text,
                ),
                data,
            )
        } else {
            CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.excluded_person.matches_other_role)(&text),
                data,
            )
        }
    }
}

fn name_tokens(name: &str) -> Vec<String> {
    normalize::fold_key(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// How alike two Vietnamese personal names are, 0..1. The given name (last word) must agree
/// after folding: "Nguyễn Văn An" and "Nguyễn Văn Anh" are different people.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (na, nb) = (normalize::nfc(a.trim()), normalize::nfc(b.trim()));
    if na.is_empty() || nb.is_empty() {
        return 0.0;
    }
    if normalize::comparison_form(&na) == normalize::comparison_form(&nb) {
        return 1.0;
    }
    let (ta, tb) = (name_tokens(&na), name_tokens(&nb));
    if ta.is_empty() || tb.is_empty() || ta.last() != tb.last() {
        return 0.0;
    }
    if ta == tb {
        return 0.97;
    }
    // Same family and given name, a middle name added or left out.
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if short.len() >= 2
        && short.first() == long.first()
        && short[1..short.len() - 1]
            .iter()
            .all(|t| long[1..long.len() - 1].contains(t))
    {
        return 0.9;
    }
    strsim::normalized_levenshtein(&ta.join(" "), &tb.join(" "))
}

/// Authors that match an excluded person, best match per author.
pub fn match_excluded(authors: &[String], excluded: &[(String, String)]) -> Vec<ExcludedMatch> {
    let mut out = Vec::new();
    for author in authors {
        let best = excluded
            .iter()
            .map(|(person, role)| (name_similarity(author, person), person, role))
            .filter(|(score, _, _)| *score >= EXCLUDED_MIN_SCORE)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((score, person, role)) = best {
            out.push(ExcludedMatch {
                author: author.clone(),
                person: person.clone(),
                role: role.clone(),
                score,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;
    use crate::manifest::ExcludedPerson;

    #[test]
    fn names_fold_diacritics_but_keep_given_names_apart() {
        assert_eq!(name_similarity("Hoàng Thị Lan", "Hoàng Thị Lan"), 1.0);
        assert_eq!(name_similarity("Hoàng Thị Lan", "Hoang Thi Lan"), 0.97);
        assert_eq!(name_similarity("Hoàng Thị Lan", "HOÀNG THỊ LAN"), 1.0);
        assert_eq!(
            name_similarity("Hoa\u{300}ng Thi\u{323} Lan", "Hoàng Thị Lan"),
            1.0
        );
        assert_eq!(name_similarity("Nguyễn Văn An", "Nguyễn Văn Anh"), 0.0);
        assert_eq!(name_similarity("Nguyễn Lan", "Nguyễn Thị Lan"), 0.9);
    }

    #[test]
    fn list_roles_and_missing_list() {
        let mut f = Fixture::new("lang-son-2025");
        f.row().authors = vec!["Luong Van Binh".into(), "Trần Thu Hằng".into()];
        let r = f.run(&ExcludedPersonRule);
        assert_eq!(r.verdict, Verdict::CannotTell, "{}", r.evidence);
        assert!(r.evidence.contains("Ban Giám khảo"), "{}", r.evidence);
        f.excluded = Some(vec![
            ExcludedPerson {
                name: "Lương Văn Bình".into(),
                role: "Thành viên Ban Giám khảo".into(),
            },
            ExcludedPerson {
                name: "Trần Thu Hà".into(),
                role: "Tổ giúp việc".into(),
            },
        ]);
        let r = f.run(&ExcludedPersonRule);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert_eq!(r.data[0]["person"], "Lương Văn Bình");
        assert_eq!(r.data.as_array().map(Vec::len), Some(1));
        // Hưng Yên excludes no role: a name on the council's list is the council's call.
        let mut h = Fixture::new("hung-yen-2024");
        h.row().authors = vec!["Lương Văn Bình".into()];
        assert_eq!(h.run(&ExcludedPersonRule).verdict, Verdict::Pass);
        h.excluded = Some(vec![ExcludedPerson {
            name: "Lương Văn Bình".into(),
            role: "Hội đồng sáng kiến".into(),
        }]);
        assert_eq!(h.run(&ExcludedPersonRule).verdict, Verdict::CannotTell);
    }
}
