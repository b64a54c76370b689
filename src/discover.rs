//! Stage 1: find the entries in a contest folder.
//!
//! A unit's folder of received entries is messy: one file per entry, or a folder per entry
//! with the main document beside a revision statement (văn bản giải trình) or a cover
//! letter, or a folder per unit holding several entries, plus Word lock files and
//! `Thumbs.db`. The rule we apply, so that a council can predict it:
//! - every supported document directly in a folder is an entry of its own, unless the folder
//!   is an *entry folder*;
//! - an entry folder holds exactly one main document plus attachments (files whose names say
//!   giải trình / công văn / tờ trình / thư / phụ lục / thuyết minh …); the entry is the
//!   folder, its main document the one file that is not an attachment;
//! - other folders are walked the same way (a folder per unit), to a limited depth;
//! - a file that is not a document we read is still listed (as an entry that will fail with
//!   "unsupported"), except known junk, so nothing a unit sent is silently dropped.

use std::path::{Path, PathBuf};

use crate::normalize;

/// File endings soloai reads (or converts).
pub const SUPPORTED_EXTENSIONS: &[&str] = &["docx", "pdf", "doc", "odt", "txt"];

/// How deep the walk goes below the entries folder.
const MAX_DEPTH: usize = 4;

/// One entry found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredEntry {
    /// Path of the entry (file or entry folder) relative to the entries folder, `/`-separated.
    pub rel_path: String,
    /// The main document.
    pub main: PathBuf,
    /// Attachments (revision statement, cover letter…), for entry folders.
    pub attachments: Vec<PathBuf>,
}

impl DiscoveredEntry {
    /// A short id derived from the relative path (used when no manifest names the entry).
    pub fn default_id(&self) -> String {
        let stem = self
            .rel_path
            .rsplit_once('.')
            .filter(|(_, ext)| !ext.contains('/'))
            .map(|(s, _)| s)
            .unwrap_or(&self.rel_path);
        stem.replace('/', "__")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{}: cannot list the folder: {source}", path.display())]
pub struct DiscoverError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// Find the entries below `root`, sorted by relative path.
pub fn discover(root: &Path) -> Result<Vec<DiscoveredEntry>, DiscoverError> {
    let mut out = Vec::new();
    walk(root, root, 0, &mut out)?;
    out.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    Ok(out)
}

fn walk(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut Vec<DiscoveredEntry>,
) -> Result<(), DiscoverError> {
    let (files, dirs) = list_dir(dir)?;
    for file in files {
        out.push(DiscoveredEntry {
            rel_path: relative(root, &file),
            main: file,
            attachments: Vec::new(),
        });
    }
    for sub in dirs {
        let (sub_files, sub_dirs) = list_dir(&sub)?;
        let docs: Vec<&PathBuf> = sub_files.iter().filter(|f| is_supported(f)).collect();
        let (attachments, mains): (Vec<&PathBuf>, Vec<&PathBuf>) =
            docs.iter().partition(|f| is_attachment_name(f));
        if mains.len() == 1 && sub_dirs.is_empty() {
            out.push(DiscoveredEntry {
                rel_path: relative(root, &sub),
                main: mains[0].clone(),
                attachments: attachments.into_iter().cloned().collect(),
            });
        } else if depth < MAX_DEPTH {
            walk(root, &sub, depth + 1, out)?;
        }
    }
    Ok(())
}

/// Files (not junk) and sub-folders of `dir`, each sorted.
fn list_dir(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), DiscoverError> {
    let err = |source| DiscoverError {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for item in std::fs::read_dir(dir).map_err(err)? {
        let item = item.map_err(err)?;
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        if is_junk(&name) {
            continue;
        }
        // Follow links only to regular files; a linked folder could loop.
        let file_type = item.file_type().map_err(err)?;
        if file_type.is_dir() {
            dirs.push(path);
        } else if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    dirs.sort();
    Ok((files, dirs))
}

fn is_junk(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with("~$")
        || lower == "thumbs.db"
        || lower == "desktop.ini"
        || lower.ends_with(".tmp")
        || lower.ends_with(".lnk")
}

pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SUPPORTED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether a file name says it is an attachment rather than the entry itself.
pub fn is_attachment_name(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = normalize::fold_ascii(&normalize::nfc(&stem))
        .to_lowercase()
        .replace(['_', '-', '.'], " ");
    const MARKERS: &[&str] = &[
        "giai trinh",
        "giaitrinh",
        "cong van",
        "to trinh",
        "thu ngo",
        "thu gui",
        "phu luc",
        "thuyet minh",
        "don dang ky",
        "phieu dang ky",
        "revision",
        "cover letter",
        "appendix",
    ];
    MARKERS.iter().any(|m| key.contains(m))
}

/// `path` relative to `root`, `/`-separated (as reports show it).
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, b"x").unwrap();
    }

    #[test]
    fn files_entry_folders_and_unit_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(&root.join("E01.docx"));
        touch(&root.join("~$E01.docx"));
        touch(&root.join("Thumbs.db"));
        touch(&root.join("E02/bai-du-thi.docx"));
        touch(&root.join("E02/Văn bản giải trình.docx"));
        touch(&root.join("So Noi vu/E03.pdf"));
        touch(&root.join("So Noi vu/E04.docx"));
        touch(&root.join("anh.png"));
        let found = discover(root).unwrap();
        let rels: Vec<&str> = found.iter().map(|e| e.rel_path.as_str()).collect();
        assert_eq!(
            rels,
            [
                "E01.docx",
                "E02",
                "So Noi vu/E03.pdf",
                "So Noi vu/E04.docx",
                "anh.png"
            ]
        );
        let e02 = &found[1];
        assert!(e02.main.ends_with("bai-du-thi.docx"));
        assert_eq!(e02.attachments.len(), 1);
        assert_eq!(e02.default_id(), "E02");
        assert_eq!(found[2].default_id(), "So Noi vu__E03");
    }

    #[test]
    fn attachment_names_with_or_without_diacritics() {
        assert!(is_attachment_name(Path::new("Van_ban_giai_trinh.docx")));
        assert!(is_attachment_name(Path::new("VĂN BẢN GIẢI TRÌNH.pdf")));
        assert!(is_attachment_name(Path::new("cong-van-gui.docx")));
        assert!(!is_attachment_name(Path::new("bai-du-thi.docx")));
    }
}
