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
    // Every passage of every planted copy is located by page and paragraph in the entry (a
    // corpus text, which has no pages, by paragraph).
    for id in ["E02", "E03", "E04", "E05", "E06", "E10A", "E10B"] {
        let matches = entry(&report, id)["matches"].as_array().unwrap();
        assert!(!matches.is_empty(), "{id} has no match");
        for m in matches {
            for span in m["spans"].as_array().unwrap() {
                let at = &span["entry_at"];
                assert!(
                    at["page"].as_u64().is_some_and(|p| p >= 1)
                        && at["paragraph"].as_u64().is_some_and(|p| p >= 1),
                    "{id}: passage not located: {span}"
                );
                assert!(
                    span["source_at"]["paragraph"]
                        .as_u64()
                        .is_some_and(|p| p >= 1),
                    "{id}: source passage not located: {span}"
                );
            }
        }
    }
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
    let stated = "76 tài liệu (27 mô hình đã áp dụng, 45 giải pháp đã công khai, 2 bài dự thi trước, 2 văn bản mẫu)";
    assert!(
        dashboard.contains(stated),
        "the dashboard does not state the corpus"
    );
    for item in std::fs::read_dir(out.join("entries")).unwrap() {
        let page = std::fs::read_to_string(item.unwrap().path()).unwrap();
        assert!(
            page.contains(stated),
            "an entry page does not state the corpus"
        );
    }
    let minutes = zip_member(&out.join("bien-ban-so-loai.docx"), "word/document.xml");
    assert!(
        minutes.contains("Các bài dự thi được đối chiếu với nhau và với kho đối chiếu"),
        "the minutes do not state the corpus"
    );
    assert!(minutes.contains(stated));
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

/// The process's umask, from /proc (Linux); 0o022 where it cannot be read.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// Colleagues on a shared drive can open the reports: files are written 0666 less the umask
/// (0644 usually), not 0600 like a temporary file.
#[cfg(unix)]
#[test]
fn reports_are_readable_by_colleagues() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().unwrap();
    let (_, _, _, out) = screen_demo(work.path(), &[]);
    let expected = 0o666 & !umask();
    let mut files = vec![
        out.join("index.html"),
        out.join("report.json"),
        out.join("summary.csv"),
        out.join("summary.xlsx"),
        out.join("bien-ban-so-loai.docx"),
    ];
    for item in std::fs::read_dir(out.join("entries")).unwrap() {
        files.push(item.unwrap().path());
    }
    for file in files {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{} is {mode:o}", file.display());
    }
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

/// Text of a PDF as pdftotext reads it, whitespace folded to single spaces (a caption that
/// wraps in its cell reads whole).
fn pdf_text(pdf: &Path, first: Option<u32>, last: Option<u32>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some(f) = first {
        cmd.arg("-f").arg(f.to_string());
    }
    if let Some(l) = last {
        cmd.arg("-l").arg(l.to_string());
    }
    let run = cmd.arg(pdf).arg("-").output().expect("run pdftotext");
    assert!(
        run.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&run.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// (pages, width, height in points) of a PDF's first page, from pdfinfo.
fn pdf_pages(pdf: &Path) -> (u32, f64, f64) {
    let run = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("run pdfinfo");
    let info = String::from_utf8_lossy(&run.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let size: Vec<f64> = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .map(|v| {
            v.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    (
        pages,
        size.first().copied().unwrap_or(0.0),
        size.get(1).copied().unwrap_or(0.0),
    )
}

/// Print a page to PDF with headless Chromium, as a council member would from the browser.
fn print_page(work: &Path, page: &Path, name: &str) -> PathBuf {
    let pdf = work.join(format!("{name}.pdf"));
    let run = chromium(&work.join(format!("chromium-print-{name}")))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "chromium did not print {}: {}",
        page.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    pdf
}

/// Convert an Office file to PDF with LibreOffice, as the council prints it.
fn office_to_pdf(work: &Path, file: &Path) -> PathBuf {
    let outdir = work.join("office-pdf");
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&outdir)
        .arg(file)
        .output()
        .expect("run soffice");
    let pdf = outdir.join(file.with_extension("pdf").file_name().expect("a file name"));
    assert!(
        pdf.is_file(),
        "soffice did not convert {}: {}",
        file.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    pdf
}

#[test]
fn the_demo_prints_with_every_column() {
    if !on_path("chromium") || !on_path("pdftotext") || !on_path("soffice") {
        eprintln!("chromium, pdftotext or soffice not installed; skipping the print check");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let (_, _, report, out) = screen_demo(work.path(), &[]);
    let ids: Vec<String> = expected_flags().keys().cloned().collect();

    // The dashboard: A4 landscape, every column (the result column above all), every entry
    // with its verdict, and no controls or sort arrows.
    let pdf = print_page(work.path(), &out.join("index.html"), "dashboard");
    let (pages, width, height) = pdf_pages(&pdf);
    assert!(
        width > height,
        "dashboard not landscape: {width} x {height}"
    );
    assert!((1..=6).contains(&pages), "{pages} pages");
    let text = pdf_text(&pdf, None, None);
    for caption in [
        "Mã bài",
        "Tên bài dự thi",
        "Đơn vị",
        "Lĩnh vực đăng ký",
        "Tỷ lệ trùng lặp",
        "Hình thức",
        "Cảnh báo",
        "Kết quả sơ loại",
    ] {
        assert!(
            text.contains(caption),
            "printed dashboard lacks {caption:?}"
        );
    }
    for id in &ids {
        assert!(text.contains(id.as_str()), "printed dashboard lacks {id}");
    }
    assert!(text.contains("Đề nghị chuyển vòng chấm"));
    assert!(text.contains("Cần nộp lại"));
    for control in [
        "↕",
        "↑",
        "↓",
        "Tìm theo mã",
        "Mọi kết quả",
        "Chỉ bài có cảnh báo",
    ] {
        assert!(!text.contains(control), "{control:?} printed");
    }
    // Every row's verdict is printed: one verdict word per entry.
    let verdicts = ["Không đạt", "Cần nộp lại"]
        .iter()
        .map(|v| text.matches(v).count())
        .sum::<usize>();
    assert!(verdicts >= 12, "{verdicts} failing verdicts printed");

    // An entry page: portrait, the planted passage located by page and paragraph, the
    // source named by its public reference.
    let pdf = print_page(work.path(), &out.join("entries/E04.html"), "E04");
    let (_, width, height) = pdf_pages(&pdf);
    assert!(width < height, "entry page not portrait");
    let text = pdf_text(&pdf, None, None);
    let e04 = entry(&report, "E04");
    let at = &e04["matches"][0]["spans"][0]["entry_at"];
    let located = format!(
        "trang {}, đoạn {}",
        at["page"].as_u64().unwrap(),
        at["paragraph"].as_u64().unwrap()
    );
    for needle in [
        "Tỷ lệ trùng lặp",
        "Tỷ lệ nguyên gốc",
        "Quyết định 45/2016/QĐ-TTg",
        "Toàn quốc",
        located.as_str(),
        "Kho đối chiếu",
    ] {
        assert!(text.contains(needle), "printed E04 page lacks {needle:?}");
    }

    // summary.xlsx through LibreOffice: the entries sheet one page wide, every header and
    // every entry on its first page; dates are dates.
    let pdf = office_to_pdf(work.path(), &out.join("summary.xlsx"));
    let (_, width, height) = pdf_pages(&pdf);
    assert!(width > height, "summary.xlsx not landscape");
    let first = pdf_text(&pdf, Some(1), Some(1));
    for caption in [
        "Mã bài",
        "Tên bài dự thi",
        "Ngày nộp",
        "Lĩnh vực đăng ký",
        "Lĩnh vực (phát hiện)",
        "Tỷ lệ trùng lặp",
        "Tỷ lệ nguyên gốc",
        "Kết quả sơ loại",
        "Đề nghị chuyển vòng chấm",
        "Cảnh báo",
        "Nguồn trùng chính",
        "Lỗi",
    ] {
        // A caption wrapped in a narrow column may interleave with its neighbour's second
        // line in the PDF's text: look for its words.
        let words: Vec<&str> = first.split(' ').collect();
        assert!(
            caption.split(' ').all(|w| words.contains(&w)),
            "summary.xlsx page 1 lacks {caption:?}"
        );
    }
    for id in &ids {
        assert!(
            first.contains(id.as_str()),
            "summary.xlsx page 1 lacks {id}"
        );
    }
    assert!(first.contains("28/07/2025"), "E11's date is not day first");

    // The minutes through LibreOffice: the results table with every entry.
    let pdf = office_to_pdf(work.path(), &out.join("bien-ban-so-loai.docx"));
    let text = pdf_text(&pdf, None, None);
    for id in &ids {
        assert!(text.contains(id.as_str()), "printed minutes lack {id}");
    }
    assert!(text.contains("Kết quả"));
}

/// Run the binary with `args` and a clean locale (plus `env`); (code, stdout, stderr).
fn soloai(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_soloai"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "SOLOAI_LANG"] {
        cmd.env_remove(var);
    }
    let output = cmd.args(args).envs(env.iter().copied()).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn help_and_argument_errors_speak_vietnamese_by_default() {
    let (code, out, _) = soloai(&["screen", "--help"], &[]);
    assert_eq!(code, 0);
    for words in [
        "Cách dùng: soloai screen [TÙY_CHỌN] <THƯ_MỤC>",
        "Tham số:",
        "Tùy chọn:",
        "--out <THƯ_MỤC>          Thư mục ghi báo cáo [mặc định: soloai-out]",
        "-h, --help                   In hướng dẫn này",
    ] {
        assert!(out.contains(words), "{words:?} not in:\n{out}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "[default:",
    ] {
        assert!(!out.contains(english), "{english:?} in:\n{out}");
    }

    let (code, _, err) = soloai(&["scren"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("soloai: lỗi: không có lệnh 'scren'"), "{err}");
    assert!(
        err.contains("gợi ý: có thể ý bạn là") && err.contains("screen"),
        "{err}"
    );
    let (code, _, err) = soloai(&["screen"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("thiếu tham số bắt buộc: <THƯ_MỤC>")
            && err.contains("Xem hướng dẫn: soloai screen --help"),
        "{err}"
    );
    let (code, _, err) = soloai(&["check", "x.docx", "--bogus"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("không có tùy chọn '--bogus'"), "{err}");
    assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    let (code, _, err) = soloai(&["--lang", "fr", "profile", "list"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("các giá trị được dùng: vi, en"), "{err}");
}

#[test]
fn english_with_lang_en_or_an_english_locale() {
    let (_, flag, _) = soloai(&["--lang", "en", "screen", "--help"], &[]);
    let (_, locale, _) = soloai(&["screen", "--help"], &[("LANG", "en_US.UTF-8")]);
    for out in [&flag, &locale] {
        assert!(
            out.contains("Usage: soloai screen [OPTIONS] <FOLDER>"),
            "{out}"
        );
        assert!(out.contains("Where the reports are written [default: soloai-out]"));
    }
    // --lang beats the locale.
    let (_, out, _) = soloai(&["--lang", "vi", "--help"], &[("LANG", "en_US.UTF-8")]);
    assert!(out.contains("Cách dùng: soloai"), "{out}");
    let (code, _, err) = soloai(&["scren"], &[("LANG", "en_GB.UTF-8")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("soloai: error: unknown command 'scren'"),
        "{err}"
    );
}

/// Words a Vietnamese output may carry although they are not Vietnamese: product and font
/// names, formats, codes a user types (commands, options, corpus kinds), the time zone.
const ALLOWED: &[&str] = &[
    "soloai",
    "times",
    "new",
    "roman",
    "arial",
    "word",
    "excel",
    "libreoffice",
    "soffice",
    "pdf",
    "docx",
    "xlsx",
    "csv",
    "json",
    "html",
    "md",
    "txt",
    "toml",
    "doc",
    "odt",
    "ocr",
    "ioffice",
    "zalo",
    "qr",
    "pci",
    "utc",
    "asia",
    "ho",
    "chi",
    "minh",
    "lang",
    "vi",
    "en",
    "help",
    "version",
    "extract",
    "check",
    "profile",
    "corpus",
    "compare",
    "screen",
    "manifest",
    "template",
    "add",
    "list",
    "remove",
    "search",
    "stats",
    "rebuild",
    "show",
    "serve",
    "data",
    "council",
    "scoring",
    "sheets",
    "collect",
    "package",
    "minutes",
    "applied",
    "published",
    "past",
    "entry",
    "entries",
    "prior",
    "excluded",
    "persons",
    "units",
    "index",
    "out",
    "json",
    "force",
    "quiet",
    "deadline",
    "kind",
    "contest",
    "year",
    "province",
    "awarded",
    "title",
    "limit",
    "width",
    "true",
    "false",
    "id",
    "plain",
    "fifo",
    "tf",
    "idf",
    "zip",
    "xml",
    "www",
    "https",
    "gov",
    "vn",
    "liberation",
    "serif",
    "sans",
    "mono",
    "pt",
    "byte",
    "tthc",
];

/// Whether an ASCII word can be a Vietnamese syllable written without its diacritics: an
/// initial consonant, one to three vowels, a final consonant.
fn vietnamese_shape(word: &str) -> bool {
    const ONSETS: &[&str] = &[
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
    ONSETS.iter().any(|onset| {
        let Some(rest) = word.strip_prefix(onset) else {
            return false;
        };
        let vowels = rest
            .find(|c: char| !"aeiouy".contains(c))
            .unwrap_or(rest.len());
        (1..=3).contains(&vowels) && CODAS.contains(&&rest[vowels..])
            || (*onset == "gi" || *onset == "qu") && CODAS.contains(&rest)
    })
}

/// English words in `text`: ASCII words that cannot be a Vietnamese syllable written without
/// diacritics, plus English function words that could; file names, paths, options, codes
/// (all capitals) and the allow-list are skipped.
fn english_words(text: &str) -> Vec<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "and", "for", "with", "from", "this", "that", "by", "or", "is", "are", "be", "of",
        "at", "as", "it", "if", "not", "no", "could", "read", "file", "error",
    ];
    // What a user typed, echoed between quotes in an error, is theirs.
    let text: String = text
        .split('\'')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "\"'()[]{}<>,;:«»“”|=".contains(c))
    {
        // Options, paths, file names, addresses, codes with digits or dashes.
        if token.starts_with('-')
            || token.contains('/')
            || token.contains('.') && token.chars().any(|c| c.is_ascii_alphabetic())
            || token.contains('_')
            || token.contains('$')
        {
            continue;
        }
        for word in token.split(|c: char| !c.is_alphabetic()) {
            if word.len() < 2 || !word.is_ascii() {
                continue;
            }
            if word.chars().all(|c| c.is_ascii_uppercase()) {
                continue; // a code or an abbreviation (FORM-FONT, UBND, QĐ-TTg parts)
            }
            let lower = word.to_ascii_lowercase();
            if ALLOWED.contains(&lower.as_str()) {
                continue;
            }
            if !vietnamese_shape(&lower) || FUNCTION_WORDS.contains(&lower.as_str()) {
                found.push(word.to_string());
            }
        }
    }
    found
}

/// What a person reads on an HTML page: the text between tags and the title, placeholder
/// and aria-label attributes; not style or script.
fn html_visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let after = &rest[open..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = &after[..close];
        for attr in ["title=\"", "placeholder=\"", "aria-label=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                out.push_str(value.split('"').next().unwrap_or(""));
                out.push(' ');
            }
        }
        rest = &after[close..];
        for skip in ["<style", "<script"] {
            if tag.starts_with(skip) {
                let end = if skip == "<style" {
                    "</style>"
                } else {
                    "</script>"
                };
                rest = rest.find(end).map_or("", |e| &rest[e..]);
            }
        }
    }
    out.push_str(rest);
    out.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `<t>` texts of an Office XML part.
fn xml_texts(xml: &str) -> String {
    let mut out = String::new();
    for piece in xml.split("<w:t").chain(xml.split("<t")).skip(1) {
        if let Some(text) = piece.split_once('>').map(|(_, t)| t) {
            out.push_str(text.split('<').next().unwrap_or(""));
            out.push(' ');
        }
    }
    out
}

/// The messages a person reads inside report.json (not codes or file names).
fn json_messages(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    // A one-word evidence is a code ("corrupt"), not a sentence.
                    ("message" | "evidence" | "error", serde_json::Value::String(s))
                        if s.contains(' ') =>
                    {
                        out.push_str(s);
                        out.push('\n');
                    }
                    _ => json_messages(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_messages(v, out)),
        _ => {}
    }
}

#[test]
fn every_output_of_the_demo_is_in_vietnamese() {
    let work = tempfile::tempdir().unwrap();
    let (_, stdout, report, out) = screen_demo(work.path(), &[]);
    let mut outputs: Vec<(String, String)> = vec![("terminal".into(), stdout)];
    let mut pages = vec![out.join("index.html")];
    for item in std::fs::read_dir(out.join("entries")).unwrap() {
        pages.push(item.unwrap().path());
    }
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        outputs.push((page.display().to_string(), html_visible(&html)));
    }
    outputs.push((
        "summary.csv".into(),
        std::fs::read_to_string(out.join("summary.csv")).unwrap(),
    ));
    let xlsx = out.join("summary.xlsx");
    let mut sheets = zip_member(&xlsx, "xl/workbook.xml");
    sheets.push_str(&xml_texts(&zip_member(&xlsx, "xl/sharedStrings.xml")));
    outputs.push((
        "summary.xlsx".into(),
        xml_texts(&sheets) + &sheets_names(&sheets),
    ));
    outputs.push((
        "bien-ban-so-loai.docx".into(),
        xml_texts(&zip_member(
            &out.join("bien-ban-so-loai.docx"),
            "word/document.xml",
        )),
    ));
    let mut messages = String::new();
    json_messages(&report, &mut messages);
    outputs.push(("report.json messages".into(), messages));
    // The help of every command, and an argument error.
    for args in [
        vec!["--help"],
        vec!["extract", "--help"],
        vec!["check", "--help"],
        vec!["profile", "--help"],
        vec!["profile", "list", "--help"],
        vec!["profile", "show", "--help"],
        vec!["corpus", "--help"],
        vec!["corpus", "add", "--help"],
        vec!["corpus", "list", "--help"],
        vec!["corpus", "remove", "--help"],
        vec!["corpus", "search", "--help"],
        vec!["corpus", "stats", "--help"],
        vec!["corpus", "rebuild", "--help"],
        vec!["compare", "--help"],
        vec!["screen", "--help"],
        vec!["manifest-template", "--help"],
        vec!["serve", "--help"],
        vec!["council-template", "--help"],
        vec!["scoring", "--help"],
        vec!["scoring", "sheets", "--help"],
        vec!["scoring", "collect", "--help"],
        vec!["package", "--help"],
        vec!["minutes", "--help"],
        vec!["screen"],
        vec!["scren"],
    ] {
        let (_, stdout, stderr) = soloai(&args, &[]);
        outputs.push((format!("soloai {}", args.join(" ")), stdout + &stderr));
    }
    let mut leaks = Vec::new();
    for (name, text) in &outputs {
        let words = english_words(text);
        if !words.is_empty() {
            leaks.push(format!("{name}: {}", words.join(" ")));
        }
    }
    assert!(
        leaks.is_empty(),
        "English in the outputs:\n{}",
        leaks.join("\n")
    );
}

/// The sheet names of a workbook.xml.
fn sheets_names(workbook: &str) -> String {
    workbook
        .split("name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_english_detector_finds_english_and_spares_vietnamese() {
    assert_eq!(
        english_words("error: the following required arguments were not provided"),
        [
            "error",
            "the",
            "following",
            "required",
            "arguments",
            "were",
            "not",
            "provided"
        ]
    );
    assert_eq!(
        english_words("zip: invalid Zip archive: Could not find EOCD"),
        ["invalid", "archive", "Could", "not", "find"]
    );
    assert!(
        english_words("Tệp bị hỏng. Cong chuc Hoang Thi Minh Nguyet, xem xe xanh UBND xã")
            .is_empty()
    );
    assert!(english_words("không có lệnh 'scren'").is_empty());
    assert!(
        english_words("Xem E01.docx, --corpus, FORM-FONT, /tmp/x, Quyết định 45/2016/QĐ-TTg")
            .is_empty()
    );
}

/// Everything that changes from run to run taken out of an output: the run time, the work
/// folder (the index path), the minutes' date line.
fn stable(text: &str, work: &Path) -> String {
    let text = text.replace(&work.display().to_string(), "[work]");
    let run_time = regex::Regex::new(r#"<span class="run-time">[^<]*</span>"#).unwrap();
    let text = run_time.replace_all(&text, r#"<span class="run-time">[run time]</span>"#);
    let date_words = regex::Regex::new(r"ngày \d{2} tháng \d{1,2} năm \d{4}").unwrap();
    date_words
        .replace_all(&text, "ngày [dd] tháng [mm] năm [yyyy]")
        .into_owned()
}

/// An Office XML part with a line break after each paragraph, row and shared string, so a
/// snapshot diff shows which one changed.
fn xml_lines(xml: &str) -> String {
    xml.replace("</w:p>", "</w:p>\n")
        .replace("</w:tr>", "</w:tr>\n")
        .replace("</row>", "</row>\n")
        .replace("</si>", "</si>\n")
}

/// Snapshots of every output format for the demo contest, so that any change to what the
/// council reads is reviewed. When a change is intended: `INSTA_UPDATE=always cargo test
/// --test screen demo_outputs` (or `cargo insta review`), then read the diff before committing.
#[test]
fn demo_outputs_snapshots() {
    let work = tempfile::tempdir().unwrap();
    let (_, stdout, _, out) = screen_demo(work.path(), &[]);
    let w = work.path();
    insta::assert_snapshot!("demo_terminal", stable(&stdout, w));
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    insta::assert_snapshot!("demo_index_html", stable(&read("index.html"), w));
    for id in ["E02", "E04", "E07", "E13"] {
        insta::assert_snapshot!(
            format!("demo_entry_{id}_html"),
            stable(&read(&format!("entries/{id}.html")), w)
        );
    }
    insta::assert_snapshot!("demo_summary_csv", read("summary.csv"));
    let xlsx = out.join("summary.xlsx");
    for part in [
        "xl/workbook.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ] {
        let name = part.replace(['/', '.'], "_");
        insta::assert_snapshot!(
            format!("demo_summary_xlsx_{name}"),
            xml_lines(&zip_member(&xlsx, part))
        );
    }
    let minutes = zip_member(&out.join("bien-ban-so-loai.docx"), "word/document.xml");
    insta::assert_snapshot!("demo_minutes_document_xml", stable(&xml_lines(&minutes), w));
}

#[test]
fn an_empty_corpus_is_a_loud_warning_everywhere() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(root().join("fixtures/demo-contest/entries"))
        .args(["--profile", "lang-son-2025"])
        .arg("--index")
        .arg(work.path().join("empty-index"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let warning = "CẢNH BÁO: kho đối chiếu không có mô hình, giải pháp hay bài dự thi trước nào";
    assert!(stdout.contains(warning), "{stdout}");
    assert!(stdout.contains(": 0 tài liệu"), "{stdout}");
    let dashboard = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(dashboard.contains("class=\"warning-box\"") && dashboard.contains(warning));
    for item in std::fs::read_dir(out.join("entries")).unwrap() {
        let page = std::fs::read_to_string(item.unwrap().path()).unwrap();
        assert!(page.contains(warning), "an entry page lacks the warning");
    }
    let minutes = zip_member(&out.join("bien-ban-so-loai.docx"), "word/document.xml");
    assert!(minutes.contains(warning), "the minutes lack the warning");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["corpus"]["documents"], 0);
}

/// The demo screened with `--lang en`, end to end: the terminal, the dashboard, an entry page,
/// the unreadable file's page, the CSV, the workbook, the minutes and report.json all speak
/// English, and none of them shows a Vietnamese word of soloai's own (the vocabulary's
/// Vietnamese headings, captions and verdicts). What the entries, the plan and the lists say
/// (titles, names, units, quoted lines) stays as written.
#[test]
fn the_demo_in_english_end_to_end() {
    let work = tempfile::tempdir().unwrap();
    let (code, terminal, report, out) = screen_demo(work.path(), &["--lang", "en"]);
    assert_eq!(code, 1, "{terminal}");
    let vi = soloai::Lang::Vi.words();
    let en = soloai::Lang::En.words();
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let dashboard = html_visible(&read("index.html"));
    let entry_page = html_visible(&read("entries/E04.html"));
    let unreadable = html_visible(&read("entries/E13.html"));
    let csv = read("summary.csv");
    let xlsx = out.join("summary.xlsx");
    let workbook = zip_member(&xlsx, "xl/workbook.xml");
    let cells = xml_texts(&zip_member(&xlsx, "xl/sharedStrings.xml"));
    let minutes = xml_texts(&zip_member(
        &out.join("bien-ban-so-loai.docx"),
        "word/document.xml",
    ));
    // (output, what it must say in English, its Vietnamese counterpart it must not say)
    let expect: Vec<(&str, &str, &str, &str)> = vec![
        (
            "terminal",
            &terminal,
            en.terminal.reports_in,
            vi.terminal.reports_in,
        ),
        (
            "terminal",
            &terminal,
            en.terminal.below_quota,
            vi.terminal.below_quota,
        ),
        (
            "terminal",
            &terminal,
            en.verdict.resubmit,
            vi.verdict.resubmit,
        ),
        (
            "dashboard",
            &dashboard,
            en.dashboard.heading,
            vi.dashboard.heading,
        ),
        (
            "dashboard",
            &dashboard,
            en.dashboard.entries_heading,
            vi.dashboard.entries_heading,
        ),
        (
            "dashboard",
            &dashboard,
            en.dashboard.units_heading,
            vi.dashboard.units_heading,
        ),
        (
            "dashboard",
            &dashboard,
            en.dashboard.how_heading,
            vi.dashboard.how_heading,
        ),
        ("dashboard", &dashboard, en.verdict.fail, vi.verdict.fail),
        (
            "entry page",
            &entry_page,
            en.entry_page.heading,
            vi.entry_page.heading,
        ),
        (
            "entry page",
            &entry_page,
            en.entry_page.form_checks,
            vi.entry_page.form_checks,
        ),
        (
            "entry page",
            &entry_page,
            en.entry_page.eligibility,
            vi.entry_page.eligibility,
        ),
        (
            "entry page",
            &entry_page,
            en.entry_page.similarity_sentence,
            vi.entry_page.similarity_sentence,
        ),
        (
            "unreadable page",
            &unreadable,
            en.entry_page.heading_unreadable,
            vi.entry_page.heading_unreadable,
        ),
        (
            "unreadable page",
            &unreadable,
            en.verdict.resubmit_ask,
            vi.verdict.resubmit_ask,
        ),
        ("summary.csv", &csv, en.verdict.pass, vi.verdict.fail),
        (
            "summary.xlsx",
            &workbook,
            en.sheet.entries,
            vi.sheet.entries,
        ),
        ("summary.xlsx", &workbook, en.sheet.units, vi.sheet.units),
        ("summary.xlsx", &cells, en.verdict.fail, vi.verdict.fail),
        ("minutes", &minutes, "MINUTES", "BIÊN BẢN"),
    ];
    let mut wrong = Vec::new();
    for (name, text, english, vietnamese) in expect {
        if !text.contains(english) {
            wrong.push(format!("{name} lacks {english:?}"));
        }
        if text.contains(vietnamese) {
            wrong.push(format!("{name} says {vietnamese:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Passages are located in English words.
    assert!(entry_page.contains("page 2, paragraph"), "{entry_page}");
    assert!(!entry_page.contains("trang 2, đoạn"));
    // report.json: the same codes, messages in English.
    assert_eq!(flags_by_entry(&report), expected_flags());
    let late = &entry_flags(&report, "E11")[0];
    assert!(late.starts_with("Sent on 28/07/2025: late"), "{late}");
    let e13 = entry(&report, "E13");
    assert!(
        e13["error"].as_str().unwrap().contains("broken"),
        "{}",
        e13["error"]
    );
}

/// The flag messages of one entry in report.json.
fn entry_flags(report: &serde_json::Value, id: &str) -> Vec<String> {
    entry(report, id)["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A file the reader had to read with care (here a text file with control characters and a
/// Windows encoding) says so on its entry page, in Vietnamese: the council knows where to
/// look at the original.
#[test]
fn reading_warnings_reach_the_entry_page() {
    let work = tempfile::tempdir().unwrap();
    let entries = work.path().join("entries");
    std::fs::create_dir(&entries).unwrap();
    // "Bài dự thi" and a body in windows-1258 with two control characters.
    let mut bytes: Vec<u8> = b"Ba\xecu d\xf2\xef thi\x01\n".to_vec();
    bytes.extend_from_slice(
        "Ủy ban nhân dân xã tiếp nhận hồ sơ trực tuyến và trả kết quả tại nhà.\x02\n"
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
            .collect::<Vec<u8>>()
            .as_slice(),
    );
    std::fs::write(entries.join("LS01.txt"), &bytes).unwrap();
    let out = work.path().join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(&entries)
        .args(["--profile", "lang-son-2025", "--quiet"])
        .arg("--index")
        .arg(work.path().join("index"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        out.join("report.json").exists(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let warnings = report["entries"][0]["read_warnings"].clone();
    assert!(
        warnings.as_array().is_some_and(|w| !w.is_empty()),
        "{report}"
    );
    let page = std::fs::read_dir(out.join("entries"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let html = std::fs::read_to_string(page).unwrap();
    assert!(html.contains("<h2>Lưu ý khi đọc tệp</h2>"), "{html}");
    assert!(
        html.contains("Đã bỏ 2 ký tự điều khiển khỏi văn bản."),
        "{warnings}"
    );
    assert!(!html.contains("control characters"));
}
