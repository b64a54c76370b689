//! Calendar dates as contest papers write them.
//!
//! Plans and units write "25/5/2024" (day first); spreadsheets store serial numbers; soloai's
//! own files use ISO `2024-05-25`. [`Date`] reads all three (on `jiff::civil::Date`, which
//! knows the calendar, so "31/04/2025" and "29/02/2025" are refused) and writes ISO for JSON
//! and dd/mm/yyyy for what a council member reads.

use std::fmt;

use jiff::civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day in the Gregorian calendar, 1900–2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(civil::Date);

impl Date {
    /// The day, if it exists and lies in 1900–2999.
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1900..=2999).contains(&year) {
            return None;
        }
        let d = civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Date(d))
    }

    /// `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`); a time after
    /// the date ("2025-07-01 00:00:00", as spreadsheet programs append) is ignored.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = s.split([' ', 'T']).next().unwrap_or(s);
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let num = |p: &str| -> Option<i64> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                p.parse().ok()
            }
        };
        let (y, m, d) = if a.len() == 4 {
            (num(a)?, num(b)?, num(c)?)
        } else if c.len() == 4 {
            (num(c)?, num(b)?, num(a)?)
        } else {
            return None;
        };
        Date::new(y, m, d)
    }

    /// A spreadsheet date serial (days; the 1900 system with its phantom 29 Feb 1900, or the
    /// 1904 system); the fraction (a time of day) is ignored.
    pub fn from_serial(serial: f64, date1904: bool) -> Option<Date> {
        if !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        let whole = serial.floor() as i64;
        let (origin, days) = if date1904 {
            (civil::date(1904, 1, 1), whole)
        } else if whole >= 61 {
            (civil::date(1899, 12, 30), whole)
        } else {
            (civil::date(1899, 12, 31), whole)
        };
        let d = origin
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?;
        Date::new(
            i64::from(d.year()),
            i64::from(d.month()),
            i64::from(d.day()),
        )
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }
    pub fn month(self) -> i8 {
        self.0.month()
    }
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// `2024-05-25`, for JSON and files.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// `25/05/2024`, as plans and council papers write dates.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day(), self.month(), self.year())
    }

    /// The day before (for "trước ngày 25/5": the last day that counts is 24/5).
    pub fn previous_day(self) -> Option<Date> {
        self.0.yesterday().ok().map(Date)
    }
}

/// dd/mm/yyyy, what a person reads.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dmy())
    }
}

/// As ISO `YYYY-MM-DD` in JSON.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

/// A dateline as Vietnamese papers write it, on a line of its own: "Lạng Sơn, ngày 10 tháng 6
/// năm 2025" (a place, a comma, day month year; diacritics optional). The first one in `text`:
/// its date and the line as written.
pub fn find_dateline(text: &str) -> Option<(Date, String)> {
    use std::sync::OnceLock;
    static RE: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| {
            regex::Regex::new(
                r"^[^,]{2,60},\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\s*\.?$",
            )
            .ok()
        })
        .as_ref()?;
    for line in text.lines().take(2_000) {
        let folded = crate::normalize::fold_key(line);
        if let Some(c) = re.captures(&folded) {
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            if let Some(d) = Date::new(num(3)?, num(2)?, num(1)?) {
                return Some((d, line.trim().to_string()));
            }
        }
    }
    None
}

/// Parse to ISO `YYYY-MM-DD` (for callers that keep dates as text).
pub fn parse_date(s: &str) -> Option<String> {
    Date::parse(s).map(Date::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_orders_and_the_calendar() {
        assert_eq!(parse_date("1/7/2025").as_deref(), Some("2025-07-01"));
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(
            parse_date("2025-07-01 00:00:00").as_deref(),
            Some("2025-07-01")
        );
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("31/04/2025"), None);
        assert_eq!(parse_date("hôm qua"), None);
        assert_eq!(parse_date("31/02"), None);
        assert!(Date::parse("2025-07-16") > Date::parse("15/07/2025"));
        let d = Date::parse("25/5/2024").unwrap();
        assert_eq!(d.to_string(), "25/05/2024");
        assert_eq!(d.previous_day().unwrap().iso(), "2024-05-24");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2024-05-25\"");
    }

    #[test]
    fn datelines() {
        let (d, line) = find_dateline("BÀI DỰ THI\nLạng Sơn, ngày 20 tháng 7 năm 2025\n").unwrap();
        assert_eq!(d.iso(), "2025-07-20");
        assert_eq!(line, "Lạng Sơn, ngày 20 tháng 7 năm 2025");
        assert!(find_dateline("Hung Yen, ngay 5 thang 5 nam 2024").is_some());
        // A date inside a sentence is not a dateline.
        assert_eq!(
            find_dateline("Căn cứ Nghị định ngày 15 tháng 4 năm 2024 của Chính phủ"),
            None
        );
        assert_eq!(find_dateline("Lạng Sơn, tháng 6 năm 2025"), None);
        assert_eq!(find_dateline("Lạng Sơn, ngày 31 tháng 6 năm 2025"), None);
    }

    #[test]
    fn spreadsheet_serials() {
        // 45839 is 2025-07-01 in the 1900 system; 60 is Excel's phantom 1900-02-29.
        let iso = |s, y| Date::from_serial(s, y).map(Date::iso);
        assert_eq!(iso(45_839.0, false).as_deref(), Some("2025-07-01"));
        assert_eq!(iso(1.0, false).as_deref(), Some("1900-01-01"));
        assert_eq!(iso(61.0, false).as_deref(), Some("1900-03-01"));
        assert_eq!(iso(44_377.0, true).as_deref(), Some("2025-07-01"));
        assert_eq!(iso(-3.0, false), None);
    }
}
