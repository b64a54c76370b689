//! Progress bars on stderr, only when a person is watching (stderr is a terminal).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar with a message, or `None` when progress is off or stderr is not a terminal.
pub fn bar(enabled: bool, message: &str) -> Option<ProgressBar> {
    if !enabled || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>20} [{bar:30}] {pos}/{len} {elapsed_precise}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message.to_string());
    Some(bar)
}

pub fn finish(bar: Option<ProgressBar>) {
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}

/// A stage of a screening run, as an observer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Adding `--corpus` folders and `prior/` to the index.
    Corpus,
    /// Reading the entries (cached or not); `done`/`total` count entries.
    Read,
    /// Form checks.
    Check,
    /// Copy detection against each other and the corpus.
    Compare,
    /// Writing the report files.
    Report,
}

/// Where a run reports how far it is when no person watches a terminal (the web app shows a
/// progress bar). Called from worker threads; keep it cheap.
#[derive(Clone)]
pub struct Observer(pub std::sync::Arc<dyn Fn(Stage, u64, u64) + Send + Sync>);

impl Observer {
    pub fn new(f: impl Fn(Stage, u64, u64) + Send + Sync + 'static) -> Observer {
        Observer(std::sync::Arc::new(f))
    }
}

impl std::fmt::Debug for Observer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Observer")
    }
}

/// Tell the observer, if there is one.
pub fn notify(observer: Option<&Observer>, stage: Stage, done: u64, total: u64) {
    if let Some(o) = observer {
        (o.0)(stage, done, total);
    }
}
