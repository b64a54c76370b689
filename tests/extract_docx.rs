//! The Word reader on the committed fixtures of `fixtures/extract/docx/` (made by its
//! `make.sh`). The expected strings are the ones `make_fixtures.py` wrote.

use std::path::{Path, PathBuf};
use std::process::Command;

use soloai::extract::{convert, extract_bytes, extract_path, extract_path_with};
use soloai::model::{
    BlockKind, Extracted, Format, HeaderFooterKind, HeaderFooterVariant, LegacyEncoding,
};
use soloai::{ExtractErrorKind, Limits};

const COVER: [&str; 5] = [
    "ỦY BAN NHÂN DÂN TỈNH MẪU",
    "BÀI DỰ THI",
    "Tìm kiếm ý tưởng, giải pháp cải cách hành chính",
    "Tên ý tưởng: Một cửa điện tử cho thủ tục đăng ký hộ kinh doanh",
    "Năm 2026",
];
const BODY: [(bool, &str); 5] = [
    (true, "1. Thực trạng"),
    (
        false,
        "Hộ kinh doanh hiện phải nộp hồ sơ giấy tại bộ phận một cửa cấp huyện và chờ nhiều ngày để nhận kết quả.",
    ),
    (true, "2. Giải pháp"),
    (
        false,
        "Cho phép nộp hồ sơ trực tuyến, ký số và nhận giấy chứng nhận điện tử qua cổng dịch vụ công.",
    ),
    (
        false,
        "Thời gian giải quyết dự kiến giảm từ năm ngày xuống còn hai ngày làm việc.",
    ),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/extract/docx")
        .join(name)
}

fn read(name: &str) -> Extracted {
    extract_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn entry_text() -> String {
    COVER
        .iter()
        .copied()
        .chain(BODY.iter().map(|(_, t)| *t))
        .collect::<Vec<_>>()
        .join("\n")
}

fn cover_text() -> String {
    format!("{}\n", COVER.join("\n"))
}

/// Characters the model counts per font/size: everything but whitespace.
fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn visible_all() -> usize {
    visible(&entry_text())
}

fn visible_headings() -> usize {
    BODY.iter()
        .filter(|(h, _)| *h)
        .map(|(_, t)| visible(t))
        .sum()
}

/// The sample entry: text, cover page, two pages, heading kinds.
fn assert_entry_layout(doc: &Extracted) {
    assert_eq!(doc.text, entry_text());
    assert_eq!(doc.cover_text(), cover_text());
    assert_eq!(doc.pages.len(), 2);
    assert_eq!(
        &doc.text[doc.pages[1].text_start..doc.pages[1].text_end],
        BODY.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n")
    );
    let pages: Vec<usize> = doc.paragraphs.iter().map(|p| p.page).collect();
    assert_eq!(pages, vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    let headings: Vec<String> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Heading)
        .map(|p| p.text())
        .collect();
    let expected: Vec<&str> = BODY.iter().filter(|(h, _)| *h).map(|(_, t)| *t).collect();
    assert_eq!(headings, expected);
}

#[test]
fn times_new_roman_14_with_cover_page_and_page_field() {
    let doc = read("tnr14.docx");
    assert_eq!(doc.format, Some(Format::Docx));
    assert_entry_layout(&doc);
    assert_eq!(
        doc.fonts().into_iter().collect::<Vec<_>>(),
        vec![("Times New Roman".to_string(), visible_all())]
    );
    assert_eq!(
        doc.sizes().into_iter().collect::<Vec<_>>(),
        vec![("14.0".to_string(), visible_all())]
    );
    assert_eq!(doc.headers_footers.len(), 1);
    let footer = &doc.headers_footers[0];
    assert_eq!(footer.kind, HeaderFooterKind::Footer);
    assert_eq!(footer.variant, HeaderFooterVariant::Default);
    assert_eq!(footer.text, "Trang 1");
    assert!(footer.has_page_field);
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].parts, vec![0]);
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Một cửa điện tử cho hộ kinh doanh")
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("Tổ soạn thảo mẫu"));
    assert!(doc.metadata.declared_pages.is_some());
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.legacy_encoding, None);
    assert_eq!(doc.content_hash.len(), 64);
}

#[test]
fn arial_12() {
    let doc = read("arial12.docx");
    assert_entry_layout(&doc);
    assert_eq!(doc.fonts().get("Arial"), Some(&visible_all()));
    assert_eq!(doc.sizes().get("12.0"), Some(&visible_all()));
    assert_eq!(doc.fonts().len(), 1);
    assert_eq!(doc.sizes().len(), 1);
}

#[test]
fn sizes_and_fonts_inherited_from_defaults_styles_and_theme() {
    // docDefaults sz=26 (13 pt), Normal style names Times New Roman, Heading 1 style uses
    // the theme's major font (Calibri in python-docx's template) at 14 pt, bold.
    let doc = read("styles_only.docx");
    assert_entry_layout(&doc);
    let body = visible_all() - visible_headings();
    assert_eq!(doc.fonts().get("Times New Roman"), Some(&body));
    assert_eq!(doc.fonts().get("Calibri"), Some(&visible_headings()));
    assert_eq!(doc.sizes().get("13.0"), Some(&body));
    assert_eq!(doc.sizes().get("14.0"), Some(&visible_headings()));
    for p in &doc.paragraphs {
        let heading = p.kind == BlockKind::Heading;
        assert!(p.runs.iter().all(|r| r.bold == heading), "{p:?}");
        if heading {
            assert_eq!(p.style.as_deref(), Some("heading 1"));
        }
    }
    assert!(doc.headers_footers.is_empty());
}

#[test]
fn page_field_as_fld_simple() {
    let doc = read("fldsimple.docx");
    assert_entry_layout(&doc);
    let fields = doc.page_number_fields();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].kind, HeaderFooterKind::Footer);
    assert_eq!(fields[0].text, "Trang 1");
}

#[test]
fn page_field_only_in_second_section() {
    let doc = read("page_in_section2.docx");
    assert_entry_layout(&doc);
    assert_eq!(doc.sections.len(), 2);
    assert_eq!(doc.sections[1].first_paragraph, COVER.len());
    // Section 1: only a header with NUMPAGES, which is not a page number.
    let s0: Vec<_> = doc.sections[0]
        .parts
        .iter()
        .map(|&i| &doc.headers_footers[i])
        .collect();
    assert_eq!(s0.len(), 1);
    assert_eq!(s0[0].kind, HeaderFooterKind::Header);
    assert_eq!(s0[0].text, "Số trang: 2");
    assert!(!s0[0].has_page_field);
    // Section 2: its own footer with PAGE, and the header inherited from section 1.
    let s1: Vec<_> = doc.sections[1]
        .parts
        .iter()
        .map(|&i| &doc.headers_footers[i])
        .collect();
    assert_eq!(s1.len(), 2);
    let footer = s1
        .iter()
        .find(|h| h.kind == HeaderFooterKind::Footer)
        .expect("section 2 footer");
    assert_eq!(footer.section, 1);
    assert_eq!(footer.text, "Trang 2");
    assert!(footer.has_page_field);
    assert!(
        s1.iter()
            .any(|h| h.kind == HeaderFooterKind::Header && h.section == 0)
    );
    let fields = doc.page_number_fields();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].section, 1);
}

#[test]
fn table_text_box_and_footnote() {
    let doc = read("table_textbox_footnote.docx");
    let expected = [
        (BlockKind::Body, "Bảng so sánh thời gian:"),
        (BlockKind::Table, "Bước"),
        (BlockKind::Table, "Trước"),
        (BlockKind::Table, "Sau"),
        (BlockKind::Table, "Nộp hồ sơ"),
        (BlockKind::Table, "Trực tiếp"),
        (BlockKind::Table, "Trực tuyến"),
        (BlockKind::Table, "Trả kết quả"),
        (BlockKind::Table, "Năm ngày"),
        (BlockKind::Table, "Hai ngày"),
        (BlockKind::Body, "Kết luận của tổ soạn thảo."),
        // Once: the mc:Fallback copy of the text box is skipped.
        (BlockKind::TextBox, "Hộp ghi chú: thí điểm tại hai xã"),
        (BlockKind::Footnote, " Số liệu ước tính của tổ soạn thảo."),
    ];
    let got: Vec<(BlockKind, String)> = doc.paragraphs.iter().map(|p| (p.kind, p.text())).collect();
    let want: Vec<(BlockKind, String)> =
        expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
    assert_eq!(got, want);
    assert_eq!(
        doc.text,
        expected
            .iter()
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join("\n")
    );
    // No break in this document: the cover is guessed and a warning says so.
    assert!(
        doc.warnings
            .contains(&soloai::model::ReadWarning::CoverGuessed)
    );
}

#[test]
fn legacy_fonts_are_detected_and_keep_their_names() {
    let doc = read("vntime.docx");
    assert_eq!(doc.legacy_encoding, Some(LegacyEncoding::Tcvn3));
    let fonts = doc.fonts();
    assert!(
        fonts.contains_key(".VnTimeH") && fonts.contains_key(".VnTime"),
        "{fonts:?}"
    );
    let doc = read("vni_times.docx");
    assert_eq!(doc.legacy_encoding, Some(LegacyEncoding::Vni));
    assert!(doc.fonts().contains_key("VNI-Times"));
}

// The decoding tables are the normalize helper's (src/normalize/legacy.rs); the reader picks
// the encoding from the run's resolved font and the case from the TCVN3 "H" font.
#[test]
fn tcvn3_text_is_decoded_with_capitals_from_the_h_font() {
    let doc = read("vntime.docx");
    assert_eq!(
        doc.text,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    );
}

#[test]
fn vni_text_is_decoded() {
    let doc = read("vni_times.docx");
    assert_eq!(
        doc.text,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    );
}

fn error_code(name: &str, limits: &Limits) -> String {
    match extract_path_with(&fixture(name), limits) {
        Ok(_) => panic!("{name} was read"),
        Err(e) => {
            assert_eq!(e.path, fixture(name));
            e.kind().code().to_string()
        }
    }
}

#[test]
fn broken_files_give_their_error_kind() {
    let d = Limits::default();
    assert_eq!(error_code("truncated.docx", &d), "corrupt");
    assert_eq!(error_code("zipbomb_declared.docx", &d), "zip-bomb");
    match extract_path(&fixture("xlsx_renamed.docx")).map(|_| ()) {
        Err(e) => assert_eq!(
            e.kind,
            ExtractErrorKind::WrongFormat {
                expected: "docx".into(),
                found: "xlsx".into()
            }
        ),
        Ok(()) => panic!("xlsx read as docx"),
    }
}

#[test]
fn a_member_that_lies_about_its_size_is_caught_while_inflating() {
    // Declared 100 bytes, inflates to over 4 MiB: only counting catches it.
    let tight = Limits {
        max_member_bytes: 1 << 20,
        ..Limits::default()
    };
    assert_eq!(error_code("zipbomb_lying.docx", &tight), "zip-bomb");
    let total = Limits {
        max_total_decompressed: 1 << 20,
        ..Limits::default()
    };
    assert_eq!(error_code("zipbomb_lying.docx", &total), "zip-bomb");
    // With room enough the same file reads (spaces after the body change nothing).
    assert_eq!(read("zipbomb_lying.docx").text, entry_text());
}

#[test]
fn the_memory_budget_stops_a_lying_member_before_the_zip_limits_do() {
    // 4 MiB inflated from a member that says 100 bytes: within the zip limits, past a
    // 2 MiB per-file memory budget (the file's own bytes count too).
    let small = Limits {
        max_memory_per_file: 2 << 20,
        ..Limits::default()
    };
    match extract_path_with(&fixture("zipbomb_lying.docx"), &small) {
        Err(e) => {
            assert_eq!(e.kind().code(), "over-budget");
            let vi = e.message(soloai::Lang::Vi);
            assert!(
                vi.contains("dữ liệu giải nén") && vi.contains("2 MB"),
                "{vi}"
            );
        }
        Ok(_) => panic!("read past its memory budget"),
    }
}

#[test]
fn xml_nested_deeper_than_the_limit() {
    let limits = Limits {
        max_xml_depth: 4,
        ..Limits::default()
    };
    assert_eq!(error_code("tnr14.docx", &limits), "xml-too-deep");
}

#[test]
fn damaged_copies_never_panic() {
    let bytes = std::fs::read(fixture("tnr14.docx")).unwrap();
    let path = Path::new("damaged.docx");
    let limits = Limits::default();
    let mut codes = std::collections::BTreeSet::new();
    for cut in (0..bytes.len()).step_by(97) {
        if let Err(e) = extract_bytes(path, &bytes[..cut], &limits) {
            assert_ne!(e.kind().code(), "panic", "cut at {cut}: {e}");
            codes.insert(e.kind().code());
        }
    }
    // Flip bytes inside the compressed data too (the zip directory survives).
    for at in (40..bytes.len().saturating_sub(200)).step_by(211) {
        let mut b = bytes.clone();
        b[at] ^= 0x5A;
        if let Err(e) = extract_bytes(path, &b, &limits) {
            assert_ne!(e.kind().code(), "panic", "flip at {at}: {e}");
            codes.insert(e.kind().code());
        }
    }
    assert!(codes.contains("corrupt"), "{codes:?}");
}

#[test]
fn doc_is_read_through_libreoffice_without_touching_the_input() {
    let path = fixture("converted.doc");
    let before = std::fs::read(&path).unwrap();
    match extract_path(&path) {
        Ok(doc) => {
            assert!(convert::find_soffice().is_some());
            assert_eq!(doc.format, Some(Format::Doc));
            assert_eq!(doc.text, entry_text());
            assert_eq!(doc.cover_text(), cover_text());
            assert_eq!(doc.fonts().get("Times New Roman"), Some(&visible_all()));
            assert!(doc.page_number_fields().len() == 1);
        }
        Err(e) => {
            assert!(convert::find_soffice().is_none(), "{e}");
            assert_eq!(e.kind().code(), "needs-conversion");
        }
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// ---- the real binary ----

fn soloai(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
        .output()
        .expect("run soloai")
}

#[test]
fn cli_prints_plain_text_and_exits_0() {
    let f = fixture("tnr14.docx");
    let out = soloai(&["extract", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", entry_text())
    );
}

#[test]
fn cli_json_reports_documents_and_failures_and_exits_2() {
    let ok = fixture("page_in_section2.docx");
    let bad = fixture("truncated.docx");
    let wrong = fixture("xlsx_renamed.docx");
    let out = soloai(&[
        "extract",
        "--json",
        ok.to_str().unwrap(),
        bad.to_str().unwrap(),
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 3);
    let d = &files[0];
    assert_eq!(d["status"], "ok");
    assert_eq!(d["format"], "docx");
    assert_eq!(d["text"], entry_text());
    assert_eq!(d["cover_text"], cover_text());
    assert_eq!(d["pages"]["count"], 2);
    assert_eq!(d["pages"]["offsets"][1]["text_start"], cover_text().len());
    assert_eq!(d["fonts"]["Times New Roman"], visible_all());
    assert_eq!(d["sizes"]["14.0"], visible_all());
    assert_eq!(d["footers"][0]["text"], "Trang 2");
    assert_eq!(d["footers"][0]["section"], 1);
    assert_eq!(d["headers"][0]["has_page_field"], false);
    assert_eq!(d["page_number_fields"].as_array().unwrap().len(), 1);
    assert_eq!(d["page_number_fields"][0]["kind"], "footer");
    assert_eq!(d["legacy_encoding"], serde_json::Value::Null);
    assert_eq!(d["needs_ocr"], false);
    assert!(d["warnings"].as_array().unwrap().is_empty());
    assert_eq!(files[1]["status"], "error");
    assert_eq!(files[1]["error_kind"], "corrupt");
    assert_eq!(files[2]["error_kind"], "wrong-format");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}: Tệp bị hỏng", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("thực chất là .xlsx"), "{stderr}");
}

#[test]
fn cli_errors_in_english_and_without_libreoffice() {
    let doc = fixture("converted.doc");
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["--lang", "en", "extract", doc.to_str().unwrap()])
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "{}: .doc needs LibreOffice ('soffice' not found); install it or save the file as .docx in Word",
            doc.display()
        )
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn automatic_list_numbers_are_part_of_the_text() {
    let doc = read("numbered.docx");
    assert_eq!(
        doc.text,
        [
            "Mở đầu.",
            "I. Đặt vấn đề",
            "II. Nội dung ý tưởng",
            "1. Bước một",
            "2. Bước hai",
            "a. Chi tiết thứ nhất",
            "b. Chi tiết thứ hai",
            "3. Bước ba",
            "III. Kết luận",
            // Bullets carry no words and are left out.
            "Gạch đầu dòng",
        ]
        .join("\n")
    );
}

#[test]
fn different_odd_and_even_pages_is_read_from_settings() {
    assert!(read("even_odd.docx").metadata.even_and_odd_headers);
    assert!(!read("tnr14.docx").metadata.even_and_odd_headers);
    // FORM-PAGENUM then wants the even pages numbered too.
    let profile = soloai::profile::ContestProfile::builtin("lang-son-2025").expect("profile");
    let verdict = |name: &str| {
        soloai::check::run_checks(
            &read(name),
            &profile,
            &soloai::check::CheckContext::default(),
            soloai::Lang::En,
        )
        .into_iter()
        .find(|c| c.code == "FORM-PAGENUM")
        .map(|c| c.verdict)
    };
    assert_eq!(verdict("tnr14.docx"), Some(soloai::check::Verdict::Pass));
    assert_eq!(verdict("even_odd.docx"), Some(soloai::check::Verdict::Fail));
}

fn hostile(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile/files")
        .join(name)
}

fn vi_error(path: &Path) -> (String, String) {
    match extract_path(path) {
        Ok(_) => panic!("{} was read", path.display()),
        Err(e) => (e.kind().code().to_string(), e.message(soloai::Lang::Vi)),
    }
}

#[test]
fn empty_docx_and_pdf_are_an_error_that_says_empty() {
    for name in ["empty.docx", "empty.pdf"] {
        let (code, vi) = vi_error(&hostile(name));
        assert_eq!(code, "empty", "{name}");
        assert!(vi.contains("Tệp rỗng"), "{name}: {vi}");
    }
}

#[test]
fn an_encrypted_doc_is_named_password_protected() {
    // Decided from the Word header, before (and without) LibreOffice.
    let (code, vi) = vi_error(&hostile("encrypted.doc"));
    assert_eq!(code, "encrypted");
    assert!(vi.contains("mật khẩu"), "{vi}");
}

#[test]
fn an_xlsx_renamed_doc_is_named_by_its_own_ending() {
    let (code, vi) = vi_error(&hostile("xlsx-renamed.doc"));
    assert_eq!(code, "wrong-format");
    assert!(vi.contains("đuôi .doc nhưng thực chất là .xlsx"), "{vi}");
}

#[test]
fn the_page_limit_says_pages_and_causes_read_in_vietnamese() {
    let limits = Limits {
        max_pages: 0,
        ..Limits::default()
    };
    let pdf =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/check/FORM-FONT-arial-13.pdf");
    let err = extract_path_with(&pdf, &limits).err();
    let vi = err.map(|e| e.message(soloai::Lang::Vi)).unwrap_or_default();
    assert!(vi.contains("trang, giới hạn 0 trang"), "{vi}");
    assert!(!vi.contains("byte"), "{vi}");
    // A zip that is no zip, and a missing file: the causes are our own Vietnamese words.
    let (_, vi) = vi_error(&fixture("truncated.docx"));
    assert!(vi.contains("cấu trúc nén (zip)"), "{vi}");
    assert!(!vi.contains("invalid"), "{vi}");
    let (code, vi) = vi_error(&hostile("no-such-file.docx"));
    assert_eq!(code, "io");
    assert!(vi.contains("không tìm thấy tệp"), "{vi}");
}
