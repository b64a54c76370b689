//! Throughput and fidelity of `soloai extract` on Vietnamese .docx files, against pandoc.
//!
//! Generates `BENCH_DOCS` documents (default 200) with pandoc from known text, cached in
//! `target/bench-extract-docx/`, then times:
//! - `soloai extract --json <folder>` (one process, all cores through rayon), and
//! - `pandoc -t plain <file>`, one process per file as users script it, with as many at a
//!   time as there are cores,
//!
//! and prints the ratio (goal ≥ 20×) and the word-level fidelity of our text against the
//! source text (goal ≥ 0.995). Run: `cargo bench --bench extract_docx`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Our own vocabulary about administrative procedures (no text copied from anywhere).
const WORDS: &[&str] = &[
    "hồ", "sơ", "thủ", "tục", "hành", "chính", "công", "dân", "doanh", "nghiệp", "cải", "cách",
    "trực", "tuyến", "một", "cửa", "liên", "thông", "giấy", "phép", "đăng", "ký", "kinh", "cấp",
    "xã", "huyện", "tỉnh", "ủy", "ban", "nhân", "thời", "gian", "giải", "quyết", "ngày", "làm",
    "việc", "chi", "phí", "giảm", "tiết", "kiệm", "số", "hóa", "dữ", "liệu", "dịch", "vụ", "cổng",
    "điện", "tử", "chứng", "thực", "bản", "sao", "mẫu", "tờ", "khai", "đơn", "giản", "minh",
    "bạch", "trách", "nhiệm", "người", "đứng", "đầu", "cơ", "quan", "tiếp", "nhận", "trả", "kết",
    "quả", "bưu", "chính", "ích", "phản", "ánh", "kiến", "nghị", "đánh", "giá", "hài", "lòng",
    "mức", "độ", "ứng", "dụng", "phần", "mềm", "quản", "lý", "văn", "đi", "đến", "lưu", "trữ",
    "ký", "số", "thanh", "toán", "không", "dùng", "tiền", "mặt", "tháng", "năm", "quý", "báo",
    "cáo", "thống", "kê", "tăng", "hiệu", "lực", "hiệu", "quả", "Việt", "Nam", "Hà", "Nội", "Đà",
    "Nẵng", "Cần", "Thơ", "Huế", "được", "những", "các", "và", "của", "cho", "trong", "với", "từ",
    "để", "khi", "đã", "sẽ", "đang", "rất", "hơn",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Markdown for pandoc and the plain source text (what a perfect reader returns).
fn make_text(seed: u64) -> (String, String) {
    let mut rng = Lcg(seed.wrapping_mul(7919).wrapping_add(17));
    let mut md = String::new();
    let mut plain = Vec::new();
    let paragraphs = 8 + rng.next(20);
    for i in 0..paragraphs {
        if i % 5 == 0 {
            let n = 3 + rng.next(5);
            let title: Vec<&str> = (0..n).map(|_| WORDS[rng.next(WORDS.len())]).collect();
            let title = format!("{}. {}", i / 5 + 1, title.join(" "));
            md.push_str(&format!("# {title}\n\n"));
            plain.push(title);
        }
        let n = 30 + rng.next(90);
        let mut words: Vec<String> = (0..n)
            .map(|_| WORDS[rng.next(WORDS.len())].to_string())
            .collect();
        if let Some(first) = words.first_mut() {
            let mut cs = first.chars();
            if let Some(c) = cs.next() {
                *first = c.to_uppercase().chain(cs).collect();
            }
        }
        let para = format!("{}.", words.join(" "));
        md.push_str(&para);
        md.push_str("\n\n");
        plain.push(para);
    }
    (md, plain.join("\n"))
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Word-level fidelity: words in common (as multisets) over the larger word count.
fn fidelity(ours: &str, source: &str) -> f64 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    let src = words(source);
    let got = words(ours);
    for w in &src {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut common = 0usize;
    for w in &got {
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    common as f64 / src.len().max(got.len()).max(1) as f64
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Run `job(i)` for i in 0..n on `threads` threads.
fn parallel(n: usize, threads: usize, job: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    job(i);
                }
            });
        }
    });
}

fn generate(dir: &Path, n: usize) -> Vec<(PathBuf, String)> {
    std::fs::create_dir_all(dir).expect("bench folder");
    let docs: Vec<(PathBuf, String, String)> = (0..n)
        .map(|i| {
            let (md, plain) = make_text(i as u64);
            (dir.join(format!("bai-{i:04}.docx")), md, plain)
        })
        .collect();
    parallel(n, cores(), |i| {
        let (path, md, _) = &docs[i];
        if path.exists() {
            return;
        }
        let mut child = Command::new("pandoc")
            .args(["-f", "markdown", "-o"])
            .arg(path)
            .stdin(Stdio::piped())
            .spawn()
            .expect("pandoc on PATH");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(md.as_bytes())
            .expect("write markdown");
        assert!(child.wait().expect("pandoc").success());
    });
    docs.into_iter().map(|(p, _, plain)| (p, plain)).collect()
}

fn main() {
    let n: usize = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-extract-docx")
        .join(n.to_string());
    let t = Instant::now();
    let docs = generate(&dir, n);
    eprintln!(
        "{n} documents ready in {:.1} s ({})",
        t.elapsed().as_secs_f64(),
        dir.display()
    );

    // soloai: best of 3 (warm file cache).
    let mut ours = f64::MAX;
    let mut json = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_soloai"))
            .args(["extract", "--json"])
            .arg(&dir)
            .output()
            .expect("run soloai");
        ours = ours.min(t.elapsed().as_secs_f64());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json = out.stdout;
    }
    let reports: Vec<serde_json::Value> = serde_json::from_slice(&json).expect("json");
    let by_file: HashMap<String, String> = reports
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap_or_default().to_string(),
                r["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();

    // pandoc: one process per file, `cores()` at a time.
    let t = Instant::now();
    let pandoc_texts: Vec<std::sync::Mutex<String>> = (0..docs.len())
        .map(|_| std::sync::Mutex::new(String::new()))
        .collect();
    parallel(docs.len(), cores(), |i| {
        let out = Command::new("pandoc")
            .args(["-t", "plain", "--wrap=none"])
            .arg(&docs[i].0)
            .output()
            .expect("pandoc");
        if let Ok(mut slot) = pandoc_texts[i].lock() {
            *slot = String::from_utf8_lossy(&out.stdout).into_owned();
        }
    });
    let theirs = t.elapsed().as_secs_f64();

    let mut ours_fid = 0.0;
    let mut pandoc_fid = 0.0;
    let mut worst = 1.0f64;
    for (i, (path, source)) in docs.iter().enumerate() {
        let text = by_file
            .get(&path.display().to_string())
            .map(String::as_str)
            .unwrap_or_default();
        let f = fidelity(text, source);
        worst = worst.min(f);
        ours_fid += f;
        let p = pandoc_texts[i]
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        pandoc_fid += fidelity(&p, source);
    }
    let count = docs.len().max(1) as f64;
    println!("documents:            {n} ({} cores)", cores());
    println!(
        "soloai extract:       {ours:.3} s  ({:.0} docs/s)",
        n as f64 / ours
    );
    println!(
        "pandoc -t plain:      {theirs:.3} s  ({:.0} docs/s)",
        n as f64 / theirs
    );
    println!("speed-up:             {:.1}x  (goal >= 20x)", theirs / ours);
    println!(
        "word fidelity:        {:.4} mean, {worst:.4} worst  (goal >= 0.995; pandoc's own: {:.4})",
        ours_fid / count,
        pandoc_fid / count
    );
}
