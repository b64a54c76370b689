//! The package sent up (hồ sơ gửi lên): one zip a unit attaches in the document-management
//! system, holding what the plans ask a screening unit to send.
//!
//! Lạng Sơn III.5.a: units "tổ chức sơ loại để chọn lọc bài dự thi có chất lượng gửi Sở Nội vụ
//! (qua hệ thống quản lý văn bản iOffice …) trước ngày 15/7/2025"; III.3.a: entries in video,
//! pictures or software come with their content "trích xuất … ra bản word"; III.4 (Lưu ý): a
//! unit without an entry sends an explanation letter. Hưng Yên II.3 and II.6: the council
//! "chọn lọc các bài dự thi có chất lượng tốt gửi về Ban Tổ chức cuộc thi (qua phần mềm Hệ thống
//! quản lý văn bản và điều hành Sở Nội vụ)". Neither plan names the files, so soloai names
//! them plainly and in order:
//!
//! ```text
//! ho-so-so-loai-<don-vi>-<nam>.zip
//!   00-danh-muc-ho-so.txt            what is inside, for the receiving officer (Vietnamese)
//!   00-manifest.json                 the same with sizes and SHA-256, for tools
//!   01-bien-ban-so-loai.docx         the screening minutes
//!   02-tong-hop-ket-qua-so-loai.xlsx the summary workbook
//!   03-…                             the marking papers, when the council has marked
//!   bai-du-thi/01-E01/…              each forwarded entry: its document and attachments
//! ```
//!
//! The zip's own name is ASCII (document-management systems and mail gateways mangle
//! diacritics in attachment names); names inside are NFC with the UTF-8 flag, stripped of
//! characters Windows forbids, of control characters and of any `..`. Entries' files are found
//! again by the same safe walk as screening (no link followed) and streamed, so a large video
//! never sits in memory. The zip is written to a temporary file beside its target and renamed.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::discover::{self, AttachmentKind};
use crate::lang::Lang;
use crate::normalize::nfc;
use crate::profile::{ContestDeadline, ContestProfile};
use crate::report::minutes::{Decision, Forwarding, forwarded};
use crate::report::{Report, UnitQuota};
use crate::scoring::{papers, slug};

/// The screening papers put first, with their names in the package.
const PAPERS: [(&str, &str); 2] = [
    ("bien-ban-so-loai.docx", "01-bien-ban-so-loai.docx"),
    ("summary.xlsx", "02-tong-hop-ket-qua-so-loai.xlsx"),
];
/// Longest name component inside the zip (characters).
const MAX_COMPONENT: usize = 100;

/// Why no package could be made.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("{}", self.message(Lang::En))]
    Missing { path: PathBuf, cause: String },
    #[error("{}", self.message(Lang::En))]
    Write { path: PathBuf, cause: String },
    #[error("{}", self.message(Lang::En))]
    Empty,
    #[error("{}", .0.message(Lang::En))]
    Busy(crate::lock::LockError),
}

impl PackageError {
    pub fn message(&self, lang: Lang) -> String {
        let w = &lang.words().package;
        match self {
            PackageError::Missing { path, cause } => {
                (w.err_missing)(&path.display().to_string(), cause)
            }
            PackageError::Write { path, cause } => {
                (w.err_write)(&path.display().to_string(), cause)
            }
            PackageError::Empty => w.err_empty.into(),
            PackageError::Busy(e) => e.message(lang),
        }
    }
}

/// What to pack.
#[derive(Debug, Clone)]
pub struct PackageOptions<'a> {
    pub report: &'a Report,
    /// The screening output folder (minutes, summary workbook, marking papers).
    pub report_dir: &'a Path,
    /// The entries folder screened.
    pub entries_dir: &'a Path,
    /// The council's decisions on flags (which decide the forwarded entries).
    pub decisions: &'a [Decision],
    /// The profile, for the deadline line; optional.
    pub profile: Option<&'a ContestProfile>,
    /// The zip to write; default: `report_dir/<package name>`.
    pub out: Option<PathBuf>,
    pub lang: Lang,
    /// RFC 3339, written in the list and used as the zip's timestamps.
    pub created: String,
}

/// One file in the package.
#[derive(Debug, Clone, Serialize)]
pub struct PackedFile {
    /// Name inside the zip.
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// One forwarded entry in the package.
#[derive(Debug, Clone, Serialize)]
pub struct PackedEntry {
    pub id: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub unit: Option<String>,
    /// Forwarded by the council's decision on its flags (not as soloai proposed).
    pub by_council: bool,
    pub files: Vec<PackedFile>,
    /// Files that could not be packed, with the reason.
    pub missing: Vec<String>,
    /// A video, picture or software entry without a Word document (III.3.a).
    pub lacks_word_extract: bool,
}

/// What was written.
#[derive(Debug, Clone, Serialize)]
pub struct PackageOutcome {
    /// Where the zip was written (not in its manifest: no local path travels with the package).
    #[serde(skip)]
    pub path: PathBuf,
    pub entries: Vec<PackedEntry>,
    pub papers: Vec<PackedFile>,
    pub bytes: u64,
    /// Things the sender must fix or add before sending, in the report's language.
    pub warnings: Vec<String>,
}

/// `ho-so-so-loai-so-noi-vu-tinh-lang-son-2025.zip`: the sending unit and the contest's year
/// (the screening meeting's, else the profile's, else the run's).
pub fn package_name(report: &Report, profile: Option<&ContestProfile>) -> String {
    let unit = report
        .council
        .as_ref()
        .map(|c| c.unit.clone())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| report.contest.organizer.clone());
    let year = report
        .council
        .as_ref()
        .and_then(|c| c.screening.date())
        .map(|d| d.year().to_string())
        .or_else(|| profile.map(|p| p.year.to_string()))
        .unwrap_or_else(|| report.generated_at.get(..4).unwrap_or("").to_string());
    let mut name = String::from("ho-so-so-loai");
    if !unit.is_empty() {
        name.push('-');
        name.push_str(&slug(&unit));
    }
    if year.chars().all(|c| c.is_ascii_digit()) && year.len() == 4 {
        name.push('-');
        name.push_str(&year);
    }
    name.push_str(".zip");
    name
}

/// One safe name component: NFC, no path separators, no characters Windows forbids, no
/// control characters, no leading or trailing dots and spaces, bounded; never empty or `..`.
pub fn safe_component(text: &str) -> String {
    let cleaned: String = nfc(text)
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let mut out: String = trimmed.chars().take(MAX_COMPONENT).collect();
    if out.is_empty() {
        out = "_".into();
    }
    // Windows device names, even with an extension.
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    if matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.ends_with(|c: char| c.is_ascii_digit()))
    {
        out.insert(0, '_');
    }
    out
}

/// A safe relative path inside the zip from `/`-separated parts.
fn safe_path(parts: &[&str]) -> String {
    parts
        .iter()
        .flat_map(|p| p.split(['/', '\\']))
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .map(safe_component)
        .collect::<Vec<_>>()
        .join("/")
}

/// Files already compressed are stored, the rest deflated.
fn method_for(name: &str) -> zip::CompressionMethod {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let packed = [
        "zip", "docx", "xlsx", "pptx", "odt", "ods", "jpg", "jpeg", "png", "gif", "webp", "mp4",
        "mov", "avi", "mkv", "webm", "mp3", "m4a", "7z", "rar", "gz", "pdf",
    ];
    if packed.contains(&ext.as_str()) {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    }
}

struct Packer<W: Write + std::io::Seek> {
    zip: zip::ZipWriter<W>,
    time: zip::DateTime,
    names: BTreeMap<String, ()>,
    total: u64,
}

impl<W: Write + std::io::Seek> Packer<W> {
    /// A name not used yet (a second `a.docx` becomes `a (2).docx`).
    fn unique(&mut self, name: String) -> String {
        if !self.names.contains_key(&name) {
            self.names.insert(name.clone(), ());
            return name;
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) if !e.contains('/') => (s.to_string(), format!(".{e}")),
            _ => (name.clone(), String::new()),
        };
        let mut n = 2;
        loop {
            let candidate = format!("{stem} ({n}){ext}");
            if !self.names.contains_key(&candidate) {
                self.names.insert(candidate.clone(), ());
                return candidate;
            }
            n += 1;
        }
    }

    fn add(&mut self, name: String, mut source: impl Read) -> Result<PackedFile, String> {
        let name = self.unique(name);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method_for(&name))
            .last_modified_time(self.time)
            .large_file(true);
        self.zip
            .start_file(name.as_str(), options)
            .map_err(|e| e.to_string())?;
        let mut hash = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut bytes = 0u64;
        loop {
            let n = source.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            hash.update(&buf[..n]);
            self.zip.write_all(&buf[..n]).map_err(|e| e.to_string())?;
            bytes += n as u64;
        }
        self.total += bytes;
        Ok(PackedFile {
            name,
            bytes,
            sha256: hash.finalize().iter().map(|b| format!("{b:02x}")).collect(),
        })
    }
}

fn zip_time(created: &str) -> zip::DateTime {
    let local = created
        .parse::<jiff::Timestamp>()
        .ok()
        .map(|ts| jiff::tz::Offset::constant(7).to_datetime(ts));
    local
        .and_then(|d| {
            zip::DateTime::from_date_and_time(
                u16::try_from(d.year()).ok()?,
                d.month() as u8,
                d.day() as u8,
                d.hour() as u8,
                d.minute() as u8,
                d.second() as u8,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Write the package; see the module docs for what goes in.
pub fn build(opts: &PackageOptions<'_>) -> Result<PackageOutcome, PackageError> {
    let lang = opts.lang;
    let words = &lang.words().package;
    let report = opts.report;
    let chosen = forwarded(report, opts.decisions);
    if chosen.is_empty() {
        return Err(PackageError::Empty);
    }
    for (file, _) in PAPERS {
        let path = opts.report_dir.join(file);
        if !path.is_file() {
            return Err(PackageError::Missing {
                path,
                cause: lang.words().package.no_such_file.into(),
            });
        }
    }
    let found = discover::discover(opts.entries_dir).map_err(|e| PackageError::Missing {
        path: opts.entries_dir.to_path_buf(),
        cause: e.to_string(),
    })?;
    let by_path: BTreeMap<&str, &discover::DiscoveredEntry> = found
        .entries
        .iter()
        .map(|e| (e.rel_path.as_str(), e))
        .collect();

    let target = opts
        .out
        .clone()
        .unwrap_or_else(|| opts.report_dir.join(package_name(report, opts.profile)));
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write_err = |cause: String| PackageError::Write {
        path: target.clone(),
        cause,
    };
    let cause_err = |cause: String| write_err(crate::safe_fs::io_words(&cause, lang));
    let io_err = |e: std::io::Error| cause_err(crate::safe_fs::io_cause(&e));
    // A folder named with --out that does not exist yet is made, as screen makes its own.
    crate::safe_fs::make_out_folder(&dir).map_err(cause_err)?;
    // The zip goes beside the reports by default: one run at a time writes there.
    let _lock = crate::lock::RunLock::acquire(&dir, crate::lock::Guarded::Output)
        .map_err(PackageError::Busy)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".soloai-").suffix(".zip.tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // 0666 less the umask, like the reports beside it: the package is sent on, not private.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(&dir).map_err(io_err)?;
    let mut packer = Packer {
        zip: zip::ZipWriter::new(std::io::BufWriter::new(tmp.reopen().map_err(io_err)?)),
        time: zip_time(&opts.created),
        names: BTreeMap::new(),
        total: 0,
    };
    // The list and the manifest are written last but named first; reserve their names.
    packer.names.insert(LIST_NAME.into(), ());
    packer.names.insert(MANIFEST_NAME.into(), ());

    let mut papers_packed = Vec::new();
    let mut extra: Vec<(&str, String)> = PAPERS.iter().map(|(f, n)| (*f, n.to_string())).collect();
    // The marking papers, when the council has marked (not the JSON: it is for tools).
    for (i, file) in papers::FILES
        .iter()
        .filter(|f| **f != papers::RESULT_JSON)
        .enumerate()
    {
        extra.push((file, format!("03-{}-{file}", i + 1)));
    }
    for (file, name) in extra {
        let path = opts.report_dir.join(file);
        let Ok((handle, _)) = crate::safe_fs::open_regular(&path) else {
            continue;
        };
        papers_packed.push(packer.add(name, handle).map_err(write_err)?);
    }

    let mut warnings = Vec::new();
    let mut entries = Vec::new();
    for (n, (entry, how)) in chosen.iter().enumerate() {
        let folder = safe_path(&["bai-du-thi", &format!("{:02}-{}", n + 1, entry.id)]);
        let mut packed = PackedEntry {
            id: entry.id.clone(),
            title: entry.title.clone(),
            authors: entry.authors.clone(),
            unit: entry.unit.clone(),
            by_council: *how == Forwarding::ByCouncil,
            files: Vec::new(),
            missing: Vec::new(),
            lacks_word_extract: false,
        };
        let Some(found) = by_path.get(entry.file.as_str()) else {
            packed.missing.push(entry.file.clone());
            warnings.push((words.entry_missing)(&entry.id, &entry.file));
            entries.push(packed);
            continue;
        };
        // The entry folder's own layout is kept below the entry's package folder.
        let base = if found.main.is_some() && !found.attachments.is_empty() {
            Some(opts.entries_dir.join(&found.rel_path))
        } else {
            None
        };
        let mut files: Vec<PathBuf> = found.main.iter().cloned().collect();
        files.extend(found.attachments.iter().map(|a| a.path.clone()));
        if found.main.is_none() && found.attachments.is_empty() {
            files.push(opts.entries_dir.join(&found.rel_path));
        }
        for path in files {
            let inner = match &base {
                Some(b) => path
                    .strip_prefix(b)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                None => String::new(),
            };
            let inner = if inner.is_empty() {
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "tep".into())
            } else {
                inner
            };
            let name = safe_path(&[&folder, &inner]);
            match crate::safe_fs::open_regular(&path) {
                Ok((handle, _)) => packed
                    .files
                    .push(packer.add(name, handle).map_err(write_err)?),
                Err(e) => {
                    packed.missing.push(format!("{inner}: {e}"));
                    warnings.push((words.cannot_pack)(&entry.id, &inner, &e.to_string()));
                }
            }
        }
        let has_word = files_are_word(found);
        let has_media = found.attachments.iter().any(|a| {
            matches!(
                a.kind,
                AttachmentKind::Video | AttachmentKind::Picture | AttachmentKind::Software
            )
        });
        if has_media && !has_word {
            packed.lacks_word_extract = true;
            warnings.push((words.lacks_word_extract)(&entry.id));
        }
        entries.push(packed);
    }

    // Every unit short of its quota, as the council's decisions leave it, is listed; those
    // with no entry owe a letter too.
    let units = crate::report::minutes::settled_units(report, opts.decisions);
    let short: Vec<&UnitQuota> = units.iter().filter(|u| !u.meets_quota).collect();
    for u in short.iter().filter(|u| u.owes_explanation()) {
        warnings.push((words.owes_letter)(&u.unit));
    }
    // Made after the last day to send it up: said, not refused.
    if let Some(d) = opts.profile.and_then(|p| late_for(p, &opts.created)) {
        warnings.push((words.past_deadline)(&d.what, &day_words(d)));
    }

    let outcome = PackageOutcome {
        path: target.clone(),
        entries,
        papers: papers_packed,
        bytes: packer.total,
        warnings,
    };
    let list = list_text(opts, &outcome, &short);
    packer.names.remove(LIST_NAME);
    packer.names.remove(MANIFEST_NAME);
    packer
        .add(LIST_NAME.into(), list.as_bytes())
        .map_err(write_err)?;
    let manifest = serde_json::to_string_pretty(&Manifest {
        schema: "soloai.package/1",
        created: &opts.created,
        report_generated_at: &report.generated_at,
        outcome: &outcome,
        units_short: &short,
    })
    .unwrap_or_default();
    packer
        .add(MANIFEST_NAME.into(), manifest.as_bytes())
        .map_err(write_err)?;
    let mut writer = packer.zip.finish().map_err(|e| write_err(e.to_string()))?;
    writer.flush().map_err(|e| write_err(e.to_string()))?;
    drop(writer);
    tmp.as_file()
        .sync_all()
        .map_err(|e| write_err(e.to_string()))?;
    tmp.persist(&target)
        .map_err(|e| write_err(e.error.to_string()))?;
    Ok(outcome)
}

const LIST_NAME: &str = "00-danh-muc-ho-so.txt";
const MANIFEST_NAME: &str = "00-manifest.json";

#[derive(Serialize)]
struct Manifest<'a> {
    schema: &'static str,
    created: &'a str,
    report_generated_at: &'a str,
    #[serde(flatten)]
    outcome: &'a PackageOutcome,
    /// Every unit short of its quota, as the report has it (QUOTA rule).
    units_short: &'a [&'a UnitQuota],
}

fn files_are_word(found: &discover::DiscoveredEntry) -> bool {
    let is_word = |p: &Path| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("doc"))
    };
    found.main.as_deref().is_some_and(is_word) || found.attachments.iter().any(|a| is_word(&a.path))
}

fn kib(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `00-danh-muc-ho-so.txt`: what the package holds, for the officer who receives it.
fn list_text(opts: &PackageOptions<'_>, outcome: &PackageOutcome, short: &[&UnitQuota]) -> String {
    let lang = opts.lang;
    let w = &lang.words().package;
    let report = opts.report;
    let mut s = String::new();
    let line = |s: &mut String, t: String| {
        s.push_str(&t);
        s.push_str("\r\n");
    };
    let contest = if report.contest.name.is_empty() {
        report.profile.clone()
    } else {
        report.contest.name.clone()
    };
    line(&mut s, w.list_title.into());
    line(&mut s, format!("{}: “{contest}”", w.contest));
    if let Some(c) = &report.council {
        let parent = if c.parent_unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.parent_unit)
        };
        line(&mut s, format!("{}: {}{parent}", w.sent_by, c.unit));
        if !c.screening.number.is_empty() {
            line(
                &mut s,
                format!(
                    "{}: {}/{}",
                    w.minutes_no, c.screening.number, c.screening.symbol
                ),
            );
        }
    }
    if let Some(d) = opts.profile.and_then(|p| p.forwarding_deadline()) {
        let when = day_words(d);
        line(
            &mut s,
            format!("{}: {} — {} {when}", w.deadline, d.what, w.before),
        );
    }
    let made = opts
        .created
        .parse::<jiff::Timestamp>()
        .map(|ts| {
            let d = jiff::tz::Offset::constant(7).to_datetime(ts);
            (w.made_at)(d.hour(), d.minute(), d.day(), d.month(), d.year())
        })
        .unwrap_or_else(|_| opts.created.clone());
    line(&mut s, format!("{}: {made}", w.made));
    line(&mut s, String::new());
    line(&mut s, w.papers_heading.into());
    for p in &outcome.papers {
        line(&mut s, format!("   - {} ({})", p.name, kib(p.bytes)));
    }
    line(&mut s, String::new());
    line(&mut s, (w.forwarded_heading)(outcome.entries.len()));
    for (i, e) in outcome.entries.iter().enumerate() {
        let mut head = format!(
            "   2.{}. {} — {}",
            i + 1,
            e.id,
            e.title.as_deref().unwrap_or("")
        );
        if !e.authors.is_empty() {
            head.push_str(&format!(" — {}", e.authors.join("; ")));
        }
        if let Some(u) = &e.unit {
            head.push_str(&format!(" ({u})"));
        }
        if e.by_council {
            head.push_str(w.by_council);
        }
        line(&mut s, head);
        for f in &e.files {
            line(&mut s, format!("        {} ({})", f.name, kib(f.bytes)));
        }
        for m in &e.missing {
            line(&mut s, format!("        {}: {m}", w.missing));
        }
    }
    if !short.is_empty() {
        line(&mut s, String::new());
        line(&mut s, w.units_heading.into());
        for u in short {
            line(
                &mut s,
                format!(
                    "   {}",
                    crate::report::minutes::unit_line(u, report.lang, lang)
                ),
            );
        }
    }
    if !outcome.warnings.is_empty() {
        line(&mut s, String::new());
        line(&mut s, w.before_sending.into());
        for warning in &outcome.warnings {
            line(&mut s, format!("   - {warning}"));
        }
    }
    line(&mut s, String::new());
    line(&mut s, w.hashes.into());
    s
}

/// The deadline for sending the package up, when `created` (RFC 3339) falls after its last
/// day in Việt Nam's time (UTC+7).
fn late_for<'p>(profile: &'p ContestProfile, created: &str) -> Option<&'p ContestDeadline> {
    let d = profile.forwarding_deadline()?;
    let last = d.last_day()?;
    let made = created.parse::<jiff::Timestamp>().ok()?;
    let made = jiff::tz::Offset::constant(7).to_datetime(made).date();
    let made = crate::manifest::Date::new(
        i64::from(made.year()),
        i64::from(made.month()),
        i64::from(made.day()),
    )?;
    (made > last).then_some(d)
}

/// A deadline's date as dd/mm/yyyy (as written when it cannot be read).
fn day_words(d: &ContestDeadline) -> String {
    d.date()
        .map_or_else(|| d.before.clone(), crate::manifest::Date::dmy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_made_after_the_last_day_is_late_in_vietnam_s_time() {
        let p = ContestProfile::builtin("lang-son-2025").expect("built in");
        // "trước ngày 15/7/2025": the 14th is the last day, 23:59 in UTC+7 is 16:59 UTC.
        assert!(late_for(&p, "2025-07-14T16:59:00Z").is_none());
        let late = late_for(&p, "2025-07-14T17:00:00Z").expect("late");
        assert_eq!(late.before, "2025-07-15");
        assert!(late_for(&p, "not a time").is_none());
    }

    #[test]
    fn errors_are_said_in_both_languages_and_name_the_file() {
        let e = PackageError::Missing {
            path: PathBuf::from("out/report.json"),
            cause: "không có tệp".into(),
        };
        assert_eq!(e.to_string(), "out/report.json: không có tệp");
        assert!(
            e.message(Lang::Vi)
                .starts_with("out/report.json: thiếu hoặc không đọc được")
        );
        assert_eq!(
            PackageError::Empty.to_string(),
            "no entry is forwarded: there is nothing to send"
        );
        assert!(
            PackageError::Empty
                .message(Lang::Vi)
                .starts_with("Không có bài dự thi nào")
        );
    }

    #[test]
    fn names_inside_are_safe_and_nfc() {
        assert_eq!(safe_component("../..//x"), "_..__x");
        assert_eq!(
            safe_path(&["bai-du-thi", "../../etc/passwd"]),
            "bai-du-thi/etc/passwd"
        );
        assert_eq!(safe_component("Bài: \"mới\"?.docx"), "Bài_ _mới__.docx");
        // NFD in, NFC out.
        assert_eq!(safe_component("Nguye\u{302}\u{303}n.docx"), "Nguyễn.docx");
        assert_eq!(safe_component("CON.txt"), "_CON.txt");
        assert_eq!(safe_component(" .. "), "_");
        assert_eq!(
            safe_component(&"a".repeat(300)).chars().count(),
            MAX_COMPONENT
        );
        assert_eq!(safe_component("a\u{7}b"), "a_b");
    }

    #[test]
    fn the_package_is_named_by_unit_and_year() {
        let mut r = Report::new("lang-son-2025", "2025-07-08T04:30:00Z");
        r.contest.organizer = "UBND tỉnh Lạng Sơn".into();
        assert_eq!(
            package_name(&r, None),
            "ho-so-so-loai-ubnd-tinh-lang-son-2025.zip"
        );
        let p = ContestProfile::builtin("hung-yen-2024");
        assert_eq!(
            package_name(&r, p.as_ref()),
            "ho-so-so-loai-ubnd-tinh-lang-son-2024.zip"
        );
        r.council = Some(crate::council::Council {
            unit: "Sở Nội vụ tỉnh Lạng Sơn".into(),
            ..crate::council::Council::default()
        });
        assert_eq!(
            package_name(&r, None),
            "ho-so-so-loai-so-noi-vu-tinh-lang-son-2025.zip"
        );
    }

    #[test]
    fn compressed_files_are_stored() {
        assert_eq!(method_for("a/b.MP4"), zip::CompressionMethod::Stored);
        assert_eq!(method_for("x.docx"), zip::CompressionMethod::Stored);
        assert_eq!(method_for("x.txt"), zip::CompressionMethod::Deflated);
    }
}
