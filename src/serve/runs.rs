//! Screening runs in the background.
//!
//! A run is the library's [`crate::screen::screen`] on the contest folder, the same call the
//! CLI makes, on a blocking thread. Its progress goes into a `watch` channel the browser
//! follows through server-sent events; closing the browser only drops a receiver, the run goes
//! on and its outcome is written to the database when it ends. One run per contest at a time;
//! runs of different contests (and corpus additions, which share the index writer) wait their
//! turn behind one permit, since a council's server has few cores and a second run would only
//! slow the first.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Serialize;
use tokio::sync::{Semaphore, watch};

use crate::lang::Lang;
use crate::report::EntryStatus;
use crate::screen::progress::{Observer, Stage};
use crate::screen::{self, ScreenError, ScreenOptions};
use crate::serve::db::{Db, RunStatus};
use crate::serve::text::Text;

/// What the progress bar shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Progress {
    pub run_id: i64,
    /// `queued`, `running`, `done`, `failed`.
    pub status: &'static str,
    /// 0..=100.
    pub percent: u8,
    /// The stage in words, or the outcome when finished.
    pub message: String,
    pub done: u64,
    pub total: u64,
}

impl Progress {
    pub fn finished(&self) -> bool {
        self.status == "done" || self.status == "failed"
    }
}

fn percent(stage: Stage, done: u64, total: u64) -> u8 {
    let share = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    let p = match stage {
        Stage::Corpus => 2.0,
        Stage::Read => 5.0 + 65.0 * share,
        Stage::Check => 72.0,
        Stage::Compare => 78.0,
        Stage::Report => 95.0,
    };
    p.clamp(0.0, 99.0) as u8
}

fn stage_words(t: Text, stage: Stage) -> &'static str {
    match stage {
        Stage::Corpus => t.stage_corpus(),
        Stage::Read => t.stage_read(),
        Stage::Check => t.stage_check(),
        Stage::Compare => t.stage_compare(),
        Stage::Report => t.stage_report(),
    }
}

/// Everything one run needs.
pub struct RunJob {
    pub contest_id: i64,
    pub run_id: i64,
    /// The contest folder (`entries/`, manifest, …).
    pub input: PathBuf,
    pub out_dir: PathBuf,
    pub index_dir: PathBuf,
    /// A built-in profile name, or `None` to use the folder's `profile.toml`.
    pub profile: Option<String>,
    pub lang: Lang,
    /// The server's data folder: never named in what the run says.
    pub data_dir: PathBuf,
}

/// A failed run's message as the web app shows it: files named as the council uploaded them
/// (`council.toml`, `entries/E01.docx`), the server's own folders in words, no path of the
/// server, and a manifest without its id column pointed to the template on the contest's page
/// instead of to a command a web user cannot run.
pub fn failure_message(e: &ScreenError, job: &RunJob) -> String {
    let said = match e {
        ScreenError::Manifest(m) => crate::serve::contest::manifest_problem(job.lang, m).0,
        other => other.message(job.lang),
    };
    without_server_paths(&said, job)
}

/// `message` with the server's folders taken out: the contest folder's own files keep the
/// name they have inside it, the report folder, the corpus and the data folder are said in
/// words (whichever else is named, a lock, a cache, a panic's detail).
pub fn without_server_paths(message: &str, job: &RunJob) -> String {
    let w = &job.lang.words().web;
    // `…/input/council.toml` is the file the council uploaded as `council.toml`.
    let mut out = message.replace(
        &format!("{}{}", job.input.display(), std::path::MAIN_SEPARATOR),
        "",
    );
    // Inner folders before the data folder that holds them.
    for (dir, words) in [
        (&job.input, w.run_path_contest),
        (&job.out_dir, w.run_path_reports),
        (&job.index_dir, w.run_path_corpus),
        (&job.data_dir, w.run_path_data),
    ] {
        let shown = dir.display().to_string();
        if !shown.is_empty() {
            out = out.replace(&shown, words);
        }
    }
    out
}

/// The runs going on and the last one of each contest since the server started.
pub struct Runs {
    channels: Mutex<HashMap<i64, watch::Sender<Progress>>>,
    /// One permit: runs and corpus additions take turns.
    pub work: Arc<Semaphore>,
}

impl Default for Runs {
    fn default() -> Self {
        Runs {
            channels: Mutex::new(HashMap::new()),
            work: Arc::new(Semaphore::new(1)),
        }
    }
}

/// A run could not start.
#[derive(Debug, PartialEq, Eq)]
pub enum StartError {
    Busy,
}

impl Runs {
    /// Follow a contest's current (or last) run, if the server has seen one since it started.
    pub fn subscribe(&self, contest_id: i64) -> Option<watch::Receiver<Progress>> {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&contest_id).map(|s| s.subscribe())
    }

    /// Whether a run of this contest is queued or going on.
    pub fn busy(&self, contest_id: i64) -> bool {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&contest_id).is_some_and(|s| !s.borrow().finished())
    }

    /// Reserve the contest's slot for a new run (refused when one is going on). The caller
    /// creates the run row, then calls [`Runs::spawn`].
    pub fn reserve(&self, contest_id: i64, run_id: i64, lang: Lang) -> Result<(), StartError> {
        let mut map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        if map.get(&contest_id).is_some_and(|s| !s.borrow().finished()) {
            return Err(StartError::Busy);
        }
        let first = Progress {
            run_id,
            status: "queued",
            percent: 0,
            message: Text(lang).run_queued().to_string(),
            done: 0,
            total: 0,
        };
        match map.get(&contest_id) {
            Some(s) => {
                s.send_replace(first);
            }
            None => {
                map.insert(contest_id, watch::channel(first).0);
            }
        }
        Ok(())
    }

    /// The run row is known: record its id in the progress.
    pub fn set_run_id(&self, contest_id: i64, run_id: i64) {
        if let Some(s) = self.sender(contest_id) {
            s.send_modify(|p| p.run_id = run_id);
        }
    }

    /// A reserved run that could not be created after all.
    pub fn abandon(&self, contest_id: i64) {
        if let Some(s) = self.sender(contest_id) {
            s.send_modify(|p| p.status = "failed");
        }
    }

    /// A contest deleted: its progress goes (whoever follows it sees the stream end). Call
    /// only while holding its slot ([`Runs::reserve`]), so no run of it is going on.
    pub fn forget(&self, contest_id: i64) {
        let mut map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&contest_id);
    }

    fn sender(&self, contest_id: i64) -> Option<watch::Sender<Progress>> {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&contest_id).cloned()
    }

    /// Run `job` in the background; `after` is called on the blocking thread once the reports
    /// are written (the web app re-renders the minutes with the council's decisions).
    pub fn spawn(
        self: &Arc<Self>,
        db: Arc<Db>,
        job: RunJob,
        after: impl FnOnce(&RunJob) + Send + 'static,
    ) {
        let runs = Arc::clone(self);
        tokio::spawn(async move {
            let Some(tx) = runs.sender(job.contest_id) else {
                return;
            };
            let t = Text(job.lang);
            // Semaphore closed never happens (we never close it); run anyway if it did.
            let _permit = runs.work.clone().acquire_owned().await.ok();
            let _ = db.set_run_status(job.run_id, RunStatus::Running);
            tx.send_modify(|p| {
                p.status = "running";
                p.message = t.run_running().to_string();
            });
            let run_id = job.run_id;
            let contest_id = job.contest_id;
            let tx_obs = tx.clone();
            let observer = Observer::new(move |stage, done, total| {
                let pct = percent(stage, done, total);
                tx_obs.send_if_modified(|p| {
                    // Reading runs on several threads, whose counts can arrive out of order:
                    // the bar never goes back.
                    let pct = pct.max(p.percent);
                    let message = stage_words(t, stage);
                    let changed = p.percent != pct || p.message != message || p.done != done;
                    if changed {
                        p.percent = pct;
                        p.message = message.to_string();
                        p.done = done;
                        p.total = total;
                    }
                    changed
                });
            });
            let started = Instant::now();
            let outcome = tokio::task::spawn_blocking(move || {
                let opts = ScreenOptions {
                    profile: job.profile.clone(),
                    index_dir: Some(job.index_dir.clone()),
                    lang: job.lang,
                    observer: Some(observer),
                    ..ScreenOptions::new(&job.input, &job.out_dir)
                };
                let result = crate::panic_guard::catch(|| screen::screen(&opts));
                let result = match result {
                    Ok(Ok(o)) => {
                        after(&job);
                        Ok(o)
                    }
                    // Files named as the council uploaded them, not by the server's path.
                    Ok(Err(e)) => Err(failure_message(&e, &job)),
                    Err(panic) => Err(without_server_paths(&panic, &job)),
                };
                (result, job)
            })
            .await;
            let seconds = started.elapsed().as_secs_f64();
            let now = screen::now_rfc3339();
            let (status, message, entries, flagged, cached) = match outcome {
                Ok((Ok(o), _)) => {
                    let flagged = o
                        .report
                        .entries
                        .iter()
                        .filter(|e| !e.flags.is_empty() || e.status == EntryStatus::Error)
                        .count();
                    (
                        RunStatus::Done,
                        format!(
                            "{} — {}: {}; {}: {}",
                            t.run_done(),
                            t.entries(),
                            o.report.entries.len(),
                            t.from_cache(),
                            o.cached
                        ),
                        o.report.entries.len() as i64,
                        flagged as i64,
                        o.cached as i64,
                    )
                }
                Ok((Err(msg), _)) => (RunStatus::Failed, msg, 0, 0, 0),
                Err(join) => (RunStatus::Failed, join.to_string(), 0, 0, 0),
            };
            let _ = db.finish_run(
                run_id, status, &message, entries, flagged, cached, seconds, &now,
            );
            let _ = db.audit(
                None,
                Some(contest_id),
                "run-finished",
                &format!("{}: {message}", (t.0.words().web.audit_run)(run_id)),
                &now,
            );
            tx.send_modify(|p| {
                p.status = status.as_str();
                p.percent = if status == RunStatus::Done {
                    100
                } else {
                    p.percent
                };
                p.message = message.clone();
                p.done = entries as u64;
                p.total = entries as u64;
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rises_through_the_stages_and_never_reaches_100_before_the_end() {
        let steps = [
            percent(Stage::Corpus, 0, 1),
            percent(Stage::Read, 0, 10),
            percent(Stage::Read, 10, 10),
            percent(Stage::Check, 0, 10),
            percent(Stage::Compare, 0, 10),
            percent(Stage::Report, 0, 10),
        ];
        assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
        assert!(steps.iter().all(|&p| p < 100));
        assert_eq!(percent(Stage::Read, 0, 0), 5);
    }

    #[test]
    fn a_second_run_of_the_same_contest_is_refused_until_the_first_ends() {
        let runs = Runs::default();
        runs.reserve(1, 10, Lang::Vi).unwrap();
        assert_eq!(runs.reserve(1, 11, Lang::Vi), Err(StartError::Busy));
        runs.reserve(2, 12, Lang::Vi).unwrap();
        runs.sender(1).unwrap().send_modify(|p| p.status = "done");
        runs.reserve(1, 13, Lang::Vi).unwrap();
        assert_eq!(runs.subscribe(1).unwrap().borrow().run_id, 13);
    }

    #[test]
    fn a_failure_names_the_contest_files_as_uploaded_and_the_server_folders_in_words() {
        let data = PathBuf::from("/srv/soloai/data");
        let job = RunJob {
            contest_id: 3,
            run_id: 7,
            input: data.join("contests/3/input"),
            out_dir: data.join("contests/3/report"),
            index_dir: data.join("corpus-index"),
            profile: None,
            lang: Lang::Vi,
            data_dir: data.clone(),
        };
        let said = without_server_paths(
            "/srv/soloai/data/contests/3/input/council.toml, dòng 2: x; \
             /srv/soloai/data/corpus-index (y); /srv/soloai/data/contests/3/report: z; \
             /srv/soloai/data/tmp/w; /srv/soloai/data/contests/3/input",
            &job,
        );
        assert_eq!(
            said,
            "council.toml, dòng 2: x; kho đối chiếu của máy chủ (y); \
             thư mục báo cáo của cuộc thi: z; thư mục dữ liệu của máy chủ/tmp/w; hồ sơ cuộc thi"
        );
    }
}
