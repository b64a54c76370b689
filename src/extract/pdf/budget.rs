//! The per-file work budget of the PDF reader (issue 14 item 3).
//!
//! A PDF is a program: a 4 KB file whose Form XObjects are nested 10 wide and 13 deep asks
//! for 10^13 drawings. The time limit alone let such a file run a minute and take 7.7 GB
//! before it stopped. So the reader counts its work as it does it — content-stream operators
//! run (which is operators × XObject depth × fan-out, counted by running them), content bytes
//! parsed (a form drawn twice is parsed twice), bytes inflated from compressed streams, and
//! characters kept — and stops the file with [`ExtractErrorKind::WorkLimit`] the moment one
//! passes its limit. Memory then stays bounded too: what is kept grows only with what was
//! counted.
//!
//! Forms are also costed before they are drawn (`Walker::form_cost`: own operators plus each
//! inner form's cost times its draws, memoized per form), so such a file is refused at its
//! first drawing instead of after 40 million operators. The limits are far above what real
//! files need (the unit test `work_is_counted_as_it_is_done_and_stops_at_the_limit` checks
//! a real export spends under 1/10,000 of the operators).

use std::cell::Cell;
use std::path::Path;

use crate::error::{ExtractError, ExtractErrorKind, WorkMeasure};

/// How much work one PDF may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetLimits {
    /// Content-stream operators run, forms' operators counted each time a form is drawn.
    pub operators: u64,
    /// Bytes of content streams parsed, a form's bytes counted each time it is drawn.
    pub content_bytes: u64,
    /// Bytes inflated from compressed streams (page contents, forms, fonts, CMaps).
    pub inflated_bytes: u64,
    /// Characters kept as text.
    pub characters: u64,
    /// Largest single decoded stream.
    pub stream_bytes: u64,
}

impl BudgetLimits {
    /// The defaults, with the single-stream limit taken from the file limits.
    pub fn with_stream_limit(stream_bytes: u64) -> Self {
        BudgetLimits {
            operators: 40_000_000,
            content_bytes: 512 * 1024 * 1024,
            inflated_bytes: 768 * 1024 * 1024,
            characters: 12_000_000,
            stream_bytes,
        }
    }
}

/// What was spent; shared by the walker, the font loader and the page loop (`Cell`s, so
/// that a `&Budget` can be handed down everywhere without threading `&mut`).
#[derive(Debug)]
pub struct Budget {
    limits: BudgetLimits,
    operators: Cell<u64>,
    content_bytes: Cell<u64>,
    inflated_bytes: Cell<u64>,
    characters: Cell<u64>,
    exceeded: Cell<Option<WorkMeasure>>,
}

/// The budget ran out; which measure, and its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exceeded {
    pub measure: WorkMeasure,
    pub limit: u64,
}

impl Exceeded {
    pub fn into_error(self, path: &Path) -> ExtractError {
        ExtractError::new(
            path,
            ExtractErrorKind::WorkLimit {
                measure: self.measure,
                limit: self.limit,
            },
        )
    }
}

impl Budget {
    pub fn new(limits: BudgetLimits) -> Self {
        Budget {
            limits,
            operators: Cell::new(0),
            content_bytes: Cell::new(0),
            inflated_bytes: Cell::new(0),
            characters: Cell::new(0),
            exceeded: Cell::new(None),
        }
    }

    pub fn stream_limit(&self) -> usize {
        usize::try_from(self.limits.stream_bytes).unwrap_or(usize::MAX)
    }

    fn charge(&self, cell: &Cell<u64>, n: u64, limit: u64, measure: WorkMeasure) -> Charge {
        let spent = cell.get().saturating_add(n);
        cell.set(spent);
        if spent > limit {
            if self.exceeded.get().is_none() {
                self.exceeded.set(Some(measure));
            }
            Err(Exceeded { measure, limit })
        } else {
            Ok(())
        }
    }

    pub fn operators(&self, n: u64) -> Charge {
        self.charge(
            &self.operators,
            n,
            self.limits.operators,
            WorkMeasure::Operators,
        )
    }

    /// Refuse now if running `n` more operators would pass the limit (nothing is charged:
    /// the operators are counted as they run).
    pub fn would_run(&self, n: u64) -> Charge {
        if self.operators.get().saturating_add(n) > self.limits.operators {
            self.operators.set(self.operators.get().saturating_add(n));
            return self.operators(0);
        }
        Ok(())
    }

    pub fn content_bytes(&self, n: usize) -> Charge {
        self.charge(
            &self.content_bytes,
            n as u64,
            self.limits.content_bytes,
            WorkMeasure::ContentBytes,
        )
    }

    pub fn inflated_bytes(&self, n: usize) -> Charge {
        self.charge(
            &self.inflated_bytes,
            n as u64,
            self.limits.inflated_bytes,
            WorkMeasure::InflatedBytes,
        )
    }

    pub fn characters(&self, n: usize) -> Charge {
        self.charge(
            &self.characters,
            n as u64,
            self.limits.characters,
            WorkMeasure::Characters,
        )
    }

    /// The first limit passed, if any: places that cannot return an error (a font being
    /// loaded) charge and carry on; the walker looks here after them.
    pub fn exceeded(&self) -> Option<Exceeded> {
        self.exceeded.get().map(|measure| Exceeded {
            measure,
            limit: match measure {
                WorkMeasure::Operators => self.limits.operators,
                WorkMeasure::ContentBytes => self.limits.content_bytes,
                WorkMeasure::InflatedBytes => self.limits.inflated_bytes,
                WorkMeasure::Characters => self.limits.characters,
            },
        })
    }

    /// What was spent so far: operators, content bytes, inflated bytes, characters.
    #[cfg(test)]
    pub fn spent(&self) -> [u64; 4] {
        [
            self.operators.get(),
            self.content_bytes.get(),
            self.inflated_bytes.get(),
            self.characters.get(),
        ]
    }
}

pub type Charge = Result<(), Exceeded>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_measure_past_its_limit_is_remembered() {
        let b = Budget::new(BudgetLimits {
            operators: 10,
            content_bytes: 100,
            inflated_bytes: 100,
            characters: 100,
            stream_bytes: 100,
        });
        assert!(b.operators(10).is_ok());
        assert!(b.exceeded().is_none());
        let e = b.operators(1).unwrap_err();
        assert_eq!(e.measure, WorkMeasure::Operators);
        assert_eq!(e.limit, 10);
        assert!(b.characters(1000).is_err());
        assert_eq!(
            b.exceeded().map(|e| e.measure),
            Some(WorkMeasure::Operators)
        );
        assert_eq!(b.spent(), [11, 0, 0, 1000]);
    }
}
