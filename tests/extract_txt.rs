//! The plain-text reader on real files (made by fixtures/extract/txt/make.py): every
//! encoding soloai promises to read gives the exact text, and legacy fonts are decoded.

use std::path::PathBuf;

use soloai::extract::extract_path;
use soloai::model::{Format, LegacyEncoding};

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
