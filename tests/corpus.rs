//! The corpus index end to end: the real `soloai corpus` binary and the library on the files
//! in `fixtures/corpus/` (written by `fixtures/corpus/make_fixtures.py`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use soloai::index::{AddOptions, CorpusIndex, CorpusKind, IndexErrorKind};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus")
}

fn soloai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
        .env_remove("SOLOAI_INDEX")
        .output()
        .expect("run soloai")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh index holding `fixtures/corpus/docs`, built by the library.
fn built_index(tmp: &Path) -> CorpusIndex {
    let mut index = CorpusIndex::open_or_create(tmp.join("idx")).unwrap();
    let report = index
        .add_paths(&[fixtures().join("docs")], &AddOptions::default())
        .unwrap();
    assert_eq!(report.added.len(), 6, "{report:?}");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    index
}

fn hit_paths(index: &CorpusIndex, query: &str) -> Vec<String> {
    index
        .search(query, 10)
        .unwrap()
        .into_iter()
        .map(|h| h.path)
        .collect()
}

#[test]
fn analyzer_matches_nfd_text_and_either_tone_placement() {
    let tmp = tempfile::tempdir().unwrap();
    let index = built_index(tmp.path());
    // The file is NFD and writes "hòa", "thủy" (old placement); queries use new placement,
    // NFC and NFD.
    assert_eq!(hit_paths(&index, "hoà giải"), ["docs/b/hoa-giai-nfd.txt"]);
    assert_eq!(hit_paths(&index, "thuỷ lợi"), ["docs/b/hoa-giai-nfd.txt"]);
    assert_eq!(
        hit_paths(&index, "ho\u{0300}a gia\u{0309}i"),
        ["docs/b/hoa-giai-nfd.txt"]
    );
    // What comes back is NFC.
    let doc = index
        .list()
        .unwrap()
        .into_iter()
        .find(|d| d.path == "docs/b/hoa-giai-nfd.txt")
        .unwrap();
    assert!(doc.text.contains("Tổ hòa giải"));
    assert!(soloai::normalize::is_nfc(&doc.text));
}

#[test]
fn analyzer_folds_d_stroke_two_mark_letters_and_case() {
    let tmp = tempfile::tempdir().unwrap();
    let index = built_index(tmp.path());
    // đ/Đ: "ĐẤT ĐAI" and "dat dai" both find the land-procedure entry.
    assert_eq!(
        hit_paths(&index, "ĐẤT ĐAI sổ tay"),
        hit_paths(&index, "dat dai so tay")
    );
    assert_eq!(
        hit_paths(&index, "dat dai so tay")
            .first()
            .map(String::as_str),
        Some("docs/past/bai-du-thi-2023.md")
    );
    // Two marks on one letter: "chuyển" (ể), "nhượng" (ượ), "trợ" (ợ).
    assert_eq!(
        hit_paths(&index, "chuyen nhuong"),
        ["docs/past/bai-du-thi-2023.md"]
    );
    assert_eq!(hit_paths(&index, "tro ly ao"), ["docs/g/zalo-chatbot.md"]);
    // Queries without diacritics still rank the right document first among several.
    assert_eq!(
        hit_paths(&index, "buu dien tra ket qua tai nha")
            .first()
            .map(String::as_str),
        Some("docs/c/buu-chinh-cong-ich.md")
    );
}

#[test]
fn stop_words_are_dropped_but_domain_words_are_searchable() {
    let tmp = tempfile::tempdir().unwrap();
    let index = built_index(tmp.path());
    assert!(index.search("và của các", 10).unwrap().is_empty());
    let one_stop = hit_paths(&index, "\"một cửa\"");
    assert_eq!(one_stop, ["docs/c/mot-cua-lien-thong.md"]);
    assert_eq!(hit_paths(&index, "hằng năm"), ["docs/h/ddci.txt"]);
}

#[test]
fn front_matter_is_stored_and_cli_flags_override_it() {
    let tmp = tempfile::tempdir().unwrap();
    let index = built_index(tmp.path());
    let docs = index.list().unwrap();
    let past = docs
        .iter()
        .find(|d| d.path == "docs/past/bai-du-thi-2023.md")
        .unwrap();
    assert_eq!(past.kind, CorpusKind::PastEntry);
    assert_eq!(past.year, Some(2023));
    assert_eq!(past.awarded, Some(false));
    assert_eq!(
        past.contest.as_deref(),
        Some("Cuộc thi Tìm kiếm ý tưởng, giải pháp cải cách hành chính năm 2023")
    );
    assert_eq!(past.area.as_deref(), Some("c"));
    let post = docs
        .iter()
        .find(|d| d.path == "docs/c/buu-chinh-cong-ich.md")
        .unwrap();
    // BOM and CRLF did not leak into title or text.
    assert_eq!(
        post.title,
        "Trả kết quả thủ tục qua dịch vụ bưu chính công ích"
    );
    assert!(!post.text.contains('\r'));
    assert_eq!(post.since.as_deref(), Some("2016"));
    // No front matter: the title is the first line, the kind the default.
    let ddci = docs.iter().find(|d| d.path == "docs/h/ddci.txt").unwrap();
    assert_eq!(
        ddci.title,
        "Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương (DDCI)"
    );
    assert_eq!(ddci.kind, CorpusKind::Published);
    // Signatures are stored beside the text (the bytes of `Signature::compute`).
    assert_eq!(
        past.signature,
        soloai::compare::Signature::compute(&past.text).to_bytes()
    );

    // Through the binary, flags win over the front matter.
    let dir = tmp.path().join("cli");
    let dir_s = dir.to_str().unwrap();
    let file = fixtures().join("docs/past/bai-du-thi-2023.md");
    let out = soloai(&[
        "corpus",
        "--index",
        dir_s,
        "add",
        file.to_str().unwrap(),
        "--kind",
        "applied",
        "--year",
        "2021",
        "--awarded",
        "true",
        "--province",
        "Hưng Yên",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = soloai(&["corpus", "--index", dir_s, "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["kind"], "applied");
    assert_eq!(rows[0]["year"], 2021);
    assert_eq!(rows[0]["awarded"], true);
    assert_eq!(rows[0]["province"], "Hưng Yên");
    assert_eq!(rows[0]["title"], "Sổ tay điện tử hướng dẫn thủ tục đất đai");
}

#[test]
fn cli_round_trip_persists_across_processes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let dir_s = dir.to_str().unwrap();
    let docs = fixtures().join("docs");

    let out = soloai(&["corpus", "--index", dir_s, "add", docs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Đã thêm"), "{text}");
    assert!(text.contains("thêm 6 tài liệu, bỏ qua 0 trùng, 0 tệp lỗi; tổng cộng 6 tài liệu"));

    // A second process searches what the first one wrote; terms are highlighted.
    let out = soloai(&["corpus", "--index", dir_s, "search", "zalo tro ly ao"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("1. Tài khoản Zalo chính thức"), "{text}");
    assert!(text.contains("[Giải pháp đã công khai]"), "{text}");
    assert!(text.contains("«Zalo»"), "{text}");
    assert!(text.contains("«trợ lý ảo»"), "{text}");

    // JSON hits carry HTML snippets for reports.
    let out = soloai(&["corpus", "--index", dir_s, "search", "DDCI", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["path"], "docs/h/ddci.txt");
    assert!(
        hits[0]["snippet_html"]
            .as_str()
            .unwrap()
            .contains("<b>DDCI</b>")
    );
    let id = hits[0]["id"].as_str().unwrap().to_string();

    // The library sees the same index.
    let index = CorpusIndex::open(&dir).unwrap();
    assert_eq!(index.len(), 6);
    drop(index);

    let out = soloai(&["corpus", "--index", dir_s, "remove", &id[..8]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!("Đã xoá {id}")));

    let out = soloai(&["corpus", "--index", dir_s, "search", "DDCI"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Không tìm thấy tài liệu nào khớp với «DDCI»"));

    let out = soloai(&[
        "--lang", "en", "corpus", "--index", dir_s, "stats", "--json",
    ]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["by_kind"]["applied"], 2);
    assert_eq!(stats["by_kind"]["past-entry"], 1);
    assert_eq!(stats["by_area"]["c"], 3);

    let out = soloai(&["corpus", "--index", dir_s, "rebuild"]);
    assert!(stdout(&out).contains("Đã lập lại chỉ mục cho 5 tài liệu"));
    let out = soloai(&["corpus", "--index", dir_s, "search", "mot cua lien thong"]);
    assert!(stdout(&out).contains("docs/c/mot-cua-lien-thong.md"));
}

#[test]
fn duplicates_are_skipped_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let dir_s = dir.to_str().unwrap();
    let docs = fixtures().join("docs");
    assert!(
        soloai(&["corpus", "--index", dir_s, "add", docs.to_str().unwrap()])
            .status
            .success()
    );
    // The same folder again, and a copy of ddci.txt under another name.
    let copy = fixtures().join("extra/ban-sao-ddci.txt");
    let out = soloai(&[
        "corpus",
        "--index",
        dir_s,
        "add",
        docs.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("thêm 0 tài liệu, bỏ qua 7 trùng"), "{text}");
    assert!(
        text.contains("ban-sao-ddci.txt: nội dung đã có trong kho")
            && text.contains("docs/h/ddci.txt)"),
        "{text}"
    );
    assert_eq!(CorpusIndex::open(&dir).unwrap().len(), 6);
}

#[test]
fn a_broken_file_is_reported_and_the_rest_goes_in() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let out = soloai(&[
        "corpus",
        "--index",
        dir.to_str().unwrap(),
        "add",
        fixtures().join("extra").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("hong-front-matter.md"), "{err}");
    assert!(err.contains("front matter"), "{err}");
    assert!(stdout(&out).contains("thêm 1 tài liệu, bỏ qua 0 trùng, 1 tệp lỗi"));
}

#[test]
fn foreign_and_damaged_folders_give_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();

    // A folder with someone else's files.
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("bao-cao.xlsx"), b"not ours").unwrap();
    let err = CorpusIndex::open_or_create(&foreign).unwrap_err();
    assert_eq!(err.kind, IndexErrorKind::Foreign);
    assert_eq!(err.dir, foreign);
    let out = soloai(&[
        "corpus",
        "--index",
        foreign.to_str().unwrap(),
        "add",
        "x.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let msg = stderr(&out);
    assert!(msg.contains(foreign.to_str().unwrap()), "{msg}");
    assert!(msg.contains("không phải kho đối chiếu"), "{msg}");
    assert_eq!(
        std::fs::read_dir(&foreign).unwrap().count(),
        1,
        "nothing written"
    );

    // No index at all.
    let missing = tmp.path().join("missing");
    let out = soloai(&["corpus", "--index", missing.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Chưa có kho"), "{}", stderr(&out));

    // Our marker, garbled.
    let garbled = tmp.path().join("garbled");
    std::fs::create_dir(&garbled).unwrap();
    std::fs::write(garbled.join("soloai-meta.json"), b"{ \"format\": 3").unwrap();
    let err = CorpusIndex::open(&garbled).unwrap_err();
    assert_eq!(err.code(), "index-corrupt-meta");

    // A later layout.
    let future = tmp.path().join("future");
    std::fs::create_dir(&future).unwrap();
    std::fs::write(
        future.join("soloai-meta.json"),
        br#"{"format":"soloai-corpus","schema_version":99,"analyzer_version":1,"soloai_version":"9.0.0"}"#,
    )
    .unwrap();
    assert_eq!(
        CorpusIndex::open(&future).unwrap_err().kind,
        IndexErrorKind::SchemaVersion {
            found: 99,
            expected: soloai::index::SCHEMA_VERSION
        }
    );

    // tantivy's files damaged: every file under tantivy/ overwritten with garbage.
    let damaged = tmp.path().join("damaged");
    drop(built_index_at(&damaged));
    for entry in std::fs::read_dir(damaged.join("tantivy")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file()
            && !path.ends_with(".tantivy-meta.lock")
            && !path.ends_with(".tantivy-writer.lock")
        {
            std::fs::write(&path, b"\x00garbage\xff").unwrap();
        }
    }
    let out = soloai(&[
        "corpus",
        "--index",
        damaged.to_str().unwrap(),
        "search",
        "một cửa",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(msg.contains("bị hỏng"), "{msg}");
    assert!(msg.contains(damaged.to_str().unwrap()), "{msg}");
}

#[test]
fn truncated_segment_files_are_an_error_not_a_crash() {
    // tantivy's own meta.json intact, the segment files cut short: tantivy panics while
    // opening them; the panic must end as a clear error for the folder.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    drop(built_index_at(&dir));
    for entry in std::fs::read_dir(dir.join("tantivy")).unwrap() {
        let path = entry.unwrap().path();
        let segment_file = path
            .extension()
            .is_some_and(|e| e == "store" || e == "term" || e == "idx");
        if segment_file {
            std::fs::write(&path, b"cut").unwrap();
        }
    }
    let err = CorpusIndex::open(&dir).unwrap_err();
    assert_eq!(err.code(), "index-corrupt");
    let out = soloai(&["corpus", "--index", dir.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Dữ liệu kho bị hỏng"),
        "{}",
        stderr(&out)
    );
}

fn built_index_at(dir: &Path) -> CorpusIndex {
    let mut index = CorpusIndex::open_or_create(dir).unwrap();
    index
        .add_paths(&[fixtures().join("docs")], &AddOptions::default())
        .unwrap();
    index
}

#[test]
fn default_index_folder_is_soloai_index_or_the_env_override() {
    let tmp = tempfile::tempdir().unwrap();
    let file = fixtures().join("docs/h/ddci.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["corpus", "add", file.to_str().unwrap()])
        .current_dir(tmp.path())
        .env_remove("SOLOAI_INDEX")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(tmp.path().join("soloai-index/soloai-meta.json").exists());

    let elsewhere = tmp.path().join("kho-2025");
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["corpus", "add", file.to_str().unwrap()])
        .current_dir(tmp.path())
        .env("SOLOAI_INDEX", &elsewhere)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(elsewhere.join("soloai-meta.json").exists());
}

#[test]
fn bm25_candidates_find_the_model_an_entry_repeats() {
    let tmp = tempfile::tempdir().unwrap();
    let index = built_index(tmp.path());
    let entry = "Giải pháp: lập tài khoản Zalo OA của huyện, gắn trợ lý ảo để trả lời câu \
                 hỏi của người dân về hồ sơ ngoài giờ hành chính.";
    let candidates = index.bm25_candidates(entry, 3).unwrap();
    let docs = index.list().unwrap();
    let first = docs.iter().find(|d| d.id == candidates[0].0).unwrap();
    assert_eq!(first.path, "docs/g/zalo-chatbot.md");
    assert!(candidates.windows(2).all(|w| w[0].1 >= w[1].1));
}

#[test]
fn an_interrupted_add_leaves_a_usable_index() {
    // Kill `corpus add` part-way: the index must open, hold only whole documents, and a
    // second `add` must finish the job, skipping what the first one committed.
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("nhieu-tai-lieu");
    std::fs::create_dir(&docs).unwrap();
    let count = 1_500;
    for i in 0..count {
        std::fs::write(
            docs.join(format!("mo-hinh-{i:04}.txt")),
            format!("Mô hình số {i}: tiếp nhận hồ sơ trực tuyến tại xã thứ {i}.\n"),
        )
        .unwrap();
    }
    let dir = tmp.path().join("idx");
    let mut child = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(["corpus", "--index", dir.to_str().unwrap(), "add"])
        .arg(&docs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let _ = child.kill();
    let _ = child.wait();

    let index = CorpusIndex::open(&dir).unwrap();
    let partial = index.len() as usize;
    assert!(partial <= count);
    for doc in index.list().unwrap() {
        assert!(doc.text.starts_with("Mô hình số "), "{doc:?}");
    }
    drop(index);

    let out = soloai(&[
        "corpus",
        "--index",
        dir.to_str().unwrap(),
        "add",
        docs.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "thêm {} tài liệu, bỏ qua {partial} trùng",
            count - partial
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(CorpusIndex::open(&dir).unwrap().len() as usize, count);
}

/// Issue #10: the corpus keeps, beside its index, how many documents hold each passage
/// fingerprint; `corpus add` and `remove` (the real binary) keep it up to date, and a missing
/// or damaged file is counted again from the stored texts.
#[test]
fn corpus_statistics_follow_add_and_remove_and_survive_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let dir_s = dir.to_str().unwrap();
    let detect = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/compare/detect/corpus");
    let out = soloai(&["corpus", "--index", dir_s, "add", detect.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats_file = dir.join(soloai::index::STATS_FILE);
    assert!(stats_file.is_file());

    // The closing formula of the six decisions is held by six documents.
    let formula = soloai::fingerprint::stats::doc_fingerprints(
        "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành. Chánh Văn phòng Ủy ban nhân \
         dân tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, Chủ tịch Ủy ban nhân dân \
         các huyện, thành phố và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi \
         hành Quyết định này.",
    );
    // (documents, most documents holding a formula fingerprint, their sources): the six
    // decisions all name one source in their front matter.
    let held = |index: &mut CorpusIndex| {
        let stats = index.corpus_stats().unwrap();
        let top = formula
            .iter()
            .copied()
            .max_by_key(|&k| stats.df(k))
            .unwrap();
        (stats.docs(), stats.df(top), stats.sources(top))
    };
    let mut index = CorpusIndex::open(&dir).unwrap();
    assert_eq!(held(&mut index), (13, 6, 1));
    let added = std::fs::read(&stats_file).unwrap();
    let id = index
        .list()
        .unwrap()
        .into_iter()
        .find(|d| d.path.ends_with("quyet-dinh-01.md"))
        .map(|d| d.id)
        .unwrap();
    drop(index);

    let out = soloai(&["corpus", "--index", dir_s, "remove", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut index = CorpusIndex::open(&dir).unwrap();
    assert_eq!(held(&mut index), (12, 5, 1));
    drop(index);
    // What was removed is forgotten exactly: the statistics of the twelve added alone.
    let twelve = tmp.path().join("twelve");
    std::fs::create_dir_all(&twelve).unwrap();
    for f in std::fs::read_dir(&detect).unwrap() {
        let f = f.unwrap().path();
        if !f.ends_with("quyet-dinh-01.md") {
            std::fs::copy(&f, twelve.join(f.file_name().unwrap())).unwrap();
        }
    }
    let dir12 = tmp.path().join("idx12");
    let out = soloai(&[
        "corpus",
        "--index",
        dir12.to_str().unwrap(),
        "add",
        twelve.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let removed = std::fs::read(&stats_file).unwrap();
    assert_eq!(
        removed,
        std::fs::read(dir12.join(soloai::index::STATS_FILE)).unwrap()
    );
    assert_ne!(removed, added);

    // Damaged: counted again from the texts, and written back.
    std::fs::write(&stats_file, b"not statistics").unwrap();
    let mut index = CorpusIndex::open(&dir).unwrap();
    assert_eq!(held(&mut index), (12, 5, 1));
    let bytes = std::fs::read(&stats_file).unwrap();
    assert_eq!(
        soloai::fingerprint::CorpusStats::from_bytes(&bytes).map(|s| s.docs()),
        Some(12)
    );
    drop(index);

    // A version 1 file (an index made before sources were counted, here with the right
    // number of documents): not read as this version, counted again with the sources and
    // rewritten, with nothing for the user to run.
    let mut v1 = b"SOLOSDF1".to_vec();
    v1.extend_from_slice(&12u32.to_le_bytes());
    v1.extend_from_slice(&1u64.to_le_bytes());
    v1.extend_from_slice(&formula[0].to_le_bytes());
    v1.extend_from_slice(&12u32.to_le_bytes());
    std::fs::write(&stats_file, &v1).unwrap();
    let out = soloai(&["corpus", "--index", dir_s, "stats"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut index = CorpusIndex::open(&dir).unwrap();
    assert_eq!(held(&mut index), (12, 5, 1));
    assert_eq!(std::fs::read(&stats_file).unwrap(), removed);
}

/// The `source` of corpus front matter decides what is "cụm từ phổ biến", through the real
/// binary: `corpus add` of the six decisions sharing a closing formula, then `screen` of the
/// entry that repeats it (`fixtures/compare/detect/`). From one source the formula is that
/// source's wording, so repeating it is matched; from two sources it is common wording,
/// excluded and shown as such.
/// `soloai corpus --index INDEX add CORPUS` (must succeed), then `soloai screen CONTEST` with
/// that index and `profile` into `report`: the screening's output, for the caller to judge.
fn index_and_screen(
    corpus: &Path,
    index: &Path,
    contest: &Path,
    profile: &str,
    report: &Path,
) -> Output {
    let index_s = index.to_str().unwrap();
    let out = soloai(&[
        "corpus",
        "--index",
        index_s,
        "add",
        corpus.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    soloai(&[
        "screen",
        contest.to_str().unwrap(),
        "--profile",
        profile,
        "--index",
        index_s,
        "--out",
        report.to_str().unwrap(),
        "--quiet",
    ])
}

#[test]
fn shared_wording_from_one_source_is_matched_from_two_sources_is_common() {
    let tmp = tempfile::tempdir().unwrap();
    let detect = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/compare/detect");
    let entries = tmp.path().join("contest/entries");
    std::fs::create_dir_all(&entries).unwrap();
    std::fs::copy(
        detect.join("contest/entries/chung-cum-tu-pho-bien.docx"),
        entries.join("chung-cum-tu-pho-bien.docx"),
    )
    .unwrap();
    // 6 of 13 documents are far over 1 % of the corpus: the share path is turned off so the
    // sources decide (as they do at the defaults in a corpus of 500 documents or more).
    let out = soloai(&["profile", "show", "hung-yen-2024"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("common_min_sources = 2"), "{shown}");
    assert!(shown.contains("common_min_share = 0.01"), "{shown}");
    let profile = tmp.path().join("profile.toml");
    std::fs::write(
        &profile,
        shown.replace("common_min_share = 0.01", "common_min_share = 0"),
    )
    .unwrap();

    // The entry as report.json has it, and its page.
    let screen = |case: &str, second_source: Option<&str>| -> (serde_json::Value, String) {
        let corpus = tmp.path().join(case).join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for file in std::fs::read_dir(detect.join("corpus")).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_str().unwrap().to_string();
            let mut text = std::fs::read_to_string(&file).unwrap();
            // Three of the six decisions from another publisher (name spelled loosely).
            let later = ["quyet-dinh-04.md", "quyet-dinh-05.md", "quyet-dinh-06.md"];
            if let (Some(source), true) = (second_source, later.contains(&name.as_str())) {
                let old = "source = \"Viết cho bộ kiểm thử của soloai\"";
                assert!(text.contains(old), "{name}");
                text = text.replace(old, &format!("source = \"{source}\""));
            }
            std::fs::write(corpus.join(&name), text).unwrap();
        }
        let report = tmp.path().join(case).join("out");
        let out = index_and_screen(
            &corpus,
            &tmp.path().join(case).join("index"),
            &tmp.path().join("contest"),
            profile.to_str().unwrap(),
            &report,
        );
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "{}\n{}",
            stdout(&out),
            stderr(&out)
        );
        let bytes = std::fs::read(report.join("report.json")).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let page = report.join("entries/chung-cum-tu-pho-bien.html");
        (
            json["entries"][0].clone(),
            std::fs::read_to_string(page).unwrap(),
        )
    };
    // How the entry page marks a passage left out as common wording.
    let marked = "title=\"Đoạn được loại trừ (cụm từ phổ biến)\"";
    let reasons = |e: &serde_json::Value| -> Vec<String> {
        e["excluded"]
            .as_array()
            .map(|x| {
                x.iter()
                    .filter_map(|x| x["reason"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let codes = |e: &serde_json::Value| -> Vec<String> {
        e["flags"]
            .as_array()
            .map(|f| {
                f.iter()
                    .filter_map(|f| f["code"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let matches = |e: &serde_json::Value| e["matches"].as_array().map_or(0, Vec::len);

    let (one, one_page) = screen("mot-nguon", None);
    assert_eq!(one["file"], "chung-cum-tu-pho-bien.docx");
    assert!(!reasons(&one).contains(&"common".to_string()), "{one:#}");
    assert!(matches(&one) >= 1, "{one:#}");
    assert!(codes(&one).contains(&"CORPUS-COPY".to_string()), "{one:#}");
    assert!(one["originality"].as_f64().unwrap() < 1.0, "{one:#}");
    assert!(!one_page.contains(marked));

    let (two, two_page) = screen("hai-nguon", Some("  SỞ TƯ PHÁP tỉnh Hưng Yên "));
    assert!(reasons(&two).contains(&"common".to_string()), "{two:#}");
    assert_eq!(matches(&two), 0, "{two:#}");
    assert!(!codes(&two).contains(&"CORPUS-COPY".to_string()), "{two:#}");
    assert_eq!(two["originality"], 1.0);
    assert!(two_page.contains(marked), "{two_page}");
}

/// An entry that copies one paragraph from each of 105 corpus documents: report.json keeps the
/// 100 largest sources and counts the rest, the entry page draws at most `max_panes` (20)
/// passage panes, and the entry still carries one CORPUS-COPY flag — the bounds the report
/// promises, through the real binary.
#[test]
fn an_entry_copying_from_105_documents_keeps_100_sources_and_counts_the_rest() {
    const SOURCES: usize = 105;
    let tmp = tempfile::tempdir().unwrap();
    let syllables = [
        "ba",
        "bình",
        "cầu",
        "dân",
        "đường",
        "gạo",
        "hành",
        "khoa",
        "lúa",
        "mưa",
        "nước",
        "phố",
        "quê",
        "rừng",
        "sông",
        "tàu",
        "ươm",
        "vườn",
        "xóm",
        "yên",
        "chợ",
        "ghềnh",
        "kho",
        "ngõ",
        "nhà",
        "phà",
        "thôn",
        "trại",
        "bãi",
        "cồn",
        "đê",
        "hồ",
        "làng",
        "mỏ",
        "núi",
        "ruộng",
        "suối",
        "thác",
        "vịnh",
        "xưởng",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut word = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        syllables[(state % syllables.len() as u64) as usize]
    };
    let mut paragraph = |n: usize| -> String {
        let mut p: Vec<&str> = (0..n).map(|_| word()).collect();
        p.push(".");
        p.join(" ").replace(" .", ".")
    };
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut copied = Vec::with_capacity(SOURCES);
    for k in 0..SOURCES {
        let shared = paragraph(40);
        let body = format!("{}\n\n{shared}\n\n{}", paragraph(80), paragraph(80));
        std::fs::write(
            corpus.join(format!("nguon-{k:03}.md")),
            format!(
                "+++\ntitle = \"Nguồn {k}\"\nkind = \"published\"\nsource = \"Nguồn thử {k}\"\n+++\n{body}\n"
            ),
        )
        .unwrap();
        copied.push(shared);
    }
    let entries = tmp.path().join("contest/entries");
    std::fs::create_dir_all(&entries).unwrap();
    std::fs::write(entries.join("chep-nhieu-nguon.txt"), copied.join("\n\n")).unwrap();

    let report = tmp.path().join("out");
    let out = index_and_screen(
        &corpus,
        &tmp.path().join("index"),
        &tmp.path().join("contest"),
        "hung-yen-2024",
        &report,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report.join("report.json")).unwrap()).unwrap();
    let e = &json["entries"][0];
    let kept = e["matches"].as_array().map_or(0, Vec::len);
    let more = e["matches_more"].as_u64().unwrap_or(0) as usize;
    assert_eq!(kept, 100, "{}", e["matches"]);
    assert!(kept + more >= SOURCES, "kept {kept}, more {more}");
    let flags: Vec<&str> = e["flags"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["code"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        flags.iter().filter(|c| **c == "CORPUS-COPY").count(),
        1,
        "{flags:?}"
    );
    let page = std::fs::read_to_string(report.join("entries/chep-nhieu-nguon.html")).unwrap();
    let panes = page.matches("<div class=\"pair\">").count();
    assert!((1..=20).contains(&panes), "{panes} panes");
    assert!(page.len() < 300_000, "entry page {} bytes", page.len());
}
