//! The report's words now live in [`crate::vocab`]; this module keeps the names the writers
//! (and the minutes) used, so callers move over one at a time.

pub use crate::vocab::{
    Captions, area, check_name, excluded_reason, flag_name, match_kind, percent, source_kind,
    thresholds_sentence, unit_kind,
};

/// The colour band of an originality share: ≥ 80 % green, 50–80 % amber, < 50 % red.
pub fn band(originality: Option<f64>) -> &'static str {
    match originality {
        Some(o) if o >= 0.8 => "green",
        Some(o) if o >= 0.5 => "amber",
        Some(_) => "red",
        None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_brief() {
        assert_eq!(band(Some(0.8)), "green");
        assert_eq!(band(Some(0.79)), "amber");
        assert_eq!(band(Some(0.5)), "amber");
        assert_eq!(band(Some(0.49)), "red");
        assert_eq!(band(None), "none");
    }
}
