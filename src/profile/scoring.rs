//! The marking round's rules in a profile: `[scoring]` (criteria with maximum points, how the
//! jury's marks are averaged, how ties are broken) and `[prizes]` (how many prizes of each rank
//! for individuals and groups, and the amounts).
//!
//! Neither plan lists the criteria: Lạng Sơn leaves them to the contest's "Quy chế chấm thi,
//! thang điểm và các tiêu chí chấm thi" (V.1.c, V.2), Hưng Yên to its innovation council
//! (II.6 "chấm điểm cho từng bài dự thi"). The built-in profiles therefore carry an example
//! drawn from the qualities both plans ask of an entry (novelty and creativity, practical
//! benefit, feasibility — Lạng Sơn III.2.a, Hưng Yên II.2.a), marked `example = true`; every
//! scoring sheet and the marking minutes then say so in bold, so no one marks to an example by
//! mistake. The prize structure is the plan's own (Lạng Sơn III.6).
//!
//! Both sections are checked while they are read, with reasons a secretary can act on.

use super::ProfileProblem;
use serde::{Deserialize, Deserializer, Serialize};

/// Longest list a section may have (criteria, tie-break rules, prize ranks).
const MAX_ITEMS: usize = 50;

/// `[scoring]`: the criteria and the averaging and tie-break rules of the Quy chế chấm thi.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scoring {
    /// The criteria are an example, not the contest's Quy chế (the built-in profiles).
    pub example: bool,
    /// Where the criteria come from ("Quy chế chấm thi ban hành kèm theo Quyết định số …").
    pub source: String,
    pub criteria: Vec<Criterion>,
    pub average: Averaging,
    /// With `average = "trimmed"`: drop the highest and lowest total only when at least this
    /// many members marked the entry.
    pub trim_when_at_least: u32,
    /// Tie-break rules in order; ties left after all of them are for the council to decide.
    pub tie_break: Vec<TieBreak>,
}

/// One criterion (tiêu chí) with its maximum points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Short code (`tinh-moi`), used by tie-break rules.
    pub code: String,
    /// The name on the scoring sheet ("Tính mới, tính sáng tạo").
    pub name: String,
    /// Maximum points (thang điểm).
    pub max: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// How the members' totals for one entry become its score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Averaging {
    /// The mean of every member's total (điểm trung bình cộng).
    #[default]
    Mean,
    /// The mean after dropping one highest and one lowest total (bỏ điểm cao nhất và thấp
    /// nhất), when enough members marked.
    Trimmed,
}

/// One tie-break rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieBreak {
    /// The higher average on this criterion ranks first (`criterion:<code>`).
    Criterion(String),
    /// The entry submitted earlier ranks first (`submitted`).
    EarlierSubmission,
}

impl TieBreak {
    fn parse(text: &str) -> Result<TieBreak, String> {
        let t = text.trim();
        if let Some(code) = t.strip_prefix("criterion:") {
            return Ok(TieBreak::Criterion(code.trim().to_string()));
        }
        match t {
            "submitted" | "earlier-submission" => Ok(TieBreak::EarlierSubmission),
            other => Err(format!(
                "unknown tie-break rule '{other}' (use \"criterion:<code>\" or \"submitted\")"
            )),
        }
    }

    fn code(&self) -> String {
        match self {
            TieBreak::Criterion(c) => format!("criterion:{c}"),
            TieBreak::EarlierSubmission => "submitted".to_string(),
        }
    }
}

impl Serialize for TieBreak {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoringToml {
    #[serde(default)]
    example: bool,
    #[serde(default)]
    source: String,
    criteria: Vec<Criterion>,
    #[serde(default)]
    average: Averaging,
    #[serde(default = "default_trim")]
    trim_when_at_least: u32,
    #[serde(default)]
    tie_break: Vec<String>,
}

fn default_trim() -> u32 {
    5
}

impl<'de> Deserialize<'de> for Scoring {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scoring, D::Error> {
        let raw = ScoringToml::deserialize(d)?;
        let scoring = Scoring {
            example: raw.example,
            source: raw.source,
            criteria: raw.criteria,
            average: raw.average,
            trim_when_at_least: raw.trim_when_at_least,
            tie_break: raw
                .tie_break
                .iter()
                .map(|t| TieBreak::parse(t))
                .collect::<Result<_, _>>()
                .map_err(serde::de::Error::custom)?,
        };
        Ok(scoring)
    }
}

impl Scoring {
    /// The most points an entry can get.
    pub fn max_total(&self) -> f64 {
        self.criteria.iter().map(|c| c.max).sum()
    }

    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    /// Refuse what cannot be right (called by the profile's validation).
    pub(super) fn check(&self) -> Result<(), ProfileProblem> {
        if self.criteria.is_empty() {
            return Err(ProfileProblem::NoCriteria);
        }
        if self.criteria.len() > MAX_ITEMS || self.tie_break.len() > MAX_ITEMS {
            return Err(ProfileProblem::TooManyItems {
                section: "scoring",
                max: MAX_ITEMS,
            });
        }
        for (i, c) in self.criteria.iter().enumerate() {
            if c.code.trim().is_empty() || c.name.trim().is_empty() {
                return Err(ProfileProblem::CriterionWithoutCodeOrName { number: i + 1 });
            }
            if !(c.max > 0.0 && c.max <= 1000.0) {
                return Err(ProfileProblem::CriterionMax {
                    code: c.code.clone(),
                    max: c.max,
                });
            }
            if self.criteria[..i].iter().any(|o| o.code == c.code) {
                return Err(ProfileProblem::CriterionTwice {
                    code: c.code.clone(),
                });
            }
        }
        for t in &self.tie_break {
            if let TieBreak::Criterion(code) = t
                && self.criterion(code).is_none()
            {
                return Err(ProfileProblem::TieBreakNotACriterion { code: code.clone() });
            }
        }
        if self.average == Averaging::Trimmed && self.trim_when_at_least < 3 {
            return Err(ProfileProblem::TrimTooFew);
        }
        Ok(())
    }
}

/// A prize rank (giải nhất, nhì, ba, khuyến khích).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrizeRank {
    First,
    Second,
    Third,
    Consolation,
}

impl PrizeRank {
    /// "Giải Nhất", "First prize".
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            PrizeRank::First => lang.words().marking_round.first,
            PrizeRank::Second => lang.words().marking_round.second,
            PrizeRank::Third => lang.words().marking_round.third,
            PrizeRank::Consolation => lang.words().marking_round.consolation,
        }
    }
}

/// One prize rank: how many for individuals and groups, and the amounts in VND.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prize {
    pub rank: PrizeRank,
    pub individual_count: u32,
    pub group_count: u32,
    pub individual_amount_vnd: u64,
    /// The group amount; when left out, `individual_amount_vnd × group_amount_factor`.
    #[serde(default)]
    pub group_amount_vnd: u64,
    /// The honour that goes with the prize, as the plan names it (Lạng Sơn III.6 "đạt giải
    /// nhất, nhì và ba được Chủ tịch UBND tỉnh tặng Bằng khen"); the prize list prints it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub honour: String,
}

/// `[prizes]`: the prize structure (cơ cấu giải thưởng) and amounts (mức thưởng).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prizes {
    /// Group amounts are this many times the individual ones when not given (Lạng Sơn III.6.b
    /// "mức thưởng gấp 1,5 lần mức thưởng của cá nhân").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_amount_factor: Option<f64>,
    /// No prize below this average total (a Quy chế's "đạt từ … điểm trở lên"), if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_total: Option<f64>,
    pub ranks: Vec<Prize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrizesTable {
    #[serde(default)]
    group_amount_factor: Option<f64>,
    #[serde(default)]
    min_total: Option<f64>,
    #[serde(default)]
    ranks: Vec<Prize>,
}

/// `[prizes]` as a table, or the older `[[prizes]]` list of ranks (read through a TOML value,
/// so a mistake in either form gets its own precise message).
impl<'de> Deserialize<'de> for Prizes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Prizes, D::Error> {
        let value = toml::Value::deserialize(d)?;
        let table = match value {
            toml::Value::Array(_) => PrizesTable {
                group_amount_factor: None,
                min_total: None,
                ranks: Vec::<Prize>::deserialize(value).map_err(serde::de::Error::custom)?,
            },
            other => PrizesTable::deserialize(other).map_err(serde::de::Error::custom)?,
        };
        // Group amounts are filled in and the ranks checked by the profile's validation.
        Ok(Prizes {
            group_amount_factor: table.group_amount_factor,
            min_total: table.min_total,
            ranks: table.ranks,
        })
    }
}

impl Prizes {
    pub fn is_empty(&self) -> bool {
        self.ranks.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Prize> {
        self.ranks.iter()
    }

    /// Fill group amounts from the factor, then check.
    pub(super) fn complete(&mut self) -> Result<(), ProfileProblem> {
        if let Some(f) = self.group_amount_factor
            && !(f > 0.0 && f <= 100.0)
        {
            return Err(ProfileProblem::GroupAmountFactor { factor: f });
        }
        if let Some(m) = self.min_total
            && (m.is_nan() || m < 0.0)
        {
            return Err(ProfileProblem::MinTotal { value: m });
        }
        if self.ranks.len() > MAX_ITEMS {
            return Err(ProfileProblem::TooManyItems {
                section: "prizes",
                max: MAX_ITEMS,
            });
        }
        self.ranks.sort_by_key(|p| p.rank);
        for i in 0..self.ranks.len() {
            if i > 0 && self.ranks[i - 1].rank == self.ranks[i].rank {
                return Err(ProfileProblem::PrizeTwice {
                    rank: self.ranks[i].rank,
                });
            }
            let p = &mut self.ranks[i];
            if p.group_amount_vnd == 0 {
                match self.group_amount_factor {
                    // Amounts are whole đồng: 1,5 × 2.500.000 = 3.750.000.
                    Some(f) => {
                        p.group_amount_vnd = (p.individual_amount_vnd as f64 * f).round() as u64
                    }
                    None if p.group_count > 0 && p.individual_amount_vnd > 0 => {
                        return Err(ProfileProblem::PrizeWithoutGroupAmount { rank: p.rank });
                    }
                    None => {}
                }
            }
            if p.individual_amount_vnd > 1_000_000_000_000 || p.group_amount_vnd > 1_000_000_000_000
            {
                return Err(ProfileProblem::PrizeTooLarge { rank: p.rank });
            }
        }
        Ok(())
    }

    /// The prize of a rank, if the contest has it.
    pub fn rank(&self, rank: PrizeRank) -> Option<&Prize> {
        self.ranks.iter().find(|p| p.rank == rank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Wrap {
        scoring: Option<Scoring>,
        #[serde(default)]
        prizes: Prizes,
    }

    /// Read and check as the profile does; a problem in the English words.
    fn parse(s: &str) -> Result<Wrap, String> {
        let mut w: Wrap = toml::from_str(s).map_err(|e| e.to_string())?;
        let said = |p: ProfileProblem| (crate::lang::Lang::En.words().profile_file.problem)(&p);
        if let Some(scoring) = &w.scoring {
            scoring.check().map_err(said)?;
        }
        w.prizes.complete().map_err(said)?;
        Ok(w)
    }

    #[test]
    fn group_amounts_follow_the_factor() -> Result<(), String> {
        let w = parse(
            "[prizes]\ngroup_amount_factor = 1.5\n[[prizes.ranks]]\nrank = \"second\"\n\
             individual_count = 1\ngroup_count = 1\nindividual_amount_vnd = 2500000\n\
             [[prizes.ranks]]\nrank = \"first\"\nindividual_count = 1\ngroup_count = 1\n\
             individual_amount_vnd = 5000000\n",
        )?;
        assert_eq!(w.prizes.ranks[0].rank, PrizeRank::First, "sorted by rank");
        assert_eq!(w.prizes.ranks[0].group_amount_vnd, 7_500_000);
        assert_eq!(w.prizes.ranks[1].group_amount_vnd, 3_750_000);
        assert!(w.scoring.is_none());
        Ok(())
    }

    #[test]
    fn the_older_list_form_still_reads() -> Result<(), String> {
        let w = parse(
            "[[prizes]]\nrank = \"first\"\nindividual_count = 1\ngroup_count = 1\n\
             individual_amount_vnd = 5000000\ngroup_amount_vnd = 7500000\n",
        )?;
        assert_eq!(w.prizes.ranks.len(), 1);
        assert_eq!(w.prizes.ranks[0].group_amount_vnd, 7_500_000);
        Ok(())
    }

    #[test]
    fn scoring_mistakes_are_named() {
        let crit = "[[scoring.criteria]]\ncode = \"moi\"\nname = \"Tính mới\"\nmax = 30\n";
        assert!(
            parse(&format!(
                "[scoring]\ntie_break = [\"criterion:moi\", \"submitted\"]\n{crit}"
            ))
            .is_ok()
        );
        for (source, needle) in [
            ("[scoring]\ncriteria = []\n".to_string(), "no criteria"),
            (format!("[scoring]\ntie_break = [\"criterion:kha-thi\"]\n{crit}"), "'kha-thi', which is not listed"),
            (format!("[scoring]\ntie_break = [\"coin\"]\n{crit}"), "unknown tie-break rule 'coin'"),
            (format!("[scoring]\n{crit}{crit}"), "listed twice"),
            ("[scoring]\n[[scoring.criteria]]\ncode = \"a\"\nname = \"A\"\nmax = 0\n".to_string(), "has max 0"),
            (format!("[scoring]\naverage = \"trimmed\"\ntrim_when_at_least = 2\n{crit}"), "3 or more"),
            ("[prizes]\n[[prizes.ranks]]\nrank = \"first\"\nindividual_count = 1\ngroup_count = 1\nindividual_amount_vnd = 5\n".to_string(), "group_amount_factor"),
        ] {
            match parse(&source) {
                Err(e) => assert!(e.contains(needle), "{e} ∌ {needle}"),
                Ok(_) => panic!("accepted: {source}"),
            }
        }
    }
}
