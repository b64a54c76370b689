//! How long `soloai check` takes per entry on the committed fixtures (fixtures/check).
//!
//! Times, for each fixture, reading + all rules (what `soloai check` does per file) and the
//! rules alone on an already-read document, then one `soloai check --json fixtures/check` run
//! (all cores through rayon). The goal is "well under a second per file". Run:
//! `cargo bench --bench check` (set `BENCH_ROUNDS`, default 5).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use soloai::Lang;
use soloai::check::{CheckContext, run_checks};
use soloai::discover;
use soloai::extract::extract_path;
use soloai::profile::ContestProfile;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join("fixtures/check");
    let rounds: u32 = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    let Some(profile) = ContestProfile::builtin("lang-son-2025") else {
        eprintln!("built-in profile missing");
        return;
    };
    let entries = match discover::discover(&folder) {
        Ok(found) => found.entries,
        Err(e) => {
            eprintln!("{}: {e}", folder.display());
            return;
        }
    };
    let files: Vec<PathBuf> = entries
        .into_iter()
        .filter_map(|e| e.main)
        .filter(|p| discover::is_supported(p))
        .collect();

    println!(
        "{:<48} {:>12} {:>12}",
        "fixture", "read+check", "check only"
    );
    let (mut total_full, mut total_rules, mut slowest) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for file in &files {
        let name = file
            .strip_prefix(&folder)
            .unwrap_or(file)
            .display()
            .to_string();
        let start = Instant::now();
        let mut doc = None;
        for _ in 0..rounds {
            match extract_path(file) {
                Ok(d) => {
                    std::hint::black_box(run_checks(
                        &d,
                        &profile,
                        &CheckContext::default(),
                        Lang::Vi,
                    ));
                    doc = Some(d);
                }
                Err(e) => eprintln!("{name}: {e}"),
            }
        }
        let full = start.elapsed() / rounds;
        let rules = match &doc {
            Some(d) => {
                let start = Instant::now();
                for _ in 0..rounds {
                    std::hint::black_box(run_checks(
                        d,
                        &profile,
                        &CheckContext::default(),
                        Lang::Vi,
                    ));
                }
                start.elapsed() / rounds
            }
            None => Duration::ZERO,
        };
        total_full += full;
        total_rules += rules;
        slowest = slowest.max(full);
        println!(
            "{name:<48} {:>9.2} ms {:>9.3} ms",
            full.as_secs_f64() * 1e3,
            rules.as_secs_f64() * 1e3
        );
    }
    let n = files.len().max(1) as u32;
    println!(
        "mean per file: read+check {:.2} ms, check only {:.3} ms; slowest file {:.2} ms ({} files, {rounds} rounds)",
        (total_full / n).as_secs_f64() * 1e3,
        (total_rules / n).as_secs_f64() * 1e3,
        slowest.as_secs_f64() * 1e3,
        files.len()
    );

    // The whole command, one process, as a council runs it.
    let exe = root.join("target/release/soloai");
    if exe.exists() {
        let start = Instant::now();
        let out = Command::new(&exe)
            .args(["check", "--json"])
            .arg(&folder)
            .output();
        let wall = start.elapsed();
        match out {
            Ok(o) => println!(
                "soloai check --json fixtures/check: {:.0} ms wall for {} files (exit {:?})",
                wall.as_secs_f64() * 1e3,
                files.len(),
                o.status.code()
            ),
            Err(e) => eprintln!("could not run {}: {e}", exe.display()),
        }
    } else {
        println!("(build the release binary to time the CLI: cargo build --release)");
    }
}
