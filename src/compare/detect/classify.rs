//! Pass 5: what a verified pair is, by the profile's thresholds — and whether it is worth a
//! flag.

use super::super::{Match, MatchKind, Signal, Source, Thresholds};
use super::verify::Verified;

/// The match a verified pair makes, or `None` when it is not worth listing.
pub(super) fn classify(
    entry: usize,
    source: Source,
    v: Verified,
    thresholds: &Thresholds,
) -> Option<Match> {
    // Between entries nobody knows who copied whom, so the larger containment decides; against
    // the corpus the question is how much of the entry is the earlier document. Containment
    // blends both signals: words in verbatim passages and words only in paraphrased ones.
    let containment = match source {
        Source::Entry(_) => v.entry_share.max(v.source_share),
        Source::Corpus(_) => v.entry_share,
    };
    let (kind, score) =
        if containment >= thresholds.exact_min && v.identity >= thresholds.exact_identity {
            (MatchKind::Exact, containment)
        } else if containment >= thresholds.near_min {
            (MatchKind::Near, containment)
        } else if v.longest >= thresholds.min_passage_words {
            (MatchKind::Partial, containment)
        } else if v.idea_similarity >= thresholds.idea_min
            && containment < thresholds.idea_max_copy_share
        {
            (MatchKind::Idea, v.idea_similarity)
        } else {
            return None;
        };
    let signal = if kind == MatchKind::Idea {
        Signal::Idea
    } else if v.paraphrase_share > v.verbatim_share {
        Signal::Paraphrase
    } else {
        Signal::Verbatim
    };
    let spans = v.spans;
    Some(Match {
        entry,
        source,
        kind,
        signal,
        score,
        entry_share: v.entry_share,
        source_share: v.source_share,
        verbatim_share: v.verbatim_share,
        paraphrase_share: v.paraphrase_share,
        resemblance: v.resemblance,
        identity: v.identity,
        idea_similarity: v.idea_similarity,
        spans,
    })
}

/// Whether a match is worth a flag (cảnh báo): a copy of (nearly) the whole text, or copied
/// passages adding up to at least `min_passage_words` words on both sides; an `idea` match
/// only with a corpus document (the caller decides which corpus kinds count). Shorter shared
/// phrases (an office's name, a stock phrase) are listed among the matches but flag nothing.
pub fn flag_worthy(m: &Match, source_text: &str, thresholds: &Thresholds) -> bool {
    match m.kind {
        MatchKind::Exact | MatchKind::Near => true,
        MatchKind::Idea => matches!(m.source, Source::Corpus(_)),
        MatchKind::Partial => {
            // Words matched on both sides, each stretch of the entry counted once (a span
            // partly inside an earlier one counts only its share beyond it).
            let mut spans: Vec<&crate::compare::MatchSpan> = m.spans.iter().collect();
            spans.sort_by_key(|s| (s.entry_start, s.entry_end));
            let mut reach = 0usize;
            let mut words = 0.0f64;
            for s in spans {
                let source_words = source_text
                    .get(s.source_start..s.source_end)
                    .map_or(0, |t| t.split_whitespace().count());
                let len = s.entry_end.saturating_sub(s.entry_start).max(1);
                let fresh = s
                    .entry_end
                    .saturating_sub(s.entry_start.max(reach))
                    .min(len);
                words += s.words.min(source_words) as f64 * fresh as f64 / len as f64;
                reach = reach.max(s.entry_end);
            }
            words + 0.5 >= thresholds.min_passage_words as f64
        }
    }
}
