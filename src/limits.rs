//! Limits for untrusted input, in one place (as lopdf's load options do). Entries come from
//! anyone; a zip bomb, a million-page PDF or a pathological XML must cost a bounded time
//! and memory and end as a clear error for that one file.

use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file read at all.
    pub max_file_bytes: u64,
    /// Largest decompressed size of one zip member (DOCX part).
    pub max_member_bytes: u64,
    /// Largest decompressed size of all members read from one zip.
    pub max_total_decompressed: u64,
    /// Deepest XML nesting accepted.
    pub max_xml_depth: usize,
    /// Most PDF pages read.
    pub max_pages: usize,
    /// Largest decompressed PDF stream.
    pub max_stream_bytes: u64,
    /// Wall-clock budget per file.
    pub time_per_file: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_member_bytes: 128 * 1024 * 1024,
            max_total_decompressed: 512 * 1024 * 1024,
            max_xml_depth: 256,
            max_pages: 2_000,
            max_stream_bytes: 64 * 1024 * 1024,
            time_per_file: Duration::from_secs(60),
        }
    }
}

/// The point in time past which a reader gives up with `ExtractErrorKind::Timeout`.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Instant,
    budget: Duration,
}

impl Deadline {
    pub fn start(limits: &Limits) -> Self {
        Deadline {
            at: Instant::now() + limits.time_per_file,
            budget: limits.time_per_file,
        }
    }

    pub fn expired(&self) -> bool {
        Instant::now() >= self.at
    }

    pub fn budget_secs(&self) -> u64 {
        self.budget.as_secs()
    }
}
