//! RECEIVING-POINT-DUPLICATE — the entry was sent to one receiving point only.
//!
//! Lạng Sơn III.3.a "(Lưu ý: mỗi bài dự thi chỉ được gửi cho một đầu mối tiếp nhận)"
//! (`single_receiving_point = true`). Hưng Yên has one receiving point and states no such rule.
//!
//! What it checks, when the plan has the rule: the same entry at another receiving point —
//! - copy detection found another entry with (nearly) the same text and the same authors sent
//!   to a different point (the screen passes these as [`SameText`](super::SameText));
//! - the manifest lists another entry with the same title and authors at a different point;
//! - the entry's own "Đầu mối tiếp nhận" cell names two points ("Sở Y tế; UBND huyện Cao Lộc").
//!
//! Both entries of a pair fail, each naming the other. Passes when none is found.
//!
//! Example: E10A at "Sở Giáo dục và Đào tạo" and E10B at "UBND thành phố Lạng Sơn", the same
//! file → fail on both, "Bài này cũng được gửi qua đầu mối khác: E10B (UBND thành phố Lạng Sơn),
//! trùng 100% nội dung."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;
use crate::manifest::unit_key;

pub struct ReceivingPointDuplicate;

/// Most other entries named in the evidence.
const MAX_OTHERS: usize = 20;

const CODE: &str = "RECEIVING-POINT-DUPLICATE";

impl EntryRule for ReceivingPointDuplicate {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.receiving_point_duplicate.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a \"(Lưu ý: mỗi bài dự thi chỉ được gửi cho một đầu mối tiếp nhận)\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: Some(CODE),
            holds: true,
            ineligible: true,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        if !contest.profile.single_receiving_point {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words().rules.receiving_point_duplicate.no_limit.into(),
                json!({ "rule": false }),
            );
        }
        let point = entry.row.and_then(|r| r.receiving_point.clone());
        let mut others: Vec<(String, Option<String>, Option<f64>)> = Vec::new();
        for s in entry.same_text {
            let differs = match (&point, &s.other_point) {
                (Some(a), Some(b)) => unit_key(a) != unit_key(b),
                _ => true,
            };
            if differs {
                others.push((s.other_id.clone(), s.other_point.clone(), Some(s.share)));
            }
        }
        // The manifest: same title and same authors elsewhere.
        let title = entry.row.and_then(|r| r.title.as_deref());
        for p in contest
            .peers
            .same_title_and_authors(title, &entry.authors())
        {
            if p.id == entry.id || others.iter().any(|o| o.0 == p.id) {
                continue;
            }
            let differs = match (&point, &p.receiving_point) {
                (Some(a), Some(b)) => unit_key(a) != unit_key(b),
                _ => false,
            };
            if differs {
                others.push((p.id.clone(), p.receiving_point.clone(), None));
            }
        }
        // A copy sent to many points is named, but the list stays bounded.
        let more = others.len().saturating_sub(MAX_OTHERS);
        others.truncate(MAX_OTHERS);
        // One cell naming several points.
        let several: Vec<String> = point
            .as_deref()
            .map(|p| {
                p.split([';', '\n'])
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let data = json!({
            "point": point,
            "others": others.iter().map(|(id, p, s)| json!({"id": id, "point": p, "share": s})).collect::<Vec<_>>(),
            "points_in_cell": several,
            "more": more,
        });
        if others.is_empty() && several.len() < 2 {
            return CheckResult::new(
                CODE,
                Verdict::Pass,
                lang.words()
                    .rules
                    .receiving_point_duplicate
                    .not_elsewhere
                    .into(),
                data,
            );
        }
        let words = &lang.words().rules.receiving_point_duplicate;
        let mut parts = Vec::new();
        if several.len() >= 2 {
            parts.push((words.several_points)(several.len(), &several.join("; ")));
        }
        for (id, p, share) in &others {
            let p = p.clone().unwrap_or_else(|| "?".into());
            parts.push(match share {
                Some(s) => (words.same_text)(id, &p, *s),
                None => (words.same_title)(id, &p),
            });
        }
        if more > 0 {
            parts.push((words.and_more)(more));
        }
        CheckResult::new(
            CODE,
            Verdict::Fail,
            (words.also_elsewhere)(&parts.join("; ")),
            data,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::testing::Fixture;
    use crate::check::eligibility::{Peer, Peers, SameText};

    #[test]
    fn same_text_or_same_title_elsewhere_fails() {
        let mut f = Fixture::new("lang-son-2025");
        f.row().receiving_point = Some("Sở Giáo dục và Đào tạo".into());
        f.row().title = Some("Phiên góp ý hằng quý".into());
        f.row().authors = vec!["Chu Thị Mai Anh".into()];
        assert_eq!(f.run(&ReceivingPointDuplicate).verdict, Verdict::Pass);
        f.same_text = vec![SameText {
            other_id: "E10B".into(),
            other_point: Some("UBND thành phố Lạng Sơn".into()),
            share: 1.0,
        }];
        let r = f.run(&ReceivingPointDuplicate);
        assert_eq!(r.verdict, Verdict::Fail);
        assert!(
            r.evidence.contains("E10B (UBND thành phố Lạng Sơn)"),
            "{}",
            r.evidence
        );
        f.same_text.clear();
        f.peers = Peers::new(vec![Peer {
            id: "E20".into(),
            title: Some("PHIÊN GÓP Ý HẰNG QUÝ".into()),
            authors: vec!["Chu Thi Mai Anh".into()],
            receiving_point: Some("Hội Liên hiệp Phụ nữ tỉnh".into()),
        }]);
        assert_eq!(f.run(&ReceivingPointDuplicate).verdict, Verdict::Fail);
        f.peers = Peers::default();
        f.row().receiving_point = Some("Sở Y tế; UBND huyện Cao Lộc".into());
        assert_eq!(f.run(&ReceivingPointDuplicate).verdict, Verdict::Fail);
        // Hưng Yên has no such rule.
        let mut h = Fixture::new("hung-yen-2024");
        h.row().receiving_point = Some("a; b".into());
        assert_eq!(h.run(&ReceivingPointDuplicate).verdict, Verdict::Pass);
    }
}
