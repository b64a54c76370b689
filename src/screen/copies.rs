//! The bridge from screening to copy detection: entries and corpus documents in, matches and
//! rule findings (recycled entries, double submissions) out, with indices mapped back to the
//! screen's own entry list. Unreadable entries take no part.

use crate::check;
use crate::compare::{
    self, CorpusInput, Detection, DocInput, Finding, Match, RevisionInfo, Signature, Source,
};
use crate::index::{CorpusDoc, CorpusKind as IndexKind};
use crate::profile::ContestProfile;

use super::EntryWork;

/// What copy detection found, in terms of the screen's entries (`work` indices).
#[derive(Debug, Default)]
pub struct Copies {
    pub detection: Detection,
    /// For each detection entry index, the `work` index.
    pub work_of: Vec<usize>,
    /// For each `work` index, the detection entry index (None: unread entry).
    pub input_of: Vec<Option<usize>>,
    /// Recycled-entry and receiving-point findings (detection indices).
    pub findings: Vec<Finding>,
}

impl Copies {
    /// Matches that concern `work` entry `w`, seen from that entry: a pair found once as
    /// (i, j) is returned for j too, with entry and source swapped.
    pub fn matches_for(&self, w: usize) -> Vec<Match> {
        let Some(i) = self.input_of.get(w).copied().flatten() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in &self.detection.matches {
            if m.entry == i {
                out.push(m.clone());
            } else if m.source == Source::Entry(i) {
                let mut flipped = m.clone();
                flipped.source = Source::Entry(m.entry);
                flipped.entry = i;
                std::mem::swap(&mut flipped.entry_share, &mut flipped.source_share);
                for s in &mut flipped.spans {
                    std::mem::swap(&mut s.entry_start, &mut s.source_start);
                    std::mem::swap(&mut s.entry_end, &mut s.source_end);
                }
                out.push(flipped);
            }
        }
        out.sort_by(|a, b| b.entry_share.total_cmp(&a.entry_share));
        out
    }

    /// Findings that concern `work` entry `w`, including the other side of a double
    /// submission.
    pub fn findings_for(&self, w: usize) -> Vec<&Finding> {
        let Some(i) = self.input_of.get(w).copied().flatten() else {
            return Vec::new();
        };
        self.findings
            .iter()
            .filter(|f| f.entry == i || f.source == Source::Entry(i))
            .collect()
    }
}

pub fn corpus_kind(kind: IndexKind) -> compare::CorpusKind {
    match kind {
        IndexKind::Applied => compare::CorpusKind::Applied,
        IndexKind::Published => compare::CorpusKind::Published,
        IndexKind::PastEntry => compare::CorpusKind::PastEntry,
        IndexKind::Template => compare::CorpusKind::Template,
    }
}

/// Compare the readable entries with each other and with the corpus. `extra` are (work
/// index, corpus index) pairs proposed by the index's BM25 search.
pub fn find(
    work: &[EntryWork],
    corpus: &[CorpusDoc],
    profile: &ContestProfile,
    extra: &[(usize, usize)],
) -> Copies {
    let mut work_of = Vec::new();
    let mut input_of = vec![None; work.len()];
    let mut inputs = Vec::new();
    for (w, entry) in work.iter().enumerate() {
        if let Ok(doc) = &entry.doc {
            input_of[w] = Some(inputs.len());
            work_of.push(w);
            inputs.push(DocInput {
                id: &entry.id,
                text: &doc.text,
                receiving_point: entry
                    .row
                    .as_ref()
                    .and_then(|r| r.receiving_point.as_deref()),
            });
        }
    }
    let signatures: Vec<Option<Signature>> = corpus.iter().map(CorpusDoc::signature).collect();
    let corpus_inputs: Vec<CorpusInput> = corpus
        .iter()
        .zip(&signatures)
        .map(|(d, sig)| CorpusInput {
            id: &d.id,
            text: &d.text,
            kind: corpus_kind(d.kind),
            contest: d.contest.as_deref(),
            year: d.year,
            awarded: d.awarded,
            signature: sig.as_ref(),
        })
        .collect();
    let extra: Vec<(usize, usize)> = extra
        .iter()
        .filter_map(|&(w, c)| input_of.get(w).copied().flatten().map(|i| (i, c)))
        .collect();
    let detection = compare::detect_with(&inputs, &corpus_inputs, &profile.compare, &extra);

    let mut findings = compare::receiving_point_findings(&detection.matches, &inputs);
    for m in &detection.matches {
        let Source::Corpus(c) = m.source else {
            continue;
        };
        let Some(past) = corpus_inputs.get(c) else {
            continue;
        };
        let entry = &work[work_of[m.entry]];
        let revision = entry.doc.as_ref().ok().and_then(|doc| {
            check::find_revision_statement(doc, &entry.attachment_docs).map(|r| RevisionInfo {
                contest_name: r.contest_name.unwrap_or_default(),
                year: r.year,
                new_text_share: None,
            })
        });
        if let Some(f) = compare::recycled_finding(m, past, revision.as_ref(), &profile.compare) {
            findings.push(f);
        }
    }
    Copies {
        detection,
        work_of,
        input_of,
        findings,
    }
}
