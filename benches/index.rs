//! Corpus index throughput and query latency.
//!
//! Writes N synthetic Vietnamese corpus documents (front matter + ~300 syllables each, drawn
//! from administrative-reform vocabulary; `SOLOAI_BENCH_DOCS`, default 10,000) to a temporary
//! folder, then times `CorpusIndex::add_paths` over the folder (read, front matter, signature,
//! tantivy indexing, one commit per 256 files), and the latency of `search` (half the queries
//! typed without diacritics) and `bm25_candidates`. Goals (issue 5): ≥ 2,000 documents/s on
//! 2 cores, search p99 < 50 ms.
//!
//! `cargo bench --bench index`

use std::path::Path;
use std::time::{Duration, Instant};

use soloai::index::{AddOptions, CorpusIndex};

/// Syllables and two-syllable words that administrative-reform texts are made of.
const VOCABULARY: &[&str] = &[
    "cải cách",
    "hành chính",
    "thủ tục",
    "một cửa",
    "liên thông",
    "người dân",
    "doanh nghiệp",
    "hồ sơ",
    "tiếp nhận",
    "trả kết quả",
    "dịch vụ công",
    "trực tuyến",
    "toàn trình",
    "cổng",
    "thông tin",
    "điện tử",
    "chữ ký số",
    "văn phòng",
    "số hoá",
    "dữ liệu",
    "chính quyền",
    "cấp xã",
    "cấp huyện",
    "sở",
    "ban",
    "ngành",
    "ủy ban",
    "nhân dân",
    "tỉnh",
    "thời gian",
    "chi phí",
    "giải quyết",
    "đúng hạn",
    "trễ hạn",
    "minh bạch",
    "công khai",
    "niêm yết",
    "mã QR",
    "tra cứu",
    "bưu chính",
    "công ích",
    "chatbot",
    "Zalo",
    "phản ánh",
    "kiến nghị",
    "đánh giá",
    "hài lòng",
    "chỉ số",
    "năng lực",
    "cạnh tranh",
    "đối thoại",
    "cà phê",
    "doanh nhân",
    "đất đai",
    "hộ tịch",
    "khai sinh",
    "đăng ký",
    "kinh doanh",
    "đầu tư",
    "xây dựng",
    "giấy phép",
    "thuế",
    "bảo hiểm",
    "xã hội",
    "y tế",
    "giáo dục",
    "công chức",
    "viên chức",
    "tuyển dụng",
    "đào tạo",
    "bồi dưỡng",
    "kỷ luật",
    "kỷ cương",
    "trách nhiệm",
    "người đứng đầu",
    "tài chính",
    "ngân sách",
    "tự chủ",
    "biên chế",
    "tinh gọn",
    "bộ máy",
    "sáp nhập",
    "phân cấp",
    "ủy quyền",
    "thể chế",
    "văn bản",
    "quy phạm",
    "pháp luật",
    "rà soát",
    "đơn giản hoá",
    "cắt giảm",
    "điều kiện",
    "chuyển đổi số",
    "nền tảng",
    "ứng dụng",
    "điện thoại",
    "thanh toán",
    "không dùng tiền mặt",
    "kiosk",
    "máy tính",
    "hướng dẫn",
    "hỗ trợ",
    "tổ",
    "công nghệ",
    "tập huấn",
    "vùng cao",
    "đồng bào",
    "dân tộc",
    "thôn",
    "bản",
    "khu phố",
    "hiệu quả",
    "tiết kiệm",
    "năm",
    "tháng",
    "ngày",
    "lần",
    "giảm",
    "tăng",
    "đề xuất",
    "giải pháp",
    "mô hình",
    "sáng kiến",
    "ý tưởng",
    "triển khai",
    "áp dụng",
    "nhân rộng",
    "kết quả",
    "tác động",
    "khả thi",
    "mới",
    "sáng tạo",
    "và",
    "của",
    "các",
    "được",
    "cho",
    "với",
    "trong",
    "để",
    "từ",
    "theo",
    "khi",
];

const QUERIES: &[&str] = &[
    "một cửa liên thông",
    "mot cua lien thong",
    "dịch vụ công trực tuyến",
    "dich vu cong truc tuyen toan trinh",
    "mã QR tra cứu thủ tục",
    "ma qr tra cuu",
    "chữ ký số văn phòng điện tử",
    "chu ky so",
    "cà phê doanh nhân",
    "ca phe doanh nhan doi thoai",
    "chỉ số năng lực cạnh tranh",
    "chi so nang luc canh tranh cap so nganh",
    "bưu chính công ích trả kết quả",
    "buu chinh cong ich",
    "\"không dùng tiền mặt\"",
    "khong dung tien mat thanh toan",
    "đồng bào dân tộc vùng cao",
    "dong bao dan toc",
    "kiosk đánh giá hài lòng",
    "kiosk danh gia hai long",
];

/// A small deterministic generator (xorshift64*): the bench needs the same corpus every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn synthetic_text(rng: &mut Rng, words: usize) -> String {
    let mut text = String::with_capacity(words * 8);
    let mut sentence = 0;
    for i in 0..words {
        let word = rng.pick(VOCABULARY);
        if sentence == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
        sentence += 1;
        if sentence > 12 + (rng.next() % 10) as usize || i + 1 == words {
            text.push('.');
            text.push(if rng.next().is_multiple_of(5) {
                '\n'
            } else {
                ' '
            });
            sentence = 0;
        }
    }
    text
}

fn write_corpus(dir: &Path, count: usize) -> usize {
    let mut rng = Rng(0x5eed_1dea);
    let kinds = ["applied", "published", "past-entry"];
    let areas = ["a", "b", "c", "d", "đ", "e", "g", "h"];
    let mut bytes = 0;
    for i in 0..count {
        let sub = dir.join(format!("{:02}", i % 50));
        std::fs::create_dir_all(&sub).expect("create bench folder");
        let title = synthetic_text(&mut rng, 8);
        let body = synthetic_text(&mut rng, 300);
        let file = format!(
            "+++\ntitle = \"{} {i}\"\nkind = \"{}\"\narea = \"{}\"\nyear = {}\nsource = \"Tài liệu tổng hợp cho bench\"\n+++\n{body}\n",
            title.trim().trim_end_matches('.'),
            kinds[i % kinds.len()],
            areas[i % areas.len()],
            2015 + (i % 10),
        );
        bytes += file.len();
        std::fs::write(sub.join(format!("doc-{i:05}.md")), file).expect("write bench doc");
    }
    bytes
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let count: usize = std::env::var("SOLOAI_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let tmp = tempfile::tempdir().expect("temp dir");
    let docs = tmp.path().join("corpus");
    let bytes = write_corpus(&docs, count);
    println!(
        "corpus: {count} synthetic documents, {:.1} MB, ~300 syllables each",
        bytes as f64 / 1_048_576.0
    );
    println!(
        "threads: rayon {}, tantivy writer 2",
        rayon::current_num_threads()
    );

    let mut index = CorpusIndex::open_or_create(tmp.path().join("idx")).expect("create index");
    let start = Instant::now();
    let report = index
        .add_paths(std::slice::from_ref(&docs), &AddOptions::default())
        .expect("add");
    let elapsed = start.elapsed();
    assert_eq!(
        report.added.len(),
        count,
        "failures: {:?}",
        report.failed.first()
    );
    println!(
        "add_paths: {count} documents in {:.2} s = {:.0} documents/s (goal ≥ 2,000)",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );

    // Re-open as a fresh process would, then time queries.
    drop(index);
    let index = CorpusIndex::open(tmp.path().join("idx")).expect("open index");
    for q in QUERIES {
        let _ = index.search(q, 10).expect("warm-up search");
    }
    let mut search_times = Vec::new();
    let mut rng = Rng(42);
    for _ in 0..25 {
        for q in QUERIES {
            let t = Instant::now();
            let hits = index.search(q, 10).expect("search");
            search_times.push(t.elapsed());
            assert!(!hits.is_empty(), "no hit for {q}");
        }
    }
    search_times.sort();
    println!(
        "search (limit 10, snippets): {} queries, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (goal p99 < 50 ms)",
        search_times.len(),
        ms(percentile(&search_times, 0.5)),
        ms(percentile(&search_times, 0.99)),
        ms(percentile(&search_times, 1.0)),
    );

    let mut bm25_times = Vec::new();
    for _ in 0..100 {
        let entry = synthetic_text(&mut rng, 1_500);
        let t = Instant::now();
        let candidates = index.bm25_candidates(&entry, 20).expect("bm25");
        bm25_times.push(t.elapsed());
        assert!(!candidates.is_empty());
    }
    bm25_times.sort();
    println!(
        "bm25_candidates (1,500-syllable entry, k = 20): {} entries, p50 {:.2} ms, p99 {:.2} ms",
        bm25_times.len(),
        ms(percentile(&bm25_times, 0.5)),
        ms(percentile(&bm25_times, 0.99)),
    );

    let t = Instant::now();
    let n = index.documents().expect("documents").count();
    println!(
        "documents(): {n} stored documents read back in {:.0} ms",
        ms(t.elapsed())
    );
    let stats = index.stats().expect("stats");
    println!(
        "index on disk: {:.1} MB in {} segments",
        stats.bytes_on_disk as f64 / 1_048_576.0,
        stats.segments
    );
}
