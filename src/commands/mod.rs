//! One file per subcommand: its arguments and how its outcome is printed. The work itself
//! is in the library.

pub mod check;
pub mod compare;
pub mod corpus;
pub mod council;
pub mod extract;
pub mod manifest;
pub mod package;
pub mod profile;
pub mod scoring;
pub mod screen;
pub mod serve;
