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
    /// The council's own file (`council.toml`: members, meeting, document number).
    pub council: Option<PathBuf>,
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
        council: file(&[crate::council::FILE_NAME]),
    }
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
}
