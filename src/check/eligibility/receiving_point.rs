//! RECEIVING-POINT — the entry was sent where the plan says.
//!
//! Lạng Sơn III.3.a: "Cá nhân, tập thể … tham dự thi gửi bài về cơ quan, đơn vị mình đang công
//! tác hoặc UBND cấp huyện hoặc UBND cấp xã nơi cư trú; tổ chức chính trị - xã hội, tổ chức xã
//! hội mà mình là đoàn viên, hội viên". Hưng Yên II.3: "Cá nhân, tập thể … tham dự thi gửi bài
//! về Văn phòng Ban."
//!
//! What it checks: the manifest's "Đầu mối tiếp nhận" against the profile's
//! `receiving_points`:
//! - `named`: the point is one of the names (Hưng Yên: Văn phòng Ban). With a single named
//!   point and no point in the manifest, the entry is taken as received there.
//! - `own-unit`: the point is the author's work unit, or a unit above it in `units.csv`.
//! - `district-of-residence` / `commune-of-residence`: the point is a district or commune
//!   People's Committee and the author's address lies in it ("huyện Cao Lộc" in the address
//!   for "UBND huyện Cao Lộc").
//! - `member-organization`: the point is a socio-political or social organization; whether
//!   the author is a member is not in the papers, so this cannot tell.
//!
//! Fail: the point fits none of them and the papers say enough to know it (a body of the
//! contest such as "Ban Tổ chức", a district where the author neither lives nor works, an
//! agency that is not the author's). Cannot tell: no point in the manifest, or not enough
//! known about the author. Cannot tell does not hold the verdict (it is the council's record).
//!
//! Example (Lạng Sơn): point "UBND huyện Cao Lộc", author at "UBND huyện Lộc Bình" living in
//! "thị trấn Lộc Bình, huyện Lộc Bình" → fail, "Gửi về “UBND huyện Cao Lộc”: không phải đơn vị
//! công tác của tác giả (“UBND huyện Lộc Bình”) và nơi cư trú không thuộc huyện Cao Lộc."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule, quoted_list};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::{UnitKind, parse_unit_name, unit_key};
use crate::normalize;
use crate::profile::ReceivingPointKind;

pub struct ReceivingPointRule;

const CODE: &str = "RECEIVING-POINT";

/// Folded, words separated by single spaces.
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

/// "UBND huyện Cao Lộc" → "huyện Cao Lộc"; "UBND xã Thạch Đạn, huyện Cao Lộc" → "xã Thạch Đạn".
fn place_of(point: &str) -> String {
    let head = point.split(',').next().unwrap_or(point).trim();
    let k = key(head);
    let k = k
        .replace(" uy ban nhan dan ", " ")
        .replace(" ubnd ", " ")
        .replace(" tp ", " thanh pho ");
    k.trim().to_string()
}

impl EntryRule for ReceivingPointRule {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.receiving_point.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"gửi bài về cơ quan, đơn vị mình đang công tác hoặc UBND cấp huyện hoặc UBND cấp xã nơi cư trú; tổ chức chính trị - xã hội, tổ chức xã hội mà mình là đoàn viên, hội viên\"; Hưng Yên II.3 \"gửi bài về Văn phòng Ban\""
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
        let permitted = &contest.profile.receiving_points;
        let labels: Vec<&str> = permitted.iter().map(|p| p.label.as_str()).collect();
        let labels_text = labels.join("; ");
        let point = entry.row.and_then(|r| r.receiving_point.clone());
        if permitted.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.receiving_point.no_point.into(),
                json!({ "point": point }),
            );
        }
        let named: Vec<&crate::profile::ReceivingPoint> = permitted
            .iter()
            .filter(|p| p.kind == ReceivingPointKind::Named)
            .collect();
        let Some(point) = point else {
            if permitted.len() == 1 && named.len() == 1 {
                return CheckResult::new(
                    CODE,
                    Verdict::Pass,
                    (lang.words().rules.receiving_point.only_point)(&labels_text),
                    json!({ "point": null, "permitted": labels }),
                );
            }
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.receiving_point.not_given)(&labels_text),
                json!({ "point": null, "permitted": labels }),
            );
        };
        let pk = key(&point);
        for p in &named {
            if p.names.iter().any(|n| {
                let nk = key(n);
                unit_key(n) == unit_key(&point) || pk.contains(&nk) || nk.contains(&pk)
            }) {
                return pass(
                    lang,
                    &point,
                    &p.label,
                    json!({ "point": point, "as": "named" }),
                );
            }
        }
        let tree = contest.units;
        let node = tree.find(&point);
        let kind = node
            .and_then(|i| tree.get(i))
            .and_then(|u| u.kind)
            .or_else(|| parse_unit_name(&point).map(|n| n.kind));
        let units = entry.units(lang);
        let addresses = entry.addresses(lang);
        let allows = |k: ReceivingPointKind| permitted.iter().find(|p| p.kind == k);
        // Own unit: the point is the author's unit or above it.
        if let Some(rp) = allows(ReceivingPointKind::OwnUnit) {
            let own = units.iter().find(|(_, u)| {
                unit_key(u) == unit_key(&point)
                    || match (tree.find(u), node) {
                        (Some(i), Some(p)) => tree.is_within(i, p),
                        _ => false,
                    }
            });
            if let Some((w, u)) = own {
                return pass(
                    lang,
                    &point,
                    &rp.label,
                    json!({ "point": point, "as": "own-unit", "unit": u, "where": w }),
                );
            }
        }
        let place = place_of(&point);
        let lives_in = |needle: &str| {
            addresses
                .iter()
                .chain(units.iter())
                .find(|(_, a)| key(a).contains(&format!(" {needle} ")))
        };
        for (k, want) in [
            (ReceivingPointKind::DistrictOfResidence, UnitKind::District),
            (ReceivingPointKind::CommuneOfResidence, UnitKind::Commune),
        ] {
            if kind == Some(want)
                && let Some(rp) = allows(k)
                && let Some((w, a)) = lives_in(&place)
            {
                return pass(
                    lang,
                    &point,
                    &rp.label,
                    json!({ "point": point, "as": k, "address": a, "where": w }),
                );
            }
        }
        let data = json!({
            "point": point,
            "point_kind": kind,
            "permitted": labels,
            "units": units.iter().map(|(_, u)| u).collect::<Vec<_>>(),
            "addresses": addresses.iter().map(|(_, a)| a).collect::<Vec<_>>(),
        });
        if kind == Some(UnitKind::SocialOrganization)
            && let Some(rp) = allows(ReceivingPointKind::MemberOrganization)
        {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.receiving_point.member_organization)(&point, &rp.label),
                data,
            );
        }
        // Enough known to say no: a body of the contest, or a unit of a kind the plan does not
        // allow, or a place the author neither lives nor works in.
        let contest_body = kind.is_none() && parse_unit_name(&point).is_none() && {
            let k = key(&point);
            [
                " ban to chuc ",
                " ban giam khao ",
                " to thu ky ",
                " to giup viec ",
                " hoi dong ",
            ]
            .iter()
            .any(|b| k.starts_with(b))
        };
        // The author is placed by names alone ("UBND huyện Lộc Bình"), not by a kind cell: a
        // school or hospital may belong to the point without the papers saying so.
        let known_author = !addresses.is_empty()
            && !units.is_empty()
            && units.iter().all(|(_, u)| parse_unit_name(u).is_some());
        let allowed_kind = match kind {
            Some(UnitKind::District) => allows(ReceivingPointKind::DistrictOfResidence).is_some(),
            Some(UnitKind::Commune) => allows(ReceivingPointKind::CommuneOfResidence).is_some(),
            Some(UnitKind::SocialOrganization) => {
                allows(ReceivingPointKind::MemberOrganization).is_some()
            }
            Some(_) => false,
            None => false,
        } || allows(ReceivingPointKind::OwnUnit).is_some();
        let only_named = named.len() == permitted.len();
        if contest_body || only_named || (known_author && kind.is_some()) || !allowed_kind {
            let who = if units.is_empty() {
                String::new()
            } else {
                (lang.words().rules.receiving_point.work_unit)(&quoted_list(&units))
            };
            let lives = if addresses.is_empty() {
                String::new()
            } else {
                (lang.words().rules.receiving_point.residence)(&quoted_list(&addresses))
            };
            return CheckResult::new(
                CODE,
                Verdict::Fail,
                (lang.words().rules.receiving_point.not_permitted)(
                    &point,
                    &labels_text,
                    &who,
                    &lives,
                ),
                data,
            );
        }
        CheckResult::new(
            CODE,
            Verdict::CannotTell,
            (lang.words().rules.receiving_point.unclear)(&point, &labels_text),
            data,
        )
    }
}

fn pass(lang: Lang, point: &str, label: &str, data: serde_json::Value) -> CheckResult {
    CheckResult::new(
        CODE,
        Verdict::Pass,
        (lang.words().rules.receiving_point.permitted)(point, label),
        data,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;

    #[test]
    fn lang_son_own_unit_residence_and_elsewhere() {
        let mut f = Fixture::new("lang-son-2025");
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::CannotTell);
        f.row().unit = Some("Sở Tư pháp tỉnh Lạng Sơn".into());
        f.row().receiving_point = Some("Sở Tư pháp".into());
        let r = f.run(&ReceivingPointRule);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert_eq!(r.data["as"], "own-unit");

        f.row().unit = Some("Trường THCS thị trấn Đồng Đăng, huyện Cao Lộc".into());
        f.row().address = Some("Khối Ga, thị trấn Đồng Đăng, huyện Cao Lộc".into());
        f.row().receiving_point = Some("UBND huyện Cao Lộc".into());
        let r = f.run(&ReceivingPointRule);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert_eq!(r.data["as"], "district-of-residence");
        f.row().receiving_point = Some("UBND thị trấn Đồng Đăng, huyện Cao Lộc".into());
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::Pass);

        f.row().unit = Some("UBND huyện Lộc Bình".into());
        f.row().address = Some("Khu 1, thị trấn Lộc Bình, huyện Lộc Bình".into());
        f.row().receiving_point = Some("UBND huyện Cao Lộc".into());
        let r = f.run(&ReceivingPointRule);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        f.row().receiving_point = Some("Ban Tổ chức cuộc thi".into());
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::Fail);
        f.row().receiving_point = Some("Hội Nông dân tỉnh Lạng Sơn".into());
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::CannotTell);
        // A school's teacher sending to the department above the school: not in the papers.
        f.row().unit = Some("Trường THPT Việt Bắc, thành phố Lạng Sơn".into());
        f.row().address = None;
        f.row().receiving_point = Some("Sở Giáo dục và Đào tạo".into());
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::CannotTell);
    }

    #[test]
    fn hung_yen_only_van_phong_ban() {
        let mut f = Fixture::new("hung-yen-2024");
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::Pass);
        f.row().receiving_point = Some("Văn phòng Ban".into());
        assert_eq!(f.run(&ReceivingPointRule).verdict, Verdict::Pass);
        f.row().receiving_point = Some("Phòng Quản lý doanh nghiệp".into());
        let r = f.run(&ReceivingPointRule);
        assert_eq!(r.verdict, Verdict::Fail, "{}", r.evidence);
        assert!(r.evidence.contains("Văn phòng Ban"), "{}", r.evidence);
    }
}
