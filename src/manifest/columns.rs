//! The manifest's columns and the header names each accepts (see the table in the module
//! docs of `manifest`). Headers are matched folded: case, diacritics, underscores and a
//! trailing "(…)" note do not matter.

use serde::Serialize;

use crate::normalize;

/// A manifest column (field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
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
pub(crate) fn header_key(h: &str) -> String {
    let h = h.split('(').next().unwrap_or(h);
    let folded = normalize::fold_key(h);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn column_for(header: &str) -> Option<Column> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(c, _)| *c)
}
