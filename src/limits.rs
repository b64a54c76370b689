//! Limits for untrusted input, in one place (as lopdf's load options do). Entries come from
//! anyone; a zip bomb, a million-page PDF or a pathological XML must cost a bounded time
//! and memory and end as a clear error for that one file.
//!
//! Time is a [`Deadline`]; memory is a [`Budget`]: every reader charges what it is about to
//! hold (inflated zip members, decoded streams, text, PDF operators and Form XObject draws) to
//! the one budget of the file it reads, before it allocates, and stops with
//! `ExtractErrorKind::OverBudget` when the file would cost more than
//! [`Limits::max_memory_per_file`]. `check`, `extract`, `corpus add` and `screen` all read
//! through `extract::extract_*`, which gives every file a fresh budget (issue #14, item 3).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::lang::Lang;

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
    /// Memory one file may cost while it is read (see [`Budget`]): what the readers charge,
    /// not the process's resident size, so it is set well below what a run may use.
    pub max_memory_per_file: u64,
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
            max_memory_per_file: 384 * 1024 * 1024,
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

/// What a reader charges to a file's [`Budget`]; named in the error a council member reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Charge {
    /// The file's own bytes, held while it is read.
    FileBytes,
    /// An inflated zip member (a DOCX part).
    Decompressed,
    /// A decoded PDF stream (content stream, font program, image).
    PdfStream,
    /// PDF content-stream operators executed, Form XObjects drawn included (charged in
    /// bytes by the PDF reader's own estimate per operator).
    PdfOperators,
    /// Text and layout built from the file (paragraphs, runs, pages).
    Text,
    /// Pixels of a rendered page (OCR).
    Pixels,
}

impl Charge {
    /// What was being read, in the reader's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let w = &lang.words().files;
        match self {
            Charge::FileBytes => w.charge_file_bytes,
            Charge::Decompressed => w.charge_decompressed,
            Charge::PdfStream => w.charge_pdf_stream,
            Charge::PdfOperators => w.charge_pdf_operators,
            Charge::Text => w.charge_text,
            Charge::Pixels => w.charge_pixels,
        }
    }
}

/// The budget was exhausted: reading would have cost more than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// The charge that did not fit.
    pub what: Charge,
    /// [`Limits::max_memory_per_file`], in bytes.
    pub limit: u64,
}

/// The memory one file may cost, counted as work is done. One per file; share it by
/// reference (it is `Sync`, so parallel page readers can charge the same budget).
///
/// ```
/// use soloai::limits::{Budget, Charge};
/// let budget = Budget::new(1000);
/// assert!(budget.charge(Charge::Decompressed, 600).is_ok());
/// assert!(budget.charge(Charge::Decompressed, 600).is_err());
/// budget.release(600);
/// assert!(budget.charge(Charge::Text, 600).is_ok());
/// ```
#[derive(Debug)]
pub struct Budget {
    limit: u64,
    used: AtomicU64,
}

impl Budget {
    pub fn new(limit: u64) -> Self {
        Budget {
            limit,
            used: AtomicU64::new(0),
        }
    }

    /// A fresh budget of [`Limits::max_memory_per_file`].
    pub fn for_file(limits: &Limits) -> Self {
        Budget::new(limits.max_memory_per_file)
    }

    /// Count `bytes` more, or refuse (and count nothing) when they would pass the limit.
    /// Charge before allocating, so a refusal comes before the memory is spent.
    pub fn charge(&self, what: Charge, bytes: u64) -> Result<(), OverBudget> {
        let mut current = self.used.load(Ordering::Relaxed);
        loop {
            let next = current.saturating_add(bytes);
            if next > self.limit {
                return Err(OverBudget {
                    what,
                    limit: self.limit,
                });
            }
            match self.used.compare_exchange_weak(
                current,
                next,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(()),
                Err(seen) => current = seen,
            }
        }
    }

    /// Give back memory that was charged and has been freed (a temporary buffer dropped).
    pub fn release(&self, bytes: u64) {
        let _ = self
            .used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |u| {
                Some(u.saturating_sub(bytes))
            });
    }

    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// What may still be charged.
    pub fn remaining(&self) -> u64 {
        self.limit.saturating_sub(self.used())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_add_up_and_a_refused_charge_costs_nothing() {
        let budget = Budget::new(100);
        assert_eq!(budget.charge(Charge::Decompressed, 60), Ok(()));
        assert_eq!(
            budget.charge(Charge::PdfOperators, 41),
            Err(OverBudget {
                what: Charge::PdfOperators,
                limit: 100
            })
        );
        assert_eq!(budget.used(), 60);
        assert_eq!(budget.charge(Charge::Text, 40), Ok(()));
        assert_eq!(budget.remaining(), 0);
        budget.release(1000);
        assert_eq!(budget.used(), 0);
        // Overflow saturates instead of wrapping round to a small number.
        assert!(budget.charge(Charge::Pixels, u64::MAX).is_err());
    }

    #[test]
    fn parallel_charges_never_pass_the_limit() {
        let budget = Budget::new(10_000);
        let accepted: u64 = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..5_000)
                            .filter(|_| budget.charge(Charge::PdfStream, 3).is_ok())
                            .count() as u64
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        });
        assert_eq!(accepted * 3, budget.used());
        assert!(budget.used() <= 10_000);
        assert!(budget.used() > 10_000 - 3);
    }
}
