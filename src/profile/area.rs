//! The eight content areas ("nội dung") an entry's idea must belong to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A content area, named by the Lạng Sơn plan's letters (a, b, c, d, đ, e, g, h); the Hưng Yên
/// plan lists the same eight in the same order without letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Area {
    /// Chỉ đạo điều hành — steering and direction.
    A,
    /// Cải cách thể chế — institutions.
    B,
    /// Cải cách thủ tục hành chính — administrative procedures.
    C,
    /// Cải cách tổ chức bộ máy — organization of the apparatus.
    D,
    /// Cải cách chế độ công vụ — civil service (letter "đ").
    Dd,
    /// Cải cách tài chính công — public finance.
    E,
    /// Chính quyền điện tử, chính quyền số — e-government.
    G,
    /// Năng lực cạnh tranh — provincial competitiveness.
    H,
}

impl Area {
    pub const ALL: [Area; 8] = [
        Area::A,
        Area::B,
        Area::C,
        Area::D,
        Area::Dd,
        Area::E,
        Area::G,
        Area::H,
    ];

    /// The plan's letter: "a" … "đ" … "h".
    pub fn letter(self) -> &'static str {
        match self {
            Area::A => "a",
            Area::B => "b",
            Area::C => "c",
            Area::D => "d",
            Area::Dd => "đ",
            Area::E => "e",
            Area::G => "g",
            Area::H => "h",
        }
    }

    /// Accepts the plan's letters in either case, with or without a closing ")" or ".", and
    /// "dd" for "đ" (people without a Vietnamese keyboard type it so).
    pub fn from_letter(s: &str) -> Option<Area> {
        let t = crate::normalize::nfc(s.trim());
        let t = t.trim_end_matches([')', '.']).trim().to_lowercase();
        match t.as_str() {
            "a" => Some(Area::A),
            "b" => Some(Area::B),
            "c" => Some(Area::C),
            "d" => Some(Area::D),
            "đ" | "dd" => Some(Area::Dd),
            "e" => Some(Area::E),
            "g" => Some(Area::G),
            "h" => Some(Area::H),
            _ => None,
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

impl TryFrom<String> for Area {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Area::from_letter(&s).ok_or_else(|| {
            format!("unknown content area '{s}' (use a, b, c, d, đ (or dd), e, g, h)")
        })
    }
}

impl From<Area> for String {
    fn from(a: Area) -> String {
        a.letter().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip_and_dd_is_accepted() {
        for a in Area::ALL {
            assert_eq!(Area::from_letter(a.letter()), Some(a));
        }
        assert_eq!(Area::from_letter("dd"), Some(Area::Dd));
        assert_eq!(Area::from_letter("Đ)"), Some(Area::Dd));
        // "đ" typed as d + combining stroke is not a thing, but decomposed input in general is:
        assert_eq!(Area::from_letter("C."), Some(Area::C));
        assert_eq!(Area::from_letter("f"), None);
        assert_eq!(Area::from_letter(""), None);
    }

    #[test]
    fn serde_uses_the_letter() {
        let json = serde_json::to_string(&Area::Dd).unwrap();
        assert_eq!(json, "\"đ\"");
        let back: Area = serde_json::from_str("\"dd\"").unwrap();
        assert_eq!(back, Area::Dd);
        assert!(serde_json::from_str::<Area>("\"x\"").is_err());
    }
}
