//! The plain-text reader on real files (made by fixtures/extract/txt/make.py): every
//! encoding soloai promises to read gives the exact text, and legacy fonts are decoded.

use std::path::PathBuf;

use soloai::extract::extract_path;
use soloai::model::{Format, LegacyEncoding, ReadWarning};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/extract/txt")
        .join(name)
}

const VIET: &str = "Cuộc thi tìm kiếm ý tưởng, giải pháp cải cách hành chính\n\
                    Mỗi bài dự thi gửi về một đầu mối tiếp nhận.\n\
                    Người dự thi trình bày rõ tính mới, tính sáng tạo và tính khả thi của giải pháp.";

fn read(name: &str) -> soloai::Extracted {
    extract_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn unicode_files_with_byte_order_marks() {
    for name in ["utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt"] {
        let doc = read(name);
        assert_eq!(doc.format, Some(Format::Txt), "{name}");
        assert_eq!(doc.text, VIET, "{name}");
        assert_eq!(
            doc.paragraphs.len(),
            3,
            "{name}: the blank line only separates"
        );
        assert_eq!(doc.legacy_encoding, None, "{name}");
    }
}

#[test]
fn windows_1258_vietnamese() {
    let doc = read("cp1258-vietnamese.txt");
    assert_eq!(doc.text, VIET);
    assert_eq!(doc.legacy_encoding, None);
}

#[test]
fn windows_1252_smart_quotes() {
    let doc = read("cp1252-quotes.txt");
    assert_eq!(
        doc.text,
        "The council\u{2019}s \u{201c}reform ideas\u{201d} contest \u{2013} entries are screened first\u{2026}\n\
         Prize fund: 10 000 \u{20ac}, caf\u{e9} included."
    );
    assert_eq!(doc.legacy_encoding, None);
}

#[test]
fn tcvn3_bytes_are_decoded() {
    let doc = read("tcvn3.txt");
    assert_eq!(doc.legacy_encoding, Some(LegacyEncoding::Tcvn3));
    assert_eq!(
        doc.text,
        "Cuộc thi tìm kiếm ý tưởng, giải pháp cải cách hành chính\n\
         Đơn vị: Sở Nội vụ; người dự thi ghi rõ họ tên, đơn vị công tác."
    );
}

#[test]
fn vni_bytes_are_decoded_capitals_and_horn_letters_included() {
    let doc = read("vni.txt");
    assert_eq!(doc.legacy_encoding, Some(LegacyEncoding::Vni));
    assert_eq!(
        doc.text,
        "CUỘC THI TÌM KIẾM Ý TƯỞNG, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH\n\
         Người dự thi ghi rõ họ tên, đơn vị công tác và số điện thoại của người đại diện."
    );
}

#[test]
fn form_feeds_are_page_breaks() {
    let doc = read("utf8-pages.txt");
    assert_eq!(doc.text, "Trang bìa\nTrang hai, dòng một\nDòng hai");
    assert_eq!(doc.pages.len(), 2);
    assert_eq!(doc.cover_text(), "Trang bìa\n");
    assert_eq!(
        &doc.text[doc.pages[1].text_start..doc.pages[1].text_end],
        "Trang hai, dòng một\nDòng hai"
    );
}

fn hostile(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile/files")
        .join(name)
}

#[test]
fn invalid_utf8_is_read_as_utf8_with_a_warning_never_silently() {
    let doc = extract_path(&hostile("bad-utf8.txt")).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.text.starts_with("Cải cách hành chính"), "{}", doc.text);
    assert!(doc.text.contains("một cửa liên thông"), "{}", doc.text);
    assert!(
        doc.warnings.contains(&ReadWarning::InvalidBytes {
            encoding: "utf-8".into()
        }),
        "{:?}",
        doc.warnings
    );
    // A genuine 8-bit file says which code page it was read as.
    let doc = read("cp1258-vietnamese.txt");
    assert!(
        doc.warnings.contains(&ReadWarning::NotUtf8 {
            encoding: "windows-1258".into()
        }),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn control_characters_are_dropped_with_a_warning_not_unsupported() {
    let doc = extract_path(&hostile("control-chars.txt")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.text, "Đề án số hoá hồ sơ[2J một cửa.");
    assert!(
        doc.warnings
            .contains(&ReadWarning::ControlCharacters { count: 3 }),
        "{:?}",
        doc.warnings
    );
    // Binary bytes under a .txt name get a precise message instead.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bin = dir.path().join("anh.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01").unwrap_or_default();
    let err = extract_path(&bin)
        .err()
        .map(|e| e.message(soloai::Lang::Vi));
    assert_eq!(
        err.as_deref(),
        Some(
            "Tệp mang đuôi .txt nhưng thực chất là dữ liệu nhị phân, không phải văn bản. Yêu cầu tác giả gửi đúng tệp bài dự thi."
        )
    );
}

/// `soloai extract --json` shows each reader warning as its stable code, its values and the
/// sentence in the chosen language; the terminal says the sentence.
#[test]
fn extract_json_gives_each_warning_its_code_values_and_words() {
    let run = |lang: &str, json: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_soloai"));
        cmd.args(["--lang", lang, "extract"]);
        if json {
            cmd.arg("--json");
        }
        cmd.arg(hostile("control-chars.txt"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    for (lang, words) in [
        ("vi", "Đã bỏ 3 ký tự điều khiển khỏi văn bản."),
        ("en", "3 control characters removed from the text"),
    ] {
        let out = run(lang, true);
        let files: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            files[0]["warnings"],
            serde_json::json!([{"code": "control-characters", "count": 3, "message": words}]),
            "{lang}"
        );
        let out = run(lang, false);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(words), "{lang}: {stderr}");
    }
}
