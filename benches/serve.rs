//! The web app under load: 50 sessions browse reports while a 1,000-entry run goes on.
//!
//! Starts the real `soloai serve` (the binary this build made) on 127.0.0.1 with a temporary
//! data folder and the generated corpus of `benches/screen.rs` (same generator, same files
//! under `target/bench-screen/`). Two contests get the same generated entries, copied into
//! their folders. Then:
//! 1. contest A is screened alone: the run's time without load;
//! 2. contest B is screened (cold cache, like A) while 50 sessions, each logged in on its own,
//!    browse contest A's pages — the contest page with its 1,000-entry table, the CLI's
//!    dashboard, entry pages of the web app and of the CLI, the corpus search — each waiting a
//!    think time between pages;
//! 3. contest C is screened alone, so the quiet runs bracket the loaded one;
//!
//! and prints p50/p99/max page latency (goal p99 < 200 ms) and the run's time with the load
//! against without (goal: < 20 % slower).
//!
//! Run: `CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --bench serve` (or `cargo bench --bench serve`).
//! Scale with `SOLOAI_BENCH_ENTRIES` (1,000), `SOLOAI_BENCH_CORPUS` (2,000),
//! `SOLOAI_BENCH_SESSIONS` (50), `SOLOAI_BENCH_THINK_MS` (1,000).

#[path = "screen.rs"]
#[allow(dead_code)]
mod screen_bench;
#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serve_support::{Client, Server, follow_run, url_encode};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const PW: &str = "mat-khau-bench-2025";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn contest(c: &mut Client, name: &str) -> u32 {
    let csrf = c.get("/contests").csrf();
    let r = c.post_multipart(
        "/contests",
        &[
            ("csrf", &csrf),
            ("name", name),
            ("profile", "lang-son-2025"),
        ],
        &[],
    );
    r.header("location")
        .and_then(|l| l.strip_prefix("/c/"))
        .and_then(|id| id.parse().ok())
        .expect("a new contest")
}

/// Start a run and follow it to the end; its wall time.
fn timed_run(c: &mut Client, id: u32) -> f64 {
    let csrf = c.get(&format!("/c/{id}")).csrf();
    let t = Instant::now();
    let r = c.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)]);
    assert_eq!(r.status, 303, "{}", r.text());
    let events = follow_run(c, id);
    let last = events.last().expect("events");
    assert_eq!(last["status"], "done", "{last}");
    t.elapsed().as_secs_f64()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let entries = env_usize("SOLOAI_BENCH_ENTRIES", 1_000);
    let corpus_docs = env_usize("SOLOAI_BENCH_CORPUS", 2_000);
    let sessions = env_usize("SOLOAI_BENCH_SESSIONS", 50);
    let think = Duration::from_millis(env_usize("SOLOAI_BENCH_THINK_MS", 1_000) as u64);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-screen");
    let t = Instant::now();
    let g = screen_bench::generate(&root, entries, corpus_docs).expect("generate the contest");
    println!(
        "generated/reused {entries} entries × 10 pages and {corpus_docs} corpus documents in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let t = Instant::now();
    let corpus_arg = g.corpus.to_string_lossy().into_owned();
    let server = Server::start_in(&data, &["--corpus", &corpus_arg]);
    println!(
        "server up with {corpus_docs} corpus documents indexed in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let mut admin = server.admin("admin", PW);
    for (name, role) in [("thuky", "secretary"), ("thanhvien", "member")] {
        let csrf = admin.get("/admin/users").csrf();
        admin.post_form(
            "/admin/users",
            &[
                ("csrf", &csrf),
                ("username", name),
                ("display_name", name),
                ("role", role),
                ("password", PW),
            ],
        );
    }
    let mut sec = server.client();
    sec.login("thuky", PW);
    let a = contest(&mut sec, "Bench A");
    let b = contest(&mut sec, "Bench B");
    let c = contest(&mut sec, "Bench C");
    let council = "Thành viên | Chuyên viên | thành viên | thanhvien";
    for id in [a, b, c] {
        let csrf = sec.get(&format!("/c/{id}")).csrf();
        let r = sec.post_form(
            &format!("/c/{id}/council"),
            &[
                ("csrf", &csrf),
                ("unit", "UBND huyện Cao Lộc"),
                ("members", council),
            ],
        );
        assert_eq!(r.status, 303, "the council is saved: {}", r.text());
        copy_dir(
            &g.contest.join("entries"),
            &data.join(format!("contests/{id}/input/entries")),
        );
    }

    // 1. Alone.
    let alone = timed_run(&mut sec, a);
    println!("run of {entries} entries, no other load: {alone:.1} s");

    // Pages of contest A to browse.
    let report: serde_json::Value =
        serde_json::from_slice(&sec.get(&format!("/c/{a}/report/report.json")).body).unwrap();
    let ids: Vec<String> = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect();
    let mut pages = vec![
        format!("/c/{a}"),
        format!("/c/{a}/report/index.html"),
        "/contests".to_string(),
        "/corpus?q=thu+tuc+hanh+chinh".to_string(),
    ];
    for id in ids.iter().step_by((ids.len() / 40).max(1)) {
        pages.push(format!("/c/{a}/entries/{}", url_encode(id)));
        pages.push(format!("/c/{a}/report/entries/{}.html", url_encode(id)));
    }
    let pages = Arc::new(pages);

    // 2. With 50 sessions browsing.
    let mut clients = Vec::new();
    for _ in 0..sessions {
        let mut c = server.client();
        assert_eq!(c.login("thanhvien", PW).status, 303);
        clients.push(c);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(n, mut c)| {
            let stop = Arc::clone(&stop);
            let pages = Arc::clone(&pages);
            std::thread::spawn(move || {
                let mut lat = Vec::new();
                let mut errors = 0usize;
                let mut i = n * 7;
                // Spread the sessions' first clicks over one think time.
                std::thread::sleep(think.mul_f64(n as f64 / sessions.max(1) as f64));
                while !stop.load(Ordering::Relaxed) {
                    let path = &pages[i % pages.len()];
                    i += 1;
                    let t = Instant::now();
                    let r = c.get(path);
                    lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    if r.status != 200 {
                        errors += 1;
                    }
                    std::thread::sleep(think);
                }
                (lat, errors)
            })
        })
        .collect();
    let loaded = timed_run(&mut sec, b);
    stop.store(true, Ordering::Relaxed);
    let mut lat = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.join().unwrap();
        lat.extend(l);
        errors += e;
    }
    lat.sort_by(|x, y| x.total_cmp(y));
    println!("run of {entries} entries while {sessions} sessions browse: {loaded:.1} s");
    // 3. Alone again, so machine noise (other builds on a shared host) shows as the spread
    // between the two quiet runs.
    let alone_again = timed_run(&mut sec, c);
    println!("run of {entries} entries, no other load, again: {alone_again:.1} s");
    let quiet = (alone + alone_again) / 2.0;
    println!(
        "run slowdown under browsing load: {:+.1} % against the mean of the quiet runs (goal < 20 %); quiet runs differ by {:.1} %",
        (loaded / quiet - 1.0) * 100.0,
        ((alone - alone_again).abs() / quiet) * 100.0
    );
    println!(
        "page latency over {} requests ({} pages, think time {} ms): p50 {:.1} ms, p99 {:.1} ms (goal < 200 ms), max {:.1} ms; {errors} non-200",
        lat.len(),
        pages.len(),
        think.as_millis(),
        percentile(&lat, 0.50),
        percentile(&lat, 0.99),
        lat.last().copied().unwrap_or(f64::NAN),
    );
}
