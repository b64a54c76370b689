//! Copy detection on real text written by others (issue #10): not our generator.
//!
//! Reads `/work/shared/data/` (or `$SOLOAI_DATA`) at bench time; nothing of it is copied into
//! the project. Three parts, chosen with `SOLOAI_BENCH=vnpara|phapdien|heavy|all` (default all):
//!
//! 1. **vnPara** (3,083 Vietnamese sentence pairs labelled paraphrase / not): every scorer is
//!    tuned on the *train* part and judged on the *test* part of one fixed split written here:
//!    pair `i` (0-based line number) is **test when `i % 3 == 0`** (1,028 pairs), train
//!    otherwise (2,055 pairs). Printed: held-out accuracy at the threshold picked on train and
//!    held-out AUC, for soloai's scorers and for plain lexical baselines beside them. Then
//!    *rewritten copies* ([`rewritten_copies`]): five held-out pairs make a ~145-word text
//!    and its sentence-by-sentence rewording, screened by `detect()` and through the binary,
//!    beside word-3-gram containment (`SOLOAI_SHOW_COPIES` prints misses and false flags).
//! 2. **Pháp điển** (512 files of codified law, decrees and circulars, which share legal
//!    formulas the way real entries quote them): files sorted by path, file `k` is a *base*
//!    (an entry-like text: ~2,500 words from a quarter into its body) when `k % 4 == 0`, a
//!    corpus document (kind `published`) otherwise.
//!    - *Formula-only pairs*: the ground truth is computed here, independently of soloai, from
//!      lowercase word 8-grams over all 512 files. A (base, corpus file) or (base, base) pair
//!      is **formula-only** when fewer than 15 of the base's words lie in 8-grams the two share
//!      that occur in ≤ 10 files of the pack (whatever they share is wording many laws use),
//!      **true overlap** when ≥ 50 base words lie in shared 8-grams found in ≤ 5 files, gray
//!      otherwise. Goal: no formula-only pair flagged.
//!    - *Splices*: 60 entries, each a different base with a passage of a corpus file from
//!      another topic folder spliced in at a paragraph boundary (the passage is 30 % of the
//!      spliced entry's words); the odd ones reworded lightly by a deterministic rewording
//!      written below (synonyms, particles dropped or changed). Found = a copy flag on that
//!      entry naming that source and covering ≥ half of the spliced passage.
//!    - *Fresh held-out sets* ([`fresh_bases`]): chunks from other parts of the base files
//!      (FRESH, FRESH-2 seen since; FRESH-3, FRESH-4 never inspected).
//!
//! 3. **Heavy overlap**: 400 entries (≈ 4,000 pages; one in four a PDF made by LibreOffice)
//!    of legal text against 10,000 corpus documents, all cut from the Pháp điển pack (built
//!    once under `target/bench-heavy/`), run through the real binary: `soloai corpus add`
//!    (indexing included) then `soloai screen`, timed with their peak memory, and the report's
//!    size; beside it, in the same run, `benches/heavy_pipeline.py` (pdftotext + pandoc +
//!    datasketch MinHashLSH, candidate pairs only) on the same files.
//!
//! "Flagged" is what the screen would flag: `soloai::compare::flag_worthy` (the rule
//! `screen::copies` uses for COPY / CORPUS-COPY / IDEA).
//!
//! Run: `cargo bench --bench detect_real` (add `SOLOAI_BENCH=vnpara` for one part; a reduced
//! heavy batch with `SOLOAI_HEAVY_ENTRIES=n SOLOAI_HEAVY_CORPUS=m`, see [`heavy_subset`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use soloai::compare::{
    CorpusInput, CorpusKind, DetectOptions, DocInput, Match, MatchKind, Source, Thresholds, detect,
    detect_with,
};
use unicode_normalization::UnicodeNormalization;

fn data_dir() -> PathBuf {
    std::env::var_os("SOLOAI_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data"))
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// A small deterministic generator (splitmix64), so every run builds the same splices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Lowercase NFC words (letters and digits), independent of soloai's own tokenizer.
fn plain_words(text: &str) -> Vec<String> {
    let lower: String = text.nfc().collect::<String>().to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Area under the ROC curve (Mann–Whitney, ties counted half).
fn auc(scored: &[(f64, bool)]) -> f64 {
    let mut v: Vec<(f64, bool)> = scored.to_vec();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0usize);
    let pos = v.iter().filter(|x| x.1).count() as f64;
    let neg = v.len() as f64 - pos;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].0 == v[i].0 {
            j += 1;
        }
        let avg_rank = (i + j + 1) as f64 / 2.0; // ranks are 1-based
        rank_sum += avg_rank * v[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    if pos == 0.0 || neg == 0.0 {
        return f64::NAN;
    }
    (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}

/// The threshold with the best accuracy on `train` (score ≥ t ⇒ positive), and that accuracy.
fn best_threshold(train: &[(f64, bool)]) -> (f64, f64) {
    let mut cands: Vec<f64> = train.iter().map(|x| x.0).collect();
    cands.sort_by(f64::total_cmp);
    cands.dedup();
    let mut best = (f64::INFINITY, 0.0);
    for &t in &cands {
        let acc = accuracy(train, t);
        if acc > best.1 {
            best = (t, acc);
        }
    }
    best
}

fn precision_recall(set: &[(f64, bool)], t: f64) -> (f64, f64) {
    let tp = set.iter().filter(|x| x.0 >= t && x.1).count() as f64;
    let fp = set.iter().filter(|x| x.0 >= t && !x.1).count() as f64;
    let fn_ = set.iter().filter(|x| x.0 < t && x.1).count() as f64;
    (tp / (tp + fp).max(1.0), tp / (tp + fn_).max(1.0))
}

fn accuracy(set: &[(f64, bool)], t: f64) -> f64 {
    let right = set.iter().filter(|x| (x.0 >= t) == x.1).count();
    right as f64 / set.len().max(1) as f64
}

// ---------------------------------------------------------------------------------------------
// Part 1: vnPara

fn read_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

fn jaccard<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 { 0.0 } else { inter / union }
}

fn ngrams(words: &[String], n: usize) -> HashSet<String> {
    words.windows(n).map(|w| w.join(" ")).collect()
}

/// soloai's copy detection as it runs in a screen, on the two sentences as a batch of two
/// entries: the figure the kind is decided on (0 when nothing matched).
fn soloai_batch_score(a: &str, b: &str, t: &Thresholds) -> f64 {
    let entries = [
        DocInput {
            id: "1",
            text: a,
            receiving_point: None,
        },
        DocInput {
            id: "2",
            text: b,
            receiving_point: None,
        },
    ];
    let d = detect(&entries, &[], t);
    d.matches
        .iter()
        .map(|m| {
            if m.kind == MatchKind::Idea {
                0.0
            } else {
                m.entry_share.max(m.source_share)
            }
        })
        .fold(0.0, f64::max)
}

fn vnpara() {
    let dir = data_dir().join("vnpara");
    let s1 = read_lines(&dir.join("Sentences1.txt"));
    let s2 = read_lines(&dir.join("Sentences2.txt"));
    let labels: Vec<bool> = read_lines(&dir.join("Labels.txt"))
        .iter()
        .map(|l| l.trim().trim_end_matches(',') == "1")
        .collect();
    let n = s1.len().min(s2.len()).min(labels.len());
    if n == 0 {
        println!("vnPara not found under {}", dir.display());
        return;
    }
    println!(
        "\n== vnPara: {n} sentence pairs ({} paraphrase), split: test = line % 3 == 0 ({} pairs), train = the rest",
        labels[..n].iter().filter(|&&l| l).count(),
        (0..n).filter(|i| i % 3 == 0).count()
    );
    let thresholds = Thresholds::default();
    type Scorer<'a> = (&'a str, Box<dyn Fn(usize) -> f64 + 'a>);
    let words: Vec<(Vec<String>, Vec<String>)> = (0..n)
        .map(|i| (plain_words(&s1[i]), plain_words(&s2[i])))
        .collect();
    let sentence_model = soloai::compare::paraphrase::SentenceModel::from_texts(
        s1[..n].iter().chain(&s2[..n]).map(String::as_str),
    );
    let scorers: Vec<Scorer> = vec![
        (
            "baseline: word unigram Jaccard (lowercase)",
            Box::new(|i| {
                let (a, b) = &words[i];
                jaccard(&ngrams(a, 1), &ngrams(b, 1))
            }),
        ),
        (
            "baseline: word 3-gram Jaccard (lowercase)",
            Box::new(|i| {
                let (a, b) = &words[i];
                jaccard(&ngrams(a, 3), &ngrams(b, 3))
            }),
        ),
        (
            "soloai paraphrase: sentence similarity (weighted Jaccard)",
            Box::new(|i| sentence_model.similarity(&s1[i], &s2[i])),
        ),
        (
            "soloai detect() on the pair as a batch (copy score)",
            Box::new(|i| soloai_batch_score(&s1[i], &s2[i], &thresholds)),
        ),
    ];
    println!(
        "{:<56} {:>9} {:>10} {:>9} {:>9}",
        "scorer", "threshold", "train acc", "TEST acc", "TEST AUC"
    );
    for (name, score) in &scorers {
        let started = Instant::now();
        let scored: Vec<(f64, bool)> = (0..n).map(|i| (score(i), labels[i])).collect();
        let train: Vec<(f64, bool)> = (0..n).filter(|i| i % 3 != 0).map(|i| scored[i]).collect();
        let test: Vec<(f64, bool)> = (0..n).filter(|i| i % 3 == 0).map(|i| scored[i]).collect();
        let (t, train_acc) = best_threshold(&train);
        println!(
            "{:<56} {:>9.3} {:>10.3} {:>9.3} {:>9.3}   ({:.2?})",
            name,
            t,
            train_acc,
            accuracy(&test, t),
            auc(&test),
            started.elapsed()
        );
        if name.starts_with("soloai paraphrase") {
            // The seed threshold for passages: the lowest score reaching 99 % precision on train.
            let mut cands: Vec<f64> = train.iter().map(|x| x.0).collect();
            cands.sort_by(f64::total_cmp);
            let seed = cands
                .iter()
                .copied()
                .find(|&t| precision_recall(&train, t).0 >= 0.99)
                .unwrap_or(f64::NAN);
            let (p, r) = precision_recall(&test, seed);
            println!(
                "  seed threshold (train precision >= 0.99): {seed:.3}; held out at it: precision {p:.3}, recall {r:.3}"
            );
        }
    }
    rewritten_copies(&s1[..n], &s2[..n], &labels[..n], &thresholds);
}

/// Sentences per made-up text in [`rewritten_copies`] (some 100 words, the short
/// rewritten texts).
const COPY_SENTENCES: usize = 5;

/// Short texts rewritten sentence by sentence, from vnPara's own pairs: five paraphrase pairs
/// in a row make a source text (first sentences) and its rewritten copy (second sentences);
/// five non-paraphrase pairs make a text and a look-alike that is no copy. soloai screens the
/// held-out copies and look-alikes against all held-out sources at once and is asked to name
/// each copy's source; the baseline is word-3-gram containment of the copy in its source with
/// one threshold, chosen on texts built the same way from the train split.
fn rewritten_copies(s1: &[String], s2: &[String], labels: &[bool], thresholds: &Thresholds) {
    let texts = |test: bool, paraphrase: bool| -> Vec<(String, String)> {
        let picked: Vec<usize> = (0..labels.len())
            .filter(|&i| (i % 3 == 0) == test && labels[i] == paraphrase)
            .collect();
        picked
            .chunks_exact(COPY_SENTENCES)
            .map(|c| {
                let join = |side: &[String]| {
                    c.iter()
                        .map(|&i| side[i].trim().to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                (join(s1), join(s2))
            })
            .collect()
    };
    let containment = |copy: &str, source: &str| {
        let a = ngrams(&plain_words(copy), 3);
        let b = ngrams(&plain_words(source), 3);
        if a.is_empty() {
            0.0
        } else {
            a.intersection(&b).count() as f64 / a.len() as f64
        }
    };
    // The baseline's threshold, on train: copies against their sources, look-alikes against
    // their originals.
    let train: Vec<(f64, bool)> = texts(false, true)
        .iter()
        .map(|(src, copy)| (containment(copy, src), true))
        .chain(
            texts(false, false)
                .iter()
                .map(|(src, other)| (containment(other, src), false)),
        )
        .collect();
    let (t, _) = best_threshold(&train);
    let copies = texts(true, true);
    let lookalikes = texts(true, false);
    let found_baseline = copies
        .iter()
        .filter(|(src, copy)| containment(copy, src) >= t)
        .count();
    let false_baseline = lookalikes
        .iter()
        .filter(|(src, other)| containment(other, src) >= t)
        .count();
    // soloai: every held-out copy and look-alike is an entry, every source a published
    // corpus document.
    let names: Vec<String> = (0..copies.len() + lookalikes.len())
        .map(|i| format!("text-{i}"))
        .collect();
    let all: Vec<&(String, String)> = copies.iter().chain(&lookalikes).collect();
    let entries: Vec<DocInput> = all
        .iter()
        .zip(&names)
        .map(|((_, copy), id)| DocInput {
            id,
            text: copy,
            receiving_point: None,
        })
        .collect();
    let corpus: Vec<CorpusInput> = all
        .iter()
        .zip(&names)
        .map(|((src, _), id)| CorpusInput::new(id, src, CorpusKind::Published))
        .collect();
    let started = Instant::now();
    let d = detect(&entries, &corpus, thresholds);
    // How a detection's flag on text `e` names its own source: "copy", "idea", or None.
    let own_source_flag = |d: &soloai::compare::Detection, e: usize| {
        d.matches
            .iter()
            .filter(|m| m.entry == e && m.source == Source::Corpus(e))
            .find_map(|m| flagged(m, &all[e].0, thresholds))
    };
    let named_as = |e: usize| own_source_flag(&d, e);
    let named = |e: usize| named_as(e).is_some();
    let wrong: usize = d
        .matches
        .iter()
        .filter(|m| matches!(m.source, Source::Corpus(c) if c != m.entry))
        .filter(|m| match m.source {
            Source::Corpus(c) => flagged(m, &all[c].0, thresholds).is_some(),
            Source::Entry(_) => false,
        })
        .count();
    if std::env::var_os("SOLOAI_SHOW_COPIES").is_some() {
        for e in 0..all.len() {
            let kind = if e < copies.len() {
                "copy"
            } else {
                "look-alike"
            };
            let c3 = containment(&all[e].1, &all[e].0);
            let others: Vec<(usize, f64)> = d
                .matches
                .iter()
                .filter(|m| m.entry == e && m.source != Source::Corpus(e))
                .filter_map(|m| match m.source {
                    Source::Corpus(c) => flagged(m, &all[c].0, thresholds)
                        .map(|_| (c, containment(&all[e].1, &all[c].0))),
                    Source::Entry(_) => None,
                })
                .collect();
            if (e < copies.len()) != named(e) || !others.is_empty() {
                let own: Vec<String> = d
                    .matches
                    .iter()
                    .filter(|m| m.entry == e && m.source == Source::Corpus(e))
                    .map(|m| {
                        format!(
                            "{} share {:.2}/{:.2} spans {:?}",
                            m.kind.as_str(),
                            m.entry_share,
                            m.source_share,
                            m.spans
                                .iter()
                                .map(|s| (s.signal, s.words))
                                .collect::<Vec<_>>()
                        )
                    })
                    .collect();
                println!(
                    "  {kind} {e}: named {:?}, 3-gram containment {c3:.2}, own match {own:?}, flags on others {others:?}",
                    named_as(e)
                );
            }
        }
    }
    let by_kind = |range: std::ops::Range<usize>| {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for e in range {
            if let Some(k) = named_as(e) {
                *kinds.entry(k).or_default() += 1;
            }
        }
        kinds
    };
    let found = (0..copies.len()).filter(|&e| named(e)).count();
    let false_soloai = (copies.len()..all.len()).filter(|&e| named(e)).count();
    // The same with every text's own source given as a candidate (what screen's BM25 search
    // adds when it ranks the source among an entry's top hits): what is missed then is missed
    // by verification, not by candidate search.
    let own_pairs: Vec<(usize, usize)> = (0..all.len()).map(|e| (e, e)).collect();
    let forced = detect_with(
        &entries,
        &corpus,
        thresholds,
        &DetectOptions {
            extra_corpus_candidates: &own_pairs,
            ..DetectOptions::default()
        },
    );
    let named_forced = |e: usize| own_source_flag(&forced, e).is_some();
    let forced_found = (0..copies.len()).filter(|&e| named_forced(e)).count();
    let forced_false = (copies.len()..all.len())
        .filter(|&e| named_forced(e))
        .count();
    if std::env::var_os("SOLOAI_SHOW_COPIES").is_some() {
        for e in (0..copies.len()).filter(|&e| !named_forced(e)) {
            println!("  copy {e} missed with its source as a candidate:");
            for (a, b) in all[e].0.lines().zip(all[e].1.lines()) {
                println!("    {a}\n    ~ {b}");
            }
        }
    }
    println!(
        "REWRITTEN COPIES with each text's own source a candidate: {forced_found} of {} copies flagged naming it, {forced_false} of {} look-alikes",
        copies.len(),
        lookalikes.len()
    );
    println!(
        "  by kind of flag: copies {:?}, look-alikes {:?}",
        by_kind(0..copies.len()),
        by_kind(copies.len()..all.len())
    );
    println!(
        "REWRITTEN COPIES (held out; {COPY_SENTENCES} vnPara sentences each, ~{} words): soloai flags {found} of {} copies naming their source, {false_soloai} of {} look-alikes, {wrong} flags naming another text ({:.2?}); word-3-gram containment >= {t:.3} (train): {found_baseline} of {}, {false_baseline} of {}",
        copies
            .iter()
            .map(|(_, c)| c.split_whitespace().count())
            .sum::<usize>()
            / copies.len().max(1),
        copies.len(),
        lookalikes.len(),
        started.elapsed(),
        copies.len(),
        lookalikes.len()
    );
    rewritten_copies_screened(&copies, &lookalikes);
}

/// [`rewritten_copies`] through the real binary, as a council runs it: the sources indexed
/// with `soloai corpus add`, the copies and look-alikes screened as `.txt` entries (so
/// screen's BM25 candidates take part). A text is named by its source when a CORPUS-COPY or
/// IDEA flag lists that source.
fn rewritten_copies_screened(copies: &[(String, String)], lookalikes: &[(String, String)]) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-rewritten");
    let _ = std::fs::remove_dir_all(&root);
    let (corpus_dir, entries_dir) = (root.join("corpus"), root.join("contest/entries"));
    let all: Vec<&(String, String)> = copies.iter().chain(lookalikes).collect();
    let written = std::fs::create_dir_all(&corpus_dir)
        .and_then(|_| std::fs::create_dir_all(&entries_dir))
        .and_then(|_| {
            all.iter().enumerate().try_for_each(|(i, (src, text))| {
                std::fs::write(corpus_dir.join(format!("src-{i:03}.txt")), src)?;
                std::fs::write(entries_dir.join(format!("text-{i:03}.txt")), text)
            })
        });
    if let Err(e) = written {
        println!("could not write the rewritten copies: {e}");
        return;
    }
    let (index, out) = (root.join("index"), root.join("out"));
    let (_, _, ok, err) = timed(&mut corpus_add_cmd(&index, &corpus_dir));
    let (_, _, ok2, err2) = timed(&mut screen_cmd(&root.join("contest"), &index, &out));
    if !ok || !ok2 {
        println!(
            "rewritten copies through the binary failed: {}",
            err.chars()
                .chain(err2.chars())
                .take(2000)
                .collect::<String>()
        );
        return;
    }
    let report: serde_json::Value = std::fs::read(out.join("report.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let empty = Vec::new();
    // Per entry number: the sources its CORPUS-COPY / IDEA flags list.
    let mut named: HashMap<usize, Vec<String>> = HashMap::new();
    for e in report["entries"].as_array().unwrap_or(&empty) {
        let Some(i) = e["file"]
            .as_str()
            .and_then(|f| f.strip_prefix("text-"))
            .and_then(|f| f.strip_suffix(".txt"))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        for f in e["flags"].as_array().unwrap_or(&empty) {
            if matches!(f["code"].as_str(), Some("CORPUS-COPY" | "IDEA")) {
                named.entry(i).or_default().extend(
                    f["evidence"]
                        .as_str()
                        .unwrap_or("")
                        .split("; ")
                        .map(str::to_string),
                );
            }
        }
    }
    let own = |i: usize| {
        named
            .get(&i)
            .is_some_and(|v| v.iter().any(|s| s.ends_with(&format!("src-{i:03}.txt"))))
    };
    let other = |i: usize| {
        named.get(&i).map_or(0, |v| {
            v.iter()
                .filter(|s| !s.ends_with(&format!("src-{i:03}.txt")))
                .count()
        })
    };
    let found = (0..copies.len()).filter(|&i| own(i)).count();
    let false_flags = (copies.len()..all.len()).filter(|&i| own(i)).count();
    let others: usize = (0..all.len()).map(other).sum();
    println!(
        "REWRITTEN COPIES through soloai corpus add + screen: {found} of {} copies flagged naming their source, {false_flags} of {} look-alikes, {others} other sources named in those flags",
        copies.len(),
        lookalikes.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Part 2: Pháp điển

struct LegalFile {
    /// Path relative to the pack, `/`-separated.
    rel: String,
    /// Top folder ("" for files at the top).
    topic: String,
    /// The text without front matter, metadata tables and article-id headings.
    body: String,
}

fn legal_files(root: &Path) -> Vec<LegalFile> {
    let mut paths = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let raw = std::fs::read_to_string(&p).ok()?;
            let rel = p
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let topic = rel
                .split_once('/')
                .map(|(t, _)| t.to_string())
                .unwrap_or_default();
            Some(LegalFile {
                rel,
                topic,
                body: clean_markdown(&raw),
            })
        })
        .collect()
}

/// Drop YAML front matter, metadata tables and the numeric article-id headings; keep the text.
fn clean_markdown(raw: &str) -> String {
    let mut rest = raw;
    if let Some(after) = raw.strip_prefix("---\n")
        && let Some(end) = after.find("\n---\n")
    {
        rest = &after[end + 5..];
    }
    let mut out = String::with_capacity(rest.len());
    for line in rest.lines() {
        let t = line.trim();
        if t.starts_with('|') || t == "---" {
            continue;
        }
        let heading = t.trim_start_matches('#').trim();
        if t.starts_with('#') && !heading.is_empty() && heading.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.nfc().collect()
}

/// Byte offset of the start of word number `w` (whitespace-separated) in `text`.
fn word_offsets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// About `words` whitespace words starting a quarter into `body`, cut at line ends.
fn base_chunk(body: &str, words: usize) -> Option<String> {
    chunk_at(body, words, 1)
}

/// `words` words of `body` (whole lines), starting `quarter`/4 of the way through what is
/// left past them.
fn chunk_at(body: &str, words: usize, quarter: usize) -> Option<String> {
    let offs = word_offsets(body);
    if offs.len() < words / 2 {
        return None;
    }
    let from = if offs.len() > words {
        (offs.len() - words) * quarter / 4
    } else {
        0
    };
    let to = (from + words).min(offs.len());
    let start = body[..offs[from].0].rfind('\n').map_or(0, |i| i + 1);
    let end = body[offs[to - 1].1..]
        .find('\n')
        .map_or(body.len(), |i| offs[to - 1].1 + i);
    Some(body[start..end].to_string())
}

/// Synonym pairs and particle changes for the light rewording (our own list).
const SWAPS: &[(&str, &str)] = &[
    ("thực hiện", "triển khai"),
    ("cơ quan", "đơn vị"),
    ("quy định", "nêu"),
    ("trường hợp", "khi"),
    ("có trách nhiệm", "chịu trách nhiệm"),
    ("phải", "cần"),
    ("hoặc", "hay"),
    ("và", "cùng"),
    ("theo", "dựa theo"),
    ("tổ chức", "đơn vị"),
    ("bảo đảm", "đảm bảo"),
    ("căn cứ", "dựa vào"),
    ("nhằm", "để"),
    ("đối với", "với"),
    ("được", "sẽ được"),
    ("sử dụng", "dùng"),
    ("nội dung", "phần việc"),
    ("quản lý", "điều hành"),
];
const DROPPED: &[&str] = &["các", "những", "đã", "thì", "là", "này"];

/// Light rewording: about one word in eight changed (a synonym, a particle dropped), never
/// reordering whole sentences. Deterministic for a given `rng`.
fn reword(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let words: Vec<&str> = line.split(' ').collect();
        let mut i = 0;
        let mut first = true;
        while i < words.len() {
            let w = words[i];
            let lower = w.to_lowercase();
            let two = if i + 1 < words.len() {
                format!("{lower} {}", words[i + 1].to_lowercase())
            } else {
                String::new()
            };
            let mut push = |s: &str, out: &mut String| {
                if !first {
                    out.push(' ');
                }
                out.push_str(s);
                first = false;
            };
            if let Some((_, to)) = SWAPS.iter().find(|(from, _)| *from == two)
                && rng.chance(0.6)
            {
                push(to, &mut out);
                i += 2;
                continue;
            }
            if let Some((_, to)) = SWAPS.iter().find(|(from, _)| *from == lower)
                && rng.chance(0.5)
            {
                push(to, &mut out);
                i += 1;
                continue;
            }
            if DROPPED.contains(&lower.as_str()) && rng.chance(0.6) {
                i += 1;
                continue;
            }
            push(w, &mut out);
            i += 1;
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// Ground truth from 8-grams: per base, for every other file, how many of the base's words
/// lie in 8-grams the two share that are held by few files of the pack.
struct Truth {
    /// Per base: other file → (words in shared 8-grams held by ≤ 6 files, by ≤ 11 files).
    /// The base's own file is one of the holders, hence 6 and 11 for "≤ 5" and "≤ 10 others".
    shared: Vec<HashMap<usize, (usize, usize)>>,
    /// Per base: other file → the longest run of base words inside shared 8-grams held by
    /// ≤ 6 files (one passage, not scattered phrases).
    longest_low: Vec<HashMap<usize, (usize, usize)>>,
}

const TRUTH_N: usize = 8;

fn gram_hashes(words: &[String]) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(TRUTH_N)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The longest run of words covered by 8-grams starting at `starts`: (length, first word).
fn longest_run(starts: &mut [usize]) -> (usize, usize) {
    starts.sort_unstable();
    let (mut best, mut run_start, mut reach) = ((0usize, 0usize), 0usize, 0usize);
    for &s in starts.iter() {
        if s > reach || reach == 0 {
            run_start = s;
        }
        reach = reach.max(s + TRUTH_N);
        if reach - run_start > best.0 {
            best = (reach - run_start, run_start);
        }
    }
    best
}

fn covered_words(starts: &mut [usize]) -> usize {
    starts.sort_unstable();
    let (mut total, mut reach) = (0usize, 0usize);
    for &s in starts.iter() {
        let from = s.max(reach);
        let to = s + TRUTH_N;
        if to > from {
            total += to - from;
            reach = to;
        }
    }
    total
}

impl Truth {
    fn new(files: &[LegalFile], bases: &[(usize, String)]) -> Truth {
        let base_grams: Vec<Vec<u64>> = bases
            .iter()
            .map(|(_, t)| gram_hashes(&plain_words(t)))
            .collect();
        let mut holders: HashMap<u64, Vec<u32>> = HashMap::new();
        for g in &base_grams {
            for &h in g {
                holders.entry(h).or_default();
            }
        }
        for (f, file) in files.iter().enumerate() {
            let mut seen: HashSet<u64> = HashSet::new();
            for h in gram_hashes(&plain_words(&file.body)) {
                if let Some(v) = holders.get_mut(&h)
                    && seen.insert(h)
                    && v.len() <= 11
                {
                    v.push(f as u32);
                }
            }
        }
        let mut longest_low: Vec<HashMap<usize, (usize, usize)>> = Vec::new();
        let shared = base_grams
            .iter()
            .map(|grams| {
                let mut low: HashMap<usize, Vec<usize>> = HashMap::new();
                let mut high: HashMap<usize, Vec<usize>> = HashMap::new();
                for (i, h) in grams.iter().enumerate() {
                    let Some(v) = holders.get(h) else { continue };
                    if v.len() > 11 {
                        continue;
                    }
                    for &f in v {
                        high.entry(f as usize).or_default().push(i);
                        if v.len() <= 6 {
                            low.entry(f as usize).or_default().push(i);
                        }
                    }
                }
                longest_low.push(
                    low.iter_mut()
                        .map(|(f, starts)| (*f, longest_run(starts)))
                        .collect(),
                );
                high.into_iter()
                    .map(|(f, mut starts)| {
                        let lo = low.get_mut(&f).map_or(0, |s| covered_words(s));
                        (f, (lo, covered_words(&mut starts)))
                    })
                    .collect()
            })
            .collect();
        Truth {
            shared,
            longest_low,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PairTruth {
    FormulaOnly,
    Gray,
    TrueOverlap,
}

/// The bases as the entries of a batch, each named by its file.
fn base_inputs<'a>(files: &'a [LegalFile], bases: &'a [(usize, String)]) -> Vec<DocInput<'a>> {
    bases
        .iter()
        .map(|(k, text)| DocInput {
            id: &files[*k].rel,
            text,
            receiving_point: None,
        })
        .collect()
}

/// The passages of every flagged formula-only pair of `d` (bases against the corpus and
/// each other).
fn print_formula_offenders(
    d: &soloai::compare::Detection,
    bases: &[(usize, String)],
    files: &[LegalFile],
    corpus_ix: &[usize],
    truth: &Truth,
    thresholds: &Thresholds,
) {
    for m in &d.matches {
        let (other, text) = match m.source {
            Source::Entry(b) => (bases[b].0, bases[b].1.as_str()),
            Source::Corpus(c) => (corpus_ix[c], files[corpus_ix[c]].body.as_str()),
        };
        if pair_truth(truth, m.entry, other) != PairTruth::FormulaOnly
            || flagged(m, text, thresholds).is_none()
        {
            continue;
        }
        println!("-- {} ~ {}", files[bases[m.entry].0].rel, files[other].rel);
        for s in &m.spans {
            let e = &bases[m.entry].1[s.entry_start..s.entry_end];
            let o = text.get(s.source_start..s.source_end).unwrap_or("");
            println!("   [{:?} {}w] E: {e}\n   S: {o}", s.signal, s.words);
        }
    }
}

/// Over the (base, corpus file) pairs of `bases`: formula-only pairs, those flagged,
/// true-overlap pairs, those flagged.
fn tally_with_corpus(
    truth: &Truth,
    bases: impl Iterator<Item = usize>,
    corpus_ix: &[usize],
    is_flagged: impl Fn(usize, usize) -> bool,
) -> (usize, usize, usize, usize) {
    let (mut formula, mut formula_flagged, mut trueo, mut true_flagged) = (0, 0, 0, 0);
    for e in bases {
        for &other in corpus_ix {
            let f = is_flagged(e, other);
            match pair_truth(truth, e, other) {
                PairTruth::FormulaOnly => {
                    formula += 1;
                    formula_flagged += usize::from(f);
                }
                PairTruth::TrueOverlap => {
                    trueo += 1;
                    true_flagged += usize::from(f);
                }
                PairTruth::Gray => {}
            }
        }
    }
    (formula, formula_flagged, trueo, true_flagged)
}

fn pair_truth(truth: &Truth, base: usize, other: usize) -> PairTruth {
    let (low, high) = truth.shared[base].get(&other).copied().unwrap_or((0, 0));
    if low >= 50 {
        PairTruth::TrueOverlap
    } else if high < 15 {
        PairTruth::FormulaOnly
    } else {
        PairTruth::Gray
    }
}

fn flagged(m: &Match, source_text: &str, t: &Thresholds) -> Option<&'static str> {
    soloai::compare::flag_worthy(m, source_text, t).then(|| {
        if m.kind == MatchKind::Idea {
            "idea"
        } else {
            "copy"
        }
    })
}

/// The thresholds the Pháp điển part runs with: the defaults, or the defaults with the TOML
/// fields of `$SOLOAI_THRESHOLDS` (e.g. `common_min_docs = 10`) to try a change; printed.
fn bench_thresholds() -> Thresholds {
    let Ok(extra) = std::env::var("SOLOAI_THRESHOLDS") else {
        return Thresholds::default();
    };
    match toml::from_str::<Thresholds>(&extra) {
        Ok(t) => {
            println!("thresholds: defaults with {extra}");
            t
        }
        Err(e) => {
            println!("SOLOAI_THRESHOLDS ignored ({e}); defaults used");
            Thresholds::default()
        }
    }
}

fn phapdien() {
    let root = data_dir().join("phap-dien");
    let started = Instant::now();
    let files = legal_files(&root);
    if files.is_empty() {
        println!("Pháp điển not found under {}", root.display());
        return;
    }
    let corpus_ix: Vec<usize> = (0..files.len()).filter(|k| k % 4 != 0).collect();
    let bases: Vec<(usize, String)> = (0..files.len())
        .filter(|k| k % 4 == 0)
        .filter_map(|k| base_chunk(&files[k].body, 2500).map(|c| (k, c)))
        .filter(|(_, c)| c.split_whitespace().count() >= 1000)
        .collect();
    let corpus_words: usize = corpus_ix
        .iter()
        .map(|&k| files[k].body.split_whitespace().count())
        .sum();
    println!(
        "\n== Pháp điển: {} files read in {:.2?}; corpus {} files ({:.1} M words, kind published), {} bases of ~2,500 words",
        files.len(),
        started.elapsed(),
        corpus_ix.len(),
        corpus_words as f64 / 1e6,
        bases.len()
    );
    let thresholds = bench_thresholds();
    let corpus: Vec<CorpusInput> = corpus_ix
        .iter()
        .map(|&k| CorpusInput::new(&files[k].rel, &files[k].body, CorpusKind::Published))
        .collect();

    // Ground truth over all 512 files.
    let started = Instant::now();
    let truth = Truth::new(&files, &bases);
    println!("ground truth (8-gram holders) in {:.2?}", started.elapsed());

    // A. The bases alone: formula-only pairs must not be flagged.
    let entries = base_inputs(&files, &bases);
    let started = Instant::now();
    let d = detect(&entries, &corpus, &thresholds);
    println!(
        "detect, bases vs corpus: {:.2?}, {} matches, {:?}",
        started.elapsed(),
        d.matches.len(),
        d.stats
    );
    let flagged_pairs: HashMap<(usize, usize), (&'static str, f64, MatchKind)> = d
        .matches
        .iter()
        .filter_map(|m| {
            let (other_file, text) = match m.source {
                Source::Entry(b) => (bases[b].0, bases[b].1.as_str()),
                Source::Corpus(c) => (corpus_ix[c], files[corpus_ix[c]].body.as_str()),
            };
            flagged(m, text, &thresholds)
                .map(|f| ((m.entry, other_file), (f, m.entry_share, m.kind)))
        })
        .collect();
    let mut tally: BTreeMap<(PairTruth, &str), usize> = BTreeMap::new();
    let mut offenders: Vec<(String, String, &str, f64, MatchKind)> = Vec::new();
    let mut pairs_by_truth: BTreeMap<PairTruth, usize> = BTreeMap::new();
    for (e, (base_file, _)) in bases.iter().enumerate() {
        let others = corpus_ix
            .iter()
            .copied()
            .chain(bases.iter().skip(e + 1).map(|b| b.0));
        for other in others {
            let t = pair_truth(&truth, e, other);
            *pairs_by_truth.entry(t).or_default() += 1;
            if let Some(&(f, share, kind)) = flagged_pairs.get(&(e, other)) {
                *tally.entry((t, f)).or_default() += 1;
                if t == PairTruth::FormulaOnly {
                    offenders.push((
                        files[*base_file].rel.clone(),
                        files[other].rel.clone(),
                        f,
                        share,
                        kind,
                    ));
                }
            }
        }
    }
    println!("pairs by ground truth: {pairs_by_truth:?}");
    // The written-down split for choosing a threshold on this pack: bases at even positions
    // choose, bases at odd positions are held out (only their figures are quoted).
    for (half, name) in [
        (0usize, "selection (even bases)"),
        (1, "HELD-OUT (odd bases)"),
    ] {
        let (formula, formula_flagged, trueo, true_flagged) = tally_with_corpus(
            &truth,
            (0..bases.len()).filter(|e| e % 2 == half),
            &corpus_ix,
            |e, other| flagged_pairs.contains_key(&(e, other)),
        );
        println!(
            "{name}: formula-only (base, corpus file) pairs flagged {formula_flagged} of {formula}; true-overlap flagged {true_flagged} of {trueo}"
        );
    }
    // Why true-overlap pairs are missed: no match at all, or a match not worth a flag.
    let matched: HashMap<(usize, usize), &Match> = d
        .matches
        .iter()
        .map(|m| {
            let other = match m.source {
                Source::Entry(b) => bases[b].0,
                Source::Corpus(c) => corpus_ix[c],
            };
            ((m.entry, other), m)
        })
        .collect();
    let mut missed_unmatched = 0usize;
    let mut missed_kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (e, _) in bases.iter().enumerate() {
        for other in corpus_ix.iter().copied() {
            if pair_truth(&truth, e, other) != PairTruth::TrueOverlap
                || flagged_pairs.contains_key(&(e, other))
            {
                continue;
            }
            match matched.get(&(e, other)) {
                None => missed_unmatched += 1,
                Some(m) => *missed_kinds.entry(m.kind.as_str()).or_default() += 1,
            }
        }
    }
    // True overlap as one passage: a run of ≥ 25 rare shared words (`min_passage_words`).
    // A run naming legal documents (a citation list, a legal basis, a document's number or
    // title) is what soloai excludes on purpose; counted apart among the misses.
    let names_documents = |run: &[String]| {
        const MARKS: [&str; 14] = [
            "nđ", "cp", "qh11", "qh12", "qh13", "qh14", "qh15", "lq", "pl", "qđ", "tt", "ttlt",
            "btc", "căn",
        ];
        run.iter().any(|w| MARKS.contains(&w.as_str()))
            || run
                .windows(2)
                .any(|w| w[0] == "điều" && w[1].chars().all(|c| c.is_ascii_digit()))
    };
    let mut missed_naming_documents = 0usize;
    let (mut one_passage, mut one_passage_flagged) = (0usize, 0usize);
    for (e, _) in bases.iter().enumerate() {
        for other in corpus_ix.iter().copied() {
            if pair_truth(&truth, e, other) == PairTruth::TrueOverlap
                && truth.longest_low[e].get(&other).map_or(0, |r| r.0) >= 25
            {
                one_passage += 1;
                if flagged_pairs.contains_key(&(e, other)) {
                    one_passage_flagged += 1;
                } else {
                    let (len, from) = truth.longest_low[e][&other];
                    let words = plain_words(&bases[e].1);
                    let run = &words[from..(from + len).min(words.len())];
                    if names_documents(run) {
                        missed_naming_documents += 1;
                    }
                    if std::env::var_os("SOLOAI_SHOW_MISSED").is_none() {
                        continue;
                    }
                    let run = run.join(" ");
                    let got = matched.get(&(e, other)).map(|m| {
                        m.spans
                            .iter()
                            .map(|s| format!("{:?} {}w", s.signal, s.words))
                            .collect::<Vec<_>>()
                    });
                    let excluded: Vec<String> = d.excluded[e]
                        .iter()
                        .map(|x| format!("{:?}", x.reason))
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    println!(
                        "  missed true pair {} ~ {}: run {len} words, match {got:?}, excluded kinds {excluded:?}\n    {run}",
                        files[bases[e].0].rel, files[other].rel
                    );
                }
            }
        }
    }
    println!(
        "TRUE-OVERLAP pairs with a corpus file whose rare shared words include one run of >= 25 words: {one_passage_flagged} flagged of {one_passage}; of the {} missed, {missed_naming_documents} are runs naming legal documents (citation lists, legal bases, numbers, titles: excluded on purpose)",
        one_passage - one_passage_flagged
    );
    let share_excluded = |reason: soloai::compare::Reason| {
        let (mut ex, mut all) = (0usize, 0usize);
        for (e, (_, text)) in bases.iter().enumerate() {
            all += text.len();
            ex += d.excluded[e]
                .iter()
                .filter(|s| s.reason == reason)
                .map(|s| s.end - s.start)
                .sum::<usize>();
        }
        ex as f64 / all.max(1) as f64
    };
    println!(
        "true-overlap pairs with a corpus file missed: {missed_unmatched} without any match, {missed_kinds:?} matched but not flag-worthy; share of the bases' text excluded as common wording {:.3}, as citations {:.3}, as legal quotations {:.3}",
        share_excluded(soloai::compare::Reason::Common),
        share_excluded(soloai::compare::Reason::Citation),
        share_excluded(soloai::compare::Reason::LegalQuote),
    );
    let count = |t: PairTruth, f: &str| tally.get(&(t, f)).copied().unwrap_or(0);
    println!(
        "FORMULA-ONLY pairs flagged: {} as copy, {} as idea, of {} formula-only pairs (goal 0)",
        count(PairTruth::FormulaOnly, "copy"),
        count(PairTruth::FormulaOnly, "idea"),
        pairs_by_truth
            .get(&PairTruth::FormulaOnly)
            .copied()
            .unwrap_or(0)
    );
    println!(
        "gray pairs flagged: {} copy, {} idea of {}; TRUE-OVERLAP pairs flagged: {} copy, {} idea of {}",
        count(PairTruth::Gray, "copy"),
        count(PairTruth::Gray, "idea"),
        pairs_by_truth.get(&PairTruth::Gray).copied().unwrap_or(0),
        count(PairTruth::TrueOverlap, "copy"),
        count(PairTruth::TrueOverlap, "idea"),
        pairs_by_truth
            .get(&PairTruth::TrueOverlap)
            .copied()
            .unwrap_or(0)
    );
    let per_entry_flags: Vec<usize> = (0..bases.len())
        .map(|e| flagged_pairs.keys().filter(|(x, _)| *x == e).count())
        .collect();
    println!(
        "flags per base: max {}, bases with any flag {}/{}",
        per_entry_flags.iter().max().copied().unwrap_or(0),
        per_entry_flags.iter().filter(|&&c| c > 0).count(),
        bases.len()
    );
    if std::env::var_os("SOLOAI_SHOW_OFFENDERS").is_some() {
        print_formula_offenders(&d, &bases, &files, &corpus_ix, &truth, &thresholds);
    }
    offenders.sort_by(|a, b| b.3.total_cmp(&a.3));
    for (a, b, f, share, kind) in offenders.iter().take(8) {
        println!(
            "  formula-only flagged: {a} ~ {b}: {f} ({}, entry share {:.2})",
            kind.as_str(),
            share
        );
    }

    // B. Splices.
    splices(&files, &corpus_ix, &corpus, &bases, &thresholds);

    // C. Fresh bases: the later chunks (seen since), and the middle chunks of the longest
    // files (never inspected).
    fresh_bases(
        &files,
        &corpus_ix,
        &corpus,
        &thresholds,
        3,
        3,
        "FRESH held-out",
    );
    fresh_bases(
        &files,
        &corpus_ix,
        &corpus,
        &thresholds,
        2,
        5,
        "FRESH-2 held-out",
    );
    fresh_bases(
        &files,
        &corpus_ix,
        &corpus,
        &thresholds,
        0,
        5,
        "FRESH-3 held-out",
    );
    fresh_bases(
        &files,
        &corpus_ix,
        &corpus,
        &thresholds,
        4,
        5,
        "FRESH-4 held-out",
    );
}

/// A second held-out set, added on 2026-11-30 after the rules of the earlier sessions were
/// written: from each base file long enough, the 2,500 words three quarters of the way in,
/// which share no word with its first base. Its first figures (formula-only 2 of 22696,
/// true-overlap 126 of 563) were recorded before any of its pairs was printed; its offenders
/// were then printed (`SOLOAI_SHOW_FRESH_OFFENDERS=3`, the set's quarter), so later figures
/// on it are seen ones.
///
/// A third set, FRESH-2, added the same day after the run-length rule was chosen on the
/// second's offenders: the middle 2,500 words of base files of at least 12,500 words, which
/// share no word with either of the other two chunks. Run once with the rule as chosen; its
/// one offender was then printed (so it is seen since), and FRESH-3 (the first 2,500 words)
/// and FRESH-4 (the last) of the same files were added, never inspected: with 12,500 words or
/// more, no two of the five chunks of a file share a word.
#[allow(clippy::too_many_arguments)]
fn fresh_bases(
    files: &[LegalFile],
    corpus_ix: &[usize],
    corpus: &[CorpusInput],
    thresholds: &Thresholds,
    quarter: usize,
    min_chunks: usize,
    label: &str,
) {
    let bases: Vec<(usize, String)> = (0..files.len())
        .filter(|k| k % 4 == 0)
        .filter(|&k| files[k].body.split_whitespace().count() >= min_chunks * 2500)
        .filter_map(|k| chunk_at(&files[k].body, 2500, quarter).map(|c| (k, c)))
        .collect();
    if bases.is_empty() {
        return;
    }
    let truth = Truth::new(files, &bases);
    let entries = base_inputs(files, &bases);
    let d = detect(&entries, corpus, thresholds);
    let flagged_pairs: HashSet<(usize, usize)> =
        d.matches
            .iter()
            .filter_map(|m| match m.source {
                Source::Corpus(c) => flagged(m, &files[corpus_ix[c]].body, thresholds)
                    .map(|_| (m.entry, corpus_ix[c])),
                Source::Entry(_) => None,
            })
            .collect();
    let (formula, formula_flagged, trueo, true_flagged) =
        tally_with_corpus(&truth, 0..bases.len(), corpus_ix, |e, other| {
            flagged_pairs.contains(&(e, other))
        });
    println!(
        "{label} ({} chunks {quarter}/4 into base files of >= {} words): formula-only (base, corpus file) pairs flagged {formula_flagged} of {formula}; true-overlap flagged {true_flagged} of {trueo}",
        bases.len(),
        min_chunks * 2500
    );
    // Printing these spends the set: say so wherever its figures are quoted afterwards.
    if std::env::var("SOLOAI_SHOW_FRESH_OFFENDERS").is_ok_and(|q| q == quarter.to_string()) {
        print_formula_offenders(&d, &bases, files, corpus_ix, &truth, thresholds);
    }
}

fn splices(
    files: &[LegalFile],
    corpus_ix: &[usize],
    corpus: &[CorpusInput],
    bases: &[(usize, String)],
    thresholds: &Thresholds,
) {
    const SPLICES: usize = 60;
    let mut rng = Rng(20_261_130);
    let mut texts: Vec<String> = Vec::new();
    // (corpus index of the source, inserted byte range, reworded)
    let mut planted: Vec<(usize, (usize, usize), bool)> = Vec::new();
    for (s, (base_file, base)) in bases.iter().enumerate().take(SPLICES) {
        let base_words = base.split_whitespace().count();
        let want = base_words * 3 / 7; // 30 % of the spliced entry
        // A source from another topic with enough text.
        let source = loop {
            let c = rng.below(corpus_ix.len());
            let f = &files[corpus_ix[c]];
            if f.topic != files[*base_file].topic && f.body.split_whitespace().count() > want * 3 {
                break c;
            }
        };
        let body = &files[corpus_ix[source]].body;
        let offs = word_offsets(body);
        let from = offs.len() / 10 + rng.below(offs.len() * 8 / 10 - want);
        let start = body[..offs[from].0].rfind('\n').map_or(0, |i| i + 1);
        let end_word = (from + want).min(offs.len() - 1);
        let end = body[offs[end_word].1..]
            .find('\n')
            .map_or(body.len(), |i| offs[end_word].1 + i);
        let reworded = s % 2 == 1;
        let passage = if reworded {
            reword(&body[start..end], &mut rng)
        } else {
            body[start..end].to_string()
        };
        // Insert at a line boundary somewhere in the middle half of the base.
        let lines: Vec<usize> = base
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            .filter(|&i| i > base.len() / 4 && i < base.len() * 3 / 4)
            .collect();
        let at = lines
            .get(rng.below(lines.len()))
            .copied()
            .unwrap_or(base.len() / 2);
        let at = (0..=at)
            .rev()
            .find(|&i| base.is_char_boundary(i))
            .unwrap_or(0);
        let mut text = String::with_capacity(base.len() + passage.len() + 2);
        text.push_str(&base[..at]);
        if !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
        let ins_start = text.len();
        text.push_str(&passage);
        let ins_end = text.len();
        text.push('\n');
        text.push_str(&base[at..]);
        if std::env::var("SOLOAI_DUMP_SPLICE").ok() == Some(s.to_string()) {
            let _ = std::fs::write("/tmp/splice-entry.txt", &text);
            let _ = std::fs::write("/tmp/splice-source.txt", body);
        }
        texts.push(text);
        planted.push((source, (ins_start, ins_end), reworded));
    }
    let entries: Vec<DocInput> = texts
        .iter()
        .map(|t| DocInput {
            id: "splice",
            text: t,
            receiving_point: None,
        })
        .collect();
    let started = Instant::now();
    let d = detect(&entries, corpus, thresholds);
    println!(
        "\nsplices: {} entries ({} verbatim, {} lightly reworded), detect {:.2?}",
        texts.len(),
        planted.iter().filter(|p| !p.2).count(),
        planted.iter().filter(|p| p.2).count(),
        started.elapsed()
    );
    let mut found = [0usize; 2];
    // Flagged naming the source, whatever the share of the passage covered.
    let mut named = 0usize;
    let mut total = [0usize; 2];
    let mut cover_sum = [0.0f64; 2];
    let (mut half_found, mut half_total) = ([0usize; 2], [0usize; 2]);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (e, &(source, (s, t), reworded)) in planted.iter().enumerate() {
        let r = usize::from(reworded);
        total[r] += 1;
        let m = d
            .matches
            .iter()
            .find(|m| m.entry == e && m.source == Source::Corpus(source));
        // What soloai excluded of the spliced passage as wording many corpus documents share.
        let common: usize = d.excluded[e]
            .iter()
            .filter(|x| x.reason == soloai::compare::Reason::Common)
            .map(|x| x.end.min(t).saturating_sub(x.start.max(s)))
            .sum();
        let common_share = common as f64 / (t - s).max(1) as f64;
        let excluded_any: usize = d.excluded[e]
            .iter()
            .map(|x| x.end.min(t).saturating_sub(x.start.max(s)))
            .sum();
        let excluded_share = excluded_any as f64 / (t - s).max(1) as f64;
        let half = (e / 2) % 2;
        half_total[half] += 1;
        let Some(m) = m else {
            println!(
                "  splice {e} ({}) missed: no match with its source; {:.0} % of the passage excluded as common wording",
                if reworded { "reworded" } else { "verbatim" },
                common_share * 100.0
            );
            continue;
        };
        let mut spans: Vec<(usize, usize)> = m
            .spans
            .iter()
            .map(|sp| (sp.entry_start.max(s), sp.entry_end.min(t)))
            .filter(|x| x.1 > x.0)
            .collect();
        spans.sort_unstable();
        let mut covered = 0;
        let mut reach = s;
        for (a, b) in spans {
            let a = a.max(reach);
            if b > a {
                covered += b - a;
                reach = b;
            }
        }
        let cover = covered as f64 / (t - s).max(1) as f64;
        cover_sum[r] += cover;
        let is_flag =
            soloai::compare::flag_worthy(m, corpus[source].text, thresholds) && m.kind.is_copy();
        named += usize::from(is_flag);
        if is_flag && cover >= 0.5 {
            found[r] += 1;
            half_found[half] += 1;
            *kinds.entry(m.kind.as_str()).or_default() += 1;
        } else {
            println!(
                "  splice {e} ({}) missed: {} match covering {:.0} % of the passage, flag-worthy {is_flag}; {:.0} % of the passage excluded as common wording, {:.0} % excluded for any reason",
                if reworded { "reworded" } else { "verbatim" },
                m.kind.as_str(),
                cover * 100.0,
                common_share * 100.0,
                excluded_share * 100.0
            );
        }
    }
    println!(
        "splices >= half covered, selection half (splices 0-1, 4-5, ...): {}/{}; HELD-OUT half (2-3, 6-7, ...): {}/{}",
        half_found[0], half_total[0], half_found[1], half_total[1]
    );
    println!(
        "SPLICES found with their source: verbatim {}/{}, lightly reworded {}/{} (goal: all); mean share of the spliced passage matched: {:.2} / {:.2}; kinds {:?}",
        found[0],
        total[0],
        found[1],
        total[1],
        cover_sum[0] / total[0].max(1) as f64,
        cover_sum[1] / total[1].max(1) as f64,
        kinds
    );
    let other_flags = d
        .matches
        .iter()
        .filter(|m| match m.source {
            Source::Corpus(c) => {
                planted.get(m.entry).is_some_and(|p| p.0 != c)
                    && flagged(m, corpus[c].text, thresholds).is_some()
            }
            Source::Entry(_) => false,
        })
        .count();
    println!(
        "splices flagged naming their source (any share of the passage covered): {named}/{}",
        planted.len()
    );
    println!("flags on the splices naming another corpus document: {other_flags}");
}

// ---------------------------------------------------------------------------------------------
// Part 3: the heavy-overlap batch (speed, memory, report size)

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal real .docx: cover lines, a page break, then the body in Times New Roman 14 with
/// a page break every ~350 words and a PAGE field in the footer.
fn write_docx(path: &Path, cover: &[String], body: &str) -> std::io::Result<()> {
    use std::io::Write;
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
        if words_on_page >= 350 {
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

const HEAVY_ENTRIES: usize = 400;
const HEAVY_CORPUS: usize = 10_000;
const HEAVY_ENTRY_WORDS: usize = 3_500;
/// One entry in four is sent as a PDF (LibreOffice converts it once), the rest as .docx.
const HEAVY_PDF_EVERY: usize = 4;
/// Bump when the way the batch is built changes, so an old build is not reused.
const HEAVY_VERSION: u32 = 1;

/// Build (once, reused by later runs) the heavy-overlap batch under `target/bench-heavy/`:
/// 10,000 corpus documents cut from the whole Pháp điển pack (~1,200 words each) and 400
/// entries of ~3,500 words (10 pages) of legal text taken from the same pack, so each truly
/// overlaps several corpus documents besides the formulas all laws share.
fn heavy_build(files: &[LegalFile]) -> std::io::Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-heavy")
        .join(format!("v{HEAVY_VERSION}"));
    if root.join(".done").exists() {
        return Ok(root);
    }
    let _ = std::fs::remove_dir_all(&root);
    let corpus_dir = root.join("corpus");
    let entries_dir = root.join("contest/entries");
    std::fs::create_dir_all(&corpus_dir)?;
    std::fs::create_dir_all(&entries_dir)?;
    let total_words: usize = files
        .iter()
        .map(|f| f.body.split_whitespace().count())
        .sum();
    let chunk = (total_words / HEAVY_CORPUS).max(200);
    let mut written = 0usize;
    'files: for f in files {
        let lines: Vec<&str> = f.body.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut buf = String::new();
        let mut words = 0usize;
        for line in lines {
            buf.push_str(line);
            buf.push('\n');
            words += line.split_whitespace().count();
            if words >= chunk {
                std::fs::write(corpus_dir.join(format!("c{written:05}.txt")), &buf)?;
                written += 1;
                buf.clear();
                words = 0;
                if written >= HEAVY_CORPUS {
                    break 'files;
                }
            }
        }
        if words >= chunk / 4 && written < HEAVY_CORPUS {
            std::fs::write(corpus_dir.join(format!("c{written:05}.txt")), &buf)?;
            written += 1;
        }
    }
    let mut rng = Rng(400_010_000);
    let big: Vec<&LegalFile> = files
        .iter()
        .filter(|f| f.body.split_whitespace().count() > HEAVY_ENTRY_WORDS * 2)
        .collect();
    let mut pdf_sources = Vec::new();
    for e in 0..HEAVY_ENTRIES {
        let f = big[rng.below(big.len())];
        let offs = word_offsets(&f.body);
        let from = rng.below(offs.len() - HEAVY_ENTRY_WORDS);
        let start = f.body[..offs[from].0].rfind('\n').map_or(0, |i| i + 1);
        let last = from + HEAVY_ENTRY_WORDS - 1;
        let end = f.body[offs[last].1..]
            .find('\n')
            .map_or(f.body.len(), |i| offs[last].1 + i);
        let body: String = f.body[start..end]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let cover = vec![
            "BÀI DỰ THI".to_string(),
            format!("Ý tưởng, giải pháp số {e}"),
            format!("Họ và tên: Tác giả Số {e}"),
            "Chức vụ: Chuyên viên".to_string(),
            format!("Đơn vị công tác: Đơn vị {}", e % 60),
            format!("Điện thoại: 0912 000 {e:03}"),
        ];
        let path = entries_dir.join(format!("E{e:03}.docx"));
        write_docx(&path, &cover, &body)?;
        if e % HEAVY_PDF_EVERY == HEAVY_PDF_EVERY - 1 {
            pdf_sources.push(path);
        }
    }
    if !pdf_sources.is_empty() {
        let status = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&entries_dir)
            .args(&pdf_sources)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => {
                for p in &pdf_sources {
                    if p.with_extension("pdf").exists() {
                        std::fs::remove_file(p)?;
                    }
                }
            }
            _ => println!("soffice not available: every entry stays a .docx"),
        }
    }
    std::fs::write(root.join(".done"), b"")?;
    Ok(root)
}

/// A reduced heavy batch when the machine cannot run the full one in time:
/// `SOLOAI_HEAVY_ENTRIES=n` keeps the first `n` entries (by name) and `SOLOAI_HEAVY_CORPUS=m`
/// every k-th corpus document (evenly spread over the pack, so entries keep their sources),
/// hard-linked (or copied) into `target/bench-heavy/v{HEAVY_VERSION}-{n}x{m}/`. Without either
/// variable, the full batch.
fn heavy_subset(full: &Path) -> std::io::Result<PathBuf> {
    let var = |k: &str| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
    };
    let (n, m) = (var("SOLOAI_HEAVY_ENTRIES"), var("SOLOAI_HEAVY_CORPUS"));
    if n.is_none() && m.is_none() {
        return Ok(full.to_path_buf());
    }
    let sorted = |d: &Path| {
        let mut v: Vec<PathBuf> = dir_files(d).into_iter().map(|f| f.0).collect();
        v.sort();
        v
    };
    let entries = sorted(&full.join("contest/entries"));
    let corpus = sorted(&full.join("corpus"));
    let n = n.unwrap_or(entries.len()).min(entries.len());
    let m = m.unwrap_or(corpus.len()).clamp(1, corpus.len().max(1));
    let root = full.with_file_name(format!("v{HEAVY_VERSION}-{n}x{m}"));
    if root.join(".done").exists() {
        return Ok(root);
    }
    let _ = std::fs::remove_dir_all(&root);
    let (e_dir, c_dir) = (root.join("contest/entries"), root.join("corpus"));
    std::fs::create_dir_all(&e_dir)?;
    std::fs::create_dir_all(&c_dir)?;
    let link = |from: &Path, dir: &Path| -> std::io::Result<()> {
        let to = dir.join(from.file_name().unwrap_or_default());
        std::fs::hard_link(from, &to).or_else(|_| std::fs::copy(from, &to).map(|_| ()))
    };
    for e in &entries[..n] {
        link(e, &e_dir)?;
    }
    for k in 0..m {
        link(&corpus[k * corpus.len() / m], &c_dir)?;
    }
    std::fs::write(root.join(".done"), b"")?;
    Ok(root)
}

/// Run a command under `/usr/bin/time -f` and return (wall seconds, peak RSS MiB, success).
fn timed(cmd: &mut std::process::Command) -> (f64, f64, bool, String) {
    let started = Instant::now();
    let out = cmd.output();
    let wall = started.elapsed().as_secs_f64();
    match out {
        Ok(o) => {
            let stderr = String::from_utf8_lossy(&o.stderr).to_string();
            let rss = stderr
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix("MAXRSS_KB "))
                .and_then(|v| v.trim().parse::<f64>().ok())
                .map_or(f64::NAN, |kb| kb / 1024.0);
            let ok = o.status.success() || o.status.code() == Some(1);
            (wall, rss, ok, stderr)
        }
        Err(e) => (wall, f64::NAN, false, e.to_string()),
    }
}

fn soloai_cmd(args: &[&std::ffi::OsStr]) -> std::process::Command {
    let mut c = std::process::Command::new("/usr/bin/time");
    c.args(["-f", "MAXRSS_KB %M"])
        .arg(env!("CARGO_BIN_EXE_soloai"));
    c.args(args);
    c
}

/// `soloai corpus add --index INDEX DIR --kind published`, timed by [`timed`].
fn corpus_add_cmd(index: &Path, dir: &Path) -> std::process::Command {
    soloai_cmd(&[
        "corpus".as_ref(),
        "add".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
        dir.as_os_str(),
        "--kind".as_ref(),
        "published".as_ref(),
    ])
}

/// `soloai screen CONTEST --profile hung-yen-2024 --index INDEX --out OUT`.
fn screen_cmd(contest: &Path, index: &Path, out: &Path) -> std::process::Command {
    soloai_cmd(&[
        "screen".as_ref(),
        contest.as_os_str(),
        "--profile".as_ref(),
        "hung-yen-2024".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
}

fn dir_files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(m) = e.metadata() {
                out.push((p, m.len()));
            }
        }
    }
    out
}

fn heavy() {
    let files = legal_files(&data_dir().join("phap-dien"));
    if files.is_empty() {
        println!("Pháp điển not found");
        return;
    }
    let started = Instant::now();
    let root = match heavy_build(&files) {
        Ok(r) => r,
        Err(e) => {
            println!("could not build the heavy batch: {e}");
            return;
        }
    };
    drop(files);
    let root = match heavy_subset(&root) {
        Ok(r) => r,
        Err(e) => {
            println!("could not build the reduced heavy batch: {e}");
            return;
        }
    };
    let entries = dir_files(&root.join("contest/entries"));
    let corpus = dir_files(&root.join("corpus"));
    println!(
        "\n== heavy overlap: {} entries ({} PDF, {} .docx), {} corpus documents ({:.1} MB), built/reused in {:.1?}",
        entries.len(),
        entries
            .iter()
            .filter(|e| e.0.extension().is_some_and(|x| x == "pdf"))
            .count(),
        entries
            .iter()
            .filter(|e| e.0.extension().is_some_and(|x| x == "docx"))
            .count(),
        corpus.len(),
        corpus.iter().map(|c| c.1).sum::<u64>() as f64 / 1e6,
        started.elapsed()
    );
    let work = root.join("run");
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::create_dir_all(&work);
    let index = work.join("index");
    let out = work.join("out");
    let (t_index, rss_index, ok, err) = timed(&mut corpus_add_cmd(&index, &root.join("corpus")));
    if !ok {
        println!(
            "corpus add failed: {}",
            err.chars().take(2000).collect::<String>()
        );
        return;
    }
    let (t_screen, rss_screen, ok, err) =
        timed(&mut screen_cmd(&root.join("contest"), &index, &out));
    if !ok {
        println!(
            "screen failed: {}",
            err.chars().take(2000).collect::<String>()
        );
        return;
    }
    let (t_again, rss_again, _, _) = timed(&mut screen_cmd(&root.join("contest"), &index, &out));
    let pages: Vec<u64> = dir_files(&out.join("entries"))
        .iter()
        .map(|p| p.1)
        .collect();
    let json_size = std::fs::metadata(out.join("report.json")).map_or(0, |m| m.len());
    let report: serde_json::Value = std::fs::read(out.join("report.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let empty = Vec::new();
    let rep_entries = report["entries"].as_array().unwrap_or(&empty);
    let flags: usize = rep_entries
        .iter()
        .map(|e| e["flags"].as_array().map_or(0, Vec::len))
        .sum();
    let max_flags_one_code = rep_entries
        .iter()
        .map(|e| {
            let mut per: BTreeMap<String, usize> = BTreeMap::new();
            for f in e["flags"].as_array().unwrap_or(&empty) {
                *per.entry(f["code"].as_str().unwrap_or("").to_string())
                    .or_default() += 1;
            }
            per.values().copied().max().unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let matches: usize = rep_entries
        .iter()
        .map(|e| e["matches"].as_array().map_or(0, Vec::len))
        .sum();
    let fails = rep_entries
        .iter()
        .filter(|e| e["verdict"].as_str() == Some("fail"))
        .count();
    println!(
        "soloai corpus add: {t_index:.1} s, peak RSS {rss_index:.0} MiB; screen (cold cache): {t_screen:.1} s, peak RSS {rss_screen:.0} MiB; screen again (cache): {t_again:.1} s, {rss_again:.0} MiB"
    );
    println!(
        "SOLOAI TOTAL (index + cold screen): {:.1} s; peak RSS {:.0} MiB (goal ≤ 1024)",
        t_index + t_screen,
        rss_index.max(rss_screen)
    );
    println!(
        "report: {} entries, {} matches, {} flags (at most {} of one code on one entry), {} entries 'Không đạt'; report.json {:.1} MB; entry pages avg {:.0} KB, max {:.0} KB (goal < 300 KB)",
        rep_entries.len(),
        matches,
        flags,
        max_flags_one_code,
        fails,
        json_size as f64 / 1e6,
        pages.iter().sum::<u64>() as f64 / pages.len().max(1) as f64 / 1e3,
        pages.iter().copied().max().unwrap_or(0) as f64 / 1e3
    );

    // The scripted pipeline, same files, same run.
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/heavy_pipeline.py");
    let python = std::env::var("SOLOAI_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut cmd = std::process::Command::new("/usr/bin/time");
    cmd.args(["-f", "MAXRSS_KB %M"])
        .arg(&python)
        .arg(&script)
        .arg(root.join("contest/entries"))
        .arg(root.join("corpus"));
    let (t_py, rss_py, ok, err) = timed(&mut cmd);
    if !ok {
        println!(
            "pipeline failed: {}",
            err.chars().take(2000).collect::<String>()
        );
        return;
    }
    println!(
        "{}",
        err.lines()
            .filter(|l| !l.starts_with("MAXRSS_KB"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    println!(
        "scripted pipeline (pdftotext + pandoc + datasketch MinHashLSH, candidates only): {t_py:.1} s, peak RSS {rss_py:.0} MiB"
    );
    println!(
        "RATIO soloai (index + screen) / pipeline: {:.2} (goal ≤ 0.33)",
        (t_index + t_screen) / t_py
    );
}

fn main() {
    let which = std::env::var("SOLOAI_BENCH").unwrap_or_else(|_| "all".into());
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "# benches/detect_real.rs — {} — data from {}",
        which,
        data_dir().display()
    );
    if which == "all" || which == "vnpara" {
        vnpara();
    }
    if which == "all" || which == "phapdien" {
        phapdien();
    }
    if which == "all" || which == "heavy" {
        heavy();
    }
}
