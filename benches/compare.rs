//! SYNTHETIC: copy detection on contests our own generator wrote (`src/compare/synth.rs`),
//! with planted cases, and speed at scale against Python datasketch MinHashLSH.
//!
//! These figures measure the generator the engine was tuned with, not real text: recall and
//! precision of 1.00 here say the planted cases work, nothing more. Accuracy on text written
//! by others is `benches/detect_real.rs` (vnPara, Pháp điển).
//!
//! `cargo bench --bench compare` runs everything. Environment:
//! - `SOLOAI_BENCH=accuracy|speed|all` (default all);
//! - `SOLOAI_BENCH_ENTRIES`, `SOLOAI_BENCH_WORDS`: speed workload (default 10,000 × 3,000);
//! - `SOLOAI_BENCH_PY_ENTRIES`: how many entries the datasketch run gets (default: same;
//!   a smaller number is extrapolated linearly and labelled so);
//! - `SOLOAI_SEEDS_DIR`: a folder of real Vietnamese text (.txt) whose word frequencies the
//!   Vietnamese generator uses together with `corpus/` (default `/work/shared/seeds`, the two
//!   contest plans; skipped when absent).

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// The synthetic generator, included from the library's source (it is not public API).
#[path = "../src/compare/synth.rs"]
#[allow(dead_code)]
mod synth;
use soloai::compare::CorpusKind;
use soloai::compare::{CorpusInput, DocInput, MatchKind, Source, Thresholds, detect};
use synth::{Case, PlantedSource, SynthContest, SynthSpec, TextGen};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn peak_rss_mib() -> f64 {
    status_mib("VmHWM:")
}

fn rss_mib() -> f64 {
    status_mib("VmRSS:")
}

fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU seconds used by this process so far (all threads), from /proc/self/stat: on a shared
/// machine wall time says more about the neighbours than about the code.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            let f: Vec<&str> = after.split_whitespace().collect();
            let utime: f64 = f.get(11)?.parse().ok()?;
            let stime: f64 = f.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(f64::NAN)
}

fn vietnamese_gen(seed: u64) -> (TextGen, &'static str) {
    let dir = std::env::var("SOLOAI_SEEDS_DIR").unwrap_or_else(|_| "/work/shared/seeds".into());
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    // The corpus of prior ideas (Vietnamese, our own words), when it is there.
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus"
    ))];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    if text.is_empty() {
        (TextGen::vietnamese(seed), "generated syllables")
    } else {
        (
            TextGen::from_text(&text, seed),
            "syllable frequencies of the contest plans and corpus/ + generated tail",
        )
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn union_len(spans: &mut [(usize, usize)]) -> usize {
    spans.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(usize, usize)> = None;
    for &s in spans.iter() {
        match cur {
            Some((a, b)) if s.0 <= b => cur = Some((a, b.max(s.1))),
            Some((a, b)) => {
                total += b - a;
                cur = Some(s);
            }
            None => cur = Some(s),
        }
    }
    total + cur.map_or(0, |(a, b)| b - a)
}

fn accuracy(label: &str, textgen: &TextGen, spec: SynthSpec) {
    let contest = SynthContest::generate(textgen, spec);
    let entries: Vec<DocInput> = contest
        .entries
        .iter()
        .map(|t| DocInput {
            id: "",
            text: t.as_str(),
            receiving_point: None,
        })
        .collect();
    let corpus: Vec<CorpusInput> = contest
        .corpus
        .iter()
        .map(|(t, k)| CorpusInput::new("", t.as_str(), *k))
        .collect();
    let thresholds = Thresholds::default();
    let started = Instant::now();
    let detection = detect(&entries, &corpus, &thresholds);
    let elapsed = started.elapsed();

    let key = |m: &soloai::compare::Match| match m.source {
        Source::Entry(b) => (m.entry, PlantedSource::Entry(b)),
        Source::Corpus(c) => (m.entry, PlantedSource::Corpus(c)),
    };
    let by_pair: HashMap<(usize, PlantedSource), &soloai::compare::Match> = detection
        .matches
        .iter()
        .flat_map(|m| {
            // Entry–entry matches are stored once (lower index first); look both ways.
            let mut v = vec![(key(m), m)];
            if let Source::Entry(b) = m.source {
                v.push(((b, PlantedSource::Entry(m.entry)), m));
            }
            v
        })
        .collect();
    let expected = |c: Case| -> &'static [MatchKind] {
        match c {
            Case::Verbatim => &[MatchKind::Exact],
            Case::LightEdit | Case::CorpusCopy => &[MatchKind::Near],
            Case::HeavyEdit => &[MatchKind::Near, MatchKind::Partial],
            Case::Paragraph => &[MatchKind::Partial],
            Case::Idea => &[MatchKind::Idea],
            Case::Clean | Case::TemplateOnly => &[],
        }
    };
    println!(
        "\n== SYNTHETIC accuracy: {label} — {} entries × ~{} words, {} corpus models, detect {:.2?}",
        spec.entries, spec.words, spec.corpus_models, elapsed
    );
    println!(
        "{:<14} {:>6} {:>12} {:>12}  detected as",
        "case", "n", "kind recall", "flag recall"
    );
    let mut by_case: BTreeMap<Case, Vec<&synth::Planted>> = BTreeMap::new();
    for p in &contest.planted {
        by_case.entry(p.case).or_default().push(p);
    }
    for (case, ps) in &by_case {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut strict = 0;
        let mut flagged = 0;
        for p in ps {
            match by_pair.get(&(p.entry, p.source)) {
                Some(m) => {
                    *kinds.entry(m.kind.as_str()).or_default() += 1;
                    flagged += 1;
                    if expected(*case).contains(&m.kind) {
                        strict += 1;
                    }
                }
                None => *kinds.entry("missed").or_default() += 1,
            }
        }
        println!(
            "{:<14} {:>6} {:>12.3} {:>12.3}  {:?}",
            case.as_str(),
            ps.len(),
            strict as f64 / ps.len() as f64,
            flagged as f64 / ps.len() as f64,
            kinds
        );
    }
    // Precision per kind: a reported match is right when it is a planted pair.
    let planted_pairs: std::collections::HashSet<(usize, PlantedSource)> = contest
        .planted
        .iter()
        .flat_map(|p| {
            let mut v = vec![(p.entry, p.source)];
            if let PlantedSource::Entry(s) = p.source {
                v.push((s, PlantedSource::Entry(p.entry)));
            }
            v
        })
        .collect();
    for kind in [
        MatchKind::Exact,
        MatchKind::Near,
        MatchKind::Partial,
        MatchKind::Idea,
    ] {
        let of_kind: Vec<_> = detection
            .matches
            .iter()
            .filter(|m| m.kind == kind)
            .collect();
        let right = of_kind
            .iter()
            .filter(|m| planted_pairs.contains(&key(m)))
            .count();
        println!(
            "precision {:<8} {:>6.3}  ({right}/{})",
            kind.as_str(),
            if of_kind.is_empty() {
                1.0
            } else {
                right as f64 / of_kind.len() as f64
            },
            of_kind.len()
        );
    }
    // False flags among entries with no planted relation.
    let involved = |i: usize| {
        detection
            .matches
            .iter()
            .any(|m| m.entry == i || m.source == Source::Entry(i))
    };
    let involved_copy = |i: usize| {
        detection
            .matches
            .iter()
            .any(|m| m.kind.is_copy() && (m.entry == i || m.source == Source::Entry(i)))
    };
    for case in [Case::Clean, Case::TemplateOnly] {
        let ids: Vec<usize> = (0..contest.entries.len())
            .filter(|&i| contest.cases[i] == case && !contest.is_source[i])
            .collect();
        let any = ids.iter().filter(|&&i| involved(i)).count();
        let copy = ids.iter().filter(|&&i| involved_copy(i)).count();
        println!(
            "false flags {:<14} {copy}/{} as copy ({:.2} %), {any}/{} any kind incl. idea",
            case.as_str(),
            ids.len(),
            100.0 * copy as f64 / ids.len().max(1) as f64,
            ids.len()
        );
    }
    // PAN-style span measures (byte level, both documents of each case counted).
    let text_cases: Vec<_> = contest
        .planted
        .iter()
        .filter(|p| p.case != Case::Idea)
        .collect();
    let mut rec_sum = 0.0;
    let mut gran_sum = 0usize;
    let mut detected_cases = 0usize;
    let mut gran_by_case: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for p in &text_cases {
        let Some(m) = by_pair.get(&(p.entry, p.source)) else {
            continue;
        };
        if !m.kind.is_copy() {
            continue;
        }
        let flipped = matches!(m.source, Source::Entry(b) if b == p.entry);
        let spans: Vec<((usize, usize), (usize, usize))> = m
            .spans
            .iter()
            .map(|s| {
                let e = (s.entry_start, s.entry_end);
                let o = (s.source_start, s.source_end);
                if flipped { (o, e) } else { (e, o) }
            })
            .collect();
        let mut e_hits: Vec<(usize, usize)> = spans
            .iter()
            .map(|(e, _)| (e.0.max(p.entry_span.0), e.1.min(p.entry_span.1)))
            .filter(|s| s.1 > s.0)
            .collect();
        let mut s_hits: Vec<(usize, usize)> = spans
            .iter()
            .map(|(_, s)| (s.0.max(p.source_span.0), s.1.min(p.source_span.1)))
            .filter(|s| s.1 > s.0)
            .collect();
        let covered = union_len(&mut e_hits) + union_len(&mut s_hits);
        let total = (p.entry_span.1 - p.entry_span.0) + (p.source_span.1 - p.source_span.0);
        rec_sum += covered as f64 / total.max(1) as f64;
        let g = spans
            .iter()
            .filter(|(e, s)| overlap(*e, p.entry_span) > 0 || overlap(*s, p.source_span) > 0)
            .count();
        if g > 0 {
            gran_sum += g;
            detected_cases += 1;
            let e = gran_by_case.entry(p.case.as_str()).or_insert((0, 0));
            e.0 += g;
            e.1 += 1;
        }
    }
    let recall = rec_sum / text_cases.len().max(1) as f64;
    // Precision over every reported copy span.
    let mut prec_sum = 0.0;
    let mut n_spans = 0usize;
    for m in detection.matches.iter().filter(|m| m.kind.is_copy()) {
        let case = contest.planted.iter().find(|p| {
            (p.entry, p.source) == key(m)
                || matches!(m.source, Source::Entry(b) if b == p.entry && p.source == PlantedSource::Entry(m.entry))
        });
        for s in &m.spans {
            n_spans += 1;
            let Some(p) = case else { continue };
            let flipped = matches!(m.source, Source::Entry(b) if b == p.entry);
            let (e, o) = if flipped {
                ((s.source_start, s.source_end), (s.entry_start, s.entry_end))
            } else {
                ((s.entry_start, s.entry_end), (s.source_start, s.source_end))
            };
            let good = overlap(e, p.entry_span) + overlap(o, p.source_span);
            let len = (e.1 - e.0) + (o.1 - o.0);
            prec_sum += good as f64 / len.max(1) as f64;
        }
    }
    let precision = prec_sum / n_spans.max(1) as f64;
    let granularity = gran_sum as f64 / detected_cases.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!(
        "spans (PAN, byte level): precision {precision:.3}  recall {recall:.3}  granularity {granularity:.3}  plagdet {:.3}",
        f1 / (1.0 + granularity).log2()
    );
    let per_case: Vec<String> = gran_by_case
        .iter()
        .map(|(c, (g, n))| format!("{c} {:.2}", *g as f64 / (*n).max(1) as f64))
        .collect();
    println!("granularity per case: {}", per_case.join(", "));
    println!("candidates: {:?}", detection.stats);
}

fn speed(textgen: &TextGen) {
    let n = env_usize("SOLOAI_BENCH_ENTRIES", 10_000);
    let words = env_usize("SOLOAI_BENCH_WORDS", 3_000);
    let py_n = env_usize("SOLOAI_BENCH_PY_ENTRIES", n).min(n);
    let started = Instant::now();
    let contest = SynthContest::generate(
        textgen,
        SynthSpec {
            entries: n,
            words,
            corpus_models: 100,
            planted_share: 0.002,
            seed: 77,
        },
    );
    let total_words: usize = contest
        .entries
        .iter()
        .map(|e| e.split_whitespace().count())
        .sum();
    println!(
        "\n== speed: {n} entries, {:.1} M words ({:.0} MiB of text), generated in {:.1?}",
        total_words as f64 / 1e6,
        contest.entries.iter().map(String::len).sum::<usize>() as f64 / 1048576.0,
        started.elapsed()
    );
    let entries: Vec<DocInput> = contest
        .entries
        .iter()
        .map(|t| DocInput {
            id: "",
            text: t,
            receiving_point: None,
        })
        .collect();
    let corpus: Vec<CorpusInput> = contest
        .corpus
        .iter()
        .map(|(t, k)| CorpusInput::new("", t, *k))
        .collect();
    let rss_before = rss_mib();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let detection = detect(&entries, &corpus, &Thresholds::default());
    let ours = started.elapsed().as_secs_f64();
    let ours_cpu = cpu_seconds() - cpu_before;
    println!(
        "soloai detect (candidates + verification + exclusion + originality): {ours:.2} s wall, \
         {ours_cpu:.2} s CPU on {} threads (load average now {}); \
         {} matches; peak RSS {:.0} MiB (RSS just before detect {:.0} MiB: the texts and the generator's leftovers)",
        rayon::current_num_threads(),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or("?"),
        detection.matches.len(),
        peak_rss_mib(),
        rss_before
    );
    println!("candidates: {:?}", detection.stats);

    // The anchor: datasketch MinHashLSH on the same texts (candidates only).
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let path = dir.path().join("docs.txt");
    let mut blob = String::new();
    for e in contest.entries.iter().take(py_n) {
        blob.push_str(&e.replace('\n', " "));
        blob.push('\n');
    }
    if std::fs::write(&path, blob).is_err() {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/compare_datasketch.py");
    let python = std::env::var("SOLOAI_PYTHON").unwrap_or_else(|_| "python3".into());
    match std::process::Command::new(&python)
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(out) if out.status.success() => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            print!("{stdout}");
            let secs = stdout
                .lines()
                .find_map(|l| l.strip_prefix("SECONDS "))
                .and_then(|v| v.trim().parse::<f64>().ok());
            if let Some(secs) = secs {
                let scaled = secs * n as f64 / py_n as f64;
                let label = if py_n == n {
                    "measured".to_string()
                } else {
                    format!("EXTRAPOLATED linearly from {py_n} entries")
                };
                println!(
                    "datasketch MinHashLSH (128 perms, word 3-grams, update_batch; candidates only) for {n} entries: {scaled:.1} s ({label})"
                );
                println!("ratio datasketch / soloai, wall: {:.1}×", scaled / ours);
                let py_cpu = stdout
                    .lines()
                    .find_map(|l| l.strip_prefix("CPU_SECONDS "))
                    .and_then(|v| v.trim().parse::<f64>().ok());
                if let Some(py_cpu) = py_cpu {
                    let scaled_cpu = py_cpu * n as f64 / py_n as f64;
                    println!(
                        "datasketch CPU {scaled_cpu:.1} s ({label}); ratio datasketch / soloai, CPU: {:.1}×; \
                         on 2 free cores soloai's wall time would be about {:.1} s",
                        scaled_cpu / ours_cpu,
                        ours_cpu / 2.0
                    );
                }
            }
        }
        Ok(out) => println!(
            "datasketch run failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => println!("datasketch not run ({python}: {e}); pip install datasketch"),
    }
}

fn main() {
    let what = std::env::var("SOLOAI_BENCH").unwrap_or_else(|_| "all".into());
    let (vi, vi_source) = vietnamese_gen(11);
    if what == "all" || what == "accuracy" {
        let spec = SynthSpec {
            entries: 1_000,
            words: 800,
            corpus_models: 30,
            planted_share: 0.03,
            seed: 5,
        };
        accuracy(&format!("Vietnamese ({vi_source})"), &vi, spec);
        accuracy(
            "English",
            &TextGen::english(12),
            SynthSpec { seed: 6, ..spec },
        );
    }
    if what == "all" || what == "speed" {
        speed(&vi);
    }
}
