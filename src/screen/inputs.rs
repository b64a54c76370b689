//! What a screening run reads besides the entries: the contest profile, the manifest, the
//! list of persons who may not enter, the list of units expected to send entries.
//!
//! A council keeps these files next to the entries, so a *contest folder* is recognised: a
//! folder with an `entries/` sub-folder, where `manifest.csv` (or `.xlsx`),
//! `excluded-persons.csv`, `units.csv`, `profile.toml` and a `prior/` folder of earlier
//! documents are picked up by name when present. Anything given on the command line wins.

use std::path::{Path, PathBuf};

/// Paths of a contest folder's conventional files (each `None` when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContestFolder {
    pub entries_dir: PathBuf,
    pub manifest: Option<PathBuf>,
    pub excluded_persons: Option<PathBuf>,
    pub units: Option<PathBuf>,
    pub profile: Option<PathBuf>,
    /// Earlier documents (past entries) to add to the corpus before comparing.
    pub prior: Option<PathBuf>,
}

/// Recognise a contest folder; a plain folder of entries is returned as is.
pub fn contest_folder(dir: &Path) -> ContestFolder {
    // Found by name inside a folder a unit may have sent: never through a link (hostile, #14).
    let is = |p: &Path, dir: bool| {
        std::fs::symlink_metadata(p).is_ok_and(|m| {
            if dir {
                m.file_type().is_dir()
            } else {
                m.file_type().is_file()
            }
        })
    };
    let entries = dir.join("entries");
    if !is(&entries, true) {
        return ContestFolder {
            entries_dir: dir.to_path_buf(),
            ..ContestFolder::default()
        };
    }
    let file = |names: &[&str]| names.iter().map(|n| dir.join(n)).find(|p| is(p, false));
    let prior = dir.join("prior");
    ContestFolder {
        entries_dir: entries,
        manifest: file(&["manifest.csv", "manifest.xlsx"]),
        excluded_persons: file(&["excluded-persons.csv", "excluded-persons.txt"]),
        units: file(&["units.csv"]),
        profile: file(&["profile.toml"]),
        prior: is(&prior, true).then_some(prior),
    }
}

/// A unit expected to send entries, from `units.csv` (`unit,unit_kind`; a header line whose
/// first cell starts with "đơn vị"/"don vi"/"unit" is skipped; `#` lines are comments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedUnit {
    pub unit: String,
    pub unit_kind: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct UnitsError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

pub fn read_units(path: &Path) -> Result<Vec<ExpectedUnit>, UnitsError> {
    let bytes = std::fs::read(path).map_err(|source| UnitsError {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line
            .splitn(2, [',', ';'])
            .map(|c| c.trim().trim_matches('"'));
        let unit = crate::normalize::nfc(cells.next().unwrap_or_default());
        let kind = cells.next().map(str::trim).filter(|k| !k.is_empty());
        if i == 0 {
            let head = crate::normalize::fold_ascii(&unit.to_lowercase());
            if head.starts_with("don vi") || head.starts_with("unit") {
                continue;
            }
        }
        if !unit.is_empty() {
            out.push(ExpectedUnit {
                unit,
                unit_kind: kind
                    .and_then(crate::manifest::parse_unit_kind)
                    .map(String::from),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contest_folder_picks_up_conventional_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("entries")).unwrap();
        std::fs::create_dir_all(dir.path().join("prior")).unwrap();
        std::fs::write(dir.path().join("manifest.csv"), "ma_bai\n").unwrap();
        let c = contest_folder(dir.path());
        assert_eq!(c.entries_dir, dir.path().join("entries"));
        assert_eq!(c.manifest, Some(dir.path().join("manifest.csv")));
        assert_eq!(c.prior, Some(dir.path().join("prior")));
        assert_eq!(c.excluded_persons, None);
        let plain = contest_folder(&dir.path().join("entries"));
        assert_eq!(plain.entries_dir, dir.path().join("entries"));
        assert_eq!(plain.manifest, None);
    }

    #[test]
    fn units_file_with_header_and_kinds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("units.csv");
        std::fs::write(
            &path,
            "\u{feff}Đơn vị,Loại đơn vị\nSở Tư pháp,\"sở, ban, ngành\"\nUBND huyện Cao Lộc,huyen\n# ghi chú\n",
        )
        .unwrap();
        let units = read_units(&path).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].unit, "Sở Tư pháp");
        assert_eq!(units[0].unit_kind.as_deref(), Some("department"));
        assert_eq!(units[1].unit_kind.as_deref(), Some("district"));
    }
}
