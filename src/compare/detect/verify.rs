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
    // A verbatim passage is mostly identical words: a chain of short stock phrases bridged by
    // gaps (legal texts are full of them) is not one copied passage.
    let mut passages: Vec<(Passage, usize, Signal)> = verbatim
        .into_iter()
        .filter(|(p, seeded)| {
            let words = a.p.counted_in(p.a_start, p.a_end);
            *seeded >= thresholds.min_span_words && seeded * 2 >= words
        })
        .map(|(p, seeded)| (p, seeded, Signal::Verbatim))
        .collect();

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

    // Legal quotations: a passage right after a citation of the very document it matches.
    passages.retain(|(p, _, _)| {
        let (es, ee) = a.p.bytes(p.a_start, p.a_end);
        let (ss, se) = b.p.bytes(p.b_start, p.b_end);
        let cited = cited_numbers(a.text, es);
        if cited.is_empty() {
            return true;
        }
        let quoted = match source {
            Source::Corpus(_) => b.numbers.iter().any(|n| cited.contains(n)),
            Source::Entry(_) => cited_numbers(b.text, ss).iter().any(|n| cited.contains(n)),
        };
        if quoted {
            v.legal_quotes.push((es, ee));
            if matches!(source, Source::Entry(_)) {
                v.legal_quotes_source.push((ss, se));
            }
        }
        !quoted
    });

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
