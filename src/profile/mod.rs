//! Contest profiles: the rules of one contest plan as data (TOML).
//!
//! Every contest ("cuộc thi Tìm kiếm ý tưởng, giải pháp cải cách hành chính") is run under a
//! plan ("kế hoạch") issued by a province or an agency. The plans share a shape but differ in
//! the details a council must apply: who may enter, which content areas exist, what the cover
//! page must show, quotas, deadlines and prizes. Keeping those details in a profile — and not
//! in code — lets a council check a contest soloai has never seen by copying a built-in profile
//! (`soloai profile show lang-son-2025 > my-contest.toml`) and editing it.
//!
//! The two built-in profiles encode the plans in `/work/shared/seeds` exactly; each value in
//! `profiles/*.toml` carries a comment citing the plan's section.

mod area;
pub mod keys;
mod scoring;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::compare::Thresholds;
use crate::lang::Lang;

/// Unit kinds are read by the manifest module (one parser for all inputs).
pub use crate::manifest::UnitKind;
pub use area::Area;
pub use scoring::{Averaging, Criterion, Prize, PrizeRank, Prizes, Scoring, TieBreak};

/// One contest plan as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestProfile {
    /// Short identifier (`lang-son-2025`), used by `--profile`.
    pub name: String,
    /// The contest's full title as the plan writes it.
    pub title: String,
    pub year: u16,
    /// Who issued the plan.
    pub organizer: String,
    /// The plan's number and date; reports cite it beside the contest's name.
    #[serde(default)]
    pub plan_reference: String,
    /// Where entries may be sent ("đầu mối tiếp nhận"); RECEIVING-POINT checks each entry's.
    #[serde(default)]
    pub receiving_points: Vec<ReceivingPoint>,
    /// The plan allows each entry to be sent to one receiving point only
    /// (RECEIVING-POINT-DUPLICATE).
    #[serde(default)]
    pub single_receiving_point: bool,
    /// Dates of the contest, each saying whom it binds (LATE applies the author's, or else
    /// the receiving unit's).
    #[serde(default)]
    pub deadlines: Vec<ContestDeadline>,
    /// The content areas ("nội dung"), in the plan's order.
    pub areas: Vec<AreaSpec>,
    pub form: FormRules,
    pub eligibility: Eligibility,
    #[serde(default)]
    pub quotas: Vec<Quota>,
    /// The prize structure and amounts (`[prizes]`, see `scoring.rs`).
    #[serde(default, skip_serializing_if = "Prizes::is_empty")]
    pub prizes: Prizes,
    /// The marking round's criteria and rules (`[scoring]`, see `scoring.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// Copy-detection thresholds (owned by the compare stage).
    #[serde(default)]
    pub compare: Thresholds,
}

/// A step of the contest that must be done before a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestDeadline {
    /// Whom the date binds.
    pub binds: DeadlineParty,
    /// Who must act, as the plan names them ("Văn phòng Ban", "Sở Nội vụ", …).
    pub who: String,
    /// What must be done.
    pub what: String,
    /// The date, ISO `YYYY-MM-DD`.
    pub before: String,
    /// Whether the date itself is still in time. "trước ngày 25/5/2024" (before the 25th):
    /// `false`, the 25th is late; "đến hết ngày", "chậm nhất ngày": `true`.
    #[serde(default)]
    pub day_counts: bool,
}

impl ContestDeadline {
    /// The date, if valid (validated when the profile is read).
    pub fn date(&self) -> Option<crate::manifest::Date> {
        crate::manifest::Date::parse(&self.before)
    }

    /// The last day still in time.
    pub fn last_day(&self) -> Option<crate::manifest::Date> {
        let d = self.date()?;
        if self.day_counts {
            Some(d)
        } else {
            d.previous_day()
        }
    }
}

/// Whom a deadline binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineParty {
    /// Authors sending entries (Hưng Yên II.6 "Nhóm tác giả, cá nhân gửi bài … trước ngày").
    Author,
    /// A unit that received entries and forwards the screened ones (Lạng Sơn III.5.a).
    ReceivingUnit,
    /// The screening council (Hưng Yên II.6 "Hội đồng sáng kiến … lựa chọn … gửi … trước ngày").
    Council,
    /// The organizing committee (marking, results).
    Organizer,
}

/// A kind of receiving point the plan permits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceivingPoint {
    pub kind: ReceivingPointKind,
    /// The plan's words for it.
    pub label: String,
    /// For `named`: the point's name and other spellings.
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReceivingPointKind {
    /// One office named by the plan (Hưng Yên: "Văn phòng Ban").
    Named,
    /// The agency or unit where the author works ("cơ quan, đơn vị mình đang công tác").
    OwnUnit,
    /// The district People's Committee where the author lives ("UBND cấp huyện … nơi cư trú").
    DistrictOfResidence,
    /// The commune People's Committee where the author lives ("UBND cấp xã nơi cư trú").
    CommuneOfResidence,
    /// A socio-political or social organization the author belongs to.
    MemberOrganization,
}

/// One content area with the plan's description and our own term list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSpec {
    pub area: Area,
    /// The area's name as the plan writes it.
    pub title: String,
    /// The plan's description of the area (its own words).
    pub description: String,
    /// Terms typical of entries in this area, written by us; they weigh more than the
    /// description's words when detecting an entry's area.
    #[serde(default)]
    pub terms: Vec<String>,
}

/// Rules about how an entry must look ("Hình thức dự thi").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormRules {
    /// Accepted font families, each with the other names the same face goes by.
    pub fonts: Vec<FontFamily>,
    /// Faces metrically identical to an accepted family that a PDF producer embeds when the
    /// accepted font is not installed (LibreOffice embeds Liberation Serif for Times New
    /// Roman). Counted as accepted in PDFs only, with a note; in a Word file the font name is
    /// the author's own choice and must be an accepted family.
    #[serde(default)]
    pub pdf_metric_equivalents: Vec<String>,
    /// Body text size in points.
    pub size_pt: f32,
    /// Allowed difference from `size_pt` (sizes are rounded to 0.1 pt by the readers).
    #[serde(default = "default_size_tolerance")]
    pub size_tolerance_pt: f32,
    /// Share of body characters that must be in an accepted font / at the size.
    #[serde(default = "default_min_body_share")]
    pub min_body_share: f64,
    /// Pages must be numbered in order.
    #[serde(default = "default_true")]
    pub page_numbering_required: bool,
    /// The cover page may be left unnumbered.
    #[serde(default = "default_true")]
    pub cover_may_be_unnumbered: bool,
    pub cover: CoverRules,
}

fn default_size_tolerance() -> f32 {
    0.1
}
fn default_min_body_share() -> f64 {
    0.95
}
fn default_true() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFamily {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What the cover page (or, for contact details, the entry) must state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverRules {
    pub name: bool,
    pub position: bool,
    pub unit: UnitRequirement,
    pub phone: bool,
    /// Minimum authors for a group entry ("nhóm tác giả từ 02 người trở lên").
    #[serde(default = "default_group_min")]
    pub group_min_members: usize,
    /// A group entry names its members and a representative's address and phone.
    #[serde(default = "default_true")]
    pub group_representative_contact: bool,
    /// The entry states an address, on the cover or later (ADDRESS).
    #[serde(default)]
    pub address: bool,
}

fn default_group_min() -> usize {
    2
}

/// What COVER-UNIT accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitRequirement {
    /// The work unit ("đơn vị công tác").
    Unit,
    /// The work unit or an address ("đơn vị công tác/địa chỉ").
    UnitOrAddress,
    /// Both the work unit and an address.
    UnitAndAddress,
}

/// Who may enter (ELIGIBLE-AUTHOR) and who may not (EXCLUDED-PERSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Who may enter as an individual, as the plan says (quoted in the evidence).
    pub individuals: String,
    /// Who may enter as a group (quoted in the evidence).
    pub groups: String,
    /// How ELIGIBLE-AUTHOR decides.
    pub scope: EligibilityScope,
    /// The province's name ("Lạng Sơn"): `region` admits people there; `staff` knows a unit
    /// naming another province is outside.
    #[serde(default)]
    pub region: String,
    /// `region`: district-level places of the province, so "huyện Cao Lộc" is known to be in
    /// it without the province's name.
    #[serde(default)]
    pub region_places: Vec<String>,
    /// `staff`: the agency whose staff may enter, and other spellings of it.
    #[serde(default)]
    pub agency: Vec<String>,
    /// Members of these bodies may not enter; EXCLUDED-PERSON cites them and fails an author
    /// found on the excluded-persons list in one of these roles.
    #[serde(default)]
    pub excluded_roles: Vec<String>,
}

/// Who may enter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EligibilityScope {
    /// People who live, study or work in a province (Lạng Sơn II.1).
    Region,
    /// Staff of one agency and its divisions (Hưng Yên II.4).
    Staff,
}

/// How many entries each unit of a kind sends (QUOTA).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub unit_kind: UnitKind,
    pub min_entries: u32,
    /// Required by the plan (false: only encouraged, "khuyến khích": shown, never failed).
    pub required: bool,
    /// Which unit an entry counts for: the unit it was sent to, or the author's unit.
    pub counted_by: CountedBy,
    /// Entries of units below count too (Lạng Sơn III.4.b "gồm cả bài dự thi của UBND cấp
    /// xã").
    #[serde(default)]
    pub includes_units_below: bool,
    /// A unit with no entry owes the organizer a letter explaining why (Lạng Sơn III.4 "Lưu
    /// ý").
    #[serde(default)]
    pub letter_if_none: bool,
    /// The plan's words, shown with the unit's count.
    #[serde(default)]
    pub note: String,
}

/// Which unit an entry counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountedBy {
    /// The unit that received it and forwards it (Lạng Sơn: "Mỗi đơn vị gửi ít nhất …").
    ReceivingPoint,
    /// The author's unit (Hưng Yên: "Mỗi phòng … phải có ít nhất 01 bài dự thi của cá nhân
    /// hoặc nhóm tác giả").
    AuthorUnit,
}

/// Why a profile could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    /// The file could not be read, is not TOML or cannot be right.
    #[error("{}", self.message(Lang::En))]
    File(crate::error::TomlFileError<ProfileProblem>),
    #[error("{}", self.message(Lang::En))]
    Unknown { name: String, known: Vec<String> },
}

/// What is wrong in a profile that reads as TOML, each case a reason the person editing it
/// can act on; worded in the vocabulary (`profile_file.problem`). Keys are named as the file
/// writes them.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileProblem {
    NoName,
    NoAreas,
    AreaTwice {
        letter: String,
    },
    NoFonts,
    NotAFontSize {
        size: f32,
    },
    BodyShareOutOfRange,
    /// A deadline (`what`) whose date is not YYYY-MM-DD.
    DeadlineNotADate {
        what: String,
        value: String,
    },
    /// `eligibility.scope = "region"` without `eligibility.region`.
    NoRegion,
    /// `eligibility.scope = "staff"` without `eligibility.agency`.
    NoAgency,
    /// A receiving point of kind `named` with no names.
    NamedPointWithoutNames {
        label: String,
    },
    /// `[scoring]` without criteria.
    NoCriteria,
    /// `[scoring]` or `[prizes]` lists more than `max` items.
    TooManyItems {
        section: &'static str,
        max: usize,
    },
    /// `number` counts from 1 in the order of `[[scoring.criteria]]`.
    CriterionWithoutCodeOrName {
        number: usize,
    },
    CriterionMax {
        code: String,
        max: f64,
    },
    CriterionTwice {
        code: String,
    },
    TieBreakNotACriterion {
        code: String,
    },
    /// `average = "trimmed"` with `trim_when_at_least` under 3.
    TrimTooFew,
    GroupAmountFactor {
        factor: f64,
    },
    MinTotal {
        value: f64,
    },
    PrizeTwice {
        rank: PrizeRank,
    },
    /// A rank with group prizes and no group amount, nor a factor to work it out.
    PrizeWithoutGroupAmount {
        rank: PrizeRank,
    },
    PrizeTooLarge {
        rank: PrizeRank,
    },
}

impl ProfileError {
    /// The reason and what to do, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProfileError::File(e) => e.message(lang, &lang.words().profile_file),
            ProfileError::Unknown { name, known } => {
                (lang.words().profile_command.unknown)(name, &known.join(", "))
            }
        }
    }
}

/// A profile file that names a built-in profile.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltinRef {
    builtin: String,
}

/// Largest profile file read (bytes); the built-ins are under 40 KB.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// The built-in profiles: (name, TOML source with the plan citations).
const BUILTIN: &[(&str, &str)] = &[
    (
        "hung-yen-2024",
        include_str!("../../profiles/hung-yen-2024.toml"),
    ),
    (
        "lang-son-2025",
        include_str!("../../profiles/lang-son-2025.toml"),
    ),
];

impl ContestProfile {
    /// Names of the built-in profiles.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// The TOML source of a built-in profile, comments (plan citations) included.
    pub fn builtin_source(name: &str) -> Option<&'static str> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }

    /// A built-in profile by name. The built-ins are validated by the unit tests, so a parse
    /// failure here cannot happen in a released build; it still yields `None`, not a panic.
    pub fn builtin(name: &str) -> Option<Self> {
        let source = Self::builtin_source(name)?;
        Self::from_toml_str(source, Path::new(name)).ok()
    }

    /// Parse and validate a profile from TOML text; `origin` names it in errors. A file that
    /// only says `builtin = "lang-son-2025"` is that built-in profile (a contest folder's
    /// `profile.toml` can name the plan without copying it).
    pub fn from_toml_str(source: &str, origin: &Path) -> Result<Self, ProfileError> {
        if let Ok(BuiltinRef { builtin }) = toml::from_str::<BuiltinRef>(source) {
            return Self::builtin(&builtin).ok_or_else(|| ProfileError::Unknown {
                name: builtin,
                known: Self::builtin_names()
                    .into_iter()
                    .map(String::from)
                    .collect(),
            });
        }
        crate::error::parse_toml_checked(source, origin, ContestProfile::validate)
            .map_err(ProfileError::File)
    }

    /// Read a profile from a TOML file: opened once, never through a link, at most
    /// [`MAX_FILE_BYTES`] read.
    pub fn load(path: &Path) -> Result<Self, ProfileError> {
        let source =
            crate::error::read_toml_text(path, MAX_FILE_BYTES).map_err(ProfileError::File)?;
        Self::from_toml_str(&source, path)
    }

    /// A built-in name, or else a path to a TOML file.
    pub fn resolve(name_or_path: &str) -> Result<Self, ProfileError> {
        if let Some(p) = Self::builtin(name_or_path) {
            return Ok(p);
        }
        // A path the user typed is theirs to name, a link included.
        let path = crate::safe_fs::resolve_named(Path::new(name_or_path));
        if path.exists() {
            return Self::load(&path);
        }
        Err(ProfileError::Unknown {
            name: name_or_path.to_string(),
            known: Self::builtin_names()
                .into_iter()
                .map(String::from)
                .collect(),
        })
    }

    /// The profile as TOML (without the comments of the built-in source).
    pub fn to_toml_string(&self) -> String {
        // Every field is a plain struct, enum, string or number, so serializing cannot fail;
        // an empty string would only hide a soloai bug, not an input problem.
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// The quota for a unit kind given by name ("district", as the manifest writes it).
    pub fn quota(&self, unit_kind: &str) -> Option<&Quota> {
        let kind = UnitKind::from_name(unit_kind)?;
        self.quotas.iter().find(|q| q.unit_kind == kind)
    }

    /// The spec of one area, if the contest has it.
    pub fn area(&self, area: Area) -> Option<&AreaSpec> {
        self.areas.iter().find(|a| a.area == area)
    }

    /// Catch values that parse but make no sense, with a reason a person can act on.
    fn validate(&mut self) -> Result<(), ProfileProblem> {
        if self.name.trim().is_empty() {
            return Err(ProfileProblem::NoName);
        }
        if self.areas.is_empty() {
            return Err(ProfileProblem::NoAreas);
        }
        for (i, a) in self.areas.iter().enumerate() {
            if self.areas[..i].iter().any(|b| b.area == a.area) {
                return Err(ProfileProblem::AreaTwice {
                    letter: a.area.letter().to_string(),
                });
            }
        }
        if self.form.fonts.is_empty() {
            return Err(ProfileProblem::NoFonts);
        }
        if !(self.form.size_pt > 0.0 && self.form.size_pt < 200.0) {
            return Err(ProfileProblem::NotAFontSize {
                size: self.form.size_pt,
            });
        }
        if !(0.0..=1.0).contains(&self.form.min_body_share) {
            return Err(ProfileProblem::BodyShareOutOfRange);
        }
        for d in &self.deadlines {
            if !is_iso_date(&d.before) || d.date().is_none() {
                return Err(ProfileProblem::DeadlineNotADate {
                    what: d.what.clone(),
                    value: d.before.clone(),
                });
            }
        }
        if self.eligibility.scope == EligibilityScope::Region
            && self.eligibility.region.trim().is_empty()
        {
            return Err(ProfileProblem::NoRegion);
        }
        if self.eligibility.scope == EligibilityScope::Staff && self.eligibility.agency.is_empty() {
            return Err(ProfileProblem::NoAgency);
        }
        for p in &self.receiving_points {
            if p.kind == ReceivingPointKind::Named && p.names.is_empty() {
                return Err(ProfileProblem::NamedPointWithoutNames {
                    label: p.label.clone(),
                });
            }
        }
        if let Some(scoring) = &self.scoring {
            scoring.check()?;
        }
        self.prizes.complete()
    }

    /// The deadline LATE applies to an entry: the one binding authors, or else the one binding
    /// the unit that receives and forwards it (an entry that reaches the unit after that date
    /// cannot be forwarded in time).
    pub fn entry_deadline(&self) -> Option<&ContestDeadline> {
        self.deadlines
            .iter()
            .find(|d| d.binds == DeadlineParty::Author)
            .or_else(|| {
                self.deadlines
                    .iter()
                    .find(|d| d.binds == DeadlineParty::ReceivingUnit)
            })
    }

    /// The deadline for sending the screened entries up: the latest one binding the body that
    /// screens them (the unit that received them, or the council). Hưng Yên II.6 binds the
    /// council twice, "đánh giá, sơ loại … trước ngày 31/5/2024" and "gửi về Sở Nội vụ … trước
    /// ngày 15/6/2024": a package is sent by the second. `None` when no deadline binds them.
    pub fn forwarding_deadline(&self) -> Option<&ContestDeadline> {
        self.deadlines
            .iter()
            .filter(|d| {
                matches!(
                    d.binds,
                    DeadlineParty::ReceivingUnit | DeadlineParty::Council
                )
            })
            .max_by_key(|d| d.date())
    }
}

/// YYYY-MM-DD with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let all_digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_is_due_by_the_screening_body_s_last_deadline() {
        let due = |name: &str| {
            let p = ContestProfile::builtin(name).expect("built in");
            p.forwarding_deadline().map(|d| d.before.clone())
        };
        // Hưng Yên: screened by 31/5, sent to Sở Nội vụ by 15/6 (not the authors' 25/5).
        assert_eq!(due("hung-yen-2024").as_deref(), Some("2024-06-15"));
        assert_eq!(due("lang-son-2025").as_deref(), Some("2025-07-15"));
    }

    #[test]
    fn builtins_parse_and_validate() {
        for name in ContestProfile::builtin_names() {
            let source = ContestProfile::builtin_source(name).unwrap();
            let p = ContestProfile::from_toml_str(source, Path::new(name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(p.name, name);
            assert_eq!(p.areas.len(), 8, "{name} has the eight areas");
            for a in &p.areas {
                assert!(
                    !a.description.is_empty() && !a.terms.is_empty(),
                    "{name} {a:?}"
                );
            }
        }
    }

    #[test]
    fn lang_son_encodes_the_plan_numbers() {
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        assert_eq!(p.year, 2025);
        assert_eq!(p.form.cover.unit, UnitRequirement::UnitOrAddress);
        let district = p
            .quotas
            .iter()
            .find(|q| q.unit_kind == UnitKind::District)
            .unwrap();
        assert_eq!((district.min_entries, district.required), (3, true));
        let first = p
            .prizes
            .iter()
            .find(|x| x.rank == PrizeRank::First)
            .unwrap();
        assert_eq!(first.individual_amount_vnd, 5_000_000);
        assert_eq!(first.group_amount_vnd, 7_500_000);
        assert!(p.single_receiving_point);
        assert!(
            p.eligibility
                .excluded_roles
                .iter()
                .any(|r| r == "Ban Giám khảo")
        );
        let d = p.entry_deadline().unwrap();
        assert_eq!(
            (d.before.as_str(), d.binds),
            ("2025-07-15", DeadlineParty::ReceivingUnit)
        );
        assert!(district.includes_units_below && district.letter_if_none);
        assert_eq!(p.eligibility.scope, EligibilityScope::Region);
        assert_eq!(p.area(Area::Dd).unwrap().title, "Cải cách chế độ công vụ");
    }

    #[test]
    fn hung_yen_encodes_the_plan_numbers() {
        let p = ContestProfile::builtin("hung-yen-2024").unwrap();
        assert_eq!(p.form.cover.unit, UnitRequirement::Unit);
        assert!(p.form.cover.address);
        let author = p.entry_deadline().unwrap();
        assert_eq!(
            (author.before.as_str(), author.binds, author.day_counts),
            ("2024-05-25", DeadlineParty::Author, false)
        );
        assert_eq!(p.eligibility.scope, EligibilityScope::Staff);
        assert_eq!(p.quotas[0].counted_by, CountedBy::AuthorUnit);
        assert!(p.prizes.is_empty());
        assert_eq!(p.quotas.len(), 1);
        assert_eq!(p.quotas[0].unit_kind, UnitKind::InternalDivision);
    }

    #[test]
    fn toml_round_trip_keeps_everything() {
        for name in ContestProfile::builtin_names() {
            let p = ContestProfile::builtin(name).unwrap();
            let again = ContestProfile::from_toml_str(&p.to_toml_string(), Path::new("x")).unwrap();
            assert_eq!(p, again);
        }
    }

    #[test]
    fn compare_thresholds_default_when_absent() {
        let source = ContestProfile::builtin_source("lang-son-2025").unwrap();
        let without: String = source
            .split("\n[compare]")
            .next()
            .unwrap_or(source)
            .to_string();
        let p = ContestProfile::from_toml_str(&without, Path::new("x")).unwrap();
        assert_eq!(p.compare, Thresholds::default());
    }

    #[test]
    fn resolve_reports_unknown_names_and_bad_files() {
        let err = ContestProfile::resolve("no-such-contest").unwrap_err();
        assert!(matches!(err, ProfileError::Unknown { .. }));
        assert!(err.message(Lang::Vi).contains("lang-son-2025"));

        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "name = \"x\"\nyear = \"soon\"\n").unwrap();
        let err = ContestProfile::resolve(bad.to_str().unwrap()).unwrap_err();
        assert!(
            matches!(
                err,
                ProfileError::File(crate::error::TomlFileError::Parse { .. })
            ),
            "{err:?}"
        );

        let good = dir.path().join("mine.toml");
        let mut p = ContestProfile::builtin("lang-son-2025").unwrap();
        p.name = "mine".into();
        p.deadlines[0].before = "15/7/2025".into();
        std::fs::write(&good, p.to_toml_string()).unwrap();
        let err = ContestProfile::load(&good).unwrap_err();
        assert!(
            matches!(
                err,
                ProfileError::File(crate::error::TomlFileError::Invalid { .. })
            ),
            "{err:?}"
        );
    }

    #[test]
    fn unit_kind_names_match_serde() {
        for k in UnitKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
            assert_eq!(UnitKind::from_name(k.as_str()), Some(k));
        }
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        assert_eq!(p.quota("district").map(|q| q.min_entries), Some(3));
        assert_eq!(p.quota("commune"), None);
    }

    #[test]
    fn a_file_naming_a_builtin_is_that_builtin() {
        let p = ContestProfile::from_toml_str(
            "# x\nbuiltin = \"hung-yen-2024\"\n",
            Path::new("p.toml"),
        )
        .unwrap();
        assert_eq!(p.name, "hung-yen-2024");
        let e = ContestProfile::from_toml_str("builtin = \"nowhere\"", Path::new("p.toml"))
            .unwrap_err();
        assert!(matches!(e, ProfileError::Unknown { .. }));
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2025-07-15"));
        assert!(!is_iso_date("2025-7-15"));
        assert!(!is_iso_date("2025-13-01"));
        assert!(!is_iso_date("15/07/2025"));
    }
}
