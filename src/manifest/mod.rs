//! What the council is given besides the entries: the manifest (danh sách bài dự thi: what a
//! unit says about each entry it forwards), the units expected to send entries
//! (`units.csv`), and the persons who may not enter.
//!
//! | file | what |
//! |---|---|
//! | `table.rs` | CSV (`csv` crate) and XLSX (`calamine`) into rows of cells, under [`Limits`] and a row limit |
//! | `columns.rs` | the manifest's columns and the headers each accepts |
//! | `date.rs` | [`Date`]: dd/mm/yyyy, ISO and spreadsheet serials (on `jiff`) |
//! | `unit_kind.rs` | [`UnitKind`] and the one parser of unit names ("UBND xã … , huyện …", "Phòng …", "Sở …") |
//! | `units.rs` | `units.csv` and the [`UnitTree`] (commune → district, division → agency) |
//! | `excluded.rs` | the excluded-persons list |
//! | `template.rs` | `soloai manifest-template` |
//!
//! A bad row or cell never stops a run: the row is kept without the bad value (or left out
//! when it names no entry) and a [`ManifestError`] naming the file, row, column and cause is
//! kept in [`Manifest::problems`] and on the row, so the rule that needed the value says why
//! it cannot tell. Only a file that cannot be used at all (unreadable, not a table, no id or
//! file column) stops the run.
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
//! | `unit` | đơn vị, đơn vị công tác, cơ quan, unit | the author's work unit |
//! | `unit_kind` | loại đơn vị, cấp đơn vị, unit kind, unit type | sở, ban, ngành / UBND cấp huyện / UBND cấp xã / phòng chuyên môn / tổ chức chính trị - xã hội / cơ quan Trung ương |
//! | `receiving_point` | đầu mối tiếp nhận, đầu mối, nơi tiếp nhận, receiving point | the unit the entry was sent to |
//! | `area` | nội dung, lĩnh vực, nhóm nội dung, area | a, b, c, d, đ (or dd), e, g, h |
//! | `submitted` | ngày nộp, ngày gửi, ngày tiếp nhận, submitted, date | DD/MM/YYYY or YYYY-MM-DD; XLSX date cells |
//! | `previous_contest` | cuộc thi đã tham gia, cuộc thi trước, đã dự thi, previous contest | the earlier contest of a re-entry (then a revision statement is required) |
//! | `phone` | số điện thoại, điện thoại, sđt, phone | text (an XLSX number loses its leading 0; it is put back for 9-digit numbers) |
//! | `address` | địa chỉ, address | text |
//!
//! Values are NFC and trimmed; an empty cell is `None`. `area` is the plan's letter ("a" …
//! "đ" … "h").

mod columns;
mod date;
mod error;
mod excluded;
mod table;
mod template;
mod unit_kind;
mod units;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::limits::Limits;
use crate::normalize;

pub use columns::Column;
pub use date::{Date, find_dateline, parse_date};
pub use error::{ManifestError, ManifestErrorKind};
pub use excluded::{ExcludedPerson, read_excluded_persons, read_excluded_persons_with};
pub use table::{MAX_COLUMNS, MAX_ROWS};
pub use template::{TEMPLATE_COLUMNS, template_csv, template_xlsx};
pub use unit_kind::{
    KIND_WORDS_HELP, UnitKind, UnitName, parse_kind_words, parse_unit_name, unit_key,
};
pub use units::{ExpectedUnit, Unit, UnitTree, UnitsList, read_units};

use columns::{column_for, header_key};
use table::{Cell, Table, read_table};

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
    /// The author's work unit.
    pub unit: Option<String>,
    pub unit_kind: Option<UnitKind>,
    /// The unit the entry was sent to (đầu mối tiếp nhận).
    pub receiving_point: Option<String>,
    pub area: Option<String>,
    pub submitted: Option<Date>,
    /// The earlier contest the unit says the entry ran in (a declared re-entry).
    pub previous_contest: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// Cells of this row that could not be read (their field is left empty).
    #[serde(skip)]
    pub problems: Vec<ManifestError>,
}

impl ManifestRow {
    /// Why this row's value for `field` is missing, if a cell was there but unreadable.
    pub fn problem_with(&self, field: Column) -> Option<&ManifestError> {
        self.problems.iter().find(|p| p.field == Some(field))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub rows: Vec<ManifestRow>,
    /// Every row or cell that could not be read, in file order.
    #[serde(skip)]
    pub problems: Vec<ManifestError>,
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

pub(crate) fn is_comment_or_empty(cells: &[Cell]) -> bool {
    match cells.iter().find(|c| !c.text.trim().is_empty()) {
        None => true,
        Some(c) => c.text.trim_start().starts_with('#'),
    }
}

pub(crate) fn clean(s: &str) -> Option<String> {
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

/// Read a manifest (CSV or XLSX) with the default limits.
pub fn read_manifest(path: &Path) -> Result<Manifest, ManifestError> {
    read_manifest_with(path, &Limits::default())
}

pub fn read_manifest_with(path: &Path, limits: &Limits) -> Result<Manifest, ManifestError> {
    let table = read_table(path, limits)?;
    manifest_from_table(path, table)
}

fn manifest_from_table(path: &Path, table: Table) -> Result<Manifest, ManifestError> {
    let truncated_at = table.truncated_at;
    let mut rows = table.rows.into_iter();
    let missing_column = || {
        ManifestError::new(
            path,
            ManifestErrorKind::MissingColumn {
                expected: "\"Mã bài\" (id) / \"Tệp\" (file)".into(),
            },
        )
    };
    // The header is the first row that is not empty or a comment.
    let (columns, header_names) = loop {
        let Some((_, cells)) = rows.next() else {
            return Err(missing_column());
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
        return Err(missing_column());
    }
    let header_of = |column: Column| {
        columns
            .iter()
            .position(|c| *c == Some(column))
            .and_then(|i| header_names.get(i))
            .map(String::as_str)
    };
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
            let Some(value) = clean(&cell.text) else {
                continue;
            };
            if let Err(expected) = fill(&mut row, *column, value, cell) {
                row.problems.push(
                    ManifestError::new(
                        path,
                        ManifestErrorKind::BadValue {
                            value: cell.text.trim().to_string(),
                            expected: expected.to_string(),
                        },
                    )
                    .at(line, header_names.get(i).map(String::as_str))
                    .about(*column),
                );
            }
        }
        if row.id.is_empty() {
            match &row.file {
                Some(file) => row.id = file.clone(),
                None => {
                    // Nothing names the entry: the row cannot be used, the others can.
                    out.problems.push(
                        ManifestError::new(path, ManifestErrorKind::MissingValue).at(line, None),
                    );
                    out.problems.append(&mut row.problems);
                    continue;
                }
            }
        }
        let key = normalize::comparison_form(&row.id);
        if let Some(&first_line) = seen.get(&key) {
            // The second row keeps its file (it may still name an entry on disk); the screen
            // gives it a unique id.
            row.problems.push(
                ManifestError::new(
                    path,
                    ManifestErrorKind::DuplicateId {
                        id: row.id.clone(),
                        first_line,
                    },
                )
                .at(line, header_of(Column::Id))
                .about(Column::Id),
            );
        } else {
            seen.insert(key, line);
        }
        out.problems.extend(row.problems.iter().cloned());
        out.rows.push(row);
    }
    if let Some(line) = truncated_at {
        out.problems.push(
            ManifestError::new(
                path,
                ManifestErrorKind::TooManyRows {
                    limit: table::MAX_ROWS,
                },
            )
            .at(line, None),
        );
    }
    Ok(out)
}

/// Put one cell's value into the row; `Err(expected)` when the column does not accept it.
fn fill(
    row: &mut ManifestRow,
    column: Column,
    value: String,
    cell: &Cell,
) -> Result<(), &'static str> {
    match column {
        Column::Id => row.id = value,
        Column::File => row.file = Some(value),
        Column::Title => row.title = Some(value),
        Column::Authors => {
            row.authors = value.split([';', '\n']).filter_map(clean).collect();
        }
        Column::Kind => {
            row.kind =
                Some(parse_kind(&value).ok_or("\"cá nhân\" (individual) / \"nhóm\" (group)")?);
        }
        Column::Unit => row.unit = Some(value),
        Column::UnitKind => {
            row.unit_kind = Some(parse_kind_words(&value).ok_or(unit_kind::KIND_WORDS_HELP)?);
        }
        Column::ReceivingPoint => row.receiving_point = Some(value),
        Column::Area => {
            row.area = Some(
                parse_area(&value)
                    .ok_or("a, b, c, d, đ (dd), e, g, h")?
                    .to_string(),
            );
        }
        Column::Submitted => {
            let date = match (cell.date, cell.number) {
                (Some(d), _) => Some(d),
                (None, Some(serial)) => Date::from_serial(serial, false),
                (None, None) => Date::parse(&value),
            };
            row.submitted = Some(date.ok_or("DD/MM/YYYY / YYYY-MM-DD")?);
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<Manifest, ManifestError> {
        let path = Path::new("ds.csv");
        manifest_from_table(path, table::parse_csv(path, text)?)
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
        assert_eq!(
            m.rows[0].submitted.map(Date::iso).as_deref(),
            Some("2025-07-01")
        );
        assert_eq!(m.rows[1].line, 5);
        assert_eq!(m.rows[1].title.as_deref(), Some("Nói \"không\" với giấy"));
        assert!(m.problems.is_empty());
    }

    #[test]
    fn a_bad_row_is_a_finding_and_the_others_are_read() {
        let m =
            csv("ma_bai,noi_dung,ngay_nop\nA1,c,01/07/2025\nA2,k,32/13/2025\n,,\nA3,g,\n").unwrap();
        assert_eq!(m.rows.len(), 3);
        let a2 = &m.rows[1];
        assert_eq!(a2.area, None);
        assert_eq!(a2.submitted, None);
        let p = a2.problem_with(Column::Area).unwrap();
        assert_eq!(p.line, Some(3));
        assert_eq!(p.column.as_deref(), Some("noi_dung"));
        assert_eq!(p.code(), "bad-value");
        assert!(p.message(crate::lang::Lang::Vi).contains("dòng 3"));
        assert!(a2.problem_with(Column::Submitted).is_some());
        assert_eq!(m.problems.len(), 2);

        let m = csv("id,file\nA1,a.docx\na1,b.docx\n,\nx,\n").unwrap();
        assert_eq!(m.rows.len(), 3);
        assert_eq!(
            m.rows[1].problems[0].kind,
            ManifestErrorKind::DuplicateId {
                id: "a1".into(),
                first_line: 2
            }
        );
        let m = csv("id,title\n,only a title\nB,b\n").unwrap();
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.problems[0].code(), "missing-value");
        assert_eq!(m.problems[0].line, Some(2));
        assert_eq!(
            csv("title,authors\nX,Y\n").unwrap_err().code(),
            "missing-column"
        );
        assert_eq!(csv("id,title\n\"open,x\n").unwrap_err().code(), "corrupt");
    }

    #[test]
    fn too_many_rows_names_the_first_row_not_read() {
        let mut text = String::from("id\n");
        for i in 0..MAX_ROWS + 3 {
            text.push_str(&format!("E{i}\n"));
        }
        let m = csv(&text).unwrap();
        assert_eq!(m.rows.len(), MAX_ROWS - 1);
        let p = m.problems.last().unwrap();
        assert_eq!(p.code(), "too-many-rows");
        assert_eq!(p.line, Some(MAX_ROWS + 1));
        let msg = p.message(crate::lang::Lang::Vi);
        assert!(
            msg.contains("dòng 100001") && msg.contains("100.000 dòng"),
            "{msg}"
        );
    }

    #[test]
    fn values_are_interpreted() {
        assert_eq!(parse_kind("Cá nhân"), Some(EntryKind::Individual));
        assert_eq!(parse_kind("NHÓM tác giả"), Some(EntryKind::Group));
        assert_eq!(parse_kind("group"), Some(EntryKind::Group));
        assert_eq!(parse_area("đ"), Some("đ"));
        assert_eq!(parse_area("DD"), Some("đ"));
        assert_eq!(parse_area("c)"), Some("c"));
        assert_eq!(parse_area("Nội dung g"), Some("g"));
        assert_eq!(parse_area("f"), None);
        let m = csv("id,loai_don_vi\nA,Phòng chuyên môn\nB,\"Phòng, đơn vị thuộc Ban\"\n").unwrap();
        assert_eq!(m.rows[0].unit_kind, Some(UnitKind::InternalDivision));
        assert_eq!(m.rows[1].unit_kind, Some(UnitKind::InternalDivision));
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
        let t = table::table_from_bytes(path, &template_csv(), &Limits::default()).unwrap();
        assert_eq!(manifest_from_table(path, t).unwrap().rows.len(), 0);
        let xlsx = template_xlsx().unwrap();
        let t = table::table_from_bytes(Path::new("mau.xlsx"), &xlsx, &Limits::default()).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].1[2].text, "Tên bài dự thi");
        assert_eq!(manifest_from_table(path, t).unwrap().rows.len(), 0);
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
