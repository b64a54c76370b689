//! The council (hội đồng sơ loại) as its own file, `council.toml`: who screens and marks, where
//! and when they meet, the unit they belong to and the number of the minutes they sign.
//!
//! The screening minutes (biên bản sơ loại) follow Nghị định 30/2020/NĐ-CP, Phụ lục I: the
//! issuing body's name over the council's, the document number ("Số: 15/BB-HĐSL"), the place
//! and date ("Cao Lộc, ngày 08 tháng 7 năm 2025"), the meeting's time and place, attendance and
//! signatures. None of that is in a contest plan — it is the council's own — so it lives in a
//! file the council keeps beside its entries (`soloai council-template` writes a commented
//! one). The scoring round reads the same file for its jury (members who mark) and for
//! conflicts of interest (a member who must not mark an entry, or any entry of a unit).
//!
//! Every field is optional except the unit and the members: a blank prints as a dotted line
//! to fill in by hand, so a council can print the minutes before it has a document number.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::normalize::{fold_key, nfc};
use crate::report::{CouncilMember, EntryReport, Report};

/// The commented template `soloai council-template` writes (Vietnamese comments).
pub const TEMPLATE: &str = include_str!("template.toml");

/// The name a contest folder's council file goes by.
pub const FILE_NAME: &str = "council.toml";

/// Longest text field accepted (a name, a venue); longer is a mistake, not a council.
const MAX_FIELD_CHARS: usize = 500;
/// Most members and conflicts a council file may list.
const MAX_MEMBERS: usize = 100;
const MAX_CONFLICTS: usize = 10_000;
/// Largest council file read (bytes).
const MAX_FILE_BYTES: u64 = 1 << 20;

/// One council, as `council.toml` describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// The unit that runs this screening (cơ quan, đơn vị tổ chức sơ loại), e.g. "UBND huyện
    /// Cao Lộc": the first line of the minutes' left header.
    pub unit: String,
    /// The unit's direct parent (cơ quan chủ quản), e.g. "UBND tỉnh Lạng Sơn". Decree 30 allows
    /// two header lines only, so it is printed only when the council has no name of its own.
    #[serde(default)]
    pub parent_unit: String,
    /// The council's name ("Hội đồng sơ loại", "Hội đồng sáng kiến"): the header's bold line.
    #[serde(default)]
    pub name: String,
    /// Place name before the date (địa danh): "Cao Lộc, ngày … tháng … năm …".
    #[serde(default)]
    pub place: String,
    /// The screening meeting and its minutes' number.
    #[serde(default)]
    pub screening: Sitting,
    /// The marking session (buổi chấm điểm) and its minutes' number.
    #[serde(default)]
    pub scoring: Sitting,
    /// Members in the order the minutes list them.
    pub members: Vec<Member>,
    /// Conflicts of interest for the scoring round.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// A meeting of the council and the number of the minutes it produces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sitting {
    /// Document number (số), e.g. "15"; blank → "Số:      /BB-HĐSL" to fill in by hand.
    pub number: String,
    /// Document symbol (ký hiệu), e.g. "BB-HĐSL".
    pub symbol: String,
    /// Meeting date, stored as `YYYY-MM-DD` (the file may say `DD/MM/YYYY`).
    pub date: String,
    /// Start time `HH:MM`.
    pub start: String,
    /// End time `HH:MM`.
    pub end: String,
    /// Where the meeting is held (địa điểm).
    pub venue: String,
}

impl Sitting {
    pub fn date(&self) -> Option<jiff::civil::Date> {
        parse_date(&self.date)
    }
    pub fn start(&self) -> Option<jiff::civil::Time> {
        parse_time(&self.start)
    }
    pub fn end(&self) -> Option<jiff::civil::Time> {
        parse_time(&self.end)
    }
}

/// A council member's role, as the minutes name it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Chủ tịch Hội đồng: chairs the meeting and signs on the right.
    Chair,
    /// Phó Chủ tịch Hội đồng.
    ViceChair,
    /// Thư ký: keeps the minutes and signs on the left.
    Secretary,
    /// Thành viên (ủy viên).
    #[default]
    Member,
}

impl Role {
    /// The code written in `council.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Chair => "chu-tich",
            Role::ViceChair => "pho-chu-tich",
            Role::Secretary => "thu-ky",
            Role::Member => "thanh-vien",
        }
    }

    /// Read a role the way a secretary may type it: the code, the Vietnamese words with or
    /// without diacritics ("Chủ tịch Hội đồng", "uy vien"), or English.
    pub fn parse(text: &str) -> Option<Role> {
        let key = fold_key(text).replace(['-', '_'], " ");
        let key = key
            .trim_end_matches(" hoi dong")
            .trim_end_matches(" hd")
            .trim_end_matches(" of the council")
            .trim();
        match key {
            "chu tich" | "chair" | "chairman" | "chairperson" | "truong ban" => Some(Role::Chair),
            "pho chu tich" | "vice chair" | "pho truong ban" => Some(Role::ViceChair),
            "thu ky" | "secretary" | "uy vien thu ky" | "thanh vien thu ky" => {
                Some(Role::Secretary)
            }
            "thanh vien" | "uy vien" | "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// What the minutes print after a member's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Chair => lang.words().council.chair,
            Role::ViceChair => lang.words().council.vice_chair,
            Role::Secretary => lang.words().council.secretary,
            Role::Member => lang.words().council.member,
        }
    }
}

/// Written as its `council.toml` code (`chu-tich`, …) in report.json too.
impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
        let text = String::deserialize(d)?;
        Role::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown role '{text}' (use chu-tich, pho-chu-tich, thu-ky or thanh-vien)"
            ))
        })
    }
}

fn default_true() -> bool {
    true
}

/// One member of the council.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    /// Position in their own unit (chức vụ), e.g. "Trưởng phòng Nội vụ".
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub role: Role,
    /// At the screening meeting (false → listed as absent with the reason).
    #[serde(default = "default_true")]
    pub present: bool,
    #[serde(default)]
    pub absent_reason: String,
    /// Marks entries in the scoring round; default: everyone but the secretary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marks: Option<bool>,
}

impl Member {
    /// Whether this member fills in a scoring sheet.
    pub fn marks(&self) -> bool {
        self.marks.unwrap_or(self.role != Role::Secretary)
    }
}

/// A member who must not mark an entry, or any entry of a unit (xung đột lợi ích).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The member's name as listed in `[[members]]` (compared without diacritics).
    pub member: String,
    /// An entry id (mã bài).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// A unit: every entry whose unit or receiving point is this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub reason: String,
}

impl Conflict {
    /// Whether this conflict covers `entry`.
    pub fn covers(&self, entry: &EntryReport) -> bool {
        if let Some(id) = &self.entry {
            return nfc(id.trim()) == nfc(entry.id.trim());
        }
        if let Some(unit) = &self.unit {
            let key = fold_key(unit);
            return [&entry.unit, &entry.receiving_point]
                .into_iter()
                .flatten()
                .any(|u| fold_key(u) == key);
        }
        false
    }
}

/// Why a council file could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CouncilError {
    /// The file could not be read, is not TOML or cannot be right.
    #[error("{}", self.message(Lang::En))]
    File(crate::error::TomlFileError<CouncilProblem>),
    /// The template could not be written; `cause` is a [`crate::safe_fs::io_cause`] code.
    #[error("{}", self.message(Lang::En))]
    Write { path: PathBuf, cause: String },
}

/// What is wrong in a council file that reads as TOML, each case a reason a secretary can act
/// on; worded in the vocabulary (`council_file.problem`). Fields are named as the file
/// writes them (`members.name`, `screening.date`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouncilProblem {
    TooLong {
        field: String,
        max: usize,
    },
    ControlCharacters {
        field: String,
    },
    NoUnit,
    NotADate {
        field: String,
        value: String,
    },
    NotATime {
        field: String,
        value: String,
    },
    /// A meeting (`screening` or `scoring`) that ends before it starts.
    EndsBeforeStart {
        section: String,
        start: String,
        end: String,
    },
    NoMembers,
    TooManyMembers {
        max: usize,
    },
    /// `number` counts from 1 in the order of `[[members]]`.
    MemberWithoutName {
        number: usize,
    },
    MemberTwice {
        name: String,
    },
    TwoChairs,
    TooManyConflicts {
        max: usize,
    },
    ConflictNotAMember {
        member: String,
    },
    ConflictEntryAndUnit {
        member: String,
    },
    ConflictNeitherEntryNorUnit {
        member: String,
    },
}

impl CouncilError {
    /// The reason and what to do, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CouncilError::File(e) => e.message(lang, &lang.words().council_file),
            CouncilError::Write { path, cause } => {
                (lang.words().council_command.template_not_written)(
                    &path.display().to_string(),
                    &crate::safe_fs::io_words(cause, lang),
                    cause == "already-exists",
                )
            }
        }
    }
}

impl Council {
    /// Read and check a council file.
    pub fn load(path: &Path) -> Result<Council, CouncilError> {
        let text =
            crate::error::read_toml_text(path, MAX_FILE_BYTES).map_err(CouncilError::File)?;
        Council::from_toml_str(&text, path)
    }

    /// Parse and check council TOML; `origin` names it in errors.
    pub fn from_toml_str(source: &str, origin: &Path) -> Result<Council, CouncilError> {
        crate::error::parse_toml_checked(source, origin, Council::normalize_and_check)
            .map_err(CouncilError::File)
    }

    /// The council file of a contest folder, if it has one.
    pub fn find_in(contest_dir: &Path) -> Option<PathBuf> {
        let path = contest_dir.join(FILE_NAME);
        path.is_file().then_some(path)
    }

    /// NFC every text, dates to ISO, and refuse what cannot be right.
    fn normalize_and_check(&mut self) -> Result<(), CouncilProblem> {
        let clean = |field: &str, text: &mut String| -> Result<(), CouncilProblem> {
            *text = nfc(text.trim());
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(CouncilProblem::TooLong {
                    field: field.to_string(),
                    max: MAX_FIELD_CHARS,
                });
            }
            if text.chars().any(|c| c.is_control()) {
                return Err(CouncilProblem::ControlCharacters {
                    field: field.to_string(),
                });
            }
            Ok(())
        };
        clean("unit", &mut self.unit)?;
        clean("parent_unit", &mut self.parent_unit)?;
        clean("name", &mut self.name)?;
        clean("place", &mut self.place)?;
        if self.unit.is_empty() {
            return Err(CouncilProblem::NoUnit);
        }
        for (section, sitting) in [
            ("screening", &mut self.screening),
            ("scoring", &mut self.scoring),
        ] {
            clean(&format!("{section}.number"), &mut sitting.number)?;
            clean(&format!("{section}.symbol"), &mut sitting.symbol)?;
            clean(&format!("{section}.venue"), &mut sitting.venue)?;
            sitting.date = sitting.date.trim().to_string();
            if !sitting.date.is_empty() {
                let date = parse_date(&sitting.date).ok_or_else(|| CouncilProblem::NotADate {
                    field: format!("{section}.date"),
                    value: sitting.date.clone(),
                })?;
                sitting.date = date.to_string();
            }
            for (what, time) in [("start", &mut sitting.start), ("end", &mut sitting.end)] {
                *time = time.trim().to_string();
                if !time.is_empty() {
                    let t = parse_time(time).ok_or_else(|| CouncilProblem::NotATime {
                        field: format!("{section}.{what}"),
                        value: time.clone(),
                    })?;
                    *time = format!("{:02}:{:02}", t.hour(), t.minute());
                }
            }
            if let (Some(start), Some(end)) = (sitting.start(), sitting.end())
                && end < start
            {
                return Err(CouncilProblem::EndsBeforeStart {
                    section: section.to_string(),
                    start: sitting.start.clone(),
                    end: sitting.end.clone(),
                });
            }
        }
        if self.members.is_empty() {
            return Err(CouncilProblem::NoMembers);
        }
        if self.members.len() > MAX_MEMBERS {
            return Err(CouncilProblem::TooManyMembers { max: MAX_MEMBERS });
        }
        for (i, m) in self.members.iter_mut().enumerate() {
            clean("members.name", &mut m.name)?;
            clean("members.position", &mut m.position)?;
            clean("members.absent_reason", &mut m.absent_reason)?;
            if m.name.is_empty() {
                return Err(CouncilProblem::MemberWithoutName { number: i + 1 });
            }
        }
        for (i, m) in self.members.iter().enumerate() {
            if self.members[..i]
                .iter()
                .any(|o| fold_key(&o.name) == fold_key(&m.name))
            {
                return Err(CouncilProblem::MemberTwice {
                    name: m.name.clone(),
                });
            }
        }
        let chairs = self
            .members
            .iter()
            .filter(|m| m.role == Role::Chair)
            .count();
        if chairs > 1 {
            return Err(CouncilProblem::TwoChairs);
        }
        if self.conflicts.len() > MAX_CONFLICTS {
            return Err(CouncilProblem::TooManyConflicts { max: MAX_CONFLICTS });
        }
        for c in &mut self.conflicts {
            clean("conflicts.member", &mut c.member)?;
            clean("conflicts.reason", &mut c.reason)?;
            for field in [&mut c.entry, &mut c.unit].into_iter().flatten() {
                clean("conflicts.entry/unit", field)?;
            }
            c.entry = c.entry.take().filter(|e| !e.is_empty());
            c.unit = c.unit.take().filter(|u| !u.is_empty());
            let key = fold_key(&c.member);
            if !self.members.iter().any(|m| fold_key(&m.name) == key) {
                return Err(CouncilProblem::ConflictNotAMember {
                    member: c.member.clone(),
                });
            }
            match (&c.entry, &c.unit) {
                (Some(_), Some(_)) => {
                    return Err(CouncilProblem::ConflictEntryAndUnit {
                        member: c.member.clone(),
                    });
                }
                (None, None) => {
                    return Err(CouncilProblem::ConflictNeitherEntryNorUnit {
                        member: c.member.clone(),
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }

    pub fn chair(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.role == Role::Chair)
    }

    pub fn secretary(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.role == Role::Secretary)
    }

    /// Members who mark entries in the scoring round, in order.
    pub fn jury(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.marks())
    }

    /// The member with this name (compared without diacritics).
    pub fn member(&self, name: &str) -> Option<&Member> {
        let key = fold_key(name);
        self.members.iter().find(|m| fold_key(&m.name) == key)
    }

    /// The conflict that keeps `member` from marking `entry`, if any.
    pub fn conflict(&self, member: &str, entry: &EntryReport) -> Option<&Conflict> {
        let key = fold_key(member);
        self.conflicts
            .iter()
            .find(|c| fold_key(&c.member) == key && c.covers(entry))
    }

    /// Put this council into a report: `contest.council` (names and roles, in the report's
    /// language) and the whole file in `report.council` for the minutes and the scoring round.
    pub fn fill_report(&self, report: &mut Report, lang: Lang) {
        report.contest.council = self
            .members
            .iter()
            .map(|m| CouncilMember {
                name: m.name.clone(),
                role: m.role.label(lang).to_string(),
            })
            .collect();
        report.council = Some(self.clone());
    }
}

/// Write the commented template to `path` (atomically). An existing file is kept unless
/// `force`: a council's own file is never clobbered by accident.
pub fn write_template(path: &Path, force: bool) -> Result<(), CouncilError> {
    crate::report::write_named_file(path, TEMPLATE.as_bytes(), force).map_err(|cause| {
        CouncilError::Write {
            path: path.to_path_buf(),
            cause,
        }
    })
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`).
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    if let Ok(d) = text.parse::<jiff::civil::Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y): (i8, i8, i16) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    if y < 1900 {
        return None;
    }
    jiff::civil::Date::new(y, m, d).ok()
}

/// `HH:MM` (also `8h00`, `8 giờ 30`).
pub fn parse_time(text: &str) -> Option<jiff::civil::Time> {
    let folded = fold_key(text);
    let cleaned = folded
        .replace("gio", ":")
        .replace("phut", "")
        .replace('h', ":");
    let mut parts = cleaned.split(':').map(str::trim);
    let h: i8 = parts.next()?.parse().ok()?;
    let m: i8 = match parts.next() {
        Some("") | None => 0,
        Some(m) => m.parse().ok()?,
    };
    if parts.next().is_some_and(|rest| !rest.is_empty()) {
        return None;
    }
    jiff::civil::Time::new(h, m, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TomlFileError;

    fn parse(source: &str) -> Result<Council, CouncilError> {
        Council::from_toml_str(source, Path::new("council.toml"))
    }

    #[test]
    fn the_template_is_a_valid_council() -> Result<(), CouncilError> {
        let c = parse(TEMPLATE)?;
        assert_eq!(c.unit, "UBND huyện Cao Lộc");
        assert_eq!(c.chair().map(|m| m.name.as_str()), Some("Hoàng Văn Thắng"));
        assert_eq!(c.secretary().map(|m| m.name.as_str()), Some("Vi Thị Ngọc"));
        assert_eq!(c.screening.date, "2025-07-08");
        assert_eq!(c.screening.symbol, "BB-HĐSL");
        // The secretary does not mark; the absent member still does.
        assert_eq!(c.jury().count(), 4);
        assert!(!c.members[4].present);
        Ok(())
    }

    #[test]
    fn dates_and_times_are_read_the_vietnamese_way() {
        assert_eq!(
            parse_date("08/07/2025").map(|d| d.to_string()),
            Some("2025-07-08".into())
        );
        assert_eq!(
            parse_date("2025-07-08").map(|d| d.to_string()),
            Some("2025-07-08".into())
        );
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date("hôm nay"), None);
        let t = |s: &str| parse_time(s).map(|t| (t.hour(), t.minute()));
        assert_eq!(t("08:00"), Some((8, 0)));
        assert_eq!(t("8h30"), Some((8, 30)));
        assert_eq!(t("14 giờ 15 phút"), Some((14, 15)));
        assert_eq!(t("25:00"), None);
        assert_eq!(t("8:00:00:00"), None);
    }

    #[test]
    fn every_role_s_label_reads_back_as_that_role() {
        for role in [Role::Chair, Role::ViceChair, Role::Secretary, Role::Member] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(Role::parse(role.label(lang)), Some(role), "{lang:?}");
            }
        }
    }

    #[test]
    fn roles_are_read_as_people_type_them() {
        assert_eq!(Role::parse("Chủ tịch Hội đồng"), Some(Role::Chair));
        assert_eq!(Role::parse("chu-tich"), Some(Role::Chair));
        assert_eq!(Role::parse("Ủy viên"), Some(Role::Member));
        assert_eq!(Role::parse("Thư ký"), Some(Role::Secretary));
        assert_eq!(Role::parse("pho chu tich"), Some(Role::ViceChair));
        assert_eq!(Role::parse("giám đốc"), None);
        for r in [Role::Chair, Role::ViceChair, Role::Secretary, Role::Member] {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
    }

    #[test]
    fn mistakes_are_named() {
        let base = "unit = \"UBND huyện X\"\n[[members]]\nname = \"A\"\nrole = \"chu-tich\"\n";
        assert!(parse(base).is_ok());
        let cases = [
            (
                "unit = \"\"\n[[members]]\nname = \"A\"\n",
                "'unit' is empty",
            ),
            ("unit = \"X\"\nmembers = []\n", "no members"),
            (
                &format!("{base}[[members]]\nname = \"B\"\nrole = \"chair\"\n"),
                "more than one chair",
            ),
            (
                &format!("{base}[[members]]\nname = \"a\"\n"),
                "listed twice",
            ),
            (
                &format!("{base}[screening]\ndate = \"32/13/2025\"\n"),
                "not a date",
            ),
            (
                &format!("{base}[screening]\nstart = \"10:00\"\nend = \"09:00\"\n"),
                "ends (09:00) before it starts (10:00)",
            ),
            (
                &format!("{base}[[conflicts]]\nmember = \"Z\"\nentry = \"E1\"\n"),
                "'Z', who is not a member",
            ),
            (
                &format!("{base}[[conflicts]]\nmember = \"A\"\n"),
                "names no entry and no unit",
            ),
        ];
        for (source, needle) in cases {
            match parse(source) {
                Err(e) => assert!(e.to_string().contains(needle), "{e} ∌ {needle}"),
                Ok(_) => panic!("accepted: {source}"),
            }
        }
        let err = parse("unit = \"X\"\nmembrs = 1\n").unwrap_err();
        assert!(matches!(
            err,
            CouncilError::File(TomlFileError::Parse { .. })
        ));
        assert!(err.message(Lang::Vi).contains("soloai council-template"));
        let err = parse(&format!(
            "{base}[[members]]\nname = \"B\"\nrole = \"boss\"\n"
        ))
        .unwrap_err();
        assert!(err.to_string().contains("unknown role 'boss'"), "{err}");
    }

    #[test]
    fn conflicts_cover_an_entry_or_a_unit() -> Result<(), CouncilError> {
        let c = parse(
            "unit = \"X\"\n[[members]]\nname = \"Nông Văn Bình\"\n[[members]]\nname = \"Lê C\"\n\
             [[conflicts]]\nmember = \"nong van binh\"\nentry = \"E14\"\n\
             [[conflicts]]\nmember = \"Lê C\"\nunit = \"UBND huyện Cao Lộc\"\n",
        )?;
        let entry = |id: &str, unit: &str, point: &str| EntryReport {
            id: id.into(),
            unit: Some(unit.into()),
            receiving_point: Some(point.into()),
            ..EntryReport::default()
        };
        let e14 = entry("E14", "Sở Y tế", "Sở Y tế");
        let cao_loc = entry("E04", "UBND xã Thạch Đạn", "UBND huyen Cao Loc");
        assert!(c.conflict("Nông Văn Bình", &e14).is_some());
        assert!(c.conflict("Nông Văn Bình", &cao_loc).is_none());
        assert!(c.conflict("Lê C", &cao_loc).is_some());
        assert!(c.conflict("Lê C", &e14).is_none());
        Ok(())
    }

    #[test]
    fn a_report_carries_the_council() -> Result<(), CouncilError> {
        let c = parse(TEMPLATE)?;
        let mut report = Report::new("lang-son-2025", "2025-07-08T01:00:00Z");
        c.fill_report(&mut report, Lang::Vi);
        assert_eq!(report.contest.council.len(), 5);
        assert_eq!(report.contest.council[0].role, "Chủ tịch Hội đồng");
        assert_eq!(report.council.as_ref(), Some(&c));
        let json = serde_json::to_string(&report).unwrap_or_default();
        let back: Report = serde_json::from_str(&json).map_err(|e| {
            CouncilError::File(TomlFileError::Parse {
                path: "report.json".into(),
                line: Some(e.line()),
                cause: e.to_string(),
            })
        })?;
        assert_eq!(back.council, Some(c));
        Ok(())
    }

    #[test]
    fn a_secretary_reads_what_is_wrong_in_vietnamese() {
        let base = "unit = \"UBND huyện X\"\n[[members]]\nname = \"A\"\nrole = \"chu-tich\"\n";
        let cases = [
            (
                format!("{base}[[members]]\nname = \"  \"\n"),
                CouncilProblem::MemberWithoutName { number: 2 },
                "council.toml: thông tin Hội đồng sai: thành viên thứ 2 chưa có tên",
            ),
            (
                format!("{base}[scoring]\nstart = \"14h\"\nend = \"13:30\"\n"),
                CouncilProblem::EndsBeforeStart {
                    section: "scoring".into(),
                    start: "14:00".into(),
                    end: "13:30".into(),
                },
                "[scoring]: cuộc họp kết thúc (13:30) trước khi bắt đầu (14:00)",
            ),
            (
                format!("{base}[screening]\ndate = \"ngày mai\"\n"),
                CouncilProblem::NotADate {
                    field: "screening.date".into(),
                    value: "ngày mai".into(),
                },
                "screening.date 'ngày mai' không phải ngày (ghi 08/07/2025 hoặc 2025-07-08)",
            ),
            (
                format!("{base}[[conflicts]]\nmember = \"A\"\nentry = \"E1\"\nunit = \"U\"\n"),
                CouncilProblem::ConflictEntryAndUnit { member: "A".into() },
                "ghi cả bài dự thi (entry) lẫn đơn vị (unit)",
            ),
        ];
        for (source, problem, words) in cases {
            match parse(&source) {
                Err(e) => {
                    assert_eq!(
                        e,
                        CouncilError::File(TomlFileError::Invalid {
                            path: "council.toml".into(),
                            problem
                        })
                    );
                    let vi = e.message(Lang::Vi);
                    assert!(vi.contains(words), "{vi} ∌ {words}");
                    assert!(!vi.contains("member") && !vi.contains("meeting"), "{vi}");
                }
                Ok(_) => panic!("accepted: {source}"),
            }
        }
    }

    #[test]
    fn a_toml_mistake_names_its_line() {
        let source = "unit = \"X\"\n\n[[members]]\nname = \"A\"\nchuc_vu = \"Trưởng phòng\"\n";
        let err = parse(source).unwrap_err();
        let CouncilError::File(TomlFileError::Parse { line, cause, .. }) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*line, Some(5), "{cause}");
        assert!(cause.contains("chuc_vu"), "{cause}");
        let vi = err.message(Lang::Vi);
        assert!(
            vi.starts_with("council.toml, dòng 5: tệp thông tin Hội đồng không hợp lệ ("),
            "{vi}"
        );
        assert!(
            vi.ends_with("Xem mẫu bằng 'soloai council-template'."),
            "{vi}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_read_is_said_in_words() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let missing = dir.path().join("council.toml");
        let err = Council::load(&missing).unwrap_err();
        assert!(
            err.message(Lang::Vi)
                .ends_with("council.toml: không đọc được tệp thông tin Hội đồng (không tìm thấy tệp). Kiểm tra đường dẫn."),
            "{}",
            err.message(Lang::Vi)
        );
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "unit = \"X\"\n[[members]]\nname = \"A\"\n")?;
        std::os::unix::fs::symlink(&real, &missing)?;
        let vi = Council::load(&missing).unwrap_err().message(Lang::Vi);
        assert!(
            vi.contains("(liên kết tượng trưng chứ không phải tệp thường)"),
            "{vi}"
        );
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; 3 * MAX_FILE_BYTES as usize])?;
        let vi = Council::load(&big).unwrap_err().message(Lang::Vi);
        assert!(vi.contains("(3 MB, vượt giới hạn 1 MB)"), "{vi}");
        let latin1 = dir.path().join("latin1.toml");
        std::fs::write(&latin1, b"unit = \"H\xf4i\"\n")?;
        let err = Council::load(&latin1).unwrap_err();
        assert!(
            matches!(err, CouncilError::File(TomlFileError::NotText { .. })),
            "{err:?}"
        );
        assert!(err.message(Lang::Vi).contains("không phải văn bản UTF-8"));
        Ok(())
    }
}
