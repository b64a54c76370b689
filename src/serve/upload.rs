//! Files from the browser onto the disk, safely.
//!
//! Every uploaded file is streamed into a staging folder inside the data folder with a size
//! cap, never trusting the declared length. A `.zip` is unpacked there with our own checks
//! before anything reaches the contest: a member whose name leaves its folder (`../`, an
//! absolute path, a drive letter), a symbolic link, more members than allowed, or a member
//! that expands past the caps (counted while decompressing, not taken from the header) makes
//! the whole archive refused with the member named, and the staging folder is removed. Only
//! then are files moved into the contest folder, each name checked again component by
//! component, so nothing is ever written outside the data folder.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use crate::lang::Lang;
use crate::serve::text::Text;

/// Caps for what the browser may send.
#[derive(Debug, Clone)]
pub struct UploadLimits {
    /// One request, all files together.
    pub max_request: u64,
    /// One uploaded file (a zip counts as one).
    pub max_file: u64,
    /// Everything a zip expands to.
    pub max_unzipped: u64,
    /// Members in one zip.
    pub max_members: usize,
    /// A member expanding more than this many times its compressed size (and past 1 MiB) is a bomb.
    pub max_ratio: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits {
            max_request: 1024 * 1024 * 1024,
            max_file: 512 * 1024 * 1024,
            max_unzipped: 2 * 1024 * 1024 * 1024,
            max_members: 20_000,
            max_ratio: 200,
        }
    }
}

impl UploadLimits {
    /// Caps scaled from one number of mebibytes (`--max-upload-mb`).
    pub fn from_mb(mb: u64) -> UploadLimits {
        let bytes = mb.max(1) * 1024 * 1024;
        UploadLimits {
            max_request: bytes,
            max_file: bytes,
            max_unzipped: bytes.saturating_mul(4),
            ..UploadLimits::default()
        }
    }
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadProblem {
    #[error("{name}: too large (limit {limit} bytes)")]
    TooLarge { name: String, limit: u64 },
    #[error("{name}: empty file")]
    Empty { name: String },
    #[error("{name}: invalid file name")]
    BadName { name: String },
    #[error("{name}: member '{member}' leads outside the folder")]
    Traversal { name: String, member: String },
    #[error("{name}: member '{member}' is a symbolic link")]
    Symlink { name: String, member: String },
    #[error("{name}: member '{member}' expands too much")]
    Bomb { name: String, member: String },
    #[error("{name}: more than {limit} members")]
    TooManyMembers { name: String, limit: usize },
    #[error("{name}: damaged archive ({cause})")]
    BrokenZip { name: String, cause: String },
    #[error("{name}: wrong kind of file")]
    WrongType { name: String },
    /// `cause` is a [`crate::safe_fs::io_cause`] code.
    #[error("{name}: {}", crate::safe_fs::io_words(cause, Lang::En))]
    Io { name: String, cause: String },
}

impl UploadProblem {
    pub fn message(&self, lang: Lang) -> String {
        let t = Text(lang);
        match self {
            UploadProblem::TooLarge { name, limit } => {
                format!("{name}: {} ({} MB)", t.too_large(), limit / (1024 * 1024))
            }
            UploadProblem::Empty { name } => format!("{name}: {}", t.empty_file()),
            UploadProblem::BadName { name } => format!("{name}: {}", t.bad_name()),
            UploadProblem::Traversal { name, member } => {
                format!("{name}: {} ({member})", t.zip_traversal())
            }
            UploadProblem::Symlink { name, member } => {
                format!("{name}: {} ({member})", t.zip_symlink())
            }
            UploadProblem::Bomb { name, member } => format!("{name}: {} ({member})", t.zip_bomb()),
            UploadProblem::TooManyMembers { name, limit } => {
                format!("{name}: {} (> {limit})", t.zip_too_many())
            }
            // The zip reader's own words are English detail: kept in the log line (Display),
            // not said to the council.
            UploadProblem::BrokenZip { name, .. } => format!("{name}: {}", t.zip_broken()),
            UploadProblem::WrongType { name } => format!("{name}: {}", t.wrong_type()),
            UploadProblem::Io { name, cause } => {
                format!("{name}: {}", crate::safe_fs::io_words(cause, lang))
            }
        }
    }
}

/// A name from the browser or a zip as a safe relative path: `\` read as `/`, `.` dropped,
/// and refused when empty, absolute, with `..`, a drive letter, a control character, or a
/// component longer than 200 bytes. NFC, so the same Vietnamese name is one file.
pub fn safe_relative(name: &str) -> Result<PathBuf, bool> {
    // Err(true): it tries to leave the folder; Err(false): merely unusable.
    let name = crate::normalize::nfc(&name.replace('\\', "/"));
    if name.starts_with('/') {
        return Err(true);
    }
    let mut out = PathBuf::new();
    for part in name.split('/') {
        match part {
            "" | "." => continue,
            ".." => return Err(true),
            p if p.len() > 200 || p.chars().any(char::is_control) => return Err(false),
            p if p.len() >= 2 && p.as_bytes()[1] == b':' => return Err(true),
            p => out.push(p),
        }
    }
    // Belt and braces: what we built has only normal components.
    if out.as_os_str().is_empty() || !out.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(false);
    }
    Ok(out)
}

/// The last component of a browser-sent file name (browsers may send a path).
pub fn base_name(name: &str) -> Option<String> {
    let rel = safe_relative(name.rsplit(['/', '\\']).next().unwrap_or(name)).ok()?;
    Some(rel.to_string_lossy().into_owned())
}

/// Junk a zip made on macOS or Windows carries; never a document.
fn is_junk(rel: &Path) -> bool {
    rel.components().any(|c| {
        let s = c.as_os_str().to_string_lossy();
        s == "__MACOSX" || s == ".DS_Store" || s.eq_ignore_ascii_case("thumbs.db")
    })
}

/// What unpacking one zip did.
#[derive(Debug, Default)]
pub struct Unzipped {
    pub files: Vec<PathBuf>,
    /// Members skipped, with why (an empty member, junk).
    pub skipped: Vec<String>,
}

/// Unpack `zip_path` into `dest` (an empty staging folder). On any hostile member the
/// whole archive is refused; the caller removes `dest`.
pub fn unzip(
    zip_path: &Path,
    display: &str,
    dest: &Path,
    limits: &UploadLimits,
) -> Result<Unzipped, UploadProblem> {
    let broken = |cause: String| UploadProblem::BrokenZip {
        name: display.to_string(),
        cause,
    };
    let io = |e: std::io::Error| UploadProblem::Io {
        name: display.to_string(),
        cause: crate::safe_fs::io_cause(&e),
    };
    let file = std::fs::File::open(zip_path).map_err(io)?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| broken(e.to_string()))?;
    if archive.len() > limits.max_members {
        return Err(UploadProblem::TooManyMembers {
            name: display.to_string(),
            limit: limits.max_members,
        });
    }
    let mut out = Unzipped::default();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).map_err(|e| broken(e.to_string()))?;
        // Names: UTF-8 when the bytes are (7-Zip, macOS, Windows 11 write UTF-8, some
        // without the flag); else the zip crate's reading (CP437).
        let raw = member.name_raw().to_vec();
        let name = match String::from_utf8(raw) {
            Ok(s) => s,
            Err(_) => member.name().to_string(),
        };
        let rel = match safe_relative(&name) {
            Ok(rel) => rel,
            Err(true) => {
                return Err(UploadProblem::Traversal {
                    name: display.to_string(),
                    member: name,
                });
            }
            Err(false) if name.trim_matches(['/', '\\', '.']).is_empty() => continue,
            Err(false) => {
                return Err(UploadProblem::BadName {
                    name: format!("{display}: {name}"),
                });
            }
        };
        if member
            .unix_mode()
            .is_some_and(|mode| mode & 0o170000 == 0o120000)
        {
            return Err(UploadProblem::Symlink {
                name: display.to_string(),
                member: name,
            });
        }
        if is_junk(&rel) {
            continue;
        }
        let target = dest.join(&rel);
        if member.is_dir() {
            std::fs::create_dir_all(&target).map_err(io)?;
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let compressed = member.compressed_size().max(1);
        let left = limits.max_unzipped.saturating_sub(total);
        let per_member = left.min(limits.max_file);
        let mut sink = std::fs::File::create(&target).map_err(io)?;
        // Read at most one byte past the cap: the header's size is not trusted.
        let mut limited = (&mut member).take(per_member + 1);
        let mut buf = vec![0u8; 64 * 1024];
        let mut written: u64 = 0;
        loop {
            let n = match limited.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => return Err(broken(format!("{name}: {e}"))),
            };
            written += n as u64;
            let bomb = written > per_member
                || (written > 1024 * 1024 && written / compressed > limits.max_ratio);
            if bomb {
                return Err(UploadProblem::Bomb {
                    name: display.to_string(),
                    member: name,
                });
            }
            sink.write_all(&buf[..n]).map_err(io)?;
        }
        total += written;
        if written == 0 {
            drop(sink);
            let _ = std::fs::remove_file(&target);
            out.skipped
                .push(format!("{name}: {}", Text(Lang::Vi).empty_file()));
            continue;
        }
        out.files.push(rel);
    }
    Ok(out)
}

/// Move every file under `from` into `to`, keeping relative paths; returns the relative
/// paths moved. `to` is created; an existing file of the same name is replaced (a unit sent
/// it again). Nothing is followed: a symlink in `from` is skipped.
pub fn merge_into(from: &Path, to: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut moved = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let dir = from.join(&rel);
        for item in std::fs::read_dir(&dir)? {
            let item = item?;
            let kind = item.file_type()?;
            let child = rel.join(item.file_name());
            if kind.is_dir() {
                stack.push(child);
            } else if kind.is_file() {
                let target = to.join(&child);
                if let Some(parent) = target.parent() {
                    refuse_symlinks(to, parent)?;
                    std::fs::create_dir_all(parent)?;
                }
                if target.is_dir() {
                    std::fs::remove_dir_all(&target)?;
                }
                std::fs::rename(item.path(), &target)?;
                moved.push(child);
            }
        }
    }
    moved.sort();
    Ok(moved)
}

/// No component of `path` below `root` may be a symlink (the data folder is ours, but a
/// careless administrator could have linked something in).
fn refuse_symlinks(root: &Path, path: &Path) -> std::io::Result<()> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Err(std::io::Error::other("outside the data folder"));
    };
    let mut at = root.to_path_buf();
    for c in rel.components() {
        at.push(c);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(std::io::Error::other(format!(
                "{} is a symbolic link",
                at.display()
            )));
        }
    }
    Ok(())
}

/// A zip of a folder usually holds that one folder: look inside it. A single top folder is
/// unwrapped when it holds folders itself (a folder of units or entries, or a contest
/// folder); a single folder holding only files is one entry's folder and stays.
pub fn unwrap_single_folder(root: &Path) -> PathBuf {
    let mut at = root.to_path_buf();
    loop {
        if at.join("entries").is_dir() {
            return at;
        }
        let Ok(items) = std::fs::read_dir(&at) else {
            return at;
        };
        let items: Vec<_> = items.filter_map(Result::ok).collect();
        if items.len() != 1 || !items[0].file_type().is_ok_and(|t| t.is_dir()) {
            return at;
        }
        let inner = items[0].path();
        let has_dirs = std::fs::read_dir(&inner).is_ok_and(|mut it| {
            it.any(|e| e.is_ok_and(|e| e.file_type().is_ok_and(|t| t.is_dir())))
        });
        if !has_dirs {
            return at;
        }
        at = inner;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_with(members: &[(&str, &[u8])]) -> tempfile::NamedTempFile {
        let tmp = tempfile::NamedTempFile::new().unwrap();
        let mut w = zip::ZipWriter::new(tmp.reopen().unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in members {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
        tmp
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        assert_eq!(
            safe_relative("Sở Tư pháp/bai.docx").unwrap(),
            PathBuf::from("Sở Tư pháp/bai.docx")
        );
        assert_eq!(
            safe_relative("./a\\b.pdf").unwrap(),
            PathBuf::from("a/b.pdf")
        );
        assert_eq!(safe_relative("../x"), Err(true));
        assert_eq!(safe_relative("a/../../x"), Err(true));
        assert_eq!(safe_relative("/etc/passwd"), Err(true));
        assert_eq!(safe_relative("C:\\x"), Err(true));
        assert_eq!(safe_relative("a\u{0}b"), Err(false));
        assert_eq!(safe_relative(""), Err(false));
        assert_eq!(
            base_name("C:\\Users\\x\\bai.docx").as_deref(),
            Some("bai.docx")
        );
    }

    #[test]
    fn a_zip_with_dot_dot_is_refused_and_writes_nothing() {
        let z = zip_with(&[("ok.txt", b"x"), ("../evil.txt", b"y")]);
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("stage");
        std::fs::create_dir(&dest).unwrap();
        let err = unzip(z.path(), "a.zip", &dest, &UploadLimits::default()).unwrap_err();
        assert!(matches!(err, UploadProblem::Traversal { .. }), "{err:?}");
        assert!(!dir.path().join("evil.txt").exists());
    }

    #[test]
    fn a_zip_bomb_is_caught_while_expanding() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let z = zip_with(&[("zeros.bin", &zeros)]);
        let dir = tempfile::tempdir().unwrap();
        let err = unzip(z.path(), "b.zip", dir.path(), &UploadLimits::default()).unwrap_err();
        assert!(matches!(err, UploadProblem::Bomb { .. }), "{err:?}");
    }

    #[test]
    fn too_many_members_or_too_much_in_total_is_refused() {
        let limits = UploadLimits {
            max_members: 3,
            ..UploadLimits::default()
        };
        let z = zip_with(&[
            ("a.txt", b"a"),
            ("b.txt", b"b"),
            ("c.txt", b"c"),
            ("d.txt", b"d"),
        ]);
        let dir = tempfile::tempdir().unwrap();
        let err = unzip(z.path(), "nhieu.zip", dir.path(), &limits).unwrap_err();
        assert!(
            matches!(err, UploadProblem::TooManyMembers { limit: 3, .. }),
            "{err:?}"
        );
        assert!(
            std::fs::read_dir(dir.path()).unwrap().next().is_none(),
            "nothing written"
        );

        // Each member is small and compresses poorly (no bomb), but together they pass the cap.
        let noise: Vec<u8> = (0..300_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let limits = UploadLimits {
            max_unzipped: 500_000,
            ..UploadLimits::default()
        };
        let z = zip_with(&[("x.bin", &noise), ("y.bin", &noise)]);
        let dir = tempfile::tempdir().unwrap();
        let err = unzip(z.path(), "tong.zip", dir.path(), &limits).unwrap_err();
        assert!(
            matches!(&err, UploadProblem::Bomb { member, .. } if member == "y.bin"),
            "{err:?}"
        );
        assert!(
            err.message(Lang::Vi).starts_with("tong.zip: "),
            "the archive is named"
        );
    }

    #[test]
    fn a_zip_of_a_folder_is_unwrapped_and_empty_members_skipped() {
        let z = zip_with(&[
            ("cuoc-thi/entries/E01.txt", b"bai mot"),
            ("cuoc-thi/manifest.csv", b"ma_bai\n"),
            ("cuoc-thi/entries/rong.txt", b""),
            ("__MACOSX/._x", b"junk"),
        ]);
        let dir = tempfile::tempdir().unwrap();
        let got = unzip(z.path(), "c.zip", dir.path(), &UploadLimits::default()).unwrap();
        assert_eq!(got.files.len(), 2);
        assert_eq!(got.skipped.len(), 1);
        let root = unwrap_single_folder(dir.path());
        assert!(root.join("entries/E01.txt").is_file());
        let to = tempfile::tempdir().unwrap();
        let moved = merge_into(&root, to.path()).unwrap();
        assert_eq!(
            moved,
            vec![
                PathBuf::from("entries/E01.txt"),
                PathBuf::from("manifest.csv")
            ]
        );
    }
}
