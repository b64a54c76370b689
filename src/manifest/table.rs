//! Reading a table (CSV or XLSX) into rows of cells, for the manifest, `units.csv` and the
//! excluded-persons list alike, under the same [`Limits`] as entries: these files come from
//! units and are as untrusted as an entry.
//!
//! - CSV through the `csv` crate (quoting, embedded newlines and `""` as Excel writes them),
//!   after our own decoding (UTF-8 with or without BOM, UTF-16, Windows-1258 as Excel saves
//!   CSV on a Vietnamese Windows); the separator is `,`, `;` or tab, whichever the header line
//!   uses most.
//! - XLSX through `calamine`'s streaming cell reader (so a cell at `XFD1048576` costs one
//!   cell, not a dense 17-billion-cell range). calamine does not bound what it decompresses,
//!   so the package is first re-read member by member under `max_member_bytes` and
//!   `max_total_decompressed` and handed to calamine uncompressed: a zip bomb ends as
//!   "too large" before calamine sees it.
//!
//! At most [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns are read; the first row past the
//! limit is remembered so the reader can say which row and why.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

use super::date::Date;
use super::error::{ManifestError, ManifestErrorKind};
use crate::limits::Limits;

/// Most columns read from a row; anything to the right is ignored.
pub const MAX_COLUMNS: usize = 256;
/// Most rows read (header and comment rows included).
pub const MAX_ROWS: usize = 100_000;

/// A cell as read. XLSX numbers and dates keep their value so dates and phone numbers can be
/// interpreted by column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
    /// A cell the spreadsheet formats as a date.
    pub date: Option<Date>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            ..Cell::default()
        }
    }
}

/// Rows with their line (CSV) or row (XLSX) numbers, 1-based.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<(usize, Vec<Cell>)>,
    /// The number of the first row not read because of [`MAX_ROWS`].
    pub truncated_at: Option<usize>,
}

/// Read a CSV or XLSX file: opened once without following a link or waiting on a FIFO, at most
/// `max_file_bytes` read (`safe_fs::read_regular`, as for entries).
pub fn read_table(path: &Path, limits: &Limits) -> Result<Table, ManifestError> {
    use crate::safe_fs::{ReadError, read_regular};
    let bytes = read_regular(path, limits.max_file_bytes).map_err(|e| {
        let kind = match e {
            ReadError::TooLarge { limit, .. } => ManifestErrorKind::TooLarge { limit },
            ReadError::NotRegular(what) => ManifestErrorKind::NotAFile { what: what.into() },
            ReadError::Io(cause) => ManifestErrorKind::Io { cause },
        };
        ManifestError::new(path, kind)
    })?;
    table_from_bytes(path, &bytes, limits)
}

/// Read a table from its bytes; `path` names it in errors.
pub fn table_from_bytes(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Table, ManifestError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::TooLarge {
                limit: limits.max_file_bytes,
            },
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_xlsx(path, bytes, limits);
    }
    if !crate::extract::txt::looks_like_text(bytes) {
        let found = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            "Excel 97-2003 (.xls)".to_string()
        } else {
            "binary".to_string()
        };
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::Unsupported { found },
        ));
    }
    let decoded = crate::extract::txt::decode_text(bytes);
    parse_csv(path, &decoded.text)
}

/// Split CSV text into records (see the module docs).
pub fn parse_csv(path: &Path, text: &str) -> Result<Table, ManifestError> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = guess_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    let mut record = csv::StringRecord::new();
    let mut last_line = 1usize;
    // The csv crate's position of a record is where the previous one ended (before its line
    // break and any blank lines), so lines are counted here from byte offsets.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line_at) = (0usize, 1usize);
    let mut line_of = |byte: usize| -> usize {
        let mut start = byte.min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= counted_to {
            line_at += bytes[counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = start;
        }
        line_at
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| line_of(p.byte() as usize))
                    .unwrap_or(last_line);
                return Err(ManifestError::new(
                    path,
                    ManifestErrorKind::Corrupt {
                        cause: e.to_string(),
                    },
                )
                .at(line, None));
            }
        }
        let line = record
            .position()
            .map(|p| line_of(p.byte() as usize))
            .unwrap_or(last_line);
        last_line = line;
        if table.rows.len() >= MAX_ROWS {
            table.truncated_at = Some(line);
            break;
        }
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|f| Cell::text(f.replace('\r', "")))
            .collect();
        table.rows.push((line, cells));
    }
    // The csv crate reads an unclosed quote to the end of the file as one field; that is a
    // broken file, not a very long cell.
    if table.truncated_at.is_none() && unclosed_quote(text, delimiter) {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::Corrupt {
                cause: "a quoted field is never closed".into(),
            },
        )
        .at(last_line, None));
    }
    Ok(table)
}

/// Whether a field opened with `"` is still open at the end of the text.
fn unclosed_quote(text: &str, delimiter: u8) -> bool {
    let delimiter = delimiter as char;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            c if c == delimiter || c == '\n' => at_field_start = true,
            ' ' | '\t' | '\r' if at_field_start => {}
            _ => at_field_start = false,
        }
    }
    in_quotes
}

fn guess_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            c if !in_quotes && c.is_ascii() => {
                for (d, n) in counts.iter_mut() {
                    if *d == c as u8 {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .copied()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map(|(d, _)| d)
        .unwrap_or(b',')
}

/// Re-read the package's XML parts under the limits into an uncompressed zip for calamine.
fn bounded_package(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, ManifestError> {
    let corrupt = |cause: String| ManifestError::new(path, ManifestErrorKind::Corrupt { cause });
    let too_large = |limit| ManifestError::new(path, ManifestErrorKind::TooLarge { limit });
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    if zip.index_for_name("xl/workbook.xml").is_none() {
        let found = if zip.index_for_name("word/document.xml").is_some() {
            "Word .docx"
        } else {
            "zip"
        };
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::Unsupported {
                found: found.into(),
            },
        ));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut member = zip.by_index(i).map_err(|e| corrupt(e.to_string()))?;
        let name = member.name().to_string();
        let wanted = name.ends_with(".xml") || name.ends_with(".rels");
        if member.is_dir() || !wanted {
            continue;
        }
        let limit = limits.max_member_bytes;
        if member.size() > limit {
            return Err(too_large(limit));
        }
        let mut data = Vec::new();
        (&mut member)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| corrupt(format!("{name}: {e}")))?;
        if data.len() as u64 > limit {
            return Err(too_large(limit));
        }
        total += data.len() as u64;
        if total > limits.max_total_decompressed {
            return Err(too_large(limits.max_total_decompressed));
        }
        out.start_file(name.as_str(), stored)
            .and_then(|_| out.write_all(&data).map_err(Into::into))
            .map_err(|e| corrupt(format!("{name}: {e}")))?;
    }
    // Hand-made workbooks sometimes lack the package relationships calamine starts from; the
    // workbook's place is standard, so it is supplied.
    if zip.index_for_name("_rels/.rels").is_none() {
        out.start_file("_rels/.rels", stored)
            .and_then(|_| out.write_all(ROOT_RELS.as_bytes()).map_err(Into::into))
            .map_err(|e| corrupt(e.to_string()))?;
    }
    out.finish()
        .map(Cursor::into_inner)
        .map_err(|e| corrupt(e.to_string()))
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

fn read_xlsx(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Table, ManifestError> {
    let corrupt = |cause: String| ManifestError::new(path, ManifestErrorKind::Corrupt { cause });
    let package = bounded_package(path, bytes, limits)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(package)).map_err(|e| corrupt(e.to_string()))?;
    let Some(sheet) = book.sheet_names().into_iter().next() else {
        return Err(corrupt("the workbook has no sheet".into()));
    };
    let mut cells = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| corrupt(e.to_string()))?;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    let mut truncated_at = None;
    while let Some(cell) = cells.next_cell().map_err(|e| corrupt(e.to_string()))? {
        let (row, col) = cell.get_position();
        let col = col as usize;
        if col >= MAX_COLUMNS {
            continue;
        }
        if !rows.contains_key(&row) && rows.len() >= MAX_ROWS {
            let line = row as usize + 1;
            truncated_at = Some(truncated_at.map_or(line, |t: usize| t.min(line)));
            continue;
        }
        let Some(value) = cell_value(cell.get_value()) else {
            continue;
        };
        let cells = rows.entry(row).or_default();
        if cells.len() <= col {
            cells.resize(col + 1, Cell::default());
        }
        cells[col] = value;
    }
    Ok(Table {
        rows: rows
            .into_iter()
            .map(|(r, cells)| (r as usize + 1, cells))
            .collect(),
        truncated_at,
    })
}

fn cell_value(v: &DataRef<'_>) -> Option<Cell> {
    Some(match v {
        DataRef::Empty => return None,
        DataRef::String(s) => Cell::text(s.as_str()),
        DataRef::SharedString(s) => Cell::text(*s),
        DataRef::Int(i) => Cell {
            text: i.to_string(),
            number: Some(*i as f64),
            date: None,
        },
        DataRef::Float(f) => Cell {
            text: format_number(*f),
            number: Some(*f),
            date: None,
        },
        DataRef::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            let date = Date::new(i64::from(y), i64::from(m), i64::from(d));
            Cell {
                text: date
                    .map(Date::iso)
                    .unwrap_or_else(|| dt.as_f64().to_string()),
                number: Some(dt.as_f64()),
                date,
            }
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(s.as_str()),
        DataRef::Error(_) => return None,
    })
}

/// A number as a person typed it: `912345678`, not `912345678.0`.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_with(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, data) in members {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn csv_quotes_separators_and_lines() {
        let t = parse_csv(
            Path::new("a.csv"),
            "a;b\r\n\"x;y\";\"nói \"\"không\"\"\"\r\n\r\n\"hai\ndòng\";z\r\n",
        )
        .unwrap();
        let lines: Vec<usize> = t.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(t.rows[1].1[0].text, "x;y");
        assert_eq!(t.rows[1].1[1].text, "nói \"không\"");
        assert_eq!(t.rows[2].1[0].text, "hai\ndòng");
        let e = parse_csv(Path::new("a.csv"), "id,title\n\"open,x\n").unwrap_err();
        assert_eq!(e.code(), "corrupt");
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn row_limit_names_the_first_row_left_out() {
        let mut text = String::from("id\n");
        for i in 0..MAX_ROWS + 5 {
            text.push_str(&format!("{i}\n"));
        }
        let t = parse_csv(Path::new("big.csv"), &text).unwrap();
        assert_eq!(t.rows.len(), MAX_ROWS);
        assert_eq!(t.truncated_at, Some(MAX_ROWS + 1));
    }

    #[test]
    fn hostile_xlsx_is_refused_without_panic() {
        let path = Path::new("x.xlsx");
        let limits = Limits {
            max_member_bytes: 1_000,
            ..Limits::default()
        };
        let big = vec![b' '; 5_000];
        let workbook = b"<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>";
        let bomb = zip_with(&[
            ("xl/workbook.xml", workbook),
            ("xl/worksheets/sheet1.xml", &big),
        ]);
        let e = table_from_bytes(path, &bomb, &limits).unwrap_err();
        assert_eq!(e.code(), "too-large");
        // Truncated zip.
        let e = table_from_bytes(path, &bomb[..bomb.len() / 2], &limits).unwrap_err();
        assert_eq!(e.code(), "corrupt");
        // A .docx is not a manifest.
        let docx = zip_with(&[("word/document.xml", b"<w:document/>")]);
        let e = table_from_bytes(path, &docx, &limits).unwrap_err();
        assert_eq!(e.code(), "unsupported");
    }

    #[test]
    fn absurd_cell_references_stay_bounded() {
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c>\
             <c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>";
        let workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        let root = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        let odd = zip_with(&[
            ("_rels/.rels", root.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ]);
        let t = table_from_bytes(Path::new("x.xlsx"), &odd, &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].1[0].text, "x");
        assert!(t.rows[0].1.len() <= MAX_COLUMNS);
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"\",;\n\r\t#a\xc3\xa0\xff";
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let _ = table_from_bytes(Path::new("r.csv"), &bytes, &Limits::default());
        }
    }
}
