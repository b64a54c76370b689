//! The package sent up, on the demo contest: exactly the forwarded entries with their
//! attachments, the minutes, the summary workbook, the marking papers when present, a
//! contents list and a manifest whose hashes match; council decisions add an entry; the zip is
//! written atomically (nothing else left in the folder) and never holds an unsafe name.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn soloai(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
        .output()
        .expect("run soloai")
}

/// The demo contest screened once for this binary (under target/).
fn screened() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("package-demo");
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).expect("work dir");
        let out = work.join("out");
        soloai(&[
            "screen".as_ref(),
            root().join("fixtures/demo-contest").as_os_str(),
            "--corpus".as_ref(),
            root().join("corpus").as_os_str(),
            "--index".as_ref(),
            work.join("index").as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--quiet".as_ref(),
        ]);
        assert!(
            out.join("report.json").is_file(),
            "screening the demo failed"
        );
        out
    })
}

fn copy_of(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("package-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for f in ["report.json", "summary.xlsx", "bien-ban-so-loai.docx"] {
        std::fs::copy(screened().join(f), dir.join(f)).expect("copy");
    }
    dir
}

fn names(zip: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let z = zip::ZipArchive::new(std::fs::File::open(zip)?)?;
    Ok(z.file_names().map(String::from).collect())
}

fn member(zip: &Path, name: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip)?)?;
    let mut bytes = Vec::new();
    z.by_name(name)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Times, sizes and hashes replaced by placeholders, everywhere in a JSON value.
fn redact_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                match k.as_str() {
                    "created" | "report_generated_at" => *val = "[time]".into(),
                    "bytes" => *val = "[bytes]".into(),
                    "sha256" => *val = "[sha256]".into(),
                    _ => redact_json(val),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

fn package(dir: &Path, extra: &[&std::ffi::OsStr]) -> Output {
    let contest = root().join("fixtures/demo-contest");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "package".as_ref(),
        contest.as_os_str(),
        "--report".as_ref(),
        dir.as_os_str(),
    ];
    args.extend(extra);
    soloai(&args)
}

#[test]
fn the_package_holds_exactly_the_forwarded_entries_and_the_papers() -> TestResult {
    let dir = copy_of("plain");
    let run = package(&dir, &[]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Four units of the demo have no entry that counts (two sent none, two sent one that is
    // not eligible): a warning each, exit 1.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let zip = dir.join("ho-so-so-loai-so-noi-vu-tinh-lang-son-2025.zip");
    assert!(stdout.contains(&zip.display().to_string()), "{stdout}");
    let found: BTreeSet<String> = names(&zip)?.into_iter().collect();
    let expected: BTreeSet<String> = [
        "00-danh-muc-ho-so.txt",
        "00-manifest.json",
        "01-bien-ban-so-loai.docx",
        "02-tong-hop-ket-qua-so-loai.xlsx",
        "bai-du-thi/01-E01/E01.docx",
        "bai-du-thi/02-E06/bai-du-thi.docx",
        "bai-du-thi/02-E06/van-ban-giai-trinh.docx",
        "bai-du-thi/03-E14/E14.docx",
        "bai-du-thi/04-E15/E15.pdf",
        "bai-du-thi/05-E16/E16.pdf",
        "bai-du-thi/06-E17/E17.docx",
        "bai-du-thi/07-E18/E18.docx",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, expected);
    // The files are the entries' own bytes, and the manifest's hashes say so.
    let e06 = member(&zip, "bai-du-thi/02-E06/van-ban-giai-trinh.docx")?;
    assert_eq!(
        e06,
        std::fs::read(root().join("fixtures/demo-contest/entries/E06/van-ban-giai-trinh.docx"))?
    );
    let manifest: serde_json::Value = serde_json::from_slice(&member(&zip, "00-manifest.json")?)?;
    assert_eq!(manifest["schema"], "soloai.package/1");
    let entries = manifest["entries"].as_array().ok_or("entries")?;
    assert_eq!(entries.len(), 7);
    for e in entries {
        for f in e["files"].as_array().ok_or("files")? {
            let name = f["name"].as_str().ok_or("name")?;
            let bytes = member(&zip, name)?;
            let hash: String = {
                use sha2::Digest;
                sha2::Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect()
            };
            assert_eq!(f["sha256"].as_str(), Some(hash.as_str()), "{name}");
            assert_eq!(f["bytes"].as_u64(), Some(bytes.len() as u64));
        }
    }
    // No local path travels with the package; the units short of their quota do.
    assert!(manifest.get("path").is_none(), "{manifest}");
    let short: Vec<&str> = manifest["units_short"]
        .as_array()
        .ok_or("units_short")?
        .iter()
        .filter_map(|u| u["unit"].as_str())
        .collect();
    // Four with no entry passing, five whose count waits on the council's decisions.
    assert_eq!(
        short,
        [
            "Sở Khoa học và Công nghệ",
            "Sở Công Thương",
            "Sở Giáo dục và Đào tạo",
            "Sở Tài chính",
            "Sở Nội vụ",
            "UBND huyện Văn Lãng",
            "UBND huyện Cao Lộc",
            "UBND thành phố Lạng Sơn",
            "UBND huyện Bắc Sơn"
        ]
    );
    // The manifest's layout; times, sizes and hashes (checked above) set aside.
    let mut stable = manifest.clone();
    redact_json(&mut stable);
    insta::assert_json_snapshot!("package_manifest", stable);
    let list = String::from_utf8(member(&zip, "00-danh-muc-ho-so.txt")?)?;
    for needle in [
        "DANH MỤC HỒ SƠ GỬI KÈM",
        "Đơn vị gửi: Sở Nội vụ tỉnh Lạng Sơn (UBND tỉnh Lạng Sơn)",
        "Biên bản sơ loại số: 07/BB-HĐSL",
        "Hạn gửi: Sơ loại và gửi bài dự thi có chất lượng về Sở Nội vụ — trước ngày 15/07/2025",
        "2. Bài dự thi đề nghị chuyển vòng chấm: 07 bài",
        "2.2. E06 — Kèm cặp kỹ năng số",
        "3. Đơn vị chưa đạt chỉ tiêu số bài dự thi:",
        "   - Sở Giáo dục và Đào tạo: Không đạt: không có bài nào đạt sơ loại",
        "   - UBND huyện Văn Lãng: Chưa xác định: 2 bài đạt sơ loại và 1 bài chờ xác định",
        "E10A (gửi qua nhiều đầu mối tiếp nhận)",
        "   - Sở Tài chính: Không đạt",
        "E12 (tác giả thuộc diện không được dự thi)",
        "   - Sở Nội vụ: Không đạt",
        "   - UBND huyện Bắc Sơn: Không đạt",
        "UBND huyện Bắc Sơn không có bài dự thi hợp lệ: gửi kèm văn bản giải trình",
        // Made today for a 2025 contest: after the last day to send it up.
        "Gói hồ sơ được lập sau hạn \"Sơ loại và gửi bài dự thi có chất lượng về Sở Nội vụ\" (trước ngày 15/07/2025)",
    ] {
        assert!(
            list.contains(needle),
            "contents list lacks {needle:?}:\n{list}"
        );
    }
    // Nothing but the zip and the inputs in the folder: no temporary file left (the run lock's
    // file stays, as after every soloai run).
    let mut left: Vec<String> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".soloai.lock")
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "bien-ban-so-loai.docx",
            "ho-so-so-loai-so-noi-vu-tinh-lang-son-2025.zip",
            "report.json",
            "summary.xlsx"
        ]
    );
    // The time and the sizes (other writers' output changes them) are not the point here.
    let redact = regex::Regex::new(r"Lập lúc: .*")?;
    let sizes = regex::Regex::new(r"\(\d+(\.\d)? [KM]B\)")?;
    let list = sizes.replace_all(&list, "(… KB)").into_owned();
    insta::assert_snapshot!(
        "package_contents_list",
        redact.replace(&list, "Lập lúc: [time]")
    );
    Ok(())
}

#[test]
fn council_decisions_and_marking_papers_go_in_too() -> TestResult {
    let dir = copy_of("decisions");
    // E07 failed on its font and size only; the council dismissed both flags.
    let decisions = dir.join("decisions.json");
    std::fs::write(
        &decisions,
        r#"[{"entry":"E07","flag":"FORM-FONT","action":"dismissed","by":"Hoàng Văn Thắng","reason":"Bản in đúng phông","at":"2025-07-08T02:00:00Z"},
            {"entry":"E07","flag":"FORM-SIZE","action":"dismissed","by":"Hoàng Văn Thắng","reason":"Bản in đúng cỡ","at":"2025-07-08T02:01:00Z"}]"#,
    )?;
    std::fs::write(dir.join("bien-ban-cham-diem.docx"), b"marking minutes")?;
    std::fs::write(dir.join("danh-sach-khen-thuong.xlsx"), b"prize list")?;
    let out = dir.join("gui-so-noi-vu.zip");
    let run = package(
        &dir,
        &[
            "--decisions".as_ref(),
            decisions.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert_ne!(
        run.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let found = names(&out)?;
    assert!(
        found.contains(&"bai-du-thi/03-E07/E07.docx".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"03-1-bien-ban-cham-diem.docx".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"03-4-danh-sach-khen-thuong.xlsx".to_string()),
        "{found:?}"
    );
    assert!(!found.iter().any(|n| n.contains("ket-qua-cham")));
    let list = String::from_utf8(member(&out, "00-danh-muc-ho-so.txt")?)?;
    assert!(list.contains("E07 — Phiếu nhận xét sau kiểm tra dành cho doanh nghiệp — Đinh Quang Minh (Sở Công Thương tỉnh Lạng Sơn) — theo quyết định của Hội đồng"), "{list}");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&member(&out, "00-manifest.json")?)?["entries"]
            .as_array()
            .map(Vec::len),
        Some(8)
    );
    Ok(())
}

#[test]
fn without_the_screening_papers_nothing_is_written() -> TestResult {
    let dir = copy_of("missing");
    std::fs::remove_file(dir.join("summary.xlsx"))?;
    let run = package(&dir, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("summary.xlsx"));
    assert!(
        !std::fs::read_dir(&dir)?
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".zip")),
        "no zip is left behind"
    );
    Ok(())
}

#[test]
fn the_package_goes_into_a_new_folder_named_with_out_readable_as_the_reports_are() -> TestResult {
    let dir = copy_of("new-folder");
    let zip = dir.join("gui-len").join("ho-so.zip");
    let run = package(&dir, &["--out".as_ref(), zip.as_os_str()]);
    assert!(
        run.status.code() == Some(0) || run.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        names(&zip)?
            .iter()
            .any(|n| n.ends_with("bien-ban-so-loai.docx"))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Not private to its owner (0600): 0666 less the umask, as every report is.
        let zip_mode = std::fs::metadata(&zip)?.permissions().mode() & 0o777;
        let report_mode = std::fs::metadata(screened().join("report.json"))?
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(zip_mode, report_mode);
    }
    // Below a file there is no folder to make: exit 2, the zip named, nothing written.
    let file = dir.join("mot-tep");
    std::fs::write(&file, b"x")?;
    let run = package(
        &dir,
        &["--out".as_ref(), file.join("ho-so.zip").as_os_str()],
    );
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("mot-tep") && stderr.contains("không phải thư mục"),
        "{stderr}"
    );
    Ok(())
}

/// The contest argument of `package` is a folder, and its help says so in both languages
/// (elsewhere an argument named `contest` is a contest's name).
#[test]
fn package_help_calls_the_contest_a_folder() {
    for (lang, folder) in [("vi", "<THƯ_MỤC>"), ("en", "<FOLDER>")] {
        let out = soloai(&[
            "--lang".as_ref(),
            lang.as_ref(),
            "package".as_ref(),
            "--help".as_ref(),
        ]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{help}");
        let usage = help
            .lines()
            .find(|l| l.contains("package"))
            .unwrap_or_default();
        assert!(usage.ends_with(folder), "usage line: {usage}");
    }
}

/// `--out` names the one file `package`, `council-template` and `manifest-template` write,
/// and the folder `screen` and `minutes` write into; the help says which.
#[test]
fn out_is_called_a_file_where_one_file_is_written() {
    for (lang, file, folder) in [("vi", "<TỆP>", "<THƯ_MỤC>"), ("en", "<FILE>", "<FOLDER>")] {
        for (command, wanted) in [
            ("package", file),
            ("council-template", file),
            ("manifest-template", file),
            ("screen", folder),
            ("minutes", folder),
        ] {
            let out = soloai(&[
                "--lang".as_ref(),
                lang.as_ref(),
                command.as_ref(),
                "--help".as_ref(),
            ]);
            let help = String::from_utf8_lossy(&out.stdout);
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with("--out"))
                .unwrap_or_default();
            assert!(
                line.contains(&format!("--out {wanted}")),
                "{command} ({lang}): {line}"
            );
        }
    }
}
