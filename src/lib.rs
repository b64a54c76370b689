//! soloai — pre-screening ("sơ loại") of entries to Vietnamese administrative-reform idea
//! contests ("Tìm kiếm ý tưởng, giải pháp cải cách hành chính").
//!
//! One pipeline, one module per stage, data flowing forward only:
//! [`discover`] → [`extract`] → [`normalize`] → [`check`] → [`index`] → [`compare`] →
//! [`report`], tied together by [`screen`]. `ARCHITECTURE.md` maps folders to stages.

pub mod check;
pub mod compare;
pub mod council;
pub mod discover;
pub mod error;
pub mod extract;
pub mod fingerprint;
pub mod index;
pub mod limits;
pub mod lock;
pub mod manifest;
pub mod model;
pub mod normalize;
pub mod out_dir;
pub mod package;
pub mod panic_guard;
pub mod profile;
pub mod report;
pub mod safe_fs;
pub mod scoring;
pub mod screen;
pub mod serve;
pub mod terminal;
pub mod vocab;

/// The language type lives in the vocabulary; `crate::lang::Lang` still names it.
pub use vocab::lang;

pub use error::{ExtractError, ExtractErrorKind};
pub use lang::Lang;
pub use limits::Limits;
pub use model::Extracted;
