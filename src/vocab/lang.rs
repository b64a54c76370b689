//! The language of what a person reads: Vietnamese by default, English on request.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Pick the string for this language. Prefer a field of [`crate::vocab::Words`]: strings
    /// picked inline are not in the vocabulary yet.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The language the environment asks for: `SOLOAI_LANG`, else the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set; English only when it starts with `en`. Vietnamese
    /// otherwise (also for `C.UTF-8` and `POSIX`).
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any variable lookup (tests pass their own).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(explicit) = get("SOLOAI_LANG").and_then(|v| v.parse().ok()) {
            return explicit;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Ok(Lang::Vi),
            "en" | "eng" => Ok(Lang::En),
            other => Err(format!("'{other}': vi / en")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn english_only_when_the_locale_says_so() {
        assert_eq!(Lang::from_vars(env(&[])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN")])),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "en_GB"), ("SOLOAI_LANG", "vi")])),
            Lang::Vi
        );
    }
}
