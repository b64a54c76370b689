//! Legacy .doc and .odt, read by converting to .docx with LibreOffice when it is installed.
//!
//! The input is copied into a private temporary folder first, so LibreOffice never opens
//! (or locks, or "repairs") the council's own file, and odd file names cannot confuse its
//! command line. Each conversion gets its own LibreOffice profile
//! (`-env:UserInstallation`), because two `soffice` processes sharing a profile wait on
//! each other or fail, and files are read in parallel. The process runs in its own process
//! group and the whole group is killed when the file's time budget runs out.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::docx::DocxExtractor;
use crate::extract::{Extractor, ReadContext};
use crate::model::{Extracted, Format};

/// What an OLE compound file (the container of legacy Office files) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OleKind {
    /// A Word 97–2003 document; `encrypted` when its header says it is password-protected.
    Word { encrypted: bool },
    /// An encrypted OOXML package (Word's "Encrypt with password" on a .docx).
    EncryptedOoxml,
    /// Some other Office file: "xls", "ppt", "msg"…
    Other(&'static str),
    /// Not readable as a compound file at all.
    Broken,
}

/// Look inside an OLE compound file (with the `cfb` crate: the container format is
/// Microsoft's, small and well specified, and the crate is maintained; what we need from it
/// is only the list of streams and 12 bytes of the Word header).
pub fn ole_kind(bytes: &[u8]) -> OleKind {
    let Ok(mut file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else {
        return OleKind::Broken;
    };
    if file.is_stream("/EncryptedPackage") {
        return OleKind::EncryptedOoxml;
    }
    if file.is_stream("/WordDocument") {
        // The FIB's flags word at offset 10: bit 8 fEncrypted, bit 15 fObfuscated
        // ([MS-DOC] 2.5.2 FibBase).
        let mut head = [0u8; 12];
        let encrypted = file
            .open_stream("/WordDocument")
            .and_then(|mut s| std::io::Read::read_exact(&mut s, &mut head))
            .map(|()| u16::from_le_bytes([head[10], head[11]]) & 0x8100 != 0)
            .unwrap_or(false);
        return OleKind::Word { encrypted };
    }
    if file.is_stream("/Workbook") || file.is_stream("/Book") {
        return OleKind::Other("xls");
    }
    if file.is_stream("/PowerPoint Document") {
        return OleKind::Other("ppt");
    }
    OleKind::Other("ole")
}

/// The LibreOffice command on PATH (`soffice`, or `libreoffice` as some distributions name it).
pub fn find_soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Read `bytes` (the content of `path`, already read once) through a LibreOffice conversion.
pub fn read_converted(
    path: &Path,
    bytes: &[u8],
    format: Format,
    ctx: &ReadContext<'_>,
) -> ExtractResult<Extracted> {
    let Some(soffice) = find_soffice() else {
        return Err(ExtractError::new(
            path,
            ExtractErrorKind::NeedsConversion {
                format: format.as_str().into(),
            },
        ));
    };
    let failed =
        |cause: String| ExtractError::new(path, ExtractErrorKind::ConversionFailed { cause });
    let work = tempfile::Builder::new()
        .prefix("soloai-convert-")
        .tempdir()
        .map_err(|e| failed(format!("temporary folder: {e}")))?;
    let input = work.path().join(format!("input.{}", format.as_str()));
    // The bytes already read are what is converted: the council's file is opened once.
    std::fs::write(&input, bytes).map_err(|e| failed(format!("temporary folder: {e}")))?;
    let profile = work.path().join("profile");
    let out_dir = work.path().join("out");
    let mut command = Command::new(&soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--nolockcheck", "--convert-to"])
        .arg("docx:MS Word 2007 XML")
        .arg("--outdir")
        .arg(&out_dir)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| failed(format!("could not start {}: {e}", soffice.display())))?;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if ctx.deadline.expired() => {
                kill_group(&mut child);
                return Err(ExtractError::new(
                    path,
                    ExtractErrorKind::Timeout {
                        seconds: ctx.deadline.budget_secs(),
                    },
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                kill_group(&mut child);
                return Err(failed(e.to_string()));
            }
        }
    };
    let output = out_dir.join("input.docx");
    let bytes = std::fs::read(&output).map_err(|_| {
        failed(if status.success() {
            "no .docx was written".into()
        } else {
            format!("soffice exited with {status}")
        })
    })?;
    let mut doc = DocxExtractor.extract(path, &bytes, ctx)?;
    doc.format = Some(format);
    doc.warnings.push(crate::model::ReadWarning::Converted {
        format: format.as_str().to_string(),
    });
    Ok(doc)
}

/// Kill soffice and the processes it started (oosplash, soffice.bin).
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .arg("-KILL")
            .arg(format!("-{}", child.id()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
