//! One file per subcommand: its arguments and how its outcome is printed. The work itself
//! is in the library.

pub mod check;
pub mod compare;
pub mod corpus;
pub mod extract;
pub mod manifest;
pub mod profile;
pub mod screen;
pub mod serve;
