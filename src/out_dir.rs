//! Outputs never touch what is not ours (issue #14, item 2).
//!
//! Before any work starts, [`prepare`] checks the `--out` folder: it must not be, lie inside,
//! or contain the entries folder (reports would overwrite entries, or become entries of the
//! next run); it must be empty, new, or a folder soloai wrote before (its manifest of written
//! files, `.soloai.written.json`, is there); and it must be writable. Then it is locked for the
//! run (`lock::RunLock`). What soloai writes there is recorded in the manifest
//! (`report::write`), and only files listed in it are ever replaced as stale or deleted, so a
//! council member's own `keep.html` beside the reports survives every run.

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::lock::{Guarded, LockError, RunLock};
use crate::report::write::{MANIFEST, read_manifest};

/// Why the output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutDirError {
    #[error("{}: the output folder is or lies inside the entries folder {}", out.display(), entries.display())]
    InsideEntries { out: PathBuf, entries: PathBuf },
    #[error("{}: the output folder contains the entries folder {}", out.display(), entries.display())]
    ContainsEntries { out: PathBuf, entries: PathBuf },
    #[error("{}: not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{}: the folder holds files soloai did not write ({})", out.display(), examples.join(", "))]
    Foreign { out: PathBuf, examples: Vec<String> },
    #[error("{}: cannot write into the output folder ({cause})", out.display())]
    NotWritable { out: PathBuf, cause: String },
    #[error(transparent)]
    Locked(#[from] LockError),
}

impl OutDirError {
    /// What a council member reads, with what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OutDirError::InsideEntries { out, entries }, Lang::Vi) => format!(
                "Thư mục kết quả {} trùng hoặc nằm trong thư mục đầu vào {} (bài dự thi hoặc tài liệu đối chiếu): báo cáo sẽ ghi đè tệp đầu vào hoặc bị đọc lại như bài dự thi ở lần chạy sau. Chọn --out ở ngoài thư mục đó.",
                out.display(),
                entries.display()
            ),
            (OutDirError::InsideEntries { out, entries }, Lang::En) => format!(
                "the output folder {} is or lies inside the input folder {} (entries or corpus documents): reports would overwrite inputs or be read as entries next time; choose an --out outside it",
                out.display(),
                entries.display()
            ),
            (OutDirError::ContainsEntries { out, entries }, Lang::Vi) => format!(
                "Thư mục kết quả {} chứa thư mục đầu vào {} (bài dự thi hoặc tài liệu đối chiếu). Chọn --out là một thư mục riêng, ví dụ soloai-out.",
                out.display(),
                entries.display()
            ),
            (OutDirError::ContainsEntries { out, entries }, Lang::En) => format!(
                "the output folder {} contains the input folder {} (entries or corpus documents); choose a folder of its own, e.g. soloai-out",
                out.display(),
                entries.display()
            ),
            (OutDirError::NotAFolder(out), Lang::Vi) => format!(
                "{} không phải là thư mục. Chọn --out là một thư mục.",
                out.display()
            ),
            (OutDirError::NotAFolder(out), Lang::En) => {
                format!("{} is not a folder; --out must be a folder", out.display())
            }
            (OutDirError::Foreign { out, examples }, Lang::Vi) => format!(
                "Thư mục kết quả {} đang chứa tệp không do soloai tạo ({}). soloai chỉ ghi vào thư mục trống hoặc thư mục kết quả của chính nó, để không ghi đè hay xoá tệp của người khác. Chọn --out là một thư mục trống hoặc mới.",
                out.display(),
                examples.join(", ")
            ),
            (OutDirError::Foreign { out, examples }, Lang::En) => format!(
                "the output folder {} holds files soloai did not write ({}); soloai only writes into an empty folder or one of its own, so nobody's files are overwritten or deleted; choose an empty or new --out",
                out.display(),
                examples.join(", ")
            ),
            (OutDirError::NotWritable { out, cause }, Lang::Vi) => format!(
                "Không ghi được vào thư mục kết quả {} ({}). Kiểm tra quyền ghi và dung lượng đĩa, hoặc chọn --out khác.",
                out.display(),
                crate::safe_fs::io_words(cause, lang)
            ),
            (OutDirError::NotWritable { out, cause }, Lang::En) => format!(
                "cannot write into the output folder {} ({}); check permissions and disk space, or choose another --out",
                out.display(),
                crate::safe_fs::io_words(cause, lang)
            ),
            (OutDirError::Locked(e), _) => e.message(lang),
        }
    }
}

/// An output folder checked and locked for one run. The lock is released when dropped.
#[derive(Debug)]
pub struct OutDir {
    pub path: PathBuf,
    _lock: RunLock,
}

/// Names in an output folder that are soloai's own bookkeeping, never "foreign".
fn is_bookkeeping(name: &str) -> bool {
    name == MANIFEST || name == crate::lock::LOCK_FILE || name == ".soloai-cache"
}

/// Check `out` against the entries folder (and the other folders read, such as `prior/` and
/// `--corpus` folders, whose files would become corpus documents), create it when missing,
/// refuse a folder holding other people's files, prove it writable and lock it — all before
/// any work starts.
pub fn prepare(out: &Path, entries: &Path) -> Result<OutDir, OutDirError> {
    prepare_beside(out, entries, &[])
}

/// [`prepare`], with more folders that are read and so must not hold or be held by `out`.
pub fn prepare_beside(out: &Path, entries: &Path, read: &[PathBuf]) -> Result<OutDir, OutDirError> {
    let out_abs = absolute(out);
    for input in std::iter::once(entries).chain(read.iter().map(PathBuf::as_path)) {
        let input_abs = absolute(input);
        if out_abs.starts_with(&input_abs) {
            return Err(OutDirError::InsideEntries {
                out: out.to_path_buf(),
                entries: input.to_path_buf(),
            });
        }
        if input_abs.starts_with(&out_abs) {
            return Err(OutDirError::ContainsEntries {
                out: out.to_path_buf(),
                entries: input.to_path_buf(),
            });
        }
    }
    let not_writable = |e: std::io::Error| OutDirError::NotWritable {
        out: out.to_path_buf(),
        cause: crate::safe_fs::io_cause(&e),
    };
    match std::fs::metadata(out) {
        Ok(meta) if !meta.is_dir() => return Err(OutDirError::NotAFolder(out.to_path_buf())),
        Ok(_) => {
            if !is_ours(out) {
                let mut examples: Vec<String> = std::fs::read_dir(out)
                    .map_err(not_writable)?
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !is_bookkeeping(n))
                    .collect();
                if !examples.is_empty() {
                    examples.sort();
                    let more = examples.len().saturating_sub(3);
                    examples.truncate(3);
                    if more > 0 {
                        examples.push(format!("+{more}"));
                    }
                    return Err(OutDirError::Foreign {
                        out: out.to_path_buf(),
                        examples,
                    });
                }
            }
        }
        Err(_) => std::fs::create_dir_all(out).map_err(not_writable)?,
    }
    // Writable now, not after minutes of reading: create and remove a file.
    tempfile::Builder::new()
        .prefix(".soloai-probe-")
        .tempfile_in(out)
        .map_err(not_writable)?;
    let lock = RunLock::acquire(out, Guarded::Output)?;
    Ok(OutDir {
        path: out.to_path_buf(),
        _lock: lock,
    })
}

/// A folder soloai wrote before: its manifest is there, or (written by a soloai from before
/// manifests) its `report.json` has our schema.
pub fn is_ours(dir: &Path) -> bool {
    if read_manifest(dir).is_some() {
        return true;
    }
    crate::safe_fs::read_regular(&dir.join("report.json"), 64 * 1024 * 1024)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v["schema"] == crate::report::SCHEMA)
}

/// `path` made absolute and its links resolved as far as it exists (the rest appended), so
/// `out/../entries` and a link to the entries folder are both caught.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    if let Ok(real) = std::fs::canonicalize(&joined) {
        return real;
    }
    // Not there yet: resolve `.` and `..` by their names, then the links of what exists.
    let mut lexical = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let joined = lexical;
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return joined,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_inside_or_around_the_entries_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let contest = dir.path();
        let entries = contest.join("entries");
        std::fs::create_dir_all(&entries).unwrap_or_default();
        std::fs::write(contest.join("manifest.csv"), "id\n").unwrap_or_default();
        let inside = prepare(&entries.join("out"), &entries);
        assert!(matches!(inside, Err(OutDirError::InsideEntries { .. })));
        assert!(!entries.join("out").exists());
        let same = prepare(&entries, &entries);
        assert!(matches!(same, Err(OutDirError::InsideEntries { .. })));
        let around = prepare(contest, &entries);
        assert!(matches!(around, Err(OutDirError::ContainsEntries { .. })));
        // Inside prior/ the reports would become corpus documents of the next run.
        let prior = contest.join("prior");
        std::fs::create_dir_all(&prior).unwrap_or_default();
        let in_prior = prepare_beside(&prior.join("out"), &entries, std::slice::from_ref(&prior));
        assert!(matches!(in_prior, Err(OutDirError::InsideEntries { .. })));
        let dotted = prepare(&contest.join("x/../entries/r"), &entries);
        assert!(matches!(dotted, Err(OutDirError::InsideEntries { .. })));
    }

    #[test]
    fn a_foreign_folder_is_refused_an_empty_or_new_one_taken_and_locked() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let entries = dir.path().join("entries");
        std::fs::create_dir_all(&entries).unwrap_or_default();
        let foreign = dir.path().join("documents");
        std::fs::create_dir_all(&foreign).unwrap_or_default();
        std::fs::write(foreign.join("thesis.docx"), b"mine").unwrap_or_default();
        match prepare(&foreign, &entries) {
            Err(e @ OutDirError::Foreign { .. }) => {
                assert!(e.message(Lang::Vi).contains("thesis.docx"));
            }
            other => panic!("{other:?}"),
        }
        let fresh = dir.path().join("new/out");
        let held = prepare(&fresh, &entries);
        assert!(held.is_ok(), "{held:?}");
        // While held, a second run is refused with the holder named.
        match prepare(&fresh, &entries) {
            Err(OutDirError::Locked(LockError::Busy { .. })) => {}
            other => panic!("{other:?}"),
        }
        drop(held);
        assert!(prepare(&fresh, &entries).is_ok());
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_found_before_any_work() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let entries = dir.path().join("entries");
        std::fs::create_dir_all(&entries).unwrap_or_default();
        // Not even root may create a folder in /proc.
        match prepare(Path::new("/proc/soloai-out"), &entries) {
            Err(e @ OutDirError::NotWritable { .. }) => {
                assert!(e.message(Lang::Vi).contains("Không ghi được"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        // Nor below a file.
        std::fs::write(dir.path().join("file"), b"x").unwrap_or_default();
        let r = prepare(&dir.path().join("file/out"), &entries);
        assert!(matches!(r, Err(OutDirError::NotWritable { .. })), "{r:?}");
    }
}
