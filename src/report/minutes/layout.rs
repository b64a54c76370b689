//! The parts every paper of the council shares, laid out per Nghị định 30/2020/NĐ-CP,
//! Phụ lục I (thể thức văn bản hành chính): the two-column header (issuing body and national
//! motto, each with its rule line), the number and the place-and-date line, the title with
//! its rule, and the signature block kept on the page of the last lines.

use super::docx::{Align, Cell, Para, Row, Run, TEXT_WIDTH, Table};
use crate::council::{Council, Role, Sitting};
use crate::lang::Lang;
use crate::report::Report;

/// Header column widths: the issuing body on the left, the motto on the right.
const LEFT: u32 = 3600;
const RIGHT: u32 = TEXT_WIDTH - LEFT;

/// Dotted blanks a secretary fills in by hand.
pub const BLANK: &str = "..........";

/// "ngày 08 tháng 7 năm 2025" (Decree 30: a day below 10 and the months 1 and 2 take a
/// leading zero) or "July 8, 2025"; dotted blanks without a date.
pub fn date_words(date: Option<jiff::civil::Date>, lang: Lang) -> String {
    (lang.words().papers.date)(date)
}

/// "08 giờ 00 phút" or "08:00"; dotted blanks without a time.
pub fn time_words(time: Option<jiff::civil::Time>, lang: Lang) -> String {
    (lang.words().papers.time_of_day)(time)
}

/// The date of an RFC 3339 timestamp in Vietnam (UTC+7), e.g. a run's `generated_at`.
pub fn local_date(rfc3339: &str) -> Option<jiff::civil::Date> {
    let ts: jiff::Timestamp = rfc3339.parse().ok()?;
    let offset = jiff::tz::Offset::constant(7);
    Some(offset.to_datetime(ts).date())
}

/// The issuing body's two lines: (direct parent, regular; issuer, bold), uppercase.
/// Decree 30 prints at most these two; a council with a name issues under its unit.
pub fn issuer_lines(report: &Report, lang: Lang) -> (String, String) {
    let upper = |s: &str| s.to_uppercase();
    match &report.council {
        Some(c) if !c.name.is_empty() => (upper(&c.unit), upper(&c.name)),
        Some(c) => (upper(&c.parent_unit), upper(&c.unit)),
        None if report.contest.organizer.is_empty() => (
            String::new(),
            lang.words().papers.council_default.to_string(),
        ),
        None => (
            upper(&report.contest.organizer),
            lang.words().papers.council_default.to_string(),
        ),
    }
}

/// "Số: 07/BB-HĐSL", or "Số:      /BB-HĐSL" to fill in.
pub fn number_line(sitting: Option<&Sitting>, default_symbol: &str, lang: Lang) -> String {
    let number = sitting.map(|s| s.number.as_str()).unwrap_or_default();
    let symbol = sitting
        .map(|s| s.symbol.as_str())
        .filter(|s| !s.is_empty())
        .unwrap_or(default_symbol);
    let number = if number.is_empty() {
        "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}"
    } else {
        number
    };
    format!("{} {number}/{symbol}", lang.words().papers.number)
}

/// "Cao Lộc, ngày 08 tháng 7 năm 2025".
pub fn place_date(place: &str, date: Option<jiff::civil::Date>, lang: Lang) -> String {
    let place = if place.is_empty() { BLANK } else { place };
    format!("{place}, {}", date_words(date, lang))
}

/// The two-column header: parent over issuer (bold) with a short rule, and the number below;
/// the motto with a rule as long as its second line, and the place and date below.
pub fn national_header(
    (parent, issuer): (&str, &str),
    number: &str,
    place_date: &str,
    lang: Lang,
) -> Table {
    let mut left = Vec::new();
    if !parent.is_empty() {
        left.push(Para::new().center().run(Run::new(parent).pt(13)));
    }
    left.push(Para::new().center().run(Run::new(issuer).pt(13).bold()));
    left.push(Para::rule(1300, LEFT - 160));
    left.push(
        Para::new()
            .center()
            .spacing(120, 0)
            .run(Run::new(number).pt(13)),
    );

    let right = vec![
        Para::new()
            .center()
            .run(Run::new(lang.words().papers.motto_country).pt(12).bold()),
        Para::new()
            .center()
            .run(Run::new(lang.words().papers.motto_slogan).pt(13).bold()),
        Para::rule(3600, RIGHT - 160),
        Para::new()
            .center()
            .spacing(120, 0)
            .run(Run::new(place_date).pt(14).italic()),
    ];
    Table::new(
        vec![LEFT, RIGHT],
        vec![Row::new(vec![Cell::new(left), Cell::new(right)])],
    )
    .without_borders()
}

/// The title ("BIÊN BẢN"), its summary lines (trích yếu), and the rule under them.
pub fn title(name: &str, summary: &[String]) -> Vec<Para> {
    let mut out = vec![
        Para::new()
            .center()
            .spacing(360, 0)
            .keep_next()
            .run(Run::new(name).pt(14).bold()),
    ];
    for line in summary {
        out.push(
            Para::new()
                .center()
                .keep_next()
                .run(Run::new(line.as_str()).pt(14).bold()),
        );
    }
    out.push(Para::rule(2600, TEXT_WIDTH));
    out.push(Para::new().spacing(0, 120));
    out
}

/// A body paragraph: justified, first line indented, 6 pt after (Decree 30).
pub fn body(text: impl Into<String>) -> Para {
    Para::new()
        .align(Align::Both)
        .first_line(567)
        .spacing(60, 60)
        .run(Run::new(text))
}

/// A bold section heading kept with what follows.
pub fn heading(text: impl Into<String>) -> Para {
    Para::new()
        .align(Align::Both)
        .spacing(160, 80)
        .keep_next()
        .run(Run::new(text).bold())
}

/// Who signs on the left and the right: (caption, name) each; blank names print nothing.
pub struct Signers {
    pub left: (String, String),
    pub right: (String, String),
}

impl Signers {
    /// The minutes' signers: the secretary on the left, the chair on the right (Decree 30's
    /// biên bản: "THƯ KÝ" and "CHỦ TỌA"), from the council file or else from the report's
    /// council list, by role.
    pub fn secretary_and_chair(report: &Report, lang: Lang) -> Signers {
        let secretary = lang.words().papers.secretary_caption.to_string();
        let chair = lang.words().papers.chair_caption.to_string();
        let (s_name, c_name) = match &report.council {
            Some(c) => (name_of(c, Role::Secretary), name_of(c, Role::Chair)),
            None => {
                let find = |role: Role| {
                    report
                        .contest
                        .council
                        .iter()
                        .find(|m| Role::parse(&m.role) == Some(role))
                        .map(|m| m.name.clone())
                        .unwrap_or_default()
                };
                (find(Role::Secretary), find(Role::Chair))
            }
        };
        Signers {
            left: (secretary, s_name),
            right: (chair, c_name),
        }
    }

    /// The block: captions, "(Ký, ghi rõ họ tên)", room to sign, names; every paragraph kept
    /// with the next, so the block never starts a page alone (the caller keeps the closing
    /// lines with it too).
    pub fn paragraphs(&self, lang: Lang) -> Vec<Para> {
        let tabs = [TEXT_WIDTH / 4, TEXT_WIDTH * 3 / 4];
        let line = |left: Run, right: Run| {
            Para::new()
                .center_tabs(&tabs)
                .keep_next()
                .runs([Run::tab(), left, Run::tab(), right])
        };
        let hint = lang.words().papers.sign_hint;
        let mut out = vec![
            line(
                Run::new(self.left.0.as_str()).bold(),
                Run::new(self.right.0.as_str()).bold(),
            )
            .spacing(240, 0),
            line(Run::new(hint).italic(), Run::new(hint).italic()),
        ];
        for _ in 0..4 {
            out.push(Para::new().keep_next());
        }
        out.push(
            line(
                Run::new(self.left.1.as_str()).bold(),
                Run::new(self.right.1.as_str()).bold(),
            )
            .no_keep_next(),
        );
        out
    }
}

fn name_of(council: &Council, role: Role) -> String {
    council
        .members
        .iter()
        .find(|m| m.role == role)
        .map(|m| m.name.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(y, m, d).ok()
    }

    #[test]
    fn dates_read_like_an_administrative_document() {
        assert_eq!(
            date_words(date(2025, 6, 2), Lang::Vi),
            "ngày 02 tháng 6 năm 2025"
        );
        assert_eq!(
            date_words(date(2025, 2, 15), Lang::Vi),
            "ngày 15 tháng 02 năm 2025"
        );
        assert_eq!(date_words(date(2025, 6, 2), Lang::En), "June 2, 2025");
        assert!(date_words(None, Lang::Vi).contains("....."));
        assert_eq!(
            time_words(crate::council::parse_time("8:05"), Lang::Vi),
            "08 giờ 05 phút"
        );
        // 20:30 UTC on 1 July is already 2 July in Vietnam.
        assert_eq!(local_date("2025-07-01T20:30:00Z"), date(2025, 7, 2));
        assert_eq!(local_date("garbage"), None);
    }

    #[test]
    fn number_and_place_lines() {
        let s = Sitting {
            number: "07".into(),
            symbol: "BB-HĐSL".into(),
            ..Sitting::default()
        };
        assert_eq!(number_line(Some(&s), "BB-X", Lang::Vi), "Số: 07/BB-HĐSL");
        assert!(number_line(None, "BB-HĐSL", Lang::Vi).ends_with("/BB-HĐSL"));
        assert_eq!(
            place_date("Cao Lộc", date(2025, 7, 8), Lang::Vi),
            "Cao Lộc, ngày 08 tháng 7 năm 2025"
        );
    }
}
