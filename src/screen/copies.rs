//! The bridge from screening to copy detection: entries and corpus documents in, matches and
//! rule findings (recycled entries, double submissions) out, with indices mapped back to the
//! screen's own entry list. Unreadable entries take no part.
//!
//! This is also where copying becomes flags (cảnh báo), at most one per code and entry
//! ([`Copies::entry_copying`]): `COPY` names the other entries, `CORPUS-COPY` its top
//! sources and `IDEA` the models with the same idea, each with its share; the recycled-entry
//! findings likewise (`RECYCLED-*`). Double submissions are found here but flagged by the
//! RECEIVING-POINT-DUPLICATE rule. The report assembler copies the result in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::check;
use crate::compare::{
    self, CorpusInput, CorpusKind, CorpusStats, DetectOptions, Detection, DocInput, Finding,
    FindingCode, Match, MatchKind, RevisionInfo, Signature, Source,
};
use crate::index::CorpusDoc;
use crate::lang::Lang;
use crate::profile::ContestProfile;
use crate::report::{ExcludedSpan, Flag, Layout, MatchView, PassageSource, PassageView, SpanView};

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
    corpus_stats: &CorpusStats,
    profile: &ContestProfile,
    extra: &[(usize, usize)],
    cache: Option<&super::cache::ExtractionCache>,
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
    // The corpus prepared for comparison, from the last run when nothing it depends on
    // changed (the corpus, its statistics, the thresholds).
    let prepared = (!corpus_inputs.is_empty()).then(|| {
        let digest = compare::corpus_digest(&corpus_inputs, corpus_stats, &profile.compare);
        match cache.and_then(|c| c.prepared_corpus(digest)) {
            Some(p) => p,
            None => {
                let p = compare::prepare_corpus(&corpus_inputs, corpus_stats, &profile.compare);
                if let Some(c) = cache {
                    c.put_prepared_corpus(&p);
                }
                p
            }
        }
    });
    // The entries prepared for comparison: those whose text, template documents, corpus
    // statistics and thresholds are those of the last run come from it.
    let prepared_entries = (!inputs.is_empty()).then(|| {
        let context = compare::entries_context(&corpus_inputs, corpus_stats, &profile.compare);
        let earlier = cache.and_then(|c| c.prepared_entries(context));
        let p = compare::prepare_entries(
            &inputs,
            &corpus_inputs,
            corpus_stats,
            &profile.compare,
            earlier.as_ref(),
        );
        if let Some(c) = cache
            && earlier.as_ref() != Some(&p)
        {
            c.put_prepared_entries(&p);
        }
        p
    });
    // Documents' sentences cut into terms by the last run, found by text and exclusions.
    let prepared_sentences = cache
        .and_then(|c| c.prepared_sentences())
        .unwrap_or_default();
    let detection = compare::detect_with(
        &inputs,
        &corpus_inputs,
        &profile.compare,
        &DetectOptions {
            extra_corpus_candidates: &extra,
            corpus_stats: Some(corpus_stats),
            prepared_corpus: prepared.as_ref(),
            prepared_entries: prepared_entries.as_ref(),
            // Without a cache nothing would keep them: cut in place, not packed for nobody.
            prepared_sentences: cache.map(|_| &prepared_sentences),
        },
    );
    drop(prepared);
    drop(prepared_entries);
    if let Some(c) = cache {
        c.put_prepared_sentences(&prepared_sentences);
    }
    drop(prepared_sentences);

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
    // Each entry's revision statement, looked for once (an entry may match many documents).
    let mut revisions: HashMap<usize, Option<RevisionInfo>> = HashMap::new();
    for m in &detection.matches {
        let Source::Corpus(c) = m.source else {
            continue;
        };
        let Some(past) = corpus_inputs.get(c) else {
            continue;
        };
        let revision = revisions.entry(m.entry).or_insert_with(|| {
            let entry = &work[work_of[m.entry]];
            entry.doc.as_ref().ok().and_then(|doc| {
                check::find_revision_statement(doc, &entry.attachment_docs).map(|r| RevisionInfo {
                    contest_name: r.contest_name.unwrap_or_default(),
                    year: r.year,
                    new_text_share: None,
                })
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

/// What copying means for one entry, ready for the report: the assembler copies it in and
/// decides nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryCopying {
    /// Share of the entry's counted words outside copied passages; `None` for a scan.
    pub originality: Option<f64>,
    pub excluded: Vec<ExcludedSpan>,
    /// At most one flag per code (COPY, CORPUS-COPY, IDEA, RECYCLED-*, RECEIVING-POINT-*).
    pub flags: Vec<Flag>,
    /// The sources, largest share of the entry first: at most [`MAX_SOURCES_KEPT`].
    pub matches: Vec<MatchView>,
    /// Sources matched beyond [`MAX_SOURCES_KEPT`]: counted, not kept (flags still weigh them).
    pub matches_more: usize,
    /// Matched stretches of the entry, overlapping spans of several sources merged.
    pub passages: Vec<PassageView>,
}

/// Sources named in a flag's message; the rest are counted ("và 12 nguồn khác").
const NAMED_IN_FLAG: usize = 5;

/// Sources kept per entry in the report (report.json, the entry page's sources table): the
/// largest shares; the rest are only counted, so a report grows with entries, not matches.
/// Flags are decided on every source before the cut.
pub const MAX_SOURCES_KEPT: usize = 100;

impl Copies {
    /// Everything copy detection says about `work` entry `w`.
    pub fn entry_copying(
        &self,
        w: usize,
        work: &[EntryWork],
        corpus: &[CorpusDoc],
        profile: &ContestProfile,
        lang: Lang,
    ) -> EntryCopying {
        let mut out = EntryCopying::default();
        let Some(entry) = work.get(w) else {
            return out;
        };
        let Some(i) = self.input_of.get(w).copied().flatten() else {
            return out;
        };
        let scanned = entry.doc.as_ref().is_ok_and(|d| d.needs_ocr);
        let entry_layout = entry.doc.as_ref().map(Layout::of).unwrap_or_default();
        // A scan has no text to be original or not: unknown, not 100 %.
        out.originality = (!scanned)
            .then(|| self.detection.originality.get(i).copied())
            .flatten();
        out.excluded = self
            .detection
            .excluded
            .get(i)
            .map(|spans| {
                spans
                    .iter()
                    .map(|s| ExcludedSpan {
                        start: s.start,
                        end: s.end,
                        reason: s.reason.as_str().into(),
                    })
                    .collect()
            })
            .unwrap_or_default();

        // Rule findings: one flag per code, naming every source.
        let findings = self.findings_for(w);
        let mut duplicate_with: BTreeSet<usize> = BTreeSet::new();
        let mut by_code: BTreeMap<&'static str, Vec<&Finding>> = BTreeMap::new();
        for f in &findings {
            let double = f.code == FindingCode::ReceivingPointDuplicate;
            if double {
                let other = if f.entry == i {
                    f.source
                } else {
                    Source::Entry(f.entry)
                };
                if let Source::Entry(j) = other {
                    duplicate_with.insert(j);
                }
            }
            // Double submissions are the RECEIVING-POINT-DUPLICATE rule's (`check::eligibility`,
            // fed by these findings); recycled findings are reported on their entry.
            if !double && f.entry == i {
                by_code.entry(f.code.as_str()).or_default().push(f);
            }
        }
        for (code, list) in by_code {
            let names: Vec<String> = list
                .iter()
                .map(|f| {
                    let other = if f.entry == i {
                        f.source
                    } else {
                        Source::Entry(f.entry)
                    };
                    format!(
                        "{} ({})",
                        self.source_name(other, work, corpus),
                        percent(f.entry_share)
                    )
                })
                .collect();
            let message = if names.len() > 1 {
                format!(
                    "{} ({} {})",
                    list[0].message(lang),
                    lang.words().copy_flags.also,
                    named(&names[1..], lang)
                )
            } else {
                list[0].message(lang).to_string()
            };
            out.flags.push(Flag {
                code: code.into(),
                message,
                evidence: list
                    .iter()
                    .map(|f| percent(f.entry_share))
                    .collect::<Vec<_>>()
                    .join("; "),
            });
        }

        // Matches: every source, best first; flags one per kind.
        let matches = self.matches_for(w);
        let mut copy_from: Vec<(String, String, f64, MatchKind)> = Vec::new();
        let mut corpus_copy: Vec<(String, String, f64, MatchKind)> = Vec::new();
        let mut idea: Vec<(String, String, f64, MatchKind)> = Vec::new();
        for m in &matches {
            let source_text = self.source_text(m.source, work, corpus);
            let worthy = compare::flag_worthy(m, source_text, &profile.compare);
            let name = match m.source {
                Source::Corpus(c) => corpus.get(c).map_or_else(String::new, |d| {
                    format!(
                        "{}: {}",
                        d.kind.label(lang),
                        self.source_name(m.source, work, corpus)
                    )
                }),
                Source::Entry(_) => self.source_name(m.source, work, corpus),
            };
            let key = self.source_key(m.source, work, corpus);
            match m.source {
                Source::Entry(j) if m.kind.is_copy() && worthy && !duplicate_with.contains(&j) => {
                    copy_from.push((name, key, m.entry_share, m.kind));
                }
                Source::Corpus(c)
                    if worthy
                        && corpus.get(c).is_some_and(|d| {
                            matches!(d.kind, CorpusKind::Applied | CorpusKind::Published)
                        }) =>
                {
                    if m.kind == MatchKind::Idea {
                        idea.push((name, key, m.idea_similarity, m.kind));
                    } else {
                        corpus_copy.push((name, key, m.entry_share, m.kind));
                    }
                }
                _ => {}
            }
            if out.matches.len() < MAX_SOURCES_KEPT {
                out.matches
                    .push(self.match_view(m, work, corpus, &entry_layout));
            } else {
                out.matches_more += 1;
            }
        }
        // Members of the same copy cluster not matched directly (a ring of 20 identical
        // copies is verified as a chain) are named too.
        if let Some(cluster) = self.detection.clusters.iter().find(|c| c.contains(&i)) {
            for &j in cluster {
                let key = self.source_key(Source::Entry(j), work, corpus);
                if j != i && !duplicate_with.contains(&j) && !copy_from.iter().any(|c| c.1 == key) {
                    copy_from.push((
                        self.source_name(Source::Entry(j), work, corpus),
                        key,
                        f64::NAN,
                        MatchKind::Near,
                    ));
                }
            }
        }
        let flag = |code: &str,
                    list: &[(String, String, f64, MatchKind)],
                    one: &str,
                    many: fn(usize) -> String| {
            let names: Vec<String> = list
                .iter()
                .map(|(name, _, share, _)| {
                    if share.is_nan() {
                        name.clone()
                    } else {
                        format!("{name} ({})", percent(*share))
                    }
                })
                .collect();
            let what = if list.len() > 1 {
                many(list.len())
            } else {
                one.to_string()
            };
            Flag {
                code: code.into(),
                message: format!(
                    "{} — {what} {}",
                    strongest(list).label(lang),
                    named(&names, lang)
                ),
                evidence: list
                    .iter()
                    .take(NAMED_IN_FLAG)
                    .map(|x| x.1.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        };
        let w = &lang.words().copy_flags;
        if !copy_from.is_empty() {
            out.flags
                .push(flag("COPY", &copy_from, w.matches_entry, w.matches_entries));
        }
        if !corpus_copy.is_empty() {
            out.flags.push(flag(
                "CORPUS-COPY",
                &corpus_copy,
                w.matches_source,
                w.matches_sources,
            ));
        }
        if !idea.is_empty() {
            out.flags
                .push(flag("IDEA", &idea, w.same_idea, w.same_ideas));
        }
        out.passages = merge_passages(&out.matches);
        out
    }
}

impl Copies {
    fn source_text<'a>(
        &self,
        s: Source,
        work: &'a [EntryWork],
        corpus: &'a [CorpusDoc],
    ) -> &'a str {
        match s {
            Source::Entry(j) => self
                .work_of
                .get(j)
                .and_then(|&w| work.get(w))
                .map_or("", EntryWork::text),
            Source::Corpus(c) => corpus.get(c).map_or("", |d| d.text.as_str()),
        }
    }

    /// How a flag names a source: an entry's id, a corpus document's title (or path).
    fn source_name(&self, s: Source, work: &[EntryWork], corpus: &[CorpusDoc]) -> String {
        match s {
            Source::Entry(j) => self
                .work_of
                .get(j)
                .and_then(|&w| work.get(w))
                .map_or_else(String::new, |e| e.id.clone()),
            Source::Corpus(c) => corpus.get(c).map_or_else(String::new, |d| {
                if d.title.trim().is_empty() {
                    d.path.clone()
                } else {
                    d.title.clone()
                }
            }),
        }
    }

    /// The stable key of a source in the report: `entry:<path>` or the corpus path.
    fn source_key(&self, s: Source, work: &[EntryWork], corpus: &[CorpusDoc]) -> String {
        match s {
            Source::Entry(j) => self
                .work_of
                .get(j)
                .and_then(|&w| work.get(w))
                .map_or_else(String::new, |e| format!("entry:{}", e.rel_path)),
            Source::Corpus(c) => corpus.get(c).map_or_else(String::new, |d| d.path.clone()),
        }
    }

    fn match_view(
        &self,
        m: &Match,
        work: &[EntryWork],
        corpus: &[CorpusDoc],
        entry_layout: &Layout,
    ) -> MatchView {
        let source_text = self.source_text(m.source, work, corpus);
        let (title, kind) = match m.source {
            Source::Entry(j) => (
                self.work_of
                    .get(j)
                    .and_then(|&w| work.get(w))
                    .and_then(|e| e.row.as_ref().and_then(|r| r.title.clone())),
                "entry".to_string(),
            ),
            Source::Corpus(c) => (
                corpus.get(c).map(|d| d.title.clone()),
                corpus
                    .get(c)
                    .map_or_else(String::new, |d| d.kind.as_str().to_string()),
            ),
        };
        // Where the source comes from and where it is applied, and its paragraphs (ux, #13).
        let (source_origin, source_scope, source_url, source_layout) = match m.source {
            Source::Entry(j) => {
                let layout = self
                    .work_of
                    .get(j)
                    .and_then(|&w| work.get(w))
                    .and_then(|e| e.doc.as_ref().ok())
                    .map(Layout::of)
                    .unwrap_or_default();
                (None, None, None, layout)
            }
            Source::Corpus(c) => match corpus.get(c) {
                Some(d) => (
                    d.source.clone(),
                    d.province.clone(),
                    d.source_url.clone(),
                    Layout::of_text(&d.text),
                ),
                None => (None, None, None, Layout::default()),
            },
        };
        let mut view = MatchView {
            source: self.source_key(m.source, work, corpus),
            source_title: title,
            source_kind: Some(kind),
            source_origin,
            source_scope,
            source_url,
            score: m.entry_share,
            kind: m.kind.as_str().into(),
            signal: m.signal.as_str().into(),
            spans: m
                .spans
                .iter()
                .map(|s| SpanView {
                    entry_start: s.entry_start,
                    entry_end: s.entry_end,
                    source_start: s.source_start,
                    source_end: s.source_end,
                    signal: s.signal.as_str().into(),
                    source_text: source_text
                        .get(s.source_start..s.source_end)
                        .unwrap_or_default()
                        .to_string(),
                    ..SpanView::default()
                })
                .collect(),
        };
        view.locate(entry_layout, &source_layout);
        view
    }
}

/// The kind that says most: exact before near before partial before idea.
fn strongest(list: &[(String, String, f64, MatchKind)]) -> MatchKind {
    list.iter().map(|x| x.3).min().unwrap_or(MatchKind::Partial)
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// "a (90%), b (40%), c (12%) và 4 nguồn khác".
fn named(names: &[String], lang: Lang) -> String {
    let shown = names
        .iter()
        .take(NAMED_IN_FLAG)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match names.len().saturating_sub(NAMED_IN_FLAG) {
        0 => shown,
        more => format!("{shown} {}", (lang.words().copy_flags.and_more)(more)),
    }
}

/// Overlapping spans of several sources become one passage listing them all.
pub fn merge_passages(matches: &[MatchView]) -> Vec<PassageView> {
    let mut spans: Vec<(usize, usize, PassageSource)> = matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind != MatchKind::Idea.as_str())
        .flat_map(|(i, m)| {
            m.spans.iter().map(move |s| {
                (
                    s.entry_start,
                    s.entry_end,
                    PassageSource {
                        source: i,
                        source_start: s.source_start,
                        source_end: s.source_end,
                        signal: s.signal.clone(),
                    },
                )
            })
        })
        .filter(|s| s.1 > s.0)
        .collect();
    spans.sort_by_key(|s| (s.0, s.1, s.2.source));
    let mut out: Vec<PassageView> = Vec::new();
    for (start, end, source) in spans {
        match out.last_mut() {
            Some(p) if start < p.end => {
                p.end = p.end.max(end);
                p.sources.push(source);
            }
            _ => out.push(PassageView {
                start,
                end,
                sources: vec![source],
            }),
        }
    }
    for p in &mut out {
        p.sources.sort_by_key(|s| (s.source, s.source_start));
    }
    out
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
