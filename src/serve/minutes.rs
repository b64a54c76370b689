//! The biên bản with the council's decisions.
//!
//! A run writes `bien-ban-so-loai.docx` before anyone has decided anything. The server renders
//! it again whenever it is downloaded (alone or in the report zip) with the minutes writer's
//! `decisions` input: every flag a council member accepted or dismissed in the web app, with
//! who, when and why, and the entries the council forwarded by dismissing all their flags. The
//! software's verdicts in report.json are never changed. The document's time is the later of
//! the run and the last decision, so the same state always gives the same file; the council is
//! the contest's `council.toml` as it stands (edited after the run, e.g. the minutes' number),
//! else the one the run recorded.

use crate::report::Report;
use crate::report::minutes::{self, DecisionAction, MinutesOptions};
use crate::serve::AppState;
use crate::serve::db::{CouncilSeat, Decision};

/// The web app's decisions as the minutes writer takes them. The decider is named as on the
/// council (the seat their account holds), else by their account's display name; a flag code
/// decides every flag of that code on the entry. At most
/// [`minutes::decisions::MAX_DECISIONS`], the newest (the ones in force), oldest first.
pub fn for_minutes(rows: &[Decision], seats: &[CouncilSeat]) -> Vec<minutes::Decision> {
    let newest = rows.len().saturating_sub(minutes::decisions::MAX_DECISIONS);
    rows[newest..]
        .iter()
        .filter_map(|d| {
            let action = match d.action.as_str() {
                "accept" => DecisionAction::Accepted,
                "dismiss" => DecisionAction::Dismissed,
                _ => return None,
            };
            let by = seats
                .iter()
                .find(|s| {
                    s.username
                        .as_deref()
                        .is_some_and(|u| u.eq_ignore_ascii_case(&d.username))
                })
                .map(|s| s.name.clone())
                .unwrap_or_else(|| d.by.clone());
            Some(minutes::Decision {
                entry: d.entry_id.clone(),
                flag: d.flag_code.clone(),
                evidence: None,
                action,
                by,
                reason: d.reason.clone(),
                at: d.at.clone(),
            })
        })
        .collect()
}

/// The contest's biên bản as it stands: `None` before a finished run.
pub fn current(state: &AppState, id: i64) -> Result<Option<Vec<u8>>, String> {
    let Some(report) = state.report(id) else {
        return Ok(None);
    };
    let mut report = (*report).clone();
    let council_path = state.input_dir(id).join(crate::council::FILE_NAME);
    if council_path.is_file()
        && let Ok(council) = crate::council::Council::load(&council_path)
    {
        council.fill_report(&mut report, state.lang);
    }
    let rows = state.db.decisions(id).map_err(|e| e.to_string())?;
    let seats = state
        .db
        .contest(id)
        .map_err(|e| e.to_string())?
        .map(|c| c.council.members)
        .unwrap_or_default();
    render(&report, &for_minutes(&rows, &seats), state.lang).map(Some)
}

/// The minutes of `report` with `decisions` (.docx bytes).
pub fn render(
    report: &Report,
    decisions: &[minutes::Decision],
    lang: crate::lang::Lang,
) -> Result<Vec<u8>, String> {
    let created = decisions
        .iter()
        .map(|d| d.at.as_str())
        .chain([report.generated_at.as_str()])
        .max()
        .unwrap_or_default()
        .to_string();
    let opts = MinutesOptions::new(lang, created).with_decisions(decisions);
    minutes::render(report, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(action: &str, username: &str, at: &str) -> Decision {
        Decision {
            id: 1,
            entry_id: "E03".into(),
            flag_code: "COPY".into(),
            action: action.into(),
            reason: "Trùng phần trích dẫn Nghị định".into(),
            by: "tài khoản".into(),
            username: username.into(),
            at: at.into(),
        }
    }

    #[test]
    fn decisions_name_the_council_seat_and_keep_their_action() {
        let seats = vec![CouncilSeat {
            name: "Nông Văn Bình".into(),
            position: "Trưởng phòng".into(),
            role: "thanh-vien".into(),
            username: Some("ThanhVien".into()),
        }];
        let rows = [
            row("dismiss", "thanhvien", "2025-07-08T09:00:00Z"),
            row("accept", "khac", "2025-07-08T10:00:00Z"),
            row("something-else", "thanhvien", "2025-07-08T11:00:00Z"),
        ];
        let got = for_minutes(&rows, &seats);
        assert_eq!(got.len(), 2, "an unknown action is not printed");
        assert_eq!(got[0].by, "Nông Văn Bình");
        assert_eq!(got[0].action, DecisionAction::Dismissed);
        assert_eq!(
            got[0].evidence, None,
            "a flag code decides every flag of that code"
        );
        assert_eq!(
            got[1].by, "tài khoản",
            "no seat: the account's display name"
        );
        assert_eq!(got[1].action, DecisionAction::Accepted);
    }
}
