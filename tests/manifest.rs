//! Manifests and excluded-person lists as units really send them: CSV with commas or
//! semicolons, with or without BOM, XLSX from LibreOffice and a hand-built one with inline
//! strings (fixtures/manifest/make.py), and the template the binary writes.

use std::path::PathBuf;
use std::process::Command;

use soloai::manifest::{
    Date, EntryKind, ExcludedPerson, ManifestErrorKind, ManifestRow, UnitKind,
    read_excluded_persons, read_manifest,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/manifest")
        .join(name)
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// The three entries every full-manifest fixture describes (line numbers aside).
fn expected_rows() -> Vec<ManifestRow> {
    vec![
        ManifestRow {
            line: 0,
            id: "LS-001".into(),
            file: s("so-noi-vu/bai-01.docx"),
            title: s("Số hoá hồ sơ một cửa"),
            authors: vec!["Nguyễn Văn An".into()],
            kind: Some(EntryKind::Individual),
            unit: s("Sở Nội vụ"),
            unit_kind: Some(UnitKind::Department),
            receiving_point: s("Sở Nội vụ"),
            area: s("c"),
            submitted: Date::parse("2025-07-01"),
            previous_contest: None,
            phone: s("0912345678"),
            address: s("Số 1, đường Lê Lợi"),
            problems: vec![],
        },
        ManifestRow {
            line: 0,
            id: "LS-002".into(),
            file: s("huyen-a/bai-02.pdf"),
            title: s("Tổ công nghệ số cộng đồng"),
            authors: vec!["Trần Thị Bình".into(), "Lê Văn Cường".into()],
            kind: Some(EntryKind::Group),
            unit: s("UBND huyện A"),
            unit_kind: Some(UnitKind::District),
            receiving_point: s("Văn phòng UBND tỉnh"),
            area: s("g"),
            submitted: Date::parse("2025-07-03"),
            previous_contest: s("Cuộc thi sáng kiến năm 2024"),
            phone: s("0987654321"),
            address: s("Thôn Đông, xã B"),
            problems: vec![],
        },
        ManifestRow {
            line: 0,
            id: "LS-003".into(),
            file: s("xa-b/bai-03.docx"),
            title: s("Chuẩn hoá biểu mẫu \"một lần\""),
            authors: vec!["Phạm Thuỳ Dung".into()],
            kind: Some(EntryKind::Individual),
            unit: s("UBND xã B"),
            unit_kind: Some(UnitKind::Commune),
            receiving_point: s("Sở Nội vụ"),
            area: s("đ"),
            submitted: Date::parse("2025-07-15"),
            previous_contest: None,
            phone: None,
            address: None,
            problems: vec![],
        },
    ]
}

fn check(name: &str, lines: [usize; 3]) {
    let m = read_manifest(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let got_lines: Vec<usize> = m.rows.iter().map(|r| r.line).collect();
    assert_eq!(got_lines, lines, "{name}");
    let rows: Vec<ManifestRow> = m
        .rows
        .into_iter()
        .map(|r| ManifestRow { line: 0, ..r })
        .collect();
    assert_eq!(rows, expected_rows(), "{name}");
}

#[test]
fn csv_comma_bom_vietnamese_headers_and_help_row() {
    check("manifest-comma.csv", [3, 4, 5]);
}

#[test]
fn csv_semicolon_english_headers_blank_line() {
    check("manifest-semicolon.csv", [2, 4, 5]);
}

#[test]
fn csv_in_windows_1258_as_excel_saves_it_on_vietnamese_windows() {
    check("manifest-cp1258.csv", [3, 4, 5]);
}

#[test]
fn xlsx_from_libreoffice_with_date_cells() {
    check("manifest-libreoffice.xlsx", [3, 4, 5]);
}

#[test]
fn xlsx_inline_strings_serial_date_numeric_phone() {
    let m = read_manifest(&fixture("manifest-inline.xlsx")).unwrap();
    assert_eq!(m.rows.len(), 1);
    let r = &m.rows[0];
    assert_eq!(r.id, "HY-01");
    assert_eq!(r.file.as_deref(), Some("bai 1.docx"));
    assert_eq!(r.authors, ["Đỗ Thị Hà & Vũ Minh"]);
    assert_eq!(r.submitted.map(Date::iso).as_deref(), Some("2025-07-01"));
    assert_eq!(r.phone.as_deref(), Some("0912345678"));
    assert_eq!(r.area.as_deref(), Some("đ"));
    assert_eq!(r.line, 2);
}

#[test]
fn a_bad_value_names_file_line_and_column_and_the_rest_is_read() {
    let m = read_manifest(&fixture("manifest-bad-area.csv")).unwrap();
    assert_eq!(
        m.rows.len(),
        2,
        "the bad row is kept, without its bad value"
    );
    assert_eq!(m.rows[1].area, None);
    assert_eq!(m.problems.len(), 1);
    let e = &m.problems[0];
    assert_eq!(e.line, Some(3));
    assert_eq!(e.column.as_deref(), Some("Nội dung"));
    assert!(matches!(e.kind, ManifestErrorKind::BadValue { ref value, .. } if value == "k"));
    let msg = e.message(soloai::Lang::Vi);
    assert!(
        msg.contains("manifest-bad-area.csv, dòng 3, cột \"Nội dung\""),
        "{msg}"
    );
}

#[test]
fn other_files_are_refused_clearly() {
    // A .txt fixture from the extract tests has no id/file column.
    let txt = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/extract/txt/utf8-bom.txt");
    let e = read_manifest(&txt).unwrap_err();
    assert_eq!(e.code(), "missing-column");
    let e = read_manifest(&fixture("does-not-exist.csv")).unwrap_err();
    assert_eq!(e.code(), "io");
    // The cause in the reader's words, never the system's English.
    assert_eq!(
        e.message(soloai::Lang::Vi),
        "does-not-exist.csv: không đọc được tệp (không tìm thấy tệp)"
    );
    // A link where the list should be is named, not followed.
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("danh-sach.csv");
        std::os::unix::fs::symlink(fixture("manifest-bad-area.csv"), &link).unwrap();
        let e = read_manifest(&link).unwrap_err();
        assert_eq!(e.code(), "not-a-file");
        assert_eq!(
            e.message(soloai::Lang::Vi),
            "danh-sach.csv: liên kết tượng trưng chứ không phải tệp thường; chỉ đến chính tệp danh sách"
        );
    }
}

#[test]
fn excluded_persons_csv_and_plain_list() {
    let people = |names: &[(&str, &str)]| -> Vec<ExcludedPerson> {
        names
            .iter()
            .map(|(n, r)| ExcludedPerson {
                name: n.to_string(),
                role: r.to_string(),
            })
            .collect()
    };
    assert_eq!(
        read_excluded_persons(&fixture("excluded.csv")).unwrap(),
        people(&[
            ("Hoàng Văn Giám", "Ban Giám khảo"),
            ("Ngô Thị Thư", "Tổ Thư ký, giúp việc"),
            ("Đinh Công Tổ", "Ban Tổ chức"),
        ])
    );
    assert_eq!(
        read_excluded_persons(&fixture("excluded.txt")).unwrap(),
        people(&[
            ("Hoàng Văn Giám", ""),
            ("Ngô Thị Thư", ""),
            ("Đinh Công Tổ", "")
        ])
    );
}

#[test]
fn template_from_the_binary_reads_back_empty() {
    let dir = tempfile::tempdir().unwrap();
    for (name, xlsx) in [("mau.csv", false), ("mau.xlsx", true)] {
        let out = dir.path().join(name);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_soloai"));
        cmd.args(["manifest-template", "--out"]).arg(&out);
        if xlsx {
            cmd.arg("--xlsx");
        }
        let status = cmd.output().unwrap();
        assert!(status.status.success(), "{name}: {status:?}");
        let bytes = std::fs::read(&out).unwrap();
        if !xlsx {
            assert!(
                bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
                "CSV template has a BOM"
            );
            let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
            assert!(text.starts_with("\"Mã bài\",\"Tệp\",\"Tên bài dự thi\",\"Tác giả\""));
        }
        assert_eq!(read_manifest(&out).unwrap().rows.len(), 0, "{name}");
        // A second run does not overwrite the file.
        let again = Command::new(env!("CARGO_BIN_EXE_soloai"))
            .args(["manifest-template", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("tệp đã có"));
    }
}

/// The two templates a council member asks for by name (`manifest-template`,
/// `council-template`) go into a folder that does not exist yet, and a file standing where
/// the folder should be is said in words, nothing written.
#[test]
fn templates_go_into_a_new_folder_and_a_file_in_the_way_is_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("mot-tep");
    std::fs::write(&blocker, b"x").unwrap();
    for (command, name) in [
        ("manifest-template", "mau.csv"),
        ("council-template", "council.toml"),
    ] {
        let run = |out: &std::path::Path| {
            Command::new(env!("CARGO_BIN_EXE_soloai"))
                .args([command, "--out"])
                .arg(out)
                .output()
                .unwrap()
        };
        let out = dir.path().join("cuoc-thi").join("moi").join(name);
        let made = run(&out);
        assert!(made.status.success(), "{command}: {made:?}");
        assert!(out.is_file(), "{command}");
        let blocked = run(&blocker.join(name));
        assert_eq!(blocked.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&blocked.stderr);
        assert!(
            stderr.contains("mot-tep") && stderr.contains("không phải thư mục"),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{command}: {stderr}");
    }
}
