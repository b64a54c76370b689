//! Reading a filled scoring sheet back, with calamine (a well-kept XLSX reader; we only add the
//! checks calamine leaves to its caller: the file's size and the zip's declared sizes, so a
//! zip bomb renamed .xlsx is refused before anything is inflated).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use super::sheet::{FIRST_ROW, FIRST_SCORE_COL, ID_COL, META_SHEET, SCHEMA, SHEET_NAME};

/// Largest sheet file read.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// Largest total the zip may declare once inflated.
pub const MAX_INFLATED_BYTES: u64 = 256 << 20;
/// Most zip members.
const MAX_MEMBERS: usize = 10_000;
/// Most entry rows read from one sheet.
pub const MAX_ROWS: u32 = 100_000;

/// A cell as the member left it.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Number(f64),
    /// Anything else, as text ("tám", "#VALUE!", a date).
    Text(String),
}

/// One entry row of a filled sheet.
#[derive(Debug, Clone)]
pub struct FilledRow {
    /// The spreadsheet's row number (1-based, as Excel shows it).
    pub row: u32,
    pub id: String,
    /// One value per criterion column.
    pub cells: Vec<CellValue>,
}

/// A filled sheet.
#[derive(Debug, Clone)]
pub struct FilledSheet {
    pub file: PathBuf,
    pub member: String,
    pub member_index: Option<usize>,
    /// `generated_at` of the screening report the sheet was made from.
    pub report: String,
    /// (code, max) per criterion column, as the sheet was made.
    pub criteria: Vec<(String, f64)>,
    pub rows: Vec<FilledRow>,
}

fn text_of(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => crate::normalize::nfc(s.trim()),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) => f.to_string(),
        _ => String::new(),
    }
}

fn value_of(d: Option<&Data>) -> CellValue {
    match d {
        None | Some(Data::Empty) => CellValue::Empty,
        Some(Data::Int(i)) => CellValue::Number(*i as f64),
        Some(Data::Float(f)) => CellValue::Number(*f),
        Some(Data::String(s)) => {
            let t = s.trim();
            if t.is_empty() {
                return CellValue::Empty;
            }
            // "8,5" is how a Vietnamese keyboard writes 8.5.
            match t.replace(',', ".").parse::<f64>() {
                Ok(v) if v.is_finite() => CellValue::Number(v),
                _ => CellValue::Text(crate::normalize::nfc(t)),
            }
        }
        Some(Data::Bool(b)) => CellValue::Text(b.to_string()),
        Some(Data::Error(e)) => CellValue::Text(format!("{e}")),
        Some(other) => CellValue::Text(other.to_string()),
    }
}

/// Why a file is no readable scoring sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    /// A [`crate::safe_fs::io_cause`] code.
    Io(String),
    NotAFile,
    TooLarge(u64),
    NotXlsx(String),
    TooManyParts(usize),
    Inflates(u64),
    NotOurs,
    Version(String),
    Edited,
}

impl SheetError {
    /// Why the file was not counted, in the reader's language (`Words.sheet_error`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        (lang.words().sheet_error)(self)
    }
}

/// Refuse what is not a plausible .xlsx before calamine inflates it.
fn check_package(bytes: &[u8]) -> Result<(), SheetError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| SheetError::NotXlsx(e.to_string()))?;
    if zip.len() > MAX_MEMBERS {
        return Err(SheetError::TooManyParts(zip.len()));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| SheetError::NotXlsx(e.to_string()))?;
        total = total.saturating_add(f.size());
    }
    if total > MAX_INFLATED_BYTES {
        return Err(SheetError::Inflates(total));
    }
    Ok(())
}

/// Read one filled sheet (the caller names the file in its message).
pub fn read_sheet(path: &Path) -> Result<FilledSheet, SheetError> {
    // Opened once, never through a link, at most MAX_FILE_BYTES read.
    let bytes = crate::safe_fs::read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        crate::safe_fs::ReadError::NotRegular(_) => SheetError::NotAFile,
        crate::safe_fs::ReadError::TooLarge { size, .. } => SheetError::TooLarge(size),
        crate::safe_fs::ReadError::Io(cause) => SheetError::Io(cause),
    })?;
    check_package(&bytes)?;
    let mut book: Xlsx<Cursor<Vec<u8>>> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| SheetError::NotXlsx(e.to_string()))?;
    let meta = book
        .worksheet_range(META_SHEET)
        .map_err(|_| SheetError::NotOurs)?;
    let cell = |r: u32, c: u32| text_of(meta.get_value((r, c)));
    if cell(0, 1) != SCHEMA {
        return Err(SheetError::Version(cell(0, 1)));
    }
    let mut criteria = Vec::new();
    for c in 1..200 {
        let code = cell(5, c);
        if code.is_empty() {
            break;
        }
        let max = match meta.get_value((6, c)) {
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            _ => return Err(SheetError::Edited),
        };
        criteria.push((code, max));
    }
    let sheet = book
        .worksheet_range(SHEET_NAME)
        .map_err(|_| SheetError::Edited)?;
    let mut rows = Vec::new();
    for r in FIRST_ROW..FIRST_ROW + MAX_ROWS {
        let id = text_of(sheet.get_value((r, ID_COL as u32)));
        if id.is_empty() {
            break;
        }
        let cells = (0..criteria.len() as u32)
            .map(|i| value_of(sheet.get_value((r, FIRST_SCORE_COL as u32 + i))))
            .collect();
        rows.push(FilledRow {
            row: r + 1,
            id,
            cells,
        });
    }
    Ok(FilledSheet {
        file: path.to_path_buf(),
        member: cell(1, 1),
        member_index: cell(2, 1).parse().ok(),
        report: cell(4, 1),
        criteria,
        rows,
    })
}

/// The `.xlsx` files named, folders searched one level deep (sorted, links not followed).
pub fn sheet_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| e.path())
                    .filter(|f| {
                        f.extension()
                            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
                            && !f
                                .file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with(['~', '.']))
                    })
                    .collect();
                found.sort();
                out.extend(found);
            }
            _ => out.push(p.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_member_types_them() {
        assert_eq!(value_of(Some(&Data::Float(8.5))), CellValue::Number(8.5));
        assert_eq!(value_of(Some(&Data::Int(9))), CellValue::Number(9.0));
        assert_eq!(
            value_of(Some(&Data::String(" 8,5 ".into()))),
            CellValue::Number(8.5)
        );
        assert_eq!(
            value_of(Some(&Data::String("tám".into()))),
            CellValue::Text("tám".into())
        );
        assert_eq!(value_of(Some(&Data::String("  ".into()))), CellValue::Empty);
        assert_eq!(value_of(None), CellValue::Empty);
        assert_eq!(
            value_of(Some(&Data::String("NaN".into()))),
            CellValue::Text("NaN".into())
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_inflated() -> Result<(), Box<dyn std::error::Error>> {
        use std::io::Write;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bom.xlsx");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path)?);
        zip.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default().large_file(true),
        )?;
        // 257 MiB of zeros deflate to a few hundred KB.
        let mut zeros = std::io::Read::take(std::io::repeat(0), MAX_INFLATED_BYTES + (1 << 20));
        std::io::copy(&mut zeros, &mut zip)?;
        zip.flush()?;
        zip.finish()?;
        assert!(std::fs::metadata(&path)?.len() < MAX_FILE_BYTES);
        match read_sheet(&path) {
            Err(SheetError::Inflates(n)) => assert!(n > MAX_INFLATED_BYTES),
            other => panic!("expected Inflates, got {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn a_zip_that_is_no_workbook_is_refused() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("x.xlsx");
        std::fs::write(&path, b"not a zip")?;
        let err = read_sheet(&path)
            .err()
            .map(|e| e.message(crate::lang::Lang::Vi));
        assert!(
            err.as_deref()
                .unwrap_or_default()
                .contains("không phải tệp Excel"),
            "{err:?}"
        );
        Ok(())
    }
}
