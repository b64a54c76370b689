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
    CorpusInput {
        id: "mau-bai-du-thi.txt",
        text: t,
        kind: CorpusKind::Template,
        contest: None,
        year: None,
        awarded: None,
        signature: None,
    }
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
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
        .map(|(t, k)| CorpusInput {
            id: "corpus",
            text: t,
            kind: *k,
            contest: None,
            year: None,
            awarded: None,
            signature: None,
        })
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
    let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
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
fn cli_unreadable_file_exits_2_naming_it() {
    let (code, _, stderr) = soloai(&["compare", &path("khong-co.docx"), &path("en-other.txt")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("khong-co.docx"), "{stderr}");
}
