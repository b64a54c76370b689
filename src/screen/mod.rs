//! The main job: screen a contest folder end to end and write the council's reports.
//!
//! discover → extract (cached by content hash) → check → corpus index → compare → eligibility
//! → report. Extraction and checks run in parallel (rayon); progress bars show on a terminal.
//! A file that cannot be read becomes an error entry with its reason and the batch goes on;
//! only a problem with the run itself (no such folder, a broken manifest or profile, an index
//! that cannot be opened, an output folder that cannot be written) stops it.

pub mod assemble;
pub mod cache;
pub mod copies;
pub mod inputs;
pub mod progress;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::{self, CheckContext, CheckResult, CoverInfo};
use crate::discover::{self, Attachment, DiscoveredEntry};
use crate::error::{ExtractError, ExtractErrorKind};
use crate::extract;
use crate::index::{self, AddOptions, AddReport, CorpusDoc, CorpusIndex};
use crate::lang::Lang;
use crate::limits::Limits;
use crate::manifest::{self, ExcludedPerson, ExpectedUnit, Manifest, ManifestRow};
use crate::model::Extracted;
use crate::profile::{Area, ContestProfile};
use crate::report::{self, Report};

use cache::ExtractionCache;

/// Corpus documents proposed per entry by BM25 on its distinctive terms, besides MinHash.
const BM25_CANDIDATES: usize = 5;

/// Everything a screening run is told.
#[derive(Debug, Clone)]
pub struct ScreenOptions {
    /// A contest folder (with `entries/`) or a plain folder of entries.
    pub input: PathBuf,
    pub manifest: Option<PathBuf>,
    /// A built-in profile name or a TOML file.
    pub profile: Option<String>,
    pub index_dir: Option<PathBuf>,
    /// Folders of prior documents added to the index before comparing.
    pub corpus_dirs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub excluded_persons: Option<PathBuf>,
    pub units: Option<PathBuf>,
    /// The last day entries are accepted (`YYYY-MM-DD` or `DD/MM/YYYY`), instead of the
    /// profile's date (LATE).
    pub deadline: Option<String>,
    /// The council file (`council.toml`); else the contest folder's, if any.
    pub council: Option<PathBuf>,
    pub lang: Lang,
    pub progress: bool,
    /// Told each stage and each entry read (the web app's progress bar).
    pub observer: Option<progress::Observer>,
    pub limits: Limits,
}

impl ScreenOptions {
    pub fn new(input: impl Into<PathBuf>, out_dir: impl Into<PathBuf>) -> Self {
        ScreenOptions {
            input: input.into(),
            manifest: None,
            profile: None,
            index_dir: None,
            corpus_dirs: Vec::new(),
            out_dir: out_dir.into(),
            excluded_persons: None,
            units: None,
            deadline: None,
            council: None,
            lang: Lang::Vi,
            progress: false,
            observer: None,
            limits: Limits::default(),
        }
    }
}

/// Why a run could not be done at all.
#[derive(Debug, thiserror::Error)]
pub enum ScreenError {
    #[error("{}: the entries folder does not exist", .0.display())]
    NoEntriesFolder(PathBuf),
    #[error(transparent)]
    Discover(#[from] discover::DiscoverError),
    #[error("{}", .0.message(Lang::En))]
    Profile(#[from] crate::profile::ProfileError),
    #[error("{}", .0.message(Lang::En))]
    Manifest(#[from] manifest::ManifestError),
    #[error("{}", .0.message(Lang::En))]
    Index(#[from] index::IndexError),
    #[error("{}", .0.message(Lang::En))]
    Report(#[from] report::ReportError),
    #[error("bad deadline '{0}': use YYYY-MM-DD or DD/MM/YYYY")]
    Deadline(String),
    #[error("{}", .0.message(Lang::En))]
    Council(#[from] crate::council::CouncilError),
    #[error("{}", .0.message(Lang::En))]
    Output(#[from] crate::out_dir::OutDirError),
    /// A soloai bug in a stage that judges the whole batch (copy detection, assembly).
    #[error("internal error in {stage}: {cause}; no report was written")]
    Internal { stage: &'static str, cause: String },
    #[error("{}", .0.message(Lang::En))]
    Lock(#[from] crate::lock::LockError),
    /// No `--profile` and no `profile.toml` in the contest folder: which plan applies is the
    /// council's choice, never a silent default.
    #[error("no contest profile: give --profile NAME|FILE or put a profile.toml in the contest folder (built in: {})", .0.join(", "))]
    NoProfile(Vec<String>),
}

impl ScreenError {
    /// What a council member reads, with what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ScreenError::NoEntriesFolder(folder) => {
                crate::vocab::run_error(crate::vocab::RunError::NoEntriesFolder { folder }, lang)
            }
            ScreenError::Profile(e) => e.message(lang),
            ScreenError::Manifest(e) => e.message(lang),
            ScreenError::Report(e) => e.message(lang),
            ScreenError::Council(e) => e.message(lang),
            ScreenError::Deadline(value) => {
                crate::vocab::run_error(crate::vocab::RunError::BadDeadline { value }, lang)
            }
            ScreenError::NoProfile(builtin) => {
                crate::vocab::run_error(crate::vocab::RunError::NoProfile { builtin }, lang)
            }
            ScreenError::Index(e) => format!("{}: {}", e.dir.display(), e.message(lang)),
            ScreenError::Output(e) => e.message(lang),
            ScreenError::Discover(e) => crate::vocab::run_error(
                crate::vocab::RunError::FolderUnlisted {
                    folder: &e.path,
                    cause: &crate::safe_fs::io_cause(&e.source),
                },
                lang,
            ),
            ScreenError::Internal { stage, cause } => {
                crate::vocab::run_error(crate::vocab::RunError::BatchStage { stage, cause }, lang)
            }
            ScreenError::Lock(e) => e.message(lang),
        }
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct ScreenOutcome {
    pub report: Report,
    /// Files written into the output folder.
    pub written: Vec<PathBuf>,
    pub index_dir: PathBuf,
    /// What adding `--corpus` folders (and the contest's `prior/`) did.
    pub corpus_added: Vec<AddReport>,
    /// Entries read from the cache instead of their files.
    pub cached: usize,
}

/// One entry as it moves through the pipeline.
#[derive(Debug)]
pub struct EntryWork {
    pub id: String,
    /// Relative path of the entry (file or entry folder) inside the entries folder.
    pub rel_path: String,
    /// The main document; `None` for a video entry without a Word summary, or a manifest row
    /// whose file is not there.
    pub main: Option<PathBuf>,
    /// Everything else the entry folder holds, with its kind (video, picture, software,
    /// document, other) and size; documents among them are read into `attachment_docs`.
    pub attachments: Vec<Attachment>,
    pub row: Option<ManifestRow>,
    pub doc: Result<Extracted, ExtractError>,
    pub attachment_docs: Vec<Extracted>,
    pub checks: Vec<CheckResult>,
    pub cover: CoverInfo,
}

impl EntryWork {
    pub fn text(&self) -> &str {
        self.doc.as_ref().map(|d| d.text.as_str()).unwrap_or("")
    }
}

/// Screen a contest folder and write the reports into `opts.out_dir`.
pub fn screen(opts: &ScreenOptions) -> Result<ScreenOutcome, ScreenError> {
    let folder = inputs::contest_folder(&opts.input);
    if !folder.entries_dir.is_dir() {
        return Err(ScreenError::NoEntriesFolder(folder.entries_dir));
    }
    // The output folder is checked, created, proved writable and locked before any work:
    // never inside (or around) the entries, never someone else's folder (see `out_dir`).
    let read_too: Vec<PathBuf> = opts
        .corpus_dirs
        .iter()
        .chain(&folder.prior)
        .cloned()
        .collect();
    let _out = crate::out_dir::prepare_beside(&opts.out_dir, &folder.entries_dir, &read_too)?;
    let profile = match (&opts.profile, &folder.profile) {
        (Some(spec), _) => ContestProfile::resolve(spec)?,
        (None, Some(path)) => ContestProfile::load(path)?,
        (None, None) => {
            return Err(ScreenError::NoProfile(
                ContestProfile::builtin_names()
                    .into_iter()
                    .map(|n| {
                        let title = ContestProfile::builtin(n)
                            .map(|p| p.title)
                            .unwrap_or_default();
                        format!("{n} ({title})")
                    })
                    .collect(),
            ));
        }
    };
    // A bad row of these lists is a finding (kept in `input_problems`); only a file that
    // cannot be used at all stops the run.
    let mut input_problems = Vec::new();
    let manifest = match opts.manifest.as_ref().or(folder.manifest.as_ref()) {
        Some(path) => {
            let m = manifest::read_manifest_with(path, &opts.limits)?;
            input_problems.extend(m.problems.iter().cloned());
            Some(m)
        }
        None => None,
    };
    let excluded: Option<Vec<ExcludedPerson>> = match opts
        .excluded_persons
        .as_ref()
        .or(folder.excluded_persons.as_ref())
    {
        Some(path) => Some(manifest::read_excluded_persons_with(path, &opts.limits)?),
        None => None,
    };
    let units: Vec<ExpectedUnit> = match opts.units.as_ref().or(folder.units.as_ref()) {
        Some(path) => {
            let list = manifest::read_units(path, &opts.limits)?;
            input_problems.extend(list.problems);
            list.units
        }
        None => Vec::new(),
    };
    let council = match opts.council.as_ref().or(folder.council.as_ref()) {
        Some(path) => Some(crate::council::Council::load(path)?),
        None => None,
    };
    let deadline = match &opts.deadline {
        Some(d) => Some(manifest::Date::parse(d).ok_or_else(|| ScreenError::Deadline(d.clone()))?),
        None => None,
    };

    // Corpus first: a council with no index yet gets one from --corpus and prior/.
    let index_dir = opts.index_dir.clone().unwrap_or_else(index::default_dir);
    // One run at a time changes an index (prior/ and --corpus are added to it).
    let _index_lock = crate::lock::lock_index(&index_dir)?;
    let mut corpus = CorpusIndex::open_or_create(&index_dir)?;
    let mut corpus_dirs = opts.corpus_dirs.clone();
    corpus_dirs.extend(folder.prior.clone());
    let mut corpus_added = Vec::new();
    let observer = opts.observer.as_ref();
    progress::notify(
        observer,
        progress::Stage::Corpus,
        0,
        corpus_dirs.len() as u64,
    );
    for dir in &corpus_dirs {
        let bar = progress::bar(opts.progress, opts.lang.words().screening.adding_corpus);
        let add = AddOptions {
            limits: opts.limits.clone(),
            progress: bar.clone(),
            ..AddOptions::default()
        };
        corpus_added.push(corpus.add_paths(std::slice::from_ref(dir), &add)?);
        progress::finish(bar);
    }
    let corpus_docs: Vec<CorpusDoc> = corpus.documents()?.collect();

    // Entries: discover, map to the manifest, read (cached), check.
    let discovered = discover::discover(&folder.entries_dir)?;
    let mut work = plan_entries(&discovered.entries, manifest.as_ref());
    let cache = ExtractionCache::new(&opts.out_dir);
    let entries_root =
        std::fs::canonicalize(&folder.entries_dir).unwrap_or_else(|_| folder.entries_dir.clone());
    let bar = progress::bar(opts.progress, opts.lang.words().screening.reading_entries);
    if let Some(b) = &bar {
        b.set_length(work.len() as u64);
    }
    let total = work.len() as u64;
    let read = std::sync::atomic::AtomicU64::new(0);
    progress::notify(observer, progress::Stage::Read, 0, total);
    let cached: usize = work
        .par_iter_mut()
        .map(|w| {
            let hits = read_entry(w, &cache, &opts.limits, &entries_root);
            if let Some(b) = &bar {
                b.inc(1);
            }
            let done = read.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress::notify(observer, progress::Stage::Read, done, total);
            hits
        })
        .sum();
    progress::finish(bar);
    // From here on a document names its file relative to the entries folder, as reports show
    // it (no machine-specific absolute paths in report.json).
    for w in &mut work {
        let docs = w.doc.iter_mut().chain(w.attachment_docs.iter_mut());
        for doc in docs {
            doc.file = PathBuf::from(discover::relative(&folder.entries_dir, &doc.file));
        }
    }
    progress::notify(observer, progress::Stage::Check, 0, total);
    work.par_iter_mut()
        .for_each(|w| run_entry_checks(w, &profile, opts.lang));
    progress::notify(observer, progress::Stage::Compare, 0, total);

    // Copying, recycling, double submissions.
    let corpus_at: std::collections::HashMap<&str, usize> = corpus_docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // BM25 hits, each entry text searched once per state of the corpus: an unchanged text
    // against an unchanged corpus takes the last run's hits.
    let bm25_state = index::bm25_state(&corpus_docs, BM25_CANDIDATES);
    let earlier_hits = cache.bm25_hits(bm25_state).unwrap_or_default();
    let searched: Vec<Option<(String, Vec<String>)>> = work
        .par_iter()
        .map(
            |entry| -> Result<Option<(String, Vec<String>)>, ScreenError> {
                let Ok(doc) = &entry.doc else {
                    return Ok(None);
                };
                let key = cache::Bm25Hits::key(&doc.text);
                let ids = match earlier_hits.hits.get(&key) {
                    // At most what a search gives, whatever the file says.
                    Some(ids) => ids.iter().take(BM25_CANDIDATES).cloned().collect(),
                    None => corpus
                        .bm25_candidates(&doc.text, BM25_CANDIDATES)?
                        .into_iter()
                        .map(|(id, _score)| id)
                        .collect(),
                };
                Ok(Some((key, ids)))
            },
        )
        .collect::<Result<_, _>>()?;
    let corpus_at = &corpus_at;
    let bm25_pairs: Vec<(usize, usize)> = searched
        .iter()
        .enumerate()
        .filter_map(|(w, s)| s.as_ref().map(|(_, ids)| (w, ids)))
        .flat_map(|(w, ids)| {
            ids.iter()
                .filter_map(move |id| corpus_at.get(id.as_str()).map(|&c| (w, c)))
        })
        .collect();
    let kept_hits = cache::Bm25Hits {
        state: bm25_state,
        hits: searched.into_iter().flatten().collect(),
    };
    if kept_hits != earlier_hits {
        cache.put_bm25_hits(&kept_hits);
    }
    let corpus_stats = corpus.corpus_stats()?;
    // Copy detection and assembly judge the batch as a whole: a panic there cannot be pinned
    // on one entry, and a report without it would read as "no copying". It is an error of the
    // run, in words, instead of a crash.
    let internal = |stage: &'static str| move |cause| ScreenError::Internal { stage, cause };
    let copies = crate::panic_guard::catch(|| {
        copies::find(
            &work,
            &corpus_docs,
            &corpus_stats,
            &profile,
            &bm25_pairs,
            Some(&cache),
        )
    })
    .map_err(internal("compare"))?;

    let mut report = crate::panic_guard::catch(|| {
        assemble::build_report(
            &work,
            &copies,
            &corpus_docs,
            &assemble::Context {
                profile: &profile,
                excluded: excluded.as_deref(),
                units: &units,
                deadline,
                input_problems: &input_problems,
                lang: opts.lang,
                generated_at: now_rfc3339(),
            },
        )
    })
    .map_err(internal("assemble"))?;
    report.entries.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(council) = &council {
        council.fill_report(&mut report, opts.lang);
    }
    report.skipped = skipped_items(&discovered.skipped, &folder.entries_dir, opts.lang);
    attach(&mut report, &work, &folder.entries_dir);
    report.corpus = report::CorpusInfo::count(
        index_dir.display().to_string(),
        corpus_docs.iter().map(|d| d.kind.as_str()),
    );
    progress::notify(observer, progress::Stage::Report, 0, total);
    let written = report::write_all(&report, &opts.out_dir, opts.lang)?;
    Ok(ScreenOutcome {
        report,
        written,
        index_dir,
        corpus_added,
        cached,
    })
}

/// Each entry's attachments (kind and size), as the report lists them; the rule that judges
/// them (a video needs a Word summary) and their rendering are the rules' and the writers'.
fn attach(report: &mut Report, work: &[EntryWork], root: &Path) {
    let by_id: std::collections::HashMap<&str, &EntryWork> =
        work.iter().map(|w| (w.id.as_str(), w)).collect();
    for entry in &mut report.entries {
        if let Some(w) = by_id.get(entry.id.as_str()) {
            entry.attachments = w
                .attachments
                .iter()
                .map(|a| report::model::AttachmentView {
                    file: discover::relative(root, &a.path),
                    kind: a.kind.as_str().to_string(),
                    size: a.size,
                })
                .collect();
        }
    }
}

/// The items discovery did not read, as the report lists them.
fn skipped_items(
    skipped: &[crate::safe_fs::Skipped],
    root: &Path,
    lang: Lang,
) -> Vec<report::model::SkippedItem> {
    skipped
        .iter()
        .map(|s| report::model::SkippedItem {
            path: discover::relative(root, &s.path),
            reason: s.reason.code().to_string(),
            message: s.reason.message(lang),
        })
        .collect()
}

/// Pair discovered files with manifest rows and give each entry a unique id. Manifest rows
/// whose file is not there become error entries, so a missing file is seen, not lost.
pub fn plan_entries(found: &[DiscoveredEntry], manifest: Option<&Manifest>) -> Vec<EntryWork> {
    let mut work = Vec::new();
    let mut used_rows = vec![false; manifest.map_or(0, |m| m.rows.len())];
    for entry in found {
        let row_index = manifest.and_then(|m| {
            let row = m.row_for_entry(&entry.rel_path)?;
            m.rows.iter().position(|r| std::ptr::eq(r, row))
        });
        let row = row_index.and_then(|i| {
            used_rows[i] = true;
            manifest.map(|m| m.rows[i].clone())
        });
        let id = row
            .as_ref()
            .map(|r| r.id.trim().to_string())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| entry.default_id());
        work.push(EntryWork {
            id,
            rel_path: entry.rel_path.clone(),
            main: entry.main.clone(),
            attachments: entry.attachments.clone(),
            row,
            doc: Err(not_read_yet(entry)),
            attachment_docs: Vec::new(),
            checks: Vec::new(),
            cover: CoverInfo::default(),
        });
    }
    if let Some(m) = manifest {
        for (i, row) in m.rows.iter().enumerate() {
            if used_rows[i] {
                continue;
            }
            let rel = row.file.clone().unwrap_or_default();
            work.push(EntryWork {
                id: if row.id.trim().is_empty() {
                    rel.clone()
                } else {
                    row.id.trim().to_string()
                },
                rel_path: rel.clone(),
                main: None,
                attachments: Vec::new(),
                row: Some(row.clone()),
                doc: Err(ExtractError::new(
                    &rel,
                    ExtractErrorKind::Io {
                        cause: "missing-entry".into(),
                    },
                )),
                attachment_docs: Vec::new(),
                checks: Vec::new(),
                cover: CoverInfo::default(),
            });
        }
    }
    dedupe_ids(&mut work);
    work
}

/// The placeholder of an entry's document before it is read; an entry with no main document
/// keeps it: [`ExtractErrorKind::NoDocument`] says what the entry holds instead.
fn not_read_yet(entry: &DiscoveredEntry) -> ExtractError {
    match &entry.main {
        Some(main) => ExtractError::new(
            main,
            ExtractErrorKind::Io {
                cause: "not-read".into(),
            },
        ),
        None => ExtractError::new(
            &entry.rel_path,
            ExtractErrorKind::NoDocument {
                video: entry.has_video(),
            },
        ),
    }
}

fn dedupe_ids(work: &mut [EntryWork]) {
    let mut seen = std::collections::HashSet::new();
    for w in work.iter_mut() {
        if w.id.is_empty() {
            w.id = "bai".into();
        }
        let base = w.id.clone();
        let mut n = 2;
        while !seen.insert(w.id.clone()) {
            w.id = format!("{base}-{n}");
            n += 1;
        }
    }
}

/// Read an entry's main document and attachments; returns how many came from the cache.
fn read_entry(w: &mut EntryWork, cache: &ExtractionCache, limits: &Limits, root: &Path) -> usize {
    let Some(main) = w.main.clone() else {
        return 0;
    };
    if !discover::is_supported(&main) {
        // A file a unit sent that is no document (an image, a spreadsheet): listed, not read.
        let ext = main
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_else(|| "?".into());
        w.doc = Err(ExtractError::new(
            &main,
            ExtractErrorKind::Unsupported { found: ext },
        ));
        return 0;
    }
    let (doc, mut hits) = read_cached(&main, cache, limits, root);
    w.doc = doc;
    // Documents among the attachments are read (a revision statement); videos, pictures and
    // software are listed with their kind and size only.
    let readable: Vec<PathBuf> = w
        .attachments
        .iter()
        .filter(|a| a.is_readable())
        .map(|a| a.path.clone())
        .collect();
    for a in readable {
        let (doc, hit) = read_cached(&a, cache, limits, root);
        hits += hit;
        // An unreadable attachment is noted on the entry, not fatal to it.
        match doc {
            Ok(d) => w.attachment_docs.push(d),
            Err(e) => {
                if let Ok(main_doc) = &mut w.doc {
                    let file = a.file_name().map_or_else(
                        || a.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    main_doc
                        .warnings
                        .push(crate::model::ReadWarning::AttachmentUnreadable {
                            file: crate::model::ReadWarning::value(&file),
                            error: e.kind,
                        });
                }
            }
        }
    }
    hits
}

fn read_cached(
    path: &Path,
    cache: &ExtractionCache,
    limits: &Limits,
    root: &Path,
) -> (Result<Extracted, ExtractError>, usize) {
    // Opened once, never through a link or a FIFO, never past the size limit.
    // …and what was opened must still be inside the entries folder (see `safe_fs`).
    let bytes = match crate::safe_fs::read_regular_within(path, root, limits.max_file_bytes) {
        Ok(b) => b,
        Err(e) => return (Err(ExtractError::from((path, e))), 0),
    };
    let hash = extract::content_hash(&bytes);
    if let Some(mut doc) = cache.get(&hash) {
        doc.file = path.to_path_buf();
        // A second identical file of this batch is not a result kept from an earlier run.
        return (Ok(doc), usize::from(!cache.stored_this_run(&hash)));
    }
    let result = extract::extract_bytes(path, &bytes, limits);
    if let Ok(doc) = &result {
        cache.put(doc);
    }
    (result, 0)
}

fn run_entry_checks(w: &mut EntryWork, profile: &ContestProfile, lang: Lang) {
    let Ok(doc) = &w.doc else {
        return;
    };
    let declared_area = w
        .row
        .as_ref()
        .and_then(|r| r.area.as_deref())
        .and_then(Area::from_letter);
    let ctx = CheckContext {
        declared_area,
        attachments: &w.attachment_docs,
    };
    // A rule that panics on one entry makes that entry an error, not the batch a crash.
    match crate::panic_guard::catch(|| {
        (
            check::run_checks(doc, profile, &ctx, lang),
            check::parse_cover(doc.cover_text()),
        )
    }) {
        Ok((checks, cover)) => {
            w.checks = checks;
            w.cover = cover;
        }
        Err(cause) => {
            w.doc = Err(ExtractError::new(
                &doc.file,
                ExtractErrorKind::Panic { cause },
            ));
        }
    }
}

/// The current time as `2025-06-02T08:30:00Z`, without a date crate.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (proleptic Gregorian), after Howard Hinnant's published algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        (rem % 3_600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_batch_stage_is_a_worded_run_error() {
        let caught = crate::panic_guard::catch(|| -> usize { panic!("copy detection bug") });
        let err = caught
            .map_err(|cause| ScreenError::Internal {
                stage: "compare",
                cause,
            })
            .expect_err("the panic is caught");
        let vi = err.message(Lang::Vi);
        assert!(
            vi.starts_with("Lỗi nội bộ của soloai ở bước so sánh bài"),
            "{vi}"
        );
        assert!(vi.contains("copy detection bug"), "{vi}");
        assert!(err.message(Lang::En).contains("no report was written"));
    }

    #[test]
    fn rfc3339_has_the_right_shape() {
        let s = now_rfc3339();
        assert_eq!(s.len(), 20);
        assert!(s.starts_with("20"));
        assert!(s.ends_with('Z'));
        assert_eq!(&s[10..11], "T");
    }

    #[test]
    fn manifest_rows_without_files_become_error_entries_and_ids_are_unique() {
        let found = vec![
            DiscoveredEntry {
                rel_path: "a.docx".into(),
                main: Some(PathBuf::from("/x/a.docx")),
                attachments: vec![],
            },
            DiscoveredEntry {
                rel_path: "sub/a.docx".into(),
                main: Some(PathBuf::from("/x/sub/a.docx")),
                attachments: vec![],
            },
        ];
        let manifest = Manifest {
            rows: vec![
                ManifestRow {
                    id: "E01".into(),
                    file: Some("a.docx".into()),
                    ..ManifestRow::default()
                },
                ManifestRow {
                    id: "E02".into(),
                    file: Some("missing.docx".into()),
                    ..ManifestRow::default()
                },
            ],
            problems: vec![],
        };
        let work = plan_entries(&found, Some(&manifest));
        let ids: Vec<&str> = work.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(ids, ["E01", "sub__a", "E02"]);
        assert!(work[2].main.is_none());
        assert!(work[2].doc.is_err());
    }
}
