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

use serde::Serialize;

use crate::normalize;
use crate::safe_fs::{self, FoundFile, SkipReason, Skipped, Visited};

/// File endings soloai reads (or converts).
pub const SUPPORTED_EXTENSIONS: &[&str] = &["docx", "pdf", "doc", "odt", "txt"];

/// How deep the walk goes below the entries folder.
const MAX_DEPTH: usize = 4;

/// What an attachment is, by its file ending (the plans: an entry is "bài viết … hoặc hình
/// thức video, kèm theo sản phẩm, phần mềm, hình ảnh").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Video,
    Picture,
    Software,
    Document,
    Other,
}

impl AttachmentKind {
    pub fn of(path: &Path) -> AttachmentKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        const VIDEO: &[&str] = &[
            "mp4", "m4v", "mov", "avi", "wmv", "mkv", "webm", "flv", "3gp", "mpg", "mpeg", "vob",
        ];
        const PICTURE: &[&str] = &[
            "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg",
        ];
        const SOFTWARE: &[&str] = &[
            "exe", "msi", "apk", "aab", "ipa", "jar", "dmg", "deb", "rpm", "appx", "msix",
        ];
        const DOCUMENT: &[&str] = &[
            "docx", "doc", "pdf", "odt", "txt", "rtf", "xlsx", "xls", "ods", "csv", "pptx", "ppt",
            "odp", "md",
        ];
        let ext = ext.as_str();
        if VIDEO.contains(&ext) {
            AttachmentKind::Video
        } else if PICTURE.contains(&ext) {
            AttachmentKind::Picture
        } else if SOFTWARE.contains(&ext) {
            AttachmentKind::Software
        } else if DOCUMENT.contains(&ext) {
            AttachmentKind::Document
        } else {
            AttachmentKind::Other
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Video => "video",
            AttachmentKind::Picture => "picture",
            AttachmentKind::Software => "software",
            AttachmentKind::Document => "document",
            AttachmentKind::Other => "other",
        }
    }
}

/// A file sent with an entry besides its main document: a revision statement, a cover
/// letter, the video itself, pictures, software.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub path: PathBuf,
    pub kind: AttachmentKind,
    /// Size in bytes when the folder was walked.
    pub size: u64,
}

impl Attachment {
    fn of(file: &FoundFile) -> Attachment {
        Attachment {
            path: file.path.clone(),
            kind: AttachmentKind::of(&file.path),
            size: file.size,
        }
    }

    /// A document soloai reads (a revision statement, a summary), as opposed to a video or
    /// a picture that is only listed.
    pub fn is_readable(&self) -> bool {
        is_supported(&self.path)
    }
}

/// One entry found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredEntry {
    /// Path of the entry (file or entry folder) relative to the entries folder, `/`-separated.
    pub rel_path: String,
    /// The main document. `None` for an entry that is a video alone (or a video with no
    /// Word summary): the entry exists, the rules say what it lacks.
    pub main: Option<PathBuf>,
    /// Everything else the entry folder holds, with its kind and size.
    pub attachments: Vec<Attachment>,
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

    /// Whether the entry has a video among its attachments.
    pub fn has_video(&self) -> bool {
        self.attachments
            .iter()
            .any(|a| a.kind == AttachmentKind::Video)
    }
}

/// What a walk of the entries folder found: the entries, and every item it did not read
/// (links, FIFOs, devices, loops, folders too deep) with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    pub entries: Vec<DiscoveredEntry>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, thiserror::Error)]
#[error("{}: cannot list the folder: {source}", path.display())]
pub struct DiscoverError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// Find the entries below `root`, sorted by relative path. Nothing below `root` is followed
/// through a link, and nothing that is not a regular file is read (see `safe_fs`).
pub fn discover(root: &Path) -> Result<Discovery, DiscoverError> {
    let mut found = Discovery::default();
    let mut visited = Visited::default();
    visited.enter(root);
    let listing = list(root, &mut found.skipped)?;
    walk(root, listing, 0, &mut visited, &mut found)?;
    found.entries.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

fn walk(
    root: &Path,
    listing: safe_fs::Listing,
    depth: usize,
    visited: &mut Visited,
    found: &mut Discovery,
) -> Result<(), DiscoverError> {
    for file in listing.files {
        let rel_path = relative(root, &file.path);
        // A video on its own is an entry in video form, with no document yet.
        let entry = if AttachmentKind::of(&file.path) == AttachmentKind::Video {
            DiscoveredEntry {
                rel_path,
                main: None,
                attachments: vec![Attachment::of(&file)],
            }
        } else {
            DiscoveredEntry {
                rel_path,
                main: Some(file.path),
                attachments: Vec::new(),
            }
        };
        found.entries.push(entry);
    }
    for sub in listing.dirs {
        if !visited.enter(&sub) {
            found.skipped.push(Skipped {
                path: sub,
                reason: SkipReason::Loop,
            });
            continue;
        }
        let inner = match safe_fs::list_dir(&sub, |n| !is_junk(n), &mut found.skipped) {
            Ok(l) => l,
            Err(e) => {
                found.skipped.push(Skipped {
                    path: sub,
                    reason: SkipReason::Unreadable {
                        cause: safe_fs::io_cause(&e),
                    },
                });
                continue;
            }
        };
        if let Some(entry) = entry_folder(root, &sub, &inner) {
            found.entries.push(entry);
        } else if depth < MAX_DEPTH {
            walk(root, inner, depth + 1, visited, found)?;
        } else {
            found.skipped.push(Skipped {
                path: sub,
                reason: SkipReason::TooDeep,
            });
        }
    }
    Ok(())
}

/// The entry a folder is, when it is an entry folder: no sub-folders, and exactly one main
/// document (a supported document whose name does not say it is an attachment), or a video
/// with a Word summary, or a video alone.
fn entry_folder(root: &Path, dir: &Path, inner: &safe_fs::Listing) -> Option<DiscoveredEntry> {
    if !inner.dirs.is_empty() || inner.files.is_empty() {
        return None;
    }
    let docs: Vec<&FoundFile> = inner
        .files
        .iter()
        .filter(|f| is_supported(&f.path))
        .collect();
    let mains: Vec<&FoundFile> = docs
        .iter()
        .copied()
        .filter(|f| !is_attachment_name(&f.path))
        .collect();
    let has_video = inner
        .files
        .iter()
        .any(|f| AttachmentKind::of(&f.path) == AttachmentKind::Video);
    let main: Option<&FoundFile> = match mains.as_slice() {
        [one] => Some(one),
        [] if has_video => {
            // A video's Word summary may be named "thuyết minh": pick the one summary.
            let summaries: Vec<&FoundFile> = docs
                .iter()
                .copied()
                .filter(|f| is_summary_name(&f.path))
                .collect();
            match summaries.as_slice() {
                [one] => Some(one),
                _ => None,
            }
        }
        _ => return None,
    };
    if main.is_none() && !has_video {
        return None;
    }
    let attachments = inner
        .files
        .iter()
        .filter(|f| main.is_none_or(|m| m.path != f.path))
        .map(Attachment::of)
        .collect();
    Some(DiscoveredEntry {
        rel_path: relative(root, dir),
        main: main.map(|m| m.path.clone()),
        attachments,
    })
}

/// Files and sub-folders of `dir` that are not junk, nothing followed.
fn list(dir: &Path, skipped: &mut Vec<Skipped>) -> Result<safe_fs::Listing, DiscoverError> {
    safe_fs::list_dir(dir, |n| !is_junk(n), skipped).map_err(|source| DiscoverError {
        path: dir.to_path_buf(),
        source,
    })
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

/// Whether a document's name says it is the Word summary (bản tóm tắt) of a video entry.
pub fn is_summary_name(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = normalize::fold_ascii(&normalize::nfc(&stem))
        .to_lowercase()
        .replace(['_', '-', '.'], " ");
    ["tom tat", "tomtat", "thuyet minh", "mo ta", "summary"]
        .iter()
        .any(|m| key.contains(m))
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
        let found = discover(root).unwrap().entries;
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
        assert!(
            e02.main
                .as_ref()
                .is_some_and(|m| m.ends_with("bai-du-thi.docx"))
        );
        assert_eq!(e02.attachments.len(), 1);
        assert_eq!(e02.default_id(), "E02");
        assert_eq!(found[2].default_id(), "So Noi vu__E03");
    }

    #[test]
    fn attachments_have_kind_and_size_and_a_video_entry_its_summary_as_main() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Video + Word summary: the summary is the main document.
        touch(&root.join("E1/phim.mp4"));
        touch(&root.join("E1/Bản tóm tắt.docx"));
        touch(&root.join("E1/anh-1.JPG"));
        touch(&root.join("E1/app.apk"));
        // Video + a summary called "thuyết minh" (an attachment word): still the main one.
        touch(&root.join("E2/video.mov"));
        touch(&root.join("E2/Thuyết minh video.docx"));
        touch(&root.join("E2/Văn bản giải trình.docx"));
        // A video alone, in a folder or loose: an entry with no main document.
        touch(&root.join("E3/clip.mp4"));
        touch(&root.join("E4.mp4"));
        // A written entry with pictures and a spreadsheet.
        touch(&root.join("E5/bai.docx"));
        touch(&root.join("E5/so-lieu.xlsx"));
        touch(&root.join("E5/hinh.png"));
        std::fs::write(root.join("E5/data.bin"), b"12345").unwrap();
        let found = discover(root).unwrap().entries;
        let by = |rel: &str| found.iter().find(|e| e.rel_path == rel).unwrap();
        let kinds = |e: &DiscoveredEntry| {
            let mut k: Vec<_> = e.attachments.iter().map(|a| a.kind.as_str()).collect();
            k.sort();
            k
        };
        let e1 = by("E1");
        assert!(e1.main.as_ref().unwrap().ends_with("Bản tóm tắt.docx"));
        assert_eq!(kinds(e1), ["picture", "software", "video"]);
        assert!(e1.has_video());
        let e2 = by("E2");
        assert!(
            e2.main
                .as_ref()
                .unwrap()
                .ends_with("Thuyết minh video.docx")
        );
        assert_eq!(kinds(e2), ["document", "video"]);
        let e3 = by("E3");
        assert_eq!(e3.main, None);
        assert_eq!(kinds(e3), ["video"]);
        let e4 = by("E4.mp4");
        assert_eq!((e4.main.as_ref(), kinds(e4)), (None, vec!["video"]));
        assert_eq!(e4.default_id(), "E4");
        let e5 = by("E5");
        assert!(e5.main.as_ref().unwrap().ends_with("bai.docx"));
        assert_eq!(kinds(e5), ["document", "other", "picture"]);
        let bin = e5
            .attachments
            .iter()
            .find(|a| a.kind == AttachmentKind::Other);
        assert_eq!(bin.map(|a| a.size), Some(5));
        assert_eq!(found.len(), 5);
    }

    #[cfg(unix)]
    #[test]
    fn links_and_fifos_are_skipped_with_their_reason_and_never_entries() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        touch(&outside.path().join("secret.docx"));
        let root = dir.path();
        touch(&root.join("E1.docx"));
        touch(&root.join("unit/E2.docx"));
        touch(&root.join("unit/E3.pdf"));
        symlink("/etc/passwd", root.join("x.txt")).unwrap();
        symlink(
            outside.path().join("secret.docx"),
            root.join("unit/secret.docx"),
        )
        .unwrap();
        symlink("..", root.join("unit/up")).unwrap();
        symlink(outside.path(), root.join("linked-folder")).unwrap();
        symlink("nowhere", root.join("dangling.pdf")).unwrap();
        let found = discover(root).unwrap();
        let rels: Vec<&str> = found.entries.iter().map(|e| e.rel_path.as_str()).collect();
        assert_eq!(rels, ["E1.docx", "unit/E2.docx", "unit/E3.pdf"]);
        let skipped: Vec<(String, &str)> = found
            .skipped
            .iter()
            .map(|s| (relative(root, &s.path), s.reason.code()))
            .collect();
        assert_eq!(
            skipped,
            [
                ("dangling.pdf".to_string(), "symlink"),
                ("linked-folder".to_string(), "symlink"),
                ("unit/secret.docx".to_string(), "symlink"),
                ("unit/up".to_string(), "symlink"),
                ("x.txt".to_string(), "symlink"),
            ]
        );
    }

    #[test]
    fn attachment_names_with_or_without_diacritics() {
        assert!(is_attachment_name(Path::new("Van_ban_giai_trinh.docx")));
        assert!(is_attachment_name(Path::new("VĂN BẢN GIẢI TRÌNH.pdf")));
        assert!(is_attachment_name(Path::new("cong-van-gui.docx")));
        assert!(!is_attachment_name(Path::new("bai-du-thi.docx")));
    }
}
