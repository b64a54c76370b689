//! OCR of scanned entries (issue 14 item 8) on real files made by
//! `fixtures/extract/pdf-scanned/make.py`: E01.docx of the demo contest printed, turned a
//! little, given grain and specks, and scanned at 300 dpi into an image-only PDF; and its last
//! page pasted as a picture into an otherwise empty Word file.
//!
//! Tests that need Tesseract skip with a message when it (or its Vietnamese data) is not
//! installed; `.ci/run` installs both. The "no Tesseract" behaviour is tested everywhere, by
//! running the binary with an empty PATH.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use soloai::extract::extract_path;
use soloai::model::Extracted;
use soloai::normalize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scanned(name: &str) -> PathBuf {
    root().join("fixtures/extract/pdf-scanned").join(name)
}

/// Whether Tesseract with its Vietnamese data is installed; says so when it is not.
fn tesseract_here(test: &str) -> bool {
    let ok = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == "vie")
        });
    if !ok {
        eprintln!(
            "SKIPPED {test}: Tesseract with Vietnamese data is not installed \
             (apt install tesseract-ocr tesseract-ocr-vie; .ci/run installs it)"
        );
    }
    ok
}

/// The words of the typed source text that the OCR text also holds, as a share (both
/// compared in the comparison form: NFC, lower case, one tone convention).
fn word_recall(source: &str, read: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        normalize::comparison_form(t)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let read: std::collections::HashSet<String> = words(read).into_iter().collect();
    let source = words(source);
    let found = source.iter().filter(|w| read.contains(*w)).count();
    found as f64 / source.len().max(1) as f64
}

fn demo_body() -> String {
    std::fs::read_to_string(root().join("fixtures/demo-contest/texts/E01.txt"))
        .expect("texts/E01.txt")
        .lines()
        .map(|l| l.trim_start_matches("# "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn read_scan() -> Extracted {
    extract_path(&scanned("E01-scan.pdf")).expect("the scan reads")
}

#[test]
fn a_scanned_pdf_is_read_by_ocr_with_its_confidence_and_page_numbers() {
    if !tesseract_here("a_scanned_pdf_is_read_by_ocr_with_its_confidence_and_page_numbers") {
        return;
    }
    let doc = read_scan();
    assert!(!doc.needs_ocr);
    assert_eq!(doc.pages.len(), 3);
    for page in &doc.pages {
        let ocr = page.ocr.as_ref().expect("every page read by OCR");
        assert!(!page.needs_ocr);
        assert!(
            ocr.words > 80,
            "page {}: {} words",
            page.index + 1,
            ocr.words
        );
        assert!(
            ocr.confidence > 80.0,
            "page {}: {}",
            page.index + 1,
            ocr.confidence
        );
    }
    assert!(
        doc.ocr_engine
            .as_deref()
            .is_some_and(|e| e.starts_with("Tesseract "))
    );
    assert!(normalize::is_nfc(&doc.text));
    let recall = word_recall(&demo_body(), &doc.text);
    assert!(recall > 0.95, "word recall {recall:.3}");
    // The cover's labelled values survive: the cover rules read them.
    assert!(
        doc.cover_text().contains("Họ và tên: Nông Thị Hằng"),
        "{}",
        doc.cover_text()
    );
    // The page numbers are read from the footer band, the lone "3" of the last page (beside
    // a speck) from the band read again on its own.
    let printed: Vec<Option<u32>> = doc
        .pages
        .iter()
        .map(|p| p.printed_number.as_ref().map(|n| n.value))
        .collect();
    assert_eq!(printed, [Some(1), Some(2), Some(3)]);
    // OCR knows no fonts: the runs say so instead of guessing.
    assert!(
        doc.paragraphs
            .iter()
            .flat_map(|p| &p.runs)
            .all(|r| r.font.is_none() && r.size_pt.is_none())
    );
    assert!(
        doc.warnings.iter().any(|w| matches!(
            w,
            soloai::model::ReadWarning::OcrRead { pages, engine, .. }
                if pages == &[1, 2, 3] && engine.starts_with("Tesseract")
        ) && soloai::vocab::read_warning(w, soloai::Lang::Vi)
            .starts_with("Trang 1–3 là ảnh quét, đã đọc bằng OCR (Tesseract")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn an_image_only_word_file_is_read_by_ocr() {
    if !tesseract_here("an_image_only_word_file_is_read_by_ocr") {
        return;
    }
    let doc = extract_path(&scanned("E01-pictures.docx")).expect("reads");
    assert!(!doc.needs_ocr);
    assert_eq!(doc.pages.len(), 1);
    assert!(
        doc.pages[0]
            .ocr
            .as_ref()
            .is_some_and(|o| o.confidence > 80.0)
    );
    assert!(doc.text.contains("IV. HIỆU QUẢ DỰ KIẾN"), "{}", doc.text);
    // The picture is the last page of E01: its words are E01's.
    let last_part = demo_body();
    let last_part = &last_part[last_part.find("Bước ba").expect("last page text")..];
    let recall = word_recall(last_part, &doc.text);
    assert!(recall > 0.9, "word recall {recall:.3}");
}

/// The "Done when" test: a scanned copy of a demo entry, screened beside the original, is
/// found as a copy of it; the form rules that need fonts say "cannot tell" for the scan, and
/// the report says it was read by OCR with the engine's confidence.
#[test]
fn a_scanned_copy_of_a_demo_entry_is_found_as_a_copy_of_the_original() {
    if !tesseract_here("a_scanned_copy_of_a_demo_entry_is_found_as_a_copy_of_the_original") {
        return;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let entries = work.path().join("contest/entries");
    std::fs::create_dir_all(&entries).expect("mkdir");
    std::fs::copy(
        root().join("fixtures/demo-contest/entries/E01.docx"),
        entries.join("E01.docx"),
    )
    .expect("copy");
    std::fs::copy(scanned("E01-scan.pdf"), entries.join("E19.pdf")).expect("copy");
    let tmp = work.path().join("tmp");
    std::fs::create_dir_all(&tmp).expect("mkdir");
    let out_dir = work.path().join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(work.path().join("contest"))
        .args(["--profile", "lang-son-2025"])
        .arg("--corpus")
        .arg(root().join("corpus"))
        .arg("--index")
        .arg(work.path().join("index"))
        .arg("--out")
        .arg(&out_dir)
        .env("TMPDIR", &tmp)
        .output()
        .expect("run soloai");
    let json = std::fs::read_to_string(out_dir.join("report.json"))
        .unwrap_or_else(|e| panic!("no report ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let entry = |id: &str| {
        report["entries"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["id"] == id))
            .unwrap_or_else(|| panic!("{id} in {report}"))
            .clone()
    };
    let scan = entry("E19");
    assert_eq!(scan["status"], "ok");
    let copy = scan["flags"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["code"] == "COPY"))
        .unwrap_or_else(|| panic!("no COPY flag: {}", scan["flags"]));
    assert!(
        copy["message"].as_str().is_some_and(|m| m.contains("E01")),
        "{copy}"
    );
    assert!(
        scan["originality"].as_f64().is_some_and(|o| o < 0.2),
        "{}",
        scan["originality"]
    );
    assert!(
        report["clusters"].as_array().is_some_and(|c| c
            .iter()
            .any(|c| c.to_string().contains("E01") && c.to_string().contains("E19"))),
        "{}",
        report["clusters"]
    );
    let verdict_of = |code: &str| {
        scan["checks"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["code"] == code))
            .map(|c| c["verdict"].clone())
    };
    assert_eq!(verdict_of("FORM-FONT"), Some("cannot-tell".into()));
    assert_eq!(verdict_of("FORM-SIZE"), Some("cannot-tell".into()));
    assert_eq!(verdict_of("FORM-PAGENUM"), Some("pass".into()));
    assert_eq!(verdict_of("COVER-NAME"), Some("pass".into()));
    let ocr = &scan["ocr"];
    assert_eq!(ocr["pages"], serde_json::json!([1, 2, 3]));
    assert!(
        ocr["engine"]
            .as_str()
            .is_some_and(|e| e.starts_with("Tesseract"))
    );
    assert!(
        ocr["confidence"]
            .as_f64()
            .is_some_and(|c| c > 0.8 && c <= 1.0)
    );
    assert!(entry("E01")["ocr"].is_null(), "the original was not OCR'd");
    let page = std::fs::read_to_string(out_dir.join("entries/E19.html")).expect("entry page");
    assert!(page.contains("Đọc bằng OCR"), "the entry page says so");
    // The same run in English (from the extraction cache): the OCR reader's note, written in
    // Vietnamese, is said in English on the entry page.
    let english = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["--lang", "en", "screen"])
        .arg(work.path().join("contest"))
        .args(["--profile", "lang-son-2025"])
        .arg("--corpus")
        .arg(root().join("corpus"))
        .arg("--index")
        .arg(work.path().join("index"))
        .arg("--out")
        .arg(&out_dir)
        .env("TMPDIR", &tmp)
        .output()
        .expect("run soloai");
    let page = std::fs::read_to_string(out_dir.join("entries/E19.html")).expect("entry page");
    assert!(
        page.contains("scanned, read by OCR (Tesseract"),
        "{}",
        String::from_utf8_lossy(&english.stderr)
    );
    assert!(!page.contains("là ảnh quét, đã đọc bằng OCR"));
    // Temporary renders and copies are gone.
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
}

/// Without Tesseract the scan stays "needs OCR", never a crash, and the message says how to
/// install it. An empty PATH hides every program, Tesseract included.
#[test]
fn without_tesseract_a_scan_needs_ocr_and_the_message_says_how_to_install_it() {
    let empty = tempfile::tempdir().expect("temp dir");
    let run = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_soloai"))
            .args(["extract", "--json"])
            .arg(path)
            .env("PATH", empty.path())
            .output()
            .expect("run soloai")
    };
    for file in ["E01-scan.pdf", "E01-pictures.docx"] {
        let out = run(&scanned(file));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let report = &json[0];
        assert_eq!(report["status"], "ok", "{file}");
        assert_eq!(report["needs_ocr"], true, "{file}");
        assert_eq!(report["text"], "", "{file}");
        let warnings = report["warnings"].to_string();
        assert!(
            warnings.contains("Máy chưa cài Tesseract")
                && warnings.contains("sudo apt install tesseract-ocr tesseract-ocr-vie"),
            "{file}: {warnings}"
        );
    }
}

/// A scan too coarse to read (fixtures/check/FORM-scanned.pdf: 40 dpi) is not trusted: OCR
/// reads it at ~62 % confidence and garbles names and phone numbers, so its text stays out and
/// the entry stays "needs OCR", with a warning that says why.
#[test]
fn a_40_dpi_scan_read_with_low_confidence_is_not_trusted() {
    if !tesseract_here("a_40_dpi_scan_read_with_low_confidence_is_not_trusted") {
        return;
    }
    let doc = extract_path(&root().join("fixtures/check/FORM-scanned.pdf")).expect("reads");
    assert!(doc.needs_ocr);
    assert!(doc.text.is_empty());
    assert!(doc.pages.iter().all(|p| p.needs_ocr && p.ocr.is_none()));
    assert!(
        doc.warnings.iter().any(|w| {
            let said = soloai::vocab::read_warning(w, soloai::Lang::Vi);
            matches!(w, soloai::model::ReadWarning::OcrUnclear { pages, min: 75 } if pages[0].number == 1)
                && said.starts_with("Trang 1 (")
                && said.contains("độ tin cậy dưới 75%")
        }),
        "{:?}",
        doc.warnings
    );
}
