//! Pass 4: each candidate pair verified — verbatim passages by shingle alignment
//! ([`crate::compare::align`]), paraphrased ones by sentence alignment
//! ([`crate::compare::paraphrase`]), legal quotations taken out, and the figures a kind is
//! decided on ([`super::classify`]).

use super::super::align::{AlignParams, Passage, ShingleIndex, align_indexed};
use super::super::exclude::cited_numbers;
use super::super::idea::{self, DocFreq};
use super::super::paraphrase::{self, Sentences};
use super::super::{MatchSpan, Signal, Source, Thresholds};
use super::prepare::Prepared;

/// One side of a pair, prepared once.
pub(super) struct Side<'a> {
    pub text: &'a str,
    pub p: &'a Prepared,
    pub sentences: &'a Sentences,
    /// Document numbers in the heading of a corpus document ("61/2018/NĐ-CP"): a passage
    /// quoted right after a citation of one of them is the law's own text.
    pub numbers: &'a [String],
}

/// The figures of one verified pair.
#[derive(Debug, Clone, Default)]
pub(super) struct Verified {
    pub spans: Vec<MatchSpan>,
    pub entry_share: f64,
    pub source_share: f64,
    pub verbatim_share: f64,
    pub paraphrase_share: f64,
    pub resemblance: f64,
    pub identity: f64,
    pub idea_similarity: f64,
    /// Words of the longest passage (either signal).
    pub longest: usize,
    /// Entry byte ranges found to quote a legal document, and the same on an entry source.
    pub legal_quotes: Vec<(usize, usize)>,
    pub legal_quotes_source: Vec<(usize, usize)>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn verify(
    a: &Side<'_>,
    a_vector: &idea::TermVector,
    source: Source,
    b: &Side<'_>,
    b_index: &ShingleIndex,
    b_vector: &idea::TermVector,
    df: &DocFreq,
    thresholds: &Thresholds,
    params: AlignParams,
) -> Verified {
    let mut v = Verified::default();
    let verbatim = bridge_excluded(
        align_indexed(&a.p.seeds, &a.p.seed_skip, b_index, params),
        a.p,
        b.p,
        params.max_gap,
    );
    // A verbatim passage is mostly identical words ([`VERBATIM_MIN_SEEDED_PCT`]): a chain of
    // short stock phrases bridged by gaps (legal texts are full of them) is not one copied
    // passage.
    let mut passages: Vec<(Passage, usize, Signal)> = verbatim
        .into_iter()
        .filter(|(p, seeded)| {
            let words = a.p.counted_in(p.a_start, p.a_end);
            *seeded >= thresholds.min_span_words
                && seeded * 100 >= words * VERBATIM_MIN_SEEDED_PCT
                && longest_identical_run(a.p, b.p, b_index, p, params.k) >= VERBATIM_MIN_RUN_WORDS
        })
        .map(|(p, seeded)| (p, seeded, Signal::Verbatim))
        .collect();
    one_source_place_per_entry_place(&mut passages);

    // Paraphrase: sentence pairs the verbatim passages do not already explain.
    let mut a_verbatim = vec![false; a.p.tokens.len()];
    for (p, _, _) in &passages {
        a_verbatim
            .iter_mut()
            .take(p.a_end)
            .skip(p.a_start)
            .for_each(|c| *c = true);
    }
    for pp in paraphrase::align(a.sentences, b.sentences, thresholds.paraphrase_seed_min) {
        let words = a.p.counted_in(pp.a_start, pp.a_end);
        let fresh = (pp.a_start..pp.a_end.min(a.p.tokens.len()))
            .filter(|&t| !a_verbatim[t] && !a.p.token_skip[t])
            .count();
        // One reworded sentence says little (two titles of the same idea look alike): a
        // paraphrased passage is at least two sentence pairs in a row.
        let long_enough = words >= thresholds.min_span_words && pp.seeds >= 2;
        if long_enough && fresh >= thresholds.min_span_words {
            passages.push((
                Passage {
                    a_start: pp.a_start,
                    a_end: pp.a_end,
                    b_start: pp.b_start,
                    b_end: pp.b_end,
                },
                0,
                Signal::Paraphrase,
            ));
        }
    }
    passages.sort_by_key(|(p, _, _)| (p.a_start, p.a_end));

    // Legal quotations: a passage right after a citation of the very document it matches is
    // the law's own text up to the end of the quoted provision ([`quotation_end`]); what the
    // passage goes on with past that is copying like any other.
    let mut kept: Vec<(Passage, usize, Signal)> = Vec::with_capacity(passages.len());
    for (p, seeded, signal) in passages {
        let (es, ee) = a.p.bytes(p.a_start, p.a_end);
        let (ss, se) = b.p.bytes(p.b_start, p.b_end);
        let cited = cited_numbers(a.text, es);
        let quoted = !cited.is_empty()
            && match source {
                Source::Corpus(_) => b.numbers.iter().any(|n| cited.contains(n)),
                Source::Entry(_) => cited_numbers(b.text, ss).iter().any(|n| cited.contains(n)),
            };
        if !quoted {
            kept.push((p, seeded, signal));
            continue;
        }
        let qe = quotation_end(a.text, es).min(ee);
        // The first token past the quotation, and the same distance into the source.
        let rest = (p.a_start..p.a_end)
            .find(|&t| a.p.tokens[t].start as usize >= qe)
            .unwrap_or(p.a_end);
        let b_rest = (p.b_start + (rest - p.a_start)).min(p.b_end);
        let (_, qse) = b.p.bytes(p.b_start, b_rest);
        v.legal_quotes.push((es, qe));
        if matches!(source, Source::Entry(_)) {
            v.legal_quotes_source.push((ss, qse.min(se)));
        }
        if a.p.counted_in(rest, p.a_end) >= thresholds.min_span_words && b_rest < p.b_end {
            let part = Passage {
                a_start: rest,
                a_end: p.a_end,
                b_start: b_rest,
                b_end: p.b_end,
            };
            let seeded_part = seeded * (p.a_end - rest) / (p.a_end - p.a_start).max(1);
            kept.push((part, seeded_part, signal));
        }
    }
    let passages = kept;

    // Words of the entry inside legal quotations count no more (nor for the idea).
    let mut quoted = vec![false; a.p.tokens.len()];
    for &(qs, qe) in &v.legal_quotes {
        for (t, q) in a.p.tokens.iter().zip(quoted.iter_mut()) {
            if (t.start as usize) < qe && (t.end as usize) > qs {
                *q = true;
            }
        }
    }
    let in_quote = |t: usize| quoted.get(t).copied().unwrap_or(false);
    let na = (0..a.p.tokens.len())
        .filter(|&t| !a.p.token_skip[t] && !in_quote(t))
        .count();
    let nb = b.p.counted();
    let mut a_cover = vec![0u8; a.p.tokens.len()];
    let mut b_cover = vec![false; b.p.tokens.len()];
    let mut seeded = 0usize;
    for (p, seeded_words, signal) in &passages {
        let mark = if *signal == Signal::Verbatim { 1 } else { 2 };
        for c in a_cover.iter_mut().take(p.a_end).skip(p.a_start) {
            if *c == 0 || mark == 1 {
                *c = mark;
            }
        }
        for c in b_cover.iter_mut().take(p.b_end).skip(p.b_start) {
            *c = true;
        }
        seeded += seeded_words;
        let words = a.p.counted_in(p.a_start, p.a_end);
        v.longest = v.longest.max(words);
        let (entry_start, entry_end) = a.p.bytes(p.a_start, p.a_end);
        let (source_start, source_end) = b.p.bytes(p.b_start, p.b_end);
        v.spans.push(MatchSpan {
            entry_start,
            entry_end,
            source_start,
            source_end,
            words,
            signal: *signal,
        });
    }
    let counted = |mark: u8| {
        a_cover
            .iter()
            .zip(&a.p.token_skip)
            .filter(|(c, s)| **c == mark && !**s)
            .count()
    };
    let (ma_verbatim, ma_para) = (counted(1), counted(2));
    let mb = b_cover
        .iter()
        .zip(&b.p.token_skip)
        .filter(|(c, s)| **c && !**s)
        .count();
    let share = |m: usize, t: usize| if t == 0 { 0.0 } else { m as f64 / t as f64 };
    let ma = ma_verbatim + ma_para;
    v.entry_share = share(ma, na);
    v.verbatim_share = share(ma_verbatim, na);
    v.paraphrase_share = share(ma_para, na);
    v.source_share = share(mb, nb);
    v.resemblance = share(ma + mb, na + nb);
    v.identity = share(seeded, ma).min(1.0);
    v.idea_similarity = if v.legal_quotes.is_empty() {
        idea::cosine(a_vector, b_vector)
    } else {
        let kept: Vec<_> = (0..a.p.tokens.len())
            .filter(|&t| !a.p.token_skip[t] && !in_quote(t))
            .map(|t| a.p.tokens[t])
            .collect();
        idea::cosine(&idea::vector(&kept, df), b_vector)
    };
    v
}

/// Share (%) of a verbatim passage's words that must lie in identical 5-word runs: below it
/// the "passage" is stock phrases bridged by unrelated words ("cơ sở giáo dục đại học … cơ sở
/// giáo dục đại học"). Chosen on the selection half of `benches/detect_real.rs`'s Pháp điển
/// split (even bases, splices 0–1, 4–5, …) as the lowest share flagging no formula-only pair
/// there (50 % flagged 3; 60 % none, splices kept); the held-out half's figures are quoted
/// in the bench's output.
const VERBATIM_MIN_SEEDED_PCT: usize = 60;

/// Longest run of identical words in a row a verbatim passage holds, at least: a passage
/// stitched from stock phrases just one seed long ("Hiệu lực thi hành / Điều …", "Tổ chức
/// thực hiện / Điều …") between words of its own is no copied passage, however many of them
/// line up. Chosen on 2026-11-30 from the offenders of `benches/detect_real.rs`'s FRESH set
/// (seen since) as the shortest run that flags none of them (8, 10, 12 and 15 were tried; 8
/// loses the fewest true-overlap pairs on the selection half: 109 → 95 of 451, splices
/// unchanged), then measured once on FRESH-2, never inspected: formula-only pairs flagged 6
/// → 1 of 19,618, true-overlap 112 → 91 of 453.
const VERBATIM_MIN_RUN_WORDS: usize = 8;

/// The longest run of identical words of `p`, in a row in both texts: from each seed (a
/// shingle of the entry found in the source inside the passage), the same shingles one
/// after the other along the diagonal, excluded ones included (a common phrase inside a
/// copied paragraph is still copied text; two stock headings with different article numbers
/// between them are not one run).
fn longest_identical_run(
    a: &Prepared,
    b: &Prepared,
    b_index: &ShingleIndex,
    p: &Passage,
    k: usize,
) -> usize {
    let mut best = 0usize;
    let a_end = p
        .a_end
        .saturating_sub(k.saturating_sub(1))
        .min(a.seeds.len());
    let b_end = p
        .b_end
        .saturating_sub(k.saturating_sub(1))
        .min(b.seeds.len());
    for i in p.a_start..a_end {
        if a.seed_skip.get(i).copied().unwrap_or(true) {
            continue;
        }
        let h = a.seeds[i];
        for j in b_index.positions(h) {
            if j < p.b_start || j >= b_end {
                continue;
            }
            // Counted once, from where it starts.
            if i > p.a_start && j > p.b_start && a.seeds[i - 1] == b.seeds[j - 1] {
                continue;
            }
            let run = (0..)
                .take_while(|&t| i + t < a_end && j + t < b_end && a.seeds[i + t] == b.seeds[j + t])
                .count();
            best = best.max(run);
        }
    }
    if best == 0 { 0 } else { best + k - 1 }
}

/// Longest legal quotation, in words: a provision quoted, not a law pasted.
const QUOTATION_MAX_WORDS: usize = 150;

/// Where a legal quotation starting at byte `start` of `text` ends: at the end of its
/// paragraph, running on over following lines of the same provision (not over a blank line,
/// an article heading or a new citation) while it stays within [`QUOTATION_MAX_WORDS`].
fn quotation_end(text: &str, start: usize) -> usize {
    let Some(tail) = text.get(start..) else {
        return text.len();
    };
    let mut end = start;
    let mut words = 0usize;
    for line in tail.split_inclusive('\n') {
        let t = line.trim();
        let new_provision = t.is_empty()
            || t.starts_with('#')
            || t.starts_with("Điều ")
            || t.starts_with("Chương ")
            || (t.starts_with('(') && !cited_numbers(t, t.len()).is_empty());
        if end > start && new_provision {
            break;
        }
        let w = t.split_whitespace().count();
        if words + w > QUOTATION_MAX_WORDS {
            if end == start {
                // One long line: up to its QUOTATION_MAX_WORDS-th word.
                let mut seen = 0usize;
                let mut at = line.len();
                let mut in_word = false;
                for (i, c) in line.char_indices() {
                    if c.is_whitespace() {
                        if in_word {
                            seen += 1;
                            if seen == QUOTATION_MAX_WORDS {
                                at = i;
                                break;
                            }
                        }
                        in_word = false;
                    } else {
                        in_word = true;
                    }
                }
                end += at;
            }
            break;
        }
        words += w;
        end += line.len();
    }
    end
}

/// Each stretch of the entry is matched with one place of the source: when the source holds
/// the same text twice (a codified article repeated, a formula in every chapter), the entry's
/// passage is kept once, with its best-seeded place, and is not counted twice.
fn one_source_place_per_entry_place(passages: &mut Vec<(Passage, usize, Signal)>) {
    passages.sort_by_key(|(p, seeded, _)| {
        (
            std::cmp::Reverse(*seeded),
            std::cmp::Reverse(p.a_end - p.a_start),
            p.a_start,
            p.b_start,
        )
    });
    let mut kept: Vec<(Passage, usize, Signal)> = Vec::with_capacity(passages.len());
    for (p, seeded, signal) in passages.drain(..) {
        let overlap: usize = kept
            .iter()
            .map(|(q, _, _)| {
                p.a_end
                    .min(q.a_end)
                    .saturating_sub(p.a_start.max(q.a_start))
            })
            .sum();
        if overlap * 2 < p.a_end - p.a_start {
            kept.push((p, seeded, signal));
        }
    }
    kept.sort_by_key(|(p, _, _)| (p.a_start, p.a_end));
    *passages = kept;
}

/// Join consecutive passages separated only by excluded words (a quotation, a citation, a
/// template heading) and a few others, in both texts: one copied section is one passage for
/// the council, not three.
fn bridge_excluded(
    passages: Vec<(Passage, usize)>,
    a: &Prepared,
    b: &Prepared,
    max_gap: usize,
) -> Vec<(Passage, usize)> {
    let mut out: Vec<(Passage, usize)> = Vec::with_capacity(passages.len());
    for (p, seeded) in passages {
        if let Some((last, last_seeded)) = out.last_mut()
            && p.a_start >= last.a_end
            && p.b_start >= last.b_end
        {
            // Adaptive: two long passages may be bridged over a longer edited stretch than two
            // short ones (heavy edits leave long gaps between long, still-aligned runs).
            let shorter = (last.a_end - last.a_start).min(p.a_end - p.a_start);
            let allowed = max_gap.max(shorter / 2);
            if a.counted_in(last.a_end, p.a_start) > allowed
                || b.counted_in(last.b_end, p.b_start) > allowed
            {
                out.push((p, seeded));
                continue;
            }
            last.a_end = p.a_end;
            last.b_end = last.b_end.max(p.b_end);
            *last_seeded += seeded;
            continue;
        }
        out.push((p, seeded));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::{
        CorpusInput, CorpusKind, DetectOptions, DocInput, Reason, Source, Thresholds, detect,
        detect_with, flag_worthy,
    };
    use super::*;
    use crate::fingerprint::tokens::mix64;

    /// `n` made-up words (distinct enough that only planted text is shared).
    fn words(n: usize, seed: u64) -> String {
        (0..n)
            .map(|i| format!("từ{}", mix64(seed * 7919 + i as u64) % 50_000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn corpus_of(text: &str) -> [CorpusInput<'_>; 1] {
        [CorpusInput::new("luat.md", text, CorpusKind::Published)]
    }

    /// Whether `entry`, verified against `source` as a candidate pair (forced: the sketches
    /// alone would not pair these made-up texts), gets a flag-worthy match.
    fn flagged_against(entry: &str, source: &str) -> bool {
        let corpus = corpus_of(source);
        let entries = [DocInput {
            id: "e",
            text: entry,
            receiving_point: None,
        }];
        let t = Thresholds::default();
        let options = DetectOptions {
            extra_corpus_candidates: &[(0, 0)],
            ..DetectOptions::default()
        };
        let d = detect_with(&entries, &corpus, &t, &options);
        assert_eq!(d.stats.candidate_pairs, 1);
        d.matches.iter().any(|m| flag_worthy(m, source, &t))
    }

    #[test]
    fn a_quotation_ends_with_its_provision_or_after_its_word_limit() {
        let text = "Trích: Khoản một của điều.\nVẫn khoản đó.\n\nĐoạn khác.";
        assert_eq!(
            &text[..quotation_end(text, 7)],
            "Trích: Khoản một của điều.\nVẫn khoản đó.\n"
        );
        let heading = "Một khoản.\nĐiều 6. Điều sau\nnội dung";
        assert_eq!(&heading[..quotation_end(heading, 0)], "Một khoản.\n");
        let long = words(400, 1);
        let end = quotation_end(&long, 0);
        assert_eq!(long[..end].split_whitespace().count(), QUOTATION_MAX_WORDS);
    }

    #[test]
    fn a_law_pasted_after_its_citation_is_a_quotation_only_up_to_the_quoted_provision() {
        // The decree: its number in the heading, then six long paragraphs.
        let paragraphs: Vec<String> = (0..6).map(|p| words(80, 10 + p)).collect();
        let decree = format!("Số: 61/2018/NĐ-CP\n\n{}", paragraphs.join("\n\n"));
        // The entry cites the decree, then pastes all six paragraphs.
        let entry = format!(
            "{}\n\nTheo quy định tại Điều 5 Nghị định 61/2018/NĐ-CP:\n{}\n\n{}",
            words(200, 2),
            paragraphs.join("\n\n"),
            words(200, 3)
        );
        let corpus = corpus_of(&decree);
        let entries = [DocInput {
            id: "e",
            text: &entry,
            receiving_point: None,
        }];
        let t = Thresholds::default();
        let d = detect(&entries, &corpus, &t);
        let quoted: Vec<&str> = d.excluded[0]
            .iter()
            .filter(|x| x.reason == Reason::LegalQuote)
            .map(|x| &entry[x.start..x.end])
            .collect();
        assert_eq!(quoted.len(), 1, "{quoted:?}");
        assert!(paragraphs[0].starts_with(quoted[0].trim()), "{quoted:?}");
        let m = d
            .matches
            .iter()
            .find(|m| m.source == Source::Corpus(0))
            .expect("the rest of the pasted decree is matched");
        assert!(flag_worthy(m, &decree, &t), "{m:?}");
        let matched: usize = m.spans.iter().map(|s| s.words).sum();
        assert!(matched >= 5 * 80 - 10, "{m:?}");
    }

    #[test]
    fn stock_headings_with_other_article_numbers_between_them_are_not_a_copied_passage() {
        // Both texts list articles under the same stock headings, numbered apart: every
        // heading is a shared 5-word phrase, no run of 8 identical words is.
        let listing = |first: u64| -> String {
            (0..12)
                .map(|r| {
                    format!(
                        "Hiệu lực thi hành\n\nĐiều {}. Tổ chức thực hiện\n\nĐiều {}. ",
                        first + 2 * r,
                        first + 2 * r + 1
                    )
                })
                .collect()
        };
        let source = format!("{}\n\n{}", words(300, 7), listing(1000));
        let entry = format!("{}\n\n{}", words(200, 8), listing(5000));
        assert!(!flagged_against(&entry, &source));
        // The same listing copied with its numbers is one passage.
        let copied = format!("{}\n\n{}", words(200, 8), listing(1000));
        assert!(flagged_against(&copied, &source));
    }

    #[test]
    fn a_phrase_repeated_in_the_entry_is_not_counted_once_per_repetition() {
        // A 6-word stock phrase the entry repeats between its own words, held once by each
        // of several places of the source: no copied passage, no flag.
        let phrase = "đơn vị sự nghiệp công lập";
        let entry: String = (0..12)
            .map(|r| format!("{phrase} {} ", words(4, 100 + r)))
            .collect();
        let source: String = (0..12)
            .map(|r| format!("{} {phrase}. ", words(40, 200 + r)))
            .collect();
        assert!(!flagged_against(&entry, &source));
    }
}
