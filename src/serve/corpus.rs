//! The corpus on the server: search it (with or without diacritics), add documents with
//! their kind and metadata, and add a finished contest's entries as past entries in one step.
//! The index is `detect`'s: this module only calls [`CorpusIndex`]'s public API.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Multipart, Query, State};
use axum::http::HeaderMap;
use maud::{Markup, html};
use serde::Deserialize;

use crate::index::{AddOptions, AddReport, CorpusIndex, CorpusKind, IndexError};
use crate::report::Report;
use crate::screen::now_rfc3339;
use crate::serve::db::Role;
use crate::serve::text::Text;
use crate::serve::web::{AppError, Auth, WebResult, csrf_field, db_err, page};
use crate::serve::{AppState, Shared};

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Hits shown for one query.
const MAX_HITS: usize = 50;

pub async fn search(
    State(state): State<Shared>,
    auth: Auth,
    Query(q): Query<SearchQuery>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    let query = q.q.trim().chars().take(500).collect::<String>();
    let dir = state.index_dir.clone();
    let query2 = query.clone();
    let (hits, total) = tokio::task::spawn_blocking(move || -> Result<_, IndexError> {
        if !dir.join(crate::index::META_FILE).is_file() {
            return Ok((Vec::new(), 0));
        }
        let index = CorpusIndex::open(&dir)?;
        Ok((index.search(&query2, MAX_HITS)?, index.len()))
    })
    .await
    .map_err(|e| AppError::internal(lang, e))?
    .map_err(|e| AppError::internal(lang, e.message(lang)))?;
    let is_admin = auth.user.role == Role::Admin;
    Ok(page(
        &state,
        Some(&auth),
        t.corpus(),
        html! {
            h1 { (t.corpus()) " (" (total) ")" }
            section {
                form.search method="get" action="/corpus" {
                    label { (t.corpus_search()) input type="search" name="q" value=(query) autofocus; }
                    button type="submit" { (t.search()) }
                }
                @if !query.is_empty() {
                    @if hits.is_empty() { p { (t.no_hits()) } }
                    ol.hits {
                        @for h in &hits {
                            // The document by its title and kind, in words: not the server's
                            // path nor the content hash, nor Markdown's marks.
                            li {
                                strong.doc-title { (shown_title(&h.title, &h.path)) } " " span.chip { (h.kind.label(lang)) } br;
                                span.snippet { (snippet(&h.snippet_plain, &h.highlights)) }
                            }
                        }
                    }
                }
            }
            @if is_admin {
                section {
                    h2 { (t.corpus_add()) }
                    form method="post" action="/corpus/add" enctype="multipart/form-data" {
                        (csrf_field(&auth))
                        label { (t.kind()) select name="kind" {
                            @for k in CorpusKind::ALL { option value=(k.as_str()) { (k.label(lang)) } }
                        } }
                        label { (t.contest_of()) input name="contest"; }
                        label { (t.year()) input name="year" inputmode="numeric" maxlength="4"; }
                        label { (t.province()) input name="province"; }
                        label { (t.awarded()) select name="awarded" {
                            option value="" { (t.unknown()) } option value="true" { (t.yes()) } option value="false" { (t.no()) }
                        } }
                        label { (t.title()) input name="title"; }
                        input type="file" name="files" multiple required;
                        button type="submit" { (t.upload()) }
                    }
                }
            }
        },
    ))
}

/// Text with Markdown's marks taken out: a heading's `#`s (at the start or after a space) and
/// `**` around bold words, as a person reading the document would never see them.
fn without_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut after_space = true;
    while let Some(c) = chars.next() {
        if c == '#' && after_space {
            let mut marks = 1;
            while chars.peek() == Some(&'#') {
                chars.next();
                marks += 1;
            }
            if marks <= 6 && chars.peek().is_none_or(|n| n.is_whitespace()) {
                while chars.peek().is_some_and(|n| *n == ' ') {
                    chars.next();
                }
                continue;
            }
            out.extend(std::iter::repeat_n('#', marks));
            after_space = false;
            continue;
        }
        if c == '*' && chars.peek() == Some(&'*') {
            chars.next();
            continue;
        }
        after_space = c.is_whitespace();
        out.push(c);
    }
    out
}

/// A document's title as a person reads it: without Markdown's marks; a document that had
/// no title (the index then keeps its path) by its file's name.
fn shown_title(title: &str, path: &str) -> String {
    let title = without_markdown(title.trim());
    let title = title.trim();
    if title.is_empty() || title == path {
        path.rsplit('/').next().unwrap_or(path).to_string()
    } else {
        title.to_string()
    }
}

/// A search hit's passage with the query terms in `<b>`, escaped here (not trusting any
/// HTML built elsewhere): ranges out of order, overlapping or off a character boundary are
/// skipped. Markdown's marks around them are left out.
fn snippet(text: &str, highlights: &[std::ops::Range<usize>]) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for r in highlights {
        if r.start < at || r.end > text.len() || r.start >= r.end {
            continue;
        }
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        parts.push((before, false));
        parts.push((hit, true));
        at = r.end;
    }
    parts.push((text.get(at..).unwrap_or(""), false));
    html! { @for (t, hit) in parts { @if hit { b { (t) } } @else { (without_markdown(t)) } } }
}

/// Where uploaded corpus documents are kept (the index stores their text; the files stay
/// for a rebuild).
fn corpus_files_dir(state: &AppState) -> PathBuf {
    state.data.join("corpus-files")
}

pub async fn add(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    mp: Multipart,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.require(Role::Admin, lang)?;
    let stage = state.stage_dir().map_err(|e| AppError::internal(lang, e))?;
    let posted =
        crate::serve::contest::read_multipart(&state, &auth, &headers, mp, stage.path()).await?;
    let field = |k: &str| {
        posted
            .fields
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if posted.files.is_empty() && posted.refused.is_empty() {
        return Err(AppError::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            t.no_file_chosen(),
        ));
    }
    let kind: CorpusKind = field("kind")
        .and_then(|k| k.parse().ok())
        .ok_or_else(|| AppError::bad(lang, t.bad_request()))?;
    let options = AddOptions {
        kind: Some(kind),
        contest: field("contest").map(|s| crate::normalize::nfc(&s)),
        year: field("year").and_then(|y| y.parse().ok()),
        province: field("province").map(|s| crate::normalize::nfc(&s)),
        awarded: field("awarded").and_then(|a| a.parse().ok()),
        title: field("title").map(|s| crate::normalize::nfc(&s)),
        ..AddOptions::default()
    };
    let mut refused: Vec<String> = posted.refused.iter().map(|p| p.message(lang)).collect();
    // Keep the files in a folder of their own, zips unpacked (with the same checks as entries).
    let batch = corpus_files_dir(&state).join(format!(
        "{}-{}",
        now_rfc3339().replace([':', '-'], ""),
        &crate::serve::auth::random_hex(3)
    ));
    let batch_dir = batch.clone();
    let limits = state.limits.clone();
    let files = posted.files;
    let _permit = state.runs.work.clone().acquire_owned().await.ok();
    let s = Arc::clone(&state);
    let stage_path = stage.path().to_path_buf();
    let (report, more_refused) = tokio::task::spawn_blocking(move || -> Result<_, String> {
        let mut refused = Vec::new();
        // The OS's cause in the reader's words.
        let said = |e: std::io::Error| crate::vocab::io_error(&e, lang).to_string();
        std::fs::create_dir_all(&batch).map_err(said)?;
        for (i, (display, path)) in files.into_iter().enumerate() {
            if display.to_lowercase().ends_with(".zip") {
                let unpack = stage_path.join(format!("zip-{i}"));
                std::fs::create_dir_all(&unpack).map_err(said)?;
                match crate::serve::upload::unzip(&path, &display, &unpack, &limits) {
                    Ok(_) => {
                        crate::serve::upload::merge_into(&unpack, &batch).map_err(said)?;
                    }
                    Err(p) => refused.push(p.message(lang)),
                }
            } else {
                std::fs::rename(&path, batch.join(&display)).map_err(said)?;
            }
        }
        // The index lock too, so a `soloai corpus add` on the same folder waits its turn.
        let _lock = crate::lock::lock_index(&s.index_dir).map_err(|e| e.message(lang))?;
        let mut index = CorpusIndex::open_or_create(&s.index_dir).map_err(|e| e.message(lang))?;
        let report = index
            .add_paths(&[batch], &options)
            .map_err(|e| e.message(lang))?;
        Ok((report, refused))
    })
    .await
    .map_err(|e| AppError::internal(lang, e))?
    .map_err(|e| AppError::internal(lang, e))?;
    refused.extend(more_refused);
    // Files by their names as uploaded, never the server's path.
    // (The index names a document by its path below the folder added, `<batch>/<name>`.)
    let batch_name = batch_dir.file_name().map(std::path::Path::new);
    let uploaded = |path: &std::path::Path| {
        path.strip_prefix(&batch_dir)
            .ok()
            .or_else(|| batch_name.and_then(|b| path.strip_prefix(b).ok()))
            .unwrap_or(path)
            .display()
            .to_string()
    };
    // Each file not added, and why in the reader's words.
    refused.extend(
        report
            .failed
            .iter()
            .map(|f| format!("{}: {}", uploaded(f.path()), f.message(lang))),
    );
    let detail = format!(
        "{} {}, {} {}, {} {}",
        report.added.len(),
        t.corpus_added(),
        report.duplicates.len(),
        t.corpus_duplicates(),
        refused.len(),
        t.corpus_failed()
    );
    state
        .db
        .audit(
            Some(auth.user.id),
            None,
            "corpus-add",
            &format!("{} — {detail}", kind.label(lang)),
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(page(
        &state,
        Some(&auth),
        t.corpus(),
        html! {
            h1 { (t.corpus_add()) }
            p #corpus-result { (detail) }
            ul { @for a in &report.added { li { (a.title) " — " (uploaded(std::path::Path::new(&a.path))) } } }
            @if !refused.is_empty() { h2 { (t.refused()) } ul.refused { @for r in &refused { li { (r) } } } }
            // Files that are no document soloai reads (an image, a program): named, not dropped
            // in silence.
            @if !report.ignored.is_empty() { h2 { (t.ignored()) } ul.ignored { @for p in &report.ignored { li { (uploaded(p)) } } } }
            p { a href="/corpus" { (t.back()) } }
        },
    ))
}

/// Add every readable entry of a screened contest to the corpus as a past entry
/// (`past-entry`), with the contest's name and year and whether it won a prize: one call for
/// the awarded entries and one for the others (the index takes `awarded` per call).
pub fn add_contest_entries(
    state: &AppState,
    contest_id: i64,
    report: &Report,
    awards: &HashMap<String, String>,
    contest_name: &str,
    year: Option<u16>,
) -> Result<Vec<AddReport>, String> {
    let lang = state.lang;
    let entries_dir = state.input_dir(contest_id).join("entries");
    let found = crate::discover::discover(&entries_dir).map_err(|e| e.to_string())?;
    let main_of: HashMap<&str, &PathBuf> = found
        .entries
        .iter()
        .filter_map(|d| Some((d.rel_path.as_str(), d.main.as_ref()?)))
        .collect();
    let mut awarded = Vec::new();
    let mut others = Vec::new();
    for e in &report.entries {
        if e.status != crate::report::EntryStatus::Ok {
            continue;
        }
        let Some(main) = main_of.get(e.file.as_str()) else {
            continue;
        };
        if awards.get(&e.id).is_some_and(|p| !p.is_empty()) {
            awarded.push((*main).clone());
        } else {
            others.push((*main).clone());
        }
    }
    let _lock = crate::lock::lock_index(&state.index_dir).map_err(|e| e.message(lang))?;
    let mut index = CorpusIndex::open_or_create(&state.index_dir).map_err(|e| e.message(lang))?;
    let mut reports = Vec::new();
    for (paths, won) in [(awarded, true), (others, false)] {
        if paths.is_empty() {
            continue;
        }
        let options = AddOptions {
            kind: Some(CorpusKind::PastEntry),
            contest: Some(contest_name.to_string()),
            year,
            awarded: Some(won),
            ..AddOptions::default()
        };
        reports.push(
            index
                .add_paths(&paths, &options)
                .map_err(|e| e.message(lang))?,
        );
    }
    Ok(reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_escaped_and_highlighted() {
        let text = "Một <script> cửa liên thông";
        let at = text.find("cửa").unwrap();
        let html = snippet(text, &[at..at + "cửa".len(), 1..2, 0..999]).into_string();
        assert_eq!(html, "Một &lt;script&gt; <b>cửa</b> liên thông");
    }

    #[test]
    fn markdown_marks_are_not_shown() {
        let text = "# I. ĐẶT VẤN ĐỀ\nCán bộ một cửa ## Mục 2 gửi **trước ngày 15/7**. Số #5 giữ.";
        let at = text.find("một cửa").unwrap();
        let hit = at..at + "một cửa".len();
        let html = snippet(text, std::slice::from_ref(&hit)).into_string();
        assert_eq!(
            html,
            "I. ĐẶT VẤN ĐỀ\nCán bộ <b>một cửa</b> Mục 2 gửi trước ngày 15/7. Số #5 giữ."
        );
        assert_eq!(
            shown_title("# Mô hình một cửa", "corpus/a/x.md"),
            "Mô hình một cửa"
        );
        assert_eq!(
            shown_title("files/2025-x/mot-cua.txt", "files/2025-x/mot-cua.txt"),
            "mot-cua.txt"
        );
    }
}
