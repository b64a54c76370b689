//! End-to-end bench: `screen` on a generated contest against a generated corpus.
//!
//! Issue #7's goal: 1,000 entries × 10 pages against 10,000 corpus documents in ≤ 30 s and
//! ≤ 1 GiB on 2 cores. The contest is generated once into `target/bench-screen/` (real .docx
//! files, Times New Roman 14, a page break every ~350 words, some entries planted as copies
//! of others or of corpus documents) and reused by later runs. Measured:
//! 1. indexing the corpus (once per generated corpus),
//! 2. screening with a cold extraction cache (the first run of a contest),
//! 3. screening again (the cache hit path: a re-run after a few entries arrive),
//!
//! and the peak resident memory of the process (VmHWM). Sizes can be scaled with
//! `SOLOAI_BENCH_ENTRIES` and `SOLOAI_BENCH_CORPUS`.
//!
//! Run: `cargo bench --bench screen`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The synthetic generator, included from the library's source (it is not public API).
#[path = "../src/compare/synth.rs"]
#[allow(dead_code)]
mod synth;
use soloai::compare::CorpusKind;
use soloai::index::{AddOptions, CorpusIndex};
use soloai::screen::{ScreenOptions, screen};
use synth::{Rng, TextGen};

const WORDS_PER_PAGE: usize = 350;
const PAGES: usize = 10;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal but real .docx: cover page, then the body in Times New Roman 14 with page breaks
/// and a PAGE field in the footer.
fn write_docx(path: &Path, cover: &[String], body: &str) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut zip = zip::ZipWriter::new(file);
    let opts: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let run = |t: &str| {
        format!(
            "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_escape(t)
        )
    };
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
    );
    for line in cover {
        doc.push_str(&format!("<w:p>{}</w:p>", run(line)));
    }
    doc.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    let mut words_on_page = 0;
    for para in body.lines() {
        doc.push_str(&format!("<w:p>{}</w:p>", run(para)));
        words_on_page += para.split(' ').count();
        if words_on_page >= WORDS_PER_PAGE {
            doc.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
            words_on_page = 0;
        }
    }
    doc.push_str("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdF\"/></w:sectPr></w:body></w:document>");
    zip.start_file("[Content_Types].xml", opts)?;
    zip.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/></Types>")?;
    zip.start_file("_rels/.rels", opts)?;
    zip.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")?;
    zip.start_file("word/_rels/document.xml.rels", opts)?;
    zip.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/></Relationships>")?;
    zip.start_file("word/footer1.xml", opts)?;
    zip.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>")?;
    zip.start_file("word/document.xml", opts)?;
    zip.write_all(doc.as_bytes())?;
    zip.finish()?;
    Ok(())
}

pub(crate) struct Generated {
    pub(crate) contest: PathBuf,
    pub(crate) corpus: PathBuf,
}

/// Also used by `benches/serve.rs`.
pub(crate) fn generate(
    root: &Path,
    entries: usize,
    corpus_docs: usize,
) -> std::io::Result<Generated> {
    let contest = root.join(format!("contest-{entries}"));
    let corpus = root.join(format!("corpus-{corpus_docs}"));
    let text_gen = TextGen::vietnamese(7);
    if !corpus.join(".done").exists() {
        std::fs::create_dir_all(&corpus)?;
        let mut rng = Rng::new(11);
        for i in 0..corpus_docs {
            let topic = text_gen.topic(&mut rng, 4);
            let words = rng.range(250, 500);
            let body = text_gen.document(&mut rng, words, &topic);
            let text = format!(
                "+++\ntitle = \"Mô hình tổng hợp {i}\"\nkind = \"applied\"\nsource = \"sinh tự động cho bench\"\n+++\n{body}"
            );
            std::fs::write(corpus.join(format!("m{i:05}.md")), text)?;
        }
        std::fs::write(corpus.join(".done"), b"")?;
    }
    let entries_dir = contest.join("entries");
    if !contest.join(".done").exists() {
        std::fs::create_dir_all(&entries_dir)?;
        let mut rng = Rng::new(23);
        let mut bodies: Vec<String> = Vec::with_capacity(entries);
        for i in 0..entries {
            let topic = text_gen.topic(&mut rng, 5);
            let mut body = text_gen.document(&mut rng, WORDS_PER_PAGE * PAGES, &topic);
            // Every 25th entry copies an earlier one with light edits; every 40th takes a
            // corpus document's body as one of its paragraphs.
            if i % 25 == 24 && !bodies.is_empty() {
                let src = rng.below(bodies.len());
                body = text_gen.edit(&mut rng, &bodies[src], 0.08);
            } else if i % 40 == 39 {
                let c = rng.below(corpus_docs.max(1));
                let text =
                    std::fs::read_to_string(corpus.join(format!("m{c:05}.md"))).unwrap_or_default();
                if let Some((_, copied)) = text
                    .split_once("+++\n")
                    .and_then(|(_, r)| r.split_once("+++\n"))
                {
                    body.push_str(copied);
                }
            }
            let cover = vec![
                "BÀI DỰ THI".to_string(),
                format!("Ý tưởng số {i}"),
                format!("Họ và tên: Tác giả Số {i}"),
                "Chức vụ: Chuyên viên".to_string(),
                format!("Đơn vị công tác: Đơn vị {}", i % 60),
                format!("Điện thoại: 0912 {:03} {:03}", i / 1000, i % 1000),
            ];
            write_docx(&entries_dir.join(format!("E{i:05}.docx")), &cover, &body)?;
            bodies.push(body);
        }
        std::fs::write(contest.join(".done"), b"")?;
    }
    Ok(Generated { contest, corpus })
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    // `cargo test --benches` runs benches with `--bench`-less args; do nothing then.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let entries = env_usize("SOLOAI_BENCH_ENTRIES", 1_000);
    let corpus_docs = env_usize("SOLOAI_BENCH_CORPUS", 10_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-screen");
    let t = Instant::now();
    let g = match generate(&root, entries, corpus_docs) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("bench screen: cannot generate the contest: {e}");
            return;
        }
    };
    println!(
        "generated/reused {entries} entries × {PAGES} pages and {corpus_docs} corpus documents in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let index = root.join(format!("index-{corpus_docs}"));
    let out = root.join(format!("out-{entries}"));
    let _ = std::fs::remove_dir_all(&out);

    let mut opts = ScreenOptions::new(&g.contest, &out);
    opts.profile = Some("lang-son-2025".into());
    opts.progress = true;
    opts.index_dir = Some(index.clone());
    if !index.exists() {
        let t = Instant::now();
        let added = CorpusIndex::open_or_create(&index).and_then(|mut idx| {
            idx.add_paths(std::slice::from_ref(&g.corpus), &AddOptions::default())
        });
        if let Err(e) = added {
            eprintln!("bench screen: indexing failed: {e}");
            return;
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "index {corpus_docs} corpus documents: {secs:.1} s ({:.0} docs/s)",
            corpus_docs as f64 / secs
        );
    }
    for (label, clear_cache) in [("cold cache", true), ("warm cache (re-run)", false)] {
        if clear_cache {
            let _ = std::fs::remove_dir_all(&out);
        }
        let t = Instant::now();
        match screen(&opts) {
            Ok(outcome) => {
                let flagged = outcome
                    .report
                    .entries
                    .iter()
                    .filter(|e| !e.flags.is_empty())
                    .count();
                println!(
                    "screen {entries} entries vs {corpus_docs} corpus docs, {label}: {:.1} s (goal ≤ 30 s); {flagged} entries flagged; {} from cache",
                    t.elapsed().as_secs_f64(),
                    outcome.cached
                );
            }
            Err(e) => {
                eprintln!("bench screen: {}", e.message(soloai::Lang::En));
                return;
            }
        }
    }
    if let Some(mib) = peak_rss_mib() {
        println!("peak resident memory: {mib:.0} MiB (goal ≤ 1024 MiB)");
    }
}
