//! Units as a tree: the units a contest expects entries from (`units.csv`) and every unit an
//! entry names, each with its kind and the unit it belongs to.
//!
//! Quotas need the tree: Lạng Sơn III.4.b counts a district's entries "gồm cả bài dự thi của
//! UBND cấp xã" (a commune's entries count for its district), and Hưng Yên II.5 counts "mỗi
//! phòng chuyên môn nghiệp vụ, đơn vị thuộc Ban" (divisions under the Ban).
//!
//! `units.csv` columns (header optional; without one: name, kind, parent): "Đơn vị" (the
//! name), "Loại đơn vị" (its kind, else read from the name), "Thuộc" (the unit it belongs
//! to, else read from the name: "UBND xã Thạch Đạn, huyện Cao Lộc" belongs to "UBND huyện Cao
//! Lộc"; a division named without a place belongs to the agency running the contest). A row
//! whose kind neither cell nor name says is kept without a kind and reported, naming the row.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::error::{ManifestError, ManifestErrorKind};
use super::table::{MAX_ROWS, read_table};
use super::unit_kind::{UnitKind, parse_kind_words, parse_unit_name, unit_key};
use super::{clean, is_comment_or_empty};
use crate::limits::Limits;
use crate::normalize;

/// One row of `units.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedUnit {
    pub line: usize,
    pub unit: String,
    pub unit_kind: Option<UnitKind>,
    /// The unit it belongs to, when the row says so.
    pub parent: Option<String>,
}

/// `units.csv` as read, with the rows that could not be placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitsList {
    pub units: Vec<ExpectedUnit>,
    pub problems: Vec<ManifestError>,
}

/// Read `units.csv` (CSV or XLSX) under `limits`.
pub fn read_units(path: &Path, limits: &Limits) -> Result<UnitsList, ManifestError> {
    let table = read_table(path, limits)?;
    let mut out = UnitsList::default();
    let (mut name_col, mut kind_col, mut parent_col) = (0usize, Some(1usize), Some(2usize));
    let mut kind_header: Option<String> = None;
    let mut first = true;
    for (line, cells) in table.rows {
        if is_comment_or_empty(&cells) {
            continue;
        }
        if first {
            first = false;
            let keys: Vec<String> = cells
                .iter()
                .map(|c| super::columns::header_key(&c.text))
                .collect();
            let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
            if let Some(n) = find(&["don vi", "ten don vi", "co quan", "unit", "name"]) {
                name_col = n;
                kind_col = find(&["loai don vi", "cap don vi", "loai", "unit kind", "kind"]);
                parent_col = find(&["thuoc", "don vi cap tren", "truc thuoc", "parent"]);
                kind_header = kind_col.and_then(|k| cells.get(k)).map(|c| c.text.clone());
                continue;
            }
        }
        let cell = |col: Option<usize>| col.and_then(|c| cells.get(c)).and_then(|c| clean(&c.text));
        let Some(unit) = cell(Some(name_col)) else {
            continue;
        };
        let from_name = parse_unit_name(&unit);
        let kind_cell = cell(kind_col);
        let mut kind = None;
        if let Some(k) = &kind_cell {
            kind = parse_kind_words(k);
            if kind.is_none() {
                out.problems.push(
                    ManifestError::new(
                        path,
                        ManifestErrorKind::BadValue {
                            value: k.clone(),
                            expected: super::unit_kind::KIND_WORDS_HELP.into(),
                        },
                    )
                    .at(line, kind_header.as_deref().or(Some("Loại đơn vị"))),
                );
            }
        }
        let kind = kind.or_else(|| from_name.as_ref().map(|n| n.kind));
        if kind.is_none() && kind_cell.is_none() {
            out.problems.push(
                ManifestError::new(path, ManifestErrorKind::UnplacedUnit { unit: unit.clone() })
                    .at(line, None),
            );
        }
        let parent = cell(parent_col).or_else(|| from_name.and_then(|n| n.parent));
        out.units.push(ExpectedUnit {
            line,
            unit,
            unit_kind: kind,
            parent,
        });
    }
    if let Some(line) = table.truncated_at {
        out.problems.push(
            ManifestError::new(path, ManifestErrorKind::TooManyRows { limit: MAX_ROWS })
                .at(line, None),
        );
    }
    Ok(out)
}

/// One unit in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The first spelling seen.
    pub name: String,
    pub kind: Option<UnitKind>,
    /// Index of the unit it belongs to.
    pub parent: Option<usize>,
    /// Listed in `units.csv`: expected to send entries (a unit with none owes a letter).
    pub expected: bool,
}

/// Units and what they belong to. Spellings of one unit are joined by
/// [`unit_key`](super::unit_key) ("Sở Tư pháp tỉnh Lạng Sơn" = "Sở Tư pháp").
#[derive(Debug, Clone, Default)]
pub struct UnitTree {
    units: Vec<Unit>,
    by_key: HashMap<String, usize>,
    /// The agency running the contest: the parent of divisions named without a place.
    agency: Option<usize>,
}

/// Deepest chain followed (a cycle in `units.csv` must not loop).
const MAX_DEPTH: usize = 8;

impl UnitTree {
    /// A tree of the expected units; `agency` (the organizer, e.g. "Ban Quản lý các khu công
    /// nghiệp tỉnh Hưng Yên") is the parent of divisions named without a place.
    pub fn new(expected: &[ExpectedUnit], agency: Option<&str>) -> UnitTree {
        let mut tree = UnitTree::default();
        if let Some(a) = agency.filter(|a| !a.trim().is_empty()) {
            let i = tree.insert(a, Some(UnitKind::Department), false);
            tree.agency = Some(i);
        }
        for u in expected {
            let i = tree.insert(&u.unit, u.unit_kind, true);
            tree.units[i].expected = true;
            if tree.units[i].kind.is_none() {
                tree.units[i].kind = u.unit_kind;
            }
        }
        for u in expected {
            let Some(i) = tree.find(&u.unit) else {
                continue;
            };
            let parent = match &u.parent {
                Some(p) => Some(tree.place(p, None)),
                None => tree.default_parent(i),
            };
            if parent != Some(i) {
                tree.units[i].parent = parent.or(tree.units[i].parent);
            }
        }
        tree
    }

    fn insert(&mut self, name: &str, kind: Option<UnitKind>, expected: bool) -> usize {
        let key = unit_key(name);
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.units.len();
        self.units.push(Unit {
            name: normalize::nfc(name.trim()),
            kind,
            parent: None,
            expected,
        });
        self.by_key.insert(key, i);
        i
    }

    fn default_parent(&mut self, i: usize) -> Option<usize> {
        let name = self.units[i].name.clone();
        match parse_unit_name(&name) {
            Some(n) => match n.parent {
                Some(p) => Some(self.place(&p, Some(UnitKind::District))),
                None if n.kind == UnitKind::InternalDivision => self.agency,
                None => None,
            },
            None if self.units[i].kind == Some(UnitKind::InternalDivision) => self.agency,
            None => None,
        }
    }

    /// The unit a name refers to, if known.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_key.get(&unit_key(name)).copied()
    }

    /// The unit a name refers to, added (with the kind and parent its name gives, or `kind`)
    /// when not yet known.
    pub fn place(&mut self, name: &str, kind: Option<UnitKind>) -> usize {
        if let Some(i) = self.find(name) {
            if self.units[i].kind.is_none() {
                self.units[i].kind = kind.or_else(|| parse_unit_name(name).map(|n| n.kind));
            }
            return i;
        }
        let parsed = parse_unit_name(name);
        let i = self.insert(name, kind.or(parsed.as_ref().map(|n| n.kind)), false);
        let parent = self.default_parent(i);
        if parent != Some(i) {
            self.units[i].parent = parent;
        }
        i
    }

    pub fn get(&self, i: usize) -> Option<&Unit> {
        self.units.get(i)
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The units above `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.units.get(i).and_then(|u| u.parent);
        while let Some(p) = at {
            if out.contains(&p) || p == i || out.len() >= MAX_DEPTH {
                break;
            }
            out.push(p);
            at = self.units.get(p).and_then(|u| u.parent);
        }
        out
    }

    /// `i` is `ancestor` or below it.
    pub fn is_within(&self, i: usize, ancestor: usize) -> bool {
        i == ancestor || self.ancestors(i).contains(&ancestor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> std::path::PathBuf {
        let path = dir.join("units.csv");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn units_file_with_header_kinds_parents_and_an_unplaceable_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "\u{feff}Đơn vị,Loại đơn vị,Thuộc\nSở Tư pháp,\"sở, ban, ngành\",\n\
             UBND huyện Cao Lộc,huyen,\nUBND xã Thạch Đạn,,UBND huyện Cao Lộc\n\
             # ghi chú\nTrường THPT Việt Bắc,,\nPhòng Quản lý đầu tư,Phòng chuyên môn,\n",
        );
        let list = read_units(&path, &Limits::default()).unwrap();
        assert_eq!(list.units.len(), 5);
        assert_eq!(list.units[0].unit_kind, Some(UnitKind::Department));
        assert_eq!(list.units[1].unit_kind, Some(UnitKind::District));
        assert_eq!(list.units[2].unit_kind, Some(UnitKind::Commune));
        assert_eq!(list.units[2].parent.as_deref(), Some("UBND huyện Cao Lộc"));
        assert_eq!(list.units[3].unit_kind, None);
        assert_eq!(list.units[4].unit_kind, Some(UnitKind::InternalDivision));
        assert_eq!(list.problems.len(), 1);
        let p = &list.problems[0];
        assert_eq!(p.line, Some(6));
        assert_eq!(p.code(), "unplaced-unit");
        assert!(
            p.message(crate::lang::Lang::Vi).contains(
                "units.csv, dòng 6: không xác định được loại đơn vị của \"Trường THPT Việt Bắc\""
            ),
            "{}",
            p.message(crate::lang::Lang::Vi)
        );
    }

    #[test]
    fn tree_places_communes_under_districts_and_divisions_under_the_agency() {
        let expected = vec![
            ExpectedUnit {
                line: 2,
                unit: "UBND huyện Cao Lộc".into(),
                unit_kind: Some(UnitKind::District),
                parent: None,
            },
            ExpectedUnit {
                line: 3,
                unit: "Phòng Quản lý doanh nghiệp".into(),
                unit_kind: Some(UnitKind::InternalDivision),
                parent: None,
            },
        ];
        let mut t = UnitTree::new(
            &expected,
            Some("Ban Quản lý các khu công nghiệp tỉnh Hưng Yên"),
        );
        let district = t.find("Ủy ban nhân dân huyện Cao Lộc").unwrap();
        let commune = t.place("UBND xã Thạch Đạn, huyện Cao Lộc", None);
        assert_eq!(t.get(commune).unwrap().kind, Some(UnitKind::Commune));
        assert!(t.is_within(commune, district));
        let division = t.find("Phòng Quản lý doanh nghiệp").unwrap();
        let ban = t
            .find("Ban Quản lý các khu công nghiệp tỉnh Hưng Yên")
            .unwrap();
        assert_eq!(t.ancestors(division), [ban]);
        // A new commune spelled without the district is not placed under it.
        let lone = t.place("UBND xã Hợp Thành", None);
        assert!(!t.is_within(lone, district));
    }
}
