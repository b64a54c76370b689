//! One run at a time per output folder and per corpus index (issue #14, item 4).
//!
//! Two `screen` runs into one `--out` used to mix their reports (report.json from one,
//! index.html from the other). A [`RunLock`] is an advisory lock (`flock`, through the fs4
//! crate, which wraps the platform calls portably) on `.soloai.lock` inside the folder. The
//! operating system releases it when the process ends, however it ends (kill -9 included), so
//! a crash never leaves a folder locked. The holder writes who it is into the lock file — pid,
//! command line and start time — so the second run can say which process to wait for.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The lock file's name inside the folder it guards.
pub const LOCK_FILE: &str = ".soloai.lock";

/// What a lock guards, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    /// A folder of reports (`--out`).
    Output,
    /// A corpus index folder.
    Index,
}

/// Who holds a lock (written into the lock file by the holder).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub command: String,
    /// When the holder started, RFC 3339 UTC.
    pub started: String,
}

impl Holder {
    fn current() -> Holder {
        Holder {
            pid: std::process::id(),
            command: std::env::args().collect::<Vec<_>>().join(" "),
            started: crate::screen::now_rfc3339(),
        }
    }
}

/// The folder is in use by another run, or the lock could not be taken at all.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}: in use by another soloai run (pid {})", dir.display(), holder.as_ref().map_or(0, |h| h.pid))]
    Busy {
        dir: PathBuf,
        guarded: Guarded,
        /// `None` when the holder had not written its name yet.
        holder: Option<Holder>,
    },
    #[error("{}: could not create the lock file: {cause}", dir.display())]
    Io { dir: PathBuf, cause: String },
}

impl LockError {
    /// What a council member reads, with what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LockError::Busy {
                dir,
                guarded,
                holder,
            } => {
                let what = match guarded {
                    Guarded::Output => lang.pick("Thư mục kết quả", "The output folder"),
                    Guarded::Index => lang.pick("Kho đối chiếu", "The corpus index"),
                };
                let who = match (holder, lang) {
                    (Some(h), Lang::Vi) => format!(
                        "tiến trình {} (lệnh `{}`, bắt đầu lúc {})",
                        h.pid, h.command, h.started
                    ),
                    (Some(h), Lang::En) => format!(
                        "process {} (command `{}`, started {})",
                        h.pid, h.command, h.started
                    ),
                    (None, _) => lang
                        .pick("một tiến trình khác", "another process")
                        .to_string(),
                };
                let todo = match guarded {
                    Guarded::Output => lang.pick(
                        "Chờ lần chạy đó xong rồi chạy lại, hoặc chọn thư mục --out khác.",
                        "wait for that run to finish, or choose another --out",
                    ),
                    Guarded::Index => lang.pick(
                        "Chờ lần chạy đó xong rồi chạy lại.",
                        "wait for that run to finish",
                    ),
                };
                match lang {
                    Lang::Vi => format!(
                        "{what} {} đang được một lần chạy soloai khác sử dụng: {who}. {todo}",
                        dir.display()
                    ),
                    Lang::En => format!(
                        "{what} {} is in use by another soloai run: {who}; {todo}",
                        dir.display()
                    ),
                }
            }
            LockError::Io { dir, cause } => match lang {
                Lang::Vi => format!(
                    "Không tạo được tệp khoá trong {} ({}). Kiểm tra thư mục có quyền ghi.",
                    dir.display(),
                    crate::safe_fs::io_words(cause, lang)
                ),
                Lang::En => format!(
                    "could not create the lock file in {} ({}); check the folder is writable",
                    dir.display(),
                    crate::safe_fs::io_words(cause, lang)
                ),
            },
        }
    }
}

/// An exclusive lock on a folder, held until dropped (or the process ends).
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
}

impl RunLock {
    /// Lock `dir` (which must exist) for this process, or say who holds it.
    pub fn acquire(dir: &Path, guarded: Guarded) -> Result<RunLock, LockError> {
        let path = dir.join(LOCK_FILE);
        let io = |e: std::io::Error| LockError::Io {
            dir: dir.to_path_buf(),
            cause: crate::safe_fs::io_cause(&e),
        };
        let mut file = open_lock_file(&path).map_err(io)?;
        let locked = fs4::fs_std::FileExt::try_lock_exclusive(&file).map_err(io)?;
        if !locked {
            let mut text = String::new();
            let holder = file
                .read_to_string(&mut text)
                .ok()
                .and_then(|_| serde_json::from_str::<Holder>(&text).ok());
            return Err(LockError::Busy {
                dir: dir.to_path_buf(),
                guarded,
                holder,
            });
        }
        // Who we are, for the next run that finds the folder locked.
        let me = serde_json::to_vec_pretty(&Holder::current()).unwrap_or_default();
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(&me).map_err(io)?;
        file.flush().map_err(io)?;
        Ok(RunLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Lock a corpus index folder for a run that changes it (created when missing, so the lock
/// comes before the index is). A folder that holds something else gets no lock file of ours:
/// `None`, and opening the index then says the folder is not an index.
pub fn lock_index(dir: &Path) -> Result<Option<RunLock>, LockError> {
    let io = |e: std::io::Error| LockError::Io {
        dir: dir.to_path_buf(),
        cause: crate::safe_fs::io_cause(&e),
    };
    if dir.is_dir() {
        let is_index = dir.join(crate::index::META_FILE).is_file();
        let empty = std::fs::read_dir(dir)
            .map_err(io)?
            .flatten()
            .all(|e| e.file_name() == LOCK_FILE);
        if !is_index && !empty {
            return Ok(None);
        }
    } else {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    RunLock::acquire(dir, Guarded::Index).map(Some)
}

/// Open (or create) the lock file without following a link planted in its place.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW).mode(0o666);
    }
    options.open(path)
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = fs4::fs_std::FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holder_named_and_free_after_drop() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let first = RunLock::acquire(dir.path(), Guarded::Output);
        assert!(first.is_ok());
        match RunLock::acquire(dir.path(), Guarded::Output) {
            Err(e @ LockError::Busy { .. }) => {
                let vi = e.message(Lang::Vi);
                assert!(
                    vi.contains("đang được một lần chạy soloai khác sử dụng"),
                    "{vi}"
                );
                assert!(
                    vi.contains(&format!("tiến trình {}", std::process::id())),
                    "{vi}"
                );
                assert!(vi.contains("bắt đầu lúc 20"), "{vi}");
            }
            other => panic!("second lock: {other:?}"),
        }
        drop(first);
        assert!(RunLock::acquire(dir.path(), Guarded::Output).is_ok());
    }
}
