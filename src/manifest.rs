//! The manifest (danh sách bài dự thi): what a unit says about each entry it forwards, and the
//! list of persons who may not enter (organizers, jury, secretariat).
//!
//! Units keep these lists in Excel, so both CSV and XLSX are read; we read XLSX ourselves with
//! `zip` + `quick-xml` (shared strings, inline strings, numbers, dates as serial numbers) under
//! the same [`Limits`] as entries, because a manifest is as untrusted as an entry.
//!
//! # Columns
//! Header names are matched without regard to case, diacritics, underscores or a trailing
//! "(…)" note, so "Mã bài", "ma_bai" and "MA BAI (bắt buộc)" are one column. Unknown columns are
//! ignored. Rows whose first non-empty cell starts with `#` are comments (the template's
//! second row explains each column that way); empty rows are skipped.
//!
//! | field | accepted headers | value |
//! |---|---|---|
//! | `id` | mã bài, mã bài dự thi, mã số, mã, id, entry id | text; required unless `file` is given |
//! | `file` | tệp, tệp tin, tên tệp, đường dẫn, file, path | path of the entry inside the entries folder |
//! | `title` | tên bài, tên bài dự thi, tên ý tưởng, tên giải pháp, tiêu đề, title | text |
//! | `authors` | tác giả, họ và tên, họ tên, authors, author | names separated by `;` |
//! | `kind` | hình thức, cá nhân/nhóm, loại tác giả, kind | cá nhân / nhóm (individual / group) |
//! | `unit` | đơn vị, đơn vị công tác, cơ quan, unit | text |
//! | `unit_kind` | loại đơn vị, cấp đơn vị, unit kind, unit type | sở, ban, ngành / UBND cấp huyện / UBND cấp xã (also: tổ chức chính trị - xã hội, cơ quan Trung ương) |
//! | `receiving_point` | đầu mối tiếp nhận, đầu mối, nơi tiếp nhận, receiving point | text |
//! | `area` | nội dung, lĩnh vực, nhóm nội dung, area | a, b, c, d, đ (or dd), e, g, h |
//! | `submitted` | ngày nộp, ngày gửi, ngày tiếp nhận, submitted, date | YYYY-MM-DD or DD/MM/YYYY; XLSX date cells |
//! | `previous_contest` | cuộc thi đã tham gia, cuộc thi trước, đã dự thi, previous contest | text |
//! | `phone` | số điện thoại, điện thoại, sđt, phone | text (an XLSX number loses its leading 0; it is put back for 9-digit numbers) |
//! | `address` | địa chỉ, address | text |
//!
//! Values are NFC and trimmed; an empty cell is `None`. Canonical forms keep this module free
//! of the profile's types: `unit_kind` is `department`, `district`, `commune`,
//! `social-organization` or `central-agency` (the profile's `UnitKind` names), `area` is the
//! plan's letter ("a" … "đ" … "h"), `submitted` is ISO `YYYY-MM-DD`.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use serde::Serialize;

use crate::lang::Lang;
use crate::limits::Limits;
use crate::normalize;

/// Individual or group entry (bài của cá nhân / nhóm tác giả từ 02 người trở lên).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    Individual,
    Group,
}

/// One entry as the manifest describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ManifestRow {
    /// Line (CSV) or row (XLSX) number in the manifest, 1-based, for messages.
    pub line: usize,
    pub id: String,
    pub file: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub kind: Option<EntryKind>,
    pub unit: Option<String>,
    pub unit_kind: Option<String>,
    pub receiving_point: Option<String>,
    pub area: Option<String>,
    pub submitted: Option<String>,
    pub previous_contest: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub rows: Vec<ManifestRow>,
}

impl Manifest {
    pub fn by_id(&self, id: &str) -> Option<&ManifestRow> {
        let key = normalize::comparison_form(id.trim());
        self.rows
            .iter()
            .find(|r| normalize::comparison_form(&r.id) == key)
    }

    /// The row naming the entry at `rel_path` (relative to the entries folder, `/`-separated,
    /// as discovery gives it). The manifest may name the entry folder or the main document
    /// inside it; case, `\` vs `/` and a leading `./` do not matter.
    pub fn row_for_entry(&self, rel_path: &str) -> Option<&ManifestRow> {
        let want = path_key(rel_path);
        self.rows.iter().find(|r| {
            r.file.as_deref().map(path_key).is_some_and(|have| {
                have == want
                    || want.starts_with(&format!("{have}/"))
                    || have.starts_with(&format!("{want}/"))
            })
        })
    }
}

fn path_key(p: &str) -> String {
    let p = normalize::nfc(p.trim()).replace('\\', "/").to_lowercase();
    let p = p.trim_start_matches("./").trim_matches('/');
    p.to_string()
}

/// A person who may not enter (thành viên Ban Tổ chức, Ban Giám khảo, Tổ Thư ký …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedPerson {
    pub name: String,
    /// Their role as the list gives it ("Ban Giám khảo"); empty when the list has none.
    pub role: String,
}

/// Why a manifest or name list could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ManifestErrorKind {
    Io {
        cause: String,
    },
    /// Larger than `Limits::max_file_bytes` or a member past `max_member_bytes`.
    TooLarge {
        limit: u64,
    },
    /// Neither CSV/text nor XLSX.
    Unsupported {
        found: String,
    },
    /// Broken zip or XML, an unterminated quote.
    Corrupt {
        cause: String,
    },
    /// No column for the entry id or file.
    MissingColumn {
        expected: String,
    },
    /// A row with neither id nor file.
    MissingValue,
    /// A cell the column does not accept.
    BadValue {
        value: String,
        expected: String,
    },
    /// The same id on two rows.
    DuplicateId {
        id: String,
        first_line: usize,
    },
}

/// A manifest problem, with where it is: the file, the line (CSV) or row (XLSX), the column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct ManifestError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<String>,
    pub kind: ManifestErrorKind,
}

impl ManifestError {
    fn new(path: &Path, kind: ManifestErrorKind) -> Self {
        ManifestError {
            path: path.to_path_buf(),
            line: None,
            column: None,
            kind,
        }
    }

    fn at(mut self, line: usize, column: Option<&str>) -> Self {
        self.line = Some(line);
        self.column = column.map(str::to_string);
        self
    }

    pub fn code(&self) -> &'static str {
        match self.kind {
            ManifestErrorKind::Io { .. } => "io",
            ManifestErrorKind::TooLarge { .. } => "too-large",
            ManifestErrorKind::Unsupported { .. } => "unsupported",
            ManifestErrorKind::Corrupt { .. } => "corrupt",
            ManifestErrorKind::MissingColumn { .. } => "missing-column",
            ManifestErrorKind::MissingValue => "missing-value",
            ManifestErrorKind::BadValue { .. } => "bad-value",
            ManifestErrorKind::DuplicateId { .. } => "duplicate-id",
        }
    }

    /// The sentence a council secretary reads: which file, where, what is wrong, what to do.
    pub fn message(&self, lang: Lang) -> String {
        use ManifestErrorKind::*;
        let mut place = self.path.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&match lang {
                Lang::Vi => format!(", dòng {line}"),
                Lang::En => format!(", line {line}"),
            });
        }
        if let Some(col) = &self.column {
            place.push_str(&match lang {
                Lang::Vi => format!(", cột \"{col}\""),
                Lang::En => format!(", column \"{col}\""),
            });
        }
        let what = match (lang, &self.kind) {
            (Lang::Vi, Io { cause }) => format!("không đọc được tệp ({cause})"),
            (Lang::En, Io { cause }) => format!("cannot read the file ({cause})"),
            (Lang::Vi, TooLarge { limit }) => {
                format!("tệp quá lớn (giới hạn {limit} byte); kiểm tra lại tệp danh sách")
            }
            (Lang::En, TooLarge { limit }) => format!("file too large (limit {limit} bytes)"),
            (Lang::Vi, Unsupported { found }) => {
                format!(
                    "không phải tệp CSV hoặc Excel .xlsx ({found}); lưu lại thành .csv hoặc .xlsx"
                )
            }
            (Lang::En, Unsupported { found }) => {
                format!("not a CSV or .xlsx file ({found}); save it as .csv or .xlsx")
            }
            (Lang::Vi, Corrupt { cause }) => {
                format!("tệp bị hỏng ({cause}); mở bằng Excel và lưu lại")
            }
            (Lang::En, Corrupt { cause }) => {
                format!("broken file ({cause}); open it in Excel and save again")
            }
            (Lang::Vi, MissingColumn { expected }) => {
                format!("thiếu cột {expected}; dùng mẫu do lệnh `soloai manifest-template` tạo")
            }
            (Lang::En, MissingColumn { expected }) => {
                format!("no {expected} column; start from `soloai manifest-template`")
            }
            (Lang::Vi, MissingValue) => "dòng có dữ liệu nhưng thiếu cả mã bài và tệp".into(),
            (Lang::En, MissingValue) => "row has data but neither an id nor a file".into(),
            (Lang::Vi, BadValue { value, expected }) => {
                format!("giá trị \"{value}\" không hợp lệ; cần {expected}")
            }
            (Lang::En, BadValue { value, expected }) => {
                format!("value \"{value}\" not accepted; expected {expected}")
            }
            (Lang::Vi, DuplicateId { id, first_line }) => {
                format!("mã bài \"{id}\" trùng với dòng {first_line}")
            }
            (Lang::En, DuplicateId { id, first_line }) => {
                format!("id \"{id}\" already used on line {first_line}")
            }
        };
        format!("{place}: {what}")
    }
}

// ---------------------------------------------------------------------------------------------
// Reading a table (CSV or XLSX) into rows of cells.

/// A cell as read; XLSX numbers are marked so dates and phone numbers can be interpreted.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cell {
    text: String,
    number: Option<f64>,
}

/// Rows with their line/row numbers, and the workbook's date system.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<(usize, Vec<Cell>)>,
    date1904: bool,
}

/// Most columns read from a sheet; anything to the right is ignored (a hostile `r="XFD1"`
/// must not cost 16,384 cells a row).
const MAX_COLUMNS: usize = 256;
/// Most rows read.
const MAX_ROWS: usize = 100_000;

fn read_table(path: &Path, limits: &Limits) -> Result<Table, ManifestError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        ManifestError::new(
            path,
            ManifestErrorKind::Io {
                cause: e.to_string(),
            },
        )
    })?;
    if meta.len() > limits.max_file_bytes {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::TooLarge {
                limit: limits.max_file_bytes,
            },
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        ManifestError::new(
            path,
            ManifestErrorKind::Io {
                cause: e.to_string(),
            },
        )
    })?;
    table_from_bytes(path, &bytes, limits)
}

fn table_from_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Table, ManifestError> {
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

/// Split CSV text into records: `,`, `;` or tab (whichever the header line uses most),
/// fields in double quotes may hold separators, newlines and `""` for a quote.
fn parse_csv(path: &Path, text: &str) -> Result<Table, ManifestError> {
    let delimiter = guess_delimiter(text);
    let mut table = Table::default();
    let mut record: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, record: &mut Vec<Cell>, quoted: bool| {
        let value = if quoted {
            std::mem::take(field)
        } else {
            let t = field.trim().to_string();
            field.clear();
            t
        };
        if record.len() < MAX_COLUMNS {
            record.push(Cell {
                text: value,
                number: None,
            });
        }
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !quoted_field => {
                field.clear();
                in_quotes = true;
                quoted_field = true;
            }
            c if c == delimiter => {
                finish_field(&mut field, &mut record, quoted_field);
                quoted_field = false;
            }
            '\r' => {}
            '\n' => {
                finish_field(&mut field, &mut record, quoted_field);
                quoted_field = false;
                table.rows.push((record_line, std::mem::take(&mut record)));
                if table.rows.len() > MAX_ROWS {
                    return Err(ManifestError::new(
                        path,
                        ManifestErrorKind::Corrupt {
                            cause: format!("more than {MAX_ROWS} rows"),
                        },
                    ));
                }
                line += 1;
                record_line = line;
            }
            // Text after a closing quote ("a"b) is kept, as spreadsheet programs do.
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::Corrupt {
                cause: "a quoted field is never closed".into(),
            },
        )
        .at(record_line, None));
    }
    if !field.is_empty() || !record.is_empty() || quoted_field {
        finish_field(&mut field, &mut record, quoted_field);
        table.rows.push((record_line, record));
    }
    Ok(table)
}

fn guess_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            c if !in_quotes => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
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
        .max_by_key(|&(d, n)| (n, d == ','))
        .map(|(d, _)| d)
        .unwrap_or(',')
}

fn read_member(
    path: &Path,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<u8>>, ManifestError> {
    let corrupt = |cause: String| ManifestError::new(path, ManifestErrorKind::Corrupt { cause });
    let mut member = match zip.by_name(name) {
        Ok(m) => m,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(format!("{name}: {e}"))),
    };
    let limit = limits.max_member_bytes;
    if member.size() > limit {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::TooLarge { limit },
        ));
    }
    let mut out = Vec::new();
    (&mut member)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(format!("{name}: {e}")))?;
    if out.len() as u64 > limit {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::TooLarge { limit },
        ));
    }
    Ok(Some(out))
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| attr_value(&a))
}

fn attr_value(a: &quick_xml::events::attributes::Attribute<'_>) -> String {
    let raw = String::from_utf8_lossy(&a.value);
    match quick_xml::escape::unescape(&raw) {
        Ok(v) => v.into_owned(),
        Err(_) => raw.into_owned(),
    }
}

/// Text of an XML text node or entity reference.
fn push_xml_text(event: &Event<'_>, out: &mut String) {
    match event {
        Event::Text(t) => {
            if let Ok(s) = t.decode() {
                out.push_str(&s);
            }
        }
        Event::CData(t) => {
            if let Ok(s) = t.decode() {
                out.push_str(&s);
            }
        }
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                out.push(c);
            } else if let Ok(name) = r.decode() {
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
        }
        _ => {}
    }
}

fn read_xlsx(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Table, ManifestError> {
    let corrupt = |cause: String| ManifestError::new(path, ManifestErrorKind::Corrupt { cause });
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let Some(workbook) = read_member(path, &mut zip, "xl/workbook.xml", limits)? else {
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
    };
    let (first_sheet_rel, date1904) = first_sheet(&workbook);
    let mut sheet_path = "xl/worksheets/sheet1.xml".to_string();
    if let (Some(rid), Some(rels)) = (
        first_sheet_rel,
        read_member(path, &mut zip, "xl/_rels/workbook.xml.rels", limits)?,
    ) && let Some(target) = relationship_target(&rels, &rid)
    {
        sheet_path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
    }
    let shared = match read_member(path, &mut zip, "xl/sharedStrings.xml", limits)? {
        Some(xml) => shared_strings(&xml),
        None => Vec::new(),
    };
    let sheet = read_member(path, &mut zip, &sheet_path, limits)?
        .ok_or_else(|| corrupt(format!("{sheet_path} missing")))?;
    let mut table = sheet_rows(&sheet, &shared).map_err(corrupt)?;
    table.date1904 = date1904;
    Ok(table)
}

/// The relationship id of the first `<sheet>` and whether dates count from 1904.
fn first_sheet(xml: &[u8]) -> (Option<String>, bool) {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut rid = None;
    let mut date1904 = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"workbookPr" => {
                    date1904 = matches!(attr(&e, b"date1904").as_deref(), Some("1" | "true"));
                }
                b"sheet" if rid.is_none() => {
                    rid = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"id")
                        .map(|a| attr_value(&a));
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    (rid, date1904)
}

fn relationship_target(xml: &[u8], rid: &str) -> Option<String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship"
                    && attr(&e, b"Id").as_deref() == Some(rid) =>
            {
                return attr(&e, b"Target");
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// `<si>` items in order; each is the text of its `<t>` elements, phonetic runs (`<rPh>`) left out.
fn shared_strings(xml: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    let mut in_phonetic = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match &event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => current = Some(String::new()),
                b"t" => in_t = true,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => out.extend(current.take()),
                b"t" => in_t = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            other if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    push_xml_text(other, s);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Column index (0-based) of a cell reference like "C7".
fn column_of(reference: &str) -> Option<usize> {
    let mut col = 0usize;
    let mut any = false;
    for b in reference.bytes() {
        if b.is_ascii_alphabetic() {
            col = col
                .checked_mul(26)?
                .checked_add((b.to_ascii_uppercase() - b'A') as usize + 1)?;
            any = true;
        } else {
            break;
        }
    }
    if any { Some(col - 1) } else { None }
}

fn sheet_rows(xml: &[u8], shared: &[String]) -> Result<Table, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut table = Table::default();
    let mut row: Option<(usize, Vec<Cell>)> = None;
    let mut next_row_number = 1usize;
    // The cell being read: column, type, value text.
    let mut cell: Option<(usize, String, String)> = None;
    let mut next_col = 0usize;
    let mut in_value = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("sheet XML: {e}")),
            Ok(e) => e,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"row" => {
                        let number = attr(e, b"r")
                            .and_then(|r| r.parse::<usize>().ok())
                            .unwrap_or(next_row_number);
                        next_row_number = number.saturating_add(1);
                        next_col = 0;
                        if !empty {
                            row = Some((number, Vec::new()));
                        }
                    }
                    b"c" => {
                        let col = attr(e, b"r")
                            .and_then(|r| column_of(&r))
                            .unwrap_or(next_col);
                        next_col = col.saturating_add(1);
                        let kind = attr(e, b"t").unwrap_or_default();
                        if !empty {
                            cell = Some((col, kind, String::new()));
                        }
                    }
                    b"v" | b"t" if cell.is_some() => in_value = !empty,
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    if let (Some((col, kind, raw)), Some((_, cells))) = (cell.take(), row.as_mut())
                        && col < MAX_COLUMNS
                    {
                        let value = cell_value(&kind, raw, shared);
                        if cells.len() <= col {
                            cells.resize(col + 1, Cell::default());
                        }
                        cells[col] = value;
                    }
                }
                b"row" => {
                    if let Some(r) = row.take() {
                        table.rows.push(r);
                        if table.rows.len() > MAX_ROWS {
                            return Err(format!("more than {MAX_ROWS} rows"));
                        }
                    }
                }
                _ => {}
            },
            other if in_value => {
                if let Some((_, _, raw)) = cell.as_mut() {
                    push_xml_text(other, raw);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(table)
}

fn cell_value(kind: &str, raw: String, shared: &[String]) -> Cell {
    match kind {
        "s" => Cell {
            text: raw
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| shared.get(i))
                .cloned()
                .unwrap_or_default(),
            number: None,
        },
        "b" => Cell {
            text: if raw.trim() == "1" { "TRUE" } else { "FALSE" }.into(),
            number: None,
        },
        "e" => Cell::default(),
        "str" | "inlineStr" => Cell {
            text: raw,
            number: None,
        },
        _ => match raw.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Cell {
                text: format_number(n),
                number: Some(n),
            },
            _ => Cell {
                text: raw,
                number: None,
            },
        },
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

// ---------------------------------------------------------------------------------------------
// Interpreting cells.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    File,
    Title,
    Authors,
    Kind,
    Unit,
    UnitKind,
    ReceivingPoint,
    Area,
    Submitted,
    PreviousContest,
    Phone,
    Address,
}

/// Accepted header names, already folded (lowercase, no diacritics, single spaces).
const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Id,
        &[
            "ma bai",
            "ma bai du thi",
            "ma so",
            "ma",
            "id",
            "entry id",
            "ma ho so",
        ],
    ),
    (
        Column::File,
        &[
            "tep",
            "tep tin",
            "ten tep",
            "duong dan",
            "file",
            "path",
            "tep bai du thi",
        ],
    ),
    (
        Column::Title,
        &[
            "ten bai",
            "ten bai du thi",
            "ten y tuong",
            "ten giai phap",
            "ten y tuong giai phap",
            "tieu de",
            "title",
        ],
    ),
    (
        Column::Authors,
        &[
            "tac gia",
            "ho va ten",
            "ho ten",
            "authors",
            "author",
            "tac gia nhom tac gia",
        ],
    ),
    (
        Column::Kind,
        &[
            "hinh thuc",
            "ca nhan nhom",
            "loai",
            "loai bai",
            "loai tac gia",
            "kind",
            "hinh thuc du thi",
        ],
    ),
    (
        Column::Unit,
        &["don vi", "don vi cong tac", "co quan", "unit"],
    ),
    (
        Column::UnitKind,
        &["loai don vi", "cap don vi", "unit kind", "unit type"],
    ),
    (
        Column::ReceivingPoint,
        &[
            "dau moi tiep nhan",
            "dau moi",
            "noi tiep nhan",
            "receiving point",
        ],
    ),
    (
        Column::Area,
        &["noi dung", "linh vuc", "nhom noi dung", "area"],
    ),
    (
        Column::Submitted,
        &[
            "ngay nop",
            "ngay gui",
            "ngay tiep nhan",
            "submitted",
            "date",
            "ngay",
        ],
    ),
    (
        Column::PreviousContest,
        &[
            "cuoc thi da tham gia",
            "cuoc thi truoc",
            "da du thi",
            "previous contest",
            "cuoc thi da du",
        ],
    ),
    (
        Column::Phone,
        &["so dien thoai", "dien thoai", "sdt", "phone", "dt"],
    ),
    (Column::Address, &["dia chi", "address"]),
];

/// Fold a header: drop a trailing "(…)" note, diacritics, case, punctuation.
fn header_key(h: &str) -> String {
    let h = h.split('(').next().unwrap_or(h);
    let folded = normalize::fold_key(h);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn column_for(header: &str) -> Option<Column> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(c, _)| *c)
}

fn is_comment_or_empty(cells: &[Cell]) -> bool {
    match cells.iter().find(|c| !c.text.trim().is_empty()) {
        None => true,
        Some(c) => c.text.trim_start().starts_with('#'),
    }
}

fn clean(s: &str) -> Option<String> {
    let t = normalize::nfc(s.trim());
    if t.is_empty() { None } else { Some(t) }
}

fn words(s: &str) -> Vec<String> {
    header_key(s).split(' ').map(str::to_string).collect()
}

fn parse_kind(v: &str) -> Option<EntryKind> {
    let w = words(v);
    let has = |x: &str| w.iter().any(|t| t == x);
    if has("nhom") || has("group") || has("tap") {
        Some(EntryKind::Group)
    } else if has("ca") || has("individual") || has("canhan") {
        Some(EntryKind::Individual)
    } else {
        None
    }
}

/// The profile's unit-kind name (`department`, `district`, `commune`, `social-organization`,
/// `central-agency`) for what people write ("Sở, ban, ngành", "UBND cấp huyện", "huyen").
pub fn parse_unit_kind(v: &str) -> Option<&'static str> {
    let w = words(v);
    let has = |x: &str| w.iter().any(|t| t == x);
    let joined = w.join(" ");
    if has("huyen") || has("district") || joined.contains("thi xa") || joined.contains("thanh pho")
    {
        Some("district")
    } else if joined.contains("chinh tri") || joined.contains("xa hoi") || has("social") {
        Some("social-organization")
    } else if joined.contains("trung uong") || has("central") {
        Some("central-agency")
    } else if has("xa") || has("phuong") || joined.contains("thi tran") || has("commune") {
        Some("commune")
    } else if has("so") || has("ban") || has("nganh") || has("department") {
        Some("department")
    } else {
        None
    }
}

fn parse_area(v: &str) -> Option<&'static str> {
    let t = normalize::nfc(v.trim()).to_lowercase();
    let t = t.trim_end_matches([')', '.']).trim();
    let t = t
        .strip_prefix("nội dung")
        .or_else(|| t.strip_prefix("noi dung"))
        .unwrap_or(t)
        .trim();
    Some(match t {
        "a" => "a",
        "b" => "b",
        "c" => "c",
        "d" => "d",
        "đ" | "dd" => "đ",
        "e" => "e",
        "g" => "g",
        "h" => "h",
        _ => return None,
    })
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn iso(y: i64, m: u32, d: u32) -> Option<String> {
    if (1900..=2999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
        Some(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        None
    }
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`), to ISO.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    // Spreadsheet programs often append a time: "2025-07-01 00:00:00".
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| -> Option<i64> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return None;
    };
    iso(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// A spreadsheet date serial (days; 1900 system with its phantom 29 Feb 1900, or 1904) to ISO.
fn date_from_serial(serial: f64, date1904: bool) -> Option<String> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as i64;
    // Days since 1970-01-01 of the serial's date.
    let days = if date1904 {
        whole - 24_107
    } else if whole >= 61 {
        whole - 25_569
    } else {
        whole - 25_568
    };
    let (y, m, d) = civil_from_days(days);
    iso(y, m, d)
}

/// Gregorian date of a day count from 1970-01-01 (the well-known era-based conversion).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Read a manifest (CSV or XLSX) with the default limits.
pub fn read_manifest(path: &Path) -> Result<Manifest, ManifestError> {
    read_manifest_with(path, &Limits::default())
}

pub fn read_manifest_with(path: &Path, limits: &Limits) -> Result<Manifest, ManifestError> {
    let table = read_table(path, limits)?;
    manifest_from_table(path, table)
}

fn manifest_from_table(path: &Path, table: Table) -> Result<Manifest, ManifestError> {
    let mut rows = table.rows.into_iter();
    // The header is the first row that is not empty or a comment.
    let (columns, header_names) = loop {
        let Some((_, cells)) = rows.next() else {
            return Err(ManifestError::new(
                path,
                ManifestErrorKind::MissingColumn {
                    expected: "\"Mã bài\" (id) / \"Tệp\" (file)".into(),
                },
            ));
        };
        if is_comment_or_empty(&cells) {
            continue;
        }
        let columns: Vec<Option<Column>> = cells.iter().map(|c| column_for(&c.text)).collect();
        let names: Vec<String> = cells.iter().map(|c| c.text.trim().to_string()).collect();
        break (columns, names);
    };
    if !columns
        .iter()
        .any(|c| matches!(c, Some(Column::Id) | Some(Column::File)))
    {
        return Err(ManifestError::new(
            path,
            ManifestErrorKind::MissingColumn {
                expected: "\"Mã bài\" (id) / \"Tệp\" (file)".into(),
            },
        ));
    }
    let mut out = Manifest::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, cells) in rows {
        if is_comment_or_empty(&cells) {
            continue;
        }
        let mut row = ManifestRow {
            line,
            ..ManifestRow::default()
        };
        for (i, cell) in cells.iter().enumerate() {
            let Some(Some(column)) = columns.get(i) else {
                continue;
            };
            let header = header_names.get(i).map(String::as_str);
            let bad = |expected: &str| {
                ManifestError::new(
                    path,
                    ManifestErrorKind::BadValue {
                        value: cell.text.trim().to_string(),
                        expected: expected.to_string(),
                    },
                )
                .at(line, header)
            };
            let Some(value) = clean(&cell.text) else {
                continue;
            };
            match column {
                Column::Id => row.id = value,
                Column::File => row.file = Some(value),
                Column::Title => row.title = Some(value),
                Column::Authors => {
                    row.authors = value.split([';', '\n']).filter_map(clean).collect();
                }
                Column::Kind => {
                    row.kind = Some(
                        parse_kind(&value)
                            .ok_or_else(|| bad("\"cá nhân\" (individual) / \"nhóm\" (group)"))?,
                    )
                }
                Column::Unit => row.unit = Some(value),
                Column::UnitKind => {
                    row.unit_kind = Some(
                        parse_unit_kind(&value)
                            .ok_or_else(|| {
                                bad("\"sở, ban, ngành\" / \"UBND cấp huyện\" / \"UBND cấp xã\"")
                            })?
                            .to_string(),
                    )
                }
                Column::ReceivingPoint => row.receiving_point = Some(value),
                Column::Area => {
                    row.area = Some(
                        parse_area(&value)
                            .ok_or_else(|| bad("a, b, c, d, đ (dd), e, g, h"))?
                            .to_string(),
                    )
                }
                Column::Submitted => {
                    let date = match cell.number {
                        Some(serial) => date_from_serial(serial, table.date1904),
                        None => parse_date(&value),
                    };
                    row.submitted = Some(date.ok_or_else(|| bad("YYYY-MM-DD / DD/MM/YYYY"))?);
                }
                Column::PreviousContest => row.previous_contest = Some(value),
                Column::Phone => {
                    // A phone typed into a number cell loses its leading zero (912345678).
                    let phone = match cell.number {
                        Some(_) if value.len() == 9 => format!("0{value}"),
                        _ => value,
                    };
                    row.phone = Some(phone);
                }
                Column::Address => row.address = Some(value),
            }
        }
        if row.id.is_empty() {
            match &row.file {
                Some(file) => row.id = file.clone(),
                None => {
                    return Err(
                        ManifestError::new(path, ManifestErrorKind::MissingValue).at(line, None)
                    );
                }
            }
        }
        let key = normalize::comparison_form(&row.id);
        if let Some(&first_line) = seen.get(&key) {
            let id_header = columns
                .iter()
                .position(|c| *c == Some(Column::Id))
                .and_then(|i| header_names.get(i))
                .map(String::as_str);
            return Err(ManifestError::new(
                path,
                ManifestErrorKind::DuplicateId {
                    id: row.id.clone(),
                    first_line,
                },
            )
            .at(line, id_header));
        }
        seen.insert(key, line);
        out.rows.push(row);
    }
    Ok(out)
}

/// Read the list of persons who may not enter: a CSV/XLSX with "Họ và tên" and "Vai trò"
/// columns (header optional; without one the first column is the name, the second the role),
/// or a plain list with one name per line. Lines starting with `#` are comments.
pub fn read_excluded_persons(path: &Path) -> Result<Vec<ExcludedPerson>, ManifestError> {
    let table = read_table(path, &Limits::default())?;
    let mut rows = table
        .rows
        .into_iter()
        .filter(|(_, cells)| !is_comment_or_empty(cells))
        .peekable();
    let (mut name_col, mut role_col) = (0usize, Some(1usize));
    if let Some((_, first)) = rows.peek() {
        let keys: Vec<String> = first.iter().map(|c| header_key(&c.text)).collect();
        let name_at = keys.iter().position(|k| {
            matches!(
                k.as_str(),
                "ho va ten" | "ho ten" | "ten" | "name" | "full name" | "thanh vien"
            )
        });
        if let Some(n) = name_at {
            name_col = n;
            role_col = keys.iter().position(|k| {
                matches!(
                    k.as_str(),
                    "vai tro" | "chuc vu" | "role" | "thanh phan" | "chuc danh"
                )
            });
            rows.next();
        }
    }
    Ok(rows
        .filter_map(|(_, cells)| {
            let name = clean(&cells.get(name_col)?.text)?;
            let role = role_col
                .and_then(|r| cells.get(r))
                .and_then(|c| clean(&c.text))
                .unwrap_or_default();
            Some(ExcludedPerson { name, role })
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The empty template.

/// The template's columns: header, then what to write in it (Vietnamese, for the secretary).
pub const TEMPLATE_COLUMNS: [(&str, &str); 13] = [
    (
        "Mã bài",
        "Mã riêng của bài, ví dụ LS-001 (bắt buộc nếu bỏ trống cột Tệp)",
    ),
    (
        "Tệp",
        "Đường dẫn tệp bài trong thư mục bài dự thi, ví dụ so-noi-vu/bai-01.docx",
    ),
    ("Tên bài dự thi", "Tên ý tưởng, giải pháp"),
    (
        "Tác giả",
        "Họ và tên; nhiều tác giả cách nhau bởi dấu chấm phẩy (;)",
    ),
    ("Hình thức", "cá nhân hoặc nhóm (nhóm: từ 02 người trở lên)"),
    ("Đơn vị", "Cơ quan, đơn vị công tác"),
    (
        "Loại đơn vị",
        "sở, ban, ngành / UBND cấp huyện / UBND cấp xã",
    ),
    (
        "Đầu mối tiếp nhận",
        "Nơi nhận bài; mỗi bài chỉ gửi một đầu mối",
    ),
    ("Nội dung", "Một chữ cái: a, b, c, d, đ (hoặc dd), e, g, h"),
    ("Ngày nộp", "YYYY-MM-DD hoặc DD/MM/YYYY"),
    (
        "Cuộc thi đã tham gia",
        "Tên cuộc thi bài đã dự mà không đạt giải (nếu có)",
    ),
    ("Số điện thoại", "Của tác giả hoặc người đại diện nhóm"),
    ("Địa chỉ", "Của tác giả hoặc người đại diện nhóm"),
];

/// The CSV template: UTF-8 with a BOM (so Excel shows Vietnamese), the header row and a
/// comment row explaining each column.
pub fn template_csv() -> Vec<u8> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let header: Vec<String> = TEMPLATE_COLUMNS.iter().map(|(h, _)| quote(h)).collect();
    let help: Vec<String> = TEMPLATE_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, d))| {
            quote(&if i == 0 {
                format!("# {d}")
            } else {
                d.to_string()
            })
        })
        .collect();
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend_from_slice(header.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(help.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

/// The XLSX template: bold header, the explanation row in italics (starting with `#`, so it
/// is skipped when read back), columns wide enough to read, the header rows frozen.
pub fn template_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách bài dự thi")?;
    let bold = Format::new().set_bold();
    let italic = Format::new().set_italic().set_text_wrap();
    for (i, (header, help)) in TEMPLATE_COLUMNS.iter().enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(0, col, *header, &bold)?;
        let help = if i == 0 {
            format!("# {help}")
        } else {
            help.to_string()
        };
        sheet.write_string_with_format(1, col, help, &italic)?;
        sheet.set_column_width(col, 24)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<Manifest, ManifestError> {
        let path = Path::new("ds.csv");
        manifest_from_table(path, parse_csv(path, text)?)
    }

    #[test]
    fn csv_with_semicolons_quotes_and_comments() {
        let m = csv("Mã bài;Tên bài dự thi;Tác giả;Ngày nộp\r\n\
                     # giải thích;;;\r\n\
                     LS-01;\"Một cửa; liên thông\";\"Nguyễn Văn A; Trần Thị B \";01/07/2025\r\n\
                     \r\n\
                     LS-02;\"Nói \"\"không\"\" với giấy\";Lê C;2025-07-02\r\n")
        .unwrap();
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.rows[0].line, 3);
        assert_eq!(m.rows[0].title.as_deref(), Some("Một cửa; liên thông"));
        assert_eq!(m.rows[0].authors, ["Nguyễn Văn A", "Trần Thị B"]);
        assert_eq!(m.rows[0].submitted.as_deref(), Some("2025-07-01"));
        assert_eq!(m.rows[1].line, 5);
        assert_eq!(m.rows[1].title.as_deref(), Some("Nói \"không\" với giấy"));
    }

    #[test]
    fn bad_values_name_line_and_column() {
        let e = csv("ma_bai,noi_dung\nA1,c\nA2,k\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.column.as_deref(), Some("noi_dung"));
        assert_eq!(e.code(), "bad-value");
        assert!(e.message(Lang::Vi).contains("dòng 3"));
        let e = csv("id,file\nA1,a.docx\na1,b.docx\n").unwrap_err();
        assert_eq!(
            e.kind,
            ManifestErrorKind::DuplicateId {
                id: "a1".into(),
                first_line: 2
            }
        );
        let e = csv("title,authors\nX,Y\n").unwrap_err();
        assert_eq!(e.code(), "missing-column");
        let e = csv("id,title\n\"open,x\n").unwrap_err();
        assert_eq!(e.code(), "corrupt");
    }

    #[test]
    fn values_are_interpreted() {
        assert_eq!(parse_kind("Cá nhân"), Some(EntryKind::Individual));
        assert_eq!(parse_kind("NHÓM tác giả"), Some(EntryKind::Group));
        assert_eq!(parse_kind("group"), Some(EntryKind::Group));
        assert_eq!(parse_unit_kind("Sở, ban, ngành"), Some("department"));
        assert_eq!(parse_unit_kind("UBND cấp huyện"), Some("district"));
        assert_eq!(parse_unit_kind("UBND cấp xã"), Some("commune"));
        assert_eq!(
            parse_unit_kind("Tổ chức chính trị - xã hội"),
            Some("social-organization")
        );
        assert_eq!(parse_area("đ"), Some("đ"));
        assert_eq!(parse_area("DD"), Some("đ"));
        assert_eq!(parse_area("c)"), Some("c"));
        assert_eq!(parse_area("Nội dung g"), Some("g"));
        assert_eq!(parse_area("f"), None);
        assert_eq!(parse_date("1/7/2025").as_deref(), Some("2025-07-01"));
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("31/04/2025"), None);
        assert_eq!(parse_date("hôm qua"), None);
    }

    #[test]
    fn spreadsheet_serials_become_dates() {
        // 45839 is 2025-07-01 in the 1900 system; 60 is Excel's phantom 1900-02-29.
        assert_eq!(
            date_from_serial(45_839.0, false).as_deref(),
            Some("2025-07-01")
        );
        assert_eq!(date_from_serial(1.0, false).as_deref(), Some("1900-01-01"));
        assert_eq!(date_from_serial(61.0, false).as_deref(), Some("1900-03-01"));
        assert_eq!(
            date_from_serial(44_377.0, true).as_deref(),
            Some("2025-07-01")
        );
        assert_eq!(date_from_serial(-3.0, false), None);
    }

    #[test]
    fn headers_fold() {
        assert_eq!(column_for("MÃ BÀI (bắt buộc)"), Some(Column::Id));
        assert_eq!(column_for("ma_bai"), Some(Column::Id));
        assert_eq!(column_for("Số điện thoại"), Some(Column::Phone));
        assert_eq!(
            column_for("Đầu mối tiếp nhận"),
            Some(Column::ReceivingPoint)
        );
        assert_eq!(column_for("Ghi chú"), None);
        for (h, _) in TEMPLATE_COLUMNS {
            assert!(column_for(h).is_some(), "{h}");
        }
    }

    #[test]
    fn template_reads_back_as_an_empty_manifest() {
        let path = Path::new("mau.csv");
        let t = table_from_bytes(path, &template_csv(), &Limits::default()).unwrap();
        assert_eq!(manifest_from_table(path, t).unwrap().rows.len(), 0);
        let xlsx = template_xlsx().unwrap();
        let t = table_from_bytes(Path::new("mau.xlsx"), &xlsx, &Limits::default()).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].1[2].text, "Tên bài dự thi");
        assert_eq!(manifest_from_table(path, t).unwrap().rows.len(), 0);
    }

    fn zip_with(members: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
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
        // Absurd cell references and row numbers stay bounded.
        let sheet = format!(
            "<worksheet><sheetData><row r=\"{}\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c>\
             <c r=\"{}1\"><v>1</v></c><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
            usize::MAX,
            "Z".repeat(40)
        );
        let odd = zip_with(&[
            ("xl/workbook.xml", workbook),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ]);
        let t = table_from_bytes(path, &odd, &Limits::default()).unwrap();
        assert_eq!(t.rows.len(), 1);
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
            let path = Path::new("r.csv");
            if let Ok(t) = table_from_bytes(path, &bytes, &Limits::default()) {
                let _ = manifest_from_table(path, t);
            }
        }
    }

    #[test]
    fn entries_are_found_by_path() {
        let m = csv("tep,id\nSo-Noi-Vu\\bai-01.docx,A\nhuyen-x/bai-02,B\n").unwrap();
        assert_eq!(
            m.row_for_entry("so-noi-vu/bai-01.docx")
                .map(|r| r.id.as_str()),
            Some("A")
        );
        assert_eq!(
            m.row_for_entry("huyen-x/bai-02").map(|r| r.id.as_str()),
            Some("B")
        );
        assert!(m.row_for_entry("huyen-x/bai-03.docx").is_none());
        assert_eq!(m.by_id("b").map(|r| r.line), Some(3));
    }
}
