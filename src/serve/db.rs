//! The server's own records in one SQLite file (`DATA/soloai.sqlite`): users, sessions,
//! contests and their councils, runs, council decisions and the audit log. Report files,
//! uploads and the corpus index stay files on disk beside it; the database only says who did
//! what to which contest.
//!
//! Migrations are numbered SQL scripts applied in order inside one transaction each; SQLite's
//! `user_version` records the last one applied, so an older data folder is brought forward at
//! start and a newer one (from a later soloai) is refused rather than misread.
//!
//! One connection behind a mutex: every query here is a few microseconds against a file of a
//! few thousand rows, so the lock is never held for long (no query runs while a screening
//! does: runs work on files and write their outcome when done).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// Each entry is one migration; never edit one that shipped, add the next.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'member')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
    );
    CREATE TABLE contests (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        profile TEXT NOT NULL,
        year INTEGER,
        council_json TEXT NOT NULL DEFAULT '{}',
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
    );
    CREATE TABLE contest_members (
        contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (contest_id, user_id)
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        started_by INTEGER REFERENCES users(id),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        message TEXT NOT NULL DEFAULT '',
        entries INTEGER NOT NULL DEFAULT 0,
        flagged INTEGER NOT NULL DEFAULT 0,
        cached INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX runs_by_contest ON runs (contest_id, id);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL,
        flag_code TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'dismiss')),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
    );
    CREATE INDEX decisions_by_entry ON decisions (contest_id, entry_id, flag_code, id);
    CREATE TABLE awards (
        contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL,
        prize TEXT NOT NULL,
        PRIMARY KEY (contest_id, entry_id)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        contest_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_by_contest ON audit (contest_id, id);
    "#,
    // 2: when a contest's files last changed, and the last run created before that change
    // (results made from older files are marked as such).
    r#"
    ALTER TABLE contests ADD COLUMN inputs_changed_at TEXT;
    ALTER TABLE contests ADD COLUMN inputs_changed_after_run INTEGER;
    "#,
    // 3: contests deleted (made by mistake, a test): their ids, so a new contest never takes
    // the id of a deleted one (SQLite would reuse the highest id) and inherits its audit lines.
    r#"
    CREATE TABLE deleted_contests (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        deleted_by INTEGER,
        deleted_at TEXT NOT NULL
    );
    "#,
];

/// What went wrong with the database file.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}: made by a newer soloai (schema {found}, this one knows {known})", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
}

/// A role on the server. Admin manages users and the corpus; the secretary (thư ký) runs
/// contests; a member (thành viên) reads reports and records decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Member,
    Secretary,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Secretary => "secretary",
            Role::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "secretary" => Some(Role::Secretary),
            "member" => Some(Role::Member),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
}

/// The council (hội đồng) of one contest as the secretary fills it in. Kept as JSON in the
/// contest row; `council.toml` in the contest folder is written from it (the fields follow
/// `soloai council-template`) so the minutes name the council.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Council {
    /// The unit that holds the screening (e.g. "UBND huyện Cao Lộc").
    pub unit: String,
    /// Its parent body (e.g. "UBND tỉnh Lạng Sơn").
    pub parent_unit: String,
    /// The council's own name (e.g. "Hội đồng sơ loại").
    pub name: String,
    /// Place (địa danh) for the date line.
    pub place: String,
    pub screening: Meeting,
    pub members: Vec<CouncilSeat>,
}

/// The screening meeting: number and symbol of the minutes, date, times, venue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub number: String,
    pub symbol: String,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub venue: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CouncilSeat {
    pub name: String,
    /// Position in their unit (chức vụ).
    pub position: String,
    /// Role on the council: `chu-tich`, `pho-chu-tich`, `thu-ky`, `thanh-vien`.
    pub role: String,
    /// The server account that acts for this seat, if any (not written to council.toml).
    pub username: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Contest {
    pub id: i64,
    pub name: String,
    pub profile: String,
    pub year: Option<i64>,
    pub council: Council,
    pub created_at: String,
    /// The account that created the contest (it may delete it, as may an administrator).
    pub created_by: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Queued,
    Running,
    Done,
    Failed,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Queued => "queued",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Failed => "failed",
        }
    }
    fn parse(s: &str) -> RunStatus {
        match s {
            "queued" => RunStatus::Queued,
            "running" => RunStatus::Running,
            "done" => RunStatus::Done,
            _ => RunStatus::Failed,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Run {
    pub id: i64,
    pub contest_id: i64,
    pub started_by: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub status: RunStatus,
    pub message: String,
    pub entries: i64,
    pub flagged: i64,
    pub cached: i64,
    pub seconds: f64,
}

/// A council member's decision on one flag: accept (xác nhận) or dismiss (bỏ qua), with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub id: i64,
    pub entry_id: String,
    pub flag_code: String,
    /// `accept` or `dismiss`.
    pub action: String,
    pub reason: String,
    /// The decider's display name.
    pub by: String,
    /// The decider's account (matches a council seat's `username`).
    pub username: String,
    pub at: String,
}

#[derive(Debug, Clone)]
pub struct AuditRow {
    pub at: String,
    pub user: Option<String>,
    pub contest_id: Option<i64>,
    pub action: String,
    pub detail: String,
}

pub struct Db {
    path: PathBuf,
    conn: Mutex<Connection>,
}

type Q<T> = Result<T, DbError>;

fn user_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        username: row.get(1)?,
        display_name: row.get(2)?,
        role: Role::parse(&row.get::<_, String>(3)?).unwrap_or(Role::Member),
        active: row.get::<_, i64>(4)? != 0,
    })
}

fn run_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Run> {
    Ok(Run {
        id: row.get(0)?,
        contest_id: row.get(1)?,
        started_by: row.get(2)?,
        started_at: row.get(3)?,
        finished_at: row.get(4)?,
        status: RunStatus::parse(&row.get::<_, String>(5)?),
        message: row.get(6)?,
        entries: row.get(7)?,
        flagged: row.get(8)?,
        cached: row.get(9)?,
        seconds: row.get(10)?,
    })
}

const RUN_COLUMNS: &str = "r.id, r.contest_id, u.display_name, r.started_at, r.finished_at, \
     r.status, r.message, r.entries, r.flagged, r.cached, r.seconds";

fn contest_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Contest> {
    let council: String = row.get(4)?;
    Ok(Contest {
        id: row.get(0)?,
        name: row.get(1)?,
        profile: row.get(2)?,
        year: row.get(3)?,
        council: serde_json::from_str(&council).unwrap_or_default(),
        created_at: row.get(5)?,
        created_by: row.get(6)?,
    })
}

impl Db {
    /// Open (creating if needed) the database and bring its schema up to date.
    pub fn open(path: &Path) -> Q<Db> {
        let err = |source| DbError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(err)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )
        .map_err(err)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(DbError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(err)?;
            tx.execute_batch(sql).map_err(err)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
                .map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(Db {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        })
    }

    /// The schema version in use (the number of migrations applied).
    pub fn schema_version(&self) -> Q<i64> {
        self.with(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))
    }

    fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Q<T> {
        // A panic while the lock was held cannot leave SQLite inconsistent (transactions
        // roll back), so a poisoned lock is still usable.
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&conn).map_err(|source| DbError::Sqlite {
            path: self.path.clone(),
            source,
        })
    }

    // ---- users ----

    pub fn user_count(&self) -> Q<i64> {
        self.with(|c| c.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0)))
    }

    pub fn create_user(
        &self,
        username: &str,
        display_name: &str,
        role: Role,
        password_hash: &str,
        now: &str,
    ) -> Q<Option<i64>> {
        self.with(|c| {
            let n = c.execute(
                "INSERT OR IGNORE INTO users (username, display_name, role, password_hash, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![username, display_name, role.as_str(), password_hash, now],
            )?;
            Ok((n == 1).then(|| c.last_insert_rowid()))
        })
    }

    /// The user and their password hash, for login.
    pub fn user_for_login(&self, username: &str) -> Q<Option<(User, String)>> {
        self.with(|c| {
            c.query_row(
                "SELECT id, username, display_name, role, active, password_hash FROM users WHERE username = ?1",
                [username],
                |r| Ok((user_from(r)?, r.get(5)?)),
            )
            .optional()
        })
    }

    pub fn users(&self) -> Q<Vec<User>> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT id, username, display_name, role, active FROM users ORDER BY role DESC, username",
            )?;
            st.query_map([], user_from)?.collect()
        })
    }

    pub fn user_by_name(&self, username: &str) -> Q<Option<User>> {
        self.with(|c| {
            c.query_row(
                "SELECT id, username, display_name, role, active FROM users WHERE username = ?1",
                [username],
                user_from,
            )
            .optional()
        })
    }

    pub fn set_user_active(&self, id: i64, active: bool) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE users SET active = ?2 WHERE id = ?1",
                params![id, active as i64],
            )?;
            if !active {
                c.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
            }
            Ok(())
        })
    }

    pub fn set_password(&self, id: i64, password_hash: &str) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE users SET password_hash = ?2 WHERE id = ?1",
                params![id, password_hash],
            )?;
            c.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
            Ok(())
        })
    }

    // ---- sessions ----

    pub fn create_session(&self, token_hash: &str, user_id: i64, csrf: &str, now: i64) -> Q<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![token_hash, user_id, csrf, now],
            )
            .map(|_| ())
        })
    }

    /// The live session for this token hash, touched; sessions idle longer than `max_idle`
    /// seconds (or of a disabled user) are gone.
    pub fn session(&self, token_hash: &str, now: i64, max_idle: i64) -> Q<Option<Session>> {
        self.with(|c| {
            let found = c
                .query_row(
                    "SELECT u.id, u.username, u.display_name, u.role, u.active, s.csrf, s.last_seen \
                     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1",
                    [token_hash],
                    |r| Ok((user_from(r)?, r.get::<_, String>(5)?, r.get::<_, i64>(6)?)),
                )
                .optional()?;
            let Some((user, csrf, last_seen)) = found else {
                return Ok(None);
            };
            if !user.active || now - last_seen > max_idle {
                c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
                return Ok(None);
            }
            // Touch at most once a minute: browsing is read-mostly.
            if now - last_seen > 60 {
                c.execute(
                    "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
                    params![token_hash, now],
                )?;
            }
            Ok(Some(Session { user, csrf }))
        })
    }

    pub fn delete_session(&self, token_hash: &str) -> Q<()> {
        self.with(|c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])
                .map(|_| ())
        })
    }

    // ---- contests ----

    pub fn create_contest(
        &self,
        name: &str,
        profile: &str,
        year: Option<i64>,
        user_id: i64,
        now: &str,
    ) -> Q<i64> {
        self.with(|c| {
            // Past every id used so far, deleted contests' included: a new contest never
            // takes the id (folder, audit lines) of one deleted.
            c.execute(
                "INSERT INTO contests (id, name, profile, year, created_by, created_at) VALUES ( \
                 1 + MAX((SELECT COALESCE(MAX(id), 0) FROM contests), \
                         (SELECT COALESCE(MAX(id), 0) FROM deleted_contests)), \
                 ?1, ?2, ?3, ?4, ?5)",
                params![name, profile, year, user_id, now],
            )?;
            let id = c.last_insert_rowid();
            c.execute(
                "INSERT OR IGNORE INTO contest_members (contest_id, user_id) VALUES (?1, ?2)",
                params![id, user_id],
            )?;
            Ok(id)
        })
    }

    pub fn set_contest_profile(&self, id: i64, profile: &str) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE contests SET profile = ?2 WHERE id = ?1",
                params![id, profile],
            )
            .map(|_| ())
        })
    }

    /// The contest's files changed now (an upload, a deletion): remembered with the last run
    /// created so far, so results made by that run or an earlier one show as old.
    pub fn mark_inputs_changed(&self, id: i64, now: &str) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE contests SET inputs_changed_at = ?2, inputs_changed_after_run = \
                 (SELECT COALESCE(MAX(id), 0) FROM runs WHERE contest_id = ?1) WHERE id = ?1",
                params![id, now],
            )
            .map(|_| ())
        })
    }

    /// When the contest's files last changed, and the last run created before that change
    /// (0: none); `None` if they never changed after the contest was made.
    pub fn inputs_changed(&self, id: i64) -> Q<Option<(String, i64)>> {
        self.with(|c| {
            c.query_row(
                "SELECT inputs_changed_at, COALESCE(inputs_changed_after_run, 0) FROM contests \
                 WHERE id = ?1 AND inputs_changed_at IS NOT NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
        })
    }

    pub fn contest(&self, id: i64) -> Q<Option<Contest>> {
        self.with(|c| {
            c.query_row(
                "SELECT id, name, profile, year, council_json, created_at, created_by FROM contests WHERE id = ?1",
                [id],
                contest_from,
            )
            .optional()
        })
    }

    /// Contests this user may see: all for an admin, else those whose council they sit on
    /// (a secretary who created a contest sits on it).
    pub fn contests_for(&self, user: &User) -> Q<Vec<Contest>> {
        self.with(|c| {
            let sql = if user.role == Role::Admin {
                "SELECT id, name, profile, year, council_json, created_at, created_by FROM contests WHERE ?1 = ?1 ORDER BY id DESC"
            } else {
                "SELECT c.id, c.name, c.profile, c.year, c.council_json, c.created_at, c.created_by FROM contests c \
                 JOIN contest_members m ON m.contest_id = c.id WHERE m.user_id = ?1 ORDER BY c.id DESC"
            };
            let mut st = c.prepare(sql)?;
            st.query_map([user.id], contest_from)?.collect()
        })
    }

    /// Delete a contest's rows (its council seats, runs, decisions, prizes and the contest),
    /// in one transaction, and remember its id and name as deleted. The audit log keeps its
    /// lines. `false`: there was no such contest.
    pub fn delete_contest(&self, id: i64, user_id: i64, now: &str) -> Q<bool> {
        self.with(|c| {
            let tx = c.unchecked_transaction()?;
            let name: Option<String> = tx
                .query_row("SELECT name FROM contests WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(name) = name else {
                return Ok(false);
            };
            for table in ["decisions", "awards", "runs", "contest_members"] {
                tx.execute(&format!("DELETE FROM {table} WHERE contest_id = ?1"), [id])?;
            }
            tx.execute("DELETE FROM contests WHERE id = ?1", [id])?;
            tx.execute(
                "INSERT INTO deleted_contests (id, name, deleted_by, deleted_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, name, user_id, now],
            )?;
            tx.commit()?;
            Ok(true)
        })
    }

    /// How many screening runs a contest has had.
    pub fn run_count(&self, contest_id: i64) -> Q<i64> {
        self.with(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM runs WHERE contest_id = ?1",
                [contest_id],
                |r| r.get(0),
            )
        })
    }

    pub fn is_member(&self, contest_id: i64, user_id: i64) -> Q<bool> {
        self.with(|c| {
            c.query_row(
                "SELECT 1 FROM contest_members WHERE contest_id = ?1 AND user_id = ?2",
                params![contest_id, user_id],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
        })
    }

    /// Replace the council; accounts named on it become the contest's members (the creator
    /// and anyone added before stay, so a secretary never locks themself out).
    pub fn set_council(&self, contest_id: i64, council: &Council) -> Q<Vec<String>> {
        self.with(|c| {
            let json = serde_json::to_string(council).unwrap_or_else(|_| "{}".into());
            c.execute(
                "UPDATE contests SET council_json = ?2 WHERE id = ?1",
                params![contest_id, json],
            )?;
            let mut unknown = Vec::new();
            for seat in &council.members {
                let Some(name) = seat.username.as_deref().filter(|n| !n.is_empty()) else {
                    continue;
                };
                let id: Option<i64> = c
                    .query_row("SELECT id FROM users WHERE username = ?1", [name], |r| {
                        r.get(0)
                    })
                    .optional()?;
                match id {
                    Some(id) => {
                        c.execute(
                            "INSERT OR IGNORE INTO contest_members (contest_id, user_id) VALUES (?1, ?2)",
                            params![contest_id, id],
                        )?;
                    }
                    None => unknown.push(name.to_string()),
                }
            }
            Ok(unknown)
        })
    }

    pub fn add_member(&self, contest_id: i64, user_id: i64) -> Q<()> {
        self.with(|c| {
            c.execute(
                "INSERT OR IGNORE INTO contest_members (contest_id, user_id) VALUES (?1, ?2)",
                params![contest_id, user_id],
            )
            .map(|_| ())
        })
    }

    pub fn members(&self, contest_id: i64) -> Q<Vec<User>> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT u.id, u.username, u.display_name, u.role, u.active FROM users u \
                 JOIN contest_members m ON m.user_id = u.id WHERE m.contest_id = ?1 ORDER BY u.username",
            )?;
            st.query_map([contest_id], user_from)?.collect()
        })
    }

    // ---- runs ----

    pub fn create_run(&self, contest_id: i64, user_id: i64, now: &str) -> Q<i64> {
        self.with(|c| {
            c.execute(
                "INSERT INTO runs (contest_id, started_by, started_at, status) VALUES (?1, ?2, ?3, 'queued')",
                params![contest_id, user_id, now],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    pub fn set_run_status(&self, run_id: i64, status: RunStatus) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE runs SET status = ?2 WHERE id = ?1",
                params![run_id, status.as_str()],
            )
            .map(|_| ())
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub fn finish_run(
        &self,
        run_id: i64,
        status: RunStatus,
        message: &str,
        entries: i64,
        flagged: i64,
        cached: i64,
        seconds: f64,
        now: &str,
    ) -> Q<()> {
        self.with(|c| {
            c.execute(
                "UPDATE runs SET status = ?2, message = ?3, entries = ?4, flagged = ?5, cached = ?6, \
                 seconds = ?7, finished_at = ?8 WHERE id = ?1",
                params![
                    run_id,
                    status.as_str(),
                    message,
                    entries,
                    flagged,
                    cached,
                    seconds,
                    now
                ],
            )
            .map(|_| ())
        })
    }

    /// Runs left queued or running by a server that stopped: they did not finish.
    pub fn fail_unfinished_runs(&self, message: &str, now: &str) -> Q<usize> {
        self.with(|c| {
            c.execute(
                "UPDATE runs SET status = 'failed', message = ?1, finished_at = ?2 \
                 WHERE status IN ('queued', 'running')",
                params![message, now],
            )
        })
    }

    pub fn runs(&self, contest_id: i64, limit: i64) -> Q<Vec<Run>> {
        self.with(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {RUN_COLUMNS} FROM runs r LEFT JOIN users u ON u.id = r.started_by \
                 WHERE r.contest_id = ?1 ORDER BY r.id DESC LIMIT ?2"
            ))?;
            st.query_map(params![contest_id, limit], run_from)?
                .collect()
        })
    }

    // ---- decisions ----

    #[allow(clippy::too_many_arguments)]
    pub fn add_decision(
        &self,
        contest_id: i64,
        entry_id: &str,
        flag_code: &str,
        action: &str,
        reason: &str,
        user_id: i64,
        now: &str,
    ) -> Q<i64> {
        self.with(|c| {
            c.execute(
                "INSERT INTO decisions (contest_id, entry_id, flag_code, action, reason, user_id, at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![contest_id, entry_id, flag_code, action, reason, user_id, now],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    /// Every decision of a contest, oldest first (the latest per flag is the one in force).
    pub fn decisions(&self, contest_id: i64) -> Q<Vec<Decision>> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT d.id, d.entry_id, d.flag_code, d.action, d.reason, u.display_name, d.at, u.username \
                 FROM decisions d JOIN users u ON u.id = d.user_id WHERE d.contest_id = ?1 ORDER BY d.id",
            )?;
            st.query_map([contest_id], |r| {
                Ok(Decision {
                    id: r.get(0)?,
                    entry_id: r.get(1)?,
                    flag_code: r.get(2)?,
                    action: r.get(3)?,
                    reason: r.get(4)?,
                    by: r.get(5)?,
                    username: r.get(7)?,
                    at: r.get(6)?,
                })
            })?
            .collect()
        })
    }

    // ---- awards ----

    pub fn set_award(&self, contest_id: i64, entry_id: &str, prize: &str) -> Q<()> {
        self.with(|c| {
            if prize.is_empty() {
                c.execute(
                    "DELETE FROM awards WHERE contest_id = ?1 AND entry_id = ?2",
                    params![contest_id, entry_id],
                )?;
            } else {
                c.execute(
                    "INSERT INTO awards (contest_id, entry_id, prize) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (contest_id, entry_id) DO UPDATE SET prize = excluded.prize",
                    params![contest_id, entry_id, prize],
                )?;
            }
            Ok(())
        })
    }

    pub fn awards(&self, contest_id: i64) -> Q<std::collections::HashMap<String, String>> {
        self.with(|c| {
            let mut st = c.prepare("SELECT entry_id, prize FROM awards WHERE contest_id = ?1")?;
            st.query_map([contest_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
    }

    // ---- audit ----

    pub fn audit(
        &self,
        user_id: Option<i64>,
        contest_id: Option<i64>,
        action: &str,
        detail: &str,
        now: &str,
    ) -> Q<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO audit (at, user_id, contest_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![now, user_id, contest_id, action, detail],
            )
            .map(|_| ())
        })
    }

    /// The latest audit rows, of one contest or of everything.
    pub fn audit_log(&self, contest_id: Option<i64>, limit: i64) -> Q<Vec<AuditRow>> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT a.at, u.username, a.contest_id, a.action, a.detail FROM audit a \
                 LEFT JOIN users u ON u.id = a.user_id \
                 WHERE (?1 IS NULL OR a.contest_id = ?1) ORDER BY a.id DESC LIMIT ?2",
            )?;
            st.query_map(params![contest_id, limit], |r| {
                Ok(AuditRow {
                    at: r.get(0)?,
                    user: r.get(1)?,
                    contest_id: r.get(2)?,
                    action: r.get(3)?,
                    detail: r.get(4)?,
                })
            })?
            .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_a_newer_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let id = db
            .create_user("Admin", "Quản trị", Role::Admin, "h", "t")
            .unwrap();
        assert!(id.is_some());
        // Usernames are unique without regard to case.
        assert!(
            db.create_user("admin", "x", Role::Member, "h", "t")
                .unwrap()
                .is_none()
        );
        drop(db);
        let db = Db::open(&path).unwrap();
        assert_eq!(db.user_count().unwrap(), 1);
        db.with(|c| c.execute_batch("PRAGMA user_version = 99"))
            .unwrap();
        drop(db);
        assert!(matches!(Db::open(&path), Err(DbError::TooNew { .. })));
    }

    #[test]
    fn members_see_only_their_contests() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("s.sqlite")).unwrap();
        let sec = db
            .create_user("tk", "Thư ký", Role::Secretary, "h", "t")
            .unwrap()
            .unwrap();
        db.create_user("tv", "Thành viên", Role::Member, "h", "t")
            .unwrap();
        let a = db
            .create_contest("A", "lang-son-2025", None, sec, "t")
            .unwrap();
        let _b = db
            .create_contest("B", "lang-son-2025", None, sec, "t")
            .unwrap();
        let council = Council {
            members: vec![CouncilSeat {
                name: "Nguyễn Văn A".into(),
                username: Some("tv".into()),
                ..CouncilSeat::default()
            }],
            ..Council::default()
        };
        assert!(db.set_council(a, &council).unwrap().is_empty());
        let tv = db.user_by_name("tv").unwrap().unwrap();
        let seen: Vec<String> = db
            .contests_for(&tv)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(seen, ["A"]);
        let tk = db.user_by_name("tk").unwrap().unwrap();
        assert_eq!(db.contests_for(&tk).unwrap().len(), 2);
    }

    #[test]
    fn a_change_of_files_remembers_the_last_run_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("s.sqlite")).unwrap();
        let sec = db
            .create_user("tk", "Thư ký", Role::Secretary, "h", "t")
            .unwrap()
            .unwrap();
        let a = db
            .create_contest("A", "lang-son-2025", None, sec, "t")
            .unwrap();
        assert_eq!(db.inputs_changed(a).unwrap(), None);
        db.mark_inputs_changed(a, "2025-07-01T08:00:00Z").unwrap();
        assert_eq!(
            db.inputs_changed(a).unwrap(),
            Some(("2025-07-01T08:00:00Z".to_string(), 0))
        );
        let run = db.create_run(a, sec, "2025-07-01T08:05:00Z").unwrap();
        db.mark_inputs_changed(a, "2025-07-01T09:00:00Z").unwrap();
        assert_eq!(
            db.inputs_changed(a).unwrap(),
            Some(("2025-07-01T09:00:00Z".to_string(), run))
        );
    }

    #[test]
    fn a_deleted_contest_takes_its_rows_and_its_id_is_never_given_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("s.sqlite")).unwrap();
        let sec = db
            .create_user("tk", "Thư ký", Role::Secretary, "h", "t")
            .unwrap()
            .unwrap();
        let keep = db
            .create_contest("Giữ", "lang-son-2025", None, sec, "t")
            .unwrap();
        let gone = db
            .create_contest("Xoá", "lang-son-2025", None, sec, "t")
            .unwrap();
        assert_eq!(db.contest(gone).unwrap().unwrap().created_by, Some(sec));
        let run = db.create_run(gone, sec, "t").unwrap();
        db.add_decision(gone, "E01", "LATE", "accept", "r", sec, "t")
            .unwrap();
        db.set_award(gone, "E01", "first").unwrap();
        db.create_run(keep, sec, "t").unwrap();
        assert_eq!(db.run_count(gone).unwrap(), 1);

        assert!(db.delete_contest(gone, sec, "t2").unwrap());
        assert!(db.contest(gone).unwrap().is_none());
        assert!(!db.is_member(gone, sec).unwrap());
        assert_eq!(db.run_count(gone).unwrap(), 0);
        assert!(db.runs(gone, 10).unwrap().iter().all(|r| r.id != run));
        assert!(db.decisions(gone).unwrap().is_empty());
        assert!(db.awards(gone).unwrap().is_empty());
        // The other contest is untouched; deleting again finds nothing.
        assert_eq!(db.run_count(keep).unwrap(), 1);
        assert!(!db.delete_contest(gone, sec, "t3").unwrap());
        // The highest id was deleted: the next contest does not take it.
        let next = db
            .create_contest("Mới", "lang-son-2025", None, sec, "t")
            .unwrap();
        assert!(next > gone, "{next} after {gone}");
    }
}
