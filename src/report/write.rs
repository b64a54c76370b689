//! Atomic file writing: the bytes go to a temporary file beside the target, then a rename
//! replaces the target in one step, so a reader sees the old file or the new one, never half.

use std::io::Write;
use std::path::Path;

use super::ReportError;

/// Write `bytes` to `path` atomically. The parent directory must exist.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".soloai-")
        .suffix(".tmp")
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

    #[test]
    fn missing_directory_is_an_error_naming_the_file() {
        let err = write_atomic(Path::new("/nonexistent-soloai-dir/x.json"), b"{}");
        match err {
            Err(e) => assert!(e.to_string().contains("x.json")),
            Ok(()) => panic!("writing into a missing directory succeeded"),
        }
    }
}
