//! `council.toml` in the contest folder, written from the council page so the screening run
//! (and the minutes) name the council. The layout follows `soloai council-template`.

use std::path::Path;

use crate::serve::db::Council;

/// Read a council file (as `soloai council-template` writes it, or as uploaded). Fields this
/// server does not edit (the scoring sitting, conflicts, attendance) are kept in the file
/// until the council form is saved.
pub fn parse(text: &str) -> Result<Council, String> {
    toml::from_str(text).map_err(|e| e.message().to_string())
}

/// Write (or, for an empty council, remove) `input/council.toml`.
pub fn write(input: &Path, council: &Council) -> std::io::Result<()> {
    let path = input.join("council.toml");
    let empty = council.members.is_empty()
        && council.unit.is_empty()
        && council.name.is_empty()
        && council.place.is_empty();
    if empty {
        if path.is_file() {
            std::fs::remove_file(&path)?;
        }
        return Ok(());
    }
    std::fs::create_dir_all(input)?;
    crate::screen::cache::write_atomic(&path, render(council).as_bytes())
}

/// The TOML text: only fields the secretary filled in (an empty one is printed as dots).
pub fn render(council: &Council) -> String {
    let mut top = toml::Table::new();
    let put = |table: &mut toml::Table, key: &str, value: &str| {
        if !value.is_empty() {
            table.insert(key.into(), toml::Value::String(value.to_string()));
        }
    };
    put(&mut top, "unit", &council.unit);
    put(&mut top, "parent_unit", &council.parent_unit);
    put(&mut top, "name", &council.name);
    put(&mut top, "place", &council.place);
    let m = &council.screening;
    let mut screening = toml::Table::new();
    for (k, v) in [
        ("number", &m.number),
        ("symbol", &m.symbol),
        ("date", &m.date),
        ("start", &m.start),
        ("end", &m.end),
        ("venue", &m.venue),
    ] {
        put(&mut screening, k, v);
    }
    if !screening.is_empty() {
        top.insert("screening".into(), toml::Value::Table(screening));
    }
    let members: Vec<toml::Value> = council
        .members
        .iter()
        .map(|s| {
            let mut t = toml::Table::new();
            put(&mut t, "name", &s.name);
            put(&mut t, "position", &s.position);
            put(&mut t, "role", &s.role);
            toml::Value::Table(t)
        })
        .collect();
    if !members.is_empty() {
        top.insert("members".into(), toml::Value::Array(members));
    }
    format!(
        "# Ghi bởi soloai serve từ trang Hội đồng; sửa trên trang web, không sửa tệp này.\n{}",
        toml::to_string(&top).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::db::{CouncilSeat, Meeting};

    #[test]
    fn council_toml_has_the_template_layout() {
        let c = Council {
            unit: "UBND huyện Cao Lộc".into(),
            name: "Hội đồng sơ loại".into(),
            screening: Meeting {
                date: "2025-07-08".into(),
                ..Meeting::default()
            },
            members: vec![CouncilSeat {
                name: "Hoàng Văn Thắng".into(),
                position: "Phó Chủ tịch UBND huyện".into(),
                role: "chu-tich".into(),
                username: Some("thang".into()),
            }],
            ..Council::default()
        };
        let text = render(&c);
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["unit"].as_str(), Some("UBND huyện Cao Lộc"));
        assert_eq!(parsed["screening"]["date"].as_str(), Some("2025-07-08"));
        assert_eq!(parsed["members"][0]["role"].as_str(), Some("chu-tich"));
        assert!(!text.contains("thang"), "accounts stay on the server");
        assert!(!text.contains("parent_unit"));
        let back = parse(&text).unwrap();
        assert_eq!(back.members[0].name, "Hoàng Văn Thắng");
        assert_eq!(back.members[0].username, None);
        assert!(parse("members = 3").is_err());
    }
}
