//! Stage 5: the persistent corpus of prior ideas, a tantivy index beside the contest files.
//!
//! The plans forbid entries that repeat models already applied in the province or published
//! elsewhere, and entries recycled from earlier contests. The council checks that against a
//! memory that grows every year and needs no server: a folder holding a tantivy index.
//!
//! # Layout of the index folder
//! ```text
//! soloai-index/             (default: ./soloai-index, or $SOLOAI_INDEX, or --index DIR)
//!   soloai-meta.json        our marker: format, schema version, analyzer version
//!   tantivy/                tantivy's own files (its meta.json, segments)
//! ```
//! The marker lives beside tantivy's files rather than among them because tantivy already
//! owns a `meta.json`. Without the marker a non-empty folder is refused ([`IndexErrorKind::Foreign`]):
//! soloai never writes into a folder it did not create.
//!
//! # What is stored
//! Per document: everything copy detection needs ([`CorpusDoc`]: kind, contest, year, awarded,
//! the NFC text and the [`Signature`] bytes), so screening never re-extracts the corpus. The
//! text is indexed twice, by syllable and folded to ASCII ([`analyzer`]); queries go to both.
//!
//! # Atomicity
//! `add` commits once per batch of files. A tantivy commit is atomic, so an interrupted `add`
//! leaves the index as it was before, or holding the batches that finished.

pub mod analyzer;
pub mod error;
pub mod front_matter;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use error::{AddFailure, IndexError, IndexErrorKind};

use crate::fingerprint::stats::SourceKey;
use crate::fingerprint::stats::doc_fingerprints;
use crate::fingerprint::{CorpusStats, Signature};
use crate::limits::Limits;
use crate::normalize;

/// Our marker file in the index folder.
pub const META_FILE: &str = "soloai-meta.json";
/// The corpus statistics ([`CorpusStats`]: how many documents hold each passage fingerprint),
/// beside the marker, updated by every `add`, `remove` and `rebuild`.
pub const STATS_FILE: &str = "soloai-shingle-df.bin";
/// Sub-folder holding tantivy's files.
pub const TANTIVY_DIR: &str = "tantivy";
/// Folder used when neither `--index` nor `SOLOAI_INDEX` says otherwise.
pub const DEFAULT_DIR: &str = "soloai-index";
/// Environment variable overriding [`DEFAULT_DIR`].
pub const INDEX_ENV: &str = "SOLOAI_INDEX";
/// Bumped when fields change; an index with another version is refused with a clear error.
pub const SCHEMA_VERSION: u32 = 1;
const FORMAT_NAME: &str = "soloai-corpus";
/// Two indexing threads on the 2-core machines councils use; tantivy needs ≥ 15 MB each.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;
/// Characters of text around the query terms in a search hit.
const SNIPPET_CHARS: usize = 220;
/// How many of an entry's most distinctive terms [`CorpusIndex::bm25_candidates`] queries.
const CANDIDATE_TERMS: usize = 40;

/// The index folder used when none is given: `$SOLOAI_INDEX`, else `./soloai-index`.
pub fn default_dir() -> PathBuf {
    match std::env::var_os(INDEX_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_DIR),
    }
}

/// What a corpus document is: the neutral type shared with copy detection.
pub use crate::fingerprint::CorpusKind;

/// One document of the corpus, as stored: what copy detection and reports need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusDoc {
    /// Short id shown to people: the first 12 hex digits of `content_hash`.
    pub id: String,
    /// SHA-256 of the file's bytes: the identity used to skip duplicates.
    pub content_hash: String,
    /// Path relative to the folder it was added from (that folder's name first), with `/`.
    pub path: String,
    pub kind: CorpusKind,
    pub title: String,
    /// Content area a–h ("đ" included), when known.
    pub area: Option<String>,
    pub province: Option<String>,
    /// Applied since (year or date), as written.
    pub since: Option<String>,
    /// The earlier contest a past entry ran in.
    pub contest: Option<String>,
    pub year: Option<u16>,
    pub awarded: Option<bool>,
    /// Name of the public source the facts come from.
    pub source: Option<String>,
    pub source_url: Option<String>,
    /// The text, NFC.
    pub text: String,
    /// `Signature::to_bytes()` of `text`.
    #[serde(skip)]
    pub signature: Vec<u8>,
}

impl CorpusDoc {
    /// The stored signature, decoded.
    pub fn signature(&self) -> Option<Signature> {
        Signature::from_bytes(&self.signature)
    }
}

/// Settings for [`CorpusIndex::add_paths`]; set fields override the files' front matter.
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    pub kind: Option<CorpusKind>,
    pub contest: Option<String>,
    pub year: Option<u16>,
    pub province: Option<String>,
    pub awarded: Option<bool>,
    pub title: Option<String>,
    pub limits: Limits,
    /// Files per commit; 0 means the default (1,000).
    pub batch_size: usize,
    /// Advanced by one per file read; its length is set to the number of files found.
    pub progress: Option<indicatif::ProgressBar>,
}

/// A document `add` put in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddedDoc {
    pub id: String,
    pub path: String,
    pub title: String,
    pub kind: CorpusKind,
}

/// A file skipped because a document with the same content is already there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateDoc {
    pub path: String,
    pub id: String,
    /// Path of the document already in the index (or earlier in the same batch).
    pub existing_path: String,
}

/// What one `add` did, file by file.
#[derive(Debug, Clone, Default)]
pub struct AddReport {
    pub added: Vec<AddedDoc>,
    pub duplicates: Vec<DuplicateDoc>,
    pub failed: Vec<AddFailure>,
    /// Files in the given folders that are not documents (.xlsx, images, README…).
    pub ignored: Vec<PathBuf>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub path: String,
    pub kind: CorpusKind,
    pub score: f32,
    /// The best passage, HTML-escaped, query terms in `<b>…</b>`.
    pub snippet_html: String,
    /// The best passage as plain text.
    pub snippet_plain: String,
    /// Byte ranges of the query terms inside `snippet_plain`.
    pub highlights: Vec<Range<usize>>,
}

/// Size and make-up of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub dir: PathBuf,
    pub documents: u64,
    pub by_kind: BTreeMap<String, usize>,
    pub by_area: BTreeMap<String, usize>,
    pub text_chars: u64,
    pub bytes_on_disk: u64,
    pub segments: usize,
    pub schema_version: u32,
    pub analyzer_version: u32,
    /// The index was built with another analyzer version: run `corpus rebuild`.
    pub needs_rebuild: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    format: String,
    schema_version: u32,
    analyzer_version: u32,
    soloai_version: String,
}

impl Meta {
    fn current() -> Meta {
        Meta {
            format: FORMAT_NAME.into(),
            schema_version: SCHEMA_VERSION,
            analyzer_version: analyzer::ANALYZER_VERSION,
            soloai_version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    hash: Field,
    title: Field,
    title_folded: Field,
    text: Field,
    text_folded: Field,
    path: Field,
    kind: Field,
    area: Field,
    province: Field,
    since: Field,
    contest: Field,
    year: Field,
    awarded: Field,
    source: Field,
    source_url: Field,
    signature: Field,
}

fn analyzed(tokenizer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

fn build_schema() -> Schema {
    use analyzer::{FOLDED_ANALYZER, SYLLABLE_ANALYZER};
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED);
    b.add_text_field("hash", STRING | STORED);
    b.add_text_field("title", analyzed(SYLLABLE_ANALYZER, true));
    b.add_text_field("title_folded", analyzed(FOLDED_ANALYZER, false));
    b.add_text_field("text", analyzed(SYLLABLE_ANALYZER, true));
    b.add_text_field("text_folded", analyzed(FOLDED_ANALYZER, false));
    b.add_text_field("path", STORED);
    b.add_text_field("kind", STRING | STORED);
    for name in [
        "area",
        "province",
        "since",
        "contest",
        "source",
        "source_url",
    ] {
        b.add_text_field(name, STORED);
    }
    b.add_u64_field("year", STORED);
    b.add_bool_field("awarded", STORED);
    b.add_bytes_field("signature", STORED);
    b.build()
}

fn fields_of(schema: &Schema) -> Result<Fields, String> {
    let f = |name: &str| {
        schema
            .get_field(name)
            .map_err(|_| format!("field '{name}' missing"))
    };
    Ok(Fields {
        id: f("id")?,
        hash: f("hash")?,
        title: f("title")?,
        title_folded: f("title_folded")?,
        text: f("text")?,
        text_folded: f("text_folded")?,
        path: f("path")?,
        kind: f("kind")?,
        area: f("area")?,
        province: f("province")?,
        since: f("since")?,
        contest: f("contest")?,
        year: f("year")?,
        awarded: f("awarded")?,
        source: f("source")?,
        source_url: f("source_url")?,
        signature: f("signature")?,
    })
}

/// The corpus of prior ideas: a tantivy index in a folder.
pub struct CorpusIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    meta: Meta,
    /// Loaded on first use ([`CorpusIndex::corpus_stats`]).
    stats: Option<CorpusStats>,
}

impl std::fmt::Debug for CorpusIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

fn is_empty_dir(dir: &Path) -> std::io::Result<bool> {
    // The run lock (`lock::LOCK_FILE`) is taken before the index is created in the folder.
    Ok(std::fs::read_dir(dir)?
        .flatten()
        .all(|e| e.file_name() == crate::lock::LOCK_FILE))
}

/// Write `bytes` to `path` through a temporary file and a rename, so a reader never sees
/// half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Run tantivy code that may panic on damaged files, turning a panic into an error.
fn guarded<T>(dir: &Path, f: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
    crate::panic_guard::catch(f)
        .unwrap_or_else(|cause| Err(IndexError::new(dir, IndexErrorKind::Corrupt { cause })))
}

impl CorpusIndex {
    /// Open an existing index. A missing, foreign or damaged folder is an [`IndexError`].
    pub fn open(dir: impl AsRef<Path>) -> Result<CorpusIndex, IndexError> {
        let dir = dir.as_ref();
        if !dir.exists() {
            return Err(IndexError::new(dir, IndexErrorKind::Missing));
        }
        if !dir.is_dir() {
            return Err(IndexError::new(dir, IndexErrorKind::Foreign));
        }
        let meta_path = dir.join(META_FILE);
        if !meta_path.exists() {
            let empty = is_empty_dir(dir).map_err(|e| IndexError::io(dir, e))?;
            let kind = if empty {
                IndexErrorKind::Missing
            } else {
                IndexErrorKind::Foreign
            };
            return Err(IndexError::new(dir, kind));
        }
        let meta = read_meta(dir, &meta_path)?;
        guarded(dir, || Self::open_tantivy(dir, meta))
    }

    /// Open the index in `dir`, creating it when the folder does not exist or is empty.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<CorpusIndex, IndexError> {
        let dir = dir.as_ref();
        let fresh = !dir.exists() || (dir.is_dir() && is_empty_dir(dir).unwrap_or(false));
        if fresh {
            std::fs::create_dir_all(dir).map_err(|e| IndexError::io(dir, e))?;
            let meta = serde_json::to_vec_pretty(&Meta::current()).unwrap_or_default();
            write_atomic(&dir.join(META_FILE), &meta).map_err(|e| IndexError::io(dir, e))?;
        }
        Self::open(dir)
    }

    /// A throw-away index in memory, e.g. for screening against a corpus folder given on the
    /// command line without keeping an index. `dir()` is empty; nothing touches the disk.
    pub fn in_memory() -> Result<CorpusIndex, IndexError> {
        let dir = PathBuf::new();
        let index = Index::create_in_ram(build_schema());
        let fields = fields_of(&index.schema())
            .map_err(|cause| IndexError::new(&dir, IndexErrorKind::Corrupt { cause }))?;
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| IndexError::tantivy(&dir, e))?;
        Ok(CorpusIndex {
            dir,
            index,
            reader,
            fields,
            meta: Meta::current(),
            stats: None,
        })
    }

    fn open_tantivy(dir: &Path, meta: Meta) -> Result<CorpusIndex, IndexError> {
        let tantivy_dir = dir.join(TANTIVY_DIR);
        let has_index = tantivy_dir.join("meta.json").exists();
        let index = if has_index {
            Index::open_in_dir(&tantivy_dir).map_err(|e| IndexError::tantivy(dir, e))?
        } else {
            // Our marker is written first; finish a creation that was interrupted.
            std::fs::create_dir_all(&tantivy_dir).map_err(|e| IndexError::io(dir, e))?;
            Index::create_in_dir(&tantivy_dir, build_schema())
                .map_err(|e| IndexError::tantivy(dir, e))?
        };
        let fields = fields_of(&index.schema())
            .map_err(|cause| IndexError::new(dir, IndexErrorKind::Corrupt { cause }))?;
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| IndexError::tantivy(dir, e))?;
        Ok(CorpusIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            meta,
            stats: None,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The index was built with another analyzer version; [`CorpusIndex::rebuild`] fixes it.
    pub fn needs_rebuild(&self) -> bool {
        self.meta.analyzer_version != analyzer::ANALYZER_VERSION
    }

    fn err(&self, e: tantivy::TantivyError) -> IndexError {
        IndexError::tantivy(&self.dir, e)
    }

    fn writer(&self) -> Result<IndexWriter<TantivyDocument>, IndexError> {
        self.index
            .writer_with_num_threads(2, WRITER_MEMORY)
            .map_err(|e| self.err(e))
    }

    fn commit(&mut self, writer: &mut IndexWriter<TantivyDocument>) -> Result<(), IndexError> {
        writer
            .commit()
            .map_err(|e| IndexError::tantivy(&self.dir, e))?;
        self.reader
            .reload()
            .map_err(|e| IndexError::tantivy(&self.dir, e))
    }

    /// Add files and folders (walked recursively). Files are read in parallel, one writer
    /// indexes them, and each batch is committed on its own. A file whose content is already
    /// in the index is skipped and reported; a file that cannot be read is reported and the
    /// others still go in.
    pub fn add_paths(
        &mut self,
        paths: &[PathBuf],
        options: &AddOptions,
    ) -> Result<AddReport, IndexError> {
        let mut report = AddReport::default();
        let mut candidates = Vec::new();
        for path in paths {
            walk(path, &mut candidates, &mut report);
        }
        if let Some(bar) = &options.progress {
            bar.set_length(candidates.len() as u64);
        }
        if candidates.is_empty() {
            return Ok(report);
        }
        let batch_size = if options.batch_size == 0 {
            1_000
        } else {
            options.batch_size
        };
        let mut stats = self.corpus_stats()?;
        let mut writer = self.writer()?;
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for batch in candidates.chunks(batch_size) {
            // Each document read and fingerprinted in parallel (the fingerprints feed the
            // corpus statistics; computed here, not one document at a time below).
            let prepared: Vec<(Result<CorpusDoc, AddFailure>, Vec<u64>)> = batch
                .par_iter()
                .map(|candidate| {
                    let result = prepare(candidate, options);
                    let fingerprints = result
                        .as_ref()
                        .map(|doc| doc_fingerprints(&doc.text))
                        .unwrap_or_default();
                    if let Some(bar) = &options.progress {
                        bar.inc(1);
                    }
                    (result, fingerprints)
                })
                .collect();
            let searcher = self.reader.searcher();
            let mut added_in_batch = 0;
            let mut batch_fingerprints: Vec<(Vec<u64>, SourceKey)> = Vec::new();
            for (result, fingerprints) in prepared {
                let doc = match result {
                    Ok(doc) => doc,
                    Err(failure) => {
                        report.failed.push(failure);
                        continue;
                    }
                };
                let hash_term = Term::from_field_text(self.fields.hash, &doc.content_hash);
                let existing = if let Some(path) = seen.get(&doc.content_hash) {
                    Some(path.clone())
                } else if searcher.doc_freq(&hash_term).map_err(|e| self.err(e))? > 0 {
                    Some(self.path_of_hash(&doc.content_hash)?.unwrap_or_default())
                } else {
                    None
                };
                if let Some(existing_path) = existing {
                    report.duplicates.push(DuplicateDoc {
                        path: doc.path,
                        id: doc.id,
                        existing_path,
                    });
                    continue;
                }
                writer
                    .add_document(self.to_stored(&doc))
                    .map_err(|e| self.err(e))?;
                seen.insert(doc.content_hash.clone(), doc.path.clone());
                batch_fingerprints.push((fingerprints, SourceKey::of(doc.source.as_deref())));
                added_in_batch += 1;
                report.added.push(AddedDoc {
                    id: doc.id,
                    path: doc.path,
                    title: doc.title,
                    kind: doc.kind,
                });
            }
            if added_in_batch > 0 {
                self.commit(&mut writer)?;
                stats.add_many(batch_fingerprints);
                self.save_stats(stats.clone())?;
            }
        }
        writer
            .wait_merging_threads()
            .map_err(|e| IndexError::tantivy(&self.dir, e))?;
        Ok(report)
    }

    fn path_of_hash(&self, hash: &str) -> Result<Option<String>, IndexError> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.hash, hash),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.err(e))?;
        let Some((_, address)) = top.into_iter().next() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
        Ok(Some(text_of(&doc, self.fields.path).unwrap_or_default()))
    }

    fn to_stored(&self, doc: &CorpusDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut out = TantivyDocument::new();
        out.add_text(f.id, &doc.id);
        out.add_text(f.hash, &doc.content_hash);
        out.add_text(f.title, &doc.title);
        out.add_text(f.title_folded, &doc.title);
        out.add_text(f.text, &doc.text);
        out.add_text(f.text_folded, &doc.text);
        out.add_text(f.path, &doc.path);
        out.add_text(f.kind, doc.kind.as_str());
        let optional = [
            (f.area, &doc.area),
            (f.province, &doc.province),
            (f.since, &doc.since),
            (f.contest, &doc.contest),
            (f.source, &doc.source),
            (f.source_url, &doc.source_url),
        ];
        for (field, value) in optional {
            if let Some(value) = value {
                out.add_text(field, value);
            }
        }
        if let Some(year) = doc.year {
            out.add_u64(f.year, u64::from(year));
        }
        if let Some(awarded) = doc.awarded {
            out.add_bool(f.awarded, awarded);
        }
        out.add_bytes(f.signature, &doc.signature);
        out
    }

    fn read_stored(&self, doc: &TantivyDocument) -> Result<CorpusDoc, IndexError> {
        let f = &self.fields;
        let corrupt = |what: &str| {
            IndexError::new(
                &self.dir,
                IndexErrorKind::Corrupt {
                    cause: format!("stored document without {what}"),
                },
            )
        };
        let kind = text_of(doc, f.kind)
            .and_then(|k| k.parse::<CorpusKind>().ok())
            .ok_or_else(|| corrupt("a valid kind"))?;
        Ok(CorpusDoc {
            id: text_of(doc, f.id).ok_or_else(|| corrupt("an id"))?,
            content_hash: text_of(doc, f.hash).ok_or_else(|| corrupt("a content hash"))?,
            path: text_of(doc, f.path).unwrap_or_default(),
            kind,
            title: text_of(doc, f.title).unwrap_or_default(),
            area: text_of(doc, f.area),
            province: text_of(doc, f.province),
            since: text_of(doc, f.since),
            contest: text_of(doc, f.contest),
            year: doc
                .get_first(f.year)
                .and_then(|v| v.as_u64())
                .and_then(|y| u16::try_from(y).ok()),
            awarded: doc.get_first(f.awarded).and_then(|v| v.as_bool()),
            source: text_of(doc, f.source),
            source_url: text_of(doc, f.source_url),
            text: text_of(doc, f.text).unwrap_or_default(),
            signature: doc
                .get_first(f.signature)
                .and_then(|v| v.as_bytes().map(<[u8]>::to_vec))
                .unwrap_or_default(),
        })
    }

    /// Every stored document, in path order: what copy detection reads instead of
    /// re-extracting the corpus.
    pub fn documents(&self) -> Result<impl Iterator<Item = CorpusDoc> + use<>, IndexError> {
        guarded(&self.dir, || {
            let searcher = self.reader.searcher();
            let addresses = searcher
                .search(&AllQuery, &DocSetCollector)
                .map_err(|e| self.err(e))?;
            let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
            addresses.sort();
            let mut docs = Vec::with_capacity(addresses.len());
            for address in addresses {
                let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
                docs.push(self.read_stored(&doc)?);
            }
            docs.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.id.cmp(&b.id)));
            Ok(docs.into_iter())
        })
    }

    /// The documents, in path order (same as [`CorpusIndex::documents`], collected).
    pub fn list(&self) -> Result<Vec<CorpusDoc>, IndexError> {
        Ok(self.documents()?.collect())
    }

    /// Number of documents.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Remove the document whose id is `id` or starts with `id` (at least 4 characters).
    pub fn remove(&mut self, id: &str) -> Result<CorpusDoc, IndexError> {
        let wanted = id.trim().to_ascii_lowercase();
        let docs = self.list()?;
        let mut matches: Vec<CorpusDoc> = docs
            .into_iter()
            .filter(|d| {
                d.id == wanted
                    || d.content_hash == wanted
                    || (wanted.len() >= 4 && d.content_hash.starts_with(&wanted))
            })
            .collect();
        let doc = match matches.len() {
            0 => {
                return Err(IndexError::new(
                    &self.dir,
                    IndexErrorKind::NoSuchDocument { id: id.into() },
                ));
            }
            1 => matches.remove(0),
            count => {
                return Err(IndexError::new(
                    &self.dir,
                    IndexErrorKind::AmbiguousId {
                        id: id.into(),
                        count,
                    },
                ));
            }
        };
        let mut stats = self.corpus_stats()?;
        let mut writer = self.writer()?;
        writer.delete_term(Term::from_field_text(self.fields.hash, &doc.content_hash));
        self.commit(&mut writer)?;
        stats.remove_text(&doc.text, doc.source.as_deref());
        self.save_stats(stats)?;
        Ok(doc)
    }

    fn parse(&self, query: &str, all_words: bool) -> Box<dyn Query> {
        let f = self.fields;
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![f.title, f.title_folded, f.text, f.text_folded],
        );
        parser.set_field_boost(f.title, 1.5);
        parser.set_field_boost(f.title_folded, 1.5);
        if all_words {
            parser.set_conjunction_by_default();
        }
        parser.parse_query_lenient(query).0
    }

    /// Search titles and texts, with and without diacritics. Query syntax is tantivy's
    /// (words, "quoted phrases", +required, -excluded); a malformed query is read leniently.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        if query.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        guarded(&self.dir, || self.search_inner(query, limit))
    }

    fn search_inner(&self, query: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        // Only stop words (or punctuation): tantivy would read that as "everything".
        if analyzer::tokens(query, true).is_empty() {
            return Ok(Vec::new());
        }
        let f = self.fields;
        let query_nfc = normalize::nfc(query);
        let searcher = self.reader.searcher();
        // Every word must match first (what people expect of a search box); when that
        // finds nothing, any word may, ranked by BM25.
        let mut query = self.parse(&query_nfc, true);
        let mut top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| self.err(e))?;
        if top.is_empty() {
            query = self.parse(&query_nfc, false);
            top = searcher
                .search(&query, &TopDocs::with_limit(limit).order_by_score())
                .map_err(|e| self.err(e))?;
        }
        // The folded field holds every query term in the form the folded analyzer gives,
        // and its tokenizer's offsets point into the stored NFC text: one generator
        // highlights matches typed with or without diacritics.
        let mut generator =
            SnippetGenerator::create(&searcher, &*query, f.text_folded).map_err(|e| self.err(e))?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            let doc = self.read_stored(&stored)?;
            let snippet = generator.snippet(&doc.text);
            let (snippet_plain, highlights, snippet_html) = if snippet.is_empty() {
                let plain = leading_chars(&doc.text, SNIPPET_CHARS);
                let html = html_escape(&plain);
                (plain, Vec::new(), html)
            } else {
                (
                    snippet.fragment().to_string(),
                    snippet.highlighted().to_vec(),
                    snippet.to_html(),
                )
            };
            hits.push(Hit {
                id: doc.id,
                title: doc.title,
                path: doc.path,
                kind: doc.kind,
                score,
                snippet_html,
                snippet_plain,
                highlights,
            });
        }
        Ok(hits)
    }

    /// The `k` corpus documents that best match `text` by BM25 on its most distinctive
    /// syllables (highest tf·idf against the corpus), as `(id, score)`, best first. Copy
    /// detection uses these as candidates beside its MinHash ones; `idea` matches with little
    /// shared wording still share rare terms.
    pub fn bm25_candidates(&self, text: &str, k: usize) -> Result<Vec<(String, f32)>, IndexError> {
        if k == 0 {
            return Ok(Vec::new());
        }
        guarded(&self.dir, || self.bm25_inner(text, k))
    }

    fn bm25_inner(&self, text: &str, k: usize) -> Result<Vec<(String, f32)>, IndexError> {
        let searcher = self.reader.searcher();
        let total = searcher.num_docs() as f32;
        if total == 0.0 {
            return Ok(Vec::new());
        }
        let mut tf: BTreeMap<String, u32> = BTreeMap::new();
        for token in analyzer::tokens(text, false) {
            *tf.entry(token).or_insert(0) += 1;
        }
        let mut weighted = Vec::with_capacity(tf.len());
        for (token, count) in tf {
            let term = Term::from_field_text(self.fields.text, &token);
            let df = searcher.doc_freq(&term).map_err(|e| self.err(e))? as f32;
            if df == 0.0 {
                continue;
            }
            let idf = (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
            weighted.push(((1.0 + (count as f32).ln()) * idf, term));
        }
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
        weighted.truncate(CANDIDATE_TERMS);
        if weighted.is_empty() {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = weighted
            .into_iter()
            .map(|(_, term)| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, query)
            })
            .collect();
        let query = BooleanQuery::new(clauses);
        let top = searcher
            .search(&query, &TopDocs::with_limit(k).order_by_score())
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            if let Some(id) = text_of(&doc, self.fields.id) {
                out.push((id, score));
            }
        }
        Ok(out)
    }

    /// Counts by kind and area, size on disk, versions.
    pub fn stats(&self) -> Result<Stats, IndexError> {
        let docs = self.list()?;
        let mut by_kind = BTreeMap::new();
        let mut by_area = BTreeMap::new();
        let mut text_chars = 0u64;
        for doc in &docs {
            *by_kind.entry(doc.kind.as_str().to_string()).or_insert(0) += 1;
            if let Some(area) = &doc.area {
                *by_area.entry(area.clone()).or_insert(0) += 1;
            }
            text_chars += doc.text.chars().count() as u64;
        }
        Ok(Stats {
            dir: self.dir.clone(),
            documents: docs.len() as u64,
            by_kind,
            by_area,
            text_chars,
            bytes_on_disk: dir_size(&self.dir),
            segments: self.reader.searcher().segment_readers().len(),
            schema_version: self.meta.schema_version,
            analyzer_version: self.meta.analyzer_version,
            needs_rebuild: self.needs_rebuild(),
        })
    }

    /// How many corpus documents, from how many sources, hold each passage fingerprint: what
    /// copy detection needs to tell wording many documents share from copying. Read from
    /// [`STATS_FILE`]; when that is missing, damaged, of an older format (version 1 had no
    /// sources: an index made before them upgrades here, on its first use, with nothing to
    /// run) or out of step with the index (an `add` interrupted between its commit and the
    /// write), counted again from the stored texts and their `source`, and written back.
    pub fn corpus_stats(&mut self) -> Result<CorpusStats, IndexError> {
        if let Some(stats) = &self.stats {
            return Ok(stats.clone());
        }
        let docs = self.len() as usize;
        let stored = (!self.dir.as_os_str().is_empty())
            .then(|| std::fs::read(self.dir.join(STATS_FILE)).ok())
            .flatten()
            .and_then(|bytes| CorpusStats::from_bytes(&bytes))
            .filter(|s| s.docs() == docs);
        let stats = match stored {
            Some(s) => s,
            None => {
                let texts: Vec<CorpusDoc> = self.list()?;
                let all: Vec<(Vec<u64>, SourceKey)> = texts
                    .par_iter()
                    .map(|d| {
                        (
                            doc_fingerprints(&d.text),
                            SourceKey::of(d.source.as_deref()),
                        )
                    })
                    .collect();
                let mut s = CorpusStats::default();
                s.add_many(all);
                if docs > 0 {
                    self.save_stats(s.clone())?;
                }
                s
            }
        };
        self.stats = Some(stats.clone());
        Ok(stats)
    }

    /// Keep `stats` as the index's statistics, on disk too (atomically).
    fn save_stats(&mut self, stats: CorpusStats) -> Result<(), IndexError> {
        if !self.dir.as_os_str().is_empty() {
            let path = self.dir.join(STATS_FILE);
            let tmp = path.with_extension("bin.tmp");
            std::fs::write(&tmp, stats.to_bytes())
                .and_then(|()| std::fs::rename(&tmp, &path))
                .map_err(|e| IndexError::io(&self.dir, e))?;
        }
        self.stats = Some(stats);
        Ok(())
    }

    /// Re-index every stored document from its stored text (after an analyzer or signature
    /// change), in one commit: the index is either all old or all new.
    pub fn rebuild(&mut self) -> Result<usize, IndexError> {
        let docs = self.list()?;
        let mut writer = self.writer()?;
        writer.delete_all_documents().map_err(|e| self.err(e))?;
        let count = docs.len();
        let stats =
            CorpusStats::from_docs(docs.iter().map(|d| (d.text.as_str(), d.source.as_deref())));
        for mut doc in docs {
            doc.signature = Signature::compute(&doc.text).to_bytes();
            writer
                .add_document(self.to_stored(&doc))
                .map_err(|e| self.err(e))?;
        }
        self.commit(&mut writer)?;
        writer
            .wait_merging_threads()
            .map_err(|e| IndexError::tantivy(&self.dir, e))?;
        self.save_stats(stats)?;
        self.meta.analyzer_version = analyzer::ANALYZER_VERSION;
        if self.dir.as_os_str().is_empty() {
            return Ok(count);
        }
        let meta = serde_json::to_vec_pretty(&self.meta).unwrap_or_default();
        write_atomic(&self.dir.join(META_FILE), &meta).map_err(|e| IndexError::io(&self.dir, e))?;
        Ok(count)
    }
}

fn read_meta(dir: &Path, meta_path: &Path) -> Result<Meta, IndexError> {
    let bytes = std::fs::read(meta_path).map_err(|e| IndexError::io(dir, e))?;
    let meta: Meta = serde_json::from_slice(&bytes).map_err(|e| {
        IndexError::new(
            dir,
            IndexErrorKind::CorruptMeta {
                cause: e.to_string(),
            },
        )
    })?;
    if meta.format != FORMAT_NAME {
        return Err(IndexError::new(
            dir,
            IndexErrorKind::CorruptMeta {
                cause: format!("format '{}' is not '{FORMAT_NAME}'", meta.format),
            },
        ));
    }
    if meta.schema_version != SCHEMA_VERSION {
        return Err(IndexError::new(
            dir,
            IndexErrorKind::SchemaVersion {
                found: meta.schema_version,
                expected: SCHEMA_VERSION,
            },
        ));
    }
    Ok(meta)
}

fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

fn leading_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(t) if t.is_dir() => dir_size(&entry.path()),
            Ok(_) => entry.metadata().map(|m| m.len()).unwrap_or(0),
            Err(_) => 0,
        })
        .sum()
}

/// A file found by [`walk`], with the path stored for it.
#[derive(Debug, Clone)]
struct Candidate {
    file: PathBuf,
    stored_path: String,
}

/// Extensions read from inside folders; a file named on the command line is always tried.
const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "docx", "pdf", "doc", "odt"];
/// Deeper than this a folder tree is a link loop or a mistake.
const MAX_DEPTH: usize = 32;

fn walk(root: &Path, out: &mut Vec<Candidate>, report: &mut AddReport) {
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => {
            let base = root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default();
            walk_dir(root, &base, 0, out, report);
        }
        Ok(_) => out.push(Candidate {
            file: root.to_path_buf(),
            stored_path: stored_file_path(root),
        }),
        Err(e) => report
            .failed
            .push(AddFailure::Extract(crate::ExtractError::new(
                root,
                crate::ExtractErrorKind::Io {
                    cause: e.to_string(),
                },
            ))),
    }
}

fn walk_dir(
    dir: &Path,
    prefix: &str,
    depth: usize,
    out: &mut Vec<Candidate>,
    report: &mut AddReport,
) {
    if depth > MAX_DEPTH {
        report.ignored.push(dir.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            report.failed.push(AddFailure::Walk {
                path: dir.to_path_buf(),
                cause: crate::safe_fs::io_cause(&e),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let stored = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk_dir(&path, &stored, depth + 1, out, report);
        } else if is_document_name(&name) {
            out.push(Candidate {
                file: path,
                stored_path: stored,
            });
        } else {
            report.ignored.push(path);
        }
    }
}

/// README files describe a folder of documents; they are not documents themselves.
fn is_document_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    if lower.starts_with("readme") {
        return false;
    }
    Path::new(&lower)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e))
}

/// A file named on the command line: its path as given when relative, else its name.
fn stored_file_path(file: &Path) -> String {
    let shown = if file.is_absolute() {
        file.file_name().map(PathBuf::from).unwrap_or_default()
    } else {
        file.components().collect::<PathBuf>()
    };
    shown.to_string_lossy().replace('\\', "/")
}

const AREAS: &[&str] = &["a", "b", "c", "d", "đ", "e", "g", "h"];

/// Read one file into a [`CorpusDoc`]: front matter when it has one, else the extraction core.
fn prepare(candidate: &Candidate, options: &AddOptions) -> Result<CorpusDoc, AddFailure> {
    let path = &candidate.file;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let textual = matches!(ext.as_str(), "md" | "markdown" | "txt" | "");
    let mut front = front_matter::FrontMatter::default();
    let (text, hash, extracted_title) = if textual {
        let bytes = read_limited(path, &options.limits)?;
        match front_matter::parse(&bytes) {
            Ok(Some(parsed)) => {
                front = parsed.front;
                (parsed.body, crate::extract::content_hash(&bytes), None)
            }
            Ok(None) => {
                let doc = crate::extract::extract_bytes(path, &bytes, &options.limits)
                    .map_err(AddFailure::Extract)?;
                (doc.text, doc.content_hash, doc.metadata.title)
            }
            Err(e) => {
                let cause = match e {
                    front_matter::FrontMatterError::NotUtf8 => "not UTF-8".to_string(),
                    front_matter::FrontMatterError::Unclosed => "no closing +++ line".to_string(),
                    front_matter::FrontMatterError::Toml(m) => m,
                };
                return Err(AddFailure::FrontMatter {
                    path: path.clone(),
                    cause,
                });
            }
        }
    } else {
        let doc = crate::extract::extract_path_with(path, &options.limits)
            .map_err(AddFailure::Extract)?;
        (doc.text, doc.content_hash, doc.metadata.title)
    };
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(AddFailure::NoText { path: path.clone() });
    }
    let bad = |cause: String| AddFailure::FrontMatter {
        path: path.clone(),
        cause,
    };
    let kind = match (options.kind, &front.kind) {
        (Some(kind), _) => kind,
        (None, Some(kind)) => kind.parse().map_err(bad)?,
        (None, None) => CorpusKind::Published,
    };
    let area = match &front.area {
        Some(area) => {
            let area = area.to_lowercase();
            if !AREAS.contains(&area.as_str()) {
                return Err(bad(format!(
                    "area '{area}' is not one of a, b, c, d, đ, e, g, h"
                )));
            }
            Some(area)
        }
        None => None,
    };
    let year = match (options.year, front.year) {
        (Some(year), _) => Some(year),
        (None, Some(year)) => Some(
            u16::try_from(year)
                .ok()
                .filter(|y| (1945..=2200).contains(y))
                .ok_or_else(|| bad(format!("year {year} is not a year")))?,
        ),
        (None, None) => None,
    };
    let title = options
        .title
        .clone()
        .or(front.title.clone())
        .or(extracted_title.filter(|t| !t.trim().is_empty()))
        .or_else(|| {
            text.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(|l| leading_chars(l, 120))
        })
        .unwrap_or_else(|| candidate.stored_path.clone());
    let since = front.since_text();
    let signature = Signature::compute(&text).to_bytes();
    let nfc_opt = |s: Option<String>| s.map(|s| normalize::nfc(s.trim()));
    Ok(CorpusDoc {
        id: hash.chars().take(12).collect(),
        content_hash: hash,
        path: candidate.stored_path.clone(),
        kind,
        title: normalize::nfc(title.trim()),
        area,
        province: nfc_opt(options.province.clone().or(front.province)),
        since,
        contest: nfc_opt(options.contest.clone().or(front.contest)),
        year,
        awarded: options.awarded.or(front.awarded),
        source: front.source,
        source_url: front.source_url,
        text,
        signature,
    })
}

fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>, AddFailure> {
    // Opened once, never through a link or a FIFO, never past the limit (issue #14).
    crate::safe_fs::read_regular(path, limits.max_file_bytes)
        .map_err(|e| AddFailure::Extract(crate::ExtractError::from((path, e))))
}

/// What the answers of [`CorpusIndex::bm25_candidates`] with `k` hits depend on besides the
/// query text: every document's id and content (its hash and the length of its text) in the
/// order given — the order of [`CorpusIndex::documents`] —, the terms a query takes and this
/// way of scoring. A screening keeps the last run's hits under it, so an entry whose text and
/// corpus are unchanged is not searched again.
pub fn bm25_state(docs: &[CorpusDoc], k: usize) -> u64 {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"soloai-bm25-1");
    for n in [u64::from(SCHEMA_VERSION), CANDIDATE_TERMS as u64, k as u64] {
        h.update(n.to_le_bytes());
    }
    for d in docs {
        for part in [&d.id, &d.content_hash] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.update((d.text.len() as u64).to_le_bytes());
    }
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_folder_that_cannot_be_made_is_said_in_the_reader_s_words() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("tep");
        std::fs::write(&file, b"x")?;
        let Err(err) = CorpusIndex::open_or_create(file.join("kho")) else {
            panic!("an index below a file");
        };
        assert_eq!(
            err.kind,
            IndexErrorKind::Io {
                cause: "not-a-directory".into()
            }
        );
        assert_eq!(
            err.message(crate::lang::Lang::Vi),
            "Không đọc/ghi được thư mục kho (không phải thư mục). Kiểm tra quyền truy cập và dung lượng đĩa."
        );
        Ok(())
    }

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn kinds_round_trip_through_text() {
        for kind in CorpusKind::ALL {
            assert_eq!(kind.as_str().parse::<CorpusKind>(), Ok(kind));
        }
        assert!("khác".parse::<CorpusKind>().is_err());
    }

    #[test]
    fn add_search_remove_round_trip() {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("kho");
        write(
            &docs,
            "c/mot-cua.md",
            "+++\ntitle = \"Bộ phận một cửa liên thông\"\nkind = \"applied\"\narea = \"c\"\nyear = 2019\n+++\nNgười dân nộp hồ sơ thủ tục hành chính tại một cửa.\n",
        );
        write(
            &docs,
            "h/ca-phe.txt",
            "Cà phê doanh nhân: lãnh đạo tỉnh đối thoại với doanh nghiệp.\n",
        );
        write(&docs, "README.md", "Thư mục kho.\n");
        let mut index = CorpusIndex::open_or_create(tmp.path().join("idx")).unwrap();
        let report = index
            .add_paths(std::slice::from_ref(&docs), &AddOptions::default())
            .unwrap();
        assert_eq!(report.added.len(), 2, "{report:?}");
        assert!(report.failed.is_empty());
        assert_eq!(report.ignored.len(), 1);

        let hits = index.search("mot cua", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].path, "kho/c/mot-cua.md");
        assert_eq!(hits[0].kind, CorpusKind::Applied);
        assert!(
            hits[0].snippet_html.contains("<b>một</b>"),
            "{}",
            hits[0].snippet_html
        );

        let listed = index.list().unwrap();
        assert_eq!(listed[0].year, Some(2019));
        assert_eq!(listed[0].area.as_deref(), Some("c"));
        assert_eq!(
            listed[1].title,
            "Cà phê doanh nhân: lãnh đạo tỉnh đối thoại với doanh nghiệp."
        );
        assert_eq!(listed[1].kind, CorpusKind::Published);

        let again = index.add_paths(&[docs], &AddOptions::default()).unwrap();
        assert!(again.added.is_empty());
        assert_eq!(again.duplicates.len(), 2);

        let removed = index.remove(&listed[0].id[..6]).unwrap();
        assert_eq!(removed.path, "kho/c/mot-cua.md");
        assert!(index.search("một cửa", 10).unwrap().is_empty());
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn the_bm25_state_changes_with_the_documents_and_the_hits_asked_for() {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("kho");
        write(
            &docs,
            "a.txt",
            "Tra cứu thủ tục bằng mã QR dán tại bộ phận tiếp nhận.",
        );
        let mut index = CorpusIndex::open_or_create(tmp.path().join("idx")).unwrap();
        index
            .add_paths(std::slice::from_ref(&docs), &AddOptions::default())
            .unwrap();
        let one = index.list().unwrap();
        assert_eq!(bm25_state(&one, 5), bm25_state(&index.list().unwrap(), 5));
        assert_ne!(bm25_state(&one, 5), bm25_state(&one, 6));
        write(
            &docs,
            "b.txt",
            "Trả kết quả thủ tục qua dịch vụ bưu chính công ích.",
        );
        index.add_paths(&[docs], &AddOptions::default()).unwrap();
        let two = index.list().unwrap();
        assert_ne!(bm25_state(&one, 5), bm25_state(&two, 5));
        // The same file's text read otherwise (another reader version): another state.
        let mut reread = two.clone();
        reread[0].text.push_str(" Thêm.");
        assert_ne!(bm25_state(&two, 5), bm25_state(&reread, 5));
        assert_ne!(bm25_state(&[], 5), bm25_state(&one, 5));
    }

    #[test]
    fn bm25_candidates_rank_the_document_sharing_rare_terms_first() {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("kho");
        write(
            &docs,
            "a.txt",
            "Tra cứu thủ tục bằng mã QR dán tại bộ phận tiếp nhận.",
        );
        write(
            &docs,
            "b.txt",
            "Trả kết quả thủ tục qua dịch vụ bưu chính công ích.",
        );
        write(
            &docs,
            "c.txt",
            "Chấm điểm năng lực cạnh tranh cấp sở, ngành và huyện.",
        );
        let mut index = CorpusIndex::open_or_create(tmp.path().join("idx")).unwrap();
        index.add_paths(&[docs], &AddOptions::default()).unwrap();
        let entry = "Đề xuất: niêm yết mã QR để người dân quét và tra cứu thủ tục.";
        let candidates = index.bm25_candidates(entry, 2).unwrap();
        let top = &candidates[0].0;
        let doc = index
            .list()
            .unwrap()
            .into_iter()
            .find(|d| &d.id == top)
            .unwrap();
        assert_eq!(doc.path, "kho/a.txt");
        assert!(index.bm25_candidates("", 3).unwrap().is_empty());
    }

    #[test]
    fn in_memory_index_works_without_a_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let file = write(
            tmp.path(),
            "kiosk.txt",
            "Ki-ốt đánh giá mức độ hài lòng đặt tại bộ phận một cửa.",
        );
        let mut index = CorpusIndex::in_memory().unwrap();
        let report = index.add_paths(&[file], &AddOptions::default()).unwrap();
        assert_eq!(report.added.len(), 1);
        assert_eq!(index.search("hai long", 5).unwrap()[0].path, "kiosk.txt");
        assert_eq!(index.rebuild().unwrap(), 1);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn rebuild_keeps_every_document_searchable() {
        let tmp = tempfile::tempdir().unwrap();
        let file = write(
            tmp.path(),
            "zalo.txt",
            "Tài khoản Zalo chính thức trả lời người dân.",
        );
        let mut index = CorpusIndex::open_or_create(tmp.path().join("idx")).unwrap();
        index.add_paths(&[file], &AddOptions::default()).unwrap();
        assert_eq!(index.rebuild().unwrap(), 1);
        assert_eq!(index.search("zalo", 5).unwrap().len(), 1);
        assert!(!index.stats().unwrap().needs_rebuild);
    }
}
