//! Hostile and broken input (issue #14): the real binary screens a folder built to hurt it,
//! under a 2 GiB address-space limit, and must read nothing from outside the folder, touch
//! nothing in `--out` it did not write, report every other entry, and print no terminal
//! escape.
//!
//! What git can hold is made by `fixtures/hostile/make.py` (into `fixtures/hostile/files/`);
//! what it cannot — links out of the folder (to `/etc/passwd`, `/proc/self/status`, a .docx
//! outside), a link to `/dev/zero`, a FIFO named `.docx`, `up -> ..`, a dangling link, a
//! linked folder, names with terminal escapes and a bidi override — is made here, in a fresh
//! temporary folder, at run time.

#![cfg(unix)]

use std::ffi::CString;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Text only the file outside the entries folder holds (in `outside-secret.docx`).
const OUTSIDE_MARKER: &str = "NGOAI-THU-MUC-7Q2";
/// A name that clears the screen and prints a green "ALL PASSED" if printed raw.
const ESCAPE_NAME: &str = "E1 \u{1b}[2J\u{1b}[1;32mALL PASSED\u{1b}[0m.docx";
/// A name whose U+202E shows `bai-cod.docx` reversed.
const BIDI_NAME: &str = "bai\u{202e}xcod.docx";
/// The address-space limit the screening runs under.
const ADDRESS_SPACE: u64 = 2 << 30;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn hostile_file(name: &str) -> PathBuf {
    repo("fixtures/hostile/files").join(name)
}

fn copy(from: &Path, to: &Path) {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::copy(from, to)
        .unwrap_or_else(|e| panic!("{} -> {}: {e}", from.display(), to.display()));
}

fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_encoded_bytes()).unwrap_or_default();
    // SAFETY: a valid NUL-terminated path.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// The hostile contest folder: `root/contest/entries` and, beside it, `root/outside`.
struct Hostile {
    root: tempfile::TempDir,
}

impl Hostile {
    fn new(with_pending: bool) -> Hostile {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let outside = root.path().join("outside");
        let entries = root.path().join("contest/entries");
        std::fs::create_dir_all(&entries).unwrap_or_default();
        copy(
            &hostile_file("outside-secret.docx"),
            &outside.join("secret.docx"),
        );
        std::fs::write(
            outside.join("secret.txt"),
            format!("{OUTSIDE_MARKER} mật\n"),
        )
        .unwrap_or_default();

        // Entries that must be reported as usual.
        copy(
            &repo("fixtures/check/all-pass.docx"),
            &entries.join("E02.docx"),
        );
        copy(
            &repo("fixtures/check/all-pass.pdf"),
            &entries.join("E03.pdf"),
        );
        copy(
            &repo("fixtures/check/COVER-unlabelled.docx"),
            &entries.join("So Noi vu/E04.docx"),
        );
        copy(
            &repo("fixtures/check/plain-text.txt"),
            &entries.join("So Noi vu/E05.txt"),
        );
        copy(&hostile_file("other.docx"), &entries.join(ESCAPE_NAME));
        std::fs::create_dir_all(entries.join("E20")).unwrap_or_default();
        copy(
            &repo("fixtures/check/FORM-FONT-arial-13.docx"),
            &entries.join(BIDI_NAME),
        );
        // A video entry with its Word summary and a picture; a video alone (item 2).
        std::fs::write(entries.join("E20/phim.mp4"), [0u8; 1000]).unwrap_or_default();
        copy(
            &hostile_file("other.docx"),
            &entries.join("E20/tom-tat.docx"),
        );
        std::fs::write(entries.join("E20/anh.jpg"), [0u8; 10]).unwrap_or_default();
        std::fs::write(entries.join("E21.mp4"), [0u8; 2000]).unwrap_or_default();
        // Broken files, each with its own clear error (item 7).
        for name in [
            "empty.docx",
            "empty.pdf",
            "bad-utf8.txt",
            "control-chars.txt",
            "xlsx-renamed.doc",
            "encrypted.doc",
            "zip-bomb.docx",
        ] {
            copy(&hostile_file(name), &entries.join(name));
        }
        // Links out, devices, FIFOs, loops (item 1).
        symlink("/etc/passwd", entries.join("passwd.txt")).unwrap_or_default();
        symlink("/proc/self/status", entries.join("status.txt")).unwrap_or_default();
        symlink(outside.join("secret.docx"), entries.join("secret.docx")).unwrap_or_default();
        symlink(
            outside.join("secret.txt"),
            entries.join("So Noi vu/secret.txt"),
        )
        .unwrap_or_default();
        symlink("/dev/zero", entries.join("zero.txt")).unwrap_or_default();
        symlink("..", entries.join("up")).unwrap_or_default();
        symlink("nowhere.pdf", entries.join("dangling.pdf")).unwrap_or_default();
        symlink(&outside, entries.join("linked-folder")).unwrap_or_default();
        mkfifo(&entries.join("pipe.docx"));
        // The contest folder's conventional files are looked up by name: never through a link.
        let contest = root.path().join("contest");
        symlink(outside.join("secret.txt"), contest.join("units.csv")).unwrap_or_default();
        symlink(
            outside.join("secret.txt"),
            contest.join("excluded-persons.csv"),
        )
        .unwrap_or_default();
        // Form XObjects 10 wide and 13 deep: 3.9 KB asking for 10^13 draws (#14 item 3).
        copy(
            &hostile_file("nested-xobject.pdf"),
            &entries.join("xobject.pdf"),
        );
        if with_pending {
            // Exact copies, four and six of them (#14 item 5, detect).
            for i in 1..=4 {
                copy(
                    &hostile_file("copy.docx"),
                    &entries.join(format!("bon/copy-{i}.docx")),
                );
            }
            for i in 1..=6 {
                copy(
                    &hostile_file("other.docx"),
                    &entries.join(format!("sau/other-{i}.docx")),
                );
            }
        }
        Hostile { root }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }
}

/// Run the real binary with its address space limited to 2 GiB.
fn soloai_limited(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soloai"));
    command.args(args).env("NO_COLOR", "1");
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE as libc::rlim_t,
                rlim_max: ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("could not run soloai: {e}"))
}

fn screen(h: &Hostile, out: &Path) -> Output {
    let entries = h.path("contest");
    let index = h.path("index");
    soloai_limited(&[
        "screen",
        entries.to_str().unwrap_or_default(),
        "--profile",
        "lang-son-2025",
        "--out",
        out.to_str().unwrap_or_default(),
        "--index",
        index.to_str().unwrap_or_default(),
        "--quiet",
    ])
}

/// Every file below `dir` (links not followed), with the text inside zip-based files too.
fn texts_below(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for item in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = item.path();
            let Ok(kind) = item.file_type() else { continue };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                let bytes = std::fs::read(&path).unwrap_or_default();
                out.push((path.clone(), String::from_utf8_lossy(&bytes).into_owned()));
                if bytes.starts_with(b"PK") {
                    out.extend(zip_texts(&path, &bytes));
                }
            }
        }
    }
    out
}

fn zip_texts(path: &Path, bytes: &[u8]) -> Vec<(PathBuf, String)> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..archive.len() {
        if let Ok(mut member) = archive.by_index(i) {
            let mut text = String::new();
            let name = member.name().to_string();
            if member.read_to_string(&mut text).is_ok() {
                out.push((path.join(name), text));
            }
        }
    }
    out
}

fn report_json(out: &Path) -> serde_json::Value {
    let bytes = std::fs::read(out.join("report.json")).unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("report.json: {e}"))
}

fn entry<'a>(report: &'a serde_json::Value, file: &str) -> &'a serde_json::Value {
    report["entries"]
        .as_array()
        .and_then(|es| es.iter().find(|e| e["file"] == file))
        .unwrap_or_else(|| panic!("no entry for {file:?} in {report:#}"))
}

fn assert_no_raw_escapes(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x1b), "{what} has a raw ESC:\n{text}");
    assert!(
        !text.contains('\u{202e}'),
        "{what} has a raw U+202E:\n{text}"
    );
}

#[test]
fn a_hostile_folder_is_screened_safely_under_2_gib() {
    let h = Hostile::new(false);
    let out = h.path("out");
    let run = screen(&h, &out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "exit {:?}\n{stdout}\n{stderr}",
        run.status
    );
    assert_no_raw_escapes("stdout", &run.stdout);
    assert_no_raw_escapes("stderr", &run.stderr);
    assert!(
        stdout.contains("<U+001B>[2J"),
        "the escape name is shown visibly:\n{stdout}"
    );

    // Nothing from outside the folder in any output: not the .docx or .txt outside, not
    // /etc/passwd, not /proc/self/status.
    for (path, text) in texts_below(&out) {
        for leaked in [OUTSIDE_MARKER, "root:x:0:0", "VmPeak:", "TracerPid:"] {
            assert!(
                !text.contains(leaked),
                "{} holds {leaked:?}",
                path.display()
            );
        }
    }

    let report = report_json(&out);
    // Every other entry is reported: the good ones read, the broken ones with their reason.
    for file in [
        "E02.docx",
        "E03.pdf",
        "So Noi vu/E04.docx",
        "So Noi vu/E05.txt",
        ESCAPE_NAME,
        BIDI_NAME,
        "bad-utf8.txt",
        "control-chars.txt",
    ] {
        assert_eq!(
            entry(&report, file)["status"],
            "ok",
            "{file}: {:#}",
            entry(&report, file)
        );
    }
    let error_of = |file: &str| {
        let e = entry(&report, file);
        assert_eq!(e["status"], "error", "{file}: {e:#}");
        e["error"].as_str().unwrap_or_default().to_string()
    };
    assert!(error_of("empty.docx").contains("Tệp rỗng"));
    assert!(error_of("empty.pdf").contains("Tệp rỗng"));
    assert!(error_of("xlsx-renamed.doc").contains("đuôi .doc nhưng thực chất là .xlsx"));
    assert!(error_of("encrypted.doc").contains("mật khẩu"));
    assert!(error_of("zip-bomb.docx").contains("bom zip"));
    assert!(error_of("xobject.pdf").contains("vượt giới hạn xử lý"));
    // Attachments with kind and size; a video's summary is its document, a video alone has none.
    let e20 = entry(&report, "E20");
    assert_eq!(e20["status"], "ok", "{e20:#}");
    assert_eq!(
        e20["attachments"],
        serde_json::json!([
            {"file": "E20/anh.jpg", "kind": "picture", "size": 10},
            {"file": "E20/phim.mp4", "kind": "video", "size": 1000},
        ])
    );
    // A video alone is not a broken file: ATTACHMENTS asks for its Word summary (main's way).
    let e21 = entry(&report, "E21.mp4");
    let attachments_rule = e21["eligibility"]
        .as_array()
        .and_then(|rules| rules.iter().find(|r| r["code"] == "ATTACHMENTS"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(attachments_rule["verdict"], "cannot-tell", "{e21:#}");
    assert!(
        attachments_rule["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("cần bản tóm tắt Word")),
        "{e21:#}"
    );
    assert_eq!(
        entry(&report, "E21.mp4")["attachments"],
        serde_json::json!([{"file": "E21.mp4", "kind": "video", "size": 2000}])
    );
    let entries = report["entries"].as_array().map_or(0, Vec::len);
    assert_eq!(entries, 16, "{report:#}");

    // Every link, FIFO and device is listed with its reason, none is an entry.
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|s| {
                    (
                        s["path"].as_str().unwrap_or_default().to_string(),
                        s["reason"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let expect: Vec<(String, String)> = [
        ("So Noi vu/secret.txt", "symlink"),
        ("dangling.pdf", "symlink"),
        ("linked-folder", "symlink"),
        ("passwd.txt", "symlink"),
        ("pipe.docx", "fifo"),
        ("secret.docx", "symlink"),
        ("status.txt", "symlink"),
        ("up", "symlink"),
        ("zero.txt", "symlink"),
    ]
    .iter()
    .map(|(p, r)| (p.to_string(), r.to_string()))
    .collect();
    assert_eq!(skipped, expect);
    let dashboard = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
    assert!(dashboard.contains("Mục không đọc trong thư mục bài dự thi"));
    assert!(
        dashboard.contains("&lt;U+001B&gt;[2J"),
        "escapes shown in the report"
    );
    assert!(!dashboard.contains('\u{1b}') && !dashboard.contains('\u{202e}'));

    // Report files are readable by the council's other accounts (0644 with the usual umask).
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(out.join("index.html"))
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or_default();
    assert_ne!(mode & 0o044, 0, "index.html is mode {mode:o}");
}

#[test]
fn files_in_out_that_soloai_did_not_write_are_never_touched() {
    let h = Hostile::new(false);
    let out = h.path("out");
    let first = screen(&h, &out);
    assert!(matches!(first.status.code(), Some(0 | 1)), "{first:?}");
    // A council member keeps notes beside the reports, even among the entry pages.
    let keep = out.join("keep.html");
    let keep_page = out.join("entries/keep.html");
    std::fs::write(&keep, "ghi chú của tôi").unwrap_or_default();
    std::fs::write(&keep_page, "trang của tôi").unwrap_or_default();
    // An entry withdrawn: its page is soloai's own and goes.
    let withdrawn = h.path("contest/entries/E02.docx");
    std::fs::remove_file(&withdrawn).unwrap_or_default();
    let pages_before = std::fs::read_dir(out.join("entries")).map_or(0, Iterator::count);
    let second = screen(&h, &out);
    assert!(matches!(second.status.code(), Some(0 | 1)), "{second:?}");
    assert_eq!(
        std::fs::read_to_string(&keep).unwrap_or_default(),
        "ghi chú của tôi"
    );
    assert_eq!(
        std::fs::read_to_string(&keep_page).unwrap_or_default(),
        "trang của tôi"
    );
    let pages_after = std::fs::read_dir(out.join("entries")).map_or(0, Iterator::count);
    assert_eq!(
        pages_after,
        pages_before - 1,
        "the withdrawn entry's page is removed"
    );

    // --out on the contest folder (it holds the entries and the unit's files): refused before
    // anything is written, the entries untouched.
    let contest = h.path("contest");
    let unit_file = contest.join("manifest.csv");
    std::fs::write(&unit_file, "Mã bài,Tệp\n").unwrap_or_default();
    let listing = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = (listing(&contest), listing(&contest.join("entries")));
    for bad_out in [
        contest.clone(),
        contest.join("entries"),
        contest.join("entries/bao-cao"),
    ] {
        let run = screen(&h, &bad_out);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            run.status.code(),
            Some(2),
            "{}: {stderr}",
            bad_out.display()
        );
        assert!(stderr.contains("Thư mục kết quả"), "{stderr}");
    }
    assert_eq!(
        (listing(&contest), listing(&contest.join("entries"))),
        before
    );

    // A folder that cannot be written is found before any work (not even root writes /proc).
    let started = std::time::Instant::now();
    let run = screen(&h, Path::new("/proc/soloai-out"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("Không ghi được vào thư mục kết quả"));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());

    // A folder of someone else's files is refused too.
    let documents = h.path("documents");
    std::fs::create_dir_all(&documents).unwrap_or_default();
    std::fs::write(documents.join("luan-van.docx"), b"x").unwrap_or_default();
    let run = screen(&h, &documents);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("luan-van.docx"));
    assert_eq!(listing(&documents), ["luan-van.docx"]);
}

#[test]
fn a_second_run_into_a_locked_out_is_refused_naming_the_first() {
    let h = Hostile::new(false);
    let out = h.path("out");
    std::fs::create_dir_all(&out).unwrap_or_default();
    // This test process plays the first run.
    let held = soloai::lock::RunLock::acquire(&out, soloai::lock::Guarded::Output);
    assert!(held.is_ok());
    let run = screen(&h, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("đang được một lần chạy soloai khác sử dụng"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("tiến trình {}", std::process::id())),
        "{stderr}"
    );
    assert!(!out.join("report.json").exists());
    drop(held);
    let run = screen(&h, &out);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{run:?}");
}

#[test]
fn extract_check_and_corpus_add_walk_the_same_folder_safely() {
    let h = Hostile::new(false);
    let entries = h.path("contest/entries");
    let entries_s = entries.to_str().unwrap_or_default();
    let index = h.path("corpus-index");
    for args in [
        vec!["extract", entries_s],
        vec!["extract", "--json", entries_s],
        vec!["check", entries_s],
        vec![
            "corpus",
            "--index",
            index.to_str().unwrap_or_default(),
            "add",
            entries_s,
        ],
    ] {
        let run = soloai_limited(&args);
        let what = args.join(" ");
        assert!(
            run.status.code().is_some(),
            "{what}: killed ({:?})",
            run.status
        );
        assert_no_raw_escapes(&format!("{what} stdout"), &run.stdout);
        assert_no_raw_escapes(&format!("{what} stderr"), &run.stderr);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        for leaked in [OUTSIDE_MARKER, "root:x:0:0", "VmPeak:"] {
            assert!(!all.contains(leaked), "{what} printed {leaked:?}:\n{all}");
        }
    }
    // What the index stored holds nothing from outside either.
    for (path, text) in texts_below(&index) {
        assert!(
            !text.contains(OUTSIDE_MARKER),
            "{} holds the marker",
            path.display()
        );
        assert!(
            !text.contains("root:x:0:0"),
            "{} holds /etc/passwd",
            path.display()
        );
    }
}

#[test]
fn four_and_six_exact_copies_are_all_flagged_as_copying() {
    let h = Hostile::new(true);
    let out = h.path("out");
    let run = screen(&h, &out);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{run:?}");
    let report = report_json(&out);
    for (group, n) in [("bon/copy-", 4), ("sau/other-", 6)] {
        for i in 1..=n {
            let e = entry(&report, &format!("{group}{i}.docx"));
            let flags: Vec<&str> = e["flags"]
                .as_array()
                .map(|f| f.iter().filter_map(|f| f["code"].as_str()).collect())
                .unwrap_or_default();
            assert!(flags.contains(&"COPY"), "{group}{i}: {e:#}");
        }
    }
}
