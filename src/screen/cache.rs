//! Extraction results cached by content hash, so a re-run after five new entries arrive
//! reads only those five. The cache lives in the output folder (`.soloai-cache/`); a file is
//! keyed by the SHA-256 of its bytes and the cache format version, so an edited entry is read
//! again and a newer soloai never trusts an older layout.
//!
//! Beside the documents it keeps the corpus prepared for copy detection
//! ([`crate::compare::PreparedCorpus`]: fingerprints, exclusions and term counts of every
//! corpus document), keyed by the digest of the corpus texts, statistics and thresholds it
//! was made from; only the latest one is kept. Likewise the entries prepared for copy
//! detection ([`crate::compare::PreparedEntries`]: each entry text's fingerprints, sketches,
//! exclusions and term counts, found by the text's SHA-256), the latest batch's only, each
//! entry text's BM25 hits in the corpus index ([`Bm25Hits`]), the latest batch's only, and the
//! sentences of every document compared cut into terms ([`crate::compare::PreparedSentences`],
//! found by the SHA-256 of the text and its exclusions), the latest screening's only.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::model::Extracted;

/// Bump when `Extracted` or any reader changes what it produces.
const CACHE_VERSION: u32 = 3;

/// The corpus documents (ids) BM25 found for each entry text, by the text's SHA-256 in hex
/// ([`Bm25Hits::key`]), under the state of the index they were found in
/// ([`crate::index::bm25_state`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bm25Hits {
    pub state: u64,
    pub hits: BTreeMap<String, Vec<String>>,
}

impl Bm25Hits {
    /// What the hits of `text` are found by: its SHA-256 in hex, as a file's content hash.
    pub fn key(text: &str) -> String {
        crate::extract::content_hash(text.as_bytes())
    }
}

#[derive(Debug, Clone)]
pub struct ExtractionCache {
    dir: PathBuf,
    /// Hashes stored by this run: a later hit on one is an identical file, not a cache hit.
    stored: Arc<Mutex<HashSet<String>>>,
}

impl ExtractionCache {
    pub fn new(out_dir: &Path) -> Self {
        ExtractionCache {
            dir: out_dir.join(".soloai-cache"),
            stored: Arc::default(),
        }
    }

    fn path_for(&self, content_hash: &str) -> PathBuf {
        self.dir
            .join(format!("v{CACHE_VERSION}-{content_hash}.json"))
    }

    /// The cached document for these bytes, if any (a damaged cache file is ignored).
    pub fn get(&self, content_hash: &str) -> Option<Extracted> {
        let bytes = read_cached(&self.path_for(content_hash))?;
        serde_json::from_slice(&bytes).ok()
    }

    fn corpus_path(&self, digest: u64) -> PathBuf {
        self.dir
            .join(format!("v{CACHE_VERSION}-corpus-{digest:016x}.bin"))
    }

    /// The corpus prepared by an earlier run from the same corpus, statistics and thresholds
    /// ([`crate::compare::corpus_digest`]); a damaged or foreign file is ignored.
    pub fn prepared_corpus(&self, digest: u64) -> Option<crate::compare::PreparedCorpus> {
        let bytes = read_cached(&self.corpus_path(digest))?;
        crate::compare::PreparedCorpus::from_bytes(&bytes).filter(|p| p.digest() == digest)
    }

    /// Keep a prepared corpus for the next run, and remove the ones this cache kept before
    /// (they were made from another corpus or other thresholds). Failures are ignored: they
    /// only cost preparing the corpus again.
    pub fn put_prepared_corpus(&self, prepared: &crate::compare::PreparedCorpus) {
        self.put_latest(
            "-corpus-",
            &self.corpus_path(prepared.digest()),
            &prepared.to_bytes(),
        );
    }

    fn entries_path(&self, context: u64) -> PathBuf {
        self.dir
            .join(format!("v{CACHE_VERSION}-entries-{context:016x}.bin"))
    }

    /// The entries prepared by an earlier run under the same context
    /// ([`crate::compare::entries_context`]: template documents, corpus statistics,
    /// thresholds); a damaged or foreign file is ignored.
    pub fn prepared_entries(&self, context: u64) -> Option<crate::compare::PreparedEntries> {
        let bytes = read_cached(&self.entries_path(context))?;
        crate::compare::PreparedEntries::from_bytes(&bytes).filter(|p| p.context() == context)
    }

    /// Keep the prepared entries of this batch for the next run, and remove the ones kept
    /// before: one file, the size of one batch's preparation. Failures are ignored.
    pub fn put_prepared_entries(&self, prepared: &crate::compare::PreparedEntries) {
        self.put_latest(
            "-entries-",
            &self.entries_path(prepared.context()),
            &prepared.to_bytes(),
        );
    }

    fn sentences_path(&self) -> PathBuf {
        self.dir
            .join(format!("v{CACHE_VERSION}-sentences-latest.bin"))
    }

    /// The documents' sentences an earlier screening cut; a damaged or foreign file is
    /// ignored (each document is found there by its text, so none can be of another).
    pub fn prepared_sentences(&self) -> Option<crate::compare::PreparedSentences> {
        let bytes = read_cached(&self.sentences_path())?;
        crate::compare::PreparedSentences::from_bytes(bytes)
    }

    /// Keep the sentences this screening used for the next one, when they are not what was
    /// read. Failures are ignored: they only cost cutting again.
    pub fn put_prepared_sentences(&self, prepared: &crate::compare::PreparedSentences) {
        if prepared.changed() {
            self.put_latest_with("-sentences-", &self.sentences_path(), |w| {
                prepared.write_to(w)
            });
        }
    }

    fn bm25_path(&self, state: u64) -> PathBuf {
        self.dir
            .join(format!("v{CACHE_VERSION}-bm25-{state:016x}.bin"))
    }

    /// The BM25 hits an earlier run found in an index in this very state
    /// ([`crate::index::bm25_state`]); a damaged or foreign file is ignored.
    pub fn bm25_hits(&self, state: u64) -> Option<Bm25Hits> {
        let bytes = read_cached(&self.bm25_path(state))?;
        serde_json::from_slice::<Bm25Hits>(&bytes)
            .ok()
            .filter(|h| h.state == state)
    }

    /// Keep this batch's BM25 hits for the next run, and remove the ones kept before.
    /// Failures are ignored: they only cost searching again.
    pub fn put_bm25_hits(&self, hits: &Bm25Hits) {
        if let Ok(json) = serde_json::to_vec(hits) {
            self.put_latest("-bm25-", &self.bm25_path(hits.state), &json);
        }
    }

    /// Write `bytes` to `path` and remove every other `v*<infix>*.bin` file of the cache.
    fn put_latest(&self, infix: &str, path: &Path, bytes: &[u8]) {
        self.put_latest_with(infix, path, |w| w.write_all(bytes));
    }

    /// [`Self::put_latest`] with the bytes written by `write` straight into the file (no copy
    /// of them all in memory).
    fn put_latest_with(
        &self,
        infix: &str,
        path: &Path,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        if std::fs::create_dir_all(&self.dir).is_err() || write_atomic_with(path, write).is_err() {
            return;
        }
        let Ok(items) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for item in items.flatten() {
            let name = item.file_name();
            let name = name.to_string_lossy();
            let ours = name.starts_with('v') && name.contains(infix) && name.ends_with(".bin");
            let is_file = item.file_type().is_ok_and(|t| t.is_file());
            if ours && is_file && item.path() != path {
                let _ = std::fs::remove_file(item.path());
            }
        }
    }

    /// Store a document; failures only cost a re-read next time, so they are ignored.
    pub fn put(&self, doc: &Extracted) {
        // A scan OCR could not read (no engine yet) is read again next time, when the
        // engine may be installed.
        let unread_scan = doc.needs_ocr || doc.pages.iter().any(|p| p.needs_ocr);
        if doc.content_hash.is_empty() || unread_scan || std::fs::create_dir_all(&self.dir).is_err()
        {
            return;
        }
        let Ok(json) = serde_json::to_vec(doc) else {
            return;
        };
        let _ = write_atomic(&self.path_for(&doc.content_hash), &json);
        if let Ok(mut stored) = self.stored.lock() {
            stored.insert(doc.content_hash.clone());
        }
    }

    /// Whether this run stored these bytes itself: reading them back is then a second copy
    /// of a file in the same batch (reported as identical files), not a result kept from an
    /// earlier run.
    pub fn stored_this_run(&self, content_hash: &str) -> bool {
        self.stored
            .lock()
            .map(|stored| stored.contains(content_hash))
            .unwrap_or(false)
    }
}

/// Write through a temp file in the same folder and rename, so a crash never leaves half a file.
/// A cache file, read only if it is a regular file (never through a link) of sane size.
fn read_cached(path: &Path) -> Option<Vec<u8>> {
    const MAX_CACHE_FILE: u64 = 4 << 30;
    crate::safe_fs::read_regular(path, MAX_CACHE_FILE).ok()
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] with the bytes written by `write`, through a buffer.
fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    let mut buffered = std::io::BufWriter::new(tmp);
    write(&mut buffered)?;
    buffered.flush()?;
    let tmp = buffered.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the cache files of `out` with `infix` in their name.
    fn names_with(out: &Path, infix: &str) -> Vec<String> {
        std::fs::read_dir(out.join(".soloai-cache"))
            .unwrap()
            .flatten()
            .map(|i| i.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(infix))
            .collect()
    }

    #[test]
    fn round_trip_and_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ExtractionCache::new(dir.path());
        let doc = Extracted {
            text: "Một cửa liên thông".into(),
            content_hash: "abc".into(),
            ..Extracted::default()
        };
        assert!(cache.get("abc").is_none());
        cache.put(&doc);
        assert_eq!(cache.get("abc").unwrap().text, "Một cửa liên thông");
        assert!(cache.get("abd").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_in_the_cache_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ExtractionCache::new(dir.path());
        let outside = dir.path().join("outside.json");
        let doc = Extracted {
            text: "Văn bản ở ngoài".into(),
            content_hash: "abc".into(),
            ..Extracted::default()
        };
        std::fs::write(&outside, serde_json::to_vec(&doc).unwrap()).unwrap();
        std::fs::create_dir_all(dir.path().join(".soloai-cache")).unwrap();
        std::os::unix::fs::symlink(&outside, cache.path_for("abc")).unwrap();
        assert!(cache.get("abc").is_none());
        std::os::unix::fs::symlink(&outside, cache.corpus_path(7)).unwrap();
        assert!(cache.prepared_corpus(7).is_none());
        std::os::unix::fs::symlink(&outside, cache.entries_path(7)).unwrap();
        assert!(cache.prepared_entries(7).is_none());
        let hits = Bm25Hits {
            state: 7,
            hits: BTreeMap::from([("k".to_string(), vec!["a.txt".to_string()])]),
        };
        std::fs::write(&outside, serde_json::to_vec(&hits).unwrap()).unwrap();
        std::os::unix::fs::symlink(&outside, cache.bm25_path(7)).unwrap();
        assert!(cache.bm25_hits(7).is_none());
        let sentences = crate::compare::PreparedSentences::default().to_bytes();
        std::fs::write(&outside, &sentences).unwrap();
        assert!(crate::compare::PreparedSentences::from_bytes(sentences).is_some());
        std::os::unix::fs::symlink(&outside, cache.sentences_path()).unwrap();
        assert!(cache.prepared_sentences().is_none());
        // Nothing cut, nothing written (the link stays as it was).
        cache.put_prepared_sentences(&crate::compare::PreparedSentences::default());
        assert!(cache.sentences_path().is_symlink());
    }

    #[test]
    fn bm25_hits_round_trip_under_their_state_and_only_the_latest_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ExtractionCache::new(dir.path());
        let text = "Tra cứu thủ tục bằng mã QR dán tại bộ phận một cửa";
        let first = Bm25Hits {
            state: 11,
            hits: BTreeMap::from([(Bm25Hits::key(text), vec!["kho/a.txt".to_string()])]),
        };
        assert_eq!(Bm25Hits::key(text).len(), 64);
        assert_ne!(Bm25Hits::key(text), Bm25Hits::key("Tra cứu thủ tục"));
        assert!(cache.bm25_hits(11).is_none());
        cache.put_bm25_hits(&first);
        assert_eq!(cache.bm25_hits(11), Some(first.clone()));
        // Hits kept under another state are not taken for this one, a damaged file is ignored.
        let bytes = std::fs::read(cache.bm25_path(11)).unwrap();
        std::fs::write(cache.bm25_path(12), &bytes).unwrap();
        assert!(cache.bm25_hits(12).is_none());
        std::fs::write(cache.bm25_path(11), &bytes[..bytes.len() / 2]).unwrap();
        assert!(cache.bm25_hits(11).is_none());
        // Another state replaces every earlier hits file.
        let second = Bm25Hits { state: 13, ..first };
        cache.put_bm25_hits(&second);
        assert_eq!(
            names_with(dir.path(), "-bm25-"),
            vec![format!("v{CACHE_VERSION}-bm25-{:016x}.bin", 13)]
        );
        assert_eq!(cache.bm25_hits(13), Some(second));
    }

    #[test]
    fn prepared_entries_round_trip_and_only_the_latest_is_kept() {
        use crate::compare::{CorpusStats, DocInput, Thresholds};
        let dir = tempfile::tempdir().unwrap();
        let cache = ExtractionCache::new(dir.path());
        let text = "Một cửa liên thông hiện đại: hồ sơ được số hoá và trả kết quả trực tuyến";
        let entries = [DocInput {
            id: "e",
            text,
            receiving_point: None,
        }];
        let prepare = |t: &Thresholds| {
            crate::compare::prepare_entries(&entries, &[], &CorpusStats::default(), t, None)
        };
        let first = prepare(&Thresholds::default());
        assert!(cache.prepared_entries(first.context()).is_none());
        cache.put_prepared_entries(&first);
        assert_eq!(cache.prepared_entries(first.context()), Some(first.clone()));
        // A file under another context's name is not taken for this one.
        let bytes = std::fs::read(cache.entries_path(first.context())).unwrap();
        std::fs::write(cache.entries_path(1), &bytes).unwrap();
        assert!(cache.prepared_entries(1).is_none());
        // Damaged: ignored.
        std::fs::write(
            cache.entries_path(first.context()),
            &bytes[..bytes.len() / 2],
        )
        .unwrap();
        assert!(cache.prepared_entries(first.context()).is_none());
        // Another context replaces every earlier entries file; the extraction cache stays.
        let doc = Extracted {
            text: text.into(),
            content_hash: "abc".into(),
            ..Extracted::default()
        };
        cache.put(&doc);
        let second = prepare(&Thresholds {
            common_min_docs: 9,
            ..Thresholds::default()
        });
        assert_ne!(second.context(), first.context());
        cache.put_prepared_entries(&second);
        assert_eq!(
            names_with(dir.path(), "-entries-"),
            vec![format!(
                "v{CACHE_VERSION}-entries-{:016x}.bin",
                second.context()
            )]
        );
        assert_eq!(cache.prepared_entries(second.context()), Some(second));
        assert!(cache.get("abc").is_some());
        assert!(cache.prepared_entries(first.context()).is_none());
    }
}
