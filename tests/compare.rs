//! Copy detection on real files: .txt, .docx (python-docx) and .pdf (LibreOffice), made by
//! `fixtures/compare/make_fixtures.py`, read through the real extractors.

use std::path::{Path, PathBuf};
use std::process::Command;

use soloai::compare::{
    CorpusInput, CorpusKind, Detection, DocInput, MatchKind, Reason, Source, Thresholds, detect,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/compare")
        .join(name)
}

fn text(name: &str) -> String {
    match soloai::extract::extract_path(&fixture(name)) {
        Ok(doc) => doc.text,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn entries<'a>(texts: &'a [(&'a str, String)]) -> Vec<DocInput<'a>> {
    texts
        .iter()
        .map(|(id, t)| DocInput {
            id,
            text: t,
            receiving_point: None,
        })
        .collect()
}

fn template(t: &str) -> CorpusInput<'_> {
    CorpusInput::new("mau-bai-du-thi.txt", t, CorpusKind::Template)
}

fn pair(a: &str, b: &str, with_template: bool) -> (Vec<(&'static str, String)>, Detection) {
    let texts = vec![("a", text(a)), ("b", text(b))];
    let tpl = text("mau-bai-du-thi.txt");
    let corpus = if with_template {
        vec![template(&tpl)]
    } else {
        Vec::new()
    };
    let d = detect(&entries(&texts), &corpus, &Thresholds::default());
    (texts, d)
}

/// The words of a span, in comparison form, to check both sides show the same passage.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(soloai::normalize::comparison_form)
        .collect()
}

#[test]
fn verbatim_copy_in_docx_is_exact_with_matching_spans() {
    let (texts, d) = pair("goc-phieu-hen-qr.txt", "sao-chep-nguyen-van.docx", true);
    assert_eq!(d.matches.len(), 1, "{:?}", d.matches);
    let m = &d.matches[0];
    assert_eq!(
        (m.entry, m.source, m.kind),
        (0, Source::Entry(1), MatchKind::Exact)
    );
    assert!(m.entry_share > 0.95 && m.source_share > 0.95, "{m:?}");
    // The whole body is inside the matched passage on both sides, and the passages read the same
    // (the authors' names on the cover, bridged as an edit, are the only difference).
    let (first, last) = (
        "PHIẾU HẸN ĐIỆN TỬ CÓ MÃ QR",
        "hồ sơ nào đang chậm và chậm ở khâu nào",
    );
    for (side, text) in texts.iter().enumerate() {
        let spans: Vec<&str> = m
            .spans
            .iter()
            .map(|s| match side {
                0 => &text.1[s.entry_start..s.entry_end],
                _ => &text.1[s.source_start..s.source_end],
            })
            .collect();
        assert!(spans.iter().any(|s| s.contains(first)) && spans.iter().any(|s| s.contains(last)));
    }
    let s = m.spans[m.spans.len() - 1];
    let (a, b) = (
        words(&texts[0].1[s.entry_start..s.entry_end]),
        words(&texts[1].1[s.source_start..s.source_end]),
    );
    assert_eq!(a[a.len() - 200..], b[b.len() - 200..]);
    assert!(
        d.originality.iter().all(|&o| o < 0.05),
        "{:?}",
        d.originality
    );
    assert_eq!(d.clusters, vec![vec![0, 1]]);
}

#[test]
fn light_edit_read_from_pdf_is_near() {
    let (texts, d) = pair("goc-phieu-hen-qr.txt", "chinh-sua-nhe.pdf", true);
    assert_eq!(d.matches.len(), 1, "{:?}", d.matches);
    let m = &d.matches[0];
    assert_eq!(m.kind, MatchKind::Near);
    assert!(m.entry_share >= 0.8 && m.identity < 0.97, "{m:?}");
    let b = &texts[1].1;
    let covered: usize = m.spans.iter().map(|s| s.source_end - s.source_start).sum();
    assert!(
        covered * 10 > b.len() * 7,
        "spans cover {covered} of {} bytes",
        b.len()
    );
}

#[test]
fn one_copied_paragraph_is_partial_and_located_in_both_texts() {
    let (texts, d) = pair("goc-phieu-hen-qr.txt", "mot-doan-sao-chep.docx", true);
    assert_eq!(d.matches.len(), 1, "{:?}", d.matches);
    let m = &d.matches[0];
    assert_eq!(m.kind, MatchKind::Partial);
    assert_eq!(m.spans.len(), 1);
    let s = m.spans[0];
    let a = &texts[0].1[s.entry_start..s.entry_end];
    let b = &texts[1].1[s.source_start..s.source_end];
    assert!(a.contains("Mỗi phiếu hẹn in thêm một mã QR"), "{a}");
    assert!(b.contains("kèm hướng dẫn bổ sung nếu"), "{b}");
    assert!(s.words >= Thresholds::default().min_passage_words);
    // The copier keeps most of its own text.
    assert!(
        (0.5..0.9).contains(&d.originality[1]),
        "{:?}",
        d.originality
    );
}

#[test]
fn template_only_overlap_is_excluded_not_flagged() {
    let (_, with_template) = pair("chi-trung-mau-1.txt", "chi-trung-mau-2.txt", true);
    assert!(
        with_template.matches.is_empty(),
        "{:?}",
        with_template.matches
    );
    assert_eq!(with_template.originality, vec![1.0, 1.0]);
    let reasons: Vec<Reason> = with_template.excluded[0].iter().map(|e| e.reason).collect();
    assert!(reasons.contains(&Reason::Template), "{reasons:?}");
    assert!(reasons.contains(&Reason::Citation), "{reasons:?}");
    // Without the template the shared instructions are a copied passage: the fixture is live.
    let (_, without) = pair("chi-trung-mau-1.txt", "chi-trung-mau-2.txt", false);
    assert_eq!(
        without.matches.first().map(|m| m.kind),
        Some(MatchKind::Partial)
    );
}

/// Corpus documents of `corpus/`, read from their front matter.
fn load_corpus() -> Vec<(String, CorpusKind)> {
    corpus_at(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
}

/// The `.md` corpus documents under `root`, read from their front matter.
fn corpus_at(root: &Path) -> Vec<(String, CorpusKind)> {
    let root = root.to_path_buf();
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                let Ok(s) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let mut parts = s.splitn(3, "+++\n");
                let (Some(""), Some(front), Some(body)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                let kind = match front.lines().find(|l| l.starts_with("kind")) {
                    Some(l) if l.contains("template") => CorpusKind::Template,
                    Some(l) if l.contains("past-entry") => CorpusKind::PastEntry,
                    Some(l) if l.contains("published") => CorpusKind::Published,
                    _ => CorpusKind::Applied,
                };
                out.push((body.to_string(), kind));
            }
        }
    }
    out
}

#[test]
fn same_idea_in_other_words_is_an_idea_match_in_a_batch() {
    let names = [
        "goc-phieu-hen-qr.txt",
        "y-tuong-trung.txt",
        "chi-trung-mau-1.txt",
        "chi-trung-mau-2.txt",
        "en-other.txt",
    ];
    let texts: Vec<(&str, String)> = names.iter().map(|n| (*n, text(n))).collect();
    let corpus_texts = load_corpus();
    assert!(corpus_texts.len() >= 20, "corpus/ missing");
    let tpl = text("mau-bai-du-thi.txt");
    let mut corpus: Vec<CorpusInput> = corpus_texts
        .iter()
        .map(|(t, k)| CorpusInput::new("corpus", t, *k))
        .collect();
    corpus.push(template(&tpl));
    let d = detect(&entries(&texts), &corpus, &Thresholds::default());
    let m = d
        .matches
        .iter()
        .find(|m| m.entry == 0 && m.source == Source::Entry(1));
    let Some(m) = m else {
        panic!("no match between the two QR entries: {:?}", d.matches)
    };
    assert_eq!(m.kind, MatchKind::Idea, "{m:?}");
    assert!(m.idea_similarity >= Thresholds::default().idea_min);
    // Ideas are not copying: originality stays whole.
    assert_eq!(d.originality[1], 1.0);
    // No copy is reported between entries that share nothing but form text.
    assert!(
        !d.matches
            .iter()
            .any(|m| m.kind.is_copy() && m.source != Source::Entry(0) && m.entry >= 2),
        "{:?}",
        d.matches
    );
}

#[test]
fn english_text_is_compared_the_same_way() {
    let (_, d) = pair("en-original.txt", "en-edited.docx", false);
    assert_eq!(
        d.matches.first().map(|m| m.kind),
        Some(MatchKind::Near),
        "{:?}",
        d.matches
    );
    let (_, d) = pair("en-original.txt", "en-other.txt", false);
    assert!(d.matches.is_empty(), "{:?}", d.matches);
}

fn soloai(args: &[&str]) -> (i32, String, String) {
    // No default index: `compare` uses ./soloai-index when it exists, and a developer's
    // checkout may hold one.
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
        .env("SOLOAI_INDEX", fixture("no-index-here"))
        .output()
        .expect("run soloai");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn cli_json_gives_kind_scores_and_spans() {
    let (code, stdout, _) = soloai(&[
        "compare",
        &path("goc-phieu-hen-qr.txt"),
        &path("mot-doan-sao-chep.docx"),
        "--json",
        "--template",
        &path("mau-bai-du-thi.txt"),
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(v["matches"][0]["kind"], "partial");
    let span = &v["matches"][0]["spans"][0];
    let (start, end) = (
        span["entry_start"].as_u64().unwrap_or(0) as usize,
        span["entry_end"].as_u64().unwrap_or(0) as usize,
    );
    let a = text("goc-phieu-hen-qr.txt");
    assert!(
        a[start..end].starts_with("Nội dung giải pháp"),
        "{}",
        &a[start..end]
    );
    let reasons: Vec<&str> = v["excluded"]["a"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["reason"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(reasons, ["template", "citation", "quote"]);
}

#[test]
fn cli_side_by_side_in_both_languages_and_clean_exit() {
    let (code, stdout, _) = soloai(&[
        "compare",
        &path("goc-phieu-hen-qr.txt"),
        &path("sao-chep-nguyen-van.docx"),
        "--template",
        &path("mau-bai-du-thi.txt"),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Kết luận: Sao chép nguyên văn"), "{stdout}");
    assert!(stdout.contains("Mỗi phiếu hẹn in thêm một mã QR") && stdout.contains(" │ "));
    let (code, stdout, _) = soloai(&[
        "--lang",
        "en",
        "compare",
        &path("en-original.txt"),
        &path("en-other.txt"),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("No copying found."), "{stdout}");
}

#[test]
fn cli_with_an_index_excludes_the_wording_its_documents_share_and_says_so() {
    // An entry whose only overlap with a decision is the closing formula six decisions of
    // the corpus share.
    let work = tempfile::tempdir().expect("temp dir");
    let index = work.path().join("index");
    let index_arg = index.display().to_string();
    let (code, _, stderr) = soloai(&[
        "corpus",
        "add",
        &path("detect/corpus"),
        "--index",
        &index_arg,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let pair = [
        path("detect/contest/entries/chung-cum-tu-pho-bien.docx"),
        path("detect/corpus/quyet-dinh-01.md"),
    ];
    let (code, without, _) = soloai(&["compare", &pair[0], &pair[1]]);
    assert_eq!(code, 1, "{without}");
    assert!(
        without.contains("Không có kho đối chiếu (--index)"),
        "{without}"
    );
    assert!(without.contains("Kết luận: "), "{without}");
    assert!(!without.contains("-0%"), "{without}");
    let (code, with, _) = soloai(&["compare", &pair[0], &pair[1], "--index", &index_arg]);
    assert_eq!(code, 0, "{with}");
    assert!(
        with.contains(&format!("Kho đối chiếu: {index_arg} (13 tài liệu)")),
        "{with}"
    );
    assert!(with.contains("Không phát hiện trùng lặp."), "{with}");
    // The shared wording is shown as excluded, on both sides.
    assert!(with.contains("Đoạn được loại trừ (A):"), "{with}");
    assert!(with.contains("Đoạn được loại trừ (B):"), "{with}");
    assert!(
        with.contains("[cụm từ phổ biến] Điều khoản thi hành."),
        "{with}"
    );
    // The same in JSON, with the index named.
    let (_, json, _) = soloai(&[
        "compare", &pair[0], &pair[1], "--index", &index_arg, "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["corpus"]["index"], index_arg.as_str());
    assert_eq!(v["corpus"]["documents"], 13);
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
    assert!(
        v["excluded"]["a"]
            .as_array()
            .is_some_and(|e| e.iter().any(|x| x["reason"] == "common"))
    );
    // A folder that is not an index is an error naming it, and nothing is written there.
    let missing = work.path().join("khong-co-kho");
    let (code, _, stderr) = soloai(&[
        "compare",
        &pair[0],
        &pair[1],
        "--index",
        &missing.display().to_string(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("khong-co-kho"), "{stderr}");
    assert!(stderr.contains("Chưa có kho đối chiếu"), "{stderr}");
    assert!(!missing.exists(), "a folder was made");
}

#[test]
fn cli_unreadable_file_exits_2_naming_it() {
    let (code, _, stderr) = soloai(&["compare", &path("khong-co.docx"), &path("en-other.txt")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("khong-co.docx"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// Issue #10 on a screened contest: `fixtures/compare/detect/`, made by `make_detect.py`
// (real .docx entries, a corpus of .md documents with front matter), run through the binary.

/// The detect contest screened once per test process (in a temp folder), report.json parsed.
fn detect_contest() -> &'static (serde_json::Value, PathBuf) {
    static RUN: std::sync::OnceLock<(serde_json::Value, PathBuf)> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let work = tempfile::tempdir().expect("temp dir").keep();
        let out = work.join("out");
        let (code, stdout, stderr) = soloai(&[
            "screen",
            &path("detect/contest"),
            "--profile",
            "hung-yen-2024",
            "--corpus",
            &path("detect/corpus"),
            "--index",
            &work.join("index").display().to_string(),
            "--out",
            &out.display().to_string(),
            "--quiet",
        ]);
        assert_eq!(code, 1, "{stdout}\n{stderr}");
        let bytes = std::fs::read(out.join("report.json")).expect("report.json");
        (serde_json::from_slice(&bytes).expect("JSON"), out)
    })
}

fn entry_of<'a>(report: &'a serde_json::Value, file: &str) -> &'a serde_json::Value {
    report["entries"]
        .as_array()
        .and_then(|es| es.iter().find(|e| e["file"] == file))
        .unwrap_or_else(|| panic!("no entry {file}"))
}

fn codes(e: &serde_json::Value) -> Vec<String> {
    e["flags"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|f| f["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn flag<'a>(e: &'a serde_json::Value, code: &str) -> Option<&'a serde_json::Value> {
    e["flags"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["code"] == code))
}

fn reasons(e: &serde_json::Value) -> Vec<String> {
    e["excluded"]
        .as_array()
        .map(|x| {
            x.iter()
                .filter_map(|x| x["reason"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn page(out: &Path, id: &str) -> String {
    std::fs::read_to_string(out.join("entries").join(format!("{id}.html"))).expect("entry page")
}

const COPYING: [&str; 3] = ["COPY", "CORPUS-COPY", "IDEA"];

#[test]
fn wording_many_corpus_documents_share_is_excluded_and_shown_as_such() {
    let (report, out) = detect_contest();
    let e = entry_of(report, "chung-cum-tu-pho-bien.docx");
    // The closing formula of six corpus decisions: excluded, never counted or flagged.
    assert!(reasons(e).contains(&"common".to_string()), "{e:#}");
    assert!(
        !codes(e).iter().any(|c| COPYING.contains(&c.as_str())),
        "{e:#}"
    );
    assert_eq!(e["matches"].as_array().map_or(0, Vec::len), 0, "{e:#}");
    assert_eq!(e["originality"], 1.0);
    assert!(page(out, "chung-cum-tu-pho-bien").contains("cụm từ phổ biến"));
}

#[test]
fn a_quoted_article_of_a_cited_decree_is_excluded_as_a_legal_quotation() {
    let (report, out) = detect_contest();
    let e = entry_of(report, "trich-dan-luat.docx");
    assert!(reasons(e).contains(&"legal-quote".to_string()), "{e:#}");
    assert!(
        !codes(e).iter().any(|c| COPYING.contains(&c.as_str())),
        "{e:#}"
    );
    assert!(page(out, "trich-dan-luat").contains("trích dẫn văn bản pháp luật"));

    // The same article taken without citing the decree is copying from it.
    let entry = text("detect/control/khong-trich-dan.docx");
    let decree =
        std::fs::read_to_string(fixture("detect/corpus/nghi-dinh-61-2018.md")).expect("decree");
    let body = decree.rsplit("+++\n").next().unwrap_or_default();
    let corpus = [CorpusInput::new(
        "nghi-dinh-61-2018.md",
        body,
        CorpusKind::Published,
    )];
    let entries = [DocInput {
        id: "khong-trich-dan.docx",
        text: &entry,
        receiving_point: None,
    }];
    let t = Thresholds::default();
    let d = detect(&entries, &corpus, &t);
    let m = d
        .matches
        .iter()
        .find(|m| m.source == Source::Corpus(0))
        .expect("a match with the decree");
    assert!(
        m.kind.is_copy() && soloai::compare::flag_worthy(m, body, &t),
        "{m:?}"
    );
    assert!(!d.excluded[0].iter().any(|x| x.reason == Reason::LegalQuote));
}

#[test]
fn a_reworded_passage_is_found_and_labelled_paraphrase() {
    let (report, _) = detect_contest();
    let e = entry_of(report, "dien-dat-lai.docx");
    let m = e["matches"]
        .as_array()
        .and_then(|m| {
            m.iter().find(|m| {
                m["source"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with("so-hoa-ho-so-mot-cua.md")
            })
        })
        .unwrap_or_else(|| panic!("no match with the model: {e:#}"));
    assert_eq!(m["signal"], "paraphrase", "{m:#}");
    assert!(
        m["spans"]
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["signal"] == "paraphrase")),
        "{m:#}"
    );
    assert!(codes(e).contains(&"CORPUS-COPY".to_string()), "{e:#}");
}

#[test]
fn one_passage_found_in_two_sources_is_one_passage_listing_both() {
    let (report, _) = detect_contest();
    let e = entry_of(report, "nhieu-nguon.docx");
    let passages = e["passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 1, "{e:#}");
    let sources: Vec<&str> = passages[0]["sources"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|s| s["source"].as_u64())
                .filter_map(|i| e["matches"][i as usize]["source"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(sources.len(), 2, "{e:#}");
    assert!(sources.iter().any(|s| s.ends_with("to-cong-nghe-so-a.md")));
    assert!(sources.iter().any(|s| s.ends_with("to-cong-nghe-so-b.md")));
    // One flag names both, each with its share.
    let f = flag(e, "CORPUS-COPY").expect("CORPUS-COPY");
    let message = f["message"].as_str().unwrap_or("");
    assert!(
        message.contains("(huyện A) (") && message.contains("(huyện B) ("),
        "{message}"
    );
}

#[test]
fn one_flag_per_kind_naming_every_source() {
    let (report, _) = detect_contest();
    for e in report["entries"].as_array().expect("entries") {
        let mut c = codes(e);
        let n = c.len();
        c.sort();
        c.dedup();
        assert_eq!(c.len(), n, "a code twice: {e:#}");
    }
    // Three models and two entries in one entry: one CORPUS-COPY, one COPY.
    let e = entry_of(report, "tong-hop.docx");
    let corpus_copy = flag(e, "CORPUS-COPY").expect("CORPUS-COPY")["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    for title in [
        "Hộp thư góp ý điện tử",
        "Xe phục vụ hành chính lưu động",
        "Phòng họp không giấy",
    ] {
        assert!(corpus_copy.contains(title), "{corpus_copy}");
    }
    assert!(corpus_copy.contains("3 nguồn"), "{corpus_copy}");
    let copy = flag(e, "COPY").expect("COPY")["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(copy.contains("q-mot") && copy.contains("q-hai"), "{copy}");
}

#[test]
fn four_and_six_identical_copies_are_all_copies_of_each_other() {
    let (report, _) = detect_contest();
    for (group, n) in [("bon", 4), ("sau", 6)] {
        for i in 1..=n {
            let e = entry_of(report, &format!("{group}/ban-sao-{i}.docx"));
            let f = flag(e, "COPY").unwrap_or_else(|| panic!("{group} {i}: {e:#}"));
            let message = f["message"].as_str().unwrap_or("");
            for j in (1..=n).filter(|&j| j != i) {
                assert!(message.contains(&format!("ban-sao-{j}")), "{message}");
            }
            assert_eq!(e["originality"], 0.0, "{e:#}");
            // Nothing of it was taken for auto-template.
            assert!(!reasons(e).contains(&"auto-template".to_string()), "{e:#}");
        }
        let cluster = report["clusters"]
            .as_array()
            .and_then(|cs| {
                cs.iter().find(|c| {
                    c.as_array().is_some_and(|c| {
                        c.iter()
                            .any(|id| id.as_str().unwrap_or("").starts_with(group))
                    })
                })
            })
            .and_then(|c| c.as_array())
            .map_or(0, Vec::len);
        assert_eq!(cluster, n);
    }
}

/// `soloai screen` of the `detect/contest` fixture into `out` with the index `index` (and
/// `corpus` added first): the report's entries. The contest has copies, so the run exits 1.
fn screen_detect_contest(index: &Path, out: &Path, corpus: Option<&Path>) -> serde_json::Value {
    let mut args = vec![
        "screen".to_string(),
        path("detect/contest"),
        "--profile".into(),
        "hung-yen-2024".into(),
        "--index".into(),
        index.display().to_string(),
        "--out".into(),
        out.display().to_string(),
        "--quiet".into(),
    ];
    if let Some(c) = corpus {
        args.extend(["--corpus".to_string(), c.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = soloai(&args);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let bytes = std::fs::read(out.join("report.json")).expect("report.json");
    let report: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    report["entries"].clone()
}

/// What tells a file written again from the same file left alone.
#[cfg(unix)]
fn file_identity(p: &Path) -> (u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(p).expect("cache file");
    (m.ino(), m.mtime(), m.mtime_nsec())
}

/// The `v*-<infix>*.bin` files of a report's cache folder.
fn cache_files(out: &Path, infix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.join(".soloai-cache"))
        .map(|items| {
            items
                .flatten()
                .map(|i| i.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().contains(infix))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(unix)]
#[test]
fn a_second_screening_uses_the_corpus_prepared_by_the_first_and_finds_the_same() {
    let work = tempfile::tempdir().expect("temp dir");
    let out = work.path().join("out");
    let index = work.path().join("index");
    let corpus = fixture("detect/corpus");
    let screen =
        |with_corpus: bool| screen_detect_contest(&index, &out, with_corpus.then_some(&*corpus));
    let first = screen(true);
    let kept = cache_files(&out, "-corpus-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    let written = std::fs::read(&kept[0]).expect("prepared corpus");
    // Again, nothing changed: the prepared corpus is used (read, not prepared and written
    // again: the very same file stays), and what is found is the same.
    let before = file_identity(&kept[0]);
    assert_eq!(screen(false), first);
    assert_eq!(cache_files(&out, "-corpus-"), kept);
    assert_eq!(
        file_identity(&kept[0]),
        before,
        "the prepared corpus was made again"
    );
    // A damaged prepared corpus is ignored, prepared again and replaced; the findings stay.
    std::fs::write(&kept[0], b"SOLOPC01 not a prepared corpus").expect("damage it");
    assert_eq!(screen(false), first);
    assert_eq!(std::fs::read(&kept[0]).expect("rewritten"), written);
    // Stricter thresholds are another preparation: the old one is removed, not piled up.
    let (code, shown, _) = soloai(&["profile", "show", "hung-yen-2024"]);
    assert_eq!(code, 0);
    assert!(shown.contains("common_min_docs = 5"), "{shown}");
    let profile = work.path().join("profile.toml");
    std::fs::write(
        &profile,
        shown.replace("common_min_docs = 5", "common_min_docs = 3"),
    )
    .expect("profile");
    let args = [
        "screen",
        &path("detect/contest"),
        "--profile",
        &profile.display().to_string(),
        "--index",
        &index.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--quiet",
    ];
    let (code, stdout, stderr) = soloai(&args);
    assert!(code == 0 || code == 1, "{stdout}\n{stderr}");
    let now = cache_files(&out, "-corpus-");
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now, kept);
}

#[cfg(unix)]
#[test]
fn a_second_screening_takes_the_bm25_hits_of_the_first_and_a_changed_corpus_searches_again() {
    let work = tempfile::tempdir().expect("temp dir");
    let out = work.path().join("out");
    let index = work.path().join("index");
    let screen = |corpus: Option<&Path>| screen_detect_contest(&index, &out, corpus);
    let first = screen(Some(&fixture("detect/corpus")));
    let kept = cache_files(&out, "-bm25-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    let hits: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept[0]).expect("hits")).expect("JSON");
    let lists = hits["hits"].as_object().expect("hits by text");
    let entries = first.as_array().expect("entries").len();
    assert!(!lists.is_empty() && lists.len() <= entries, "{hits}");
    assert!(
        lists
            .values()
            .any(|ids| ids.as_array().is_some_and(|a| !a.is_empty())),
        "BM25 found no corpus document for any entry: {hits}"
    );
    // Again, nothing changed: the same findings, and the hits file is left as it is.
    let before = file_identity(&kept[0]);
    assert_eq!(screen(None), first);
    assert_eq!(cache_files(&out, "-bm25-"), kept);
    assert_eq!(
        file_identity(&kept[0]),
        before,
        "the hits were searched and written again"
    );
    // The hits are taken from the file, not searched again: hits emptied by hand are what
    // the next run goes by (a run that searched would find them again and rewrite the file).
    let mut emptied = hits.clone();
    for ids in emptied["hits"].as_object_mut().expect("hits").values_mut() {
        *ids = serde_json::json!([]);
    }
    let emptied_bytes = serde_json::to_vec(&emptied).expect("JSON");
    std::fs::write(&kept[0], &emptied_bytes).expect("empty the hits");
    screen(None);
    assert_eq!(std::fs::read(&kept[0]).expect("hits"), emptied_bytes);
    // A list longer than a search gives (a file edited by hand) is cut to what one gives.
    let mut padded = hits.clone();
    for ids in padded["hits"].as_object_mut().expect("hits").values_mut() {
        *ids = serde_json::json!(vec!["no-such-document"; 40]);
    }
    std::fs::write(&kept[0], serde_json::to_vec(&padded).expect("JSON")).expect("pad the hits");
    screen(None);
    let cut: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept[0]).expect("hits")).expect("JSON");
    for ids in cut["hits"].as_object().expect("hits").values() {
        assert_eq!(ids.as_array().map(Vec::len), Some(5), "{cut}");
    }
    // One more corpus document: the corpus changed, every entry is searched again and the
    // hits replace the earlier ones, found as before.
    let more = work.path().join("more");
    std::fs::create_dir_all(&more).expect("folder");
    std::fs::write(
        more.join("them.txt"),
        "Chợ đầu mối sắp xếp lại các sạp hàng để giao thông thông suốt vào giờ cao điểm.",
    )
    .expect("one more document");
    screen(Some(&more));
    let now = cache_files(&out, "-bm25-");
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now, kept);
    let again: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&now[0]).expect("hits")).expect("JSON");
    assert_eq!(
        again["hits"].as_object().map(|o| o.len()),
        Some(lists.len())
    );
}

/// Every file under `dir`, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Two detections alike: the same matches (kinds, signals, spans), exclusions, clusters and
/// counters, scores equal up to float summation order (term vectors are hash maps: two runs of
/// the same detection already differ in the last digits).
fn assert_same(a: &Detection, b: &Detection) {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-6;
    assert_eq!(a.matches.len(), b.matches.len());
    for (m, o) in a.matches.iter().zip(&b.matches) {
        assert_eq!(
            (m.entry, m.source, m.kind, m.signal, &m.spans),
            (o.entry, o.source, o.kind, o.signal, &o.spans)
        );
        let scores = |m: &soloai::compare::Match| {
            [
                m.score,
                m.entry_share,
                m.source_share,
                m.paraphrase_share,
                m.resemblance,
                m.identity,
                m.idea_similarity,
            ]
        };
        let (x, y) = (scores(m), scores(o));
        assert!(x.iter().zip(y).all(|(x, y)| close(*x, y)), "{m:?}\n{o:?}");
    }
    assert_eq!(a.excluded, b.excluded);
    assert_eq!(a.originality.len(), b.originality.len());
    assert!(
        a.originality
            .iter()
            .zip(&b.originality)
            .all(|(x, y)| close(*x, *y))
    );
    assert_eq!((&a.clusters, &a.stats), (&b.clusters, &b.stats));
}

#[test]
fn prepared_entries_and_sentences_give_the_same_detection_on_real_files() {
    use soloai::compare::{
        DetectOptions, PreparedEntries, PreparedSentences, detect_with, prepare_entries,
    };
    use soloai::fingerprint::CorpusStats;
    // The detect contest's .docx entries read by the real extractor, its corpus, the template.
    let texts: Vec<(String, String)> = files_under(&fixture("detect/contest/entries"))
        .iter()
        .map(|p| {
            let doc = soloai::extract::extract_path(p).unwrap_or_else(|e| panic!("{e}"));
            (p.display().to_string(), doc.text)
        })
        .collect();
    assert!(texts.len() >= 15, "{}", texts.len());
    let docs = corpus_at(&fixture("detect/corpus"));
    let tpl = text("mau-bai-du-thi.txt");
    let mut corpus: Vec<CorpusInput> = docs
        .iter()
        .map(|(t, k)| CorpusInput::new("corpus", t, *k))
        .collect();
    corpus.push(template(&tpl));
    let entries: Vec<DocInput> = texts
        .iter()
        .map(|(id, t)| DocInput {
            id,
            text: t,
            receiving_point: None,
        })
        .collect();
    let stats = CorpusStats::from_texts(docs.iter().map(|d| d.0.as_str()));
    let t = Thresholds::default();
    let run_with = |prepared: Option<&PreparedEntries>, sentences: Option<&PreparedSentences>| {
        detect_with(
            &entries,
            &corpus,
            &t,
            &DetectOptions {
                corpus_stats: Some(&stats),
                prepared_entries: prepared,
                prepared_sentences: sentences,
                ..DetectOptions::default()
            },
        )
    };
    let run = |prepared: Option<&PreparedEntries>| run_with(prepared, None);
    let plain = run(None);
    // A batch with copies of both kinds and every kind of exclusion at stake.
    assert!(plain.matches.iter().any(|m| m.kind == MatchKind::Exact));
    assert!(
        plain
            .matches
            .iter()
            .any(|m| matches!(m.source, Source::Corpus(_)))
    );
    for reason in [Reason::Common, Reason::LegalQuote] {
        assert!(
            plain.excluded.iter().flatten().any(|e| e.reason == reason),
            "{reason:?}"
        );
    }
    let prepared = prepare_entries(&entries, &corpus, &stats, &t, None);
    assert_same(&run(Some(&prepared)), &plain);
    // Kept as bytes and read back (as `screen` does), the same.
    let read = PreparedEntries::from_bytes(&prepared.to_bytes()).expect("read back");
    assert_eq!(read, prepared);
    assert_same(&run(Some(&read)), &plain);

    // Sentences cut into terms: kept while comparing, then kept as bytes and read back, the
    // same detection; the second comparison cuts nothing and uses every document it read.
    let sentences = PreparedSentences::default();
    assert_same(&run_with(Some(&prepared), Some(&sentences)), &plain);
    assert!(sentences.len() >= 10, "{}", sentences.len());
    assert!(sentences.changed());
    let read = PreparedSentences::from_bytes(sentences.to_bytes()).expect("read back");
    assert_eq!(read.len(), sentences.len());
    assert_same(&run_with(Some(&prepared), Some(&read)), &plain);
    assert_eq!(read.len(), sentences.len(), "a document was cut again");
    assert!(!read.changed(), "a document was cut again or not used");
}

/// The `v*-entries-*.bin` files of a report's cache folder.
fn prepared_entries_files(out: &Path) -> Vec<PathBuf> {
    cache_files(out, "-entries-")
}

#[cfg(unix)]
#[test]
fn a_second_screening_uses_the_entries_and_sentences_prepared_by_the_first_and_finds_the_same() {
    use soloai::compare::{PreparedEntries, PreparedSentences};
    let work = tempfile::tempdir().expect("temp dir");
    // A copy of the detect contest, to add an entry later.
    let contest = work.path().join("contest");
    let from = fixture("detect/contest");
    for f in files_under(&from) {
        let to = contest.join(f.strip_prefix(&from).expect("inside"));
        std::fs::create_dir_all(to.parent().expect("parent")).expect("folder");
        std::fs::copy(&f, &to).expect("copy");
    }
    let out = work.path().join("out");
    let index = work.path().join("index");
    let screen = || -> serde_json::Value {
        let args = [
            "screen",
            &contest.display().to_string(),
            "--profile",
            "hung-yen-2024",
            "--index",
            &index.display().to_string(),
            "--corpus",
            &path("detect/corpus"),
            "--out",
            &out.display().to_string(),
            "--quiet",
        ];
        let (code, stdout, stderr) = soloai(&args);
        assert_eq!(code, 1, "{stdout}\n{stderr}");
        let bytes = std::fs::read(out.join("report.json")).expect("report.json");
        let report: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        report["entries"].clone()
    };
    let records = |p: &Path| {
        PreparedEntries::from_bytes(&std::fs::read(p).expect("prepared entries"))
            .expect("a prepared-entries file")
            .len()
    };
    let first = screen();
    let entries = first.as_array().map_or(0, Vec::len);
    let kept = prepared_entries_files(&out);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept_records = records(&kept[0]);
    // One record per distinct entry text (the identical copies share one).
    assert!(
        kept_records >= 10 && kept_records <= entries,
        "{kept_records} / {entries}"
    );
    let written = std::fs::read(&kept[0]).expect("prepared entries");
    // Again, nothing changed: the entries kept are read, not prepared and written again (the
    // very same file stays), and what is found is the same.
    let identity = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(p).expect("prepared entries");
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let before = identity(&kept[0]);
    let sentence_files = cache_files(&out, "-sentences-");
    assert_eq!(sentence_files.len(), 1, "{sentence_files:?}");
    let sentences_before = identity(&sentence_files[0]);
    let cut_documents = |p: &Path| {
        PreparedSentences::from_bytes(std::fs::read(p).expect("prepared sentences"))
            .expect("a prepared-sentences file")
            .len()
    };
    let kept_sentences = cut_documents(&sentence_files[0]);
    assert!(kept_sentences >= 10, "{kept_sentences}");
    assert_eq!(screen(), first);
    assert_eq!(prepared_entries_files(&out), kept);
    assert_eq!(
        identity(&kept[0]),
        before,
        "the entries were prepared again"
    );
    assert_eq!(
        identity(&sentence_files[0]),
        sentences_before,
        "sentences were cut again"
    );
    // A damaged sentences file is ignored and replaced; the findings stay.
    std::fs::write(&sentence_files[0], b"SOLOPS01 damaged").expect("damage it");
    assert_eq!(screen(), first);
    assert_eq!(cut_documents(&sentence_files[0]), kept_sentences);
    // A damaged file is ignored, the entries prepared again and the file replaced; the
    // findings stay.
    std::fs::write(&kept[0], b"SOLOPE02 not prepared entries").expect("damage it");
    assert_eq!(screen(), first);
    assert_eq!(std::fs::read(&kept[0]).expect("rewritten"), written);
    // A new entry: one more record, still one file (the batch's texts only).
    std::fs::copy(
        fixture("detect/control/khong-trich-dan.docx"),
        contest.join("entries/moi-den.docx"),
    )
    .expect("new entry");
    let third = screen();
    assert_eq!(third.as_array().map_or(0, Vec::len), entries + 1);
    let now = prepared_entries_files(&out);
    assert_eq!(now, kept);
    assert_eq!(records(&now[0]), kept_records + 1);
    assert_eq!(cache_files(&out, "-sentences-"), sentence_files);
}
