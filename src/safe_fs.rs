//! Inputs stay inside the folders a council names (issue #14, item 1).
//!
//! A unit's folder is untrusted: `x.txt -> /etc/passwd` would publish the password file in a
//! report, a `.txt` linked to `/dev/zero` would be read until memory runs out, a FIFO named
//! `.docx` blocks the reader forever and `up -> ..` makes a walk go round. So:
//! - walks ([`list_dir`]) look at each item without following it: a symbolic link, FIFO,
//!   device or socket is never entered or read, and is listed in [`Skipped`] with its reason;
//!   a folder seen before (a bind mount looping back) is skipped too ([`Visited`]);
//! - every reader opens a file once ([`read_regular`]): `O_NOFOLLOW | O_NONBLOCK`, checks on
//!   the opened handle that it is a regular file, and reads at most the size limit, whatever
//!   the size the file claims (files under `/proc` claim 0).
//!
//! A path the user typed on the command line is theirs to name: [`resolve_named`] resolves
//! its links once, before anything is read; nothing found inside a folder is ever resolved.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::lang::Lang;

/// Why an item found in a folder was not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum SkipReason {
    /// A symbolic link (to a file, a folder, or nothing): never followed.
    Symlink {
        target: String,
    },
    /// A named pipe: reading it would wait forever.
    Fifo,
    /// A character or block device (`/dev/zero`…).
    Device,
    Socket,
    /// A folder already walked (a mount looping back into the tree).
    Loop,
    /// Deeper than the walk goes.
    TooDeep,
    /// The folder could not be listed.
    Unreadable {
        cause: String,
    },
}

impl SkipReason {
    /// Stable code used in JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            SkipReason::Symlink { .. } => "symlink",
            SkipReason::Fifo => "fifo",
            SkipReason::Device => "device",
            SkipReason::Socket => "socket",
            SkipReason::Loop => "loop",
            SkipReason::TooDeep => "too-deep",
            SkipReason::Unreadable { .. } => "unreadable",
        }
    }

    /// What a council member reads (words in `src/vocab`).
    pub fn message(&self, lang: Lang) -> String {
        crate::vocab::skip_reason(self, lang)
    }
}

/// An item of a folder that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: PathBuf,
    #[serde(flatten)]
    pub reason: SkipReason,
}

/// A regular file found by a walk, with the size it had then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    pub path: PathBuf,
    pub size: u64,
}

/// What one folder holds: regular files and folders (each sorted by name); everything else
/// went to the `skipped` list given to [`list_dir`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub files: Vec<FoundFile>,
    pub dirs: Vec<PathBuf>,
}

/// The folders a walk has entered, by device and inode, so a folder reached twice (a bind
/// mount of a parent, say) is walked once.
#[derive(Debug, Default)]
pub struct Visited {
    seen: HashSet<(u64, u64)>,
}

impl Visited {
    /// Whether `dir` is new to this walk (and mark it seen).
    pub fn enter(&mut self, dir: &Path) -> bool {
        match std::fs::symlink_metadata(dir) {
            Ok(meta) => self.seen.insert(identity(&meta)),
            Err(_) => true,
        }
    }
}

#[cfg(unix)]
fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(meta: &Metadata) -> (u64, u64) {
    (
        meta.len(),
        meta.modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64),
    )
}

/// List `dir` without following anything in it. Links, FIFOs, devices and sockets are put in
/// `skipped`; `keep(name)` says which names matter at all (junk is dropped unlisted).
pub fn list_dir(
    dir: &Path,
    keep: impl Fn(&str) -> bool,
    skipped: &mut Vec<Skipped>,
) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        if !keep(&name) {
            continue;
        }
        // `symlink_metadata` describes the item itself, never what a link points to.
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Unreadable {
                        cause: io_cause(&e),
                    },
                });
                continue;
            }
        };
        let file_type = meta.file_type();
        if file_type.is_dir() {
            listing.dirs.push(path);
        } else if file_type.is_file() {
            listing.files.push(FoundFile {
                path,
                size: meta.len(),
            });
        } else if let Some(reason) = not_regular(&path, &meta) {
            skipped.push(Skipped { path, reason });
        }
    }
    listing.files.sort_by(|a, b| a.path.cmp(&b.path));
    listing.dirs.sort();
    Ok(listing)
}

/// Why an item that is neither a file nor a folder is not read.
fn not_regular(path: &Path, meta: &Metadata) -> Option<SkipReason> {
    let file_type = meta.file_type();
    if file_type.is_symlink() {
        let target = std::fs::read_link(path)
            .map(|t| t.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Some(SkipReason::Symlink { target });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(SkipReason::Fifo);
        }
        if file_type.is_socket() {
            return Some(SkipReason::Socket);
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some(SkipReason::Device);
        }
    }
    Some(SkipReason::Device)
}

/// Why a file could not be read by [`read_regular`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("{size} bytes, over the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// An I/O error, as the kebab-case code of [`io_cause`].
    #[error("{}", io_words(.0, Lang::En))]
    Io(String),
}

/// Open `path` once, without following a link and without waiting on a FIFO, check on the
/// open handle that it is a regular file, and read at most `limit` bytes of it.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_opened(open_no_follow(path)?, limit)
}

/// [`read_regular`], and the file actually opened must lie inside `root` (canonical): a
/// folder on the way swapped for a link after the walk saw it is caught on the open handle
/// (Linux: `/proc/self/fd`), not trusted by name.
pub fn read_regular_within(path: &Path, root: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_no_follow(path)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let real = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()));
        if let Ok(real) = real
            && !real.starts_with(root)
        {
            return Err(ReadError::NotRegular("symlink"));
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = root;
    read_opened(file, limit)
}

fn read_opened(file: File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = file.metadata().map_err(|e| ReadError::Io(io_cause(&e)))?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_word(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew (or lied about its size) from one that
    // fits exactly.
    let read = file
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(io_cause(&e)))? as u64;
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Open `path` once without following a link and check on the handle that it is a regular
/// file; returns it with its size, for callers that stream a large file (a package).
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    let file = open_no_follow(path)?;
    let meta = file.metadata().map_err(|e| ReadError::Io(io_cause(&e)))?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_word(&meta)));
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> Result<File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                ReadError::NotRegular("symlink")
            } else {
                ReadError::Io(io_cause(&e))
            }
        })
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> Result<File, ReadError> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| ReadError::Io(io_cause(&e)))?;
    if meta.file_type().is_symlink() {
        return Err(ReadError::NotRegular("symlink"));
    }
    File::open(path).map_err(|e| ReadError::Io(io_cause(&e)))
}

/// A short English word for what a non-regular file is (a code, translated by callers).
fn kind_word(meta: &Metadata) -> &'static str {
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "fifo";
        }
        if file_type.is_socket() {
            return "socket";
        }
    }
    "device"
}

/// A path the user typed, resolved once when it is itself a link (their choice, not the
/// folder's); any other path is returned as typed, so messages show it as typed.
pub fn resolve_named(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// A stable kebab-case code for an I/O error, turned into words by [`io_words`]: causes in a
/// Vietnamese message are Vietnamese.
pub fn io_cause(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    if e.raw_os_error() == Some(ELOOP) {
        return "symlink".into();
    }
    match e.kind() {
        NotFound => "not-found".into(),
        PermissionDenied => "permission-denied".into(),
        AlreadyExists => "already-exists".into(),
        WouldBlock => "would-block".into(),
        InvalidData | InvalidInput => "invalid-data".into(),
        UnexpectedEof => "unexpected-eof".into(),
        OutOfMemory => "out-of-memory".into(),
        StorageFull => "storage-full".into(),
        ReadOnlyFilesystem => "read-only".into(),
        IsADirectory => "is-a-directory".into(),
        NotADirectory => "not-a-directory".into(),
        _ => format!("os: {e}"),
    }
}

#[cfg(unix)]
const ELOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

/// Make the folder an output is written into (and the folders above it) when it does not
/// exist yet. The error is an [`io_cause`] code: a file standing where the folder should be is
/// `not-a-directory`, not the `already-exists` the system says.
pub fn make_out_folder(dir: &Path) -> Result<(), String> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    match std::fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(_) if dir.exists() && !dir.is_dir() => Err("not-a-directory".into()),
        Err(e) => Err(io_cause(&e)),
    }
}

/// The words for an [`io_cause`] code (anything else is shown as it is).
pub fn io_words(cause: &str, lang: Lang) -> String {
    // Words from the vocabulary (ux, #13).
    let w = &lang.words().files;
    match (w.io_cause)(cause) {
        Some(words) => words.to_string(),
        None => (w.io_other)(cause.strip_prefix("os: ").unwrap_or(cause)),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn an_out_folder_is_made_and_a_file_in_its_way_is_not_a_directory() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let nested = dir.path().join("a").join("b");
        assert_eq!(make_out_folder(&nested), Ok(()));
        assert!(nested.is_dir());
        assert_eq!(make_out_folder(&nested), Ok(()), "made already");
        assert_eq!(make_out_folder(Path::new("")), Ok(()), "the current folder");
        let file = dir.path().join("tep");
        std::fs::write(&file, b"x")?;
        assert_eq!(make_out_folder(&file), Err("not-a-directory".to_string()));
        assert_eq!(
            make_out_folder(&file.join("c")),
            Err("not-a-directory".to_string())
        );
        Ok(())
    }

    #[test]
    fn links_fifos_and_devices_are_listed_not_followed() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "một")?;
        std::fs::create_dir(root.join("sub"))?;
        symlink("/etc/passwd", root.join("passwd.txt"))?;
        symlink("..", root.join("up"))?;
        symlink("/dev/zero", root.join("zero.txt"))?;
        symlink("missing", root.join("dangling.docx"))?;
        let fifo = root.join("pipe.docx");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap_or_default();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let mut skipped = Vec::new();
        let listing = list_dir(root, |_| true, &mut skipped)?;
        assert_eq!(listing.files.len(), 1);
        assert_eq!(listing.files[0].size, "một".len() as u64);
        assert_eq!(listing.dirs, vec![root.join("sub")]);
        let mut codes: Vec<_> = skipped
            .iter()
            .map(|s| {
                (
                    s.path.file_name().unwrap_or_default().to_owned(),
                    s.reason.code(),
                )
            })
            .collect();
        codes.sort();
        let expect: Vec<(std::ffi::OsString, &str)> = vec![
            ("dangling.docx".into(), "symlink"),
            ("passwd.txt".into(), "symlink"),
            ("pipe.docx".into(), "fifo"),
            ("up".into(), "symlink"),
            ("zero.txt".into(), "symlink"),
        ];
        assert_eq!(codes, expect);
        assert!(
            skipped[0]
                .reason
                .message(Lang::Vi)
                .contains("Liên kết tượng trưng")
                || skipped[0].reason.code() != "symlink"
        );
        // The readers refuse the same items, even when asked directly, and never block.
        assert_eq!(
            read_regular(&root.join("passwd.txt"), 1 << 20),
            Err(ReadError::NotRegular("symlink"))
        );
        assert_eq!(
            read_regular(&fifo, 1 << 20),
            Err(ReadError::NotRegular("fifo"))
        );
        assert_eq!(
            read_regular(&root.join("sub"), 1 << 20),
            Err(ReadError::NotRegular("folder"))
        );
        assert_eq!(
            read_regular(&root.join("a.txt"), 1 << 20),
            Ok("một".as_bytes().to_vec())
        );
        Ok(())
    }

    #[test]
    fn reads_stop_at_the_limit_whatever_size_the_file_claims() {
        // /proc files claim a size of 0 and have more.
        let r = read_regular(Path::new("/proc/self/status"), 8);
        assert!(
            matches!(r, Err(ReadError::TooLarge { limit: 8, .. })),
            "{r:?}"
        );
        // A device is refused on the open handle.
        assert_eq!(
            read_regular(Path::new("/dev/zero"), 8),
            Err(ReadError::NotRegular("device"))
        );
    }

    #[test]
    fn a_file_reached_through_a_linked_folder_is_not_within_the_root() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let outside = tempfile::tempdir()?;
        std::fs::write(outside.path().join("secret.txt"), "bí mật")?;
        std::fs::write(dir.path().join("own.txt"), "của mình")?;
        // What a walk saw as a folder became a link to elsewhere before the read.
        symlink(outside.path(), dir.path().join("unit"))?;
        let root = std::fs::canonicalize(dir.path())?;
        assert_eq!(
            read_regular_within(&dir.path().join("unit/secret.txt"), &root, 1 << 20),
            Err(ReadError::NotRegular("symlink"))
        );
        assert_eq!(
            read_regular_within(&dir.path().join("own.txt"), &root, 1 << 20),
            Ok("của mình".as_bytes().to_vec())
        );
        Ok(())
    }

    #[test]
    fn a_folder_reached_twice_is_entered_once() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let mut visited = Visited::default();
        assert!(visited.enter(dir.path()));
        assert!(!visited.enter(&dir.path().join(".")));
        Ok(())
    }

    #[test]
    fn io_causes_read_in_vietnamese() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_words(&io_cause(&e), Lang::Vi), "không có quyền truy cập");
        assert_eq!(io_words(&io_cause(&e), Lang::En), "permission denied");
    }
}
