//! Who may enter and when: the plans' eligibility rules that do not depend on the text.
//!
//! - Late entries: units forward their screened entries "trước ngày 15/7/2025" (Lạng Sơn
//!   §IV); an entry submitted after the profile's deadline is flagged `LATE`.
//! - Excluded persons: members of the organizing committee, jury and support team may not
//!   enter (Lạng Sơn §II.1; Hưng Yên: the innovation council). Names are matched after
//!   folding diacritics, because covers are often typed without them; the score is shown so
//!   the council can judge a near miss.
//! - Quotas: a department sends at least 1 entry, a district at least 3 (Lạng Sơn §III.4);
//!   a unit with none owes an explanation letter (văn bản giải trình).

use std::collections::BTreeMap;

use crate::normalize;

/// A calendar date, parsed from `YYYY-MM-DD` or `DD/MM/YYYY` (`D/M/YYYY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Any form the manifest accepts (`YYYY-MM-DD`, `DD/MM/YYYY`, a trailing time), through
    /// the manifest's own parser so deadlines and submission dates read alike.
    pub fn parse(s: &str) -> Option<Date> {
        let iso = crate::manifest::parse_date(s)?;
        let mut parts = iso.split('-').map(|p| p.parse::<u16>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        Some(Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

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

/// A unit's entries against its quota.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTally {
    pub unit: String,
    pub unit_kind: Option<String>,
    pub entries: usize,
    pub quota_min: Option<u32>,
}

impl UnitTally {
    pub fn meets_quota(&self) -> Option<bool> {
        self.quota_min.map(|q| self.entries as u32 >= q)
    }
}

/// Count entries per unit (units compared case- and diacritics-insensitively; the first
/// spelling seen is shown). `expected` lists units that should have sent entries, so a unit
/// with none appears with 0. `quota` gives the minimum per unit kind.
pub fn tally_units(
    entry_units: &[(String, Option<String>)],
    expected: &[(String, Option<String>)],
    quota: impl Fn(&str) -> Option<u32>,
) -> Vec<UnitTally> {
    let mut by_key: BTreeMap<String, UnitTally> = BTreeMap::new();
    let key = |u: &str| normalize::fold_key(u.trim());
    for (unit, kind) in expected {
        by_key.entry(key(unit)).or_insert_with(|| UnitTally {
            unit: unit.trim().to_string(),
            unit_kind: kind.clone(),
            entries: 0,
            quota_min: None,
        });
    }
    for (unit, kind) in entry_units {
        if unit.trim().is_empty() {
            continue;
        }
        let tally = by_key.entry(key(unit)).or_insert_with(|| UnitTally {
            unit: unit.trim().to_string(),
            unit_kind: kind.clone(),
            entries: 0,
            quota_min: None,
        });
        tally.entries += 1;
        if tally.unit_kind.is_none() {
            tally.unit_kind = kind.clone();
        }
    }
    let mut out: Vec<UnitTally> = by_key.into_values().collect();
    for t in &mut out {
        t.quota_min = t.unit_kind.as_deref().and_then(&quota);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_forms() {
        assert_eq!(Date::parse("2025-07-16"), Date::parse("16/7/2025"));
        assert!(Date::parse("2025-07-16") > Date::parse("15/07/2025"));
        assert_eq!(Date::parse("31/02"), None);
        assert_eq!(Date::parse("hôm qua"), None);
    }

    #[test]
    fn names_fold_diacritics_but_keep_given_names_apart() {
        assert_eq!(name_similarity("Hoàng Thị Lan", "Hoàng Thị Lan"), 1.0);
        assert_eq!(name_similarity("Hoàng Thị Lan", "Hoang Thi Lan"), 0.97);
        assert_eq!(name_similarity("Hoàng Thị Lan", "HOÀNG THỊ LAN"), 1.0);
        // NFD input is the same name.
        assert_eq!(
            name_similarity("Hoa\u{300}ng Thi\u{323} Lan", "Hoàng Thị Lan"),
            1.0
        );
        assert_eq!(name_similarity("Nguyễn Văn An", "Nguyễn Văn Anh"), 0.0);
        assert_eq!(name_similarity("Nguyễn Lan", "Nguyễn Thị Lan"), 0.9);
    }

    #[test]
    fn excluded_persons_best_match_with_role() {
        let excluded = vec![
            ("Lương Văn Bình".to_string(), "Ban Giám khảo".to_string()),
            ("Trần Thu Hà".to_string(), "Tổ giúp việc".to_string()),
        ];
        let found = match_excluded(
            &["Luong Van Binh".to_string(), "Trần Thu Hằng".to_string()],
            &excluded,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].person, "Lương Văn Bình");
        assert_eq!(found[0].role, "Ban Giám khảo");
    }

    #[test]
    fn units_counted_against_quota_including_units_without_entries() {
        let entries = vec![
            ("Sở Nội vụ".to_string(), Some("department".to_string())),
            ("SỞ NỘI VỤ".to_string(), None),
            (
                "UBND huyện Cao Lộc".to_string(),
                Some("district".to_string()),
            ),
        ];
        let expected = vec![("Sở Tư pháp".to_string(), Some("department".to_string()))];
        let quota = |k: &str| match k {
            "department" => Some(1),
            "district" => Some(3),
            _ => None,
        };
        let t = tally_units(&entries, &expected, quota);
        let get = |u: &str| t.iter().find(|x| x.unit == u).unwrap();
        assert_eq!(get("Sở Nội vụ").entries, 2);
        assert_eq!(get("Sở Nội vụ").meets_quota(), Some(true));
        assert_eq!(get("UBND huyện Cao Lộc").meets_quota(), Some(false));
        assert_eq!(get("Sở Tư pháp").entries, 0);
        assert_eq!(get("Sở Tư pháp").meets_quota(), Some(false));
    }
}
