//! The bridge from screening to copy detection: entries and corpus documents in, matches and
//! rule findings (recycled entries, double submissions) out, with indices mapped back to the
//! screen's own entry list. Unreadable entries take no part.

use crate::check;
use crate::compare::{
    self, CorpusInput, Detection, DocInput, Finding, Match, RevisionInfo, Signature, Source,
};
use crate::index::CorpusDoc;
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
    let bodies: Vec<Option<String>> = work
        .iter()
        .map(|entry| entry.doc.as_ref().ok().map(body_for_comparison))
        .collect();
    let mut inputs = Vec::new();
    for (w, entry) in work.iter().enumerate() {
        if let Some(body) = &bodies[w] {
            input_of[w] = Some(inputs.len());
            work_of.push(w);
            inputs.push(DocInput {
                id: &entry.id,
                text: body,
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
            id: &d.path,
            text: &d.text,
            kind: d.kind,
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

    // The same entry sent twice is the same authors' text; two authors sharing most of a
    // text is copying, reported as such.
    let mut findings: Vec<Finding> = compare::receiving_point_findings(&detection.matches, &inputs)
        .into_iter()
        .filter(|f| {
            let Source::Entry(j) = f.source else {
                return false;
            };
            f.kind == compare::MatchKind::Exact
                || same_authors(&work[work_of[f.entry]], &work[work_of[j]])
        })
        .collect();
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

/// The text copy detection sees: the extracted text with the cover page blanked out (same
/// byte length, so spans stay offsets into `Extracted::text`). Every cover carries the same
/// labels, the contest title and the province's name; comparing them only makes noise. When
/// the "cover" is most of the document (no page break at all), nothing is blanked.
pub fn body_for_comparison(doc: &crate::model::Extracted) -> String {
    let end = doc.cover_end.min(doc.text.len());
    if end == 0 || end * 2 > doc.text.len() || !doc.text.is_char_boundary(end) {
        return doc.text.clone();
    }
    let mut out = String::with_capacity(doc.text.len());
    for c in doc.text[..end].chars() {
        if c == '\n' {
            out.push('\n');
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out.push_str(&doc.text[end..]);
    out
}

fn author_key(entry: &EntryWork) -> Vec<String> {
    let mut names: Vec<String> = entry
        .row
        .as_ref()
        .map(|r| r.authors.clone())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| entry.cover.name.clone().into_iter().collect())
        .iter()
        .map(|n| crate::normalize::fold_key(n.trim()))
        .collect();
    names.sort();
    names
}

fn same_authors(a: &EntryWork, b: &EntryWork) -> bool {
    let (ka, kb) = (author_key(a), author_key(b));
    !ka.is_empty() && ka == kb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Extracted;

    #[test]
    fn cover_is_blanked_with_offsets_kept() {
        let doc = Extracted {
            text: "Họ và tên: An\nThân bài dài hơn trang bìa rất nhiều lần".into(),
            cover_end: "Họ và tên: An\n".len(),
            ..Extracted::default()
        };
        let body = body_for_comparison(&doc);
        assert_eq!(body.len(), doc.text.len());
        assert!(body.starts_with("              "));
        assert!(body.ends_with("Thân bài dài hơn trang bìa rất nhiều lần"));
        let all_cover = Extracted {
            text: "Một trang duy nhất".into(),
            cover_end: "Một trang duy nhất".len(),
            ..Extracted::default()
        };
        assert_eq!(body_for_comparison(&all_cover), all_cover.text);
    }
}
