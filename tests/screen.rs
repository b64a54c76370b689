//! End to end: `soloai screen` on the built-in demo contest (`fixtures/demo-contest/`), the
//! README's first command. Every planted problem (see the folder's EXPECTED.md) must be
//! found, and nothing else flagged.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{chromium, on_path};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the real binary on the demo contest into a fresh folder; returns (exit code, stdout,
/// report.json, out dir).
fn screen_demo(work: &Path, extra: &[&str]) -> (i32, String, serde_json::Value, PathBuf) {
    let out = work.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(root().join("fixtures/demo-contest"))
        .arg("--corpus")
        .arg(root().join("corpus"))
        .arg("--index")
        .arg(work.join("index"))
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .expect("run soloai");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = std::fs::read_to_string(out.join("report.json")).unwrap_or_else(|e| {
        panic!(
            "no report.json ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let report: serde_json::Value = serde_json::from_str(&json).expect("report.json parses");
    (output.status.code().unwrap_or(-1), stdout, report, out)
}

fn flags_by_entry(report: &serde_json::Value) -> BTreeMap<String, BTreeSet<String>> {
    report["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            let codes = e["flags"]
                .as_array()
                .expect("flags")
                .iter()
                .map(|f| f["code"].as_str().unwrap_or_default().to_string())
                .collect();
            (e["id"].as_str().unwrap_or_default().to_string(), codes)
        })
        .collect()
}

fn expected_flags() -> BTreeMap<String, BTreeSet<String>> {
    let planted: &[(&str, &[&str])] = &[
        ("E01", &[]),
        ("E02", &["COPY"]),
        ("E03", &["COPY"]),
        ("E04", &["CORPUS-COPY"]),
        ("E05", &["RECYCLED-NO-STATEMENT"]),
        ("E06", &[]),
        ("E07", &["FORM-FONT", "FORM-SIZE"]),
        ("E08", &["FORM-PAGENUM"]),
        ("E09", &["GROUP-MEMBERS", "COVER-PHONE"]),
        ("E10A", &["RECEIVING-POINT-DUPLICATE"]),
        ("E10B", &["RECEIVING-POINT-DUPLICATE"]),
        ("E11", &["LATE"]),
        ("E12", &["EXCLUDED-PERSON"]),
        ("E13", &["ERROR"]),
        ("E14", &[]),
        ("E15", &[]),
        ("E16", &[]),
        ("E17", &[]),
        ("E18", &[]),
    ];
    planted
        .iter()
        .map(|(id, codes)| {
            (
                id.to_string(),
                codes.iter().map(|c| c.to_string()).collect(),
            )
        })
        .collect()
}

fn entry<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["entries"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == id))
        .unwrap_or_else(|| panic!("no entry {id}"))
}

#[test]
fn demo_contest_finds_every_planted_problem_and_nothing_else() {
    let work = tempfile::tempdir().unwrap();
    let (code, stdout, report, out) = screen_demo(work.path(), &[]);
    assert_eq!(code, 1, "flags found → exit 1; stdout:\n{stdout}");
    assert_eq!(report["schema"], "soloai.report/1");
    assert_eq!(report["profile"], "lang-son-2025");
    assert_eq!(flags_by_entry(&report), expected_flags());

    // The evidence points at the right sources.
    let e02 = entry(&report, "E02");
    assert!(
        e02["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["source"] == "entry:E03.pdf")
    );
    let e04 = entry(&report, "E04");
    assert_eq!(
        e04["matches"][0]["source"],
        "corpus/c/tra-ket-qua-qua-buu-chinh-cong-ich.md"
    );
    let e05 = entry(&report, "E05");
    assert_eq!(
        e05["matches"][0]["source"],
        "prior/2024-phieu-huong-dan-bang-hinh-anh-ho-tich.md"
    );
    // The properly revised entry matches its earlier version, but is not flagged.
    let e06 = entry(&report, "E06");
    assert!(
        e06["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| { m["source"] == "prior/2024-cau-lac-bo-cong-chuc-tre-ky-nang-so.md" })
    );
    assert_eq!(e06["verdict"], "pass");
    assert_eq!(e06["forward"], true);
    // The jury member is found although the cover has no diacritics.
    let e12 = entry(&report, "E12");
    let excluded = e12["eligibility"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "EXCLUDED-PERSON")
        .unwrap();
    assert_eq!(excluded["data"][0]["person"], "Hoàng Thị Minh Nguyệt");
    // The corrupt file is an error entry with its reason, and the batch went on.
    let e13 = entry(&report, "E13");
    assert_eq!(e13["status"], "error");
    assert!(e13["error"].as_str().unwrap().contains("hỏng"));
    // Clean entries are proposed for forwarding; the ring E02–E03 is one cluster.
    for id in ["E01", "E14", "E15", "E16", "E17", "E18"] {
        assert_eq!(entry(&report, id)["verdict"], "pass", "{id}");
    }
    let clusters = report["clusters"].as_array().unwrap();
    assert!(
        clusters
            .iter()
            .any(|c| c == &serde_json::json!(["E02", "E03"]))
    );
    // Units that sent nothing owe an explanation letter.
    let units = report["units"].as_array().unwrap();
    let bac_son = units
        .iter()
        .find(|u| u["unit"] == "UBND huyện Bắc Sơn")
        .expect("expected unit listed");
    assert_eq!(bac_son["entries"], 0);
    assert_eq!(bac_son["meets_quota"], false);

    // Every file the council needs is there, and every entry has its page.
    for f in [
        "index.html",
        "report.json",
        "summary.xlsx",
        "summary.csv",
        "bien-ban-so-loai.docx",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let dashboard = std::fs::read_to_string(out.join("index.html")).unwrap();
    for id in expected_flags().keys() {
        assert!(dashboard.contains(id.as_str()), "{id} not on the dashboard");
        assert!(out.join("entries").join(format!("{id}.html")).is_file());
    }
    // Vietnamese by default on stdout, with the units that owe a letter.
    assert!(stdout.contains("bài dự thi"), "{stdout}");
    // The corpus compared against is stated, with its documents by kind.
    assert!(
        stdout.contains("76 tài liệu (27 mô hình đã áp dụng, 45 giải pháp đã công khai, 2 bài dự thi trước, 2 văn bản mẫu)"),
        "{stdout}"
    );
    // The counts add up to the 19 entries; the broken file is its own category.
    assert!(
        stdout.contains("Đạt: 7   Không đạt: 11   Chưa xác định: 0   Cần nộp lại: 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("E13      Cần nộp lại: Tệp bị hỏng"),
        "{stdout}"
    );
    assert_eq!(entry(&report, "E13")["verdict"], "resubmit");
    // Flags are named in words with their code beside.
    assert!(
        stdout.contains("E02      Sao chép bài dự thi khác (COPY)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Tệp giống hệt nhau (cùng một bài gửi nhiều lần): E10A, E10B"),
        "{stdout}"
    );
    assert!(
        stdout.contains("UBND huyện Bắc Sơn: chưa đủ số bài 0/3 — cần văn bản giải trình"),
        "{stdout}"
    );
}

#[test]
fn report_json_snapshot() {
    let work = tempfile::tempdir().unwrap();
    let (_, _, mut report, _) = screen_demo(work.path(), &[]);
    report["generated_at"] = serde_json::json!("[generated_at]");
    report["corpus"]["index"] = serde_json::json!("[index]");
    insta::assert_json_snapshot!("demo_report", report);
}

#[test]
fn english_on_request_and_rerun_reads_from_the_cache() {
    let work = tempfile::tempdir().unwrap();
    let (_, first, _, out) = screen_demo(work.path(), &["--lang", "en"]);
    assert!(first.contains("entries"), "{first}");
    // Two identical files in one batch are the same entry sent twice, not cache hits.
    assert!(!first.contains("cache"), "{first}");
    assert!(
        first.contains("Identical files (one entry sent more than once): E10A, E10B"),
        "{first}"
    );
    // A page an earlier run wrote for an entry that has since gone is removed by the next
    // run (it is in soloai's record of what it wrote); a page soloai did not write is kept.
    let stale = out.join("entries/E99-withdrawn.html");
    std::fs::write(&stale, "<p>old</p>").unwrap();
    let record = out.join(".soloai.written.json");
    let mut written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    written["files"]
        .as_array_mut()
        .unwrap()
        .push("entries/E99-withdrawn.html".into());
    std::fs::write(&record, serde_json::to_vec(&written).unwrap()).unwrap();
    let keep = out.join("entries/keep.html");
    std::fs::write(&keep, "<p>mine</p>").unwrap();
    let (code, second, report, _) = screen_demo(work.path(), &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        second.contains("(19 files read in an earlier run, taken from the cache)"),
        "{second}"
    );
    assert!(!stale.exists(), "stale entry page kept");
    assert!(keep.exists(), "a page soloai did not write was deleted");
    assert_eq!(flags_by_entry(&report), expected_flags());
    let e13 = entry(&report, "E13");
    assert!(e13["error"].as_str().unwrap().contains("broken"));
}

#[test]
fn a_missing_folder_is_a_clear_error_with_exit_2() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["screen", "khong-co-thu-muc-nay", "--out"])
        .arg(work.path().join("out"))
        .arg("--index")
        .arg(work.path().join("index"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("khong-co-thu-muc-nay"), "{stderr}");
    assert!(stderr.contains("Không tìm thấy thư mục"), "{stderr}");
}

#[test]
fn a_file_given_for_the_folder_points_to_soloai_check() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(root().join("fixtures/demo-contest/entries/E01.docx"))
        .arg("--out")
        .arg(work.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("là một tệp, không phải thư mục"),
        "{stderr}"
    );
    assert!(stderr.contains("soloai check"), "{stderr}");
    assert!(!work.path().join("out").exists(), "nothing is written");
}

#[test]
fn inputs_are_never_modified() {
    let demo = root().join("fixtures/demo-contest/entries");
    let before = fingerprint_tree(&demo);
    let work = tempfile::tempdir().unwrap();
    let _ = screen_demo(work.path(), &[]);
    assert_eq!(fingerprint_tree(&demo), before);
}

fn fingerprint_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for item in std::fs::read_dir(&d).unwrap() {
            let p = item.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The text of one member of a zip package (docx/xlsx), read back as the council's Office
/// would first do.
fn zip_member(path: &Path, member: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a valid zip package");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(member).expect(member), &mut text).unwrap();
    text
}

#[test]
fn the_demo_reports_open_in_office_and_a_browser() {
    let work = tempfile::tempdir().unwrap();
    let (_, _, _, out) = screen_demo(work.path(), &[]);
    // The minutes name every entry; the spreadsheet lists every entry.
    let minutes = zip_member(&out.join("bien-ban-so-loai.docx"), "word/document.xml");
    let sheet = zip_member(&out.join("summary.xlsx"), "xl/sharedStrings.xml");
    for id in expected_flags().keys() {
        assert!(minutes.contains(id.as_str()), "{id} not in the minutes");
        assert!(sheet.contains(id.as_str()), "{id} not in summary.xlsx");
    }
    let csv = std::fs::read(out.join("summary.csv")).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "summary.csv needs a UTF-8 BOM for Excel"
    );

    if !on_path("chromium") {
        eprintln!("chromium not installed; skipping the headless render of the demo reports");
        return;
    }
    for (i, page) in [out.join("index.html"), out.join("entries/E02.html")]
        .iter()
        .enumerate()
    {
        let run = chromium(&work.path().join(format!("chromium-{i}")))
            .args([
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=3000",
                "--dump-dom",
            ])
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&run.stderr);
        let dom = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{}: {log}", page.display());
        for bad in ["Uncaught", "Refused to", "Content Security Policy"] {
            assert!(!log.contains(bad), "{} logged {bad}: {log}", page.display());
        }
        if i == 0 {
            assert!(
                dom.contains("data-ready=\"1\""),
                "dashboard script did not run"
            );
            assert!(dom.contains("E02"));
        } else {
            assert!(dom.contains("entry:E03.pdf") || dom.contains("E03"));
        }
    }
}
