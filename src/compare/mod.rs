//! Stage 6: copy detection — fingerprints, candidates, passage alignment, match kinds.
//!
//! Works on plain strings, so it knows nothing of file formats and nothing of Vietnamese
//! beyond Unicode (English entries are compared the same way). All spans are **byte offsets**
//! into the text given for each document — for an entry, [`crate::Extracted::text`].
//!
//! How a batch is compared ([`detect`]):
//! 1. each document is cut into words ([`tokens`]); quotations and legal citations are marked
//!    excluded ([`exclude`]), and so is anything aligned with a `template` corpus document and
//!    any wording many corpus documents share (measured: [`CorpusStats`], given as data);
//! 2. identical and near-identical entries form copy groups before anything else;
//! 3. candidates, never all N² pairs: LSH banding over MinHash sketches (whole-document
//!    resemblance), shared winnowed shingles (one copied paragraph), shared distinctive terms
//!    (same idea), plus any pairs the caller adds (BM25 from the corpus index);
//! 4. each candidate pair is verified by two signals — verbatim passage alignment ([`align`])
//!    and sentence alignment that survives rewording ([`paraphrase`]) — and tf-idf similarity
//!    ([`idea`]); a passage quoting a legal document right after citing it is excluded;
//! 5. each match gets a [`MatchKind`] by the [`Thresholds`] and says its [`Signal`].
//!
//! The module never reaches into the corpus index: what it needs of the corpus (texts,
//! sketches, statistics) arrives as data.
//!
//! Corpus documents are only ever compared with entries, never with each other.

pub mod align;
mod detect;
pub mod exclude;
pub mod idea;
pub mod paraphrase;
mod recycled;
/// The synthetic contest generator: for tests and benches only, never the library's API
/// (benches include the file as a path module).
#[cfg(test)]
#[allow(dead_code)]
pub(crate) mod synth;

/// Re-exported for callers that cut texts the way comparison does.
pub use crate::fingerprint::{shingles as fingerprint, tokens};
pub use detect::{
    DetectOptions, PreparedCorpus, PreparedEntries, PreparedSentences, corpus_digest, detect,
    detect_with, entries_context, flag_worthy, prepare_corpus, prepare_entries,
};
pub use exclude::Reason;
pub use recycled::{
    Finding, FindingCode, FindingReason, RevisionInfo, receiving_point_findings, recycled_finding,
};

use serde::{Deserialize, Serialize};

use crate::Lang;

/// An entry (bài dự thi) as copy detection sees it.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// How reports name it (usually the file name).
    pub id: &'a str,
    /// The extracted text (NFC); spans are byte offsets into it.
    pub text: &'a str,
    /// Receiving point (đầu mối tiếp nhận) it was sent to, from the manifest.
    pub receiving_point: Option<&'a str>,
}

/// What a corpus document is (applied model, published solution, past entry, template), and
/// the sketch the index stores for it: neutral types both stages share.
pub use crate::fingerprint::{CorpusKind, CorpusStats, Signature};

/// A document of the corpus of prior ideas.
#[derive(Debug, Clone, Copy)]
pub struct CorpusInput<'a> {
    pub id: &'a str,
    /// Spans into the corpus document are byte offsets into this text.
    pub text: &'a str,
    pub kind: CorpusKind,
    /// For `PastEntry`: the contest it ran in, and when.
    pub contest: Option<&'a str>,
    pub year: Option<u16>,
    /// For `PastEntry`: whether it won a prize.
    pub awarded: Option<bool>,
    /// The sketch stored in the corpus index, if any (computed from `text` otherwise).
    pub signature: Option<&'a Signature>,
}

impl<'a> CorpusInput<'a> {
    /// A corpus document known only by its name, text and kind (no past contest, no stored
    /// sketch).
    pub fn new(id: &'a str, text: &'a str, kind: CorpusKind) -> Self {
        CorpusInput {
            id,
            text,
            kind,
            contest: None,
            year: None,
            awarded: None,
            signature: None,
        }
    }
}

/// What a match is with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "index")]
pub enum Source {
    /// Another entry (index into the `entries` slice); always greater than the match's entry.
    Entry(usize),
    /// A corpus document (index into the `corpus` slice).
    Corpus(usize),
}

/// How much was taken, from the council's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// Word for word, (nearly) all of it.
    Exact,
    /// Most of it, with light edits.
    Near,
    /// One or more copied passages inside otherwise original text.
    Partial,
    /// The same solution in other words.
    Idea,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Near => "near",
            MatchKind::Partial => "partial",
            MatchKind::Idea => "idea",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MatchKind::Exact => lang.words().matching.kind_exact,
            MatchKind::Near => lang.words().matching.kind_near,
            MatchKind::Partial => lang.words().matching.kind_partial,
            MatchKind::Idea => lang.words().matching.kind_idea,
        }
    }

    /// Copying of wording (everything but `Idea`).
    pub fn is_copy(self) -> bool {
        !matches!(self, MatchKind::Idea)
    }
}

/// Which signal found a match or a passage (every match says it).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    /// Runs of identical words (five syllables and more), light edits bridged.
    #[default]
    Verbatim,
    /// Sentences with the same content words, reworded (synonyms, particles, order).
    Paraphrase,
    /// The same distinctive terms over the whole text, little shared wording.
    Idea,
}

impl Signal {
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Verbatim => "verbatim",
            Signal::Paraphrase => "paraphrase",
            Signal::Idea => "idea",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Signal::Verbatim => lang.words().matching.signal_verbatim,
            Signal::Paraphrase => lang.words().matching.signal_paraphrase,
            Signal::Idea => lang.words().matching.signal_idea,
        }
    }
}

/// One matched passage: byte ranges in the entry's text and in the source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSpan {
    pub entry_start: usize,
    pub entry_end: usize,
    pub source_start: usize,
    pub source_end: usize,
    /// Words of the entry in the passage (excluded words not counted).
    pub words: usize,
    /// Found word for word, or as reworded sentences.
    #[serde(default)]
    pub signal: Signal,
}

/// An entry matched with another entry or a corpus document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index into `entries`.
    pub entry: usize,
    pub source: Source,
    pub kind: MatchKind,
    /// The signal that carries most of the match.
    pub signal: Signal,
    /// The figure the kind was decided on: containment for copies (verbatim and paraphrased
    /// words together), `idea_similarity` for ideas.
    pub score: f64,
    /// Share of the entry's counted words inside matched passages (either signal).
    pub entry_share: f64,
    /// Share of the source's counted words inside matched passages.
    pub source_share: f64,
    /// Share of the entry's counted words in verbatim passages.
    pub verbatim_share: f64,
    /// Share of the entry's counted words only in paraphrased passages.
    pub paraphrase_share: f64,
    /// Matched words over the words of both (Jaccard-like resemblance).
    pub resemblance: f64,
    /// Share of matched words that are word-for-word identical (the rest bridge edits).
    pub identity: f64,
    /// tf-idf cosine similarity over content words.
    pub idea_similarity: f64,
    pub spans: Vec<MatchSpan>,
}

/// A byte range left out of every figure, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedSpan {
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
}

/// The outcome of comparing a batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    /// Sorted by entry, then source.
    pub matches: Vec<Match>,
    /// Per entry (same order as `entries`): what was excluded.
    pub excluded: Vec<Vec<ExcludedSpan>>,
    /// Per entry: share of its counted words not in any copied passage (1.0 = original).
    pub originality: Vec<f64>,
    /// Entries linked by exact or near matches with each other, each group sorted, 2+ members.
    pub clusters: Vec<Vec<usize>>,
    /// How much work candidate generation saved.
    pub stats: DetectStats,
}

/// Counters that show the N² wall was not climbed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectStats {
    pub entries: usize,
    pub corpus: usize,
    /// Pairs verified by alignment.
    pub candidate_pairs: usize,
    pub from_sketch: usize,
    pub from_shingles: usize,
    pub from_terms: usize,
    pub from_caller: usize,
    /// Pairs of entries with the same words, matched without alignment.
    pub identical_pairs: usize,
}

/// Where copy detection draws its lines. Lives in the contest profile (`[compare]`), so a
/// council can tune it and each report can explain it in one sentence. The compare stage
/// owns the meaning of each field and may add fields (always with a default).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Containment (share of the entry covered by matched passages) from which a match is `exact`.
    pub exact_min: f64,
    /// Containment from which a match is `near` (light edits).
    pub near_min: f64,
    /// Shortest copied passage, in words, that makes a `partial` match.
    pub min_passage_words: usize,
    /// Term-weighted similarity from which a match with little shared wording is an `idea` match.
    pub idea_min: f64,
    /// A passage shared by more than this share of all entries is treated as template text.
    pub template_share: f64,
    /// Share of new text a recycled entry needs to count as really revised.
    pub revision_min_new_share: f64,
    /// Share of matched words that must be word-for-word identical for `exact` (else `near`).
    pub exact_identity: f64,
    /// Shortest aligned passage, in words, counted at all (shorter ones are common phrases).
    pub min_span_words: usize,
    /// Largest run of edited words bridged inside one passage.
    pub max_gap_words: usize,
    /// A passage is auto-template only if at least this many entries share it (small batches).
    pub template_min_entries: usize,
    /// Copy share below which a high `idea_similarity` is reported as `idea`.
    pub idea_max_copy_share: f64,
    /// Wording held by at least this many corpus documents is "cụm từ phổ biến": excluded
    /// and shown as such, never counted (0 turns it off) — when it also comes from
    /// `common_min_sources` sources or `common_min_share` of the corpus.
    pub common_min_docs: usize,
    /// Distinct sources (front matter `source`; a document naming none is a source of its
    /// own) the documents holding common wording must come from: five documents of one
    /// publisher repeating its own paragraph are one voice (1 = documents alone decide).
    pub common_min_sources: usize,
    /// Share of all corpus documents from which wording is common even from fewer sources
    /// (0 turns this path off).
    pub common_min_share: f64,
    /// Similarity of two sentences (idf-weighted Jaccard of content syllables and half-weight
    /// syllable bigrams) from which they seed a paraphrased passage; chosen on vnPara's train
    /// split (`benches/detect_real.rs`).
    pub paraphrase_seed_min: f64,
    /// Sources shown side by side on an entry page (the largest shares); every source is
    /// listed in its table.
    pub max_panes: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            exact_min: 0.9,
            near_min: 0.6,
            min_passage_words: 25,
            idea_min: 0.5,
            template_share: 0.3,
            revision_min_new_share: 0.3,
            exact_identity: 0.97,
            min_span_words: 12,
            max_gap_words: 20,
            template_min_entries: 5,
            idea_max_copy_share: 0.3,
            common_min_docs: 5,
            common_min_sources: 2,
            common_min_share: 0.01,
            paraphrase_seed_min: 0.3,
            max_panes: 20,
        }
    }
}

impl Thresholds {
    /// The thresholds in one sentence, for the head of every report.
    pub fn explain(&self, lang: Lang) -> String {
        (lang.words().thresholds_explained)(self)
    }
}
