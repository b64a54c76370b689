//! A contest on the server: its page, uploads, council, screening runs with live progress,
//! the report files the CLI writes, entry pages with the council's decisions, prizes.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Form;
use axum::body::Body;
use axum::extract::{Multipart, Path as UrlPath, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::lang::Lang;
use crate::profile::ContestProfile;
use crate::report::{EntryReport, Report, Verdict, entry_page_names};
use crate::screen::now_rfc3339;
use crate::serve::db::{Contest, Council, CouncilSeat, Decision, Role, RunStatus};
use crate::serve::runs::{Progress, RunJob, StartError};
use crate::serve::text::{PRIZES, Text};
use crate::serve::upload::{self, UploadProblem};
use crate::serve::web::{AppError, Auth, WebResult, csrf_field, db_err, page};
use crate::serve::{AppState, Shared, council_file};

// ---- list and create ----

pub async fn list(State(state): State<Shared>, auth: Auth) -> WebResult {
    contests_page(&state, &auth, None)
}

/// What was typed into the new-contest form when it was refused (the file cannot be kept:
/// browsers never fill a file input).
#[derive(Default)]
struct ContestDraft {
    name: String,
    year: String,
    profile: String,
    error: String,
}

/// The list of contests and the form that makes one; with a refused form, it as typed and why.
fn contests_page(state: &AppState, auth: &Auth, draft: Option<ContestDraft>) -> WebResult {
    let t = Text(state.lang);
    let contests = state
        .db
        .contests_for(&auth.user)
        .map_err(db_err(state.lang))?;
    let can_create = auth.user.role >= Role::Secretary;
    let draft = draft.unwrap_or_default();
    let status = if draft.error.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let mut res = page(
        state,
        Some(auth),
        t.contests(),
        html! {
            h1 { (t.contests()) }
            section {
                @if contests.is_empty() {
                    p { (t.no_contests()) }
                    // A member sees a contest once a secretary seats their account on its
                    // council: say how, and whom to ask.
                    @if auth.user.role == Role::Member {
                        p #not-seated { ((state.lang.words().web.no_contests_member)(&auth.user.username)) }
                    }
                }
                ul.contests {
                    @for c in &contests {
                        li { a href={ "/c/" (c.id) } { (c.name) } span.small { " · " (profile_words(state, c.id, &c.profile)) @if let Some(y) = c.year { " · " (y) } } }
                    }
                }
            }
            @if can_create {
                section #new-contest {
                    h2 { (t.new_contest()) }
                    @if !draft.error.is_empty() { p.error role="alert" { (draft.error) } }
                    form method="post" action="/contests" enctype="multipart/form-data" {
                        (csrf_field(auth))
                        label { (t.contest_name()) input name="name" required maxlength="300" value=(draft.name); }
                        label { (t.year()) input name="year" inputmode="numeric" maxlength="4" value=(draft.year); }
                        label { (t.profile()) select name="profile" {
                            @for p in ContestProfile::builtin_names() { option value=(p) selected[p == draft.profile] { (builtin_title(p)) } }
                        } }
                        label { (t.profile_upload()) " " span.small { "(" (t.technical_file_hint()) ")" } input type="file" name="profile_file" accept=".toml"; }
                        button type="submit" { (t.create()) }
                    }
                }
            }
        },
    );
    *res.status_mut() = status;
    Ok(res)
}

/// The stored name of a contest that screens by its own profile file (`input/profile.toml`).
const OWN_PROFILE: &str = "profile.toml";

/// A contest's profile in words: its title ("Tìm kiếm ý tưởng, giải pháp … năm 2025"), read from
/// the built-in of that name or the contest's own file, never the short name `lang-son-2025`
/// (shown as it is only if the profile cannot be read).
pub(crate) fn profile_words(state: &AppState, contest_id: i64, profile: &str) -> String {
    let loaded = if profile == OWN_PROFILE {
        ContestProfile::load(&state.input_dir(contest_id).join(OWN_PROFILE)).ok()
    } else {
        ContestProfile::builtin(profile)
    };
    loaded
        .map(|p| p.title)
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| profile.to_string())
}

/// A built-in profile's title, for the list to choose from.
fn builtin_title(name: &str) -> String {
    ContestProfile::builtin(name)
        .map(|p| p.title)
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| name.to_string())
}

/// Read a multipart form: the CSRF field must come before any file (the forms put it first;
/// scripts may send the header instead), so nothing is stored for a forged request. Files go
/// to `stage` with the caps applied while streaming.
pub(crate) struct Posted {
    pub(crate) fields: HashMap<String, String>,
    /// (name the browser gave, where it was stored)
    pub(crate) files: Vec<(String, PathBuf)>,
    pub(crate) refused: Vec<UploadProblem>,
}

pub(crate) async fn read_multipart(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    mut mp: Multipart,
    stage: &Path,
) -> Result<Posted, AppError> {
    let lang = state.lang;
    let t = Text(lang);
    let mut posted = Posted {
        fields: HashMap::new(),
        files: Vec::new(),
        refused: Vec::new(),
    };
    let mut csrf_ok = auth.check_csrf(None, headers, lang).is_ok();
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                lang,
                format!(
                    "{} ({} MB)",
                    t.too_large(),
                    state.limits.max_request / (1024 * 1024)
                ),
            )
        } else {
            AppError::bad(lang, t.bad_request())
        }
    };
    let mut n = 0usize;
    while let Some(mut field) = mp.next_field().await.map_err(too_large)? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        match file_name {
            None => {
                let mut value = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(too_large)? {
                    if value.len() + chunk.len() > 1024 * 1024 {
                        return Err(AppError::bad(lang, t.bad_request()));
                    }
                    value.extend_from_slice(&chunk);
                }
                let value = String::from_utf8_lossy(&value).into_owned();
                if name == "csrf" {
                    auth.check_csrf(Some(&value), headers, lang)?;
                    csrf_ok = true;
                }
                posted.fields.insert(name, value);
            }
            Some(file_name) => {
                if !csrf_ok {
                    auth.check_csrf(None, headers, lang)?;
                }
                if file_name.is_empty() {
                    // An empty file input.
                    while field.chunk().await.map_err(too_large)?.is_some() {}
                    continue;
                }
                let Some(display) = upload::base_name(&file_name) else {
                    posted
                        .refused
                        .push(UploadProblem::BadName { name: file_name });
                    while field.chunk().await.map_err(too_large)?.is_some() {}
                    continue;
                };
                n += 1;
                let path = stage.join(format!("upload-{n}"));
                let mut out = tokio::fs::File::create(&path)
                    .await
                    .map_err(|e| AppError::internal(lang, e))?;
                let mut size: u64 = 0;
                let mut over = false;
                while let Some(chunk) = field.chunk().await.map_err(too_large)? {
                    size += chunk.len() as u64;
                    if size > state.limits.max_file {
                        over = true;
                        continue;
                    }
                    tokio::io::AsyncWriteExt::write_all(&mut out, &chunk)
                        .await
                        .map_err(|e| AppError::internal(lang, e))?;
                }
                // tokio hands writes to a blocking thread: flush, or a reader that opens the
                // file next may find it short (an uploaded profile read back empty).
                tokio::io::AsyncWriteExt::flush(&mut out)
                    .await
                    .map_err(|e| AppError::internal(lang, e))?;
                drop(out);
                if over {
                    let _ = tokio::fs::remove_file(&path).await;
                    posted.refused.push(UploadProblem::TooLarge {
                        name: display,
                        limit: state.limits.max_file,
                    });
                } else if size == 0 {
                    let _ = tokio::fs::remove_file(&path).await;
                    posted.refused.push(UploadProblem::Empty { name: display });
                } else {
                    posted.files.push((display, path));
                }
            }
        }
    }
    if !csrf_ok {
        auth.check_csrf(None, headers, lang)?;
    }
    Ok(posted)
}

pub async fn create(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    mp: Multipart,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.require(Role::Secretary, lang)?;
    let stage = state.stage_dir().map_err(|e| AppError::internal(lang, e))?;
    let posted = read_multipart(&state, &auth, &headers, mp, stage.path()).await?;
    let typed = |k: &str| posted.fields.get(k).cloned().unwrap_or_default();
    // A refused form comes back as it was typed, with why.
    let refuse = |error: String| {
        contests_page(
            &state,
            &auth,
            Some(ContestDraft {
                name: typed("name"),
                year: typed("year"),
                profile: typed("profile"),
                error,
            }),
        )
    };
    let name = posted.fields.get("name").map(|s| s.trim()).unwrap_or("");
    if name.is_empty() {
        return refuse(t.contest_name_missing().to_string());
    }
    let name = crate::normalize::nfc(name);
    let year = posted
        .fields
        .get("year")
        .and_then(|y| y.trim().parse::<i64>().ok())
        .filter(|y| (1990..=2100).contains(y));
    if let Some(p) = posted.refused.first() {
        return refuse(p.message(lang));
    }
    // An uploaded profile wins over the list.
    let uploaded = match posted.files.first() {
        Some((display, path)) => match validated_profile(lang, display, path) {
            Ok(text) => Some(text),
            Err(e) => return refuse(e.message),
        },
        None => None,
    };
    let profile = match &uploaded {
        Some(_) => OWN_PROFILE.to_string(),
        None => {
            let p = typed("profile");
            if ContestProfile::builtin(&p).is_none() {
                return refuse(t.profile_invalid().to_string());
            }
            p
        }
    };
    let now = now_rfc3339();
    let id = state
        .db
        .create_contest(&name, &profile, year, auth.user.id, &now)
        .map_err(db_err(lang))?;
    let input = state.input_dir(id);
    std::fs::create_dir_all(input.join("entries")).map_err(|e| AppError::internal(lang, e))?;
    if let Some(text) = uploaded {
        crate::screen::cache::write_atomic(&input.join("profile.toml"), text.as_bytes())
            .map_err(|e| AppError::internal(lang, e))?;
    }
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "contest-created",
            &format!("{name} ({})", profile_words(&state, id, &profile)),
            &now,
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to(&format!("/c/{id}")).into_response())
}

/// A profile file's text if it parses as a contest profile.
fn validated_profile(lang: Lang, display: &str, path: &Path) -> Result<String, AppError> {
    let t = Text(lang);
    let ext_ok = display.to_lowercase().ends_with(".toml");
    let text = std::fs::read(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|_| ext_ok)
        .ok_or_else(|| AppError::bad(lang, format!("{display}: {}", t.wrong_type())))?;
    ContestProfile::from_toml_str(&text, Path::new(display)).map_err(|e| {
        AppError::bad(
            lang,
            format!("{}: {}", t.profile_invalid(), e.message(lang)),
        )
    })?;
    Ok(text)
}

// ---- the contest page ----

/// Files shown in the contest's file list (the count above it is exact).
const MAX_LISTED_FILES: usize = 2_000;

/// The contest folder's files as `entries/…` paths and the conventional files by name, sorted;
/// at most `limit`.
fn list_inputs(input: &Path, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let entries = input.join("entries");
    let mut stack = vec![entries.clone()];
    while let Some(d) = stack.pop() {
        let Ok(items) = std::fs::read_dir(&d) else {
            continue;
        };
        for item in items.flatten() {
            match item.file_type() {
                Ok(t) if t.is_dir() => stack.push(item.path()),
                Ok(t) if t.is_file() => {
                    if let Ok(rel) = item.path().strip_prefix(&entries) {
                        out.push(format!("entries/{}", rel.to_string_lossy()));
                    }
                }
                _ => {}
            }
        }
    }
    out.sort();
    out.truncate(limit);
    for name in CONTEST_FILES {
        if input.join(name).is_file() {
            out.push(name.to_string());
        }
    }
    out
}

fn count_files(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(items) = std::fs::read_dir(&d) else {
            continue;
        };
        for item in items.flatten() {
            match item.file_type() {
                Ok(t) if t.is_dir() => stack.push(item.path()),
                Ok(t) if t.is_file() => n += 1,
                _ => {}
            }
        }
    }
    n
}

/// The decision in force for each (entry, flag): the latest one.
fn latest_decisions(decisions: &[Decision]) -> HashMap<(&str, &str), &Decision> {
    let mut map = HashMap::new();
    for d in decisions {
        map.insert((d.entry_id.as_str(), d.flag_code.as_str()), d);
    }
    map
}

fn verdict_badge(lang: Lang, v: Verdict) -> Markup {
    html! { span class={ "badge " (v.code()) } { (v.label(lang)) } }
}

fn run_status_words(t: Text, s: RunStatus) -> &'static str {
    match s {
        RunStatus::Queued => t.run_queued(),
        RunStatus::Running => t.run_running(),
        RunStatus::Done => t.run_done(),
        RunStatus::Failed => t.run_failed(),
    }
}

pub async fn show(State(state): State<Shared>, auth: Auth, UrlPath(id): UrlPath<i64>) -> WebResult {
    contest_page(&state, &auth, id, None)
}

/// What the secretary typed into the council form when it was refused: shown again with why,
/// so nothing typed is lost.
struct CouncilDraft {
    council: Council,
    /// The members box as typed.
    members: String,
    error: String,
}

/// The contest's page; with a refused council form, that form as it was typed and why.
fn contest_page(state: &AppState, auth: &Auth, id: i64, draft: Option<CouncilDraft>) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    let contest = state.contest_for(auth, id)?;
    let is_secretary = auth.user.role >= Role::Secretary;
    let runs = state.db.runs(id, 10).map_err(db_err(lang))?;
    let report = state.report(id);
    let decisions = state.db.decisions(id).map_err(db_err(lang))?;
    let latest = latest_decisions(&decisions);
    let awards = state.db.awards(id).map_err(db_err(lang))?;
    // The entries that go on to the marking round, as the minutes say: those soloai proposed
    // and those the council's decisions forwarded. Each may be given a prize.
    let forwarded_ids: std::collections::HashSet<&str> = report
        .as_ref()
        .map(|r| {
            let said = crate::serve::minutes::for_minutes(&decisions, &contest.council.members);
            crate::report::minutes::decisions::forwarded(r, &said)
                .into_iter()
                .map(|(e, _)| e.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    let input = state.input_dir(id);
    let busy = state.runs.busy(id);
    let live = state.runs.subscribe(id).map(|rx| rx.borrow().clone());
    let entry_files = count_files(&input.join("entries"));
    let inputs: [(&str, bool); 4] = [
        (
            t.manifest(),
            input.join("manifest.csv").is_file() || input.join("manifest.xlsx").is_file(),
        ),
        (t.units(), input.join("units.csv").is_file()),
        (
            t.excluded(),
            input.join("excluded-persons.csv").is_file()
                || input.join("excluded-persons.txt").is_file(),
        ),
        (t.profile_file(), input.join("profile.toml").is_file()),
    ];
    let (council, council_text, council_error) = match draft {
        Some(d) => (d.council, d.members, Some(d.error)),
        None => (
            contest.council.clone(),
            council_lines(&contest.council, lang),
            None,
        ),
    };
    let stale = stale_notice(state, id, &runs, report.as_deref())?;
    let body = html! {
        h1 { (contest.name) }
        @if let Some(e) = &council_error { p.error role="alert" { a href="#council" { (e) } } }
        p.small #profile {
            (t.profile()) ": " (profile_words(state, id, &contest.profile))
            @if contest.profile == OWN_PROFILE { " (" (t.profile_own()) ")" }
            @if let Some(y) = contest.year { " · " (t.year()) " " (y) }
        }

        section #run {
            h2 { (t.run()) }
            @let shown = live.clone().or_else(|| runs.first().map(|r| Progress {
                run_id: r.id, status: r.status.as_str(), percent: if r.status == RunStatus::Done { 100 } else { 0 },
                message: r.message.clone(), done: r.entries as u64, total: r.entries as u64 }));
            @if let Some(p) = &shown {
                div.progress data-events={ "/c/" (id) "/events" } data-finished=(if p.finished() { "1" } else { "0" }) {
                    progress #run-progress max="100" value=(p.percent) { (p.percent) "%" }
                    span #run-percent { (p.percent) " %" }
                    " "
                    span #run-message { (p.message) }
                }
            }
            @if let Some(stale) = &stale { p.stale role="status" { (stale) } }
            @if is_secretary {
                form method="post" action={ "/c/" (id) "/run" } {
                    (csrf_field(auth))
                    // Nothing to screen yet: the button waits for the entries, and says why.
                    button type="submit" disabled[busy || entry_files == 0] { (t.start_run()) }
                    @if entry_files == 0 {
                        span.small { " " (t.no_entries()) }
                    } @else {
                        span.small { " " (t.rerun_note()) }
                    }
                }
            }
            @if !runs.is_empty() {
                details {
                    summary { (t.history()) }
                    div.table-scroll { table {
                        thead { tr { th { (t.started()) } th { (t.by()) } th { (t.status()) } th { (t.entries()) } th { (t.flagged()) } th { (t.from_cache()) } th { (t.duration()) } } }
                        tbody { @for r in &runs { tr {
                            td.nowrap { (crate::vocab::date_time_local(&r.started_at)) } td { (r.started_by.as_deref().unwrap_or("—")) }
                            td { (run_status_words(t, r.status)) @if r.status == RunStatus::Failed { br; span.small { (r.message) } } }
                            td.num { (r.entries) } td.num { (r.flagged) } td.num { (r.cached) } td.num { (crate::vocab::decimal(r.seconds, 1, lang)) " s" }
                        } } }
                    } }
                }
            }
        }

        section #reports {
            h2 { (t.reports()) }
            @if report.is_some() {
                ul.downloads {
                    li { a href={ "/c/" (id) "/report/index.html" } { (t.dashboard()) } }
                    li { a href={ "/c/" (id) "/report/summary.xlsx" } { (t.summary_xlsx()) } }
                    li { a href={ "/c/" (id) "/report/bien-ban-so-loai.docx" } { (t.minutes()) } }
                    li { a href={ "/c/" (id) "/report.zip" } { (t.download_zip()) } }
                }
                // Data for the command-line tools, folded away from the council's papers.
                details.technical {
                    summary { (t.technical_files()) }
                    p { a href={ "/c/" (id) "/decisions.json" } { (t.decisions_json()) } }
                    p.small { (t.decisions_json_hint()) }
                }
            } @else {
                p { (t.no_report()) }
            }
        }

        @if let Some(report) = &report {
            section #entries {
                h2 { (t.entries()) " (" (report.entries.len()) ")" }
                @if let Some(stale) = &stale { p.stale { (stale) } }
                div.table-scroll { table {
                    thead { tr { th { (t.entry()) } th { (t.title()) } th { (t.unit()) } th { (t.originality()) } th { (t.verdict()) } th { (t.flags()) } } }
                    tbody {
                        @for e in &report.entries {
                            tr {
                                td { a href={ "/c/" (id) "/entries/" (url_segment(&e.id)) } { (e.id) } }
                                td { (e.title.as_deref().unwrap_or(&e.file)) }
                                td { (e.unit.as_deref().unwrap_or("")) }
                                td.num { (e.originality.map(crate::report::words::percent).unwrap_or_default()) }
                                td { (verdict_badge(lang, e.verdict)) }
                                td {
                                    @for f in &e.flags {
                                        @let d = latest.get(&(e.id.as_str(), f.code.as_str()));
                                        // The flag by its name; its code stays in the tooltip.
                                        span class={ "chip " (d.map_or("pending", |d| d.action.as_str())) } title={ (f.code) " · " (t.action_name(d.map_or("", |d| d.action.as_str()))) } {
                                            (crate::vocab::flag_name(&f.code, lang))
                                            @if let Some(d) = d { " · " (t.action_name(&d.action)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
        }

        section #council {
            h2 { (t.council()) }
            @if let Some(e) = &council_error { p.error role="alert" { (e) } }
            @if is_secretary {
                form method="post" action={ "/c/" (id) "/council" } {
                    (csrf_field(auth))
                    div.grid {
                        label { (t.council_unit()) input name="unit" required value=(council.unit); }
                        label { (t.council_parent()) input name="parent_unit" value=(council.parent_unit); }
                        label { (t.council_name()) input name="name" value=(council.name); }
                        label { (t.council_place()) input name="place" value=(council.place); }
                        label { (t.council_number()) input name="number" value=(council.screening.number); }
                        label { (t.council_symbol()) input name="symbol" value=(council.screening.symbol); }
                        label { (t.council_date()) input name="date" value=(council.screening.date) placeholder="08/07/2025"; }
                        label { (t.council_start()) input name="start" value=(council.screening.start) placeholder="08:00"; }
                        label { (t.council_end()) input name="end" value=(council.screening.end) placeholder="11:30"; }
                        label { (t.council_venue()) input name="venue" value=(council.screening.venue); }
                    }
                    label { (t.council_members()) textarea name="members" rows="6" { (council_text) } }
                    p.small #council-account-hint { (t.council_account_hint()) }
                    button type="submit" { (t.save()) }
                }
            } @else {
                ul { @for m in &contest.council.members { li { (m.name) " — " (m.position) " (" (role_words(&m.role, lang)) ")" } } }
            }
        }

        @if is_secretary {
            section #inputs {
                h2 { (t.inputs()) }
                p { (t.entries_files()) ": " strong { (entry_files) } }
                ul { @for (label, present) in &inputs { li { (label) ": " (if *present { t.present() } else { t.absent() }) } } }
                details #files {
                    summary { (t.files_list()) }
                    ul.files {
                        @for f in list_inputs(&input, MAX_LISTED_FILES) {
                            li {
                                // Deleting cannot be undone: the button leads to a confirmation step.
                                form.inline method="get" action={ "/c/" (id) "/files/delete" } {
                                    input type="hidden" name="path" value=(f);
                                    span.file { (f) } " "
                                    button.danger.small type="submit" disabled[busy] title={ (t.delete()) " " (f) } { (t.delete_file()) }
                                }
                            }
                        }
                    }
                }
                form.upload method="post" action={ "/c/" (id) "/upload" } enctype="multipart/form-data" {
                    (csrf_field(auth))
                    input type="hidden" name="kind" value="entries";
                    div.dropzone { (t.drop_here()) }
                    p.small { (t.upload_hint()) }
                    input #entry-files type="file" name="files" multiple;
                    button type="submit" disabled[busy] { (t.upload_entries()) }
                }
                @for (kind, label, accept, hint) in [("manifest", t.manifest(), ".csv,.xlsx", None), ("units", t.units(), ".csv", None), ("excluded", t.excluded(), ".csv,.txt", None), ("profile", t.profile_file(), ".toml", Some(t.technical_file_hint())), ("council", t.council_file(), ".toml", Some(t.technical_file_hint()))] {
                    form.inline-upload method="post" action={ "/c/" (id) "/upload" } enctype="multipart/form-data" {
                        (csrf_field(auth))
                        input type="hidden" name="kind" value=(kind);
                        label { (label) @if let Some(h) = hint { " " span.small { "(" (h) ")" } } " " input type="file" name="files" accept=(accept) required; }
                        button type="submit" disabled[busy] { (t.upload()) }
                    }
                    // The empty manifest with its columns, to fill in (the CLI's
                    // `manifest-template`, which a web user cannot run).
                    @if kind == "manifest" { p.small #manifest-template { (t.manifest_template()) ": " (template_links(t)) } }
                }
            }
            @if let Some(report) = &report {
                section #awards {
                    h2 { (t.awards()) }
                    p.small { (t.awards_hint()) }
                    form method="post" action={ "/c/" (id) "/awards" } {
                        (csrf_field(auth))
                        div.table-scroll { table {
                            thead { tr { th { (t.entry()) } th { (t.title()) } th { (t.prize()) } } }
                            tbody { @for e in report.entries.iter().filter(|e| forwarded_ids.contains(e.id.as_str()) || awards.contains_key(&e.id)) {
                                @let current = awards.get(&e.id).map(String::as_str).unwrap_or("");
                                tr {
                                    td { (e.id) } td { (e.title.as_deref().unwrap_or(&e.file)) }
                                    td { select name={ "prize:" (e.id) } {
                                        @for p in PRIZES { option value=(p) selected[p == current] { (t.prize_name(p)) } }
                                    } }
                                }
                            } }
                        } }
                        div.actions { button type="submit" { (t.save()) } }
                    }
                    @if auth.user.role == Role::Admin {
                        // Cannot be undone from here: the button leads to a confirmation step.
                        form.separate method="get" action={ "/c/" (id) "/to-corpus" } {
                            div.actions { button.secondary type="submit" { (t.add_to_corpus()) } }
                        }
                    }
                }
            }
            section #audit {
                details {
                    summary { (t.audit()) }
                    (crate::serve::account::audit_table(state, Some(id), 200)?)
                }
            }
        }
        @if may_delete_contest(auth, &contest) {
            section #delete-contest {
                h2 { (t.delete_contest_title()) }
                p.small { (t.delete_contest_hint()) }
                // Cannot be undone: the button leads to a confirmation step.
                form method="get" action={ "/c/" (id) "/delete" } {
                    button.danger type="submit" disabled[busy] { (t.delete_contest()) }
                }
            }
        }
    };
    Ok(page(state, Some(auth), &contest.name, body))
}

/// "Old results, run again" when the files changed after the run that made the report shown
/// (the last finished one): an upload or a deletion while that run, or a later one, was the
/// newest. `None` when the report is current or there is none.
fn stale_notice(
    state: &AppState,
    id: i64,
    runs: &[crate::serve::db::Run],
    report: Option<&Report>,
) -> Result<Option<String>, AppError> {
    let Some(report) = report else {
        return Ok(None);
    };
    let Some(made_by) = runs.iter().find(|r| r.status == RunStatus::Done) else {
        return Ok(None);
    };
    let changed = state.db.inputs_changed(id).map_err(db_err(state.lang))?;
    Ok(changed
        .filter(|(_, after_run)| *after_run >= made_by.id)
        .map(|(at, _)| {
            (state.lang.words().web.stale_results)(
                &crate::vocab::date_time_local(&report.generated_at),
                &crate::vocab::date_time_local(&at),
            )
        }))
}

/// An entry id as one URL path segment.
pub fn url_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ---- uploads ----

/// What an upload did, file by file.
#[derive(Debug, Default)]
pub struct UploadOutcome {
    pub saved: Vec<String>,
    pub refused: Vec<String>,
    pub ignored: Vec<String>,
    /// Rows of a saved list that could not be read (the run goes on without them).
    pub row_problems: Vec<String>,
    /// A manifest was refused for want of its columns: the page offers the template.
    pub template_hint: bool,
}

/// The lists a screening reads beside the entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Manifest,
    Units,
    Excluded,
}

impl ListKind {
    /// The list a conventional file of the contest folder is, if it is one.
    fn of_file(name: &str) -> Option<ListKind> {
        match name {
            "manifest.csv" | "manifest.xlsx" => Some(ListKind::Manifest),
            "units.csv" => Some(ListKind::Units),
            "excluded-persons.csv" | "excluded-persons.txt" => Some(ListKind::Excluded),
            _ => None,
        }
    }
}

/// Rows of one list named on the upload page; the rest counted.
const MAX_ROW_PROBLEMS: usize = 20;

/// A list refused at upload: why, naming the file as sent, and whether the manifest template
/// is the way to mend it.
#[derive(Debug)]
struct ListRefusal {
    message: String,
    template: bool,
}

/// A manifest problem as the web app says it, and whether the template would mend it: a
/// manifest without its id and file columns points to the template the contest's page offers
/// for download, not to `soloai manifest-template`, a command a web user cannot run (the CLI
/// keeps its own words).
pub(crate) fn manifest_problem(lang: Lang, e: &crate::manifest::ManifestError) -> (String, bool) {
    match &e.kind {
        crate::manifest::ManifestErrorKind::MissingColumn { expected } => {
            let file = e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let place = (lang.words().manifest_error.place)(&file, e.line, e.column.as_deref());
            (
                (lang.words().web.manifest_missing_column)(&place, expected),
                true,
            )
        }
        _ => (e.message(lang), false),
    }
}

/// Read a list with the reader the screening run uses, as it will: `Err` (the reason, naming
/// the file) when the run would stop on it or it holds no row, so it is refused at upload
/// instead of failing the next run; else the rows it could not read (kept, and said).
/// `named` is the file under the name the reader should say (its extension picks CSV or XLSX).
fn check_list(lang: Lang, kind: ListKind, named: &Path) -> Result<Vec<String>, ListRefusal> {
    let limits = crate::limits::Limits::default();
    let said = |e: crate::manifest::ManifestError| {
        let (message, template) = manifest_problem(lang, &e);
        ListRefusal { message, template }
    };
    let (rows, problems) = match kind {
        ListKind::Manifest => {
            let m = crate::manifest::read_manifest_with(named, &limits).map_err(said)?;
            (m.rows.len(), m.problems)
        }
        ListKind::Units => {
            let u = crate::manifest::read_units(named, &limits).map_err(said)?;
            (u.units.len(), u.problems)
        }
        ListKind::Excluded => {
            let people =
                crate::manifest::read_excluded_persons_with(named, &limits).map_err(said)?;
            (people.len(), Vec::new())
        }
    };
    if rows == 0 {
        let file = named
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(ListRefusal {
            message: (lang.words().web.list_no_rows)(&file),
            template: false,
        });
    }
    let mut out: Vec<String> = problems
        .iter()
        .take(MAX_ROW_PROBLEMS)
        .map(|p| p.message(lang))
        .collect();
    if problems.len() > MAX_ROW_PROBLEMS {
        out.push((lang.words().web.more_rows)(
            problems.len() - MAX_ROW_PROBLEMS,
        ));
    }
    Ok(out)
}

/// [`check_list`] on an uploaded file kept under a staging name: read through a link named as
/// it was uploaded, in a folder of its own under `stage`.
fn check_uploaded_list(
    lang: Lang,
    kind: ListKind,
    display: &str,
    path: &Path,
    stage: &Path,
    n: usize,
) -> std::io::Result<Result<Vec<String>, ListRefusal>> {
    let dir = stage.join(format!("check-{n}"));
    std::fs::create_dir_all(&dir)?;
    let named = dir.join(display);
    if std::fs::hard_link(path, &named).is_err() {
        std::fs::copy(path, &named)?;
    }
    let checked = check_list(lang, kind, &named);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(checked)
}

/// The conventional files of a contest folder a zip may carry beside `entries/`.
const CONTEST_FILES: [&str; 7] = [
    "council.toml",
    "manifest.csv",
    "manifest.xlsx",
    "excluded-persons.csv",
    "excluded-persons.txt",
    "units.csv",
    "profile.toml",
];

fn place_entries(
    lang: Lang,
    files: Vec<(String, PathBuf)>,
    stage: &Path,
    input: &Path,
    limits: &upload::UploadLimits,
    out: &mut UploadOutcome,
) -> std::io::Result<()> {
    let entries = input.join("entries");
    std::fs::create_dir_all(&entries)?;
    for (i, (display, path)) in files.into_iter().enumerate() {
        let is_zip = display.to_lowercase().ends_with(".zip");
        if !is_zip {
            let target = entries.join(&display);
            std::fs::rename(&path, &target)?;
            out.saved.push(display);
            continue;
        }
        let unpack = stage.join(format!("zip-{i}"));
        std::fs::create_dir_all(&unpack)?;
        let unzipped = match upload::unzip(&path, &display, &unpack, limits) {
            Ok(u) => u,
            Err(problem) => {
                let _ = std::fs::remove_dir_all(&unpack);
                out.refused.push(problem.message(lang));
                continue;
            }
        };
        out.refused
            .extend(unzipped.skipped.iter().map(|s| format!("{display}: {s}")));
        let root = upload::unwrap_single_folder(&unpack);
        if root.join("entries").is_dir() {
            // A whole contest folder.
            for item in std::fs::read_dir(&root)?.flatten() {
                let name = item.file_name().to_string_lossy().into_owned();
                let kind = item.file_type()?;
                if kind.is_dir() && (name == "entries" || name == "prior") {
                    let moved = upload::merge_into(&item.path(), &input.join(&name))?;
                    out.saved
                        .extend(moved.iter().map(|m| format!("{name}/{}", m.display())));
                } else if kind.is_file() && CONTEST_FILES.contains(&name.as_str()) {
                    if name == "profile.toml"
                        && let Err(e) = validated_profile(lang, &name, &item.path())
                    {
                        out.refused.push(e.message);
                        continue;
                    }
                    if name == "council.toml"
                        && let Err(e) = validated_council(lang, &name, &item.path())
                    {
                        out.refused.push(e);
                        continue;
                    }
                    if let Some(list) = ListKind::of_file(&name) {
                        match check_list(lang, list, &item.path()) {
                            Ok(rows) => out.row_problems.extend(rows),
                            Err(e) => {
                                out.refused.push(format!("{display}: {}", e.message));
                                out.template_hint |= e.template;
                                continue;
                            }
                        }
                    }
                    replace_variant(input, &name)?;
                    std::fs::rename(item.path(), input.join(&name))?;
                    out.saved.push(name);
                } else {
                    out.ignored.push(format!("{display}: {name}"));
                }
            }
        } else {
            let moved = upload::merge_into(&root, &entries)?;
            out.saved
                .extend(moved.iter().map(|m| m.display().to_string()));
        }
    }
    Ok(())
}

/// A council file the minutes can use, or why not.
fn validated_council(lang: Lang, display: &str, path: &Path) -> Result<Council, String> {
    let text = std::fs::read(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| format!("{display}: {}", Text(lang).wrong_type()))?;
    // What the screening run will read must read: the same checks, the same words (the file
    // as uploaded is named, with the line of a mistake), before the file is kept.
    crate::council::Council::from_toml_str(text.trim_start_matches('\u{feff}'), Path::new(display))
        .map_err(|e| e.message(lang))?;
    council_file::parse(&text)
        .map_err(|e| format!("{display}: {} ({e})", Text(lang).council_invalid()))
}

/// Give each seat of `council` without an account the account of the seat of `before` with
/// the same name (compared folded: case, diacritics and spacing aside).
fn keep_accounts(council: &mut Council, before: &Council) {
    let key = crate::normalize::fold_key;
    for seat in council.members.iter_mut().filter(|s| s.username.is_none()) {
        seat.username = before
            .members
            .iter()
            .find(|b| b.username.is_some() && key(&b.name) == key(&seat.name))
            .and_then(|b| b.username.clone());
    }
}

/// `manifest.csv` and `manifest.xlsx` are one input: a new one replaces the other.
fn replace_variant(input: &Path, name: &str) -> std::io::Result<()> {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    for other in CONTEST_FILES
        .iter()
        .filter(|n| n.starts_with(stem) && **n != name)
    {
        let p = input.join(other);
        if p.is_file() {
            std::fs::remove_file(p)?;
        }
    }
    Ok(())
}

fn place_single(
    lang: Lang,
    kind: &str,
    files: Vec<(String, PathBuf)>,
    stage: &Path,
    input: &Path,
    out: &mut UploadOutcome,
) -> std::io::Result<()> {
    let t = Text(lang);
    for (n, (display, path)) in files.into_iter().enumerate() {
        let ext = display
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        let target = match (kind, ext.as_str()) {
            ("manifest", "csv" | "xlsx") => format!("manifest.{ext}"),
            ("units", "csv") => "units.csv".to_string(),
            ("excluded", "csv" | "txt") => format!("excluded-persons.{ext}"),
            ("profile", "toml") => {
                if let Err(e) = validated_profile(lang, &display, &path) {
                    out.refused.push(e.message);
                    continue;
                }
                "profile.toml".to_string()
            }
            ("council", "toml") => {
                if let Err(e) = validated_council(lang, &display, &path) {
                    out.refused.push(e);
                    continue;
                }
                "council.toml".to_string()
            }
            _ => {
                out.refused.push(format!("{display}: {}", t.wrong_type()));
                continue;
            }
        };
        // A list is read as the screening will read it before it replaces the one in place.
        if let Some(list) = ListKind::of_file(&target) {
            match check_uploaded_list(lang, list, &display, &path, stage, n)? {
                Ok(rows) => out.row_problems.extend(rows),
                Err(e) => {
                    out.refused.push(e.message);
                    out.template_hint |= e.template;
                    continue;
                }
            }
        }
        replace_variant(input, &target)?;
        std::fs::rename(&path, input.join(&target))?;
        out.saved.push(format!("{display} → {target}"));
    }
    Ok(())
}

pub async fn upload(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    mp: Multipart,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.require(Role::Secretary, lang)?;
    let contest = state.contest_for(&auth, id)?;
    let stage = state.stage_dir().map_err(|e| AppError::internal(lang, e))?;
    let posted = read_multipart(&state, &auth, &headers, mp, stage.path()).await?;
    if state.runs.busy(id) {
        return Err(AppError::new(StatusCode::CONFLICT, lang, t.run_busy()));
    }
    if posted.files.is_empty() && posted.refused.is_empty() {
        // "Đã lưu (0)" said nothing useful: say that no file was chosen.
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            t.no_file_chosen(),
        ));
    }
    let kind = posted
        .fields
        .get("kind")
        .cloned()
        .unwrap_or_else(|| "entries".into());
    let mut out = UploadOutcome {
        refused: posted.refused.iter().map(|p| p.message(lang)).collect(),
        ..UploadOutcome::default()
    };
    let input = state.input_dir(id);
    let limits = state.limits.clone();
    let files = posted.files;
    let stage_path = stage.path().to_path_buf();
    let mut out = tokio::task::spawn_blocking(move || {
        let result = if kind == "entries" {
            place_entries(lang, files, &stage_path, &input, &limits, &mut out)
        } else {
            place_single(lang, &kind, files, &stage_path, &input, &mut out)
        };
        result.map(|_| out)
    })
    .await
    .map_err(|e| AppError::internal(lang, e))?
    .map_err(|e| AppError::internal(lang, e))?;
    drop(stage);
    // A council file sent with the contest (or alone) fills the council form.
    if out.saved.iter().any(|s| s.ends_with("council.toml")) {
        let text =
            std::fs::read_to_string(state.input_dir(id).join("council.toml")).unwrap_or_default();
        if let Ok(mut council) = council_file::parse(&text) {
            // The file knows no accounts: a seat keeps the account it had under the same name.
            if let Ok(Some(before)) = state.db.contest(id) {
                keep_accounts(&mut council, &before.council);
            }
            state.db.set_council(id, &council).map_err(db_err(lang))?;
        }
    }
    // A profile file that came with the upload (a contest folder's zip carries one) replaces
    // the criteria chosen so far: said on the page, never silently.
    let profile_note = if out.saved.iter().any(|s| s.ends_with(OWN_PROFILE)) {
        let before = profile_words(&state, id, &contest.profile);
        state
            .db
            .set_contest_profile(id, OWN_PROFILE)
            .map_err(db_err(lang))?;
        let now = profile_words(&state, id, OWN_PROFILE);
        Some((lang.words().web.profile_replaced)(&now, &before))
    } else {
        None
    };
    let now = now_rfc3339();
    // What the screening reads changed (a council file alone only changes the minutes, which
    // are written again at each download): the last results are now old.
    if out.saved.iter().any(|s| !s.ends_with("council.toml")) {
        state
            .db
            .mark_inputs_changed(id, &now)
            .map_err(db_err(lang))?;
    }
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "upload",
            &format!(
                "{} {}, {} {}{}",
                out.saved.len(),
                t.uploaded(),
                out.refused.len(),
                t.refused(),
                if out.refused.is_empty() {
                    String::new()
                } else {
                    format!(": {}", out.refused.join("; "))
                }
            ),
            &now,
        )
        .map_err(db_err(lang))?;
    out.saved.truncate(500);
    let status = if out.saved.is_empty() && !out.refused.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut res = page(
        &state,
        Some(&auth),
        &contest.name,
        html! {
            h1 { (contest.name) }
            section.upload-result {
                h2 { (t.upload()) }
                @if let Some(note) = &profile_note { p.notice #profile-replaced role="status" { (note) } }
                @if !out.refused.is_empty() {
                    h3 { (t.refused()) " (" (out.refused.len()) ")" }
                    ul.refused { @for r in &out.refused { li { (r) } } }
                }
                @if out.template_hint { p #manifest-template-hint { (t.manifest_template_hint()) " " (template_links(t)) } }
                h3 { (t.uploaded()) " (" (out.saved.len()) ")" }
                ul.saved { @for s in &out.saved { li { (s) } } }
                @if !out.ignored.is_empty() {
                    h3 { (t.ignored()) }
                    ul { @for s in &out.ignored { li { (s) } } }
                }
                @if !out.row_problems.is_empty() {
                    h3 { (t.list_row_problems()) }
                    ul.row-problems { @for s in &out.row_problems { li { (s) } } }
                }
                p { a href={ "/c/" (id) } { (t.back()) } }
            }
        },
    );
    *res.status_mut() = status;
    Ok(res)
}

/// The manifest templates a secretary may download: the address's file name, what it holds,
/// its extension.
const MANIFEST_TEMPLATES: [(&str, &str, &str); 2] = [
    (
        "manifest.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    ("manifest.csv", "text/csv; charset=utf-8", "csv"),
];

/// Links to the manifest template, Excel first (what a unit's secretary opens).
fn template_links(t: Text) -> Markup {
    html! {
        a href="/templates/manifest.xlsx" { (t.manifest_template_xlsx()) }
        " · "
        a href="/templates/manifest.csv" { (t.manifest_template_csv()) }
    }
}

/// The empty manifest (danh sách bài dự thi) with its columns and a row saying what goes in
/// each, written by the library's own template writer: the file `soloai manifest-template`
/// writes, for whoever is signed in.
pub async fn manifest_template(
    State(state): State<Shared>,
    _auth: Auth,
    UrlPath(name): UrlPath<String>,
) -> WebResult {
    let lang = state.lang;
    let Some((_, kind, ext)) = MANIFEST_TEMPLATES.iter().find(|(n, _, _)| *n == name) else {
        return Err(AppError::not_found(lang));
    };
    let bytes = match *ext {
        "xlsx" => crate::manifest::template_xlsx().map_err(|e| AppError::internal(lang, e))?,
        _ => crate::manifest::template_csv(),
    };
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    let file = format!("{}.{ext}", lang.words().web.manifest_template_file);
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    path: String,
    /// `1` once the secretary confirmed; without it the confirmation step is shown.
    #[serde(default)]
    confirm: String,
}

#[derive(Deserialize)]
pub struct DeleteQuery {
    path: String,
}

/// The uploaded file `path` names, if it may be deleted: an entry file under `entries/` or one
/// of the contest's conventional files, a regular file reached through no link. Returns the
/// relative path and the file.
fn deletable(state: &AppState, id: i64, path: &str) -> Result<(PathBuf, PathBuf), AppError> {
    let lang = state.lang;
    let t = Text(lang);
    let input = state.input_dir(id);
    let rel = upload::safe_relative(path).map_err(|_| AppError::bad(lang, t.bad_name()))?;
    let allowed = rel.starts_with("entries") && rel.components().count() > 1
        || CONTEST_FILES.iter().any(|n| rel == Path::new(n));
    if !allowed {
        return Err(AppError::bad(lang, t.bad_name()));
    }
    let target = input.join(&rel);
    // Every component below the contest folder must be a real folder or file, not a link.
    let mut at = input.clone();
    for c in rel.components() {
        at.push(c);
        let meta = std::fs::symlink_metadata(&at).map_err(|_| AppError::not_found(lang))?;
        if meta.file_type().is_symlink() {
            return Err(AppError::bad(lang, t.bad_name()));
        }
    }
    if !std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file()) {
        return Err(AppError::not_found(lang));
    }
    Ok((rel, target))
}

/// The confirmation step before a file is deleted.
fn confirm_delete(state: &AppState, auth: &Auth, id: i64, rel: &Path) -> Response {
    let shown = rel.to_string_lossy();
    crate::serve::web::confirm_page(
        state,
        auth,
        crate::serve::web::Confirm {
            question: (state.lang.words().web.confirm_delete)(&shown),
            action: format!("/c/{id}/files/delete"),
            hidden: &[("path", &shown)],
            button: Text(state.lang).confirm_delete_button(),
            back: format!("/c/{id}#files"),
        },
    )
}

/// Ask before deleting (the list's button leads here).
pub async fn delete_file_page(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    Query(q): Query<DeleteQuery>,
) -> WebResult {
    auth.require(Role::Secretary, state.lang)?;
    state.contest_for(&auth, id)?;
    let (rel, _) = deletable(&state, id, &q.path)?;
    Ok(confirm_delete(&state, &auth, id, &rel))
}

/// Remove one uploaded file (a unit sent the wrong one): an entry file under `entries/` or one
/// of the contest's conventional files. Only regular files inside the contest folder, never
/// through a link; folders left empty under `entries/` go too. Only once confirmed: without
/// `confirm=1` the confirmation step is shown instead.
pub async fn delete_file(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(f): Form<DeleteForm>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Secretary, lang)?;
    state.contest_for(&auth, id)?;
    if state.runs.busy(id) {
        return Err(AppError::new(StatusCode::CONFLICT, lang, t.run_busy()));
    }
    let input = state.input_dir(id);
    let (rel, target) = deletable(&state, id, &f.path)?;
    if f.confirm != "1" {
        return Ok(confirm_delete(&state, &auth, id, &rel));
    }
    std::fs::remove_file(&target).map_err(|e| AppError::internal(lang, e))?;
    let entries = input.join("entries");
    let mut dir = target.parent().map(Path::to_path_buf);
    while let Some(d) = dir {
        if d == entries || !d.starts_with(&entries) || std::fs::remove_dir(&d).is_err() {
            break;
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    let now = now_rfc3339();
    if rel != Path::new(crate::council::FILE_NAME) {
        state
            .db
            .mark_inputs_changed(id, &now)
            .map_err(db_err(lang))?;
    }
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "file-deleted",
            &rel.to_string_lossy(),
            &now,
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to(&format!("/c/{id}#files")).into_response())
}

// ---- deleting a contest ----

/// Whether this user may delete the contest: an administrator, or the secretary who created it.
fn may_delete_contest(auth: &Auth, contest: &Contest) -> bool {
    auth.user.role == Role::Admin
        || (auth.user.role >= Role::Secretary && contest.created_by == Some(auth.user.id))
}

/// The contest if this user may delete it: 404 for a contest they may not see, 403 for one
/// they may see but not delete.
fn contest_to_delete(state: &AppState, auth: &Auth, id: i64) -> Result<Contest, AppError> {
    let contest = state.contest_for(auth, id)?;
    if may_delete_contest(auth, &contest) {
        Ok(contest)
    } else {
        Err(AppError::forbidden(state.lang))
    }
}

/// The confirmation step before a contest is deleted: its name, how many files were uploaded
/// to it and how many screening runs it had.
fn confirm_delete_contest(
    state: &AppState,
    auth: &Auth,
    contest: &Contest,
) -> Result<Response, AppError> {
    let files = count_files(&state.input_dir(contest.id));
    let runs = state.db.run_count(contest.id).map_err(db_err(state.lang))?;
    let runs = usize::try_from(runs).unwrap_or_default();
    Ok(crate::serve::web::confirm_page(
        state,
        auth,
        crate::serve::web::Confirm {
            question: (state.lang.words().web.confirm_delete_contest)(&contest.name, files, runs),
            action: format!("/c/{}/delete", contest.id),
            hidden: &[],
            button: Text(state.lang).confirm_delete_contest_button(),
            back: format!("/c/{}#delete-contest", contest.id),
        },
    ))
}

/// Ask before deleting a contest (the contest page's button leads here).
pub async fn delete_contest_page(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
) -> WebResult {
    let lang = state.lang;
    let contest = contest_to_delete(&state, &auth, id)?;
    if state.runs.busy(id) {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            lang,
            Text(lang).delete_contest_busy(),
        ));
    }
    confirm_delete_contest(&state, &auth, &contest)
}

/// Delete a contest made by mistake (or for a test): its rows (council seats, runs, decisions,
/// prizes) and the folder the server made for it under `contests/` (uploaded files, reports,
/// cache). Never while a run of it goes on, only once confirmed (without `confirm=1` the
/// confirmation step is shown instead), written to the audit log.
pub async fn delete_contest(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(f): Form<ConfirmForm>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    let contest = contest_to_delete(&state, &auth, id)?;
    if f.confirm != "1" {
        return confirm_delete_contest(&state, &auth, &contest);
    }
    let files = count_files(&state.input_dir(id));
    let runs = state.db.run_count(id).map_err(db_err(lang))?;
    let runs = usize::try_from(runs).unwrap_or_default();
    // Hold the contest's run slot while deleting: no run starts, no upload lands.
    state
        .runs
        .reserve(id, 0, lang)
        .map_err(|StartError::Busy| {
            AppError::new(StatusCode::CONFLICT, lang, t.delete_contest_busy())
        })?;
    let s = Arc::clone(&state);
    let user = auth.user.id;
    let removed = tokio::task::spawn_blocking(move || remove_contest(&s, id, user)).await;
    state.runs.forget(id);
    removed.map_err(|e| AppError::internal(lang, e))??;
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "contest-deleted",
            &(lang.words().web.audit_contest_deleted)(&contest.name, files, runs),
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to("/contests").into_response())
}

/// Take the contest's folder out of `contests/` first (moved into `tmp/`, which the server
/// empties at start, so a deletion cut short is finished by the next start), then delete its
/// rows (the folder goes back if that fails), then the moved folder. Only the folder the server
/// made, `DATA/contests/<id>`, is touched: a link is moved and removed as a link, never
/// followed (`remove_dir_all` does not follow links either), and nothing is moved if
/// `contests/` itself is not a real folder.
fn remove_contest(state: &AppState, id: i64, user_id: i64) -> Result<(), AppError> {
    let lang = state.lang;
    let internal = |e: std::io::Error| AppError::internal(lang, e);
    let dir = state.contest_dir(id);
    let moved = match std::fs::symlink_metadata(&dir) {
        Ok(_) => {
            let contests = state.data.join("contests");
            if !std::fs::symlink_metadata(&contests).is_ok_and(|m| m.is_dir()) {
                return Err(AppError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    lang,
                    Text(lang).server_error(),
                ));
            }
            let trash = state.data.join("tmp");
            std::fs::create_dir_all(&trash).map_err(internal)?;
            let trash = trash.join(format!(
                "deleted-contest-{id}-{}",
                crate::serve::auth::random_hex(6)
            ));
            std::fs::rename(&dir, &trash).map_err(internal)?;
            Some(trash)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(internal(e)),
    };
    if let Err(e) = state.db.delete_contest(id, user_id, &now_rfc3339()) {
        if let Some(trash) = &moved {
            let _ = std::fs::rename(trash, &dir);
        }
        return Err(db_err(lang)(e));
    }
    state.forget_report(id);
    if let Some(trash) = moved {
        // Left in `tmp/` if this fails: emptied at the next start.
        let _ = if std::fs::symlink_metadata(&trash).is_ok_and(|m| m.is_dir()) {
            std::fs::remove_dir_all(&trash)
        } else {
            std::fs::remove_file(&trash)
        };
    }
    Ok(())
}

// ---- council ----

fn council_lines(c: &Council, lang: Lang) -> String {
    c.members
        .iter()
        .map(|m| {
            format!(
                "{} | {} | {} | {}",
                m.name,
                m.position,
                role_words(&m.role, lang),
                m.username.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A seat's role in words ("Chủ tịch Hội đồng"), from the code the council file keeps.
fn role_words(code: &str, lang: Lang) -> String {
    crate::council::Role::parse(code)
        .map_or_else(|| code.to_string(), |r| r.label(lang).to_string())
}

#[derive(Deserialize)]
pub struct CouncilForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    parent_unit: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    symbol: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    members: String,
}

/// Council role words as typed (with or without diacritics) to the codes of council.toml.
/// The role code of what a secretary typed ("Chủ tịch Hội đồng", "uỷ viên", "thu-ky"), read
/// as the council file reads it (`council::Role::parse`); empty is a member. `None`: a role
/// that is not one of the four, refused rather than guessed.
fn council_role(s: &str) -> Option<String> {
    if s.trim().is_empty() {
        return Some(crate::council::Role::Member.code().to_string());
    }
    crate::council::Role::parse(s).map(|r| r.code().to_string())
}

pub async fn set_council(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(f): Form<CouncilForm>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Secretary, lang)?;
    state.contest_for(&auth, id)?;
    let clean = |s: &str| crate::normalize::nfc(s.trim());
    let mut members = Vec::new();
    // The first thing wrong, said after the whole form is read (the page shows it again as typed).
    let mut problem: Option<String> = None;
    for line in f.members.lines().filter(|l| !l.trim().is_empty()).take(100) {
        let mut cells = line.split('|').map(str::trim);
        let name = clean(cells.next().unwrap_or(""));
        let position = clean(cells.next().unwrap_or(""));
        let typed = cells.next().unwrap_or("");
        let role = match council_role(typed) {
            Some(role) => role,
            None => {
                problem
                    .get_or_insert_with(|| (lang.words().web.council_role_unknown)(&name, typed));
                typed.to_string()
            }
        };
        let username = cells.next().map(str::to_string).filter(|u| !u.is_empty());
        if !name.is_empty() {
            members.push(CouncilSeat {
                name,
                position,
                role,
                username,
            });
        }
    }
    let council = Council {
        unit: clean(&f.unit),
        parent_unit: clean(&f.parent_unit),
        name: clean(&f.name),
        place: clean(&f.place),
        screening: crate::serve::db::Meeting {
            number: clean(&f.number),
            symbol: clean(&f.symbol),
            date: clean(&f.date),
            start: clean(&f.start),
            end: clean(&f.end),
            venue: clean(&f.venue),
        },
        members,
    };
    // A council file the screening run would refuse is not saved: the minutes' header needs
    // the unit that runs the screening.
    let filled =
        !council.members.is_empty() || !council.name.is_empty() || !council.place.is_empty();
    if problem.is_none() && filled && council.unit.is_empty() {
        problem = Some(t.council_unit_missing().to_string());
    }
    // What the screening run would refuse in the council file (a date it cannot read, a
    // meeting ending before it starts, no member) is refused here, by the form's labels.
    let empty = council.members.is_empty()
        && council.unit.is_empty()
        && council.name.is_empty()
        && council.place.is_empty();
    if problem.is_none()
        && !empty
        && let Err(e) = crate::council::Council::from_toml_str(
            &council_file::render(&council),
            Path::new(crate::council::FILE_NAME),
        )
    {
        problem = Some(match &e {
            crate::council::CouncilError::File(crate::error::TomlFileError::Invalid {
                problem,
                ..
            }) => (lang.words().web.council_form_problem)(problem),
            other => other.message(lang),
        });
    }
    // An account that does not exist: nothing is saved (a council saved with a seat that
    // cannot decide would look right and fail later), and the page says which.
    if problem.is_none() {
        let mut unknown = Vec::new();
        for seat in &council.members {
            if let Some(user) = &seat.username
                && state.db.user_by_name(user).map_err(db_err(lang))?.is_none()
            {
                unknown.push((seat.name.clone(), user.clone()));
            }
        }
        if !unknown.is_empty() {
            problem = Some((lang.words().web.council_users_unknown)(&unknown));
        }
    }
    if let Some(error) = problem {
        let draft = CouncilDraft {
            council,
            members: f.members,
            error,
        };
        let mut res = contest_page(&state, &auth, id, Some(draft))?;
        *res.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(res);
    }
    state.db.set_council(id, &council).map_err(db_err(lang))?;
    council_file::write(&state.input_dir(id), &council).map_err(|e| AppError::internal(lang, e))?;
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "council-edited",
            &(lang.words().web.audit_members)(council.members.len()),
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to(&format!("/c/{id}#council")).into_response())
}

// ---- runs ----

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn start_run(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(f): Form<CsrfOnly>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Secretary, lang)?;
    let contest = state.contest_for(&auth, id)?;
    let input = state.input_dir(id);
    if count_files(&input.join("entries")) == 0 {
        return Err(AppError::bad(lang, t.no_entries()));
    }
    state
        .runs
        .reserve(id, 0, lang)
        .map_err(|StartError::Busy| AppError::new(StatusCode::CONFLICT, lang, t.run_busy()))?;
    let now = now_rfc3339();
    let run_id = match state.db.create_run(id, auth.user.id, &now) {
        Ok(r) => r,
        Err(e) => {
            state.runs.abandon(id);
            return Err(AppError::internal(lang, e));
        }
    };
    state.runs.set_run_id(id, run_id);
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "run-started",
            &(lang.words().web.audit_run)(run_id),
            &now,
        )
        .map_err(db_err(lang))?;
    let job = RunJob {
        contest_id: id,
        run_id,
        input,
        out_dir: state.report_dir(id),
        index_dir: state.index_dir.clone(),
        profile: (contest.profile != OWN_PROFILE).then(|| contest.profile.clone()),
        lang,
        data_dir: state.data.clone(),
    };
    let after_state = Arc::clone(&state);
    state.runs.spawn(Arc::clone(&state.db), job, move |job| {
        after_state.forget_report(job.contest_id);
    });
    Ok(Redirect::to(&format!("/c/{id}#run")).into_response())
}

/// Server-sent events with the run's progress, ending when the run ends.
pub async fn events(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
) -> Result<Response, AppError> {
    state.contest_for(&auth, id)?;
    let rx = state.runs.subscribe(id);
    let last = state
        .db
        .runs(id, 1)
        .map_err(db_err(state.lang))?
        .into_iter()
        .next();
    let initial = match (&rx, last) {
        (Some(rx), _) => rx.borrow().clone(),
        (None, Some(r)) => Progress {
            run_id: r.id,
            status: r.status.as_str(),
            percent: if r.status == RunStatus::Done { 100 } else { 0 },
            message: r.message,
            done: r.entries as u64,
            total: r.entries as u64,
        },
        (None, None) => Progress {
            run_id: 0,
            status: "done",
            percent: 0,
            message: String::new(),
            done: 0,
            total: 0,
        },
    };
    let event = |p: &Progress| -> Result<Event, Infallible> {
        Ok(Event::default()
            .event("progress")
            .data(serde_json::to_string(p).unwrap_or_default()))
    };
    let stream = futures_util::stream::unfold(
        (rx, Some(initial), false),
        move |(mut rx, first, ended)| async move {
            if ended {
                return None;
            }
            if let Some(p) = first {
                let end = p.finished();
                return Some((event(&p), (rx, None, end)));
            }
            let r = rx.as_mut()?;
            if r.changed().await.is_err() {
                return None;
            }
            let p = r.borrow_and_update().clone();
            let end = p.finished();
            Some((event(&p), (rx, None, end)))
        },
    );
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

// ---- report files ----

/// Report files a browser may fetch: what the CLI writes, nothing else in the folder (the
/// extraction cache and temporary files stay private).
pub fn allowed_report_file(path: &str) -> bool {
    let safe_name = |s: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    match path.split_once('/') {
        None => matches!(
            path,
            "index.html" | "summary.xlsx" | "summary.csv" | "bien-ban-so-loai.docx" | "report.json"
        ),
        Some(("entries", name)) => safe_name(name) && name.ends_with(".html"),
        _ => false,
    }
}

/// The policy a report page declares for itself (it allows exactly its own inline style and
/// script by hash), sent as a header too, plus who may frame it (our entry pages).
fn report_csp(html: &[u8]) -> String {
    let head = String::from_utf8_lossy(&html[..html.len().min(8192)]);
    let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
    let own = head
        .find(marker)
        .and_then(|at| {
            let rest = &head[at + marker.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .filter(|csp| !csp.contains("unsafe-inline") && csp.contains("default-src 'none'"));
    match own {
        Some(csp) => format!("{csp}; frame-ancestors 'self'"),
        None => "default-src 'none'; frame-ancestors 'self'".to_string(),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

pub async fn report_file(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath((id, path)): UrlPath<(i64, String)>,
) -> WebResult {
    let lang = state.lang;
    let contest = state.contest_for(&auth, id)?;
    if !allowed_report_file(&path) {
        return Err(AppError::not_found(lang));
    }
    let bytes = if path == crate::report::minutes::FILE_NAME {
        // The biên bản with the council's decisions so far, not the run's own file.
        current_minutes(&state, id)
            .await?
            .ok_or_else(|| AppError::not_found(lang))?
    } else {
        let full = state.report_dir(id).join(&path);
        tokio::fs::read(&full)
            .await
            .map_err(|_| AppError::not_found(lang))?
    };
    let mut res = Response::new(Body::empty());
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&path)),
    );
    let mut bytes = bytes;
    if path.ends_with(".html") {
        if let Ok(v) = HeaderValue::from_str(&report_csp(&bytes)) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
        // The contest as the council named it, a way back to its page, links out of the frame.
        if let (Some(report), Ok(text)) = (state.report(id), std::str::from_utf8(&bytes)) {
            let naming = crate::serve::report_page::Naming::new(&report, &contest.name);
            bytes = crate::serve::report_page::adapt(text, id, &naming, lang).into_bytes();
        }
        h.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    } else if path.ends_with(".xlsx") || path.ends_with(".docx") {
        let name = format!("attachment; filename=\"{id}-{path}\"");
        if let Ok(v) = HeaderValue::from_str(&name) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
    }
    *res.body_mut() = Body::from(bytes);
    Ok(res)
}

/// Every report file in one zip (what a secretary attaches to the document system).
pub async fn report_zip(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
) -> WebResult {
    let lang = state.lang;
    let contest = state.contest_for(&auth, id)?;
    let dir = state.report_dir(id);
    if !dir.join("report.json").is_file() {
        return Err(AppError::not_found(lang));
    }
    let minutes = current_minutes(&state, id).await?;
    let naming = state
        .report(id)
        .map(|r| crate::serve::report_page::Naming::new(&r, &contest.name));
    let bytes = tokio::task::spawn_blocking(move || zip_reports(&dir, minutes, naming.as_ref()))
        .await
        .map_err(|e| AppError::internal(lang, e))?
        .map_err(|e| AppError::internal(lang, e))?;
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"soloai-{id}.zip\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// The council's decisions as the minutes writer reads them (`--decisions FILE` of `soloai
/// minutes`, `scoring` and `package`), oldest first: at most one per recorded decision.
pub async fn decisions_json(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
) -> WebResult {
    let lang = state.lang;
    let contest = state.contest_for(&auth, id)?;
    let rows = state.db.decisions(id).map_err(db_err(lang))?;
    let decisions = crate::serve::minutes::for_minutes(&rows, &contest.council.members);
    let bytes = serde_json::to_vec_pretty(&decisions).map_err(|e| AppError::internal(lang, e))?;
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"quyet-dinh-hoi-dong-{id}.json\""
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// The contest's biên bản rendered with its decisions (off the async threads).
async fn current_minutes(state: &Shared, id: i64) -> Result<Option<Vec<u8>>, AppError> {
    let lang = state.lang;
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || crate::serve::minutes::current(&state, id))
        .await
        .map_err(|e| AppError::internal(lang, e))?
        .map_err(|e| AppError::internal(lang, e))
}

/// The report folder's files in one zip; `minutes` replaces the run's biên bản, and the pages
/// name the contest and its profile as `naming` says (they keep no link to the app: the zip
/// is read away from it).
fn zip_reports(
    dir: &Path,
    minutes: Option<Vec<u8>>,
    naming: Option<&crate::serve::report_page::Naming>,
) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut names: Vec<String> = Vec::new();
    for top in [
        "index.html",
        "summary.xlsx",
        "summary.csv",
        "bien-ban-so-loai.docx",
        "report.json",
    ] {
        if dir.join(top).is_file() {
            names.push(top.to_string());
        }
    }
    if let Ok(items) = std::fs::read_dir(dir.join("entries")) {
        let mut pages: Vec<String> = items
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .map(|n| format!("entries/{n}"))
            .filter(|p| allowed_report_file(p))
            .collect();
        pages.sort();
        names.extend(pages);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for name in names {
        let bytes = match &minutes {
            Some(m) if name == crate::report::minutes::FILE_NAME => m.clone(),
            _ => std::fs::read(dir.join(&name))?,
        };
        let bytes = match (naming, name.ends_with(".html")) {
            (Some(naming), true) => match String::from_utf8(bytes) {
                Ok(text) => crate::serve::report_page::rename(&text, naming).into_bytes(),
                Err(e) => e.into_bytes(),
            },
            _ => bytes,
        };
        zip.start_file(name, opts).map_err(std::io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

// ---- one entry and its decisions ----

fn find_entry<'a>(report: &'a Report, entry_id: &str) -> Option<(usize, &'a EntryReport)> {
    report
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| e.id == entry_id)
}

pub async fn entry(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath((id, entry_id)): UrlPath<(i64, String)>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    let contest = state.contest_for(&auth, id)?;
    let report = state.report(id).ok_or_else(|| AppError::not_found(lang))?;
    let (index, e) = find_entry(&report, &entry_id).ok_or_else(|| AppError::not_found(lang))?;
    let page_name = entry_page_names(&report)
        .into_iter()
        .nth(index)
        .unwrap_or_default();
    let decisions: Vec<Decision> = state
        .db
        .decisions(id)
        .map_err(db_err(lang))?
        .into_iter()
        .filter(|d| d.entry_id == e.id)
        .collect();
    let may_decide = state.on_council(&auth, id);
    // Every flag dismissed: the entry goes on by the council's decision (as the biên bản says).
    let by_council = crate::report::minutes::forwarding(
        e,
        &crate::serve::minutes::for_minutes(&decisions, &contest.council.members),
    ) == crate::report::minutes::Forwarding::ByCouncil;
    let body = html! {
        p.small { a href={ "/c/" (id) } { (contest.name) } }
        h1 { (t.entry()) " " (e.id) }
        section {
            dl.facts {
                dt { (t.title()) } dd { (e.title.as_deref().unwrap_or("—")) }
                dt { (t.file()) } dd { (e.file) }
                dt { (t.unit()) } dd { (e.unit.as_deref().unwrap_or("—")) }
                dt { (t.originality()) } dd { (e.originality.map(crate::report::words::percent).unwrap_or_else(|| "—".into())) }
                dt { (t.verdict()) } dd #software-verdict { (verdict_badge(lang, e.verdict)) }
            }
            p.small { (t.original_verdict_note()) }
            @if by_council { p #by-council { strong { (lang.words().papers.by_council) } } }
        }
        section #flags {
            h2 { (t.flags()) }
            @if e.flags.is_empty() { p { (t.no_flags()) } }
            @for (i, f) in e.flags.iter().enumerate() {
                @let history: Vec<&Decision> = decisions.iter().filter(|d| d.flag_code == f.code).collect();
                @let current = history.last();
                div.flag id={ "flag-" (i) } {
                    // The flag's name and message; its code in the tooltip. The evidence field is
                    // a machine reference ("entry:E03.pdf", "corrupt") the message already says.
                    h3 { span.code title=(f.code) { (crate::vocab::flag_name(&f.code, lang)) } " " (f.message) }
                    p.decision {
                        (t.decision()) ": "
                        strong class={ "decided " (current.map_or("pending", |d| d.action.as_str())) } {
                            (t.action_name(current.map_or("", |d| d.action.as_str())))
                        }
                        @if let Some(d) = current { " — " (d.reason) " (" (t.decided_by()) " " (d.by) ", " (crate::vocab::date_time_local(&d.at)) ")" }
                    }
                    @if history.len() > 1 {
                        details { summary { (t.history()) } ul { @for d in &history { li { (crate::vocab::date_time_local(&d.at)) " · " (d.by) " · " (t.action_name(&d.action)) " — " (d.reason) } } } }
                    }
                    @if may_decide {
                        form.decide method="post" action={ "/c/" (id) "/entries/" (url_segment(&e.id)) "/decide" } {
                            (csrf_field(&auth))
                            input type="hidden" name="code" value=(f.code);
                            // A text box, not a line: Enter adds a line instead of sending the
                            // form with its first button (which would record "accept").
                            label { (t.reason()) textarea name="reason" rows="2" required maxlength="2000" {} }
                            button type="submit" name="action" value="accept" { (t.accept()) }
                            button type="submit" name="action" value="dismiss" { (t.dismiss()) }
                        }
                    }
                }
            }
        }
        @if !page_name.is_empty() {
            section {
                h2 { a href={ "/c/" (id) "/report/" (page_name) } { (t.full_report()) } }
                iframe.report src={ "/c/" (id) "/report/" (page_name) } title=(t.full_report()) {}
            }
        }
    };
    Ok(page(
        &state,
        Some(&auth),
        &format!("{} {}", t.entry(), e.id),
        body,
    ))
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    csrf: String,
    code: String,
    action: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath((id, entry_id)): UrlPath<(i64, String)>,
    headers: HeaderMap,
    Form(f): Form<DecideForm>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    state.contest_for(&auth, id)?;
    if !state.on_council(&auth, id) {
        return Err(AppError::forbidden(lang));
    }
    let report = state.report(id).ok_or_else(|| AppError::not_found(lang))?;
    let (_, e) = find_entry(&report, &entry_id).ok_or_else(|| AppError::not_found(lang))?;
    if !e.flags.iter().any(|fl| fl.code == f.code)
        || !matches!(f.action.as_str(), "accept" | "dismiss")
    {
        return Err(AppError::bad(lang, t.bad_request()));
    }
    // One line in the minutes and the log, however it was typed.
    let reason = crate::normalize::nfc(&f.reason.split_whitespace().collect::<Vec<_>>().join(" "));
    if reason.is_empty() {
        return Err(AppError::bad(lang, t.reason_required()));
    }
    let reason: String = reason.chars().take(2000).collect();
    let now = now_rfc3339();
    state
        .db
        .add_decision(id, &e.id, &f.code, &f.action, &reason, auth.user.id, &now)
        .map_err(db_err(lang))?;
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            &format!("flag-{}", f.action),
            &format!("{} {}: {reason}", e.id, f.code),
            &now,
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to(&format!("/c/{id}/entries/{}#flags", url_segment(&e.id))).into_response())
}

// ---- prizes and the corpus ----

pub async fn set_awards(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> WebResult {
    let lang = state.lang;
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    auth.check_csrf(csrf, &headers, lang)?;
    auth.require(Role::Secretary, lang)?;
    state.contest_for(&auth, id)?;
    let report = state.report(id).ok_or_else(|| AppError::not_found(lang))?;
    let mut changed = Vec::new();
    for (k, v) in &fields {
        let Some(entry_id) = k.strip_prefix("prize:") else {
            continue;
        };
        if !PRIZES.contains(&v.as_str()) || find_entry(&report, entry_id).is_none() {
            return Err(AppError::bad(lang, Text(lang).bad_request()));
        }
        state.db.set_award(id, entry_id, v).map_err(db_err(lang))?;
        if !v.is_empty() {
            changed.push(format!("{entry_id}: {}", Text(lang).prize_name(v)));
        }
    }
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "awards",
            &changed.join(", "),
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to(&format!("/c/{id}#awards")).into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    csrf: String,
    /// `1` once confirmed.
    #[serde(default)]
    confirm: String,
}

/// The confirmation step before a contest's entries go into the corpus (the web app cannot
/// take them out again).
fn confirm_to_corpus(
    state: &AppState,
    auth: &Auth,
    id: i64,
    name: &str,
    report: &Report,
) -> Response {
    let readable = report
        .entries
        .iter()
        .filter(|e| e.status == crate::report::EntryStatus::Ok)
        .count();
    crate::serve::web::confirm_page(
        state,
        auth,
        crate::serve::web::Confirm {
            question: (state.lang.words().web.confirm_to_corpus)(name, readable),
            action: format!("/c/{id}/to-corpus"),
            hidden: &[],
            button: Text(state.lang).confirm_to_corpus_button(),
            back: format!("/c/{id}#awards"),
        },
    )
}

/// Ask before adding the contest's entries to the corpus (the awards box's button leads here).
pub async fn to_corpus_page(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
) -> WebResult {
    let lang = state.lang;
    auth.require(Role::Admin, lang)?;
    let contest = state.contest_for(&auth, id)?;
    let report = state.report(id).ok_or_else(|| AppError::not_found(lang))?;
    Ok(confirm_to_corpus(&state, &auth, id, &contest.name, &report))
}

pub async fn to_corpus(
    State(state): State<Shared>,
    auth: Auth,
    UrlPath(id): UrlPath<i64>,
    headers: HeaderMap,
    Form(f): Form<ConfirmForm>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Admin, lang)?;
    let contest = state.contest_for(&auth, id)?;
    let report = state.report(id).ok_or_else(|| AppError::not_found(lang))?;
    if f.confirm != "1" {
        return Ok(confirm_to_corpus(&state, &auth, id, &contest.name, &report));
    }
    let awards = state.db.awards(id).map_err(db_err(lang))?;
    let _permit = state.runs.work.clone().acquire_owned().await.ok();
    let s = Arc::clone(&state);
    let name = contest.name.clone();
    let year = contest.year.and_then(|y| u16::try_from(y).ok());
    let reports = tokio::task::spawn_blocking(move || {
        crate::serve::corpus::add_contest_entries(&s, id, &report, &awards, &name, year)
    })
    .await
    .map_err(|e| AppError::internal(lang, e))?
    .map_err(|e| AppError::internal(lang, e))?;
    let (added, dup, failed) = reports.iter().fold((0, 0, 0), |acc, r| {
        (
            acc.0 + r.added.len(),
            acc.1 + r.duplicates.len(),
            acc.2 + r.failed.len(),
        )
    });
    let detail = format!(
        "{added} {}, {dup} {}, {failed} {}",
        t.corpus_added(),
        t.corpus_duplicates(),
        t.corpus_failed()
    );
    state
        .db
        .audit(
            Some(auth.user.id),
            Some(id),
            "corpus-add-contest",
            &detail,
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(page(
        &state,
        Some(&auth),
        t.corpus(),
        html! {
            h1 { (t.corpus()) }
            p #corpus-result { (detail) }
            p { a href={ "/c/" (id) } { (t.back()) } }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_cli_report_files_are_served() {
        for ok in [
            "index.html",
            "summary.xlsx",
            "bien-ban-so-loai.docx",
            "report.json",
            "entries/E01.html",
            "entries/Sở_Tư_pháp-01.html",
        ] {
            assert!(allowed_report_file(ok), "{ok}");
        }
        for no in [
            ".soloai-cache/v1-abc.json",
            "entries/../report.json",
            "entries/.hidden.html",
            "entries/x.json",
            "../input/manifest.csv",
            "entries/a/b.html",
            "INDEX.HTML",
            "",
        ] {
            assert!(!allowed_report_file(no), "{no}");
        }
    }

    #[test]
    fn a_report_page_keeps_its_own_policy_as_a_header() {
        let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" \
                    content=\"default-src 'none'; style-src 'sha256-x'; script-src 'sha256-y'\">";
        assert_eq!(
            report_csp(page.as_bytes()),
            "default-src 'none'; style-src 'sha256-x'; script-src 'sha256-y'; frame-ancestors 'self'"
        );
        let weak =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'unsafe-inline'\">";
        assert_eq!(
            report_csp(weak.as_bytes()),
            "default-src 'none'; frame-ancestors 'self'"
        );
        assert_eq!(url_segment("Sở 1/x"), "S%E1%BB%9F%201%2Fx");
    }
}
