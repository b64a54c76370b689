//! ELIGIBLE-AUTHOR — the author is someone the plan lets enter.
//!
//! Lạng Sơn II.1.a (`scope = "region"`): "Cán bộ, công chức, viên chức, người lao động, chiến
//! sĩ lực lượng vũ trang và người dân đang cư trú, học tập, lao động trên địa bàn tỉnh Lạng
//! Sơn" (and II.1.b for groups). Hưng Yên II.4 (`scope = "staff"`): "Cá nhân: Công chức, viên
//! chức, lao động thuộc Ban quản lý các KCN tỉnh. Tập thể: Các phòng chuyên môn, nghiệp vụ,
//! đơn vị thuộc Ban quản lý các KCN tỉnh."
//!
//! What it checks:
//! - `region`: an address or work unit of the author (manifest, cover, group representative)
//!   in the province: it names the province (`eligibility.region`) or one of its district-level
//!   places (`eligibility.region_places`) → pass. None does, and one names another province
//!   ("tỉnh Cao Bằng", "Hà Nội") → fail.
//! - `staff`: the author's unit is the agency (`eligibility.agency`) or a division of it (a
//!   "Phòng …"/"Văn phòng …" named without a place, or listed under it in `units.csv`) → pass;
//!   a unit of another kind or another province ("Sở Tư pháp tỉnh Lạng Sơn") → fail.
//!
//! Cannot tell: nothing places the author (no address, no unit, or only a school or company
//! whose place is not written). This holds the verdict: the plan admits only these people.
//!
//! Example (Lạng Sơn): address "Số 5, đường Hoàng Đình Giong, thành phố Cao Bằng, tỉnh Cao Bằng",
//! unit "Sở Nội vụ tỉnh Cao Bằng" → fail, "Không địa chỉ hay đơn vị nào ở tỉnh Lạng Sơn; “…tỉnh
//! Cao Bằng” (danh sách, cột Địa chỉ) ở tỉnh Cao Bằng."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule, quoted_list};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::{UnitKind, parse_unit_name};
use crate::normalize;
use crate::profile::EligibilityScope;

pub struct EligibleAuthor;

const CODE: &str = "ELIGIBLE-AUTHOR";

/// Vietnam's province-level units (2024–2025), to recognise an address in another province.
const PROVINCES: &[&str] = &[
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];
/// Centrally-run cities, written without "tỉnh".
const CITIES: &[&str] = &["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"];

/// Folded, words separated by single spaces, punctuation dropped.
fn key(s: &str) -> String {
    let f = normalize::fold_key(s);
    let spaced: String = f
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The other province a text names, if any (not `own`).
pub(crate) fn other_province(text: &str, own: &str) -> Option<&'static str> {
    let k = key(text).replace(" tp ", " thanh pho ");
    let own = key(own);
    for p in PROVINCES {
        let pk = key(p);
        // "tỉnh Cao Bằng", or the province's city of the same name ("thành phố Hưng Yên").
        if pk != own
            && (k.contains(&format!(" tinh{pk}")) || k.contains(&format!(" thanh pho{pk}")))
        {
            return Some(p);
        }
    }
    for c in CITIES {
        let ck = key(c);
        if ck != own && k.contains(&ck) {
            return Some(c);
        }
    }
    None
}

/// Whether a text places itself in the region: the province's name or one of its places.
pub(crate) fn in_region(text: &str, region: &str, places: &[String]) -> Option<String> {
    let k = key(text).replace(" tp ", " thanh pho ");
    if !region.trim().is_empty() && k.contains(&key(region)) {
        return Some(region.to_string());
    }
    places
        .iter()
        .find(|p| !p.trim().is_empty() && k.contains(&key(p)))
        .cloned()
}

impl EntryRule for EligibleAuthor {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.eligible_author.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn II.1.a \"… người dân đang cư trú, học tập, lao động trên địa bàn tỉnh Lạng Sơn\"; Hưng Yên II.4 \"Cá nhân: Công chức, viên chức, lao động thuộc Ban quản lý các KCN tỉnh\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: true,
            ineligible: true,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        match contest.profile.eligibility.scope {
            EligibilityScope::Region => region(entry, contest),
            EligibilityScope::Staff => staff(entry, contest),
        }
    }
}

fn region(entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
    let lang = contest.lang;
    let rules = &contest.profile.eligibility;
    // The plan's words for whom it admits: "Cá nhân: …" or, for a group entry, "Tập thể: …".
    let admits = admitted(entry, contest);
    let mut places = entry.addresses(lang);
    places.extend(entry.units(lang));
    let data = |inside: &[(&str, String)], outside: &[(&str, String, &str)]| {
        json!({
            "scope": "region",
            "region": rules.region,
            "inside": inside.iter().map(|(w, t)| json!({"where": w, "text": t})).collect::<Vec<_>>(),
            "outside": outside.iter().map(|(w, t, p)| json!({"where": w, "text": t, "province": p})).collect::<Vec<_>>(),
        })
    };
    let inside: Vec<(&str, String)> = places
        .iter()
        .filter(|(_, t)| in_region(t, &rules.region, &rules.region_places).is_some())
        .cloned()
        .collect();
    let outside: Vec<(&str, String, &str)> = places
        .iter()
        .filter_map(|(w, t)| other_province(t, &rules.region).map(|p| (*w, t.clone(), p)))
        .collect();
    if !inside.is_empty() {
        return CheckResult::new(
            CODE,
            Verdict::Pass,
            (lang.words().rules.eligible_author.in_region)(&rules.region, &quoted_list(&inside)),
            data(&inside, &outside),
        );
    }
    if let Some((w, t, p)) = outside.first() {
        return CheckResult::new(
            CODE,
            Verdict::Fail,
            (lang.words().rules.eligible_author.outside_region)(&rules.region, t, w, p, admits),
            data(&inside, &outside),
        );
    }
    let seen = if places.is_empty() {
        lang.words().rules.eligible_author.no_place.to_string()
    } else {
        quoted_list(&places)
    };
    CheckResult::new(
        CODE,
        Verdict::CannotTell,
        (lang.words().rules.eligible_author.region_unclear)(&rules.region, &seen),
        data(&inside, &outside),
    )
}

fn staff(entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
    let lang = contest.lang;
    let rules = &contest.profile.eligibility;
    // The plan's words for whom it admits: "Cá nhân: …" or, for a group entry, "Tập thể: …".
    let admits = admitted(entry, contest);
    let agency_name = rules.agency.first().cloned().unwrap_or_default();
    let units = entry.units(lang);
    let names_agency = |t: &str| {
        let k = key(t);
        rules.agency.iter().any(|a| k.contains(&key(a)))
    };
    let tree = contest.units;
    let agency_node = rules.agency.iter().find_map(|a| tree.find(a));
    let inside: Vec<(&str, String)> = units
        .iter()
        .filter(|(_, u)| {
            if names_agency(u) {
                return true;
            }
            if let (Some(a), Some(i)) = (agency_node, tree.find(u))
                && tree.is_within(i, a)
            {
                return true;
            }
            // "Phòng …"/"Văn phòng …" without a place is a division of the agency.
            parse_unit_name(u)
                .is_some_and(|n| n.kind == UnitKind::InternalDivision && n.parent.is_none())
                && other_province(u, &rules.region).is_none()
        })
        .cloned()
        .collect();
    let outside: Vec<(&str, String)> = units
        .iter()
        .filter(|(_, u)| {
            !inside.iter().any(|(_, x)| x == u)
                && (other_province(u, &rules.region).is_some() || parse_unit_name(u).is_some())
        })
        .cloned()
        .collect();
    let data = json!({
        "scope": "staff",
        "agency": agency_name,
        "inside": inside.iter().map(|(w, t)| json!({"where": w, "text": t})).collect::<Vec<_>>(),
        "outside": outside.iter().map(|(w, t)| json!({"where": w, "text": t})).collect::<Vec<_>>(),
    });
    if !inside.is_empty() {
        return CheckResult::new(
            CODE,
            Verdict::Pass,
            (lang.words().rules.eligible_author.in_agency)(&agency_name, &quoted_list(&inside)),
            data,
        );
    }
    if !outside.is_empty() {
        return CheckResult::new(
            CODE,
            Verdict::Fail,
            (lang.words().rules.eligible_author.outside_agency)(
                &agency_name,
                &quoted_list(&outside),
                admits,
            ),
            data,
        );
    }
    let seen = if units.is_empty() {
        lang.words().rules.eligible_author.no_unit.to_string()
    } else {
        quoted_list(&units)
    };
    CheckResult::new(
        CODE,
        Verdict::CannotTell,
        (lang.words().rules.eligible_author.agency_unclear)(&agency_name, &seen),
        data,
    )
}

/// The plan's words for the entry's kind: `eligibility.groups` for a group entry (declared or
/// two or more authors), else `eligibility.individuals`.
fn admitted<'a>(entry: &EntryFacts<'_>, contest: &ContestFacts<'a>) -> &'a str {
    let rules = &contest.profile.eligibility;
    let group = match entry.row.and_then(|r| r.kind) {
        Some(k) => k == crate::manifest::EntryKind::Group,
        None => entry.authors().len() >= 2 || entry.cover.is_group,
    };
    if group {
        &rules.groups
    } else {
        &rules.individuals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;

    #[test]
    fn region_by_province_or_place_and_out_of_province_fails() {
        let mut f = Fixture::new("lang-son-2025");
        let r = f.run(&EligibleAuthor);
        assert_eq!(r.verdict, Verdict::CannotTell);
        f.row().address = Some("Khối 3, thị trấn Na Sầm, huyện Văn Lãng".into());
        let r = f.run(&EligibleAuthor);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        f.row().address =
            Some("Số 5, đường Hoàng Đình Giong, thành phố Cao Bằng, tỉnh Cao Bằng".into());
        f.row().unit = Some("Sở Nội vụ tỉnh Cao Bằng".into());
        let r = f.run(&EligibleAuthor);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(r.evidence.contains("Cao Bằng"), "{}", r.evidence);
        // Living elsewhere but working in the province is enough.
        f.row().unit = Some("Sở Tư pháp tỉnh Lạng Sơn".into());
        assert_eq!(f.run(&EligibleAuthor).verdict, Verdict::Pass);
        assert_eq!(
            other_province("123 Nguyễn Trãi, Hà Nội", "Lạng Sơn"),
            Some("Hà Nội")
        );
        assert_eq!(
            other_province("phường Bắc Sơn, TP Lạng Sơn", "Lạng Sơn"),
            None
        );
    }

    #[test]
    fn staff_of_the_ban_or_its_divisions() {
        let mut f = Fixture::new("hung-yen-2024");
        f.row().unit = Some("Phòng Quản lý doanh nghiệp".into());
        assert_eq!(f.run(&EligibleAuthor).verdict, Verdict::Pass);
        f.row().unit = Some("Văn phòng Ban Quản lý các KCN tỉnh Hưng Yên".into());
        assert_eq!(f.run(&EligibleAuthor).verdict, Verdict::Pass);
        f.row().unit = Some("Sở Tư pháp tỉnh Lạng Sơn".into());
        let r = f.run(&EligibleAuthor);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(
            r.evidence.contains("Sở Tư pháp tỉnh Lạng Sơn"),
            "{}",
            r.evidence
        );
        f.row().unit = Some("Công ty TNHH Minh Phát".into());
        assert_eq!(f.run(&EligibleAuthor).verdict, Verdict::CannotTell);
    }
}
