//! Helpers shared by the integration tests. Each test binary uses only some of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Whether a program is on the PATH (tests that need LibreOffice or Chromium skip, saying so,
/// where it is not installed; `.ci/run` installs both).
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Headless Chromium as these machines allow it: no sandbox (tests run as root), no GPU, and
/// no background networking (the network is closed; Chromium would log refused connections),
/// with its own profile folder so parallel tests do not share one.
pub fn chromium(profile: &Path) -> Command {
    let mut command = Command::new("chromium");
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}
