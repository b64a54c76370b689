//! Setting up the first administrator, logging in and out, and the administrator's pages:
//! users and the server-wide audit log.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use crate::screen::now_rfc3339;
use crate::serve::auth::{self, LOGIN_COOKIE, SESSION_COOKIE};
use crate::serve::db::Role;
use crate::serve::text::Text;
use crate::serve::web::{AppError, Auth, WebResult, csrf_field, db_err, is_secure, now_secs, page};
use crate::serve::{AppState, Shared};

pub async fn home(auth: Option<Auth>) -> Response {
    match auth {
        Some(_) => Redirect::to("/contests").into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

/// A user name: ASCII letters, digits, `.`, `-`, `_`; 1–40 characters.
pub fn valid_username(name: &str) -> bool {
    (1..=40).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Check a new password pair; the message to show when it will not do.
fn check_new_password(t: Text, password: &str, again: &str) -> Option<&'static str> {
    if password.chars().count() < auth::MIN_PASSWORD {
        Some(t.password_short())
    } else if password != again {
        Some(t.password_mismatch())
    } else {
        None
    }
}

async fn hash(state: &AppState, password: String) -> Result<String, AppError> {
    let lang = state.lang;
    tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .ok()
        .flatten()
        .ok_or_else(|| AppError::internal(lang, "argon2"))
}

// ---- first administrator ----

#[derive(Deserialize)]
pub struct SetupQuery {
    #[serde(default)]
    token: String,
}

fn setup_form(state: &AppState, token: &str, error: Option<&str>) -> Response {
    let t = Text(state.lang);
    page(
        state,
        None,
        t.setup_title(),
        html! {
            section.narrow {
                h1 { (t.setup_title()) }
                p { (t.setup_intro()) }
                @if let Some(e) = error { p.error { (e) } }
                form method="post" action="/setup" {
                    input type="hidden" name="token" value=(token);
                    label { (t.username()) input name="username" required autocomplete="username"; }
                    label { (t.display_name()) input name="display_name" required; }
                    label { (t.password()) input type="password" name="password" required autocomplete="new-password"; }
                    label { (t.password_again()) input type="password" name="password_again" required autocomplete="new-password"; }
                    button type="submit" { (t.create()) }
                }
            }
        },
    )
}

fn setup_token_ok(state: &AppState, token: &str) -> bool {
    let stored = state
        .setup_token
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    stored.is_some_and(|h| auth::same_secret(&h, &auth::token_hash(token)))
}

pub async fn setup_page(State(state): State<Shared>, Query(q): Query<SetupQuery>) -> WebResult {
    let t = Text(state.lang);
    if state.db.user_count().map_err(db_err(state.lang))? > 0 {
        return Ok(page(
            &state,
            None,
            t.setup_title(),
            html! { p { (t.setup_done()) " " a href="/login" { (t.login()) } } },
        ));
    }
    if !setup_token_ok(&state, &q.token) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            state.lang,
            t.setup_bad_token(),
        ));
    }
    Ok(setup_form(&state, &q.token, None))
}

#[derive(Deserialize)]
pub struct SetupForm {
    token: String,
    username: String,
    display_name: String,
    password: String,
    password_again: String,
}

pub async fn setup_post(State(state): State<Shared>, Form(f): Form<SetupForm>) -> WebResult {
    let t = Text(state.lang);
    let lang = state.lang;
    if state.db.user_count().map_err(db_err(lang))? > 0 || !setup_token_ok(&state, &f.token) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            lang,
            t.setup_bad_token(),
        ));
    }
    let username = f.username.trim();
    if !valid_username(username) {
        return Ok(setup_form(&state, &f.token, Some(t.username_bad())));
    }
    if let Some(e) = check_new_password(t, &f.password, &f.password_again) {
        return Ok(setup_form(&state, &f.token, Some(e)));
    }
    let hash = hash(&state, f.password).await?;
    let now = now_rfc3339();
    let name = f.display_name.trim();
    let id = state
        .db
        .create_user(
            username,
            if name.is_empty() { username } else { name },
            Role::Admin,
            &hash,
            &now,
        )
        .map_err(db_err(lang))?;
    *state.setup_token.lock().unwrap_or_else(|p| p.into_inner()) = None;
    state
        .db
        .audit(id, None, "setup-admin", username, &now)
        .map_err(db_err(lang))?;
    Ok(Redirect::to("/login").into_response())
}

// ---- login ----

fn login_form(
    state: &AppState,
    pre: &str,
    error: Option<String>,
    status: StatusCode,
    secure: bool,
) -> Response {
    let t = Text(state.lang);
    let mut res = page(
        state,
        None,
        t.login(),
        html! {
            section.narrow {
                h1 { (t.login()) }
                @if let Some(e) = &error { p.error role="alert" { (e) } }
                form method="post" action="/login" {
                    input type="hidden" name="csrf" value=(pre);
                    label { (t.username()) input name="username" required autofocus autocomplete="username"; }
                    label { (t.password()) input type="password" name="password" required autocomplete="current-password"; }
                    button type="submit" { (t.login()) }
                }
            }
        },
    );
    *res.status_mut() = status;
    if let Ok(v) = auth::set_cookie(LOGIN_COOKIE, pre, secure, Some(1800)).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

pub async fn login_page(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let pre = auth::random_hex(16);
    let secure = is_secure(&state, &headers);
    login_form(&state, &pre, None, StatusCode::OK, secure)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    username: String,
    password: String,
}

pub async fn login_post(
    State(state): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> WebResult {
    let t = Text(state.lang);
    let lang = state.lang;
    let secure = is_secure(&state, &headers);
    // Double-submit: the form's token must match the cookie this server set with the form.
    let cookie = auth::cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    if !auth::same_secret(&cookie, &f.csrf) {
        return Err(AppError::new(StatusCode::FORBIDDEN, lang, t.csrf_failed()));
    }
    let ip = Some(peer.ip());
    let username = f.username.trim().to_string();
    let fresh = auth::random_hex(16);
    if let Some(wait) = state.throttle.check(&username, ip) {
        let msg = format!(
            "{} {} {}.",
            t.throttled(),
            wait.as_secs().max(1),
            t.seconds()
        );
        return Ok(login_form(
            &state,
            &fresh,
            Some(msg),
            StatusCode::TOO_MANY_REQUESTS,
            secure,
        ));
    }
    let found = state.db.user_for_login(&username).map_err(db_err(lang))?;
    let password = f.password;
    let (user, ok) = match found {
        Some((user, phc)) => {
            let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, &phc))
                .await
                .unwrap_or(false);
            (Some(user), ok)
        }
        None => {
            // As slow as a real check, so names cannot be probed by timing.
            let _ = tokio::task::spawn_blocking(move || {
                auth::verify_password(&password, auth::dummy_hash())
            })
            .await;
            (None, false)
        }
    };
    let now = now_rfc3339();
    let user = match user {
        Some(u) if ok && u.active => u,
        other => {
            state.throttle.failed(&username, ip);
            let _ = state.db.audit(
                other.map(|u| u.id),
                None,
                "login-failed",
                &format!("{username} ({})", peer.ip()),
                &now,
            );
            return Ok(login_form(
                &state,
                &fresh,
                Some(t.bad_login().to_string()),
                StatusCode::UNAUTHORIZED,
                secure,
            ));
        }
    };
    state.throttle.succeeded(&username, ip);
    let token = auth::random_hex(32);
    let csrf = auth::random_hex(32);
    if token.is_empty() || csrf.is_empty() {
        return Err(AppError::internal(lang, "no random source"));
    }
    state
        .db
        .create_session(&auth::token_hash(&token), user.id, &csrf, now_secs())
        .map_err(db_err(lang))?;
    state
        .db
        .audit(Some(user.id), None, "login", &peer.ip().to_string(), &now)
        .map_err(db_err(lang))?;
    let mut res = Redirect::to("/contests").into_response();
    let h = res.headers_mut();
    if let Ok(v) = auth::set_cookie(SESSION_COOKIE, &token, secure, None).parse() {
        h.append(header::SET_COOKIE, v);
    }
    if let Ok(v) = auth::set_cookie(LOGIN_COOKIE, "", secure, Some(0)).parse() {
        h.append(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    Form(f): Form<CsrfForm>,
) -> WebResult {
    let lang = state.lang;
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    if let Some(token) = auth::cookie(&headers, SESSION_COOKIE) {
        state
            .db
            .delete_session(&auth::token_hash(&token))
            .map_err(db_err(lang))?;
    }
    let _ = state
        .db
        .audit(Some(auth.user.id), None, "logout", "", &now_rfc3339());
    let mut res = Redirect::to("/login").into_response();
    if let Ok(v) =
        auth::set_cookie(SESSION_COOKIE, "", is_secure(&state, &headers), Some(0)).parse()
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

// ---- users (admin) ----

/// What was typed into the new-account form when it was refused (never the password).
#[derive(Default)]
struct UserDraft<'a> {
    username: &'a str,
    display_name: &'a str,
    role: &'a str,
}

fn users_page(state: &AppState, auth: &Auth, error: Option<&str>) -> WebResult {
    users_page_with(state, auth, error, UserDraft::default())
}

fn users_page_with(
    state: &AppState,
    auth: &Auth,
    error: Option<&str>,
    draft: UserDraft<'_>,
) -> WebResult {
    let t = Text(state.lang);
    let users = state.db.users().map_err(db_err(state.lang))?;
    Ok(page(
        state,
        Some(auth),
        t.users(),
        html! {
            h1 { (t.users()) }
            @if let Some(e) = error { p.error role="alert" { (e) } }
            section {
                div.table-scroll { table {
                    thead { tr { th { (t.username()) } th { (t.display_name()) } th { (t.role()) } th { (t.active()) } th {} } }
                    tbody {
                        @for u in &users {
                            tr {
                                td { (u.username) } td { (u.display_name) } td { (t.role_name(u.role)) }
                                td { (if u.active { t.yes() } else { t.no() }) }
                                td {
                                    @if u.id != auth.user.id {
                                        form.inline method="post" action="/admin/users/active" {
                                            (csrf_field(auth))
                                            input type="hidden" name="username" value=(u.username);
                                            input type="hidden" name="active" value=(if u.active { "0" } else { "1" });
                                            button type="submit" { (if u.active { t.disable() } else { t.enable() }) }
                                        }
                                    }
                                    form.inline method="post" action="/admin/users/password" {
                                        (csrf_field(auth))
                                        input type="hidden" name="username" value=(u.username);
                                        input type="password" name="password" placeholder=(t.new_password()) autocomplete="new-password" required minlength="10";
                                        button type="submit" { (t.save()) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            section {
                h2 { (t.new_user()) }
                form method="post" action="/admin/users" {
                    (csrf_field(auth))
                    label { (t.username()) input name="username" required value=(draft.username); }
                    label { (t.display_name()) input name="display_name" required value=(draft.display_name); }
                    label { (t.role()) select name="role" {
                        option value="member" { (t.role_member()) }
                        option value="secretary" selected[draft.role == "secretary"] { (t.role_secretary()) }
                        option value="admin" selected[draft.role == "admin"] { (t.role_admin()) }
                    } }
                    label { (t.password()) input type="password" name="password" required minlength="10" autocomplete="new-password"; }
                    button type="submit" { (t.create()) }
                }
            }
        },
    ))
}

pub async fn users(State(state): State<Shared>, auth: Auth) -> WebResult {
    auth.require(Role::Admin, state.lang)?;
    users_page(&state, &auth, None)
}

#[derive(Deserialize)]
pub struct NewUser {
    #[serde(default)]
    csrf: String,
    username: String,
    display_name: String,
    role: String,
    password: String,
}

pub async fn create_user(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    Form(f): Form<NewUser>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Admin, lang)?;
    let username = f.username.trim();
    // A refused form keeps what was typed (not the password).
    let draft = || UserDraft {
        username: &f.username,
        display_name: &f.display_name,
        role: &f.role,
    };
    if !valid_username(username) {
        return users_page_with(&state, &auth, Some(t.username_bad()), draft());
    }
    if let Some(e) = check_new_password(t, &f.password, &f.password) {
        return users_page_with(&state, &auth, Some(e), draft());
    }
    let role = Role::parse(&f.role).ok_or_else(|| AppError::bad(lang, t.bad_request()))?;
    let hash = hash(&state, f.password).await?;
    let now = now_rfc3339();
    let name = f.display_name.trim();
    match state
        .db
        .create_user(
            username,
            if name.is_empty() { username } else { name },
            role,
            &hash,
            &now,
        )
        .map_err(db_err(lang))?
    {
        Some(_) => {
            state
                .db
                .audit(
                    Some(auth.user.id),
                    None,
                    "user-created",
                    &format!("{username} ({})", t.role_name(role)),
                    &now,
                )
                .map_err(db_err(lang))?;
            Ok(Redirect::to("/admin/users").into_response())
        }
        None => users_page_with(&state, &auth, Some(t.username_taken()), draft()),
    }
}

#[derive(Deserialize)]
pub struct UserActive {
    #[serde(default)]
    csrf: String,
    username: String,
    active: String,
}

pub async fn set_active(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    Form(f): Form<UserActive>,
) -> WebResult {
    let lang = state.lang;
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Admin, lang)?;
    let user = state
        .db
        .user_by_name(&f.username)
        .map_err(db_err(lang))?
        .ok_or_else(|| AppError::not_found(lang))?;
    if user.id == auth.user.id {
        return Err(AppError::forbidden(lang));
    }
    let active = f.active == "1";
    state
        .db
        .set_user_active(user.id, active)
        .map_err(db_err(lang))?;
    state
        .db
        .audit(
            Some(auth.user.id),
            None,
            if active {
                "user-enabled"
            } else {
                "user-disabled"
            },
            &user.username,
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Deserialize)]
pub struct UserPassword {
    #[serde(default)]
    csrf: String,
    username: String,
    password: String,
}

pub async fn set_password(
    State(state): State<Shared>,
    auth: Auth,
    headers: HeaderMap,
    Form(f): Form<UserPassword>,
) -> WebResult {
    let lang = state.lang;
    let t = Text(lang);
    auth.check_csrf(Some(&f.csrf), &headers, lang)?;
    auth.require(Role::Admin, lang)?;
    if let Some(e) = check_new_password(t, &f.password, &f.password) {
        return users_page(&state, &auth, Some(e));
    }
    let user = state
        .db
        .user_by_name(&f.username)
        .map_err(db_err(lang))?
        .ok_or_else(|| AppError::not_found(lang))?;
    let hash = hash(&state, f.password).await?;
    state
        .db
        .set_password(user.id, &hash)
        .map_err(db_err(lang))?;
    state
        .db
        .audit(
            Some(auth.user.id),
            None,
            "password-set",
            &user.username,
            &now_rfc3339(),
        )
        .map_err(db_err(lang))?;
    Ok(Redirect::to("/admin/users").into_response())
}

/// The audit log as a table (the whole server's, or one contest's).
pub fn audit_table(
    state: &AppState,
    contest: Option<i64>,
    limit: i64,
) -> Result<maud::Markup, AppError> {
    let t = Text(state.lang);
    let rows = state
        .db
        .audit_log(contest, limit)
        .map_err(db_err(state.lang))?;
    Ok(html! {
        div.table-scroll { table.audit {
            thead { tr { th { (t.when()) " (" (crate::vocab::local_zone()) ")" } th { (t.who()) } th { (t.action()) } th { (t.detail()) } } }
            tbody {
                @for r in &rows {
                    tr {
                        td.nowrap { (crate::vocab::date_time_local(&r.at)) }
                        td { (r.user.as_deref().unwrap_or("—")) }
                        td {
                            ((state.lang.words().web.audit_action)(&r.action).unwrap_or(&r.action))
                            @if let (None, Some(c)) = (contest, r.contest_id) { " · #" (c) }
                        }
                        td { (r.detail) }
                    }
                }
            }
        } }
    })
}

pub async fn audit(State(state): State<Shared>, auth: Auth) -> WebResult {
    auth.require(Role::Admin, state.lang)?;
    let t = Text(state.lang);
    let table = audit_table(&state, None, 500)?;
    Ok(page(
        &state,
        Some(&auth),
        t.audit(),
        html! { h1 { (t.audit()) } section { (table) } },
    ))
}
