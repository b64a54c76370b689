//! What every page shares: the signed-in user, errors as pages, the layout, security headers.

use axum::extract::{FromRequestParts, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{DOCTYPE, Markup, html};

use crate::lang::Lang;
use crate::serve::auth;
use crate::serve::db::{Contest, Role, User};
use crate::serve::text::Text;
use crate::serve::{AppState, Shared};

/// The policy of the server's own pages: scripts and styles only from our own files, nothing
/// from elsewhere, no inline script (so text from an entry can never run).
pub const APP_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// A failed request, shown as a short page in the server's language.
#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub message: String,
    pub lang: Lang,
    /// Send the browser to the login page instead (not signed in).
    pub login: bool,
}

impl AppError {
    pub fn new(status: StatusCode, lang: Lang, message: impl Into<String>) -> AppError {
        AppError {
            status,
            message: message.into(),
            lang,
            login: false,
        }
    }
    pub fn forbidden(lang: Lang) -> AppError {
        AppError::new(StatusCode::FORBIDDEN, lang, Text(lang).forbidden())
    }
    pub fn not_found(lang: Lang) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, lang, Text(lang).not_found())
    }
    pub fn bad(lang: Lang, message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, lang, message)
    }
    pub fn internal(lang: Lang, cause: impl std::fmt::Display) -> AppError {
        AppError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            format!("{}: {cause}", Text(lang).server_error()),
        )
    }
}

/// The message of an error page, kept on the response so [`error_pages`] can show it again in
/// the app's frame (menu, who is signed in) once it knows the request's user.
#[derive(Debug, Clone)]
pub struct ErrorShown(pub String);

/// An error's box: what went wrong, and the ways back (the page the request came from, when
/// the address says it, and the home page).
fn error_box(lang: Lang, status: StatusCode, message: &str, back: Option<(&str, &str)>) -> Markup {
    let t = Text(lang);
    html! {
        section.error-box role="alert" {
            h1 { (message) }
            p.small { (t.error_code()) " " (status.as_u16()) }
            p.ways-back {
                @if let Some((href, label)) = back { a href=(href) { "← " (label) } " · " }
                a href="/" { (t.home()) }
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if self.login {
            return Redirect::to("/login").into_response();
        }
        let t = Text(self.lang);
        // Shown as it is only where `error_pages` does not run; it puts the app's frame around.
        let page = html! {
            (DOCTYPE)
            html lang=(self.lang.pick("vi", "en")) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (t.app()) }
                    link rel="stylesheet" href="/static/app.css";
                }
                body {
                    header.top { a.brand href="/" { "soloai" } }
                    main { (error_box(self.lang, self.status, &self.message, None)) }
                }
            }
        };
        let mut res = (self.status, Html(page.into_string())).into_response();
        res.extensions_mut().insert(ErrorShown(self.message));
        res
    }
}

pub type WebResult = Result<Response, AppError>;

/// Map a database error to a page.
pub fn db_err(lang: Lang) -> impl Fn(crate::serve::db::DbError) -> AppError {
    move |e| AppError::internal(lang, e)
}

/// The signed-in user of a request, with the session's CSRF token.
#[derive(Debug, Clone)]
pub struct Auth {
    pub user: User,
    pub csrf: String,
}

impl FromRequestParts<Shared> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Shared,
    ) -> Result<Self, Self::Rejection> {
        let lang = state.lang;
        let Some(token) = auth::cookie(&parts.headers, auth::SESSION_COOKIE) else {
            return Err(AppError {
                login: true,
                ..AppError::forbidden(lang)
            });
        };
        let session = state
            .db
            .session(&auth::token_hash(&token), now_secs(), auth::MAX_IDLE)
            .map_err(db_err(lang))?;
        match session {
            Some(s) => Ok(Auth {
                user: s.user,
                csrf: s.csrf,
            }),
            None => Err(AppError {
                login: true,
                ..AppError::forbidden(lang)
            }),
        }
    }
}

impl axum::extract::OptionalFromRequestParts<Shared> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Shared,
    ) -> Result<Option<Self>, Self::Rejection> {
        match <Auth as FromRequestParts<Shared>>::from_request_parts(parts, state).await {
            Ok(a) => Ok(Some(a)),
            Err(e) if e.login => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Auth {
    /// At least this role, or 403.
    pub fn require(&self, role: Role, lang: Lang) -> Result<(), AppError> {
        if self.user.role >= role {
            Ok(())
        } else {
            Err(AppError::forbidden(lang))
        }
    }

    /// A POST must carry this session's token (form field or `X-CSRF-Token` header).
    pub fn check_csrf(
        &self,
        form: Option<&str>,
        headers: &HeaderMap,
        lang: Lang,
    ) -> Result<(), AppError> {
        let header = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
        let given = form.or(header).unwrap_or("");
        if auth::same_secret(given, &self.csrf) {
            Ok(())
        } else {
            Err(AppError::new(
                StatusCode::FORBIDDEN,
                lang,
                Text(lang).csrf_failed(),
            ))
        }
    }
}

impl AppState {
    /// The contest if this user may see it: an admin sees every contest; anyone else only
    /// those whose council they sit on. Unknown and forbidden look the same (404), so ids
    /// of other councils' contests are not revealed.
    pub fn contest_for(&self, auth: &Auth, id: i64) -> Result<Contest, AppError> {
        let lang = self.lang;
        let contest = self
            .db
            .contest(id)
            .map_err(db_err(lang))?
            .ok_or_else(|| AppError::not_found(lang))?;
        if auth.user.role == Role::Admin
            || self.db.is_member(id, auth.user.id).map_err(db_err(lang))?
        {
            Ok(contest)
        } else {
            Err(AppError::not_found(lang))
        }
    }

    /// Whether this user sits on the contest's council (decides flags).
    pub fn on_council(&self, auth: &Auth, id: i64) -> bool {
        self.db.is_member(id, auth.user.id).unwrap_or(false)
    }
}

/// A page that does not exist: the app's own "not found" page, in the reader's language (an
/// empty 404 made the browser say it in English).
pub async fn not_found_page(axum::extract::State(state): axum::extract::State<Shared>) -> AppError {
    AppError::not_found(state.lang)
}

/// Where "back" leads from an error at `path`: the contest the address names (from one of its
/// pages), else the list of contests or the corpus.
fn way_back(lang: Lang, path: &str) -> Option<(String, &'static str)> {
    let t = Text(lang);
    let mut parts = path.trim_start_matches('/').split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("c"), Some(id), Some(_)) if id.parse::<i64>().is_ok() => {
            Some((format!("/c/{id}"), t.back_to_contest()))
        }
        (Some("c"), _, _) => Some(("/contests".into(), t.contests())),
        (Some("corpus"), _, _) => Some(("/corpus".into(), t.corpus())),
        _ => None,
    }
}

/// Every error page in the app's frame: the menu, who is signed in, a way back to the page the
/// request came from, as any other page (a 404, a refusal or a failed form left the reader on
/// a page with no menu). axum's own refusals of a malformed request ("Invalid URL: Cannot
/// parse `abc` to a `i64`", "Failed to deserialize form body: missing field …", an unknown
/// method) are plain English text; they become the app's page saying the request was not
/// understood, with the same status.
pub async fn error_pages(
    axum::extract::State(state): axum::extract::State<Shared>,
    req: Request,
    next: Next,
) -> Response {
    let lang = state.lang;
    let path = req.uri().path().to_string();
    let token = auth::cookie(req.headers(), auth::SESSION_COOKIE);
    let res = next.run(req).await;
    let status = res.status();
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    let message = match res.extensions().get::<ErrorShown>() {
        Some(ErrorShown(m)) => m.clone(),
        None if status.is_client_error() && status != StatusCode::NOT_FOUND && plain => {
            Text(lang).bad_request().to_string()
        }
        None => return res,
    };
    let auth = token
        .and_then(|token| {
            state
                .db
                .session(&auth::token_hash(&token), now_secs(), auth::MAX_IDLE)
                .ok()
                .flatten()
        })
        .map(|s| Auth {
            user: s.user,
            csrf: s.csrf,
        });
    let back = way_back(lang, &path);
    let mut framed = page(
        &state,
        auth.as_ref(),
        &message,
        error_box(
            lang,
            status,
            &message,
            back.as_ref().map(|(href, label)| (href.as_str(), *label)),
        ),
    );
    *framed.status_mut() = status;
    framed
}

/// Longest request path an audit line keeps.
const MAX_AUDIT_PATH_CHARS: usize = 200;

/// A signed-in user's request refused with 403 (a member on an administrator's page, a form
/// without its session's token) goes into the audit log, with who asked for what, so an
/// administrator sees attempts as well as actions. A refusal before sign-in names no one and
/// is not recorded: anyone could fill the log with those.
pub async fn audit_refusals(
    axum::extract::State(state): axum::extract::State<Shared>,
    req: Request,
    next: Next,
) -> Response {
    let asked = format!(
        "{} {}",
        req.method(),
        crate::report::escape::truncate_chars(req.uri().path(), MAX_AUDIT_PATH_CHARS)
    );
    let token = auth::cookie(req.headers(), auth::SESSION_COOKIE);
    let res = next.run(req).await;
    if res.status() == StatusCode::FORBIDDEN
        && let Some(token) = token
        && let Ok(Some(session)) =
            state
                .db
                .session(&auth::token_hash(&token), now_secs(), auth::MAX_IDLE)
    {
        let _ = state.db.audit(
            Some(session.user.id),
            None,
            "refused",
            &asked,
            &crate::screen::now_rfc3339(),
        );
    }
    res
}

pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Whether the browser reached us over TLS (directly configured, or through a proxy that says so).
pub fn is_secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The hidden CSRF field of every form.
pub fn csrf_field(auth: &Auth) -> Markup {
    html! { input type="hidden" name="csrf" value=(auth.csrf); }
}

/// A whole page of the web app around `body`.
pub fn page(state: &AppState, auth: Option<&Auth>, title: &str, body: Markup) -> Response {
    let t = Text(state.lang);
    let markup = html! {
        (DOCTYPE)
        html lang=(state.lang.pick("vi", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " — soloai" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "soloai" }
                    @if let Some(a) = auth {
                        nav {
                            a href="/contests" { (t.contests()) }
                            a href="/corpus" { (t.corpus()) }
                            @if a.user.role == Role::Admin {
                                a href="/admin/users" { (t.users()) }
                                a href="/admin/audit" { (t.audit()) }
                            }
                        }
                        span.who { (a.user.display_name) " · " (t.role_name(a.user.role)) }
                        form.logout method="post" action="/logout" {
                            (csrf_field(a))
                            button type="submit" { (t.logout()) }
                        }
                    }
                }
                main { (body) }
            }
        }
    };
    Html(markup.into_string()).into_response()
}

/// What a confirmation step asks and where its answer goes.
pub struct Confirm<'a> {
    pub question: String,
    /// The form's target; it receives the `hidden` fields and `confirm=1`.
    pub action: String,
    pub hidden: &'a [(&'a str, &'a str)],
    pub button: &'a str,
    /// Where "no" leads.
    pub back: String,
}

/// The step before an action that cannot be undone (deleting a file, adding a contest's entries
/// to the corpus): the question, "cannot be undone", a red button that sends the form again with
/// `confirm=1`, and a way back. A page rather than a script dialog, so it works without
/// JavaScript and under our policy (no inline script).
pub fn confirm_page(state: &AppState, auth: &Auth, c: Confirm<'_>) -> Response {
    let t = Text(state.lang);
    page(
        state,
        Some(auth),
        t.confirm_title(),
        html! {
            section.confirm {
                h1 { (t.confirm_title()) }
                p.question { (c.question) }
                p.warning { strong { (t.cannot_undo()) } }
                form method="post" action=(c.action) {
                    (csrf_field(auth))
                    @for (name, value) in c.hidden { input type="hidden" name=(name) value=(value); }
                    input type="hidden" name="confirm" value="1";
                    div.actions {
                        button.danger type="submit" { (c.button) }
                        a.cancel href=(c.back) { (t.cancel()) }
                    }
                }
            }
        },
    )
}

/// Headers on every response: our CSP unless the handler set its own (report pages carry
/// theirs), no MIME sniffing, no referrer, no framing by others, nothing cached but static files.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(APP_CSP));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    if !is_static {
        h.entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    res
}
