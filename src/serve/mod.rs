//! `soloai serve`: the council's web app on the office network.
//!
//! One binary, no other service: axum on tokio serves the pages, SQLite (`DATA/soloai.sqlite`)
//! keeps users, contests, runs, decisions and the audit log, and everything else is files in
//! the data folder. The web layer only calls the library — a screening run is
//! [`crate::screen::screen`] on the contest folder, the report pages are the very files the CLI
//! writes, the corpus is [`crate::index::CorpusIndex`] — so the CLI and the server can never
//! disagree about a verdict.
//!
//! # The data folder
//! ```text
//! DATA/
//!   soloai.sqlite           users, sessions, contests, runs, decisions, audit (migrations versioned)
//!   corpus-index/           the corpus (tantivy), shared by every contest
//!   corpus-files/           documents an administrator added, as uploaded
//!   contests/<id>/input/    the contest folder: entries/, manifest, units, excluded persons, profile.toml, council.toml, prior/
//!   contests/<id>/report/   what `soloai screen` writes (and its extraction cache, reused by re-runs)
//!   tmp/                    uploads being checked, a deleted contest's folder being removed; emptied at start
//! ```

pub mod account;
pub mod auth;
pub mod contest;
pub mod corpus;
pub mod council_file;
pub mod db;
pub mod minutes;
pub mod report_page;
pub mod runs;
pub mod text;
pub mod upload;
pub mod web;

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::lang::Lang;
use crate::report::Report;
use db::Db;
use text::Text;

/// Everything `soloai serve` is told.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub data_dir: PathBuf,
    pub bind: SocketAddr,
    pub lang: Lang,
    pub limits: upload::UploadLimits,
    /// The address people type, when the server sits behind a proxy (`https://…` makes
    /// cookies `Secure`).
    pub public_url: Option<String>,
    /// Folders of documents added to the corpus at start (duplicates are skipped).
    pub corpus_dirs: Vec<PathBuf>,
}

impl ServeOptions {
    pub fn new(data_dir: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            data_dir: data_dir.into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            lang: Lang::Vi,
            limits: upload::UploadLimits::default(),
            public_url: None,
            corpus_dirs: Vec::new(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("{addr}: cannot listen ({source})")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Corpus(String),
}

impl ServeError {
    /// Why the server could not start, in the reader's language (`Words.serve_error`).
    pub fn message(&self, lang: Lang) -> String {
        (lang.words().serve_error)(self)
    }
}

/// What every handler sees.
pub struct AppState {
    pub db: Arc<Db>,
    pub data: PathBuf,
    pub index_dir: PathBuf,
    pub lang: Lang,
    pub limits: upload::UploadLimits,
    pub throttle: auth::Throttle,
    pub runs: Arc<runs::Runs>,
    /// SHA-256 of the one-time link that creates the first administrator.
    pub setup_token: Mutex<Option<String>>,
    /// Cookies carry `Secure` (the public address is https).
    pub secure: bool,
    /// Parsed report.json per contest, with the file's modification time.
    reports: Mutex<HashMap<i64, (SystemTime, Arc<Report>)>>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn contest_dir(&self, id: i64) -> PathBuf {
        self.data.join("contests").join(id.to_string())
    }
    pub fn input_dir(&self, id: i64) -> PathBuf {
        self.contest_dir(id).join("input")
    }
    pub fn report_dir(&self, id: i64) -> PathBuf {
        self.contest_dir(id).join("report")
    }

    /// A fresh staging folder for one upload, removed when dropped.
    pub fn stage_dir(&self) -> std::io::Result<tempfile::TempDir> {
        let tmp = self.data.join("tmp");
        std::fs::create_dir_all(&tmp)?;
        tempfile::Builder::new().prefix("upload-").tempdir_in(tmp)
    }

    /// The contest's last report (report.json), parsed once per run.
    pub fn report(&self, id: i64) -> Option<Arc<Report>> {
        let path = self.report_dir(id).join("report.json");
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
        {
            let cache = self.reports.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((at, report)) = cache.get(&id)
                && *at == modified
            {
                return Some(Arc::clone(report));
            }
        }
        let bytes = std::fs::read(&path).ok()?;
        let report: Arc<Report> = Arc::new(serde_json::from_slice(&bytes).ok()?);
        let mut cache = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        cache.insert(id, (modified, Arc::clone(&report)));
        Some(report)
    }

    pub fn forget_report(&self, id: i64) {
        let mut cache = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        cache.remove(&id);
    }
}

const APP_JS: &str = include_str!("static/app.js");
const APP_CSS: &str = include_str!("static/app.css");

async fn static_file(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    res
}

/// Every route of the web app.
pub fn router(state: Shared) -> Router {
    let body_limit = usize::try_from(state.limits.max_request).unwrap_or(usize::MAX);
    Router::new()
        .route("/", get(account::home))
        .route("/setup", get(account::setup_page).post(account::setup_post))
        .route("/login", get(account::login_page).post(account::login_post))
        .route("/logout", post(account::logout))
        .route(
            "/admin/users",
            get(account::users).post(account::create_user),
        )
        .route("/admin/users/active", post(account::set_active))
        .route("/admin/users/password", post(account::set_password))
        .route("/admin/audit", get(account::audit))
        .route("/contests", get(contest::list).post(contest::create))
        .route("/c/{id}", get(contest::show))
        .route("/c/{id}/upload", post(contest::upload))
        .route(
            "/c/{id}/files/delete",
            get(contest::delete_file_page).post(contest::delete_file),
        )
        .route(
            "/c/{id}/delete",
            get(contest::delete_contest_page).post(contest::delete_contest),
        )
        .route("/c/{id}/council", post(contest::set_council))
        .route("/c/{id}/run", post(contest::start_run))
        .route("/c/{id}/events", get(contest::events))
        .route("/c/{id}/report.zip", get(contest::report_zip))
        .route("/c/{id}/decisions.json", get(contest::decisions_json))
        .route("/c/{id}/report/{*path}", get(contest::report_file))
        .route("/c/{id}/entries/{entry}", get(contest::entry))
        .route("/c/{id}/entries/{entry}/decide", post(contest::decide))
        .route("/c/{id}/awards", post(contest::set_awards))
        .route(
            "/c/{id}/to-corpus",
            get(contest::to_corpus_page).post(contest::to_corpus),
        )
        .route("/templates/{name}", get(contest::manifest_template))
        .route("/corpus", get(corpus::search))
        .route("/corpus/add", post(corpus::add))
        .route("/static/{name}", get(static_file))
        .fallback(web::not_found_page)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::error_pages,
        ))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::audit_refusals,
        ))
        .layer(axum::middleware::from_fn(web::security_headers))
        .with_state(state)
}

/// Owner-only permissions on the data folder: it holds personal data of every entrant.
fn private_dir(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Open the data folder and build the state (no network yet).
pub fn prepare(opts: &ServeOptions) -> Result<Shared, ServeError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ServeError::Io { path, source }
    };
    private_dir(&opts.data_dir).map_err(io(&opts.data_dir))?;
    let data = opts.data_dir.canonicalize().map_err(io(&opts.data_dir))?;
    let tmp = data.join("tmp");
    if tmp.is_dir() {
        // Left by a server that stopped mid-upload; nothing in it was accepted yet.
        std::fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
    }
    let db = Db::open(&data.join("soloai.sqlite"))?;
    let t = Text(opts.lang);
    db.fail_unfinished_runs(t.run_interrupted(), &crate::screen::now_rfc3339())?;
    let index_dir = data.join("corpus-index");
    if !opts.corpus_dirs.is_empty() {
        let _lock = crate::lock::lock_index(&index_dir)
            .map_err(|e| ServeError::Corpus(e.message(opts.lang)))?;
        let mut index = crate::index::CorpusIndex::open_or_create(&index_dir)
            .map_err(|e| ServeError::Corpus(e.message(opts.lang)))?;
        index
            .add_paths(&opts.corpus_dirs, &crate::index::AddOptions::default())
            .map_err(|e| ServeError::Corpus(e.message(opts.lang)))?;
    }
    let secure = opts
        .public_url
        .as_deref()
        .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"));
    Ok(Arc::new(AppState {
        db: Arc::new(db),
        data,
        index_dir,
        lang: opts.lang,
        limits: opts.limits.clone(),
        throttle: auth::Throttle::default(),
        runs: Arc::new(runs::Runs::default()),
        setup_token: Mutex::new(None),
        secure,
        reports: Mutex::new(HashMap::new()),
    }))
}

/// Serve until Ctrl-C or SIGTERM. Prints the address and, when there is no account yet, the
/// one-time link that creates the administrator.
pub fn run(opts: &ServeOptions) -> Result<(), ServeError> {
    let state = prepare(opts)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Io {
            path: opts.data_dir.clone(),
            source,
        })?;
    runtime.block_on(serve(state, opts))
}

async fn serve(state: Shared, opts: &ServeOptions) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(opts.bind)
        .await
        .map_err(|source| ServeError::Bind {
            addr: opts.bind,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| ServeError::Bind {
        addr: opts.bind,
        source,
    })?;
    let base = opts
        .public_url
        .clone()
        .map(|u| u.trim_end_matches('/').to_string())
        .unwrap_or_else(|| format!("http://{addr}"));
    let t = Text(opts.lang);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{} {base}/", t.listening());
    if state.db.user_count()? == 0 {
        let token = auth::random_hex(24);
        *state.setup_token.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(auth::token_hash(&token));
        let _ = writeln!(out, "{} {base}/setup?token={token}", t.admin_link());
    } else {
        let _ = writeln!(out, "{} {base}/login", t.login_at());
    }
    let _ = out.flush();
    drop(out);
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|source| ServeError::Io {
            path: opts.data_dir.clone(),
            source,
        })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
