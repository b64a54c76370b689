//! The list of persons who may not enter (thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp
//! việc …): Lạng Sơn II.1.a "(trừ các thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp việc cuộc
//! thi)". Read with the same table reader and limits as the manifest.

use std::path::Path;

use serde::Serialize;

use super::columns::header_key;
use super::error::ManifestError;
use super::table::read_table;
use super::{clean, is_comment_or_empty};
use crate::limits::Limits;

/// A person who may not enter (thành viên Ban Tổ chức, Ban Giám khảo, Tổ Thư ký …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedPerson {
    pub name: String,
    /// Their role as the list gives it ("Ban Giám khảo"); empty when the list has none.
    pub role: String,
}

/// Read the list of persons who may not enter: a CSV/XLSX with "Họ và tên" and "Vai trò"
/// columns (header optional; without one the first column is the name, the second the role),
/// or a plain list with one name per line. Lines starting with `#` are comments.
pub fn read_excluded_persons(path: &Path) -> Result<Vec<ExcludedPerson>, ManifestError> {
    read_excluded_persons_with(path, &Limits::default())
}

/// [`read_excluded_persons`] under the given limits.
pub fn read_excluded_persons_with(
    path: &Path,
    limits: &Limits,
) -> Result<Vec<ExcludedPerson>, ManifestError> {
    let table = read_table(path, limits)?;
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
