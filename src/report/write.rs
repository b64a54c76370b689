//! Atomic file writing, and the manifest of what soloai wrote in an output folder.
//!
//! The bytes go to a temporary file beside the target, then a rename replaces the target in
//! one step, so a reader sees the old file or the new one, never half. The file is created
//! `0666` less the umask (`0644` usually), like any file a program writes, not `0600`.
//!
//! Every run records the files it wrote in `OUT/.soloai.written.json`. Only files listed there
//! from an earlier run and not written again are removed as stale (an entry renamed or
//! withdrawn leaves no page behind), and nothing else in the folder is ever deleted: a
//! council member's own `keep.html` survives (issue #14, item 2).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ReportError;

/// The manifest's file name in the output folder.
pub const MANIFEST: &str = ".soloai.written.json";
const MANIFEST_SCHEMA: &str = "soloai.out/1";

#[derive(Debug, Serialize, Deserialize)]
struct OutManifest {
    schema: String,
    /// Paths relative to the output folder, `/`-separated.
    files: BTreeSet<String>,
}

/// Write `bytes` to `path` atomically. The parent directory must exist.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".soloai-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // open(2) applies the umask to this mode, as for any file a program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| ReportError::io(path, e))?;
    tmp.write_all(bytes).map_err(|e| ReportError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| ReportError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| ReportError::io(path, e.error))?;
    Ok(())
}

/// Write a file a council member asked for by name (a template): never over an existing file
/// unless `force`, into its folder made if missing, atomically. The error is an
/// [`crate::safe_fs::io_cause`] code (`already-exists` for a file kept).
pub fn write_named_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err("already-exists".into());
    }
    if let Some(dir) = path.parent() {
        crate::safe_fs::make_out_folder(dir)?;
    }
    write_atomic(path, bytes).map_err(|e| match e {
        ReportError::Io { source, .. } => crate::safe_fs::io_cause(&source),
        other => format!("os: {other}"),
    })
}

/// The files an earlier run recorded in `out_dir`, or `None` when there is no manifest.
pub fn read_manifest(out_dir: &Path) -> Option<BTreeSet<String>> {
    let bytes = crate::safe_fs::read_regular(&out_dir.join(MANIFEST), 64 * 1024 * 1024).ok()?;
    let manifest: OutManifest = serde_json::from_slice(&bytes).ok()?;
    (manifest.schema == MANIFEST_SCHEMA).then_some(manifest.files)
}

/// After a run wrote `written` into `out_dir`: remove the files the previous run recorded and
/// this one did not write (never anything else, never through a link), then record `written`.
pub fn record_run(out_dir: &Path, written: &[PathBuf]) -> Result<(), ReportError> {
    let now: BTreeSet<String> = written
        .iter()
        .filter_map(|p| relative_inside(out_dir, p))
        .collect();
    for stale in read_manifest(out_dir).unwrap_or_default().difference(&now) {
        let Some(path) = safe_join(out_dir, stale) else {
            continue;
        };
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if is_file {
            // A failure only leaves an unlinked page behind.
            let _ = std::fs::remove_file(&path);
        }
    }
    let manifest = OutManifest {
        schema: MANIFEST_SCHEMA.into(),
        files: now,
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| ReportError::build(out_dir.join(MANIFEST), e))?;
    write_atomic(&out_dir.join(MANIFEST), &json)
}

/// `path` relative to `dir`, `/`-separated, when it lies inside it.
fn relative_inside(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<String>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.filter(|p| !p.is_empty()).map(|p| p.join("/"))
}

/// `dir` joined with a manifest path, refusing anything that could leave `dir`.
fn safe_join(dir: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = dir.to_path_buf();
    for part in rel.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains('\\') {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.txt");
        write_atomic(&path, b"first")?;
        write_atomic(&path, "thứ hai".as_bytes())?;
        assert_eq!(std::fs::read_to_string(&path)?, "thứ hai");
        let names: Vec<_> = std::fs::read_dir(dir.path())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn files_are_readable_by_others_as_the_umask_says() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("index.html");
        write_atomic(&path, b"<p>")?;
        let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
        // Whatever the umask, the file is not private to its owner as 0600 would be,
        // unless the umask itself forbids group and others reading.
        let umask = std::fs::read_to_string("/proc/self/status")?
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            .unwrap_or(0o022);
        assert_eq!(mode, 0o666 & !umask);
        Ok(())
    }

    #[test]
    fn stale_files_are_only_those_soloai_recorded() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path();
        std::fs::create_dir_all(out.join("entries"))?;
        let page = |name: &str| out.join("entries").join(name);
        for name in ["E1.html", "E2.html"] {
            write_atomic(&page(name), b"x")?;
        }
        record_run(
            out,
            &[page("E1.html"), page("E2.html"), out.join("index.html")],
        )?;
        // The council member's own page, and a manifest entry that tries to leave the folder.
        std::fs::write(page("keep.html"), b"mine")?;
        write_atomic(&page("E3.html"), b"x")?;
        record_run(out, &[page("E1.html"), page("E3.html")])?;
        assert!(page("E1.html").exists());
        assert!(!page("E2.html").exists(), "stale page left");
        assert!(page("E3.html").exists());
        assert_eq!(std::fs::read(page("keep.html"))?, b"mine");
        let recorded = read_manifest(out).unwrap_or_default();
        assert_eq!(
            recorded.into_iter().collect::<Vec<_>>(),
            ["entries/E1.html", "entries/E3.html"]
        );
        assert_eq!(safe_join(out, "../x"), None);
        assert_eq!(safe_join(out, "entries//x"), None);
        Ok(())
    }

    #[test]
    fn missing_directory_is_an_error_naming_the_file() {
        let err = write_atomic(Path::new("/nonexistent-soloai-dir/x.json"), b"{}");
        match err {
            Err(e) => assert!(e.to_string().contains("x.json")),
            Ok(()) => panic!("writing into a missing directory succeeded"),
        }
    }
}
