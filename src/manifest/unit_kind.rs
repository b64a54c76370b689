//! Unit kinds and the one parser of unit names, shared by the manifest, `units.csv`, cover
//! pages and the rules.
//!
//! Quotas in both plans are per kind of unit: Lạng Sơn III.4 "Các Sở, ban, ngành … UBND cấp
//! huyện … (gồm cả bài dự thi của UBND cấp xã)", "tổ chức chính trị - xã hội, tổ chức xã hội …
//! cơ quan Trung ương đóng trên địa bàn tỉnh"; Hưng Yên II.5 "Mỗi phòng chuyên môn nghiệp vụ,
//! đơn vị thuộc Ban". A unit's kind comes from a "Loại đơn vị" cell ([`parse_kind_words`]) or
//! from its name ([`parse_unit_name`]: "UBND xã Thạch Đạn, huyện Cao Lộc" is a commune under
//! the district "UBND huyện Cao Lộc"; "Phòng Quản lý doanh nghiệp" a division).

use serde::{Deserialize, Serialize};

use crate::normalize;

/// The kind of unit a quota applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// Sở, ban, ngành (a provincial department or agency, e.g. "Ban Quản lý các KCN tỉnh").
    Department,
    /// UBND cấp huyện (district, town, provincial city).
    District,
    /// UBND cấp xã (commune, ward, township): its entries count for its district.
    Commune,
    /// Tổ chức chính trị - xã hội, tổ chức xã hội (Hội …, Đoàn …, Mặt trận …).
    SocialOrganization,
    /// Cơ quan Trung ương đóng trên địa bàn tỉnh (Cục …, Kho bạc, Bảo hiểm xã hội …).
    CentralAgency,
    /// A division (phòng chuyên môn, đơn vị) inside an agency or a district.
    InternalDivision,
}

impl UnitKind {
    pub const ALL: [UnitKind; 6] = [
        UnitKind::Department,
        UnitKind::District,
        UnitKind::Commune,
        UnitKind::SocialOrganization,
        UnitKind::CentralAgency,
        UnitKind::InternalDivision,
    ];

    /// The name used in TOML, JSON and the manifest's canonical form ("district", …).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::District => "district",
            UnitKind::Commune => "commune",
            UnitKind::SocialOrganization => "social-organization",
            UnitKind::CentralAgency => "central-agency",
            UnitKind::InternalDivision => "internal-division",
        }
    }

    pub fn from_name(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The kind in the plans' words.
    pub fn label_vi(self) -> &'static str {
        match self {
            UnitKind::Department => "Sở, ban, ngành",
            UnitKind::District => "UBND cấp huyện",
            UnitKind::Commune => "UBND cấp xã",
            UnitKind::SocialOrganization => "Tổ chức chính trị - xã hội, tổ chức xã hội",
            UnitKind::CentralAgency => "Cơ quan Trung ương đóng trên địa bàn tỉnh",
            UnitKind::InternalDivision => "Phòng chuyên môn, đơn vị trực thuộc",
        }
    }
}

/// What the "Loại đơn vị" column accepts, for messages.
pub const KIND_WORDS_HELP: &str = "\"sở, ban, ngành\" / \"UBND cấp huyện\" / \"UBND cấp xã\" / \"phòng chuyên môn\" / \"tổ chức chính trị - xã hội\" / \"cơ quan Trung ương\"";

fn words(s: &str) -> Vec<String> {
    let folded = normalize::fold_key(s);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The kind a "Loại đơn vị" cell names ("Sở, ban, ngành", "UBND cấp huyện", "huyen",
/// "Phòng chuyên môn", "đơn vị thuộc Ban", "district", …).
pub fn parse_kind_words(v: &str) -> Option<UnitKind> {
    if let Some(k) = UnitKind::from_name(v) {
        return Some(k);
    }
    let w = words(v);
    let has = |x: &str| w.iter().any(|t| t == x);
    let joined = w.join(" ");
    // Divisions first: "Phòng … thuộc Ban" names a Ban but is a division.
    if has("phong")
        || joined.contains("thuoc ban")
        || joined.contains("truc thuoc")
        || joined.contains("don vi thuoc")
        || joined.contains("noi bo")
        || has("division")
    {
        Some(UnitKind::InternalDivision)
    } else if has("huyen")
        || has("district")
        || joined.contains("thi xa")
        || joined.contains("thanh pho")
    {
        Some(UnitKind::District)
    } else if joined.contains("chinh tri")
        || joined.contains("xa hoi")
        || has("hoi")
        || has("doan")
        || has("social")
    {
        Some(UnitKind::SocialOrganization)
    } else if joined.contains("trung uong") || has("central") {
        Some(UnitKind::CentralAgency)
    } else if has("xa") || has("phuong") || joined.contains("thi tran") || has("commune") {
        Some(UnitKind::Commune)
    } else if has("so") || has("ban") || has("nganh") || has("department") {
        Some(UnitKind::Department)
    } else {
        None
    }
}

/// A unit name read: its kind and, when the name says it, the unit it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName {
    pub kind: UnitKind,
    /// The parent the name gives: "UBND xã Thạch Đạn, huyện Cao Lộc" → "UBND huyện Cao Lộc";
    /// "Phòng Nội vụ huyện Văn Lãng" → "UBND huyện Văn Lãng". `None` for "Phòng …" without
    /// a place (a division of the agency running the contest).
    pub parent: Option<String>,
}

/// Bodies of the contest itself, never units that send or receive entries.
const CONTEST_BODIES: &[&str] = &[
    "ban to chuc",
    "ban giam khao",
    "to thu ky",
    "to giup viec",
    "hoi dong",
];

/// Kind prefixes of names, folded, with "Ủy ban nhân dân" already shortened to "ubnd".
const DISTRICT_PREFIXES: &[&str] = &[
    "ubnd huyen",
    "ubnd thanh pho",
    "ubnd thi xa",
    "ubnd quan",
    "ubnd tp",
];
const COMMUNE_PREFIXES: &[&str] = &["ubnd xa", "ubnd phuong", "ubnd thi tran"];
const SOCIAL_PREFIXES: &[&str] = &[
    "hoi ",
    "tinh doan",
    "doan thanh nien",
    "doan tncs",
    "uy ban mat tran",
    "ubmttq",
    "mat tran to quoc",
    "lien doan lao dong",
    "cong doan",
    "lien hiep cac hoi",
];
const CENTRAL_PREFIXES: &[&str] = &[
    "cuc ",
    "chi cuc thue",
    "chi cuc hai quan",
    "chi cuc thong ke",
    "kho bac",
    "bao hiem xa hoi",
    "ngan hang nha nuoc",
    "cong an tinh",
    "bo chi huy quan su",
    "bo chi huy bo doi bien phong",
    "vien kiem sat",
    "toa an",
];

/// The words of `s` as written and folded, position for position.
fn folded_words(s: &str) -> (Vec<String>, Vec<String>) {
    let orig: Vec<String> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let folded = orig.iter().map(|w| normalize::fold_key(w)).collect();
    (orig, folded)
}

/// A folded name with "Ủy ban nhân dân" as "ubnd" and "TP." as "thanh pho".
fn name_key(name: &str) -> String {
    let w = words(name).join(" ");
    let w = format!(" {w} ")
        .replace(" uy ban nhan dan ", " ubnd ")
        .replace(" tp ", " thanh pho ");
    w.trim().to_string()
}

/// The district a name places itself in: "… huyện Cao Lộc", "…, thành phố Lạng Sơn" →
/// "UBND huyện Cao Lộc" / "UBND thành phố Lạng Sơn", spelled as the name spells it.
fn district_in(name: &str) -> Option<String> {
    let (orig, folded) = folded_words(name);
    for (i, w) in folded.iter().enumerate() {
        let (level, skip) = match (w.as_str(), folded.get(i + 1).map(String::as_str)) {
            ("huyen", _) => ("huyện", 1),
            ("quan", _) => ("quận", 1),
            ("thanh", Some("pho")) => ("thành phố", 2),
            ("thi", Some("xa")) => ("thị xã", 2),
            ("tp", _) => ("thành phố", 1),
            _ => continue,
        };
        let place: Vec<&str> = orig[i + skip..]
            .iter()
            .map(String::as_str)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        if !place.is_empty() {
            return Some(format!("UBND {level} {}", place.join(" ")));
        }
    }
    None
}

/// Read a unit's kind (and parent, when the name gives one) from its name. `None` for a name
/// that says no kind (a school, a hospital, a company) or a body of the contest itself.
pub fn parse_unit_name(name: &str) -> Option<UnitName> {
    let k = name_key(name);
    if k.is_empty() || CONTEST_BODIES.iter().any(|b| k.starts_with(b)) {
        return None;
    }
    let starts = |ps: &[&str]| ps.iter().any(|p| k.starts_with(p));
    let unit = |kind, parent| Some(UnitName { kind, parent });
    // The part after the first comma places the unit: "UBND xã X, huyện Y".
    let rest = name.split_once(',').map(|(_, r)| r);
    if starts(COMMUNE_PREFIXES) {
        let parent = rest.and_then(district_in).or_else(|| {
            // "UBND xã Thạch Đạn huyện Cao Lộc" without a comma.
            let mut it = name.splitn(2, |c: char| c.is_whitespace());
            it.next();
            it.next().and_then(|r| {
                let (_, f) = folded_words(r);
                f.iter()
                    .position(|w| w == "huyen" || w == "thanh" || w == "thi" || w == "quan")
                    .and_then(|_| district_in(r))
            })
        });
        return unit(UnitKind::Commune, parent);
    }
    if starts(DISTRICT_PREFIXES) {
        return unit(UnitKind::District, None);
    }
    if k.starts_with("van phong") {
        // "Văn phòng UBND tỉnh", "Văn phòng HĐND tỉnh", "Văn phòng Tỉnh ủy": departments;
        // "Văn phòng HĐND và UBND huyện X": part of the district; "Văn phòng Ban": a division.
        if k.contains(" tinh") {
            return unit(UnitKind::Department, None);
        }
        return unit(UnitKind::InternalDivision, district_in(name));
    }
    if k.starts_with("phong ") || (k.starts_with("trung tam ") && k.contains(" thuoc ban")) {
        return unit(UnitKind::InternalDivision, district_in(name));
    }
    if k.starts_with("hoi dong") {
        return None;
    }
    if starts(SOCIAL_PREFIXES) {
        return unit(UnitKind::SocialOrganization, None);
    }
    if starts(CENTRAL_PREFIXES) {
        return unit(UnitKind::CentralAgency, None);
    }
    if k.starts_with("so ") || k.starts_with("ban ") || k.starts_with("thanh tra tinh") {
        return unit(UnitKind::Department, None);
    }
    None
}

/// The key two spellings of one unit share: folded, "Ủy ban nhân dân" as "UBND", the place
/// after a comma and a trailing "tỉnh …" dropped ("Sở Tư pháp tỉnh Lạng Sơn" = "Sở Tư pháp").
pub fn unit_key(name: &str) -> String {
    let head = name.split(',').next().unwrap_or(name);
    let k = name_key(head);
    match k.find(" tinh ") {
        Some(i) if i > 0 => k[..i].to_string(),
        _ => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words() {
        use UnitKind::*;
        for (v, k) in [
            ("Sở, ban, ngành", Department),
            ("so-nganh", Department),
            ("UBND cấp huyện", District),
            ("huyen", District),
            ("UBND cấp xã", Commune),
            ("xa", Commune),
            ("Tổ chức chính trị - xã hội", SocialOrganization),
            ("cơ quan Trung ương", CentralAgency),
            ("Phòng chuyên môn", InternalDivision),
            ("Phòng, đơn vị thuộc Ban", InternalDivision),
            ("internal-division", InternalDivision),
        ] {
            assert_eq!(parse_kind_words(v), Some(k), "{v}");
        }
        assert_eq!(parse_kind_words("trường học"), None);
    }

    #[test]
    fn names() {
        use UnitKind::*;
        let p = |n: &str| parse_unit_name(n).map(|u| (u.kind, u.parent));
        assert_eq!(
            p("UBND xã Thạch Đạn, huyện Cao Lộc"),
            Some((Commune, Some("UBND huyện Cao Lộc".into())))
        );
        assert_eq!(
            p("Ủy ban nhân dân phường Hoàng Văn Thụ, thành phố Lạng Sơn"),
            Some((Commune, Some("UBND thành phố Lạng Sơn".into())))
        );
        assert_eq!(p("UBND thị trấn Na Sầm"), Some((Commune, None)));
        assert_eq!(p("UBND huyện Văn Lãng"), Some((District, None)));
        assert_eq!(
            p("Ủy ban nhân dân thành phố Lạng Sơn"),
            Some((District, None))
        );
        assert_eq!(p("Sở Tư pháp tỉnh Lạng Sơn"), Some((Department, None)));
        assert_eq!(
            p("Phòng Quản lý doanh nghiệp"),
            Some((InternalDivision, None))
        );
        assert_eq!(
            p("Phòng Quản lý đầu tư thuộc Ban"),
            Some((InternalDivision, None))
        );
        assert_eq!(
            p("Phòng Nội vụ huyện Văn Lãng"),
            Some((InternalDivision, Some("UBND huyện Văn Lãng".into())))
        );
        assert_eq!(p("Văn phòng Ban"), Some((InternalDivision, None)));
        assert_eq!(p("Văn phòng UBND tỉnh"), Some((Department, None)));
        assert_eq!(
            p("Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn"),
            Some((SocialOrganization, None))
        );
        assert_eq!(p("Cục Thuế tỉnh Lạng Sơn"), Some((CentralAgency, None)));
        assert_eq!(
            p("Ban Quản lý các khu công nghiệp tỉnh Hưng Yên"),
            Some((Department, None))
        );
        assert_eq!(p("Hội đồng sáng kiến"), None);
        assert_eq!(p("Ban Tổ chức cuộc thi"), None);
        assert_eq!(p("Trường THPT Việt Bắc"), None);
    }

    #[test]
    fn keys_join_spellings() {
        assert_eq!(unit_key("Sở Tư pháp tỉnh Lạng Sơn"), unit_key("SỞ TƯ PHÁP"));
        assert_eq!(
            unit_key("Ủy ban nhân dân huyện Cao Lộc"),
            unit_key("UBND huyện Cao Lộc")
        );
        assert_eq!(
            unit_key("UBND xã Thạch Đạn, huyện Cao Lộc"),
            unit_key("UBND xã Thạch Đạn")
        );
        assert_ne!(
            unit_key("UBND huyện Cao Lộc"),
            unit_key("UBND huyện Lộc Bình")
        );
    }
}
